//! `--format checkstyle`: Checkstyle XML, read by reviewdog, Jenkins and most CI dashboards.

use std::io::Write;

use super::FileReport;
use crate::diagnostic::{LineIndex, Severity};

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn header(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<checkstyle version="4.3">"#)
}

pub fn footer(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "</checkstyle>")
}

/// The `<file>` elements of some files.
pub fn files(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
    for r in reports {
        writeln!(out, r#"  <file name="{}">"#, escape(&r.path.to_string_lossy()))?;
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let p = lines.position(&r.text, d.range.start);
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            writeln!(
                out,
                r#"    <error line="{}" column="{}" severity="{severity}" message="{}" source="quotelint.{}"/>"#,
                p.line,
                p.column,
                escape(&d.message),
                d.code
            )?;
        }
        writeln!(out, "  </file>")?;
    }
    Ok(())
}
