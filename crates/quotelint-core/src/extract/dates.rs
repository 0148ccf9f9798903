//! Date expressions in prose: "31 January 1990", "January 31, 1990", "in March 1991", "in 1991",
//! "1990-01-31", "31.01.1990", with misspelt months ("10 Jsnuary 2022") read as the month meant.

use std::ops::Range;

use quotelint_text::lexicon::lexicon;

use crate::date::{PartialDate, MONTHS, WEEKDAYS};
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

const ABBREVIATIONS: &[(&str, u8)] = lexicon().month_abbreviations;
const NOT_MONTHS: &[&str] = lexicon().not_months;
const OTHER_LANGUAGES_MONTHS: &[&str] = lexicon().other_languages_months;
const OTHER_LANGUAGES_DATE_WORDS: &[&str] = lexicon().other_languages_date_words;

/// Whether the date at `range`, whose month word is at `month` and day (if any) at `day`, is
/// written the way another language writes one: a German ordinal dot ("27. Februar"), a joining
/// "de" ("24 de Febrero"), or a leading word of that language ("am 27", "le 24").
fn in_another_language(
    text: &str,
    range: &Range<usize>,
    month: &Range<usize>,
    day: Option<&Range<usize>>,
) -> bool {
    let ordinal_dot = day.is_some_and(|d| text[d.end..].starts_with('.'));
    let joined = day.is_some_and(|d| {
        d.end < month.start
            && text[d.end..month.start].split_whitespace().any(|w| OTHER_LANGUAGES_DATE_WORDS.contains(&w))
    });
    let mut words = text[..range.start].split_whitespace().rev();
    let before = words.next().unwrap_or("");
    // "am 27. Februar 2022" read as "Februar 2022", after the ordinal "27.".
    let after_ordinal =
        before.strip_suffix('.').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let lead = if after_ordinal { words.next().unwrap_or("") } else { before };
    ordinal_dot
        || joined
        || after_ordinal
        || OTHER_LANGUAGES_DATE_WORDS.contains(&lead.to_lowercase().as_str())
}

/// The month a capitalised word names, exactly or as a plausible misspelling; `strict` asks for
/// at most one wrong letter (for forms with no day, where a name is likelier than a date).
fn month(word: &str, strict: bool) -> Option<(u8, Option<&'static str>)> {
    // Every answer below needs a month or an abbreviation that starts with the word's first
    // byte: most capitalised words before a year ("Putin", "Kremlin") are passed by here.
    let &first = word.as_bytes().first()?;
    let starts_one = |m: &str| m.as_bytes().first() == Some(&first);
    if !MONTHS.iter().any(|m| starts_one(m)) && !ABBREVIATIONS.iter().any(|(a, _)| starts_one(a)) {
        return None;
    }
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
    // Words whose lengths differ by more than the limit are further apart than it: their
    // distance is not worked out (nor can they be the nearest month within the limit).
    let lower = word.to_lowercase();
    let chars = lower.chars().count();
    let (i, d) = MONTHS
        .iter()
        .enumerate()
        .filter(|(_, m)| m.as_bytes()[0] == word.as_bytes()[0])
        .map(|(i, m)| match chars.abs_diff(m.chars().count()) > limit {
            true => (i, usize::MAX),
            false => (i, edit_distance(&lower, &m.to_lowercase())),
        })
        .min_by_key(|(_, d)| *d)?;
    (d <= limit).then_some((i as u8 + 1, Some(MONTHS[i])))
}

/// One written date, as the grammar below reads it: the byte ranges of its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Written {
    /// 1990-01-31
    Iso { year: Range<usize>, month: Range<usize>, day: Range<usize> },
    /// 31.01.1990
    Dotted { day: Range<usize>, month: Range<usize>, year: Range<usize> },
    /// 31 January 1990, 31st of Jan. 1990
    DayMonthYear { day: Range<usize>, month: Range<usize>, year: Range<usize> },
    /// January 31, 1990
    MonthDayYear { month: Range<usize>, day: Range<usize>, year: Range<usize> },
    /// March 1991
    MonthYear { month: Range<usize>, year: Range<usize> },
    /// in 1991, during the spring of 1991, on 1991-02-28: the year, and the month and day of
    /// an ISO date.
    AfterPreposition { year: Range<usize>, month_day: Option<(Range<usize>, Range<usize>)> },
}

/// Every date in `text` by the grammar of the forms [`Written`] lists, leftmost first and
/// without overlaps; at one position the forms are tried in that order. A word of the date
/// starts a word of the text and ends one: the grammar is that of the regular expression in
/// this module's tests (`[A-Z][a-z]{2,9}` for a month's word, 1–2 digits for a day, 4 for a
/// year, blanks between), read by hand because compiling it cost a one-article run 1.8 M of its
/// 10.8 M instructions. A test compares the two on generated texts, with `is_month` taking
/// every word. Given [`month`], a form whose month's word names no month is not that form, and
/// the next is tried: "During 1990" is a preposition and a year, not a month and a year.
fn written_dates(text: &str, is_month: impl Fn(&str, bool) -> bool) -> Vec<(Range<usize>, Written)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Every form ends with a year, the first run of four digits or more after its start, and
    // starts at most `LEAD` bytes other than blanks before it: only the words near such a run
    // are tried.
    let mut p = 0;
    let mut from = 0;
    while let Some(y) = next_run_of_four(b, from) {
        let mut q = y;
        let mut lead = 0;
        while q > p && (lead < LEAD || super::words::is_space(&b[q - 1])) {
            lead += usize::from(!super::words::is_space(&b[q - 1]));
            q -= 1;
        }
        // `q` may cut a word; being `LEAD` bytes before the year, too far to start a date, the
        // rest of that word is passed as a word that starts none would be.
        p = q;
        while p <= y {
            let class = START[usize::from(b[p])];
            if class == NOT_WORD {
                p += 1;
                continue;
            }
            // A word starts at `p`: a date may start here, nowhere else in the word.
            let named_month = |(_, written): &(usize, Written)| match written {
                Written::DayMonthYear { month, .. } | Written::MonthDayYear { month, .. } => {
                    is_month(&text[month.clone()], false)
                }
                Written::MonthYear { month, .. } => is_month(&text[month.clone()], true),
                _ => true,
            };
            let found = match class {
                DIGIT => {
                    iso(b, p).or_else(|| dotted(b, p)).or_else(|| day_month_year(b, p).filter(named_month))
                }
                CAPITAL => month_day_year(b, p)
                    .filter(named_month)
                    .or_else(|| month_year(b, p).filter(named_month))
                    .or_else(|| after_preposition(b, p)),
                PREPOSITION => after_preposition(b, p),
                _ => None,
            };
            match found {
                Some((end, written)) => {
                    out.push((p..end, written));
                    p = end;
                }
                None => {
                    p += 1;
                    while p < b.len() && START[usize::from(b[p])] != NOT_WORD {
                        p += 1;
                    }
                }
            }
        }
        from = p.max(y + digits(b, y));
    }
    out
}

/// The most bytes other than blanks that a date has before its year: "through the beginning
/// of " has 21, "September. 30th, " 16.
const LEAD: usize = 32;

/// Where the first ASCII digit of `b` is: looked for a chunk at a time, by a test that
/// compiles to vector instructions, since most of a block's bytes are not digits.
fn first_digit(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    for chunk in b.chunks(32) {
        if chunk.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
            return chunk.iter().position(u8::is_ascii_digit).map(|i| at + i);
        }
        at += chunk.len();
    }
    None
}

/// The start of the first run of four digits or more at or after `from`, which is not inside a
/// run of digits.
fn next_run_of_four(b: &[u8], mut from: usize) -> Option<usize> {
    loop {
        from += first_digit(b.get(from..)?)?;
        let n = digits(b, from);
        if n >= 4 {
            return Some(from);
        }
        from += n;
    }
}

/// What a byte is to the start of a date: not a word byte (`\b` lies between it and a word
/// byte), a word byte no form starts with, a digit, a capital, or the first letter of a
/// preposition in lower case.
const NOT_WORD: u8 = 0;
const OTHER: u8 = 1;
const DIGIT: u8 = 2;
const CAPITAL: u8 = 3;
const PREPOSITION: u8 = 4;
static START: [u8; 256] = {
    let mut table = [NOT_WORD; 256];
    let mut c = 0;
    while c < 256 {
        let byte = c as u8;
        table[c] = match byte {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => CAPITAL,
            b'i' | b'o' | b'd' | b's' | b'b' | b'f' | b'u' | b't' => PREPOSITION,
            b'a'..=b'z' | b'_' => OTHER,
            _ => NOT_WORD,
        };
        c += 1;
    }
    table
};

/// A byte of an ASCII word (`\w` without Unicode): what `\b` tells from the rest.
fn is_word(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

fn run(b: &[u8], i: usize, class: fn(&u8) -> bool) -> usize {
    b.get(i..).map_or(0, |rest| rest.iter().take_while(|c| class(c)).count())
}

fn digits(b: &[u8], i: usize) -> usize {
    run(b, i, u8::is_ascii_digit)
}

/// Blanks: spaces, tabs and line ends.
fn blanks(b: &[u8], i: usize) -> usize {
    run(b, i, super::words::is_space)
}

fn at(b: &[u8], i: usize, byte: u8) -> bool {
    b.get(i) == Some(&byte)
}

fn starts(b: &[u8], i: usize, word: &str) -> bool {
    b.get(i..).is_some_and(|rest| rest.starts_with(word.as_bytes()))
}

/// `n` digits at `i` and no more, followed by `then`.
fn digits_then(b: &[u8], i: usize, n: usize, then: u8) -> bool {
    digits(b, i) == n && at(b, i + n, then)
}

/// Four digits at `i` that end a word: a year. Returns its end.
fn year(b: &[u8], i: usize) -> Option<usize> {
    (digits(b, i) >= 4 && !is_word(b, i + 4)).then_some(i + 4)
}

/// A day at `i`: one or two digits, then maybe "st", "nd", "rd" or "th". Returns its digits and
/// where it ends.
fn day(b: &[u8], i: usize) -> Option<(Range<usize>, usize)> {
    let n = digits(b, i);
    if !(1..=2).contains(&n) {
        return None;
    }
    let suffix = ["st", "nd", "rd", "th"].iter().any(|s| starts(b, i + n, s));
    Some((i..i + n, i + n + if suffix { 2 } else { 0 }))
}

/// A month's word at `i`: a capital and 2 to 9 lower-case letters, then maybe a full stop.
/// Returns the word and where it ends.
fn month_word(b: &[u8], i: usize) -> Option<(Range<usize>, usize)> {
    if !b.get(i).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let n = run(b, i + 1, u8::is_ascii_lowercase);
    if !(2..=9).contains(&n) {
        return None;
    }
    let end = i + 1 + n;
    Some((i..end, end + usize::from(at(b, end, b'.'))))
}

/// At least one blank at `i`; returns where the blanks end.
fn blanks1(b: &[u8], i: usize) -> Option<usize> {
    let n = blanks(b, i);
    (n > 0).then_some(i + n)
}

/// A comma, if there is one at `i`; returns where it ends.
fn comma(b: &[u8], i: usize) -> usize {
    i + usize::from(at(b, i, b','))
}

fn iso(b: &[u8], p: usize) -> Option<(usize, Written)> {
    if !(digits_then(b, p, 4, b'-') && digits_then(b, p + 5, 2, b'-') && digits(b, p + 8) >= 2) {
        return None;
    }
    let end = p + 10;
    (!is_word(b, end)).then(|| (end, Written::Iso { year: p..p + 4, month: p + 5..p + 7, day: p + 8..end }))
}

fn dotted(b: &[u8], p: usize) -> Option<(usize, Written)> {
    let d = digits(b, p);
    if !((1..=2).contains(&d) && at(b, p + d, b'.')) {
        return None;
    }
    let m = p + d + 1;
    let n = digits(b, m);
    if !((1..=2).contains(&n) && at(b, m + n, b'.')) {
        return None;
    }
    let y = m + n + 1;
    let end = year(b, y)?;
    Some((end, Written::Dotted { day: p..p + d, month: m..m + n, year: y..end }))
}

fn day_month_year(b: &[u8], p: usize) -> Option<(usize, Written)> {
    let (day, i) = day(b, p)?;
    let mut i = blanks1(b, i)?;
    if starts(b, i, "of") {
        if let Some(after) = blanks1(b, i + 2) {
            i = after;
        }
    }
    let (month, i) = month_word(b, i)?;
    let y = blanks1(b, comma(b, i))?;
    let end = year(b, y)?;
    Some((end, Written::DayMonthYear { day, month, year: y..end }))
}

fn month_day_year(b: &[u8], p: usize) -> Option<(usize, Written)> {
    let (month, i) = month_word(b, p)?;
    let (day, i) = day(b, blanks1(b, i)?)?;
    let y = blanks1(b, comma(b, i))?;
    let end = year(b, y)?;
    Some((end, Written::MonthDayYear { month, day, year: y..end }))
}

fn month_year(b: &[u8], p: usize) -> Option<(usize, Written)> {
    let (month, i) = month_word(b, p)?;
    let y = blanks1(b, comma(b, i))?;
    let end = year(b, y)?;
    Some((end, Written::MonthYear { month, year: y..end }))
}

const SEASONS: [&str; 8] = ["spring", "summer", "autumn", "fall", "winter", "end", "start", "beginning"];

/// "in 1991", "during early 1991", "by the end of 1991", "on 1991-02-28": a preposition (its
/// first letter in either case), blanks, maybe "early", "late", "mid" or "the SEASON of", then
/// a year, maybe with an ISO month and day.
fn after_preposition(b: &[u8], p: usize) -> Option<(usize, Written)> {
    // The first letter in either case, the rest in lower case.
    let candidates: &[&str] = match b[p].to_ascii_lowercase() {
        b'i' => &["in"],
        b'o' => &["on", "of"],
        b'd' => &["during"],
        b's' => &["since"],
        b'b' => &["by"],
        b'f' => &["from"],
        b'u' => &["until"],
        b't' => &["through"],
        _ => return None,
    };
    let preposition = candidates.iter().find(|w| starts(b, p + 1, &w[1..]))?;
    let i = blanks1(b, p + preposition.len())?;
    let y = if let Some(word) = ["early", "late", "mid"].iter().find(|w| starts(b, i, w)) {
        let after = i + word.len();
        let after = after + usize::from(*word == "mid" && at(b, after, b'-'));
        after + blanks(b, after)
    } else if starts(b, i, "the") {
        let i = blanks1(b, i + 3)?;
        let season = SEASONS.iter().find(|s| starts(b, i, s))?;
        let i = blanks1(b, i + season.len())?;
        if !starts(b, i, "of") {
            return None;
        }
        blanks1(b, i + 2)?
    } else {
        i
    };
    if digits(b, y) < 4 {
        return None;
    }
    let end = y + 4;
    if at(b, end, b'-') && digits_then(b, end + 1, 2, b'-') && digits(b, end + 4) >= 2 && !is_word(b, end + 6)
    {
        let month_day = Some((end + 1..end + 3, end + 4..end + 6));
        return Some((end + 6, Written::AfterPreposition { year: y..end, month_day }));
    }
    (!is_word(b, end)).then_some((end, Written::AfterPreposition { year: y..end, month_day: None }))
}

/// The date of a year, month and day as read from a date's digits (a year of four digits, a
/// month and a day of one or two), when it exists: what `PartialDate::parse` gives for them
/// written `YYYY-MM-DD` (a test holds the two together), without writing and parsing them. A
/// day is dropped without a month.
fn date_of(y: u32, m: Option<u32>, d: Option<u32>) -> Option<PartialDate> {
    let year = i32::try_from(y).ok().filter(|y| *y <= 9999)?;
    let month = |m: u32| u8::try_from(m).ok().filter(|m| (1..=12).contains(m));
    match (m, d) {
        // Every month has its first 28 days; a later day is checked by the parser.
        (Some(m), Some(d)) if (1..=28).contains(&d) => {
            Some(PartialDate { year, month: Some(month(m)?), day: Some(d as u8) })
        }
        (Some(m), Some(d)) if m <= 99 && d <= 99 => PartialDate::parse(&format!("{y:04}-{m:02}-{d:02}")).ok(),
        (Some(_), Some(_)) => None,
        (Some(m), None) => Some(PartialDate { year, month: Some(month(m)?), day: None }),
        _ => Some(PartialDate::year(year)),
    }
}

/// Every date expression in `text`, in order.
pub fn find(text: &str) -> Vec<DateExpr> {
    let num = |r: &Range<usize>| text[r.clone()].parse::<u32>().ok();
    let make = |range: Range<usize>,
                y: u32,
                m: Option<u32>,
                d: Option<u32>,
                misspelt: Option<(String, &'static str)>| {
        date_of(y, m, d).filter(|_| (1000..3000).contains(&y)).map(|date| DateExpr {
            range,
            date,
            misspelt: misspelt.map(Box::new),
            relative: false,
        })
    };
    // A form with a month's word: the word, the year, the day (if any).
    let named = |range: Range<usize>,
                 month_word: &Range<usize>,
                 year: &Range<usize>,
                 day: Option<&Range<usize>>,
                 strict: bool| {
        let written = &text[month_word.clone()];
        month(written, strict).and_then(|(mo, fix)| {
            let foreign = OTHER_LANGUAGES_MONTHS.contains(&written)
                && in_another_language(text, &range, month_word, day);
            let fix = fix.filter(|_| !foreign);
            make(
                range,
                num(year).unwrap_or(0),
                Some(mo.into()),
                day.and_then(num),
                fix.map(|f| (written.to_owned(), f)),
            )
        })
    };
    let mut out = Vec::new();
    for (range, written) in written_dates(text, |word, strict| month(word, strict).is_some()) {
        let found = match &written {
            Written::Iso { year, month, day } => {
                make(range, num(year).unwrap_or(0), num(month), num(day), None)
            }
            Written::Dotted { day, month, year } => {
                make(range, num(year).unwrap_or(0), num(month), num(day), None)
            }
            Written::DayMonthYear { day, month, year } => named(range, month, year, Some(day), false),
            Written::MonthDayYear { month, day, year } => named(range, month, year, Some(day), false),
            Written::MonthYear { month, year } => named(range, month, year, None, true),
            Written::AfterPreposition { year, month_day } => {
                // "on 1990-01-31": the preposition's form takes the ISO date.
                let end = month_day.as_ref().map_or(year.end, |(_, d)| d.end);
                let (month, day) = match month_day {
                    Some((m, d)) => (num(m), num(d)),
                    None => (None, None),
                };
                make(year.start..end, num(year).unwrap_or(0), month, day, None)
            }
        };
        out.extend(found);
    }
    // Few blocks have such a year: the dates found in order are sorted again only if one is.
    let found = out.len();
    for year in years_before_occasions(text) {
        if !out[..found].iter().any(|d| d.range.start < year.end && year.start < d.range.end) {
            out.extend(make(year.clone(), num(&year).unwrap_or(0), None, None, None));
        }
    }
    if let Some((head, month)) = timeline_head(text) {
        let year = head.start..head.start + 4;
        if !out[..found].iter().any(|d| d.range.start < head.end && head.start < d.range.end) {
            out.extend(make(head, num(&year).unwrap_or(0), month, None, None));
        }
    }
    if out.len() > found {
        out.sort_by_key(|d| d.range.start);
    }
    out
}

/// "1996 — The Founding Act is signed", "2004 March: Estonia joins NATO": a year, maybe with
/// its month after it, opening a block (a paragraph or a list item: soft line breaks reach
/// here as spaces) and followed by a dash or a colon, as a timeline heads its items; with the
/// month's number. A bare year elsewhere is no date.
fn timeline_head(text: &str) -> Option<(Range<usize>, Option<u32>)> {
    let b = text.as_bytes();
    let start = blanks(b, 0);
    if digits(b, start) != 4 || !matches!(&b[start..start + 2], b"19" | b"20") {
        return None;
    }
    let mut end = start + 4;
    let mut month = None;
    let after_year = end + blanks(b, end);
    if after_year > end {
        let word_end = after_year + b[after_year..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if let Some(i) = MONTHS.iter().position(|m| m.as_bytes() == &b[after_year..word_end]) {
            end = word_end;
            month = Some(i as u32 + 1);
        }
    }
    let rest = &text[end + blanks(b, end)..];
    // A hyphen only set off by a space: "1996-97" is a span, "1996-05" a month.
    ["—", "–", "- ", ":"].iter().any(|m| rest.starts_with(m)).then_some((start..end, month))
}

/// "his 2008 Munich speech", "in a 2014 interview", "Putin's 2007 address": a year between a
/// determiner or a possessive and the noun of a speech act ([`OCCASION_NOUNS`]), with at most two
/// capitalized words (a place, a body) between them. A bare year elsewhere is no date.
fn years_before_occasions(text: &str) -> Vec<Range<usize>> {
    use super::lexicon::{OCCASION_DETERMINERS, OCCASION_NOUNS};
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Digits are few in prose: found a chunk at a time, not tested byte by byte.
    while let Some(k) = first_digit(&b[i..]) {
        let start = i + k;
        let end = start + b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        i = end;
        if end - start != 4 || is_word(b, end) || (start > 0 && is_word(b, start - 1)) {
            continue;
        }
        let before = text[..start].trim_end_matches(' ');
        if before.len() == start {
            continue; // no space before the year
        }
        let word = crate::scan::last_word(before).unwrap_or("");
        let possessive = word.len() > 2 && (word.ends_with("'s") || word.ends_with("’s"));
        if !possessive && !OCCASION_DETERMINERS.iter().any(|d| word.eq_ignore_ascii_case(d)) {
            continue;
        }
        let mut words = text[end..].split(' ').skip(1);
        let noun = (0..3).find_map(|_| {
            let w = words.next()?.trim_end_matches([',', '.', ';', ':', ')']);
            if OCCASION_NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)) {
                Some(Some(()))
            } else if w.starts_with(char::is_uppercase) {
                None
            } else {
                Some(None)
            }
        });
        if text[end..].starts_with(' ') && noun.flatten().is_some() {
            out.push(start..end);
        }
    }
    out
}

/// A relative date as written: "today" or "yesterday" (days back), "on Wednesday" (the index
/// of the day in [`WEEKDAYS`]), or "this year", "last month", "earlier this year".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relative {
    DaysBack(i64),
    Weekday(usize),
    Unit { last: bool, year: bool },
}

/// The relative dates of `text`, leftmost first and without overlaps, by the grammar of the
/// regular expression in this module's tests (whole ASCII words, one space between them, in
/// the case written there). Compiling that expression cost a run that met a dated article
/// 0.8 M instructions, and searching with it more than this: every such date ends with "day",
/// "year" or "month", which are found by vector search, and only the few places they point
/// back to are read.
fn relative_dates(text: &str) -> Vec<(Range<usize>, Relative)> {
    // Made once: making a finder costs more than searching a paragraph with it.
    static ENDINGS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| ["day", "year", "month"].map(memchr::memmem::Finder::new));
    let [day, year, month] = &*ENDINGS;
    let b = text.as_bytes();
    let mut starts = Vec::new();
    for k in day.find_iter(b) {
        let end = k + 3;
        let before = |n: usize| end.checked_sub(n);
        starts.extend([before(5), before(9)].into_iter().flatten());
        starts.extend(WEEKDAYS.iter().filter_map(|w| before(w.len() + 3)));
    }
    for (unit, len) in [(year, 4), (month, 5)] {
        for k in unit.find_iter(b) {
            let end = k + len;
            starts.extend([end.checked_sub(len + 5), end.checked_sub(len + 13)].into_iter().flatten());
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut reached = 0;
    for start in starts {
        if start < reached {
            continue;
        }
        if let Some((end, what)) = relative_at(b, start) {
            out.push((start..end, what));
            reached = end;
        }
    }
    out
}

/// The relative date that starts at `p`, if one does: its end and what it says. At most one
/// form can start at a place (their first two letters differ).
fn relative_at(b: &[u8], p: usize) -> Option<(usize, Relative)> {
    if p > 0 && is_word(b, p - 1) {
        return None;
    }
    let (end, what) = if starts(b, p, "today") {
        (p + 5, Relative::DaysBack(0))
    } else if starts(b, p, "yesterday") {
        (p + 9, Relative::DaysBack(1))
    } else if starts(b, p, "On ") || starts(b, p, "on ") {
        // No day's name begins another's: the order they are tried in does not matter.
        let i = WEEKDAYS.iter().position(|w| starts(b, p + 3, w))?;
        (p + 3 + WEEKDAYS[i].len(), Relative::Weekday(i))
    } else {
        let (which, last) = if starts(b, p, "this ") {
            (4, false)
        } else if starts(b, p, "last ") {
            (4, true)
        } else if starts(b, p, "earlier this ") {
            (12, false)
        } else {
            return None;
        };
        let unit = p + which + 1;
        if starts(b, unit, "year") {
            (unit + 4, Relative::Unit { last, year: true })
        } else if starts(b, unit, "month") {
            (unit + 5, Relative::Unit { last, year: false })
        } else {
            return None;
        }
    };
    (!is_word(b, end)).then_some((end, what))
}

/// Relative dates the article's date resolves: "today", "yesterday", "on Wednesday" (the last
/// such day on or before the article's date), "this year", "last year", "this month", "last
/// month". Others ("a year later", "last week", "the same day") stay unresolved.
pub fn find_relative(text: &str, article: PartialDate) -> Vec<DateExpr> {
    let mut out = Vec::new();
    for (range, what) in relative_dates(text) {
        let by_day = |back: i64| -> Option<PartialDate> {
            let (Some(mo), Some(d)) = (article.month, article.day) else { return None };
            Some(crate::date::civil_from_days(crate::date::days_from_civil(article.year, mo, d) - back))
        };
        let date = match what {
            Relative::DaysBack(back) => by_day(back),
            Relative::Weekday(target) => article.day.and_then(|d| {
                let days = crate::date::days_from_civil(article.year, article.month?, d);
                let today = (days + 4).rem_euclid(7); // 1970-01-01 was a Thursday
                by_day((today - target as i64).rem_euclid(7))
            }),
            Relative::Unit { last, year: true } => Some(PartialDate::year(article.year - i32::from(last))),
            Relative::Unit { last, year: false } => article.month.map(|mo| {
                let (y, mo) = if last && mo == 1 {
                    (article.year - 1, 12)
                } else {
                    (article.year, mo - u8::from(last))
                };
                PartialDate { year: y, month: Some(mo), day: None }
            }),
        };
        if let Some(date) = date {
            out.push(DateExpr { range, date, misspelt: None, relative: true });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;
    use proptest::prelude::*;

    /// A misspelt month is the one the distance to every month of its first letter names, as
    /// [`month`] worked it out before it passed by the months too long or short to be within
    /// the limit: every month and abbreviation with a letter dropped, doubled, changed or two
    /// swapped, and other capitalised words.
    #[test]
    fn a_misspelt_month_is_the_nearest_of_all_months() {
        let reference = |word: &str, strict: bool| -> Option<(u8, Option<&'static str>)> {
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
        };
        let mut words: Vec<String> = [
            "Moscow",
            "Mayor",
            "Juneau",
            "Marchers",
            "Augusta",
            "Septembers",
            "Jully",
            "Ma",
            "Décembre",
            "Öctober",
            "Putin",
            "Kremlin",
            "Washington",
            "Brussels",
            "Year",
        ]
        .map(String::from)
        .to_vec();
        for m in MONTHS.iter().copied().chain(ABBREVIATIONS.iter().map(|(a, _)| *a)) {
            let chars: Vec<char> = m.chars().collect();
            for k in 0..chars.len() {
                let mut dropped = chars.clone();
                dropped.remove(k);
                let mut doubled = chars.clone();
                doubled.insert(k, chars[k]);
                let mut changed = chars.clone();
                changed[k] = if chars[k] == 'x' { 'y' } else { 'x' };
                let mut twice = doubled.clone();
                twice.insert(k, chars[k]);
                words.extend([dropped, doubled, changed, twice].map(|w| w.into_iter().collect::<String>()));
                if k + 1 < chars.len() {
                    let mut swapped = chars.clone();
                    swapped.swap(k, k + 1);
                    words.push(swapped.into_iter().collect());
                }
            }
        }
        for word in words.iter().filter(|w| w.starts_with(char::is_uppercase)) {
            for strict in [false, true] {
                assert_eq!(month(word, strict), reference(word, strict), "{word} {strict}");
            }
        }
    }

    /// A date made from its numbers is the one written out and parsed, for every month and day
    /// of up to three digits, in leap years and others.
    #[test]
    fn a_date_made_from_its_numbers_is_the_date_parsed() {
        let numbers = || std::iter::once(None).chain((0..=100).map(Some));
        for y in [0, 999, 1000, 1900, 2000, 2003, 2004, 2023, 2100, 2999, 9999, 10_000] {
            for m in numbers() {
                for d in numbers() {
                    let written = match (m, d) {
                        (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                        (Some(m), None) => format!("{y:04}-{m:02}"),
                        _ => format!("{y:04}"),
                    };
                    assert_eq!(date_of(y, m, d), PartialDate::parse(&written).ok(), "{written}");
                }
            }
        }
    }

    /// The grammar of [`written_dates`] as the regular expression quotelint used to search with.
    fn by_regex(text: &str) -> Vec<(Range<usize>, Written)> {
        static DATE: LazyLock<Regex> = LazyLock::new(|| {
            let w = r"([A-Z][a-z]{2,9})\.?";
            let day = r"([0-9]{1,2})(?:st|nd|rd|th)?";
            Regex::new(&format!(
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
            ))
            .expect("date pattern")
        });
        DATE.captures_iter(text)
            .map(|c| {
                let g = |i: usize| c.get(i).expect("group").range();
                let written = if c.name("iso").is_some() {
                    Written::Iso { year: g(2), month: g(3), day: g(4) }
                } else if c.name("dotted").is_some() {
                    Written::Dotted { day: g(6), month: g(7), year: g(8) }
                } else if c.name("dmy").is_some() {
                    Written::DayMonthYear { day: g(10), month: g(11), year: g(12) }
                } else if c.name("mdy").is_some() {
                    Written::MonthDayYear { month: g(14), day: g(15), year: g(16) }
                } else if c.name("my").is_some() {
                    Written::MonthYear { month: g(18), year: g(19) }
                } else {
                    let month_day = c.name("year_month").map(|m| (m.range(), g(22)));
                    Written::AfterPreposition { year: g(20), month_day }
                };
                (c.get(0).expect("match").range(), written)
            })
            .collect()
    }

    /// Pieces of dates and of near misses: digits of every length around the grammar's, month
    /// words (abbreviated, misspelt, too short and too long), prepositions in both cases and
    /// inside other words, the modifiers, and what may sit between or around them.
    const PIECES: &[&str] = &[
        "1990",
        "19901",
        "199",
        "12",
        "1",
        "07",
        "31",
        "123",
        "1990-01-31",
        "1990-01-3",
        "1990-01-311",
        "31.01.1990",
        "1.2.1990",
        "3.01.19901",
        "-",
        ".",
        ",",
        ":",
        "_",
        "é",
        "’",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "st",
        "th",
        "nd",
        "rd",
        "xx",
        "of",
        "ofMay",
        "the",
        "theory",
        "spring",
        "beginning",
        "springtime",
        "early",
        "earlyish",
        "late",
        "mid",
        "mid-",
        "midst",
        "In",
        "in",
        "Inn",
        "On",
        "on",
        "Of",
        "during",
        "During",
        "Since",
        "since",
        "By",
        "by",
        "From",
        "until",
        "Through",
        "Within",
        "January",
        "Jan",
        "Jan.",
        "Sept",
        "May",
        "Mary",
        "Jsnuary",
        "Febuary",
        "March",
        "Mc",
        "Ab",
        "Abcdefghij",
        "Abcdefghijk",
        "ABC",
        "x",
        "A",
    ];

    /// One slot of a date-like phrase: right choices and near misses.
    fn slot(choices: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
        proptest::sample::select(choices)
    }

    const BLANK: &[&str] =
        &[" ", "", "\n", " \t ", "\r\n", ",", "-", "                                        \n\n  "];
    const DAY: &[&str] = &["1", "12", "31", "123", "07", ""];
    const SUFFIX: &[&str] = &["", "st", "nd", "rd", "th", "xx", "s"];
    const MONTH: &[&str] = &[
        "May",
        "Jan",
        "January",
        "Sept",
        "Jsnuary",
        "Mary",
        "Ab",
        "Abcdefghij",
        "Abcdefghijk",
        "may",
        "MAY",
        "M",
    ];
    const AFTER_MONTH: &[&str] = &["", ".", ",", ".,", ",."];
    const YEAR: &[&str] =
        &["1990", "199", "19901", "1990-01-31", "1990-01-3", "1990-01-311", "1990-1-31", "1990-01-31x"];
    const TAIL: &[&str] = &["", ".", "_", "x", "é", "-", "'s", " and"];

    /// A phrase shaped like one of the forms, slot by slot, so that most phrases are dates or
    /// nearly.
    fn phrase() -> impl Strategy<Value = String> {
        let after_preposition = (
            slot(&[
                "in", "In", "on", "during", "Since", "by", "Of", "until", "Through", "inn", "Within", "i",
            ]),
            slot(BLANK),
            slot(&[
                "",
                "early",
                "late",
                "mid",
                "mid-",
                "midst",
                "the",
                "the end",
                "the spring",
                "the springtime",
                "theory",
            ]),
            slot(BLANK),
            slot(&["", "of", "or", "o", "of\t"]),
            slot(BLANK),
            slot(YEAR),
        )
            .prop_map(|(a, b, c, d, e, f, g)| [a, b, c, d, e, f, g].concat());
        let day_month = (
            slot(DAY),
            slot(SUFFIX),
            slot(BLANK),
            slot(&["", "of", "of\t", "ofs", "or"]),
            slot(BLANK),
            slot(MONTH),
            slot(AFTER_MONTH),
            slot(BLANK),
            slot(YEAR),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| [a, b, c, d, e, f, g, h, i].concat());
        let month_day = (
            slot(MONTH),
            slot(AFTER_MONTH),
            slot(BLANK),
            slot(DAY),
            slot(SUFFIX),
            slot(&["", ","]),
            slot(BLANK),
            slot(YEAR),
        )
            .prop_map(|(a, b, c, d, e, f, g, h)| [a, b, c, d, e, f, g, h].concat());
        let numeric = (
            slot(&["", "1", "31", "123", "1990"]),
            slot(&["", ".", "-"]),
            slot(&["", "1", "01", "123"]),
            slot(&["", ".", "-"]),
            slot(YEAR),
        )
            .prop_map(|(a, b, c, d, e)| [a, b, c, d, e].concat());
        (prop_oneof![after_preposition, day_month, month_day, numeric], slot(TAIL)).prop_map(|(p, t)| p + t)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// The chunked search for a digit finds the first one, wherever it lies in its chunk.
        #[test]
        fn the_first_digit_is_the_first_digit(
            bytes in proptest::collection::vec(proptest::sample::select(&b"a0 9/:\xe2\x80"[..]), 0..100),
            skip in 0..100usize,
        ) {
            // Mostly letters, so that digits are sparse and fall at any offset of a chunk.
            let bytes: Vec<u8> = bytes.iter().enumerate().map(|(i, &b)| if i < skip { b'a' } else { b }).collect();
            prop_assert_eq!(first_digit(&bytes), bytes.iter().position(u8::is_ascii_digit), "{:?}", bytes);
        }

        /// Reading by hand finds exactly what the regular expression finds, part for part.
        #[test]
        fn the_hand_reading_is_the_regular_expression(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..14)) {
            let text = pieces.concat();
            prop_assert_eq!(written_dates(&text, |_, _| true), by_regex(&text), "{:?}", text);
        }

        /// The same on phrases built slot by slot, most of them dates or nearly.
        #[test]
        fn the_hand_reading_is_the_regular_expression_on_near_dates(
            phrases in proptest::collection::vec((phrase(), slot(&[" ", "", ". ", "x", "1", "In "])), 1..4)
        ) {
            let text: String = phrases.iter().flat_map(|(p, sep)| [p.as_str(), sep]).collect();
            prop_assert_eq!(written_dates(&text, |_, _| true), by_regex(&text), "{:?}", text);
        }
    }

    /// The relative dates as the regular expression quotelint used to search with reads them.
    fn relative_by_regex(text: &str) -> Vec<(Range<usize>, Relative)> {
        static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?-u:\b)(?:(?P<day>today|yesterday)|[Oo]n (?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<which>this|last|earlier this) (?P<unit>year|month))(?-u:\b)",
            )
            .expect("relative date pattern")
        });
        RELATIVE
            .captures_iter(text)
            .map(|c| {
                let what = if let Some(day) = c.name("day") {
                    Relative::DaysBack(if day.as_str() == "today" { 0 } else { 1 })
                } else if let Some(wd) = c.name("weekday") {
                    Relative::Weekday(WEEKDAYS.iter().position(|w| *w == wd.as_str()).expect("weekday"))
                } else {
                    let last = c.name("which").is_some_and(|w| w.as_str() == "last");
                    Relative::Unit { last, year: c.name("unit").is_some_and(|u| u.as_str() == "year") }
                };
                (c.get(0).expect("match").range(), what)
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Reading relative dates by hand finds what the regular expression finds, on texts of
        /// their words, near misses (other cases, longer words, words glued on) and what may
        /// sit between them.
        #[test]
        fn relative_dates_by_hand_are_the_regular_expressions(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "today", "Today", "yesterday", "todays", "day", "On", "on", "upon", "On ", "on ",
                "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "monday",
                "Mondays", "this", "This", "last", "earlier", "earlier this", "year", "years", "month",
                "months", "yearly", " ", "  ", "_", "x", "é", ".", ",", "\n", "1", "-",
                "earlier this year", "earlier this month", "this year", "last month", "on Monday",
                "On Sunday", "on Wednesday",
            ][..]), 0..16)
        ) {
            let text = pieces.concat();
            prop_assert_eq!(relative_dates(&text), relative_by_regex(&text), "{:?}", text);
        }
    }

    #[test]
    fn the_regular_expression_oracle_finds_every_form() {
        // The oracle is only as good as its own reading of the forms.
        let text = "1990-01-31, 31.01.1990, 31st of Jan. 1990, May 12th, 1990, March 1991, during the end of 1991, on 1992-02-03";
        let forms: Vec<_> = by_regex(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(
            forms,
            [
                "1990-01-31",
                "31.01.1990",
                "31st of Jan. 1990",
                "May 12th, 1990",
                "March 1991",
                "during the end of 1991",
                "on 1992-02-03"
            ]
        );
        assert_eq!(written_dates(text, |_, _| true), by_regex(text));
    }

    fn dates(text: &str) -> Vec<String> {
        find(text).into_iter().map(|d| d.date.to_string()).collect()
    }

    #[test]
    fn the_longest_lead_to_a_year_is_within_reach() {
        let filler = "Long before any of this, a great many words went by without a single year. ";
        for form in [
            "through the beginning of 1991",
            "Through the beginning of\n\n       1991",
            "31st of September, 1990",
        ] {
            assert_eq!(written_dates(form, |_, _| true).len(), 1, "{form}");
            let text = format!("{filler}{form} {filler}");
            let found = written_dates(&text, |_, _| true);
            assert_eq!(found.iter().map(|(r, _)| &text[r.clone()]).collect::<Vec<_>>(), [form]);
        }
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

    /// Another language's month name is its word in a date written its way, and a misspelling
    /// of the English month in an English date.
    #[test]
    fn other_languages_month_names_are_words_in_their_dates() {
        for text in ["Am 27. Februar 2022 sprach er.", "le 24 Février 2022", "el 24 de Febrero de 2022"] {
            assert!(find(text).iter().all(|d| d.misspelt.is_none()), "{text}");
        }
        assert_eq!(find("On 7 Januar 2022 he spoke")[0].misspelt.as_ref().unwrap().1, "January");
    }

    #[test]
    fn misspelt_months_are_read_and_reported() {
        let d = find("said 10 Jsnuary 2022 bilateral");
        assert_eq!(d[0].date.to_string(), "2022-01-10");
        assert_eq!(d[0].misspelt.as_deref(), Some(&("Jsnuary".into(), "January")));
        assert_eq!(find("07 Januar 2022")[0].misspelt.as_ref().unwrap().1, "January");
        assert_eq!(find("in Febuary 2016")[0].misspelt.as_ref().unwrap().1, "February");
    }

    /// A preposition starting a sentence is a capitalised word before a year, as a month is
    /// ("During 1990"): the date is the year, not nothing.
    #[test]
    fn a_capitalised_preposition_is_not_a_month() {
        assert_eq!(dates("During 1990, Baker said"), vec!["1990"]);
        assert_eq!(dates("Since 1991 and Until 1995"), vec!["1991", "1995"]);
        assert_eq!(dates("Through the end of 1991"), vec!["1991"]);
        assert_eq!(dates("From 1990-02-09 on"), vec!["1990-02-09"]);
        // Nor does any other capitalised word before a date swallow it.
        assert_eq!(dates("Report 1990-01-31 and 12 Bananas 1991-02-03"), vec!["1990-01-31", "1991-02-03"]);
        // Months, even misspelt, are still months; other words before a year are not dates.
        assert_eq!(dates("Febuary 1990 and Sept. 1990"), vec!["1990-02", "1990-09"]);
        assert!(dates("Bananas 1990 and Mary 2022 and 12 Bananas 1990").is_empty());
    }

    /// A year between a determiner or possessive and a speech act's noun dates the act.
    #[test]
    fn a_year_before_a_speech_is_its_date() {
        assert_eq!(dates("In his 2008 Munich speech Putin said"), vec!["2008"]);
        assert_eq!(dates("in a 2014 interview, she said"), vec!["2014"]);
        assert_eq!(dates("Putin's 2007 address to the conference"), vec!["2007"]);
        assert_eq!(dates("their 2021 Brussels Summit communiqué"), vec!["2021"]);
        assert!(dates("the 2008 war in Georgia and his speech").is_empty());
        assert!(dates("his 2008 remarkable speech").is_empty(), "a lower-case word between");
        assert!(dates("the 1997 NATO-Russia Founding Act").is_empty());
        assert!(dates("about 2008 speeches").is_empty(), "no determiner before the year");
    }

    #[test]
    fn numbers_and_names_that_are_not_dates() {
        assert!(dates("Mary 2022 and 1500 troops and the 1990s and within 36 to 60 hours").is_empty());
        assert!(dates("the 1997 NATO-Russia Founding Act").is_empty(), "a bare year needs a preposition");
        // ... or to head a timeline's item, before a dash or a colon.
        assert_eq!(dates("1997 — The Act is signed."), ["1997"]);
        assert_eq!(dates(" 2004 March: Estonia joins."), ["2004-03"]);
        assert_eq!(dates("1998 - The Act is ratified."), ["1998"]);
        for not_a_head in
            ["1996-97 — talks.", "2000 troops — sent.", "It was 1997 — late.", "1996-05: talks."]
        {
            assert!(dates(not_a_head).is_empty(), "{not_a_head}");
        }
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
