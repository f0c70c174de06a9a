//! Key normalisation and hashing for allocation-free lookups.
//!
//! Two kinds of key:
//! - **ids** compare ASCII case-insensitively (`Rcep` finds `rcep`);
//! - **names** compare after dropping everything that is not a letter or digit and
//!   lower-casing the rest, so `CSGKC`, `csgkc` and `C.S.G.K.C.` are one key, and
//!   `China-Singapore Guangzhou Knowledge City` matches `china singapore guangzhou knowledge city`.
//!
//! A query is normalised into a stack buffer (never the heap) and hashed eight bytes at a time.

/// Longest normalised name that the fast path handles in its stack buffer.
pub(crate) const NAME_BUF: usize = 256;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline(always)]
fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(SEED)
}

/// Lower-cases the ASCII letters of eight packed bytes at once (as `u8::to_ascii_lowercase`
/// would, byte by byte); other bytes are unchanged.
#[inline(always)]
fn lower_word(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let heptets = w & !HIGH;
    let above_z = heptets.wrapping_add(ONES * u64::from(0x7f - b'Z'));
    let from_a = heptets.wrapping_add(ONES * u64::from(0x80 - b'A'));
    let upper = (from_a ^ above_z) & !w & HIGH;
    w | (upper >> 2)
}

#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b[..chunk.len()].copy_from_slice(chunk);
    u64::from_le_bytes(b)
}

/// Hashes bytes as if ASCII-lower-cased. Ids and normalised names share this hash.
#[inline]
pub(crate) fn hash_folded(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, lower_word(word(c)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix(h, lower_word(word(rest)));
    }
    h ^ (h >> 29)
}

/// 0 for bytes that names ignore, the lower-cased byte for ASCII letters and digits,
/// and 0xff for bytes of non-ASCII characters (which take the slow path).
static NAME_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() || b.is_ascii_lowercase() {
            b
        } else if b.is_ascii_uppercase() {
            b + 32
        } else if b >= 0x80 {
            0xff
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The normalised bytes of a name: letters and digits only, lower-cased, UTF-8 encoded.
pub(crate) fn name_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).flat_map(|c| {
        let mut b = [0u8; 4];
        let n = c.encode_utf8(&mut b).len();
        b.into_iter().take(n)
    })
}

/// The normalised form of a name, as stored in the name index.
pub(crate) fn normalize_name(s: &str) -> String {
    let bytes: Vec<u8> = name_bytes(s).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Normalises `s` into `buf` and returns the used prefix, or `None` if it does not fit.
#[inline]
pub(crate) fn normalize_into<'b>(s: &str, buf: &'b mut [u8; NAME_BUF]) -> Option<&'b [u8]> {
    let bytes = s.as_bytes();
    let mut n = 0usize;
    if bytes.len() <= NAME_BUF {
        let mut ascii = true;
        for &b in bytes {
            let m = NAME_BYTE[usize::from(b)];
            ascii &= m != 0xff;
            buf[n] = m;
            n += usize::from(m != 0);
        }
        if ascii {
            return Some(&buf[..n]);
        }
        n = 0;
    }
    for b in name_bytes(s) {
        *buf.get_mut(n)? = b;
        n += 1;
    }
    Some(&buf[..n])
}

/// Streaming equivalent of [`hash_folded`] over normalised name bytes, for names longer
/// than [`NAME_BUF`].
pub(crate) fn hash_name_stream(s: &str) -> u64 {
    let len = name_bytes(s).count();
    let mut h = len as u64;
    let mut w = 0u64;
    let mut k = 0u32;
    for b in name_bytes(s) {
        w |= u64::from(b) << (8 * k);
        k += 1;
        if k == 8 {
            h = mix(h, lower_word(w));
            w = 0;
            k = 0;
        }
    }
    if k > 0 {
        h = mix(h, lower_word(w));
    }
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_word_matches_bytewise_lowercase() {
        for base in (0u16..256).step_by(8) {
            let bytes: Vec<u8> = (base..base + 8).map(|b| b as u8).collect();
            let got = lower_word(word(&bytes)).to_le_bytes();
            let want: Vec<u8> = bytes.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(got.to_vec(), want, "bytes {base}..{}", base + 8);
        }
    }

    #[test]
    fn fast_and_streaming_name_hashes_agree() {
        for s in ["CSGKC", "China-Singapore Guangzhou Knowledge City", "Singapore’s Ministry", "ÉCOLE Ünïcode", ""]
        {
            let mut buf = [0u8; NAME_BUF];
            let fast = normalize_into(s, &mut buf).map(hash_folded);
            assert_eq!(fast, Some(hash_name_stream(s)), "{s}");
        }
    }

    #[test]
    fn names_ignore_case_space_and_punctuation() {
        assert_eq!(normalize_name("China-Singapore  Guangzhou (CSGKC)’s"), "chinasingaporeguangzhoucsgkcs");
        assert_eq!(normalize_name("ÉCOLE"), "école");
    }
}
