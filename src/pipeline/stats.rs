//! Counts over a run: records, blocks dropped per rule, blocks per language.

use std::collections::BTreeMap;

use crate::report::{Cleaned, DecidedBy, Decision};

/// What a run did, for the summary line and `--stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Records (JSONL lines, or documents) read.
    pub records_in: u64,
    /// Records written.
    pub records_out: u64,
    /// Records that could not be cleaned (passed through, skipped, or fatal).
    pub failed: u64,
    /// Records left out because of `--on-error skip`.
    pub skipped: u64,
    /// Bytes read (uncompressed).
    pub bytes_in: u64,
    /// Blocks seen in cleaned records.
    pub blocks: u64,
    /// Blocks dropped.
    pub blocks_dropped: u64,
    /// Blocks kept with a span cut.
    pub blocks_stripped: u64,
    /// Dropped or stripped blocks per deciding rule id; `language` and
    /// `context` for the policy and the context pass.
    pub by_rule: BTreeMap<String, u64>,
    /// Blocks per language tag (`none` for blocks without one).
    pub by_lang: BTreeMap<String, u64>,
    /// Documents per encoding they were decoded from (`UTF-8` for JSON strings).
    pub by_encoding: BTreeMap<String, u64>,
    /// Documents in which malformed bytes were replaced by U+FFFD.
    pub with_replacements: u64,
}

/// Adds `n` to the count of `key`, allocating only for a key not yet counted
/// (this runs for every block).
fn bump(counts: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    match counts.get_mut(key) {
        Some(count) => *count += n,
        None => {
            counts.insert(key.to_owned(), n);
        }
    }
}

impl Stats {
    /// Adds one cleaned document.
    pub fn add(&mut self, cleaned: &Cleaned) {
        bump(&mut self.by_encoding, cleaned.decode.encoding, 1);
        self.with_replacements += u64::from(cleaned.decode.had_errors);
        for b in &cleaned.blocks {
            self.blocks += 1;
            bump(&mut self.by_lang, b.lang.unwrap_or("none"), 1);
            match b.decision {
                Decision::Keep => continue,
                Decision::Drop => self.blocks_dropped += 1,
                Decision::Strip => self.blocks_stripped += 1,
            }
            if b.by != DecidedBy::Default {
                bump(&mut self.by_rule, b.rule.as_deref().unwrap_or(b.by.name()), 1);
            }
        }
    }

    /// Adds the counts of another run.
    pub fn merge(&mut self, other: &Stats) {
        self.records_in += other.records_in;
        self.records_out += other.records_out;
        self.failed += other.failed;
        self.skipped += other.skipped;
        self.bytes_in += other.bytes_in;
        self.blocks += other.blocks;
        self.blocks_dropped += other.blocks_dropped;
        self.blocks_stripped += other.blocks_stripped;
        for (mine, theirs) in [
            (&mut self.by_rule, &other.by_rule),
            (&mut self.by_lang, &other.by_lang),
            (&mut self.by_encoding, &other.by_encoding),
        ] {
            for (k, v) in theirs {
                bump(mine, k, *v);
            }
        }
        self.with_replacements += other.with_replacements;
    }

    /// The one-line summary: `N records in, N out, N failed, N blocks dropped`.
    pub fn summary(&self) -> String {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        let mut s = format!(
            "{} record{} in, {} out, {} failed, {} block{} dropped",
            self.records_in,
            plural(self.records_in),
            self.records_out,
            self.failed,
            self.blocks_dropped,
            plural(self.blocks_dropped)
        );
        if self.skipped > 0 {
            s.push_str(&format!(" ({} failed records skipped)", self.skipped));
        }
        s
    }
}
