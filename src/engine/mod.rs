//! One document through the stages: segment, analyse, rules, language
//! policy, context, emit.
//!
//! Precedence is fixed: a `keep` rule protects a block from everything
//! below it; then drop rules (structure rules, then phrase and regex rules in
//! load order, the first to fire deciding); then the language policy; then
//! the context pass, which decides only blocks nothing else decided.

mod chart;
mod chrome_lines;
mod closing;
mod context;
mod emit;
mod fields;
mod gallery;
mod headline;
mod language;
mod posts;
mod rules;
mod structure;
mod teasers;

pub use language::LangPolicy;

use crate::Detail;
use crate::analyze::{Analyzed, analyze};
use crate::lang::{LangDetector, LangMethod};
use crate::report::{BlockReport, DecidedBy, Decision};
use crate::rules::spec::Action;
use crate::rules::{CompiledRule, RuleSet};
use crate::segment::segment;

/// The most times the stages run again on the blocks they kept.
const MAX_ROUNDS: usize = 8;

/// Cleans `text` with `rules` and `policy`; returns the clean text and the block reports.
///
/// The stages run on all blocks, then again on the blocks they kept, until
/// nothing more is dropped: a block kept only because of a neighbour that was
/// later dropped is looked at again without it. The result is what cleaning
/// the output would give, so cleaning is idempotent (up to `first`/`last`
/// positions and at most eight rounds). Later rounds reuse every block's analysis
/// and rule matches, so they cost little.
pub fn run(
    rules: &RuleSet,
    policy: &LangPolicy,
    detector: &LangDetector,
    text: &str,
    detail: Detail,
) -> (String, Vec<BlockReport>) {
    let seg = segment(text);
    let blocks: Vec<Analyzed> = seg.blocks.iter().map(|b| analyze(text, &seg, b, detector)).collect();
    let mut reports: Vec<BlockReport> = seg
        .blocks
        .iter()
        .map(|b| BlockReport {
            span: b.span.clone(),
            // Filled in at the end, from the blocks' final analysis.
            lang: None,
            confidence: 0.0,
            lang_method: LangMethod::NotAsked,
            decision: Decision::Keep,
            by: DecidedBy::Default,
            rule: None,
            evidence: Vec::new(),
            stripped: Vec::new(),
        })
        .collect();
    let n = reports.len();
    let mut doc = rules::Document {
        text,
        seg: &seg,
        blocks,
        firings: Vec::new(),
        remainders: vec![None; n],
        labels: std::cell::RefCell::new(vec![None; n]),
        policy,
        rules,
        chrome_lines: vec![std::cell::OnceCell::new(); n],
        chrome_punctuation: vec![std::cell::OnceCell::new(); n],
        live: std::cell::OnceCell::new(),
    };
    doc.fire();
    rules::cut_chrome_tails(detector, &mut doc, &mut reports);
    let mut view: Vec<usize> = (0..reports.len()).collect();
    for round in 0..MAX_ROUNDS {
        let cut = rules::cut_chrome_heads(detector, &mut doc, &view, &mut reports);
        let mut body_start = rules::apply_rules(&doc, &view, &mut reports);
        if round == 0 {
            rules::settle_stripped(detector, &mut doc, &mut reports);
            body_start = rules::apply_rules(&doc, &view, &mut reports);
        }
        language::apply_language(policy, &doc.blocks, &view, &mut reports);
        context::apply_context(&doc.blocks, &view, policy, rules, body_start, &mut reports);
        let before = view.len();
        view.retain(|&i| reports[i].decision != Decision::Drop);
        if view.len() == before && !cut {
            break;
        }
    }
    // Every block's language when the caller reports them; otherwise only
    // those cleaning needed (the detector is the costliest step).
    for (r, b) in reports.iter_mut().zip(&doc.blocks) {
        let lang = match detail {
            Detail::Full => Some(b.lang.get()),
            Detail::Decisions => b.lang.if_known(),
        };
        if let Some(lang) = lang {
            r.lang = lang.tag;
            r.confidence = lang.confidence;
            r.lang_method = lang.method;
        }
    }
    let clean = emit::emit(text, &reports);
    (clean, reports)
}

/// The action of the rule that decided the block, if a rule did. A
/// `chrome-tail` or `chrome-head` rule's cut is none: it left the block's
/// first or last lines as they were written, and they may be the headline (what a `strip-span`
/// rule left of a line, a caption under its labels, is not).
fn deciding_action(rules: &RuleSet, r: &BlockReport) -> Option<Action> {
    let rule = deciding_rule(rules, r)?;
    (!chrome_cut_rule(rule)).then_some(rule.spec.action)
}

/// The rule that decided the block, if a rule did.
fn deciding_rule<'r>(rules: &'r RuleSet, r: &BlockReport) -> Option<&'r CompiledRule> {
    r.rule.as_deref().and_then(|id| rules.get(id))
}

/// Whether `rule` is a `chrome-tail` or `chrome-head` rule, whose cut
/// leaves a block's first or last lines as they were written.
fn chrome_cut_rule(rule: &CompiledRule) -> bool {
    use crate::rules::spec::Structure;
    matches!(rule.structure(), Some(Structure::ChromeTail { .. } | Structure::ChromeHead { .. }))
}

/// The maximal ranges of consecutive items that are `such`: the runs the
/// structural detectors look at (bare numbers, a box's fields).
fn stretches<T>(items: &[T], such: impl Fn(&T) -> bool) -> Vec<std::ops::Range<usize>> {
    let marks: Vec<bool> = items.iter().map(such).collect();
    let mut out = Vec::new();
    let mut start = 0;
    for same in marks.chunk_by(|a, b| a == b) {
        if same[0] {
            out.push(start..start + same.len());
        }
        start += same.len();
    }
    out
}

/// Whether later stages may still drop a block: nothing decided it, or a
/// `strip-span` rule only cut a span from it.
fn undecided(r: &BlockReport) -> bool {
    r.by == DecidedBy::Default || r.decision == Decision::Strip
}

/// Whether a rule kept the block (a `keep` rule: "Key points",
/// "Ingredients"), rather than nothing having dropped it yet.
fn kept_by_rule(r: &BlockReport) -> bool {
    r.decision == Decision::Keep && r.by == DecidedBy::Rule
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
    if decision == Decision::Drop {
        report.stripped.clear();
    }
}
