//! The English words extraction reads by: speech verbs and nouns, role words, pronouns and the
//! fillers that may stand between a name and its cue. Data, kept in one place, so that another
//! article language is a new lexicon rather than edits across the readers.

use std::sync::LazyLock;

use crate::normalize::WordSet;

/// Words that introduce or follow what someone said.
pub(super) const SPEECH_VERBS: &[&str] = &[
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
    "replied",
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
    "continued",
    "reads",
    "read",
    "put",
    "testified",
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
];

/// Nouns after a possessive that make it a speech cue: "Baker's assurance", "in Putin's words".
pub(super) const SPEECH_NOUNS: &[&str] = &[
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
    "warning",
    "view",
];

/// Role words that make a clause about the speaker's office, not about when they spoke.
pub(super) const ROLE_WORDS: &[&str] = &[
    "ambassador",
    "minister",
    "secretary",
    "president",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
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
pub(super) const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];
pub(super) const PERSON_PRONOUNS: &[&str] = &["he", "she"];
/// Words that may stand between a name and a role describing it ("Talbott, later deputy ...").
pub(super) const APPOSITIVE_FILLERS: &[&str] =
    &["the", "a", "an", "then", "later", "former", "now", "at", "time"];
/// Words that may stand between a quotation and the cue after it ("…," the former minister said).
pub(super) const CUE_LEAD_FILLERS: &[&str] = &["the", "a", "then", "former", "he", "she"];

/// Every word any cue test looks for, built from the lists the tests use, so a word added to
/// one of them is never missing here: the list, the same as a set (a word's [`Word::kw`] number
/// is 1 + its position), and which lists each is in (a bit per [`CueList`]), so that a cue test
/// is one table lookup.
pub(super) static KEYWORDS: LazyLock<(Vec<&'static str>, WordSet, Vec<u8>)> = LazyLock::new(|| {
    let lists: [&[&'static str]; 6] =
        [SPEECH_VERBS, SPEECH_NOUNS, ROLE_WORDS, PRONOUNS, APPOSITIVE_FILLERS, CUE_LEAD_FILLERS];
    let mut all: Vec<&'static str> = lists.iter().flat_map(|l| l.iter()).copied().collect();
    all.sort_unstable();
    all.dedup();
    let set = WordSet::new(all.iter().map(|&w| std::borrow::Cow::Borrowed(w)));
    let member = all
        .iter()
        .map(|w| {
            lists.iter().enumerate().filter(|(_, l)| l.contains(w)).fold(0, |bits, (i, _)| bits | 1 << i)
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
}

/// The [`Word::kw`] number of a word (0 for none).
pub(super) fn keyword(word: &str) -> u16 {
    KEYWORDS.1.position(word).map_or(0, |i| i as u16 + 1)
}

/// Table headers (lower case) of a column that names the speaker of its row's quotation.
pub(super) const SPEAKER_HEADERS: &[&str] =
    &["who", "speaker", "speakers", "said by", "quoted", "person", "who said it"];
/// Table headers (lower case) of a column that dates its row's quotation.
pub(super) const DATE_HEADERS: &[&str] = &["when", "date", "said on", "date said"];

/// Section headings (lower case) whose list items are references: quoted titles in them are
/// not speech.
pub(super) const REFERENCE_SECTIONS: &[&str] = &[
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
pub(super) const NEWS_OUTLETS: &[&str] = &[
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
];

/// Words before an outlet's name that make it the source of a report: "according to Reuters",
/// "Lavrov told Interfax", "said in an interview with Der Spiegel", "quoted by TASS".
pub(super) const OUTLET_CUES: &[&str] = &[
    "according to",
    "told",
    "telling",
    "in an interview with",
    "in an interview to",
    "interviewed by",
    "quoted by",
    "reported by",
    "speaking to",
    "said to",
    "wrote in",
    "writing in",
];

/// Phrases by which a newsroom marks its own reporting: "told this newspaper".
pub(super) const OWN_REPORTING: &[&str] = &[
    "told this newspaper",
    "told this paper",
    "told this reporter",
    "told this publication",
    "told this magazine",
    "told this website",
    "in an interview with this newspaper",
    "in an interview with this paper",
];
