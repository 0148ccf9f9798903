//! ## malformed-date (warning)
//!
//! **What it flags.** A date whose month is misspelt: "10 Jsnuary 2022", "07 Januar 2022",
//! "Febuary 2016".
//!
//! **Why.** A misspelt date looks careless and defeats search; quotelint reads it as the month
//! meant (so the other checks still work) and asks for the correction.
//!
//! **Flagged:** `said 10 Jsnuary 2022 that`. **Passes:** `said 10 January 2022 that`,
//! `10 Jan. 2022`, `2022-01-10`.
//!
//! A misspelling is one or two letters off a month's name with the same first letter, in a
//! date with a year; capitalised names that happen to be close (Mary, Julia) are not months.
//!
//! **How to fix.** Correct the month's spelling.
//!
//! **Fix** (`--fix`, safe): the month spelt right ("10 Jsnuary 2022" → "10 January 2022").
//!
//! **Suppress** with `<!-- quotelint-disable-next-line malformed-date -->`.

use crate::checks::{Code, Context};
use crate::diagnostic::{Details, Diagnostic, Severity};
use crate::findings::Finding;
use crate::fix::{Edit, Fix};

/// The month's word replaced by the month meant, where it is written in the date's source (not
/// when markup or an entity stands in its way).
fn spelt_right(ctx: &Context, d: &crate::extract::MalformedDate) -> Option<Fix> {
    let written = ctx.source.get(d.range.clone())?;
    let at = d.range.start + written.find(d.written.as_str())?;
    Some(Fix::safe(Edit::replace(at..at + d.written.len(), d.meant)))
}

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
    for d in &ctx.extraction.malformed {
        out.push(Finding::made(Diagnostic {
            code: Code::MalformedDate,
            severity,
            message: format!("the month “{}” is misspelt", d.written).into(),
            range: d.range.clone(),
            help: Some(format!("write {}, read here as {}", d.meant, d.date.human()).into()),
            details: Details {
                found: Some(d.written.clone()),
                expected: Some(d.meant.to_owned()),
                fix: spelt_right(ctx, d),
                ..Details::default()
            }
            .boxed(),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::super::misdated::tests::check;

    #[test]
    fn the_fix_spells_the_month_right() {
        let article = "She said 10 Jsnuary 2022 that it was over.";
        let d = check("people: []\n", article)
            .into_iter()
            .find(|d| d.code == crate::checks::Code::MalformedDate)
            .unwrap();
        let fix = d.fix().unwrap();
        assert_eq!(fix.applicability, crate::fix::Applicability::Safe);
        assert_eq!(crate::fix::apply(article, [fix]).text, "She said 10 January 2022 that it was over.");
    }
}
