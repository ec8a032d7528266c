//! One document through the stages: segment, analyse, rules, language
//! policy, context, emit.
//!
//! Precedence is fixed: a `keep` rule protects a block from everything
//! below it; then drop rules (structure rules, then phrase and regex rules in
//! load order, the first to fire deciding); then the language policy; then
//! the context pass, which decides only blocks nothing else decided.

mod chart;
mod context;
mod emit;
mod gallery;
mod language;
mod rules;
mod structure;

pub use language::LangPolicy;

use std::ops::Range;

use crate::Detail;
use crate::analyze::{Analyzed, analyze};
use crate::lang::{LangDetector, LangMethod};
use crate::report::{BlockReport, DecidedBy, Decision};
use crate::rules::{CompiledRule, RuleSet};
use crate::segment::{LineShape, line_shape, segment};

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
    };
    doc.fire(rules);
    let mut view: Vec<usize> = (0..reports.len()).collect();
    for round in 0..MAX_ROUNDS {
        let mut body_start = rules::apply_rules(rules, &doc, &view, policy, &mut reports);
        if round == 0 {
            rules::settle_stripped(rules, detector, &mut doc, &mut reports);
            body_start = rules::apply_rules(rules, &doc, &view, policy, &mut reports);
        }
        language::apply_language(policy, &doc.blocks, &view, &mut reports);
        context::apply_context(&doc.blocks, &view, body_start, &mut reports);
        let before = view.len();
        view.retain(|&i| reports[i].decision != Decision::Drop);
        if view.len() == before {
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

/// The headline: the last heading-like block of two words or more among the
/// first `before` blocks of `view` that nothing dropped, as a range of view
/// positions. The range holds a second block when the last such block is a
/// standfirst written without a full stop under a headline of its own.
fn headline(
    blocks: &[Analyzed],
    view: &[usize],
    reports: &[BlockReport],
    before: usize,
) -> Option<Range<usize>> {
    let candidate = |k: usize| {
        let i = view[k];
        let b = &blocks[i];
        title_line(b)
            && b.words >= 2
            // A list item ("+ All Share Services") is no headline.
            && line_shape(b.form.as_str()) != LineShape::Bullet
            && reports[i].decision != Decision::Drop
            && !dated_meta(b.form.as_str())
            && !byline(b.form.as_str())
    };
    let k = (0..before).rev().find(|&k| candidate(k))?;
    let standfirst = k > 0
        && standfirst_line(&blocks[view[k]])
        && candidate(k - 1)
        && headline_over_standfirst(&blocks[view[k - 1]]);
    Some(if standfirst { k - 1..k + 1 } else { k..k + 1 })
}

/// A title line that reads as a standfirst when a headline stands right
/// above it: a sentence-case clause of `STANDFIRST_WORDS` words or more
/// with a comma in it ("Su obra, traducida a más de veinte idiomas, dio voz
/// a generaciones de emigrantes"). A photo's caption or a call to action
/// above the body is rarely so built.
fn standfirst_line(b: &Analyzed) -> bool {
    b.words >= STANDFIRST_WORDS && b.capital_share < 0.5 && b.form.as_str().contains(',')
}

/// A headline above a standfirst: `HEADLINE_OVER_STANDFIRST_WORDS` words or
/// more (a kicker such as "Crisis climática" is shorter), in letters, with
/// no separator of a breadcrumb or a menu.
fn headline_over_standfirst(b: &Analyzed) -> bool {
    b.words >= HEADLINE_OVER_STANDFIRST_WORDS
        && b.letter_share >= HEADLINE_LETTER_SHARE
        && !b.form.as_str().contains(['>', '›', '»', '|', '•', '·', '/'])
}

const STANDFIRST_WORDS: usize = 10;
const HEADLINE_OVER_STANDFIRST_WORDS: usize = 4;
/// The least share of letters among the non-space characters of a headline
/// over a standfirst.
const HEADLINE_LETTER_SHARE: f32 = 0.8;

/// A byline without a date: "By Nelson D. Schwartz", "Von Anna Berg" (but
/// not a headline such as "By the Numbers: …").
fn byline(form: &str) -> bool {
    let mut words = form.split_whitespace();
    let by = words.next().is_some_and(|w| BY.contains(&w));
    by && words.next().is_some_and(|w| !crate::lang::is_english_function_word(w)) && words.count() <= 5
}

/// The words that open a byline.
const BY: [&str; 12] =
    ["by", "posted", "published", "updated", "par", "von", "por", "di", "door", "av", "author:", "автор:"];

/// A line that can be a headline: one line of up to `HEADLINE_CHARS`
/// characters (more than a heading's: "The sharing economy is a lie: Uber,
/// Ayn Rand and the truth about tech and libertarians") that does not end a
/// sentence (a `!` or `?` at the end of a line in Title Case is a
/// headline's).
fn title_line(b: &Analyzed) -> bool {
    b.lines == 1 && b.chars <= HEADLINE_CHARS && (b.open_end || b.headline_end)
}

/// The most characters of a headline.
const HEADLINE_CHARS: usize = 150;

/// A byline or meta line under the headline: a year, and separators, a
/// leading "by", or three numbers ("Posted by Ann Lee · 14 April 2024 ·
/// 6 comments", "Par Claire Morel, le 3 mars 2024 à 10h15"). A headline
/// with a year in it ("The 2024 Olympics Open in Paris") is not one.
fn dated_meta(form: &str) -> bool {
    let numbers = || form.split(|c: char| !c.is_ascii_digit()).filter(|t| !t.is_empty());
    let year = numbers().any(|t| t.len() == 4 && (t.starts_with("19") || t.starts_with("20")));
    let by = form.split_whitespace().take(2).any(|w| BY.contains(&w));
    year && (form.contains(['·', '|', '•']) || by || numbers().count() >= 3)
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
