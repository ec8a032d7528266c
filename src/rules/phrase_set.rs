//! The phrases of all rules, found in two ways. Those that open with a
//! letter or digit of a spaced script (most of them) can occur only at a
//! word start, and are looked up there by their first bytes
//! ([`WordStarts`]). The rest (those opening with punctuation, "… read
//! more", or with a Han, kana or Hangul character, which match anywhere)
//! go into Aho-Corasick DFAs over their first bytes: one for the phrases
//! written in ASCII (and general punctuation), one for those with other
//! letters, which a block without such letters (most of an English stream)
//! is not walked through. A part whose keys open with at most three
//! distinct bytes (the ASCII one of the built-in rules: "... read more",
//! "¿no tienes cuenta") is searched for those bytes with `memchr3` instead
//! ([`Finder`]).
//!
//! A DFA searches about twice as fast as the automaton it is built from,
//! but its build costs its number of states times its number of byte
//! classes, and the phrases' long tails are most of the states. The DFA
//! holds only each phrase's first `KEY_BYTES` bytes (cut at a character
//! boundary), which several phrases may share; where such a key occurs, the
//! phrases behind it are compared with the text. Every occurrence of a
//! phrase is an occurrence of its key, so the occurrences found are the
//! same as with whole phrases.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, BuildError, MatchKind};

use super::word_starts::WordStarts;
use crate::segment::byte_prefix;

/// The most bytes of a phrase the automaton holds.
const KEY_BYTES: usize = 8;

/// The compiled phrases.
#[derive(Debug, Clone)]
pub(super) struct PhraseSet {
    phrases: Vec<String>,
    /// The phrases found at word starts.
    starts: WordStarts,
    /// The automaton of the other phrases written in ASCII (and general
    /// punctuation), then that of the phrases with letters outside ASCII:
    /// a block without such letters (most of an English stream) is not
    /// walked through the second. One automaton of all phrases took 3 %
    /// more user time on an English stream (medians of 21 alternating runs).
    parts: Vec<Part>,
}

/// Some of the phrases' keys, and how they are found.
#[derive(Debug, Clone)]
struct Part {
    finder: Finder,
    /// For every key: the indices of the phrases it starts.
    behind: Vec<Vec<usize>>,
    /// Whether the phrases hold letters outside ASCII, so that only a text
    /// with such letters can hold one.
    foreign: bool,
}

impl PhraseSet {
    /// Compiles `phrases`; `None` when there are none.
    pub fn build(phrases: Vec<String>) -> Result<Option<PhraseSet>, BuildError> {
        if phrases.is_empty() {
            return Ok(None);
        }
        let starts = WordStarts::build(
            phrases.iter().enumerate().filter(|(_, p)| WordStarts::admits(p)).map(|(i, p)| (i, p.as_str())),
        );
        let mut parts = Vec::new();
        for foreign in [false, true] {
            let chosen = phrases
                .iter()
                .enumerate()
                .filter(|(_, p)| !WordStarts::admits(p) && has_foreign_letters(p) == foreign);
            parts.extend(Part::build(chosen, foreign)?);
        }
        Ok(Some(PhraseSet { phrases, starts, parts }))
    }

    /// Calls `found` with the index and the range of every occurrence of a
    /// phrase in `text`, overlapping ones included, in no particular order.
    pub fn find(&self, text: &str, mut found: impl FnMut(usize, Range<usize>)) {
        self.starts.find(&self.phrases, text, &mut found);
        let mut foreign: Option<bool> = None;
        for part in &self.parts {
            if part.foreign && !*foreign.get_or_insert_with(|| has_foreign_letters(text)) {
                continue;
            }
            part.find_keys(text, |k, at| {
                let rest = &text.as_bytes()[at..];
                for &i in &part.behind[k] {
                    let phrase = self.phrases[i].as_bytes();
                    if rest.starts_with(phrase) {
                        found(i, at..at + phrase.len());
                    }
                }
            });
        }
    }
}

/// How a part finds its keys.
#[derive(Debug, Clone)]
enum Finder {
    /// Keys that open with at most three distinct bytes (those opening with
    /// punctuation: "... read more", "[...] read more", "¿no tienes
    /// cuenta"): `memchr3` finds those bytes, and the keys are compared
    /// there. Aho-Corasick's own prefilter picks each key's rarest byte by a
    /// table of byte frequencies; one phrase more ("¿has probado esta
    /// receta?") made it stop at every "p" and every full stop of a block
    /// and restart the automaton there, 5 % of all instructions on an
    /// English stream.
    FirstBytes {
        /// The bytes the keys open with (one repeated where there are fewer).
        bytes: [u8; 3],
        /// The keys, in the order of `Part::behind`.
        keys: Vec<String>,
    },
    /// Other keys: a DFA without a prefilter, walked over every byte.
    Automaton(AhoCorasick),
}

impl Part {
    /// The finder of the keys of `phrases` (index, phrase); `None` when
    /// there are none.
    fn build<'p>(
        phrases: impl Iterator<Item = (usize, &'p String)>,
        foreign: bool,
    ) -> Result<Option<Part>, BuildError> {
        let mut keys: Vec<&str> = Vec::new();
        let mut behind: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, phrase) in phrases {
            let key = key_of(phrase);
            let k = *index.entry(key).or_insert_with(|| {
                keys.push(key);
                behind.push(Vec::new());
                keys.len() - 1
            });
            behind[k].push(i);
        }
        if keys.is_empty() {
            return Ok(None);
        }
        let mut first: Vec<u8> = keys.iter().map(|k| k.as_bytes()[0]).collect();
        first.sort_unstable();
        first.dedup();
        let finder = if first.len() <= 3 {
            Finder::FirstBytes {
                bytes: [first[0], first[first.len() / 2], first[first.len() - 1]],
                keys: keys.into_iter().map(str::to_owned).collect(),
            }
        } else {
            let build = |kind| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(kind)
                    .prefilter(false)
                    .build(&keys)
            };
            // Should a DFA not fit, the builder's own choice serves.
            Finder::Automaton(build(Some(AhoCorasickKind::DFA)).or_else(|_| build(None))?)
        };
        Ok(Some(Part { finder, behind, foreign }))
    }

    /// Calls `found` with the index and the start of every occurrence of a
    /// key in `text`, overlapping ones included.
    fn find_keys(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        match &self.finder {
            Finder::Automaton(automaton) => {
                for m in automaton.find_overlapping_iter(text) {
                    found(m.pattern().as_usize(), m.start());
                }
            }
            Finder::FirstBytes { bytes: [a, b, c], keys } => {
                let text = text.as_bytes();
                for at in memchr::memchr3_iter(*a, *b, *c, text) {
                    let rest = &text[at..];
                    for (k, key) in keys.iter().enumerate() {
                        if rest.starts_with(key.as_bytes()) {
                            found(k, at);
                        }
                    }
                }
            }
        }
    }
}

/// Whether `text` holds a character outside ASCII that is not punctuation
/// or a symbol of general use (curly quotes, dashes, `©`, `€`, which
/// English text carries too): a letter of another script, an accented one.
fn has_foreign_letters(text: &str) -> bool {
    !text.is_ascii()
        && text.chars().any(|c| {
            !c.is_ascii()
                && !matches!(c, '\u{00A0}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}' | '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' | '\u{2100}'..='\u{214F}')
        })
}

/// The first `KEY_BYTES` bytes of `phrase`, or fewer at a character boundary.
fn key_of(phrase: &str) -> &str {
    byte_prefix(phrase, KEY_BYTES)
}

#[cfg(test)]
mod tests {
    use super::super::compile::is_word_char;
    use super::*;

    fn found(phrases: &[&str], text: &str) -> Vec<(usize, Range<usize>)> {
        let phrases: Vec<String> = phrases.iter().map(|p| (*p).to_owned()).collect();
        let set = PhraseSet::build(phrases).unwrap().unwrap();
        let mut out = Vec::new();
        set.find(text, |i, r| out.push((i, r)));
        out.sort_by_key(|(i, r)| (*i, r.start));
        out
    }

    #[test]
    fn phrases_sharing_a_key_are_told_apart() {
        let phrases = [
            "sign up for our newsletter",
            "sign up for our daily briefing",
            "sign up",
            "newsletter",
            "sign up for our newsletter",
        ];
        let text = "sign up for our newsletter and sign up for our daily briefing";
        assert_eq!(
            found(&phrases, text),
            [(0, 0..26), (1, 31..61), (2, 0..7), (2, 31..38), (3, 16..26), (4, 0..26)]
        );
        // The key alone is no match.
        assert_eq!(found(&phrases, "sign up for our weekly email"), [(2, 0..7)]);
    }

    #[test]
    fn keys_end_at_a_character_boundary() {
        for phrase in ["tu dirección de correo", "広告", "メールアドレスが公開", "ad", "ответственность"]
        {
            let key = key_of(phrase);
            assert!(phrase.starts_with(key) && !key.is_empty(), "{phrase}");
            assert!(
                key.len() <= KEY_BYTES && (key.len() == phrase.len() || key.len() + 4 > KEY_BYTES),
                "{phrase}"
            );
        }
        assert_eq!(key_of("ad"), "ad");
        let phrases = ["メールアドレスが公開されることはありません", "メールアプリ", "メール"];
        assert_eq!(found(&phrases, "メールアドレスが公開されることはありません。"), [(0, 0..63), (2, 0..9)]);
    }

    #[test]
    fn phrases_with_foreign_letters_are_found_only_in_text_with_them() {
        assert!(!has_foreign_letters("We use cookies — “accept” all ’til 5 € ©"));
        assert!(has_foreign_letters("Wir verwenden Cookies für Sie"));
        assert!(has_foreign_letters("我们使用Cookie"));
        let phrases = ["alle akzeptieren", "datenschutzerklärung", "広告", "we use cookies", "... mehr"];
        let set = PhraseSet::build(phrases.iter().map(|p| (*p).to_owned()).collect()).unwrap().unwrap();
        // "広告" and "... mehr" open with no letter of a spaced script.
        assert_eq!(set.parts.len(), 2);
        let text = "we use cookies. datenschutzerklärung, alle akzeptieren, 広告 ... mehr";
        let mut out = Vec::new();
        set.find(text, |i, _| out.push(i));
        out.sort_unstable();
        assert_eq!(out, [0, 1, 2, 3, 4]);
        assert_eq!(found(&phrases, "we use cookies. alle akzeptieren"), [(0, 16..32), (3, 0..14)]);
    }

    /// Whether `phrase` at `at` in `text` starts where `on_word_boundaries`
    /// could accept it: it opens with no word character, or follows none.
    fn may_start(phrase: &str, text: &str, at: usize) -> bool {
        !phrase.chars().next().is_some_and(is_word_char)
            || !text[..at].chars().next_back().is_some_and(is_word_char)
    }

    /// What the set finds where `on_word_boundaries` could accept it (it
    /// may find more elsewhere, which that check turns away).
    fn found_where_words_may_start(phrases: &[&str], text: &str) -> Vec<(usize, Range<usize>)> {
        let mut out = found(phrases, text);
        out.retain(|(i, r)| may_start(phrases[*i], text, r.start));
        out
    }

    /// Every occurrence, overlapping ones too, where `on_word_boundaries`
    /// could accept it, by brute force.
    fn brute_force(phrases: &[&str], text: &str) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            for at in (0..text.len()).filter(|&at| text.is_char_boundary(at) && text[at..].starts_with(p)) {
                if may_start(p, text, at) {
                    out.push((i, at..at + p.len()));
                }
            }
        }
        out.sort_by_key(|(i, r)| (*i, r.start));
        out
    }

    #[test]
    fn every_occurrence_that_can_start_a_word_is_found() {
        let phrases = [
            "sign up",
            "sign up for",
            "up for",
            "ad",
            "read more",
            "... read more",
            "広告",
            "広告です",
            "기사제보",
            "für sie",
            "cookies",
            "kies",
            "данный",
            "more",
            "s",
        ];
        for text in [
            "sign up for our newsletter ... read more",
            "signup, ad-free, read, loads ... read more广告です",
            "広告広告 기사제보 für sie ünd für sies",
            "cookies cookies. данный материал — данныйcookies",
            "sss s ss more moremore",
            "",
        ] {
            assert_eq!(found_where_words_may_start(&phrases, text), brute_force(&phrases, text), "{text}");
        }
    }

    #[test]
    fn phrases_opening_with_few_bytes_are_found_by_them() {
        let phrases =
            ["... read more", "... mehr", "[...] read more", "[...]", "¿no tienes cuenta", "¿no", "..."];
        let set = PhraseSet::build(phrases.iter().map(|p| (*p).to_owned()).collect()).unwrap().unwrap();
        assert!(matches!(set.parts[..], [Part { finder: Finder::FirstBytes { .. }, .. }]));
        for text in [
            "the end.... read more [...] read more [...]",
            "¿no tienes cuenta? ¿no? .... mehr... mehr",
            "no dots here",
            "...",
            "",
        ] {
            assert_eq!(found_where_words_may_start(&phrases, text), brute_force(&phrases, text), "{text}");
        }
    }

    #[test]
    fn no_phrases_no_set() {
        assert!(PhraseSet::build(Vec::new()).unwrap().is_none());
    }

    const PIECES: [&str; 16] = [
        "sign", " ", "up", "ad", "read", "more", ".", "-", "é", "für", "広告", "기사", "data", "s", "\n", "…",
    ];

    proptest::proptest! {
        /// Any phrases, any text: what the set finds, kept where a word
        /// may start, is what a brute-force search finds.
        #[test]
        fn the_set_finds_what_brute_force_finds(
            phrases in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 1..5), 1..8),
            text in proptest::collection::vec(0..PIECES.len(), 0..40),
        ) {
            let phrases: Vec<String> = phrases.iter().map(|p| p.iter().map(|&k| PIECES[k]).collect()).collect();
            let mut distinct = phrases.clone();
            distinct.sort();
            distinct.dedup();
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            let refs: Vec<&str> = distinct.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(found_where_words_may_start(&refs, &text), brute_force(&refs, &text));
        }
    }
}
