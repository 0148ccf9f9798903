//! `quotelint rules validate | list | show`: the record, seen from the command line.

use std::io::Write;

use serde::Serialize;

use std::collections::BTreeSet;

use crate::cli::{io_failure, Failure, ListFormat, Outcome};
use crate::engine::Engine;
use crate::record::RecordError;
use crate::record::{EntryRef, Quotation, Record, SpanEnd};

/// Runs every example of the record through the checks: each must produce exactly the codes it
/// expects (`unsourced` only counts where it is expected, since examples rarely cite).
fn check_examples(record: &Record) -> Vec<RecordError> {
    let engine = Engine::new(record, crate::engine::Settings::default());
    let mut failures = Vec::new();
    let entries = record
        .quotations
        .iter()
        .enumerate()
        .map(|(i, q)| (EntryRef::Quotation(i), &q.examples))
        .chain(record.events.iter().enumerate().map(|(i, e)| (EntryRef::Event(i), &e.examples)));
    for (entry, examples) in entries {
        for (i, example) in examples.iter().enumerate() {
            let expected: BTreeSet<&str> = if example.expect.is_pass() {
                BTreeSet::new()
            } else {
                example.expect.0.iter().map(String::as_str).collect()
            };
            let result = engine.check(&example.text);
            let found: BTreeSet<&str> = result
                .findings
                .iter()
                .map(|d| d.code.as_str())
                .filter(|c| *c != "unsourced" || expected.contains("unsourced"))
                .collect();
            if found != expected {
                let show = |s: &BTreeSet<&str>| {
                    if s.is_empty() {
                        "no finding".to_owned()
                    } else {
                        s.iter().copied().collect::<Vec<_>>().join(", ")
                    }
                };
                let details: Vec<String> = result
                    .findings
                    .rendered(&example.text)
                    .map(|d| format!("{}: {}", d.code, d.message))
                    .collect();
                failures.push((
                    entry,
                    i,
                    format!("example expects {}, but quotelint finds {}", show(&expected), show(&found)),
                    (!details.is_empty()).then(|| details.join("; ")),
                ));
            }
        }
    }
    record.example_errors(failures)
}

/// Prints the summary of a record that loaded without problems (problems fail the load), after
/// checking that every example behaves as written.
pub fn validate(record: &Record, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let failed = check_examples(record);
    if !failed.is_empty() {
        let n = failed.len();
        let mut failure = Failure::record(failed);
        let verb = if n == 1 { "behaves" } else { "behave" };
        failure.summary = Some(format!(
            "{} of the record {verb} otherwise than written",
            crate::count(n, "example", "examples")
        ));
        return Err(failure);
    }
    let examples: usize = record.quotations.iter().map(|q| q.examples.len()).sum::<usize>()
        + record.events.iter().map(|e| e.examples.len()).sum::<usize>();
    use crate::count;
    writeln!(
        out,
        "record is valid: {}, {}, {}, {}, {} (all behave as written), in {}",
        count(record.people.len(), "person", "people"),
        count(record.quotations.len(), "quotation", "quotations"),
        count(record.events.len(), "event", "events"),
        count(record.roles.len(), "role", "roles"),
        count(examples, "example", "examples"),
        count(record.sources.len(), "file", "files"),
    )
    .map_err(io_failure)?;
    Ok(Outcome::Clean)
}

/// One quotation as `rules list --format json` gives it: a stable contract for scripts.
#[derive(Serialize)]
struct ListedQuotation<'a> {
    id: &'a str,
    /// The (first) speaker's person id.
    speaker: &'a str,
    speaker_name: &'a str,
    /// Every speaker's id, for joint statements.
    speakers: &'a [String],
    text: &'a str,
    date: Option<String>,
    variants: Vec<&'a str>,
    confidence: crate::record::Confidence,
    source: Option<&'a crate::record::Source>,
}

fn speaker_name<'a>(record: &'a Record, q: &'a Quotation) -> &'a str {
    let id = q.speaker.0.first().map_or("", String::as_str);
    record.person(id).map_or(id, |p| p.name.as_str())
}

fn date_text(q: &Quotation) -> Option<String> {
    q.date.as_ref().and_then(|d| d.valid()).map(|d| d.to_string())
}

/// One line per quotation, in record order (files sorted by path, entries in file order).
pub fn list(record: &Record, format: ListFormat, out: &mut dyn Write) -> Result<Outcome, Failure> {
    match format {
        ListFormat::Json => {
            let listed: Vec<ListedQuotation> = record
                .quotations
                .iter()
                .map(|q| ListedQuotation {
                    id: &q.id,
                    speaker: q.speaker.0.first().map_or("", String::as_str),
                    speaker_name: speaker_name(record, q),
                    speakers: &q.speaker.0,
                    text: &q.text,
                    date: date_text(q),
                    variants: q.variants.iter().map(|v| v.text.as_str()).collect(),
                    confidence: q.confidence,
                    source: q.source.as_ref(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &listed).map_err(|e| io_failure(e.into()))?;
            writeln!(out).map_err(io_failure)?;
        }
        ListFormat::Text => {
            let id_width = record.quotations.iter().map(|q| q.id.len()).max().unwrap_or(0);
            let speaker_width =
                record.quotations.iter().map(|q| speaker_name(record, q).chars().count()).max().unwrap_or(0);
            for q in &record.quotations {
                let date = date_text(q).unwrap_or_else(|| "undated".into());
                writeln!(
                    out,
                    "{:id_width$}  {:speaker_width$}  {:10}  {}",
                    q.id,
                    speaker_name(record, q),
                    date,
                    crate::checks::excerpt(&q.text, 8)
                )
                .map_err(io_failure)?;
            }
        }
    }
    Ok(Outcome::Clean)
}

/// One line per person or body: id, name, kind and roles (`rules list --people`).
pub fn list_people(record: &Record, format: ListFormat, out: &mut dyn Write) -> Result<Outcome, Failure> {
    match format {
        ListFormat::Json => {
            let people: Vec<&crate::record::Person> = record.people.iter().collect();
            serde_json::to_writer_pretty(&mut *out, &people).map_err(|e| io_failure(e.into()))?;
            writeln!(out).map_err(io_failure)?;
        }
        ListFormat::Text => {
            let id_width = record.people.iter().map(|p| p.id.len()).max().unwrap_or(0);
            let name_width = record.people.iter().map(|p| p.name.chars().count()).max().unwrap_or(0);
            for p in record.people.iter() {
                let roles: Vec<&str> = p.roles.iter().map(|r| r.role.as_str()).collect();
                let kind = match p.kind {
                    crate::record::SpeakerKind::Person => "person",
                    crate::record::SpeakerKind::Organization => "organization",
                    crate::record::SpeakerKind::Document => "document",
                };
                writeln!(out, "{:id_width$}  {:name_width$}  {kind:12}  {}", p.id, p.name, roles.join(", "))
                    .map_err(io_failure)?;
            }
        }
    }
    Ok(Outcome::Clean)
}

/// One line per event: id, date and name (`rules list --events`).
pub fn list_events(record: &Record, format: ListFormat, out: &mut dyn Write) -> Result<Outcome, Failure> {
    match format {
        ListFormat::Json => {
            let events: Vec<&crate::record::Event> = record.events.iter().collect();
            serde_json::to_writer_pretty(&mut *out, &events).map_err(|e| io_failure(e.into()))?;
            writeln!(out).map_err(io_failure)?;
        }
        ListFormat::Text => {
            let id_width = record.events.iter().map(|e| e.id.len()).max().unwrap_or(0);
            for e in record.events.iter() {
                let date = e.date.valid().map_or_else(|| "undated".into(), |d| d.to_string());
                writeln!(out, "{:id_width$}  {:10}  {}", e.id, date, e.name).map_err(io_failure)?;
            }
        }
    }
    Ok(Outcome::Clean)
}

/// The entry with this id, or an error with the closest id as a suggestion.
fn entry_of(record: &Record, id: &str) -> Result<EntryRef, Failure> {
    record.get(id).ok_or_else(|| {
        let hint = crate::record::suggest_id(id, record.ids()).map(|s| format!(" ({s})")).unwrap_or_default();
        Failure::message(format!("no entry in the record has the id `{id}`{hint}"))
    })
}

/// The entry alone as JSON (`rules show ID --format json`), for plugins.
pub fn show_json(record: &Record, id: &str, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let entry = entry_of(record, id)?;
    let json = match entry {
        EntryRef::Role(i) => serde_json::to_string_pretty(&record.roles[i]),
        EntryRef::Person(i) => serde_json::to_string_pretty(&record.people[i]),
        EntryRef::Quotation(i) => serde_json::to_string_pretty(&record.quotations[i]),
        EntryRef::Event(i) => serde_json::to_string_pretty(&record.events[i]),
    }
    .map_err(|e| Failure::message(format!("cannot show `{id}`: {e}")))?;
    writeln!(out, "{json}").map_err(io_failure)?;
    Ok(Outcome::Clean)
}

/// The full entry as YAML, with where it is defined and what refers to it.
pub fn show(record: &Record, id: &str, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let entry = entry_of(record, id)?;
    let yaml = match entry {
        EntryRef::Role(i) => serde_norway::to_string(&record.roles[i]),
        EntryRef::Person(i) => serde_norway::to_string(&record.people[i]),
        EntryRef::Quotation(i) => serde_norway::to_string(&record.quotations[i]),
        EntryRef::Event(i) => serde_norway::to_string(&record.events[i]),
    }
    .map_err(|e| Failure::message(format!("cannot show `{id}`: {e}")))?;
    let mut text = format!("# {} `{id}`, defined at {}\n{yaml}", entry.kind(), record.defined_at(entry));
    match entry {
        EntryRef::Person(_) => {
            let said: Vec<&Quotation> =
                record.quotations.iter().filter(|q| q.speaker.0.iter().any(|s| s == id)).collect();
            if !said.is_empty() {
                text.push_str(&format!("# quotations ({}):\n", said.len()));
                for q in said {
                    let date = date_text(q).unwrap_or_else(|| "undated".into());
                    text.push_str(&format!("#   {}  {date}  {}\n", q.id, crate::checks::excerpt(&q.text, 8)));
                }
            }
        }
        EntryRef::Role(_) => {
            let mut holders = Vec::new();
            for p in &record.people {
                for span in p.roles.iter().filter(|s| s.role == id) {
                    let date = |d: Option<String>| d.unwrap_or_else(|| "?".into());
                    let from = date(span.from.as_ref().and_then(|d| d.valid()).map(|d| d.to_string()));
                    let to = match &span.to {
                        Some(SpanEnd::Present) => "present".to_owned(),
                        Some(SpanEnd::Date(d)) => date(d.valid().map(|d| d.to_string())),
                        None => "?".into(),
                    };
                    let when = match span.at.as_ref().and_then(|d| d.valid()) {
                        Some(at) => format!("at {at}"),
                        None => format!("{from} to {to}"),
                    };
                    holders.push(format!("#   {} ({}), {when}\n", p.name, p.id));
                }
            }
            if !holders.is_empty() {
                text.push_str(&format!("# holders ({}):\n", holders.len()));
                text.extend(holders);
            }
        }
        _ => {}
    }
    out.write_all(text.as_bytes()).map_err(io_failure)?;
    Ok(Outcome::Clean)
}
