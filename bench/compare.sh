#!/usr/bin/env bash
# Measures thresh beside `cat` and the peers (jusText, trafilatura) on the
# same documents (English pages by default), in one run, pinned to one core, and prints MB/s
# and ratios as a markdown table.
#
#   bench/compare.sh [CORPORA_DIR] [SIZE_MB] [PEER_MB] [RUNS]
#
# CORPORA_DIR (default ../shared/corpora) holds webpages/*/input.txt; a
# JSON Lines stream of SIZE_MB megabytes (default 100) is built from its
# English pages under target/bench (nothing is committed; STREAM_LANGS=zh,ja
# takes the Chinese and Japanese ones, run with `--lang zh`: bench/stream.sh). The peers run on
# the first PEER_MB megabytes of it (default 4: they are ~100x slower),
# installed in a virtual environment under target/bench-venv the first time.
# thresh and cat run RUNS times (default 3) and the median is reported.
# THRESH_BASELINE=/path/to/an/older/thresh adds that binary's 1-thread run to
# the same table, measured in the same run, its runs alternating with
# thresh's, for before/after ratios. STREAM_SWAP=0.3 measures a stream of
# pages never seen before (bench/stream.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${1:-../shared/corpora}"
size="${2:-100}"
peer_mb="${3:-4}"
runs="${4:-3}"
[ -d "$corpora/webpages" ] || { echo "compare: no $corpora/webpages" >&2; exit 2; }

. bench/stream.sh
prefix() { # prefix MB OUT: whole lines from the start of the stream
  python3 - "$stream" "$1" "$2" <<'PY'
import sys
src, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
limit, n = int(mb * 1_000_000), 0
with open(src, "rb") as f, open(out, "wb") as o:
    for line in f:
        if n >= limit:
            break
        o.write(line)
        n += len(line)
PY
}
pin=()
if command -v taskset > /dev/null && taskset -c 0 true 2> /dev/null; then pin=(taskset -c 0); fi

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet justext lxml_html_clean trafilatura 2>&1 | grep -v "^WARNING" >&2 || true
fi

mb() { python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.1f}')" "$1"; }
now() { date +%s.%N; }
# the wall time of one run of a command; its peak RSS (KB) goes to $work/rss
wall() {
  local t0 t1
  t0=$(now)
  /usr/bin/time -f %M -o "$work/rss" "$@" > "$work/out" 2> /dev/null
  t1=$(now)
  python3 -c "print($t1 - $t0)"
}
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
# median of the wall times of RUNS runs of a command; the peak RSS (KB) of the last
measure() {
  local times=()
  for _ in $(seq "$runs"); do times+=("$(wall "$@")"); done
  median "${times[@]}"
}
# rate A B [DIGITS]: A / B to DIGITS decimals, default one (MB per second, or
# one rate against another)
rate() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.{int(sys.argv[3])}f}')" "$1" "$2" "${3:-1}"; }

total=$(mb "$stream")
cat_s=$(measure "${pin[@]}" cat "$stream")
cat_rate=$(rate "$total" "$cat_s")
baseline="${THRESH_BASELINE:-}"
if [ -n "$baseline" ]; then
  # The two binaries' runs alternate, so that the machine's drift (these
  # shared machines move by 20 % within minutes) falls on both alike.
  b_times=() t_times=()
  for _ in $(seq "$runs"); do
    b_times+=("$(wall "${pin[@]}" "$baseline" clean --jsonl --quiet --threads 1 --lang "$lang" "$stream")")
    b1_rss=$(cat "$work/rss")
    t_times+=("$(wall "${pin[@]}" "$bin" clean --jsonl --quiet --threads 1 --lang "$lang" "$stream")")
    t1_rss=$(cat "$work/rss")
  done
  b1_s=$(median "${b_times[@]}")
  b1_rate=$(rate "$total" "$b1_s")
  t1_s=$(median "${t_times[@]}")
else
  t1_s=$(measure "${pin[@]}" "$bin" clean --jsonl --quiet --threads 1 --lang "$lang" "$stream")
  t1_rss=$(cat "$work/rss")
fi
t1_rate=$(rate "$total" "$t1_s")
t2_s=$(measure "$bin" clean --jsonl --quiet --threads 2 --lang "$lang" "$stream")
t2_rss=$(cat "$work/rss")
t2_rate=$(rate "$total" "$t2_s")

prefix "$peer_mb" "$work/peer.jsonl"
peer_total=$(mb "$work/peer.jsonl")
jt_s=$("${pin[@]}" "$venv/bin/python" bench/peers.py justext "$work/peer.jsonl")
tf_s=$("${pin[@]}" "$venv/bin/python" bench/peers.py trafilatura "$work/peer.jsonl")
jt_rate=$(rate "$peer_total" "$jt_s")
tf_rate=$(rate "$peer_total" "$tf_s")

echo "Stream: $(basename "$stream")${swap:+ (every copy of a page after its first has a fraction $swap of its words swapped)}"
echo
echo "| what | MB | seconds (median of $runs) | MB/s | thresh (1 thread) is |"
echo "|---|---|---|---|---|"
echo "| \`cat > file\` | $total | $cat_s | $cat_rate | $(rate "$cat_rate" "$t1_rate")x slower |"
echo "| thresh, 1 thread (peak RSS $((t1_rss / 1024)) MB) | $total | $t1_s | $t1_rate | — |"
if [ -n "$baseline" ]; then
  echo "| baseline thresh, 1 thread, runs alternating with thresh's (peak RSS $((b1_rss / 1024)) MB) | $total | $b1_s | $b1_rate | $(rate "$b1_s" "$t1_s" 2)x faster |"
fi
echo "| thresh, 2 threads (peak RSS $((t2_rss / 1024)) MB) | $total | $t2_s | $t2_rate | $(rate "$t2_rate" "$t1_rate")x of 1 thread |"
echo "| jusText (in-process, 1 run) | $peer_total | $jt_s | $jt_rate | $(rate "$t1_rate" "$jt_rate")x faster |"
echo "| trafilatura (in-process, 1 run) | $peer_total | $tf_s | $tf_rate | $(rate "$t1_rate" "$tf_rate")x faster |"
echo
echo "Cost per MB by input size (thresh, 1 thread, pinned):"
echo
echo "| MB | seconds | MB/s |"
echo "|---|---|---|"
for part in 1 10; do
  if [ "$(python3 -c "print(int($part < $size))")" = 1 ]; then
    prefix "$part" "$work/part.jsonl"
    p_total=$(mb "$work/part.jsonl")
    p_s=$(measure "${pin[@]}" "$bin" clean --jsonl --quiet --threads 1 --lang "$lang" "$work/part.jsonl")
    echo "| $p_total | $p_s | $(rate "$p_total" "$p_s") |"
  fi
done
echo "| $total | $t1_s | $t1_rate |"
