# Sourced by the bench scripts: builds thresh and, once, a JSON Lines stream
# of `size` megabytes from the pages under `$corpora/webpages` in the
# languages STREAM_LANGS names (default en; several joined by commas,
# "zh,ja"). Sets `bin` (the release binary), `work` (target/bench), `stream`
# and `lang`, the `--lang` thresh is run with (THRESH_LANG, default the first
# of STREAM_LANGS). STREAM_SWAP=0.3 swaps that fraction of the words in every
# copy of a page after its first (scripts/make-jsonl.py --swap): a stream of
# pages never seen before, for what the repeating stream hides.
cargo build --release --quiet
bin="$PWD/target/release/thresh"
work=target/bench
mkdir -p "$work"
langs="${STREAM_LANGS:-en}"
lang="${THRESH_LANG:-${langs%%,*}}"
swap="${STREAM_SWAP:-}"
stream="$work/stream-${langs//,/-}-$size${swap:+-swap$swap}.jsonl"
[ -s "$stream" ] || python3 scripts/make-jsonl.py ${swap:+--swap "$swap"} "$corpora/webpages" "$size" "$langs" > "$stream"
