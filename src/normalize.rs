//! The matching form: the copy of a text that rules are matched against.
//!
//! NFKC (full-width punctuation becomes half-width, ligatures split), lower
//! case, Traditional Chinese folded to Simplified by fast2s's character table,
//! and white space collapsed: each run becomes one space, and lines are
//! trimmed. Rule phrases go through the same function at load time, so one
//! phrase list serves both Chinese scripts and both punctuation widths.
//!
//! The matching form keeps a byte map back to the original text, so a span
//! matched in it can be cut from the original (`strip-span`).
//!
//! Fast paths: ASCII lines skip NFKC and the Chinese fold; lines that pass
//! NFKC's quick check skip NFKC. NFKC is applied per combining sequence (a
//! starter and the marks after it), which equals whole-string NFKC except for
//! conjoining Hangul jamo, which scraped text does not use.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::segment::is_space;

/// A matching form, with a byte map back to the original when asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// For every byte of `text`, and one past its end, the byte offset in the
    /// original text where the character that produced it starts. Kept only
    /// when asked for: it is eight bytes per byte of text, and only cutting a
    /// span needs it.
    map: ByteMap,
}

/// The byte map, or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ByteMap(Option<Vec<usize>>);

impl ByteMap {
    fn push(&mut self, at: usize, bytes: usize) {
        if let Some(m) = &mut self.0 {
            m.extend(std::iter::repeat_n(at, bytes));
        }
    }
    fn pop(&mut self) -> Option<usize> {
        self.0.as_mut().and_then(Vec::pop)
    }
    fn get(&self, i: usize) -> Option<usize> {
        let m = self.0.as_ref()?;
        m.get(i).or(m.last()).copied()
    }
}

impl Normalized {
    /// The matching form.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range that produced `range` of the matching form.
    ///
    /// `range` must lie on character boundaries of the matching form, as
    /// regex and Aho-Corasick matches do. Without a byte map (see
    /// [`Normalized::with_map`]) the range is empty at 0.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let at = |i: usize| self.map.get(i).unwrap_or(0);
        at(range.start)..at(range.end)
    }

    /// Appends the matching form of `line`, which starts at byte `base` of
    /// the original, separated from what is already there by `sep`.
    pub fn push_line(&mut self, line: &str, base: usize, sep: char) {
        // The end sentinel is re-added below; a separator maps to the end of
        // the line before it, so a match ending there cuts no line break.
        let previous_end = self.map.pop();
        if !self.text.is_empty() {
            push_mapped(&mut self.text, &mut self.map, sep, previous_end.unwrap_or(base));
        }
        let start = self.text.len();
        if line.is_ascii() {
            push_ascii(&mut self.text, &mut self.map, line, base);
        } else if push_unicode(&mut self.text, &mut self.map, line, base) {
            fold_chinese(&mut self.text, &mut self.map, start);
        }
        self.map.push(base + line.len(), 1);
    }

    /// Appends the matching form of the pieces of `line` a reader sees
    /// (`pieces`, byte ranges of `line`, see [`crate::markup::visible`]) as
    /// one line, which starts at byte `base` of the original.
    pub fn push_pieces(&mut self, line: &str, pieces: &[std::ops::Range<usize>], base: usize, sep: char) {
        let seen = crate::markup::visible_text(line, pieces);
        if self.map.0.is_none() {
            self.push_line(&seen, base, sep);
            return;
        }
        // Formed as a line of its own at 0, then mapped piece by piece back
        // to `line`. `push_line` replaces the end sentinel with the separator
        // (which maps into the line before), so this line's bytes start
        // there, or one after when a separator was written.
        let first =
            self.map.0.as_ref().map_or(0, Vec::len).saturating_sub(1) + usize::from(!self.text.is_empty());
        self.push_line(&seen, 0, sep);
        let starts: Vec<usize> = pieces
            .iter()
            .scan(0, |at, p| {
                let start = *at;
                *at += p.len();
                Some(start)
            })
            .collect();
        // The line's first and last visible bytes stand for its start and
        // end, so that a span cut from either takes the syntax around it
        // ("[" and "](url)") with it.
        let to_line = |at: usize| {
            if at == 0 {
                return 0;
            }
            if at >= seen.len() {
                return line.len();
            }
            let k = starts.partition_point(|&s| s <= at).saturating_sub(1);
            pieces.get(k).map_or(line.len(), |p| (p.start + (at - starts[k])).min(p.end))
        };
        if let Some(map) = &mut self.map.0 {
            for m in map.iter_mut().skip(first) {
                *m = base + to_line(*m);
            }
        }
    }

    /// Makes room for `bytes` more bytes of text (the length of the lines
    /// to come: the matching form is rarely longer).
    pub fn reserve(&mut self, bytes: usize) {
        self.text.reserve(bytes);
        if let Some(m) = &mut self.map.0 {
            m.reserve(bytes + 1);
        }
    }

    /// An empty matching form that keeps a byte map, for [`Normalized::original_range`].
    pub fn with_map() -> Normalized {
        Normalized { text: String::new(), map: ByteMap(Some(Vec::new())) }
    }

    /// The matching form of one line, starting at byte 0, with a byte map.
    pub fn of_line(line: &str) -> Normalized {
        let mut n = Normalized::with_map();
        n.push_line(line, 0, ' ');
        n
    }
}

/// The matching form of `text`, without a byte map (for rule phrases).
pub fn normalize(text: &str) -> String {
    let mut n = Normalized::default();
    for line in text.split('\n') {
        n.push_line(line, 0, '\n');
    }
    n.text.trim_end_matches('\n').to_owned()
}

fn push_mapped(text: &mut String, map: &mut ByteMap, c: char, at: usize) {
    text.push(c);
    map.push(at, c.len_utf8());
}

fn push_ascii(text: &mut String, map: &mut ByteMap, line: &str, base: usize) {
    if map.0.is_none() {
        // Without a map, whole words are copied.
        push_ascii_words(text, text.len(), &mut false, line);
        return;
    }
    let start = text.len();
    let mut pending_space: Option<usize> = None;
    for (i, b) in line.bytes().enumerate() {
        if b.is_ascii_whitespace() || b == 0x0B {
            pending_space.get_or_insert(i);
            continue;
        }
        if let Some(at) = pending_space.take()
            && text.len() > start
        {
            push_mapped(text, map, ' ', base + at);
        }
        push_mapped(text, map, char::from(b.to_ascii_lowercase()), base + i);
    }
}

/// Appends the matching form of `line`, which is not all ASCII, but for
/// the Chinese fold; returns whether the fold may have anything to do (the
/// line may hold a CJK ideograph).
fn push_unicode(text: &mut String, map: &mut ByteMap, line: &str, base: usize) -> bool {
    if map.0.is_none()
        && let Some(ideographs) = push_quick_words(text, line)
    {
        return ideographs;
    }
    let start = text.len();
    let mut pending_space: Option<usize> = None;
    let mut emit = |text: &mut String, map: &mut ByteMap, c: char, at: usize| {
        if is_space(c) {
            pending_space.get_or_insert(at);
            return;
        }
        if let Some(space_at) = pending_space.take()
            && text.len() > start
        {
            push_mapped(text, map, ' ', base + space_at);
        }
        if c.is_ascii() {
            push_mapped(text, map, c.to_ascii_lowercase(), base + at);
            return;
        }
        for lower in lower_case(c) {
            push_mapped(text, map, lower, base + at);
        }
    };
    if is_nfkc_quick(line.chars()) == IsNormalized::Yes {
        for (i, c) in line.char_indices() {
            emit(text, map, c, i);
        }
        return true;
    }
    // NFKC per combining sequence, so every output character maps to the
    // sequence that produced it.
    let mut seq_start = 0;
    let mut iter = line.char_indices().peekable();
    while iter.next().is_some() {
        while iter.peek().is_some_and(|&(_, next)| canonical_combining_class(next) != 0) {
            iter.next();
        }
        let seq_end = iter.peek().map_or(line.len(), |&(j, _)| j);
        let seq = &line[seq_start..seq_end];
        let mut chars = seq.chars();
        match (chars.next(), chars.next()) {
            // Most sequences are one character NFKC leaves alone.
            (Some(c), None) if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes => {
                emit(text, map, c, seq_start)
            }
            _ => seq.nfkc().for_each(|c| emit(text, map, c, seq_start)),
        }
        seq_start = seq_end;
    }
    true
}

/// `c` in lower case, as rules match it: Turkish capital `İ` is `i`, not
/// `i` with a combining dot above (what `char::to_lowercase` makes of it),
/// so that "İlgili Haberler" matches the phrase "ilgili haberler".
fn lower_case(c: char) -> impl Iterator<Item = char> {
    if c == '\u{130}' { 'i' } else { c }.to_lowercase()
}

/// Appends `line` lower-cased with its white space collapsed, without a
/// byte map, when NFKC's quick check says it is in NFKC (it then needs no
/// normalising); otherwise appends nothing and returns `None`. Returns
/// whether the line holds a CJK ideograph, which the Chinese fold may
/// change.
///
/// One pass: runs of ASCII (always in NFKC, and starters) are found eight
/// bytes at a time and copied whole; each other character is checked as
/// `is_nfkc_quick` checks it (its own quick-check property, and combining
/// classes in order since the last starter), lower-cased and looked at for
/// the fold; a starter that fails the check and has no marks after it is
/// replaced by its NFKC. English text with curly quotes, dashes, no-break
/// spaces and ellipses takes this path.
fn push_quick_words(text: &mut String, line: &str) -> Option<bool> {
    let start = text.len();
    let mut pending_space = false;
    let mut ideographs = false;
    let mut last_class = 0u8;
    let mut rest = line;
    while !rest.is_empty() {
        let ascii = crate::bytes8::leading_ascii(rest.as_bytes());
        if ascii > 0 {
            push_ascii_words(text, start, &mut pending_space, &rest[..ascii]);
            last_class = 0;
            rest = &rest[ascii..];
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        // The commonest characters outside ASCII (curly quotes, dashes,
        // accented Latin letters) from a table: starters NFKC leaves alone,
        // with a lower case of one character.
        if let Some(lower) = common_char(c) {
            last_class = 0;
            if is_space(c) {
                pending_space = true;
            } else {
                if std::mem::take(&mut pending_space) && text.len() > start {
                    text.push(' ');
                }
                text.push(lower);
            }
            continue;
        }
        let class = canonical_combining_class(c);
        if last_class > class && class != 0 {
            text.truncate(start);
            return None;
        }
        last_class = class;
        let mut push = |c: char| {
            ideographs |= is_ideograph(c);
            if is_space(c) {
                pending_space = true;
                return;
            }
            if std::mem::take(&mut pending_space) && text.len() > start {
                text.push(' ');
            }
            text.extend(lower_case(c));
        };
        match is_nfkc_quick(std::iter::once(c)) {
            IsNormalized::Yes => push(c),
            // A starter that NFKC changes (a no-break space, "…", a
            // full-width letter) and that no mark follows is a combining
            // sequence of its own: its NFKC, as the mapped path makes it.
            IsNormalized::No
                if class == 0 && rest.chars().next().is_none_or(|n| canonical_combining_class(n) == 0) =>
            {
                std::iter::once(c).nfkc().for_each(push);
            }
            _ => {
                text.truncate(start);
                return None;
            }
        }
    }
    Some(ideographs)
}

/// For a character of Latin-1, Latin Extended-A and -B or General
/// Punctuation that is a starter NFKC leaves alone and whose lower case
/// (as [`lower_case`] makes it) is one character: that character. What
/// `push_quick_words` does with such a character without asking the
/// Unicode tables (three searches a character: its combining class, its
/// quick-check property and its lower case); `None` for any other.
fn common_char(c: char) -> Option<char> {
    let at = match c as u32 {
        n @ COMMON_LATIN_FROM..=COMMON_LATIN_TO => n - COMMON_LATIN_FROM,
        n @ COMMON_PUNCTUATION_FROM..=COMMON_PUNCTUATION_TO => {
            n - COMMON_PUNCTUATION_FROM + (COMMON_LATIN_TO - COMMON_LATIN_FROM + 1)
        }
        _ => return None,
    };
    let lower = COMMON_CHARS[at as usize];
    (lower != '\0').then_some(lower)
}

const COMMON_LATIN_FROM: u32 = 0x80;
const COMMON_LATIN_TO: u32 = 0x24F;
const COMMON_PUNCTUATION_FROM: u32 = 0x2000;
const COMMON_PUNCTUATION_TO: u32 = 0x206F;

/// [`common_char`]'s answers, `'\0'` for none, built from the Unicode
/// tables on first use.
static COMMON_CHARS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    (COMMON_LATIN_FROM..=COMMON_LATIN_TO)
        .chain(COMMON_PUNCTUATION_FROM..=COMMON_PUNCTUATION_TO)
        .map(|n| {
            let Some(c) = char::from_u32(n) else { return '\0' };
            let mut lower = lower_case(c);
            match (lower.next(), lower.next()) {
                (Some(l), None)
                    if canonical_combining_class(c) == 0
                        && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
                        && !is_ideograph(c) =>
                {
                    l
                }
                _ => '\0',
            }
        })
        .collect()
});

/// The CJK ideographs fast2s's table holds (its keys lie in U+4E00..U+9FFF)
/// and those beside them.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether the ASCII `bytes` hold no white space but single spaces, read
/// eight bytes at a time: no tab, line break, vertical tab, form feed or
/// carriage return (0x09 to 0x0D), and no space after a space.
fn single_spaced(bytes: &[u8]) -> bool {
    let mut after_space = false;
    let mut i = 0;
    while let Some(x) = crate::bytes8::load(bytes, i) {
        let spaces = crate::bytes8::within(x, b' ', b' ');
        if crate::bytes8::within(x, 0x09, 0x0D) != 0
            || spaces & ((spaces << 8) | (u64::from(after_space) << 7)) != 0
        {
            return false;
        }
        after_space = spaces >> 63 != 0;
        i += 8;
    }
    bytes[i..].iter().all(|&b| {
        let ok = !((0x09..=0x0D).contains(&b) || (b == b' ' && after_space));
        after_space = b == b' ';
        ok
    })
}

/// Appends the words of the ASCII `run`, lower-cased, one space between
/// them (and before the first, if white space is `pending` and the line's
/// text, which starts at `start`, is not empty). White space at the run's
/// end stays pending.
fn push_ascii_words(text: &mut String, start: usize, pending: &mut bool, run: &str) {
    let space = |b: u8| b.is_ascii_whitespace() || b == 0x0B;
    let from = text.len();
    let is_space = |c: char| c.is_ascii() && space(c as u8);
    let after_lead = run.trim_start_matches(is_space);
    let inner = after_lead.trim_end_matches(is_space);
    if inner.is_empty() {
        *pending |= !run.is_empty();
        return;
    }
    *pending |= after_lead.len() < run.len();
    if std::mem::take(pending) && text.len() > start {
        text.push(' ');
    }
    // Most runs already hold single spaces between words: copied whole.
    if single_spaced(inner.as_bytes()) {
        text.push_str(inner);
    } else {
        let bytes = inner.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if space(bytes[i]) {
                *pending = true;
                i += 1;
                continue;
            }
            let word = i;
            while i < bytes.len() && !space(bytes[i]) {
                i += 1;
            }
            if std::mem::take(pending) {
                text.push(' ');
            }
            text.push_str(&inner[word..i]);
        }
    }
    // White space at the run's end stays pending.
    *pending = inner.len() < after_lead.len();
    // Only ASCII was appended: one pass lowers it all.
    text[from..].make_ascii_lowercase();
}

/// Folds Traditional Chinese characters from `start` on to Simplified.
fn fold_chinese(text: &mut String, map: &mut ByteMap, start: usize) {
    let tail = &text[start..];
    // fast2s changes only CJK ideographs (its table's keys lie in
    // U+4E00..U+9FFF); skip lines without any, such as English text with
    // curly quotes and dashes.
    if !tail.chars().any(is_ideograph) {
        return;
    }
    let folded = fast2s::convert(tail);
    if folded == tail {
        return;
    }
    if folded.len() != tail.len()
        && let Some(map) = &mut map.0
    {
        // Rebuild the map character by character: fast2s maps one character to one.
        let old: Vec<usize> = tail.char_indices().map(|(i, _)| map[start + i]).collect();
        map.truncate(start);
        for (c, at) in folded.chars().zip(old.iter().copied().chain(std::iter::repeat(0))) {
            map.extend(std::iter::repeat_n(at, c.len_utf8()));
        }
    }
    text.truncate(start);
    text.push_str(&folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spacing_is_told_eight_bytes_at_a_time_as_one_at_a_time() {
        let scalar = |t: &str| !t.contains("  ") && !t.bytes().any(|b| (0x09..=0x0D).contains(&b));
        for t in [
            "",
            "one",
            "one two three four five",
            "one two  three",
            "one two\tthree four five six",
            "exactly8 bytes12",
            "exactly8  ytes12",
            "1234567 12345678",
            "1234567  2345678",
            "abcdefghijklmno\n",
            "abcdefghijklmno \r",
            " leading and trailing ",
        ] {
            assert_eq!(single_spaced(t.as_bytes()), scalar(t), "{t:?}");
        }
    }

    #[test]
    fn folds_case_width_space_and_script() {
        assert_eq!(normalize("  Hello   World  "), "hello world");
        assert_eq!(
            normalize("免責聲明：投資有風險，本文並非投資建議"),
            "免责声明:投资有风险,本文并非投资建议"
        );
        assert_eq!(normalize("免责声明:投资有风险,本文并非投资建议"), "免责声明:投资有风险,本文并非投资建议");
        assert_eq!(normalize("ＡＢＣ\u{a0}\u{3000}ｄｅｆ"), "abc def");
        assert_eq!(normalize("Ünïcode\u{200b} Text"), "ünïcode text");
        assert_eq!(normalize("one\n  Two "), "one\ntwo");
    }

    #[test]
    fn composed_and_decomposed_forms_agree() {
        assert_eq!(normalize("Cafe\u{301}"), normalize("Café"));
    }

    #[test]
    fn map_points_back_to_the_original() {
        let original = "(Bloomberg)  --  Shares ROSE";
        let n = Normalized::of_line(original);
        assert_eq!(n.as_str(), "(bloomberg) -- shares rose");
        let end = n.as_str().find("shares").unwrap_or(0);
        let r = n.original_range(0..end);
        assert_eq!(&original[r.clone()], "(Bloomberg)  --  ");
        assert_eq!(&original[r.end..], "Shares ROSE");
    }

    #[test]
    fn map_survives_nfkc_and_folding() {
        let original = "前言　（彭博）——　股價";
        let n = Normalized::of_line(original);
        assert_eq!(n.as_str(), "前言 (彭博)—— 股价");
        let start = n.as_str().find('(').unwrap_or(0);
        let end = n.as_str().find('股').unwrap_or(0);
        assert_eq!(&original[n.original_range(start..end)], "（彭博）——　");
        assert_eq!(&original[n.original_range(end..n.as_str().len())], "股價");
    }

    #[test]
    fn markdown_maps_back_around_its_syntax() {
        let line = "[LONDON](/tags/london) (Reuters) - Oil rose. [Read more](/oil)";
        let pieces = crate::markup::visible(line).unwrap();
        let mut n = Normalized::with_map();
        n.push_line("Markets", 0, '\n');
        n.push_pieces(line, &pieces, 8, '\n');
        assert_eq!(n.as_str(), "markets\nlondon (reuters) - oil rose. read more");
        let form = n.as_str();
        let at = |s: &str| form.find(s).unwrap();
        // A cut from the line's start takes the link's bracket with it.
        let prefix = n.original_range(at("london")..at("oil"));
        assert_eq!(prefix, 8..8 + line.find("Oil").unwrap());
        // A cut to its end takes the link's address.
        assert_eq!(
            n.original_range(at("read more")..form.len()),
            8 + line.find("Read").unwrap()..8 + line.len()
        );
        assert_eq!(
            n.original_range(at("oil")..at("oil") + 3),
            8 + line.find("Oil").unwrap()..8 + line.find(" rose").unwrap()
        );
    }

    #[test]
    fn with_and_without_a_map_agree() {
        // The map-less fast paths (whole ASCII words, NFKC lines) must give
        // the same text as the mapped path.
        for line in [
            "  Plain ASCII\ttext,  with   runs\x0Bof\x0Cspace ",
            "It’s a “quoted” — dashed line’s end",
            "ÉCOLE  Ünïcode\u{a0}\u{3000}ｆｕｌｌ ｗｉｄｔｈ",
            "免責聲明：投資有風險 Mixed ASCII 和中文",
            "İstanbul ΣΟΦΙΑ Straße",
            "Cafe\u{301} zero\u{200b}width",
            "’",
            "",
        ] {
            let mapped = Normalized::of_line(line);
            let mut plain = Normalized::default();
            plain.push_line(line, 0, ' ');
            assert_eq!(plain.as_str(), mapped.as_str(), "{line:?}");
        }
    }

    #[test]
    fn every_common_character_takes_the_mapped_forms_path() {
        // Each character `common_char` answers for, alone, between words,
        // before a combining mark and beside spaces: the table's form is
        // the mapped path's.
        let chars = (COMMON_LATIN_FROM..=COMMON_LATIN_TO)
            .chain(COMMON_PUNCTUATION_FROM..=COMMON_PUNCTUATION_TO)
            .filter_map(char::from_u32);
        for c in chars {
            for line in [format!("{c}"), format!("Ab{c}Cd"), format!("x {c}\u{301} y"), format!("é {c}  É")]
            {
                let mapped = Normalized::of_line(&line);
                let mut plain = Normalized::default();
                plain.push_line(&line, 0, ' ');
                assert_eq!(plain.as_str(), mapped.as_str(), "{line:?}");
            }
        }
    }

    #[test]
    fn turkish_capital_dotted_i_folds_to_a_plain_i() {
        // What rules are written in: "ilgili haberler", not "i\u{307}lgili".
        assert_eq!(Normalized::of_line("İlgili Haberler").as_str(), "ilgili haberler");
        let mut plain = Normalized::default();
        plain.push_line("İLGİLİ HABERLER", 0, ' ');
        assert_eq!(plain.as_str(), "ilgili haberler");
    }

    #[test]
    fn lines_join_with_the_separator() {
        let mut n = Normalized::with_map();
        n.push_line("A", 0, '\n');
        n.push_line(" B ", 2, '\n');
        assert_eq!(n.as_str(), "a\nb");
        assert_eq!(n.original_range(2..3), 3..5, "the trailing space goes with the line");
        assert_eq!(n.original_range(0..1), 0..1, "a match ending at a line break cuts no break");
    }

    const PIECES: [&str; 26] = [
        "Word",
        " ",
        "  ",
        "\t",
        "’",
        "“",
        "É",
        "ß",
        "中",
        "國",
        "\u{00A0}",
        "e\u{0301}",
        "ｆｕｌｌ",
        ".",
        "…",
        "ﬁ",
        "①",
        "\u{0301}",
        "\u{2003}",
        "Ⅻ",
        "\u{1100}",
        "\u{1161}",
        "か",
        "\u{3099}",
        "\u{0345}",
        "\u{FB2A}",
    ];

    proptest::proptest! {
        /// The one-pass form of a line (no byte map) is the form the
        /// character-by-character path with a byte map makes.
        #[test]
        fn the_fast_matching_form_is_the_mapped_one(parts in proptest::collection::vec(0..PIECES.len(), 0..30)) {
            let line: String = parts.iter().map(|&p| PIECES[p]).collect();
            let mut fast = Normalized::default();
            fast.push_line(&line, 0, '\n');
            let mapped = Normalized::of_line(&line);
            proptest::prop_assert_eq!(fast.as_str(), mapped.as_str());
        }
    }
}
