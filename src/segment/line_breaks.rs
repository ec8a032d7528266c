//! Text whose paragraphs are separated by a single line break: a crawl's
//! plain text, a page's `innerText`. Without a blank line anywhere, a whole
//! page would be one block, so such blocks are split into their lines.
//!
//! A *paragraph line* is a plain line (no list marker) of at least
//! `PARAGRAPH_LINE_CHARS` non-space characters or `PARAGRAPH_LINE_BYTES`
//! bytes. Where blank lines separate the paragraphs, a block of several long
//! lines is a unit (a list of teasers, a comment) and stays one: blocks are
//! split only when those to split hold more paragraph lines than the
//! document has paragraphs standing alone. Text wrapped at a fixed width
//! (an RFC, a mail) has no paragraph line and is left as it is. A block of
//! ten lines or more without a paragraph line is split all the same when
//! its lines are not wrapped at one width and three of them are plain
//! sentences of 30 characters or more: short paragraphs (a Japanese
//! sentence of 40 characters, a wire story's one-sentence paragraphs) among
//! menus, when such blocks hold more of them than stand alone; one such
//! sentence is enough among lines that are mostly labels (a news brief's
//! lead among the page's menus and links). A block of
//! five lines or more whose one paragraph line, a sentence, is its first or
//! its last (a page's menu and headline over its lead, the last paragraph
//! over the links under it) is split whatever the other blocks are, as is
//! a shorter one whose one paragraph line, a sentence, is its last under a
//! first line that is a date (a portal's date over the headline over the
//! lead); and so is one whose first line is a short paragraph right under the story,
//! with no paragraph line below it (a short last paragraph over the links),
//! and a paragraph in a spaced script over one or two short lines in an
//! unspaced one or copyright notices (an English story's last paragraph
//! over a Korean portal's copyright line, or its publisher's).
//!
//! Whether a block is split depends on the block and on the paragraphs
//! standing alone, not on how many blocks the document has: the clean
//! output, which has fewer, must split as the input did (cleaning is
//! idempotent). A rule that split any document without a blank line broke
//! that: a block kept whole in a page cleaned to a document of one block,
//! which the rule then split.

use super::{Block, Line, LineShape, Segmented, ends_sentence, non_space};

/// The fewest non-space characters of a line that is a paragraph of its
/// own, or else the fewest bytes (fifty Han or kana characters).
const PARAGRAPH_LINE_CHARS: usize = 100;
const PARAGRAPH_LINE_BYTES: usize = 150;
/// The fewest lines of a block that is split when it holds one paragraph
/// line only.
const RUN_LINES: usize = 10;
/// The fewest lines of a block that is split when its one paragraph line
/// is its first or its last.
const EDGE_RUN_LINES: usize = 5;

/// Whether `lines` are wrapped at one width (a mail, an RFC): at least half
/// of them are within `WRAP_SHARE` of the wrap width, the characters of the
/// line longer than nine in ten (a longer line or two, a URL or a table's
/// row, set no width).
fn wrapped(text: &str, lines: &[Line]) -> bool {
    let mut widths: Vec<usize> = lines.iter().map(|l| non_space(&text[l.span.clone()]).count()).collect();
    widths.sort_unstable();
    let Some(&width) = widths.get(widths.len() * 9 / 10) else { return false };
    let near = widths.iter().filter(|&&w| w as f32 >= width as f32 * WRAP_SHARE).count();
    2 * near >= widths.len()
}

/// Whether line `l` is a short paragraph: a plain line (or, with `steps`, a
/// numbered step: "1. Bata os ovos e o açúcar por dois minutos.", but no
/// bulleted item) of `SHORT_PARAGRAPH_CHARS` non-space characters or more
/// (`SHORT_UNSPACED_CHARS` when most of its letters are Han, kana or
/// Hangul, which say in one character what a spaced script says in three:
/// "ぶりは熱湯をかけて臭みを取り、水気をふく。"), ending a sentence (a
/// closing quote or bracket after the full stop aside).
fn short_paragraph(text: &str, l: &Line, steps: bool) -> bool {
    let shape_fits = match l.shape {
        LineShape::Plain => true,
        LineShape::Numbered { has_content, .. } => steps && has_content,
        LineShape::Bullet => false,
    };
    if !shape_fits {
        return false;
    }
    let line = &text[l.span.clone()];
    if !ends_sentence(line) {
        return false;
    }
    match non_space(line).count() {
        n if n >= SHORT_PARAGRAPH_CHARS => true,
        n if n >= SHORT_UNSPACED_CHARS => {
            let (spaced, unspaced) = letters_by_spacing(line);
            unspaced > spaced
        }
        _ => false,
    }
}

/// The fewest short paragraphs in a block without a paragraph line that is
/// split, and the fewest characters of one.
const SHORT_PARAGRAPHS: usize = 3;
const SHORT_PARAGRAPH_CHARS: usize = 30;
const SHORT_UNSPACED_CHARS: usize = 20;

/// Whether `lines` are a news brief's lead among a page's labels: one line
/// at least that is a sentence of `LEAD_CHARS` non-space characters, and
/// labels (at most `LABEL_WORDS` words, no sentence's end) for at least
/// `LABEL_SHARE` of the lines. A short story without blank lines ("Home",
/// "News", the headline, its one-sentence lead, "Share this article",
/// "Related stories" and their titles) has too few sentences for
/// `SHORT_PARAGRAPHS`, and stayed one block, kept whole.
fn lead_among_labels(text: &str, lines: &[Line]) -> bool {
    let label = |l: &Line| {
        let line = &text[l.span.clone()];
        !ends_sentence(line) && line.split_whitespace().nth(LABEL_WORDS).is_none()
    };
    let labels = lines.iter().filter(|l| label(l)).count();
    let lead = lines.iter().any(|l| {
        short_paragraph(text, l, false) && non_space(&text[l.span.clone()]).nth(LEAD_CHARS - 1).is_some()
    });
    lead && labels as f32 >= lines.len() as f32 * LABEL_SHARE
}

/// The fewest non-space characters of a brief's lead, the most words of a
/// label, and the share of a block's lines that are labels around it.
const LEAD_CHARS: usize = 60;
const LABEL_WORDS: usize = 4;
const LABEL_SHARE: f32 = 0.6;

/// How near the wrap width a wrapped line's width is.
const WRAP_SHARE: f32 = 0.75;

/// Whether `lines` hold a paragraph line written in a spaced script and
/// `PORTAL_LABELS` lines or more, none a paragraph line, written mostly in
/// an unspaced one (Han, kana, Hangul): a story in English on a Chinese,
/// Japanese or Korean site, with no blank line between its lead and the
/// site's menu, or its last paragraph and the links under it. A block in
/// one script, or whose unspaced lines are paragraphs (a bilingual text),
/// is not such a block.
fn portal_mixed(text: &str, lines: &[Line], is_paragraph: &dyn Fn(&Line) -> bool) -> bool {
    if lines.len() <= PORTAL_LABELS || !short_unspaced_lines(text, lines) {
        return false;
    }
    let mut spaced_paragraph = false;
    let mut labels = 0;
    for l in lines {
        let line = &text[l.span.clone()];
        if line.is_ascii() {
            spaced_paragraph |= is_paragraph(l);
            continue;
        }
        let (spaced, unspaced) = letters_by_spacing(line);
        if is_paragraph(l) {
            spaced_paragraph |= spaced > SPACED_SHARE * unspaced;
        } else if unspaced > spaced {
            labels += 1;
        }
    }
    spaced_paragraph && labels >= PORTAL_LABELS
}

/// Whether `lines` are a paragraph line (or a short paragraph) written in
/// a spaced script over one or two lines shorter than a paragraph line
/// written mostly in an unspaced one, or a paragraph in any script over
/// one or two copyright notices: an English story's last paragraph with a
/// Korean or Chinese portal's copyright or credit run together under it
/// ("ⓒ 한국경제TV, 무단전재 및 재배포 금지"), or any story's with its
/// publisher's ("©2026 Bloomberg L.P.", "©2026 新浪网"). A translation under
/// a paragraph is a paragraph itself, and a short line in one script with
/// another is no such block.
fn paragraph_over_notice_lines(text: &str, lines: &[Line], is_paragraph: &dyn Fn(&Line) -> bool) -> bool {
    let Some((first, rest)) = lines.split_first() else { return false };
    if rest.is_empty() || rest.len() >= PORTAL_LABELS {
        return false;
    }
    // Most blocks are turned away by the bytes of the lines under the first.
    let notices = rest.iter().all(|l| copyright_notice(&text[l.span.clone()]));
    if !(notices || rest.iter().all(|l| may_be_unspaced_label(text, l)))
        || !(is_paragraph(first) || short_paragraph(text, first, false))
    {
        return false;
    }
    // Under copyright notices, a paragraph in any script ("分析人士认为，年底前
    // 降准的可能性不大，市场将关注下月数据。" over "©2026 新浪网").
    notices || {
        let (spaced, unspaced) = letters_by_spacing(&text[first.span.clone()]);
        spaced > SPACED_SHARE * unspaced && rest.iter().all(|l| mostly_unspaced(text, l))
    }
}

/// Whether `line` is a date or a time and little else: at most
/// `DATE_LINE_WORDS` words, one of them a year of four digits, a date of
/// figures ("2026/12/03", "03.12.2026") or a time ("15:31"), and more
/// figures than letters.
fn date_line(line: &str) -> bool {
    let line = line.trim();
    let dated = |w: &str| {
        let digits = w.bytes().filter(u8::is_ascii_digit).count();
        digits >= 4 || (digits >= 3 && w.contains(':'))
    };
    let digits = line.bytes().filter(u8::is_ascii_digit).count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    line.split_whitespace().nth(DATE_LINE_WORDS).is_none()
        && line.split_whitespace().any(dated)
        && digits > letters
}

/// The most buttons under a post's paragraph line that is split from
/// them.
const POST_BUTTONS: usize = 3;

/// Whether `line` may be a button: one or two words, at most
/// `BUTTON_CHARS` characters, ending no sentence ("Share", "Reply",
/// "Zitieren").
fn button_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.split_whitespace().nth(BUTTON_WORDS).is_none()
        && non_space(line).nth(BUTTON_CHARS).is_none()
        && !ends_sentence(line)
}

const BUTTON_WORDS: usize = 2;
const BUTTON_CHARS: usize = 16;

/// The most words of a date line.
const DATE_LINE_WORDS: usize = 6;

/// Whether `line` opens as a copyright notice does: "©", "ⓒ", "(c)" or
/// "Copyright" and a year or "©" ("©2026 Bloomberg L.P.", "Copyright 2026
/// The Daily Ledger").
fn copyright_notice(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(['©', 'ⓒ']) {
        return true;
    }
    let after = |word: &str| {
        let n = word.len();
        line.as_bytes()
            .get(..n)
            .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
            .then(|| &line[n..])
    };
    let Some(rest) = after("copyright").or_else(|| after("(c)")) else { return false };
    let rest = rest.trim_start();
    rest.starts_with('©') || rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether line `l` is shorter than a paragraph line and may hold a Han,
/// kana or Hangul character (a byte that opens a character from U+3000 on:
/// curly quotes and dashes open with 0xE2): a byte test that turns most
/// lines away before any is read a character at a time.
fn may_be_unspaced_label(text: &str, l: &Line) -> bool {
    let line = &text.as_bytes()[l.span.clone()];
    line.len() < PARAGRAPH_LINE_BYTES && line.iter().any(|&b| b >= 0xE3)
}

/// Whether most letters of line `l` are of an unspaced script.
fn mostly_unspaced(text: &str, l: &Line) -> bool {
    let (spaced, unspaced) = letters_by_spacing(&text[l.span.clone()]);
    unspaced > spaced
}

/// The letters of `line` in spaced scripts and in unspaced ones (Han, kana,
/// Hangul, Thai …).
pub(crate) fn letters_by_spacing(line: &str) -> (usize, usize) {
    line.chars().filter(|c| c.is_alphabetic()).fold((0, 0), |(spaced, unspaced), c| {
        if crate::lang::is_unspaced(c) { (spaced, unspaced + 1) } else { (spaced + 1, unspaced) }
    })
}

/// Takes out of a block of a portal's labels in an unspaced script
/// (`PORTAL_LABELS` lines or more) each line of `PORTAL_TITLE_WORDS` words
/// or more in a spaced script without a letter of the other: an English
/// story's headline between a Chinese site's menu and its date lines, with
/// no blank line around it, becomes a block of its own, and the labels
/// before and after it stay blocks as they were.
pub(super) fn split_portal_titles(text: &str, out: &mut Segmented) {
    let is_title =
        |l: &Line| l.shape == LineShape::Plain && spaced_title(without_source_tag(&text[l.span.clone()]));
    let is_label = |l: &Line| mostly_unspaced(text, l);
    let portal = |b: &Block| {
        let lines = &out.lines[b.lines.clone()];
        lines.len() > PORTAL_LABELS
            && short_unspaced_lines(text, lines)
            && lines.iter().any(is_title)
            && lines.iter().filter(|l| is_label(l)).count() >= PORTAL_LABELS
    };
    if !out.blocks.iter().any(portal) {
        return;
    }
    let mut blocks = Vec::with_capacity(out.blocks.len() + 2);
    for b in &out.blocks {
        if !portal(b) {
            blocks.push(b.clone());
            continue;
        }
        let mut first = b.lines.start;
        let close = |blocks: &mut Vec<Block>, from: usize, to: usize| {
            if from < to {
                blocks.push(Block::over(&out.lines, from..to));
            }
        };
        for i in b.lines.clone() {
            if is_title(&out.lines[i]) {
                close(&mut blocks, first, i);
                close(&mut blocks, i, i + 1);
                first = i + 1;
            }
        }
        close(&mut blocks, first, b.lines.end);
    }
    out.blocks = blocks;
}

/// Whether `line` reads as a headline or a lede in a spaced script: at
/// least `PORTAL_TITLE_WORDS` words, twice as many letters, and no letter
/// of a script written without spaces.
fn spaced_title(line: &str) -> bool {
    line.split_whitespace().nth(PORTAL_TITLE_WORDS - 1).is_some()
        && !line.contains(crate::lang::is_unspaced)
        && line.chars().filter(|c| c.is_alphabetic()).nth(PORTAL_TITLE_WORDS * 2).is_some()
}

/// Splits a portal's tag for its source or column off the English headline
/// or lede it opens ("彭博：Oil slips as OPEC+ signals …", "〈美股盤後〉Dow
/// ends higher …"): the tag becomes a block of its own, which the rules for
/// the head drop as they drop the portal's other labels, and the headline
/// is kept without it.
pub(super) fn split_source_tags(text: &str, out: &mut Segmented) {
    // Where the headline starts in the line, when the line is a tag and one.
    let title_at = |l: &Line| {
        let line = &text[l.span.clone()];
        if line.is_ascii() || l.shape != LineShape::Plain {
            return None;
        }
        let title = without_source_tag(line);
        (title.len() < line.trim_start().len() && spaced_title(title)).then(|| line.len() - title.len())
    };
    if !out.lines.iter().any(|l| title_at(l).is_some()) {
        return;
    }
    let mut lines: Vec<Line> = Vec::with_capacity(out.lines.len() + 2);
    let mut blocks = Vec::with_capacity(out.blocks.len() + 2);
    let close = |blocks: &mut Vec<Block>, lines: &[Line], from: usize| {
        if from < lines.len() {
            blocks.push(Block::over(lines, from..lines.len()));
        }
    };
    for b in &out.blocks {
        let mut first = lines.len();
        for l in &out.lines[b.lines.clone()] {
            let Some(at) = title_at(l) else {
                lines.push(l.clone());
                continue;
            };
            close(&mut blocks, &lines, first);
            let start = l.span.start;
            let tag_end = start + text[start..start + at].trim_end().len();
            lines.push(Line { span: start..tag_end, shape: LineShape::Plain });
            close(&mut blocks, &lines, lines.len() - 1);
            let title = start + at..l.span.end;
            lines.push(Line { shape: super::line_shape(&text[title.clone()]), span: title });
            close(&mut blocks, &lines, lines.len() - 1);
            first = lines.len();
        }
        close(&mut blocks, &lines, first);
    }
    out.lines = lines;
    out.blocks = blocks;
}

/// `line` without the portal's tag before an English headline: its
/// source or column in an unspaced script, closed by a colon ("彭博：",
/// "路透社:") or in brackets (`LABEL_BRACKETS`: "〈美股盤後〉", "【速報】"), of at most
/// `SOURCE_TAG_CHARS` characters.
fn without_source_tag(line: &str) -> &str {
    let line = line.trim_start();
    // A tag holds no Latin letter: most lines are over at their first one.
    if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return line;
    }
    // The tag ends within its first `SOURCE_TAG_CHARS` characters.
    let head = line.char_indices().nth(SOURCE_TAG_CHARS).map_or(line, |(at, _)| &line[..at]);
    let tag_end = match super::LABEL_BRACKETS.iter().find(|(open, _)| line.starts_with(*open)) {
        Some(&(_, close)) => head.find(close).map(|at| at + close.len_utf8()),
        None => head.find(['：', ':']).map(|at| at + head[at..].chars().next().map_or(1, char::len_utf8)),
    };
    match tag_end {
        Some(end)
            if line[..end].chars().any(crate::lang::is_unspaced)
                && !line[..end].contains(|c: char| c.is_ascii_alphabetic()) =>
        {
            line[end..].trim_start()
        }
        _ => line,
    }
}

/// The most characters of a portal's tag before a headline, brackets or
/// colon included.
const SOURCE_TAG_CHARS: usize = 8;

/// Whether `PORTAL_LABELS` of `lines` or more may be labels in an unspaced
/// script (`may_be_unspaced_label`). Most blocks have no such lines, and are
/// turned away by this scan of their short lines' bytes before any line is
/// read a character at a time.
fn short_unspaced_lines(text: &str, lines: &[Line]) -> bool {
    lines.iter().filter(|l| may_be_unspaced_label(text, l)).nth(PORTAL_LABELS - 1).is_some()
}

/// The fewest words of a headline in a spaced script among a portal's labels.
const PORTAL_TITLE_WORDS: usize = 5;

/// The fewest lines in an unspaced script that make a block a portal's
/// labels around a story in a spaced one, and how many times the unspaced
/// letters the spaced ones of such a story's paragraph line are.
const PORTAL_LABELS: usize = 3;
const SPACED_SHARE: usize = 4;

/// Splits a block into its lines when it holds two paragraph lines or more
/// (or one among `RUN_LINES` lines), if such blocks hold more paragraph
/// lines than there are paragraphs standing alone. A list's consecutive
/// bulleted items stay together, as they do in text with blank lines, and
/// so do a code fence's lines and a heading with its underline.
pub(super) fn split_single_breaks(text: &str, out: &mut Segmented) {
    let is_paragraph = |l: &Line| {
        let line = &text[l.span.clone()];
        l.shape == LineShape::Plain
            && (line.len() >= PARAGRAPH_LINE_BYTES
                || (line.len() >= PARAGRAPH_LINE_CHARS
                    && non_space(line).nth(PARAGRAPH_LINE_CHARS - 1).is_some()))
    };
    // Per block, its paragraph lines (none counted in a block of one line,
    // which has nothing to split; most blocks are one line).
    let paragraphs: Vec<usize> = out
        .blocks
        .iter()
        .map(|b| {
            if b.lines.len() == 1 {
                0
            } else {
                out.lines[b.lines.clone()].iter().filter(|l| is_paragraph(l)).count()
            }
        })
        .collect();
    // Per block, its paragraph lines when it is to be split.
    let split: Vec<Option<usize>> = out
        .blocks
        .iter()
        .zip(&paragraphs)
        .map(|(b, &n)| {
            let split = match n {
                0 => false,
                1 => b.lines.len() >= RUN_LINES,
                _ => true,
            };
            split.then_some(n)
        })
        .collect();
    let one_line =
        |b: &Block, such: &dyn Fn(&Line) -> bool| b.lines.len() == 1 && such(&out.lines[b.lines.start]);
    let together: usize = split.iter().flatten().sum();
    let alone = out.blocks.iter().filter(|b| one_line(b, &is_paragraph)).count();
    let mut split = if together > alone { split } else { vec![None; split.len()] };
    // A page's head run together with its lead (a menu, the headline and
    // its byline over the first paragraph), or its last paragraph with the
    // links under it: a block of `RUN_LINES` lines or more whose one
    // paragraph line, a sentence, is its first or its last. Split whatever
    // the other blocks are, as a menu and a paragraph are not one unit.
    let sentence_line =
        |i: usize| is_paragraph(&out.lines[i]) && ends_sentence(&text[out.lines[i].span.clone()]);
    // Shorter, a story's date over its headline over its lead: a block of
    // two lines or more whose one paragraph line, a sentence, is its last,
    // under a first line that is a date or a time ("2026/12/03 15:31").
    // Or a post: the paragraph line under its time, which is the first
    // line or the one right above it (a live page's "14.31 GMT" over the
    // post, a forum's poster, rank and date over the reply), with at most
    // `POST_BUTTONS` buttons under it ("Share"; "Zitieren", "Antworten",
    // "Melden").
    let dated_head = |b: &Block| {
        let Some(p) = b.lines.clone().find(|&i| sentence_line(i)) else { return false };
        let date = |i: usize| date_line(&text[out.lines[i].span.clone()]);
        p > b.lines.start
            && b.lines.end - 1 - p <= POST_BUTTONS
            && (p + 1..b.lines.end).all(|i| button_line(&text[out.lines[i].span.clone()]))
            && (date(b.lines.start) || date(p - 1))
    };
    for ((b, s), &n) in out.blocks.iter().zip(split.iter_mut()).zip(&paragraphs) {
        if s.is_none()
            && n == 1
            && ((b.lines.len() >= EDGE_RUN_LINES
                && (sentence_line(b.lines.start) || sentence_line(b.lines.end - 1)))
                || dated_head(b))
        {
            *s = Some(n);
        }
    }
    // The same with a short last paragraph ("再調査の結果は来年の夏ごろにまとまる
    // 見通しです。", "The new rules take effect in March of next year.") over
    // the links under it: a block of `EDGE_RUN_LINES` lines or more whose
    // first line is a short paragraph, right under a block that ends with a
    // paragraph line that is a sentence (the story it goes on), with no
    // paragraph line in any block under it. Not above the story: a short
    // sentence under a menu is as often a photo's caption as the lead.
    let short_first = |b: &Block| {
        b.lines.len() >= EDGE_RUN_LINES && short_paragraph(text, &out.lines[b.lines.start], false)
    };
    let candidate = |k: usize| split[k].is_none() && short_first(&out.blocks[k]);
    if (1..out.blocks.len()).any(candidate) {
        let has_paragraph = |b: &Block| out.lines[b.lines.clone()].iter().any(&is_paragraph);
        let last = out.blocks.iter().rposition(has_paragraph);
        // The block itself may hold the page's last paragraph lines (a long
        // note among the links: "※ニュースリリースに記載されている内容は…", a
        // news service's disclaimer).
        let under_story = |k: usize| candidate(k) && sentence_line(out.blocks[k - 1].lines.end - 1);
        let edge = last.and_then(|last| {
            [last, last + 1].into_iter().find(|&k| k > 0 && k < out.blocks.len() && under_story(k))
        });
        if let Some(k) = edge {
            split[k] = Some(paragraphs[k]);
        }
    }
    // A block of `RUN_LINES` lines or more, none of them a paragraph line,
    // not wrapped at one width, with `SHORT_PARAGRAPHS` lines or more that
    // are sentences of `SHORT_PARAGRAPH_CHARS` characters: short paragraphs (in Chinese or
    // Japanese a sentence of 40 characters is one, a wire story's are one
    // sentence each) among a page's menus, with no blank line between them.
    // Such blocks are split the same way, when they hold more such lines
    // than stand alone; a player's controls or a menu stay one block.
    let short: Vec<Option<usize>> = out
        .blocks
        .iter()
        .zip(&paragraphs)
        .map(|(b, &n)| {
            let lines = &out.lines[b.lines.clone()];
            if lines.len() < RUN_LINES || n > 0 {
                return None;
            }
            // A recipe's numbered steps among a page's lines are its short
            // paragraphs; a block that is mostly a list (a wiki's numbered
            // references) is one unit.
            let steps = 2 * lines.iter().filter(|l| l.shape != LineShape::Plain).count() < lines.len();
            let n = lines.iter().filter(|l| short_paragraph(text, l, steps)).count();
            let enough = n >= SHORT_PARAGRAPHS || (n > 0 && lead_among_labels(text, lines));
            (enough && !wrapped(text, lines)).then_some(n)
        })
        .collect();
    let short_together: usize = short.iter().flatten().sum();
    if short_together > 0
        && short_together
            > out.blocks.iter().filter(|b| one_line(b, &|l: &Line| short_paragraph(text, l, false))).count()
    {
        for (s, short) in split.iter_mut().zip(short) {
            *s = s.or(short);
        }
    }
    // A story in a spaced script run together with a portal's labels in an
    // unspaced one (an English story's first or last paragraph against a
    // Korean or Chinese finance site's menu or related links, or a
    // paragraph with the site's copyright line under it): split whatever
    // the other blocks are, as the two cannot be one unit.
    for ((b, s), &n) in out.blocks.iter().zip(split.iter_mut()).zip(&paragraphs) {
        let lines = &out.lines[b.lines.clone()];
        if s.is_none()
            && ((n > 0 && portal_mixed(text, lines, &is_paragraph))
                || paragraph_over_notice_lines(text, lines, &is_paragraph))
        {
            *s = Some(n);
        }
    }
    if split.iter().all(Option::is_none) {
        return;
    }
    let listed = |i: usize| out.lines[i].shape == LineShape::Bullet;
    let mut blocks = Vec::with_capacity(out.lines.len());
    for (b, split) in out.blocks.iter().zip(split) {
        if split.is_none() {
            blocks.push(b.clone());
            continue;
        }
        // Lines inside a Markdown code fence (``` … ```), the closing fence
        // with them, stay with the opening fence.
        let mut fenced = false;
        let inside: Vec<bool> = b
            .lines
            .clone()
            .map(|j| {
                let was = fenced;
                fenced ^= crate::markup::fence(&text[out.lines[j].span.clone()]);
                was
            })
            .collect();
        // Line `j` stays with the line before it: a list's next item, a
        // line inside a fence, a heading's underline (`=====`).
        let joined = |j: usize| {
            (listed(j - 1) && listed(j))
                || inside[j - b.lines.start]
                || crate::markup::underline(text[out.lines[j].span.clone()].as_bytes())
        };
        let mut first = b.lines.start;
        for i in b.lines.clone() {
            if i + 1 == b.lines.end || !joined(i + 1) {
                blocks.push(Block::over(&out.lines, first..i + 1));
                first = i + 1;
            }
        }
    }
    out.blocks = blocks;
}
