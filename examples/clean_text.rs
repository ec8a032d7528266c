//! Cleans a text with the library: `cargo run --example clean_text -- FILE`.
//!
//! Prints the clean text, then one line per dropped block saying why.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: clean_text FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let thresh = match thresh::Thresh::builder().langs(&["en"]).build() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let cleaned = thresh.clean_bytes(&bytes);
    print!("{}", cleaned.text);
    for block in cleaned.dropped() {
        let why = block.rule.as_deref().unwrap_or(block.by.name());
        eprintln!("dropped bytes {:?}: {why}", block.span);
    }
    ExitCode::SUCCESS
}
