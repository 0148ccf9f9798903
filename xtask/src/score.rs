//! `score [DIR]`: precision and recall per check over the hand-written fixtures (default
//! `fixtures/`). Each `NAME.md` with a `NAME.expected` (lines `LINE CODE`) is checked with the
//! default record and every default check; a finding counts as true when its code and starting
//! line match. A developer's tool: not installed with quotelint.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quotelint::diagnostic::LineIndex;
use quotelint::engine::{Engine, Settings};
use quotelint::record::{LoadOptions, Record};
use quotelint::score::{parse_expected, Score};

pub fn run(dir: &Path) -> ExitCode {
    let record = match Record::load(&LoadOptions::default()) {
        Ok(r) => r,
        Err(errors) => {
            for e in errors {
                eprintln!("{:?}", e.into_report());
            }
            return ExitCode::from(2);
        }
    };
    let engine = Engine::new(&record, Settings::default());
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(d) => d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    files.sort();
    let mut score = Score::default();
    let mut scored = 0;
    for md in files {
        let Ok(expected_text) = std::fs::read_to_string(md.with_extension("expected")) else { continue };
        let expected = match parse_expected(&expected_text) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("{}: {e}", md.with_extension("expected").display());
                return ExitCode::from(2);
            }
        };
        let text = match std::fs::read_to_string(&md) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", md.display());
                return ExitCode::from(2);
            }
        };
        let lines = LineIndex::new(&text);
        let found: Vec<(usize, String)> = engine
            .check(&text)
            .findings
            .iter()
            .map(|d| (lines.position(&text, d.range.start).line, d.code.as_str().to_owned()))
            .collect();
        for (line, code, what) in score.add(&expected, &found) {
            println!("{}:{line}: {what} {code}", md.display());
        }
        scored += 1;
    }
    println!("\n{scored} fixtures\n{}", score.table());
    ExitCode::SUCCESS
}
