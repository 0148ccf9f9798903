//! The words of an article's language that quotelint reads by, as data: the cue words of
//! extraction (speech verbs, roles, pronouns, fillers), the names of months and days, the
//! stopwords of matching, contractions and spellings that fold together. Each field is a list the
//! reading uses; [`english`] holds English, and [`lexicon`] is the one place that chooses the
//! lexicon every reader reads through, so another article language is one new file and that one
//! line, not edits across the readers.
//!
//! The lists are read through `const` aliases (`const STOPWORDS: &[&str] = LEXICON.stopwords;`)
//! where they are used: choosing a lexicon costs nothing at run time.

pub mod english;

/// The word lists of one article language. Each field's list is documented where the language
/// gives it ([`english`]); the fields say what each is for.
#[derive(Debug)]
pub struct Lexicon {
    // Extraction: cues of speakers, dates, citations and events (quotelint-core's extract).
    /// Words that introduce or follow what someone said.
    pub speech_verbs: &'static [&'static str],
    /// Nouns after a possessive that make it a speech cue.
    pub speech_nouns: &'static [&'static str],
    /// Role words that make a clause about the speaker's office, not about when they spoke.
    pub role_words: &'static [&'static str],
    /// Subject pronouns.
    pub pronouns: &'static [&'static str],
    /// The subject pronouns that resolve to someone.
    pub person_pronouns: &'static [&'static str],
    /// Their object forms ("according to her").
    pub person_object_pronouns: &'static [&'static str],
    /// Words joining quotations of one list, which share a speaker.
    pub list_conjunctions: &'static [&'static str],
    /// Places that stand for their governments ("Russia warned", "Moscow said").
    pub speaking_places: &'static [&'static str],
    /// Nouns of a conversation held with an outlet ("an interview with 'Fakt'").
    pub interview_nouns: &'static [&'static str],
    /// Lower-case words inside a title of office ("Secretary of Defense").
    pub role_title_joiners: &'static [&'static str],
    /// Words that may stand between a name and a role describing it ("Talbott, later deputy ...").
    pub appositive_fillers: &'static [&'static str],
    /// Words that may stand between a quotation and the cue after it ("…," the former minister said).
    pub cue_lead_fillers: &'static [&'static str],
    /// Prepositions.
    pub prepositions: &'static [&'static str],
    /// Connectives that may open a sentence before its leading date ("However, in March 2014, …", "Then
    /// on 4 April 2008 …").
    pub sentence_connectives: &'static [&'static str],
    /// Words besides prepositions that open a phrase set off by commas between a clause's leading date
    /// and its subject ("In March 2014, amid the crisis in Ukraine, NATO suspended …").
    pub setting_openers: &'static [&'static str],
    /// Words that open an introductory phrase of a clause ("In March 2014, …", "On 4 April 2008 …",
    /// "Speaking in Munich in 2007, …").
    pub clause_openers: &'static [&'static str],
    /// Words that open an aside describing the name before it.
    pub aside_openers: &'static [&'static str],
    /// Reporting verbs of an aside ("Major, Braithwaite records, told …").
    pub aside_verbs: &'static [&'static str],
    /// Relative pronouns.
    pub relative_pronouns: &'static [&'static str],
    /// Conjunctions that, after a comma or semicolon, start a clause of their own with a new subject
    /// ("Antonov warned of an arms race, and Rogozin …").
    pub clause_conjunctions: &'static [&'static str],
    /// Conjunctions that join two verbs of one subject ("sat across from Gorbachev and told him").
    pub verb_conjunctions: &'static [&'static str],
    /// Adverbs that may stand between such a conjunction and its verb ("and later told").
    pub verb_adverbs: &'static [&'static str],
    /// Units of time.
    pub time_units: &'static [&'static str],
    /// Words after a unit of time that make it relative.
    pub relative_after: &'static [&'static str],
    /// Words before a unit of time that make it relative.
    pub relative_before: &'static [&'static str],
    /// Relative dates of one word.
    pub relative_words: &'static [&'static str],
    /// Phrases by which an article says that a quotation is not the speaker's, or not of that date.
    pub debunk_phrases: &'static [&'static str],
    /// Sentence openings that deny an attribution when a name follows.
    pub denial_openings: &'static [&'static str],
    /// Capitalized words of a date, not of a source.
    pub date_capitals: &'static [&'static str],
    /// Verbs by which the subject repeats another's words.
    pub quoting_verbs: &'static [&'static str],
    /// Verbs that characterize something in the subject's own words when followed by "as" and a
    /// quotation.
    pub characterizing_verbs: &'static [&'static str],
    /// Before a characterizing verb, a passive ("NATO was described as '…' by Trump").
    pub passive_auxiliaries: &'static [&'static str],
    /// Nouns of a speech act or the document that holds one.
    pub occasion_nouns: &'static [&'static str],
    /// Words that stand before such a year.
    pub occasion_determiners: &'static [&'static str],
    /// What ties an occasion to a clause about it.
    pub occasion_relatives: &'static [&'static str],
    /// Nouns of a news outlet.
    pub outlet_nouns: &'static [&'static str],
    /// Words after which a short quoted span names a term rather than reporting words.
    pub term_leads: &'static [&'static str],
    /// Verbs of going under a name: "writing as 'X'", "known as 'Iron Wall'".
    pub named_as_verbs: &'static [&'static str],
    /// Verbs that name a thing: with "what" before them, a short span after them is a term
    /// ("what Moscow calls a 'special operation'").
    pub naming_verbs: &'static [&'static str],
    /// Pronouns that make such a naming clause someone's words ("what he called").
    pub naming_pronouns: &'static [&'static str],
    /// Openings of a sentence that names who spoke the quotation just before it.
    pub presenting_openers: &'static [&'static str],
    /// Words that may stand before the name in a dash attribution ("— Kremlin spokesman Dmitry Peskov",
    /// "— Secretary of State Antony Blinken"), besides capitalized words and roles.
    pub dash_title_joiners: &'static [&'static str],
    /// Verbs that make or hold a recorded event.
    pub event_verbs: &'static [&'static str],
    /// The verbs of [`event_verbs`](Self::event_verbs) that are never a participle describing a noun
    /// ("the dissolution of the USSR came in …").
    pub event_finite_verbs: &'static [&'static str],
    /// Finite verbs that make an event's name a clause ("Finland joined NATO", "NATO foreign ministers
    /// suspend all practical … cooperation", "the Warsaw Pact is dissolved"), besides any lower-case word
    /// ending in "-ed".
    pub event_clause_verbs: &'static [&'static str],
    /// Words ending in "-ed" or "-ing" that are not verbs acting on what follows them ("during the summit
    /// in 2008", "following the Act").
    pub not_action_verbs: &'static [&'static str],
    /// Verbs of taking part in an event.
    pub event_participation_verbs: &'static [&'static str],
    /// Auxiliaries and relative pronouns that may stand between an event's name and its verb ("…, which
    /// was signed in", "…, that had been agreed in").
    pub event_auxiliaries: &'static [&'static str],
    /// Relative pronouns after an event's name.
    pub event_relative_pronouns: &'static [&'static str],
    /// The articles.
    pub articles: &'static [&'static str],
    /// Determiners and possessives before a noun ("the", "its").
    pub determiners: &'static [&'static str],
    /// Prepositions that make an event a point in time for another clause ("ten years after the fall of
    /// the Berlin Wall, in 1999, …").
    pub time_relations: &'static [&'static str],
    /// Prepositions that introduce a place in an event's clause ("signed in Paris", "set up at Pratica di
    /// Mare, near Rome, on …"), the lower-case words a place name may contain, and the lower-case nouns
    /// of a setting ("at a meeting in Prague").
    pub place_prepositions: &'static [&'static str],
    /// The lower-case words a place name may contain, and the lower-case nouns of a setting.
    pub place_words: &'static [&'static str],
    /// Prepositions of a verb's object or agent that may stand between an event's verb and its date
    /// ("suspended … cooperation with Russia in", "took over from Rasmussen in", "signed by Yeltsin and
    /// Clinton in").
    pub object_prepositions: &'static [&'static str],
    /// Prepositions right before an event's date ("in 1996", "on 27 May 1997", "of 2008").
    pub event_date_prepositions: &'static [&'static str],
    /// Words opening a phrase whose time is the main clause's ("When Yazov asked in March 1990, Major
    /// responded").
    pub simultaneity_openers: &'static [&'static str],
    /// Words after which a date in an opening phrase is its topic's ("recalling his talks … on
    /// 9 February 1990").
    pub topic_words: &'static [&'static str],
    /// Prepositions that may open a clause that starts with a date ("In March 2014, NATO …") or a
    /// timeline item's setting ("**September 2014** — At the Wales summit, …").
    pub clause_date_prepositions: &'static [&'static str],
    /// Words that end a clause's subject.
    pub subject_stops: &'static [&'static str],
    /// Table headers (lower case) of a column that names the speaker of its row's quotation.
    pub speaker_headers: &'static [&'static str],
    /// Table headers (lower case) of a column that dates its row's quotation.
    pub date_headers: &'static [&'static str],
    /// Section headings (lower case) whose list items are references.
    pub reference_sections: &'static [&'static str],
    /// News organizations whose reporting a newsroom cites by name.
    pub news_outlets: &'static [&'static str],
    /// Words before an outlet's name that make it the source of a report.
    pub outlet_cues: &'static [&'static str],
    /// Nouns of books, after which a span in title case (or with a subtitle) is the book's title.
    pub book_nouns: &'static [&'static str],
    /// Prepositions and conjunctions of four letters or more, which a title keeps in lower case ("Letters
    /// from the Steppe", "We Need to Talk about Putin").
    pub title_lower_words: &'static [&'static str],
    /// Words naming a book's author or editor, after which a span in title case (or with a subtitle) is
    /// the book's title.
    pub author_leads: &'static [&'static str],
    /// Words before an outlet's name that, with one of [`outlet_works`](Self::outlet_works) after it,
    /// name where the words were printed.
    pub work_leads: &'static [&'static str],
    /// What an outlet prints, after its name.
    pub outlet_works: &'static [&'static str],
    /// Phrases by which a newsroom marks its own reporting.
    pub own_reporting: &'static [&'static str],

    // Matching: words whose change is no misquotation (quotelint-core's matcher).
    /// Function words whose change does not make a misquotation on its own.
    pub stopwords: &'static [&'static str],
    /// Words renderings of one remark write for one another.
    pub interchangeable: &'static [&'static [&'static str]],
    /// Titles a writer's house style puts before a name ("Mr Putin", "President Putin" for "Putin chose
    /// this war").
    pub house_titles: &'static [&'static str],

    // Harvest: occasions and the names of people quoted without a record (quotelint-core's
    // extract::harvest).
    /// Phrases that open a statement's occasion, read in lower case.
    pub occasion_openers: &'static [&'static str],
    /// Words that end an occasion's phrase.
    pub occasion_stops: &'static [&'static str],
    /// Titles a name may follow ("Prime Minister Anna Kowalczyk").
    pub name_titles: &'static [&'static str],
    /// Capitalized words that make a run of them no person's name.
    pub not_names: &'static [&'static str],
    /// Particles that may stand inside a name ("Ursula von der Leyen").
    pub particles: &'static [&'static str],

    // Sentences: abbreviations whose period ends no sentence (quotelint-core's extract::sentences).
    /// Words whose trailing period does not end a sentence.
    pub abbreviations: &'static [&'static str],

    // Dates: month abbreviations, near-months and other languages' date words (quotelint-core's
    // extract::dates).
    /// Abbreviations of the months' names, each with its month's number.
    pub month_abbreviations: &'static [(&'static str, u8)],
    /// Capitalised words that are a letter or two from a month but are not dates.
    pub not_months: &'static [&'static str],
    /// Month names of other languages a letter or two from an English one.
    pub other_languages_months: &'static [&'static str],
    /// Words that lead a date in another language ("am", "le", "el") or join its parts ("de").
    pub other_languages_date_words: &'static [&'static str],

    // Dates: the names of months and days (quotelint-record's date, read by articles' dates and written
    // in messages).
    /// Month names, January first.
    pub months: &'static [&'static str; 12],
    /// Day names, Sunday first (1 January 1970 was a Thursday.
    pub weekdays: &'static [&'static str; 7],

    // Names: auxiliaries of a passive event name (quotelint-record's names).
    /// The auxiliaries of a passive event name ("was dissolved"), after which an adverb of the text is
    /// passed over ("was formally dissolved", "is officially dissolved").
    pub passive_event_auxiliaries: &'static [&'static str],
    /// The ending of the adverbs passed over inside names and before "as" ("formally",
    /// "anonymously"): see [`Lexicon::is_adverb`].
    pub adverb_suffix: &'static str,

    // Validation: speech verbs a reporter writes beside a name, refused in a quotation's text
    // (quotelint-core's record::validate).
    /// Verbs that attribute speech, as a reporter writes them next to the speaker's name.
    pub reporting_verbs: &'static [&'static str],

    // Folding: contractions and British spellings (quotelint-text's normalize).
    /// Contractions and what they stand for.
    pub contractions: &'static [(&'static str, &'static str)],
    /// The contractions written without an apostrophe.
    pub unmarked: &'static [&'static str],
    /// Endings that contract a word after the word they follow ("don't", "they're"), and what they stand
    /// for.
    pub contraction_suffixes: &'static [(&'static str, &'static str)],
    /// British spellings mapped to American ones, for words that occur in this kind of writing.
    pub american: &'static [(&'static str, &'static str)],

    // Blockquotes: the labels of a callout (quotelint-core's extract::blockquotes).
    /// Labels that make a blockquote a callout, not a quotation.
    pub callout_labels: &'static [&'static str],
}

impl Lexicon {
    /// Whether `word`, in lower case, is an adverb by its ending ("formally", "anonymously"),
    /// of more than five letters so that short words with the ending ("only", "early", "daily")
    /// stay words of their own.
    pub fn is_adverb(&self, word: &str) -> bool {
        word.len() > 5 && word.ends_with(self.adverb_suffix) && word.bytes().all(|b| b.is_ascii_lowercase())
    }
}

/// The lexicon articles are read with: the one place that chooses it.
pub const fn lexicon() -> &'static Lexicon {
    &english::ENGLISH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the readers take for granted of any lexicon, so that a new one (or an edit) that
    /// breaks it fails here rather than silently matching nothing.
    #[test]
    fn the_lexicon_holds_what_its_readers_assume() {
        let lex = lexicon();
        // Adverbs by their ending, short words with it excepted.
        assert!(lex.is_adverb("formally") && lex.is_adverb("anonymously"));
        assert!(!lex.is_adverb("only") && !lex.is_adverb("early") && !lex.is_adverb("Formally"));
        // Each month abbreviation starts its month's name ("Sept", "Febr").
        for (abbreviation, month) in lex.month_abbreviations {
            assert!((1..=12).contains(month), "{abbreviation}");
            assert!(lex.months[usize::from(*month) - 1].starts_with(abbreviation), "{abbreviation}");
        }
        // Lists compared with lower-cased text are written in lower case.
        let lower_case = [
            lex.callout_labels,
            lex.reference_sections,
            lex.speaker_headers,
            lex.date_headers,
            lex.occasion_openers,
            lex.occasion_stops,
            lex.stopwords,
            lex.house_titles,
        ];
        for word in lower_case.iter().flat_map(|l| l.iter()) {
            assert_eq!(*word, word.to_lowercase(), "{word}");
        }
        // All contractions but the unmarked ones have an apostrophe, and the unmarked are listed.
        for (contraction, _) in lex.contractions {
            assert_eq!(!contraction.contains('\''), lex.unmarked.contains(contraction), "{contraction}");
        }
        for unmarked in lex.unmarked {
            assert!(lex.contractions.iter().any(|(c, _)| c == unmarked), "{unmarked}");
        }
    }
}
