//! The quotation index: every recorded wording (text and variants) by its word trigrams, so
//! that an article's quotation is aligned only against the wordings it shares some with
//! (quotelint's `matcher` finds and aligns; the build writes the default record's index as
//! tables with [`QuoteIndex::to_rust`]).

use std::borrow::Cow;
use std::sync::OnceLock;

use quotelint_text::normalize::Token;
use rustc_hash::FxHashMap;

use crate::RecordView;

/// The word triples of the record's event names and document names, sorted, without the
/// parts of a name inside quotation marks (an event named after what was said keeps that
/// speech quotable).
fn title_trigrams(record: &impl RecordView) -> Vec<u64> {
    let events = record.events().flat_map(|e| std::iter::once(&e.name).chain(&e.names));
    let documents = record.people().filter(|p| p.kind == crate::schema::SpeakerKind::Document);
    let titles = events.chain(documents.flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)));
    let mut out = Vec::new();
    for title in titles {
        for part in title.split(['"', '“', '”', '«', '»']).step_by(2) {
            let hashes: Vec<u64> = record
                .tokens_of(part)
                .into_iter()
                .filter_map(|(t, _)| match t {
                    Token::Word(w) => Some(hash(&w)),
                    _ => None,
                })
                .collect();
            out.extend(hashes.windows(3).map(trigram));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A recorded wording that quotes the speaker in pieces with the reporter's own words between
/// them (“there would be no extension” of NATO’s jurisdiction “one inch to the east.”): the
/// pieces alone, the reporter's words between them an elision, since what the speaker said
/// there is not in the wording. `None` for any other wording.
fn quoted_pieces(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.starts_with(['“', '"']) {
        return None;
    }
    // Before the opening mark nothing; then inside and outside the marks in turn.
    let parts: Vec<&str> = text.split(['“', '”', '"']).collect();
    let reporter = parts.iter().skip(2).step_by(2).any(|p| p.chars().any(char::is_alphanumeric));
    if parts.len() < 4 || !reporter {
        return None;
    }
    Some(parts.iter().skip(1).step_by(2).copied().collect::<Vec<_>>().join(" … "))
}

/// One recorded wording: the quotation's text (`variant: None`) or one of its variants.
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    pub quotation: usize,
    pub variant: Option<usize>,
    pub words: Vec<Cow<'static, str>>,
    /// The [`Key`] of each word, so that alignment compares integers before strings. Hashes and
    /// letter sets are in the prebuilt tables; typo lengths are worked out with the wording.
    pub keys: Vec<Key>,
    /// `gaps[j]`: the source elided words between `words[j - 1]` and `words[j]`.
    pub gaps: Vec<bool>,
}

impl Wording {
    pub fn new(
        quotation: usize,
        variant: Option<usize>,
        words: Vec<Cow<'static, str>>,
        gaps: Vec<bool>,
    ) -> Self {
        let keys =
            words.iter().map(|w| Key { hash: hash(w), letters: letters(w), typo_len: typo_len(w) }).collect();
        Wording { quotation, variant, words, keys, gaps }
    }
}

/// What comparing a word looks at before the word itself, worked out once per word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Key {
    pub hash: u64,
    /// The word's [`letters`].
    pub letters: u64,
    /// The word's [`typo_len`].
    pub typo_len: u32,
}

impl Key {
    /// The key of a query word. Letter sets only rule out typos, so a word that may have none
    /// goes without one (a recorded word's is in the tables whatever its length).
    pub fn of(w: &str) -> Self {
        let typo_len = typo_len(w);
        let letters = if typo_len == 0 { 0 } else { letters(w) };
        Key { hash: hash(w), letters, typo_len }
    }
}

/// The trigram index over every recorded wording.
#[derive(Debug, Default)]
pub struct QuoteIndex {
    /// Each wording, by id: read from `prebuilt` when first aligned against (a run aligns
    /// against a few), or built with the index.
    wordings: Vec<OnceLock<Wording>>,
    prebuilt: Option<&'static PrebuiltQuotes>,
    /// Where each trigram's wordings lie in `postings`: one flat array rather than a vector per
    /// trigram, so that building the index allocates a handful of times, not once per trigram.
    trigrams: FxHashMap<u64, (u32, u32)>,
    /// Wording ids, grouped by trigram, each group in ascending order without repeats.
    postings: Vec<u32>,
    /// The word triples of every recorded event and document title, sorted: a quotation made
    /// of them alone quotes a title, not speech (see [`QuoteIndex::quotes_a_title`]).
    titles: Cow<'static, [u64]>,
}

/// Words shorter than this never count as a typo of another word.
pub const MIN_TYPO_LEN: usize = 4;

pub fn hash(w: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(w)
}

/// The key of three consecutive word hashes. Two trigrams that collide only add a candidate,
/// which alignment then rejects.
pub fn trigram(hashes: &[u64]) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(hashes)
}

/// The set of characters of a word, folded into 64 bits. An edit (substitution, insertion,
/// deletion or transposition) changes the set by at most two members, so two words more than
/// `2k` members apart cannot be within `k` edits: most pairs are ruled out by one popcount.
pub fn letters(w: &str) -> u64 {
    w.chars().fold(0, |set, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + (c as u32 % 28),
        };
        set | 1 << bit
    })
}

/// The length in characters of a word matching allows typos in (quotelint's
/// `matcher::same_word`), or 0 for a word it never does (shorter than [`MIN_TYPO_LEN`], or with
/// a digit).
pub fn typo_len(w: &str) -> u32 {
    if w.len() < MIN_TYPO_LEN || w.bytes().any(|c| c.is_ascii_digit()) {
        return 0;
    }
    let chars = if w.is_ascii() { w.len() } else { w.chars().count() };
    if chars < MIN_TYPO_LEN {
        0
    } else {
        chars as u32
    }
}

impl PartialEq for QuoteIndex {
    /// The same wordings, read or built, and the same trigrams.
    fn eq(&self, other: &Self) -> bool {
        self.wordings.len() == other.wordings.len()
            && (0..self.wordings.len()).all(|id| self.wording(id) == other.wording(id))
            && self.trigrams == other.trigrams
            && self.postings == other.postings
            && self.titles == other.titles
    }
}

/// A [`QuoteIndex`] as static tables (see [`crate::prebuilt`]).
pub struct PrebuiltQuotes {
    pub strings: &'static str,
    /// Each wording: its quotation, its variant + 1 (0 for the text), the range of its words in
    /// `words` (and of their hashes and letters), and where its gaps start in `gaps`.
    pub wordings: &'static [(u32, u32, u32, u32, u32)],
    pub words: &'static [(u32, u32)],
    pub hashes: &'static [u64],
    pub letters: &'static [u64],
    pub gaps: &'static [bool],
    /// Each trigram with the range of its wordings in `postings`.
    pub trigrams: &'static [(u64, u32, u32)],
    pub postings: &'static [u32],
    pub titles: &'static [u64],
}

impl std::fmt::Debug for PrebuiltQuotes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrebuiltQuotes({} wordings)", self.wordings.len())
    }
}

impl QuoteIndex {
    /// The index as Rust source of a [`PrebuiltQuotes`] (`build.rs` writes it).
    pub fn to_rust(&self) -> String {
        use std::fmt::Write;
        let mut blob = crate::prebuilt::Blob::default();
        let (mut wordings, mut words, mut hashes, mut letters, mut gaps) =
            (String::new(), String::new(), String::new(), String::new(), String::new());
        let (mut word_count, mut gap_count) = (0, 0);
        for w in (0..self.wordings.len()).map(|id| self.wording(id)) {
            let variant = w.variant.map_or(0, |v| v + 1);
            let end = word_count + w.words.len();
            let _ = write!(wordings, "({}, {variant}, {word_count}, {end}, {gap_count}), ", w.quotation);
            for word in &w.words {
                let _ = write!(words, "({}), ", blob.push(word));
            }
            hashes.extend(w.keys.iter().map(|k| format!("{}, ", k.hash)));
            letters.extend(w.keys.iter().map(|k| format!("{}, ", k.letters)));
            gaps.extend(w.gaps.iter().map(|g| format!("{g}, ")));
            word_count = end;
            gap_count += w.gaps.len();
        }
        let mut trigrams: Vec<_> = self.trigrams.iter().collect();
        trigrams.sort();
        let trigrams: String =
            trigrams.iter().map(|(k, (from, to))| format!("({k}, {from}, {to}), ")).collect();
        let postings: String = self.postings.iter().map(|p| format!("{p}, ")).collect();
        let titles: String = self.titles.iter().map(|t| format!("{t}, ")).collect();
        format!(
            "quotelint_record::quotes::PrebuiltQuotes {{ strings: {:?}, wordings: &[{wordings}], words: &[{words}], \
             hashes: &[{hashes}], letters: &[{letters}], gaps: &[{gaps}], trigrams: &[{trigrams}], \
             postings: &[{postings}], titles: &[{titles}] }}",
            blob.0
        )
    }

    /// The index the tables hold; each wording is read from them when first needed.
    pub fn from_prebuilt(p: &'static PrebuiltQuotes) -> Self {
        let trigrams = p.trigrams.iter().map(|&(k, from, to)| (k, (from, to))).collect();
        let wordings = p.wordings.iter().map(|_| OnceLock::new()).collect();
        QuoteIndex {
            wordings,
            prebuilt: Some(p),
            trigrams,
            postings: p.postings.to_vec(),
            titles: Cow::Borrowed(p.titles),
        }
    }

    /// How many wordings the index holds; their ids are `0..len`.
    pub fn len(&self) -> usize {
        self.wordings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.wordings.is_empty()
    }

    /// The ids of the wordings that have the word triple `trigram` (see [`trigram`]), in
    /// ascending order.
    pub fn wordings_with(&self, trigram: u64) -> &[u32] {
        self.trigrams.get(&trigram).map_or(&[], |&(from, to)| &self.postings[from as usize..to as usize])
    }

    /// The wording `id`, read from the tables when first asked for.
    pub fn wording(&self, id: usize) -> &Wording {
        self.wordings[id].get_or_init(|| {
            let p = self.prebuilt.expect("a wording not built with the index is in the tables");
            let (quotation, variant, from, to, gaps_from) = p.wordings[id];
            let (from, to, gaps_from) = (from as usize, to as usize, gaps_from as usize);
            let words = crate::prebuilt::words(p.strings, &p.words[from..to]);
            let tables = p.hashes[from..to].iter().zip(&p.letters[from..to]);
            let keys =
                tables.zip(&words).map(|((&hash, &letters), w)| Key { hash, letters, typo_len: typo_len(w) });
            Wording {
                quotation: quotation as usize,
                variant: (variant as usize).checked_sub(1),
                keys: keys.collect(),
                words,
                gaps: p.gaps[gaps_from..gaps_from + (to - from) + 1].to_vec(),
            }
        })
    }

    pub fn new(record: &impl RecordView) -> Self {
        let mut index = QuoteIndex::default();
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for (qi, q) in record.quotations().enumerate() {
            let texts = std::iter::once((None, q.text.as_str()))
                .chain(q.variants.iter().enumerate().map(|(vi, v)| (Some(vi), v.text.as_str())));
            for (variant, text) in texts {
                // The record's own elisions are gaps: what the source left out is unknown, so an
                // article may quote words there without being misquoted.
                let mut words = Vec::new();
                let mut gaps = vec![false];
                let pieces = quoted_pieces(text);
                for (token, _) in record.tokens_of(pieces.as_deref().unwrap_or(text)) {
                    match token {
                        Token::Word(w) => {
                            words.push(w);
                            gaps.push(false);
                        }
                        _ => *gaps.last_mut().expect("starts non-empty") = true,
                    }
                }
                let id = index.wordings.len() as u32;
                let wording = Wording::new(qi, variant, words, gaps);
                for start in 0..wording.words.len().saturating_sub(2) {
                    // No trigram across a gap.
                    if !wording.gaps[start + 1] && !wording.gaps[start + 2] {
                        let hashes = [0, 1, 2].map(|k| wording.keys[start + k].hash);
                        pairs.push((trigram(&hashes), id));
                    }
                }
                index.wordings.push(OnceLock::from(wording));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        index.trigrams.reserve(pairs.len());
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            let start = index.postings.len() as u32;
            index.postings.extend(group.iter().map(|&(_, id)| id));
            index.trigrams.insert(group[0].0, (start, index.postings.len() as u32));
        }
        index.titles = Cow::Owned(title_trigrams(record));
        index
    }

    /// Whether the query's words are all word triples of recorded titles ("the Founding Act on
    /// Mutual Relations, Cooperation and Security"): a title quoted, which a recorded remark
    /// naming the same document does not make the speaker's words.
    pub fn quotes_a_title(&self, query: &[Token<&str>], query_keys: &[Key]) -> bool {
        query.iter().all(|t| matches!(t, Token::Word(_)))
            && query_keys
                .windows(3)
                .all(|w| self.titles.binary_search(&trigram(&[w[0].hash, w[1].hash, w[2].hash])).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wording_quoted_in_pieces_holds_only_the_pieces() {
        assert_eq!(
            quoted_pieces("“there would be no extension” of NATO’s jurisdiction “one inch to the east.”")
                .as_deref(),
            Some("there would be no extension … one inch to the east.")
        );
        for whole in ["“We will not move.”", "\"A,\" he said.", "plain words", "‘We will not move,’"]
        {
            assert_eq!(quoted_pieces(whole), None, "{whole}");
        }
    }
}
