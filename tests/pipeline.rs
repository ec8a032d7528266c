//! The pipeline step: folders, globs, gzip, `--output`, `--threads`,
//! `--on-error`, `--stats`, binary input — through the binary.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thresh-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn thresh(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thresh"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut input = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let _ = writer.join();
    out
}

fn record(i: usize) -> String {
    let body = format!(
        "Story number {i}\\n\\nReuters\\nJan 28, 2025\\n\\n(Reuters) - Paragraph {i} of the feed is long enough to count as body text, with a full sentence in it and a few more words.\\n\\nCopyright 2025 Reuters"
    );
    format!(
        "{{\"id\": \"r{i}\", \"text\": \"{body}\", \"meta\": {{\"n\": {i}, \"tags\": [\"a\", \"b\"]}}}}\n"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
    enc.finish().unwrap_or_else(|e| panic!("{e}"))
}

fn gunzip(path: &Path) -> String {
    let mut s = String::new();
    MultiGzDecoder::new(std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .read_to_string(&mut s)
        .unwrap_or_else(|e| panic!("{e}"));
    s
}

#[test]
fn order_is_kept_whatever_the_threads() {
    let input: String = (0..3000).map(record).collect();
    let one = thresh(&["clean", "--jsonl", "--threads", "1", "--quiet"], input.as_bytes());
    let four = thresh(&["clean", "--jsonl", "--threads", "4", "--quiet"], input.as_bytes());
    assert!(one.status.success() && four.status.success());
    assert_eq!(one.stdout, four.stdout);
    let text = String::from_utf8_lossy(&one.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3000);
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        assert_eq!(v["id"], format!("r{i}"));
        assert_eq!(v["meta"]["n"], i);
        let t = v["text"].as_str().unwrap_or_default();
        assert!(t.starts_with(&format!("Story number {i}\n\nParagraph {i} of the feed")), "{t}");
        assert!(!t.contains("Copyright"));
    }
    assert!(one.stderr.is_empty(), "--quiet prints nothing: {}", String::from_utf8_lossy(&one.stderr));
}

#[test]
fn folders_globs_gzip_and_output_dirs() {
    let dir = temp_dir("folders");
    let src = dir.join("in");
    std::fs::create_dir_all(src.join("a")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(src.join("b/c")).unwrap_or_else(|e| panic!("{e}"));
    let plain: String = (0..10).map(record).collect();
    let zipped: String = (10..20).map(record).collect();
    std::fs::write(src.join("a/part-0.jsonl"), &plain).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(src.join("b/c/part-1.jsonl.gz"), gzip(zipped.as_bytes()))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(src.join("b/notes.txt"), "not a shard").unwrap_or_else(|e| panic!("{e}"));
    let out = dir.join("out");
    let stats = dir.join("stats.json");
    let run = thresh(
        &[
            "clean",
            "--jsonl",
            &src.display().to_string(),
            "--glob",
            "*.jsonl*",
            "--output",
            &out.display().to_string(),
            "--stats",
            &stats.display().to_string(),
        ],
        b"",
    );
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("20 records in, 20 out, 0 failed, 40 blocks dropped")
    );
    let first = std::fs::read_to_string(out.join("a/part-0.jsonl")).unwrap_or_default();
    let second = gunzip(&out.join("b/c/part-1.jsonl.gz"));
    assert_eq!(first.lines().count(), 10);
    assert_eq!(second.lines().count(), 10);
    assert!(second.starts_with("{\"id\":\"r10\""));
    assert!(!out.join("b/notes.txt").exists(), "the glob leaves other files alone");
    let direct = thresh(&["clean", "--jsonl", "--quiet"], plain.as_bytes());
    assert_eq!(first.as_bytes(), direct.stdout.as_slice(), "--output writes what stdout would");
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).unwrap_or_default()).unwrap_or_default();
    assert_eq!(s["records_in"], 20);
    assert_eq!(s["by_rule"]["copyright-line"], 20);
    assert_eq!(s["by_rule"]["source-date-byline"], 20);
    assert_eq!(s["by_rule"]["wire-dateline-prefix"], 20);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn on_error_pass_skip_fail() {
    let input = format!("{}{{broken\n{}", record(0), record(1));
    let pass = thresh(&["clean", "--jsonl"], input.as_bytes());
    assert_eq!(pass.status.code(), Some(1));
    let out = String::from_utf8_lossy(&pass.stdout);
    assert_eq!(out.lines().count(), 3);
    assert_eq!(out.lines().nth(1), Some("{broken"));
    let err = String::from_utf8_lossy(&pass.stderr);
    assert!(err.contains("thresh: <stdin>:2: invalid JSON"), "{err}");
    assert!(err.contains("3 records in, 3 out, 1 failed"), "{err}");

    let skip = thresh(&["clean", "--jsonl", "--on-error", "skip"], input.as_bytes());
    assert_eq!(skip.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&skip.stdout).lines().count(), 2);

    let fail = thresh(&["clean", "--jsonl", "--on-error", "fail"], input.as_bytes());
    assert_eq!(fail.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&fail.stdout).lines().count(), 1);
    assert!(String::from_utf8_lossy(&fail.stderr).contains("stopping (--on-error fail)"));
}

#[test]
fn documents_from_several_files_binary_included() {
    let dir = temp_dir("docs");
    let a = dir.join("a.txt");
    let b = dir.join("b.bin");
    let c = dir.join("c.txt.gz");
    std::fs::write(&a, "Title One\n\n©2025 Example L.P.\n").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&b, b"\x00\x01\x02binary\x00").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&c, gzip("Title Two\n\n熱議股票\n".as_bytes())).unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<String> = [&a, &b, &c].iter().map(|p| p.display().to_string()).collect();
    let run = thresh(&["clean", &paths[0], &paths[1], &paths[2]], b"");
    assert_eq!(run.status.code(), Some(1), "binary input is a failure");
    assert_eq!(run.stdout, b"Title One\n\x00\x01\x02binary\x00Title Two\n");
    assert!(
        String::from_utf8_lossy(&run.stderr)
            .contains("b.bin: binary data (NUL bytes); passed through unchanged")
    );
    let skip = thresh(&["clean", "--on-error", "skip", &paths[0], &paths[1], &paths[2]], b"");
    assert_eq!(skip.stdout, b"Title One\nTitle Two\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn legacy_encoded_files_clean_like_utf8() {
    let dir = temp_dir("enc");
    let text = "Title Of The Story\n\nThe first paragraph of the story runs long enough to be body text, with a full sentence.\n\n免責聲明：投資有風險，本文並非投資建議。\n\n熱議股票\n";
    let (big5, _, _) = encoding_rs::BIG5.encode(text);
    let utf8 = dir.join("u.txt");
    let legacy = dir.join("b.txt");
    std::fs::write(&utf8, text).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&legacy, &big5).unwrap_or_else(|e| panic!("{e}"));
    let u = thresh(&["clean", "--quiet", &utf8.display().to_string()], b"");
    let b = thresh(&["clean", "--quiet", &legacy.display().to_string()], b"");
    assert_eq!(u.stdout, b.stdout);
    assert!(String::from_utf8_lossy(&u.stdout).ends_with("with a full sentence.\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_needs_file_inputs() {
    let run = thresh(&["clean", "--output", "x"], b"");
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn huge_records_and_lines_pass_in_order() {
    // Scaled down from 50 MB and 100 MB: the code paths are the same.
    let big = "word ".repeat(1_000_000);
    let input = format!("{}{{\"id\": \"big\", \"text\": \"{big}\"}}\n{}", record(0), record(1));
    let run = thresh(&["clean", "--jsonl", "--quiet"], input.as_bytes());
    assert!(run.status.success());
    let out = String::from_utf8_lossy(&run.stdout);
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap_or_default()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"r0\"", "\"big\"", "\"r1\""]);

    let line = "The harbour authority said traffic rose again last month. ".repeat(100_000);
    let run = thresh(&["clean", "--quiet"], line.as_bytes());
    assert!(run.status.success());
    assert_eq!(run.stdout.len(), line.trim_end().len() + 1);
}

#[test]
fn stats_name_encodings_and_replacements() {
    let dir = temp_dir("stats-enc");
    let (big5, _, _) = encoding_rs::BIG5
        .encode("標題\n\n這是一段足夠長的中文正文，用來測試編碼的偵測是否正確，並且不會丟失任何內容。");
    std::fs::write(dir.join("a.txt"), &big5).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("b.txt"),
        b"Broken \xff\xfe text in an otherwise readable English sentence here.",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let stats = dir.join("s.json");
    let run = thresh(
        &[
            "clean",
            "--lang",
            "any",
            "--stats",
            &stats.display().to_string(),
            &dir.join("a.txt").display().to_string(),
            &dir.join("b.txt").display().to_string(),
        ],
        b"",
    );
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).unwrap_or_default()).unwrap_or_default();
    assert_eq!(s["by_encoding"]["Big5"], 1, "{s}");
    assert_eq!(s["records_in"], 2);
    let _ = std::fs::remove_dir_all(&dir);
}
