//! `quotelint rules harvest`: reads the articles, and prints or writes the proposed entries.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{io_failure, Failure, Outcome};
use crate::config::Config;
use crate::harvest::{Harvest, Harvester, Skip};
use crate::record::Record;

/// Where `--out DIR` writes, below DIR.
pub const PEOPLE_FILE: &str = "people/harvested.yaml";
pub const QUOTATIONS_FILE: &str = "quotations/harvested.yaml";

/// Harvests the articles under `paths`: the YAML on `out` (or in two files below `dir`), the
/// summary on `err`. Files that cannot be read are errors (exit 2) after the others are
/// harvested and the output written.
pub fn run(
    record: &Record,
    config: &Config,
    paths: &[PathBuf],
    dir: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Failure> {
    // Refused before any work: existing files are never overwritten.
    if let Some(dir) = dir {
        for file in [PEOPLE_FILE, QUOTATIONS_FILE] {
            let path = dir.join(file);
            if path.exists() || path.is_symlink() {
                return Err(Failure::message(format!(
                    "{} exists already; harvest never overwrites a file (move it, or give another --out)",
                    path.display()
                )));
            }
        }
    }
    let options = super::check::extract_options(config)?;
    let (files, walk_errors) = super::check::articles(paths, config, None, false)?;
    let max = config.max_file_size.value.0;
    let mut errors: Vec<String> =
        walk_errors.into_iter().map(|e| format!("{}: {}", e.path.display(), e.message)).collect();
    let mut harvester = Harvester::new(record, options);
    let mut harvested = 0;
    for file in &files {
        let label = file.path.display().to_string();
        let added = super::check::read_article(&file.path, max).and_then(|text| {
            // A bug that panics costs this file, not the run.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| harvester.add(&text, &label)))
                .unwrap_or_else(|_| Err("internal error while reading this file; please report it".into()))
        });
        match added {
            Ok(()) => harvested += 1,
            Err(message) => errors.push(format!("{label}: {message}")),
        }
    }
    let harvest = harvester.finish();
    match dir {
        None => {
            out.write_all(crate::harvest::yaml(&harvest.people, &harvest.quotations).as_bytes())
                .map_err(io_failure)?;
        }
        Some(dir) => write_files(dir, &harvest)?,
    }
    let _ = writeln!(err, "{}", summary(harvested, &harvest, dir));
    if errors.is_empty() {
        return Ok(Outcome::Clean);
    }
    let n = errors.len();
    Err(Failure {
        diagnostics: errors.into_iter().map(|e| miette::miette!("{e}")).collect(),
        summary: Some(format!("{} could not be harvested", crate::count(n, "file", "files"))),
    })
}

/// Writes the two files below `dir`, each created new (never over an existing file).
fn write_files(dir: &Path, harvest: &Harvest) -> Result<(), Failure> {
    let (people, quotations) = crate::harvest::to_yaml(&harvest.people, &harvest.quotations);
    for (file, text) in [(PEOPLE_FILE, people), (QUOTATIONS_FILE, quotations)] {
        let path = dir.join(file);
        let fail = |e: std::io::Error| Failure::message(format!("cannot write {}: {e}", path.display()));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(fail)?;
        f.write_all(text.as_bytes()).map_err(fail)?;
    }
    Ok(())
}

/// "harvest: 3 quotations proposed (1 new person) from 2 files; 5 skipped: 2 already in the
/// record, …".
fn summary(files: usize, harvest: &Harvest, dir: Option<&Path>) -> String {
    use crate::count;
    let skipped: usize = harvest.skipped.values().sum();
    let why: Vec<String> =
        harvest.skipped.iter().map(|(s, n): (&Skip, &usize)| format!("{n} {}", s.describe())).collect();
    let where_ = match dir {
        Some(d) => format!(
            "; written to {} and {}",
            d.join(PEOPLE_FILE).display(),
            d.join(QUOTATIONS_FILE).display()
        ),
        None => String::new(),
    };
    format!(
        "harvest: {} proposed ({}) from {}; {} skipped{}{}{where_}",
        count(harvest.quotations.len(), "quotation", "quotations"),
        count(harvest.people.len(), "new person", "new people"),
        count(files, "file", "files"),
        skipped,
        if why.is_empty() { "" } else { ": " },
        why.join(", "),
    )
}
