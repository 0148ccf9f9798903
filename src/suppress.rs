//! Suppressions: reviewed exceptions written into the article.
//!
//! - `<!-- quotelint-disable-next-line CODE... -->`: findings starting on the next line;
//! - `<!-- quotelint-disable CODE... -->` … `<!-- quotelint-enable CODE... -->`: findings in
//!   between (to the end of the file without an `enable`);
//! - front matter `quotelint: {disable: [CODE...]}`: the whole file.
//!
//! No codes means every check. With `--report-unused-suppressions`, a directive (or a code in
//! it) that suppressed nothing becomes an `unused-suppression` finding, as ruff's RUF100 does.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::markdown::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// The comment (or front matter) it is written in.
    range: Range<usize>,
    /// Empty: every check.
    codes: Vec<String>,
    /// Which of `codes` (or, with none, the directive) suppressed something.
    used: Vec<bool>,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^<!--[\x20\t\r\n]*quotelint-(disable-next-line|disable|enable)(?-u:\b)([^>]*?)[\x20\t\r\n]*-->$",
    )
    .expect("directive pattern")
});

/// Every directive of a document.
fn directives(doc: &Document) -> Vec<Directive> {
    let mut out = Vec::new();
    for range in &doc.comments {
        let Some(c) = DIRECTIVE.captures(&doc.source[range.clone()]) else { continue };
        let kind = match &c[1] {
            "disable-next-line" => Kind::NextLine,
            "disable" => Kind::Disable,
            _ => Kind::Enable,
        };
        let codes: Vec<String> =
            c[2].split([' ', ',']).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        let used = vec![false; codes.len().max(1)];
        out.push(Directive { kind, range: range.clone(), codes, used });
    }
    let disable = doc.metadata.quotelint.as_ref().and_then(|q| q.get("disable"));
    if let (Some(fm), Some(disable)) = (&doc.front_matter, disable) {
        let codes: Vec<String> = match disable {
            serde_norway::Value::Sequence(s) => {
                s.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()
            }
            serde_norway::Value::String(s) => vec![s.clone()],
            _ => Vec::new(),
        };
        let used = vec![false; codes.len().max(1)];
        out.push(Directive { kind: Kind::File, range: fm.clone(), codes, used });
    }
    out
}

impl Directive {
    /// The index in `used` of the code matching `code`, if this directive names it.
    fn slot(&self, code: &str) -> Option<usize> {
        if self.codes.is_empty() {
            Some(0)
        } else {
            self.codes.iter().position(|c| c == code)
        }
    }
}

/// The directive and code slot that suppresses `d`, if any: a disable-next-line on the line
/// before it, else the last disable/enable region before it, else the front matter.
fn suppressor(dirs: &[Directive], lines: &LineIndex, source: &str, d: &Diagnostic) -> Option<(usize, usize)> {
    let line = lines.position(source, d.range.start).line;
    for (i, dir) in dirs.iter().enumerate() {
        if dir.kind == Kind::NextLine
            && lines.position(source, dir.range.end.saturating_sub(1)).line + 1 == line
        {
            if let Some(slot) = dir.slot(d.code) {
                return Some((i, slot));
            }
        }
    }
    let mut region = None;
    for (i, dir) in dirs.iter().enumerate().filter(|(_, dir)| dir.range.end <= d.range.start) {
        match (dir.kind, dir.slot(d.code)) {
            (Kind::Disable, Some(slot)) => region = Some((i, slot)),
            (Kind::Enable, Some(_)) => region = None,
            _ => {}
        }
    }
    region.or_else(|| {
        dirs.iter()
            .enumerate()
            .find_map(|(i, dir)| (dir.kind == Kind::File).then(|| dir.slot(d.code).map(|s| (i, s))).flatten())
    })
}

/// Removes suppressed findings; with `report_unused`, adds an `unused-suppression` finding for
/// every directive, or code in one, that suppressed nothing.
pub fn apply(doc: &Document, diagnostics: &mut Vec<Diagnostic>, report_unused: bool) {
    let mut dirs = directives(doc);
    if dirs.is_empty() {
        return;
    }
    let lines = LineIndex::new(doc.source);
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics.drain(..) {
        match suppressor(&dirs, &lines, doc.source, &d) {
            Some((i, slot)) => dirs[i].used[slot] = true,
            None => kept.push(d),
        }
    }
    if report_unused {
        for dir in dirs.iter().filter(|d| d.kind != Kind::Enable) {
            for (slot, used) in dir.used.iter().enumerate() {
                if *used {
                    continue;
                }
                let code = dir.codes.get(slot);
                let message = match code {
                    Some(c) if crate::checks::by_code(c).is_none() => {
                        format!("unknown check `{c}` in a suppression")
                    }
                    Some(c) => format!("this suppression of `{c}` suppressed nothing"),
                    None => "this suppression suppressed nothing".to_owned(),
                };
                kept.push(Diagnostic {
                    code: "unused-suppression",
                    severity: Severity::Warning,
                    message,
                    range: dir.range.clone(),
                    labels: Vec::new(),
                    help: Some("remove it, or correct the check code".to_owned()),
                    quote_id: None,
                    found: code.cloned(),
                    expected: None,
                });
            }
        }
    }
    kept.sort_by(|a, b| (a.range.start, a.code).cmp(&(b.range.start, b.code)));
    *diagnostics = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(source: &str, needle: &str, code: &'static str) -> Diagnostic {
        let start = source.find(needle).unwrap();
        Diagnostic {
            code,
            severity: Severity::Warning,
            message: String::new(),
            range: start..start + needle.len(),
            labels: Vec::new(),
            help: None,
            quote_id: None,
            found: None,
            expected: None,
        }
    }

    fn codes_left(source: &str, found: &[(&str, &'static str)], unused: bool) -> Vec<(String, &'static str)> {
        let doc = crate::markdown::parse(source);
        let mut ds: Vec<Diagnostic> = found.iter().map(|(n, c)| finding(source, n, c)).collect();
        apply(&doc, &mut ds, unused);
        ds.into_iter().map(|d| (source[d.range].to_owned(), d.code)).collect()
    }

    #[test]
    fn next_line_suppresses_only_the_next_line_and_named_codes() {
        let src = "<!-- quotelint-disable-next-line misdated -->
AAA
BBB
";
        let left = codes_left(src, &[("AAA", "misdated"), ("AAA", "unsourced"), ("BBB", "misdated")], false);
        assert_eq!(left, vec![("AAA".into(), "unsourced"), ("BBB".into(), "misdated")]);
    }

    #[test]
    fn regions_run_to_enable_or_end() {
        let src = "AAA

<!-- quotelint-disable -->

BBB

<!-- quotelint-enable -->

CCC

<!-- quotelint-disable unsourced -->

DDD
";
        let left = codes_left(
            src,
            &[
                ("AAA", "misdated"),
                ("BBB", "misdated"),
                ("CCC", "unsourced"),
                ("DDD", "unsourced"),
                ("DDD", "misdated"),
            ],
            false,
        );
        assert_eq!(
            left,
            vec![("AAA".into(), "misdated"), ("CCC".into(), "unsourced"), ("DDD".into(), "misdated")]
        );
    }

    #[test]
    fn front_matter_disables_for_the_file() {
        let src = "---
quotelint: {disable: [unsourced]}
---
AAA
";
        assert_eq!(
            codes_left(src, &[("AAA", "unsourced"), ("AAA", "misdated")], false),
            vec![("AAA".into(), "misdated")]
        );
    }

    #[test]
    fn unused_suppressions_are_reported_per_code() {
        let src = "<!-- quotelint-disable-next-line misdated unsourced misdatd -->
AAA
";
        let left = codes_left(src, &[("AAA", "misdated")], true);
        let comment = &src[..src.find('\n').unwrap()];
        assert_eq!(
            left,
            vec![(comment.into(), "unused-suppression"), (comment.into(), "unused-suppression")]
        );
        // Inside code, a directive is not a directive.
        let src = "```
<!-- quotelint-disable -->
```
AAA
";
        assert_eq!(codes_left(src, &[("AAA", "misdated")], true), vec![("AAA".into(), "misdated")]);
    }
}
