//! What every output format says, and how: files that could not be checked, positions that
//! agree across formats, text and file names that cannot break a terminal or a parser, and a
//! reader that goes away early.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{quotelint, uncolored};

/// John Major's words given to Margaret Thatcher: one `misattributed` finding, cited.
const WRONG: &str = "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))\n";

const MACHINE: [&str; 5] = ["json", "json-lines", "sarif", "github", "checkstyle"];

/// `(path, code, line, column)` of every finding in a machine format's output.
fn findings(format: &str, stdout: &str) -> Vec<(String, String, u64, u64)> {
    let json_item = |v: &serde_json::Value| {
        let start = &v["range"]["start"];
        (
            v["path"].as_str().unwrap().to_owned(),
            v["code"].as_str().unwrap().to_owned(),
            start["line"].as_u64().unwrap(),
            start["column"].as_u64().unwrap(),
        )
    };
    let attr = |line: &str, key: &str, end: char| -> String {
        let from = line.find(key).unwrap_or_else(|| panic!("no {key} in {line}")) + key.len();
        line[from..].split(end).next().unwrap().to_owned()
    };
    match format {
        "json" => {
            let v: serde_json::Value =
                serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
            v["diagnostics"].as_array().unwrap().iter().map(json_item).collect()
        }
        "json-lines" => stdout.lines().map(|l| json_item(&serde_json::from_str(l).unwrap())).collect(),
        "sarif" => {
            let v: serde_json::Value =
                serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
            v["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let loc = &r["locations"][0]["physicalLocation"];
                    (
                        loc["artifactLocation"]["uri"].as_str().unwrap().to_owned(),
                        r["ruleId"].as_str().unwrap().to_owned(),
                        loc["region"]["startLine"].as_u64().unwrap(),
                        loc["region"]["startColumn"].as_u64().unwrap(),
                    )
                })
                .collect()
        }
        "github" => stdout
            .lines()
            .map(|l| {
                (
                    attr(l, "file=", ','),
                    attr(l, "title=quotelint(", ')'),
                    attr(l, ",line=", ',').parse().unwrap(),
                    attr(l, ",col=", ',').parse().unwrap(),
                )
            })
            .collect(),
        "checkstyle" => {
            let mut file = String::new();
            let mut out = Vec::new();
            for l in stdout.lines() {
                if l.trim_start().starts_with("<file ") {
                    file = attr(l, "name=\"", '"');
                } else if l.trim_start().starts_with("<error ") {
                    out.push((
                        file.clone(),
                        attr(l, "source=\"quotelint.", '"'),
                        attr(l, " line=\"", '"').parse().unwrap(),
                        attr(l, " column=\"", '"').parse().unwrap(),
                    ));
                }
            }
            out
        }
        "human" => stdout
            .lines()
            .filter(|l| l.contains(": ") && l.contains('[') && !l.starts_with("  "))
            .map(|l| {
                let (at, rest) = l.split_once(": ").unwrap();
                let mut parts = at.rsplitn(3, ':');
                let column = parts.next().unwrap().parse().unwrap();
                let line = parts.next().unwrap().parse().unwrap();
                let code = rest.split_once('[').unwrap().1.split_once(']').unwrap().0.to_owned();
                (parts.next().unwrap().to_owned(), code, line, column)
            })
            .collect(),
        _ => unreachable!(),
    }
}

#[test]
fn an_unreadable_file_is_a_finding_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.md"), WRONG).unwrap();
    fs::write(dir.path().join("latin1.md"), b"Intro.\n\nW\xf6rner said so.\n").unwrap();
    for format in MACHINE {
        let run = quotelint(&["check", "--format", format, "good.md", "latin1.md"], Some(dir.path()));
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        run.assert_stderr("latin1.md: not UTF-8: byte 0xf6 at line 3, column 2 (byte offset 9)");
        assert_eq!(
            findings(format, &run.stdout),
            vec![
                ("good.md".into(), "misattributed".into(), 1, 49),
                ("latin1.md".into(), "unreadable".into(), 3, 2)
            ],
            "{format}: {}",
            run.stdout
        );
        assert!(run.stdout.contains("not UTF-8: byte 0xf6 at line 3"), "{format}: {}", run.stdout);
    }
    let json = quotelint(&["check", "--format", "json", "good.md", "latin1.md"], Some(dir.path()));
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["diagnostics"][1]["severity"], "error");
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["diagnostics"], 2);
    // The human summary does not call a run with an unchecked file clean.
    let human = quotelint(&["check", "latin1.md"], Some(dir.path()));
    assert_eq!(human.code, 2);
    assert_eq!(human.stdout, "checked 1 file, 0 quotations: 1 error (1 file could not be checked)\n");
    human.assert_stderr("latin1.md: not UTF-8");
    // A missing path and a file from standard input too.
    let missing = quotelint(&["check", "--format", "json-lines", "missing.md"], Some(dir.path()));
    assert_eq!(
        findings("json-lines", &missing.stdout),
        vec![("missing.md".into(), "unreadable".into(), 1, 1)]
    );
    let stdin = common::quotelint_with_input(
        &["check", "--format", "json-lines", "-", "--stdin-filename", "s.md"],
        Some(dir.path()),
        None,
    );
    assert_eq!(stdin.code, 0, "{}", stdin.stderr);
    // The check is documented like the others.
    let explain = quotelint(&["explain", "unreadable"], None);
    assert_eq!(explain.code, 0);
    assert!(explain.stdout.starts_with("## unreadable (error"), "{}", explain.stdout);
}

#[test]
fn positions_agree_in_every_format() {
    // Each file puts the finding after something that counts differently in bytes, characters
    // and screen columns, or ends its lines differently.
    // (name, line break, what precedes the finding on its line): the finding is on line 3.
    let shapes = [
        ("dash.md", "\n", "In 1991 – then – "),
        ("crlf.md", "\r\n", ""),
        ("cr.md", "\r", ""),
        ("tab.md", "\n", "So,\t\t"),
        ("wide.md", "\n", "日本語 "),
        ("combining.md", "\n", "Cafe\u{301} "),
    ];
    let cases: Vec<(&str, String, u64, u64)> = shapes
        .iter()
        .map(|(name, br, before)| {
            let text = format!("Intro.{br}{br}{before}{}", WRONG.replace('\n', br));
            // WRONG's quotation starts at its 49th character.
            (*name, text, 3, before.chars().count() as u64 + 49)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    for (name, text, ..) in &cases {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let mut expected: Vec<(String, String, u64, u64)> =
        cases.iter().map(|(n, _, l, c)| (n.to_string(), "misattributed".to_owned(), *l, *c)).collect();
    expected.sort();
    for format in MACHINE.iter().chain(&["human"]) {
        let mut args = vec!["check", "--format", format];
        args.extend(&names);
        let run = quotelint(&args, Some(dir.path()));
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        let mut found: Vec<_> =
            findings(format, &run.stdout).into_iter().filter(|f| f.1 == "misattributed").collect();
        found.sort();
        assert_eq!(found, expected, "{format}");
    }
    // The terminal's snippet: its header gives the same position, and its line is the line.
    for (name, _, line, column) in &cases {
        let run =
            quotelint(&["check", "--color", "always", "--disable", "unsourced", name], Some(dir.path()));
        let stdout = uncolored(&run.stdout);
        let header = format!("{name}:{line}:{column}]");
        assert!(stdout.contains(&header), "no {header} in\n{stdout}");
        let snippet_line = stdout
            .lines()
            .find(|l| l.contains(&format!("{line} │ ")))
            .unwrap_or_else(|| panic!("no snippet in\n{stdout}"));
        // At 80 columns (no terminal, no COLUMNS) the window shows the speaker and quotation.
        assert!(snippet_line.contains("Margaret Thatcher"), "{name}: {snippet_line}");
        assert!(snippet_line.contains("\"We are not talking"), "{name}: {snippet_line}");
        assert!(!snippet_line.contains("Intro") && !snippet_line.contains('\r'), "{name}: {snippet_line:?}");
    }
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    // ESC [2J clears the screen, ESC ]…BEL sets the window title, CSI (U+009B) on some terminals.
    let hostile = "Margaret Thatcher told Gorbachev: \"We are not \x1b[2J talking \x1b]0;pwned\x07 about \u{9b}31m the strengthening of NATO.\"\n";
    fs::write(dir.path().join("esc.md"), hostile).unwrap();
    for args in [
        vec!["check", "--enable", "unverified", "esc.md"],
        vec!["check", "--enable", "unverified", "--color", "always", "esc.md"],
        vec!["check", "--enable", "unverified", "--format", "github", "esc.md"],
    ] {
        let run = quotelint(&args, Some(dir.path()));
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("We are not ␛[2J talking"), "{args:?}: {}", run.stdout);
        // Colors are quotelint's own (`--color always`): ESC only before `[` and a color.
        let raw: Vec<&str> = run
            .stdout
            .split('\x1b')
            .skip(1)
            .filter(|rest| !rest.starts_with('[') || rest.starts_with("[2J"))
            .collect();
        assert!(raw.is_empty(), "{args:?}: raw escapes {raw:?} in {:?}", run.stdout);
        assert!(!run.stdout.contains('\x07') && !run.stdout.contains('\u{9b}'), "{args:?}: {:?}", run.stdout);
    }
}

#[test]
fn escape_sequences_in_file_names_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\x1b]0;pwned\x07\x1b[2J.md";
    fs::write(dir.path().join(name), WRONG).unwrap();
    fs::write(dir.path().join("bad\x1b[2J.md"), b"W\xf6rner\n").unwrap();
    for format in ["human", "github"] {
        let run = quotelint(&["check", "--format", format, "."], Some(dir.path()));
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        for (what, out) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(!out.contains('\x1b') && !out.contains('\x07'), "{format} {what}: {out:?}");
        }
        run.assert_stderr("bad␛[2J.md: not UTF-8");
    }
}

#[test]
fn file_names_round_trip_in_machine_output() {
    let dir = tempfile::tempdir().unwrap();
    // A Latin-1 name (not UTF-8), and names with a tab, a line break and a `%`.
    let latin1 = OsStr::from_bytes(b"caf\xe9.md");
    let names: [(&OsStr, &str, &str); 3] = [
        (latin1, "caf%E9.md", "caf%E9.md"),
        (OsStr::new("tab\there.md"), "tab\there.md", "tab%09here.md"),
        (OsStr::new("100%41.md"), "100%2541.md", "100%2541.md"),
    ];
    for (name, ..) in &names {
        fs::write(dir.path().join(name), WRONG).unwrap();
    }
    for (name, text, uri) in &names {
        let run = |format: &str| {
            let out = Command::new(env!("CARGO_BIN_EXE_quotelint"))
                .args(["check", "--format", format])
                .arg(name)
                .current_dir(dir.path())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{format} {name:?}");
            String::from_utf8(out.stdout).expect("UTF-8 output")
        };
        for format in ["json", "json-lines"] {
            assert_eq!(findings(format, &run(format))[0].0, *text, "{format}");
        }
        assert_eq!(findings("sarif", &run("sarif"))[0].0, *uri);
        // Checkstyle escapes a tab in an attribute, which XML would read as a space.
        let checkstyle = run("checkstyle");
        let xml_name = text.replace('\t', "&#9;");
        assert!(checkstyle.contains(&format!("<file name=\"{xml_name}\">")), "{checkstyle}");
        assert!(!checkstyle.contains('\t'), "{checkstyle:?}");
        let github = run("github");
        assert!(github.starts_with(&format!("::warning file={},", text.replace('%', "%25"))), "{github}");
    }
    // A line break in a name is escaped in every attribute and property.
    let newline = Path::new("new\nline.md");
    fs::write(dir.path().join(newline), WRONG).unwrap();
    let checkstyle = quotelint(&["check", "--format", "checkstyle", "new\nline.md"], Some(dir.path()));
    assert!(checkstyle.stdout.contains("<file name=\"new&#10;line.md\">"), "{}", checkstyle.stdout);
    let github = quotelint(&["check", "--format", "github", "new\nline.md"], Some(dir.path()));
    assert!(github.stdout.starts_with("::warning file=new%0Aline.md,"), "{}", github.stdout);
}

#[test]
fn a_finding_on_a_long_line_shows_a_window_of_it() {
    let dir = tempfile::tempdir().unwrap();
    // A 60 KB line with 100 findings: each snippet shows a window, not the line.
    let mut line = String::new();
    for _ in 0..100 {
        line.push_str(&"filler words ".repeat(46));
        line.push_str(
            "Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" ",
        );
    }
    assert!(line.len() > 60_000);
    fs::write(dir.path().join("long.md"), format!("{line}\n")).unwrap();
    let run =
        quotelint(&["check", "--color", "always", "--disable", "unsourced", "long.md"], Some(dir.path()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.matches("quotelint(misattributed)").count(), 100);
    assert!(run.stdout.len() < 100 * 2_000, "{} bytes", run.stdout.len());
    // The 50th finding's window: its column in the header, its words and an ellipsis either side.
    let stdout = uncolored(&run.stdout);
    let last = stdout.split("quotelint(misattributed)").nth(50).unwrap();
    let column = line.match_indices("\"We are").nth(49).unwrap().0 + 1;
    assert!(last.contains(&format!("long.md:1:{column}]")), "{last}");
    let snippet = last.lines().find(|l| l.contains("1 │ ")).unwrap();
    assert!(snippet.contains("│ …") && snippet.ends_with('…'), "{snippet}");
    assert!(snippet.contains("Margaret Thatcher…\"We are not talking"), "{snippet}");
}

#[test]
fn a_reader_that_goes_away_early_gets_the_exit_code_of_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        fs::write(dir.path().join(format!("{i:03}.md")), WRONG).unwrap();
    }
    fs::write(dir.path().join("zz-latin1.md"), b"W\xf6rner\n").unwrap();
    for (format, bad, code) in [("json-lines", false, 1), ("sarif", false, 1), ("human", true, 2)] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
        cmd.args(["check", "--format", format, "--color", "always"]).current_dir(dir.path());
        if !bad {
            cmd.args((0..400).map(|i| format!("{i:03}.md")));
        }
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // Read one byte and close the pipe, as `| head -c 1` does.
        use std::io::Read;
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8];
        stdout.read_exact(&mut byte).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{format}: {stderr}");
        if bad {
            // The error of the file that could not be checked is still given.
            assert!(stderr.contains("zz-latin1.md: not UTF-8"), "{stderr}");
        } else {
            assert_eq!(stderr, "", "{format}");
        }
    }
}

#[test]
fn other_commands_stop_quietly_when_the_reader_goes_away() {
    // 72 KB of JSON, more than a pipe holds: the writes after the reader left fail.
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelint"))
        .args(["rules", "list", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Read;
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut [0u8]).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
}
