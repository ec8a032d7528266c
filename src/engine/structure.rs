//! Structural detectors: shapes that are not phrase lists, configured from
//! rule files (`structure = "…"`).

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::{Range, RangeInclusive};

use super::rules::{Body, Document};
use crate::analyze::Analyzed;
use crate::report::BlockReport;
use crate::rules::spec::Structure;
use crate::segment::{LineShape, is_space, line_shape};

/// Whether `chrome-lines` asks about a block, whatever matched it: one
/// still undecided, of `items` lines, no paragraph.
pub(super) fn chrome_lines_candidate(
    b: &Analyzed,
    report: &BlockReport,
    items: RangeInclusive<usize>,
) -> bool {
    super::undecided(report) && items.contains(&b.lines) && !b.prose
}

/// What the detector finds ([`Found`]): only runs starting at a position
/// `in_position` accepts (the rule's region).
pub(super) fn find(
    structure: Structure,
    doc: &Document<'_>,
    view: &[usize],
    body: &Body,
    reports: &[BlockReport],
    outline: &Outline<'_>,
    in_position: impl Fn(usize) -> bool,
) -> Found {
    // The runs that start in position, each told with its length.
    let runs_in_position = |runs: Vec<Range<usize>>, what: &str| -> Vec<(Range<usize>, String)> {
        runs.into_iter()
            .filter(|run| in_position(run.start))
            .map(|run| {
                let n = run.len();
                (run, format!("{n} {what}"))
            })
            .collect()
    };
    // The runs a detector describes itself that start in position.
    let described_in_position = |runs: Vec<(Range<usize>, String)>| -> Vec<(Range<usize>, String)> {
        runs.into_iter().filter(|(run, _)| in_position(run.start)).collect()
    };
    let runs = match structure {
        Structure::NonSentence { min_words, keep_headline } => {
            // Around a body only: a page without one has no head and tail to trim.
            let Some(first) = body.first else { return Found::runs(Vec::new()) };
            // A block whose only punctuated lines are chrome (a footer's
            // copyright line among its links) holds no sentence.
            let sentence = |k: usize| {
                let b = &doc.blocks[view[k]];
                b.has_sentence(min_words)
                    && !(in_position(k) && super::chrome_lines::punctuation_is_chrome(doc, view[k]))
            };
            // A sentence that no rule dropped.
            let kept_sentence =
                |k: usize| sentence(k) && reports[view[k]].decision != crate::report::Decision::Drop;
            // The headline: the last heading of two words or more before the
            // body that nothing else dropped (a byline above the body is not it).
            let headline = keep_headline
                .then(|| {
                    let action_of = |i: usize| super::deciding_action(doc.rules, &reports[i]);
                    let chrome = |i: usize| doc.drops_above_body(i);
                    super::headline::headline(
                        &doc.blocks,
                        view,
                        doc.policy,
                        reports,
                        &action_of,
                        &chrome,
                        first,
                    )
                })
                .flatten();
            // A kicker is cut from the body's first block too, when that
            // holds the headline over its standfirst.
            let cut_meta =
                headline.as_ref().and_then(|h| h.cut_in(&doc.blocks, view)).filter(|&(k, side)| {
                    in_position(k) || (k == first && side == super::headline::MetaLines::Kicker)
                });
            let runs = (0..view.len())
                .filter(|&k| {
                    in_position(k)
                        && !sentence(k)
                        && !headline.as_ref().is_some_and(|h| h.contains(k))
                        && !outline.is_contents(k)
                        && !opens_story(doc, view, k, first..=body.last.unwrap_or(first), &sentence)
                        && !announced_between(doc, view, k, first, &kept_sentence)
                        && !introduced(doc, view, k, first, &kept_sentence)
                        && !listed_point(doc, view, reports, k)
                        && !labelled_list(&doc.blocks[view[k]])
                })
                .map(|k| (k..k + 1, "no sentence, outside the body".to_owned()))
                .collect();
            return Found { runs, cut_meta };
        }
        Structure::EmptyNumberedList { min_items, max_start } => runs_in_position(
            empty_numbered_runs(doc, view, min_items, max_start),
            "blocks of numbered items with no content",
        ),
        Structure::SlideRun { min_items } => {
            described_in_position(super::gallery::slide_runs(doc, view, min_items))
        }
        Structure::TeaserRun { min_items } => {
            described_in_position(super::teasers::teaser_runs(doc, view, min_items))
        }
        Structure::NumberRun { min_items } => runs_in_position(
            super::chart::number_runs(doc, view, min_items),
            "blocks of bare numbers in a row",
        ),
        Structure::FieldRun { min_items } => {
            described_in_position(super::fields::field_runs(doc, view, min_items))
        }
        Structure::EchoedLine { min_repeats, min_words } => (0..view.len())
            .filter(|&k| {
                // One line, long enough, and no sentence punctuation (a
                // title said over and over has none): most blocks are not
                // looked at.
                let b = &doc.blocks[view[k]];
                in_position(k) && b.lines == 1 && !b.punctuated && b.words >= min_repeats * min_words
            })
            .filter_map(|k| {
                let line = doc.lines(view[k]).next()?;
                let times = echoes(line, min_repeats, min_words)?;
                Some((k..k + 1, format!("a line said {times} times over")))
            })
            .collect(),
        Structure::ChromeLines { min_items, max_items, labels } => {
            let last_prose = view.iter().rposition(|&i| doc.blocks[i].prose);
            (0..view.len())
                .filter(|&k| {
                    // Blocks of a few lines, no paragraph among them, that no
                    // rule matched as a whole (a rule for a region is asked
                    // first: `rules::chrome_outside_region`): most blocks are
                    // not looked at. With labels, only blocks below the page's
                    // last long paragraph are (a footer, which may hold a
                    // rule's phrase that the rule's size conditions kept from
                    // deciding it: "© 2026 …" among ten lines).
                    in_position(k)
                        && chrome_lines_candidate(
                            &doc.blocks[view[k]],
                            &reports[view[k]],
                            min_items..=max_items,
                        )
                        && if labels {
                            last_prose.is_none_or(|l| k > l)
                        } else {
                            doc.firings[view[k]].is_empty()
                        }
                })
                .filter_map(|k| {
                    let evidence = if labels {
                        super::chrome_lines::labelled_lines(doc, view[k], min_items)?
                    } else {
                        super::chrome_lines::chrome_lines(doc, view[k])?.to_owned()
                    };
                    Some((k..k + 1, evidence))
                })
                .collect()
        }
        // Cut before the rounds (`rules::cut_chrome_tails`,
        // `rules::cut_chrome_heads`): the rules look at what remains.
        Structure::ChromeHead { .. } | Structure::ChromeTail { .. } | Structure::RestLine { .. } => {
            Vec::new()
        }
        Structure::LabelList { min_items, max_words, min_percent } => {
            // A text with no paragraph anywhere (a short text without blank
            // lines, which stays one block of a few lines) keeps a block
            // with a sentence in it, at its end or at the end of any line
            // ("Part-time barista, 20 hours a week." over "Apply now …" over
            // "Privacy policy | Terms"): it may be the whole text. One flag read
            // a block, beside the labels counted for each.
            let no_paragraph = view.iter().all(|&i| !doc.blocks[i].prose);
            (0..view.len())
                .filter(|&k| in_position(k))
                .filter_map(|k| {
                    let Labels { labels, label_lines, lines, listed, .. } =
                        labels_of(doc, view[k], max_words);
                    // Most lines are labels, or a few lines hold most of the
                    // words as labels (a country picker above a consent line).
                    let words = doc.blocks[view[k]].words;
                    let most =
                        label_lines * 100 >= min_percent * lines || labels * 100 >= min_percent * words;
                    let enough = labels >= min_items && most && !listed;
                    // A title over its date and a row of buttons is no menu,
                    // though most of its lines are labels: the headline may be
                    // that title.
                    if !enough
                        || outline.is_contents(k)
                        || holds_paragraph(doc, view[k])
                        || super::headline::dated_title(&doc.blocks[view[k]]).is_some()
                        || (body.first.is_some_and(|f| k < f) && headed_standfirst(doc, view[k]))
                        || (no_paragraph
                            && (doc.blocks[view[k]].punctuated
                                || doc.lines(view[k]).any(crate::segment::ends_sentence)))
                    {
                        return None;
                    }
                    Some((k..k + 1, format!("{labels} short labels on {label_lines} of {lines} lines")))
                })
                .collect()
        }
    };
    Found::runs(runs)
}

/// Whether block `i` is mostly a paragraph on a line of its own: lines of
/// `PARAGRAPH_CHARS` non-space characters or `PARAGRAPH_BYTES` bytes (forty
/// Han characters) that end a sentence, holding two thirds of the block's
/// characters. An encyclopedia's section scraped as its heading, its "播报"
/// and "编辑" buttons and its paragraph is no menu, though most of its
/// lines are labels; a menu's featured titles end no sentence, and a share
/// bar's or a language list's labels outweigh the caption among them.
fn holds_paragraph(doc: &Document<'_>, i: usize) -> bool {
    let chars = |l: &str| crate::segment::non_space(l).count();
    // A label's line is shorter in bytes than a paragraph's in characters,
    // and most lines are labels: the length is asked first.
    let paragraph = |l: &str| {
        let l = l.trim_end();
        l.len() >= PARAGRAPH_CHARS
            && crate::segment::ends_sentence(l)
            && (l.len() >= PARAGRAPH_BYTES || chars(l) >= PARAGRAPH_CHARS)
    };
    let in_paragraphs: usize = doc.lines(i).filter(|l| paragraph(l)).map(chars).sum();
    in_paragraphs > 0 && in_paragraphs * 3 >= doc.blocks[i].chars * 2
}

const PARAGRAPH_CHARS: usize = 60;
const PARAGRAPH_BYTES: usize = 120;

/// Whether block `i` holds one title right over its standfirst: a line of
/// `TITLE_CHARS` characters or more, most of its letters Chinese, Japanese
/// or Korean, that ends no sentence, over a line of
/// `STANDFIRST_CHARS` or more that ends one, once in the block. Above the
/// body, that is the article's head scraped into one block with its
/// section's label, its date and its credit ("ニュース" over "2025年10月15日
/// 12時00分 公開" over the headline, its standfirst and "[山田太郎，…]"),
/// whose short lines read as a menu's labels; a list of teasers, each a
/// title over its summary, has the pair more than once.
fn headed_standfirst(doc: &Document<'_>, i: usize) -> bool {
    let chars = |l: &str| crate::segment::non_space(l).count();
    let ends = |l: &str| crate::segment::ends_sentence(l.trim_end());
    // In a script without spaces: a Latin-script headline has more words
    // than a label, and is none already.
    let unspaced = |l: &str| {
        let (spaced, unspaced) = crate::segment::letters_by_spacing(l);
        unspaced > spaced
    };
    let title = |l: &str| !ends(l) && chars(l) >= TITLE_CHARS && unspaced(l);
    let standfirst = |l: &str| ends(l) && chars(l) >= STANDFIRST_CHARS;
    let mut lines = doc.lines(i).peekable();
    let mut pairs = 0;
    while let Some(l) = lines.next() {
        if title(l) && lines.peek().is_some_and(|&next| standfirst(next)) {
            pairs += 1;
        }
    }
    pairs == 1
}

/// The fewest characters of a title and of a standfirst under it, in
/// [`headed_standfirst`].
const TITLE_CHARS: usize = 20;
const STANDFIRST_CHARS: usize = 30;

/// What a structural detector finds: runs of view positions to drop, each
/// with a line of evidence, and the view position of a headline block whose
/// lines beside the title (a date, a byline) are to be cut, and where they
/// stand.
pub(super) struct Found {
    pub runs: Vec<(Range<usize>, String)>,
    pub cut_meta: Option<(usize, super::headline::MetaLines)>,
}

impl Found {
    fn runs(runs: Vec<(Range<usize>, String)>) -> Self {
        Found { runs, cut_meta: None }
    }
}

/// Whether block `k`, above the body's first paragraph `first`, is a short
/// line that opens the story, every block from it to the body holding a
/// sentence: a salutation that ends with a comma ("Hi everyone,", "Liebe
/// Leserinnen und Leser,"), or a line of Chinese or Japanese that ends a
/// sentence ("こんばんは。" over a blog post's first lines, a sub-heading
/// that asks a question), or a transcript's first speaker label ("Maya Chen
/// (00:00):", [`speaker_label`]) when another stands below, or a
/// question on a line of its own when another stands in the body (a help
/// page's first question over its answer). Labels and
/// bylines end with neither. A Latin-script line that ends a sentence there
/// is more often a prompt ("Wait 1 second to continue.", "You can
/// unsubscribe at any time.") or a sidebar's greeting, and is left to head
/// chrome.
fn opens_story(
    doc: &Document<'_>,
    view: &[usize],
    k: usize,
    body: RangeInclusive<usize>,
    sentence: &impl Fn(usize) -> bool,
) -> bool {
    let first = *body.start();
    let b = &doc.blocks[view[k]];
    if k >= first || b.lines != 1 || b.headline_end {
        return false;
    }
    let Some(line) = doc.lines(view[k]).next() else { return false };
    let line = line.trim_end();
    let salutation = line.ends_with([',', '，']);
    // A transcript's first speaker, whose label stands again further down.
    let speaker = || {
        speaker_label(line)
            && view[first + 1..]
                .iter()
                .any(|&j| doc.lines(j).next().is_some_and(|l| speaker_label(l.trim_end())))
    };
    // A help page's or an interview's first question, over its answer,
    // when more questions on lines of their own stand in the body.
    let question_line = |i: usize| super::headline::question_title(&doc.blocks[i]);
    let question = || {
        question_line(view[k])
            && view.get(first + 1..=*body.end()).is_some_and(|v| v.iter().any(|&j| question_line(j)))
    };
    let ends = salutation
        || (b.mostly_cjk() && line.ends_with(['!', '?', '。', '！', '？']))
        || speaker()
        || question();
    ends && (k + 1..first).all(sentence)
}

/// A transcript's speaker label: a name of at most `SPEAKER_WORDS` words
/// and the time into the recording, with a colon ("Maya Chen (00:00):",
/// "Daniel Okafor [12:41]:").
fn speaker_label(line: &str) -> bool {
    let Some(rest) = line.strip_suffix(':').map(str::trim_end) else { return false };
    let Some(rest) = rest.strip_suffix([')', ']']) else { return false };
    let Some(open) = rest.rfind(['(', '[']) else { return false };
    let (name, time) = (rest[..open].trim_end(), &rest[open + 1..]);
    let words = name.split_whitespace().count();
    (1..=SPEAKER_WORDS).contains(&words)
        && name.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && time.contains(':')
        && time.chars().all(|c| c.is_ascii_digit() || c == ':')
        && time.split(':').all(|t| (1..=2).contains(&t.len()))
}

/// The most words of a speaker's name in a transcript's label.
const SPEAKER_WORDS: usize = 4;

/// Whether block `k`, above the body's first paragraph `first`, is a short
/// line that announces the sentence under it with a colon, under a sentence
/// of its own ("Steps to reproduce:" in a bug report whose paragraphs are
/// all short, "Here is how it works:"): a sub-heading of the text above the
/// body, as a single short block between two sentences is within it.
/// Chrome that ends with a colon ("Share this:", "Read more:", "Tags:")
/// rules drop before this is asked, or stands over buttons and titles.
fn announced_between(
    doc: &Document<'_>,
    view: &[usize],
    k: usize,
    first: usize,
    kept_sentence: &impl Fn(usize) -> bool,
) -> bool {
    k > 0 && k < first && doc.announcing_line(view[k]) && kept_sentence(k - 1) && kept_sentence(k + 1)
}

/// Whether block `k`, below the body's first paragraph `first`, is what the
/// sentence right above it introduces with a colon: an answer's command
/// under "… redirect its output instead:", a list under "You will need:".
/// The sentence is kept, and so is what it announces; rules have dropped
/// the chrome such a line may stand over ("Share this story:") already.
fn introduced(
    doc: &Document<'_>,
    view: &[usize],
    k: usize,
    first: usize,
    kept_sentence: &impl Fn(usize) -> bool,
) -> bool {
    let Some(above) = k.checked_sub(1).filter(|&a| a >= first) else { return false };
    doc.announces(view[above]) && kept_sentence(above)
}

/// Whether block `k` holds an article's points under a heading a rule
/// keeps ("Key points", "Das Wichtigste in Kürze"): right under it, or a
/// line of at least `POINT_WORDS` words among such lines under it, where
/// the text has no blank lines. The points are the article's, though they
/// end no sentence.
fn listed_point(doc: &Document<'_>, view: &[usize], reports: &[BlockReport], k: usize) -> bool {
    let heading = |j: usize| super::headline::points_heading(&doc.blocks[view[j]], &reports[view[j]]);
    let point = |j: usize| {
        let b = &doc.blocks[view[j]];
        b.lines == 1 && b.words >= POINT_WORDS && !super::kept_by_rule(&reports[view[j]])
    };
    (k > 0 && heading(k - 1))
        || (point(k) && (0..k).rev().take(POINTS).find(|&j| !point(j)).is_some_and(heading))
}

/// Whether `b` is one line of a label and a long list after its colon
/// ("Honorable mentions: Marjorie Prime, Phantom Thread, …"): the
/// article's closing list, though it ends no sentence. Tag lists, which
/// look the same, rules drop by their label ("Tags:", "Filed under:")
/// before the tail is trimmed. Each item has at most `LIST_ITEM_WORDS`
/// words: a line of labelled fields ("Language: English Series: Part 1 of
/// the … series Next Work → Collections: …") is a work's metadata.
fn labelled_list(b: &Analyzed) -> bool {
    b.lines == 1
        && b.words >= LABELLED_LIST_WORDS
        && b.form.as_str().split_once(':').is_some_and(|(label, list)| {
            let mut items = list.split(',');
            (1..=LABEL_WORDS).contains(&label.split_whitespace().count())
                && items.clone().count() >= LABELLED_LIST_ITEMS
                && items.all(|item| (1..=LIST_ITEM_WORDS).contains(&item.split_whitespace().count()))
        })
}

/// The fewest words of a labelled list, the most words of its label, the
/// fewest items of its list and the most words of an item.
const LABELLED_LIST_WORDS: usize = 12;
const LABEL_WORDS: usize = 3;
const LABELLED_LIST_ITEMS: usize = 6;
const LIST_ITEM_WORDS: usize = 5;

/// The fewest words of a point a line, and the most points under their
/// heading.
const POINT_WORDS: usize = 3;
const POINTS: usize = 8;

/// How many times `line` (trimmed) is one text of at least `min_words`
/// words (see [`word_count`]) repeated with single spaces between ("A B C A B C A B C"), when
/// that is at least `min_repeats` (the most such repeats); `None` for a
/// line longer than `ECHO_MAX_BYTES`. The detector asks only about blocks
/// without sentence punctuation.
fn echoes(line: &str, min_repeats: usize, min_words: usize) -> Option<usize> {
    let line = line.trim_matches(is_space);
    if line.len() > ECHO_MAX_BYTES {
        return None;
    }
    let first = line.split(' ').next().filter(|w| !w.is_empty())?;
    // `k` copies of a text of `n` bytes, joined by spaces, are k * n + k - 1
    // bytes; a text of `min_words` words is at least 2 * min_words - 1. The
    // most repeats are tried first.
    let most = (line.len() + 1) / (2 * min_words);
    (min_repeats..=most).rev().find(|&k| {
        if !(line.len() + 1).is_multiple_of(k) {
            return false;
        }
        let n = (line.len() + 1) / k - 1;
        if line.as_bytes()[n] != b' ' || !line[n + 1..].starts_with(first) {
            return false;
        }
        let text = &line[..n];
        let mut rest = &line[n..];
        while let Some(next) = rest.strip_prefix(' ').and_then(|r| r.strip_prefix(text)) {
            rest = next;
        }
        rest.is_empty() && word_count(text) >= min_words
    })
}

/// The longest line `echoed-line` looks at: a link card's title said three
/// times is far shorter.
const ECHO_MAX_BYTES: usize = 1000;

/// Words between spaces, a character of a script written without spaces
/// (Chinese, Japanese) counting as one.
fn word_count(text: &str) -> usize {
    text.split(' ').count() + text.chars().filter(|&c| crate::lang::is_unspaced(c)).count()
}

/// What the `label-list` detector found in one block.
#[derive(Debug, Clone, Copy)]
pub(super) struct Labels {
    /// The `max-words` it was counted with.
    max_words: usize,
    labels: usize,
    label_lines: usize,
    lines: usize,
    /// Introduced by a line ending in a colon, or numbered: a list of the
    /// body's own ("The rankings were as follows:", "1. Finland").
    listed: bool,
}

/// The label count of block `i`, from the document's cache when it was
/// counted with the same `max_words`.
fn labels_of(doc: &Document<'_>, i: usize, max_words: usize) -> Labels {
    if let Some(l) = doc.labels.borrow()[i]
        && l.max_words == max_words
    {
        return l;
    }
    let lines = doc.lines(i);
    // A one-line block is a capitalised run only if most of its cased words
    // are capitals, which its analysis has counted: the run's share of
    // words starting with a capital is at most the block's share of cased
    // tokens starting with one (a margin below 85 % for the rounding).
    // The lines, and whether the list is introduced or numbered, in one pass.
    // A colon on the last line introduces nothing in the block ("Search:"
    // under a footer's links).
    let (mut count, mut introduced, mut numbered, mut colon) = (0, false, 0, false);
    for l in lines.clone() {
        count += 1;
        introduced |= colon;
        colon = l.trim_end().ends_with([':', '：']);
        numbered += usize::from(starts_numbered(l));
    }
    let runs = count > 1 || doc.blocks[i].capital_share >= 0.84;
    let (labels, label_lines) = count_labels(lines, max_words, runs);
    let l =
        Labels { max_words, labels, label_lines, lines: count, listed: introduced || numbered * 2 >= count };
    doc.labels.borrow_mut()[i] = Some(l);
    l
}

/// The fewest lines of a table of contents that are headings further down.
const CONTENTS_HEADINGS: usize = 3;

/// The page's outline, for telling its table of contents from a menu: where
/// each one-line heading-like block last appears in the view, built on the
/// first question and shared by the structure rules of a round.
pub(super) struct Outline<'d> {
    doc: &'d Document<'d>,
    view: &'d [usize],
    last: OnceCell<HashMap<u64, usize, BuildHasherDefault<Prehashed>>>,
    /// Per view position: the answer of `is_contents`, once asked (the
    /// `label-list` and `non-sentence` rules ask about the same blocks).
    contents: RefCell<Vec<Option<bool>>>,
}

impl<'d> Outline<'d> {
    pub(super) fn new(doc: &'d Document<'d>, view: &'d [usize]) -> Self {
        Outline { doc, view, last: OnceCell::new(), contents: RefCell::new(vec![None; view.len()]) }
    }

    /// [`Outline::find_contents`], asked once per block.
    fn is_contents(&self, k: usize) -> bool {
        if let Some(known) = self.contents.borrow()[k] {
            return known;
        }
        let found = self.find_contents(k);
        self.contents.borrow_mut()[k] = Some(found);
        found
    }

    /// Whether the block at view position `k` is a table of contents: at
    /// least three of its lines, and half of them, are headings of blocks
    /// further down. The page's own outline is the body's (readers and the
    /// expected texts keep it); a menu's labels are not headings of the page.
    fn find_contents(&self, k: usize) -> bool {
        let lines = self.doc.lines(self.view[k]);
        if lines.clone().nth(2).is_none() {
            return false;
        }
        let last = self.last.get_or_init(|| {
            let mut last = HashMap::default();
            for (k, &i) in self.view.iter().enumerate() {
                let b = &self.doc.blocks[i];
                if b.lines == 1 && b.heading_like {
                    // A block of only a bullet or a number heads nothing.
                    if let Some(key) = heading_key(b.form.as_str()) {
                        last.insert(key, k);
                    }
                }
            }
            last
        });
        // At least three lines, and half of them, must be headings: the
        // count stops as soon as the lines left cannot make that up.
        let total = lines.clone().count();
        let needed = CONTENTS_HEADINGS.max(total.div_ceil(2));
        let mut found = 0;
        for (read, l) in lines.enumerate() {
            if found + (total - read) < needed {
                return false;
            }
            found += usize::from(heading_key(l).and_then(|key| last.get(&key)).is_some_and(|&p| p > k));
        }
        found >= needed
    }
}

/// A label or heading reduced to its letters and digits, lower case, without
/// a leading list marker or section number, as a 64-bit FNV-1a hash (no
/// string is built: the outline asks this of every line of every candidate
/// block). `None` when nothing is left.
fn heading_key(text: &str) -> Option<u64> {
    let t = text.trim_start_matches(|c: char| !crate::chars::is_alphabetic(c));
    // A third-level item's marker, as text-mode browsers draw it ("o Setting
    // up" in a manual's contents).
    let t = t.strip_prefix("o ").unwrap_or(t);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    let mut any = false;
    for c in t.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                feed(c.to_ascii_lowercase() as u8);
                any = true;
            }
        } else if crate::chars::is_alphanumeric(c) {
            for l in c.to_lowercase() {
                (l as u32).to_le_bytes().into_iter().for_each(&mut feed);
            }
            any = true;
        }
    }
    any.then_some(hash)
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// What separates the labels of a menu line; `separator_len` finds them
/// by their UTF-8 bytes, and the tests check it against this list.
#[cfg(test)]
const SEPARATORS: [char; 10] = ['|', '·', '•', '»', '‹', '›', '▪', '■', '●', '◦'];

/// Counts the labels in `lines` and the lines made only of labels. A line is
/// split on the separators (` | `, ` · `, ` • `, `»`, ` ▪ `, …); a label is at most
/// `max_words` words after any bullet or number marker, starts with a capital
/// letter or a letter of a caseless script, has no sentence punctuation at its
/// end, and no word with two digits, no colon, equals sign or bracket (those
/// are table rows, headers and code).
fn count_labels<'a>(lines: impl Iterator<Item = &'a str>, max_words: usize, runs: bool) -> (usize, usize) {
    let mut labels = 0;
    let mut label_lines = 0;
    for line in lines {
        let separated = may_separate(line);
        // A line ending a sentence, without separators, holds no label.
        if !separated && line.trim_end().ends_with(['.', '!', '?', '。', '！', '？']) {
            continue;
        }
        // Inline bullets (" * ", " + ") separate labels as the separators do.
        let inline = separated && inline_bullet(line);
        let line: Cow<'_, str> = if inline {
            Cow::Owned(line.replace(" * ", " | ").replace(" + ", " | "))
        } else {
            Cow::Borrowed(line)
        };
        // A line without separators is one part: not split, not collected.
        let (one, many): ([&str; 1], Vec<&str>);
        let parts: &[&str] = if separated {
            many = split_separators(&line).map(trim_part).filter(|p| !p.is_empty()).collect();
            &many
        } else {
            one = [trim_part(&line)];
            if one[0].is_empty() { &[] } else { &one }
        };
        let inline_bullets = || parts.len() >= 3 && line.matches(" | ").count() >= 2;
        if !parts.is_empty() && parts.iter().all(|p| is_label(p, max_words)) {
            labels += parts.len();
            label_lines += 1;
        } else if inline_bullets() && parts.iter().all(|p| is_title(p)) {
            // A line of inline-bulleted headlines: a "more stories" widget.
            labels += parts.len();
            label_lines += 1;
        } else if let Some(n) = runs.then(|| capitalised_run(&line)).flatten() {
            labels += n;
            label_lines += 1;
        }
    }
    (labels, label_lines)
}

/// Whether `line` holds an inline bullet, " * " or " + ": `memchr` on the
/// two marks, their neighbours read where one stands.
fn inline_bullet(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr2_iter(b'*', b'+', b).any(|i| i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' '))
}

/// A part of a menu line without the spaces and bullets around it, nor a
/// second-level bullet as text-mode browsers draw it ("o Labor").
fn trim_part(part: &str) -> &str {
    let part = part.trim_matches(|c: char| is_space(c) || c == '*' || c == '+' || c == '-');
    part.strip_prefix("o ").unwrap_or(part)
}

/// Whether `line` may hold an inline bullet (" * ", " + ") or one of the
/// `SEPARATORS`: one scan of its bytes for `*`, `+`, `|` and the UTF-8
/// encodings of `·` `»` (C2 B7, C2 BB), `•` `‹` `›` (E2 80 A2, E2 80 B9, E2 80 BA) and
/// `▪` `■` `●` `◦` (E2 96 AA, E2 96 A0, E2 97 8F, E2 97 A6), by `memchr`.
/// Prose lines hold none, and most blocks are prose.
fn may_separate(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr3(b'*', b'+', b'|', b).is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, b).any(|i| separator_len(b, i) > 0)
}

/// The length in bytes of the separator (one of `SEPARATORS`) that starts
/// at byte `i` of `b`, whose byte there is `|`, C2 or E2; 0 for none.
fn separator_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b'|' => 1,
        0xC2 if matches!(b.get(i + 1), Some(0xB7 | 0xBB)) => 2,
        0xE2 if matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xA2 | 0xB9 | 0xBA))
                | (Some(0x96), Some(0xAA | 0xA0))
                | (Some(0x97), Some(0x8F | 0xA6))
        ) =>
        {
            3
        }
        _ => 0,
    }
}

/// `line.split(SEPARATORS)`, found by `memchr` on the separators' first
/// bytes rather than character by character.
fn split_separators(line: &str) -> impl Iterator<Item = &str> {
    let b = line.as_bytes();
    let mut cuts = memchr::memchr3_iter(b'|', 0xC2, 0xE2, b).filter_map(move |i| {
        let len = separator_len(b, i);
        (len > 0).then_some(i..i + len)
    });
    // Where the next part starts; `None` once the last part was given.
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        let cut = cuts.next();
        from = cut.as_ref().map(|c| c.end);
        Some(&line[start..cut.map_or(line.len(), |c| c.start)])
    })
}

/// A headline in a run of inline-bulleted headlines: 2 to 16 words, most of
/// them capitalised, no full stop, comma or semicolon at its end.
fn is_title(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase()))
        .count();
    (2..=16).contains(&words.len())
        && capitalised * 100 >= words.len() * 60
        && !part.trim_end().ends_with(['.', ',', ';'])
}

/// The fewest words a line of capitalised words holds to count as labels.
const MIN_RUN_WORDS: usize = 12;

/// A line of many capitalised words and no sentence punctuation, such as a
/// country picker or a run of section names without separators: its words
/// count as labels. A title in Title Case is told apart by its capitalised
/// function words ("In", "Your", "The"), which a run of names lacks.
fn capitalised_run(line: &str) -> Option<usize> {
    // The words and the spaces between them take a byte each at least.
    if line.len() < 2 * MIN_RUN_WORDS - 1
        || line.trim_end().ends_with(['.', '!', '?', ',', ';', ':'])
        || sentence_break(line)
    {
        return None;
    }
    // One pass, no list of words: a paragraph without a full stop is long.
    let (mut words, mut capitalised) = (0, 0);
    for w in line.split_whitespace() {
        words += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            if crate::lang::is_english_function_word(w) {
                return None; // a title in Title Case
            }
            capitalised += 1;
        }
    }
    (words >= MIN_RUN_WORDS && capitalised * 100 >= words * 85).then_some(words)
}

/// A full stop after a lower-case letter, then a space: a sentence ends
/// there ("F.Y.R. Macedonia" and "U.S. Virgin Islands" are abbreviations).
fn sentence_break(line: &str) -> bool {
    crate::analyze::full_stops_before_space(line)
        .any(|i| line[..i].chars().next_back().is_some_and(char::is_lowercase))
}

fn is_label(part: &str, max_words: usize) -> bool {
    let part = strip_number(part);
    if part.is_ascii() { is_ascii_label(part, max_words) } else { is_any_label(part, max_words) }
}

/// The most characters of a script without spaces in a label.
const UNSPACED_LABEL_CHARS: usize = 24;

/// [`is_label`] for a part in any script.
fn is_any_label(part: &str, max_words: usize) -> bool {
    // Counted only as far as the limit: a paragraph is no label, and says so early.
    let words = part.split_whitespace().take(max_words + 1).count();
    if words == 0 || words > max_words {
        return false;
    }
    // In a script without spaces a word is a phrase: a part of more than
    // `UNSPACED_LABEL_CHARS` of its characters is a line of text written
    // without punctuation ("一早出發 沿著蜿蜒的山路慢慢往上開 車窗外的霧氣一層一層散開"),
    // no label.
    if part.chars().filter(|&c| crate::lang::is_unspaced(c)).nth(UNSPACED_LABEL_CHARS).is_some() {
        return false;
    }
    let Some(first) = part.chars().find(|c| c.is_alphanumeric()) else { return false };
    let capital_or_caseless = first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase());
    // Table rows, headers and code carry numbers, colons and equals signs.
    let numeric = part.split_whitespace().any(|w| w.bytes().filter(u8::is_ascii_digit).count() >= 2);
    words >= 1
        && !numeric
        && !part.contains([':', '=', '(', '{', '<'])
        && words <= max_words
        && capital_or_caseless
        && !part.trim_end().ends_with(['.', '!', '?', ',', ';', ':', '。', '！', '？', '，', '；', '：'])
}

/// [`is_label`] for an ASCII part, in one pass over its bytes: its first
/// letter or digit must be a capital, it has at most `max_words` words, no
/// word with two digits, none of `: = ( { <`, and no sentence punctuation
/// at its end.
fn is_ascii_label(part: &str, max_words: usize) -> bool {
    let bytes = part.as_bytes();
    if !bytes.iter().find(|b| b.is_ascii_alphanumeric()).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let (mut words, mut in_word, mut digits) = (0, false, 0);
    for &b in bytes {
        // What `char::is_whitespace` says of ASCII.
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            in_word = false;
            continue;
        }
        if !in_word {
            (in_word, digits) = (true, 0);
            words += 1;
            if words > max_words {
                return false;
            }
        }
        digits += usize::from(b.is_ascii_digit());
        if digits >= 2 || matches!(b, b':' | b'=' | b'(' | b'{' | b'<') {
            return false;
        }
    }
    words >= 1 && !part.trim_end().ends_with(['.', '!', '?', ',', ';'])
}

fn starts_numbered(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| is_space(c) || c == '*' || c == '-');
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(['.', ')'])
}

/// `3. Label` → `Label`.
fn strip_number(part: &str) -> &str {
    let digits = part.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = part[digits..].strip_prefix(['.', ')'])
    {
        return rest.trim_start();
    }
    part
}

/// Runs of view positions holding an empty numbered list.
fn empty_numbered_runs(
    doc: &Document<'_>,
    view: &[usize],
    min_items: usize,
    max_start: u32,
) -> Vec<Range<usize>> {
    let bare = |k: usize| doc.blocks[view[k]].bare_numbers;
    let titled = |k: usize| doc.blocks[view[k]].titled_numbers;
    let mut runs = Vec::new();
    let mut k = 0;
    while k < view.len() {
        if !bare(k) && !titled(k) {
            k += 1;
            continue;
        }
        // Extend the run while every line continues the numbering; only its
        // first block may carry a title above its numbers.
        let start = k;
        let mut items = 0;
        let mut expected: Option<u32> = None;
        let mut first_index = 0;
        'blocks: while k < view.len() && (bare(k) || (k == start && titled(k))) {
            let title = usize::from(!bare(k));
            for line in doc.lines(view[k]).skip(title) {
                let LineShape::Numbered { index, .. } = line_shape(line) else { break 'blocks };
                match expected {
                    None => first_index = index,
                    Some(e) if e != index => break 'blocks,
                    Some(_) => {}
                }
                expected = Some(index.saturating_add(1));
                items += 1;
            }
            k += 1;
        }
        if items >= min_items && first_index <= max_start && k > start {
            runs.push(start..k);
        }
        if k == start {
            k += 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_labels_name_a_speaker_and_a_time() {
        for label in ["Maya Chen (00:00):", "Daniel Okafor [12:41]:", "Dr. Anne-Marie O'Neil (1:02:33):"] {
            assert!(speaker_label(label), "{label}");
        }
        for line in [
            "Maya Chen (00:00)",
            "Call us (555):",
            "Meeting (10:30 am):",
            "The quarterly results, as reported by the company (12:00):",
            "Final score (2-1):",
            "(00:14):",
        ] {
            assert!(!speaker_label(line), "{line}");
        }
    }

    #[test]
    fn ascii_labels_agree_with_the_general_test() {
        let parts = [
            "News",
            "World News",
            "Home Page Top Stories Now",
            "Home Page Top Stories Now Here",
            "news",
            "3 Sports",
            "Covid-19",
            "A1 B2",
            "Table 12",
            "Key: value",
            "x = 1",
            "Call (555)",
            "Done.",
            "Why?",
            "Stop,",
            "  Padded Label  ",
            "Tab\tSeparated",
            "Vertical\u{0B}Tab",
            "",
            "   ",
            "42",
            "iPhone Deals",
            "*",
            "Price $99",
            "Go!",
            "Ends;",
            "Open {",
            "<b>Bold</b>",
        ];
        for part in parts {
            for max_words in [1, 2, 4] {
                assert_eq!(
                    is_ascii_label(part, max_words),
                    is_any_label(part, max_words),
                    "{part:?} {max_words}"
                );
            }
        }
    }

    #[test]
    fn contents_items_key_like_their_headings() {
        assert_eq!(heading_key("o Setting up"), heading_key("Setting up¶"));
        assert_eq!(
            heading_key("+ Sharing with a single developer"),
            heading_key("Sharing with a single developer")
        );
        assert_ne!(heading_key("Orders"), heading_key("ders"));
    }

    #[test]
    fn separator_scan_agrees_with_the_separators() {
        for sep in SEPARATORS {
            assert!(may_separate(&format!("Home {sep} World.")), "{sep}");
        }
        assert!(may_separate("News * Sport."));
        for line in ["", "|", "Home | News", "a·b•c»d›e▪f■g●h◦i", "“It’s” — done… ||", "Café | naïve ·"]
        {
            assert_eq!(
                split_separators(line).collect::<Vec<_>>(),
                line.split(SEPARATORS).collect::<Vec<_>>()
            );
        }
        // Curly quotes, dashes and ellipses share the lead byte E2 80.
        assert!(!may_separate("“It’s done” — he said… and left."));
        assert!(!may_separate("Café, naïve, façade."));
    }

    #[test]
    fn echoed_lines_are_counted_exactly() {
        assert_eq!(
            echoes("How Stores Price Goods How Stores Price Goods How Stores Price Goods", 3, 3),
            Some(3)
        );
        assert_eq!(echoes("  a b c a b c a b c a b c ", 3, 3), Some(4));
        assert_eq!(echoes("a b c a b c", 3, 3), None);
        assert_eq!(echoes("a b c a b c a b d", 3, 3), None);
        assert_eq!(echoes("a b a b a b", 3, 3), None);
        assert_eq!(echoes("go go go go go go", 3, 3), None);
        assert_eq!(echoes("価格の決め方 価格の決め方 価格の決め方", 3, 3), Some(3));
        assert_eq!(echoes("", 3, 3), None);
        assert_eq!(echoes("é é é", 3, 1), Some(3));
    }
}
