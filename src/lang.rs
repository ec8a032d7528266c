//! Per-block language: script first, cheap evidence second, whatlang last.
//!
//! whatlang names every Chinese text `cmn`, needs kana to call Japanese, and
//! is unreliable on short blocks; it is also the most expensive step of the
//! pipeline. So a block is decided by its script where the script is enough
//! (Hangul → `ko`, kana → `ja`, Han alone → `zh`, refined to `zh-Hant` or
//! `zh-Hans` by characters unique to each script); a Latin block with a high
//! density of English function words is English without asking anyone; only
//! the rest goes to whatlang, on a bounded prefix, with an allowlist.
//!
//! A block is Latin when Latin words are at least half of its words, counting
//! each Han, kana and Hangul character as one word and ignoring ALL-CAPS
//! tokens of up to five letters (tickers). Then only its Latin part is shown
//! to the detector: an English sentence that quotes a Chinese name is English.

use std::sync::{Arc, OnceLock};

use whatlang::Lang;

use crate::segment::byte_prefix;

/// Bytes of a block shown to whatlang; its trigram profile settles well before.
const DETECT_PREFIX: usize = 1024;
/// Below this share of letters a block is code, a table or a formula: the
/// detector's guess about it is not trusted, so it is not asked.
pub const MIN_LETTER_SHARE: f32 = 0.7;
/// Latin words below which whatlang is not asked.
const MIN_DETECT_WORDS: u32 = 4;
/// Letters of other scripts below which whatlang is not asked.
const MIN_DETECT_LETTERS: u32 = 12;

/// The language of a block, as far as it can be told.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct LangGuess {
    /// ISO 639-1 code (`en`, `de`, `zh-Hant`, …), or `None` when the block has
    /// no letters of its own (numbers, punctuation, URLs, tickers).
    pub tag: Option<&'static str>,
    /// 0 to 1: how sure the guess is.
    pub confidence: f32,
    /// What decided it.
    pub method: LangMethod,
}

/// What decided a block's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LangMethod {
    /// No letters: no language.
    NoLetters,
    /// The script alone (Han, kana, Hangul).
    Script,
    /// English function words.
    FunctionWords,
    /// The whatlang detector.
    Detector,
    /// The detector could not tell.
    Unknown,
    /// Not asked: cleaning did not need this block's language, and the
    /// caller did not want it reported ([`crate::Thresh::clean_text`]).
    NotAsked,
}

impl LangMethod {
    /// The kebab-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            LangMethod::NoLetters => "no-letters",
            LangMethod::Script => "script",
            LangMethod::FunctionWords => "function-words",
            LangMethod::Detector => "detector",
            LangMethod::Unknown => "unknown",
            LangMethod::NotAsked => "not-asked",
        }
    }
}

impl LangGuess {
    /// The primary language subtag: `zh` for `zh-Hant`.
    pub fn primary(&self) -> Option<&'static str> {
        self.tag.map(primary)
    }
}

/// The primary subtag of a language tag: `zh` for `zh-Hant`.
pub fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Script counts of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Scripts {
    /// Latin letters.
    pub latin: u32,
    /// Latin words, not counting ALL-CAPS tokens of five letters or fewer.
    pub latin_words: u32,
    /// English function words among the Latin words.
    pub english_words: u32,
    /// Function words of other Latin-script languages among the Latin words.
    pub foreign_words: u32,
    /// Latin letters outside ASCII (é, ß, ø, ą, …).
    pub accented: u32,
    /// Han characters.
    pub han: u32,
    /// Hiragana and katakana.
    pub kana: u32,
    /// Hangul syllables and jamo.
    pub hangul: u32,
    /// Letters of any other script (Cyrillic, Greek, Arabic, Thai, …).
    pub other: u32,
    /// Decimal digits.
    pub digits: u32,
    /// Characters other than white space.
    pub non_space: u32,
    /// Letters of any script.
    pub letters: u32,
    /// Tokens between white space (`str::split_whitespace`).
    #[serde(skip)]
    pub tokens: u32,
    /// Tokens whose first letter has a case.
    #[serde(skip)]
    pub cased_tokens: u32,
    /// Tokens whose first letter is a capital.
    #[serde(skip)]
    pub capital_tokens: u32,
    /// Holds a CJK full stop, exclamation or question mark (。！？).
    #[serde(skip)]
    pub cjk_stop: bool,
}

impl Scripts {
    /// Counts the scripts of `text`.
    pub fn count(text: &str) -> Scripts {
        let mut s = Scripts::default();
        let mut word_start: Option<usize> = None;
        // Whether the word being read has a letter outside ASCII.
        let mut word_accented = false;
        let flush = |s: &mut Scripts, word: &str, accented: bool| {
            // An acronym of up to five capitals is not a word of the text.
            let acronym = if accented {
                word.chars().count() <= 5 && word.chars().all(char::is_uppercase)
            } else {
                word.len() <= 5 && word.bytes().all(|b| b.is_ascii_uppercase())
            };
            if !acronym {
                s.latin_words += 1;
                match function_class(word) {
                    ENGLISH => s.english_words += 1,
                    FOREIGN => s.foreign_words += 1,
                    _ => s.foreign_words += u32::from(accented && is_foreign_accented(word)),
                }
            }
        };
        // The token being read, and whether a letter of it was seen.
        let (mut in_token, mut lettered) = (false, false);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII first, a byte at a time: most text is.
            let b = bytes[i];
            if b.is_ascii() {
                // ASCII white space is what `char::is_whitespace` and
                // `is_space` say it is.
                if b.is_ascii_whitespace() || b == 0x0B {
                    in_token = false;
                } else {
                    if !in_token {
                        (in_token, lettered) = (true, false);
                        s.tokens += 1;
                    }
                    if !lettered && b.is_ascii_alphabetic() {
                        lettered = true;
                        s.cased_tokens += 1;
                        s.capital_tokens += u32::from(b.is_ascii_uppercase());
                    }
                }
                if b.is_ascii_alphabetic() {
                    // The rest of the word's ASCII letters at once.
                    let run =
                        1 + bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphabetic()).count() as u32;
                    s.latin += run;
                    s.letters += run;
                    s.non_space += run;
                    word_start.get_or_insert(i);
                    i += run as usize;
                    continue;
                } else {
                    if let Some(start) = word_start.take() {
                        flush(&mut s, &text[start..i], std::mem::take(&mut word_accented));
                    }
                    if in_token {
                        s.non_space += 1;
                        s.digits += u32::from(b.is_ascii_digit());
                    }
                }
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            let at = i;
            i += c.len_utf8();
            // Asked once: outside ASCII it is a table search.
            let alphabetic = c.is_alphabetic();
            if c.is_whitespace() {
                in_token = false;
            } else {
                if !in_token {
                    (in_token, lettered) = (true, false);
                    s.tokens += 1;
                }
                if !lettered && alphabetic {
                    lettered = true;
                    let (upper, lower) = (c.is_uppercase(), c.is_lowercase());
                    s.cased_tokens += u32::from(upper || lower);
                    s.capital_tokens += u32::from(upper);
                }
                s.cjk_stop |= matches!(c, '。' | '！' | '？');
            }
            if alphabetic && is_latin_block(c) {
                s.latin += 1;
                s.accented += 1;
                s.letters += 1;
                s.non_space += 1;
                word_start.get_or_insert(at);
                word_accented = true;
                continue;
            }
            if let Some(start) = word_start.take() {
                flush(&mut s, &text[start..at], std::mem::take(&mut word_accented));
            }
            if crate::segment::is_space(c) {
                continue;
            }
            s.non_space += 1;
            if alphabetic {
                s.letters += 1;
            }
            if is_han(c) {
                s.han += 1;
            } else if is_kana(c) {
                s.kana += 1;
            } else if is_hangul(c) {
                s.hangul += 1;
            } else if alphabetic {
                s.other += 1;
            }
        }
        if let Some(start) = word_start {
            flush(&mut s, &text[start..], word_accented);
        }
        s
    }

    /// The share of the non-space characters that are letters: prose is
    /// above 0.8, code, tables and formulas well below.
    pub fn letter_share(&self) -> f32 {
        if self.non_space == 0 { 0.0 } else { self.letters as f32 / self.non_space as f32 }
    }

    /// Share of the tokens with a cased first letter where it is a capital:
    /// Title Case headlines are well above a half, sentences well below.
    pub fn capital_share(&self) -> f32 {
        if self.cased_tokens == 0 { 0.0 } else { self.capital_tokens as f32 / self.cased_tokens as f32 }
    }

    /// Han, kana and Hangul characters together.
    pub fn cjk(&self) -> u32 {
        self.han + self.kana + self.hangul
    }
}

/// Guesses the language of one block of `text`.
#[derive(Clone)]
pub struct LangDetector {
    inner: Arc<Detectors>,
}

#[derive(Debug)]
struct Detectors {
    latin: whatlang::Detector,
    other: whatlang::Detector,
}

/// A block's language that only the detector can tell, not asked yet: the
/// costliest step of the analysis is taken only when a stage needs it.
#[derive(Debug, Clone)]
pub struct PendingLang {
    detector: LangDetector,
    latin: bool,
    text: Box<str>,
}

impl PendingLang {
    /// Asks the detector.
    pub fn resolve(&self) -> LangGuess {
        let d = &self.detector.inner;
        detect(if self.latin { &d.latin } else { &d.other }, &self.text)
    }
}

impl std::fmt::Debug for LangDetector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LangDetector").finish_non_exhaustive()
    }
}

impl LangDetector {
    /// A detector whose Latin-script guesses are limited to common languages
    /// plus `wanted` (the languages the caller keeps), which makes short
    /// blocks far more reliable than the full list of 70.
    pub fn new(wanted: &[&str]) -> Self {
        let mut allow: Vec<Lang> = COMMON_LATIN.to_vec();
        for code in wanted {
            if let Some(lang) = lang_for_code(code)
                && !allow.contains(&lang)
            {
                allow.push(lang);
            }
        }
        let latin = whatlang::Detector::with_allowlist(allow);
        LangDetector { inner: Arc::new(Detectors { latin, other: whatlang::Detector::new() }) }
    }

    /// The language of `text`, whose scripts were counted as `scripts`.
    pub fn guess(&self, text: &str, scripts: &Scripts) -> LangGuess {
        self.guess_lazily(text, scripts).unwrap_or_else(|pending| pending.resolve())
    }

    /// The language of `text` when cheap evidence tells it; otherwise the
    /// question for the detector, to be asked when needed.
    pub fn guess_lazily(&self, text: &str, scripts: &Scripts) -> Result<LangGuess, PendingLang> {
        let ask = |latin: bool, text: &str| PendingLang { detector: self.clone(), latin, text: text.into() };
        let cjk = scripts.cjk();
        let letters = scripts.latin_words + cjk + scripts.other;
        if letters == 0 {
            return Ok(LangGuess { tag: None, confidence: 1.0, method: LangMethod::NoLetters });
        }
        if cjk > 0 && cjk * 2 > letters {
            return Ok(guess_cjk(text, scripts));
        }
        // Too short to tell: the detector's guess would not be trusted (see
        // the language policy), and asking it is the costliest step there is.
        let unknown = LangGuess { tag: None, confidence: 0.0, method: LangMethod::Unknown };
        if scripts.other * 2 > letters {
            if scripts.other < MIN_DETECT_LETTERS || scripts.letter_share() < MIN_LETTER_SHARE {
                return Ok(unknown);
            }
            return Err(ask(false, byte_prefix(text, DETECT_PREFIX)));
        }
        // Latin: at least half the words. English function words settle it cheaply.
        let english = scripts.english_words >= 2 && scripts.foreign_words * 3 <= scripts.english_words;
        if scripts.latin_words >= 4 && english && scripts.english_words * 4 >= scripts.latin_words {
            let confidence = if scripts.latin_words >= 8 { 0.99 } else { 0.9 };
            return Ok(LangGuess { tag: Some("en"), confidence, method: LangMethod::FunctionWords });
        }
        // A headline or a menu in English has fewer function words, but in
        // plain ASCII, with two English ones and none of another language's,
        // it is English all the same (a German or French line has accents or
        // its own articles).
        if scripts.english_words >= 2 && scripts.foreign_words == 0 && scripts.accented == 0 {
            return Ok(LangGuess { tag: Some("en"), confidence: 0.8, method: LangMethod::FunctionWords });
        }
        // The detector's guess about code, a table or a formula is not
        // trusted (see the language policy): do not ask.
        if scripts.latin_words < MIN_DETECT_WORDS || scripts.letter_share() < MIN_LETTER_SHARE {
            return Ok(unknown);
        }
        if cjk == 0 {
            return Err(ask(true, byte_prefix(text, DETECT_PREFIX)));
        }
        let latin_part: String = text
            .chars()
            .filter(|&c| !(is_han(c) || is_kana(c) || is_hangul(c)))
            .take(DETECT_PREFIX)
            .collect();
        Err(ask(true, &latin_part))
    }
}

/// The ISO 639-1 codes the detector knows, for validating `--lang`.
pub fn known_codes() -> impl Iterator<Item = &'static str> {
    ISO.iter().map(|&(_, code)| code)
}

/// Whether `code` is a language code the detector knows.
pub fn is_known_code(code: &str) -> bool {
    known_codes().any(|c| c == code)
}

fn guess_cjk(text: &str, s: &Scripts) -> LangGuess {
    let cjk = s.cjk();
    let confidence = (0.5 + cjk as f32 / 10.0).min(1.0);
    let tag = if s.hangul > s.kana && s.hangul * 2 >= s.han {
        "ko"
    } else if s.kana > 0 && s.kana * 10 >= s.han + s.kana {
        "ja"
    } else {
        chinese_variant(text)
    };
    LangGuess { tag: Some(tag), confidence, method: LangMethod::Script }
}

/// `zh-Hant`, `zh-Hans`, or `zh` when the characters do not tell.
fn chinese_variant(text: &str) -> &'static str {
    let sets = han_sets();
    let (mut hant, mut hans) = (0u32, 0u32);
    let mut buf = [0u8; 4];
    for c in text.chars().filter(|&c| is_han(c)) {
        if sets.simplified_only.contains(c) {
            hans += 1;
        } else if sets.traditional.contains(c) || (!HanSet::covers(c) && is_traditional(c, &mut buf)) {
            hant += 1;
        }
    }
    match hant.cmp(&hans) {
        std::cmp::Ordering::Greater => "zh-Hant",
        std::cmp::Ordering::Less => "zh-Hans",
        std::cmp::Ordering::Equal => "zh",
    }
}

/// A bit set over the CJK Unified Ideographs block.
struct HanSet(Vec<u64>);

impl HanSet {
    const START: u32 = 0x4E00;
    const END: u32 = 0xA000;

    fn empty() -> HanSet {
        HanSet(vec![0u64; ((Self::END - Self::START) as usize).div_ceil(64)])
    }

    fn covers(c: char) -> bool {
        (Self::START..Self::END).contains(&(c as u32))
    }

    fn insert(&mut self, c: char) {
        let i = (c as u32 - Self::START) as usize;
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn contains(&self, c: char) -> bool {
        if !Self::covers(c) {
            return false;
        }
        let i = (c as u32 - Self::START) as usize;
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// The characters fast2s folds (Traditional), and those it folds into that
/// are not themselves Traditional (Simplified-only): found once, in one run
/// of fast2s over the CJK block.
struct HanSets {
    traditional: HanSet,
    simplified_only: HanSet,
}

fn han_sets() -> &'static HanSets {
    static SETS: OnceLock<HanSets> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut traditional = HanSet::empty();
        let mut targets = HanSet::empty();
        let mut buf = [0u8; 4];
        for c in (HanSet::START..HanSet::END).filter_map(char::from_u32) {
            if let Some(s) = fast2s::convert(c.encode_utf8(&mut buf)).chars().next()
                && s != c
            {
                traditional.insert(c);
                if HanSet::covers(s) {
                    targets.insert(s);
                }
            }
        }
        let simplified_only =
            HanSet(targets.0.iter().zip(&traditional.0).map(|(t, trad)| t & !trad).collect());
        HanSets { traditional, simplified_only }
    })
}

/// Whether fast2s folds `c` to another character.
fn is_traditional(c: char, buf: &mut [u8; 4]) -> bool {
    !fast2s::convert(c.encode_utf8(buf)).starts_with(c)
}

/// Below this whatlang confidence a guess is noise: the block is reported
/// with no language and follows its neighbours.
const MIN_DETECTOR_CONFIDENCE: f64 = 0.25;

fn detect(detector: &whatlang::Detector, text: &str) -> LangGuess {
    match detector.detect(text) {
        Some(info) if info.confidence() < MIN_DETECTOR_CONFIDENCE => {
            LangGuess { tag: None, confidence: info.confidence() as f32, method: LangMethod::Unknown }
        }
        Some(info) => LangGuess {
            tag: iso_639_1(info.lang()),
            confidence: info.confidence() as f32,
            method: LangMethod::Detector,
        },
        None => LangGuess { tag: None, confidence: 0.0, method: LangMethod::Unknown },
    }
}

/// Whether `c` lies in a block of Latin letters outside ASCII (which also
/// hold a few signs, such as × and ÷).
fn is_latin_block(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF)
}

/// Han ideographs, including the compatibility and extension blocks.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3005 | 0x3007)
}

/// Hiragana and katakana, including half-width katakana.
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
        && c != '\u{30FB}' // the katakana middle dot is punctuation
}

/// Hangul syllables and jamo.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xD7B0..=0xD7FF)
}

/// Letters of scripts that do not separate words by spaces, or attach
/// particles to them: Han, kana, Hangul, Thai, Lao, Khmer, Myanmar.
pub fn is_unspaced(c: char) -> bool {
    is_han(c)
        || is_kana(c)
        || is_hangul(c)
        || matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Whether `word` is one of the most frequent function words of German,
/// French, Spanish, Portuguese, Italian, Dutch, the Scandinavian languages,
/// Polish, Czech, Turkish or Indonesian that is not also an English word
/// ("die", "was", "do", "per", "van", "met" are left out).
pub fn is_foreign_function_word(word: &str) -> bool {
    function_class(word) == FOREIGN || is_foreign_accented(word)
}

/// The foreign function words with letters outside ASCII, which keys do not hold.
fn is_foreign_accented(word: &str) -> bool {
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
    b"ao", b"mas", b"che", b"di", b"sono", b"della", b"gli", b"nel",
    // nl, sv, da, no
    b"het", b"een", b"en", b"zijn", b"voor", b"niet", b"op", b"te", b"dat", b"ook",
    b"naar", b"och", b"att", b"det", b"som", b"med", b"av", b"til", b"og", b"ikke",
    // pl, cs, tr, id
    b"nie", b"jest", b"na", b"je", b"ve", b"bir", b"bu", b"ile", b"yang", b"ini",
    b"itu", b"dengan", b"untuk", b"dari",
];

/// The class of a function word: not one, English or foreign.
const NEITHER: u8 = 0;
const ENGLISH: u8 = 1;
const FOREIGN: u8 = 2;

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
fn function_class(word: &str) -> u8 {
    let Some(key) = word_key(word.as_bytes()) else { return NEITHER };
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

/// Latin-script languages whatlang may name by default. Rare ones are left
/// out: with all 70 languages short English blocks come back as Latin,
/// Tagalog or Esperanto.
const COMMON_LATIN: [Lang; 24] = [
    Lang::Eng,
    Lang::Deu,
    Lang::Fra,
    Lang::Spa,
    Lang::Por,
    Lang::Ita,
    Lang::Nld,
    Lang::Pol,
    Lang::Ces,
    Lang::Slk,
    Lang::Swe,
    Lang::Dan,
    Lang::Nob,
    Lang::Fin,
    Lang::Tur,
    Lang::Hun,
    Lang::Ron,
    Lang::Hrv,
    Lang::Slv,
    Lang::Lit,
    Lang::Lav,
    Lang::Est,
    Lang::Vie,
    Lang::Ind,
];

fn lang_for_code(code: &str) -> Option<Lang> {
    ISO.iter().find(|&&(_, c)| c == code).map(|&(lang, _)| lang)
}

fn iso_639_1(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Cmn => Some("zh"),
        _ => ISO.iter().find(|&&(l, _)| l == lang).map(|&(_, c)| c),
    }
}

/// whatlang's languages with their ISO 639-1 codes.
const ISO: [(Lang, &str); 70] = [
    (Lang::Afr, "af"),
    (Lang::Aka, "ak"),
    (Lang::Amh, "am"),
    (Lang::Ara, "ar"),
    (Lang::Aze, "az"),
    (Lang::Bel, "be"),
    (Lang::Ben, "bn"),
    (Lang::Bul, "bg"),
    (Lang::Cat, "ca"),
    (Lang::Ces, "cs"),
    (Lang::Cmn, "zh"),
    (Lang::Cym, "cy"),
    (Lang::Dan, "da"),
    (Lang::Deu, "de"),
    (Lang::Ell, "el"),
    (Lang::Eng, "en"),
    (Lang::Epo, "eo"),
    (Lang::Est, "et"),
    (Lang::Fin, "fi"),
    (Lang::Fra, "fr"),
    (Lang::Guj, "gu"),
    (Lang::Heb, "he"),
    (Lang::Hin, "hi"),
    (Lang::Hrv, "hr"),
    (Lang::Hun, "hu"),
    (Lang::Hye, "hy"),
    (Lang::Ind, "id"),
    (Lang::Ita, "it"),
    (Lang::Jav, "jv"),
    (Lang::Jpn, "ja"),
    (Lang::Kan, "kn"),
    (Lang::Kat, "ka"),
    (Lang::Khm, "km"),
    (Lang::Kor, "ko"),
    (Lang::Lat, "la"),
    (Lang::Lav, "lv"),
    (Lang::Lit, "lt"),
    (Lang::Mal, "ml"),
    (Lang::Mar, "mr"),
    (Lang::Mkd, "mk"),
    (Lang::Mya, "my"),
    (Lang::Nep, "ne"),
    (Lang::Nld, "nl"),
    (Lang::Nob, "nb"),
    (Lang::Ori, "or"),
    (Lang::Pan, "pa"),
    (Lang::Pes, "fa"),
    (Lang::Pol, "pl"),
    (Lang::Por, "pt"),
    (Lang::Ron, "ro"),
    (Lang::Rus, "ru"),
    (Lang::Sin, "si"),
    (Lang::Slk, "sk"),
    (Lang::Slv, "sl"),
    (Lang::Sna, "sn"),
    (Lang::Spa, "es"),
    (Lang::Srp, "sr"),
    (Lang::Swe, "sv"),
    (Lang::Tam, "ta"),
    (Lang::Tel, "te"),
    (Lang::Tgl, "tl"),
    (Lang::Tha, "th"),
    (Lang::Tuk, "tk"),
    (Lang::Tur, "tr"),
    (Lang::Ukr, "uk"),
    (Lang::Urd, "ur"),
    (Lang::Uzb, "uz"),
    (Lang::Vie, "vi"),
    (Lang::Yid, "yi"),
    (Lang::Zul, "zu"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> Option<&'static str> {
        let d = LangDetector::new(&["en"]);
        d.guess(text, &Scripts::count(text)).tag
    }

    #[test]
    fn scripts_decide_cjk() {
        assert_eq!(tag("免責聲明：投資有風險，本文並非投資建議。"), Some("zh-Hant"));
        assert_eq!(tag("免责声明：投资有风险，本文并非投资建议。"), Some("zh-Hans"));
        assert_eq!(tag("本記事は投資の勧誘を目的としたものではありません。"), Some("ja"));
        assert_eq!(tag("이 기사는 투자 권유를 목적으로 하지 않습니다."), Some("ko"));
    }

    #[test]
    fn english_with_a_chinese_name_is_english() {
        assert_eq!(
            tag("The regulator, known locally as 證監會, said the rule takes effect in May."),
            Some("en")
        );
    }

    #[test]
    fn tickers_and_numbers_have_no_language() {
        assert_eq!(tag("NVDA TSLA AAPL"), None);
        assert_eq!(tag("01-28"), None);
        assert_eq!(tag("1. 1"), None);
        assert_eq!(tag("NVDA、TSLA、騰訊控股"), Some("zh-Hant"));
    }

    #[test]
    fn latin_languages_go_to_the_detector() {
        assert_eq!(
            tag("Die Bundesregierung hat am Mittwoch neue Regeln für den Wohnungsbau beschlossen."),
            Some("de")
        );
        assert_eq!(
            tag("Le gouvernement a présenté mercredi un nouveau plan pour le logement social."),
            Some("fr")
        );
        assert_eq!(tag("Шеф-повар рассказал о новом меню ресторана."), Some("ru"));
    }

    #[test]
    fn function_words_are_english_only() {
        for w in ["the", "The", "because", "without"] {
            assert!(is_english_function_word(w), "{w}");
        }
        // Words of other languages that English shares in spelling only.
        for w in ["a", "de", "die", "me", "no", "throughout"] {
            assert!(!is_english_function_word(w), "{w}");
        }
        assert!(is_foreign_function_word("und") && is_foreign_function_word("für"));
        assert!(!is_foreign_function_word("the"));
        // Two ASCII English function words and none of another language's.
        assert_eq!(tag("Sign in to your account"), Some("en"));
        // "die" and "in" are not two English ones.
        assert_ne!(tag("Die Mannschaft in Berlin"), Some("en"));
    }

    #[test]
    fn codes() {
        assert!(is_known_code("en"));
        assert!(is_known_code("zh"));
        assert!(!is_known_code("xx"));
        assert_eq!(primary("zh-Hant"), "zh");
    }
}
