//! quotelint's record of who said what, when, below any knowledge of articles or of how a run
//! loads files: [`schema`] is the record's YAML format (what serde reads and what the rest of
//! quotelint uses), [`date`] the dates it holds, as precise as their source, and the indexes
//! built from it: [`quotes`], every recorded wording by its word trigrams, and [`names`], every
//! name the record gives people, roles and events, with [`prebuilt`] the static tables they are
//! written to when quotelint is built.
//!
//! The crate depends on nothing of quotelint's library: the build script decodes the embedded
//! record and builds its indexes with it as an ordinary build-dependency, with the very code
//! a run uses.

use std::borrow::Cow;
use std::ops::Range;

use quotelint_text::normalize::{self, Token};

pub mod date;
pub mod names;
pub mod prebuilt;
pub mod quotes;
pub mod schema;

use schema::{Event, Person, Quotation, RecordFile, Role};

/// What the indexes are built from: a record's entries in order (their positions are the ids
/// the indexes give back), and the tokens of each of its texts. The library's record (which
/// decodes entries lazily and reads the default record's tokens from a table made when
/// quotelint was built) and a plain [`RecordFile`] (what the build merges the default record
/// into) both are one.
pub trait RecordView {
    fn roles(&self) -> impl Iterator<Item = &Role>;
    fn people(&self) -> impl Iterator<Item = &Person>;
    fn quotations(&self) -> impl Iterator<Item = &Quotation>;
    fn events(&self) -> impl Iterator<Item = &Event>;

    /// The tokens of one of the record's texts, as [`normalize::tokens`] gives them.
    fn tokens_of(&self, text: &str) -> Vec<(Token<Cow<'static, str>>, Range<usize>)> {
        normalize::cow_tokens(text)
    }
}

impl RecordView for RecordFile {
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
}
