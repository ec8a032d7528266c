#![allow(missing_docs)] // criterion_group! writes an undocumented function

//! Per-stage benchmarks over generated pages (no corpus text): decode,
//! segment, normalise, language, analysis, and whole cleaning with and
//! without the built-in rules. Run with `cargo bench --bench stages`;
//! `bench/compare.sh` measures the binary beside its peers.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use thresh::Thresh;
use thresh::analyze::analyze;
use thresh::lang::{LangDetector, Scripts};

/// A page of about 20 KB: menus, a byline, share buttons, an article, a
/// related list, comments and a footer, with a Chinese disclaimer.
fn page(seed: usize) -> String {
    let mut p = String::new();
    p.push_str("Home | News | Sport | Business | Culture | Travel | Weather\n* Sign in\n* Subscribe\n\n");
    p.push_str(&format!("Harbour Authority Plans New Ferry Routes for {seed}\n\n"));
    p.push_str("By Staff Reporter | 14 March 2025, 09:12\n\nShare\nTweet\nEmail\n\n");
    let sentences = [
        "The harbour authority said on Tuesday that it would open three new ferry routes next spring.",
        "Officials expect the routes to carry about four thousand passengers a day once they are running.",
        "Residents of the outer islands have asked for faster crossings for more than a decade.",
        "The plan still needs the approval of the city council, which meets again at the end of the month.",
        "Critics said the timetable was ambitious and that the new piers would not be ready in time.",
    ];
    for i in 0..30 {
        let para: Vec<&str> = (0..4).map(|k| sentences[(i + k + seed) % sentences.len()]).collect();
        p.push_str(&para.join(" "));
        p.push_str("\n\n");
        if i % 10 == 9 {
            p.push_str("Advertisement\n\n");
        }
    }
    p.push_str("Related stories\n\n* Bridge repairs delayed again\n* Bus fares rise in April\n* New cycle lanes open\n\n");
    p.push_str("12 Comments\n\nGreat news for the islands, finally.\n\n");
    p.push_str("免責聲明：本網站所載資料僅供參考，並不構成任何投資建議。\n\n");
    p.push_str(
        "© 2025 Harbour Daily. All rights reserved.\nPrivacy Policy | Terms of Use | Cookie Settings\n",
    );
    p
}

fn stages(c: &mut Criterion) {
    let pages: Vec<String> = (0..20).map(page).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("decode", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| thresh::decode::decode(black_box(p.as_bytes()), None).text.len())
                .sum::<usize>()
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| pages.iter().map(|p| thresh::segment::segment(black_box(p)).blocks.len()).sum::<usize>())
    });
    g.bench_function("normalize", |b| {
        b.iter(|| pages.iter().map(|p| thresh::normalize::normalize(black_box(p)).len()).sum::<usize>())
    });
    let segs: Vec<_> = pages.iter().map(|p| thresh::segment::segment(p)).collect();
    let detector = LangDetector::new(&["en"]);
    g.bench_function("language", |b| {
        b.iter(|| {
            let mut n = 0;
            for (p, seg) in pages.iter().zip(&segs) {
                for block in &seg.blocks {
                    let text = &p[block.span.clone()];
                    n += usize::from(detector.guess(text, &Scripts::count(text)).tag.is_some());
                }
            }
            n
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            let mut n = 0;
            for (p, seg) in pages.iter().zip(&segs) {
                for block in &seg.blocks {
                    n += analyze(p, seg, block, &detector).chars;
                }
            }
            n
        })
    });
    let bare = Thresh::builder().default_rules(false).langs(&["en"]).build().expect("no rules");
    g.bench_function("clean, language policy only", |b| {
        b.iter(|| pages.iter().map(|p| bare.clean(black_box(p)).text.len()).sum::<usize>())
    });
    let full = Thresh::builder().langs(&["en"]).build().expect("built-in rules");
    g.bench_function("clean, built-in rules", |b| {
        b.iter(|| pages.iter().map(|p| full.clean(black_box(p)).text.len()).sum::<usize>())
    });
    g.finish();
    c.bench_function("build with the built-in rules", |b| {
        b.iter(|| Thresh::builder().langs(&["en"]).build().expect("built-in rules").rules().rules().len())
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
