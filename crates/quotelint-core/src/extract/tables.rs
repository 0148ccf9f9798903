//! Tables: a row is a unit of attribution. A link or footnote anywhere in the row cites the
//! row's quotations; a speaker column ("Who") names their speaker, a date column ("When")
//! dates them. Header words are data in the lexicon.

use super::blockquotes::named_speaker;
use super::citations::is_cited;
use super::context::Contexts;
use super::lexicon::{DATE_HEADERS, SPEAKER_HEADERS};
use super::{Attribution, Dated, Options, Quotation};
use crate::markdown::{Cell, Document};

/// What a row says about its quotations.
#[derive(Debug, Default)]
struct Row {
    cited: bool,
    /// From the speaker column, when the table has one and the row fills it.
    speaker: Option<Attribution>,
    /// From the date column, when the table has one and the row fills it.
    date: Option<Option<Dated>>,
}

/// Reads tables row by row as extraction walks the blocks in order: each table's header and
/// each row are read once, so a table of thousands of rows costs a pass over it.
#[derive(Default)]
pub(super) struct Tables {
    /// The table whose header was read last, and its speaker and date columns.
    header: Option<(usize, Option<usize>, Option<usize>)>,
    row: Option<((usize, usize), Row)>,
}

/// Which of the header lists a header cell's text is in.
fn header_is(text: &str, list: &[&str]) -> bool {
    let t = text.trim().trim_end_matches([':', '.', '?']).trim().to_lowercase();
    list.contains(&t.as_str())
}

impl Tables {
    /// Applies the row of the table cell `contexts[at]` to `quotations`, found in that cell.
    pub(super) fn apply(
        &mut self,
        contexts: &Contexts,
        at: usize,
        doc: &Document,
        options: &Options,
        quotations: &mut [Quotation],
    ) {
        let Some(cell) = contexts[at].block.cell else { return };
        let key = (cell.table, cell.row);
        if self.header.as_ref().is_none_or(|h| h.0 != cell.table) {
            self.header = Some(header(contexts, at, cell));
        }
        if self.row.as_ref().is_none_or(|(k, _)| *k != key) {
            let (_, who, when) = self.header.expect("read above");
            self.row = Some((key, row(contexts, at, cell, who, when, doc, options)));
        }
        let Some((_, row)) = &self.row else { return };
        for q in quotations {
            q.cited |= row.cited;
            if let Some(speaker) = &row.speaker {
                q.speaker = speaker.clone();
            }
            if let Some(date) = &row.date {
                q.date = date.clone().map(Box::new);
            }
        }
    }
}

/// The speaker and date columns of the table of `contexts[at]`, from its header row (the
/// blocks of row 0 before it).
fn header(contexts: &Contexts, at: usize, cell: Cell) -> (usize, Option<usize>, Option<usize>) {
    let (mut who, mut when) = (None, None);
    let same_table = |i: &usize| contexts[*i].block.cell.is_some_and(|c| c.table == cell.table);
    for i in (0..at).rev().take_while(same_table) {
        let c = contexts[i].block.cell.expect("same table");
        if c.row == 0 {
            if header_is(contexts[i].text(), SPEAKER_HEADERS) {
                who = Some(c.column);
            } else if header_is(contexts[i].text(), DATE_HEADERS) {
                when = Some(c.column);
            }
        }
    }
    (cell.table, who, when)
}

/// Reads the row of `contexts[at]`: the blocks around it in the same table and row.
fn row(
    contexts: &Contexts,
    at: usize,
    cell: Cell,
    who: Option<usize>,
    when: Option<usize>,
    doc: &Document,
    options: &Options,
) -> Row {
    let same_row =
        |i: &usize| contexts[*i].block.cell.is_some_and(|c| c.table == cell.table && c.row == cell.row);
    let first = (0..at).rev().take_while(same_row).last().unwrap_or(at);
    let cells: Vec<usize> = (first..contexts.len()).take_while(same_row).collect();
    let column = |col: Option<usize>| {
        col.and_then(|c| {
            cells.iter().copied().find(|&i| contexts[i].block.cell.is_some_and(|x| x.column == c))
        })
    };
    let date = column(when).map(|i| {
        let ctx = &contexts[i];
        ctx.dates.first().map(|d| Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) })
    });
    let speaker = column(who).map(|i| {
        let ctx = &contexts[i];
        named_speaker(ctx, &(0..ctx.text().len()), date.clone().flatten().map(|d| d.date))
    });
    let cited = cells.iter().any(|&i| is_cited(&contexts[i], doc, options));
    Row { cited, speaker, date }
}
