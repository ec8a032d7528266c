//! The rules stage: `keep` rules, structure rules, then phrase and regex
//! rules in load order, the first to fire deciding.
//!
//! Rules run in two rounds. The first runs every rule whose position does not
//! depend on where the body is. Then the body is located — the first and last
//! long paragraphs that no rule dropped and that are not in a language the
//! policy drops — and the second round runs the `head` and `tail` rules. So a
//! disclaimer paragraph is never mistaken for the start of the body.
//!
//! Every stage works on a *view*: the indexes of the blocks still in play, in
//! order. The engine first runs on all blocks, then again on the blocks it
//! kept, as cleaning its own output would (see `engine::run`).

use std::collections::HashMap;
use std::ops::Range;

use super::headline::MetaLines;
use super::language::LangPolicy;
use super::teasers::teaser;
use super::{decide, undecided};
use crate::analyze::{Analyzed, analyze_standalone, ends_open, mapped_form};
use crate::lang::LangDetector;
use crate::report::{BlockReport, DecidedBy, Decision};
use crate::rules::compile::BlockForm;
use crate::rules::spec::{Action, Position, Structure};
use crate::rules::{CompiledRule, Firing, RuleSet};
use crate::segment::{LineShape, Segmented, form_line_shape, line_shape};

/// One document: its text, lines, analysed blocks, and what the rules found in each.
pub(super) struct Document<'a> {
    pub text: &'a str,
    pub seg: &'a Segmented,
    pub blocks: Vec<Analyzed>,
    /// Per block: the rules whose matcher fired and whose `[when]` holds (position aside).
    pub firings: Vec<Vec<Firing>>,
    /// Per block: what remains after a span was cut, for blocks that were cut.
    pub remainders: Vec<Option<String>>,
    /// Per block: its label count, once a `label-list` rule asked for it
    /// (the rounds ask again about the same blocks).
    pub labels: std::cell::RefCell<Vec<Option<super::structure::Labels>>>,
    /// The languages kept (the headline policy passes over a line the
    /// language policy will drop).
    pub policy: &'a LangPolicy,
    /// The rules, for the `chrome-lines` detector, which asks them about
    /// single lines of a block.
    pub rules: &'a RuleSet,
    /// Per block: the `chrome-lines` answer, once asked (the evidence, or
    /// `None` when some line is no rule's).
    pub chrome_lines: Vec<std::cell::OnceCell<Option<String>>>,
    /// Per block: whether its punctuated lines are all chrome
    /// (`chrome_lines::punctuation_is_chrome`), once asked.
    pub chrome_punctuation: Vec<std::cell::OnceCell<bool>>,
    /// Whether the page is a live page (`posts::live_page`), once asked:
    /// every round asks, and the answer reads all the page's blocks.
    pub live: std::cell::OnceCell<bool>,
}

impl Document<'_> {
    /// The non-blank lines of block `i` as they will be written (after any
    /// cut), not collected: the detectors ask about most blocks, and read
    /// most once, or only their first line.
    pub fn lines(&self, i: usize) -> impl Iterator<Item = &str> + Clone + '_ {
        let rest = self.remainders.get(i).and_then(Option::as_deref);
        let cut = rest.into_iter().flat_map(|r| r.split('\n').filter(|l| !crate::segment::is_blank(l)));
        let whole = rest
            .is_none()
            .then(|| self.seg.lines_of(&self.seg.blocks[i]))
            .into_iter()
            .flatten()
            .map(|l| &self.text[l.span.clone()]);
        cut.chain(whole)
    }

    /// Whether a `drop-block` rule fired on block `i`, wherever the rule
    /// acts and in whatever language.
    pub fn drop_rule_fires(&self, i: usize) -> bool {
        self.firings[i].iter().any(|f| self.rules.rules()[f.rule].spec.action == Action::DropBlock)
    }

    /// Whether a `drop-block` rule for the head (or anywhere) fired on
    /// block `i`, in any language: above the body, that rule drops it.
    pub fn drops_above_body(&self, i: usize) -> bool {
        self.firings[i].iter().any(|f| {
            let spec = &self.rules.rules()[f.rule].spec;
            spec.action == Action::DropBlock && spec.when.lang.is_empty() && spec.when.position.reaches_head()
        })
    }

    /// Whether block `i`'s last line ends with a colon: it announces what
    /// follows ("… redirect its output instead:", "Install it with cargo:").
    pub fn announces(&self, i: usize) -> bool {
        self.lines(i).last().is_some_and(|l| l.trim_end().ends_with([':', '：']))
    }

    /// Whether block `i` is a short line that announces what follows with a
    /// colon: one line of at most `ANNOUNCING_WORDS` words ("Steps to
    /// reproduce:", "Checkliste für den Herbst:").
    pub fn announcing_line(&self, i: usize) -> bool {
        let b = &self.blocks[i];
        b.lines == 1 && b.words <= ANNOUNCING_WORDS && self.announces(i)
    }

    /// Asks every rule about every block, once.
    pub fn fire(&mut self) {
        let rules = self.rules;
        self.firings = self.blocks.iter().map(|b| fire_block(rules, b)).collect();
    }
}

fn fire_block(rules: &RuleSet, b: &Analyzed) -> Vec<Firing> {
    let mut f = rules.fire(BlockForm {
        text: b.form.as_str(),
        lines: &b.line_ranges,
        chars: b.chars,
        capitals: b.capitals(),
    });
    f.retain(|f| applies(&rules.rules()[f.rule], b));
    f
}

/// Where the body is, as positions in the view.
pub(super) struct Body {
    pub len: usize,
    pub first: Option<usize>,
    pub last: Option<usize>,
    /// The end of the lead: the first sentence or long paragraph after the
    /// body's first long paragraph.
    pub lead_end: Option<usize>,
}

impl Body {
    fn in_position(&self, k: usize, position: Position) -> bool {
        match position {
            Position::Anywhere => true,
            Position::Head => self.first.is_none_or(|p| k < p),
            Position::Tail => self.last.is_none_or(|p| k > p),
            Position::Outside => self.in_position(k, Position::Head) || self.in_position(k, Position::Tail),
            Position::AfterLead => self.lead_end.is_some_and(|p| k > p),
            Position::AfterFirst => self.first.is_some_and(|p| k > p),
            Position::First(n) => k < n,
            Position::Last(n) => k + n >= self.len,
        }
    }
}

/// Applies the rules to the blocks in `view`. Returns where the body starts,
/// as a position in the view.
pub(super) fn apply_rules(doc: &Document<'_>, view: &[usize], reports: &mut [BlockReport]) -> Option<usize> {
    let (rules, policy) = (doc.rules, doc.policy);
    let unlocated = Body { len: view.len(), first: None, last: None, lead_end: None };
    // A block where a regional `drop-rest` or `drop-section` rule fired (a comment-section
    // heading) waits for the second round, so that a `drop-block` rule on the
    // same words cannot take it first; it then meets every rule.
    let defers = |i: usize| {
        doc.firings[i].iter().any(|f| {
            let spec = &rules.rules()[f.rule].spec;
            spec.action.drops_after() && spec.when.position.is_regional()
        })
    };
    // The page's outline depends only on the blocks in view: both rounds share it.
    let outline = super::structure::Outline::new(doc, view);
    let first_round = |p: Position, i: Option<usize>| !p.is_regional() && !i.is_some_and(defers);
    round(doc, view, &unlocated, &outline, first_round, reports);
    // A rule for a position `at` allows would drop block `i` there.
    let drops_at = |i: usize, at: &dyn Fn(Position) -> bool| {
        doc.firings[i].iter().any(|f| {
            let spec = &rules.rules()[f.rule].spec;
            !spec.action.keeps() && at(spec.when.position)
        })
    };
    // A rule for the head, the tail or either would drop block `i` there.
    let regional_chrome =
        |i: usize| drops_at(i, &|p| matches!(p, Position::Head | Position::Tail | Position::Outside));
    // A body paragraph: a long one, or (`short`) one of one or two sentences.
    let paragraph = |i: usize, short: bool| {
        let b = &doc.blocks[i];
        (b.prose || (short && short_paragraph(b)))
            && undecided(&reports[i])
            && policy.keeps_any(b)
            && !super::chrome_lines::punctuation_is_chrome(doc, i)
    };
    // A news story of one-sentence paragraphs has no long paragraph: its
    // body is made of its short ones, when there are enough of them; but
    // the body does not start or end at one that such a rule would drop (a
    // sign-up box's "Your information is being handled in accordance with
    // the Privacy Collection Statement." under the story).
    let short_body = !view.iter().any(|&i| paragraph(i, false))
        && view.iter().filter(|&&i| paragraph(i, true)).count() >= SHORT_BODY_PARAGRAPHS;
    let is_body = |i: usize| paragraph(i, short_body) && (doc.blocks[i].prose || !regional_chrome(i));
    // The body runs from the first to the last long paragraph, widened over
    // the sentences next to it (a standfirst, a short closing paragraph) and
    // over a single short block between two sentences (a year or a
    // sub-heading): those are the article's, not the page's.
    let sentence = |k: usize| {
        let i = view[k];
        let b = &doc.blocks[i];
        b.has_sentence(SENTENCE_WORDS)
            && undecided(&reports[i])
            && policy.keeps_any(b)
            && !super::chrome_lines::punctuation_is_chrome(doc, i)
    };
    // A rule for the head or the tail would drop this block there (a byline
    // between the standfirst and the first paragraph, a sign-up form with a
    // sentence in it): the body does not widen over it.
    let outside_chrome = |k: usize| regional_chrome(view[k]);
    // A short block between two sentences is the article's (a sub-heading,
    // a year) unless such a rule would drop it.
    // A heading a rule keeps ("Ingredients") is one as well.
    let sub_heading = |k: usize| {
        let r = &reports[view[k]];
        (undecided(r) || r.decision == Decision::Keep) && !outside_chrome(k)
    };
    // Nor is a block of many short lines, most of them without
    // punctuation at the end, with a sentence or two among them (a blog
    // platform's buttons, counts and teasers under a post, in one block).
    let widens = |k: usize| sentence(k) && !outside_chrome(k) && !label_lines(&doc.blocks[view[k]]);
    // Above the body, a block of many short lines with a sentence among
    // them (share buttons and a photo's caption) is a widget, not a
    // standfirst. (Below it, such blocks are the article's notes and
    // references.)
    let short_lines = |k: usize| {
        let b = &doc.blocks[view[k]];
        b.lines > 2 && b.chars < WIDEN_LINE_CHARS * b.lines
    };
    // A title over its date or byline in one block ("Show HN: …" over "212
    // points by devjane 5 hours ago | …") reads as two lines of words, but
    // it is the headline's: the body does not widen over it.
    // Nor over a field of the page's facts on a line of its own, ending no
    // sentence ("Starring: Tom Aldane, Priya Nair", "Where to watch: In
    // theaters"): a film's or a product's box above the text.
    let open_field = |k: usize| {
        let b = &doc.blocks[view[k]];
        b.lines == 1 && labelled_value(b.form.as_str()) && !crate::segment::ends_sentence(b.form.as_str())
    };
    let widens_up = |k: usize| {
        widens(k)
            && !short_lines(k)
            && !open_field(k)
            && super::headline::dated_title(&doc.blocks[view[k]]).is_none()
    };
    let mut first = view.iter().position(|&i| is_body(i));
    let mut last = view.iter().rposition(|&i| is_body(i));
    // A standfirst long enough to be a body paragraph, a byline under it
    // (blocks that a `head` rule drops: a name, a date, on lines of their
    // own in text without blank lines), then the story: the body starts
    // after the byline, which is the head's, as it is under a shorter
    // standfirst.
    // Buttons may stand among the byline's lines ("Artikel anhören (4
    // Minuten)", "Facebook" over "E-Mail") when a long paragraph follows
    // them (a teaser's title under its summary, its byline and its photo's
    // number is no story).
    let open = |k: usize| undecided(&reports[view[k]]);
    // The byline's lines may have gone already, to a rule for anywhere
    // that a `head` rule would take as well ("03.12.2026, 15.12 Uhr", a
    // date and time on a line of its own), in this round or an earlier one
    // (out of the view, right above a block in it): they are the byline
    // all the same.
    let gone = |i: usize| reports[i].decision == Decision::Drop;
    let head_rule = |i: usize| drops_at(i, &|p| p == Position::Head);
    let head_chrome = |k: usize| (open(k) || gone(view[k])) && head_rule(view[k]);
    let gone_above = |k: usize| k > 0 && (view[k - 1] + 1..view[k]).any(|i| gone(i) && head_rule(i));
    let byline_button = |k: usize| {
        let b = &doc.blocks[view[k]];
        b.lines == 1 && b.words <= BYLINE_BUTTON_WORDS
    };
    if let Some(f) = first
        && let Some(byline) = (f + 1..view.len()).find(|&k| open(k) || head_chrome(k) || gone_above(k))
        && (head_chrome(byline) || gone_above(byline))
        && let Some(story) = (byline + usize::from(head_chrome(byline))..view.len())
            .find(|&k| open(k) && !head_chrome(k) && !byline_button(k))
        && story - byline <= BYLINE_BLOCKS
        && (is_body(view[story]) || (sentence(story) && (byline..story).all(|k| !open(k) || head_chrome(k))))
        && last.is_some_and(|l| l >= story)
    {
        first = Some(story);
    }
    // A list's heading that an `open-body` rule keeps ("Zutaten",
    // "Ingredients", "材料") above the first long paragraph, over a list of
    // quantities: the body opens at it, and the list and the method's
    // heading under it are the article's (a recipe portal puts them
    // between the recipe's facts and its method).
    let opens_body = |k: usize| {
        reports[view[k]].decision != Decision::Drop
            && doc.firings[view[k]].iter().any(|f| rules.rules()[f.rule].spec.action == Action::OpenBody)
            && (k..view.len())
                .take(QUANTITY_REACH + 1)
                .map(|j| quantities(&doc.blocks[view[j]]))
                .sum::<usize>()
                >= QUANTITIES
    };
    if let Some(f) = first
        && let Some(h) = (f.saturating_sub(OPEN_BODY_REACH)..f).find(|&k| opens_body(k))
    {
        first = Some(h);
    }
    // A live page's posts, each under its time ("11.42 GMT") and perhaps
    // a title, are the article: the body widens up past each time (and
    // the buttons dropped above it: "Share") to the previous post, and
    // takes in the first post's title under its time (the page's headline
    // stands above that, not the post's title). The time may have left
    // the view already (a rule dropped it): the block right above a post
    // in the text is asked.
    let live = first.is_some() && *doc.live.get_or_init(|| super::posts::live_page(&doc.blocks));
    let timed = |k: usize| live && super::posts::under_time(&doc.blocks, view[k]);
    // A button a rule dropped: one line of at most `BUTTON_WORDS` words.
    let button = |k: usize| {
        let b = &doc.blocks[view[k]];
        reports[view[k]].decision == Decision::Drop && b.lines == 1 && b.words <= BUTTON_WORDS
    };
    // The position above a timed post's first block at `k`, past its time
    // and the buttons above that.
    let above_time = |k: usize| {
        let time_in_view = k > 0 && view[k - 1] + 1 == view[k];
        let from = if time_in_view { k - 1 } else { k };
        (0..from).rev().find(|&j| !button(j))
    };
    let post_title = |k: usize| sub_heading(k) && super::headline::title_line(&doc.blocks[view[k]]);
    // Between two posts of a thread, a line each in text without blank
    // lines: the first post's short closing line ("Thanks in advance."),
    // the lines that rules drop (its "Reply" and "Quote", the next
    // poster's post count and join date: `META_RUN_DROPPED` or more, those
    // dropped in a round before counted), the poster's name, and the reply's
    // short greeting ("Hey,"): at most `META_RUN_SHORT` short lines no rule
    // took, `META_RUN` blocks at most. A reply under such a gap is no
    // island. (The body does not widen up over such a gap to a short first
    // post: a second cleaning, without the dropped lines, would find no
    // gap and drop the name and the greeting the first kept.)
    let meta_drop = |k: usize| doc.drop_rule_fires(view[k]);
    let short_line = |k: usize| {
        let b = &doc.blocks[view[k]];
        b.lines == 1 && b.words <= SHORT_LINE_WORDS && undecided(&reports[view[k]]) && !meta_drop(k)
    };
    // Whether the blocks between view positions `upper` and `lower` are
    // such a gap.
    let thread_gap = |upper: usize, lower: usize| {
        if !(upper + 2 < lower && short_line(upper + 1) && short_line(lower - 1)) || lower - upper > META_RUN
        {
            return false;
        }
        // A post's field: one line that ends no sentence ("Joined Jan 12,
        // 2021", "Reply"). A disclaimer a rule dropped between two
        // paragraphs is none.
        let field = |i: usize| {
            let b = &doc.blocks[i];
            b.lines == 1 && !crate::segment::ends_sentence(b.form.as_str())
        };
        // The blocks in the gap that no rule drops, each a short line.
        let (mut short, mut short_fields) = (0, 0);
        for (k, &i) in view.iter().enumerate().take(lower).skip(upper + 1) {
            if !meta_drop(k) {
                if !short_line(k) {
                    return false;
                }
                short += 1;
                short_fields += usize::from(field(i));
            }
        }
        // The rest of the blocks between that are fields, those in view and
        // those a rule dropped in an earlier round (a line the context pass
        // or the language dropped is no post's field: a second cleaning,
        // without it, would find no gap).
        let gone = |i: usize| reports[i].decision == Decision::Drop && reports[i].by != DecidedBy::Rule;
        let dropped = (view[upper] + 1..view[lower]).filter(|&i| field(i) && !gone(i)).count() - short_fields;
        short <= META_RUN_SHORT && dropped >= META_RUN_DROPPED
    };
    // A block of lines with a byline or a date among them (a name over the
    // story's times, under a headline written as a sentence) is no
    // sub-heading between the first paragraphs, though no rule drops it.
    let dated_lines = |k: usize| {
        let b = &doc.blocks[view[k]];
        b.lines > 1 && b.line_ranges.iter().any(|r| super::headline::meta_line(&b.form.as_str()[r.clone()]))
    };
    if let Some(f) = &mut first {
        loop {
            if *f > 0 && widens_up(*f - 1) {
                *f -= 1;
            } else if *f > 1 && sub_heading(*f - 1) && !dated_lines(*f - 1) && widens_up(*f - 2) {
                *f -= 2; // a sub-heading between the first paragraphs
            } else if let Some(a) = Some(*f).filter(|&k| timed(k)).and_then(above_time)
                && widens_up(a)
            {
                *f = a; // a post's time under the previous post
            } else if let Some(a) =
                (*f).checked_sub(1).filter(|&k| post_title(k) && timed(k)).and_then(above_time)
                && widens_up(a)
            {
                *f = a; // a post's time and title under the previous post
            } else {
                if *f > 0 && post_title(*f - 1) && timed(*f - 1) {
                    *f -= 1; // the first post's title
                }
                break;
            }
        }
    }
    // A short paragraph far below the article, after a run of widgets with
    // hardly a sentence among them (a newsletter's pitch under the "Paid
    // partner" boxes), is not where the article ends: it ends at the long
    // paragraph before that run, so the run is the tail. A how-to's steps,
    // one a line in text without blank lines, count as sentences there
    // ("2. Select Security."): numbered, and each ending one. A recipe's
    // ingredients under their heading (one an `open-body` rule keeps) and
    // its steps under bare numbers ("1" over "大根は皮をむいて…") are no
    // run of widgets.
    let step = |k: usize| {
        let b = &doc.blocks[view[k]];
        b.lines == 1
            && undecided(&reports[view[k]])
            && matches!(form_line_shape(b.form.as_str()), LineShape::Numbered { has_content: true, .. })
            && crate::segment::ends_sentence(b.form.as_str())
    };
    while let (Some(f), Some(l)) = (first, last)
        && let Some(before) = (f..l).rev().find(|&k| is_body(view[k]))
        && l - before > ISLAND_GAP
        && !thread_gap(before, l)
        && (before + 1..l).filter(|&k| sentence(k) || step(k)).count() <= ISLAND_SENTENCES
        && doc.blocks[view[l]].chars <= ISLAND_CHARS
        && !(before + 1..l).any(opens_body)
    {
        last = Some(before);
    }
    // A list or code under the body (each line a block of its own in text
    // without blank lines, or a block of them) and then the story going on
    // in two sentences in a row: the run is the story's (a recipe's
    // ingredients before its method, a docs page's code before the next
    // paragraph). A teaser's summary under a link list is one sentence
    // between titles, and a widget's prompts ("Are you sure?", "Like it,
    // share it!") end with a question or an exclamation mark: both stay
    // outside.
    let run_item = |k: usize| {
        let b = &doc.blocks[view[k]];
        let prompt =
            || doc.lines(view[k]).last().is_some_and(|l| l.trim_end().ends_with(['?', '!', '？', '！']));
        sub_heading(k) && !b.bare_numbers && !prompt()
    };
    // Or a sentence that ends with a colon, what it introduces (a command,
    // an example), and a sentence again: a README's or a manual's sections,
    // each a heading over a short paragraph and its code.
    let two_sentences = |k: usize| k + 1 < view.len() && widens(k) && widens(k + 1);
    let example_between = |k: usize| {
        k + 2 < view.len() && widens(k) && doc.announces(view[k]) && run_item(k + 1) && widens(k + 2)
    };
    // The first block from `from` on that `ends` a run of list items (each
    // block from `from - 1` up to it), at most `LIST_IN_STORY` blocks on.
    let after_run = |from: usize, ends: &dyn Fn(usize) -> bool| {
        (from..view.len().min(from + LIST_IN_STORY)).take_while(|&k| run_item(k - 1)).find(|&k| ends(k))
    };
    // A command on a line of its own: two words or more, the first in
    // lower-case ASCII, no punctuation at its end ("cargo install tidyjson",
    // "tidyjson --check src/**/*.json").
    let command = |line: &str| {
        let line = line.trim();
        line.starts_with(|c: char| c.is_ascii_lowercase())
            && line.split_whitespace().nth(1).is_some()
            && !line.ends_with(['.', '!', '?', ':', ',', ';'])
    };
    // A block of such lines, one of them with a mark of code (an option, a
    // path, a file's extension, an assignment): a widget's lower-case
    // heading ("les plus partagés") has none.
    let code = |k: usize| {
        doc.lines(view[k]).all(command)
            && doc.lines(view[k]).any(|l| CODE_MARKS.iter().any(|m| l.contains(m)))
    };
    // A README's sections under the body's last paragraph ("Install" over
    // its command, "Usage" over its commands) and one sentence after them
    // are the article's too.
    let code_then_sentence = |l: usize, k: usize| widens(k) && (l + 1..k).any(code);
    let list_then_story = |l: usize| {
        after_run(l + 2, &|k| two_sentences(k) || example_between(k) || code_then_sentence(l, k)).map(|k| {
            if two_sentences(k) {
                k + 1
            } else if example_between(k) {
                k + 2
            } else {
                k
            }
        })
    };
    // A recipe's card under the body (its title, rating and facts, which
    // rules may have dropped), then a list's heading that an `open-body`
    // rule keeps over its quantities, the list, and the method in two
    // sentences in a row: the recipe is the story's.
    let recipe_then_method = |l: usize| {
        let h = (l + 1..view.len().min(l + 1 + RECIPE_CARD_REACH)).find(|&k| opens_body(k))?;
        after_run(h + 2, &two_sentences).map(|k| k + 1)
    };
    // A short line that announces a list with a colon right under the
    // body's last paragraph ("Checkliste für den Herbst:"), the list, and
    // one sentence after it (the article's conclusion): the list is the
    // article's. Chrome that ends with a colon ("Share this:", "Lesen Sie
    // auch:") is dropped by its rules before this is asked.
    let announced_list = |l: usize| {
        if !(doc.announcing_line(view[l + 1]) && run_item(l + 1)) {
            return None;
        }
        after_run(l + 3, &widens)
    };
    // A sub-heading over a bulleted list right under the body's last
    // paragraph ("Ihre Aufgaben" over a job's duties, "Bug fixes" over a
    // release's), more such pairs, and one sentence after them: the lists
    // are the article's, as an announced list is. Rules have dropped the
    // headings of link lists ("Related", "Mehr zum Thema") before this is
    // asked.
    let headed_lists = |l: usize| {
        let heading = |k: usize| {
            let b = &doc.blocks[view[k]];
            b.lines == 1 && !b.punctuated && b.words <= LIST_HEADING_WORDS && run_item(k)
        };
        // Items of a few words each: a list of one-word topics or sections
        // ("* Transport", "* Housing") is a widget's.
        let bulleted = |k: usize| {
            let b = &doc.blocks[view[k]];
            b.listed && b.words >= LIST_ITEM_WORDS * b.lines && run_item(k)
        };
        if !(l + 3 < view.len() && heading(l + 1) && bulleted(l + 2)) {
            return None;
        }
        after_run(l + 3, &widens)
    };
    // Two or three fields under the body's last paragraph, a line each that
    // no rule dropped (an event's "Date: …", "Venue: …", "Fee: free"), and a
    // sentence under them: the fields are the article's, as a single short
    // block between two sentences is.
    let fields_then_sentence = |l: usize| {
        let field = |k: usize| {
            let b = &doc.blocks[view[k]];
            b.lines == 1 && sub_heading(k) && labelled_value(b.form.as_str())
        };
        let fields = (l + 1..view.len()).take(MAX_FIELDS).take_while(|&k| field(k)).count();
        (MIN_FIELDS..=fields).map(|n| l + 1 + n).find(|&s| s < view.len() && widens(s))
    };
    // A button already dropped between two paragraphs that stands again
    // below the body's first paragraph ("Share" under each post of a live
    // blog) is passed over. One that stands there once ("Share this
    // article:") may end the article.
    let first_line = |k: usize| doc.lines(view[k]).next().unwrap_or_default().trim();
    // How often each button stands below the first paragraph, counted once.
    let buttons: std::cell::OnceCell<HashMap<&str, usize>> = std::cell::OnceCell::new();
    let met_button = |k: usize| {
        button(k)
            && first.is_some_and(|f| {
                let counts = buttons.get_or_init(|| {
                    let mut counts = HashMap::new();
                    for j in (f..view.len()).filter(|&j| button(j)) {
                        *counts.entry(first_line(j)).or_insert(0) += 1;
                    }
                    counts
                });
                counts.get(&first_line(k)).is_some_and(|&n| n >= 2)
            })
    };
    let question = |k: usize| super::headline::one_question(doc.blocks[view[k]].form.as_str());
    // A sentence too short to count as one ("Police are investigating.",
    // "ではまた。", "以上、参考になれば幸いです。") right under the body's last
    // paragraph closes the story.
    let closing = |k: usize| {
        super::closing::closing_line(&doc.blocks[view[k]], first_line(k))
            && sub_heading(k)
            && policy.keeps_any(&doc.blocks[view[k]])
    };
    // Blocks a rule has dropped already (a photo's credit, an ad's label),
    // at most `DROPPED_REACH` in a row, are passed over: past them, the
    // first block that is not dropped.
    let past_dropped = |k: usize| {
        (k..view.len().min(k + DROPPED_REACH + 1)).find(|&j| reports[view[j]].decision != Decision::Drop)
    };
    // Block `k` is an item numbered one more than an item within the body
    // (at or above `l`, at most `NUMBERED_REACH` blocks up): a list
    // article's next heading ("3. Piódão" under "2. Tomar").
    let numbered_after_kept = |k: usize, l: usize| {
        let number = |j: usize| super::headline::item_number(doc.blocks[view[j]].form.as_str());
        number(k).is_some_and(|n| {
            n > 1
                && first.is_some_and(|f| {
                    (l.saturating_sub(NUMBERED_REACH).max(f)..=l).any(|j| number(j) == Some(n - 1))
                })
        })
    };
    // A live page's next post under the body's last paragraph: past the
    // buttons dropped there ("Share") and the post's time, its title and
    // its paragraph, or its paragraph.
    let post_below = |l: usize| {
        let k = (l + 1..view.len())
            .find(|&j| !(button(j) || super::posts::post_time(&doc.blocks[view[j]])))
            .filter(|&k| timed(k))?;
        if widens(k) {
            Some(k)
        } else {
            (post_title(k) && k + 1 < view.len() && widens(k + 1)).then_some(k + 1)
        }
    };
    if let Some(l) = &mut last {
        loop {
            if *l + 1 < view.len() && (widens(*l + 1) || closing(*l + 1)) {
                *l += 1;
            } else if *l + 2 < view.len() && (sub_heading(*l + 1) || met_button(*l + 1)) && widens(*l + 2) {
                *l += 2;
            } else if *l + 3 < view.len()
                && sub_heading(*l + 1)
                && numbered_after_kept(*l + 1, *l)
                && let Some(s) = past_dropped(*l + 2).filter(|&s| s > *l + 2)
                && widens(s)
            {
                // A list's next numbered heading over its photo's credit
                // and its paragraph ("3. Piódão", "(Image credit: …)").
                *l = s;
            } else if *l + 3 < view.len()
                && (met_button(*l + 1) || (sub_heading(*l + 1) && question(*l + 2)))
                && sub_heading(*l + 2)
                && widens(*l + 3)
            {
                // A button, or a heading over a question and its answer
                // ("Häufige Fragen", "Ist mein Geld sicher?").
                *l += 3;
            } else if let Some(resumes) = list_then_story(*l) {
                *l = resumes; // a list in the story: ingredients, then the method
            } else if let Some(resumes) = recipe_then_method(*l) {
                *l = resumes; // a recipe's card, its ingredients, then the method
            } else if let Some(closes) = (*l + 2 < view.len()).then(|| announced_list(*l)).flatten() {
                *l = closes; // a checklist, then the conclusion
            } else if let Some(closes) = headed_lists(*l) {
                *l = closes; // a job's duties and profile, then its offer
            } else if let Some(closes) = fields_then_sentence(*l) {
                *l = closes; // an event's date, place and fee, then a note
            } else if let Some(closes) = post_below(*l) {
                *l = closes; // a live page's next post under its time
            } else {
                break;
            }
        }
    }
    // The lead: the first long paragraph and the next sentence after it.
    let lead_end = first.and_then(|f| (f + 1..view.len()).find(|&k| sentence(k) || is_body(view[k])));
    let body = Body { len: view.len(), first, last, lead_end };
    round(doc, view, &body, &outline, |p, i| p.is_regional() || i.is_some_and(defers), reports);
    chrome_outside_region(doc, view, reports);
    body.first
}

/// The `chrome-lines` rules (without labels) on the blocks that only
/// `drop-block` rules for a region matched as a whole and that stay where
/// those rules do not reach: "By Jane Doe" over "Updated March 3, 2026"
/// between two paragraphs, the shape of the head's byline rule, each line
/// chrome alone. Asked after the rounds, so that a region's rule decides
/// such a block where it reaches.
fn chrome_outside_region(doc: &Document<'_>, view: &[usize], reports: &mut [BlockReport]) {
    let rules = doc.rules;
    let regional_only = |i: usize| {
        !doc.firings[i].is_empty()
            && doc.firings[i].iter().all(|f| {
                let spec = &rules.rules()[f.rule].spec;
                spec.action == Action::DropBlock && spec.when.position.is_regional()
            })
    };
    for (r, structure) in rules.structures() {
        let Structure::ChromeLines { min_items, max_items, labels: false } = structure else { continue };
        if r.spec.when.position != Position::Anywhere {
            continue;
        }
        for &i in view {
            let candidate =
                super::structure::chrome_lines_candidate(&doc.blocks[i], &reports[i], min_items..=max_items);
            if !candidate || !regional_only(i) {
                continue;
            }
            if let Some(evidence) = super::chrome_lines::chrome_lines(doc, i) {
                let evidence = vec![evidence.to_owned()];
                decide(&mut reports[i], Decision::Drop, DecidedBy::Rule, Some(r), evidence);
            }
        }
    }
}

/// How many blocks under the body's last paragraph a recipe's list
/// heading may stand (its card's title, rating and facts between).
const RECIPE_CARD_REACH: usize = 10;

/// The most blocks a rule dropped that the body widens past, between a
/// sub-heading and its paragraph.
const DROPPED_REACH: usize = 2;
/// How far above the body's end the item numbered one less is looked for.
const NUMBERED_REACH: usize = 6;

/// The most blocks between two posts of a thread, a line each, with at
/// least `META_RUN_DROPPED` lines a rule drops and at most `META_RUN_SHORT`
/// other short lines of at most `SHORT_LINE_WORDS` words.
const META_RUN: usize = 16;
const META_RUN_DROPPED: usize = 3;
const META_RUN_SHORT: usize = 3;
const SHORT_LINE_WORDS: usize = 3;

/// More blocks than this between the last long paragraph and the one
/// before it, with at most `ISLAND_SENTENCES` sentences among them, and a
/// last paragraph of at most `ISLAND_CHARS` non-space characters: that
/// paragraph is an island in the page's tail, not the article's end.
const ISLAND_GAP: usize = 6;
const ISLAND_SENTENCES: usize = 3;
const ISLAND_CHARS: usize = 400;

/// How many blocks above the body's first paragraph an `open-body` rule's
/// heading may stand; how many blocks under it are looked at (besides its
/// own, which may hold the list), and how many quantities they must hold.
const OPEN_BODY_REACH: usize = 40;
const QUANTITY_REACH: usize = 4;
const QUANTITIES: usize = 2;

/// The lines of `b` that are a recipe's list items: at most
/// `QUANTITY_CHARS` characters, starting with a number or a fraction ("500
/// g Mehl", "½ cup milk", "2 Eier") or with one in the last word ("豚バラ肉
/// 200g", "しょうゆ 大さじ2", "鸡蛋 2个"). A list is a block of such lines, or
/// a block a line (text without blank lines). A paragraph has none.
fn quantities(b: &Analyzed) -> usize {
    if b.prose {
        return 0;
    }
    let form = b.form.as_str();
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔' | '⅛');
    b.line_ranges
        .iter()
        .map(|r| form[r.clone()].trim())
        .filter(|line| {
            line.chars().count() <= QUANTITY_CHARS
                && (line.starts_with(numeric)
                    || line
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.len() < line.len() && w.contains(numeric)))
        })
        .count()
}

const QUANTITY_CHARS: usize = 60;

/// The most words of a button among a byline's lines under a standfirst,
/// and the most blocks from the byline's first line to the story.
const BYLINE_BUTTON_WORDS: usize = 5;
const BYLINE_BLOCKS: usize = 10;

/// The most words of a dropped button the body widens over.
const BUTTON_WORDS: usize = 3;

/// The most words of a short line that announces what follows with a
/// colon ([`Document::announcing_line`]).
const ANNOUNCING_WORDS: usize = 6;

/// The most words of a list's heading that the body widens over with its
/// list (`headed_lists` in `apply_rules`).
const LIST_HEADING_WORDS: usize = 5;

/// Whether `form` (a line's matching form) is a field: a label of at most
/// `FIELD_LABEL_CHARS` characters, a colon and a value ("venue: the
/// boathouse", "開催日時:4月12日").
fn labelled_value(form: &str) -> bool {
    form.split_once(':').is_some_and(|(label, value)| {
        let label = label.trim();
        !label.is_empty()
            && label.chars().count() <= FIELD_LABEL_CHARS
            && !label.contains(['.', '!', '?', ','])
            && !value.trim().is_empty()
    })
}

/// The most characters of a field's label.
const FIELD_LABEL_CHARS: usize = 20;

/// The fewest fields between the body's last paragraph and a sentence under
/// them that the body widens over (`fields_then_sentence`): a single
/// "Label: value" line there is as often a widget's ("Follow us: Twitter |
/// Facebook").
const MIN_FIELDS: usize = 2;
/// The most such fields.
const MAX_FIELDS: usize = 3;

/// The fewest words an item of such a list averages, its bullet counted.
const LIST_ITEM_WORDS: usize = 4;

/// What marks a line as code rather than words: an option, a path, a file's
/// extension or a method call, an assignment, a path of modules, a call, a
/// block, a shell variable, a redirection.
const CODE_MARKS: [&str; 10] = ["--", "/", ".", "=", "_", "::", "(", "{", "$", ">"];

/// The most blocks of a list that the body widens over, when two sentences
/// follow it.
const LIST_IN_STORY: usize = 16;

/// A block of more than two lines widens the body only when its lines
/// average at least this many non-space characters.
const WIDEN_LINE_CHARS: usize = 30;

/// A paragraph of one or two punctuated sentences: on a page without a
/// long paragraph, `SHORT_BODY_PARAGRAPHS` of them make its body.
fn short_paragraph(b: &Analyzed) -> bool {
    b.punctuated && b.words >= SHORT_PARAGRAPH_WORDS && b.lines <= 2 && !b.listed && !b.headline_end
}

/// The fewest words of a short body paragraph.
const SHORT_PARAGRAPH_WORDS: usize = 8;

/// The fewest short paragraphs that make a body on a page without a long one.
const SHORT_BODY_PARAGRAPHS: usize = 2;

/// The fewest words of a sentence that widens the body.
pub(super) const SENTENCE_WORDS: usize = 6;

/// Whether a rule's `[when]` conditions other than position hold for a block.
fn applies(rule: &CompiledRule, block: &Analyzed) -> bool {
    applies_sized(rule, block.chars, block.lines, block)
}

/// [`applies`] for `chars` non-space characters on `lines` lines of `block`
/// (a part of it, in the block's language).
pub(super) fn applies_sized(rule: &CompiledRule, chars: usize, lines: usize, block: &Analyzed) -> bool {
    let when = &rule.spec.when;
    // The size first: the language may need the detector.
    when.fits(chars, lines)
        && (when.lang.is_empty()
            || block.lang.get().primary().is_some_and(|p| when.lang.iter().any(|l| l == p)))
}

/// One round: the rules that `in_round` accepts, given their position and the
/// block (`None` for structure rules, which look at runs of blocks).
fn round(
    doc: &Document<'_>,
    view: &[usize],
    body: &Body,
    outline: &super::structure::Outline<'_>,
    in_round: impl Fn(Position, Option<usize>) -> bool,
    reports: &mut [BlockReport],
) {
    let rules = doc.rules;
    let rule = |f: &Firing| &rules.rules()[f.rule];
    let fires = |f: &Firing, k: usize| {
        let when = &rule(f).spec.when;
        in_round(when.position, Some(view[k]))
            && (body.in_position(k, when.position)
                || when.inside_max_chars.is_some_and(|n| {
                    let b = &doc.blocks[view[k]];
                    b.chars <= n && b.open_end
                }))
    };
    for (k, &i) in view.iter().enumerate() {
        if reports[i].by != DecidedBy::Default {
            continue;
        }
        if let Some(keep) = doc.firings[i].iter().find(|f| rule(f).spec.action.keeps() && fires(f, k)) {
            decide(&mut reports[i], Decision::Keep, DecidedBy::Rule, Some(rule(keep)), keep.evidence.clone());
        }
    }
    // A drop-rest, drop-section or drop-with-link under way: its rule, the
    // block it fired on, and the view position where it ends (the view's end
    // for drop-rest).
    let mut rest: Option<(usize, usize, usize)> = None;
    for (k, &i) in view.iter().enumerate() {
        if !undecided(&reports[i]) {
            continue;
        }
        if let Some((r, from, _)) = rest.filter(|&(.., end)| k < end) {
            // A heading that drops all that follows where it stands (a
            // comment count under a related box's heading, "Related" over
            // "5 comments") waits for its own round inside another rule's
            // run too: the box ends where its links do, and the comments
            // under it would stay.
            let waits = doc.firings[i].iter().any(|f| {
                let spec = &rule(f).spec;
                spec.action.drops_after() && !in_round(spec.when.position, Some(i))
            });
            if waits {
                continue;
            }
            let evidence = vec![format!("after block {from}")];
            decide(&mut reports[i], Decision::Drop, DecidedBy::Rule, Some(&rules.rules()[r]), evidence);
            continue;
        }
        let live: Vec<&Firing> = doc.firings[i].iter().filter(|f| fires(f, k)).collect();
        // A rule that drops what follows goes first, the one that reaches
        // furthest (`Action::reach`; the first in load order among equals):
        // the block is dropped either way.
        let rest_first = live
            .iter()
            .filter(|f| rule(f).spec.action.drops_after())
            .min_by_key(|f| std::cmp::Reverse(rule(f).spec.action.reach()));
        match rest_first.or_else(|| live.iter().find(|f| rule(f).spec.action != Action::StripSpan)) {
            Some(first) => {
                decide(
                    &mut reports[i],
                    Decision::Drop,
                    DecidedBy::Rule,
                    Some(rule(first)),
                    first.evidence.clone(),
                );
                match rule(first).spec.action {
                    Action::DropRest => {
                        // A block that a rule live where it stands drops
                        // (a comment form's "Your email address will not be
                        // published."), or that a rule for elsewhere
                        // matches and that is no story sentence (a log-in
                        // prompt the tail's rule drops), is passed over.
                        let doomed = |q: usize| {
                            let action = |f: &&Firing| rule(f).spec.action;
                            let mut drops = doc.firings[view[q]]
                                .iter()
                                .filter(|f| !action(f).keeps() && action(f) != Action::StripSpan)
                                .peekable();
                            drops.peek().is_some()
                                && (!story_sentence(&doc.blocks[view[q]]) || drops.any(|f| fires(f, q)))
                        };
                        rest = Some((first.rule, i, rest_end(doc, view, reports, k, doomed)));
                    }
                    Action::DropSection => {
                        // A section above the body ends where the body starts.
                        let end = section_end(doc, view, reports, k);
                        let end = body.first.filter(|&f| k < f).map_or(end, |f| end.min(f));
                        rest = Some((first.rule, i, end));
                    }
                    Action::DropWithLink => {
                        // Above the body, a title right over its first
                        // paragraph is the story's headline, whatever
                        // heading stands over it. (In the first round,
                        // before the body is found, the page's first long
                        // paragraph stands for it.)
                        let f = k + 2;
                        let body_starts = match body.first {
                            Some(first) => first == f,
                            None => long_at(doc, view, f) && !(0..f).any(|p| long_at(doc, view, p)),
                        };
                        let end = if body_starts { k + 1 } else { link_end(doc, view, k) };
                        rest = Some((first.rule, i, end));
                    }
                    _ => {}
                }
            }
            // A block already cut is not cut again.
            None if reports[i].decision != Decision::Strip => {
                strip(rules.rules(), &live, doc, i, &mut reports[i])
            }
            None => {}
        }
    }
    // Structure rules last: they look at what the other rules left (the
    // headline of a `non-sentence` rule is not a byline a regex drops).
    for (r, structure) in rules.structures().filter(|(r, _)| in_round(r.spec.when.position, None)) {
        let position = r.spec.when.position;
        // `find` reports only runs that start where the rule's position allows.
        let in_position = |k: usize| body.in_position(k, position);
        let found = super::structure::find(structure, doc, view, body, reports, outline, in_position);
        for (run, evidence) in found.runs {
            let evidence = vec![evidence];
            for &i in &view[run] {
                if undecided(&reports[i]) {
                    decide(&mut reports[i], Decision::Drop, DecidedBy::Rule, Some(r), evidence.clone());
                }
            }
        }
        if let Some((k, side)) = found.cut_meta {
            let cut = cut_by_structure(rules, &reports[view[k]]);
            let head = matches!(cut, Some(Structure::ChromeHead { .. }));
            if reports[view[k]].by == DecidedBy::Default
                || head
                || matches!(cut, Some(Structure::ChromeTail { .. }))
            {
                cut_meta_lines(doc, view[k], side, head, r, &mut reports[view[k]]);
            }
        }
    }
}

/// Where the section under the heading at view position `k` ends: at the
/// first long paragraph followed by another (blocks already dropped between
/// them aside) — the body's prose resuming after a box of links. A list of
/// teasers alternates titles, summaries and meta lines, so it runs on; so
/// does one whose title and summary share a block ([`teaser`]).
fn section_end(doc: &Document<'_>, view: &[usize], reports: &[BlockReport], k: usize) -> usize {
    // Two sentences right under the heading, no teasers: it heads no list,
    // and the article goes on, however short its closing paragraphs (a
    // Chinese, Japanese or Korean sentence is short in characters).
    if two_under(doc, view, reports, k, |_| false, story_sentence) {
        return k + 1;
    }
    // The story's last paragraph alone under the heading, the heading
    // between two of the story's paragraphs: a widget's heading whose list
    // came out empty ("Latest news" over the closing paragraph). A box of
    // links puts a title first, and a teaser its summary under a title.
    let live: Vec<usize> = live_after(view, reports, k).collect();
    let paragraph_at = |p: usize| long_paragraph(&doc.blocks[view[p]]) && !teaser(&doc.blocks[view[p]]);
    if let [p] = live[..]
        && paragraph_at(p)
        && live_before(view, reports, k).is_some_and(paragraph_at)
    {
        return k + 1;
    }
    // Titles one a line (a box of links in the story, as text without
    // blank lines puts it), then the page's last paragraph: the story ends
    // there. A teaser list puts a summary under each title, and more
    // summaries follow.
    let long = |p: usize| long_paragraph(&doc.blocks[view[p]]);
    // Past the first title, a title of `BOX_MORE_TITLE_WORDS` words counts
    // ("Winterdienst im Dauereinsatz": German compounds make short titles).
    let titles = live
        .iter()
        .enumerate()
        .take_while(|&(n, &p)| {
            let b = &doc.blocks[view[p]];
            title_item(b) || (n > 0 && !list_item(b) && titled_by(b, BOX_MORE_TITLE_WORDS))
        })
        .count();
    // The heading's block may hold the titles itself, one a line without
    // list markers or sentence punctuation ("Mehr zum Thema" over two
    // titles, as a page without blank lines between them prints it).
    let rest = doc.lines(view[k]).skip(1);
    let in_block = if rest.clone().all(box_title_line) { rest.clone().count() } else { 0 };
    // A short closing sentence there ends the story too when no sentence
    // that no rule drops follows it (a regional paper's "Fahrpläne liegen
    // ab Mitte Dezember aus." under its "Mehr zum Thema" box, over the
    // tags and the comment form).
    let closing = |p: usize| any_sentence_after(&doc.blocks[view[p]]);
    // Up to the page's rest (a comment section's heading, one a line in
    // text without blank lines, over its prompt).
    let action = |f: &Firing| doc.rules.rules()[f.rule].spec.action;
    let fired = |q: usize| doc.firings[view[q]].iter().any(|f| !action(f).keeps());
    let page_rest = |q: usize| doc.firings[view[q]].iter().any(|f| action(f) == Action::DropRest);
    // Titles in the heading's block count there when each is as long as
    // a story's (an author card's "3.4K Followers" and "212 Following"
    // under "Written by …" are no titles, and its bio stays the card's).
    let closing_titles = if rest.clone().all(box_title_long) { titles + in_block } else { titles };
    if titles + in_block >= BOX_TITLES
        && let Some(&p) = live.get(titles)
        && ((long(p) && !live[titles + 1..].iter().any(|&q| long(q)))
            || (closing_titles >= BOX_TITLES
                && closing(p)
                && !fired(p)
                && !live[titles + 1..]
                    .iter()
                    .take_while(|&&q| !page_rest(q))
                    .any(|&q| closing(q) && !fired(q))))
    {
        return p;
    }
    // In Chinese, Japanese or Korean, two sentences in a row (counted by
    // their weighted characters): a teaser list there puts a title, which
    // ends without 。, between its summaries.
    live.windows(2)
        .find(|w| {
            let (a, b) = (&doc.blocks[view[w[0]]], &doc.blocks[view[w[1]]]);
            long_paragraph(a) && !teaser(a) && !teaser(b) && any_sentence_after(b)
        })
        .map_or(view.len(), |w| w[0])
}

/// A line of a box of links held in its heading's block: no list marker,
/// no sentence punctuation at its end.
fn box_title_line(line: &str) -> bool {
    let line = line.trim();
    line_shape(line) == LineShape::Plain && !line.ends_with(['.', '!', '?', '。', '！', '？'])
}

/// A line of a box of links as long as a story's title after the first:
/// `BOX_MORE_TITLE_WORDS` words, or `BOX_TITLE_CJK_CHARS` characters when
/// most of it is Han, kana or Hangul (as [`titled_by`] asks of a block).
fn box_title_long(line: &str) -> bool {
    let cjk = line.chars().filter(|&c| crate::lang::is_unspaced(c) || crate::lang::is_hangul(c)).count();
    if cjk * 2 > line.chars().count() {
        cjk >= BOX_TITLE_CJK_CHARS
    } else {
        line.split_whitespace().count() >= BOX_MORE_TITLE_WORDS
    }
}

/// The fewest titles in a row under a section's heading that make a box of
/// links, which a paragraph under them ends.
const BOX_TITLES: usize = 2;

/// The fewest words of a title after the first in a box of links.
const BOX_MORE_TITLE_WORDS: usize = 3;

/// A title in a box of links: one line without sentence punctuation, not
/// a list item, as long as a story's title (a label such as "Add a
/// Comment" is shorter).
fn title_item(b: &Analyzed) -> bool {
    titled(b) && !list_item(b)
}

/// One line without sentence punctuation, as long as a story's title.
fn titled(b: &Analyzed) -> bool {
    titled_by(b, BOX_TITLE_WORDS)
}

/// [`titled`] with a title of `words` words or more (a CJK one counted by
/// its characters as ever).
fn titled_by(b: &Analyzed, words: usize) -> bool {
    let long = if b.mostly_cjk() { b.chars >= BOX_TITLE_CJK_CHARS } else { b.words >= words };
    b.lines == 1 && !b.punctuated && long
}

/// The fewest words of a title in a box of links.
const BOX_TITLE_WORDS: usize = 4;
/// The fewest characters of a Chinese, Japanese or Korean title there.
const BOX_TITLE_CJK_CHARS: usize = 8;

/// Where what follows the heading at view position `k` ends: the view's
/// end — unless the two blocks right under it (blocks already dropped, and
/// those `doomed` at their view position, aside) are sentences (short
/// closing paragraphs count), the story going on past a counter or a stray
/// "Comments" label in its middle. A comment section opens with an author
/// line, a prompt or a form, or with a single comment, and its comments
/// stand under their authors' names or open with them ("Marta: Beautiful
/// work! …").
fn rest_end(
    doc: &Document<'_>,
    view: &[usize],
    reports: &[BlockReport],
    k: usize,
    doomed: impl Fn(usize) -> bool,
) -> usize {
    let story =
        |b: &Analyzed| story_sentence(b) && !b.form.as_str().lines().next().is_some_and(labelled_value);
    if two_under(doc, view, reports, k, doomed, story) { k + 1 } else { view.len() }
}

/// A sentence of a story going on: [`any_sentence_after`], neither a list
/// item nor a teaser.
fn story_sentence(b: &Analyzed) -> bool {
    !list_item(b) && !teaser(b) && any_sentence_after(b)
}

/// The last view position before `k` whose block is not dropped.
pub(super) fn live_before(view: &[usize], reports: &[BlockReport], k: usize) -> Option<usize> {
    (0..k.min(view.len())).rev().find(|&p| reports[view[p]].decision != Decision::Drop)
}

/// The view positions after `k` whose blocks are not dropped.
fn live_after<'v>(
    view: &'v [usize],
    reports: &'v [BlockReport],
    k: usize,
) -> impl Iterator<Item = usize> + 'v {
    (k + 1..view.len()).filter(|&p| reports[view[p]].decision != Decision::Drop)
}

/// Whether the two blocks right under view position `k` (blocks already
/// dropped, and those at view positions `passed`, aside) both exist and are
/// `such`.
fn two_under(
    doc: &Document<'_>,
    view: &[usize],
    reports: &[BlockReport],
    k: usize,
    passed: impl Fn(usize) -> bool,
    such: impl Fn(&Analyzed) -> bool,
) -> bool {
    let mut live = live_after(view, reports, k).filter(|&p| !passed(p));
    live.next()
        .zip(live.next())
        .is_some_and(|(first, second)| such(&doc.blocks[view[first]]) && such(&doc.blocks[view[second]]))
}

/// A paragraph of prose: [`paragraph`], or [`cjk_paragraph`] for a block
/// mostly in Han, kana or Hangul.
fn long_paragraph(b: &Analyzed) -> bool {
    paragraph(b) || cjk_paragraph(b)
}

/// [`paragraph`] for a block mostly in Han, kana or Hangul, its length
/// counted by [`cjk_weighted_chars`].
fn cjk_paragraph(b: &Analyzed) -> bool {
    b.mostly_cjk() && b.punctuated && !b.listed && !list_item(b) && cjk_weighted_chars(b) >= PARAGRAPH_CHARS
}

/// Whether a block of `LABEL_RUN_LINES` lines or more is mostly short lines
/// that end without punctuation (a sentence's or a clause's): a page's
/// footer of buttons, counts and links with a teaser's sentence or two
/// among them, which the punctuation and the length of the whole would
/// make a paragraph (in Chinese, which has no Title Case to tell labels
/// by). A wrapped paragraph's lines are long, a poem's end in commas and
/// stops.
fn label_lines(b: &Analyzed) -> bool {
    if b.lines < LABEL_RUN_LINES {
        return false;
    }
    // The matching form has folded the full-width marks; the ideographic
    // comma ends a clause too.
    let ends = b
        .form
        .as_str()
        .lines()
        .map(str::trim_end)
        .filter(|l| !crate::analyze::ends_open(l) || l.ends_with('、'))
        .count();
    PUNCTUATED_LINE_SHARE * ends < b.lines && b.chars < b.lines * LABEL_LINE_CHARS
}

/// The fewest lines of a block of labels, the share of them (one in
/// `PUNCTUATED_LINE_SHARE`) below which lines that end with punctuation
/// leave it one, and the non-space characters per line below which its
/// lines are short.
const LABEL_RUN_LINES: usize = 6;
const PUNCTUATED_LINE_SHARE: usize = 4;
const LABEL_LINE_CHARS: usize = 16;

/// The block's non-space characters, each Han, kana or Hangul character
/// counting `CJK_CHAR_WEIGHT`: in those scripts a sentence says in 20
/// characters what takes 50 in English.
fn cjk_weighted_chars(b: &Analyzed) -> usize {
    b.chars + b.scripts.cjk() as usize * (CJK_CHAR_WEIGHT - 1)
}

/// A block that carries on a paragraph before it: a sentence in sentence
/// case, not a list, ending with punctuation, of at least
/// `SENTENCE_AFTER_CHARS` characters (a short closing paragraph counts).
fn sentence_after(b: &Analyzed) -> bool {
    paragraph(b) || short_sentence(b, b.chars)
}

/// [`sentence_after`], or [`cjk_sentence_after`] in Han, kana or Hangul.
fn any_sentence_after(b: &Analyzed) -> bool {
    sentence_after(b) || cjk_sentence_after(b)
}

/// A sentence in sentence case, not a list, ending with punctuation, of at
/// least `SENTENCE_AFTER_CHARS` characters as `chars` counts them.
fn short_sentence(b: &Analyzed, chars: usize) -> bool {
    b.has_sentence(SENTENCE_WORDS)
        && b.capital_share < 0.5
        && chars >= SENTENCE_AFTER_CHARS
        && !b.listed
        && !b.open_end
}

const SENTENCE_AFTER_CHARS: usize = 50;

/// [`short_sentence`] for a block mostly in Han, kana or Hangul, each such
/// character counting `CJK_CHAR_WEIGHT` characters: in those scripts a
/// sentence says in 20 characters what takes 50 in English. Asked of the
/// two blocks right under a heading, and of two blocks in a row where a
/// section of links ends; of a single block further down only as the
/// closing sentence under a box of titles with no such sentence after it
/// (elsewhere one short comment of a thread would pass for prose).
fn cjk_sentence_after(b: &Analyzed) -> bool {
    b.mostly_cjk() && short_sentence(b, cjk_weighted_chars(b))
}

const CJK_CHAR_WEIGHT: usize = 3;

/// Where a heading's link ends: after the block under the heading at view
/// position `k` if that is one line of at most `LINK_CHARS` characters
/// that does not end a sentence, asks one question ("Why does cron not run
/// my script?", a Q&A site's linked question), or is a list item (the
/// linked story's title), else right after the heading: a short closing
/// paragraph under a "Related" heading is the article's. In text without
/// blank lines a box of links puts each of its titles on a line of its
/// own: up to `MORE_LINKS` more story titles (`title_item`) go as well
/// when the story's prose resumes right under them.
fn link_end(doc: &Document<'_>, view: &[usize], k: usize) -> usize {
    if !linked_title(doc, view, k) {
        return k + 1;
    }
    // Titles set as list items ("・地銀再編、次の焦点は") when the first is one,
    // and titles that ask a question (a Q&A site's "Hot Network Questions";
    // `linked_title` bounds the line's length).
    // Past marked titles, a line without the mark is no longer the box's
    // (the story's headline under "相關新聞：" over two "・" titles).
    let marked = |b: &Analyzed| {
        list_item(b) || (b.lines == 1 && b.form.as_str().trim_start().starts_with(TITLE_MARKS))
    };
    let listed = marked(&doc.blocks[view[k + 1]]);
    let asks = |b: &Analyzed| b.lines == 1 && super::headline::one_question(b.form.as_str().trim_end());
    let more = |b: &Analyzed| (titled(b) || asks(b)) && if listed { marked(b) } else { !list_item(b) };
    let titles = (k + 2..view.len())
        .take(MORE_LINKS + 1)
        .take_while(|&j| more(&doc.blocks[view[j]]) && linked_title(doc, view, j - 1))
        .count();
    // The article resumes under them, or the page has no paragraph left:
    // either way they are the box's and not the article's.
    let after = k + 2 + titles;
    // The rest of the view is read only when the titles qualify and the
    // article does not resume right under them.
    // A list's items may end at the story's headline, a line right over
    // its first paragraph.
    let long = |j: usize| long_at(doc, view, j);
    let resumes = || long(after) || (listed && long(after + 1));
    let last = || (after..view.len()).all(|j| !long(j));
    if titles > 0 && titles <= MORE_LINKS && (resumes() || last()) { after } else { k + 2 }
}

/// The marks that open a list's titles where no space follows them, as
/// Chinese and Japanese pages set them ("・地銀再編、次の焦点は").
const TITLE_MARKS: [char; 9] = ['・', '■', '□', '●', '○', '◆', '◇', '▶', '▷'];

/// Whether view position `j` exists and holds a long paragraph.
fn long_at(doc: &Document<'_>, view: &[usize], j: usize) -> bool {
    view.get(j).is_some_and(|&i| long_paragraph(&doc.blocks[i]))
}

/// The most titles under a link heading's first, in text without blank lines.
const MORE_LINKS: usize = 3;

/// Whether the block under view position `k` is the title of a linked
/// story: one line of at most `LINK_CHARS` characters that is no paragraph
/// and ends no sentence (or asks one question, or is a list item). Or a
/// few such titles, a line each (a Q&A site's "あわせて知りたい" over two
/// questions, scraped without a blank line between them).
fn linked_title(doc: &Document<'_>, view: &[usize], k: usize) -> bool {
    view.get(k + 1).is_some_and(|&i| {
        let b = &doc.blocks[i];
        let form = b.form.as_str();
        let asks_or_listed = |line: &str| {
            super::headline::one_question(line)
                || kicker_question(line)
                || form_line_shape(line) == LineShape::Bullet
        };
        let one = b.lines == 1
            && b.chars <= LINK_CHARS
            && (b.open_end || b.headline_end || asks_or_listed(form.trim_end()));
        let several = (2..=LINKED_TITLES).contains(&b.lines)
            && b.line_ranges.iter().all(|r| {
                let line = form[r.clone()].trim_end();
                line.chars().count() <= LINK_CHARS && (ends_open(line) || asks_or_listed(line))
            });
        !b.prose && (one || several)
    })
}

const LINK_CHARS: usize = 120;

/// Whether `line` is a headline's short statement and its question, the
/// way a related story's title is often written ("Zima wraca do Europy.
/// Gdzie spadnie najwięcej śniegu?", "Le froid revient. Jusqu'à quand ?").
pub(super) fn kicker_question(line: &str) -> bool {
    let Some((kicker, question)) = line.split_once(". ") else { return false };
    kicker.split_whitespace().count() <= LINKED_KICKER_WORDS && super::headline::one_question(question)
}

/// The most words of the statement before a linked title's question.
const LINKED_KICKER_WORDS: usize = 6;

/// The most titles, a line each, in the block under a link heading.
const LINKED_TITLES: usize = 8;

/// A paragraph of the article's: a punctuated sentence in sentence case,
/// not a title or a list, of at least `PARAGRAPH_CHARS` characters. A list
/// item is none, on a line of its own too (a ranking's "3. Title, source,
/// date" in text without blank lines). Lines without sentence punctuation
/// do not make one, however many (a teaser card's summary, date and title).
fn paragraph(b: &Analyzed) -> bool {
    // `has_sentence` with its punctuation, not its unpunctuated statements.
    b.words >= SENTENCE_WORDS
        && b.punctuated
        && b.capital_share < 0.5
        && b.chars >= PARAGRAPH_CHARS
        && !b.listed
        && !list_item(b)
}

/// A block that is a single list item ("3. Title", "* Title").
fn list_item(b: &Analyzed) -> bool {
    b.lines == 1 && form_line_shape(b.form.as_str()) != LineShape::Plain
}

const PARAGRAPH_CHARS: usize = 100;

/// Cuts the spans of the strip-span firings `f` from block `i`.
fn strip(rules: &[CompiledRule], f: &[&Firing], doc: &Document<'_>, i: usize, report: &mut BlockReport) {
    let Some(first) = f.first() else { return };
    // The byte map is built only here: most blocks are never cut.
    let form = mapped_form(doc.text, doc.seg, &doc.seg.blocks[i]);
    let mut cut: Vec<Range<usize>> =
        f.iter().flat_map(|f| f.spans.iter()).map(|s| form.original_range(s.clone())).collect();
    cut.sort_by_key(|r| r.start);
    let evidence = f.iter().flat_map(|f| f.evidence.iter().cloned()).collect();
    decide(report, Decision::Strip, DecidedBy::Rule, Some(&rules[first.rule]), evidence);
    report.stripped = cut;
}

/// Cuts the lines of block `i` other than the title, the headline's date
/// or byline in the same block, under its first line or over its last: the
/// rule `r` keeps the title alone. A block whose chrome tail was cut
/// before keeps that cut, and its evidence; so does one whose chrome head
/// was cut (`head_cut`: its meta lines are counted from the first line
/// that remains).
fn cut_meta_lines(
    doc: &Document<'_>,
    i: usize,
    side: MetaLines,
    head_cut: bool,
    r: &CompiledRule,
    report: &mut BlockReport,
) {
    let all = doc.seg.lines_of(&doc.seg.blocks[i]);
    // The lines that remain of the block: a cut tail is not asked about,
    // and a cut head is passed (`head_cut`: a source's name over the title).
    let kept = doc.blocks[i].line_ranges.len().clamp(1, all.len().max(1));
    let lines = if head_cut { &all[all.len() - kept..] } else { all };
    let ([first, ..], Some(last), Some(end)) = (lines, lines.get(kept - 1), all.last()) else { return };
    // A kicker over the title goes as well ("Markets" over "Copper Hits a
    // High" over "By Jane Doe").
    let (evidence, cut, kicker) = match side {
        MetaLines::Under(t) => (
            CUT_UNDER,
            lines[t].span.end..end.span.end,
            super::headline::kickers_over(&doc.blocks[i], t).then(|| first.span.start..lines[t].span.start),
        ),
        MetaLines::Over => (CUT_OVER, first.span.start..last.span.start, None),
        MetaLines::Kicker => match lines.get(1) {
            Some(title) => (CUT_KICKER, first.span.start..title.span.start, None),
            None => return,
        },
    };
    let mut stripped = std::mem::take(&mut report.stripped);
    let mut evidences = vec![evidence.to_owned()];
    evidences.append(&mut report.evidence);
    decide(report, Decision::Strip, DecidedBy::Rule, Some(r), evidences);
    stripped.push(cut);
    stripped.extend(kicker);
    stripped.sort_by_key(|c| c.start);
    report.stripped = stripped;
}

/// The evidence of the cuts [`cut_meta_lines`] makes: the lines under the
/// title, those over it, and a kicker over it.
const CUT_UNDER: &str = "the headline's date or byline under it";
const CUT_OVER: &str = "the headline's kicker, date or byline over it";
const CUT_KICKER: &str = "the headline's kicker over it";

/// Whether the headline's meta lines were cut from the block (what
/// remains is the headline, in a later round too).
pub(super) fn cut_by_headline(report: &BlockReport) -> bool {
    report.decision == Decision::Strip
        && report.evidence.first().is_some_and(|e| [CUT_UNDER, CUT_OVER, CUT_KICKER].contains(&e.as_str()))
}

/// The structure rule that cut the block, when one did and nothing else
/// decided it: after a `chrome-tail` rule's cut the lines that remain are
/// the block's first, after a `chrome-head` rule's its last.
fn cut_by_structure(rules: &RuleSet, report: &BlockReport) -> Option<Structure> {
    (report.decision == Decision::Strip)
        .then(|| super::deciding_rule(rules, report).and_then(|r| r.structure()))
        .flatten()
}

/// Cuts chrome out of blocks before the rounds: what remains is analysed
/// again, and the rules look at it as the block it will be in the output.
/// A `chrome-tail` rule cuts the chrome under the first line of each block
/// of a few lines that no rule matched as a whole (a standfirst over its
/// byline, its date and share buttons, in one block), down to the
/// document's first long paragraph. A `rest-line` rule cuts the whole of
/// the page's last block of text when its first line is one that a
/// `drop-rest` rule drops alone (a WordPress page's "12 Kommentare" over
/// the comments and the comment form, in one block), and that block
/// stands under the first long paragraph.
pub(super) fn cut_chrome_tails(detector: &LangDetector, doc: &mut Document<'_>, reports: &mut [BlockReport]) {
    let rules = doc.rules;
    let mut cut_any = false;
    // Down to the first long paragraph only: under a story, a block of
    // labels is a menu or a list of links, and a map's legend ("More than
    // 5%") is no chrome.
    let first = doc.blocks.iter().position(long_paragraph).unwrap_or(doc.blocks.len());
    let last = doc.blocks.iter().rposition(long_paragraph).unwrap_or(0);
    let n = doc.blocks.len();
    for (r, structure) in rules.structures() {
        let (blocks, sizes) = match structure {
            // Under the first long paragraph, only a paragraph over the
            // chrome a rule matched is asked (below).
            Structure::ChromeTail { max_items, .. } => (0..n, 2..=max_items),
            Structure::RestLine { max_items } => (last.max(first + 1)..n, 2..=max_items),
            _ => continue,
        };
        for i in blocks {
            // Most blocks are one line, or a rule matched them. A block
            // that only `drop-block` rules matched may be a title over the
            // chrome they matched: asked below.
            let fired = !doc.firings[i].is_empty();
            let chrome_tail = matches!(structure, Structure::ChromeTail { .. });
            let askable = !fired
                || (chrome_tail
                    && doc.firings[i].iter().all(|f| rules.rules()[f.rule].spec.action == Action::DropBlock));
            // A block a rule matched as a whole is asked however long it is:
            // a cut tail keeps more than the rule's drop would (a poem of
            // twenty short lines, the whole page in one block, over "Share"
            // and a sign-up line).
            let long = doc.blocks[i].lines > *sizes.end();
            let sized = sizes.contains(&doc.blocks[i].lines) || (chrome_tail && fired && long);
            if !askable || !sized || reports[i].by != DecidedBy::Default {
                continue;
            }
            // Under the first long paragraph, a paragraph of the story with
            // the chrome under it, in one block (the story's last paragraph
            // over "Contact reporter … (…@…)" and "Download our app …", which
            // a rule matched as a whole; a blog post's over "Posted by … at
            // 12:55 AM", its share buttons and its labels, too long for any
            // rule's match): its first line must be a paragraph's length
            // (or a sentence, when a rule matched the block:
            // `glued_paragraph`), and when a rule matched the block, what
            // stays is asked to be a paragraph below.
            let glued = chrome_tail && i > first;
            let asked = match structure {
                _ if glued => doc.lines(i).next().is_some_and(|l| glued_paragraph(l, fired)),
                Structure::ChromeTail { min_items, .. } => doc.blocks[i].lines > min_items,
                _ => true,
            };
            if !asked {
                continue;
            }
            let found = match structure {
                // A block of chrome alone is the `chrome-lines` rule's; a
                // title over its date and buttons the headline's, which
                // cuts them; unless a rule drops the block first. One line
                // of chrome under a paragraph is enough.
                Structure::ChromeTail { min_items, .. } => {
                    let min_dropped = if glued { 1 } else { min_items };
                    super::chrome_lines::chrome_tail(doc, i, min_dropped, fired, long).filter(|_| {
                        fired
                            || (super::headline::dated_title(&doc.blocks[i]).is_none()
                                && super::chrome_lines::chrome_lines(doc, i).is_none())
                    })
                }
                _ => super::chrome_lines::rest_line(doc, i),
            };
            let Some((start, evidence)) = found else { continue };
            let lines = doc.seg.lines_of(&doc.seg.blocks[i]);
            let Some(end) = lines.last() else { continue };
            // The rules that matched the whole block matched its chrome:
            // the title over it ("Live: …" over "Please turn on JavaScript
            // to use this feature") matches none of them alone. Its
            // analysis is kept: `settle_stripped` finds it done.
            let title = if fired || glued {
                let Some(above) = lines.get(start - 1) else { continue };
                let text = &doc.text[doc.seg.blocks[i].span.start..above.span.end];
                let title = analyze_standalone(text, detector);
                // What stays of a block a rule matched must be a paragraph,
                // long or of one sentence (`glued_paragraph`). A block no
                // rule matched keeps what stays whatever it is (a list of
                // links over a wiki's categories): no rule's match is
                // passed over for it.
                let paragraph = long_paragraph(&title) || (title.lines == 1 && short_paragraph(&title));
                if glued && fired && !paragraph {
                    continue;
                }
                let again = fire_block(rules, &title);
                if again.iter().any(|f| doc.firings[i].iter().any(|g| g.rule == f.rule)) {
                    continue;
                }
                Some((text.to_owned(), title, again))
            } else {
                None
            };
            // From the end of the line above (the whole block from its first).
            let from = start
                .checked_sub(1)
                .and_then(|k| lines.get(k))
                .map_or(doc.seg.blocks[i].span.start, |l| l.span.end);
            decide(&mut reports[i], Decision::Strip, DecidedBy::Rule, Some(r), vec![evidence]);
            reports[i].stripped = std::iter::once(from..end.span.end).collect();
            if let Some((text, title, firings)) = title {
                take_remainder(doc, i, text, title, firings);
            }
            cut_any = true;
        }
    }
    if cut_any {
        settle_stripped(detector, doc, reports);
    }
}

/// Whether a block's first line may be a paragraph of the story over
/// chrome ([`cut_chrome_tails`]): `PARAGRAPH_CHARS` characters (one byte
/// each or more), or, when a rule matched the block (`fired`: what stays
/// is then asked to be a paragraph), a sentence of `SHORT_PARAGRAPH_WORDS`
/// words or more (the story's short last paragraph over its copyright
/// line).
fn glued_paragraph(line: &str, fired: bool) -> bool {
    line.len() >= GLUED_PARAGRAPH_BYTES
        || (fired
            && crate::segment::ends_sentence(line)
            && line.split_whitespace().nth(SHORT_PARAGRAPH_WORDS - 1).is_some())
}

/// The fewest bytes of a block's first line that are a paragraph's length.
const GLUED_PARAGRAPH_BYTES: usize = PARAGRAPH_CHARS;

/// A `chrome-head` rule cuts the chrome over the rest of each block of a
/// few lines that no rule matched as a whole (a byline and a date over the
/// first paragraph, in one block), among the blocks of `view` down to its
/// first long paragraph. Asked at the start of every round, on what the
/// rounds before left: the page cleaned again has the same head. Whether
/// it cut a block; what remains is settled.
pub(super) fn cut_chrome_heads(
    detector: &LangDetector,
    doc: &mut Document<'_>,
    view: &[usize],
    reports: &mut [BlockReport],
) -> bool {
    let rules = doc.rules;
    let mut cut_any = false;
    let first = view.iter().position(|&i| long_paragraph(&doc.blocks[i])).unwrap_or(view.len());
    for (r, structure) in rules.structures() {
        let Structure::ChromeHead { min_items, max_items } = structure else { continue };
        for &i in view.iter().take(first + 1) {
            if !(min_items + 1..=max_items).contains(&doc.blocks[i].lines)
                || !doc.firings[i].is_empty()
                || reports[i].by != DecidedBy::Default
            {
                continue;
            }
            // A block of chrome alone is the `chrome-lines` rule's, unless
            // it is a paragraph, which that rule does not ask about: a line
            // that a rule drops in the body only, in the head, is no chrome
            // there.
            let Some((start, evidence)) = super::chrome_lines::chrome_head(doc, i, min_items)
                .filter(|_| doc.blocks[i].prose || super::chrome_lines::chrome_lines(doc, i).is_none())
            else {
                continue;
            };
            let lines = doc.seg.lines_of(&doc.seg.blocks[i]);
            let (Some(end), Some(under)) = (lines.last(), lines.get(start)) else { continue };
            // A paragraph stays one: the rules count the page's head down
            // to the body's first, and an encyclopedia's hatnotes, under
            // its tagline, are not where the body begins. And what stays
            // is cut no further: a block cut here is not cut again, so one
            // that a `strip-span` rule would cut ("(Bloomberg) -- " over
            // the story's first line) is left whole, as cleaning the output
            // again would leave it.
            let text = &doc.text[under.span.start..end.span.end];
            let rest = analyze_standalone(text, detector);
            let firings = fire_block(rules, &rest);
            if (doc.blocks[i].prose && !rest.prose)
                || firings.iter().any(|f| rules.rules()[f.rule].spec.action == Action::StripSpan)
            {
                continue;
            }
            decide(&mut reports[i], Decision::Strip, DecidedBy::Rule, Some(r), vec![evidence]);
            // The head, to the start of the first line that stays.
            reports[i].stripped = std::iter::once(doc.seg.blocks[i].span.start..under.span.start).collect();
            // What stays is analysed already: `settle_stripped` finds it so.
            let text = text.to_owned();
            take_remainder(doc, i, text, rest, firings);
            cut_any = true;
        }
    }
    if cut_any {
        settle_stripped(detector, doc, reports);
    }
    cut_any
}

/// A block cut to nothing is dropped. What remains of a cut block is
/// analysed and asked about again as the block it will be in the output: its
/// language, length and shape change, and a drop rule may now fire on it.
pub(super) fn settle_stripped(detector: &LangDetector, doc: &mut Document<'_>, reports: &mut [BlockReport]) {
    for (i, r) in reports.iter_mut().enumerate() {
        if r.decision != Decision::Strip || !r.stripped.iter().any(|c| c.start < c.end) {
            continue;
        }
        let rest = super::emit::remaining(doc.text, r);
        if rest.trim_matches(crate::segment::is_space).is_empty() {
            r.decision = Decision::Drop;
            continue;
        }
        // Analysed already, with the same cut (a chrome tail, before the rounds).
        if doc.remainders[i].as_deref() == Some(rest.as_ref()) {
            continue;
        }
        // Its language is reported from this analysis (`engine::run`).
        let b = analyze_standalone(&rest, detector);
        let firings = fire_block(doc.rules, &b);
        take_remainder(doc, i, rest.into_owned(), b, firings);
    }
}

/// Block `i` becomes what remains of it, `rest`, analysed as `b` with the
/// rules' `firings`; what was kept of the whole block is forgotten.
fn take_remainder(doc: &mut Document<'_>, i: usize, rest: String, b: Analyzed, firings: Vec<Firing>) {
    doc.firings[i] = firings;
    doc.blocks[i] = b;
    doc.remainders[i] = Some(rest);
    doc.labels.get_mut()[i] = None;
    doc.chrome_lines[i] = std::cell::OnceCell::new();
    doc.chrome_punctuation[i] = std::cell::OnceCell::new();
}
