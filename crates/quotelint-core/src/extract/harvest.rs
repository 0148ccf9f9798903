//! What `quotelint rules harvest` needs beyond what the checks read: for each extracted
//! quotation, the article's sentence (for an `examples` entry), its citation (a link's URL, a
//! footnote's, a named outlet), the occasion when the sentence states one, and the proper
//! name of a speaker the record lacks, when the clause names one clearly.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use quotelint_text::lexicon::lexicon;

use super::attribution::Cue;
use super::blockquotes::is_attribution_line;
use super::citations::paren_citations;
use super::context::{Article, BlockContext, Contexts};
use super::lexicon::{CueList, NEWS_OUTLETS};
use super::statement_date::{date_candidates, statement_date};
use super::words::words_of;
use super::{Options, Quotation};
use crate::date::{PartialDate, MONTHS, WEEKDAYS};
use crate::markdown::{BlockKind, Document, PLACEHOLDER};
use crate::names::NameIndex;
use crate::record::Record;

/// What the article says around one quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The quotation's sentence as a reader reads it (inline markup removed), as Markdown that
    /// reads the same: a blockquote with its attribution line for a blockquote.
    pub sentence: String,
    /// The paragraph up to the end of that sentence, for a speaker named before the sentence
    /// ("He said …"); the same as `sentence` for a blockquote.
    pub lead: String,
    /// Where the sentence starts in the source, to tell whether the speaker is named in it.
    pub sentence_start: usize,
    pub url: Option<String>,
    /// A publication named as the source: a news outlet, a parenthetical citation, a
    /// footnote's text without a URL.
    pub publication: Option<String>,
    pub occasion: Option<String>,
    /// For a quotation attributed to no one of the record: the proper name the clause gives
    /// its speaker, when it gives one clearly ("said Anna Kowalczyk", "Anna Kowalczyk told").
    pub new_speaker: Option<String>,
    /// The date of the new speaker's words, read as `check` reads a known speaker's.
    pub new_speaker_date: Option<PartialDate>,
}

/// Gives `each` a reading of each of `quotations` (as [`super::extract`] gave them for `doc`,
/// in order) for which `wanted` holds, as it is made: readings are not collected, so that a
/// file of millions of quotations costs the memory of one. The work per quotation is bounded
/// ([`BlockContext::near`]'s window around it; the paragraph's own citation found once per
/// block), so a paragraph of millions of them stays linear.
pub fn for_each_reading(
    doc: &Document,
    record: &Record,
    names: &NameIndex,
    options: &Options,
    quotations: &[Quotation],
    wanted: &dyn Fn(usize) -> bool,
    each: &mut dyn FnMut(usize, Reading),
) {
    let article = Article::new(doc.source);
    let article_date = super::article_date(doc).or(options.article_date);
    let mut contexts = Contexts::new(&doc.blocks, record, &article, names, article_date);
    let footnotes = footnote_citations(doc.source);
    let mut paragraph: Option<(usize, Citation)> = None;
    for (i, q) in quotations.iter().enumerate().filter(|(i, _)| wanted(*i)) {
        // The prose block holding the quotation's opening mark.
        let bi = doc
            .blocks
            .partition_point(|b| b.range.start <= q.range.start)
            .checked_sub(1)
            .filter(|&i| doc.blocks[i].kind != BlockKind::Footnote);
        let Some(bi) = bi else {
            each(i, Reading::default());
            continue;
        };
        // Blocks before this one are not read again (quotations come in document order; one
        // read again would be built again).
        contexts.release_before(bi);
        let reading = if q.blockquote {
            blockquote_reading(&contexts, bi, doc, q, &footnotes)
        } else {
            let ctx = &contexts[bi];
            if paragraph.as_ref().is_none_or(|(b, _)| *b != bi) {
                paragraph = Some((bi, paragraph_citation(ctx, &footnotes)));
            }
            let whole = &paragraph.as_ref().expect("just set").1;
            paragraph_reading(ctx, q, &footnotes, whole)
        };
        each(i, reading);
    }
}

/// A citation: a URL, and a publication named as the source.
#[derive(Debug, Clone, Default)]
struct Citation {
    url: Option<String>,
    publication: Option<String>,
}

/// A footnote's citation: its first link's URL (or bare URL) and its text.
#[derive(Debug, Clone, Default)]
struct FootnoteCitation {
    url: Option<String>,
    text: String,
}

/// Every footnote definition's citation, by label, read with pulldown-cmark as the article is.
fn footnote_citations(source: &str) -> HashMap<String, FootnoteCitation> {
    let mut out: HashMap<String, FootnoteCitation> = HashMap::new();
    let mut current: Option<String> = None;
    let options = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_FOOTNOTES | MdOptions::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                current = Some(label.to_string());
                out.entry(label.to_string()).or_default();
            }
            Event::End(TagEnd::FootnoteDefinition) => current = None,
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(c) = current.as_ref().and_then(|l| out.get_mut(l)) {
                    c.url.get_or_insert_with(|| dest_url.to_string());
                }
            }
            Event::Text(t) => {
                if let Some(c) = current.as_ref().and_then(|l| out.get_mut(l)) {
                    if c.text.len() < MAX_PUBLICATION {
                        c.text.push_str(&t);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = current.as_ref().and_then(|l| out.get_mut(l)) {
                    c.text.push(' ');
                }
            }
            _ => {}
        }
    }
    for c in out.values_mut() {
        if c.url.is_none() {
            c.url = bare_url(&c.text);
        }
        c.text = one_line(&c.text);
    }
    out
}

/// A publication's text is cut to this many bytes (a footnote may be a paragraph).
const MAX_PUBLICATION: usize = 300;

fn paragraph_reading(
    ctx: &BlockContext,
    q: &Quotation,
    footnotes: &HashMap<String, FootnoteCitation>,
    whole: &Citation,
) -> Reading {
    let text = ctx.text();
    let block = ctx.block;
    // The quote in block text whose source range starts where the quotation does (quotes are
    // in order, and so are their source ranges).
    let k = ctx.quotes.partition_point(|x| block.to_source(x.outer.start) < q.range.start);
    let Some(quote) = ctx.quotes[k..]
        .iter()
        .take_while(|x| block.to_source(x.outer.start) == q.range.start)
        .find(|x| x.depth == 0)
    else {
        return Reading::default();
    };
    // The quotation may run on past its first part ("'…,' he said, '…'"): to its last mark.
    let end = ctx.quotes[k..]
        .iter()
        .take_while(|x| block.to_source(x.outer.start) < q.range.end)
        .filter(|x| x.depth == 0 && block.source_range(x.outer.clone()).end <= q.range.end)
        .map(|x| x.outer.end)
        .max()
        .unwrap_or(quote.outer.end)
        .max(quote.outer.end);
    let whole_quote = quote.outer.start..end;
    let first = ctx.sentence_of(quote.outer.start);
    let mut last = ctx.sentence_of(end.saturating_sub(1));
    // A quotation ending its sentence, followed by "Anna Kowalczyk said.": that sentence too.
    let rest = ctx.near(last.start.max(end)..last.end.max(end), &(end..end));
    if text[rest].trim().trim_matches(|c: char| c.is_ascii_punctuation()).is_empty() {
        let k = ctx.sentences.partition_point(|s| s.start < last.end.max(end));
        if let Some(next) = ctx.sentences.get(k) {
            last = next.clone();
        }
    }
    // Within reach of the quotation, as extraction reads a sentence.
    let sentence = ctx.near(first.start..last.end.max(end), &whole_quote);
    // The sentence before, for a speaker named there ("He said …").
    let before = first.start.checked_sub(1).map(|b| ctx.sentence_of(b)).filter(|b| b.start < first.start);
    let lead = before.map_or(sentence.clone(), |b| ctx.near(b.start..sentence.end, &whole_quote));
    // A speaker the record lacks, and the date of their words, read as for a known one.
    let new = if q.speaker.person().is_none() {
        let Some((name, verb, subject)) = new_speaker(ctx, &sentence, &whole_quote) else {
            return Reading::default(); // nobody to propose it for: nothing more to read
        };
        let near = ctx.near(ctx.sentence_of(quote.outer.start), &quote.outer);
        let candidates = date_candidates(ctx, &near);
        let cue = Cue { speaker: super::Attribution::None, verb, subject, noun: false, read_to: near.end };
        Some((name, statement_date(ctx, &candidates, &near, &quote.outer, &cue).map(|d| d.date)))
    } else {
        None
    };
    let here = citation(ctx, &sentence, footnotes);
    let (url, publication) = (here.url.or(whole.url.clone()), here.publication.or(whole.publication.clone()));
    Reading {
        sentence: as_markdown(&text[sentence.clone()]),
        lead: as_markdown(&text[lead]),
        sentence_start: block.to_source(sentence.start),
        url,
        publication,
        occasion: occasion(ctx, &sentence),
        new_speaker: new.as_ref().map(|(name, _)| name.clone()),
        new_speaker_date: new.and_then(|(_, date)| date),
    }
}

fn blockquote_reading(
    contexts: &Contexts,
    bi: usize,
    doc: &Document,
    q: &Quotation,
    footnotes: &HashMap<String, FootnoteCitation>,
) -> Reading {
    let Some(group) = doc.blocks[bi].blockquote else { return Reading::default() };
    // The group's blocks, and its attribution line: its last paragraph, or the one after it
    // (as `blockquotes::blockquote` reads them).
    let members: Vec<usize> =
        (bi..doc.blocks.len()).take_while(|&i| doc.blocks[i].blockquote == Some(group)).collect();
    let last = *members.last().unwrap_or(&bi);
    let attribution = if members.len() > 1 && is_attribution_line(&doc.blocks[last]) {
        Some(last)
    } else {
        doc.blocks
            .get(last + 1)
            .filter(|b| b.blockquote.is_none() && is_attribution_line(b))
            .map(|_| last + 1)
    };
    let mut sentence = format!("> {}", as_markdown(&q.text));
    let mut url = None;
    let mut publication = None;
    let mut new = None;
    let mut occasion_found = None;
    for &i in members.iter().chain(attribution.iter()) {
        let ctx = &contexts[i];
        let c = paragraph_citation(ctx, footnotes);
        url = url.or(c.url);
        publication = publication.or(c.publication);
    }
    if let Some(a) = attribution {
        let ctx = &contexts[a];
        let line = one_line(&ctx.text().replace(PLACEHOLDER, " "));
        let line = line.trim();
        let dashed = ["—", "–", "--", "―"].iter().any(|d| line.starts_with(d));
        let signature = if dashed { line.to_owned() } else { format!("— {line}") };
        sentence.push_str(&format!("\n>\n> {}", escape(&signature, false)));
        occasion_found = occasion(ctx, &(0..ctx.text().len()));
        if q.speaker.person().is_none() {
            new = signature_name(ctx);
        }
    }
    sentence.push('\n');
    Reading {
        lead: sentence.clone(),
        sentence,
        sentence_start: q.range.start,
        url,
        publication,
        occasion: occasion_found,
        new_speaker: new,
        new_speaker_date: None,
    }
}

/// The citation in `sentence` of a block: the URL of a link or footnote in it, or a bare URL;
/// a news outlet named in it.
fn citation(
    ctx: &BlockContext,
    sentence: &Range<usize>,
    footnotes: &HashMap<String, FootnoteCitation>,
) -> Citation {
    let text = ctx.text();
    let block = ctx.block;
    let web = |u: &str| u.starts_with("http://") || u.starts_with("https://");
    // Links and footnote marks are in text order: those in the sentence by binary search.
    let from = block.links.partition_point(|l| l.text.start < sentence.start);
    let link = block.links[from..]
        .iter()
        .take_while(|l| l.text.start < sentence.end)
        .find(|l| l.text.end <= sentence.end && web(&l.url))
        .map(|l| l.url.clone());
    let from = block.footnotes.partition_point(|(_, r)| r.start < sentence.start);
    let note = block.footnotes[from..]
        .iter()
        .take_while(|(_, r)| r.start < sentence.end)
        .find_map(|(label, _)| footnotes.get(label).and_then(|n| n.url.clone()));
    Citation {
        url: link.or(note).or_else(|| bare_url(&text[sentence.clone()])),
        publication: outlet(&text[sentence.clone()]),
    }
}

/// The citation of a whole block, read once for all its quotations: its first web link, its
/// first footnote's URL, a bare URL; a news outlet, a parenthetical citation or a footnote's
/// text (without a URL) as the publication.
fn paragraph_citation(ctx: &BlockContext, footnotes: &HashMap<String, FootnoteCitation>) -> Citation {
    let all = 0..ctx.text().len();
    let mut c = citation(ctx, &all, footnotes);
    let text = ctx.text();
    let notes = || ctx.block.footnotes.iter().filter_map(|(label, _)| footnotes.get(label));
    c.url = c.url.or_else(|| notes().find_map(|n| n.url.clone()));
    let paren = paren_citations(text)
        .next()
        .map(|r| text[r.start + 1..r.end - 1].trim().to_owned())
        .filter(|p| !p.is_empty());
    let footnote_text = notes().find(|n| n.url.is_none() && !n.text.is_empty()).map(|n| n.text.clone());
    c.publication = c.publication.or(paren).or(footnote_text);
    c
}

/// The first news organization named in `text`, as a word of its own (the longest at a place).
fn outlet(text: &str) -> Option<String> {
    let word_edge = |s: &str, at: usize| s[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    NEWS_OUTLETS
        .iter()
        .filter_map(|o| {
            text.match_indices(o)
                .find(|(at, _)| {
                    word_edge(text, *at)
                        && text[at + o.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                })
                .map(|(at, _)| (at, std::cmp::Reverse(o.len()), *o))
        })
        .min()
        .map(|(_, _, o)| o.to_owned())
}

/// The first URL written out in `text`, without the punctuation that ends its sentence.
fn bare_url(text: &str) -> Option<String> {
    let at = text.find("https://").or_else(|| text.find("http://"))?;
    let url: String = text[at..].chars().take_while(|c| !c.is_whitespace() && *c != PLACEHOLDER).collect();
    let url = url.trim_end_matches(['.', ',', ';', ':', ')', ']', '>', '"', '\'', '”', '’']);
    (url.len() > "https://".len()).then(|| url.to_owned())
}

const OCCASION_OPENERS: &[&str] = lexicon().occasion_openers;
const OCCASION_STOPS: &[&str] = lexicon().occasion_stops;

/// The occasion `sentence` states, outside its quotations: "in an interview with Der
/// Spiegel" gives "Interview with Der Spiegel", "at the Munich Security Conference" gives
/// "Munich Security Conference". "at the …" counts only with a capitalized name in it ("at
/// the time" is no occasion).
fn occasion(ctx: &BlockContext, sentence: &Range<usize>) -> Option<String> {
    let text = &ctx.text()[sentence.clone()];
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None; // lower-casing moved offsets (rare letters): no occasion read
    }
    let mut best: Option<(usize, String)> = None;
    for opener in OCCASION_OPENERS {
        let Some(at) = lower.match_indices(opener).map(|(i, _)| i).find(|&i| {
            (i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphanumeric())
                && !ctx.in_quote(&(sentence.start + i..sentence.start + i + opener.len()))
        }) else {
            continue;
        };
        // From after the preposition ("in", "at", "during") and an article.
        let rest = &text[at..];
        let rest = rest.split_once(' ').map_or("", |(_, r)| r);
        let rest =
            ["a ", "an ", "the ", "his ", "her "].iter().find_map(|a| rest.strip_prefix(a)).unwrap_or(rest);
        let mut words: Vec<&str> = Vec::new();
        for w in rest.split(' ') {
            let bare = w.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
            let stop = w.is_empty()
                || w.starts_with(['"', '“', '”', '\'', '‘', '(', PLACEHOLDER])
                || OCCASION_STOPS.contains(&bare.to_lowercase().as_str())
                || MONTHS.contains(&bare)
                || bare.chars().next().is_some_and(|c| c.is_ascii_digit())
                || words.len() >= 10;
            if stop {
                break;
            }
            if !bare.is_empty() {
                words.push(bare);
            }
            if bare.len() < w.len() {
                break; // punctuation ends it
            }
        }
        if words.is_empty() {
            continue;
        }
        let generic = *opener == "at the";
        if generic && !words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        let mut phrase = words.join(" ");
        if let Some(first) = phrase.get(..1) {
            phrase = first.to_uppercase() + &phrase[1..];
        }
        if best.as_ref().is_none_or(|(b, _)| at < *b) {
            best = Some((at, phrase));
        }
    }
    best.map(|(_, p)| p)
}

const TITLES: &[&str] = lexicon().name_titles;
const NOT_NAMES: &[&str] = lexicon().not_names;
const PARTICLES: &[&str] = lexicon().particles;

/// The clear proper name at the start (`forward`) or end of `text`: two to five name words
/// (initials and particles inside allowed), titles before it left out; `None` when the run
/// holds anything but a person's name.
fn name_at(text: &str, forward: bool) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let is_name_word = |w: &str| {
        let mut chars = w.chars();
        let first = chars.next().is_some_and(char::is_uppercase);
        let rest: Vec<char> = chars.collect();
        let initial = rest == ['.'];
        let letters = rest.iter().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        let some_lower = rest.iter().any(|c| c.is_lowercase());
        first
            && (initial || (letters && some_lower))
            && !NOT_NAMES.contains(&w)
            && !MONTHS.contains(&w)
            && !WEEKDAYS.contains(&w)
    };
    let ok = |w: &str| is_name_word(w) || TITLES.contains(&w) || PARTICLES.contains(&w);
    // The run of name-like words at that end.
    let run: Vec<&str> = if forward {
        tokens.iter().copied().take_while(|w| ok(w)).collect()
    } else {
        let mut r: Vec<&str> = tokens.iter().rev().copied().take_while(|w| ok(w)).collect();
        r.reverse();
        r
    };
    let start = run.iter().position(|w| !TITLES.contains(w))?;
    let name = &run[start..];
    let clear = (2..=5).contains(&name.len())
        && is_name_word(name[0])
        && is_name_word(name[name.len() - 1])
        && !name[name.len() - 1].ends_with('.')
        && !name.iter().any(|w| TITLES.contains(w));
    clear.then(|| name.join(" "))
}

/// Whether the record names anyone within `range` of the block (mentions are in order; no name
/// is longer than a few hundred bytes, so one starting well before cannot reach it).
fn knows(ctx: &BlockContext, range: &Range<usize>) -> bool {
    let from = ctx.mentions.partition_point(|m| m.range.start + MAX_NAME < range.start);
    ctx.mentions[from..].iter().take_while(|m| m.range.start < range.end).any(|m| m.range.end > range.start)
}

/// Longer than any name of a person, role or event written in prose.
const MAX_NAME: usize = 512;

/// Whether `text` is `name` with nothing before it but titles ("Defence Minister").
fn covers(text: &str, name: &str) -> bool {
    text.trim()
        .strip_suffix(name)
        .is_some_and(|titles| titles.split_whitespace().all(|w| TITLES.contains(&w)))
}

/// The proper name the clause of a quotation at `quote` gives its speaker, when the record
/// names nobody there: `"…," said Anna Kowalczyk`, `"…," Anna Kowalczyk said`, `according to
/// Anna Kowalczyk, "…"`, `Anna Kowalczyk(, an analyst,) told … "…"`. A name the record knows in
/// the clause makes it unclear: nothing.
fn new_speaker(
    ctx: &BlockContext,
    sentence: &Range<usize>,
    quote: &Range<usize>,
) -> Option<(String, usize, usize)> {
    let text = ctx.text();
    // The name as found in `region`: unclear when the record names anyone in it.
    // The name as found in `region`, where it stands and where its speech verb does:
    // unclear when the record names anyone in it.
    let name_ok = |name: &str, region: &Range<usize>, verb: Option<usize>| {
        let at = region.start + text[region.clone()].find(name)?;
        (!knows(ctx, &(at..at + name.len()))).then(|| (name.to_owned(), verb.unwrap_or(at), at))
    };
    let verb = |s: &str| {
        let words = words_of(s);
        words.len() == 1 && words[0].is(CueList::SpeechVerb) && s.trim() == &s[words[0].range()]
    };
    // After the quotation: ", said NAME" or ", NAME said", to the sentence's end or a comma.
    let after_start = quote.end;
    let after = &text[after_start..sentence.end];
    let clause_end = after.find([',', '.', ';', '(']).unwrap_or(after.len());
    let clause = after[..clause_end].trim_start_matches([',', ' ', '\n']);
    let clause_start = after_start + (after[..clause_end].len() - clause.len());
    let region = clause_start..clause_start + clause.len();
    if let Some((v, rest)) = clause.split_once(' ') {
        if verb(v) {
            // The name, then nothing or a phrase in lower case ("said Anna Kowalczyk in Riga").
            let ends_clause = |n: &String| {
                rest.trim_start().strip_prefix(n.as_str()).is_some_and(|after| {
                    after.trim().is_empty() || after.trim_start().starts_with(|c: char| c.is_lowercase())
                })
            };
            if let Some(name) = name_at(rest, true).filter(ends_clause) {
                return name_ok(&name, &region, Some(clause_start));
            }
        }
    }
    if let Some((head, v)) = clause.trim_end().rsplit_once(' ') {
        if verb(v) {
            if let Some(name) = name_at(head, false).filter(|n| covers(head, n)) {
                return name_ok(&name, &region, Some(clause_start + head.len() + 1));
            }
        }
    }
    // Before it: "according to NAME," right before the quotation.
    let before = &text[sentence.start..quote.start];
    let lead = before.trim_end().trim_end_matches([',', ':']).trim_end();
    if let Some(i) = lead.to_lowercase().rfind("according to ") {
        if lead.is_char_boundary(i) {
            let rest = &lead[i + "according to ".len()..];
            if let Some(name) = name_at(rest, true).filter(|n| covers(rest, n)) {
                return name_ok(&name, &(sentence.start + i..quote.start), None);
            }
        }
    }
    // The sentence opens with the name and a speech verb, or the name, an appositive between
    // commas and the verb; no other speech verb stands between it and the quotation.
    let verbs: Vec<_> = ctx.verbs_in(&(sentence.start..quote.start)).collect();
    let [v] = verbs.as_slice() else { return None };
    let subject = text[sentence.start..v.range().start].trim();
    let subject = match subject.strip_suffix(',') {
        Some(s) => match s.split_once(',') {
            Some((name, aside)) if aside.split_whitespace().count() <= 8 => name.trim(),
            _ => return None,
        },
        None => subject,
    };
    let name = name_at(subject, true).filter(|n| covers(subject, n))?;
    name_ok(&name, &(sentence.start..v.range().end), Some(v.range().start))
}

/// The name an attribution line signs with: `— Anna Kowalczyk, March 2021`, `— Anna
/// Kowalczyk to the Sejm, 2021`.
fn signature_name(ctx: &BlockContext) -> Option<String> {
    let text = ctx.text();
    let line = text.trim_start().trim_start_matches(['—', '–', '-', '―', ' ']);
    let start = text.len() - line.len();
    let end = line.find([',', '(', PLACEHOLDER]).unwrap_or(line.len());
    let head = line[..end].split(" to ").next().unwrap_or("").trim_end();
    let name = name_at(head, true).filter(|n| covers(head, n))?;
    (!knows(ctx, &(0..start + head.len()))).then_some(name)
}

/// `text` on one line: line breaks and runs of spaces as one space, placeholders left out.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == PLACEHOLDER)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Prose as Markdown that reads as the same text: on one line, with the characters Markdown
/// would read as markup escaped.
fn as_markdown(text: &str) -> String {
    escape(&one_line(text), true)
}

/// Backslash-escapes Markdown's punctuation in `text` (a dash opening it too when `lead`).
fn escape(text: &str, lead: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let opens_block = i == 0 && lead && matches!(c, '-' | '+' | '#' | '>' | '=' | '|');
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' | '!' | '&') || opens_block
        {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. …" opening a line is a list item.
    if lead {
        if let Some(dot) = out.find(['.', ')']) {
            if dot > 0 && out[..dot].bytes().all(|b| b.is_ascii_digit()) {
                out.insert(dot, '\\');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::LoadOptions;
    use std::sync::LazyLock;

    static RECORD: LazyLock<Record> =
        LazyLock::new(|| Record::load(&LoadOptions::default()).expect("default record"));
    static NAMES: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::new(&RECORD));

    fn read(src: &str) -> Vec<Reading> {
        let doc = crate::markdown::parse(src);
        let qs = super::super::extract(&doc, &RECORD, &NAMES, &Options::default()).quotations;
        let mut out = Vec::new();
        for_each_reading(&doc, &RECORD, &NAMES, &Options::default(), &qs, &|_| true, &mut |_, r| out.push(r));
        out
    }

    fn one(src: &str) -> Reading {
        let mut r = read(src);
        assert_eq!(r.len(), 1, "{src}: {r:?}");
        r.remove(0)
    }

    #[test]
    fn a_clear_name_the_record_lacks() {
        let r = one("\"Our ports will stay open to every allied ship,\" said Marta Illescas on 3 May 2021.");
        assert_eq!(r.new_speaker_date.map(|d| d.to_string()).as_deref(), Some("2021-05-03"));
        let q = "\"Our ports will stay open to every allied ship.\"";
        for (src, name) in [
            (format!("{q} said Marta Illescas Ruiz."), Some("Marta Illescas Ruiz")),
            (format!("{q} Marta Illescas said, in Lisbon."), Some("Marta Illescas")),
            (format!("According to Marta Illescas, {q}"), Some("Marta Illescas")),
            (format!("Defence Minister Marta Illescas told reporters {q}"), Some("Marta Illescas")),
            (format!("Marta Illescas, a retired admiral, said {q}"), Some("Marta Illescas")),
            // A surname alone, a body, a pronoun, a name the record knows: no clear new name.
            (format!("{q} Illescas said."), None),
            (format!("{q} the White House said."), None),
            (format!("{q} she said."), None),
            (format!("The Foreign Ministry said {q}"), None),
            (format!("Sources close to Marta Illescas said {q}"), None),
        ] {
            assert_eq!(one(&src).new_speaker.as_deref(), name, "{src}");
        }
        let signed = one(&format!("> {}\n>\n> — Marta Illescas, March 2021\n", &q[1..q.len() - 1]));
        assert_eq!(signed.new_speaker.as_deref(), Some("Marta Illescas"));
        assert!(signed.sentence.starts_with("> Our ports") && signed.sentence.contains("\n>\n> — Marta"));
    }

    #[test]
    fn citations_sentences_and_occasions() {
        let r = one("Nobody argued. \"Our ports will stay open to every allied ship,\" said Marta Illescas in an interview with El País on 3 May 2021 ([link](https://example.org/a)). Then *more*.\n");
        assert_eq!(r.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(r.publication.as_deref(), Some("El País"));
        assert_eq!(r.occasion.as_deref(), Some("Interview with El País"));
        assert!(r.sentence.starts_with("\"Our ports") && r.sentence.ends_with("(link)."), "{}", r.sentence);
        assert!(r.lead.starts_with("Nobody argued."));
        let r = one("Marta Illescas said at the Munich Security Conference that \"our ports will stay open to every allied ship.\"[^1]\n\n[^1]: Speech, https://example.org/speech.\n");
        assert_eq!(r.url.as_deref(), Some("https://example.org/speech"));
        assert_eq!(r.occasion.as_deref(), Some("Munich Security Conference"));
        let r = one("Marta Illescas said at the time that \"our ports will stay open to every allied ship.\"[^n]\n\n[^n]: Diário de Notícias, 4 May 2021.\n");
        assert_eq!(r.url, None);
        assert_eq!(r.occasion, None);
        assert_eq!(r.publication.as_deref(), Some("Diário de Notícias, 4 May 2021."));
    }

    #[test]
    fn examples_read_as_their_sentence() {
        assert_eq!(escape("*a* [b] 1. `c` <d>", true), "\\*a\\* \\[b\\] 1. \\`c\\` \\<d\\>");
        assert_eq!(escape("1. item", true), "1\\. item");
        assert_eq!(escape("- item", true), "\\- item");
        // Markdown that reads as the text it was made from.
        let src =
            "He said *\"we stay\"* [here](https://x.org) — `a` <b> c_d \\* 1. x & y &amp; [^1]\n\n[^1]: n\n";
        let read = crate::markdown::parse(src).blocks[0].text.clone();
        let again = crate::markdown::parse(&as_markdown(&read)).blocks[0].text.clone();
        assert_eq!(again, one_line(&read));
    }
}
