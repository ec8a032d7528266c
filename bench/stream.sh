# Sourced by the bench scripts: builds thresh and, once, a JSON Lines stream
# of `size` megabytes from the pages under `$corpora/webpages` in the
# languages STREAM_LANGS names (default en; several joined by commas,
# "zh,ja"). Sets `bin` (the release binary), `work` (target/bench), `stream`
# and `lang`, the `--lang` thresh is run with (THRESH_LANG, default the first
# of STREAM_LANGS).
cargo build --release --quiet
bin="$PWD/target/release/thresh"
work=target/bench
mkdir -p "$work"
langs="${STREAM_LANGS:-en}"
lang="${THRESH_LANG:-${langs%%,*}}"
stream="$work/stream-${langs//,/-}-$size.jsonl"
[ -s "$stream" ] || python3 scripts/make-jsonl.py "$corpora/webpages" "$size" "$langs" > "$stream"
