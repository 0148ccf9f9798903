//! Writing findings: for people (`human`) and for programs (`json`, `json_lines`, `sarif`,
//! `github`, `checkstyle`), one file a format, each an [`Emitter`] picked once from the
//! registry ([`OutputFormat::emitter`]). Files arrive in batches, in output order, and every
//! format writes each batch as it arrives: nothing is held from one batch to the next but the
//! counts of the summary (and of `--statistics`), so memory stays bounded however many files
//! and findings there are.

pub mod checkstyle;
pub mod github;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod sarif;

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::findings::Findings;

/// The output formats of `check --format`. The doc comments are the flag's help: clap's
/// `ValueEnum` derive names the values, which asks for the clap crate only, not for `cli`
/// (the module graph runs `cli` → `commands` → `report`, never back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Findings with snippets on a terminal, one line each otherwise
    Human,
    /// One JSON object (the documented contract)
    Json,
    /// One JSON object per finding per line
    JsonLines,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// Checkstyle XML, for reviewdog and Jenkins
    Checkstyle,
}

/// One checked file's findings, with its text for positions and snippets.
pub struct FileReport<'r> {
    /// As given or as walked, relative to the working directory.
    pub path: PathBuf,
    pub text: String,
    pub quotations: usize,
    pub findings: Findings<'r>,
}

impl FileReport<'_> {
    /// Each finding with its message, help and details, in report order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Cow<'_, Diagnostic>> {
        self.findings.rendered(&self.text)
    }
}

/// The files that have findings, each with the index that turns their byte offsets into lines
/// and columns: most files of a large run have none, and indexing them cost as much as
/// reporting the rest.
fn with_lines<'a, 'r>(
    reports: &'a [FileReport<'r>],
) -> impl Iterator<Item = (&'a FileReport<'r>, LineIndex)> {
    reports.iter().filter(|r| !r.findings.is_empty()).map(|r| (r, LineIndex::new(&r.text)))
}

/// The counts a summary line and the JSON summary give.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub files: usize,
    pub quotations: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that could not be checked (each also one error).
    pub unreadable: usize,
}

impl Totals {
    /// Adds a batch of checked files.
    pub fn add(&mut self, reports: &[FileReport]) {
        self.files += reports.len();
        for r in reports {
            self.quotations += r.quotations;
            for d in r.findings.iter() {
                self.unreadable += usize::from(d.code == crate::checks::Code::Unreadable);
                match d.severity {
                    Severity::Error => self.errors += 1,
                    Severity::Warning => self.warnings += 1,
                    Severity::Info => self.infos += 1,
                }
            }
        }
    }

    pub fn diagnostics(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// What every emitter may be asked to take into account, picked from the flags and the
/// terminal by the caller.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Human output: snippets (a terminal) or one line a finding.
    pub graphical: bool,
    pub color: bool,
    /// The terminal's columns, which snippets and help fit in.
    pub width: usize,
    /// Human output closes with a summary line (not with `--quiet`).
    pub summary_line: bool,
    /// `--statistics`: human output gives the number of findings per check instead.
    pub statistics: bool,
}

/// One output format. Files arrive in batches, in output order, and an emitter writes each
/// batch as it arrives, holding nothing from one batch to the next but counts: so memory is
/// bounded by a batch, however many files and findings a run has. The run's totals are kept by
/// the [`Reporter`] around it, and given to [`Emitter::finish`].
///
/// Adding a format is a file in `src/report/` with its emitter, a variant of [`OutputFormat`]
/// and its line in [`OutputFormat::emitter`], which the compiler asks for.
pub trait Emitter {
    /// The output's opening, before any file (a document's header).
    fn begin(&mut self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }

    /// The findings of some files, in output order.
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()>;

    /// The output's end, after the last file: what needs every file (a summary, a document's
    /// close).
    fn finish(&mut self, _totals: &Totals, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
}

impl OutputFormat {
    /// The registry of formats: each one's emitter, one line a format.
    pub fn emitter(self, options: &Options) -> Box<dyn Emitter> {
        match self {
            OutputFormat::Human => human::emitter(options),
            OutputFormat::Json => Box::new(json::Json::default()),
            OutputFormat::JsonLines => Box::new(json_lines::JsonLines),
            OutputFormat::Sarif => Box::new(sarif::Sarif::default()),
            OutputFormat::Github => Box::new(github::Github),
            OutputFormat::Checkstyle => Box::new(checkstyle::Checkstyle),
        }
    }
}

/// Drives an [`Emitter`] as batches of files arrive: counts every file for the summary and the
/// exit code (whatever the format), hands each call's output over whole, and ends the output
/// quietly when its reader goes away.
pub struct Reporter {
    emitter: Box<dyn Emitter>,
    pub totals: Totals,
    /// The reader went away (`quotelint check | head`): nothing more is written, but files are
    /// still counted, so that the exit code is the one the findings call for.
    closed: bool,
}

impl Reporter {
    pub fn new(emitter: Box<dyn Emitter>) -> Self {
        Reporter { emitter, totals: Totals::default(), closed: false }
    }

    /// A write's result, a closed pipe aside: that ends the output quietly, as for other Unix
    /// tools, and is no failure of the run.
    fn written(&mut self, result: std::io::Result<()>) -> std::io::Result<()> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            result => result,
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let out = &mut buffered(out);
        let result = self.emitter.begin(out).and_then(|()| out.flush());
        self.written(result)
    }

    pub fn batch(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        self.totals.add(reports);
        if self.closed {
            return Ok(());
        }
        let out = &mut buffered(out);
        let result = self.emitter.files(reports, out).and_then(|()| out.flush());
        self.written(result)
    }

    /// Closes the output with what needs every file: the summary.
    pub fn finish(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let out = &mut buffered(out);
        let result = self.emitter.finish(&self.totals, out).and_then(|()| out.flush());
        self.written(result)
    }
}

/// `out`, holding what one call writes and handing it over whole when flushed. serde_json and
/// the writers write token by token, and each token went through `dyn Write` into standard
/// output's line buffer: for JSON lines that cost more than the formatting itself.
fn buffered(out: &mut dyn Write) -> std::io::BufWriter<&mut dyn Write> {
    std::io::BufWriter::with_capacity(1 << 16, out)
}

/// A path as machine output gives it, so that any name round-trips: a name that is UTF-8 is
/// written as it is, but for a `%` followed by two hex digits, written `%25`; each byte that is
/// not UTF-8 is written `%XX`. Percent-decoding the text (each `%XX` to its byte, any other `%`
/// left alone) gives the name's bytes back.
pub fn path_text(path: &Path) -> Cow<'_, str> {
    let bytes = path.as_os_str().as_encoded_bytes();
    let hex = |b: u8| b.is_ascii_hexdigit();
    let needs = |i: usize| {
        bytes[i] == b'%'
            && bytes.get(i + 1).is_some_and(|&b| hex(b))
            && bytes.get(i + 2).is_some_and(|&b| hex(b))
    };
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !(0..bytes.len()).any(needs) {
            return Cow::Borrowed(s);
        }
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let base = valid.as_ptr() as usize - bytes.as_ptr() as usize;
        for (i, c) in valid.char_indices() {
            if c == '%' && needs(base + i) {
                out.push_str("%25");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Cow::Owned(out)
}

/// Text from an article or a file name made safe for a terminal or a CI log: control
/// characters (ESC, BEL, CR… but tab and newline) are shown as their Unicode control pictures
/// (`␛`, `␇`, `␍`), and DEL and the C1 controls (which some terminals obey as escapes) as
/// `␡` and `�`, so that no escape sequence in an article reaches the terminal raw.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' | '\n' => c,
                '\u{7f}' => '\u{2421}',
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                c if c.is_control() => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn paths_round_trip_by_percent_decoding() {
        let decode = |s: &str| {
            let b = s.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.filter(|_| b[i] == b'%').and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b[i]);
                        i += 1;
                    }
                }
            }
            out
        };
        let names: [&[u8]; 7] =
            [b"a.md", b"caf\xe9.md", "café.md".as_bytes(), b"100%.md", b"a%41.md", b"%\xe9%", b"x%2"];
        for name in names {
            let path = Path::new(OsStr::from_bytes(name));
            let text = path_text(path);
            assert_eq!(decode(&text), name, "{text}");
        }
        assert_eq!(path_text(Path::new("a.md")), "a.md");
        assert_eq!(path_text(Path::new("100%.md")), "100%.md");
        assert_eq!(path_text(Path::new(OsStr::from_bytes(b"caf\xe9.md"))), "caf%E9.md");
        assert_eq!(path_text(Path::new("a%41.md")), "a%2541.md");
    }

    /// A file with one finding, named `name`.
    fn one_finding(name: &str) -> FileReport<'static> {
        let d = Diagnostic {
            code: crate::checks::Code::Unsourced,
            severity: Severity::Warning,
            message: "a quotation without a source".into(),
            range: 3..8,
            help: None,
            details: None,
        };
        FileReport {
            path: name.into(),
            text: "He \"said\" so.\n".into(),
            quotations: 1,
            findings: Findings::from_made(vec![d]),
        }
    }

    /// Every format, as the registry gives it, writes a batch's findings when the batch
    /// arrives (none holds them to the end, so memory is bounded by a batch), and counts are
    /// kept for every format alike.
    #[test]
    fn every_emitter_streams_each_batch() {
        use clap::ValueEnum;
        for &format in OutputFormat::value_variants() {
            for statistics in [false, true] {
                let options =
                    Options { graphical: false, color: false, width: 80, summary_line: true, statistics };
                let mut reporter = Reporter::new(format.emitter(&options));
                let mut out = Vec::new();
                reporter.begin(&mut out).unwrap();
                for (batch, name) in ["first.md", "second.md"].into_iter().enumerate() {
                    reporter.batch(&[one_finding(name)], &mut out).unwrap();
                    let text = String::from_utf8_lossy(&out);
                    // --statistics is human output's table, written at the end.
                    let held = statistics && format == OutputFormat::Human;
                    assert_eq!(text.contains(name), !held, "{format:?}, batch {batch}: {text}");
                }
                reporter.finish(&mut out).unwrap();
                assert_eq!((reporter.totals.files, reporter.totals.warnings), (2, 2), "{format:?}");
            }
        }
    }

    #[test]
    fn control_characters_never_reach_a_terminal() {
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(terminal_safe("a\x1b[2Jb\x07c\rd\x7fe\u{9b}f"), "a␛[2Jb␇c␍d␡e�f");
    }
}
