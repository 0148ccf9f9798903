//! Configuration: `quotelint.yaml` or `.quotelint.yaml` in the repository, found by walking up
//! from the working directory (or from the file, for stdin), or named with `--config`.
//! Command-line flags override the file; `quotelint config` shows what is in force and where
//! each value comes from.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::date::PartialDate;
pub use crate::engine::CheckSetting;
use crate::record::RecordError;

/// File names looked for, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["quotelint.yaml", ".quotelint.yaml"];

/// `checks:` as written, and each check set again after its first setting (serde's maps let
/// the last silently win), with which time it is set (1 for the second).
#[derive(Debug, Default)]
pub struct Checks(pub BTreeMap<String, CheckSetting>, pub Vec<(String, usize)>);

impl<'de> Deserialize<'de> for Checks {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Checks;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of check codes to off, error, warning or info")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Checks, A::Error> {
                let (mut checks, mut again) = (BTreeMap::new(), Vec::new());
                while let Some((code, setting)) = map.next_entry::<String, CheckSetting>()? {
                    match checks.entry(code) {
                        std::collections::btree_map::Entry::Vacant(v) => {
                            v.insert(setting);
                        }
                        std::collections::btree_map::Entry::Occupied(o) => {
                            let times = again.iter().filter(|(c, _)| c == o.key()).count();
                            again.push((o.key().clone(), times + 1));
                        }
                    }
                }
                Ok(Checks(checks, again))
            }
        }
        d.deserialize_map(V)
    }
}

/// The file as written; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub extensions: Option<Vec<String>>,
    pub rules: Option<Vec<PathBuf>>,
    pub default_rules: Option<bool>,
    pub checks: Option<Checks>,
    pub min_words: Option<usize>,
    pub citation_patterns: Option<Vec<String>>,
    pub article_date: Option<String>,
    pub max_file_size: Option<FileSize>,
    pub fix: Option<FixMode>,
    pub fixable: Option<Vec<String>>,
    pub unfixable: Option<Vec<String>>,
}

/// Which fixes `check --fix` applies: the safe ones (the default), or the unsafe ones too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixMode {
    #[default]
    Safe,
    Unsafe,
}

impl fmt::Display for FixMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FixMode::Safe => "safe",
            FixMode::Unsafe => "unsafe",
        })
    }
}

/// A size in bytes, written as a number of bytes or with a unit: `512KiB`, `100MiB`, `1GiB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSize(pub u64);

/// Files (articles, records, the config) larger than this are refused unread.
pub const DEFAULT_MAX_FILE_SIZE: FileSize = FileSize(100 << 20);

impl std::str::FromStr for FileSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let unit = match t[digits..].trim() {
            "" | "B" => 1,
            "KiB" => 1 << 10,
            "MiB" => 1 << 20,
            "GiB" => 1 << 30,
            _ => return Err(format!("`{s}` is not a size: write bytes, or a number and KiB, MiB or GiB")),
        };
        let n: u64 = t[..digits].parse().map_err(|_| format!("`{s}` is not a size: it has no number"))?;
        n.checked_mul(unit).map(FileSize).ok_or_else(|| format!("`{s}` is too large"))
    }
}

impl fmt::Display for FileSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            n if n >= 1 << 30 && n % (1 << 30) == 0 => write!(f, "{} GiB", n >> 30),
            n if n >= 1 << 20 && n % (1 << 20) == 0 => write!(f, "{} MiB", n >> 20),
            n if n >= 1 << 10 && n % (1 << 10) == 0 => write!(f, "{} KiB", n >> 10),
            n => write!(f, "{n} bytes"),
        }
    }
}

impl<'de> Deserialize<'de> for FileSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = FileSize;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a size: bytes, or a number and KiB, MiB or GiB")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileSize, E> {
                Ok(FileSize(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FileSize, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// Where a setting's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// The config file, at a line.
    File(PathBuf, usize),
    /// A command-line flag.
    Flag(&'static str),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(p, line) => write!(f, "{}:{line}", p.display()),
            Origin::Flag(flag) => write!(f, "{flag}"),
        }
    }
}

/// A setting and where it comes from.
#[derive(Debug, Clone)]
pub struct Set<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Set<T> {
    fn default(value: T) -> Self {
        Set { value, origin: Origin::Default }
    }
}

/// The configuration in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from, if any; relative paths in it are relative to its directory.
    pub file: Option<PathBuf>,
    pub include: Set<Vec<String>>,
    pub exclude: Set<Vec<String>>,
    pub extensions: Set<Vec<String>>,
    pub rules: Set<Vec<PathBuf>>,
    pub default_rules: Set<bool>,
    /// Per check code; codes not listed keep their default.
    pub checks: BTreeMap<String, Set<CheckSetting>>,
    pub min_words: Set<usize>,
    pub citation_patterns: Set<Vec<String>>,
    pub article_date: Set<Option<PartialDate>>,
    /// Files larger than this are refused unread.
    pub max_file_size: Set<FileSize>,
    /// Which fixes `--fix` applies.
    pub fix: Set<FixMode>,
    /// Only these checks' fixes are applied; `None` for all.
    pub fixable: Set<Option<Vec<String>>>,
    /// These checks' fixes are never applied.
    pub unfixable: Set<Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            include: Set::default(Vec::new()),
            exclude: Set::default(Vec::new()),
            extensions: Set::default(crate::discover::EXTENSIONS.iter().map(|s| s.to_string()).collect()),
            rules: Set::default(Vec::new()),
            default_rules: Set::default(true),
            checks: BTreeMap::new(),
            min_words: Set::default(4),
            citation_patterns: Set::default(Vec::new()),
            article_date: Set::default(None),
            max_file_size: Set::default(DEFAULT_MAX_FILE_SIZE),
            fix: Set::default(FixMode::Safe),
            fixable: Set::default(None),
            unfixable: Set::default(Vec::new()),
        }
    }
}

/// A citation pattern longer than this many bytes is refused: each is tried on every paragraph,
/// and the regex engine's time grows with the pattern times the paragraph.
pub const MAX_PATTERN_LEN: usize = 1000;

/// The compiled form of a citation pattern may take at most this many bytes (the regex crate's
/// `size_limit`, 10 MB by default): `[ab ]{20000}` is short to write but 20,000 states to run.
const PATTERN_SIZE_LIMIT: usize = 256 << 10;

/// A citation pattern compiled, or why not ("is not a valid regex: …", "is longer than …").
pub fn citation_regex(pattern: &str) -> Result<regex::Regex, String> {
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(format!("is longer than {MAX_PATTERN_LEN} bytes ({}); shorten it", pattern.len()));
    }
    regex::RegexBuilder::new(pattern).size_limit(PATTERN_SIZE_LIMIT).build().map_err(|e| match e {
        regex::Error::CompiledTooBig(_) => {
            format!(
                "compiles to more than {} KiB; simplify it (fewer or smaller repetitions)",
                PATTERN_SIZE_LIMIT >> 10
            )
        }
        e => format!("is not a valid regex: {e}"),
    })
}

/// The nearest config file at or above `start`.
pub fn discover(start: &Path) -> Result<Option<PathBuf>, RecordError> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    for dir in start.ancestors() {
        let found: Vec<PathBuf> = FILE_NAMES.iter().map(|n| dir.join(n)).filter(|p| p.exists()).collect();
        match found.as_slice() {
            [] => continue,
            [one] => return Ok(Some(one.clone())),
            _ => {
                return Err(config_error(format!(
                    "{} has both quotelint.yaml and .quotelint.yaml; keep one",
                    dir.display()
                )))
            }
        }
    }
    Ok(None)
}

fn config_error(message: String) -> RecordError {
    let mut e = RecordError::plain(message, None);
    e.code = "quotelint::config";
    e
}

impl Config {
    /// Reads and validates a config file, of at most `max` bytes; every problem is located in
    /// the file.
    pub fn load(path: &Path, max: FileSize) -> Result<Config, Vec<RecordError>> {
        let name = path.display().to_string();
        let text = match crate::discover::read_regular(path, max.0) {
            Ok(bytes) if memchr::memchr(0, &bytes).is_some() => {
                let mut e = crate::record::not_yaml_text(&format!("config file {name}"), &bytes);
                e.code = "quotelint::config";
                return Err(vec![e]);
            }
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| vec![config_error(format!("config file {name} is not UTF-8"))])?,
            Err(e) if e == "is a directory" => {
                return Err(vec![config_error(format!("config file {name} is a directory"))])
            }
            Err(e) => return Err(vec![config_error(format!("cannot read config file {name}: {e}"))]),
        };
        if let Err(refusal) = crate::yaml_guard::check(&text, crate::yaml_guard::Limits::FILE) {
            let mut err = crate::record::refused(&name, &text, refusal);
            err.code = "quotelint::config";
            return Err(vec![err]);
        }
        let mut errors = Vec::new();
        // On a problem, each key is decoded alone, to report every key's problem, and the
        // others are still validated below.
        let file: ConfigFile = match serde_norway::from_str::<Option<ConfigFile>>(&text) {
            Ok(f) => f.unwrap_or_default(),
            Err(e) => {
                let keys_help = "`quotelint config` lists the keys with the values in force; `quotelint manpage` (CONFIGURATION) says what each sets";
                let (file, errs) = crate::record::decode_by_key(&name, &text, &e, keys_help);
                errors.extend(errs.into_iter().map(|mut err| {
                    err.code = "quotelint::config";
                    err
                }));
                file
            }
        };
        let line_of = |key: &'static str, sub: Option<&str>| -> Origin {
            let line = key_line(&text, key, sub);
            Origin::File(path.to_path_buf(), line)
        };
        let mut config = Config { file: Some(path.to_path_buf()), ..Config::default() };
        macro_rules! take {
            ($field:ident, $key:literal) => {
                if let Some(v) = file.$field {
                    config.$field = Set { value: v, origin: line_of($key, None) };
                }
            };
        }
        take!(include, "include");
        take!(exclude, "exclude");
        take!(extensions, "extensions");
        take!(rules, "rules");
        take!(default_rules, "default-rules");
        take!(min_words, "min-words");
        take!(citation_patterns, "citation-patterns");
        take!(max_file_size, "max-file-size");
        take!(fix, "fix");
        take!(unfixable, "unfixable");
        if let Some(v) = file.fixable {
            config.fixable = Set { value: Some(v), origin: line_of("fixable", None) };
        }
        let located = |message: String, key: &'static str, sub: Option<&str>| {
            let span = key_span(&text, key, sub);
            let mut e =
                RecordError::located(message, None, &name, std::sync::Arc::from(text.as_str()), span, "here");
            e.code = "quotelint::config";
            e
        };
        let Checks(checks, again) = file.checks.unwrap_or_default();
        for (code, nth) in again {
            let span = key_span_nth(&text, "checks", Some(&code), nth);
            let mut e = RecordError::located(
                format!("check `{code}` is set twice in `checks`"),
                Some("keep one setting: the last would silently win".into()),
                &name,
                std::sync::Arc::from(text.as_str()),
                span,
                "set again here",
            );
            e.code = "quotelint::config";
            errors.push(e);
        }
        for (code, setting) in checks {
            if crate::checks::by_code(&code).is_none() {
                let known: Vec<&str> = crate::checks::ALL.iter().map(|c| c.code.as_str()).collect();
                let mut e = located(format!("unknown check `{code}`"), "checks", Some(&code));
                e.help = Some(format!("the checks are: {}", known.join(", ")));
                errors.push(e);
                continue;
            }
            if code == crate::checks::Code::Unreadable.as_str() {
                // A setting it would ignore: a file that cannot be checked never passes.
                let mut e =
                    located(format!("check `{code}` is always on and cannot be set"), "checks", Some(&code));
                e.help =
                    Some("remove it from `checks`: a file that cannot be read is always an error".into());
                errors.push(e);
                continue;
            }
            let origin = line_of("checks", Some(&code));
            config.checks.insert(code, Set { value: setting, origin });
        }
        let fixable = config.fixable.value.iter().flatten().map(|c| (c, "fixable"));
        for (code, key) in fixable.chain(config.unfixable.value.iter().map(|c| (c, "unfixable"))) {
            if crate::checks::by_code(code).is_none() {
                let known: Vec<&str> = crate::checks::ALL.iter().map(|c| c.code.as_str()).collect();
                let mut e = located(format!("unknown check `{code}` in `{key}`"), key, None);
                e.help = Some(format!("the checks are: {}", known.join(", ")));
                errors.push(e);
            }
        }
        for pattern in &config.citation_patterns.value {
            if let Err(e) = citation_regex(pattern) {
                let shown: String = pattern.chars().take(60).collect();
                let shown = if shown.len() < pattern.len() { format!("{shown}…") } else { shown };
                errors.push(located(format!("citation pattern `{shown}` {e}"), "citation-patterns", None));
            }
        }
        for glob in config.include.value.iter().chain(&config.exclude.value) {
            if let Err(e) = globset::Glob::new(glob) {
                let key = if config.include.value.contains(glob) { "include" } else { "exclude" };
                errors.push(located(format!("`{glob}` is not a valid glob: {e}"), key, None));
            }
        }
        if let Some(d) = file.article_date {
            match PartialDate::parse(&d) {
                Ok(date) => {
                    config.article_date = Set { value: Some(date), origin: line_of("article-date", None) }
                }
                Err(e) => errors.push(located(e.to_string(), "article-date", None)),
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// The directory relative paths of the file are relative to.
    pub fn base(&self) -> PathBuf {
        self.file
            .as_ref()
            .and_then(|f| f.parent())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Record paths, resolved against the config file's directory.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        let base = self.base();
        self.rules
            .value
            .iter()
            .map(|p| if p.is_absolute() || self.file.is_none() { p.clone() } else { base.join(p) })
            .collect()
    }
}

/// The 1-based line of a top-level key (or of `sub` inside it), for showing where values come from.
fn key_line(text: &str, key: &str, sub: Option<&str>) -> usize {
    crate::record::line_col(text, key_span(text, key, sub).start).0
}

fn key_span(text: &str, key: &str, sub: Option<&str>) -> std::ops::Range<usize> {
    key_span_nth(text, key, sub, 0)
}

/// [`key_span`] of the `nth` (from 0) time `sub` is set inside `key`.
fn key_span_nth(text: &str, key: &str, sub: Option<&str>, mut nth: usize) -> std::ops::Range<usize> {
    let mut offset = 0;
    let mut in_key = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent == 0 && trimmed.starts_with(&format!("{key}:")) {
            if sub.is_none() {
                return offset..offset + line.trim_end().len();
            }
            in_key = true;
        } else if indent == 0 && !trimmed.is_empty() && !trimmed.starts_with('#') {
            in_key = false;
        } else if in_key {
            if let Some(sub) = sub {
                if trimmed.starts_with(&format!("{sub}:")) {
                    if nth == 0 {
                        return offset + indent..offset + line.trim_end().len();
                    }
                    nth -= 1;
                }
            }
        }
        offset += line.len();
    }
    0..0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_patterns_are_bounded_in_length_and_compiled_size() {
        for fine in [r"\(source: [^)]+\)", r"(?i)\bper\s+\w+\s+\w+", r"\[\^\w+\]", &"[ab ]".repeat(200)] {
            assert!(citation_regex(fine).is_ok(), "{fine}");
        }
        let long = "[ab ]".repeat(20_000);
        assert_eq!(citation_regex(&long).unwrap_err(), "is longer than 1000 bytes (100000); shorten it");
        assert!(citation_regex("[ab ]{20000}z").unwrap_err().starts_with("compiles to more than 256 KiB"));
        assert!(citation_regex(r"\w{1000}").unwrap_err().starts_with("compiles to more than"));
        assert!(citation_regex("(").unwrap_err().starts_with("is not a valid regex"));
    }

    #[test]
    fn key_lines_for_origins() {
        let text = "# c\nexclude: [\"drafts/**\"]\nchecks:\n  unsourced: off\n  misquoted: error\n";
        assert_eq!(key_line(text, "exclude", None), 2);
        assert_eq!(key_line(text, "checks", Some("misquoted")), 5);
    }
}
