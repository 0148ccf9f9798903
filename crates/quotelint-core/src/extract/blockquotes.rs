//! Blockquotes: one quotation each, with the attribution line that names its speaker.

use std::ops::Range;

use quotelint_text::lexicon::lexicon;

use super::citations::is_cited;
use super::context::{BlockContext, Contexts};
use super::{Attribution, Dated, Options, Quotation};
use crate::date::PartialDate;
use crate::markdown::{Block, Document, PLACEHOLDER};

/// Blockquotes used as callouts, not quotations: "> **Note:** …", "> [!WARNING] …".
pub(super) fn is_callout(text: &str) -> bool {
    const LABELS: &[&str] = lexicon().callout_labels;
    let t = text.trim_start();
    if t.starts_with("[!") {
        return true;
    }
    let head = t.split(':').next().unwrap_or("").trim().to_lowercase();
    t.contains(':') && head.len() < 20 && LABELS.contains(&head.as_str())
}

/// Whether a paragraph reads as a quotation's attribution line, when it sits right after a
/// blockquote or as its last paragraph: a dash line (`— Name, date`), an italic line
/// (`*Hurd to Genscher, 6 February 1990*[^1]`) or a parenthetical line (`(Name, date)` and a
/// link). An italic or parenthetical line is short, quotes nothing, and has after its italics
/// or parentheses nothing but a citation (a footnote, link or URL) and punctuation.
pub(super) fn is_attribution_line(block: &Block) -> bool {
    let text = block.text.trim_end();
    let t = text.trim_start();
    if t.starts_with('—') || t.starts_with('–') || t.starts_with("--") || t.starts_with('―') {
        return true;
    }
    let start = text.len() - t.len();
    // Italics from the line's first character, or a parenthesis from it, closed with none
    // inside: where they end.
    let end = if let Some(e) = block.leading_emphasis {
        e
    } else if let Some(inside) = t.strip_prefix('(') {
        match inside.find([')', '(']).map(|i| start + 1 + i) {
            Some(close) if text.as_bytes()[close] == b')' => close + 1,
            _ => return false,
        }
    } else {
        return false;
    };
    end > start + 1
        && text[start..end].split_whitespace().count() <= MAX_ATTRIBUTION_WORDS
        && !t.contains(['"', '“', '”', '„', '«', '»'])
        && only_citation(block, end)
}

/// An attribution line is at most this many words before its citation.
const MAX_ATTRIBUTION_WORDS: usize = 16;

/// Whether the block's text from `from` holds nothing but citations (links, footnote marks,
/// URLs) and punctuation.
fn only_citation(block: &Block, from: usize) -> bool {
    let text = &block.text;
    let mut at = from;
    let mut links = block.links.iter().filter(|l| l.text.start >= from).map(|l| l.text.clone()).peekable();
    let mut rest = String::new();
    while at < text.len() {
        match links.peek() {
            Some(l) if l.start <= at => {
                at = at.max(l.end);
                links.next();
            }
            Some(l) => {
                rest.push_str(&text[at..l.start.min(text.len())]);
                at = l.start;
            }
            None => {
                rest.push_str(&text[at..]);
                at = text.len();
            }
        }
    }
    rest.split_whitespace().all(|token| {
        let bare = token.trim_matches(|c: char| c.is_ascii_punctuation() || c == PLACEHOLDER);
        bare.is_empty() || super::citations::has_bare_url(token)
    })
}

/// The person an attribution line or a table's speaker cell names in `range`: the one person
/// its names resolve to (at `date`, for roles and namesakes), or nobody. In "X to Y" the
/// speaker is X, the one addressed Y.
pub(super) fn named_speaker(
    ctx: &BlockContext,
    range: &Range<usize>,
    date: Option<PartialDate>,
) -> Attribution {
    let text = ctx.text();
    let mut end = range.end;
    if let Some(first) = ctx.mentions_in(range).next() {
        let after = &text[first.range.end..range.end];
        if after.trim_start().starts_with("to ") {
            end = first.range.end;
        }
    }
    let people: Vec<(usize, Range<usize>)> = ctx
        .mentions_in(&(range.start..end))
        .filter_map(|m| ctx.resolve(m, date).map(|p| (p, m.range.clone())))
        .collect();
    match people.first() {
        Some((p, m)) if people.iter().all(|(q, _)| q == p) => {
            Attribution::person_at(*p, ctx.block.source_range(m.clone()))
        }
        _ => Attribution::None,
    }
}

/// A blockquote is one quotation; its attribution line (`— Name, date`) is its last paragraph
/// or the paragraph right after it.
pub(super) fn blockquote(
    contexts: &Contexts,
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
        if is_attribution_line(contexts[last].block) && members.len() > 1 {
            attribution = Some(last);
            body.pop();
        } else if let Some(next) = contexts.get(last + 1) {
            if next.block.blockquote.is_none() && is_attribution_line(next.block) {
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
        date = ctx
            .dates
            .first()
            .map(|d| Dated { date: d.date, range: ctx.block.source_range(d.range.clone()) })
            .or_else(|| bare_year(ctx));
        speaker = named_speaker(ctx, &line, date.as_ref().map(|d| d.date));
    }
    // "In Munich, Putin asked:" before the blockquote, when its attribution line names no one.
    if speaker == Attribution::None {
        if let Some(intro) = &contexts[first].introduced {
            speaker = intro.speaker.clone();
            date = date.or_else(|| intro.date.clone());
        }
    }
    // "> … He said at the time that: 'the fact that …'": a blockquote that quotes someone else
    // inside it makes no claim that its own speaker said the words it quotes.
    if let Some(person) = speaker.person() {
        if body.iter().any(|&i| quotes_someone_else(&contexts[i], person)) {
            speaker = Attribution::None;
            date = None;
        }
    }
    let text = text.trim().trim_matches(['"', '“', '”']).to_owned();
    // A blockquote of a dash line alone, or of a few words with no speaker (a note, a
    // heading-like aside), is not a quotation.
    if body.iter().all(|&i| is_attribution_line(contexts[i].block))
        || (speaker == Attribution::None && crate::normalize::has_fewer_words(&text, options.min_words))
        || is_callout(&text)
    {
        return None;
    }
    Some(Quotation {
        range,
        text: text.into(),
        speaker,
        date: date.map(Box::new),
        cited,
        blockquote: true,
        by_someone_else: false,
    })
}

/// A year standing alone after a comma in an attribution line ("— Mikhail Gorbachev, 2009 (quoted
/// in …)"): the statement's year, which a bare year elsewhere is not.
fn bare_year(ctx: &BlockContext) -> Option<Dated> {
    let text = ctx.text();
    ctx.words.iter().find_map(|w| {
        let word = &text[w.range()];
        let after_comma = text[..w.range().start].trim_end().ends_with(',');
        let alone =
            text[w.range().end..].chars().next().is_none_or(|c| c.is_whitespace() || c == ',' || c == '.');
        let year = (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
            .then(|| PartialDate::parse(word).ok())
            .flatten()
            .filter(|d| (1900..2100).contains(&d.year))?;
        (after_comma && alone).then(|| Dated { date: year, range: ctx.block.source_range(w.range()) })
    })
}

/// A block of a blockquote quotes, with a speech cue, someone other than `speaker`.
fn quotes_someone_else(ctx: &BlockContext, speaker: usize) -> bool {
    ctx.quotes.iter().filter(|q| q.depth == 0).any(|q| {
        let sentence = ctx.near(ctx.sentence_of(q.outer.start), &q.outer);
        let cue = super::attribution::attribute(ctx, q, &sentence, &|_| None);
        cue.speaker.person().is_some_and(|p| p != speaker)
    })
}
