//! `thresh` separates the grain from the chaff in scraped text: it keeps the
//! body of an article and drops the boilerplate around it — bylines,
//! copyright lines, disclaimers in other languages, empty widget lists — and
//! says, block by block, why.
//!
//! A document is split into blocks (runs of non-blank lines); each block gets
//! a language and is asked about by rules loaded from TOML files (the default
//! set is embedded); a context pass settles short blocks by their neighbours;
//! the kept blocks are emitted as they were written.
//!
//! ```
//! let thresh = thresh::Thresh::new()?;
//! let page = "Markets Rally on Rate Hopes\n\n\
//!     Reuters\nJan 28, 2025\n\n\
//!     Stocks rose on Tuesday as investors bet that the central bank would cut \
//!     interest rates twice before the end of the year, lifting shares of banks \
//!     and builders.\n\n\
//!     Copyright 2025 Reuters\n";
//! let cleaned = thresh.clean(page);
//! assert!(cleaned.text.starts_with("Markets Rally on Rate Hopes\n\nStocks rose"));
//! assert!(!cleaned.text.contains("Copyright"));
//! for block in cleaned.dropped() {
//!     println!("dropped {:?} by {:?}", block.span, block.rule);
//! }
//! # Ok::<(), thresh::Error>(())
//! ```
//!
//! [`Thresh`] is built once (rules are compiled once) and is `Send + Sync`:
//! share it across threads. It never prints and never panics on input.

#![forbid(unsafe_code)]

pub mod analyze;
mod bytes8;
mod chars;
pub mod check;
pub mod decode;
pub mod engine;
pub mod jsonl;
pub mod lang;
pub mod markup;
pub mod normalize;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod segment;

use std::fmt;
use std::path::PathBuf;

pub use engine::LangPolicy;
pub use report::{BlockReport, Cleaned, DecidedBy, Decision};
pub use rules::{RuleErrors, RuleSet};

/// A compiled cleaner: rules, language policy and detector.
#[derive(Debug)]
pub struct Thresh {
    rules: RuleSet,
    policy: LangPolicy,
    detector: lang::LangDetector,
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Languages asked for that the detector does not know (see
    /// [`ThreshBuilder::langs`]).
    undetectable: Vec<String>,
}

/// Why a [`Thresh`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Rule files with problems; every problem is listed.
    Rules(RuleErrors),
    /// A language code the detector does not know.
    UnknownLanguage(String),
    /// `disable` names a rule that is not loaded.
    UnknownRule(String),
    /// An encoding label that names no encoding.
    UnknownEncoding(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Rules(e) => e.fmt(f),
            Error::UnknownLanguage(code) => {
                let known: Vec<&str> = lang::known_codes().collect();
                write!(f, "unknown language code `{code}`; use `any` or one of: {}", known.join(", "))
            }
            Error::UnknownRule(id) => write!(f, "no rule with id `{id}` is loaded (see `thresh rules list`)"),
            Error::UnknownEncoding(label) => {
                write!(
                    f,
                    "unknown encoding `{label}`; use a WHATWG label such as utf-8, big5, gbk, gb18030, shift_jis, euc-kr, windows-1252, utf-16le"
                )
            }
        }
    }
}

impl std::error::Error for Error {}

impl From<RuleErrors> for Error {
    fn from(e: RuleErrors) -> Self {
        Error::Rules(e)
    }
}

/// How much of the per-block report [`Thresh::clean_with`] fills in. The
/// clean text and every block's decision are the same either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Every block's language, confidence and method.
    #[default]
    Full,
    /// A block's language only where cleaning needed it; the others read
    /// no language, method [`lang::LangMethod::NotAsked`]. Faster: the
    /// language detector is the costliest step, and the blocks a rule drops
    /// rarely need it.
    Decisions,
}

/// Builds a [`Thresh`].
#[derive(Debug, Clone)]
pub struct ThreshBuilder {
    default_rules: bool,
    rule_dirs: Vec<PathBuf>,
    disabled: Vec<String>,
    langs: Option<Vec<String>>,
    encoding: Option<String>,
}

impl Default for ThreshBuilder {
    fn default() -> Self {
        ThreshBuilder {
            default_rules: true,
            rule_dirs: Vec::new(),
            disabled: Vec::new(),
            langs: Some(vec!["en".to_owned()]),
            encoding: None,
        }
    }
}

impl ThreshBuilder {
    /// Whether the embedded default rules are loaded (default: yes).
    pub fn default_rules(mut self, yes: bool) -> Self {
        self.default_rules = yes;
        self
    }

    /// Adds a folder of rule files (searched recursively for `*.toml`). A rule
    /// with the id of a default rule replaces it.
    pub fn rule_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.rule_dirs.push(dir.into());
        self
    }

    /// Adds folders of rule files, as [`ThreshBuilder::rule_dir`] does one.
    pub fn rule_dirs<P: Into<PathBuf>>(mut self, dirs: impl IntoIterator<Item = P>) -> Self {
        self.rule_dirs.extend(dirs.into_iter().map(Into::into));
        self
    }

    /// Switches off the rule with `id`.
    pub fn disable(mut self, id: impl Into<String>) -> Self {
        self.disabled.push(id.into());
        self
    }

    /// Switches off the rules with these ids.
    pub fn disable_all<S: Into<String>>(mut self, ids: impl IntoIterator<Item = S>) -> Self {
        self.disabled.extend(ids.into_iter().map(Into::into));
        self
    }

    /// Keeps blocks in these languages (ISO 639-1 codes, or tags such as
    /// `pt-BR` and `zh-Hant`, read by [`lang::canonical_code`]); `["any"]`
    /// or an empty list turns the language policy off, and so does a
    /// language the detector does not know (see
    /// [`Thresh::undetectable_languages`]). Default: `["en"]`.
    pub fn langs<S: AsRef<str>>(mut self, codes: &[S]) -> Self {
        let codes: Vec<String> = codes.iter().map(|c| c.as_ref().trim().to_owned()).collect();
        self.langs = if codes.is_empty() || codes.iter().any(|c| c.eq_ignore_ascii_case("any")) {
            None
        } else {
            Some(codes)
        };
        self
    }

    /// Decodes [`Thresh::clean_bytes`] input with this encoding (a WHATWG
    /// label) instead of detecting it.
    pub fn encoding(mut self, label: impl Into<String>) -> Self {
        self.encoding = Some(label.into());
        self
    }

    /// Loads and compiles the rules.
    pub fn build(self) -> Result<Thresh, Error> {
        let mut undetectable = Vec::new();
        let policy = match &self.langs {
            None => LangPolicy::Any,
            Some(codes) => {
                let mut known = Vec::with_capacity(codes.len());
                for code in codes {
                    match lang::canonical_code(code) {
                        Some(canonical) => known.push(canonical.to_owned()),
                        None if lang::is_iso_639_1(code) => undetectable.push(code.clone()),
                        None => return Err(Error::UnknownLanguage(code.clone())),
                    }
                }
                // A language the detector cannot tell would be dropped as
                // whatever it resembles: when in doubt, keep.
                if undetectable.is_empty() { LangPolicy::Only(known) } else { LangPolicy::Any }
            }
        };
        let encoding = match &self.encoding {
            None => None,
            Some(label) => {
                Some(decode::encoding_for_label(label).ok_or_else(|| Error::UnknownEncoding(label.clone()))?)
            }
        };
        let mut specs = rules::source::load_specs(self.default_rules, &self.rule_dirs)?;
        for id in &self.disabled {
            if !specs.iter().any(|s| &s.id.value == id) {
                return Err(Error::UnknownRule(id.clone()));
            }
        }
        specs.retain(|s| !self.disabled.contains(&s.id.value));
        let rules = RuleSet::compile(specs)?;
        let mut thresh = Thresh::with_rules(rules, policy).with_encoding(encoding);
        thresh.undetectable = undetectable;
        Ok(thresh)
    }
}

impl Thresh {
    /// The default cleaner: built-in rules, English kept.
    pub fn new() -> Result<Thresh, Error> {
        ThreshBuilder::default().build()
    }

    /// A builder, to choose rules and languages.
    pub fn builder() -> ThreshBuilder {
        ThreshBuilder::default()
    }

    /// The languages asked for that the detector does not know (ISO 639-1
    /// codes such as `is` or `ga`). When there are any, the language policy
    /// is off: every block is kept whatever its language, and only the
    /// rules decide.
    pub fn undetectable_languages(&self) -> &[String] {
        &self.undetectable
    }

    /// A cleaner from an already compiled rule set.
    pub fn with_rules(rules: RuleSet, policy: LangPolicy) -> Thresh {
        let wanted: Vec<&str> = match &policy {
            LangPolicy::Any => Vec::new(),
            LangPolicy::Only(codes) => codes.iter().map(String::as_str).collect(),
        };
        let detector = lang::LangDetector::new(&wanted);
        Thresh { rules, policy, detector, encoding: None, undetectable: Vec::new() }
    }

    fn with_encoding(mut self, encoding: Option<&'static encoding_rs::Encoding>) -> Thresh {
        self.encoding = encoding;
        self
    }

    /// The compiled rules.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The language policy.
    pub fn policy(&self) -> &LangPolicy {
        &self.policy
    }

    /// Cleans a text.
    pub fn clean(&self, text: &str) -> Cleaned {
        self.clean_with(text, Detail::Full)
    }

    /// Cleans a text, with as much of the report as `detail` asks for.
    pub fn clean_with(&self, text: &str, detail: Detail) -> Cleaned {
        self.clean_decoded_with(text, decode::DecodeInfo::text(), detail)
    }

    /// The clean text alone: the same as `clean(text).text`, faster.
    pub fn clean_text(&self, text: &str) -> String {
        self.clean_with(text, Detail::Decisions).text
    }

    /// Decodes bytes (BOM, UTF-8, or a detected legacy encoding) and cleans
    /// them. Spans in the report are byte offsets into the decoded text.
    pub fn clean_bytes(&self, bytes: &[u8]) -> Cleaned {
        self.clean_bytes_with(bytes, Detail::Full)
    }

    /// Decodes and cleans bytes, with as much of the report as `detail` asks for.
    pub fn clean_bytes_with(&self, bytes: &[u8], detail: Detail) -> Cleaned {
        let decoded = self.decode(bytes);
        self.clean_decoded_with(&decoded.text, decoded.info, detail)
    }

    /// Decodes bytes as [`Thresh::clean_bytes`] does, with the configured encoding if any.
    pub fn decode<'a>(&self, bytes: &'a [u8]) -> decode::Decoded<'a> {
        decode::decode(bytes, self.encoding)
    }

    /// Cleans text that was decoded as `info` says.
    pub fn clean_decoded(&self, text: &str, info: decode::DecodeInfo) -> Cleaned {
        self.clean_decoded_with(text, info, Detail::Full)
    }

    /// Cleans text that was decoded as `info` says, with as much of the
    /// report as `detail` asks for.
    pub fn clean_decoded_with(&self, text: &str, info: decode::DecodeInfo, detail: Detail) -> Cleaned {
        let (text, blocks) = engine::run(&self.rules, &self.policy, &self.detector, text, detail);
        Cleaned { text, blocks, decode: info }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresh_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Thresh>();
    }

    #[test]
    fn unknown_codes_are_errors() {
        let e = Thresh::builder().langs(&["en", "xx"]).build().err();
        assert_eq!(e, Some(Error::UnknownLanguage("xx".into())));
        assert!(e.map(|e| e.to_string()).unwrap_or_default().contains("de, el, en"));
        let e = Thresh::builder().disable("no-such-rule").build().err();
        assert_eq!(e, Some(Error::UnknownRule("no-such-rule".into())));
    }

    #[test]
    fn a_language_the_detector_does_not_know_turns_the_policy_off() {
        let german = "Der Stadtrat hat am Dienstag nach einer langen Debatte über Schulen, Straßen und die Kosten der neuen Bibliothek den Haushalt beschlossen.";
        let text = format!("Home\n\n{german}\n");
        let only_en = Thresh::builder().langs(&["en"]).build().unwrap_or_else(|e| panic!("{e}"));
        assert!(only_en.undetectable_languages().is_empty());
        assert!(!only_en.clean(&text).text.contains("Stadtrat"));
        // Icelandic: a language, which the detector would take for another.
        let icelandic = Thresh::builder().langs(&["en", "is"]).build().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(icelandic.undetectable_languages(), ["is"]);
        assert!(icelandic.clean(&text).text.contains("Stadtrat"));
        // Tags are read by their language.
        let tagged = Thresh::builder().langs(&["PT-br", "no"]).build().unwrap_or_else(|e| panic!("{e}"));
        assert!(tagged.undetectable_languages().is_empty());
    }
}
