#!/usr/bin/env bash
# The whole test suite, as README.md gives it and CI runs it:
#   formatting, lints and docs (both crates), the library without the CLI,
#   the Rust tests (`cargo test`), then the Python module and the engine
#   examples (scripts/test-python.sh).
#
#   scripts/test.sh
#
# Without Python 3 the Python part is skipped with a message; set
# THRESH_SKIP_PYTHON=1 to skip it on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in rustfmt clippy-driver; do
  if ! command -v "$tool" >/dev/null 2>&1 && ! rustup which "$tool" >/dev/null 2>&1; then
    echo "test: $tool is missing; install the rustfmt and clippy components" >&2
    exit 1
  fi
done

echo "== cargo fmt --check"
cargo fmt --all -- --check
cargo fmt --manifest-path python/Cargo.toml -- --check

echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings
cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

echo "== cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

echo "== cargo build --no-default-features (the library without the CLI)"
cargo build --no-default-features

echo "== cargo test"
cargo test

if [ "${THRESH_SKIP_PYTHON:-}" = 1 ]; then
  echo "test: THRESH_SKIP_PYTHON=1: the Python module and engine examples are not tested" >&2
elif ! command -v "${PYTHON:-python3}" >/dev/null 2>&1; then
  echo "test: no python3: the Python module and engine examples are not tested" >&2
else
  scripts/test-python.sh
fi
