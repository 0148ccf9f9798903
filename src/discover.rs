//! Which files to check: the paths given, with directories walked for Markdown files, skipping
//! hidden directories, `target/`, `node_modules/` and whatever the repository's ignore files
//! (`.gitignore`, `.ignore`) exclude. Output order is sorted, so runs are reproducible.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// File endings checked when walking a directory. A file named explicitly is always checked.
pub const EXTENSIONS: &[&str] = &["md", "markdown"];

/// A path that could not be walked.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// The files to check under `paths`, and the paths that could not be read.
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.push(WalkError { path: path.clone(), message: io_message(&e) }),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(e.file_type().is_some_and(|t| t.is_dir()) && (name == "target" || name == "node_modules"))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                let markdown =
                    e.path().extension().and_then(|x| x.to_str()).is_some_and(|x| EXTENSIONS.contains(&x));
                if is_file && markdown {
                    files.push(strip_dot(e.into_path()));
                }
            }
            Err(e) => errors.push(WalkError { path: root.to_path_buf(), message: e.to_string() }),
        }
    }
}

/// `./a.md` is shown as `a.md`, as people write it.
fn strip_dot(path: PathBuf) -> PathBuf {
    path.strip_prefix("./").map(Path::to_path_buf).unwrap_or(path)
}

pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
