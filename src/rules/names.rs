//! Names in a rule's match. The matching form is lower case, so a regex
//! cannot tell "By Jane Smith" from "By the way"; a named group in a rule's
//! regex (`(?<author>…)`) asks that the words it matches be a name as the
//! text writes them ([`Capitals::name`]).

use std::ops::Range;

/// Which words of a block start with a capital as written: bit `k` for
/// the `k`th word (of the first 64) between white space, with the block's
/// matching form (whose words pair with the text's when it has as many)
/// and where in that form the text a rule is asked about starts (a line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capitals<'a> {
    mask: u64,
    words: usize,
    form: &'a str,
    at: usize,
}

/// The lower-case words a name may hold between capitalised ones:
/// particles ("Jan de Vries", "Ana de la Cruz", "Ursula von der Leyen",
/// "José Ortega y Gasset"), sorted. A word after the first that starts
/// "d'" or "l'" ("Valéry Giscard d'Estaing") may be lower case too.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "degli", "dei", "del", "della", "der", "des", "di",
    "do", "dos", "du", "e", "el", "i", "ibn", "la", "le", "lo", "ten", "ter", "van",
    "von", "y", "zu", "zum", "zur",
];

/// Words a Title Case heading is made of and a name hardly ever is, sorted:
/// a "name" of these alone ("By Popular Demand", "By Monday Night") is a
/// heading. Words that are also names ("May", "Grant", "Price", "Young")
/// are left out.
#[rustfmt::skip]
const HEADING_WORDS: &[&str] = &[
    "accident", "afternoon", "air", "category", "chance", "choice", "comparison",
    "contrast", "country", "date", "day", "default", "definition", "demand", "design",
    "evening", "example", "friday", "hand", "heart", "invitation", "land", "latest",
    "midnight", "monday", "morning", "name", "nature", "night", "numbers", "popular",
    "region", "request", "saturday", "sea", "sector", "sunday", "thursday", "today",
    "tomorrow", "tonight", "topic", "tuesday", "wednesday", "week", "weekend", "year",
];

impl<'a> Capitals<'a> {
    /// Capitals of a block of `words` words whose matching form is `form`,
    /// `mask` saying which of the first 64 start with a capital
    /// (`Scripts::capitals`).
    pub fn new(mask: u64, words: usize, form: &'a str) -> Capitals<'a> {
        Capitals { mask, words, form, at: 0 }
    }

    /// The same capitals, asked about the text that starts `by` bytes
    /// further into the block's form (a line of it).
    pub fn shifted(self, by: usize) -> Capitals<'a> {
        Capitals { at: self.at + by, ..self }
    }

    /// Whether `range` of the text asked about (whole words of it) is a
    /// name as the block writes it: its first and last words start with a
    /// capital, and so does every word between them but particles
    /// (`PARTICLES`); none of its words is an English function word ("By
    /// The Numbers" is a heading), and not all of them are `HEADING_WORDS`
    /// ("By Popular Demand"). A form whose words
    /// cannot be paired with the text's (more or fewer of them, or past the
    /// 64th) holds no name.
    pub fn name(self, range: Range<usize>) -> bool {
        let form = self.form;
        let (start, end) = (self.at + range.start, self.at + range.end);
        let (Some(before), Some(span), Some(after)) =
            (form.get(..start), form.get(start..end), form.get(end..))
        else {
            return false;
        };
        // Whole words: no letter or digit on either side.
        let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if word_char(before.chars().next_back())
            || word_char(after.chars().next())
            || form.split_whitespace().count() != self.words
        {
            return false;
        }
        // The word the span starts in ("(jane" counts as "(Jane" does).
        let open = before.ends_with(|c: char| !matches!(c, ' ' | '\n'));
        let first = before.split_whitespace().count() - usize::from(open);
        let words: Vec<&str> = span.split_whitespace().collect();
        if words.is_empty() || first + words.len() > 64 {
            return false;
        }
        let last = words.len() - 1;
        let elided = |word: &str| ["d'", "d’", "l'", "l’"].iter().any(|p| word.starts_with(p));
        words.iter().enumerate().all(|(k, word)| {
            let capital = self.mask >> (first + k) & 1 == 1;
            let particle = k > 0 && (elided(word) || k < last && PARTICLES.binary_search(word).is_ok());
            (capital || particle) && !crate::lang::is_english_function_word(word)
        }) && !words.iter().all(|word| HEADING_WORDS.binary_search(word).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Scripts;

    /// Whether `group`, found in the lower-case form of `text`, is a name there.
    fn named(text: &str, group: &str) -> bool {
        let s = Scripts::count(text);
        let form = text.to_lowercase();
        let start = form.find(group).expect("the group is in the text");
        Capitals::new(s.capitals, s.tokens as usize, &form).name(start..start + group.len())
    }

    #[test]
    fn names_are_capitalised_words_with_particles_between() {
        assert!(named("By Jane Smith", "jane smith"));
        assert!(named("BY JANE SMITH", "jane smith"));
        assert!(named("Door Jan de Vries", "jan de vries"));
        assert!(named("Por Ana de la Cruz", "ana de la cruz"));
        assert!(named("By Valéry Giscard d'Estaing", "valéry giscard d'estaing"));
        assert!(named("By Grant Price", "grant price"));
        assert!(named("Von Jürgen Müller-Lüdenscheidt", "jürgen müller-lüdenscheidt"));
    }

    #[test]
    fn headings_and_sentences_are_no_names() {
        assert!(!named("By the way", "the way"));
        assert!(!named("By The Numbers", "the numbers"));
        assert!(!named("Von der Leyen warnt", "der leyen warnt"));
        assert!(!named("Por qué importa", "qué importa"));
        assert!(!named("By Popular Demand", "popular demand"));
        assert!(!named("By Monday Night", "monday night"));
        assert!(!named("Von Kopf bis Fuß", "kopf bis fuß"));
        assert!(!named("By jane smith", "jane smith"));
        // Not whole words.
        assert!(!named("By Janet Smith", "anet smith"));
        assert!(!named("By Jane Smithers", "jane smith"));
        // Punctuation around them is not theirs.
        assert!(named("By Jane Smith, Reuters", "jane smith"));
        assert!(named("(Jane Smith)", "jane smith"));
    }

    #[test]
    fn a_form_that_does_not_pair_with_the_text_holds_no_name() {
        let s = Scripts::count("by Jane Smith");
        assert!(!Capitals::new(s.capitals, s.tokens as usize, "by jane smith extra").name(3..13));
        // Asked about a line that starts further in.
        let s = Scripts::count("by\nJane Smith");
        let capitals = Capitals::new(s.capitals, s.tokens as usize, "by\njane smith");
        assert!(capitals.shifted(3).name(0..10));
        assert!(!capitals.name(0..7));
    }

    #[test]
    fn the_word_lists_are_sorted_for_their_binary_search() {
        assert!(PARTICLES.windows(2).all(|w| w[0] < w[1]));
        assert!(HEADING_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
