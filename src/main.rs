//! The `thresh` command: a thin layer over the library. It parses flags,
//! calls the library, prints, and maps errors to exit codes:
//! 0 done, 1 some records or files failed, 2 usage, 78 invalid rules.

#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
