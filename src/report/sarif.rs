//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other static-analysis viewers
//! read it. One rule (reportingDescriptor) per check with its summary and documentation; each
//! result has 1-based regions and the record's evidence in `properties`.

use std::io::Write;

use serde_json::{json, Value};

use super::FileReport;
use crate::checks;
use crate::diagnostic::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: forward slashes, percent-encoded where needed.
fn uri(path: &std::path::Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s);
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The SARIF results of some files' findings.
pub fn results(reports: &[FileReport]) -> Vec<Value> {
    let mut results = Vec::new();
    for (r, lines) in super::with_lines(reports) {
        for d in &r.diagnostics {
            let start = lines.position(&r.text, d.range.start);
            let end = lines.position(&r.text, d.range.end);
            let rule_index = checks::ALL.iter().position(|c| c.code == d.code).unwrap_or(0);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str(&format!("\n{help}"));
            }
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&r.path), "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column,
                        }
                    }
                }],
            });
            let mut props = serde_json::Map::new();
            for (k, v) in [("quote_id", &d.quote_id), ("found", &d.found), ("expected", &d.expected)] {
                if let Some(v) = v {
                    props.insert(k.to_owned(), json!(v));
                }
            }
            if !props.is_empty() {
                result["properties"] = Value::Object(props);
            }
            results.push(result);
        }
    }
    results
}

/// The whole SARIF document around `results`.
pub fn document(results: Vec<Value>) -> Value {
    let rules: Vec<Value> = checks::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "name": c.code,
                "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.summary},
                "help": {"text": c.doc(), "markdown": c.doc()},
                "helpUri": format!("https://github.com/quotelint/quotelint/blob/main/src/checks/{}.rs", c.code.replace('-', "_")),
                "defaultConfiguration": {"level": level(c.severity), "enabled": !c.opt_in},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "quotelint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/quotelint/quotelint",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(results(reports)))?;
    writeln!(out)
}
