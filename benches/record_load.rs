//! Record load time: the embedded default record, and generated records of 10,000 and 100,000
//! quotations split over files as a real record is. Prints the median and the fastest of several
//! runs. Run with `cargo bench --bench record_load`.

use std::time::{Duration, Instant};

use quotelint::record::LoadOptions;
use quotelint::record_files::RecordFiles;

/// The `quotelint` binary's allocator (src/alloc.rs), so that the figures are the binary's: the
/// library sets none.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/generate.rs"]
mod generate;

/// The median and fastest time to load `files`, and with `read_all`, to read every entry too
/// (what a run whose checks reach every entry pays, when the entries are decoded as read).
fn measure(label: &str, runs: usize, files: &RecordFiles, read_all: bool) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let record = files.load().expect("record loads");
            if read_all {
                let read = record.roles.iter().count()
                    + record.people.iter().count()
                    + record.quotations.iter().count()
                    + record.events.iter().count();
                std::hint::black_box(read);
            }
            let elapsed = start.elapsed();
            std::hint::black_box(record);
            elapsed
        })
        .collect();
    times.sort();
    println!("{label:<56} median {:>10.3?}  fastest {:>10.3?}  ({runs} runs)", times[runs / 2], times[0]);
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: run quickly then.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runs = |n: usize| if quick { 1 } else { n };
    measure("embedded default record", runs(200), &RecordFiles::default(), false);
    let checking = RecordFiles::default().for_checking();
    measure("embedded default record, for checking", runs(200), &checking, false);
    measure("embedded default record, for checking, every entry read", runs(200), &checking, true);
    for n in [10_000, 100_000] {
        if quick && n > 10_000 {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        generate::record(dir.path(), n, 0x9e3779b97f4a7c15);
        let size: u64 =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
        let files = RecordFiles {
            options: LoadOptions { default: false, ..LoadOptions::default() },
            paths: vec![dir.path().to_path_buf()],
            ..RecordFiles::default()
        };
        measure(&format!("generated, {n} quotations ({:.1} MB)", size as f64 / 1e6), runs(7), &files, false);
    }
}
