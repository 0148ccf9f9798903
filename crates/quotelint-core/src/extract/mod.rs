//! From prose blocks to what the checks look at: quotations with their speaker, date and
//! citation; events named with a date; misspelt dates. Everything here is in block-text
//! offsets until the end, where ranges are mapped back to source bytes.

mod attribution;
mod blockquotes;
mod citations;
mod context;
pub mod dates;
mod debunk;
mod events;
pub mod harvest;
mod lexicon;
mod pieces;
pub mod quotes;
mod sentences;
mod statement_date;
mod tables;
mod words;

use std::ops::Range;

use regex::Regex;

use crate::date::PartialDate;
use crate::markdown::{BlockKind, Document};
use crate::names::NameIndex;
use crate::record::{Record, SpeakerKind};
use crate::scan::trailing_word;
use blockquotes::blockquote;
use blockquotes::is_attribution_line;
use citations::{block_is_cited, is_cited, paren_citations};
use context::{Article, BlockContext, Contexts};
use debunk::undo_debunked;
use events::events;
pub(crate) use pieces::cut_long_paragraphs;
use words::within;

/// A quotation in an article, as the checks see it: 72 bytes and its text, since a file may
/// hold millions of them until its checks have run (the rarely set date behind a pointer).
#[derive(Debug, Clone)]
pub struct Quotation {
    /// Source byte range, from the opening mark to the closing mark.
    pub range: Range<usize>,
    /// The quoted words as a reader reads them (inline markup removed).
    pub text: Box<str>,
    pub speaker: Attribution,
    pub date: Option<Box<Dated>>,
    pub cited: bool,
    pub blockquote: bool,
    /// The article gives the words to someone it names but the record does not hold ("a
    /// retired colonel told me that '…'"): they are that person's words, whatever remark they
    /// contain, so they are no misquotation of it.
    pub by_someone_else: bool,
}

/// Who the article says spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// No speech cue, or one naming nobody in the record, or more than one person.
    None,
    /// A person of the record (an index of `Record::people`), named at this source range.
    Person { person: u32, mention: Range<usize> },
}

impl Attribution {
    /// The person of the record at index `person`, named at `mention`.
    pub fn person_at(person: usize, mention: Range<usize>) -> Self {
        // A record of four billion people would not load.
        Attribution::Person { person: person as u32, mention }
    }

    pub fn person(&self) -> Option<usize> {
        match self {
            Attribution::Person { person, .. } => Some(*person as usize),
            Attribution::None => None,
        }
    }
}

/// A date and where it is written (source bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub date: PartialDate,
    pub range: Range<usize>,
}

/// A recorded event named with a date right next to it.
#[derive(Debug, Clone)]
pub struct EventDate {
    pub event: usize,
    pub name: Range<usize>,
    pub date: Dated,
}

/// A date whose month is misspelt.
#[derive(Debug, Clone)]
pub struct MalformedDate {
    pub range: Range<usize>,
    pub written: String,
    pub meant: &'static str,
    pub date: PartialDate,
}

/// What a repository's configuration changes in how articles are read.
#[derive(Debug, Clone)]
pub struct Options {
    /// An unattributed quoted span is a quotation from this many words.
    pub min_words: usize,
    /// Extra patterns that count as a citation in a paragraph ("according to the Kyiv
    /// Independent", a newsroom's own source line).
    pub citation_patterns: Vec<Regex>,
    /// The article's date when its front matter gives none.
    pub article_date: Option<PartialDate>,
}

impl Default for Options {
    fn default() -> Self {
        Options { min_words: 4, citation_patterns: Vec::new(), article_date: None }
    }
}

/// Everything the checks need from one article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub quotations: Vec<Quotation>,
    pub events: Vec<EventDate>,
    pub malformed: Vec<MalformedDate>,
    pub article_date: Option<PartialDate>,
    /// The article has footnote definitions (`[^1]: …`): its citations are footnotes.
    pub footnotes: bool,
}

/// Extracts quotations, dated events and misspelt dates from a parsed article.
pub fn extract(doc: &Document, record: &Record, names: &NameIndex, options: &Options) -> Extraction {
    let mut out = Extraction {
        article_date: article_date(doc).or(options.article_date),
        footnotes: doc.blocks.iter().any(|b| b.kind == BlockKind::Footnote),
        ..Default::default()
    };
    let article = Article::new(doc.source);
    let mut contexts = Contexts::new(&doc.blocks, record, &article, names, out.article_date);
    let mut done_blockquotes = rustc_hash::FxHashSet::default();
    let mut tables = tables::Tables::default();
    // The level of the reference-list heading ("References", "Sources") the blocks are under.
    let mut references: Option<u8> = None;
    // Quotations in headings, checked where the body quotes them again.
    let mut in_headings: Vec<usize> = Vec::new();
    // Whether the paragraph being read in pieces is cited (in any of its pieces).
    let mut pieces_cited = false;
    for bi in 0..contexts.len() {
        if let Some(piece) = doc.blocks[bi].piece.filter(|p| p.index == 0) {
            let pieces = &doc.blocks[bi..bi + piece.count as usize];
            pieces_cited = pieces.iter().any(|b| {
                block_is_cited(b, || std::borrow::Cow::Owned(words::words_of(&b.text)), doc, options)
            });
            // Room for all of its quotations at once, as for a paragraph read whole below.
            out.quotations.reserve_exact(piece.quotes as usize);
        }
        // Nothing looks back at a block before this one, but a table at its header and its
        // row's cells: outside tables, the blocks read are released.
        if doc.blocks[bi].cell.is_none() {
            contexts.release_before(bi);
        }
        let ctx = &contexts[bi];
        for d in &ctx.dates {
            if let Some((written, meant)) = d.misspelt.as_deref() {
                out.malformed.push(MalformedDate {
                    range: ctx.block.source_range(d.range.clone()),
                    written: written.clone(),
                    meant,
                    date: d.date,
                });
            }
        }
        if ctx.block.kind == BlockKind::Footnote {
            continue;
        }
        events(ctx, names, &mut out.events);
        if let Some(group) = ctx.block.blockquote {
            if done_blockquotes.insert(group) {
                let before = out.quotations.len();
                out.quotations.extend(blockquote(&contexts, bi, group, doc, options));
                undo_debunked(&contexts, bi, &mut out.quotations[before..]);
            }
            continue;
        }
        if is_attribution_line(ctx.block) && bi > 0 && doc.blocks[bi - 1].blockquote.is_some() {
            continue;
        }
        let level = ctx.block.heading_level;
        if level > 0 {
            if is_reference_section(ctx.text()) {
                references = Some(level);
            } else if references.is_some_and(|r| level <= r) {
                references = None;
            }
        }
        if references.is_some() && ctx.block.kind == BlockKind::ListItem {
            continue; // a reference list: its quoted spans are titles
        }
        let before = out.quotations.len();
        // At most one quotation per quoted span of depth 0. A paragraph of millions of them
        // gets room for all at once: grown by doubling, the vector was copied at each step,
        // both copies held.
        let spare = out.quotations.capacity() - out.quotations.len();
        if ctx.outer.len() > spare {
            out.quotations.reserve_exact(ctx.outer.len().max(out.quotations.len()));
        }
        let cited = ctx.block.piece.map(|_| pieces_cited);
        quotations(ctx, doc, options, cited, &mut out.quotations);
        if ctx.block.cell.is_some_and(|c| c.row > 0) {
            tables.apply(&contexts, bi, doc, options, &mut out.quotations[before..]);
        }
        if level > 0 {
            in_headings.extend(before..out.quotations.len());
        }
        undo_debunked(&contexts, bi, &mut out.quotations[before..]);
    }
    drop_repeated_headlines(&mut out.quotations, &in_headings);
    out
}

/// Whether a heading opens a reference list: "References", "Sources", "Further reading".
fn is_reference_section(heading: &str) -> bool {
    let h = heading.trim().trim_end_matches([':', '.']).trim().to_lowercase();
    lexicon::REFERENCE_SECTIONS.contains(&h.as_str())
}

/// A heading quotation longer than this is read as any other quotation.
const MAX_HEADLINE_WORDS: usize = 16;

/// Removes the quotations of headings (`in_headings`, indices into `quotations`) whose words
/// the body quotes again: a headline's quotation is checked where the body quotes it.
fn drop_repeated_headlines(quotations: &mut Vec<Quotation>, in_headings: &[usize]) {
    if in_headings.is_empty() {
        return;
    }
    // An apostrophe inside a word stays ("Russia's"); at its edge it is a quote mark nested in
    // the quotation ("remains 'an emotional and neuralgic' issue"), not part of the word.
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map(|w| w.trim_matches(['\'', '’']))
            .filter(|w| !w.is_empty())
            .map(|w| w.replace('’', "'").to_lowercase())
            .collect()
    };
    let body: Vec<Vec<String>> = (0..quotations.len())
        .filter(|i| in_headings.binary_search(i).is_err())
        .map(|i| words(&quotations[i].text))
        .collect();
    // Every run of the body's words as long as a heading quotation, in a set: linear in the
    // body for each of the (few, short) lengths, however many headings quote.
    let heads: Vec<(usize, Vec<String>)> = in_headings
        .iter()
        .map(|&i| (i, words(&quotations[i].text)))
        .filter(|(_, w)| (1..=MAX_HEADLINE_WORDS).contains(&w.len()))
        .collect();
    let mut lengths: Vec<usize> = heads.iter().map(|(_, w)| w.len()).collect();
    lengths.sort_unstable();
    lengths.dedup();
    let runs: rustc_hash::FxHashSet<&[String]> =
        lengths.iter().flat_map(|&n| body.iter().flat_map(move |b| b.windows(n))).collect();
    let repeated: Vec<usize> =
        heads.iter().filter(|(_, head)| runs.contains(head.as_slice())).map(|(i, _)| *i).collect();
    let mut i = 0;
    quotations.retain(|_| {
        i += 1;
        repeated.binary_search(&(i - 1)).is_err()
    });
}

/// `date:` of the front matter.
fn article_date(doc: &Document) -> Option<PartialDate> {
    let date = doc.metadata.date.as_ref()?;
    let s = match date {
        serde_norway::Value::String(s) => s.clone(),
        serde_norway::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    PartialDate::parse(s.get(..10).unwrap_or(&s))
        .or_else(|_| PartialDate::parse(s.get(..7).unwrap_or(&s)))
        .ok()
}

/// The quotations of a block; `cited` is given for a piece of a paragraph (whose citation may
/// be in another piece).
fn quotations(
    ctx: &BlockContext,
    doc: &Document,
    options: &Options,
    cited: Option<bool>,
    out: &mut Vec<Quotation>,
) {
    // Most blocks quote nothing: the citation tests below read the whole block.
    if ctx.outer.is_empty() {
        return;
    }
    let cited = cited.unwrap_or_else(|| is_cited(ctx, doc, options));
    let titles: Vec<Range<usize>> = paren_citations(ctx.text()).collect();
    let text = ctx.text();
    let mut top = ctx
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        // A title inside a parenthetical citation, the whole text of a link, an event's title,
        // a citation's title, an outlet's name.
        .filter(|q| {
            !within(&titles, &q.outer)
                && !is_link_text(ctx, q)
                && !is_event_title(ctx, q)
                && !is_cited_title(ctx, q)
                && !is_piece_title(ctx, q)
                && !is_book_title(ctx, q)
                && !is_outlet_name(ctx, q)
        })
        .peekable();
    // The quotation before, its end and what the sentence says of it.
    let mut before: Option<(usize, Attribution, Option<Dated>)> = None;
    while let Some(q) = top.next() {
        // "'NATO,' he said, 'would not move…'": one quotation, split by its cue.
        let rest = top.next_if(|r| is_split_by_cue(ctx, q, r));
        let (mut speaker, mut date) = speaker_and_date(ctx, q);
        // "“First, …⏎“Second, …,” he said": a quotation left open where the next opens a line
        // continues in it, and has its speaker.
        if speaker == Attribution::None && !q.closed {
            if let Some(next) = top.peek() {
                (speaker, date) = speaker_and_date(ctx, next);
            }
        }
        // "referred to Putin as a 'dictator' or 'tyrant'": one list, one speaker.
        if let Some((end, first_speaker, first_date)) = before.take().filter(|_| speaker == Attribution::None)
        {
            if joins_list(&text[end..q.outer.start]) {
                (speaker, date) = (first_speaker, first_date);
            }
        }
        let mut inner = text[q.inner.clone()].to_owned();
        let mut outer = q.outer.clone();
        if let Some(r) = rest {
            if speaker == Attribution::None {
                (speaker, date) = speaker_and_date(ctx, r);
            }
            inner.push(' ');
            inner.push_str(&text[r.inner.clone()]);
            outer.end = r.outer.end;
        }
        before = Some((outer.end, speaker.clone(), date.clone()));
        let short = crate::normalize::has_fewer_words(&inner, options.min_words);
        if short
            && ((speaker == Attribution::None && !ctx.spoken_by_unrecorded_name(q))
                || after_possessive(text, q.outer.start)
                || after_term_lead(text, q.outer.start)
                || after_what_is_called(ctx, q.outer.start))
        {
            continue; // a term or scare quote; "NATO's 'Article 5'" names a thing, not words
        }
        let by_someone_else = speaker == Attribution::None && ctx.spoken_by_someone_unnamed(q);
        out.push(Quotation {
            range: ctx.block.source_range(outer),
            text: inner.into_boxed_str(),
            speaker,
            date: date.map(Box::new),
            cited,
            blockquote: false,
            by_someone_else,
        });
    }
}

/// Whether the text between two quotations joins them as one list: a comma ("'A', 'B'"), or
/// one word of [`lexicon::LIST_CONJUNCTIONS`] ("'A' or 'B'"), maybe with an article ("'an A'
/// and an 'B'"). Not a comma and a conjunction:
/// "…'A', and 'B' was the word critics used" more often opens a new clause.
fn joins_list(between: &str) -> bool {
    let between = between.trim();
    // "…" and an "…": an article before the second quotation belongs to it.
    let between = lexicon::ARTICLES
        .iter()
        .find_map(|a| {
            let rest = between.get(..between.len().checked_sub(a.len())?)?;
            (between[rest.len()..].eq_ignore_ascii_case(a) && rest.ends_with(' ')).then(|| rest.trim_end())
        })
        .unwrap_or(between);
    is_list_joint(between, false)
}

/// Whether `between` (trimmed) is what joins the items of a list: a comma or a word of
/// [`lexicon::LIST_CONJUNCTIONS`], or, when `comma_and`, a comma and such a word.
fn is_list_joint(between: &str, comma_and: bool) -> bool {
    let conjunction = |w: &str| lexicon::LIST_CONJUNCTIONS.iter().any(|c| w.eq_ignore_ascii_case(c));
    between == ","
        || conjunction(between)
        || (comma_and && between.strip_prefix(',').is_some_and(|rest| conjunction(rest.trim_start())))
}

/// Who the quotation's sentence says spoke it, and when.
fn speaker_and_date(ctx: &BlockContext, q: &quotes::Quote) -> (Attribution, Option<Dated>) {
    let sentence = ctx.near(ctx.sentence_of(q.outer.start), &q.outer);
    let (speaker, date) = attribution::cue_and_date(ctx, q, &sentence);
    // A quotation opening its paragraph, with no cue of its own, after a paragraph ending
    // "Peskov told reporters:".
    if let (Attribution::None, Some(intro)) = (&speaker, &ctx.introduced) {
        if ctx.text()[..q.outer.start].trim().is_empty() {
            return (intro.speaker.clone(), intro.date.clone());
        }
    }
    (speaker, date)
}

/// Whether the text before `at` ends with a possessive and a space: "NATO's ", "the allies' ".
fn after_possessive(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    before.len() < at
        && (before.ends_with("'s")
            || before.ends_with("’s")
            || before.ends_with("s'")
            || before.ends_with("s’"))
}

/// Whether the text before `at` ends with a word of [`lexicon::TERM_LEADS`], and "of" after a
/// noun: "the so-called ", "the formula of "; or with "as" after a verb of going under a name
/// ([`lexicon::NAMED_AS_VERBS`]), maybe with an adverb between: "writing anonymously as ",
/// "known as ".
fn after_term_lead(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let Some(mut word) = crate::scan::last_word(before) else { return false };
    if word.eq_ignore_ascii_case("as") && before.ends_with(word) {
        let mut rest = before[..before.len() - word.len()].trim_end();
        let mut verb = trailing_word(rest);
        if let Some(adverb) = verb.filter(|w| quotelint_text::lexicon::lexicon().is_adverb(w)) {
            rest = rest[..rest.len() - adverb.len()].trim_end();
            verb = trailing_word(rest);
        }
        return verb.is_some_and(|v| lexicon::NAMED_AS_VERBS.iter().any(|n| v.eq_ignore_ascii_case(n)));
    }
    if word.eq_ignore_ascii_case("of") {
        let rest = before[..before.len() - word.len()].trim_end();
        match trailing_word(rest) {
            Some(noun) => word = noun,
            None => return false,
        }
    } else if !before.ends_with(word) {
        return false;
    }
    // "so-called" is read whole: its last word is "called".
    let so_called = word.eq_ignore_ascii_case("called")
        && before
            .len()
            .checked_sub(9)
            .and_then(|i| before.get(i..))
            .is_some_and(|t| t.eq_ignore_ascii_case("so-called"));
    so_called || lexicon::TERM_LEADS.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// Whether the span at `at` is a term named by an impersonal clause: "what Moscow calls a ",
/// "what in Russia is called ", "what is known as ": a naming verb ([`lexicon::NAMING_VERBS`];
/// "known" with "as"), maybe an article, "what" at most six words before the verb, and no
/// person named between them, by name or pronoun. "What Putin called a '…'" and "what he
/// called a '…'" are someone's words, not a term.
fn after_what_is_called(ctx: &BlockContext, at: usize) -> bool {
    let last = trailing_word;
    let text = ctx.text();
    let mut before = text[..at].trim_end();
    if let Some(article) =
        last(before).filter(|w| lexicon::ARTICLES.iter().any(|a| w.eq_ignore_ascii_case(a)))
    {
        before = before[..before.len() - article.len()].trim_end();
    }
    let as_ = last(before).filter(|w| w.eq_ignore_ascii_case("as"));
    if let Some(as_) = as_ {
        before = before[..before.len() - as_.len()].trim_end();
    }
    let Some(verb) = last(before)
        .filter(|w| lexicon::NAMING_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)))
        .filter(|w| w.eq_ignore_ascii_case("known") == as_.is_some())
    else {
        return false;
    };
    // "what" among the six words before the verb: the naming clause.
    let clause_end = before.len() - verb.len();
    let mut rest = text[..clause_end].trim_end();
    for _ in 0..6 {
        let Some(word) = last(rest) else { return false };
        let start = rest.len() - word.len();
        if word.eq_ignore_ascii_case("what") {
            let clause = start..clause_end;
            let pronoun = text[clause.clone()]
                .split(|c: char| !c.is_alphabetic())
                .any(|w| lexicon::NAMING_PRONOUNS.iter().any(|p| w.eq_ignore_ascii_case(p)));
            return !pronoun && !ctx.mentions_in(&clause).any(|m| m.is_person());
        }
        rest = rest[..start].trim_end();
    }
    false
}

/// Whether a quoted span is a recorded title: it starts with a name of at least three words of
/// one of the record's events or documents, `“Founding Act on Mutual Relations, Cooperation and Security
/// between NATO and the Russian Federation”` — a document's title, not speech.
fn is_event_title(ctx: &BlockContext, q: &quotes::Quote) -> bool {
    let text = ctx.text();
    let inner = &text[q.inner.clone()];
    let lead = inner.len() - inner.trim_start().len();
    let start = q.inner.start + lead;
    let start = if text[start..].starts_with("the ") || text[start..].starts_with("The ") {
        start + 4
    } else {
        start
    };
    let from = ctx.mentions.partition_point(|m| m.range.start < start);
    ctx.mentions[from..].iter().take_while(|m| m.range.start == start).any(|m| {
        let document = m.person().is_some_and(|p| ctx.record.people[p].kind == SpeakerKind::Document);
        m.range.end <= q.inner.end
            && (m.events().next().is_some() || document)
            && text[m.range.clone()].split_whitespace().count() >= 3
    })
}

/// Whether a quoted span is the title in a bibliographic citation: in title case, followed by
/// "by", a name and, in the same sentence, a year ("“Hang Separately: Cooperative Security …” by
/// Leon V. Sigal, The Century Foundation Press, 2000"). A citation's title is not speech; a title
/// quoted in running prose ("a cable titled “Nyet Means Nyet: …”") still is a quoted span.
fn is_cited_title(ctx: &BlockContext, q: &quotes::Quote) -> bool {
    let text = ctx.text();
    let Some(author) = text[q.outer.end..].strip_prefix(" by ").filter(|a| a.starts_with(char::is_uppercase))
    else {
        return false;
    };
    let sentence = ctx.sentence_of(q.outer.end);
    let rest = &author[..author.len().min(sentence.end.saturating_sub(q.outer.end + 4))];
    let year = rest.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    let inner = text[q.inner.clone()].trim_end_matches([',', ' ']);
    year && is_title_case(inner) && !inner.ends_with(['.', '!', '?'])
}

/// Whether a quoted span is the title of a piece named by where it was printed: "Sarotte in
/// Foreign Affairs on “What the West Really Told Moscow”", "in The Guardian on 'Why the Talks
/// Failed'": after "in", an outlet ([`lexicon::NEWS_OUTLETS`]) and "on", a span in title case.
fn is_piece_title(ctx: &BlockContext, q: &quotes::Quote) -> bool {
    let text = ctx.text();
    let Some(rest) = text[..q.outer.start].trim_end().strip_suffix(" on") else { return false };
    let printed_in = lexicon::NEWS_OUTLETS.iter().any(|o| {
        rest.strip_suffix(o).is_some_and(|r| {
            let r = r.strip_suffix("The ").or_else(|| r.strip_suffix("the ")).unwrap_or(r);
            r.ends_with(" in ") || r == "in " || r.ends_with(" In ") || r == "In "
        })
    });
    printed_in && is_title_case(text[q.inner.clone()].trim_end_matches([',', ' ']))
}

/// Whether a quoted span is a book's title: starting with a capital and holding no sentence
/// end, either in title case or with a subtitle right after a book noun ("in his 2010 book, 'No
/// Apology: The Case for American Greatness.'") or after its author ("author of 'The Long
/// Thaw'", [`lexicon::AUTHOR_LEADS`]), or with a subtitle and "by" and a capitalized name after
/// it ("'Not One Inch: America, Russia, and the making of …' by Mary Sarotte"). Titles listed
/// together share their lead: "author of 'A' and 'B'", "the books 'A', 'B' and 'C'".
fn is_book_title(ctx: &BlockContext, q: &quotes::Quote) -> bool {
    let text = ctx.text();
    let inner = text[q.inner.clone()].trim().trim_end_matches([',', '.']);
    if !inner.starts_with(char::is_uppercase) || inner.contains(['.', '!', '?']) {
        return false;
    }
    let subtitle = inner.contains(':');
    let before = text[..title_list_start(ctx, q)].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let ends_with_any = |leads: &[&str]| leads.iter().any(|lead| crate::scan::ends_with_phrase(before, lead));
    let after_book = ends_with_any(lexicon::BOOK_NOUNS) || ends_with_any(lexicon::AUTHOR_LEADS);
    let by_author =
        text[q.outer.end..].strip_prefix(" by ").is_some_and(|a| a.starts_with(char::is_uppercase));
    (after_book && (subtitle || is_title_case(inner))) || (by_author && subtitle)
}

/// Where the list of quoted titles that `q` ends begins: the start of the first of the spans
/// in title case before it that only commas, "and" and "or" join to it ("'A', 'B' and 'C'"),
/// or `q`'s own start.
fn title_list_start(ctx: &BlockContext, q: &quotes::Quote) -> usize {
    let text = ctx.text();
    let mut start = q.outer.start;
    for p in ctx.quotes.iter().rev().filter(|p| p.depth == 0 && p.outer.end <= q.outer.start) {
        let between = text[p.outer.end..start].trim();
        let joins = is_list_joint(between, true);
        let inner = text[p.inner.clone()].trim().trim_end_matches([',', '.']);
        if !(joins && inner.starts_with(char::is_uppercase) && is_title_case(inner)) {
            break;
        }
        start = p.outer.start;
    }
    start
}

/// Whether most words of `text` longer than three letters are capitalized, as in a title;
/// prepositions and conjunctions, which titles keep in lower case at any length ("Letters from
/// the Steppe", [`lexicon::TITLE_LOWER_WORDS`]), are not counted.
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> =
        text.split_whitespace().filter(|w| w.len() > 3 && !lexicon::TITLE_LOWER_WORDS.contains(w)).collect();
    !words.is_empty()
        && words.iter().filter(|w| w.starts_with(char::is_uppercase)).count() * 5 >= words.len() * 4
}

/// Whether a quoted span is a news outlet's name: one to four words in title case, right after
/// an outlet's noun ("Merkel told the weekly newspaper \"Die Zeit\" that …") or a conversation
/// held with it ("said in an interview with \"Fakt\" that …", `INTERVIEW_NOUNS`).
fn is_outlet_name(ctx: &BlockContext, q: &quotes::Quote) -> bool {
    let text = ctx.text();
    let before = text[..q.outer.start].trim_end();
    let noun = crate::scan::last_word(before).unwrap_or("");
    let is = |word: &str, list: &[&str]| list.iter().any(|n| word.eq_ignore_ascii_case(n));
    // "in an interview with 'Fakt'": the outlet talked with.
    let with_outlet = noun.eq_ignore_ascii_case("with")
        && trailing_word(before[..before.len() - noun.len()].trim_end())
            .is_some_and(|w| is(w, lexicon::INTERVIEW_NOUNS));
    if before.len() == q.outer.start || !(is(noun, lexicon::OUTLET_NOUNS) || with_outlet) {
        return false;
    }
    let inner = text[q.inner.clone()].trim().trim_end_matches([',', '.']);
    let words: Vec<&str> = inner.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || w.len() <= 3)
}

/// Whether a quoted span is exactly a link's text (`[“Title”](url)`, `“[Title](url)”`): a
/// title, not speech.
fn is_link_text(ctx: &BlockContext, q: &quotes::Quote) -> bool {
    let text = ctx.text();
    let trimmed = |r: &Range<usize>| {
        let t = &text[r.clone()];
        let t = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
        r.start + (t.len() - t.trim_start().len())..r.start + t.len()
    };
    ctx.block.links.iter().any(|l| {
        let link = trimmed(&l.text);
        !link.is_empty() && (link == trimmed(&q.outer) || link == trimmed(&q.inner))
    })
}

/// Whether `b` continues the quotation `a`, split by a speech cue: `"…," he said, "…"` — a
/// comma ends the first part, a short clause with a speech verb and a comma stand between
/// them, and the second part starts in lower case (not a new sentence).
fn is_split_by_cue(ctx: &BlockContext, a: &quotes::Quote, b: &quotes::Quote) -> bool {
    let text = ctx.text();
    if !a.closed || a.outer.end > b.outer.start {
        return false;
    }
    let gap = &text[a.outer.end..b.outer.start];
    let comma_first = text[a.inner.clone()].trim_end().ends_with(',') || gap.trim_start().starts_with(',');
    let clause = gap.trim().trim_start_matches(',').trim_end();
    let Some(clause) = clause.strip_suffix(',') else { return false };
    let words = clause.split_whitespace().count();
    let lower_next =
        text[b.inner.clone()].chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
    comma_first
        && lower_next
        && (1..=MAX_SPLIT_CUE_WORDS).contains(&words)
        && !clause.contains(['.', ';', ':', '!', '?', '(', ')'])
        && ctx.verbs_in(&(a.outer.end..b.outer.start)).next().is_some()
}

/// The most words a cue splitting a quotation holds ("Kennan wrote in February 1997").
const MAX_SPLIT_CUE_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::LoadOptions;
    use std::sync::LazyLock;

    static RECORD: LazyLock<Record> =
        LazyLock::new(|| Record::load(&LoadOptions::default()).expect("default record"));
    static NAMES: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::new(&RECORD));

    fn one(text: &str) -> Quotation {
        let doc = crate::markdown::parse(text);
        let mut qs = extract(&doc, &RECORD, &NAMES, &Options::default()).quotations;
        assert_eq!(qs.len(), 1, "{text}: {qs:?}");
        qs.remove(0)
    }

    fn speaker(text: &str) -> Option<String> {
        one(text).speaker.person().map(|p| RECORD.people[p].id.clone())
    }

    fn date(text: &str) -> Option<String> {
        one(text).date.map(|d| d.date.to_string())
    }

    /// A file may hold millions of quotations until its checks have run (docs/performance.md).
    #[test]
    fn a_quotation_is_small() {
        assert!(std::mem::size_of::<Quotation>() <= 72, "{}", std::mem::size_of::<Quotation>());
    }

    /// A paragraph ending with a colon introduces the next one's opening quotation, or the
    /// blockquote after it; not a quotation further into its paragraph, nor one with a cue.
    #[test]
    fn a_colon_paragraph_introduces_the_next() {
        let q = "\"we will not move one inch east of here\"";
        assert_eq!(speaker(&format!("On 3 May 2001 Lavrov told the press:\n\n{q}\n")), Some("lavrov".into()));
        assert_eq!(
            date(&format!("On 3 May 2001 Lavrov told the press:\n\n{q}\n")),
            Some("2001-05-03".into())
        );
        assert_eq!(
            speaker("Putin went further:\n\n> we will not move one inch east of here\n"),
            Some("putin".into())
        );
        assert_eq!(speaker(&format!("Lavrov told the press:\n\nLater, {q}\n")), None);
        assert_eq!(speaker(&format!("Lavrov told the press:\n\n{q}, Putin said.\n")), Some("putin".into()));
        assert_eq!(speaker(&format!("A diplomat read out the words:\n\n{q}\n")), None);
        assert_eq!(speaker(&format!("# Lavrov told the press:\n\n{q}\n")), None);
    }

    /// A dash after an opening quotation, then a name with only titles before it.
    #[test]
    fn a_dash_signs_an_opening_quotation() {
        let q = "\"We will not move one inch east of here.\"";
        assert_eq!(speaker(&format!("{q} — Sergey Lavrov, Moscow, 3 May 2001")), Some("lavrov".into()));
        assert_eq!(date(&format!("{q} — Sergey Lavrov, Moscow, 3 May 2001")), Some("2001-05-03".into()));
        assert_eq!(speaker(&format!("{q} – Foreign Minister Sergey Lavrov")), Some("lavrov".into()));
        assert_eq!(speaker(&format!("{q} - Lavrov (TASS)")), Some("lavrov".into()));
        assert_eq!(speaker(&format!("{q} — a line Lavrov liked")), None);
        assert_eq!(speaker(&format!("{q} — Lavrov's favourite line")), None);
        assert_eq!(speaker(&format!("They called it {q} — Lavrov, for one, laughed.")), None);
    }

    /// "That was X on DATE." after a quotation names X and dates the words.
    #[test]
    fn a_presenting_sentence_names_the_speaker() {
        let q = "\"We will not move one inch east of here.\"";
        assert_eq!(speaker(&format!("{q} That was Sergey Lavrov on 3 May 2001.")), Some("lavrov".into()));
        assert_eq!(date(&format!("{q} That was Sergey Lavrov on 3 May 2001.")), Some("2001-05-03".into()));
        assert_eq!(speaker(&format!("{q} This was Putin, in Munich.")), Some("putin".into()));
        assert_eq!(speaker(&format!("{q} That was Putin's answer.")), None);
        assert_eq!(speaker(&format!("{q} That was before Putin spoke.")), None);
        assert_eq!(date(&format!("{q} Putin said so on 3 May 2001.")), Some("2001-05-03".into()));
    }

    /// Words of someone else around the quotation: an opening phrase reporting another
    /// person's words does not date the statement; a next sentence with its own report does not
    /// name its speaker; a citation's title is no quotation.
    #[test]
    fn other_peoples_words_neither_date_nor_name() {
        let q = "\"We will not move one inch east of here.\"";
        assert_eq!(date(&format!("Echoing what Kohl said in May 1985, Putin told the hall: {q}")), None);
        assert_eq!(
            date(&format!("When Kohl asked in May 1985, Putin told the hall: {q}")),
            Some("1985-05".into())
        );
        assert_eq!(
            speaker(&format!("They knew the line {q} Lavrov told them that talks would go on.")),
            None
        );
        assert_eq!(speaker(&format!("They knew the line {q} Lavrov said so.")), Some("lavrov".into()));
        let doc = crate::markdown::parse(
            "*From “Partners Apart: Europe and Russia” by Jane Doe, Example Press, 2001.*\n",
        );
        assert!(extract(&doc, &RECORD, &NAMES, &Options::default()).quotations.is_empty());
    }

    /// An outlet's name in quotation marks after its noun is no quotation.
    #[test]
    fn an_outlets_name_is_not_a_quotation() {
        let doc =
            crate::markdown::parse("Scholz told the weekly newspaper \"Die Zeit\" that Europe was ready.\n");
        assert!(extract(&doc, &RECORD, &NAMES, &Options::default()).quotations.is_empty());
        let doc = crate::markdown::parse("The paper \"said nothing at all about it\" yesterday.\n");
        assert_eq!(extract(&doc, &RECORD, &NAMES, &Options::default()).quotations.len(), 1);
    }

    /// "a remark by X that '…'" names X; "X's address, during which he" is X.
    #[test]
    fn a_remark_by_and_an_occasions_owner() {
        let q = "\"we will not move one inch east of here\"";
        assert_eq!(
            speaker(&format!("Putin said so, citing a remark by Lavrov that {q}.")),
            Some("lavrov".into())
        );
        assert_eq!(
            speaker(&format!(
                "Baker left. It came after Putin's address in Munich, during which he said {q}."
            )),
            Some("putin".into())
        );
    }

    #[test]
    fn speech_cues_name_the_speaker() {
        assert_eq!(
            speaker("Baker told Gorbachev: \"we will not move one inch east of here\""),
            Some("baker".into())
        );
        assert_eq!(speaker("\"We will not move one inch east of here,\" Putin said."), Some("putin".into()));
        assert_eq!(
            speaker("\"We will not move one inch east of here,\" said Lavrov."),
            Some("lavrov".into())
        );
        assert_eq!(
            speaker("According to Lavrov, \"we will not move one inch east of here.\""),
            Some("lavrov".into())
        );
        assert_eq!(
            speaker("Baker's assurance \"we will not move one inch east\" mattered."),
            Some("baker".into())
        );
        assert_eq!(
            speaker("Zakharova: \"We will not move one inch east of here.\""),
            Some("zakharova".into())
        );
    }

    #[test]
    fn pronouns_roles_and_namesakes() {
        assert_eq!(
            speaker("Gorbachev spoke next. He said \"we will not move one inch east of here.\""),
            Some("gorbachev".into())
        );
        assert_eq!(
            speaker(
                "The British prime minister said in March 1991: \"we will not move one inch east of here.\""
            ),
            Some("major".into())
        );
        // A role without a date names nobody; a bare surname shared by namesakes neither.
        assert_eq!(
            speaker("The British prime minister said: \"we will not move one inch east of here.\""),
            None
        );
        assert_eq!(speaker("Stoltenberg said: \"we will not move one inch east of here.\""), None);
        assert_eq!(
            speaker("Jens Stoltenberg said: \"we will not move one inch east of here.\""),
            Some("stoltenberg-jens".into())
        );
    }

    #[test]
    fn the_subject_of_the_clause_speaks() {
        let q = "\"We believe that NATO should not expand the scope of its activities.\"";
        // An object of a preposition is never the subject; a coordinated verb keeps its subject.
        assert_eq!(speaker(&format!("Kohl sat across from Gorbachev and told him {q}")), Some("kohl".into()));
        assert_eq!(speaker(&format!("Kohl, replying to Gorbachev, said {q}")), Some("kohl".into()));
        assert_eq!(speaker(&format!("Kohl to Gorbachev: {q}")), Some("kohl".into()));
        // A reporting aside; a relative pronoun; a new clause with its own subject.
        assert_eq!(speaker(&format!("Kohl, Genscher recalls, told Gorbachev: {q}")), Some("kohl".into()));
        assert_eq!(speaker(&format!("The line goes back to Kohl, who said {q}")), Some("kohl".into()));
        assert_eq!(speaker(&format!("Gorbachev objected, and Kohl cited the pledge that {q}")), None);
        // A pronoun in an aside is not the name it follows.
        assert_eq!(
            speaker(&format!("Genscher read the memo. Gorbachev, he wrote, heard this: {q}")),
            Some("genscher".into())
        );
    }

    #[test]
    fn only_dates_of_the_speech_act_date_a_statement() {
        let q = "\"We believe that NATO should not expand the scope of its activities.\"";
        assert_eq!(date(&format!("On 10 February 1990, Kohl told Gorbachev {q}")), Some("1990-02-10".into()));
        assert_eq!(
            date(&format!("Kohl told Gorbachev on 10 February 1990 that {q}")),
            Some("1990-02-10".into())
        );
        assert_eq!(
            date(
                "\"We believe that NATO should not expand the scope of its activities,\" Kohl said in 1991."
            ),
            Some("1991".into())
        );
        // Another clause's date, the reported content's date, a date before a relative one.
        assert_eq!(date(&format!("The talks of 1989 were over when Kohl said {q}")), None);
        assert_eq!(date(&format!("Kohl said that the talks in 1989 showed {q}")), None);
        assert_eq!(date(&format!("Kohl arrived on 8 February 1990; two days later he said {q}")), None);
        assert_eq!(
            date(&format!("Two days later, on 10 February 1990, Kohl said {q}")),
            Some("1990-02-10".into())
        );
        assert_eq!(date(&format!("- 10 February 1990 — Kohl to Gorbachev: {q}")), Some("1990-02-10".into()));
    }

    #[test]
    fn statement_dates_skip_roles_and_quoted_words() {
        let matlock = "Jack F. Matlock, US ambassador to the USSR in 1990, stated that there was a \"clear commitment that the borders would not move\".";
        assert_eq!(date(matlock), None);
        assert_eq!(speaker(matlock), Some("matlock".into()));
        let adamishin = "Anatolii Adamishin, who was Soviet deputy foreign minister in 1990, claimed in 1997 that \"we were told NATO would not expand.\"";
        assert_eq!(date(adamishin), Some("1997".into()));
        assert_eq!(
            date("Gorbachev said in October 2014: \"the pact ceased to exist in 1991 and that was all.\""),
            Some("2014-10".into())
        );
        assert_eq!(
            date("Lavrov said 18 October 2021 that \"we suspend the work of our permanent mission.\""),
            Some("2021-10-18".into())
        );
    }

    #[test]
    fn terms_titles_and_objects_are_not_quotations() {
        let doc = crate::markdown::parse(
            "Moscow says NATO and its \"eastward expansion\" is the cause. The so-called “open door policy” stays. (Coit D. Blacker, \"Russia and the West,\" in Mandelbaum, ed., 1998.)",
        );
        assert!(extract(&doc, &RECORD, &NAMES, &Options::default()).quotations.is_empty());
    }

    #[test]
    fn blockquotes_are_one_quotation_with_their_attribution_line() {
        let q =
            one("> We are not talking about\n> the strengthening of NATO.\n>\n> — John Major, March 1991\n");
        assert_eq!(&*q.text, "We are not talking about the strengthening of NATO.");
        assert_eq!(q.speaker.person().map(|p| RECORD.people[p].id.as_str()), Some("major"));
        assert_eq!(q.date.map(|d| d.date.to_string()), Some("1991-03".into()));
        assert!(q.blockquote);
    }

    #[test]
    fn table_rows_give_speaker_date_and_citation() {
        let table = "| When | Who | Words | Link |\n| --- | --- | --- | --- |\n| June 2016 | Vladimir Putin | \"Only an insane person and only in a dream can imagine it.\" | [x](https://x.org) |\n";
        let q = one(table);
        assert_eq!(q.speaker.person().map(|p| RECORD.people[p].id.as_str()), Some("putin"));
        assert_eq!(q.date.map(|d| d.date.to_string()), Some("2016-06".into()));
        assert!(q.cited);
        // No speaker column: the cell's own cue; no link in the row: not cited.
        let q = one(
            "| Claim | Verdict |\n| --- | --- |\n| Kennan wrote \"it is a fateful error indeed\" | True |\n",
        );
        assert_eq!(q.speaker.person().map(|p| RECORD.people[p].id.as_str()), Some("kennan"));
        assert!(!q.cited);
    }

    fn texts(src: &str) -> Vec<String> {
        let doc = crate::markdown::parse(src);
        extract(&doc, &RECORD, &NAMES, &Options::default())
            .quotations
            .into_iter()
            .map(|q| q.text.into())
            .collect()
    }

    #[test]
    fn italic_and_parenthetical_lines_sign_a_blockquote() {
        let q = one("> We are not talking about the strengthening of NATO.\n\n*John Major to Gorbachev, March 1991*[^1]\n\n[^1]: diary\n");
        assert_eq!(q.speaker.person().map(|p| RECORD.people[p].id.as_str()), Some("major"));
        assert_eq!(q.date.map(|d| d.date.to_string()), Some("1991-03".into()));
        assert!(q.cited);
        let q = one(
            "> We are not talking about the strengthening of NATO.\n\n(John Major, 1991)[https://x.org/a]\n",
        );
        assert_eq!(q.speaker.person().map(|p| RECORD.people[p].id.as_str()), Some("major"));
        assert!(q.cited);
        // A long italic paragraph after a blockquote is commentary, not a signature.
        let q = one("> We are not talking about the strengthening of NATO.\n\n*John Major said this in Moscow, where the mood among the generals was sour and the weather was no better than the talks.*\n");
        assert_eq!(q.speaker, Attribution::None);
    }

    #[test]
    fn a_short_term_after_a_possessive_is_not_a_quotation() {
        assert!(texts("Rasmussen said NATO's \"Article 5\" guarantee covered the Baltic states.").is_empty());
        assert!(texts("Lavrov said the allies' 'open door' was a fiction.").is_empty());
        // Four words or more, or no possessive, remain quotations of a named speaker.
        assert_eq!(texts("Rasmussen said NATO's \"door remains wide open\" now.").len(), 1);
        assert_eq!(texts("Rasmussen said \"Article 5\" applies.").len(), 1);
    }

    #[test]
    fn lists_join_by_a_comma_or_a_bare_conjunction() {
        for joined in [" and ", " or ", ", ", "  OR ", " and an ", " or the "] {
            assert!(joins_list(joined), "{joined:?}");
        }
        for apart in [", and ", " and then ", ". ", " ", " said ", ", or ", " the ", ", and a "] {
            assert!(!joins_list(apart), "{apart:?}");
        }
        // Titles listed together may take a comma before the conjunction ("'A', 'B', and 'C'").
        assert!(is_list_joint(", and", true) && is_list_joint(",", true) && !is_list_joint(", and", false));
        assert!(!is_list_joint("and then", true) && !is_list_joint("", true));
    }

    #[test]
    fn split_quotations_are_one() {
        assert_eq!(
            texts("\"NATO,\" Gorbachev told the paper, \"would not move a centimeter to the east.\""),
            ["NATO, would not move a centimeter to the east."]
        );
        // A new sentence, or a capital after the cue, starts another quotation.
        assert_eq!(texts("\"We will go home now,\" he said. \"Nothing will happen here.\"").len(), 2);
        assert_eq!(texts("\"We will go home now,\" Baker said, \"Nothing will happen here.\"").len(), 2);
    }

    #[test]
    fn titles_are_not_quotations() {
        // A link's whole text.
        assert!(texts("See [“NATO would not move a millimeter east”](https://x.org) today.").is_empty());
        assert_eq!(texts("See “[NATO would not move a millimeter east](https://x.org)”, he wrote.").len(), 0);
        // A recorded event's title.
        assert!(texts("The treaty is called the “Founding Act on Mutual Relations, Cooperation and Security between NATO and the Russian Federation”.").is_empty());
        // List items under a references heading, until a heading of the same level.
        let src = "## Sources\n\n- \"The Myth of a Pledge to Russia Again\", 2009.\n\n### Books\n\n- \"Another Long Book Title Here\"\n\n## After\n\n- He said \"the promises were real ones\".\n";
        assert_eq!(texts(src), ["the promises were real ones"]);
        // A heading's quotation repeated in the body is read there only.
        let src = "# \"What is not to understand?\" A reply\n\nPutin said: \"What is not to understand about it?\"\n";
        assert_eq!(texts(src), ["What is not to understand about it?"]);
        let src = "# \"What is not to understand?\" A reply\n\nPutin said nothing.\n";
        assert_eq!(texts(src), ["What is not to understand?"]);
    }

    #[test]
    fn events_with_an_attached_date() {
        let doc = crate::markdown::parse(
            "Russia did the same with the NATO Russia Founding Act in 1996. The 1997 NATO-Russia Founding Act stands. In 2002, long after the Founding Act, the NRC met.",
        );
        let events = extract(&doc, &RECORD, &NAMES, &Options::default()).events;
        let dates: Vec<String> = events.iter().map(|e| e.date.date.to_string()).collect();
        assert_eq!(dates, vec!["1996", "1997"]);
    }
}
