"""JsonlReader → ThreshCleaner → JsonlWriter with two tasks, against the CLI."""

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("datatrove", reason="datatrove is not installed: the datatrove example is not tested")
pytest.importorskip("orjson", reason="orjson is not installed: the datatrove example is not tested")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import thresh_step  # noqa: E402


def test_pipeline_gives_the_cli_records(tmp_path, records, cli_records):
    lines = records.read_text("utf-8").split("\n")[:-1]
    shards = tmp_path / "in"
    shards.mkdir()
    half = len(lines) // 2
    for i, part in enumerate([lines[:half], lines[half:]]):
        (shards / f"shard-{i}.jsonl").write_text("".join(line + "\n" for line in part), "utf-8")

    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, os.path.join(HERE, "thresh_step.py"), str(shards), str(out), "--tasks", "2",
         "--logging-dir", str(tmp_path / "logs")],
        check=True,
        capture_output=True,
    )
    got = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text("utf-8").split("\n") if line]
    # datatrove's reader skips records whose text is empty on the way in.
    kept = [want for want, line in zip(cli_records, lines) if json.loads(line)["text"]]
    assert len(got) == len(kept)
    assert got == kept
    emptied = [r for r in got if r["text"] == ""]
    assert emptied, "documents in other languages clean to nothing under lang='en'"


def test_step_in_process_keeps_order_and_empty_texts(records, cli_records):
    from datatrove.data import Document

    docs = [Document(text=json.loads(line)["text"], id=json.loads(line)["id"])
            for line in records.read_text("utf-8").split("\n")[:300] if line]
    step = thresh_step.ThreshCleaner(lang="en", batch_size=64)
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == [d.id for d in docs]
    by_id = {r["id"]: r["text"] for r in cli_records}
    assert all(d.text == by_id[d.id] for d in out)
    dropping = thresh_step.ThreshCleaner(lang="en", drop_empty=True)
    assert [d.id for d in dropping.run(iter(docs))] == [d.id for d in out if d.text]
