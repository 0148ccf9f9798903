//! `--format json`: one JSON object, a contract for editor plugins and CI (see the README).

use std::io::Write;

use serde::Serialize;

use super::{FileReport, Totals};
use crate::diagnostic::{LineIndex, Position, Severity};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    summary: Summary,
    diagnostics: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    quotations: usize,
    diagnostics: usize,
}

#[derive(Serialize)]
struct Item<'a> {
    path: String,
    code: &'a str,
    severity: Severity,
    message: &'a str,
    range: Range,
    quote_id: Option<&'a str>,
    found: Option<&'a str>,
    expected: Option<&'a str>,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

pub fn write(reports: &[FileReport], totals: Totals, out: &mut dyn Write) -> std::io::Result<()> {
    let mut diagnostics = Vec::new();
    for r in reports {
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            diagnostics.push(Item {
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
