//! From prose blocks to what the checks look at: quotations with their speaker, date and
//! citation; events named with a date; misspelt dates. Everything here is in block-text
//! offsets until the end, where ranges are mapped back to source bytes.

mod attribution;
mod blockquotes;
mod citations;
mod context;
pub mod dates;
mod events;
mod lexicon;
pub mod quotes;
mod sentences;
mod statement_date;
mod words;

use std::ops::Range;

use regex::Regex;

use crate::date::PartialDate;
use crate::markdown::{BlockKind, Document};
use crate::names::NameIndex;
use crate::record::Record;
use attribution::attribute;
use blockquotes::blockquote;
use blockquotes::is_attribution_line;
use citations::{is_cited, paren_citations};
use context::{Article, BlockContext};
use events::events;
use lexicon::{DEBUNK_PHRASES, DENIAL_OPENINGS};
use statement_date::{date_candidates, nearest_date, statement_date};
use words::within;

/// A quotation in an article, as the checks see it.
#[derive(Debug, Clone)]
pub struct Quotation {
    /// Source byte range, from the opening mark to the closing mark.
    pub range: Range<usize>,
    /// The quoted words as a reader reads them (inline markup removed).
    pub text: String,
    pub speaker: Attribution,
    pub date: Option<Dated>,
    pub cited: bool,
    pub blockquote: bool,
}

/// Who the article says spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// No speech cue, or one naming nobody in the record, or more than one person.
    None,
    /// A person of the record, named at this source range.
    Person { person: usize, mention: Range<usize> },
}

impl Attribution {
    pub fn person(&self) -> Option<usize> {
        match self {
            Attribution::Person { person, .. } => Some(*person),
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
}

/// Extracts quotations, dated events and misspelt dates from a parsed article.
pub fn extract(doc: &Document, record: &Record, names: &NameIndex, options: &Options) -> Extraction {
    let mut out =
        Extraction { article_date: article_date(doc).or(options.article_date), ..Default::default() };
    let article = Article::new(doc.source);
    let contexts: Vec<BlockContext> =
        doc.blocks.iter().map(|b| BlockContext::new(b, record, &article, names, out.article_date)).collect();
    for pair in contexts.windows(2) {
        if pair[0].block.blockquote.is_none() && pair[0].block.kind != BlockKind::Footnote {
            pair[1].previous_person.set(pair[0].last_person());
        }
    }
    let mut done_blockquotes = rustc_hash::FxHashSet::default();
    for (bi, ctx) in contexts.iter().enumerate() {
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
        let found = out.quotations.len();
        if let Some(group) = ctx.block.blockquote {
            if done_blockquotes.insert(group) {
                out.quotations.extend(blockquote(&contexts, bi, group, doc, options));
            }
        } else if !(is_attribution_line(ctx.text()) && bi > 0 && contexts[bi - 1].block.blockquote.is_some())
        {
            quotations(ctx, doc, options, &mut out.quotations);
        }
        if out.quotations.len() > found && debunked(&contexts, bi) {
            for q in &mut out.quotations[found..] {
                q.speaker = Attribution::None;
                q.date = None;
            }
        }
    }
    out
}

/// The quotations of block `first` are reproduced to be debunked ("The line often credited to
/// X …", "It wasn't X."): its text, or the paragraph after it (after a blockquote and its
/// attribution line), says so. Such an article asserts no speaker or date for them.
fn debunked(contexts: &[BlockContext], first: usize) -> bool {
    let mut next = first + 1;
    if let Some(group) = contexts[first].block.blockquote {
        next = (first..contexts.len()).find(|&i| contexts[i].block.blockquote != Some(group)).unwrap_or(next);
    }
    if contexts.get(next).is_some_and(|c| is_attribution_line(c.text()) && c.block.blockquote.is_none()) {
        next += 1;
    }
    let says_so = |c: &BlockContext| {
        let lower = c.text().to_lowercase();
        DEBUNK_PHRASES.iter().any(|p| lower.contains(p))
            || DENIAL_OPENINGS.iter().any(|opening| {
                // A name follows: a capital letter (the block's names are not read when it
                // quotes nothing).
                c.text().match_indices(opening).any(|(at, _)| {
                    c.text()[at + opening.len()..].chars().next().is_some_and(char::is_uppercase)
                })
            })
    };
    (first..next).chain([next]).filter_map(|i| contexts.get(i)).any(says_so)
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

fn quotations(ctx: &BlockContext, doc: &Document, options: &Options, out: &mut Vec<Quotation>) {
    // Most blocks quote nothing: the citation tests below read the whole block.
    if ctx.outer.is_empty() {
        return;
    }
    let cited = is_cited(ctx, doc, options);
    let titles: Vec<Range<usize>> = paren_citations(ctx.text()).collect();
    for q in ctx.quotes.iter().filter(|q| q.depth == 0) {
        if within(&titles, &q.outer) {
            continue; // a title inside a parenthetical citation
        }
        let sentence = ctx.near(ctx.sentence_of(q.outer.start), &q.outer);
        // A date first (roles need one), from the quotation's position; then the speaker; then
        // the date again, anchored at the speech verb.
        let candidates = date_candidates(ctx, &sentence);
        let first_date = nearest_date(ctx, &candidates, q.outer.start);
        let hint = |_: usize| first_date.as_ref().map(|d| d.date);
        let cue = attribute(ctx, q, &sentence, &hint);
        let date = statement_date(ctx, &candidates, &sentence, &q.outer, &cue);
        let speaker = cue.speaker;
        let inner = &ctx.text()[q.inner.clone()];
        if speaker == Attribution::None && crate::normalize::has_fewer_words(inner, options.min_words) {
            continue; // a term or scare quote
        }
        out.push(Quotation {
            range: ctx.block.source_range(q.outer.clone()),
            text: inner.to_owned(),
            speaker,
            date,
            cited,
            blockquote: false,
        });
    }
}

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
        assert_eq!(q.text, "We are not talking about the strengthening of NATO.");
        assert_eq!(q.speaker.person().map(|p| RECORD.people[p].id.as_str()), Some("major"));
        assert_eq!(q.date.map(|d| d.date.to_string()), Some("1991-03".into()));
        assert!(q.blockquote);
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
