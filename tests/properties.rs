//! Properties over generated documents in several scripts and layouts.

use proptest::prelude::*;
use thresh::{Decision, Thresh};

fn default_thresh() -> &'static Thresh {
    static T: std::sync::OnceLock<Thresh> = std::sync::OnceLock::new();
    T.get_or_init(|| Thresh::new().unwrap_or_else(|e| panic!("{e}")))
}

fn bare_thresh() -> &'static Thresh {
    static T: std::sync::OnceLock<Thresh> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        Thresh::builder().default_rules(false).langs(&["any"]).build().unwrap_or_else(|e| panic!("{e}"))
    })
}

/// A line of text: body sentences, boilerplate and odd characters in several scripts.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The board approved the plan on Monday, and the shares rose.".to_owned()),
        Just("Shares rose 3% in early trading, the most in a month.".to_owned()),
        Just("免責聲明：投資有風險，本文並非投資建議。".to_owned()),
        Just("免责声明：投资有风险，本文并非投资建议。".to_owned()),
        Just("熱議股票".to_owned()),
        Just("Hot Stocks".to_owned()),
        Just("©2025 Example L.P.".to_owned()),
        Just("Reuters".to_owned()),
        Just("Jan 28, 2025".to_owned()),
        Just("(Bloomberg) -- Stocks fell on Tuesday after the report.".to_owned()),
        Just("Die Regierung hat am Mittwoch neue Regeln für den Wohnungsbau beschlossen.".to_owned()),
        Just("本記事は投資の勧誘を目的としたものではありません。".to_owned()),
        Just("이 기사는 투자 권유를 목적으로 하지 않습니다.".to_owned()),
        Just("Шеф-повар рассказал о новом меню ресторана.".to_owned()),
        Just("مرحبا بالعالم".to_owned()),
        Just("NVDA 118.42 -3.1%".to_owned()),
        (1u32..12).prop_map(|n| format!("{n}. {n}")),
        (1u32..12).prop_map(|n| format!("{n}.")),
        Just("\u{a0}\u{a0}".to_owned()),
        Just("\u{3000}".to_owned()),
        "[a-zA-Z ]{0,40}",
        "\\PC{0,30}",
    ]
}

/// Lines, each followed by one of `separators`.
fn joined(separators: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec((line(), prop::sample::select(separators)), 0..30)
        .prop_map(|parts| parts.into_iter().map(|(l, sep)| l + sep).collect())
}

/// A document: lines joined by single or double line breaks, sometimes CRLF.
fn document() -> impl Strategy<Value = String> {
    joined(&["\n", "\n\n", "\r\n", "\n\n\n"])
}

/// A document whose blocks are all separated by blank lines.
fn paragraphs() -> impl Strategy<Value = String> {
    joined(&["\n\n", "\r\n\r\n", "\n\n\n"])
}

proptest! {
    // 256 cases each by default; PROPTEST_CASES=N for a longer run.

    #[test]
    fn clean_never_panics_on_any_text(text in "\\PC*") {
        let _ = default_thresh().clean(&text);
    }

    #[test]
    fn clean_bytes_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let cleaned = default_thresh().clean_bytes(&bytes);
        for b in &cleaned.blocks {
            prop_assert!(b.span.start <= b.span.end);
        }
    }

    #[test]
    fn cleaning_is_idempotent(doc in paragraphs()) {
        let t = default_thresh();
        let once = t.clean(&doc).text;
        let twice = t.clean(&once).text;
        prop_assert_eq!(twice, once);
    }

    // Without blank lines, whether a block of short lines is split is a
    // vote of the whole document (see `segment::line_breaks`), and blocks
    // dropped the first time no longer vote the second: a second cleaning
    // may split such a block and drop more of it. It never brings back or
    // adds anything.
    #[test]
    fn cleaning_again_only_removes(doc in document()) {
        let t = default_thresh();
        let once = t.clean(&doc).text;
        let twice = t.clean(&once).text;
        let mut left = once.split_whitespace();
        for word in twice.split_whitespace() {
            prop_assert!(left.any(|w| w == word), "{word:?} is not in the first cleaning's output, in order");
        }
    }

    #[test]
    fn output_blocks_are_a_subsequence_of_input_blocks(doc in document()) {
        let cleaned = default_thresh().clean(&doc);
        let mut out_blocks = cleaned.text.split("\n\n").map(|b| b.trim_end_matches('\n')).filter(|b| !b.is_empty());
        for b in cleaned.blocks.iter().filter(|b| b.decision != Decision::Drop) {
            let expected: String = if b.decision == Decision::Strip {
                // Spans were cut: the output block is the input block minus them.
                let mut s = String::new();
                let mut at = b.span.start;
                for cut in &b.stripped {
                    s.push_str(&doc[at..cut.start.max(at)]);
                    at = at.max(cut.end);
                }
                s.push_str(&doc[at.min(b.span.end)..b.span.end]);
                s
            } else {
                doc[b.span.clone()].to_owned()
            };
            let expected: Vec<&str> = expected
                .split('\n')
                .map(|l| l.trim_end_matches([' ', '\t', '\r']))
                .filter(|l| !l.trim_matches(thresh::segment::is_space).is_empty())
                .collect();
            prop_assert_eq!(out_blocks.next().map(|o| o.split('\n').collect::<Vec<_>>()), Some(expected));
        }
        prop_assert_eq!(out_blocks.next(), None);
    }

    #[test]
    fn with_no_rules_and_any_language_the_text_comes_through(doc in document()) {
        let out = bare_thresh().clean(&doc).text;
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| thresh::segment::is_space(c)).filter(|w| !w.is_empty()).map(str::to_owned).collect()
        };
        prop_assert_eq!(words(&out), words(&doc));
    }
}
