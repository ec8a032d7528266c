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
    replace_field(&mut record, &opts.field, &mut |s: &str, json: &mut String| {
        let c = thresh.clean_with(s, if opts.report { Detail::Full } else { opts.detail });
        push_json_string(json, &c.text);
        cleaned = Some(c);
    })
    .map_err(|e| fail(e, id.clone()))?;
    let Some(cleaned) = cleaned else {
        return Err(fail("internal: field was not cleaned".into(), id));
    };
    if opts.report {
        record.set("thresh", Value::New(report_json(&cleaned)));
    }
    Ok(CleanedRecord { line: record.to_json(), cleaned })
}

/// A field's value: the JSON text it came with, or new JSON text.
enum Value<'a> {
    Raw(&'a RawValue),
    New(String),
}

impl Value<'_> {
    fn get(&self) -> &str {
        match self {
            Value::Raw(raw) => raw.get(),
            Value::New(json) => json,
        }
    }
}

/// An object as key / value pairs, in order; the values are borrowed from
/// the line until one is replaced.
struct RawObject<'a>(Vec<(String, Value<'a>)>);

impl<'a> RawObject<'a> {
    fn id(&self, field: &str) -> Option<String> {
        let raw = self.get(field)?;
        match serde_json::from_str::<serde_json::Value>(raw).ok()? {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The value of the last `key`, as JSON text (a duplicate key's last
    /// value is the one a JSON reader keeps).
    fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.get())
    }

    fn set(&mut self, key: &str, value: Value<'a>) {
        match self.0.iter_mut().rev().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }

    fn to_json(&self) -> String {
        // Per field: the key, its quotes, a colon, the value and a comma; and the braces.
        let mut out =
            String::with_capacity(2 + self.0.iter().map(|(k, v)| k.len() + v.get().len() + 4).sum::<usize>());
        out.push('{');
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(&mut out, k);
            out.push(':');
            out.push_str(v.get());
        }
        out.push('}');
        out
    }
}

struct RawObjectVisitor;

impl<'de> Visitor<'de> for RawObjectVisitor {
    type Value = RawObject<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawObject<'de>, A::Error> {
        let mut out = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
            out.push((key, Value::Raw(value)));
        }
        Ok(RawObject(out))
    }
}

impl<'de> Deserialize<'de> for RawObject<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RawObjectVisitor)
    }
}

fn parse_object(text: &str) -> Result<RawObject<'_>, String> {
    serde_json::from_str::<RawObject<'_>>(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data if text.trim_start().starts_with(['{']) => {
            format!("invalid JSON: {e}")
        }
        serde_json::error::Category::Data => "not a JSON object".to_owned(),
        _ => format!("invalid JSON: {e}"),
    })
}

/// Replaces the string at `path` with what `f` writes as JSON, given the
/// string.
fn replace_field(
    obj: &mut RawObject<'_>,
    path: &[String],
    f: &mut dyn FnMut(&str, &mut String),
) -> Result<(), String> {
    let (key, rest) = path.split_first().ok_or("empty field path")?;
    let raw = obj.get(key).ok_or_else(|| format!("no field `{key}`"))?;
    if rest.is_empty() {
        let s = match unescape(raw) {
            Some(s) => s,
            // Not a string, or an escape that is no character: serde says why.
            None => serde_json::from_str::<String>(raw).map_err(|e| {
                if raw.starts_with('"') {
                    format!("field `{key}` is not valid UTF-8 after JSON escapes: {e}")
                } else {
                    format!("field `{key}` is not a string (found {})", kind(raw))
                }
            })?,
        };
        let mut json = String::with_capacity(s.len() + s.len() / 8 + 2);
        f(&s, &mut json);
        obj.set(key, Value::New(json));
        return Ok(());
    }
    let mut inner = parse_object(raw).map_err(|_| format!("field `{key}` is not an object"))?;
    replace_field(&mut inner, rest, f)?;
    let json = inner.to_json();
    obj.set(key, Value::New(json));
    Ok(())
}

/// The string a JSON string literal (`raw`, quotes included, already
/// checked to be JSON) stands for, in one allocation of its size; `None`
/// when `raw` is not a string or an escape is a lone surrogate.
fn unescape(raw: &str) -> Option<String> {
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = memchr::memchr(b'\\', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        let escape = rest.as_bytes().get(at + 1)?;
        rest = rest.get(at + 2..)?;
        let c = match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(rest)?;
                rest = &rest[4..];
                match unit {
                    0xD800..=0xDBFF => {
                        let low = hex4(rest.strip_prefix("\\u")?)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        rest = &rest[6..];
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                    }
                    _ => char::from_u32(unit)?,
                }
            }
            _ => return None,
        };
        out.push(c);
    }
    out.push_str(rest);
    Some(out)
}

/// The value of the four hex digits `text` starts with.
fn hex4(text: &str) -> Option<u32> {
    let digits = text.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// Appends `s` as a JSON string literal, escaped as serde_json escapes it
/// (`\"`, `\\`, the short escapes of `\b \f \n \r \t`, `\u00xx` for
/// the other control characters, nothing else), eight bytes at a time
/// between the bytes to escape.
fn push_json_string(out: &mut String, s: &str) {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Whether any byte of `w` is zero (the classic bit trick; exact as a yes/no).
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS != 0;
    let needs_escape = |w: u64| {
        has_zero(w ^ (ONES * u64::from(b'"')))
            || has_zero(w ^ (ONES * u64::from(b'\\')))
            // A byte below 0x20: its top three bits are zero.
            || has_zero(w & (ONES * 0xE0))
    };
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_ne_bytes(chunk.try_into().unwrap_or_default());
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[copied..i]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push_str(short);
        }
        i += 1;
        copied = i;
    }
    out.push_str(&s[copied..]);
    out.push('"');
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
    fn strings_are_escaped_and_unescaped_as_serde_json_does() {
        let mut samples: Vec<String> = (0u8..0x80).map(|b| format!("ab{}cdefghij", char::from(b))).collect();
        samples.extend(
            [
                "",
                "plain ascii text longer than eight bytes",
                "quote \" back \\ slash / tab\t nl\n cr\r \u{8}\u{c}\u{1}\u{1f}\u{7f}",
                "Olimpiadas en China: ¿Qué? 欲張りなイヌ 😀 — “quoted” \n\n",
                "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
            ]
            .map(str::to_owned),
        );
        for s in &samples {
            let mut ours = String::new();
            push_json_string(&mut ours, s);
            let theirs = serde_json::to_string(s).unwrap_or_default();
            assert_eq!(ours, theirs, "{s:?}");
            assert_eq!(unescape(&theirs).as_deref(), Some(s.as_str()), "{theirs}");
        }
        // Every escape JSON has, surrogate pairs included.
        let raw = r#""\" \\ \/ \b \f \n \r \t \u00e9 \u4E2D \ud83d\ude00 end""#;
        assert_eq!(unescape(raw), serde_json::from_str::<String>(raw).ok());
        // Not strings, or no character: serde_json is asked, and says why.
        for raw in [r#""\ud800""#, r#""\udc00 x""#, r#""\ud800\u0041""#, "5", "null"] {
            assert_eq!(unescape(raw), None, "{raw}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_round_trips_as_serde_json_writes_it(s in "(?s).{0,40}") {
            let mut ours = String::new();
            push_json_string(&mut ours, &s);
            let theirs = serde_json::to_string(&s).unwrap_or_default();
            proptest::prop_assert_eq!(&ours, &theirs);
            proptest::prop_assert_eq!(unescape(&theirs), Some(s));
        }
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
