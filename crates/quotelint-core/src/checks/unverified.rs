//! ## unverified (info, off unless enabled)
//!
//! **What it flags.** A quotation of four or more words attributed to a person of the record
//! that matches none of the record's quotations.
//!
//! **Why.** The record cannot vouch for it: it may be accurate and simply not recorded yet, or
//! it may be invented. Editors enable this check (`--enable unverified`) to list what still
//! needs a source check, and record maintainers to find remarks worth adding.
//!
//! **Flagged** (with the check enabled):
//!
//!     Putin said: "We have always dreamed of joining the alliance."
//!
//! **Passes:** any quotation the record knows, and quotations by people the record does not
//! know.
//!
//! **How to fix.** Check the quotation against a source; add it to the record if it is
//! documented.
//!
//! **Fix:** none: `--fix` leaves it for a person.
//!
//! **Suppress** with `<!-- quotelint-disable-next-line unverified -->`.

use crate::checks::{excerpt, Code, Context};
use crate::diagnostic::{Details, Diagnostic, Severity};
use crate::findings::Finding;
use crate::matcher::MIN_MATCH_WORDS;
use crate::record::SpeakerKind;

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
    for (q, m) in ctx.extraction.quotations.iter().zip(ctx.matches) {
        let Some(person) = q.speaker.person() else { continue };
        let p = &ctx.record.people[person];
        if m.is_some()
            || p.kind != SpeakerKind::Person
            || crate::normalize::has_fewer_words(&q.text, MIN_MATCH_WORDS)
        {
            continue;
        }
        out.push(Finding::made(Diagnostic {
            code: Code::Unverified,
            severity,
            message: format!(
                "“{}”, attributed to {}, matches none of the record's quotations",
                excerpt(&q.text, 10),
                p.name
            )
            .into(),
            range: q.range.clone(),
            help: Some(
                format!(
                    "check it against a source; `quotelint rules show {}` lists what the record has",
                    p.id
                )
                .into(),
            ),
            details: Details { found: Some(q.text.to_string()), ..Details::default() }.boxed(),
        }));
    }
}
