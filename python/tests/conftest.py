"""Shared fixtures: the repository's own golden documents and the CLI binary.

The CLI is the reference the module must match. ``THRESH_BIN`` names a built
binary; without it the tests build one with ``cargo build --release``.
"""

import os
import pathlib
import shlex
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden"


def golden_cases():
    """(name, args, input bytes) for every golden document of the repository."""
    cases = []
    for case in sorted(GOLDEN.iterdir()):
        args_file = case / "args"
        args = shlex.split(args_file.read_text()) if args_file.exists() else []
        cases.append((case.name, args, (case / "input.txt").read_bytes()))
    return cases


@pytest.fixture(scope="session")
def thresh_bin():
    given = os.environ.get("THRESH_BIN")
    if given:
        return given
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return str(REPO / "target" / "release" / "thresh")


def run_cli(binary, args, data, check=True):
    """The CLI's standard output for ``data`` on standard input."""
    done = subprocess.run([binary, "clean", "--quiet", *args], input=data, capture_output=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"thresh {args} exited {done.returncode}: {done.stderr.decode()}")
    return done
