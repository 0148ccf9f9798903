//! Runs the built binary over every fixture and compares its findings (code and line) with the
//! hand-written `NAME.expected` next to each `NAME.md`. Any difference fails, listing them all.

mod common;

use std::path::{Path, PathBuf};

use common::quotelint;
use quotelint::score::{parse_expected_messages, Score};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings() {
    let files = fixtures();
    assert!(files.len() >= 40, "at least 40 fixtures, found {}", files.len());
    let mut score = Score::default();
    let mut failures = Vec::new();
    for md in &files {
        let expected_path = md.with_extension("expected");
        let expected_text = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no .expected file", md.display()));
        let with_messages = parse_expected_messages(&expected_text)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let expected: Vec<(usize, String)> =
            with_messages.iter().map(|(l, code, _)| (*l, code.clone())).collect();
        let run = quotelint(&["check", "--format", "json", md.to_str().unwrap()], None);
        assert!(run.code == 0 || run.code == 1, "{}: exit {} {}", md.display(), run.code, run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
        let found: Vec<(usize, String)> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["range"]["start"]["line"].as_u64().unwrap() as usize,
                    d["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let name = md.file_name().unwrap().to_string_lossy().into_owned();
        // Where the expectation gives words of the message, a finding of that code on that line
        // must say them: the right line for the wrong reason is a failure too.
        for (line, code, words) in &with_messages {
            let Some(words) = words else { continue };
            let said = json["diagnostics"].as_array().unwrap().iter().any(|d| {
                d["range"]["start"]["line"].as_u64() == Some(*line as u64)
                    && d["code"] == code.as_str()
                    && d["message"].as_str().is_some_and(|m| m.contains(words.as_str()))
            });
            if !said {
                failures.push(format!("{name}:{line}: no {code} message containing `{words}`"));
            }
        }
        for (line, code, what) in score.add(&expected, &found) {
            failures.push(format!("{name}:{line}: {what} {code}"));
        }
        // Exit code 1 exactly when an error or warning is expected... and found.
        let serious = json["diagnostics"].as_array().unwrap().iter().any(|d| d["severity"] != "info");
        assert_eq!(run.code, i32::from(serious), "{name}: exit code");
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}\n\n{}",
        failures.len(),
        failures.join("\n"),
        score.table()
    );
}
