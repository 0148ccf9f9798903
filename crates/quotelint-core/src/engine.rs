//! One article through the pipeline: parse, extract, match, check.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use crate::checks::{self, Check, Context};
use crate::diagnostic::Severity;
use crate::extract;
use crate::findings::Findings;
use crate::markdown;
use crate::matcher::{Match, QuoteIndex};
use crate::names::NameIndex;
use crate::record::Record;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A check's setting: off, or on at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckSetting {
    Off,
    On(Severity),
}

impl fmt::Display for CheckSetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckSetting::Off => f.write_str("off"),
            CheckSetting::On(s) => f.write_str(s.as_str()),
        }
    }
}

/// `off` (or `false`), `error`, `warning`, `info`.
impl<'de> Deserialize<'de> for CheckSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = CheckSetting;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("off (or false), error, warning or info")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<CheckSetting, E> {
                if v {
                    Err(E::custom("`true` does not say a severity: write error, warning or info"))
                } else {
                    Ok(CheckSetting::Off)
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CheckSetting, E> {
                Ok(match v {
                    "off" => CheckSetting::Off,
                    "error" => CheckSetting::On(Severity::Error),
                    "warning" => CheckSetting::On(Severity::Warning),
                    "info" => CheckSetting::On(Severity::Info),
                    other => return Err(E::custom(format!("`{other}` is not off, error, warning or info"))),
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Everything built once from the record and shared by every file checked.
pub struct Engine<'r> {
    pub record: &'r Record,
    quotes: QuoteIndex,
    names: NameIndex,
    settings: Settings,
    memo: MatchMemo,
}

/// Which checks run at which severity, and how articles are read.
#[derive(Debug, Clone)]
pub struct Settings {
    pub checks: Vec<(&'static Check, Severity)>,
    pub extract: extract::Options,
    /// Report suppressions that suppressed nothing.
    pub report_unused_suppressions: bool,
}

impl Default for Settings {
    /// Every default check at its own severity.
    fn default() -> Self {
        Settings {
            checks: select(&[], &[], &Default::default()).expect("no codes"),
            extract: Default::default(),
            report_unused_suppressions: false,
        }
    }
}

/// What checking one file found.
#[derive(Debug, Default)]
pub struct FileResult<'r> {
    pub quotations: usize,
    pub findings: Findings<'r>,
    /// The file was not checked: its front matter was refused (nested too deeply, aliases
    /// expanding too far, tags), at this span. The file is an error, not a pass.
    pub refused: Option<crate::yaml_guard::Refusal>,
}

/// The default record's indexes, built with quotelint (see [`crate::prebuilt`]).
mod prebuilt {
    include!(concat!(env!("OUT_DIR"), "/prebuilt_indexes.rs"));
}

impl<'r> Engine<'r> {
    pub fn new(record: &'r Record, settings: Settings) -> Self {
        let (quotes, names) = indexes(record);
        Engine { record, quotes, names, settings, memo: MatchMemo::default() }
    }

    pub fn check(&self, text: &str) -> FileResult<'r> {
        self.check_keeping(text, false).0
    }

    /// [`Engine::check`], and each quotation of the text with the record entry it matched, for
    /// a language server's hover (the check itself keeps them only to render findings).
    pub fn check_with_quotations(&self, text: &str) -> (FileResult<'r>, Vec<Quoted>) {
        self.check_keeping(text, true)
    }

    fn check_keeping(&self, text: &str, keep: bool) -> (FileResult<'r>, Vec<Quoted>) {
        let mut doc = markdown::parse(text);
        if let Some(refusal) = doc.front_matter_error {
            return (FileResult { refused: Some(refusal), ..FileResult::default() }, Vec::new());
        }
        extract::cut_long_paragraphs(&mut doc.blocks);
        let extraction = extract::extract(&doc, self.record, &self.names, &self.settings.extract);
        // The blocks' texts are read: only the comments (for suppressions) are needed from here.
        doc.blocks = Vec::new();
        let matches: Vec<_> = extraction
            .quotations
            .iter()
            .map(|q| self.memo.find(&q.text, || self.quotes.find(self.record, &q.text)))
            .collect();
        let ctx = Context { record: self.record, source: text, extraction: &extraction, matches: &matches };
        // Room for a finding per quotation, as most checks give at most that: reserved, not
        // touched, so it costs no memory until used, and a file of a million findings does not
        // keep the copies that growing by doubling leaves behind (about half again per finding).
        let mut found = Vec::with_capacity(extraction.quotations.len());
        for (check, severity) in &self.settings.checks {
            check.run(&ctx, *severity, &mut found);
        }
        let quotations = extraction.quotations.len();
        let quoted = match keep {
            true => (extraction.quotations.iter().zip(&matches))
                .map(|(q, m)| {
                    let speaker = match &q.speaker {
                        extract::Attribution::Person { person, mention } => {
                            Some((*person as usize, mention.clone()))
                        }
                        extract::Attribution::None => None,
                    };
                    Quoted { range: q.range.clone(), matched: m.clone(), speaker }
                })
                .collect(),
            false => Vec::new(),
        };
        // The quotations and their matches stay only if a finding is rendered from them.
        let mut findings = Findings::new(found, self.record, extraction, matches);
        findings.sort();
        let report_unused = self.settings.report_unused_suppressions
            || self.settings.checks.iter().any(|(c, _)| c.code == checks::Code::UnusedSuppression);
        let invalid = self
            .settings
            .checks
            .iter()
            .find(|(c, _)| c.code == checks::Code::InvalidSuppression)
            .map(|(_, s)| *s);
        crate::suppress::apply(&doc, findings.items_mut(), report_unused, invalid);
        (FileResult { quotations, findings, refused: None }, quoted)
    }
}

/// A quotation of an article and the record entry it matched ([`Engine::check_with_quotations`]).
#[derive(Debug, Clone)]
pub struct Quoted {
    /// From the opening mark to the closing mark.
    pub range: std::ops::Range<usize>,
    pub matched: Option<Arc<Match>>,
    /// The person of the record the article names as the speaker (an index of
    /// `Record::people`), and where it names them.
    pub speaker: Option<(usize, std::ops::Range<usize>)>,
}

/// A text with its fixes applied, pass after pass ([`Engine::fix`]).
#[derive(Debug)]
pub struct Fixed<'r> {
    /// The text after the last pass; `None` when no fix changed it (the text given is the text,
    /// and is not copied: a 50 MB file with nothing to fix is held once).
    pub text: Option<String>,
    /// Fixes applied, over all passes.
    pub applied: usize,
    /// Passes that changed the text.
    pub passes: usize,
    /// Fixes were still left to apply after [`crate::fix::MAX_PASSES`] passes.
    pub unconverged: bool,
    /// The check of the final text: what remains.
    pub result: FileResult<'r>,
}

impl<'r> Engine<'r> {
    /// Checks `text` and applies the fixes `policy` allows, then checks the result and applies
    /// again, until no allowed fix is left or nothing changes, for at most
    /// [`crate::fix::MAX_PASSES`] passes. Fixes whose edits overlap wait for the next pass,
    /// since their findings are checked again on the text the first one made.
    pub fn fix(&self, text: &str, policy: &crate::fix::FixPolicy) -> Fixed<'r> {
        let done = crate::fix::passes(text, |current| {
            let result = self.check(current);
            let fixes = match result.refused {
                Some(_) => Vec::new(),
                None => result
                    .findings
                    .rendered(current)
                    .filter_map(|d| d.fix().filter(|f| policy.allows(d.code, f)).cloned())
                    .collect(),
            };
            (result, fixes)
        });
        Fixed {
            text: done.text,
            applied: done.applied,
            passes: done.passes,
            unconverged: done.unconverged,
            result: done.last,
        }
    }
}

/// Matches already made, by quotation text. The articles of one publication quote the same
/// remarks again and again, and a match depends on the text alone; matching is the costliest
/// step for a quotation. Bounded: texts longer than [`MEMO_TEXT`] bytes are not kept, nor
/// more than [`MEMO_ENTRIES`] of them (the first ones met stay), so a run's memory stays flat.
#[derive(Default)]
struct MatchMemo {
    /// Sharded by the text's hash, so that threads checking files rarely wait for each other.
    shards: [Mutex<Remembered>; MEMO_SHARDS],
}

/// Each text's match, or that it has none.
type Remembered = rustc_hash::FxHashMap<Box<str>, Option<Arc<Match>>>;

const MEMO_SHARDS: usize = 8;
const MEMO_ENTRIES: usize = 4096;
const MEMO_TEXT: usize = 512;

impl MatchMemo {
    /// The match of `text`: remembered, or made by `find` (outside the lock) and remembered.
    fn find(&self, text: &str, find: impl FnOnce() -> Option<Match>) -> Option<Arc<Match>> {
        if text.len() > MEMO_TEXT {
            return find().map(Arc::new);
        }
        use std::hash::BuildHasher;
        let shard = &self.shards[rustc_hash::FxBuildHasher.hash_one(text) as usize % MEMO_SHARDS];
        // A poisoned lock only means another thread panicked mid-insert: the map is still sound.
        let lock = || shard.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = lock().get(text) {
            return known.clone();
        }
        let found = find().map(Arc::new);
        let mut map = lock();
        if map.len() < MEMO_ENTRIES / MEMO_SHARDS {
            map.insert(text.into(), found.clone());
        }
        found
    }
}

/// The record's indexes: read from the tables built with quotelint when the record is the
/// default one alone (and this run hashes words as the build did), built now otherwise.
fn indexes(record: &Record) -> (QuoteIndex, NameIndex) {
    use prebuilt::{NAMES, PROBE_HASH, QUOTES};
    match (&QUOTES, &NAMES) {
        (Some(quotes), Some(names))
            if record.is_embedded_default() && crate::matcher::hash(crate::prebuilt::PROBE) == PROBE_HASH =>
        {
            (QuoteIndex::from_prebuilt(quotes), NameIndex::from_prebuilt(names))
        }
        _ => (QuoteIndex::new(record), NameIndex::new(record)),
    }
}

/// The checks to run and their severities: the defaults, then the configuration's `checks`
/// (off, or a severity), then `--enable` (at the configured or default severity) and
/// `--disable`. Unknown codes are errors.
pub fn select(
    enable: &[String],
    disable: &[String],
    configured: &BTreeMap<String, CheckSetting>,
) -> Result<Vec<(&'static Check, Severity)>, String> {
    for code in enable.iter().chain(disable).chain(configured.keys()) {
        if checks::by_code(code).is_none() {
            let known: Vec<&str> = checks::ALL.iter().map(|c| c.code.as_str()).collect();
            return Err(format!("unknown check `{code}`; the checks are: {}", known.join(", ")));
        }
    }
    Ok(checks::ALL
        .iter()
        .filter_map(|c| {
            let mut on = (!c.opt_in).then_some(c.severity);
            match configured.get(c.code.as_str()) {
                Some(CheckSetting::Off) => on = None,
                Some(CheckSetting::On(s)) => on = Some(*s),
                None => {}
            }
            if enable.iter().any(|e| e == c.code.as_str()) {
                on = on.or(Some(match configured.get(c.code.as_str()) {
                    Some(CheckSetting::On(s)) => *s,
                    _ => c.severity,
                }));
            }
            if disable.iter().any(|d| d == c.code.as_str()) {
                on = None;
            }
            on.map(|s| (c, s))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{default_sources, LoadOptions, RecordSource};

    /// The tables built with quotelint hold exactly the indexes a run would build, for the
    /// default record loaded in full and for checking.
    #[test]
    fn the_prebuilt_indexes_are_the_indexes() {
        let (quotes, names) = (prebuilt::QUOTES.as_ref().unwrap(), prebuilt::NAMES.as_ref().unwrap());
        for for_checking in [false, true] {
            let record = Record::load(&LoadOptions { for_checking, ..LoadOptions::default() }).unwrap();
            assert!(record.is_embedded_default());
            assert!(QuoteIndex::from_prebuilt(quotes) == QuoteIndex::new(&record));
            assert!(NameIndex::from_prebuilt(names) == NameIndex::new(&record));
        }
    }

    /// A remembered match is the match: every fixture checked by an engine that has already
    /// matched all of them (so that every match is now remembered) finds what a fresh engine
    /// finds.
    #[test]
    fn remembered_matches_are_the_matches() {
        let record = Record::load(&LoadOptions::default()).unwrap();
        let articles: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(articles.len() > 40);
        let warm = Engine::new(&record, Settings::default());
        for text in &articles {
            warm.check(text);
        }
        let remembered: usize = warm.memo.shards.iter().map(|s| s.lock().unwrap().len()).sum();
        assert!(remembered > 100, "{remembered}");
        for text in &articles {
            let fresh = Engine::new(&record, Settings::default()).check(text);
            let again = warm.check(text);
            assert_eq!(
                format!("{:?}", fresh.findings.into_diagnostics(text)),
                format!("{:?}", again.findings.into_diagnostics(text))
            );
        }
    }

    /// The memo keeps at most its bound of texts, and none too long, whatever it is asked.
    #[test]
    fn the_memo_is_bounded() {
        let memo = MatchMemo::default();
        for i in 0..3 * MEMO_ENTRIES {
            assert!(memo.find(&format!("text {i}"), || None).is_none());
        }
        memo.find(&"long ".repeat(MEMO_TEXT), || None);
        let kept: Vec<usize> = memo.shards.iter().map(|s| s.lock().unwrap().len()).collect();
        assert!(kept.iter().all(|&n| n == MEMO_ENTRIES / MEMO_SHARDS), "{kept:?}");
        // A remembered text is not matched again.
        assert!(memo.find("text 0", || panic!("matched again")).is_none());
    }

    /// Any other record has its indexes built: a user's entries may add or replace names.
    #[test]
    fn a_users_record_is_indexed_at_run_time() {
        let user = RecordSource {
            name: "user.yaml".into(),
            text: "people:\n  - id: someone-new\n    name: Ada Example\n".into(),
            layer: crate::record::Layer::User,
            entries: None,
        };
        let mut sources = default_sources();
        sources.push(user);
        let mut errors = Vec::new();
        let record = Record::from_sources(sources, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!record.is_embedded_default());
        let (_, names) = indexes(&record);
        assert_eq!(names.find("Ada Example spoke.").len(), 1);
        // Nor is the default record changed after loading (by a library user).
        let mut changed = Record::load(&LoadOptions::default()).unwrap();
        changed.people[0].aliases.push("Zebedee Quux".into());
        assert!(!changed.is_embedded_default());
        assert_eq!(indexes(&changed).1.find("Zebedee Quux spoke.").len(), 1);
        // The default record alone, without one of its files, is not the default record.
        let mut sources = default_sources();
        sources.pop();
        assert!(!Record::from_sources(sources, &mut errors).is_embedded_default());
    }
}
