//! Function words: the most frequent words of English and of other
//! Latin-script languages, for telling English from its neighbours without
//! asking the detector.

/// Whether `word` is one of the most frequent function words of German,
/// French, Spanish, Portuguese, Italian, Dutch, the Scandinavian languages,
/// Polish, Czech, Turkish or Indonesian that is not also an English word
/// ("die", "was", "do", "per", "van", "met" are left out). "un" is
/// English's "UN" too: a sentence about the United Nations has English
/// function words enough to outweigh it.
pub fn is_foreign_function_word(word: &str) -> bool {
    function_class(word) == FOREIGN || is_foreign_accented(word)
}

/// The foreign function words with letters outside ASCII, which keys do not hold.
pub(super) fn is_foreign_accented(word: &str) -> bool {
    matches!(word, "für" | "não" | "är" | "för" | "på" | "się" | "że" | "için" | "où" | "à")
}

/// Whether `word` is one of the most frequent English function words.
pub fn is_english_function_word(word: &str) -> bool {
    function_class(word) == ENGLISH
}

// The most frequent English words that are rare as words of other
// Latin-script languages ("a", "die", "de", "me", "no" are left out).
#[rustfmt::skip]
const ENGLISH_WORDS: &[&[u8]] = &[
    b"about", b"after", b"against", b"all", b"also", b"an", b"and", b"any", b"are", b"as",
    b"at", b"be", b"because", b"been", b"before", b"being", b"but", b"by", b"can", b"could",
    b"did", b"do", b"does", b"each", b"for", b"from", b"had", b"has",
    b"have", b"he", b"her", b"him", b"his", b"how", b"i", b"if", b"in", b"into", b"is",
    b"it", b"its", b"just", b"might", b"more", b"must", b"my", b"not", b"of", b"on",
    b"only", b"or", b"other", b"our", b"out", b"over", b"said", b"she", b"should", b"so",
    b"some", b"such", b"than", b"that", b"the", b"their", b"them", b"then", b"there",
    b"these", b"they", b"this", b"those", b"through", b"to", b"under", b"until", b"up",
    b"very", b"was", b"we", b"were", b"what", b"when", b"where", b"which", b"while", b"who",
    b"whose", b"why", b"will", b"with", b"without", b"would", b"you", b"your",
];

#[rustfmt::skip]
const FOREIGN_WORDS: &[&[u8]] = &[
    // de
    b"der", b"das", b"und", b"ist", b"nicht", b"ein", b"eine", b"einen", b"mit", b"sich",
    b"auf", b"den", b"dem", b"des", b"zu", b"im", b"von", b"sie", b"auch",
    b"wie", b"bei", b"nach", b"aus", b"oder", b"wir", b"ich", b"sind", b"wird",
    // fr
    b"le", b"la", b"les", b"et", b"est", b"une", b"du", b"pour", b"dans", b"qui",
    b"que", b"pas", b"sur", b"au", b"aux", b"avec", b"par", b"ce", b"il", b"elle",
    b"sont", b"nous", b"vous", b"ou", b"mais",
    // es, pt, it
    b"el", b"los", b"las", b"y", b"por", b"con", b"para", b"del", b"una", b"es", b"se",
    b"lo", b"como", b"pero", b"su", b"muy", b"os", b"da", b"em", b"dos",
    b"ao", b"mas", b"che", b"di", b"sono", b"della", b"gli", b"nel", b"un", b"si", b"non",
    b"alla", b"nella", b"anche", b"questo", b"sul",
    // nl, sv, da, no
    b"het", b"een", b"en", b"zijn", b"voor", b"niet", b"op", b"te", b"dat", b"ook",
    b"naar", b"och", b"att", b"det", b"som", b"med", b"av", b"til", b"og", b"ikke",
    // pl, cs, tr, id
    b"nie", b"jest", b"na", b"je", b"ve", b"bir", b"bu", b"ile", b"yang", b"ini",
    b"itu", b"dengan", b"untuk", b"dari",
];

/// The class of a function word: not one, English or foreign.
pub(super) const NEITHER: u8 = 0;
pub(super) const ENGLISH: u8 = 1;
pub(super) const FOREIGN: u8 = 2;

/// Both lists of function words as keys (see [`word_key`]) in one
/// open-addressed table with their class: every Latin word of every block is
/// looked up, and a probe or two beats two binary searches.
static FUNCTION_WORDS: [(u64, u8); TABLE_SLOTS] = function_table();

const TABLE_SLOTS: usize = 512;

/// The slot a key starts its probe at (Fibonacci hashing).
const fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_SLOTS.trailing_zeros())) as usize
}

/// The class of `word`, ASCII-lower-cased.
pub(super) fn function_class(word: &str) -> u8 {
    word_key(word.as_bytes()).map_or(NEITHER, class_of_key)
}

/// The class of the word at `bytes[start..end]`, which holds ASCII letters
/// only: its key is read in one load where eight bytes are there to read
/// (a letter lower-cased is itself with bit 5 set).
#[inline]
pub(super) fn ascii_word_class(bytes: &[u8], start: usize, end: usize) -> u8 {
    let len = end - start;
    if len > MAX_KEY_BYTES {
        return NEITHER;
    }
    let Some(eight) = bytes.get(start..start + 8) else {
        return word_key(&bytes[start..end]).map_or(NEITHER, class_of_key);
    };
    let raw = u64::from_le_bytes(eight.try_into().unwrap_or_default());
    let mask = (1u64 << (8 * len)) - 1;
    class_of_key(((raw | 0x2020_2020_2020_2020) & mask) | ((len as u64) << 56))
}

fn class_of_key(key: u64) -> u8 {
    let mut i = slot(key);
    loop {
        let (k, class) = FUNCTION_WORDS[i];
        // Key 0 (the empty word) marks an empty slot: its class is NEITHER.
        if k == key || k == 0 {
            return class;
        }
        i = (i + 1) % TABLE_SLOTS;
    }
}

const fn function_table() -> [(u64, u8); TABLE_SLOTS] {
    let mut table = [(0u64, NEITHER); TABLE_SLOTS];
    let lists: [(&[&[u8]], u8); 2] = [(ENGLISH_WORDS, ENGLISH), (FOREIGN_WORDS, FOREIGN)];
    let mut l = 0;
    while l < lists.len() {
        let (words, class) = lists[l];
        let mut w = 0;
        while w < words.len() {
            let key = match word_key(words[w]) {
                Some(k) => k,
                None => panic!("a listed function word is longer than MAX_KEY_BYTES"),
            };
            let mut i = slot(key);
            while table[i].0 != 0 {
                assert!(table[i].0 != key, "a function word is listed twice");
                i = (i + 1) % TABLE_SLOTS;
            }
            table[i] = (key, class);
            w += 1;
        }
        l += 1;
    }
    table
}

/// A word of at most `MAX_KEY_BYTES` bytes, ASCII-lower-cased, packed into
/// an integer with its length in the top byte (so "the" and "the\0" differ).
/// `None` for longer words, which no list holds.
const fn word_key(word: &[u8]) -> Option<u64> {
    if word.len() > MAX_KEY_BYTES {
        return None;
    }
    let mut key = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    Some(key)
}

const MAX_KEY_BYTES: usize = 7;
