//! Which date belongs to a statement: the dates of the quotation's sentence that may modify its
//! speech act, and the one nearest the speech verb.

use std::ops::Range;

use super::context::BlockContext;
use super::dates::DateExpr;
use super::lexicon::CueList;
use super::Dated;

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
