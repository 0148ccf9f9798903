//! Sentence boundaries in a paragraph, ignoring the punctuation inside quotations.

use std::ops::Range;

use quotelint_text::lexicon::lexicon;

use super::quotes::Quote;

const ABBREVIATIONS: &[&str] = lexicon().abbreviations;

/// The length of the longest of [`ABBREVIATIONS`] (a test holds it to the list).
const LONGEST: usize = 6;

/// First bytes of the characters that can end a sentence: `. ! ?`, and the closing quote marks
/// (`" '`, and the UTF-8 lead bytes of `… ” ’` (0xE2) and `»` (0xC2)).
static MAY_END: super::words::Stops = super::words::Stops::new([b'.', b'"', b'\''], b"!?\xE2\xC2");

/// The sentences of `text`, as ranges covering it end to end.
pub fn sentences(text: &str, quotes: &[Quote]) -> Vec<Range<usize>> {
    // Quotations of depth 0 are disjoint and in order: find the one around `i` by binary search.
    let outer: Vec<&Quote> = quotes.iter().filter(|q| q.depth == 0).collect();
    let around = |i: usize| outer.partition_point(|q| q.outer.start < i).checked_sub(1).map(|k| outer[k]);
    let inside = |i: usize| around(i).is_some_and(|q| i < q.outer.end.saturating_sub(1));
    let mut out = Vec::new();
    let mut start = 0;
    // Only punctuation and quote marks can end a sentence: jump from one to the next.
    for (i, c) in MAY_END.scan(text) {
        // A quotation ending in . ! ? ends its sentence when a new one follows it.
        // (`"We will wait. " Kohl said`: spaces typed before the closing mark count as none.)
        let closes_quote = around(i).is_some_and(|q| q.closed && q.outer.end == i + c.len_utf8())
            && text[..i].trim_end_matches(' ').ends_with(['.', '!', '?', '…']);
        if !(closes_quote || matches!(c, '.' | '!' | '?' | '…') && !inside(i)) {
            continue;
        }
        // Include closing quote marks, brackets and footnote marks right after the punctuation.
        let mut end = i + c.len_utf8();
        while let Some(n) = text[end..].chars().next() {
            if matches!(n, '"' | '”' | '’' | '\'' | ')' | ']' | '\u{FFFC}') {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let next = rest.trim_start();
        if rest.len() == next.len() && !rest.is_empty() {
            continue; // no space after: "U.S.", "3.5"
        }
        let starts_sentence = next.is_empty()
            || next.starts_with(|n: char| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '‘' | '\'' | '«' | '„' | '(')
            });
        if !starts_sentence {
            continue;
        }
        if c == '.' && !closes_quote {
            let word_start = text[..i]
                .char_indices()
                .rfind(|&(_, w)| w.is_whitespace() || matches!(w, '(' | '"' | '“'))
                .map_or(0, |(p, w)| p + w.len_utf8());
            if is_abbreviation_or_initial(&text[word_start..i]) {
                continue;
            }
        }
        out.push(start..end);
        start = end + (rest.len() - next.len());
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// A word before a period that does not end a sentence: an abbreviation ("Mr", "U.S"), an
/// initial ("J"), or dotted. Read as written when it is ASCII (nearly always), lower-cased
/// otherwise.
fn is_abbreviation_or_initial(word: &str) -> bool {
    if word.is_ascii() {
        let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic();
        // No abbreviation is longer than six letters: most words before a period are.
        return initial
            || word.contains('.')
            || (word.len() <= LONGEST && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)));
    }
    let word = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    ABBREVIATIONS.contains(&word.as_str()) || single_initial || word.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &quotes::find(text)).into_iter().map(|r| text[r].trim()).collect()
    }

    #[test]
    fn splits_outside_quotations_only() {
        assert_eq!(
            split(
                "He said \"We will. Not now.\" Then he left. U.S. officials met Mr. Baker in Jan. 1990. Done"
            ),
            vec![
                "He said \"We will. Not now.\"",
                "Then he left.",
                "U.S. officials met Mr. Baker in Jan. 1990.",
                "Done"
            ]
        );
    }

    #[test]
    fn abbreviations_are_told_in_any_case_as_lower_casing_tells_them() {
        let lowered = |w: &str| {
            let word = w.to_lowercase();
            ABBREVIATIONS.contains(&word.as_str())
                || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
                || word.contains('.')
        };
        let words = ABBREVIATIONS
            .iter()
            .flat_map(|a| [a.to_string(), a.to_uppercase(), a[..1].to_uppercase() + &a[1..]]);
        let others = ["J", "j", "7", "", "NATO", "Ö", "İ", "ÉD", "\u{212A}", "U.\u{212A}", "said", "é.g"];
        for w in words.chain(others.map(String::from)) {
            assert_eq!(is_abbreviation_or_initial(&w), lowered(&w), "{w}");
        }
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_longest() {
        assert_eq!(ABBREVIATIONS.iter().map(|a| a.len()).max(), Some(LONGEST));
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            split("M.E. Sarotte wrote it. Antony J. Blinken said so."),
            vec!["M.E. Sarotte wrote it.", "Antony J. Blinken said so."]
        );
    }

    #[test]
    fn the_scan_stops_at_every_end_and_closing_mark() {
        let ends =
            (0..=0xFFFF).filter_map(char::from_u32).filter(|&c| quotes::is_mark(c) || ".!?…".contains(c));
        for c in ends {
            let mut buf = [0; 4];
            assert!(MAY_END.table[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])], "{c}");
        }
    }
}
