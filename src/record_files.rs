//! The record files a user names (`rules:` in the configuration, `--rules`), read from the
//! file system here and handed to the core's loader, which reads no files.

use std::path::{Path, PathBuf};

use crate::record::{user_source, LoadOptions, Record, RecordError, RecordSource};

/// Which record to load: the core's options, and the user's files.
#[derive(Debug, Clone)]
pub struct RecordFiles {
    pub options: LoadOptions,
    /// User files or directories, added to (and overriding) the default.
    pub paths: Vec<PathBuf>,
    /// A user's record files larger than this many bytes are refused unread.
    pub max_file_size: u64,
}

impl Default for RecordFiles {
    fn default() -> Self {
        RecordFiles {
            options: LoadOptions::default(),
            paths: Vec::new(),
            max_file_size: crate::config::DEFAULT_MAX_FILE_SIZE.0,
        }
    }
}

impl RecordFiles {
    /// The same files, loaded only for checking ([`LoadOptions::for_checking`]).
    pub fn for_checking(self) -> Self {
        RecordFiles { options: LoadOptions { for_checking: true, ..self.options }, ..self }
    }

    /// Reads the user's files and loads the record; on any problem, returns all of them.
    pub fn load(&self) -> Result<Record, Vec<RecordError>> {
        let (user, errors) = user_sources(&self.paths, self.max_file_size);
        Record::load_with(&self.options, user, errors)
    }
}

/// Reads the files a user named with `--rules`: a file, or every `.yaml`/`.yml` file below a
/// directory (sorted, so that the order and therefore the output is deterministic). A path that
/// cannot be read (or is not a regular file, or is larger than `max` bytes) is reported and the
/// others are still read. As when articles are found, a linked file below a directory is read,
/// but a linked directory is not walked: it could lead out of the repository.
fn user_sources(paths: &[PathBuf], max: u64) -> (Vec<RecordSource>, Vec<RecordError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in walkdir::WalkDir::new(path) {
                match entry {
                    // A link, FIFO or device named like a record file is read, to be refused if
                    // it is not a regular file (a link to a directory is refused, not walked).
                    Ok(e) if !e.file_type().is_dir() && is_yaml(e.path()) => files.push(e.into_path()),
                    Ok(_) => {}
                    Err(e) => errors.push(RecordError::plain(
                        format!("cannot read record directory {}: {e}", path.display()),
                        None,
                    )),
                }
            }
            files.sort();
            for file in files {
                read_one(&file, max, &mut sources, &mut errors);
            }
        } else {
            read_one(path, max, &mut sources, &mut errors);
        }
    }
    (sources, errors)
}

fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

fn read_one(path: &Path, max: u64, sources: &mut Vec<RecordSource>, errors: &mut Vec<RecordError>) {
    let name = path.display().to_string();
    if !path.exists() {
        return errors.push(RecordError::plain(
            format!("record path {name} does not exist"),
            Some("`--rules` takes a YAML file or a directory of them".into()),
        ));
    }
    if !is_yaml(path) {
        // Refused unread: a record error quotes the file, and a path may name any file.
        return errors.push(RecordError::plain(
            format!("record file {name} is not a YAML file"),
            Some("record files are named .yaml or .yml".into()),
        ));
    }
    match crate::discover::read_regular(path, max) {
        Ok(bytes) => match user_source(name, bytes) {
            Ok(source) => sources.push(source),
            Err(e) => errors.push(e),
        },
        Err(e) => errors.push(RecordError::plain(format!("cannot read record file {name}: {e}"), None)),
    }
}
