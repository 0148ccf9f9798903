//! Who the article says spoke: the speech cue of a quotation's sentence and the subject of its
//! verb. The rules are stated in docs/checks.md, "Attribution".

use std::ops::Range;

use super::context::BlockContext;
use super::lexicon::{keyword, CueList, PERSON_PRONOUNS};
use super::quotes;
use super::words::{for_each_word_span, in_cue_list, words_of, Word};
use super::Attribution;
use crate::date::PartialDate;
use crate::names::{Mention, Target};

impl BlockContext<'_> {
    /// The speaker of a speech verb: the nearest name before it in `scope` (its subject), or, when
    /// `inverted` allows it, the name right after it ("said Putin"). `None` when the subject
    /// names no one we know.
    pub(super) fn subject_of(
        &self,
        verb: &Word,
        scope: &Range<usize>,
        date: Option<PartialDate>,
        inverted: bool,
    ) -> Option<(usize, Range<usize>)> {
        // "Putin said that NATO ..., adding": a participle shares the subject of the verb before it.
        if verb.kw().ends_with("ing") {
            let earlier = scope.start..verb.range().start;
            if let Some(main) = self.verbs_in(&earlier).next_back() {
                return self.subject_of(main, scope, date, inverted);
            }
        }
        // The subject comes after any earlier speech verb: "X said that Y ..." makes Y the
        // subject of nothing but its own clause.
        let from = self
            .verbs_in(&(scope.start..verb.range().start))
            .next_back()
            .map_or(scope.start, |v| v.range().end);
        // Nor across a semicolon: "NATO and Russia signed the Act; it states ...".
        let from = self.text()[from..verb.range().start].rfind(';').map_or(from, |i| from + i + 1);
        let before = from..verb.range().start;
        // "Jack F. Matlock, US ambassador to the USSR in 1990, stated": a role set off by commas
        // describes the name before it; the name is the subject.
        let text = self.text();
        // Only the last three mentions are ever read: kept in a window ending with the last,
        // not collected.
        let mut last3: [Option<&Mention>; 3] = [None; 3];
        for m in self.mentions_in(&before) {
            last3 = [last3[1], last3[2], Some(m)];
        }
        let with_previous = |i: usize| Some((last3[i.checked_sub(1)?]?, last3[i]?));
        let between = |a: &Mention, b: &Mention| text.get(a.range.end..b.range.start).unwrap_or(",,");
        let mut chosen = last3[2].map(|_| 2);
        if let Some((named, m)) = chosen.and_then(with_previous) {
            if !m.is_person() && named.is_person() && is_appositive_gap(between(named, m)) {
                chosen = Some(1);
            }
        }
        let mention = chosen.and_then(|i| last3[i]);
        // "NATO Secretary General Stoltenberg": a role right before a name shared by namesakes
        // picks the one who held it at the date.
        if let Some((role, m)) = chosen.and_then(with_previous) {
            if m.person().is_none() && m.is_person() && between(role, m).trim().is_empty() {
                if let Some(holder) = self.resolve(role, date) {
                    if m.targets.contains(&Target::Person(holder)) {
                        return Some((holder, m.range.clone()));
                    }
                }
            }
        }
        let pronoun = self.pronoun_before(&before);
        match (mention, pronoun) {
            (Some(m), p) if p.is_none_or(|p| p.range().start < m.range.start) => {
                return self.resolve(m, date).map(|p| (p, m.range.clone()));
            }
            (_, Some(p)) if PERSON_PRONOUNS.contains(&p.kw()) => {
                return self
                    .last_person_before(p.range().start)
                    .map(|(person, _)| (person, p.range().clone()))
            }
            (_, Some(_)) => return None,
            _ => {}
        }
        // "…," said Putin / said the Russian foreign minister: only right after a quotation,
        // where the name cannot be the verb's object ("Moscow says NATO ...").
        if !inverted {
            return None;
        }
        let after = verb.range().end..scope.end;
        let m = self.mentions_in(&after).next()?;
        let gap = self.words_in(&(verb.range().end..m.range.start)).len();
        if gap <= 3 {
            self.resolve(m, date).map(|p| (p, m.range.clone()))
        } else {
            None
        }
    }
}

/// Between a name and a role describing it: a comma and at most a few filler words
/// ("Strobe Talbott, later deputy secretary of state", "Gorbachev, the Soviet leader").
pub(super) fn is_appositive_gap(between: &str) -> bool {
    let Some(rest) = between.trim().strip_prefix(',') else { return false };
    all_words_are(rest, CueList::AppositiveFiller)
}

/// Every word of `text` (a short stretch) is in `list`: true when it has none. Reads the words
/// without collecting them.
pub(super) fn all_words_are(text: &str, list: CueList) -> bool {
    let mut all = true;
    for_each_word_span(text, |s, e| {
        all = all && in_cue_list(keyword(&text[s..e]), list);
    });
    all
}

/// The speaker the sentence gives a quotation, and the speech verb's position (for the date).
pub(super) fn attribute(
    ctx: &BlockContext,
    q: &quotes::Quote,
    sentence: &Range<usize>,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> (Attribution, usize) {
    let text = ctx.text();
    let mut found: Vec<(usize, Range<usize>, usize)> = Vec::new(); // person, mention, verb position

    // After: `," Putin said` / `," said Putin` within the first words after the quotation.
    let after = q.outer.end..sentence.end;
    if let Some(verb) = ctx.words_in(&after).iter().take(7).find(|w| ctx.is_verb(w)) {
        // Only `"…," said X` or `"…," X said`: between the quotation and the verb nothing but
        // punctuation and names (with their appositives). "the “pledge” debate: notes on
        // Kramer" is no cue.
        // The text up to the verb with its names blanked out, built in one pass.
        let mut lead_in = String::with_capacity(verb.range().start - after.start);
        let mut at = after.start;
        for m in ctx.mentions_in(&(after.start..verb.range().start)) {
            let blank = m.range.start.max(at)..m.range.end.max(at);
            lead_in.push_str(&text[at..blank.start]);
            lead_in.extend(std::iter::repeat_n(' ', blank.len()));
            at = blank.end;
        }
        lead_in.push_str(&text[at..verb.range().start]);
        let plain = !lead_in.contains(':')
            && (all_words_are(&lead_in, CueList::CueLeadFiller) || lead_in.trim_start().starts_with(','));
        if plain && !ctx.in_quote(&verb.range()) {
            let scope = after.start..after.end;
            if let Some((p, m)) = ctx.subject_of(verb, &scope, date_hint(verb.range().start), true) {
                found.push((p, m, verb.range().start));
            }
        }
    }

    // Before: "according to X" or "X's assurance/words"; else the speech verb nearest the
    // quotation whose subject we can name; else "X:" introducing it.
    let before = sentence.start..q.outer.start;
    let lead = text[before.clone()].trim_end();
    let no_verb = ctx.verbs_in(&before).next().is_none();
    let mut before_found: Vec<(usize, Range<usize>, usize)> = Vec::new();
    if let Some(m) = ctx.mentions_in(&before).last() {
        let between = text[m.range.end..q.outer.start].trim();
        // "Wörner responded to Yeltsin's letter: '…'": a speech verb governs; the possessive
        // only names the speaker when no verb does.
        let noun_cue = m.possessive && no_verb && {
            let words_between = words_of(between);
            words_between.first().is_some_and(|w| w.is(CueList::SpeechNoun)) && words_between.len() <= 4
        };
        // Compared without lower-casing into a new string: no other character lower-cases to
        // these ASCII ones.
        let lead_to_m = text[before.start..m.range.start].trim_end();
        let according = lead_to_m
            .len()
            .checked_sub("according to".len())
            .and_then(|i| lead_to_m.get(i..))
            .is_some_and(|end| end.eq_ignore_ascii_case("according to"));
        let colon_cue = (between == ":" || between == ",:") && no_verb;
        if noun_cue || according || colon_cue {
            if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                before_found.push((p, m.range.clone(), m.range.start));
            }
        }
    }
    if before_found.is_empty() {
        // "X told Bild that the West had pledged that '...'": the nearest verb whose subject is
        // named by someone; a subject we cannot name passes the quotation to the verb before.
        let scope = before.start..q.outer.start;
        for verb in ctx.verbs_in(&before).rev() {
            if let Some((p, m)) = ctx.subject_of(verb, &scope, date_hint(verb.range().start), false) {
                before_found.push((p, m, verb.range().start));
                break;
            }
            let subject_region = scope.start..verb.range().start;
            let named = ctx.mentions_in(&subject_region).next().is_some()
                || ctx.pronoun_before(&subject_region).is_some();
            let earlier_verb =
                ctx.verbs_in(&subject_region).next_back().map_or(scope.start, |v| v.range().end);
            let own_subject = ctx.mentions_in(&(earlier_verb..verb.range().start)).next().is_some();
            if named && own_subject {
                break; // a subject was named but names no one we know: no claim
            }
        }
    }
    // Cues on both sides must agree ("“…,” Putin said" after "Putin said"); if they name two
    // people, the sentence is not clear enough to claim either.
    found.extend(before_found);

    // A quotation opening its sentence, introduced by the sentence before ("He added:").
    if found.is_empty() && lead.is_empty() {
        let before_sentence = ctx.sentences.partition_point(|s| s.end <= sentence.start);
        if let Some(whole) = before_sentence.checked_sub(1).map(|i| ctx.sentences[i].clone()) {
            // Whether it quotes anything is a question about all of it; its cue ("He added:")
            // is read near its end, by the quotation.
            let k = ctx.outer.partition_point(|o| o.start < whole.start);
            let has_quote = ctx.outer.get(k).is_some_and(|o| o.end <= whole.end);
            let prev = &ctx.near(whole.clone(), &(whole.end..whole.end));
            let prev_text = text[prev.clone()].trim_end();
            let last_verb = ctx.verbs_in(prev).next_back();
            if !has_quote && (prev_text.ends_with(':') || last_verb.is_some()) {
                if let Some(verb) = last_verb {
                    if let Some((p, m)) = ctx.subject_of(verb, prev, date_hint(verb.range().start), false) {
                        found.push((p, m, verb.range().start));
                    }
                } else if let Some(m) = ctx.mentions_in(prev).last() {
                    if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                        found.push((p, m.range.clone(), m.range.start));
                    }
                }
            }
        }
    }
    // A quotation ending its sentence, followed by "Putin said." or "he added.".
    if found.is_empty()
        && text[after.clone()].trim().trim_matches(|c: char| c.is_ascii_punctuation()).is_empty()
    {
        let k = ctx.sentences.partition_point(|s| s.start < sentence.end);
        if let Some(next) = ctx.sentences.get(k) {
            let next = &ctx.near(next.clone(), &(next.start..next.start));
            if let Some(verb) = ctx.words_in(next).iter().take(5).find(|w| ctx.is_verb(w)) {
                if let Some((p, m)) = ctx.subject_of(verb, next, date_hint(verb.range().start), true) {
                    found.push((p, m, verb.range().start));
                }
            }
        }
    }
    found.dedup_by_key(|(p, _, _)| *p);
    match found.as_slice() {
        [(p, m, verb)] => {
            (Attribution::Person { person: *p, mention: ctx.block.source_range(m.clone()) }, *verb)
        }
        [(_, _, verb), ..] if found.iter().all(|f| f.0 == found[0].0) => {
            let (p, m, _) = &found[0];
            (Attribution::Person { person: *p, mention: ctx.block.source_range(m.clone()) }, *verb)
        }
        _ => (Attribution::None, q.outer.start),
    }
}
