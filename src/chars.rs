//! `char::is_alphabetic` and `char::is_alphanumeric` with the answer for
//! the commonest characters outside ASCII given without the standard
//! library's table search (about 150 instructions a character): curly
//! quotes and dashes in English text, accented Latin letters, Han and
//! Hangul. The answers are the standard library's, checked for every
//! character by the tests.

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match known(c) {
        Some(letter) => letter,
        None => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match known(c) {
        Some(letter) => letter || c.is_ascii_digit(),
        None => c.is_alphanumeric(),
    }
}

/// Whether `c` is a letter, for the characters whose answer is known
/// without a search (and where no character is numeric but the ASCII
/// digits); `None` for the rest.
#[inline]
fn known(c: char) -> Option<bool> {
    match c as u32 {
        0..=0x7F => Some(c.is_ascii_alphabetic()),
        // Latin-1 letters and Latin Extended-A and -B, but × and ÷.
        0xC0..=0x24F => Some(!matches!(c, '×' | '÷')),
        // General Punctuation: quotes, dashes, ellipsis, spaces.
        0x2000..=0x206F => Some(false),
        // CJK Unified Ideographs.
        0x4E00..=0x9FFF => Some(true),
        // Hangul syllables.
        0xAC00..=0xD7A3 => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answers_are_the_standard_librarys_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "is_alphabetic({c:?})");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "is_alphanumeric({c:?})");
        }
    }
}
