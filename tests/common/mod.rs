//! Running the built binary, as users and CI do.
// Each test crate compiles this module and none uses all of it.
#![allow(dead_code)]

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A generous bound for [`bounded`] runs: the release build takes well under 10 s on every
/// hostile input of the tests, the test build a few times that; quadratic behaviour on those
/// sizes would take hours.
pub const TIMEOUT: Duration = Duration::from_secs(120);

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts that standard error says `message`, showing all of it otherwise.
    #[track_caller]
    pub fn assert_stderr(&self, message: &str) {
        assert!(self.stderr.contains(message), "no `{message}` in:\n{}", self.stderr);
    }
}

pub fn quotelint(args: &[&str], dir: Option<&Path>) -> Run {
    quotelint_with_input(args, dir, None)
}

/// Runs quotelint with `input` on its standard input (none: no standard input at all).
pub fn quotelint_with_input(args: &[&str], dir: Option<&Path>, input: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    run_command(cmd, input)
}

/// Runs a command prepared by the caller (another user, another environment) to its end, as
/// [`quotelint_with_input`] does.
pub fn run_command(mut cmd: Command, input: Option<&str>) -> Run {
    use std::io::Write;
    cmd.env("NO_COLOR", "1").stdout(Stdio::piped()).stderr(Stdio::piped());
    // The terminal output fits `COLUMNS`: a developer's own setting must not change what the
    // tests see (a test that means another width sets it).
    if !cmd.get_envs().any(|(k, _)| k == "COLUMNS") {
        cmd.env("COLUMNS", "80");
    }
    cmd.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().expect("run quotelint");
    if let Some(input) = input {
        child.stdin.take().expect("piped").write_all(input.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("run quotelint");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

/// What a bounded run measured.
#[derive(Debug)]
pub struct Stats {
    pub elapsed: Duration,
    pub max_rss_kb: i64,
}

/// Runs quotelint in `dir` and waits at most [`TIMEOUT`], killing it past that; returns the
/// run with its wall time and peak memory. The peak is the largest `VmHWM` read from
/// `/proc/PID/status` while it runs: the kernel's `ru_maxrss` for a child also counts the test
/// process it was spawned from, before the exec. A reading counts only once the status names
/// quotelint: before the exec it is the test process's own (CI once measured 169 MB for a
/// run that takes 41, about what the test process held then).
pub fn bounded(dir: &Path, args: &[&str]) -> (Run, Stats) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run quotelint");
    // Drain both pipes while waiting: a full pipe would stall the child.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            r.read_to_string(&mut s).expect("utf-8 output");
            s
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let status_file = format!("/proc/{}/status", child.id());
    let mut max_rss_kb = 0;
    let status = loop {
        if let Some(kb) = fs::read_to_string(&status_file).ok().and_then(|s| quotelint_peak_kb(&s)) {
            max_rss_kb = max_rss_kb.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait for quotelint") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            child.kill().ok();
            panic!("quotelint {args:?} still running after {TIMEOUT:?}: super-linear time?");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stats = Stats { elapsed: start.elapsed(), max_rss_kb };
    let code = status.code().unwrap_or_else(|| panic!("quotelint {args:?} was killed: {status}"));
    let run = Run { code, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() };
    eprintln!("{args:?}: {:.2?}, peak {} MB", stats.elapsed, stats.max_rss_kb / 1024);
    (run, stats)
}

/// The `VmHWM` (peak resident memory) line of a `/proc/PID/status`, in KiB, if the process is
/// quotelint (its `Name:` line, the executable's name cut to 15 bytes).
fn quotelint_peak_kb(status: &str) -> Option<i64> {
    let field = |name: &str| status.lines().find_map(|l| l.strip_prefix(name)).map(str::trim);
    if field("Name:")? != "quotelint" {
        return None;
    }
    field("VmHWM:").and_then(|v| v.trim_end_matches("kB").trim().parse().ok())
}

/// Output with quotelint's own colors (`ESC [ … m`) taken out; any other escape is kept.
pub fn uncolored(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find('m').filter(|&m| after[..m].bytes().all(|b| b.is_ascii_digit() || b == b';')) {
            Some(m) => rest = &after[m + 1..],
            None => {
                out.push_str("\x1b[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
