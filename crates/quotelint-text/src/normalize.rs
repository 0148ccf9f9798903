//! Words for comparison: what two renderings of one remark have in common.
//!
//! Case, quote marks, dashes, punctuation, diacritics (Wörner/Worner), contractions
//! (wasn't/was not) and British/American spelling (centimetre/centimeter) are all folded, so
//! that only real differences in wording remain.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::lexicon::lexicon;
use crate::scan::{alnum_end, char_at, is_word_char, word_end};

/// A normalized word, or a gap where the writer elided words (`...`, `[...]`) or a wildcard for
/// a bracketed insertion (`[the alliance]`). The record's texts hold their words as
/// `Cow<'static, str>`, borrowed from the table the build normalized them into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<W = String> {
    Word(W),
    Gap,
    Wildcard,
}

/// [`tokens`], their words as the record's texts hold them (`Cow`, here owned).
pub fn cow_tokens(text: &str) -> Vec<(Token<std::borrow::Cow<'static, str>>, Range<usize>)> {
    let cow = |token| match token {
        Token::Word(w) => Token::Word(std::borrow::Cow::Owned(w)),
        Token::Gap => Token::Gap,
        Token::Wildcard => Token::Wildcard,
    };
    tokens(text).into_iter().map(|(token, range)| (cow(token), range)).collect()
}

/// Normalized words with the byte range of each in the input.
pub fn tokens(text: &str) -> Vec<(Token, Range<usize>)> {
    // About one token per six bytes of prose: a name or a quotation is sized once rather than
    // grown from empty. Capped, since a hostile text may have far fewer tokens than that.
    let mut out = Vec::with_capacity((text.len() / 6).min(256) + 1);
    out.extend(Tokens::new(text));
    out
}

/// What the tokenizer reads before normalizing: a written word, an elision, or a bracketed
/// insertion, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    Word(Range<usize>),
    Gap(Range<usize>),
    Wildcard(Range<usize>),
}

/// [`tokens`], one at a time: finding names in a long paragraph holds a few words, not all.
pub struct Tokens<'a> {
    text: &'a str,
    /// The byte offset reading has reached.
    pos: usize,
    /// Words of the last written word still to give (a contraction gives two), in reverse.
    pending: Vec<(Token, Range<usize>)>,
    /// Reused for the words of each written word.
    words: Vec<String>,
    last_was_gap: bool,
    /// The next `]` at or after the last `[` looked at (`None`: there is none), so that many
    /// unclosed brackets cost one pass, not one pass each.
    next_close: Option<Option<usize>>,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        Tokens { text, pos: 0, pending: Vec::new(), words: Vec::new(), last_was_gap: false, next_close: None }
    }

    fn close_after(&mut self, i: usize) -> Option<usize> {
        match self.next_close {
            Some(Some(close)) if close >= i => Some(close),
            Some(None) => None,
            _ => {
                let close = memchr::memchr(b']', &self.text.as_bytes()[i..]).map(|c| i + c);
                self.next_close = Some(close);
                close
            }
        }
    }

    fn emit(&mut self, token: Token, range: Range<usize>) -> Option<(Token, Range<usize>)> {
        self.last_was_gap = token == Token::Gap;
        Some((token, range))
    }

    fn char_at(&self, i: usize) -> Option<char> {
        char_at(self.text, i)
    }

    /// The next written word, elision or bracketed insertion, not yet normalized. Names are
    /// found from these, normalizing only the words that may start one. Runs of elisions are
    /// merged only as the iterator gives them (it knows what it gave last): read directly,
    /// each elision is a unit.
    pub fn next_unit(&mut self) -> Option<Unit> {
        self.next_unit_reading::<true>()
    }

    /// [`next_unit`](Self::next_unit), with the fast path for plain ASCII words (`FAST`) or
    /// without it: the reading by character is the fast path's oracle in the tests.
    #[inline(always)]
    fn next_unit_reading<const FAST: bool>(&mut self) -> Option<Unit> {
        let text = self.text;
        loop {
            // Spaces and ASCII punctuation other than `[` and `.` start nothing: pass them by
            // the byte.
            self.pos = pass_by(text, self.pos);
            // Most units are a plain ASCII word, read without the character path below.
            if FAST {
                if let Some(end) = ascii_word_end(text.as_bytes(), self.pos) {
                    let i = self.pos;
                    self.pos = end;
                    return Some(Unit::Word(i..end));
                }
            }
            let c = self.char_at(self.pos)?;
            let i = self.pos;
            if c == '[' {
                if let Some(close) = self.close_after(i) {
                    let inner = text[i + 1..close].trim();
                    // "[T]he", "[w]e": an editor's change of a word's first letters, part of the
                    // word (its brackets are dropped when it is normalized).
                    let glued = (1..=3).contains(&inner.len())
                        && inner.chars().all(char::is_alphabetic)
                        && self.char_at(close + 1).is_some_and(is_word_char)
                        && !text[..i].chars().next_back().is_some_and(is_word_char);
                    if glued {
                        let end = word_end(text, close + 1);
                        self.pos = end;
                        return Some(Unit::Word(i..end));
                    }
                    self.pos = close + 1;
                    if inner.chars().all(|c| c == '.' || c == '…' || c == ' ') {
                        return Some(Unit::Gap(i..close + 1));
                    } else if inner.eq_ignore_ascii_case("sic") {
                        continue; // [sic] marks the source's own wording: nothing is inserted
                    }
                    return Some(Unit::Wildcard(i..close + 1));
                }
            }
            if c == '…' || (c == '.' && is_dotted_ellipsis(&text[i..])) {
                let mut end = i;
                while let Some(d) = self.char_at(end) {
                    if d == '…' || d == '.' || (d == ' ' && text[end..].trim_start().starts_with(['.', '…']))
                    {
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                self.pos = end;
                if self.last_was_gap {
                    continue;
                }
                return Some(Unit::Gap(i..end));
            }
            if is_word_char(c) {
                let end = initialism_end(text.as_bytes(), i).unwrap_or_else(|| word_end(text, i));
                self.pos = end;
                return Some(Unit::Word(i..end));
            }
            self.pos += c.len_utf8();
        }
    }

    /// The range of the next written word for which `wanted` holds, passing the others,
    /// elisions and insertions by. What [`next_word`](Self::next_word) gives, filtered.
    pub fn next_word_where(&mut self, mut wanted: impl FnMut(&str) -> bool) -> Option<Range<usize>> {
        self.next_word_passing(|word, _| wanted(word))
    }

    /// The range of the next written word that is not [plain](is_plain) or is in `set`, with
    /// its position in `set` when it is plain (`None`: it is not plain). One look-up a word.
    pub fn next_word_in(&mut self, set: &WordSet) -> Option<(Range<usize>, Option<usize>)> {
        /// The look-up, apart from the loop: most words are passed by their shape alone.
        #[inline(never)]
        fn look_up(set: &WordSet, word: &str, ascii: bool) -> Option<Option<usize>> {
            if read_plain(word, ascii) {
                set.position(word).map(Some)
            } else {
                Some(None)
            }
        }
        let mut found = None;
        let range = self.next_word_passing(|word, ascii| {
            // A word read in one loop whose shape no word of the set has, and not six bytes
            // long ("cannot"), is plain and not in the set.
            if ascii && word.len() != 6 && !set.may_hold(word) {
                return false;
            }
            found = look_up(set, word, ascii);
            found.is_some()
        })?;
        Some((range, found.flatten()))
    }

    /// The range of the next written word, passing elisions and insertions by, and whether it
    /// is [plain](is_plain): told from how it was read for most words.
    pub fn next_word_plain(&mut self) -> Option<(Range<usize>, bool)> {
        let mut plain = false;
        let range = self.next_word_passing(|word, ascii| {
            plain = read_plain(word, ascii);
            true
        })?;
        Some((range, plain))
    }

    /// The next written word for which `wanted(word, ascii)` holds. A word of ASCII letters and
    /// digits followed by an ASCII byte other than an apostrophe (most words of prose) is read
    /// here in one loop, without the general reading, and given with `ascii` true.
    fn next_word_passing(&mut self, mut wanted: impl FnMut(&str, bool) -> bool) -> Option<Range<usize>> {
        loop {
            let start = pass_by(self.text, self.pos);
            if let Some(end) = self.one_loop_word_end(start) {
                self.pos = end;
                if wanted(&self.text[start..end], true) {
                    return Some(start..end);
                }
                continue;
            }
            // What starts no word, passed by its bytes: general punctuation, and a dot or an
            // apostrophe (which the reading of units leaves for elisions; those give no word).
            let bytes = self.text.as_bytes();
            if is_general_punctuation(bytes, start) {
                self.pos = start + 3;
                continue;
            }
            if matches!(bytes.get(start), Some(b'.' | b'\'')) {
                self.pos = start + 1;
                continue;
            }
            self.pos = start;
            let range = self.next_word()?;
            if wanted(&self.text[range.clone()], false) {
                return Some(range);
            }
        }
    }

    /// The end of the word at `start` when [`next_word_passing`](Self::next_word_passing) reads
    /// it in its one loop: ASCII letters and digits followed by an ASCII byte other than an
    /// apostrophe. A non-ASCII letter or an apostrophe may continue the word, and a letter and a
    /// dot may start an initialism ("U.S."): those are read by the character path.
    #[inline(always)]
    fn one_loop_word_end(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let end = alnum_end(bytes, start);
        let initialism = end == start + 1 && bytes.get(end) == Some(&b'.');
        let ends = match bytes.get(end) {
            None => true,
            Some(&b) if b < 0x80 => b != b'\'',
            // A closing quotation mark or a dash: all but the apostrophe ’ end a word.
            Some(_) => is_general_punctuation(bytes, end) && bytes[end + 2] != 0x99,
        };
        (end > start && !initialism && ends).then_some(end)
    }

    /// The range of the next written word when it is read in one loop and is [plain](is_plain),
    /// without reading it: what [`next_word_plain`](Self::next_word_plain) would give, told from
    /// the bytes. `None` when the next word is read otherwise, or there is none.
    pub fn peek_plain(&self) -> Option<Range<usize>> {
        let start = pass_by(self.text, self.pos);
        let end = self.one_loop_word_end(start)?;
        read_plain(&self.text[start..end], true).then_some(start..end)
    }

    /// The range of the next written word, passing elisions and insertions by.
    pub fn next_word(&mut self) -> Option<Range<usize>> {
        loop {
            if let Unit::Word(range) = self.next_unit()? {
                return Some(range);
            }
        }
    }
}

/// The end of the word at `start` when it is a run of ASCII letters and digits that an ASCII
/// byte other than an apostrophe ends (or the text's end), and no initialism (whose first letter
/// a dot follows): what the reading by character gives there, without it. `None` for any other
/// word (a non-ASCII letter or an apostrophe may continue it, a letter and a dot may start "U.S.")
/// and where no word starts.
#[inline(always)]
fn ascii_word_end(bytes: &[u8], start: usize) -> Option<usize> {
    let end = alnum_end(bytes, start);
    let initialism = end == start + 1 && bytes.get(end) == Some(&b'.');
    (end > start && !initialism && bytes.get(end).is_none_or(|&b| b < 0x80 && b != b'\'')).then_some(end)
}

/// Whether the character at `at` is general punctuation (U+2000 to U+203F: spaces, dashes,
/// quotation marks, the ellipsis), told from its first two bytes: none is a letter, a digit or
/// a combining mark, so none starts a word or continues one (but for the apostrophe ’, inside
/// a word). Most of the characters of quote-dense prose that are not ASCII.
#[inline(always)]
fn is_general_punctuation(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&0xE2) && bytes.get(at + 1) == Some(&0x80)
}

/// Whether a word [`Tokens::next_word_passing`] gave is [plain](is_plain): a word read in its
/// one loop (`ascii`) is ASCII letters and digits, plain unless it is "cannot".
#[inline(always)]
fn read_plain(word: &str, ascii: bool) -> bool {
    if ascii {
        word.len() != 6 || is_plain(word)
    } else {
        is_plain(word)
    }
}

/// The end of the initialism at `at`, dots included: two or more capital letters each followed
/// by a dot ("U.S.", "U.N.", "U.S.S.R."), and then no letter or digit. One word, as "US" is
/// (the dots are dropped when it is normalized): "U.S. forces" quotes "US forces".
fn initialism_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut end = at;
    while bytes.get(end).is_some_and(u8::is_ascii_uppercase) && bytes.get(end + 1) == Some(&b'.') {
        end += 2;
    }
    let letters = (end - at) / 2;
    (letters >= 2 && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

/// The first offset from `at` that is not a byte [`PASSED`] by the reading.
pub fn pass_by(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() && PASSED[usize::from(bytes[at])] {
        at += 1;
    }
    at
}

/// ASCII bytes that start no unit: all but letters, digits, `[`, `.` and the apostrophe (which
/// is never a unit's first character, but is kept out so the table stays obviously safe), and
/// all non-ASCII lead and continuation bytes are left to the character path.
static PASSED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = !c.is_ascii_alphanumeric() && c != b'[' && c != b'.' && c != b'\'';
        b += 1;
    }
    table
};

impl Iterator for Tokens<'_> {
    type Item = (Token, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some((token, range)) = self.pending.pop() {
            return self.emit(token, range);
        }
        loop {
            match self.next_unit()? {
                Unit::Gap(range) => return self.emit(Token::Gap, range),
                Unit::Wildcard(range) => return self.emit(Token::Wildcard, range),
                Unit::Word(range) => {
                    normalize_word(&self.text[range.clone()], &mut self.words);
                    // Nearly every written word is one word: given at once, not queued.
                    if self.words.len() > 1 {
                        let words = self.words.drain(1..).rev();
                        self.pending.extend(words.map(|w| (Token::Word(w), range.clone())));
                    }
                    if let Some(word) = self.words.pop() {
                        return self.emit(Token::Word(word), range);
                    }
                }
            }
        }
    }
}

/// [`tokens`] without their ranges, appended to `out`, each word written into `buf` and given
/// as its range there. Matching reads each quotation's words once: one buffer for them all,
/// rather than a `String` each, which was most of the cost of reading them.
pub fn tokens_into(text: &str, buf: &mut String, out: &mut Vec<Token<Range<usize>>>) {
    let mut units = Tokens::new(text);
    let mut written = Vec::new();
    // Sized as `tokens` sizes its vector.
    out.reserve((text.len() / 6).min(256) + 1);
    while let Some(unit) = units.next_unit() {
        // As the iterator: an elision right after another merges into it, and a word that
        // normalizes to nothing gives no token and leaves that as it was.
        match unit {
            Unit::Gap(_) => {
                out.push(Token::Gap);
                units.last_was_gap = true;
            }
            Unit::Wildcard(_) => {
                out.push(Token::Wildcard);
                units.last_was_gap = false;
            }
            Unit::Word(range) => {
                let word = &text[range];
                let start = buf.len();
                if is_plain(word) {
                    push_plain(word, buf);
                    out.push(Token::Word(start..buf.len()));
                } else {
                    normalize_word(word, &mut written);
                    for w in written.drain(..) {
                        let from = buf.len();
                        buf.push_str(&w);
                        out.push(Token::Word(from..buf.len()));
                    }
                }
                if buf.len() > start {
                    units.last_was_gap = false;
                }
            }
        }
    }
}

/// Just the words, with gaps and wildcards dropped: for indexing and plain comparison.
pub fn words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter_map(|(t, _)| match t {
            Token::Word(w) => Some(w),
            _ => None,
        })
        .collect()
}

/// How many words [`words`] gives, without building them: a [plain](is_plain) word is always
/// one, and only the others are normalized to be counted.
pub fn word_count(text: &str) -> usize {
    count_words(text, usize::MAX)
}

/// Whether [`words`] gives fewer than `n` words: counted only as far as `n`.
pub fn has_fewer_words(text: &str, n: usize) -> bool {
    count_words(text, n) < n
}

/// [`word_count`], stopping once it reaches `limit`.
fn count_words(text: &str, limit: usize) -> usize {
    let mut units = Tokens::new(text);
    let mut written = Vec::new();
    let mut count = 0;
    while count < limit {
        let Some(range) = units.next_word() else { break };
        let word = &text[range];
        if is_plain(word) {
            count += 1;
        } else {
            normalize_word(word, &mut written);
            count += written.len();
            written.clear();
        }
    }
    count
}

/// `...` or `. . .`: three dots within six characters, with nothing but spaces between them.
fn is_dotted_ellipsis(s: &str) -> bool {
    let mut dots = 0;
    for &b in s.as_bytes().iter().take(6) {
        match b {
            b'.' => {
                dots += 1;
                if dots == 3 {
                    return true;
                }
            }
            b' ' => {}
            _ => return false,
        }
    }
    false
}

/// `word` lower-cased into `buf`, when it is ASCII and fits: lets a caller look a word up in a
/// table of lower-case words without allocating.
pub fn ascii_lower<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    if word.len() > N || !word.is_ascii() {
        return None;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// Which (length, first letter, last letter) shapes a set of lower-case ASCII words has: a
/// word whose shape is not among them is not in the set, found without copying or hashing it.
/// 32 × 32 × 32 bits; lengths from 31 up share one slot, and so do letters 32 apart.
#[derive(Debug, Clone, PartialEq)]
struct WordShapes(Box<[u64; 512]>);

impl Default for WordShapes {
    /// No word.
    fn default() -> Self {
        WordShapes(Box::new([0; 512]))
    }
}

impl WordShapes {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut shapes = WordShapes(Box::new([0; 512]));
        for w in words {
            if let Some(bit) = Self::bit(w.as_bytes()) {
                shapes.0[bit / 64] |= 1 << (bit % 64);
            }
        }
        shapes
    }

    #[inline]
    fn bit(word: &[u8]) -> Option<usize> {
        let (&first, &last) = (word.first()?, word.last()?);
        let fold = |b: u8| usize::from(b.to_ascii_lowercase() & 31);
        Some((word.len().min(31) << 10) | (fold(first) << 5) | fold(last))
    }

    /// False when no word of the set has the shape `bit`.
    #[inline(always)]
    fn holds(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A set of lower-case words, looked up in any ASCII case without copying: by [`WordShapes`]
/// first, which rules out most words, then by one probe of a hash table of [`ascii_key`]s (a
/// word longer than 16 bytes, which has no key, among the few as long).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordSet {
    shapes: WordShapes,
    /// Open addressing, keyed by [`ascii_key`] and length: each slot a key and `index << 5 |
    /// length` ([`EMPTY`] for none), the index being the word's in `words`.
    table: Box<[(u128, u32)]>,
    /// Each word longer than 16 bytes: its shape and index, in the order given.
    long: Vec<(usize, usize)>,
    words: Vec<std::borrow::Cow<'static, str>>,
}

/// The tag of an empty slot of a [`WordSet`]'s table.
const EMPTY: u32 = u32::MAX;

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = std::borrow::Cow<'static, str>>) -> Self {
        let words: Vec<_> = words.into_iter().collect();
        let shapes = WordShapes::new(words.iter().map(|w| &**w));
        let mut table = vec![(0, EMPTY); (2 * words.len()).next_power_of_two().max(16)].into_boxed_slice();
        let mut long = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(bit) = WordShapes::bit(w.as_bytes()) else { continue };
            let Some(key) = ascii_key(w) else {
                long.push((bit, i));
                continue;
            };
            let tag = u32::try_from(i).expect("a set of words, not billions") << 5 | w.len() as u32;
            let mask = table.len() - 1;
            let mut at = slot(key, mask);
            // The first of two words the same in ASCII case is the one found.
            while table[at].1 != EMPTY && !(table[at].0 == key && table[at].1 & 31 == tag & 31) {
                at = (at + 1) & mask;
            }
            if table[at].1 == EMPTY {
                table[at] = (key, tag);
            }
        }
        WordSet { shapes, table, long, words }
    }

    /// The index (in the order given) of the word that `word` is in ASCII case, if any. The
    /// test of its shape, which settles most words, is inlined into the caller's loop.
    #[inline(always)]
    pub fn position(&self, word: &str) -> Option<usize> {
        let bit = WordShapes::bit(word.as_bytes())?;
        self.shapes.holds(bit).then(|| self.position_of_shape(bit, word))?
    }

    /// [`position`](Self::position) among the words of the shape `bit`.
    #[inline(never)]
    fn position_of_shape(&self, bit: usize, word: &str) -> Option<usize> {
        let Some(key) = ascii_key(word) else {
            let mut same = self.long.iter().filter(|e| e.0 == bit);
            return same.find(|e| self.words[e.1].eq_ignore_ascii_case(word)).map(|e| e.1);
        };
        let mask = self.table.len() - 1;
        let mut at = slot(key, mask);
        loop {
            let (k, tag) = self.table[at];
            if tag == EMPTY {
                return None;
            }
            if k == key && tag & 31 == word.len() as u32 {
                return Some((tag >> 5) as usize);
            }
            at = (at + 1) & mask;
        }
    }

    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        self.position(word).is_some()
    }

    /// False when no word of the set has the shape of `word`, which is then not in it: the
    /// first test of [`position`](Self::position), alone.
    #[inline(always)]
    pub fn may_hold(&self, word: &str) -> bool {
        WordShapes::bit(word.as_bytes()).is_some_and(|bit| self.shapes.holds(bit))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &**w)
    }
}

/// The first slot of a [`WordSet`] table (of `mask + 1` slots) to probe for a key. Words with
/// one key (which differ by trailing zero bytes) share their first slot, and are told apart by
/// length.
#[inline(always)]
fn slot(key: u128, mask: usize) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

/// A word of at most 16 bytes as one integer with its length: two words are the same in ASCII
/// case exactly when their keys are equal, told by one comparison (finding names compares each
/// word of a text with several words of names). `None` for a longer word, compared as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordKey(u128, usize);

impl WordKey {
    #[inline(always)]
    pub fn of(word: &str) -> Option<Self> {
        ascii_key(word).map(|key| WordKey(key, word.len()))
    }

    /// The key mixed into 64 bits, the high ones best: for a filter of words.
    #[inline(always)]
    pub fn hash(self) -> u64 {
        let mixed = (self.0 as u64) ^ ((self.0 >> 64) as u64).rotate_left(29) ^ self.1 as u64;
        mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// A word of at most 16 bytes as one integer, its ASCII letters lower-cased (other bytes as
/// they are): two such words of one length are the same in ASCII case exactly when their keys
/// are equal (zero bytes pad a short one, so the length must be compared apart).
#[inline(always)]
fn ascii_key(word: &str) -> Option<u128> {
    const ONES: u128 = u128::MAX / 0xFF;
    let x = load_le(word.as_bytes())?;
    // Per byte, without carries from one to the next: high bit set for `A`..=`Z` alone.
    let low = x & (0x7F * ONES);
    let from_a = low + (0x80 - u128::from(b'A')) * ONES;
    let past_z = low + (0x80 - u128::from(b'Z') - 1) * ONES;
    let upper = from_a & !past_z & !x & (0x80 * ONES);
    Some(x | (upper >> 2))
}

/// Up to 16 bytes as a little-endian integer, zero above them: read as two loads that may
/// overlap (the bytes they share are the same), not copied byte by byte into a buffer.
#[inline(always)]
fn load_le(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let u32_at = |i: usize| u128::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let u64_at = |i: usize| u128::from(u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes")));
    Some(match n {
        0 => 0,
        1..=3 => {
            u128::from(b[0]) | u128::from(b[n / 2]) << (8 * (n / 2)) | u128::from(b[n - 1]) << (8 * (n - 1))
        }
        4..=7 => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
        8..=16 => u64_at(0) | u64_at(n - 8) << (8 * (n - 8)),
        _ => return None,
    })
}

/// The British spellings that normalize to `american`: none, told by one look-up, for most
/// words.
pub fn british_spellings(american: &str) -> impl Iterator<Item = &'static str> + '_ {
    let some = AMERICANS.contains(american);
    AMERICAN.iter().filter(move |(_, us)| some && *us == american).map(|(uk, _)| *uk)
}

/// The American spellings of [`AMERICAN`].
static AMERICANS: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new(AMERICAN.iter().map(|(_, us)| std::borrow::Cow::Borrowed(*us))));

/// Normalizes one written word (the text of a [`Unit::Word`]) into `out`: lower-cases, folds
/// diacritics and apostrophes, expands contractions and spelling variants. One written word can
/// give two (`wasn't` → `was not`). One allocation for the common word (ASCII, no apostrophe).
pub fn normalize_word(word: &str, out: &mut Vec<String>) {
    // "[T]he": the word without the editor's brackets.
    if word.starts_with('[') {
        return normalize_word(&word.replace(['[', ']'], ""), out);
    }
    // "U.S.": an initialism without its dots.
    if word.contains('.') {
        return normalize_word(&word.replace('.', ""), out);
    }
    // Most words are ASCII: no diacritics to fold, and lower-casing is a byte operation.
    if word.is_ascii() {
        // No contraction or clitic to undo.
        if is_plain(word) {
            if !word.is_empty() {
                let mut lower = String::with_capacity(word.len());
                push_plain(word, &mut lower);
                out.push(lower);
            }
            return;
        }
        return push_folded(word.to_ascii_lowercase(), out);
    }
    let folded: String = word
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    // Compatibility forms can unfold into several words ("¼" is "1⁄4"): split them as the
    // tokenizer would split the unfolded text, so that normalizing twice is normalizing once.
    if folded.chars().all(|c| is_word_char(c) || c == '\'') {
        push_folded(folded, out);
    } else {
        for part in folded.split(|c: char| !(is_word_char(c) || c == '\'')).filter(|p| !p.is_empty()) {
            push_folded(part.to_owned(), out);
        }
    }
}

/// The rest of [`normalize_word`], for a word already lower-cased and folded.
fn push_folded(mut folded: String, out: &mut Vec<String>) {
    let marked = folded.contains('\'') || UNMARKED.contains(&folded.as_str());
    let contraction = if marked { contraction(&folded) } else { None };
    if let Some(expanded) = contraction {
        // Each part is a word like any other: its stem may hold apostrophes of its own or a
        // British spelling ("defence'll"), or normalizing twice would differ from once.
        for part in expanded.split(' ') {
            push_word(part.replace('\'', ""), out);
        }
        return;
    }
    if folded.contains('\'') {
        // Possessive and other clitics: "nato's" compares as "nato". A decade ("the 1980's",
        // "the 90's") is a plural written with an apostrophe: "1980s".
        let decade =
            folded.strip_suffix("'s").is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        if folded.ends_with("'s") && !decade {
            folded.truncate(folded.len() - 2);
        }
        folded.retain(|c| c != '\'');
    }
    push_word(folded, out);
}

/// The normalized form of a [plain](is_plain) word, appended to `buf`: its lower case, in
/// American spelling.
fn push_plain(word: &str, buf: &mut String) {
    let start = buf.len();
    buf.push_str(word);
    buf[start..].make_ascii_lowercase();
    if let Some(us) = american(&buf[start..]) {
        buf.truncate(start);
        buf.push_str(us);
    }
}

/// A folded word, in American spelling; a word of combining marks alone folds to nothing and is
/// no word at all.
fn push_word(folded: String, out: &mut Vec<String>) {
    if folded.is_empty() {
        return;
    }
    match american(&folded) {
        Some(us) => out.push(us.to_owned()),
        None => out.push(folded),
    }
}

const CONTRACTIONS: &[(&str, &str)] = lexicon().contractions;
const UNMARKED: &[&str] = lexicon().unmarked;
const CONTRACTION_SUFFIXES: &[(&str, &str)] = lexicon().contraction_suffixes;

/// A plain word: ASCII, without an apostrophe or a dot, and no contraction written without one. Its
/// normalized form is its lower case (in American spelling), one word, which is what lets
/// counting words and finding names pass it by cheaply.
pub fn is_plain(word: &str) -> bool {
    plain_bytes(word.as_bytes()) && !UNMARKED.iter().any(|u| word.eq_ignore_ascii_case(u))
}

/// No byte of `b` is non-ASCII, an apostrophe, a bracket or a dot. Eight bytes at a time: a word
/// of up to eight bytes (most) is one or two loads and one test, not a test and a branch a byte.
#[inline]
fn plain_bytes(b: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = 0x80 * ONES;
    // Whether any byte of `v` is zero: exact as a yes or no (a borrow can only wrongly mark a
    // byte above one that is zero).
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let clean = |x: u64| {
        x & HIGH == 0
            && !has_zero(x ^ (u64::from(b'\'') * ONES))
            && !has_zero(x ^ (u64::from(b'[') * ONES))
            && !has_zero(x ^ (u64::from(b'.') * ONES))
    };
    let n = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
    // Loads may overlap (a byte read twice is tested twice); bytes above a short word are zero,
    // which is none of the bytes looked for.
    match n {
        0 => true,
        1..=3 => clean(u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16),
        4..=8 => clean(u32_at(0) | u32_at(n - 4) << 32),
        _ => (0..n - 8).step_by(8).all(|i| clean(u64_at(i))) && clean(u64_at(n - 8)),
    }
}

/// A [plain](is_plain) word in no British spelling: its normalized form is its lower case, so
/// it can be compared as written, in any ASCII case, without being normalized.
pub fn normalizes_to_lower_case(word: &str) -> bool {
    is_plain(word) && !BRITISH.contains(word)
}

fn contraction(word: &str) -> Option<String> {
    if let Some((_, full)) = CONTRACTIONS.iter().find(|(c, _)| *c == word) {
        return Some((*full).to_owned());
    }
    CONTRACTION_SUFFIXES.iter().find_map(|(suffix, full)| {
        word.strip_suffix(suffix).filter(|stem| !stem.is_empty()).map(|stem| format!("{stem}{full}"))
    })
}

const AMERICAN: &[(&str, &str)] = lexicon().american;

/// The American spelling of a British one: every word of every quoted or attributed passage
/// goes through here, and most are ruled out by their shape (see [`WordSet`]).
fn american(word: &str) -> Option<&'static str> {
    BRITISH.position(word).map(|i| AMERICAN[i].1)
}

/// Whether a [plain](is_plain) word is a British spelling (in any ASCII case): the plain words
/// that do not normalize to their lower case.
pub fn is_british(word: &str) -> bool {
    BRITISH.contains(word)
}

/// The British spellings of [`AMERICAN`], in its order: most words are ruled out by shape.
static BRITISH: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new(AMERICAN.iter().map(|(uk, _)| std::borrow::Cow::Borrowed(*uk))));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_spelling_and_contractions() {
        assert_eq!(words("Wörner wasn’t NAÏVE"), vec!["worner", "was", "not", "naive"]);
        assert_eq!(words("a centimetre of defence"), words("a centimeter of defense"));
        assert_eq!(words("NATO's “open door”—policy"), vec!["nato", "open", "door", "policy"]);
        assert_eq!(words("We don't"), vec!["we", "do", "not"]);
        assert_eq!(words("We cannot"), words("we can't"));
        // Found by the property tests: run-together contractions, and a word of marks alone.
        assert_eq!(words("wasn’twasn’t"), vec!["wasntwas", "not"]);
        assert_eq!(words("defence'll"), vec!["defense", "will"]);
        assert_eq!(words("\u{bbe} x"), vec!["x"]);
        assert_eq!(words("¼"), vec!["1", "4"]);
        // A decade written with an apostrophe is the plural, not a possessive.
        assert_eq!(words("the 1980's and the 90’s"), words("the 1980s and the 90s"));
        // An editor's bracketed letters are part of their word; a bracketed word is an insertion.
        assert_eq!(words("[T]he allies and [w]e"), words("The allies and we"));
        assert_eq!(words("[the alliance] met"), vec!["met"]);
        // An initialism is one word, its dots dropped; a lone initial and "U.S.A" (no last dot)
        // are letters as before.
        assert_eq!(words("no U.S. forces, the U.S.S.R."), vec!["no", "us", "forces", "the", "ussr"]);
        assert_eq!(words("no US forces"), words("no U.S. forces"));
        assert_eq!(words("Jack F. Matlock"), vec!["jack", "f", "matlock"]);
        assert_eq!(words("U.S.A"), vec!["u", "s", "a"]);
        let mut found = Tokens::new("the U.S. and U.K. said");
        let read: Vec<&str> = std::iter::from_fn(|| found.next_word_where(|_| true))
            .map(|r| &"the U.S. and U.K. said"[r])
            .collect();
        assert_eq!(read, ["the", "U.S.", "and", "U.K.", "said"]);
    }

    /// What the word reading passes by its bytes: no character of U+2000 to U+203F starts or
    /// continues a word, and each is written E2 80 xx.
    #[test]
    fn general_punctuation_is_no_part_of_a_word() {
        for c in '\u{2000}'..='\u{203F}' {
            assert!(!is_word_char(c) && !unicode_normalization::char::is_combining_mark(c), "{c:?}");
            let mut buf = [0; 4];
            assert!(is_general_punctuation(c.encode_utf8(&mut buf).as_bytes(), 0), "{c:?}");
        }
        for c in ['\u{1FFF}', '\u{2040}', '\u{2070}', '\u{2071}', 'é', '…'] {
            let mut buf = [0; 4];
            assert_eq!(is_general_punctuation(c.encode_utf8(&mut buf).as_bytes(), 0), c == '…', "{c:?}");
        }
    }

    #[test]
    fn ellipses_are_gaps_and_brackets_wildcards() {
        let t: Vec<Token> = tokens("one ... two … three . . . four [...] five [the alliance] six [sic]")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        let w = |s: &str| Token::Word(s.into());
        assert_eq!(
            t,
            vec![
                w("one"),
                Token::Gap,
                w("two"),
                Token::Gap,
                w("three"),
                Token::Gap,
                w("four"),
                Token::Gap,
                w("five"),
                Token::Wildcard,
                w("six")
            ]
        );
    }

    #[test]
    fn dotted_ellipses() {
        for s in ["...", ". . .", ".  . .", "... more", "....."] {
            assert!(is_dotted_ellipsis(s), "{s:?}");
        }
        for s in [".", "..", ". . x", ".   . .", "..\n.", ".. "] {
            assert!(!is_dotted_ellipsis(s), "{s:?}");
        }
    }

    #[test]
    fn sentence_periods_are_not_gaps() {
        let t: Vec<Token> = tokens("end. Next").into_iter().map(|(t, _)| t).collect();
        assert_eq!(t, vec![Token::Word("end".into()), Token::Word("next".into())]);
    }

    #[test]
    fn normalizing_is_idempotent() {
        for s in ["Wörner wasn’t naïve", "centimetre", "NATO’s"] {
            let once = words(s).join(" ");
            assert_eq!(words(&once).join(" "), once);
        }
    }

    /// [`tokens_into`] on `text`, its words as strings again.
    fn tokens_via_buffer(text: &str) -> Vec<Token> {
        let (mut buf, mut out) = (String::new(), Vec::new());
        tokens_into(text, &mut buf, &mut out);
        out.into_iter()
            .map(|t| match t {
                Token::Word(r) => Token::Word(buf[r].to_owned()),
                Token::Gap => Token::Gap,
                Token::Wildcard => Token::Wildcard,
            })
            .collect()
    }

    #[test]
    fn tokens_into_a_buffer_are_the_tokens() {
        for text in [
            "Wörner wasn’t NAÏVE ... [...] . . . \u{bbe} ... x [the alliance] ¼ defence'll cannot",
            "\u{bbe} ... ... \u{bbe} … one [sic] two",
            "",
        ] {
            let plain: Vec<Token> = tokens(text).into_iter().map(|(t, _)| t).collect();
            assert_eq!(tokens_via_buffer(text), plain, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        #[test]
        fn tokens_into_a_buffer_are_the_tokens_on_any_text(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "NATO", "Wörner", "wasn’t", "don't", "cannot", "CANNOT", "defence", "Programmes", "it's",
                "...", ". . .", "…", "[...]", "[the alliance]", "[sic]", "'", "’", "\u{bbe}", "¼", "1990",
                " ", "  ", ", ", ".", "[", "]", "x", "Ωmega",
            ][..]), 0..16)
        ) {
            let text = pieces.concat();
            let plain: Vec<Token> = tokens(&text).into_iter().map(|(t, _)| t).collect();
            proptest::prop_assert_eq!(tokens_via_buffer(&text), plain, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        /// The units read with the fast path for plain ASCII words are those read character by
        /// character, and leave the reading at the same place.
        #[test]
        fn the_fast_units_are_the_units_read_by_character(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "NATO", "U.S.", "U.", "A.B", "a", "Z9", "1990", "abcdefghij", "wasn’t", "don't", "x'",
                "...", ". . .", "…", "[...]", "[the alliance]", "[T]he", "[sic]", "'", "’", "“", "é",
                "\u{301}", " ", ",", ".", "-", "[", "]", "\n", "Ωmega", "\u{bbe}",
            ][..]), 0..20)
        ) {
            let text: String = pieces.concat();
            let (mut fast, mut by_char) = (Tokens::new(&text), Tokens::new(&text));
            loop {
                let unit = fast.next_unit();
                proptest::prop_assert_eq!(&unit, &by_char.next_unit_reading::<false>(), "{:?}", text);
                proptest::prop_assert_eq!(fast.pos, by_char.pos, "{:?}", text);
                if unit.is_none() {
                    break;
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        /// The test of a word's bytes eight at a time is the test byte by byte, at every length
        /// and wherever the byte that fails it lies.
        #[test]
        fn plain_bytes_are_the_bytes_tested_one_by_one(
            len in 0..40usize,
            bad in proptest::option::of((0..40usize, proptest::sample::select(&b"'[.\x80\xff\x00\x2f\x5a\x27"[..]))),
            fill in proptest::sample::select(&b"az09AZ- "[..]),
        ) {
            let mut word = vec![fill; len];
            if let Some((at, b)) = bad {
                if at < len {
                    word[at] = b;
                }
            }
            let one_by_one = word.iter().all(|&b| b < 0x80 && b != b'\'' && b != b'[' && b != b'.');
            proptest::prop_assert_eq!(plain_bytes(&word), one_by_one, "{:?}", word);
        }
    }

    #[test]
    fn every_contraction_without_an_apostrophe_is_unmarked() {
        for (c, _) in CONTRACTIONS {
            assert!(c.contains('\'') || UNMARKED.contains(c), "{c}");
            assert!(!is_plain(c) && !is_plain(&c.to_uppercase()), "{c}");
        }
        // A word of ASCII letters and digits is told plain by its length alone (`read_plain`).
        for u in UNMARKED {
            assert!(u.len() == 6 && u.bytes().all(|b| b.is_ascii_alphanumeric()), "{u}");
        }
    }

    #[test]
    fn ascii_keys_lower_case_ascii_letters_alone() {
        for b in 0..=255u8 {
            for at in [0, 7, 8, 15] {
                let mut word = [b'x'; 16];
                word[at] = b;
                let Ok(word) = std::str::from_utf8(&word) else { continue };
                let lower = word.to_ascii_lowercase();
                assert_eq!(ascii_key(word), ascii_key(&lower), "{b} at {at}");
                let mut expected = [0u8; 16];
                expected.copy_from_slice(lower.as_bytes());
                assert_eq!(ascii_key(word), Some(u128::from_le_bytes(expected)), "{b} at {at}");
            }
        }
        assert_eq!(ascii_key(&"a".repeat(17)), None);
        // Every length, every byte at every place: the overlapping loads read what a copy does.
        let bytes: Vec<u8> = (1..=16).collect();
        for n in 0..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load_le(&bytes[..n]), Some(u128::from_le_bytes(buf)), "{n} bytes");
        }
        assert_eq!(load_le(&[7; 17]), None);
        // The length is not in the key: callers compare it apart.
        assert_eq!(ascii_key("a"), ascii_key("a\0"));
    }

    #[test]
    fn a_word_set_finds_its_words_in_any_ascii_case_and_nothing_else() {
        let list = ["the", "said", "sad", "tide", "tie", "secretary-general", "wörner", "a", "an", "nato"];
        let set = WordSet::new(list.map(std::borrow::Cow::Borrowed));
        let probes =
            list.iter().flat_map(|w| [w.to_string(), w.to_uppercase(), w[..1].to_uppercase() + &w[1..]]);
        for probe in probes.chain(["them", "sid", "ties", "", "WÖRNER", "Worner", "nat0"].map(String::from))
        {
            let expected = list.iter().position(|w| w.eq_ignore_ascii_case(&probe));
            assert_eq!(set.position(&probe), expected, "{probe}");
        }
    }

    #[test]
    fn words_normalizing_to_their_lower_case_are_told_without_normalizing() {
        let british = AMERICAN.iter().flat_map(|(uk, us)| [*uk, *us]);
        let others = ["Putin", "NATO", "cannot", "Cannot", "can't", "Wörner", "x", "DEFENCE", "Defence's"];
        for word in british.chain(others) {
            for w in [word.to_string(), word.to_uppercase()] {
                let mut normal = Vec::new();
                normalize_word(&w, &mut normal);
                let own = normal == [w.to_ascii_lowercase()];
                assert!(!normalizes_to_lower_case(&w) || own, "{w}: {normal:?}");
                // Every plain word that normalizes to its lower case is told so.
                assert_eq!(normalizes_to_lower_case(&w), is_plain(&w) && own, "{w}");
            }
        }
    }

    proptest::proptest! {
        /// Two words' keys are equal exactly when the words are the same in ASCII case, and a
        /// word longer than 16 bytes has none.
        #[test]
        fn word_keys_are_equal_for_the_same_word_in_ascii_case(
            a in "[aAbB\\x00ö@`\\[{-]{0,17}",
            b in "[aAbB\\x00ö@`\\[{-]{0,17}",
        ) {
            for (x, y) in [(&a, &b), (&a, &a.to_ascii_uppercase()), (&b, &b.to_ascii_lowercase())] {
                let (kx, ky) = (WordKey::of(x), WordKey::of(y));
                proptest::prop_assert_eq!(kx.is_some(), x.len() <= 16);
                if let (Some(kx), Some(ky)) = (kx, ky) {
                    proptest::prop_assert_eq!(kx == ky, x.eq_ignore_ascii_case(y), "{:?} {:?}", x, y);
                }
            }
        }

        /// A word set finds what a search of its list finds: the first word the same in ASCII
        /// case, among short and long words, duplicates, and words differing by a zero byte.
        #[test]
        fn a_word_set_is_its_list(
            list in proptest::collection::vec("[abAB\\x00ö-]{1,3}|[ab]{15,18}", 0..40),
            probes in proptest::collection::vec("[abAB\\x00ö-]{0,3}|[abAB]{15,18}", 0..40),
        ) {
            let set = WordSet::new(list.iter().map(|w| std::borrow::Cow::Owned(w.to_lowercase())));
            for probe in probes.iter().chain(&list) {
                let expected = list.iter().position(|w| w.to_lowercase().eq_ignore_ascii_case(probe));
                proptest::prop_assert_eq!(set.position(probe), expected, "{:?}", probe);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn filtered_words_are_the_words_filtered(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "Putin", "said", "a", "7", " ", ".", "...", ". . .", "…", "'", "’", "s", "[", "]", "[sic]",
                "ö", "é", "-", ",", "\u{301}", "can't", "“", "\n", "cannot", "CANNOT", "the", "”", "—",
                "‘", "\u{2040}", "U", "\u{2071}",
            ][..]), 0..24)
        ) {
            let text: String = pieces.concat();
            // Keep every other word, and every word with a non-ASCII character or an apostrophe.
            let keeper = || {
                let mut flip = false;
                move |w: &str| {
                    flip = !flip;
                    flip || !w.bytes().all(|b| b.is_ascii_alphanumeric())
                }
            };
            let mut keep = keeper();
            let mut all = Tokens::new(&text);
            let mut expected = Vec::new();
            while let Some(range) = all.next_word() {
                if keep(&text[range.clone()]) {
                    expected.push(range);
                }
            }
            let mut keep = keeper();
            let mut filtered = Tokens::new(&text);
            let mut found = Vec::new();
            while let Some(range) = filtered.next_word_where(&mut keep) {
                found.push(range);
            }
            proptest::prop_assert_eq!(found, expected, "{:?}", text);
            // The words in a set or not plain, read in one loop, are those words filtered.
            let set = WordSet::new(["putin", "a", "7"].map(std::borrow::Cow::Borrowed));
            let in_set = |w: &str| !is_plain(w) || set.contains(w);
            let mut all = Tokens::new(&text);
            let expected: Vec<_> =
                std::iter::from_fn(|| all.next_word()).filter(|r| in_set(&text[r.clone()])).collect();
            let expected: Vec<_> = expected
                .into_iter()
                .map(|r| {
                    let word = &text[r.clone()];
                    (r, if is_plain(word) { set.position(word) } else { None })
                })
                .collect();
            let mut fused = Tokens::new(&text);
            let found: Vec<_> = std::iter::from_fn(|| fused.next_word_in(&set)).collect();
            proptest::prop_assert_eq!(found, expected, "{:?}", text);
            // Every word, with whether it is plain.
            let mut all = Tokens::new(&text);
            let expected: Vec<_> =
                std::iter::from_fn(|| all.next_word()).map(|r| (r.clone(), is_plain(&text[r]))).collect();
            let mut read = Tokens::new(&text);
            let found: Vec<_> = std::iter::from_fn(|| read.next_word_plain()).collect();
            proptest::prop_assert_eq!(found, expected, "{:?}", text);
            // A peek at the next word, where it tells one, is the word read next, and plain.
            let mut read = Tokens::new(&text);
            loop {
                let peeked = read.peek_plain();
                let next = read.next_word_plain();
                if let Some(range) = peeked {
                    proptest::prop_assert_eq!(Some((range, true)), next.clone(), "{:?}", text);
                }
                if next.is_none() {
                    break;
                }
            }
        }
    }
}
