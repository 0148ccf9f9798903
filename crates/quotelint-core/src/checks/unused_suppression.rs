//! ## unused-suppression (warning, reported with `--report-unused-suppressions`)
//!
//! **What it flags.** A suppression comment, or a check code in one, that suppressed nothing:
//! `<!-- quotelint-disable-next-line misdated -->` above a line with no `misdated` finding, a
//! `quotelint-disable` region with nothing to disable, or a front matter `quotelint: {disable:
//! [...]}` entry that is never needed. (An unknown code is an `invalid-suppression`, reported
//! always.)
//!
//! **Why.** Suppressions outlive the problems they hid: the sentence was fixed, or the record
//! corrected, and the comment now hides whatever appears there next. As ruff's RUF100 does for
//! `# noqa`, this keeps reviewed exceptions honest.
//!
//! **Flagged:**
//!
//!     <!-- quotelint-disable-next-line misdated -->
//!     John Major told Gorbachev in March 1991: "We are not talking about the strengthening of NATO."
//!
//! **Passes:** the same comment above a line that does have a `misdated` finding.
//!
//! **How to fix.** Delete the comment, or the code that is no longer needed.
//!
//! **Fix:** none: `--fix` leaves it for a person.
//!
//! **Suppress** it by running without `--report-unused-suppressions`; it cannot be suppressed
//! by a comment.
