//! Byte offsets into a text, as the engine reports them, turned into character
//! offsets, as Python indexes a `str`.

/// Maps byte offsets of one text to character offsets. Offsets asked for in
/// increasing order cost one pass over the text in all; a smaller offset
/// than the last restarts the count from the beginning.
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        CharOffsets { text, byte: 0, chars: 0 }
    }

    /// The character offset of byte `offset`: the number of characters that
    /// start before it. An offset past the end maps to the character count.
    pub fn of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let between = self.text.get(self.byte..).unwrap_or_default().as_bytes();
        let step = offset - self.byte;
        // A character starts at every byte that is not a UTF-8 continuation byte.
        self.chars += between[..step].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        self.byte = offset;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::CharOffsets;

    #[test]
    fn counts_characters_not_bytes() {
        let text = "ab漢字é\ncd";
        let mut map = CharOffsets::new(text);
        assert_eq!(map.of(0), 0);
        assert_eq!(map.of(2), 2);
        assert_eq!(map.of(5), 3);
        assert_eq!(map.of(text.len()), 8);
        assert_eq!(map.of(8), 4, "going back restarts the count");
        assert_eq!(map.of(usize::MAX), 8);
    }
}
