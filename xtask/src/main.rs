//! Development tasks: `cargo run --release -p xtask -- <task>`.
//!
//! - `gen-corpus --files N --seed S --out DIR`: realistic articles written from the default
//!   record (docs/performance.md);
//! - `gen-record --quotations N --seed S --out DIR`: a synthetic record of any size;
//! - `parse-only PATH...`: parse every Markdown file with pulldown-cmark, with the same batching
//!   and parallelism as `quotelint check`: the floor for any Markdown-aware tool;
//! - `score [DIR]`: precision and recall per check over the fixtures (see `score.rs`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rayon::prelude::*;

#[path = "../../benches/support/generate.rs"]
mod generate;
mod score;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Write a corpus of articles
    GenCorpus {
        #[arg(long, default_value_t = 20_000)]
        files: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a synthetic record
    GenRecord {
        #[arg(long)]
        quotations: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Parse Markdown files only (the baseline)
    ParseOnly { paths: Vec<PathBuf> },
    /// Precision and recall per check over the fixtures
    Score {
        #[arg(default_value = "fixtures")]
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().task {
        Task::Score { dir } => return score::run(&dir),
        Task::GenCorpus { files, seed, out } => {
            let record = match quotelint::record::Record::load(&Default::default()) {
                Ok(r) => r,
                Err(_) => return ExitCode::from(2),
            };
            let bytes = generate::corpus(&out, files, seed, &record);
            println!("wrote {files} articles, {:.1} MB, to {}", bytes as f64 / 1e6, out.display());
        }
        Task::GenRecord { quotations, seed, out } => {
            if let Err(e) = std::fs::create_dir_all(&out) {
                eprintln!("{}: {e}", out.display());
                return ExitCode::from(2);
            }
            generate::record(&out, quotations, seed);
            println!("wrote a record of {quotations} quotations to {}", out.display());
        }
        Task::ParseOnly { paths } => {
            let extensions = ["md".to_owned(), "markdown".to_owned()];
            let (files, _) = quotelint::discover::files(&paths, &extensions);
            let mut events = 0usize;
            // Batched as `quotelint check` batches them.
            for batch in quotelint::discover::batches(&files) {
                events += batch
                    .par_iter()
                    .map(|f| {
                        let text = std::fs::read_to_string(&f.path).unwrap_or_default();
                        pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::ENABLE_TABLES)
                            .into_offset_iter()
                            .count()
                    })
                    .sum::<usize>();
            }
            println!("parsed {} files, {events} events", files.len());
        }
    }
    ExitCode::SUCCESS
}
