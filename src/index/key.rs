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
const LANE_B: u64 = 0x2545_f491_4f6c_dd1d;

#[inline(always)]
fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(SEED)
}

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(chunk) {
        Ok(full) => u64::from_le_bytes(full),
        Err(_) => chunk.iter().take(8).rev().fold(0u64, |w, &b| (w << 8) | u64::from(b)),
    }
}

/// The first eight bytes as a word (zero-padded if there are fewer).
#[inline(always)]
fn word8(bytes: &[u8]) -> u64 {
    word(bytes.get(..8).unwrap_or(bytes))
}

/// The last `len % 8` bytes as a zero-padded word, read with overlapping loads rather than
/// byte by byte.
#[inline(always)]
fn tail_word(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let rest = len % 8;
    if rest == 0 {
        0
    } else if len >= 8 {
        word8(&bytes[len - 8..]) >> (8 * (8 - rest))
    } else if len >= 4 {
        let lo = u64::from(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]));
        let hi = u64::from(u32::from_le_bytes([bytes[len - 4], bytes[len - 3], bytes[len - 2], bytes[len - 1]]));
        lo | (hi << (8 * (len - 4)))
    } else {
        word(bytes)
    }
}

/// Sets bit 5 of every byte: maps ASCII upper case to lower case in one instruction. Other
/// bytes may collide (`@` and `` ` ``), which only matters to the hash; keys are compared
/// exactly after it.
#[inline(always)]
fn fold(w: u64) -> u64 {
    w | 0x2020_2020_2020_2020
}

/// Multiplies two words to 128 bits and folds the halves together.
#[inline(always)]
fn mul_mix(a: u64, b: u64) -> u64 {
    let full = u128::from(a) * u128::from(b);
    (full as u64) ^ ((full >> 64) as u64)
}

const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;
const K2: u64 = 0xa409_3822_299f_31d0;

/// The hash of every key (ids, names as written, normalised names) so that ASCII case does
/// not matter. Keys up to [`NAME_BUF`] bytes use [`hash_short`]; longer ones the word hash,
/// which can also be computed while streaming ([`hash_name_stream`]). Equal keys have equal
/// lengths, so they always take the same path.
#[inline(always)]
pub(crate) fn hash_key(bytes: &[u8]) -> u64 {
    if bytes.len() <= NAME_BUF { hash_short(bytes) } else { hash_words(bytes) }
}

/// A fast hash in the style of rustc-hash 2 and foldhash: up to 16 bytes are read as two
/// (overlapping) words and mixed with one 128-bit multiply; longer input 16 bytes a step.
#[inline(always)]
fn hash_short(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let (mut s0, mut s1) = (K0 ^ len as u64, K1);
    if len <= 16 {
        let (lo, hi) = if len >= 8 {
            (word8(bytes), word8(&bytes[len - 8..]))
        } else if len >= 4 {
            let lo = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let hi = u32::from_le_bytes([bytes[len - 4], bytes[len - 3], bytes[len - 2], bytes[len - 1]]);
            (u64::from(lo), u64::from(hi))
        } else if len > 0 {
            (u64::from(bytes[0]) | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1]) << 16, 0)
        } else {
            (0, 0)
        };
        s0 ^= fold(lo);
        s1 ^= fold(hi);
    } else {
        // 16 bytes a step while more than 16 remain, then the last 16 (overlapping). As in
        // rustc-hash 2, each step's product feeds the step after next, so consecutive
        // multiplies do not wait for each other.
        let body = &bytes[..16 * ((len - 1) / 16)];
        let (words, _) = body.as_chunks::<8>();
        for pair in words.chunks_exact(2) {
            if let [x, y] = pair {
                let t = mul_mix(s0 ^ fold(u64::from_le_bytes(*x)), K2 ^ fold(u64::from_le_bytes(*y)));
                (s0, s1) = (s1, t);
            }
        }
        s0 ^= fold(word8(&bytes[len - 16..]));
        s1 ^= fold(word8(&bytes[len - 8..]));
    }
    mul_mix(s0, s1)
}

/// The word hash: zero-padded 8-byte words, even words into one lane and odd words into
/// another (two multiply chains side by side), mixed at the end.
#[inline]
fn hash_words(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let (mut a, mut b) = (len as u64, LANE_B);
    let mut pairs = bytes.chunks_exact(16);
    for c in &mut pairs {
        a = mix(a, fold(word8(c)));
        b = mix(b, fold(word8(&c[8..])));
    }
    let rest = pairs.remainder().len();
    if rest >= 8 {
        a = mix(a, fold(word8(pairs.remainder())));
        if rest > 8 {
            b = mix(b, fold(tail_word(bytes)));
        }
    } else if rest > 0 {
        a = mix(a, fold(tail_word(bytes)));
    }
    let h = mix(a, b);
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

/// Normalises ASCII text eight bytes at a time: finds the letters and digits of each
/// word with bit tricks, then stores every byte and advances past the kept ones only, with
/// no branch per byte. Appends at `n`; returns the new length, or `None` if `buf` is too
/// small.
#[inline]
fn normalize_ascii(bytes: &[u8], buf: &mut [u8; NAME_BUF + 8], mut n: usize) -> Option<usize> {
    let (words, _) = bytes.as_chunks::<8>();
    let tail = (!bytes.len().is_multiple_of(8)).then(|| tail_word(bytes));
    for w in words.iter().map(|w| u64::from_le_bytes(*w)).chain(tail) {
        let folded = fold(w);
        let keep = bytes_in(folded, b'a', b'z') | bytes_in(w, b'0', b'9');
        let dst: &mut [u8; 8] = buf.get_mut(n..n + 8)?.try_into().ok()?;
        let mut k = 0usize;
        for (i, b) in folded.to_le_bytes().into_iter().enumerate() {
            dst[k & 7] = b;
            k += ((keep >> (8 * i + 7)) & 1) as usize;
        }
        n += k;
    }
    (n <= NAME_BUF).then_some(n)
}

/// The normalised characters of a name: letters and digits only, lower-cased. The one
/// definition of normalisation; the word-at-a-time paths are tested against it.
fn name_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

/// The normalised bytes of a name, UTF-8 encoded.
pub(crate) fn name_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    name_chars(s).flat_map(|c| {
        let mut b = [0u8; 4];
        let n = c.encode_utf8(&mut b).len();
        b.into_iter().take(n)
    })
}

/// Writes a name spaced into `out`: lower-cased, each run of characters other than letters
/// and digits turned into one space, trimmed (`China-Singapore  Smart Park.` becomes
/// `china singapore smart park`, the way names are often typed).
pub(crate) fn spaced_name_into(s: &str, out: &mut String) {
    out.clear();
    for word in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Writes a name's normalised form, as stored in the name index, into `out`.
pub(crate) fn normalize_name_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.extend(s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(name_chars(s));
    }
}

/// The bits by which eight query bytes differ from eight stored, ASCII-lower-cased bytes,
/// other than the case bits of ASCII letters: zero when they are equal ignoring ASCII case.
#[inline(always)]
fn folded_difference(q: u64, lower: u64) -> u64 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let diff = q ^ lower;
    let letters = bytes_in(lower & !HIGH, b'a', b'z') & !lower;
    // Any bit but a case bit differs, or a case bit differs where the byte is no letter.
    (diff & !CASE) | ((diff << 2) & HIGH & !letters)
}

/// True when `a` equals `lower` ignoring ASCII case, where `lower` is already ASCII
/// lower-case. Exact equality first (ids are usually typed as stored), then one pass
/// allowing letters' case bits to differ; eight bytes at a time, no branch per word.
#[inline(always)]
pub(crate) fn eq_folded(a: &[u8], lower: &[u8]) -> bool {
    if a.len() != lower.len() {
        return false;
    }
    if eq_bytes(a, lower) {
        return true;
    }
    let (x, _) = a.as_chunks::<8>();
    let (y, _) = lower.as_chunks::<8>();
    let bad =
        x.iter().zip(y).fold(0, |d, (p, q)| d | folded_difference(u64::from_le_bytes(*p), u64::from_le_bytes(*q)));
    bad == 0 && (a.len().is_multiple_of(8) || folded_difference(tail_word(a), tail_word(lower)) == 0)
}
/// True when two byte strings are equal, compared inline eight bytes at a time with
/// overlapping loads: keys up to 32 bytes (most ids and names) take a fixed handful of
/// loads and no loop. For these short keys this beats a call to `memcmp`.
#[inline(always)]
pub(crate) fn eq_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    let at = |s: &[u8], i: usize| word8(&s[i..]);
    if len < 8 {
        return tail_word(a) == tail_word(b);
    }
    if len <= 16 {
        return (at(a, 0) ^ at(b, 0)) | (at(a, len - 8) ^ at(b, len - 8)) == 0;
    }
    if len <= 32 {
        return (at(a, 0) ^ at(b, 0))
            | (at(a, 8) ^ at(b, 8))
            | (at(a, len - 16) ^ at(b, len - 16))
            | (at(a, len - 8) ^ at(b, len - 8))
            == 0;
    }
    a == b
}

/// Normalises `s` into `buf` and returns the used prefix, or `None` if it does not fit.
#[inline]
pub(crate) fn normalize_into<'b>(s: &str, buf: &'b mut [u8; NAME_BUF + 8]) -> Option<&'b [u8]> {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        let n = normalize_ascii(bytes, buf, 0)?;
        return Some(&buf[..n]);
    }
    // Mixed text: runs of ASCII word-at-a-time, other characters one by one.
    let mut n = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|&b| b >= 0x80).unwrap_or(bytes.len() - i);
        if run > 0 {
            n = normalize_ascii(&bytes[i..i + run], buf, n)?;
            i += run;
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

/// The word hash of a name's normalised bytes, computed while streaming them: for names
/// whose normalised form is longer than [`NAME_BUF`], where it equals [`hash_key`].
pub(crate) fn hash_name_stream(s: &str) -> u64 {
    let len = name_bytes(s).count();
    let (mut a, mut b) = (len as u64, LANE_B);
    let (mut w, mut k, mut words) = (0u64, 0u32, 0usize);
    let mut push = |w: u64, words: &mut usize| {
        if words.is_multiple_of(2) {
            a = mix(a, fold(w));
        } else {
            b = mix(b, fold(w));
        }
        *words += 1;
    };
    for byte in name_bytes(s) {
        w |= u64::from(byte) << (8 * k);
        k += 1;
        if k == 8 {
            push(w, &mut words);
            (w, k) = (0, 0);
        }
    }
    if k > 0 {
        push(w, &mut words);
    }
    let h = mix(a, b);
    h ^ (h >> 29)
}
#[cfg(test)]
mod tests {
    use super::*;

    /// The hash as specified: zero-padded words, even ones to lane a, odd ones to lane b.
    fn reference_hash(b: &[u8]) -> u64 {
        let (mut a, mut lane_b) = (b.len() as u64, LANE_B);
        for (i, c) in b.chunks(8).enumerate() {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            let w = fold(u64::from_le_bytes(w));
            if i % 2 == 0 {
                a = mix(a, w);
            } else {
                lane_b = mix(lane_b, w);
            }
        }
        let h = mix(a, lane_b);
        h ^ (h >> 29)
    }

    #[test]
    fn the_hash_matches_its_reference_at_every_length() {
        let bytes: Vec<u8> = (1u8..=70).collect();
        for len in 0..bytes.len() {
            assert_eq!(hash_words(&bytes[..len]), reference_hash(&bytes[..len]), "length {len}");
        }
    }

    #[test]
    fn folded_equality_matches_ascii_case_insensitive_equality() {
        let samples = [
            "",
            "a",
            "Ab",
            "abc",
            "abcd-XYZ",
            "0123456789",
            "China-Singapore Smart Park",
            "@[`{",
            "É’ x",
            "mou-singapore-companies-csgks",
        ];
        for a in samples {
            for b in samples {
                let lower = b.to_ascii_lowercase();
                assert_eq!(
                    eq_folded(a.as_bytes(), lower.as_bytes()),
                    a.eq_ignore_ascii_case(&lower),
                    "{a:?} vs {lower:?}"
                );
            }
            let lower = a.to_ascii_lowercase();
            assert!(eq_folded(a.to_ascii_uppercase().as_bytes(), lower.as_bytes()), "{a:?}");
        }
        // Every pair of ASCII bytes, at every position of a 9-byte key.
        for x in 0u8..128 {
            for y in 0u8..128 {
                let lower = [b'k', b'e', b'y', b'-', b'k', b'e', b'y', b'-', y.to_ascii_lowercase()];
                let mut q = lower;
                q[8] = x;
                assert_eq!(eq_folded(&q, &lower), x.eq_ignore_ascii_case(&y.to_ascii_lowercase()), "{x} vs {y}");
                let (mut q2, mut l2) = ([b'a'; 5], [b'a'; 5]);
                q2[2] = x;
                l2[2] = y.to_ascii_lowercase();
                assert_eq!(eq_folded(&q2, &l2), x.eq_ignore_ascii_case(&l2[2]), "{x} vs {y} short");
            }
        }
    }

    #[test]
    fn keys_hash_alike_whatever_their_ascii_case() {
        let base: String = "Abc-Def Ghi 0123456789 JKL mno PQR stu VWX yz".repeat(8);
        for len in 0..base.len() {
            let k = &base[..len];
            assert_eq!(hash_key(k.as_bytes()), hash_key(k.to_ascii_lowercase().as_bytes()), "length {len}");
            assert_eq!(hash_key(k.as_bytes()), hash_key(k.to_ascii_uppercase().as_bytes()), "length {len}");
        }
        // Changing any one byte, at any length, changes the hash.
        for len in 1..200 {
            let key: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            for at in 0..len {
                let mut other = key.clone();
                other[at] = b'0';
                assert_ne!(hash_key(&key), hash_key(&other), "length {len}, byte {at}");
            }
        }
        // Different keys of one length rarely share a hash.
        let hashes: std::collections::HashSet<u64> =
            (0..2000).map(|i| hash_key(format!("project-{i}").as_bytes())).collect();
        assert!(hashes.len() > 1990);
    }

    #[test]
    fn inline_equality_matches_slice_equality() {
        let bytes: Vec<u8> = (0u8..40).collect();
        for i in 0..bytes.len() {
            for j in 0..bytes.len() {
                let (a, mut b) = (&bytes[..i], bytes[..j].to_vec());
                assert_eq!(eq_bytes(a, &b), a == b.as_slice());
                if let Some(last) = b.last_mut() {
                    *last ^= 1;
                    assert_eq!(eq_bytes(a, &b), a == b.as_slice());
                }
            }
        }
    }

    #[test]
    fn long_names_hash_the_same_streamed_or_whole() {
        for s in ["x".repeat(257), "ab ".repeat(200), "É".repeat(300), "Z9-".repeat(150)] {
            let whole: Vec<u8> = name_bytes(&s).collect();
            assert!(whole.len() > NAME_BUF);
            assert_eq!(hash_name_stream(&s), hash_key(&whole), "{}", &s[..10]);
        }
    }

    #[test]
    fn fast_and_streaming_name_hashes_agree() {
        for s in ["CSGKC", "China-Singapore Guangzhou Knowledge City", "Singapore’s Ministry", "ÉCOLE Ünïcode", ""]
        {
            let mut buf = [0u8; NAME_BUF + 8];
            let fast = normalize_into(s, &mut buf).map(hash_words);
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
    fn spaced_names_collapse_separators() {
        let spaced = |s: &str| {
            let mut out = String::new();
            spaced_name_into(s, &mut out);
            out
        };
        assert_eq!(spaced("  China-Singapore  Smart Park. "), "china singapore smart park");
        assert_eq!(spaced("Singapore’s MTI"), "singapore s mti");
        assert_eq!(spaced("--"), "");
    }

    #[test]
    fn names_ignore_case_space_and_punctuation() {
        let normal = |s: &str| {
            let mut out = String::new();
            normalize_name_into(s, &mut out);
            out
        };
        assert_eq!(normal("China-Singapore  Guangzhou (CSGKC)’s"), "chinasingaporeguangzhoucsgkcs");
        assert_eq!(normal("ÉCOLE"), "école");
    }
}
