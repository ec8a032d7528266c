#!/usr/bin/env python3
"""Builds a JSON Lines stream of real-looking documents for measurements.

Usage: scripts/make-jsonl.py PAGES_DIR SIZE_MB [LANGS] > stream.jsonl

PAGES_DIR holds one folder per page with an `input.txt` (the layout of the
shared dev corpus); with LANGS (one language or several joined by commas,
"zh,ja"), only pages whose `meta.json` gives one of them are used. Pages are repeated, with an id and a few extra fields,
until the stream reaches SIZE_MB megabytes. Nothing is written to the
repository: the stream goes to standard output.
"""

import json
import pathlib
import sys


def page_lang(page: pathlib.Path) -> str:
    meta = page.parent / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")).get("lang", "en") if meta.exists() else "en"


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    pages = sorted(pathlib.Path(sys.argv[1]).glob("*/input.txt"))
    if len(sys.argv) == 4:
        langs = set(sys.argv[3].split(","))
        pages = [p for p in pages if page_lang(p) in langs]
    if not pages:
        print(f"no */input.txt under {sys.argv[1]}", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in pages]
    target = int(float(sys.argv[2]) * 1_000_000)
    written = 0
    i = 0
    out = sys.stdout
    while written < target:
        text = texts[i % len(texts)]
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
