//! Where record files come from: the embedded default, or paths a user names.

use std::borrow::Cow;

use super::error::RecordError;

/// One file of the default record, as the build embeds it.
pub struct EmbeddedFile {
    /// Its path relative to the crate.
    pub name: &'static str,
    pub yaml: &'static str,
    /// Its entries, each as its own JSON; None if the file did not decode when quotelint was
    /// built (a run decodes the YAML and reports why).
    pub entries: Option<LazyFile>,
}

/// A file's entries, each as the JSON of its two parts ([`quotelint_record::prebuilt::Split`]:
/// what checking reads, and the rest), to be decoded when first read
/// ([`super::entries::Entries`]): the one form the embedded record's entries take, whether the
/// record is loaded for checking or in full.
pub struct LazyFile {
    pub blob: &'static str,
    /// Each entry: its section (0 roles, 1 people, 2 quotations, 3 events), and where in `blob`
    /// its id starts, its first part starts, its rest starts (empty if it has none) and its
    /// rest ends.
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
    /// Its entries as the build wrote them (embedded files only).
    pub entries: Option<&'static LazyFile>,
}

/// The embedded default record's files.
pub fn default_sources() -> Vec<RecordSource> {
    DEFAULT_RECORD
        .iter()
        .map(|file| RecordSource {
            name: file.name.to_owned(),
            text: Cow::Borrowed(file.yaml),
            layer: Layer::Default,
            entries: file.entries.as_ref(),
        })
        .collect()
}

/// A user's record file from its bytes, as read from the file system (by the caller: this
/// library reads no files), or the problem that refuses it: a NUL byte, or text that is not
/// UTF-8.
pub fn user_source(name: String, bytes: Vec<u8>) -> Result<RecordSource, RecordError> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err(not_yaml_text(&format!("record file {name}"), &bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(RecordSource { name, text: Cow::Owned(text), layer: Layer::User, entries: None }),
        Err(e) => Err(RecordError::plain(
            format!("record file {name} is not UTF-8: {}", crate::diagnostic::first_invalid_byte(&e)),
            Some("save the file as UTF-8".into()),
        )),
    }
}

/// A file (`what`: "record file x.yaml") with a NUL byte, which YAML text never holds: refused
/// without quoting it.
pub fn not_yaml_text(what: &str, bytes: &[u8]) -> RecordError {
    let nul = memchr::memchr(0, bytes).unwrap_or(0);
    RecordError::plain(
        format!("{what} is not YAML text (NUL byte at {})", crate::diagnostic::line_and_column(bytes, nul)),
        None,
    )
}
