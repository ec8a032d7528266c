"""Fixtures for the engine examples (Spark, Ray Data, datatrove).

Each engine's tests are skipped, with the reason, when its package cannot be
imported; the records and the CLI's reference output are shared.
"""

import json
import os
import pathlib
import subprocess

import pytest

from records import write_records

REPO = pathlib.Path(__file__).resolve().parents[1]
RECORDS = int(os.environ.get("THRESH_EXAMPLE_RECORDS", "10000"))


@pytest.fixture(scope="session")
def thresh_bin():
    """The CLI: ``THRESH_BIN``, or a release build of this repository."""
    given = os.environ.get("THRESH_BIN")
    if given:
        return str(pathlib.Path(given).resolve())
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return str(REPO / "target" / "release" / "thresh")


@pytest.fixture(scope="session")
def records(tmp_path_factory):
    """A JSONL file of ``RECORDS`` records made from the repository's golden documents."""
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    write_records(path, RECORDS, REPO / "tests" / "golden")
    return path


@pytest.fixture(scope="session")
def cli_lines(thresh_bin, records):
    """The CLI's output for the records (``--lang en``), one line per record."""
    done = subprocess.run(
        [thresh_bin, "clean", "--jsonl", "--quiet", "--lang", "en", str(records)],
        capture_output=True,
        check=True,
    )
    lines = done.stdout.decode("utf-8").split("\n")
    assert lines[-1] == ""
    return lines[:-1]


@pytest.fixture(scope="session")
def cli_records(cli_lines):
    return [json.loads(line) for line in cli_lines]
