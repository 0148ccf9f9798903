//! Writing findings: for people (`human`) and for programs (`json`, `sarif`, `github`,
//! `checkstyle`). Files arrive in batches, in output order, and every format writes each batch
//! as it arrives: nothing is held from one batch to the next but the counts of the summary (and
//! of `--statistics`), so memory stays bounded however many files and findings there are.

pub mod checkstyle;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::borrow::Cow;
use std::collections::BTreeMap;
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

/// Writes findings as batches of files arrive, and the summary at the end.
pub struct Reporter {
    format: OutputFormat,
    /// Human output: snippets (a terminal) or one line a finding.
    graphical: bool,
    color: bool,
    /// The terminal's columns, which snippets and help fit in.
    width: usize,
    summary_line: bool,
    statistics: bool,
    pub totals: Totals,
    /// Whether a finding has been written yet (JSON and SARIF separate them with commas).
    written: bool,
    /// The reader went away (`quotelint check | head`): nothing more is written, but files are
    /// still counted, so that the exit code is the one the findings call for.
    closed: bool,
    counts: BTreeMap<&'static str, (usize, Severity)>,
}

impl Reporter {
    pub fn new(
        format: OutputFormat,
        graphical: bool,
        color: bool,
        width: usize,
        summary_line: bool,
        statistics: bool,
    ) -> Self {
        Reporter {
            format,
            graphical,
            color,
            width,
            summary_line,
            statistics,
            totals: Totals::default(),
            written: false,
            closed: false,
            counts: BTreeMap::new(),
        }
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
        let result = self.write_begin(out);
        self.written(result)
    }

    fn write_begin(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let out = &mut buffered(out);
        match self.format {
            OutputFormat::Checkstyle => checkstyle::header(out),
            OutputFormat::Json => json::header(out),
            OutputFormat::Sarif => sarif::header(out),
            _ => Ok(()),
        }?;
        out.flush()
    }

    pub fn batch(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        self.totals.add(reports);
        if self.closed {
            return Ok(());
        }
        let result = self.write_batch(reports, out);
        self.written(result)
    }

    fn write_batch(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        let out = &mut buffered(out);
        match self.format {
            OutputFormat::Human if self.statistics => {
                for d in reports.iter().flat_map(|r| r.findings.iter()) {
                    let e = self.counts.entry(d.code.as_str()).or_insert((0, d.severity));
                    e.0 += 1;
                    e.1 = e.1.max(d.severity);
                }
                Ok(())
            }
            OutputFormat::Human => human::write(reports, self.graphical, self.color, self.width, out),
            OutputFormat::Json => json::write_items(reports, &mut self.written, out),
            OutputFormat::JsonLines => json::write_lines(reports, out),
            OutputFormat::Sarif => sarif::write_results(reports, &mut self.written, out),
            OutputFormat::Github => github::write(reports, out),
            OutputFormat::Checkstyle => checkstyle::files(reports, out),
        }?;
        out.flush()
    }

    /// Closes the output with what needs every file: the summary.
    pub fn finish(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.write_finish(out);
        self.written(result)
    }

    fn write_finish(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let out = &mut buffered(out);
        match self.format {
            OutputFormat::Human if self.statistics => human::statistics(&self.counts, out),
            OutputFormat::Human if self.summary_line => writeln!(out, "{}", human::summary(self.totals)),
            OutputFormat::Human | OutputFormat::JsonLines | OutputFormat::Github => Ok(()),
            OutputFormat::Json => json::footer(self.totals, out),
            OutputFormat::Sarif => sarif::footer(out),
            OutputFormat::Checkstyle => checkstyle::footer(out),
        }?;
        out.flush()
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

    #[test]
    fn control_characters_never_reach_a_terminal() {
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(terminal_safe("a\x1b[2Jb\x07c\rd\x7fe\u{9b}f"), "a␛[2Jb␇c␍d␡e�f");
    }
}
