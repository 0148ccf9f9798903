//! `quotelint config`: the configuration in force, and where each value comes from.

use std::io::Write;

use crate::checks;
use crate::cli::{io_failure, Failure, Outcome, RecordArgs};
use crate::config::{CheckSetting, Config, Origin};

pub fn run(args: &RecordArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let mut lines: Vec<(String, String, String)> = Vec::new();
    let file = match (&config.file, args.isolated) {
        (_, true) => "none (--isolated)".to_owned(),
        (Some(f), _) => f.display().to_string(),
        (None, _) => "none found (looked for quotelint.yaml and .quotelint.yaml up from here)".to_owned(),
    };
    let list =
        |v: &[String]| format!("[{}]", v.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", "));
    lines.push(("include".into(), list(&config.include.value), config.include.origin.to_string()));
    lines.push(("exclude".into(), list(&config.exclude.value), config.exclude.origin.to_string()));
    lines.push(("extensions".into(), list(&config.extensions.value), config.extensions.origin.to_string()));
    let mut rules: Vec<String> = config.rule_paths().iter().map(|p| p.display().to_string()).collect();
    let mut rules_origin = config.rules.origin.to_string();
    if !args.rules.is_empty() {
        rules.extend(args.rules.iter().map(|p| p.display().to_string()));
        rules_origin = format!("{rules_origin} + --rules");
    }
    lines.push(("rules".into(), list(&rules), rules_origin));
    let (default_rules, default_origin) = if args.no_default_rules {
        (false, Origin::Flag("--no-default-rules").to_string())
    } else {
        (config.default_rules.value, config.default_rules.origin.to_string())
    };
    lines.push(("default-rules".into(), default_rules.to_string(), default_origin));
    lines.push(("min-words".into(), config.min_words.value.to_string(), config.min_words.origin.to_string()));
    lines.push((
        "citation-patterns".into(),
        list(&config.citation_patterns.value),
        config.citation_patterns.origin.to_string(),
    ));
    lines.push((
        "max-file-size".into(),
        config.max_file_size.value.to_string(),
        config.max_file_size.origin.to_string(),
    ));
    let date = config.article_date.value.map_or("none".to_owned(), |d| d.to_string());
    lines.push(("article-date".into(), date, config.article_date.origin.to_string()));
    lines.push(("fix".into(), config.fix.value.to_string(), config.fix.origin.to_string()));
    let fixable = config.fixable.value.as_deref().map_or("all".to_owned(), list);
    lines.push(("fixable".into(), fixable, config.fixable.origin.to_string()));
    lines.push(("unfixable".into(), list(&config.unfixable.value), config.unfixable.origin.to_string()));
    for c in checks::ALL {
        let (setting, origin) = match config.checks.get(c.code.as_str()) {
            Some(s) => (s.value, s.origin.to_string()),
            None if c.opt_in => (CheckSetting::Off, "default".to_owned()),
            None => (CheckSetting::On(c.severity), "default".to_owned()),
        };
        lines.push((format!("checks.{}", c.code), setting.to_string(), origin));
    }
    let width = lines.iter().map(|l| l.0.len() + l.1.len()).max().unwrap_or(0) + 2;
    let mut text = format!("# configuration file: {file}\n");
    for (key, value, origin) in lines {
        let entry = format!("{key}: {value}");
        text.push_str(&format!("{entry:width$}  # {origin}\n"));
    }
    out.write_all(text.as_bytes()).map_err(io_failure)?;
    Ok(Outcome::Clean)
}
