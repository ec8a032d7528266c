//! `thresh clean`: documents or JSON Lines, from files, folders or standard
//! input, to standard output or one output file per input.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use thresh::jsonl::RecordOptions;
use thresh::pipeline::{Event, OnError, Stats, StreamOptions, clean_in_order, clean_jsonl};
use thresh::{Detail, Thresh};

use super::inputs::{Input, Output, open, resolve};
use super::progress::Progress;
use super::{EXIT_FAILED, EXIT_USAGE, EngineArgs};

#[derive(Args)]
pub struct CleanArgs {
    /// Input files or folders (read recursively); standard input when none or `-`. Gzip is read transparently.
    files: Vec<String>,
    /// Input is JSON Lines: clean one string field of each record, pass every other field through.
    #[arg(long)]
    jsonl: bool,
    /// The field to clean, with --jsonl; dots reach into nested objects (`content.body`).
    #[arg(long, default_value = "text", requires = "jsonl")]
    field: String,
    /// The field that names a record in error messages, with --jsonl.
    #[arg(long, default_value = "id", requires = "jsonl")]
    id_field: String,
    /// With --jsonl, add a `thresh` object to each record: dropped blocks, rules, languages, encoding.
    #[arg(long, requires = "jsonl")]
    report: bool,
    /// In folders, take only files whose relative path matches (`*.jsonl`, `**/*.jsonl.gz`).
    #[arg(long, value_name = "PATTERN")]
    glob: Option<String>,
    /// Write one output per input under DIR, with the input's relative name (gzip stays gzip).
    #[arg(long, short, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// A record (or document) that cannot be cleaned is passed through unchanged, left out, or stops the run.
    #[arg(long, value_enum, default_value_t = ErrorPolicy::Pass)]
    on_error: ErrorPolicy,
    /// Write counts per rule and per language as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    stats: Option<PathBuf>,
    /// No progress bar and no summary line; errors are still reported.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ErrorPolicy {
    Pass,
    Skip,
    Fail,
}

impl ErrorPolicy {
    fn lib(self) -> OnError {
        match self {
            ErrorPolicy::Pass => OnError::Pass,
            ErrorPolicy::Skip => OnError::Skip,
            ErrorPolicy::Fail => OnError::Fail,
        }
    }

    fn outcome(self) -> &'static str {
        match self {
            ErrorPolicy::Pass => "passed through unchanged",
            ErrorPolicy::Skip => "skipped",
            ErrorPolicy::Fail => "stopping (--on-error fail)",
        }
    }
}

/// What a run needs besides the arguments.
struct Run<'a> {
    args: &'a CleanArgs,
    thresh: Arc<Thresh>,
    pool: Arc<rayon::ThreadPool>,
    progress: Progress,
    stats: Stats,
    /// Inputs that could not be read or written.
    broken_inputs: usize,
}

pub fn run(args: &CleanArgs, out: &mut dyn Write) -> io::Result<ExitCode> {
    let thresh = match args.engine.build() {
        Ok(t) => t,
        Err(code) => return Ok(code),
    };
    let inputs = match resolve(&args.files, args.glob.as_deref()) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("thresh: {e}");
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    if args.output.is_some() && inputs.iter().any(|i| i.path.is_none()) {
        eprintln!("thresh: --output writes one file per input file; standard input has no file name");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let threads =
        args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(io::Error::other)?;
    let total: Option<u64> = inputs.iter().map(Input::size).sum();
    let show = !args.quiet && io::stderr().is_terminal();
    let mut run = Run {
        args,
        thresh: Arc::new(thresh),
        pool: Arc::new(pool),
        progress: Progress::new(show, total),
        stats: Stats::default(),
        broken_inputs: 0,
    };
    let started = std::time::Instant::now();
    if args.jsonl {
        run.jsonl(&inputs, out)?;
    } else {
        run.documents(&inputs, out)?;
    }
    run.progress.finish();
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "thresh: {}; {:.1} MB in {:.2} s",
            run.stats.summary(),
            run.stats.bytes_in as f64 / 1e6,
            secs
        );
    }
    if let Some(path) = &args.stats {
        let json = serde_json::to_string_pretty(&run.stats).map_err(io::Error::other)?;
        std::fs::write(path, json + "\n")?;
    }
    let ok = run.stats.failed == 0 && run.broken_inputs == 0;
    // The compiled rules are freed by the process's end: freeing them one
    // by one took 6 % of a short run (12 M instructions).
    std::mem::forget(run.thresh);
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(EXIT_FAILED) })
}

impl Run<'_> {
    /// Blocks' languages are counted only for `--stats` (and reported only
    /// with `--report`); without them the detector is asked only where
    /// cleaning needs it.
    fn detail(&self) -> Detail {
        if self.args.stats.is_some() || self.args.report { Detail::Full } else { Detail::Decisions }
    }

    fn jsonl(&mut self, inputs: &[Input], out: &mut dyn Write) -> io::Result<()> {
        let record = RecordOptions::new(&self.args.field, self.args.report)
            .id_field(&self.args.id_field)
            .detail(self.detail());
        let mut opts = StreamOptions::new(record);
        opts.on_error = self.args.on_error.lib();
        for input in inputs {
            let name = input.display();
            let counter = Arc::new(AtomicU64::new(0));
            let opened = match open(input, &counter) {
                Ok(o) => o,
                Err(e) => {
                    self.broken(&name, &e);
                    continue;
                }
            };
            let mut file_out = match &self.args.output {
                Some(dir) => match Output::create(dir, input, opened.gzip) {
                    Ok(o) => Some(o),
                    Err(e) => {
                        self.broken(&name, &e);
                        continue;
                    }
                },
                None => None,
            };
            let dest: &mut dyn Write = match &mut file_out {
                Some(o) => o,
                None => out,
            };
            let policy = self.args.on_error;
            let progress = &self.progress;
            let before = progress.position();
            let stats =
                clean_jsonl(&self.thresh, &self.pool, opened.reader, dest, &opts, &mut |event| match event {
                    Event::Failure(f) => {
                        let id = f.id.as_ref().map(|id| format!(" (id {id})")).unwrap_or_default();
                        progress.println(&format!(
                            "thresh: {name}:{}: {}{id}; record {}",
                            f.line,
                            f.message,
                            policy.outcome()
                        ));
                    }
                    Event::Progress { records, .. } => {
                        progress.set(before + counter.load(std::sync::atomic::Ordering::Relaxed), records)
                    }
                });
            let stats = match stats {
                Ok(s) => s,
                Err(e) => {
                    self.broken(&name, &e);
                    continue;
                }
            };
            if let Some(o) = file_out
                && let Err(e) = o.finish()
            {
                self.broken(&name, &e);
            }
            self.stats.merge(&stats);
            if policy == ErrorPolicy::Fail && stats.failed > 0 {
                break;
            }
        }
        Ok(())
    }

    /// Plain documents: one input is one document. Inputs are cleaned in
    /// parallel, a bounded batch at a time, and written in order; two
    /// batches are on the pool at once, so a worker done with its share of
    /// one takes documents of the next instead of waiting for the last of
    /// the first.
    fn documents(&mut self, inputs: &[Input], out: &mut dyn Write) -> io::Result<()> {
        let (thresh, pool, detail) = (Arc::clone(&self.thresh), Arc::clone(&self.pool), self.detail());
        let most = pool.current_num_threads() * DOCUMENTS_PER_THREAD;
        clean_in_order(
            &pool,
            batches(inputs, most).map(Ok),
            |chunk: &&[Input]| -> CleanedBatch {
                chunk
                    .par_iter()
                    .map(|input| read_document(&thresh, input, detail, &Arc::new(AtomicU64::new(0))))
                    .collect()
            },
            |chunk, results| self.write_documents(chunk, results, out),
        )
    }

    /// Writes a batch of cleaned documents in order. `false` when the run
    /// stops here (`--on-error fail`).
    fn write_documents(
        &mut self,
        chunk: &[Input],
        results: CleanedBatch,
        out: &mut dyn Write,
    ) -> io::Result<bool> {
        for (input, result) in chunk.iter().zip(results) {
            let name = input.display();
            let doc = match result {
                Ok(d) => d,
                Err(e) => {
                    self.broken(&name, &e);
                    continue;
                }
            };
            self.stats.records_in += 1;
            self.stats.bytes_in += doc.len as u64;
            let text: &[u8] = match &doc.outcome {
                DocOutcome::Clean(cleaned) => {
                    if cleaned.decode.had_errors && !self.args.quiet {
                        self.progress.println(&format!(
                            "thresh: {name}: malformed {} bytes were replaced by U+FFFD",
                            cleaned.decode.encoding
                        ));
                    }
                    self.stats.add(cleaned);
                    cleaned.text.as_bytes()
                }
                DocOutcome::Binary(bytes) => {
                    self.stats.failed += 1;
                    let policy = self.args.on_error;
                    self.progress
                        .println(&format!("thresh: {name}: binary data (NUL bytes); {}", policy.outcome()));
                    match policy {
                        ErrorPolicy::Pass => bytes,
                        ErrorPolicy::Skip => {
                            self.stats.skipped += 1;
                            continue;
                        }
                        ErrorPolicy::Fail => return Ok(false),
                    }
                }
            };
            self.stats.records_out += 1;
            let written = match &self.args.output {
                Some(dir) => Output::create(dir, input, doc.gzip).and_then(|mut o| {
                    o.write_all(text)?;
                    o.finish()
                }),
                None => out.write_all(text),
            };
            if let Err(e) = written {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    return Err(e);
                }
                self.broken(&name, &e);
            }
        }
        let done: u64 = chunk.iter().filter_map(Input::size).sum();
        self.progress.set(self.progress.position() + done, self.stats.records_in);
        Ok(true)
    }

    fn broken(&mut self, name: &str, e: &io::Error) {
        self.progress.println(&format!("thresh: {name}: {e}"));
        self.broken_inputs += 1;
    }
}

/// A batch's documents, cleaned, in order.
type CleanedBatch = Vec<io::Result<Document>>;

/// Documents per thread in a batch, at most: enough that a thread rarely
/// waits for another's last document.
const DOCUMENTS_PER_THREAD: usize = 16;
/// Bytes of input files in a batch, at most (but always one file): a batch
/// is read whole into memory, and a folder can hold files of any size.
const BATCH_BYTES: u64 = 16 << 20;

/// `inputs` in consecutive batches of at most `most` documents, each ending
/// with the file that brings it to `BATCH_BYTES` bytes or more (standard
/// input, of unknown size, fills a batch; a batch has one file at least).
fn batches(inputs: &[Input], most: usize) -> impl Iterator<Item = &[Input]> {
    let mut rest = inputs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let n = rest
            .iter()
            .take(most.max(1))
            .take_while(|i| {
                let fits = bytes < BATCH_BYTES;
                bytes += i.size().unwrap_or(BATCH_BYTES);
                fits
            })
            .count()
            .max(1);
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        Some(batch)
    })
}

struct Document {
    /// Bytes read (after decompression).
    len: usize,
    gzip: bool,
    outcome: DocOutcome,
}

enum DocOutcome {
    Clean(thresh::Cleaned),
    /// Binary data, kept to be passed through.
    Binary(Vec<u8>),
}

fn read_document(
    thresh: &Thresh,
    input: &Input,
    detail: Detail,
    counter: &Arc<AtomicU64>,
) -> io::Result<Document> {
    let mut opened = open(input, counter)?;
    let mut bytes = Vec::new();
    opened.reader.read_to_end(&mut bytes)?;
    let len = bytes.len();
    let outcome = if thresh::decode::is_binary(&bytes) {
        DocOutcome::Binary(bytes)
    } else {
        DocOutcome::Clean(thresh.clean_bytes_with(&bytes, detail))
    };
    Ok(Document { len, gzip: opened.gzip, outcome })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_a_few_documents_or_a_few_megabytes() {
        let dir = std::env::temp_dir().join(format!("thresh-batches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let file = |name: &str, bytes: usize| {
            let path = dir.join(name);
            std::fs::write(&path, vec![b'a'; bytes]).unwrap_or_else(|e| panic!("{e}"));
            Input { path: Some(path), rel: name.into() }
        };
        let small: Vec<Input> = (0..5).map(|i| file(&format!("s{i}"), 10)).collect();
        let sizes = |inputs: &[Input], most| batches(inputs, most).map(<[Input]>::len).collect::<Vec<_>>();
        assert_eq!(sizes(&small, 2), [2, 2, 1]);
        let big = BATCH_BYTES as usize / 2 + 1;
        let mixed = vec![file("a", big), file("b", big), file("c", 10), file("d", 10)];
        // The second file brings the batch past the limit; it ends there.
        assert_eq!(sizes(&mixed, 8), [2, 2]);
        let stdin = vec![Input { path: None, rel: "-".into() }, file("e", 10)];
        assert_eq!(sizes(&stdin, 8), [1, 1]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
