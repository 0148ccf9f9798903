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
pub mod prebuilt;
pub mod record;
pub mod report;
pub mod score;
pub mod suppress;

pub use cli::{run, Cli, Failure, Outcome};

/// quotelint allocates many small strings (record entries, words) from two threads; mimalloc
/// is markedly faster than the system allocator at that (measured in `benches/record_load.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `arena_reserve` option (KiB), by its place in mimalloc 3's `mi_option_e`: the
/// binding crate does not name it.
const ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;
/// The option's documented default, 1 GiB: how [`reserve_small_arenas`] knows that the option
/// is the one it means and that no `MIMALLOC_ARENA_RESERVE` in the environment set it already.
const ARENA_RESERVE_DEFAULT_KIB: std::ffi::c_long = 1 << 20;

/// Has mimalloc reserve address space 64 MiB at a time (the least it reserves for a small
/// allocation, room for its own bookkeeping included) rather than 1 GiB. The 1 GiB
/// reservation, advised for huge pages, suits a long-lived server; quotelint lives a few
/// milliseconds when an editor runs it on one article, and peaks at about 33 MB over 20,000
/// files. Mapping it cost about 0.7 ms of a 4.8 ms one-article run, and the smaller arenas cost
/// nothing measurable over the corpus (docs/performance.md). The binary calls this before
/// `main`, since Rust's runtime allocates before `main` starts. mimalloc is left alone if the
/// option is not where it is expected or the environment set it. Returns whether it changed.
pub fn reserve_small_arenas() -> bool {
    // SAFETY: mi_option_get and mi_option_set take any option number and only read or write
    // mimalloc's table of options, which needs no initialization first.
    unsafe {
        let ours = libmimalloc_sys::mi_option_get(ARENA_RESERVE) == ARENA_RESERVE_DEFAULT_KIB;
        if ours {
            libmimalloc_sys::mi_option_set(ARENA_RESERVE, 64 << 10);
        }
        ours
    }
}
