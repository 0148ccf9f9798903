//! Who the article says spoke: the speech cue of a quotation's sentence and the subject of its
//! verb. The rules are stated in docs/checks.md, "Attribution".

use std::ops::Range;

use super::context::BlockContext;
use super::lexicon::{
    keyword, CueList, ARTICLES, DASH_TITLE_JOINERS, EVENT_AUXILIARIES, OCCASION_RELATIVES,
    PERSON_OBJECT_PRONOUNS, PERSON_PRONOUNS, PRESENTING_OPENERS, ROLE_TITLE_JOINERS, SPEAKING_PLACES,
    SPEECH_NOUNS,
};
use super::quotes;
use super::words::{for_each_word_span, in_cue_list, words_of, Word};
use super::Attribution;
use crate::date::PartialDate;
use crate::names::{Mention, Target};
use crate::record::SpeakerKind;

/// The most words of a characterizing verb's object before "as" ("described the forthcoming
/// accession of Finland to the Western defence alliance as a '…'").
const MAX_CHARACTERIZED_OBJECT_WORDS: usize = 12;

/// The most words of an adverbial between an aside's closing comma and its verb ("…, at a
/// forum in Delhi on Thursday said").
const MAX_ADVERBIAL_WORDS: usize = 8;

/// The most words from a possessive's speech noun to the quotation in its that-clause
/// ("Trump's claim that NATO is '…'").
const MAX_NOUN_CLAUSE_WORDS: usize = 6;

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
            // "Obama teased Romney, saying …": after a comma, with no speech verb before it, the
            // participle shares the subject of the clause before the comma: its last name or
            // "he"/"she" that stands where a subject stands ([`Self::last_subject_in`]), not an
            // object after a verb.
            let lead = self.text()[earlier.clone()].trim_end();
            if let Some(clause) = lead.strip_suffix(',').map(|l| earlier.start..earlier.start + l.len()) {
                // A subject placed there decides, even when it names no one we can tell.
                if let Some(found) = self.last_subject_in(&clause, date) {
                    return found;
                }
            }
            // "Biden ratcheted up his rhetoric against Putin, ending his speech by saying …": a
            // participle inside a participle phrase after a comma, with no name in the phrase,
            // shares the subject of the clause before the comma too.
            if let Some(clause) = self.before_participle_phrase(&earlier) {
                if let Some(found) = self.last_subject_in(&clause, date) {
                    return found;
                }
            }
        }
        // "Biden criticised Putin, then said …", "…, but told": a verb after a comma with only
        // conjunctions and adverbs before it has no subject of its own: it shares the subject
        // of the clause before the comma.
        if let Some(clause) = self.before_bare_conjunction(&(scope.start..verb.range().start)) {
            if let Some(found) = self.last_subject_in(&clause, date) {
                return found;
            }
        }
        // The subject comes after any earlier speech verb: "X said that Y ..." makes Y the
        // subject of nothing but its own clause.
        // An earlier verb closing an aside ("Kohl, Genscher recalls, told …") is no clause
        // boundary: the aside is passed over below.
        let earlier = self
            .verbs_in(&(scope.start..verb.range().start))
            .next_back()
            .filter(|v| self.text()[v.range().end..verb.range().start].trim() != ",");
        let from = earlier.map_or(scope.start, |v| v.range().end);
        // Nor across a semicolon: "NATO and Russia signed the Act; it states ...".
        let from = self.text()[from..verb.range().start].rfind(';').map_or(from, |i| from + i + 1);
        let before = from..verb.range().start;
        // "Baker sat across from Gorbachev and told him …", "Putin said … and argued that …": a
        // verb joined by a conjunction, with no subject of its own, shares its clause's subject.
        if let Some(conjunction) = self.coordinating_conjunction(verb, &before) {
            let head = before.start..conjunction;
            let new_person = self
                .subject_mentions(&head)
                .find(|m| m.person().is_some_and(|p| self.record.people[p].kind == SpeakerKind::Person));
            // "Biden denounced Putin and said …": a name right after the earlier verb is its
            // object (or, "said Putin", its subject after it), not a new subject.
            let object =
                |main: &Word, m: &Mention| self.text()[main.range().end..m.range.start].trim().is_empty();
            return match (earlier, new_person) {
                (Some(main), None) => self.subject_of(main, scope, date, inverted),
                (Some(main), Some(m)) if object(main, m) => self.subject_of(main, scope, date, inverted),
                _ => self.last_subject_in(&(before.start.min(head.start)..conjunction), date).flatten(),
            };
        }
        // "… McNamara, who stated that …": a relative pronoun stands for the name right before it.
        if let Some(antecedent) = self.relative_antecedent(&(scope.start..verb.range().start)) {
            return self.resolve(antecedent, date).map(|p| (p, antecedent.range.clone()));
        }
        // "Major, Braithwaite records, told …", "Ryabkov, responding to Sherman, said …": a
        // stretch set off by commas right before the verb describes; the subject is before it.
        let before = self.without_parenthetical(before);
        let text = self.text();
        if self.unnamed_after_opening_phrase(&before) {
            return None;
        }
        // Only the last three mentions are ever read: kept in a window ending with the last,
        // not collected.
        let mut last3: [Option<&Mention>; 3] = [None; 3];
        // A possessive names an owner, not the subject: "Romney, Obama's rival, said" and
        // "Putin's spokesman said" are not Obama's or Putin's words; but the owner of a document
        // or statement speaks through it ("NATO's Strategic Concept says", "Putin's statement
        // said").
        for m in self.subject_mentions(&before).filter(|m| !m.possessive || self.speaks_through(m)) {
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
                return self.resolve_pronoun(p).map(|person| (person, p.range().clone()));
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

    /// "After Macron floated the idea, the Kremlin assured …": `subject` (the words before a
    /// verb) opens with a phrase that names someone, and after the phrase's comma has a subject
    /// of its own that names no one we know (no name, no pronoun): the name in the phrase is
    /// not the verb's subject.
    fn unnamed_after_opening_phrase(&self, subject: &Range<usize>) -> bool {
        let text = self.text();
        let Some(first) = self.words_in(subject).first() else { return false };
        if !self.opens_phrase(first) || !text[subject.start..first.range().start].trim().is_empty() {
            return false;
        }
        let Some(comma) = text[first.range().end..subject.end].find(',').map(|i| first.range().end + i)
        else {
            return false;
        };
        let clause = comma + 1..subject.end;
        let words = self.words_in(&clause);
        self.mentions_in(&(subject.start..comma)).next().is_some()
            && !words.is_empty()
            && self.mentions_in(&clause).next().is_none()
            && !words.iter().any(|w| w.is(CueList::Pronoun))
    }

    /// The clause before the comma that opens a participle phrase ending `lead` (", ending his
    /// speech by"): the phrase starts with a participle in lower case and names no one.
    fn before_participle_phrase(&self, lead: &Range<usize>) -> Option<Range<usize>> {
        let text = self.text();
        let comma = lead.start + text[lead.clone()].rfind(',')?;
        let phrase = comma + 1..lead.end;
        let first = self.words_in(&phrase).first()?;
        let word = &text[first.range()];
        let participle = word.ends_with("ing") && word.starts_with(char::is_lowercase);
        (participle && self.mentions_in(&phrase).next().is_none()).then_some(lead.start..comma)
    }

    /// The clause before a comma followed only by conjunctions and adverbs up to the end of
    /// `lead` (", then", ", and later", ", but"): the verb after them has no subject of its own.
    fn before_bare_conjunction(&self, lead: &Range<usize>) -> Option<Range<usize>> {
        let text = self.text();
        let comma = lead.start + text[lead.clone()].rfind(',')?;
        let gap = comma + 1..lead.end;
        let words = self.words_in(&gap);
        let bare = !words.is_empty()
            && words.iter().all(|w| w.is(CueList::VerbConjunction) || w.is(CueList::VerbAdverb))
            && text[gap].trim_start().starts_with(char::is_lowercase);
        bare.then_some(lead.start..comma)
    }

    /// The position of the conjunction that joins `verb` to an earlier verb of the same subject
    /// ("and told", "and later argued", "but insisted"), when nothing names a new subject between
    /// them. Only within `region`, the verb's clause before it.
    fn coordinating_conjunction(&self, verb: &Word, region: &Range<usize>) -> Option<usize> {
        let words = self.words_in(&(region.start..verb.range().start));
        let conjunction = words.iter().rev().find(|w| !w.is(CueList::VerbAdverb))?;
        let gap = conjunction.range().end..verb.range().start;
        let between = &self.text()[gap.clone()];
        let joined = conjunction.is(CueList::VerbConjunction)
            && !between.contains([',', ';'])
            && between.split_whitespace().count() <= 2;
        // "… and Lavrov said": a name right before the verb is its own subject.
        let own_subject = self.mentions_in(&gap).next().is_some();
        (joined && !own_subject && words.len() > 1).then_some(conjunction.range().start)
    }

    /// The subject of a clause with no speech verb of its own: its first name that is not the
    /// object of a preposition ("Baker to Gorbachev:" → Baker), or a pronoun before any name.
    pub(super) fn clause_subject(
        &self,
        clause: &Range<usize>,
        date: Option<PartialDate>,
    ) -> Option<(usize, Range<usize>)> {
        let mut subjects = self.subject_mentions(clause).filter(|m| !m.possessive).peekable();
        let mut first = subjects.next();
        // "Secretary of State Antony Blinken": a title right before a name; the name speaks.
        if let (Some(title), Some(name)) = (first, subjects.peek()) {
            if !title.is_person()
                && name.is_person()
                && self.text()[title.range.end..name.range.start].trim().is_empty()
            {
                first = Some(name);
            }
        }
        let pronoun = self.words_in(clause).iter().find(|w| w.is(CueList::Pronoun));
        match (first, pronoun) {
            (Some(m), p) if p.is_none_or(|p| p.range().start > m.range.start) => {
                self.resolve(m, date).map(|p| (p, m.range.clone()))
            }
            (_, Some(p)) if PERSON_PRONOUNS.contains(&p.kw()) => {
                self.resolve_pronoun(p).map(|person| (person, p.range().clone()))
            }
            _ => None,
        }
    }

    /// The last name or person pronoun of `clause` standing where a subject stands: with only
    /// capitalized words between it and the clause's start, a comma, a dash, a number or a
    /// month or day ("In Paris, Obama met Romney" and "On 24 February 2022 President Biden …"
    /// give Obama and Biden; Romney, after "met", is an object). Possessives are owners, not
    /// subjects.
    /// `None` when no name or pronoun stands there; `Some(None)` when one does but names no one
    /// the article makes clear.
    fn last_subject_in(
        &self,
        clause: &Range<usize>,
        date: Option<PartialDate>,
    ) -> Option<Option<(usize, Range<usize>)>> {
        let text = self.text();
        // Where the run of capitalized words a name ends stands: "President Joe Biden" after a
        // comma or a date ("On 24 February 2022 President Joe Biden", "on Thursday Putin")
        // stands where a subject does; "Russian President Vladimir Putin" after "against" does
        // not.
        let placed = |at: usize| {
            let mut before = text[clause.start..at].trim_end();
            // A title's "of" joins its capitalized words ("Secretary of Defense Pete Hegseth").
            let joins_title = |w: &str, rest: &str| {
                ROLE_TITLE_JOINERS.contains(&w)
                    && crate::scan::last_word(rest)
                        .is_some_and(|r| rest.ends_with(r) && r.starts_with(char::is_uppercase))
            };
            while let Some(w) = crate::scan::last_word(before).filter(|w| {
                before.ends_with(w)
                    && (w.starts_with(char::is_uppercase)
                        || joins_title(w, before[..before.len() - w.len()].trim_end()))
            }) {
                if crate::date::MONTHS.contains(&w) || crate::date::WEEKDAYS.contains(&w) {
                    return true;
                }
                before = before[..before.len() - w.len()].trim_end();
            }
            before.is_empty()
                || before.ends_with([',', '—', '–'])
                || before.ends_with(|c: char| c.is_ascii_digit())
        };
        let name = self
            .subject_mentions(clause)
            .filter(|m| (!m.possessive || self.speaks_through(m)) && placed(m.range.start))
            .last();
        let pronoun = self
            .words_in(clause)
            .iter()
            .rev()
            .find(|w| PERSON_PRONOUNS.contains(&w.kw()) && placed(w.range().start));
        match (name, pronoun) {
            (Some(m), p) if p.is_none_or(|p| p.range().start < m.range.start) => {
                Some(self.resolve(m, date).map(|p| (p, m.range.clone())))
            }
            (_, Some(p)) => Some(self.resolve_pronoun(p).map(|person| (person, p.range()))),
            _ => None,
        }
    }

    /// Whether the owner named by the possessive `m` speaks through what it owns: a speech noun
    /// ("Putin's statement") or a capitalized title ("NATO's Strategic Concept") right after it,
    /// not a person or thing in lower case ("Obama's rival", "Putin's spokesman").
    fn speaks_through(&self, m: &Mention) -> bool {
        let i = self.words.partition_point(|w| (w.start as usize) < m.range.end);
        self.words.get(i).is_some_and(|w| {
            w.is(CueList::SpeechNoun) || self.text()[w.range()].starts_with(char::is_uppercase)
        })
    }

    /// Names in `range` that may be a subject: not the object of a preposition ("told him",
    /// "responding to Sherman", "across from Gorbachev").
    pub(super) fn subject_mentions(&self, range: &Range<usize>) -> impl Iterator<Item = &Mention> {
        self.mentions_in(range).filter(|m| !self.after_preposition(m.range.start))
    }

    /// The word before `at` is a preposition.
    fn after_preposition(&self, at: usize) -> bool {
        let i = self.words.partition_point(|w| (w.end as usize) <= at);
        i.checked_sub(1).is_some_and(|i| {
            let w = &self.words[i];
            w.is(CueList::Preposition) && self.text()[w.range().end..at].trim().is_empty()
        })
    }

    /// `region` less a stretch set off by commas at its end, when that stretch describes the
    /// subject named before it: a participle or preposition phrase ("responding to Sherman"), a
    /// relative clause ("who had served under Brandt"), an indefinite description ("a former
    /// prime minister"), or a reporting aside ("Braithwaite records"). A short adverbial may
    /// stand between the closing comma and the verb ("…, a friend of the president, later said",
    /// "…, at a forum in Delhi on Thursday said"): it names no one and holds no verb.
    fn without_parenthetical(&self, region: Range<usize>) -> Range<usize> {
        let text = &self.text()[region.clone()];
        let inner = match text.trim_end().strip_suffix(',') {
            Some(inner) => inner,
            None => {
                let Some(comma) = text.rfind(',') else { return region };
                let tail = region.start + comma + 1..region.end;
                let adverbial = self.words_in(&tail).len() <= MAX_ADVERBIAL_WORDS
                    && self.mentions_in(&tail).next().is_none()
                    && self.verbs_in(&tail).next().is_none()
                    && self.pronoun_before(&tail).is_none()
                    && !self.words_in(&tail).iter().any(|w| w.is(CueList::Role));
                if !adverbial {
                    return region;
                }
                &text[..comma]
            }
        };
        let Some(open) = inner.rfind(',') else { return region };
        let aside = region.start + open + 1..region.start + inner.len();
        let head = region.start..region.start + open;
        if self.subject_mentions(&head).next().is_none() {
            return region;
        }
        let words = self.words_in(&aside);
        let Some(first) = words.first() else { return region };
        let first_text = &self.text()[first.range()];
        let describes = first.is(CueList::Preposition)
            || first.is(CueList::AsideOpener)
            || (first_text.ends_with("ing") && first_text.chars().next().is_some_and(char::is_lowercase))
            || words.iter().any(|w| w.is(CueList::AsideVerb) || w.is(CueList::SpeechVerb));
        if describes {
            head
        } else {
            region
        }
    }

    /// The person "he" or "she" refers to: the last person named before it in the paragraph (a
    /// possessive, "Wörner's speech", only when no one else is named), but not a name it directly follows
    /// as an aside ("Yeltsin, she writes, …": she is not Yeltsin); opening a paragraph, the last
    /// person named in the paragraph before. No one when that person's sentence also names
    /// another person before the pronoun ("Putin mentioned Wörner. Then he asked"): the article
    /// does not say which of them.
    pub(super) fn resolve_pronoun(&self, pronoun: &Word) -> Option<usize> {
        let at = pronoun.range().start;
        // "He" opening a paragraph in which nobody is named before it, maybe after its opening
        // quotation ("“We wait,” he said"): the person of the paragraph before, when that
        // paragraph named one.
        // So is a later "he" in a paragraph that opens so and names nobody before it.
        if self.opening_pronoun().is_some_and(|o| o <= at)
            && self.mentions.first().is_none_or(|m| m.range.start > at)
        {
            return self.previous_person.get();
        }
        // "Putin's annual press conference, during which he asserted …": the occasion's owner.
        if let Some(owner) = self.occasion_owner(at) {
            return Some(owner);
        }
        let Some((person, mention)) = self.last_person_before(at) else {
            // Named only as a possessive ("Gorbachev's own statements moved over time. … he
            // said"): that person, when no one else is named.
            return self.mentions[..self.mentions.partition_point(|m| m.range.end <= at)]
                .iter()
                .rev()
                .find_map(|m| self.person_named(m));
        };
        let between = &self.text()[mention.end..at];
        if between.trim() == "," {
            return self.last_person_before(mention.start).map(|(p, _)| p);
        }
        let sentence = self.sentence_of(mention.start);
        let from = self.mentions.partition_point(|m| m.range.start < sentence.start);
        let another = self.mentions[from..]
            .iter()
            .take_while(|m| m.range.end <= at)
            .filter_map(|m| self.acting_person(m))
            .any(|p| p != person);
        // "In Obama's first term, he …" after a sentence naming Romney: the possessive in the
        // pronoun's own sentence may be whom it means; the article does not say which.
        let own = self.sentence_of(at);
        let k = self.mentions.partition_point(|m| m.range.start < own.start);
        let owner = self.mentions[k..]
            .iter()
            .take_while(|m| m.range.end <= at)
            .filter(|m| m.possessive)
            .filter_map(|m| self.person_named(m))
            .any(|p| p != person);
        // "He mocked Romney": a pronoun is not the person its own clause names as an object
        // (then it means someone the article does not say).
        let clause_end = self.text()[at..own.end].find([',', ';', '.']).map_or(own.end, |i| at + i);
        let object = self.mentions[k..]
            .iter()
            .skip_while(|m| m.range.start <= at)
            .take_while(|m| m.range.start < clause_end)
            .any(|m| !m.possessive && self.person_named(m) == Some(person));
        if another || owner || object {
            return None;
        }
        // "Blinken spoke. He said Putin had misjudged the alliance. '…,' he added", "Macron had
        // been right, he said": a name in a sentence whose "he" speaks is what that "he" said,
        // and may not be who speaks next.
        // Read within reach of the name: a paragraph with no sentence ends is one sentence.
        let sentence = self.near(sentence, &(mention.start..at.max(mention.start)));
        let words = self.words_in(&sentence);
        let reported = words.windows(2).any(|pair| {
            PERSON_PRONOUNS.contains(&pair[0].kw())
                && pair[0].range().start != at
                && self.is_verb(&pair[1])
                && !self.in_quote(&pair[0].range())
        });
        if reported {
            return None;
        }
        // "Macron had been right all along, he said": "he" says the clause the name is in, the
        // verb ending the sentence (not "when Lavrov spoke, he told reporters: '…'").
        let verb = words.iter().find(|w| w.range().start > at).filter(|w| self.is_verb(w));
        let says_the_clause = sentence.start <= own.start
            && own.start <= mention.start
            && between.contains(',')
            && verb.is_some_and(|v| {
                let rest = v.range().end..sentence.end;
                !self.text()[rest.clone()].contains(':')
                    && !self.quotation_starts_in(&rest)
                    && self.words_in(&rest).len() <= MAX_TRAILING_ADVERBIAL_WORDS
            });
        (!says_the_clause).then_some(person)
    }

    /// The person whose occasion a clause right before `at` is about: a possessive name, at most
    /// four words of its occasion ("annual press conference"), a comma, and "during which",
    /// "in which", "at which", "where" or "when".
    fn occasion_owner(&self, at: usize) -> Option<usize> {
        let text = self.text();
        let before = text[..at].trim_end();
        let relative = OCCASION_RELATIVES.iter().find(|r| {
            before.len() > r.len()
                && before.get(before.len() - r.len()..).is_some_and(|tail| tail.eq_ignore_ascii_case(r))
        })?;
        let head = before[..before.len() - relative.len()].trim_end().strip_suffix(',')?;
        let k = self.mentions.partition_point(|m| m.range.end <= head.len());
        let m = self.mentions[..k].last()?;
        let words = self.words_in(&(m.range.end..head.len())).len();
        (m.possessive && (1..=4).contains(&words)).then(|| self.person_named(m)).flatten()
    }

    /// The subject of the speech verb nearest before quotation `q` in its sentence, when that
    /// verb's own quotation is not another: the words before the verb back to the sentence's
    /// start, a comma, a semicolon or an earlier quotation.
    fn subject_before(&self, q: &quotes::Quote) -> Option<Range<usize>> {
        let sentence = self.near(self.sentence_of(q.outer.start), &q.outer);
        let before = sentence.start..q.outer.start;
        let verb = self.verbs_in(&before).next_back()?;
        if self.quotation_between(verb.range().end, q.outer.start) {
            return None;
        }
        let lead = &self.text()[sentence.start..verb.range().start];
        let from =
            lead.rfind([',', ';', '“', '"', '(', ':']).map_or(sentence.start, |i| sentence.start + i + 1);
        Some(from..verb.range().start)
    }

    /// Whether the speech verb nearest before quotation `q` in its sentence has a subject of its
    /// own that is no name, pronoun or role: "A retired Soviet colonel told me that '…'", "One
    /// analyst wrote that '…'". Someone the record does not hold speaks.
    pub(super) fn spoken_by_someone_unnamed(&self, q: &quotes::Quote) -> bool {
        let Some(subject) = self.subject_before(q) else { return false };
        let words = self.words_in(&subject);
        let Some(first) = words.first() else { return false };
        !self.in_quote(&subject)
            && self.mentions_in(&subject).next().is_none()
            && !self.opens_phrase(first)
            && words
                .iter()
                .all(|w| !w.is(CueList::Pronoun) && !w.is(CueList::Role) && !w.is(CueList::Preposition))
    }

    /// "Steinmeier said the plan caused '…'": the subject of the speech verb before the
    /// quotation ends with a capitalized word of four letters or more that is no English word
    /// (`crate::words`), maybe before an auxiliary ("has said"): a person's name the record does
    /// not hold; not an acronym, a possessive ("Russia's claims"), a word after an article ("the
    /// Kremlin"), a country or capital standing for its government (`SPEAKING_PLACES`: "Russia
    /// warned", "Moscow said"), or in a subject with a preposition ("Nobody in Geneva had
    /// said"). Their words are attributed speech, however short, though the record can say
    /// nothing of them; a common noun ("Critics said") or an unknown name that is an English
    /// word ("Rice said") is not told apart from a scare quote's context.
    pub(super) fn spoken_by_unrecorded_name(&self, q: &quotes::Quote) -> bool {
        let Some(subject) = self.subject_before(q) else { return false };
        let text = self.text();
        if self.in_quote(&subject) || self.mentions_in(&subject).next().is_some() {
            return false;
        }
        let words = self.words_in(&subject);
        let is = |w: &Word, list: &[&str]| list.iter().any(|x| text[w.range()].eq_ignore_ascii_case(x));
        let Some(at) = words.iter().rposition(|w| !is(w, EVENT_AUXILIARIES)) else {
            return false;
        };
        let word = &text[words[at].range()];
        let lower = word.to_lowercase();
        // "the Kremlin", "the Bundestag": an institution; "OSCE": an acronym; "Russia",
        // "Moscow": a government.
        let institution = at.checked_sub(1).is_some_and(|i| is(&words[i], ARTICLES));
        // "Russia's claims": an owner, and "claims" a noun.
        let after = &text[words[at].range().end..];
        let possessive = word.ends_with("'s") || word.ends_with("’s") || after.starts_with(['\'', '’']);
        word.chars().count() >= 4
            && word.starts_with(|c: char| c.is_uppercase())
            && word.chars().any(char::is_lowercase)
            && !institution
            && !possessive
            && !SPEAKING_PLACES.contains(&lower.as_str())
            && !words
                .iter()
                .any(|w| w.is(CueList::Pronoun) || w.is(CueList::Preposition) || w.is(CueList::ClauseOpener))
            && !crate::words::is_word(&lower)
    }

    /// Between `from` and `to`, a clause of its own starts with a subject: a semicolon, or a comma
    /// and a conjunction ("…, and Rogozin …", "…; NATO …"), followed by a name or pronoun.
    pub(super) fn new_subject_between(&self, from: usize, to: usize) -> bool {
        let text = self.text();
        let words = self.words_in(&(from..to));
        words.iter().enumerate().any(|(i, w)| {
            let lead =
                text[from.max(if i == 0 { from } else { words[i - 1].range().end })..w.range().start].trim();
            let boundary = lead.ends_with(';') || (lead.ends_with(',') && w.is(CueList::ClauseConjunction));
            if !boundary {
                return false;
            }
            let rest = w.range().start..to;
            self.subject_mentions(&rest).next().is_some()
                || self.words_in(&rest).iter().take(3).any(|w| w.is(CueList::Pronoun))
        })
    }

    /// The name a relative pronoun ending `region` (before a verb) stands for ("McNamara, who stated",
    /// "Kohl, who then told"): the mention just before the pronoun, object of a preposition or
    /// not ("attributes the myth to McNamara, who stated").
    fn relative_antecedent(&self, region: &Range<usize>) -> Option<&Mention> {
        let words = self.words_in(region);
        let pronoun = words.iter().rev().find(|w| !w.is(CueList::VerbAdverb))?;
        if !pronoun.is(CueList::RelativePronoun) {
            return None;
        }
        let m = self.mentions_in(&(region.start..pronoun.range().start)).last()?;
        let gap = self.text()[m.range.end..pronoun.range().start].trim();
        (gap.is_empty() || gap == ",").then_some(m)
    }

    /// A subject at `at` stands where a clause's subject does: among its first four words, or
    /// right after an opening phrase ("Asked in 2015 about the alliance, Putin …").
    pub(super) fn opens_clause(&self, clause: &Range<usize>, at: usize) -> bool {
        let head = clause.start..at;
        let words = self.words_in(&head);
        words.len() <= 4
            || (words.first().is_some_and(|w| self.opens_phrase(w))
                && self.text()[head].trim_end().ends_with(','))
    }

    /// The text of `range` with its names blanked out (as spaces), built in one pass: what is
    /// left between a quotation or a comma and a cue's verb must be only the words a cue leads
    /// with.
    fn with_names_blanked(&self, range: &Range<usize>) -> String {
        let text = self.text();
        let mut out = String::with_capacity(range.len());
        let mut at = range.start;
        for m in self.mentions_in(range) {
            let blank = m.range.start.max(at)..m.range.end.max(at);
            out.push_str(&text[at..blank.start]);
            out.extend(std::iter::repeat_n(' ', blank.len()));
            at = blank.end;
        }
        out.push_str(&text[at..range.end]);
        out
    }

    /// Whether a quotation (of depth 0) opens within `range`: a binary search, as a paragraph
    /// may hold thousands.
    pub(super) fn quotation_starts_in(&self, range: &Range<usize>) -> bool {
        let k = self.outer.partition_point(|o| o.start < range.start);
        self.outer.get(k).is_some_and(|o| o.start < range.end)
    }

    /// The quotation of a verb ending at `from` stands before the one at `to`, and is not joined
    /// to it by a bare "and"/"or" or punctuation ("said 'A' and 'B'" quotes both).
    pub(super) fn quotation_between(&self, from: usize, to: usize) -> bool {
        let k = self.outer.partition_point(|o| o.start < from);
        // Only the verb's own quotation: its object, a word or two after it ("called 'X'",
        // "told him 'X'"), not a term quoted further on in the reported clause.
        let own =
            self.outer[k..].first().filter(|o| o.end <= to && self.words_in(&(from..o.start)).len() <= 2);
        own.into_iter().any(|o| {
            let gap = &self.text()[o.end..to];
            gap.split(|c: char| !c.is_alphanumeric()).any(|w| !w.is_empty() && w != "and" && w != "or")
        })
    }
}

/// Between a name and a role describing it: a comma and at most a few filler words
/// ("Strobe Talbott, later deputy secretary of state", "Gorbachev, the Soviet leader").
pub(super) fn is_appositive_gap(between: &str) -> bool {
    let Some(rest) = between.trim().strip_prefix(',') else { return false };
    all_words_are(rest, CueList::AppositiveFiller)
}

fn is_article(word: &str) -> bool {
    ARTICLES.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// A lower-case word in "-ing": "suffering", "being".
fn is_participle(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing") && word.starts_with(|c: char| c.is_ascii_lowercase())
}

/// `text` less up to [`MAX_TITLE_WORDS`] capitalized words at its end: "remarks by French
/// President" gives "remarks by".
fn without_title_words(text: &str) -> &str {
    let mut rest = text.trim_end();
    for _ in 0..MAX_TITLE_WORDS {
        match rest.rsplit_once(' ') {
            // A capitalized word, not one that ends a phrase ("according to Reuters, Putin").
            Some((head, last))
                if last.starts_with(char::is_uppercase)
                    && last.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.') =>
            {
                rest = head.trim_end()
            }
            _ => break,
        }
    }
    rest
}

/// The most capitalized words of a title between "by" and a name.
const MAX_TITLE_WORDS: usize = 3;

/// Every word of `text` (a short stretch) is in `list`: true when it has none. Reads the words
/// without collecting them.
pub(super) fn all_words_are(text: &str, list: CueList) -> bool {
    let mut all = true;
    for_each_word_span(text, |s, e| {
        all = all && in_cue_list(keyword(&text[s..e]), list);
    });
    all
}

/// The speaker the sentence gives a quotation, and the speech verb's and subject's positions
/// (for the date).
pub(super) fn attribute(
    ctx: &BlockContext,
    q: &quotes::Quote,
    sentence: &Range<usize>,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> Cue {
    let text = ctx.text();
    let mut found: Vec<(usize, Range<usize>, usize, bool)> = Vec::new(); // person, mention, verb position, noun cue

    // After: `," Putin said` / `," said Putin` within the first words after the quotation.
    let after = q.outer.end..sentence.end;
    if let Some(verb) = ctx.words_in(&after).iter().take(7).find(|w| ctx.is_verb(w)) {
        // Only `"…," said X` or `"…," X said`: between the quotation and the verb nothing but
        // punctuation and names (with their appositives). "the “pledge” debate: notes on
        // Kramer" is no cue.
        let lead_in = ctx.with_names_blanked(&(after.start..verb.range().start));
        let plain = !lead_in.contains(':')
            && (all_words_are(&lead_in, CueList::CueLeadFiller) || lead_in.trim_start().starts_with(','));
        if plain && !ctx.in_quote(&verb.range()) {
            let scope = after.start..after.end;
            if let Some((p, m)) = ctx.subject_of(verb, &scope, date_hint(verb.range().start), true) {
                found.push((p, m, verb.range().start, false));
            }
        }
    }

    // Before: "according to X" or "X's assurance/words"; else the speech verb nearest the
    // quotation whose subject we can name; else "X:" introducing it.
    let before = sentence.start..q.outer.start;
    let lead = text[before.clone()].trim_end();
    let no_verb = ctx.verbs_in(&before).next().is_none();
    let mut before_found: Vec<(usize, Range<usize>, usize, bool)> = Vec::new();
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
        // "according to Russian President Vladimir Putin": the title before the name aside.
        let untitled = without_title_words(lead_to_m);
        let according = ["according to", "in the words of"].iter().any(|cue| {
            untitled
                .len()
                .checked_sub(cue.len())
                .and_then(|i| untitled.get(i..))
                .is_some_and(|end| end.eq_ignore_ascii_case(cue))
        });
        // "referring to a statement by Romney that Russia is '…'": a speech noun and "by" before
        // the name, and the name's that-clause holding the quotation.
        let by_noun = {
            // A title may stand between "by" and the name ("remarks by French President X").
            let lead = untitled.strip_suffix("by").or_else(|| untitled.strip_suffix("By"));
            let noun = lead.map(str::trim_end).and_then(|l| l.rsplit(char::is_whitespace).next());
            let that = between.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("that"));
            noun.is_some_and(|n| SPEECH_NOUNS.iter().any(|s| n.eq_ignore_ascii_case(s)))
                && that
                && ctx.verbs_in(&(m.range.end..q.outer.start)).next().is_none()
        };
        if noun_cue || according || by_noun {
            if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                before_found.push((p, m.range.clone(), m.range.start, noun_cue));
            }
        }
    }
    // "Trump's claim that NATO is '…'": a possessive's speech noun and its that-clause, with a
    // name inside the clause, when no verb speaks.
    if before_found.is_empty() && no_verb {
        if let Some(m) = ctx.mentions_in(&before).filter(|m| m.possessive).last() {
            let words = ctx.words_in(&(m.range.end..q.outer.start));
            let clause = words.first().is_some_and(|w| w.is(CueList::SpeechNoun))
                && words.get(1).is_some_and(|w| w.kw() == "that")
                && words.len() <= MAX_NOUN_CLAUSE_WORDS;
            if clause {
                if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                    before_found.push((p, m.range.clone(), m.range.start, true));
                }
            }
        }
    }
    // "According to her, Europe must '…'": whom "she" would name.
    if before_found.is_empty() {
        let words = ctx.words_in(&before);
        let according = words.windows(3).rev().find(|w| {
            w[0].kw() == "according" && w[1].kw() == "to" && PERSON_OBJECT_PRONOUNS.contains(&w[2].kw())
        });
        if let Some([.., pronoun]) = according {
            if ctx.verbs_in(&(pronoun.range().end..q.outer.start)).next().is_none() {
                if let Some(p) = ctx.resolve_pronoun(pronoun) {
                    before_found.push((p, pronoun.range(), pronoun.range().start, false));
                }
            }
        }
    }
    // "Zakharova: '…'", "Baker to Gorbachev: '…'", "Peskov waved the question away: '…'": a colon
    // after a clause with no speech verb introduces the words of that clause's subject.
    // A few words may stand between the colon and the quotation ("Putin, addressing the
    // Assembly: the West 'lied to us …'"), but no name.
    let colon = lead.rfind(':').filter(|&i| {
        let after = before.start + i + 1..before.start + lead.len();
        ctx.words_in(&after).len() <= 3 && ctx.mentions_in(&after).next().is_none()
    });
    if let (true, true, Some(colon)) = (before_found.is_empty(), no_verb, colon) {
        let lead = &lead[..=colon];
        let clause_start = lead
            .rfind(['—', '–', ';'])
            .map_or(before.start, |i| before.start + i + lead[i..].chars().next().map_or(1, char::len_utf8));
        // An opening phrase ("Asked whether Moscow felt threatened, Peskov …") is not the clause's
        // subject: the clause proper starts after its comma.
        let clause_start = match ctx.words_in(&(clause_start..before.start + colon)).first() {
            Some(w) if ctx.opens_phrase(w) => text[clause_start..before.start + colon]
                .find(',')
                .map_or(clause_start, |i| clause_start + i + 1),
            _ => clause_start,
        };
        // Nor across an earlier quotation: "… called 'legally binding' guarantees, while
        // insisting:" has no subject of its own.
        let k = ctx.outer.partition_point(|o| o.end <= q.outer.start);
        let clause_start =
            k.checked_sub(1).map(|k| ctx.outer[k].end).filter(|&e| e > clause_start).unwrap_or(clause_start);
        let clause = clause_start..before.start + lead.len() - 1;
        // "Putin quoted Wörner's words of 17 May 1990:": the possessive's words; a subject that
        // quotes, cites or attributes is not the speaker.
        let owner = ctx.mentions_in(&clause).find(|m| {
            m.possessive
                && ctx.words_in(&(m.range.end..clause.end)).first().is_some_and(|w| w.is(CueList::SpeechNoun))
        });
        let quoting = ctx.words_in(&clause).iter().any(|w| w.is(CueList::QuotingVerb));
        if let Some(m) = owner {
            if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                before_found.push((p, m.range.clone(), m.range.start, true));
            }
        } else if let Some((p, m)) = ctx.clause_subject(&clause, date_hint(clause.start)) {
            if ctx.opens_clause(&clause, m.start) && !quoting {
                before_found.push((p, m.clone(), m.start, false));
            }
        }
    }
    if before_found.is_empty() {
        // "Obama dismissed Russia as '…'": a characterizing verb, its object, "as", then the
        // quotation: the subject's words. Not in the passive ("was described as '…' by …").
        let scope = before.start..q.outer.start;
        let characterizing = ctx
            .words_in(&before)
            .iter()
            .rev()
            .find(|w| w.is(CueList::CharacterizingVerb) && !ctx.in_quote(&w.range()));
        if let Some(verb) = characterizing {
            let mut between = ctx.words_in(&(verb.range().end..q.outer.start));
            let mut to = q.outer.start;
            // "described the vote as a 'quiet turn'": an article between "as" and the quotation;
            // "described NATO as suffering 'brain death'": a participle, maybe before an article.
            for strip in [is_article as fn(&str) -> bool, is_participle, is_article] {
                if let [rest @ .., last] = between {
                    if strip(&text[last.range()]) {
                        between = rest;
                        to = last.range().start;
                    }
                }
            }
            let as_last = between.last().is_some_and(|w| text[w.range()].eq_ignore_ascii_case("as"))
                && text[between.last().map_or(to, |w| w.range().end)..to].trim().is_empty();
            let earlier = ctx.words_in(&(scope.start..verb.range().start));
            let passive = earlier.last().is_some_and(|w| w.is(CueList::PassiveAuxiliary));
            if as_last
                && between.len() <= MAX_CHARACTERIZED_OBJECT_WORDS + 1
                && !passive
                && !ctx.quotation_between(verb.range().end, q.outer.start)
            {
                if let Some((p, m)) = ctx.subject_of(verb, &scope, date_hint(verb.range().start), false) {
                    before_found.push((p, m, verb.range().start, false));
                }
            }
        }
    }
    if before_found.is_empty() {
        // "X told Bild that the West had pledged that '...'": the nearest verb whose subject is
        // named by someone; a subject we cannot name passes the quotation to the verb before.
        let scope = before.start..q.outer.start;
        for verb in ctx.verbs_in(&before).rev() {
            // "… what Ryabkov called 'legally binding' guarantees, while insisting: '…'": a verb
            // whose own quotation stands between it and this one has had its words.
            if ctx.quotation_between(verb.range().end, q.outer.start) {
                break;
            }
            // "Antonov warned of an arms race, and Rogozin attributed the doctrine to '…'": a new
            // clause with its own subject between the cue and the quotation ends the cue's reach.
            if ctx.new_subject_between(verb.range().end, q.outer.start) {
                break;
            }
            // "Blinken said little; the 'reset' was long over": a semicolon ends the verb's clause.
            if text[verb.range().end..q.outer.start].contains(';') {
                break;
            }
            if let Some((p, m)) = ctx.subject_of(verb, &scope, date_hint(verb.range().start), false) {
                before_found.push((p, m, verb.range().start, false));
                break;
            }
            let subject_region = scope.start..verb.range().start;
            let named = ctx.mentions_in(&subject_region).next().is_some()
                || ctx.pronoun_before(&subject_region).is_some();
            let earlier_verb =
                ctx.verbs_in(&subject_region).next_back().map_or(scope.start, |v| v.range().end);
            // Its own subject: a name, or a role with no date to name anyone by ("Peskov said
            // the president had told him that '…'": the president's words, not Peskov's).
            let own_region = earlier_verb..verb.range().start;
            let own_subject = ctx.mentions_in(&own_region).next().is_some()
                || ctx
                    .words_in(&own_region)
                    .iter()
                    .any(|w| w.is(CueList::Role) && w.kw() != "who" && w.kw() != "then");
            if named && own_subject {
                break; // a subject was named but names no one we know: no claim
            }
        }
    }
    // Cues on both sides must agree ("“…,” Putin said" after "Putin said"); if they name two
    // people, the sentence is not clear enough to claim either.
    found.extend(before_found);
    if found.is_empty() {
        if let Some((p, m, verb)) = trailing_cue(ctx, q, sentence, date_hint) {
            found.push((p, m, verb, false));
        }
    }

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
                        found.push((p, m, verb.range().start, false));
                    }
                } else if let Some(m) = ctx.mentions_in(prev).last() {
                    if let Some(p) = ctx.resolve(m, date_hint(m.range.start)) {
                        found.push((p, m.range.clone(), m.range.start, false));
                    }
                }
            }
        }
    }
    // A quotation ending its sentence, followed by "Putin said." or "he added.", or by "That
    // was Antony Blinken on 5 July 2022.": that sentence's date is the statement's too.
    let mut read_to = sentence.end;
    if found.is_empty()
        && text[after.clone()].trim().trim_matches(|c: char| c.is_ascii_punctuation()).is_empty()
    {
        let k = ctx.sentences.partition_point(|s| s.start < sentence.end);
        if let Some(next) = ctx.sentences.get(k) {
            let next = &ctx.near(next.clone(), &(next.start..next.start));
            // The verb must end its own report: "Baker assured Gorbachev that '…'" or "Lavrov told
            // the room that talks would go on" reports something else, not the words before it.
            let verb = ctx.words_in(next).iter().take(5).find(|w| ctx.is_verb(w));
            let own_report = verb.is_some_and(|v| {
                let rest = v.range().end..next.end;
                ctx.outer
                    .get(ctx.outer.partition_point(|o| o.start < rest.start))
                    .is_some_and(|o| o.start < rest.end)
                    || ctx.words_in(&rest).iter().any(|w| text[w.range()].eq_ignore_ascii_case("that"))
                    || text[rest].contains(':')
            });
            if let Some(verb) = verb.filter(|_| !own_report) {
                if let Some((p, m)) = ctx.subject_of(verb, next, date_hint(verb.range().start), true) {
                    found.push((p, m, verb.range().start, false));
                    read_to = next.end;
                }
            } else if let Some((p, m)) = presented(ctx, next, date_hint) {
                found.push((p, m.clone(), m.start, false));
                read_to = next.end;
            }
        }
    }
    // "The plan was called 'reckless' by Dmitry Peskov": a passive speech or characterizing
    // verb before the quotation, and its agent right after it.
    if found.is_empty() {
        if let Some((p, m)) = passive_agent(ctx, &before, &after, date_hint) {
            found.push((p, m.clone(), m.start, false));
        }
    }
    // A pull quote or list item: '"…" — Dmitry Peskov, Moscow, 21 December 2021'.
    if found.is_empty() && lead.is_empty() {
        if let Some((p, m)) = dash_attribution(ctx, q, sentence, date_hint) {
            found.push((p, m.clone(), m.start, false));
        }
    }
    found.dedup_by_key(|(p, _, _, _)| *p);
    match found.as_slice() {
        [(p, m, verb, noun), ..] if found.iter().all(|f| f.0 == *p) => Cue {
            speaker: Attribution::person_at(*p, ctx.block.source_range(m.clone())),
            verb: *verb,
            subject: m.start,
            noun: *noun,
            read_to,
        },
        _ => Cue {
            speaker: Attribution::None,
            verb: q.outer.start,
            subject: q.outer.start,
            noun: false,
            read_to: sentence.end,
        },
    }
}

/// The most words after a trailing cue's verb ("…, he said on Monday in Vilnius").
const MAX_TRAILING_ADVERBIAL_WORDS: usize = 4;

/// The most words after a comma that can end a sentence as its speech cue ("…, Russian
/// Foreign Minister Sergei Lavrov told reporters in Ankara on Tuesday").
const MAX_TRAILING_CUE_WORDS: usize = 14;

/// "Russia has 'strangled' democracy, Biden said.": a sentence that ends with a comma and a
/// speech cue (`, Biden said`, `, said Peskov`, `, he added on Tuesday`) reports the whole
/// clause before the comma, and a quotation inside that clause is the cue's subject's, when
/// nothing else in the sentence speaks: no other speech verb, no colon, no quotation after the
/// comma, and no "that" after the verb (which reports something else).
fn trailing_cue(
    ctx: &BlockContext,
    q: &quotes::Quote,
    sentence: &Range<usize>,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> Option<(usize, Range<usize>, usize)> {
    let text = ctx.text();
    let comma = (q.outer.end..sentence.end)
        .rev()
        .find(|&i| text.as_bytes()[i] == b',' && !ctx.in_quote(&(i..i + 1)))?;
    let tail = comma + 1..sentence.end;
    let words = ctx.words_in(&tail);
    let verb = words.iter().find(|w| ctx.is_verb(w))?;
    let clause = sentence.start..comma;
    if words.len() > MAX_TRAILING_CUE_WORDS
        || ctx.verbs_in(&clause).next().is_some()
        || text[sentence.clone()].contains(':')
        || ctx.quotation_starts_in(&(comma + 1..sentence.end))
        || ctx.words_in(&(verb.range().end..tail.end)).iter().any(|w| w.kw() == "that")
    {
        return None;
    }
    // Between the comma and the verb, only names and the words a cue leads with ("the", "he").
    if !all_words_are(&ctx.with_names_blanked(&(comma + 1..verb.range().start)), CueList::CueLeadFiller) {
        return None;
    }
    let (p, m) = ctx.subject_of(verb, &tail, date_hint(verb.range().start), true)?;
    Some((p, m, verb.range().start))
}

/// What a paragraph ending with a colon says of the quotation after it ("Dmitry Peskov told
/// reporters:" and, in the next paragraph or blockquote, his words): its last sentence is read
/// as if the quotation stood right after the colon, with the rules of one sentence.
pub(super) fn introduction(ctx: &BlockContext) -> Option<super::context::Introduction> {
    let end = ctx.text().trim_end().len();
    let at_colon = quotes::Quote { outer: end..end, inner: end..end, depth: 0, closed: true };
    let sentence = ctx.near(ctx.sentence_of(end.saturating_sub(1)), &at_colon.outer);
    let (speaker, date) = cue_and_date(ctx, &at_colon, &sentence);
    speaker.person()?;
    Some(super::context::Introduction { speaker, date })
}

/// Who the sentence says spoke quotation `q`, and when: a date first (roles need one), from
/// the quotation's position; then the speaker; then the date again, anchored at the speech
/// verb, in the sentence after too when that is where the speaker was named.
pub(super) fn cue_and_date(
    ctx: &BlockContext,
    q: &quotes::Quote,
    sentence: &Range<usize>,
) -> (Attribution, Option<super::Dated>) {
    use super::statement_date::{date_candidates, nearest_date, statement_date};
    let candidates = date_candidates(ctx, sentence);
    let first_date = nearest_date(ctx, &candidates, q.outer.start);
    let hint = |_: usize| first_date.as_ref().map(|d| d.date);
    let cue = attribute(ctx, q, sentence, &hint);
    let date = if cue.read_to > sentence.end {
        let reach = sentence.start..cue.read_to;
        statement_date(ctx, &date_candidates(ctx, &reach), &reach, &q.outer, &cue)
    } else {
        statement_date(ctx, &candidates, sentence, &q.outer, &cue)
    };
    (cue.speaker, date)
}

/// What the sentence says of a quotation's speaker: who, and where the speech verb and its
/// subject stand (block offsets), which decide the statement date.
pub(super) struct Cue {
    pub speaker: Attribution,
    pub verb: usize,
    pub subject: usize,
    /// A possessive with a speech noun ("Wörner's words of 17 May 1990"): the noun is the
    /// speech act, and only a date after it dates it.
    pub noun: bool,
    /// Where the text the cue was read in ends: the quotation's sentence, or the next one when
    /// that names the speaker ("That was Blinken on 5 July 2022."), whose dates count too.
    pub read_to: usize,
}

/// "That was Antony Blinken on 5 July 2022.": a sentence opening with a presenting phrase and a
/// name right after it names who spoke the quotation before it.
fn presented(
    ctx: &BlockContext,
    next: &Range<usize>,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> Option<(usize, Range<usize>)> {
    let text = ctx.text();
    let opening = text[next.clone()].trim_start();
    let start = next.end - opening.len();
    let opener = PRESENTING_OPENERS.iter().find(|o| {
        opening.get(..o.len()).is_some_and(|head| head.eq_ignore_ascii_case(o))
            && opening[o.len()..].starts_with(' ')
    })?;
    named_at(ctx, next, start + opener.len() + 1, date_hint)
}

/// The person a name starting exactly at `at` in `range` names (not as a possessive): the name
/// right after "That was", or after "by".
fn named_at(
    ctx: &BlockContext,
    range: &Range<usize>,
    at: usize,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> Option<(usize, Range<usize>)> {
    let m = ctx.mentions_in(range).find(|m| m.range.start >= at)?;
    if m.range.start != at || m.possessive {
        return None;
    }
    let p = ctx.acting_person(m).or_else(|| ctx.resolve(m, date_hint(m.range.start)))?;
    Some((p, m.range.clone()))
}

/// The agent of a passive cue: "was called '…' by Peskov", "were described as '…' by Blinken".
/// The verb (a speech or characterizing verb after "was", "were", "is", "are", "been") stands
/// among the last five words before the quotation; "by" and the name come right after it.
fn passive_agent(
    ctx: &BlockContext,
    before: &Range<usize>,
    after: &Range<usize>,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> Option<(usize, Range<usize>)> {
    let text = ctx.text();
    let words = ctx.words_in(before);
    let tail = &words[words.len().saturating_sub(5)..];
    let verb = tail.iter().position(|w| ctx.is_verb(w) || w.is(CueList::CharacterizingVerb))?;
    if verb == 0 || !tail[verb - 1].is(CueList::PassiveAuxiliary) {
        return None;
    }
    let rest = text[after.clone()].trim_start_matches([',', ' ']);
    let by = rest.strip_prefix("by ")?;
    named_at(ctx, after, after.end - by.len(), date_hint)
}

/// A dash after a quotation that opens its sentence, then a name: '"…" — Dmitry Peskov, Moscow,
/// 21 December 2021', '“…” – Kremlin spokesman Dmitry Peskov'. The name must end the stretch
/// before the first comma, parenthesis or bracket, with only titles before it (capitalized
/// words, roles, "of"), and no verb: "“…” — a phrase Blinken later repeated" names no speaker.
fn dash_attribution(
    ctx: &BlockContext,
    q: &quotes::Quote,
    sentence: &Range<usize>,
    date_hint: &dyn Fn(usize) -> Option<PartialDate>,
) -> Option<(usize, Range<usize>)> {
    let text = ctx.text();
    let after = &text[q.outer.end..sentence.end];
    let trimmed = after.trim_start_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    let dash = ["—", "–", "―", "-- ", "- "].into_iter().find(|d| trimmed.starts_with(d))?;
    let from = sentence.end - trimmed.len() + dash.len();
    let rest = &text[from..sentence.end];
    let stop = rest.find([',', '(', '[', ';', ':', '—', '–', '\u{FFFC}']).unwrap_or(rest.len());
    let segment = from..from + rest[..stop].trim_end().len();
    let words = ctx.words_in(&segment);
    if words.is_empty() || words.len() > 6 || words.iter().any(|w| ctx.is_verb(w)) {
        return None;
    }
    let m = ctx.mentions_in(&segment).last()?;
    if m.range.end != segment.end || m.possessive {
        return None;
    }
    let titles_only = ctx.words_in(&(segment.start..m.range.start)).iter().all(|w| {
        let word = &text[w.range()];
        word.starts_with(char::is_uppercase)
            || w.is(CueList::Role)
            || DASH_TITLE_JOINERS.iter().any(|j| word.eq_ignore_ascii_case(j))
    });
    if !titles_only {
        return None;
    }
    let p = ctx.resolve(m, date_hint(m.range.start))?;
    ctx.acting_person(m).is_some_and(|a| a == p).then_some(())?;
    Some((p, m.range.clone()))
}
