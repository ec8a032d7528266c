//! One document through the stages: segment, analyse, rules, language
//! policy, context, emit.
//!
//! Precedence is fixed: a `keep` rule protects a block from everything
//! below it; then drop rules (structure rules, then phrase and regex rules in
//! load order, the first to fire deciding); then the language policy; then
//! the context pass, which decides only blocks no rule decided.

use std::ops::Range;

use crate::analyze::{Analyzed, analyze};
use crate::lang::{LangDetector, LangMethod};
use crate::report::{BlockReport, DecidedBy, Decision};
use crate::rules::compile::BlockForm;
use crate::rules::spec::{Action, Position, Structure};
use crate::rules::{CompiledRule, RuleSet};
use crate::segment::{LineShape, Segmented, segment};

/// Which block languages are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LangPolicy {
    /// Every language: only rules drop blocks.
    Any,
    /// Only these primary subtags (`en`, `zh`, …).
    Only(Vec<String>),
}

impl LangPolicy {
    fn allows(&self, tag: &str) -> bool {
        match self {
            LangPolicy::Any => true,
            LangPolicy::Only(codes) => codes.iter().any(|c| c == crate::lang::primary(tag)),
        }
    }

    /// Whether `tag` is a close sibling of a kept language, which the
    /// detector confuses with it (Spanish and Portuguese, Czech and Slovak…):
    /// such a guess is not sure enough to drop a block.
    fn near(&self, tag: &str) -> bool {
        const SIBLINGS: &[&[&str]] = &[
            &["es", "pt", "ca", "gl"],
            &["da", "nb", "nn", "sv"],
            &["cs", "sk"],
            &["hr", "sr", "bs", "sl"],
            &["id", "ms"],
            &["ru", "uk", "be", "bg"],
        ];
        let LangPolicy::Only(codes) = self else {
            return true;
        };
        let tag = crate::lang::primary(tag);
        SIBLINGS
            .iter()
            .any(|group| group.contains(&tag) && codes.iter().any(|c| group.contains(&c.as_str())))
    }
}

/// Cleans `text` with `rules` and `policy`; returns the clean text and the block reports.
pub fn run(
    rules: &RuleSet,
    policy: &LangPolicy,
    detector: &LangDetector,
    text: &str,
) -> (String, Vec<BlockReport>) {
    let seg = segment(text);
    let blocks: Vec<Analyzed> = seg
        .blocks
        .iter()
        .map(|b| analyze(text, &seg, b, detector))
        .collect();
    let mut reports: Vec<BlockReport> = seg
        .blocks
        .iter()
        .zip(&blocks)
        .map(|(b, a)| BlockReport {
            span: b.span.clone(),
            lang: a.lang.tag,
            confidence: a.lang.confidence,
            lang_method: a.lang.method,
            decision: Decision::Keep,
            by: DecidedBy::Default,
            rule: None,
            evidence: Vec::new(),
            stripped: Vec::new(),
        })
        .collect();
    let doc = Doc::new(&blocks);
    apply_rules(rules, &seg, &blocks, &doc, &mut reports);
    apply_language(policy, &blocks, &mut reports);
    for r in reports.iter_mut().filter(|r| r.decision == Decision::Strip) {
        if remaining(text, r)
            .trim_matches(crate::segment::is_space)
            .is_empty()
        {
            r.decision = Decision::Drop;
        }
    }
    apply_context(&blocks, &mut reports);
    let clean = emit(text, &reports);
    (clean, reports)
}

/// Where the body is: the first and last body paragraphs.
struct Doc {
    len: usize,
    first_prose: Option<usize>,
    last_prose: Option<usize>,
}

impl Doc {
    fn new(blocks: &[Analyzed]) -> Doc {
        Doc {
            len: blocks.len(),
            first_prose: blocks.iter().position(|b| b.prose),
            last_prose: blocks.iter().rposition(|b| b.prose),
        }
    }

    fn in_position(&self, i: usize, position: Position) -> bool {
        match position {
            Position::Anywhere => true,
            Position::Head => self.first_prose.is_none_or(|p| i < p),
            Position::Tail => self.last_prose.is_none_or(|p| i > p),
            Position::First(n) => i < n,
            Position::Last(n) => i + n >= self.len,
        }
    }
}

fn applies(rule: &CompiledRule, block: &Analyzed, i: usize, doc: &Doc) -> bool {
    let when = &rule.spec.when;
    if !when.lang.is_empty()
        && !block
            .lang
            .primary()
            .is_some_and(|p| when.lang.iter().any(|l| l == p))
    {
        return false;
    }
    when.min_chars.is_none_or(|n| block.chars >= n)
        && when.max_chars.is_none_or(|n| block.chars <= n)
        && when.max_lines.is_none_or(|n| block.lines <= n)
        && doc.in_position(i, when.position)
}

fn decide(
    report: &mut BlockReport,
    decision: Decision,
    by: DecidedBy,
    rule: Option<&CompiledRule>,
    evidence: Vec<String>,
) {
    report.decision = decision;
    report.by = by;
    report.rule = rule.map(|r| r.spec.id.value.clone());
    report.evidence = evidence;
}

fn apply_rules(
    rules: &RuleSet,
    seg: &Segmented,
    blocks: &[Analyzed],
    doc: &Doc,
    reports: &mut [BlockReport],
) {
    let firings: Vec<Vec<_>> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let form = BlockForm {
                text: b.form.as_str(),
                lines: &b.line_ranges,
            };
            let mut f = rules.fire(form);
            f.retain(|f| applies(&rules.rules()[f.rule], b, i, doc));
            f
        })
        .collect();
    let protected: Vec<bool> = firings
        .iter()
        .map(|f| {
            f.iter()
                .any(|f| rules.rules()[f.rule].spec.action == Action::Keep)
        })
        .collect();
    for (i, f) in firings.iter().enumerate() {
        if let Some(keep) = f
            .iter()
            .find(|f| rules.rules()[f.rule].spec.action == Action::Keep)
        {
            decide(
                &mut reports[i],
                Decision::Keep,
                DecidedBy::Rule,
                Some(&rules.rules()[keep.rule]),
                keep.evidence.clone(),
            );
        }
    }
    for rule in rules.rules() {
        if let Some(structure) = rule.structure() {
            for run in structure_runs(structure, seg, blocks) {
                if !doc.in_position(run.start, rule.spec.when.position) {
                    continue;
                }
                let evidence = vec![format!("{} numbered items with no content", run.len())];
                for i in run {
                    if protected[i] || reports[i].by != DecidedBy::Default {
                        continue;
                    }
                    decide(
                        &mut reports[i],
                        Decision::Drop,
                        DecidedBy::Rule,
                        Some(rule),
                        evidence.clone(),
                    );
                }
            }
        }
    }
    let mut rest: Option<(usize, usize)> = None; // (rule, block) of a drop-rest
    for (i, f) in firings.iter().enumerate() {
        if protected[i] || reports[i].by != DecidedBy::Default {
            continue;
        }
        if let Some((rule, from)) = rest {
            let r = &rules.rules()[rule];
            decide(
                &mut reports[i],
                Decision::Drop,
                DecidedBy::Rule,
                Some(r),
                vec![format!("after block {from}")],
            );
            continue;
        }
        let Some(first) = f
            .iter()
            .find(|f| rules.rules()[f.rule].spec.action != Action::StripSpan)
        else {
            strip(rules.rules(), f, &blocks[i], &mut reports[i]);
            continue;
        };
        let rule = &rules.rules()[first.rule];
        decide(
            &mut reports[i],
            Decision::Drop,
            DecidedBy::Rule,
            Some(rule),
            first.evidence.clone(),
        );
        if rule.spec.action == Action::DropRest {
            rest = Some((first.rule, i));
        }
    }
}

/// Cuts the spans of the strip-span firings `f` from a block.
fn strip(
    rules: &[CompiledRule],
    f: &[crate::rules::Firing],
    block: &Analyzed,
    report: &mut BlockReport,
) {
    let Some(first) = f.first() else { return };
    let mut cut: Vec<Range<usize>> = f
        .iter()
        .flat_map(|f| f.spans.iter())
        .map(|s| block.form.original_range(s.clone()))
        .collect();
    cut.sort_by_key(|r| r.start);
    let evidence = f.iter().flat_map(|f| f.evidence.iter().cloned()).collect();
    decide(
        report,
        Decision::Strip,
        DecidedBy::Rule,
        Some(&rules[first.rule]),
        evidence,
    );
    report.stripped = cut;
}

/// Runs of blocks the structural detector finds, as block index ranges.
fn structure_runs(structure: Structure, seg: &Segmented, blocks: &[Analyzed]) -> Vec<Range<usize>> {
    let Structure::EmptyNumberedList {
        min_items,
        max_start,
    } = structure;
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

/// Blocks whose language is not kept are dropped; blocks with no language
/// of their own follow the nearest blocks that have one.
fn apply_language(policy: &LangPolicy, blocks: &[Analyzed], reports: &mut [BlockReport]) {
    if *policy == LangPolicy::Any {
        return;
    }
    // For every block with a sure language: (tag, whether it is kept).
    // Blocks a rule decided are boilerplate, whatever their language, and
    // are no neighbours for this purpose.
    let sure: Vec<Option<(&str, bool)>> = blocks
        .iter()
        .zip(reports.iter())
        .map(|(b, r)| {
            if r.by == DecidedBy::Rule {
                return None;
            }
            let tag = confident_lang(b)?;
            let near = b.lang.method == LangMethod::Detector && policy.near(tag);
            Some((tag, policy.allows(tag) || near))
        })
        .collect();
    for i in 0..blocks.len() {
        if reports[i].by != DecidedBy::Default {
            continue;
        }
        let note = match sure[i] {
            Some((_, true)) => continue,
            Some((tag, false)) => {
                format!(
                    "language {tag} ({:.2}) is not kept",
                    blocks[i].lang.confidence
                )
            }
            None => {
                let prev = sure[..i].iter().rev().flatten().next();
                let next = sure[i + 1..].iter().flatten().next();
                let neighbours: Vec<(&str, bool)> = prev.into_iter().chain(next).copied().collect();
                if neighbours.is_empty() || neighbours.iter().any(|&(_, kept)| kept) {
                    continue;
                }
                let tags: Vec<&str> = neighbours.iter().map(|&(t, _)| t).collect();
                format!(
                    "no language of its own; neighbours are {}",
                    tags.join(" and ")
                )
            }
        };
        decide(
            &mut reports[i],
            Decision::Drop,
            DecidedBy::Language,
            None,
            vec![note],
        );
    }
}

/// Below this share of letters a block is code, a table or a formula, and
/// the detector's guess about it is not trusted.
const MIN_LETTER_SHARE: f32 = 0.7;

/// The block's language if it is sure enough to drop the block for it.
fn confident_lang(b: &Analyzed) -> Option<&'static str> {
    let tag = b.lang.tag?;
    let sure = match b.lang.method {
        LangMethod::Script => b.lang.confidence >= 0.7,
        LangMethod::FunctionWords => true,
        LangMethod::Detector => {
            let words = b.scripts.latin_words + b.scripts.other;
            b.letter_share >= MIN_LETTER_SHARE
                && ((b.lang.confidence >= 0.9 && words >= 4)
                    || (b.lang.confidence >= 0.7 && words >= 15))
        }
        LangMethod::NoLetters | LangMethod::Unknown => false,
    };
    sure.then_some(tag)
}

/// A short heading-like block that no rule decided goes when the nearest
/// longer block before it was dropped and the one after it was dropped too
/// or is the end of the document. The start of the document does not count
/// as dropped, so a headline above a dropped byline stays.
fn apply_context(blocks: &[Analyzed], reports: &mut [BlockReport]) {
    let candidate = |i: usize, reports: &[BlockReport]| {
        blocks[i].heading_like
            && reports[i].by == DecidedBy::Default
            && reports[i].decision == Decision::Keep
    };
    let snapshot: Vec<bool> = (0..blocks.len()).map(|i| candidate(i, reports)).collect();
    let mut i = 0;
    while i < blocks.len() {
        if !snapshot[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < blocks.len() && snapshot[i] {
            i += 1;
        }
        let prev_dropped = start > 0 && reports[start - 1].decision == Decision::Drop;
        let next_dropped = i == blocks.len() || reports[i].decision == Decision::Drop;
        if prev_dropped && next_dropped {
            for report in &mut reports[start..i] {
                let note = "short block between dropped blocks".to_owned();
                decide(report, Decision::Drop, DecidedBy::Context, None, vec![note]);
            }
        }
    }
}

/// The kept blocks, original text with stripped spans cut, lines
/// right-trimmed of spaces and tabs, one blank line between blocks.
fn emit(text: &str, reports: &[BlockReport]) -> String {
    let mut out = String::with_capacity(text.len());
    for r in reports.iter().filter(|r| r.decision != Decision::Drop) {
        let piece = remaining(text, r);
        let mut wrote_line = false;
        for line in piece.split('\n') {
            let line = line.trim_end_matches([' ', '\t', '\r']);
            if line.trim_matches(crate::segment::is_space).is_empty() {
                continue;
            }
            if !wrote_line && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
            out.push('\n');
            wrote_line = true;
        }
    }
    out
}

/// The text of a block with its stripped spans cut.
fn remaining<'t>(text: &'t str, r: &BlockReport) -> std::borrow::Cow<'t, str> {
    if r.stripped.is_empty() {
        return std::borrow::Cow::Borrowed(&text[r.span.clone()]);
    }
    let mut piece = String::new();
    let mut at = r.span.start;
    for cut in &r.stripped {
        if cut.start >= at {
            piece.push_str(&text[at..cut.start.min(r.span.end)]);
        }
        at = at.max(cut.end);
    }
    piece.push_str(&text[at.min(r.span.end)..r.span.end]);
    std::borrow::Cow::Owned(piece)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(span: Range<usize>, decision: Decision, stripped: &[Range<usize>]) -> BlockReport {
        BlockReport {
            span,
            lang: None,
            confidence: 0.0,
            lang_method: LangMethod::NoLetters,
            decision,
            by: DecidedBy::Default,
            rule: None,
            evidence: Vec::new(),
            stripped: stripped.to_vec(),
        }
    }

    #[test]
    fn emit_joins_kept_blocks_and_cuts_spans() {
        let text = "Title  \n\nskip\n\n(X) -- Body\u{a0}\nmore\t";
        let reports = [
            report(0..7, Decision::Keep, &[]),
            report(9..13, Decision::Drop, &[]),
            report(15..34, Decision::Strip, &[Range { start: 15, end: 22 }]),
        ];
        assert_eq!(emit(text, &reports), "Title\n\nBody\u{a0}\nmore\n");
    }

    #[test]
    fn emit_of_nothing_is_empty() {
        assert_eq!(emit("x", &[report(0..1, Decision::Drop, &[])]), "");
    }
}
