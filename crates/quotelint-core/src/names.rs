//! Finding people, roles and events named in prose, by every name the record gives them.
//!
//! The index and the finding are the record crate's (`quotelint_record::names`), which the
//! build uses too, to write the default record's index as tables; here a run builds it from
//! its [`Record`] (or reads those tables, [`NameIndex::from_prebuilt`]).

use crate::record::Record;

pub use quotelint_record::names::{Mention, PrebuiltNames, Target, Targets};

/// Every name of the record, keyed by its first word (see `quotelint_record::names`).
#[derive(Debug, Default, PartialEq)]
pub struct NameIndex(quotelint_record::names::NameIndex);

impl NameIndex {
    pub fn new(record: &Record) -> Self {
        NameIndex(quotelint_record::names::NameIndex::new(record))
    }

    /// The index the tables built with quotelint hold.
    pub fn from_prebuilt(p: &'static PrebuiltNames) -> Self {
        NameIndex(quotelint_record::names::NameIndex::from_prebuilt(p))
    }
}

impl std::ops::Deref for NameIndex {
    type Target = quotelint_record::names::NameIndex;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
