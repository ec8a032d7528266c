//! Markdown's inline syntax, for the text a reader sees.
//!
//! Pages converted to Markdown (as readers and crawlers for retrieval
//! write them) carry their menus as `* [Home](https://…)`, their share bars
//! as `[Facebook](https://…) [X](https://…)`, their headings as `## Related`.
//! Rules and features are about what a reader sees: `Home`, `Facebook X`,
//! `Related`. [`visible`] gives the parts of a line that are seen, and the
//! analysis and the matching form are made of those; the output keeps the
//! Markdown as it was written.
//!
//! Seen: a link's text (`[text](url)`, `[text](url "title")`)
//! and an autolink's address (`<https://…>`). Not seen: an image
//! (`![alt](src)`, also inside a link), the heading marker at a line's start
//! (`#` to `######` and a space), a heading's underline or a rule (`=====`,
//! `---`, `***`), block-quote markers (`> `), and strong emphasis (`**`,
//! `__`). Anything else, single `*` and `_` included (list
//! bullets, footnote marks, names with underscores), is left as it is.

use std::ops::Range;

/// The byte ranges of `line` a reader sees, in order, when the line holds
/// Markdown's syntax; `None` when it holds none (most lines of most text),
/// so that the line is read as it is.
pub fn visible(line: &str) -> Option<Vec<Range<usize>>> {
    let bytes = line.as_bytes();
    if underline(bytes) {
        return Some(Vec::new());
    }
    let start = block_markers(bytes);
    let inline = has_inline(&bytes[start..]);
    if start == 0 && !inline {
        return None;
    }
    let mut pieces = Vec::new();
    inline_pieces(line, start..line.len(), &mut pieces);
    // A line whose syntax turned out to be none reads as it is.
    if pieces.len() == 1 && pieces[0] == (0..line.len()) {
        return None;
    }
    Some(pieces)
}

/// Whether `bytes` may hold a link (`](`) or strong emphasis (`**`, `__`):
/// one fast search, as most lines hold none. (An autolink is read in a line
/// that has one of these; alone, it reads as its address in brackets.)
pub(crate) fn has_inline(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(b']', b'*', b'_', bytes).any(|i| match bytes[i] {
        b']' => bytes.get(i + 1) == Some(&b'('),
        _ => strong_mark(bytes, i),
    })
}

/// Whether `bytes[at..at + 2]` is a strong-emphasis mark (`**`, `__`) at
/// the edge of a word, not inside one ("Choul__Gat", "f**k").
fn strong_mark(bytes: &[u8], at: usize) -> bool {
    let c = bytes[at];
    if bytes.get(at + 1) != Some(&c) {
        return false;
    }
    let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    !(word(at.checked_sub(1).and_then(|p| bytes.get(p))) && word(bytes.get(at + 2)))
}

/// Whether `line` is a Markdown heading (`# Title`) or a heading's
/// underline or a rule (`=====`, `---`): a line that starts with `#`, `=`,
/// `-`, `*` or `_` is looked at, others not.
pub(crate) fn block_syntax(line: &str) -> bool {
    let bytes = line.as_bytes();
    match bytes.iter().find(|&&b| b != b' ') {
        Some(b'#') => block_markers(bytes) > 0,
        Some(b'=' | b'-' | b'*' | b'_') => underline(bytes),
        _ => false,
    }
}

/// Whether `line` opens or closes a fenced code block: three backticks or
/// tildes or more at its start (after at most three spaces).
pub(crate) fn fence(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    line.len() - t.len() <= 3 && (t.starts_with("```") || t.starts_with("~~~"))
}

/// A heading's underline (`=====`, `-----`), or a rule between sections:
/// three or more of one of `=`, `-`, `*`, `_` and nothing else but spaces.
pub(crate) fn underline(bytes: &[u8]) -> bool {
    let mut marks = bytes.iter().copied().filter(|&b| b != b' ' && b != b'\t');
    let Some(mark @ (b'=' | b'-' | b'*' | b'_')) = marks.next() else {
        return false;
    };
    let mut n = 1;
    for b in marks {
        if b != mark {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// The text of `line` that a reader sees: its visible pieces joined.
pub fn visible_text(line: &str, pieces: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(line.len());
    for p in pieces {
        out.push_str(&line[p.clone()]);
    }
    out
}

/// Where the text starts after a heading marker (`## `) or block-quote
/// markers (`> > `) at the start of the line, after any indentation.
fn block_markers(bytes: &[u8]) -> usize {
    let indent = bytes.iter().take_while(|&&b| b == b' ').count();
    if indent > 3 {
        return 0;
    }
    let rest = &bytes[indent..];
    let hashes = rest.iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && rest.get(hashes).is_some_and(|&b| b == b' ' || b == b'\t') {
        return indent + hashes + 1;
    }
    let mut at = indent;
    while bytes.get(at) == Some(&b'>') {
        at += 1;
        if bytes.get(at) == Some(&b' ') {
            at += 1;
        }
    }
    at
}

/// Appends the visible pieces of `line[range]` to `pieces`, joining a piece
/// to the one before it when they touch.
fn inline_pieces(line: &str, range: Range<usize>, pieces: &mut Vec<Range<usize>>) {
    let bytes = line.as_bytes();
    let push = |pieces: &mut Vec<Range<usize>>, r: Range<usize>| {
        if r.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => pieces.push(r),
        }
    };
    let mut text_start = range.start;
    let mut i = range.start;
    while i < range.end {
        match bytes[i] {
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                if let Some(end) = link_end(bytes, i + 1, range.end) {
                    push(pieces, text_start..i);
                    i = end.whole;
                    text_start = i;
                    continue;
                }
            }
            b'[' => {
                if let Some(end) = link_end(bytes, i, range.end) {
                    push(pieces, text_start..i);
                    inline_pieces(line, i + 1..end.label, pieces);
                    i = end.whole;
                    text_start = i;
                    continue;
                }
            }
            b'<' => {
                if let Some(close) = autolink_end(bytes, i, range.end) {
                    push(pieces, text_start..i);
                    push(pieces, i + 1..close);
                    i = close + 1;
                    text_start = i;
                    continue;
                }
            }
            b'*' | b'_' if strong_mark(bytes, i) => {
                push(pieces, text_start..i);
                i += 2;
                text_start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push(pieces, text_start..range.end);
}

/// Where a link that opens with `[` at `open` ends.
struct LinkEnd {
    /// The byte of its closing `]`.
    label: usize,
    /// The byte after its destination's `)`.
    whole: usize,
}

/// The end of `[label](destination)` opening at `open`, within
/// `bytes[..limit]`; `None` when the bracket opens no link. (Reference links,
/// `[label][ref]`, are not read: footnote marks look the same, "[12][a]".)
fn link_end(bytes: &[u8], open: usize, limit: usize) -> Option<LinkEnd> {
    let label = matching(bytes, open, limit.min(open + MAX_LABEL), b'[', b']')?;
    if bytes.get(label + 1) != Some(&b'(') {
        return None;
    }
    let close = matching(bytes, label + 1, limit.min(label + 1 + MAX_DESTINATION), b'(', b')')?;
    // A destination starts right after the bracket ("url" or "url "title"").
    let dest = &bytes[label + 2..close];
    if dest.is_empty() || dest[0] == b' ' {
        return None;
    }
    Some(LinkEnd { label, whole: close + 1 })
}

/// The longest link text looked for, and the longest address, in bytes: a
/// bracket that opens no link is not followed to the end of a long line
/// (which made a line with many of them cost its length squared).
const MAX_LABEL: usize = 1000;
const MAX_DESTINATION: usize = 2000;

/// The index of the bracket that closes the one at `open`, counting nested pairs.
fn matching(bytes: &[u8], open: usize, limit: usize, opener: u8, closer: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().take(limit).skip(open) {
        if b == opener {
            depth += 1;
        } else if b == closer {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The index of the `>` closing an autolink (`<https://…>`, `<http://…>`,
/// `<mailto:…>`) that opens at `open`.
fn autolink_end(bytes: &[u8], open: usize, limit: usize) -> Option<usize> {
    let rest = &bytes[open + 1..limit];
    if !(rest.starts_with(b"http://") || rest.starts_with(b"https://") || rest.starts_with(b"mailto:")) {
        return None;
    }
    let close = rest.iter().position(|&b| b == b'>' || b == b' ' || b == b'<')?;
    (rest[close] == b'>').then_some(open + 1 + close)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(line: &str) -> String {
        match visible(line) {
            Some(pieces) => visible_text(line, &pieces),
            None => line.to_owned(),
        }
    }

    #[test]
    fn links_read_as_their_text() {
        assert_eq!(seen("* [Home](https://example.com/)"), "* Home");
        assert_eq!(seen("[Sign in](/login) [Subscribe](/subscribe)"), "Sign in Subscribe");
        assert_eq!(seen("Share: [Facebook](https://f.com/s?u=a(b)) [X](https://x.com)"), "Share: Facebook X");
        assert_eq!(seen("[Privacy](/p \"Our policy\") | [Terms](/t)"), "Privacy | Terms");
        assert_eq!(
            seen("[Desk](/desk): <mailto:desk@example.com> or <https://example.com>"),
            "Desk: mailto:desk@example.com or https://example.com"
        );
        assert_eq!(seen("Mail <https://example.com>"), "Mail <https://example.com>");
    }

    #[test]
    fn images_headings_quotes_and_strong_emphasis_are_not_seen() {
        assert_eq!(seen("![A technician inspects a wafer](https://example.com/w.jpg)"), "");
        assert_eq!(seen("[![logo](/logo.png)](/)"), "");
        assert_eq!(seen("[![logo](/logo.png) Example News](/)"), " Example News");
        assert_eq!(seen("## Related"), "Related");
        assert_eq!(
            seen("> > \"Not since the smartphone era,\" he said."),
            "\"Not since the smartphone era,\" he said."
        );
        assert_eq!(seen("**Read more:** [Why prices fall](/p)"), "Read more: Why prices fall");
        assert_eq!(seen("__Note__ this"), "Note this");
        assert_eq!(seen("Kudos: Choul__Gat, f**k_buddy"), "Kudos: Choul__Gat, f**k_buddy");
        assert_eq!(seen("================"), "");
        assert_eq!(seen("- - -"), "");
    }

    #[test]
    fn text_without_markdown_reads_as_it_is() {
        for line in [
            "The council approved the budget on Tuesday.",
            "* Home",
            "Wikipedia [ edit ]",
            "[1] Smith, J. (2004). A study.",
            "Her second novel.[12][a]",
            "a < b and c > d",
            "5 * 3 = 15, snake_case_name",
            "#hashtag #another",
            "####### seven hashes",
            "    # indented code",
            "[unclosed (link",
            "[text] (spaced)",
            "[text]( spaced)",
        ] {
            assert_eq!(seen(line), line, "{line}");
        }
        assert!(visible("The council approved the budget on Tuesday.").is_none());
    }

    const PALETTE: [&str; 20] = [
        "[", "]", "(", ")", "!", "<", ">", "*", "_", "#", " ", "https:", "a", "Home", "é", "中", "\"", "> ",
        "## ", "**",
    ];

    proptest::proptest! {
        #[test]
        fn pieces_are_ordered_slices_of_the_line(parts in proptest::collection::vec(0..PALETTE.len(), 0..30)) {
            let line: String = parts.iter().map(|&p| PALETTE[p]).collect();
            if let Some(pieces) = visible(&line) {
                let mut end = 0;
                for p in &pieces {
                    assert!(p.start >= end && p.start < p.end && p.end <= line.len(), "{line:?} {pieces:?}");
                    assert!(line.is_char_boundary(p.start) && line.is_char_boundary(p.end));
                    end = p.end;
                }
                let mut n = crate::normalize::Normalized::with_map();
                n.push_pieces(&line, &pieces, 10, '\n');
                let whole = n.original_range(0..n.as_str().len());
                assert!(whole.start >= 10 && whole.end <= 10 + line.len(), "{line:?}");
            }
        }
    }
}
