//! The rule file format, and its strict parser.
//!
//! A rule file is TOML; its keys are kebab-case and unknown keys are errors.
//! The parser walks the spanned TOML tree by hand instead of going through
//! serde so that it can report *every* problem in a file in one run, each at
//! the value it concerns. See `README.md` for the format.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::{LineStarts, Located, Location, RuleError};

/// One rule, as written in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSpec {
    /// Kebab-case id; equals the file stem.
    pub id: Located<String>,
    /// One line: what the rule removes.
    pub description: String,
    /// Why, and what it must not remove.
    pub explanation: String,
    /// What the rule looks for.
    pub matcher: MatchSpec,
    /// Which text of a block the matcher looks at.
    pub scope: Scope,
    /// Conditions on the block.
    pub when: When,
    /// What happens when the rule fires.
    pub action: Action,
    /// The rule's own examples.
    pub tests: Tests,
    /// Where the rule's file is.
    pub path: String,
}

/// What a rule looks for.
#[derive(Debug, Clone, PartialEq)]
pub enum MatchSpec {
    /// Phrases in the matching form; at least `min_distinct` different ones.
    Phrases {
        /// The phrases, as written.
        phrases: Vec<Located<String>>,
        /// How many different phrases must occur.
        min_distinct: usize,
    },
    /// A regular expression over the matching form.
    Regex {
        /// The pattern, as written.
        pattern: Located<String>,
        /// Phrases one of which a block must hold before the regex is
        /// searched in it (empty: every block is searched). A pattern that
        /// opens with a user name or a class reads every line for it; found
        /// with the other rules' phrases, these keep it to the few blocks
        /// that may match.
        requires: Vec<Located<String>>,
    },
    /// A structural detector written in Rust.
    Structure(Structure),
}

/// Structural detectors: shapes that are not phrase lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Structure {
    /// A run of numbered items that hold nothing but their own number,
    /// numbered consecutively: the residue of a widget that rendered empty.
    EmptyNumberedList {
        /// The fewest items that make a list.
        min_items: usize,
        /// The highest number the first item may carry.
        max_start: u32,
    },
    /// A block made of short labels, one per line or separated by `|` or
    /// `·`: a navigation menu, a tag list, a list of section links.
    LabelList {
        /// The fewest labels that make a list.
        min_items: usize,
        /// The most words of a label.
        max_words: usize,
        /// The least share of the block's lines, in percent, that must be labels.
        min_percent: usize,
    },
    /// A block without a sentence, outside the body (use with `position =
    /// "head"` or `"tail"`): menus, bylines, labels and widget residue around
    /// an article. A sentence has at least `min-words` words (or 15 CJK
    /// characters) and ends with, or contains, sentence punctuation.
    NonSentence {
        /// The fewest words of a sentence.
        min_words: usize,
        /// Keep the headline: the last heading of at least two words before the body.
        keep_headline: bool,
    },
    /// A photo gallery inside a page: single-line slide titles numbered
    /// "k/N" out of the same N, each with its caption and credit.
    SlideRun {
        /// The fewest slides that make a gallery.
        min_items: usize,
    },
    /// A list of other stories: blocks in a row, each a title on a line of
    /// its own over its summary and a short note with a figure (a time, a
    /// date), unless they are the page's whole body.
    TeaserRun {
        /// The fewest teasers that make a list.
        min_items: usize,
    },
    /// A chart's axis and data labels: consecutive blocks of one short line
    /// each, numbers without a letter ("600", "$263", "’17", "6.6%").
    NumberRun {
        /// The fewest blocks that make a run.
        min_items: usize,
    },
    /// A quote box or a statistics box: blocks in a row holding nothing
    /// but fields' names, each over its figure ("Previous Close" over
    /// "182.52"), a line each.
    FieldRun {
        /// The fewest names over their figures that make a box.
        min_items: usize,
    },
    /// A one-line block that is one text said over and over ("Title Title
    /// Title"), without sentence punctuation: a link card whose image,
    /// heading and link all carry the linked story's title.
    EchoedLine {
        /// The fewest times the text occurs on the line.
        min_repeats: usize,
        /// The fewest words of the repeated text.
        min_words: usize,
    },
    /// A block of short lines each of which, taken alone, a drop rule
    /// drops, one of them a rule for anywhere: a byline, a player's label
    /// and share buttons scraped into one block under a teaser.
    ChromeLines {
        /// The fewest lines (and, with `labels`, the fewest lines a rule
        /// drops).
        min_items: usize,
        /// The most lines.
        max_items: usize,
        /// Whether short labels may stand among the lines a rule drops
        /// (no more of them than those lines and one): a page's footer,
        /// "Was this page helpful?" over "Yes", "No", "Previous" and the
        /// previous page's title.
        labels: bool,
    },
    /// The last lines of a block under its first, each of which a drop rule
    /// drops taken alone, or a short label among them: a standfirst or a
    /// title scraped into one block with its byline, date and share
    /// buttons. The lines are cut (`strip-span`) and the rest stays.
    ChromeTail {
        /// The fewest lines in the tail that a rule drops.
        min_items: usize,
        /// The most lines of the block.
        max_items: usize,
    },
    /// The first lines of a block over the rest, each of which a drop rule
    /// drops taken alone, or a line without a letter: a byline and a date,
    /// or a wiki's tagline, scraped into one block with the first
    /// paragraph. The lines are cut (`strip-span`) and the rest stays.
    ChromeHead {
        /// The fewest lines with a letter in the head that a rule drops.
        min_items: usize,
        /// The most lines of the block.
        max_items: usize,
    },
    /// The page's last block of text whose first line a `drop-rest` rule
    /// drops taken alone (a comment section's "12 Kommentare" over the
    /// comments and the form): the block is cut whole (`strip-span`).
    RestLine {
        /// The most lines of the block.
        max_items: usize,
    },
}

/// Which text of a block a matcher looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole block, lines joined by `\n`.
    Block,
    /// Every line must match.
    EachLine,
    /// At least one line must match.
    AnyLine,
}

/// Conditions a block must meet for a rule to apply.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct When {
    /// Block languages the rule applies to (primary subtags); empty for any.
    pub lang: Vec<String>,
    /// The fewest non-space characters.
    pub min_chars: Option<usize>,
    /// The most non-space characters.
    pub max_chars: Option<usize>,
    /// The fewest lines.
    pub min_lines: Option<usize>,
    /// The most lines.
    pub max_lines: Option<usize>,
    /// Where in the document.
    pub position: Position,
    /// Outside its `position`, the rule still applies to a block of at most
    /// this many non-space characters that ends no sentence (a prompt or a
    /// button on a line of its own in the middle of the story; the story's
    /// sentences about the same subject end with a full stop).
    pub inside_max_chars: Option<usize>,
}

impl When {
    /// Whether a block of `chars` non-space characters on `lines` lines is
    /// within the rule's `min-chars`, `max-chars`, `min-lines` and `max-lines`.
    pub fn fits(&self, chars: usize, lines: usize) -> bool {
        self.min_chars.is_none_or(|n| chars >= n)
            && self.max_chars.is_none_or(|n| chars <= n)
            && self.min_lines.is_none_or(|n| lines >= n)
            && self.max_lines.is_none_or(|n| lines <= n)
    }
}

/// Where in a document a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Position {
    /// Anywhere.
    #[default]
    Anywhere,
    /// Before the first body paragraph.
    Head,
    /// After the last body paragraph.
    Tail,
    /// Before the first body paragraph or after the last: head or tail.
    Outside,
    /// After the body's first two paragraphs: where a comment section or a
    /// page footer can begin, but a share bar under the standfirst cannot.
    AfterLead,
    /// After the body's first paragraph: the body and the tail, not the
    /// head, where a line that would be dropped below can be the article's
    /// first (an encyclopedia's hatnote under its title).
    AfterFirst,
    /// Among the first N blocks.
    First(usize),
    /// Among the last N blocks.
    Last(usize),
}

impl Structure {
    /// Whether the structure cuts lines out of a block before the rounds
    /// and leaves the rest (`chrome-head`, `chrome-tail`, `rest-line`): its
    /// rule's action is `strip-span`, and it finds no runs of blocks.
    pub fn cuts_lines(&self) -> bool {
        matches!(
            self,
            Structure::ChromeHead { .. } | Structure::ChromeTail { .. } | Structure::RestLine { .. }
        )
    }
}

impl Position {
    /// Whether a rule at this position acts above the body: anywhere, in
    /// the head, or outside the body.
    pub fn reaches_head(self) -> bool {
        matches!(self, Position::Anywhere | Position::Head | Position::Outside)
    }

    /// Whether the position is a region of the body's making (head, tail,
    /// outside, after the lead, after the first paragraph), known only once
    /// the body is found.
    pub fn is_regional(self) -> bool {
        matches!(
            self,
            Position::Head | Position::Tail | Position::Outside | Position::AfterLead | Position::AfterFirst
        )
    }
}

/// What a rule does when it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Drop the block.
    DropBlock,
    /// Drop the block and every block after it.
    DropRest,
    /// Drop the block (a heading) and the blocks under it, up to where the
    /// body's prose resumes: a paragraph followed by another or by a closing sentence.
    DropSection,
    /// Drop the block (a "Related" or "Read more" heading) and the block
    /// right under it when that is one short line: the title of the story
    /// the heading links to.
    DropWithLink,
    /// Cut the matched span; keep the rest of the block.
    StripSpan,
    /// Protect the block from drop rules and the language policy.
    Keep,
    /// Keep the block (a list's heading: "Ingredients", "Zutaten", "材料")
    /// and, when it stands above the body's first paragraph over a list of
    /// quantities ("500 g Mehl", "豚バラ肉 200g"), open the body at it.
    OpenBody,
}

impl Action {
    /// Every action, in the order rule files and messages list them.
    pub const ALL: [Action; 7] = [
        Action::DropBlock,
        Action::DropRest,
        Action::DropSection,
        Action::DropWithLink,
        Action::StripSpan,
        Action::Keep,
        Action::OpenBody,
    ];

    /// Whether the action keeps its block: `keep` and `open-body`.
    pub fn keeps(self) -> bool {
        matches!(self, Action::Keep | Action::OpenBody)
    }

    /// Whether the action drops blocks after the one it fired on.
    pub fn drops_after(self) -> bool {
        self.reach() > 0
    }

    /// How far past its block the action drops: drop-rest furthest, then
    /// drop-section, then drop-with-link; 0 for the others. Of several such
    /// rules firing on one block, the one that reaches furthest decides.
    pub fn reach(self) -> u8 {
        match self {
            Action::DropRest => 3,
            Action::DropSection => 2,
            Action::DropWithLink => 1,
            Action::DropBlock | Action::StripSpan | Action::Keep | Action::OpenBody => 0,
        }
    }

    /// The name used in rule files.
    pub const fn name(self) -> &'static str {
        match self {
            Action::DropBlock => "drop-block",
            Action::DropRest => "drop-rest",
            Action::DropSection => "drop-section",
            Action::DropWithLink => "drop-with-link",
            Action::StripSpan => "strip-span",
            Action::Keep => "keep",
            Action::OpenBody => "open-body",
        }
    }
}

/// A rule's examples.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tests {
    /// Texts the rule must fire on.
    pub drop: Vec<Located<String>>,
    /// Texts the rule must leave alone.
    pub keep: Vec<Located<String>>,
    /// Whole documents and the output the whole rule set must give.
    pub docs: Vec<DocTest>,
}

/// A whole-document example.
#[derive(Debug, Clone, PartialEq)]
pub struct DocTest {
    /// The document.
    pub input: String,
    /// What `clean` must print for it.
    pub output: String,
    /// The language policy to run it with; empty for `any`.
    pub lang: Vec<String>,
    /// Where the example is.
    pub at: Location,
}

/// Parses one rule file; `path` is used in messages and must end in `STEM.toml`.
pub fn parse_rule(path: &str, source: &str) -> Result<RuleSpec, Vec<RuleError>> {
    let (root, mut syntax) = DeTable::parse_recoverable(source);
    let mut w = Walker { path, source, lines: LineStarts::new(source), errors: Vec::new(), rule: None };
    if !syntax.is_empty() {
        // Only the first: the parser's recovery reports knock-on errors after it.
        for e in syntax.drain(..).take(1) {
            let span = e.span().unwrap_or(0..0);
            w.error(
                &span,
                format!("TOML syntax: {}", e.message().trim()),
                "fix the TOML syntax at this point",
            );
        }
        return Err(w.errors);
    }
    let root_span = root.span();
    let root = root.get_ref();
    let spec = w.rule(root, &root_span);
    match spec {
        Some(spec) if w.errors.is_empty() => Ok(spec),
        _ => Err(w.errors),
    }
}

const TOP_KEYS: &[&str] = &["id", "description", "explanation", "match", "when", "action", "tests"];
/// The `[match]` keys besides the structure keys.
const MATCH_OWN_KEYS: &[&str] = &["phrases", "min-distinct", "regex", "requires", "structure", "scope"];
/// The `[match]` keys that configure structure rules.
const STRUCTURE_KEYS: &[&str] = &[
    "min-items",
    "max-items",
    "max-start",
    "max-words",
    "min-percent",
    "min-words",
    "keep-headline",
    "min-repeats",
    "labels",
];

/// Every `[match]` key: its own, then the structure keys.
fn match_keys() -> Vec<&'static str> {
    [MATCH_OWN_KEYS, STRUCTURE_KEYS].concat()
}

/// The structure keys that `kind` does not take.
fn keys_besides(kind: &[&str]) -> Vec<&'static str> {
    STRUCTURE_KEYS.iter().copied().filter(|k| !kind.contains(k)).collect()
}
const WHEN_KEYS: &[&str] =
    &["lang", "min-chars", "max-chars", "min-lines", "max-lines", "position", "inside-max-chars"];
const ACTION_KEYS: &[&str] = &["kind"];
const TESTS_KEYS: &[&str] = &["drop", "keep", "doc"];
const DOC_KEYS: &[&str] = &["input", "output", "lang"];
const ACTIONS: [&str; Action::ALL.len()] = {
    let mut names = [""; Action::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = Action::ALL[i].name();
        i += 1;
    }
    names
};
const SCOPES: &[&str] = &["block", "each-line", "any-line"];
const STRUCTURES: &[&str] = &[
    "chrome-head",
    "chrome-lines",
    "chrome-tail",
    "echoed-line",
    "empty-numbered-list",
    "field-run",
    "label-list",
    "non-sentence",
    "number-run",
    "rest-line",
    "slide-run",
    "teaser-run",
];

struct Walker<'a> {
    path: &'a str,
    source: &'a str,
    lines: LineStarts,
    errors: Vec<RuleError>,
    rule: Option<String>,
}

type Value<'i> = Spanned<DeValue<'i>>;

impl<'a> Walker<'a> {
    fn rule(&mut self, root: &DeTable<'_>, root_span: &Range<usize>) -> Option<RuleSpec> {
        let id = self.id(root, root_span);
        self.keys(root, TOP_KEYS, "the top level");
        let description = self.req_str(root, "description", root_span, "top level");
        let explanation = self.req_str(root, "explanation", root_span, "top level");
        if let Some(d) = &description
            && d.value.contains('\n')
        {
            self.error_at(
                &d.at,
                "`description` must be one line".into(),
                "move the detail into `explanation`",
            );
        }
        let match_t = self.req_table(root, "match", root_span);
        let when_t = self.opt_table(root, "when");
        let action_t = self.req_table(root, "action", root_span);
        let tests_t = self.req_table(root, "tests", root_span);

        let (matcher, scope) = match match_t {
            Some((t, span)) => self.matcher(t, &span)?,
            None => return None,
        };
        let when = match when_t {
            Some((t, _)) => self.when(t, &matcher),
            None => When::default(),
        };
        let action = match action_t {
            Some((t, span)) => self.action(t, &span, &matcher),
            None => None,
        };
        let tests = match tests_t {
            Some((t, span)) => self.tests(t, &span),
            None => None,
        };
        let spec = RuleSpec {
            id: id?,
            description: description?.value,
            explanation: explanation?.value,
            matcher,
            scope,
            when,
            action: action?,
            tests: tests?,
            path: self.path.to_owned(),
        };
        Some(spec)
    }

    fn id(&mut self, root: &DeTable<'_>, root_span: &Range<usize>) -> Option<Located<String>> {
        let id = self.req_str(root, "id", root_span, "top level")?;
        let stem = std::path::Path::new(self.path).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        self.rule = Some(id.value.clone());
        if !is_kebab(&id.value) {
            self.error_at(
                &id.at,
                format!("id `{}` is not kebab-case", id.value),
                "use lowercase ASCII letters, digits and single hyphens, e.g. `zh-investment-disclaimer`",
            );
        } else if id.value != stem {
            self.error_at(
                &id.at,
                format!("id `{}` does not match the file name `{stem}.toml`", id.value),
                &format!("rename the file to `{}.toml` or set `id = \"{stem}\"`", id.value),
            );
        }
        Some(id)
    }

    fn matcher(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Option<(MatchSpec, Scope)> {
        self.keys(t, &match_keys(), "[match]");
        let phrases = t.get("phrases");
        let regex = t.get("regex");
        let structure = t.get("structure");
        let given = [phrases, regex, structure].iter().filter(|v| v.is_some()).count();
        if given != 1 {
            let at =
                [phrases, regex, structure].into_iter().flatten().nth(1).map_or(span.clone(), |v| v.span());
            self.error(
                &at,
                if given == 0 {
                    "[match] needs one of `phrases`, `regex` or `structure`".into()
                } else {
                    "[match] takes only one of `phrases`, `regex` or `structure`".into()
                },
                "split the rule in two if it needs both",
            );
            return None;
        }
        let scope = match self.opt_enum(t, "scope", SCOPES)? {
            None | Some("block") => Scope::Block,
            Some("each-line") => Scope::EachLine,
            _ => Scope::AnyLine,
        };
        let only = |w: &mut Self, keys: &[&str], kind: &str| {
            for key in keys {
                if let Some((k, _)) = t.get_key_value(*key) {
                    w.error(&k.span(), format!("`{key}` has no effect with `{kind}`"), "remove it");
                }
            }
        };
        if let Some(v) = phrases {
            only(self, &[&["requires"][..], STRUCTURE_KEYS].concat(), "phrases");
            let list = self.phrase_list(v, "phrases", "list at least one phrase")?;
            if list.is_empty() {
                return None;
            }
            let min_distinct = self.opt_uint(t, "min-distinct")?.unwrap_or(1);
            if min_distinct == 0 || min_distinct > list.len() {
                let at = t.get("min-distinct").map_or(v.span(), |v| v.span());
                self.error(
                    &at,
                    format!("`min-distinct` is {min_distinct} but there are {} phrases", list.len()),
                    "use a number from 1 to the number of phrases",
                );
            }
            return Some((MatchSpec::Phrases { phrases: list, min_distinct }, scope));
        }
        if let Some(v) = regex {
            only(self, &[&["min-distinct"][..], STRUCTURE_KEYS].concat(), "regex");
            let pattern = self.as_str(v, "regex")?;
            let requires = match t.get("requires") {
                Some(r) => self.phrase_list(r, "requires", "list a phrase, or remove it")?,
                None => Vec::new(),
            };
            return Some((MatchSpec::Regex { pattern, requires }, scope));
        }
        only(self, &["min-distinct", "requires", "scope"], "structure");
        let kind = self.opt_enum(t, "structure", STRUCTURES)??;
        let min_items = self.opt_uint(t, "min-items")?;
        let structure = match kind {
            "empty-numbered-list" => {
                only(self, &keys_besides(&["min-items", "max-start"]), kind);
                let max_start = self.opt_uint(t, "max-start")?.unwrap_or(1);
                Structure::EmptyNumberedList {
                    min_items: min_items.unwrap_or(3).max(1),
                    max_start: max_start.min(u32::MAX as usize) as u32,
                }
            }
            "label-list" => {
                only(self, &keys_besides(&["min-items", "max-words", "min-percent"]), kind);
                let min_percent = self.opt_uint(t, "min-percent")?.unwrap_or(80);
                if min_percent > 100 {
                    let at = t.get("min-percent").map_or(span.clone(), |v| v.span());
                    self.error(&at, format!("`min-percent` is {min_percent}"), "use a number from 0 to 100");
                }
                Structure::LabelList {
                    min_items: min_items.unwrap_or(4).max(1),
                    max_words: self.opt_uint(t, "max-words")?.unwrap_or(4).max(1),
                    min_percent,
                }
            }
            "non-sentence" => {
                only(self, &keys_besides(&["min-words", "keep-headline"]), kind);
                Structure::NonSentence {
                    min_words: self.opt_uint(t, "min-words")?.unwrap_or(6).max(1),
                    keep_headline: self.opt_bool(t, "keep-headline", true),
                }
            }
            "slide-run" => {
                only(self, &keys_besides(&["min-items"]), kind);
                Structure::SlideRun { min_items: min_items.unwrap_or(3).max(2) }
            }
            "teaser-run" => {
                only(self, &keys_besides(&["min-items"]), kind);
                Structure::TeaserRun { min_items: min_items.unwrap_or(2).max(2) }
            }
            "number-run" => {
                only(self, &keys_besides(&["min-items"]), kind);
                Structure::NumberRun { min_items: min_items.unwrap_or(4).max(2) }
            }
            "field-run" => {
                only(self, &keys_besides(&["min-items"]), kind);
                Structure::FieldRun { min_items: min_items.unwrap_or(3).max(2) }
            }
            "chrome-lines" => {
                only(self, &keys_besides(&["min-items", "max-items", "labels"]), kind);
                let min_items = min_items.unwrap_or(2).max(2);
                Structure::ChromeLines {
                    min_items,
                    max_items: self.opt_uint(t, "max-items")?.unwrap_or(8).max(min_items),
                    labels: self.opt_bool(t, "labels", false),
                }
            }
            "chrome-tail" | "chrome-head" => {
                only(self, &keys_besides(&["min-items", "max-items"]), kind);
                // A tail needs two lines a rule drops; a head, one.
                let tail = kind == "chrome-tail";
                let fewest = if tail { 2 } else { 1 };
                let min_items = min_items.unwrap_or(fewest).max(fewest);
                let max_items = self.opt_uint(t, "max-items")?.unwrap_or(16).max(min_items + 1);
                if tail {
                    Structure::ChromeTail { min_items, max_items }
                } else {
                    Structure::ChromeHead { min_items, max_items }
                }
            }
            "rest-line" => {
                only(self, &keys_besides(&["max-items"]), kind);
                Structure::RestLine { max_items: self.opt_uint(t, "max-items")?.unwrap_or(40).max(2) }
            }
            "echoed-line" => {
                only(self, &keys_besides(&["min-repeats", "min-words"]), kind);
                Structure::EchoedLine {
                    min_repeats: self.opt_uint(t, "min-repeats")?.unwrap_or(3).max(2),
                    min_words: self.opt_uint(t, "min-words")?.unwrap_or(3).max(1),
                }
            }
            // `opt_enum` let only `STRUCTURES` through; a name listed there
            // without an arm above lands here.
            other => {
                let help = format!("use one of: {}", STRUCTURES.join(", "));
                self.error(span, format!("unknown structure `{other}`"), &help);
                return None;
            }
        };
        Some((MatchSpec::Structure(structure), Scope::Block))
    }

    fn when(&mut self, t: &DeTable<'_>, matcher: &MatchSpec) -> When {
        self.keys(t, WHEN_KEYS, "[when]");
        let mut when = When::default();
        if let Some(v) = t.get("lang") {
            when.lang = self.lang_list(v).unwrap_or_default();
        }
        when.min_chars = self.opt_uint(t, "min-chars").flatten();
        when.max_chars = self.opt_uint(t, "max-chars").flatten();
        when.min_lines = self.opt_uint(t, "min-lines").flatten();
        when.max_lines = self.opt_uint(t, "max-lines").flatten();
        for (what, min, max) in
            [("chars", when.min_chars, when.max_chars), ("lines", when.min_lines, when.max_lines)]
        {
            if let (Some(min), Some(max)) = (min, max)
                && min > max
                && let Some(v) = t.get(format!("max-{what}").as_str())
            {
                self.error(
                    &v.span(),
                    format!("`max-{what}` {max} is less than `min-{what}` {min}"),
                    "swap them",
                );
            }
        }
        if let Some(v) = t.get("position") {
            when.position = self.position(v).unwrap_or_default();
        }
        when.inside_max_chars = self.opt_uint(t, "inside-max-chars").flatten();
        if let Some((k, _)) = t.get_key_value("inside-max-chars")
            && !when.position.is_regional()
        {
            self.error(
                &k.span(),
                "`inside-max-chars` needs a `position` of head, tail, outside, after-lead or after-first"
                    .into(),
                "it widens a rule kept to a region; a rule without one applies everywhere already",
            );
        }
        if matches!(matcher, MatchSpec::Structure(_)) {
            for &key in WHEN_KEYS.iter().filter(|&&k| k != "position") {
                if let Some((k, _)) = t.get_key_value(key) {
                    self.error(
                        &k.span(),
                        format!("`{key}` has no effect on a structure rule"),
                        "structure rules look at runs of blocks; only `position` applies",
                    );
                }
            }
        }
        when
    }

    fn position(&mut self, v: &Value<'_>) -> Option<Position> {
        let help = "use \"head\", \"tail\", \"outside\", \"after-lead\", \"after-first\", \"anywhere\", { first = N } or { last = N }";
        match v.get_ref() {
            DeValue::String(s) => match s.as_ref() {
                "head" => Some(Position::Head),
                "tail" => Some(Position::Tail),
                "outside" => Some(Position::Outside),
                "after-lead" => Some(Position::AfterLead),
                "after-first" => Some(Position::AfterFirst),
                "anywhere" => Some(Position::Anywhere),
                other => {
                    self.error(&v.span(), format!("unknown position `{other}`"), help);
                    None
                }
            },
            DeValue::Table(t) => {
                self.keys(t, &["first", "last"], "position");
                let first = self.opt_uint(t, "first")?;
                let last = self.opt_uint(t, "last")?;
                match (first, last) {
                    (Some(n), None) => Some(Position::First(n)),
                    (None, Some(n)) => Some(Position::Last(n)),
                    _ => {
                        self.error(&v.span(), "position takes exactly one of `first` or `last`".into(), help);
                        None
                    }
                }
            }
            _ => {
                self.error(&v.span(), "`position` must be a string or a table".into(), help);
                None
            }
        }
    }

    fn action(&mut self, t: &DeTable<'_>, span: &Range<usize>, matcher: &MatchSpec) -> Option<Action> {
        self.keys(t, ACTION_KEYS, "[action]");
        let Some(kind) = self.opt_enum(t, "kind", &ACTIONS)? else {
            let help = format!("add `kind = \"{}\"` (or {})", ACTIONS[0], ACTIONS[1..].join(", "));
            self.error(span, "[action] needs `kind`".into(), &help);
            return None;
        };
        // `opt_enum` let only the names of `Action::ALL` through.
        let action = Action::ALL.into_iter().find(|a| a.name() == kind).unwrap_or(Action::Keep);
        let at = t.get("kind").map(|v| v.span()).unwrap_or(span.clone());
        match (action, matcher) {
            (Action::StripSpan, MatchSpec::Regex { .. }) => {}
            (Action::StripSpan, MatchSpec::Structure(s)) if s.cuts_lines() => {}
            (_, MatchSpec::Structure(s)) if s.cuts_lines() => {
                self.error(
                    &at,
                    "`chrome-head`, `chrome-tail` and `rest-line` cut lines".into(),
                    "use `kind = \"strip-span\"`",
                );
            }
            (Action::StripSpan, _) => {
                self.error(
                    &at,
                    "`strip-span` needs a `regex` matcher".into(),
                    "write the span to cut as `regex` in [match]",
                );
            }
            (Action::DropBlock, MatchSpec::Structure(_))
            | (_, MatchSpec::Phrases { .. } | MatchSpec::Regex { .. }) => {}
            (_, MatchSpec::Structure(_)) => {
                self.error(&at, "structure rules only drop blocks".into(), "use `kind = \"drop-block\"`");
            }
        }
        Some(action)
    }

    fn tests(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Option<Tests> {
        self.keys(t, TESTS_KEYS, "[tests]");
        let mut tests = Tests::default();
        for (key, list) in [("drop", &mut tests.drop), ("keep", &mut tests.keep)] {
            match t.get(key) {
                Some(v) => {
                    *list = self.str_list(v, key).unwrap_or_default();
                    if list.is_empty() {
                        self.error(
                            &v.span(),
                            format!("`tests.{key}` is empty"),
                            &format!("give at least one example the rule must {key}"),
                        );
                    }
                }
                None => self.error(
                    span,
                    format!("[tests] has no `{key}` list"),
                    &format!("add `{key} = [\"…\"]` with examples the rule must {key}, near-misses included"),
                ),
            }
        }
        if let Some(v) = t.get("doc") {
            let DeValue::Array(items) = v.get_ref() else {
                self.error(
                    &v.span(),
                    "`tests.doc` must be an array of tables".into(),
                    "write each as [[tests.doc]]",
                );
                return None;
            };
            for item in items.iter() {
                let DeValue::Table(d) = item.get_ref() else {
                    self.error(
                        &item.span(),
                        "each `tests.doc` must be a table".into(),
                        "write each as [[tests.doc]] with `input` and `output`",
                    );
                    continue;
                };
                self.keys(d, DOC_KEYS, "[[tests.doc]]");
                let input = self.req_str(d, "input", &item.span(), "[[tests.doc]]");
                let output = self.req_str(d, "output", &item.span(), "[[tests.doc]]");
                let lang = d.get("lang").and_then(|v| self.lang_list(v)).unwrap_or_default();
                if let (Some(input), Some(output)) = (input, output) {
                    tests.docs.push(DocTest { input: input.value, output: output.value, lang, at: input.at });
                }
            }
        }
        Some(tests)
    }

    // ---- generic helpers ----

    fn keys(&mut self, t: &DeTable<'_>, allowed: &[&str], table: &str) {
        for (k, _) in t.iter() {
            let key: &str = k.get_ref();
            if allowed.contains(&key) {
                continue;
            }
            let help = match closest(key, allowed) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("{table} takes: {}", allowed.join(", ")),
            };
            self.error(&k.span(), format!("unknown key `{key}` in {table}"), &help);
        }
    }

    fn req_str(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        span: &Range<usize>,
        table: &str,
    ) -> Option<Located<String>> {
        match t.get(key) {
            Some(v) => self.as_str(v, key),
            None => {
                self.error(span, format!("missing `{key}` in {table}"), &format!("add `{key} = \"…\"`"));
                None
            }
        }
    }

    fn req_table<'t, 'i>(
        &mut self,
        t: &'t DeTable<'i>,
        key: &str,
        span: &Range<usize>,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let found = self.opt_table(t, key);
        if found.is_none() && t.get(key).is_none() {
            self.error(
                span,
                format!("missing table [{key}]"),
                &format!("add a [{key}] table; see the rule format in README.md"),
            );
        }
        found
    }

    fn opt_table<'t, 'i>(
        &mut self,
        t: &'t DeTable<'i>,
        key: &str,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let v = t.get(key)?;
        match v.get_ref() {
            DeValue::Table(inner) => {
                let span = t.get_key_value(key).map_or(v.span(), |(k, _)| k.span());
                Some((inner, span))
            }
            _ => {
                self.error(&v.span(), format!("`{key}` must be a table"), &format!("write it as [{key}]"));
                None
            }
        }
    }

    fn as_str(&mut self, v: &Value<'_>, key: &str) -> Option<Located<String>> {
        match v.get_ref() {
            DeValue::String(s) => Some(Located { value: s.to_string(), at: self.loc(&v.span()) }),
            _ => {
                self.error(&v.span(), format!("`{key}` must be a string"), "quote it");
                None
            }
        }
    }

    /// A list of phrases under `key`: an empty list, or a phrase that
    /// normalises to nothing, is reported (`help` says what to do with an
    /// empty list).
    fn phrase_list(&mut self, v: &Value<'_>, key: &str, help: &str) -> Option<Vec<Located<String>>> {
        let list = self.str_list(v, key)?;
        if list.is_empty() {
            self.error(&v.span(), format!("`{key}` is empty"), help);
        }
        for p in &list {
            if crate::normalize::normalize(&p.value).is_empty() {
                self.error_at(&p.at, "phrase is empty once normalised".into(), "remove it");
            }
        }
        Some(list)
    }

    fn str_list(&mut self, v: &Value<'_>, key: &str) -> Option<Vec<Located<String>>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.error(
                &v.span(),
                format!("`{key}` must be an array of strings"),
                "write it as [\"…\", \"…\"]",
            );
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            out.extend(self.as_str(item, key));
        }
        Some(out)
    }

    fn opt_uint(&mut self, t: &DeTable<'_>, key: &str) -> Option<Option<usize>> {
        let Some(v) = t.get(key) else {
            return Some(None);
        };
        if let DeValue::Integer(i) = v.get_ref()
            && let Ok(n) = i64::from_str_radix(i.as_str(), i.radix())
            && n >= 0
        {
            return Some(Some(n as usize));
        }
        self.error(
            &v.span(),
            format!("`{key}` must be a whole number, 0 or more"),
            "write it without quotes, e.g. 3",
        );
        None
    }

    /// The boolean at `key`, `default` when it is absent (or, reported,
    /// when it is not a boolean).
    fn opt_bool(&mut self, t: &DeTable<'_>, key: &str, default: bool) -> bool {
        let Some(v) = t.get(key) else {
            return default;
        };
        if let DeValue::Boolean(b) = v.get_ref() {
            return *b;
        }
        self.error(&v.span(), format!("`{key}` must be true or false"), "write it without quotes");
        default
    }

    fn opt_enum(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        allowed: &[&'static str],
    ) -> Option<Option<&'static str>> {
        let Some(v) = t.get(key) else {
            return Some(None);
        };
        let s = self.as_str(v, key)?;
        match allowed.iter().find(|a| **a == s.value) {
            Some(a) => Some(Some(a)),
            None => {
                self.error(
                    &v.span(),
                    format!("unknown {key} `{}`", s.value),
                    &format!("use one of: {}", allowed.join(", ")),
                );
                None
            }
        }
    }

    fn lang_list(&mut self, v: &Value<'_>) -> Option<Vec<String>> {
        let codes: Vec<Located<String>> = match v.get_ref() {
            DeValue::String(s) if s == "any" => return Some(Vec::new()),
            DeValue::String(_) => vec![self.as_str(v, "lang")?],
            _ => self.str_list(v, "lang")?,
        };
        let mut out = Vec::new();
        for code in codes {
            let primary = crate::lang::primary(&code.value);
            if crate::lang::is_known_code(primary) {
                out.push(primary.to_owned());
            } else {
                self.error_at(
                    &code.at,
                    format!("unknown language code `{}`", code.value),
                    "use ISO 639-1 codes such as \"en\", \"zh\", \"ja\", \"ko\", or \"any\"",
                );
            }
        }
        Some(out)
    }

    fn loc(&self, span: &Range<usize>) -> Location {
        self.lines.locate(self.path, self.source, span.start)
    }

    fn error(&mut self, span: &Range<usize>, message: String, help: &str) {
        let at = self.loc(span);
        self.error_at(&at, message, help);
    }

    fn error_at(&mut self, at: &Location, message: String, help: &str) {
        self.errors.push(RuleError {
            at: at.clone(),
            rule: self.rule.clone(),
            message,
            help: help.to_owned(),
        });
    }
}

/// Whether `s` is a kebab-case id: `a-z0-9` words joined by single hyphens.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The allowed key nearest to `key`, if it is a plausible typo.
fn closest<'k>(key: &str, allowed: &[&'k str]) -> Option<&'k str> {
    let canon = |s: &str| s.to_ascii_lowercase().replace('_', "-");
    allowed.iter().map(|a| (edit_distance(&canon(key), a), *a)).filter(|(d, _)| *d <= 2).min().map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(cur) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
id = "demo"
description = "A demo"
explanation = "Why."

[match]
phrases = ["免責聲明", "投資有風險"]
min-distinct = 2

[when]
lang = ["zh"]
max-chars = 600
position = { last = 8 }

[action]
kind = "drop-block"

[tests]
drop = ["免責聲明：投資有風險"]
keep = ["投資有風險"]

[[tests.doc]]
input = "a"
output = "a"
"#;

    #[test]
    fn parses_a_full_rule() {
        let spec = parse_rule("rules/x/demo.toml", GOOD).map_err(|e| format!("{e:?}"));
        let Ok(spec) = spec else { panic!("{spec:?}") };
        assert_eq!(spec.id.value, "demo");
        assert_eq!(spec.when.lang, ["zh"]);
        assert_eq!(spec.when.position, Position::Last(8));
        assert_eq!(spec.action, Action::DropBlock);
        assert_eq!(spec.tests.docs.len(), 1);
        assert!(matches!(spec.matcher, MatchSpec::Phrases { min_distinct: 2, .. }));
    }

    fn errors(path: &str, src: &str) -> Vec<String> {
        match parse_rule(path, src) {
            Ok(_) => Vec::new(),
            Err(e) => e.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn reports_every_problem_at_its_value() {
        let src = GOOD
            .replace("min-distinct = 2", "min_distinct = 2")
            .replace("max-chars = 600", "max-chars = \"600\"")
            .replace("kind = \"drop-block\"", "kind = \"drop\"");
        let errs = errors("rules/x/demo.toml", &src);
        assert_eq!(errs.len(), 3, "{errs:#?}");
        assert_eq!(
            errs[0],
            "rules/x/demo.toml:8:1: unknown key `min_distinct` in [match] (rule `demo`)\n  help: did you mean `min-distinct`?"
        );
        assert!(
            errs[1].starts_with("rules/x/demo.toml:12:13: `max-chars` must be a whole number"),
            "{}",
            errs[1]
        );
        assert!(errs[2].starts_with("rules/x/demo.toml:16:8: unknown kind `drop`"), "{}", errs[2]);
    }

    #[test]
    fn structure_keys_belong_to_their_structure() {
        let rule = |keys: &str| {
            format!(
                "id = \"demo\"\ndescription = \"d\"\nexplanation = \"e\"\n[match]\n{keys}\n[action]\nkind = \"drop-block\"\n[tests]\ndrop = [\"a\"]\nkeep = [\"b\"]\n"
            )
        };
        let spec = parse_rule("rules/x/demo.toml", &rule("structure = \"echoed-line\"\nmin-repeats = 1"));
        let Ok(spec) = spec.map_err(|e| format!("{e:?}")) else { panic!("echoed-line did not parse") };
        // Fewer than two repeats is no echo.
        assert_eq!(
            spec.matcher,
            MatchSpec::Structure(Structure::EchoedLine { min_repeats: 2, min_words: 3 })
        );
        let errs = errors("rules/x/demo.toml", &rule("structure = \"label-list\"\nmin-repeats = 3"));
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(errs[0].contains("`min-repeats`"), "{}", errs[0]);
    }

    #[test]
    fn inside_max_chars_needs_a_region() {
        let with = |position: &str| {
            GOOD.replace("position = { last = 8 }", &format!("position = {position}\ninside-max-chars = 80"))
        };
        let spec = parse_rule("rules/x/demo.toml", &with("\"outside\"")).map_err(|e| format!("{e:?}"));
        let Ok(spec) = spec else { panic!("{spec:?}") };
        assert_eq!(spec.when.inside_max_chars, Some(80));
        let errs = errors("rules/x/demo.toml", &with("\"anywhere\""));
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(
            errs[0].starts_with("rules/x/demo.toml:14:1: `inside-max-chars` needs a `position`"),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn id_must_match_the_file() {
        let errs = errors("rules/x/other.toml", GOOD);
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0]
                .starts_with("rules/x/other.toml:2:6: id `demo` does not match the file name `other.toml`"),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let errs = errors("r/demo.toml", "id = \"demo\"\ndescription = \n");
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].starts_with("r/demo.toml:2:"), "{}", errs[0]);
        assert!(errs[0].contains("TOML syntax"), "{}", errs[0]);
    }

    #[test]
    fn missing_examples_are_errors() {
        let src = GOOD.replace("keep = [\"投資有風險\"]\n", "");
        let errs = errors("rules/x/demo.toml", &src);
        assert_eq!(errs.len(), 1);
        assert!(errs[0].contains("[tests] has no `keep` list"), "{}", errs[0]);
    }

    #[test]
    fn kebab() {
        assert!(is_kebab("zh-investment-disclaimer"));
        assert!(!is_kebab("Zh_x"));
        assert!(!is_kebab("a--b"));
        assert_eq!(closest("min_distinct", &match_keys()), Some("min-distinct"));
        assert_eq!(closest("zzz", &match_keys()), None);
    }
}
