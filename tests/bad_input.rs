//! The bad-input battery: every kind of file a writers' repository may hold next to its
//! articles. Each case asserts the message, the exit code, and that the good article in the
//! same run was still checked. Hostile inputs (a 50 MB line, deep nesting, 100,000 quote marks,
//! a 100,000-word quotation) must also finish within a generous time and under 500 MB, so that a
//! regression to quadratic time or memory fails loudly; `docs/performance.md` has the release
//! build's actual figures.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{bounded, quotelint, run_command, Run, Stats};

/// An article with one known finding: John Major's words given to Margaret Thatcher.
const GOOD: &str = "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))\n";

/// The most memory any hostile input may take (issue 6), in KiB.
const MAX_RSS_KB: i64 = 500 * 1024;

fn dir_with_good() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.md"), GOOD).unwrap();
    dir
}

/// `(path, code, line, column)` of every finding of a `--format json-lines` run.
fn findings(run: &Run) -> Vec<(String, String, u64, u64)> {
    run.stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            let start = &v["range"]["start"];
            (
                v["path"].as_str().unwrap().to_owned(),
                v["code"].as_str().unwrap().to_owned(),
                start["line"].as_u64().unwrap(),
                start["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The good article's finding is in the output: the run went on past the bad file.
fn assert_good_checked(run: &Run) {
    let found = findings(run);
    assert!(
        found.contains(&("good.md".into(), "misattributed".into(), 1, 49)),
        "good.md was not checked: {found:?}\nstderr: {}",
        run.stderr
    );
}

fn check(dir: &Path, paths: &[&str]) -> Run {
    let mut args = vec!["check", "--format", "json-lines"];
    args.extend(paths);
    quotelint(&args, Some(dir))
}

/// Asserts a run that met one bad file: exit 2, the message on stderr, the good file checked.
fn assert_bad_file(run: &Run, message: &str) {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    run.assert_stderr(message);
    assert_good_checked(run);
}

#[test]
fn an_empty_file_has_nothing_to_report() {
    let dir = dir_with_good();
    fs::write(dir.path().join("empty.md"), "").unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_good_checked(&run);
    assert!(findings(&run).iter().all(|f| f.0 == "good.md"));
}

#[test]
fn front_matter_alone_is_not_prose() {
    let dir = dir_with_good();
    // The title quotes a remark by the wrong person: metadata is not checked as prose.
    let front = "---\ntitle: 'Thatcher: \"We are not talking about the strengthening of NATO\"'\ndate: 2022-01-01\n---\n";
    fs::write(dir.path().join("front.md"), front).unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(findings(&run).iter().all(|f| f.0 == "good.md"), "{:?}", findings(&run));
    assert_good_checked(&run);
}

#[test]
fn a_byte_order_mark_shifts_no_column() {
    let dir = dir_with_good();
    fs::write(dir.path().join("bom.md"), format!("\u{feff}{GOOD}")).unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        findings(&run).contains(&("bom.md".into(), "misattributed".into(), 1, 49)),
        "{:?}",
        findings(&run)
    );
    assert_good_checked(&run);
}

#[test]
fn crlf_and_lone_cr_line_ends_count_as_lines() {
    let dir = dir_with_good();
    fs::write(dir.path().join("crlf.md"), format!("Intro.\r\n\r\n{}", GOOD.replace('\n', "\r\n"))).unwrap();
    fs::write(dir.path().join("cr.md"), format!("Intro.\r\r{}", GOOD.replace('\n', "\r"))).unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&run);
    assert!(found.contains(&("crlf.md".into(), "misattributed".into(), 3, 49)), "{found:?}");
    assert!(found.contains(&("cr.md".into(), "misattributed".into(), 3, 49)), "{found:?}");
    assert_good_checked(&run);
}

#[test]
fn invalid_utf8_is_an_error_at_its_line_and_column() {
    let dir = dir_with_good();
    fs::write(dir.path().join("latin1.md"), b"Intro.\n\nW\xf6rner said so.\n").unwrap();
    let run = check(dir.path(), &["."]);
    assert_bad_file(&run, "latin1.md: not UTF-8: byte 0xf6 at line 3, column 2 (byte offset 9)");
}

#[test]
fn a_binary_file_named_md_is_an_error() {
    let dir = dir_with_good();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7 % 251) as u8));
    fs::write(dir.path().join("image.md"), &png).unwrap();
    // NUL bytes are valid UTF-8: a binary file must be caught for what it is.
    fs::write(dir.path().join("nul.md"), "text\0more text\n").unwrap();
    let run = check(dir.path(), &["."]);
    // \x89 P N G \r\n, then \x1a \n: the NUL starts the third line.
    assert_bad_file(&run, "image.md: binary file, not Markdown (NUL byte at line 3, column 1)");
    run.assert_stderr("nul.md: binary file, not Markdown (NUL byte at line 1, column 5)");
}

#[test]
fn a_nul_byte_past_the_first_eight_kilobytes_is_binary_too() {
    // Issue 18: only the first 8 KB were looked at, and a NUL after them was checked as text.
    let dir = dir_with_good();
    let mut late = "Some prose here.\n".repeat(1000).into_bytes();
    late.extend(b"tail\0end\n");
    fs::write(dir.path().join("late.md"), late).unwrap();
    let run = check(dir.path(), &["."]);
    assert_bad_file(&run, "late.md: binary file, not Markdown (NUL byte at line 1001, column 5)");
}

#[test]
fn utf16_and_utf32_are_named_as_such() {
    // Issue 18: a UTF-16 file was called "binary"; what the writer needs to hear is to save it
    // as UTF-8.
    let dir = dir_with_good();
    let utf16 = |big_endian: bool, bom: bool| {
        let units = (if bom { "\u{feff}" } else { "" }).chars().chain(GOOD.chars()).collect::<String>();
        let units: Vec<u16> = units.encode_utf16().collect();
        units
            .iter()
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect::<Vec<u8>>()
    };
    fs::write(dir.path().join("le.md"), utf16(false, true)).unwrap();
    fs::write(dir.path().join("be.md"), utf16(true, true)).unwrap();
    fs::write(dir.path().join("le-no-bom.md"), utf16(false, false)).unwrap();
    fs::write(dir.path().join("be-no-bom.md"), utf16(true, false)).unwrap();
    let utf32: Vec<u8> = "\u{feff}text\n".chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
    fs::write(dir.path().join("utf32.md"), utf32).unwrap();
    let run = check(dir.path(), &["."]);
    for name in ["le.md", "be.md", "le-no-bom.md", "be-no-bom.md"] {
        assert_bad_file(&run, &format!("{name}: UTF-16 is not supported; save the file as UTF-8"));
    }
    run.assert_stderr("utf32.md: UTF-32 is not supported; save the file as UTF-8");
    assert!(!run.stderr.contains("binary"), "{}", run.stderr);
}

#[test]
fn a_directory_named_md_is_walked_as_a_directory() {
    let dir = dir_with_good();
    fs::create_dir(dir.path().join("x.md")).unwrap();
    fs::write(dir.path().join("x.md/inner.md"), GOOD).unwrap();
    for paths in [vec!["."], vec!["x.md", "good.md"]] {
        let run = check(dir.path(), &paths);
        assert_eq!(run.code, 1, "{paths:?}: {}", run.stderr);
        assert_eq!(run.stderr, "");
        assert!(findings(&run).contains(&("x.md/inner.md".into(), "misattributed".into(), 1, 49)));
        assert_good_checked(&run);
    }
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = dir_with_good();
    let run = check(dir.path(), &["missing.md", "good.md"]);
    assert_bad_file(&run, "missing.md: no such file or directory");
}

#[test]
fn an_unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with_good();
    fs::write(dir.path().join("secret.md"), GOOD).unwrap();
    fs::set_permissions(dir.path().join("secret.md"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = if unsafe { libc::geteuid() } == 0 {
        // Root reads any file: run as nobody, for whom mode 000 means what it says.
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_quotelint"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_quotelint"))
    };
    cmd.args(["check", "--format", "json-lines", "."]).current_dir(dir.path());
    let run = run_command(cmd, None);
    assert_bad_file(&run, "secret.md: permission denied");
}

#[test]
fn a_broken_symlink_is_an_error() {
    let dir = dir_with_good();
    std::os::unix::fs::symlink("nowhere.md", dir.path().join("broken.md")).unwrap();
    // A broken link to a file that would not be checked is no concern of quotelint's.
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("broken.txt")).unwrap();
    for paths in [vec!["."], vec!["broken.md", "good.md"]] {
        let run = check(dir.path(), &paths);
        assert_bad_file(&run, "broken.md: broken symbolic link: its target does not exist");
        assert!(!run.stderr.contains("broken.txt"), "{}", run.stderr);
    }
}

#[test]
fn symlink_loops_are_errors() {
    let dir = dir_with_good();
    std::os::unix::fs::symlink("loop2.md", dir.path().join("loop1.md")).unwrap();
    std::os::unix::fs::symlink("loop1.md", dir.path().join("loop2.md")).unwrap();
    // Linked directories are not walked: not a loop back up, not a second way to the same files.
    fs::create_dir(dir.path().join("d")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("d/up")).unwrap();
    std::os::unix::fs::symlink("d", dir.path().join("latest")).unwrap();
    fs::write(dir.path().join("d/inner.md"), GOOD).unwrap();
    // A linked article is checked like any other.
    std::os::unix::fs::symlink("good.md", dir.path().join("linked.md")).unwrap();
    let run = check(dir.path(), &["."]);
    assert_bad_file(&run, "loop1.md: symbolic link loop: it links back to itself");
    run.assert_stderr("loop2.md: symbolic link loop");
    assert!(!run.stderr.contains("d/up"), "{}", run.stderr);
    let checked: Vec<String> =
        findings(&run).into_iter().filter(|f| f.1 == "misattributed").map(|f| f.0).collect();
    assert_eq!(checked, vec!["d/inner.md", "good.md", "linked.md"]);
}

#[test]
fn a_config_file_that_is_a_directory_is_an_error() {
    // The configuration says how every file is checked: with it unreadable, no file is
    // checked (as ruff and Vale do), and the run says so and exits 2.
    let dir = dir_with_good();
    fs::create_dir(dir.path().join("quotelint.yaml")).unwrap();
    let discovered = check(dir.path(), &["good.md"]);
    assert_eq!(discovered.code, 2);
    discovered.assert_stderr("quotelint.yaml is a directory");
    let named = quotelint(&["check", "--config", "quotelint.yaml", "good.md"], Some(dir.path()));
    assert_eq!(named.code, 2);
    named.assert_stderr("config file quotelint.yaml is a directory");
    // --isolated ignores it, and the article is checked.
    let isolated = quotelint(&["check", "--isolated", "--format", "json-lines", "good.md"], Some(dir.path()));
    assert_good_checked(&isolated);
}

#[test]
fn a_yaml_alias_bomb_in_a_record_is_refused_at_once() {
    // "Billion laughs": ten anchors, each ten references to the one before, 10^10 strings if
    // expanded. The aliases are weighed before the record is decoded: the one that takes them
    // past 1 MiB is refused.
    let dir = dir_with_good();
    let mut yaml =
        String::from("quotations:\n  - &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(",");
        yaml.push_str(&format!("  - &a{i} [{refs}]\n"));
    }
    fs::write(dir.path().join("bomb.yaml"), yaml).unwrap();
    let (run, stats) = bounded(dir.path(), &["--rules", "bomb.yaml", "check", "good.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("YAML aliases expand to more than 1024 KiB");
    run.assert_stderr("bomb.yaml:6:26");
    assert!(stats.max_rss_kb < 100 * 1024, "{stats:?}");
}

#[test]
fn a_record_with_a_ten_megabyte_string_loads() {
    let dir = dir_with_good();
    let name = "x".repeat(10 << 20);
    fs::write(dir.path().join("big.yaml"), format!("people:\n  - id: big\n    name: \"{name}\"\n")).unwrap();
    let (run, stats) =
        bounded(dir.path(), &["--rules", "big.yaml", "check", "--format", "json-lines", "good.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_good_checked(&run);
    assert!(stats.max_rss_kb < MAX_RSS_KB, "{stats:?}");
}

#[test]
fn a_record_with_thousands_of_problems_reports_them_all_in_linear_time() {
    // Every error counted its file's lines from the top, and every failing example parsed its
    // whole file again: 4,000 problems took 4.5 s and 1.5 GB, 4,000 failing examples 166 s
    // and 8 GB (release builds).
    let dir = dir_with_good();
    let mut record = String::from("quotations:\n");
    for i in 0..4000 {
        record.push_str(&format!("  - id: q{i}\n    speaker: gates\n    text: \"words {i}\"\n"));
    }
    fs::write(dir.path().join("many.yaml"), record).unwrap();
    let (run, stats) = bounded(dir.path(), &["--rules", "many.yaml", "rules", "validate"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.matches("has no `confidence`").count(), 4000, "{stats:?}");
    assert!(run.stderr.contains("many.yaml:8000:5]"), "the last entry's line");
    assert!(stats.max_rss_kb < MAX_RSS_KB, "{stats:?}");
    assert!(stats.elapsed < std::time::Duration::from_secs(30), "{stats:?}");

    // 300 failing examples in a file of 20,000 entries.
    let mut record = String::from("people:\n");
    for i in 0..20_000 {
        record.push_str(&format!("  - id: p{i}\n    name: Person Number{i}\n"));
    }
    record.push_str("quotations:\n");
    for i in 0..300 {
        record.push_str(&format!(
            "  - id: q{i}\n    speaker: p{i}\n    text: \"the alliance will move eastward number{i}\"\n    \
             date: \"1990\"\n    occasion: o\n    source: {{url: https://example.org}}\n    confidence: high\n    \
             examples:\n      - text: 'In 1990 Person Number{i} said \"the alliance will move eastward number{i}\".'\n        \
             expect: misdated\n"
        ));
    }
    fs::write(dir.path().join("examples.yaml"), record).unwrap();
    let (run, stats) =
        bounded(dir.path(), &["--rules", "examples.yaml", "--no-default-rules", "rules", "validate"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.matches("example expects misdated").count(), 300, "{}", run.stderr);
    assert!(stats.max_rss_kb < MAX_RSS_KB, "{stats:?}");
    assert!(stats.elapsed < std::time::Duration::from_secs(60), "{stats:?}");
}

/// Issue 20: validation looks for a speaker's names next to speech verbs in every record text.
/// With 20,000 aliases and a 2.4 MB text of "said <almost an alias>", comparing every alias
/// with every place took 93 s in a debug build; one set lookup per verb and name length takes
/// about a second (the bound leaves ten times that).
#[test]
fn many_aliases_and_a_long_text_of_speech_verbs_validate_in_linear_time() {
    let dir = dir_with_good();
    let aliases: Vec<String> = (0..20_000).map(|i| format!("\"Alias{i} Wa Wb Wc Wd We Wf Wg\"")).collect();
    let text: Vec<String> =
        (0..60_000).map(|i| format!("said Alias{} Wa Wb Wc Wd We Wf Wx", i % 20_000)).collect();
    let yaml = format!(
        "people:\n  - id: many\n    name: Many Names\n    aliases: [{}]\nquotations:\n  - id: many-q\n    speaker: many\n    text: \"{}\"\n    confidence: low\n",
        aliases.join(", "),
        text.join(" ")
    );
    fs::write(dir.path().join("many.yaml"), yaml).unwrap();
    let (run, stats) =
        bounded(dir.path(), &["--rules", "many.yaml", "check", "--format", "json-lines", "good.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_good_checked(&run);
    assert!(stats.elapsed < std::time::Duration::from_secs(10), "{stats:?}");
    assert!(stats.max_rss_kb < MAX_RSS_KB, "{stats:?}");
}

/// Checks `name`, holding `content`, beside the good article, within the time and memory bounds.
fn hostile(name: &str, content: Vec<u8>) -> (Run, Stats) {
    let dir = dir_with_good();
    fs::write(dir.path().join(name), content).unwrap();
    let (run, stats) = bounded(dir.path(), &["check", "--format", "json-lines", "."]);
    assert!(run.code == 0 || run.code == 1, "exit {}: {}", run.code, run.stderr);
    assert!(stats.max_rss_kb < MAX_RSS_KB, "{name}: {stats:?}");
    assert_good_checked(&run);
    (run, stats)
}

/// Deterministic prose dense with what costs the most per byte (names, roles, events, dates,
/// speech verbs), and a recorded quotation given to the wrong speaker one piece in a hundred.
/// Findings are few on purpose: each is held until its file is reported (about 1 KB each), so
/// memory grows with findings, which is measured apart (docs/performance.md).
fn dense_prose(bytes: usize) -> String {
    const PIECES: [&str; 9] = [
        "Baker said in 1990 that ",
        "while Gorbachev, on 9 February 1990, ",
        "told the Soviet leader ",
        "the alliance and Moscow ",
        "discussed expansion with the secretary general ",
        "Putin spoke at Munich in 2007, ",
        "and the NATO-Russia Founding Act in 1997 ",
        "was signed; Yeltsin’s ",
        "foreign minister told reporters ",
    ];
    const QUOTE: &str =
        "and Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" ";
    let mut out = String::with_capacity(bytes + 128);
    let mut state: u64 = 7;
    while out.len() < bytes {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let r = (state >> 33) as usize;
        out.push_str(if r % 100 == 0 { QUOTE } else { PIECES[r % PIECES.len()] });
    }
    out
}

#[test]
fn a_fifty_megabyte_single_line_is_linear() {
    let mut line = dense_prose(50 << 20);
    line.push('\n');
    let (run, _) = hostile("line.md", line.into_bytes());
    // The misattributions deep in the line are found, at their columns.
    let misattributed = findings(&run).iter().filter(|f| f.0 == "line.md" && f.1 == "misattributed").count();
    assert!(misattributed > 10_000, "{misattributed}");
}

#[test]
fn ten_thousand_deep_nesting_is_linear() {
    let quote = "Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\"";
    let blockquotes = format!("{}{quote}\n", "> ".repeat(10_000));
    let (run, _) = hostile("blockquotes.md", blockquotes.into_bytes());
    // However deep, the blockquote is read as one quoted passage (as at depth 1), after the
    // 10,000 markers: its one finding is that it has no citation.
    let found: Vec<_> = findings(&run).into_iter().filter(|f| f.0 == "blockquotes.md").collect();
    assert_eq!(found, vec![("blockquotes.md".into(), "unsourced".into(), 1, 20_001)]);
    let lists = format!("{}{quote}\n", "- ".repeat(10_000));
    hostile("lists.md", lists.into_bytes());
    // A list nested by indentation, one level a line.
    let mut indented = String::new();
    for depth in 0..10_000 {
        indented.push_str(&" ".repeat(2 * depth));
        indented.push_str("- item\n");
    }
    hostile("indented.md", indented.into_bytes());
}

#[test]
fn a_hundred_thousand_unmatched_quote_marks_are_linear() {
    hostile("straight.md", " \"".repeat(100_000).into_bytes());
    hostile("curly.md", "“".repeat(100_000).into_bytes());
    hostile("mixed.md", "a\" “b ‘c '".repeat(25_000).into_bytes());
    hostile("brackets.md", format!("\"{}\"", "[".repeat(100_000)).into_bytes());
}

#[test]
fn forty_thousand_suppressed_findings_are_linear() {
    // Issue 18: every finding was compared with every directive; 20,000 suppressed findings
    // took 13 s (40,000, 50 s) against 0.27 s without the comments. Each directive here hides
    // the finding on the line after it, and a region at the end hides the last one. The test
    // build takes about a second for 40,000; the bound leaves ten times that and more.
    let mut text = String::new();
    for i in 0..40_000 {
        text.push_str(&format!("<!-- quotelint-disable-next-line unsourced -->\nPutin said \"item {i} of a long list here\".\n\n"));
    }
    text.push_str("<!-- quotelint-disable unsourced -->\n\nPutin said \"the very last item of the list\".\n");
    let (run, stats) = hostile("suppressed.md", text.into_bytes());
    assert!(findings(&run).iter().all(|f| f.0 == "good.md"), "{:?}", &findings(&run)[..3]);
    assert!(stats.elapsed < std::time::Duration::from_secs(15), "{stats:?}");
}

#[test]
fn a_quotation_of_a_hundred_thousand_words_is_linear_and_still_matched() {
    // A recorded remark in the middle of an enormous quotation is still found and checked.
    let filler = |n: usize| {
        (0..n).map(|i| ["lorem", "ipsum", "dolor", "sit", "amet"][i % 5]).collect::<Vec<_>>().join(" ")
    };
    let text = format!(
        "Margaret Thatcher said: \"{} We are not talking about the strengthening of NATO. {}\"\n",
        filler(50_000),
        filler(50_000)
    );
    let (run, _) = hostile("speech.md", text.into_bytes());
    assert!(
        findings(&run).iter().any(|f| f.0 == "speech.md" && f.1 == "misattributed"),
        "{:?}",
        findings(&run)
    );
}

/// A run that met one refused YAML file: exit 2, the message, quickly and in little memory.
fn assert_refused(run: &Run, stats: &Stats, message: &str, at: &str) {
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr(message);
    run.assert_stderr(at);
    assert!(stats.max_rss_kb < 100 * 1024, "{stats:?}");
}

/// `a: &a [x, x, …]` and `b: [*a, *a, …]`, `n` of each: n² strings when expanded.
fn alias_square(n: usize) -> String {
    format!("a: &a [{}]\nb: [{}]\n", vec!["x"; n].join(", "), vec!["*a"; n].join(", "))
}

#[test]
fn front_matter_aliases_are_refused_beyond_a_budget() {
    // 56 KB of front matter (64 KB is read), 8,000 aliases of an 8,000-item list: gigabytes,
    // then an abort that lost the whole batch, before aliases were weighed.
    let dir = dir_with_good();
    fs::write(dir.path().join("bomb.md"), format!("---\ntitle: x\n{}---\n\n{GOOD}", alias_square(8_000)))
        .unwrap();
    // A few aliases of a small anchor are fine.
    let fine = "---\nauthor: &me Jane\nreviewer: *me\n---\n\nIntro.\n";
    fs::write(dir.path().join("fine.md"), fine).unwrap();
    let (run, stats) = bounded(dir.path(), &["check", "--format", "json-lines", "."]);
    assert_refused(
        &run,
        &stats,
        "bomb.md: front matter at line 4, column 33: YAML aliases expand to more than 1024 KiB",
        "write the values out instead of aliasing them",
    );
    assert_good_checked(&run);
    assert!(!run.stderr.contains("fine.md"), "{}", run.stderr);
}

#[test]
fn flat_aliases_of_a_long_string_are_refused_in_configs_and_records() {
    // One 100 KB string, 5,000 aliases of it: 120 KB that took 509 MB as a config.
    let long = "x".repeat(100_000);
    let refs = vec!["*a"; 5_000].join(", ");
    let dir = dir_with_good();
    fs::write(dir.path().join(".quotelint.yaml"), format!("exclude: [&a \"{long}\"]\ninclude: [{refs}]\n"))
        .unwrap();
    let (run, stats) = bounded(dir.path(), &["check", "good.md"]);
    // 4 × 120 KB is 469 KiB, under the 1 MiB floor: the 11th alias crosses it.
    assert_refused(&run, &stats, "YAML aliases expand to more than 1024 KiB", ".quotelint.yaml:2:51");

    let dir = dir_with_good();
    let record = format!("people:\n  - id: big\n    name: &a \"{long}\"\n    aliases: [{refs}]\n");
    fs::write(dir.path().join("big.yaml"), record).unwrap();
    let (run, stats) = bounded(dir.path(), &["--rules", "big.yaml", "check", "good.md"]);
    assert_refused(&run, &stats, "YAML aliases expand to more than 1024 KiB", "big.yaml:4:55");
}

#[test]
fn deep_brackets_in_configs_and_records_are_refused_at_once() {
    // 100,000 levels took 39.5 s in the YAML scanner (release build), quadratic in the depth.
    let deep = format!("{}x{}", "[".repeat(100_000), "]".repeat(100_000));
    let dir = dir_with_good();
    fs::write(dir.path().join("quotelint.yaml"), format!("include: {deep}\n")).unwrap();
    let (run, stats) = bounded(dir.path(), &["check", "good.md"]);
    assert_refused(&run, &stats, "brackets nested more than 64 deep", "quotelint.yaml:1:74");
    assert!(stats.elapsed < std::time::Duration::from_secs(10), "{stats:?}");

    let dir = dir_with_good();
    fs::write(dir.path().join("deep.yaml"), format!("people: {deep}\n")).unwrap();
    let (run, stats) = bounded(dir.path(), &["--rules", "deep.yaml", "check", "good.md"]);
    assert_refused(&run, &stats, "brackets nested more than 64 deep", "deep.yaml:1:73");
    assert!(stats.elapsed < std::time::Duration::from_secs(10), "{stats:?}");
    // Quoted `]` close nothing: they cannot hide the depth from the scan.
    let hidden = format!("people: {}\n", "[\"]\", ".repeat(100_000));
    fs::write(dir.path().join("deep.yaml"), hidden).unwrap();
    let (run, stats) = bounded(dir.path(), &["--rules", "deep.yaml", "check", "good.md"]);
    assert_refused(&run, &stats, "brackets nested more than 64 deep", "deep.yaml:1:");
    assert!(stats.elapsed < std::time::Duration::from_secs(10), "{stats:?}");
}

#[test]
fn binary_and_custom_yaml_tags_are_refused_not_read_as_strings() {
    let dir = dir_with_good();
    fs::write(dir.path().join("quotelint.yaml"), "exclude:\n  - !!binary ZHJhZnRzLyoq\n").unwrap();
    let run = check(dir.path(), &["good.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("YAML tag `!!binary` is not supported");
    run.assert_stderr("quotelint.yaml:2:5");

    let dir = dir_with_good();
    fs::write(dir.path().join("tagged.yaml"), "people:\n  - id: x\n    name: !person Someone\n").unwrap();
    let run = quotelint(&["--rules", "tagged.yaml", "check", "good.md"], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("YAML tag `!person` is not supported");
    run.assert_stderr("tagged.yaml:3:11");

    fs::write(dir.path().join("tagged.md"), format!("---\ndate: !!binary MjAyMg==\n---\n\n{GOOD}")).unwrap();
    let run = check(dir.path(), &["."]);
    assert_bad_file(
        &run,
        "tagged.md: front matter at line 2, column 7: YAML tag `!!binary` is not supported",
    );
}

#[test]
fn a_check_set_twice_in_the_config_is_an_error() {
    // The second setting silently won: `unsourced` was off though the first line said error.
    let dir = dir_with_good();
    fs::write(dir.path().join("quotelint.yaml"), "checks:\n  unsourced: error\n  unsourced: off\n").unwrap();
    let run = check(dir.path(), &["good.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("check `unsourced` is set twice in `checks`");
    run.assert_stderr("quotelint.yaml:3:3");
}

#[test]
fn citation_patterns_are_bounded() {
    // A 100 KB paragraph of what the pattern matches, but never to its end.
    let paragraph = format!(
        "Thatcher said: \"We are not talking about the strengthening of NATO.\" {}\n",
        "ab ".repeat(33_000)
    );
    let with_pattern = |pattern: &str| {
        let dir = dir_with_good();
        fs::write(dir.path().join("quotelint.yaml"), format!("citation-patterns:\n  - '{pattern}'\n"))
            .unwrap();
        fs::write(dir.path().join("long.md"), &paragraph).unwrap();
        bounded(dir.path(), &["check", "--format", "json-lines", "."])
    };
    // 100,000 characters took 38.6 s on this paragraph.
    let (run, stats) = with_pattern(&format!("{}z", "[ab ]".repeat(20_000)));
    assert_refused(&run, &stats, "citation pattern `[ab ][ab ]", "is longer than 1000 bytes (100001)");
    run.assert_stderr("quotelint.yaml:1:1");
    let (run, stats) = with_pattern("[ab ]{20000}z");
    assert_refused(&run, &stats, "compiles to more than 256 KiB", "quotelint.yaml:1:1");
    // The longest pattern allowed is still quick on it (no literal for a prefilter to find).
    let (run, stats) = with_pattern(&format!("{}\\d", "[ab ]".repeat(199)));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_good_checked(&run);
    assert!(stats.elapsed < std::time::Duration::from_secs(10), "{stats:?}");
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

#[test]
fn devices_and_fifos_named_like_articles_are_errors_not_hangs() {
    // `/dev/zero` was read until memory ran out (2.1 GB); a FIFO, named or walked, hung the run.
    let dir = dir_with_good();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", dir.path().join("random.md")).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    mkfifo(&dir.path().join("sub/pipe.md"));
    std::os::unix::fs::symlink("sub/pipe.md", dir.path().join("linked-pipe.md")).unwrap();
    let (run, stats) = bounded(dir.path(), &["check", "--format", "json-lines", "."]);
    let device = "not a regular file but a character device; quotelint reads only regular files";
    assert_bad_file(&run, &format!("zero.md: {device}"));
    run.assert_stderr(&format!("random.md: {device}"));
    run.assert_stderr("sub/pipe.md: not a regular file but a FIFO (named pipe)");
    run.assert_stderr("linked-pipe.md: not a regular file but a FIFO (named pipe)");
    assert!(stats.max_rss_kb < 100 * 1024, "{stats:?}");
    // Named on the command line.
    let (run, _) =
        bounded(dir.path(), &["check", "--format", "json-lines", "sub/pipe.md", "zero.md", "good.md"]);
    assert_bad_file(&run, "sub/pipe.md: not a regular file but a FIFO (named pipe)");
    run.assert_stderr(&format!("zero.md: {device}"));
}

#[test]
fn a_fifo_as_config_or_record_is_an_error_not_a_hang() {
    let dir = dir_with_good();
    mkfifo(&dir.path().join("quotelint.yaml"));
    let (run, _) = bounded(dir.path(), &["check", "good.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("cannot read config file");
    run.assert_stderr("quotelint.yaml: not a regular file but a FIFO (named pipe)");

    let dir = dir_with_good();
    fs::create_dir(dir.path().join("rules")).unwrap();
    mkfifo(&dir.path().join("rules/pipe.yaml"));
    let (run, _) = bounded(dir.path(), &["--rules", "rules", "check", "good.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("cannot read record file rules/pipe.yaml: not a regular file but a FIFO");
    let (run, _) = bounded(dir.path(), &["--rules", "rules/pipe.yaml", "check", "good.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("cannot read record file rules/pipe.yaml: not a regular file but a FIFO");
}

#[test]
fn files_over_the_size_limit_are_refused_unread() {
    let dir = dir_with_good();
    fs::write(dir.path().join("big.md"), GOOD.repeat(20)).unwrap();
    let run = check(dir.path(), &["--max-file-size", "1KiB", "."]);
    assert_bad_file(&run, "big.md: larger than the 1 KiB limit (2800 bytes); raise it with --max-file-size");
    // The config can set it, the flag overrides the config, and `quotelint config` says which.
    fs::write(dir.path().join("quotelint.yaml"), "max-file-size: 1KiB\n").unwrap();
    let run = check(dir.path(), &["."]);
    assert_bad_file(&run, "big.md: larger than the 1 KiB limit");
    let run = check(dir.path(), &["--max-file-size", "4KiB", "."]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    let shown = quotelint(&["config"], Some(dir.path()));
    assert!(
        shown.stdout.contains("max-file-size: 1 KiB") && shown.stdout.contains("quotelint.yaml:1"),
        "{}",
        shown.stdout
    );
    let shown = quotelint(&["--max-file-size", "2MiB", "config"], Some(dir.path()));
    assert!(
        shown.stdout.contains("max-file-size: 2 MiB") && shown.stdout.contains("# --max-file-size"),
        "{}",
        shown.stdout
    );
    // Records, and standard input, which may never end.
    fs::write(dir.path().join("quotelint.yaml"), "").unwrap();
    fs::write(
        dir.path().join("big.yaml"),
        format!("people:\n  - id: big\n    name: \"{}\"\n", "x".repeat(2000)),
    )
    .unwrap();
    let run =
        quotelint(&["--max-file-size", "1KiB", "--rules", "big.yaml", "check", "good.md"], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("cannot read record file big.yaml: larger than the 1 KiB limit (2033 bytes)");
    let run = common::quotelint_with_input(
        &["--max-file-size", "1KiB", "check", "-"],
        Some(dir.path()),
        Some(&GOOD.repeat(20)),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("-: larger than the 1 KiB limit; raise it");
    let run = quotelint(&["--max-file-size", "lots", "check", "good.md"], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("`lots` is not a size");
}

/// Each output format, and how it writes an `unsourced` finding: counted in the output to tell
/// that every finding was written.
const UNSOURCED_IN_EVERY_FORMAT: [(&str, &str); 6] = [
    ("human", "[unsourced]"),
    ("json", r#""code":"unsourced""#),
    ("json-lines", r#""code":"unsourced""#),
    ("sarif", r#""ruleId":"unsourced""#),
    ("github", "quotelint(unsourced)"),
    ("checkstyle", "quotelint.unsourced"),
];

/// Every output format writes findings as it goes: none holds them to the end (JSON held a
/// 3 KB tree per finding, SARIF 8 KB), so a file of 100,000 findings costs about what the
/// engine needs to find them, in every format. A 1.5 MB line of `word "a b c d" ` (98,304
/// `unsourced` findings) here; `scripts/output-memory.sh` measures the 50 MB one in the release
/// build (docs/performance.md).
#[test]
fn every_format_writes_findings_as_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let pieces = (3 << 19) / 16;
    fs::write(dir.path().join("many.md"), format!("{}\n", "word \"a b c d\" ".repeat(pieces))).unwrap();
    // The engine's own cost: the same file, its findings not made.
    let (run, baseline) = bounded(dir.path(), &["check", "--disable", "unsourced", "many.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (format, finding) in UNSOURCED_IN_EVERY_FORMAT {
        let (run, stats) = bounded(dir.path(), &["check", "--format", format, "many.md"]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert_eq!(run.stdout.matches(finding).count(), pieces, "{format}");
        let per_finding = (stats.max_rss_kb - baseline.max_rss_kb).max(0) * 1024 / pieces as i64;
        eprintln!("{format}: {per_finding} B of peak memory per finding");
        // Findings are held only in the engine's list for the file (32 B each; an `unsourced`
        // one keeps its quotation, which the file holds anyway, and is given its message as it
        // is written), so the peak grows by 28-30 B a finding in this build
        // (docs/performance.md); no format adds a copy of its own.
        assert!(
            per_finding <= 200,
            "{format}: {per_finding} B per finding ({stats:?}, baseline {baseline:?})"
        );
    }
}

/// A directory holding `hostile.md`, the hostile line below, and its number of quotations.
fn hostile_line() -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().unwrap();
    let quotations = (2 << 20) / 16;
    fs::write(dir.path().join("hostile.md"), format!("{}\n", "word \"a b c d\" ".repeat(quotations)))
        .unwrap();
    (dir, quotations)
}

/// The hostile line of issue 18 at a 25th of its size: 2 MB of `word "a b c d" `, 131,072
/// quotations, each an `unsourced` finding. Every one is held from extraction to the file's
/// report (the quotation, then its small finding), so the peak grows with them: 29 MB in every
/// format here, 234-236 bytes a quotation with everything else (the binary, the record)
/// included; 43 MB (336 B) before the paragraph was read in pieces and findings were made
/// small, 68 MB (530 B) before that (docs/performance.md). The release build takes 442 MB for
/// the 50 MB line (the goal is 500).
#[test]
fn the_hostile_line_costs_bounded_memory_per_quotation_in_every_format() {
    let (dir, quotations) = hostile_line();
    // The formats side by side: each run's peak is its own, and the battery is not made to
    // wait for six runs in a row.
    std::thread::scope(|scope| {
        for (format, finding) in UNSOURCED_IN_EVERY_FORMAT {
            let dir = dir.path();
            scope.spawn(move || {
                let (run, stats) = bounded(dir, &["check", "--format", format, "hostile.md"]);
                assert_eq!(run.code, 1, "{format}: {}", run.stderr);
                assert_eq!(run.stdout.matches(finding).count(), quotations, "{format}");
                let per_quotation = stats.max_rss_kb * 1024 / quotations as i64;
                eprintln!("{format}: {per_quotation} B of peak memory per quotation");
                // 39 MB: 28% over this build's figure; the code before took 43 MB.
                assert!(per_quotation <= 300, "{format}: {per_quotation} B per quotation ({stats:?})");
            });
        }
    });
}

/// Fixing (issue 23) costs what checking does on the hostile line, which has nothing to fix;
/// and a paragraph of 50,000 misspelt dates, a fix each, is fixed in one pass and then clean.
#[test]
fn fixing_hostile_input_is_bounded() {
    let (dir, quotations) = hostile_line();
    let (run, stats) = bounded(dir.path(), &["check", "--diff", "--unsafe-fixes", "hostile.md"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let per_quotation = stats.max_rss_kb * 1024 / quotations as i64;
    eprintln!("--diff --unsafe-fixes: {per_quotation} B of peak memory per quotation, {stats:?}");
    assert!(per_quotation <= 300, "{per_quotation} B per quotation ({stats:?})");
    let dates = 50_000;
    fs::write(dir.path().join("dates.md"), "On 10 Jsnuary 2022 it rained. ".repeat(dates)).unwrap();
    let (run, stats) = bounded(dir.path(), &["check", "--fix", "dates.md"]);
    eprintln!("--fix of {dates} misspelt dates: {stats:?}");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains(&format!("Fixed {dates} findings in 1 file; 0 remain.")), "{}", run.stdout);
    let fixed = fs::read_to_string(dir.path().join("dates.md")).unwrap();
    assert_eq!(fixed, "On 10 January 2022 it rained. ".repeat(dates));
}

/// A paragraph too long to read whole (over 1 MiB of text) is read in pieces of about 64 KiB,
/// cut between quotations at sentence ends (docs/checks.md): each quotation is read once, with
/// the cue of its own sentence, and a link anywhere in the paragraph cites every piece.
#[test]
fn a_paragraph_too_long_to_read_whole_is_read_in_pieces() {
    let filler = "A reader noted \"alpha beta gamma delta epsilon\" in passing. ";
    let half = (1 << 20) / filler.len() / 2 + 500;
    let wrong = "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" ";
    let paragraph = format!("{}{wrong}{}", filler.repeat(half), filler.repeat(half));
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("cited.md"), format!("{paragraph}[source](https://example.org/)\n")).unwrap();
    fs::write(dir.path().join("uncited.md"), format!("{paragraph}\n")).unwrap();
    // The recorded remark is Major's: found where it is, however far into the paragraph.
    let column = (half * filler.len() + wrong.find('"').unwrap() + 1) as u64;
    let run = check(dir.path(), &["cited.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(findings(&run), vec![("cited.md".into(), "misattributed".into(), 1, column)]);
    // Without the link, every quotation is uncited: each counted once, none lost at a cut.
    let run = check(dir.path(), &["uncited.md"]);
    let found = findings(&run);
    assert_eq!(found.iter().filter(|f| f.1 == "unsourced").count(), 2 * half + 1);
    assert!(found.contains(&("uncited.md".into(), "misattributed".into(), 1, column)));
}

#[test]
fn a_line_of_opening_quote_marks_keeps_few_of_them() {
    // 1.7 million `“` with no closing mark: each was kept open (24 bytes, and a vector grown by
    // doubling), 80 MB for these 5 MB and 909 MB for 50 MB. Now at most 256 are.
    let (_, stats) = hostile("curly-line.md", "“".repeat((5 << 20) / 3).into_bytes());
    assert!(stats.max_rss_kb < 50 * 1024, "{stats:?}");
}

#[test]
fn huge_tables_and_many_headline_quotations_are_linear() {
    // A table is read a row at a time, its header once: 100,000 rows, each quoting with a
    // speaker, a date and a link in other cells, and one row of 100,000 cells.
    let mut table = String::from("| When | Who | Words | Source |\n| --- | --- | --- | --- |\n");
    for _ in 0..100_000 {
        table.push_str("| March 1991 | John Major | \"We are not talking about the strengthening of NATO.\" | [d](https://x.org) |\n");
    }
    let (run, _) = hostile("table.md", table.into_bytes());
    assert!(!findings(&run).iter().any(|f| f.0 == "table.md"), "rows are attributed, dated and cited");
    let wide = format!(
        "|{}\n|{}\n|{} [x](https://x.org) |\n",
        " h |".repeat(50_000),
        "---|".repeat(50_000),
        " \"one two three four\" |".repeat(49_999)
    );
    let (run, _) = hostile("wide.md", wide.into_bytes());
    assert!(!findings(&run).iter().any(|f| f.0 == "wide.md"), "the row's last cell cites it");
    // 20,000 headings quoting, each repeated by a cited body quotation: every heading is
    // compared with the whole body, through a set.
    let mut headlines = String::new();
    for i in 0..20_000 {
        headlines.push_str(&format!(
            "## \"We will not move east, day {i}\"\n\nHe said \"we will not move east, day {i} of the talks\" ([x](https://x.org)).\n\n"
        ));
    }
    let (run, _) = hostile("headlines.md", headlines.into_bytes());
    assert!(!findings(&run).iter().any(|f| f.0 == "headlines.md"), "headlines repeated by the body");
}
