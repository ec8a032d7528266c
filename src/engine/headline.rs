//! The headline policy: which heading-like block above the body is the
//! article's headline (kept by the head-chrome rule and the context pass),
//! and which are bylines, dated meta lines, tag lists or captions instead.

use std::ops::Range;

use super::LangPolicy;
use crate::analyze::Analyzed;
use crate::report::{BlockReport, Decision};
use crate::rules::spec::Action;
use crate::segment::{LineShape, form_line_shape};

/// The headline: the last heading-like block of two words or more among the
/// first `before` blocks of `view` that nothing dropped (or, when there is
/// none, a title of one word right above the body, or else the last
/// question on a line of its own), as a range of view positions. A short
/// label found first gives way to a longer title or a question a few blocks
/// above it. The range holds a second block when the last such block is a
/// standfirst written without a full stop under a headline of its own.
/// The block at `before` counts as above the body when it is a title line
/// followed by prose past any meta lines (a long CJK headline starts the
/// body as prose). A title in a list of links that runs from a "Most
/// Read" heading down to the body gives way to a title above the heading
/// with a byline or a date line under it (`listed_link`); `action_of`
/// tells the action of the rule that decided a block (a `drop-with-link`
/// rule's drop, a `strip-span` rule's cut).
pub(super) fn headline(
    blocks: &[Analyzed],
    view: &[usize],
    policy: &LangPolicy,
    reports: &[BlockReport],
    action_of: &dyn Fn(usize) -> Option<Action>,
    chrome: &dyn Fn(usize) -> bool,
    before: usize,
) -> Option<Headline> {
    let link_dropped =
        |i: usize| reports[i].decision == Decision::Drop && action_of(i) == Some(Action::DropWithLink);
    // What a `strip-span` rule left of a block (a photo's caption under its
    // labels, "Image caption, …") is no headline.
    let span_cut =
        |i: usize| reports[i].decision == Decision::Strip && action_of(i) == Some(Action::StripSpan);
    // A line in a language the policy drops is no headline, though the
    // policy has not dropped it yet (a portal's Chinese slogan under an
    // English headline).
    let title = |k: usize| {
        let b = &blocks[view[k]];
        kept_title(b, reports[view[k]].decision) && !span_cut(view[k]) && policy.keeps_any(b)
    };
    // The body's first block, or the block right above the body, may hold
    // the headline itself over its standfirst (under a kicker, perhaps),
    // its byline and buttons cut from its tail (`chrome-tail`): the
    // headline is there, and a title above it is the page's (a menu's row
    // of labels, the site's name).
    // A block whose meta lines the headline cut in a round before is the
    // headline still, though what remains is a title over its subtitle
    // (or under a kicker no shorter than half of it), no title line.
    let titled_head = |k: usize| {
        reports[view[k]].decision == Decision::Strip
            && (opens_with_title(&blocks[view[k]]) || super::rules::cut_by_headline(&reports[view[k]]))
    };
    let above = super::rules::live_before(view, reports, before);
    if let Some(k) =
        [Some(before).filter(|&b| b < view.len()), above].into_iter().flatten().find(|&k| titled_head(k))
    {
        let kicker = kicker_first(&blocks[view[k]]).then_some((k, MetaLines::Kicker));
        return Some(Headline { range: k..k + 1, label: None, cut: kicker });
    }
    // A Chinese or Japanese headline of 30 characters or more reads as a
    // line of unpunctuated prose and may start the body itself: a title line
    // there, with prose as the next block kept past the lines under it (a
    // byline, a date), is looked at as well. A live page's first post's
    // title under its time is no headline.
    let opens_body = view.get(before).is_some_and(|&i| {
        let b = &blocks[i];
        b.heading_like
            && b.mostly_cjk()
            && !super::posts::under_time(blocks, i)
            && title(before)
            && view[before + 1..]
                .iter()
                .find(|&&j| reports[j].decision != Decision::Drop && !title_line(&blocks[j]))
                .is_some_and(|&j| blocks[j].prose)
    });
    let before = before + usize::from(opens_body);
    // The shape first: `title` may ask the block's language.
    // A title above the body that stands again below it, next to another
    // such title (two lines apart at most): an entry of a contents list
    // ("Was ist Festgeld?"), one a line in text without blank lines, each
    // a sub-heading of the body further down.
    // A wiki's section heading below may carry its edit link ("历史[编辑]",
    // "Histoire[modifier | modifier le code]").
    // Below, with blank lines, the sub-heading may be its section's first
    // line, over the section's first paragraph.
    // Most blocks differ from the title in their first bytes.
    let stands_below = |k: usize| {
        let b = &blocks[view[k]];
        let title = b.form.as_str();
        let heads = |j: usize| {
            let form = blocks[j].form.as_str();
            form.strip_prefix(title).is_some_and(|rest| {
                let end = title.len() + rest.find('\n').unwrap_or(rest.len());
                without_edit_link(&form[..end]) == title
            })
        };
        (title_line(b) || question_title(b))
            && view.get(before.max(k + 1)..).is_some_and(|rest| rest.iter().any(|&j| heads(j)))
    };
    // An entry of a contents list stands again below over prose: it is a
    // section's heading (an author's name in a comment thread is not).
    let heads_section = |k: usize| {
        let b = &blocks[view[k]];
        view.get(before.max(k + 1)..).is_some_and(|rest| {
            rest.windows(2).any(|w| {
                blocks[w[1]].prose && without_edit_link(blocks[w[0]].form.as_str()) == b.form.as_str()
            })
        })
    };
    let contents_entry = |k: usize| {
        stands_below(k)
            && [k.checked_sub(2), k.checked_sub(1), Some(k + 1), Some(k + 2)]
                .into_iter()
                .flatten()
                .any(|j| j < before && stands_below(j))
    };
    // A block right under a field's label ("From:" over a ministry's
    // name, "Source:" over a publisher's) is the field's value; one under
    // a video's label and length ("VIDEO 02:14") is the video's title.
    // A review's verdict box lists its points as short lines under "Pros"
    // and "Cons": each is a list item, not a title. A label that is also
    // a menu's item ("PRO", a site's paid tier) heads a verdict box only
    // with its partner near ("Contra" under the points).
    let partnered = |j: usize| {
        let near = j.saturating_sub(2 * VERDICT_ITEMS)..(j + 2 * VERDICT_ITEMS + 1).min(view.len());
        near.into_iter().any(|m| m != j && verdict_label(&blocks[view[m]]))
    };
    let verdict_item = |k: usize| {
        (0..k)
            .rev()
            .take(VERDICT_ITEMS)
            .take_while(|&j| title_line(&blocks[view[j]]) && blocks[view[j]].words <= VERDICT_ITEM_WORDS)
            .any(|j| {
                let b = &blocks[view[j]];
                verdict_label(b) && (!menu_word_label(b) || partnered(j))
            })
    };
    // An entry of a numbered contents list, one a line in text without
    // blank lines ("7. Data model" over "8. Lifecycle of a task"): no
    // headline.
    let numbered = |k: usize| view.get(k).and_then(|&i| item_number(blocks[i].form.as_str()));
    let contents_item = |k: usize| {
        numbered(k).is_some_and(|n| {
            (k > 0 && numbered(k - 1).is_some_and(|m| m + 1 == n))
                || numbered(k + 1).is_some_and(|m| n + 1 == m)
        })
    };
    // A block a rule drops above the body ("Jetzt bewerben", a byline) is
    // no headline, though that rule has not been applied yet when the
    // head's structure rules ask (they come first).
    // A heading a rule keeps ("Key points", "Ingredients") is a list's.
    let kept = |k: usize| super::kept_by_rule(&reports[view[k]]);
    let candidate = |k: usize| {
        title_line(&blocks[view[k]])
            && !chrome(view[k])
            && !label_row(&blocks[view[k]])
            && !contents_item(k)
            && blocks[view[k]].words >= 2
            && !figures(&blocks[view[k]])
            && !(k > 0 && (field_label(&blocks[view[k - 1]]) || video_label(&blocks[view[k - 1]])))
            && !verdict_item(k)
            && !(k > 0 && person_name(&blocks[view[k - 1]]) && role_line(blocks[view[k]].form.as_str()))
            && title(k)
            && !contents_entry(k)
            && !kept(k)
    };
    // A title with its date or byline under it (or over it) in one block
    // ("… Rebounds" over "2026/11/13 17:42"), the only such block above the
    // body and nearer to it than any title line, is the headline: the rule
    // that keeps it cuts the meta lines (`Headline::cut`). A teaser list's
    // cards, titles with their dates, come several together.
    // Its language is the title's: an English title over a Chinese
    // portal's date, source and buttons ("来源：Bloomberg", "分享到：") is
    // English.
    let mut dated = (0..before).filter_map(|k| {
        let b = &blocks[view[k]];
        let side = dated_title(b)?;
        let kept = policy.keeps_any(b)
            || (policy.keeps_latin() && matches!(side, MetaLines::Under(t) if latin_title(&b.form.as_str()[b.line_ranges[t].clone()])));
        (reports[view[k]].decision != Decision::Drop && kept).then_some((k, side))
    });
    // A standfirst right under it (a sentence in sentence case, which may
    // lack its full stop) stays with it; a line in a script without case
    // there may be the headline itself, under a company's name and date.
    // A date over a short line is passed for a title right over its
    // byline (a meta line, or a block a rule drops above the body) two
    // blocks above, longer than that line ("… settles tense
    // derby" over "By Sam Pritchard, …" over "30 November 2026." over
    // "From the section Football"): the line is a section's label.
    let passed_for_bylined = |t: usize, side: MetaLines| {
        let b = &blocks[view[t]];
        let last_words =
            b.line_ranges.last().map_or(0, |r| b.form.as_str()[r.clone()].split_whitespace().count());
        side == MetaLines::Over
            && t >= 2
            && (meta_line(blocks[view[t - 1]].form.as_str()) || chrome(view[t - 1]))
            && candidate(t - 2)
            && blocks[view[t - 2]].words > last_words
    };
    if let (Some((t, side)), None) = (dated.next(), dated.next())
        && !passed_for_bylined(t, side)
    {
        let mut below = (t + 1..before).filter(|&k| candidate(k));
        let standfirst = |k: usize| {
            let b = &blocks[view[k]];
            k == t + 1 && sentence_case(b) && !b.mostly_cjk()
        };
        match (below.next(), below.next()) {
            (None, _) => return Some(Headline { range: t..t + 1, label: None, cut: Some((t, side)) }),
            (Some(s), None) if standfirst(s) => {
                return Some(Headline { range: t..s + 1, label: None, cut: Some((t, side)) });
            }
            _ => {}
        }
    }
    // A title of one word right above the body, only dropped blocks (an
    // "Edit on GitHub" link, a date line) between, is the headline rather
    // than a title of two words or more above it that is an item of a
    // menu, two short labels on either side of it (a manual's sidebar,
    // "Installation" … "Environment variables" … "Logging", over the
    // page's "Configuration").
    let last = (0..before).rev().find(|&k| candidate(k));
    // A headline written as a sentence or two with a full stop ("Copper
    // just hit a record high. Here's why miners are still cheap.") over
    // its byline or date, nothing but dropped blocks between (share
    // buttons), is the headline when no title is found above the body, or
    // only the byline's name under it (below: a title over the byline,
    // sentences between, is the headline).
    let stopped = || {
        (0..before).rev().find(|&k| {
            let b = &blocks[view[k]];
            reports[view[k]].decision != Decision::Drop
                && stopped_title(b)
                && policy.keeps_any(b)
                && over_byline(blocks, view, reports, k, before)
        })
    };
    // A person's name over a line a rule drops or a meta line, under a
    // title and sentences (a byline box's "Miriam Keller" over
    // "Redakteurin" over the date, under the headline, the standfirst and
    // the photo's caption), is the byline's: the title is the headline. A
    // short title in Title Case right over its date ("Easy Lemon Chicken
    // Traybake") has no sentence between it and the title above it.
    let bylined_name = |k: usize| {
        person_name(&blocks[view[k]])
            && view.get(k + 1).is_some_and(|&j| chrome(j) || meta_line(blocks[j].form.as_str()))
    };
    let last = last.map(|l| {
        if !bylined_name(l) {
            return l;
        }
        (0..l)
            .rev()
            .find(|&k| candidate(k))
            .filter(|&t| {
                // The title stands right over the sentences, dropped blocks
                // and meta lines aside: a site's name over its menu's
                // labels, over a headline written as sentences, is not
                // the headline (`stopped` finds that one below).
                let live = |k: usize| reports[view[k]].decision != Decision::Drop;
                (t + 1..l).find(|&k| live(k) && blocks[view[k]].punctuated).is_some_and(|p| {
                    (t + 1..p)
                        .all(|k| !live(k) || chrome(view[k]) || meta_line(blocks[view[k]].form.as_str()))
                })
            })
            .unwrap_or(l)
    });
    let last = match last {
        None => stopped(),
        Some(l) if person_name(&blocks[view[l]]) => stopped().filter(|&s| s < l).or(last),
        l => l,
    };
    // An article's points under a heading a rule keeps ("Key points"), a
    // line each in text without blank lines, are the heading's list: the
    // headline is a title above the heading.
    let last = last.map(|l| {
        let points = (0..=l).rev().take_while(|&k| title_line(&blocks[view[k]]) && !kept(k));
        let heading = points
            .last()
            .and_then(|p| p.checked_sub(1))
            .filter(|&h| points_heading(&blocks[view[h]], &reports[view[h]]));
        heading.and_then(|h| (0..h).rev().find(|&k| candidate(k))).unwrap_or(l)
    });
    // A release's highlights, a line each in text without blank lines:
    // `HIGHLIGHT_LINES` or more statements of figures in sentence case in
    // a row, right above the body ("Net sales rose 8.4% to $1.21 billion"
    // over "Adjusted earnings per share of $0.94, up 12%"). They are a
    // list, not a headline over its standfirst: the headline is the title
    // above them. (A headline in sentence case over its standfirst has no
    // figure in one of the two, mostly.)
    let highlight = |k: usize| {
        let b = &blocks[view[k]];
        title_line(b)
            && b.words >= HIGHLIGHT_WORDS
            && sentence_case(b)
            && b.form.as_str().contains(|c: char| c.is_ascii_digit())
            && reports[view[k]].decision != Decision::Drop
    };
    let last = last.map(|l| {
        let start = (0..=l).rev().take_while(|&k| highlight(k)).last().unwrap_or(l);
        if l + 1 - start >= HIGHLIGHT_LINES {
            (0..start).rev().find(|&k| candidate(k)).unwrap_or(l)
        } else {
            l
        }
    });
    // Asked only when needed: `title` may ask the block's language.
    let one_word_above = || {
        super::rules::live_before(view, reports, before).filter(|&k| {
            let b = &blocks[view[k]];
            title_line(b) && one_word_title(b) && title(k)
        })
    };
    // A date or a byline is no menu's label: a title over "2026年11月27日
    // 11時05分" is a headline over its date, not an item of a sidebar.
    let menu_label = |k: usize| {
        view.get(k).is_some_and(|&i| {
            let b = &blocks[i];
            reports[i].decision != Decision::Drop
                && b.lines == 1
                && !b.punctuated
                && short_label(b)
                && !meta_line(b.form.as_str())
        })
    };
    // A title longer than any sidebar item a few blocks above that menu (a
    // blog post's, over its date, reading time and hubs) is the headline
    // all the same: the later steps find it.
    let long_title_above = |l: usize| {
        (0..l)
            .rev()
            .filter(|&k| reports[view[k]].decision != Decision::Drop)
            .take(LABEL_REACH)
            // The word count first: `candidate` may ask the block's language.
            .any(|k| blocks[view[k]].words > MENU_ITEM_WORDS && candidate(k))
    };
    // An encyclopedia's title said again at the start of its first
    // paragraph ("Pont de la Rivière-Noire" over "Le pont de la
    // Rivière-Noire est un pont suspendu …") is its title, though it
    // stands between the menus' items.
    let said_in_lead = |l: usize| {
        let title = blocks[view[l]].form.as_str().trim();
        view.get(before).is_some_and(|&i| {
            let lead = blocks[i].form.as_str();
            crate::segment::byte_prefix(lead, LEAD_ECHO_BYTES).contains(title)
        })
    };
    if let Some(l) = last
        && l >= 2
        && [l - 2, l - 1, l + 1, l + 2].into_iter().all(menu_label)
        && !long_title_above(l)
        && !said_in_lead(l)
        && let Some(w) = one_word_above().filter(|&w| w > l)
    {
        return Some(Headline::new(w..w + 1));
    }
    // A page with no title of two words or more (a manual's page, a forum
    // thread) may have one of a single word right above its body (dropped
    // blocks between), or a question.
    let Some(last) = last else {
        // A question on a line of its own that opens the body, a line in
        // text without blank lines (a Q&A page's "Warum wird mein Sauerteig
        // …?" over the question's text), is its title rather than a label
        // of one word above it (the menu's "Anmelden").
        let opening_question = view.get(before).is_some_and(|&i| {
            question_title(&blocks[i])
                && title(before)
                && !view.get(before + 1).is_some_and(|&j| question_title(&blocks[j]))
        });
        let question = || {
            (0..before).rev().find(|&k| question_title(&blocks[view[k]]) && title(k) && !contents_entry(k))
        };
        // Not when a question stands above it: that is the title, and the
        // one that opens the body asks it at length ("电脑开机后一直黑屏怎么办？"
        // over its poster's line over "电脑开机后风扇在转，…请问是什么问题？").
        let above = question();
        if opening_question && above.is_none() {
            return Some(Headline::new(before..before + 1));
        }
        return one_word_above().or(above).map(|k| Headline::new(k..k + 1));
    };
    let last = listed_link(blocks, view, &link_dropped, candidate, last).unwrap_or(last);
    // The headline said again under its standfirst and byline (a photo's
    // caption that repeats it): the first of the two is the headline, and
    // what stands between them is the head's. One sentence stands between
    // them, the standfirst (a contents list's entry said again as its
    // section's heading has none; a photo's caption would be a second).
    let same = |j: usize| blocks[view[j]].form.as_str() == blocks[view[last]].form.as_str();
    let one_sentence_under = |j: usize| {
        (j + 1..last).filter(|&m| blocks[view[m]].has_sentence(super::rules::SENTENCE_WORDS)).count() == 1
    };
    let last = (last.saturating_sub(REPEAT_REACH)..last)
        .find(|&j| same(j) && candidate(j) && one_sentence_under(j))
        .unwrap_or(last);
    // A question between that title and the body, with dropped blocks and
    // short labels under it (a Q&A site's title over its age, views and
    // vote count; the site's name is the title above), is the headline. A
    // question right above the body (or starting it) is the headline only
    // under a label of at most `SHORT_LABEL_WORDS` words (a site's name, a
    // button): it may be the story's first sub-heading, and two questions
    // in a row are sub-headings.
    let label = |k: usize| {
        let b = &blocks[view[k]];
        reports[view[k]].decision == Decision::Drop || (!b.punctuated && b.words <= SHORT_LABEL_WORDS)
    };
    let question = |q: usize| {
        question_title(&blocks[view[q]])
            && title(q)
            && reports[view[q]].decision != Decision::Drop
            && !contents_entry(q)
    };
    let labels_under = (last + 1..before).rev().take_while(|&k| label(k)).last();
    let over_labels = labels_under.and_then(|k| k.checked_sub(1)).filter(|&q| q > last && question(q));
    let passed = |k: usize| {
        let b = &blocks[view[k]];
        (reports[view[k]].decision == Decision::Drop || !title(k)) && !question_title(b)
    };
    let single = |q: usize| !view.get(q + 1).is_some_and(|&i| question_title(&blocks[i]));
    // The question may start the body itself, as a CJK question of 30
    // characters or more reads as a line of prose.
    let under_label = [before.checked_sub(1), Some(before)].into_iter().flatten().find(|&q| {
        q > last
            && q < view.len()
            && blocks[view[last]].words <= SHORT_LABEL_WORDS
            && question(q)
            && single(q)
            && (last + 1..q).all(passed)
    });
    // A page of questions under its title ("Frequently Asked Questions"):
    // the questions are its sub-headings, not its headline.
    let under_label = under_label.filter(|_| !faq_title(blocks[view[last]].form.as_str()));
    if let Some(q) = over_labels.or(under_label) {
        return Some(Headline::new(q..q + 1));
    }
    // A label of a few words under a longer title (an author's name, a
    // button, a recipe's servings, where text without blank lines puts
    // each on a line of its own) is not the headline; the title is, when
    // only such labels, meta lines (a bare date, "30 November 2026.") and
    // dropped blocks (or blocks a rule drops above the body) stand between
    // them.
    let passable = |k: usize| {
        let b = &blocks[view[k]];
        reports[view[k]].decision == Decision::Drop
            || (title_line(b) && (short_label(b) || !title(k) || figures(b)))
            || list_heading(b)
            || (b.lines == 1 && (meta_line(b.form.as_str()) || bare_date(b.form.as_str())))
            || chrome(view[k])
    };
    // The longer title may be a question (a forum thread's, above its
    // poster's name).
    // A title of a menu item's length among a menu's items (a label over
    // it, two under it, none a button a rule drops: a wiki's sidebar, one
    // item a line in text without blank lines) is an item too
    // ("コミュニティ・ポータル" over "架空川").
    let sidebar_label = |j: usize| j < last && menu_label(j) && !chrome(view[j]);
    let menu_item = |k: usize| {
        k > 0
            && blocks[view[k]].words <= MENU_ITEM_WORDS
            && [k - 1, k + 1, k + 2].into_iter().all(sidebar_label)
    };
    let longer = |k: usize| {
        let b = &blocks[view[k]];
        (candidate(k) && !short_label(b) && !separated(b) && !menu_item(k)) || (question_title(b) && title(k))
    };
    // A standfirst under the longer title (a sentence or two, which the
    // body's first paragraph is not: a gift or zoom button stands between)
    // is passed as well.
    let standfirst_under = |k: usize| {
        let b = &blocks[view[k]];
        k > 0 && b.punctuated && b.lines <= STANDFIRST_LINES && !title_line(b) && title(k) && longer(k - 1)
    };
    // Blocks already dropped (a byline, share buttons), or that a rule
    // drops above the body, and blocks without a letter (a match's score)
    // do not count towards the reach.
    // A row of labels (a player's buttons, a job ad's employer, place and
    // hours between bullets) passes to any title above it that is no row,
    // however short ("Sachbearbeiter Buchhaltung (m/w/d)").
    let row = separated_labels(&blocks[view[last]]) && !short_label(&blocks[view[last]]);
    // A label in Title Case of a few words more right under a title in
    // sentence case at least `LABEL_TITLE_MARGIN` words longer, only
    // dropped blocks between ("Terms and Privacy Policy", "Sponsored
    // Content from Acme Bank" under "Chipmaker shares slide as export
    // curbs weigh on outlook"), is a link or a promotion, not a headline
    // over its standfirst: the title is the headline.
    // The label's shape first: most headlines found are no such label.
    let lower = &blocks[view[last]];
    let over_label = title_case_label(lower)
        .then(|| super::rules::live_before(view, reports, last))
        .flatten()
        .filter(|&u| {
            let upper = &blocks[view[u]];
            sentence_case(upper) && upper.words >= lower.words + LABEL_TITLE_MARGIN && candidate(u)
        });
    if let Some(u) = over_label {
        return Some(Headline::new(u..u + 1));
    }
    let k = if short_label(&blocks[view[last]]) || row {
        (0..last)
            .rev()
            // A contents list between ends the search: a wiki's, a line
            // each in text without blank lines, stands between its sidebar
            // and the article's short title.
            .take_while(|&k| {
                !(contents_entry(k) && heads_section(k))
                    && (longer(k) || candidate(k) || passable(k) || standfirst_under(k))
            })
            .filter(|&k| {
                reports[view[k]].decision != Decision::Drop
                    && !chrome(view[k])
                    && blocks[view[k]].form.as_str().contains(char::is_alphabetic)
            })
            .take(LABEL_REACH)
            .find(|&k| longer(k) || (row && candidate(k) && !separated_labels(&blocks[view[k]])))
            .unwrap_or(last)
    } else {
        last
    };
    // The title over the standfirst: the block right above it, or above a
    // byline or a date a rule dropped between them ("By Nina Castell" over
    // "published 3 December 2026"), when the standfirst is a sentence in a
    // cased script longer than the title (a blog's name over its post's
    // date over the post's title is no headline over a standfirst).
    let dropped_meta = |m: usize| {
        let b = &blocks[view[m]];
        reports[view[m]].decision == Decision::Drop
            && b.lines <= DATED_TITLE_META_LINES
            && b.line_ranges.iter().all(|r| meta_line(&b.form.as_str()[r.clone()]))
    };
    let over = (0..k).rev().take(STANDFIRST_META_BLOCKS + 1).find(|&m| !dropped_meta(m));
    // A title said again under a block that holds it (a breadcrumb and the
    // title over the page's own heading) is no standfirst.
    let standfirst = over.filter(|&u| {
        let (upper, lower) = (&blocks[view[u]], &blocks[view[k]]);
        let passed = u + 1 < k;
        !upper.form.as_str().contains(lower.form.as_str())
            && (standfirst_line(lower)
                || sentence_case(lower)
                || (!passed && (labelled(lower.form.as_str()) || uncased_under_title(upper, lower))))
            && (!passed || (!lower.mostly_cjk() && lower.words > upper.words))
            && candidate(u)
            && headline_over_standfirst(upper)
    });
    // Two short lines right under a longer title, the lower no longer than
    // the upper, are the title's fields, not a headline over its
    // standfirst (which says more than its headline): an exhibition's
    // "Gallery 4, Level 2" over "Free entry, booking recommended" under its
    // title and its dates, one a line in text without blank lines. The
    // title is the headline; dropped blocks between (the dates) are passed.
    let fields_title =
        standfirst.filter(|&u| u + 1 == k && blocks[view[k]].words <= blocks[view[u]].words).and_then(|u| {
            (0..u)
                .rev()
                .take(STANDFIRST_META_BLOCKS + 1)
                .find(|&t| reports[view[t]].decision != Decision::Drop)
                .filter(|&t| {
                    candidate(t)
                        && !separated(&blocks[view[t]])
                        && blocks[view[t]].words > blocks[view[u]].words
                })
        });
    if let Some(t) = fields_title {
        return Some(Headline::new(t..t + 1));
    }
    // A short title under a headline and its standfirst, with only meta
    // lines and dropped blocks between (a live blog's first post under the
    // page's headline, its byline and its time): the headline is that
    // one, and the post's title stays with it.
    if let Some(titled) = standfirst_above(blocks, view, reports, candidate, k) {
        return Some(Headline { range: titled, label: Some(k), cut: None });
    }
    let range = standfirst.map_or(k..k + 1, |u| u..k + 1);
    // A short label is a sub-heading right above the body ("Price and
    // availability" under a review's verdict box) when a title stands over
    // a byline higher up: that title is the headline, and the label stays
    // with it. The title must say more than the label (a label over a
    // byline is no title: the output, its byline gone, would take the lower
    // label for the headline).
    let says_more = |r: &Range<usize>| {
        let title = &blocks[view[r.start]];
        !short_label(title) || title.words > blocks[view[k]].words
    };
    if short_label(&blocks[view[k]])
        && let Some(titled) = bylined_title(blocks, view, candidate, k).filter(says_more)
    {
        return Some(Headline { range: titled, label: Some(k), cut: None });
    }
    Some(Headline::new(range))
}

/// The headline and its standfirst above view position `k`, past the meta
/// lines (a byline, a date) and dropped blocks between: "Election night
/// live: …" over "Turnout appears higher …, officials say" over "By
/// Political Desk" over "Updated 23.58 GMT" over the first post's title.
/// The standfirst is longer than the headline and the title at `k` shorter
/// (a kicker over a headline over its standfirst is the other way round).
/// Dropped blocks are passed, so the answer is the same in a later round
/// without them.
fn standfirst_above(
    blocks: &[Analyzed],
    view: &[usize],
    reports: &[BlockReport],
    candidate: impl Fn(usize) -> bool,
    k: usize,
) -> Option<Range<usize>> {
    // The cheap question first: most blocks passed were dropped.
    let passed =
        |m: usize| reports[view[m]].decision == Decision::Drop || meta_line(blocks[view[m]].form.as_str());
    let top = (0..k).rev().take_while(|&m| passed(m)).last().unwrap_or(k);
    let (title, standfirst) = (top.checked_sub(2)?, top - 1);
    let (upper, middle, lower) = (&blocks[view[title]], &blocks[view[standfirst]], &blocks[view[k]]);
    (reports[view[standfirst]].decision != Decision::Drop
        && middle.lines <= STANDFIRST_LINES
        && standfirst_line(middle)
        && middle.words > upper.words
        && lower.words < upper.words
        && candidate(title)
        && headline_over_standfirst(upper))
    .then_some(title..standfirst + 1)
}

/// The headline a page's head keeps: a range of view positions (a title,
/// or a title over its standfirst), and a sub-heading right above the body
/// kept with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Headline {
    /// The title, with its standfirst when it has one.
    pub range: Range<usize>,
    /// A short label above the body kept besides the title.
    pub label: Option<usize>,
    /// The title's block, when its lines other than the title are a date, a
    /// byline or a kicker over a standfirst to cut, and where they stand (a
    /// kicker over the title alone is left to [`Headline::cut_in`]).
    pub cut: Option<(usize, MetaLines)>,
}

impl Headline {
    fn new(range: Range<usize>) -> Self {
        Headline { range, label: None, cut: None }
    }

    /// Whether view position `k` is kept as part of the headline.
    pub fn contains(&self, k: usize) -> bool {
        self.range.contains(&k) || self.label == Some(k)
    }

    /// The lines to cut from the headline's block: its date or byline, or
    /// else a kicker over the title in its block ("Business" over "Taiwan
    /// raises 2026 GDP growth forecast …"), which is dropped where it
    /// stands on a line of its own.
    pub fn cut_in(&self, blocks: &[Analyzed], view: &[usize]) -> Option<(usize, MetaLines)> {
        let k = self.range.start;
        self.cut.or_else(|| kicker_over_title(&blocks[view[k]]).then_some((k, MetaLines::Over)))
    }

    /// Whether a part of the headline starts at view position `k`.
    pub fn starts_at(&self, k: usize) -> bool {
        self.range.start == k || self.label == Some(k)
    }
}

/// The title over the nearest byline or dated meta line above view position
/// `k` ("By Sam Taylor" under "Aurora X2 review: big sound, small price"),
/// with the standfirst between them when there is one: the byline at most
/// `BYLINE_REACH` blocks up.
fn bylined_title(
    blocks: &[Analyzed],
    view: &[usize],
    candidate: impl Fn(usize) -> bool,
    k: usize,
) -> Option<Range<usize>> {
    let meta = |m: usize| meta_line(blocks[view[m]].form.as_str());
    let m = (k.saturating_sub(BYLINE_REACH)..k).rev().find(|&m| meta(m))?;
    // The byline's lines may be blocks of their own ("By Sam Taylor" over
    // "published 2 days ago"), and the publisher's field among them ("From:
    // HM Revenue & Customs" over "Published 6 April 2026").
    // A tag list a rule dropped may stand between the title and its dates
    // ("Rust" over "CSV" over "Performance" under a tech blog's title).
    let passed = |t: usize| {
        let b = &blocks[view[t]];
        meta(t) || publisher_field(b.form.as_str()) || (!candidate(t) && tag_lines(b))
    };
    let t = (0..m).rev().find(|&t| !passed(t))?;
    // The block above `t`, when it is the headline and `t` its standfirst.
    let headline_over = || {
        t.checked_sub(1).filter(|&u| {
            candidate(u) && headline_over_standfirst(&blocks[view[u]]) && sentence_case(&blocks[view[t]])
        })
    };
    if candidate(t) {
        return Some(headline_over().map_or(t..t + 1, |u| u..t + 1));
    }
    // A standfirst of a sentence or two, ending with its full stop, may
    // stand between the title and the byline.
    let b = &blocks[view[t]];
    (b.punctuated && b.lines <= STANDFIRST_LINES).then(headline_over).flatten().map(|u| u..t + 1)
}

/// Tags one a line: at most `TAG_LINES` lines of at most two words and
/// `TAG_CHARS` characters each, none ending a sentence.
fn tag_lines(b: &Analyzed) -> bool {
    b.lines <= TAG_LINES
        && !b.punctuated
        && b.form
            .as_str()
            .lines()
            .all(|l| l.split_whitespace().count() <= 2 && l.chars().count() <= TAG_CHARS)
}

const TAG_LINES: usize = 8;
const TAG_CHARS: usize = 24;

/// A field that names the page's publisher under its title, in the
/// matching form: "From: HM Revenue & Customs", "Quelle: Bundesamt für
/// Statistik" — a label of the publisher's (no review's or opinion's
/// label: "Review: …" is a headline's) and a name of at most
/// `SOURCE_WORDS` words.
fn publisher_field(form: &str) -> bool {
    // The label first: most lines have none of these.
    form.split_once([':', '：']).is_some_and(|(label, _)| PUBLISHER_LABELS.contains(&label.trim()))
        && source_field(form)
}

const PUBLISHER_LABELS: &[&str] = &[
    "from",
    "source",
    "publisher",
    "quelle",
    "herausgeber",
    "éditeur",
    "fuente",
    "fonte",
    "来源",
    "出典",
    "출처",
];

/// How many blocks above a short label a byline is looked for.
const BYLINE_REACH: usize = 30;

/// When the title at view position `last` is the last of a run of titles
/// right under a link heading a `drop-with-link` rule dropped ("Most Read
/// from Bloomberg" over three stories' titles, as text without blank lines
/// puts them between the headline and the body), the title above that
/// heading with a byline or a date line between them (the headline), if any.
/// A list of links above the headline has no such line under a title above
/// it, and the title under the list stays the headline.
fn listed_link(
    blocks: &[Analyzed],
    view: &[usize],
    link_dropped: &dyn Fn(usize) -> bool,
    candidate: impl Fn(usize) -> bool,
    last: usize,
) -> Option<usize> {
    let top = (0..last).rev().take_while(|&k| candidate(k)).last().unwrap_or(last);
    let mut heading = top.checked_sub(1).filter(|&k| link_dropped(view[k]))?;
    while heading > 0 && link_dropped(view[heading - 1]) {
        heading -= 1;
    }
    let above = (0..heading).rev().find(|&k| candidate(k))?;
    (above + 1..heading).any(|k| meta_line(blocks[view[k]].form.as_str())).then_some(above)
}

/// A label of `TITLE_LABEL_WORDS` words on a line of its own in Title
/// Case, no figure and no sentence's end in it ("Motley Fool Stock
/// Advisor", "Terms and Privacy Policy"): longer than a short label, but
/// still a link's or a promotion's words under a title in sentence case.
fn title_case_label(b: &Analyzed) -> bool {
    b.lines == 1
        && TITLE_LABEL_WORDS.contains(&b.words)
        && !b.punctuated
        && b.capital_share >= TITLE_LABEL_CAPITALS
        && !b.form.as_str().contains(|c: char| c.is_ascii_digit())
}

/// How many words a Title Case label under a title has.
const TITLE_LABEL_WORDS: std::ops::RangeInclusive<usize> = 4..=6;
/// The least share of capitalised words in a Title Case label.
const TITLE_LABEL_CAPITALS: f32 = 0.75;
/// How many words more than a Title Case label under it a title in
/// sentence case has, at least, to be the headline over it.
const LABEL_TITLE_MARGIN: usize = 4;

/// A title line of at most `SHORT_LABEL_WORDS` words or `SHORT_LABEL_CHARS`
/// non-space characters (はてなブックマーク).
fn short_label(b: &Analyzed) -> bool {
    b.words <= SHORT_LABEL_WORDS || b.chars <= SHORT_LABEL_CHARS
}

/// A row of short labels between bars or bullets ("Listen on Apple
/// Podcasts | Spotify", "Print · Email", "Cuisson : 45 min | Difficulté :
/// facile"), each of at most `ROW_LABEL_WORDS` words (a field's name and
/// value at most that many each): under a longer title, the buttons of a
/// player or a toolbar, or a recipe's fields, rather than the headline.
fn separated_labels(b: &Analyzed) -> bool {
    let mut parts = 0;
    b.lines == 1
        && b.form.as_str().split(['|', '·', '•']).all(|part| {
            parts += 1;
            // A field's name and its value count apart ("Temps de
            // préparation : 30 min").
            part.split(':').all(|piece| (1..=ROW_LABEL_WORDS).contains(&piece.split_whitespace().count()))
        })
        && parts >= 2
}

/// The most words of a label in a row of them.
const ROW_LABEL_WORDS: usize = 4;

/// A short label that ends with a colon, on a line of its own: the heading
/// of a list under it ("Jump to:" over a post's sections, "Contents:"),
/// whose items, in text without blank lines, stand between the headline
/// and the body. In Chinese or Japanese such a label names a field over its
/// value ("テーマ：" over the post's theme), and the title may be under it.
fn list_heading(b: &Analyzed) -> bool {
    b.lines == 1
        && b.words <= SHORT_LABEL_WORDS
        && !b.mostly_cjk()
        && b.form.as_str().trim_end().ends_with(':')
}

/// A colon-ended label on a line of its own that names where an article
/// comes from ("From:", "Source:", "Quelle:"), as a government site or a
/// newsroom prints it over its value. A search box's label ("Search:",
/// "Buscar:") may stand right over the headline.
fn field_label(b: &Analyzed) -> bool {
    list_heading(b)
        && b.form.as_str().trim_end().strip_suffix(':').is_some_and(|l| FIELD_LABELS.contains(&l.trim_end()))
}

/// A video player's label with the video's length, on a line of its own
/// ("VIDEO 02:14", "Vidéo 3:05", "视频 01:30"): the title under it is the
/// video's.
fn video_label(b: &Analyzed) -> bool {
    let form = b.form.as_str().trim();
    let Some(rest) = VIDEO_LABELS.iter().find_map(|l| form.strip_prefix(l)) else { return false };
    let rest = rest.trim_start_matches([' ', ':', '|', '•', '·', '-']);
    let (minutes, seconds) = rest.split_once(':').unwrap_or_default();
    b.lines == 1
        && (1..=2).contains(&minutes.len())
        && minutes.bytes().all(|c| c.is_ascii_digit())
        && seconds.len() == 2
        && seconds.bytes().all(|c| c.is_ascii_digit())
}

/// What a video player calls a video, in the matching form (lower case).
const VIDEO_LABELS: &[&str] = &["video", "vidéo", "vídeo", "视频", "動画", "영상", "видео", "watch"];

/// The heading of a review's list of good or bad points: "Pros", "Cons",
/// "Vorteile", "Inconvénients", "長所".
fn verdict_label(b: &Analyzed) -> bool {
    b.lines == 1 && VERDICT_LABELS.contains(&label_form(b))
}

/// A verdict label that is also a word a menu or a site's name may hold
/// alone on a line ("PRO", "For").
fn menu_word_label(b: &Analyzed) -> bool {
    MENU_WORD_LABELS.contains(&label_form(b))
}

/// A label's matching form without the colon after it (the matching
/// form's colons are half-width).
fn label_form(b: &Analyzed) -> &str {
    b.form.as_str().trim().trim_end_matches(':').trim_end()
}

const MENU_WORD_LABELS: &[&str] = &["pro", "for", "against"];

const VERDICT_LABELS: &[&str] = &[
    "pros",
    "cons",
    "the good",
    "the bad",
    "what we like",
    "what we don't like",
    "what we don’t like",
    "we like",
    "we don't like",
    "we don’t like",
    "for",
    "against",
    "vorteile",
    "nachteile",
    "pro",
    "contra",
    "avantages",
    "inconvénients",
    "points forts",
    "points faibles",
    "on aime",
    "on aime moins",
    "ventajas",
    "desventajas",
    "prós",
    "contras",
    "pregi",
    "difetti",
    "voordelen",
    "nadelen",
    "長所",
    "短所",
    "良い点",
    "悪い点",
    // The matching form folds Traditional Chinese to Simplified: 優點 is 优点.
    "优点",
    "缺点",
    "장점",
    "단점",
];

/// How far above a title a verdict box's label is looked for, over short
/// title lines of at most `VERDICT_ITEM_WORDS` words.
const VERDICT_ITEMS: usize = 8;
const VERDICT_ITEM_WORDS: usize = 8;

/// How far above a title the same title is looked for.
const REPEAT_REACH: usize = 8;

/// The names of a field whose value is no headline.
const FIELD_LABELS: &[&str] = &[
    "from",
    "source",
    "sources",
    "author",
    "authors",
    "publisher",
    "organisation",
    "organization",
    "department",
    "agency",
    "quelle",
    "autor",
    "autorin",
    "herausgeber",
    "auteur",
    "éditeur",
    "fuente",
    "fonte",
    "autore",
    "bron",
];

/// The most words of a short label.
const SHORT_LABEL_WORDS: usize = 3;
/// The most characters of a short label.
const SHORT_LABEL_CHARS: usize = 10;
/// The most non-space characters of a button's label under a title.
const BUTTON_CHARS: usize = 20;
/// The most words of a sidebar's item ("Migrating from version 2"): a
/// longer title a few blocks above such a menu (a blog post's, over its
/// date, reading time and hubs) is the headline, not a one-word label right
/// above the body.
const MENU_ITEM_WORDS: usize = 5;
/// How far into the body's first paragraph an encyclopedia's title is
/// looked for, in bytes.
const LEAD_ECHO_BYTES: usize = 160;
/// How many blocks above a short label, those already dropped aside, a
/// longer title is looked for.
const LABEL_REACH: usize = 8;

/// Whether `b`, decided `decision` so far, can be a headline whatever its
/// shape: not dropped, and not a list item, a byline, a dated meta line, a
/// tag list or a photo's caption.
fn kept_title(b: &Analyzed, decision: Decision) -> bool {
    let form = b.form.as_str();
    // A list item ("+ All Share Services") is no headline.
    form_line_shape(form) != LineShape::Bullet
        && decision != Decision::Drop
        && !meta_line(form)
        && !labels_a_list(form)
        && !captioned(form)
        && !credited(form)
        && !bracketed(form)
        && !(b.lines == 1 && b.capital_share >= 1.0 && name_list(form))
        && !menu_row(form)
        && !company_name(form)
        && !address(form)
        && !scoreline(form)
}

/// A match's score between its teams, as a sports page prints it over the
/// report ("Valencia 2 - 1 Betis", "Lakers 112–108 Celtics"): at most
/// `SCORELINE_WORDS` words, a score with words on both sides, and no other
/// figure. A headline that gives a score tells what happened ("Bayern beat
/// Dortmund 3-1"): the score ends it.
fn scoreline(form: &str) -> bool {
    // Most titles hold no figure: they are turned away before any word is cut.
    if !form.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = form.split_whitespace().collect();
    if words.len() > SCORELINE_WORDS {
        return false;
    }
    let goals = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
    let score = |w: &str| w.split_once(['-', '–', ':']).is_some_and(|(a, b)| goals(a) && goals(b));
    // The score as one word ("2-1") or three ("2 - 1").
    let at = (0..words.len()).find_map(|i| {
        if score(words[i]) {
            Some((i, i))
        } else if i + 2 < words.len()
            && goals(words[i])
            && ["-", "–", ":"].contains(&words[i + 1])
            && goals(words[i + 2])
        {
            Some((i, i + 2))
        } else {
            None
        }
    });
    // Each side a team's name: a few words, no figure, no punctuation
    // ("Harbour City 2-1 Northgate: late header settles derby" is a
    // headline).
    let team = |side: &[&str]| {
        (1..=TEAM_WORDS).contains(&side.len())
            && side.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '-'))
    };
    at.is_some_and(|(first, last)| team(&words[..first]) && team(&words[last + 1..]))
}

/// The most words of a match's score line, and of a team's name in it.
const SCORELINE_WORDS: usize = 8;
const TEAM_WORDS: usize = 4;

/// A line that is one e-mail or web address and nothing else
/// ("jane@example.com", "www.example.com/news"), or a sender's name and
/// an address spelled out as a mail archive prints it ("Jane Doe jdoe at
/// lists.example.org"): a byline's contact or a site's name, never a
/// title.
fn address(form: &str) -> bool {
    let line = form.trim();
    if line.contains(char::is_whitespace) {
        return spelled_address(line);
    }
    !line.is_empty() && (line.contains('@') || line.contains("://") || line.starts_with("www."))
}

/// A name and an address with " at " for "@", as mail archives print
/// their senders: a user name, "at" and a domain with a dot, after at most
/// `SENDER_NAME_WORDS` words of name.
fn spelled_address(line: &str) -> bool {
    // Most lines hold no " at ": they are turned away before any word is cut.
    if !line.contains(" at ") {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let domain = |w: &str| {
        w.contains('.')
            && !w.starts_with('.')
            && !w.ends_with('.')
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            && w.rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
    };
    (3..=SENDER_NAME_WORDS + 3).contains(&words.len())
        && words[words.len() - 2] == "at"
        && domain(words[words.len() - 1])
        && !words[words.len() - 3].contains(|c: char| !(c.is_alphanumeric() || "._-".contains(c)))
}

/// The most words of a sender's name before a spelled-out address.
const SENDER_NAME_WORDS: usize = 4;

/// A company's name alone on its line, as a press release prints its
/// issuer under the date: "株式会社みなと精機", "みなと精機株式会社", "港湾科技股份有限公司",
/// "주식회사 한빛" — a legal form at its start or end, at most
/// `COMPANY_CHARS` characters and no comma or sentence mark (a headline
/// that names a company goes on past its name: "株式会社みなと精機、新製品を発売").
fn company_name(form: &str) -> bool {
    let name = form.trim();
    crate::segment::at_most_chars(name, COMPANY_CHARS)
        && !name.contains(['、', '，', ',', '。', '！', '？', '!', '?', '「', '"', '\n'])
        && COMPANY_FORMS.iter().any(|f| {
            name.strip_prefix(f).or_else(|| name.strip_suffix(f)).is_some_and(|rest| !rest.trim().is_empty())
        })
}

/// The most characters of a company's name on a line of its own.
const COMPANY_CHARS: usize = 24;

/// Legal forms of a company that open or close its name, in the matching form.
const COMPANY_FORMS: &[&str] =
    &["株式会社", "有限会社", "合同会社", "股份有限公司", "有限公司", "주식회사", "(주)", "(株)"];

/// The title of a page of questions and answers, in the matching form:
/// "Frequently Asked Questions", "FAQ", "Häufige Fragen", "よくある質問".
fn faq_title(form: &str) -> bool {
    // A plural's `s` aside, and "(FAQ)" after the title.
    fn bare(t: &str) -> &str {
        t.trim_end_matches('s')
    }
    let form = bare(form.trim().trim_end_matches(')'));
    FAQ_TITLES.iter().any(|t| form == bare(t) || form.strip_suffix(bare(t)).is_some_and(|r| r.ends_with('(')))
}

#[rustfmt::skip]
const FAQ_TITLES: &[&str] = &[
    "frequently asked question", "faq", "häufige fragen", "häufig gestellte fragen",
    "questions fréquentes", "foire aux questions", "questions fréquemment posées", "preguntas frecuentes",
    "perguntas frequentes", "domande frequenti", "veelgestelde vragen", "часто задаваемые вопросы",
    "よくある質問", "よくあるご質問", "常见问题", "常見問題", "자주 묻는 질문",
];

/// A site's menu on one line without separators, every word of it one of
/// `MENU_WORDS`: "Home About Archive Contact", "Startseite Über uns
/// Kontakt". At least three words. A row of `HOME_TO_CONTACT_WORDS` or
/// more that opens with the home page's label and closes with the contact
/// page's is one, whatever its other items, when one of them is of
/// `MENU_WORDS` too ("Start Über mich Gemüse Blumen Rezepte Kontakt": a
/// blog's topics).
fn menu_row(form: &str) -> bool {
    let mut words = form.split_whitespace();
    let Some(first) = words.next() else { return false };
    let home = HOME_LABELS.contains(&first);
    let mut all_menu = MENU_WORDS.contains(&first);
    // Most lines fail at their first word.
    if !home && !all_menu {
        return false;
    }
    let (mut count, mut middle_menu_words, mut last, mut last_menu) = (1, 0, first, all_menu);
    for w in words {
        let menu = MENU_WORDS.contains(&w);
        // Not from the home label: every word must be a menu's.
        if !home && !menu {
            return false;
        }
        all_menu &= menu;
        // The previous word was between the ends.
        middle_menu_words += usize::from(count > 1 && last_menu);
        count += 1;
        (last, last_menu) = (w, menu);
    }
    // The labels at the ends, and one of `MENU_WORDS` between them.
    let home_to_contact =
        home && count >= HOME_TO_CONTACT_WORDS && CONTACT_LABELS.contains(&last) && middle_menu_words >= 1;
    (all_menu && count >= 3) || home_to_contact
}

/// The fewest words of a menu's row from its home label to its contact label.
const HOME_TO_CONTACT_WORDS: usize = 4;
/// The home page's label, first in a menu's row.
const HOME_LABELS: &[&str] = &["home", "start", "startseite", "accueil", "inicio", "início", "homepage"];
/// The contact page's label (or the last word of it), last in a menu's row.
const CONTACT_LABELS: &[&str] =
    &["contact", "kontakt", "impressum", "contacto", "contato", "contatti", "contactez-nous", "contattaci"];

/// The words of a site's menu, in the matching form (lower case).
#[rustfmt::skip]
const MENU_WORDS: &[&str] = &[
    "home", "about", "us", "me", "contact", "archive", "archives", "blog", "news", "shop", "store", "login",
    "log", "in", "sign", "up", "register", "search", "menu", "subscribe", "faq", "help", "services",
    "portfolio", "gallery", "events", "resources", "donate", "privacy", "terms", "sitemap", "careers", "jobs",
    "team", "press", "products", "pricing", "docs", "support", "forum", "community", "tags", "categories",
    "recipes", "travel", "tips", "guides", "reviews", "startseite", "über", "uns", "kontakt", "impressum",
    "datenschutz", "archiv", "suche", "rezepte", "reisen", "tipps", "accueil", "à", "propos", "recherche",
    "recettes", "voyages", "conseils", "boutique", "inicio", "contacto", "acerca", "de", "nosotros", "mí",
    "buscar", "recetas", "viajes", "destinos", "consejos", "tienda", "início", "sobre", "contato",
    "receitas", "viagens", "dicas", "loja", "chi", "siamo", "contatti", "ricette", "viaggi", "consigli",
    "download", "downloads", "documentation", "features", "developers", "learn", "tutorials", "examples",
    "videos", "photos", "podcasts", "newsletter", "newsletters", "account", "cart", "partners", "solutions",
    "company", "customers", "releases", "changelog", "roadmap", "get", "started", "plugins", "themes",
];

/// A list of names between commas, "&" or "and", each of two or three
/// words and none of them a function word: a paper's authors under its
/// title ("Hannah Lindqvist, Omar Haddad & Priya Raman"), not its
/// headline. Two names are a list when "&" or "and" joins the last one;
/// without either it takes `NAME_LIST_NAMES` between commas ("Jordan
/// Ellis, Priya Raman, Tomas Novak"), which a headline's clauses
/// ("Central Bank Holds Rates, Signals Patience") seldom are. The caller
/// asks that every word be capitalised, which the matching form no longer
/// shows.
fn name_list(form: &str) -> bool {
    let form = form.trim();
    let joined = form.contains('&') || form.contains(" and ");
    let mut names = 0;
    for item in form.split([',', '&']).flat_map(|item| item.split(" and ")) {
        let mut words = 0;
        for w in item.split_whitespace() {
            if crate::lang::is_english_function_word(w)
                || !w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            {
                return false;
            }
            words += 1;
        }
        if !(2..=3).contains(&words) {
            return false;
        }
        names += 1;
    }
    names >= if joined { 2 } else { NAME_LIST_NAMES }
}

/// A person's name alone on its line: two to `PERSON_WORDS` words, each
/// capitalised, no figure and no punctuation of a title ("Hannah Okafor"
/// over her job under a post's title).
fn person_name(b: &Analyzed) -> bool {
    b.lines == 1
        && (2..=PERSON_WORDS).contains(&b.words)
        && b.capital_share >= 1.0
        && !b.form.as_str().contains(|c: char| c.is_numeric() || matches!(c, ':' | '?' | '!' | ',' | '|'))
}

/// The most words of a person's name.
const PERSON_WORDS: usize = 4;

/// A person's job and employer on a line of their own, in the matching
/// form: "operations director at northline logistics", "senior
/// correspondent, the daily", "redakteurin bei …", "directrice … chez …":
/// at most `ROLE_WORDS` words with a job's noun among them, then "at", "@",
/// a comma, "bei", "chez" or "en" and one to `EMPLOYER_WORDS` words. Under
/// an author's name above a post it is the byline's, not the headline.
fn role_line(form: &str) -> bool {
    if form.contains('\n') || form.ends_with(['.', '?', '!']) {
        return false;
    }
    let words: Vec<&str> = form.split_whitespace().collect();
    let Some(at) =
        words.iter().position(|w| matches!(*w, "at" | "@" | "bei" | "chez" | "en") || w.ends_with(','))
    else {
        return false;
    };
    // A word that ends with the comma is the role's last ("correspondent,").
    let role = &words[..at + usize::from(words[at].len() > 1 && words[at].ends_with(','))];
    let employer = &words[at + 1..];
    (1..=ROLE_WORDS).contains(&role.len())
        && (1..=EMPLOYER_WORDS).contains(&employer.len())
        && role.iter().any(|w| ROLE_NOUNS.contains(&w.trim_end_matches(',')))
}

/// The most words of a job's title, and of an employer's name after it.
const ROLE_WORDS: usize = 5;
const EMPLOYER_WORDS: usize = 6;

/// Nouns of a job, in the matching form.
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "director", "manager", "editor", "reporter", "correspondent", "writer", "columnist", "engineer",
    "developer", "designer", "officer", "founder", "co-founder", "cofounder", "ceo", "cto", "cfo", "coo",
    "president", "partner", "analyst", "economist", "strategist", "consultant", "adviser", "advisor",
    "researcher", "scientist", "professor", "lecturer", "fellow", "specialist", "head", "lead", "vp",
    "recruiter", "attorney", "lawyer", "owner", "architect", "producer", "marketer", "student",
    "redakteur", "redakteurin", "leiter", "leiterin", "geschäftsführer", "geschäftsführerin", "korrespondent",
    "korrespondentin", "directeur", "directrice", "rédacteur", "rédactrice", "journaliste", "fondateur",
    "fondatrice", "directora", "redactor", "redactora", "periodista", "fundador", "fundadora",
];

/// The fewest names of a list joined by commas alone.
const NAME_LIST_NAMES: usize = 3;

/// A line wholly in brackets: an editor's note ("（原标题：…）", "(Updated
/// with comment)"), not a headline.
fn bracketed(form: &str) -> bool {
    enclosed(form, &[('(', ')')])
}

/// Whether `line`, trimmed, opens with one of `pairs`' opening brackets and
/// ends with its closing one.
fn enclosed(line: &str, pairs: &[(char, char)]) -> bool {
    let line = line.trim();
    pairs.iter().any(|&(open, close)| line.starts_with(open) && line.ends_with(close))
}

/// A title with its meta lines in one block: a line that can be a
/// headline, longer than a short label (an author's name over the date is
/// none), and under it — or over it — its meta lines. Under it: a dated
/// meta line or a byline ("Tencent Profit Beats Estimates" over
/// "2026/11/13 17:42", a title over "입력 2026.11.24 08:31"), perhaps
/// after its source's name ("Bloomberg" over "2025/03/14 09:32"), and
/// under that, in any order, up to `DATED_TITLE_META_LINES` more meta
/// lines, source fields ("来源：Bloomberg", "作者：Bloomberg News") or
/// reporters' credits in brackets ("〔記者林小明／台北報導〕") and
/// buttons, a label a line (a news agency's title over its date over
/// "字級：大中小", "分享", "列印"; "Reuters" over "[打印]"), at most
/// `DATED_TITLE_META_LINES` + `DATED_TITLE_BUTTONS` lines, and over a
/// title with meta lines under it a kicker may stand (a blog's category
/// over its post's title over its author and date), or a title over its
/// subtitle. Over it: one or more bare dates (a blog's "2024-11-20" over
/// its post's title). A question needs no date: buttons alone may stand
/// under it. Says where the meta lines stand.
pub(super) fn dated_title(b: &Analyzed) -> Option<MetaLines> {
    let form = b.form.as_str();
    let lines = b.line_ranges.as_slice();
    if !(2..=DATED_TITLE_META_LINES + DATED_TITLE_BUTTONS + 2).contains(&lines.len()) {
        return None;
    }
    let title = |r: &Range<usize>| {
        let head = form[r.clone()].trim_end();
        let chars = head.chars().filter(|c| !c.is_whitespace()).count();
        let spaced_words = head.split_whitespace().count();
        chars <= HEADLINE_CHARS
            && (spaced_words > SHORT_LABEL_WORDS
                || (head.chars().any(crate::lang::is_unspaced) && chars > SHORT_LABEL_CHARS))
            && (crate::analyze::ends_open(without_site(head)) || one_question(head))
            && form_line_shape(head) == LineShape::Plain
            && !meta_line(head)
            && !labels_a_list(head)
            && !address(head)
            && !ticker(head)
    };
    let meta = |r: &Range<usize>| meta_line(&form[r.clone()]);
    let dates =
        |rs: &[Range<usize>]| rs.iter().all(|r| bare_date(&form[r.clone()]) || age_notice(&form[r.clone()]));
    // Over the title, a kicker may stand ("개발" over a blog post's title
    // over its author and date), or the title over its subtitle: it stays
    // with the title.
    // A breadcrumb trail may stand there too ("トップ > ニュース > 材料").
    let kicker = |r: &Range<usize>| {
        let line = &form[r.clone()];
        (kicker_line(line)
            && form_line_shape(line) == LineShape::Plain
            && !line.contains(|c: char| c.is_ascii_digit()))
            || crate::segment::breadcrumb(line)
    };
    // Under the meta lines, a row of buttons, a label a line ("字級：大中小",
    // "分享", "列印").
    let under = |t: usize| {
        // The line under the title first: most blocks fail there. A
        // source's name may stand between the title and its date
        // ("Bloomberg" over "2025/03/14 09:32").
        let first = if meta(&lines[t + 1]) {
            t + 1
        } else if lines.len() > t + 2 && source_name(&form[lines[t + 1].clone()]) && meta(&lines[t + 2]) {
            t + 2
        } else {
            return false;
        };
        // Under the first date, more meta lines (an update's date, the
        // author, "来源：Bloomberg") and buttons, in any order.
        let rest = &lines[first + 1..];
        if rest.len() > DATED_TITLE_META_LINES + DATED_TITLE_BUTTONS || !title(&lines[t]) {
            return false;
        }
        // Each line a button, or else a meta line of some kind, counted.
        let mut metas = first - t;
        for r in rest {
            let line = &form[r.clone()];
            if button(line) {
                continue;
            }
            if !(meta(r) || source_field(line) || bracketed_credit(line) || reading_time(line)) {
                return false;
            }
            metas += 1;
        }
        metas <= DATED_TITLE_META_LINES + 1
    };
    // A question over its buttons and counters alone, no date (a Q&A
    // site's "为什么…？" over "我来答", "分享", "举报", "3个回答"): at least
    // `QUESTION_BUTTONS` of them.
    let asked = || {
        let question = form[lines[0].clone()].trim_end();
        // The question mark first: most first lines end without one.
        one_question(question)
            && lines.len() > QUESTION_BUTTONS
            && question.chars().filter(|c| !c.is_whitespace()).count() <= HEADLINE_CHARS
            && question.split_whitespace().count() <= QUESTION_WORDS
            && lines[1..].iter().all(|r| button(&form[r.clone()]))
    };
    let last = &lines[lines.len() - 1];
    if under(0) || asked() {
        Some(MetaLines::Under(0))
    } else if lines.len() > 2 && under(1) && (kicker(&lines[0]) || title(&lines[0])) {
        Some(MetaLines::Under(1))
    } else if lines.len() <= DATED_TITLE_META_LINES + 1 && title(last) && dates(&lines[..lines.len() - 1]) {
        Some(MetaLines::Over)
    } else {
        None
    }
}

/// A reading time on a line of its own, in the matching form ("3 min
/// read", "Lesezeit: 4 Min.", "5 min de lecture"): at most
/// `READING_TIME_WORDS` words with a figure and a reading time's words.
fn reading_time(line: &str) -> bool {
    line.bytes().any(|b| b.is_ascii_digit())
        && line.split_whitespace().nth(READING_TIME_WORDS).is_none()
        && READING_TIME_WORDS_IN.iter().any(|w| line.contains(w))
}

const READING_TIME_WORDS: usize = 5;
const READING_TIME_WORDS_IN: &[&str] = &[
    "min read",
    "mins read",
    "minute read",
    "lesezeit",
    "lesedauer",
    "de lecture",
    "de lectura",
    "de leitura",
];

/// A title in a Latin script: no letter of a script without spaces, and
/// at least `LATIN_TITLE_WORDS` words with an ASCII letter. A portal's
/// label in brackets before it ("【英文ニュース】Nintendo shares jump …",
/// `segment::LABEL_BRACKETS`) is not asked about.
fn latin_title(line: &str) -> bool {
    let line = crate::segment::LABEL_BRACKETS
        .iter()
        .find_map(|&(open, close)| line.strip_prefix(open)?.split_once(close))
        .map_or(line, |(_, title)| title);
    !line.contains(crate::lang::is_unspaced)
        && line.split_whitespace().filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic())).count()
            >= LATIN_TITLE_WORDS
}

const LATIN_TITLE_WORDS: usize = 4;

/// A date alone over a title: a line that opens with a figure, holds a
/// year, and has at most `BARE_DATE_WORDS` words ("2024-11-20",
/// "2024年11月20日", "20. November 2024"). Over a title, a byline ("Joe Wee
/// Monday, February 29, 2016 @ 11:10 PM UTC" over a tag line) or a review's
/// "Written March 12, 2024" over its title is a teaser's or a card's, not a
/// blog post's.
fn bare_date(form: &str) -> bool {
    form.starts_with(|c: char| c.is_ascii_digit())
        && form.split_whitespace().count() <= BARE_DATE_WORDS
        && dated_meta(form)
        && !byline(form)
        && numbers(form).iter().any(|t| year(t))
}

const BARE_DATE_WORDS: usize = 4;

/// Whether `b` is a heading a rule keeps over an article's points ("Key
/// points", "Ingredients"): one line of at most `POINTS_HEADING_WORDS` words.
pub(super) fn points_heading(b: &Analyzed, r: &BlockReport) -> bool {
    super::kept_by_rule(r) && b.lines == 1 && b.words <= POINTS_HEADING_WORDS
}

/// The most words of a heading a rule keeps over an article's points.
const POINTS_HEADING_WORDS: usize = 5;

/// A notice of the story's age over its title ("This article is more than
/// 1 year old", "This story is over 5 years old"): a date in words.
fn age_notice(form: &str) -> bool {
    let Some(rest) =
        ["this article is ", "this story is ", "this content is "].iter().find_map(|p| form.strip_prefix(p))
    else {
        return false;
    };
    let rest = rest.trim_end_matches('.');
    ["more than ", "over "].iter().any(|p| rest.starts_with(p))
        && [" year old", " years old", " month old", " months old"].iter().any(|e| rest.ends_with(e))
        && rest.split_whitespace().count() <= AGE_NOTICE_WORDS
}

/// The most words of an age notice after "this article is".
const AGE_NOTICE_WORDS: usize = 5;

/// Where a dated title's meta lines stand in its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MetaLines {
    /// Under the title, its line at this index (the first, or the second
    /// under a kicker).
    Under(usize),
    /// Over the title, its last line.
    Over,
    /// A kicker over the title, its first line, with the title's
    /// standfirst under it ("Mercados" over "Peso mexicano cierra …" over
    /// "El tipo de cambio terminó …").
    Kicker,
}

/// A byline or a dated meta line: what stands under a headline.
pub(super) fn meta_line(form: &str) -> bool {
    dated_meta(form) || byline(form) || dated_field(form)
}

/// A field of the page's date: a label of at most `FIELD_WORDS` words, a
/// colon and a date ("Release Date: November 20, 2024", "Stand: 12. März
/// 2024").
fn dated_field(form: &str) -> bool {
    form.split_once([':', '：']).is_some_and(|(label, value)| {
        (1..=FIELD_WORDS).contains(&label.split_whitespace().count()) && dated_meta(value.trim())
    })
}

/// A line that labels or lists rather than titles: a breadcrumb, a tag list,
/// a field and its value.
fn labels_a_list(form: &str) -> bool {
    breadcrumb(form) || tag_list(form) || field_line(form)
}

/// The most meta lines under a title in one block besides the first date
/// or byline (over it, the most bare dates).
const DATED_TITLE_META_LINES: usize = 2;
/// The most buttons under a title's meta lines in one block.
const DATED_TITLE_BUTTONS: usize = 8;

/// A source's name alone on its line between a title and its date
/// ("Bloomberg", "新华社", "Zacks Equity Research"): a button's length, no
/// figure, and in a script without spaces at most `SHORT_LABEL_CHARS`
/// characters (a Japanese subtitle of 16 is no source).
fn source_name(line: &str) -> bool {
    button(line)
        && !line.contains(|c: char| c.is_ascii_digit())
        && (!line.contains(crate::lang::is_unspaced)
            || line.chars().filter(|c| !c.is_whitespace()).count() <= SHORT_LABEL_CHARS)
}

/// A button's label on a line of its own: at most `SHORT_LABEL_WORDS` words
/// (any number in brackets: "[字型: 小 中 大]") and `BUTTON_CHARS`
/// non-space characters, ending no sentence ("Share", "列印", "字級：大中小",
/// "分享到：", "Facebookでシェアする", "Zacks Equity Research"), or a row of
/// such labels of at most `ROW_BUTTON_CHARS` characters each ("分享 分享
/// 收藏 字級", "Share Tweet Email Print").
fn button(line: &str) -> bool {
    let line = line.trim();
    let row = || line.split_whitespace().all(|w| w.chars().count() <= ROW_BUTTON_CHARS);
    (enclosed(line, &[('[', ']')]) || line.split_whitespace().count() <= SHORT_LABEL_WORDS || row())
        && line.chars().filter(|c| !c.is_whitespace()).count() <= BUTTON_CHARS
        && crate::analyze::ends_open(line.trim_end_matches([':', '：']))
}

/// The most characters of a button's label in a row of them.
const ROW_BUTTON_CHARS: usize = 5;

/// A field that names the story's source or author under its title
/// ("来源：Bloomberg", "作者：Bloomberg News", "Source: Reuters"): a label of
/// at most `SOURCE_LABEL_CHARS` characters, a colon, and a name of at most
/// `SOURCE_WORDS` words ending no sentence.
fn source_field(line: &str) -> bool {
    line.split_once([':', '：']).is_some_and(|(label, value)| {
        let (label, value) = (label.trim(), value.trim());
        !label.is_empty()
            && label.chars().count() <= SOURCE_LABEL_CHARS
            && !label.contains(char::is_whitespace)
            && !value.is_empty()
            && value.split_whitespace().count() <= SOURCE_WORDS
            && crate::analyze::ends_open(value)
    })
}

/// A reporter's credit in brackets on its own line ("〔記者林小明／台北報導〕",
/// "[경제일보 김민수 기자]"): at most `CREDIT_CHARS` characters between
/// brackets.
fn bracketed_credit(line: &str) -> bool {
    line.trim().chars().count() <= CREDIT_CHARS
        && enclosed(line, &[('〔', '〕'), ('【', '】'), ('[', ']'), ('(', ')')])
}

const CREDIT_CHARS: usize = 30;
const SOURCE_LABEL_CHARS: usize = 8;
const SOURCE_WORDS: usize = 4;

/// A breadcrumb: labels between spaced `>` or `›` ("暮らしと生活ガイド > 住宅",
/// "Home › News › World").
fn breadcrumb(form: &str) -> bool {
    form.contains(" > ") || form.contains(" › ")
}

/// A field and its value, as recipes, reviews and articles list them above
/// the text: "Temps de cuisson : 40 min", "Prep time: 20 mins", "Serves:
/// 4", "Lesezeit: 3 Min." — a name of at most `FIELD_WORDS` words, a colon,
/// and a value of as many words that starts with a number, or a file's path
/// (a manual's "Source code: Lib/textwrap.py").
fn field_line(form: &str) -> bool {
    let Some((name, value)) = form.split_once([':', '：']) else {
        return false;
    };
    let words = |t: &str| t.split_whitespace().count();
    // A place's coordinates take more words: "Koordinaten: 48° 21′ N, 11° 14′ O".
    let value_words = if value.contains('°') { COORDINATES_WORDS } else { FIELD_WORDS };
    let path = words(value) == 1 && value.contains('/') && value.contains('.');
    // Chinese and Japanese write a headline's clause without spaces: "央行：
    // 3月份将开展…操作" is a title of one "word" that starts with a figure.
    // A date's or a time's characters ("3月14日上午10时至下午5时") do not count.
    let prose =
        value.chars().filter(|&c| crate::lang::is_unspaced(c) && !FIELD_DATE_CHARS.contains(c)).count()
            > FIELD_UNSPACED_CHARS;
    (1..=FIELD_WORDS).contains(&words(name))
        && (1..=value_words).contains(&words(value))
        && (value.trim_start().starts_with(|c: char| c.is_ascii_digit()) || path)
        && !prose
}

/// The most Chinese, Japanese or Korean characters of a field's value,
/// besides those of dates and times: a count has one ("1234次"), a price
/// three ("298円（税込）").
const FIELD_UNSPACED_CHARS: usize = 4;

/// The characters of a date or a time written in Chinese or Japanese.
const FIELD_DATE_CHARS: &str = "年月日时時分秒点點号號上下午星期周週曜至";

/// The most words of a place's coordinates as a field's value.
const COORDINATES_WORDS: usize = 8;

/// The most words of a field's name, and of its value.
const FIELD_WORDS: usize = 3;

/// A photo's caption that ends with its credit or a photo note in brackets:
/// "スーパーの店頭（資料写真）", "The harbour at dawn (AP Photo/Jane Doe)",
/// "Der Hafen am Morgen (Bild: dpa)". A bare note is a headline's ("Tour
/// the New Library (Photos)", "新庁舎が完成（写真）").
fn captioned(form: &str) -> bool {
    let Some((_, inner)) = closing_group(form) else {
        return false;
    };
    let inner = inner.trim();
    let bare = PHOTO_NOTES
        .iter()
        .any(|&note| inner.strip_prefix(note).is_some_and(|rest| rest.is_empty() || rest == "s"));
    CAPTION_NOTES.contains(&inner) || (!bare && PHOTO_NOTES.iter().any(|note| inner.contains(note)))
}

/// A caption that names its photographer after a label: "Main image: The
/// harbour at dawn. Photograph: Jane Doe for the Daily", "Der Hafen. Foto:
/// dpa".
fn credited(form: &str) -> bool {
    CREDIT_LABELS.iter().any(|label| form.match_indices(label).any(|(i, _)| i > 0))
}

/// Labels of a photographer's credit inside a caption, in the matching form.
const CREDIT_LABELS: [&str; 6] = ["photograph:", "photo:", "photos:", "foto:", "bild:", "credit:"];

/// Notes in brackets that mark a photo's caption even alone: a stock or
/// file photo ("円相場（イメージ）", "Die Börse (Symbolbild)", "…（资料图）"),
/// which no headline says of itself.
const CAPTION_NOTES: &[&str] = &[
    "イメージ",
    "イメージ写真",
    "资料图",
    "资料图片",
    "示意图",
    "symbolbild",
    "symbolfoto",
    "archivbild",
    "file photo",
    "stock photo",
    "photo d'illustration",
    "image d'illustration",
    "foto de archivo",
    "imagen de archivo",
    "자료사진",
];

/// Words of a photo note or credit in brackets, in the matching form (lower
/// case, full-width brackets folded).
const PHOTO_NOTES: &[&str] =
    &["photo", "getty", "reuters", "afp", "bild", "foto", "写真", "撮影", "图片", "照片", "摄", "사진"];

/// A question on a line of its own, as forum threads and explainers are
/// titled ("Best way to back up a home NAS to the cloud?"): at most
/// `QUESTION_WORDS` words and no sentence before it.
pub(super) fn question_title(b: &Analyzed) -> bool {
    let form = b.form.as_str().trim_end();
    b.lines == 1 && b.chars <= HEADLINE_CHARS && b.words <= QUESTION_WORDS && one_question(form)
}

/// Whether `form` (trimmed) asks one question: it ends with a question mark
/// and holds no full stop before it.
pub(super) fn one_question(form: &str) -> bool {
    form.ends_with(['?', '？']) && !form.contains(". ")
}

const QUESTION_WORDS: usize = 20;

/// The fewest lines of a release's highlights in a row.
const HIGHLIGHT_LINES: usize = 3;
/// The fewest words of a highlight.
const HIGHLIGHT_WORDS: usize = 6;

/// The fewest buttons under a question with no date under it for the two
/// to be a title and its buttons.
const QUESTION_BUTTONS: usize = 2;

/// `line` without the bracketed link a wiki puts after a section's
/// heading ("历史[编辑]", "Géographie[modifier | modifier le code]").
fn without_edit_link(line: &str) -> &str {
    match line.strip_suffix(']').and_then(|l| l.rfind('[').map(|at| &l[..at])) {
        Some(heading) if !heading.is_empty() => heading.trim_end(),
        _ => line,
    }
}

/// A title of one word ("Configuration", a manual page's), in letters: a
/// counter or a date is no title.
fn one_word_title(b: &Analyzed) -> bool {
    let fewest = if b.mostly_cjk() { ONE_WORD_CJK_TITLE_CHARS } else { ONE_WORD_TITLE_CHARS };
    b.words == 1 && b.chars >= fewest && b.letter_share >= HEADLINE_LETTER_SHARE
}

/// The fewest characters of a one-word title.
const ONE_WORD_TITLE_CHARS: usize = 4;
/// The fewest characters of a title in Han, kana or Hangul without a
/// space: two are a name ("太湖", "東京").
const ONE_WORD_CJK_TITLE_CHARS: usize = 2;

/// A title line that reads as a standfirst when a headline stands right
/// above it: a sentence-case clause of `STANDFIRST_WORDS` words or more
/// with a comma in it ("Su obra, traducida a más de veinte idiomas, dio voz
/// a generaciones de emigrantes"), or sentences whose last has lost its
/// full stop ("Companies talk a good game. They are really …"). A photo's
/// caption or a call to action above the body is rarely so built.
fn standfirst_line(b: &Analyzed) -> bool {
    b.words >= STANDFIRST_WORDS && b.capital_share < 0.5 && (b.punctuated || b.form.as_str().contains(','))
}

/// A headline above a standfirst: `HEADLINE_OVER_STANDFIRST_WORDS` words or
/// more (a kicker such as "Crisis climática" is shorter), in letters, with
/// no separator of a breadcrumb or a menu. In Chinese, Japanese or Korean
/// its figures count with its letters: a headline there is short, and a
/// sum in it ("656조 원") weighs more.
fn headline_over_standfirst(b: &Analyzed) -> bool {
    let s = &b.scripts;
    let share = if b.mostly_cjk() {
        (s.letters + s.digits) as f32 / s.non_space.max(1) as f32
    } else {
        b.letter_share
    };
    b.words >= HEADLINE_OVER_STANDFIRST_WORDS && share >= HEADLINE_LETTER_SHARE && !separated(b)
}

/// Whether `b` holds a breadcrumb's or a menu's separators. A middle dot
/// separates only with a space beside it ("News · Sport"): between two
/// words it joins them, as Korean and Japanese titles do ("보건·복지").
fn separated(b: &Analyzed) -> bool {
    let form = b.form.as_str();
    form.contains(['>', '‹', '›', '»', '|', '•', '/']) || form.contains(" ·") || form.contains("· ")
}

const STANDFIRST_WORDS: usize = 10;
/// The most blocks of a byline or a date, dropped, passed on the way up
/// from a standfirst to its headline.
const STANDFIRST_META_BLOCKS: usize = 2;
/// The most lines of a standfirst passed on the way up to its headline.
const STANDFIRST_LINES: usize = 2;
/// A line of a cased script in sentence case: under a headline, a
/// standfirst, a link with its label ("Read more: …") or a prompt no rule
/// knows, which is kept with the headline rather than taken for it (the
/// headline would be lost). In Chinese, Japanese or Korean, which have no
/// case, a headline under a line of menu labels looks the same, so only
/// cased words tell.
fn sentence_case(b: &Analyzed) -> bool {
    b.scripts.cased_tokens >= SENTENCE_CASE_WORDS && b.capital_share < SENTENCE_CASE_SHARE
}

/// In Chinese, Japanese or Korean, a line under a title that reads as one:
/// both mostly in those scripts, the upper with at most one space, or up
/// to three between long phrases (a row of menu labels has many, and
/// short ones). A reporter's line or a portal's prompt under a headline
/// is then kept with it rather than taken for it.
///
/// Korean spaces its words, so a Korean title has many tokens: it reads as
/// one when it has at most `KOREAN_TITLE_TOKENS`, a title's punctuation (a
/// comma, an ellipsis, a middle dot, a quotation mark: "정부, 내년 예산 656조
/// 원 확정…복지 지출 역대 최대"), which a row of menu labels lacks, and a
/// line under it not much shorter (`KOREAN_STANDFIRST_SHARE`).
fn uncased_under_title(upper: &Analyzed, lower: &Analyzed) -> bool {
    let tokens = upper.scripts.tokens;
    let korean = || {
        upper.scripts.hangul as usize * 2 >= upper.chars
            && tokens <= KOREAN_TITLE_TOKENS
            && lower.chars * KOREAN_STANDFIRST_SHARE.1 >= upper.chars * KOREAN_STANDFIRST_SHARE.0
            && upper.form.as_str().contains([',', '.', '·', '‘', '’', '“', '”', '"', '\''])
    };
    upper.mostly_cjk()
        && lower.mostly_cjk()
        && (tokens <= UNCASED_TITLE_TOKENS
            || (tokens <= UNCASED_PHRASES && upper.chars >= UNCASED_PHRASE_CHARS * tokens as usize)
            || korean())
}

/// The most tokens between spaces of a Korean title over its standfirst,
/// and the least share of the title's length the standfirst has (three
/// quarters: "물가 둔화 확인까지 신중한 입장 유지" under "한국은행, 기준금리 연
/// 3.0%로 동결").
const KOREAN_TITLE_TOKENS: u32 = 16;
const KOREAN_STANDFIRST_SHARE: (usize, usize) = (3, 4);

/// The most tokens between spaces of a Chinese, Japanese or Korean title.
const UNCASED_TITLE_TOKENS: u32 = 2;
/// A title in those scripts may have up to `UNCASED_PHRASES` phrases
/// between spaces when they average `UNCASED_PHRASE_CHARS` characters or
/// more ("台風10号 九州南部に接近 交通機関に乱れ"): a menu's labels are
/// shorter ("トップ ニュース 経済 国際").
const UNCASED_PHRASES: u32 = 4;
const UNCASED_PHRASE_CHARS: usize = 6;

/// A line that opens with a label of at most `FIELD_WORDS` words and a
/// colon before a title ("Lesen Sie auch: Goldpreis auf Rekordhoch",
/// "Related: …"): under a headline, a link to another story, or a kicker,
/// kept with the headline in either case. German capitalises its nouns, so
/// its "read also" lines do not read as sentence case.
fn labelled(form: &str) -> bool {
    // A field of the page's date ("Release Date: November 20, 2024") is a
    // meta line, which goes.
    form.split_once([':', '：']).is_some_and(|(label, title)| {
        (1..=FIELD_WORDS).contains(&label.split_whitespace().count())
            && title.split_whitespace().nth(1).is_some()
            && !dated_meta(title.trim())
    })
}

/// The share of capitalised words under which a line is in sentence case.
const SENTENCE_CASE_SHARE: f32 = 0.5;
/// The fewest cased words that tell a line's case.
const SENTENCE_CASE_WORDS: u32 = 3;
const HEADLINE_OVER_STANDFIRST_WORDS: usize = 4;
/// The least share of letters among the non-space characters of a headline
/// over a standfirst.
const HEADLINE_LETTER_SHARE: f32 = 0.8;
/// The least share of letters among a headline's characters.
const HEADLINE_MIN_LETTER_SHARE: f32 = 0.5;

/// A line mostly of figures ("$150,000 - $180,000 a year", a score): no
/// headline, and passed over on the way up to one.
fn figures(b: &Analyzed) -> bool {
    b.letter_share < HEADLINE_MIN_LETTER_SHARE
}

/// A byline without a date: "By Nelson D. Schwartz", "Von Anna Berg" (but
/// not a headline such as "By the Numbers: …").
fn byline(form: &str) -> bool {
    let mut words = form.split_whitespace();
    // A credit's kind may stand before its "by" ("fact checked by …",
    // "written by …", "photographs by …"): one or two such words, then "by".
    let kinds = words.clone().take_while(|w| CREDIT_KINDS.contains(w)).count();
    let lead = (1..=2).contains(&kinds) && words.clone().nth(kinds) == Some("by");
    if lead {
        words.nth(kinds);
    }
    let by = lead || words.next().is_some_and(|w| BY.contains(&w));
    (by && words.next().is_some_and(|w| !crate::lang::is_english_function_word(w)) && words.count() <= 5)
        || handle_byline(form)
        || role_byline(form)
}

/// A name and the author's role, of `ROLE_BYLINE_WORDS` words at most and
/// at least three, ending with the role ("Helena Horton Environment
/// reporter", "Jordan Ellis Contributor", "Anna Weber Redakteurin").
fn role_byline(form: &str) -> bool {
    // The last word first: few lines end with a role.
    let Some((_, last)) = form.trim_end().rsplit_once(char::is_whitespace) else { return false };
    let last = last.trim_end_matches([',', '.']);
    (ROLES.contains(&last) || CJK_ROLES.iter().any(|r| last.ends_with(r)))
        && (3..=ROLE_BYLINE_WORDS).contains(&form.split_whitespace().count())
}

/// Authors' roles in Chinese, Japanese and Korean, in the matching form
/// (Traditional characters folded to Simplified), which end the last word
/// of a byline ("山田 太郎 : 経済ジャーナリスト").
const CJK_ROLES: [&str; 8] =
    ["ジャーナリスト", "记者", "编辑", "特派员", "编集委员", "评论员", "主笔", "기자"];

const ROLE_BYLINE_WORDS: usize = 6;

/// The kinds of credit that stand before a byline's "by", in the matching
/// form.
const CREDIT_KINDS: [&str; 10] = [
    "fact",
    "checked",
    "fact-checked",
    "medically",
    "written",
    "edited",
    "reviewed",
    "photos",
    "photographs",
    "illustrations",
];

/// Authors' roles that end a byline, in the matching form.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "reporter", "correspondent", "editor", "writer", "contributor", "columnist", "journalist",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journaliste", "correspondant",
    "correspondante", "rédacteur", "rédactrice", "periodista", "corresponsal", "redactor", "redactora",
    "repórter", "jornalista", "correspondente", "giornalista", "corrispondente",
];

/// A name of up to three words and the author's handle on a social
/// network: "Sam Whitaker @swhitaker_news".
fn handle_byline(form: &str) -> bool {
    let Some((name, handle)) = form.trim().rsplit_once(char::is_whitespace) else { return false };
    let handle = handle.strip_prefix('@').unwrap_or_default();
    (1..=HANDLE_NAME_WORDS).contains(&name.split_whitespace().count())
        && !name.split_whitespace().any(|w| w.starts_with('@'))
        && (2..=30).contains(&handle.len())
        && handle.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// The most words of a name before a handle.
const HANDLE_NAME_WORDS: usize = 3;

/// A list of tags or topics under a label, or a category line: "Topics:
/// uber, libertarians, Sydney, Technology News", "テーマ：山歩き". Either the
/// label before the first colon is one of `META_LABELS`, or after it come
/// at least `TAG_LIST_ITEMS` items between commas of at most `TAG_WORDS`
/// words each (a headline such as "Exclusive: Smith, Jones and Brown quit
/// the board" has fewer and longer ones).
fn tag_list(form: &str) -> bool {
    let Some((label, tags)) = form.split_once(':') else { return false };
    if META_LABELS.contains(&label.trim()) {
        return true;
    }
    let mut items = 0;
    for item in tags.split(',') {
        let words = item.split_whitespace().count();
        if words == 0 || words > TAG_WORDS {
            return false;
        }
        items += 1;
    }
    items >= TAG_LIST_ITEMS
}

const TAG_LIST_ITEMS: usize = 4;
const TAG_WORDS: usize = 4;

/// Labels of a post's category or tags, in the matching form (lower case).
#[rustfmt::skip]
const META_LABELS: &[&str] = &[
    "category", "categories", "tags", "tag", "topics", "topic", "filed under", "kategorie", "kategorien",
    "schlagworte", "schlagwörter", "themen", "catégorie", "catégories", "mots-clés", "thèmes", "categoría",
    "categorías", "etiquetas", "temas", "categoria", "tópicos", "рубрика", "теги", "категория", "テーマ",
    "カテゴリ", "カテゴリー", "タグ", "分类", "标签", "栏目", "카테고리", "태그",
];

/// The words that open a byline.
const BY: [&str; 19] = [
    "by",
    "reviewed",
    "vérifié",
    "posted",
    "published",
    "updated",
    "par",
    "von",
    "por",
    "di",
    "door",
    "av",
    "author:",
    "автор:",
    "veröffentlicht",
    "aktualisiert",
    "publié",
    "publicado",
    "pubblicato",
];

/// The number a one-line item opens with ("8. Lifecycle of a task", "3)
/// Setup"), if it does.
pub(super) fn item_number(form: &str) -> Option<u32> {
    if form.contains('\n') {
        return None;
    }
    let digits = form.bytes().take_while(u8::is_ascii_digit).count();
    let rest = form[digits..].strip_prefix(['.', ')'])?;
    if digits == 0 || digits > 3 || !rest.starts_with(' ') {
        return None;
    }
    form[..digits].parse().ok()
}

/// A line of Chinese or Japanese labels set apart by spaces, at least
/// `LABEL_ROW_TOKENS` of them and short (a portal's toolbar, "缩小字体 放大字体
/// 收藏 微博 微信 分享"), or four of a menu item's length (a
/// [`crate::analyze::short_label_row`]): a headline runs on without spaces,
/// or has one or two, or longer phrases.
fn label_row(b: &Analyzed) -> bool {
    let s = &b.scripts;
    let tokens = s.tokens as usize;
    b.lines == 1
        && (s.han + s.kana) as usize * 2 >= b.chars
        && ((tokens >= LABEL_ROW_TOKENS && b.chars <= LABEL_ROW_TOKEN_CHARS * tokens)
            || crate::analyze::short_label_row(b.form.as_str()))
}

/// The fewest labels of a row of them, and the most characters a label.
const LABEL_ROW_TOKENS: usize = 5;
const LABEL_ROW_TOKEN_CHARS: usize = 4;

/// A line that can be a headline: one line of up to `HEADLINE_CHARS`
/// characters (more than a heading's: "The sharing economy is a lie: Uber,
/// Ayn Rand and the truth about tech and libertarians") that does not end a
/// sentence (a `!` or `?` at the end of a line in Title Case is a
/// headline's).
pub(super) fn title_line(b: &Analyzed) -> bool {
    // The cheap tests first: most blocks are long or end a sentence.
    b.chars <= HEADLINE_CHARS
        && (b.open_end || b.headline_end)
        && (b.lines == 1 || kicker_over_title(b) || title_over_subtitle(b))
        && !quoted_full_stop(b.form.as_str())
}

/// Whether a line ends with a full stop inside its closing quotation
/// mark: a sentence, however it ends ("… is an urban planner and the
/// author of "The Empty Lot.""), not a title.
fn quoted_full_stop(form: &str) -> bool {
    let line = form.trim_end();
    let unquoted = line.trim_end_matches(['"', '”', '“', '’', '\'', '»', '«', '」', '』']);
    unquoted.len() < line.len() && unquoted.ends_with(['.', '。'])
}

/// A headline written as one sentence or two that ends with a full stop,
/// perhaps under a kicker ("Markets" over "Copper just hit a record high.
/// Here's why miners are still cheap."), or as a short statement and a
/// question, the way a linked story's title is written too
/// ([`super::rules::kicker_question`]: "Nowe zasady od stycznia. Co się
/// zmieni?"; a forum question's body says more first): at least `KICKER_TITLE_WORDS`
/// words, at most `HEADLINE_CHARS` characters, in a cased script with a
/// capital, no meta line. [`over_byline`] tells it from a sentence of the
/// story.
fn stopped_title(b: &Analyzed) -> bool {
    let form = b.form.as_str();
    let Some(last) = b.line_ranges.last() else { return false };
    let title = form[last.clone()].trim_end();
    let kicker = b.lines == 2 && kicker_line(&form[b.line_ranges[0].clone()]);
    (b.lines == 1 || kicker)
        && b.chars <= HEADLINE_CHARS
        && ((title.ends_with('.') && !title.ends_with("..") && title.matches(". ").count() <= 1)
            || super::rules::kicker_question(title))
        && title.split_whitespace().count() >= KICKER_TITLE_WORDS
        && b.scripts.cased_tokens > 0
        && b.capital_share > 0.0
        && !meta_line(title)
}

/// Whether the first block under view position `k` that is not dropped,
/// before `before`, is a byline or a dated meta line, or a person's name
/// over one ("Jennifer Ortega" over "Dec 3, 2026, 6:05 AM ET"), in one
/// block or two; dropped blocks (share buttons) may stand between.
fn over_byline(
    blocks: &[Analyzed],
    view: &[usize],
    reports: &[BlockReport],
    k: usize,
    before: usize,
) -> bool {
    let metas = |b: &Analyzed| {
        let form = b.form.as_str();
        b.line_ranges.iter().enumerate().all(|(n, r)| {
            let line = &form[r.clone()];
            meta_line(line) || (n == 0 && b.lines > 1 && person_line(line))
        })
    };
    for j in k + 1..before.min(view.len()) {
        let b = &blocks[view[j]];
        if metas(b) {
            return true;
        }
        if person_name(b) {
            return view.get(j + 1).is_some_and(|&i| metas(&blocks[i]));
        }
        if reports[view[j]].decision != Decision::Drop {
            return false;
        }
    }
    false
}

/// A line of the matching form that may be a person's name: two to
/// `PERSON_WORDS` words, no figure and no punctuation of a title (the
/// matching form has no capitals to tell more by).
fn person_line(line: &str) -> bool {
    (2..=PERSON_WORDS).contains(&line.split_whitespace().count())
        && !line.contains(|c: char| c.is_numeric() || matches!(c, ':' | '?' | '!' | ',' | '|' | '.'))
}

/// A title over its subtitle in one block, neither ending a sentence
/// ("Copper Hits a High as Traders Pile In" over "Traders bet on a
/// recovery in China"), or under a section's label of as many words
/// ("Nachrichten zu Rheinland Chemie AG"): two lines of at least
/// `KICKER_TITLE_WORDS` words (or `KICKER_TITLE_CHARS` characters in a
/// script without spaces) each, plain, no meta line, and in a script with
/// spaces a function word in each ("on", "zu"). A menu's labels are
/// shorter, and a row of buttons ("tweet share Reddit Pocket Flipboard
/// Email") has no function word.
fn title_over_subtitle(b: &Analyzed) -> bool {
    let form = b.form.as_str();
    let worded = |line: &str| {
        line.chars().any(crate::lang::is_unspaced)
            || line
                .split_whitespace()
                .any(|w| crate::lang::is_english_function_word(w) || crate::lang::is_foreign_function_word(w))
    };
    b.lines == 2
        && b.line_ranges.iter().all(|r| {
            let line = form[r.clone()].trim_end();
            long_title(line)
                && crate::analyze::ends_open(line)
                && form_line_shape(line) == LineShape::Plain
                && !meta_line(line)
                && worded(line)
        })
}

/// A kicker of at most `KICKER_WORDS` words a line, on one or two lines,
/// over a title at least twice its length, in one block ("Verkehrswende"
/// over "Warum Kleinstädte beim Radverkehr aufholen", "Analysis" over "Why
/// the Fed Blinked", "ECONOMÍA" over "VIVIENDA" over a headline): a headline
/// with its kicker, as pages without a blank line between them print it.
fn kicker_over_title(b: &Analyzed) -> bool {
    let Some((lower, kickers)) = b.line_ranges.split_last() else {
        return false;
    };
    if !(1..=KICKER_LINES).contains(&kickers.len()) {
        return false;
    }
    let form = b.form.as_str();
    let title = &form[lower.clone()];
    // Two kicker lines are labels: a time and a date over a live post's
    // title ("5m ago" over "11.42 GMT") are not.
    let labels =
        kickers.len() == 1 || kickers.iter().all(|r| !form[r.clone()].contains(|c: char| c.is_ascii_digit()));
    // A date line is no title: "Live feed" over "Updated at 14.52 GMT" is
    // a live page's label over its time.
    labels
        && form_line_shape(title) != LineShape::Bullet
        && long_title(title)
        && kickers_over(b, kickers.len())
        && !meta_line(title)
        && !super::posts::ends_with_clock(title)
}

/// Whether `title` is long enough to stand under a kicker: at least
/// `KICKER_TITLE_WORDS` words (or a letter of a script without spaces) and
/// `KICKER_TITLE_CHARS` non-space characters.
fn long_title(title: &str) -> bool {
    (title.split_whitespace().count() >= KICKER_TITLE_WORDS || title.chars().any(crate::lang::is_unspaced))
        && title.chars().filter(|c| !c.is_whitespace()).count() >= KICKER_TITLE_CHARS
}

/// Whether `b` opens with a title over a longer line that ends a sentence
/// (a headline over its standfirst), perhaps under a kicker ("Mercados"
/// over "Peso mexicano cierra con ganancia …" over "El tipo de cambio
/// terminó en 17.85 unidades por dólar, …").
fn opens_with_title(b: &Analyzed) -> bool {
    let form = b.form.as_str();
    let line = |n: usize| b.line_ranges.get(n).map(|r| &form[r.clone()]);
    let skip = usize::from(kicker_first(b));
    let (Some(title), Some(standfirst)) = (line(skip), line(skip + 1)) else { return false };
    let chars = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    crate::analyze::ends_open(title.trim_end())
        && long_title(title)
        && chars(title) <= HEADLINE_CHARS
        && crate::segment::ends_sentence(standfirst)
        && chars(standfirst) > chars(title)
}

/// Whether the first of three lines or more of `b` is a kicker.
fn kicker_first(b: &Analyzed) -> bool {
    b.lines > 2 && kickers_over(b, 1)
}

/// Whether the lines of `b` above its line `t` are a kicker's over a
/// title at `t` at least twice as long ("Markets" over "Copper Hits a
/// High"; a headline over its subtitle is no kicker over it).
pub(super) fn kickers_over(b: &Analyzed, t: usize) -> bool {
    let form = b.form.as_str();
    let chars = |r: &Range<usize>| form[r.clone()].chars().filter(|c| !c.is_whitespace()).count();
    let (Some(kickers), Some(title)) = (b.line_ranges.get(..t), b.line_ranges.get(t)) else { return false };
    // A breadcrumb trail over the title ("Top > News > Markets") is the
    // page's, however long.
    let trail = kickers.len() == 1 && kickers.iter().all(|r| crate::segment::breadcrumb(&form[r.clone()]));
    t > 0
        && (trail
            || (kickers.iter().all(|r| kicker_line(&form[r.clone()]))
                && chars(title) >= 2 * kickers.iter().map(chars).sum::<usize>()))
}

/// A kicker's line: one to `KICKER_WORDS` words, ending no sentence, no
/// list item.
fn kicker_line(line: &str) -> bool {
    (1..=KICKER_WORDS).contains(&line.split_whitespace().count())
        && crate::analyze::ends_open(line.trim_end())
        && form_line_shape(line) != LineShape::Bullet
}

/// The most words of a kicker over a title.
const KICKER_WORDS: usize = 3;
/// The most kicker lines over a title: a section's and a topic's label
/// ("ECONOMÍA" over "VIVIENDA" over the headline).
const KICKER_LINES: usize = 2;
/// The fewest words of a title under a kicker, in spaced scripts.
const KICKER_TITLE_WORDS: usize = 4;
/// The fewest non-space characters of a title under a kicker.
const KICKER_TITLE_CHARS: usize = 15;

/// The most characters of a headline.
const HEADLINE_CHARS: usize = 150;

/// A byline or meta line under the headline: a year, and separators, a
/// leading "by", three numbers, or another number in at most
/// `DATE_LINE_WORDS` words ("Posted by Ann Lee · 14 April 2024 · 6
/// comments", "Par Claire Morel, le 3 mars 2024 à 10h15", "Tuesday 12
/// March 2024"); or a time and two more numbers in as few words ("3/4(月)
/// 12:05配信"). A headline with a year in it ("The 2024 Olympics Open in
/// Paris") is not one.
fn dated_meta(form: &str) -> bool {
    // Every form below holds a figure: most lines asked about hold none.
    if !form.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let numbers = numbers(form);
    let year = numbers.iter().any(|t| year(t));
    let by = form.split_whitespace().take(2).any(|w| BY.contains(&w));
    let words = form.split_whitespace().count();
    let short = words <= DATE_LINE_WORDS;
    let date_line = numbers.len() >= 2 && short;
    // Three figures with a year make a date line ("Madrid - 03 mar 2026 -
    // 13:45 CET") when the line is no longer than a dated byline: a
    // standfirst that tells figures ("… 22 alumnos … el curso 2027-2028 …
    // unos 9.000 docentes") is longer.
    let figured = numbers.len() >= 3 && words <= DATED_META_WORDS;
    // A date and a time without the year: "3/4(月) 12:05配信", "04.03. 12:05 Uhr".
    let time = form
        .as_bytes()
        .windows(4)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit())
        || CJK_HOURS
            .iter()
            .any(|h| form.match_indices(h).any(|(i, _)| form[..i].ends_with(|c: char| c.is_ascii_digit())));
    (year && (form.contains(['·', '|', '•']) || by || figured || date_line))
        || (time && numbers.len() >= 3 && short)
        // An age with a poster or a thread's controls: "212 points by
        // devjane 5 hours ago | hide | past | 87 comments".
        || (age(form) && (form.contains(['·', '|', '•']) || form.split_whitespace().any(|w| w == "by")))
}

/// Whether `form` tells an age in English: a number, a unit of time and
/// "ago" ("5 hours ago", "3 days ago").
fn age(form: &str) -> bool {
    // Most lines hold no "ago": they are turned away before any word is cut.
    if !form.contains("ago") {
        return false;
    }
    let words: Vec<&str> = form.split_whitespace().collect();
    words.windows(3).any(|w| {
        w[0].bytes().all(|b| b.is_ascii_digit())
            && AGE_UNITS.contains(&w[1].trim_end_matches('.'))
            && w[2].trim_end_matches(['.', ',']) == "ago"
    })
}

/// The units of an age ("5 hours ago", "2 yr. ago").
const AGE_UNITS: [&str; 20] = [
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours",
    "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// `line` without the site's name in brackets at its end, as a link
/// aggregator prints it after a story's title ("Show HN: … (example.com)"):
/// the bracket closes no sentence.
fn without_site(line: &str) -> &str {
    closing_group(line)
        .filter(|(_, site)| site.contains('.') && !site.contains(char::is_whitespace) && !site.ends_with('.'))
        .map_or(line, |(title, _)| title.trim_end())
}

/// A name with a field in brackets at its end, as a stock's chip prints
/// its market and ticker: "Northwind Logistics (NYSE: NWL)", "港灣科技（上市：1234）".
/// A headline does not end that way.
fn ticker(line: &str) -> bool {
    closing_group(line).is_some_and(|(name, field)| !name.trim().is_empty() && field.contains([':', '：']))
}

/// What stands before the bracketed group that ends `line`, and what the
/// group holds ("show hn: … (example.com)" → "show hn: … ", "example.com";
/// full-width brackets too, as text outside the matching form keeps them):
/// `None` when the line does not end with a closing bracket.
fn closing_group(line: &str) -> Option<(&str, &str)> {
    line.strip_suffix([')', '）']).and_then(|l| l.rsplit_once(['(', '（']))
}

/// Whether a run of digits is a year of this century or the last.
fn year(digits: &str) -> bool {
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

/// The runs of ASCII digits in `form`, a decimal ("1,3 %", "$1.5 billion":
/// one or two digits after a comma or a full stop, and no separator and
/// digit after those) or a number with its thousands set apart by spaces
/// ("5 000") counted as one number: a headline's figures are no
/// date ("Inflação … fica em 1,3%, maior taxa … desde 2016"), while
/// "12.03.2024" stays three numbers.
fn numbers(form: &str) -> Vec<&str> {
    let bytes = form.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        // The fraction of a decimal: a separator, one or two digits, and
        // no separator with a digit after them.
        if let Some(&(s, e)) = runs.last()
            && e + 1 == start
            && matches!(bytes[e], b'.' | b',')
            && i - start <= 2
            && !(matches!(bytes.get(i), Some(b'.' | b','))
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
            && !(s > 0 && matches!(bytes[s - 1], b'.' | b','))
        {
            runs.pop();
            runs.push((s, i));
            continue;
        }
        // A group of thousands after a space: "5 000 arbres", "1 200 000
        // euros" (French and other languages set them so).
        if let Some(&(s, e)) = runs.last()
            && e + 1 == start
            && bytes[e] == b' '
            && i - start == 3
            && (e - s <= 3 || bytes[e - 4] == b' ')
        {
            runs.pop();
            runs.push((s, i));
            continue;
        }
        runs.push((start, i));
    }
    runs.into_iter().map(|(s, e)| &form[s..e]).collect()
}

/// The hour of a time written in Chinese, Japanese or Korean ("15時05分",
/// "15时05分", "15시 05분"), in the matching form.
const CJK_HOURS: [&str; 3] = ["時", "时", "시"];

/// The most words of a date line ("Dienstag, 12. März 2024").
const DATE_LINE_WORDS: usize = 4;
/// The most words of a dated meta line told by its figures alone, a year
/// and two more ("Publié le 03 mars 2026 à 13h45, mis à jour le 04 mars
/// 2026 à 09h14").
const DATED_META_WORDS: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    /// A block of its own analysed as the engine analyses one, with a
    /// detector for `langs`.
    fn analyzer(langs: &[&str]) -> impl Fn(&str) -> Analyzed {
        let detector = crate::lang::LangDetector::new(langs);
        move |text| crate::analyze::analyze_standalone(text, &detector)
    }

    #[test]
    fn a_korean_title_keeps_its_standfirst_under_it() {
        let one = analyzer(&["ko"]);
        let title = one("한국은행, 기준금리 연 3.0%로 동결");
        // A standfirst a little shorter than the title is still its own.
        assert!(uncased_under_title(&title, &one("물가 둔화 확인까지 신중한 입장 유지")));
        assert!(uncased_under_title(&title, &one("시장 예상과 일치한 결정으로 환율은 안정세")));
        // A label far shorter is not.
        assert!(!uncased_under_title(&title, &one("경제 일반")));
    }

    #[test]
    fn titles_over_their_dates_are_told() {
        let one = analyzer(&["en"]);
        let dated = |t: &str| dated_title(&one(t));
        assert_eq!(dated("Tencent Profit Beats Estimates\n2026/11/13 17:42"), Some(MetaLines::Under(0)));
        assert_eq!(dated("Copper Hits a High\nBy Jane Doe\nMarch 3, 2024 10:15"), Some(MetaLines::Under(0)));
        assert_eq!(
            dated(
                "台積電高雄廠明年量產 2奈米產能將倍增\n2024/12/01 14:25（12/01 15:10 更新）\n字級：大中小\n分享\n列印"
            ),
            Some(MetaLines::Under(0))
        );
        assert_eq!(dated("Copper Hits a High\nShare\nPrint"), None);
        assert_eq!(
            dated("개발\n러스트에서 에러 처리하는 세 가지 방법\n냥코더 2024. 11. 20. 21:14"),
            Some(MetaLines::Under(1))
        );
        assert_eq!(dated("Markets\nCopper Hits a High\nBy Jane Doe"), Some(MetaLines::Under(1)));
        assert_eq!(
            dated("Home > News > Markets\nCopper Hits a High\n2026/11/13 17:42"),
            Some(MetaLines::Under(1))
        );
        assert_eq!(dated("Top 10\nCopper Hits a High\nBy Jane Doe"), None);
        assert_eq!(
            dated("Copper Hits a High\nTraders bet on a recovery in China\nBy Jane Doe"),
            Some(MetaLines::Under(1))
        );
        assert_eq!(dated("Copper Hits a High\n2026/11/13 17:42\nShares rose 3% in Hong Kong"), None);
        assert_eq!(dated("2024-11-20\n冬の常備菜、三つの基本"), Some(MetaLines::Over));
        assert_eq!(dated("3 March 2024\nHow We Cut Our Build Times in Half"), Some(MetaLines::Over));
        // A notice of the story's age is a date in words.
        assert_eq!(
            dated(
                "This article is more than 1 year old\nHeatwaves in Europe are warming faster than anywhere else"
            ),
            Some(MetaLines::Over)
        );
        assert_eq!(
            dated("This story is over 5 years old\nHow We Cut Our Build Times in Half"),
            Some(MetaLines::Over)
        );
        assert_eq!(
            dated("This article is more than a match for its rivals\nHow We Cut Our Build Times"),
            None
        );
        assert_eq!(dated("Written March 12, 2024\nGo early or go to the terminus"), None);
        assert_eq!(dated("5m ago\n11.42 GMT\nRail operators cancel all services"), None);
        assert_eq!(dated("Tencent Profit Beats Estimates"), None);
        assert_eq!(dated("Home > Markets\n2026/11/13 17:42"), None);
        assert_eq!(dated("Profit beat estimates.\n2026/11/13 17:42"), None);
        assert_eq!(dated("2026/11/13 17:42\nProfit beat estimates."), None);
        assert_eq!(dated("Tencent Profit Beats Estimates\nShares rose 3% in Hong Kong"), None);
        assert_eq!(dated("Mike Example\nMarch 3, 2021"), None);
        assert_eq!(dated("March 3, 2021\nMike Example"), None);
    }

    #[test]
    fn kickers_over_titles_are_told() {
        let one = analyzer(&["en", "es"]);
        let kicker = |t: &str| kicker_over_title(&one(t));
        assert!(kicker("Analysis\nWhy the Fed Blinked on Rates This Week"));
        assert!(kicker("ECONOMÍA\nVIVIENDA\nEl precio del alquiler sube un 11% en un año"));
        assert!(!kicker("5m ago\n11.42 GMT\nRail operators cancel all services west of Bristol"));
        assert!(!kicker("Markets\nStocks\nBonds\nWhy the Fed Blinked on Rates This Week"));
        assert!(!kicker("Analysis\nFed Blinks"));
        assert!(!kicker("Economy and housing policy\nWhy the Fed Blinked on Rates This Week"));
        // A breadcrumb trail over a title is the page's, however long.
        let over = |t: &str| kickers_over(&one(t), 1);
        assert!(over("Home > Business > Markets > Commodities\nCopper Hits a High"));
        assert!(!over("Commodities and precious metals\nCopper Hits a High"));
    }

    #[test]
    fn titles_with_a_full_stop_and_titles_over_subtitles_are_told() {
        let one = analyzer(&["en", "de"]);
        assert!(stopped_title(&one("Copper just hit a record high. Here's why miners are still cheap.")));
        assert!(stopped_title(&one("Markets\nCopper just hit a record high.")));
        assert!(!stopped_title(&one("Copper rose. Miners fell. Banks were flat. Bonds rallied.")));
        assert!(!stopped_title(&one("Copper Hits a High")));
        assert!(!stopped_title(&one("Updated March 3, 2026.")));
        assert!(title_line(&one(
            "Copper Hits a High as Traders Pile In\nTraders bet on a recovery in China"
        )));
        assert!(title_line(&one(
            "Nachrichten zu Rheinland Chemie AG\nRheinland Chemie-Aktie fällt nach Gewinnwarnung deutlich"
        )));
        assert!(!title_line(&one(
            "Share The 21 best movies of 2017\ntweet share Reddit Pocket Flipboard Email"
        )));
        assert!(!title_line(&one("Markets Business\nTech Politics")));
    }

    #[test]
    fn rows_of_buttons_are_told() {
        assert!(button("分享 分享 收藏 字級"));
        assert!(button("Share Tweet Email Print"));
        assert!(!button("Traders bet on a recovery in China"));
    }

    #[test]
    fn only_a_source_field_label_holds_a_value_under_it() {
        let one = analyzer(&["en"]);
        assert!(field_label(&one("From:")));
        assert!(field_label(&one("Quelle :")));
        assert!(!field_label(&one("Search:")));
        assert!(!field_label(&one("Jump to:")));
        assert!(!field_label(&one("From the editors")));
    }

    #[test]
    fn verdict_labels_are_in_the_matching_form() {
        assert!(VERDICT_LABELS.iter().all(|l| *l == l.to_lowercase()));
        assert!(MENU_WORD_LABELS.iter().all(|l| VERDICT_LABELS.contains(l)));
    }

    #[test]
    fn publisher_fields_are_told_from_review_titles() {
        assert!(publisher_field("from: hm revenue & customs"));
        assert!(publisher_field("quelle: statistisches bundesamt"));
        assert!(!publisher_field("review: oppenheimer"));
        assert!(!publisher_field("from: the city that never sleeps to the town that never wakes"));
    }

    #[test]
    fn sentences_ending_inside_quotes_are_no_titles() {
        assert!(quoted_full_stop("rosa delgado is the author of \"the empty lot.\""));
        assert!(quoted_full_stop("er sagte: „wir sind nah dran.“"));
        assert!(!quoted_full_stop("'neutral' fact-checker: 'are there any un-angry supporters?'"));
        assert!(!quoted_full_stop("biden: \"we will not back down\""));
    }

    #[test]
    fn tickers_are_no_headlines() {
        assert!(ticker("northwind logistics (nyse: nwl)"));
        assert!(ticker("港灣科技（上市：1234）"));
        assert!(!ticker("northwind logistics (nwl) q3 2026 earnings call transcript"));
        assert!(!ticker("the fed's next move (and why it matters)"));
    }

    #[test]
    fn notes_in_brackets_are_no_headlines() {
        assert!(bracketed("(原标题:夜间公交线路增至十二条)"));
        assert!(!bracketed("(Photos) Tour the new library"));
    }

    #[test]
    fn breadcrumbs_are_no_headlines() {
        assert!(breadcrumb("暮らしと生活ガイド > 住宅"));
        assert!(breadcrumb("home › news › world"));
        assert!(!breadcrumb("why 5>3 matters"));
        assert!(!breadcrumb("»wir schaffen das«"));
    }

    #[test]
    fn fields_are_told_from_headlines_with_a_colon() {
        assert!(field_line("temps de cuisson : 40 min"));
        assert!(field_line("prep time: 20 mins"));
        assert!(field_line("serves: 4"));
        assert!(field_line("lesezeit: 3 min."));
        assert!(field_line("source code: lib/textwrap.py"));
        assert!(!field_line("review: ac/dc live in madrid"));
        assert!(!field_line("apple q3: revenue up 10%"));
        assert!(!field_line("covid: 5 things to know before you travel"));
        assert!(!field_line("the 2024 election: what we learned"));
        assert!(!field_line("markets rally as rate cut hopes grow"));
    }

    #[test]
    fn tag_lists_are_told_from_headlines_with_a_colon() {
        assert!(tag_list("topics: uber, libertarians, sydney, editor's picks, technology news"));
        assert!(tag_list("tags: rates, inflation, central banks, bonds"));
        assert!(!tag_list(
            "the sharing economy is a lie: uber, ayn rand and the truth about tech and libertarians"
        ));
        assert!(!tag_list("exclusive: smith, jones and brown quit the board"));
        assert!(!tag_list("markets rally as rate cut hopes grow"));
        assert!(tag_list("topics:"));
        assert!(!tag_list("update: no, really"));
        assert!(tag_list("テーマ:山歩き"));
        assert!(tag_list("kategorie: reisen"));
        assert!(!tag_list("週末の山歩き:紅葉の高尾山へ"));
    }

    #[test]
    fn labelled_lines_are_told_from_titles() {
        assert!(!labelled("release date: november 20, 2024"));
        assert!(labelled("lesen sie auch: goldpreis auf rekordhoch"));
        assert!(labelled("related: stocks rally as fed holds rates"));
        assert!(!labelled("goldpreis auf rekordhoch"));
        assert!(!labelled("the sharing economy is a lie: uber"));
        assert!(!labelled("topics:"));
    }

    #[test]
    fn captions_with_a_credit_are_no_headlines() {
        assert!(credited("main image: the harbour at dawn. photograph: jane doe for the daily"));
        assert!(credited("der hafen am morgen. foto: dpa"));
        assert!(!credited("photo: the harbour at dawn"));
        assert!(!credited("the credit crunch: how banks stopped lending"));
    }

    #[test]
    fn captions_with_a_photo_note_are_no_headlines() {
        assert!(captioned("スーパーの店頭(資料写真)"));
        assert!(captioned("the harbour at dawn (ap photo/jane doe)"));
        assert!(captioned("der hafen am morgen (bild: dpa)"));
        assert!(!captioned("fed holds rates (again)"));
        assert!(!captioned("tour the new library (photos)"));
        assert!(!captioned("新庁舎が完成(写真)"));
        assert!(captioned("外国為替市場の円相場(イメージ)"));
        assert!(captioned("die frankfurter börse (symbolbild)"));
        assert!(!captioned("円相場のイメージ(上)"));
        assert!(!captioned("prices of older homes fall for the first time in a decade"));
    }

    #[test]
    fn faq_titles_are_told() {
        assert!(faq_title("frequently asked questions"));
        assert!(faq_title("faqs"));
        assert!(faq_title("frequently asked questions (faq)"));
        assert!(faq_title("häufige fragen"));
        assert!(faq_title("questions fréquentes"));
        assert!(faq_title("preguntas frecuentes"));
        assert!(!faq_title("questions about the budget"));
    }

    #[test]
    fn menu_rows_are_no_headlines() {
        assert!(menu_row("home about archive contact"));
        assert!(menu_row("startseite über uns kontakt"));
        assert!(menu_row("inicio destinos consejos sobre mí contacto"));
        assert!(menu_row("docs blog download community"));
        assert!(menu_row("features pricing docs sign in"));
        assert!(!menu_row("home about"));
        assert!(!menu_row("contact us about home loans"));
        assert!(menu_row("start über mich gemüse blumen rezepte kontakt"));
        assert!(menu_row("home recipes travel garden shop contact"));
        assert!(!menu_row("home and contact"));
        assert!(!menu_row("start a garden, then make contact"));
        assert!(!menu_row("home office workers lose contact"));
    }

    #[test]
    fn lists_of_names_are_told_from_headlines() {
        assert!(name_list("hannah lindqvist, omar haddad & priya raman"));
        assert!(name_list("j. r. okafor and m. tanaka"));
        assert!(name_list("jordan ellis, priya raman, tomas novak"));
        assert!(!name_list("apple, google and meta face new rules"));
        assert!(!name_list("central bank holds rates, signals patience"));
        assert!(!name_list("fed holds rates, signals patience"));
        assert!(!name_list("the wire, better call saul"));
        assert!(!name_list("priya raman"));
        assert!(!name_list("soil moisture memory shapes the timing of spring green-up"));
    }

    #[test]
    fn scorelines_are_no_headlines() {
        assert!(scoreline("valencia 2 - 1 betis"));
        assert!(scoreline("lakers 112–108 celtics"));
        assert!(scoreline("fc bayern 3:1 borussia dortmund"));
        assert!(!scoreline("bayern beat dortmund 3-1"));
        assert!(!scoreline("harbour city 2-1 northgate: late header settles derby"));
        assert!(!scoreline("2-1"));
        assert!(!scoreline("the 2024-25 season starts in august"));
        assert!(!scoreline(
            "valencia win 2-1 in a thriller against betis, their first away win of the season"
        ));
    }

    #[test]
    fn addresses_are_no_headlines() {
        assert!(address("jane.doe@example.com"));
        assert!(address("www.example.com/news"));
        assert!(address("https://example.com"));
        assert!(!address("Email jane@example.com for tickets"));
        assert!(!address("Singapore lender posts record profit"));
        assert!(address("martin okafor mokafor at lists.example.org"));
        assert!(!address("tickets on sale at the door"));
        assert!(!address("we met at noon"));
    }

    #[test]
    fn company_names_are_no_headlines() {
        assert!(company_name("株式会社みなと精機"));
        assert!(company_name("みなと精機株式会社"));
        assert!(company_name("港湾科技股份有限公司"));
        assert!(company_name("주식회사 한빛"));
        assert!(!company_name("株式会社みなと精機、消費電力を3割削減する制御システムを発売"));
        assert!(!company_name("株式会社"));
        assert!(!company_name("みなと精機が新製品"));
    }

    #[test]
    fn jobs_are_told_from_headlines() {
        assert!(role_line("operations director at northline logistics"));
        assert!(role_line("head of people at coastline freight"));
        assert!(role_line("senior correspondent, the harbour times"));
        assert!(role_line("redakteurin bei der stadtzeitung"));
        assert!(role_line("directrice de la communication chez ouestline"));
        assert!(!role_line("why the director at acme quit after a single quarter in charge"));
        assert!(!role_line("chaos at the airport as strike grounds flights"));
        assert!(!role_line("the director at acme resigned."));
        assert!(!role_line("central bank holds rates, signals patience"));
    }

    #[test]
    fn a_site_in_brackets_closes_no_title() {
        assert_eq!(without_site("show hn: a tiny generator (example.com)"), "show hn: a tiny generator");
        assert_eq!(without_site("the plan (in brief)"), "the plan (in brief)");
        assert_eq!(without_site("he left (see p.)"), "he left (see p.)");
    }

    #[test]
    fn ages_with_a_poster_or_controls_are_meta_lines() {
        assert!(dated_meta("212 points by devjane 5 hours ago | hide | past | favorite | 87 comments"));
        assert!(dated_meta("Reuters · 2 hours ago"));
        assert!(!dated_meta("5 hours ago, the storm hit the coast"));
        assert!(!dated_meta("Why we left 5 years ago"));
    }

    #[test]
    fn bylines_and_dated_meta_lines_are_no_headlines() {
        assert!(byline("by nelson d. schwartz"));
        assert!(byline("автор: иван примеров"));
        assert!(!byline("by the numbers: what the budget buys"));
        assert!(byline("sam whitaker @swhitaker_news"));
        assert!(byline("helena horton environment reporter"));
        assert!(byline("fact checked by laura kim"));
        assert!(byline("山田 太郎 : 経済ジャーナリスト"));
        assert!(byline("written by dana whitfield"));
        assert!(!byline("killed by police: what the records show"));
        assert!(byline("anna weber redakteurin"));
        assert!(!byline("foreign correspondent"));
        assert!(!byline("why every newsroom needs a data reporter now"));
        assert!(!byline("dinner @ 8 with friends"));
        assert!(!byline("@jack"));
        assert!(dated_meta("posted by ann lee · 14 april 2024 · 6 comments"));
        assert!(dated_meta("2024/03/04 08:12 example"));
        assert!(dated_meta("veröffentlicht am 12. mai 2024 von julia"));
        assert!(!dated_meta("the 2024 olympics open in paris"));
        assert!(dated_meta("الثلاثاء 12 مارس 2024"));
        assert!(dated_meta("dienstag, 12. märz 2024"));
        assert!(!dated_meta("top 10 movies of 2024"));
        assert!(dated_meta("3/4(月) 12:05配信"));
        // A decimal is one number: a headline's figures are no date.
        assert!(!dated_meta("inflação de fevereiro fica em 1,3%, maior taxa para o mês desde 2016"));
        assert!(!dated_meta("harbor raises $1.5 billion in 2024 funding round"));
        assert!(dated_meta("aktualisiert am 12.03.2024"));
        assert!(dated_meta("par claire morel, le 3 mars 2024 à 10h15"));
        assert!(dated_meta("04.03. 12:05 uhr"));
        assert!(dated_meta("(最终更新 3月14日 15时05分)"));
        assert!(!dated_meta("日銀、3年ぶり利上げ"));
        assert!(!dated_meta("fed holds rates at 5.25%"));
        assert_eq!(item_number("8. lifecycle of a task"), Some(8));
        assert_eq!(item_number("12) conclusion"), Some(12));
        assert_eq!(item_number("2024. a year in review"), None);
        assert_eq!(item_number("3.5 million visitors"), None);
        // So is a number with its thousands set apart by spaces.
        assert!(!dated_meta("angers. la ville va planter 5 000 arbres d'ici 2026"));
        assert!(!dated_meta("1 200 000 visiteurs au salon en 2024"));
    }
}
