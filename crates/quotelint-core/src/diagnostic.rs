//! What a check reports: a code, a severity, a message and an exact byte range; line and
//! column are derived from the range here and nowhere else.

use std::borrow::Cow;
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

/// One finding in one file, with everything a report says of it.
///
/// A check that makes few findings makes them whole; one that may make a finding per
/// quotation defers it, and it is rendered into a `Diagnostic` only as it is written (see
/// [`crate::findings`]). Fixed text is borrowed, not copied, and the parts most findings lack
/// live behind one pointer (the fix among them: few findings have one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: crate::checks::Code,
    pub severity: Severity,
    pub message: Cow<'static, str>,
    /// Byte range in the original file, end exclusive.
    pub range: Range<usize>,
    pub help: Option<Cow<'static, str>>,
    /// Labels, record entry, found and expected: `None` when it would hold none of them.
    pub details: Option<Box<Details>>,
}

/// What a finding says beyond its message and help.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Details {
    pub labels: Vec<Label>,
    /// The record entry the finding is about.
    pub quote_id: Option<String>,
    /// What the article says, and what the record says.
    pub found: Option<String>,
    pub expected: Option<String>,
    /// The edits that would correct the finding ([`crate::fix`]).
    pub fix: Option<crate::fix::Fix>,
}

impl Details {
    /// For [`Diagnostic::details`]: boxed, or `None` when empty.
    pub fn boxed(self) -> Option<Box<Details>> {
        (self != Details::default()).then(|| Box::new(self))
    }
}

impl Diagnostic {
    pub fn labels(&self) -> &[Label] {
        self.details.as_deref().map_or(&[], |d| &d.labels)
    }

    pub fn quote_id(&self) -> Option<&str> {
        self.details.as_deref().and_then(|d| d.quote_id.as_deref())
    }

    pub fn found(&self) -> Option<&str> {
        self.details.as_deref().and_then(|d| d.found.as_deref())
    }

    pub fn expected(&self) -> Option<&str> {
        self.details.as_deref().and_then(|d| d.expected.as_deref())
    }

    /// The edits that would correct the finding, if its check knows them.
    pub fn fix(&self) -> Option<&crate::fix::Fix> {
        self.details.as_deref().and_then(|d| d.fix.as_ref())
    }
}

/// A 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// The nearest character boundary at or before `i` (`str::floor_char_boundary`, stable only
/// after this crate's minimum Rust).
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest character boundary at or after `i`.
pub fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where bytes stop being UTF-8: "byte 0xf6 at line 3, column 2 (byte offset 17)".
pub fn first_invalid_byte(e: &std::string::FromUtf8Error) -> String {
    let (bytes, at) = (e.as_bytes(), e.utf8_error().valid_up_to());
    format!("byte 0x{:02x} at {} (byte offset {at})", bytes[at], line_and_column(bytes, at))
}

/// "line L, column C" of a byte offset in bytes that may not be UTF-8 from there on (a file
/// that failed to decode), counting the characters of the text before it.
pub fn line_and_column(bytes: &[u8], offset: usize) -> String {
    let before = String::from_utf8_lossy(&bytes[..offset.min(bytes.len())]);
    let p = LineIndex::new(&before).position(&before, before.len());
    format!("line {}, column {}", p.line, p.column)
}

/// Line starts of a file, for turning byte offsets into positions.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(offset, column)` every [`MARK_EVERY`] bytes of long lines, so that a column costs at
    /// most that many bytes of counting: a 50 MB one-line file with a million findings must
    /// not count from the line's start for each.
    marks: Vec<(usize, usize)>,
}

/// Bytes between two column marks.
const MARK_EVERY: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Lines end at LF, CRLF or a lone CR, as in CommonMark.
        let bytes = text.as_bytes();
        // A byte-order mark is not a column: editors show the first character at column 1.
        let mut starts = vec![if text.starts_with('\u{feff}') { 3 } else { 0 }];
        if memchr::memchr(b'\r', bytes).is_none() {
            // The common case, searched with SIMD: every reporter indexes every file.
            starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        } else {
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push(i + 1);
                }
            }
        }
        let mut marks = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let (mut at, mut column) = (start, 1);
            while end - at > MARK_EVERY {
                let next = ceil_char_boundary(text, at + MARK_EVERY);
                column += text[at..next].chars().count();
                marks.push((next, column));
                at = next;
            }
        }
        LineIndex { starts, marks }
    }

    /// The byte offset of a 1-based line and 1-based column counted in characters (the
    /// inverse of [`LineIndex::position`]), clamped to the text.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else { return text.len() };
        text[start..].char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| start + i)
    }

    /// The 1-based line of a byte offset alone: [`LineIndex::position`] without counting the
    /// column's characters.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset.max(self.starts[0]))
    }

    /// The byte offset where a 1-based line starts (the text's end past its last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line.saturating_sub(1)).copied().unwrap_or(usize::MAX)
    }

    /// The byte offset where a 1-based line's text ends, before its line break.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line) else { return text.len() };
        let before = &text.as_bytes()[..next];
        next - if before.ends_with(b"\r\n") { 2 } else { 1 }
    }

    /// The 1-based line, 1-based column (in characters) and byte offset of `offset`: the one
    /// place every output format, and the terminal's snippets, take positions from.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.max(self.starts[0]));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let mark = self.marks.partition_point(|&(at, _)| at <= offset);
        let (from, column) = match mark.checked_sub(1).map(|m| self.marks[m]) {
            Some((at, column)) if at >= start => (at, column),
            _ => (start, 1),
        };
        Position { line, column: column + text[from..offset].chars().count(), offset }
    }

    /// The 0-based UTF-16 column of a [`LineIndex::position`], as the Language Server Protocol
    /// counts columns by default: its character column, plus one for each character outside the
    /// Basic Multilingual Plane (two UTF-16 units; a 4-byte UTF-8 sequence, lead byte 0xF0–0xF4).
    pub fn utf16_column(&self, text: &str, p: Position) -> usize {
        let start = self.starts[p.line - 1];
        let astral = text.as_bytes()[start..p.offset].iter().filter(|&&b| b >= 0xf0).count();
        p.column - 1 + astral
    }

    /// The byte offset of a 1-based line and a 0-based UTF-16 column (the inverse of
    /// [`LineIndex::utf16_column`]): a column past the line's end is its end, and a column inside
    /// a character (between its two UTF-16 units) is that character's start; a line past the
    /// text is its end.
    pub fn offset_utf16(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else { return text.len() };
        let end = self.line_end(text, line).max(start);
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            units += c.len_utf16();
            if units > column {
                return start + i;
            }
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file may hold millions of findings until it is reported (docs/performance.md).
    #[test]
    fn a_finding_is_small() {
        assert!(std::mem::size_of::<Diagnostic>() <= 96, "{}", std::mem::size_of::<Diagnostic>());
    }

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        let text = "a\r\rb\r\nc";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, text.find('b').unwrap()).line, 3);
        assert_eq!(index.position(text, text.find('c').unwrap()).line, 4);
    }

    #[test]
    fn columns_of_long_lines_agree_with_counting() {
        let text = format!("short\n{}\nend", "aé“".repeat(5000));
        let index = LineIndex::new(&text);
        for offset in (0..text.len()).filter(|&o| text.is_char_boundary(o)).step_by(97) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let p = index.position(&text, offset);
            assert_eq!(p.column, text[start..offset].chars().count() + 1, "offset {offset}");
            assert_eq!(index.offset(&text, p.line, p.column), offset);
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), Position { line: 1, column: 1, offset: 3 });
        assert_eq!(index.position(text, 4).column, 2);
        assert_eq!(index.offset(text, 1, 2), 4);
        assert_eq!(index.position(text, text.find('d').unwrap()), Position { line: 2, column: 2, offset: 7 });
    }

    /// LSP columns count UTF-16 units: "ö" and "—" are one, an emoji two.
    #[test]
    fn utf16_columns_count_surrogate_pairs_and_invert() {
        let text = "x\nWörner — 🙂 \"q\"\r\nend";
        let index = LineIndex::new(text);
        let quote = text.find('"').unwrap();
        let p = index.position(text, quote);
        assert_eq!((p.line, p.column), (2, 12));
        assert_eq!(index.utf16_column(text, p), 12);
        assert_eq!(index.offset_utf16(text, 2, 12), quote);
        // Inside the emoji's surrogate pair: the emoji's start.
        let emoji = text.find('🙂').unwrap();
        assert_eq!(index.offset_utf16(text, 2, 9), emoji);
        assert_eq!(index.offset_utf16(text, 2, 10), emoji);
        assert_eq!(index.offset_utf16(text, 2, 11), emoji + 4);
        // Past the line's end: before its line break; past the text: its end.
        assert_eq!(index.offset_utf16(text, 2, 99), text.find('\r').unwrap());
        assert_eq!(index.offset_utf16(text, 9, 0), text.len());
        for offset in (0..text.len()).filter(|&o| text.is_char_boundary(o) && !text[o..].starts_with('\n')) {
            let p = index.position(text, offset);
            assert_eq!(index.offset_utf16(text, p.line, index.utf16_column(text, p)), offset, "{offset}");
        }
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
