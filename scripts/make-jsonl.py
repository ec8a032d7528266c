#!/usr/bin/env python3
"""Builds a JSON Lines stream of real-looking documents for measurements.

Usage: scripts/make-jsonl.py [--swap FRACTION] PAGES_DIR SIZE_MB [LANGS] > stream.jsonl

PAGES_DIR holds one folder per page with an `input.txt` (the layout of the
shared dev corpus); with LANGS (one language or several joined by commas,
"zh,ja"), only pages whose `meta.json` gives one of them are used. Pages are repeated, with an id and a few extra fields,
until the stream reaches SIZE_MB megabytes. Nothing is written to the
repository: the stream goes to standard output.

A stream that repeats its pages flatters anything that learns as it goes:
the lazy DFAs build their states in the first few megabytes and never
again. With --swap FRACTION (0.3, say), every copy of a page after its
first has that fraction of its Latin-script words replaced by words drawn
from all the pages (the same seed gives the same stream): the same layouts,
but block openings a reader of the stream has not seen before.
"""

import json
import pathlib
import random
import re
import sys

WORD = re.compile(r"[A-Za-z]+")


def swapped(text: str, fraction: float, vocabulary: list, rng: random.Random) -> str:
    """`text` with about `fraction` of its Latin words replaced, capitals kept."""

    def swap(m: re.Match) -> str:
        if rng.random() >= fraction:
            return m.group(0)
        word = rng.choice(vocabulary)
        return word.capitalize() if m.group(0)[0].isupper() else word.lower()

    return WORD.sub(swap, text)


def page_lang(page: pathlib.Path) -> str:
    meta = page.parent / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")).get("lang", "en") if meta.exists() else "en"


def main() -> int:
    args = sys.argv[1:]
    fraction = 0.0
    if args[:1] == ["--swap"] and len(args) > 1:
        fraction = float(args[1])
        args = args[2:]
    if len(args) not in (2, 3) or not 0.0 <= fraction <= 1.0:
        print(__doc__, file=sys.stderr)
        return 2
    pages = sorted(pathlib.Path(args[0]).glob("*/input.txt"))
    if len(args) == 3:
        langs = set(args[2].split(","))
        pages = [p for p in pages if page_lang(p) in langs]
    if not pages:
        print(f"no */input.txt under {args[0]}", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in pages]
    vocabulary = sorted({w for t in texts for w in WORD.findall(t)})
    rng = random.Random(1)
    target = int(float(args[1]) * 1_000_000)
    written = 0
    i = 0
    out = sys.stdout
    while written < target:
        text = texts[i % len(texts)]
        if fraction and i >= len(texts):
            text = swapped(text, fraction, vocabulary, rng)
        line = json.dumps(
            {"id": f"doc-{i}", "url": f"https://example.com/{i}", "text": text,
             "meta": {"source": pages[i % len(pages)].parent.name, "n": i}},
            ensure_ascii=False,
        )
        out.write(line + "\n")
        written += len(line.encode("utf-8")) + 1
        i += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
