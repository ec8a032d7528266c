//! The regexes of all rules as one search for those that can only match at
//! the start of a block, and one search each for the rest.
//!
//! Almost every regex rule is anchored (`^…`: the whole block, or its first
//! line, is a byline, a button, a heading). Searched as one anchored set, the
//! lazy DFA stops as soon as no pattern can match any more, a few bytes into
//! a paragraph, instead of running to the end of every block; and it builds
//! far fewer states. The others (a pattern for any line, a phrase anywhere)
//! must read the whole block. Each is a regex of its own, so that each gets
//! the literal prefilter its pattern allows (`<` for an HTML tag line; none
//! where a match can start with a word as common as "to"), and
//! is not searched at all in a block its rule's `max-chars`, `min-lines` or
//! `max-lines` rules out (a copyright line, a credit line: most bytes are in long
//! paragraphs). One set of the four read every byte of every block through
//! the lazy DFA, 7 % of the run. Searching those anchored at each line's
//! start was measured and is slower: a pattern that reads a line to its end
//! ("Label (12)") pays a search per line. So is a third search for the line
//! patterns, anchored when the block is one line (+4 % instructions).

use std::sync::Arc;

use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternSet, meta};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition, literal};

/// One pattern of the set: its text, where a match can start, and the rule
/// it belongs to.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub text: String,
    /// The parsed pattern, handed to the set's builder so that it is not
    /// parsed twice; `None` when it does not parse (the build names it).
    hir: Option<Arc<Hir>>,
    pub anchor: Anchor,
    pub owner: usize,
}

/// Where a pattern's matches can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// Only at the start of the block.
    Block,
    /// Anywhere, or at the start of any line.
    None,
}

impl Pattern {
    /// A pattern as it goes into the set. `first_line` says that the rule
    /// needs a match on every line, so on the first: a pattern anchored at a
    /// line's start (`(?m:^…)`) is then anchored at the block's start too.
    pub fn new(text: String, first_line: bool, owner: usize) -> Pattern {
        let hir = regex_syntax::Parser::new().parse(&text).ok().map(Arc::new);
        Pattern::parsed(text, hir, first_line, owner)
    }

    /// The set's pattern for a line rule's `text`, parsed into `hir`:
    /// `(?m:text)`, whose tree is `hir` with `^` and `$` made line anchors
    /// (parsed again only when `text` holds `\A` or `\z`, which the tree
    /// does not tell from `^` and `$`).
    pub fn lines(text: &str, hir: Option<&Hir>, first_line: bool, owner: usize) -> Pattern {
        let in_set = format!("(?m:{text})");
        match hir {
            Some(h) if !text.contains("\\A") && !text.contains("\\z") => {
                Pattern::parsed(in_set, Some(Arc::new(multi_line(h))), first_line, owner)
            }
            _ => Pattern::new(in_set, first_line, owner),
        }
    }

    /// A pattern already parsed into `hir` (which must be `text`'s).
    pub fn parsed(text: String, hir: Option<Arc<Hir>>, first_line: bool, owner: usize) -> Pattern {
        let anchor = match hir.as_ref().map(|h| h.properties().look_set_prefix()) {
            Some(p) if p.contains(Look::Start) || (first_line && p.contains(Look::StartLF)) => Anchor::Block,
            _ => Anchor::None,
        };
        Pattern { text, hir, anchor, owner }
    }
}

/// `hir` as if its pattern were written inside `(?m:…)`: `^` and `$` match
/// at the start and end of every line. Only for a pattern without `\A` and
/// `\z`, which the syntax tree does not tell from `^` and `$`.
fn multi_line(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(Look::Start) => Hir::look(Look::StartLF),
        HirKind::Look(Look::End) => Hir::look(Look::EndLF),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(multi_line(&r.sub)),
        }),
        HirKind::Capture(c) => {
            Hir::capture(Capture { index: c.index, name: c.name.clone(), sub: Box::new(multi_line(&c.sub)) })
        }
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(multi_line).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(multi_line).collect()),
    }
}

/// Whether a match of `hir` can start with a short word of letters ("to",
/// "by", "a"), which occur in nearly every block of prose: a literal
/// prefilter would stop at each of them and then run the regex from there,
/// slower than the lazy DFA reading the block once (a credit-line pattern
/// that starts with "to contact" or "(reporting": 3x slower with one).
fn has_word_prefix(hir: &Hir) -> bool {
    let mut prefixes = literal::Extractor::new().kind(literal::ExtractKind::Prefix).extract(hir);
    prefixes.optimize_for_prefix_by_preference();
    prefixes.literals().is_some_and(|literals| {
        literals.iter().any(|l| {
            // A prefix is cut short ("to " of "to contact"): the word is what
            // comes before a space.
            let word = l.as_bytes().split(|&b| b == b' ' || b == b'\n').next().unwrap_or_default();
            !word.is_empty() && word.len() <= SHORT_WORD && word.iter().all(u8::is_ascii_alphabetic)
        })
    })
}

/// The longest word counted as short by [`has_word_prefix`].
const SHORT_WORD: usize = 2;

/// The compiled searches.
#[derive(Debug, Clone)]
pub(super) struct RegexSet {
    block: Option<Search>,
    anywhere: Vec<Search>,
}

#[derive(Debug, Clone)]
struct Search {
    regex: meta::Regex,
    /// For every pattern of `regex`: the rule it belongs to.
    owner: Vec<usize>,
    /// For a pattern that matches only at a line's start (`(?m:^…)`) and
    /// whose matches all begin with one of a few literals: those literals.
    /// A block none of whose lines starts with one is not searched (a
    /// credit line's "(reporting by", an HTML tag's "<img": long paragraphs
    /// are most of the bytes and start with neither).
    line_starts: Option<LineStarts>,
    /// Bytes of which every match holds one (see `required.rs`): a block
    /// without any is not searched.
    needles: Option<Vec<u8>>,
}

/// The literals a line-anchored pattern's matches start with, and their
/// first bytes (most lines start with none of them).
#[derive(Debug, Clone)]
struct LineStarts {
    first: [bool; 256],
    literals: Vec<Vec<u8>>,
}

impl Search {
    /// Whether a match may start at one of the lines of `text`.
    fn may_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        if self.needles.as_ref().is_some_and(|n| !super::required::holds_one(bytes, n)) {
            return false;
        }
        let Some(starts) = &self.line_starts else {
            return true;
        };
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)).any(|at| {
            bytes.get(at).is_some_and(|&b| starts.first[usize::from(b)])
                && starts.literals.iter().any(|s| bytes[at..].starts_with(s))
        })
    }
}

/// The literals every match of `hir` starts with, when it can only match at
/// a line's start and they are few and none is empty.
fn line_start_literals(hir: &Hir) -> Option<LineStarts> {
    if !hir.properties().look_set_prefix().contains(Look::StartLF) {
        return None;
    }
    let mut extractor = literal::Extractor::new();
    extractor.kind(literal::ExtractKind::Prefix).limit_total(MAX_LINE_STARTS * 8);
    let prefixes = extractor.extract(hir);
    let literals = prefixes.literals()?;
    let few = literals.len() <= MAX_LINE_STARTS && literals.iter().all(|l| !l.as_bytes().is_empty());
    few.then(|| {
        let mut first = [false; 256];
        for l in literals {
            first[usize::from(l.as_bytes()[0])] = true;
        }
        LineStarts { first, literals: literals.iter().map(|l| l.as_bytes().to_vec()).collect() }
    })
}

/// The most literals a line-start check compares.
const MAX_LINE_STARTS: usize = 64;

impl RegexSet {
    /// Compiles `patterns`, each search within `size_limit` bytes of NFA and
    /// of lazy DFA cache.
    pub fn build(patterns: &[Pattern], size_limit: usize) -> Result<RegexSet, Box<meta::BuildError>> {
        let search = |chosen: Vec<&Pattern>,
                      anchored: bool|
         -> Result<Option<Search>, Box<meta::BuildError>> {
            if chosen.is_empty() {
                return Ok(None);
            }
            let owner = chosen.iter().map(|p| p.owner).collect();
            let hirs: Option<Vec<&Hir>> = chosen.iter().map(|p| p.hir.as_deref()).collect();
            let (line_starts, needles) = match hirs.as_deref() {
                Some([hir]) if !anchored => (line_start_literals(hir), super::required::needles(hir)),
                _ => (None, None),
            };
            // As `regex::RegexSet` configures it, but without a literal
            // prefilter where none is used (an anchored search) or where
            // one would stop at every other word.
            let prefilter = !anchored && hirs.as_ref().is_none_or(|h| !h.iter().any(|h| has_word_prefix(h)));
            let config = meta::Config::new()
                .match_kind(MatchKind::All)
                .utf8_empty(true)
                .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                .nfa_size_limit(Some(size_limit))
                .hybrid_cache_capacity(size_limit)
                .auto_prefilter(prefilter);
            let mut builder = meta::Builder::new();
            builder.configure(config).syntax(syntax::Config::new().utf8(true));
            let regex = match hirs {
                Some(hirs) => builder.build_many_from_hir(&hirs),
                None => builder.build_many(&chosen.iter().map(|p| p.text.as_str()).collect::<Vec<_>>()),
            }
            .map_err(Box::new)?;
            Ok(Some(Search { regex, owner, line_starts, needles }))
        };
        let block = search(patterns.iter().filter(|p| p.anchor == Anchor::Block).collect(), true)?;
        let anywhere = patterns
            .iter()
            .filter(|p| p.anchor == Anchor::None)
            .filter_map(|p| search(vec![p], false).transpose())
            .collect::<Result<_, _>>()?;
        Ok(RegexSet { block, anywhere })
    }

    /// Calls `found` with the rule of every pattern that matches `text`, each
    /// once. A pattern searched on its own is skipped when `wanted` says its
    /// rule cannot apply to the block (its `[when]` size bounds, which
    /// `When::fits` checks).
    pub fn matches(&self, text: &str, wanted: impl Fn(usize) -> bool, mut found: impl FnMut(usize)) {
        if let Some(search) = &self.block {
            // One pattern set per thread, as large as the largest set's
            // patterns and emptied after each search, not one per block.
            thread_local! {
                static MATCHED: std::cell::RefCell<PatternSet> = std::cell::RefCell::new(PatternSet::new(0));
            }
            MATCHED.with_borrow_mut(|set| {
                if set.capacity() < search.regex.pattern_len() {
                    *set = PatternSet::new(search.regex.pattern_len());
                }
                search.regex.which_overlapping_matches(&Input::new(text).anchored(Anchored::Yes), set);
                for p in set.iter() {
                    found(search.owner[p.as_usize()]);
                }
                set.clear();
            });
        }
        for search in &self.anywhere {
            if wanted(search.owner[0]) && search.may_match(text) && search.regex.is_match(Input::new(text)) {
                found(search.owner[0]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_matching(patterns: &[(&str, bool)], text: &str) -> Vec<usize> {
        let patterns: Vec<Pattern> = patterns
            .iter()
            .enumerate()
            .map(|(i, &(p, first_line))| Pattern::new(p.to_owned(), first_line, i))
            .collect();
        let set = RegexSet::build(&patterns, 1 << 20).unwrap();
        let mut found = Vec::new();
        set.matches(text, |_| true, |r| found.push(r));
        found.sort_unstable();
        found
    }

    #[test]
    fn multi_line_trees_equal_the_parsed_ones() {
        let parse = |p: &str| regex_syntax::Parser::new().parse(p).unwrap();
        for p in [
            "^by [a-z]+$",
            "^(?:a|b(c)?)+$|^x{2,5}?$",
            "^(?P<name>photo):\\s*[^\\n]*$",
            "(?:^|, )ap$",
            "plain text",
        ] {
            assert_eq!(multi_line(&parse(p)), parse(&format!("(?m:{p})")), "{p}");
        }
    }

    #[test]
    fn prefilters_are_left_out_where_they_would_stop_at_every_other_word() {
        let word_prefix = |p: &str| has_word_prefix(&regex_syntax::Parser::new().parse(p).unwrap());
        assert!(word_prefix("(?m:^(?:\\(reporting by|to contact the|write to))"));
        assert!(word_prefix("(?m:^by [a-z]+$)"));
        assert!(!word_prefix("(?m:^<(?:img|iframe|div)[^<>]*>$)"));
        assert!(!word_prefix("(?m:^(?:©|copyright|all rights reserved))"));
        assert!(!word_prefix("(?m:^[^()]+ [(][0-9]+[)]$)"));
    }

    #[test]
    fn line_start_literals_are_read_from_the_pattern() {
        let starts =
            |p: &str| line_start_literals(&regex_syntax::Parser::new().parse(p).unwrap()).map(|s| s.literals);
        assert_eq!(starts("(?m:^<(?:img|br)>$)"), Some(vec![b"<img>".to_vec(), b"<br>".to_vec()]));
        assert_eq!(starts("(?m:^\\(reporting by)"), Some(vec![b"(reporting by".to_vec()]));
        // Not at a line's start, or starting with anything: no check.
        assert_eq!(starts("<img>"), None);
        assert_eq!(starts("(?m:^[^()]+ [(][0-9]+[)]$)"), None);
        assert_eq!(starts("(?m:^\\s*<img)"), None);
        assert_eq!(starts("(?m:^(?:<img|x*))"), None);
    }

    #[test]
    fn a_line_start_search_skips_blocks_without_its_literals() {
        let patterns = [Pattern::new("(?m:^\\(reporting by [a-z]+\\))".to_owned(), false, 0)];
        let set = RegexSet::build(&patterns, 1 << 20).unwrap();
        let found = |text: &str| {
            let mut n = 0;
            set.matches(text, |_| true, |_| n += 1);
            n
        };
        assert_eq!(found("the story.\n(reporting by jane)"), 1);
        assert_eq!(found("(reporting by jane)"), 1);
        assert_eq!(found("the story (reporting by jane)"), 0);
        assert!(set.anywhere[0].line_starts.is_some());
    }

    #[test]
    fn anchoring_is_read_from_the_pattern() {
        let anchor = |p: &str, first_line| Pattern::new(p.into(), first_line, 0).anchor;
        assert_eq!(anchor("^by [a-z]+$", false), Anchor::Block);
        assert_eq!(anchor("^(?:a|b)|^c", false), Anchor::Block);
        assert_eq!(anchor("^a|b", false), Anchor::None);
        assert_eq!(anchor("(?m:^a)", false), Anchor::None);
        assert_eq!(anchor("(?m:^a)", true), Anchor::Block);
        assert_eq!(anchor("(?m:^a|b)", false), Anchor::None);
        assert_eq!(anchor("advertisement", false), Anchor::None);
    }

    #[test]
    fn both_searches_report_their_rules() {
        let patterns = [
            ("^by [a-z]+$", false),
            ("sponsored", false),
            ("(?m:^photo: .+$)", true),
            ("(?m:^©)", false),
            ("(?m:^(?:[a-z]+ \\(\\d+\\)\\n?){2})", false),
        ];
        assert_eq!(rules_matching(&patterns, "by jane"), [0]);
        assert_eq!(rules_matching(&patterns, "the sponsored post"), [1]);
        // Anchored at the first line only for a rule on every line; at any
        // line for a rule on any line.
        assert_eq!(rules_matching(&patterns, "photo: ap\nphoto: afp"), [2]);
        assert_eq!(rules_matching(&patterns, "text\nphoto: ap"), Vec::<usize>::new());
        assert_eq!(rules_matching(&patterns, "text\n© 2024 sponsored"), [1, 3]);
        assert_eq!(rules_matching(&patterns, "text ©"), Vec::<usize>::new());
        // A match at a later line, over the next lines.
        assert_eq!(rules_matching(&patterns, "archive\nmay (3)\njune (4)"), [4]);
    }
}
