//! `--changed-since REV`: the files git says changed since a revision, plus untracked ones.

use std::path::PathBuf;
use std::process::Command;

/// Paths (relative to the working directory) changed since `rev` or untracked, that still
/// exist. An error when git is missing, this is not a repository, or `rev` is unknown.
pub fn files(rev: &str) -> Result<Vec<PathBuf>, String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let out = Command::new("git")
            .args(args)
            .output()
            .map_err(|e| format!("--changed-since needs git, which could not be run: {e}"))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
        }
    };
    git(&["rev-parse", "--is-inside-work-tree"])
        .map_err(|_| "--changed-since works inside a git repository, and this is not one".to_owned())?;
    let changed = git(&["diff", "--name-only", "--relative", rev, "--"])
        .map_err(|e| format!("git cannot compare with `{rev}`: {e}"))?;
    let untracked = git(&["ls-files", "--others", "--exclude-standard"])?;
    let mut files: Vec<PathBuf> =
        changed.lines().chain(untracked.lines()).map(PathBuf::from).filter(|p| p.is_file()).collect();
    files.sort();
    files.dedup();
    Ok(files)
}
