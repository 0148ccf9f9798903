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
pub mod findings;
pub mod fix;
pub mod harvest;
pub mod markdown;
pub mod matcher;
pub mod names;
pub mod prebuilt;
pub mod record;
pub mod report;
pub mod score;
mod server;
pub mod suppress;
pub mod words;
pub mod yaml_guard;

/// Words and their folding live in their own crate, below everything here; the paths
/// `crate::normalize` and `crate::scan` read as before.
pub use quotelint_text::{normalize, scan};

pub use cli::{run, Cli, Failure, Outcome};

/// "1 quotation", "2 quotations", "1 person", "0 people": a count for a summary line.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// quotelint allocates many small strings (record entries, words) from two threads; mimalloc
/// is markedly faster than the system allocator at that (measured in `benches/record_load.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc options by their place in mimalloc 3's `mi_option_e` (the binding crate does not
/// name them), each with its documented default: an option is set only if it reads as its
/// default, which tells both that the number is the option meant and that no `MIMALLOC_*`
/// variable in the environment set it.
const PURGE_DELAY: (libmimalloc_sys::mi_option_t, std::ffi::c_long) = (15, 1000);
const ARENA_RESERVE: (libmimalloc_sys::mi_option_t, std::ffi::c_long) = (23, 1 << 20);

/// Tunes mimalloc for a process that may live a few milliseconds, as when an editor runs
/// quotelint on one article (docs/performance.md has the measurements). mimalloc's defaults
/// suit a long-lived server:
/// - it reserves 1 GiB of address space for its first arena; this reserves 64 MiB (the least it
///   takes for a small allocation, room for its own bookkeeping included). Mapping 1 GiB cost
///   about 0.7 ms of a 4.8 ms run. quotelint peaks at about 33 MB over 20,000 files.
/// - it returns freed memory to the system after a second, and all of it at exit; this never does,
///   since the process ends soon and its memory with it. The madvise calls at exit cost about
///   0.2 ms.
///
/// (Huge pages are off at build time, with mimalloc's `no_thp` feature: zeroing a 2 MiB page
/// for a heap of a few hundred KB cost about 0.4 ms.) The binary calls this before `main`,
/// since Rust's runtime allocates before `main` starts. Returns how many options it set.
pub fn tune_allocator_for_short_runs() -> usize {
    let mut set = 0;
    for ((option, default), value) in [(ARENA_RESERVE, 64 << 10), (PURGE_DELAY, -1)] {
        // SAFETY: mi_option_get and mi_option_set take any option number and only read or
        // write mimalloc's table of options, which needs no initialization first.
        unsafe {
            if libmimalloc_sys::mi_option_get(option) == default {
                libmimalloc_sys::mi_option_set(option, value);
                set += 1;
            }
        }
    }
    set
}

/// A file at least this large makes [`tune_allocator_for_large_files`] worth its cost.
pub const LARGE_FILE: u64 = 1 << 20;

/// Undoes the short-run tuning's "never return freed memory" for a run that checks a large
/// file: freed memory goes back to the system at once. Checking a file builds large vectors and
/// frees them (the Markdown events, the quotations, the findings as they grow); kept, they
/// count in the peak: on a 5 MB line of 327,680 quotations, 234 MB against 157 MB, and 265 bytes
/// against 134 per finding (docs/performance.md). A `MIMALLOC_PURGE_DELAY` in the environment
/// is left alone. Returns whether it changed the option.
pub fn tune_allocator_for_large_files() -> bool {
    // SAFETY: as in tune_allocator_for_short_runs; called on the main thread before files
    // are checked.
    unsafe {
        if libmimalloc_sys::mi_option_get(PURGE_DELAY.0) == -1 {
            libmimalloc_sys::mi_option_set(PURGE_DELAY.0, 0);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    /// The options read as their documented defaults, so the numbers are the options meant (a
    /// mimalloc update that renumbered them would make tuning silently do nothing); once set,
    /// they no longer do.
    #[test]
    fn the_allocator_options_are_where_expected() {
        if std::env::vars().any(|(name, _)| name.starts_with("MIMALLOC_")) {
            return; // the environment chose, and tuning rightly leaves them alone
        }
        assert_eq!(super::tune_allocator_for_short_runs(), 2);
        assert_eq!(super::tune_allocator_for_short_runs(), 0);
    }
}
