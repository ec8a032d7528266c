//! `thresh clean`: plain text, or JSON Lines with `--jsonl`.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use clap::Args;
use thresh::Thresh;
use thresh::jsonl::{RecordOptions, clean_record};

use super::{EXIT_FAILED, EngineArgs, read_input};

#[derive(Args)]
pub struct CleanArgs {
    /// Input files; standard input when none or `-`.
    files: Vec<String>,
    /// Input is JSON Lines: clean one string field of each record, pass every other field through.
    #[arg(long)]
    jsonl: bool,
    /// The field to clean, with --jsonl; dots reach into nested objects (`content.body`).
    #[arg(long, default_value = "text", requires = "jsonl")]
    field: String,
    /// With --jsonl, add a `thresh` object to each record: dropped blocks, rules, languages, encoding.
    #[arg(long, requires = "jsonl")]
    report: bool,
    /// Print nothing on standard error but errors.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    engine: EngineArgs,
}

pub fn run(args: &CleanArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let thresh = match args.engine.build() {
        Ok(t) => t,
        Err(code) => return Ok(code),
    };
    let files: Vec<&str> =
        if args.files.is_empty() { vec!["-"] } else { args.files.iter().map(String::as_str).collect() };
    let mut failed = 0usize;
    for file in files {
        let name = if file == "-" { "<stdin>" } else { file };
        if args.jsonl {
            failed += clean_jsonl(&thresh, file, name, args, out)?;
            continue;
        }
        match read_input(file) {
            Ok(bytes) => {
                let cleaned = thresh.clean_bytes(&bytes);
                if cleaned.decode.had_errors && !args.quiet {
                    eprintln!(
                        "thresh: {name}: malformed {} bytes were replaced by U+FFFD",
                        cleaned.decode.encoding
                    );
                }
                out.write_all(cleaned.text.as_bytes())?;
            }
            Err(e) => {
                eprintln!("thresh: {name}: {e}");
                failed += 1;
            }
        }
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(EXIT_FAILED) })
}

/// Cleans one JSON Lines input; returns how many records failed.
fn clean_jsonl(
    thresh: &Thresh,
    file: &str,
    name: &str,
    args: &CleanArgs,
    out: &mut impl Write,
) -> io::Result<usize> {
    let reader: Box<dyn BufRead> = if file == "-" {
        Box::new(io::BufReader::with_capacity(1 << 16, io::stdin().lock()))
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                eprintln!("thresh: {name}: {e}");
                return Ok(1);
            }
        }
    };
    let opts = RecordOptions::new(&args.field, args.report);
    let mut failed = 0;
    let mut line = Vec::new();
    let mut reader = reader;
    let mut number = 0usize;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            out.write_all(&line)?;
            out.write_all(b"\n")?;
            continue;
        }
        match clean_record(thresh, &line, &opts) {
            Ok(record) => {
                out.write_all(record.line.as_bytes())?;
            }
            Err(e) => {
                eprintln!("thresh: {name}:{number}: {e}; record passed through unchanged");
                out.write_all(&line)?;
                failed += 1;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(failed)
}
