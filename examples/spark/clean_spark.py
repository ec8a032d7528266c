"""Clean a JSONL corpus with thresh on Spark, two ways.

1. ``pipe``: stream the records through the ``thresh`` binary with
   ``RDD.pipe``. The binary is shipped to the executors with
   ``SparkContext.addFile``; every record line goes through unchanged but for
   its text field, other fields byte for byte.
2. ``pandas``: ``DataFrame.mapInPandas`` with the ``thresh`` Python module's
   ``clean_batch`` (the module must be installed on the executors).

Usage::

    python examples/spark/clean_spark.py --mode pipe   --binary target/release/thresh in.jsonl out/
    python examples/spark/clean_spark.py --mode pandas in.jsonl out/

``--master`` defaults to ``local[2]``; pass your cluster's to run there.
"""

from __future__ import annotations

import argparse
import os
import shlex
from typing import Iterator

from pyspark import SparkFiles
from pyspark.rdd import RDD
from pyspark.sql import DataFrame, SparkSession


def pipe_command(binary: str, lang: str = "en", field: str = "text") -> str:
    """The command each partition pipes its lines through.

    One thread per task (Spark runs the tasks in parallel). thresh exits 1
    when it passed some record through unchanged (reported on the task's
    stderr); ``sh`` turns that into success so only a real failure — a usage
    error (2), bad rules (78), a crash — fails the task.
    """
    cmd = [binary, "clean", "--jsonl", "--quiet", "--threads", "1", "--lang", lang, "--field", field]
    return "/bin/sh -c " + shlex.quote(" ".join(map(shlex.quote, cmd)) + '; test "$?" -le 1')


def clean_with_pipe(spark: SparkSession, path: str, binary: str, lang: str = "en", field: str = "text") -> RDD:
    """The lines of ``path`` cleaned by the thresh binary: one line out per line in, in order."""
    sc = spark.sparkContext
    sc.addFile(binary)
    shipped = SparkFiles.get(os.path.basename(binary))
    return sc.textFile(path).pipe(pipe_command(shipped, lang, field), checkCode=True)


_CLEANERS: dict = {}


def _cleaner(lang: str):
    """One compiled cleaner per Python worker process, built on first use."""
    import thresh

    if lang not in _CLEANERS:
        _CLEANERS[lang] = thresh.Thresh(lang=lang)
    return _CLEANERS[lang]


def clean_frames(frames: Iterator, lang: str, field: str) -> Iterator:
    """The ``mapInPandas`` function: each frame's ``field`` column cleaned.

    One thread per task, as above; a null text becomes ``""`` so the key is
    never lost.
    """
    cleaner = _cleaner(lang)
    for frame in frames:
        frame[field] = cleaner.clean_batch(frame[field].tolist(), threads=1)
        yield frame


def clean_with_pandas(spark: SparkSession, path: str, lang: str = "en", field: str = "text") -> DataFrame:
    """``path`` read as a DataFrame, ``field`` cleaned with the Python module; same rows, same order."""
    # The executors import this file for `clean_frames`.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    frame = spark.read.json(path)
    return frame.mapInPandas(lambda frames: clean_frames(frames, lang, field), schema=frame.schema)


def session(master: str = "local[2]") -> SparkSession:
    return (
        SparkSession.builder.master(master)
        .appName("thresh")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--mode", choices=["pipe", "pandas"], default="pipe")
    parser.add_argument("--binary", default="target/release/thresh", help="the thresh binary (pipe mode)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--field", default="text")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    spark = session(args.master)
    try:
        if args.mode == "pipe":
            clean_with_pipe(spark, args.input, os.path.abspath(args.binary), args.lang, args.field).saveAsTextFile(
                args.output
            )
        else:
            clean_with_pandas(spark, args.input, args.lang, args.field).write.json(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
