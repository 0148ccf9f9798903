//! Paragraphs too long to read whole are read in pieces.
//!
//! A block's reading holds, for every quotation in it, its quote marks, its words and the
//! quotation made from them (about 200 bytes), all at once: a 50 MB one-line paragraph of
//! `word "a b c d" ` took 730 MB. No paragraph of prose comes near [`LONG`]; one that does is
//! cut into pieces of about [`PIECE`] bytes, each read as a paragraph of its own, so that the
//! reading holds one piece's working data at a time. A cut falls between quotations, never
//! inside one, and at a sentence's end where the piece has one; a speech cue is not read across
//! a cut. The pieces share one citation: a link anywhere in the paragraph cites all of it.

use std::ops::Range;

use super::quotes;
use crate::markdown::{Block, BlockKind, Piece};

/// Paragraphs whose text is longer than this are cut.
pub(crate) const LONG: usize = 1 << 20;
/// About how long a piece is.
const PIECE: usize = 1 << 16;

/// `blocks`, with each paragraph longer than [`LONG`] replaced by its pieces. Blockquotes and
/// table cells are read whole: a blockquote is one quotation, and a row's cells are read
/// together.
pub(crate) fn cut_long_paragraphs(blocks: &mut Vec<Block>) {
    let long = |b: &Block| {
        b.text.len() > LONG
            && b.blockquote.is_none()
            && b.cell.is_none()
            && matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading)
    };
    if !blocks.iter().any(long) {
        return;
    }
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks.drain(..) {
        if !long(&block) {
            out.push(block);
            continue;
        }
        let (ends, quotes) = cuts(&block.text);
        let count = ends.len() as u32;
        let mut start = 0;
        for (index, end) in ends.into_iter().enumerate() {
            out.push(block.piece(start..end, Piece { index: index as u32, count, quotes }));
            start = end;
        }
    }
    *blocks = out;
}

/// Where the pieces of `text` end (the last at its end): after a whitespace byte outside
/// every quotation, at a sentence's end if one is in the second half of the piece's room, else
/// at the last such space within it, else at the first after it. Also how many outermost
/// quoted spans it holds.
fn cuts(text: &str) -> (Vec<usize>, u32) {
    let outer: Vec<Range<usize>> =
        quotes::find(text).into_iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
    let b = text.as_bytes();
    let outside = |i: usize| {
        let k = outer.partition_point(|o| o.start <= i);
        k == 0 || outer[k - 1].end <= i
    };
    let space = |i: usize| matches!(b[i], b' ' | b'\t' | b'\n') && outside(i);
    let sentence_end = |i: usize| space(i) && i > 0 && matches!(b[i - 1], b'.' | b'!' | b'?');
    let mut ends = Vec::new();
    let mut start = 0;
    while b.len() - start > PIECE {
        let room = start + PIECE / 2..start + PIECE;
        let cut = room
            .clone()
            .rev()
            .find(|&i| sentence_end(i))
            .or_else(|| room.clone().rev().find(|&i| space(i)))
            .or_else(|| (room.end..b.len()).find(|&i| space(i)));
        let Some(i) = cut else { break };
        ends.push(i + 1);
        start = i + 1;
    }
    ends.push(b.len());
    // A file of four billion quotations is larger than any quotelint reads.
    (ends, outer.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cut is after a space outside quotations, pieces are about [`PIECE`] long, and
    /// the pieces put together are the text.
    #[test]
    fn cuts_fall_between_quotations() {
        let text = "word \"a b c d\" ".repeat(3 * PIECE / 16 + 7);
        let (ends, quotes) = cuts(&text);
        assert_eq!(quotes as usize, 3 * PIECE / 16 + 7);
        assert!(ends.len() >= 3, "{ends:?}");
        assert_eq!(*ends.last().unwrap(), text.len());
        let mut start = 0;
        for &end in &ends {
            assert!(end - start <= PIECE || end == text.len(), "{start}..{end}");
            assert_eq!(quotes::find(&text[start..end]).iter().filter(|q| !q.closed).count(), 0);
            start = end;
        }
    }

    /// A sentence's end is preferred to any other space.
    #[test]
    fn cuts_prefer_a_sentence_end() {
        let sentence = "Someone said \"one two three\" there. ";
        let text = format!("{}{}", sentence.repeat(PIECE / sentence.len() + 2), "x ".repeat(PIECE));
        for end in cuts(&text).0.iter().filter(|&&e| e < text.len()) {
            assert!(text[..*end].ends_with(". ") || text[..*end].ends_with("x "), "{end}");
        }
        assert!(text[..cuts(&text).0[0]].ends_with(". "));
    }

    /// A quotation longer than a piece is not cut: the piece grows to hold it.
    #[test]
    fn a_long_quotation_is_never_cut() {
        let text = format!("Before \"{}\" after.", "word ".repeat(PIECE));
        let (ends, _) = cuts(&text);
        let quote_end = text.rfind('"').unwrap();
        assert!(ends.iter().all(|&e| e <= text.find('"').unwrap() || e > quote_end), "{ends:?}");
    }

    /// Each piece keeps its links and its source map: a piece's text maps back to the same
    /// source bytes as the paragraph's.
    #[test]
    fn pieces_map_to_the_source() {
        let body = "A [link](https://example.org) and &amp; \"quoted words here\" again. ".repeat(30_000);
        let source = format!("{body}\n");
        let mut doc = crate::markdown::parse(&source);
        assert_eq!(doc.blocks.len(), 1);
        let whole = doc.blocks[0].clone();
        cut_long_paragraphs(&mut doc.blocks);
        assert!(doc.blocks.len() > 10, "{}", doc.blocks.len());
        let mut at = 0;
        for (i, piece) in doc.blocks.iter().enumerate() {
            let count = doc.blocks.len() as u32;
            assert_eq!(piece.piece, Some(Piece { index: i as u32, count, quotes: 30_000 }));
            assert_eq!(piece.text, whole.text[at..at + piece.text.len()]);
            for offset in [0, 5, piece.text.len() / 2, piece.text.len()] {
                assert_eq!(
                    piece.to_source(offset),
                    whole.to_source(at + offset),
                    "piece {i} offset {offset}"
                );
            }
            for link in &piece.links {
                assert_eq!(&piece.text[link.text.clone()], "link");
            }
            at += piece.text.len();
        }
        assert_eq!(at, whole.text.len());
        assert_eq!(doc.blocks.iter().map(|b| b.links.len()).sum::<usize>(), whole.links.len());
    }
}
