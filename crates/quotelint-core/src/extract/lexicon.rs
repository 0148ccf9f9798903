//! The English words extraction reads by: speech verbs and nouns, role words, pronouns and the
//! fillers that may stand between a name and its cue, and the tables of cue words built from
//! them. The lists are data in the lexicon (`quotelint_text::lexicon`), read here under their
//! names, so that another article language is a new lexicon rather than edits across the readers.

use std::sync::LazyLock;

use quotelint_text::lexicon::{lexicon, Lexicon};

use crate::normalize::WordSet;

/// The lexicon the article is read with.
const LEXICON: &Lexicon = lexicon();

pub(super) const SPEECH_VERBS: &[&str] = LEXICON.speech_verbs;
pub(super) const SPEECH_NOUNS: &[&str] = LEXICON.speech_nouns;
pub(super) const ROLE_WORDS: &[&str] = LEXICON.role_words;
pub(super) const PRONOUNS: &[&str] = LEXICON.pronouns;
pub(super) const PERSON_PRONOUNS: &[&str] = LEXICON.person_pronouns;
pub(super) const PERSON_OBJECT_PRONOUNS: &[&str] = LEXICON.person_object_pronouns;
pub(super) const LIST_CONJUNCTIONS: &[&str] = LEXICON.list_conjunctions;
pub(super) const SPEAKING_PLACES: &[&str] = LEXICON.speaking_places;
pub(super) const INTERVIEW_NOUNS: &[&str] = LEXICON.interview_nouns;
pub(super) const ROLE_TITLE_JOINERS: &[&str] = LEXICON.role_title_joiners;
pub(super) const APPOSITIVE_FILLERS: &[&str] = LEXICON.appositive_fillers;
pub(super) const CUE_LEAD_FILLERS: &[&str] = LEXICON.cue_lead_fillers;
pub(super) const PREPOSITIONS: &[&str] = LEXICON.prepositions;
pub(super) const SENTENCE_CONNECTIVES: &[&str] = LEXICON.sentence_connectives;
pub(super) const SETTING_OPENERS: &[&str] = LEXICON.setting_openers;
pub(super) const CLAUSE_OPENERS: &[&str] = LEXICON.clause_openers;
pub(super) const ASIDE_OPENERS: &[&str] = LEXICON.aside_openers;
pub(super) const ASIDE_VERBS: &[&str] = LEXICON.aside_verbs;
pub(super) const RELATIVE_PRONOUNS: &[&str] = LEXICON.relative_pronouns;
pub(super) const CLAUSE_CONJUNCTIONS: &[&str] = LEXICON.clause_conjunctions;
pub(super) const VERB_CONJUNCTIONS: &[&str] = LEXICON.verb_conjunctions;
pub(super) const VERB_ADVERBS: &[&str] = LEXICON.verb_adverbs;
pub(super) const TIME_UNITS: &[&str] = LEXICON.time_units;
pub(super) const RELATIVE_AFTER: &[&str] = LEXICON.relative_after;
pub(super) const RELATIVE_BEFORE: &[&str] = LEXICON.relative_before;
pub(super) const RELATIVE_WORDS: &[&str] = LEXICON.relative_words;
pub(super) const DEBUNK_PHRASES: &[&str] = LEXICON.debunk_phrases;
pub(super) const DENIAL_OPENINGS: &[&str] = LEXICON.denial_openings;
pub(super) const DATE_CAPITALS: &[&str] = LEXICON.date_capitals;
pub(super) const QUOTING_VERBS: &[&str] = LEXICON.quoting_verbs;
pub(super) const CHARACTERIZING_VERBS: &[&str] = LEXICON.characterizing_verbs;
pub(super) const PASSIVE_AUXILIARIES: &[&str] = LEXICON.passive_auxiliaries;
pub(super) const OCCASION_NOUNS: &[&str] = LEXICON.occasion_nouns;
pub(super) const OCCASION_DETERMINERS: &[&str] = LEXICON.occasion_determiners;
pub(super) const OCCASION_RELATIVES: &[&str] = LEXICON.occasion_relatives;
pub(super) const OUTLET_NOUNS: &[&str] = LEXICON.outlet_nouns;
pub(super) const TERM_LEADS: &[&str] = LEXICON.term_leads;
pub(super) const NAMED_AS_VERBS: &[&str] = LEXICON.named_as_verbs;
pub(super) const NAMING_VERBS: &[&str] = LEXICON.naming_verbs;
pub(super) const NAMING_PRONOUNS: &[&str] = LEXICON.naming_pronouns;
pub(super) const PRESENTING_OPENERS: &[&str] = LEXICON.presenting_openers;
pub(super) const DASH_TITLE_JOINERS: &[&str] = LEXICON.dash_title_joiners;
pub(super) const EVENT_VERBS: &[&str] = LEXICON.event_verbs;
pub(super) const EVENT_FINITE_VERBS: &[&str] = LEXICON.event_finite_verbs;
pub(super) const EVENT_CLAUSE_VERBS: &[&str] = LEXICON.event_clause_verbs;
pub(super) const NOT_ACTION_VERBS: &[&str] = LEXICON.not_action_verbs;
pub(super) const EVENT_PARTICIPATION_VERBS: &[&str] = LEXICON.event_participation_verbs;
pub(super) const EVENT_AUXILIARIES: &[&str] = LEXICON.event_auxiliaries;
pub(super) const EVENT_RELATIVE_PRONOUNS: &[&str] = LEXICON.event_relative_pronouns;
pub(super) const ARTICLES: &[&str] = LEXICON.articles;
pub(super) const DETERMINERS: &[&str] = LEXICON.determiners;
pub(super) const TIME_RELATIONS: &[&str] = LEXICON.time_relations;
pub(super) const PLACE_PREPOSITIONS: &[&str] = LEXICON.place_prepositions;
pub(super) const PLACE_WORDS: &[&str] = LEXICON.place_words;
pub(super) const OBJECT_PREPOSITIONS: &[&str] = LEXICON.object_prepositions;
pub(super) const EVENT_DATE_PREPOSITIONS: &[&str] = LEXICON.event_date_prepositions;
pub(super) const SIMULTANEITY_OPENERS: &[&str] = LEXICON.simultaneity_openers;
pub(super) const TOPIC_WORDS: &[&str] = LEXICON.topic_words;
pub(super) const CLAUSE_DATE_PREPOSITIONS: &[&str] = LEXICON.clause_date_prepositions;
pub(super) const SUBJECT_STOPS: &[&str] = LEXICON.subject_stops;
pub(super) const SPEAKER_HEADERS: &[&str] = LEXICON.speaker_headers;
pub(super) const DATE_HEADERS: &[&str] = LEXICON.date_headers;
pub(super) const REFERENCE_SECTIONS: &[&str] = LEXICON.reference_sections;
pub(super) const NEWS_OUTLETS: &[&str] = LEXICON.news_outlets;
pub(super) const OUTLET_CUES: &[&str] = LEXICON.outlet_cues;
pub(super) const BOOK_NOUNS: &[&str] = LEXICON.book_nouns;
pub(super) const TITLE_LOWER_WORDS: &[&str] = LEXICON.title_lower_words;
pub(super) const AUTHOR_LEADS: &[&str] = LEXICON.author_leads;
pub(super) const WORK_LEADS: &[&str] = LEXICON.work_leads;
pub(super) const OUTLET_WORKS: &[&str] = LEXICON.outlet_works;
pub(super) const OWN_REPORTING: &[&str] = LEXICON.own_reporting;

/// Every word any cue test looks for, built from the lists the tests use, so a word added to
/// one of them is never missing here: the list, the same as a set (a word's [`Word::kw`] number
/// is 1 + its position), and which lists each is in (a bit per [`CueList`]), so that a cue test
/// is one table lookup.
pub(super) static KEYWORDS: LazyLock<(Vec<String>, WordSet, Vec<u32>)> = LazyLock::new(|| {
    // The words of the debunking phrases, and the first words, which start a comparison.
    let phrase_words = |phrases: &[&'static str], first: bool| -> Vec<&'static str> {
        let words = phrases.iter().flat_map(|p| p.split(' ').take(if first { 1 } else { usize::MAX }));
        words.collect()
    };
    let debunk_words = [phrase_words(DEBUNK_PHRASES, false), phrase_words(DENIAL_OPENINGS, false)].concat();
    let debunk_starts = [phrase_words(DEBUNK_PHRASES, true), phrase_words(DENIAL_OPENINGS, true)].concat();
    // The first words of the news outlets: where an outlet may start.
    let outlet_starts: Vec<&'static str> =
        NEWS_OUTLETS.iter().map(|o| o.split([' ', '/']).next().expect("a first word")).collect();
    let lists: [&[&'static str]; 24] = [
        SPEECH_VERBS,
        SPEECH_NOUNS,
        ROLE_WORDS,
        PRONOUNS,
        APPOSITIVE_FILLERS,
        CUE_LEAD_FILLERS,
        PREPOSITIONS,
        CLAUSE_OPENERS,
        CLAUSE_CONJUNCTIONS,
        VERB_CONJUNCTIONS,
        VERB_ADVERBS,
        TIME_UNITS,
        RELATIVE_AFTER,
        RELATIVE_BEFORE,
        RELATIVE_WORDS,
        ASIDE_OPENERS,
        ASIDE_VERBS,
        RELATIVE_PRONOUNS,
        QUOTING_VERBS,
        &debunk_starts,
        &debunk_words,
        &outlet_starts,
        CHARACTERIZING_VERBS,
        PASSIVE_AUXILIARIES,
    ];
    // Words are looked up in any case (ASCII): each is kept once, in lower case, with the bits
    // of every list that has it in any case ("New" of "New York Times", "new").
    let mut all: Vec<String> = lists.iter().flat_map(|l| l.iter()).map(|w| w.to_ascii_lowercase()).collect();
    all.sort_unstable();
    all.dedup();
    let set = WordSet::new(all.iter().map(|w| std::borrow::Cow::Owned(w.clone())));
    let member = all
        .iter()
        .map(|w| {
            let has = |l: &&[&str]| l.iter().any(|x| x.eq_ignore_ascii_case(w));
            lists.iter().enumerate().filter(|(_, l)| has(l)).fold(0, |bits, (i, _)| bits | 1 << i)
        })
        .collect();
    (all, set, member)
});

/// The cue lists, in the order of [`KEYWORDS`]' lists: bits of its membership table.
#[derive(Clone, Copy)]
pub(super) enum CueList {
    SpeechVerb = 1,
    SpeechNoun = 1 << 1,
    Role = 1 << 2,
    Pronoun = 1 << 3,
    AppositiveFiller = 1 << 4,
    CueLeadFiller = 1 << 5,
    Preposition = 1 << 6,
    ClauseOpener = 1 << 7,
    ClauseConjunction = 1 << 8,
    VerbConjunction = 1 << 9,
    VerbAdverb = 1 << 10,
    TimeUnit = 1 << 11,
    RelativeAfter = 1 << 12,
    RelativeBefore = 1 << 13,
    RelativeWord = 1 << 14,
    AsideOpener = 1 << 15,
    AsideVerb = 1 << 16,
    RelativePronoun = 1 << 17,
    QuotingVerb = 1 << 18,
    /// The first word of a debunking phrase or denial opening.
    DebunkStart = 1 << 19,
    /// A word of one.
    DebunkWord = 1 << 20,
    /// The first word of a news outlet's name.
    OutletStart = 1 << 21,
    CharacterizingVerb = 1 << 22,
    PassiveAuxiliary = 1 << 23,
}

/// The [`Word::kw`] number of a word (0 for none).
pub(super) fn keyword(word: &str) -> u16 {
    KEYWORDS.1.position(word).map_or(0, |i| i as u16 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every cue list is found, in any case, with its list's bit: a word in two
    /// lists written in two cases ("New" of an outlet, "new") must not lose one list.
    #[test]
    fn every_listed_word_has_its_lists() {
        let checks: [(&[&str], CueList); 7] = [
            (SPEECH_VERBS, CueList::SpeechVerb),
            (PREPOSITIONS, CueList::Preposition),
            (RELATIVE_PRONOUNS, CueList::RelativePronoun),
            (QUOTING_VERBS, CueList::QuotingVerb),
            (CHARACTERIZING_VERBS, CueList::CharacterizingVerb),
            (&["it", "that", "often", "never", "misattributed"], CueList::DebunkStart),
            (&["New", "Foreign", "Associated", "RFE", "dpa", "El"], CueList::OutletStart),
        ];
        for (list, bit) in checks {
            for word in list {
                for written in [word.to_string(), word.to_ascii_uppercase(), word.to_ascii_lowercase()] {
                    let kw = keyword(&written);
                    assert!(kw != 0 && KEYWORDS.2[usize::from(kw) - 1] & bit as u32 != 0, "{written}");
                }
            }
        }
        assert!(KEYWORDS.0.iter().all(|w| *w == w.to_ascii_lowercase()));
        assert!(KEYWORDS.0.windows(2).all(|w| w[0] < w[1]));
    }
}
