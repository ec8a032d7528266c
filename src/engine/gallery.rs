//! The `slide-run` detector: a photo gallery embedded in a page, its slides
//! numbered "k/N" ("* 3/50 Natalie Massenet Leaves Net-a-Porter"), each
//! followed by its caption and photo credit.

use std::ops::Range;

use super::rules::Document;

/// Runs of view positions holding a gallery of at least `min_items` slides
/// counted out of the same total, with the caption and credit lines of the
/// last slide. A gallery that is the page's whole body (a slideshow article:
/// fewer than two body paragraphs outside it) is not reported.
pub(super) fn slide_runs(
    doc: &Document<'_>,
    view: &[usize],
    min_items: usize,
) -> Vec<(Range<usize>, String)> {
    // Each block's slide number, read once: the runs and their captions ask again.
    let slides: Vec<Option<(u32, u32)>> = view
        .iter()
        .map(|&i| {
            let b = &doc.blocks[i];
            if b.lines != 1 || b.chars > MAX_SLIDE_CHARS {
                return None;
            }
            slide_number(doc.lines(i).next()?)
        })
        .collect();
    let slide = |k: usize| slides[k];
    let mut runs = Vec::new();
    let mut k = 0;
    while k < view.len() {
        let Some((first, total)) = slide(k) else {
            k += 1;
            continue;
        };
        // Follow the slides of this gallery: same total, numbers rising, at
        // most a caption and a credit or two between them.
        let (start, mut last, mut seen, mut number) = (k, k, 1, first);
        let mut j = k + 1;
        while j < view.len() && j <= last + MAX_GAP {
            match slide(j) {
                Some((n, t)) if t == total && n > number => {
                    (last, seen, number) = (j, seen + 1, n);
                }
                Some(_) => break,
                None => {}
            }
            j += 1;
        }
        if seen >= min_items {
            // The longest caption between the slides, if they have captions.
            let caption = (start..last)
                .filter(|&c| slide(c).is_none() && !is_credit(doc, view, c))
                .map(|c| doc.blocks[view[c]].chars)
                .max();
            let end = caption_end(doc, view, last, caption);
            runs.push((start..end, format!("{seen} slides numbered out of {total}")));
        }
        k = last + 1;
    }
    runs.retain(|(run, _)| {
        let outside = (0..view.len()).filter(|k| !run.contains(k) && doc.blocks[view[*k]].prose).count();
        outside >= 2
    });
    runs
}

/// The longest slide title line, in non-space characters.
const MAX_SLIDE_CHARS: usize = 150;
/// The most blocks between two slides (caption, credit, an ad label).
const MAX_GAP: usize = 4;

/// "k/N" at the start of a line (after a bullet), with k ≤ N.
fn slide_number(line: &str) -> Option<(u32, u32)> {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '•' | '-' | '+'));
    let (k, rest) = t.split_once('/')?;
    let k: u32 = k.trim().parse().ok()?;
    let digits = rest.trim_start().bytes().take_while(u8::is_ascii_digit).count();
    let rest = rest.trim_start();
    let n: u32 = rest[..digits].parse().ok()?;
    let after = &rest[digits..];
    (k >= 1 && k <= n && (after.is_empty() || after.starts_with(char::is_whitespace))).then_some((k, n))
}

/// The end of the last slide: its caption (the next block, when the other
/// slides had captions and it is no longer than the longest of them, and
/// not a heading) and the short credit lines after it.
fn caption_end(doc: &Document<'_>, view: &[usize], last: usize, caption: Option<usize>) -> usize {
    let mut end = last + 1;
    let credit = |e: usize| is_credit(doc, view, e);
    while end < view.len() && credit(end) {
        end += 1;
    }
    if let Some(longest) = caption
        && end < view.len()
        && !doc.blocks[view[end]].heading_like
        && doc.blocks[view[end]].chars <= longest
    {
        end += 1;
        while end < view.len() && credit(end) {
            end += 1;
        }
    }
    end
}

/// A photo credit: a short line without sentence punctuation.
fn is_credit(doc: &Document<'_>, view: &[usize], k: usize) -> bool {
    let b = &doc.blocks[view[k]];
    b.chars <= CREDIT_CHARS && !b.punctuated
}

/// The longest photo credit line, in non-space characters.
const CREDIT_CHARS: usize = 30;

#[cfg(test)]
mod tests {
    use super::slide_number;

    #[test]
    fn slide_numbers() {
        assert_eq!(slide_number("* 3/50 Natalie Massenet Leaves"), Some((3, 50)));
        assert_eq!(slide_number("12 / 12 The last one"), Some((12, 12)));
        assert_eq!(slide_number("1/2 cup of flour"), Some((1, 2)));
        assert_eq!(slide_number("24/7 news"), None);
        assert_eq!(slide_number("2024/25 season"), None);
        assert_eq!(slide_number("3/50"), Some((3, 50)));
        assert_eq!(slide_number("and/or"), None);
    }
}
