//! Located rule-file errors.
//!
//! Every error names the file, line and column of the offending value (not
//! the table header), the rule id when it is known, what is wrong, and one
//! line of help:
//!
//! ```text
//! rules/widget/hot.toml:9:9: regex does not compile: unclosed group (rule `hot-stocks-heading`)
//!   help: check the pattern against the regex crate's syntax
//! ```

use std::fmt;

/// A position in a rule file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file's path as given (for built-in rules, `rules/…`).
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` of `source`, a file at `path`.
    pub fn at(path: &str, source: &str, offset: usize) -> Location {
        LineStarts::new(source).locate(path, source, offset)
    }
}

/// Where each line of a file starts, to locate many offsets in it without
/// counting lines from the start each time.
#[derive(Debug, Clone)]
pub(crate) struct LineStarts(Vec<usize>);

impl LineStarts {
    /// The line starts of `source`.
    pub(crate) fn new(source: &str) -> LineStarts {
        LineStarts(
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1)).collect(),
        )
    }

    /// The location of byte `offset` of `source` (the text these line starts
    /// were read from), a file at `path`.
    pub(crate) fn locate(&self, path: &str, source: &str, offset: usize) -> Location {
        // An offset inside a character is that character's.
        let offset = crate::segment::byte_prefix(source, offset).len();
        let line = self.0.partition_point(|&start| start <= offset);
        let column = source[self.0[line - 1]..offset].chars().count() + 1;
        Location { path: path.to_owned(), line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// A value with the place in a rule file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub at: Location,
}

/// One problem with one rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Where the offending value is.
    pub at: Location,
    /// The id of the rule, when the file got far enough to name one.
    pub rule: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)?;
        if let Some(rule) = &self.rule {
            write!(f, " (rule `{rule}`)")?;
        }
        write!(f, "\n  help: {}", self.help)
    }
}

/// Every problem found while loading a set of rule files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleErrors(pub Vec<RuleError>);

impl RuleErrors {
    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &RuleError> {
        self.0.iter()
    }
}

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.0 {
            writeln!(f, "{e}")?;
        }
        let files: std::collections::BTreeSet<&str> = self.0.iter().map(|e| e.at.path.as_str()).collect();
        let n = self.0.len();
        write!(
            f,
            "{n} error{} in {} rule file{}",
            if n == 1 { "" } else { "s" },
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for RuleErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_lines_and_characters() {
        let src = "a = 1\nb = \"免責\"\n";
        let at = Location::at("x.toml", src, src.find('"').unwrap_or(0) + 7);
        assert_eq!((at.line, at.column), (2, 8), "columns count characters, not bytes");
        assert_eq!(Location::at("x.toml", src, 0).to_string(), "x.toml:1:1");
        assert_eq!(Location::at("x.toml", src, 999).line, 3);
        let newline = Location::at("x.toml", src, 5);
        assert_eq!((newline.line, newline.column), (1, 6), "a line break belongs to the line it ends");
        let lines = LineStarts::new(src);
        let mid_char = lines.locate("x.toml", src, src.find('免').unwrap_or(0) + 1);
        assert_eq!(
            (mid_char.line, mid_char.column),
            (2, 6),
            "an offset inside a character is that character's"
        );
    }

    #[test]
    fn renders_with_rule_and_help() {
        let e = RuleError {
            at: Location { path: "r.toml".into(), line: 3, column: 9 },
            rule: Some("x".into()),
            message: "bad".into(),
            help: "fix it".into(),
        };
        assert_eq!(e.to_string(), "r.toml:3:9: bad (rule `x`)\n  help: fix it");
        let all = RuleErrors(vec![e.clone(), e]);
        assert!(all.to_string().ends_with("2 errors in 1 rule file"));
    }
}
