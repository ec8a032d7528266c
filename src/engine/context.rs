//! The context pass: short heading-like blocks follow their neighbours.

use crate::analyze::Analyzed;
use crate::report::{BlockReport, DecidedBy, Decision};

use super::decide;

/// A short heading-like block that no rule decided goes when the nearest
/// longer block before it was dropped and the one after it was dropped too
/// or is the end of the document. The start of the document does not count
/// as dropped, so a headline above a dropped byline stays.
pub(super) fn apply_context(blocks: &[Analyzed], reports: &mut [BlockReport]) {
    let candidate = |i: usize, reports: &[BlockReport]| {
        blocks[i].heading_like && reports[i].by == DecidedBy::Default && reports[i].decision == Decision::Keep
    };
    let snapshot: Vec<bool> = (0..blocks.len()).map(|i| candidate(i, reports)).collect();
    let mut i = 0;
    while i < blocks.len() {
        if !snapshot[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < blocks.len() && snapshot[i] {
            i += 1;
        }
        let prev_dropped = start > 0 && reports[start - 1].decision == Decision::Drop;
        let next_dropped = i == blocks.len() || reports[i].decision == Decision::Drop;
        if prev_dropped && next_dropped {
            for report in &mut reports[start..i] {
                let note = "short block between dropped blocks".to_owned();
                decide(report, Decision::Drop, DecidedBy::Context, None, vec![note]);
            }
        }
    }
}
