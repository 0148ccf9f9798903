//! `quotelint check`: the articles against the record.

use std::io::Read;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use rayon::prelude::*;

use super::fix;
use crate::cli::{io_failure, CheckArgs, ColorChoice, Failure, Outcome};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::discover::{self, Found};
use crate::engine::{self, Engine, Settings};
use crate::findings::Findings;
use crate::record::Record;
use crate::report::{FileReport, OutputFormat, Reporter};

/// Progress of a long run, for a caller that shows it (the library draws nothing itself).
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    Start(usize),
    FileDone,
    Finish,
}

/// Where the output goes and what it is connected to.
pub struct Io<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn std::io::Write,
    /// Where a command's notes for the user go (`rules harvest`'s summary), not its output.
    pub stderr: &'a mut dyn std::io::Write,
    pub stdout_is_terminal: bool,
    /// The columns of the terminal (or what `COLUMNS` says; 80 when nothing does), which
    /// snippets and help lines fit in.
    pub width: usize,
    /// The colour asked for by the environment: `NO_COLOR` (set and not empty: none) and
    /// `CLICOLOR_FORCE` (set and not `0`: colour even when the output is no terminal), for
    /// `--color auto`; see [`color`].
    pub no_color: bool,
    pub force_color: bool,
    /// Called as files are checked, when the caller wants to show progress.
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// Called on this thread before a run checks a file of at least [`crate::LARGE_FILE`]
    /// bytes (standard input included), when the caller wants to know: the binary then has its
    /// allocator return freed memory at once, which a short run does not (`src/alloc.rs`).
    pub large_input: Option<&'a dyn Fn()>,
}

/// Runs over more files than this get a progress bar (on a terminal).
pub const PROGRESS_THRESHOLD: usize = 300;

/// A file that could not be checked.
pub(crate) struct FileError {
    path: PathBuf,
    pub(crate) message: String,
    /// The file's text before its first bad byte (empty when it could not be read), which
    /// places the `unreadable` finding at that byte.
    pub(crate) before: String,
}

impl FileError {
    fn new(path: &Path, message: String) -> Self {
        FileError { path: path.to_path_buf(), message, before: String::new() }
    }

    /// The `unreadable` finding that stands for the file in the output.
    /// Its text moves into the report, which is dropped once written.
    fn report(&mut self) -> FileReport<'static> {
        FileReport {
            path: self.path.clone(),
            findings: Findings::from_made(vec![crate::checks::unreadable(
                self.message.clone(),
                self.before.len(),
            )]),
            text: std::mem::take(&mut self.before),
            quotations: 0,
        }
    }
}

/// The text of a discovered regular file of at most `max` bytes, or why it cannot be read as
/// an article (the message `check` gives in its `unreadable` finding).
pub(crate) fn read_article(path: &Path, max: u64) -> Result<String, String> {
    read(path, max).map_err(|e| e.message)
}

/// The text of a discovered regular file of at most `max` bytes (see [`discover::read_found`]).
fn read(path: &Path, max: u64) -> Result<String, FileError> {
    let bytes = discover::read_found(path, max).map_err(|message| FileError::new(path, message))?;
    decode(path, bytes)
}

/// The text of a file, or why it is not a Markdown text: UTF-16 or UTF-32 (by its byte-order
/// mark, or ASCII text with every other byte NUL), binary (a NUL byte anywhere: git and ripgrep
/// look at the first 8 KB only, but a NUL in Markdown is never text, and memchr scans a 50 MB
/// file in milliseconds) or not UTF-8, with the line and column of the first bad byte.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, FileError> {
    if let Some(encoding) = wide_encoding(&bytes) {
        let message = format!("{encoding} is not supported; save the file as UTF-8");
        return Err(FileError::new(path, message));
    }
    if let Some(nul) = memchr::memchr(0, &bytes) {
        let message = format!(
            "binary file, not Markdown (NUL byte at {})",
            crate::diagnostic::line_and_column(&bytes, nul)
        );
        let before = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        return Err(FileError { before, ..FileError::new(path, message) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let message =
            format!("not UTF-8: {}; save the file as UTF-8", crate::diagnostic::first_invalid_byte(&e));
        let valid = e.utf8_error().valid_up_to();
        let mut bytes = e.into_bytes();
        bytes.truncate(valid);
        let before = String::from_utf8(bytes).unwrap_or_default();
        FileError { before, ..FileError::new(path, message) }
    })
}

/// "UTF-16" or "UTF-32" when the bytes are text in one of them: a byte-order mark, or (UTF-16
/// without one) a start where every other byte is NUL and the bytes between are not.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Some("UTF-32");
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16");
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd, pairs) = (zeros(0), zeros(1), head.len() / 2);
    ((even == 0 && odd * 4 >= pairs * 3) || (odd == 0 && even * 4 >= pairs * 3)).then_some("UTF-16")
}

fn globs(patterns: &[String]) -> GlobSet {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        // Validated when the configuration was loaded.
        if let Ok(g) = GlobBuilder::new(p).literal_separator(true).build() {
            b.add(g);
        }
    }
    b.build().unwrap_or_else(|_| GlobSet::empty())
}

/// `path` relative to the configuration's (canonical) directory, as include/exclude globs see it.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    abs.strip_prefix(base).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
}

/// Checks one text; a bug that panics costs that file (reported, exit code 2), not the run, and
/// so does front matter refused unread.
fn guarded<'r>(
    engine: &Engine<'r>,
    path: &Path,
    text: &str,
) -> Result<crate::engine::FileResult<'r>, FileError> {
    guard(path, text, || engine.check(text), |r| r)
}

/// Checks one text and applies its fixes, pass after pass, guarded as [`guarded`] is.
fn guarded_fix<'r>(
    engine: &Engine<'r>,
    policy: &crate::fix::FixPolicy,
    path: &Path,
    text: &str,
) -> Result<crate::engine::Fixed<'r>, FileError> {
    guard(path, text, || engine.fix(text, policy), |f| &f.result)
}

/// Runs `work` on `text`, turning a panic or refused front matter (found in what `result`
/// gives) into the file's error.
pub(crate) fn guard<'r, T>(
    path: &Path,
    text: &str,
    work: impl FnOnce() -> T,
    result: impl Fn(&T) -> &crate::engine::FileResult<'r>,
) -> Result<T, FileError> {
    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    if let Some(refusal) = done.as_ref().ok().and_then(|d| result(d).refused.as_ref()) {
        let at = crate::diagnostic::line_and_column(text.as_bytes(), refusal.span.start);
        let message = format!("front matter at {at}: {}; {}", refusal.message, refusal.help);
        let before = text.get(..refusal.span.start).unwrap_or_default().to_owned();
        return Err(FileError { before, ..FileError::new(path, message) });
    }
    done.map_err(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown cause");
        FileError::new(path, format!("internal error while checking this file ({what}); please report it"))
    })
}

/// One file checked, and fixed when asked.
struct Checked<'r> {
    /// The findings of the text as it now is (fixed, with `--fix`).
    report: FileReport<'r>,
    /// Fixes applied (or, with `--diff`, that would be).
    fixed: usize,
    /// With `--diff`, the diff of the file (empty when nothing would change).
    diff: String,
    /// The fixes changed the text.
    changed: bool,
    /// Fixes still left after the last pass.
    unconverged: bool,
}

/// Checks one file's text, fixing it as `mode` says: with [`fix::Mode::Write`] the fixed text
/// is written back (`write`: for a file, not standard input) and reported.
fn check_text<'r>(
    engine: &Engine<'r>,
    mode: fix::Mode,
    policy: &crate::fix::FixPolicy,
    path: &Path,
    text: String,
    write: bool,
) -> Result<Checked<'r>, FileError> {
    if mode == fix::Mode::Off {
        let result = guarded(engine, path, &text)?;
        let report = FileReport {
            path: path.to_path_buf(),
            text,
            quotations: result.quotations,
            findings: result.findings,
        };
        return Ok(Checked { report, fixed: 0, diff: String::new(), changed: false, unconverged: false });
    }
    let fixed = guarded_fix(engine, policy, path, &text)?;
    let changed = fixed.text.is_some();
    let mut diff = String::new();
    if let Some(new) = &fixed.text {
        if mode == fix::Mode::Diff {
            diff = fix::unified(&crate::report::path_text(path), &text, new);
        } else if write {
            fix::write_back(path, &text, new).map_err(|message| FileError::new(path, message))?;
        }
    }
    // With --diff nothing is written: the findings reported are those of the text on disk
    // once fixed, which is what the count of what remains says.
    let report = FileReport {
        path: path.to_path_buf(),
        text: fixed.text.unwrap_or(text),
        quotations: fixed.result.quotations,
        findings: fixed.result.findings,
    };
    Ok(Checked { report, fixed: fixed.applied, diff, changed, unconverged: fixed.unconverged })
}

/// The engine settings a configuration and the flags give.
fn settings(args: &CheckArgs, config: &Config) -> Result<Settings, Failure> {
    settings_of(config, &args.enable, &args.disable, args.report_unused_suppressions)
}

/// The engine settings of a configuration, with checks enabled and disabled on top (the
/// language server passes none).
pub(crate) fn settings_of(
    config: &Config,
    enable: &[String],
    disable: &[String],
    report_unused_suppressions: bool,
) -> Result<Settings, Failure> {
    let configured = config.checks.iter().map(|(k, v)| (k.clone(), v.value)).collect();
    let checks = engine::select(enable, disable, &configured).map_err(Failure::message)?;
    Ok(Settings { checks, extract: extract_options(config)?, report_unused_suppressions })
}

/// How articles are read, as the configuration says.
pub(crate) fn extract_options(config: &Config) -> Result<crate::extract::Options, Failure> {
    let citation_patterns = config
        .citation_patterns
        .value
        .iter()
        .map(|p| {
            crate::config::citation_regex(p)
                .map_err(|e| Failure::message(format!("citation pattern `{p}` {e}")))
        })
        .collect::<Result<_, _>>()?;
    Ok(crate::extract::Options {
        min_words: config.min_words.value,
        citation_patterns,
        article_date: config.article_date.value,
    })
}

/// The files to check: the paths (or the files changed since a revision), walked for the
/// configured extensions, filtered by the configuration's include/exclude.
fn select_files(args: &CheckArgs, config: &Config) -> Result<(Vec<Found>, Vec<FileError>), Failure> {
    let (files, walk_errors) =
        articles(&args.paths, config, args.changed_since.as_deref(), args.force_exclude)?;
    let errors = walk_errors.into_iter().map(|e| FileError::new(&e.path, e.message)).collect();
    Ok((files, errors))
}

/// The articles under `paths` (or, with `changed_since`, the files changed since that
/// revision), walked for the configured extensions and filtered by the configuration's
/// include/exclude (named files too with `force_exclude`), and the paths that could not be
/// walked.
pub(crate) fn articles(
    paths: &[PathBuf],
    config: &Config,
    changed_since: Option<&str>,
    force_exclude: bool,
) -> Result<(Vec<Found>, Vec<discover::WalkError>), Failure> {
    let paths = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let (found, walk_errors) = match changed_since {
        Some(rev) => {
            let changed = crate::changed::files(rev).map_err(Failure::message)?;
            let under = |p: &Path| paths.iter().any(|root| root == Path::new(".") || p.starts_with(root));
            let files = changed
                .into_iter()
                .filter(|p| discover::has_extension(p, &config.extensions.value) && under(p))
                .map(|path| {
                    let len = std::fs::metadata(&path).map_or(0, |m| m.len());
                    Found { path, explicit: false, len }
                })
                .collect();
            (files, Vec::new())
        }
        None => discover::files(&paths, &config.extensions.value),
    };
    let include = globs(&config.include.value);
    let exclude = globs(&config.exclude.value);
    let base = config.base();
    let base = std::fs::canonicalize(&base).unwrap_or(base);
    let no_globs = config.include.value.is_empty() && config.exclude.value.is_empty();
    let files = found
        .into_iter()
        .filter(|f| {
            // Without globs there is nothing to test, and no path to canonicalize per file.
            if no_globs || (f.explicit && !force_exclude) {
                return true;
            }
            let rel = relative_to(&f.path, &base);
            !exclude.is_match(&rel)
                && (f.explicit || config.include.value.is_empty() || include.is_match(&rel))
        })
        .collect();
    Ok((files, walk_errors))
}

/// Whether human output is coloured: as `--color` says, and for `auto` (the default) on a
/// terminal unless `NO_COLOR` is set, or anywhere when `CLICOLOR_FORCE` is (`NO_COLOR` wins).
pub fn color(choice: ColorChoice, io: &Io) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !io.no_color && (io.stdout_is_terminal || io.force_color),
    }
}

/// What fixing a run did: files and fixes, for the closing line.
#[derive(Debug, Default)]
struct FixTotals {
    fixes: usize,
    files: usize,
    unconverged: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs, config: &Config, record: &Record, io: Io) -> Result<Outcome, Failure> {
    let engine = Engine::new(record, settings(args, config)?);
    let mode = fix::Mode::of(args);
    let policy = fix::policy(args, config);
    let color = color(args.color, &io);
    // Snippets on a terminal, and wherever colour is asked for: one line a finding otherwise.
    let graphical = io.stdout_is_terminal || color;
    let options = crate::report::Options {
        graphical,
        color,
        width: io.width,
        summary_line: !args.quiet,
        statistics: args.statistics,
    };
    let mut reporter = Reporter::new(args.format.emitter(&options));
    let out = io.stdout;
    let stdin_only = args.paths.len() == 1 && args.paths[0].as_os_str() == "-";
    // The findings are reported, but not where the fixed text (standard input with --fix) or
    // the diff takes standard output.
    let reporting = match mode {
        fix::Mode::Off => true,
        fix::Mode::Write => !stdin_only,
        fix::Mode::Diff => false,
    };
    if reporting {
        reporter.begin(out).map_err(io_failure)?;
    }

    let mut errors: Vec<FileError> = Vec::new();
    let mut serious = false;
    let mut fixing = FixTotals::default();
    let mut report_batch = |checked: Vec<Checked>,
                            reporter: &mut Reporter,
                            out: &mut dyn std::io::Write|
     -> Result<(), Failure> {
        let reports: Vec<FileReport> = checked
            .into_iter()
            .map(|c| {
                fixing.fixes += c.fixed;
                fixing.files += usize::from(c.changed);
                if c.unconverged {
                    fixing.unconverged.push(c.report.path.clone());
                }
                match mode {
                    fix::Mode::Diff => out.write_all(c.diff.as_bytes()),
                    fix::Mode::Write if stdin_only => out.write_all(c.report.text.as_bytes()),
                    _ => Ok(()),
                }
                .map(|()| c.report)
            })
            .collect::<Result<_, _>>()
            .map_err(io_failure)?;
        serious |= reports.iter().flat_map(|r| r.findings.iter()).any(|d| d.severity >= Severity::Warning);
        if reporting {
            reporter.batch(&reports, out).map_err(io_failure)
        } else {
            reporter.totals.add(&reports);
            Ok(())
        }
    };
    let unchecked = |mut e: FileError| Checked {
        report: e.report(),
        fixed: 0,
        diff: String::new(),
        changed: false,
        unconverged: false,
    };
    let max = config.max_file_size.value.0;
    if stdin_only {
        let mut bytes = Vec::new();
        let path = args.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("-"));
        // Standard input may never end (`< /dev/zero`): read no more than a file may hold.
        io.stdin
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::message(format!("cannot read standard input: {e}")))?;
        if let Some(large) = io.large_input.filter(|_| bytes.len() as u64 >= crate::LARGE_FILE) {
            large();
        }
        let checked = if bytes.len() as u64 > max {
            Err(FileError::new(&path, discover::too_large(None, max)))
        } else {
            decode(&path, bytes)
        };
        match checked.and_then(|text| check_text(&engine, mode, &policy, &path, text, false)) {
            Ok(checked) => report_batch(vec![checked], &mut reporter, out)?,
            Err(e) => {
                let message = e.message.clone();
                let path = e.path.clone();
                // Nothing is written for input that could not be read: the text is not known.
                if mode == fix::Mode::Off || reporting {
                    report_batch(vec![unchecked(e)], &mut reporter, out)?;
                    errors.push(FileError::new(&path, message));
                } else {
                    errors.push(e);
                }
            }
        }
    } else {
        if args.paths.iter().any(|p| p.as_os_str() == "-") {
            return Err(Failure::message("`-` (standard input) cannot be mixed with other paths".into()));
        }
        let (files, mut walk_errors) = select_files(args, config)?;
        // Paths that could not be walked come first (the walk met them before any file was read).
        if !walk_errors.is_empty() {
            let reports = walk_errors
                .iter_mut()
                .map(|e| {
                    unchecked(FileError {
                        path: e.path.clone(),
                        message: e.message.clone(),
                        before: std::mem::take(&mut e.before),
                    })
                })
                .collect();
            report_batch(reports, &mut reporter, out)?;
        }
        errors.extend(walk_errors);
        if let Some(large) = io.large_input.filter(|_| files.iter().any(|f| f.len >= crate::LARGE_FILE)) {
            large();
        }
        let machine = args.format != OutputFormat::Human || args.quiet;
        let progress = io.progress.filter(|_| files.len() > PROGRESS_THRESHOLD && !machine);
        if let Some(p) = progress {
            p(Progress::Start(files.len()));
        }
        let check_one = |f: &discover::Found| {
            let text = read(&f.path, max)?;
            let checked = check_text(&engine, mode, &policy, &f.path, text, true)?;
            if let Some(p) = progress {
                p(Progress::FileDone);
            }
            Ok(checked)
        };
        // One file (an editor's save) is not worth starting a thread pool for.
        let single = files.len() == 1;
        let check_batch = |batch: &[discover::Found]| -> Vec<Result<Checked, FileError>> {
            if single {
                batch.iter().map(check_one).collect()
            } else {
                batch.par_iter().map(check_one).collect()
            }
        };
        let mut report_results = |results: Vec<Result<Checked, FileError>>| {
            let mut checked = Vec::with_capacity(results.len());
            for r in results {
                match r {
                    Ok(c) => checked.push(c),
                    Err(e) => {
                        let (path, message) = (e.path.clone(), e.message.clone());
                        checked.push(unchecked(e));
                        errors.push(FileError::new(&path, message));
                    }
                }
            }
            report_batch(checked, &mut reporter, &mut *out)
        };
        // Files are read and checked a batch at a time (see [`discover::batches`]), then
        // reported and dropped, so memory holds a few batches of text however large the
        // repository.
        let batches: Vec<&[Found]> = discover::batches(&files).collect();
        if batches.len() <= 1 {
            // One batch (an editor's save): no thread to start.
            report_results(check_batch(&files))?;
        } else {
            // Batches are checked on a thread of their own while this one reports the batch
            // before, so that no core waits for the reporting; at most one checked batch waits.
            std::thread::scope(|scope| -> Result<(), Failure> {
                let (send, checked) = std::sync::mpsc::sync_channel(1);
                scope.spawn(move || {
                    for batch in batches {
                        if send.send(check_batch(batch)).is_err() {
                            break; // reporting failed: nothing more is wanted
                        }
                    }
                });
                checked.into_iter().try_for_each(&mut report_results)
            })?;
        }
        if let Some(p) = progress {
            p(Progress::Finish);
        }
    }
    if reporting {
        reporter.finish(out).map_err(io_failure)?;
    }
    if mode != fix::Mode::Off && !args.quiet {
        // The closing line: on standard output after human findings, on standard error where
        // standard output is a machine format, a diff or the fixed text.
        let line = fix_summary(mode, &fixing, reporter.totals.diagnostics());
        let human = reporting && args.format == OutputFormat::Human;
        let target: &mut dyn std::io::Write = if human { out } else { io.stderr };
        writeln!(target, "{line}").map_err(io_failure)?;
        for path in &fixing.unconverged {
            let path = crate::report::path_text(path);
            writeln!(
                target,
                "{}: fixes still changed the text after {} passes; what is left is reported",
                crate::report::terminal_safe(&path),
                crate::fix::MAX_PASSES
            )
            .map_err(io_failure)?;
        }
    }

    if !errors.is_empty() {
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        return Err(Failure {
            diagnostics: errors
                .into_iter()
                .map(|e| {
                    // A file name is the user's, but it may hold escape sequences too.
                    let path = e.path.to_string_lossy();
                    miette::miette!("{}: {}", crate::report::terminal_safe(&path), e.message)
                })
                .collect(),
            summary: None,
        });
    }
    let outcome = match mode {
        // --diff answers "would anything change?"
        fix::Mode::Diff => fixing.files > 0,
        _ => serious,
    };
    Ok(if outcome && !args.exit_zero { Outcome::Findings } else { Outcome::Clean })
}

/// "Fixed 3 findings in 2 files; 1 remains.", or with --diff "3 fixes would be applied in 2
/// files; 1 finding would remain."
fn fix_summary(mode: fix::Mode, fixing: &FixTotals, remaining: usize) -> String {
    let files = crate::count(fixing.files, "file", "files");
    if mode == fix::Mode::Diff {
        format!(
            "{} would be applied in {files}; {} would remain.",
            crate::count(fixing.fixes, "fix", "fixes"),
            crate::count(remaining, "finding", "findings")
        )
    } else {
        format!(
            "Fixed {} in {files}; {} remain{}.",
            crate::count(fixing.fixes, "finding", "findings"),
            remaining,
            if remaining == 1 { "s" } else { "" }
        )
    }
}
