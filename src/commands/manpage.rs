//! `quotelint manpage`: one complete man page, quotelint(1): the top-level command, a section
//! for every subcommand with all its options (taken from clap's command definition, so that it
//! cannot fall behind the flags), then exit status, configuration keys, files, environment and
//! examples.

use std::io::Write;

use clap::{Arg, Command};

/// The configuration file's keys, in the order `quotelint config` gives them, with what each
/// sets. A test checks them against the keys the configuration file accepts.
pub const CONFIG_KEYS: &[(&str, &str)] = &[
    (
        "include",
        "globs (relative to the configuration file) of the files to check; default: every file walked",
    ),
    ("exclude", "globs of files not to check (for files named on the command line too with --force-exclude)"),
    ("extensions", "the extensions of the Markdown files a directory is walked for; default: [md, markdown]"),
    ("rules", "record files or directories of YAML files added to the default record"),
    ("default-rules", "false: check against your record only, without the one built into quotelint"),
    (
        "checks",
        "a map from a check's code to off (or false), error, warning or info; \
         `quotelint explain --list` lists the codes",
    ),
    ("min-words", "an unattributed quoted span counts as a quotation from this many words"),
    ("citation-patterns", "regular expressions for text that counts as a citation, e.g. \"\\(AP\\)\""),
    ("article-date", "the articles' date (YYYY-MM-DD) when their front matter gives none"),
    (
        "max-file-size",
        "larger files are refused unread: bytes, or a number and KiB, MiB or GiB; default 100MiB",
    ),
    ("fix", "safe (the default) or unsafe: which fixes check --fix applies"),
    ("fixable", "only these checks' fixes are applied (a list of codes); default: every check's"),
    ("unfixable", "these checks' fixes are never applied (a list of codes)"),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "no error or warning (or --exit-zero)"),
    ("1", "errors or warnings were found (remain, with --fix); with --diff, a fix would change a file"),
    (
        "2",
        "failure: a file that could not be checked (missing, unreadable, binary, not UTF-8, too large), \
         a bad record or configuration, or bad arguments; the other files are still checked and reported",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("NO_COLOR", "set to anything but the empty string: no colour (unless --color always)"),
    ("CLICOLOR_FORCE", "set to anything but 0: colour and snippets even when the output is no terminal (unless NO_COLOR is set or --color never)"),
    ("COLUMNS", "the width the human output fits in; default: the terminal's, or 80"),
];

const FILES: &[(&str, &str)] = &[
    (
        "quotelint.yaml, .quotelint.yaml",
        "the configuration, looked for in the working directory and each directory above it (for \
         standard input, from the directory of --stdin-filename); see CONFIGURATION",
    ),
    (
        "*.md, *.markdown",
        "the articles a directory is walked for (see the extensions key); .gitignore is honoured",
    ),
    (
        "DIR/people/harvested.yaml, DIR/quotations/harvested.yaml",
        "the only files quotelint writes: rules harvest --out DIR, never over an existing file",
    ),
];

const EXAMPLES: &[(&str, &str)] = &[
    ("quotelint check article.md", "check one article"),
    ("quotelint check", "check every Markdown file below the working directory"),
    ("quotelint check --changed-since origin/main", "check the files changed on a branch (CI)"),
    ("quotelint check --format sarif > quotelint.sarif", "write findings for GitHub code scanning"),
    (
        "quotelint check --stdin-filename article.md - < draft.md",
        "check standard input as article.md (an editor)",
    ),
    ("quotelint explain misattributed", "what a check flags, why, and how to fix or suppress it"),
    ("quotelint config", "the configuration in force and where each value comes from"),
    ("quotelint rules validate my-record/", "validate your own record with the default one"),
    (
        "quotelint rules harvest published/ --out proposed/",
        "propose record entries from checked articles (unreviewed; validate them with rules validate proposed/)",
    ),
];

/// Text for roff: backslashes and hyphens escaped, and no line starting with a control character.
fn escape(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// A `.TP` entry: a bold tag and its text.
fn entry(out: &mut dyn Write, tag: &str, text: &str) -> std::io::Result<()> {
    writeln!(out, ".TP\n\\fB{}\\fR\n{}", escape(tag), escape(text))
}

/// An option or argument as its entry's tag: `--format <FORMAT>`, `-q, --quiet`, `[PATHS]...`.
fn arg_tag(arg: &Arg) -> String {
    let value = || {
        let names = arg.get_value_names().map(|v| v.join(" ")).unwrap_or_else(|| arg.get_id().to_string());
        format!("<{}>", names.to_uppercase())
    };
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values()) || arg.get_action().takes_values();
    match (arg.get_short(), arg.get_long()) {
        (None, None) => {
            let v = value();
            if arg.is_required_set() {
                v
            } else {
                format!("[{}]", &v[1..v.len() - 1])
            }
        }
        (short, long) => {
            let mut names: Vec<String> = short.map(|s| format!("-{s}")).into_iter().collect();
            names.extend(long.map(|l| format!("--{l}")));
            let names = names.join(", ");
            if takes_value {
                format!("{names} {}", value())
            } else {
                names
            }
        }
    }
}

/// An option's help, with its default and possible values.
fn arg_text(arg: &Arg) -> String {
    let mut text = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(h) => format!("{} ({h})", v.get_name()),
            None => v.get_name().to_owned(),
        })
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" [possible values: {}]", values.join(", ")));
    }
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" [default: {}]", defaults.join(" ")));
    }
    text
}

/// The options and arguments of `cmd` that it defines itself (not the global ones, given once).
fn own_args(cmd: &Command) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments().filter(|a| !a.is_hide_set() && !a.is_global_set())
}

/// A section for a command and, after it, one for each of its subcommands.
fn command_sections(out: &mut dyn Write, cmd: &Command, path: &str) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let name = format!("{path} {}", sub.get_name());
        let mut sub = sub.clone();
        sub.build();
        writeln!(out, ".SH \"{}\"", escape(&name.to_uppercase()))?;
        let usage = sub.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        writeln!(out, ".PP\n\\fB{}\\fR", escape(usage))?;
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            writeln!(out, ".PP\n{}", escape(&about.to_string()))?;
        }
        for arg in own_args(&sub).filter(|a| a.get_id() != "help") {
            entry(out, &arg_tag(arg), &arg_text(arg))?;
        }
        if sub.has_subcommands() {
            let names: Vec<&str> =
                sub.get_subcommands().map(Command::get_name).filter(|n| *n != "help").collect();
            writeln!(out, ".PP\nSubcommands: {}, each below.", escape(&names.join(", ")))?;
        }
        command_sections(out, &sub, &name)?;
    }
    Ok(())
}

/// Writes the man page of `cmd` (quotelint's command) in roff.
pub fn write(cmd: clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    let mut cmd = cmd;
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    writeln!(out, ".PP\nEach command has its section below, after the options every command takes.")?;
    writeln!(out, ".SH \"GLOBAL OPTIONS\"")?;
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        entry(out, &arg_tag(arg), &arg_text(arg))?;
    }
    command_sections(out, &cmd, "quotelint")?;
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, text) in EXIT_STATUS {
        entry(out, code, text)?;
    }
    writeln!(out, ".SH CONFIGURATION")?;
    writeln!(
        out,
        ".PP\n{}",
        escape(
            "A YAML file, quotelint.yaml or .quotelint.yaml (see FILES), or the one --config names; \
             every key is optional and flags override it. `quotelint config` prints the \
             configuration in force and where each value comes from. The keys:"
        )
    )?;
    for (key, text) in CONFIG_KEYS {
        entry(out, key, text)?;
    }
    writeln!(out, ".SH FILES")?;
    for (file, text) in FILES {
        entry(out, file, text)?;
    }
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, text) in ENVIRONMENT {
        entry(out, name, text)?;
    }
    writeln!(out, ".SH EXAMPLES")?;
    for (example, text) in EXAMPLES {
        entry(out, example, text)?;
    }
    writeln!(
        out,
        ".SH \"SEE ALSO\"\n.PP\n{}",
        escape("`quotelint explain --list` for the checks, `quotelint explain CODE` for one of them.")
    )?;
    man.render_version_section(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_keys_are_those_the_file_accepts() {
        // serde names every key it accepts when it meets one it does not.
        let e = serde_json::from_str::<crate::config::ConfigFile>(r#"{"no-such-key": 1}"#).unwrap_err();
        let message = e.to_string();
        let accepted: Vec<&str> = message
            .split("expected one of ")
            .nth(1)
            .expect("serde lists the keys")
            .split(", ")
            .map(|k| k.trim_matches(|c: char| c == '`' || !c.is_ascii_graphic()).split('`').next().unwrap())
            .collect();
        let documented: Vec<&str> = CONFIG_KEYS.iter().map(|k| k.0).collect();
        assert_eq!(documented, accepted, "{message}");
    }
}
