//! quotelint's command line: arguments, configuration, file discovery, `--changed-since`, the
//! commands, the output formats and the language server, on top of the engine in
//! `quotelint-core` (text in, findings out).
//!
//! This library never prints and never exits either: commands write to the writer they are
//! given and return an [`Outcome`] or the diagnostics of a failure; `main.rs` maps those to exit
//! codes. Nor does it set any process-wide state: the `quotelint` binary chooses its allocator
//! (mimalloc, tuned for short runs, `src/alloc.rs`), and is told through
//! [`cli::Io::large_input`] when a large file is about to be checked.

// The promise above, held by clippy (`cargo clippy -- -D warnings`): no printing, no exiting, no
// leftover `dbg!`, in the library and its unit tests. Standard streams are reached only through
// the writers `main.rs` passes in (the language server's, through lsp-server's own threads).
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::exit, clippy::dbg_macro)]

pub mod changed;
pub mod cli;
mod commands;
pub mod config;
pub mod discover;
pub mod record_files;
pub mod report;
pub mod score;
mod server;

/// The engine's modules, at the paths they had when they lived in this crate.
pub use quotelint_core::{
    checks, date, diagnostic, engine, extract, findings, fix, harvest, markdown, matcher, names, normalize,
    prebuilt, record, scan, suppress, words, yaml_guard,
};

pub(crate) use quotelint_core::count;

pub use cli::{run, Cli, Failure, Outcome};

/// A file at least this large is worth telling the caller of (see [`cli::Io::large_input`]):
/// the binary then has its allocator return freed memory at once.
pub const LARGE_FILE: u64 = 1 << 20;
