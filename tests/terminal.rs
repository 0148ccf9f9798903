//! The terminal rendering: snapshots of findings at 80 and 160 columns (non-ASCII text, a CRLF
//! file, a 10 KB line), and the rules every snapshot keeps whatever its text: each line fits the
//! terminal, and each underline is under the words it marks.

mod common;

use std::fs;
use std::process::Command;

use common::{run_command, uncolored};
use unicode_width::UnicodeWidthStr;

/// The quotation John Major said, given to Margaret Thatcher: one `misattributed` finding
/// labelled on "Margaret Thatcher" and underlined on the quotation.
const QUOTE: &str = "\"We are not talking about the strengthening of NATO.\"";
const SOURCE: &str = " ([diary](https://nsarchive.gwu.edu/))";

/// The human output for `text` (in a file `name`) on a terminal `columns` wide, as `COLUMNS`
/// and `--color always` give it when the output is not a terminal.
fn render(name: &str, text: &str, columns: usize) -> String {
    render_quote(name, text, columns, QUOTE)
}

/// [`render`] for a finding on `quote`.
fn render_quote(name: &str, text: &str, columns: usize, quote: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
    cmd.args(["check", "--isolated", "--disable", "unsourced", "--color", "always", name]);
    cmd.current_dir(dir.path()).env("COLUMNS", columns.to_string());
    let run = run_command(cmd, None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = uncolored(&run.stdout);
    assert!(!out.contains('\x1b'), "only color sequences: {out:?}");
    check_layout(&out, columns, quote);
    out
}

/// Every line fits in `columns`; under the snippet line, the label's `┬` stands under the
/// middle of "Margaret Thatcher" and the quotation's underline starts under its opening quote
/// and is as wide as what is shown of it.
fn check_layout(out: &str, columns: usize, quote_text: &str) {
    for line in out.lines().filter(|l| !l.trim_start().starts_with("help:") && !l.starts_with("        ")) {
        // Help may overflow only by a word longer than the line (a URL is never split); a
        // label's text is not wrapped (miette draws it on one line), and fits from 80 columns.
        if line.contains("╰── ") && columns < 80 {
            continue;
        }
        assert!(line.width() <= columns, "{} columns > {columns}: {line}\n{out}", line.width());
    }
    let lines: Vec<&str> = out.lines().collect();
    let numbered = |l: &&str| l.trim_start().starts_with(|c: char| c.is_ascii_digit()) && l.contains(" │ ");
    let at = lines.iter().position(numbered).expect("a snippet line");
    let (snippet, underline) = (lines[at], lines[at + 1]);
    let col = |s: &str, i: usize| s[..i].width();
    // The speaker, or as much of it as the window shows.
    let speaker = snippet.find("Margaret").expect("the speaker is shown");
    let shown = "Margaret Thatcher".len().min(snippet[speaker..].find('…').unwrap_or(usize::MAX));
    let (from, to) = (col(snippet, speaker), col(snippet, speaker + shown));
    let marks: Vec<(usize, char)> = underline
        .char_indices()
        .map(|(i, c)| (col(underline, i), c))
        .filter(|&(_, c)| c == '─' || c == '┬')
        .collect();
    let speaker_marks: Vec<usize> = marks.iter().map(|m| m.0).filter(|&c| c < to).collect();
    assert_eq!(speaker_marks.first(), Some(&from), "speaker underline start\n{out}");
    assert_eq!(speaker_marks.last(), Some(&(to - 1)), "speaker underline end\n{out}");
    let opening: String = quote_text.chars().take(6).collect();
    let quote = snippet.find(&opening).expect("the quotation is shown");
    let quote_at = col(snippet, quote);
    let quote_marks: Vec<usize> = marks.iter().map(|m| m.0).filter(|&c| c >= to).collect();
    assert_eq!(quote_marks.first(), Some(&quote_at), "quotation underline start\n{out}");
    let full = quote_text.width();
    let shown = snippet[quote..].find('…').map_or(full, |e| snippet[quote..quote + e].width());
    assert_eq!(quote_marks.len(), shown.min(full), "quotation underline width\n{out}");
}

/// A paragraph of 10 KB on one line, the finding in its middle.
fn long_line() -> String {
    let filler = "and more words of the paragraph ".repeat(160);
    format!("{filler}In March 1991 Margaret Thatcher told Gorbachev: {QUOTE}{SOURCE} {filler}\n")
}

/// Wide (CJK) and combining characters before, between and after the marked words.
fn non_ascii() -> String {
    format!(
        "日本語の記事。In March 1991 Margaret Thatcher (マーガレット・サッチャー, née Roberts, cafe\u{301}) \
         told Gorbachev: {QUOTE}{SOURCE} 終わり。\n"
    )
}

/// CRLF line ends, the finding on the third line.
fn crlf() -> String {
    format!("# Notes\r\n\r\nÀ Moscou, in March 1991 Margaret Thatcher told Gorbachev: {QUOTE}{SOURCE}\r\nEnd.\r\n")
}

#[test]
fn a_10_kb_line_at_80_and_160_columns() {
    let text = long_line();
    assert!(text.len() > 10_000);
    insta::assert_snapshot!("long_line_80", render("long.md", &text, 80));
    insta::assert_snapshot!("long_line_160", render("long.md", &text, 160));
}

#[test]
fn non_ascii_text_at_80_and_160_columns() {
    insta::assert_snapshot!("non_ascii_80", render("日本.md", &non_ascii(), 80));
    insta::assert_snapshot!("non_ascii_160", render("日本.md", &non_ascii(), 160));
}

/// Genscher's words in German (umlauts, ß), given to Thatcher: a quotation longer than 80
/// columns, cut there with its underline.
const GERMAN: &str = "\"Sache der NATO ist es, eindeutig zu erklären: Was immer im Warschauer Pakt geschieht, eine Ausdehnung des NATO-Territoriums nach Osten, das heißt, näher an die Grenze der Sowjetunion heran, wird es nicht geben.\"";

#[test]
fn a_long_quotation_in_german_at_80_and_160_columns() {
    let text = format!("In 1990 Margaret Thatcher said: {GERMAN}{SOURCE}\n");
    insta::assert_snapshot!("german_80", render_quote("de.md", &text, 80, GERMAN));
    insta::assert_snapshot!("german_160", render_quote("de.md", &text, 160, GERMAN));
}

#[test]
fn a_crlf_file_at_80_and_160_columns() {
    insta::assert_snapshot!("crlf_80", render("crlf.md", &crlf(), 80));
    insta::assert_snapshot!("crlf_160", render("crlf.md", &crlf(), 160));
}

#[test]
fn narrow_and_wide_terminals_keep_the_layout() {
    for columns in [40, 60, 100, 120, 200, 400] {
        for text in [long_line(), non_ascii(), crlf()] {
            render("a.md", &text, columns);
        }
    }
}

/// Runs `check --isolated --disable unsourced a.md ARGS` on a misattributed quotation with the
/// environment `env` (and no other colour variable), its output piped: whether it is coloured
/// and whether it shows a snippet.
fn colored_and_graphical(args: &[&str], env: &[(&str, &str)]) -> (bool, bool) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), crlf()).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
    cmd.args(["check", "--isolated", "--disable", "unsourced", "a.md"]).args(args).current_dir(dir.path());
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").envs(env.iter().copied());
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    (stdout.contains("\x1b["), stdout.contains(" │ "))
}

#[test]
fn no_color_and_clicolor_force_are_honoured_and_the_flag_wins() {
    // Piped, nothing said: plain, one line a finding.
    assert_eq!(colored_and_graphical(&[], &[]), (false, false));
    // CLICOLOR_FORCE: colour (and snippets) though the output is no terminal; `0` does not force.
    assert_eq!(colored_and_graphical(&[], &[("CLICOLOR_FORCE", "1")]), (true, true));
    assert_eq!(colored_and_graphical(&[], &[("CLICOLOR_FORCE", "0")]), (false, false));
    // NO_COLOR (any non-empty value) wins over CLICOLOR_FORCE; an empty NO_COLOR says nothing.
    assert_eq!(colored_and_graphical(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]), (false, false));
    assert_eq!(colored_and_graphical(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]), (true, true));
    // The flag wins over both.
    assert_eq!(colored_and_graphical(&["--color", "always"], &[("NO_COLOR", "1")]), (true, true));
    assert_eq!(colored_and_graphical(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]), (false, false));
}

#[test]
fn a_short_run_on_a_terminal_draws_no_progress_bar() {
    // 400 files (above the threshold for a bar) checked in well under the bar's delay of 1 s,
    // on a pseudo-terminal (util-linux `script`) for standard output and standard error.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        fs::write(dir.path().join(format!("a{i}.md")), "Nothing quoted here.\n").unwrap();
    }
    let command = format!("{} check --isolated .", env!("CARGO_BIN_EXE_quotelint"));
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .output()
        .expect("util-linux `script` runs a command on a pseudo-terminal");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("checked 400 files"), "{shown}");
    assert!(!shown.contains("/400 files"), "a progress bar was drawn: {shown}");
}
