//! Where record files come from: the embedded default, or paths a user names.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::error::RecordError;

/// One file of the default record, as the build embeds it.
pub struct EmbeddedFile {
    /// Its path relative to the crate.
    pub name: &'static str,
    pub yaml: &'static str,
    /// A JSON snapshot of its decoded entries.
    pub snapshot: Option<&'static str>,
    /// Its entries with only what checking reads, each as its own JSON.
    pub check_entries: Option<LazyFile>,
}

/// A file's entries, each as the JSON of [`super::schema::for_checking`]'s form of it, to be
/// decoded when first read ([`super::entries::Entries`]).
pub struct LazyFile {
    pub blob: &'static str,
    /// Each entry: its section (0 roles, 1 people, 2 quotations, 3 events), the span of its id
    /// and the span of its JSON in `blob`.
    pub entries: &'static [(u8, u32, u32, u32, u32)],
}

impl std::fmt::Debug for LazyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LazyFile({} entries)", self.entries.len())
    }
}

include!(concat!(env!("OUT_DIR"), "/default_record.rs"));
include!(concat!(env!("OUT_DIR"), "/normalized_record.rs"));

/// Which set of files an entry belongs to: a user's entries override the default's by id,
/// while two entries with one id in the same layer are an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    Default,
    User,
}

/// One record file's name and text, kept for locating problems and for `rules show`.
#[derive(Debug, Clone)]
pub struct RecordSource {
    pub name: String,
    pub text: Cow<'static, str>,
    pub layer: Layer,
    /// The entries decoded at build time, as JSON (embedded files only).
    pub snapshot: Option<&'static str>,
    /// Its entries as checking reads them (embedded files only).
    pub check_entries: Option<&'static LazyFile>,
}

/// The embedded default record's files.
pub fn default_sources() -> Vec<RecordSource> {
    DEFAULT_RECORD
        .iter()
        .map(|file| RecordSource {
            name: file.name.to_owned(),
            text: Cow::Borrowed(file.yaml),
            layer: Layer::Default,
            snapshot: file.snapshot,
            check_entries: file.check_entries.as_ref(),
        })
        .collect()
}

/// Reads the files a user named with `--rules`: a file, or every `.yaml`/`.yml` file below a
/// directory (sorted, so that the order and therefore the output is deterministic). A path that
/// cannot be read (or is not a regular file, or is larger than `max` bytes) is reported and the
/// others are still read. As when articles are found, a linked file below a directory is read,
/// but a linked directory is not walked: it could lead out of the repository.
pub fn user_sources(paths: &[PathBuf], max: u64) -> (Vec<RecordSource>, Vec<RecordError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in walkdir::WalkDir::new(path) {
                match entry {
                    // A link, FIFO or device named like a record file is read, to be refused if
                    // it is not a regular file (a link to a directory is refused, not walked).
                    Ok(e) if !e.file_type().is_dir() && is_yaml(e.path()) => files.push(e.into_path()),
                    Ok(_) => {}
                    Err(e) => errors.push(RecordError::plain(
                        format!("cannot read record directory {}: {e}", path.display()),
                        None,
                    )),
                }
            }
            files.sort();
            for file in files {
                read_one(&file, max, &mut sources, &mut errors);
            }
        } else {
            read_one(path, max, &mut sources, &mut errors);
        }
    }
    (sources, errors)
}

fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

fn read_one(path: &Path, max: u64, sources: &mut Vec<RecordSource>, errors: &mut Vec<RecordError>) {
    let name = path.display().to_string();
    if !path.exists() {
        return errors.push(RecordError::plain(
            format!("record path {name} does not exist"),
            Some("`--rules` takes a YAML file or a directory of them".into()),
        ));
    }
    if !is_yaml(path) {
        // Refused unread: a record error quotes the file, and a path may name any file.
        return errors.push(RecordError::plain(
            format!("record file {name} is not a YAML file"),
            Some("record files are named .yaml or .yml".into()),
        ));
    }
    match crate::discover::read_regular(path, max) {
        Ok(bytes) if memchr::memchr(0, &bytes).is_some() => {
            errors.push(not_yaml_text(&format!("record file {name}"), &bytes))
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => sources.push(RecordSource {
                name,
                text: Cow::Owned(text),
                layer: Layer::User,
                snapshot: None,
                check_entries: None,
            }),
            Err(e) => errors.push(RecordError::plain(
                format!("record file {name} is not UTF-8: {}", crate::diagnostic::first_invalid_byte(&e)),
                Some("save the file as UTF-8".into()),
            )),
        },
        Err(e) => errors.push(RecordError::plain(format!("cannot read record file {name}: {e}"), None)),
    }
}

/// A file (`what`: "record file x.yaml") with a NUL byte, which YAML text never holds: refused
/// without quoting it.
pub(crate) fn not_yaml_text(what: &str, bytes: &[u8]) -> RecordError {
    let nul = memchr::memchr(0, bytes).unwrap_or(0);
    RecordError::plain(
        format!("{what} is not YAML text (NUL byte at {})", crate::diagnostic::line_and_column(bytes, nul)),
        None,
    )
}
