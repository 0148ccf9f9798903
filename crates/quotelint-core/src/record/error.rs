//! A problem in the record, as a miette diagnostic pointing at the value at fault.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

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
        self.source.0.line_col(self.span.start)
    }

    /// The span, cut at the end of its first line: an error quotes at most that line.
    fn quoted_span(&self) -> SourceSpan {
        let text = &*self.source.0.text;
        let start = self.span.start.min(text.len());
        let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
        SourceSpan::from(start..self.span.end.clamp(start, line_end))
    }
}

/// A file's text and where its lines start, made once per file and shared by its errors: a
/// record with thousands of problems must not count its lines from the top for each.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: Arc<str>,
    lines: crate::diagnostic::LineIndex,
}

impl SourceFile {
    pub fn new(name: &str, text: Arc<str>) -> Arc<Self> {
        let lines = crate::diagnostic::LineIndex::new(&text);
        Arc::new(SourceFile { name: name.to_owned(), text, lines })
    }

    /// 1-based line and column, in characters, of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let p = self.lines.position(&self.text, offset.min(self.text.len()));
        (p.line, p.column)
    }
}

/// A file's text as an error shows it: the line at fault and no other. A record or
/// configuration path may name any file (`rules: ["/proc/self/environ"]`), and an error must
/// not copy a file's neighbouring lines (its secrets) into a CI log.
#[derive(Debug)]
pub struct Quoted(pub Arc<SourceFile>);

impl SourceCode for Quoted {
    /// With no context lines asked for, the span alone: how miette finds the line and column of
    /// its header. Otherwise the whole of the span's lines, without the context lines asked
    /// for. Lines are found in the file's index, not counted from its start.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let f = &self.0;
        let text = &*f.text;
        let start = span.offset();
        if start > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let end = (start + span.len()).min(text.len());
        let (from, to) = if context_lines_before == 0 && context_lines_after == 0 {
            (start, end)
        } else {
            let line_start = f.lines.line_start(f.lines.line(start)).min(start);
            (line_start, text[end..].find(['\n', '\r']).map_or(text.len(), |i| end + i))
        };
        let at = f.lines.position(text, from);
        let contents = MietteSpanContents::new_named(
            f.name.clone(),
            &text.as_bytes()[from..to],
            SourceSpan::from(from..to),
            at.line - 1,
            at.column - 1,
            at.line - 1,
        );
        Ok(Box::new(contents.with_language("yaml")))
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
        Self::located_in(message, help, &SourceFile::new(file, text), span, label)
    }

    /// [`RecordError::located`] in a file shared with other errors.
    pub fn located_in(
        message: String,
        help: Option<String>,
        file: &Arc<SourceFile>,
        span: Range<usize>,
        label: &str,
    ) -> Self {
        RecordError {
            code: "quotelint::record",
            message,
            help,
            location: Some(Box::new(Location {
                file: file.name.clone(),
                source: Quoted(file.clone()),
                span,
                label: label.to_owned(),
            })),
        }
    }
}
