//! quotelint: checks quotations in Markdown articles against a reference record of who said
//! what, when, and where it is documented.
//!
//! The library never prints and never exits: commands write to the writer they are given and
//! return an [`Outcome`] or the diagnostics of a failure; `main.rs` maps those to exit codes.
//!
//! Nor does it set any process-wide state: it declares no `#[global_allocator]`, runs no code
//! before `main` and tunes no allocator. A program built on it chooses its own; the `quotelint`
//! binary chooses mimalloc, tuned for short runs (`src/alloc.rs`), and is told through
//! [`cli::Io::large_input`] when a large file is about to be checked.

// The promise above, held by clippy (`cargo clippy -- -D warnings`): no printing, no exiting, no
// leftover `dbg!`, in the library and its unit tests. Standard streams are reached only through
// the writers `main.rs` passes in (the language server's, through lsp-server's own threads).
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]

pub mod changed;
pub mod checks;
pub mod cli;
mod commands;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod extract;
pub mod findings;
pub mod fix;
pub mod harvest;
pub mod markdown;
pub mod matcher;
pub mod names;
pub mod record;
pub mod report;
pub mod score;
mod server;
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

pub use cli::{run, Cli, Failure, Outcome};

/// "1 quotation", "2 quotations", "1 person", "0 people": a count for a summary line.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A file at least this large is worth telling the caller of (see [`cli::Io::large_input`]):
/// the binary then has its allocator return freed memory at once.
pub const LARGE_FILE: u64 = 1 << 20;
