//! The canonical example: a wire story as a Hong Kong finance portal's page
//! was scraped, and the output the project promises for it. The files live in
//! the shared folder beside the repository (they are not copied into it); the
//! test says so and passes vacuously where that folder is absent.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn seed() -> Option<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    let expected = std::fs::read(dir.join("expected.txt")).ok()?;
    Some((dir.join("input.txt"), expected))
}

#[test]
fn seed_cleans_to_the_expected_text_byte_for_byte() {
    let Some((input, expected)) = seed() else {
        eprintln!("shared/seed not found beside the repository: seed test skipped");
        return;
    };
    let bin = env!("CARGO_BIN_EXE_thresh");
    let from_file = Command::new(bin).arg("clean").arg(&input).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(from_file.status.success());
    assert!(
        from_file.stdout == expected,
        "thresh clean FILE differs:\n{}",
        String::from_utf8_lossy(&from_file.stdout)
    );

    let mut child = Command::new(bin)
        .arg("clean")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(&input).unwrap_or_default();
    child.stdin.take().map(|mut s| s.write_all(&bytes));
    let from_stdin = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(from_stdin.stdout == expected, "thresh clean < FILE differs");

    // The library, and --lang any (the rules alone remove the same blocks).
    let any = thresh::Thresh::builder().langs(&["any"]).build().unwrap_or_else(|e| panic!("{e}"));
    assert!(any.clean_bytes(&bytes).text.as_bytes() == expected.as_slice());
}

#[test]
fn seed_in_legacy_encodings() {
    let Some((input, expected)) = seed() else {
        return;
    };
    let text = std::fs::read_to_string(&input).unwrap_or_default();
    let t = thresh::Thresh::new().unwrap_or_else(|e| panic!("{e}"));
    for enc in [encoding_rs::BIG5, encoding_rs::GB18030, encoding_rs::GBK] {
        // Big5 and GBK have no no-break space or ©: the encoder writes them as
        // `&#160;` and `&#169;`, which decoding turns back.
        let (bytes, _, _) = enc.encode(&text);
        assert!(t.clean_bytes(&bytes).text.as_bytes() == expected.as_slice(), "{}", enc.name());
    }
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    assert!(t.clean_bytes(&utf16).text.as_bytes() == expected.as_slice(), "UTF-16LE");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    assert!(t.clean_bytes(&bom).text.as_bytes() == expected.as_slice());
}
