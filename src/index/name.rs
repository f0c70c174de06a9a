//! The name rule: when two names are one name. Its public statement is on
//! [`Table::by_name`](crate::Table::by_name); this file is its one implementation.
//!
//! A name is reduced to its *normalized form*: Unicode compatibility caseless matching (NFKD,
//! full case folding, NFKD again, as in Unicode's definition D146, through the `caseless`
//! and `unicode-normalization` crates), recomposed (NFC), keeping only letters and digits.
//! Tables also store, for a name holding an ordinal, the name with the ordinal written the
//! other way (`fourth` and `4th`), so a query is normalized once and never rewritten.

use caseless::Caseless;
use once_cell::sync::Lazy;
use unicode_normalization::UnicodeNormalization;

/// The longest normalized query kept on the stack, in bytes.
pub(crate) const NAME_BUF: usize = 256;

/// The normalized characters of a name: the one definition of the rule.
pub(crate) fn normalized_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().nfd().default_case_fold().nfkd().default_case_fold().nfkd().nfc().filter(|c| c.is_alphanumeric())
}

/// Typographic punctuation that the rule always drops and that cannot combine with a
/// neighbour (no letter or digit in its decomposition, and a starter), so text made of
/// ASCII and these needs no Unicode pipeline.
fn is_inert(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2010}'..='\u{2015}' | '\u{2018}'..='\u{201f}' | '\u{2022}' | '\u{2026}' | '\u{3000}')
}

/// True when the rule reduces `s` byte by byte: ASCII letters and digits kept lower-cased,
/// everything else dropped.
#[inline]
pub(crate) fn is_plain(s: &str) -> bool {
    s.is_ascii() || s.chars().all(|c| c.is_ascii() || is_inert(c))
}

/// The normalized form of a name, as a string (for building tables and checking quotes).
pub(crate) fn normalized(s: &str) -> String {
    if is_plain(s) {
        let mut bytes = Vec::with_capacity(s.len());
        bytes.extend(s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase()));
        // Only ASCII letters and digits were kept, so this cannot fail.
        String::from_utf8(bytes).unwrap_or_default()
    } else {
        normalized_chars(s).collect()
    }
}

/// Normalizes `s` into `buf` without touching the heap; `None` when the normalized form is
/// longer than the buffer.
#[inline]
pub(crate) fn normalize_into<'b>(s: &str, buf: &'b mut [u8; NAME_BUF]) -> Option<&'b str> {
    let mut n = 0;
    if is_plain(s) {
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            *buf.get_mut(n)? = b.to_ascii_lowercase();
            n += 1;
        }
    } else {
        for c in normalized_chars(s) {
            let end = n + c.len_utf8();
            c.encode_utf8(buf.get_mut(n..end)?);
            n = end;
        }
    }
    core::str::from_utf8(&buf[..n]).ok()
}

/// A name spaced: lower-cased, each run of characters other than letters and digits one
/// space, trimmed (`China-Singapore  Smart Park.` becomes `china singapore smart park`).
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
        out.extend(c.to_lowercase());
    }
    out
}

/// The normalized keys a table stores for a name: its normalized form, and the same with
/// each ordinal written the other way if it has one.
pub(crate) fn keys(name: &str) -> Vec<String> {
    let normal = normalized(name);
    let variant = might_have_ordinal(name).then(|| rewrite_ordinals(&spaced(name), true)).flatten();
    let variant = variant.map(|v| normalized(&v)).filter(|v| *v != normal);
    core::iter::once(normal).chain(variant).collect()
}

/// True when some word of `name` ends like an ordinal (`th`, `st`, `nd`, `rd`) and is
/// either numeric (`4th`) or long enough to be one in words (`first`, the shortest, has
/// five letters): a cheap test that spares most names the rewrite.
fn might_have_ordinal(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let b = w.as_bytes();
        let end = b.len().checked_sub(2).and_then(|i| b.get(i..)).map(<[u8]>::to_ascii_lowercase);
        let ends = matches!(end.as_deref(), Some(b"th" | b"st" | b"nd" | b"rd"));
        ends && (b.first().is_some_and(u8::is_ascii_digit) || b.len() >= 5)
    })
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
    WORDS.get(word).copied()
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

/// The number of an ordinal written in digits (`4th`, `21st`, `22nd`, `23rd`).
fn numeric_ordinal(word: &str) -> Option<usize> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: usize = digits.parse().ok().filter(|n| (1..100).contains(n))?;
    (&word[digits.len()..] == ordinal_suffix(n)).then_some(n)
}

/// A spaced name with each ordinal in words turned into digits (`fourth` → `4th`,
/// `twenty first` → `21st`), or `None` when it has none.
pub(crate) fn ordinals_as_numbers(spaced: &str) -> Option<String> {
    rewrite_ordinals(spaced, false)
}

/// A spaced name with ordinals in words turned into digits and, with `to_words`, ordinals
/// in digits turned into words; `None` when nothing changed. Two words that make one
/// ordinal above twenty (`twenty first`) are read together.
fn rewrite_ordinals(spaced: &str, to_words: bool) -> Option<String> {
    let words: Vec<&str> = spaced.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        let pair = words.get(i + 1).and_then(|next| ordinal_number(&format!("{w}{next}"))).filter(|n| *n > 20);
        let (rewritten, used) = match pair {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(s: &str) -> String {
        let mut buf = [0u8; NAME_BUF];
        normalize_into(s, &mut buf).unwrap().to_owned()
    }

    #[test]
    fn names_equal_under_case_compatibility_and_punctuation() {
        assert_eq!(normal("China-Singapore  Guangzhou (CSGKC)’s"), "chinasingaporeguangzhoucsgkcs");
        assert_eq!(normal("Straße"), normal("STRASSE"));
        assert_eq!(normal("Cafe\u{301}"), normal("Caf\u{e9}"));
        assert_eq!(normal("Caf\u{e9}"), "caf\u{e9}");
        assert_eq!(normal("\u{fb01}sh"), "fish");
        assert_eq!(normal("ÉCOLE"), "école");
        assert_ne!(normal("Cafe"), normal("Café"));
        assert_eq!(normal("“Lion” — City"), "lioncity");
    }

    /// Every string of up to three pieces drawn from ASCII, inert punctuation, accents,
    /// combining marks, ligatures and other scripts: the byte-wise path, the stack buffer and
    /// the string form all give what the full rule gives.
    #[test]
    fn every_path_gives_what_the_full_rule_gives() {
        let parts = [
            "a",
            "E",
            "z9",
            " ",
            "-",
            "\u{a0}",
            "’",
            "—",
            "e\u{301}",
            "\u{301}",
            "\u{327}",
            "é",
            "É",
            "ß",
            "ﬁ",
            "Ⅳ",
            "Σ",
            "ς",
            "İ",
            "K",
            "\u{212a}",
            "中",
            "ｆｕｌｌ",
            "①",
            "Å",
            "A\u{30a}",
            "\u{338}",
            "<",
        ];
        let mut cases = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = cases.iter().flat_map(|c| parts.iter().map(move |p| format!("{c}{p}"))).collect();
            cases.extend(longer);
        }
        for s in &cases {
            let full: String = normalized_chars(s).collect();
            assert_eq!(normalized(s), full, "{s:?}");
            assert_eq!(normal(s), full, "{s:?}");
        }
    }

    #[test]
    fn inert_punctuation_normalizes_to_nothing_and_never_combines() {
        for c in (0..=0x3000u32).filter_map(char::from_u32).filter(|&c| is_inert(c)) {
            assert!(normalized_chars(&c.to_string()).next().is_none(), "{c:?} leaves a letter");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?} is not a starter");
            for base in ['a', 'É', '1'] {
                let s: String = [base, c, '\u{301}', base].iter().collect();
                let without: String = [base, base].iter().collect();
                assert_eq!(normalized_chars(&s).collect::<String>(), normalized(&without), "{s:?}");
            }
        }
    }

    #[test]
    fn a_normalized_form_longer_than_the_buffer_is_refused_not_cut() {
        let mut buf = [0u8; NAME_BUF];
        assert!(normalize_into(&"ab ".repeat(128), &mut buf).is_some());
        assert!(normalize_into(&"ab ".repeat(129), &mut buf).is_none());
        assert!(normalize_into(&"É’".repeat(200), &mut buf).is_none());
    }

    #[test]
    fn the_ordinal_precheck_passes_every_ordinal() {
        for n in 1..100 {
            let words = ordinal_words(n);
            assert!(might_have_ordinal(&format!("The {words} Forum")), "{words}");
            assert!(might_have_ordinal(&format!("The {n}{} Forum", ordinal_suffix(n))), "{n}");
        }
        assert!(!might_have_ordinal("Trade and Fund of the East"));
    }

    #[test]
    fn ordinals_are_stored_both_ways() {
        assert_eq!(keys("fourth China International Import Expo")[1], "4thchinainternationalimportexpo");
        assert_eq!(keys("18th JCBC")[1], "eighteenthjcbc");
        assert_eq!(keys("the twenty-first forum")[1], "the21stforum");
        assert_eq!(keys("22nd and 13th")[1], "twentysecondandthirteenth");
        assert_eq!(keys("the 4st forum").len(), 1);
        assert_eq!(keys("Smart Park").len(), 1);
        for n in 1..100 {
            assert_eq!(ordinal_number(&ordinal_words(n)), Some(n));
            assert_eq!(numeric_ordinal(&format!("{n}{}", ordinal_suffix(n))), Some(n));
        }
    }
}
