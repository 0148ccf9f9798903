use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use quotelint::{Cli, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Wrapped messages suit a terminal; logs and scripts want one message per line.
    let terminal = std::io::stderr().is_terminal();
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(miette::MietteHandlerOpts::new().wrap_lines(terminal).build())
    }));
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let mut stdout = std::io::stdout().lock();
    let mut stdin = std::io::stdin().lock();
    let io = quotelint::cli::Io { stdin: &mut stdin, stdout: &mut stdout, stdout_is_terminal };
    let result = quotelint::run(&cli, io);
    let _ = stdout.flush();
    match result {
        Ok(Outcome::Clean) => ExitCode::from(0),
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            for report in failure.diagnostics {
                let _ = writeln!(stderr, "{report:?}");
            }
            if let Some(summary) = failure.summary {
                let _ = writeln!(stderr, "{summary}");
            }
            ExitCode::from(2)
        }
    }
}
