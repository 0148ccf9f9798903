//! Writing findings: for people (`human`) and for programs (`json`).

pub mod checkstyle;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// One checked file's findings, with its text for positions and snippets.
pub struct FileReport {
    /// As given or as walked, relative to the working directory.
    pub path: PathBuf,
    pub text: String,
    pub quotations: usize,
    pub diagnostics: Vec<Diagnostic>,
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
    pub fn of(reports: &[FileReport], failed: usize) -> Self {
        let mut t = Totals { files: reports.len() + failed, ..Default::default() };
        for r in reports {
            t.quotations += r.quotations;
            for d in &r.diagnostics {
                match d.severity {
                    crate::diagnostic::Severity::Error => t.errors += 1,
                    crate::diagnostic::Severity::Warning => t.warnings += 1,
                    crate::diagnostic::Severity::Info => t.infos += 1,
                }
            }
        }
        t
    }

    pub fn diagnostics(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}
