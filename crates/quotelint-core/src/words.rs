//! The English word list that tells a misspelt word from a real one (see `data/words.txt` and
//! `scripts/wordlist.py`): matching forgives a typo only in a string that is no word of the
//! language, so "form" for "from" is a changed word, not a slip of the keyboard.
//!
//! The build decodes the list into three blobs of sorted lines, each line ending in `\n`, which
//! are searched in place: no table is built at run time, and a run that never asks pays
//! nothing. It is asked only about a word within a typo of a recorded word it differs from.

/// Lower-case words of 4 letters or more spelt alike in American and British English.
static BOTH: &str = include_str!(concat!(env!("OUT_DIR"), "/words-both.txt"));
/// American spellings that British English spells otherwise ("acknowledgment").
static AMERICAN: &str = include_str!(concat!(env!("OUT_DIR"), "/words-american.txt"));
/// British spellings that American English spells otherwise ("acknowledgement").
static BRITISH: &str = include_str!(concat!(env!("OUT_DIR"), "/words-british.txt"));

/// Whether `word` (normalized: lower case, diacritics folded) is an English word.
pub fn is_word(word: &str) -> bool {
    verdict(word).word
}

/// Whether two words a typo apart may be one word's American and British spellings
/// ("acknowledgment", "acknowledgement"; "aeroplane", "airplane" are too far apart to be
/// asked), which the normalizer's own table of spellings may not list: one of them is a
/// spelling of one side only. The lists give both spellings where American English accepts
/// the British one too, so a pair of two words of both sides is two words.
pub fn spelling_variants(a: &str, b: &str) -> bool {
    verdict(a).one_side || verdict(b).one_side
}

/// What the lists say of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Verdict {
    /// In any list.
    word: bool,
    /// In the American or the British list: a spelling of one side only.
    one_side: bool,
}

/// Words asked about are kept per thread, at most this many, with their verdicts: the same few
/// words of an article are asked about against every recorded word they are a typo apart from,
/// and three binary searches of the lists cost far more than a look-up.
const KEPT_VERDICTS: usize = 4096;

fn verdict(word: &str) -> Verdict {
    use std::cell::RefCell;
    thread_local! {
        static KEPT: RefCell<rustc_hash::FxHashMap<Box<str>, Verdict>> = RefCell::default();
    }
    KEPT.with_borrow_mut(|kept| {
        if let Some(&v) = kept.get(word) {
            return v;
        }
        let one_side = holds(AMERICAN, word) || holds(BRITISH, word);
        let v = Verdict { word: one_side || holds(BOTH, word), one_side };
        if kept.len() >= KEPT_VERDICTS {
            kept.clear();
        }
        kept.insert(word.into(), v);
        v
    })
}

/// Whether `blob`, sorted lines each ending in `\n`, has `word` as a line: a binary search
/// over byte offsets, each probe widened to the line it falls in.
fn holds(blob: &str, word: &str) -> bool {
    let b = blob.as_bytes();
    // `lo` is the start of a line and `hi` the start of a line or the end: the word, if there,
    // lies between them.
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &b[lo..mid]).map_or(lo, |i| lo + i + 1);
        let Some(len) = memchr::memchr(b'\n', &b[start..]) else { return false };
        let end = start + len;
        match b[start..end].cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sorted_blob_holds_its_lines_and_nothing_else() {
        let blob = "abbey\nfrom\nnever\nnow\nzebra\n";
        for w in ["abbey", "from", "never", "now", "zebra"] {
            assert!(holds(blob, w), "{w}");
        }
        for w in ["", "a", "abbe", "abbeys", "form", "nev", "zebras", "zz", "\n"] {
            assert!(!holds(blob, w), "{w:?}");
        }
        assert!(!holds("", "word"));
    }

    #[test]
    fn real_words_misspellings_and_spellings() {
        for w in ["from", "form", "never", "eastern", "western", "guarantees", "expansion", "bases"] {
            assert!(is_word(w), "{w}");
        }
        for w in ["guarentees", "ironclda", "gorbachev", "worner", "expanison", "xxxx"] {
            assert!(!is_word(w), "{w}");
        }
        assert!(spelling_variants("acknowledgement", "acknowledgment"));
        assert!(spelling_variants("acknowledgment", "acknowledgement"));
        assert!(spelling_variants("honour", "honor"));
        assert!(!spelling_variants("form", "from"));
        assert!(!spelling_variants("eastern", "western"));
    }

    #[test]
    fn every_blob_is_sorted_lines() {
        for blob in [BOTH, AMERICAN, BRITISH] {
            assert!(blob.ends_with('\n') && !blob.starts_with('\n'));
            let lines: Vec<&str> = blob.lines().collect();
            assert!(lines.len() > 1000, "{}", lines.len());
            assert!(lines.windows(2).all(|w| w[0] < w[1]));
            assert!(lines.iter().all(|w| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase())));
        }
    }
}
