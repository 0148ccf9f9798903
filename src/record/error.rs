//! A problem in the record, as a miette diagnostic pointing at the value at fault.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, MietteError, NamedSource, SourceCode, SourceSpan, SpanContents};

/// One problem found while loading or validating the record.
#[derive(Debug)]
pub struct RecordError {
    /// `quotelint::record` or `quotelint::config`.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub location: Option<Box<Location>>,
}

/// The file and byte range a [`RecordError`] points at.
#[derive(Debug)]
pub struct Location {
    pub file: String,
    pub source: Quoted,
    pub span: Range<usize>,
    pub label: String,
}

impl Location {
    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(self.source.0.inner(), self.span.start)
    }

    /// The span, cut at the end of its first line: an error quotes at most that line.
    fn quoted_span(&self) -> SourceSpan {
        let text = self.source.0.inner();
        let start = self.span.start.min(text.len());
        let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
        SourceSpan::from(start..self.span.end.clamp(start, line_end))
    }
}

/// A file's text as an error shows it: the line at fault and no other. A record or
/// configuration path may name any file (`rules: ["/proc/self/environ"]`), and an error must
/// not copy a file's neighbouring lines (its secrets) into a CI log.
#[derive(Debug)]
pub struct Quoted(pub NamedSource<Arc<str>>);

impl SourceCode for Quoted {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if context_lines_before == 0 && context_lines_after == 0 {
            // The span alone: how miette finds the line and column of its header.
            return self.0.read_span(span, 0, 0);
        }
        // The snippet: the whole of the span's lines, without the context lines asked for
        // (miette would start at the span itself when asked for no context).
        let text = self.0.inner();
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line_end = text[end..].find(['\n', '\r']).map_or(text.len(), |i| end + i);
        self.0.read_span(&SourceSpan::from(line_start..line_end), 0, 0)
    }
}

/// 1-based line and column, in characters, of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let p = crate::diagnostic::LineIndex::new(text).position(text, offset);
    (p.line, p.column)
}

impl RecordError {
    /// A problem with no place in a file (a missing path, an unreadable file).
    pub fn plain(message: String, help: Option<String>) -> Self {
        RecordError { code: "quotelint::record", message, help, location: None }
    }

    /// `file:line:column` of the problem, or just the message's subject when it has no place.
    pub fn position(&self) -> Option<String> {
        self.location.as_ref().map(|l| {
            let (line, col) = l.line_col();
            format!("{}:{line}:{col}", l.file)
        })
    }
}

/// The message alone: miette's report shows the file, line and column above the snippet.
impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RecordError {}

impl Diagnostic for RecordError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.location.as_ref().map(|l| &l.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let l = self.location.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(l.label.clone()), l.quoted_span()))))
    }
}

impl RecordError {
    /// The diagnostic as a miette report, for rendering.
    pub fn into_report(self) -> miette::Report {
        miette::Report::new(self)
    }

    /// A located error in `file` (whose full text is `text`) over `span`.
    pub fn located(
        message: String,
        help: Option<String>,
        file: &str,
        text: Arc<str>,
        span: Range<usize>,
        label: &str,
    ) -> Self {
        RecordError {
            code: "quotelint::record",
            message,
            help,
            location: Some(Box::new(Location {
                file: file.to_owned(),
                source: Quoted(NamedSource::new(file, text).with_language("yaml")),
                span,
                label: label.to_owned(),
            })),
        }
    }
}
