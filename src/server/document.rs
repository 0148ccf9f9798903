//! An open document: its text as the editor has it, and what its last check found.

use std::path::{Path, PathBuf};

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::engine::{Engine, Quoted};

pub struct Document {
    pub text: String,
    pub version: i32,
    pub index: LineIndex,
    /// The workspace folder whose configuration applies.
    pub folder: usize,
    /// Positions count UTF-8 bytes, as the client and server agreed; UTF-16 units otherwise.
    pub utf8: bool,
    /// Changed since its last check.
    pub dirty: bool,
    /// What the last check found, for code actions.
    pub diagnostics: Vec<Diagnostic>,
    /// The quotations of the last check, with the record entries they matched, for hover.
    pub quoted: Vec<Quoted>,
    /// "Add to my record" for the quotations asked about since the last check (by range): a
    /// harvest loads the record again to validate its entry, too slow for each move of the cursor.
    pub record_actions: Vec<(std::ops::Range<usize>, Option<lsp_types::CodeAction>)>,
}

impl Document {
    pub fn new(text: String, version: i32, folder: usize, utf8: bool) -> Self {
        let index = LineIndex::new(&text);
        Document {
            text,
            version,
            index,
            folder,
            utf8,
            dirty: true,
            diagnostics: Vec::new(),
            quoted: Vec::new(),
            record_actions: Vec::new(),
        }
    }

    /// Applies the editor's changes in order: a change with a range replaces it (positions in
    /// the encoding agreed), one without replaces the text.
    pub fn apply_changes(&mut self, changes: Vec<TextDocumentContentChangeEvent>, version: i32) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let start = self.offset(range.start);
                    let end = self.offset(range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
                None => self.text = change.text,
            }
            self.index = LineIndex::new(&self.text);
        }
        self.version = version;
        self.dirty = true;
    }

    /// The byte offset of a protocol position (0-based line, and column in the encoding
    /// agreed): a column past the line's end is its end, and one inside a character is its start.
    pub fn offset(&self, p: lsp_types::Position) -> usize {
        let (line, column) = (p.line as usize + 1, p.character as usize);
        if !self.utf8 {
            return self.index.offset_utf16(&self.text, line, column);
        }
        let start = self.index.line_start(line).min(self.text.len());
        let end = self.index.line_end(&self.text, line).max(start);
        crate::diagnostic::floor_char_boundary(&self.text, start.saturating_add(column).min(end))
    }

    /// The protocol position of a byte offset.
    pub fn position(&self, offset: usize) -> lsp_types::Position {
        let p = self.index.position(&self.text, offset);
        let column = match self.utf8 {
            true => p.offset - self.index.line_start(p.line),
            false => self.index.utf16_column(&self.text, p),
        };
        lsp_types::Position::new((p.line - 1) as u32, column as u32)
    }

    pub fn range(&self, r: &std::ops::Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.position(r.start), self.position(r.end))
    }

    /// Checks the text as it now is; a text that cannot be checked (larger than `max` bytes,
    /// the configuration's `max-file-size`; front matter refused; a bug) is one `unreadable`
    /// diagnostic, as `check` reports it.
    pub fn check(&mut self, engine: &Engine, path: &Path, max: u64) {
        self.record_actions.clear();
        self.dirty = false;
        let text = &self.text;
        if text.len() as u64 > max {
            let message =
                format!("not checked: {}", crate::discover::too_large(Some(text.len() as u64), max));
            (self.diagnostics, self.quoted) = (vec![crate::checks::unreadable(message, 0)], Vec::new());
            return;
        }
        let done = crate::commands::check::guard(path, text, || engine.check_with_quotations(text), |r| &r.0);
        (self.diagnostics, self.quoted) = match done {
            Ok((result, quoted)) => (result.findings.into_diagnostics(text), quoted),
            Err(e) => (vec![crate::checks::unreadable(e.message, e.before.len())], Vec::new()),
        };
    }
}

/// The `file:` URI of an absolute path, percent-encoded as [`file_path`] decodes it.
pub fn file_uri(path: &Path) -> Option<Uri> {
    let path = path.to_str().filter(|p| p.starts_with('/'))?;
    let mut uri = String::from("file://");
    for &b in path.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => uri.push(b as char),
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.parse().ok()
}

/// The path of a `file:` URI, percent-decoded; `None` for other schemes.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // An authority (`file://host/path`) other than the local host is not a local path.
    let path = if rest.starts_with('/') { rest } else { rest.strip_prefix("localhost")? };
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || {
            std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
        };
        match (bytes[i], hex()) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(range: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        let pos = |(l, c)| lsp_types::Position::new(l, c);
        TextDocumentContentChangeEvent {
            range: range.map(|(s, e)| lsp_types::Range::new(pos(s), pos(e))),
            range_length: None,
            text: text.into(),
        }
    }

    /// Incremental changes count UTF-16 units and apply in order, each on the text the one
    /// before made.
    #[test]
    fn incremental_changes_apply_in_utf16_positions() {
        let mut doc = Document::new("Wörner 🙂 said\nline two\n".into(), 1, 0, false);
        doc.dirty = false;
        // "said" starts at UTF-16 column 10 (the emoji is two units).
        doc.apply_changes(
            vec![change(Some(((0, 10), (0, 14))), "wrote"), change(Some(((1, 0), (1, 4))), "")],
            2,
        );
        assert_eq!(doc.text, "Wörner 🙂 wrote\n two\n");
        assert_eq!((doc.version, doc.dirty), (2, true));
        assert_eq!(doc.position(doc.text.find("wrote").unwrap()), lsp_types::Position::new(0, 10));
        doc.apply_changes(vec![change(None, "new")], 3);
        assert_eq!(doc.text, "new");
    }

    /// With UTF-8 agreed, columns are bytes: "said" starts at byte 13 of its line.
    #[test]
    fn utf8_positions_are_bytes() {
        let mut doc = Document::new("Wörner 🙂 said\nline two\n".into(), 1, 0, true);
        assert_eq!(doc.position(doc.text.find("said").unwrap()), lsp_types::Position::new(0, 13));
        assert_eq!(doc.offset(lsp_types::Position::new(0, 13)), doc.text.find("said").unwrap());
        // Inside the emoji: its start; past the line: its end.
        assert_eq!(doc.offset(lsp_types::Position::new(0, 10)), doc.text.find('🙂').unwrap());
        assert_eq!(doc.offset(lsp_types::Position::new(0, 99)), doc.text.find('\n').unwrap());
        doc.apply_changes(vec![change(Some(((0, 13), (0, 17))), "wrote")], 2);
        assert_eq!(doc.text, "Wörner 🙂 wrote\nline two\n");
    }

    #[test]
    fn file_uris_become_paths() {
        let uri = |s: &str| s.parse::<Uri>().unwrap();
        assert_eq!(
            file_path(&uri("file:///tmp/a%20b/W%C3%B6rner.md")),
            Some(PathBuf::from("/tmp/a b/Wörner.md"))
        );
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        let path = Path::new("/tmp/a b/Wörner%.yaml");
        assert_eq!(file_uri(path).unwrap().as_str(), "file:///tmp/a%20b/W%C3%B6rner%25.yaml");
        assert_eq!(file_path(&file_uri(path).unwrap()).as_deref(), Some(path));
        assert!(file_uri(Path::new("relative.yaml")).is_none());
    }
}
