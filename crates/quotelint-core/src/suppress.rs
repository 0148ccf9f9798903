//! Suppressions: reviewed exceptions written into the article.
//!
//! - `<!-- quotelint-disable-next-line CODE... -->`: findings starting on the next line;
//! - `<!-- quotelint-disable CODE... -->` … `<!-- quotelint-enable CODE... -->`: findings in
//!   between (to the end of the file without an `enable`);
//! - front matter `quotelint: {disable: [CODE...]}`: the whole file.
//!
//! No codes means every check; words after ` -- ` are a reason, not codes. A comment that
//! starts like a directive but is none of these, or a code that is no check's, suppresses
//! nothing and is an `invalid-suppression` finding, always. With
//! `--report-unused-suppressions`, a directive (or a code in it) that suppressed nothing becomes
//! an `unused-suppression` finding, as ruff's RUF100 does.
//!
//! Findings and directives are matched in one sweep in source order: a run's cost grows with
//! the number of findings plus the number of directives, not their product.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::checks::Code;
use crate::diagnostic::{Details, Diagnostic, LineIndex, Severity};
use crate::findings::Finding;
use crate::markdown::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

/// The directives, as written after `<!--`.
const DIRECTIVES: [(&str, Kind); 3] = [
    ("quotelint-disable-next-line", Kind::NextLine),
    ("quotelint-disable", Kind::Disable),
    ("quotelint-enable", Kind::Enable),
];

#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// The comment (or front matter) it is written in.
    range: Range<usize>,
    /// Empty: every check. Unknown codes stay, and match no finding.
    codes: Vec<String>,
    /// Which of `codes` (or, with none, the directive) suppressed something.
    used: Vec<bool>,
}

/// A comment that means to be a directive: `quotelint-` or `quotelint:` (in any case) first,
/// then the directive's name, then its codes.
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)^<!--[\x20\t\r\n]*((?i:quotelint)[-:][^\x20\t\r\n,>]*)(.*?)[\x20\t\r\n]*-->$")
        .expect("directive pattern")
});

/// A finding about the suppression written at `range`.
fn invalid(
    range: Range<usize>,
    message: String,
    help: String,
    found: String,
    severity: Severity,
) -> Diagnostic {
    Diagnostic {
        code: Code::InvalidSuppression,
        severity,
        message: message.into(),
        range,
        help: Some(help.into()),
        details: Details { found: Some(found), ..Details::default() }.boxed(),
    }
}

/// " did you mean `x`?" for a word close to one of `known`, or nothing.
fn did_you_mean<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> String {
    crate::record::suggest_id(wrong, known).map_or_else(String::new, |s| format!("; {s}"))
}

/// An `invalid-suppression` finding for each of `codes` that is no check's.
fn unknown_codes(codes: &[String], range: &Range<usize>, severity: Severity, out: &mut Vec<Diagnostic>) {
    for code in codes.iter().filter(|c| crate::checks::by_code(c).is_none()) {
        let known = || crate::checks::ALL.iter().map(|c| c.code.as_str());
        out.push(invalid(
            range.clone(),
            format!("unknown check `{code}` in a suppression{}", did_you_mean(code, known())),
            format!(
                "this code suppresses nothing; the checks are: {}",
                known().collect::<Vec<_>>().join(", ")
            ),
            code.clone(),
            severity,
        ));
    }
}

/// Every directive of a document, and an `invalid-suppression` finding at `severity` for
/// each suppression it cannot read.
fn directives(doc: &Document, severity: Severity) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for range in &doc.comments {
        let Some(c) = DIRECTIVE.captures(&doc.source[range.clone()]) else { continue };
        let Some(kind) = DIRECTIVES.iter().find(|(name, _)| *name == &c[1]).map(|(_, kind)| *kind) else {
            let names = || DIRECTIVES.iter().map(|(name, _)| *name);
            bad.push(invalid(
                range.clone(),
                format!("unknown suppression directive `{}`{}", &c[1], did_you_mean(&c[1], names())),
                format!(
                    "this comment suppresses nothing; the directives are {}",
                    names().collect::<Vec<_>>().join(", ")
                ),
                c[1].to_owned(),
                severity,
            ));
            continue;
        };
        // ` -- ` starts a reason; codes are separated by spaces or commas.
        let codes = c[2].split(" -- ").next().unwrap_or_default();
        let codes: Vec<String> = codes
            .split(|ch: char| ch == ',' || ch.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        unknown_codes(&codes, range, severity, &mut bad);
        let used = vec![false; codes.len().max(1)];
        out.push(Directive { kind, range: range.clone(), codes, used });
    }
    // `disable` is the only setting a file gives itself: another key is a typo that would
    // otherwise be read as nothing.
    if let (Some(fm), Some(settings)) = (&doc.front_matter, &doc.metadata.quotelint) {
        let keys: Vec<String> = match settings {
            serde_norway::Value::Mapping(m) => m
                .keys()
                .filter(|k| k.as_str() != Some("disable"))
                .map(|k| serde_norway::to_string(k).unwrap_or_default().trim().to_owned())
                .collect(),
            serde_norway::Value::Null => Vec::new(),
            _ => vec![String::new()],
        };
        for key in keys {
            let what = if key.is_empty() { "a value".to_owned() } else { format!("the key `{key}`") };
            bad.push(invalid(
                fm.clone(),
                format!("the front matter's `quotelint:` has {what}; its only key is `disable`"),
                "write `quotelint: {disable: [CODE, ...]}`; for other settings use quotelint.yaml (see `quotelint config`)"
                    .to_owned(),
                key,
                severity,
            ));
        }
    }
    let disable = doc.metadata.quotelint.as_ref().and_then(|q| q.get("disable"));
    if let (Some(fm), Some(disable)) = (&doc.front_matter, disable) {
        let codes: Option<Vec<String>> = match disable {
            serde_norway::Value::Sequence(s) => s.iter().map(|v| v.as_str().map(str::to_owned)).collect(),
            serde_norway::Value::String(s) => Some(vec![s.clone()]),
            _ => None,
        };
        match codes {
            // An empty list names no check: it disables nothing (no codes would mean every check).
            Some(codes) if codes.is_empty() => {}
            Some(codes) => {
                unknown_codes(&codes, fm, severity, &mut bad);
                let used = vec![false; codes.len()];
                out.push(Directive { kind: Kind::File, range: fm.clone(), codes, used });
            }
            None => bad.push(invalid(
                fm.clone(),
                "the front matter's `quotelint: {disable: ...}` is not a list of check codes".to_owned(),
                "write `quotelint: {disable: [CODE, ...]}`; as it is, it suppresses nothing".to_owned(),
                String::new(),
                severity,
            )),
        }
    }
    (out, bad)
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

/// A directive and the slot of its code that suppresses a finding.
type Suppressor = (usize, usize);

/// The `disable`/`enable` regions in force at a point of the sweep: for every check, and per
/// code, the latest directive to speak of it (by its place in the sweep) and what it said.
#[derive(Default)]
struct Regions<'a> {
    every: Option<(usize, Option<Suppressor>)>,
    code: FxHashMap<&'a str, (usize, Option<Suppressor>)>,
}

impl<'a> Regions<'a> {
    /// Takes in directive `i`, the `seq`-th region directive of the file.
    fn enter(&mut self, seq: usize, i: usize, dir: &'a Directive) {
        let disable = dir.kind == Kind::Disable;
        if dir.codes.is_empty() {
            self.every = Some((seq, disable.then_some((i, 0))));
        }
        for (slot, code) in dir.codes.iter().enumerate() {
            // A code named twice is the first's.
            if self.code.get(code.as_str()).is_none_or(|(s, _)| *s != seq) {
                self.code.insert(code, (seq, disable.then_some((i, slot))));
            }
        }
    }

    /// The region suppressing `code` here, if any.
    fn suppressor(&self, code: &str) -> Option<Suppressor> {
        match (self.every, self.code.get(code)) {
            (Some((every, all)), Some(&(seq, one))) => {
                if every > seq {
                    all
                } else {
                    one
                }
            }
            (Some((_, all)), None) => all,
            (None, Some(&(_, one))) => one,
            (None, None) => None,
        }
    }
}

/// Removes suppressed findings; adds an `invalid-suppression` finding at `invalid` (unless it
/// is off) for every suppression that cannot be read, and with `report_unused`, an
/// `unused-suppression` finding for every directive, or code in one, that suppressed nothing.
pub fn apply(doc: &Document, diagnostics: &mut Vec<Finding>, report_unused: bool, invalid: Option<Severity>) {
    let (mut dirs, bad) = directives(doc, invalid.unwrap_or(Severity::Warning));
    if dirs.is_empty() && bad.is_empty() {
        return;
    }
    let suppressed = sweep(doc.source, &dirs, diagnostics);
    let mut kept = Vec::with_capacity(diagnostics.len());
    for (d, by) in diagnostics.drain(..).zip(suppressed) {
        match by {
            Some((i, slot)) => dirs[i].used[slot] = true,
            None => kept.push(d),
        }
    }
    if invalid.is_some() {
        kept.extend(bad.into_iter().map(Finding::made));
    }
    if report_unused {
        for dir in dirs.iter().filter(|d| d.kind != Kind::Enable) {
            for (slot, used) in dir.used.iter().enumerate() {
                let code = dir.codes.get(slot);
                // An unknown code is an `invalid-suppression` already.
                if *used || code.is_some_and(|c| crate::checks::by_code(c).is_none()) {
                    continue;
                }
                let message = match code {
                    Some(c) => format!("this suppression of `{c}` suppressed nothing").into(),
                    None => "this suppression suppressed nothing".into(),
                };
                kept.push(Finding::made(Diagnostic {
                    code: Code::UnusedSuppression,
                    severity: Severity::Warning,
                    message,
                    range: dir.range.clone(),
                    help: Some("remove it, or correct the check code".into()),
                    details: Details { found: code.cloned(), ..Details::default() }.boxed(),
                }));
            }
        }
    }
    kept.sort_by_key(|d| (d.range.start, d.code));
    *diagnostics = kept;
}

/// What suppresses each finding, if anything: a disable-next-line on the line before it, else
/// the last disable/enable region before it, else the front matter. One pass over the findings
/// in order of their start, and over the directives in order.
fn sweep(source: &str, dirs: &[Directive], diagnostics: &[Finding]) -> Vec<Option<Suppressor>> {
    let lines = LineIndex::new(source);
    let mut next_line: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, dir) in dirs.iter().enumerate().filter(|(_, d)| d.kind == Kind::NextLine) {
        next_line.entry(lines.line(dir.range.end.saturating_sub(1)) + 1).or_default().push(i);
    }
    let mut regions: Vec<usize> =
        (0..dirs.len()).filter(|&i| matches!(dirs[i].kind, Kind::Disable | Kind::Enable)).collect();
    regions.sort_by_key(|&i| dirs[i].range.end);
    let file = dirs.iter().position(|d| d.kind == Kind::File);

    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&k| diagnostics[k].range.start);
    let mut out = vec![None; diagnostics.len()];
    let mut state = Regions::default();
    let mut entered = 0;
    for k in order {
        let d = &diagnostics[k];
        while let Some(&i) = regions.get(entered).filter(|&&i| dirs[i].range.end <= d.range.start) {
            state.enter(entered, i, &dirs[i]);
            entered += 1;
        }
        let above = if next_line.is_empty() { None } else { next_line.get(&lines.line(d.range.start)) };
        out[k] = above
            .and_then(|dirs_above| {
                dirs_above.iter().find_map(|&i| dirs[i].slot(d.code.as_str()).map(|s| (i, s)))
            })
            .or_else(|| state.suppressor(d.code.as_str()))
            .or_else(|| file.and_then(|i| dirs[i].slot(d.code.as_str()).map(|s| (i, s))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`apply`] to findings made whole, as the checks make most.
    fn apply_made(doc: &Document, ds: &mut Vec<Diagnostic>, unused: bool, invalid: Option<Severity>) {
        let mut findings: Vec<Finding> = ds.drain(..).map(Finding::made).collect();
        apply(doc, &mut findings, unused, invalid);
        *ds = crate::findings::Findings::from_items(findings).into_diagnostics("");
    }

    fn finding(source: &str, needle: &str, code: &'static str) -> Diagnostic {
        let start = source.find(needle).unwrap();
        Diagnostic {
            code: crate::checks::by_code(code).unwrap().code,
            severity: Severity::Warning,
            message: "".into(),
            range: start..start + needle.len(),
            help: None,
            details: None,
        }
    }

    fn codes_left(source: &str, found: &[(&str, &'static str)], unused: bool) -> Vec<(String, &'static str)> {
        let doc = crate::markdown::parse(source);
        let mut ds: Vec<Diagnostic> = found.iter().map(|(n, c)| finding(source, n, c)).collect();
        apply_made(&doc, &mut ds, unused, Some(Severity::Warning));
        ds.into_iter().map(|d| (source[d.range].to_owned(), d.code.as_str())).collect()
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
    fn unknown_front_matter_settings_are_invalid_suppressions() {
        for (settings, key) in [
            ("{disabel: [unsourced]}", "disabel"),
            ("{disable: [unsourced], checks: {misdated: off}}", "checks"),
            ("off", ""),
        ] {
            let src = format!("---\nquotelint: {settings}\n---\nAAA\n");
            let doc = crate::markdown::parse(&src);
            let mut ds = vec![finding(&src, "AAA", "misdated")];
            apply_made(&doc, &mut ds, false, Some(Severity::Warning));
            let invalid: Vec<&Diagnostic> =
                ds.iter().filter(|d| d.code == Code::InvalidSuppression).collect();
            assert_eq!(invalid.len(), 1, "{settings}: {ds:?}");
            assert_eq!(invalid[0].found(), Some(key), "{settings}");
            assert!(invalid[0].message.contains("its only key is `disable`"), "{}", invalid[0].message);
            // Nothing but `disable` suppresses.
            assert!(ds.iter().any(|d| d.code == Code::Misdated), "{settings}");
        }
    }

    #[test]
    fn unused_suppressions_are_reported_per_code() {
        let src = "<!-- quotelint-disable-next-line misdated unsourced misdatd -->
AAA
";
        let left = codes_left(src, &[("AAA", "misdated")], true);
        let comment = &src[..src.find('\n').unwrap()];
        // The unknown code is an invalid suppression, not an unused one.
        assert_eq!(
            left,
            vec![(comment.into(), "invalid-suppression"), (comment.into(), "unused-suppression")]
        );
        // Inside code, a directive is not a directive.
        let src = "```
<!-- quotelint-disable -->
```
AAA
";
        assert_eq!(codes_left(src, &[("AAA", "misdated")], true), vec![("AAA".into(), "misdated")]);
    }

    /// A mistyped directive was read as `quotelint-disable` with a code `-line` (issue 18):
    /// it disabled the named check for the rest of the file. It now suppresses nothing, and
    /// says so, with or without `--report-unused-suppressions`.
    #[test]
    fn a_mistyped_directive_suppresses_nothing_and_is_reported() {
        for directive in [
            "quotelint-disable-line",
            "quotelint-disable-nextline",
            "quotelint-disabled",
            "QuoteLint:disable",
        ] {
            let src = format!("<!-- {directive} misdated -->\nAAA\n\nBBB\n");
            for unused in [false, true] {
                let doc = crate::markdown::parse(&src);
                let mut ds = vec![finding(&src, "AAA", "misdated"), finding(&src, "BBB", "misdated")];
                apply_made(&doc, &mut ds, unused, Some(Severity::Warning));
                let codes: Vec<&str> = ds.iter().map(|d| d.code.as_str()).collect();
                assert_eq!(codes, vec!["invalid-suppression", "misdated", "misdated"], "{directive}");
                assert!(ds[0].message.contains(&format!("`{directive}`")), "{}", ds[0].message);
            }
        }
        let doc = crate::markdown::parse("<!-- quotelint-disable-nextline misdated -->\n");
        let mut ds = Vec::new();
        apply_made(&doc, &mut ds, false, Some(Severity::Warning));
        assert_eq!(
            ds[0].message,
            "unknown suppression directive `quotelint-disable-nextline`; did you mean `quotelint-disable-next-line`?"
        );
        // Turned off, the finding goes, and the directive still suppresses nothing.
        let mut ds = vec![finding("<!-- quotelint-disable-line misdated -->\nAAA\n", "AAA", "misdated")];
        apply_made(
            &crate::markdown::parse("<!-- quotelint-disable-line misdated -->\nAAA\n"),
            &mut ds,
            false,
            None,
        );
        assert_eq!(ds.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::Misdated]);
    }

    #[test]
    fn an_unknown_code_suppresses_nothing_and_the_others_still_do() {
        let src = "<!-- quotelint-disable misdatd, unsourced -- reviewed by the desk -->\n\nAAA\n";
        let left = codes_left(src, &[("AAA", "misdated"), ("AAA", "unsourced")], false);
        let comment = &src[..src.find('\n').unwrap()];
        assert_eq!(left, vec![(comment.into(), "invalid-suppression"), ("AAA".into(), "misdated")]);
        let doc = crate::markdown::parse(src);
        let mut ds = Vec::new();
        apply_made(&doc, &mut ds, false, Some(Severity::Warning));
        assert_eq!(ds[0].message, "unknown check `misdatd` in a suppression; did you mean `misdated`?");
        // Only unknown codes: not "every check".
        let src = "<!-- quotelint-disable -line -->\n\nAAA\n";
        assert_eq!(codes_left(src, &[("AAA", "misdated")], false)[1], ("AAA".into(), "misdated"));
        // In the front matter, likewise; and an empty list or a non-list disables nothing.
        for fm in ["[misdatd]", "[]", "5", "{misdated: true}"] {
            let src = format!("---\nquotelint: {{disable: {fm}}}\n---\nAAA\n");
            let left = codes_left(&src, &[("AAA", "misdated")], false);
            assert_eq!(left.last(), Some(&("AAA".into(), "misdated")), "{fm}");
            assert_eq!(left.len(), if fm == "[]" { 1 } else { 2 }, "{fm}: {left:?}");
        }
    }

    /// A region, a next-line directive and the front matter combine as before in one sweep:
    /// enable ends a blanket disable for its code alone, and a later blanket enable ends all.
    #[test]
    fn regions_nest_by_code_in_one_sweep() {
        let src = "<!-- quotelint-disable -->\n\nAAA\n\n<!-- quotelint-enable unsourced -->\n\nBBB\n\n<!-- quotelint-disable unsourced -->\n\n<!-- quotelint-enable -->\n\nCCC\n<!-- quotelint-disable-next-line misdated misdated -->\nDDD\n";
        let found = [
            ("AAA", "unsourced"),
            ("AAA", "misdated"),
            ("BBB", "unsourced"),
            ("BBB", "misdated"),
            ("CCC", "unsourced"),
            ("DDD", "misdated"),
            ("DDD", "unsourced"),
        ];
        let left = codes_left(src, &found, false);
        assert_eq!(
            left,
            vec![("BBB".into(), "unsourced"), ("CCC".into(), "unsourced"), ("DDD".into(), "unsourced")]
        );
    }
}
