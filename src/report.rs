//! What `clean` returns: the clean text and an account of every block.

use std::ops::Range;

use crate::decode::DecodeInfo;
use crate::lang::LangMethod;

/// The result of cleaning one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cleaned {
    /// The kept blocks, original text, lines right-trimmed, one blank line
    /// between blocks, a newline after the last; empty when nothing is kept.
    pub text: String,
    /// One report per block of the input, in order.
    pub blocks: Vec<BlockReport>,
    /// How the input was decoded.
    pub decode: DecodeInfo,
}

impl Cleaned {
    /// The blocks that were dropped.
    pub fn dropped(&self) -> impl Iterator<Item = &BlockReport> {
        self.blocks.iter().filter(|b| b.decision == Decision::Drop)
    }
}

/// What happened to one block, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BlockReport {
    /// Byte range of the block in the (decoded) input; `[start, end]` in JSON.
    #[serde(serialize_with = "range_pair")]
    pub span: Range<usize>,
    /// ISO 639-1 language tag (`en`, `zh-Hant`, …); `None` when the block has
    /// no language of its own.
    pub lang: Option<&'static str>,
    /// How sure the language guess is, 0 to 1.
    pub confidence: f32,
    /// What decided the language.
    pub lang_method: LangMethod,
    /// Kept, dropped, or kept with spans cut.
    pub decision: Decision,
    /// What decided it.
    pub by: DecidedBy,
    /// The id of the deciding rule, when a rule decided.
    pub rule: Option<String>,
    /// Why: the matched phrases or text, or a note from the language policy or context pass.
    pub evidence: Vec<String>,
    /// Byte ranges of the input cut from a kept block by `strip-span` rules.
    #[serde(serialize_with = "range_pairs")]
    pub stripped: Vec<Range<usize>>,
}

/// The fate of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// In the output as it was.
    Keep,
    /// In the output with spans cut.
    Strip,
    /// Not in the output.
    Drop,
}

impl Decision {
    /// `keep`, `strip` or `drop`.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Keep => "keep",
            Decision::Strip => "strip",
            Decision::Drop => "drop",
        }
    }
}

/// Which stage decided a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecidedBy {
    /// Nothing objected: the block is body.
    Default,
    /// A rule (named in [`BlockReport::rule`]).
    Rule,
    /// The language policy.
    Language,
    /// The context pass: the block followed its neighbours.
    Context,
}

impl DecidedBy {
    /// `default`, `rule`, `language` or `context`.
    pub fn name(self) -> &'static str {
        match self {
            DecidedBy::Default => "default",
            DecidedBy::Rule => "rule",
            DecidedBy::Language => "language",
            DecidedBy::Context => "context",
        }
    }
}

fn range_pair<S: serde::Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&[r.start, r.end], s)
}

fn range_pairs<S: serde::Serializer>(rs: &[Range<usize>], s: S) -> Result<S::Ok, S::Error> {
    let pairs: Vec<[usize; 2]> = rs.iter().map(|r| [r.start, r.end]).collect();
    serde::Serialize::serialize(&pairs, s)
}
