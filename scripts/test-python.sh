#!/usr/bin/env bash
# The Python side of the test suite: builds and installs the Python module
# (python/) into a virtual environment, runs its tests, then the Spark, Ray
# Data and datatrove examples' tests.
#
#   scripts/test-python.sh
#
# The virtual environment is target/pyenv (made on first use). The module and
# its tests must pass; an engine whose packages cannot be installed has its
# tests skipped, saying so. THRESH_EXAMPLE_RECORDS sets the examples' record
# count (default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=target/pyenv
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
pip() { "$venv/bin/python" -m pip --disable-pip-version-check --quiet "$@"; }

echo "== python: build and install the module (pip install ./python)"
pip install maturin pytest
pip install --force-reinstall --no-deps ./python

echo "== python: engine packages"
try_install() {
  local engine=$1
  shift
  if ! pip install "$@"; then
    echo "python: could not install $engine ($*): its example tests will be skipped" >&2
  fi
}
try_install Spark pyspark 'pandas<3' pyarrow
try_install "Ray Data" 'ray[data]'
try_install datatrove datatrove orjson

cargo build --release --quiet
export THRESH_BIN="$PWD/target/release/thresh"

echo "== python: module tests"
"$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests

echo "== python: Spark, Ray Data and datatrove examples"
"$venv/bin/python" -m pytest -q -p no:cacheprovider -rs examples
