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
//! **Suppress** with `<!-- quotelint-disable-next-line malformed-date -->`.

use crate::checks::{Code, Context};
use crate::diagnostic::{Details, Diagnostic, Severity};
use crate::findings::Finding;

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
                ..Details::default()
            }
            .boxed(),
        }));
    }
}
