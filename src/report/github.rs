//! `--format github`: GitHub Actions workflow commands, which annotate the pull request.
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=quotelint(CODE)::message`

use std::io::Write;

use super::{Emitter, FileReport};
use crate::diagnostic::Severity;

/// Escapes a message as GitHub requires (`%`, CR and LF), and shows any other control
/// character as its picture: the log is read on a terminal of sorts, and an escape sequence in
/// an article must not reach it raw.
fn escape_data(s: &str) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    super::terminal_safe(&s).into_owned()
}

/// Escapes a property value: the message's escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub struct Github;

impl Emitter for Github {
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        for (r, lines) in super::with_lines(reports) {
            let path = super::path_text(&r.path);
            for d in r.diagnostics() {
                let command = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let (start, end) =
                    (lines.position(&r.text, d.range.start), lines.position(&r.text, d.range.end));
                let message = match &d.help {
                    Some(help) => format!("{}\n{help}", d.message),
                    None => d.message.to_string(),
                };
                writeln!(
                    out,
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    escape_property(&path),
                    start.line,
                    start.column,
                    end.line,
                    end.column,
                    escape_property(&format!("quotelint({})", d.code)),
                    escape_data(&message)
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(escape_data("50% of\nit"), "50%25 of%0Ait");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_data("a\x1b[31mb\x07"), "a␛[31mb␇");
    }
}
