//! [`LineIndex`]: where each line of a text starts and how many characters come before each
//! block of it, so that the line, column and character offset of a byte offset cost a
//! binary search and at most [`LineIndex::STEP`] bytes of counting, however long the line
//! (in loader diagnostics and quote positions).
//!
//! Columns are counted in characters (Unicode scalar values), 1-based, everywhere the crate
//! reports one.

/// Line starts and character counts of one text.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// The number of characters before every `STEP`-th byte.
    chars: Vec<usize>,
}

impl LineIndex {
    const STEP: usize = 256;

    pub(crate) fn new(text: &str) -> Self {
        Self::from_bytes(text.as_bytes())
    }

    pub(crate) fn from_bytes(text: &[u8]) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text).map(|i| i + 1);
        let mut chars = vec![0];
        for chunk in text.chunks(Self::STEP) {
            chars.push(chars[chars.len() - 1] + starts_of_chars(chunk));
        }
        LineIndex { starts: core::iter::once(0).chain(newlines).collect(), chars }
    }

    /// The 1-based line and character column of a byte offset of `text` (the text the index
    /// was built from).
    pub(crate) fn line_col(&self, text: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0).min(offset);
        (line, self.chars_before(text, offset) - self.chars_before(text, start) + 1)
    }

    /// The number of characters that start before byte `offset` of `text`.
    pub(crate) fn chars_before(&self, text: &[u8], offset: usize) -> usize {
        let offset = offset.min(text.len());
        let block = offset / Self::STEP;
        self.chars.get(block).copied().unwrap_or(0) + starts_of_chars(&text[block * Self::STEP..offset])
    }

    /// The byte offset of a 1-based line and *byte* column, as serde_json reports them.
    pub(crate) fn offset(&self, text: &str, line: usize, byte_column: usize) -> usize {
        match self.starts.get(line.saturating_sub(1)) {
            Some(&start) => (start + byte_column.saturating_sub(1)).min(text.len()),
            None => text.len(),
        }
    }
}

/// How many characters start in `bytes` (the bytes that are not UTF-8 continuation bytes).
pub(crate) fn starts_of_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn characters_before_an_offset_are_counted_across_blocks() {
        let text = "é".repeat(1500) + "abc" + &"中".repeat(700);
        let index = LineIndex::new(&text);
        for offset in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            assert_eq!(index.chars_before(text.as_bytes(), offset), text[..offset].chars().count(), "{offset}");
        }
    }

    #[test]
    fn columns_count_characters_from_the_line_start() {
        let text = "ab\n“é” x\n".to_owned() + &"é".repeat(600) + "z";
        let index = LineIndex::new(&text);
        let at = |needle: &str| index.line_col(text.as_bytes(), text.find(needle).unwrap_or(0));
        assert_eq!(at("b"), (1, 2));
        assert_eq!(at("x"), (2, 5));
        assert_eq!(at("z"), (3, 601));
    }
}
