//! Debunking frames: an article that reproduces a misattribution in order to refute it ("The line
//! often credited to X …", "It wasn't X.") asserts no speaker or date for the quotation.

use std::sync::LazyLock;

use super::context::{BlockContext, Contexts};
use super::lexicon::{keyword, CueList, DEBUNK_PHRASES, DENIAL_OPENINGS};
#[cfg(test)]
use super::words::words_of;
use super::words::Word;
use super::{Attribution, Quotation};
use crate::diagnostic::floor_char_boundary;

/// Takes back the speaker and date of the quotations of block `first` when they are reproduced to
/// be debunked (docs/checks.md): its text, or the paragraph after it (after a blockquote and its
/// attribution line), says so. Such an article asserts no speaker or date for them.
pub(super) fn undo_debunked(contexts: &Contexts, first: usize, quotations: &mut [Quotation]) {
    // Only a speaker or a date can be taken back: paragraphs whose quotations claim neither are
    // not read.
    let claims = quotations.iter().any(|q| q.speaker != Attribution::None || q.date.is_some());
    if claims && debunked(contexts, first) {
        for q in quotations {
            q.speaker = Attribution::None;
            q.date = None;
        }
    }
}

/// How much of the paragraph after a quotation is read for a debunking phrase, in bytes.
const DEBUNK_REACH: usize = 400;

/// Whether the paragraphs around block `first` debunk an attribution (see [`undo_debunked`]).
fn debunked(contexts: &Contexts, first: usize) -> bool {
    let mut next = first + 1;
    if let Some(group) = contexts[first].block.blockquote {
        next = (first..contexts.len()).find(|&i| contexts[i].block.blockquote != Some(group)).unwrap_or(next);
    }
    if contexts.get(next).is_some_and(|c| super::is_attribution_line(c.block) && c.block.blockquote.is_none())
    {
        next += 1;
    }
    // Of the paragraph after, its opening ("It wasn't Blinken. …") is what answers the quotation.
    let opening = |c: &BlockContext| {
        let text = c.text();
        let end = floor_char_boundary(text, DEBUNK_REACH.min(text.len()));
        says_so(&text[..end], &c.words_up_to(end))
    };
    let whole = |c: &BlockContext| says_so(c.text(), &c.words_up_to(c.text().len()));
    (first..next).filter_map(|i| contexts.get(i)).any(whole)
        || contexts.get(next).is_some_and(opening)
        || row_says_so(contexts, first, whole)
}

/// A table row is one unit: another cell of the quotation's row ("Misattributed: Stoltenberg
/// said it") debunks it too.
fn row_says_so(contexts: &Contexts, first: usize, says: impl Fn(&BlockContext) -> bool) -> bool {
    let Some(cell) = contexts[first].block.cell else { return false };
    let same_row =
        |i: &usize| contexts.block(*i).cell.is_some_and(|c| c.table == cell.table && c.row == cell.row);
    let before = (0..first).rev().take_while(same_row);
    let after = (first + 1..contexts.len()).take_while(same_row);
    before.chain(after).filter_map(|i| contexts.get(i)).any(says)
}

/// A debunking phrase or denial opening, as the cue numbers of its words.
struct Phrase {
    words: Vec<u16>,
    /// A denial opening: written with a capital, and a capital word (a name) right after.
    denial: bool,
}

/// The phrases, by the cue number of their first word: "it" and "that", which start denials,
/// are among the commonest words, and each is compared with its own few phrases only.
static PHRASES: LazyLock<rustc_hash::FxHashMap<u16, Vec<Phrase>>> = LazyLock::new(|| {
    let phrase = |p: &str, denial: bool| Phrase { words: p.split(' ').map(keyword).collect(), denial };
    let debunks = DEBUNK_PHRASES.iter().map(|p| phrase(p, false));
    let mut by_first = rustc_hash::FxHashMap::<u16, Vec<Phrase>>::default();
    for p in debunks.chain(DENIAL_OPENINGS.iter().map(|p| phrase(p, true))) {
        by_first.entry(p.words[0]).or_default().push(p);
    }
    by_first
});

/// Whether `words`, of `text`, hold a debunking phrase, or a denial opening followed by a name:
/// words in a row, one space apart. Most words start none: one bit of the cue table tells.
fn says_so(text: &str, words: &[Word]) -> bool {
    let capital = |w: &Word| text[w.range()].starts_with(char::is_uppercase);
    let spaced = |a: &Word, b: &Word| text.get(a.range().end..b.range().start) == Some(" ");
    (0..words.len()).filter(|&i| words[i].is(CueList::DebunkStart)).any(|i| {
        PHRASES.get(&words[i].kw).into_iter().flatten().any(|p| {
            let Some(run) = words.get(i..i + p.words.len()) else { return false };
            let fits = run.iter().zip(&p.words).all(|(w, &kw)| w.kw == kw && w.is(CueList::DebunkWord))
                && run.windows(2).all(|pair| spaced(&pair[0], &pair[1]));
            fits && (!p.denial
                || (capital(&run[0])
                    && words
                        .get(i + p.words.len())
                        .is_some_and(|n| capital(n) && spaced(&run[run.len() - 1], n))))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(text: &str) -> bool {
        says_so(text, &words_of(text))
    }

    #[test]
    fn debunking_phrases_in_any_case() {
        for text in [
            "The line is often attributed to Kennan.",
            "It was MISATTRIBUTED for years.",
            "Fake quotes travel fast.",
            "He never said it.",
            "Gorbachev didn’t say that.",
            "Those were not his words.",
            "Often Credited To Putin, the line",
            "It wasn't Blinken. The words were Burns's.",
            "That was not Major: it was Hurd.",
        ] {
            assert!(says(text), "{text}");
        }
    }

    #[test]
    fn look_alikes_are_not_debunking() {
        for text in [
            "whenever said aloud, it hurt",
            "often attributed  to him",
            "it wasn't clear what he meant",
            "It wasn't the first time.",
            "The misattributedness of it",
            "He said it was not Putin's view.",
        ] {
            assert!(!says(text), "{text}");
        }
    }
}
