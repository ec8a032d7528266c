//! Bytes that every match of a pattern contains, found from its syntax
//! tree: a block that holds none of them need not be searched.
//!
//! A pattern's requirements are clauses, each a set of bytes of which a
//! match holds at least one: a literal's bytes are each a clause of one, a
//! class's possible first bytes (UTF-8 lead bytes for the characters outside
//! ASCII) one clause, a concatenation the clauses of its parts, an
//! alternation one clause made of the smallest clause of each branch, a
//! repetition its part's clauses when it repeats at least once. The
//! narrowest clause of at most `MAX_NEEDLES` bytes is the one searched for,
//! with `memchr`: for a blog archive's "Label (12)" lines that is `(` or a
//! full-width bracket's lead byte, which a menu of plain labels lacks.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The most bytes of a clause searched for (`memchr3`).
pub(super) const MAX_NEEDLES: usize = 3;

/// Clauses larger than this are no help and are not kept.
const MAX_CLAUSE: usize = 16;

/// A set of bytes.
type Clause = Vec<u8>;

/// The narrowest set of at most `MAX_NEEDLES` bytes of which every match of
/// `hir` holds one, if there is one.
pub(super) fn needles(hir: &Hir) -> Option<Vec<u8>> {
    clauses(hir).into_iter().filter(|c| !c.is_empty() && c.len() <= MAX_NEEDLES).min_by_key(Vec::len)
}

/// Whether `text` holds one of `needles`.
pub(super) fn holds_one(text: &[u8], needles: &[u8]) -> bool {
    match *needles {
        [a] => memchr::memchr(a, text).is_some(),
        [a, b] => memchr::memchr2(a, b, text).is_some(),
        [a, b, c] => memchr::memchr3(a, b, c, text).is_some(),
        _ => true,
    }
}

fn clauses(hir: &Hir) -> Vec<Clause> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Vec::new(),
        HirKind::Literal(lit) => {
            let mut bytes = lit.0.to_vec();
            bytes.sort_unstable();
            bytes.dedup();
            bytes.into_iter().map(|b| vec![b]).collect()
        }
        HirKind::Class(class) => first_bytes(class).into_iter().collect(),
        HirKind::Repetition(r) if r.min >= 1 => clauses(&r.sub),
        HirKind::Repetition(_) => Vec::new(),
        HirKind::Capture(c) => clauses(&c.sub),
        HirKind::Concat(parts) => parts.iter().flat_map(clauses).collect(),
        HirKind::Alternation(branches) => {
            let mut union: Clause = Vec::new();
            for branch in branches {
                let Some(smallest) = clauses(branch).into_iter().min_by_key(Vec::len) else {
                    return Vec::new();
                };
                union.extend(smallest);
            }
            union.sort_unstable();
            union.dedup();
            if union.len() <= MAX_CLAUSE { vec![union] } else { Vec::new() }
        }
    }
}

/// The bytes a character of `class` can start with, when they are few.
fn first_bytes(class: &Class) -> Option<Clause> {
    let mut bytes: Clause = Vec::new();
    match class {
        Class::Bytes(c) => {
            for r in c.ranges() {
                if usize::from(r.end() - r.start()) >= MAX_CLAUSE {
                    return None;
                }
                bytes.extend(r.start()..=r.end());
            }
        }
        Class::Unicode(c) => {
            for r in c.ranges() {
                let (start, end) = (u32::from(r.start()), u32::from(r.end()));
                if start < 0x80 && end - start >= MAX_CLAUSE as u32 {
                    return None;
                }
                let mut buf = [0; 4];
                // The lead bytes of the range's first and last characters,
                // and every lead byte between them.
                let lead = |c: char, buf: &mut [u8; 4]| c.encode_utf8(buf).as_bytes()[0];
                let (a, b) = (lead(r.start(), &mut buf), lead(r.end(), &mut buf));
                if usize::from(b - a) >= MAX_CLAUSE {
                    return None;
                }
                bytes.extend(a..=b);
            }
        }
    }
    bytes.sort_unstable();
    bytes.dedup();
    (bytes.len() <= MAX_CLAUSE).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needles_of(pattern: &str) -> Option<Vec<u8>> {
        needles(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    #[test]
    fn the_narrowest_required_bytes_are_found() {
        assert_eq!(needles_of("<img"), Some(vec![b'<']));
        assert_eq!(
            needles_of("(?m)(?:^[*-]*[^()\\n]+?\\s*[(（]\\d+[)）]\\s*$[\\s\\S]*?){3}"),
            Some(vec![b'(', 0xEF])
        );
        assert_eq!(needles_of("(?:©|copyright)"), Some(vec![b'c', 0xA9]));
        // Something in every branch, or nothing required.
        assert_eq!(needles_of("a|b|c|d"), None);
        assert_eq!(needles_of("x*"), None);
        assert_eq!(needles_of("[a-z]+"), None);
        assert_eq!(needles_of("(?:foo)?bar"), Some(vec![b'a']));
    }

    #[test]
    fn holds_one_searches_for_each_needle() {
        assert!(holds_one(b"menu (3)", b"("));
        assert!(holds_one("（3）".as_bytes(), &[b'(', 0xEF]));
        assert!(!holds_one(b"home news sport", &[b'(', 0xEF]));
        assert!(holds_one(b"anything", b""));
    }
}
