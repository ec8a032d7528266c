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
//! (an RFC, a mail) has no paragraph line and is left as it is. A block of
//! ten lines or more without a paragraph line is split all the same when
//! its lines are not wrapped at one width and three of them are plain
//! sentences of 30 characters or more: short paragraphs (a Japanese
//! sentence of 40 characters, a wire story's one-sentence paragraphs) among
//! menus, when such blocks hold more of them than stand alone.
//!
//! Whether a block is split depends on the block and on the paragraphs
//! standing alone, not on how many blocks the document has: the clean
//! output, which has fewer, must split as the input did (cleaning is
//! idempotent). A rule that split any document without a blank line broke
//! that: a block kept whole in a page cleaned to a document of one block,
//! which the rule then split.

use super::{Block, Line, LineShape, Segmented, ends_sentence, non_space};

/// The fewest non-space characters of a line that is a paragraph of its
/// own, or else the fewest bytes (fifty Han or kana characters).
const PARAGRAPH_LINE_CHARS: usize = 100;
const PARAGRAPH_LINE_BYTES: usize = 150;
/// The fewest lines of a block that is split when it holds one paragraph
/// line only.
const RUN_LINES: usize = 10;

/// Whether `lines` are wrapped at one width (a mail, an RFC): at least half
/// of them are within `WRAP_SHARE` of the wrap width, the characters of the
/// line longer than nine in ten (a longer line or two, a URL or a table's
/// row, set no width).
fn wrapped(text: &str, lines: &[Line]) -> bool {
    let mut widths: Vec<usize> = lines.iter().map(|l| non_space(&text[l.span.clone()]).count()).collect();
    widths.sort_unstable();
    let Some(&width) = widths.get(widths.len() * 9 / 10) else { return false };
    let near = widths.iter().filter(|&&w| w as f32 >= width as f32 * WRAP_SHARE).count();
    2 * near >= widths.len()
}

/// Whether line `l` is a short paragraph: a plain line (or, with `steps`, a
/// numbered step: "1. Bata os ovos e o açúcar por dois minutos.", but no
/// bulleted item) of `SHORT_PARAGRAPH_CHARS` non-space characters or more,
/// ending a sentence (a closing quote or bracket after the full stop
/// aside).
fn short_paragraph(text: &str, l: &Line, steps: bool) -> bool {
    let shape_fits = match l.shape {
        LineShape::Plain => true,
        LineShape::Numbered { has_content, .. } => steps && has_content,
        LineShape::Bullet => false,
    };
    if !shape_fits {
        return false;
    }
    let line = &text[l.span.clone()];
    ends_sentence(line) && non_space(line).nth(SHORT_PARAGRAPH_CHARS - 1).is_some()
}

/// The fewest short paragraphs in a block without a paragraph line that is
/// split, and the fewest characters of one.
const SHORT_PARAGRAPHS: usize = 3;
const SHORT_PARAGRAPH_CHARS: usize = 30;

/// How near the wrap width a wrapped line's width is.
const WRAP_SHARE: f32 = 0.75;

/// Splits a block into its lines when it holds two paragraph lines or more
/// (or one among `RUN_LINES` lines), if such blocks hold more paragraph
/// lines than there are paragraphs standing alone. A list's consecutive
/// bulleted items stay together, as they do in text with blank lines, and
/// so do a code fence's lines and a heading with its underline.
pub(super) fn split_single_breaks(text: &str, out: &mut Segmented) {
    let is_paragraph = |l: &Line| {
        let line = &text[l.span.clone()];
        l.shape == LineShape::Plain
            && (line.len() >= PARAGRAPH_LINE_BYTES
                || (line.len() >= PARAGRAPH_LINE_CHARS
                    && non_space(line).nth(PARAGRAPH_LINE_CHARS - 1).is_some()))
    };
    // Per block, its paragraph lines (none counted in a block of one line,
    // which has nothing to split; most blocks are one line).
    let paragraphs: Vec<usize> = out
        .blocks
        .iter()
        .map(|b| {
            if b.lines.len() == 1 {
                0
            } else {
                out.lines[b.lines.clone()].iter().filter(|l| is_paragraph(l)).count()
            }
        })
        .collect();
    // Per block, its paragraph lines when it is to be split.
    let split: Vec<Option<usize>> = out
        .blocks
        .iter()
        .zip(&paragraphs)
        .map(|(b, &n)| {
            let split = match n {
                0 => false,
                1 => b.lines.len() >= RUN_LINES,
                _ => true,
            };
            split.then_some(n)
        })
        .collect();
    let one_line =
        |b: &Block, such: &dyn Fn(&Line) -> bool| b.lines.len() == 1 && such(&out.lines[b.lines.start]);
    let together: usize = split.iter().flatten().sum();
    let alone = out.blocks.iter().filter(|b| one_line(b, &is_paragraph)).count();
    let mut split = if together > alone { split } else { vec![None; split.len()] };
    // A block of `RUN_LINES` lines or more, none of them a paragraph line,
    // not wrapped at one width, with `SHORT_PARAGRAPHS` lines or more that
    // are sentences of `SHORT_PARAGRAPH_CHARS` characters: short paragraphs (in Chinese or
    // Japanese a sentence of 40 characters is one, a wire story's are one
    // sentence each) among a page's menus, with no blank line between them.
    // Such blocks are split the same way, when they hold more such lines
    // than stand alone; a player's controls or a menu stay one block.
    let short: Vec<Option<usize>> = out
        .blocks
        .iter()
        .zip(&paragraphs)
        .map(|(b, &n)| {
            let lines = &out.lines[b.lines.clone()];
            if lines.len() < RUN_LINES || n > 0 {
                return None;
            }
            // A recipe's numbered steps among a page's lines are its short
            // paragraphs; a block that is mostly a list (a wiki's numbered
            // references) is one unit.
            let steps = 2 * lines.iter().filter(|l| l.shape != LineShape::Plain).count() < lines.len();
            let n = lines.iter().filter(|l| short_paragraph(text, l, steps)).count();
            (n >= SHORT_PARAGRAPHS && !wrapped(text, lines)).then_some(n)
        })
        .collect();
    let short_together: usize = short.iter().flatten().sum();
    if short_together > 0
        && short_together
            > out.blocks.iter().filter(|b| one_line(b, &|l: &Line| short_paragraph(text, l, false))).count()
    {
        for (s, short) in split.iter_mut().zip(short) {
            *s = s.or(short);
        }
    }
    if split.iter().all(Option::is_none) {
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
