//! The phrases that open with a letter or digit of a spaced script, found
//! by looking up the first four bytes at each word start of a text in a
//! small hash table, then comparing the next eight at once with those of
//! each phrase filed under them.
//!
//! Such a phrase counts only where it starts a word (see
//! `compile::on_word_boundaries`: "ad" must not match "read"), so its
//! occurrences are all at word starts, and a text has a word start every
//! six bytes or so. One probe of a table of a few kilobytes per word start
//! costs a fraction of walking every byte through an Aho-Corasick DFA of
//! 600 KB, whose states do not stay in the cache between blocks: with the
//! built-in rules, `perf` put 11 % of a run's samples in that walk.

use std::ops::Range;

use super::compile::is_word_char;
use crate::bytes8;

/// Phrases of at least `KEY_BYTES` bytes whose first character is a letter
/// or digit of a spaced script, by their first bytes.
#[derive(Debug, Clone)]
pub(super) struct WordStarts {
    /// A power of two of slots, at most half of them taken, each the first
    /// `KEY_BYTES` bytes of some phrases (never 0: a word character is
    /// not a zero byte) or 0 for a free slot.
    keys: Box<[u32]>,
    /// For each slot, its run of `heads`.
    runs: Box<[(u32, u32)]>,
    heads: Vec<Head>,
    /// One bit per `FILTER_BITS`-th of the hashes, set for the hashes of
    /// the keys: most word starts are turned away by one bit of 512 bytes,
    /// which stay in the cache where the table would not.
    filter: Box<[u64; FILTER_BITS / 64]>,
}

/// The bits of the filter: the 426 keys of the built-in rules set 402 of
/// them, so a word start that is no key passes one time in ten.
const FILTER_BITS: usize = 4096;

/// The bytes a phrase is keyed by, and the fewest a phrase here has.
const KEY_BYTES: usize = 4;

/// A phrase's first eight bytes (fewer for a shorter phrase, the rest zero),
/// which a text's eight bytes at a word start are compared with in one go.
#[derive(Debug, Clone, Copy)]
struct Head {
    bytes: u64,
    /// Which bytes of `bytes` are the phrase's.
    mask: u64,
    phrase: u32,
}

impl WordStarts {
    /// Whether `phrase` belongs here: it opens with a word character and is
    /// long enough for a key.
    pub fn admits(phrase: &str) -> bool {
        phrase.len() >= KEY_BYTES && phrase.chars().next().is_some_and(is_word_char)
    }

    /// The index of `phrases` (index, phrase), each of which [`WordStarts::admits`].
    pub fn build<'p>(phrases: impl Iterator<Item = (usize, &'p str)>) -> WordStarts {
        let mut entries: Vec<(u32, Head)> = phrases
            .map(|(i, phrase)| {
                debug_assert!(WordStarts::admits(phrase), "{phrase}");
                let n = phrase.len().min(8);
                let mask = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
                let head =
                    Head { bytes: bytes8::load_padded(phrase.as_bytes()) & mask, mask, phrase: i as u32 };
                (key_of(phrase.as_bytes()), head)
            })
            .collect();
        entries.sort_unstable_by_key(|&(key, head)| (key, head.phrase));
        let distinct = entries.windows(2).filter(|w| w[0].0 != w[1].0).count() + 1;
        let slots = (distinct * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; slots].into_boxed_slice();
        let mut runs = vec![(0u32, 0u32); slots].into_boxed_slice();
        let mut filter = Box::new([0u64; FILTER_BITS / 64]);
        let mut start = 0;
        while start < entries.len() {
            let key = entries[start].0;
            let end = entries[start..].iter().position(|e| e.0 != key).map_or(entries.len(), |n| start + n);
            let mut s = slot(key, slots);
            while keys[s] != 0 {
                s = (s + 1) & (slots - 1);
            }
            keys[s] = key;
            runs[s] = (start as u32, end as u32);
            let bit = slot(key, FILTER_BITS);
            filter[bit / 64] |= 1 << (bit % 64);
            start = end;
        }
        WordStarts { keys, runs, heads: entries.into_iter().map(|(_, head)| head).collect(), filter }
    }

    /// Calls `found` with the index and range of every phrase of `phrases`
    /// here that occurs in `text` at a word start: a word character after
    /// none (or at the start).
    ///
    /// ASCII is read eight bytes at a time: which bytes are letters or
    /// digits, and which of those follow none, by bit arithmetic on the
    /// eight bytes as one number; other text a character at a time.
    pub fn find(&self, phrases: &[String], text: &str, found: &mut impl FnMut(usize, Range<usize>)) {
        if self.heads.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut after_word = false;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(x) = bytes8::load(bytes, i)
                && x & bytes8::HIGH_BITS == 0
            {
                let word = bytes8::alphanumeric(x);
                let mut starts = word & !((word << 8) | if after_word { 0x80 } else { 0 });
                while starts != 0 {
                    let at = i + (starts.trailing_zeros() / 8) as usize;
                    self.look_up(phrases, &bytes[at..], at, found);
                    starts &= starts - 1;
                }
                after_word = word >> 63 != 0;
                i += 8;
                continue;
            }
            let (word, width) = if bytes[i].is_ascii() {
                (bytes[i].is_ascii_alphanumeric(), 1)
            } else {
                match text[i..].chars().next() {
                    Some(c) => (is_word_char(c), c.len_utf8()),
                    None => break,
                }
            };
            if word && !after_word {
                self.look_up(phrases, &bytes[i..], i, found);
            }
            after_word = word;
            i += width;
        }
    }

    /// Reports the phrases that `rest`, the text from byte `at`, starts with.
    #[inline(always)]
    fn look_up(
        &self,
        phrases: &[String],
        rest: &[u8],
        at: usize,
        found: &mut impl FnMut(usize, Range<usize>),
    ) {
        if rest.len() < KEY_BYTES {
            return;
        }
        let key = key_of(rest);
        let bit = slot(key, FILTER_BITS);
        if self.filter[bit / 64] & (1 << (bit % 64)) != 0 {
            self.look_up_key(phrases, key, rest, at, found);
        }
    }

    /// [`WordStarts::look_up`] past the filter.
    #[inline(never)]
    fn look_up_key(
        &self,
        phrases: &[String],
        key: u32,
        rest: &[u8],
        at: usize,
        found: &mut impl FnMut(usize, Range<usize>),
    ) {
        let heads = self.get(key);
        if heads.is_empty() {
            return;
        }
        let text_head = bytes8::load_padded(rest);
        for head in heads {
            if text_head & head.mask != head.bytes {
                continue;
            }
            let phrase = phrases[head.phrase as usize].as_bytes();
            if phrase.len() <= 8 || rest.starts_with(phrase) {
                found(head.phrase as usize, at..at + phrase.len());
            }
        }
    }

    /// The heads under `key`.
    #[inline]
    fn get(&self, key: u32) -> &[Head] {
        let mask = self.keys.len() - 1;
        let mut s = slot(key, self.keys.len());
        loop {
            let k = self.keys[s];
            if k == key {
                let (start, end) = self.runs[s];
                return &self.heads[start as usize..end as usize];
            }
            if k == 0 {
                return &[];
            }
            s = (s + 1) & mask;
        }
    }
}

/// The key of a phrase, or of a text at a word start: its first
/// `KEY_BYTES` bytes, of which there must be as many.
#[inline]
fn key_of(bytes: &[u8]) -> u32 {
    let mut key = [0u8; KEY_BYTES];
    key.copy_from_slice(&bytes[..KEY_BYTES]);
    u32::from_le_bytes(key)
}

/// The slot a key's probe starts at, of `slots` (a power of two), by
/// Fibonacci hashing.
#[inline]
fn slot(key: u32, slots: usize) -> usize {
    (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - slots.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(phrases: &[&str], text: &str) -> Vec<(usize, Range<usize>)> {
        let phrases: Vec<String> = phrases.iter().map(|p| (*p).to_owned()).collect();
        let index = WordStarts::build(phrases.iter().enumerate().map(|(i, p)| (i, p.as_str())));
        let mut out = Vec::new();
        index.find(&phrases, text, &mut |i, r| out.push((i, r)));
        out.sort_by_key(|(i, r)| (*i, r.start));
        out
    }

    #[test]
    fn phrases_are_found_at_word_starts_only() {
        let phrases = ["sign up for our newsletter", "sign up", "share", "newsletter"];
        let text = "sign up for our newsletter; reshare it, share it, signup";
        assert_eq!(found(&phrases, text), [(0, 0..26), (1, 0..7), (2, 40..45), (3, 16..26)]);
    }

    #[test]
    fn word_starts_follow_any_script() {
        let phrases = ["datenschutz", "данный материал", "cookies"];
        // After a CJK character a word starts; after an accented letter it does not.
        let text = "広告cookies écookies данный материал, datenschutz";
        assert_eq!(found(&phrases, text), [(0, 55..66), (1, 24..53), (2, 6..13)]);
    }

    #[test]
    fn phrases_at_the_end_and_sharing_keys_are_found() {
        let phrases = ["read more", "read more stories", "reads", "read"];
        assert_eq!(found(&phrases, "read more"), [(0, 0..9), (3, 0..4)]);
        assert_eq!(found(&phrases, "read more stories"), [(0, 0..9), (1, 0..17), (3, 0..4)]);
        assert_eq!(found(&phrases, "reads"), [(2, 0..5), (3, 0..4)]);
        assert_eq!(found(&phrases, "rea"), []);
    }

    #[test]
    fn long_texts_mixing_scripts_are_read_in_both_ways() {
        let phrases = ["cookies", "data", "für sie", "sign up now"];
        let text = "We use (cookies) and data;für sie sign up now——cookies,datacookies für sie";
        let text = text.to_lowercase();
        let expected: Vec<(usize, Range<usize>)> = {
            let mut v = Vec::new();
            for (i, p) in phrases.iter().enumerate() {
                for (at, _) in text.match_indices(p) {
                    if !text[..at].chars().next_back().is_some_and(is_word_char) {
                        v.push((i, at..at + p.len()));
                    }
                }
            }
            v.sort_by_key(|(i, r)| (*i, r.start));
            v
        };
        assert_eq!(found(&phrases, &text), expected);
        assert_eq!(expected.len(), 7);
    }

    #[test]
    fn what_the_index_admits() {
        assert!(WordStarts::admits("read more"));
        assert!(WordStarts::admits("für sie"));
        assert!(!WordStarts::admits("ad"));
        assert!(!WordStarts::admits("... read more"));
        assert!(!WordStarts::admits("広告です"));
        assert!(!WordStarts::admits("기사제보"));
    }
}
