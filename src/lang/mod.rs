//! Per-block language: script first, cheap evidence second, whatlang last.
//!
//! whatlang names every Chinese text `cmn`, needs kana to call Japanese, and
//! is unreliable on short blocks; it is also the most expensive step of the
//! pipeline. So a block is decided by its script where the script is enough
//! (Hangul → `ko`, kana → `ja`, Han alone → `zh`, refined to `zh-Hant` or
//! `zh-Hans` by characters unique to each script); a Latin block with a high
//! density of English function words is English without asking anyone; only
//! the rest goes to whatlang, on a bounded prefix, with an allowlist.
//!
//! A block is Latin when Latin words are at least half of its words, counting
//! each Han, kana and Hangul character as one word and ignoring ALL-CAPS
//! tokens of up to five letters (tickers). Then only its Latin part is shown
//! to the detector: an English sentence that quotes a Chinese name is English.

use std::sync::{Arc, OnceLock};

use whatlang::Lang;

use crate::segment::byte_prefix;

mod function_words;
mod scripts;

pub use function_words::{is_english_function_word, is_foreign_function_word};
pub use scripts::{Scripts, is_han, is_hangul, is_kana, is_unspaced};

/// Bytes of a block shown to whatlang; its trigram profile settles well before.
const DETECT_PREFIX: usize = 1024;
/// Below this share of letters a block is code, a table or a formula: the
/// detector's guess about it is not trusted, so it is not asked.
pub const MIN_LETTER_SHARE: f32 = 0.7;
/// Latin words below which whatlang is not asked.
const MIN_DETECT_WORDS: u32 = 4;
/// Letters of other scripts below which whatlang is not asked.
const MIN_DETECT_LETTERS: u32 = 12;

/// The language of a block, as far as it can be told.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct LangGuess {
    /// ISO 639-1 code (`en`, `de`, `zh-Hant`, …), or `None` when the block has
    /// no letters of its own (numbers, punctuation, URLs, tickers).
    pub tag: Option<&'static str>,
    /// 0 to 1: how sure the guess is.
    pub confidence: f32,
    /// What decided it.
    pub method: LangMethod,
}

/// What decided a block's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LangMethod {
    /// No letters: no language.
    NoLetters,
    /// The script alone (Han, kana, Hangul).
    Script,
    /// English function words.
    FunctionWords,
    /// The whatlang detector.
    Detector,
    /// The detector could not tell.
    Unknown,
    /// Not asked: cleaning did not need this block's language, and the
    /// caller did not want it reported ([`crate::Thresh::clean_text`]).
    NotAsked,
}

impl LangMethod {
    /// The kebab-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            LangMethod::NoLetters => "no-letters",
            LangMethod::Script => "script",
            LangMethod::FunctionWords => "function-words",
            LangMethod::Detector => "detector",
            LangMethod::Unknown => "unknown",
            LangMethod::NotAsked => "not-asked",
        }
    }
}

impl LangGuess {
    /// The primary language subtag: `zh` for `zh-Hant`.
    pub fn primary(&self) -> Option<&'static str> {
        self.tag.map(primary)
    }
}

/// The primary subtag of a language tag: `zh` for `zh-Hant`.
pub fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Guesses the language of one block of `text`.
#[derive(Clone)]
pub struct LangDetector {
    inner: Arc<Detectors>,
}

#[derive(Debug)]
struct Detectors {
    latin: whatlang::Detector,
    other: whatlang::Detector,
}

/// A block's language that only the detector can tell, not asked yet: the
/// costliest step of the analysis is taken only when a stage needs it.
#[derive(Debug, Clone)]
pub struct PendingLang {
    detector: LangDetector,
    latin: bool,
    text: Box<str>,
}

impl PendingLang {
    /// Asks the detector.
    pub fn resolve(&self) -> LangGuess {
        detect(self.detector(), &self.text)
    }

    /// The detector's first guess, however unsure ([`PendingLang::resolve`]
    /// reports no language below its confidence floor).
    pub fn lean(&self) -> Option<&'static str> {
        self.detector().detect(&self.text).and_then(|info| iso_639_1(info.lang()))
    }

    /// The detector for the block's script: Latin with its allowlist, or the rest.
    fn detector(&self) -> &whatlang::Detector {
        let d = &self.detector.inner;
        if self.latin { &d.latin } else { &d.other }
    }
}

impl std::fmt::Debug for LangDetector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LangDetector").finish_non_exhaustive()
    }
}

impl LangDetector {
    /// A detector whose Latin-script guesses are limited to common languages
    /// plus `wanted` (the languages the caller keeps), which makes short
    /// blocks far more reliable than the full list of 70.
    pub fn new(wanted: &[&str]) -> Self {
        let mut allow: Vec<Lang> = COMMON_LATIN.to_vec();
        for code in wanted {
            if let Some(lang) = lang_for_code(code)
                && !allow.contains(&lang)
            {
                allow.push(lang);
            }
        }
        let latin = whatlang::Detector::with_allowlist(allow);
        LangDetector { inner: Arc::new(Detectors { latin, other: whatlang::Detector::new() }) }
    }

    /// The language of `text`, whose scripts were counted as `scripts`.
    pub fn guess(&self, text: &str, scripts: &Scripts) -> LangGuess {
        self.guess_lazily(text, scripts).unwrap_or_else(|pending| pending.resolve())
    }

    /// The language of `text` when cheap evidence tells it; otherwise the
    /// question for the detector, to be asked when needed.
    pub fn guess_lazily(&self, text: &str, scripts: &Scripts) -> Result<LangGuess, PendingLang> {
        let ask = |latin: bool, text: &str| PendingLang { detector: self.clone(), latin, text: text.into() };
        let cjk = scripts.cjk();
        let letters = scripts.latin_words + cjk + scripts.other;
        if letters == 0 {
            return Ok(LangGuess { tag: None, confidence: 1.0, method: LangMethod::NoLetters });
        }
        if cjk > 0 && cjk * 2 > letters {
            return Ok(guess_cjk(text, scripts));
        }
        // Too short to tell: the detector's guess would not be trusted (see
        // the language policy), and asking it is the costliest step there is.
        let unknown = LangGuess { tag: None, confidence: 0.0, method: LangMethod::Unknown };
        if scripts.other * 2 > letters {
            if scripts.other < MIN_DETECT_LETTERS || scripts.letter_share() < MIN_LETTER_SHARE {
                return Ok(unknown);
            }
            return Err(ask(false, byte_prefix(text, DETECT_PREFIX)));
        }
        // Latin: at least half the words. English function words settle it cheaply.
        let english = scripts.english_words >= 2 && scripts.foreign_words * 3 <= scripts.english_words;
        if scripts.latin_words >= 4 && english && scripts.english_words * 4 >= scripts.latin_words {
            let confidence = if scripts.latin_words >= 8 { 0.99 } else { 0.9 };
            return Ok(LangGuess { tag: Some("en"), confidence, method: LangMethod::FunctionWords });
        }
        // A headline or a menu in English has fewer function words, but in
        // plain ASCII, with two English ones and none of another language's,
        // it is English all the same (a German or French line has accents or
        // its own articles).
        if scripts.english_words >= 2 && scripts.foreign_words == 0 && scripts.accented == 0 {
            return Ok(LangGuess { tag: Some("en"), confidence: 0.8, method: LangMethod::FunctionWords });
        }
        // The detector's guess about code, a table or a formula is not
        // trusted (see the language policy): do not ask.
        if scripts.latin_words < MIN_DETECT_WORDS || scripts.letter_share() < MIN_LETTER_SHARE {
            return Ok(unknown);
        }
        if cjk == 0 {
            return Err(ask(true, byte_prefix(text, DETECT_PREFIX)));
        }
        let latin_part: String = text
            .chars()
            .filter(|&c| !(is_han(c) || is_kana(c) || is_hangul(c)))
            .take(DETECT_PREFIX)
            .collect();
        Err(ask(true, &latin_part))
    }
}

/// The ISO 639-1 codes the detector knows, for validating `--lang`.
pub fn known_codes() -> impl Iterator<Item = &'static str> {
    ISO.iter().map(|&(_, code)| code)
}

/// Whether `code` is a language code the detector knows.
pub fn is_known_code(code: &str) -> bool {
    known_codes().any(|c| c == code)
}

/// Whether `tag`'s language (its primary subtag, any case) has an ISO 639-1
/// code, known to the detector or not: `is` (Icelandic) and `ga` (Irish)
/// are languages, `xx` and `eng` are not codes.
pub fn is_iso_639_1(tag: &str) -> bool {
    ISO_639_1.contains(&written_primary(tag).as_str())
}

/// The primary subtag of a tag as users write it: trimmed, in lower case,
/// whatever follows `-` or `_` left out.
fn written_primary(tag: &str) -> String {
    tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

/// Every ISO 639-1 code.
const ISO_639_1: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv",
    "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd",
    "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig",
    "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko",
    "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh",
    "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr",
    "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru",
    "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
    "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug",
    "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// The detector's code for a language tag as users and corpora write it:
/// any case, a region or script after `-` or `_` left out (`pt-BR`,
/// `zh-Hant`, `en_US`), and the codes the detector knows under another name
/// (`no` and `nn` for Norwegian, `nb` here; the withdrawn `iw`, `in`, `ji`,
/// `jw`; `fil` for Tagalog; `ms`, which it does not tell from Indonesian;
/// `bs`, which it does not tell from Croatian). `None` when it knows none.
pub fn canonical_code(tag: &str) -> Option<&'static str> {
    let primary = written_primary(tag);
    let code = match primary.as_str() {
        "no" | "nn" => "nb",
        "iw" => "he",
        "in" | "ms" => "id",
        "ji" => "yi",
        "jw" => "jv",
        "fil" => "tl",
        "bs" => "hr",
        other => other,
    };
    known_codes().find(|&c| c == code)
}

fn guess_cjk(text: &str, s: &Scripts) -> LangGuess {
    let cjk = s.cjk();
    let confidence = (0.5 + cjk as f32 / 10.0).min(1.0);
    let tag = if s.hangul > s.kana && s.hangul * 2 >= s.han {
        "ko"
    } else if (s.kana > 0 && s.kana * KANA_PARTS >= s.han + s.kana) || kanji_say_japanese(text, s.kana > 0) {
        "ja"
    } else {
        chinese_variant(text)
    };
    LangGuess { tag: Some(tag), confidence, method: LangMethod::Script }
}

/// A block is Japanese when at least one in `KANA_PARTS` of its Han and kana
/// characters is kana: Chinese text has none, and a Japanese headline may
/// have one in ten ("日銀総裁、追加利上げ示唆").
const KANA_PARTS: u32 = 20;

/// Whether Japanese forms of Han characters that neither written Chinese
/// uses ("県", "駅", "経", "様": `SHINJITAI`) make dense kanji Japanese: one
/// of them beside any kana ("静岡県水産技術研究所「浜名湖の牡蠣生育調査」",
/// a reference's title with one "の"), or two without.
fn kanji_say_japanese(text: &str, kana: bool) -> bool {
    let forms = &han_sets().japanese;
    let needed = if kana { 1 } else { 2 };
    // Asked of every Chinese block: a bit looked up for each character, not
    // a scan of the list (+12 % instructions on Chinese pages).
    text.chars().filter(|&c| forms.contains(c)).take(needed).count() == needed
}

/// Common Japanese simplified forms (shinjitai) that are neither Simplified
/// nor Traditional Chinese: Chinese writes 県 as 县 or 縣, 駅 as 驿 or 驛.
/// Forms the two share ("区", "画", "来", "数") are left out.
const SHINJITAI: &str = "県浜駅円込図様気楽対実経済営売読続転鉄関発単変覚広歩辺戦銭検険験権観歓雑乗縄悪圧囲隠桜価絵拡巻帰挙駆恵継軽剣撃圏顕厳鉱黒砕剤歯児釈収従渋獣縦粛処奨焼浄畳譲寝粋酔髄専摂斉巣捜荘蔵臓増騒総帯滝択沢団遅鋳庁徴聴伝稲闘徳悩脳拝廃髪抜払仏舗豊毎満黙薬揺謡頼覧竜両猟緑涙塁霊齢歴録労戻";

/// `zh-Hant`, `zh-Hans`, or `zh` when the characters do not tell.
fn chinese_variant(text: &str) -> &'static str {
    let sets = han_sets();
    let (mut hant, mut hans) = (0u32, 0u32);
    let mut buf = [0u8; 4];
    for c in text.chars().filter(|&c| is_han(c)) {
        if sets.simplified_only.contains(c) {
            hans += 1;
        } else if sets.traditional.contains(c) || (!HanSet::covers(c) && is_traditional(c, &mut buf)) {
            hant += 1;
        }
    }
    match hant.cmp(&hans) {
        std::cmp::Ordering::Greater => "zh-Hant",
        std::cmp::Ordering::Less => "zh-Hans",
        std::cmp::Ordering::Equal => "zh",
    }
}

/// A bit set over the CJK Unified Ideographs block.
struct HanSet(Vec<u64>);

impl HanSet {
    const START: u32 = 0x4E00;
    const END: u32 = 0xA000;

    fn empty() -> HanSet {
        HanSet(vec![0u64; ((Self::END - Self::START) as usize).div_ceil(64)])
    }

    fn covers(c: char) -> bool {
        (Self::START..Self::END).contains(&(c as u32))
    }

    fn insert(&mut self, c: char) {
        let i = (c as u32 - Self::START) as usize;
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn contains(&self, c: char) -> bool {
        if !Self::covers(c) {
            return false;
        }
        let i = (c as u32 - Self::START) as usize;
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// The characters fast2s folds (Traditional), and those it folds into that
/// are not themselves Traditional (Simplified-only): found once, in one run
/// of fast2s over the CJK block.
struct HanSets {
    traditional: HanSet,
    simplified_only: HanSet,
    /// `SHINJITAI`.
    japanese: HanSet,
}

fn han_sets() -> &'static HanSets {
    static SETS: OnceLock<HanSets> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut traditional = HanSet::empty();
        let mut targets = HanSet::empty();
        let mut buf = [0u8; 4];
        for c in (HanSet::START..HanSet::END).filter_map(char::from_u32) {
            if let Some(s) = fast2s::convert(c.encode_utf8(&mut buf)).chars().next()
                && s != c
            {
                traditional.insert(c);
                if HanSet::covers(s) {
                    targets.insert(s);
                }
            }
        }
        let simplified_only =
            HanSet(targets.0.iter().zip(&traditional.0).map(|(t, trad)| t & !trad).collect());
        let mut japanese = HanSet::empty();
        SHINJITAI.chars().for_each(|c| japanese.insert(c));
        HanSets { traditional, simplified_only, japanese }
    })
}

/// Whether fast2s folds `c` to another character.
fn is_traditional(c: char, buf: &mut [u8; 4]) -> bool {
    !fast2s::convert(c.encode_utf8(buf)).starts_with(c)
}

/// Below this whatlang confidence a guess is noise: the block is reported
/// with no language and follows its neighbours.
const MIN_DETECTOR_CONFIDENCE: f64 = 0.25;

fn detect(detector: &whatlang::Detector, text: &str) -> LangGuess {
    match detector.detect(text) {
        Some(info) if info.confidence() < MIN_DETECTOR_CONFIDENCE => {
            LangGuess { tag: None, confidence: info.confidence() as f32, method: LangMethod::Unknown }
        }
        Some(info) => LangGuess {
            tag: iso_639_1(info.lang()),
            confidence: info.confidence() as f32,
            method: LangMethod::Detector,
        },
        None => LangGuess { tag: None, confidence: 0.0, method: LangMethod::Unknown },
    }
}

/// Latin-script languages whatlang may name by default. Rare ones are left
/// out: with all 70 languages short English blocks come back as Latin,
/// Tagalog or Esperanto.
const COMMON_LATIN: [Lang; 24] = [
    Lang::Eng,
    Lang::Deu,
    Lang::Fra,
    Lang::Spa,
    Lang::Por,
    Lang::Ita,
    Lang::Nld,
    Lang::Pol,
    Lang::Ces,
    Lang::Slk,
    Lang::Swe,
    Lang::Dan,
    Lang::Nob,
    Lang::Fin,
    Lang::Tur,
    Lang::Hun,
    Lang::Ron,
    Lang::Hrv,
    Lang::Slv,
    Lang::Lit,
    Lang::Lav,
    Lang::Est,
    Lang::Vie,
    Lang::Ind,
];

/// Whether `code` (a primary subtag) names one of the common Latin-script
/// languages.
pub fn latin_script(code: &str) -> bool {
    lang_for_code(code).is_some_and(|lang| COMMON_LATIN.contains(&lang))
}

fn lang_for_code(code: &str) -> Option<Lang> {
    ISO.iter().find(|&&(_, c)| c == code).map(|&(lang, _)| lang)
}

fn iso_639_1(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Cmn => Some("zh"),
        _ => ISO.iter().find(|&&(l, _)| l == lang).map(|&(_, c)| c),
    }
}

/// whatlang's languages with their ISO 639-1 codes.
const ISO: [(Lang, &str); 70] = [
    (Lang::Afr, "af"),
    (Lang::Aka, "ak"),
    (Lang::Amh, "am"),
    (Lang::Ara, "ar"),
    (Lang::Aze, "az"),
    (Lang::Bel, "be"),
    (Lang::Ben, "bn"),
    (Lang::Bul, "bg"),
    (Lang::Cat, "ca"),
    (Lang::Ces, "cs"),
    (Lang::Cmn, "zh"),
    (Lang::Cym, "cy"),
    (Lang::Dan, "da"),
    (Lang::Deu, "de"),
    (Lang::Ell, "el"),
    (Lang::Eng, "en"),
    (Lang::Epo, "eo"),
    (Lang::Est, "et"),
    (Lang::Fin, "fi"),
    (Lang::Fra, "fr"),
    (Lang::Guj, "gu"),
    (Lang::Heb, "he"),
    (Lang::Hin, "hi"),
    (Lang::Hrv, "hr"),
    (Lang::Hun, "hu"),
    (Lang::Hye, "hy"),
    (Lang::Ind, "id"),
    (Lang::Ita, "it"),
    (Lang::Jav, "jv"),
    (Lang::Jpn, "ja"),
    (Lang::Kan, "kn"),
    (Lang::Kat, "ka"),
    (Lang::Khm, "km"),
    (Lang::Kor, "ko"),
    (Lang::Lat, "la"),
    (Lang::Lav, "lv"),
    (Lang::Lit, "lt"),
    (Lang::Mal, "ml"),
    (Lang::Mar, "mr"),
    (Lang::Mkd, "mk"),
    (Lang::Mya, "my"),
    (Lang::Nep, "ne"),
    (Lang::Nld, "nl"),
    (Lang::Nob, "nb"),
    (Lang::Ori, "or"),
    (Lang::Pan, "pa"),
    (Lang::Pes, "fa"),
    (Lang::Pol, "pl"),
    (Lang::Por, "pt"),
    (Lang::Ron, "ro"),
    (Lang::Rus, "ru"),
    (Lang::Sin, "si"),
    (Lang::Slk, "sk"),
    (Lang::Slv, "sl"),
    (Lang::Sna, "sn"),
    (Lang::Spa, "es"),
    (Lang::Srp, "sr"),
    (Lang::Swe, "sv"),
    (Lang::Tam, "ta"),
    (Lang::Tel, "te"),
    (Lang::Tgl, "tl"),
    (Lang::Tha, "th"),
    (Lang::Tuk, "tk"),
    (Lang::Tur, "tr"),
    (Lang::Ukr, "uk"),
    (Lang::Urd, "ur"),
    (Lang::Uzb, "uz"),
    (Lang::Vie, "vi"),
    (Lang::Yid, "yi"),
    (Lang::Zul, "zu"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> Option<&'static str> {
        let d = LangDetector::new(&["en"]);
        d.guess(text, &Scripts::count(text)).tag
    }

    #[test]
    fn scripts_decide_cjk() {
        assert_eq!(tag("免責聲明：投資有風險，本文並非投資建議。"), Some("zh-Hant"));
        assert_eq!(tag("免责声明：投资有风险，本文并非投资建议。"), Some("zh-Hans"));
        assert_eq!(tag("本記事は投資の勧誘を目的としたものではありません。"), Some("ja"));
        // One kana in eleven: a Japanese headline, not Chinese.
        assert_eq!(tag("日銀総裁、追加利上げ示唆"), Some("ja"));
        assert_eq!(tag("이 기사는 투자 권유를 목적으로 하지 않습니다."), Some("ko"));
    }

    #[test]
    fn japanese_forms_of_kanji_tell_dense_kanji_from_chinese() {
        // One kana in fifty, but 県 and 編 in Japanese forms.
        assert_eq!(tag("^ 静岡県水産技術研究所「浜名湖の牡蠣生育調査」2018年。"), Some("ja"));
        assert_eq!(tag("東京駅前再開発計画"), Some("ja"));
        // The same words in Chinese forms.
        assert_eq!(tag("静冈县水产技术研究所"), Some("zh-Hans"));
        assert_eq!(tag("東京車站前再開發計畫"), Some("zh-Hant"));
        // One Japanese form without kana is not enough.
        assert_eq!(tag("日本静岡県的海产"), Some("zh-Hans"));
        // The forms are looked up in a set of the main Han block.
        assert!(SHINJITAI.chars().all(HanSet::covers));
    }

    #[test]
    fn english_with_a_chinese_name_is_english() {
        assert_eq!(
            tag("The regulator, known locally as 證監會, said the rule takes effect in May."),
            Some("en")
        );
    }

    #[test]
    fn tickers_and_numbers_have_no_language() {
        assert_eq!(tag("NVDA TSLA AAPL"), None);
        assert_eq!(tag("01-28"), None);
        assert_eq!(tag("1. 1"), None);
        assert_eq!(tag("NVDA、TSLA、騰訊控股"), Some("zh-Hant"));
    }

    #[test]
    fn latin_languages_go_to_the_detector() {
        assert_eq!(
            tag("Die Bundesregierung hat am Mittwoch neue Regeln für den Wohnungsbau beschlossen."),
            Some("de")
        );
        assert_eq!(
            tag("Le gouvernement a présenté mercredi un nouveau plan pour le logement social."),
            Some("fr")
        );
        assert_eq!(tag("Шеф-повар рассказал о новом меню ресторана."), Some("ru"));
    }

    #[test]
    fn function_words_are_english_only() {
        for w in ["the", "The", "because", "without"] {
            assert!(is_english_function_word(w), "{w}");
        }
        // Words of other languages that English shares in spelling only.
        for w in ["a", "de", "die", "me", "no", "throughout"] {
            assert!(!is_english_function_word(w), "{w}");
        }
        assert!(is_foreign_function_word("und") && is_foreign_function_word("für"));
        assert!(!is_foreign_function_word("the"));
        // Two ASCII English function words and none of another language's.
        assert_eq!(tag("Sign in to your account"), Some("en"));
        // "die" and "in" are not two English ones.
        assert_ne!(tag("Die Mannschaft in Berlin"), Some("en"));
    }

    #[test]
    fn codes() {
        assert!(is_known_code("en"));
        for (tag, code) in [
            ("en", "en"),
            ("EN", "en"),
            ("pt-BR", "pt"),
            ("zh-Hant", "zh"),
            ("en_US", "en"),
            ("no", "nb"),
            ("nn", "nb"),
            ("iw", "he"),
            ("ms", "id"),
        ] {
            assert_eq!(canonical_code(tag), Some(code), "{tag}");
        }
        assert_eq!(canonical_code("xx"), None);
        assert!(is_iso_639_1("is") && is_iso_639_1("GA-ie") && is_iso_639_1("en"));
        assert!(!is_iso_639_1("xx") && !is_iso_639_1("eng") && !is_iso_639_1(""));
        // Every code the detector knows is one.
        assert!(known_codes().all(is_iso_639_1));
        assert_eq!(canonical_code(""), None);
        assert!(is_known_code("zh"));
        assert!(!is_known_code("xx"));
        assert_eq!(primary("zh-Hant"), "zh");
    }
}
