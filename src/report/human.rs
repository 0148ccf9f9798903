//! The default output: each finding with its snippet, the quotation underlined, labels on the
//! speaker or date at fault and help giving the record; plain one-line findings when the
//! output is not a terminal.

use std::fmt;
use std::io::Write;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{FileReport, Totals};
use crate::diagnostic::{Diagnostic, Severity};

/// A file's text with its name, borrowed (miette's `NamedSource` wants to own it).
struct Named<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let c = self.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            c.data(),
            *c.span(),
            c.line(),
            c.column(),
            c.line_count(),
        )))
    }
}

/// A finding as miette renders it.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: Named<'a>,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl MietteDiagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("quotelint({})", self.diagnostic.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(None, d.range.clone());
        let others =
            d.labels.iter().map(|l| LabeledSpan::new_with_span(Some(l.text.clone()), l.range.clone()));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

/// Writes every finding of some files.
pub fn write(
    reports: &[FileReport],
    graphical: bool,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let handler = GraphicalReportHandler::new_themed(if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    });
    for (r, lines) in super::with_lines(reports) {
        let path = r.path.to_string_lossy();
        for d in &r.diagnostics {
            if graphical {
                let rendered = Rendered { diagnostic: d, source: Named { name: &path, text: &r.text } };
                let mut s = String::new();
                handler.render_report(&mut s, &rendered).map_err(std::io::Error::other)?;
                writeln!(out, "{s}")?;
            } else {
                let p = lines.position(&r.text, d.range.start);
                writeln!(
                    out,
                    "{path}:{}:{}: {}[{}] {}",
                    p.line,
                    p.column,
                    d.severity.as_str(),
                    d.code,
                    d.message
                )?;
                if let Some(help) = &d.help {
                    writeln!(out, "  help: {help}")?;
                }
            }
        }
    }
    Ok(())
}

/// `--statistics`: the number of findings per check, most frequent first.
pub fn statistics(
    counts: &std::collections::BTreeMap<&'static str, (usize, Severity)>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut rows: Vec<(&str, usize, Severity)> = counts.iter().map(|(c, (n, s))| (*c, *n, *s)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (code, n, severity) in rows {
        writeln!(out, "{n:>6}  {code:<20} {}", severity.as_str())?;
    }
    Ok(())
}

pub fn summary(t: Totals) -> String {
    let files = crate::count(t.files, "file", "files");
    let quotations = crate::count(t.quotations, "quotation", "quotations");
    if t.diagnostics() == 0 {
        return format!("checked {files}, {quotations}: no problems found");
    }
    let mut parts = Vec::new();
    for (n, one, many) in
        [(t.errors, "error", "errors"), (t.warnings, "warning", "warnings"), (t.infos, "info", "info")]
    {
        if n > 0 {
            parts.push(crate::count(n, one, many));
        }
    }
    format!("checked {files}, {quotations}: {}", parts.join(", "))
}
