//! Fixes: the edits a finding proposes, and applying them to a text.
//!
//! Modelled on ruff's `Fix` (crates/ruff_diagnostics): a fix is a set of edits (byte range and
//! replacement) with an applicability. Safe fixes correct what the record documents and cannot
//! change the meaning beyond that; unsafe ones may (a speaker, quoted words, a citation) and
//! need review. Applying is a pure function of a text and fixes: the library never writes files.
//!
//! Edits of two fixes that overlap (or touch) are never applied together: the later waits for
//! the next pass, made on the text the first pass gave, with its findings checked again
//! ([`crate::engine::Engine::fix`]); passes repeat until nothing changes or [`MAX_PASSES`].

use std::ops::Range;

use serde::Serialize;

use crate::checks::Code;
use crate::date::{PartialDate, MONTHS};

/// Passes of check-and-apply before giving up on a text whose fixes keep changing it (ruff's
/// bound).
pub const MAX_PASSES: usize = 10;

/// Replace `range` (bytes, end exclusive) by `replacement`: an insertion when the range is
/// empty, a deletion when the replacement is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: Box<str>,
}

impl Edit {
    pub fn replace(range: Range<usize>, replacement: impl Into<Box<str>>) -> Self {
        Edit { range, replacement: replacement.into() }
    }

    pub fn insert(at: usize, text: impl Into<Box<str>>) -> Self {
        Edit { range: at..at, replacement: text.into() }
    }
}

/// Whether a fix may be applied without review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// May change the meaning (who spoke, the quoted words, a citation): `--unsafe-fixes`.
    Unsafe,
    /// Corrects only what the record documents: `--fix`.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// The edits one finding proposes, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Sorted by start, not overlapping.
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    /// A fix of one or more edits, sorted; `None` when there are none.
    pub fn new(mut edits: Vec<Edit>, applicability: Applicability) -> Option<Self> {
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        (!edits.is_empty()).then_some(Fix { edits, applicability })
    }

    pub fn safe(edit: Edit) -> Self {
        Fix { edits: vec![edit], applicability: Applicability::Safe }
    }

    pub fn unsafe_(edit: Edit) -> Self {
        Fix { edits: vec![edit], applicability: Applicability::Unsafe }
    }

    /// The bytes the fix touches, from its first edit's start to its last edit's end.
    pub fn span(&self) -> Range<usize> {
        let start = self.edits.first().map_or(0, |e| e.range.start);
        let end = self.edits.iter().map(|e| e.range.end).max().unwrap_or(start);
        start..end
    }

    /// Whether the fix can be applied to `text`: every edit inside it, on character boundaries,
    /// in order and not overlapping another of the fix.
    fn fits(&self, text: &str) -> bool {
        let mut last = 0;
        self.edits.iter().all(|e| {
            let ok = e.range.start >= last
                && e.range.start <= e.range.end
                && e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end);
            last = e.range.end;
            ok
        })
    }
}

/// Which fixes a run applies: safe ones, or unsafe ones too, of the checks allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixPolicy {
    /// Apply unsafe fixes too (`--unsafe-fixes`, or `fix: unsafe` in the configuration).
    pub unsafe_fixes: bool,
    /// Only these checks' fixes (`fixable`); `None` for every check.
    pub fixable: Option<Vec<Code>>,
    /// Never these checks' fixes (`unfixable`), whatever `fixable` says.
    pub unfixable: Vec<Code>,
}

impl FixPolicy {
    pub fn allows(&self, code: Code, fix: &Fix) -> bool {
        (self.unsafe_fixes || fix.applicability == Applicability::Safe)
            && self.fixable.as_ref().is_none_or(|f| f.contains(&code))
            && !self.unfixable.contains(&code)
    }
}

/// A text with one pass of fixes applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// The fixes applied (a fix identical to one applied counts: its finding is fixed too).
    pub applied: usize,
    /// The fixes left for a later pass: they overlap or touch one applied.
    pub deferred: usize,
}

/// Applies the fixes that do not overlap, in order of their first edit; a fix overlapping or
/// touching one applied waits (it is counted in `deferred`), as does one that does not fit the
/// text (out of bounds, not on a character boundary: never applied). Bytes outside the applied
/// edits are copied unchanged.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Applied {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by(|a, b| {
        let key = |f: &Fix| (f.span().start, f.span().end);
        key(a).cmp(&key(b)).then_with(|| a.edits.len().cmp(&b.edits.len()))
    });
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut last_end: Option<usize> = None;
    let mut taken: Vec<&Fix> = Vec::new();
    let (mut applied, mut deferred) = (0, 0);
    for fix in fixes {
        if !fix.fits(text) {
            deferred += 1;
            continue;
        }
        if taken.iter().any(|t| t.edits == fix.edits) {
            applied += 1;
            continue;
        }
        if last_end.is_some_and(|end| fix.span().start <= end) {
            deferred += 1;
            continue;
        }
        for e in &fix.edits {
            out.push_str(&text[at..e.range.start]);
            out.push_str(&e.replacement);
            at = e.range.end;
        }
        last_end = Some(fix.span().end);
        taken.push(fix);
        applied += 1;
    }
    out.push_str(&text[at..]);
    Applied { text: out, applied, deferred }
}

/// What [`passes`] did to a text.
#[derive(Debug)]
pub struct Passes<R> {
    /// The text after the last pass; `None` when the passes left it as it was given.
    pub text: Option<String>,
    /// Fixes applied, over all passes.
    pub applied: usize,
    /// Passes that changed the text.
    pub passes: usize,
    /// Fixes were still left after [`MAX_PASSES`] passes.
    pub unconverged: bool,
    /// What the last check found: the findings that remain.
    pub last: R,
}

/// Fixes `text` pass after pass: `check` gives what it finds in a text and the fixes to
/// apply; they are applied ([`apply`]: overlapping ones wait), and the new text is checked
/// again, until no fix is left, a pass changes nothing, or [`MAX_PASSES`] passes have changed
/// it (then `unconverged`). The text given is copied only by a pass that changes it.
pub fn passes<R>(text: &str, mut check: impl FnMut(&str) -> (R, Vec<Fix>)) -> Passes<R> {
    let mut fixed: Option<String> = None;
    let (mut applied, mut passes) = (0, 0);
    loop {
        let current = fixed.as_deref().unwrap_or(text);
        let (last, fixes) = check(current);
        let unconverged = !fixes.is_empty() && passes == MAX_PASSES;
        let pass = (!fixes.is_empty() && !unconverged).then(|| apply(current, &fixes));
        match pass.filter(|p| p.text != current) {
            Some(pass) => {
                applied += pass.applied;
                passes += 1;
                fixed = Some(pass.text);
            }
            None => {
                // Passes that came back to the text given changed nothing.
                let text = fixed.filter(|t| t != text);
                return Passes { text, applied, passes, unconverged, last };
            }
        }
    }
}

/// The date written as `written` (an article's text, meaning `from`) rewritten to mean `to`, in
/// the article's own form and precision: "March 1990" → "March 1991", "February 9, 1991" →
/// "February 9, 1990", "31.01.1991" → "31.01.1990", "9th Feb. 1991" → "9th Feb. 1990", "1991" →
/// "1990". Every part of `from` must be found where the form puts it (a year of four digits; a
/// month by name, abbreviation or misspelling, or by number in a numeric date; a day of one or
/// two digits, with its ordinal suffix), and anything else (markup, "of") is kept. `None` when
/// the written form is not understood, when the record's date is coarser than the article's
/// (a day cannot be made up), or when nothing would change.
pub fn rewrite_date(written: &str, from: PartialDate, to: PartialDate) -> Option<String> {
    if to.precision() < from.precision() {
        return None;
    }
    let to = to.truncate(from.precision());
    // Runs of ASCII digits and of letters, by byte range.
    let mut runs: Vec<(Range<usize>, bool)> = Vec::new();
    for (i, c) in written.char_indices() {
        let digit = c.is_ascii_digit();
        if !digit && !c.is_alphabetic() {
            continue;
        }
        match runs.last_mut() {
            Some((r, d)) if r.end == i && *d == digit => r.end = i + c.len_utf8(),
            _ => runs.push((i..i + c.len_utf8(), digit)),
        }
    }
    let text = |r: &Range<usize>| &written[r.clone()];
    let number = |r: &Range<usize>| text(r).parse::<u32>().ok();
    let year = runs.iter().position(|(r, d)| *d && r.len() == 4 && number(r) == Some(from.year as u32))?;
    let mut edits: Vec<(Range<usize>, String)> = vec![(runs[year].0.clone(), format!("{:04}", to.year))];
    let small: Vec<usize> = (0..runs.len()).filter(|&i| runs[i].1 && runs[i].0.len() <= 2).collect();
    let padded = |r: &Range<usize>, n: u8| if r.len() == 2 { format!("{n:02}") } else { n.to_string() };
    if let (Some(m), Some(new_m)) = (from.month, to.month) {
        let month_word = runs.iter().position(|(r, d)| !*d && names_month(text(r), m));
        let (day_run, month_edit) = match month_word {
            Some(w) => {
                let word = text(&runs[w].0);
                let name = MONTHS[new_m as usize - 1];
                let full = MONTHS.iter().any(|n| n.eq_ignore_ascii_case(word)) || word.len() > 4;
                let new = if full || word == "May" {
                    name.to_owned()
                } else if word.eq_ignore_ascii_case("Sept") && new_m == 9 {
                    word.to_owned()
                } else {
                    name[..3].to_owned()
                };
                let new = if word.len() > 1 && word.chars().all(|c| c.is_uppercase()) {
                    new.to_uppercase()
                } else {
                    new
                };
                (small.first().copied(), (runs[w].0.clone(), new))
            }
            None => {
                // A numeric date: year first (1990-01-31) is year, month, day; otherwise day,
                // month, year (31.01.1990).
                let (mi, di) = match small.as_slice() {
                    [a, b] if *a > year => (*a, Some(*b)),
                    [a, b] if *b < year => (*b, Some(*a)),
                    [a] if *a > year && from.day.is_none() => (*a, None),
                    _ => return None,
                };
                if number(&runs[mi].0) != Some(u32::from(m)) {
                    return None;
                }
                (di, (runs[mi].0.clone(), padded(&runs[mi].0, new_m)))
            }
        };
        edits.push(month_edit);
        match (from.day, to.day) {
            (Some(d), Some(new_d)) => {
                let di = day_run?;
                let r = &runs[di].0;
                if number(r) != Some(u32::from(d)) {
                    return None;
                }
                edits.push((r.clone(), padded(r, new_d)));
                // "9th": the suffix follows the new day.
                if let Some((s, false)) = runs.get(di + 1).filter(|(s, _)| s.start == r.end) {
                    if ["st", "nd", "rd", "th"].contains(&text(s).to_ascii_lowercase().as_str()) {
                        edits.push((s.clone(), ordinal_suffix(new_d).to_owned()));
                    }
                }
            }
            (None, _) => {}
            (Some(_), None) => return None,
        }
    } else if from.month.is_some() {
        return None;
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(written.len());
    let mut at = 0;
    for (r, new) in edits {
        out.push_str(&written[at..r.start]);
        out.push_str(&new);
        at = r.end;
    }
    out.push_str(&written[at..]);
    (out != written).then_some(out)
}

/// Whether `word` is month `m` written out, abbreviated ("Feb", "Sept") or misspelt (a letter
/// or two off, same first letter, as the extraction reads misspellings).
fn names_month(word: &str, m: u8) -> bool {
    let name = MONTHS[m as usize - 1];
    let lower = word.to_lowercase();
    let name_lower = name.to_lowercase();
    lower == name_lower
        || (word.len() >= 3 && word.len() <= 4 && name_lower.starts_with(&lower))
        || (word.len() >= 4
            && lower.chars().next() == name_lower.chars().next()
            && crate::matcher::edit_distance(&lower, &name_lower) <= 2)
}

fn ordinal_suffix(day: u8) -> &'static str {
    match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(range: Range<usize>, with: &str) -> Fix {
        Fix::safe(Edit::replace(range, with))
    }

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    /// The examples, and the other forms the extraction reads, worked out by hand.
    #[test]
    fn dates_are_rewritten_in_the_articles_form_and_precision() {
        let cases = [
            ("March 1990", "1990-03", "1991-03-05", Some("March 1991")),
            ("February 9, 1991", "1991-02-09", "1990-02-09", Some("February 9, 1990")),
            ("31.01.1991", "1991-01-31", "1990-01-31", Some("31.01.1990")),
            ("1991", "1991", "1990-02-09", Some("1990")),
            ("9 February 1991", "1991-02-09", "1990-03-01", Some("1 March 1990")),
            ("1991-02-09", "1991-02-09", "1990-12-24", Some("1990-12-24")),
            ("09.02.1991", "1991-02-09", "1990-12-01", Some("01.12.1990")),
            ("9th of Feb. 1991", "1991-02-09", "1990-03-22", Some("22nd of Mar. 1990")),
            ("Sept 1991", "1991-09", "1990-09", Some("Sept 1990")),
            ("*9 February* 1991", "1991-02-09", "1990-02-09", Some("*9 February* 1990")),
            ("10 Jsnuary 2022", "2022-01-10", "2021-06-10", Some("10 June 2021")),
            ("MARCH 1990", "1990-03", "1991-04", Some("APRIL 1991")),
            // A day cannot be made up from a record known to the month.
            ("9 February 1991", "1991-02-09", "1990-02", None),
            // Nothing to change, or a form not understood ("last year" read as 1990).
            ("March 1990", "1990-03", "1990-03-05", None),
            ("last year", "1990", "1991", None),
        ];
        for (written, from, to, expected) in cases {
            assert_eq!(rewrite_date(written, date(from), date(to)).as_deref(), expected, "{written}");
        }
    }

    /// Fixes that keep proposing a change stop after ten passes, reported as unconverged;
    /// fixes that settle stop when nothing is left.
    #[test]
    fn passes_stop_when_settled_or_after_ten() {
        // "a" and "b" each fixed to the other: never settles. Ten passes bring it back.
        let flip = |t: &str| {
            let to = if t == "a" { "b" } else { "a" };
            ((), vec![fix(0..1, to)])
        };
        let p = passes("a", flip);
        assert_eq!((p.text, p.applied, p.passes, p.unconverged), (None, 10, 10, true));
        // Two overlapping fixes: one a pass, then nothing left.
        let settle = |t: &str| {
            let fixes = match t {
                "abc" => vec![fix(0..2, "X"), fix(1..3, "Y")],
                "Xc" => vec![fix(1..2, "Z")],
                _ => vec![],
            };
            (t.to_owned(), fixes)
        };
        let p = passes("abc", settle);
        assert_eq!((p.text.as_deref(), p.applied, p.passes, p.unconverged), (Some("XZ"), 2, 2, false));
        assert_eq!(p.last, "XZ");
    }

    #[test]
    fn edits_apply_and_the_rest_is_copied() {
        let text = "in March 1990 he said\r\n";
        let a = apply(text, [&fix(9..13, "1991")]);
        assert_eq!(a.text, "in March 1991 he said\r\n");
        assert_eq!((a.applied, a.deferred), (1, 0));
        let b = apply(text, [&Fix::safe(Edit::insert(text.len() - 2, " [1]"))]);
        assert_eq!(b.text, "in March 1990 he said [1]\r\n");
    }

    #[test]
    fn overlapping_and_touching_fixes_wait_identical_ones_count_once() {
        let text = "abcdef";
        let (x, y, z) = (fix(0..2, "X"), fix(1..3, "Y"), fix(2..4, "Z"));
        let a = apply(text, [&y, &x, &z]);
        assert_eq!(a.text, "Xcdef");
        assert_eq!((a.applied, a.deferred), (1, 2));
        let a = apply(text, [&x, &x.clone(), &fix(4..5, "E")]);
        assert_eq!(a.text, "XcdEf");
        assert_eq!((a.applied, a.deferred), (3, 0));
    }

    #[test]
    fn a_fix_that_does_not_fit_is_never_applied() {
        let text = "é1";
        for bad in [
            fix(1..2, "x"),
            fix(2..9, "x"),
            Fix {
                edits: vec![Edit::replace(2..3, "a"), Edit::replace(0..2, "b")],
                applicability: Applicability::Safe,
            },
        ] {
            let a = apply(text, [&bad]);
            assert_eq!(a.text, text);
            assert_eq!((a.applied, a.deferred), (0, 1));
        }
    }

    #[test]
    fn the_policy_picks_by_applicability_and_check() {
        let safe = fix(0..1, "x");
        let risky = Fix::unsafe_(Edit::replace(0..1, "x"));
        let mut p = FixPolicy::default();
        assert!(p.allows(Code::Misdated, &safe) && !p.allows(Code::Misdated, &risky));
        p.unsafe_fixes = true;
        assert!(p.allows(Code::Misquoted, &risky));
        p.unfixable = vec![Code::Misquoted];
        assert!(!p.allows(Code::Misquoted, &risky));
        p.fixable = Some(vec![Code::Misdated]);
        assert!(p.allows(Code::Misdated, &safe) && !p.allows(Code::MalformedDate, &safe));
    }
}
