//! `thresh rules list | show ID | test [DIR…]`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use thresh::check::check;
use thresh::rules::source::load_specs;
use thresh::rules::spec::{MatchSpec, Position, RuleSpec, Scope, Structure};

use super::{EXIT_FAILED, EXIT_RULES, EXIT_USAGE};

#[derive(Subcommand)]
pub enum RulesCommand {
    /// List the loaded rules.
    List(RuleArgs),
    /// Show one rule: what it removes, why, how it matches, and its examples.
    Show {
        /// The rule's id.
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run every example of every rule; exit 1 if any fails.
    Test {
        /// Test the rules in these folders (loaded on top of the built-in rules).
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(Args)]
pub struct RuleArgs {
    /// Add the rule files in DIR.
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    no_default_rules: bool,
}

impl RuleArgs {
    fn load(&self, extra: &[PathBuf]) -> Result<Vec<RuleSpec>, ExitCode> {
        let dirs: Vec<PathBuf> = self.rule_dirs.iter().chain(extra).cloned().collect();
        load_specs(!self.no_default_rules, &dirs).map_err(|e| {
            eprintln!("{e}");
            ExitCode::from(EXIT_RULES)
        })
    }
}

pub fn run(cmd: &RulesCommand, out: &mut impl Write) -> io::Result<ExitCode> {
    match cmd {
        RulesCommand::List(args) => {
            let specs = match args.load(&[]) {
                Ok(s) => s,
                Err(code) => return Ok(code),
            };
            let width = specs.iter().map(|s| s.id.value.len()).max().unwrap_or(0);
            for s in &specs {
                writeln!(out, "{:width$}  {:10}  {}", s.id.value, s.action.name(), s.description)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Show { id, rules } => {
            let specs = match rules.load(&[]) {
                Ok(s) => s,
                Err(code) => return Ok(code),
            };
            match specs.iter().find(|s| &s.id.value == id) {
                Some(spec) => {
                    show(spec, out)?;
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!("thresh: no rule with id `{id}` (see `thresh rules list`)");
                    Ok(ExitCode::from(EXIT_USAGE))
                }
            }
        }
        RulesCommand::Test { dirs, rules } => test(dirs, rules, out),
    }
}

fn show(s: &RuleSpec, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}\n  {}\n  file: {}\n", s.id.value, s.description, s.path)?;
    for line in s.explanation.trim().lines() {
        writeln!(out, "  {line}")?;
    }
    writeln!(out)?;
    let scope = match s.scope {
        Scope::Block => "the whole block",
        Scope::EachLine => "every line",
        Scope::AnyLine => "any line",
    };
    match &s.matcher {
        MatchSpec::Phrases { phrases, min_distinct } => {
            let p: Vec<&str> = phrases.iter().map(|p| p.value.as_str()).collect();
            writeln!(out, "  match: at least {min_distinct} of these phrases in {scope}: {}", p.join(" | "))?;
        }
        MatchSpec::Regex { pattern, requires } => {
            writeln!(out, "  match: regex in {scope}: {}", pattern.value)?;
            if !requires.is_empty() {
                let list: Vec<&str> = requires.iter().map(|p| p.value.as_str()).collect();
                writeln!(out, "  searched only in blocks holding one of: {}", list.join(" | "))?;
            }
        }
        MatchSpec::Structure(Structure::EmptyNumberedList { min_items, max_start }) => writeln!(
            out,
            "  match: empty-numbered-list: {min_items}+ consecutive items holding only their number, first at most {max_start}"
        )?,
        MatchSpec::Structure(Structure::NonSentence { min_words, keep_headline }) => writeln!(
            out,
            "  match: non-sentence: blocks without a sentence of {min_words}+ words{}",
            if *keep_headline { ", except the headline" } else { "" }
        )?,
        MatchSpec::Structure(Structure::SlideRun { min_items }) => writeln!(
            out,
            "  match: slide-run: {min_items}+ slides numbered k/N, with their captions and credits"
        )?,
        MatchSpec::Structure(Structure::TeaserRun { min_items }) => writeln!(
            out,
            "  match: teaser-run: {min_items}+ blocks in a row, each a title over its summary and a note with a figure"
        )?,
        MatchSpec::Structure(Structure::NumberRun { min_items }) => writeln!(
            out,
            "  match: number-run: {min_items}+ consecutive one-line blocks of numbers without a letter"
        )?,
        MatchSpec::Structure(Structure::FieldRun { min_items }) => writeln!(
            out,
            "  match: field-run: blocks in a row of fields' names and figures, a line each, {min_items}+ names over their figures"
        )?,
        MatchSpec::Structure(Structure::EchoedLine { min_repeats, min_words }) => writeln!(
            out,
            "  match: echoed-line: a one-line block, one text of {min_words}+ words said {min_repeats}+ times over"
        )?,
        MatchSpec::Structure(Structure::ChromeLines { min_items, max_items, labels: false }) => writeln!(
            out,
            "  match: chrome-lines: a block of {min_items} to {max_items} short lines, each dropped by a rule when alone, one of them a rule for anywhere"
        )?,
        MatchSpec::Structure(Structure::ChromeLines { min_items, max_items, labels: true }) => writeln!(
            out,
            "  match: chrome-lines: a block of {min_items} to {max_items} short lines, {min_items}+ of them dropped by a rule when alone (one a rule for anywhere), the others short labels, no more of them than those lines and one"
        )?,
        MatchSpec::Structure(Structure::ChromeTail { min_items, max_items }) => writeln!(
            out,
            "  match: chrome-tail: the last lines of a block of at most {max_items} lines, under its first, {min_items}+ of them dropped by a rule when alone and the rest short labels"
        )?,
        MatchSpec::Structure(Structure::ChromeHead { min_items, max_items }) => writeln!(
            out,
            "  match: chrome-head: the first lines of a block of at most {max_items} lines, over text, {min_items}+ of them dropped by a rule when alone and the rest without a letter"
        )?,
        MatchSpec::Structure(Structure::RestLine { max_items }) => writeln!(
            out,
            "  match: rest-line: the page's last block of text, of at most {max_items} lines, whose first line a drop-rest rule drops when alone"
        )?,
        MatchSpec::Structure(Structure::LabelList { min_items, max_words, min_percent }) => writeln!(
            out,
            "  match: label-list: {min_items}+ labels of at most {max_words} words, making up {min_percent}%+ of the lines"
        )?,
    }
    let w = &s.when;
    let mut when = Vec::new();
    if !w.lang.is_empty() {
        when.push(format!("lang {}", w.lang.join(",")));
    }
    if let Some(n) = w.min_chars {
        when.push(format!("at least {n} chars"));
    }
    if let Some(n) = w.max_chars {
        when.push(format!("at most {n} chars"));
    }
    if let Some(n) = w.min_lines {
        when.push(format!("at least {n} lines"));
    }
    if let Some(n) = w.max_lines {
        when.push(format!("at most {n} lines"));
    }
    match w.position {
        Position::Anywhere => {}
        Position::Head => when.push("before the first body paragraph".into()),
        Position::Tail => when.push("after the last body paragraph".into()),
        Position::Outside => when.push("before the first body paragraph or after the last".into()),
        Position::AfterLead => when.push("after the body's first two paragraphs".into()),
        Position::AfterFirst => when.push("after the body's first paragraph".into()),
        Position::First(n) => when.push(format!("among the first {n} blocks")),
        Position::Last(n) => when.push(format!("among the last {n} blocks")),
    }
    if let Some(n) = w.inside_max_chars {
        when.push(format!("inside the body too, at most {n} chars ending no sentence"));
    }
    if !when.is_empty() {
        writeln!(out, "  when: {}", when.join("; "))?;
    }
    writeln!(out, "  action: {}", s.action.name())?;
    for (label, list) in [("drop", &s.tests.drop), ("keep", &s.tests.keep)] {
        writeln!(out, "\n  must {label}:")?;
        for ex in list {
            writeln!(out, "    {:?}", ex.value)?;
        }
    }
    if !s.tests.docs.is_empty() {
        writeln!(out, "\n  whole-document examples: {}", s.tests.docs.len())?;
    }
    Ok(())
}

fn test(dirs: &[PathBuf], args: &RuleArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let specs = match args.load(dirs) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let report = match check(&specs) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(EXIT_RULES));
        }
    };
    let selected = |path: &str| dirs.is_empty() || dirs.iter().any(|d| Path::new(path).starts_with(d));
    let (mut rules, mut examples, mut failures) = (0, 0, 0);
    for (spec, rc) in specs.iter().zip(&report.rules) {
        if !selected(&spec.path) {
            continue;
        }
        rules += 1;
        examples += rc.examples;
        failures += rc.failures.len();
        if rc.failures.is_empty() {
            writeln!(out, "ok    {} ({} examples)", rc.id, rc.examples)?;
        } else {
            writeln!(out, "FAIL  {} ({} examples, {} failed)", rc.id, rc.examples, rc.failures.len())?;
            for f in &rc.failures {
                writeln!(out, "  {}: {}: {:?}: {}", f.at, f.kind.name(), f.example, f.detail)?;
            }
        }
        if let Some(opening) = &rc.slow_opening {
            writeln!(
                out,
                "  note: its matches may open with {opening}: every block's first bytes are read for it that far; open with words where you can (README.md, Rules)"
            )?;
        }
        if !rc.short_phrases.is_empty() {
            writeln!(
                out,
                "  note: {:?} {} shorter than four bytes: every block is walked byte by byte for such phrases; use longer ones where you can (README.md, Rules)",
                rc.short_phrases,
                if rc.short_phrases.len() == 1 { "is" } else { "are" }
            )?;
        }
    }
    writeln!(out, "{rules} rules, {examples} examples, {failures} failed")?;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::from(EXIT_FAILED) })
}
