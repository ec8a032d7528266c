//! The `chrome-lines` detector: a block of short lines each of which a
//! drop rule drops when the line stands alone.
//!
//! Rules decide whole blocks, and a scraper often puts different kinds of
//! chrome into one block: under a German teaser, "Von Anna Schmidt, Berlin",
//! the date, "Artikel anhören • 4 Min", "Zur Merkliste hinzufügen", "Link
//! kopieren", "Teilen" — a byline, a player's label, a bookmark button and
//! share buttons, one rule each. Each line of the block's matching form is
//! asked of every phrase and regex rule as a block of its own; the block is
//! chrome when every line is dropped by a `drop-block` or `drop-with-link`
//! rule (its `[when]` size conditions hold for the line and its language
//! ones for the block; its position is not asked), no line is kept by a
//! `keep` rule, and at least one line's rule applies anywhere. In a block
//! of three lines or more, the first may instead be a name ("Marie
//! Lefèvre" over her date and the buttons), and any line may be a counter
//! ("18" under "Reply" and "Share"). Only blocks that no rule
//! matched as a whole are asked about (`structure.rs`).

use super::rules::{Document, applies_sized};
use crate::rules::CompiledRule;
use crate::rules::compile::BlockForm;
use crate::rules::spec::{Action, Position};

/// The most non-space characters of a line the detector looks at: chrome is
/// short, and a long line is read by no one as a button.
const MAX_LINE_CHARS: usize = 120;

/// The fewest lines of a block whose first line may be a name.
const NAME_BLOCK_LINES: usize = 3;

/// A name on a line of its own, in the original text: two to
/// `NAME_WORDS` words, each capitalised or a particle of a name ("de",
/// "von", "van"), no figure, at most `NAME_CHARS` characters, a full stop at
/// most after it ("Ouest-France Marie Lefèvre.", "Anna Schmidt").
fn name_line(line: &str) -> bool {
    let line = line.trim().trim_end_matches('.');
    crate::segment::at_most_chars(line, NAME_CHARS)
        && (2..=NAME_WORDS).contains(&line.split_whitespace().count())
        && !line.contains(|c: char| c.is_numeric() || matches!(c, '?' | '!' | ':' | ',' | ';'))
        && line.split_whitespace().all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
}

const NAME_WORDS: usize = 5;
/// The fewest words of a title that [`chrome_tail`] tells from a name
/// when a rule matched the block.
const TITLE_WORDS: usize = 4;
const NAME_CHARS: usize = 40;
const NAME_PARTICLES: [&str; 8] = ["de", "da", "di", "du", "von", "van", "der", "le"];

/// The evidence when every line of block `i` is chrome (the rules that
/// drop each line, in order), or `None`; asked once per block.
pub(super) fn chrome_lines<'d>(doc: &'d Document<'_>, i: usize) -> Option<&'d str> {
    doc.chrome_lines[i].get_or_init(|| every_line_dropped(doc, i)).as_deref()
}

fn every_line_dropped(doc: &Document<'_>, i: usize) -> Option<String> {
    let block = &doc.blocks[i];
    let form = block.form.as_str();
    let mut ids: Vec<&str> = Vec::new();
    let mut anywhere = false;
    for (n, range) in block.line_ranges.iter().enumerate() {
        match line_verdict(doc, i, n) {
            Verdict::Dropped(drop) => {
                anywhere |= drop.spec.when.position == Position::Anywhere;
                ids.push(&drop.spec.id.value);
            }
            // A byline's name, with no "By" before it, over its date and the
            // buttons ("Ouest-France Marie Lefèvre." over "Publié le …" over
            // "Écouter", "Partager"): no rule drops a name alone.
            Verdict::Unmatched
                if n == 0
                    && block.line_ranges.len() >= NAME_BLOCK_LINES
                    && doc.lines(i).next().is_some_and(name_line) =>
            {
                ids.push("a name");
            }
            // A breadcrumb trail ("Accueil › Économie") over the date and
            // the buttons: no rule drops one alone (inside the body it may
            // be a how-to's menu path), but beside other chrome it is the
            // page's.
            Verdict::Unmatched if crate::segment::breadcrumb(&form[range.clone()]) => {
                ids.push("a breadcrumb")
            }
            // A counter under the buttons ("Reply", "Share", "Report" over a
            // post's votes, "18"): a figure alone says nothing.
            Verdict::Unmatched if counter(&form[range.clone()]) => {}
            Verdict::Unmatched | Verdict::Kept => return None,
        }
    }
    (anywhere && ids.len() >= 2).then(|| format!("every line is chrome: {}", named(&ids)))
}

/// The evidence when every line of block `i` is chrome or a short label
/// among chrome (`tail_label`, or a line without a letter), at least
/// `min_dropped` lines are a rule's, one of them a rule for anywhere, and
/// the labels are at most one more than those lines: a page's footer
/// scraped as one block ("Edit this page", the date, "Was this page
/// helpful?" over "Yes", "No", "Previous" and the previous page's title,
/// the copyright). Not kept per block: the rule that asks is for a region.
pub(super) fn labelled_lines(doc: &Document<'_>, i: usize, min_dropped: usize) -> Option<String> {
    let block = &doc.blocks[i];
    let form = block.form.as_str();
    let label = |line: &str| tail_label(line) || !line.contains(char::is_alphabetic);
    // The lines that are no label must each be a rule's: they are asked
    // first, from the last one up (a footer ends with chrome), and a line
    // too long for a rule to be asked ends the search before any is. A
    // block of labels alone is a menu's, not this rule's.
    let (others, labels): (Vec<Numbered<'_>>, Vec<Numbered<'_>>) =
        block.line_ranges.iter().map(|r| &form[r.clone()]).enumerate().partition(|&(_, line)| !label(line));
    if others.is_empty() || others.iter().any(|&(_, line)| non_space_chars(line) > MAX_LINE_CHARS) {
        return None;
    }
    let mut dropped: Vec<(usize, &CompiledRule)> = Vec::with_capacity(block.line_ranges.len());
    for &(n, _) in others.iter().rev() {
        let Verdict::Dropped(drop) = line_verdict(doc, i, n) else { return None };
        dropped.push((n, drop));
    }
    // Then the labels, a rule's too when it drops one with a letter
    // ("Previous", "Share").
    let mut left = 0;
    for &(n, line) in &labels {
        match line_verdict(doc, i, n) {
            Verdict::Kept => return None,
            Verdict::Dropped(drop) if line.contains(char::is_alphabetic) => dropped.push((n, drop)),
            _ => left += 1,
        }
    }
    dropped.sort_by_key(|&(n, _)| n);
    let anywhere = dropped.iter().any(|(_, d)| d.spec.when.position == Position::Anywhere);
    let ids: Vec<&str> = dropped.iter().map(|(_, d)| d.spec.id.value.as_str()).collect();
    (anywhere && ids.len() >= min_dropped && left <= ids.len() + 1)
        .then(|| format!("every line is chrome or a label among it: {}", named(&ids)))
}

/// Whether block `i` has lines with sentence punctuation and a rule for
/// anywhere drops each of them taken alone: the copyright line that closes a footer ("©
/// 2026 Dagblad Voorbeeld. Alle rechten voorbehouden.") or a newsletter's
/// prompt among the footer's links and the titles of other stories. Such a
/// block's punctuation is chrome's, and it holds no sentence of a reader's.
/// Lines under a line that a `drop-rest` rule drops alone (a comment
/// section's heading, "3 Gedanken zu „…“") are the readers' and count as
/// chrome.
/// A rule for a region is not asked: an encyclopedia's notes under its
/// title ("This article is about …"), which a rule drops only below the
/// body's first paragraph, open the body.
/// A block of one line is its own line and is not asked; a paragraph's
/// lines are turned away at the first punctuated one that no rule drops.
pub(super) fn punctuation_is_chrome(doc: &Document<'_>, i: usize) -> bool {
    let block = &doc.blocks[i];
    if block.line_ranges.len() < 2 {
        return false;
    }
    *doc.chrome_punctuation[i].get_or_init(|| punctuated_lines_dropped(doc, i))
}

fn punctuated_lines_dropped(doc: &Document<'_>, i: usize) -> bool {
    // Read first, without asking a rule: a block of chrome has mostly short
    // lines, and a punctuated line too long for a rule to be asked about
    // is a reader's. Most blocks stop here.
    let (mut short, mut lines) = (0, 0);
    for raw in doc.lines(i) {
        let chars = non_space_chars(raw);
        if chars > MAX_LINE_CHARS && crate::analyze::line_punctuated(raw) {
            return false;
        }
        short += usize::from(chars <= SHORT_LINE_CHARS);
        lines += 1;
    }
    if 2 * short < lines {
        return false;
    }
    let mut any = false;
    for (n, raw) in doc.lines(i).enumerate() {
        // A comment section's heading ("3 Gedanken zu „…“", "Leave a
        // Reply"): what stands under it is the readers', not the article's.
        let rules = line_rules(doc, i, n);
        if rules.iter().any(|r| r.spec.action == Action::DropRest) {
            return true;
        }
        if crate::analyze::line_punctuated(raw) {
            any = true;
            let chrome = matches!(verdict(rules),
                Verdict::Dropped(drop) if drop.spec.when.position == Position::Anywhere);
            if !chrome {
                return false;
            }
        }
    }
    any
}

/// The most non-space characters of a short line: at least half a block's
/// lines are such for its punctuation to be asked about.
const SHORT_LINE_CHARS: usize = 40;

/// A line of at most `COUNTER_CHARS` characters with a figure and no
/// letter: a count of votes, likes or views ("18", "1,204").
fn counter(line: &str) -> bool {
    let line = line.trim();
    crate::segment::at_most_chars(line, COUNTER_CHARS)
        && line.contains(|c: char| c.is_ascii_digit())
        && !line.contains(char::is_alphabetic)
}

const COUNTER_CHARS: usize = 8;

/// The characters of `line` other than spaces, as the rules' size
/// conditions count them.
fn non_space_chars(line: &str) -> usize {
    line.chars().filter(|&c| c != ' ').count()
}

/// A line of a block with its number in the block.
type Numbered<'l> = (usize, &'l str);

/// What the rules say of one line of block `i` taken as a block of its own.
enum Verdict<'d> {
    /// A `keep` rule keeps it.
    Kept,
    /// This `drop-block` or `drop-with-link` rule drops it (one for
    /// anywhere, when several do).
    Dropped(&'d CompiledRule),
    /// No rule decides it, or it is too long to be asked.
    Unmatched,
}

/// The rules' verdict on line `n` of block `i`'s matching form: its
/// `[when]` size conditions for the line and its language ones for the
/// block; its position is not asked.
fn line_verdict<'d>(doc: &'d Document<'_>, i: usize, n: usize) -> Verdict<'d> {
    verdict(line_rules(doc, i, n))
}

/// The verdict of the rules that fire on a line (`line_rules`).
fn verdict(rules: Vec<&CompiledRule>) -> Verdict<'_> {
    let mut drop: Option<&CompiledRule> = None;
    for r in rules {
        match r.spec.action {
            action if action.keeps() => return Verdict::Kept,
            // A rule for anywhere is the one named.
            Action::DropBlock | Action::DropWithLink
                if drop.is_none_or(|d| d.spec.when.position != Position::Anywhere) =>
            {
                drop = Some(r);
            }
            _ => {}
        }
    }
    drop.map_or(Verdict::Unmatched, Verdict::Dropped)
}

/// The rules that fire on line `n` of block `i`'s matching form taken
/// as a block of its own, and whose `[when]` size conditions hold for the
/// line and language ones for the block (position not asked), in rule
/// order; none for a line of more than `MAX_LINE_CHARS` characters.
fn line_rules<'d>(doc: &'d Document<'_>, i: usize, n: usize) -> Vec<&'d CompiledRule> {
    let block = &doc.blocks[i];
    let form = block.form.as_str();
    let range = block.line_ranges[n].clone();
    let line = &form[range.clone()];
    let chars = non_space_chars(line);
    if chars > MAX_LINE_CHARS {
        return Vec::new();
    }
    let whole = 0..line.len();
    let capitals = block.capitals().shifted(range.start);
    let firings =
        doc.rules.fire(BlockForm { text: line, lines: std::slice::from_ref(&whole), chars, capitals });
    let rules = doc.rules.rules();
    firings.iter().map(|f| &rules[f.rule]).filter(|r| applies_sized(r, chars, 1, block)).collect()
}

/// The chrome under the first line of block `i`: the index of the first
/// line of its last lines when each is dropped by a rule taken alone (as
/// for [`chrome_lines`]; the last line must be, or have no letter) or is a
/// short label among them ("Mariana Lopes",
/// "São Paulo", a tag), at least `min_dropped` are a rule's, one of them a
/// rule for anywhere, the labels are at most one more than the lines a
/// rule drops (a post's three tags over its two dates), and a line above
/// them is no label (or, unless `titled`, three lines or more are a
/// rule's); with the evidence. A standfirst or a title over its byline, its
/// date and share buttons, scraped as one block, keeps the standfirst or
/// the title. A block `long`er than any byline box is no name over its
/// chrome, whatever its first line (a poem's title of two words over its
/// lines, "Share" and a sign-up line).
pub(super) fn chrome_tail(
    doc: &Document<'_>,
    i: usize,
    min_dropped: usize,
    titled: bool,
    long: bool,
) -> Option<(usize, String)> {
    let block = &doc.blocks[i];
    let form = block.form.as_str();
    let mut start = None;
    let (mut dropped, mut labels, mut anywhere) = (0, 0, false);
    let mut ids: Vec<&str> = Vec::new();
    for (n, range) in block.line_ranges.iter().enumerate().skip(1).rev() {
        let line = &form[range.clone()];
        let verdict = line_verdict(doc, i, n);
        // The last line is a rule's (a button, a date) or has no letter (a
        // counter, "12"): a menu's last label is neither, and most blocks
        // are asked about that line alone.
        if start.is_none()
            && !(matches!(verdict, Verdict::Dropped(_))
                || (matches!(verdict, Verdict::Unmatched) && !line.contains(char::is_alphabetic)))
        {
            return None;
        }
        match verdict {
            // A line of list markers alone ("*", "+") counts as a label.
            Verdict::Dropped(drop) if line.contains(char::is_alphabetic) => {
                dropped += 1;
                anywhere |= drop.spec.when.position == Position::Anywhere;
                ids.push(&drop.spec.id.value);
            }
            Verdict::Dropped(_) => labels += 1,
            Verdict::Unmatched if tail_label(line) => labels += 1,
            Verdict::Unmatched | Verdict::Kept => break,
        }
        start = Some(n);
    }
    ids.reverse();
    let start = start?;
    // A byline's name over its date and buttons, or a first line that a
    // rule drops, is chrome too: the whole block is the other rules'. When
    // a rule matched the block, a title of `TITLE_WORDS` capitalised words
    // ("Easy Roasted Tomato Soup") over the chrome is more likely than a
    // name of as many.
    let name =
        |line: &str| !long && name_line(line) && !(titled && line.split_whitespace().count() >= TITLE_WORDS);
    if doc.lines(i).next().is_some_and(name) || matches!(line_verdict(doc, i, 0), Verdict::Dropped(_)) {
        return None;
    }
    // What stays says more than a label ("Reblog" over "Share", "Tweet"),
    // and is not the buttons' labels run together ("Continue reading the
    // main story Share This Page" over "Continue reading the main story").
    let above = &form[..block.line_ranges[start - 1].end];
    // Three lines of rules' chrome or more under one label (a short
    // title in Japanese or Chinese, "ぶり大根", over a recipe's facts and
    // its buttons) leave that label to stand alone, as it stands when the
    // page has blank lines between them; unless `titled` asks for more
    // than a label above.
    let text_above = (dropped >= TITLE_OVER_CHROME && !titled)
        || block.line_ranges[..start].iter().any(|r| !tail_label(&form[r.clone()]));
    let echoed = block.line_ranges[start..].iter().any(|r| {
        let line = form[r.clone()].trim();
        line.contains(' ') && above.contains(line)
    });
    (anywhere && dropped >= min_dropped && labels <= dropped + 1 && text_above && !echoed).then(|| {
        let evidence =
            format!("{} lines under the first are chrome: {}", block.line_ranges.len() - start, named(&ids));
        (start, evidence)
    })
}

/// The chrome over the rest of block `i`: the index of the first line that
/// stays when the block's first lines are each dropped by a rule taken
/// alone (as for [`chrome_lines`]) or have no letter (a list marker, a
/// counter), at least `min_dropped` of them with a letter, each by a
/// rule whose position takes in the page's head (`anywhere`, `head`,
/// `outside`, or `first` blocks that hold this one); the head stops at the
/// first other line, which must be no short label; with the evidence. A byline and a date,
/// or a wiki's tagline and its "Jump to" links, scraped into one block
/// with the first paragraph, leave the paragraph.
pub(super) fn chrome_head(doc: &Document<'_>, i: usize, min_dropped: usize) -> Option<(usize, String)> {
    let block = &doc.blocks[i];
    let form = block.form.as_str();
    // A rule whose position takes in the page's head: the lines stand
    // over the first paragraph.
    let in_head = |drop: &CompiledRule| {
        let position = drop.spec.when.position;
        position.reaches_head() || matches!(position, Position::First(n) if i < n)
    };
    let mut ids: Vec<&str> = Vec::new();
    let mut start = 0;
    for (n, range) in block.line_ranges.iter().enumerate() {
        let line = &form[range.clone()];
        match line_verdict(doc, i, n) {
            // A line a rule drops only in the body stays ("This article is
            // about …" under an encyclopedia's tagline).
            Verdict::Dropped(drop) if line.contains(char::is_alphabetic) && in_head(drop) => {
                ids.push(&drop.spec.id.value);
            }
            Verdict::Dropped(_) | Verdict::Unmatched if !line.contains(char::is_alphabetic) => {}
            Verdict::Dropped(_) | Verdict::Unmatched | Verdict::Kept => break,
        }
        start += 1;
    }
    // Right under the head, text: not a label (a menu under a button, a
    // photo's "Buy Photo" and "Caption" over the caption: chrome no rule
    // knows), and not the end of the block (a block of chrome alone is the
    // `chrome-lines` rule's).
    let text_under = block.line_ranges.get(start).is_some_and(|r| !tail_label(&form[r.clone()]));
    (ids.len() >= min_dropped && text_under).then(|| {
        let head =
            if start == 1 { "its first line is".to_owned() } else { format!("its first {start} lines are") };
        let evidence = format!("{head} chrome over the rest: {}", named(&ids));
        (start, evidence)
    })
}

/// Whether the first line of block `i`, taken alone, is dropped by a
/// `drop-rest` rule (its size and language conditions met, its position not
/// asked): a comment section's heading ("12 Kommentare") over the comments
/// and the form, in one block. With the evidence, as a cut from line 0.
pub(super) fn rest_line(doc: &Document<'_>, i: usize) -> Option<(usize, String)> {
    if doc.blocks[i].line_ranges.is_empty() {
        return None;
    }
    let rest = line_rules(doc, i, 0).into_iter().find(|r| r.spec.action == Action::DropRest)?;
    Some((0, format!("its first line opens the page's rest: {}", rest.spec.id.value)))
}

/// A short label among chrome lines: at most `LABEL_WORDS` words and
/// `LABEL_CHARS` characters (`UNSPACED_LABEL_CHARS` in a script without
/// spaces), ending no sentence (a name, a
/// place, a tag, a counter: "São Paulo", "字数 1,286").
fn tail_label(line: &str) -> bool {
    let line = line.trim();
    let chars = if line.contains(crate::lang::is_unspaced) { UNSPACED_LABEL_CHARS } else { LABEL_CHARS };
    line.split_whitespace().count() <= LABEL_WORDS
        && crate::segment::at_most_chars(line, chars)
        && !crate::segment::ends_sentence(line)
        && !line.ends_with([',', ';', ':', '：', '，'])
}

/// The fewest lines a rule drops under a label that [`chrome_tail`] cuts
/// from it.
const TITLE_OVER_CHROME: usize = 3;

const LABEL_WORDS: usize = 3;
const LABEL_CHARS: usize = 24;
/// The most characters of such a label in a script without spaces
/// ("パフォーマンス", "字数 1,286"): a title there is longer.
const UNSPACED_LABEL_CHARS: usize = 12;

/// The rules (or kinds of line) that took the lines of a block, each named
/// once in the order first met, with how many lines it took when more than
/// one: "wiki-categories ×3, share-follow-prompt".
fn named(ids: &[&str]) -> String {
    let mut counted: Vec<(&str, usize)> = Vec::new();
    for &id in ids {
        match counted.iter_mut().find(|(seen, _)| *seen == id) {
            Some((_, n)) => *n += 1,
            None => counted.push((id, 1)),
        }
    }
    let named: Vec<String> =
        counted.iter().map(|&(id, n)| if n > 1 { format!("{id} ×{n}") } else { id.to_owned() }).collect();
    named.join(", ")
}

#[cfg(test)]
mod tests {
    use super::{name_line, named};

    #[test]
    fn evidence_names_each_rule_once_with_its_count() {
        assert_eq!(
            named(&["wiki-categories", "share", "wiki-categories", "wiki-categories"]),
            "wiki-categories ×3, share"
        );
        assert_eq!(named(&["a name", "posted-on-byline"]), "a name, posted-on-byline");
    }

    #[test]
    fn names_are_told_from_titles_and_sentences() {
        assert!(name_line("Ouest-France Marie Lefèvre."));
        assert!(name_line("Anna Schmidt"));
        assert!(name_line("Ludwig van Beethoven"));
        assert!(!name_line("Redaktion"));
        assert!(!name_line("Le tramway sera prolongé jusqu'à la gare"));
        assert!(!name_line("Publié le 28/11/2024"));
        assert!(!name_line("Why Small Teams Are Moving Back To A Single Server"));
    }
}
