//! A file's findings as the engine holds them until they are reported.
//!
//! A file may make millions of findings (a line of `word "a b c d" ` makes one a quotation),
//! and all of them are held until the file is reported: sorted, then filtered by its
//! suppressions. So a [`Finding`] is small (32 bytes): its code, severity and range, and either
//! the whole [`Diagnostic`] its check made (findings that rest on a record entry are few, and
//! their messages need what only the check worked out) or just the quotation it is about,
//! rendered into a message and help only as it is written.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::checks::{self, Code, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Extraction;
use crate::matcher::Match;
use crate::record::Record;

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the original file, end exclusive.
    pub range: Range<usize>,
    pub code: Code,
    pub severity: Severity,
    /// The quotation a deferred finding is about (an index of the extraction's quotations).
    quotation: u32,
    /// The finding as its check made it, or `None` when it is rendered from `quotation`.
    made: Option<Box<Diagnostic>>,
}

impl Finding {
    /// A finding its check made whole.
    pub fn made(diagnostic: Diagnostic) -> Self {
        Finding {
            range: diagnostic.range.clone(),
            code: diagnostic.code,
            severity: diagnostic.severity,
            quotation: u32::MAX,
            made: Some(Box::new(diagnostic)),
        }
    }

    /// A finding about quotation number `quotation`, rendered by its check's `render` when
    /// it is reported.
    pub fn deferred(code: Code, severity: Severity, range: Range<usize>, quotation: usize) -> Self {
        // An article of four billion quotations would be larger than any file quotelint reads.
        Finding { range, code, severity, quotation: quotation as u32, made: None }
    }

    /// The quotation a deferred finding is about.
    pub fn quotation(&self) -> usize {
        self.quotation as usize
    }

    /// The order findings are reported in: by place, then code; findings alike in both (rare:
    /// two checks of one code at one place) by message, so that output is deterministic.
    fn order(&self, other: &Finding) -> std::cmp::Ordering {
        let key = |f: &Finding| (f.range.start, f.code, f.range.end);
        key(self).cmp(&key(other)).then_with(|| match (&self.made, &other.made) {
            (Some(a), Some(b)) => a.message.cmp(&b.message),
            _ => self.quotation.cmp(&other.quotation),
        })
    }
}

/// What deferred findings are rendered from: the record, and the file's quotations with their
/// matches.
#[derive(Debug)]
struct Rendering<'r> {
    record: &'r Record,
    extraction: Extraction,
    matches: Vec<Option<Arc<Match>>>,
}

/// A file's findings, in the order they are reported once [`Findings::sort`] has run.
#[derive(Debug, Default)]
pub struct Findings<'r> {
    items: Vec<Finding>,
    rendering: Option<Rendering<'r>>,
}

impl<'r> Findings<'r> {
    /// Findings all made whole (files that could not be read, tests).
    pub fn from_made(diagnostics: Vec<Diagnostic>) -> Self {
        Findings { items: diagnostics.into_iter().map(Finding::made).collect(), rendering: None }
    }

    /// Findings none of which is deferred.
    #[cfg(test)]
    pub(crate) fn from_items(items: Vec<Finding>) -> Self {
        assert!(items.iter().all(|f| f.made.is_some()));
        Findings { items, rendering: None }
    }

    /// The findings of one file's checks, with what their deferred ones are rendered from.
    pub(crate) fn new(
        items: Vec<Finding>,
        record: &'r Record,
        extraction: Extraction,
        matches: Vec<Option<Arc<Match>>>,
    ) -> Self {
        let deferred = items.iter().any(|f| f.made.is_none());
        // Nothing to render from later: the quotations are freed now.
        let rendering = deferred.then_some(Rendering { record, extraction, matches });
        Findings { items, rendering }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The findings as held: code, severity and range.
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.items.iter()
    }

    /// Sorts into report order, in place: a stable sort takes a buffer of half the findings.
    pub(crate) fn sort(&mut self) {
        self.items.sort_unstable_by(Finding::order);
    }

    /// The findings themselves, for suppressions to filter and add to.
    pub(crate) fn items_mut(&mut self) -> &mut Vec<Finding> {
        &mut self.items
    }

    /// Each finding with its message, help and details; `source` is the file's text.
    pub fn rendered<'a>(&'a self, source: &'a str) -> impl Iterator<Item = Cow<'a, Diagnostic>> + 'a {
        self.items.iter().map(move |f| match (&f.made, &self.rendering) {
            (Some(made), _) => Cow::Borrowed(&**made),
            (None, Some(r)) => {
                let ctx =
                    Context { record: r.record, source, extraction: &r.extraction, matches: &r.matches };
                Cow::Owned(checks::render(&ctx, f))
            }
            // `new` keeps what to render from whenever a finding is deferred.
            (None, None) => unreachable!("a deferred finding without its quotations"),
        })
    }

    /// Every finding rendered, owned: for tests and for callers that keep them.
    pub fn into_diagnostics(self, source: &str) -> Vec<Diagnostic> {
        self.rendered(source).map(Cow::into_owned).collect()
    }
}
