//! The words of a block and the byte scans that find them: the one word reader attribution,
//! dates-of-statement and event readers share.

use std::ops::Range;

use super::lexicon::{CueList, KEYWORDS};
use crate::scan::char_at;

/// A word of a block: its range, and which cue word it is, if any. Only cue words (speech
/// verbs and nouns, role words, pronouns, fillers) are ever compared, so no other word's text is
/// kept: a 50 MB paragraph must not cost a string per word.
/// Twelve bytes a word, which is what bounds a long paragraph's memory: offsets are 32-bit (a
/// longer block has no words, see [`words_of`]) and the cue word is an index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub(super) start: u32,
    pub(super) end: u32,
    /// 1 + the cue word's index in the list of [`KEYWORDS`], or 0.
    pub(super) kw: u16,
}

impl Word {
    /// The cue word, lower-cased, or "" for any other word.
    pub(super) fn kw(&self) -> &'static str {
        if self.kw == 0 {
            ""
        } else {
            &KEYWORDS.0[usize::from(self.kw) - 1]
        }
    }

    pub(super) fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// In that cue list.
    pub(super) fn is(&self, list: CueList) -> bool {
        in_cue_list(self.kw, list)
    }
}

/// Whether the cue word numbered `kw` (see [`Word::kw`]) is in `list`.
pub(super) fn in_cue_list(kw: u16, list: CueList) -> bool {
    kw != 0 && KEYWORDS.2[usize::from(kw) - 1] & list as u32 != 0
}

/// searched for with memchr, and the others.
pub(super) struct Stops {
    common: [u8; 3],
    others: &'static [u8],
    pub(super) table: [bool; 256],
}

impl Stops {
    /// Every stop must be ASCII or a UTF-8 lead byte, so that a character starts where a scan
    /// stops (checked when the table is built, at compile time).
    pub(super) const fn new(common: [u8; 3], others: &'static [u8]) -> Stops {
        let mut table = [false; 256];
        let mut k = 0;
        while k < 3 + others.len() {
            let b = if k < 3 { common[k] } else { others[k - 3] };
            assert!(b < 0x80 || b >= 0xC0, "a stop byte must start a character");
            table[b as usize] = true;
            k += 1;
        }
        Stops { common, others, table }
    }

    /// The characters of `text` at its stops, in order. When `text` holds none of the other
    /// stops (checked once, by vector search), each step is memchr's search for the common
    /// three; otherwise a scan byte by byte.
    pub(super) fn scan<'t>(&'static self, text: &'t str) -> StopScan<'t> {
        let bytes = text.as_bytes();
        let rare = self.others.chunks(3).any(|c| match *c {
            [a] => memchr::memchr(a, bytes).is_some(),
            [a, b] => memchr::memchr2(a, b, bytes).is_some(),
            [a, b, c] => memchr::memchr3(a, b, c, bytes).is_some(),
            _ => unreachable!("chunks of one to three"),
        });
        StopScan { stops: self, text, rare, cursor: 0 }
    }
}

/// The iterator of [`Stops::scan`]: each stop's offset and character.
pub(super) struct StopScan<'t> {
    stops: &'static Stops,
    text: &'t str,
    rare: bool,
    cursor: usize,
}

impl StopScan<'_> {
    /// Resumes after `at`, for a caller that read further than the character it was given.
    pub(super) fn resume_at(&mut self, at: usize) {
        self.cursor = at;
    }
}

impl Iterator for StopScan<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let rest = &self.text.as_bytes()[self.cursor..];
        let [a, b, c] = self.stops.common;
        let skip = match self.rare {
            false => memchr::memchr3(a, b, c, rest),
            true => rest.iter().position(|&x| self.stops.table[usize::from(x)]),
        }?;
        let i = self.cursor + skip;
        let c = char_at(self.text, i).expect("a character starts at every stop");
        self.cursor = i + c.len_utf8();
        Some((i, c))
    }
}

/// The words of a block. A block of 4 GiB or more (a file that size is not prose) has none.
pub(super) fn words_of(text: &str) -> Vec<Word> {
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    // A long paragraph's words are counted first, so that the vector is sized once: while it
    // doubled, they would take up to three times their size. Short ones (nearly all) are not
    // worth the second pass: room for a word every four bytes, which prose does not exceed.
    let capacity = if text.len() > 1 << 16 {
        let mut count = 0;
        for_each_word_span(text, |_, _| count += 1);
        count
    } else {
        text.len() / 4
    };
    let mut out = Vec::with_capacity(capacity);
    // The cue words' set, dereferenced once rather than at every word (see [`keyword`](super::lexicon::keyword)).
    let cue_words = &KEYWORDS.1;
    for_each_word_span(text, |s, e| {
        let kw = cue_words.position(&text[s..e]).map_or(0, |i| i as u16 + 1);
        out.push(Word { kw, start: s as u32, end: e as u32 })
    });
    out
}

/// The byte span of each word of `text`, given to `each` in order: the compounds of the one
/// reading of words ([`crate::scan`]), since a cue word is never half of a hyphenated one.
pub(super) fn for_each_word_span(text: &str, each: impl FnMut(usize, usize)) {
    crate::scan::for_each_compound(text, each);
}

/// Whether `text` has an ASCII digit: asked of every block, so read in chunks whose test
/// compiles to vector instructions, stopping at the first chunk with one.
pub(super) fn has_digit(text: &str) -> bool {
    text.as_bytes().chunks(64).any(|chunk| chunk.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// `range` lies inside one of `spans` (disjoint and in order): a binary search.
pub(super) fn within(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = spans.partition_point(|q| q.start <= range.start);
    i > 0 && range.end <= spans[i - 1].end
}

/// The blanks of the date and year patterns: ASCII spaces, tabs and line ends.
pub(super) fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_scans_find_every_stop_with_or_without_the_rare_ones() {
        static STOPS: Stops = Stops::new([b'.', b'"', b'\''], b"!?");
        for text in ["a. b \"c\" d'e", "a. b! c? \"d\" e?", "", "no stop", "!"] {
            let found: Vec<usize> = STOPS.scan(text).map(|(i, _)| i).collect();
            let bytes = text.as_bytes();
            let every: Vec<usize> =
                (0..bytes.len()).filter(|&i| STOPS.table[usize::from(bytes[i])]).collect();
            assert_eq!(found, every, "{text}");
        }
    }

    #[test]
    fn a_digit_is_found_wherever_it_is() {
        for len in [0, 1, 63, 64, 65, 130] {
            let text = "a".repeat(len);
            assert!(!has_digit(&text));
            for at in 0..len {
                let mut with = text.clone().into_bytes();
                with[at] = b'7';
                assert!(has_digit(std::str::from_utf8(&with).unwrap()), "{len} {at}");
            }
        }
        assert!(!has_digit("٣ and ³ are not ASCII digits"));
    }
}
