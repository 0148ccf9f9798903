//! Scoring the engine against hand-written expectations: the fixtures' `.expected` files and
//! the record's examples. Used by the fixture tests and `xtask score`.

use std::collections::BTreeMap;

/// `LINE CODE` lines; `#` starts a comment.
pub fn parse_expected(text: &str) -> Result<Vec<(usize, String)>, String> {
    Ok(parse_expected_messages(text)?.into_iter().map(|(l, code, _)| (l, code)).collect())
}

/// `LINE CODE` lines, each optionally followed by `| words the message must contain`; `#`
/// starts a comment line.
pub fn parse_expected_messages(text: &str) -> Result<Vec<(usize, String, Option<String>)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, message) = match line.split_once('|') {
            Some((head, message)) => (head, Some(message.trim().to_owned()).filter(|m| !m.is_empty())),
            None => (line, None),
        };
        let mut parts = head.split_whitespace();
        let (Some(l), Some(code), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("line {}: expected `LINE CODE [| message]`, found `{line}`", n + 1));
        };
        let l = l.parse().map_err(|_| format!("line {}: `{l}` is not a line number", n + 1))?;
        out.push((l, code.to_owned(), message));
    }
    out.sort();
    Ok(out)
}

/// True and false positives and false negatives, per check code.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub per_code: BTreeMap<String, Counts>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        let found = self.true_positives + self.false_positives;
        if found == 0 {
            1.0
        } else {
            self.true_positives as f64 / found as f64
        }
    }

    pub fn recall(&self) -> f64 {
        let expected = self.true_positives + self.false_negatives;
        if expected == 0 {
            1.0
        } else {
            self.true_positives as f64 / expected as f64
        }
    }
}

impl Score {
    /// Adds one file: `expected` and `found` as (line, code) lists. Returns the differences:
    /// (line, code, "missing" | "unexpected").
    pub fn add(
        &mut self,
        expected: &[(usize, String)],
        found: &[(usize, String)],
    ) -> Vec<(usize, String, &'static str)> {
        let mut remaining: Vec<&(usize, String)> = found.iter().collect();
        let mut diffs = Vec::new();
        for e in expected {
            let counts = self.per_code.entry(e.1.clone()).or_default();
            if let Some(i) = remaining.iter().position(|f| *f == e) {
                remaining.remove(i);
                counts.true_positives += 1;
            } else {
                counts.false_negatives += 1;
                diffs.push((e.0, e.1.clone(), "missing"));
            }
        }
        for f in remaining {
            self.per_code.entry(f.1.clone()).or_default().false_positives += 1;
            diffs.push((f.0, f.1.clone(), "unexpected"));
        }
        diffs.sort();
        diffs
    }

    /// A table: code, TP, FP, FN, precision, recall; and a total line.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<16} {:>4} {:>4} {:>4} {:>10} {:>8}\n",
            "code", "tp", "fp", "fn", "precision", "recall"
        );
        let mut total = Counts::default();
        for (code, c) in &self.per_code {
            out.push_str(&format!(
                "{code:<16} {:>4} {:>4} {:>4} {:>10.3} {:>8.3}\n",
                c.true_positives,
                c.false_positives,
                c.false_negatives,
                c.precision(),
                c.recall()
            ));
            total.true_positives += c.true_positives;
            total.false_positives += c.false_positives;
            total.false_negatives += c.false_negatives;
        }
        out.push_str(&format!(
            "{:<16} {:>4} {:>4} {:>4} {:>10.3} {:>8.3}\n",
            "all",
            total.true_positives,
            total.false_positives,
            total.false_negatives,
            total.precision(),
            total.recall()
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_matches_misses_and_extras() {
        let expected = parse_expected("# why\n3 misdated\n5 unsourced\n").unwrap();
        let found = vec![(3, "misdated".to_owned()), (7, "unsourced".to_owned())];
        let mut score = Score::default();
        let diffs = score.add(&expected, &found);
        assert_eq!(diffs, vec![(5, "unsourced".into(), "missing"), (7, "unsourced".into(), "unexpected")]);
        let u = score.per_code["unsourced"];
        assert_eq!((u.true_positives, u.false_positives, u.false_negatives), (0, 1, 1));
        assert_eq!(score.per_code["misdated"].precision(), 1.0);
        assert!(parse_expected("3").is_err());
    }
}
