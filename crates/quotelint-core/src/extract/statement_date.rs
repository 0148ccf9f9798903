//! Which date belongs to a statement: the dates of the quotation's sentence that may modify its
//! speech act, and the one nearest the speech verb.

use std::ops::Range;

use super::attribution::Cue;
use super::context::{BlockContext, MAX_DATE_LEN};
use super::dates::DateExpr;
use super::lexicon::{CueList, SIMULTANEITY_OPENERS, TOPIC_WORDS};
use super::Dated;

/// The date of the statement a quotation reports: of the sentence's `candidates`, those that
/// modify its speech act (docs/checks.md, "The statement date"), the one nearest the verb.
///
/// The speech clause runs from the subject's clause start (the sentence start, a semicolon,
/// or the end of an earlier quotation or speech verb) to the end of the sentence. A date counts
/// when it stands in that clause: in an opening phrase ("In March 2014, …", "On 4 April 2008
/// …"), between subject and quotation but not inside the reported that-clause ("said on Monday
/// that …", not "said that talks in 1990 …"), or after the quotation when the cue follows it
/// ("'…,' she said in 2014"). A leading date of a timeline item dates the whole item. A relative
/// date in the clause ("four months later", "the following day") means the article dates the
/// statement only relative to something else: no date, never a date borrowed from elsewhere.
pub(super) fn statement_date(
    ctx: &BlockContext,
    candidates: &[&DateExpr],
    sentence: &Range<usize>,
    quote: &Range<usize>,
    cue: &Cue,
) -> Option<Dated> {
    let text = ctx.text();
    let subject = cue.subject.min(cue.verb);
    let clause = clause_start(ctx, sentence, subject)..sentence.end;
    let cue_after = cue.verb >= quote.end;
    // The reported clause: after the verb's "that", up to the quotation.
    let content_from = (!cue_after)
        .then(|| {
            ctx.words_in(&(cue.verb..quote.start))
                .iter()
                .find(|w| text[w.range()].eq_ignore_ascii_case("that"))
                .map(|w| w.range().start)
        })
        .flatten();
    // A date before a relative one is what it counts from ("On 31 January 1990 …; ten days
    // later he told …"); a date after it says when that was ("A year later, on 20 December
    // 1992, …", "Two decades later, Gorbachev told Bild in April 2008").
    let relative_at = relative_date(ctx, &(clause.start..content_from.unwrap_or(quote.start)))
        .or_else(|| cue_after.then(|| relative_date(ctx, &(quote.end..clause.end))).flatten());
    // An opening phrase: led by a preposition or the like ("In March 2014 …", "Speaking in
    // Munich …"), or set off by a comma with no name in it ("A year later, on 20 December
    // 1992, Wörner told …").
    let head = clause.start..subject.max(clause.start);
    let opener = ctx
        .words_in(&clause)
        .first()
        .is_some_and(|w| ctx.opens_phrase(w) && text[clause.start..w.range().start].trim().is_empty())
        || (text[head.clone()].trim_end().ends_with(',') && ctx.mentions_in(&head).next().is_none());
    let kept: Vec<&DateExpr> = candidates
        .iter()
        .copied()
        .filter(|d| {
            let at = d.range.start;
            if relative_at.is_some_and(|r| at < r) || (cue.noun && at < subject) {
                return false;
            }
            if is_leading_item_date(ctx, d) {
                return true;
            }
            if at < clause.start {
                return false;
            }
            if at < subject {
                // The opening phrase ends at the last comma before the subject, which follows it.
                let phrase_end =
                    text[d.range.end..subject].rfind(',').map_or(d.range.end, |i| d.range.end + i + 1);
                return opener
                    && ctx.words_in(&(phrase_end..subject)).len() <= 4
                    && !dates_another_report(ctx, &(clause.start..d.range.start), cue)
                    && !dates_a_topic(ctx, &(clause.start..d.range.start));
            }
            if at < quote.start {
                return content_from.is_none_or(|c| at < c);
            }
            // After the quotation: "'…,' she said in 2014", or nothing between them that
            // starts another statement.
            let between = quote.end..at;
            cue_after
                || (ctx.mentions_in(&between).next().is_none()
                    && ctx.verbs_in(&between).next().is_none()
                    && !text[between].contains(';'))
        })
        .collect();
    nearest_date(ctx, &kept, cue.verb)
}

/// Whether `before_date`, the opening phrase up to a date, reports another person's words:
/// "Repeating what Bush said at Malta in December 1989, Baker tells Gorbachev" dates Bush's words,
/// not Baker's. Not when the phrase opens with "when" or "as": then both happen at that time.
fn dates_another_report(ctx: &BlockContext, before_date: &Range<usize>, cue: &Cue) -> bool {
    let text = ctx.text();
    let simultaneous = ctx
        .words_in(before_date)
        .first()
        .is_some_and(|w| SIMULTANEITY_OPENERS.iter().any(|o| text[w.range()].eq_ignore_ascii_case(o)));
    if simultaneous {
        return false;
    }
    let speaker = cue.speaker.person();
    ctx.verbs_in(before_date).any(|verb| {
        // A person named as the verb's subject who is not the speaker (namesakes included:
        // "Bush" names two presidents, neither of them Baker).
        ctx.mentions_in(&(before_date.start..verb.range().start)).last().is_some_and(|m| {
            !m.possessive
                && m.is_person()
                && speaker.is_none_or(|s| !m.targets.contains(&crate::names::Target::Person(s)))
        })
    })
}

/// Whether `before_date`, the opening phrase up to a date, may make the date what is recalled:
/// a verb of recalling ([`TOPIC_WORDS`]) stands before the date in its part of the phrase
/// (after the last comma): "Recalling his talks with Baker on 9 February 1990, Gorbachev said"
/// dates the talks, or may; such a date is no claim. "In 2014, recalling …" keeps 2014 as the
/// statement's.
fn dates_a_topic(ctx: &BlockContext, before_date: &Range<usize>) -> bool {
    let text = ctx.text();
    let part = text[before_date.clone()].rfind(',').map_or(before_date.start, |i| before_date.start + i + 1);
    ctx.words_in(&(part..before_date.end))
        .iter()
        .any(|w| TOPIC_WORDS.iter().any(|t| text[w.range()].eq_ignore_ascii_case(t)))
}

/// Where the clause of a subject at `subject` starts: after the last semicolon, quotation or
/// speech verb before it in the sentence.
fn clause_start(ctx: &BlockContext, sentence: &Range<usize>, subject: usize) -> usize {
    let text = ctx.text();
    let head = sentence.start..subject.max(sentence.start);
    let semicolon = text[head.clone()].rfind(';').map(|i| head.start + i + 1);
    let k = ctx.outer.partition_point(|o| o.end <= subject);
    let quote = k.checked_sub(1).map(|k| ctx.outer[k].end).filter(|&e| e > sentence.start);
    // A speech verb inside an opening phrase ("When Yazov asked … in March 1990, Major
    // responded") belongs to that phrase, which dates the subject's verb.
    let in_opening_phrase = ctx.words_in(&head).first().is_some_and(|w| ctx.opens_phrase(w))
        && text[head.clone()].trim_end().ends_with(',');
    let verb = ctx.verbs_in(&head).next_back().map(|v| v.range().end).filter(|_| !in_opening_phrase);
    [Some(sentence.start), semicolon, quote, verb].into_iter().flatten().max().unwrap_or(sentence.start)
}

/// A date opening a list item or paragraph, followed by a dash or colon: "**March 1991** —
/// Major: '…'" dates the item.
fn is_leading_item_date(ctx: &BlockContext, d: &DateExpr) -> bool {
    let text = ctx.text();
    text[..d.range.start].trim().is_empty() && {
        let rest = text[d.range.end..].trim_start();
        rest.starts_with(['—', '–', ':', '-'])
    }
}

/// Where a relative date in `range` starts, outside quotations: a unit of time with "later", "earlier",
/// "ago" ("four months later"), "the following/next/same …" ("the following day"), or a word
/// such as "yesterday" that the article's date did not resolve.
fn relative_date(ctx: &BlockContext, range: &Range<usize>) -> Option<usize> {
    let words = ctx.words_in(range);
    // Resolved by the article's date ("last year"), it is a candidate date like any other.
    let resolved = |w: &super::words::Word| {
        let k = ctx.dates.partition_point(|d| d.range.start <= w.range().start);
        ctx.dates[..k]
            .iter()
            .rev()
            .take_while(|d| d.range.start + MAX_DATE_LEN >= w.range().start)
            .any(|d| d.relative && w.range().end <= d.range.end)
    };
    words.iter().enumerate().find_map(|(i, w)| {
        let next = words.get(i + 1);
        let relative = w.is(CueList::RelativeWord)
            || (w.is(CueList::TimeUnit) && next.is_some_and(|n| n.is(CueList::RelativeAfter)))
            || (w.is(CueList::RelativeBefore) && next.is_some_and(|n| n.is(CueList::TimeUnit)));
        (relative && !ctx.in_quote(&w.range()) && !resolved(w)).then_some(w.range().start)
    })
}

/// The dates a quotation in `sentence` may have been said at: outside quotations and outside
/// clauses about someone's role. Read once per quotation, then [`nearest_date`] picks among
/// them for each anchor.
pub(super) fn date_candidates<'c>(ctx: &'c BlockContext, sentence: &Range<usize>) -> Vec<&'c DateExpr> {
    let text = ctx.text();
    let from = ctx.dates.partition_point(|d| d.range.start < sentence.start);
    ctx.dates[from..]
        .iter()
        .take_while(|d| d.range.start < sentence.end)
        .filter(|d| {
            if d.range.end > sentence.end || ctx.in_quote(&d.range) {
                return false;
            }
            // The clause around the date: between commas/parentheses (outside quotations).
            // Searched as bytes (ASCII never occurs inside another character), not decoded.
            let clause_start =
                memchr::memrchr3(b',', b'(', b';', &text.as_bytes()[sentence.start..d.range.start])
                    .map_or(sentence.start, |i| sentence.start + i + 1);
            let clause_end = memchr::memchr3(b',', b')', b';', &text.as_bytes()[d.range.end..sentence.end])
                .map_or(sentence.end, |i| d.range.end + i);
            let clause = clause_start..clause_end;
            let about_role = ctx.words_in(&clause).iter().any(|w| w.is(CueList::Role));
            !about_role || ctx.verbs_in(&clause).next().is_some()
        })
        .collect()
}

/// The statement date: the candidate nearest `anchor` (the speech verb, or the quotation); none
/// when two are equally near.
pub(super) fn nearest_date(ctx: &BlockContext, candidates: &[&DateExpr], anchor: usize) -> Option<Dated> {
    let distance = |d: &DateExpr| {
        if d.range.end <= anchor {
            anchor - d.range.end
        } else {
            d.range.start.saturating_sub(anchor)
        }
    };
    let mut best: Option<(usize, &DateExpr)> = None;
    let mut tied = false;
    for &d in candidates {
        let dist = distance(d);
        match best {
            Some((b, _)) if dist > b => {}
            Some((b, _)) if dist == b => tied = true,
            _ => (best, tied) = (Some((dist, d)), false),
        }
    }
    let (_, d) = best.filter(|_| !tied)?;
    Some(Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) })
}
