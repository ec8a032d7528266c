//! The vendored whatlang computes its trigram distances from an inverted
//! index of the language profiles and takes a few other shortcuts
//! (`vendor/whatlang`, see its README). Its answers must be whatlang's own:
//! this test computes every profile's distance both ways, and compares the
//! whole answer (language, script, confidence) with the published release,
//! with and without an allowlist, on text in many languages and scripts, on
//! the golden inputs, on cut-off prefixes and on random mixtures.

mod common;

use proptest::prelude::*;
use whatlang::dev::trigram_distances_both;

fn same(text: &str) -> Result<(), String> {
    for (lang, reference, fast) in trigram_distances_both(text) {
        if reference != fast {
            return Err(format!("{lang:?}: {reference} vs {fast} on {text:?}"));
        }
    }
    same_answer(text)
}

/// The vendored detector's answer is the published release's, to the bit.
fn same_answer(text: &str) -> Result<(), String> {
    let ours = |i: Option<whatlang::Info>| {
        i.map(|i| (i.lang().code(), i.script().name().to_owned(), i.confidence().to_bits()))
    };
    let theirs = |i: Option<whatlang_published::Info>| {
        i.map(|i| (i.lang().code(), i.script().name().to_owned(), i.confidence().to_bits()))
    };
    let (a, b) = (ours(whatlang::detect(text)), theirs(whatlang_published::detect(text)));
    if a != b {
        return Err(format!("detect: {a:?} vs {b:?} on {text:?}"));
    }
    use whatlang::Lang as L;
    use whatlang_published::Lang as P;
    let ours_allow =
        whatlang::Detector::with_allowlist(vec![L::Eng, L::Deu, L::Fra, L::Spa, L::Por, L::Ces, L::Ita]);
    let theirs_allow = whatlang_published::Detector::with_allowlist(vec![
        P::Eng,
        P::Deu,
        P::Fra,
        P::Spa,
        P::Por,
        P::Ces,
        P::Ita,
    ]);
    let (a, b) = (ours(ours_allow.detect(text)), theirs(theirs_allow.detect(text)));
    if a != b {
        return Err(format!("allowlist detect: {a:?} vs {b:?} on {text:?}"));
    }
    Ok(())
}

const SAMPLES: &[&str] = &[
    "",
    "a",
    "The council approved the new budget on Tuesday after a long debate.",
    "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen.",
    "Le conseil municipal a adopté mardi le nouveau budget après un long débat.",
    "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate.",
    "A câmara aprovou na terça-feira o novo orçamento depois de um longo debate.",
    "Zastupitelstvo v úterý schválilo nový rozpočet po dlouhé debatě.",
    "Городской совет во вторник утвердил новый бюджет после долгих споров.",
    "المجلس البلدي وافق يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل",
    "नगर परिषद ने मंगलवार को लंबी बहस के बाद नया बजट मंजूर किया",
    "מועצת העיר אישרה ביום שלישי את התקציב החדש לאחר ויכוח ארוך",
    "Home | World | Business | Tech | Science",
    "GET STARTED ... 12 34 !!",
];

#[test]
fn distances_match_whatlang_on_samples() {
    for text in SAMPLES {
        same(text).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn distances_match_whatlang_on_golden_inputs() {
    for dir in common::case_dirs("golden") {
        let input = std::fs::read(dir.join("input.txt")).unwrap_or_default();
        let text = String::from_utf8_lossy(&input);
        for block in text.split("\n\n") {
            same(block).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        // Long texts fill the 600 ranks of the text profile.
        same(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
}

proptest! {
    #[test]
    fn distances_match_whatlang_on_mixtures(parts in proptest::collection::vec(0..SAMPLES.len(), 0..12), cut in 0usize..400) {
        let text: String = parts.iter().map(|&i| SAMPLES[i]).collect::<Vec<_>>().join(" ");
        let cut = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
        prop_assert!(same(&text).is_ok(), "{}", same(&text).unwrap_err());
        prop_assert!(same(&text[..cut]).is_ok(), "{}", same(&text[..cut]).unwrap_err());
    }
}
