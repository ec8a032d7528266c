//! Live pages: posts under their times. A live blog puts each post under
//! the time it went up, a line of its own ("11.42 GMT", "09:15", "10:58
//! a.m. ET", "14:35 Uhr"), often with the post's title under the time and
//! its paragraphs under that. The posts are the article: the body widens
//! up over them, time by time, from the first long paragraph to the first
//! post's title (see `apply_rules`), so the page's headline above is not
//! mistaken for chrome and a post's title for the headline. A rule
//! (`post-time-line`) drops the times themselves.

use super::rules::SENTENCE_WORDS;
use crate::analyze::Analyzed;

/// Whether the page of `blocks` is a live page: at least `LIVE_POSTS` blocks that are
/// a post's time, each with a sentence at most `POST_REACH` blocks under it
/// (past the post's title). A page that gives one time (a story's "Updated
/// 10:35") is no live page. All the page's blocks are asked, those rules
/// have dropped as well.
pub(super) fn live_page(blocks: &[Analyzed]) -> bool {
    let posts = (0..blocks.len())
        .filter(|&i| post_time(&blocks[i]))
        .filter(|&i| blocks[i + 1..].iter().take(POST_REACH).any(|b| b.has_sentence(SENTENCE_WORDS)))
        .take(LIVE_POSTS)
        .count();
    posts >= LIVE_POSTS
}

/// The fewest posts, each under its time, that make a live page.
const LIVE_POSTS: usize = 2;
/// How far under its time a post's first sentence may stand: its title,
/// then its first paragraph.
const POST_REACH: usize = 2;

/// Whether block `i` stands right under a post's time in the text (the
/// time may have left the view: a rule dropped it).
pub(super) fn under_time(blocks: &[Analyzed], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|t| post_time(&blocks[t]))
}

/// Whether `b` is a post's time: one line of at most `TIME_CHARS`
/// non-space characters that is either a clock time ("11:42", "11.42",
/// "10h35") in at most `TIME_WORDS` words, with nothing else but a mark of
/// the half-day ("am", "p.m."), a time zone ("GMT", "ET") or "Uhr", or an
/// age in minutes or hours ([`post_age`]). A time with a dot needs such a
/// mark ("11.42" alone may be a price); one with a colon needs two figures
/// for the hour ("09:15", but not a ratio's "3:1").
pub(super) fn post_time(b: &Analyzed) -> bool {
    if b.lines != 1 || b.chars > TIME_CHARS {
        return false;
    }
    // Every time and age has a figure: most short lines (labels) have none.
    let form = b.form.as_str().trim();
    if !form.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if b.words > TIME_WORDS {
        return post_age(form);
    }
    let mut words = form.split_whitespace();
    let Some(first) = words.next() else { return false };
    // "10:58am", "10.58pm": the mark may be glued to the time.
    let (clock, glued) = clock_and_mark(first);
    let Some(separator) = clock_separator(clock) else { return post_age(form) };
    let mut marks = (!glued.is_empty()).then_some(glued).into_iter().chain(words).peekable();
    let marked = marks.peek().is_some();
    marks.all(|m| TIME_MARKS.contains(&m)) && (separator != '.' || marked)
}

/// A word split after its last figure: a clock time and the mark glued
/// to it ("10:58am" is "10:58" and "am").
fn clock_and_mark(word: &str) -> (&str, &str) {
    word.split_at(word.rfind(|c: char| c.is_ascii_digit()).map_or(0, |at| at + 1))
}

/// Whether `form` (a line's matching form) ends with a clock time and
/// its mark ("Updated at 14.52 GMT", "Posted 10:58 am ET"; a time with a
/// colon needs no mark): an update's stamp, not a title.
pub(super) fn ends_with_clock(form: &str) -> bool {
    // Every clock time has a figure: most lines end with none.
    if !form.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // From the end: the marks, then the word they follow, no list collected.
    let mut marks = 0;
    let Some(word) = form.split_whitespace().rev().find(|w| {
        let mark = TIME_MARKS.contains(w);
        marks += usize::from(mark);
        !mark
    }) else {
        return false;
    };
    let (clock, glued) = clock_and_mark(word);
    let marked = marks > 0 || TIME_MARKS.contains(&glued);
    (glued.is_empty() || TIME_MARKS.contains(&glued))
        && clock_separator(clock).is_some_and(|separator| separator == ':' || marked)
}

/// Whether `form` is a post's age and nothing else: a number of minutes or
/// hours with the words that make it an age ("5 minutes ago", "5m ago",
/// "Hace 20 minutos", "vor 5 Minuten", "il y a 2 h", "há 3 horas", "10
/// minuti fa", "5 minuten geleden", "2 часа назад", "5分前", "2小时前",
/// "3시간 전"). Days and weeks are a teaser's or a comment's age, not a
/// live post's.
fn post_age(form: &str) -> bool {
    // The words that make a number an age open or close the line: most
    // short lines with a figure (a date, a price) are turned away here.
    let anchored = AGE_AFTER.iter().any(|w| form.ends_with(w))
        || AGE_BEFORE.iter().any(|w| form.starts_with(w))
        || form.ends_with(['前', '전']);
    if !anchored {
        return false;
    }
    let words: Vec<&str> = form.split_whitespace().collect();
    let Some(n) = words.iter().position(|w| w.bytes().all(|b| b.is_ascii_digit()) || glued_unit(w)) else {
        return cjk_age(form);
    };
    let (before, after) = (&words[..n], &words[n + 1..]);
    // The unit after the number, unless glued to it ("5m").
    let after = match after.split_first() {
        Some((unit, rest)) if !glued_unit(words[n]) && AGE_UNITS.contains(&unit.trim_end_matches('.')) => {
            rest
        }
        _ if glued_unit(words[n]) => after,
        _ => return false,
    };
    match (before, after) {
        ([], [last]) => AGE_AFTER.contains(last),
        (before, []) => AGE_BEFORE.iter().any(|p| p.split(' ').eq(before.iter().copied())),
        _ => false,
    }
}

/// A number with its unit glued to it: "5m", "2h", "10min".
fn glued_unit(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && AGE_UNITS.contains(&&word[digits..])
}

/// A Chinese, Japanese or Korean age: figures, a unit of minutes or hours,
/// and "前" or "전" ("5分前", "2小时前", "3시간 전").
fn cjk_age(form: &str) -> bool {
    let compact: String = form.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = compact.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < compact.len()
        && CJK_AGE_UNITS.iter().any(|u| rest.strip_prefix(u).is_some_and(|e| e == "前" || e == "전"))
}

/// Units of a live post's age, minutes and hours (the matching form is in
/// lower case).
const AGE_UNITS: &[&str] = &[
    "s",
    "sec",
    "secs",
    "m",
    "min",
    "mins",
    "minute",
    "minutes",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "minuto",
    "minutos",
    "hora",
    "horas",
    "minuten",
    "stunde",
    "stunden",
    "std",
    "heure",
    "heures",
    "minuti",
    "ore",
    "uur",
    "минуту",
    "минуты",
    "минут",
    "час",
    "часа",
    "часов",
];
/// Words before the number of an age.
const AGE_BEFORE: &[&str] = &["hace", "há", "ha", "vor", "il y a"];
/// Words after the unit of an age.
const AGE_AFTER: &[&str] = &["ago", "fa", "geleden", "назад"];
/// Units of a CJK age.
const CJK_AGE_UNITS: &[&str] = &["分钟", "分鐘", "分", "小时", "小時", "時間", "분", "시간"];

/// The separator of a clock time ("09:15", "9.15", "10h35"): an hour of
/// one or two figures up to 23, the separator, minutes of two figures up
/// to 59. A colon needs an hour of two figures.
fn clock_separator(word: &str) -> Option<char> {
    let at = word.find([':', '.', 'h'])?;
    let (hour, rest) = word.split_at(at);
    let separator = rest.chars().next()?;
    let minutes = &rest[1..];
    let figures = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let hour_ok = figures(hour)
        && hour.len() <= 2
        && hour.parse::<u8>().is_ok_and(|h| h <= 23)
        && (separator != ':' || hour.len() == 2);
    let minutes_ok = figures(minutes) && minutes.len() == 2 && minutes.parse::<u8>().is_ok_and(|m| m <= 59);
    (hour_ok && minutes_ok).then_some(separator)
}

/// The most words of a post's time ("10:58 a.m. ET").
const TIME_WORDS: usize = 3;
/// The most characters of a post's time.
const TIME_CHARS: usize = 20;

/// What may follow a post's clock time (the matching form is in lower case).
const TIME_MARKS: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "uhr", "h", "hrs", "gmt", "bst", "utc", "et", "est", "edt", "ct", "cst",
    "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "cet", "cest", "eet", "eest", "ist", "jst", "kst", "hkt",
    "sgt", "aest", "aedt", "msk", "wib",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze_standalone;
    use crate::lang::LangDetector;

    fn is_time(text: &str) -> bool {
        post_time(&analyze_standalone(text, &LangDetector::new(&["en"])))
    }

    #[test]
    fn clock_times_with_their_marks_are_post_times() {
        for t in
            ["11.42 GMT", "09:15", "10:58 a.m. ET", "14:35 Uhr", "10h35", "7.05pm", "23:59 CET", "10:58am"]
        {
            assert!(is_time(t), "{t}");
        }
    }

    #[test]
    fn ages_in_minutes_and_hours_are_post_times() {
        for t in [
            "5 minutes ago",
            "5m ago",
            "Hace 20 minutos",
            "vor 5 Minuten",
            "il y a 2 h",
            "há 3 horas",
            "10 minuti fa",
            "2 часа назад",
            "5分前",
            "2小时前",
            "3시간 전",
        ] {
            assert!(is_time(t), "{t}");
        }
    }

    #[test]
    fn other_ages_and_figures_are_not() {
        for t in ["3 days ago", "5 minutes", "ago 5 minutes", "Hace 20 años", "5 minutes ago today", "5日前"]
        {
            assert!(!is_time(t), "{t}");
        }
    }

    #[test]
    fn lines_ending_with_a_clock_time_are_stamps() {
        assert!(ends_with_clock("updated at 14.52 gmt"));
        assert!(ends_with_clock("posted 10:58 am et"));
        assert!(ends_with_clock("last updated 09:15"));
        assert!(ends_with_clock("aktualisiert 10.35 uhr"));
        assert!(!ends_with_clock("prices rose 11.42"));
        assert!(!ends_with_clock("the score was 3:1"));
        assert!(!ends_with_clock("storm alwen live: thousands without power"));
    }

    #[test]
    fn prices_ratios_and_sentences_are_not() {
        for t in ["11.42", "3:1", "24:00", "10:75", "12:30 Lunch with the team", "Updated", "2.5 GHz", "1:30"]
        {
            assert!(!is_time(t), "{t}");
        }
    }
}
