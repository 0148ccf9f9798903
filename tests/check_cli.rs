//! `quotelint check` as users and plugins run it: paths, stdin, formats, exit codes, bad files.

mod common;

use std::fs;

use common::quotelint;

const WRONG: &str = "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))\n";
const RIGHT: &str = "In March 1991 John Major told Gorbachev: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))\n";

#[test]
fn json_output_is_the_documented_contract() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), format!("# Title\n\n{WRONG}")).unwrap();
    let run = quotelint(&["check", "--format", "json", "a.md"], Some(dir.path()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["summary"]["quotations"], 1);
    assert_eq!(json["summary"]["diagnostics"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(d["path"], "a.md");
    assert_eq!(d["code"], "misattributed");
    assert_eq!(d["quote_id"], "major-1991-03-not-strengthening-nato");
    assert_eq!(d["found"], "Margaret Thatcher");
    assert_eq!(d["expected"], "John Major");
    // The quotation, from its opening mark to its closing mark; line 3 of the file.
    let open = WRONG.find('"').unwrap();
    let close = WRONG.rfind('"').unwrap() + 1;
    let base = "# Title\n\n".len();
    assert_eq!(
        d["range"]["start"],
        serde_json::json!({"line": 3, "column": open + 1, "offset": base + open})
    );
    assert_eq!(
        d["range"]["end"],
        serde_json::json!({"line": 3, "column": close + 1, "offset": base + close})
    );
    // Severity is low-confidence-aware: this entry is seed-only (low), so an error becomes a warning.
    assert_eq!(d["severity"], "warning");
}

#[test]
fn stdin_with_a_filename() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["check", "-", "--stdin-filename", "drafts/x.md", "--format", "json"];
    let run = common::quotelint_with_input(&args, Some(dir.path()), Some(WRONG));
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["path"], "drafts/x.md");
}

#[test]
fn exit_codes_and_human_output() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("right.md"), RIGHT).unwrap();
    fs::write(dir.path().join("wrong.md"), WRONG).unwrap();
    let clean = quotelint(&["check", "right.md"], Some(dir.path()));
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert_eq!(clean.stdout.trim(), "checked 1 file, 1 quotation: no problems found");
    let found = quotelint(&["check", "wrong.md"], Some(dir.path()));
    assert_eq!(found.code, 1);
    assert!(found.stdout.starts_with("wrong.md:1:49: warning[misattributed] "), "{}", found.stdout);
    assert!(found.stdout.contains("help: attribute it to John Major"), "{}", found.stdout);
    let graphical = quotelint(&["check", "--color", "always", "wrong.md"], Some(dir.path()));
    assert!(graphical.stdout.contains("quotelint(misattributed)"), "{}", graphical.stdout);
    assert!(graphical.stdout.contains("Margaret Thatcher did not say this"), "{}", graphical.stdout);
}

#[test]
fn directories_are_walked_skipping_hidden_ignored_and_build_dirs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for sub in ["docs", ".hidden", "target", "node_modules", "ignored"] {
        fs::create_dir(p.join(sub)).unwrap();
        fs::write(p.join(sub).join("a.md"), WRONG).unwrap();
    }
    fs::write(p.join("docs/b.markdown"), WRONG).unwrap();
    fs::write(p.join("docs/c.txt"), WRONG).unwrap();
    fs::write(p.join(".gitignore"), "ignored/\n").unwrap();
    let run = quotelint(&["check", "--format", "json"], Some(p));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let paths: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths, vec!["docs/a.md", "docs/b.markdown"]);
    // A file named explicitly is checked whatever its name.
    let run = quotelint(&["check", "--format", "json", "docs/c.txt"], Some(p));
    assert_eq!(run.code, 1);
}

#[test]
fn bad_files_are_errors_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), WRONG).unwrap();
    fs::write(dir.path().join("latin1.md"), b"W\xf6rner said \"x y z w\"\n").unwrap();
    let run = quotelint(&["check", "--format", "json", "a.md", "latin1.md", "missing.md"], Some(dir.path()));
    assert_eq!(run.code, 2);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(&str, &str, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            (
                d["path"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                start["line"].as_u64().unwrap(),
                start["column"].as_u64().unwrap(),
            )
        })
        .collect();
    // A path that could not be walked comes first; the others are in their place, each bad
    // file an `unreadable` finding at its bad byte.
    assert_eq!(
        found,
        vec![
            ("missing.md", "unreadable", 1, 1),
            ("a.md", "misattributed", 1, 49),
            ("latin1.md", "unreadable", 1, 2)
        ]
    );
    assert_eq!(
        json["diagnostics"][2]["message"].as_str().unwrap(),
        "not UTF-8: byte 0xf6 at line 1, column 2 (byte offset 1); save the file as UTF-8"
    );
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(json["summary"]["diagnostics"], 3);
    run.assert_stderr(
        "latin1.md: not UTF-8: byte 0xf6 at line 1, column 2 (byte offset 1); save the file as UTF-8",
    );
    run.assert_stderr("missing.md: no such file or directory");
}

#[test]
fn checks_can_be_enabled_and_disabled() {
    let dir = tempfile::tempdir().unwrap();
    let unverified =
        "Putin said: \"We have always dreamed of joining the alliance.\" ([TASS](https://tass.com))\n";
    fs::write(dir.path().join("a.md"), unverified).unwrap();
    let off = quotelint(&["check", "--format", "json", "a.md"], Some(dir.path()));
    assert_eq!(off.code, 0);
    let on = quotelint(&["check", "--format", "json", "--enable", "unverified", "a.md"], Some(dir.path()));
    let json: serde_json::Value = serde_json::from_str(&on.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "unverified");
    assert_eq!(on.code, 0, "info findings do not fail the run");
    fs::write(dir.path().join("b.md"), WRONG).unwrap();
    let disabled = quotelint(&["check", "--disable", "misattributed", "b.md"], Some(dir.path()));
    assert_eq!(disabled.code, 0, "{}", disabled.stdout);
    let unknown = quotelint(&["check", "--disable", "misatributed", "b.md"], Some(dir.path()));
    assert_eq!(unknown.code, 2);
    unknown.assert_stderr("unknown check `misatributed`");
}

/// `unsourced` says how a newsroom registers its own way of citing, and the registered
/// pattern then counts as a citation.
#[test]
fn unsourced_tells_how_to_register_a_house_style() {
    let explain = quotelint(&["explain", "unsourced"], None);
    assert!(explain.stdout.contains("citation-patterns:"), "{}", explain.stdout);
    let dir = tempfile::tempdir().unwrap();
    let article = "A diplomat said \"the door was never as open as they claimed\". (Desk wire)\n";
    fs::write(dir.path().join("a.md"), article).unwrap();
    let run = quotelint(&["check", "a.md"], Some(dir.path()));
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("or set citation-patterns"), "{}", run.stdout);
    fs::write(dir.path().join("quotelint.yaml"), "citation-patterns: ['\\(Desk wire\\)']\n").unwrap();
    let run = quotelint(&["check", "a.md"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn explain_every_check() {
    let list = quotelint(&["explain", "--list"], None);
    assert_eq!(list.code, 0);
    assert_eq!(list.stdout.lines().count(), quotelint::checks::ALL.len());
    for check in quotelint::checks::ALL {
        let run = quotelint(&["explain", check.code.as_str()], None);
        assert_eq!(run.code, 0);
        assert!(run.stdout.starts_with(&format!("## {} (", check.code)), "{}", run.stdout);
        for part in ["**What it flags.**", "**Why.**", "**How to fix.**", "**Suppress**"] {
            assert!(run.stdout.contains(part), "{}: no {part}", check.code);
        }
    }
    assert_eq!(quotelint(&["explain", "nope"], None).code, 2);
}

/// An editor runs quotelint on every save: a run of a few milliseconds must not have its
/// allocator map 1 GiB of address space (`tune_for_short_runs` in src/alloc.rs, which must act
/// before Rust's runtime first allocates). Read from the process's maps while it waits for its
/// standard input, by which time it has allocated.
#[cfg(target_os = "linux")]
#[test]
fn a_run_maps_no_gigabyte_arena() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelint"))
        .args(["check", "-"])
        .env_remove("MIMALLOC_ARENA_RESERVE")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run quotelint");
    // Sizes of the anonymous mappings of 32 MiB or more: mimalloc's arenas.
    let arenas = |maps: &str| -> Vec<u64> {
        maps.lines()
            .filter(|l| l.split_whitespace().count() == 5) // no path: anonymous
            .filter_map(|l| {
                let (from, to) = l.split_whitespace().next()?.split_once('-')?;
                Some(u64::from_str_radix(to, 16).ok()? - u64::from_str_radix(from, 16).ok()?)
            })
            .filter(|&size| size >= 32 << 20)
            .collect()
    };
    let mut found = Vec::new();
    for _ in 0..500 {
        found = arenas(&fs::read_to_string(format!("/proc/{}/maps", child.id())).unwrap_or_default());
        if !found.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.stdin.take().unwrap().write_all(RIGHT.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(!found.is_empty(), "no arena seen");
    assert!(found.iter().all(|&size| size < 1 << 30), "mappings of {found:?} bytes");
}

#[test]
fn many_files_are_reported_in_path_order_across_batches() {
    // 600 files: three batches of checking, each reported while the next is checked.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..600 {
        let name = format!("{i:03}.md");
        if i % 67 == 5 {
            fs::write(dir.path().join(name), b"W\xf6rner\n").unwrap();
        } else {
            fs::write(dir.path().join(name), if i % 3 == 0 { WRONG } else { RIGHT }).unwrap();
        }
    }
    let run = quotelint(&["check", "--format", "json-lines", "."], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    let paths: Vec<String> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["path"].as_str().unwrap().to_owned())
        .collect();
    // The files that are not UTF-8 are in their place, as `unreadable` findings.
    let expected: Vec<String> =
        (0..600).filter(|i| i % 3 == 0 || i % 67 == 5).map(|i| format!("{i:03}.md")).collect();
    assert_eq!(paths, expected);
    for bad in [5, 72, 139, 273, 541] {
        run.assert_stderr(&format!("{bad:03}.md: not UTF-8"));
    }
}

#[test]
fn misquoted_messages_name_substitutions_and_words_run_on_past_a_sentence_end() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let run = quotelint(&["check", "match-sentence-ends.md", "match-real-words.md"], Some(&fixtures));
    assert_eq!(run.code, 1, "{}", run.stdout);
    for message in [
        "the wording differs from the record: “in eastern europe” added after the end of the recorded sentence",
        "the wording differs from the record: “follow” for “happen”\n",
        "the wording differs from the record: “expend” for “expand”\n",
        "the wording differs from the record: “difference” for “differences”\n",
    ] {
        assert!(run.stdout.contains(message), "no `{message}` in:\n{}", run.stdout);
    }
    // A changed word is never offered as one to delete.
    assert!(!run.stdout.contains("“follow” added"), "{}", run.stdout);
}
