//! Per-block analysis: matching form, scripts, language and cheap features.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use crate::lang::{LangDetector, LangGuess, LangMethod, PendingLang, Scripts};
use crate::normalize::Normalized;
use crate::segment::{Block, Line, LineShape, Segmented, is_space};

/// Non-space characters from which a block can be a body paragraph (Latin).
const PROSE_CHARS: usize = 150;
/// Han, kana or Hangul characters from which a block can be a body paragraph:
/// a sentence's worth, as blogs often write one sentence per paragraph (and
/// leave out the punctuation, see `CJK_SENTENCE`).
const PROSE_CJK: u32 = 30;
/// Han, kana or Hangul characters on one line that make a sentence even
/// without punctuation (blogs often leave it out; a label is far shorter).
const CJK_SENTENCE: u32 = 30;
/// Non-space characters per line, on average, of a body paragraph.
const PROSE_LINE_CHARS: usize = 30;
/// More space-separated tokens a line than this, in Han and kana: labels.
const SPACED_LABEL_TOKENS: usize = 2;
/// The most characters of a heading-like block.
const HEADING_CHARS: usize = 80;

/// Whether `text` (trimmed at its end) ends without sentence or clause
/// punctuation: a title's or a label's end.
pub fn ends_open(text: &str) -> bool {
    !text.ends_with(['.', '!', '?', '。', '！', '？', ',', ';', ':', '，', '；', '：'])
}

/// One block, analysed.
#[derive(Debug, Clone)]
pub struct Analyzed {
    /// The matching form of the block, lines joined by `\n`.
    pub form: Normalized,
    /// The range of each line in the matching form.
    pub line_ranges: Vec<Range<usize>>,
    /// Script counts.
    pub scripts: Scripts,
    /// The language, told by cheap evidence or asked of the detector on
    /// first use.
    pub lang: LazyLang,
    /// Non-space characters.
    pub chars: usize,
    /// Share of the non-space characters that are letters: prose is above
    /// 0.8, code, tables and formulas well below.
    pub letter_share: f32,
    /// Lines.
    pub lines: usize,
    /// A body paragraph: long, and made of sentences.
    pub prose: bool,
    /// One short line without sentence punctuation at its end.
    pub heading_like: bool,
    /// Does not end with sentence or clause punctuation (`.`, `!`, `?`, `,`,
    /// `;`, `:` and their CJK forms): a title or a label, if it is one line.
    pub open_end: bool,
    /// Words, counting Latin and other-script words and each CJK character as a third of one.
    pub words: usize,
    /// Ends with, or contains, sentence punctuation. A colon at the end
    /// counts: "The minister also said:" is a sentence introducing a quote,
    /// a list or a formula.
    pub punctuated: bool,
    /// Share of the words that start with a capital letter: Title Case
    /// headlines are well above a half, sentences well below.
    pub capital_share: f32,
    /// Ends with `!` or `?` on a line in Title Case or capitals: a
    /// headline's or a teaser's punctuation ("Why the Fed Blinked?", "TMZ
    /// LIVE!"), not a sentence's.
    pub headline_end: bool,
    /// Every line is a numbered item holding nothing but its number.
    pub bare_numbers: bool,
    /// A short title without sentence punctuation over at least two numbered
    /// items holding nothing but their numbers: a widget's heading above its
    /// empty list ("Most read\n1.\n2.\n3."), as a page without blank lines
    /// gives it.
    pub titled_numbers: bool,
    /// More than one line, and at least half of them list items: a list,
    /// not a paragraph, however long its items.
    pub listed: bool,
}

/// A block's language: known, or a question for the detector asked on the
/// first [`LazyLang::get`].
#[derive(Debug, Clone)]
pub struct LazyLang {
    known: OnceCell<LangGuess>,
    pending: Option<PendingLang>,
}

impl LazyLang {
    fn new(guess: Result<LangGuess, PendingLang>) -> LazyLang {
        match guess {
            Ok(g) => LazyLang { known: OnceCell::from(g), pending: None },
            Err(p) => LazyLang { known: OnceCell::new(), pending: Some(p) },
        }
    }

    /// The language, asking the detector if no one has yet.
    pub fn get(&self) -> LangGuess {
        *self.known.get_or_init(|| {
            self.pending.as_ref().map_or(
                LangGuess { tag: None, confidence: 0.0, method: LangMethod::Unknown },
                PendingLang::resolve,
            )
        })
    }

    /// The detector's first guess, however unsure: the sure language if
    /// there is one, else the guess below the detector's confidence floor
    /// (asked again; `None` for blocks the detector was not asked about).
    pub fn lean(&self) -> Option<&'static str> {
        let guess = self.get();
        guess.tag.or_else(|| self.pending.as_ref().and_then(PendingLang::lean))
    }

    /// The language if it is known without asking the detector now.
    pub fn if_known(&self) -> Option<LangGuess> {
        self.known.get().copied()
    }
}

impl Analyzed {
    /// Which of the block's words start with a capital as written (for the
    /// names in rules' matches).
    pub fn capitals(&self) -> crate::rules::names::Capitals<'_> {
        crate::rules::names::Capitals::new(
            self.scripts.capitals,
            self.scripts.tokens as usize,
            self.form.as_str(),
        )
    }

    /// Whether the block holds a sentence of at least `min_words` words: it
    /// has sentence punctuation, or it has several lines that average
    /// `min_words` words (a list of statements without full stops).
    pub fn has_sentence(&self, min_words: usize) -> bool {
        // Korean spaces its words, so its tokens count them already; the
        // Hangul characters' share of `words` counts them twice, and a list
        // of short Korean titles would pass for statements.
        let spaced_words = self.words.saturating_sub((self.scripts.hangul / 3) as usize);
        // Figures are no statement's words: a date line ("Publié le
        // 12/03/2025 à 17:40 - Mis à jour le 12/03/2025 à 18:02") over the
        // source's name is no pair of statements.
        let figures = || {
            self.form.as_str().split_whitespace().filter(|t| t.bytes().any(|b| b.is_ascii_digit())).count()
        };
        // Asked only of a block without sentence punctuation, the figures last.
        let statements = || {
            self.lines > 1
                && spaced_words >= min_words * self.lines
                && self.capital_share < 0.5
                && !self.spaced_labels()
                && spaced_words.saturating_sub(figures()) >= min_words * self.lines
        };
        self.words >= min_words && (self.punctuated || statements())
    }

    /// Mostly Han and kana, with more than two space-separated tokens a
    /// line: a row of menu labels ("トップ ニュース 経済 国際"), not Chinese
    /// or Japanese statements, which run on without spaces (and which have
    /// no case to tell them by).
    fn spaced_labels(&self) -> bool {
        let s = &self.scripts;
        (s.han + s.kana) as usize * 2 >= self.chars && s.tokens as usize > SPACED_LABEL_TOKENS * self.lines
    }

    /// Whether at least half the block's non-space characters are Han, kana
    /// or Hangul.
    pub fn mostly_cjk(&self) -> bool {
        self.scripts.cjk() as usize * 2 >= self.chars
    }
}

/// Analyses `block` of `text`.
pub fn analyze(text: &str, seg: &Segmented, block: &Block, detector: &LangDetector) -> Analyzed {
    analyze_lines(text, &shown(text, seg.markdown, seg.lines_of(block)), &block.span, detector)
}

/// Visible pieces of a line (see [`crate::markup::visible`]); `None` for a
/// line without Markdown's syntax.
type Pieces = Option<Vec<Range<usize>>>;

/// A block's lines as a reader sees them.
struct Shown<'l> {
    /// The lines read: all of them, but for lines of Markdown syntax only
    /// (an image, a heading's underline) beside lines of text, which the
    /// analysis and the rules pass over.
    lines: Cow<'l, [Line]>,
    /// For each of `lines`, its visible pieces; `None` when the block holds
    /// no Markdown, and is read as it is.
    pieces: Option<Vec<Pieces>>,
}

/// The lines of a block as a reader sees them. Markdown is looked for only
/// in a text that holds some (`markdown`, from [`Segmented::markdown`]),
/// and each line is read for it once.
fn shown<'l>(text: &str, markdown: bool, lines: &'l [Line]) -> Shown<'l> {
    let plain = |lines| Shown { lines, pieces: None };
    if !markdown {
        return plain(Cow::Borrowed(lines));
    }
    let pieces: Vec<Pieces> = lines.iter().map(|l| crate::markup::visible(&text[l.span.clone()])).collect();
    if pieces.iter().all(Option::is_none) {
        return plain(Cow::Borrowed(lines));
    }
    let hidden = |p: &Pieces| p.as_ref().is_some_and(Vec::is_empty);
    if !pieces.iter().any(hidden) || pieces.iter().all(hidden) {
        return Shown { lines: Cow::Borrowed(lines), pieces: Some(pieces) };
    }
    let (lines, pieces): (Vec<Line>, Vec<Pieces>) =
        lines.iter().cloned().zip(pieces).filter(|(_, p)| !hidden(p)).unzip();
    Shown { lines: Cow::Owned(lines), pieces: Some(pieces) }
}

/// The block as it will be written: lines right-trimmed of spaces, tabs and
/// `\r`, joined by `\n`. Features are computed on this text so that cleaning
/// the output sees the same block (whatlang, for one, is sensitive to `\r`).
/// Markdown is read as a reader sees it (a link's text, not its address).
fn as_emitted<'t>(text: &'t str, shown: &Shown<'_>, span: &Range<usize>) -> Cow<'t, str> {
    let raw = &text[span.clone()];
    let lines = &shown.lines;
    let trim = |l: &Line| text[l.span.clone()].trim_end_matches([' ', '\t', '\r']);
    if let Some(pieces) = &shown.pieces {
        let seen = |(l, p): (&Line, &Pieces)| {
            let t = trim(l);
            // The line's pieces, unless trimming changed what it holds.
            let p = if t.len() == l.span.len() { p.clone() } else { crate::markup::visible(t) };
            match p {
                Some(p) => crate::markup::visible_text(t, &p),
                None => t.to_owned(),
            }
        };
        return Cow::Owned(lines.iter().zip(pieces).map(seen).collect::<Vec<_>>().join("\n"));
    }
    let untouched = lines.iter().all(|l| trim(l).len() == l.span.len())
        && lines.windows(2).all(|w| w[1].span.start == w[0].span.end + 1);
    if untouched {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(lines.iter().map(trim).collect::<Vec<_>>().join("\n"))
}

/// Analyses a text as one block, as it would be analysed in a document of
/// its own: what remains of a block after a span was cut from it.
pub fn analyze_standalone(text: &str, detector: &LangDetector) -> Analyzed {
    let seg = crate::segment::segment(text);
    let span = seg.lines.first().map_or(0, |l| l.span.start)..seg.lines.last().map_or(0, |l| l.span.end);
    analyze_lines(text, &shown(text, seg.markdown, &seg.lines), &span, detector)
}

fn analyze_lines(text: &str, shown: &Shown<'_>, span: &Range<usize>, detector: &LangDetector) -> Analyzed {
    let raw = &*as_emitted(text, shown, span);
    let lines = &shown.lines[..];
    let (form, line_ranges) = matching_form(text, shown, false);
    let scripts = Scripts::count(raw);
    let lang = LazyLang::new(detector.guess_lazily(raw, &scripts));
    let chars = scripts.non_space as usize;
    let trimmed = without_footnote_marks(raw.trim_end_matches(is_space));
    let headline_end = headline_end(trimmed);
    // An empty pair of brackets ends a function's name ("… > readText()"),
    // not a sentence.
    let ends_sentence = !headline_end
        && !title_case_end(trimmed)
        && !trimmed.ends_with("()")
        && !dated_last_line(trimmed)
        && (trimmed.ends_with(SENTENCE_ENDS)
            // A quotation closed by a straight single quote, as British
            // papers print them ("… said: 'We are disappointed.'"); a bare
            // final quote may be a plural's apostrophe ("the players'").
            || trimmed.strip_suffix('\'').is_some_and(|t| t.ends_with(['.', '!', '?'])));
    let has_sentence = ends_sentence
        || inner_full_stop(raw)
        || scripts.cjk_stop
        || (scripts.cjk() >= CJK_SENTENCE && long_cjk_line(raw));
    let words = (scripts.tokens.max(scripts.latin_words) + scripts.cjk() / 3) as usize;
    // A list of short lines (a menu with a numbered breadcrumb) is not a
    // paragraph, however long.
    let long_lines = chars >= PROSE_LINE_CHARS * lines.len();
    // A block of only second- or third-level list items (`+`, `o`: a mega
    // menu's "+ Item: what it is.") is not where an article starts, however
    // long. First-level items can be (a post written as a bulleted list).
    let nested = lines.iter().all(|l| {
        l.shape == LineShape::Bullet
            && matches!(text[l.span.clone()].trim_start().chars().next(), Some('+' | 'o'))
    });
    let prose = (chars >= PROSE_CHARS || scripts.cjk() >= PROSE_CJK) && has_sentence && long_lines && !nested;
    let open_end = ends_open(trimmed);
    let heading_like = lines.len() == 1 && chars <= HEADING_CHARS && open_end;
    let bare = |l: &Line| matches!(l.shape, LineShape::Numbered { has_content: false, .. });
    let bare_numbers = lines.iter().all(bare);
    let titled_numbers =
        lines.len() > 2 && lines[0].shape == LineShape::Plain && lines[1..].iter().all(bare) && {
            let title = &text[lines[0].span.clone()];
            title.chars().count() <= HEADING_CHARS && ends_open(title.trim())
        };
    let items = lines.iter().filter(|l| l.shape != LineShape::Plain).count();
    let listed = lines.len() > 1 && items * 2 >= lines.len();
    Analyzed {
        form,
        line_ranges,
        scripts,
        lang,
        chars,
        letter_share: scripts.letter_share(),
        lines: lines.len(),
        prose,
        heading_like,
        open_end,
        words,
        punctuated: has_sentence,
        capital_share: scripts.capital_share(),
        headline_end,
        bare_numbers,
        titled_numbers,
        listed,
    }
}

/// The matching form of `block` with a byte map back to `text`, for cutting spans.
pub fn mapped_form(text: &str, seg: &Segmented, block: &Block) -> Normalized {
    matching_form(text, &shown(text, seg.markdown, seg.lines_of(block)), true).0
}

/// The matching form of some lines, joined by `\n`, and each line's range in it.
fn matching_form(text: &str, shown: &Shown<'_>, with_map: bool) -> (Normalized, Vec<Range<usize>>) {
    let lines = &shown.lines;
    let mut form = if with_map { Normalized::with_map() } else { Normalized::default() };
    form.reserve(lines.iter().map(|l| l.span.len() + 1).sum());
    let mut line_ranges = Vec::with_capacity(lines.len());
    for (k, line) in lines.iter().enumerate() {
        let start = form.as_str().len() + usize::from(!form.as_str().is_empty());
        let l = &text[line.span.clone()];
        match shown.pieces.as_ref().and_then(|p| p[k].as_ref()) {
            Some(pieces) => form.push_pieces(l, pieces, line.span.start, '\n'),
            None => form.push_line(l, line.span.start, '\n'),
        }
        line_ranges.push(start.min(form.as_str().len())..form.as_str().len());
    }
    (form, line_ranges)
}

/// Whether `text` ends with `!` or `?` (and maybe a closing quote) on a line
/// of at least two words with a cased first letter, `HEADLINE_CAPITALS`
/// of them capitals.
fn headline_end(text: &str) -> bool {
    if !text.trim_end_matches(['"', '”', '’', '»']).ends_with(['!', '?']) {
        return false;
    }
    title_cased(&Scripts::count(last_line(text)), 2)
}

/// The text's last line.
fn last_line(text: &str) -> &str {
    text.rsplit('\n').next().unwrap_or(text)
}

/// Whether the counted text is in Title Case: at least `min_cased` cased
/// words, `HEADLINE_CAPITALS` of them capitalised.
fn title_cased(s: &Scripts, min_cased: u32) -> bool {
    s.cased_tokens >= min_cased && s.capital_share() >= HEADLINE_CAPITALS
}

/// Whether the text's last line is a title in Title Case that ends with
/// a quotation or a bracket without punctuation of its own before the
/// closing mark ("‘Comedy Is Just Tragedy With Better Timing’", "The Bride
/// Paradox Of "Four Weddings"", teasers of other stories, "What I Learned
/// Migrating a Monolith to Services (and Back Again)"), or that is cut off with an
/// ellipsis ("This Is Why Streaking During A Rugby Match Is Never..."):
/// the mark ends no sentence. A quotation in sentence case ("“We will not
/// back down”", "He called it "a disgrace"") or one that ends its own
/// sentence still does.
fn title_case_end(text: &str) -> bool {
    // The last character first: most blocks end with neither mark, and
    // the last line is not looked for.
    let text = text.trim_end();
    let Some(last) = text.chars().next_back() else { return false };
    let cut_off = text.ends_with("...") || last == '…';
    let opening = match last {
        '’' => Some('‘'),
        '”' => Some('“'),
        '"' => Some('"'),
        '»' => Some('«'),
        ')' => Some('('),
        _ => None,
    };
    if opening.is_none() && !cut_off {
        return false;
    }
    let line = last_line(text).trim_start();
    let inner = line[..line.len() - last.len_utf8()].trim_end();
    let quoted = opening
        .is_some_and(|open| inner.contains(open) && !inner.ends_with(['.', '!', '?', ',', ';', ':', '…']));
    (quoted || cut_off) && {
        let s = Scripts::count(inner);
        (TITLE_CASE_END_WORDS..=TITLE_CASE_END_MAX_WORDS).contains(&s.tokens)
            && title_cased(&s, TITLE_CASE_END_WORDS)
    }
}

/// The fewest cased words of a title that ends with a quotation or is cut
/// off, and the most words (a list item of names that runs on, "A Turing
/// award for Michael Stonebraker, … Kat Walsh joins FSF board of
/// directors, Cyanogen, ...", is a sentence however many capitals it has).
const TITLE_CASE_END_WORDS: u32 = 3;
const TITLE_CASE_END_MAX_WORDS: u32 = 16;

/// Whether the text's last line is a date or a time written with full stops
/// and nothing else ("2024. 3. 18.", "12.03.2024.", "2024.3.18. 9:32"): the
/// full stop ends a number, not a sentence (a Korean blog's list of posts,
/// each title over its date). A wrapped paragraph's last line of one number
/// ("… in\n2019.") still ends its sentence. Nor does a reading time alone
/// on that line, a number and an abbreviated minute ("2 мин.", "4 Min."),
/// under a story's date.
fn dated_last_line(text: &str) -> bool {
    let line = last_line(text).trim();
    // Most lines fail on their last byte or their first letter.
    line.ends_with('.')
        && ((line.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b':' | b'-' | b'/' | b' '))
            && line.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).count() >= DATE_NUMBERS)
            || line.split_once(' ').is_some_and(|(number, unit)| {
                !number.is_empty()
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && ["min.", "мин.", "Min."].contains(&unit.trim())
            }))
}

/// A date has a day, a month and a year.
const DATE_NUMBERS: usize = 3;

/// The share of capitalised words from which a line is in Title Case:
/// headlines leave short function words in lower case ("Miley Cyrus Is
/// Not Happy with Her Boyfriend!" is 6 of 7).
const HEADLINE_CAPITALS: f32 = 0.6;

/// What a line may end a sentence with: a full stop, a question or an
/// exclamation mark (CJK ones too), a closing quote or bracket, an
/// ellipsis, a colon.
const SENTENCE_ENDS: [char; 14] = ['.', '!', '?', '。', '！', '？', '"', '”', '’', ')', '」', '…', ':', '：'];

/// Whether `line`, a block of its own, would have sentence punctuation: it
/// ends as a sentence does, holds a full stop after a word, or a CJK full
/// stop. Asked of each line of a block whose lines may be chrome, where
/// the block's punctuation is asked of its last line's end only.
pub(crate) fn line_punctuated(line: &str) -> bool {
    let trimmed = without_footnote_marks(line.trim_end_matches(is_space));
    trimmed.ends_with(SENTENCE_ENDS)
        || trimmed.ends_with('\'')
        || inner_full_stop(line)
        || line.contains(['。', '！', '？'])
}

/// A full stop inside the text after a word ("… day. Then"), not after a
/// list number ("1. Home") or an abbreviation that a name goes on after
/// ("Tesla, Inc. 338.74", "Samsung Electronics Co. climbed", "Mr. Lee").
fn inner_full_stop(raw: &str) -> bool {
    full_stops_before_space(raw).any(|i| {
        let mut before = raw[..i].chars().rev();
        // Not after an initial ("Hansa D. Bhargava", "U.S. Army"): a word
        // of one letter is a name's or an abbreviation's.
        let word = before.next().is_some_and(crate::chars::is_alphabetic)
            && before.next().is_some_and(crate::chars::is_alphabetic);
        word && !abbreviation(&raw[..i])
    })
}

/// Where `text` holds ". " (as `text.match_indices(". ")`), found by
/// `memchr` on the full stops.
pub(crate) fn full_stops_before_space(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'.', bytes).filter(move |&i| bytes.get(i + 1) == Some(&b' '))
}

/// Whether `text` ends with an abbreviation that a name goes on after.
fn abbreviation(text: &str) -> bool {
    let word = text.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// Abbreviations a full stop ends inside a name or before a number: a
/// company's legal form, a title, "No." and "vs.", a reference number's
/// label ("Réf. 45821", "Nr. 12").
const ABBREVIATIONS: [&str; 17] = [
    "inc", "corp", "co", "ltd", "plc", "llc", "mr", "mrs", "ms", "dr", "jr", "sr", "no", "vs", "ref", "réf",
    "nr",
];

/// The text without the footnote marks at its end ("… was born. [3]",
/// "… in 1998.[12][a]"): a sentence before them still ends there.
fn without_footnote_marks(mut text: &str) -> &str {
    while let Some(open) = text.strip_suffix(']').and_then(|t| t.rfind('['))
        && text.len() - open <= FOOTNOTE_MARK_BYTES
        && text.len() - open > 2
    {
        text = text[..open].trim_end_matches(is_space);
    }
    text
}

/// The longest footnote mark, brackets included ("[citation needed]").
const FOOTNOTE_MARK_BYTES: usize = 20;

/// A line with at least `CJK_SENTENCE` Han, kana or Hangul characters that
/// is no breadcrumb: labels between two spaced `>` or `›` or more ("ホーム >
/// くらし・手続き > ごみ・リサイクル > 粗大ごみの収集方法が変わります" ends
/// with the page's title, but states nothing). Nor is it a row of Chinese or
/// Japanese labels between spaces, without a comma or a full stop: more
/// than `LABEL_ROW_TOKENS` of them ("トップ 速報 オピニオン 経済 政治 ビジネス
/// …"), or a [`short_label_row`]. Chinese and Japanese statements run on
/// without spaces. (Korean spaces its words, and its rows are left to the
/// other tests.)
fn long_cjk_line(raw: &str) -> bool {
    let label_row = |l: &str| {
        (l.split_whitespace().nth(LABEL_ROW_TOKENS).is_some() || short_label_row(l))
            && !l.contains(['、', '。', '，', '！', '？', '；', '：'])
            && !l.chars().any(crate::lang::is_hangul)
    };
    raw.split('\n').any(|l| {
        l.chars().filter(|&c| crate::lang::is_unspaced(c)).count() >= CJK_SENTENCE as usize
            && l.matches(" > ").count() + l.matches(" › ").count() < 2
            && !label_row(l)
    })
}

/// The most space-separated tokens of a line of Chinese or Japanese
/// statements: more are a row of labels.
const LABEL_ROW_TOKENS: usize = 4;

/// Exactly `LABEL_ROW_TOKENS` labels between spaces, none of more than
/// `LABEL_CHARS` characters ("小説を探す　ランキング　マイページ　ログイン"): a
/// site's menu, where a headline's phrases set apart by spaces run longer.
pub(crate) fn short_label_row(line: &str) -> bool {
    let mut tokens = line.split_whitespace();
    tokens.clone().count() == LABEL_ROW_TOKENS && tokens.all(|t| t.chars().count() <= LABEL_CHARS)
}

/// The most characters of a label in a row of `LABEL_ROW_TOKENS`.
const LABEL_CHARS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn one(text: &str) -> Analyzed {
        let seg = segment(text);
        analyze(text, &seg, &seg.blocks[0], &LangDetector::new(&["en"]))
    }

    #[test]
    fn line_ranges_cover_each_line() {
        let a = one("First Line\n  Second  line ");
        assert_eq!(a.form.as_str(), "first line\nsecond line");
        let r: Vec<&str> = a.line_ranges.iter().map(|r| &a.form.as_str()[r.clone()]).collect();
        assert_eq!(r, ["first line", "second line"]);
    }

    #[test]
    fn a_title_cased_exclamation_is_a_headline_not_a_sentence() {
        for headline in ["Miley Cyrus Is NOT Happy with Her Boyfriend!", "TMZ LIVE!", "Why the Fed Blinked?"]
        {
            let a = one(headline);
            assert!(a.headline_end && !a.punctuated, "{headline}");
        }
        for sentence in
            ["That is how you do it!", "Are you ready for the storm?", "Stop!", "He said: \"Bring it home!\""]
        {
            let a = one(sentence);
            assert!(!a.headline_end, "{sentence}");
        }
        // A sentence before the headline-like end still makes the block punctuated.
        assert!(one("The board met. Then What?").punctuated);
    }

    #[test]
    fn features() {
        let long = "The board approved the plan on Monday. ".repeat(5);
        let a = one(&long);
        assert!(a.prose && !a.heading_like);
        let h = one("‘Question Mark’");
        assert!(h.heading_like && !h.prose);
        assert!(one("1. 1").bare_numbers);
        // Nested list items are no body paragraph; first-level ones can be.
        let item = "Read what doctors and patients say about the new treatments, and how to ask for them. ";
        assert!(!one(&format!("+ {item}\n+ {item}\n+ {item}")).prose);
        assert!(one(&format!("* {item}\n* {item}\n* {item}")).prose);
        assert!(!one("1. Revenue rose 12%.").bare_numbers);
        // A footnote mark after a sentence does not make it a heading.
        let cited = one("The city was founded by traders in 1214. [M1]");
        assert!(cited.punctuated && !cited.heading_like);
        assert!(one("Her second novel.[12][a]").punctuated);
        assert!(!one("‘Comedy Is Just Tragedy With Better Timing’").punctuated);
        assert!(one("“We will not back down”").punctuated);
        assert!(one("‘The Director Shot It in One Take.’").punctuated);
        assert!(!one("The Bride Paradox Of \"Four Weddings\"").punctuated);
        assert!(!one("This Is Why Streaking During A Rugby Match Is Never...").punctuated);
        assert!(one("He called the ruling \"a disgrace\"").punctuated);
        assert!(one("The talks went on and on...").punctuated);
        // A function's name ends no sentence; a closing bracket after words does.
        assert!(!one("References > Web APIs > Clipboard > Clipboard.readText()").punctuated);
        assert!(one("The vote was close (52 to 48)").punctuated);
        assert!(!one("What I Learned Migrating a Monolith to Services (and Back Again)").punctuated);
        assert!(one("The Council Met on Tuesday (It Had Been Delayed.)").punctuated);
        assert!(one("Chapter One [Part 1]").heading_like);
        assert!(one("[1]").open_end);
        // An initial's full stop is no sentence end; a word's is.
        assert!(!one("Reviewed by Hansa D. Bhargava, MD").punctuated);
        assert!(!one("Filed from the U.S. Army base").punctuated);
        assert!(!one("TSLA Tesla, Inc. 338.74 -1.42%").punctuated);
        assert!(!one("Shares of Samsung Electronics Co. climbed in Seoul").punctuated);
        assert!(one("Shares of Samsung Electronics Co. climbed. Then they fell").punctuated);
        assert!(one("It rained all day. Then it stopped").punctuated);
    }

    #[test]
    fn a_row_of_cjk_labels_is_no_sentence() {
        let row = one("トップ 速報 オピニオン 経済 政治 ビジネス マーケット テクノロジー 国際");
        assert!(!row.prose && !row.has_sentence(6));
        assert!(!one("首页 新闻 体育 财经 娱乐 科技 博客 图片 专栏 视频 汽车 房产 教育").prose);
        // Statements keep their commas, however many spaces a line has.
        let spaced = "在 Rust 中，每一个引用都有自己的 生命周期，也就是这个引用 保持有效的作用域 和 范围";
        assert!(one(spaced).has_sentence(6));
        // Korean spaces its words.
        assert!(
            one("코스피가 외국인 투자자들의 매수세에 힘입어 사흘 만에 다시 2,800선을 회복했다")
                .has_sentence(6)
        );
        // Long enough without spaces, a line of Chinese states something.
        assert!(
            one("国家统计局发布数据显示十一月份制造业采购经理指数比上月上升零点五个百分点").has_sentence(6)
        );
    }

    #[test]
    fn a_date_under_a_title_ends_no_sentence() {
        assert!(!one("부산 당일치기 코스\n2024. 4. 2.").punctuated);
        assert!(!one("Programm der Woche\n12.03.2024.").punctuated);
        assert!(!one("강릉 카페 투어\n2024.3.18. 9:32").punctuated);
        // A wrapped sentence's last line of one number still ends it.
        assert!(one("The law came into force in\n2019.").punctuated);
        assert!(one("Prices rose by 3.5 percent in 2023.").punctuated);
    }

    #[test]
    fn a_reading_time_under_a_date_ends_no_sentence() {
        assert!(!one("12:45 07.03.2025 (обновлено: 13:10 07.03.2025)\n2 мин.").punctuated);
        assert!(!one("7. März 2025\n4 Min.").punctuated);
        assert!(one("The walk from the station takes about 20 min.").punctuated);
    }
}
