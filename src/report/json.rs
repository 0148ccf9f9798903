//! `--format json` (one object, the contract documented in the README) and `--format
//! json-lines` (one finding per line, the same shape as the `diagnostics` items).

use std::io::Write;

use serde::Serialize;

use super::{FileReport, Totals};
use crate::diagnostic::{Position, Severity};

#[derive(Serialize)]
struct Output {
    version: u32,
    summary: Summary,
    diagnostics: Vec<serde_json::Value>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    quotations: usize,
    diagnostics: usize,
}

/// One finding, as both JSON formats give it.
#[derive(Serialize)]
pub struct Item<'a> {
    pub path: String,
    pub code: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub range: Range,
    pub quote_id: Option<&'a str>,
    pub found: Option<&'a str>,
    pub expected: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Every finding of every file, in output order, with positions.
pub fn items(reports: &[FileReport]) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for (r, lines) in super::with_lines(reports) {
        for d in &r.diagnostics {
            out.push(Item {
                path: r.path.to_string_lossy().into_owned(),
                code: d.code,
                severity: d.severity,
                message: &d.message,
                range: Range {
                    start: lines.position(&r.text, d.range.start),
                    end: lines.position(&r.text, d.range.end),
                },
                quote_id: d.quote_id.as_deref(),
                found: d.found.as_deref(),
                expected: d.expected.as_deref(),
            });
        }
    }
    out
}

/// The whole object, around findings already turned into JSON values (in output order).
pub fn write(
    diagnostics: Vec<serde_json::Value>,
    totals: Totals,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let output = Output {
        version: 1,
        summary: Summary {
            files: totals.files,
            quotations: totals.quotations,
            diagnostics: totals.diagnostics(),
        },
        diagnostics,
    };
    serde_json::to_writer(&mut *out, &output)?;
    writeln!(out)
}

/// The findings one per line. They are written into one buffer and handed to `out` whole:
/// serde_json writes a finding in dozens of small pieces, each a call through `dyn Write`.
pub fn write_lines(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
    // About half a kilobyte a finding: sized once rather than doubled from small (up to a
    // megabyte: a file with tens of thousands of findings grows it as before).
    let findings: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let mut buf = Vec::with_capacity((512 * findings).min(1 << 20));
    for item in items(reports) {
        serde_json::to_writer(&mut buf, &item)?;
        buf.push(b'\n');
    }
    out.write_all(&buf)
}
