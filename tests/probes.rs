//! Boilerplate probes: lines of chrome inserted into articles of our own at
//! the head, the middle and the tail (see `tests/probes/README.md`). No
//! block of the article, its headline included, may be lost, and each probe must be dropped where its
//! line says.

mod common;

use thresh::Thresh;

const PLACES: [&str; 3] = ["head", "mid", "tail"];

/// The article with `probe` inserted as a block at `place`.
fn with_probe(blocks: &[&str], probe: &str, place: &str) -> String {
    let mut blocks = blocks.to_vec();
    let at = match place {
        "head" => 1,
        "mid" => 4.min(blocks.len()),
        _ => blocks.len(),
    };
    blocks.insert(at, probe);
    blocks.join("\n\n")
}

#[test]
fn probes_are_dropped_and_articles_kept() {
    let dirs = common::case_dirs("probes");
    assert!(dirs.len() >= 12, "only {} probe sets", dirs.len());
    let mut failed = Vec::new();
    let mut checked = 0;
    for dir in &dirs {
        let lang = std::fs::read_to_string(dir.join("lang")).unwrap_or_default();
        let thresh = Thresh::builder().langs(&[lang.trim()]).build().unwrap_or_else(|e| panic!("{e}"));
        let article = std::fs::read_to_string(dir.join("article.txt")).unwrap_or_default();
        let blocks: Vec<&str> = article.trim_end().split("\n\n").collect();
        assert!(blocks.len() >= 5, "{}: an article needs a headline and four paragraphs", dir.display());
        let probes = std::fs::read_to_string(dir.join("probes.tsv")).unwrap_or_default();
        for line in probes.lines().filter(|l| !l.trim().is_empty()) {
            let (places, probe) =
                line.split_once('\t').unwrap_or_else(|| panic!("{}: {line}", dir.display()));
            let places: Vec<&str> = places.split(',').collect();
            for place in PLACES {
                let out = thresh.clean_text(&with_probe(&blocks, probe, place));
                checked += 1;
                // The headline too: a line under it must not be taken for it.
                let lost: Vec<&&str> = blocks.iter().filter(|p| !out.contains(**p)).collect();
                let known = places.contains(&format!("!{place}").as_str());
                if !lost.is_empty() && !known {
                    failed.push(format!("{}: {probe:?} at {place} took {lost:?}", dir.display()));
                }
                // A known failure that no longer happens is taken off the list.
                if lost.is_empty() && known {
                    failed
                        .push(format!("{}: {probe:?} at {place} no longer takes paragraphs", dir.display()));
                }
                if places.contains(&place) && out.contains(probe) {
                    failed.push(format!("{}: {probe:?} at {place} was kept", dir.display()));
                }
            }
        }
    }
    assert!(checked >= 1000, "only {checked} pages cleaned");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
