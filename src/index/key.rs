//! Keys: the name-equality rule, and the seeded hash behind every lookup.
//!
//! **Ids** compare ASCII case-insensitively (`Rcep` finds `rcep`); the loader only accepts
//! lower-case slugs.
//!
//! **Names** are equal when their *normalised forms* are: the text under Unicode
//! compatibility caseless matching (NFKD, full case folding, NFKD again, as in Unicode's
//! definition D146, via the `caseless` and `unicode-normalization` crates), recomposed
//! (NFC), keeping only letters and digits. So `CSGKC`, `c.s.g.k.c.` and `Csgkc` are one
//! name, and so are `Straße` and `STRASSE`, `Café` in NFC and in NFD, and `ﬁsh` and `fish`.
//! A mark that does not combine into a letter is dropped with the punctuation. Duplicate
//! names (loader) and name lookups ([`Table::find`](crate::Table::find)) use this one rule.
//! The tables also add, for a name with an ordinal, the same name with the ordinal written
//! the other way (`fourth` and `4th`, `eighteenth` and `18th`, 1 to 99).
//!
//! A query is normalised into a stack buffer (never the heap): ASCII text, and ASCII with
//! the usual typographic punctuation (curly quotes, dashes, no-break spaces), eight bytes
//! at a time; anything else through the full Unicode pipeline, whose small internal buffers
//! only spill to the heap for runs of more than four combining marks.
//!
//! **Hashing** mixes a random per-process seed into a fast multiply-fold hash of the bytes as
//! they are; keys are stored lower-cased (ids) or in each form they are looked up in, and a
//! query with ASCII capitals is hashed a second time with `A`–`Z` read as `a`–`z` (nothing
//! else is folded). So keys that differ cannot be made to collide without knowing the seed.

use std::hash::{BuildHasher, Hasher};

use caseless::Caseless;
use once_cell::sync::Lazy;
use unicode_normalization::UnicodeNormalization;

/// The longest normalised prefix a query keeps on the stack; a longer name is hashed on its
/// first `NAME_BUF` bytes and its length, and compared by normalising it again, streamed.
pub(crate) const NAME_BUF: usize = 256;

/// A stack buffer for a normalised query, with room for one 8-byte store past its end.
pub(crate) type NameBuf = [u8; NAME_BUF + 8];

/// The random seed of this process's hashes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Seed(u64, u64);

impl Seed {
    /// A seed drawn from the operating system's randomness (through std's `RandomState`).
    pub(crate) fn random() -> Seed {
        static SEED: Lazy<Seed> = Lazy::new(|| {
            let draw = |salt: u64| {
                let mut h = std::collections::hash_map::RandomState::new().build_hasher();
                h.write_u64(salt);
                h.finish()
            };
            Seed(draw(0x9e37_79b9_7f4a_7c15), draw(0xc2b2_ae3d_27d4_eb4f))
        });
        *SEED
    }
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

/// The last `len % 8` bytes as a zero-padded word, read with overlapping loads.
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

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Sets the high bit of each byte of `x` (all bytes below 0x80) that lies in `lo..=hi`.
#[inline(always)]
fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = x.wrapping_add(ONES * u64::from(0x80 - lo));
    let above_hi = x.wrapping_add(ONES * u64::from(0x80 - hi - 1));
    from_lo & !above_hi & HIGH
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

/// The seeded hash of `bytes`, for a key of `len` bytes (`len` is `bytes.len()` except for
/// a long name, hashed on its prefix), and whether they hold an ASCII capital. In the
/// style of rustc-hash 2 and foldhash: up to 16 bytes are read as two (overlapping) words
/// and mixed with one 128-bit multiply; longer input 16 bytes a step. With `LOWER`, `A`–`Z`
/// are read as `a`–`z` (nothing else is folded), so a query in any case hashes like its
/// lower-cased key. The capitals are found from the words the hash reads anyway, off the
/// chain of multiplies.
#[inline(always)]
pub(crate) fn hash_and_case<const LOWER: bool>(seed: Seed, bytes: &[u8], len: usize) -> (u64, bool) {
    let mut caps = 0;
    let mut read = |w: u64| {
        caps |= capitals(w);
        if LOWER { w | (capitals(w) >> 2) } else { w }
    };
    let n = bytes.len();
    let (mut s0, mut s1) = (seed.0 ^ K0 ^ len as u64, seed.1 ^ K1);
    if n <= 16 {
        let (lo, hi) = if n >= 8 {
            (word8(bytes), word8(&bytes[n - 8..]))
        } else if n >= 4 {
            let lo = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let hi = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]);
            (u64::from(lo), u64::from(hi))
        } else if n > 0 {
            (u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16, 0)
        } else {
            (0, 0)
        };
        s0 ^= read(lo);
        s1 ^= read(hi);
    } else {
        // 16 bytes a step while more than 16 remain, then the last 16 (overlapping). Each
        // step's product feeds the step after next, so consecutive multiplies do not wait.
        let body = &bytes[..16 * ((n - 1) / 16)];
        let (words, _) = body.as_chunks::<8>();
        for pair in words.chunks_exact(2) {
            if let [x, y] = pair {
                let t = mul_mix(s0 ^ read(u64::from_le_bytes(*x)), K2 ^ seed.1 ^ read(u64::from_le_bytes(*y)));
                (s0, s1) = (s1, t);
            }
        }
        s0 ^= read(word8(&bytes[n - 16..]));
        s1 ^= read(word8(&bytes[n - 8..]));
    }
    (mul_mix(s0, s1), caps != 0)
}

/// The seeded hash alone (see [`hash_and_case`]).
#[inline(always)]
pub(crate) fn hash<const LOWER: bool>(seed: Seed, bytes: &[u8], len: usize) -> u64 {
    hash_and_case::<LOWER>(seed, bytes, len).0
}

/// The high bit of each byte of `w` that is an ASCII capital.
#[inline(always)]
fn capitals(w: u64) -> u64 {
    bytes_in(w & !HIGH, b'A', b'Z') & !w
}

/// The hash of a whole key: of its first [`NAME_BUF`] bytes and its length, so that a
/// normalised query too long for its buffer hashes like the stored key it may equal. With
/// `LOWER`, as if its ASCII capitals were lower case.
#[inline(always)]
pub(crate) fn hash_key<const LOWER: bool>(seed: Seed, bytes: &[u8]) -> u64 {
    hash::<LOWER>(seed, &bytes[..bytes.len().min(NAME_BUF)], bytes.len())
}

/// The bits by which eight query bytes differ from eight stored, ASCII-lower-cased bytes,
/// other than the case bits of ASCII letters: zero when they are equal ignoring ASCII case.
#[inline(always)]
fn folded_difference(q: u64, stored: u64) -> u64 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let diff = q ^ stored;
    let letters = bytes_in(stored & !HIGH, b'a', b'z') & !stored;
    // Any bit but a case bit differs, or a case bit differs where the byte is no letter.
    (diff & !CASE) | ((diff << 2) & HIGH & !letters)
}

/// True when `a` equals `stored` ignoring ASCII case, where `stored` is ASCII lower-case.
/// Exact equality first (ids are usually typed as stored), then one pass allowing letters'
/// case bits to differ; eight bytes at a time.
#[inline(always)]
pub(crate) fn eq_folded(a: &[u8], stored: &[u8]) -> bool {
    if a.len() != stored.len() {
        return false;
    }
    if eq_bytes(a, stored) {
        return true;
    }
    let (x, _) = a.as_chunks::<8>();
    let (y, _) = stored.as_chunks::<8>();
    let bad =
        x.iter().zip(y).fold(0, |d, (p, q)| d | folded_difference(u64::from_le_bytes(*p), u64::from_le_bytes(*q)));
    bad == 0 && (a.len().is_multiple_of(8) || folded_difference(tail_word(a), tail_word(stored)) == 0)
}

/// True when two byte strings are equal, compared inline eight bytes at a time with
/// overlapping loads: keys up to 32 bytes take a fixed handful of loads and no loop.
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

/// Typographic punctuation that normalisation always drops and that cannot combine with
/// its neighbours (no letter or digit in its decomposition, and a starter): the fast path
/// skips it without running the Unicode pipeline.
pub(crate) fn is_inert(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2010}'..='\u{2015}' | '\u{2018}'..='\u{201f}' | '\u{2022}' | '\u{2026}' | '\u{3000}')
}

/// The normalised characters of a name: the one definition of the rule.
pub(crate) fn normalized_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().nfd().default_case_fold().nfkd().default_case_fold().nfkd().nfc().filter(|c| c.is_alphanumeric())
}

/// The normalised form of a name, as a string (for building indexes and checking quotes).
///
/// Runs of ASCII (and inert punctuation) are mapped byte by byte; only the runs holding
/// other characters go through the full rule, each with the character before it, which a
/// combining mark at the run's start may compose with. (No canonical composition takes an
/// ASCII character second, so a run never composes with what follows it.)
pub(crate) fn normalized(s: &str) -> String {
    let plain = |c: char| c.is_ascii() || is_inert(c);
    // Plain bytes map one to one: an ASCII letter or digit to itself lower-cased, any other
    // byte (ASCII punctuation, and every byte of an inert character) to nothing.
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let push_plain = |out: &mut Vec<u8>, run: &str| {
        out.extend(run.bytes().map(|b| ASCII_KEY[usize::from(b)]).filter(|&b| b != 0));
    };
    let mut rest = s;
    while !rest.is_empty() {
        let fancy = first_fancy(rest);
        // The plain run, less its last character when a fancy run follows (that one goes
        // with the fancy run).
        let split = match rest[..fancy].char_indices().next_back() {
            Some((last, _)) if fancy < rest.len() => last,
            _ => fancy,
        };
        push_plain(&mut out, &rest[..split]);
        if fancy == rest.len() {
            break;
        }
        let after = rest[fancy..].find(plain).map_or(rest.len(), |n| fancy + n);
        let mut buf = [0u8; 4];
        for c in normalized_chars(&rest[split..after]) {
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        rest = &rest[after..];
    }
    // Only whole characters were pushed, so this cannot fail.
    String::from_utf8(out).unwrap_or_default()
}

/// The offset of the first character of `s` that is neither ASCII nor inert (`s.len()` if
/// none), found by skipping ASCII bytes without decoding them.
fn first_fancy(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let at = i + off;
        match s[at..].chars().next() {
            Some(c) if is_inert(c) => i = at + c.len_utf8(),
            _ => return at,
        }
    }
    s.len()
}

/// For each byte: itself lower-cased if it is an ASCII letter or digit, else 0.
const ASCII_KEY: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Normalises ASCII text eight bytes at a time: finds the letters and digits of a word with
/// bit tricks, and where each goes (the number of letters and digits before it, for all
/// eight at once with one multiply), then stores the eight bytes there, each store
/// independent of the others (a dropped byte lands where the next kept one will overwrite
/// it). Appends at `n` (the normalised length so far, which may pass the buffer: bytes past
/// it are counted, not stored); returns the new length.
#[inline]
fn normalize_ascii(bytes: &[u8], buf: &mut NameBuf, mut n: usize) -> usize {
    let (words, _) = bytes.as_chunks::<8>();
    let tail = (!bytes.len().is_multiple_of(8)).then(|| tail_word(bytes));
    for w in words.iter().map(|w| u64::from_le_bytes(*w)).chain(tail) {
        let folded = w | 0x2020_2020_2020_2020;
        let keep = bytes_in(folded, b'a', b'z') | bytes_in(w, b'0', b'9');
        // Byte i of `upto`: how many of bytes 0..=i are kept (so byte 7 counts them all).
        let upto = (keep >> 7).wrapping_mul(ONES);
        let before = upto << 8;
        if let Some(dst) = buf.get_mut(n..n + 8).and_then(|d| <&mut [u8; 8]>::try_from(d).ok()) {
            for (i, b) in folded.to_le_bytes().into_iter().enumerate() {
                dst[((before >> (8 * i)) & 7) as usize] = b;
            }
        }
        n += (upto >> 56) as usize;
    }
    n
}

/// Normalises a name into `buf`; returns the whole normalised length (of which at most
/// [`NAME_BUF`] bytes are stored).
#[inline]
pub(crate) fn normalize_into(s: &str, buf: &mut NameBuf) -> usize {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        return normalize_ascii(bytes, buf, 0);
    }
    // ASCII runs eight bytes at a time, inert punctuation skipped; else the full rule.
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|&b| b >= 0x80).unwrap_or(bytes.len() - i);
        n = normalize_ascii(&bytes[i..i + run], buf, n);
        i += run;
        match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) if is_inert(c) => i += c.len_utf8(),
            Some(_) => return normalize_unicode(s, buf),
            None => break,
        }
    }
    n
}

/// The full rule, into `buf`.
fn normalize_unicode(s: &str, buf: &mut NameBuf) -> usize {
    let mut n = 0;
    for c in normalized_chars(s) {
        let mut enc = [0u8; 4];
        for &b in c.encode_utf8(&mut enc).as_bytes() {
            if let Some(slot) = buf.get_mut(n).filter(|_| n < NAME_BUF) {
                *slot = b;
            }
            n += 1;
        }
    }
    n
}

/// The normalised bytes of a name, streamed (for comparing names longer than the buffer).
pub(crate) fn normalized_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    normalized_chars(s).flat_map(|c| {
        let mut b = [0u8; 4];
        let n = c.encode_utf8(&mut b).len();
        b.into_iter().take(n)
    })
}

/// A name spaced: lower-cased, each run of characters other than letters and digits one
/// space, trimmed (`China-Singapore  Smart Park.` becomes `china singapore smart park`,
/// the way names are often typed).
pub(crate) fn spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

const UNITS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORDINAL: [&str; 10] =
    ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The ordinal words of 1 to 99 as they read without separators (`twentyfirst`).
fn ordinal_words(n: usize) -> String {
    match n {
        1..20 => UNITS[n].to_owned(),
        20..100 if n.is_multiple_of(10) => TENS_ORDINAL[n / 10].to_owned(),
        20..100 => format!("{}{}", TENS[n / 10], UNITS[n % 10]),
        _ => String::new(),
    }
}

/// The number of an ordinal written in words (without separators), 1 to 99.
fn ordinal_number(word: &str) -> Option<usize> {
    static WORDS: Lazy<hashbrown::HashMap<String, usize>> =
        Lazy::new(|| (1..100).map(|n| (ordinal_words(n), n)).collect());
    if !["th", "st", "nd", "rd"].iter().any(|s| word.ends_with(s)) {
        return None;
    }
    WORDS.get(word).copied()
}

/// The number of an ordinal written in digits (`4th`, `21st`, `22nd`, `23rd`).
fn numeric_ordinal(word: &str) -> Option<usize> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let n: usize = digits.parse().ok().filter(|n| (1..100).contains(n))?;
    let expected = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    (suffix == expected).then_some(n)
}

/// The name with each ordinal written the other way (`fourth` ↔ `4th`), given and
/// returned spaced (see [`spaced`]), or `None` when the name has no ordinal. Compound words
/// (`twenty-first`) are read as one ordinal.
pub(crate) fn ordinal_variant(spaced: &str) -> Option<String> {
    rewrite_ordinals(spaced, true)
}

/// True when some word of `name` ends like an ordinal (`th`, `st`, `nd`, `rd`) and is
/// either numeric (`4th`) or long enough to be one in words (`first`, the shortest, has
/// five letters; `and`, `East` and `Fund` do not count): a cheap test before
/// [`ordinal_variant`].
pub(crate) fn might_have_ordinal(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let b = w.as_bytes();
        let ends = b.len() >= 3
            && matches!(&b[b.len() - 2..], [x, y] if matches!([x.to_ascii_lowercase(), y.to_ascii_lowercase()], [b't', b'h'] | [b's', b't'] | [b'n', b'd'] | [b'r', b'd']));
        ends && (b[0].is_ascii_digit() || b.len() >= 5)
    })
}

/// A spaced name with each ordinal written in words turned into digits (`fourth` → `4th`,
/// `twenty first` → `21st`), or `None` when it has none.
pub(crate) fn ordinals_as_numbers(spaced: &str) -> Option<String> {
    rewrite_ordinals(spaced, false)
}

/// A spaced name with ordinals in words turned into digits and, with `to_words`, ordinals
/// in digits turned into words; `None` when nothing changed. Two words that make one
/// ordinal above twenty (`twenty first`) are read together.
fn rewrite_ordinals(spaced: &str, to_words: bool) -> Option<String> {
    // Every ordinal, compound ones too (`twenty first`), has a word that is one by itself.
    let ordinal = |w: &str| ordinal_number(w).is_some() || (to_words && numeric_ordinal(w).is_some());
    if !might_have_ordinal(spaced) || !spaced.split(' ').any(ordinal) {
        return None;
    }
    let words: Vec<&str> = spaced.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        let pair = words.get(i + 1).map(|next| format!("{w}{next}"));
        let (rewritten, used) = match pair.as_deref().and_then(ordinal_number).filter(|n| *n > 20) {
            Some(n) => (Some(format!("{n}{}", ordinal_suffix(n))), 2),
            None => {
                let digits = ordinal_number(w).map(|n| format!("{n}{}", ordinal_suffix(n)));
                (digits.or_else(|| numeric_ordinal(w).filter(|_| to_words).map(ordinal_words)), 1)
            }
        };
        changed |= rewritten.is_some();
        out.push(rewritten.unwrap_or_else(|| w.to_owned()));
        i += used;
    }
    changed.then(|| out.join(" "))
}

fn ordinal_suffix(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ordinal_precheck_passes_every_ordinal_and_skips_short_words() {
        for n in 1..100 {
            let words = ordinal_words(n);
            assert!(might_have_ordinal(&format!("The {words} Forum")), "{words}");
            assert!(might_have_ordinal(&format!("The {n}{} Forum", ordinal_suffix(n))), "{n}");
        }
        assert!(!might_have_ordinal("Trade and Fund of the East"));
    }

    proptest::proptest! {
        /// The run-by-run fast path gives exactly what the full rule gives, whatever mix
        /// of ASCII, inert punctuation, accents, combining marks, ligatures and scripts.
        #[test]
        fn normalized_runs_equal_the_full_rule(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "E", "z9", " ", "-", "\u{a0}", "’", "—", "e\u{301}", "\u{301}", "\u{327}", "é", "É", "ß", "ﬁ",
            "Ⅳ", "Σ", "ς", "İ", "K", "\u{212a}", "中", "ｆｕｌｌ", "①", "Å", "A\u{30a}", "\u{338}", "<",
        ]), 0..12)) {
            let s: String = parts.concat();
            let full: String = normalized_chars(&s).collect();
            proptest::prop_assert_eq!(normalized(&s), full, "{:?}", s);
        }
    }

    fn normal(s: &str) -> String {
        let mut buf = [0u8; NAME_BUF + 8];
        let n = normalize_into(s, &mut buf);
        assert!(n <= NAME_BUF, "{s:?} too long for this helper");
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn the_name_rule() {
        assert_eq!(normal("China-Singapore  Guangzhou (CSGKC)’s"), "chinasingaporeguangzhoucsgkcs");
        assert_eq!(normal("Straße"), normal("STRASSE"));
        assert_eq!(normal("Cafe\u{301}"), normal("Caf\u{e9}"));
        assert_eq!(normal("Caf\u{e9}"), "caf\u{e9}");
        assert_eq!(normal("\u{fb01}sh"), "fish");
        assert_eq!(normal("ÉCOLE"), "école");
        assert_ne!(normal("Cafe"), normal("Café"));
        assert_eq!(normal("“Lion” — City"), "lioncity");
    }

    #[test]
    fn the_fast_paths_agree_with_the_rule() {
        let ascii: String = (0u8..128).map(char::from).collect();
        let mut cases: Vec<String> = (0..ascii.len()).map(|i| ascii[i..].to_owned() + &ascii[..i]).collect();
        cases.extend(
            ["", "a", "A-b C", "12345678", "People’s Government", "x\u{a0}y — z “q”", "É’É", "ab\u{2019}\u{301}c"]
                .map(String::from),
        );
        for s in &cases {
            let slow: String = normalized_chars(s).collect();
            let mut buf = [0u8; NAME_BUF + 8];
            let n = normalize_into(s, &mut buf);
            assert_eq!(&buf[..n], slow.as_bytes(), "{s:?}");
            assert_eq!(normalized(s), slow, "{s:?}");
            assert_eq!(normalized_bytes(s).collect::<Vec<u8>>(), slow.as_bytes(), "{s:?}");
        }
    }

    #[test]
    fn inert_punctuation_really_is_inert() {
        for c in (0..=0x3000u32).filter_map(char::from_u32).filter(|&c| is_inert(c)) {
            assert!(normalized_chars(&c.to_string()).next().is_none(), "{c:?} leaves a letter");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?} is not a starter");
            // A mark after it attaches to it, not to the letter before, and is dropped.
            for base in ['a', 'É', '1'] {
                let s: String = [base, c, '\u{301}', base].iter().collect();
                let without: String = [base, base].iter().collect();
                assert_eq!(normalized(&s), normalized(&without), "{s:?}");
                assert_eq!(normalized_chars(&s).collect::<String>(), normalized(&without), "{s:?}");
            }
        }
    }

    #[test]
    fn long_names_count_past_the_buffer() {
        let long = "ab ".repeat(200);
        let mut buf = [0u8; NAME_BUF + 8];
        assert_eq!(normalize_into(&long, &mut buf), 400);
        assert_eq!(&buf[..NAME_BUF], &"ab".repeat(200).as_bytes()[..NAME_BUF]);
        let long = "É’".repeat(200);
        assert_eq!(normalize_into(&long, &mut buf), 400);
        assert_eq!(normalized_bytes(&long).count(), 400);
    }

    #[test]
    fn lowering_touches_only_capitals() {
        for b in 0u8..=255 {
            let w = u64::from_le_bytes([b, b'Q', b, 0x80, b, b'@', b, b'[']);
            let want: Vec<u8> = w.to_le_bytes().iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!((w | (capitals(w) >> 2)).to_le_bytes().to_vec(), want, "{b}");
        }
    }

    #[test]
    fn keys_hash_alike_whatever_their_ascii_case_and_apart_otherwise() {
        let seed = Seed::random();
        let base: String = "Abc-Def Ghi 0123456789 JKL mno PQR stu VWX yz".repeat(8);
        for len in 0..base.len() {
            let k = &base[..len];
            let low = |s: &str| hash::<true>(seed, s.as_bytes(), s.len());
            let raw = |s: &str| hash::<false>(seed, s.as_bytes(), s.len());
            assert_eq!(low(k), raw(&k.to_ascii_lowercase()), "length {len}");
            assert_eq!(low(&k.to_ascii_uppercase()), raw(&k.to_ascii_lowercase()), "length {len}");
            let has = hash_and_case::<false>(seed, k.as_bytes(), k.len()).1;
            assert_eq!(has, k.bytes().any(|b| b.is_ascii_uppercase()), "length {len}");
        }
        // Changing any one byte, at any length, changes the hash; so does flipping bit 5
        // of a byte that is no letter (the old fold merged those).
        for len in 1..200 {
            let key: Vec<u8> = (0..len).map(|i| b"a?0@["[i % 5]).collect();
            for at in 0..len {
                let mut other = key.clone();
                other[at] ^= if other[at].is_ascii_alphabetic() { 0x01 } else { 0x20 };
                assert_ne!(hash::<true>(seed, &key, len), hash::<true>(seed, &other, len), "length {len}, byte {at}");
                assert_ne!(hash::<false>(seed, &key, len), hash::<false>(seed, &other, len), "length {len}, byte {at}");
            }
        }
        let hashes: std::collections::HashSet<u64> =
            (0..2000).map(|i| format!("project-{i}")).map(|k| hash::<false>(seed, k.as_bytes(), k.len())).collect();
        assert!(hashes.len() > 1990);
    }

    #[test]
    fn folded_equality_matches_ascii_case_insensitive_equality() {
        for x in 0u8..128 {
            for y in 0u8..128 {
                let stored = [b'k', b'e', b'y', b'-', b'k', b'e', b'y', b'-', y.to_ascii_lowercase()];
                let mut q = stored;
                q[8] = x;
                assert_eq!(eq_folded(&q, &stored), x.eq_ignore_ascii_case(&stored[8]), "{x} vs {y}");
                let (mut q2, mut s2) = ([b'a'; 5], [b'a'; 5]);
                q2[2] = x;
                s2[2] = y.to_ascii_lowercase();
                assert_eq!(eq_folded(&q2, &s2), x.eq_ignore_ascii_case(&s2[2]), "{x} vs {y} short");
            }
        }
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
    fn ordinals_both_ways() {
        let variant = |s: &str| ordinal_variant(&spaced(s));
        assert_eq!(
            variant("fourth China International Import Expo").as_deref(),
            Some("4th china international import expo")
        );
        assert_eq!(variant("18th JCBC").as_deref(), Some("eighteenth jcbc"));
        assert_eq!(variant("the twenty-first forum").as_deref(), Some("the 21st forum"));
        assert_eq!(variant("22nd and 13th").as_deref(), Some("twentysecond and thirteenth"));
        assert_eq!(variant("the 4st forum"), None);
        assert_eq!(variant("Smart Park"), None);
        for n in 1..100 {
            assert_eq!(ordinal_number(&ordinal_words(n)), Some(n));
            assert_eq!(numeric_ordinal(&format!("{n}{}", ordinal_suffix(n))), Some(n));
        }
    }
}
