//! The `field-run` detector: a quote box or a statistics box scraped as
//! text. Each field comes out as its name over its figure ("Previous
//! Close" over "182.52", "Market Cap" over "2.87T", 成交量 over "5,210万"),
//! a line each, in one block or in blocks of their own, often between two
//! paragraphs of the article.

use std::ops::Range;

use super::rules::Document;

/// What a line of a block is to the detector.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    /// A field's name: a few words without sentence punctuation.
    Name,
    /// A figure: numbers, signs, a range, a change in brackets.
    Figure,
}

/// Runs of consecutive view positions whose blocks hold nothing but field
/// names and figures, with at least `min_pairs` names each right over its
/// figure, every figure under a name, and at most one name without a
/// figure (the box's heading: "Key Statistics").
pub(super) fn field_runs(
    doc: &Document<'_>,
    view: &[usize],
    min_pairs: usize,
) -> Vec<(Range<usize>, String)> {
    let mut runs = Vec::new();
    // Blocks of a box's shape in a row, with lines enough for its fields
    // (most blocks are paragraphs, and a heading between two of them is
    // one line): only their lines are looked at.
    for stretch in super::stretches(view, |&i| shaped(&doc.blocks[i])) {
        if view[stretch.clone()].iter().map(|&i| doc.blocks[i].lines).sum::<usize>() < 2 * min_pairs {
            continue;
        }
        let kinds: Vec<Option<Vec<Line>>> =
            view[stretch.clone()].iter().map(|&i| block_lines(doc, i)).collect();
        for run in super::stretches(&kinds, Option::is_some) {
            let lines: Vec<Line> = kinds[run.clone()].iter().flatten().flatten().copied().collect();
            if let Some(pairs) = pairs(&lines).filter(|&p| p >= min_pairs) {
                let run = stretch.start + run.start..stretch.start + run.end;
                runs.push((run, format!("{pairs} field names over their figures")));
            }
        }
    }
    runs
}

/// A block a box's lines may make: short, no paragraph, no more words a
/// line than a name has.
fn shaped(b: &crate::analyze::Analyzed) -> bool {
    b.chars <= MAX_BLOCK_CHARS && !b.prose && b.words <= b.lines * NAME_WORDS
}

/// The names right over a figure in `lines`, when every figure stands
/// under a name and at most one name stands without one.
fn pairs(lines: &[Line]) -> Option<usize> {
    let mut pairs = 0;
    let mut lone_names = 0;
    let mut k = 0;
    while k < lines.len() {
        match (lines[k], lines.get(k + 1)) {
            (Line::Name, Some(Line::Figure)) => {
                pairs += 1;
                k += 2;
            }
            (Line::Name, _) => {
                lone_names += 1;
                k += 1;
            }
            (Line::Figure, _) => return None,
        }
    }
    (lone_names <= 1).then_some(pairs)
}

/// Each line of block `i` as a name or a figure; none when a line is
/// neither.
fn block_lines(doc: &Document<'_>, i: usize) -> Option<Vec<Line>> {
    let b = &doc.blocks[i];
    b.form.as_str().lines().filter(|l| !l.trim().is_empty()).map(line_kind).collect()
}

/// The most non-space characters of a block of fields.
const MAX_BLOCK_CHARS: usize = 400;

fn line_kind(line: &str) -> Option<Line> {
    let line = line.trim();
    if figure(line) {
        Some(Line::Figure)
    } else if name(line) {
        Some(Line::Name)
    } else {
        None
    }
}

/// The most words of a field's name, and the most Han, kana or Hangul
/// characters of one in those scripts.
const NAME_WORDS: usize = 5;
const NAME_CJK_CHARS: usize = 8;

/// A field's name: letters, at most `NAME_WORDS` words (or
/// `NAME_CJK_CHARS` CJK characters), no digit but in a period's label
/// ("52 Week Range", "P/E (TTM)"), and no sentence punctuation; a colon
/// may end it.
fn name(line: &str) -> bool {
    let line = line.strip_suffix(':').unwrap_or(line).trim_end();
    let cjk = if line.is_ascii() {
        0
    } else {
        line.chars().filter(|&c| crate::lang::is_unspaced(c) || crate::lang::is_hangul(c)).count()
    };
    let words = line.split_whitespace().count();
    let short = if cjk > 0 { cjk <= NAME_CJK_CHARS && words <= 2 } else { words <= NAME_WORDS };
    short
        && line.chars().any(char::is_alphabetic)
        && !line.chars().any(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ':' | '"' | '“' | '”'))
        // A name may hold a period's figure, not end with one: "Week 3" is
        // a heading of a list.
        && !line.ends_with(|c: char| c.is_ascii_digit())
}

/// A figure: at most `FIGURE_TOKENS` tokens, each a number with its signs
/// (currency, percent, a multiplier "K"/"M"/"B"/"T"/万/亿/億), a dash of a
/// range, or a currency's code; a number among them.
fn figure(line: &str) -> bool {
    let mut tokens = 0;
    let mut number = false;
    for t in line.split_whitespace() {
        tokens += 1;
        if tokens > FIGURE_TOKENS || !figure_token(t) {
            return false;
        }
        number |= t.bytes().any(|c| c.is_ascii_digit());
    }
    number
}

/// The most tokens of a figure ("180.10 - 183.40", "+2.25 (+1.24%)").
const FIGURE_TOKENS: usize = 4;

fn figure_token(token: &str) -> bool {
    let t = token.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    if matches!(t, "-" | "–" | "—" | "/" | "x") {
        return true;
    }
    // A currency's code: "USD", "hkd" (the matching form is lower case).
    if t.len() == 3 && t.chars().all(|c| c.is_ascii_lowercase()) {
        return CURRENCIES.contains(&t);
    }
    let t = t.trim_start_matches(['+', '-', '−', '±']);
    let t = t.trim_start_matches(['$', '€', '£', '¥', '₩']);
    let t = t.trim_end_matches(['%', 'k', 'm', 'b', 't', 'x', '万', '亿', '億', '円', '元']);
    let mut chars = t.chars();
    chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Currency codes a figure may carry.
const CURRENCIES: &[&str] =
    &["aud", "cad", "chf", "cny", "eur", "gbp", "hkd", "jpy", "krw", "rmb", "sgd", "twd", "usd"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_figures() {
        for f in [
            "182.52",
            "2.87t",
            "52,114,300",
            "180.10 - 183.40",
            "0.96 (0.52%)",
            "+2.25 (+1.24%)",
            "$4.2b",
            "5,210万",
            "320.40 hkd",
        ] {
            assert!(figure(f), "{f}");
        }
        for f in ["2024 was", "$", "-", "1.2 kg", "10 hours", "abc"] {
            assert!(!figure(f), "{f}");
        }
        for n in [
            "previous close",
            "day's range",
            "52 week range",
            "p/e ratio (ttm)",
            "market cap",
            "成交量",
            "key statistics",
        ] {
            assert!(name(n), "{n}");
        }
        for n in ["the shares rose.", "week 3", "one two three four five six", "a, b"] {
            assert!(!name(n), "{n}");
        }
    }

    #[test]
    fn pairs_need_names_over_figures() {
        use Line::{Figure as F, Name as N};
        assert_eq!(pairs(&[N, F, N, F, N, F]), Some(3));
        assert_eq!(pairs(&[N, N, F, N, F]), Some(2));
        assert_eq!(pairs(&[N, N, N, F]), None);
        assert_eq!(pairs(&[F, N, F]), None);
        assert_eq!(pairs(&[N, F, F]), None);
    }
}
