//! [`LineIndex`]: where each line of a text starts, for the line and column of a byte
//! offset (in loader diagnostics and quote positions).

/// The byte offset where each line of a text starts.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        Self::from_bytes(text.as_bytes())
    }

    pub(crate) fn from_bytes(text: &[u8]) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text).map(|i| i + 1);
        LineIndex { starts: core::iter::once(0).chain(newlines).collect() }
    }

    /// The 1-based line and byte column of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        (line.max(1), offset - start.min(offset) + 1)
    }

    /// The byte offset of a 1-based line and column (as serde_json reports them).
    pub(crate) fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        match self.starts.get(line.saturating_sub(1)) {
            Some(&start) => (start + column.saturating_sub(1)).min(text.len()),
            None => text.len(),
        }
    }
}
