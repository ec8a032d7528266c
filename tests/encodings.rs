//! Legacy encodings: a document encoded as Big5, GB18030, Shift_JIS, EUC-KR,
//! windows-1252 or UTF-16 with a BOM cleans to the same text as its UTF-8 form.

use thresh::Thresh;

const BODY: &str = "Port Operators Bet on Automation\n\n\
Terminal operators are spending record sums on automated cranes and driverless trucks, betting that cargo volumes will keep growing after two years of swings.\n\n\
Investment in new terminal equipment rose by about a fifth last year, according to an industry survey.\n\n";

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

fn check(encoding: &'static encoding_rs::Encoding, tail: &str, expected_name: &str) {
    let thresh = Thresh::new().unwrap_or_else(|e| panic!("{e}"));
    let doc = format!("{BODY}{tail}");
    let reference = thresh.clean(&doc);
    let (bytes, _, unmappable) = encoding.encode(&doc);
    assert!(!unmappable, "{} cannot encode the fixture", encoding.name());
    let cleaned = thresh.clean_bytes(&bytes);
    assert_eq!(cleaned.decode.encoding, expected_name);
    assert!(!cleaned.decode.had_errors);
    assert_eq!(cleaned.text, reference.text, "{}", encoding.name());
    assert!(
        !cleaned.text.contains(tail.lines().next().unwrap_or("?")),
        "{}: boilerplate kept",
        encoding.name()
    );
}

#[test]
fn big5() {
    check(
        encoding_rs::BIG5,
        "免責聲明：投資有風險，本文並非投資建議，投資者應自行研究並在投資前尋求專業建議。\n\n熱議股票\n",
        "Big5",
    );
}

#[test]
fn gb18030() {
    // chardetng names the family GBK; encoding_rs decodes GBK with the full GB18030 decoder.
    check(
        encoding_rs::GB18030,
        "免责声明：投资有风险，本文并非投资建议，投资者应自行研究并在投资前寻求专业建议。\n\n热门股票\n",
        "GBK",
    );
}

#[test]
fn shift_jis() {
    check(
        encoding_rs::SHIFT_JIS,
        "免責事項：本記事は情報提供を目的としたものであり、投資勧誘を目的としたものではありません。\n\n人気銘柄\n",
        "Shift_JIS",
    );
}

#[test]
fn euc_kr() {
    check(
        encoding_rs::EUC_KR,
        "면책 조항: 본 기사는 투자 권유가 아니며, 투자 판단의 책임은 투자자 본인에게 있습니다.\n\n인기 종목\n",
        "EUC-KR",
    );
}

#[test]
fn windows_1252() {
    let thresh = Thresh::new().unwrap_or_else(|e| panic!("{e}"));
    let doc = format!(
        "{BODY}Caf\u{e9} owners said the \u{201c}rent shock\u{201d} was over.\n\n\u{a9} 2025 Example News\n"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&doc);
    let cleaned = thresh.clean_bytes(&bytes);
    assert_eq!(cleaned.decode.encoding, "windows-1252");
    assert_eq!(cleaned.text, thresh.clean(&doc).text);
    assert!(cleaned.text.contains("Caf\u{e9} owners said the \u{201c}rent shock\u{201d}"));
    assert!(!cleaned.text.contains("Example News"));
}

#[test]
fn utf16_with_bom() {
    let thresh = Thresh::new().unwrap_or_else(|e| panic!("{e}"));
    let doc = format!("{BODY}版權所有 © 2025\n");
    let cleaned = thresh.clean_bytes(&utf16le_with_bom(&doc));
    assert_eq!(cleaned.decode.encoding, "UTF-16LE");
    assert_eq!(cleaned.text, thresh.clean(&doc).text);
}

#[test]
fn utf8_with_bom_and_an_override() {
    let thresh = Thresh::new().unwrap_or_else(|e| panic!("{e}"));
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(BODY.as_bytes());
    assert_eq!(thresh.clean_bytes(&bytes).text, thresh.clean(BODY).text);

    let doc = format!("{BODY}熱議股票\n");
    let (big5, _, _) = encoding_rs::BIG5.encode(&doc);
    let forced = Thresh::builder().encoding("big5").build().unwrap_or_else(|e| panic!("{e}"));
    let cleaned = forced.clean_bytes(&big5);
    assert_eq!(cleaned.decode.source, thresh::decode::EncodingSource::Override);
    assert_eq!(cleaned.text, thresh.clean(BODY).text);
}
