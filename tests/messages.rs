//! Messages speak to writers and editors: a bad configuration or record is described in their
//! words, never in serde's or Rust's, and help points to commands the installed binary has
//! (`quotelint config`, `quotelint rules show`, `quotelint explain`), not to files it has not.

mod common;

use std::fs;

use common::quotelint;

/// Words of serde and Rust, and files an installed binary does not come with.
const JARGON: &[&str] = &[
    "invalid type",
    "invalid value",
    "invalid length",
    "expected usize",
    "expected u64",
    "expected i64",
    "expected a sequence",
    "expected struct",
    "struct ",
    "enum ",
    "unknown variant",
    "expected variant",
    "deserializ",
    "README",
    "docs/",
];

#[track_caller]
fn assert_plain(what: &str, text: &str) {
    for word in JARGON {
        assert!(!text.contains(word), "{what}: `{word}` in\n{text}");
    }
}

const BAD_CONFIGS: &[&str] = &[
    "min-words: many\n",
    "min-words: -1\n",
    "min-words: 2.5\n",
    "include: foo\n",
    "include: [1, [2]]\n",
    "checks: [a]\n",
    "checks:\n  unsourced: loud\n",
    "checks:\n  nosuch: off\n",
    "default-rules: maybe\n",
    "max-file-size: huge\n",
    "max-file-size: [1]\n",
    "bogus: 1\n",
    "article-date: 5\n",
    "article-date: [2020]\n",
    "rules: 3\n",
    "extensions: {a: 1}\n",
    "[1, 2]\n",
    "just text\n",
];

const ENTRY: &str = "  - id: x1\n    speaker: thatcher\n    text: hello there world friends\n    date: \"1990\"\n    source: {url: \"https://example.org\"}\n";

fn bad_records() -> Vec<String> {
    let mut records: Vec<String> = [
        "quotations: 5\n",
        "quotations:\n  - [a, b]\n",
        "quotations:\n  - id: x1\n    text: hello there world\n",
        "bogus: []\n",
        "- a\n- b\n",
        "people:\n  - id: p1\n    name: P\n    roles: 7\n",
        "people:\n  - id: p1\n    name: P\n    roles:\n      - role: uk-prime-minister\n        from: 1979\n        to: [x]\n",
        "people:\n  - id: p1\n    name: P\n    aliases: {a: b}\n",
        "people:\n  - id: p1\n    name: [P]\n",
        "events:\n  - id: e1\n    name: Some Summit\n    date: tomorrow\n",
        "events:\n  - id: e1\n    name: Some Summit\n    names: 3\n    date: \"1990\"\n",
        "roles:\n  - id: r1\n    title: T\n    single_holder: perhaps\n",
        "roles:\n  - id: r1\n    title: T\n    phrases: 12\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for extra in [
        "    confidence: sure\n",
        "    colour: red\n",
        "    variants: [5]\n",
        "    provenance: yes\n",
        "    examples: 3\n",
        "    accepted_dates: 1990\n",
        "    kind: shout\n",
    ] {
        records.push(format!("quotations:\n{ENTRY}{extra}"));
    }
    records
        .push(format!("quotations:\n{}", ENTRY.replace("text: hello there world friends", "text: [a, b]")));
    records.push(format!("quotations:\n{}", ENTRY.replace("speaker: thatcher", "speaker: {a: 1}")));
    records.push(format!("quotations:\n{}", ENTRY.replace("speaker: thatcher", "speaker: nobody-known")));
    records.push(format!(
        "quotations:\n{}",
        ENTRY.replace("source: {url: \"https://example.org\"}", "source: 5")
    ));
    records
}

#[test]
fn bad_configurations_are_described_in_a_writers_words() {
    let dir = tempfile::tempdir().unwrap();
    for config in BAD_CONFIGS {
        fs::write(dir.path().join("c.yaml"), config).unwrap();
        for args in
            [&["--config", "c.yaml", "config"][..], &["--config", "c.yaml", "check", "--format", "json"]]
        {
            let run = quotelint(args, Some(dir.path()));
            assert_eq!(run.code, 2, "{config}: {}", run.stderr);
            assert_plain(config, &format!("{}{}", run.stdout, run.stderr));
        }
    }
    // An unknown key points to the commands that list and describe the keys.
    fs::write(dir.path().join("c.yaml"), "bogus: 1\n").unwrap();
    let run = quotelint(&["--config", "c.yaml", "config"], Some(dir.path()));
    run.assert_stderr("`quotelint config` lists the keys");
}

#[test]
fn bad_records_are_described_in_a_writers_words() {
    let dir = tempfile::tempdir().unwrap();
    for record in bad_records() {
        fs::write(dir.path().join("r.yaml"), &record).unwrap();
        let run = quotelint(&["rules", "validate", "r.yaml"], Some(dir.path()));
        assert_eq!(run.code, 2, "{record}: {}", run.stderr);
        assert_plain(&record, &run.stderr);
        let run = quotelint(&["--rules", "r.yaml", "check", "--format", "json"], Some(dir.path()));
        assert_eq!(run.code, 2, "{record}: {}", run.stderr);
        assert_plain(&record, &format!("{}{}", run.stdout, run.stderr));
    }
    // Help points to a command of the binary, not to its documentation files.
    fs::write(dir.path().join("r.yaml"), format!("quotations:\n{ENTRY}    colour: red\n")).unwrap();
    let run = quotelint(&["rules", "validate", "r.yaml"], Some(dir.path()));
    run.assert_stderr("`quotelint rules show ID`");
}

#[test]
fn explanations_and_help_name_no_file_an_installed_binary_lacks() {
    let list = quotelint(&["explain", "--list"], None);
    assert_eq!(list.code, 0, "{}", list.stderr);
    let codes: Vec<&str> = list.stdout.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(codes.len() >= 10, "{}", list.stdout);
    for code in codes {
        let run = quotelint(&["explain", code], None);
        assert_eq!(run.code, 0, "{code}: {}", run.stderr);
        for word in ["README", "docs/record.md", "see docs/", "(docs/"] {
            assert!(!run.stdout.contains(word), "explain {code}: {word}\n{}", run.stdout);
        }
    }
    for args in [&["--help"][..], &["check", "--help"], &["rules", "--help"], &["manpage"]] {
        let run = quotelint(args, None);
        assert_plain(&args.join(" "), &run.stdout);
    }
}
