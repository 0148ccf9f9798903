//! Which files to check: the paths given, with directories walked for Markdown files, skipping
//! hidden directories, `target/`, `node_modules/` and whatever the repository's ignore files
//! (`.gitignore`, `.ignore`) exclude. Output order is sorted, so runs are reproducible. A linked
//! Markdown file is checked; a linked directory is not walked, so a link can neither lead the
//! walk out of the repository nor over the same files twice.

use std::path::{Component, Path, PathBuf};

use ignore::WalkBuilder;

/// File endings checked when walking a directory. A file named explicitly is always checked.
pub const EXTENSIONS: &[&str] = &["md", "markdown"];

/// A path that could not be walked.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// A file to check, and whether it was named explicitly (then it is checked whatever its
/// name, and configuration excludes apply only with `--force-exclude`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub explicit: bool,
    /// Its size when it was found (0 when not known), which bounds a batch's memory.
    pub len: u64,
}

/// The files to check under `paths` (directories walked for `extensions`), and the paths that
/// could not be read.
pub fn files(paths: &[PathBuf], extensions: &[String]) -> (Vec<Found>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, extensions, &mut files, &mut errors),
            Ok(meta) => match not_regular(&meta) {
                Ok(()) => files.push(Found { path: path.clone(), explicit: true, len: meta.len() }),
                Err(message) => errors.push(WalkError { path: path.clone(), message }),
            },
            Err(e) => errors.push(WalkError { path: path.clone(), message: link_message(path, &e) }),
        }
    }
    // In `Path` order, by a key built once per file: comparing paths component by component
    // took 240 M instructions for 20,000 files, all before the first file could be checked.
    files.sort_by_cached_key(|f| (order_key(&f.path), f.explicit));
    files.dedup_by(|a, b| a.path == b.path);
    (files, errors)
}

/// Bytes whose order is `Path`'s own (component by component, kinds in the order of
/// [`Component`]'s variants): each component's kind, its bytes, and a zero byte, which no path
/// holds and which puts a component before any longer one it begins.
fn order_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        let (kind, bytes): (u8, &[u8]) = match component {
            // Windows drive and UNC prefixes: ordered by how they are written.
            Component::Prefix(p) => (1, p.as_os_str().as_encoded_bytes()),
            Component::RootDir => (2, b""),
            Component::CurDir => (3, b""),
            Component::ParentDir => (4, b""),
            Component::Normal(name) => (5, name.as_encoded_bytes()),
        };
        key.push(kind);
        key.extend_from_slice(bytes);
        key.push(0);
    }
    key
}

/// At most this many files are read and checked together (in parallel), then reported and
/// dropped; every batch costs the threads a start and a wait for its last file.
pub const BATCH_FILES: usize = 256;
/// Nor more than this many bytes of them (a larger file is a batch alone), so that memory holds
/// a few batches of text however large the repository and its files.
pub const BATCH_BYTES: u64 = 8 << 20;

/// `files` in order, in batches of at most [`BATCH_FILES`] files and [`BATCH_BYTES`] bytes.
pub fn batches(files: &[Found]) -> impl Iterator<Item = &[Found]> {
    let mut rest = files;
    std::iter::from_fn(move || {
        let (mut n, mut bytes) = (0, 0u64);
        while n < rest.len().min(BATCH_FILES) && (n == 0 || bytes + rest[n].len <= BATCH_BYTES) {
            bytes += rest[n].len;
            n += 1;
        }
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        (!batch.is_empty()).then_some(batch)
    })
}

/// True when `path` has one of `extensions`.
pub fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| extensions.iter().any(|e| e == x))
}

fn walk(root: &Path, extensions: &[String], files: &mut Vec<Found>, errors: &mut Vec<WalkError>) {
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        // Links are not followed into directories (a link could lead the walk out of the
        // repository, or over the same files twice); linked files are handled below.
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(e.file_type().is_some_and(|t| t.is_dir()) && (name == "target" || name == "node_modules"))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_dir = e.file_type().is_none_or(|t| t.is_dir());
                if is_dir || !has_extension(e.path(), extensions) {
                    continue;
                }
                // A linked Markdown file is checked like any other; a broken link or a loop
                // named like one is an error, not silence, and so is a FIFO or device.
                match std::fs::metadata(e.path()) {
                    Ok(target) if target.is_dir() => {}
                    Ok(meta) => match not_regular(&meta) {
                        Ok(()) => files.push(Found {
                            path: strip_dot(e.into_path()),
                            explicit: false,
                            len: meta.len(),
                        }),
                        Err(message) => errors.push(WalkError { path: strip_dot(e.into_path()), message }),
                    },
                    Err(err) => errors.push(WalkError {
                        message: link_message(e.path(), &err),
                        path: strip_dot(e.into_path()),
                    }),
                }
            }
            Err(e) => errors.push(WalkError { path: root.to_path_buf(), message: e.to_string() }),
        }
    }
}

/// [`io_message`], saying so when the path is a symbolic link whose target cannot be read (the
/// link is followed again here: walkers wrap the system's error and lose its number).
fn link_message(path: &Path, e: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match std::fs::metadata(path) {
        Err(follow) if is_link && follow.kind() == std::io::ErrorKind::NotFound => {
            "broken symbolic link: its target does not exist".to_owned()
        }
        Err(follow) if is_link && follow.raw_os_error() == Some(ELOOP) => {
            "symbolic link loop: it links back to itself".to_owned()
        }
        _ => io_message(e),
    }
}

/// The bytes of a regular file (a link followed), at most `max` of them. Anything else (a FIFO,
/// which would block the run forever, a device such as `/dev/zero`, which never ends, a
/// socket) is refused by its type before it is opened, and again by the type of what was
/// opened (opened without blocking), so a file swapped in between cannot hang the run either.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| link_message(path, &e))?;
    if meta.is_dir() {
        return Err("is a directory".to_owned());
    }
    not_regular(&meta)?;
    read_found(path, max)
}

/// [`read_regular`] for a file that discovery ([`files`]) has already seen to be a regular
/// file: it is not looked up again before it is opened (a path lookup per file was 2% of a run
/// over 20,000 articles); what was opened is still refused by its type.
pub fn read_found(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| link_message(path, &e))?;
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if meta.is_dir() {
        return Err("is a directory".to_owned());
    }
    not_regular(&meta)?;
    if meta.len() > max {
        return Err(too_large(Some(meta.len()), max));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while it is read: never past the limit.
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(None, max));
    }
    Ok(bytes)
}

/// The message for a file over the size limit, of `len` bytes if known.
pub fn too_large(len: Option<u64>, max: u64) -> String {
    let len = len.map_or(String::new(), |n| format!(" ({n} bytes)"));
    format!(
        "larger than the {} limit{len}; raise it with --max-file-size or `max-file-size:` in the config",
        crate::config::FileSize(max)
    )
}

/// Refuses what is not a regular file, saying what it is.
fn not_regular(meta: &std::fs::Metadata) -> Result<(), String> {
    if meta.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_char_device() {
            "a character device"
        } else if t.is_block_device() {
            "a block device"
        } else if t.is_socket() {
            "a socket"
        } else {
            "not a file"
        }
    };
    #[cfg(not(unix))]
    let what = "not a file";
    Err(format!("not a regular file but {what}; quotelint reads only regular files"))
}

/// The error number of a symbolic link loop on Linux and the BSDs and macOS respectively.
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The key orders paths as `Path` does, with the separators, dots, punctuation and
        /// control characters that make component order differ from byte order.
        #[test]
        fn order_keys_sort_as_paths_do(
            shared in "(/|\\./|\\.\\./)?([ab.\\-_ \\x01\\x04]{0,3}/{1,2}){0,3}",
            a in "[ab.\\-_ \\x01/]{0,6}",
            b in "[ab.\\-_ \\x01/]{0,6}",
        ) {
            // Two paths from one start, so that they often differ only late.
            let (a, b) = (format!("{shared}{a}"), format!("{shared}{b}"));
            let (a, b) = (Path::new(&a), Path::new(&b));
            proptest::prop_assert_eq!(order_key(a).cmp(&order_key(b)), a.cmp(b), "{:?} {:?}", a, b);
        }
    }

    #[test]
    fn batches_are_bounded_by_files_and_bytes() {
        let found = |len| Found { path: PathBuf::from("a.md"), explicit: false, len };
        let sizes = |files: &[Found]| batches(files).map(<[Found]>::len).collect::<Vec<_>>();
        assert_eq!(sizes(&[]), Vec::<usize>::new());
        let small: Vec<Found> = (0..600).map(|_| found(1000)).collect();
        assert_eq!(sizes(&small), [256, 256, 88]);
        // 3 MB files: two fit in 8 MB, a third does not; a file larger than a batch is alone.
        let large: Vec<Found> = [3, 3, 3, 20, 1].iter().map(|mb| found(mb << 20)).collect();
        assert_eq!(sizes(&large), [2, 1, 1, 1]);
    }

    #[test]
    fn component_order_is_not_byte_order() {
        // `a/b` comes before `a-b` (the component `a` is shorter), though `/` is after `-`.
        let mut paths = vec![PathBuf::from("a-b"), PathBuf::from("a/b"), PathBuf::from("a.md")];
        paths.sort_by_cached_key(|p| order_key(p));
        assert_eq!(paths, [PathBuf::from("a/b"), PathBuf::from("a-b"), PathBuf::from("a.md")]);
        // A name ends before any longer one, whatever byte follows.
        assert!(order_key(Path::new("a/b")) < order_key(Path::new("a\u{1}")));
    }
}
