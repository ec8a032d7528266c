//! A story's closing line: a sentence too short to widen the body as a
//! sentence does, right under its last paragraph ("Police are
//! investigating.", "ではまた。").

use crate::analyze::Analyzed;

/// Whether `b`, one line (`line`, trimmed), closes a story as its last
/// paragraph. In Chinese or Japanese: at least `CJK_CLOSING_CHARS`
/// characters ending with a full stop or an exclamation mark. In a
/// script with spaces: at least `CLOSING_WORDS` words in sentence case,
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
    b.words >= CLOSING_WORDS
        && b.capital_share <= 0.5
        && line.ends_with('.')
        && !line.ends_with("..")
        && line.starts_with(char::is_uppercase)
        && b.form.as_str().split_whitespace().next().is_some_and(|w| !CALL_OPENERS.split(' ').any(|c| c == w))
}

/// The fewest non-space characters of a short closing sentence in Chinese
/// or Japanese.
const CJK_CLOSING_CHARS: usize = 5;

/// The fewest words of a short closing sentence in a script with spaces.
const CLOSING_WORDS: usize = 3;

/// First words (in the matching form: lower case) of a call to action, a
/// thanks or a widget's note rather than a story's statement: imperatives
/// ("Read", "Share", "Leave", "Lesen", "Partagez", "Deja"), "Thanks",
/// "Merci", "Please", "No (comments yet)", "More (from …)", "You (might
/// also like)", "Be (the first …)", "Made (with …)", "Powered (by …)";
/// separated by single spaces.
const CALL_OPENERS: &str = "abonnez-vous abonnieren advertise all assine be book browse buy check click clique cliquez \
     comparte contact continue danke deja discover donate download email explore find folgen \
     follow get go gracias grazie haz inscrivez-vous join kommentieren learn leave lee leia \
     lesen let like lire listen log made merci more no obrigada obrigado partagez please \
     powered print rate read register reply report return see send share shop siga sign sigue \
     submit subscribe suivez support suscríbete teilen tell thank thanks veja vielen view visit \
     watch you your";
