//! The default output: each finding with its snippet, the quotation underlined, labels on the
//! speaker or date at fault and help giving the record; plain one-line findings when the
//! output is not a terminal.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{terminal_safe, Emitter, FileReport, Options, Totals};
use crate::checks::Code;
use crate::diagnostic::{ceil_char_boundary, floor_char_boundary, Diagnostic, LineIndex, Severity};

/// What a snippet shows of a file: the lines a finding and its labels touch, each cut to a
/// window around the ranges on it when it is long, made safe for a terminal. Its own text, so
/// that a finding on a 60 KB line prints a few hundred bytes, not the line; positions in it
/// come from the file's [`LineIndex`] (the one place lines and columns are derived).
struct Excerpt {
    name: String,
    text: String,
    /// The 0-based line of the file the excerpt's first line is.
    first_line: usize,
    /// The primary range in the excerpt, and its start's 0-based line and column in the file.
    primary: SourceSpan,
    primary_at: (usize, usize),
    /// The labels kept (those in the excerpt), with their ranges in the excerpt.
    labels: Vec<(SourceSpan, String)>,
}

/// Lines a snippet shows at most after its first.
const MAX_LINES: usize = 8;

impl Excerpt {
    /// `width`: the columns of the terminal; each line of the excerpt fits in them with the
    /// gutter miette draws before it.
    fn new(name: &str, text: &str, lines: &LineIndex, d: &Diagnostic, width: usize) -> Self {
        let start = lines.position(text, d.range.start);
        let first = start.line;
        let last_line = first + MAX_LINES;
        let line_of = |offset: usize| lines.position(text, offset).line;
        // The ranges shown: the primary one cut to the lines shown, and labels within them.
        let clamp_end = |end: usize| lines.line_end(text, line_of(end).min(last_line)).min(end);
        let primary = d.range.start..clamp_end(d.range.end).max(d.range.start);
        let labels: Vec<(std::ops::Range<usize>, &str)> = d
            .labels()
            .iter()
            .filter(|l| (first.saturating_sub(MAX_LINES)..=last_line).contains(&line_of(l.range.start)))
            .map(|l| (l.range.start..clamp_end(l.range.end).max(l.range.start), l.text.as_str()))
            .collect();
        let min_line = labels.iter().map(|(r, _)| line_of(r.start)).fold(first, usize::min);
        let max_line = std::iter::once(&primary)
            .chain(labels.iter().map(|(r, _)| r))
            .map(|r| line_of(r.end))
            .fold(first, usize::max);
        // miette's gutter: ` NNN │ `, the line numbers as wide as the largest shown.
        let gutter = max_line.to_string().len() + 4;
        let budget = width.saturating_sub(gutter).max(MIN_BUDGET);
        let ranges: Vec<&std::ops::Range<usize>> =
            std::iter::once(&primary).chain(labels.iter().map(|(r, _)| r)).collect();
        // Pieces of the file copied into the excerpt: (file offset, excerpt offset, length).
        let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
        let mut out = String::new();
        for line in min_line..=max_line {
            let le = lines.line_end(text, line);
            let ls = lines.line_start(line).min(le);
            if line > min_line {
                out.push('\n');
            }
            let on_line: Vec<(usize, usize)> = ranges
                .iter()
                .filter(|r| r.start <= le && r.end >= ls)
                .map(|r| (r.start.max(ls), r.end.min(le)))
                .collect();
            let mut windows = line_windows(text, ls, le, &on_line, budget);
            windows.sort_unstable();
            let mut merged: Vec<(usize, usize)> = Vec::new();
            for (a, b) in windows {
                let (a, b) = (floor_char_boundary(text, a), ceil_char_boundary(text, b));
                match merged.last_mut() {
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            let mut at = ls;
            for (a, b) in merged {
                if a > at {
                    out.push('…');
                }
                pieces.push((a, out.len(), b - a));
                push_safe(&mut out, &text[a..b]);
                at = b;
            }
            if at < le {
                out.push('…');
            }
        }
        // A file offset in the excerpt: in a piece (each character of which became one or
        // more characters of the excerpt), or at the ellipsis of the gap it fell in.
        let map = |offset: usize| -> usize {
            let i = pieces.partition_point(|p| p.0 <= offset);
            match i.checked_sub(1).map(|i| pieces[i]) {
                Some((from, to, len)) if offset <= from + len => {
                    let mut shown = String::new();
                    push_safe(&mut shown, &text[from..floor_char_boundary(text, offset)]);
                    to + shown.len()
                }
                Some((_, to, len)) => to + len,
                None => 0,
            }
        };
        let span = |r: &std::ops::Range<usize>| {
            let (a, b) = (map(r.start), map(r.end));
            SourceSpan::from(a..b.max(a))
        };
        Excerpt {
            name: terminal_safe(name).into_owned(),
            primary: span(&primary),
            primary_at: (start.line - 1, start.column - 1),
            labels: labels.iter().map(|(r, t)| (span(r), terminal_safe(t).into_owned())).collect(),
            text: out,
            first_line: min_line - 1,
        }
    }
}

/// Appends `s` made safe for a terminal.
fn push_safe(out: &mut String, s: &str) {
    out.push_str(&terminal_safe(s));
}

impl SourceCode for Excerpt {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let c = self.text.read_span(span, before, after)?;
        // The header gives the primary range's start, at its line and column in the file.
        let (line, column) = if *span == self.primary && before == 0 && after == 0 {
            self.primary_at
        } else {
            (self.first_line + c.line(), c.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            c.data(),
            *c.span(),
            line,
            column,
            c.line_count(),
        )))
    }
}

/// Columns a line of a snippet gets however narrow the terminal says it is.
const MIN_BUDGET: usize = 20;
/// The columns miette gives a tab (its default).
const TAB_WIDTH: usize = 4;

/// The columns `c` takes on a terminal once made safe ([`terminal_safe`]: a control
/// character becomes a one-column picture).
fn columns(c: char) -> usize {
    use unicode_width::UnicodeWidthChar;
    match c {
        '\t' => TAB_WIDTH,
        c if c.is_control() => 1,
        c => c.width().unwrap_or(0),
    }
}

/// The end of the longest text from `from` (not past `limit`) that takes at most `cols`
/// columns, with the zero-width characters (combining marks) that follow it, and the columns
/// it takes.
fn forward(text: &str, from: usize, limit: usize, cols: usize) -> (usize, usize) {
    let mut used = 0;
    for (i, c) in text[from..limit].char_indices() {
        let w = columns(c);
        if used + w > cols {
            return (from + i, used);
        }
        used += w;
    }
    (limit, used)
}

/// The start of the longest text ending at `to` (not before `limit`) that takes at most
/// `cols` columns and does not begin with a zero-width character cut from its base.
fn backward(text: &str, to: usize, limit: usize, cols: usize) -> usize {
    let mut used = 0;
    let mut start = to;
    for (i, c) in text[limit..to].char_indices().rev() {
        let w = columns(c);
        if used + w > cols {
            break;
        }
        used += w;
        start = limit + i;
    }
    // A combining mark whose base was left out is left out too.
    let skip: usize = text[start..to].chars().take_while(|&c| columns(c) == 0).map(char::len_utf8).sum();
    start + skip
}

/// The parts of the line `ls..le` a snippet shows, so that with an ellipsis at each cut it takes
/// at most `budget` columns: the whole line when it fits, otherwise a window around each of
/// `ranges` (those on the line, the primary first), every range shown from its start, as much
/// of each as fits, and the columns left over as context either side. Byte ranges in order,
/// on character boundaries; the work is bounded by the budget, not by the line's length.
fn line_windows(
    text: &str,
    ls: usize,
    le: usize,
    ranges: &[(usize, usize)],
    budget: usize,
) -> Vec<(usize, usize)> {
    if forward(text, ls, le, budget).0 == le {
        return vec![(ls, le)];
    }
    // The ranges, merged where they overlap, as segments in order.
    let mut sorted: Vec<(usize, usize)> = ranges.to_vec();
    sorted.sort_unstable();
    let mut segments: Vec<(usize, usize)> = Vec::new();
    for (a, b) in sorted {
        match segments.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => segments.push((a, b)),
        }
    }
    if segments.is_empty() {
        segments.push((ls, ls));
    }
    // Keep the primary range's segment, and as many others as leave each a few columns.
    let n_max = (budget / 12).max(1);
    if segments.len() > n_max {
        let primary = ranges.first().map_or(ls, |r| r.0);
        let at = segments.iter().position(|s| s.0 <= primary && primary <= s.1).unwrap_or(0);
        let from = at.saturating_sub(n_max / 2).min(segments.len() - n_max);
        segments = segments[from..from + n_max].to_vec();
    }
    let n = segments.len();
    // One ellipsis before each window and one after the last, at most.
    let avail = budget.saturating_sub(n + 1);
    let widths: Vec<usize> = segments.iter().map(|&(a, b)| forward(text, a, b, avail).1).collect();
    // The most columns each segment may take, so that all fit: the narrow ones take what they
    // need, the others share the rest equally.
    let mut order: Vec<usize> = widths.clone();
    order.sort_unstable();
    let (mut remaining, mut k) = (avail, n);
    for w in order {
        if w * k <= remaining {
            remaining -= w;
            k -= 1;
        } else {
            break;
        }
    }
    let cap = remaining.checked_div(k).unwrap_or(avail);
    let shown: Vec<(usize, usize, usize)> = segments
        .iter()
        .map(|&(a, b)| {
            let (end, used) = forward(text, a, b, cap);
            (a, end, used)
        })
        .collect();
    let used: usize = shown.iter().map(|s| s.2).sum();
    let context = avail.saturating_sub(used) / (2 * n);
    let mut windows = Vec::with_capacity(n);
    let mut prev_end = ls;
    for (i, &(a, end, _)) in shown.iter().enumerate() {
        let next_start = shown.get(i + 1).map_or(le, |s| s.0);
        let start = backward(text, a, prev_end.max(ls), context);
        let left = text[start..a].chars().map(columns).sum::<usize>();
        let (end, _) = forward(text, end, next_start.max(end), 2 * context - left);
        windows.push((start, end));
        prev_end = end;
    }
    windows
}

/// A finding as miette renders it.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: Excerpt,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&terminal_safe(&self.diagnostic.message))
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&terminal_safe(&self.diagnostic.message))
    }
}

impl std::error::Error for Rendered<'_> {}

impl MietteDiagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("quotelint({})", self.diagnostic.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic.help.as_ref().map(|h| Box::new(terminal_safe(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(None, self.source.primary);
        let others = self
            .source
            .labels
            .iter()
            .map(|(span, text)| LabeledSpan::new_with_span(Some(text.clone()), *span));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

/// miette's renderer for a terminal `width` columns wide: the message and help wrap to it
/// at spaces only, never at a hyphen or a slash, so that a URL is never split (a word longer
/// than the line overflows it).
pub fn handler(color: bool, width: usize) -> GraphicalReportHandler {
    GraphicalReportHandler::new_themed(if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    })
    .with_width(width)
    .with_break_words(false)
    .with_word_separator(textwrap::WordSeparator::AsciiSpace)
    .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// The human emitter the options call for: findings (with a summary line unless quiet), or
/// with `--statistics` the number of findings per check.
pub fn emitter(options: &Options) -> Box<dyn Emitter> {
    if options.statistics {
        Box::new(Statistics::default())
    } else {
        Box::new(Human {
            graphical: options.graphical,
            color: options.color,
            width: options.width,
            summary_line: options.summary_line,
        })
    }
}

/// Findings for people, then a summary line.
pub struct Human {
    /// Snippets (a terminal) or one line a finding.
    graphical: bool,
    color: bool,
    /// The terminal's columns, which snippets and help fit in.
    width: usize,
    summary_line: bool,
}

impl Emitter for Human {
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        write(reports, self.graphical, self.color, self.width, out)
    }

    fn finish(&mut self, totals: &Totals, out: &mut dyn Write) -> std::io::Result<()> {
        if self.summary_line {
            writeln!(out, "{}", summary(*totals))?;
        }
        Ok(())
    }
}

/// `--statistics`: the findings counted per check as files arrive, the table written at the
/// end.
#[derive(Default)]
pub struct Statistics {
    counts: BTreeMap<&'static str, (usize, Severity)>,
}

impl Emitter for Statistics {
    fn files(&mut self, reports: &[FileReport], _out: &mut dyn Write) -> std::io::Result<()> {
        for d in reports.iter().flat_map(|r| r.findings.iter()) {
            let e = self.counts.entry(d.code.as_str()).or_insert((0, d.severity));
            e.0 += 1;
            e.1 = e.1.max(d.severity);
        }
        Ok(())
    }

    /// The number of findings per check, most frequent first.
    fn finish(&mut self, _totals: &Totals, out: &mut dyn Write) -> std::io::Result<()> {
        let mut rows: Vec<(&str, usize, Severity)> =
            self.counts.iter().map(|(c, (n, s))| (*c, *n, *s)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (code, n, severity) in rows {
            writeln!(out, "{n:>6}  {code:<20} {}", severity.as_str())?;
        }
        Ok(())
    }
}

/// Writes every finding of some files. A file that could not be read is not written here: its
/// error goes to standard error, and the summary counts it.
fn write(
    reports: &[FileReport],
    graphical: bool,
    color: bool,
    width: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let handler = handler(color, width);
    for (r, lines) in super::with_lines(reports) {
        let path = r.path.to_string_lossy();
        let safe_path = terminal_safe(&path);
        for d in r.diagnostics().filter(|d| d.code != Code::Unreadable) {
            if graphical {
                let rendered =
                    Rendered { diagnostic: &d, source: Excerpt::new(&path, &r.text, &lines, &d, width) };
                let mut s = String::new();
                handler.render_report(&mut s, &rendered).map_err(std::io::Error::other)?;
                writeln!(out, "{s}")?;
            } else {
                let p = lines.position(&r.text, d.range.start);
                writeln!(
                    out,
                    "{safe_path}:{}:{}: {}[{}] {}",
                    p.line,
                    p.column,
                    d.severity.as_str(),
                    d.code,
                    terminal_safe(&d.message)
                )?;
                if let Some(help) = &d.help {
                    writeln!(out, "  help: {}", terminal_safe(help))?;
                }
            }
        }
    }
    Ok(())
}

pub fn summary(t: Totals) -> String {
    let files = crate::count(t.files, "file", "files");
    let quotations = crate::count(t.quotations, "quotation", "quotations");
    if t.diagnostics() == 0 {
        return format!("checked {files}, {quotations}: no problems found");
    }
    let mut parts = Vec::new();
    for (n, one, many) in
        [(t.errors, "error", "errors"), (t.warnings, "warning", "warnings"), (t.infos, "info", "info")]
    {
        if n > 0 {
            parts.push(crate::count(n, one, many));
        }
    }
    let unreadable = match t.unreadable {
        0 => String::new(),
        1 => " (1 file could not be checked)".to_owned(),
        n => format!(" ({n} files could not be checked)"),
    };
    format!("checked {files}, {quotations}: {}{unreadable}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns a line's windows take with their ellipses, as the excerpt shows them.
    fn shown(text: &str, windows: &[(usize, usize)]) -> (String, usize) {
        let mut out = String::new();
        let mut at = 0;
        for &(a, b) in windows {
            if a > at {
                out.push('…');
            }
            out.push_str(&text[a..b]);
            at = b;
        }
        if at < text.len() {
            out.push('…');
        }
        let cols = out.chars().map(columns).sum();
        (out, cols)
    }

    #[test]
    fn a_line_that_fits_is_shown_whole() {
        let text = "日本語 and cafe\u{301}";
        assert_eq!(line_windows(text, 0, text.len(), &[(4, 7)], 30), vec![(0, text.len())]);
    }

    #[test]
    fn windows_fit_the_budget_and_keep_the_ranges() {
        let line = format!(
            "{}Margaret Thatcher, 日本語の記事, told him: \"a quotation\" {}",
            "x ".repeat(500),
            "y ".repeat(500)
        );
        let speaker = line.find("Margaret").unwrap();
        let quote = line.find('"').unwrap();
        let ranges = [(quote, quote + 13), (speaker, speaker + 17)];
        for budget in [20, 40, 75, 155, 400] {
            let windows = line_windows(&line, 0, line.len(), &ranges, budget);
            let (out, cols) = shown(&line, &windows);
            assert!(cols <= budget, "{cols} > {budget}: {out}");
            // The primary range starts in a window, and every range does from 40 columns (a
            // narrower line keeps the primary one's window only).
            let kept = if budget >= 40 { &ranges[..] } else { &ranges[..1] };
            for &(a, _) in kept {
                assert!(windows.iter().any(|w| w.0 <= a && a < w.1), "{budget}: {out}");
            }
            if budget >= 40 {
                assert!(out.contains("Margaret Thatcher") && out.contains("\"a quotation\""), "{out}");
            }
        }
    }

    #[test]
    fn help_wraps_to_the_width_but_never_inside_a_url() {
        let url = "https://nsarchive.gwu.edu/briefing-book/russia-programs/2017-12-12/nato-expansion-what-gorbachev-heard";
        let text = "In 1991 Margaret Thatcher said so.\n";
        let d = Diagnostic {
            code: Code::Misattributed,
            severity: Severity::Warning,
            message: "a message long enough to need wrapping at forty columns of terminal".into(),
            range: 8..25,
            help: Some(format!("cite it: see {url} for the source, and the record entry").into()),
            details: None,
        };
        let report = FileReport {
            path: "a.md".into(),
            text: text.into(),
            quotations: 1,
            findings: crate::findings::Findings::from_made(vec![d]),
        };
        let mut out = Vec::new();
        write(std::slice::from_ref(&report), true, false, 40, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.lines().any(|l| l.trim_start().starts_with(url)), "{out}");
        let prose: Vec<&str> = out.lines().filter(|l| !l.contains(url)).collect();
        assert!(prose.iter().all(|l| l.chars().count() <= 40), "{out}");
        assert!(out.contains("  │ "), "the message wraps:\n{out}");
    }

    #[test]
    fn a_window_never_starts_with_a_combining_mark_cut_from_its_base() {
        let line = format!("{}cafe\u{301}{}", "a".repeat(300), "b".repeat(300));
        let mark = line.find('\u{301}').unwrap();
        // Ranges further and further after the mark, so that some window's context ends at it.
        for at in mark + 2..mark + 40 {
            let windows = line_windows(&line, 0, line.len(), &[(at, at + 1)], 20);
            for (a, _) in windows {
                assert!(!line[a..].starts_with('\u{301}'), "{at}");
            }
        }
    }
}
