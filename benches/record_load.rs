//! Record load time: the embedded default record, and generated records of 10,000 and 100,000
//! quotations split over files as a real record is. Prints the median and the fastest of several
//! runs. Run with `cargo bench --bench record_load`.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use quotelint::record::{LoadOptions, Record};

const WORDS: &[&str] = &[
    "nato",
    "russia",
    "expansion",
    "east",
    "inch",
    "security",
    "guarantee",
    "alliance",
    "treaty",
    "moscow",
    "brussels",
    "germany",
    "soviet",
    "union",
    "assurance",
    "promise",
    "the",
    "of",
    "we",
    "will",
    "not",
    "membership",
    "talks",
    "partners",
    "military",
    "forces",
    "border",
    "europe",
    "cooperation",
    "council",
];

/// A deterministic pseudo-random sequence (xorshift), so every run loads the same record.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
}

/// Writes a record of `quotations` quotations by 500 people, 5,000 quotations a file.
fn generate(dir: &Path, quotations: usize) {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut people =
        String::from("roles:\n  - id: minister\n    title: Minister\n    phrases: [the minister]\npeople:\n");
    for p in 0..500 {
        let _ = write!(
            people,
            "  - id: person-{p}\n    name: Person Number{p}\n    aliases: [Number{p}]\n    roles:\n      - role: minister\n        from: \"{}\"\n        to: \"{}\"\n",
            1950 + p % 50,
            1960 + p % 50
        );
    }
    std::fs::write(dir.join("people.yaml"), people).unwrap();
    for file in 0..quotations.div_ceil(5000) {
        let mut text = String::from("quotations:\n");
        for q in file * 5000..((file + 1) * 5000).min(quotations) {
            let words: Vec<&str> =
                (0..20 + rng.next() % 20).map(|_| WORDS[rng.next() % WORDS.len()]).collect();
            let _ = write!(
                text,
                "  - id: quote-{q}\n    speaker: person-{}\n    text: \"{}.\"\n    date: \"{}-{:02}-{:02}\"\n    source:\n      publication: Archive {}\n      url: https://example.org/q/{q}\n    confidence: high\n",
                rng.next() % 500,
                words.join(" "),
                1950 + rng.next() % 70,
                1 + rng.next() % 12,
                1 + rng.next() % 28,
                rng.next() % 100
            );
            if q % 5 == 0 {
                let _ = write!(text, "    variants:\n      - \"{}\"\n", words[..words.len() / 2].join(" "));
            }
        }
        std::fs::write(dir.join(format!("quotations-{file:03}.yaml")), text).unwrap();
    }
}

fn measure(label: &str, runs: usize, options: &LoadOptions) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let record = Record::load(options).expect("record loads");
            let elapsed = start.elapsed();
            std::hint::black_box(record);
            elapsed
        })
        .collect();
    times.sort();
    println!("{label:<40} median {:>10.3?}  fastest {:>10.3?}  ({runs} runs)", times[runs / 2], times[0]);
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: run quickly then.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runs = |n: usize| if quick { 1 } else { n };
    measure("embedded default record", runs(200), &LoadOptions::default());
    for n in [10_000, 100_000] {
        if quick && n > 10_000 {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), n);
        let size: u64 =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
        let options = LoadOptions { default: false, paths: vec![dir.path().to_path_buf()] };
        measure(&format!("generated, {n} quotations ({:.1} MB)", size as f64 / 1e6), runs(7), &options);
    }
}
