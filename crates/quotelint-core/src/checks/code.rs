//! Check codes, typed: a misspelt code does not compile, and a finding stores one byte.

use serde::{Serialize, Serializer};

/// A check's stable code, as users write it in configs, suppressions and `--enable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    Misattributed,
    Misdated,
    Misquoted,
    Unsourced,
    MisdatedEvent,
    MalformedDate,
    Unverified,
    InvalidSuppression,
    UnusedSuppression,
    Unreadable,
}

impl Code {
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Misattributed => "misattributed",
            Code::Misdated => "misdated",
            Code::Misquoted => "misquoted",
            Code::Unsourced => "unsourced",
            Code::MisdatedEvent => "misdated-event",
            Code::MalformedDate => "malformed-date",
            Code::Unverified => "unverified",
            Code::InvalidSuppression => "invalid-suppression",
            Code::UnusedSuppression => "unused-suppression",
            Code::Unreadable => "unreadable",
        }
    }
}

/// Codes order as their text does: findings at one place are listed in that order.
impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{by_code, ALL};

    /// Each check of the table has a code of its own, whose text finds it again.
    #[test]
    fn every_code_is_one_checks() {
        let mut texts: Vec<&str> = ALL.iter().map(|c| c.code.as_str()).collect();
        for check in ALL {
            assert_eq!(by_code(check.code.as_str()).map(|c| c.code), Some(check.code));
        }
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), ALL.len(), "two checks share a code's text");
    }
}
