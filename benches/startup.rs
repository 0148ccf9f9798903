//! Where a one-article run's time goes: record load (as `check` loads it, and in full), the
//! engine (reading the prebuilt indexes), the indexes built at run time (what a user's record
//! costs), the first check, and a warm check. `cargo bench --bench startup`.

use std::time::{Duration, Instant};

use quotelint::engine::{Engine, Settings};
use quotelint::record::{LoadOptions, Record};

/// The `quotelint` binary's allocator (src/alloc.rs), so that the figures are the binary's: the
/// library sets none.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLE: &str = "In March 1991 John Major told Gorbachev: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))\n";

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn main() {
    let checking = LoadOptions { for_checking: true, ..LoadOptions::default() };
    let (record, load) = time(|| Record::load(&checking).expect("record"));
    let (_, full) = time(|| Record::load(&LoadOptions::default()).expect("record"));
    let (engine, build) = time(|| Engine::new(&record, Settings::default()));
    let (_, first) = time(|| engine.check(ARTICLE));
    let (_, quotes) = time(|| quotelint::matcher::QuoteIndex::new(&record));
    let (_, names) = time(|| quotelint::names::NameIndex::new(&record));
    let mut warm: Vec<Duration> = (0..200).map(|_| time(|| engine.check(ARTICLE)).1).collect();
    warm.sort();
    println!("record load, for checking  {load:>10.3?}");
    println!("record load, in full       {full:>10.3?}");
    println!("engine (prebuilt indexes)  {build:>10.3?}");
    println!("first check                {first:>10.3?}  (reads the entries and wordings it needs)");
    println!("quotation index, built     {quotes:>10.3?}  (a user's record)");
    println!("name index, built          {names:>10.3?}  (a user's record)");
    println!("warm check, median         {:>10.3?}", warm[warm.len() / 2]);
}
