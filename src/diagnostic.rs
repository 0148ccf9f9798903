//! What a check reports: a code, a severity, a message and an exact byte range; line and
//! column are derived from the range here and nowhere else.

use std::ops::Range;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// One step milder: for findings that rest on a low-confidence record entry.
    pub fn lowered(self) -> Self {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A secondary range with a note ("the article's speaker", "statement date").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub range: Range<usize>,
    pub text: String,
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Byte range in the original file, end exclusive.
    pub range: Range<usize>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// The record entry the finding is about.
    pub quote_id: Option<String>,
    /// What the article says, and what the record says.
    pub found: Option<String>,
    pub expected: Option<String>,
}

/// A 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// Line starts of a file, for turning byte offsets into positions.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Lines end at LF, CRLF or a lone CR, as in CommonMark.
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        if memchr::memchr(b'\r', bytes).is_none() {
            // The common case, searched with SIMD: every reporter indexes every file.
            starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
            return LineIndex { starts };
        }
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// The byte offset of a 1-based line and 1-based column counted in characters (the
    /// inverse of [`LineIndex::position`]), clamped to the text.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else { return text.len() };
        text[start..].char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| start + i)
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Position { line, column: text[start..offset].chars().count() + 1, offset }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        let text = "a\r\rb\r\nc";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, text.find('b').unwrap()).line, 3);
        assert_eq!(index.position(text, text.find('c').unwrap()).line, 4);
    }

    #[test]
    fn positions_count_characters_and_lines() {
        let text = "ab\nWörner \"x\"\n";
        let index = LineIndex::new(text);
        let quote = text.find('"').unwrap();
        assert_eq!(index.position(text, quote), Position { line: 2, column: 8, offset: quote });
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1, offset: 0 });
        assert_eq!(index.position(text, text.len()).line, 3);
    }
}
