//! JSON Lines records: clean one string field, pass every other field through.
//!
//! Fields other than the cleaned one keep their exact text: the record is
//! parsed only into key / raw-value pairs, and the raw values are written back
//! as they came. The cleaned field may be nested (`content.body`).
//!
//! # The `thresh` report object
//!
//! With a report, each record gets a `thresh` field (replacing one that was
//! there), shaped like this:
//!
//! ```json
//! {"blocks": 12, "kept": 9, "encoding": "UTF-8",
//!  "languages": {"en": 9, "zh-Hant": 2, "none": 1},
//!  "dropped": [{"block": 3, "span": [120, 168], "by": "rule",
//!               "rule": "copyright-line", "lang": "en",
//!               "evidence": ["©2025 bloomberg l.p."]}],
//!  "stripped": [{"block": 2, "spans": [[40, 55]], "rule": "wire-dateline-prefix"}]}
//! ```
//!
//! `span`s are byte offsets into the field's text; `by` is `rule`,
//! `language` or `context`; `rule` is `null` unless a rule decided.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::report::{Cleaned, Decision};
use crate::{Detail, Thresh};

/// Why a record was passed through unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// What is wrong with the record.
    pub message: String,
    /// The record's `id` field, when it has one.
    pub id: Option<String>,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} (id {id})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Where the text is in a record, and what to add.
#[derive(Debug, Clone)]
pub struct RecordOptions {
    /// Path to the text field: `["text"]`, or `["content", "body"]` for `content.body`.
    pub field: Vec<String>,
    /// Whether to add the `thresh` report object.
    pub report: bool,
    /// The field that names a record in messages (default `id`).
    pub id_field: String,
    /// How much of each record's cleaning report to fill in (the `thresh`
    /// object always gets it all). Default [`Detail::Full`]; `Decisions`
    /// is faster when no one reads the blocks' languages.
    pub detail: Detail,
}

impl RecordOptions {
    /// Options for the field `path` (dots separate nested keys).
    pub fn new(path: &str, report: bool) -> RecordOptions {
        RecordOptions {
            field: path.split('.').map(str::to_owned).collect(),
            report,
            id_field: "id".into(),
            detail: Detail::Full,
        }
    }

    /// Fills in the report as `detail` says (see [`RecordOptions::detail`]).
    pub fn detail(mut self, detail: Detail) -> RecordOptions {
        self.detail = detail;
        self
    }

    /// Names records in messages by the top-level field `name` instead of `id`.
    pub fn id_field(mut self, name: &str) -> RecordOptions {
        self.id_field = name.to_owned();
        self
    }
}

/// The result of cleaning a record: the new line (without newline) and the cleaning itself.
#[derive(Debug, Clone)]
pub struct CleanedRecord {
    /// The record as JSON, on one line.
    pub line: String,
    /// What was done to the text.
    pub cleaned: Cleaned,
}

/// Cleans the text field of one JSON Lines record.
pub fn clean_record(
    thresh: &Thresh,
    line: &[u8],
    opts: &RecordOptions,
) -> Result<CleanedRecord, RecordError> {
    let fail = |message: String, id: Option<String>| RecordError { message, id };
    let text = std::str::from_utf8(line)
        .map_err(|e| fail(format!("not valid UTF-8 (at byte {})", e.valid_up_to()), None))?;
    let mut record = parse_object(text).map_err(|e| fail(e, None))?;
    let id = record.id(&opts.id_field);
    let mut cleaned = None;
    replace_field(&mut record, &opts.field, &mut |s: &str| {
        let c = thresh.clean_with(s, if opts.report { Detail::Full } else { opts.detail });
        let out = c.text.clone();
        cleaned = Some(c);
        out
    })
    .map_err(|e| fail(e, id.clone()))?;
    let Some(cleaned) = cleaned else {
        return Err(fail("internal: field was not cleaned".into(), id));
    };
    if opts.report {
        let report = report_json(&cleaned);
        record.set("thresh", RawValue::from_string(report).map_err(|e| fail(e.to_string(), id.clone()))?);
    }
    Ok(CleanedRecord { line: record.to_json(), cleaned })
}

/// An object as key / raw-value pairs, in order.
struct RawObject(Vec<(String, Box<RawValue>)>);

impl RawObject {
    fn id(&self, field: &str) -> Option<String> {
        let raw = self.get(field)?.get();
        match serde_json::from_str::<serde_json::Value>(raw).ok()? {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    fn get(&self, key: &str) -> Option<&RawValue> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| &**v)
    }

    fn set(&mut self, key: &str, value: Box<RawValue>) {
        match self.0.iter_mut().rev().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }

    fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.0.iter().map(|(k, v)| k.len() + v.get().len() + 4).sum());
        out.push('{');
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(k).unwrap_or_else(|_| "\"\"".into()));
            out.push(':');
            out.push_str(v.get());
        }
        out.push('}');
        out
    }
}

struct RawObjectVisitor;

impl<'de> Visitor<'de> for RawObjectVisitor {
    type Value = RawObject;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawObject, A::Error> {
        let mut out = Vec::new();
        while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
            out.push(entry);
        }
        Ok(RawObject(out))
    }
}

impl<'de> Deserialize<'de> for RawObject {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RawObjectVisitor)
    }
}

fn parse_object(text: &str) -> Result<RawObject, String> {
    serde_json::from_str::<RawObject>(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data if text.trim_start().starts_with(['{']) => {
            format!("invalid JSON: {e}")
        }
        serde_json::error::Category::Data => "not a JSON object".to_owned(),
        _ => format!("invalid JSON: {e}"),
    })
}

/// Replaces the string at `path` with `f(string)`.
fn replace_field(
    obj: &mut RawObject,
    path: &[String],
    f: &mut dyn FnMut(&str) -> String,
) -> Result<(), String> {
    let (key, rest) = path.split_first().ok_or("empty field path")?;
    let raw = obj.get(key).ok_or_else(|| format!("no field `{key}`"))?;
    if rest.is_empty() {
        let s: String = serde_json::from_str(raw.get()).map_err(|e| {
            if raw.get().starts_with('"') {
                format!("field `{key}` is not valid UTF-8 after JSON escapes: {e}")
            } else {
                format!("field `{key}` is not a string (found {})", kind(raw.get()))
            }
        })?;
        let new = f(&s);
        let json = serde_json::to_string(&new).map_err(|e| e.to_string())?;
        obj.set(key, RawValue::from_string(json).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let mut inner = parse_object(raw.get()).map_err(|_| format!("field `{key}` is not an object"))?;
    replace_field(&mut inner, rest, f)?;
    obj.set(key, RawValue::from_string(inner.to_json()).map_err(|e| e.to_string())?);
    Ok(())
}

fn kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        _ => "a number",
    }
}

/// The `thresh` report object for a cleaned text.
pub fn report_json(c: &Cleaned) -> String {
    let mut languages: BTreeMap<&str, usize> = BTreeMap::new();
    let mut dropped = Vec::new();
    let mut stripped = Vec::new();
    for (i, b) in c.blocks.iter().enumerate() {
        *languages.entry(b.lang.unwrap_or("none")).or_default() += 1;
        match b.decision {
            Decision::Drop => dropped.push(serde_json::json!({
                "block": i, "span": [b.span.start, b.span.end], "by": b.by.name(),
                "rule": b.rule, "lang": b.lang, "evidence": b.evidence,
            })),
            Decision::Strip => stripped.push(serde_json::json!({
                "block": i,
                "spans": b.stripped.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>(),
                "rule": b.rule,
            })),
            Decision::Keep => {}
        }
    }
    let kept = c.blocks.len() - dropped.len();
    serde_json::json!({
        "blocks": c.blocks.len(), "kept": kept, "encoding": c.decode.encoding,
        "languages": languages, "dropped": dropped, "stripped": stripped,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thresh() -> Thresh {
        Thresh::builder().default_rules(false).langs(&["any"]).build().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn other_fields_pass_through_byte_for_byte() {
        let line = br#"{"id": 7, "text": "Hello  \n\n\nworld", "meta": {"n": 1.50, "tags": ["a" , "b"]}, "u": "\u00e9"}"#;
        let out = clean_record(&thresh(), line, &RecordOptions::new("text", false)).map(|r| r.line);
        assert_eq!(
            out.as_deref(),
            Ok(r#"{"id":7,"text":"Hello\n\nworld\n","meta":{"n": 1.50, "tags": ["a" , "b"]},"u":"\u00e9"}"#)
        );
    }

    #[test]
    fn nested_fields() {
        let line = br#"{"content": {"body": "a  \n\n\nb", "x": 1}}"#;
        let out = clean_record(&thresh(), line, &RecordOptions::new("content.body", false)).map(|r| r.line);
        assert_eq!(out.as_deref(), Ok(r#"{"content":{"body":"a\n\nb\n","x":1}}"#));
    }

    #[test]
    fn bad_records_say_why() {
        let t = thresh();
        let err = |line: &[u8]| {
            clean_record(&t, line, &RecordOptions::new("text", false)).err().map(|e| e.to_string())
        };
        assert_eq!(err(b"[1]").as_deref(), Some("not a JSON object"));
        assert!(err(b"{\"text\": ").is_some_and(|e| e.starts_with("invalid JSON")));
        assert_eq!(
            err(br#"{"id": "a1", "text": 5}"#).as_deref(),
            Some("field `text` is not a string (found a number) (id a1)")
        );
        assert_eq!(err(br#"{"body": "x"}"#).as_deref(), Some("no field `text`"));
        assert!(
            err(br#"{"text": "\ud800"}"#).is_some_and(|e| e.contains("not valid UTF-8 after JSON escapes"))
        );
        assert!(err(b"{\"text\": \"\xff\"}").is_some_and(|e| e.starts_with("not valid UTF-8")));
    }

    #[test]
    fn report_is_added() {
        let r = clean_record(&thresh(), br#"{"text": "x"}"#, &RecordOptions::new("text", true));
        let line = r.map(|r| r.line).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        assert_eq!(v["thresh"]["blocks"], 1);
        assert_eq!(v["thresh"]["encoding"], "UTF-8");
    }
}
