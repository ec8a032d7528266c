//! The clean text: kept blocks as they were written.

use std::borrow::Cow;

use crate::report::{BlockReport, Decision};

/// The kept blocks, original text with stripped spans cut, lines
/// right-trimmed of spaces and tabs, one blank line between blocks.
pub(super) fn emit(text: &str, reports: &[BlockReport]) -> String {
    let mut out = String::with_capacity(text.len());
    for r in reports.iter().filter(|r| r.decision != Decision::Drop) {
        let piece = remaining(text, r);
        let mut wrote_line = false;
        for line in piece.split('\n') {
            let line = line.trim_end_matches([' ', '\t', '\r']);
            if line.trim_matches(crate::segment::is_space).is_empty() {
                continue;
            }
            if !wrote_line && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
            out.push('\n');
            wrote_line = true;
        }
    }
    out
}

/// The text of a block with its stripped spans cut.
pub(super) fn remaining<'t>(text: &'t str, r: &BlockReport) -> Cow<'t, str> {
    if r.stripped.is_empty() {
        return Cow::Borrowed(&text[r.span.clone()]);
    }
    let mut piece = String::new();
    let mut at = r.span.start;
    for cut in &r.stripped {
        if cut.start >= at {
            piece.push_str(&text[at..cut.start.min(r.span.end)]);
        }
        at = at.max(cut.end);
    }
    piece.push_str(&text[at.min(r.span.end)..r.span.end]);
    Cow::Owned(piece)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangMethod;
    use crate::report::DecidedBy;
    use std::ops::Range;

    fn report(span: Range<usize>, decision: Decision, stripped: &[Range<usize>]) -> BlockReport {
        BlockReport {
            span,
            lang: None,
            confidence: 0.0,
            lang_method: LangMethod::NoLetters,
            decision,
            by: DecidedBy::Default,
            rule: None,
            evidence: Vec::new(),
            stripped: stripped.to_vec(),
        }
    }

    #[test]
    fn emit_joins_kept_blocks_and_cuts_spans() {
        let text = "Title  \n\nskip\n\n(X) -- Body\u{a0}\nmore\t";
        let reports = [
            report(0..7, Decision::Keep, &[]),
            report(9..13, Decision::Drop, &[]),
            report(15..34, Decision::Strip, &[Range { start: 15, end: 22 }]),
        ];
        assert_eq!(emit(text, &reports), "Title\n\nBody\u{a0}\nmore\n");
    }

    #[test]
    fn emit_of_nothing_is_empty() {
        assert_eq!(emit("x", &[report(0..1, Decision::Drop, &[])]), "");
    }
}
