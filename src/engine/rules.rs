//! The rules stage: `keep` rules, structure rules, then phrase and regex
//! rules in load order, the first to fire deciding.
//!
//! Rules run in two rounds. The first runs every rule whose position does not
//! depend on where the body is. Then the body is located — the first and last
//! long paragraphs that no rule dropped and that are not in a language the
//! policy drops — and the second round runs the `head` and `tail` rules. So a
//! disclaimer paragraph is never mistaken for the start of the body, and
//! cleaning clean text finds the same head.

use std::ops::Range;

use super::language::{LangPolicy, confident_lang};
use super::{decide, undecided};
use crate::analyze::{Analyzed, mapped_form, redetect};
use crate::lang::LangDetector;
use crate::report::{BlockReport, DecidedBy, Decision};
use crate::rules::compile::BlockForm;
use crate::rules::spec::{Action, Position, Structure};
use crate::rules::{CompiledRule, Firing, RuleSet};
use crate::segment::{LineShape, Segmented};

/// One document's text, lines and analysed blocks.
pub(super) struct Document<'a> {
    pub text: &'a str,
    pub seg: &'a Segmented,
    pub blocks: &'a [Analyzed],
}

/// Where the body is: the first and last body paragraphs.
struct Body {
    len: usize,
    first: Option<usize>,
    last: Option<usize>,
}

impl Body {
    fn in_position(&self, i: usize, position: Position) -> bool {
        match position {
            Position::Anywhere => true,
            Position::Head => self.first.is_none_or(|p| i < p),
            Position::Tail => self.last.is_none_or(|p| i > p),
            Position::First(n) => i < n,
            Position::Last(n) => i + n >= self.len,
        }
    }
}

fn regional(position: Position) -> bool {
    matches!(position, Position::Head | Position::Tail)
}

/// Applies the rules to the blocks of one document.
pub(super) fn apply_rules(
    rules: &RuleSet,
    doc: &Document<'_>,
    policy: &LangPolicy,
    reports: &mut [BlockReport],
) {
    let blocks = doc.blocks;
    let firings: Vec<Vec<Firing>> = blocks
        .iter()
        .map(|b| {
            let form = BlockForm { text: b.form.as_str(), lines: &b.line_ranges };
            let mut f = rules.fire(form);
            f.retain(|f| applies(&rules.rules()[f.rule], b));
            f
        })
        .collect();
    let unlocated = Body { len: blocks.len(), first: None, last: None };
    round(rules, doc, &firings, &unlocated, |p| !regional(p), reports);
    let is_body = |i: usize| {
        blocks[i].prose
            && undecided(&reports[i])
            && confident_lang(&blocks[i]).is_none_or(|tag| policy.keeps(tag, &blocks[i]))
    };
    let body = Body {
        len: blocks.len(),
        first: (0..blocks.len()).find(|&i| is_body(i)),
        last: (0..blocks.len()).rev().find(|&i| is_body(i)),
    };
    round(rules, doc, &firings, &body, regional, reports);
}

/// Whether a rule's `[when]` conditions other than position hold for a block.
fn applies(rule: &CompiledRule, block: &Analyzed) -> bool {
    let when = &rule.spec.when;
    if !when.lang.is_empty() && !block.lang.primary().is_some_and(|p| when.lang.iter().any(|l| l == p)) {
        return false;
    }
    when.min_chars.is_none_or(|n| block.chars >= n)
        && when.max_chars.is_none_or(|n| block.chars <= n)
        && when.max_lines.is_none_or(|n| block.lines <= n)
}

/// One round: the rules whose position `in_round` accepts, on blocks no
/// earlier round decided.
fn round(
    rules: &RuleSet,
    doc: &Document<'_>,
    firings: &[Vec<Firing>],
    body: &Body,
    in_round: impl Fn(Position) -> bool,
    reports: &mut [BlockReport],
) {
    let rule = |f: &Firing| &rules.rules()[f.rule];
    let fires = |f: &Firing, i: usize| {
        let position = rule(f).spec.when.position;
        in_round(position) && body.in_position(i, position)
    };
    for (i, f) in firings.iter().enumerate() {
        if reports[i].by != DecidedBy::Default {
            continue;
        }
        if let Some(keep) = f.iter().find(|f| rule(f).spec.action == Action::Keep && fires(f, i)) {
            decide(&mut reports[i], Decision::Keep, DecidedBy::Rule, Some(rule(keep)), keep.evidence.clone());
        }
    }
    for r in rules.rules().iter().filter(|r| in_round(r.spec.when.position)) {
        let Some(structure) = r.structure() else {
            continue;
        };
        for run in structure_runs(structure, doc.seg, doc.blocks) {
            if !body.in_position(run.start, r.spec.when.position) {
                continue;
            }
            let evidence = vec![format!("{} numbered items with no content", run.len())];
            for i in run {
                if reports[i].by != DecidedBy::Default {
                    continue;
                }
                decide(&mut reports[i], Decision::Drop, DecidedBy::Rule, Some(r), evidence.clone());
            }
        }
    }
    let mut rest: Option<(usize, usize)> = None; // (rule, block) of a drop-rest
    for (i, f) in firings.iter().enumerate() {
        if reports[i].by != DecidedBy::Default {
            continue;
        }
        if let Some((r, from)) = rest {
            let evidence = vec![format!("after block {from}")];
            decide(&mut reports[i], Decision::Drop, DecidedBy::Rule, Some(&rules.rules()[r]), evidence);
            continue;
        }
        let live: Vec<&Firing> = f.iter().filter(|f| fires(f, i)).collect();
        match live.iter().find(|f| rule(f).spec.action != Action::StripSpan) {
            Some(first) => {
                decide(
                    &mut reports[i],
                    Decision::Drop,
                    DecidedBy::Rule,
                    Some(rule(first)),
                    first.evidence.clone(),
                );
                if rule(first).spec.action == Action::DropRest {
                    rest = Some((first.rule, i));
                }
            }
            None => strip(rules.rules(), &live, doc, i, &mut reports[i]),
        }
    }
}

/// Cuts the spans of the strip-span firings `f` from block `i`.
fn strip(rules: &[CompiledRule], f: &[&Firing], doc: &Document<'_>, i: usize, report: &mut BlockReport) {
    let Some(first) = f.first() else { return };
    // The byte map is built only here: most blocks are never cut.
    let form = mapped_form(doc.text, doc.seg, &doc.seg.blocks[i]);
    let mut cut: Vec<Range<usize>> =
        f.iter().flat_map(|f| f.spans.iter()).map(|s| form.original_range(s.clone())).collect();
    cut.sort_by_key(|r| r.start);
    let evidence = f.iter().flat_map(|f| f.evidence.iter().cloned()).collect();
    decide(report, Decision::Strip, DecidedBy::Rule, Some(&rules[first.rule]), evidence);
    report.stripped = cut;
}

/// A block cut to nothing is dropped; what remains of a cut block has its
/// language detected again, since the cut span (a dateline, say) is not body.
pub(super) fn settle_stripped(
    text: &str,
    detector: &LangDetector,
    blocks: &mut [Analyzed],
    reports: &mut [BlockReport],
) {
    for (b, r) in blocks.iter_mut().zip(reports.iter_mut()) {
        if r.decision != Decision::Strip {
            continue;
        }
        let rest = super::emit::remaining(text, r);
        if rest.trim_matches(crate::segment::is_space).is_empty() {
            r.decision = Decision::Drop;
            continue;
        }
        redetect(b, &rest, detector);
        r.lang = b.lang.tag;
        r.confidence = b.lang.confidence;
        r.lang_method = b.lang.method;
    }
}

/// Runs of blocks the empty-numbered-list detector finds, as block index ranges.
fn structure_runs(structure: Structure, seg: &Segmented, blocks: &[Analyzed]) -> Vec<Range<usize>> {
    let Structure::EmptyNumberedList { min_items, max_start } = structure;
    let mut runs = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if !blocks[i].bare_numbers {
            i += 1;
            continue;
        }
        // Extend the run while every line continues the numbering.
        let start = i;
        let mut items = 0;
        let mut expected: Option<u32> = None;
        let mut first_index = 0;
        'blocks: while i < blocks.len() && blocks[i].bare_numbers {
            for line in seg.lines_of(&seg.blocks[i]) {
                let LineShape::Numbered { index, .. } = line.shape else {
                    break 'blocks;
                };
                match expected {
                    None => first_index = index,
                    Some(e) if e != index => break 'blocks,
                    Some(_) => {}
                }
                expected = Some(index.saturating_add(1));
                items += 1;
            }
            i += 1;
        }
        if items >= min_items && first_index <= max_start && i > start {
            runs.push(start..i);
        }
        if i == start {
            i += 1;
        }
    }
    runs
}
