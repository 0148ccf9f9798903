//! ## misdated-event (error)
//!
//! **What it flags.** An event of the record named with a date right next to it that
//! contradicts the record.
//!
//! **Why.** Dates of treaties, summits and declarations anchor every argument about who promised
//! what; a wrong year moves an event to before or after the remarks it explains.
//!
//! **Flagged:**
//!
//!     More formally Russia did the same with the NATO Russia Founding Act in 1996.
//!
//! **Passes:** "the Founding Act of 27 May 1997", "the 1997 Founding Act", "the Founding Act
//! (1997)". Dates are compared at the coarser precision, so "in May 1997" passes too, and so
//! does a date that agrees with one of the event's documented `accepted_dates` (a signature
//! and its announcement, say).
//!
//! Only a date the name's clause gives the event counts: "<name> in/of/on <date>", "<name>,
//! signed in Paris in <date>", "<name> (<date>)", "the <year> <name>", "In <date> NATO
//! suspended …", a timeline item "**<date>** — <name> …". The date of another action on the
//! event ("invoked the Founding Act in July 2014") or of another clause is not checked
//! ("Event dates" in docs/checks.md of quotelint's source); names inside quotations are the speaker's, not the
//! article's. Findings resting on a low-confidence record entry are warnings.
//!
//! **How to fix.** Give the record's date (the help shows it with its source).
//!
//! **Fix** (`--fix`, safe): the event's date rewritten to the record's, in the article's form and
//! precision ("the 1996 Founding Act" → "the 1997 Founding Act"); unsafe or none when the date is
//! shared, as for `misdated` ("Fixes" in docs/checks.md).
//!
//! **Suppress** with `<!-- quotelint-disable-next-line misdated-event -->`.

use crate::checks::{date_fix, for_confidence, Code, Context, DateOf};
use crate::diagnostic::{Details, Diagnostic, Label, Severity};
use crate::findings::Finding;

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
    for (i, e) in ctx.extraction.events.iter().enumerate() {
        let event = &ctx.record.events[e.event];
        let Some(actual) = event.date.valid() else { continue };
        if event.dates().any(|d| e.date.date.agrees_with(&d)) {
            continue;
        }
        let source = event.source.as_ref().and_then(|s| s.publication.clone().or(s.url.clone()));
        let write = super::misdated::any_of(event.dates());
        out.push(Finding::made(Diagnostic {
            code: Code::MisdatedEvent,
            severity: for_confidence(severity, event.confidence),
            message: format!(
                "“{}” is dated {}, but the record dates it {}",
                ctx.source.get(e.name.clone()).unwrap_or(&event.name),
                e.date.date.human(),
                actual.human()
            )
            .into(),
            range: e.date.range.clone(),
            help: Some(
                match source {
                    Some(s) => format!("write {write} (source: {s}); record entry `{}`", event.id),
                    None => format!("write {write}; record entry `{}`", event.id),
                }
                .into(),
            ),
            details: Details {
                labels: vec![Label { range: e.name.clone(), text: event.name.clone() }],
                quote_id: Some(event.id.clone()),
                found: Some(e.date.date.to_string()),
                expected: Some(actual.to_string()),
                fix: date_fix(
                    ctx,
                    DateOf::Event(i),
                    &e.date.range,
                    e.date.date,
                    actual,
                    event.confidence == crate::record::Confidence::Low,
                ),
            }
            .boxed(),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::super::misdated::tests::check;

    const RECORD: &str = r#"
events:
  - id: lantern-charter
    name: Signing of the Lantern Charter
    names: [Lantern Charter]
    date: "2015-06-17"
    accepted_dates:
      - date: "2015-07-26"
        source: {publication: The Harbour Gazette, url: "https://example.org/charter"}
        note: announced at the harbour festival
    confidence: high
"#;

    fn flagged(when: &str) -> Vec<String> {
        let article = format!("The Lantern Charter of {when} changed the harbour.");
        check(RECORD, &article)
            .into_iter()
            .filter(|d| d.code == crate::checks::Code::MisdatedEvent)
            .map(|d| d.help.unwrap_or_default().into_owned())
            .collect()
    }

    #[test]
    fn the_main_date_and_an_accepted_date_pass_another_is_flagged() {
        for when in ["17 June 2015", "June 2015", "26 July 2015", "July 2015", "2015"] {
            assert!(flagged(when).is_empty(), "{when}: {:?}", flagged(when));
        }
        assert_eq!(
            flagged("August 2015"),
            ["write 17 June 2015 or 26 July 2015; record entry `lantern-charter`"]
        );
    }

    #[test]
    fn the_fix_writes_the_events_date_in_the_articles_form() {
        for (when, fixed) in [("August 2015", "June 2015"), ("2014", "2015"), ("17.08.2015", "17.06.2015")] {
            let article = format!("The Lantern Charter of {when} changed the harbour.");
            let fix = check(RECORD, &article)
                .into_iter()
                .find(|d| d.code == crate::checks::Code::MisdatedEvent)
                .and_then(|d| d.fix().cloned())
                .unwrap();
            assert_eq!(fix.applicability, crate::fix::Applicability::Safe);
            assert_eq!(
                crate::fix::apply(&article, [&fix]).text,
                format!("The Lantern Charter of {fixed} changed the harbour.")
            );
        }
    }
}
