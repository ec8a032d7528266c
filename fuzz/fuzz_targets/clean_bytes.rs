//! `Thresh::clean_bytes` on arbitrary bytes: never panics, the output is
//! idempotent-safe text, and every report span lies inside the decoded input.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn thresh() -> &'static thresh::Thresh {
    static T: OnceLock<thresh::Thresh> = OnceLock::new();
    T.get_or_init(|| thresh::Thresh::new().expect("built-in rules load"))
}

fuzz_target!(|data: &[u8]| {
    let t = thresh();
    let cleaned = t.clean_bytes(data);
    let decoded = t.decode(data).text;
    for b in &cleaned.blocks {
        assert!(b.span.start <= b.span.end && b.span.end <= decoded.len());
        assert!(decoded.is_char_boundary(b.span.start) && decoded.is_char_boundary(b.span.end));
        for s in &b.stripped {
            assert!(s.start <= s.end && s.end <= decoded.len());
        }
    }
    // Cleaning the clean text again never panics either.
    let _ = t.clean(&cleaned.text);
});
