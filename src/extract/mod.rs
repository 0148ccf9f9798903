//! From prose blocks to what the checks look at: quotations with their speaker, date and
//! citation; events named with a date; misspelt dates. Everything here is in block-text
//! offsets until the end, where ranges are mapped back to source bytes.

mod citations;
pub mod dates;
pub mod quotes;
mod sentences;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::date::PartialDate;
use crate::diagnostic::{ceil_char_boundary, floor_char_boundary};
use crate::markdown::{Block, BlockKind, Document};
use crate::names::{Mention, NameIndex, Target};
use crate::normalize::{char_at, WordSet};
use crate::record::{Record, SpanEnd, SpeakerKind};
use citations::paren_citations;
use dates::DateExpr;
use sentences::sentences;

/// A quotation in an article, as the checks see it.
#[derive(Debug, Clone)]
pub struct Quotation {
    /// Source byte range, from the opening mark to the closing mark.
    pub range: Range<usize>,
    /// The quoted words as a reader reads them (inline markup removed).
    pub text: String,
    pub speaker: Attribution,
    pub date: Option<Dated>,
    pub cited: bool,
    pub blockquote: bool,
}

/// Who the article says spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// No speech cue, or one naming nobody in the record, or more than one person.
    None,
    /// A person of the record, named at this source range.
    Person { person: usize, mention: Range<usize> },
}

impl Attribution {
    pub fn person(&self) -> Option<usize> {
        match self {
            Attribution::Person { person, .. } => Some(*person),
            Attribution::None => None,
        }
    }
}

/// A date and where it is written (source bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub date: PartialDate,
    pub range: Range<usize>,
}

/// A recorded event named with a date right next to it.
#[derive(Debug, Clone)]
pub struct EventDate {
    pub event: usize,
    pub name: Range<usize>,
    pub date: Dated,
}

/// A date whose month is misspelt.
#[derive(Debug, Clone)]
pub struct MalformedDate {
    pub range: Range<usize>,
    pub written: String,
    pub meant: &'static str,
    pub date: PartialDate,
}

/// What a repository's configuration changes in how articles are read.
#[derive(Debug, Clone)]
pub struct Options {
    /// An unattributed quoted span is a quotation from this many words.
    pub min_words: usize,
    /// Extra patterns that count as a citation in a paragraph ("according to the Kyiv
    /// Independent", a newsroom's own source line).
    pub citation_patterns: Vec<Regex>,
    /// The article's date when its front matter gives none.
    pub article_date: Option<PartialDate>,
}

impl Default for Options {
    fn default() -> Self {
        Options { min_words: 4, citation_patterns: Vec::new(), article_date: None }
    }
}

/// Everything the checks need from one article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub quotations: Vec<Quotation>,
    pub events: Vec<EventDate>,
    pub malformed: Vec<MalformedDate>,
    pub article_date: Option<PartialDate>,
}

/// Words that introduce or follow what someone said.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "wrote",
    "writes",
    "write",
    "stated",
    "states",
    "declared",
    "declares",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "added",
    "adds",
    "adding",
    "warned",
    "warns",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "explained",
    "explains",
    "recalled",
    "recalls",
    "concluded",
    "responded",
    "replied",
    "asked",
    "asks",
    "remarked",
    "promised",
    "promises",
    "assured",
    "assures",
    "admitted",
    "admits",
    "reiterated",
    "reiterates",
    "announced",
    "announces",
    "observed",
    "commented",
    "emphasized",
    "emphasised",
    "acknowledged",
    "conceded",
    "suggested",
    "maintained",
    "asserted",
    "pledged",
    "vowed",
    "highlighted",
    "quipped",
    "continued",
    "reads",
    "read",
    "put",
    "testified",
    "complained",
    "reported",
    "reports",
    "protested",
    "criticized",
    "criticised",
    "denounced",
    "accused",
    "urged",
    "objected",
    "retorted",
    "boasted",
];

/// Nouns after a possessive that make it a speech cue: "Baker's assurance", "in Putin's words".
const SPEECH_NOUNS: &[&str] = &[
    "assurance",
    "assurances",
    "words",
    "word",
    "statement",
    "statements",
    "remark",
    "remarks",
    "pledge",
    "promise",
    "reply",
    "answer",
    "response",
    "comment",
    "comments",
    "speech",
    "declaration",
    "letter",
    "message",
    "address",
    "phrase",
    "formula",
    "claim",
    "warning",
    "view",
];

/// Role words that make a clause about the speaker's office, not about when they spoke.
const ROLE_WORDS: &[&str] = &[
    "ambassador",
    "minister",
    "secretary",
    "president",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "adviser",
    "advisor",
    "leader",
    "chief",
    "general",
    "official",
    "director",
    "head",
    "premier",
    "prime",
    "representative",
    "who",
    "then",
    "former",
    "chairman",
    "commander",
    "marshal",
];

/// A word of a block: its range, and which cue word it is, if any. Only cue words (speech
/// verbs and nouns, role words, pronouns, fillers) are ever compared, so no other word's text is
/// kept: a 50 MB paragraph must not cost a string per word.
/// Twelve bytes a word, which is what bounds a long paragraph's memory: offsets are 32-bit (a
/// longer block has no words, see [`words_of`]) and the cue word is an index.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: u32,
    end: u32,
    /// 1 + the cue word's index in the list of [`KEYWORDS`], or 0.
    kw: u16,
}

impl Word {
    /// The cue word, lower-cased, or "" for any other word.
    fn kw(&self) -> &'static str {
        if self.kw == 0 {
            ""
        } else {
            KEYWORDS.0[usize::from(self.kw) - 1]
        }
    }

    fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// In that cue list.
    fn is(&self, list: CueList) -> bool {
        in_cue_list(self.kw, list)
    }
}

/// Whether the cue word numbered `kw` (see [`Word::kw`]) is in `list`.
fn in_cue_list(kw: u16, list: CueList) -> bool {
    kw != 0 && KEYWORDS.2[usize::from(kw) - 1] & list as u8 != 0
}

/// How far before and after a quotation its speaker and date are looked for, in bytes: longer
/// than any sentence that introduces a quotation.
const REACH: usize = 400;

/// Longer than any date expression's range (the date itself, without its preposition).
const MAX_DATE_LEN: usize = 64;

/// Subject pronouns; only `PERSON_PRONOUNS` resolve to someone.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];
const PERSON_PRONOUNS: &[&str] = &["he", "she"];
/// Words that may stand between a name and a role describing it ("Talbott, later deputy ...").
const APPOSITIVE_FILLERS: &[&str] = &["the", "a", "an", "then", "later", "former", "now", "at", "time"];
/// Words that may stand between a quotation and the cue after it ("…," the former minister said).
const CUE_LEAD_FILLERS: &[&str] = &["the", "a", "then", "former", "he", "she"];

/// Every word any cue test looks for, built from the lists the tests use, so a word added to
/// one of them is never missing here: the list, the same as a set (a word's [`Word::kw`] number
/// is 1 + its position), and which lists each is in (a bit per [`CueList`]), so that a cue test
/// is one table lookup.
static KEYWORDS: LazyLock<(Vec<&'static str>, WordSet, Vec<u8>)> = LazyLock::new(|| {
    let lists: [&[&'static str]; 6] =
        [SPEECH_VERBS, SPEECH_NOUNS, ROLE_WORDS, PRONOUNS, APPOSITIVE_FILLERS, CUE_LEAD_FILLERS];
    let mut all: Vec<&'static str> = lists.iter().flat_map(|l| l.iter()).copied().collect();
    all.sort_unstable();
    all.dedup();
    let set = WordSet::new(all.iter().map(|&w| std::borrow::Cow::Borrowed(w)));
    let member = all
        .iter()
        .map(|w| {
            lists.iter().enumerate().filter(|(_, l)| l.contains(w)).fold(0, |bits, (i, _)| bits | 1 << i)
        })
        .collect();
    (all, set, member)
});

/// The cue lists, in the order of [`KEYWORDS`]' lists: bits of its membership table.
#[derive(Clone, Copy)]
enum CueList {
    SpeechVerb = 1,
    SpeechNoun = 1 << 1,
    Role = 1 << 2,
    Pronoun = 1 << 3,
    AppositiveFiller = 1 << 4,
    CueLeadFiller = 1 << 5,
}

/// The [`Word::kw`] number of a word (0 for none).
fn keyword(word: &str) -> u16 {
    KEYWORDS.1.position(word).map_or(0, |i| i as u16 + 1)
}

/// The bytes a scan stops at (the rest it skips without decoding them): three common ones,
/// searched for with memchr, and the others.
struct Stops {
    common: [u8; 3],
    others: &'static [u8],
    table: [bool; 256],
}

impl Stops {
    /// Every stop must be ASCII or a UTF-8 lead byte, so that a character starts where a scan
    /// stops (checked when the table is built, at compile time).
    const fn new(common: [u8; 3], others: &'static [u8]) -> Stops {
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
    fn scan<'t>(&'static self, text: &'t str) -> StopScan<'t> {
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
struct StopScan<'t> {
    stops: &'static Stops,
    text: &'t str,
    rare: bool,
    cursor: usize,
}

impl StopScan<'_> {
    /// Resumes after `at`, for a caller that read further than the character it was given.
    fn resume_at(&mut self, at: usize) {
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
fn words_of(text: &str) -> Vec<Word> {
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
    for_each_word_span(text, |s, e| {
        out.push(Word { kw: keyword(&text[s..e]), start: s as u32, end: e as u32 })
    });
    out
}

/// The byte span of each word of `text`: letters, digits and hyphens, with inner apostrophes,
/// given to `each` in order. ASCII bytes are classed by a table; only non-ASCII characters are
/// decoded.
fn for_each_word_span(text: &str, mut each: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // To the start of a word: a letter, a digit or `-`.
        let b = bytes[at];
        if b < 0x80 {
            if WORD_BYTES[usize::from(b)] < 2 {
                at += 1;
                continue;
            }
        } else if let Some(c) = char_at(text, at).filter(|c| !c.is_alphanumeric()) {
            at += c.len_utf8();
            continue;
        }
        // On while letters, digits, `-` and apostrophes go on.
        let start = at;
        while at < bytes.len() {
            let b = bytes[at];
            if b < 0x80 {
                if WORD_BYTES[usize::from(b)] == 0 {
                    break;
                }
                at += 1;
            } else {
                match char_at(text, at) {
                    Some(c) if c.is_alphanumeric() || c == '’' => at += c.len_utf8(),
                    _ => break,
                }
            }
        }
        // Less the apostrophes and hyphens it ends with (`’` is E2 80 99).
        let mut end = at;
        while end > start {
            match bytes[end - 1] {
                b'\'' | b'-' => end -= 1,
                0x99 if bytes[start..end].ends_with("’".as_bytes()) => end -= 3,
                _ => break,
            }
        }
        each(start, end);
    }
}

/// Per ASCII byte: 2 for letters, digits and `-`, which start and continue a word; 1 for `'`,
/// which only continues one; 0 for the rest.
static WORD_BYTES: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || c == b'-' {
            2
        } else if c == b'\'' {
            1
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether `text` has an ASCII digit: asked of every block, so read in chunks whose test
/// compiles to vector instructions, stopping at the first chunk with one.
fn has_digit(text: &str) -> bool {
    text.as_bytes().chunks(64).any(|chunk| chunk.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// `range` lies inside one of `spans` (disjoint and in order): a binary search.
fn within(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = spans.partition_point(|q| q.start <= range.start);
    i > 0 && range.end <= spans[i - 1].end
}

/// What one block contributes, before ranges are mapped to the source.
struct BlockContext<'a> {
    block: &'a Block,
    record: &'a Record,
    quotes: Vec<quotes::Quote>,
    /// The quotations' ranges (depth 0), disjoint and in order.
    outer: Vec<Range<usize>>,
    mentions: Vec<Mention>,
    /// `person_before[i]`: the last of `mentions[..i]` naming a person, outside quotations.
    person_before: Vec<Option<usize>>,
    dates: Vec<DateExpr>,
    words: Vec<Word>,
    sentences: Vec<Range<usize>>,
}

impl<'a> BlockContext<'a> {
    fn new(
        block: &'a Block,
        record: &'a Record,
        names: &NameIndex,
        article_date: Option<PartialDate>,
    ) -> Self {
        let quotes = quotes::find(&block.text);
        let outer: Vec<Range<usize>> =
            quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer.clone()).collect();
        // Quotations are read with their sentences, words and who was named before them; a
        // block with a date but no quotation only for its events and misspelt dates; and most
        // prose, with neither (every date form has digits), not at all: it can hold no finding.
        let quoting = !outer.is_empty() || block.blockquote.is_some() || is_attribution_line(&block.text);
        let mut context = BlockContext {
            block,
            record,
            outer,
            mentions: Vec::new(),
            person_before: Vec::new(),
            dates: Vec::new(),
            words: Vec::new(),
            quotes,
            sentences: Vec::new(),
        };
        if !quoting && !has_digit(&block.text) {
            return context;
        }
        context.dates = dates::find(&block.text);
        if let Some(article) = article_date {
            context.dates.extend(dates::find_relative(&block.text, article));
            context.dates.sort_by_key(|d| d.range.start);
        }
        context.mentions = names.find(&block.text);
        if !quoting {
            return context;
        }
        context.sentences = sentences(&block.text, &context.quotes);
        context.words = words_of(&block.text);
        // For "he said": which mention is the last person named before each one, computed once
        // rather than searched backwards for every pronoun.
        let mut person_before = Vec::with_capacity(context.mentions.len() + 1);
        person_before.push(None);
        for (i, m) in context.mentions.iter().enumerate() {
            let person = m.person().filter(|&p| {
                record.people[p].kind == SpeakerKind::Person && !within(&context.outer, &m.range)
            });
            let last = *person_before.last().expect("starts with one");
            person_before.push(person.map(|_| i).or(last));
        }
        context.person_before = person_before;
        context
    }

    fn text(&self) -> &str {
        &self.block.text
    }

    /// Inside a quotation (of depth 0). Quotations are disjoint and sorted: a binary search.
    fn in_quote(&self, range: &Range<usize>) -> bool {
        within(&self.outer, range)
    }

    /// The part of `sentence` within [`REACH`] bytes of `quote`: speaker and date are read
    /// there, so that a paragraph with no sentence ends and thousands of quotations costs each
    /// of them a window, not the paragraph.
    fn near(&self, sentence: Range<usize>, quote: &Range<usize>) -> Range<usize> {
        let text = self.text();
        let start = ceil_char_boundary(text, sentence.start.max(quote.start.saturating_sub(REACH)));
        let end = floor_char_boundary(text, sentence.end.min(quote.end + REACH).max(start));
        start.min(quote.start)..end.max(quote.end)
    }

    fn sentence_of(&self, at: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|s| s.start <= at);
        i.checked_sub(1).map(|i| self.sentences[i].clone()).unwrap_or(0..self.text().len())
    }

    /// The words within `range`.
    fn words_in(&self, range: &Range<usize>) -> &[Word] {
        let from = self.words.partition_point(|w| w.range().start < range.start);
        let to = self.words.partition_point(|w| w.range().end <= range.end).max(from);
        &self.words[from..to]
    }

    fn is_verb(&self, w: &Word) -> bool {
        w.is(CueList::SpeechVerb)
    }

    /// Speech verbs in `range`, outside quotations. An iterator, not a vector: callers take the
    /// last or ask for any, several times a quotation.
    fn verbs_in(&self, range: &Range<usize>) -> impl DoubleEndedIterator<Item = &Word> {
        self.words_in(range).iter().filter(|w| self.is_verb(w) && !self.in_quote(&w.range()))
    }

    /// Names of people and roles (not events) in `range`, outside quotations.
    fn mentions_in(&self, range: &Range<usize>) -> impl Iterator<Item = &Mention> {
        let end = range.end;
        let from = self.mentions.partition_point(|m| m.range.start < range.start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.range.start < end)
            .filter(move |m| m.range.end <= end)
            .filter(|m| m.events().next().is_none() && !self.in_quote(&m.range))
    }

    /// The person a mention names at `date`: a name naming one person, or a role with exactly one
    /// holder then. Pronouns resolve to the last person named before them in the paragraph.
    fn resolve(&self, m: &Mention, date: Option<PartialDate>) -> Option<usize> {
        if let Some(p) = m.person() {
            return Some(p);
        }
        if !m.is_person() {
            let date = date?;
            let mut holders: Vec<usize> = Vec::new();
            for role in m.roles() {
                let role_id = &self.record.roles[role].id;
                for (pi, p) in self.record.people.iter().enumerate() {
                    if p.roles.iter().any(|s| &s.role == role_id && holds(s, date)) && !holders.contains(&pi)
                    {
                        holders.push(pi);
                    }
                }
            }
            if let [one] = holders.as_slice() {
                return Some(*one);
            }
        }
        None
    }

    /// The last person named before `at` in this paragraph (for "he said").
    fn last_person_before(&self, at: usize) -> Option<(usize, Range<usize>)> {
        // "he" and "she" are people, never an organization or a document.
        let before = self.mentions.partition_point(|m| m.range.end <= at);
        let m = &self.mentions[self.person_before[before]?];
        Some((m.person()?, m.range.clone()))
    }

    /// The nearest subject pronoun in `range`: "he"/"she" resolve to the last person named;
    /// "it", "they", "we", "I" resolve to no one we can name.
    fn pronoun_before(&self, range: &Range<usize>) -> Option<&Word> {
        self.words_in(range).iter().rev().find(|w| w.is(CueList::Pronoun))
    }

    /// The speaker of a speech verb: the nearest name before it in `scope` (its subject), or, when
    /// `inverted` allows it, the name right after it ("said Putin"). `None` when the subject
    /// names no one we know.
    fn subject_of(
        &self,
        verb: &Word,
        scope: &Range<usize>,
        date: Option<PartialDate>,
        inverted: bool,
    ) -> Option<(usize, Range<usize>)> {
        // "Putin said that NATO ..., adding": a participle shares the subject of the verb before it.
        if verb.kw().ends_with("ing") {
            let earlier = scope.start..verb.range().start;
            if let Some(main) = self.verbs_in(&earlier).next_back() {
                return self.subject_of(main, scope, date, inverted);
            }
        }
        // The subject comes after any earlier speech verb: "X said that Y ..." makes Y the
        // subject of nothing but its own clause.
        let from = self
            .verbs_in(&(scope.start..verb.range().start))
            .next_back()
            .map_or(scope.start, |v| v.range().end);
        // Nor across a semicolon: "NATO and Russia signed the Act; it states ...".
        let from = self.text()[from..verb.range().start].rfind(';').map_or(from, |i| from + i + 1);
        let before = from..verb.range().start;
        // "Jack F. Matlock, US ambassador to the USSR in 1990, stated": a role set off by commas
        // describes the name before it; the name is the subject.
        let text = self.text();
        // Only the last three mentions are ever read: kept in a window ending with the last,
        // not collected.
        let mut last3: [Option<&Mention>; 3] = [None; 3];
        for m in self.mentions_in(&before) {
            last3 = [last3[1], last3[2], Some(m)];
        }
        let with_previous = |i: usize| Some((last3[i.checked_sub(1)?]?, last3[i]?));
        let between = |a: &Mention, b: &Mention| text.get(a.range.end..b.range.start).unwrap_or(",,");
        let mut chosen = last3[2].map(|_| 2);
        if let Some((named, m)) = chosen.and_then(with_previous) {
            if !m.is_person() && named.is_person() && is_appositive_gap(between(named, m)) {
                chosen = Some(1);
            }
        }
        let mention = chosen.and_then(|i| last3[i]);
        // "NATO Secretary General Stoltenberg": a role right before a name shared by namesakes
        // picks the one who held it at the date.
        if let Some((role, m)) = chosen.and_then(with_previous) {
            if m.person().is_none() && m.is_person() && between(role, m).trim().is_empty() {
                if let Some(holder) = self.resolve(role, date) {
                    if m.targets.contains(&Target::Person(holder)) {
                        return Some((holder, m.range.clone()));
                    }
                }
            }
        }
        let pronoun = self.pronoun_before(&before);
        match (mention, pronoun) {
            (Some(m), p) if p.is_none_or(|p| p.range().start < m.range.start) => {
                return self.resolve(m, date).map(|p| (p, m.range.clone()));
            }
            (_, Some(p)) if PERSON_PRONOUNS.contains(&p.kw()) => {
                return self
                    .last_person_before(p.range().start)
                    .map(|(person, _)| (person, p.range().clone()))
            }
            (_, Some(_)) => return None,
            _ => {}
        }
        // "…," said Putin / said the Russian foreign minister: only right after a quotation,
        // where the name cannot be the verb's object ("Moscow says NATO ...").
        if !inverted {
            return None;
        }
        let after = verb.range().end..scope.end;
        let m = self.mentions_in(&after).next()?;
        let gap = self.words_in(&(verb.range().end..m.range.start)).len();
        if gap <= 3 {
            self.resolve(m, date).map(|p| (p, m.range.clone()))
        } else {
            None
        }
    }
}

/// Between a name and a role describing it: a comma and at most a few filler words
/// ("Strobe Talbott, later deputy secretary of state", "Gorbachev, the Soviet leader").
fn is_appositive_gap(between: &str) -> bool {
    let Some(rest) = between.trim().strip_prefix(',') else { return false };
    all_words_are(rest, CueList::AppositiveFiller)
}

/// Every word of `text` (a short stretch) is in `list`: true when it has none. Reads the words
/// without collecting them.
fn all_words_are(text: &str, list: CueList) -> bool {
    let mut all = true;
    for_each_word_span(text, |s, e| {
        all = all && in_cue_list(keyword(&text[s..e]), list);
    });
    all
}

/// True when the role span certainly covers `date`.
fn holds(span: &crate::record::RoleSpan, date: PartialDate) -> bool {
    use std::cmp::Ordering::*;
    if let Some(at) = span.at.as_ref().and_then(|d| d.valid()) {
        return at.agrees_with(&date) && at.precision() >= date.precision();
    }
    let Some(from) = span.from.as_ref().and_then(|d| d.valid()) else { return false };
    let started = matches!(from.certainly_cmp(&date), Some(Less)) || (from == date);
    let not_ended = match &span.to {
        Some(SpanEnd::Present) => true,
        Some(SpanEnd::Date(d)) => {
            d.valid().is_some_and(|to| matches!(to.certainly_cmp(&date), Some(Greater)))
        }
        None => false,
    };
    started && not_ended
}

/// Extracts quotations, dated events and misspelt dates from a parsed article.
pub fn extract(doc: &Document, record: &Record, names: &NameIndex, options: &Options) -> Extraction {
    let mut out =
        Extraction { article_date: article_date(doc).or(options.article_date), ..Default::default() };
    let contexts: Vec<BlockContext> =
        doc.blocks.iter().map(|b| BlockContext::new(b, record, names, out.article_date)).collect();
    let mut done_blockquotes = rustc_hash::FxHashSet::default();
    for (bi, ctx) in contexts.iter().enumerate() {
        for d in &ctx.dates {
            if let Some((written, meant)) = d.misspelt.as_deref() {
                out.malformed.push(MalformedDate {
                    range: ctx.block.source_range(d.range.clone()),
                    written: written.clone(),
                    meant,
                    date: d.date,
                });
            }
        }
        if ctx.block.kind == BlockKind::Footnote {
            continue;
        }
        events(ctx, &mut out.events);
        if let Some(group) = ctx.block.blockquote {
            if done_blockquotes.insert(group) {
                out.quotations.extend(blockquote(&contexts, bi, group, doc, options));
            }
            continue;
        }
        if is_attribution_line(ctx.text()) && bi > 0 && contexts[bi - 1].block.blockquote.is_some() {
            continue;
        }
        quotations(ctx, doc, options, &mut out.quotations);
    }
    out
}

/// `date:` of the front matter.
fn article_date(doc: &Document) -> Option<PartialDate> {
    let date = doc.metadata.date.as_ref()?;
    let s = match date {
        serde_norway::Value::String(s) => s.clone(),
        serde_norway::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    PartialDate::parse(s.get(..10).unwrap_or(&s))
        .or_else(|_| PartialDate::parse(s.get(..7).unwrap_or(&s)))
        .ok()
}

/// Blockquotes used as callouts, not quotations: "> **Note:** …", "> [!WARNING] …".
fn is_callout(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "note",
        "warning",
        "tip",
        "important",
        "caution",
        "update",
        "correction",
        "editor's note",
        "disclaimer",
    ];
    let t = text.trim_start();
    if t.starts_with("[!") {
        return true;
    }
    let head = t.split(':').next().unwrap_or("").trim().to_lowercase();
    t.contains(':') && head.len() < 20 && LABELS.contains(&head.as_str())
}

fn is_attribution_line(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('—') || t.starts_with('–') || t.starts_with("--") || t.starts_with('―')
}

fn is_cited(ctx: &BlockContext, doc: &Document, options: &Options) -> bool {
    !ctx.block.links.is_empty()
        || ctx.block.footnotes.iter().any(|(label, _)| doc.footnote_definitions.contains(label))
        || paren_citations(ctx.text()).next().is_some()
        || options.citation_patterns.iter().any(|p| p.is_match(ctx.text()))
}

/// The dates a quotation in `sentence` may have been said at: outside quotations and outside
/// clauses about someone's role. Read once per quotation, then [`nearest_date`] picks among
/// them for each anchor.
fn date_candidates<'c>(ctx: &'c BlockContext, sentence: &Range<usize>) -> Vec<&'c DateExpr> {
    let text = ctx.text();
    let from = ctx.dates.partition_point(|d| d.range.start < sentence.start);
    ctx.dates[from..]
        .iter()
        .take_while(|d| d.range.start < sentence.end)
        .filter(|d| {
            if d.range.end > sentence.end || ctx.in_quote(&d.range) {
                return false;
            }
            // The clause around the date: between commas/parentheses (outside quotations).
            // Searched as bytes (ASCII never occurs inside another character), not decoded.
            let clause_start =
                memchr::memrchr3(b',', b'(', b';', &text.as_bytes()[sentence.start..d.range.start])
                    .map_or(sentence.start, |i| sentence.start + i + 1);
            let clause_end = memchr::memchr3(b',', b')', b';', &text.as_bytes()[d.range.end..sentence.end])
                .map_or(sentence.end, |i| d.range.end + i);
            let clause = clause_start..clause_end;
            let about_role = ctx.words_in(&clause).iter().any(|w| w.is(CueList::Role));
            !about_role || ctx.verbs_in(&clause).next().is_some()
        })
        .collect()
}

/// The statement date: the candidate nearest `anchor` (the speech verb, or the quotation); none
/// when two are equally near.
fn nearest_date(ctx: &BlockContext, candidates: &[&DateExpr], anchor: usize) -> Option<Dated> {
    let distance = |d: &DateExpr| {
        if d.range.end <= anchor {
            anchor - d.range.end
        } else {
            d.range.start.saturating_sub(anchor)
        }
    };
    let mut best: Option<(usize, &DateExpr)> = None;
    let mut tied = false;
    for &d in candidates {
        let dist = distance(d);
        match best {
            Some((b, _)) if dist > b => {}
            Some((b, _)) if dist == b => tied = true,
            _ => (best, tied) = (Some((dist, d)), false),
        }
    }
    let (_, d) = best.filter(|_| !tied)?;
    Some(Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) })
}

/// The speaker the sentence gives a quotation, and the speech verb's position (for the date).
fn attribute(
    ctx: &BlockContext,
    q: &quotes::Quote,
    sentence: &Range<usize>,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> (Attribution, usize) {
    let text = ctx.text();
    let mut found: Vec<(usize, Range<usize>, usize)> = Vec::new(); // person, mention, verb position

    // After: `," Putin said` / `," said Putin` within the first words after the quotation.
    let after = q.outer.end..sentence.end;
    if let Some(verb) = ctx.words_in(&after).iter().take(7).find(|w| ctx.is_verb(w)) {
        // Only `"…," said X` or `"…," X said`: between the quotation and the verb nothing but
        // punctuation and names (with their appositives). "the “pledge” debate: notes on
        // Kramer" is no cue.
        // The text up to the verb with its names blanked out, built in one pass.
        let mut lead_in = String::with_capacity(verb.range().start - after.start);
        let mut at = after.start;
        for m in ctx.mentions_in(&(after.start..verb.range().start)) {
            let blank = m.range.start.max(at)..m.range.end.max(at);
            lead_in.push_str(&text[at..blank.start]);
            lead_in.extend(std::iter::repeat_n(' ', blank.len()));
            at = blank.end;
        }
        lead_in.push_str(&text[at..verb.range().start]);
        let plain = !lead_in.contains(':')
            && (all_words_are(&lead_in, CueList::CueLeadFiller) || lead_in.trim_start().starts_with(','));
        if plain && !ctx.in_quote(&verb.range()) {
            let scope = after.start..after.end;
            if let Some((p, m)) = ctx.subject_of(verb, &scope, date_hint(verb.range().start), true) {
                found.push((p, m, verb.range().start));
            }
        }
    }

    // Before: "according to X" or "X's assurance/words"; else the speech verb nearest the
    // quotation whose subject we can name; else "X:" introducing it.
    let before = sentence.start..q.outer.start;
    let lead = text[before.clone()].trim_end();
    let no_verb = ctx.verbs_in(&before).next().is_none();
    let mut before_found: Vec<(usize, Range<usize>, usize)> = Vec::new();
    if let Some(m) = ctx.mentions_in(&before).last() {
        let between = text[m.range.end..q.outer.start].trim();
        // "Wörner responded to Yeltsin's letter: '…'": a speech verb governs; the possessive
        // only names the speaker when no verb does.
        let noun_cue = m.possessive && no_verb && {
            let words_between = words_of(between);
            words_between.first().is_some_and(|w| w.is(CueList::SpeechNoun)) && words_between.len() <= 4
        };
        // Compared without lower-casing into a new string: no other character lower-cases to
        // these ASCII ones.
        let lead_to_m = text[before.start..m.range.start].trim_end();
        let according = lead_to_m
            .len()
            .checked_sub("according to".len())
            .and_then(|i| lead_to_m.get(i..))
            .is_some_and(|end| end.eq_ignore_ascii_case("according to"));
        let colon_cue = (between == ":" || between == ",:") && no_verb;
        if noun_cue || according || colon_cue {
            if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                before_found.push((p, m.range.clone(), m.range.start));
            }
        }
    }
    if before_found.is_empty() {
        // "X told Bild that the West had pledged that '...'": the nearest verb whose subject is
        // named by someone; a subject we cannot name passes the quotation to the verb before.
        let scope = before.start..q.outer.start;
        for verb in ctx.verbs_in(&before).rev() {
            if let Some((p, m)) = ctx.subject_of(verb, &scope, date_hint(verb.range().start), false) {
                before_found.push((p, m, verb.range().start));
                break;
            }
            let subject_region = scope.start..verb.range().start;
            let named = ctx.mentions_in(&subject_region).next().is_some()
                || ctx.pronoun_before(&subject_region).is_some();
            let earlier_verb =
                ctx.verbs_in(&subject_region).next_back().map_or(scope.start, |v| v.range().end);
            let own_subject = ctx.mentions_in(&(earlier_verb..verb.range().start)).next().is_some();
            if named && own_subject {
                break; // a subject was named but names no one we know: no claim
            }
        }
    }
    // Cues on both sides must agree ("“…,” Putin said" after "Putin said"); if they name two
    // people, the sentence is not clear enough to claim either.
    found.extend(before_found);

    // A quotation opening its sentence, introduced by the sentence before ("He added:").
    if found.is_empty() && lead.is_empty() {
        let before_sentence = ctx.sentences.partition_point(|s| s.end <= sentence.start);
        if let Some(whole) = before_sentence.checked_sub(1).map(|i| ctx.sentences[i].clone()) {
            // Whether it quotes anything is a question about all of it; its cue ("He added:")
            // is read near its end, by the quotation.
            let k = ctx.outer.partition_point(|o| o.start < whole.start);
            let has_quote = ctx.outer.get(k).is_some_and(|o| o.end <= whole.end);
            let prev = &ctx.near(whole.clone(), &(whole.end..whole.end));
            let prev_text = text[prev.clone()].trim_end();
            let last_verb = ctx.verbs_in(prev).next_back();
            if !has_quote && (prev_text.ends_with(':') || last_verb.is_some()) {
                if let Some(verb) = last_verb {
                    if let Some((p, m)) = ctx.subject_of(verb, prev, date_hint(verb.range().start), false) {
                        found.push((p, m, verb.range().start));
                    }
                } else if let Some(m) = ctx.mentions_in(prev).last() {
                    if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                        found.push((p, m.range.clone(), m.range.start));
                    }
                }
            }
        }
    }
    // A quotation ending its sentence, followed by "Putin said." or "he added.".
    if found.is_empty()
        && text[after.clone()].trim().trim_matches(|c: char| c.is_ascii_punctuation()).is_empty()
    {
        let k = ctx.sentences.partition_point(|s| s.start < sentence.end);
        if let Some(next) = ctx.sentences.get(k) {
            let next = &ctx.near(next.clone(), &(next.start..next.start));
            if let Some(verb) = ctx.words_in(next).iter().take(5).find(|w| ctx.is_verb(w)) {
                if let Some((p, m)) = ctx.subject_of(verb, next, date_hint(verb.range().start), true) {
                    found.push((p, m, verb.range().start));
                }
            }
        }
    }
    found.dedup_by_key(|(p, _, _)| *p);
    match found.as_slice() {
        [(p, m, verb)] => {
            (Attribution::Person { person: *p, mention: ctx.block.source_range(m.clone()) }, *verb)
        }
        [(_, _, verb), ..] if found.iter().all(|f| f.0 == found[0].0) => {
            let (p, m, _) = &found[0];
            (Attribution::Person { person: *p, mention: ctx.block.source_range(m.clone()) }, *verb)
        }
        _ => (Attribution::None, q.outer.start),
    }
}

fn quotations(ctx: &BlockContext, doc: &Document, options: &Options, out: &mut Vec<Quotation>) {
    // Most blocks quote nothing: the citation tests below read the whole block.
    if ctx.outer.is_empty() {
        return;
    }
    let cited = is_cited(ctx, doc, options);
    let titles: Vec<Range<usize>> = paren_citations(ctx.text()).collect();
    for q in ctx.quotes.iter().filter(|q| q.depth == 0) {
        if within(&titles, &q.outer) {
            continue; // a title inside a parenthetical citation
        }
        let sentence = ctx.near(ctx.sentence_of(q.outer.start), &q.outer);
        // A date first (roles need one), from the quotation's position; then the speaker; then
        // the date again, anchored at the speech verb.
        let candidates = date_candidates(ctx, &sentence);
        let first_date = nearest_date(ctx, &candidates, q.outer.start);
        let hint = |_: usize| first_date.as_ref().map(|d| d.date);
        let (speaker, verb) = attribute(ctx, q, &sentence, &hint);
        let date = nearest_date(ctx, &candidates, verb);
        let inner = &ctx.text()[q.inner.clone()];
        if speaker == Attribution::None && crate::normalize::has_fewer_words(inner, options.min_words) {
            continue; // a term or scare quote
        }
        out.push(Quotation {
            range: ctx.block.source_range(q.outer.clone()),
            text: inner.to_owned(),
            speaker,
            date,
            cited,
            blockquote: false,
        });
    }
}

/// A blockquote is one quotation; its attribution line (`— Name, date`) is its last paragraph
/// or the paragraph right after it.
fn blockquote(
    contexts: &[BlockContext],
    first: usize,
    group: usize,
    doc: &Document,
    options: &Options,
) -> Option<Quotation> {
    let members: Vec<usize> =
        (first..contexts.len()).take_while(|&i| contexts[i].block.blockquote == Some(group)).collect();
    let mut body = members.clone();
    let mut attribution = None;
    if let Some(&last) = members.last() {
        if is_attribution_line(contexts[last].text()) && members.len() > 1 {
            attribution = Some(last);
            body.pop();
        } else if let Some(next) = contexts.get(last + 1) {
            if next.block.blockquote.is_none() && is_attribution_line(next.text()) {
                attribution = Some(last + 1);
            }
        }
    }
    let text = body.iter().map(|&i| contexts[i].text()).collect::<Vec<_>>().join(" ");
    let range = contexts[*body.first()?].block.range.start..contexts[*body.last()?].block.range.end;
    let cited = body.iter().chain(attribution.iter()).any(|&i| is_cited(&contexts[i], doc, options));
    let mut speaker = Attribution::None;
    let mut date = None;
    if let Some(a) = attribution {
        let ctx = &contexts[a];
        let line = 0..ctx.text().len();
        date =
            ctx.dates.first().map(|d| Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) });
        let people: Vec<(usize, Range<usize>)> = ctx
            .mentions_in(&line)
            .filter_map(|m| ctx.resolve(m, date.as_ref().map(|d| d.date)).map(|p| (p, m.range.clone())))
            .collect();
        if let Some((p, m)) = people.first() {
            if people.iter().all(|(q, _)| q == p) {
                speaker = Attribution::Person { person: *p, mention: ctx.block.source_range(m.clone()) };
            }
        }
    }
    let text = text.trim().trim_matches(['"', '“', '”']).to_owned();
    // A blockquote of a dash line alone, or of a few words with no speaker (a note, a
    // heading-like aside), is not a quotation.
    if body.iter().all(|&i| is_attribution_line(contexts[i].text()))
        || (speaker == Attribution::None && crate::normalize::has_fewer_words(&text, options.min_words))
        || is_callout(&text)
    {
        return None;
    }
    Some(Quotation { range, text, speaker, date, cited, blockquote: true })
}

/// Events named with a date right next to them: "the Founding Act in 1996", "the 1996 Founding
/// Act", "the Founding Act (1996)", "the Founding Act, signed in 1996".
fn events(ctx: &BlockContext, out: &mut Vec<EventDate>) {
    static LINK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:,?[\x20\t\r\n]*(?:which[\x20\t\r\n]+was[\x20\t\r\n]+|that[\x20\t\r\n]+was[\x20\t\r\n]+|was[\x20\t\r\n]+|were[\x20\t\r\n]+)?(?:signed|agreed|concluded|adopted|held|established|founded|created|came|took[\x20\t\r\n]+place|occurred|happened)?(?:[\x20\t\r\n]+in[\x20\t\r\n]+[A-Z][a-z]+)?[\x20\t\r\n]*(?:in|of|on)?[\x20\t\r\n]*|[\x20\t\r\n]*\([\x20\t\r\n]*)$",
        )
        .expect("link pattern")
    });
    let text = ctx.text();
    for m in &ctx.mentions {
        let Some(event) = m.events().next() else { continue };
        if ctx.in_quote(&m.range) || m.targets.iter().filter(|t| matches!(t, Target::Event(_))).count() > 1 {
            continue;
        }
        let mut attached: Option<Dated> = None;
        // After the name.
        // A relative date ("the Founding Act today") is about now, not the event.
        let k = ctx.dates.partition_point(|d| d.range.start < m.range.end);
        if let Some(d) =
            ctx.dates[k..].iter().take_while(|d| d.range.start - m.range.end <= 30).find(|d| !d.relative)
        {
            let between = &text[m.range.end..d.range.start];
            let between = between.strip_suffix("the ").unwrap_or(between);
            if LINK_AFTER.is_match(between) && !ctx.in_quote(&d.range) {
                attached = Some(Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) });
            }
        }
        // "the Istanbul Charter (1997)": a year in parentheses right after the name.
        if attached.is_none() {
            if let Some(y) = paren_year(&text[m.range.end..]) {
                let range = m.range.end + y.start..m.range.end + y.end;
                if let Ok(date) = PartialDate::parse(&text[range.clone()]) {
                    attached = Some(Dated { date, range: ctx.block.source_range(range) });
                }
            }
        }
        // A year just before the name.
        if attached.is_none() {
            let from = ceil_char_boundary(text, m.range.start.saturating_sub(12));
            let before = &text[from..m.range.start];
            if let Some(y) = year_ending(before) {
                let start = m.range.start - before.len() + y.start;
                let range = start..start + 4;
                // Dates are in order of start, and none is longer than a few dozen bytes
                // ("September 30th, 1990"): only those starting shortly before the year can
                // overlap it.
                let near = ctx.dates.partition_point(|d| d.range.start + MAX_DATE_LEN < range.start);
                let full_date = ctx.dates[near..]
                    .iter()
                    .take_while(|d| d.range.start < range.end)
                    .any(|d| range.start < d.range.end && d.range != range);
                if let (Ok(date), false) = (PartialDate::parse(&before[y]), full_date) {
                    attached = Some(Dated { date, range: ctx.block.source_range(range) });
                }
            }
        }
        if let Some(date) = attached {
            out.push(EventDate { event, name: ctx.block.source_range(m.range.clone()), date });
        }
    }
}

/// The blanks of the date and year patterns: ASCII spaces, tabs and line ends.
fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// The year in parentheses that `text` starts with, after any spaces ("` (1997)`"). The
/// regular expression `^[ \t\r\n]*\(([0-9]{4})\)` read by hand, as is [`year_ending`]'s:
/// compiling the two cost a 500-article run 0.6 M instructions, more than reading all its events.
/// A test compares them.
fn paren_year(text: &str) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let open = b.iter().take_while(|c| is_space(c)).count();
    let year = b.get(open..open + 6)?;
    (year[0] == b'(' && year[5] == b')' && year[1..5].iter().all(u8::is_ascii_digit))
        .then_some(open + 1..open + 5)
}

/// The year ending `text` but for spaces and a plural `'s` ("1990's "), starting a word (ASCII
/// word boundary). The regular expression `\b([0-9]{4})(?:'s|’s)?[ \t\r\n]+$` read by hand;
/// a test compares the two.
fn year_ending(text: &str) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let spaces = b.iter().rev().take_while(|c| is_space(c)).count();
    if spaces == 0 {
        return None;
    }
    let rest = &b[..b.len() - spaces];
    let rest = rest.strip_suffix(b"'s").or_else(|| rest.strip_suffix("’s".as_bytes())).unwrap_or(rest);
    let start = rest.len().checked_sub(4)?;
    let word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    (rest[start..].iter().all(u8::is_ascii_digit) && !start.checked_sub(1).is_some_and(|i| word(&rest[i])))
        .then_some(start..start + 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::LoadOptions;
    use std::sync::LazyLock;

    static RECORD: LazyLock<Record> =
        LazyLock::new(|| Record::load(&LoadOptions::default()).expect("default record"));
    static NAMES: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::new(&RECORD));

    fn one(text: &str) -> Quotation {
        let doc = crate::markdown::parse(text);
        let mut qs = extract(&doc, &RECORD, &NAMES, &Options::default()).quotations;
        assert_eq!(qs.len(), 1, "{text}: {qs:?}");
        qs.remove(0)
    }

    fn speaker(text: &str) -> Option<String> {
        one(text).speaker.person().map(|p| RECORD.people[p].id.clone())
    }

    fn date(text: &str) -> Option<String> {
        one(text).date.map(|d| d.date.to_string())
    }

    #[test]
    fn speech_cues_name_the_speaker() {
        assert_eq!(
            speaker("Baker told Gorbachev: \"we will not move one inch east of here\""),
            Some("baker".into())
        );
        assert_eq!(speaker("\"We will not move one inch east of here,\" Putin said."), Some("putin".into()));
        assert_eq!(
            speaker("\"We will not move one inch east of here,\" said Lavrov."),
            Some("lavrov".into())
        );
        assert_eq!(
            speaker("According to Lavrov, \"we will not move one inch east of here.\""),
            Some("lavrov".into())
        );
        assert_eq!(
            speaker("Baker's assurance \"we will not move one inch east\" mattered."),
            Some("baker".into())
        );
        assert_eq!(
            speaker("Zakharova: \"We will not move one inch east of here.\""),
            Some("zakharova".into())
        );
    }

    #[test]
    fn pronouns_roles_and_namesakes() {
        assert_eq!(
            speaker("Gorbachev spoke next. He said \"we will not move one inch east of here.\""),
            Some("gorbachev".into())
        );
        assert_eq!(
            speaker(
                "The British prime minister said in March 1991: \"we will not move one inch east of here.\""
            ),
            Some("major".into())
        );
        // A role without a date names nobody; a bare surname shared by namesakes neither.
        assert_eq!(
            speaker("The British prime minister said: \"we will not move one inch east of here.\""),
            None
        );
        assert_eq!(speaker("Stoltenberg said: \"we will not move one inch east of here.\""), None);
        assert_eq!(
            speaker("Jens Stoltenberg said: \"we will not move one inch east of here.\""),
            Some("stoltenberg-jens".into())
        );
    }

    #[test]
    fn statement_dates_skip_roles_and_quoted_words() {
        let matlock = "Jack F. Matlock, US ambassador to the USSR in 1990, stated that there was a \"clear commitment that the borders would not move\".";
        assert_eq!(date(matlock), None);
        assert_eq!(speaker(matlock), Some("matlock".into()));
        let adamishin = "Anatolii Adamishin, who was Soviet deputy foreign minister in 1990, claimed in 1997 that \"we were told NATO would not expand.\"";
        assert_eq!(date(adamishin), Some("1997".into()));
        assert_eq!(
            date("Gorbachev said in October 2014: \"the pact ceased to exist in 1991 and that was all.\""),
            Some("2014-10".into())
        );
        assert_eq!(
            date("Lavrov said 18 October 2021 that \"we suspend the work of our permanent mission.\""),
            Some("2021-10-18".into())
        );
    }

    #[test]
    fn terms_titles_and_objects_are_not_quotations() {
        let doc = crate::markdown::parse(
            "Moscow says NATO and its \"eastward expansion\" is the cause. The so-called “open door policy” stays. (Coit D. Blacker, \"Russia and the West,\" in Mandelbaum, ed., 1998.)",
        );
        assert!(extract(&doc, &RECORD, &NAMES, &Options::default()).quotations.is_empty());
    }

    #[test]
    fn blockquotes_are_one_quotation_with_their_attribution_line() {
        let q =
            one("> We are not talking about\n> the strengthening of NATO.\n>\n> — John Major, March 1991\n");
        assert_eq!(q.text, "We are not talking about the strengthening of NATO.");
        assert_eq!(q.speaker.person().map(|p| RECORD.people[p].id.as_str()), Some("major"));
        assert_eq!(q.date.map(|d| d.date.to_string()), Some("1991-03".into()));
        assert!(q.blockquote);
    }

    #[test]
    fn events_with_an_attached_date() {
        let doc = crate::markdown::parse(
            "Russia did the same with the NATO Russia Founding Act in 1996. The 1997 NATO-Russia Founding Act stands. In 2002, long after the Founding Act, the NRC met.",
        );
        let events = extract(&doc, &RECORD, &NAMES, &Options::default()).events;
        let dates: Vec<String> = events.iter().map(|e| e.date.date.to_string()).collect();
        assert_eq!(dates, vec!["1996", "1997"]);
    }

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

    /// [`for_each_word_span`] as first written, char by char: the oracle for the byte-table
    /// scan.
    fn word_spans_by_char(text: &str) -> Vec<(usize, usize)> {
        let mut at = 0;
        let part =
            |c: char, started: bool| c.is_alphanumeric() || c == '-' || ((c == '\'' || c == '’') && started);
        std::iter::from_fn(move || {
            while let Some(c) = char_at(text, at) {
                at += c.len_utf8();
                if !part(c, false) {
                    continue;
                }
                let start = at - c.len_utf8();
                while let Some(c) = char_at(text, at).filter(|&c| part(c, true)) {
                    at += c.len_utf8();
                }
                return Some((start, start + text[start..at].trim_end_matches(['\'', '’', '-']).len()));
            }
            None
        })
        .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn the_year_patterns_read_by_hand_are_the_regular_expressions(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "1997", "199", "0", "(", ")", " ", "\t", "\n", "\r", "'s", "’s", "s", "'", "a", "_", "é", "x(", ".",
            ][..]), 0..10)
        ) {
            static BEFORE: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{4})(?:'s|’s)?[\x20\t\r\n]+$").unwrap());
            static PAREN: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^[\x20\t\r\n]*\(([0-9]{4})\)").unwrap());
            let text: String = pieces.concat();
            let group = |re: &Regex| re.captures(&text).map(|c| c.get(1).unwrap().range());
            proptest::prop_assert_eq!(year_ending(&text), group(&BEFORE), "{:?}", text);
            proptest::prop_assert_eq!(paren_year(&text), group(&PAREN), "{:?}", text);
        }

        #[test]
        fn the_byte_table_finds_the_words_reading_by_char_finds(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "a", "Z", "7", "-", "'", "’", " ", ".", ",", "é", "Ö", "ß", "٣", "—", "“", "\u{301}", "x'", "--", "''",
            ][..]), 0..24)
        ) {
            let text: String = pieces.concat();
            let mut found: Vec<(usize, usize)> = Vec::new();
            for_each_word_span(&text, |s, e| found.push((s, e)));
            proptest::prop_assert_eq!(found, word_spans_by_char(&text), "{:?}", text);
        }
    }
}
