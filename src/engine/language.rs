//! The language policy: blocks in languages that are not kept are dropped;
//! blocks with no sure language of their own follow their neighbours.

use crate::analyze::Analyzed;
use crate::lang::LangMethod;
use crate::report::{BlockReport, DecidedBy, Decision};

use super::{decide, undecided};

/// Which block languages are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LangPolicy {
    /// Every language: only rules drop blocks.
    Any,
    /// Only these primary subtags (`en`, `zh`, …).
    Only(Vec<String>),
}

impl LangPolicy {
    /// Whether the policy keeps a Latin-script language (`Any` does).
    pub(super) fn keeps_latin(&self) -> bool {
        match self {
            LangPolicy::Any => true,
            LangPolicy::Only(codes) => codes.iter().any(|c| crate::lang::latin_script(c)),
        }
    }

    /// Whether a block whose sure language is `tag` is kept: the tag is
    /// allowed, or it is a detector guess at a close sibling of an allowed one.
    pub(super) fn keeps(&self, tag: &str, block: &Analyzed) -> bool {
        self.allows(tag) || (block.lang.get().method == LangMethod::Detector && self.near(tag))
    }

    /// Whether the policy keeps `block` as far as its language goes: every
    /// policy keeps a block without a sure language, and `Any` keeps all
    /// without asking the detector.
    pub(super) fn keeps_any(&self, block: &Analyzed) -> bool {
        *self == LangPolicy::Any || self.sure_lang(block).is_none_or(|(_, kept)| kept)
    }

    /// The block's sure language (see [`confident_lang`]) and whether it is
    /// kept; `None` for a block without one, and for code told by its words
    /// (function words or the detector) to be in a language that is not
    /// kept: its keywords are English on any page. Code is looked for only
    /// there, as most blocks are in a kept language.
    fn sure_lang(&self, block: &Analyzed) -> Option<(&'static str, bool)> {
        let tag = confident_lang(block)?;
        if self.kanji_line(tag, block) {
            return None;
        }
        let kept = self.keeps(tag, block);
        let by_words = matches!(block.lang.get().method, LangMethod::FunctionWords | LangMethod::Detector);
        (kept || !by_words || !code_like(block)).then_some((tag, kept))
    }

    /// Whether `block`, told Chinese by its script, is a short line of Han
    /// characters alone on a page kept in Japanese and not in Chinese
    /// ("■料金", "会社概要", a place's name): Japanese writes such headings
    /// and names without kana, so the line is no sure Chinese. Longer text
    /// in Han alone is Chinese: Japanese prose has kana. A field, a credit
    /// or a date ("記者：山田太郎", "（時事通信）", "【関連記事】", "5月12日
    /// 10時35分", "小 中 大") is chrome in either language, and stays told
    /// Chinese.
    fn kanji_line(&self, tag: &str, block: &Analyzed) -> bool {
        self.han_only_line(tag, block) && {
            let line = block.form.as_str().trim();
            han_quantity(line)
                || !without_section_number(line)
                    .contains(|c: char| c.is_ascii_digit() || KANJI_LINE_MARKS.contains(c))
        }
    }

    /// Whether `block` is a line of Han characters in phrases of at least
    /// `KANJI_PHRASE_CHARS` characters between single spaces, on a page kept
    /// in Japanese and not in Chinese: a Japanese news heading without kana
    /// ("鹿児島空港 全便欠航", "首相 来月訪米へ"), but also a row of a
    /// menu's labels ("会社概要 採用情報"). Only its neighbours tell which:
    /// see `apply_language`.
    fn spaced_kanji_line(&self, tag: &str, block: &Analyzed) -> bool {
        self.han_only_line(tag, block) && {
            let mut phrases = block.form.as_str().trim().split(' ');
            phrases.clone().count() <= KANJI_PHRASES
                && phrases
                    .all(|p| p.chars().count() >= KANJI_PHRASE_CHARS && p.chars().all(crate::lang::is_han))
        }
    }

    /// A short block told Chinese by its script alone, on a page kept in
    /// Japanese and not in Chinese.
    fn han_only_line(&self, tag: &str, block: &Analyzed) -> bool {
        block.lang.get().method == LangMethod::Script
            && crate::lang::primary(tag) == "zh"
            && block.chars <= KANJI_LINE_CHARS
            && block.lines == 1
            && self.allows("ja")
            && !self.allows("zh")
    }

    fn allows(&self, tag: &str) -> bool {
        match self {
            LangPolicy::Any => true,
            LangPolicy::Only(codes) => codes.iter().any(|c| c == crate::lang::primary(tag)),
        }
    }

    /// Whether `tag` is a close sibling of a kept language, which the
    /// detector confuses with it (Spanish and Portuguese, Czech and Slovak…):
    /// such a guess is not sure enough to drop a block.
    fn near(&self, tag: &str) -> bool {
        const SIBLINGS: &[&[&str]] = &[
            &["es", "pt", "ca", "gl"],
            &["da", "nb", "nn", "sv"],
            &["cs", "sk"],
            &["hr", "sr", "bs", "sl"],
            &["id", "ms"],
            &["ru", "uk", "be", "bg"],
        ];
        let LangPolicy::Only(codes) = self else {
            return true;
        };
        let tag = crate::lang::primary(tag);
        SIBLINGS.iter().any(|group| group.contains(&tag) && codes.iter().any(|c| group.contains(&c.as_str())))
    }
}

/// A heading without its section number ("1 歴史", "2.3 養殖方法", a table
/// of contents' lines): the number makes it no date or field.
fn without_section_number(line: &str) -> &str {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    match rest.strip_prefix(' ') {
        Some(heading) if rest.len() < line.len() => heading,
        _ => line,
    }
}

/// Whether `line` is an ingredient's name in Han characters and its
/// quantity ("大根 1/2本", "牛肉 200g", "塩 少々"): a recipe's line, in
/// Japanese as well as Chinese. A date or a time ("5月12日 10時35分") is no
/// quantity.
fn han_quantity(line: &str) -> bool {
    let Some((name, quantity)) = line.rsplit_once(' ') else { return false };
    let name = name.trim_end();
    !name.is_empty()
        && name.chars().all(crate::lang::is_han)
        && quantity.chars().count() <= QUANTITY_CHARS
        && (quantity.contains(|c: char| c.is_ascii_digit()) || HAN_MEASURES.contains(&quantity))
        && !quantity.contains(|c: char| "年月日時分秒:".contains(c))
}

/// The most characters of an ingredient's quantity in [`han_quantity`].
const QUANTITY_CHARS: usize = 8;

/// Quantities without a number: a pinch, as much as needed.
const HAN_MEASURES: &[&str] = &["少々", "適量", "適宜", "少量", "少许", "适量"];

/// The most non-space characters of a line of Han characters alone that
/// may be Japanese.
const KANJI_LINE_CHARS: usize = 20;

/// The most phrases, and the fewest characters a phrase, of a spaced line
/// of Han characters that may be a Japanese heading.
const KANJI_PHRASES: usize = 3;
const KANJI_PHRASE_CHARS: usize = 2;

/// Brackets, colons and spaces (in the matching form, where full-width
/// brackets and colons are half-width) that make a line of Han characters
/// a field, a credit or a row of labels rather than a heading.
const KANJI_LINE_MARKS: &str = "()[]【】「」:| ";

/// Blocks whose language is not kept are dropped; blocks with no language
/// of their own follow the nearest blocks that have one.
pub(super) fn apply_language(
    policy: &LangPolicy,
    blocks: &[Analyzed],
    view: &[usize],
    reports: &mut [BlockReport],
) {
    if *policy == LangPolicy::Any {
        return;
    }
    // For every block in view with a sure language: (tag, whether it is kept).
    // Blocks a rule decided are boilerplate, whatever their language, and
    // are no neighbours for this purpose.
    let sure: Vec<Option<(&str, bool)>> = view
        .iter()
        .map(|&i| {
            let (b, r) = (&blocks[i], &reports[i]);
            if r.by == DecidedBy::Rule && r.decision != Decision::Strip {
                return None;
            }
            policy.sure_lang(b)
        })
        .collect();
    // The nearest sure block after each block, found in one backward sweep
    // (a document of a million unsure blocks must not cost a million squared).
    let mut next_sure: Vec<Option<(&str, bool)>> = vec![None; view.len()];
    let mut seen = None;
    for k in (0..view.len()).rev() {
        next_sure[k] = seen;
        seen = sure[k].or(seen);
    }
    let mut prev_sure: Option<(&str, bool)> = None;
    for (k, &i) in view.iter().enumerate() {
        let prev = prev_sure;
        prev_sure = sure[k].or(prev_sure);
        if !undecided(&reports[i]) {
            continue;
        }
        let note = match sure[k] {
            Some((_, true)) => continue,
            // A Japanese heading without kana between two Japanese
            // paragraphs (a live page's post title, a story's sub-heading)
            // is the story's; a menu's row of labels has chrome around it.
            Some((tag, false))
                if policy.spaced_kanji_line(tag, &blocks[i])
                    && prev.is_some_and(|(_, kept)| kept)
                    && next_sure[k].is_some_and(|(_, kept)| kept) =>
            {
                continue;
            }
            Some((tag, false)) => {
                format!("language {tag} ({:.2}) is not kept", blocks[i].lang.get().confidence)
            }
            None if leans_kept(policy, &blocks[i]) => continue,
            None => {
                let neighbours: Vec<(&str, bool)> = prev.into_iter().chain(next_sure[k]).collect();
                if neighbours.is_empty() || neighbours.iter().any(|&(_, kept)| kept) {
                    continue;
                }
                let tags: Vec<&str> = neighbours.iter().map(|&(t, _)| t).collect();
                format!("no language of its own; neighbours are {}", tags.join(" and "))
            }
        };
        decide(&mut reports[i], Decision::Drop, DecidedBy::Language, None, vec![note]);
    }
}

/// Whether a block without a sure language of its own is a sentence of
/// some length whose unsure guess (however unsure: "La sala respondió con
/// un largo aplauso." is Spanish or Portuguese to the detector) is a kept
/// language or its close sibling: such a block keeps its own lean rather
/// than follow its neighbours (English quotes, on a Spanish page), as it is
/// more likely body text than a menu or a credit in their language.
fn leans_kept(policy: &LangPolicy, b: &Analyzed) -> bool {
    matches!(b.lang.get().method, LangMethod::Detector | LangMethod::Unknown)
        && !b.open_end
        && b.has_sentence(LEAN_MIN_WORDS)
        && b.lang.lean().is_some_and(|tag| policy.allows(tag) || policy.near(tag))
}

/// The fewest words of a sentence that keeps its unsure language's lean.
const LEAN_MIN_WORDS: usize = 8;

/// Whether at least `CODE_MARK_PERCENT` % of the block's non-space
/// characters are code's brackets, quotes, operators and underscores
/// (`pd.read_csv("data.csv", chunksize=100_000)`): its English keywords
/// ("for", "in", "as", "import") are no evidence of the page's language.
/// Prose has a bracket or a pair of quotes in a sentence, far fewer.
fn code_like(b: &Analyzed) -> bool {
    // Asked of every block in a language that is not kept, in every round:
    // a byte's kind is looked up in a table, not searched for in the list
    // of marks (a `memchr` call per byte took 6 % of a run on English pages).
    let marks = b.form.as_str().bytes().filter(|&c| CODE_MARKS[usize::from(c)]).count();
    marks * 100 >= CODE_MARK_PERCENT * b.chars
}

/// The bytes [`code_like`] counts: code's brackets, quotes, operators and
/// underscores.
static CODE_MARKS: [bool; 256] = {
    let mut marks = [false; 256];
    let list = b"(){}[]=;<>\"_";
    let mut i = 0;
    while i < list.len() {
        marks[list[i] as usize] = true;
        i += 1;
    }
    marks
};

/// The share of code marks, in percent, from which a block is code.
const CODE_MARK_PERCENT: usize = 5;

/// The block's language if it is sure enough to drop the block for it.
pub(super) fn confident_lang(b: &Analyzed) -> Option<&'static str> {
    let lang = b.lang.get();
    let tag = lang.tag?;
    let sure = match lang.method {
        LangMethod::Script => lang.confidence >= 0.7,
        // A line of code has English keywords ("for batch in
        // reader.lines() {") but fewer letters than a sentence.
        LangMethod::FunctionWords => b.letter_share >= crate::lang::MIN_LETTER_SHARE,
        LangMethod::Detector => {
            let words = b.scripts.latin_words + b.scripts.other;
            b.letter_share >= crate::lang::MIN_LETTER_SHARE
                && ((lang.confidence >= 0.9 && words >= 4) || (lang.confidence >= 0.7 && words >= 15))
        }
        LangMethod::NoLetters | LangMethod::Unknown | LangMethod::NotAsked => false,
    };
    sure.then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::without_section_number;

    #[test]
    fn an_ingredient_and_its_quantity_are_no_date() {
        use super::han_quantity;
        assert!(han_quantity("大根 1/2本"));
        assert!(han_quantity("牛肉 200g"));
        assert!(han_quantity("塩 少々"));
        assert!(!han_quantity("5月12日 10時35分"));
        assert!(!han_quantity("記者 山田太郎"));
        assert!(!han_quantity("大根"));
    }

    #[test]
    fn a_section_number_comes_off_a_heading_but_not_a_date() {
        assert_eq!(without_section_number("1 歴史"), "歴史");
        assert_eq!(without_section_number("2.3 養殖方法"), "養殖方法");
        assert_eq!(without_section_number("5月12日"), "5月12日");
        assert_eq!(without_section_number("歴史"), "歴史");
    }
}
