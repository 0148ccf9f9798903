//! `--changed-since REV`: the files git says changed since a revision, plus untracked ones.

use std::path::PathBuf;
use std::process::Command;

/// Paths (relative to the working directory) changed since `rev` or untracked, that still
/// exist. An error when git is missing, this is not a repository, or `rev` is not a commit.
///
/// `rev` is never passed to git as an option: it is resolved to a commit first, after
/// `--end-of-options` (`--changed-since=--output=FILE` once had `git diff` write FILE), and a
/// revision starting with `-` is refused outright. Names are read NUL-separated and unquoted
/// (`-z`, `core.quotePath=false`), so that `café.md` or a name with a tab, a quote or a
/// newline is checked like any other, not dropped.
pub fn files(rev: &str) -> Result<Vec<PathBuf>, String> {
    let git = |args: &[&str]| -> Result<Vec<u8>, String> {
        let out = Command::new("git")
            .args(["-c", "core.quotePath=false"])
            .args(args)
            .output()
            .map_err(|e| format!("--changed-since needs git, which could not be run: {e}"))?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
        }
    };
    git(&["rev-parse", "--is-inside-work-tree"])
        .map_err(|_| "--changed-since works inside a git repository, and this is not one".to_owned())?;
    let unknown = || format!("--changed-since: `{rev}` is not a commit git knows");
    if rev.starts_with('-') || rev.is_empty() {
        return Err(unknown());
    }
    let commit = git(&["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{rev}^{{commit}}")])
        .map_err(|_| match git(&["rev-parse", "--is-shallow-repository"]) {
            // CI checkouts fetch one commit by default: the base branch is not there to compare.
            Ok(out) if out.trim_ascii() == b"true" => format!(
                "--changed-since: `{rev}` is not in this clone, which is shallow (it has only the \
                 latest commits); fetch the history first: `git fetch --unshallow origin`, or in \
                 GitHub Actions give actions/checkout `fetch-depth: 0`"
            ),
            _ => match rev.split_once('/') {
                Some((remote, branch)) if !branch.is_empty() => {
                    format!("{}; if it is a branch of `{remote}`, fetch it first: `git fetch {remote} {branch}`", unknown())
                }
                _ => unknown(),
            },
        })?;
    let commit = String::from_utf8_lossy(&commit).trim().to_owned();
    let changed = git(&["diff", "--name-only", "-z", "--relative", &commit, "--"])
        .map_err(|e| format!("git cannot compare with `{rev}`: {e}"))?;
    let untracked = git(&["ls-files", "-z", "--others", "--exclude-standard"])?;
    let mut files: Vec<PathBuf> = changed
        .split(|&b| b == 0)
        .chain(untracked.split(|&b| b == 0))
        .filter(|name| !name.is_empty())
        .map(path_of)
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

/// A name as git wrote it: bytes, which on Unix are the name whatever their encoding.
#[cfg(unix)]
fn path_of(name: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(name))
}

#[cfg(not(unix))]
fn path_of(name: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(name).into_owned())
}
