//! Where rule files come from: the defaults embedded at build time, and
//! folders given by the user. A user rule with the id of a default rule
//! replaces it; two user rules with one id are an error.

use std::path::{Path, PathBuf};

use super::compile::check_regex;
use super::error::{Location, RuleError, RuleErrors};
use super::spec::{MatchSpec, RuleSpec, parse_rule};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// A rule file's path and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFile {
    /// The path used in messages.
    pub path: String,
    /// The file's text.
    pub source: String,
}

/// The default rule files, embedded in the binary.
pub fn default_files() -> Vec<RuleFile> {
    embedded::EMBEDDED
        .iter()
        .map(|(path, source)| RuleFile { path: (*path).to_owned(), source: (*source).to_owned() })
        .collect()
}

/// The `*.toml` files below `dir`, in path order.
pub fn dir_files(dir: &Path) -> Result<Vec<RuleFile>, RuleError> {
    let mut paths = Vec::new();
    collect(dir, &mut paths).map_err(|e| io_error(dir, &e.to_string()))?;
    if paths.is_empty() {
        return Err(io_error(dir, "no rule files (*.toml) in this folder"));
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let source = std::fs::read_to_string(&path).map_err(|e| io_error(&path, &e.to_string()))?;
        files.push(RuleFile { path: path.display().to_string(), source });
    }
    Ok(files)
}

/// Parses every file; returns the specs that parsed and every error.
pub fn parse_files(files: &[RuleFile]) -> (Vec<RuleSpec>, Vec<RuleError>) {
    let mut specs = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match parse_rule(&f.path, &f.source) {
            Ok(spec) => specs.push(spec),
            Err(e) => errors.extend(e),
        }
    }
    (specs, errors)
}

/// The specs of the defaults (when `defaults`) and of `dirs`, user rules
/// replacing defaults of the same id. Collects every error of every file.
pub fn load_specs(defaults: bool, dirs: &[PathBuf]) -> Result<Vec<RuleSpec>, RuleErrors> {
    let mut errors = Vec::new();
    let mut specs = Vec::new();
    if defaults {
        let (s, e) = parse_files(&default_files());
        errors.extend(e);
        errors.extend(duplicate_ids(&s));
        specs = s;
    }
    let mut user_files = Vec::new();
    for dir in dirs {
        match dir_files(dir) {
            Ok(files) => user_files.extend(files),
            Err(e) => errors.push(e),
        }
    }
    let (user, e) = parse_files(&user_files);
    errors.extend(e);
    errors.extend(duplicate_ids(&user));
    // The defaults' regexes are checked by the test suite, which compiles
    // them; parsing them here too cost a tenth of start-up.
    errors.extend(user.iter().filter_map(regex_error));
    specs.retain(|d| !user.iter().any(|u| u.id.value == d.id.value));
    specs.extend(user);
    errors.sort_by(|a, b| (&a.at.path, a.at.line, a.at.column).cmp(&(&b.at.path, b.at.line, b.at.column)));
    if errors.is_empty() { Ok(specs) } else { Err(RuleErrors(errors)) }
}

/// An error for every rule whose id was already used by an earlier one.
pub fn duplicate_ids(specs: &[RuleSpec]) -> Vec<RuleError> {
    let mut errors = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        if let Some(first) = specs[..i].iter().find(|s| s.id.value == spec.id.value) {
            errors.push(RuleError {
                at: spec.id.at.clone(),
                rule: Some(spec.id.value.clone()),
                message: format!("duplicate rule id `{}`, first defined at {}", spec.id.value, first.id.at),
                help: "give each rule its own id (and file name)".into(),
            });
        }
    }
    errors
}

/// The error of a rule whose regex is not valid (syntax only: compiling
/// comes with the rule set, which reports a regex too large then).
fn regex_error(spec: &RuleSpec) -> Option<RuleError> {
    let MatchSpec::Regex { pattern, .. } = &spec.matcher else {
        return None;
    };
    let (message, help) = check_regex(&pattern.value).err()?;
    Some(RuleError { at: pattern.at.clone(), rule: Some(spec.id.value.clone()), message, help })
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

fn io_error(path: &Path, message: &str) -> RuleError {
    RuleError {
        at: Location { path: path.display().to_string(), line: 1, column: 1 },
        rule: None,
        message: format!("cannot read rules: {message}"),
        help: "check the path given to --rules".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_embedded_and_parse() {
        let files = default_files();
        assert!(files.len() >= 6, "{} default rule files", files.len());
        let (specs, errors) = parse_files(&files);
        assert!(errors.is_empty(), "{}", RuleErrors(errors));
        assert_eq!(specs.len(), files.len());
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let Err(e) = load_specs(false, &[PathBuf::from("no/such/folder")]) else { panic!("loaded") };
        assert_eq!(e.0.len(), 1);
        assert!(e.0[0].to_string().starts_with("no/such/folder:1:1: cannot read rules"), "{e}");
    }
}
