//! The record: who said what, when, and where it is documented.
//!
//! Loading reads every file (the embedded default, then the user's), decodes each with serde,
//! merges entries by id (a user's entry replaces a default one with the same id) and validates
//! the whole. Every problem is collected and returned with its location; nothing stops at the
//! first.

mod citable;
mod entries;
mod error;
mod locate;
mod plain;
mod source;
mod validate;
pub(crate) use validate::has_reporters_words;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

pub use entries::Entries;
use entries::{Embedded, Entry, Pending};
pub use error::{line_col, Location, RecordError};
use locate::{Locator, Step};
pub use quotelint_record::schema;
pub use schema::*;
pub use source::not_yaml_text;
use source::LazyFile;
pub use source::{default_sources, user_source, Layer, RecordSource};

use crate::normalize::{self, Token};
use std::ops::Range;

/// The tokens of one of the record's texts, as [`normalize::tokens`] gives them: read from the
/// table made when quotelint was built for the default record's own texts (a one-article run
/// would otherwise spend a quarter of its time normalizing them), their words borrowed from it
/// rather than copied; normalized now for any other text.
pub fn tokens_of(text: &str) -> Vec<(Token<Cow<'static, str>>, Range<usize>)> {
    use source::{NORMALIZED_STRINGS as STRINGS, NORMALIZED_TEXTS as TEXTS, NORMALIZED_TOKENS as TOKENS};
    let span = |start: u32, end: u32| crate::prebuilt::span(STRINGS, (start, end));
    let Ok(i) = TEXTS.binary_search_by(|&(start, end, _, _)| span(start, end).cmp(text)) else {
        return normalize::cow_tokens(text);
    };
    let (_, _, first, last) = TEXTS[i];
    TOKENS[first as usize..last as usize]
        .iter()
        .map(|&(kind, start, end, word_start, word_end)| {
            let token = match kind {
                0 => Token::Word(Cow::Borrowed(span(word_start, word_end))),
                1 => Token::Gap,
                _ => Token::Wildcard,
            };
            (token, start as usize..end as usize)
        })
        .collect()
}

/// What the indexes read of the record: its entries, decoded as they are read, and its texts'
/// tokens, from the build's table where it has them ([`tokens_of`]).
impl quotelint_record::RecordView for Record {
    fn roles(&self) -> impl Iterator<Item = &Role> {
        self.roles.iter()
    }
    fn people(&self) -> impl Iterator<Item = &Person> {
        self.people.iter()
    }
    fn quotations(&self) -> impl Iterator<Item = &Quotation> {
        self.quotations.iter()
    }
    fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.iter()
    }
    fn tokens_of(&self, text: &str) -> Vec<(Token<Cow<'static, str>>, Range<usize>)> {
        tokens_of(text)
    }
}

/// How to load the record. A user's files are read by the caller (this library reads no
/// files) and handed to [`Record::load_with`] as [`RecordSource`]s ([`user_source`]).
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Include the record embedded in the binary.
    pub default: bool,
    /// Load only what checking articles reads, for a fast start: the embedded entries come
    /// without notes, provenance and examples ([`quotelint_record::prebuilt::Split`]), and the
    /// embedded record alone is not validated again (the test suite validates it; `quotelint
    /// rules validate` does on demand). A user's files are always decoded and validated in
    /// full. Either way the embedded entries are decoded only when read.
    pub for_checking: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { default: true, for_checking: false }
    }
}

/// A reference to an entry of any kind, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryRef {
    Role(usize),
    Person(usize),
    Quotation(usize),
    Event(usize),
}

impl EntryRef {
    pub fn kind(&self) -> &'static str {
        match self {
            EntryRef::Role(_) => "role",
            EntryRef::Person(_) => "person",
            EntryRef::Quotation(_) => "quotation",
            EntryRef::Event(_) => "event",
        }
    }
}

/// The loaded, validated record.
#[derive(Debug, Default)]
pub struct Record {
    pub sources: Vec<RecordSource>,
    pub roles: Entries<Role>,
    pub people: Entries<Person>,
    pub quotations: Entries<Quotation>,
    pub events: Entries<Event>,
    /// Looked up for every reference while loading: Fx, not SipHash, since ids are not
    /// attacker-chosen keys that could force collisions worth defending against at that cost.
    /// The embedded record's ids are borrowed from the binary.
    ids: rustc_hash::FxHashMap<Cow<'static, str>, EntryRef>,
}

impl Record {
    /// Loads and validates the record with no user files; on any problem, returns all of them.
    pub fn load(options: &LoadOptions) -> Result<Record, Vec<RecordError>> {
        Record::load_with(options, Vec::new(), Vec::new())
    }

    /// Loads and validates the record with a user's files, read by the caller, and the problems
    /// met reading them (returned with every other problem; the files read are still loaded).
    pub fn load_with(
        options: &LoadOptions,
        user: Vec<RecordSource>,
        mut errors: Vec<RecordError>,
    ) -> Result<Record, Vec<RecordError>> {
        let mut sources = if options.default { default_sources() } else { Vec::new() };
        sources.extend(user);
        let record = Record::build(sources, options.for_checking, &mut errors);
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }

    /// Decodes, merges and validates `sources`, appending every problem to `errors`.
    pub fn from_sources(sources: Vec<RecordSource>, errors: &mut Vec<RecordError>) -> Record {
        Record::build(sources, false, errors)
    }

    /// [`Record::from_sources`], or with [`LoadOptions::for_checking`]'s shortcuts.
    fn build(sources: Vec<RecordSource>, for_checking: bool, errors: &mut Vec<RecordError>) -> Record {
        let decode = |source: &RecordSource| decode(source, for_checking);
        let mut record = Record::default();
        let mut problems = Vec::new();
        // Decoding dominates loading and files are independent: decode them in parallel, then
        // merge in file order so that overrides and duplicate reports stay deterministic.
        use rayon::prelude::*;
        // Starting threads costs more than decoding a small record: only large records of YAML
        // go parallel (the embedded entries are decoded later, when read).
        let total: usize = sources.iter().filter(|s| s.entries.is_none()).map(|s| s.text.len()).sum();
        let decoded: Vec<Result<FileEntries, Vec<RecordError>>> = if sources.len() > 1 && total > 4 << 20 {
            sources.par_iter().map(decode).collect()
        } else {
            sources.iter().map(decode).collect()
        };
        let count = |section: u8| decoded.iter().flatten().map(|d| d.count(section)).sum::<usize>();
        record.roles.reserve(count(0));
        record.people.reserve(count(1));
        record.quotations.reserve(count(2));
        record.events.reserve(count(3));
        record.ids.reserve(record.quotations.capacity() + record.people.capacity());
        for (file, result) in decoded.into_iter().enumerate() {
            match result {
                Ok(decoded) => record.merge(file, sources[file].layer, decoded, &sources, &mut problems),
                Err(e) => errors.extend(e),
            }
        }
        record.sources = sources;
        if !(for_checking && record.sources.iter().all(|s| s.layer == Layer::Default)) {
            validate::validate(&record, &mut problems);
        }
        errors.extend(locate_problems(&record.sources, problems));
        errors.sort_by_key(|e| {
            e.location.as_ref().map(|l| (record.sources.iter().position(|s| s.name == l.file), l.span.start))
        });
        record
    }

    /// Adds one file's entries; a user entry replaces a default entry of the same kind and id.
    fn merge(
        &mut self,
        file: usize,
        layer: Layer,
        entries: FileEntries,
        sources: &[RecordSource],
        problems: &mut Vec<Problem>,
    ) {
        macro_rules! add {
            ($list:ident, $variant:ident, $section:literal, $entries:expr) => {
                for (index, (id, entry)) in $entries.enumerate() {
                    let origin = Origin { file, index };
                    match self.ids.get(&*id).copied() {
                        None => {
                            self.ids.insert(id, EntryRef::$variant(self.$list.len()));
                            self.$list.push(entry, origin);
                        }
                        Some(EntryRef::$variant(i)) if sources[self.$list.origin(i).file].layer < layer => {
                            self.$list.replace(i, entry, origin);
                        }
                        Some(existing) => {
                            let first = self.origin_of(existing);
                            let here = Problem::at(
                                file,
                                vec![Step::Key($section), Step::Index(index), Step::Key("id")],
                            );
                            problems.push(here.duplicate(&id, existing.kind(), first));
                        }
                    }
                }
            };
        }
        match entries {
            FileEntries::Decoded(d) => {
                add!(roles, Role, "roles", d.roles.into_iter().map(decoded));
                add!(people, Person, "people", d.people.into_iter().map(decoded));
                add!(quotations, Quotation, "quotations", d.quotations.into_iter().map(decoded));
                add!(events, Event, "events", d.events.into_iter().map(decoded));
            }
            FileEntries::Lazy { file, full } => {
                add!(roles, Role, "roles", lazy_section(file, 0, full));
                add!(people, Person, "people", lazy_section(file, 1, full));
                add!(quotations, Quotation, "quotations", lazy_section(file, 2, full));
                add!(events, Event, "events", lazy_section(file, 3, full));
            }
        }
    }

    fn origin_of(&self, entry: EntryRef) -> (Origin, &'static str) {
        match entry {
            EntryRef::Role(i) => (self.roles.origin(i), "roles"),
            EntryRef::Person(i) => (self.people.origin(i), "people"),
            EntryRef::Quotation(i) => (self.quotations.origin(i), "quotations"),
            EntryRef::Event(i) => (self.events.origin(i), "events"),
        }
    }

    /// Whether this is the record embedded in quotelint and nothing else, as it was built and
    /// unchanged since: what the prebuilt indexes were made from.
    pub fn is_embedded_default(&self) -> bool {
        let embedded = source::DEFAULT_RECORD;
        let changed = self.roles.changed()
            || self.people.changed()
            || self.quotations.changed()
            || self.events.changed();
        !changed
            && self.sources.len() == embedded.len()
            && self.sources.iter().zip(embedded).all(|(s, e)| s.layer == Layer::Default && s.name == e.name)
    }

    /// Any entry by id.
    pub fn get(&self, id: &str) -> Option<EntryRef> {
        self.ids.get(id).copied()
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        match self.get(id)? {
            EntryRef::Person(i) => Some(&self.people[i]),
            _ => None,
        }
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        match self.get(id)? {
            EntryRef::Role(i) => Some(&self.roles[i]),
            _ => None,
        }
    }

    /// Every id, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().map(|id| &**id)
    }

    /// Errors pointing at the `text` of examples: for each, the entry, the example's index, the
    /// message and the help. Each file is parsed and indexed once for all its errors: a record
    /// with thousands of failing examples must not parse its file for each.
    pub fn example_errors(
        &self,
        failures: Vec<(EntryRef, usize, String, Option<String>)>,
    ) -> Vec<RecordError> {
        let mut files: HashMap<usize, (Locator<'_>, Arc<error::SourceFile>)> = HashMap::new();
        let mut out = Vec::with_capacity(failures.len());
        for (entry, index, message, help) in failures {
            let (origin, section) = self.origin_of(entry);
            let source = &self.sources[origin.file];
            let (locator, file) = files.entry(origin.file).or_insert_with(|| {
                (Locator::new(&source.text), error::SourceFile::new(&source.name, Arc::from(&*source.text)))
            });
            let path = [
                Step::Key(section),
                Step::Index(origin.index),
                Step::Key("examples"),
                Step::Index(index),
                Step::Key("text"),
            ];
            out.push(RecordError::located_in(message, help, file, locator.locate(&path), "this example"));
        }
        out
    }

    /// One line per layer of the record (the embedded default, then the user's files): how many
    /// quotations and events it holds and a hash of its files' text, so that a CI log names the
    /// record that judged an article (`quotelint --version`).
    pub fn version_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for layer in [Layer::Default, Layer::User] {
            let files: Vec<&RecordSource> = self.sources.iter().filter(|s| s.layer == layer).collect();
            if files.is_empty() {
                continue;
            }
            let in_layer = |file: usize| self.sources[file].layer == layer;
            let quotations =
                (0..self.quotations.len()).filter(|&i| in_layer(self.quotations.origin(i).file)).count();
            let events = (0..self.events.len()).filter(|&i| in_layer(self.events.origin(i).file)).count();
            // FNV-1a over each file's name and text, in load order: the same files give the same
            // hash on every machine.
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for f in &files {
                for b in f.name.bytes().chain([0]).chain(f.text.bytes()).chain([0]) {
                    hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
                }
            }
            let what = match layer {
                Layer::Default => "embedded record".to_owned(),
                Layer::User => format!("user record ({})", crate::count(files.len(), "file", "files")),
            };
            lines.push(format!(
                "{what}: {}, {} (content {hash:016x})",
                crate::count(quotations, "quotation", "quotations"),
                crate::count(events, "event", "events")
            ));
        }
        lines
    }

    /// `file:line` where an entry is defined.
    pub fn defined_at(&self, entry: EntryRef) -> String {
        let (origin, section) = self.origin_of(entry);
        let source = &self.sources[origin.file];
        let range = Locator::new(&source.text).locate(&[Step::Key(section), Step::Index(origin.index)]);
        format!("{}:{}", source.name, line_col(&source.text, range.start).0)
    }
}

/// A problem found by merging or validation, located by path until it is reported.
#[derive(Debug)]
pub(crate) struct Problem {
    file: usize,
    path: Vec<Step>,
    message: String,
    label: String,
    help: Option<String>,
    /// Another place the message refers to, by file and path, with the words that introduce
    /// it in the help ("first defined at").
    related: Option<(usize, Vec<Step>, &'static str)>,
}

impl Problem {
    pub(crate) fn at(file: usize, path: Vec<Step>) -> ProblemAt {
        ProblemAt { file, path }
    }
}

/// A place, waiting for the message of the problem found there.
pub(crate) struct ProblemAt {
    file: usize,
    path: Vec<Step>,
}

impl ProblemAt {
    pub(crate) fn problem(self, message: String, label: &str, help: Option<String>) -> Problem {
        Problem { file: self.file, path: self.path, message, label: label.to_owned(), help, related: None }
    }

    /// A problem that also points the reader at another place (`intro` file:line:col).
    pub(crate) fn problem_with(
        self,
        message: String,
        label: &str,
        help: Option<String>,
        related: (usize, Vec<Step>, &'static str),
    ) -> Problem {
        Problem { related: Some(related), ..self.problem(message, label, help) }
    }

    fn duplicate(self, id: &str, kind: &str, first: (Origin, &'static str)) -> Problem {
        let (origin, section) = first;
        self.problem_with(
            format!("duplicate id `{id}`: a {kind} already has it"),
            "defined again here",
            None,
            (
                origin.file,
                vec![Step::Key(section), Step::Index(origin.index), Step::Key("id")],
                "first defined at",
            ),
        )
    }
}

/// Turns path-located problems into errors with byte ranges, parsing each affected file once.
fn locate_problems(sources: &[RecordSource], mut problems: Vec<Problem>) -> Vec<RecordError> {
    problems.sort_by_key(|p| p.file);
    let mut locators: HashMap<usize, Locator> = HashMap::new();
    let mut shared: HashMap<usize, Arc<error::SourceFile>> = HashMap::new();
    let mut out = Vec::with_capacity(problems.len());
    for p in problems {
        for file in std::iter::once(p.file).chain(p.related.as_ref().map(|r| r.0)) {
            locators.entry(file).or_insert_with(|| Locator::new(&sources[file].text));
            shared.entry(file).or_insert_with(|| {
                error::SourceFile::new(&sources[file].name, Arc::from(&*sources[file].text))
            });
        }
        let span = locators[&p.file].locate(&p.path);
        let mut help = p.help;
        if let Some((file, path, intro)) = &p.related {
            let at = locators[file].locate(path);
            let (line, col) = shared[file].line_col(at.start);
            let first = format!("{intro} {}:{line}:{col}", sources[*file].name);
            help = Some(match help {
                Some(h) => format!("{first}; {h}"),
                None => first,
            });
        }
        out.push(RecordError::located_in(p.message, help, &shared[&p.file], span, &p.label));
    }
    out
}

/// One file's entries, decoded or to be decoded when read (with their rest, when `full`).
enum FileEntries {
    Decoded(RecordFile),
    Lazy { file: &'static LazyFile, full: bool },
}

impl FileEntries {
    /// How many entries of a section (0 roles, 1 people, 2 quotations, 3 events) it holds.
    fn count(&self, section: u8) -> usize {
        match self {
            FileEntries::Decoded(d) => {
                [d.roles.len(), d.people.len(), d.quotations.len(), d.events.len()][section as usize]
            }
            FileEntries::Lazy { file, .. } => file.entries.iter().filter(|e| e.0 == section).count(),
        }
    }
}

/// A decoded entry with its id.
fn decoded<T: Entry>(entry: T) -> (Cow<'static, str>, Pending<T>) {
    (Cow::Owned(entry.id().to_owned()), Pending::Decoded(entry))
}

/// The entries of one section of an embedded file, with their ids, not decoded; to be decoded
/// with their rest if `full`.
fn lazy_section<T: Entry>(
    lazy: &'static LazyFile,
    section: u8,
    full: bool,
) -> impl Iterator<Item = (Cow<'static, str>, Pending<T>)> {
    let span = |start: u32, end: u32| crate::prebuilt::span(lazy.blob, (start, end));
    lazy.entries.iter().filter(move |e| e.0 == section).map(move |&(_, id, lean, rest, end)| {
        let json = Embedded { lean: span(lean, rest), rest: full.then(|| span(rest, end)) };
        (Cow::Borrowed(span(id, lean)), Pending::Json(json))
    })
}

/// A file's entries: as the build wrote them, to be decoded when read, for an embedded file
/// (without what checks never read, when only checking); else from the YAML.
fn decode(source: &RecordSource, for_checking: bool) -> Result<FileEntries, Vec<RecordError>> {
    if let Some(file) = source.entries {
        return Ok(FileEntries::Lazy { file, full: !for_checking });
    }
    if let Err(refusal) = crate::yaml_guard::check(&source.text, crate::yaml_guard::Limits::FILE) {
        return Err(vec![refused(&source.name, &source.text, refusal)]);
    }
    match serde_norway::from_str::<Option<RecordFile>>(&source.text) {
        Ok(decoded) => Ok(FileEntries::Decoded(decoded.unwrap_or_default())),
        Err(e) => Err(decode_errors(source, &e)),
    }
}

/// Help for an unknown key: the installed binary has no docs/ to point to, but `rules show`
/// prints an entry of each kind with its keys.
const RECORD_KEYS_HELP: &str = "`quotelint rules show ID` shows an entry of the record with its keys";

/// A file serde could not decode: bad YAML syntax, an unknown key, a value of the wrong type.
/// serde stops at the first; the file's entries are then decoded one by one, so that the
/// problem of every entry is reported.
fn decode_errors(source: &RecordSource, e: &serde_norway::Error) -> Vec<RecordError> {
    let (name, text) = (&source.name, &*source.text);
    let first = yaml_error(name, text, e, RECORD_KEYS_HELP);
    // Anchors would make an entry depend on another (and saphyr expands aliases): first only.
    if text.contains('&') {
        return vec![first];
    }
    let locator = Locator::new(text);
    let mut pieces = Vec::new();
    let mut entries = Vec::new();
    for section in ["roles", "people", "quotations", "events"] {
        for i in 0..locator.len(&[Step::Key(section)]).unwrap_or(0) {
            let span = locator.locate(&[Step::Key(section), Step::Index(i)]);
            let line_start = text[..span.start].rfind('\n').map_or(0, |n| n + 1);
            // Entries of a block list only: `- ` starts the entry's first line.
            if text[line_start..span.start].trim() != "-" {
                continue;
            }
            let line_end = text[span.end..].find('\n').map_or(text.len(), |n| span.end + n + 1);
            pieces.push(plain::Piece { header: format!("{section}:\n"), lines: line_start..line_end });
            entries.push((section, i));
        }
    }
    let file = error::SourceFile::new(name, Arc::from(text));
    let mut errors: Vec<RecordError> = plain::decode_pieces::<RecordFile>(text, &pieces)
        .into_iter()
        .zip(entries)
        .filter_map(|(result, (section, i))| {
            let (message, offset) = result.err()?;
            // The piece holds the one entry: its path says `[0]`.
            let message = match message.strip_prefix(&format!("{section}[0]")) {
                Some(rest) => format!("{section}[{i}]{rest}"),
                None => message,
            };
            Some(yaml_error_at(&file, text, &message, Some(offset), RECORD_KEYS_HELP))
        })
        .collect();
    let start = |e: &RecordError| e.location.as_ref().map(|l| l.span.start);
    if !errors.iter().any(|e| start(e) == start(&first)) {
        errors.push(first);
    }
    errors.sort_by_key(start);
    errors
}

/// A YAML file serde could not decode, located at the value serde stopped at.
pub fn yaml_error(name: &str, text: &str, e: &serde_norway::Error, keys_help: &str) -> RecordError {
    let offset = e
        .location()
        .map(|loc| crate::diagnostic::LineIndex::new(text).offset(text, loc.line(), loc.column()));
    yaml_error_at(&error::SourceFile::new(name, Arc::from(text)), text, &e.to_string(), offset, keys_help)
}

/// serde's `message` about the value at byte `offset` of a YAML file, in a writer's words.
fn yaml_error_at(
    file: &Arc<error::SourceFile>,
    text: &str,
    message: &str,
    offset: Option<usize>,
    keys_help: &str,
) -> RecordError {
    let span = match offset {
        Some(start) => {
            let end = text[start..].find(['\n', ':', ',']).map_or(text.len(), |i| start + i);
            start..end.max(start)
        }
        None => 0..0,
    };
    // serde_norway appends " at line L column C"; the location already says it.
    let message = message.split(" at line ").next().unwrap_or(message);
    let help = if message.contains("unknown field") { Some(keys_help.to_owned()) } else { None };
    RecordError::located_in(plain::translate(message), help, file, span, "here")
}

/// [`yaml_error`] for every top-level key of a file that serde could not decode (`first`
/// is serde's problem with the whole), each key decoded on its own; and what the keys without
/// a problem decode to.
pub fn decode_by_key<T: serde::de::DeserializeOwned + Default>(
    name: &str,
    text: &str,
    first: &serde_norway::Error,
    keys_help: &str,
) -> (T, Vec<RecordError>) {
    let first = yaml_error(name, text, first, keys_help);
    let file = error::SourceFile::new(name, Arc::from(text));
    if text.contains('&') {
        return (T::default(), vec![first]);
    }
    let mut pieces: Vec<plain::Piece> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let top = !line.starts_with([' ', '\t', '#', '-', '.', '\r', '\n']);
        match pieces.last_mut() {
            Some(p) if !top => p.lines.end = at + line.len(),
            _ if top => pieces.push(plain::Piece { header: String::new(), lines: at..at + line.len() }),
            _ => {}
        }
        at += line.len();
    }
    let mut good = String::new();
    let mut errors = Vec::new();
    for (piece, result) in pieces.iter().zip(plain::decode_pieces::<T>(text, &pieces)) {
        match result {
            Ok(_) => good.push_str(&text[piece.lines.clone()]),
            Err((message, offset)) => {
                errors.push(yaml_error_at(&file, text, &message, Some(offset), keys_help))
            }
        }
    }
    if errors.is_empty() {
        return (T::default(), vec![first]);
    }
    let decoded = serde_norway::from_str::<Option<T>>(&good).ok().flatten().unwrap_or_default();
    (decoded, errors)
}

/// A YAML file refused before parsing ([`crate::yaml_guard`]), located at the refusal.
pub fn refused(name: &str, text: &str, refusal: crate::yaml_guard::Refusal) -> RecordError {
    RecordError::located(
        refusal.message,
        Some(refusal.help.to_owned()),
        name,
        Arc::from(text),
        refusal.span,
        "here",
    )
}

/// "did you mean" for a mistyped id.
pub fn suggest_id<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    validate::suggest(wrong, known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_time_tokens_are_the_run_time_tokens() {
        let texts: Vec<&str> = source::NORMALIZED_TEXTS
            .iter()
            .map(|&(start, end, _, _)| &source::NORMALIZED_STRINGS[start as usize..end as usize])
            .collect();
        assert!(texts.len() > 1000, "{}", texts.len());
        assert!(texts.windows(2).all(|w| w[0] < w[1]), "sorted, for binary search");
        let run_time = normalize::cow_tokens;
        for text in texts {
            let tokens = tokens_of(text);
            assert_eq!(tokens, run_time(text), "{text}");
            // From the table, without copying a word.
            assert!(tokens.iter().all(|(t, _)| !matches!(t, Token::Word(Cow::Owned(_)))), "{text}");
        }
        // Any other text is normalized when asked.
        assert_eq!(tokens_of("Wörner wasn’t [sic] here …"), run_time("Wörner wasn’t [sic] here …"));
    }

    /// The entries of one section of an embedded file, decoded as a load decodes them (with
    /// their rest if `full`), each checked against its id.
    fn decode_section<T: Entry + Clone>(lazy: &'static LazyFile, section: u8, full: bool) -> Vec<T> {
        let mut entries = Entries::default();
        for (i, (id, entry)) in lazy_section::<T>(lazy, section, full).enumerate() {
            entries.push(entry, Origin::default());
            assert_eq!(entries[i].id(), id);
        }
        entries.iter().cloned().collect()
    }

    /// Each embedded entry, decoded from the one form the build wrote it in, is exactly what
    /// the YAML decodes to, in its section and place, and has its id; without its rest, it is
    /// what checking reads of it.
    #[test]
    fn embedded_entries_decode_like_their_yaml() {
        let sources = default_sources();
        assert!(!sources.is_empty());
        for source in sources {
            let from_yaml: RecordFile =
                serde_norway::from_str::<Option<RecordFile>>(&source.text).unwrap().unwrap_or_default();
            let lazy = source.entries.unwrap_or_else(|| panic!("{} has no entries", source.name));
            let from_json = |full| RecordFile {
                roles: decode_section(lazy, 0, full),
                people: decode_section(lazy, 1, full),
                quotations: decode_section(lazy, 2, full),
                events: decode_section(lazy, 3, full),
            };
            assert_eq!(format!("{:?}", from_json(true)), format!("{from_yaml:?}"), "{}", source.name);
            let lean = format!("{:?}", for_checking(from_yaml));
            assert_eq!(format!("{:?}", from_json(false)), lean, "{}", source.name);
        }
    }

    /// Loading for checking skips validating the embedded record alone, but never a user's file.
    #[test]
    fn loading_for_checking_still_validates_a_users_file() {
        let user = RecordSource {
            name: "user.yaml".into(),
            text:
                "quotations:\n  - id: q\n    speaker: nobody-known\n    text: Words\n    confidence: high\n"
                    .into(),
            layer: Layer::User,
            entries: None,
        };
        let mut errors = Vec::new();
        let mut sources = default_sources();
        sources.push(user);
        let record = Record::build(sources, true, &mut errors);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("nobody-known"), "{}", errors[0].message);
        // The embedded entries came without what checks never read.
        assert!(record.quotations.iter().all(|q| q.examples.is_empty() && q.notes.is_none()));
        assert!(Record::load(&LoadOptions::default())
            .unwrap()
            .quotations
            .iter()
            .any(|q| !q.examples.is_empty() && q.notes.is_some()));
    }

    /// Loaded for checking, the embedded entries are decoded only when read; the record they
    /// make is the one a full load makes, but for what checks never read.
    #[test]
    fn embedded_entries_are_decoded_when_read() {
        let lazy = Record::load(&LoadOptions { for_checking: true, ..LoadOptions::default() }).unwrap();
        assert_eq!(lazy.quotations.decoded(), 0);
        assert_eq!(lazy.person("major").unwrap().name, "John Major");
        assert_eq!((lazy.people.decoded(), lazy.quotations.decoded()), (1, 0));
        let full = Record::load(&LoadOptions::default()).unwrap();
        let lean = |r: &Record| {
            let file = RecordFile {
                roles: r.roles.iter().cloned().collect(),
                people: r.people.iter().cloned().collect(),
                quotations: r.quotations.iter().cloned().collect(),
                events: r.events.iter().cloned().collect(),
            };
            format!("{:?}", for_checking(file))
        };
        assert_eq!(lean(&lazy), lean(&full));
        assert_eq!(lazy.ids().count(), full.ids().count());

        // A user's entry replaces an embedded one that was never decoded.
        let user = RecordSource {
            name: "user.yaml".into(),
            text: "people:\n  - id: major\n    name: Sir John Major\n".into(),
            layer: Layer::User,
            entries: None,
        };
        let mut sources = default_sources();
        sources.push(user);
        let mut errors = Vec::new();
        let record = Record::build(sources, true, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(record.person("major").unwrap().name, "Sir John Major");
    }

    #[test]
    fn a_user_entry_overrides_the_default_by_id_and_kind() {
        let user = |text: &str| RecordSource {
            name: "user.yaml".into(),
            text: text.to_owned().into(),
            layer: Layer::User,
            entries: None,
        };
        let base = RecordSource {
            name: "base.yaml".into(),
            text: "people:\n  - id: a\n    name: First\n".into(),
            layer: Layer::Default,
            entries: None,
        };
        let mut errors = Vec::new();
        let record = Record::from_sources(
            vec![base.clone(), user("people:\n  - id: a\n    name: Second\n")],
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(record.people.len(), 1);
        assert_eq!(record.person("a").unwrap().name, "Second");

        // The same id for another kind of entry is a clash, not an override.
        let clash = user("roles:\n  - id: a\n    title: T\n");
        let _ = Record::from_sources(vec![base, clash], &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "duplicate id `a`: a person already has it");
    }
}
