//! `check --fix`, `--unsafe-fixes` and `--diff`, run as users run them, and the guarantees of
//! the README's "Fixing" section: bytes outside the edits are kept, writes are atomic and keep
//! permissions, a second run changes nothing, and `--diff` writes nothing.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{quotelint, quotelint_with_input};

/// A misdated statement (the record has 9 February 1990) and a misspelt month.
const BAKER: &str = "On 9 February 1991 Baker told Gorbachev there would be \"no extension of NATO’s jurisdiction for forces of NATO one inch to the east.\"";
const BAKER_FIXED: &str = "On 9 February 1990 Baker told Gorbachev there would be \"no extension of NATO’s jurisdiction for forces of NATO one inch to the east.\"";
const MISSPELT: &str = "He said 10 Jsnuary 2022 that it was over.";
const MISSPELT_FIXED: &str = "He said 10 January 2022 that it was over.";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

/// Line endings, a byte-order mark, trailing blanks and a missing final newline all survive:
/// the fixed file is the original with the edits' bytes replaced, nothing else.
#[test]
fn bytes_outside_the_edits_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    for (name, before, after) in [
        ("lf.md", format!("{BAKER}\n\n{MISSPELT}\n"), format!("{BAKER_FIXED}\n\n{MISSPELT_FIXED}\n")),
        (
            "crlf.md",
            format!("{BAKER}  \r\n\r\n{MISSPELT}\r\n"),
            format!("{BAKER_FIXED}  \r\n\r\n{MISSPELT_FIXED}\r\n"),
        ),
        ("cr.md", format!("{BAKER}\r\r{MISSPELT}\t \r"), format!("{BAKER_FIXED}\r\r{MISSPELT_FIXED}\t \r")),
        (
            "bom.md",
            format!("\u{feff}{BAKER}\n\n{MISSPELT}"),
            format!("\u{feff}{BAKER_FIXED}\n\n{MISSPELT_FIXED}"),
        ),
    ] {
        let p = write(dir.path(), name, &before);
        let run = quotelint(&["check", "--isolated", "--fix", p.to_str().unwrap()], None);
        assert_eq!(fs::read_to_string(&p).unwrap(), after, "{name}: {}", run.stderr);
        // The unsourced finding remains (its fix is unsafe): exit 1, and the summary says so.
        assert_eq!(run.code, 1, "{name}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains("Fixed 2 findings in 1 file; 1 remains."), "{}", run.stdout);
    }
}

/// The fixed file replaces the old one whole, with its permissions; no temporary file is left.
#[test]
fn fixing_keeps_permissions_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.md", &format!("{BAKER}\n"));
    fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    let run = quotelint(&["check", "--isolated", "--fix", "a.md"], Some(dir.path()));
    assert_eq!(fs::read_to_string(&p).unwrap(), format!("{BAKER_FIXED}\n"), "{}", run.stderr);
    assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["a.md"]);
}

/// A symbolic link is followed: the file it names is fixed, and the link stays a link.
#[test]
fn fixing_through_a_link_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = write(dir.path(), "real.md", &format!("{BAKER}\n"));
    std::os::unix::fs::symlink("real.md", dir.path().join("link.md")).unwrap();
    let run = quotelint(&["check", "--isolated", "--fix", "link.md"], Some(dir.path()));
    assert_eq!(fs::read_to_string(&real).unwrap(), format!("{BAKER_FIXED}\n"), "{}", run.stderr);
    assert!(fs::symlink_metadata(dir.path().join("link.md")).unwrap().file_type().is_symlink());
}

/// `--diff` shows the change as a unified diff and writes nothing: exit 1 when something
/// would change, 0 when nothing would.
#[test]
fn diff_shows_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{BAKER}\n");
    let p = write(dir.path(), "a.md", &text);
    let run = quotelint(&["check", "--isolated", "--diff", "a.md"], Some(dir.path()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, format!("--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-{BAKER}\n+{BAKER_FIXED}\n"));
    run.assert_stderr("1 fix would be applied in 1 file; 1 finding would remain.");
    assert_eq!(fs::read_to_string(&p).unwrap(), text);
    fs::write(&p, format!("{BAKER_FIXED}\n")).unwrap();
    let clean = quotelint(&["check", "--isolated", "--diff", "a.md"], Some(dir.path()));
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""), "{}", clean.stderr);
}

/// An editor plugin sends the text on standard input and reads the fixed text back.
#[test]
fn fixing_standard_input_prints_the_fixed_text() {
    let text = format!("{BAKER}\r\n{MISSPELT}");
    let run = quotelint_with_input(&["check", "--isolated", "--fix", "-"], None, Some(&text));
    assert_eq!(run.stdout, format!("{BAKER_FIXED}\r\n{MISSPELT_FIXED}"));
    run.assert_stderr("Fixed 2 findings in 1 file; 1 remains.");
}

/// `unfixable` and `fixable` choose the checks whose fixes apply; `fix: unsafe` makes `--fix`
/// apply unsafe ones; `quotelint config` shows all three.
#[test]
fn the_configuration_chooses_which_fixes_apply() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{BAKER}\n\n{MISSPELT}\n");
    let p = write(dir.path(), "a.md", &text);
    write(dir.path(), "quotelint.yaml", "unfixable: [misdated]\n");
    quotelint(&["check", "--fix", "a.md"], Some(dir.path()));
    assert_eq!(fs::read_to_string(&p).unwrap(), format!("{BAKER}\n\n{MISSPELT_FIXED}\n"));
    fs::write(&p, &text).unwrap();
    write(dir.path(), "quotelint.yaml", "fix: unsafe\nfixable: [misdated]\n");
    let config = quotelint(&["config"], Some(dir.path()));
    for line in ["fix: unsafe", "fixable: [\"misdated\"]", "unfixable: []"] {
        assert!(config.stdout.contains(line), "{line} in {}", config.stdout);
    }
    quotelint(&["check", "--fix", "a.md"], Some(dir.path()));
    assert_eq!(fs::read_to_string(&p).unwrap(), format!("{BAKER_FIXED}\n\n{MISSPELT}\n"));
    write(dir.path(), "quotelint.yaml", "unfixable: [misdatd]\n");
    let bad = quotelint(&["check", "--fix", "a.md"], Some(dir.path()));
    assert_eq!(bad.code, 2);
    bad.assert_stderr("unknown check `misdatd` in `unfixable`");
}

/// `--unsafe-fixes`: the recorded speaker in the article's form (full name, surname), the
/// record's wording inside the article's marks, and a citation of the record's URL (a
/// footnote where the article has footnotes, an inline link otherwise). Plain `--fix` makes
/// none of these.
#[test]
fn unsafe_fixes_rewrite_speakers_and_wording_and_cite_sources() {
    let dir = tempfile::tempdir().unwrap();
    let speakers = "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the expansion of NATO.\"\n\nIn 1991 Thatcher said: \"We are not talking about the strengthening of NATO,\" in Moscow.\n";
    let footnoted = format!("Major told Gorbachev: \"We are not talking about the expansion of NATO.\"[^1]\n\n[^1]: A diary.\n\nBaker said \"{}\"", &BAKER[BAKER.find('"').unwrap() + 1..BAKER.len() - 1]);
    let linked =
        "Baker said \"no extension of NATO’s jurisdiction for forces of NATO one inch to the east.\"\r\n";
    let a = write(dir.path(), "a.md", speakers);
    let b = write(dir.path(), "b.md", &footnoted);
    let c = write(dir.path(), "c.md", linked);
    let safe = quotelint(&["check", "--isolated", "--fix", "."], Some(dir.path()));
    assert_eq!(fs::read_to_string(&a).unwrap(), speakers, "{}", safe.stderr);
    let run = quotelint(&["check", "--isolated", "--unsafe-fixes", "."], Some(dir.path()));
    assert_eq!(
        fs::read_to_string(&a).unwrap(),
        "In March 1991 John Major told Gorbachev: \"We are not talking about the strengthening of NATO.\"\n\nIn 1991 Major said: \"We are not talking about the strengthening of NATO,\" in Moscow.\n",
        "{}",
        run.stderr
    );
    let url = "https://nsarchive.gwu.edu/briefing-book/russia-programs/2017-12-12/nato-expansion-what-gorbachev-heard-western-leaders-early";
    let id = "baker-1990-02-09-one-inch-us-memcon";
    assert_eq!(
        fs::read_to_string(&b).unwrap(),
        footnoted
            .replace("expansion", "strengthening")
            .replace("east.\"", &format!("east.\"[^{id}]\n\n[^{id}]: <{url}>\n"))
    );
    assert_eq!(
        fs::read_to_string(&c).unwrap(),
        linked.replace("east.\"", &format!("east.\" ([source](<{url}>))"))
    );
    // Fixed, checked again: nothing left that a fix could change.
    let again = quotelint(&["check", "--isolated", "--unsafe-fixes", "--diff", "."], Some(dir.path()));
    assert_eq!((again.code, again.stdout.as_str()), (0, ""), "{}", again.stderr);
}

/// A role phrase naming the wrong speaker becomes the recorded speaker's name, with its "the".
#[test]
fn a_role_phrase_becomes_the_recorded_speakers_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = "In March 1991 the US Secretary of State told Gorbachev: \"We are not talking about the strengthening of NATO.\"\n";
    let a = write(dir.path(), "a.md", text);
    let run = quotelint(&["check", "--isolated", "--unsafe-fixes", "."], Some(dir.path()));
    assert_eq!(
        fs::read_to_string(&a).unwrap(),
        "In March 1991 John Major told Gorbachev: \"We are not talking about the strengthening of NATO.\"\n",
        "{}",
        run.stderr
    );
}

/// JSON and JSON lines carry each finding's fix (or null), with the edits' ranges in the same
/// positions as the findings', so that a plugin can offer them without running `--fix`.
#[test]
fn json_carries_the_edits() {
    let text = format!("{BAKER}\n{MISSPELT}\n");
    for format in ["json", "json-lines"] {
        let run = quotelint_with_input(&["check", "--isolated", "--format", format, "-"], None, Some(&text));
        let items: Vec<serde_json::Value> = if format == "json" {
            let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
            assert_eq!(doc["version"], 1);
            doc["diagnostics"].as_array().unwrap().clone()
        } else {
            run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
        };
        let by_code = |code: &str| items.iter().find(|i| i["code"] == code).unwrap();
        let fix = &by_code("misdated")["fix"];
        assert_eq!(fix["applicability"], "safe", "{format}");
        let edit = &fix["edits"][0];
        assert_eq!(edit["replacement"], "9 February 1990");
        assert_eq!(edit["range"]["start"], serde_json::json!({"line": 1, "column": 4, "offset": 3}));
        assert_eq!(edit["range"]["end"]["offset"], 18);
        assert_eq!(by_code("malformed-date")["fix"]["edits"][0]["replacement"], "January");
        // The record has a URL for Baker's words: an unsafe inline link.
        assert_eq!(by_code("unsourced")["fix"]["applicability"], "unsafe");
        assert!(items.iter().all(|i| i.get("fix").is_some()), "{format}: every item has the key");
    }
    let none = quotelint_with_input(
        &["check", "--isolated", "--format", "json-lines", "-"],
        None,
        Some("Kohl said \"something no record holds at all, surely\".\n"),
    );
    let item: serde_json::Value = serde_json::from_str(none.stdout.lines().next().unwrap()).unwrap();
    assert!(item["fix"].is_null(), "{item}");
}

/// The articles fixing is held to: every fixture, our own labelled sets (eval/), and the
/// development corpus beside the repository (`../shared/eval-dev/cases`) when it is there.
fn corpora() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs =
        vec![root.join("fixtures"), root.join("eval/2026-12-07-a"), root.join("eval/2026-12-07-b")];
    let dev = root.join("../shared/eval-dev/cases");
    if dev.is_dir() {
        dirs.push(dev);
    } else {
        eprintln!("no development corpus at {}: fixtures and eval/ only", dev.display());
    }
    dirs
}

/// Copies the Markdown files of `from` into a new directory `to/NAME`, returning it.
fn copy_articles(from: &Path, to: &Path) -> std::path::PathBuf {
    let dir = to.join(from.file_name().unwrap());
    fs::create_dir_all(&dir).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// The block structure pulldown-cmark reads (as quotelint parses: tables, footnotes,
/// strikethrough), without the footnote definitions whose labels are in `added`.
fn blocks(text: &str, added: &[String]) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut skipping = 0;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label))
                if skipping > 0 || added.contains(&label.to_string()) =>
            {
                skipping += 1
            }
            Event::End(TagEnd::FootnoteDefinition) if skipping > 0 => skipping -= 1,
            _ if skipping > 0 => {}
            Event::Start(tag) if !is_inline(&tag) => out.push(format!("{tag:?}")),
            Event::End(end)
                if !matches!(
                    end,
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                        | TagEnd::Superscript
                        | TagEnd::Subscript
                ) =>
            {
                out.push(format!("/{end:?}"))
            }
            Event::Rule => out.push("Rule".into()),
            _ => {}
        }
    }
    out
}

fn is_inline(tag: &pulldown_cmark::Tag) -> bool {
    use pulldown_cmark::Tag;
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// A second `--fix` (safe, then unsafe too) changes nothing: after fixing every article of
/// every corpus, `--diff` finds nothing to change.
#[test]
fn a_second_fix_changes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    for corpus in corpora() {
        let dir = copy_articles(&corpus, temp.path());
        for (fix, diff) in
            [(&["--fix"][..], &["--diff"][..]), (&["--unsafe-fixes"], &["--diff", "--unsafe-fixes"])]
        {
            let first = quotelint(&[&["check"][..], fix, &["."]].concat(), Some(&dir));
            assert!(first.code < 2, "{}: {}", corpus.display(), first.stderr);
            let again = quotelint(&[&["check"][..], diff, &["."]].concat(), Some(&dir));
            assert_eq!(
                (again.code, again.stdout.as_str()),
                (0, ""),
                "{} {fix:?}: {}",
                corpus.display(),
                again.stderr
            );
        }
    }
}

/// After `--unsafe-fixes` on a copy of each corpus, no date, spelling or wording finding that
/// had an edit is left, and every article parses to the same blocks as before (but the
/// footnotes a citation added). Prints the number of fixes applied, for the record.
#[test]
fn unsafe_fixes_leave_no_fixable_finding_and_keep_the_blocks() {
    let temp = tempfile::tempdir().unwrap();
    let fixed_codes = ["misdated", "misdated-event", "malformed-date", "misquoted"];
    for corpus in corpora() {
        let dir = copy_articles(&corpus, temp.path());
        let before: Vec<(std::path::PathBuf, String)> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| (p.clone(), fs::read_to_string(&p).unwrap()))
            .collect();
        let fixable = quotelint(&["check", "--format", "json-lines", "."], Some(&dir));
        let with_fix = fixable.stdout.lines().filter(|l| !l.contains("\"fix\":null")).count();
        let run = quotelint(&["check", "--unsafe-fixes", "."], Some(&dir));
        assert!(run.code < 2, "{}: {}", corpus.display(), run.stderr);
        let summary = run.stdout.lines().find(|l| l.starts_with("Fixed ")).unwrap_or("").to_owned();
        eprintln!("{}: {with_fix} findings with a fix; {summary}", corpus.display());
        let after = quotelint(&["check", "--format", "json-lines", "."], Some(&dir));
        for line in after.stdout.lines() {
            let item: serde_json::Value = serde_json::from_str(line).unwrap();
            let code = item["code"].as_str().unwrap();
            assert!(
                !fixed_codes.contains(&code) || item["fix"].is_null(),
                "{}: left after fixing: {item}",
                corpus.display()
            );
        }
        for (path, old) in before {
            let new = fs::read_to_string(&path).unwrap();
            let added: Vec<String> = new
                .lines()
                .filter_map(|l| l.strip_prefix("[^")?.split_once("]: ").map(|(label, _)| label.to_owned()))
                .filter(|label| !old.contains(&format!("[^{label}]:")))
                .collect();
            assert_eq!(blocks(&old, &[]), blocks(&new, &added), "{}", path.display());
        }
    }
}

/// A misquotation is corrected word by word: the article's elision, its punctuation and the
/// words it leaves out stay as they are.
#[test]
fn wording_is_corrected_word_by_word() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Major told Gorbachev: \"We are not talking [...] about the expansion of NATO,\" he said.\n\nMajor told Gorbachev: \"We are talking about the strengthening of NATO.\"\n";
    let p = write(dir.path(), "a.md", text);
    let run = quotelint(&["check", "--isolated", "--unsafe-fixes", "a.md"], Some(dir.path()));
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        "Major told Gorbachev: \"We are not talking [...] about the strengthening of NATO,\" he said.\n\nMajor told Gorbachev: \"We are not talking about the strengthening of NATO.\"\n",
        "{}",
        run.stderr
    );
}
