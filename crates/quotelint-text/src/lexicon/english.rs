//! English, as quotelint reads it: the word lists of [`Lexicon`], each with what it is for. The
//! lists are grouped by the part of the reading that uses them.

use super::Lexicon;

// Extraction: cues of speakers, dates, citations and events (quotelint-core's extract).

/// Words that introduce or follow what someone said.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "wrote",
    "writes",
    "write",
    "stated",
    "states",
    "declared",
    "declares",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "added",
    "adds",
    "adding",
    "warned",
    "warns",
    "calling",
    "cautioned",
    "cautions",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "explained",
    "explains",
    "recalled",
    "recalls",
    "concluded",
    "responded",
    "responds",
    "replied",
    "replies",
    "asked",
    "asks",
    "remarked",
    "promised",
    "promises",
    "assured",
    "assures",
    "admitted",
    "admits",
    "reiterated",
    "reiterates",
    "announced",
    "announces",
    "observed",
    "commented",
    "emphasized",
    "emphasised",
    "acknowledged",
    "conceded",
    "suggested",
    "maintained",
    "asserted",
    "pledged",
    "vowed",
    "highlighted",
    "quipped",
    "mused",
    "muses",
    "continued",
    "put",
    "testified",
    "cabled",
    "complained",
    "reported",
    "reports",
    "protested",
    "criticized",
    "criticised",
    "denounced",
    "accused",
    "urged",
    "objected",
    "retorted",
    "boasted",
    "called",
    "calls",
    // Participles of the verbs above, which share the subject of the clause they hang on
    // ("Rutte played down the remarks, asserting that allies remained 'fully on board'").
    "asserting",
    "stating",
    "insisting",
    "stressing",
    "noting",
    "arguing",
    "claiming",
    "explaining",
    "accusing",
    "urging",
    "hailed",
    "hails",
];

/// Nouns after a possessive that make it a speech cue: "Baker's assurance", "in Putin's words".
const SPEECH_NOUNS: &[&str] = &[
    "assurance",
    "assurances",
    "words",
    "word",
    "statement",
    "statements",
    "remark",
    "remarks",
    "pledge",
    "promise",
    "reply",
    "answer",
    "response",
    "comment",
    "comments",
    "speech",
    "declaration",
    "letter",
    "message",
    "address",
    "phrase",
    "formula",
    "claim",
    "accusation",
    "assertion",
    "warning",
    "view",
];

/// Role words that make a clause about the speaker's office, not about when they spoke.
const ROLE_WORDS: &[&str] = &[
    "ambassador",
    "minister",
    "secretary",
    "president",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "diplomat",
    "aide",
    "adviser",
    "advisor",
    "leader",
    "chief",
    "general",
    "official",
    "director",
    "head",
    "premier",
    "prime",
    "representative",
    "who",
    "then",
    "former",
    "chairman",
    "commander",
    "marshal",
];

/// Subject pronouns; only `PERSON_PRONOUNS` resolve to someone.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

const PERSON_PRONOUNS: &[&str] = &["he", "she"];

/// The object forms of `PERSON_PRONOUNS`: "according to her" names whom "she" would.
const PERSON_OBJECT_PRONOUNS: &[&str] = &["him", "her"];

/// Words that may stand between a name and a role describing it ("Talbott, later deputy ...").
const APPOSITIVE_FILLERS: &[&str] = &["the", "a", "an", "then", "later", "former", "now", "at", "time"];

/// Words that may stand between a quotation and the cue after it ("…," the former minister said).
const CUE_LEAD_FILLERS: &[&str] = &["the", "a", "then", "former", "he", "she"];

/// Prepositions: a name right after one is an object ("told him", "responding to Sherman", "Baker
/// to Gorbachev:"), never the subject of a speech verb.
const PREPOSITIONS: &[&str] = &[
    "to",
    "from",
    "with",
    "of",
    "about",
    "by",
    "for",
    "against",
    "toward",
    "towards",
    "than",
    "between",
    "among",
    "like",
    "behind",
    "under",
    "over",
    "across",
    "beside",
    "besides",
    "into",
    "onto",
    "upon",
    "via",
    "without",
    "unlike",
    "regarding",
    "concerning",
    "including",
    "alongside",
];

/// Connectives that may open a sentence before its leading date ("However, in March 2014, …",
/// "Then on 4 April 2008 …"): the date still heads the clause.
const SENTENCE_CONNECTIVES: &[&str] = &[
    "however",
    "then",
    "later",
    "finally",
    "eventually",
    "subsequently",
    "meanwhile",
    "moreover",
    "but",
    "and",
    "yet",
    "still",
    "thus",
    "indeed",
];

/// Words besides prepositions that open a phrase set off by commas between a clause's leading
/// date and its subject ("In March 2014, amid the crisis in Ukraine, NATO suspended …").
const SETTING_OPENERS: &[&str] = &["amid", "amidst", "despite", "in", "at", "on", "during"];

/// Words that open an introductory phrase of a clause ("In March 2014, …", "On 4 April 2008 …",
/// "Speaking in Munich in 2007, …"): a date inside such an opening phrase dates the clause's verb.
const CLAUSE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "by",
    "since",
    "after",
    "before",
    "when",
    "speaking",
    "addressing",
    "writing",
    "interviewed",
    "asked",
    "later",
    "earlier",
    "until",
    "as",
    "back",
];

/// Words that open an aside describing the name before it: "X, who …", "X, a former …", "X, the
/// voice of …".
const ASIDE_OPENERS: &[&str] = &[
    "who", "whom", "whose", "which", "a", "an", "the", "once", "himself", "herself", "then", "now", "later",
    "formerly",
];

/// Reporting verbs of an aside ("Major, Braithwaite records, told …"): the aside's writer
/// reports; the name before it speaks.
const ASIDE_VERBS: &[&str] = &[
    "records",
    "recorded",
    "recounts",
    "recounted",
    "writes",
    "wrote",
    "notes",
    "noted",
    "recalls",
    "recalled",
    "says",
    "said",
    "reports",
    "reported",
    "observes",
    "observed",
    "argues",
    "argued",
    "claims",
    "claimed",
    "suggests",
    "suggested",
    "remembers",
    "remembered",
    "according",
];

/// Relative pronouns: "McNamara, who stated …" makes McNamara the subject. Not "that": after a
/// speech verb it opens the reported clause ("said that …"), where [`EVENT_RELATIVE_PRONOUNS`],
/// after an event's name, has it as a relative pronoun ("the Act that was signed in …").
const RELATIVE_PRONOUNS: &[&str] = &["who", "which"];

/// Conjunctions that, after a comma or semicolon, start a clause of their own with a new subject
/// ("Antonov warned of an arms race, and Rogozin …").
const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "while", "whereas", "yet", "so"];

/// Conjunctions that join two verbs of one subject ("sat across from Gorbachev and told him").
const VERB_CONJUNCTIONS: &[&str] = &["and", "but", "then", "before", "after"];

/// Countries, regions and capitals that stand for their governments ("Russia warned", "Moscow
/// said", "Washington says"): no person's name, though no English word either.
const SPEAKING_PLACES: &[&str] = &[
    "moscow",
    "washington",
    "kyiv",
    "kiev",
    "beijing",
    "brussels",
    "london",
    "paris",
    "berlin",
    "ankara",
    "warsaw",
    "tehran",
    "minsk",
    "tbilisi",
    "riga",
    "tallinn",
    "vilnius",
    "helsinki",
    "stockholm",
    "budapest",
    "prague",
    "bucharest",
    "sofia",
    "belgrade",
    "ottawa",
    "tokyo",
    "delhi",
    "rome",
    "madrid",
    "vienna",
    "russia",
    "ukraine",
    "belarus",
    "georgia",
    "moldova",
    "armenia",
    "azerbaijan",
    "kazakhstan",
    "finland",
    "sweden",
    "norway",
    "denmark",
    "iceland",
    "estonia",
    "latvia",
    "lithuania",
    "poland",
    "germany",
    "france",
    "britain",
    "england",
    "scotland",
    "ireland",
    "spain",
    "portugal",
    "italy",
    "greece",
    "turkey",
    "türkiye",
    "bulgaria",
    "romania",
    "hungary",
    "slovakia",
    "czechia",
    "austria",
    "switzerland",
    "belgium",
    "netherlands",
    "holland",
    "luxembourg",
    "slovenia",
    "croatia",
    "serbia",
    "bosnia",
    "montenegro",
    "albania",
    "macedonia",
    "kosovo",
    "canada",
    "america",
    "china",
    "japan",
    "india",
    "iran",
    "israel",
    "syria",
    "iraq",
    "afghanistan",
    "pakistan",
    "korea",
    "cuba",
    "venezuela",
    "brazil",
    "mexico",
    "crimea",
    "donbas",
    "donbass",
    "chechnya",
    "europe",
    "nato",
    "tass",
    "interfax",
    "reuters",
];

/// What joins quotations of one list ("a 'dictator' or 'tyrant'", "'routine' and 'defensive'"):
/// the second shares the first's speaker.
const LIST_CONJUNCTIONS: &[&str] = &["and", "or"];

/// Adverbs that may stand between such a conjunction and its verb ("and later told").
const VERB_ADVERBS: &[&str] =
    &["then", "later", "also", "again", "publicly", "privately", "repeatedly", "once", "even", "still"];

/// Units of time: with [`RELATIVE_AFTER`] or [`RELATIVE_BEFORE`] words they make a relative
/// date ("four months later", "the following day").
const TIME_UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "morning",
    "evening",
    "night",
    "afternoon",
    "hours",
    "weekend",
];

/// Words after a unit of time that make it relative: "a year later", "three days earlier".
const RELATIVE_AFTER: &[&str] = &["later", "earlier", "afterwards", "afterward", "ago", "before", "after"];

/// Words before a unit of time that make it relative: "the following day", "that week".
const RELATIVE_BEFORE: &[&str] = &["following", "next", "previous", "same", "that", "last", "this"];

/// Relative dates of one word.
const RELATIVE_WORDS: &[&str] = &["yesterday", "today", "tonight", "meanwhile", "afterwards", "subsequently"];

/// Phrases by which an article says that a quotation is not the speaker's, or not of that date:
/// it reproduces a misattribution to debunk it, and asserts none. Words separated by one space,
/// compared word by word in any case (so each form of a word is listed: "fake quotes").
const DEBUNK_PHRASES: &[&str] = &[
    "misattributed",
    "misattribution",
    "misattributions",
    "wrongly attributed",
    "falsely attributed",
    "wrongly credited",
    "falsely credited",
    "often attributed to",
    "widely attributed to",
    "commonly attributed to",
    "often credited to",
    "widely credited to",
    "is often quoted as",
    "never said",
    "never wrote",
    "did not say",
    "didn't say",
    "didn’t say",
    "was not said by",
    "were not his words",
    "were not her words",
    "not his words",
    "not her words",
    "apocryphal",
    "apocryphally",
    "fake quote",
    "fake quotes",
    "fabricated quote",
    "fabricated quotes",
];

/// Sentence openings that deny an attribution when a name follows: "It wasn't Blinken."
/// Compared word by word; the first word and the word after must be written with a capital (a
/// sentence start, and a name).
const DENIAL_OPENINGS: &[&str] =
    &["it wasn't", "it wasn’t", "it was not", "that wasn't", "that wasn’t", "that was not"];

/// Capitalized words of a date, not of a source: "(viral post, March 2022)" names no one a reader
/// could look up, where "(Sarotte, 2014)" does. Besides the months' names
/// ([`MONTHS`]) and days ([`WEEKDAYS`]): their abbreviations and
/// seasons.
const DATE_CAPITALS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Spring", "Summer",
    "Autumn", "Fall", "Winter",
];

/// Verbs by which the subject repeats another's words: "Putin quoted Wörner's words: '…'",
/// "citing Kohl: '…'". Their subject is not the speaker.
const QUOTING_VERBS: &[&str] = &[
    "quoted",
    "quotes",
    "quote",
    "quoting",
    "cited",
    "cites",
    "citing",
    "paraphrased",
    "paraphrasing",
    "attributed",
    "attributes",
    "attributing",
    "recited",
    // Reading out is giving someone's words: "Putin read out Wörner's words of 17 May 1990: '…'".
    // A text that "reads" ("the statement reads: '…'") is a document, not a person speaking.
    "read",
    "reads",
    "reading",
    "echoed",
    "echoing",
];

/// Verbs that characterize something in the subject's own words when followed by "as" and a
/// quotation: "Obama dismissed Russia as 'a regional power'", "Lavrov described the plan as
/// '…'". Without "as" right before the quotation they are no cue ("Lavrov dismissed the claim
/// that '…'" quotes the claim, not Lavrov).
const CHARACTERIZING_VERBS: &[&str] = &[
    "described",
    "describes",
    "dismissed",
    "dismisses",
    "branded",
    "brands",
    "labelled",
    "labeled",
    "labels",
    "characterized",
    "characterised",
    "characterizes",
    "characterises",
    "portrayed",
    "portrays",
    "describing",
    "dismissing",
    "referred",
    "refers",
    "referring",
    "branding",
    "labelling",
    "labeling",
    "condemned",
    "condemns",
    "condemning",
];

/// Before a characterizing verb, a passive ("NATO was described as '…' by Trump"): the subject
/// is what is characterized, not who speaks.
const PASSIVE_AUXILIARIES: &[&str] = &["is", "was", "are", "were", "be", "been", "being", "get", "got"];

/// Nouns of a speech act or the document that holds one: a year written before them ("his
/// 2008 Munich speech", "in a 2014 interview") dates the act.
const OCCASION_NOUNS: &[&str] = &[
    "speech",
    "address",
    "interview",
    "remarks",
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "letter",
    "article",
    "essay",
    "op-ed",
    "lecture",
    "testimony",
    "cable",
    "memo",
    "memoir",
    "memoirs",
    "briefing",
    "broadcast",
    "message",
];

/// Words that stand before such a year: determiners and possessive pronouns (a possessive name,
/// "Putin's", counts too).
const OCCASION_DETERMINERS: &[&str] = &["his", "her", "their", "its", "a", "an", "the", "our", "my", "your"];

/// What ties an occasion to a clause about it: "Putin's press conference, during which he
/// asserted …": the pronoun after them is the occasion's owner.
const OCCASION_RELATIVES: &[&str] = &["during which", "in which", "at which", "where", "when"];

/// Nouns of a news outlet: a short name in title case quoted right after one ("told the weekly
/// newspaper \"Die Zeit\"", "the daily \"Le Monde\"") is the outlet's name, not speech.
/// Lower-case words inside a title of office ("Secretary of Defense", "Minister for Europe"):
/// its capitalized words still run on through them to the name.
const ROLE_TITLE_JOINERS: &[&str] = &["of", "for"];

/// Nouns of a conversation held with an outlet: "in an interview with 'Fakt'" names the paper.
const INTERVIEW_NOUNS: &[&str] = &["interview", "interviews", "conversation", "conversations"];

const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "paper",
    "tabloid",
    "broadsheet",
    "broadcaster",
    "channel",
    "station",
    "radio",
    "television",
    "tv",
    "agency",
    "website",
    "outlet",
    "programme",
    "program",
    "show",
    "podcast",
    "journal",
    "publication",
];

/// Verbs that name a thing, after which, with "what" before them, a short span is what the
/// naming clause's subject calls it: "what Moscow calls a 'special operation'", "what is
/// called", "what is known as" ("known" before "as").
const NAMING_VERBS: &[&str] = &[
    "call", "calls", "called", "term", "terms", "termed", "dub", "dubs", "dubbed", "brand", "brands",
    "branded", "label", "labels", "labelled", "labeled", "known",
];

/// Pronouns that make a naming clause someone's words: "what he called a '…'".
const NAMING_PRONOUNS: &[&str] = &["i", "we", "you", "he", "she", "they"];

/// Words after which a short quoted span names a term rather than reporting words: "the
/// so-called 'open doors'", "the formula of 'open doors'", "the slogan 'no veto'". Each may be
/// followed by "of". A writer naming a policy or a catchword claims no one said it in so many words.
const TERM_LEADS: &[&str] = &[
    "so-called",
    "formula",
    "principle",
    "policy",
    "doctrine",
    "concept",
    "notion",
    "slogan",
    "motto",
    "mantra",
    "catchphrase",
    "catchword",
    "buzzword",
    "label",
    // Names a person writes or goes under: "under the pen name 'Z'", "the nickname 'Gorby'".
    "pseudonym",
    "nickname",
    "name",
    "codename",
    "alias",
    "moniker",
];

/// Verbs of going under a name, after which "as" and one to three quoted words are that name:
/// "writing anonymously as 'X'", "known as 'Iron Wall'", "signed as 'A Friend'".
const NAMED_AS_VERBS: &[&str] =
    &["known", "writing", "wrote", "written", "signed", "signing", "posting", "posted", "styled", "billed"];

/// Openings of a sentence that names who spoke the quotation just before it: "'…' That was
/// Antony Blinken on 5 July 2022." Compared in any case, each followed by the name.
const PRESENTING_OPENERS: &[&str] =
    &["that was", "this was", "that is", "this is", "that's", "that\u{2019}s", "those were the words of"];

/// Words that may stand before the name in a dash attribution ("— Kremlin spokesman Dmitry
/// Peskov", "— Secretary of State Antony Blinken"), besides capitalized words and roles.
const DASH_TITLE_JOINERS: &[&str] = &["of", "the", "for", "and"];

/// Verbs that make or hold a recorded event: after the event's name, a date in their clause is
/// the event's date ("the Council, established in 2002", "the Act, which was signed in Paris in
/// May 1997", "the summit, held in April 2008"). Several words are read as one verb. Verbs of
/// another phase ("approved", "ratified", "entered into force") or of another action on the event
/// ("invoked", "cited") are deliberately absent: their date is not the event's.
const EVENT_VERBS: &[&str] = &[
    "signed",
    "agreed",
    "concluded",
    "adopted",
    "held",
    "established",
    "founded",
    "created",
    "set up",
    "launched",
    "published",
    "reached",
    "issued",
    "convened",
    "came",
    "took place",
    "occurred",
    "happened",
];

/// The verbs of [`EVENT_VERBS`] that are never a participle describing a noun ("the dissolution
/// of the USSR came in …"): after "N of X" they are N's.
const EVENT_FINITE_VERBS: &[&str] = &["came", "took place", "occurred", "happened"];

/// Finite verbs that make an event's name a clause ("Finland joined NATO", "NATO foreign ministers
/// suspend all practical … cooperation", "the Warsaw Pact is dissolved"), besides any lower-case
/// word ending in "-ed": such a name carries its own verb, so a date at the head of its clause is
/// its date.
const EVENT_CLAUSE_VERBS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "became",
    "becomes",
    "took",
    "takes",
    "join",
    "joins",
    "suspend",
    "suspends",
    "withdrew",
    "withdraws",
    "sign",
    "signs",
    "agree",
    "agrees",
    "apply",
    "applies",
    "ends",
];

/// Words ending in "-ed" or "-ing" that are not verbs acting on what follows them ("during the
/// summit in 2008", "following the Act"): they never take a date away from an event.
const NOT_ACTION_VERBS: &[&str] = &[
    "during",
    "following",
    "including",
    "regarding",
    "concerning",
    "according",
    "excluding",
    "considering",
    "pending",
    "notwithstanding",
    "preceding",
];

/// Verbs of taking part in an event: they share its date ("attended the Bucharest summit in
/// April 2008"), unlike other actions on it ("invoked the Founding Act in July 2014").
const EVENT_PARTICIPATION_VERBS: &[&str] = &[
    "attended",
    "attending",
    "hosted",
    "hosting",
    "chaired",
    "chairing",
    "addressed",
    "addressing",
    "signing",
    "concluding",
    "adopting",
];

/// Auxiliaries and relative pronouns that may stand between an event's name and its verb
/// ("…, which was signed in", "…, that had been agreed in").
const EVENT_AUXILIARIES: &[&str] = &["is", "was", "are", "were", "be", "been", "has", "have", "had"];

/// Relative pronouns after an event's name: [`RELATIVE_PRONOUNS`] and "that".
const EVENT_RELATIVE_PRONOUNS: &[&str] = &["which", "that", "who"];

/// The articles: between "as" and the quotation after a characterizing verb ("as a '…'").
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Determiners and possessives before a noun ("the", "its").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "this"];

/// Prepositions that make an event a point in time for another clause ("ten years after the fall
/// of the Berlin Wall, in 1999, …"): a date set off after the event's name is that clause's.
const TIME_RELATIONS: &[&str] = &["after", "before", "since", "until", "till", "following", "preceding"];

/// Prepositions that introduce a place in an event's clause ("signed in Paris", "set up at
/// Pratica di Mare, near Rome, on …"), the lower-case words a place name may contain, and the
/// lower-case nouns of a setting ("at a meeting in Prague").
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near"];

const PLACE_WORDS: &[&str] = &[
    "di",
    "de",
    "la",
    "le",
    "del",
    "der",
    "von",
    "van",
    "of",
    "meeting",
    "summit",
    "ceremony",
    "conference",
];

/// Prepositions of a verb's object or agent that may stand between an event's verb and its date
/// ("suspended … cooperation with Russia in", "took over from Rasmussen in", "signed by Yeltsin
/// and Clinton in"): only before capitalised names.
const OBJECT_PREPOSITIONS: &[&str] = &["with", "from", "to", "against", "between", "by"];

/// Prepositions right before an event's date ("in 1996", "on 27 May 1997", "of 2008"); "since"
/// only after a verb ("suspended … since April 2014").
const EVENT_DATE_PREPOSITIONS: &[&str] = &["in", "on", "of"];

/// Words opening a phrase whose time is the main clause's ("When Yazov asked in March 1990,
/// Major responded"): a speech reported in such a phrase happens at the same time.
const SIMULTANEITY_OPENERS: &[&str] = &["when", "as", "while", "whenever"];

/// Words after which, in an opening phrase, a date may be what is recalled rather than when it
/// was said ("Recalling his talks with Baker on 9 February 1990, Gorbachev said"): the phrase
/// dates nothing. Only verbs of recalling: after "about" or "discussing" the date is the
/// statement's often enough ("Asked about Estonia in June 2004, Putin said").
const TOPIC_WORDS: &[&str] =
    &["recalling", "remembering", "recounting", "recollecting", "reminiscing", "reflecting", "revisiting"];

/// Prepositions that may open a clause that starts with a date ("In March 2014, NATO …") or a
/// timeline item's setting ("**September 2014** — At the Wales summit, …").
const CLAUSE_DATE_PREPOSITIONS: &[&str] = &["in", "on", "at", "during"];

/// Words that end a clause's subject: a name after them is not what the clause's date dates
/// ("In 2002, long after the Founding Act, …").
const SUBJECT_STOPS: &[&str] = &[
    "after", "before", "since", "when", "while", "until", "long", "as", "because", "although", "though",
    "if", "that", "which", "who", "than", "unlike", "despite", "without", "and", "or", "but", "not",
];

/// Table headers (lower case) of a column that names the speaker of its row's quotation.
const SPEAKER_HEADERS: &[&str] =
    &["who", "speaker", "speakers", "said by", "quoted", "person", "who said it"];

/// Table headers (lower case) of a column that dates its row's quotation.
const DATE_HEADERS: &[&str] = &["when", "date", "said on", "date said"];

/// Section headings (lower case) whose list items are references: quoted titles in them are
/// not speech.
const REFERENCE_SECTIONS: &[&str] = &[
    "references",
    "sources",
    "bibliography",
    "further reading",
    "works cited",
    "notes",
    "citations",
    "footnotes",
    "sources and notes",
    "notes and references",
];

/// News organizations whose reporting a newsroom cites by name: "according to Reuters", "told
/// Reuters", "in an interview with Der Spiegel". Written as the article writes them; a leading
/// "the" is read separately. A repository adds its own with `citation-patterns`.
const NEWS_OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "dpa",
    "DPA",
    "TASS",
    "Interfax",
    "RIA Novosti",
    "RIA",
    "Sputnik",
    "Xinhua",
    "Bloomberg",
    "BBC",
    "CNN",
    "NPR",
    "PBS",
    "Der Spiegel",
    "Spiegel",
    "Bild",
    "Die Welt",
    "Die Zeit",
    "Le Monde",
    "Le Figaro",
    "Corriere della Sera",
    "La Repubblica",
    "El País",
    "Kommersant",
    "Izvestia",
    "Rossiyskaya Gazeta",
    "Novaya Gazeta",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Financial Times",
    "Guardian",
    "Times",
    "Telegraph",
    "Economist",
    "Politico",
    "Axios",
    "Foreign Policy",
    "Foreign Affairs",
    "Al Jazeera",
    "Euronews",
    "Deutsche Welle",
    "DW",
    "Radio Free Europe",
    "RFE/RL",
    "Voice of America",
    "VOA",
    "Vesti",
    "Rossiya 1",
    "Channel One",
    "Meduza",
    "Fox News",
    "MSNBC",
    "Sky News",
    "France 24",
    "Kyiv Independent",
    "Kyiv Post",
    "Ukrainska Pravda",
];

/// Words before an outlet's name that make it the source of a report: "according to Reuters",
/// "Lavrov told Interfax", "said in an interview with Der Spiegel", "quoted by TASS".
const OUTLET_CUES: &[&str] = &[
    "according to",
    "told",
    "telling",
    "in an interview with",
    "in an interview to",
    "interview with",
    "interview to",
    "interviewed by",
    "quoted by",
    "reported by",
    "speaking to",
    "said to",
    "wrote in",
    "writing in",
    "said in",
];

/// Nouns of books, after which a span in title case (or with a subtitle) is the book's title:
/// "in his 2010 book, 'No Apology: …'".
const BOOK_NOUNS: &[&str] =
    &["book", "books", "memoir", "memoirs", "novel", "biography", "autobiography", "monograph"];

/// Prepositions and conjunctions of four letters or more, which a title keeps in lower case
/// ("Letters from the Steppe", "We Need to Talk about Putin"): not counted when telling a title
/// by its capitals.
const TITLE_LOWER_WORDS: &[&str] = &[
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before", "behind",
    "below", "beneath", "beside", "between", "beyond", "despite", "down", "during", "from", "inside", "into",
    "like", "near", "onto", "over", "past", "since", "than", "that", "through", "toward", "towards", "under",
    "until", "upon", "versus", "when", "while", "with", "within", "without",
];

/// Words naming a book's author or editor, after which a span in title case (or with a
/// subtitle) is the book's title: "the author of 'The Long Thaw'".
const AUTHOR_LEADS: &[&str] =
    &["author of", "co-author of", "coauthor of", "editor of", "co-editor of", "translator of", "authored"];

/// Words before an outlet's name that, with one of [`OUTLET_WORKS`] after it, name where the
/// words were printed: "in a New York Times article", "in her Guardian column".
const WORK_LEADS: &[&str] = &["in a", "in an", "in the", "in his", "in her", "in their", "in its"];

/// What an outlet prints, after its name: "a Reuters report", "a Guardian column".
const OUTLET_WORKS: &[&str] = &[
    "article",
    "column",
    "op-ed",
    "editorial",
    "report",
    "interview",
    "piece",
    "essay",
    "story",
    "dispatch",
    "profile",
    "podcast",
    "broadcast",
];

/// Phrases by which a newsroom marks its own reporting: "told this newspaper".
const OWN_REPORTING: &[&str] = &[
    "told this newspaper",
    "told this paper",
    "told this reporter",
    "told this publication",
    "told this magazine",
    "told this website",
    "in an interview with this newspaper",
    "in an interview with this paper",
];

// Matching: words whose change is no misquotation (quotelint-core's matcher).

/// Function words whose change does not make a misquotation on its own.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "that", "this",
    "as", "is", "are", "was", "were", "be", "been", "it", "its", "so", "then", "there",
];

/// Words renderings of one remark write for one another: homophones a transcript confuses
/// ("They're just allies" and "there are just allies" are one spoken sentence), and relative
/// pronouns, which translators and house styles exchange ("a provocation which reduces" and
/// "a provocation that reduces" render one Russian clause). A change between two of a group
/// is no misquotation on its own.
const INTERCHANGEABLE: &[&[&str]] =
    &[&["there", "their", "they"], &["your", "you"], &["that", "which", "who", "whom"]];

/// Titles a writer's house style puts before a name ("Mr Putin", "President Putin" for "Putin
/// chose this war"): added, dropped or exchanged for one another right before a word the record
/// has, no misquotation on their own.
const HOUSE_TITLES: &[&str] =
    &["mr", "mrs", "ms", "dr", "president", "prime", "minister", "chancellor", "secretary"];

// Harvest: occasions and the names of people quoted without a record (quotelint-core's extract::harvest).

/// Phrases that open a statement's occasion, read in lower case: the occasion is the phrase
/// after the preposition, up to punctuation, a date or a clause word.
const OCCASION_OPENERS: &[&str] = &[
    "in an interview",
    "in a speech",
    "in an address",
    "in a lecture",
    "in a statement",
    "in an op-ed",
    "in a letter",
    "in a television interview",
    "in a radio interview",
    "at a press conference",
    "at a news conference",
    "at a joint press conference",
    "at a joint news conference",
    "at a briefing",
    "at his weekly briefing",
    "at her weekly briefing",
    "at the weekly briefing",
    "at a meeting",
    "during a visit",
    "during a press conference",
    "during a news conference",
    "during a meeting",
    "at the",
];

/// Words that end an occasion's phrase.
const OCCASION_STOPS: &[&str] = &[
    "on", "that", "when", "where", "after", "before", "as", "while", "which", "who", "and", "but", "last",
    "this", "earlier", "later", "said", "told", "says", "the day", "in which",
];

/// Titles a name may follow ("Prime Minister Anna Kowalczyk"): left out of the name.
const NAME_TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Secretary",
    "General",
    "Chancellor",
    "Ambassador",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Professor",
    "Prof.",
    "Admiral",
    "Adm.",
    "Gen.",
    "Colonel",
    "Col.",
    "Lt.",
    "Deputy",
    "Vice",
    "Chief",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Former",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Commissioner",
    "Governor",
    "Mayor",
    "Director",
    "Analyst",
    "Envoy",
];

/// Capitalized words that make a run of them no person's name: bodies, places, days, months,
/// sentence openers.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "And",
    "But",
    "Or",
    "As",
    "According",
    "Asked",
    "Speaking",
    "Writing",
    "House",
    "Kremlin",
    "Ministry",
    "Department",
    "Office",
    "Council",
    "Commission",
    "Government",
    "Parliament",
    "Congress",
    "Senate",
    "Alliance",
    "Union",
    "Agency",
    "Embassy",
    "Times",
    "Post",
    "Press",
    "News",
    "Institute",
    "University",
    "Centre",
    "Center",
    "Foundation",
    "Committee",
    "Party",
    "Army",
    "Forces",
    "Command",
    "Pentagon",
    "Service",
    "Bureau",
    "Journal",
    "Review",
    "Affairs",
    "Agreement",
    "Treaty",
    "Act",
    "Summit",
    "Conference",
    "States",
    "Kingdom",
    "Republic",
    "Federation",
    "Nations",
    "Organization",
    "Organisation",
    "Group",
    "Association",
    "Company",
    "Corporation",
    "Network",
    "Radio",
    "Television",
    "Magazine",
    "Statement",
    "Square",
    "Street",
    "Hall",
    "Palace",
    "Building",
    "Court",
    "Bank",
    "Fund",
    "Daily",
    "Weekly",
    "Herald",
    "Tribune",
    "Gazette",
    "Telegraph",
    "Guardian",
    "Observer",
    "Economist",
];

/// Particles that may stand inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] =
    &["de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "ibn"];

// Sentences: abbreviations whose period ends no sentence (quotelint-core's extract::sentences).

/// Words whose trailing period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt",
    "prof", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ed", "eds", "pp", "p", "vol", "cf", "e.g", "i.e", "u.s", "u.k", "u.n", "d.c", "etc", "approx", "fig",
    "inc", "ltd", "co",
];

// Dates: month abbreviations, near-months and other languages' date words (quotelint-core's
// extract::dates).

/// Abbreviations of the months' names, each with its month's number.
const MONTH_ABBREVIATIONS: &[(&str, u8)] = &[
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

/// Month names of other languages a letter or two from an English one: words, not misspellings,
/// in a date written in their language ("am 27. Februar 2022", "le 24 Février 2022", "el 24 de
/// Febrero de 2022"); in an English date ("On 7 Januar 2022") a misspelling of the English month.
/// German, Dutch, French, Spanish, Italian and Portuguese.
const OTHER_LANGUAGES_MONTHS: &[&str] = &[
    "Januar",
    "Februar",
    "März",
    "Juni",
    "Juli",
    "Oktober",
    "Dezember",
    "Januari",
    "Februari",
    "Maart",
    "Augustus",
    "Janvier",
    "Février",
    "Avril",
    "Juillet",
    "Septembre",
    "Octobre",
    "Novembre",
    "Décembre",
    "Enero",
    "Febrero",
    "Marzo",
    "Abril",
    "Junio",
    "Julio",
    "Agosto",
    "Septiembre",
    "Setiembre",
    "Octubre",
    "Noviembre",
    "Diciembre",
    "Gennaio",
    "Febbraio",
    "Aprile",
    "Giugno",
    "Luglio",
    "Settembre",
    "Ottobre",
    "Dicembre",
    "Janeiro",
    "Fevereiro",
    "Março",
    "Junho",
    "Julho",
    "Setembro",
    "Outubro",
    "Dezembro",
];

/// Words that lead a date in another language ("am", "le", "el") or join its parts ("de").
const OTHER_LANGUAGES_DATE_WORDS: &[&str] = &[
    "am", "vom", "im", "bis", "seit", "zum", "ab", "le", "du", "au", "depuis", "el", "del", "de", "desde",
    "il", "dal", "al", "nel", "op", "em", "no", "do",
];

// Dates: the names of months and days (quotelint-record's date, read by articles' dates and written in
// messages).

/// Month names, January first.
const MONTHS: &[&str; 12] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day names, Sunday first (1 January 1970 was a Thursday: index 4).
const WEEKDAYS: &[&str; 7] = &["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// Names: auxiliaries of a passive event name (quotelint-record's names).

/// The auxiliaries of a passive event name ("was dissolved"), after which an adverb of the
/// text is passed over ("was formally dissolved", "is officially dissolved").
const PASSIVE_EVENT_AUXILIARIES: &[&str] = &["was", "were", "is", "are", "been", "be"];

// Validation: speech verbs a reporter writes beside a name, refused in a quotation's text
// (quotelint-core's record::validate).

/// Verbs that attribute speech, as a reporter writes them next to the speaker's name.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "stressed",
    "noted",
    "declared",
    "stated",
    "explained",
    "insisted",
    "warned",
    "wrote",
    "told",
    "tells",
    "continued",
    "emphasized",
    "emphasised",
    "underlined",
];

// Folding: contractions and British spellings (quotelint-text's normalize).

/// Contractions and what they stand for; all but [`UNMARKED`] are written with an apostrophe.
const CONTRACTIONS: &[(&str, &str)] = &[
    ("won't", "will not"),
    ("can't", "can not"),
    ("cannot", "can not"),
    ("shan't", "shall not"),
    ("ain't", "is not"),
    ("let's", "let us"),
    ("it's", "it is"),
    ("that's", "that is"),
    ("there's", "there is"),
    ("what's", "what is"),
    ("he's", "he is"),
    ("she's", "she is"),
];

/// The contractions written without an apostrophe.
const UNMARKED: &[&str] = &["cannot"];

/// Endings that contract a word after the word they follow ("don't", "they're"), and what they
/// stand for.
const CONTRACTION_SUFFIXES: &[(&str, &str)] =
    &[("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'m", " am"), ("'d", " would")];

/// British spellings mapped to American ones, for words that occur in this kind of writing.
const AMERICAN: &[(&str, &str)] = &[
    ("centimetre", "centimeter"),
    ("centimetres", "centimeters"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("licence", "license"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("centre", "center"),
    ("centres", "centers"),
    ("theatre", "theater"),
    ("honour", "honor"),
    ("honoured", "honored"),
    ("favour", "favor"),
    ("favourable", "favorable"),
    ("labour", "labor"),
    ("behaviour", "behavior"),
    ("neighbour", "neighbor"),
    ("neighbours", "neighbors"),
    ("neighbouring", "neighboring"),
    ("colour", "color"),
    ("endeavour", "endeavor"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("organise", "organize"),
    ("organised", "organized"),
    ("recognise", "recognize"),
    ("recognised", "recognized"),
    ("realise", "realize"),
    ("realised", "realized"),
    ("emphasise", "emphasize"),
    ("emphasised", "emphasized"),
    ("apologise", "apologize"),
    ("characterise", "characterize"),
    ("destabilise", "destabilize"),
    ("destabilising", "destabilizing"),
    ("stabilise", "stabilize"),
    ("militarise", "militarize"),
    ("legitimise", "legitimize"),
    ("analyse", "analyze"),
    ("travelled", "traveled"),
    ("counselled", "counseled"),
    ("judgement", "judgment"),
    ("sceptical", "skeptical"),
    ("grey", "gray"),
    ("towards", "toward"),
    ("afterwards", "afterward"),
    ("whilst", "while"),
    ("amongst", "among"),
];

// Blockquotes: the labels of a callout (quotelint-core's extract::blockquotes).

/// Labels that make a blockquote a callout, not a quotation ("> **Note:** …"): compared in
/// lower case with what comes before its first colon.
const CALLOUT_LABELS: &[&str] = &[
    "note",
    "warning",
    "tip",
    "important",
    "caution",
    "update",
    "correction",
    "editor's note",
    "disclaimer",
];

/// The English lexicon.
pub static ENGLISH: Lexicon = Lexicon {
    speech_verbs: SPEECH_VERBS,
    speech_nouns: SPEECH_NOUNS,
    role_words: ROLE_WORDS,
    pronouns: PRONOUNS,
    person_pronouns: PERSON_PRONOUNS,
    person_object_pronouns: PERSON_OBJECT_PRONOUNS,
    list_conjunctions: LIST_CONJUNCTIONS,
    speaking_places: SPEAKING_PLACES,
    interview_nouns: INTERVIEW_NOUNS,
    role_title_joiners: ROLE_TITLE_JOINERS,
    appositive_fillers: APPOSITIVE_FILLERS,
    cue_lead_fillers: CUE_LEAD_FILLERS,
    prepositions: PREPOSITIONS,
    sentence_connectives: SENTENCE_CONNECTIVES,
    setting_openers: SETTING_OPENERS,
    clause_openers: CLAUSE_OPENERS,
    aside_openers: ASIDE_OPENERS,
    aside_verbs: ASIDE_VERBS,
    relative_pronouns: RELATIVE_PRONOUNS,
    clause_conjunctions: CLAUSE_CONJUNCTIONS,
    verb_conjunctions: VERB_CONJUNCTIONS,
    verb_adverbs: VERB_ADVERBS,
    time_units: TIME_UNITS,
    relative_after: RELATIVE_AFTER,
    relative_before: RELATIVE_BEFORE,
    relative_words: RELATIVE_WORDS,
    debunk_phrases: DEBUNK_PHRASES,
    denial_openings: DENIAL_OPENINGS,
    date_capitals: DATE_CAPITALS,
    quoting_verbs: QUOTING_VERBS,
    characterizing_verbs: CHARACTERIZING_VERBS,
    passive_auxiliaries: PASSIVE_AUXILIARIES,
    occasion_nouns: OCCASION_NOUNS,
    occasion_determiners: OCCASION_DETERMINERS,
    occasion_relatives: OCCASION_RELATIVES,
    outlet_nouns: OUTLET_NOUNS,
    term_leads: TERM_LEADS,
    named_as_verbs: NAMED_AS_VERBS,
    naming_verbs: NAMING_VERBS,
    naming_pronouns: NAMING_PRONOUNS,
    presenting_openers: PRESENTING_OPENERS,
    dash_title_joiners: DASH_TITLE_JOINERS,
    event_verbs: EVENT_VERBS,
    event_finite_verbs: EVENT_FINITE_VERBS,
    event_clause_verbs: EVENT_CLAUSE_VERBS,
    not_action_verbs: NOT_ACTION_VERBS,
    event_participation_verbs: EVENT_PARTICIPATION_VERBS,
    event_auxiliaries: EVENT_AUXILIARIES,
    event_relative_pronouns: EVENT_RELATIVE_PRONOUNS,
    articles: ARTICLES,
    determiners: DETERMINERS,
    time_relations: TIME_RELATIONS,
    place_prepositions: PLACE_PREPOSITIONS,
    place_words: PLACE_WORDS,
    object_prepositions: OBJECT_PREPOSITIONS,
    event_date_prepositions: EVENT_DATE_PREPOSITIONS,
    simultaneity_openers: SIMULTANEITY_OPENERS,
    topic_words: TOPIC_WORDS,
    clause_date_prepositions: CLAUSE_DATE_PREPOSITIONS,
    subject_stops: SUBJECT_STOPS,
    speaker_headers: SPEAKER_HEADERS,
    date_headers: DATE_HEADERS,
    reference_sections: REFERENCE_SECTIONS,
    news_outlets: NEWS_OUTLETS,
    outlet_cues: OUTLET_CUES,
    book_nouns: BOOK_NOUNS,
    title_lower_words: TITLE_LOWER_WORDS,
    author_leads: AUTHOR_LEADS,
    work_leads: WORK_LEADS,
    outlet_works: OUTLET_WORKS,
    own_reporting: OWN_REPORTING,
    stopwords: STOPWORDS,
    interchangeable: INTERCHANGEABLE,
    house_titles: HOUSE_TITLES,
    occasion_openers: OCCASION_OPENERS,
    occasion_stops: OCCASION_STOPS,
    name_titles: NAME_TITLES,
    not_names: NOT_NAMES,
    particles: PARTICLES,
    abbreviations: ABBREVIATIONS,
    month_abbreviations: MONTH_ABBREVIATIONS,
    not_months: NOT_MONTHS,
    other_languages_months: OTHER_LANGUAGES_MONTHS,
    other_languages_date_words: OTHER_LANGUAGES_DATE_WORDS,
    months: MONTHS,
    weekdays: WEEKDAYS,
    passive_event_auxiliaries: PASSIVE_EVENT_AUXILIARIES,
    adverb_suffix: "ly",
    reporting_verbs: REPORTING_VERBS,
    contractions: CONTRACTIONS,
    unmarked: UNMARKED,
    contraction_suffixes: CONTRACTION_SUFFIXES,
    american: AMERICAN,
    callout_labels: CALLOUT_LABELS,
};
