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
//! Lefèvre" over her date and the buttons). Only blocks that no rule
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
const NAME_CHARS: usize = 40;
const NAME_PARTICLES: [&str; 8] = ["de", "da", "di", "du", "von", "van", "der", "le"];

/// The evidence when every line of block `i` is chrome (the rules that
/// drop each line, in order), or `None`; asked once per block.
pub(super) fn chrome_lines<'d>(doc: &'d Document<'_>, i: usize) -> Option<&'d str> {
    doc.chrome_lines[i].get_or_init(|| every_line_dropped(doc, i)).as_deref()
}

fn every_line_dropped(doc: &Document<'_>, i: usize) -> Option<String> {
    let rules = doc.rules.rules();
    let block = &doc.blocks[i];
    let form = block.form.as_str();
    let mut ids: Vec<&str> = Vec::new();
    let mut anywhere = false;
    for (n, range) in block.line_ranges.iter().enumerate() {
        let line = &form[range.clone()];
        let chars = line.chars().filter(|&c| c != ' ').count();
        if chars > MAX_LINE_CHARS {
            return None;
        }
        let whole = 0..line.len();
        let firings = doc.rules.fire(BlockForm { text: line, lines: std::slice::from_ref(&whole), chars });
        let mut drop: Option<&CompiledRule> = None;
        for r in firings.iter().map(|f| &rules[f.rule]).filter(|r| applies_sized(r, chars, 1, block)) {
            match r.spec.action {
                action if action.keeps() => return None,
                // A rule for anywhere is the one named.
                Action::DropBlock | Action::DropWithLink
                    if drop.is_none_or(|d| d.spec.when.position != Position::Anywhere) =>
                {
                    drop = Some(r);
                }
                _ => {}
            }
        }
        // A byline's name, with no "By" before it, over its date and the
        // buttons ("Ouest-France Marie Lefèvre." over "Publié le …" over
        // "Écouter", "Partager"): no rule drops a name alone.
        let Some(drop) = drop else {
            if n == 0
                && block.line_ranges.len() >= NAME_BLOCK_LINES
                && doc.lines(i).next().is_some_and(name_line)
            {
                ids.push("a name");
                continue;
            }
            return None;
        };
        anywhere |= drop.spec.when.position == Position::Anywhere;
        ids.push(&drop.spec.id.value);
    }
    (anywhere && ids.len() >= 2).then(|| format!("every line is chrome: {}", ids.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::name_line;

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
