//! The one reading of words that every part of quotelint shares: extraction (who spoke, the
//! statement's date, event mentions), finding names, and matching a quotation against the
//! record all see the same words at the same byte ranges.
//!
//! - A **word** is a run of letters and digits (any script), with the combining marks that
//!   belong to them ("Wörner" typed with a separate diaeresis is one word) and the apostrophes
//!   inside it ("Putin's", "don’t", "O’Neill": an apostrophe followed by a letter or digit).
//!   An apostrophe at either end is punctuation: "the allies' view" has the word "allies".
//! - A **compound** is words joined by single hyphens: "pro-Western", "1990-91",
//!   "follow-up". Extraction reads compounds, since a cue word or a role is never half of one
//!   ("so-called" is no "called"); matching reads words, since "anti-NATO" and "anti NATO" are
//!   one wording. Two hyphens are a dash ("NATO--the alliance" is two words), as is a hyphen
//!   with a space beside it.
//!
//! ASCII (nearly all prose) is read by table and eight bytes at a time; only other characters
//! are decoded.

use std::ops::Range;

/// The character at byte `i` of `text` (a character boundary), read without decoding when it is
/// ASCII (nearly always).
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// A letter or digit of any script: what starts a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return ALNUM[c as usize];
    }
    !is_general_punctuation(c) && c.is_alphanumeric()
}

/// What continues a word after its first character: a letter, a digit, or a combining mark.
#[inline]
fn continues_word(c: char) -> bool {
    if c.is_ascii() {
        return ALNUM[c as usize];
    }
    !is_general_punctuation(c) && (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
}

/// The General Punctuation block (U+2000 to U+206F: spaces, dashes, curly quote marks and
/// apostrophes, the ellipsis), which holds no letter, digit or combining mark: the commonest
/// characters of prose outside ASCII, told without the Unicode tables, which cost a few hundred
/// instructions a lookup (a test holds the block to them).
#[inline(always)]
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

/// The apostrophes a word may hold inside it.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// ASCII letters and digits: one load a byte in the loops that read most words of prose,
/// where the range tests of `is_ascii_alphanumeric` cost several instructions.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// ASCII bytes other than letters and digits: what lies between words, passed by the byte.
static ASCII_OTHER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !(b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits that starts at `from` ends. Eight bytes at a time:
/// a word of prose is read in one or two steps, not a table lookup and a branch a byte.
#[inline]
pub fn alnum_end(bytes: &[u8], mut from: usize) -> usize {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = 0x80 * ONES;
    // Per byte, without carries between bytes (each is at most 0x7F before the addition): the
    // high bit is set where the byte lies in `lo..=hi`.
    let within = |x: u64, lo: u8, hi: u8| {
        (x + (0x80 - u64::from(lo)) * ONES) & !(x + (0x80 - u64::from(hi) - 1) * ONES) & HIGH
    };
    while let Some(chunk) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = x & !HIGH;
        let alnum = (within(low, b'0', b'9') | within(low | (0x20 * ONES), b'a', b'z')) & !x;
        let other = !alnum & HIGH;
        if other != 0 {
            return from + (other.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < bytes.len() && ALNUM[usize::from(bytes[from])] {
        from += 1;
    }
    from
}

/// The end of the word that starts at `start` (a letter or digit).
#[inline(always)]
pub fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = alnum_end(bytes, start);
    loop {
        match bytes.get(end) {
            // The common end of a word: a space or ASCII punctuation other than an apostrophe.
            None => return end,
            // (Not a letter or digit: the run of them ended here.)
            Some(&b) if b < 0x80 && b != b'\'' => return end,
            Some(_) => {}
        }
        let Some(c) = char_at(text, end) else { return end };
        let inner_apostrophe =
            || is_apostrophe(c) && char_at(text, end + c.len_utf8()).is_some_and(is_word_char);
        if !(continues_word(c) || inner_apostrophe()) {
            return end;
        }
        end += c.len_utf8();
        end = alnum_end(bytes, end);
    }
}

/// The end of the compound that starts at `start` (a letter or digit): words joined by single
/// hyphens.
#[inline(always)]
pub fn compound_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = word_end(text, start);
    while bytes.get(end) == Some(&b'-') && char_at(text, end + 1).is_some_and(is_word_char) {
        end = word_end(text, end + 1);
    }
    end
}

/// The start of the first word at or after `at`.
#[inline]
pub fn next_word_start(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            if ALNUM[usize::from(b)] {
                return Some(at);
            }
            at += 1;
        } else {
            let c = char_at(text, at)?;
            if is_word_char(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// Each word of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    spans(text, word_end)
}

/// Each compound of `text`, in order: words joined by single hyphens.
pub fn compounds(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    spans(text, compound_end)
}

/// Each compound of `text` (as [`compounds`] reads them), given to `each` as its start and end,
/// in order, in one loop: a run of ASCII letters and digits followed by an ASCII byte other than
/// an apostrophe or a hyphen (most words of prose) ends there, without the general reading.
#[inline]
pub fn for_each_compound(text: &str, mut each: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        // Spaces and ASCII punctuation, passed by here; a word's start found here when it is
        // ASCII (a call a word otherwise).
        while at < bytes.len() && ASCII_OTHER[usize::from(bytes[at])] {
            at += 1;
        }
        let start = match bytes.get(at) {
            Some(&b) if ALNUM[usize::from(b)] => at,
            None => break,
            Some(_) => match next_word_start(text, at) {
                Some(start) => start,
                None => break,
            },
        };
        let run = alnum_end(bytes, start);
        let end = match bytes.get(run) {
            Some(&b) if run > start && b < 0x80 && b != b'\'' && b != b'-' => run,
            None if run > start => run,
            _ => compound_end(text, start),
        };
        each(start, end);
        at = end;
    }
}

/// The spans `end_of` gives from each word's start: a function item, so that it is inlined.
fn spans<'t>(
    text: &'t str,
    end_of: impl Fn(&str, usize) -> usize + 't,
) -> impl Iterator<Item = Range<usize>> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_word_start(text, at)?;
        at = end_of(text, start);
        Some(start..at)
    })
}

/// The last word of `text`, if any: the word a phrase ends with ("…the alliance's" gives
/// "alliance's").
pub fn last_word(text: &str) -> Option<&str> {
    // No word holds a blank, and nothing before a blank changes how what follows it is read:
    // the words after the last blank before the last letter or digit are enough to read.
    let last = text.char_indices().rev().find(|&(_, c)| is_word_char(c))?.0;
    let from = text[..last].rfind(char::is_whitespace).unwrap_or(0);
    words(&text[from..]).last().map(|r| &text[from + r.start..from + r.end])
}

/// The word `text` ends with, when it ends with one (no mark after it): "…known as" gives "as",
/// "…known as," none.
pub fn trailing_word(text: &str) -> Option<&str> {
    last_word(text).filter(|w| text.ends_with(w))
}

/// Whether `text` ends with `phrase` (in any ASCII case) as whole words: nothing but the
/// text's start or a character that is no letter or digit before it ("told the" ends with "the";
/// "bathe" does not).
pub fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    text.len() >= phrase.len()
        && text.is_char_boundary(text.len() - phrase.len())
        && text[text.len() - phrase.len()..].eq_ignore_ascii_case(phrase)
        && text[..text.len() - phrase.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, reader: fn(&str) -> Vec<Range<usize>>) -> Vec<&str> {
        reader(text).into_iter().map(|r| &text[r]).collect()
    }

    fn ws(text: &str) -> Vec<&str> {
        read(text, |t| words(t).collect())
    }

    fn cs(text: &str) -> Vec<&str> {
        read(text, |t| compounds(t).collect())
    }

    #[test]
    fn words_hold_inner_apostrophes_and_marks_but_not_hyphens() {
        assert_eq!(ws("Putin's don’t O’Neill"), ["Putin's", "don’t", "O’Neill"]);
        assert_eq!(ws("the allies' view, 'quoted'"), ["the", "allies", "view", "quoted"]);
        assert_eq!(ws("pro-Western 1990-91"), ["pro", "Western", "1990", "91"]);
        assert_eq!(ws("Wo\u{308}rner and Wörner"), ["Wo\u{308}rner", "and", "Wörner"]);
        assert_eq!(ws("—“Нет значит нет”—"), ["Нет", "значит", "нет"]);
        assert_eq!(ws("it''s x'-y ’90s"), ["it", "s", "x", "y", "90s"]);
        assert_eq!(ws(""), Vec::<&str>::new());
    }

    #[test]
    fn compounds_join_words_by_single_hyphens() {
        assert_eq!(cs("a pro-Western, so-called follow-up"), ["a", "pro-Western", "so-called", "follow-up"]);
        assert_eq!(cs("1990-91 and the allies'-view"), ["1990-91", "and", "the", "allies", "view"]);
        assert_eq!(cs("NATO--the alliance - or not -"), ["NATO", "the", "alliance", "or", "not"]);
        assert_eq!(cs("-leading and trailing- hyphens"), ["leading", "and", "trailing", "hyphens"]);
        assert_eq!(cs("Putin's-era"), ["Putin's-era"]);
    }

    #[test]
    fn the_last_word_of_a_phrase() {
        assert_eq!(last_word("as the alliance's"), Some("alliance's"));
        assert_eq!(last_word("the allies' "), Some("allies"));
        assert_eq!(last_word("on 12 May,"), Some("May"));
        assert_eq!(last_word("pro-Western"), Some("Western"));
        assert_eq!(last_word(" \u{308}"), None);
        assert_eq!(last_word("“ — "), None);
        // The word a text ends with, and a phrase it ends with as whole words.
        assert_eq!(trailing_word("known as"), Some("as"));
        assert_eq!(trailing_word("known as,"), None);
        assert!(ends_with_phrase("he told The", "the") && ends_with_phrase("the", "the"));
        assert!(!ends_with_phrase("bathe", "the") && !ends_with_phrase("th", "the"));
        assert!(ends_with_phrase("Ann Vole, author of", "author of"));
    }

    /// The reading as a specification, character by character: the oracle for the fast paths.
    fn words_by_char(text: &str, join_hyphens: bool) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let offset = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !at(k).is_some_and(char::is_alphanumeric) {
                k += 1;
                continue;
            }
            let start = k;
            loop {
                k += 1;
                match at(k) {
                    Some(c) if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) => {}
                    Some('\'' | '’') if at(k + 1).is_some_and(char::is_alphanumeric) => {}
                    Some('-') if join_hyphens && at(k + 1).is_some_and(char::is_alphanumeric) => {}
                    _ => break,
                }
            }
            out.push(offset(start)..offset(k));
        }
        out
    }

    /// Every character, the General Punctuation block's included, is a word's character as the
    /// Unicode tables say.
    #[test]
    fn word_characters_are_the_unicode_tables_letters_digits_and_marks() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{:?}", c);
            let continues = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
            assert_eq!(continues_word(c), continues, "{:?}", c);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn a_run_of_letters_and_digits_ends_where_the_byte_table_says(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::sample::select(&b"aAzZ09mM@[`{/:_-' \x7f\x80\xc3\xdb\xfa"[..]),
                proptest::prelude::any::<u8>(),
            ], 0..40),
            from in 0..40usize,
        ) {
            let from = from.min(bytes.len());
            let mut end = from;
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            proptest::prop_assert_eq!(alnum_end(&bytes, from), end, "{:?} from {}", bytes, from);
        }

        #[test]
        fn the_fast_reading_is_the_reading_by_char(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "a", "Z", "7", "-", "'", "’", " ", ".", ",", "é", "Ö", "ß", "٣", "—", "“", "\u{301}",
                "x'", "--", "''", "abcdefgh", "12345678", "ij-kl", "_", "\u{200d}",
            ][..]), 0..24)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), words_by_char(&text, false), "{:?}", text);
            proptest::prop_assert_eq!(compounds(&text).collect::<Vec<_>>(), words_by_char(&text, true), "{:?}", text);
            let mut each = Vec::new();
            for_each_compound(&text, |s, e| each.push(s..e));
            proptest::prop_assert_eq!(each, words_by_char(&text, true), "{:?}", text);
            let last = words_by_char(&text, false).pop().map(|r| &text[r]);
            proptest::prop_assert_eq!(last_word(&text), last, "{:?}", text);
        }
    }
}
