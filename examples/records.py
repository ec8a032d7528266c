"""Test records for the engine examples: JSONL made from the repository's own
golden documents, with the awkward parts of real records — extra and nested
fields, non-ASCII, U+2028 and carriage returns inside the text (a record ends
only at ``\\n``), empty texts, and documents in other languages that clean to
nothing under ``--lang en``.
"""

import json
import pathlib


def golden_texts(golden: pathlib.Path) -> list[str]:
    return [(case / "input.txt").read_text("utf-8") for case in sorted(golden.iterdir())]


def make_records(n: int, golden: pathlib.Path) -> list[dict]:
    texts = golden_texts(golden)
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        if i % 97 == 0:
            text = ""
        elif i % 89 == 0:
            text = text.replace("\n", "\r\n")
        elif i % 83 == 0:
            text = text.replace(". ", ".\u2028", 3)
        out.append(
            {
                "id": f"doc-{i:05d}",
                "text": text,
                "url": f"https://example.org/{i}?q=ü&r=漢",
                "meta": {"crawl": i % 7, "lang_hint": ["en", "zh", "ja"][i % 3], "score": i / 4},
            }
        )
    return out


def write_records(path: pathlib.Path, n: int, golden: pathlib.Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for record in make_records(n, golden):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
