//! Indexes of the default record built when quotelint is built, so that a run does not build
//! them again. `build.rs` builds quotelint's quotation index and [`crate::names::NameIndex`]
//! from the embedded record with the code a run would use, and writes their contents out as
//! static tables; a run with the default record alone reads them back (`quotelint::engine`).
//! Strings are spans of one blob: a table of `&str` would cost a relocation per string on every
//! start. The build embeds the record's entries themselves split in two ([`Split`]): what
//! checking reads, and the rest.

/// Strings written end to end for a static table, each referred to by its span.
#[derive(Default)]
pub struct Blob(pub String);

impl Blob {
    /// Appends `s`; returns its span as Rust source (`start, end`).
    pub fn push(&mut self, s: &str) -> String {
        let start = self.0.len();
        self.0.push_str(s);
        format!("{start}, {}", self.0.len())
    }
}

/// The string at `span` of `blob`.
pub fn span(blob: &'static str, (start, end): (u32, u32)) -> &'static str {
    &blob[start as usize..end as usize]
}

/// The words at `spans` of `blob`, borrowed, as the indexes hold words.
pub fn words(blob: &'static str, spans: &[(u32, u32)]) -> Vec<std::borrow::Cow<'static, str>> {
    spans.iter().map(|&s| std::borrow::Cow::Borrowed(span(blob, s))).collect()
}

/// A value of the hash the indexes key words by: a prebuilt table is read only if a run hashes
/// as the build did (the same hasher version, width and byte order).
pub const PROBE: &str = "quotelint";

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::schema::{Event, Example, Person, Provenance, Quotation, Role};

/// An entry of the record as the build embeds it: split into what checking articles reads (the
/// entry with the rest taken out) and the rest (notes, provenance, examples, an event's place,
/// where a role span or a variant is documented, an accepted date's note), which is for people
/// reading the record and for `quotelint rules validate`. `check` decodes the first part of an
/// entry when a check reads it; a full load decodes both and joins them. Every field not named
/// here stays in the first part.
pub trait Split: Sized {
    /// What [`Split::split`] takes out.
    type Rest: Serialize + DeserializeOwned + Default + std::fmt::Debug;
    fn split(self) -> (Self, Self::Rest);
    /// Puts back what [`Split::split`] took out.
    fn join(&mut self, rest: Self::Rest);
}

/// Where a role span or a variant is documented, and its note.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceNote {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The rest of a role.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleRest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The rest of a person; `roles` has one item per role span.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<SourceNote>,
}

/// The rest of a quotation; `variants` has one item per variant and `accepted_dates` one note
/// per accepted date (its source stays: validation, which runs on the embedded entries too
/// when a user's files come with them, refuses an accepted date without one).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotationRest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<SourceNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_dates: Vec<Option<String>>,
}

/// The rest of an event, as of a quotation, with its place.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_dates: Vec<Option<String>>,
}

/// Empty if every item of `notes` is: one item per item of the entry's list, or none.
fn all_or_none<T>(notes: Vec<T>, empty: impl Fn(&T) -> bool) -> Vec<T> {
    if notes.iter().all(empty) {
        Vec::new()
    } else {
        notes
    }
}

impl Split for Role {
    type Rest = RoleRest;
    fn split(mut self) -> (Self, RoleRest) {
        let rest = RoleRest { notes: self.notes.take() };
        (self, rest)
    }
    fn join(&mut self, rest: RoleRest) {
        self.notes = rest.notes;
    }
}

impl Split for Person {
    type Rest = PersonRest;
    fn split(mut self) -> (Self, PersonRest) {
        let roles =
            self.roles.iter_mut().map(|s| SourceNote { source: s.source.take(), note: s.note.take() });
        let roles = all_or_none(roles.collect(), |s| s.source.is_none() && s.note.is_none());
        let rest =
            PersonRest { notes: self.notes.take(), provenance: std::mem::take(&mut self.provenance), roles };
        (self, rest)
    }
    fn join(&mut self, rest: PersonRest) {
        self.notes = rest.notes;
        self.provenance = rest.provenance;
        for (span, r) in self.roles.iter_mut().zip(rest.roles) {
            (span.source, span.note) = (r.source, r.note);
        }
    }
}

impl Split for Quotation {
    type Rest = QuotationRest;
    fn split(mut self) -> (Self, QuotationRest) {
        let variants =
            self.variants.iter_mut().map(|v| SourceNote { source: v.source.take(), note: v.note.take() });
        let variants = all_or_none(variants.collect(), |s| s.source.is_none() && s.note.is_none());
        let dates =
            all_or_none(self.accepted_dates.iter_mut().map(|a| a.note.take()).collect(), Option::is_none);
        let rest = QuotationRest {
            notes: self.notes.take(),
            provenance: std::mem::take(&mut self.provenance),
            examples: std::mem::take(&mut self.examples),
            variants,
            accepted_dates: dates,
        };
        (self, rest)
    }
    fn join(&mut self, rest: QuotationRest) {
        self.notes = rest.notes;
        self.provenance = rest.provenance;
        self.examples = rest.examples;
        for (v, r) in self.variants.iter_mut().zip(rest.variants) {
            (v.source, v.note) = (r.source, r.note);
        }
        for (a, note) in self.accepted_dates.iter_mut().zip(rest.accepted_dates) {
            a.note = note;
        }
    }
}

impl Split for Event {
    type Rest = EventRest;
    fn split(mut self) -> (Self, EventRest) {
        let dates =
            all_or_none(self.accepted_dates.iter_mut().map(|a| a.note.take()).collect(), Option::is_none);
        let rest = EventRest {
            notes: self.notes.take(),
            place: self.place.take(),
            provenance: std::mem::take(&mut self.provenance),
            examples: std::mem::take(&mut self.examples),
            accepted_dates: dates,
        };
        (self, rest)
    }
    fn join(&mut self, rest: EventRest) {
        self.notes = rest.notes;
        self.place = rest.place;
        self.provenance = rest.provenance;
        self.examples = rest.examples;
        for (a, note) in self.accepted_dates.iter_mut().zip(rest.accepted_dates) {
            a.note = note;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::RecordFile;

    /// An entry of each kind with every field set: split, each part holds what it should, and
    /// joined again, the entry is whole.
    #[test]
    fn an_entry_split_and_joined_is_whole() {
        let yaml = r#"
roles:
  - { id: r, title: T, phrases: [the t], notes: N }
people:
  - id: p
    name: P
    aliases: [Pe]
    roles:
      - { role: r, from: "1990", to: "1991", source: S1, note: N1 }
      - { role: r, from: "1992" }
    notes: N
    provenance: [{ url: "https://a", note: N2 }]
quotations:
  - id: q
    speaker: p
    text: Words
    variants: [{ text: Other words, source: S, note: N3 }, Third words]
    date: "1990-02-01"
    accepted_dates: [{ date: "1990-02-02", source: { url: "https://b" }, note: N4 }]
    source: { publication: Pub }
    provenance: [{ publication: Pub2 }]
    confidence: high
    notes: N
    examples: [{ text: 'P said "Words".', expect: pass }]
events:
  - id: e
    name: E
    names: [the e]
    date: "1990-03-01"
    accepted_dates: [{ date: "1990-03-02", source: { url: "https://c" }, note: N5 }]
    place: Bonn
    confidence: high
    source: { url: "https://d" }
    provenance: [{ url: "https://e" }]
    notes: N
    examples: [{ text: 'The e of 1 March 1990.', expect: pass }]
"#;
        let file: RecordFile = serde_norway::from_str(yaml).unwrap();
        fn round<T: Split + Clone + std::fmt::Debug>(entry: &T) -> (String, String) {
            let (mut lean, rest) = entry.clone().split();
            let (lean_text, rest_text) = (format!("{lean:?}"), format!("{rest:?}"));
            lean.join(rest);
            assert_eq!(format!("{lean:?}"), format!("{entry:?}"));
            (lean_text, rest_text)
        }
        let parts = [
            round(&file.roles[0]),
            round(&file.people[0]),
            round(&file.quotations[0]),
            round(&file.events[0]),
        ];
        for (lean, rest) in &parts {
            assert!(
                !lean.contains("\"N") && !lean.contains("Bonn") && !lean.contains("examples: [Ex"),
                "{lean}"
            );
            assert!(rest.contains("notes: Some(\"N\")"), "{rest}");
        }
        assert!(parts[1].1.contains("N1") && parts[1].1.contains("N2") && parts[2].1.contains("N3"));
        assert!(parts[2].1.contains("N4") && parts[3].1.contains("N5") && parts[3].1.contains("Bonn"));
        // What checks read stays: a quotation's source, an accepted date's source.
        assert!(parts[2].0.contains("Pub") && parts[2].0.contains("https://b"), "{}", parts[2].0);
        assert!(parts[1].0.contains("role: \"r\""), "{}", parts[1].0);
    }
}
