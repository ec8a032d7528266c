//! Script counts of a text: letters by script, words, tokens and capitals,
//! counted in one pass.

use super::function_words::{
    ENGLISH, FOREIGN, NEITHER, ascii_word_class, function_class, is_foreign_accented,
};

/// What `Scripts::count` needs to know of an ASCII byte, by table: bytes
/// outside ASCII are 0.
const LETTER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;
/// Any ASCII byte.
const ASCII: u8 = 16;

static ASCII_KIND: [u8; 256] = ascii_kinds();

const fn ascii_kinds() -> [u8; 256] {
    let mut kinds = [0u8; 256];
    let mut b = 0u8;
    while b < 0x80 {
        kinds[b as usize] = ASCII
            | if b.is_ascii_alphabetic() { LETTER } else { 0 }
            | if b.is_ascii_uppercase() { UPPER } else { 0 }
            | if b.is_ascii_digit() { DIGIT } else { 0 }
            // `char::is_whitespace` adds the vertical tab to ASCII's own.
            | if b.is_ascii_whitespace() || b == 0x0B { SPACE } else { 0 };
        b += 1;
    }
    kinds
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
    /// Of the first 64 tokens, those whose first letter is a capital: bit
    /// `k` for token `k` (a rule's names are asked of it, [`crate::rules::names`]).
    #[serde(skip)]
    pub capitals: u64,
    /// Holds a CJK full stop, exclamation or question mark (。！？).
    #[serde(skip)]
    pub cjk_stop: bool,
}

impl Scripts {
    /// Counts the scripts of `text`.
    ///
    /// ASCII is read a word at a time (most text is), a byte's kind looked
    /// up in one table and a word's letters eight at a time; other
    /// characters one at a time.
    pub fn count(text: &str) -> Scripts {
        let mut s = Scripts::default();
        let bytes = text.as_bytes();
        // The Latin word being read: where it starts, and whether a letter
        // of it is outside ASCII.
        let mut word: Option<usize> = None;
        let mut word_accented = false;
        // The token being read, and whether a letter of it was seen.
        let (mut in_token, mut lettered) = (false, false);
        let mut i = 0;
        while i < bytes.len() {
            let kind = ASCII_KIND[usize::from(bytes[i])];
            if kind & LETTER != 0 {
                if !in_token {
                    (in_token, lettered) = (true, false);
                    s.tokens += 1;
                }
                if !lettered {
                    lettered = true;
                    s.cased_tokens += 1;
                    if kind & UPPER != 0 {
                        s.add_capital();
                    }
                }
                // The rest of the word's ASCII letters at once, eight bytes at a time.
                let start = i;
                i += 1 + crate::bytes8::leading_letters(&bytes[i + 1..]);
                let run = (i - start) as u32;
                s.latin += run;
                s.letters += run;
                s.non_space += run;
                word.get_or_insert(start);
                continue;
            }
            if kind != 0 {
                // ASCII, not a letter: the word ends.
                if let Some(start) = word.take() {
                    s.add_word(text, start, i, std::mem::take(&mut word_accented));
                }
                // ASCII white space is what `char::is_whitespace` and
                // `is_space` say it is.
                if kind & SPACE != 0 {
                    in_token = false;
                } else {
                    if !in_token {
                        (in_token, lettered) = (true, false);
                        s.tokens += 1;
                    }
                    s.non_space += 1;
                    s.digits += u32::from(kind & DIGIT != 0);
                }
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            let at = i;
            i += c.len_utf8();
            // Asked once: outside ASCII it is a table search.
            let alphabetic = crate::chars::is_alphabetic(c);
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
                    if upper {
                        s.add_capital();
                    }
                }
                s.cjk_stop |= matches!(c, '。' | '！' | '？');
            }
            if alphabetic && is_latin_block(c) {
                s.latin += 1;
                s.accented += 1;
                s.letters += 1;
                s.non_space += 1;
                word.get_or_insert(at);
                word_accented = true;
                continue;
            }
            if let Some(start) = word.take() {
                s.add_word(text, start, at, std::mem::take(&mut word_accented));
            }
            if crate::segment::is_space(c) {
                continue;
            }
            s.non_space += 1;
            if alphabetic {
                s.letters += 1;
            }
            // Latin letters went on above.
            s.add_script(c, alphabetic);
        }
        if let Some(start) = word {
            s.add_word(text, start, text.len(), word_accented);
        }
        s
    }

    /// Counts the token being read, the `tokens`th, as one that starts with a capital.
    fn add_capital(&mut self) {
        self.capital_tokens += 1;
        if let Some(bit) = 1u64.checked_shl(self.tokens - 1) {
            self.capitals |= bit;
        }
    }

    /// Counts `c` as Han, kana or Hangul, or, when `other_letter` says it is
    /// a letter outside those and Latin, as a letter of another script.
    fn add_script(&mut self, c: char, other_letter: bool) {
        if is_han(c) {
            self.han += 1;
        } else if is_kana(c) {
            self.kana += 1;
        } else if is_hangul(c) {
            self.hangul += 1;
        } else if other_letter {
            self.other += 1;
        }
    }

    /// Counts the Latin word `text[start..end]`, unless it is an acronym of
    /// up to five capitals (a ticker, not a word of the text).
    fn add_word(&mut self, text: &str, start: usize, end: usize, accented: bool) {
        let class = if accented {
            match accented_word_class(&text[start..end]) {
                Some(class) => class,
                None => return,
            }
        } else {
            let word = &text.as_bytes()[start..end];
            if word.len() <= 5 && word.iter().all(u8::is_ascii_uppercase) {
                return;
            }
            ascii_word_class(text.as_bytes(), start, end)
        };
        self.latin_words += 1;
        self.english_words += u32::from(class == ENGLISH);
        self.foreign_words += u32::from(class == FOREIGN);
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

/// The function-word class of a Latin word with letters outside ASCII, or
/// `None` for an acronym of up to five capitals.
#[cold]
fn accented_word_class(word: &str) -> Option<u8> {
    if word.chars().count() <= 5 && word.chars().all(char::is_uppercase) {
        return None;
    }
    Some(match function_class(word) {
        NEITHER if is_foreign_accented(word) => FOREIGN,
        class => class,
    })
}

/// Whether `c` lies in a block of Latin letters outside ASCII (which also
/// hold a few signs, such as × and ÷).
pub(super) fn is_latin_block(c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{is_english_function_word, is_foreign_function_word};
    use crate::segment::is_space;

    /// The counts as defined, a character at a time, without the fast paths.
    fn reference(text: &str) -> Scripts {
        let mut s = Scripts::default();
        for (k, token) in text.split_whitespace().enumerate() {
            s.tokens += 1;
            if let Some(c) = token.chars().find(|c| c.is_alphabetic()) {
                s.cased_tokens += u32::from(c.is_uppercase() || c.is_lowercase());
                s.capital_tokens += u32::from(c.is_uppercase());
                if c.is_uppercase() && k < 64 {
                    s.capitals |= 1 << k;
                }
            }
        }
        let latin = |c: char| c.is_ascii_alphabetic() || (c.is_alphabetic() && is_latin_block(c));
        for word in text.split(|c| !latin(c)).filter(|w| !w.is_empty()) {
            if word.chars().count() <= 5 && word.chars().all(char::is_uppercase) {
                continue;
            }
            s.latin_words += 1;
            s.english_words += u32::from(is_english_function_word(word));
            s.foreign_words += u32::from(is_foreign_function_word(word));
        }
        for c in text.chars() {
            s.latin += u32::from(latin(c));
            s.accented += u32::from(latin(c) && !c.is_ascii());
            s.letters += u32::from(c.is_alphabetic());
            s.digits += u32::from(c.is_ascii_digit());
            s.non_space += u32::from(!is_space(c));
            s.cjk_stop |= matches!(c, '。' | '！' | '？');
            s.add_script(c, c.is_alphabetic() && !latin(c));
        }
        s
    }

    fn assert_counts(text: &str) {
        let (got, want) = (Scripts::count(text), reference(text));
        assert_eq!(
            (got, got.tokens, got.cased_tokens, got.capital_tokens, got.cjk_stop),
            (want, want.tokens, want.cased_tokens, want.capital_tokens, want.cjk_stop),
            "{text:?}"
        );
    }

    #[test]
    fn counts_as_defined_in_several_languages() {
        for text in [
            "",
            "The board said on Monday that it would review the plan.",
            "NVDA TSLA AAPL rose; the S&P 500 fell 1.2% (to 4,512).",
            "Die Bundesregierung hat für den Wohnungsbau neue Regeln beschlossen.",
            "Où est la gare ? À droite, après l'église.",
            "ÉTÉ, ÇA VA. Straße\u{200B}Haus\tund\u{0B}noch\r\nzwei",
            "免責聲明：投資有風險。記事は投資の勧誘ではありません！ 이 기사는？",
            "Шеф-повар рассказал о новом меню. Ελληνικά κείμενα.",
            "café×naïve ÷ 3 x\u{00A0}y\u{3000}z \u{FEFF}",
            "the",
            "und",
            "für",
            "where",
            "without",
            "Throughout",
            "A",
        ] {
            assert_counts(text);
        }
    }

    #[test]
    fn capitals_are_known_for_the_first_64_tokens() {
        let text = format!("{} the End", "Word ".repeat(70));
        assert_counts(&text);
        assert_eq!(Scripts::count(&text).capitals, u64::MAX);
        assert_eq!(Scripts::count("By Jane smith, É tá").capitals, 0b01011);
    }

    // Strings drawn from a palette that crosses every path: ASCII letters of
    // both cases, digits, punctuation, white space of each kind, accented
    // Latin, signs in the Latin blocks, CJK, Cyrillic, zero-width
    // characters, and function words (so keys are also looked up at the
    // text's end, where fewer than eight bytes are left to read).
    const PALETTE: [&str; 33] = [
        "a", "B", "the", "The", "und", "für", "où", "NVDA", "é", "Ç", "×", "1", "0", ".", "-", " ", "\t",
        "\n", "\u{0B}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "中", "か", "한", "я", "。", "！", "ß", "with",
        "WITH", "des", "ıi",
    ];

    proptest::proptest! {
        #[test]
        fn counts_as_defined_on_mixed_strings(parts in proptest::collection::vec(0..PALETTE.len(), 0..24)) {
            assert_counts(&parts.iter().map(|&p| PALETTE[p]).collect::<String>());
        }
    }
}
