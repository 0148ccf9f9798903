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
//! dates are compared at the coarser of the two precisions. A date that agrees with one of the
//! entry's documented `accepted_dates` (a speech's publication, say) passes too, and so does any
//! date after the first recorded one of a `recurring` formula (one NATO repeats from summit to
//! summit), since the record lists the occasions it has seen, not all of them.
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
//! **Fix** (`--fix`, safe): the statement date rewritten to the record's, in the article's form
//! and precision ("in March 1990" → "in March 1991", "31.01.1991" → "31.01.1990"). Unsafe when the
//! date is also another statement's or event's that the record agrees with or does not know, or
//! the entry has low confidence; no fix when that other one is dated otherwise by the record, or
//! the record's date is coarser than the article's ("Fixes" in docs/checks.md).
//!
//! **Suppress** with `<!-- quotelint-disable-next-line misdated -->`.

use crate::checks::{cite, date_fix, excerpt, for_confidence, speakers, Code, Context, DateOf, Speakers};
use crate::date::PartialDate;
use crate::diagnostic::{Details, Diagnostic, Label, Severity};
use crate::findings::Finding;
use crate::record::Confidence;

/// "29 January 2016 or February 2016": an entry's date, then the dates it also accepts.
pub(super) fn any_of(dates: impl Iterator<Item = PartialDate>) -> String {
    dates.map(|d| d.human()).collect::<Vec<_>>().join(" or ")
}

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
    for (q, m) in ctx.matched() {
        let Some(stated) = &q.date else { continue };
        let recorded = &ctx.record.quotations[m.quotation];
        let Some(actual) = recorded.date.as_ref().and_then(|d| d.valid()) else { continue };
        // A date is a claim about a statement only when the article says whose: with no clear
        // speaker, or the wrong one (then misattributed says it), no date claim is made.
        let Some(person) = q.speaker.person() else { continue };
        let attributed_right = speakers(ctx.record, person, recorded) == Speakers::Agree;
        let agrees = recorded.dates().any(|d| stated.date.agrees_with(&d));
        // A recurring formula: any date after its first recorded use may be another occasion.
        let said_again = recorded.recurring
            && recorded.dates().any(|d| d.certainly_cmp(&stated.date) == Some(std::cmp::Ordering::Less));
        let agrees = agrees || said_again;
        if m.ambiguous || !m.is_strong() || !attributed_right || agrees {
            continue;
        }
        out.push(Finding::made(Diagnostic {
            code: Code::Misdated,
            severity: for_confidence(severity, recorded.confidence),
            message: format!(
                "“{}” is dated {}, but the record dates it {}",
                excerpt(&q.text, 10),
                stated.date.human(),
                actual.human()
            )
            .into(),
            range: q.range.clone(),
            help: Some(format!("date it {} {}", any_of(recorded.dates()), cite(recorded)).into()),
            details: Details {
                labels: vec![Label {
                    range: stated.range.clone(),
                    text: format!("the record has {}", actual.human()),
                }],
                quote_id: Some(recorded.id.clone()),
                found: Some(stated.date.to_string()),
                expected: Some(actual.to_string()),
                fix: date_fix(
                    ctx,
                    DateOf::Quotation(q),
                    &stated.range,
                    stated.date,
                    actual,
                    recorded.confidence == Confidence::Low,
                ),
            }
            .boxed(),
        }));
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::engine::{Engine, Settings};
    use crate::record::{Layer, Record, RecordSource};

    /// The findings of `article` checked against `yaml` alone, a record that must load.
    pub(in crate::checks) fn check(yaml: &str, article: &str) -> Vec<Diagnostic> {
        let source = RecordSource {
            name: "test.yaml".into(),
            text: yaml.to_owned().into(),
            layer: Layer::User,
            entries: None,
        };
        let mut errors = Vec::new();
        let record = Record::from_sources(vec![source], &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        Engine::new(&record, Settings::default()).check(article).findings.into_diagnostics(article)
    }

    const RECORD: &str = r#"
people:
  - id: ada
    name: Ada Quillfeather
quotations:
  - id: ada-2016-01-29-lanterns
    speaker: ada
    text: The lanterns along the northern harbour wall will stay lit all winter.
    date: "2016-01-29"
    accepted_dates:
      - date: "2016-02"
        source: {publication: The Harbour Gazette}
        note: printed a week later
    confidence: high
"#;

    fn misdated(article: &str) -> Vec<Diagnostic> {
        check(RECORD, article).into_iter().filter(|d| d.code == crate::checks::Code::Misdated).collect()
    }

    /// A recurring formula: a date after its first recorded use is another occasion; one before
    /// it is still misdated. Without `recurring`, the same later date is flagged.
    #[test]
    fn a_recurring_formula_is_not_misdated_after_its_first_use() {
        let record = RECORD.replace("    confidence: high\n", "    recurring: true\n    confidence: high\n");
        let say = |when: &str| {
            format!(
                "{when} Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter.\""
            )
        };
        let misdated = |yaml: &str, when: &str| {
            check(yaml, &say(when)).into_iter().filter(|d| d.code == crate::checks::Code::Misdated).count()
        };
        assert_eq!(misdated(&record, "In March 2019"), 0);
        assert_eq!(misdated(&record, "In March 2016"), 0);
        assert_eq!(misdated(&record, "In 2015"), 1);
        assert_eq!(misdated(RECORD, "In March 2019"), 1);
    }

    #[test]
    fn the_main_date_and_an_accepted_date_pass_another_is_flagged() {
        let say = |when: &str| {
            format!(
                "{when} Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter.\""
            )
        };
        for when in ["On 29 January 2016", "In January 2016", "In February 2016", "In 2016"] {
            assert!(misdated(&say(when)).is_empty(), "{when}");
        }
        let flagged = misdated(&say("In March 2016"));
        assert_eq!(flagged.len(), 1);
        // The help names the main date first, then the accepted one.
        let help = flagged[0].help.as_deref().unwrap();
        assert!(help.starts_with("date it 29 January 2016 or February 2016 ("), "{help}");
        assert_eq!(flagged[0].expected(), Some("2016-01-29"));
    }

    #[test]
    fn without_accepted_dates_the_second_date_is_flagged() {
        let plain = RECORD.replace("    accepted_dates:\n      - date: \"2016-02\"\n        source: {publication: The Harbour Gazette}\n        note: printed a week later\n", "");
        assert!(!plain.contains("accepted_dates"));
        let article =
            "In February 2016 Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter.\"";
        let flagged: Vec<_> =
            check(&plain, article).into_iter().filter(|d| d.code == crate::checks::Code::Misdated).collect();
        assert_eq!(flagged.len(), 1);
        assert!(flagged[0].help.as_deref().unwrap().starts_with("date it 29 January 2016 ("));
    }

    fn fixes(yaml: &str, article: &str) -> Vec<(crate::checks::Code, Option<crate::fix::Fix>)> {
        check(yaml, article).into_iter().map(|d| (d.code, d.fix().cloned())).collect()
    }

    #[test]
    fn the_fix_writes_the_records_date_at_the_articles_precision() {
        use crate::fix::{Applicability, Edit, Fix};
        let article = "In March 2016 Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter.\"";
        let at = article.find("March 2016").unwrap();
        assert_eq!(
            fixes(RECORD, article)[..1],
            [(
                crate::checks::Code::Misdated,
                Some(Fix::safe(Edit::replace(at..at + "March 2016".len(), "January 2016")))
            )]
        );
        // Resting on a low-confidence entry, the fix needs review.
        let low = fixes(&RECORD.replace("confidence: high", "confidence: low"), article);
        assert_eq!(low[0].1.as_ref().map(|f| f.applicability), Some(Applicability::Unsafe));
    }

    /// A date two statements share is rewritten only with review, and not at all when the
    /// record dates the other statement otherwise.
    #[test]
    fn a_shared_date_is_fixed_only_with_review() {
        let two = format!("{RECORD}  - id: ada-2016-harbour\n    speaker: ada\n    text: Every boat in the harbour will be counted before the first frost.\n    date: \"{{DATE}}\"\n    confidence: high\n");
        let article = "In March 2016 Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter,\" and \"Every boat in the harbour will be counted before the first frost.\"";
        let with = |date: &str| {
            fixes(&two.replace("{DATE}", date), article)
                .into_iter()
                .filter(|(c, _)| *c == crate::checks::Code::Misdated)
                .map(|(_, f)| f.map(|f| f.applicability))
                .collect::<Vec<_>>()
        };
        use crate::fix::Applicability::Unsafe;
        // The other statement's record agrees with the new date, January 2016.
        assert_eq!(with("2016-01-30"), [Some(Unsafe), Some(Unsafe)]);
        // It is dated March 2016 by the record: rewriting the date would make it wrong.
        assert_eq!(with("2016-03-02"), [None]);
    }

    /// Two fixes of one date (its month misspelt, its year wrong) overlap: one is applied,
    /// the other waits and, checked again on the new text, is no longer needed.
    #[test]
    fn overlapping_fixes_take_passes_and_converge() {
        let source = RecordSource {
            name: "test.yaml".into(),
            text: RECORD.to_owned().into(),
            layer: Layer::User,
            entries: None,
        };
        let record = Record::from_sources(vec![source], &mut Vec::new());
        let engine = Engine::new(&record, Settings::default());
        let article = "On 29 Jsnuary 2015 Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter.\"\n";
        let fixed = engine.fix(article, &crate::fix::FixPolicy::default());
        let text = fixed.text.unwrap();
        assert_eq!(text, article.replace("Jsnuary 2015", "January 2016"));
        assert_eq!((fixed.applied, fixed.passes, fixed.unconverged), (1, 1, false));
        let codes: Vec<_> = fixed.result.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, [crate::checks::Code::Unsourced]);
        let again = engine.fix(&text, &crate::fix::FixPolicy::default());
        assert_eq!((again.text, again.applied), (None, 0));
    }
}
