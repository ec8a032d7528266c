//! Hostile and odd input: nothing panics, nothing is lost that should not be,
//! and cleaning is idempotent. Sizes are scaled down where the behaviour is
//! the same.

use thresh::Thresh;
use thresh::jsonl::{RecordOptions, clean_record};

/// A small deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "The board approved the plan on Monday.",
    "Shares rose 3% in early trading, the most in a month.",
    "免責聲明：投資有風險，本文並非投資建議。",
    "熱議股票",
    "1. 1",
    "2.",
    "\u{a0}\u{a0}",
    "©2025 Example L.P.",
    "Reuters",
    "Jan 28, 2025",
    "(Bloomberg) -- Stocks fell.",
    "Die Regierung hat neue Regeln beschlossen.",
    "本記事は投資の勧誘を目的としたものではありません。",
    "이 기사는 투자 권유를 목적으로 하지 않습니다.",
    "Шеф-повар рассказал о новом меню.",
    "مرحبا بالعالم",
    "x ˙ = σ ( y − x )",
    "e\u{301}\u{301}\u{301}",
    "\u{200b}",
    "ﬁnance ＡＢＣ　",
    "\t \r",
    "🙂🙂",
];

fn random_doc(rng: &mut Rng) -> String {
    let mut doc = String::new();
    for _ in 0..rng.below(30) {
        doc.push_str(PIECES[rng.below(PIECES.len())]);
        doc.push_str(["\n", "\n\n", " ", "\r\n", "\n\n\n"][rng.below(5)]);
    }
    doc
}

fn thresh() -> Thresh {
    Thresh::new().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn random_documents_keep_a_subsequence_of_their_blocks_and_are_idempotent() {
    let t = thresh();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..400 {
        let doc = random_doc(&mut rng);
        let cleaned = t.clean(&doc);
        assert_eq!(t.clean(&cleaned.text).text, cleaned.text, "not idempotent on {doc:?}");
        // Every kept block (minus stripped spans) appears in the output, in order.
        let mut at = 0;
        for b in cleaned.blocks.iter().filter(|b| b.decision == thresh::Decision::Keep) {
            let first_line =
                doc[b.span.clone()].lines().next().unwrap_or("").trim_end_matches([' ', '\t', '\r']);
            let found = cleaned.text[at..].find(first_line);
            assert!(found.is_some(), "kept block {first_line:?} missing from output of {doc:?}");
            at += found.unwrap_or(0);
        }
    }
}

#[test]
fn with_no_rules_and_any_language_the_text_comes_through() {
    let t = Thresh::builder().default_rules(false).langs(&["any"]).build().unwrap_or_else(|e| panic!("{e}"));
    let mut rng = Rng(42);
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    for _ in 0..300 {
        let doc = random_doc(&mut rng);
        let out = t.clean(&doc).text;
        let squash = |s: &str| -> Vec<String> {
            words(s).into_iter().filter(|w| !w.chars().all(thresh::segment::is_space)).collect()
        };
        // Dropping only happens in the context pass for short blocks between dropped ones;
        // with nothing dropped by rules or language, nothing is dropped at all.
        assert_eq!(squash(&out), squash(&doc.replace('\u{200b}', " ")), "{doc:?}");
    }
}

#[test]
fn random_bytes_and_nul_never_panic() {
    let t = thresh();
    let mut rng = Rng(7);
    for len in [0usize, 1, 2, 3, 7, 64, 1000, 10_000] {
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let cleaned = t.clean_bytes(&bytes);
            assert!(cleaned.text.len() <= 4 * bytes.len() + 4);
        }
    }
    let nul = b"Title\0\0\n\n\0\0\0 body\xff\xfe text\n";
    let cleaned = t.clean_bytes(nul);
    assert!(cleaned.decode.had_errors || cleaned.decode.encoding != "UTF-8");
}

#[test]
fn empty_blank_and_all_boilerplate_documents_give_empty_output() {
    let t = thresh();
    for doc in
        ["", "\n\n\n", " \u{a0}\u{3000}\n\u{200b}\n", "©2025 Example L.P.\n\n熱議股票\n\n1. 1\n2. 2\n3. 3\n"]
    {
        let cleaned = t.clean(doc);
        assert_eq!(cleaned.text, "", "{doc:?}");
    }
}

#[test]
fn a_short_text_without_blank_lines_is_not_dropped_whole_as_a_menu() {
    // Nine lines and no blank one: one block, four of its lines a menu's
    // labels. No paragraph stands anywhere, so the block is not taken for
    // a menu around one; its sentences stay.
    let t = Thresh::builder().langs(&["ko"]).build().unwrap_or_else(|e| panic!("{e}"));
    let doc = "홈\n정치\n경제\n사회\n서울 지하철 요금 내년부터 150원 인상\n\
               기본요금 1550원…청소년·어린이 요금은 동결\n이지은 기자\n\
               서울시는 내년 1월부터 지하철 기본요금을 150원 올린다고 4일 밝혔다. 요금 인상은 2023년 이후 3년 만이다.\n\
               다만 청소년과 어린이 요금은 현행대로 유지하기로 했다. 시는 인상분을 노후 전동차 교체와 안전시설 확충에 쓸 계획이다.\n";
    let cleaned = t.clean(doc);
    assert!(cleaned.text.contains("서울시는 내년 1월부터"), "{:?}", cleaned.text);
    assert!(cleaned.text.contains("시는 인상분을 노후 전동차"), "{:?}", cleaned.text);
}

#[test]
fn a_long_line_without_newline_is_cleaned_whole() {
    let t = thresh();
    let sentence = "The harbour authority said traffic rose again last month. ";
    let line = sentence.repeat(40_000); // 2.3 MB on one line
    let cleaned = t.clean(&line);
    assert_eq!(cleaned.blocks.len(), 1);
    assert_eq!(cleaned.text.len(), line.trim_end().len() + 1);
}

#[test]
fn many_tiny_blocks() {
    let t = thresh();
    let doc = "a\n\n".repeat(20_000);
    let cleaned = t.clean(&doc);
    assert_eq!(cleaned.blocks.len(), 20_000);
}

#[test]
fn deeply_nested_and_huge_json_records_are_reported_not_fatal() {
    let t = thresh();
    let opts = RecordOptions::new("text", false);
    let deep = format!("{{\"text\": \"x\", \"deep\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    // Either reported or passed through verbatim; never a crash.
    match clean_record(&t, deep.as_bytes(), &opts) {
        Ok(r) => assert!(r.line.contains(&"[".repeat(100_000))),
        Err(e) => assert!(!e.message.is_empty()),
    }
    let big = format!("{{\"text\": \"{}\"}}", "word ".repeat(1_000_000));
    assert!(clean_record(&t, big.as_bytes(), &opts).is_ok());
}

#[test]
fn a_thresh_is_shared_across_threads() {
    let t = std::sync::Arc::new(thresh());
    let doc = "Title Of The Story\n\nThe first paragraph runs long enough to be body text, with a full sentence and more words after it.\n\n©2025 Example L.P.\n";
    let expected = t.clean(doc).text;
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let t = std::sync::Arc::clone(&t);
            std::thread::spawn(move || (0..50).map(|_| t.clean(doc).text).collect::<Vec<_>>())
        })
        .collect();
    for h in handles {
        let outs = h.join().unwrap_or_default();
        assert!(outs.iter().all(|o| *o == expected));
        assert_eq!(outs.len(), 50);
    }
}
