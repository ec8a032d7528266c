#!/usr/bin/env python3
"""Runs a peer over every record of a JSON Lines stream in one process and
prints the seconds spent cleaning (imports and reading excluded).

Usage: bench/peers.py justext|trafilatura STREAM.jsonl

Each record's "text" is wrapped as one <p> per blank-line-separated
paragraph, as the dev corpus's peers do, and given to jusText (English
stoplist) or trafilatura.extract (default settings, comments off).
"""
import html
import json
import re
import sys
import time


def to_html(text):
    paras = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    body = "\n".join("<p>" + html.escape(p) + "</p>" for p in paras)
    return '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n' + body + "\n</body></html>\n"


def main():
    peer, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        docs = [to_html(json.loads(line)["text"]) for line in f if line.strip()]
    if peer == "justext":
        import justext

        stoplist = justext.get_stoplist("English")
        clean = lambda h: "\n\n".join(p.text for p in justext.justext(h, stoplist) if not p.is_boilerplate)
    elif peer == "trafilatura":
        import trafilatura

        clean = lambda h: trafilatura.extract(h, include_comments=False, include_tables=True) or ""
    else:
        sys.exit(f"unknown peer {peer}")
    start = time.perf_counter()
    out = 0
    for h in docs:
        out += len(clean(h))
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
