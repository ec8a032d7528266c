"""Clean a JSONL corpus with thresh on Ray Data, two ways.

1. ``module``: ``map_batches`` with a callable class that compiles the rules
   once per actor and cleans each batch with the Python module's
   ``clean_batch`` (GIL released).
2. ``cli``: ``map_batches`` piping each batch, as JSON lines, through the
   ``thresh`` binary.

Both keep one row out per row in, in order (``preserve_order``), every other
column untouched. Read the input with ``read_json``, not ``read_text``:
``read_text`` splits lines at U+2028 and carriage returns too, which JSON
strings may hold.

Usage::

    python examples/ray/clean_ray.py --mode module in.jsonl out/
    python examples/ray/clean_ray.py --mode cli --binary target/release/thresh in.jsonl out/

Without ``--address`` it starts a local Ray on the loopback address and
shuts it down at the end; with it, it joins that cluster (the module, or the
binary at the same path, must be on every node).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess

import pyarrow as pa
import ray


class CleanBatch:
    """The ``map_batches`` class: one compiled cleaner per actor."""

    def __init__(self, lang: str = "en", field: str = "text", threads: int = 1):
        import thresh

        self.cleaner = thresh.Thresh(lang=lang)
        self.field = field
        self.threads = threads

    def __call__(self, batch: pa.Table) -> pa.Table:
        index = batch.schema.get_field_index(self.field)
        cleaned = self.cleaner.clean_batch(batch.column(index).to_pylist(), threads=self.threads)
        return batch.set_column(index, self.field, pa.array(cleaned, pa.string()))


def pipe_batch(batch: pa.Table, binary: str, lang: str = "en", field: str = "text") -> pa.Table:
    """One batch through the thresh binary as JSON lines; same rows, same order."""
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in batch.to_pylist())
    done = subprocess.run(
        [binary, "clean", "--jsonl", "--quiet", "--threads", "1", "--lang", lang, "--field", field],
        input=lines.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    # 1 means some record was passed through unchanged (reported on stderr).
    if done.returncode > 1:
        raise RuntimeError(f"thresh exited {done.returncode}: {done.stderr.decode('utf-8', 'replace')}")
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").split("\n") if line]
    if len(rows) != batch.num_rows:
        raise RuntimeError(f"thresh gave {len(rows)} lines for {batch.num_rows}")
    return pa.Table.from_pylist(rows, schema=batch.schema)


def clean_with_module(ds: "ray.data.Dataset", lang: str = "en", field: str = "text", actors: int | None = None):
    """``field`` cleaned by ``actors`` actors (default: one per CPU but one, which the read tasks need)."""
    if actors is None:
        actors = max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)
    return ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"lang": lang, "field": field},
        batch_format="pyarrow",
        batch_size=512,
        concurrency=actors,
    )


def clean_with_cli(ds: "ray.data.Dataset", binary: str, lang: str = "en", field: str = "text"):
    """``field`` cleaned by the thresh binary, one process per batch."""
    return ds.map_batches(
        pipe_batch,
        fn_kwargs={"binary": binary, "lang": lang, "field": field},
        batch_format="pyarrow",
        batch_size=2048,
    )


def preserve_order() -> None:
    """Rows leave in the order they came (Ray Data may reorder otherwise)."""
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--mode", choices=["module", "cli"], default="module")
    parser.add_argument("--binary", default="target/release/thresh", help="the thresh binary (cli mode)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--field", default="text")
    parser.add_argument("--address", default=None, help="a running cluster's address; default: a local Ray on loopback")
    args = parser.parse_args()
    if args.address is None:
        # A throwaway local Ray: on the loopback address, no usage stats, no dashboard.
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        ray.init(include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    else:
        ray.init(address=args.address)
    try:
        preserve_order()
        ds = ray.data.read_json(args.input)
        if args.mode == "module":
            ds = clean_with_module(ds, args.lang, args.field)
        else:
            ds = clean_with_cli(ds, os.path.abspath(args.binary), args.lang, args.field)
        ds.write_json(args.output, force_ascii=False)
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
