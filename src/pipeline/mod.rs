//! Streams of records: JSON Lines in, JSON Lines out, in order, in parallel,
//! in bounded memory.
//!
//! A reader thread cuts the input into batches (at most
//! [`StreamOptions::batch_records`] lines or [`StreamOptions::batch_bytes`]
//! bytes, whichever comes first, but always at least one line) and hands them
//! over through a channel that holds two batches. The calling thread keeps
//! two batches cleaning on a rayon pool at once and writes each, in input
//! order, when it is done: a worker that finishes its share of the older
//! batch takes records of the newer one instead of waiting for the last
//! record of the older, and writing overlaps cleaning. So at most about six
//! batches are in memory at once, whatever the input's size, and reading
//! overlaps cleaning (see [`clean_in_order`], which the CLI also uses for
//! plain documents).
//!
//! Lines are split on `\n` only. Every line in gives one line out, except
//! that `OnError::Skip` leaves out records that fail and `OnError::Fail` stops
//! at the first. Blank lines pass through.

mod stats;

use std::collections::VecDeque;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;

use rayon::prelude::*;

pub use stats::Stats;

use crate::Thresh;
use crate::jsonl::{RecordOptions, clean_record};

/// What to do with a record that cannot be cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnError {
    /// Write it out unchanged (the default): nothing is lost.
    #[default]
    Pass,
    /// Leave it out of the output.
    Skip,
    /// Stop at the first one.
    Fail,
}

/// How to stream.
#[derive(Debug, Clone)]
pub struct StreamOptions {
    /// Which field to clean, and whether to add a report.
    pub record: RecordOptions,
    /// What to do with records that cannot be cleaned.
    pub on_error: OnError,
    /// The most lines in one batch.
    pub batch_records: usize,
    /// The most bytes in one batch (a longer single line is a batch of its own).
    pub batch_bytes: usize,
}

impl StreamOptions {
    /// Defaults: batches of up to 512 lines or 512 KiB (2 MiB held 7 MiB
    /// more at the peak than 1 MiB, with two threads, and 1 MiB 3 MiB more
    /// than 512 KiB, for no measurable speed either time).
    pub fn new(record: RecordOptions) -> StreamOptions {
        StreamOptions { record, on_error: OnError::Pass, batch_records: 512, batch_bytes: 1 << 19 }
    }
}

/// A record that could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFailure {
    /// 1-based line number in the input.
    pub line: u64,
    /// The record's id, when it has one.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Something the caller may want to show while a stream runs.
#[derive(Debug)]
pub enum Event<'a> {
    /// A record could not be cleaned; what happened to it follows `OnError`.
    Failure(&'a RecordFailure),
    /// A batch was written: totals so far.
    Progress {
        /// Bytes read so far.
        bytes: u64,
        /// Records read so far.
        records: u64,
    },
}

/// Cleans a JSON Lines stream from `input` to `output` on `pool`.
///
/// Returns the counts; `Err` only for I/O errors. With `OnError::Fail` the
/// stream stops at the first failing record: the records before it are
/// written, and `stats.failed` is 1.
pub fn clean_jsonl<R: BufRead + Send>(
    thresh: &Thresh,
    pool: &rayon::ThreadPool,
    input: R,
    output: &mut dyn Write,
    opts: &StreamOptions,
    events: &mut dyn FnMut(Event<'_>),
) -> io::Result<Stats> {
    let (tx, rx) = mpsc::sync_channel::<io::Result<Batch>>(2);
    // `move`: the receiver is dropped when the loop ends, however it ends,
    // so a reader blocked on a full channel stops before it is joined.
    std::thread::scope(move |scope| {
        scope.spawn(move || read_batches(input, opts, &tx));
        let mut stats = Stats::default();
        clean_in_order(
            pool,
            rx.iter(),
            |batch: &Batch| {
                batch.lines.par_iter().map(|line| process(thresh, line, opts)).collect::<Vec<_>>()
            },
            |batch, outcomes| write_batch(&batch, outcomes, output, opts, &mut stats, events),
        )?;
        Ok(stats)
    })
}

/// Batches cleaned at once: while the oldest one's last items are being
/// cleaned, the workers done with their share of it clean the next one
/// instead of waiting, and it is written while the next is cleaned.
const BATCHES_IN_FLIGHT: usize = 2;

/// Cleans `batches` on `pool` with `clean`, two at a time, and hands each
/// batch and what `clean` made of it to `write`, in order, until the
/// batches end, one is an error, or `write` returns `false`. `clean` should
/// spread a batch over the pool (`par_iter`): a worker done with its share
/// of one batch then takes items of the next instead of waiting for the
/// last of the first, and writing overlaps cleaning.
///
/// Called from one of `pool`'s own threads, it cleans one batch at a time
/// there instead: waiting there for work queued behind it could wait
/// forever.
pub fn clean_in_order<B: Send, R: Send>(
    pool: &rayon::ThreadPool,
    mut batches: impl Iterator<Item = io::Result<B>>,
    clean: impl Fn(&B) -> R + Sync,
    mut write: impl FnMut(B, R) -> io::Result<bool>,
) -> io::Result<()> {
    if pool.current_thread_index().is_some() {
        for batch in batches {
            let batch = batch?;
            let cleaned = clean(&batch);
            if !write(batch, cleaned)? {
                break;
            }
        }
        return Ok(());
    }
    let clean = &clean;
    pool.in_place_scope(|jobs| {
        // The batches on the pool, oldest first, each as the channel its
        // result comes back on.
        let mut cleaning: VecDeque<mpsc::Receiver<(B, R)>> = VecDeque::new();
        loop {
            while cleaning.len() < BATCHES_IN_FLIGHT {
                let Some(batch) = batches.next() else { break };
                let batch = batch?;
                let (done, result) = mpsc::channel();
                jobs.spawn(move |_| {
                    let cleaned = clean(&batch);
                    // The receiver is gone only when the run stopped.
                    let _ = done.send((batch, cleaned));
                });
                cleaning.push_back(result);
            }
            let Some(oldest) = cleaning.pop_front() else { return Ok(()) };
            let (batch, cleaned) =
                oldest.recv().map_err(|_| io::Error::other("a batch was lost while it was cleaned"))?;
            if !write(batch, cleaned)? {
                return Ok(());
            }
        }
    })
}

/// Writes one batch's outcomes in order. `false` when the stream stops
/// here (`OnError::Fail`).
fn write_batch(
    batch: &Batch,
    outcomes: Vec<Outcome>,
    output: &mut dyn Write,
    opts: &StreamOptions,
    stats: &mut Stats,
    events: &mut dyn FnMut(Event<'_>),
) -> io::Result<bool> {
    stats.bytes_in += batch.bytes as u64;
    for (line, outcome) in batch.lines.iter().zip(outcomes) {
        stats.records_in += 1;
        match outcome {
            Outcome::Clean(out, delta) => {
                output.write_all(out.as_bytes())?;
                output.write_all(b"\n")?;
                stats.records_out += 1;
                stats.merge(&delta);
            }
            Outcome::Blank => {
                output.write_all(&line.bytes)?;
                output.write_all(b"\n")?;
                stats.records_out += 1;
            }
            Outcome::Failed(failure) => {
                stats.failed += 1;
                events(Event::Failure(&failure));
                match opts.on_error {
                    OnError::Pass => {
                        output.write_all(&line.bytes)?;
                        output.write_all(b"\n")?;
                        stats.records_out += 1;
                    }
                    OnError::Skip => stats.skipped += 1,
                    OnError::Fail => return Ok(false),
                }
            }
        }
    }
    events(Event::Progress { bytes: stats.bytes_in, records: stats.records_in });
    Ok(true)
}

struct Line {
    number: u64,
    bytes: Vec<u8>,
}

struct Batch {
    lines: Vec<Line>,
    bytes: usize,
}

enum Outcome {
    Clean(String, Stats),
    Blank,
    Failed(RecordFailure),
}

fn process(thresh: &Thresh, line: &Line, opts: &StreamOptions) -> Outcome {
    if line.bytes.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Blank;
    }
    match clean_record(thresh, &line.bytes, &opts.record) {
        Ok(record) => {
            let mut delta = Stats::default();
            delta.add(&record.cleaned);
            Outcome::Clean(record.line, delta)
        }
        Err(e) => Outcome::Failed(RecordFailure { line: line.number, id: e.id, message: e.message }),
    }
}

fn read_batches<R: BufRead>(mut input: R, opts: &StreamOptions, tx: &mpsc::SyncSender<io::Result<Batch>>) {
    let mut number = 0u64;
    loop {
        let mut batch = Batch { lines: Vec::new(), bytes: 0 };
        while batch.lines.len() < opts.batch_records.max(1) && batch.bytes < opts.batch_bytes.max(1) {
            let mut bytes = Vec::new();
            match input.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(n) => {
                    number += 1;
                    batch.bytes += n;
                    if bytes.last() == Some(&b'\n') {
                        bytes.pop();
                    }
                    batch.lines.push(Line { number, bytes });
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        }
        if batch.lines.is_empty() {
            return;
        }
        if tx.send(Ok(batch)).is_err() {
            return; // the consumer stopped
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, on_error: OnError, batch_records: usize) -> (String, Stats, Vec<RecordFailure>) {
        let thresh = Thresh::builder().langs(&["any"]).build().unwrap_or_else(|e| panic!("{e}"));
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap_or_else(|e| panic!("{e}"));
        let mut opts = StreamOptions::new(RecordOptions::new("text", false));
        opts.on_error = on_error;
        opts.batch_records = batch_records;
        let mut out = Vec::new();
        let mut failures = Vec::new();
        let stats = clean_jsonl(&thresh, &pool, input.as_bytes(), &mut out, &opts, &mut |e| {
            if let Event::Failure(f) = e {
                failures.push(f.clone());
            }
        })
        .unwrap_or_else(|e| panic!("{e}"));
        (String::from_utf8(out).unwrap_or_default(), stats, failures)
    }

    #[test]
    fn order_and_count_survive_small_batches() {
        let input: String = (0..100).map(|i| format!("{{\"id\": {i}, \"text\": \"para {i}\"}}\n")).collect();
        let (out, stats, failures) = run(&input, OnError::Pass, 3);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 100);
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(*l, format!("{{\"id\":{i},\"text\":\"para {i}\\n\"}}"));
        }
        assert_eq!((stats.records_in, stats.records_out, stats.failed), (100, 100, 0));
        assert!(failures.is_empty());
    }

    #[test]
    fn bad_records_pass_skip_or_stop() {
        let input = "{\"text\": \"a\"}\nnot json\n{\"text\": \"b\"}\n";
        let (out, stats, failures) = run(input, OnError::Pass, 2);
        assert_eq!(out, "{\"text\":\"a\\n\"}\nnot json\n{\"text\":\"b\\n\"}\n");
        assert_eq!(stats.failed, 1);
        assert_eq!(failures[0].line, 2);

        let (out, stats, _) = run(input, OnError::Skip, 2);
        assert_eq!(out, "{\"text\":\"a\\n\"}\n{\"text\":\"b\\n\"}\n");
        assert_eq!((stats.records_out, stats.skipped), (2, 1));

        let (out, stats, _) = run(input, OnError::Fail, 1);
        assert_eq!(out, "{\"text\":\"a\\n\"}\n");
        assert_eq!(stats.failed, 1);
    }

    #[test]
    fn stopping_early_stops_the_reader() {
        // Far more batches than the channel holds: the reader is blocked on
        // it when the stream stops at the bad record.
        let mut input = String::from("{\"text\": \"a\"}\nnot json\n");
        input.push_str(&"{\"text\": \"b\"}\n".repeat(200));
        let (done, finished) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(run(&input, OnError::Fail, 1));
        });
        let (out, stats, _) = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("the stream did not stop: {e}"));
        assert_eq!(out, "{\"text\":\"a\\n\"}\n");
        assert_eq!((stats.records_out, stats.failed), (1, 1));
    }

    #[test]
    fn a_stream_cleaned_from_inside_the_pool_finishes() {
        let thresh = Thresh::builder().langs(&["any"]).build().unwrap_or_else(|e| panic!("{e}"));
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap_or_else(|e| panic!("{e}"));
        let mut opts = StreamOptions::new(RecordOptions::new("text", false));
        opts.batch_records = 1;
        let input = "{\"text\": \"a\"}\n".repeat(20);
        let (done, finished) = mpsc::channel();
        std::thread::spawn(move || {
            let mut out = Vec::new();
            let stats =
                pool.install(|| clean_jsonl(&thresh, &pool, input.as_bytes(), &mut out, &opts, &mut |_| {}));
            let _ = done.send(stats.map(|s| s.records_out));
        });
        let written = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("the stream did not finish: {e}"));
        assert_eq!(written.ok(), Some(20));
    }

    #[test]
    fn a_last_line_without_newline_and_blank_lines() {
        let (out, stats, _) = run("\n{\"text\": \"a\"}\n\n{\"text\": \"b\"}", OnError::Pass, 512);
        assert_eq!(out, "\n{\"text\":\"a\\n\"}\n\n{\"text\":\"b\\n\"}\n");
        assert_eq!(stats.records_in, 4);
    }
}
