#!/usr/bin/env bash
# The whole test suite: the Rust tests (`cargo test`), then the Python module
# and the engine examples (scripts/test-python.sh).
#
#   scripts/test.sh
#
# Without Python 3 the Python part is skipped with a message; set
# THRESH_SKIP_PYTHON=1 to skip it on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test

if [ "${THRESH_SKIP_PYTHON:-}" = 1 ]; then
  echo "test: THRESH_SKIP_PYTHON=1: the Python module and engine examples are not tested" >&2
elif ! command -v "${PYTHON:-python3}" >/dev/null 2>&1; then
  echo "test: no python3: the Python module and engine examples are not tested" >&2
else
  scripts/test-python.sh
fi
