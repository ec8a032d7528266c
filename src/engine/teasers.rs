//! Teasers: a list of other stories, each a title on a line of its own over
//! its summary, and a short line under that with a figure in it (a time, a
//! date: "2 hours ago", "Published 8:12 AM"), or, where the text has no
//! blank lines, those three lines one block each. The summaries are sentences,
//! so only their shape tells them from the article; the `teaser-run`
//! detector finds them in a row, and a heading's section (`drop-section`)
//! goes on past them.

use std::ops::Range;

use super::rules::Document;
use crate::analyze::{Analyzed, ends_open};
use crate::segment::{LineShape, at_most_chars, form_line_shape};

/// A teaser: two or three lines, the first a title (no sentence
/// punctuation at its end, not a list item, at least `TITLE_WORDS` words or
/// `TITLE_CJK_CHARS` CJK characters, at most `TITLE_CHARS` characters), a
/// line ending a sentence under it, and perhaps a note of at most `NOTE_CHARS`
/// characters under that. A paragraph of the story does not open with a
/// line that ends without punctuation.
pub(super) fn teaser(b: &Analyzed) -> bool {
    if !(2..=3).contains(&b.lines) {
        return false;
    }
    let last_short = b.lines == 2 || at_most_chars(line(b, 2), NOTE_CHARS);
    last_short && ends_sentence(line(b, 1)) && title(b, line(b, 0))
}

/// A teaser with a note under its summary that holds a figure: the time or
/// date a story list puts there. A story's paragraph under a subheading has
/// none.
fn noted_teaser(b: &Analyzed) -> bool {
    b.lines == 3 && teaser(b) && short_note(line(b, 2))
}

/// A note under a teaser: short, with a figure, and no numbered item (a
/// listicle's next "2. Tomar") and no price (a buying guide's "Price: $49"
/// under each product's name and verdict).
fn short_note(line: &str) -> bool {
    at_most_chars(line, NOTE_CHARS)
        && line.bytes().any(|c| c.is_ascii_digit())
        && form_line_shape(line) == LineShape::Plain
        && !line.contains(CURRENCY)
}

/// Currency signs: a figure with one is a price, not a time or a date.
const CURRENCY: [char; 7] = ['$', '€', '£', '¥', '₹', '₩', '￥'];

/// A related post's category under its date, as blog platforms print it:
/// `In "News"`, `Dans « Actualités »`, `En «Noticias»`, `Em "Notícias"`,
/// `In „Allgemein“`, `“ニュース”内`, `在“新闻”中` (in the matching form).
fn category_note(line: &str) -> bool {
    const OPEN: [char; 5] = ['"', '“', '«', '„', '「'];
    const CLOSE: [char; 5] = ['"', '”', '»', '“', '」'];
    let line = line.trim();
    if !at_most_chars(line, NOTE_CHARS) {
        return false;
    }
    let quoted = |rest: &str| {
        let rest = rest.trim();
        rest.starts_with(OPEN) && rest.chars().count() > 2 && rest.ends_with(CLOSE)
    };
    ["in ", "dans ", "en ", "em "].iter().any(|p| line.strip_prefix(p).is_some_and(quoted))
        || line.strip_suffix('内').is_some_and(quoted)
        || line.strip_prefix('在').and_then(|l| l.strip_suffix('中')).is_some_and(quoted)
}

/// Whether `line` ends a sentence (a summary's end).
fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '。', '！', '？', '…', '"', '”', '’', ')', '」'])
}

/// Line `n` of the block's matching form ("" past its end).
fn line(b: &Analyzed, n: usize) -> &str {
    b.line_ranges.get(n).map_or("", |r| &b.form.as_str()[r.clone()])
}

/// Whether `line` of `b` reads as a story's title: long enough, no longer
/// than a title, open at its end, neither a list item nor in brackets.
fn title(b: &Analyzed, line: &str) -> bool {
    // The cheap tests first: most lines asked about are a paragraph's.
    // A line in brackets is a credit or an aside ("(Image credit: Alamy)").
    if !at_most_chars(line, TITLE_CHARS)
        || !ends_open(line)
        || line.starts_with(['(', '[', '（', '【'])
        || form_line_shape(line) != LineShape::Plain
    {
        return false;
    }
    if b.mostly_cjk() {
        line.chars().count() >= TITLE_CJK_CHARS
    } else {
        line.split_whitespace().nth(TITLE_WORDS - 1).is_some()
    }
}

/// The fewest words of a teaser's title.
const TITLE_WORDS: usize = 3;
/// The fewest characters of a Chinese, Japanese or Korean teaser's title.
const TITLE_CJK_CHARS: usize = 8;
/// The most characters of a teaser's title.
const TITLE_CHARS: usize = 150;
/// The most characters of the note under a teaser.
const NOTE_CHARS: usize = 40;
/// The fewest non-space characters of a story's paragraph outside a run
/// (a brief's paragraphs are short).
const STORY_PARAGRAPH_CHARS: usize = 100;

/// A story's paragraph: a body paragraph, or a block of at least
/// `STORY_PARAGRAPH_CHARS` characters with a sentence, that is no teaser.
fn story_paragraph(b: &Analyzed) -> bool {
    (b.prose || b.punctuated && b.chars >= STORY_PARAGRAPH_CHARS) && !teaser(b)
}

/// Runs of at least `min_items` teasers with a figure in their note, one
/// block after another. A run that is the page's whole body (fewer than
/// two paragraphs outside it, body paragraphs or blocks of at least
/// `STORY_PARAGRAPH_CHARS` characters with a sentence, that are no
/// teasers: a section's front page), or one with a story's paragraph right
/// under it, is not reported.
pub(super) fn teaser_runs(
    doc: &Document<'_>,
    view: &[usize],
    min_items: usize,
) -> Vec<(Range<usize>, String)> {
    let block = |k: usize| view.get(k).map(|&i| &doc.blocks[i]);
    // The blocks the teaser at view position `k` takes: one, or three of a
    // line each (four with a category under the date) where the text has
    // no blank lines.
    let teaser_at = |k: usize| -> Option<usize> {
        let b = block(k)?;
        if noted_teaser(b) {
            return Some(1);
        }
        // A title that a rule drops is chrome, not a story's ("Click here
        // to subscribe to our newsletter" over a paragraph and a date line).
        if b.lines != 1 || !b.open_end || doc.drop_rule_fires(view[k]) {
            return None;
        }
        let (summary, note) = (block(k + 1)?, block(k + 2)?);
        let one_line = summary.lines == 1 && note.lines == 1;
        let teaser =
            one_line && short_note(line(note, 0)) && ends_sentence(line(summary, 0)) && title(b, line(b, 0));
        // A blog's related posts add the post's category under its date
        // (`In "News"`).
        teaser.then(|| {
            let category = block(k + 3).is_some_and(|c| c.lines == 1 && category_note(line(c, 0)));
            if category { 4 } else { 3 }
        })
    };
    // A live page's posts, each a time over a title over a paragraph, read
    // as teasers whose notes are the next post's time, the headline and
    // its standfirst as the first: when every note is a post's time and a
    // title over a sentence follows the run (the last post, with no time
    // under it), the run is the posts.
    let post_time = |k: usize| block(k).is_some_and(super::posts::post_time);
    let last_post = |k: usize| {
        block(k).is_some_and(|b| b.lines == 1 && b.open_end && title(b, line(b, 0)))
            && block(k + 1).is_some_and(|s| ends_sentence(line(s, s.lines.saturating_sub(1))))
    };
    let mut runs = Vec::new();
    let mut k = 0;
    while k < view.len() {
        let (mut end, mut items, mut timed) = (k, 0, true);
        while let Some(n) = teaser_at(end) {
            timed &= n == 3 && post_time(end + 2);
            (end, items) = (end + n, items + 1);
        }
        // With a story's paragraph right under the run, its teasers were
        // the story's own headline, standfirst and date line, and a
        // sub-heading over a paragraph and a credit.
        if items >= min_items && !(timed && last_post(end)) && !block(end).is_some_and(story_paragraph) {
            runs.push((k..end, format!("{items} teasers: a title over its summary and a dated note")));
        }
        k = end.max(k + 1);
    }
    runs.retain(|(run, _)| {
        let outside = (0..view.len())
            .filter(|k| !run.contains(k))
            .filter(|&k| story_paragraph(&doc.blocks[view[k]]))
            .count();
        outside >= 2
    });
    runs
}
