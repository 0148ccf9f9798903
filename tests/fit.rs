//! Fitting where quotelint runs: configuration, suppressions, output formats, changed files.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::quotelint;

/// Major's remark given to Thatcher, cited: one misattributed finding (a warning: the record
/// entry is low-confidence), at line 1 column 49.
const WRONG: &str = "In March 1991 Margaret Thatcher told Gorbachev: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))\n";
/// The same, correctly attributed but uncited: one unsourced finding.
const UNCITED: &str =
    "In March 1991 John Major told Gorbachev: \"We are not talking about the strengthening of NATO.\"\n";

fn codes(stdout: &str) -> Vec<(String, u64, String)> {
    let json: serde_json::Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn config_is_found_upward_and_can_be_named_or_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".quotelint.yaml", "checks:\n  unsourced: off\n");
    write(root, "a/b/article.md", UNCITED);
    // From a nested directory the file above applies: no unsourced.
    let run = quotelint(&["check", "--format", "json", "article.md"], Some(&root.join("a/b")));
    assert_eq!(codes(&run.stdout), vec![], "{}", run.stderr);
    // --isolated ignores it.
    let run = quotelint(&["check", "--isolated", "--format", "json", "article.md"], Some(&root.join("a/b")));
    assert_eq!(codes(&run.stdout), vec![("article.md".into(), 1, "unsourced".into())]);
    // --config names another file.
    write(root, "strict.yaml", "checks:\n  unsourced: error\n");
    let run = quotelint(
        &["check", "--config", "../../strict.yaml", "--format", "json", "article.md"],
        Some(&root.join("a/b")),
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["severity"], "error");
    // Flags override the file.
    let run = quotelint(
        &["check", "--enable", "unsourced", "--format", "json", "article.md"],
        Some(&root.join("a/b")),
    );
    assert_eq!(codes(&run.stdout).len(), 1);
}

#[test]
fn config_shows_values_and_where_they_come_from() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "quotelint.yaml",
        "# newsroom settings\nexclude: [\"drafts/**\"]\nchecks:\n  unsourced: off\n  misquoted: error\n",
    );
    let run = quotelint(&["config"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = |key: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key}: {}", run.stdout))
            .to_owned()
    };
    assert!(
        line("exclude:").contains("[\"drafts/**\"]") && line("exclude:").ends_with("quotelint.yaml:2"),
        "{}",
        line("exclude:")
    );
    assert!(
        line("checks.unsourced:").contains("off") && line("checks.unsourced:").ends_with("quotelint.yaml:4")
    );
    assert!(
        line("checks.misquoted:").contains("error")
            && line("checks.misquoted:").ends_with("quotelint.yaml:5")
    );
    assert!(line("checks.misdated:").ends_with("# default"));
    let run = quotelint(&["--no-default-rules", "config"], Some(dir.path()));
    assert!(
        run.stdout.contains("default-rules: false") && run.stdout.contains("--no-default-rules"),
        "{}",
        run.stdout
    );
}

#[test]
fn each_config_error_points_at_its_line() {
    let cases: &[(&str, &str, &str)] = &[
        ("excludes: [\"x\"]\n", "unknown key `excludes`; did you mean `exclude`?", ":1:1]"),
        ("checks:\n  unsourced: loud\n", "`loud` is not off, error, warning or info", ":2:14]"),
        ("checks:\n  unsourced: true\n", "`true` does not say a severity", ":2:14]"),
        ("min-words: many\n", "`min-words` must be a whole number, got \"many\"", ":1:12]"),
        ("checks:\n  misatributed: off\n", "unknown check `misatributed`", ":2:3]"),
        ("checks:\n  unreadable: off\n", "check `unreadable` is always on and cannot be set", ":2:3]"),
        ("article-date: \"2022-13\"\n", "`2022-13` has no month 13", ":1:1]"),
        ("exclude: [\"a[\"]\n", "is not a valid glob", ":1:1]"),
    ];
    for (text, message, at) in cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), ".quotelint.yaml", text);
        write(dir.path(), "a.md", WRONG);
        let run = quotelint(&["check", "a.md"], Some(dir.path()));
        assert_eq!(run.code, 2, "{text}");
        assert!(run.stderr.contains(message), "{text}: {}", run.stderr);
        assert!(run.stderr.contains(&format!(".quotelint.yaml{at}")), "{text}: {}", run.stderr);
    }
    // Issue 18: serde stopped at a file's first problem, in Rust's words. Every key's problem is
    // reported now, and the keys without one are still validated.
    let dir = tempfile::tempdir().unwrap();
    let text = "min-words: four\ndefault-rules: yes please\nchecks:\n  misatributed: off\nexclude: [3]\n";
    write(dir.path(), ".quotelint.yaml", text);
    write(dir.path(), "a.md", WRONG);
    let run = quotelint(&["check", "a.md"], Some(dir.path()));
    assert_eq!(run.code, 2);
    for (message, at) in [
        ("`min-words` must be a whole number, got \"four\"", ":1:12]"),
        ("`default-rules` must be true or false, got \"yes please\"", ":2:16]"),
        ("unknown check `misatributed`", ":4:3]"),
    ] {
        run.assert_stderr(message);
        run.assert_stderr(&format!(".quotelint.yaml{at}"));
    }
    assert!(run.stderr.trim_end().ends_with("found 3 problems in the configuration"), "{}", run.stderr);
    // A config path that is a directory.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("conf")).unwrap();
    let run = quotelint(&["--config", "conf", "check", "."], Some(dir.path()));
    assert_eq!(run.code, 2);
    run.assert_stderr("config file conf is a directory");
}

#[test]
fn exclude_applies_to_walked_files_and_to_named_ones_with_force_exclude() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".quotelint.yaml", "exclude: [\"drafts/**\"]\n");
    write(root, "drafts/x.md", WRONG);
    write(root, "published/y.md", WRONG);
    let run = quotelint(&["check", "--format", "json"], Some(root));
    assert_eq!(codes(&run.stdout), vec![("published/y.md".into(), 1, "misattributed".into())]);
    let named = quotelint(&["check", "--format", "json", "drafts/x.md"], Some(root));
    assert_eq!(codes(&named.stdout).len(), 1, "named files are checked even if excluded");
    let forced = quotelint(&["check", "--force-exclude", "--format", "json", "drafts/x.md"], Some(root));
    assert_eq!(codes(&forced.stdout), vec![]);
}

#[test]
fn suppressions_and_unused_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = format!(
        "<!-- quotelint-disable-next-line misattributed -->\n{WRONG}\n<!-- quotelint-disable-next-line misdated -->\n{WRONG}\n<!-- quotelint-disable -->\n\n{WRONG}\n<!-- quotelint-enable -->\n\n{UNCITED}"
    );
    write(root, "a.md", &text);
    let run = quotelint(&["check", "--format", "json", "a.md"], Some(root));
    // Line 2: suppressed; line 5: a misdated suppression does not cover misattributed; line 9:
    // inside the region; line 13: after it.
    assert_eq!(
        codes(&run.stdout),
        vec![("a.md".into(), 5, "misattributed".into()), ("a.md".into(), 13, "unsourced".into())]
    );
    let run = quotelint(&["check", "--format", "json", "--report-unused-suppressions", "a.md"], Some(root));
    assert_eq!(
        codes(&run.stdout),
        vec![
            ("a.md".into(), 4, "unused-suppression".into()),
            ("a.md".into(), 5, "misattributed".into()),
            ("a.md".into(), 13, "unsourced".into())
        ]
    );
    // Front matter disables for the whole file.
    write(root, "b.md", &format!("---\nquotelint: {{disable: [unsourced]}}\n---\n{UNCITED}"));
    let run = quotelint(&["check", "--format", "json", "b.md"], Some(root));
    assert_eq!(codes(&run.stdout), vec![]);
}

#[test]
fn sarif_is_valid_against_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/a b.md", &format!("{WRONG}\n{UNCITED}"));
    let run = quotelint(&["check", "--format", "sarif", "docs/a b.md"], Some(dir.path()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).expect("vendored schema");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["tool"]["driver"]["rules"].as_array().unwrap().len(), quotelint::checks::ALL.len());
    let result = &run0["results"][0];
    assert_eq!(result["ruleId"], "misattributed");
    assert_eq!(result["level"], "warning");
    let loc = &result["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "docs/a%20b.md");
    assert_eq!(loc["region"]["startLine"], 1);
    assert_eq!(loc["region"]["startColumn"], 49);
    assert_eq!(result["properties"]["quote_id"], "major-1991-03-not-strengthening-nato");
    assert_eq!(result["properties"]["expected"], "John Major");
    // Its fix (issue 23): "Margaret Thatcher" (line 1, columns 15 to 32) replaced, unsafe.
    let fix = &result["fixes"][0];
    assert_eq!(fix["properties"]["applicability"], "unsafe");
    let change = &fix["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "docs/a%20b.md");
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "John Major");
    let region = &replacement["deletedRegion"];
    let at = |k: &str| region[k].as_u64().unwrap();
    assert_eq!((at("startLine"), at("startColumn"), at("endLine"), at("endColumn")), (1, 15, 1, 32));
    // Issue 21: no link to a home quotelint does not have yet; each rule carries its whole
    // explanation instead.
    assert!(!run.stdout.contains("github.com/quotelint"), "{}", run.stdout);
    assert!(run0["tool"]["driver"]["rules"][0]["help"]["text"].as_str().unwrap().contains("How to fix"));
}

#[test]
fn github_annotations_and_checkstyle_xml() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", UNCITED);
    let run = quotelint(&["check", "--format", "github", "a.md"], Some(dir.path()));
    // 41 characters precede the quotation, which is 53 characters long (51 words and spaces
    // between its two marks): columns 42 to 95 (end exclusive). The help's newline is escaped
    // as %0A; the title's parentheses need no escape.
    let expected = "::warning file=a.md,line=1,col=42,endLine=1,endColumn=95,title=quotelint(unsourced)::“We are not talking about the strengthening of NATO.” has no citation in its paragraph%0Acite the source; the record documents it in Diary of Ambassador Rodric Braithwaite (National Security Archive Briefing Book 613), as quoted by GlobalSecurity.org, \"Russia - NATO Relations\"\n";
    assert_eq!(run.stdout, expected);

    let run = quotelint(&["check", "--format", "checkstyle", "a.md"], Some(dir.path()));
    let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n  <file name=\"a.md\">\n    <error line=\"1\" column=\"42\" severity=\"warning\" message=\"“We are not talking about the strengthening of NATO.” has no citation in its paragraph\" source=\"quotelint.unsourced\"/>\n  </file>\n</checkstyle>\n";
    assert_eq!(run.stdout, expected);
}

#[test]
fn json_lines_statistics_quiet_and_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", &format!("{WRONG}\n{UNCITED}\n{UNCITED}"));
    let run = quotelint(&["check", "--format", "json-lines", "a.md"], Some(dir.path()));
    let lines: Vec<serde_json::Value> =
        run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["code"], "unsourced");
    let stats = quotelint(&["check", "--statistics", "a.md"], Some(dir.path()));
    assert_eq!(stats.stdout, "     2  unsourced            warning\n     1  misattributed        warning\n");
    let quiet = quotelint(&["check", "--quiet", "a.md"], Some(dir.path()));
    assert!(!quiet.stdout.contains("checked 1 file"), "{}", quiet.stdout);
    assert_eq!(quiet.stdout.lines().filter(|l| l.starts_with("a.md:")).count(), 3);
    let zero = quotelint(&["check", "--exit-zero", "a.md"], Some(dir.path()));
    assert_eq!(zero.code, 0);
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git")
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn changed_since_checks_changed_and_untracked_markdown_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    write(root, "old.md", WRONG);
    write(root, "edited.md", "Nothing here.\n");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    write(root, "edited.md", WRONG);
    write(root, "new.md", WRONG);
    write(root, "notes.txt", WRONG);
    let run = quotelint(&["check", "--changed-since", "HEAD", "--format", "json"], Some(root));
    let files: Vec<String> = codes(&run.stdout).into_iter().map(|c| c.0).collect();
    assert_eq!(files, vec!["edited.md", "new.md"], "{}", run.stderr);

    let outside = tempfile::tempdir().unwrap();
    let run = quotelint(&["check", "--changed-since", "HEAD"], Some(outside.path()));
    assert_eq!(run.code, 2);
    run.assert_stderr("--changed-since works inside a git repository");
}

/// Issue 21: the README's Actions recipe compares with `origin/<base>`. A CI checkout fetches
/// one commit of the pull request's branch, where that ref does not exist: the error says the
/// clone is shallow and how to fetch the history. The recipe's form (full history, the base
/// branch fetched) works.
#[test]
fn changed_since_in_a_shallow_clone_says_what_to_fetch() {
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin");
    fs::create_dir(&origin).unwrap();
    git(&origin, &["init", "-q"]);
    write(&origin, "old.md", "Nothing here.\n");
    git(&origin, &["add", "."]);
    git(&origin, &["commit", "-q", "-m", "base"]);
    git(&origin, &["checkout", "-q", "-b", "feature"]);
    write(&origin, "new.md", WRONG);
    git(&origin, &["add", "."]);
    git(&origin, &["commit", "-q", "-m", "change"]);
    let url = format!("file://{}", origin.display());

    // As actions/checkout does by default: one commit of the branch under test.
    git(dir.path(), &["clone", "-q", "--depth", "1", "--branch", "feature", &url, "shallow"]);
    let run = quotelint(&["check", "--changed-since", "origin/main"], Some(&dir.path().join("shallow")));
    assert_eq!(run.code, 2, "{}", run.stdout);
    run.assert_stderr("is not in this clone, which is shallow");
    run.assert_stderr("fetch-depth: 0");

    // A full clone without the base branch: the fetch that brings it.
    git(dir.path(), &["clone", "-q", "--single-branch", "--branch", "feature", &url, "single"]);
    let run = quotelint(&["check", "--changed-since", "origin/main"], Some(&dir.path().join("single")));
    assert_eq!(run.code, 2, "{}", run.stdout);
    run.assert_stderr("fetch it first: `git fetch origin main`");

    // The recipe: `fetch-depth: 0` (every branch, all history).
    git(dir.path(), &["clone", "-q", "--branch", "feature", &url, "full"]);
    let full = dir.path().join("full");
    let run = quotelint(&["check", "--changed-since", "origin/main", "--format", "json"], Some(&full));
    let files: Vec<String> = codes(&run.stdout).into_iter().map(|c| c.0).collect();
    assert_eq!(files, vec!["new.md"], "{}", run.stderr);
}

/// Issue 18: `--changed-since=--output=victim.txt` had `git diff` overwrite that file; a
/// revision is never an option now, and the run says it is not a commit.
#[test]
fn changed_since_never_passes_an_option_to_git() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    write(root, "a.md", WRONG);
    write(root, "victim.txt", "keep me\n");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    for rev in ["--output=victim.txt", "--output=new.txt", "-p", "--no-index"] {
        let run = quotelint(&["check", &format!("--changed-since={rev}")], Some(root));
        assert_eq!(run.code, 2, "{rev}: {}", run.stdout);
        run.assert_stderr(&format!("`{rev}` is not a commit git knows"));
        assert_eq!(fs::read_to_string(root.join("victim.txt")).unwrap(), "keep me\n", "{rev}");
        assert!(!root.join("new.txt").exists(), "{rev}");
    }
    let run = quotelint(&["check", "--changed-since", "no-such-branch"], Some(root));
    assert_eq!(run.code, 2);
    run.assert_stderr("`no-such-branch` is not a commit git knows");
}

/// Issue 18: git quotes names with non-ASCII bytes, tabs, quotes or newlines, and every such
/// file was silently skipped ("checked 0 files", exit 0).
#[test]
fn changed_since_checks_files_whose_names_git_would_quote() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    let names = ["café.md", "tab\there.md", "quote\"d.md", "new\nline.md", "back\\slash.md"];
    for name in names {
        write(root, name, "Nothing here.\n");
    }
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    for name in names {
        write(root, name, WRONG);
    }
    write(root, "untracked é.md", WRONG);
    let run = quotelint(&["check", "--changed-since", "HEAD", "--format", "json"], Some(root));
    let mut files: Vec<String> = codes(&run.stdout).into_iter().map(|c| c.0).collect();
    files.dedup();
    let mut expected: Vec<&str> = names.iter().copied().chain(["untracked é.md"]).collect();
    expected.sort();
    assert_eq!(files, expected, "{}", run.stderr);
}

#[test]
fn stdin_uses_the_configuration_of_the_file_it_stands_for() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site/.quotelint.yaml", "checks:\n  unsourced: off\n");
    fs::create_dir_all(root.join("site/posts")).unwrap();
    let args = ["check", "-", "--stdin-filename", "site/posts/p.md", "--format", "json"];
    let run = common::quotelint_with_input(&args, Some(root), Some(UNCITED));
    assert_eq!(codes(&run.stdout), vec![], "{}", run.stderr);
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let run = quotelint(&["completions", shell], None);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("changed-since"), "{shell}");
    }
    let man = quotelint(&["manpage"], None);
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH quotelint"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
}

/// The README's recipes, read from the README itself so that they cannot drift from what is
/// tested.
fn readme_yaml_blocks() -> Vec<String> {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    readme.split("```yaml\n").skip(1).map(|b| b.split("```").next().unwrap().to_owned()).collect()
}

/// Issue 21: the pre-commit recipe is a `local` hook running the installed binary (the
/// published-repository form named a repository and a tag that do not exist). Its command line,
/// as pre-commit runs it (files by name), checks what it is given and skips what the
/// configuration excludes.
#[test]
fn the_pre_commit_recipe_runs_as_written() {
    let blocks = readme_yaml_blocks();
    let hook = blocks.iter().find(|b| b.contains("pre-commit") || b.contains("repo: local")).expect("a hook");
    assert!(hook.contains("repo: local") && hook.contains("language: system"), "{hook}");
    assert!(!blocks.iter().any(|b| b.contains("rev: v")), "no tag of an unpublished repository");
    let entry = hook.lines().find_map(|l| l.trim().strip_prefix("entry: ")).expect("an entry");
    let args: Vec<&str> = entry.split_whitespace().collect();
    assert_eq!(args[0], "quotelint", "{entry}");

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "quotelint.yaml", "exclude: [\"drafts/**\"]\n");
    fs::create_dir(dir.path().join("drafts")).unwrap();
    write(dir.path(), "drafts/wip.md", WRONG);
    write(dir.path(), "a.md", WRONG);
    let mut with_files: Vec<&str> = args[1..].to_vec();
    with_files.extend(["--format", "json", "drafts/wip.md", "a.md"]);
    let run = quotelint(&with_files, Some(dir.path()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let files: Vec<String> = codes(&run.stdout).into_iter().map(|c| c.0).collect();
    assert_eq!(files, vec!["a.md"]);
}

/// Issue 21: the README's `local` hook, run by pre-commit itself on a real repository: the
/// wrong article fails the commit with its finding, the excluded draft is skipped, and a
/// correct article passes. pre-commit installs from PyPI; `.ci/run` installs it and sets
/// `QUOTELINT_REQUIRE_PRE_COMMIT`, so that CI cannot skip this quietly. Elsewhere, without
/// pre-commit, the hook's command line is still run by the test above.
#[test]
fn the_pre_commit_recipe_runs_under_pre_commit() {
    let required = std::env::var_os("QUOTELINT_REQUIRE_PRE_COMMIT").is_some();
    let found = Command::new("pre-commit").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(!required, "QUOTELINT_REQUIRE_PRE_COMMIT is set but pre-commit is not on PATH");
        eprintln!("pre-commit is not installed: only the hook's command line was tested");
        return;
    }
    let blocks = readme_yaml_blocks();
    let config = blocks.iter().find(|b| b.contains("repo: local")).expect("a hook");
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("articles");
    fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    write(&repo, ".pre-commit-config.yaml", config);
    write(&repo, "quotelint.yaml", "exclude: [\"drafts/**\"]\n");
    write(&repo, "drafts/wip.md", WRONG);
    write(&repo, "good.md", "Nothing quoted here.\n");
    git(&repo, &["add", "."]);
    // The hook's `language: system` runs the `quotelint` on PATH: the one just built.
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_quotelint")).parent().unwrap().to_owned();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let pre_commit = |args: &[&str]| {
        Command::new("pre-commit")
            .args(args)
            .current_dir(&repo)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", dir.path().join("cache"))
            .env("NO_COLOR", "1")
            .output()
            .expect("pre-commit")
    };
    let clean = pre_commit(&["run", "--all-files", "--color", "never"]);
    let out = String::from_utf8_lossy(&clean.stdout);
    assert!(clean.status.success(), "the draft is excluded and good.md is clean: {out}");
    assert!(out.contains("quotelint") && out.contains("Passed"), "{out}");

    write(&repo, "wrong.md", WRONG);
    git(&repo, &["add", "wrong.md"]);
    let failed = pre_commit(&["run", "--all-files", "--color", "never"]);
    let out = String::from_utf8_lossy(&failed.stdout);
    assert_eq!(failed.status.code(), Some(1), "{out}");
    assert!(out.contains("Failed") && out.contains("wrong.md:1:49"), "{out}");
    assert!(out.contains("misattributed") && !out.contains("wip.md"), "{out}");
}

/// Issue 21: the Actions recipe fetches the history that `--changed-since` compares with.
#[test]
fn the_actions_recipe_fetches_the_base_branch() {
    let blocks = readme_yaml_blocks();
    let workflow = blocks.iter().find(|b| b.contains("actions/checkout")).expect("a workflow");
    assert!(workflow.contains("fetch-depth: 0"), "{workflow}");
    assert!(!workflow.contains("github.com/quotelint/quotelint"), "no unpublished repository");
    assert!(blocks.iter().any(|b| b.contains("--changed-since origin/")));
}

/// Issue 21: `--version` names the record that judges an article: the embedded one, and a
/// user's files as their own line; a record's content changes its hash.
#[test]
fn version_names_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let run = quotelint(&["--version"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("quotelint "), "{}", run.stdout);
    assert!(
        lines[1].starts_with("embedded record: ") && lines[1].contains(" quotations, "),
        "{}",
        run.stdout
    );
    assert!(lines[1].contains("(content "), "{}", run.stdout);
    assert_eq!(lines.len(), 2, "{}", run.stdout);

    let entry = |text: &str| {
        format!(
            "quotations:\n  - id: mine\n    speaker: putin\n    text: \"{text}\"\n    date: \"2001\"\n    confidence: low\n"
        )
    };
    write(dir.path(), "mine.yaml", &entry("one two three four"));
    let first = quotelint(&["--rules", "mine.yaml", "-V"], Some(dir.path()));
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.stdout.lines().nth(1), Some(lines[1]), "the embedded line is unchanged");
    let user = first.stdout.lines().nth(2).unwrap_or_default().to_owned();
    assert!(user.starts_with("user record (1 file): 1 quotation, 0 events (content "), "{}", first.stdout);
    write(dir.path(), "mine.yaml", &entry("one two three five"));
    let second = quotelint(&["--rules", "mine.yaml", "-V"], Some(dir.path()));
    assert_ne!(second.stdout.lines().nth(2).unwrap_or_default(), user, "another text, another hash");

    let none = quotelint(&[], Some(dir.path()));
    assert_eq!(none.code, 2);
    none.assert_stderr("a command is needed");
}
