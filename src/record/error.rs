//! A problem in the record, as a miette diagnostic pointing at the value at fault.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

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
    pub source: NamedSource<Arc<str>>,
    pub span: Range<usize>,
    pub label: String,
}

impl Location {
    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(self.source.inner(), self.span.start)
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
        let span = SourceSpan::from(l.span.start..l.span.end.max(l.span.start));
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(l.label.clone()), span))))
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
                source: NamedSource::new(file, text).with_language("yaml"),
                span,
                label: label.to_owned(),
            })),
        }
    }
}
