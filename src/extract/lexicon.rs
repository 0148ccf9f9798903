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
