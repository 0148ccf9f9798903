//! ## misdated (error)
//!
//! **What it flags.** A quotation that the record knows, given a statement date that
//! contradicts the record's date.
//!
//! **Why.** A remark's date is half its meaning: "not one inch eastward" in February 1990 is a
//! negotiating position; moved to 1991 it becomes a different story.
//!
//! **Flagged:**
//!
//!     On 9 February 1991 Baker told Gorbachev there would be "no extension of NATO’s
//!     jurisdiction for forces of NATO one inch to the east."
//!
//! **Passes:** the same sentence dated 9 February 1990, "in February 1990" or "in 1990":
//! dates are compared at the coarser of the two precisions.
//!
//! Only a date that belongs to the statement counts: not a year inside the quoted words, not
//! a role's date ("Jack F. Matlock, US ambassador to the USSR in 1990, stated ..."), not a
//! relative date ("a year later"). The article must name the speaker the record has (a
//! quotation with an unclear speaker makes no dated statement; a wrong speaker is
//! `misattributed`). A quotation the record leaves undated is never misdated.
//! Findings resting on a low-confidence record entry are warnings.
//!
//! **How to fix.** Give the record's date (the help shows it with its source).
//!
//! **Suppress** with `<!-- quotelint-disable-next-line misdated -->`.

use crate::checks::{cite, excerpt, for_confidence, speakers, Context, Speakers};
use crate::diagnostic::{Details, Diagnostic, Label, Severity};

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Diagnostic>) {
    for (q, m) in ctx.matched() {
        let Some(stated) = &q.date else { continue };
        let recorded = &ctx.record.quotations[m.quotation];
        let Some(actual) = recorded.date.as_ref().and_then(|d| d.valid()) else { continue };
        // A date is a claim about a statement only when the article says whose: with no clear
        // speaker, or the wrong one (then misattributed says it), no date claim is made.
        let Some(person) = q.speaker.person() else { continue };
        let attributed_right = speakers(ctx.record, person, recorded) == Speakers::Agree;
        if m.ambiguous || !m.is_strong() || !attributed_right || stated.date.agrees_with(&actual) {
            continue;
        }
        out.push(Diagnostic {
            code: "misdated",
            severity: for_confidence(severity, recorded.confidence),
            message: format!(
                "“{}” is dated {}, but the record dates it {}",
                excerpt(&q.text, 10),
                stated.date.human(),
                actual.human()
            )
            .into(),
            range: q.range.clone(),
            help: Some(format!("date it {} {}", actual.human(), cite(recorded)).into()),
            details: Details {
                labels: vec![Label {
                    range: stated.range.clone(),
                    text: format!("the record has {}", actual.human()),
                }],
                quote_id: Some(recorded.id.clone()),
                found: Some(stated.date.to_string()),
                expected: Some(actual.to_string()),
            }
            .boxed(),
        });
    }
}
