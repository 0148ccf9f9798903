//! The record's YAML file format, as documented in `docs/record.md`.
//!
//! These types are both what serde reads and what the rest of quotelint uses: values that can be
//! wrong without being malformed YAML (dates, ids, references) are kept as read and checked by
//! the library's validation (`quotelint::record`), so that one run reports all of them with their
//! locations.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::date::{DateError, PartialDate};

/// One record file: any of the four lists, each optional.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RecordFile {
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub quotations: Vec<Quotation>,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// `file` without what checking articles never reads: notes, provenance, examples, where an
/// event took place and where a role span or a variant is documented, an accepted date's note,
/// which are for people reading the record and for `quotelint rules validate`. The build embeds each entry in this
/// leaner form too, for `check` to decode when a check reads it (`record::Entries`).
pub fn for_checking(mut file: RecordFile) -> RecordFile {
    for role in &mut file.roles {
        role.notes = None;
    }
    for person in &mut file.people {
        person.notes = None;
        person.provenance.clear();
        for span in &mut person.roles {
            span.source = None;
            span.note = None;
        }
    }
    for q in &mut file.quotations {
        q.notes = None;
        q.provenance.clear();
        q.examples.clear();
        for v in &mut q.variants {
            v.source = None;
            v.note = None;
        }
        q.accepted_dates.iter_mut().for_each(AcceptedDate::for_checking);
    }
    for event in &mut file.events {
        event.notes = None;
        event.place = None;
        event.provenance.clear();
        event.examples.clear();
        event.accepted_dates.iter_mut().for_each(AcceptedDate::for_checking);
    }
    file
}

/// An office that writers name instead of its holder ("the British prime minister").
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub single_holder: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A speaker: a person, or an organization or document that "says" things.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: SpeakerKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub misspellings: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleSpan>,
    /// For a body: the larger bodies it speaks for ("north-atlantic-council" is part of
    /// "nato"), so that a statement of the one, credited to the other, is not misattributed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part_of: Vec<String>,
    /// The language this speaker's recorded words were spoken or written in (an ISO 639-1
    /// code: "ru", "de"), when not English: the record's wordings of them are translations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    #[default]
    Person,
    Organization,
    Document,
}

/// A role held by a person over a span of time, or known to be held at one date (`at`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpan {
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<RecordDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<SpanEnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<RecordDate>,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The end of a role span: a date, or `present` for an office still held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanEnd {
    Present,
    Date(RecordDate),
}

impl Serialize for SpanEnd {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SpanEnd::Present => s.serialize_str("present"),
            SpanEnd::Date(d) => d.serialize(s),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quotation {
    pub id: String,
    pub speaker: Speakers,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub kind: QuotationKind,
    #[serde(default)]
    pub date: Option<RecordDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_dates: Vec<AcceptedDate>,
    /// A formula said again on later occasions ("NATO … poses no threat to Russia", in summit
    /// after summit): the record's dates are the occasions seen, not all of them, so a date after
    /// the first of them is no claim against the record.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recurring: bool,
    /// The language the words were spoken or written in (an ISO 639-1 code), when it is not
    /// the speaker's (`language` of the person, English if none): "en" for a remark a Russian
    /// minister made in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occasion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuotationKind {
    /// The words as spoken or written.
    #[default]
    Quotation,
    /// Reported speech only: good for who said it, never for the wording.
    Reported,
}

/// One speaker id, or several for a joint statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Speakers(pub Vec<String>);

/// Another published wording of the same remark: a plain string, or `{text, source, note}`.
#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub names: Vec<String>,
    /// What writers say happened, by whom: each subject followed by each predicate is one more
    /// name ("Finland" and "joined NATO", "a NATO member since"), so that an accession is found
    /// however it is told, without listing every sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrasings: Option<Phrasings>,
    pub date: RecordDate,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_dates: Vec<AcceptedDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    #[serde(skip)]
    pub origin: Origin,
}

/// An event's subjects and predicates (see [`Event::phrasings`]).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phrasings {
    pub subjects: Vec<String>,
    pub predicates: Vec<String>,
}

impl Event {
    /// Every name writers use for the event: its `names`, then each subject of its
    /// `phrasings` followed by each predicate.
    pub fn all_names(&self) -> impl Iterator<Item = Cow<'_, str>> {
        let phrased = self.phrasings.iter().flat_map(|p| {
            p.subjects
                .iter()
                .flat_map(move |s| p.predicates.iter().map(move |v| Cow::Owned(format!("{s} {v}"))))
        });
        self.names.iter().map(|n| Cow::Borrowed(n.as_str())).chain(phrased)
    }
}

/// A documented date other than an entry's `date` that is also right for it: a speech and its
/// publication, a signature and its announcement. A date an article gives that agrees with it is
/// not misdated. Validation refuses one without a source.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedDate {
    pub date: RecordDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The valid dates of `accepted`, in record order.
fn valid_dates(accepted: &[AcceptedDate]) -> impl Iterator<Item = PartialDate> + '_ {
    accepted.iter().filter_map(|a| a.date.valid())
}

impl Quotation {
    /// The dates at which an article may place this remark: the recorded date, then any
    /// accepted dates. None for an undated remark, whatever its accepted dates.
    pub fn dates(&self) -> impl Iterator<Item = PartialDate> + '_ {
        let main = self.date.as_ref().and_then(RecordDate::valid);
        main.into_iter().chain(valid_dates(if main.is_some() { &self.accepted_dates } else { &[] }))
    }
}

impl Event {
    /// The dates at which an article may place this event: the recorded date, then any
    /// accepted dates.
    pub fn dates(&self) -> impl Iterator<Item = PartialDate> + '_ {
        let main = self.date.valid();
        main.into_iter().chain(valid_dates(if main.is_some() { &self.accepted_dates } else { &[] }))
    }
}

impl AcceptedDate {
    /// Without its note, which is for people reading the record. Its source stays: validation,
    /// which runs on the embedded entries too when a user's files come with them, refuses an
    /// accepted date without one.
    fn for_checking(&mut self) {
        self.note = None;
    }
}

/// Where a remark or event is documented, as an editor should cite it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A page or publication where the compilers read the text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    #[default]
    Medium,
    High,
}

/// A sentence and what quotelint must make of it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub expect: Expectation,
}

/// `pass`, or the code(s) of the findings an example must produce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Expectation(pub Vec<String>);

impl Expectation {
    pub fn is_pass(&self) -> bool {
        self.0.len() == 1 && self.0[0] == "pass"
    }
}

/// Which entry of which file a value came from, for locating problems and `rules show`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub index: usize,
}

/// A date as written in the record: parsed if valid, kept as text with the reason if not, so
/// that validation can report every bad date instead of stopping at the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordDate {
    Valid(PartialDate),
    Invalid(String, DateError),
}

impl RecordDate {
    pub fn valid(&self) -> Option<PartialDate> {
        match self {
            RecordDate::Valid(d) => Some(*d),
            RecordDate::Invalid(..) => None,
        }
    }

    fn from_text(text: &str) -> Self {
        match PartialDate::parse(text) {
            Ok(d) => RecordDate::Valid(d),
            Err(e) => RecordDate::Invalid(text.to_owned(), e),
        }
    }
}

impl Serialize for RecordDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RecordDate::Valid(d) => d.serialize(s),
            RecordDate::Invalid(text, _) => s.serialize_str(text),
        }
    }
}

/// Accepts `"1991-03"` and also an unquoted year (`1991`), which YAML reads as a number.
impl<'de> Deserialize<'de> for RecordDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = RecordDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RecordDate, E> {
                Ok(RecordDate::from_text(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RecordDate, E> {
                Ok(RecordDate::from_text(&v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RecordDate, E> {
                Ok(RecordDate::from_text(&v.to_string()))
            }
        }
        d.deserialize_any(DateVisitor)
    }
}

impl<'de> Deserialize<'de> for SpanEnd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let date = RecordDate::deserialize(d)?;
        Ok(match date {
            RecordDate::Invalid(text, _) if text == "present" => SpanEnd::Present,
            other => SpanEnd::Date(other),
        })
    }
}

/// Deserializes a string or a list of strings.
fn one_or_many<'de, D: Deserializer<'de>>(d: D, what: &'static str) -> Result<Vec<String>, D::Error> {
    struct OneOrMany(&'static str);
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(s) = seq.next_element::<String>()? {
                out.push(s);
            }
            Ok(out)
        }
    }
    d.deserialize_any(OneOrMany(what))
}

impl<'de> Deserialize<'de> for Speakers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        one_or_many(d, "a person id, or a list of person ids").map(Speakers)
    }
}

impl<'de> Deserialize<'de> for Expectation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        one_or_many(d, "`pass`, a check code, or a list of check codes").map(Expectation)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantFields {
    text: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for Variant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct VariantVisitor;
        impl<'de> Visitor<'de> for VariantVisitor {
            type Value = Variant;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a wording, or a mapping with `text`, `source` and `note`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Variant, E> {
                Ok(Variant { text: v.to_owned(), source: None, note: None })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Variant, A::Error> {
                let f = VariantFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Variant { text: f.text, source: f.source, note: f.note })
            }
        }
        d.deserialize_any(VariantVisitor)
    }
}
