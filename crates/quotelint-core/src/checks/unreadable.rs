//! ## unreadable (error, always on)
//!
//! **What it flags.** A file that could not be checked: it could not be read (missing,
//! permission denied, a broken or looping link), or it is not text quotelint can read (binary,
//! or not UTF-8). The message gives the reason; the position is that of the first bad byte when
//! there is one, the file's start otherwise.
//!
//! **Why.** A file that was never checked must not pass for a clean one: every output format
//! lists it, the summary counts it, and the run exits with code 2.
//!
//! **Flagged:** an article saved as Latin-1, `W\xf6rner said…`: "not UTF-8: byte 0xf6 at line
//! 1, column 2 (byte offset 1); save the file as UTF-8".
//!
//! **How to fix.** Save the file as UTF-8, fix its permissions or its link, or exclude it
//! (`exclude:` in the configuration).
//!
//! **Fix:** none: `--fix` leaves it for a person.
//!
//! **Suppress** it: it cannot be turned off or suppressed; exclude the file instead.

use crate::diagnostic::{Diagnostic, Severity};

/// The finding of a file that could not be checked, at `at` (a byte offset of the text given
/// with it: what came before the bad byte).
pub fn finding(message: String, at: usize) -> Diagnostic {
    Diagnostic {
        code: super::Code::Unreadable,
        severity: Severity::Error,
        message: message.into(),
        range: at..at,
        help: None,
        details: None,
    }
}
