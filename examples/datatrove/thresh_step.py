"""thresh as a datatrove pipeline step.

``ThreshCleaner`` cleans documents' text in batches with the ``thresh``
Python module (rules compiled once per task, the GIL released while a batch
is cleaned). A document cleaned to nothing keeps ``text == ""``; to have the
writer keep that key too, give ``JsonlWriter`` the ``keep_empty_text``
adapter (datatrove's own adapter leaves out empty values). Note that
datatrove's readers skip documents whose text is empty on the way *in*.

Run as a script (JSONL in, JSONL out, one shard per task)::

    python examples/datatrove/thresh_step.py INPUT_DIR OUTPUT_DIR --tasks 2
"""

from __future__ import annotations

import argparse
from itertools import islice

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep


class ThreshCleaner(PipelineStep):
    """Cleans each document's text with thresh; documents keep their order and metadata.

    :param lang: languages to keep (``"en"``, ``["en", "de"]``, ``"any"``).
    :param rules: extra folders of rule files.
    :param disable: rule ids to switch off.
    :param batch_size: documents cleaned per ``clean_batch`` call.
    :param threads: threads per batch; default 1, as datatrove runs tasks in parallel.
    :param drop_empty: leave out documents cleaned to nothing instead of passing them on with ``""``.
    """

    name = "🌾 thresh"
    type = "✂️ - FORMAT"

    def __init__(self, lang="en", rules=None, disable=None, batch_size: int = 256, threads: int = 1,
                 drop_empty: bool = False):
        super().__init__()
        self.lang = lang
        self.rules = list(rules or [])
        self.disable = list(disable or [])
        self.batch_size = batch_size
        self.threads = threads
        self.drop_empty = drop_empty
        self._cleaner = None

    def cleaner(self):
        """The compiled cleaner, built on first use in the task's process (the step itself is pickled)."""
        if self._cleaner is None:
            import thresh

            self._cleaner = thresh.Thresh(lang=self.lang, rules=self.rules, disable=self.disable)
        return self._cleaner

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        cleaner = self.cleaner()
        data = iter(data)
        while batch := list(islice(data, self.batch_size)):
            with self.track_time(unit="batch"):
                texts = cleaner.clean_batch([doc.text for doc in batch], threads=self.threads)
            for doc, text in zip(batch, texts):
                self.stat_update("documents")
                self.stat_update("chars_in", value=len(doc.text))
                self.stat_update("chars_out", value=len(text))
                doc.text = text
                if not text:
                    self.stat_update("cleaned_to_empty")
                    if self.drop_empty:
                        continue
                yield doc


def keep_empty_text(writer, document) -> dict:
    """A ``JsonlWriter`` adapter: ``text`` and ``id`` always, the metadata's fields beside them."""
    return {"text": document.text, "id": document.id, **(document.metadata or {})}


def pipeline(input_dir: str, output_dir: str, lang: str = "en") -> list:
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    return [
        # add_file_path=False: records leave with the fields they came with, nothing added.
        JsonlReader(input_dir, glob_pattern="*.jsonl", compression=None, add_file_path=False),
        ThreshCleaner(lang=lang),
        JsonlWriter(output_dir, adapter=keep_empty_text, compression=None),
    ]


def main() -> None:
    from datatrove.executor import LocalPipelineExecutor

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input_dir")
    parser.add_argument("output_dir")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--tasks", type=int, default=2)
    parser.add_argument("--logging-dir", default=None)
    args = parser.parse_args()
    LocalPipelineExecutor(
        pipeline=pipeline(args.input_dir, args.output_dir, args.lang),
        tasks=args.tasks,
        workers=args.tasks,
        logging_dir=args.logging_dir,
    ).run()


if __name__ == "__main__":
    main()
