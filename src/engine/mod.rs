//! One document through the stages: segment, analyse, rules, language
//! policy, context, emit.
//!
//! Precedence is fixed: a `keep` rule protects a block from everything
//! below it; then drop rules (structure rules, then phrase and regex rules in
//! load order, the first to fire deciding); then the language policy; then
//! the context pass, which decides only blocks nothing else decided.

mod context;
mod emit;
mod language;
mod rules;

pub use language::LangPolicy;

use crate::analyze::{Analyzed, analyze};
use crate::lang::LangDetector;
use crate::report::{BlockReport, DecidedBy, Decision};
use crate::rules::{CompiledRule, RuleSet};
use crate::segment::segment;

/// Cleans `text` with `rules` and `policy`; returns the clean text and the block reports.
pub fn run(
    rules: &RuleSet,
    policy: &LangPolicy,
    detector: &LangDetector,
    text: &str,
) -> (String, Vec<BlockReport>) {
    let seg = segment(text);
    let mut blocks: Vec<Analyzed> = seg.blocks.iter().map(|b| analyze(text, &seg, b, detector)).collect();
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
    rules::apply_rules(rules, &rules::Document { text, seg: &seg, blocks: &blocks }, policy, &mut reports);
    rules::settle_stripped(text, detector, &mut blocks, &mut reports);
    language::apply_language(policy, &blocks, &mut reports);
    context::apply_context(&blocks, &mut reports);
    let clean = emit::emit(text, &reports);
    (clean, reports)
}

/// Whether later stages may still drop a block: nothing decided it, or a
/// `strip-span` rule only cut a span from it.
fn undecided(r: &BlockReport) -> bool {
    r.by == DecidedBy::Default || r.decision == Decision::Strip
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
