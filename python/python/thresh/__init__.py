"""Strip boilerplate from scraped text, block by block.

``thresh`` keeps the body of an article and drops what surrounds it —
bylines, copyright lines, menus, share prompts, disclaimers in other
languages — and can say, block by block, what it dropped and why. It is the
engine of the ``thresh`` command line, compiled into this module::

    import thresh

    cleaner = thresh.Thresh(lang=["en"])          # rules compiled once
    body = cleaner.clean(page_text)                # str -> str
    bodies = cleaner.clean_batch(texts)            # all cores, GIL released
    report = cleaner.clean_report(page_text)       # per-block decisions

A ``Thresh`` is immutable and safe to share across threads.
"""

from ._native import RuleError, Thresh, __version__

__all__ = ["RuleError", "Thresh", "__version__", "dolma_attributes"]


def dolma_attributes(report, prefix="thresh__thresh__"):
    """Dolma attributes for one document, from its ``Thresh.clean_report``.

    Two attributes, spans as ``[start, end, score]`` in characters of the
    document's text, as dolma's mixer reads them:

    - ``<prefix>boilerplate``: every dropped block and every span cut from a
      kept block, score 1.0. A mixer ``span_replacement`` of these with
      ``""`` leaves the body, and the white space between blocks (blank
      lines, and lines of zero-width characters, which thresh reads as
      blank).
    - ``<prefix>block``: every block, score 1.0 when kept and 0.0 when
      dropped, for filters of your own.
    """
    boilerplate = []
    blocks = []
    for block in report["blocks"]:
        start, end = block["span"]
        kept = block["decision"] != "drop"
        blocks.append([start, end, 1.0 if kept else 0.0])
        if kept:
            boilerplate.extend([s, e, 1.0] for s, e in block["stripped"])
        else:
            boilerplate.append([start, end, 1.0])
    return {prefix + "boilerplate": boilerplate, prefix + "block": blocks}
