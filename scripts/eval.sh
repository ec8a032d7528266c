#!/usr/bin/env bash
# Scores thresh on the dev corpus beside the identity and jusText peers, in one run.
#
#   scripts/eval.sh [CORPORA_DIR] [extra score.py flags…]
#
# CORPORA_DIR defaults to ../shared/corpora (the shared folder beside the
# repository). The peers' Python packages are installed into a virtual
# environment under target/eval-venv the first time. Prints the markdown
# table of score.py, overall and per language; then, with FLAT=1, the same
# for a copy of the corpus with every blank line removed (text as crawls
# write it, one paragraph per line), made under target/eval-flat.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${1:-../shared/corpora}"
shift || true
[ -d "$corpora/webpages" ] || { echo "eval: no $corpora/webpages" >&2; exit 2; }

cargo build --release --quiet
venv=target/eval-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$corpora/tools/requirements-peers.txt"
fi
bin="$PWD/target/release/thresh"
cd "$corpora"
"$OLDPWD/$venv/bin/python" tools/score.py webpages --quiet --markdown --group lang --jobs 2 \
  --cmd "thresh=$bin clean --quiet --lang {lang}" \
  --cmd "identity=$OLDPWD/$venv/bin/python tools/peers/identity.py" \
  --cmd "justext=$OLDPWD/$venv/bin/python tools/peers/justext_peer.py" \
  "$@"

if [ "${FLAT:-0}" = 1 ]; then
  flat="$OLDPWD/target/eval-flat/webpages"
  rm -rf "$flat" && mkdir -p "$flat"
  for case in webpages/*/; do
    name=$(basename "$case")
    mkdir -p "$flat/$name"
    cp "$case/expected.txt" "$case/meta.json" "$flat/$name/"
    grep -v '^[[:space:]]*$' "$case/input.txt" > "$flat/$name/input.txt" || true
  done
  echo
  echo "## Without blank lines"
  "$OLDPWD/$venv/bin/python" tools/score.py "$flat" --quiet --markdown --jobs 2 \
    --cmd "thresh=$bin clean --quiet --lang {lang}" \
    --cmd "identity=$OLDPWD/$venv/bin/python tools/peers/identity.py" \
    --cmd "justext=$OLDPWD/$venv/bin/python tools/peers/justext_peer.py"
fi
