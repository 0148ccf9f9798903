//! Finding people, roles and events named in prose, by every name the record gives them.
//!
//! Built once per record. Names of people must be capitalised as written ("Major" the prime
//! minister, not "a major change"); role phrases, event names and bodies' names of several
//! words ("allied leaders") match in any case. The longest
//! name wins where names overlap ("NATO's secretary general" over "NATO").

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::RecordView;
use quotelint_text::lexicon::lexicon;
use quotelint_text::normalize::{
    british_spellings, is_british, normalize_word, normalizes_to_lower_case, pass_by, Token, Tokens, WordKey,
    WordSet,
};

/// What a name can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Person(usize),
    Role(usize),
    Event(usize),
}

/// The entries one mention names: almost always one, held inline (a long paragraph has millions
/// of mentions), and rarely a few (a bare "Stoltenberg").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Targets {
    One(Target),
    Many(Box<[Target]>),
}

impl std::ops::Deref for Targets {
    type Target = [Target];

    fn deref(&self) -> &[Target] {
        match self {
            Targets::One(t) => std::slice::from_ref(t),
            Targets::Many(ts) => ts,
        }
    }
}

impl Targets {
    /// The targets of a mention, held inline when there is one.
    fn of(targets: &[Target]) -> Self {
        match targets {
            [one] => Targets::One(*one),
            _ => Targets::Many(targets.into()),
        }
    }
}

impl From<Vec<Target>> for Targets {
    fn from(mut targets: Vec<Target>) -> Self {
        match targets.as_slice() {
            [one] => Targets::One(*one),
            _ => {
                targets.shrink_to_fit();
                Targets::Many(targets.into_boxed_slice())
            }
        }
    }
}

/// A name found in a text, with every entry it may name (a bare "Stoltenberg" names two people).
#[derive(Debug, Clone)]
pub struct Mention {
    pub range: Range<usize>,
    pub targets: Targets,
    /// Written with a possessive `'s` ("Baker's assurance").
    pub possessive: bool,
}

impl Mention {
    /// The one person this mention names, if it names exactly one person and nothing else.
    pub fn person(&self) -> Option<usize> {
        match &*self.targets {
            [Target::Person(p)] => Some(*p),
            _ => None,
        }
    }

    pub fn is_person(&self) -> bool {
        self.targets.iter().all(|t| matches!(t, Target::Person(_)))
    }

    pub fn roles(&self) -> impl Iterator<Item = usize> + '_ {
        self.targets.iter().filter_map(|t| match t {
            Target::Role(r) => Some(*r),
            _ => None,
        })
    }

    pub fn events(&self) -> impl Iterator<Item = usize> + '_ {
        self.targets.iter().filter_map(|t| match t {
            Target::Event(e) => Some(*e),
            _ => None,
        })
    }
}

#[derive(Debug, PartialEq)]
struct Name {
    words: Vec<Cow<'static, str>>,
    /// For people: which words must start with a capital letter in the text.
    capitals: Vec<bool>,
    target: Target,
    /// Each word's key, which a word of the text is compared with (see [`Word::is`]).
    keys: Vec<Option<WordKey>>,
    /// Bit `k` set: the word before word `k` is a passive's auxiliary (see
    /// [`after_auxiliary`](Name::after_auxiliary)); for the first 64 words.
    auxiliaries: u64,
}

impl Name {
    fn new(words: Vec<Cow<'static, str>>, capitals: Vec<bool>, target: Target) -> Self {
        let keys = words.iter().map(|w| WordKey::of(w)).collect();
        let auxiliaries = (1..words.len().min(64))
            .filter(|&k| AUXILIARIES.contains(&words[k - 1].as_ref()))
            .fold(0, |bits, k| bits | 1 << k);
        Name { words, capitals, target, keys, auxiliaries }
    }

    /// Whether the word before word `k` is a passive's auxiliary, after which one adverb of the
    /// text is passed over ("the Warsaw Pact was formally dissolved").
    fn after_auxiliary(&self, k: usize) -> bool {
        match k {
            0 => false,
            1..64 => self.auxiliaries & 1 << k != 0,
            _ => AUXILIARIES.contains(&self.words[k - 1].as_ref()),
        }
    }
}

/// The names that start with one word, longest first, and which of them each second word
/// can continue: "the" starts dozens of role and event names, and an article's "the" is read
/// against the few whose second word it has, not all of them.
#[derive(Debug)]
struct Group {
    names: Vec<Name>,
    /// Positions in `names` of the names of one word, and of those of more by their second word
    /// (in lower case); each list in the order of `names`.
    one_word: Vec<u32>,
    by_second: HashMap<Cow<'static, str>, Vec<u32>>,
    /// Every name has a second word that must be written with a capital ("the North Atlantic
    /// Alliance", "the Czech Republic").
    capital_second: bool,
    /// A filter of the keys of the names' second words and their British spellings: a plain
    /// word next whose key is not in it continues no name (see [`Group::may_continue`]).
    /// `None` when a name may pass an adverb over at its second word.
    seconds: Option<[u64; 16]>,
}

/// Where a word's key falls in a group's 1,024-bit filter of second words: which of its 16
/// words, and which bit of it (the hash's top ten bits).
fn filter_bit(key: WordKey) -> (usize, u64) {
    let bit = (key.hash() >> 54) as usize;
    (bit / 64, 1 << (bit % 64))
}

impl Group {
    fn new(names: Vec<Name>) -> Self {
        let (mut one_word, mut by_second) = (Vec::new(), HashMap::<Cow<'static, str>, Vec<u32>>::default());
        for (i, name) in names.iter().enumerate() {
            match name.words.get(1) {
                None => one_word.push(i as u32),
                Some(second) => {
                    by_second.entry(Cow::Owned(second.to_lowercase())).or_default().push(i as u32)
                }
            }
        }
        let capital_second = names.iter().all(|n| n.capitals.get(1).is_some_and(|&capital| capital));
        let seconds = (!names.iter().any(|n| n.after_auxiliary(1))).then(|| {
            let mut filter = [0u64; 16];
            let mut add = |w: &str| {
                if let Some(key) = WordKey::of(w) {
                    let (word, bit) = filter_bit(key);
                    filter[word] |= bit;
                }
            };
            for second in names.iter().filter_map(|n| n.words.get(1)) {
                add(second);
                british_spellings(second).for_each(&mut add);
            }
            filter
        });
        Group { names, one_word, by_second, capital_second, seconds }
    }

    /// Whether a name of more than one word may go on with the next word, a plain word read in
    /// one loop (`None`: the next word is not such a word, or there is none, and it may): it
    /// normalizes to its lower case or its American spelling, and neither is a second word
    /// when its key is not in the filter. A word longer than 16 bytes has no key, and may.
    fn may_continue(&self, next: Option<&str>) -> bool {
        let (Some(filter), Some(next)) = (&self.seconds, next) else { return true };
        WordKey::of(next).is_none_or(|key| {
            let (word, bit) = filter_bit(key);
            filter[word] & bit != 0
        })
    }

    /// The positions of the names of more than one word whose second word is `second` (none:
    /// the text ends), in the order of `names`.
    fn continuing(&self, second: Option<&str>) -> &[u32] {
        let Some(w) = second else { return &[] };
        let found = if w.bytes().any(|b| b.is_ascii_uppercase()) {
            let mut buf = [0; 32];
            match quotelint_text::normalize::ascii_lower(w, &mut buf) {
                Some(lower) => self.by_second.get(lower),
                None => self.by_second.get(w.to_ascii_lowercase().as_str()),
            }
        } else {
            self.by_second.get(w)
        };
        found.map_or(&[], Vec::as_slice)
    }
}

/// Two ascending lists of positions as one, without a copy.
fn merged<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x < y => {
                i += 1;
                x
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => return None,
        };
        Some(next)
    })
}

/// Groups of more names than this are tried by their second word (see [`Group`]).
const MANY_NAMES: usize = 6;

/// Every name of the record, keyed by its first word.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// The written words (in lower case) that normalize to the first word of a name: each
    /// first word at its place in `names`, then the British spellings of first words. A plain
    /// word (see [`is_plain`](quotelint_text::normalize::is_plain)) not in it starts no name and
    /// need not be normalized; one that is in it among the first `firsts` words is looked up
    /// no more.
    starts: WordSet,
    /// How many of `starts` are first words.
    firsts: usize,
    /// The names that start with each first word, longest first: read from `prebuilt` when
    /// first needed (a run tries a few first words), or built with the index.
    names: Vec<OnceLock<Group>>,
    prebuilt: Option<&'static PrebuiltNames>,
}

impl PartialEq for NameIndex {
    /// The same names by first word, read or built, and the same starts.
    fn eq(&self, other: &Self) -> bool {
        self.firsts == other.firsts
            && self.first_words().all(|first| self.names_starting(first) == other.names_starting(first))
            && self.start_set() == other.start_set()
    }
}

/// A [`NameIndex`] as static tables (see [`crate::prebuilt`]).
pub struct PrebuiltNames {
    pub strings: &'static str,
    /// Each first word with the range of its names in `names`, in the order they are tried.
    pub keys: &'static [(u32, u32, u32, u32)],
    /// Each name: the range of its words in `words` (and of their capitals in `capitals`), and
    /// what it names (0 a person, 1 a role, 2 an event; its index).
    pub names: &'static [(u32, u32, u8, u32)],
    pub words: &'static [(u32, u32)],
    pub capitals: &'static [bool],
    /// The British spellings of first words (that are not first words themselves).
    pub british: &'static [(u32, u32)],
}

impl std::fmt::Debug for PrebuiltNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrebuiltNames({} first words)", self.keys.len())
    }
}

impl NameIndex {
    /// The index as Rust source of a [`PrebuiltNames`] (`build.rs` writes it).
    pub fn to_rust(&self) -> String {
        use std::fmt::Write;
        let mut blob = crate::prebuilt::Blob::default();
        let (mut keys, mut names, mut words, mut capitals) =
            (String::new(), String::new(), String::new(), String::new());
        let (mut name_count, mut word_count) = (0, 0);
        let mut firsts: Vec<&str> = self.first_words().collect();
        firsts.sort();
        for first in firsts {
            let list = self.names_starting(first).unwrap_or_default();
            let _ = write!(keys, "({}, {name_count}, {}), ", blob.push(first), name_count + list.len());
            name_count += list.len();
            for name in list {
                let (kind, i) = match name.target {
                    Target::Person(i) => (0, i),
                    Target::Role(i) => (1, i),
                    Target::Event(i) => (2, i),
                };
                let end = word_count + name.words.len();
                let _ = write!(names, "({word_count}, {end}, {kind}, {i}), ");
                for w in &name.words {
                    let _ = write!(words, "({}), ", blob.push(w));
                }
                capitals.extend(name.capitals.iter().map(|c| format!("{c}, ")));
                word_count = end;
            }
        }
        let mut british: Vec<&str> = self.starts.iter().skip(self.firsts).collect();
        british.sort_unstable();
        let british: String = british.iter().map(|s| format!("({}), ", blob.push(s))).collect();
        format!(
            "quotelint_record::names::PrebuiltNames {{ strings: {:?}, keys: &[{keys}], names: &[{names}], \
             words: &[{words}], capitals: &[{capitals}], british: &[{british}] }}",
            blob.0
        )
    }

    /// The index the tables hold; the names of a first word are read from them when first
    /// needed.
    pub fn from_prebuilt(p: &'static PrebuiltNames) -> Self {
        let text = |span| Cow::Borrowed(crate::prebuilt::span(p.strings, span));
        let firsts = p.keys.iter().map(|&(start, end, _, _)| text((start, end)));
        let starts = WordSet::new(firsts.chain(p.british.iter().map(|&s| text(s))));
        let names = p.keys.iter().map(|_| OnceLock::new()).collect();
        NameIndex { starts, firsts: p.keys.len(), names, prebuilt: Some(p) }
    }

    /// The starts, sorted: what the index is compared and written by.
    fn start_set(&self) -> Vec<&str> {
        let mut starts: Vec<&str> = self.starts.iter().collect();
        starts.sort_unstable();
        starts
    }

    /// Each word that starts a name, at its place in `names`.
    fn first_words(&self) -> impl Iterator<Item = &str> {
        self.starts.iter().take(self.firsts)
    }

    /// The place in `names` of the names that start with the normalized word `word`.
    fn first(&self, word: &str) -> Option<usize> {
        self.starts.position(word).filter(|&i| i < self.firsts)
    }

    /// The names that start with `first`, longest first.
    fn names_starting(&self, first: &str) -> Option<&[Name]> {
        self.group(first).map(|g| g.names.as_slice())
    }

    fn group(&self, first: &str) -> Option<&Group> {
        self.first(first).map(|i| self.group_at(i))
    }

    /// The names that start with the first word at `i`.
    fn group_at(&self, i: usize) -> &Group {
        self.names[i].get_or_init(|| {
            let p = self.prebuilt.expect("names not built with the index are in the tables");
            let (_, _, from, to) = p.keys[i];
            let names = p.names[from as usize..to as usize]
                .iter()
                .map(|&(from, to, kind, i)| {
                    let (from, to, i) = (from as usize, to as usize, i as usize);
                    let target = match kind {
                        0 => Target::Person(i),
                        1 => Target::Role(i),
                        _ => Target::Event(i),
                    };
                    let words = crate::prebuilt::words(p.strings, &p.words[from..to]);
                    Name::new(words, p.capitals[from..to].to_vec(), target)
                })
                .collect();
            Group::new(names)
        })
    }

    pub fn new(record: &impl RecordView) -> Self {
        let mut by_first = HashMap::default();
        for (i, p) in record.people().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases).chain(&p.misspellings) {
                // A body's name of several words is a phrase ("allied leaders", "NATO foreign
                // ministers"), written in any case; a person's name, and a one-word body
                // ("NATO"), keep their capitals.
                let phrase =
                    p.kind != crate::schema::SpeakerKind::Person && name.split_whitespace().nth(1).is_some();
                Self::add(record, &mut by_first, name, !phrase, Target::Person(i));
            }
        }
        for (i, r) in record.roles().enumerate() {
            for phrase in &r.phrases {
                Self::add(record, &mut by_first, phrase, false, Target::Role(i));
            }
        }
        for (i, e) in record.events().enumerate() {
            for name in e.all_names() {
                for name in event_phrasings(&name) {
                    Self::add(record, &mut by_first, &name, false, Target::Event(i));
                }
            }
        }
        let mut index = NameIndex::default();
        let mut british = std::collections::BTreeSet::new();
        let mut firsts = Vec::new();
        for (first, mut names) in by_first {
            names.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
            british.extend(british_spellings(&first).map(|w| Cow::Owned(w.to_owned())));
            firsts.push(first);
            index.names.push(OnceLock::from(Group::new(names)));
        }
        // A normalized word is no British spelling; kept apart all the same.
        british.retain(|w: &Cow<'static, str>| !firsts.contains(w));
        index.firsts = firsts.len();
        index.starts = WordSet::new(firsts.into_iter().chain(british));
        index
    }

    /// Adds a name to the names by first word, while the index is built.
    fn add(
        record: &impl RecordView,
        by_first: &mut HashMap<Cow<'static, str>, Vec<Name>>,
        name: &str,
        case_sensitive: bool,
        target: Target,
    ) {
        let mut words = Vec::new();
        let mut capitals = Vec::new();
        for (token, range) in record.tokens_of(name) {
            if let Token::Word(w) = token {
                capitals.push(case_sensitive && name[range].starts_with(char::is_uppercase));
                words.push(w);
            }
        }
        // "the British leader" and "British leader" are the same phrase.
        if !case_sensitive && words.len() > 1 && words[0] == "the" {
            words.remove(0);
            capitals.remove(0);
        }
        if let Some(first) = words.first().cloned() {
            let names = by_first.entry(first).or_default();
            if let Some(same) = names.iter_mut().find(|n| n.words == words && n.target == target) {
                // Keep the laxer capitalisation of two spellings of one name.
                for (c, other) in same.capitals.iter_mut().zip(&capitals) {
                    *c &= *other;
                }
            } else {
                names.push(Name::new(words, capitals, target));
            }
        }
    }

    /// Whether the name of an event starts with the written words `first` and `second`
    /// ("Stoltenberg took" starts "Stoltenberg took over from Rasmussen"): two look-ups, so
    /// that a person's name is tried as the subject of an event's name only where one fits.
    pub fn starts_event_name(&self, first: &str, second: &str) -> bool {
        let mut normalized = Vec::new();
        let mut one = |word: &str| {
            if normalizes_to_lower_case(word) {
                return Some(word.to_ascii_lowercase());
            }
            normalize_word(word, &mut normalized);
            let w = (normalized.len() == 1).then(|| normalized[0].clone());
            normalized.clear();
            w
        };
        let (Some(first), Some(second)) = (one(first), one(second)) else { return false };
        self.names_starting(&first).is_some_and(|names| {
            names
                .iter()
                .any(|n| matches!(n.target, Target::Event(_)) && n.words.get(1).is_some_and(|w| *w == second))
        })
    }

    /// Every name in `text`, longest first where they overlap, in order. Words are read as
    /// they are needed, a name's length ahead at most, so a long paragraph costs no more
    /// memory than a short one; and a word is normalized only when it may start a name or
    /// continue one that may, since most words of prose start none. Each word read is looked up
    /// once among the words that start names, and keyed once for comparing with names' words.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut window = Window {
            index: self,
            text,
            units: Tokens::new(text),
            written: Vec::new(),
            words: Vec::with_capacity(16),
            head: 0,
        };
        // The entries named by the longest names that fit, reused from one word to the next.
        let mut targets = Vec::new();
        let mut out = Vec::with_capacity((text.len() / 64).min(256));
        loop {
            // Nothing pending: pass by, without normalizing, the words that start no name.
            if window.len() == 0 {
                let Some((range, at)) = window.units.next_word_in(&self.starts) else { break };
                // A plain word that starts names, and a next word that continues none of them,
                // told from its bytes: only the names of one word can fit, tried here without
                // reading on.
                if let Some(i) = at.filter(|&i| i < self.firsts) {
                    let group = self.group_at(i);
                    if !group.may_continue(window.units.peek_plain().map(|next| &text[next])) {
                        // A plain word is ASCII, without an apostrophe: no possessive.
                        let capital = text.as_bytes()[range.start].is_ascii_uppercase();
                        let mut found = None;
                        for name in group.one_word.iter().map(|&j| &group.names[j as usize]) {
                            if capital || !name.capitals[0] {
                                add_fit(&mut found, &mut targets, 1, name.target);
                            }
                        }
                        if found.is_some() {
                            out.push(Mention { range, targets: Targets::of(&targets), possessive: false });
                        }
                        continue;
                    }
                }
                window.push(range, at.is_some(), at);
            }
            if !window.read_start() {
                break;
            }
            let Some(&Word { ref range, first, .. }) = window.get(0) else { break };
            let first_end = range.end;
            // A contraction gives two words over the same bytes ("Putin'll"): never start a
            // mention inside the previous one.
            if out.last().is_some_and(|m: &Mention| range.start < m.range.end) {
                window.pop(1);
                continue;
            }
            let Some(first) = first else {
                window.pop(1);
                continue;
            };
            let group = self.group_at(first as usize);
            let names = &group.names;
            // "the" before "pace": when every name needs a capital next and the next word, not
            // yet read, begins with a lower-case letter, none fits. The bytes after the word
            // tell (a bracket, a dot or a non-ASCII character next is left to the reading).
            if window.len() == 1
                && group.capital_second
                && text.as_bytes().get(pass_by(text, first_end)).is_some_and(u8::is_ascii_lowercase)
            {
                window.pop(1);
                continue;
            }
            // Many names start with this word ("the"): the second word is read now, and only the
            // names it can continue are tried.
            let many = names.len() > MANY_NAMES;
            let continuing = if many { group.continuing(window.read(1).map(|w| w.tok.text())) } else { &[] };
            let all = (!many).then(|| names.iter()).into_iter().flatten();
            let some = many.then(|| merged(&group.one_word, continuing)).into_iter().flatten();
            let some = some.map(|i| &names[i as usize]);
            let mut found: Option<usize> = None;
            for name in all.chain(some) {
                let n = name.words.len();
                if found.is_some_and(|len| len > n) {
                    break; // sorted longest first: shorter names cannot win now
                }
                // The words after the first are read as a name needs them: most fail at the second.
                let mut fits = true;
                // Words of the text passed over inside the name: one adverb after a passive's
                // auxiliary ("the Warsaw Pact was formally dissolved").
                let mut skipped = 0;
                for k in 0..n {
                    let Some(word) = window.read(k + skipped) else {
                        fits = false; // the text ends first
                        break;
                    };
                    if k > 0
                        && skipped == 0
                        && name.after_auxiliary(k)
                        && !word.is(name, k)
                        && is_adverb(word.tok.text())
                    {
                        skipped = 1;
                    }
                    let Some(word) = window.read(k + skipped) else {
                        fits = false;
                        break;
                    };
                    // The first word is the one the names were looked up by: only its case is left.
                    if (k > 0 && !word.is(name, k)) || (name.capitals[k] && !word.capital) {
                        fits = false;
                        break;
                    }
                }
                if fits {
                    add_fit(&mut found, &mut targets, n + skipped, name.target);
                }
            }
            match found {
                Some(n) => {
                    let (Some(first), Some(last)) = (window.get(0), window.get(n - 1)) else { break };
                    let range = first.range.start..last.range.end;
                    let written = &text[range.clone()];
                    let possessive = written.ends_with("'s") || written.ends_with("’s");
                    out.push(Mention { range, targets: Targets::of(&targets), possessive });
                    window.pop(n);
                }
                None => window.pop(1),
            }
        }
        out
    }
}

const AUXILIARIES: &[&str] = lexicon().passive_event_auxiliaries;

/// Whether a normalized word is an adverb ("formally"), by the lexicon's reading.
fn is_adverb(word: &str) -> bool {
    lexicon().is_adverb(word)
}

/// An event's name and the other tenses and clauses of a passive one: "the Warsaw Pact was
/// dissolved" is also written "the Warsaw Pact is dissolved" (a timeline's present), "the
/// Warsaw Pact, dissolved in …" (a participle clause; commas are not part of names) and "the
/// Warsaw Pact, which was dissolved in …".
fn event_phrasings(name: &str) -> Vec<String> {
    let mut out = vec![name.to_owned()];
    for (past, present) in [(" was ", " is "), (" were ", " are ")] {
        if let Some(at) = name.find(past) {
            let (subject, rest) = (&name[..at], &name[at + past.len()..]);
            out.push(format!("{subject}{present}{rest}"));
            out.push(format!("{subject} {rest}"));
            out.push(format!("{subject} which{past}{rest}"));
        }
    }
    out
}

/// A normalized word of the text being searched: most are written words whose normal form is
/// their lower case, compared as written without being copied.
enum Tok<'t> {
    /// A written word that normalizes to its own (ASCII) lower case.
    Lower(&'t str),
    Normalized(String),
}

impl Tok<'_> {
    /// The word, as written or normalized: to be looked up in a [`WordSet`] of normalized
    /// words, which compares in any ASCII case.
    fn text(&self) -> &str {
        match self {
            Tok::Lower(written) => written,
            Tok::Normalized(word) => word,
        }
    }
}

/// A word of the text being searched, read once: normalized, keyed, and looked up among the
/// words that start names.
struct Word<'t> {
    tok: Tok<'t>,
    /// The written word it is (or is part of).
    range: Range<usize>,
    key: Option<WordKey>,
    /// The place in the index's `names` of the names it starts.
    first: Option<u32>,
    /// Written with a capital first.
    capital: bool,
}

impl Word<'_> {
    /// Whether this is word `k` of `name`, which (normalized) is lower case: the written word
    /// is it in any ASCII case, and a normalized one has no upper case to differ by. By their
    /// keys where both have one.
    #[inline]
    fn is(&self, name: &Name, k: usize) -> bool {
        match (self.key, name.keys[k]) {
            (Some(a), Some(b)) => a == b,
            _ => self.tok.text().eq_ignore_ascii_case(&name.words[k]),
        }
    }
}

/// The words of a text read and not yet passed: a name's length ahead at most.
struct Window<'i, 't> {
    index: &'i NameIndex,
    text: &'t str,
    units: Tokens<'t>,
    /// Reused for the normalized words of a written word.
    written: Vec<String>,
    /// The words from `head` on are pending; those before it are passed.
    words: Vec<Word<'t>>,
    head: usize,
}

impl<'t> Window<'_, 't> {
    fn len(&self) -> usize {
        self.words.len() - self.head
    }

    /// The pending word at `i`.
    fn get(&self, i: usize) -> Option<&Word<'t>> {
        self.words.get(self.head + i)
    }

    /// Passes the first `n` pending words.
    fn pop(&mut self, n: usize) {
        self.head += n;
        if self.head >= self.words.len() {
            self.words.clear();
            self.head = 0;
        } else if self.head >= 64 {
            // Words that follow one another and each start a name keep the window from
            // emptying: the passed ones are dropped now and then.
            self.words.drain(..self.head);
            self.head = 0;
        }
    }

    /// The pending word at `i`, read on as far as it (`None`: the text ends first).
    fn read(&mut self, i: usize) -> Option<&Word<'t>> {
        while self.len() <= i {
            let (range, plain) = self.units.next_word_plain()?;
            self.push(range, plain, None);
        }
        self.get(i)
    }

    /// With nothing pending, reads on to the next word that may start a name: false when the
    /// text ends first.
    fn read_start(&mut self) -> bool {
        while self.len() == 0 {
            let Some((range, at)) = self.units.next_word_in(&self.index.starts) else { return false };
            self.push(range, at.is_some(), at);
        }
        true
    }

    /// The normalized words of the written word at `range`, onto the window: a [plain]
    /// (quotelint_text::normalize::is_plain) word as written unless it is a British spelling.
    /// `at`: its place in the index's `starts`, when looked up already.
    fn push(&mut self, range: Range<usize>, plain: bool, at: Option<usize>) {
        let word = &self.text[range.clone()];
        let capital = match word.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => word.starts_with(char::is_uppercase),
        };
        if plain {
            let (starts, firsts) = (&self.index.starts, self.index.firsts);
            match at.or_else(|| starts.position(word)) {
                Some(i) if i < firsts => {
                    let (tok, key, first) = (Tok::Lower(word), WordKey::of(word), Some(i as u32));
                    self.words.push(Word { tok, range, key, first, capital });
                    return;
                }
                // A British spelling of a first word: normalized below.
                Some(_) => {}
                None if !is_british(word) => {
                    let (tok, key) = (Tok::Lower(word), WordKey::of(word));
                    self.words.push(Word { tok, range, key, first: None, capital });
                    return;
                }
                None => {}
            }
        }
        normalize_word(word, &mut self.written);
        for w in self.written.drain(..) {
            let (key, first) = (WordKey::of(&w), self.index.first(&w).map(|i| i as u32));
            self.words.push(Word { tok: Tok::Normalized(w), range: range.clone(), key, first, capital });
        }
    }
}

/// Adds a name of `n` words that fits to the longest found so far (names are tried longest
/// first): one more target for one as long, or the first of a longer one.
fn add_fit(found: &mut Option<usize>, targets: &mut Vec<Target>, n: usize, target: Target) {
    match found {
        Some(len) if *len == n => {
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
        _ => {
            *found = Some(n);
            targets.clear();
            targets.push(target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quotelint_text::normalize::tokens;

    /// Two ascending lists merge into one, each position once and in order.
    #[test]
    fn positions_merge_in_order() {
        assert_eq!(merged(&[0, 3, 5], &[1, 2, 6]).collect::<Vec<_>>(), vec![0, 1, 2, 3, 5, 6]);
        assert_eq!(merged(&[], &[4]).collect::<Vec<_>>(), vec![4]);
        assert_eq!(merged(&[2], &[]).collect::<Vec<_>>(), vec![2]);
    }
    /// The default record, every file under `rules/` decoded and merged in order, as the build
    /// merges it.
    fn default_record() -> crate::schema::RecordFile {
        fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("rules/").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    collect(&path, out);
                } else if matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        collect(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules")), &mut files);
        files.sort();
        let mut record = crate::schema::RecordFile::default();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a record file");
            let decoded: Option<crate::schema::RecordFile> = serde_norway::from_str(&text).expect("decodes");
            let decoded = decoded.unwrap_or_default();
            record.roles.extend(decoded.roles);
            record.people.extend(decoded.people);
            record.quotations.extend(decoded.quotations);
            record.events.extend(decoded.events);
        }
        record
    }

    /// What [`NameIndex::find`] reads lazily, read eagerly: every word normalized and tried as
    /// the start of every name.
    fn eager(index: &NameIndex, text: &str) -> Vec<(Range<usize>, Vec<Target>)> {
        let toks: Vec<(String, Range<usize>)> = tokens(text)
            .into_iter()
            .filter_map(|(t, r)| match t {
                Token::Word(w) => Some((w, r)),
                _ => None,
            })
            .collect();
        let mut out: Vec<(Range<usize>, Vec<Target>)> = Vec::new();
        let mut p = 0;
        while p < toks.len() {
            if out.last().is_some_and(|(r, _)| toks[p].1.start < r.end) {
                p += 1;
                continue;
            }
            let (mut found, mut targets) = (None, Vec::new());
            for name in index.names_starting(&toks[p].0).into_iter().flatten() {
                let n = name.words.len();
                if found.is_some_and(|len| len > n) {
                    break;
                }
                // One adverb after an auxiliary of the name is passed over.
                let mut skipped = 0;
                let fits = name.words.iter().enumerate().all(|(k, w)| {
                    let at = |skipped: usize| toks.get(p + k + skipped);
                    if k > 0
                        && skipped == 0
                        && at(0).is_some_and(|(word, _)| word != w && is_adverb(word))
                        && AUXILIARIES.contains(&name.words[k - 1].as_ref())
                    {
                        skipped = 1;
                    }
                    at(skipped).is_some_and(|(word, range)| {
                        word == w
                            && (!name.capitals[k] || text[range.clone()].starts_with(char::is_uppercase))
                    })
                });
                if fits {
                    add_fit(&mut found, &mut targets, n + skipped, name.target);
                }
            }
            match found {
                Some(n) => {
                    out.push((toks[p].1.start..toks[p + n - 1].1.end, targets));
                    p += n;
                }
                None => p += 1,
            }
        }
        out
    }

    /// One adverb after a passive name's auxiliary is passed over; a word that is no adverb,
    /// or a second adverb, is not.
    #[test]
    fn an_adverb_after_the_auxiliary_is_passed_over() {
        let index = NameIndex::new(&default_record());
        fn found<'t>(index: &NameIndex, text: &'t str) -> Vec<&'t str> {
            index.find(text).into_iter().map(|m| &text[m.range]).collect()
        }
        let found = |text: &'static str| found(&index, text);
        assert_eq!(found("The Warsaw Pact was formally dissolved."), ["Warsaw Pact was formally dissolved"]);
        assert_eq!(
            found("The Warsaw Pact is officially dissolved."),
            ["Warsaw Pact is officially dissolved"]
        );
        assert!(found("The Warsaw Pact was quietly and formally dissolved.").is_empty());
        assert!(found("The Warsaw Pact was only dissolved.").is_empty());
        // A name whose first word is the auxiliary: the adverb comes right after the word the
        // names are looked up by, and the next word alone does not rule the name out.
        let mut record = default_record();
        record.roles[0].phrases.push("were disbanded".into());
        let index = NameIndex::new(&record);
        let text = "Units were formally disbanded.";
        let found: Vec<&str> = index.find(text).into_iter().map(|m| &text[m.range]).collect();
        assert_eq!(found, ["were formally disbanded"]);
    }

    #[test]
    fn finding_lazily_finds_what_reading_every_word_finds() {
        let mut record = default_record();
        // A name whose first word has a British spelling.
        record.roles[0].phrases.push("defense planners".into());
        // A name of capitalised words that one contraction writes: "Can't" is "Can Not".
        record.people[0].aliases.push("Can Not".into());
        // Words longer than 16 bytes, which have no key and are compared as text, first and
        // after; and one that starts a name in its British spelling.
        record.people[1].aliases.push("Plenipotentiaryextraordinary Counterintelligences".into());
        record.roles[1].phrases.push("counterintelligences directorate".into());
        record.roles[1].phrases.push("the defense counterintelligences".into());
        // A second word with a British spelling, which the filter of second words must hold.
        record.roles[2].phrases.push("allied defense ministers".into());
        let index = NameIndex::new(&record);
        let contracted = "Can't stop";
        let found: Vec<(usize, usize)> =
            index.find(contracted).into_iter().map(|m| (m.range.start, m.range.end)).collect();
        assert_eq!(found, [(0, 5)], "{contracted}");
        // Every name whole, as written and lower-cased, and single words of names, so that
        // names follow one another, overlap and break off; and words that normalize in every
        // way: British spellings, possessives, contractions, diacritics, brackets, elisions.
        let mut vocabulary: Vec<String> = Vec::new();
        let names = record.people.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.aliases));
        let names = names
            .chain(record.roles.iter().flat_map(|r| &r.phrases))
            .chain(record.events.iter().flat_map(|e| &e.names));
        for name in names {
            vocabulary.push(name.clone());
            vocabulary.push(name.to_lowercase());
            vocabulary.push(name.to_uppercase());
            vocabulary.push(name.replace("defense", "defence").replace("Defense", "Defence"));
            vocabulary.extend(name.split(' ').map(str::to_owned));
        }
        vocabulary.extend(
            [
                "Putin's",
                "Baker’s",
                "can't",
                "cannot",
                "Gorbachëv",
                "Wörner",
                "[Putin]",
                "...",
                "the",
                "said",
                "”",
                "1990",
                "formally",
                "only",
                "Defence",
                "defence's",
                "COUNTERINTELLIGENCES",
                "Counterintelligences'",
            ]
            .map(str::to_owned),
        );
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut mentions = 0;
        for _ in 0..3000 {
            let words: Vec<&str> = (0..16).map(|_| vocabulary[next(vocabulary.len())].as_str()).collect();
            let text = words.join(if next(4) == 0 { ", " } else { " " });
            let found: Vec<(Range<usize>, Vec<Target>)> =
                index.find(&text).into_iter().map(|m| (m.range, m.targets.to_vec())).collect();
            assert_eq!(found, eager(&index, &text), "{text}");
            mentions += found.len();
        }
        assert!(mentions > 20_000, "{mentions}");
    }
}
