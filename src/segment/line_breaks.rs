//! Text whose paragraphs are separated by a single line break: a crawl's
//! plain text, a page's `innerText`. Without a blank line anywhere, a whole
//! page would be one block, so such blocks are split into their lines.
//!
//! A *paragraph line* is a plain line (no list marker) of at least
//! `PARAGRAPH_LINE_CHARS` non-space characters or `PARAGRAPH_LINE_BYTES`
//! bytes. Where blank lines separate the paragraphs, a block of several long
//! lines is a unit (a list of teasers, a comment) and stays one: blocks are
//! split only when those to split hold more paragraph lines than the
//! document has paragraphs standing alone. Text wrapped at a fixed width
//! (an RFC, a mail) is left as it is.

use super::{Block, Line, LineShape, Segmented, is_space};

/// The fewest non-space characters of a line that is a paragraph of its
/// own, or else the fewest bytes (fifty Han or kana characters).
const PARAGRAPH_LINE_CHARS: usize = 100;
const PARAGRAPH_LINE_BYTES: usize = 150;
/// The fewest lines of a block that is split when it holds one paragraph
/// line only.
const RUN_LINES: usize = 10;

/// Splits a block into its lines when it holds two paragraph lines or more
/// (or one among `RUN_LINES` lines), if such blocks hold more paragraph
/// lines than there are paragraphs standing alone; and a document without a
/// blank line when it holds a paragraph line, or `RUN_LINES` lines that are
/// not [`wrapped`]. A list's consecutive bulleted items stay together, as
/// they do in text with blank lines, and so do a code fence's lines and a
/// heading with its underline.
pub(super) fn split_single_breaks(text: &str, out: &mut Segmented) {
    let is_paragraph = |l: &Line| {
        let line = &text[l.span.clone()];
        l.shape == LineShape::Plain
            && (line.len() >= PARAGRAPH_LINE_BYTES
                || (line.len() >= PARAGRAPH_LINE_CHARS
                    && line.chars().filter(|&c| !is_space(c)).take(PARAGRAPH_LINE_CHARS).count()
                        >= PARAGRAPH_LINE_CHARS))
    };
    let whole = out.blocks.len() == 1;
    // Per block, its paragraph lines when it is to be split (a block of one
    // line has nothing to split, and most blocks are one line).
    let split: Vec<Option<usize>> = out
        .blocks
        .iter()
        .map(|b| {
            if b.lines.len() == 1 {
                return None;
            }
            let n = out.lines[b.lines.clone()].iter().filter(|l| is_paragraph(l)).count();
            let split = match n {
                0 if whole => b.lines.len() >= RUN_LINES && !wrapped(text, &out.lines),
                0 => false,
                1 if whole => true,
                1 => b.lines.len() >= RUN_LINES,
                _ => true,
            };
            split.then_some(n)
        })
        .collect();
    let together: usize = split.iter().flatten().sum();
    if split.iter().all(Option::is_none) {
        return;
    }
    let alone =
        out.blocks.iter().filter(|b| b.lines.len() == 1 && is_paragraph(&out.lines[b.lines.start])).count();
    if together <= alone && !whole {
        return;
    }
    let listed = |i: usize| out.lines[i].shape == LineShape::Bullet;
    let mut blocks = Vec::with_capacity(out.lines.len());
    for (b, split) in out.blocks.iter().zip(split) {
        if split.is_none() {
            blocks.push(b.clone());
            continue;
        }
        // Lines inside a Markdown code fence (``` … ```), the closing fence
        // with them, stay with the opening fence.
        let mut fenced = false;
        let inside: Vec<bool> = b
            .lines
            .clone()
            .map(|j| {
                let was = fenced;
                fenced ^= crate::markup::fence(&text[out.lines[j].span.clone()]);
                was
            })
            .collect();
        // Line `j` stays with the line before it: a list's next item, a
        // line inside a fence, a heading's underline (`=====`).
        let joined = |j: usize| {
            (listed(j - 1) && listed(j))
                || inside[j - b.lines.start]
                || crate::markup::underline(text[out.lines[j].span.clone()].as_bytes())
        };
        let mut first = b.lines.start;
        for i in b.lines.clone() {
            if i + 1 == b.lines.end || !joined(i + 1) {
                let span = out.lines[first].span.start..out.lines[i].span.end;
                blocks.push(Block { span, lines: first..i + 1 });
                first = i + 1;
            }
        }
    }
    out.blocks = blocks;
}

/// Whether `lines` are text wrapped at a fixed width (a plain-text RFC, a
/// mail), whose lines are not units: a quarter or more of the line breaks
/// fall inside a sentence, after a letter or a comma and before a
/// lower-case letter, or (Chinese and Japanese having no case) after a Han
/// or kana character or a comma, before another, on a line with punctuation
/// in it (a blog that leaves punctuation out ends every line so) as wide as
/// the widest but `WRAP_SLACK` characters. A page's lines, one per
/// paragraph, heading or label, rarely run on so.
fn wrapped(text: &str, lines: &[Line]) -> bool {
    let line = |l: &Line| text[l.span.clone()].trim_matches(is_space);
    let widest = lines.iter().map(|l| line(l).chars().count()).max().unwrap_or(0);
    let inside = lines
        .windows(2)
        .filter(|pair| {
            let (first, second) = (line(&pair[0]), line(&pair[1]));
            let (Some(before), Some(after)) = (first.chars().next_back(), second.chars().next()) else {
                return false;
            };
            let latin = (before.is_alphabetic() || before == ',') && after.is_lowercase();
            let cjk = (ideographic(before) || matches!(before, '、' | '，'))
                && ideographic(after)
                && first.contains(['、', '，', '。'])
                && first.chars().count() + WRAP_SLACK >= widest;
            latin || cjk
        })
        .count();
    inside * WRAPPED_SHARE >= lines.len().saturating_sub(1)
}

/// A Han, hiragana or katakana character.
fn ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// How much narrower than the widest line a line of wrapped Chinese or
/// Japanese may be.
const WRAP_SLACK: usize = 3;

/// One line break in this many inside a sentence makes text wrapped.
const WRAPPED_SHARE: usize = 4;
