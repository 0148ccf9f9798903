//! `--format checkstyle`: Checkstyle XML, read by reviewdog, Jenkins and most CI dashboards.

use std::io::Write;

use super::{Emitter, FileReport, Totals};
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
            // Attribute values are normalized by XML parsers: a raw tab or line break would
            // be read as a space.
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            // Not allowed in XML 1.0 at all, raw or as a reference.
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            // Allowed but discouraged (DEL, the C1 controls): a character reference, so that no
            // raw control character reaches a log or terminal that shows the file.
            c if c.is_control() => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

pub struct Checkstyle;

impl Emitter for Checkstyle {
    fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<checkstyle version="4.3">"#)
    }

    /// The `<file>` elements of some files.
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        for r in reports {
            writeln!(out, r#"  <file name="{}">"#, escape(&super::path_text(&r.path)))?;
            let lines = LineIndex::new(&r.text);
            for d in r.diagnostics() {
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

    fn finish(&mut self, _totals: &Totals, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "</checkstyle>")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn attributes_keep_tabs_and_line_breaks() {
        assert_eq!(super::escape("a\tb\nc\rd\x1be<&"), "a&#9;b&#10;c&#13;d\u{fffd}e&lt;&amp;");
        // Found by fuzzing: DEL and the C1 controls were written raw.
        assert_eq!(super::escape("n\u{7f}w\u{85}"), "n&#127;w&#133;");
    }
}
