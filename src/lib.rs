//! quotelint: checks quotations in Markdown articles against a reference record of who said
//! what, when, and where it is documented.
//!
//! The library never prints and never exits: commands write to the writer they are given and
//! return an [`Outcome`] or the diagnostics of a failure; `main.rs` maps those to exit codes.

pub mod changed;
pub mod checks;
pub mod cli;
mod commands;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod extract;
pub mod markdown;
pub mod matcher;
pub mod names;
pub mod normalize;
pub mod record;
pub mod report;
pub mod score;
pub mod suppress;

pub use cli::{run, Cli, Failure, Outcome};

/// quotelint allocates many small strings (record entries, words) from two threads; mimalloc
/// is markedly faster than the system allocator at that (measured in `benches/record_load.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
