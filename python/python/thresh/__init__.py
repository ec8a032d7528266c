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

__all__ = ["RuleError", "Thresh", "__version__"]
