//! quotelint's record of who said what, when, below any knowledge of articles or of how a run
//! loads files: [`schema`] is the record's YAML format (what serde reads and what the rest of
//! quotelint uses), and [`date`] the dates it holds, as precise as their source.
//!
//! The crate depends on nothing of quotelint's library: the build script decodes the embedded
//! record with it as an ordinary build-dependency, with the very types a run decodes it into.

pub mod date;
pub mod schema;
