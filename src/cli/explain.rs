//! `thresh explain`: every block with its decision, language and reason.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use thresh::{DecidedBy, Decision};

use super::{EXIT_FAILED, EngineArgs, read_input};

#[derive(Args)]
pub struct ExplainArgs {
    /// The input file; standard input when absent or `-`.
    file: Option<String>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Print the full report as one JSON object instead.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

const PREVIEW_LINES: usize = 3;
const PREVIEW_CHARS: usize = 100;

pub fn run(args: &ExplainArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let thresh = match args.engine.build() {
        Ok(t) => t,
        Err(code) => return Ok(code),
    };
    let file = args.file.as_deref().unwrap_or("-");
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("thresh: {file}: {e}");
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    let decoded = thresh.decode(&bytes);
    let text = decoded.text;
    let cleaned = thresh.clean_decoded(&text, decoded.info);
    if args.json {
        serde_json::to_writer(&mut *out, &cleaned).map_err(io::Error::other)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let paint = |code: &str, s: &str| {
        if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_owned() }
    };
    let info = &cleaned.decode;
    writeln!(
        out,
        "{}",
        paint(
            "2",
            &format!(
                "encoding {} ({}){}",
                info.encoding,
                info.source.name(),
                if info.had_errors { ", malformed bytes replaced" } else { "" }
            )
        )
    )?;
    for (i, b) in cleaned.blocks.iter().enumerate() {
        let (decision, code) = match b.decision {
            Decision::Keep => ("keep ", "32"),
            Decision::Strip => ("strip", "33"),
            Decision::Drop => ("drop ", "31"),
        };
        let by = match (b.by, &b.rule) {
            (DecidedBy::Rule, Some(rule)) => format!("rule {rule}"),
            (by, _) => by.name().to_owned(),
        };
        let lang = b.lang.unwrap_or("none");
        writeln!(
            out,
            "{} {} {}  {} {:.2} ({})  bytes {}..{}",
            paint("1", &format!("#{i:<3}")),
            paint(code, decision),
            paint("36", &by),
            lang,
            b.confidence,
            b.lang_method.name(),
            b.span.start,
            b.span.end
        )?;
        let block = &text[b.span.clone()];
        let lines: Vec<&str> = block.lines().collect();
        for line in lines.iter().take(PREVIEW_LINES) {
            let mut preview: String = line.trim_end().chars().take(PREVIEW_CHARS).collect();
            if line.chars().count() > PREVIEW_CHARS {
                preview.push('…');
            }
            writeln!(out, "    │ {preview}")?;
        }
        if lines.len() > PREVIEW_LINES {
            writeln!(out, "    │ … {} more lines", lines.len() - PREVIEW_LINES)?;
        }
        if !b.evidence.is_empty() {
            let ev: Vec<String> = b.evidence.iter().map(|e| format!("{e:?}")).collect();
            writeln!(out, "    {} {}", paint("2", "evidence:"), ev.join(", "))?;
        }
        if !b.stripped.is_empty() {
            let cut: Vec<String> = b.stripped.iter().map(|s| format!("{:?}", &text[s.clone()])).collect();
            writeln!(out, "    {} {}", paint("2", "cut:"), cut.join(", "))?;
        }
    }
    let count = |d: Decision| cleaned.blocks.iter().filter(|b| b.decision == d).count();
    writeln!(
        out,
        "{} blocks: {} kept, {} stripped, {} dropped",
        cleaned.blocks.len(),
        count(Decision::Keep),
        count(Decision::Strip),
        count(Decision::Drop)
    )?;
    Ok(ExitCode::SUCCESS)
}
