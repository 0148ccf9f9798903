//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other static-analysis viewers
//! read it. One rule (reportingDescriptor) per check with its summary and documentation; each
//! result has 1-based regions and the record's evidence in `properties`.

use std::io::Write;

use serde::Serialize;
use serde_json::{json, Value};

use super::{Emitter, FileReport, Totals};
use crate::checks;
use crate::diagnostic::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: forward slashes, every other byte but the unreserved
/// ones percent-encoded (so a name that is not UTF-8 round-trips too).
fn uri(path: &std::path::Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let bytes = bytes.strip_prefix(b"./").unwrap_or(bytes);
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One result, serialized as it is written (no JSON tree is built per finding).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
    #[serde(skip_serializing_if = "Properties::is_empty")]
    properties: Properties<'a>,
}

/// A finding's fix: its edits as replacements of regions of the one file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: crate::fix::Applicability,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation<'a>,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<'a>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation<'a> {
    uri: &'a str,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Properties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    quote_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
}

impl Properties<'_> {
    fn is_empty(&self) -> bool {
        self.quote_id.is_none() && self.found.is_none() && self.expected.is_none()
    }
}

/// The SARIF document, its results written as files arrive: the tool and its rules come from
/// the checks alone, so nothing waits for the last file. `written` says whether a result has
/// been written (they are separated by commas).
#[derive(Default)]
pub struct Sarif {
    written: bool,
}

impl Emitter for Sarif {
    /// The document's opening, rules and all, up to its first result.
    fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let doc = document();
        let at = doc.find(RESULTS).expect("the results array");
        write!(out, "{}\"results\": [", &doc[..at])
    }

    /// Some files' results.
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        write_results(reports, &mut self.written, out)
    }

    /// The document's end, after its last result.
    fn finish(&mut self, _totals: &Totals, out: &mut dyn Write) -> std::io::Result<()> {
        let doc = document();
        let at = doc.find(RESULTS).expect("the results array") + RESULTS.len();
        writeln!(out, "\n      ]{}", &doc[at..])
    }
}

/// Writes some files' results; `written` says whether one came before.
fn write_results(reports: &[FileReport], written: &mut bool, out: &mut dyn Write) -> std::io::Result<()> {
    let mut line = Vec::new();
    for (r, lines) in super::with_lines(reports) {
        let uri = uri(&r.path);
        for d in r.diagnostics() {
            let start = lines.position(&r.text, d.range.start);
            let end = lines.position(&r.text, d.range.end);
            let message = match &d.help {
                Some(help) => format!("{}\n{help}", d.message).into(),
                None => d.message.as_ref().into(),
            };
            let region = |range: &std::ops::Range<usize>| {
                let (start, end) = (lines.position(&r.text, range.start), lines.position(&r.text, range.end));
                Region {
                    start_line: start.line,
                    start_column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                }
            };
            let fixes = d
                .fix()
                .map(|f| SarifFix {
                    description: Text {
                        text: format!(
                            "{} fix: {}",
                            f.applicability.as_str(),
                            d.help.as_deref().unwrap_or("")
                        )
                        .into(),
                    },
                    artifact_changes: [ArtifactChange {
                        artifact_location: ArtifactLocation { uri: &uri, uri_base_id: "%SRCROOT%" },
                        replacements: f
                            .edits
                            .iter()
                            .map(|e| Replacement {
                                deleted_region: region(&e.range),
                                inserted_content: Text { text: e.replacement.as_ref().into() },
                            })
                            .collect(),
                    }],
                    properties: FixProperties { applicability: f.applicability },
                })
                .into_iter()
                .collect();
            let result = SarifResult {
                rule_id: d.code.as_str(),
                rule_index: checks::ALL.iter().position(|c| c.code == d.code).unwrap_or(0),
                level: level(d.severity),
                message: Text { text: message },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri: &uri, uri_base_id: "%SRCROOT%" },
                        region: Region {
                            start_line: start.line,
                            start_column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                        },
                    },
                }],
                fixes,
                properties: Properties { quote_id: d.quote_id(), found: d.found(), expected: d.expected() },
            };
            out.write_all(if std::mem::replace(written, true) { b",\n        " } else { b"\n        " })?;
            super::json::write_item(&result, &mut line, out)?;
        }
    }
    Ok(())
}

/// Where the results go in the document: [`document`] pretty-printed splits around it.
const RESULTS: &str = "\"results\": []";

/// The whole SARIF document with no results: the tool, its rules, and an empty `results`.
fn document() -> String {
    let rules: Vec<Value> = checks::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "name": c.code,
                "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.summary},
                // The check's whole explanation (`quotelint explain CODE`); no `helpUri`:
                // quotelint has no published home to link to yet.
                "help": {"text": c.doc(), "markdown": c.doc()},
                "defaultConfiguration": {"level": level(c.severity), "enabled": !c.opt_in},
            })
        })
        .collect();
    // A struct rather than `json!` for the document and its run, so that the tool and its rules
    // come before the results (a `Value` object sorts its keys).
    #[derive(Serialize)]
    struct Document {
        #[serde(rename = "$schema")]
        schema: &'static str,
        version: &'static str,
        runs: [Run; 1],
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Run {
        tool: Value,
        column_kind: &'static str,
        results: [(); 0],
    }
    let doc = Document {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({"driver": {
                "name": "quotelint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
            column_kind: "unicodeCodePoints",
            results: [],
        }],
    };
    serde_json::to_string_pretty(&doc).expect("a document of strings")
}
