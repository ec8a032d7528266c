//! Eight bytes at a time: tests on the bytes of a `u64` read from a text,
//! each answered in the top bit of its byte ("SWAR"). The passes that read
//! every byte of every block (the matching form, the script counts, the
//! phrase lookup) read ASCII this way, where a byte-at-a-time loop spent
//! several instructions and a branch on each byte.

/// The top bit of each of eight bytes.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in each of eight bytes.
const fn each(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The eight bytes of `bytes` from `at` as one little-endian number (the
/// first byte lowest), when there are eight.
#[inline]
pub(crate) fn load(bytes: &[u8], at: usize) -> Option<u64> {
    bytes.get(at..)?.first_chunk::<8>().map(|chunk| u64::from_le_bytes(*chunk))
}

/// The first eight bytes of `bytes` as one little-endian number, zeros
/// past its end.
#[inline]
pub(crate) fn load_padded(bytes: &[u8]) -> u64 {
    load(bytes, 0).unwrap_or_else(|| {
        let mut padded = [0u8; 8];
        padded[..bytes.len()].copy_from_slice(bytes);
        u64::from_le_bytes(padded)
    })
}

/// The top bit of each byte of `x` that lies in `low..=high` (both below
/// 0x80). A byte below 0x80 plus `0x80 - low` reaches 0x80 exactly when it
/// is at least `low`, and carries into no other byte; a byte of 0x80 or
/// more is never reported, but may disturb the bytes above it: callers read
/// only the bytes below the first such byte, or ASCII only.
#[inline]
pub(crate) fn within(x: u64, low: u8, high: u8) -> u64 {
    (x.wrapping_add(each(0x80 - low)) & !x.wrapping_add(each(0x7F - high))) & HIGH_BITS & !x
}

/// The top bit of each ASCII letter or digit of `x`.
#[inline]
pub(crate) fn alphanumeric(x: u64) -> u64 {
    within(x, b'0', b'9') | letters(x)
}

/// The top bit of each ASCII letter of `x`.
#[inline]
pub(crate) fn letters(x: u64) -> u64 {
    within(x, b'a', b'z') | within(x, b'A', b'Z')
}

/// How many ASCII letters `bytes` starts with.
#[inline]
pub(crate) fn leading_letters(bytes: &[u8]) -> usize {
    leading(bytes, |x| !letters(x) & HIGH_BITS, u8::is_ascii_alphabetic)
}

/// How many bytes `bytes` starts with before the first whose top bit
/// `others` sets in its eight bytes (read eight at a time), or, past the
/// last eight, that `one` turns away.
#[inline]
fn leading(bytes: &[u8], others: impl Fn(u64) -> u64, one: impl Fn(&u8) -> bool) -> usize {
    let mut n = 0;
    while let Some(x) = load(bytes, n) {
        let stop = others(x);
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| one(b)).count()
}

/// How many ASCII bytes `bytes` starts with.
#[inline]
pub(crate) fn leading_ascii(bytes: &[u8]) -> usize {
    leading(bytes, |x| x & HIGH_BITS, u8::is_ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_is_told_as_it_is_alone() {
        for b in 0u8..=0xFF {
            for lane in 0..8 {
                // The other lanes hold a space, which is no letter, digit or control.
                let x = (u64::from(b) << (8 * lane)) | (each(b' ') & !(0xFFu64 << (8 * lane)));
                let bit = 0x80u64 << (8 * lane);
                let expect = |yes: bool| if yes { bit } else { 0 };
                // Only the lanes up to the one tested are read: a byte of
                // 0x80 or more may disturb those above it.
                let upto = if lane == 7 { u64::MAX } else { (1u64 << (8 * (lane + 1))) - 1 };
                assert_eq!(
                    alphanumeric(x) & upto,
                    expect(b.is_ascii_alphanumeric()),
                    "{b:#x} in lane {lane}"
                );
                assert_eq!(letters(x) & upto, expect(b.is_ascii_alphabetic()), "{b:#x} in lane {lane}");
                assert_eq!(within(x, 0x09, 0x0D) & upto, expect((0x09..=0x0D).contains(&b)), "{b:#x}");
            }
        }
    }

    #[test]
    fn leading_ascii_stops_at_the_first_other_byte() {
        assert_eq!(leading_ascii(b""), 0);
        assert_eq!(leading_ascii("abc’s".as_bytes()), 3);
        assert_eq!(leading_ascii("twelve bytes — then".as_bytes()), 13);
        assert_eq!(leading_ascii(b"all ascii, all the way"), 22);
        assert_eq!(leading_ascii("é".as_bytes()), 0);
    }

    #[test]
    fn leading_letters_stop_at_anything_else() {
        assert_eq!(leading_letters(b""), 0);
        assert_eq!(leading_letters(b"abc"), 3);
        assert_eq!(leading_letters(b"abcdefghijKLMNOP qr"), 16);
        assert_eq!(leading_letters(b"abcdefgh"), 8);
        assert_eq!(leading_letters("abcdefgé".as_bytes()), 7);
        assert_eq!(leading_letters("Straße und".as_bytes()), 4);
        assert_eq!(leading_letters(b"word2vec"), 4);
        assert_eq!(leading_letters(b"z[a`A@Z{"), 1);
    }

    proptest::proptest! {
        #[test]
        fn eight_at_a_time_agree_with_one_at_a_time(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
            let scalar_letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            proptest::prop_assert_eq!(leading_letters(&bytes), scalar_letters);
            proptest::prop_assert_eq!(leading_ascii(&bytes), bytes.iter().take_while(|b| b.is_ascii()).count());
            if let Some(x) = load(&bytes, 0) {
                // The bytes below the first one of 0x80 or more are told right.
                let first_high = bytes[..8].iter().position(|&b| b >= 0x80).unwrap_or(8);
                for (lane, &b) in bytes[..first_high].iter().enumerate() {
                    let bit = 0x80u64 << (8 * lane);
                    proptest::prop_assert_eq!(alphanumeric(x) & bit != 0, b.is_ascii_alphanumeric());
                    proptest::prop_assert_eq!(letters(x) & bit != 0, b.is_ascii_alphabetic());
                }
            }
        }
    }
}
