//! Micro-benchmarks of the hot paths (divan): matching one quotation against records of 100,
//! 10,000 and 100,000 quotations, extracting quotations from articles, loading the record.
//! `cargo bench --bench hot_paths`.

use std::sync::LazyLock;

use divan::Bencher;
use quotelint::engine::{Engine, Settings};
use quotelint::matcher::QuoteIndex;
use quotelint::record::{LoadOptions, Record};
use quotelint::record_files::RecordFiles;

/// The `quotelint` binary's allocator (src/alloc.rs), so that the figures are the binary's: the
/// library sets none.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/generate.rs"]
mod generate;

fn main() {
    divan::main();
}

/// A generated record of `n` quotations, its index, and 100 quotation fragments from it.
fn setup(n: usize) -> (Record, QuoteIndex, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    generate::record(dir.path(), n, 7);
    let record = RecordFiles {
        options: LoadOptions { default: false, ..LoadOptions::default() },
        paths: vec![dir.path().to_path_buf()],
        ..RecordFiles::default()
    }
    .load()
    .expect("record");
    let index = QuoteIndex::new(&record);
    let mut rng = generate::Rng(11);
    let queries = (0..100)
        .map(|_| {
            let q = &record.quotations[rng.below(record.quotations.len())];
            let words: Vec<&str> = q.text.split_whitespace().collect();
            let start = rng.below(words.len().saturating_sub(10).max(1));
            words[start..(start + 10).min(words.len())].join(" ")
        })
        .collect();
    (record, index, queries)
}

static SMALL: LazyLock<(Record, QuoteIndex, Vec<String>)> = LazyLock::new(|| setup(100));
static MEDIUM: LazyLock<(Record, QuoteIndex, Vec<String>)> = LazyLock::new(|| setup(10_000));
static LARGE: LazyLock<(Record, QuoteIndex, Vec<String>)> = LazyLock::new(|| setup(100_000));

/// Time to match 100 quotations (divide by 100 for one).
#[divan::bench(args = [100, 10_000, 100_000])]
fn match_100_quotations(bencher: Bencher, size: usize) {
    let (record, index, queries) = match size {
        100 => &*SMALL,
        10_000 => &*MEDIUM,
        _ => &*LARGE,
    };
    bencher.bench(|| queries.iter().filter(|q| index.find(record, q).is_some()).count());
}

static CORPUS: LazyLock<(Record, String)> = LazyLock::new(|| {
    let record = Record::load(&LoadOptions::default()).expect("record");
    let mut rng = generate::Rng(3);
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(&generate::article(&mut rng, &record));
    }
    (record, text)
});

/// The whole check of 1 MB of articles (parse, extract, match, checks).
#[divan::bench(sample_count = 20)]
fn check_one_megabyte(bencher: Bencher) {
    let (record, text) = &*CORPUS;
    let engine = Engine::new(record, Settings::default());
    bencher.bench(|| engine.check(text).findings.len());
}

/// Loading the embedded default record.
#[divan::bench]
fn load_default_record() -> Record {
    Record::load(&LoadOptions::default()).expect("record")
}

static DEFAULT: LazyLock<Record> = LazyLock::new(|| Record::load(&LoadOptions::default()).expect("record"));

/// Indexing the default record's wordings by trigram: part of every process's start-up.
#[divan::bench]
fn index_default_quotations() -> QuoteIndex {
    QuoteIndex::new(&DEFAULT)
}

/// Indexing the default record's names: part of every process's start-up.
#[divan::bench]
fn index_default_names() -> quotelint::names::NameIndex {
    quotelint::names::NameIndex::new(&DEFAULT)
}
