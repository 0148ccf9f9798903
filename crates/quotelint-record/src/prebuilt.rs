//! Indexes of the default record built when quotelint is built, so that a run does not build
//! them again. `build.rs` builds quotelint's quotation index and [`crate::names::NameIndex`]
//! from the embedded record with the code a run would use, and writes their contents out as
//! static tables; a run with the default record alone reads them back (`quotelint::engine`).
//! Strings are spans of one blob: a table of `&str` would cost a relocation per string on every
//! start.

/// Strings written end to end for a static table, each referred to by its span.
#[derive(Default)]
pub struct Blob(pub String);

impl Blob {
    /// Appends `s`; returns its span as Rust source (`start, end`).
    pub fn push(&mut self, s: &str) -> String {
        let start = self.0.len();
        self.0.push_str(s);
        format!("{start}, {}", self.0.len())
    }
}

/// The string at `span` of `blob`.
pub fn span(blob: &'static str, (start, end): (u32, u32)) -> &'static str {
    &blob[start as usize..end as usize]
}

/// The words at `spans` of `blob`, borrowed, as the indexes hold words.
pub fn words(blob: &'static str, spans: &[(u32, u32)]) -> Vec<std::borrow::Cow<'static, str>> {
    spans.iter().map(|&s| std::borrow::Cow::Borrowed(span(blob, s))).collect()
}

/// A value of the hash the indexes key words by: a prebuilt table is read only if a run hashes
/// as the build did (the same hasher version, width and byte order).
pub const PROBE: &str = "quotelint";
