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
        "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" He said 10 Jsnuary 2022 that it was over.\n",
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
    // Plain `check`, and `--diff` of what the fixes (safe and unsafe) would change: a.md has
    // fixes to show, and nothing is written.
    for args in [&["check", "."][..], &["check", "--diff", "."], &["check", "--diff", "--unsafe-fixes", "."]]
    {
        let out = run(args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
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

/// Runs quotelint in `dir` with a secret in its environment, as a CI job has.
fn with_secret(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
    cmd.args(args).current_dir(dir).env("CI_DEPLOY_TOKEN", "hunter2-secret-token");
    run_command(cmd, None)
}

/// Issue 18: `rules: ["/proc/self/environ"]` in a configuration printed the environment (a CI
/// job's secrets) in the error. A record path that is not a YAML file is refused unread, a
/// file with NUL bytes is refused unquoted, and an error in a YAML file quotes its own line
/// and no other.
#[test]
fn a_record_or_config_error_quotes_no_other_file_and_no_other_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.md"), "Nothing quoted.\n").unwrap();
    fs::write(p.join("quotelint.yaml"), "rules: [\"/proc/self/environ\"]\n").unwrap();
    let run = with_secret(p, &["check", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("record file /proc/self/environ is not a YAML file");
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);

    // Named like YAML, through a link: refused for its NUL bytes, not quoted.
    std::os::unix::fs::symlink("/proc/self/environ", p.join("env.yaml")).unwrap();
    let run = with_secret(p, &["--isolated", "--rules", "env.yaml", "check", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("record file env.yaml is not YAML text (NUL byte at line 1, column");
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
    fs::remove_file(p.join("env.yaml")).unwrap();

    // A YAML record with a bad value: its line is quoted, the lines around it are not.
    let record = "people:\n  - id: a # SECRET-BEFORE\n    name: A\n    aliases: 5\n    # SECRET-AFTER\n";
    fs::write(p.join("record.yaml"), record).unwrap();
    let run = with_secret(p, &["--isolated", "--rules", "record.yaml", "check", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("aliases: 5");
    assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
    // And a configuration likewise.
    fs::write(p.join("quotelint.yaml"), "# SECRET-BEFORE\nmin-words: four\n# SECRET-AFTER\n").unwrap();
    let run = with_secret(p, &["check", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("min-words: four");
    assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
}

/// Issue 18: `--rules DIR` followed directory links out of the repository, while finding
/// articles does not. Now both read a linked file and walk no linked directory.
#[test]
fn a_record_directory_is_walked_as_articles_are() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("stray.yaml"), "people: [unclosed\n").unwrap();
    fs::write(
        outside.path().join("linked.yaml"),
        "people:\n  - id: linked-person\n    name: Linked Person\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir(&rules).unwrap();
    fs::write(rules.join("own.yaml"), "people:\n  - id: own-person\n    name: Own Person\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), rules.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("linked.yaml"), rules.join("linked.yaml")).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
    cmd.args(["--no-default-rules", "--rules", "rules", "rules", "validate"]).current_dir(dir.path());
    let run = run_command(cmd, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("record is valid: 2 people"), "{}", run.stdout);
}

/// Issue 22: the binary reads untrusted text, so it is a position-independent executable,
/// placed at a random address like its libraries (the toolchain's default; `build.rs` linked
/// it with `-no-pie` to save the loader's relocations, 0.13-0.19 ms a run, docs/performance.md).
/// An ELF file's type (bytes 16-17) is `ET_DYN` (3) for such an executable, `ET_EXEC` (2) for
/// one at a fixed address.
#[cfg(target_os = "linux")]
#[test]
fn the_binary_is_position_independent() {
    let header = fs::read(env!("CARGO_BIN_EXE_quotelint")).expect("read the binary");
    assert_eq!(&header[..4], b"\x7fELF");
    assert_eq!(u16::from_le_bytes([header[16], header[17]]), 3, "not a position-independent executable");
}
