//! Date expressions in prose: "31 January 1990", "January 31, 1990", "in March 1991", "in 1991",
//! "1990-01-31", "31.01.1990", with misspelt months ("10 Jsnuary 2022") read as the month meant.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta;

use crate::date::{PartialDate, MONTHS};
use crate::matcher::edit_distance;

/// A date written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// The date itself, without a leading preposition ("1996" in "in 1996").
    pub range: Range<usize>,
    pub date: PartialDate,
    /// The month as written and as meant, when misspelt ("Jsnuary", "January"). Boxed: it is
    /// rare, and a long paragraph holds millions of dates.
    pub misspelt: Option<Box<(String, &'static str)>>,
    /// Resolved from "on Monday", "last year" and the like against the article's date.
    pub relative: bool,
}

const ABBREVIATIONS: [(&str, u8); 13] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
    ("Febr", 2),
];

/// Capitalised words that are a letter or two from a month but are not dates.
const NOT_MONTHS: &[&str] = &[
    "Mary", "Marcy", "Marc", "Marco", "Junk", "Julie", "Julia", "Jane", "June's", "Augusta", "Octavia",
    "Mach", "Match", "Marsh", "Mayo", "Jury", "Janus",
];

/// The month a capitalised word names, exactly or as a plausible misspelling; `strict` asks for
/// at most one wrong letter (for forms with no day, where a name is likelier than a date).
fn month(word: &str, strict: bool) -> Option<(u8, Option<&'static str>)> {
    if let Some(i) = MONTHS.iter().position(|m| *m == word) {
        return Some((i as u8 + 1, None));
    }
    if let Some((_, m)) = ABBREVIATIONS.iter().find(|(a, _)| *a == word) {
        return Some((*m, None));
    }
    if word.len() < 4 || NOT_MONTHS.contains(&word) {
        return None;
    }
    let limit = if strict || word.len() < 6 { 1 } else { 2 };
    let (i, d) = MONTHS
        .iter()
        .enumerate()
        .filter(|(_, m)| m.as_bytes()[0] == word.as_bytes()[0])
        .map(|(i, m)| (i, edit_distance(&word.to_lowercase(), &m.to_lowercase())))
        .min_by_key(|(_, d)| *d)?;
    (d <= limit).then_some((i as u8 + 1, Some(MONTHS[i])))
}

/// Built without a literal prefilter: extracting the literals of this many alternatives costs
/// a one-article run 0.7 M of its 15 M instructions, and the prefilter saved nothing on the
/// benchmark corpus (the lazy DFA alone scans blocks as fast).
static DATE: LazyLock<meta::Regex> = LazyLock::new(|| {
    let w = r"([A-Z][a-z]{2,9})\.?";
    let day = r"([0-9]{1,2})(?:st|nd|rd|th)?";
    let pattern = format!(
        r"(?x)
        (?-u:\b)(?P<iso>([0-9]{{4}})-([0-9]{{2}})-([0-9]{{2}}))(?-u:\b)
      | (?-u:\b)(?P<dotted>([0-9]{{1,2}})\.([0-9]{{1,2}})\.([0-9]{{4}}))(?-u:\b)
      | (?-u:\b)(?P<dmy>{day}[\x20\t\r\n]+(?:of[\x20\t\r\n]+)?{w},?[\x20\t\r\n]+([0-9]{{4}}))(?-u:\b)
      | (?-u:\b)(?P<mdy>{w}[\x20\t\r\n]+{day},?[\x20\t\r\n]+([0-9]{{4}}))(?-u:\b)
      | (?-u:\b)(?P<my>{w},?[\x20\t\r\n]+([0-9]{{4}}))(?-u:\b)
      | (?-u:\b)(?:[Ii]n|[Oo]n|[Dd]uring|[Ss]ince|[Bb]y|[Oo]f|[Ff]rom|[Uu]ntil|[Tt]hrough)[\x20\t\r\n]+
          (?:(?:early|late|mid-?)[\x20\t\r\n]*|the[\x20\t\r\n]+(?:spring|summer|autumn|fall|winter|end|start|beginning)[\x20\t\r\n]+of[\x20\t\r\n]+)?
          (?P<year>[0-9]{{4}})(?:-(?P<year_month>[0-9]{{2}})-(?P<year_day>[0-9]{{2}}))?(?-u:\b)
    "
    );
    meta::Regex::builder()
        .configure(meta::Config::new().auto_prefilter(false))
        .build(&pattern)
        .expect("date pattern")
});

/// Every date expression in `text`, in order.
pub fn find(text: &str) -> Vec<DateExpr> {
    let mut out = Vec::new();
    for c in DATE.captures_iter(text) {
        let group = |i: usize| c.get_group(i).map(|span| &text[span.range()]);
        let named_group = |name: &str| c.get_group_by_name(name);
        let num = |i: usize| group(i).and_then(|m| m.parse::<u32>().ok());
        let make = |range: Range<usize>,
                    y: u32,
                    m: Option<u32>,
                    d: Option<u32>,
                    misspelt: Option<(String, &'static str)>| {
            let text = match (m, d) {
                (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}"),
            };
            PartialDate::parse(&text).ok().filter(|_| (1000..3000).contains(&y)).map(|date| DateExpr {
                range,
                date,
                misspelt: misspelt.map(Box::new),
                relative: false,
            })
        };
        // A form with a month name: the month's group, the year's, the day's (if any).
        let named =
            |range: Range<usize>, month_group: usize, year: usize, day: Option<usize>, strict: bool| {
                let written = group(month_group).unwrap_or_default();
                month(written, strict).and_then(|(mo, fix)| {
                    make(
                        range,
                        num(year).unwrap_or(0),
                        Some(mo.into()),
                        day.and_then(num),
                        fix.map(|f| (written.to_owned(), f)),
                    )
                })
            };
        let found = if let Some(m) = named_group("iso") {
            make(m.range(), num(2).unwrap_or(0), num(3), num(4), None)
        } else if let Some(m) = named_group("dotted") {
            make(m.range(), num(8).unwrap_or(0), num(7), num(6), None)
        } else if let Some(m) = named_group("dmy") {
            named(m.range(), 11, 12, Some(10), false)
        } else if let Some(m) = named_group("mdy") {
            named(m.range(), 14, 16, Some(15), false)
        } else if let Some(m) = named_group("my") {
            named(m.range(), 18, 19, None, true)
        } else if let Some(m) = named_group("year") {
            // "on 1990-01-31": the preposition's match starts first, so it takes the ISO form.
            let part = |name: &str| named_group(name).and_then(|p| text[p.range()].parse::<u32>().ok());
            let (month, day) = (part("year_month"), part("year_day"));
            let end = named_group("year_day").map_or(m.end, |d| d.end);
            make(m.start..end, num(20).unwrap_or(0), month, day, None)
        } else {
            None
        };
        out.extend(found);
    }
    out
}

const WEEKDAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?P<day>today|yesterday)|[Oo]n (?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<which>this|last|earlier this) (?P<unit>year|month))(?-u:\b)",
    )
    .expect("relative date pattern")
});

/// Relative dates the article's date resolves: "today", "yesterday", "on Wednesday" (the last
/// such day on or before the article's date), "this year", "last year", "this month", "last
/// month". Others ("a year later", "last week", "the same day") stay unresolved.
pub fn find_relative(text: &str, article: PartialDate) -> Vec<DateExpr> {
    let mut out = Vec::new();
    for c in RELATIVE.captures_iter(text) {
        let m = c.get(0).expect("match");
        let by_day = |back: i64| -> Option<PartialDate> {
            let (Some(mo), Some(d)) = (article.month, article.day) else { return None };
            Some(crate::date::civil_from_days(crate::date::days_from_civil(article.year, mo, d) - back))
        };
        let date = if let Some(day) = c.name("day") {
            by_day(if day.as_str() == "today" { 0 } else { 1 })
        } else if let Some(wd) = c.name("weekday") {
            let target = WEEKDAYS.iter().position(|w| *w == wd.as_str()).expect("weekday") as i64;
            article.day.and_then(|d| {
                let days = crate::date::days_from_civil(article.year, article.month?, d);
                let today = (days + 4).rem_euclid(7); // 1970-01-01 was a Thursday
                by_day((today - target).rem_euclid(7))
            })
        } else {
            let last = c.name("which").is_some_and(|w| w.as_str() == "last");
            match c.name("unit").map(|u| u.as_str()) {
                Some("year") => Some(PartialDate::year(article.year - i32::from(last))),
                _ => article.month.map(|mo| {
                    let (y, mo) = if last && mo == 1 {
                        (article.year - 1, 12)
                    } else {
                        (article.year, mo - u8::from(last))
                    };
                    PartialDate { year: y, month: Some(mo), day: None }
                }),
            }
        };
        if let Some(date) = date {
            out.push(DateExpr { range: m.range(), date, misspelt: None, relative: true });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        find(text).into_iter().map(|d| d.date.to_string()).collect()
    }

    #[test]
    fn every_written_form() {
        assert_eq!(dates("on 31 January 1990"), vec!["1990-01-31"]);
        assert_eq!(dates("January 31, 1990"), vec!["1990-01-31"]);
        assert_eq!(dates("31 Jan. 1990"), vec!["1990-01-31"]);
        assert_eq!(dates("in March 1991"), vec!["1991-03"]);
        assert_eq!(dates("As late as March 1991,"), vec!["1991-03"]);
        assert_eq!(dates("in 1991"), vec!["1991"]);
        assert_eq!(dates("in early 1991"), vec!["1991"]);
        assert_eq!(dates("1990-01-31 and 31.01.1990"), vec!["1990-01-31", "1990-01-31"]);
        assert_eq!(dates("said 10 January 2022 that"), vec!["2022-01-10"]);
        assert_eq!(dates("on 07 January 2022"), vec!["2022-01-07"]);
        assert_eq!(dates("said February 10, 2016 the"), vec!["2016-02-10"]);
        assert_eq!(dates("the 17th of May 1990"), vec!["1990-05-17"]);
        // After a preposition too, and the range covers the whole date (found by review).
        let on = find("The speech on 1991-02-28 changed it.");
        assert_eq!(on.len(), 1);
        assert_eq!(on[0].date.to_string(), "1991-02-28");
        assert_eq!(&"The speech on 1991-02-28 changed it."[on[0].range.clone()], "1991-02-28");
    }

    #[test]
    fn misspelt_months_are_read_and_reported() {
        let d = find("said 10 Jsnuary 2022 bilateral");
        assert_eq!(d[0].date.to_string(), "2022-01-10");
        assert_eq!(d[0].misspelt.as_deref(), Some(&("Jsnuary".into(), "January")));
        assert_eq!(find("07 Januar 2022")[0].misspelt.as_ref().unwrap().1, "January");
        assert_eq!(find("in Febuary 2016")[0].misspelt.as_ref().unwrap().1, "February");
    }

    #[test]
    fn numbers_and_names_that_are_not_dates() {
        assert!(dates("Mary 2022 and 1500 troops and the 1990s and within 36 to 60 hours").is_empty());
        assert!(dates("the 1997 NATO-Russia Founding Act").is_empty(), "a bare year needs a preposition");
        assert!(dates("a year later, the same day, last week").is_empty());
        assert!(dates("on 31 February 1990").is_empty());
    }

    #[test]
    fn relative_dates_resolve_against_the_article_date() {
        // 12 January 2022 was a Wednesday.
        let article = PartialDate::parse("2022-01-12").unwrap();
        let rel =
            |t: &str| find_relative(t, article).into_iter().map(|d| d.date.to_string()).collect::<Vec<_>>();
        assert_eq!(rel("said on Wednesday"), vec!["2022-01-12"]);
        assert_eq!(rel("said on Monday"), vec!["2022-01-10"]);
        assert_eq!(rel("yesterday"), vec!["2022-01-11"]);
        assert_eq!(rel("last year and this month"), vec!["2021", "2022-01"]);
        assert_eq!(rel("last month"), vec!["2021-12"]);
        assert!(rel("a year later, last week, the same day").is_empty());
        // Without a day, day-relative dates stay unresolved.
        assert!(find_relative("on Monday", PartialDate::parse("2022-01").unwrap()).is_empty());
    }

    #[test]
    fn range_is_the_date_without_its_preposition() {
        let text = "the Founding Act in 1996.";
        let d = &find(text)[0];
        assert_eq!(&text[d.range.clone()], "1996");
    }
}
