//! quotelint's engine: text in, findings out. It parses Markdown, extracts quotations with
//! their speakers, dates and citations, matches them against the record, and runs the checks.
//!
//! It never prints, exits, reads files or sets process-wide state: a user's record files come
//! in as text ([`record::Record::load_with`]), findings go out as values. The `quotelint`
//! command line and its language server are built on it.

// The promise above, held by clippy (`cargo clippy -- -D warnings`): no printing, no exiting, no
// leftover `dbg!`, in the library and its unit tests.
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]

pub mod checks;
pub mod diagnostic;
pub mod engine;
pub mod extract;
pub mod findings;
pub mod fix;
pub mod harvest;
pub mod markdown;
pub mod matcher;
pub mod names;
pub mod record;
pub mod suppress;
pub mod words;
pub mod yaml_guard;

/// The record's dates, and the tables the build writes the default record's indexes to, live
/// in their own crate, which the build shares; the paths `crate::date` and `crate::prebuilt`
/// read as before.
pub use quotelint_record::{date, prebuilt};
/// Words and their folding live in their own crate, below everything here; the paths
/// `crate::normalize` and `crate::scan` read as before.
pub use quotelint_text::{normalize, scan};

/// "1 quotation", "2 quotations", "1 person", "0 people": a count for a summary line.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
