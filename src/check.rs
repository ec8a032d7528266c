//! Rule self-tests: every rule's `drop` and `keep` examples, and its
//! whole-document examples.
//!
//! A `drop` example is run through a cleaner holding only that rule, with no
//! language policy: the rule must decide at least one of its blocks, or the
//! example is **missing** (an example may carry context the rule needs, such
//! as a body paragraph for a `head` rule). A `keep` example must not be touched by the rule, or it is
//! **noisy**. For a `keep` rule the lists read "must fire" and "must not
//! fire". A `[[tests.doc]]` document is run through the whole rule set (with
//! its own `lang`, default `any`) and must give exactly its `output`.

use crate::Thresh;
use crate::engine::LangPolicy;
use crate::report::{DecidedBy, Decision};
use crate::rules::compile::regexes_alone;
use crate::rules::spec::{MatchSpec, Structure};
use crate::rules::{Location, RuleErrors, RuleSet, RuleSpec};

/// The outcome of checking a set of rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckReport {
    /// One entry per rule, in load order.
    pub rules: Vec<RuleCheck>,
}

impl CheckReport {
    /// Whether every example of every rule passed.
    pub fn passed(&self) -> bool {
        self.rules.iter().all(|r| r.failures.is_empty())
    }

    /// The number of examples run.
    pub fn examples(&self) -> usize {
        self.rules.iter().map(|r| r.examples).sum()
    }

    /// The number of failed examples.
    pub fn failures(&self) -> usize {
        self.rules.iter().map(|r| r.failures.len()).sum()
    }
}

/// The outcome for one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCheck {
    /// The rule's id.
    pub id: String,
    /// Examples run.
    pub examples: usize,
    /// Examples that failed.
    pub failures: Vec<Failure>,
    /// For a regex searched from each block's start, the repeat of a broad
    /// class it may open with (see [`crate::rules::CompiledRule::slow_opening`]):
    /// not a failure, a cost worth knowing.
    pub slow_opening: Option<String>,
    /// Phrases too short for the word-start index (see
    /// [`crate::rules::CompiledRule::short_phrases`]): a cost worth knowing.
    pub short_phrases: Vec<String>,
}

/// A failed example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Missing, noisy, or a document whose output differs.
    pub kind: FailureKind,
    /// Where the example is written.
    pub at: Location,
    /// The example's text.
    pub example: String,
    /// What happened instead.
    pub detail: String,
}

/// How an example failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// A `drop` example the rule did not fire on.
    Missing,
    /// A `keep` example the rule fired on.
    Noisy,
    /// A whole document whose clean output differs from the expected one.
    Doc,
}

impl FailureKind {
    /// `missing`, `noisy` or `doc`.
    pub fn name(self) -> &'static str {
        match self {
            FailureKind::Missing => "missing",
            FailureKind::Noisy => "noisy",
            FailureKind::Doc => "doc",
        }
    }
}

/// Runs every example of every rule in `specs`.
pub fn check(specs: &[RuleSpec]) -> Result<CheckReport, RuleErrors> {
    let all = RuleSet::compile(specs.to_vec())?;
    // Each regex must also fit the limit of one regex: the set's larger
    // limit would otherwise hide a rule that is reported too large only
    // when another rule's error makes the set check its rules one by one.
    let too_large = regexes_alone(specs.iter());
    if !too_large.is_empty() {
        return Err(RuleErrors(too_large));
    }
    let mut report = CheckReport::default();
    for (spec, compiled) in specs.iter().zip(all.rules()) {
        // A `chrome-lines`, `chrome-head`, `chrome-tail`, `rest-line` or
        // `non-sentence` rule asks the other rules about each line (the
        // last, whether a block's punctuated lines are all chrome): its
        // examples run with every rule, the others' with their rule alone.
        let asks_others = matches!(
            &spec.matcher,
            MatchSpec::Structure(s)
                if s.cuts_lines() || matches!(s, Structure::ChromeLines { .. } | Structure::NonSentence { .. })
        );
        let rules = if asks_others { all.clone() } else { RuleSet::compile(vec![spec.clone()])? };
        let alone = Thresh::with_rules(rules, LangPolicy::Any);
        let id = &spec.id.value;
        let mut rc = RuleCheck {
            id: id.clone(),
            examples: 0,
            failures: Vec::new(),
            slow_opening: compiled.slow_opening(),
            short_phrases: compiled.short_phrases(),
        };
        for ex in &spec.tests.drop {
            rc.examples += 1;
            let cleaned = alone.clean(&ex.value);
            let untouched: Vec<_> = cleaned
                .blocks
                .iter()
                .filter(|b| !(b.by == DecidedBy::Rule && b.rule.as_deref() == Some(id)))
                .collect();
            if untouched.len() == cleaned.blocks.len() {
                rc.failures.push(Failure {
                    kind: FailureKind::Missing,
                    at: ex.at.clone(),
                    example: ex.value.clone(),
                    detail: format!("none of its {} blocks matched", cleaned.blocks.len()),
                });
            }
        }
        for ex in &spec.tests.keep {
            rc.examples += 1;
            let cleaned = alone.clean(&ex.value);
            if let Some(b) = cleaned.blocks.iter().find(|b| b.rule.as_deref() == Some(id)) {
                let verb = if b.decision == Decision::Keep { "protected" } else { b.decision.name() };
                rc.failures.push(Failure {
                    kind: FailureKind::Noisy,
                    at: ex.at.clone(),
                    example: ex.value.clone(),
                    detail: format!("{verb} on {}", b.evidence.join(", ")),
                });
            }
        }
        for doc in &spec.tests.docs {
            rc.examples += 1;
            let policy =
                if doc.lang.is_empty() { LangPolicy::Any } else { LangPolicy::Only(doc.lang.clone()) };
            let thresh = Thresh::with_rules(all.clone(), policy);
            let got = thresh.clean(&doc.input).text;
            if got.trim_end_matches('\n') != doc.output.trim_end_matches('\n') {
                rc.failures.push(Failure {
                    kind: FailureKind::Doc,
                    at: doc.at.clone(),
                    example: doc.input.clone(),
                    detail: format!("got:\n{got}"),
                });
            }
        }
        report.rules.push(rc);
    }
    Ok(report)
}
