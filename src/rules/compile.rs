//! Rule specs to a compiled [`RuleSet`]: one Aho-Corasick automaton for the
//! phrases of all rules (over their first bytes, see `phrase_set.rs`) and
//! one regex set for the regexes of all rules (an
//! anchored search for most of them and one search each for the few that
//! can match anywhere, see `regex_set.rs`), so a block costs a few passes
//! whatever the number of rules.
//!
//! Regexes are rewritten before compiling so that none pays the Unicode word
//! boundary cliff (the lazy DFA gives up on `\b` over non-ASCII text, 100×
//! slower): `\b` and `\B` become their ASCII forms, the other Unicode-aware
//! boundary forms are rejected. Non-ASCII characters in a pattern are folded
//! like the matching form (so `熱議` in a pattern matches `热议` text). Patterns
//! are matched case-sensitively against the lower-case matching form, so an
//! upper-case letter in a pattern (which could never match) is a load error.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_syntax::hir::Hir;

use super::error::{RuleError, RuleErrors};
use super::names::Capitals;
use super::phrase_set::PhraseSet;
use super::regex_set::{Pattern, RegexSet};
use super::spec::{MatchSpec, RuleSpec, Scope, Structure};
use crate::normalize::normalize;
use crate::segment::is_space;

/// One [`RegexSet`] for `patterns`, within the size limits.
fn build_set(patterns: &[Pattern]) -> Result<RegexSet, String> {
    RegexSet::build(patterns, SET_SIZE_LIMIT)
}

/// Compiled size limit per regex: a rule cannot make memory grow without bound.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Size limit for the combined set.
const SET_SIZE_LIMIT: usize = 32 << 20;

/// A compiled set of rules, ready to ask about blocks. Cheap to share across threads.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<CompiledRule>,
    phrases: Option<PhraseSet>,
    /// The largest `max-chars` of a phrase rule, `None` when one has none: a
    /// longer block (a long paragraph, a table of data) is not searched for
    /// phrases.
    phrases_up_to: Option<usize>,
    /// For every phrase of the set: (rule index, phrase index within the rule).
    phrase_owner: Vec<(usize, usize)>,
    regexes: Option<RegexSet>,
    /// Smaller sets for longer blocks, the largest `after` first: above the
    /// largest `max-chars` of a regex rule, only the rules without one; above
    /// `SHORT_CHARS`, every rule but those for short blocks (a button, a
    /// heading, a byline, a credit line), whose patterns keep the anchored
    /// search going into every paragraph. Long paragraphs are most of the
    /// bytes, and most regex rules are for short blocks.
    subsets: Vec<SubSet>,
    /// The structure rules' indices in the order they run: load order, but
    /// `chrome-lines`, which asks the other rules about each line of a
    /// block, after the others (a menu is a `label-list`'s, and asking
    /// about its lines would cost).
    structure_order: Vec<usize>,
}

/// An occurrence of a rule's phrase in a block's matching form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    rule: usize,
    phrase: usize,
    /// The block's line it starts on.
    line: usize,
    start: usize,
    end: usize,
}

/// The hits that no longer hit among `hits` contains (a longer hit is
/// another phrase's), in one pass over them by start: a block of many hits
/// costs no more than sorting them.
fn outermost(hits: &[Hit]) -> Vec<&Hit> {
    if hits.len() < 2 {
        return hits.iter().collect();
    }
    let mut by_start: Vec<&Hit> = hits.iter().collect();
    by_start.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept = Vec::with_capacity(by_start.len());
    // The furthest end of the hits so far, and the first start that reached it.
    let mut reach: Option<(usize, usize)> = None;
    for h in by_start {
        if !reach.is_some_and(|(end, start)| end > h.end || (end == h.end && start < h.start)) {
            kept.push(h);
        }
        if reach.is_none_or(|(end, _)| h.end > end) {
            reach = Some((h.end, h.start));
        }
    }
    kept
}

/// Blocks up to this many non-space characters are searched for every regex
/// rule; longer ones without the rules whose `max-chars` is at most this.
const SHORT_CHARS: usize = 160;

/// The regex rules that admit blocks of more than `after` non-space
/// characters, as a set built on first use.
#[derive(Debug, Clone)]
struct SubSet {
    after: usize,
    patterns: Vec<Pattern>,
    set: OnceLock<Option<RegexSet>>,
}

impl SubSet {
    /// The patterns whose rule's `max-chars` (in `limits`) admits more than `after`.
    fn above(after: usize, patterns: &[Pattern], limits: &[Option<usize>]) -> SubSet {
        let patterns = patterns
            .iter()
            .zip(limits)
            .filter(|(_, limit)| limit.is_none_or(|n| n > after))
            .map(|(p, _)| p.clone())
            .collect();
        SubSet { after, patterns, set: OnceLock::new() }
    }
}

/// One compiled rule.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    /// The rule as written.
    pub spec: RuleSpec,
    matcher: Matcher,
}

impl CompiledRule {
    /// For a regex rule searched from each block's start (`^…` on the whole
    /// block, or on every line), the repeat of a broad class its matches may
    /// open with (`[^\n]{1,150}`): the search reads every block's first
    /// bytes as far as the class reaches, which `thresh rules test` notes.
    pub fn slow_opening(&self) -> Option<String> {
        let Matcher::Regex { pattern, hir, .. } = &self.matcher else { return None };
        if self.gated() {
            return None;
        }
        set_pattern(self.spec.scope, pattern, hir.clone(), 0).broad_opening()
    }

    /// The rule's phrases (or `requires` phrases) that open with an ASCII
    /// letter or digit and are too short for the word-start index (fewer
    /// than four bytes): they are searched by walking every byte of every
    /// block through an automaton, which `thresh rules test` notes ("ago"
    /// as a `requires` phrase cost 3.5 % more instructions on 5 MB of pages).
    pub fn short_phrases(&self) -> Vec<String> {
        let (MatchSpec::Phrases { phrases: list, .. } | MatchSpec::Regex { requires: list, .. }) =
            &self.spec.matcher
        else {
            return Vec::new();
        };
        list.iter()
            .map(|p| p.value.trim())
            .filter(|p| {
                p.starts_with(|c: char| c.is_ascii_alphanumeric())
                    && !super::word_starts::WordStarts::admits(p)
            })
            .map(str::to_owned)
            .collect()
    }
}

/// The pattern a regex rule of `scope` puts into the regex set: `text`
/// (the rewritten regex), parsed into `hir`, for the rule at `index`.
fn set_pattern(scope: Scope, text: &str, hir: Option<Arc<Hir>>, index: usize) -> Pattern {
    let first_line = scope == Scope::EachLine;
    match scope {
        Scope::Block => Pattern::parsed(text.to_owned(), hir, first_line, index),
        // A per-line match implies a match of the multi-line set pattern.
        Scope::EachLine | Scope::AnyLine => Pattern::lines(text, hir.as_deref(), first_line, index),
    }
}

#[derive(Debug, Clone)]
enum Matcher {
    Phrases {
        normalized: Vec<String>,
        min_distinct: usize,
    },
    /// The rewritten pattern, compiled on its first use: the set finds the
    /// candidates, and only a candidate needs the regex itself (for lines
    /// and spans), so rules that never fire cost nothing at start-up.
    Regex {
        pattern: String,
        /// `pattern` parsed, shared with the set's pattern when that is the
        /// same (a block rule).
        hir: Option<Arc<Hir>>,
        regex: OnceLock<Option<RuleRegex>>,
    },
    Structure(Structure),
}

/// What a rule found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Firing {
    /// Index of the rule in [`RuleSet::rules`].
    pub rule: usize,
    /// The matched phrases or text, from the matching form.
    pub evidence: Vec<String>,
    /// Ranges of the matching form that matched (for `strip-span`).
    pub spans: Vec<Range<usize>>,
}

/// The matching form of a block, with the range of each line in it.
#[derive(Debug, Clone, Copy)]
pub struct BlockForm<'a> {
    /// The matching form, lines joined by `\n`.
    pub text: &'a str,
    /// The range of each line within `text`.
    pub lines: &'a [Range<usize>],
    /// The block's non-space characters (what `max-chars` counts); a rule
    /// whose `max-chars` is below it is not asked.
    pub chars: usize,
    /// Which of the block's words start with a capital as written, for the
    /// named groups of rules' regexes ([`Capitals::name`]), from where
    /// `text` starts in the block.
    pub capitals: Capitals<'a>,
}

impl RuleSet {
    /// Compiles `specs`; reports every regex that does not compile and every duplicate id.
    ///
    /// The phrases' automaton is built on a second thread while the regexes
    /// are parsed and compiled on this one: the two are most of the start-up.
    pub fn compile(specs: Vec<RuleSpec>) -> Result<RuleSet, RuleErrors> {
        let mut normalized: Vec<Option<Vec<String>>> = specs
            .iter()
            .map(|s| match &s.matcher {
                MatchSpec::Phrases { phrases: list, .. } | MatchSpec::Regex { requires: list, .. }
                    if !list.is_empty() =>
                {
                    // Phrases that fold to one matching form ("订阅" and
                    // "訂閱") are one phrase: `min-distinct` must not count
                    // a single occurrence twice.
                    let mut seen = std::collections::HashSet::new();
                    Some(
                        list.iter().map(|p| normalize(&p.value)).filter(|n| seen.insert(n.clone())).collect(),
                    )
                }
                _ => None,
            })
            .collect();
        // A rule's index is its place in `specs` (an error anywhere stops the build).
        let mut patterns = Vec::new();
        let mut phrase_owner = Vec::new();
        for (index, phrases) in normalized.iter().enumerate() {
            for (i, p) in phrases.iter().flatten().enumerate() {
                patterns.push(p.clone());
                phrase_owner.push((index, i));
            }
        }
        std::thread::scope(|scope| {
            let phrase_build = scope.spawn(move || PhraseSet::build(patterns));
            let Matchers { rules, set_patterns, limits, phrases_up_to } = matchers(specs, &mut normalized)?;
            let phrases = match phrase_build.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)) {
                Ok(set) => set,
                Err(e) => {
                    return Err(set_error(
                        &rules,
                        format!("the phrases of all rules do not fit one automaton: {e}"),
                    ));
                }
            };
            let regexes = regex_set(&rules, &set_patterns)?;
            let widest = limits.iter().flatten().max();
            let mut subsets: Vec<SubSet> = widest
                .into_iter()
                .chain([&SHORT_CHARS])
                .map(|&after| SubSet::above(after, &set_patterns, &limits))
                .collect();
            subsets.sort_by_key(|s| std::cmp::Reverse(s.after));
            let mut structure_order: Vec<usize> =
                (0..rules.len()).filter(|&i| rules[i].structure().is_some()).collect();
            structure_order
                .sort_by_key(|&i| matches!(rules[i].structure(), Some(Structure::ChromeLines { .. })));
            Ok(RuleSet { rules, phrases, phrases_up_to, phrase_owner, regexes, subsets, structure_order })
        })
    }

    /// The rules, in load order.
    pub fn rules(&self) -> &[CompiledRule] {
        &self.rules
    }

    /// The structure rules with their detectors, in the order they run
    /// (`chrome-lines` last).
    pub fn structures(&self) -> impl Iterator<Item = (&CompiledRule, Structure)> {
        self.structure_order.iter().filter_map(|&i| Some((&self.rules[i], self.rules[i].structure()?)))
    }

    /// The rule with `id`.
    pub fn get(&self, id: &str) -> Option<&CompiledRule> {
        self.rules.iter().find(|r| r.spec.id.value == id)
    }

    /// The phrase and regex rules whose matcher fires on `block`, in rule
    /// order. Conditions (`[when]`) are not checked here.
    pub fn fire(&self, block: BlockForm<'_>) -> Vec<Firing> {
        let mut firings: Vec<Firing> = Vec::new();
        // The regex rules whose `requires` phrases the block holds.
        let mut opened: Vec<usize> = Vec::new();
        if let Some(set) = &self.phrases
            && self.phrases_up_to.is_none_or(|n| block.chars <= n)
        {
            // Every occurrence on word boundaries.
            let mut hits: Vec<Hit> = Vec::new();
            set.find(block.text, |pattern, range| {
                if on_word_boundaries(block.text, &range) {
                    let (rule, phrase) = self.phrase_owner[pattern];
                    let line = block.lines.partition_point(|l| l.end < range.start);
                    hits.push(Hit { rule, phrase, line, start: range.start, end: range.end });
                }
            });
            hits.sort_unstable();
            hits.dedup();
            let mut i = 0;
            while i < hits.len() {
                let rule = hits[i].rule;
                let end = hits[i..].iter().position(|h| h.rule != rule).map_or(hits.len(), |n| i + n);
                if matches!(self.rules[rule].matcher, Matcher::Regex { .. }) {
                    opened.push(rule);
                } else if let Some(f) = self.phrase_firing(rule, &hits[i..end], block.lines.len()) {
                    firings.push(f);
                }
                i = end;
            }
        }
        let set = match self.subsets.iter().find(|s| block.chars > s.after) {
            // A subset of a set that compiled; should it fail all the same, the full set serves.
            Some(s) => s.set.get_or_init(|| build_set(&s.patterns).ok()).as_ref().or(self.regexes.as_ref()),
            None => self.regexes.as_ref(),
        };
        let wanted = |rule: usize| self.rules[rule].spec.when.fits(block.chars, block.lines.len());
        if let Some(set) = set {
            set.matches(block.text, wanted, |rule| {
                if let Some(f) = self.regex_firing(rule, block) {
                    firings.push(f);
                }
            });
        }
        for rule in opened.into_iter().filter(|&r| wanted(r)) {
            if let Some(f) = self.regex_firing(rule, block) {
                firings.push(f);
            }
        }
        firings.sort_by_key(|f| f.rule);
        firings
    }

    fn phrase_firing(&self, rule: usize, hits: &[Hit], lines: usize) -> Option<Firing> {
        let r = &self.rules[rule];
        let Matcher::Phrases { normalized, min_distinct } = &r.matcher else {
            return None;
        };
        // An occurrence inside a longer phrase's ("sign up" in "sign up for
        // the") is part of that phrase, not a second one.
        let hits = outermost(hits);
        let distinct = |hits: &mut dyn Iterator<Item = usize>| {
            let mut seen: Vec<usize> = hits.collect();
            seen.sort_unstable();
            seen.dedup();
            seen
        };
        let phrases = distinct(&mut hits.iter().map(|h| h.phrase));
        let enough_on = |l: usize| {
            distinct(&mut hits.iter().filter(|h| h.line == l).map(|h| h.phrase)).len() >= *min_distinct
        };
        let fired = match r.spec.scope {
            Scope::Block => phrases.len() >= *min_distinct,
            Scope::EachLine => (0..lines).all(enough_on),
            Scope::AnyLine => (0..lines).any(enough_on),
        };
        fired.then(|| Firing {
            rule,
            evidence: phrases.into_iter().map(|p| normalized[p].clone()).collect(),
            spans: Vec::new(),
        })
    }

    fn regex_firing(&self, rule: usize, block: BlockForm<'_>) -> Option<Firing> {
        let r = &self.rules[rule];
        let Matcher::Regex { pattern, hir, regex, .. } = &r.matcher else {
            return None;
        };
        // The set compiled it within the set's limit, so it compiles alone.
        let regex = regex
            .get_or_init(|| {
                let config = meta::Config::new()
                    .nfa_size_limit(Some(SET_SIZE_LIMIT))
                    .hybrid_cache_capacity(SET_SIZE_LIMIT);
                let mut builder = meta::Builder::new();
                builder.configure(config);
                let regex = match hir {
                    Some(hir) => builder.build_from_hir(hir).ok(),
                    None => builder.build(pattern).ok(),
                }?;
                let names = regex
                    .group_info()
                    .pattern_names(regex_automata::PatternID::ZERO)
                    .enumerate()
                    .filter_map(|(group, name)| name.map(|_| group))
                    .collect();
                Some(RuleRegex { regex, names })
            })
            .as_ref()?;
        let mut spans = Vec::new();
        match r.spec.scope {
            Scope::Block => push_matches(regex, block.text, 0, block.capitals, &mut spans),
            Scope::EachLine | Scope::AnyLine => {
                let mut all = true;
                for line in block.lines {
                    let before = spans.len();
                    let capitals = block.capitals.shifted(line.start);
                    push_matches(regex, &block.text[line.clone()], line.start, capitals, &mut spans);
                    all &= spans.len() > before;
                }
                if r.spec.scope == Scope::EachLine && !all {
                    return None;
                }
            }
        }
        if spans.is_empty() {
            return None;
        }
        let evidence = spans.iter().map(|s| block.text[s.clone()].to_owned()).collect();
        Some(Firing { rule, evidence, spans })
    }
}

/// A rule's own regex, for its lines and spans, and the indices of its
/// named groups (names the text must write as such: [`Capitals::name`]).
#[derive(Debug, Clone)]
struct RuleRegex {
    regex: meta::Regex,
    names: Vec<usize>,
}

/// Adds to `spans` the matches of a rule's regex in `text` (moved by
/// `offset`), each of its named groups a name as the text writes it
/// (`capitals`).
fn push_matches(
    rule: &RuleRegex,
    text: &str,
    offset: usize,
    capitals: Capitals<'_>,
    spans: &mut Vec<Range<usize>>,
) {
    if rule.names.is_empty() {
        spans.extend(rule.regex.find_iter(text).map(|m| m.start() + offset..m.end() + offset));
        return;
    }
    for caps in rule.regex.captures_iter(text) {
        let names = rule.names.iter().filter_map(|&g| caps.get_group(g)).all(|g| capitals.name(g.range()));
        if let Some(m) = caps.get_match().filter(|_| names) {
            spans.push(m.start() + offset..m.end() + offset);
        }
    }
}

impl CompiledRule {
    /// Whether the rule `requires` phrases: its pattern is not in the set,
    /// and only a block where one of them was found is searched for it.
    fn gated(&self) -> bool {
        matches!(&self.spec.matcher, MatchSpec::Regex { requires, .. } if !requires.is_empty())
    }

    /// The structural detector, if this is a structure rule.
    pub fn structure(&self) -> Option<Structure> {
        match self.matcher {
            Matcher::Structure(s) => Some(s),
            _ => None,
        }
    }
}

/// The rules with their matchers, and what the regex set is built from.
struct Matchers {
    rules: Vec<CompiledRule>,
    /// The regex rules' patterns, in rule order.
    set_patterns: Vec<Pattern>,
    /// The `max-chars` of each pattern's rule.
    limits: Vec<Option<usize>>,
    /// The largest `max-chars` of a phrase rule; `None` when one has none.
    phrases_up_to: Option<usize>,
}

/// Each spec's matcher, taking phrase rules' phrases from `normalized` (the
/// matching forms, by spec index); every rewrite error and duplicate id.
fn matchers(specs: Vec<RuleSpec>, normalized: &mut [Option<Vec<String>>]) -> Result<Matchers, RuleErrors> {
    let mut rules = Vec::with_capacity(specs.len());
    let mut errors = super::source::duplicate_ids(&specs);
    let mut set_patterns = Vec::new();
    let mut limits = Vec::new();
    let mut phrases_up_to = Some(0);
    for (index, spec) in specs.into_iter().enumerate() {
        let matcher = match &spec.matcher {
            MatchSpec::Phrases { min_distinct, .. } => {
                phrases_up_to = phrases_up_to.zip(spec.when.max_chars).map(|(a, b)| a.max(b));
                let normalized = normalized[index].take().unwrap_or_default();
                Matcher::Phrases { normalized, min_distinct: *min_distinct }
            }
            // Loading checked the syntax (`check_regex`); the set's build
            // names any regex that still does not compile.
            MatchSpec::Regex { pattern, requires } => match rewrite(&pattern.value) {
                Ok(rewritten) => {
                    // Parsed once, for the set and for the rule's own regex.
                    let hir = regex_syntax::Parser::new().parse(&rewritten).ok().map(Arc::new);
                    if !requires.is_empty() {
                        // Its phrases are looked for in every block it may apply to.
                        phrases_up_to = phrases_up_to.zip(spec.when.max_chars).map(|(a, b)| a.max(b));
                    } else {
                        limits.push(spec.when.max_chars);
                        set_patterns.push(set_pattern(spec.scope, &rewritten, hir.clone(), index));
                    }
                    Matcher::Regex { pattern: rewritten, hir, regex: OnceLock::new() }
                }
                Err((message, help)) => {
                    errors.push(RuleError {
                        at: pattern.at.clone(),
                        rule: Some(spec.id.value.clone()),
                        message,
                        help,
                    });
                    continue;
                }
            },
            MatchSpec::Structure(s) => Matcher::Structure(*s),
        };
        rules.push(CompiledRule { spec, matcher });
    }
    if !errors.is_empty() {
        return Err(RuleErrors(errors));
    }
    Ok(Matchers { rules, set_patterns, limits, phrases_up_to })
}

/// The regex set of all `patterns`; `None` when there are none. When it does
/// not build, the rules whose regex does not compile on its own (a syntax
/// error, or too large) are named, if any.
fn regex_set(rules: &[CompiledRule], patterns: &[Pattern]) -> Result<Option<RegexSet>, RuleErrors> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let e = match build_set(patterns) {
        Ok(set) => return Ok(Some(set)),
        Err(e) => e,
    };
    let broken = regexes_alone(rules.iter().map(|r| &r.spec));
    if !broken.is_empty() {
        return Err(RuleErrors(broken));
    }
    Err(set_error(rules, format!("the regexes of all rules do not fit one set: {e}")))
}

/// The regex rules among `specs` whose regex does not compile on its own
/// within the limit of one regex, each reported at its regex.
pub fn regexes_alone<'s>(specs: impl Iterator<Item = &'s RuleSpec>) -> Vec<RuleError> {
    specs
        .filter_map(|spec| {
            let MatchSpec::Regex { pattern, .. } = &spec.matcher else { return None };
            let (message, help) = compile_regex(&pattern.value).err()?;
            Some(RuleError { at: pattern.at.clone(), rule: Some(spec.id.value.clone()), message, help })
        })
        .collect()
}

fn set_error(rules: &[CompiledRule], message: String) -> RuleErrors {
    let at = rules.last().map(|r| r.spec.id.at.clone()).unwrap_or_default();
    RuleErrors(vec![RuleError {
        at,
        rule: None,
        message,
        help: "split large rules or lower their number".into(),
    }])
}

/// Whether a phrase match does not start or end inside a word. Phrases that
/// begin or end with a letter or digit of a spaced script must sit on word
/// boundaries ("ad" must not match "read"); CJK phrases match anywhere, and
/// Korean ones too, since particles attach to words (참고용 in 참고용이며).
fn on_word_boundaries(text: &str, range: &Range<usize>) -> bool {
    let inner_first = text[range.clone()].chars().next();
    let inner_last = text[range.clone()].chars().next_back();
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let start_ok = !(inner_first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
    let end_ok = !(inner_last.is_some_and(is_word_char) && after.is_some_and(is_word_char));
    start_ok && end_ok
}

/// A character that makes a word with its neighbours for
/// [`on_word_boundaries`]: a letter or digit of a script written with spaces
/// between words.
pub(super) fn is_word_char(c: char) -> bool {
    crate::chars::is_alphanumeric(c) && !crate::lang::is_unspaced(c)
}

/// Rewrites a rule's regex and checks its syntax without compiling it: the
/// cheap check made when rules are loaded (the syntax tree only; what only
/// compiling finds, such as an unknown Unicode class, the rule set's build
/// reports with the rule's location). Returns the rewritten pattern.
pub fn check_regex(pattern: &str) -> Result<String, (String, String)> {
    let rewritten = rewrite(pattern)?;
    regex_syntax::ast::parse::Parser::new().parse(&rewritten).map_err(|e| {
        (format!("regex does not compile: {}", last_line(&e.to_string())), SYNTAX_HELP.to_owned())
    })?;
    Ok(rewritten)
}

const SYNTAX_HELP: &str =
    "check the pattern against the regex crate's syntax (TOML literal strings '…' need no escaping)";

/// Rewrites and compiles a rule's regex on its own, within the size limit
/// of one regex. Returns the rewritten pattern and the regex.
pub fn compile_regex(pattern: &str) -> Result<(String, Regex), (String, String)> {
    let rewritten = rewrite(pattern)?;
    let regex = RegexBuilder::new(&rewritten)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => (
                format!("regex is too large: it compiles to more than {limit} bytes"),
                "use shorter alternations or split the rule".to_owned(),
            ),
            other => {
                (format!("regex does not compile: {}", last_line(&other.to_string())), SYNTAX_HELP.to_owned())
            }
        })?;
    Ok((rewritten, regex))
}

/// The regex crate's message without its pattern excerpt and `error:` prefix.
fn last_line(s: &str) -> &str {
    let line = s.lines().rev().find(|l| !l.trim().is_empty()).map_or(s, str::trim);
    line.strip_prefix("error: ").unwrap_or(line)
}

fn rewrite(pattern: &str) -> Result<String, (String, String)> {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    // Nesting of character classes, and whether the class was just opened
    // (where a `]` is a literal).
    let (mut class, mut opened) = (0usize, false);
    while let Some(c) = chars.next() {
        let just_opened = std::mem::take(&mut opened);
        if c == '[' {
            class += 1;
            opened = true;
            if chars.peek() == Some(&'^') {
                out.push('[');
                chars.next();
                out.push('^');
                continue;
            }
        } else if c == ']' && class > 0 && !just_opened {
            class -= 1;
        }
        if c == '\\' {
            let Some(next) = chars.next() else {
                out.push('\\');
                break;
            };
            match next {
                'b' | 'B' if chars.peek() == Some(&'{') => {
                    return Err((
                        format!("`\\{next}{{…}}` word boundaries are not supported"),
                        "use `\\b`, which thresh compiles as an ASCII word boundary".into(),
                    ));
                }
                // White space in the matching form is a space or a line
                // break: a two-byte class, where Unicode's `\s` makes the
                // lazy DFA build far more states.
                's' if class == 0 => out.push_str("[ \\n]"),
                // Inside a class too: `[^\s\d]` is then a class of a dozen
                // bytes' complement, not of Unicode's white space (parsing
                // and compiling the patterns took a third of start-up).
                's' => out.push_str(" \\n"),
                'S' if class == 0 => out.push_str("[^ \\n]"),
                // Digits are ASCII: the matching form's NFKC folding turns
                // full-width ones into them, and Unicode's `\d` (the digits
                // of every script) makes the date patterns' automata and the
                // lazy DFA's warm-up far larger (1 MB −10 % instructions).
                'd' if class == 0 => out.push_str("[0-9]"),
                'd' => out.push_str("0-9"),
                'D' if class == 0 => out.push_str("[^0-9]"),
                'b' => out.push_str("(?-u:\\b)"),
                'B' => out.push_str("(?-u:\\B)"),
                '<' | '>' => {
                    return Err((
                        format!("`\\{next}` word boundaries are not supported"),
                        "use `\\b`, which thresh compiles as an ASCII word boundary".into(),
                    ));
                }
                'p' | 'P' | 'x' | 'u' | 'U' if chars.peek() == Some(&'{') => {
                    out.push('\\');
                    out.push(next);
                    for inner in chars.by_ref() {
                        out.push(inner);
                        if inner == '}' {
                            break;
                        }
                    }
                }
                c if !c.is_ascii() => push_folded(&mut out, c),
                c => {
                    out.push('\\');
                    out.push(c);
                }
            }
        } else if c.is_ascii_uppercase() && !pattern.contains("(?i") {
            return Err((
                format!(
                    "regex has the upper-case letter `{c}`, but rules match a lower-case form of the text"
                ),
                "write the pattern in lower case (or add (?i) to mean either case)".into(),
            ));
        } else if c.is_ascii() {
            out.push(c);
        } else {
            push_folded(&mut out, c);
        }
    }
    Ok(out)
}

/// Pushes the matching form of a literal character, escaped.
fn push_folded(out: &mut String, c: char) {
    if is_space(c) {
        out.push(' ');
        return;
    }
    for f in normalize(c.encode_utf8(&mut [0u8; 4])).chars() {
        if f.is_ascii_punctuation() {
            out.push_str(&regex::escape(f.encode_utf8(&mut [0u8; 4])));
        } else {
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(rewrite(r"\bfoo\B").ok(), Some(r"(?-u:\b)foo(?-u:\B)".to_owned()));
        assert_eq!(rewrite(r"\\b").ok(), Some(r"\\b".to_owned()));
        assert!(rewrite(r"\b{start}x").is_err());
        assert!(rewrite(r"\<x").is_err());
        assert_eq!(rewrite(r"\p{Han}+").ok(), Some(r"\p{Han}+".to_owned()));
    }

    #[test]
    fn white_space_classes_become_the_matching_forms() {
        assert_eq!(rewrite(r"a\s+b\Sc").ok(), Some(r"a[ \n]+b[^ \n]c".to_owned()));
        // Inside a class `\s` is the same two bytes; `\S` there, and an
        // escaped backslash, stay as written.
        assert_eq!(rewrite(r"[\s\S]*?[^\s(]\\s").ok(), Some(r"[ \n\S]*?[^ \n(]\\s".to_owned()));
        assert_eq!(rewrite(r"[]\s]\s").ok(), Some(r"[] \n][ \n]".to_owned()));
        let (_, re) = compile_regex(r"^[^\s\d]+$").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(re.is_match(&normalize("Abc")) && !re.is_match(&normalize("a\u{3000}b")));
        // Digits are ASCII, inside a class too; `\D` in a class stays.
        assert_eq!(rewrite(r"\d{4}[-\d.]\D[^\D]").ok(), Some(r"[0-9]{4}[-0-9.][^0-9][^\D]".to_owned()));
        let (_, re) = compile_regex(r"^\d+年$").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(re.is_match(&normalize("２０２５年")) && !re.is_match("٢٠٢٥年"));
        let (_, re) = compile_regex(r"^one\s+two\Sthree$").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(re.is_match(&normalize("One \u{3000}\t Two-Three")));
    }

    #[test]
    fn literals_fold_like_the_matching_form() {
        assert_eq!(rewrite("熱議股票（港股）").ok(), Some(r"热议股票\(港股\)".to_owned()));
        let (_, re) = compile_regex("^熱議股票$").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(re.is_match(&normalize("熱議股票")));
        assert!(re.is_match(&normalize("热议股票")));
    }

    #[test]
    fn upper_case_letters_are_refused_unless_asked_for() {
        let Err((message, _)) = compile_regex("^Copyright") else { panic!("compiled") };
        assert!(message.contains("upper-case letter `C`"), "{message}");
        assert!(compile_regex("(?i)^Copyright").is_ok());
        assert!(compile_regex(r"\p{Han}\S+\D").is_ok());
    }

    #[test]
    fn bad_patterns_explain_themselves() {
        let Err((message, _)) = compile_regex("(unclosed") else { panic!("compiled") };
        assert!(message.starts_with("regex does not compile: unclosed group"), "{message}");
        let Err((message, _)) = compile_regex("a{1000}{1000}") else { panic!("compiled") };
        assert!(message.contains("too large"), "{message}");
    }

    #[test]
    fn a_phrase_inside_a_longer_one_is_not_a_second_phrase() {
        let src = r#"
id = "two"
description = "Two phrases"
explanation = "Two."

[match]
phrases = ["sign up", "sign up for the", "newsletter"]
min-distinct = 2

[action]
kind = "drop-block"

[tests]
drop = ["sign up for the newsletter", "newsletter: sign up"]
keep = ["sign up for the course", "sign up"]
"#;
        let spec = crate::rules::spec::parse_rule("rules/x/two.toml", src).unwrap();
        let rules = RuleSet::compile(vec![spec]).unwrap();
        let fired = |text: &str| {
            let lines = vec![Range { start: 0, end: text.len() }];
            let f = rules.fire(BlockForm {
                text,
                lines: &lines,
                chars: text.len(),
                capitals: Default::default(),
            });
            f.first().map(|f| f.evidence.clone())
        };
        assert_eq!(fired("residents can sign up for the free courses"), None);
        assert_eq!(
            fired("sign up for the newsletter"),
            Some(vec!["sign up for the".to_owned(), "newsletter".to_owned()])
        );
        // "sign up" on its own, outside the longer phrase, counts.
        assert_eq!(
            fired("sign up for the week ahead. sign up"),
            Some(vec!["sign up".to_owned(), "sign up for the".to_owned()])
        );
    }

    proptest::proptest! {
        #[test]
        fn outermost_keeps_the_hits_no_longer_one_contains(
            spans in proptest::collection::vec((0usize..12, 1usize..6), 0..12)
        ) {
            // A phrase per length, as a rule's phrases are.
            let hits: Vec<Hit> = spans
                .iter()
                .map(|&(start, len)| Hit { rule: 0, phrase: len, line: 0, start, end: start + len })
                .collect();
            let contains = |g: &Hit, h: &Hit| {
                g.start <= h.start && h.end <= g.end && g.end - g.start > h.end - h.start
            };
            let mut want: Vec<&Hit> = hits.iter().filter(|h| !hits.iter().any(|g| contains(g, h))).collect();
            let mut got = outermost(&hits);
            want.sort();
            got.sort();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn phrase_boundaries() {
        let t = "read the ad. 广告";
        assert!(!on_word_boundaries(t, &(1..3)), "`ea` inside `read`");
        assert!(on_word_boundaries(t, &(9..11)), "`ad` alone");
        let han = t.find('广').unwrap_or(0);
        assert!(on_word_boundaries(t, &(han..han + 6)));
    }
}
