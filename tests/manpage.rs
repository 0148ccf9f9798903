//! `quotelint manpage`: one complete page, every command and option in it.

mod common;

use clap::CommandFactory;
use common::quotelint;

/// The page's text, roff escapes of hyphens undone, and its sections by heading.
fn page() -> (String, Vec<(String, String)>) {
    let run = quotelint(&["manpage"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.stdout.replace("\\-", "-");
    let mut sections = Vec::new();
    for part in text.split("\n.SH ").skip(1) {
        let (heading, body) = part.split_once('\n').unwrap_or((part, ""));
        sections.push((heading.trim_matches('"').to_owned(), body.to_owned()));
    }
    (text, sections)
}

#[test]
fn every_option_of_check_is_in_its_section() {
    let (_, sections) = page();
    let check = &sections.iter().find(|s| s.0 == "QUOTELINT CHECK").expect("a check section").1;
    // The options as clap defines them: a new flag cannot be left out of the page.
    let mut cmd = quotelint::Cli::command();
    cmd.build();
    let sub = cmd.find_subcommand("check").expect("check").clone();
    // The tags of the section's entries (`.TP` then the tag's line).
    let tags: Vec<String> = check
        .split(".TP\n")
        .skip(1)
        .filter_map(|e| e.lines().next())
        .map(|t| t.replace("\\fB", "").replace("\\fR", ""))
        .collect();
    let mut count = 0;
    for arg in sub.get_arguments().filter(|a| !a.is_global_set() && a.get_id() != "help") {
        let name = match arg.get_long() {
            Some(long) => format!("--{long}"),
            None => arg.get_id().as_str().to_uppercase(),
        };
        let tagged = |t: &String| t.split([' ', ',', '[', ']', '<', '>']).any(|w| w == name);
        assert!(tags.iter().any(tagged), "no {name} in the check section's {tags:?}");
        count += 1;
        if let Some(help) = arg.get_help() {
            let first_words: String =
                help.to_string().split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            assert!(check.contains(&first_words), "no help `{first_words}` for {name}");
        }
    }
    assert!(count >= 12, "only {count} options of check");
    // The global options are given once, in their own section.
    let global = &sections.iter().find(|s| s.0 == "GLOBAL OPTIONS").expect("global options").1;
    for arg in cmd.get_arguments().filter(|a| a.is_global_set()) {
        let long = arg.get_long().expect("global options are long");
        assert!(global.contains(&format!("\\fB--{long}")), "no --{long} in GLOBAL OPTIONS");
    }
}

#[test]
fn every_command_has_a_section_and_the_page_is_whole() {
    let (text, sections) = page();
    let headings: Vec<&str> = sections.iter().map(|s| s.0.as_str()).collect();
    let cmd = quotelint::Cli::command();
    let mut expected = Vec::new();
    for sub in cmd.get_subcommands() {
        expected.push(format!("QUOTELINT {}", sub.get_name().to_uppercase()));
        for subsub in sub.get_subcommands() {
            expected.push(format!("QUOTELINT {} {}", sub.get_name(), subsub.get_name()).to_uppercase());
        }
    }
    for heading in expected.iter().map(String::as_str).chain([
        "EXIT STATUS",
        "CONFIGURATION",
        "FILES",
        "ENVIRONMENT",
        "EXAMPLES",
    ]) {
        assert!(headings.contains(&heading), "no section {heading} in {headings:?}");
    }
    for name in ["NO_COLOR", "CLICOLOR_FORCE", "COLUMNS", "quotelint.yaml", "max-file-size"] {
        assert!(text.contains(name), "{name} is not in the page");
    }
    // No page it cannot give is referred to (clap_mangen's quotelint-check(1) and the like).
    assert!(!text.contains("quotelint-"), "a reference to another page:\n{text}");
}
