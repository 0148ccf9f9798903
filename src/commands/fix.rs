//! What `check --fix` and `check --diff` do with a fixed text: write it back atomically, or
//! show it as a unified diff. Fixing itself is the library's ([`crate::engine::Engine::fix`]).

use std::io::Write;
use std::path::Path;

/// What to do with the fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report findings; fix nothing.
    Off,
    /// Write the fixed files (standard input: print the fixed text).
    Write,
    /// Print a unified diff; write nothing.
    Diff,
}

impl Mode {
    pub fn of(args: &crate::cli::CheckArgs) -> Self {
        if args.diff {
            Mode::Diff
        } else if args.fix || args.unsafe_fixes {
            Mode::Write
        } else {
            Mode::Off
        }
    }
}

/// The fixes a run applies: the configuration's `fix`, `fixable` and `unfixable`, and
/// `--unsafe-fixes`.
pub fn policy(args: &crate::cli::CheckArgs, config: &crate::config::Config) -> crate::fix::FixPolicy {
    let codes = |names: &[String]| -> Vec<crate::checks::Code> {
        // Validated when the configuration was loaded.
        names.iter().filter_map(|n| crate::checks::by_code(n)).map(|c| c.code).collect()
    };
    crate::fix::FixPolicy {
        unsafe_fixes: args.unsafe_fixes || config.fix.value == crate::config::FixMode::Unsafe,
        fixable: config.fixable.value.as_deref().map(codes),
        unfixable: codes(&config.unfixable.value),
    }
}

/// A unified diff of `before` and `after`, the file named `path` in both headers (as git
/// names them, `a/` and `b/`), three lines of context.
pub fn unified(path: &str, before: &str, after: &str) -> String {
    let diff = similar::TextDiff::from_lines(before, after);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .missing_newline_hint(true)
        .to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Writes `fixed` over the file at `path`, which held `read` when it was read: to a temporary
/// file in the same directory, with the file's permissions, then renamed over it, so that a
/// reader sees the old text or the new, never half of one. A file that no longer holds `read`
/// (changed by someone else since) is left alone: an error says so. A symbolic link is
/// followed: the file it names is replaced, the link kept.
pub fn write_back(path: &Path, read: &str, fixed: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| format!("cannot resolve the path to write: {e}"))?;
    let now = std::fs::read(&target).map_err(|e| format!("cannot read it again before writing: {e}"))?;
    if now != read.as_bytes() {
        return Err("changed since it was read; not fixed (run again)".into());
    }
    let permissions =
        std::fs::metadata(&target).map_err(|e| format!("cannot read its permissions: {e}"))?.permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".quotelint-fix-")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot create a temporary file in {}: {e}", dir.display()))?;
    temp.write_all(fixed.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write the fixed text: {e}"))?;
    std::fs::set_permissions(temp.path(), permissions)
        .map_err(|e| format!("cannot give the fixed file its permissions: {e}"))?;
    temp.persist(&target).map_err(|e| format!("cannot replace it with the fixed text: {}", e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_name_the_file_and_show_the_change() {
        let d = unified("a.md", "one\ntwo\nthree\n", "one\n2\nthree\n");
        assert_eq!(d, "--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n");
        assert_eq!(unified("a.md", "same\n", "same\n"), "");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "edited meanwhile\n").unwrap();
        let e = write_back(&path, "as read\n", "fixed\n").unwrap_err();
        assert_eq!(e, "changed since it was read; not fixed (run again)");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited meanwhile\n");
        write_back(&path, "edited meanwhile\n", "fixed\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
