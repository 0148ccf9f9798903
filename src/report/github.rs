//! `--format github`: GitHub Actions workflow commands, which annotate the pull request.
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=quotelint(CODE)::message`

use std::io::Write;

use super::FileReport;
use crate::diagnostic::Severity;

/// Escapes a message as GitHub requires: `%`, CR and LF.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: the message's escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
    for item in super::json::items(reports) {
        let command = match item.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = item.message.to_owned();
        let help = reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .find(|d| d.message == item.message)
            .and_then(|d| d.help.clone());
        if let Some(help) = help {
            message = format!("{message}\n{help}");
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&item.path),
            item.range.start.line,
            item.range.start.column,
            item.range.end.line,
            item.range.end.column,
            escape_property(&format!("quotelint({})", item.code)),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(escape_data("50% of\nit"), "50%25 of%0Ait");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
