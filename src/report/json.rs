//! `--format json`: one object, the contract documented in the README, written as files
//! arrive: the object's `diagnostics` first, a finding at a time, then its `summary`, which
//! needs every file. Its items are also `--format json-lines`' lines (`json_lines.rs`).

use std::io::Write;

use serde::Serialize;

use super::{Emitter, FileReport, Totals};
use crate::diagnostic::{Position, Severity};

#[derive(Serialize)]
struct Summary {
    files: usize,
    quotations: usize,
    diagnostics: usize,
}

/// One finding, as both JSON formats give it.
#[derive(Serialize)]
pub struct Item<'a> {
    pub path: &'a str,
    pub code: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub range: Range,
    pub quote_id: Option<&'a str>,
    pub found: Option<&'a str>,
    pub expected: Option<&'a str>,
    /// The edits that would correct the finding, or null.
    pub fix: Option<Fix<'a>>,
}

/// A finding's fix, as both JSON formats give it.
#[derive(Serialize)]
pub struct Fix<'a> {
    pub applicability: crate::fix::Applicability,
    pub edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
pub struct Edit<'a> {
    pub range: Range,
    pub replacement: &'a str,
}

#[derive(Serialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Writes `item` to `out` in one write, through `line`, a buffer kept between items: serde
/// writes a finding in dozens of pieces, each a call through `dyn Write` when written to `out`
/// directly (8% of a run's instructions on the seed corpus).
pub(super) fn write_item(
    item: &impl Serialize,
    line: &mut Vec<u8>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    line.clear();
    serde_json::to_writer(&mut *line, item)?;
    out.write_all(line)
}

/// Writes every finding of some files, in output order, each as `write` gives it.
pub(super) fn each_item(
    reports: &[FileReport],
    mut write: impl FnMut(&Item) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for (r, lines) in super::with_lines(reports) {
        let path = super::path_text(&r.path);
        for d in r.diagnostics() {
            write(&Item {
                path: &path,
                code: d.code.as_str(),
                severity: d.severity,
                message: &d.message,
                range: Range {
                    start: lines.position(&r.text, d.range.start),
                    end: lines.position(&r.text, d.range.end),
                },
                quote_id: d.quote_id(),
                found: d.found(),
                expected: d.expected(),
                fix: d.fix().map(|f| Fix {
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            range: Range {
                                start: lines.position(&r.text, e.range.start),
                                end: lines.position(&r.text, e.range.end),
                            },
                            replacement: &e.replacement,
                        })
                        .collect(),
                }),
            })?;
        }
    }
    Ok(())
}

/// The JSON object; `written` says whether an item has been written (they are separated by
/// commas).
#[derive(Default)]
pub struct Json {
    written: bool,
}

impl Emitter for Json {
    /// The object's opening, up to its first finding.
    fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(out, r#"{{"version":1,"diagnostics":["#)
    }

    /// Some files' findings, as items of `diagnostics`.
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        let mut line = Vec::new();
        each_item(reports, |item| {
            if std::mem::replace(&mut self.written, true) {
                out.write_all(b",")?;
            }
            write_item(item, &mut line, out)
        })
    }

    /// The object's end: the summary, after the findings it counts.
    fn finish(&mut self, totals: &Totals, out: &mut dyn Write) -> std::io::Result<()> {
        let summary =
            Summary { files: totals.files, quotations: totals.quotations, diagnostics: totals.diagnostics() };
        write!(out, r#"],"summary":"#)?;
        serde_json::to_writer(&mut *out, &summary)?;
        writeln!(out, "}}")
    }
}
