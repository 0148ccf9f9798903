//! Writing findings: for people (`human`) and for programs (`json`, `sarif`, `github`,
//! `checkstyle`). Files arrive in batches, in output order; formats that can stream write each
//! batch at once, the others keep only the findings (never the files' text) until the end, so
//! memory stays bounded however many files are checked.

pub mod checkstyle;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use crate::cli::OutputFormat;
use crate::diagnostic::{Diagnostic, LineIndex, Severity};

/// One checked file's findings, with its text for positions and snippets.
pub struct FileReport {
    /// As given or as walked, relative to the working directory.
    pub path: PathBuf,
    pub text: String,
    pub quotations: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// The files that have findings, each with the index that turns their byte offsets into lines
/// and columns: most files of a large run have none, and indexing them cost as much as
/// reporting the rest.
fn with_lines(reports: &[FileReport]) -> impl Iterator<Item = (&FileReport, LineIndex)> {
    reports.iter().filter(|r| !r.diagnostics.is_empty()).map(|r| (r, LineIndex::new(&r.text)))
}

/// The counts a summary line and the JSON summary give.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub files: usize,
    pub quotations: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Totals {
    /// Adds a batch of checked files.
    pub fn add(&mut self, reports: &[FileReport]) {
        self.files += reports.len();
        for r in reports {
            self.quotations += r.quotations;
            for d in &r.diagnostics {
                match d.severity {
                    Severity::Error => self.errors += 1,
                    Severity::Warning => self.warnings += 1,
                    Severity::Info => self.infos += 1,
                }
            }
        }
    }

    pub fn diagnostics(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Writes findings as batches of files arrive, and what needs all of them at the end.
pub struct Reporter {
    format: OutputFormat,
    /// Human output: snippets (a terminal) or one line a finding.
    graphical: bool,
    color: bool,
    summary_line: bool,
    statistics: bool,
    pub totals: Totals,
    held: Vec<serde_json::Value>,
    counts: BTreeMap<&'static str, (usize, Severity)>,
}

impl Reporter {
    pub fn new(
        format: OutputFormat,
        graphical: bool,
        color: bool,
        summary_line: bool,
        statistics: bool,
    ) -> Self {
        Reporter {
            format,
            graphical,
            color,
            summary_line,
            statistics,
            totals: Totals::default(),
            held: Vec::new(),
            counts: BTreeMap::new(),
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        match self.format {
            OutputFormat::Checkstyle => checkstyle::header(out),
            _ => Ok(()),
        }
    }

    pub fn batch(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        self.totals.add(reports);
        let out = &mut buffered(out);
        match self.format {
            OutputFormat::Human if self.statistics => {
                for d in reports.iter().flat_map(|r| &r.diagnostics) {
                    let e = self.counts.entry(d.code).or_insert((0, d.severity));
                    e.0 += 1;
                    e.1 = e.1.max(d.severity);
                }
                Ok(())
            }
            OutputFormat::Human => human::write(reports, self.graphical, self.color, out),
            OutputFormat::Json => {
                for item in json::items(reports) {
                    self.held.push(serde_json::to_value(item).map_err(std::io::Error::other)?);
                }
                Ok(())
            }
            OutputFormat::JsonLines => json::write_lines(reports, out),
            OutputFormat::Sarif => {
                self.held.extend(sarif::results(reports));
                Ok(())
            }
            OutputFormat::Github => github::write(reports, out),
            OutputFormat::Checkstyle => checkstyle::files(reports, out),
        }?;
        out.flush()
    }

    /// Closes the output; `failed` files could not be checked (they count as files).
    pub fn finish(&mut self, failed: usize, out: &mut dyn Write) -> std::io::Result<()> {
        self.totals.files += failed;
        let held = std::mem::take(&mut self.held);
        let out = &mut buffered(out);
        match self.format {
            OutputFormat::Human if self.statistics => human::statistics(&self.counts, out),
            OutputFormat::Human if self.summary_line => writeln!(out, "{}", human::summary(self.totals)),
            OutputFormat::Human | OutputFormat::JsonLines | OutputFormat::Github => Ok(()),
            OutputFormat::Json => json::write(held, self.totals, out),
            OutputFormat::Sarif => {
                serde_json::to_writer_pretty(&mut *out, &sarif::document(held))?;
                writeln!(out)
            }
            OutputFormat::Checkstyle => checkstyle::footer(out),
        }?;
        out.flush()
    }
}

/// `out`, holding what one call writes and handing it over whole when flushed. serde_json and
/// the writers write token by token, and each token went through `dyn Write` into standard
/// output's line buffer: for JSON lines that cost more than the formatting itself.
fn buffered(out: &mut dyn Write) -> std::io::BufWriter<&mut dyn Write> {
    std::io::BufWriter::with_capacity(1 << 16, out)
}
