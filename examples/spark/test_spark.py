"""Both Spark variants in local[2] on the shared records, against the CLI."""

import json
import os
import sys

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed: the Spark example is not tested")
pytest.importorskip("pandas", reason="pandas is not installed: the Spark example is not tested")
pytest.importorskip("pyarrow", reason="pyarrow is not installed: the Spark example is not tested")

sys.path.insert(0, os.path.dirname(__file__))
import clean_spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    if os.system("java -version >/dev/null 2>&1") != 0:
        pytest.skip("no Java runtime: the Spark example is not tested")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = clean_spark.session("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def test_pipe_gives_the_cli_lines(spark, records, thresh_bin, cli_lines):
    rdd = clean_spark.clean_with_pipe(spark, str(records), thresh_bin)
    assert rdd.getNumPartitions() >= 2
    out = rdd.collect()
    assert len(out) == len(cli_lines)
    assert out == cli_lines


def test_map_in_pandas_gives_the_cli_records(spark, records, cli_records):
    frame = clean_spark.clean_with_pandas(spark, str(records))
    rows = [row.asDict(recursive=True) for row in frame.collect()]
    assert len(rows) == len(cli_records)
    assert [r["id"] for r in rows] == [r["id"] for r in cli_records]
    for got, want in zip(rows, cli_records):
        assert got == want, got["id"]
    assert sum(1 for r in rows if r["text"] == "") > 0, "some records clean to an empty text, key kept"


def test_job_writes_one_line_per_record(tmp_path, records, thresh_bin, cli_records):
    """The script as a user runs it, pipe mode, output read back."""
    import subprocess

    out = tmp_path / "out"
    script = os.path.join(os.path.dirname(__file__), "clean_spark.py")
    subprocess.run(
        [sys.executable, script, "--mode", "pipe", "--binary", thresh_bin, str(records), str(out)],
        check=True,
        capture_output=True,
    )
    parts = sorted(out.glob("part-*"))
    lines = [line for p in parts for line in p.read_text("utf-8").split("\n") if line]
    assert [json.loads(line) for line in lines] == cli_records
