//! The regexes of all rules as a few searches for those that can only
//! match at the start of a block, and one search each for the rest.
//!
//! Almost every regex rule is anchored (`^…`: the whole block, or its first
//! line, is a byline, a button, a heading). Searched anchored, the
//! lazy DFA stops as soon as no pattern can match any more, a few bytes into
//! a paragraph, instead of running to the end of every block; and it builds
//! far fewer states. It is two kinds of sets, the patterns for a block's
//! first line (`each-line` rules, searched on the first line alone) and
//! those for the whole block: in one automaton
//! their states multiply (on pages never seen before, 12 % more lazy-DFA
//! cache and 3.4 % more instructions). For the same reason each kind is
//! split into sets of at most `SET_PATTERNS` patterns. Each set is built as a lazy DFA and a
//! PikeVM of its own, as `meta::Regex` would run it, but without the
//! reverse NFA that only a search for where a match starts needs. The others (a pattern for any
//! line, a phrase anywhere) must read the whole block. Each is a regex of its own, so that each gets
//! the literal prefilter its pattern allows (`<` for an HTML tag line; none
//! where a match can start with a word as common as "to"), and
//! is not searched at all in a block its rule's `max-chars`, `min-lines` or
//! `max-lines` rules out (a copyright line, a credit line: most bytes are in long
//! paragraphs). One set of the four read every byte of every block through
//! the lazy DFA, 7 % of the run. Searching those anchored at each line's
//! start was measured and is slower: a pattern that reads a line to its end
//! ("Label (12)") pays a search per line. So is a third search for the line
//! patterns, anchored when the block is one line (+4 % instructions).

use std::borrow::Cow;
use std::sync::Arc;

use regex_automata::nfa::thompson::{self, pikevm, pikevm::PikeVM};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternSet, hybrid, meta};
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

    /// The parsed pattern, or, for one that does not parse, the parser's
    /// error.
    fn tree(&self) -> Result<Cow<'_, Hir>, String> {
        match &self.hir {
            Some(hir) => Ok(Cow::Borrowed(hir)),
            None => regex_syntax::Parser::new().parse(&self.text).map(Cow::Owned).map_err(|e| e.to_string()),
        }
    }

    /// For a pattern anchored at the block's start, the repeat of a broad
    /// class its matches may open with (see [`broad_opening`]); `None` for
    /// one searched anywhere or at any line's start.
    pub fn broad_opening(&self) -> Option<String> {
        if self.anchor != Anchor::Block {
            return None;
        }
        broad_opening(&*self.tree().ok()?)
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

/// For a pattern anchored at the block's start (`hir`), the repeat of a
/// broad class it may open with (`[^\n]{1,150}`, `[^.!?]+`, `.*`), told in
/// words; `None` when its matches open with words or narrow classes.
/// The anchored search reads every block's first bytes for every such
/// pattern, as far as the class reaches: one such rule can cost a third of
/// a run (README.md, "Rules").
fn broad_opening(hir: &Hir) -> Option<String> {
    match hir.kind() {
        HirKind::Concat(subs) => {
            subs.iter().find(|h| !matches!(h.kind(), HirKind::Look(_))).and_then(broad_opening)
        }
        HirKind::Capture(c) => broad_opening(&c.sub),
        HirKind::Alternation(alts) => alts.iter().find_map(broad_opening),
        HirKind::Repetition(r)
            if class_size(&r.sub) >= BROAD_CLASS && r.max.is_none_or(|m| m >= BROAD_REPEAT) =>
        {
            let times = match r.max {
                Some(max) => format!("{} to {max} times", r.min),
                None => format!("{} or more times", r.min),
            };
            Some(format!("a class of {} characters repeated {times}", class_size(&r.sub)))
        }
        HirKind::Repetition(r) => broad_opening(&r.sub),
        _ => None,
    }
}

/// How many characters (or bytes) the class `hir` holds; 0 for another node.
fn class_size(hir: &Hir) -> u64 {
    use regex_syntax::hir::Class;
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| u64::from(r.end()) - u64::from(r.start()) + 1).sum()
        }
        HirKind::Class(Class::Bytes(c)) => {
            c.ranges().iter().map(|r| u64::from(r.end()) - u64::from(r.start()) + 1).sum()
        }
        _ => 0,
    }
}

/// Characters (or bytes) from which a class is broad: more than any
/// alphabet, and more than half the bytes.
const BROAD_CLASS: u64 = 128;
/// Repeats of a broad class from which an opening is worth a note.
const BROAD_REPEAT: u32 = 16;

/// `hir` as if its pattern were written inside `(?m:…)`: `^` and `$` match
/// at the start and end of every line. Only for a pattern without `\A` and
/// `\z`, which the syntax tree does not tell from `^` and `$`.
fn multi_line(hir: &Hir) -> Hir {
    // Most of a pattern holds neither anchor: copied as it is, not rebuilt
    // through the smart constructors (which recompute every node's
    // properties and took 15 % of start-up).
    let looks = hir.properties().look_set();
    if !looks.contains(Look::Start) && !looks.contains(Look::End) {
        return hir.clone();
    }
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
    block: Vec<BlockSearch>,
    anywhere: Vec<Search>,
}

/// An anchored set: a forward lazy DFA, and a PikeVM for a search the lazy
/// DFA gives up on (its cache cleared too often for too few bytes), as
/// `meta::Regex` runs them — but without the reverse NFA and reverse lazy
/// DFA it also builds, which only a search for where a match starts needs
/// (this one asks which patterns match): the set's reverse NFA took a sixth
/// of start-up.
#[derive(Debug)]
struct BlockSearch {
    dfa: hybrid::dfa::DFA,
    pikevm: PikeVM,
    /// One pair of caches per thread, as `meta::Regex` keeps them.
    caches: Pool<BlockCaches, CacheFn>,
    /// For every pattern: the rule it belongs to.
    owner: Vec<usize>,
    /// Whether it holds the patterns of `each-line` rules, which must match
    /// the first line and are searched there alone: their rule's own
    /// regex is run on each line apart, and a `[ \n]` in the pattern would
    /// carry the set's search into the next line, building lazy DFA states
    /// no match can come from (a sixth of this search's cache).
    first_line: bool,
}

struct BlockCaches {
    dfa: hybrid::dfa::Cache,
    pikevm: pikevm::Cache,
}

type CacheFn =
    Box<dyn Fn() -> BlockCaches + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

impl BlockSearch {
    fn build(
        hirs: &[&Hir],
        owner: Vec<usize>,
        size_limit: usize,
        first_line: bool,
    ) -> Result<BlockSearch, String> {
        Self::sized(hirs, owner, size_limit, size_limit, first_line)
    }

    /// [`BlockSearch::build`] with a lazy DFA cache of `cache_capacity`
    /// bytes (a test makes it small, so that the PikeVM answers).
    fn sized(
        hirs: &[&Hir],
        owner: Vec<usize>,
        size_limit: usize,
        cache_capacity: usize,
        first_line: bool,
    ) -> Result<BlockSearch, String> {
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .which_captures(thompson::WhichCaptures::None)
                    .nfa_size_limit(Some(size_limit)),
            )
            .build_many_from_hir(hirs)
            .map_err(|e| e.to_string())?;
        // As `meta::Regex` configures its forward lazy DFA.
        let dfa = hybrid::dfa::Builder::new()
            .configure(
                hybrid::dfa::Config::new()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .cache_capacity(cache_capacity)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pikevm = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        Ok(BlockSearch { caches: Self::pool(&dfa, &pikevm), dfa, pikevm, owner, first_line })
    }

    fn pool(dfa: &hybrid::dfa::DFA, pikevm: &PikeVM) -> Pool<BlockCaches, CacheFn> {
        let (dfa, pikevm) = (dfa.clone(), pikevm.clone());
        Pool::new(Box::new(move || BlockCaches { dfa: dfa.create_cache(), pikevm: pikevm.create_cache() }))
    }

    /// Puts into `set` the patterns that match at the start of `text` (of
    /// its first line, for a first-line search); whether the lazy DFA
    /// answered (`false`: the PikeVM did).
    fn which_match(&self, text: &str, set: &mut PatternSet) -> bool {
        let text = match self.first_line {
            true => memchr::memchr(b'\n', text.as_bytes()).map_or(text, |end| &text[..end]),
            false => text,
        };
        let input = Input::new(text).anchored(Anchored::Yes);
        let mut caches = self.caches.get();
        let BlockCaches { dfa, pikevm } = &mut *caches;
        if self.dfa.try_which_overlapping_matches(dfa, &input, set).is_ok() {
            return true;
        }
        set.clear();
        self.pikevm.which_overlapping_matches(pikevm, &input, set);
        false
    }
}

impl Clone for BlockSearch {
    /// A copy with caches of its own, as `meta::Regex` is cloned.
    fn clone(&self) -> Self {
        BlockSearch {
            dfa: self.dfa.clone(),
            pikevm: self.pikevm.clone(),
            caches: Self::pool(&self.dfa, &self.pikevm),
            owner: self.owner.clone(),
            first_line: self.first_line,
        }
    }
}

impl std::fmt::Debug for BlockCaches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BlockCaches")
    }
}

#[derive(Debug, Clone)]
struct Search {
    regex: meta::Regex,
    /// The rule the pattern belongs to.
    owner: usize,
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
    /// The search for `pattern` alone, within `size_limit` bytes of NFA and
    /// of lazy DFA cache.
    fn build(pattern: &Pattern, size_limit: usize) -> Result<Search, String> {
        let hir = pattern.tree()?;
        // As `regex::RegexSet` configures it, but without a literal
        // prefilter where one would stop at every other word.
        let config = meta::Config::new()
            .match_kind(MatchKind::All)
            .utf8_empty(true)
            .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
            .nfa_size_limit(Some(size_limit))
            .hybrid_cache_capacity(size_limit)
            .auto_prefilter(!has_word_prefix(&hir));
        let regex = meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::new().utf8(true))
            .build_from_hir(&hir)
            .map_err(|e| e.to_string())?;
        Ok(Search {
            regex,
            owner: pattern.owner,
            line_starts: line_start_literals(&hir),
            needles: super::required::needles(&hir),
        })
    }

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

/// The most patterns in one anchored set. In one automaton the patterns'
/// states multiply: a lazy DFA state stands for where each pattern still
/// alive is, and a block's opening words that no block before had build
/// new ones. Halving the two sets (34 first-line and 58 whole-block
/// patterns) measured 6 % fewer instructions on 5 MB of pages never seen
/// before (`STREAM_SWAP`), 2 % on 5 MB that repeat their pages; thirds
/// and quarters cost more than halves (a search per set and block).
const SET_PATTERNS: usize = 30;

/// The most literals a line-start check compares.
const MAX_LINE_STARTS: usize = 64;

impl RegexSet {
    /// Compiles `patterns`, each search within `size_limit` bytes of NFA and
    /// of lazy DFA cache.
    pub fn build(patterns: &[Pattern], size_limit: usize) -> Result<RegexSet, String> {
        let anchored: Vec<&Pattern> = patterns.iter().filter(|p| p.anchor == Anchor::Block).collect();
        let trees = anchored.iter().map(|p| p.tree()).collect::<Result<Vec<_>, _>>()?;
        // Two searches: the patterns for a block's first line (`each-line`
        // rules) and those for the whole block.
        let (lines, blocks): (Vec<_>, Vec<_>) = anchored
            .iter()
            .zip(&trees)
            .partition(|(_, h)| !h.properties().look_set_prefix().contains(Look::Start));
        // Each split, in the rules' order, into the fewest sets of at most
        // `SET_PATTERNS` patterns, of even size.
        let block = [(&lines, true), (&blocks, false)]
            .into_iter()
            .filter(|(group, _)| !group.is_empty())
            .flat_map(|(group, first_line)| {
                let size = group.len().div_ceil(group.len().div_ceil(SET_PATTERNS));
                group.chunks(size).map(move |part| (part, first_line))
            })
            .map(|(group, first_line)| {
                let hirs: Vec<&Hir> = group.iter().map(|(_, h)| &***h).collect();
                BlockSearch::build(
                    &hirs,
                    group.iter().map(|(p, _)| p.owner).collect(),
                    size_limit,
                    first_line,
                )
            })
            .collect::<Result<_, _>>()?;
        let anywhere = patterns
            .iter()
            .filter(|p| p.anchor == Anchor::None)
            .map(|p| Search::build(p, size_limit))
            .collect::<Result<_, _>>()?;
        Ok(RegexSet { block, anywhere })
    }

    /// Calls `found` with the rule of every pattern that matches `text`, each
    /// once. A pattern searched on its own is skipped when `wanted` says its
    /// rule cannot apply to the block (its `[when]` size bounds, which
    /// `When::fits` checks).
    pub fn matches(&self, text: &str, wanted: impl Fn(usize) -> bool, mut found: impl FnMut(usize)) {
        for search in &self.block {
            // One pattern set per thread, as large as the largest set's
            // patterns and emptied after each search, not one per block.
            thread_local! {
                static MATCHED: std::cell::RefCell<PatternSet> = std::cell::RefCell::new(PatternSet::new(0));
            }
            MATCHED.with_borrow_mut(|set| {
                if set.capacity() < search.owner.len() {
                    *set = PatternSet::new(search.owner.len());
                }
                let _by_dfa = search.which_match(text, set);
                for p in set.iter() {
                    found(search.owner[p.as_usize()]);
                }
                set.clear();
            });
        }
        for search in &self.anywhere {
            if wanted(search.owner) && search.may_match(text) && search.regex.is_match(Input::new(text)) {
                found(search.owner);
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

    /// Patterns whose lazy DFA needs many states: bounded repeats of
    /// overlapping classes, as the byline and credit rules have.
    const MANY_STATES: [&str; 4] = [
        "^(?:[a-z]+ ){0,6}(?:by|von) [a-z]+$",
        "^[^.!?]{0,30}/(?:getty images|reuters)$",
        "^(?:[a-c]{1,3}[ ,]){2,8}z",
        "^(?:a|b|ab|ba){3,9}(?:c|$)",
    ];

    /// The anchored set as `meta::Regex` answers it (the engine it replaced,
    /// which runs the same lazy DFA and PikeVM and a reverse search besides).
    fn meta_answer(patterns: &[&str], text: &str) -> Vec<usize> {
        let regex = meta::Builder::new()
            .configure(meta::Config::new().match_kind(MatchKind::All))
            .build_many(patterns)
            .unwrap();
        let mut set = PatternSet::new(patterns.len());
        regex.which_overlapping_matches(&Input::new(text).anchored(Anchored::Yes), &mut set);
        set.iter().map(|p| p.as_usize()).collect()
    }

    /// The set of `patterns` with a lazy DFA cache of `cache_capacity`
    /// bytes, or an error when that is too small for the lazy DFA.
    fn block_search(patterns: &[&str], cache_capacity: usize) -> Result<BlockSearch, String> {
        let hirs: Vec<Hir> = patterns.iter().map(|p| regex_syntax::Parser::new().parse(p).unwrap()).collect();
        let hirs: Vec<&Hir> = hirs.iter().collect();
        BlockSearch::sized(&hirs, (0..patterns.len()).collect(), 1 << 20, cache_capacity, false)
    }

    fn answer(search: &BlockSearch, text: &str) -> (Vec<usize>, bool) {
        let mut set = PatternSet::new(search.owner.len());
        let by_dfa = search.which_match(text, &mut set);
        (set.iter().map(|p| p.as_usize()).collect(), by_dfa)
    }

    #[test]
    fn a_first_line_search_reads_the_first_line_only() {
        let patterns = ["(?m:^share[ \n]+this$)", "(?m:^share$)", "(?m:^[a-z]+[ \n]+[a-z]+[ \n]+here)"];
        let hirs: Vec<Hir> = patterns.iter().map(|p| regex_syntax::Parser::new().parse(p).unwrap()).collect();
        let hirs: Vec<&Hir> = hirs.iter().collect();
        let owner: Vec<usize> = (0..patterns.len()).collect();
        let first_line = BlockSearch::build(&hirs, owner.clone(), 1 << 20, true).unwrap();
        let whole = BlockSearch::build(&hirs, owner, 1 << 20, false).unwrap();
        // Across the newline only the search of the whole block matches.
        assert_eq!(answer(&whole, "share\nthis").0, vec![0, 1]);
        assert_eq!(answer(&first_line, "share\nthis").0, vec![1]);
        assert_eq!(answer(&first_line, "share this\nand more").0, vec![0]);
        assert_eq!(answer(&first_line, "read it\nhere").0, Vec::<usize>::new());
        assert_eq!(answer(&first_line, "read it here\nnext").0, vec![2]);
    }

    #[test]
    fn a_small_cache_hands_the_search_to_the_pikevm_with_the_same_answers() {
        // The smallest cache the lazy DFA accepts clears after a few states:
        // on a long varied text it gives up, and the PikeVM answers.
        let small = (1..64 << 10)
            .step_by(512)
            .find_map(|capacity| block_search(&MANY_STATES, capacity).ok())
            .unwrap();
        let words = ["a", "ab", "bc", "c", "by", "z", "abc", "ba", "x"];
        let texts: Vec<String> = (0..200)
            .map(|i| {
                let mut t = (0..(i % 40) * 3)
                    .map(|k| words[(i * 7 + k * 13) % words.len()])
                    .collect::<Vec<_>>()
                    .join(if i % 2 == 0 { " " } else { "," });
                if i % 5 == 0 {
                    t.push_str(" by smith");
                }
                t
            })
            .collect();
        let mut by_pikevm = 0;
        for text in &texts {
            let (found, by_dfa) = answer(&small, text);
            by_pikevm += usize::from(!by_dfa);
            assert_eq!(found, meta_answer(&MANY_STATES, text), "{text:?}");
        }
        assert!(by_pikevm > 0, "the lazy DFA never gave up, so the PikeVM went untested");
    }

    proptest::proptest! {
        #[test]
        fn the_anchored_set_answers_as_meta_does(text in "[abcz ,/by.!]{0,60}(?:/getty images|/reuters| by smith)?") {
            let search = block_search(&MANY_STATES, 1 << 20).unwrap();
            let (found, by_dfa) = answer(&search, &text);
            proptest::prop_assert!(by_dfa);
            proptest::prop_assert_eq!(found, meta_answer(&MANY_STATES, &text));
        }
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
    fn broad_openings_are_found_behind_anchors_groups_and_optional_lines() {
        let opening = |p: &str| broad_opening(&regex_syntax::Parser::new().parse(p).unwrap());
        assert!(opening(r"\A(?:[^\n]{1,150}\n)?(?:post|message) by").is_some());
        assert!(opening(r"^[^.!?]+/getty images$").is_some());
        assert!(opening(r"^(?:by|von) [a-z]+$").is_none());
        assert!(opening(r"^[a-z]{2,40}$").is_none());
        assert!(opening(r"^[^\n]{1,8}:").is_none());
        assert!(opening(r"^(?:advertisement|.*sponsored)$").is_some());
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
        // The first-line patterns and the block's are two searches; a block
        // that both match is reported by both.
        let both = [("^photo: [a-z]+\nby ", false), ("(?m:^photo: .+$)", true)];
        assert_eq!(rules_matching(&both, "photo: ap\nby jane"), [0, 1]);
        assert_eq!(rules_matching(&patterns, "text\nphoto: ap"), Vec::<usize>::new());
        assert_eq!(rules_matching(&patterns, "text\n© 2024 sponsored"), [1, 3]);
        assert_eq!(rules_matching(&patterns, "text ©"), Vec::<usize>::new());
        // A match at a later line, over the next lines.
        assert_eq!(rules_matching(&patterns, "archive\nmay (3)\njune (4)"), [4]);
    }
}
