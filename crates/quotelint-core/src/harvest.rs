//! `quotelint rules harvest`: record entries proposed from articles an editor has checked.
//!
//! Every quotation an article attributes to a speaker, cites, and the record does not hold
//! becomes a proposed quotation entry (and, for a speaker the record lacks, a person stub):
//! the speaker as `check` reads it, the date at the precision written, the occasion when the
//! sentence states one, the citation as `source`, `confidence: low`, provenance naming the
//! article, and the article's sentence as an `examples` entry that must pass. Text in, entries
//! out: the command reads the files and writes the YAML.

use std::collections::{BTreeMap, HashSet};

use crate::engine::{Engine, Settings};
use crate::extract::{self, harvest::Reading, Quotation as Found};
use crate::markdown;
use crate::matcher::{QuoteIndex, MIN_MATCH_WORDS};
use crate::names::NameIndex;
use crate::record::{
    Confidence, Example, Expectation, Layer, Person, Provenance, Quotation, QuotationKind, Record,
    RecordDate, RecordSource, Source, SpeakerKind, Speakers,
};

/// Why a quotation was not proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    /// It matches a quotation of the record (rightly quoted or not).
    InRecord,
    /// Its paragraph cites nothing.
    NotCited,
    /// Its sentence names no speaker the record knows, nor a clear proper name.
    NoSpeaker,
    /// Fewer words than a record entry is matched on.
    TooShort,
    /// Another article (or this one) already gave the same words.
    AlreadyProposed,
    /// Its sentence, as an example, would not check clean with the entry added.
    ExampleFails,
    /// The entry would not validate (a reporter's words in the text, say).
    Invalid,
}

impl Skip {
    /// What the summary says of it.
    pub fn describe(self) -> &'static str {
        match self {
            Skip::InRecord => "already in the record",
            Skip::NotCited => "not cited",
            Skip::NoSpeaker => "no clear speaker",
            Skip::TooShort => "too short",
            Skip::AlreadyProposed => "proposed once already",
            Skip::ExampleFails => "sentence not clean as an example",
            Skip::Invalid => "not a valid entry",
        }
    }
}

/// The label a proposal's provenance gives a file, and its line.
struct Origin {
    path: String,
    line: usize,
}

/// A proposed quotation, with the other example to try if the first does not check clean.
#[derive(Clone)]
struct Proposal {
    entry: Quotation,
    fallback: Option<String>,
}

/// What [`Harvester::finish`] gives: the entries, as record files, and what was skipped.
#[derive(Debug)]
pub struct Harvest {
    pub people: Vec<Person>,
    pub quotations: Vec<Quotation>,
    pub skipped: BTreeMap<Skip, usize>,
}

/// Gathers proposals over any number of articles, against one record.
pub struct Harvester<'r> {
    record: &'r Record,
    quotes: QuoteIndex,
    names: std::rc::Rc<NameIndex>,
    options: extract::Options,
    ids: HashSet<String>,
    /// The last suffix given to each id's base (1: the base alone).
    suffixes: std::collections::HashMap<String, usize>,
    people: Vec<Person>,
    proposals: Vec<Proposal>,
    seen: HashSet<Vec<String>>,
    skipped: BTreeMap<Skip, usize>,
}

/// The header of each file written.
pub const HEADER: &str = "# Proposed by `quotelint rules harvest`: UNREVIEWED. Each entry was read from an\n\
# article, not from a primary source. Check the words, speaker, date and source against the\n\
# original, raise `confidence` only when a source says so, then move the entry into the record.\n";

impl<'r> Harvester<'r> {
    pub fn new(record: &'r Record, options: extract::Options) -> Self {
        Harvester {
            record,
            quotes: QuoteIndex::new(record),
            names: std::rc::Rc::new(NameIndex::new(record)),
            options,
            ids: HashSet::new(),
            suffixes: Default::default(),
            people: Vec::new(),
            proposals: Vec::new(),
            seen: HashSet::new(),
            skipped: BTreeMap::new(),
        }
    }

    /// Reads one article (`path` names it in the provenance). An article whose front matter
    /// is refused is an error, as in `check`.
    pub fn add(&mut self, text: &str, path: &str) -> Result<(), String> {
        self.add_where(text, path, |_| true)
    }

    /// [`Harvester::add`] for the quotations that overlap `within` (bytes of the text) alone:
    /// the language server's "add to my record", on the quotation under the cursor.
    pub fn add_within(
        &mut self,
        text: &str,
        path: &str,
        within: std::ops::Range<usize>,
    ) -> Result<(), String> {
        self.add_where(text, path, |q| q.range.start <= within.end && within.start <= q.range.end)
    }

    fn add_where(&mut self, text: &str, path: &str, keep: impl Fn(&Found) -> bool) -> Result<(), String> {
        let doc = markdown::parse(text);
        if let Some(refusal) = &doc.front_matter_error {
            return Err(format!("front matter refused: {}", refusal.message));
        }
        let found = extract::extract(&doc, self.record, &self.names, &self.options).quotations;
        // What can be told without reading the sentence again is told first.
        let wanted: Vec<bool> = found
            .iter()
            .map(|q| match keep(q).then(|| self.screen(q)) {
                None => false,
                Some(Ok(())) => true,
                Some(Err(skip)) => {
                    *self.skipped.entry(skip).or_default() += 1;
                    false
                }
            })
            .collect();
        let lines = crate::diagnostic::LineIndex::new(text);
        let (names, options) = (std::rc::Rc::clone(&self.names), self.options.clone());
        extract::harvest::for_each_reading(
            &doc,
            self.record,
            &names,
            &options,
            &found,
            &|i| wanted[i],
            &mut |i, reading| {
                let q = &found[i];
                let origin = Origin { path: path.to_owned(), line: lines.line(q.range.start) };
                if let Err(skip) = self.propose(text, q, reading, origin) {
                    *self.skipped.entry(skip).or_default() += 1;
                }
            },
        );
        Ok(())
    }

    /// Why a quotation is not proposed, as far as it can be told without its sentence.
    fn screen(&self, q: &Found) -> Result<(), Skip> {
        if crate::normalize::has_fewer_words(&q.text, MIN_MATCH_WORDS) {
            return Err(Skip::TooShort);
        }
        // A strong match is a recorded remark, quoted rightly or not; a few words in common
        // with one ("we will not move … east") prove nothing.
        if self.quotes.find(self.record, &q.text).is_some_and(|m| m.is_strong()) {
            return Err(Skip::InRecord);
        }
        if !q.cited {
            return Err(Skip::NotCited);
        }
        Ok(())
    }

    fn propose(&mut self, text: &str, q: &Found, reading: Reading, origin: Origin) -> Result<(), Skip> {
        let (speaker, surname) = match (q.speaker.person(), &reading.new_speaker) {
            (Some(p), _) => {
                let id = &self.record.people[p].id;
                (id.clone(), id.split('-').next().unwrap_or(id).to_owned())
            }
            (None, Some(name)) => {
                let id = self.stub(name, &origin);
                (id, kebab(name.rsplit(' ').next().unwrap_or(name)))
            }
            (None, None) => return Err(Skip::NoSpeaker),
        };
        // Refused by validation: caught here, cheaply, rather than by loading the record again.
        let names: Vec<&str> = match q.speaker.person() {
            Some(p) => {
                let person = &self.record.people[p];
                std::iter::once(person.name.as_str())
                    .chain(person.aliases.iter().map(String::as_str))
                    .collect()
            }
            None => reading.new_speaker.iter().map(String::as_str).collect(),
        };
        if crate::record::has_reporters_words(&q.text, names) {
            return Err(Skip::Invalid);
        }
        if !self.seen.insert(crate::normalize::words(&q.text)) {
            return Err(Skip::AlreadyProposed);
        }
        let date = q.date.as_ref().map(|d| d.date).or(reading.new_speaker_date);
        let id = self.unique_id(&proposal_id(&surname, date, &q.text));
        // The sentence, or the paragraph up to it when the speaker is named before it.
        let named_before = match &q.speaker {
            extract::Attribution::Person { mention, .. } => {
                mention.start < reading.sentence_start
                    || matches!(
                        text.get(mention.clone()),
                        Some("he" | "He" | "she" | "She" | "they" | "They")
                    )
            }
            extract::Attribution::None => false,
        };
        let (example, fallback) = if named_before && reading.lead != reading.sentence {
            (reading.lead, Some(reading.sentence))
        } else {
            (reading.sentence, None)
        };
        let source = (reading.url.is_some() || reading.publication.is_some()).then_some(Source {
            publication: reading.publication,
            url: reading.url,
            date: None,
        });
        let entry = Quotation {
            id,
            speaker: Speakers(vec![speaker]),
            // The reader's punctuation before a cue ("…," she said) is not the speaker's.
            text: q.text.trim_end_matches([',', ';', ':', ' ']).to_owned(),
            variants: Vec::new(),
            kind: QuotationKind::Quotation,
            date: date.map(RecordDate::Valid),
            accepted_dates: Vec::new(),
            recurring: false,
            language: None,
            occasion: reading.occasion,
            source,
            provenance: vec![provenance(&origin)],
            confidence: Confidence::Low,
            notes: None,
            examples: vec![Example { text: example, expect: Expectation(vec!["pass".into()]) }],
            origin: Default::default(),
        };
        self.proposals.push(Proposal { entry, fallback });
        Ok(())
    }

    /// The id of the person stub for `name`, made now if this is its first quotation.
    fn stub(&mut self, name: &str, origin: &Origin) -> String {
        if let Some(p) = self.people.iter().find(|p| p.name == name) {
            return p.id.clone();
        }
        let words: Vec<&str> = name.split(' ').collect();
        let surname = kebab(words[words.len() - 1]);
        let given = kebab(&words[..words.len() - 1].join(" "));
        let base = if self.taken(&surname) || surname.is_empty() {
            [surname.as_str(), given.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("-")
        } else {
            surname
        };
        let id = self.unique_id(if base.is_empty() { "speaker" } else { &base });
        self.people.push(Person {
            id: id.clone(),
            name: name.to_owned(),
            kind: SpeakerKind::Person,
            aliases: Vec::new(),
            misspellings: Vec::new(),
            roles: Vec::new(),
            part_of: Vec::new(),
            language: None,
            notes: Some(
                "A stub: add the offices held (roles), the spellings writers use, and a source.".into(),
            ),
            provenance: vec![provenance(origin)],
            origin: Default::default(),
        });
        id
    }

    fn taken(&self, id: &str) -> bool {
        self.ids.contains(id) || self.record.get(id).is_some()
    }

    /// `base`, or `base-2`, `base-3` … : the first id neither the record nor a proposal has.
    /// Each base remembers the suffix it reached, so that many remarks opening with the same
    /// words do not count up from 2 each time.
    fn unique_id(&mut self, base: &str) -> String {
        let mut n = self.suffixes.get(base).copied().unwrap_or(1);
        let mut id = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
        while self.taken(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.suffixes.insert(base.to_owned(), n);
        self.ids.insert(id.clone());
        id
    }

    /// The proposals whose entries validate and whose examples check clean with all of them
    /// added to the record; the others are counted as skipped.
    pub fn finish(mut self) -> Harvest {
        // Each round drops what fails; dropping one entry can change another's example (two
        // near copies of one remark), so rounds go on until none fails.
        for _ in 0..4 {
            let failed = self.failing();
            if failed.is_empty() {
                break;
            }
            let mut i = 0;
            self.proposals.retain(|_| {
                i += 1;
                failed.binary_search_by_key(&(i - 1), |(k, _)| *k).is_err()
            });
            for (_, skip) in failed {
                *self.skipped.entry(skip).or_default() += 1;
            }
        }
        let quotations: Vec<Quotation> = self.proposals.into_iter().map(|p| p.entry).collect();
        let people = self
            .people
            .into_iter()
            .filter(|p| quotations.iter().any(|q| q.speaker.0.contains(&p.id)))
            .collect();
        Harvest { people, quotations, skipped: self.skipped }
    }

    /// The proposals (by index, sorted) that fail, and why; examples that fail are given their
    /// fallback first.
    fn failing(&mut self) -> Vec<(usize, Skip)> {
        let mut errors = Vec::new();
        let record = self.with_proposals(&self.proposals.iter().collect::<Vec<_>>(), &mut errors);
        if !errors.is_empty() {
            let all: Vec<usize> = (0..self.proposals.len()).collect();
            let bad = self.invalid(&all);
            // Entries valid alone but not together (none are known): all of them go.
            let bad = if bad.is_empty() { all } else { bad };
            return bad.into_iter().map(|i| (i, Skip::Invalid)).collect();
        }
        let engine = Engine::new(&record, Settings::default());
        let clean =
            |text: &str| engine.check(text).findings.iter().all(|d| d.code == crate::checks::Code::Unsourced);
        let mut failed = Vec::new();
        for (i, p) in self.proposals.iter_mut().enumerate() {
            if clean(&p.entry.examples[0].text) {
                continue;
            }
            match p.fallback.take() {
                Some(other) if clean(&other) => p.entry.examples[0].text = other,
                _ => failed.push((i, Skip::ExampleFails)),
            }
        }
        failed
    }

    /// Which of the proposals `among` (indices, sorted) do not validate: halves that validate
    /// are cleared whole, so that a few bad entries among thousands cost a few loads each.
    fn invalid(&self, among: &[usize]) -> Vec<usize> {
        let mut errors = Vec::new();
        let proposals: Vec<&Proposal> = among.iter().map(|&i| &self.proposals[i]).collect();
        self.with_proposals(&proposals, &mut errors);
        match among {
            _ if errors.is_empty() => Vec::new(),
            [_] => among.to_vec(),
            _ => {
                let (a, b) = among.split_at(among.len() / 2);
                let mut bad = self.invalid(a);
                bad.extend(self.invalid(b));
                bad
            }
        }
    }

    /// The record with `proposals` (and the stubs they speak through) added as a user's files.
    fn with_proposals(
        &self,
        proposals: &[&Proposal],
        errors: &mut Vec<crate::record::RecordError>,
    ) -> Record {
        let quotations: Vec<Quotation> = proposals.iter().map(|p| p.entry.clone()).collect();
        let people: Vec<Person> = self
            .people
            .iter()
            .filter(|p| quotations.iter().any(|q| q.speaker.0.contains(&p.id)))
            .cloned()
            .collect();
        let (people_yaml, quotations_yaml) = to_yaml(&people, &quotations);
        with_files(
            self.record,
            [("people/harvested.yaml", people_yaml), ("quotations/harvested.yaml", quotations_yaml)],
            errors,
        )
    }
}

/// `record` with two user files added, as `--rules DIR` would load them.
fn with_files(
    record: &Record,
    files: [(&str, String); 2],
    errors: &mut Vec<crate::record::RecordError>,
) -> Record {
    let mut sources = record.sources.clone();
    sources.extend(files.into_iter().map(|(name, text)| RecordSource {
        name: name.into(),
        text: text.into(),
        layer: Layer::User,
        entries: None,
    }));
    Record::from_sources(sources, errors)
}

fn provenance(origin: &Origin) -> Provenance {
    Provenance {
        url: None,
        publication: Some(origin.path.clone()),
        note: Some(format!(
            "quoted at line {}; proposed by quotelint rules harvest, unreviewed",
            origin.line
        )),
    }
}

/// The two files' YAML, each with the header: people, then quotations.
pub fn to_yaml(people: &[Person], quotations: &[Quotation]) -> (String, String) {
    let people = if people.is_empty() { format!("{HEADER}people: []\n") } else { yaml(people, &[]) };
    (people, yaml(&[], quotations))
}

/// One record file's YAML, with the header, holding the lists given (a list empty in both is
/// left out, unless both are: then `quotations: []`). Values left at their defaults are left
/// out (`date: null`, `kind: quotation`), and a single `expect` is written alone.
pub fn yaml(people: &[Person], quotations: &[Quotation]) -> String {
    use serde_norway::{Mapping, Value};
    fn tidy(entry: Value) -> Value {
        let Value::Mapping(map) = entry else { return entry };
        let defaults = [("kind", "quotation"), ("kind", "person")];
        let tidy_map: Mapping = map
            .into_iter()
            .filter(|(k, v)| {
                !v.is_null()
                    && !defaults.iter().any(|(dk, dv)| k.as_str() == Some(dk) && v.as_str() == Some(dv))
            })
            .map(|(k, v)| match (k.as_str(), v) {
                (Some("expect" | "speaker"), Value::Sequence(s)) if s.len() == 1 => (k, s[0].clone()),
                (_, Value::Sequence(s)) => (k, Value::Sequence(s.into_iter().map(tidy).collect())),
                (_, v) => (k, v),
            })
            .collect();
        Value::Mapping(tidy_map)
    }
    let list = |entries: Value| match entries {
        Value::Sequence(s) => Value::Sequence(s.into_iter().map(tidy).collect()),
        other => other,
    };
    let mut file = Mapping::new();
    if !people.is_empty() {
        file.insert("people".into(), list(serde_norway::to_value(people).expect("entries serialize")));
    }
    if !quotations.is_empty() || people.is_empty() {
        file.insert(
            "quotations".into(),
            list(serde_norway::to_value(quotations).expect("entries serialize")),
        );
    }
    let body = serde_norway::to_string(&file).expect("a mapping serializes");
    format!("{HEADER}{body}")
}

/// `speaker-date-first-words`: the surname, the date as written (if any) and the quotation's
/// first three words.
fn proposal_id(surname: &str, date: Option<crate::date::PartialDate>, text: &str) -> String {
    let words = crate::normalize::words(text);
    let content: Vec<String> = words.iter().map(|w| kebab(w)).filter(|w| !w.is_empty()).take(3).collect();
    let mut parts = vec![if surname.is_empty() { "speaker".to_owned() } else { surname.to_owned() }];
    parts.extend(date.map(|d| d.to_string()));
    parts.extend(content);
    kebab(&parts.join("-"))
}

/// Lower-case ASCII letters and digits joined by single hyphens: diacritics folded
/// ("Wörner" → "worner"), other characters dropped or read as a break.
pub fn kebab(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if (c.is_whitespace() || matches!(c, '-' | '_' | '.' | '/'))
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::LoadOptions;

    #[test]
    fn ids_are_kebab_case() {
        assert_eq!(kebab("Wörner"), "worner");
        assert_eq!(kebab("Jean-Luc O'Neill"), "jean-luc-oneill");
        assert_eq!(kebab("Лавров"), "");
        let date = crate::date::PartialDate::parse("2021-05").ok();
        assert_eq!(
            proposal_id("illescas", date, "Our ports will stay open to every ship."),
            "illescas-2021-05-our-ports-will"
        );
        assert_eq!(proposal_id("illescas", None, "It is what it is."), "illescas-it-is-what");
        let record = Record::load(&LoadOptions::default()).unwrap();
        let mut h = Harvester::new(&record, Default::default());
        let ids: Vec<String> = (0..3).map(|_| h.unique_id("illescas-it-is-what")).collect();
        assert_eq!(ids, ["illescas-it-is-what", "illescas-it-is-what-2", "illescas-it-is-what-3"]);
        assert_eq!(h.unique_id("major"), "major-2", "an id of the record");
    }

    #[test]
    fn proposals_from_an_article() {
        let record = Record::load(&LoadOptions::default()).unwrap();
        let mut h = Harvester::new(&record, Default::default());
        let article = "\"Our ports will stay open to every allied ship,\" said Marta Illescas on 3 May 2021, in an interview with El País ([text](https://example.org/a)).\n\n\"Our ports will stay open to every allied ship,\" said Marta Illescas.\n\nThe minister spoke later. \"Nothing about the harbour fees has been decided,\" someone said ([x](https://example.org/b)).\n";
        h.add(article, "news/ports.md").unwrap();
        let out = h.finish();
        assert_eq!(out.people.len(), 1);
        assert_eq!(out.people[0].id, "illescas");
        assert_eq!(out.quotations.len(), 1);
        let q = &out.quotations[0];
        assert_eq!(q.id, "illescas-2021-05-03-our-ports-will");
        assert_eq!(q.speaker.0, ["illescas"]);
        assert_eq!(
            q.date.as_ref().and_then(|d| d.valid()).map(|d| d.to_string()).as_deref(),
            Some("2021-05-03")
        );
        assert_eq!(q.occasion.as_deref(), Some("Interview with El País"));
        assert_eq!(q.source.as_ref().and_then(|s| s.url.as_deref()), Some("https://example.org/a"));
        assert_eq!(q.confidence, Confidence::Low);
        assert_eq!(out.skipped.get(&Skip::NotCited), Some(&1));
        assert_eq!(out.skipped.get(&Skip::NoSpeaker), Some(&1));
        // The files validate with the record, and the example passes.
        let (people, quotations) = to_yaml(&out.people, &out.quotations);
        assert!(people.starts_with(HEADER) && quotations.starts_with(HEADER));
        let mut errors = Vec::new();
        let both = with_files(&record, [("p.yaml", people), ("q.yaml", quotations)], &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(both.get("illescas-2021-05-03-our-ports-will").is_some());
    }

    /// Entries that would not validate, or whose sentence would not check clean as an example
    /// (here, a misspelt date in it), are skipped and counted, not written.
    #[test]
    fn entries_that_would_fail_validation_are_skipped() {
        let record = Record::load(&LoadOptions::default()).unwrap();
        let mut h = Harvester::new(&record, Default::default());
        let article = "Sergey Lavrov said on 10 January 2022 that \"talks will continue only if the answers come in writing\", as a note of 12 Febuary 2022 confirms ([x](https://example.org/x)).\n\nSergey Lavrov told reporters on 11 January 2022 \"the talks will go on, Lavrov said on Tuesday, until the answers come\" ([y](https://example.org/y)).\n";
        h.add(article, "a.md").unwrap();
        let out = h.finish();
        assert!(out.quotations.is_empty(), "{:?}", out.quotations);
        assert_eq!(out.skipped.get(&Skip::ExampleFails), Some(&1), "{:?}", out.skipped);
        assert_eq!(out.skipped.get(&Skip::Invalid), Some(&1), "{:?}", out.skipped);
    }

    /// An entry that does not validate is found among valid ones and dropped alone.
    #[test]
    fn invalid_entries_are_found_among_valid_ones() {
        let record = Record::load(&LoadOptions::default()).unwrap();
        let mut h = Harvester::new(&record, Default::default());
        let article = "Sergey Lavrov said on 10 January 2022 that \"talks will continue only if the answers come in writing\" ([x](https://example.org/x)).\n\nSergey Lavrov said on 12 January 2022 that \"the answers must come before the spring or not at all\" ([x](https://example.org/y)).\n";
        h.add(article, "a.md").unwrap();
        assert_eq!(h.proposals.len(), 2);
        h.proposals[1].entry.id = "Not Kebab".into();
        let out = h.finish();
        let ids: Vec<&str> = out.quotations.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["lavrov-2022-01-10-talks-will-continue"]);
        assert_eq!(out.skipped.get(&Skip::Invalid), Some(&1), "{:?}", out.skipped);
    }
}
