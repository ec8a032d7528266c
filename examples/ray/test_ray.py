"""Both Ray Data variants on the shared records, against the CLI.

Quiet and loopback-only, with a private temp directory; Ray is shut down and
``ray stop --force`` run afterwards, and no Ray process may be left.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

import pytest

RAY_TMP = tempfile.mkdtemp(prefix="ray")  # short: Ray's socket paths must fit in 107 bytes
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
os.environ["RAY_TMPDIR"] = RAY_TMP
os.environ.setdefault("RAY_DEDUP_LOGS", "0")
# A single-machine Ray on the loopback address (what Ray does on macOS and Windows).
os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"

ray = pytest.importorskip("ray", reason="ray is not installed: the Ray example is not tested")
pytest.importorskip("ray.data", reason="ray[data] is not installed: the Ray example is not tested")

sys.path.insert(0, os.path.dirname(__file__))
import clean_ray  # noqa: E402


def ray_processes():
    """Live processes whose command line names our Ray temp directory."""
    found = []
    for proc in pathlib.Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if RAY_TMP in cmdline:
            found.append(f"{proc.name}: {cmdline[:120]}")
    return found


@pytest.fixture(scope="module")
def ray_local():
    ray.init(
        num_cpus=4,  # logical: two cleaning actors and the read tasks beside them
        object_store_memory=100 * 1024 * 1024,
        include_dashboard=False,
        log_to_driver=False,
        logging_level="ERROR",
        _temp_dir=RAY_TMP,
        runtime_env={"env_vars": {"PYTHONPATH": os.path.dirname(os.path.abspath(__file__))}},
    )
    try:
        assert all(n["NodeManagerAddress"] == "127.0.0.1" for n in ray.nodes()), ray.nodes()
        listening = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True, check=False).stdout
        ray_sockets = [line.split() for line in listening.splitlines() if any(
            name in line for name in ("raylet", "gcs_server", "ray::", "ray_client", "dashboard"))]
        assert ray_sockets, listening
        exposed = [s for s in ray_sockets if not (s[3].startswith("127.0.0.1:") or s[3].startswith("[::ffff:127.0.0.1]:"))]
        assert not exposed, exposed
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        clean_ray.preserve_order()
        yield
    finally:
        ray.shutdown()
        ray_cli = shutil.which("ray") or str(pathlib.Path(sys.executable).with_name("ray"))
        subprocess.run([ray_cli, "stop", "--force"], capture_output=True, check=False)
        left = ray_processes()
        shutil.rmtree(RAY_TMP, ignore_errors=True)
        assert not left, f"Ray processes left behind: {left}"


def test_module_batches_give_the_cli_records(ray_local, records, cli_records):
    ds = clean_ray.clean_with_module(ray.data.read_json(str(records)), actors=2)
    rows = ds.take_all()
    assert len(rows) == len(cli_records), "one row out per row in"
    assert [r["id"] for r in rows] == [r["id"] for r in cli_records], "in order"
    assert rows == cli_records


def test_cli_batches_give_the_cli_records(ray_local, records, thresh_bin, cli_records):
    ds = clean_ray.clean_with_cli(ray.data.read_json(str(records)), thresh_bin)
    rows = ds.take_all()
    assert len(rows) == len(cli_records)
    assert rows == cli_records


def test_write_json_round_trip(ray_local, records, cli_records, tmp_path):
    """``write_json`` escapes non-ASCII and appends: compare parsed JSON, in a fresh folder."""
    out = tmp_path / "out"
    clean_ray.clean_with_module(ray.data.read_json(str(records)), actors=2).write_json(str(out))
    rows = [json.loads(line) for f in sorted(out.iterdir()) for line in f.read_text("utf-8").split("\n") if line]
    assert len(rows) == len(cli_records)
    by_id = {r["id"]: r for r in cli_records}
    assert all(r == by_id[r["id"]] for r in rows)
    assert any(r["text"] == "" for r in rows), "an empty text keeps its key"
