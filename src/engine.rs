//! One article through the pipeline: parse, extract, match, check.

use crate::checks::{self, Check, Context};
use crate::diagnostic::Diagnostic;
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
    checks: Vec<&'static Check>,
}

/// What checking one file found.
#[derive(Debug, Default)]
pub struct FileResult {
    pub quotations: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'r> Engine<'r> {
    /// An engine running `checks` (see [`select`]).
    pub fn new(record: &'r Record, checks: Vec<&'static Check>) -> Self {
        Engine { record, quotes: QuoteIndex::new(record), names: NameIndex::new(record), checks }
    }

    pub fn check(&self, text: &str) -> FileResult {
        let doc = markdown::parse(text);
        let extraction = extract::extract(&doc, self.record, &self.names);
        let matches: Vec<_> =
            extraction.quotations.iter().map(|q| self.quotes.find(self.record, &q.text)).collect();
        let ctx = Context { record: self.record, source: text, extraction: &extraction, matches: &matches };
        let mut diagnostics = Vec::new();
        for check in &self.checks {
            check.run(&ctx, &mut diagnostics);
        }
        diagnostics.sort_by(|a, b| (a.range.start, a.code).cmp(&(b.range.start, b.code)));
        FileResult { quotations: extraction.quotations.len(), diagnostics }
    }
}

/// The checks to run: the default ones, plus `enable`, minus `disable`. Unknown codes are
/// returned as errors.
pub fn select(enable: &[String], disable: &[String]) -> Result<Vec<&'static Check>, String> {
    for code in enable.iter().chain(disable) {
        if checks::by_code(code).is_none() {
            let known: Vec<&str> = checks::ALL.iter().map(|c| c.code).collect();
            return Err(format!("unknown check `{code}`; the checks are: {}", known.join(", ")));
        }
    }
    Ok(checks::ALL
        .iter()
        .filter(|c| (!c.opt_in || enable.iter().any(|e| e == c.code)) && !disable.iter().any(|d| d == c.code))
        .collect())
}
