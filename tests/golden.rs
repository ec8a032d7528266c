//! Golden documents: `tests/golden/NAME/input.txt` must clean to
//! `expected.txt`, with the flags in `args` (only `--lang` is read here; the
//! CLI tests run some of the same documents through the binary).

mod common;

use std::path::Path;

use thresh::Thresh;

fn lang_of(dir: &Path) -> Vec<String> {
    let args = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
    let words: Vec<&str> = args.split_whitespace().collect();
    match words.iter().position(|w| *w == "--lang") {
        Some(i) => words.get(i + 1).map(|l| l.split(',').map(str::to_owned).collect()).unwrap_or_default(),
        None => vec!["en".to_owned()],
    }
}

#[test]
fn golden_documents_clean_to_their_expected_text() {
    let dirs = common::case_dirs("golden");
    assert!(dirs.len() >= 10, "only {} golden documents", dirs.len());
    let mut failed = Vec::new();
    for dir in &dirs {
        let thresh = Thresh::builder().langs(&lang_of(dir)).build().unwrap_or_else(|e| panic!("{e}"));
        let input = std::fs::read(dir.join("input.txt")).unwrap_or_default();
        let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap_or_default();
        let got = thresh.clean_bytes(&input).text;
        if got != expected {
            failed.push(format!("{}:\n--- expected\n{expected}\n--- got\n{got}", dir.display()));
        }
        // Cleaning is idempotent: clean output cleans to itself.
        let again = thresh.clean(&got).text;
        if again != got {
            failed.push(format!("{}: not idempotent:\n{again}", dir.display()));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// Golden documents that do not come through their blank lines removed as
/// they do with them, and why.
const FLAT_EXCEPTIONS: &[(&str, &str)] = &[
    (
        "zh-blog-answer-credits-link-lines",
        "with blank lines, a quoted answer's credits (作者, 链接, 来源 and the copyright line) are one block and go together; without them, each is a block of its own, and the author's name alone is a byline and '链接：https://…' alone may be a download's address, so those two stay",
    ),
    (
        "pl-news-question-headline-over-byline-block",
        "with blank lines, the headline written as a statement and a question is found over its byline block; without them, the menu's last label, 'Zaloguj się' (log in), is a title of two words above it and is taken for the headline instead",
    ),
    (
        "zh-tw-bbs-post-header-fields",
        "with blank lines, the post's four fields make one block and its title is cut out of it; without them, the title keeps its '標題' label, as a line a rule cut is taken for no headline and the line above it would be kept instead",
    ),
    (
        "en-short-sentence-over-widget-gap",
        "with blank lines, each line is a block and the widgets' lines go; without them, the eight lines of this short page are too few to vote for line breaks and make one block, which a wire story's dateline opens, and it stays whole",
    ),
    (
        "de-finance-portal-section-label-title-date-block",
        "with blank lines, the section's label ('Nachrichten zu …') shares its block with the headline and its date, too long for a kicker, and stays with the headline over it; a line each, it stands alone above the headline and goes",
    ),
    (
        "en-wiki-hatnotes",
        "with blank lines, the tagline, the skip links and the hatnotes make one block of sentences, which is taken for the body's start (so an infobox under such a block stays, as the expected text of such pages keeps it) and stays; a line each, the tagline and the skip links go (rules for anywhere), the first hatnote is taken for the article's first paragraph and stays, and the note under it goes",
    ),
    (
        "en-howto-credits-box",
        "a line each, the steps' paragraphs under their bare numbers ('1', '2') are not taken for the body's long paragraphs, and the part headings, the bare numbers and 'Tips' go as short lines between them (a known loss); the title and the steps stay",
    ),
    (
        "de-news-standfirst-byline-box",
        "a line each, the kicker over the headline stays as a title over it, and the print-edition line under the story stands alone and stays (the expected text of such pages keeps it); with blank lines both share a block with a breadcrumb or a menu and go with it",
    ),
    (
        "es-news-byline-share-row",
        "with blank lines, the author's box ('Sobre la firma') is one block and stays; a line each, its heading and the author's name go as tail chrome",
    ),
    (
        "ja-news-title-share-buttons",
        "with blank lines, the author's box ('この記事を書いた人') is one block and stays; a line each, the box's lines go as tail chrome",
    ),
    (
        "en-health-featured-box",
        "with blank lines, the article's sources under 'Show Sources' are one block with sentences and stay; a line each, they read as tail chrome and go",
    ),
    (
        "de-qa-portal-poster-blocks",
        "a line each, the question's topics line ('Ernährung, Kochen, Backen') stands alone and stays; the poster's lines go",
    ),
    (
        "de-recipe-card-buttons",
        "a line each, the card's 'Nährwerte' button stands alone and reads as a heading, which stays; beside 'Einkaufsliste' in one block it goes",
    ),
    (
        "en-forum-unread-post-headers",
        "a line each, the first post's two paragraphs are too short to start the body, which starts at the reply; the poster's 'Location: Leeds' above it is taken for the headline",
    ),
    (
        "en-press-release-issuer-line",
        "a line each, the release's three highlights between the date and the first paragraph read as head chrome and go; the headline above them stays",
    ),
    (
        "ja-qa-portal-poster-lines",
        "with blank lines, an answer's vote count, the thanks heading, the count of other answers, a poster's name and time share blocks with the answers' text and stay; a line each, they go",
    ),
    (
        "es-match-report-scoreline",
        "a line each, the match facts under the report are a run of fields, and the last one ('Estadio: Mestalla. 44.000 espectadores.') goes with the tail",
    ),
    (
        "zh-encyclopedia-section-buttons",
        "the infobox's fields and the contents, a line each between the lead and the first section, read as the article's short lines; the subtitle above the lead is taken for the headline",
    ),
    (
        "fr-forum-post-headers",
        "with blank lines, the thread's 'Sujet : …' line shares a block with the poster's name and the post's date, and goes with them; a line each, it stands alone under the title and stays",
    ),
    (
        "ja-qa-related-questions",
        "the breadcrumb's last label on a line of its own is taken for the headline above the question",
    ),
    (
        "zh-tw-bbs-post-footer",
        "the post's title line stands alone as its headline; in the header's block it goes with the board's fields",
    ),
    ("en-blog-comments-toc", "the \"Contents\" heading stands alone, away from its list"),
    ("en-share-caption-above-body", "nine labels between the headline and a caption taken for the body"),
    (
        "es-news-section-topic-kickers",
        "with blank lines, the author box's heading and name share a block with the bio and stay; a line each, they go as tail chrome, and the bio, a sentence, stays",
    ),
    (
        "fr-regional-byline-gift-notice",
        "the kicker on a line of its own is head chrome, not part of the headline",
    ),
    (
        "en-docs-plugin-page",
        "code lines and a table's cells, one a line, between single sentences: no two sentences in a row resume the story",
    ),
    ("de-wiki-article", "the references' entries on lines of their own read as tail chrome, one by one"),
    (
        "zh-hant-unpunctuated-blog",
        "no paragraph line is long enough to split the page, and no line ends a sentence: it stays one block, and a text with no paragraph anywhere keeps it whole",
    ),
    (
        "en-code-host-issue-thread",
        "the report's paragraphs are all short, so it stands above the body; with blank lines its steps are one block with a sentence, a line each they hold none and go",
    ),
    (
        "en-howto-steps-ads",
        "a reader's story and the article's card under the tips are blocks with a sentence in each, so the body runs on over them; a line each, they are tail chrome",
    ),
    (
        "zh-forum-floor-headers",
        "with blank lines, each reply's floor, poster and time share a block with the post's buttons above and go; a line each, the first reply's poster and time stand between the question and the reply, inside the body, and stay",
    ),
];

/// Text whose paragraphs are separated by a single line break (a crawl's
/// plain text) cleans to the same lines as the same text with blank lines.
#[test]
fn golden_documents_without_blank_lines_keep_the_same_lines() {
    let lines =
        |t: &str| -> Vec<String> { t.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect() };
    let mut failed = Vec::new();
    let mut flat_inputs = 0;
    for dir in &common::case_dirs("golden") {
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if FLAT_EXCEPTIONS.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let thresh = Thresh::builder().langs(&lang_of(dir)).build().unwrap_or_else(|e| panic!("{e}"));
        let input = std::fs::read_to_string(dir.join("input.txt")).unwrap_or_default();
        let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap_or_default();
        let flat = lines(&input).join("\n");
        flat_inputs += usize::from(flat == input.trim_end());
        let got = thresh.clean(&flat).text;
        if lines(&got) != lines(&expected) {
            failed.push(format!("{name}:\n--- expected\n{expected}\n--- got\n{got}"));
        }
    }
    assert!(flat_inputs >= 3, "only {flat_inputs} golden inputs are written without blank lines");
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

#[test]
fn unchanged_documents_come_through_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for name in ["near-misses-unchanged", "plain-article-unchanged"] {
        let input = std::fs::read_to_string(root.join(name).join("input.txt")).unwrap_or_default();
        let expected = std::fs::read_to_string(root.join(name).join("expected.txt")).unwrap_or_default();
        assert_eq!(input, expected, "{name}: fixture should be unchanged");
        let thresh = Thresh::new().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(thresh.clean(&input).text, input, "{name}");
    }
}

/// `Detail::Decisions` skips languages no stage needed: same text, same
/// decisions, and every language it reports is the one the full report gives.
#[test]
fn decisions_detail_decides_as_full_and_leaves_out_only_languages() {
    use thresh::Detail;
    use thresh::lang::LangMethod;
    let mut not_asked = 0;
    for dir in &common::case_dirs("golden") {
        for langs in [lang_of(dir), vec!["any".to_owned()]] {
            let thresh = Thresh::builder().langs(&langs).build().unwrap_or_else(|e| panic!("{e}"));
            let input = std::fs::read(dir.join("input.txt")).unwrap_or_default();
            let full = thresh.clean_bytes_with(&input, Detail::Full);
            let lean = thresh.clean_bytes_with(&input, Detail::Decisions);
            assert_eq!(lean.text, full.text, "{}", dir.display());
            assert_eq!(lean.blocks.len(), full.blocks.len());
            for (l, f) in lean.blocks.iter().zip(&full.blocks) {
                assert_eq!(
                    (l.decision, l.by, &l.rule, &l.evidence),
                    (f.decision, f.by, &f.rule, &f.evidence)
                );
                assert!(
                    f.lang_method != LangMethod::NotAsked,
                    "{}: full reports every language",
                    dir.display()
                );
                if l.lang_method == LangMethod::NotAsked {
                    not_asked += 1;
                } else {
                    assert_eq!((l.lang, l.confidence, l.lang_method), (f.lang, f.confidence, f.lang_method));
                }
            }
            assert_eq!(
                thresh.clean_text(&String::from_utf8_lossy(&input)),
                thresh.clean(&String::from_utf8_lossy(&input)).text
            );
        }
    }
    assert!(not_asked > 0, "some block's language was never needed");
}
