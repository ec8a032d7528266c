//! The context pass: short heading-like blocks, and blurbs above the body, follow their neighbours.

use crate::analyze::Analyzed;
use crate::report::{BlockReport, DecidedBy, Decision};
use crate::rules::RuleSet;
use crate::rules::spec::Position;

use super::{LangPolicy, decide};

/// A short heading-like block that no rule decided goes when the nearest
/// longer block before it was dropped and the one after it was dropped too
/// or is the end of the document. So does a blurb above the body — a block
/// of at most two lines and `BLURB_CHARS` characters, not the one just above
/// the body, and not right under a sentence-case title (a standfirst) —
/// between dropped blocks. The start of the document does not count as
/// dropped, and the headline (the last heading above the body, which starts
/// at view position `body_start` as the rules stage found it, or above the
/// first sentence on a page without a long paragraph) is never dropped
/// here, so a headline between a dropped menu and a dropped byline stays.
/// A block dropped by a rule kept to below the body's first paragraph (an
/// encyclopedia's "Main article: …" under a section's heading) counts as
/// no dropped neighbour: it is a note inside the article.
pub(super) fn apply_context(
    blocks: &[Analyzed],
    view: &[usize],
    policy: &LangPolicy,
    rules: &RuleSet,
    body_start: Option<usize>,
    reports: &mut [BlockReport],
) {
    // A page of short paragraphs has no long one to start a body: its
    // headline is the last heading above its first sentence.
    let first_sentence = || {
        view.iter().position(|&i| {
            blocks[i].has_sentence(super::rules::SENTENCE_WORDS) && reports[i].decision != Decision::Drop
        })
    };
    let action_of = |i: usize| super::deciding_action(rules, &reports[i]);
    let headline = body_start
        .or_else(first_sentence)
        // The rules have been applied: a block one drops is dropped.
        .and_then(|f| super::headline::headline(blocks, view, policy, reports, &action_of, &|_| false, f));
    let candidate: Vec<bool> = view
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            !headline.as_ref().is_some_and(|h| h.contains(k))
                && (blocks[i].heading_like
                    || (head_blurb(&blocks[i])
                        && body_start.is_some_and(|f| k + 1 < f)
                        && !(k > 0 && sentence_case_title(&blocks[view[k - 1]]))))
                && reports[i].by == DecidedBy::Default
                && reports[i].decision == Decision::Keep
        })
        .collect();
    let mut k = 0;
    while k < view.len() {
        if !candidate[k] {
            k += 1;
            continue;
        }
        let start = k;
        while k < view.len() && candidate[k] {
            k += 1;
        }
        let prev_dropped = start > 0 && dropped_neighbour(rules, &reports[view[start - 1]]);
        // The headline ends a run above it as a dropped block would: what
        // lies between the menu and the headline is the page's.
        let next_dropped = k == view.len()
            || dropped_neighbour(rules, &reports[view[k]])
            || headline.as_ref().is_some_and(|h| h.starts_at(k));
        if prev_dropped && next_dropped {
            for &i in &view[start..k] {
                let note = "short block between dropped blocks".to_owned();
                decide(&mut reports[i], Decision::Drop, DecidedBy::Context, None, vec![note]);
            }
        }
    }
}

/// Whether a dropped block counts as dropped beside a run of short blocks:
/// a note that a rule drops inside the article (a rule kept to below the
/// body's first paragraph: "Main article: …") is no chrome around them.
fn dropped_neighbour(rules: &RuleSet, r: &BlockReport) -> bool {
    r.decision == Decision::Drop
        && !super::deciding_rule(rules, r).is_some_and(|rule| rule.spec.when.position == Position::AfterFirst)
}

/// A short block of a line or two, not a paragraph of the body: above the
/// body, between dropped blocks, it is a menu's or a promotion's blurb
/// ("Track your pain levels, triggers, and treatments.").
fn head_blurb(b: &Analyzed) -> bool {
    !b.prose && b.chars <= BLURB_CHARS && b.lines <= 2
}

/// The most non-space characters of a blurb above the body.
const BLURB_CHARS: usize = 100;

/// A sentence-case title: a standfirst may follow it, and is the article's.
fn sentence_case_title(b: &Analyzed) -> bool {
    b.heading_like && b.capital_share < 0.5
}
