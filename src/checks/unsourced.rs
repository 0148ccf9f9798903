//! ## unsourced (warning)
//!
//! **What it flags.** A quotation with no citation in its paragraph.
//!
//! **Why.** A reader, and the next editor, should be able to check a quotation. A link or a
//! reference next to it is how.
//!
//! **Counts as a citation** in the quotation's paragraph: a link (inline `[text](url)`,
//! reference `[text][ref]` with a definition, or autolink `<https://…>`), a footnote reference
//! `[^1]` whose footnote is defined, or a parenthetical citation with a year such as
//! `(Sarotte, 2014)`. For a blockquote, a citation in it or in its attribution line.
//!
//! **Flagged:**
//!
//!     "We are not talking about the strengthening of NATO," Major told Gorbachev.
//!
//! **Passes:**
//!
//!     "We are not talking about the strengthening of NATO," Major told Gorbachev, according
//!     to [the ambassador's diary](https://nsarchive.gwu.edu/...).
//!
//! A quoted span of one to three words with no speaker is a term, not a quotation, and is
//! never flagged. When the record knows where the quotation is documented, the help names it.
//!
//! **How to fix.** Link the source, or add a footnote.
//!
//! **Suppress** with `<!-- quotelint-disable-next-line unsourced -->`, or turn the check off
//! for a repository that does not cite inline.

use crate::checks::{excerpt, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Diagnostic>) {
    for (q, m) in ctx.extraction.quotations.iter().zip(ctx.matches) {
        if q.cited {
            continue;
        }
        let recorded = m.as_ref().map(|m| &ctx.record.quotations[m.quotation]);
        let source = recorded.and_then(|r| r.source.as_ref()).and_then(|s| match (&s.publication, &s.url) {
            (Some(p), Some(u)) => Some(format!("{p} <{u}>")),
            (Some(p), None) => Some(p.clone()),
            (None, Some(u)) => Some(u.clone()),
            (None, None) => None,
        });
        out.push(Diagnostic {
            code: "unsourced",
            severity,
            message: format!("“{}” has no citation in its paragraph", excerpt(&q.text, 10)),
            range: q.range.clone(),
            labels: Vec::new(),
            help: Some(match &source {
                Some(s) => format!("cite the source; the record documents it in {s}"),
                None => "link the source or add a footnote".to_owned(),
            }),
            quote_id: recorded.map(|r| r.id.clone()),
            found: None,
            expected: source,
        });
    }
}
