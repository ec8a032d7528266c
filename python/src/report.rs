//! The per-block report as Python objects, spans in characters.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use thresh::Cleaned;

use crate::offsets::CharOffsets;

/// `cleaned` as the dict `Thresh.clean_report` returns; `text` is the text
/// that was cleaned (the spans' reference).
pub fn to_dict<'py>(py: Python<'py>, text: &str, cleaned: &Cleaned) -> PyResult<Bound<'py, PyDict>> {
    let mut chars = CharOffsets::new(text);
    let blocks = cleaned
        .blocks
        .iter()
        .map(|b| {
            let block = PyDict::new(py);
            // In increasing byte order, so the offsets cost one pass over the text.
            let start = chars.of(b.span.start);
            let stripped: Vec<(usize, usize)> =
                b.stripped.iter().map(|r| (chars.of(r.start), chars.of(r.end))).collect();
            block.set_item("span", (start, chars.of(b.span.end)))?;
            block.set_item("lang", b.lang)?;
            block.set_item("confidence", b.confidence)?;
            block.set_item("lang_method", b.lang_method.name())?;
            block.set_item("decision", b.decision.name())?;
            block.set_item("by", b.by.name())?;
            block.set_item("rule", b.rule.as_deref())?;
            block.set_item("evidence", &b.evidence)?;
            block.set_item("stripped", stripped)?;
            Ok(block)
        })
        .collect::<PyResult<Vec<_>>>()?;
    let decode = PyDict::new(py);
    decode.set_item("encoding", cleaned.decode.encoding)?;
    decode.set_item("source", cleaned.decode.source.name())?;
    decode.set_item("had_errors", cleaned.decode.had_errors)?;
    decode.set_item("refs_decoded", cleaned.decode.refs_decoded)?;
    let dict = PyDict::new(py);
    dict.set_item("text", &cleaned.text)?;
    dict.set_item("blocks", blocks)?;
    dict.set_item("decode", decode)?;
    Ok(dict)
}
