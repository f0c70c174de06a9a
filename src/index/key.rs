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

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(chunk) {
        Ok(full) => u64::from_le_bytes(full),
        Err(_) => chunk.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b)),
    }
}

/// Sets bit 5 of every byte: maps ASCII upper case to lower case in one instruction. Other
/// bytes may collide (`@` and `` ` ``), which only matters to the hash; keys are compared
/// exactly after it.
#[inline(always)]
fn fold(w: u64) -> u64 {
    w | 0x2020_2020_2020_2020
}

/// Hashes bytes so that ASCII case does not matter. Ids and normalised names share it.
///
/// Eight bytes a step; the last, partial step is the zero-padded tail, read with one
/// overlapping load where the input is long enough.
#[inline]
pub(crate) fn hash_folded(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let mut h = len as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, fold(word(c)));
    }
    let rest = chunks.remainder().len();
    if rest > 0 {
        let tail = if len >= 8 {
            word(&bytes[len - 8..]) >> (8 * (8 - rest))
        } else if len >= 4 {
            let lo = u64::from(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]));
            let hi = u64::from(u32::from_le_bytes([bytes[len - 4], bytes[len - 3], bytes[len - 2], bytes[len - 1]]));
            lo | (hi << (8 * (len - 4)))
        } else {
            word(bytes)
        };
        h = mix(h, fold(tail));
    }
    h ^ (h >> 29)
}

/// Sets the high bit of each byte of `x` (all bytes below 0x80) that lies in `lo..=hi`.
#[inline(always)]
fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let from_lo = x.wrapping_add(ONES * u64::from(0x80 - lo));
    let above_hi = x.wrapping_add(ONES * u64::from(0x80 - hi - 1));
    from_lo & !above_hi & 0x8080_8080_8080_8080
}

/// Normalises ASCII text eight bytes at a time: finds the letters and digits of each word
/// with bit tricks and copies each run of them at once. Returns the length written, or
/// `None` if `buf` is too small.
#[inline]
fn normalize_ascii(bytes: &[u8], buf: &mut [u8; NAME_BUF + 8]) -> Option<usize> {
    let mut n = 0usize;
    for c in bytes.chunks(8) {
        let w = word(c);
        let folded = fold(w);
        let keep_high = bytes_in(folded, b'a', b'z') | bytes_in(w, b'0', b'9');
        // One bit per byte, byte i at bit i.
        let mut keep = ((keep_high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
        while keep != 0 {
            let skip = keep.trailing_zeros();
            let run = (!(keep >> skip)).trailing_zeros();
            let dst = buf.get_mut(n..n + 8)?;
            dst.copy_from_slice(&(folded >> (8 * skip)).to_le_bytes());
            n += run as usize;
            keep &= !(((1u32 << run) - 1) << skip);
        }
    }
    (n <= NAME_BUF).then_some(n)
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
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect();
    }
    let bytes: Vec<u8> = name_bytes(s).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// True when `a` equals `b` ignoring ASCII case, where `b` is already lower-case.
/// Compares eight bytes at a time.
#[inline]
pub(crate) fn eq_folded(a: &[u8], lower: &[u8]) -> bool {
    if a.len() != lower.len() {
        return false;
    }
    if a == lower {
        return true;
    }
    let mut x = a.chunks(8);
    let mut y = lower.chunks(8);
    loop {
        match (x.next(), y.next()) {
            (Some(p), Some(q)) => {
                if lower_word(word(p)) != word(q) {
                    return false;
                }
            }
            _ => return true,
        }
    }
}

/// Normalises `s` into `buf` and returns the used prefix, or `None` if it does not fit.
#[inline]
pub(crate) fn normalize_into<'b>(s: &str, buf: &'b mut [u8; NAME_BUF + 8]) -> Option<&'b [u8]> {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        let n = normalize_ascii(bytes, buf)?;
        return Some(&buf[..n]);
    }
    let mut n = 0usize;
    // Mixed text: ASCII through the table, other characters one by one.
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            let m = NAME_BYTE[usize::from(b)];
            if m != 0 {
                *buf.get_mut(n)? = m;
                n += 1;
            }
            i += 1;
            continue;
        }
        let c = s.get(i..)?.chars().next()?;
        i += c.len_utf8();
        if c.is_alphanumeric() {
            for lc in c.to_lowercase() {
                let mut enc = [0u8; 4];
                for &e in lc.encode_utf8(&mut enc).as_bytes() {
                    *buf.get_mut(n)? = e;
                    n += 1;
                }
            }
        }
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
            h = mix(h, fold(w));
            w = 0;
            k = 0;
        }
    }
    if k > 0 {
        h = mix(h, fold(w));
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
    fn the_tail_trick_reads_the_zero_padded_tail() {
        let bytes: Vec<u8> = (1u8..=40).collect();
        for len in 0..bytes.len() {
            let b = &bytes[..len];
            let mut h = len as u64;
            for c in b.chunks(8) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                h = mix(h, fold(u64::from_le_bytes(w)));
            }
            assert_eq!(hash_folded(b), h ^ (h >> 29), "length {len}");
        }
    }

    #[test]
    fn fast_and_streaming_name_hashes_agree() {
        for s in ["CSGKC", "China-Singapore Guangzhou Knowledge City", "Singapore’s Ministry", "ÉCOLE Ünïcode", ""]
        {
            let mut buf = [0u8; NAME_BUF + 8];
            let fast = normalize_into(s, &mut buf).map(hash_folded);
            assert_eq!(fast, Some(hash_name_stream(s)), "{s}");
        }
    }

    #[test]
    fn word_at_a_time_normalisation_matches_char_by_char() {
        let ascii: String = (0u8..128).map(char::from).collect();
        let mut cases: Vec<String> = (0..ascii.len()).map(|i| ascii[i..].to_owned() + &ascii[..i]).collect();
        cases.extend(
            ["", "a", "A-b C", "12345678", "abcdefgh-ijklmnop qrstuvwx", "  Guangzhou  Innovation. "].map(String::from),
        );
        for s in &cases {
            let mut buf = [0u8; NAME_BUF + 8];
            let fast = normalize_into(s, &mut buf).map(<[u8]>::to_vec);
            let slow: Vec<u8> = name_bytes(s).collect();
            assert_eq!(fast, Some(slow), "{s:?}");
        }
        let long = "ab ".repeat(200);
        let mut buf = [0u8; NAME_BUF + 8];
        assert_eq!(normalize_into(&long, &mut buf), None, "400 normalised bytes do not fit");
    }

    #[test]
    fn names_ignore_case_space_and_punctuation() {
        assert_eq!(normalize_name("China-Singapore  Guangzhou (CSGKC)’s"), "chinasingaporeguangzhoucsgkcs");
        assert_eq!(normalize_name("ÉCOLE"), "école");
    }
}
