#!/usr/bin/env bash
# What each built-in rule costs: the instructions of a run of thresh on a
# JSON Lines stream (English pages unless STREAM_LANGS says otherwise, see
# bench/stream.sh) with all rules, and with each rule switched off in
# turn (`--disable ID`), counted by valgrind (repeatable, unlike times on a
# shared machine). Prints a markdown table, costliest rule first.
#
#   bench/rule-cost.sh [CORPORA_DIR] [SIZE_MB] [JOBS]
#
# CORPORA_DIR (default ../shared/corpora) holds webpages/*/input.txt; a
# stream of SIZE_MB megabytes (default 5) is built from its English pages
# under target/bench, as bench/compare.sh does
# (`STREAM_LANGS=zh,ja bench/rule-cost.sh` for the Chinese and Japanese ones,
# run with `--lang zh`). JOBS runs (default 2) go at
# once. A rule's cost is what its run saves against the run with all rules:
# its share of start-up (compiling it), of warm-up (its states in the lazy
# DFAs) and of the search, and what the blocks it drops would have cost
# later stages, less what the blocks it keeps cost instead. It takes about
# 10 s a rule at 5 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${1:-../shared/corpora}"
size="${2:-5}"
jobs="${3:-2}"
[ -d "$corpora/webpages" ] || { echo "rule-cost: no $corpora/webpages" >&2; exit 2; }
command -v valgrind > /dev/null || { echo "rule-cost: needs valgrind" >&2; exit 2; }

. bench/stream.sh
mkdir -p "$work/rule-cost"

# count ID: the instructions of a run with rule ID off ("-" for none), into a file
count() {
  local id=$1 off=()
  [ "$id" = "-" ] || off=(--disable "$id")
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$bin" clean --jsonl --quiet --threads 1 --lang "$lang" "${off[@]}" "$stream" 2>&1 > /dev/null \
    | sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d , > "$work/rule-cost/$id"
}
export -f count
export bin stream work lang

ids=$("$bin" rules list | awk '{print $1}')
printf '%s\n' - $ids | xargs -P "$jobs" -I{} bash -c 'count "$@"' _ {}

python3 - "$work/rule-cost" $ids <<'PY'
import os, sys
folder, ids = sys.argv[1], sys.argv[2:]
read = lambda name: int(open(os.path.join(folder, name)).read().strip() or 0)
full = read("-")
rows = sorted(((full - read(i), i) for i in ids), reverse=True)
print(f"All rules: {full / 1e6:,.1f} M instructions.\n")
print("| rule | instructions it costs | share of the run |")
print("|---|---|---|")
for cost, rule in rows:
    print(f"| {rule} | {cost / 1e6:,.1f} M | {100 * cost / full:.1f} % |")
PY
