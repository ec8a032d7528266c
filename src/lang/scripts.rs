//! Script counts of a text: letters by script, words, tokens and capitals,
//! counted in one pass.

use super::function_words::{ENGLISH, FOREIGN, function_class, is_foreign_accented};

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
