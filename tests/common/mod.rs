//! Running the built binary, as users and CI do.

use std::path::Path;
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn quotelint(args: &[&str], dir: Option<&Path>) -> Run {
    quotelint_with_input(args, dir, None)
}

/// Runs quotelint with `input` on its standard input (none: no standard input at all).
pub fn quotelint_with_input(args: &[&str], dir: Option<&Path>, input: Option<&str>) -> Run {
    use std::io::Write;
    use std::process::Stdio;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotelint"));
    cmd.args(args).env("NO_COLOR", "1").stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
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
