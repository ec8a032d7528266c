#[cfg(any(test, feature = "dev"))]
use hashbrown::HashMap;

use super::TEXT_TRIGRAMS_SIZE;
use super::Trigram;
use crate::core::LowercaseText;
use crate::utils::is_stop_char;

#[cfg(any(test, feature = "dev"))]
pub struct TrigramsWithPositions {
    pub(crate) _total_trigrams: u32,
    pub(crate) trigram_positions: HashMap<Trigram, u32>,
}

#[cfg(any(test, feature = "dev"))]
#[inline]
pub fn get_trigrams_with_positions(text: &LowercaseText) -> TrigramsWithPositions {
    let CountResult {
        total_trigrams,
        trigram_occurances,
    } = count(text);
    let trigram_positions = trigram_occurances_to_positions(trigram_occurances);
    TrigramsWithPositions {
        _total_trigrams: total_trigrams,
        trigram_positions,
    }
}

#[cfg(any(test, feature = "dev"))]
#[inline]
fn trigram_occurances_to_positions(
    trigram_occurances: HashMap<Trigram, u32>,
) -> HashMap<Trigram, u32> {
    // Sort in descending order by number of occurrences and trigrams.
    // (Patched: each pair is packed into one integer that orders the same
    // way, count first, then the three characters, which is far cheaper to
    // sort than the tuples.)
    let mut keys: Vec<u128> = trigram_occurances
        .into_iter()
        .map(|(trigram, count)| pack(count, &trigram))
        .collect();
    keys.sort_unstable_by(|a, b| b.cmp(a));

    keys.into_iter()
        .take(TEXT_TRIGRAMS_SIZE) // we're interested only in the first 600 (2 * MAX_TRIGRAM_DISTANCE)
        .enumerate()
        .map(|(i, key)| (unpack(key), i as u32))
        .collect()
}

/// A count and a trigram as one integer: the count above the three
/// characters' code points (21 bits each), so integers compare as the
/// `(count, trigram)` tuples do.
#[cfg(any(test, feature = "dev"))]
#[inline]
fn pack(count: u32, t: &Trigram) -> u128 {
    (u128::from(count) << 63) | u128::from(trigram_key(t))
}

#[cfg(any(test, feature = "dev"))]
#[inline]
fn unpack(key: u128) -> Trigram {
    // The count starts at bit 63, which `trigram_of` does not read.
    trigram_of(key as u64)
}

/// thresh: the text's distinct trigrams in the order of their positions in
/// [`get_trigrams_with_positions`] (a trigram's index here is its position
/// there), at most `TEXT_TRIGRAMS_SIZE` of them, each packed by
/// [`trigram_key`]. Counted by sorting the keys of all the text's trigrams
/// instead of in a hash map, and ranked without a second map: the same
/// trigrams in the same order, for a fraction of the cost.
pub fn ranked_trigrams(text: &LowercaseText) -> Vec<u64> {
    let mut keys: Vec<u64> = Vec::with_capacity(text.len() + 1);
    let mut chars_iter = text.chars().map(to_trigram_char).chain(Some(' '));
    let mut c1 = ' ';
    let mut c2 = chars_iter.next().unwrap_or(' ');
    for c3 in chars_iter {
        if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
            keys.push(key_of(c1, c2, c3));
        }
        c1 = c2;
        c2 = c3;
    }
    keys.sort_unstable();
    // Each distinct trigram with its count, the trigrams in descending
    // order; then a stable sort by descending count gives `pack`'s order
    // (count, then trigram, both descending). Most trigrams of a block
    // occur once: the sort finds long runs of equal counts.
    let mut counted: Vec<(u32, u64)> = Vec::with_capacity(keys.len());
    let mut rest = keys.as_slice();
    while let Some(&key) = rest.last() {
        let run = rest.iter().rev().take_while(|&&k| k == key).count();
        counted.push((run as u32, key));
        rest = &rest[..rest.len() - run];
    }
    counted.sort_by_key(|&(count, _)| std::cmp::Reverse(count));
    counted.truncate(TEXT_TRIGRAMS_SIZE);
    counted.into_iter().map(|(_, key)| key).collect()
}

/// thresh: a trigram's three characters in one integer (21 bits each), which
/// orders as the trigrams do.
#[inline]
pub fn trigram_key(t: &Trigram) -> u64 {
    key_of(t.0, t.1, t.2)
}

/// thresh: the trigram [`trigram_key`] packed.
pub fn trigram_of(key: u64) -> Trigram {
    let c = |shift: u32| char::from_u32(((key >> shift) & 0x1F_FFFF) as u32).unwrap_or(' ');
    Trigram(c(42), c(21), c(0))
}

#[inline]
fn key_of(a: char, b: char, c: char) -> u64 {
    (u64::from(u32::from(a)) << 42) | (u64::from(u32::from(b)) << 21) | u64::from(u32::from(c))
}

#[cfg(any(test, feature = "dev"))]
struct CountResult {
    total_trigrams: u32,
    trigram_occurances: HashMap<Trigram, u32>,
}

#[cfg(any(test, feature = "dev"))]
#[inline]
fn count(text: &LowercaseText) -> CountResult {
    let hash_capacity = calculate_initial_hash_capacity(text);
    let mut trigram_occurances: HashMap<Trigram, u32> = HashMap::with_capacity(hash_capacity);
    let mut total_trigrams = 0;

    // iterate through the string and count trigrams
    let mut chars_iter = text
        .chars()
        .map(to_trigram_char)
        //.flat_map(char::to_lowercase)
        .chain(Some(' '));
    let mut c1 = ' ';
    // unwrap is safe, because we always chain a space character on the end of the iterator
    let mut c2 = chars_iter.next().unwrap();
    for cur_char in chars_iter {
        let c3 = cur_char;
        if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
            let trigram = Trigram(c1, c2, c3);
            let count = trigram_occurances.entry(trigram).or_insert(0);
            *count += 1;
            total_trigrams += 1;
        }
        c1 = c2;
        c2 = c3;
    }

    CountResult {
        total_trigrams,
        trigram_occurances,
    }
}

// Convert punctuations and digits to a space.
#[inline]
fn to_trigram_char(ch: char) -> char {
    if is_stop_char(ch) { ' ' } else { ch }
}

// In order to improve performance, define the initial capacity for trigrams hash map,
// based on the size of the input text.
#[cfg(any(test, feature = "dev"))]
#[inline]
fn calculate_initial_hash_capacity(text: &str) -> usize {
    const MAX_INITIAL_HASH_CAPACITY: usize = 2048;

    let len = text.len();
    if len > MAX_INITIAL_HASH_CAPACITY {
        MAX_INITIAL_HASH_CAPACITY
    } else {
        len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ch);
        }
    }

    fn assert_not_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ' ');
        }
    }

    #[test]
    fn test_to_trigram_char() {
        // valuable chars, that matters
        assert_valuable_trigram_chars(&['a', 'z', 'A', 'Z', 'Ж', 'ß']);

        // punctuations, digits, etc..
        //
        // 0x00 - 0x40
        assert_not_valuable_trigram_chars(&['\t', '\n', ' ', '.', '0', '9', ',', '@']);
        // 0x5B - 0x60
        assert_not_valuable_trigram_chars(&['[', ']', '^', '\\', '`']);
        // 0x7B - 0x7E
        assert_not_valuable_trigram_chars(&['[', '|', '{', '}', '~']);
    }

    fn assert_count(text: &str, pairs: &[(&str, u32)]) {
        let lowercase_text = LowercaseText::new(text);
        let CountResult {
            total_trigrams: _,
            trigram_occurances,
        } = count(&lowercase_text);
        for &(trigram_str, expected_n) in pairs.iter() {
            let chars: Vec<char> = trigram_str.chars().collect();
            let trigram = Trigram(chars[0], chars[1], chars[2]);
            let actual_n = trigram_occurances[&trigram];
            assert_eq!(
                actual_n, expected_n,
                "trigram '{:?}' expected to occur {} times, got {}",
                trigram, expected_n, actual_n
            );
        }
        assert_eq!(trigram_occurances.len(), pairs.len());
    }

    #[test]
    fn test_count() {
        assert_count("", &[]);
        assert_count(",", &[]);
        assert_count("a", &[(" a ", 1)]);
        assert_count("-a-", &[(" a ", 1)]);
        assert_count("yes", &[(" ye", 1), ("yes", 1), ("es ", 1)]);
        assert_count(
            "Give - IT...",
            &[
                (" gi", 1),
                ("giv", 1),
                ("ive", 1),
                ("ve ", 1),
                (" it", 1),
                ("it ", 1),
            ],
        );
    }

    #[test]
    fn ranked_trigrams_are_the_positions_in_order() {
        for text in [
            "",
            "a",
            "xaaaaabbbb    d",
            "Give - IT...",
            "The council approved the new budget on Tuesday after a long debate.",
            "Die Ordnung muss für immer in diesem Codebase bleiben",
        ] {
            let lowercase_text = LowercaseText::new(text);
            let positions = get_trigrams_with_positions(&lowercase_text).trigram_positions;
            let ranked = ranked_trigrams(&lowercase_text);
            assert_eq!(ranked.len(), positions.len(), "{text:?}");
            for (t, &n) in &positions {
                assert_eq!(ranked[n as usize], trigram_key(t), "{text:?}");
            }
        }
    }

    #[test]
    fn test_get_trigrams_with_positions() {
        let lowercase_text = LowercaseText::new("xaaaaabbbb    d");
        let TrigramsWithPositions {
            _total_trigrams,
            trigram_positions,
        } = get_trigrams_with_positions(&lowercase_text);

        assert_eq!(trigram_positions[&Trigram('a', 'a', 'a')], 0);
        assert_eq!(trigram_positions[&Trigram('b', 'b', 'b')], 1);
        assert_eq!(_total_trigrams, 11);
    }
}
