//! The promises of the README's "Safety" section that a test can hold: checking writes no
//! file, no network code is in the dependency tree, and patterns from a configuration run in
//! linear time.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use common::{bounded, run_command, Run};

/// Every file and directory under `root`, with its length and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    walk(root)
        .into_iter()
        .map(|p| (p.clone(), fs::symlink_metadata(&p).map(|m| (m.len(), m.modified().unwrap())).unwrap()))
        .collect()
}

fn walk(root: &Path) -> Vec<PathBuf> {
    let mut out = vec![root.to_path_buf()];
    if root.is_dir() {
        for e in fs::read_dir(root).unwrap() {
            out.extend(walk(&e.unwrap().path()));
        }
    }
    out
}

#[test]
fn checking_writes_no_file() {
    let repo = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let p = repo.path();
    fs::create_dir(p.join("articles")).unwrap();
    fs::write(
        p.join("articles/a.md"),
        "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\"\n",
    )
    .unwrap();
    fs::write(
        p.join("articles/b.md"),
        "<!-- quotelint-disable-next-line misattributed -->\nNothing quoted.\n",
    )
    .unwrap();
    fs::write(p.join("quotelint.yaml"), "checks:\n  unverified: warning\n").unwrap();
    let before = (snapshot(p), snapshot(home.path()));
    // Every command, with a home and a cache directory of its own to (not) write to.
    let run = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
        cmd.args(args)
            .current_dir(p)
            .env("HOME", home.path())
            .env("XDG_CACHE_HOME", home.path().join(".cache"));
        run_command(cmd, None)
    };
    for format in ["human", "json", "json-lines", "sarif", "github", "checkstyle"] {
        let out = run(&["check", "--format", format, "--statistics", "--report-unused-suppressions", "."]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
    }
    for args in [&["rules", "validate"][..], &["rules", "list"], &["config"], &["explain", "misquoted"]] {
        let out = run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
    assert_eq!((snapshot(p), snapshot(home.path())), before, "a command wrote, removed or touched a file");
}

#[test]
fn no_network_code_in_the_dependency_tree() {
    // Cargo.lock lists every crate any build of quotelint uses, tests and benches included.
    let lock = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    let names: Vec<&str> =
        lock.lines().filter_map(|l| l.strip_prefix("name = \"")?.strip_suffix('"')).collect();
    assert!(names.contains(&"pulldown-cmark"), "not a Cargo.lock: {names:?}");
    for network in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "tokio",
        "mio",
        "socket2",
        "native-tls",
        "rustls",
        "openssl",
        "h2",
    ] {
        assert!(
            !names.contains(&network),
            "`{network}` is in Cargo.lock: quotelint promises never to touch the network"
        );
    }
}

#[test]
fn configured_patterns_run_in_linear_time() {
    // `(a+)+$` backtracks exponentially on "aaa…!" in a backtracking engine; the regex crate
    // that citation patterns compile with is linear.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("quotelint.yaml"), "citation-patterns:\n  - '(a+)+$'\n").unwrap();
    let paragraph = format!(
        "Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" {}!\n",
        "a".repeat(200_000)
    );
    fs::write(dir.path().join("a.md"), paragraph).unwrap();
    let (run, stats): (Run, _) = bounded(dir.path(), &["check", "--format", "json-lines", "a.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("\"code\":\"misattributed\""), "{}", run.stdout);
    // Not matched, so not cited: the quotation is also unsourced.
    assert!(run.stdout.contains("\"code\":\"unsourced\""), "{}", run.stdout);
    // `bounded` fails the test past its timeout: a backtracking engine would never get here.
    eprintln!("(a+)+$ on 200,000 characters: {:.2?}", stats.elapsed);
}
