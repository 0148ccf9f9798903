//! Recorded events named with a date attached: the dates `misdated-event` compares.

use std::ops::Range;

use super::context::{BlockContext, MAX_DATE_LEN};
use super::dates::DateExpr;
use super::lexicon::{
    CLAUSE_DATE_PREPOSITIONS, DETERMINERS, EVENT_AUXILIARIES, EVENT_CLAUSE_VERBS, EVENT_DATE_PREPOSITIONS,
    EVENT_FINITE_VERBS, EVENT_PARTICIPATION_VERBS, EVENT_RELATIVE_PRONOUNS, EVENT_VERBS, NOT_ACTION_VERBS,
    OBJECT_PREPOSITIONS, PLACE_PREPOSITIONS, PLACE_WORDS, PREPOSITIONS, SENTENCE_CONNECTIVES,
    SETTING_OPENERS, SPEECH_VERBS, SUBJECT_STOPS, TIME_RELATIONS, TIME_UNITS,
};
use super::words::is_space;
use super::{Dated, EventDate};
use crate::date::PartialDate;
use crate::diagnostic::ceil_char_boundary;
use crate::names::{Mention, NameIndex, Target};

/// Events named with a date that belongs to them, read from the clause that names them:
/// a date right after the name or after the verb that makes it ("the Founding Act in 1996", "the
/// Founding Act, signed in Paris in 1996", "the Council, established in 2002", "NATO suspended
/// … cooperation with Russia in March 2014"), a year just before it ("the 1996 Founding Act") or
/// in parentheses after it ("the Founding Act (1996)"), and a date heading the name's clause ("In
/// March 2014 NATO suspended …", a timeline item "**1 July 1991** — The Warsaw Pact is
/// dissolved"). A date after a verb of another action on the event ("invoked the Founding Act in
/// July 2014") is that action's, not the event's.
pub(super) fn events(ctx: &BlockContext, names: &NameIndex, out: &mut Vec<EventDate>) {
    let text = ctx.text();
    for m in &ctx.mentions {
        if m.is_person() {
            out.extend(relative_clause_event(ctx, names, m));
            continue;
        }
        let Some(event) = m.events().next() else { continue };
        if ctx.in_quote(&m.range) || m.targets.iter().filter(|t| matches!(t, Target::Event(_))).count() > 1 {
            continue;
        }
        let has_verb = is_clause_name(&text[m.range.clone()]);
        let mut attached: Option<Dated> = None;
        // After the name, unless the name is the object of another action.
        // A relative date ("the Founding Act today") is about now, not the event.
        if !acted_on(&text[..m.range.start]) {
            let of_name = tokens(&text[m.range.clone()]).iter().any(|t| t.is_in(&["of"]));
            attached = date_after(ctx, m.range.end, has_verb, of_name);
            // "Ten years after the fall of the Berlin Wall, in 1999, …", "After the signing of the
            // Act, in 1998, …": the event dates another clause; a date set off by a comma, or any
            // after a measured span ("ten years after"), is that clause's.
            match time_relation(&text[..m.range.start]) {
                TimeRelation::Measured => attached = None,
                TimeRelation::Plain if sets_off_a_date(&text[m.range.end..]) => attached = None,
                _ => {}
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
        // A date heading the clause that names the event.
        if attached.is_none() {
            if let Some(d) = clause_date(ctx, &m.range, has_verb) {
                attached = Some(Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) });
            }
        }
        if let Some(date) = attached {
            out.push(EventDate { event, name: ctx.block.source_range(m.range.clone()), date });
        }
    }
}

/// The date after an event's name ending at `end`, when the words between tie it to the event
/// (see [`links_to_date`]). A relative date ("the Founding Act today") is about now, not the
/// event.
fn date_after(ctx: &BlockContext, end: usize, has_verb: bool, of_name: bool) -> Option<Dated> {
    let text = ctx.text();
    let k = ctx.dates.partition_point(|d| d.range.start < end);
    let d = ctx.dates[k..].iter().take_while(|d| d.range.start - end <= LINK_REACH).find(|d| !d.relative)?;
    let between = &text[end..d.range.start];
    let between = between.strip_suffix("the ").unwrap_or(between);
    (links_to_date(&tokens(between), has_verb, of_name) && !ctx.in_quote(&d.range))
        .then(|| Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) })
}

/// "Jens Stoltenberg, who took over from Rasmussen in October 2015": a relative clause says of
/// the person before it what an event's name says of its subject ("Stoltenberg took over from
/// Rasmussen"), so the person's last name and the clause are read as that name, and the date
/// after it as for any name with its verb. So is a full name followed by its verb ("Jens
/// Stoltenberg took over …"), which the shorter event name cannot start inside.
fn relative_clause_event(ctx: &BlockContext, names: &NameIndex, m: &Mention) -> Option<EventDate> {
    let text = ctx.text();
    let written = &text[m.range.clone()];
    if written.ends_with("'s") || written.ends_with("’s") || ctx.in_quote(&m.range) {
        return None;
    }
    let subject = written.rsplit(char::is_whitespace).next()?;
    let rest = &text[m.range.end..];
    let clause = match rest.strip_prefix(',') {
        Some(rest) => rest.trim_start().strip_prefix("who")?,
        None => rest,
    };
    let clause = clause.strip_prefix(char::is_whitespace)?;
    let verb = clause.split(|c: char| !c.is_alphanumeric()).next()?;
    if verb.is_empty() || !names.starts_event_name(subject, verb) {
        return None;
    }
    let at = text.len() - clause.len();
    let read = &clause[..ceil_char_boundary(clause, clause.len().min(LINK_REACH))];
    let phrased = format!("{subject} {read}");
    let found = names.find(&phrased);
    let name = found.first().filter(|n| n.range.start == 0 && n.range.end > subject.len())?;
    let [Target::Event(event)] = *name.targets else { return None };
    let end = at + name.range.end - subject.len() - 1;
    let date = date_after(ctx, end, true, false)?;
    Some(EventDate { event, name: ctx.block.source_range(m.range.start..end), date })
}

/// How far after an event's name its date is looked for, in bytes: a verb, a place and a
/// preposition ("…, which was signed at Pratica di Mare, near Rome, on ").
const LINK_REACH: usize = 100;
/// How far before an event's name the head of its clause is looked for, in bytes.
const CLAUSE_REACH: usize = 120;

/// A word or a punctuation mark of the few bytes around an event's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'t> {
    Word(&'t str),
    Mark(char),
}

impl Tok<'_> {
    /// A word of `list`, in any case.
    fn is_in(&self, list: &[&str]) -> bool {
        matches!(self, Tok::Word(w) if list.iter().any(|l| l.eq_ignore_ascii_case(w)))
    }

    fn capitalised(&self) -> bool {
        matches!(self, Tok::Word(w) if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    }
}

/// The words (letters, digits, apostrophes and inner hyphens) and marks of a short text.
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if c.is_alphanumeric() {
            let end = rest
                .char_indices()
                .find(|&(i, c)| {
                    !(c.is_alphanumeric()
                        || (matches!(c, '\'' | '’' | '-' | '.') && i > 0 && {
                            // Inside a word only: "Russia's", "Two-plus-Four", "U.S.".
                            let next = rest[i + c.len_utf8()..].chars().next();
                            next.is_some_and(char::is_alphanumeric)
                        }))
                })
                .map_or(rest.len(), |(i, _)| i);
            out.push(Tok::Word(&rest[..end]));
            rest = &rest[end..];
        } else {
            out.push(Tok::Mark(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The length of the verb of [`EVENT_VERBS`] that `toks` starts with, in words ("set up" is 2).
fn event_verb(toks: &[Tok]) -> Option<usize> {
    event_verb_in(toks, EVENT_VERBS)
}

/// The length of the verb of `verbs` that `toks` starts with, in words.
fn event_verb_in(toks: &[Tok], verbs: &[&str]) -> Option<usize> {
    verbs.iter().find_map(|verb| {
        let n = verb.split(' ').count();
        let fits = toks.len() >= n
            && verb.split(' ').zip(toks).all(|(v, t)| matches!(t, Tok::Word(w) if w.eq_ignore_ascii_case(v)));
        fits.then_some(n)
    })
}

/// Whether an event's name, as written, carries a finite verb and so is a clause ("Finland
/// joined NATO", "suspend all practical … cooperation", "the Warsaw Pact is dissolved").
fn is_clause_name(name: &str) -> bool {
    tokens(name).iter().any(|t| match t {
        Tok::Word(w) => {
            w.starts_with(|c: char| c.is_lowercase())
                && ((w.len() > 4 && w.ends_with("ed")) || t.is_in(EVENT_CLAUSE_VERBS))
        }
        Tok::Mark(_) => false,
    })
}

/// Whether the words between an event's name and a date tie the date to the event: a comma, a
/// relative pronoun and auxiliary, a verb that makes the event, places, the verb's object or
/// agent, and a preposition, each optional, in that order ("…, which was signed in Paris in",
/// "… set up at Pratica di Mare, near Rome, on", "… with Russia in"). An auxiliary or a relative
/// pronoun with any other verb ("…, which was invoked in") ties nothing. After a name of the form
/// "N of X" (`of_name`) a participle, or a verb set off by a comma or a relative pronoun, is X's
/// as much as N's ("the closure of the mission, set up in 2002", "the closure of the mission set
/// up in 2002"): it ties nothing either; a finite verb ("the dissolution of the USSR came in",
/// "… was agreed in") is N's.
fn links_to_date(toks: &[Tok], name_has_verb: bool, of_name: bool) -> bool {
    let mut i = 0;
    let at = |i: usize| toks.get(i).copied();
    if at(i) == Some(Tok::Mark(',')) {
        i += 1;
    }
    if at(i) == Some(Tok::Mark('(')) && i + 1 == toks.len() {
        return true; // "the Founding Act (May 1997)"
    }
    let mut bound = false;
    // Set off by a comma or a relative pronoun, a verb describes the nearest noun.
    let mut set_off = i > 0;
    if at(i).is_some_and(|t| t.is_in(EVENT_RELATIVE_PRONOUNS)) {
        i += 1;
        bound = true;
        set_off = true;
    }
    let mut auxiliary = false;
    while at(i).is_some_and(|t| t.is_in(EVENT_AUXILIARIES)) {
        i += 1;
        bound = true;
        auxiliary = true;
    }
    let mut verb = name_has_verb;
    if let Some(n) = event_verb(&toks[i.min(toks.len())..]) {
        let finite = auxiliary || event_verb_in(&toks[i..], EVENT_FINITE_VERBS).is_some();
        if of_name && (set_off || !finite) {
            return false;
        }
        i += n;
        verb = true;
    } else if bound {
        return false;
    }
    // Places, and the verb's object or agent, each maybe after a comma.
    loop {
        let mut j = i;
        if at(j) == Some(Tok::Mark(',')) {
            j += 1;
        }
        let Some(prep) = at(j) else { break };
        let place = prep.is_in(PLACE_PREPOSITIONS);
        if !(place || (verb && prep.is_in(OBJECT_PREPOSITIONS))) {
            break;
        }
        let mut k = j + 1;
        if at(k).is_some_and(|t| t.is_in(DETERMINERS)) {
            k += 1;
        }
        let first = k;
        while let Some(t) = at(k) {
            let fits = t.capitalised()
                || (place && k > first && t.is_in(PLACE_WORDS))
                || (place
                    && t.is_in(PLACE_WORDS)
                    && at(first.wrapping_sub(1)).is_some_and(|d| d.is_in(DETERMINERS)))
                || (!place && k > first && t.is_in(&["and"]));
            if !fits {
                break;
            }
            k += 1;
        }
        if k == first {
            break; // a preposition with no place or name after it: the date's own
        }
        i = k;
    }
    if at(i) == Some(Tok::Mark(',')) {
        i += 1;
    }
    if at(i).is_some_and(|t| t.is_in(EVENT_DATE_PREPOSITIONS) || (verb && t.is_in(&["since"]))) {
        i += 1;
    }
    i == toks.len()
}

/// How the text before an event's name makes it a point in time for another clause.
#[derive(Debug, PartialEq, Eq)]
enum TimeRelation {
    None,
    /// "after the", "since": the event's own date may still follow it, unless set off.
    Plain,
    /// "ten years after", "a decade before", "two days after": what follows dates the clause.
    Measured,
}

/// Whether the text after an event's name sets a date off by a comma, not a clause about the
/// event (", in 1999," — not ", signed in Paris in May 1996" nor ", which was signed …").
fn sets_off_a_date(after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix(',') else { return false };
    let head = &rest[..ceil_char_boundary(rest, rest.len().min(40))];
    let toks = tokens(head);
    !toks.first().is_some_and(|t| t.is_in(EVENT_RELATIVE_PRONOUNS)) && event_verb(&toks).is_none()
}

fn time_relation(before: &str) -> TimeRelation {
    let from = ceil_char_boundary(before, before.len().saturating_sub(48));
    let toks = tokens(&before[from..]);
    let mut i = toks.len();
    if i > 0 && toks[i - 1].is_in(DETERMINERS) {
        i -= 1;
    }
    if !i.checked_sub(1).is_some_and(|k| toks[k].is_in(TIME_RELATIONS)) {
        return TimeRelation::None;
    }
    let unit = i.checked_sub(2).is_some_and(|k| toks[k].is_in(TIME_UNITS));
    if unit {
        TimeRelation::Measured
    } else {
        TimeRelation::Plain
    }
}

/// Whether the text before an event's name ends with a verb of another action on it, one that
/// is not of making or taking part ("invoked the", "cited", "violating the"): its date is its
/// own. A word in "-ed" or "-ing" after a determiner ("the celebrated Act") is an adjective.
fn acted_on(before: &str) -> bool {
    let from = ceil_char_boundary(before, before.len().saturating_sub(48));
    let toks = tokens(&before[from..]);
    let mut i = toks.len();
    if i > 0 && toks[i - 1].is_in(DETERMINERS) {
        i -= 1;
    }
    let Some(Tok::Word(w)) = i.checked_sub(1).map(|i| toks[i]) else { return false };
    let lower = w.to_ascii_lowercase();
    let verb_shaped = w.starts_with(|c: char| c.is_lowercase())
        && !w.contains('-')
        && lower.len() > 4
        && (lower.ends_with("ed") || lower.ends_with("ing"));
    let adjective = i >= 2 && toks[i - 2].is_in(DETERMINERS);
    verb_shaped
        && !adjective
        && !toks[i - 1].is_in(NOT_ACTION_VERBS)
        && !toks[i - 1].is_in(EVENT_PARTICIPATION_VERBS)
        && event_verb(&toks[i - 1..]).is_none()
}

/// The date heading the clause that names an event: "In March 2014(,) NATO suspended …" when the
/// name carries its verb or is followed by one that makes the event ("In 1997 the Founding Act
/// was signed"); and a timeline item's leading date ("1 July 1991 — The Warsaw Pact is
/// dissolved", "September 2014 — At the Wales summit, …"), whose first clause is about the
/// event named at its head. Between the date and the name stand only the clause's subject
/// (when the name has its verb), or a setting's preposition and a determiner: a name further in
/// ("In 2002, long after the Founding Act, …", "In 2014 Russia cited the Act") is not dated.
fn clause_date<'c>(ctx: &'c BlockContext, name: &Range<usize>, has_verb: bool) -> Option<&'c DateExpr> {
    let text = ctx.text();
    let from = ceil_char_boundary(text, name.start.saturating_sub(CLAUSE_REACH));
    let clause_start = text[from..name.start]
        .rmatch_indices(['.', ';', '!', '?', '\n'])
        .next()
        .map_or(from, |(i, _)| from + i + 1);
    if clause_start == from && from > 0 {
        return None; // the clause starts further back than is read
    }
    let k = ctx.dates.partition_point(|d| d.range.start < clause_start);
    let d = ctx.dates.get(k).filter(|d| d.range.end <= name.start && !d.relative)?;
    let opening = tokens(&text[clause_start..d.range.start]);
    // A timeline item: a date opening its block or line, then a dash or colon.
    let timeline = opening.is_empty() && (clause_start == 0 || text[..clause_start].ends_with('\n'));
    // "However, in March 2014 …": a connective (and its comma) before the date's preposition.
    let opening = match opening.as_slice() {
        [c, Tok::Mark(','), rest @ ..] | [c, rest @ ..] if c.is_in(SENTENCE_CONNECTIVES) => rest,
        all => all,
    };
    if !(opening.is_empty() || (opening.len() == 1 && opening[0].is_in(&["in", "on"])))
        || ctx.in_quote(&d.range)
    {
        return None;
    }
    let lead_text = &text[d.range.end..name.start];
    let lead = tokens(lead_text);
    let lead = match lead.first() {
        Some(Tok::Mark('—' | '–' | '-' | ':')) if timeline => &lead[1..],
        Some(Tok::Mark(',')) if !timeline => &lead[1..],
        _ if !timeline => &lead[..],
        _ => return None,
    };
    // "In March 2014, in response to the crisis, NATO suspended …": a setting set off by commas
    // between the date and the subject is passed over, when it names no event and holds no verb.
    let lead = match lead.iter().rposition(|t| matches!(t, Tok::Mark(','))) {
        Some(comma) if !timeline && is_setting(&lead[..comma]) => {
            let end = d.range.end + lead_text.rfind(',').map_or(0, |i| i + 1);
            let from = ctx.mentions.partition_point(|m| m.range.start < d.range.end);
            let names_event = ctx.mentions[from..]
                .iter()
                .take_while(|m| m.range.start < end)
                .any(|m| m.events().next().is_some());
            if names_event {
                return None;
            }
            &lead[comma + 1..]
        }
        _ => lead,
    };
    let after = tokens(&text[name.end..ceil_char_boundary(text, (name.end + 40).min(text.len()))]);
    if has_verb {
        // "Estonia and Latvia joined NATO", "Estonia, Latvia, and Lithuania joined NATO": the
        // name's subject is the last of several, each a capitalized word or two, joined by
        // commas and an "and" right before the name.
        if let [items @ .., Tok::Word(and)] = lead {
            let items = items.strip_suffix(&[Tok::Mark(',')]).unwrap_or(items);
            let conjuncts = items.split(|t| matches!(t, Tok::Mark(',')));
            if and.eq_ignore_ascii_case("and")
                && !items.is_empty()
                && conjuncts.clone().all(|c| (1..=2).contains(&c.len()) && c.iter().all(Tok::capitalised))
                && conjuncts.count() <= MAX_CONJOINED_SUBJECTS
            {
                return Some(d);
            }
        }
        // The subject: a few words, none that ends it or is a verb.
        let subject = lead.len() <= 5
            && lead.iter().all(|t| match t {
                Tok::Word(w) => {
                    !t.is_in(SUBJECT_STOPS)
                        && !t.is_in(SPEECH_VERBS)
                        && !(w.starts_with(|c: char| c.is_lowercase())
                            && (w.ends_with("ed") || t.is_in(EVENT_CLAUSE_VERBS)))
                }
                Tok::Mark(_) => false,
            });
        return subject.then_some(d);
    }
    // A name without a verb: the head of its clause, maybe in a setting ("At the Wales summit").
    let mut i = 0;
    if timeline && lead.first().is_some_and(|t| t.is_in(CLAUSE_DATE_PREPOSITIONS)) {
        i += 1;
    }
    if lead.get(i).is_some_and(|t| t.is_in(DETERMINERS)) {
        i += 1;
    }
    if i != lead.len() {
        return None;
    }
    // What follows the name: the verb that makes it, or (in a timeline) the end of its phrase.
    let mut j = 0;
    while after.get(j).is_some_and(|t| t.is_in(EVENT_AUXILIARIES)) {
        j += 1;
    }
    let made = event_verb(&after[j..]).is_some();
    let ends = match after.first() {
        None | Some(Tok::Mark(_)) => true,
        Some(t) => {
            t.is_in(PLACE_PREPOSITIONS) || t.is_in(OBJECT_PREPOSITIONS) || t.is_in(&["of", "on", "for"])
        }
    };
    (made || (timeline && ends)).then_some(d)
}

/// The most subjects joined before an event's clause name ("Bulgaria, Estonia, Latvia,
/// Lithuania, Romania, Slovakia and Slovenia joined NATO").
const MAX_CONJOINED_SUBJECTS: usize = 8;

/// Whether `phrase` is a setting of a clause: a preposition's phrase of at most
/// [`MAX_SETTING_WORDS`] words ("in response to Russia's actions against Ukraine", "amid the
/// crisis", "after long talks"), with no verb and no other punctuation.
fn is_setting(phrase: &[Tok]) -> bool {
    let linking = |t: &Tok| t.is_in(PREPOSITIONS) || t.is_in(TIME_RELATIONS) || t.is_in(SETTING_OPENERS);
    let opens = phrase.first().is_some_and(linking);
    opens
        && phrase.len() <= MAX_SETTING_WORDS
        && phrase.iter().all(|t| match t {
            Tok::Word(_) if linking(t) => true,
            Tok::Word(w) => {
                !t.is_in(SPEECH_VERBS)
                    && !t.is_in(EVENT_CLAUSE_VERBS)
                    && !(w.starts_with(char::is_lowercase) && (w.ends_with("ed") || w.ends_with("ing")))
            }
            Tok::Mark(_) => false,
        })
}

/// The most words of a setting between a clause's leading date and its subject.
const MAX_SETTING_WORDS: usize = 12;

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
    use crate::record::{LoadOptions, Record};
    use regex::Regex;
    use std::sync::LazyLock;

    static RECORD: LazyLock<Record> =
        LazyLock::new(|| Record::load(&LoadOptions::default()).expect("default record"));
    static NAMES: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::new(&RECORD));

    /// Each event named with a date in `text`: its record id and the date as written.
    fn dated(text: &str) -> Vec<(String, String)> {
        let doc = crate::markdown::parse(text);
        let events = super::super::extract(&doc, &RECORD, &NAMES, &Default::default()).events;
        events
            .iter()
            .map(|e| (RECORD.events[e.event].id.clone(), text[e.date.range.clone()].to_owned()))
            .collect()
    }

    fn one(id: &str, date: &str) -> Vec<(String, String)> {
        vec![(id.to_owned(), date.to_owned())]
    }

    #[test]
    fn a_verb_that_makes_the_event_ties_its_date_to_it() {
        assert_eq!(
            dated("The Istanbul Charter, which was adopted in Turkey on 19 November 1999, stands."),
            one("istanbul-charter", "19 November 1999")
        );
        assert_eq!(
            dated("The NATO-Russia Council was set up at Pratica di Mare, near Rome, on 28 May 2002."),
            one("nrc-rome", "28 May 2002")
        );
        // A participle clause and a present tense of a passive name.
        assert_eq!(dated("The NATO-Russia Council, created in 2001, met."), one("nrc-rome", "2001"));
        // In "N of X", the verb may be X's.
        assert_eq!(
            dated("The closure of NATO's military liaison mission in Moscow, set up in 2002, hurt."),
            vec![]
        );
        assert_eq!(
            dated("The closure of NATO's military liaison mission in Moscow set up in 2002 hurt."),
            vec![]
        );
        assert_eq!(
            dated("The dissolution of the USSR came in December 1990."),
            one("ussr-dissolution", "December 1990")
        );
        assert_eq!(
            dated("The dissolution of the USSR was agreed in December 1991."),
            one("ussr-dissolution", "December 1991")
        );
        assert_eq!(
            dated("The closure of NATO's military liaison mission in Moscow in October 2021 hurt."),
            one("russia-suspends-nato-mission", "October 2021")
        );
        assert_eq!(
            dated("The Warsaw Pact is dissolved in July 1991."),
            one("warsaw-pact-dissolved", "July 1991")
        );
        // An active name, its object and the date.
        assert_eq!(
            dated("NATO suspended practical cooperation with Russia in March 2014."),
            one("nato-suspends-cooperation", "March 2014")
        );
        // "since" dates the start of what a verb did, and only after a verb.
        assert_eq!(
            dated("NATO has suspended all practical cooperation with Russia since April 2014."),
            one("nato-suspends-cooperation", "April 2014")
        );
        assert_eq!(dated("Nobody has read the Founding Act since 1997."), vec![]);
        assert_eq!(
            dated("The study on NATO enlargement, published in September 1995, was short."),
            one("study-on-enlargement", "September 1995")
        );
    }

    #[test]
    fn a_relative_clause_says_of_a_person_what_an_event_name_says() {
        assert_eq!(
            dated("Jens Stoltenberg, who took over from Rasmussen in October 2014, stayed ten years."),
            one("stoltenberg-takes-office", "October 2014")
        );
        assert_eq!(dated("Jens Stoltenberg, who met Rasmussen in October 2015, stayed."), vec![]);
        assert_eq!(
            dated("Jens Stoltenberg took over from Rasmussen in 2015."),
            one("stoltenberg-takes-office", "2015")
        );
    }

    #[test]
    fn the_date_of_another_action_on_the_event_is_not_its_date() {
        for text in [
            "Moscow invoked the Founding Act in July 2014.",
            "Its diplomats kept citing the Budapest Memorandum in 2015.",
            "The Founding Act was invoked in July 2014 by Moscow.",
            "The Founding Act, approved by the allies on 16 May 1997, was signed later.",
            "The Founding Act, which Moscow invoked in July 2014, stands.",
            "In 2014 Russia cited the Founding Act.",
            "In 2002, long after the Founding Act, the council met.",
        ] {
            assert_eq!(dated(text), vec![], "{text}");
        }
        // Taking part in an event shares its date; an adjective is no action.
        assert_eq!(
            dated("Putin attended the Bucharest summit in April 2008."),
            one("bucharest-summit-2008", "April 2008")
        );
        assert_eq!(
            dated("It hailed the celebrated Founding Act in 1996."),
            one("founding-act-signed", "1996")
        );
    }

    #[test]
    fn a_date_heading_the_clause_dates_a_name_with_its_verb() {
        assert_eq!(dated("In April 2023 Finland joined NATO."), one("accession-finland", "April 2023"));
        // A setting between commas with no verb of its own leaves the date heading the clause;
        // one with a verb may hold the action the date belongs to.
        assert_eq!(
            dated("On 7 March 2023, after a long wait, Sweden joined NATO."),
            one("accession-sweden", "7 March 2023")
        );
        assert_eq!(
            dated("However, on 7 March 2023, Sweden joined NATO."),
            one("accession-sweden", "7 March 2023")
        );
        assert_eq!(
            dated("On 7 March 2023, after Hungary voted, Sweden joined NATO."),
            vec![],
            "the setting has a verb of its own"
        );
        assert_eq!(
            dated("On 7 March 2023, after the Bucharest summit, Sweden joined NATO."),
            vec![],
            "the setting names an event"
        );
        assert_eq!(
            dated("In May 1997, the Founding Act was signed in Paris."),
            one("founding-act-signed", "May 1997")
        );
        // A name without its verb, in prose, is not dated by its clause's head.
        assert_eq!(dated("In 1996 the Founding Act was still a draft."), vec![]);
    }

    #[test]
    fn a_timeline_item_dates_the_event_at_its_head() {
        assert_eq!(
            dated("- **1 July 1990** — The Warsaw Pact is dissolved.\n"),
            one("warsaw-pact-dissolved", "1 July 1990")
        );
        assert_eq!(
            dated("- **September 2015** — At the Wales summit, allies agree a plan.\n"),
            one("wales-summit", "September 2015")
        );
        // Another phase of the event, or an event further in, is not the item's.
        assert_eq!(dated("- **15 March 1991** — The Two-plus-Four Treaty enters into force.\n"), vec![]);
        assert_eq!(dated("- **May 1996** — Envoys discuss the Founding Act.\n"), vec![]);
    }

    #[test]
    fn tokens_keep_inner_apostrophes_hyphens_and_dots() {
        assert_eq!(
            tokens("Russia's Two-plus-Four, U.S. (x)"),
            vec![
                Tok::Word("Russia's"),
                Tok::Word("Two-plus-Four"),
                Tok::Mark(','),
                Tok::Word("U.S"),
                Tok::Mark('.'),
                Tok::Mark('('),
                Tok::Word("x"),
                Tok::Mark(')'),
            ]
        );
    }

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
