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

impl Stats {
    /// Adds one cleaned document.
    pub fn add(&mut self, cleaned: &Cleaned) {
        *self.by_encoding.entry(cleaned.decode.encoding.to_owned()).or_default() += 1;
        self.with_replacements += u64::from(cleaned.decode.had_errors);
        for b in &cleaned.blocks {
            self.blocks += 1;
            *self.by_lang.entry(b.lang.unwrap_or("none").to_owned()).or_default() += 1;
            match b.decision {
                Decision::Keep => continue,
                Decision::Drop => self.blocks_dropped += 1,
                Decision::Strip => self.blocks_stripped += 1,
            }
            let key = match (&b.rule, b.by) {
                (Some(rule), _) => rule.clone(),
                (None, by) => by.name().to_owned(),
            };
            if b.by != DecidedBy::Default {
                *self.by_rule.entry(key).or_default() += 1;
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
        for (k, v) in &other.by_rule {
            *self.by_rule.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.by_lang {
            *self.by_lang.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.by_encoding {
            *self.by_encoding.entry(k.clone()).or_default() += v;
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
