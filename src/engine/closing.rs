//! A story's closing line: a sentence too short to widen the body as a
//! sentence does, right under its last paragraph ("Police are
//! investigating.", "ではまた。").

use crate::analyze::Analyzed;

/// Whether `b`, one line (`line`, trimmed), closes a story as its last
/// paragraph. In Chinese or Japanese: at least `CJK_CLOSING_CHARS`
/// characters ending with a full stop or an exclamation mark. In a
/// script with spaces: at least `CLOSING_WORDS` words in sentence case
/// (at most half of them capitalised, two in three in German),
/// opening with a capital and ending with a full stop (a widget's prompt
/// asks or exclaims, a teaser trails off), and not opening with a call to
/// action's word ("Leave a comment.", "Thanks for reading.", "See all
/// stories."): a statement, not an invitation.
pub(super) fn closing_line(b: &Analyzed, line: &str) -> bool {
    if b.lines != 1 {
        return false;
    }
    if b.mostly_cjk() {
        return b.chars >= CJK_CLOSING_CHARS && line.ends_with(['。', '！']);
    }
    if b.words < CLOSING_WORDS
        || !line.ends_with('.')
        || line.ends_with("..")
        || !line.starts_with(char::is_uppercase)
    {
        return false;
    }
    let Some(first) = b.form.as_str().split_whitespace().next() else { return false };
    let listed = |list: &str| list.split(' ').any(|w| w == first);
    // German capitalises its nouns: a sentence that opens with an article
    // or a pronoun ("Die Polizei ermittelt.") may have two capitals in three.
    let most_capitals = if listed(GERMAN_OPENERS) { GERMAN_CAPITAL_SHARE } else { 0.5 };
    b.capital_share <= most_capitals && !listed(CALL_OPENERS)
}

/// The fewest non-space characters of a short closing sentence in Chinese
/// or Japanese.
const CJK_CLOSING_CHARS: usize = 5;

/// The fewest words of a short closing sentence in a script with spaces.
const CLOSING_WORDS: usize = 3;

/// First words (in the matching form: lower case) of a call to action, a
/// thanks or a widget's note rather than a story's statement: imperatives
/// ("Read", "Share", "Leave", "Lesen", "Partagez", "Deja"), "Thanks",
/// "Merci", "Please", "More (from …)", "You (might also like)", "Be (the
/// first …)", "Made (with …)", "Powered (by …)", "Story (continues
/// below)", "Posted (by …)", "Updated (2 hours ago)", "Free (delivery …)",
/// "Our (journalism needs you)"; separated by single spaces. "No" is
/// none: "No one was hurt." closes many a story.
const CALL_OPENERS: &str = "abonnez-vous abonnieren advertise advertisement assine back be book browse buy check claim \
     click clique cliquez comparte condividi conheça contact continue create danke deja \
     descubra descubre discover don't donate download découvrez email enjoy enjoyed entdecken \
     explore filed find folgen follow free get go grab gracias grazie have haz inscrivez-vous \
     install iscriviti join keep kommentieren learn leave lee leggi leia lesen let like lire \
     listen log made merci mira more never obrigada obrigado open our partagez please posted \
     powered print promoted published rate read register reply report return save scopri see \
     segui send share shop siga sign sigue sponsored start stay story submit subscribe suivez \
     support suscríbete switch tagged teilen tell thank thanks try unlock updated upgrade veja \
     ver vielen view visit voir want watch you your";

/// Articles and pronouns that open a German sentence (in the matching
/// form), and the share of capitalised words such a sentence may have.
const GERMAN_OPENERS: &str = "der die das den dem ein eine einer er sie es wir man";
const GERMAN_CAPITAL_SHARE: f32 = 0.7;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze_standalone;
    use crate::lang::LangDetector;

    fn closes(text: &str) -> bool {
        closing_line(&analyze_standalone(text, &LangDetector::new(&["en"])), text)
    }

    #[test]
    fn short_statements_close_a_story() {
        for t in [
            "Police are investigating.",
            "No one was hurt.",
            "The road remains closed.",
            "Une enquête a été ouverte.",
            "Die Polizei ermittelt.",
            "ではまた。",
        ] {
            assert!(closes(t), "{t:?}");
        }
    }

    #[test]
    fn invitations_titles_and_prompts_do_not() {
        for t in [
            "Leave a comment.",
            "Thanks for reading.",
            "Story continues below.",
            "Related Stories Here.",
            "Police are investigating?",
            "Police are investigating...",
            "Two words.",
            "police are investigating.",
            "Police are investigating.\nThe road is closed.",
        ] {
            assert!(!closes(t), "{t:?}");
        }
    }
}
