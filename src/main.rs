use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use quotelint::cli::Progress;
use quotelint::{Cli, Outcome};

mod alloc;

/// How long a run lasts before its progress bar is drawn.
const PROGRESS_DELAY: std::time::Duration = std::time::Duration::from_secs(1);

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Wrapped messages suit a terminal; logs and scripts want one message per line.
    let stderr_is_terminal = std::io::stderr().is_terminal();
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let no_color = env("NO_COLOR").is_some();
    let force_color = env("CLICOLOR_FORCE").is_some_and(|v| v != "0");
    let columns = env("COLUMNS").and_then(|v| v.to_str()?.trim().parse::<usize>().ok()).filter(|&c| c > 0);
    let terminal_columns = |terminal: bool| {
        let size = if terminal { terminal_size::terminal_size() } else { None };
        columns.or(size.map(|(w, _)| usize::from(w.0))).unwrap_or(80)
    };
    let (width, stderr_width) = (terminal_columns(stdout_is_terminal), terminal_columns(stderr_is_terminal));
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .wrap_lines(stderr_is_terminal)
                .width(stderr_width)
                .break_words(false)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .color(!no_color && (stderr_is_terminal || force_color))
                .build(),
        )
    }));
    // A progress bar on stderr for long runs, only when a person is watching it: the library
    // asks for one on runs of many files (PROGRESS_THRESHOLD), and it is drawn only once the
    // run has lasted PROGRESS_DELAY, so that a run that ends sooner draws nothing.
    let bar: OnceLock<ProgressBar> = OnceLock::new();
    let progress = |p: Progress| match p {
        Progress::Start(total) => {
            let b = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            b.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}").expect("template"),
            );
            let _ = bar.set(b);
        }
        Progress::FileDone => {
            if let Some(b) = bar.get() {
                b.inc(1);
                if b.is_hidden() && b.elapsed() >= PROGRESS_DELAY {
                    b.set_draw_target(ProgressDrawTarget::stderr());
                }
            }
        }
        Progress::Finish => {
            if let Some(b) = bar.get() {
                b.finish_and_clear();
            }
        }
    };
    let result = if let Some(quotelint::cli::Command::Server) = cli.command {
        // The language server reads and writes standard input and output on threads of its
        // own: they are not locked here. A long-lived process: freed memory goes back to the
        // system.
        alloc::tune_for_large_files();
        quotelint::cli::server(&cli)
    } else {
        let mut stdout = std::io::stdout().lock();
        let mut stdin = std::io::stdin().lock();
        let mut stderr = std::io::stderr();
        let io = quotelint::cli::Io {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
            stdout_is_terminal,
            width,
            no_color,
            force_color,
            progress: if stderr_is_terminal { Some(&progress) } else { None },
            large_input: Some(&|| {
                alloc::tune_for_large_files();
            }),
        };
        let result = quotelint::run(&cli, io);
        let _ = stdout.flush();
        result
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::from(0),
        Ok(Outcome::Findings) => ExitCode::from(1),
        // Quietly, as other Unix tools stop when the reader goes away.
        Err(failure) if failure.is_closed_pipe() => ExitCode::from(0),
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
