//! Command-line behaviour as data: every folder under `tests/cli/` is a case.
//!
//! - `args`: the arguments, one per line (run from the crate root)
//! - `stdin`: standard input (optional; empty otherwise)
//! - `env`: `KEY=VALUE` lines added to the environment (optional)
//! - `stdout` / `stderr`: the exact expected output, or `stdout-contains` /
//!   `stderr-contains`: lines that must each appear (optional)
//! - `status`: the expected exit code (default 0)

use std::io::Write;
mod common;

use std::path::Path;
use std::process::{Command, Stdio};

fn read(dir: &Path, name: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(name)).ok()
}

fn run_case(dir: &Path) -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = read(dir, "args").unwrap_or_default().lines().map(str::to_owned).collect();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_thresh"));
    cmd.args(&args).current_dir(root).env_remove("NO_COLOR");
    for line in read(dir, "env").unwrap_or_default().lines() {
        if let Some((k, v)) = line.split_once('=') {
            cmd.env(k, v);
        }
    }
    let stdin = std::fs::read(dir.join("stdin")).unwrap_or_default();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn: {e}"))?;
    if let Some(mut input) = child.stdin.take() {
        input.write_all(&stdin).map_err(|e| format!("stdin: {e}"))?;
    }
    let out = child.wait_with_output().map_err(|e| format!("wait: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    let status: i32 = read(dir, "status").map_or(0, |s| s.trim().parse().unwrap_or(-1));
    if out.status.code() != Some(status) {
        problems.push(format!("status {:?}, expected {status}", out.status.code()));
    }
    for (name, actual) in [("stdout", &stdout), ("stderr", &stderr)] {
        if let Some(expected) = read(dir, name)
            && **actual != expected
        {
            problems.push(format!("{name} differs:\n--- expected\n{expected}--- got\n{actual}"));
        }
        if let Some(lines) = read(dir, &format!("{name}-contains")) {
            for line in lines.lines().filter(|l| !l.is_empty()) {
                if !actual.contains(line) {
                    problems.push(format!("{name} lacks {line:?}:\n{actual}"));
                }
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

#[test]
fn cli_cases() {
    let dirs = common::case_dirs("cli");
    assert!(!dirs.is_empty());
    let failures: Vec<String> =
        dirs.iter().filter_map(|d| run_case(d).err().map(|e| format!("{}:\n{e}", d.display()))).collect();
    assert!(
        failures.is_empty(),
        "{} of {} CLI cases failed:\n\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n\n")
    );
}
