//! The `number-run` detector: a chart scraped as text. Its axis ticks and
//! data labels come out as blocks of a number each ("600", "$263", "’17",
//! "6.6%"), one after another, often in the middle of the article.

use std::ops::Range;

use super::rules::Document;

/// Runs of at least `min_items` consecutive view positions whose block is a
/// bare number (see [`is_bare_number`]).
pub(super) fn number_runs(doc: &Document<'_>, view: &[usize], min_items: usize) -> Vec<Range<usize>> {
    let mut runs = super::stretches(view, |&i| is_bare_number(doc, i));
    runs.retain(|r| r.len() >= min_items);
    runs
}

/// The most non-space characters of a chart label.
const MAX_CHARS: usize = 12;

/// Whether block `i` is one short line of at most two tokens made of
/// digits, currency and percent signs, decimal marks, signs and an
/// apostrophe for a two-digit year, with a digit or a sign among them. A
/// sum ("2 + 3 = 5") has more tokens; a list item, a footnote mark or a
/// rating ("*", "1 / 5") has other characters.
fn is_bare_number(doc: &Document<'_>, i: usize) -> bool {
    let b = &doc.blocks[i];
    if b.lines != 1 || b.chars > MAX_CHARS || b.scripts.letters > 0 {
        return false;
    }
    let Some(line) = doc.lines(i).next() else { return false };
    let sign = |c: char| matches!(c, '$' | '€' | '£' | '¥' | '%');
    let allowed = |c: char| {
        c.is_whitespace()
            || c.is_ascii_digit()
            || sign(c)
            || matches!(c, '.' | ',' | '\'' | '’' | '+' | '-' | '−' | '–')
    };
    line.split_whitespace().count() <= 2
        && line.chars().all(allowed)
        && line.chars().any(|c| c.is_ascii_digit() || sign(c))
}
