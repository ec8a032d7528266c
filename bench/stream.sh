# Sourced by the bench scripts: builds thresh and, once, a JSON Lines stream
# of `size` megabytes from the English pages under `$corpora/webpages`.
# Sets `bin` (the release binary), `work` (target/bench) and `stream`.
cargo build --release --quiet
bin="$PWD/target/release/thresh"
work=target/bench
mkdir -p "$work"
stream="$work/stream-$size.jsonl"
[ -s "$stream" ] || python3 scripts/make-jsonl.py "$corpora/webpages" "$size" en > "$stream"
