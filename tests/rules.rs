//! The built-in rules: every example of every rule passes, and every rule
//! documents itself with at least two examples of each kind.

use thresh::check::check;
use thresh::rules::source::load_specs;

#[test]
fn every_example_of_every_builtin_rule_passes() {
    let specs = load_specs(true, &[]).unwrap_or_else(|e| panic!("{e}"));
    let report = check(&specs).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = String::new();
    for rc in &report.rules {
        for f in &rc.failures {
            failures.push_str(&format!(
                "{}: {} {}: {:?}: {}\n",
                f.at,
                rc.id,
                f.kind.name(),
                f.example,
                f.detail
            ));
        }
    }
    assert!(failures.is_empty(), "rule examples failed:\n{failures}");
    assert!(report.examples() >= 80, "only {} examples", report.examples());
}

#[test]
fn every_builtin_rule_documents_itself() {
    let specs = load_specs(true, &[]).unwrap_or_else(|e| panic!("{e}"));
    for s in &specs {
        let id = &s.id.value;
        assert!(s.tests.drop.len() >= 2, "{id}: fewer than two drop examples");
        assert!(s.tests.keep.len() >= 2, "{id}: fewer than two keep examples");
        assert!(s.explanation.trim().len() >= 80, "{id}: explanation too short to explain anything");
        assert!(!s.description.trim().is_empty(), "{id}: no description");
        let family = s.path.split('/').nth(1).unwrap_or_default();
        assert!(
            ["disclaimer", "byline", "widget", "structure", "legal", "chrome", "content"].contains(&family),
            "{id}: {} is not in a known family folder",
            s.path
        );
    }
}

#[test]
fn the_rule_packs_the_core_needs_are_there() {
    let specs = load_specs(true, &[]).unwrap_or_else(|e| panic!("{e}"));
    for id in [
        "zh-investment-disclaimer",
        "ja-investment-disclaimer",
        "ko-investment-disclaimer",
        "en-investment-disclaimer",
        "copyright-line",
        "source-date-byline",
        "wire-dateline-prefix",
        "stocks-widget-heading",
        "empty-numbered-list",
    ] {
        assert!(specs.iter().any(|s| s.id.value == id), "missing rule {id}");
    }
}
