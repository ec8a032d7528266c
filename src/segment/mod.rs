//! Text to blocks: a block is a run of non-blank lines.
//!
//! A line that holds only white space — including no-break spaces, the
//! ideographic space and zero-width characters, which scrapers leave behind
//! where a widget rendered nothing — is blank. Lines are split on `\n`; a
//! trailing `\r` belongs to the line break.

use std::ops::Range;

mod line_breaks;

pub(crate) use line_breaks::letters_by_spacing;

/// One line of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the line in the document, without its line break.
    pub span: Range<usize>,
    /// What the line looks like.
    pub shape: LineShape,
}

/// The visible shape of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum LineShape {
    /// A numbered item: `1.`, `1)`, `(1)`, `1、`, `①`, `一、`, or a bare number.
    Numbered {
        /// The item's number.
        index: u32,
        /// Whether anything but white space or the same number follows the marker.
        has_content: bool,
    },
    /// A bulleted item: `•`, `-`, `*`, `+`, `o`, `·`, `▪`, `►`, `›`, `»`, …
    /// followed by text (`+` and `o` are the deeper levels text-mode
    /// browsers draw).
    Bullet,
    /// Anything else.
    Plain,
}

/// A run of non-blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range from the start of the first line to the end of the last.
    pub span: Range<usize>,
    /// Indexes into [`Segmented::lines`].
    pub lines: Range<usize>,
}

/// A document split into lines and blocks.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// The non-blank lines, in order.
    pub lines: Vec<Line>,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// Whether the text holds a Markdown link, strong emphasis, a heading
    /// or a rule anywhere: only then are its lines read for Markdown's
    /// syntax (see [`crate::markup`]).
    pub markdown: bool,
}

impl Block {
    /// The block of `lines[range]`, a non-empty run of lines.
    pub(crate) fn over(lines: &[Line], range: Range<usize>) -> Block {
        Block { span: lines[range.start].span.start..lines[range.end - 1].span.end, lines: range }
    }
}

impl Segmented {
    /// The lines of `block`.
    pub fn lines_of(&self, block: &Block) -> &[Line] {
        &self.lines[block.lines.clone()]
    }
}

/// Splits `text` into blocks of non-blank lines.
pub fn segment(text: &str) -> Segmented {
    let mut out = Segmented::default();
    let mut start = 0;
    let mut open: Option<usize> = None; // index of the first line of the open block
    let bytes = text.as_bytes();
    while start <= text.len() {
        let end = memchr_newline(&bytes[start..]).map_or(text.len(), |i| start + i);
        let mut line_end = end;
        if line_end > start && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        let line = &text[start..line_end];
        if is_blank(line) {
            close(&mut out, &mut open);
        } else {
            open.get_or_insert(out.lines.len());
            out.markdown = out.markdown || crate::markup::block_syntax(line);
            out.lines.push(Line { span: start..line_end, shape: line_shape(line) });
        }
        if end == text.len() {
            break;
        }
        start = end + 1;
    }
    close(&mut out, &mut open);
    line_breaks::split_single_breaks(text, &mut out);
    line_breaks::split_portal_titles(text, &mut out);
    line_breaks::split_source_tags(text, &mut out);
    out.markdown = out.markdown || crate::markup::has_inline(bytes);
    out
}

/// Whether a line holds nothing but white space, visible or not.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(is_space)
}

/// White space for segmenting and matching: Unicode white space plus the
/// zero-width characters and BOM that scrapers leave in "empty" lines.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The characters of `line` other than white space (`is_space`).
pub(crate) fn non_space(line: &str) -> impl Iterator<Item = char> + '_ {
    line.chars().filter(|&c| !is_space(c))
}

/// Whether `line` ends a sentence: a full stop, an exclamation or a
/// question mark (Western or CJK) at its end, a closing quote or bracket
/// after it aside.
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '」', '』', ')', '）', '»'])
        .ends_with(['.', '!', '?', '。', '！', '？'])
}

/// Whether `line` has at most `max` characters, counted only when its
/// bytes leave it in doubt (a character is one to four bytes).
pub(crate) fn at_most_chars(line: &str, max: usize) -> bool {
    line.len() <= max || (line.len() <= max * 4 && line.chars().count() <= max)
}

/// Whether `line` is a breadcrumb trail and nothing else: two to
/// `BREADCRUMB_ITEMS` section names joined by `>` (between spaces), `›`,
/// `»` or `＞` ("Home > Business > Markets", "Accueil › Économie", "首页 >
/// 美股 > 正文"), each name starting with a letter and holding only
/// letters, digits, spaces, hyphens, apostrophes and ampersands, at most
/// `BREADCRUMB_ITEM_CHARS` characters. A command ("echo 'x' > file"), a
/// comparison ("zscore > 3") or a sentence with an arrow in it is none.
pub(crate) fn breadcrumb(line: &str) -> bool {
    let line = line.trim();
    if !line.contains(['>', '›', '»', '＞']) || !at_most_chars(line, BREADCRUMB_CHARS) {
        return false;
    }
    let name = |item: &str| {
        let item = item.trim();
        item.starts_with(char::is_alphabetic)
            && at_most_chars(item, BREADCRUMB_ITEM_CHARS)
            && item.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’' | '&'))
    };
    let items = line.split(" > ").flat_map(|part| part.split(['›', '»', '＞']));
    let mut count = 0;
    for item in items {
        count += 1;
        if count > BREADCRUMB_ITEMS || !name(item) {
            return false;
        }
    }
    count >= 2
}

const BREADCRUMB_CHARS: usize = 120;
const BREADCRUMB_ITEMS: usize = 6;
const BREADCRUMB_ITEM_CHARS: usize = 40;

/// The brackets of a portal's label or tag before a headline
/// ("【英文ニュース】", "〈美股盤後〉", "［速報］").
pub(crate) const LABEL_BRACKETS: [(char, char); 6] =
    [('【', '】'), ('〈', '〉'), ('《', '》'), ('〔', '〕'), ('［', '］'), ('「', '」')];

/// The longest prefix of `text` of at most `max` bytes that ends on a
/// character boundary.
pub(crate) fn byte_prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The shape of one line.
pub fn line_shape(line: &str) -> LineShape {
    shape(line, true)
}

/// The shape of one line of a block's matching form, which is lower case:
/// as [`line_shape`] tells it, but an "o " at the line's start is no
/// third-level bullet there, for it may have been Portuguese's capital
/// article ("O Banco Central decidiu …", "O que muda"). The raw line's shape,
/// which tells the two apart, is the segmenter's.
pub fn form_line_shape(line: &str) -> LineShape {
    shape(line, false)
}

fn shape(line: &str, o_bullet: bool) -> LineShape {
    let t = line.trim_matches(is_space);
    if let Some((index, rest)) = numbered_marker(t) {
        let rest = rest.trim_matches(is_space);
        let has_content = !(rest.is_empty() || rest.parse::<u32>().ok() == Some(index));
        return LineShape::Numbered { index, has_content };
    }
    let mut chars = t.chars();
    if let Some(c) = chars.next()
        && (matches!(c, '•' | '-' | '*' | '+' | '·' | '▪' | '►' | '◦' | '‣' | '–' | '›' | '»')
            || (o_bullet && c == 'o'))
        && chars.next().is_some_and(is_space)
    {
        return LineShape::Bullet;
    }
    LineShape::Plain
}

/// Splits a numbered-item marker off the front of `t`: `12.`, `12)`, `(12)`,
/// `12、`, `１２．`, `①`, `一、`, or a bare number standing alone.
fn numbered_marker(t: &str) -> Option<(u32, &str)> {
    if let Some((index, len, wide)) = leading_number(t) {
        let rest = &t[len..];
        if wide {
            // Full-width digits, as Chinese and Japanese pages print them: "１．".
            if rest.is_empty() || matches!(rest, "." | "．" | ")" | "）" | "、") {
                return Some((index, ""));
            }
            // "３．５％" is a decimal, not an item.
            let digit_next = |r: &str| r.starts_with(|c: char| c.is_ascii_digit() || is_wide_digit(c));
            for marker in ["．", "、", "）", ". "] {
                if let Some(r) = rest.strip_prefix(marker)
                    && !digit_next(r)
                {
                    return Some((index, r));
                }
            }
            return None;
        }
        if rest.is_empty() {
            return Some((index, rest));
        }
        for marker in [". ", ".\u{a0}", ") ", "、", "．"] {
            if let Some(r) = rest.strip_prefix(marker) {
                return Some((index, r));
            }
        }
        if rest == "." || rest == ")" {
            return Some((index, ""));
        }
        return None;
    }
    if let Some(inner) = t.strip_prefix('(') {
        return match leading_number(inner) {
            Some((index, len, false)) => inner[len..].strip_prefix(')').map(|r| (index, r)),
            _ => None,
        };
    }
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    // Circled numbers ① to ⑳.
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return Some((first as u32 - 0x2460 + 1, &t[first.len_utf8()..]));
    }
    // Chinese numerals one to ten followed by the enumeration comma.
    const CJK: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    if let Some(pos) = CJK.iter().position(|&c| c == first)
        && let Some(rest) = t[first.len_utf8()..].strip_prefix('、')
    {
        return Some((pos as u32 + 1, rest));
    }
    None
}

/// The most digits of an item's number.
const MARKER_DIGITS: usize = 4;

/// The number that opens `t`, in ASCII or in full-width digits (one kind
/// throughout, at most `MARKER_DIGITS` of them): its value, its length in
/// bytes and whether its digits are full-width. None when `t` opens with
/// no digit or with more than `MARKER_DIGITS`.
fn leading_number(t: &str) -> Option<(u32, usize, bool)> {
    // Most lines open with a letter: one byte tells (a full-width digit's
    // first byte is 0xEF).
    let first = *t.as_bytes().first()?;
    if !first.is_ascii_digit() && first != 0xEF {
        return None;
    }
    let wide = t.starts_with(is_wide_digit);
    let zero = if wide { '０' } else { '0' };
    let (mut index, mut len, mut digits) = (0u32, 0, 0);
    for c in t.chars().take_while(|&c| if wide { is_wide_digit(c) } else { c.is_ascii_digit() }) {
        digits += 1;
        if digits > MARKER_DIGITS {
            return None;
        }
        index = index * 10 + (c as u32 - zero as u32);
        len += c.len_utf8();
    }
    (digits > 0).then_some((index, len, wide))
}

fn is_wide_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

fn close(out: &mut Segmented, open: &mut Option<usize>) {
    if let Some(first) = open.take() {
        out.blocks.push(Block::over(&out.lines, first..out.lines.len()));
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, s: &Segmented) -> Vec<&'a str> {
        s.blocks.iter().map(|b| &text[b.span.clone()]).collect()
    }

    #[test]
    fn characters_are_counted_as_characters_not_bytes() {
        for (line, max) in
            [("abc", 3), ("abcd", 3), ("日本語", 3), ("日本語だ", 3), ("", 0), ("é", 1), ("ab", 1)]
        {
            assert_eq!(at_most_chars(line, max), line.chars().count() <= max, "{line:?} {max}");
        }
    }

    #[test]
    fn breadcrumbs_are_section_names_joined_by_arrows() {
        for line in [
            "Home > Business > Markets",
            "Accueil › Économie",
            "Startseite » Wirtschaft » Konjunktur",
            "首页 > 美股 > 正文",
            "ホーム ＞ ニュース ＞ 海外市況",
            "홈 > 국제 > 해외증시",
            "Women's Health > Sleep & Rest",
        ] {
            assert!(breadcrumb(line), "{line}");
        }
        for line in [
            "$ echo 'fix' > file1",
            "zscore > 3 AS alert FROM",
            "Prices rose > 5% in May.",
            "a>b",
            "Quality > quantity: why we publish less",
            "Home",
            "« Previous post",
            "Next »",
            "A > B > C > D > E > F > G",
            "It was, she said, the best » of all.",
        ] {
            assert!(!breadcrumb(line), "{line}");
        }
    }

    #[test]
    fn blocks_are_runs_of_non_blank_lines() {
        let text = "Title\n\nOne\ntwo\n\n\n\nThree\n";
        let s = segment(text);
        assert_eq!(texts(text, &s), ["Title", "One\ntwo", "Three"]);
    }

    #[test]
    fn lines_of_invisible_space_are_blank() {
        let text = "a\n\u{a0}\u{a0}\nb\n\u{3000}\n\u{200b}\nc\r\n \t\r\nd";
        let s = segment(text);
        assert_eq!(texts(text, &s), ["a", "b", "c", "d"]);
    }

    #[test]
    fn crlf_is_not_part_of_the_line() {
        let text = "one\r\ntwo\r\n";
        let s = segment(text);
        assert_eq!(texts(text, &s), ["one\r\ntwo"]);
        assert_eq!(&text[s.lines[0].span.clone()], "one");
    }

    #[test]
    fn empty_and_blank_documents_have_no_blocks() {
        assert!(segment("").blocks.is_empty());
        assert!(segment("\n \n\u{a0}").blocks.is_empty());
    }

    const PARAGRAPH: &str = "The council approved the new budget on Tuesday after a long debate about school funding, road repairs and the new library.";

    #[test]
    fn paragraphs_on_single_lines_are_blocks_of_their_own() {
        let text =
            format!("Home\nNews\nBudget passes\n{PARAGRAPH}\n* Share\n* Tweet\n{PARAGRAPH}\n© 2024 Example");
        let s = segment(&text);
        let p = PARAGRAPH;
        assert_eq!(
            texts(&text, &s),
            ["Home", "News", "Budget passes", p, "* Share\n* Tweet", p, "© 2024 Example"]
        );
    }

    #[test]
    fn a_block_of_long_lines_stays_one_where_blank_lines_separate_paragraphs() {
        let teasers = format!("{PARAGRAPH} Read now\n{PARAGRAPH} Read now");
        let text = format!("Title\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{teasers}\n");
        let s = segment(&text);
        assert_eq!(texts(&text, &s), ["Title", PARAGRAPH, PARAGRAPH, PARAGRAPH, teasers.as_str()]);
    }

    #[test]
    fn wrapped_text_and_short_snippets_stay_one_block() {
        let wrapped = "The build farm moves to the new data centre over the weekend of the\n\
                       fourteenth. Builds queued on Friday evening will run once the machines\n\
                       are back, which we expect by Sunday noon; nothing needs to be\n\
                       resubmitted. During the move the artefact cache is read-only, and\n\
                       jobs that publish artefacts will fail with a clear message and can\n\
                       be retried on Monday, or pushed by hand to the fallback store if\n\
                       they cannot wait. The new racks have twice the memory per machine,\n\
                       so the limits on parallel link steps will be lifted in the week\n\
                       after the move. Teams that split their builds to stay under the old\n\
                       limit may want to undo that once the new limits are announced.";
        assert_eq!(segment(wrapped).blocks.len(), 1);
        let menu = "Politics\nEconomy\nSociety\nCulture\nSports";
        assert_eq!(segment(menu).blocks.len(), 1);
    }

    #[test]
    fn a_page_of_short_paragraphs_without_blank_lines_is_split_into_its_lines() {
        let page = "ホーム\nレシピ\n肉料理\n豚バラ大根の甘辛煮\n保存\n共有\n材料（2人分）\n豚バラ肉　200g\n大根　1/3本\n作り方\n\
                    大根は皮をむいて1センチの厚さに切り、電子レンジで5分ほど加熱しておきます。\n\
                    フライパンで豚バラ肉を炒め、色が変わったら大根を加えて炒めます。\n\
                    しょうゆと砂糖を加え、汁気が少なくなるまで中火で10分ほど煮詰めます。\n\
                    利用規約";
        assert_eq!(segment(page).blocks.len(), page.lines().count());
        // Wrapped at one width, a mail stays one block, though its lines end
        // sentences here and there.
        let mail = "お疲れさまです。総務部の山田です。\n\
                    来週の月曜日から、本社ビルの空調設備の点検が始まります。点検期間\n\
                    中は、一部の会議室が使用できなくなりますので、ご注意ください。\n\
                    点検は三日間の予定で、作業は午前九時から午後六時まで行われます。\n\
                    作業中は多少の騒音が発生する場合がありますが、ご理解とご協力を\n\
                    お願いいたします。\n\
                    会議室の予約を変更する必要がある方は、今週金曜日までに総務部ま\n\
                    でご連絡ください。代わりの部屋をご用意いたします。\n\
                    ご不明な点がありましたら、内線二一五までお問い合わせください。\n\
                    よろしくお願いいたします。";
        assert_eq!(segment(mail).blocks.len(), 1);
        // A player's controls on their own: short lines, one block.
        let player = "Play Video\nPlay\nMute\nCurrent Time 0:00\n/\nDuration Time 0:00\nLoaded : 0%\n\
                      Progress : 0%\nStream Type LIVE\nRemaining Time -0:00\nPlayback Rate\n\
                      * captions settings , opens captions settings dialog\nFullscreen";
        assert_eq!(segment(player).blocks.len(), 1);
    }

    #[test]
    fn a_briefs_one_sentence_among_a_pages_labels_is_split_from_them() {
        // One sentence among labels: too few sentences for a page of short
        // paragraphs, and the whole page stayed one block, kept whole.
        let page = "Home\nNews\nSport\nBusiness\nBridge closed after lorry strike\n\
                    The Mill Street bridge will stay closed until Monday after a lorry hit one of its supports.\n\
                    Share this article\nFacebook\nEmail\nRelated stories\nBus fares to rise in January\nMost read";
        assert_eq!(segment(page).blocks.len(), page.lines().count());
        // A poem's lines are not labels: more than four words, or a
        // sentence's end.
        let poem = "The river runs beneath the mill,\nand no one hears it now,\nthe wheel is still,\n\
                    the stones are cold,\nthe miller sleeps beneath the hill\nwhere all the millers go.\n\
                    But in the spring the water sings\nof every grain it turned,\nof bread and beer and wedding rings,\n\
                    and all the wages earned in a hundred years of honest work.";
        assert_eq!(segment(poem).blocks.len(), 1);
    }

    #[test]
    fn a_portals_tag_is_split_off_an_english_headline_or_lede() {
        let title = "Oil slips as producers signal they may delay output cuts";
        for (tagged, tag) in [(format!("彭博：{title}"), "彭博："), (format!("【速報】 {title}"), "【速報】")]
        {
            let text = format!("{tagged}\n\n{PARAGRAPH}\n");
            assert_eq!(texts(&text, &segment(&text)), [tag, title, PARAGRAPH]);
        }
        // In a block of lines, the lines around it stay together.
        let text = format!("2026/12/04 08:21\n美聯社：{title}\n新浪财经综合\n分享");
        assert_eq!(
            texts(&text, &segment(&text)),
            ["2026/12/04 08:21", "美聯社：", title, "新浪财经综合\n分享"]
        );
        // A tag in Latin letters, a tag too long for one, a Chinese line
        // after a colon and a short English phrase stay as they are.
        for line in [
            format!("CNBC：{title}"),
            format!("美国商务部周四公布的数据显示：{title}"),
            "彭博：港股周二上涨，科技股领涨。".to_owned(),
            "注意：Read the terms".to_owned(),
        ] {
            let text = format!("{line}\n\n{PARAGRAPH}\n");
            assert_eq!(texts(&text, &segment(&text)), [line.as_str(), PARAGRAPH]);
        }
    }

    #[test]
    fn an_english_story_is_taken_out_of_an_asian_portals_labels() {
        // The lead run together with a Korean site's menu, the other
        // paragraphs standing alone: the block is split into its lines.
        let title = "Ferry Fares Rise as Fuel Costs Climb Again";
        let menu = format!(
            "증권\n홈\n국내증시\n해외증시\n로그인\n{title}\n입력 2026.11.21 09:14\n공유하기\n{PARAGRAPH}"
        );
        let text = format!("{menu}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n");
        let s = segment(&text);
        assert_eq!(
            texts(&text, &s)[5..],
            [title, "입력 2026.11.21 09:14", "공유하기", PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH]
        );
        // The headline alone among a Chinese site's labels is taken out;
        // the labels around it stay blocks as they were.
        let text = format!("首頁\n新聞\n台股\n美股\n{title}\n2026/11/20 14:32\n分享\n\n{PARAGRAPH}\n");
        let s = segment(&text);
        assert_eq!(texts(&text, &s), ["首頁\n新聞\n台股\n美股", title, "2026/11/20 14:32\n分享", PARAGRAPH]);
        // So is one under the portal's tag for its source or column, and the
        // tag is a block of its own.
        for (tagged, tag) in
            [(format!("彭博：{title}"), "彭博："), (format!("〈美股盤後〉 {title}"), "〈美股盤後〉")]
        {
            let text = format!("首頁\n新聞\n台股\n美股\n{tagged}\n2026/11/20 14:32\n分享\n\n{PARAGRAPH}\n");
            assert_eq!(texts(&text, &segment(&text))[1..3], [tag, title]);
        }
        // The same block in one script, or with two labels only, stays whole
        // (a menu and its lead are then the other rules' to tell apart),
        // when the paragraph line is not its last (see the next test).
        for menu in [
            format!("Markets\nHome\nStocks\nWorld\nLog in\n{title}\nShare\n{PARAGRAPH}\nTweet"),
            format!("首頁\n新聞\n{title}\nShare\n{PARAGRAPH}\nTweet"),
        ] {
            let text = format!("{menu}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n");
            assert_eq!(texts(&text, &segment(&text))[0], menu);
        }
        // Short lines of Chinese in an English paragraph's block that are
        // sentences of a bilingual text, and a Chinese paragraph line, do
        // not make a portal.
        let zh = "地方议会周二在就学校经费、道路维修和新图书馆进行长时间辩论之后，批准了新的预算方案，预计明年开始实施，并将在每个季度公布执行情况报告。";
        let bilingual = format!("{PARAGRAPH}\n{zh}\n{PARAGRAPH}\n{zh}");
        let text = format!(
            "{bilingual}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
        );
        assert_eq!(texts(&text, &segment(&text))[0], bilingual);
    }

    #[test]
    fn a_menu_over_the_lead_paragraph_is_split_from_it() {
        // A menu, the headline and its byline run together with the first
        // paragraph, the other paragraphs standing alone: the block is split
        // into its lines, so that the menu cannot take the lead with it.
        let head = format!("Home\nNews\nSport\nCouncil Passes Budget\nBy Ann Lee\n{PARAGRAPH}");
        let text = format!("{head}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n");
        assert_eq!(
            texts(&text, &segment(&text)),
            ["Home", "News", "Sport", "Council Passes Budget", "By Ann Lee", PARAGRAPH, PARAGRAPH, PARAGRAPH]
        );
        // So are the last paragraph and the links under it.
        let tail = format!("{PARAGRAPH}\nShare\nTweet\nMost read\nFerry fares rise");
        let text = format!("{PARAGRAPH}\n\n{PARAGRAPH}\n\n{tail}\n");
        assert_eq!(texts(&text, &segment(&text)).len(), 7);
        // Four lines, a paragraph line between short ones, or a last line
        // that ends no sentence: the block stays whole.
        let unfinished = PARAGRAPH.trim_end_matches('.');
        for block in [
            format!("Home\nNews\nBy Ann Lee\n{PARAGRAPH}"),
            format!("Home\nNews\nSport\n{PARAGRAPH}\nShare\nTweet"),
            format!("Home\nNews\nSport\nWorld\n{unfinished}"),
        ] {
            let text = format!("{block}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n");
            assert_eq!(texts(&text, &segment(&text))[0], block);
        }
    }

    #[test]
    fn a_short_last_paragraph_is_split_from_the_links_under_it() {
        // The story's last paragraph is one short sentence, run together
        // with the related links under it: split, in English and in Japanese.
        let links = "Related Stories\nFerry fares rise\nBridge closes for repairs\nAdvertisement";
        for last in [
            "The new rules take effect in March of next year.",
            "再調査の結果は来年の夏ごろにまとまる見通しです。",
        ] {
            let text = format!("{PARAGRAPH}\n\n{PARAGRAPH}\n\n{last}\n{links}\n");
            let s = segment(&text);
            assert_eq!(
                texts(&text, &s)[2..],
                [last, "Related Stories", "Ferry fares rise", "Bridge closes for repairs", "Advertisement"]
            );
        }
        // A block that is not right under the page's last paragraph (a
        // gallery between two), with fewer than five lines, or whose first
        // line is too short a sentence or none, stays whole.
        let last = "The new rules take effect in March of next year.";
        for (text, block) in [
            (format!("{PARAGRAPH}\n\n{last}\n{links}\n\n{PARAGRAPH}\n"), format!("{last}\n{links}")),
            (format!("{PARAGRAPH}\n\n{last}\nShare\nTweet\nEmail\n"), format!("{last}\nShare\nTweet\nEmail")),
            (format!("{PARAGRAPH}\n\nIt opens in March.\n{links}\n"), format!("It opens in March.\n{links}")),
            (
                format!("{PARAGRAPH}\n\nMore from the city desk\n{links}\n"),
                format!("More from the city desk\n{links}"),
            ),
        ] {
            assert_eq!(texts(&text, &segment(&text))[1], block);
        }
    }

    #[test]
    fn a_paragraph_with_a_copyright_line_under_it_is_split() {
        // An English story's last paragraph with a Korean portal's
        // copyright line run together under it: split, as it is without
        // blank lines; so with a Chinese credit and a note, and with the
        // publisher's copyright line.
        let last = "Samsung declined to comment on the timeline but said it remained committed.";
        for under in [
            "ⓒ 한국경제TV, 무단전재 및 재배포 금지",
            "圖片來源：路透社\n（本文僅供參考）",
            "©2026 Bloomberg L.P.",
            "Copyright 2026 The Daily Ledger. All rights reserved.",
        ] {
            let text = format!("{PARAGRAPH}\n\n{last}\n{under}\n");
            let s = segment(&text);
            assert_eq!(texts(&text, &s)[1], last);
            assert_eq!(texts(&text, &s).len(), 2 + under.lines().count());
        }
        // A Chinese paragraph over its publisher's copyright line too.
        let text = format!(
            "{PARAGRAPH}\n\n分析人士认为，年底前降准的可能性不大，市场将关注下月数据。\n©2026 新浪网\n"
        );
        assert_eq!(texts(&text, &segment(&text)).len(), 3);
        // A paragraph with its translation under it, a short line that
        // ends no sentence over a line in another script, or a sentence
        // that opens with "Copyright", stays whole.
        let zh = "地方议会周二在就学校经费、道路维修和新图书馆进行长时间辩论之后，批准了新的预算方案，预计明年开始实施。";
        for block in [
            format!("{PARAGRAPH}\n{zh}"),
            "Tokyo, Monday\n東京".to_owned(),
            "Samsung Electronics shares in Seoul on Friday\n삼성전자 주가".to_owned(),
            format!("{last}\nCopyright law protects the design too."),
            // Letters of two bytes: the check reads bytes, not past a
            // character's first.
            format!("{last}\nééééé"),
        ] {
            let text = format!("{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{block}\n");
            assert_eq!(texts(&text, &segment(&text))[3], block);
        }
    }

    #[test]
    fn a_date_over_a_headline_over_the_lead_is_split() {
        // A portal's date line, the headline and the lead in one block:
        // split into its lines, as it is without blank lines.
        let lead = "Federal Reserve Governor Christopher Waller said he still favors lowering interest rates at the central bank's meeting this month.";
        for date in ["2026/12/03 15:31", "03.12.2026 09:15", "Dec 3, 2026 at 9:31 am"] {
            let text =
                format!("{date}\nFed Governor Says a Cut Is Still on the Table\n{lead}\n\n{PARAGRAPH}\n");
            let s = segment(&text);
            assert_eq!(
                texts(&text, &s)[..3],
                [date, "Fed Governor Says a Cut Is Still on the Table", lead],
                "{date}"
            );
        }
        // A first line of words with a year, a lead that ends no sentence,
        // or a date under the lead: the block stays whole.
        for block in [
            format!("In the winter of 2024 the river rose again\n{lead}"),
            format!("2026/12/03 15:31\n{}", lead.trim_end_matches('.')),
            format!("{lead}\n2026/12/03 15:31"),
        ] {
            let text = format!("{PARAGRAPH}\n\n{block}\n");
            assert_eq!(texts(&text, &segment(&text))[1], block);
        }
    }

    #[test]
    fn numbered_shapes() {
        let n = |index, has_content| LineShape::Numbered { index, has_content };
        assert_eq!(line_shape("  1. 1"), n(1, false));
        assert_eq!(line_shape("10."), n(10, false));
        assert_eq!(line_shape("7"), n(7, false));
        assert_eq!(line_shape("(3)"), n(3, false));
        assert_eq!(line_shape("③"), n(3, false));
        assert_eq!(line_shape("二、"), n(2, false));
        assert_eq!(line_shape("1. Revenue rose 12%."), n(1, true));
        assert_eq!(line_shape("2) 2"), n(2, false));
        assert_eq!(line_shape("3. 4"), n(3, true));
        assert_eq!(line_shape("2025"), n(2025, false));
        assert_eq!(line_shape("１．"), n(1, false));
        assert_eq!(line_shape("１２"), n(12, false));
        assert_eq!(line_shape("２．はじめに"), n(2, true));
        assert_eq!(line_shape("３．５％の上昇"), LineShape::Plain);
        assert_eq!(line_shape("3.5 million"), LineShape::Plain);
        assert_eq!(line_shape("12,000"), LineShape::Plain);
        assert_eq!(line_shape("• item"), LineShape::Bullet);
        assert_eq!(line_shape("-5 degrees"), LineShape::Plain);
    }

    #[test]
    fn an_o_opens_a_third_level_item_in_raw_text_only() {
        // A text-mode browser's third-level bullet, in the raw line.
        assert_eq!(line_shape("o Setting up"), LineShape::Bullet);
        // In the lower-case matching form it may be Portuguese's article.
        assert_eq!(form_line_shape("o banco central decidiu manter os juros."), LineShape::Plain);
        assert_eq!(form_line_shape("o que muda com a nova lei"), LineShape::Plain);
        // Other marks and numbers read the same in both.
        assert_eq!(form_line_shape("• item"), LineShape::Bullet);
        assert_eq!(form_line_shape("+ item"), LineShape::Bullet);
        assert_eq!(form_line_shape("3. item"), line_shape("3. item"));
    }
}
