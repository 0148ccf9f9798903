//! Command-line interface: the arguments, and the dispatch from a command to the library.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands;
pub use crate::commands::check::{Io, Progress};
use crate::config::{self, Config};
use crate::record::{LoadOptions, RecordError};
use crate::record_files::RecordFiles;
/// The output formats are the emitters' (`report`); the flag's values come from their names.
pub use crate::report::OutputFormat;

/// Lint quotations of public figures in Markdown articles against a reference record.
#[derive(Debug, Parser)]
#[command(name = "quotelint", version, about, max_term_width = 100, disable_version_flag = true)]
pub struct Cli {
    #[command(flatten)]
    pub record: RecordArgs,
    /// Print the version, and that of the record (the embedded one, and the files of `--rules`
    /// and of the configuration's `rules:`)
    #[arg(short = 'V', long)]
    pub version: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Which record to check against, and which configuration applies.
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Use this configuration file instead of looking for quotelint.yaml / .quotelint.yaml
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
    /// Ignore configuration files
    #[arg(long, global = true, conflicts_with = "config")]
    pub isolated: bool,
    /// Add a record file or directory of YAML files; its entries override the default's by id
    #[arg(long = "rules", value_name = "PATH", global = true)]
    pub rules: Vec<PathBuf>,
    /// Leave out the default record compiled into quotelint
    #[arg(long, global = true)]
    pub no_default_rules: bool,
    /// Refuse files (articles, records, the config) larger than this: bytes, or a number and
    /// KiB, MiB or GiB [default: 100MiB, or the config's `max-file-size`]
    #[arg(long, value_name = "SIZE", global = true)]
    pub max_file_size: Option<config::FileSize>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check Markdown articles against the record
    Check(CheckArgs),
    /// Explain a check: what it flags, why, examples, how to fix and suppress
    Explain {
        /// The check's code (e.g. misattributed)
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every check with its default severity
        #[arg(long)]
        list: bool,
    },
    /// Print the configuration in force and where each value comes from
    Config,
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): every command with its options, exit status, configuration
    /// keys, files, environment and examples (`quotelint manpage | man -l -`)
    Manpage,
    /// Run a language server (LSP) over standard input and output, for editors: diagnostics as
    /// you type, the record's entry on hover, fixes and suppressions as code actions
    Server,
    /// Inspect, validate and grow the record
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate the record (the default plus PATHs) and print a summary
    Validate {
        /// Record files or directories to validate with the default record
        paths: Vec<PathBuf>,
    },
    /// List the quotations in the record (or its people, or its events), one per line
    List {
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// List the people and bodies instead, with their roles
        #[arg(long, conflicts_with = "events")]
        people: bool,
        /// List the events instead, with their dates
        #[arg(long)]
        events: bool,
    },
    /// Propose record entries from articles an editor has checked: every quotation attributed
    /// to a speaker, cited, and not in the record, as unreviewed YAML in the record's schema
    /// (printed; written only with --out), with a summary on standard error
    Harvest {
        /// Articles, or directories walked for Markdown files (as `check` walks them)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write DIR/people/harvested.yaml and DIR/quotations/harvested.yaml instead of printing;
        /// refused if either exists
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Show one entry (a person, role, quotation or event) in full
    Show {
        /// The entry's id
        id: String,
        /// Output format: the entry as YAML with what refers to it, or as JSON alone
        #[arg(long, value_enum, default_value_t = ShowFormat::Yaml)]
        format: ShowFormat,
    },
}

/// Output format of `rules show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Yaml,
    Json,
}

/// Arguments of `quotelint check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories are walked for .md and .markdown files);
    /// `-` reads standard input
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// The path to report for standard input
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Color in human output: `auto` colors a terminal's output unless NO_COLOR is set (not
    /// empty), and any output when CLICOLOR_FORCE is (not `0`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Run a check that is off by default (repeatable)
    #[arg(long, value_name = "CODE")]
    pub enable: Vec<String>,
    /// Do not run a check (repeatable)
    #[arg(long, value_name = "CODE")]
    pub disable: Vec<String>,
    /// Check only the Markdown files changed since a git revision (and untracked ones)
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Apply the configuration's `exclude` to files named on the command line too
    #[arg(long)]
    pub force_exclude: bool,
    /// Report suppression comments that suppressed nothing (`unused-suppression`)
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// Print the number of findings per check instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Print findings only, no summary line
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit with 0 even when there are findings (failures still exit with 2)
    #[arg(long)]
    pub exit_zero: bool,
    /// Apply the safe fixes (and the unsafe ones with --unsafe-fixes or the config's `fix:
    /// unsafe`), writing each file atomically, then report what remains; with `-`, print the
    /// fixed text instead
    #[arg(long)]
    pub fix: bool,
    /// Apply unsafe fixes too: a speaker, quoted words, a citation (implies --fix unless --diff)
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what the fixes would change, and write nothing; exit 1 when
    /// anything would change
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// How a command ended, when it did not fail: the exit code is 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
}

/// A command that could not do its job (bad record, unreadable input): exit code 2.
#[derive(Debug)]
pub struct Failure {
    pub diagnostics: Vec<miette::Report>,
    /// A closing line for the user ("found 3 problems in the record").
    pub summary: Option<String>,
}

impl Failure {
    pub fn record(errors: Vec<RecordError>) -> Self {
        let n = errors.len();
        Failure {
            diagnostics: errors.into_iter().map(RecordError::into_report).collect(),
            summary: Some(format!("found {} in the record", crate::count(n, "problem", "problems"))),
        }
    }

    pub fn message(message: String) -> Self {
        Failure { diagnostics: vec![miette::miette!("{message}")], summary: None }
    }

    /// The reader of the output went away (`quotelint rules list | head`): see [`io_failure`].
    /// Nothing went wrong that the user should hear of, and the run exits 0.
    pub fn is_closed_pipe(&self) -> bool {
        self.diagnostics.is_empty() && self.summary.is_none()
    }
}

/// The configuration that applies: none with `--isolated`, the `--config` file, or the nearest
/// quotelint.yaml / .quotelint.yaml above `start`.
pub fn resolve_config(args: &RecordArgs, start: &Path) -> Result<Config, Failure> {
    let fail = |errors: Vec<RecordError>| {
        let n = errors.len();
        Failure {
            diagnostics: errors.into_iter().map(RecordError::into_report).collect(),
            summary: Some(format!("found {} in the configuration", crate::count(n, "problem", "problems"))),
        }
    };
    if args.isolated {
        return Ok(Config::default());
    }
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => config::discover(start).map_err(|e| fail(vec![e]))?,
    };
    let max = args.max_file_size.unwrap_or(config::DEFAULT_MAX_FILE_SIZE);
    let mut config = match path {
        Some(p) => Config::load(&p, max).map_err(fail)?,
        None => Config::default(),
    };
    if let Some(max) = args.max_file_size {
        config.max_file_size = config::Set { value: max, origin: config::Origin::Flag("--max-file-size") };
    }
    Ok(config)
}

/// The record options a configuration and the flags give.
pub(crate) fn record_options(args: &RecordArgs, config: &Config) -> RecordFiles {
    let mut paths = config.rule_paths();
    paths.extend(args.rules.iter().cloned());
    RecordFiles {
        options: LoadOptions {
            default: config.default_rules.value && !args.no_default_rules,
            for_checking: false,
        },
        paths,
        max_file_size: config.max_file_size.value.0,
    }
}

/// Runs a parsed command line, reading standard input and writing output through `io`.
pub fn run(cli: &Cli, io: Io) -> Result<Outcome, Failure> {
    let out = io.stdout;
    let Some(command) = &cli.command else {
        if cli.version {
            return version(cli, out);
        }
        let usage = <Cli as clap::CommandFactory>::command().render_usage();
        return Err(Failure::message(format!("a command is needed ({usage}); see `quotelint --help`")));
    };
    // For stdin, the configuration of the file it stands for applies.
    let start = match command {
        Command::Check(args) => args
            .stdin_filename
            .as_ref()
            .and_then(|f| f.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
        _ => PathBuf::from("."),
    };
    match command {
        Command::Explain { code, list } => return commands::explain::run(code.as_deref(), *list, out),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut cmd, "quotelint", out);
            return Ok(Outcome::Clean);
        }
        Command::Manpage => {
            let cmd = <Cli as clap::CommandFactory>::command();
            commands::manpage::write(cmd, out).map_err(io_failure)?;
            return Ok(Outcome::Clean);
        }
        Command::Server => return server(cli),
        _ => {}
    }
    let config = resolve_config(&cli.record, &start)?;
    let mut options = record_options(&cli.record, &config);
    match command {
        Command::Explain { .. } | Command::Completions { .. } | Command::Manpage | Command::Server => {
            unreachable!("handled above")
        }
        Command::Config => commands::config::run(&cli.record, &config, out),
        Command::Check(args) => {
            let record = options.for_checking().load().map_err(Failure::record)?;
            commands::check::run(args, &config, &record, Io { stdout: out, ..io })
        }
        Command::Rules { command } => {
            if let RulesCommand::Validate { paths } = command {
                options.paths.extend(paths.iter().cloned());
            }
            let record = options.load().map_err(Failure::record)?;
            match command {
                RulesCommand::Validate { .. } => commands::rules::validate(&record, out),
                RulesCommand::List { format, people: true, .. } => {
                    commands::rules::list_people(&record, *format, out)
                }
                RulesCommand::List { format, events: true, .. } => {
                    commands::rules::list_events(&record, *format, out)
                }
                RulesCommand::List { format, .. } => commands::rules::list(&record, *format, out),
                RulesCommand::Show { id, format: ShowFormat::Json } => {
                    commands::rules::show_json(&record, id, out)
                }
                RulesCommand::Show { id, .. } => commands::rules::show(&record, id, out),
                RulesCommand::Harvest { paths, out: dir } => {
                    commands::harvest::run(&record, &config, paths, dir.as_deref(), out, io.stderr)
                }
            }
        }
    }
}

/// `quotelint server`, which owns standard input and output: the caller must not hold them
/// locked. The configuration applies per workspace folder, found once the editor names them.
/// A long-lived process: a caller that tuned its allocator for short runs undoes that first.
pub fn server(cli: &Cli) -> Result<Outcome, Failure> {
    crate::server::run(&cli.record)
}

/// `quotelint --version`: the program's version, then one line per layer of the record in
/// force (the configuration's and `--rules` files included), so that a CI log says which record
/// judged an article.
fn version(cli: &Cli, out: &mut dyn std::io::Write) -> Result<Outcome, Failure> {
    let config = resolve_config(&cli.record, Path::new("."))?;
    let record = record_options(&cli.record, &config).load().map_err(Failure::record)?;
    writeln!(out, "quotelint {}", env!("CARGO_PKG_VERSION")).map_err(io_failure)?;
    for line in record.version_lines() {
        writeln!(out, "{line}").map_err(io_failure)?;
    }
    Ok(Outcome::Clean)
}

/// Output errors are failures too, reported plainly; a reader that closed the pipe early
/// (`quotelint rules list | head`) is not worth a message, nor a failing exit code
/// ([`Failure::is_closed_pipe`]). `check` handles it in its reporter, and exits with the code
/// its findings call for.
pub(crate) fn io_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Failure { diagnostics: Vec::new(), summary: None };
    }
    Failure::message(format!("cannot write output: {e}"))
}
