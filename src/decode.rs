//! Bytes to text: byte-order mark, then UTF-8, then a detected legacy encoding.
//!
//! The order matters: a BOM is authoritative; valid UTF-8 is taken as UTF-8
//! (legacy encodings are rarely valid UTF-8 by accident past a few bytes); only
//! then does chardetng guess, from a bounded prefix, because it is slow on
//! whole files.

use std::borrow::Cow;

use encoding_rs::Encoding;

/// How many bytes chardetng sees. It is right at 200 bytes for the common
/// CJK and Cyrillic encodings; a few KB leave room for ASCII-heavy heads.
const DETECT_PREFIX: usize = 4096;

/// Text decoded from bytes, with an account of how.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The decoded text.
    pub text: Cow<'a, str>,
    /// How it was decoded.
    pub info: DecodeInfo,
}

/// How a document's bytes were turned into text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DecodeInfo {
    /// The WHATWG name of the encoding used, e.g. `UTF-8`, `Big5`, `Shift_JIS`.
    pub encoding: &'static str,
    /// Where the choice came from.
    pub source: EncodingSource,
    /// Whether some bytes were malformed and replaced by U+FFFD.
    pub had_errors: bool,
    /// HTML numeric character references (`&#160;`) turned back into the
    /// characters they stand for; see [`decode`].
    pub refs_decoded: usize,
}

/// Where the encoding of a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EncodingSource {
    /// The input was already text (a `&str`, or a JSON string).
    Text,
    /// A byte-order mark at the start of the input.
    Bom,
    /// The bytes were valid UTF-8.
    Utf8,
    /// Guessed by chardetng from the first few KB.
    Detected,
    /// Named by the caller.
    Override,
}

impl EncodingSource {
    /// The kebab-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            EncodingSource::Text => "text",
            EncodingSource::Bom => "bom",
            EncodingSource::Utf8 => "utf-8",
            EncodingSource::Detected => "detected",
            EncodingSource::Override => "override",
        }
    }
}

impl DecodeInfo {
    /// The info for input that arrived as text and needed no decoding.
    pub fn text() -> Self {
        DecodeInfo { encoding: "UTF-8", source: EncodingSource::Text, had_errors: false, refs_decoded: 0 }
    }
}

/// Decodes `bytes`, honouring `forced` when given; never fails.
pub fn decode<'a>(bytes: &'a [u8], forced: Option<&'static Encoding>) -> Decoded<'a> {
    if let Some(encoding) = forced {
        return with_encoding(bytes, encoding, EncodingSource::Override);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text,
            info: DecodeInfo {
                encoding: encoding.name(),
                source: EncodingSource::Bom,
                had_errors,
                refs_decoded: 0,
            },
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            info: DecodeInfo {
                encoding: "UTF-8",
                source: EncodingSource::Utf8,
                had_errors: false,
                refs_decoded: 0,
            },
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    with_encoding(bytes, encoding, EncodingSource::Detected)
}

/// How far [`is_binary`] looks.
const BINARY_PREFIX: usize = 8192;

/// Whether `bytes` look like binary data rather than text: a NUL byte in the
/// first 8 KB of input that has no UTF-16 or UTF-32 byte-order mark (whose
/// text is full of NUL bytes). BOM-less UTF-16 is taken for binary too.
pub fn is_binary(bytes: &[u8]) -> bool {
    let utf16_or_32 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[0, 0, 0xFE, 0xFF]);
    !utf16_or_32 && bytes[..bytes.len().min(BINARY_PREFIX)].contains(&0)
}

/// Looks up an encoding by any of its WHATWG labels (`big5`, `gbk`, `sjis`, …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

fn with_encoding<'a>(bytes: &'a [u8], encoding: &'static Encoding, source: EncodingSource) -> Decoded<'a> {
    // A BOM still wins over a wrong override for the UTF family: decode() strips it.
    let (text, used, had_errors) = encoding.decode(bytes);
    // Encoders write the characters a legacy encoding lacks (a no-break
    // space or © in Big5) as HTML numeric references, `&#160;`; decoding
    // turns them back, so a text survives a round trip through the encoding.
    let unicode = [encoding_rs::UTF_8, encoding_rs::UTF_16LE, encoding_rs::UTF_16BE];
    let (text, refs_decoded) = if unicode.contains(&used) { (text, 0) } else { decode_numeric_refs(text) };
    Decoded { text, info: DecodeInfo { encoding: used.name(), source, had_errors, refs_decoded } }
}

/// Replaces `&#NNN;` and `&#xHHH;` with their characters; returns the count.
fn decode_numeric_refs(text: Cow<'_, str>) -> (Cow<'_, str>, usize) {
    if !text.contains("&#") {
        return (text, 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut rest: &str = &text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let (digits, radix, skip) = match tail.strip_prefix(['x', 'X']) {
            Some(hex) => (hex.bytes().take_while(u8::is_ascii_hexdigit).count(), 16, 1),
            None => (tail.bytes().take_while(u8::is_ascii_digit).count(), 10, 0),
        };
        let number = &tail[skip..skip + digits];
        let decoded = (digits > 0 && digits <= 7 && tail[skip + digits..].starts_with(';'))
            .then(|| u32::from_str_radix(number, radix).ok())
            .flatten()
            .and_then(char::from_u32)
            .filter(|&c| c != '\0');
        match decoded {
            Some(c) => {
                out.push(c);
                count += 1;
                rest = &tail[skip + digits + 1..];
            }
            None => {
                out.push_str("&#");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    (Cow::Owned(out), count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_named() {
        let d = decode("héllo".as_bytes(), None);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.info.encoding, "UTF-8");
        assert_eq!(d.info.source, EncodingSource::Utf8);
    }

    #[test]
    fn bom_wins_and_is_removed() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("abc".as_bytes());
        let d = decode(&bytes, None);
        assert_eq!(d.text, "abc");
        assert_eq!(d.info.source, EncodingSource::Bom);

        // encoding_rs never encodes to UTF-16, so the bytes are written by hand.
        let bytes = [0xFF, 0xFE, b'h', 0, b'i', 0];
        let d = decode(&bytes, None);
        assert_eq!(d.text, "hi");
        assert_eq!(d.info.encoding, "UTF-16LE");
    }

    #[test]
    fn legacy_chinese_is_detected() {
        let text = "免責聲明：投資有風險，本文並非投資建議。市場波動，請謹慎評估。";
        let (big5, _, _) = encoding_rs::BIG5.encode(text);
        let d = decode(&big5, None);
        assert_eq!(d.info.encoding, "Big5");
        assert_eq!(d.info.source, EncodingSource::Detected);
        assert_eq!(d.text, text);
    }

    #[test]
    fn override_is_used_and_errors_are_reported() {
        let d = decode(&[0x81, 0xFF, b'a'], Some(encoding_rs::SHIFT_JIS));
        assert_eq!(d.info.source, EncodingSource::Override);
        assert!(d.info.had_errors);
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(is_binary(b"PK\x03\x04\x00\x00"));
        assert!(!is_binary("plain text, 免責".as_bytes()));
        assert!(!is_binary(&[0xFF, 0xFE, b'h', 0, b'i', 0]));
        assert!(!is_binary(b""));
    }

    #[test]
    fn numeric_references_from_legacy_encoders_are_decoded() {
        let text = "版權 \u{a9}2025 Bloomberg L.P.\u{a0}";
        let (big5, _, unmappable) = encoding_rs::BIG5.encode(text);
        assert!(unmappable, "Big5 has no \u{a9} or no-break space");
        let d = decode(&big5, Some(encoding_rs::BIG5));
        assert_eq!(d.text, text);
        assert_eq!(d.info.refs_decoded, 2);
        let (plain, n) = decode_numeric_refs(Cow::Borrowed("a &#; b &#x; c &#99999999; d &amp; &#65;"));
        assert_eq!(plain, "a &#; b &#x; c &#99999999; d &amp; A");
        assert_eq!(n, 1);
        // UTF-8 input is left as it is.
        assert_eq!(decode(b"&#160;", None).text, "&#160;");
    }

    #[test]
    fn labels_resolve() {
        assert_eq!(encoding_for_label("sjis").map(|e| e.name()), Some("Shift_JIS"));
        assert!(encoding_for_label("no-such-encoding").is_none());
    }
}
