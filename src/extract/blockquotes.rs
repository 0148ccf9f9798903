//! Blockquotes: one quotation each, with the attribution line that names its speaker.

use std::ops::Range;

use super::citations::is_cited;
use super::context::BlockContext;
use super::{Attribution, Dated, Options, Quotation};
use crate::markdown::Document;

/// Blockquotes used as callouts, not quotations: "> **Note:** …", "> [!WARNING] …".
pub(super) fn is_callout(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "note",
        "warning",
        "tip",
        "important",
        "caution",
        "update",
        "correction",
        "editor's note",
        "disclaimer",
    ];
    let t = text.trim_start();
    if t.starts_with("[!") {
        return true;
    }
    let head = t.split(':').next().unwrap_or("").trim().to_lowercase();
    t.contains(':') && head.len() < 20 && LABELS.contains(&head.as_str())
}

pub(super) fn is_attribution_line(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('—') || t.starts_with('–') || t.starts_with("--") || t.starts_with('―')
}

/// A blockquote is one quotation; its attribution line (`— Name, date`) is its last paragraph
/// or the paragraph right after it.
pub(super) fn blockquote(
    contexts: &[BlockContext],
    first: usize,
    group: usize,
    doc: &Document,
    options: &Options,
) -> Option<Quotation> {
    let members: Vec<usize> =
        (first..contexts.len()).take_while(|&i| contexts[i].block.blockquote == Some(group)).collect();
    let mut body = members.clone();
    let mut attribution = None;
    if let Some(&last) = members.last() {
        if is_attribution_line(contexts[last].text()) && members.len() > 1 {
            attribution = Some(last);
            body.pop();
        } else if let Some(next) = contexts.get(last + 1) {
            if next.block.blockquote.is_none() && is_attribution_line(next.text()) {
                attribution = Some(last + 1);
            }
        }
    }
    let text = body.iter().map(|&i| contexts[i].text()).collect::<Vec<_>>().join(" ");
    let range = contexts[*body.first()?].block.range.start..contexts[*body.last()?].block.range.end;
    let cited = body.iter().chain(attribution.iter()).any(|&i| is_cited(&contexts[i], doc, options));
    let mut speaker = Attribution::None;
    let mut date = None;
    if let Some(a) = attribution {
        let ctx = &contexts[a];
        let line = 0..ctx.text().len();
        date =
            ctx.dates.first().map(|d| Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) });
        let people: Vec<(usize, Range<usize>)> = ctx
            .mentions_in(&line)
            .filter_map(|m| ctx.resolve(m, date.as_ref().map(|d| d.date)).map(|p| (p, m.range.clone())))
            .collect();
        if let Some((p, m)) = people.first() {
            if people.iter().all(|(q, _)| q == p) {
                speaker = Attribution::Person { person: *p, mention: ctx.block.source_range(m.clone()) };
            }
        }
    }
    let text = text.trim().trim_matches(['"', '“', '”']).to_owned();
    // A blockquote of a dash line alone, or of a few words with no speaker (a note, a
    // heading-like aside), is not a quotation.
    if body.iter().all(|&i| is_attribution_line(contexts[i].text()))
        || (speaker == Attribution::None && crate::normalize::has_fewer_words(&text, options.min_words))
        || is_callout(&text)
    {
        return None;
    }
    Some(Quotation { range, text, speaker, date, cited, blockquote: true })
}
