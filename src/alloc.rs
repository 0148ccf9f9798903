//! The binary's allocator, and its tuning for the runs a command-line linter makes. Part of
//! the `quotelint` binary (declared in `main.rs`), not of the library: an allocator is chosen
//! once per process, so a library that set one would impose it on every program built on it
//! (the language server, the fuzz targets, the benches), and the tuning below suits only a
//! process that may live a few milliseconds.

/// quotelint allocates many small strings (record entries, words) from two threads; mimalloc
/// is markedly faster than the system allocator at that (measured in `benches/record_load.rs`,
/// which chooses it too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc options by their place in mimalloc 3's `mi_option_e` (the binding crate does not
/// name them), each with its documented default: an option is set only if it reads as its
/// default, which tells both that the number is the option meant and that no `MIMALLOC_*`
/// variable in the environment set it.
const PURGE_DELAY: (libmimalloc_sys::mi_option_t, std::ffi::c_long) = (15, 1000);
const ARENA_RESERVE: (libmimalloc_sys::mi_option_t, std::ffi::c_long) = (23, 1 << 20);

/// Before Rust's runtime first allocates: see [`tune_for_short_runs`].
#[ctor::ctor(unsafe)]
fn before_main() {
    tune_for_short_runs();
}

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
/// for a heap of a few hundred KB cost about 0.4 ms.) Called before `main`, since Rust's
/// runtime allocates before `main` starts. Returns how many options it set.
fn tune_for_short_runs() -> usize {
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

/// Undoes the short-run tuning's "never return freed memory" for a run that checks a large
/// file (the library calls the hook it is given before such a file, see
/// `quotelint::cli::Io::large_input`) and for the language server, a long-lived process: freed
/// memory goes back to the system at once. Checking a file builds large vectors and frees them
/// (the Markdown events, the quotations, the findings as they grow); kept, they count in the
/// peak: on a 5 MB line of 327,680 quotations, 234 MB against 157 MB, and 265 bytes against
/// 134 per finding (docs/performance.md). A `MIMALLOC_PURGE_DELAY` in the environment is left
/// alone. Returns whether it changed the option.
pub fn tune_for_large_files() -> bool {
    // SAFETY: as in tune_for_short_runs; called on the main thread before files are checked.
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
    use super::{ARENA_RESERVE, PURGE_DELAY};

    fn get(option: (libmimalloc_sys::mi_option_t, std::ffi::c_long)) -> std::ffi::c_long {
        // SAFETY: as in tune_for_short_runs.
        unsafe { libmimalloc_sys::mi_option_get(option.0) }
    }

    /// The constructor ran in this process too (it is compiled into the test binary), and
    /// found each option at its documented default, so the numbers are the options meant (a
    /// mimalloc update that renumbered them would make tuning silently do nothing): both now
    /// read as tuned, and tuning again sets nothing. The large-file tuning then sets the one
    /// option it undoes, once.
    #[test]
    fn the_allocator_options_are_where_expected() {
        if std::env::vars().any(|(name, _)| name.starts_with("MIMALLOC_")) {
            return; // the environment chose, and tuning rightly leaves them alone
        }
        assert_eq!((get(ARENA_RESERVE), get(PURGE_DELAY)), (64 << 10, -1));
        assert_eq!(super::tune_for_short_runs(), 0);
        assert!(super::tune_for_large_files());
        assert_eq!(get(PURGE_DELAY), 0);
        assert!(!super::tune_for_large_files());
    }
}
