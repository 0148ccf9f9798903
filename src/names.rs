//! Finding people, roles and events named in prose, by every name the record gives them.
//!
//! Built once per record. Names of people must be capitalised as written ("Major" the prime
//! minister, not "a major change"); role phrases and event names match in any case. The longest
//! name wins where names overlap ("NATO's secretary general" over "NATO").

use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::ops::Range;

use crate::normalize::{tokens, Token, Tokens};
use crate::record::Record;

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

#[derive(Debug)]
struct Name {
    words: Vec<String>,
    /// For people: which words must start with a capital letter in the text.
    capitals: Vec<bool>,
    target: Target,
}

/// Every name of the record, keyed by its first word.
#[derive(Debug, Default)]
pub struct NameIndex {
    by_first: HashMap<String, Vec<Name>>,
    /// Words in the longest name: how far ahead finding names has to look.
    longest: usize,
}

impl NameIndex {
    pub fn new(record: &Record) -> Self {
        let mut index = NameIndex::default();
        for (i, p) in record.people.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases).chain(&p.misspellings) {
                index.add(name, true, Target::Person(i));
            }
        }
        for (i, r) in record.roles.iter().enumerate() {
            for phrase in &r.phrases {
                index.add(phrase, false, Target::Role(i));
            }
        }
        for (i, e) in record.events.iter().enumerate() {
            for name in &e.names {
                index.add(name, false, Target::Event(i));
            }
        }
        for names in index.by_first.values_mut() {
            names.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        }
        index.longest = index.by_first.values().flatten().map(|n| n.words.len()).max().unwrap_or(0);
        index
    }

    fn add(&mut self, name: &str, case_sensitive: bool, target: Target) {
        let mut words = Vec::new();
        let mut capitals = Vec::new();
        for (token, range) in tokens(name) {
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
            let names = self.by_first.entry(first).or_default();
            if let Some(same) = names.iter_mut().find(|n| n.words == words && n.target == target) {
                // Keep the laxer capitalisation of two spellings of one name.
                for (c, other) in same.capitals.iter_mut().zip(&capitals) {
                    *c &= *other;
                }
            } else {
                names.push(Name { words, capitals, target });
            }
        }
    }

    /// Every name in `text`, longest first where they overlap, in order. Words are read as
    /// they are needed, a name's length ahead at most, so a long paragraph costs no more
    /// memory than a short one.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut words = Tokens::new(text).filter_map(|(t, r)| match t {
            Token::Word(w) => Some((w, r)),
            _ => None,
        });
        let mut toks: VecDeque<(String, Range<usize>)> = VecDeque::new();
        let mut out = Vec::new();
        loop {
            toks.extend(words.by_ref().take((self.longest.max(1)).saturating_sub(toks.len())));
            let Some((first, first_range)) = toks.front() else { break };
            // A contraction gives two words over the same bytes ("Putin'll"): never start a
            // mention inside the previous one.
            if out.last().is_some_and(|m: &Mention| first_range.start < m.range.end) {
                toks.pop_front();
                continue;
            }
            let Some(names) = self.by_first.get(first) else {
                toks.pop_front();
                continue;
            };
            let mut found: Option<(usize, Vec<Target>)> = None;
            for name in names {
                let n = name.words.len();
                if found.as_ref().is_some_and(|(len, _)| *len > n) {
                    break; // sorted longest first: shorter names cannot win now
                }
                if n > toks.len() {
                    continue;
                }
                let fits = name.words.iter().enumerate().all(|(k, w)| {
                    let (tw, range) = &toks[k];
                    tw == w && (!name.capitals[k] || text[range.clone()].starts_with(char::is_uppercase))
                });
                if fits {
                    match &mut found {
                        Some((len, targets)) if *len == n => {
                            if !targets.contains(&name.target) {
                                targets.push(name.target);
                            }
                        }
                        _ => found = Some((n, vec![name.target])),
                    }
                }
            }
            match found {
                Some((n, targets)) => {
                    let range = toks[0].1.start..toks[n - 1].1.end;
                    let written = &text[range.clone()];
                    let possessive = written.ends_with("'s") || written.ends_with("’s");
                    out.push(Mention { range, targets: targets.into(), possessive });
                    toks.drain(..n);
                }
                None => {
                    toks.pop_front();
                }
            }
        }
        out
    }
}
