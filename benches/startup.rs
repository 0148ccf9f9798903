//! Where a one-article run's time goes: record load, index building, the first check (which
//! compiles the regexes), and a warm check. `cargo bench --bench startup`.

use std::time::{Duration, Instant};

use quotelint::engine::{Engine, Settings};
use quotelint::record::{LoadOptions, Record};

const ARTICLE: &str = "In March 1991 John Major told Gorbachev: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))\n";

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn main() {
    let (record, load) = time(|| Record::load(&LoadOptions::default()).expect("record"));
    let (_, quotes) = time(|| quotelint::matcher::QuoteIndex::new(&record));
    let (_, names) = time(|| quotelint::names::NameIndex::new(&record));
    let (engine, build) = time(|| Engine::new(&record, Settings::default()));
    let (_, first) = time(|| engine.check(ARTICLE));
    let mut warm: Vec<Duration> = (0..200).map(|_| time(|| engine.check(ARTICLE)).1).collect();
    warm.sort();
    println!("record load          {load:>10.3?}");
    println!("quotation index      {quotes:>10.3?}");
    println!("name index           {names:>10.3?}");
    println!("engine (again)       {build:>10.3?}");
    println!("first check          {first:>10.3?}  (compiles the regexes)");
    println!("warm check, median   {:>10.3?}", warm[warm.len() / 2]);
}
