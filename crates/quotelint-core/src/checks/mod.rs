//! The checks: one file each, whose module documentation is what `quotelint explain CODE`
//! prints. A check reads the article's extraction and the record and pushes diagnostics.

mod code;
mod invalid_suppression;
mod malformed_date;
mod misattributed;
mod misdated;
mod misdated_event;
mod misquoted;
mod unreadable;
mod unsourced;
mod unused_suppression;
mod unverified;

pub use code::Code;

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Extraction, Quotation};
use crate::findings::Finding;
use crate::matcher::Match;
use crate::record::{Confidence, Record};

include!(concat!(env!("OUT_DIR"), "/check_docs.rs"));

/// What every check sees of one article.
pub struct Context<'a> {
    pub record: &'a Record,
    /// The article's text.
    pub source: &'a str,
    pub extraction: &'a Extraction,
    /// The record's best match for each quotation, in the same order.
    /// Shared: one text's match is remembered and handed to every article quoting it.
    pub matches: &'a [Option<std::sync::Arc<Match>>],
}

impl Context<'_> {
    /// Quotations with their match.
    pub fn matched(&self) -> impl Iterator<Item = (&Quotation, &Match)> {
        self.extraction.quotations.iter().zip(self.matches).filter_map(|(q, m)| m.as_deref().map(|m| (q, m)))
    }
}

/// A check's identity and behaviour.
pub struct Check {
    pub code: Code,
    pub severity: Severity,
    /// Off unless enabled by name.
    pub opt_in: bool,
    /// One line for listings.
    pub summary: &'static str,
    /// `None` for a finding made elsewhere (`invalid-suppression` and `unused-suppression`, by
    /// [`crate::suppress`]).
    run: Option<fn(&Context, Severity, &mut Vec<Finding>)>,
    /// Renders a finding the check deferred ([`Finding::deferred`]), for checks that defer.
    render: Option<fn(&Context, &Finding) -> Diagnostic>,
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code.as_str())
    }
}

impl Check {
    /// Runs the check, reporting at `severity` (its default, or the configured one).
    pub fn run(&self, ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
        if let Some(run) = self.run {
            run(ctx, severity, out)
        }
    }

    /// The check's documentation (its file's module doc comment).
    pub fn doc(&self) -> &'static str {
        let stem = self.code.as_str().replace('-', "_");
        CHECK_DOCS.iter().find(|(s, _)| *s == stem).map_or("", |(_, d)| d)
    }
}

/// Every check, in a stable order.
pub const ALL: &[Check] = &[
    Check {
        code: Code::Misattributed,
        severity: Severity::Error,
        opt_in: false,
        summary: "a recorded quotation attributed to someone else",
        run: Some(misattributed::run),
        render: None,
    },
    Check {
        code: Code::Misdated,
        severity: Severity::Error,
        opt_in: false,
        summary: "a recorded quotation given a date that contradicts the record",
        run: Some(misdated::run),
        render: None,
    },
    Check {
        code: Code::Misquoted,
        severity: Severity::Warning,
        opt_in: false,
        summary: "a recorded quotation with words changed, added or dropped",
        run: Some(misquoted::run),
        render: None,
    },
    Check {
        code: Code::Unsourced,
        severity: Severity::Warning,
        opt_in: false,
        summary: "a quotation with no citation in its paragraph",
        run: Some(unsourced::run),
        render: Some(unsourced::render),
    },
    Check {
        code: Code::MisdatedEvent,
        severity: Severity::Error,
        opt_in: false,
        summary: "a recorded event given a wrong date",
        run: Some(misdated_event::run),
        render: None,
    },
    Check {
        code: Code::MalformedDate,
        severity: Severity::Warning,
        opt_in: false,
        summary: "a date with a misspelt month",
        run: Some(malformed_date::run),
        render: None,
    },
    Check {
        code: Code::Unverified,
        severity: Severity::Info,
        opt_in: true,
        summary: "attributed to a person of the record but matching none of their quotations",
        run: Some(unverified::run),
        render: None,
    },
    Check {
        code: Code::InvalidSuppression,
        severity: Severity::Warning,
        opt_in: false,
        summary: "a suppression with an unknown directive or check code, which suppresses nothing",
        run: None,
        render: None,
    },
    Check {
        code: Code::UnusedSuppression,
        severity: Severity::Warning,
        opt_in: true,
        summary: "a suppression comment that suppressed nothing (--report-unused-suppressions)",
        run: None,
        render: None,
    },
    Check {
        code: Code::Unreadable,
        severity: Severity::Error,
        opt_in: false,
        summary: "a file that could not be read, or is not UTF-8 text (always on)",
        run: None,
        render: None,
    },
];

pub use unreadable::finding as unreadable;

/// A deferred finding with its message and help, by the check that deferred it.
pub(crate) fn render(ctx: &Context, finding: &Finding) -> Diagnostic {
    let render = ALL.iter().find(|c| c.code == finding.code).and_then(|c| c.render);
    render.expect("a check that defers findings renders them")(ctx, finding)
}

pub fn by_code(code: &str) -> Option<&'static Check> {
    ALL.iter().find(|c| c.code.as_str() == code)
}

/// The severity of a finding that rests on a record entry of this confidence.
pub(crate) fn for_confidence(severity: Severity, confidence: Confidence) -> Severity {
    if confidence == Confidence::Low {
        severity.lowered()
    } else {
        severity
    }
}

/// "9 February 1990, U.S. memorandum of conversation <url>": what the record says of a quotation.
pub(crate) fn evidence(q: &crate::record::Quotation) -> String {
    let mut parts = Vec::new();
    if let Some(d) = q.date.as_ref().and_then(|d| d.valid()) {
        parts.push(d.human());
    }
    if let Some(occasion) = &q.occasion {
        parts.push(occasion.clone());
    }
    if let Some(source) = &q.source {
        let mut s = source.publication.clone().unwrap_or_default();
        if let Some(url) = &source.url {
            s = if s.is_empty() { url.clone() } else { format!("{s} <{url}>") };
        }
        if !s.is_empty() {
            parts.push(format!("source: {s}"));
        }
    }
    parts.join("; ")
}

/// The speakers of a recorded quotation, by name.
pub(crate) fn speaker_names(record: &Record, q: &crate::record::Quotation) -> String {
    q.speaker
        .0
        .iter()
        .map(|id| record.person(id).map_or(id.as_str(), |p| p.name.as_str()))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A quotation's first `n` words, for a message or a listing.
pub fn excerpt(text: &str, n: usize) -> String {
    // Read only as far as the excerpt goes: a quotation may be thousands of words long.
    let mut out = String::with_capacity(text.len().min(16 * n));
    let mut words = text.split_whitespace();
    for (i, word) in words.by_ref().take(n).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if words.next().is_some() {
        out.push_str(" …");
    }
    out
}

/// "(9 February 1990; …; source: …); record entry `id`": how a help line cites the record.
pub(crate) fn cite(q: &crate::record::Quotation) -> String {
    format!("({}); record entry `{}`", evidence(q), q.id)
}

/// Whose date a date fix rewrites: a quotation's statement date, or an event's (by its index
/// in the extraction's events).
#[derive(Debug, Clone, Copy)]
pub(crate) enum DateOf<'a> {
    Quotation(&'a Quotation),
    Event(usize),
}

/// The fix that rewrites the date written at `at` (read as `from`) to the record's `to`, in the
/// article's form and precision ([`crate::fix::rewrite_date`]). Safe when the date belongs to
/// `own` alone. When it is also the statement date of another quotation, or another event's
/// date, the fix changes what the article says of that too: none when the record dates that
/// one otherwise (or it is an event the record leaves undated), unsafe when the record agrees
/// with the new date or does not know it; unsafe also when the record entry is of low
/// confidence (`low`).
pub(crate) fn date_fix(
    ctx: &Context,
    own: DateOf,
    at: &std::ops::Range<usize>,
    from: crate::date::PartialDate,
    to: crate::date::PartialDate,
    low: bool,
) -> Option<crate::fix::Fix> {
    use crate::fix::{Applicability, Edit, Fix};
    let overlaps = |r: &std::ops::Range<usize>| r.start < at.end && at.start < r.end;
    // The date as it will be written: at the article's precision.
    let to = to.truncate(to.precision().min(from.precision()));
    let mut shared = false;
    for (q, m) in ctx.extraction.quotations.iter().zip(ctx.matches) {
        if matches!(own, DateOf::Quotation(o) if std::ptr::eq(o, q))
            || !q.date.as_ref().is_some_and(|d| overlaps(&d.range))
        {
            continue;
        }
        shared = true;
        let recorded =
            m.as_ref().filter(|m| m.is_strong() && !m.ambiguous).map(|m| &ctx.record.quotations[m.quotation]);
        if recorded.is_some_and(|r| {
            r.date.as_ref().and_then(|d| d.valid()).is_some() && !r.dates().any(|d| d.agrees_with(&to))
        }) {
            return None;
        }
    }
    for (i, e) in ctx.extraction.events.iter().enumerate() {
        if matches!(own, DateOf::Event(o) if o == i) || !overlaps(&e.date.range) {
            continue;
        }
        shared = true;
        let event = &ctx.record.events[e.event];
        if event.date.valid().is_none() || !event.dates().any(|d| d.agrees_with(&to)) {
            return None;
        }
    }
    let written = ctx.source.get(at.clone())?;
    let new = crate::fix::rewrite_date(written, from, to)?;
    let applicability = if shared || low { Applicability::Unsafe } else { Applicability::Safe };
    Fix::new(vec![Edit::replace(at.clone(), new)], applicability)
}

/// Whether the article's speaker and the record's speakers of a quotation agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Speakers {
    /// The article names one of the record's speakers, or a body that the recorded body is
    /// part of ("NATO said" of a North Atlantic Council statement).
    Agree,
    /// The article names a different person or body of the record.
    Differ,
    /// The article names a body, the record a person: a body speaks through its people, and
    /// the record does not say whose words are whose ("the Kremlin said" of Putin's words).
    NoClaim,
}

/// How the speaker the article names (`person`, an index into the record's people) stands to
/// the record's speakers of `recorded`.
pub(crate) fn speakers(record: &Record, person: usize, recorded: &crate::record::Quotation) -> Speakers {
    use crate::record::SpeakerKind;
    let said_by = &record.people[person];
    if recorded.speaker.0.contains(&said_by.id) {
        return Speakers::Agree;
    }
    let part = |id: &String| record.person(id).is_some_and(|p| p.part_of.contains(&said_by.id));
    if said_by.kind == SpeakerKind::Organization && recorded.speaker.0.iter().any(part) {
        return Speakers::Agree;
    }
    let recorded_kind = |id: &String| record.person(id).map(|p| p.kind);
    if said_by.kind != SpeakerKind::Person
        && recorded.speaker.0.iter().any(|id| recorded_kind(id) == Some(SpeakerKind::Person))
    {
        return Speakers::NoClaim;
    }
    Speakers::Differ
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    /// `quotelint explain CODE` says for every check whether and how `--fix` fixes it.
    #[test]
    fn every_explanation_says_how_it_fixes() {
        for c in super::ALL {
            let doc = c.doc();
            assert!(doc.contains("**Fix"), "{}: no **Fix** paragraph", c.code.as_str());
            let safe = doc.contains("(`--fix`, safe)");
            let unsafe_ = doc.contains("(`--unsafe-fixes`, unsafe)");
            let none = doc.contains("**Fix:** none");
            assert_eq!(
                usize::from(safe) + usize::from(unsafe_) + usize::from(none),
                1,
                "{}",
                c.code.as_str()
            );
        }
    }

    #[test]
    fn excerpts_keep_the_first_words_and_mark_the_rest() {
        assert_eq!(excerpt("", 10), "");
        assert_eq!(excerpt(" We  are\nnot\ttalking ", 10), "We are not talking");
        assert_eq!(excerpt("one two three", 3), "one two three");
        assert_eq!(excerpt("one two three four", 3), "one two three …");
    }
}
