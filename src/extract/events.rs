//! Recorded events named with a date attached: the dates `misdated-event` compares.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::{BlockContext, MAX_DATE_LEN};
use super::words::is_space;
use super::{Dated, EventDate};
use crate::date::PartialDate;
use crate::diagnostic::ceil_char_boundary;
use crate::names::Target;

/// Events named with a date right next to them: "the Founding Act in 1996", "the 1996 Founding
/// Act", "the Founding Act (1996)", "the Founding Act, signed in 1996".
pub(super) fn events(ctx: &BlockContext, out: &mut Vec<EventDate>) {
    static LINK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:,?[\x20\t\r\n]*(?:which[\x20\t\r\n]+was[\x20\t\r\n]+|that[\x20\t\r\n]+was[\x20\t\r\n]+|was[\x20\t\r\n]+|were[\x20\t\r\n]+)?(?:signed|agreed|concluded|adopted|held|established|founded|created|came|took[\x20\t\r\n]+place|occurred|happened)?(?:[\x20\t\r\n]+in[\x20\t\r\n]+[A-Z][a-z]+)?[\x20\t\r\n]*(?:in|of|on)?[\x20\t\r\n]*|[\x20\t\r\n]*\([\x20\t\r\n]*)$",
        )
        .expect("link pattern")
    });
    let text = ctx.text();
    for m in &ctx.mentions {
        let Some(event) = m.events().next() else { continue };
        if ctx.in_quote(&m.range) || m.targets.iter().filter(|t| matches!(t, Target::Event(_))).count() > 1 {
            continue;
        }
        let mut attached: Option<Dated> = None;
        // After the name.
        // A relative date ("the Founding Act today") is about now, not the event.
        let k = ctx.dates.partition_point(|d| d.range.start < m.range.end);
        if let Some(d) =
            ctx.dates[k..].iter().take_while(|d| d.range.start - m.range.end <= 30).find(|d| !d.relative)
        {
            let between = &text[m.range.end..d.range.start];
            let between = between.strip_suffix("the ").unwrap_or(between);
            if LINK_AFTER.is_match(between) && !ctx.in_quote(&d.range) {
                attached = Some(Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) });
            }
        }
        // "the Istanbul Charter (1997)": a year in parentheses right after the name.
        if attached.is_none() {
            if let Some(y) = paren_year(&text[m.range.end..]) {
                let range = m.range.end + y.start..m.range.end + y.end;
                if let Ok(date) = PartialDate::parse(&text[range.clone()]) {
                    attached = Some(Dated { date, range: ctx.block.source_range(range) });
                }
            }
        }
        // A year just before the name.
        if attached.is_none() {
            let from = ceil_char_boundary(text, m.range.start.saturating_sub(12));
            let before = &text[from..m.range.start];
            if let Some(y) = year_ending(before) {
                let start = m.range.start - before.len() + y.start;
                let range = start..start + 4;
                // Dates are in order of start, and none is longer than a few dozen bytes
                // ("September 30th, 1990"): only those starting shortly before the year can
                // overlap it.
                let near = ctx.dates.partition_point(|d| d.range.start + MAX_DATE_LEN < range.start);
                let full_date = ctx.dates[near..]
                    .iter()
                    .take_while(|d| d.range.start < range.end)
                    .any(|d| range.start < d.range.end && d.range != range);
                if let (Ok(date), false) = (PartialDate::parse(&before[y]), full_date) {
                    attached = Some(Dated { date, range: ctx.block.source_range(range) });
                }
            }
        }
        if let Some(date) = attached {
            out.push(EventDate { event, name: ctx.block.source_range(m.range.clone()), date });
        }
    }
}

/// The year in parentheses that `text` starts with, after any spaces ("` (1997)`"). The
/// regular expression `^[ \t\r\n]*\(([0-9]{4})\)` read by hand, as is [`year_ending`]'s:
/// compiling the two cost a 500-article run 0.6 M instructions, more than reading all its events.
/// A test compares them.
pub(super) fn paren_year(text: &str) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let open = b.iter().take_while(|c| is_space(c)).count();
    let year = b.get(open..open + 6)?;
    (year[0] == b'(' && year[5] == b')' && year[1..5].iter().all(u8::is_ascii_digit))
        .then_some(open + 1..open + 5)
}

/// The year ending `text` but for spaces and a plural `'s` ("1990's "), starting a word (ASCII
/// word boundary). The regular expression `\b([0-9]{4})(?:'s|’s)?[ \t\r\n]+$` read by hand;
/// a test compares the two.
pub(super) fn year_ending(text: &str) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let spaces = b.iter().rev().take_while(|c| is_space(c)).count();
    if spaces == 0 {
        return None;
    }
    let rest = &b[..b.len() - spaces];
    let rest = rest.strip_suffix(b"'s").or_else(|| rest.strip_suffix("’s".as_bytes())).unwrap_or(rest);
    let start = rest.len().checked_sub(4)?;
    let word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    (rest[start..].iter().all(u8::is_ascii_digit) && !start.checked_sub(1).is_some_and(|i| word(&rest[i])))
        .then_some(start..start + 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn the_year_patterns_read_by_hand_are_the_regular_expressions(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "1997", "199", "0", "(", ")", " ", "\t", "\n", "\r", "'s", "’s", "s", "'", "a", "_", "é", "x(", ".",
            ][..]), 0..10)
        ) {
            static BEFORE: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{4})(?:'s|’s)?[\x20\t\r\n]+$").unwrap());
            static PAREN: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^[\x20\t\r\n]*\(([0-9]{4})\)").unwrap());
            let text: String = pieces.concat();
            let group = |re: &Regex| re.captures(&text).map(|c| c.get(1).unwrap().range());
            proptest::prop_assert_eq!(year_ending(&text), group(&BEFORE), "{:?}", text);
            proptest::prop_assert_eq!(paren_year(&text), group(&PAREN), "{:?}", text);
        }
    }
}
