//! One article through the pipeline: parse, extract, match, check.

use std::collections::BTreeMap;

use crate::checks::{self, Check, Context};
use crate::config::CheckSetting;
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract;
use crate::markdown;
use crate::matcher::QuoteIndex;
use crate::names::NameIndex;
use crate::record::Record;

/// Everything built once from the record and shared by every file checked.
pub struct Engine<'r> {
    pub record: &'r Record,
    quotes: QuoteIndex,
    names: NameIndex,
    settings: Settings,
}

/// Which checks run at which severity, and how articles are read.
#[derive(Debug, Clone)]
pub struct Settings {
    pub checks: Vec<(&'static Check, Severity)>,
    pub extract: extract::Options,
    /// Report suppressions that suppressed nothing.
    pub report_unused_suppressions: bool,
}

impl Default for Settings {
    /// Every default check at its own severity.
    fn default() -> Self {
        Settings {
            checks: select(&[], &[], &Default::default()).expect("no codes"),
            extract: Default::default(),
            report_unused_suppressions: false,
        }
    }
}

/// What checking one file found.
#[derive(Debug, Default)]
pub struct FileResult {
    pub quotations: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// The default record's indexes, built with quotelint (see [`crate::prebuilt`]).
mod prebuilt {
    include!(concat!(env!("OUT_DIR"), "/prebuilt_indexes.rs"));
}

impl<'r> Engine<'r> {
    pub fn new(record: &'r Record, settings: Settings) -> Self {
        let (quotes, names) = indexes(record);
        Engine { record, quotes, names, settings }
    }

    pub fn check(&self, text: &str) -> FileResult {
        let doc = markdown::parse(text);
        let extraction = extract::extract(&doc, self.record, &self.names, &self.settings.extract);
        let matches: Vec<_> =
            extraction.quotations.iter().map(|q| self.quotes.find(self.record, &q.text)).collect();
        let ctx = Context { record: self.record, source: text, extraction: &extraction, matches: &matches };
        let mut diagnostics = Vec::new();
        for (check, severity) in &self.settings.checks {
            check.run(&ctx, *severity, &mut diagnostics);
        }
        diagnostics.sort_by(|a, b| (a.range.start, a.code).cmp(&(b.range.start, b.code)));
        let report_unused = self.settings.report_unused_suppressions
            || self.settings.checks.iter().any(|(c, _)| c.code == "unused-suppression");
        crate::suppress::apply(&doc, &mut diagnostics, report_unused);
        FileResult { quotations: extraction.quotations.len(), diagnostics }
    }
}

/// The record's indexes: read from the tables built with quotelint when the record is the
/// default one alone (and this run hashes words as the build did), built now otherwise.
fn indexes(record: &Record) -> (QuoteIndex, NameIndex) {
    use prebuilt::{NAMES, PROBE_HASH, QUOTES};
    match (&QUOTES, &NAMES) {
        (Some(quotes), Some(names))
            if record.is_embedded_default() && crate::matcher::hash(crate::prebuilt::PROBE) == PROBE_HASH =>
        {
            (QuoteIndex::from_prebuilt(quotes), NameIndex::from_prebuilt(names))
        }
        _ => (QuoteIndex::new(record), NameIndex::new(record)),
    }
}

/// The checks to run and their severities: the defaults, then the configuration's `checks`
/// (off, or a severity), then `--enable` (at the configured or default severity) and
/// `--disable`. Unknown codes are errors.
pub fn select(
    enable: &[String],
    disable: &[String],
    configured: &BTreeMap<String, CheckSetting>,
) -> Result<Vec<(&'static Check, Severity)>, String> {
    for code in enable.iter().chain(disable).chain(configured.keys()) {
        if checks::by_code(code).is_none() {
            let known: Vec<&str> = checks::ALL.iter().map(|c| c.code).collect();
            return Err(format!("unknown check `{code}`; the checks are: {}", known.join(", ")));
        }
    }
    Ok(checks::ALL
        .iter()
        .filter_map(|c| {
            let mut on = (!c.opt_in).then_some(c.severity);
            match configured.get(c.code) {
                Some(CheckSetting::Off) => on = None,
                Some(CheckSetting::On(s)) => on = Some(*s),
                None => {}
            }
            if enable.iter().any(|e| e == c.code) {
                on = on.or(Some(match configured.get(c.code) {
                    Some(CheckSetting::On(s)) => *s,
                    _ => c.severity,
                }));
            }
            if disable.iter().any(|d| d == c.code) {
                on = None;
            }
            on.map(|s| (c, s))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{default_sources, LoadOptions, RecordSource};

    /// The tables built with quotelint hold exactly the indexes a run would build, for the
    /// default record loaded in full and for checking.
    #[test]
    fn the_prebuilt_indexes_are_the_indexes() {
        let (quotes, names) = (prebuilt::QUOTES.as_ref().unwrap(), prebuilt::NAMES.as_ref().unwrap());
        for for_checking in [false, true] {
            let record = Record::load(&LoadOptions { for_checking, ..LoadOptions::default() }).unwrap();
            assert!(record.is_embedded_default());
            assert!(QuoteIndex::from_prebuilt(quotes) == QuoteIndex::new(&record));
            assert!(NameIndex::from_prebuilt(names) == NameIndex::new(&record));
        }
    }

    /// Any other record has its indexes built: a user's entries may add or replace names.
    #[test]
    fn a_users_record_is_indexed_at_run_time() {
        let user = RecordSource {
            name: "user.yaml".into(),
            text: "people:\n  - id: someone-new\n    name: Ada Example\n".into(),
            layer: crate::record::Layer::User,
            snapshot: None,
            check_entries: None,
        };
        let mut sources = default_sources();
        sources.push(user);
        let mut errors = Vec::new();
        let record = Record::from_sources(sources, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!record.is_embedded_default());
        let (_, names) = indexes(&record);
        assert_eq!(names.find("Ada Example spoke.").len(), 1);
        // Nor is the default record changed after loading (by a library user).
        let mut changed = Record::load(&LoadOptions::default()).unwrap();
        changed.people[0].aliases.push("Zebedee Quux".into());
        assert!(!changed.is_embedded_default());
        assert_eq!(indexes(&changed).1.find("Zebedee Quux spoke.").len(), 1);
        // The default record alone, without one of its files, is not the default record.
        let mut sources = default_sources();
        sources.pop();
        assert!(!Record::from_sources(sources, &mut errors).is_embedded_default());
    }
}
