//! Fast verbatim-quote checks: an index of a document's 8-byte windows.
//!
//! Checking each quote with `str::contains` costs a scan of the whole document per quote,
//! which dominated loading and grows as quotes × text. This index is built once per
//! document in linear time; a quote is then looked up by its rarest 8-byte window, and
//! only the few places where that window occurs are compared.

/// Positions of every 8-byte window of a text, chained by hash bucket.
pub(crate) struct TextIndex<'t> {
    text: &'t [u8],
    shift: u32,
    /// First position in each bucket (`u32::MAX` for none).
    head: Vec<u32>,
    /// How many windows fall in each bucket.
    count: Vec<u32>,
    /// The next position in the same bucket, for each position.
    next: Vec<u32>,
}

const WINDOW: usize = 8;

fn window(bytes: &[u8]) -> u64 {
    let mut w = [0u8; WINDOW];
    w.copy_from_slice(&bytes[..WINDOW]);
    u64::from_le_bytes(w)
}

impl<'t> TextIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let text = text.as_bytes();
        let windows = text.len().saturating_sub(WINDOW - 1);
        // About eight windows a bucket: short chains, and bucket arrays small enough to stay
        // in cache while a large document is indexed.
        let buckets = (windows / 8).next_power_of_two().max(16);
        let shift = 64 - buckets.trailing_zeros();
        let mut ix = TextIndex {
            text,
            shift,
            head: vec![u32::MAX; buckets],
            count: vec![0; buckets],
            next: vec![u32::MAX; windows],
        };
        for i in (0..windows).rev() {
            let b = ix.bucket(window(&text[i..]));
            ix.next[i] = ix.head[b];
            ix.head[b] = i as u32;
            ix.count[b] += 1;
        }
        ix
    }

    fn bucket(&self, w: u64) -> usize {
        (w.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// True when `needle` occurs in the text, byte for byte.
    pub(crate) fn contains(&self, needle: &str) -> bool {
        let needle = needle.as_bytes();
        if needle.len() < WINDOW {
            return self.text.windows(needle.len().max(1)).any(|w| w == needle) && !needle.is_empty();
        }
        // The window of the needle whose bucket is smallest.
        let mut best = (u32::MAX, 0usize, 0usize);
        for j in 0..=needle.len() - WINDOW {
            let b = self.bucket(window(&needle[j..]));
            let c = self.count[b];
            if c < best.0 {
                best = (c, j, b);
                if c <= 1 {
                    break;
                }
            }
        }
        let (_, j, b) = best;
        let mut p = self.head[b];
        while p != u32::MAX {
            let start = p as usize;
            if start >= j && self.text[start - j..].starts_with(needle) {
                return true;
            }
            p = self.next[start];
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::TextIndex;

    #[test]
    fn finds_exactly_what_contains_finds() {
        let text = "On\u{a0}November 1, the 18th China-Singapore Joint Council (JCBC) kicked off. Project 1 is here. Project 12 is there.";
        let ix = TextIndex::new(text);
        let mut needles: Vec<String> = Vec::new();
        for a in 0..text.len() {
            for b in [a + 1, a + 7, a + 8, a + 9, a + 20, text.len()] {
                if b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
                    needles.push(text[a..b].to_owned());
                }
            }
        }
        needles.extend(["Project 13 is", "On November 1", "", "kicked off!", "x"].map(String::from));
        for n in &needles {
            assert_eq!(ix.contains(n), !n.is_empty() && text.contains(n.as_str()), "{n:?}");
        }
    }
}
