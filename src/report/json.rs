//! `--format json`: one object, the contract documented in the README, written as files
//! arrive: the object's `diagnostics` first, a finding at a time, then its `summary`, which
//! needs every file. Its items are also `--format json-lines`' lines (`json_lines.rs`).

use std::io::Write;

use serde::Serialize;

use super::{Emitter, FileReport, Totals};
use crate::diagnostic::{Position, Severity};

#[derive(Serialize)]
struct Summary {
    files: usize,
    quotations: usize,
    diagnostics: usize,
}

/// One finding, as both JSON formats give it.
#[derive(Serialize)]
pub struct Item<'a> {
    pub path: &'a str,
    pub code: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub range: Range,
    pub quote_id: Option<&'a str>,
    pub found: Option<&'a str>,
    pub expected: Option<&'a str>,
    /// The edits that would correct the finding, or null.
    pub fix: Option<Fix<'a>>,
}

/// A finding's fix, as both JSON formats give it.
#[derive(Serialize)]
pub struct Fix<'a> {
    pub applicability: crate::fix::Applicability,
    pub edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
pub struct Edit<'a> {
    pub range: Range,
    pub replacement: &'a str,
}

#[derive(Serialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Writes `item` to `out` in one write, through `line`, a buffer kept between items: serde
/// writes a finding in dozens of pieces, each a call through `dyn Write` when written to `out`
/// directly (8% of a run's instructions on the seed corpus).
pub(super) fn write_item(
    item: &impl Serialize,
    line: &mut Vec<u8>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    line.clear();
    serde_json::to_writer(&mut *line, item)?;
    out.write_all(line)
}

/// [`write_item`] for a finding of the JSON formats, serialized by [`Item::write_json`].
pub(super) fn write_finding(item: &Item, line: &mut Vec<u8>, out: &mut dyn Write) -> std::io::Result<()> {
    line.clear();
    item.write_json(line);
    out.write_all(line)
}

impl Item<'_> {
    /// The item as `serde_json::to_writer` writes it (a test holds the two equal), written by
    /// hand: serde looks at a string's bytes one at a time for those to escape, which was the
    /// larger part of the reporting thread's work on the seed corpus; [`json_string`] looks at
    /// eight at a time.
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"path\":");
        json_string(out, self.path);
        out.extend_from_slice(b",\"code\":");
        json_string(out, self.code);
        out.extend_from_slice(b",\"severity\":");
        json_string(out, self.severity.as_str());
        out.extend_from_slice(b",\"message\":");
        json_string(out, self.message);
        out.extend_from_slice(b",\"range\":");
        self.range.write_json(out);
        for (key, value) in [("quote_id", self.quote_id), ("found", self.found), ("expected", self.expected)]
        {
            out.extend_from_slice(b",\"");
            out.extend_from_slice(key.as_bytes());
            out.extend_from_slice(b"\":");
            match value {
                Some(text) => json_string(out, text),
                None => out.extend_from_slice(b"null"),
            }
        }
        out.extend_from_slice(b",\"fix\":");
        match &self.fix {
            None => out.extend_from_slice(b"null"),
            Some(fix) => {
                out.extend_from_slice(b"{\"applicability\":");
                json_string(out, fix.applicability.as_str());
                out.extend_from_slice(b",\"edits\":[");
                for (i, edit) in fix.edits.iter().enumerate() {
                    out.extend_from_slice(if i == 0 { b"{\"range\":" } else { b",{\"range\":" });
                    edit.range.write_json(out);
                    out.extend_from_slice(b",\"replacement\":");
                    json_string(out, edit.replacement);
                    out.push(b'}');
                }
                out.extend_from_slice(b"]}");
            }
        }
        out.push(b'}');
    }
}

impl Range {
    fn write_json(&self, out: &mut Vec<u8>) {
        for (key, p) in
            [(&b"{\"start\":{\"line\":"[..], &self.start), (&b",\"end\":{\"line\":"[..], &self.end)]
        {
            out.extend_from_slice(key);
            json_number(out, p.line);
            out.extend_from_slice(b",\"column\":");
            json_number(out, p.column);
            out.extend_from_slice(b",\"offset\":");
            json_number(out, p.offset);
            out.push(b'}');
        }
        out.push(b'}');
    }
}

fn json_number(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// `text` as a JSON string, escaped as serde_json escapes it: `"` and `\\`, the control
/// characters (`\n`, `\r`, `\t`, `\b` and `\f` by letter, the others as `\u00xx`), nothing
/// else. Eight bytes at a time while none of them needs escaping, which is nearly always.
fn json_string(out: &mut Vec<u8>, text: &str) {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = 0x80 * ONES;
    // Whether a byte of `x` is below `n` (at most 0x80): exact as to whether any is.
    let any_below = |x: u64, n: u8| x.wrapping_sub(u64::from(n) * ONES) & !x & HIGH != 0;
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !(any_below(x, 0x20)
                || any_below(x ^ (u64::from(b'"') * ONES), 1)
                || any_below(x ^ (u64::from(b'\\') * ONES), 1))
            {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..0x20 => &[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]],
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[copied..i]);
        out.extend_from_slice(escape);
        i += 1;
        copied = i;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes every finding of some files, in output order, each as `write` gives it.
pub(super) fn each_item(
    reports: &[FileReport],
    mut write: impl FnMut(&Item) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for (r, lines) in super::with_lines(reports) {
        let path = super::path_text(&r.path);
        for d in r.diagnostics() {
            write(&Item {
                path: &path,
                code: d.code.as_str(),
                severity: d.severity,
                message: &d.message,
                range: Range {
                    start: lines.position(&r.text, d.range.start),
                    end: lines.position(&r.text, d.range.end),
                },
                quote_id: d.quote_id(),
                found: d.found(),
                expected: d.expected(),
                fix: d.fix().map(|f| Fix {
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            range: Range {
                                start: lines.position(&r.text, e.range.start),
                                end: lines.position(&r.text, e.range.end),
                            },
                            replacement: &e.replacement,
                        })
                        .collect(),
                }),
            })?;
        }
    }
    Ok(())
}

/// The JSON object; `written` says whether an item has been written (they are separated by
/// commas).
#[derive(Default)]
pub struct Json {
    written: bool,
}

impl Emitter for Json {
    /// The object's opening, up to its first finding.
    fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(out, r#"{{"version":1,"diagnostics":["#)
    }

    /// Some files' findings, as items of `diagnostics`.
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        let mut line = Vec::new();
        each_item(reports, |item| {
            if std::mem::replace(&mut self.written, true) {
                out.write_all(b",")?;
            }
            write_finding(item, &mut line, out)
        })
    }

    /// The object's end: the summary, after the findings it counts.
    fn finish(&mut self, totals: &Totals, out: &mut dyn Write) -> std::io::Result<()> {
        let summary =
            Summary { files: totals.files, quotations: totals.quotations, diagnostics: totals.diagnostics() };
        write!(out, r#"],"summary":"#)?;
        serde_json::to_writer(&mut *out, &summary)?;
        writeln!(out, "}}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn position(n: usize) -> Position {
        Position { line: n / 7 + 1, column: n % 7 + 1, offset: n }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// A finding written by hand is the finding serde_json writes, byte for byte, whatever
        /// its strings hold (quotes, backslashes, every control character, DEL, non-ASCII) and
        /// whichever of its parts are null.
        #[test]
        fn a_finding_is_written_as_serde_writes_it(
            strings in proptest::collection::vec("([\\x00-\\x1f\"\\\\\\x7fa-z é“”’😀]{0,12}){0,3}", 7),
            numbers in proptest::collection::vec(0usize..100_000, 6),
            some in proptest::collection::vec(any::<bool>(), 4),
            edits in 0usize..3,
        ) {
            let range = |k: usize| Range { start: position(numbers[k]), end: position(numbers[k + 1]) };
            let opt = |k: usize| some[k].then_some(strings[3 + k].as_str());
            let item = Item {
                path: &strings[0],
                code: &strings[1],
                severity: [Severity::Info, Severity::Warning, Severity::Error][numbers[0] % 3],
                message: &strings[2],
                range: range(0),
                quote_id: opt(0),
                found: opt(1),
                expected: opt(2),
                fix: some[3].then(|| Fix {
                    applicability: [crate::fix::Applicability::Safe, crate::fix::Applicability::Unsafe][numbers[1] % 2],
                    edits: (0..edits).map(|e| Edit { range: range(2 + e), replacement: &strings[6] }).collect(),
                }),
            };
            let mut by_hand = Vec::new();
            item.write_json(&mut by_hand);
            prop_assert_eq!(String::from_utf8(by_hand).unwrap(), serde_json::to_string(&item).unwrap());
        }
    }
}
