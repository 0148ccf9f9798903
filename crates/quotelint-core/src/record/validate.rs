//! Checks that need the whole record: references between entries, dates, role spans, names.
//! Problems are collected, never returned early, so one run shows them all.

use std::collections::{HashMap, HashSet};

use quotelint_text::lexicon::lexicon;

use super::locate::Step;
use super::schema::*;
use super::{EntryRef, Problem, Record};
use crate::date::PartialDate;

/// Check codes an example may expect, besides `pass`.
pub const CHECK_CODES: &[&str] = &[
    "misattributed",
    "misdated",
    "misquoted",
    "unsourced",
    "misdated-event",
    "malformed-date",
    "unverified",
];

pub(crate) fn validate(record: &Record, problems: &mut Vec<Problem>) {
    let mut v = Validator { record, problems };
    for role in &record.roles {
        v.role(role);
    }
    for person in &record.people {
        v.person(person);
    }
    for q in &record.quotations {
        v.quotation(q);
    }
    let mut event_names: HashMap<String, (usize, &Event)> = HashMap::new();
    for event in &record.events {
        v.event(event, &mut event_names);
    }
    v.single_holders();
}

struct Validator<'a> {
    record: &'a Record,
    problems: &'a mut Vec<Problem>,
}

fn path(section: &'static str, origin: Origin, rest: &[Step]) -> Vec<Step> {
    let mut p = vec![Step::Key(section), Step::Index(origin.index)];
    p.extend_from_slice(rest);
    p
}

impl Validator<'_> {
    fn report(
        &mut self,
        origin: Origin,
        path: Vec<Step>,
        message: String,
        label: &str,
        help: Option<String>,
    ) {
        self.problems.push(Problem::at(origin.file, path).problem(message, label, help));
    }

    fn id(&mut self, section: &'static str, origin: Origin, id: &str) {
        let kebab = !id.is_empty()
            && id
                .split('-')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if !kebab {
            self.report(
                origin,
                path(section, origin, &[Step::Key("id")]),
                format!("id `{id}` is not kebab-case"),
                "not kebab-case",
                Some("ids are lower-case words and digits joined by single hyphens, e.g. `major-1991-03-not-strengthening-nato`".into()),
            );
        }
    }

    fn not_empty(&mut self, section: &'static str, origin: Origin, at: &[Step], what: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(origin, path(section, origin, at), format!("{what} is empty"), "empty", None);
        }
    }

    /// A language is an ISO 639-1 code: two lower-case letters.
    fn language(&mut self, section: &'static str, origin: Origin, language: Option<&str>) {
        let Some(code) = language else { return };
        if !(code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())) {
            self.report(
                origin,
                path(section, origin, &[Step::Key("language")]),
                format!("language `{code}` is not an ISO 639-1 code"),
                "not a language code",
                Some("write the two-letter code of the language the words were spoken in, e.g. `ru`, `de`, `en`".into()),
            );
        }
    }

    fn date(&mut self, section: &'static str, origin: Origin, at: &[Step], date: &RecordDate) {
        if let RecordDate::Invalid(_, e) = date {
            self.report(origin, path(section, origin, at), e.to_string(), "not a valid date", None);
        }
    }

    /// Each accepted date is a valid date with a source that names a publication or a URL,
    /// beside a main date (`dated`).
    fn accepted_dates(
        &mut self,
        section: &'static str,
        origin: Origin,
        dated: bool,
        accepted: &[AcceptedDate],
    ) {
        if !dated && !accepted.is_empty() {
            self.report(
                origin,
                path(section, origin, &[Step::Key("accepted_dates")]),
                "accepted dates without a `date`".into(),
                "no main date to add them to",
                Some("give the entry's main `date` first; an undated entry is never misdated".into()),
            );
        }
        for (i, a) in accepted.iter().enumerate() {
            let at = |rest: &[Step]| {
                let mut p = vec![Step::Key("accepted_dates"), Step::Index(i)];
                p.extend_from_slice(rest);
                path(section, origin, &p)
            };
            if let RecordDate::Invalid(_, e) = &a.date {
                self.report(origin, at(&[Step::Key("date")]), e.to_string(), "not a valid date", None);
            }
            let named = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
            let (place, message, label) = match &a.source {
                None => (at(&[]), "an accepted date without a `source`", "no source"),
                Some(s) if !named(&s.publication) && !named(&s.url) => (
                    at(&[Step::Key("source")]),
                    "an accepted date's source names nothing",
                    "no publication or url",
                ),
                Some(_) => continue,
            };
            self.report(
                origin,
                place,
                message.into(),
                label,
                Some(
                    "give the publication or URL that documents this date (`source: {publication, url}`)"
                        .into(),
                ),
            );
        }
    }

    fn examples(&mut self, section: &'static str, origin: Origin, examples: &[Example]) {
        for (i, ex) in examples.iter().enumerate() {
            self.not_empty(
                section,
                origin,
                &[Step::Key("examples"), Step::Index(i), Step::Key("text")],
                "example text",
                &ex.text,
            );
            let codes = &ex.expect.0;
            let bad: Vec<&String> = codes
                .iter()
                .filter(|c| {
                    !(CHECK_CODES.contains(&c.as_str()) || (c.as_str() == "pass" && codes.len() == 1))
                })
                .collect();
            if codes.is_empty() || !bad.is_empty() {
                let what = bad.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
                self.report(
                    origin,
                    path(section, origin, &[Step::Key("examples"), Step::Index(i), Step::Key("expect")]),
                    if codes.is_empty() {
                        "an example expects nothing".into()
                    } else {
                        format!("unknown expectation {what}")
                    },
                    "expected outcome",
                    Some(format!("write `pass`, or one or more of: {}", CHECK_CODES.join(", "))),
                );
            }
        }
    }

    fn role(&mut self, role: &Role) {
        self.id("roles", role.origin, &role.id);
        self.not_empty("roles", role.origin, &[Step::Key("title")], "role title", &role.title);
        for (i, phrase) in role.phrases.iter().enumerate() {
            self.not_empty(
                "roles",
                role.origin,
                &[Step::Key("phrases"), Step::Index(i)],
                "role phrase",
                phrase,
            );
        }
    }

    fn person(&mut self, person: &Person) {
        let o = person.origin;
        self.id("people", o, &person.id);
        self.not_empty("people", o, &[Step::Key("name")], "name", &person.name);
        self.language("people", o, person.language.as_deref());
        for (i, alias) in person.aliases.iter().enumerate() {
            self.not_empty("people", o, &[Step::Key("aliases"), Step::Index(i)], "alias", alias);
        }
        for (i, body) in person.part_of.iter().enumerate() {
            let at = [Step::Key("part_of"), Step::Index(i)];
            match self.record.person(body) {
                Some(b)
                    if b.kind == SpeakerKind::Organization && person.kind == SpeakerKind::Organization => {}
                Some(_) => self.report(
                    o,
                    path("people", o, &at),
                    format!("`part_of` joins two organizations; `{}` or `{body}` is not one", person.id),
                    "not an organization",
                    None,
                ),
                None => self.report(
                    o,
                    path("people", o, &at),
                    format!("unknown organization `{body}`"),
                    "no organization has this id",
                    suggest(body, self.record.people.iter().map(|p| p.id.as_str())),
                ),
            }
        }
        for (i, span) in person.roles.iter().enumerate() {
            let at = |k: &'static str| [Step::Key("roles"), Step::Index(i), Step::Key(k)];
            if self.record.role(&span.role).is_none() {
                self.report(
                    o,
                    path("people", o, &at("role")),
                    format!("unknown role `{}`", span.role),
                    "no role has this id",
                    suggest(&span.role, self.record.roles.iter().map(|r| r.id.as_str())),
                );
            }
            for (key, date) in [("from", span.from.as_ref()), ("at", span.at.as_ref())] {
                if let Some(d) = date {
                    self.date("people", o, &at(key), d);
                }
            }
            if let Some(SpanEnd::Date(d)) = &span.to {
                self.date("people", o, &at("to"), d);
            }
            if span.at.is_some() && (span.from.is_some() || span.to.is_some()) {
                self.report(
                    o,
                    path("people", o, &at("at")),
                    "a role span has both `at` and `from`/`to`".into(),
                    "give one or the other",
                    Some("`at` is for a date at which the role was held when the span is unknown".into()),
                );
            }
            if let (Some(from), Some(SpanEnd::Date(to))) =
                (span.from.as_ref().and_then(RecordDate::valid), &span.to)
            {
                if let Some(to) = to.valid() {
                    if to.certainly_cmp(&from) == Some(std::cmp::Ordering::Less) {
                        self.report(
                            o,
                            path("people", o, &at("to")),
                            format!("role `{}` ends ({to}) before it starts ({from})", span.role),
                            "ends before the start",
                            None,
                        );
                    }
                }
            }
        }
    }

    /// The entry's source and its accepted dates' sources are citations to suggest.
    fn sources(
        &mut self,
        section: &'static str,
        origin: Origin,
        source: Option<&Source>,
        accepted: &[AcceptedDate],
    ) {
        self.citable(section, origin, &[Step::Key("source")], source);
        for (i, a) in accepted.iter().enumerate() {
            let at = [Step::Key("accepted_dates"), Step::Index(i), Step::Key("source")];
            self.citable(section, origin, &at, a.source.as_ref());
        }
    }

    /// A suggested citation (`source`, an accepted date's source) is not a mirror, a forum, a
    /// blog or an advocacy site: an editor is told to cite it.
    fn citable(&mut self, section: &'static str, origin: Origin, at: &[Step], source: Option<&Source>) {
        let Some((site, what)) = source.and_then(|s| s.url.as_deref()).and_then(super::citable::not_citable)
        else {
            return;
        };
        let mut at = at.to_vec();
        at.push(Step::Key("url"));
        self.report(
            origin,
            path(section, origin, &at),
            format!("the suggested citation is {what} ({site}), which an editor should not cite"),
            "not a citation to suggest",
            Some("name the original publication in `source` (with its own URL if you have one), and keep this page in `provenance`".into()),
        );
    }

    fn quotation(&mut self, q: &Quotation) {
        let o = q.origin;
        self.id("quotations", o, &q.id);
        self.language("quotations", o, q.language.as_deref());
        if q.speaker.0.is_empty() {
            self.report(
                o,
                path("quotations", o, &[Step::Key("speaker")]),
                "no speaker given".into(),
                "empty",
                None,
            );
        }
        let single = q.speaker.0.len() == 1;
        for (i, speaker) in q.speaker.0.iter().enumerate() {
            let at: &[Step] =
                if single { &[Step::Key("speaker")] } else { &[Step::Key("speaker"), Step::Index(i)] };
            match self.record.get(speaker) {
                Some(EntryRef::Person(_)) => {}
                Some(other) => self.report(
                    o,
                    path("quotations", o, at),
                    format!("speaker `{speaker}` is a {}, not a person", other.kind()),
                    "not a person id",
                    None,
                ),
                None => self.report(
                    o,
                    path("quotations", o, at),
                    format!("unknown speaker `{speaker}`"),
                    "no person has this id",
                    suggest(speaker, self.record.people.iter().map(|p| p.id.as_str()))
                        .or_else(|| Some("add the person under `people:`; `quotelint rules show ID` shows a person of the record in full".into())),
                ),
            }
        }
        self.not_empty("quotations", o, &[Step::Key("text")], "quotation text", &q.text);
        for (i, v) in q.variants.iter().enumerate() {
            self.not_empty(
                "quotations",
                o,
                &[Step::Key("variants"), Step::Index(i)],
                "variant text",
                &v.text,
            );
        }
        self.reporters_words(q);
        if let Some(d) = &q.date {
            self.date("quotations", o, &[Step::Key("date")], d);
        }
        self.accepted_dates("quotations", o, q.date.is_some(), &q.accepted_dates);
        self.sources("quotations", o, q.source.as_ref(), &q.accepted_dates);
        self.examples("quotations", o, &q.examples);
    }

    /// A text or variant that says of its own speaker that they spoke ("… Maria Zakharova said
    /// on Wednesday"): a reporter's words, which an article quoting the report would match.
    fn reporters_words(&mut self, q: &Quotation) {
        let names =
            Names::new(
                q.speaker.0.iter().filter_map(|id| self.record.person(id)).flat_map(|p| {
                    std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str))
                }),
            );
        let texts = std::iter::once((vec![Step::Key("text")], &q.text)).chain(
            q.variants
                .iter()
                .enumerate()
                .map(|(i, v)| (vec![Step::Key("variants"), Step::Index(i), Step::Key("text")], &v.text)),
        );
        for (at, text) in texts {
            if let Some(cue) = speech_cue(text, &names) {
                self.report(
                    q.origin,
                    path("quotations", q.origin, &at),
                    format!("the text says of its own speaker “{cue}”: a reporter's words, not the speaker's"),
                    "reporter's words",
                    Some("keep only the speaker's own words; who spoke and when belong in `speaker`, `date` and `occasion`, and a report's own sentence in `provenance`".into()),
                );
            }
        }
    }

    fn event<'e>(&mut self, event: &'e Event, names: &mut HashMap<String, (usize, &'e Event)>) {
        let o = event.origin;
        self.id("events", o, &event.id);
        self.not_empty("events", o, &[Step::Key("name")], "event name", &event.name);
        self.date("events", o, &[Step::Key("date")], &event.date);
        self.accepted_dates("events", o, true, &event.accepted_dates);
        self.sources("events", o, event.source.as_ref(), &event.accepted_dates);
        if event.names.is_empty() {
            self.report(
                o,
                path("events", o, &[Step::Key("names")]),
                format!("event `{}` has no `names`", event.id),
                "empty",
                Some("list what writers call the event, so that quotelint can find it in articles".into()),
            );
        }
        // Each phrasing (a subject and a predicate) is a name too, located at its subject.
        let mut all: Vec<(Vec<Step>, std::borrow::Cow<str>)> = event
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| (vec![Step::Key("names"), Step::Index(i)], std::borrow::Cow::Borrowed(n.as_str())))
            .collect();
        if let Some(p) = &event.phrasings {
            for (list, words) in [("subjects", &p.subjects), ("predicates", &p.predicates)] {
                let at = [Step::Key("phrasings"), Step::Key(list)];
                if words.is_empty() {
                    self.report(
                        o,
                        path("events", o, &at),
                        format!("event `{}` has phrasings with no {list}", event.id),
                        "empty",
                        Some(
                            "list who did it (`subjects`) and what writers say they did (`predicates`)"
                                .into(),
                        ),
                    );
                }
                for (i, w) in words.iter().enumerate() {
                    self.not_empty("events", o, &[at[0], at[1], Step::Index(i)], "phrasing", w);
                }
            }
            for (si, subject) in p.subjects.iter().enumerate() {
                for predicate in &p.predicates {
                    let at = vec![Step::Key("phrasings"), Step::Key("subjects"), Step::Index(si)];
                    all.push((at, std::borrow::Cow::Owned(format!("{subject} {predicate}"))));
                }
            }
        }
        for (i, (at, name)) in all.iter().enumerate() {
            let name = name.as_ref();
            if matches!(at.first(), Some(Step::Key("names"))) {
                self.not_empty("events", o, at, "event name", name);
            }
            let key = name.trim().to_lowercase();
            match names.get(&key) {
                Some((_, other)) if other.id != event.id => {
                    let other_id = other.id.clone();
                    self.report(
                        o,
                        path("events", o, at),
                        format!("the name \"{name}\" already belongs to event `{other_id}`"),
                        "name used twice",
                        Some("a name must lead to one event; make this one more specific".into()),
                    );
                }
                _ => {
                    names.insert(key, (i, event));
                }
            }
        }
        self.examples("events", o, &event.examples);
    }

    /// Two people holding a single-holder role over days both spans certainly cover.
    fn single_holders(&mut self) {
        let mut holders: HashMap<&str, Vec<(&Person, usize, Core)>> = HashMap::new();
        for person in &self.record.people {
            for (i, span) in person.roles.iter().enumerate() {
                let single = self.record.role(&span.role).is_some_and(|r| r.single_holder);
                if let (true, Some(core)) = (single, certain_core(span)) {
                    holders.entry(span.role.as_str()).or_default().push((person, i, core));
                }
            }
        }
        let mut roles: Vec<_> = holders.into_iter().collect();
        roles.sort_by_key(|(role, _)| *role);
        for (role, spans) in roles {
            for (a, (pa, ia, (fa, ta))) in spans.iter().enumerate() {
                for (pb, ib, (fb, tb)) in &spans[a + 1..] {
                    if pa.id == pb.id {
                        continue;
                    }
                    // The days both spans certainly cover: from the later start to the earlier end.
                    let start = fa.latest().max(fb.latest());
                    let end = match (ta, tb) {
                        (Some(x), Some(y)) => Some(x.earliest().min(y.earliest())),
                        (Some(x), None) | (None, Some(x)) => Some(x.earliest()),
                        (None, None) => None,
                    };
                    if end.is_none_or(|end| start < end) {
                        let o = pb.origin;
                        let other = (
                            pa.origin.file,
                            path("people", pa.origin, &[Step::Key("roles"), Step::Index(*ia)]),
                            "correct one of the spans, or make the role not `single_holder`; the other span is at",
                        );
                        self.problems.push(
                            Problem::at(o.file, path("people", o, &[Step::Key("roles"), Step::Index(*ib)]))
                                .problem_with(
                                    format!(
                                        "`{}` and `{}` both hold single-holder role `{role}` at once",
                                        pa.id, pb.id
                                    ),
                                    "overlaps another holder's span",
                                    None,
                                    other,
                                ),
                        );
                    }
                }
            }
        }
    }
}

/// A span's start and end, `None` for a role still held.
type Core = (PartialDate, Option<PartialDate>);

/// The span's start and end (`None` = still held) when both are known; the days it certainly
/// covers run from the start's latest day to the end's earliest day.
fn certain_core(span: &RoleSpan) -> Option<Core> {
    if let Some(at) = span.at.as_ref().and_then(RecordDate::valid) {
        return Some((at, Some(at)));
    }
    let from = span.from.as_ref()?.valid()?;
    match span.to.as_ref()? {
        SpanEnd::Present => Some((from, None)),
        SpanEnd::Date(d) => Some((from, Some(d.valid()?))),
    }
}

const SPEECH_VERBS: &[&str] = lexicon().reporting_verbs;

/// Whether `text` says of a speaker called by one of `names` that they spoke ("…, Lavrov
/// said on Tuesday"), as validation refuses in a quotation's text.
pub(crate) fn has_reporters_words<'a>(text: &str, names: impl IntoIterator<Item = &'a str>) -> bool {
    speech_cue(text, &Names::new(names)).is_some()
}

/// A speaker's names, to find them next to speech verbs in time linear in the text however
/// many aliases a record gives (a hostile record may give thousands).
struct Names<'a> {
    set: HashSet<&'a str>,
    /// The most words in one name.
    longest: usize,
}

impl<'a> Names<'a> {
    fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let set: HashSet<&str> = names.into_iter().map(str::trim).filter(|n| !n.is_empty()).collect();
        // Longer names could never match the capped window below anyway.
        let longest = set.iter().map(|n| words(n).count()).max().unwrap_or(0).min(8);
        Names { set, longest }
    }
}

/// A character of a word, as names and verbs are cut from a text.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// The byte ranges of the words of `text`.
fn words(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// The first place where one of `names` stands right before a speech verb ("Zakharova said"),
/// or right after one that is not "told"/"tells" ("said Zakharova"; "told Zakharova" makes her
/// the listener), with only spaces between: the cue as written. Names match whole words, with
/// their case; verbs ignore case.
fn speech_cue<'t>(text: &'t str, names: &Names) -> Option<&'t str> {
    if names.set.is_empty() {
        return None;
    }
    let spans: Vec<std::ops::Range<usize>> = words(text).collect();
    let spaced =
        |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| text[a.end..b.start].trim().is_empty();
    for (i, verb) in spans.iter().enumerate() {
        let word = &text[verb.clone()];
        if !SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word)) {
            continue;
        }
        // "… Maria Zakharova said": the name's words end right before the verb (the longest
        // name first).
        if i > 0 && spaced(&spans[i - 1], verb) {
            for k in (1..=names.longest.min(i)).rev() {
                if names.set.contains(&text[spans[i - k].start..spans[i - 1].end]) {
                    return Some(&text[spans[i - k].start..verb.end]);
                }
            }
        }
        // "… said Zakharova": the name's words start right after it.
        let listener = word.eq_ignore_ascii_case("told") || word.eq_ignore_ascii_case("tells");
        if !listener && i + 1 < spans.len() && spaced(verb, &spans[i + 1]) {
            for k in (1..=names.longest.min(spans.len() - i - 1)).rev() {
                if names.set.contains(&text[spans[i + 1].start..spans[i + k].end]) {
                    return Some(&text[verb.start..spans[i + k].end]);
                }
            }
        }
    }
    None
}

/// "did you mean" for a mistyped id: the closest known id within a small edit distance.
pub(crate) fn suggest<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    let best = known.map(|k| (edit_distance(wrong, k), k)).filter(|(d, k)| *d <= 2.max(k.len() / 4)).min()?;
    Some(format!("did you mean `{}`?", best.1))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_cues_about_the_speaker_are_found() {
        let names = Names::new(["Maria Zakharova", "Zakharova"]);
        let lead =
            "a destabilizing factor, Russian Foreign Ministry spokeswoman Maria Zakharova said on Wednesday.";
        assert_eq!(speech_cue(lead, &names), Some("Maria Zakharova said"));
        assert_eq!(speech_cue("a destabilizing factor,” said Zakharova.", &names), Some("said Zakharova"));
        assert_eq!(speech_cue("Zakharova STRESSED it", &names), Some("Zakharova STRESSED"));
        // The speaker named without a speech verb, as a listener, or inside a longer word: no cue.
        for fine in [
            "So don't portray Zakharova as naive,",
            "Lavrov told Zakharova nothing.",
            "Zakharovas said so.",
            "the Zakharova-said line",
            "We said nothing.",
        ] {
            assert_eq!(speech_cue(fine, &names), None, "{fine}");
        }
        assert_eq!(speech_cue("Wörner said", &Names::new(["Wörner"])), Some("Wörner said"));
        assert_eq!(
            speech_cue("Antony J. Blinken said", &Names::new(["Antony J. Blinken"])),
            Some("Antony J. Blinken said")
        );
        assert_eq!(speech_cue("anything said", &Names::new([""])), None);
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["gorbachev", "stoltenberg-jens", "stoltenberg-gerhard"];
        assert_eq!(suggest("gorbachov", ids.into_iter()).as_deref(), Some("did you mean `gorbachev`?"));
        assert_eq!(suggest("putin", ids.into_iter()), None);
    }
}
