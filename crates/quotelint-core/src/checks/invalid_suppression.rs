//! ## invalid-suppression (warning)
//!
//! **What it flags.** A suppression that quotelint cannot read: a comment that starts like a
//! directive but is none of `quotelint-disable-next-line`, `quotelint-disable` and
//! `quotelint-enable`, or a code in a suppression (a comment or the front matter's
//! `quotelint: {disable: [...]}`) that is not a check's, or a key of the front matter's
//! `quotelint:` other than `disable` (`disabel:`, `checks:`: a file gives itself no other
//! setting). Close misspellings of codes get a "did you mean".
//!
//! **Why.** A mistyped suppression must not pass for a working one. It suppresses nothing: an
//! unknown directive is ignored whole, and an unknown code is ignored while the directive's
//! other codes still apply. Without this finding, the writer would believe the line reviewed
//! while quotelint checks it as usual, or, before this check existed, would have a misread
//! directive hide a check for the rest of the file.
//!
//! **Flagged:**
//!
//!     <!-- quotelint-disable-line misdated -->
//!     <!-- quotelint-disable-nextline misdated -->
//!     <!-- quotelint-disable-next-line misdatd -->
//!
//! **Passes:**
//!
//!     <!-- quotelint-disable-next-line misdated -->
//!     <!-- quotelint-disable-next-line misdated -- reviewed: the record is wrong here -->
//!
//! Words after ` -- ` are a reason for the reader, not codes.
//!
//! **How to fix.** Correct the directive or the code (`quotelint explain --list` lists the
//! codes).
//!
//! **Fix:** none: `--fix` leaves it for a person.
//!
//! **Suppress** it by correcting the suppression; it is always reported, whether or not
//! `--report-unused-suppressions` is given, and cannot be suppressed by a comment.
