//! `quotelint explain CODE` and `quotelint explain --list`.

use std::io::Write;

use crate::checks::{self, ALL};
use crate::cli::{io_failure, Failure, Outcome};

pub fn run(code: Option<&str>, list: bool, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if list {
        let width = ALL.iter().map(|c| c.code.as_str().len()).max().unwrap_or(0);
        for c in ALL {
            let default = if c.opt_in { " (off by default)" } else { "" };
            writeln!(out, "{:width$}  {:7}  {}{default}", c.code.as_str(), c.severity.as_str(), c.summary)
                .map_err(io_failure)?;
        }
        return Ok(Outcome::Clean);
    }
    let code = code.unwrap_or_default();
    let Some(check) = checks::by_code(code) else {
        let known: Vec<&str> = ALL.iter().map(|c| c.code.as_str()).collect();
        return Err(Failure::message(format!(
            "unknown check `{code}`; the checks are: {}",
            known.join(", ")
        )));
    };
    writeln!(out, "{}", check.doc()).map_err(io_failure)?;
    Ok(Outcome::Clean)
}
