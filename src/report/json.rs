//! `--format json` (one object, the contract documented in the README) and `--format
//! json-lines` (one finding per line, the same shape as the `diagnostics` items). Both are
//! written as files arrive: the object's `diagnostics` first, a finding at a time, then its
//! `summary`, which needs every file.

use std::io::Write;

use serde::Serialize;

use super::{FileReport, Totals};
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

/// Writes every finding of some files, in output order, each as `write` gives it.
fn each_item(
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

/// The object's opening, up to its first finding.
pub fn header(out: &mut impl Write) -> std::io::Result<()> {
    write!(out, r#"{{"version":1,"diagnostics":["#)
}

/// Some files' findings, as items of `diagnostics`; `written` says whether one came before.
pub fn write_items(reports: &[FileReport], written: &mut bool, out: &mut impl Write) -> std::io::Result<()> {
    each_item(reports, |item| {
        if std::mem::replace(written, true) {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, item)?;
        Ok(())
    })
}

/// The object's end: the summary, after the findings it counts.
pub fn footer(totals: Totals, out: &mut impl Write) -> std::io::Result<()> {
    let summary =
        Summary { files: totals.files, quotations: totals.quotations, diagnostics: totals.diagnostics() };
    write!(out, r#"],"summary":"#)?;
    serde_json::to_writer(&mut *out, &summary)?;
    writeln!(out, "}}")
}

/// The findings one per line.
pub fn write_lines(reports: &[FileReport], out: &mut impl Write) -> std::io::Result<()> {
    each_item(reports, |item| {
        serde_json::to_writer(&mut *out, item)?;
        out.write_all(b"\n")
    })
}
