//! ## misquoted (warning)
//!
//! **What it flags.** A quotation that the record knows, with content words changed, added or
//! dropped.
//!
//! **Why.** Quotation marks promise the speaker's words. A changed word ("never" for "not"), a
//! dropped one, or an inserted one, without an ellipsis or brackets, breaks that promise.
//!
//! **Flagged:**
//!
//!     Major told Gorbachev: "We are not talking about the expansion of NATO."
//!
//! **Passes:** differences of case, quote marks, dashes, diacritics (Wörner/Woerner),
//! British and American spelling (centimetre/centimeter), contractions (wasn't/was not), a
//! typo of one or two letters that makes no English word ("expnasion"; "expend" for "expand" is
//! a changed word), elisions marked `...`, `…` or `[...]`, bracketed insertions such
//! as `[the alliance]`, a trailing `[sic]`, quoting a fragment of the remark, and any wording
//! the record lists as a variant (another translation or transcript of the same remark). For a
//! remark the record says was spoken in another language (`language:`), a wording with more
//! than two words changed or added is read as another translation and not reported; words
//! left out still are.
//!
//! Small function words ("the", "of") alone never make a finding; negations ("not", "never",
//! "non-") always count. Words quoted after the end of a sentence the record holds whole are
//! reported as added after it. Findings resting on a low-confidence record entry are lowered
//! to `info`.
//!
//! **How to fix.** Use the record's wording (the help shows it), mark elisions with `...`, or
//! add a documented alternative wording to the record as a variant.
//!
//! **Fix** (`--unsafe-fixes`, unsafe): the record's wording in the article's quote marks, word
//! by word (a changed word replaced, an added one deleted, a dropped one put back), keeping the
//! article's elisions, bracketed insertions and punctuation; or, when the words cannot be
//! aligned one by one, the whole wording if the article quotes all of it in one plain span.
//! None for a quotation split by its cue or a blockquote.
//!
//! **Suppress** with `<!-- quotelint-disable-next-line misquoted -->`.

use crate::checks::{cite, for_confidence, Code, Context};
use crate::diagnostic::{Details, Diagnostic, Severity};
use crate::findings::Finding;
use crate::fix::{Edit as FixEdit, Fix};
use crate::matcher::Edit;

/// Above this share of changed words the text is probably another remark, not a misquotation.
const MAX_CHANGED_SHARE: f64 = 0.3;

/// A remark spoken in another language is rendered by many translators: a wording of it with
/// more than this many words changed or added against every recorded rendering (a clause
/// added after the recorded sentence counting as one) is another translation, not a
/// misquotation. Dropped words do not count: a passage left out is left out in any language.
const MAX_TRANSLATION_CHANGES: usize = 2;

/// Whether the recorded words are a translation: spoken in a language other than English, by
/// the quotation's own `language` or else its first speaker's.
fn is_translation(record: &crate::record::Record, q: &crate::record::Quotation) -> bool {
    let language = q
        .language
        .as_deref()
        .or_else(|| q.speaker.0.first().and_then(|id| record.person(id)).and_then(|p| p.language.as_deref()));
    language.is_some_and(|l| l != "en")
}

/// Quote marks a quotation opens and closes with.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '\'', '‘', '’', '‹', '›'];

/// The record's wording inside the article's quote marks. Unsafe: the words change. Word by
/// word where the article's words align with the match ([`word_by_word`]: elisions, bracketed
/// insertions and a fragment's extent kept); otherwise the whole recorded wording, keeping the
/// article's closing punctuation ("…NATO," he said), only when the article quotes all of it in
/// one plain span. Never for a quotation split by its cue, or a blockquote.
fn wording_fix(
    ctx: &Context,
    q: &crate::extract::Quotation,
    m: &crate::matcher::Match,
    wording: &str,
) -> Option<Fix> {
    if q.blockquote {
        return None;
    }
    let quoted = ctx.source.get(q.range.clone())?;
    let mut chars = quoted.chars();
    let (open, close) = (chars.next()?, chars.next_back()?);
    if !QUOTE_MARKS.contains(&open) || !QUOTE_MARKS.contains(&close) {
        return None;
    }
    let inner = chars.as_str();
    let start = q.range.start + open.len_utf8();
    // A split quotation ("'NATO,' he said, 'would …'") holds marks of its kind inside; an
    // apostrophe inside a word (NATO’s) is no mark.
    let double = |c: char| QUOTE_MARKS.contains(&c) && !"'‘’".contains(c);
    let single_mark = ["' ", " '", "’ ", " ‘", "‘"].iter().any(|m| inner.contains(m));
    if inner.chars().any(double) || single_mark {
        return None;
    }
    if let Some(fix) = word_by_word(inner, start, &q.text, m, wording) {
        return Some(fix);
    }
    let plain = |c: char| !"*_[]`<>\\\n\r…".contains(c);
    if !inner.chars().all(plain) || inner.contains("...") {
        return None;
    }
    let recorded_words = m
        .edits
        .iter()
        .filter(|e| matches!(e, Edit::Same(_) | Edit::Changed { .. } | Edit::Dropped(_)))
        .count();
    if recorded_words != crate::normalize::word_count(wording) {
        return None;
    }
    let end_marks: &[char] = &['.', ',', ';', ':', '!', '?'];
    let words = wording.trim().trim_end_matches(end_marks);
    let article_end = &inner[inner.trim_end_matches(end_marks).len()..];
    let recorded_end = &wording.trim()[words.len()..];
    let end = if article_end.is_empty() { recorded_end } else { article_end };
    let new = [words, end].concat();
    (new != inner).then(|| Fix::unsafe_(FixEdit::replace(start..start + inner.len(), new)))
}

/// The match's changes made in the article's own text: a changed word replaced by the
/// record's, an added one deleted (with a blank beside it), a dropped one inserted before the
/// next word; everything else (elisions, bracketed insertions, punctuation, the words the
/// article quotes and those it does not) kept. Only when the quoted text is read as written (no
/// markup, no line break) and each of its words is one of the match's, none of them half of a
/// contraction, and the record's words are found in its wording; not when the article runs on
/// past the recorded sentence (deleting a clause would leave its punctuation).
fn word_by_word(
    inner: &str,
    start: usize,
    read: &str,
    m: &crate::matcher::Match,
    wording: &str,
) -> Option<Fix> {
    use crate::normalize::{tokens, Token};
    if inner != read || m.appended > 0 || inner.contains(['\n', '\r', '*', '_', '`', '<', '>', '\\']) {
        return None;
    }
    let words = |text: &str| -> Vec<(String, std::ops::Range<usize>)> {
        tokens(text)
            .into_iter()
            .filter_map(|(t, r)| match t {
                Token::Word(w) => Some((w, r)),
                _ => None,
            })
            .collect()
    };
    let article = words(inner);
    let recorded = words(wording);
    let halves = |w: &[(String, std::ops::Range<usize>)], i: usize| {
        (i > 0 && w[i - 1].1 == w[i].1) || w.get(i + 1).is_some_and(|n| n.1 == w[i].1)
    };
    if m.edits.iter().filter(|e| !matches!(e, Edit::Dropped(_))).count() != article.len()
        || (0..article.len()).any(|i| halves(&article, i))
    {
        return None;
    }
    // The record's word as written there: the first at or after the last found, else any.
    let mut cursor = 0;
    let mut written = |w: &str| -> Option<&str> {
        let at = |from: usize| recorded[from..].iter().position(|(x, _)| x == w).map(|i| from + i);
        let i = at(cursor.min(recorded.len())).or_else(|| at(0))?;
        cursor = i + 1;
        (!halves(&recorded, i)).then(|| &wording[recorded[i].1.clone()])
    };
    let mut edits = Vec::new();
    let mut i = 0;
    for e in &m.edits {
        match e {
            Edit::Same(w) => {
                let _ = written(w);
                i += 1;
            }
            Edit::Changed { expected, .. } => {
                let r = &article[i].1;
                edits.push(FixEdit::replace(start + r.start..start + r.end, written(expected)?));
                i += 1;
            }
            Edit::Added(_) => {
                let r = &article[i].1;
                let before = if i > 0 { article[i - 1].1.end } else { 0 };
                let range = if i > 0 && inner[before..r.start].chars().all(char::is_whitespace) {
                    before..r.end
                } else {
                    let blanks = inner[r.end..].len() - inner[r.end..].trim_start().len();
                    r.start..r.end + blanks
                };
                edits.push(FixEdit::replace(start + range.start..start + range.end, ""));
                i += 1;
            }
            Edit::Dropped(w) => {
                let word = written(w)?;
                edits.push(match article.get(i) {
                    Some((_, next)) => FixEdit::insert(start + next.start, format!("{word} ")),
                    None => FixEdit::insert(start + article.last()?.1.end, format!(" {word}")),
                });
            }
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    if edits.windows(2).any(|w| w[1].range.start < w[0].range.end) {
        return None;
    }
    Fix::new(edits, crate::fix::Applicability::Unsafe)
}

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
    for (q, m) in ctx.matched() {
        let changes = m.content_changes();
        let appended = m.appended_words();
        if (changes.is_empty() && appended.is_empty())
            || (changes.len() as f64) > MAX_CHANGED_SHARE * m.matched.max(1) as f64
        {
            continue;
        }

        let recorded = &ctx.record.quotations[m.quotation];
        if recorded.kind == crate::record::QuotationKind::Reported {
            continue; // the record has reported speech, not the words
        }
        let rendered = changes.iter().filter(|e| matches!(e, Edit::Changed { .. } | Edit::Added(_))).count();
        if rendered + usize::from(!appended.is_empty()) > MAX_TRANSLATION_CHANGES
            && is_translation(ctx.record, recorded)
        {
            continue;
        }
        // A quotation that holds a few of a remark's words ("a post read: 'Kohl promised NATO
        // would not move one centimetre further east, and the West broke its word'"), or another
        // translation sharing a phrase ("Nato infrastructure would not advance a single inch to
        // the east", said of the speaker himself), does not quote the recorded wording: only a
        // strong match is a misquotation.
        if !m.is_strong() {
            continue;
        }
        // "A retired colonel told me that 'NATO would not move a centimetre to the east, and we
        // believed them'": someone the record does not hold speaks, in words of their own.
        if q.by_someone_else {
            continue;
        }
        let wording = match m.variant {
            Some(v) => &recorded.variants[v].text,
            None => &recorded.text,
        };
        let mut diff: Vec<String> = changes
            .iter()
            .map(|e| match e {
                Edit::Changed { found, expected } => format!("“{found}” for “{expected}”"),
                Edit::Added(w) => format!("“{w}” added"),
                Edit::Dropped(w) => format!("“{w}” dropped"),
                Edit::Same(_) => unreachable!("content_changes has no Same"),
            })
            .collect();
        if !appended.is_empty() {
            diff.push(format!("“{}” added after the end of the recorded sentence", appended.join(" ")));
        }
        out.push(Finding::made(Diagnostic {
            code: Code::Misquoted,
            severity: for_confidence(severity, recorded.confidence),
            message: format!("the wording differs from the record: {}", diff.join(", ")).into(),
            range: q.range.clone(),
            help: Some(format!("the record has “{}” {}", wording.trim(), cite(recorded)).into()),
            details: Details {
                quote_id: Some(recorded.id.clone()),
                found: Some(q.text.to_string()),
                expected: Some(wording.trim().to_owned()),
                fix: wording_fix(ctx, q, m, wording),
                ..Details::default()
            }
            .boxed(),
        }));
    }
}
