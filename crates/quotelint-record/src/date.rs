//! Dates as precise as their source: a year, a month or a day.
//!
//! Records and articles rarely give the same precision ("March 1991" against "1991-03-05"), so
//! comparisons happen at the coarser of the two: "1991" agrees with "March 1991", "1990" does not.

use std::cmp::Ordering;
use std::fmt;

use quotelint_text::lexicon::lexicon;

/// Month names, January first.
pub const MONTHS: [&str; 12] = *lexicon().months;
/// Day names, Sunday first (1 January 1970 was a Thursday: index 4).
pub const WEEKDAYS: [&str; 7] = *lexicon().weekdays;

/// A calendar date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How much of a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let bad = || DateError(format!("`{s}` is not a date: write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""));
        let mut parts = s.split('-');
        let year_part = parts.next().ok_or_else(bad)?;
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_part.parse().map_err(|_| bad())?;
        let number = |p: Option<&str>| -> Result<Option<u8>, DateError> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| bad())?))
                }
                Some(_) => Err(bad()),
            }
        };
        let month = number(parts.next())?;
        let day = number(parts.next())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError(format!("`{s}` has no month {m}")));
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError(format!("`{s}`: that month has no day {d}")));
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// This date cut down to `precision` (never made finer).
    pub fn truncate(&self, precision: Precision) -> PartialDate {
        match precision {
            Precision::Year => PartialDate::year(self.year),
            Precision::Month => PartialDate { day: None, ..*self },
            Precision::Day => *self,
        }
    }

    /// True when the two dates can name the same day: they agree at the coarser precision.
    pub fn agrees_with(&self, other: &PartialDate) -> bool {
        let p = self.precision().min(other.precision());
        self.truncate(p) == other.truncate(p)
    }

    /// As a reader writes it: "9 February 1990", "March 1991", "1991".
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    /// The first and last day this date can mean, as (year, month, day) triples.
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    pub fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or(days_in_month(self.year, month)))
    }

    /// Orders by the days the dates can mean: `Less` only when every day of `self` comes before
    /// every day of `other`; `None` when they share a day (one contains or equals the other).
    pub fn certainly_cmp(&self, other: &PartialDate) -> Option<Ordering> {
        if self.latest() < other.earliest() {
            Some(Ordering::Less)
        } else if self.earliest() > other.latest() {
            Some(Ordering::Greater)
        } else {
            None
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day count (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> PartialDate {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    PartialDate { year: y, month: Some(m), day: Some(d) }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("1991").precision(), Precision::Year);
        assert_eq!(d("1991-03").precision(), Precision::Month);
        assert_eq!(d("1990-01-31").precision(), Precision::Day);
        assert_eq!(d("1990-01-31").to_string(), "1990-01-31");
    }

    #[test]
    fn refuses_impossible_or_malformed_dates() {
        for s in
            ["1990-13", "1990-02-30", "1991-02-29", "90-01-01", "1990-1-5", "1990-01-01-01", "", "March 1991"]
        {
            assert!(PartialDate::parse(s).is_err(), "{s} accepted");
        }
        assert!(PartialDate::parse("1992-02-29").is_ok());
    }

    #[test]
    fn agreement_is_at_the_coarser_precision() {
        assert!(d("1991").agrees_with(&d("1991-03")));
        assert!(d("1991-03-05").agrees_with(&d("1991-03")));
        assert!(!d("1990").agrees_with(&d("1991-03")));
        assert!(!d("1991-03-05").agrees_with(&d("1991-03-06")));
    }

    #[test]
    fn day_counts_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28), 2);
        for z in [-1000, 0, 11_000, 19_000, 20_000] {
            let d = civil_from_days(z);
            assert_eq!(days_from_civil(d.year, d.month.unwrap(), d.day.unwrap()), z);
        }
        assert_eq!(civil_from_days(days_from_civil(2022, 1, 12)).to_string(), "2022-01-12");
    }

    #[test]
    fn certain_order_needs_disjoint_days() {
        assert_eq!(d("2008").certainly_cmp(&d("2008-05-07")), None);
        assert_eq!(d("2007").certainly_cmp(&d("2008")), Some(Ordering::Less));
        assert_eq!(d("2008-05-08").certainly_cmp(&d("2008-05-07")), Some(Ordering::Greater));
        assert_eq!(d("2000-02").latest(), (2000, 2, 29));
    }
}
