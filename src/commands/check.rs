//! `quotelint check`: the articles against the record.

use std::io::Read;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::cli::{io_failure, CheckArgs, ColorChoice, Failure, Outcome, OutputFormat};
use crate::diagnostic::Severity;
use crate::discover;
use crate::engine::{self, Engine};
use crate::record::Record;
use crate::report::{self, FileReport, Totals};

/// Where the output goes and what it is connected to.
pub struct Io<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn std::io::Write,
    pub stdout_is_terminal: bool,
}

/// A file that could not be checked.
struct FileError {
    path: PathBuf,
    message: String,
}

fn read(path: &PathBuf) -> Result<String, FileError> {
    let bytes = std::fs::read(path)
        .map_err(|e| FileError { path: path.clone(), message: discover::io_message(&e) })?;
    String::from_utf8(bytes).map_err(|e| FileError {
        path: path.clone(),
        message: format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()),
    })
}

pub fn run(args: &CheckArgs, record: &Record, io: Io) -> Result<Outcome, Failure> {
    let checks = engine::select(&args.enable, &args.disable).map_err(Failure::message)?;
    let engine = Engine::new(record, checks);

    let mut errors: Vec<FileError> = Vec::new();
    let mut reports: Vec<FileReport> = Vec::new();
    let stdin_only = args.paths.len() == 1 && args.paths[0].as_os_str() == "-";
    if stdin_only {
        let mut bytes = Vec::new();
        let path = args.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("-"));
        io.stdin
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::message(format!("cannot read standard input: {e}")))?;
        match String::from_utf8(bytes) {
            Ok(text) => {
                let result = engine.check(&text);
                reports.push(FileReport {
                    path,
                    text,
                    quotations: result.quotations,
                    diagnostics: result.diagnostics,
                });
            }
            Err(e) => errors.push(FileError {
                path,
                message: format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()),
            }),
        }
    } else {
        if args.paths.iter().any(|p| p.as_os_str() == "-") {
            return Err(Failure::message("`-` (standard input) cannot be mixed with other paths".into()));
        }
        let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
        let (files, walk_errors) = discover::files(&paths);
        errors.extend(walk_errors.into_iter().map(|e| FileError { path: e.path, message: e.message }));
        let results: Vec<Result<FileReport, FileError>> = files
            .par_iter()
            .map(|path| {
                let text = read(path)?;
                let result = engine.check(&text);
                Ok(FileReport {
                    path: path.clone(),
                    text,
                    quotations: result.quotations,
                    diagnostics: result.diagnostics,
                })
            })
            .collect();
        for r in results {
            match r {
                Ok(report) => reports.push(report),
                Err(e) => errors.push(e),
            }
        }
    }

    let totals = Totals::of(&reports, errors.len());
    match args.format {
        OutputFormat::Json => report::json::write(&reports, totals, io.stdout),
        OutputFormat::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => io.stdout_is_terminal && std::env::var_os("NO_COLOR").is_none(),
            };
            let graphical = io.stdout_is_terminal || args.color == ColorChoice::Always;
            report::human::write(&reports, totals, graphical, color, io.stdout)
        }
    }
    .map_err(io_failure)?;

    if !errors.is_empty() {
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        return Err(Failure {
            diagnostics: errors
                .into_iter()
                .map(|e| miette::miette!("{}: {}", e.path.display(), e.message))
                .collect(),
            summary: None,
        });
    }
    let findings = reports.iter().flat_map(|r| &r.diagnostics).any(|d| d.severity >= Severity::Warning);
    Ok(if findings { Outcome::Findings } else { Outcome::Clean })
}
