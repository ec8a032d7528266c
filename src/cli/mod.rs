//! Flag parsing and dispatch.

mod clean;
mod explain;
mod inputs;
mod progress;
mod rules_cmd;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use thresh::{Error, Thresh};

/// Exit code: some records or files failed (and were passed through or reported).
pub const EXIT_FAILED: u8 = 1;
/// Exit code: bad flags or arguments.
pub const EXIT_USAGE: u8 = 2;
/// Exit code: invalid rule files (as `EX_CONFIG` in sysexits.h).
pub const EXIT_RULES: u8 = 78;

#[derive(Parser)]
#[command(
    name = "thresh",
    version,
    about = "Strip boilerplate from scraped text, block by block, and say why"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the clean text of each FILE (or standard input).
    Clean(clean::CleanArgs),
    /// Show every block with its decision, language, rule and evidence.
    Explain(explain::ExplainArgs),
    /// List, show and test rules.
    #[command(subcommand)]
    Rules(rules_cmd::RulesCommand),
}

/// Flags that choose rules and languages, shared by the subcommands.
#[derive(Args, Clone, Debug)]
pub struct EngineArgs {
    /// Keep blocks in these languages: ISO 639-1 codes or tags such as pt-BR, comma-separated, or `any`.
    #[arg(long, value_delimiter = ',', default_value = "en")]
    lang: Vec<String>,
    /// Add the rule files in DIR (recursively); a rule with a default rule's id replaces it.
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    no_default_rules: bool,
    /// Switch off a rule by id (repeatable, or comma-separated).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    disable: Vec<String>,
    /// Decode input with this encoding (a WHATWG label such as big5, gbk, shift_jis) instead of detecting it.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
}

impl EngineArgs {
    /// Builds the cleaner, or prints why not and returns the exit code.
    pub fn build(&self) -> Result<Thresh, ExitCode> {
        let mut b = Thresh::builder()
            .default_rules(!self.no_default_rules)
            .langs(&self.lang)
            .rule_dirs(&self.rule_dirs)
            .disable_all(&self.disable);
        if let Some(e) = &self.encoding {
            b = b.encoding(e);
        }
        let thresh = b.build().map_err(|e| report_build_error(&e))?;
        if let [first, ..] = thresh.undetectable_languages() {
            eprintln!(
                "thresh: warning: the language detector does not know `{first}`; \
                 the language policy is off (blocks are kept whatever their language, the rules still apply)"
            );
        }
        Ok(thresh)
    }
}

/// Prints a build error and returns its exit code.
pub fn report_build_error(e: &Error) -> ExitCode {
    match e {
        // Each rule error starts with its own location.
        Error::Rules(errors) => eprintln!("{errors}"),
        other => eprintln!("thresh: {other}"),
    }
    ExitCode::from(match e {
        Error::Rules(_) => EXIT_RULES,
        _ => EXIT_USAGE,
    })
}

/// Runs the command line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = match cli.command {
        Command::Clean(args) => clean::run(&args, &mut out),
        Command::Explain(args) => explain::run(&args, &mut out),
        Command::Rules(cmd) => rules_cmd::run(&cmd, &mut out),
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(code), Ok(())) => code,
        (Err(e), _) | (Ok(_), Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (Ok(_), Err(e)) => {
            eprintln!("thresh: {e}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

/// Reads a whole input: a file, or standard input for `-`.
pub fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::Read::read_to_end(&mut io::stdin().lock(), &mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}
