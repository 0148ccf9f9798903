//! One block as extraction reads it: its quotations, names, dates, words and sentences, found
//! once and shared by the readers of speakers, statement dates and events.

use std::ops::Range;

use super::blockquotes::is_attribution_line;
use super::dates::{self, DateExpr};
use super::lexicon::{CueList, EVENT_AUXILIARIES, PERSON_PRONOUNS, VERB_ADVERBS};
use super::quotes;
use super::sentences::sentences;
use super::words::{has_digit, within, words_of, Word};
use crate::date::PartialDate;
use crate::diagnostic::{ceil_char_boundary, floor_char_boundary};
use crate::markdown::{Block, BlockKind};
use crate::names::{Mention, NameIndex, Target};
use crate::record::{Record, SpanEnd, SpeakerKind};

/// How far before and after a quotation its speaker and date are looked for, in bytes: longer
/// than any sentence that introduces a quotation.
pub(super) const REACH: usize = 400;

/// Longer than any date expression's range (the date itself, without its preposition).
pub(super) const MAX_DATE_LEN: usize = 64;

/// What one block contributes, before ranges are mapped to the source.
pub(super) struct BlockContext<'a> {
    pub(super) block: &'a Block,
    pub(super) record: &'a Record,
    pub(super) article: &'a Article<'a>,
    pub(super) quotes: Vec<quotes::Quote>,
    /// The quotations' ranges (depth 0), disjoint and in order.
    pub(super) outer: Vec<Range<usize>>,
    pub(super) mentions: Vec<Mention>,
    /// Whether `mentions` were looked for: a block with no quotation and no digit is not read.
    names_read: bool,
    /// Where a "he" or "she" opening the paragraph starts (see [`Self::opening_pronoun`]),
    /// found once: every pronoun of the paragraph asks.
    opening_pronoun: Option<usize>,
    /// `person_before[i]`: the last of `mentions[..i]` naming a person, outside quotations.
    pub(super) person_before: Vec<Option<usize>>,
    pub(super) dates: Vec<DateExpr>,
    pub(super) words: Vec<Word>,
    pub(super) sentences: Vec<Range<usize>>,
    /// The last person named (outside quotations) in the paragraph before this one, when that
    /// paragraph's names were read: what "He" opening this paragraph refers to.
    pub(super) previous_person: std::cell::Cell<Option<usize>>,
    /// Who the paragraph before this one introduces, when it ends with a colon ("Peskov told
    /// reporters:"), and when: the speaker and date of this block's opening quotation, or of
    /// the blockquote this block opens, when they name none of their own.
    pub(super) introduced: Option<Introduction>,
}

/// The speaker and date a paragraph ending with a colon gives the quotation after it.
#[derive(Debug, Clone)]
pub(super) struct Introduction {
    pub(super) speaker: super::Attribution,
    pub(super) date: Option<super::Dated>,
}

impl<'a> BlockContext<'a> {
    pub(super) fn new(
        block: &'a Block,
        record: &'a Record,
        article: &'a Article<'a>,
        names: &NameIndex,
        article_date: Option<PartialDate>,
    ) -> Self {
        let quotes = quotes::find_in_lines(&block.text, &block.line_starts);
        let outer: Vec<Range<usize>> =
            quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer.clone()).collect();
        // Quotations are read with their sentences, words and who was named before them; a
        // block with a date but no quotation only for its events and misspelt dates; and most
        // prose, with neither (every date form has digits), not at all: it can hold no finding.
        let quoting = !outer.is_empty()
            || block.blockquote.is_some()
            || is_attribution_line(block)
            || introduces(block);
        let mut context = BlockContext {
            block,
            record,
            article,
            outer,
            mentions: Vec::new(),
            names_read: false,
            opening_pronoun: None,
            person_before: Vec::new(),
            dates: Vec::new(),
            words: Vec::new(),
            quotes,
            sentences: Vec::new(),
            previous_person: std::cell::Cell::new(None),
            introduced: None,
        };
        context.opening_pronoun = context.find_opening_pronoun();
        // A table cell may name its row's speaker: its names are read, not its sentences.
        if !quoting && !has_digit(&block.text) && block.cell.is_none() {
            return context;
        }
        context.dates = dates::find(&block.text);
        if let Some(article) = article_date {
            context.dates.extend(dates::find_relative(&block.text, article));
            context.dates.sort_by_key(|d| d.range.start);
        }
        context.mentions = names.find(&block.text);
        context.names_read = true;
        if !quoting {
            return context;
        }
        context.sentences = sentences(&block.text, &context.quotes);
        context.words = words_of(&block.text);
        // For "he said": which mention is the last person named before each one, computed once
        // rather than searched backwards for every pronoun.
        let mut person_before = Vec::with_capacity(context.mentions.len() + 1);
        person_before.push(None);
        for (i, m) in context.mentions.iter().enumerate() {
            let last = *person_before.last().expect("starts with one");
            person_before.push(context.acting_person(m).map(|_| i).or(last));
        }
        context.person_before = person_before;
        context
    }

    pub(super) fn text(&self) -> &str {
        &self.block.text
    }

    /// Inside a quotation (of depth 0). Quotations are disjoint and sorted: a binary search.
    pub(super) fn in_quote(&self, range: &Range<usize>) -> bool {
        within(&self.outer, range)
    }

    /// The part of `sentence` within [`REACH`] bytes of `quote`: speaker and date are read
    /// there, so that a paragraph with no sentence ends and thousands of quotations costs each
    /// of them a window, not the paragraph.
    pub(super) fn near(&self, sentence: Range<usize>, quote: &Range<usize>) -> Range<usize> {
        let text = self.text();
        let start = ceil_char_boundary(text, sentence.start.max(quote.start.saturating_sub(REACH)));
        let end = floor_char_boundary(text, sentence.end.min(quote.end + REACH).max(start));
        start.min(quote.start)..end.max(quote.end)
    }

    pub(super) fn sentence_of(&self, at: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|s| s.start <= at);
        i.checked_sub(1).map(|i| self.sentences[i].clone()).unwrap_or(0..self.text().len())
    }

    /// The words of the first `end` bytes: those read when the block was (a block that quotes
    /// nothing is not read for words), or read now.
    pub(super) fn words_up_to(&self, end: usize) -> std::borrow::Cow<'_, [Word]> {
        if self.words.is_empty() {
            std::borrow::Cow::Owned(words_of(&self.text()[..end]))
        } else {
            std::borrow::Cow::Borrowed(self.words_in(&(0..end)))
        }
    }

    /// The words within `range`.
    pub(super) fn words_in(&self, range: &Range<usize>) -> &[Word] {
        let from = self.words.partition_point(|w| w.range().start < range.start);
        let to = self.words.partition_point(|w| w.range().end <= range.end).max(from);
        &self.words[from..to]
    }

    pub(super) fn is_verb(&self, w: &Word) -> bool {
        w.is(CueList::SpeechVerb)
    }

    /// Speech verbs in `range`, outside quotations. An iterator, not a vector: callers take the
    /// last or ask for any, several times a quotation.
    pub(super) fn verbs_in(&self, range: &Range<usize>) -> impl DoubleEndedIterator<Item = &Word> {
        self.words_in(range).iter().filter(|w| {
            self.is_verb(w)
                && !self.in_quote(&w.range())
                && !self.is_opening_participle(w)
                && !self.is_naming_participle(w)
        })
    }

    /// "a package called the 'two pillars'": "called" right after a common noun names the
    /// noun's thing; no one speaks. Not after a role ("the president called"), a pronoun, an
    /// adverb ("later called", "angrily called"), an auxiliary ("was called", "has called") or a
    /// comma.
    fn is_naming_participle(&self, w: &Word) -> bool {
        if w.kw() != "called" {
            return false;
        }
        let i = self.words.partition_point(|v| v.start < w.start);
        let Some(before) = i.checked_sub(1).map(|i| &self.words[i]) else { return false };
        let word = &self.text()[before.range()];
        self.text()[before.range().end..w.range().start].trim().is_empty()
            && word.starts_with(|c: char| c.is_lowercase())
            && !word.ends_with("ly")
            && !before.is(CueList::Role)
            && !before.is(CueList::Pronoun)
            && !before.is(CueList::PassiveAuxiliary)
            && !VERB_ADVERBS.iter().any(|a| word.eq_ignore_ascii_case(a))
            && !EVENT_AUXILIARIES.iter().any(|a| word.eq_ignore_ascii_case(a))
    }

    /// A word that opens an introductory phrase: a preposition or the like ("In", "On",
    /// "During"), or a participle ("Asked", "Pressed", "Speaking").
    pub(super) fn opens_phrase(&self, w: &Word) -> bool {
        let word = &self.text()[w.range()];
        w.is(CueList::ClauseOpener) || (word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")))
    }

    /// "Asked whether …, Peskov waved …": a participle opening its sentence is an opening phrase,
    /// not a speech verb of the sentence's subject.
    fn is_opening_participle(&self, w: &Word) -> bool {
        self.opens_phrase(w)
            && self.text()[self.sentence_of(w.range().start).start..w.range().start].trim().is_empty()
    }

    /// Names of people and roles (not events) in `range`, outside quotations.
    pub(super) fn mentions_in(&self, range: &Range<usize>) -> impl Iterator<Item = &Mention> {
        let end = range.end;
        let from = self.mentions.partition_point(|m| m.range.start < range.start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.range.start < end)
            .filter(move |m| m.range.end <= end)
            .filter(|m| m.events().next().is_none() && !self.in_quote(&m.range))
    }

    /// The person a mention names at `date`: a name naming one person, or a role with exactly one
    /// holder then. Pronouns resolve to the last person named before them in the paragraph.
    pub(super) fn resolve(&self, m: &Mention, date: Option<PartialDate>) -> Option<usize> {
        if let Some(p) = m.person() {
            return Some(p);
        }
        if !m.is_person() {
            let Some(date) = date else { return self.epithet(m) };
            let mut holders: Vec<usize> = Vec::new();
            for role in m.roles() {
                let role_id = &self.record.roles[role].id;
                for (pi, p) in self.record.people.iter().enumerate() {
                    if p.roles.iter().any(|s| &s.role == role_id && holds(s, date)) && !holders.contains(&pi)
                    {
                        holders.push(pi);
                    }
                }
            }
            if let [one] = holders.as_slice() {
                return Some(*one);
            }
            return None;
        }
        // A surname shared by namesakes ("Blinken"): the one whose recorded roles cover the
        // date, else the one whose full name the article used before it.
        let people: Vec<usize> = m
            .targets
            .iter()
            .filter_map(|t| match t {
                Target::Person(p) => Some(*p),
                _ => None,
            })
            .collect();
        if let Some(date) = date {
            let dated: Vec<usize> = people
                .iter()
                .copied()
                .filter(|&p| self.record.people[p].roles.iter().any(|s| holds(s, date)))
                .collect();
            if let [one] = dated.as_slice() {
                return Some(*one);
            }
        }
        let at = self.block.to_source(m.range.start);
        let named: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&p| self.article.named_in_full_before(self.record, p, at))
            .collect();
        match named.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// A role phrase with no date that refers back to a person already named ("Yeltsin met
    /// Clinton on the river. The Russian president warned …"): the one person named before it in
    /// the paragraph (or, when nobody is, the paragraph before's last) who ever held that role.
    /// Two such people, or none, and it names nobody.
    fn epithet(&self, m: &Mention) -> Option<usize> {
        // A mention that names no role names no one by epithet.
        m.roles().next()?;
        let held = |p: usize| m.roles().any(|r| self.ever_held(p, r));
        let before = self.mentions.partition_point(|x| x.range.end <= m.range.start);
        let mut found: Option<usize> = None;
        for p in self.mentions[..before].iter().filter_map(|x| self.acting_person(x)).filter(|&p| held(p)) {
            if found.is_some_and(|f| f != p) {
                return None;
            }
            found = Some(p);
        }
        found.or_else(|| self.previous_person.get().filter(|&p| held(p)))
    }

    /// Whether person `p` held role `r` (both indexes into the record) at any time.
    fn ever_held(&self, p: usize, r: usize) -> bool {
        let role = &self.record.roles[r].id;
        self.record.people[p].roles.iter().any(|s| &s.role == role)
    }

    /// The person a mention names: a person (not a body or a document), named outside quotations.
    pub(super) fn person_named(&self, m: &Mention) -> Option<usize> {
        m.person()
            .filter(|&p| self.record.people[p].kind == SpeakerKind::Person && !within(&self.outer, &m.range))
    }

    /// [`Self::person_named`], when not as a possessive ("Wörner's speech"): someone who may act
    /// or speak in the sentence.
    pub(super) fn acting_person(&self, m: &Mention) -> Option<usize> {
        self.person_named(m).filter(|_| !m.possessive)
    }

    /// The last person named in this paragraph, outside quotations and not as a possessive.
    pub(super) fn last_person(&self) -> Option<usize> {
        self.mentions.iter().rev().find_map(|m| self.acting_person(m))
    }

    /// Who "he" or "she" opening the next paragraph refers to: the last person this one names;
    /// when it names no one, the person before it, if it refers to them itself, by opening
    /// with "he" or "she" or by a role only they held ("Putin spoke first. ¶ The Russian
    /// president listed his grievances. ¶ He said …"). A paragraph that was not read for names
    /// (no quotation, no digit) is read for them now, when `asked`, and gives a person only
    /// when it names one.
    fn person_for_next(
        &self,
        names: &NameIndex,
        asked: bool,
        further: impl FnOnce() -> Option<usize>,
    ) -> Option<usize> {
        let found;
        let mentions: &[Mention] = if self.names_read {
            if let Some(p) = self.last_person() {
                return Some(p);
            }
            &self.mentions
        } else if asked {
            found = names.find(self.text());
            // "Putin met Biden." does not say which of them "he" is.
            let mut people = found.iter().filter_map(|m| self.acting_person(m));
            if let Some(first) = people.next() {
                return people.all(|q| q == first).then_some(first);
            }
            &found
        } else {
            return None;
        };
        // The people named otherwise: by a role ("the Russian president") or by a surname
        // several people share; events do not count.
        let others: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.person().is_none() && !within(&self.outer, &m.range))
            .filter(|m| m.roles().next().is_some() || m.events().next().is_none())
            .collect();
        if others.is_empty() && self.opening_pronoun().is_none() {
            return None;
        }
        // A paragraph that was not read when built was not asked who came before it either.
        let previous = self.previous_person.get().or_else(further)?;
        // Each must be the person before, by a role they held or a surname they share: another
        // person named either way leaves "he" open.
        let refers = |m: &&Mention| {
            m.targets.contains(&Target::Person(previous)) || m.roles().any(|r| self.ever_held(previous, r))
        };
        others.iter().all(refers).then_some(previous)
    }

    /// Where the paragraph's first word outside quotations starts, when it is "he" or "she"
    /// (`PERSON_PRONOUNS`): "He said …", "“We wait,” she said".
    pub(super) fn opening_pronoun(&self) -> Option<usize> {
        self.opening_pronoun
    }

    fn find_opening_pronoun(&self) -> Option<usize> {
        let text = self.text();
        let mut at = 0;
        for q in &self.outer {
            if text[at..q.start].trim().is_empty() {
                at = q.end;
            } else {
                break;
            }
        }
        let rest = text[at..].trim_start_matches(|c: char| !c.is_alphanumeric());
        let start = text.len() - rest.len();
        let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        PERSON_PRONOUNS.iter().any(|p| rest[..end].eq_ignore_ascii_case(p)).then_some(start)
    }

    /// The last person named before `at` in this paragraph (for "he said").
    pub(super) fn last_person_before(&self, at: usize) -> Option<(usize, Range<usize>)> {
        // "he" and "she" are people, never an organization or a document.
        let before = self.mentions.partition_point(|m| m.range.end <= at);
        // Blocks that quote nothing have no `person_before`: no one to refer to.
        let m = &self.mentions[(*self.person_before.get(before)?)?];
        Some((m.person()?, m.range.clone()))
    }

    /// The nearest subject pronoun in `range`: "he"/"she" resolve to the last person named;
    /// "it", "they", "we", "I" resolve to no one we can name.
    pub(super) fn pronoun_before(&self, range: &Range<usize>) -> Option<&Word> {
        self.words_in(range).iter().rev().find(|w| w.is(CueList::Pronoun))
    }
}

/// Whether a paragraph or list item ends with a colon: it may introduce the quotation that
/// follows it ("Peskov told reporters:").
fn introduces(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
        && block.piece.is_none()
        && block.text.trim_end().ends_with(':')
}

/// Whether `block` is what the colon ending `before` introduces: the next block, in the same
/// blockquote or opening one, that is a blockquote or starts with a quotation mark.
fn is_introduced_by(before: &Block, block: &Block) -> bool {
    let opens_blockquote = block.blockquote.is_some() && before.blockquote != block.blockquote;
    let opens_with_quote =
        block.blockquote == before.blockquote && block.text.trim_start().starts_with(quotes::is_mark);
    introduces(before)
        && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
        && (opens_blockquote || opens_with_quote)
}

/// True when the role span certainly covers `date`.
pub(super) fn holds(span: &crate::record::RoleSpan, date: PartialDate) -> bool {
    use std::cmp::Ordering::*;
    if let Some(at) = span.at.as_ref().and_then(|d| d.valid()) {
        return at.agrees_with(&date) && at.precision() >= date.precision();
    }
    let Some(from) = span.from.as_ref().and_then(|d| d.valid()) else { return false };
    let started = matches!(from.certainly_cmp(&date), Some(Less)) || (from == date);
    let not_ended = match &span.to {
        Some(SpanEnd::Present) => true,
        Some(SpanEnd::Date(d)) => {
            d.valid().is_some_and(|to| matches!(to.certainly_cmp(&date), Some(Greater)))
        }
        None => false,
    };
    started && not_ended
}

/// Every block's context, built in order as extraction first asks for it and released once
/// it has read past it: a file of a million paragraphs held a million contexts (their
/// quotes, names, words and sentences) until its last was read. A reader that looks back at
/// a released block (a table's header row and the cells of a row) gets it built again, as it
/// was.
pub(super) struct Contexts<'a> {
    blocks: &'a [Block],
    record: &'a Record,
    article: &'a Article<'a>,
    names: &'a NameIndex,
    article_date: Option<PartialDate>,
    /// Boxed: an empty slot is a pointer.
    slots: Vec<std::cell::OnceCell<Box<BlockContext<'a>>>>,
    /// `previous[i]`: block `i`'s `previous_person` (as `NO_PERSON` for none), recorded when
    /// it is first built, for building it again once the block before it is released.
    previous: std::cell::RefCell<Vec<u32>>,
    /// Slots before this one are released, but for those built again since (`rebuilt`).
    released: usize,
    rebuilt: std::cell::RefCell<Vec<usize>>,
}

const NO_PERSON: u32 = u32::MAX;

/// How many paragraphs "he" is followed back through paragraphs that were not read for names
/// when they were built (no quotation, no digit, and no "he" opening the one after).
const CHAIN_REACH: usize = 3;

impl<'a> Contexts<'a> {
    pub(super) fn new(
        blocks: &'a [Block],
        record: &'a Record,
        article: &'a Article<'a>,
        names: &'a NameIndex,
        article_date: Option<PartialDate>,
    ) -> Self {
        Contexts {
            blocks,
            record,
            article,
            names,
            article_date,
            slots: blocks.iter().map(|_| std::cell::OnceCell::new()).collect(),
            previous: std::cell::RefCell::new(Vec::with_capacity(blocks.len())),
            released: 0,
            rebuilt: Default::default(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.blocks.len()
    }

    /// Block `i` itself, without building its context.
    pub(super) fn block(&self, i: usize) -> &'a Block {
        &self.blocks[i]
    }

    /// Block `i`'s context, built now if it is not held.
    pub(super) fn get(&self, i: usize) -> Option<&BlockContext<'a>> {
        let slot = self.slots.get(i)?;
        // First built in order: a paragraph's "he" is the last person the one before it named.
        loop {
            let built = self.previous.borrow().len();
            if built >= i {
                break;
            }
            self.get(built);
        }
        Some(slot.get_or_init(|| Box::new(self.build(i))))
    }

    fn build(&self, i: usize) -> BlockContext<'a> {
        let mut context =
            BlockContext::new(&self.blocks[i], self.record, self.article, self.names, self.article_date);
        let known = self.previous.borrow().get(i).copied();
        let previous = match known {
            Some(p) => {
                self.rebuilt.borrow_mut().push(i);
                p
            }
            None => {
                let p = self
                    .person_before(i, context.opening_pronoun().is_some(), CHAIN_REACH)
                    .map_or(NO_PERSON, |p| p as u32);
                self.previous.borrow_mut().push(p);
                p
            }
        };
        context.previous_person.set((previous != NO_PERSON).then_some(previous as usize));
        context.introduced = i
            .checked_sub(1)
            .filter(|&p| is_introduced_by(&self.blocks[p], &self.blocks[i]))
            .and_then(|p| super::attribution::introduction(self.get(p)?));
        context
    }

    /// Who a "he" opening block `i` refers to (see [`BlockContext::person_for_next`]); `asked`
    /// when block `i` opens so, and `reach` the paragraphs still to look back through when the
    /// ones between were not read for names.
    fn person_before(&self, i: usize, asked: bool, reach: usize) -> Option<usize> {
        // Before a blockquote or a footnote's text, no paragraph says who "he" is.
        let p = i
            .checked_sub(1)
            .filter(|&p| self.blocks[p].blockquote.is_none() && self.blocks[p].kind != BlockKind::Footnote)?;
        let further = || reach.checked_sub(1).and_then(|reach| self.person_before(p, true, reach));
        self.get(p)?.person_for_next(self.names, asked, further)
    }

    /// Releases the contexts of the blocks before `i`. Block `i` is built first, while the
    /// block before it (whose last person it reads) is held.
    pub(super) fn release_before(&mut self, i: usize) {
        self.get(i);
        for slot in self.slots.get_mut(self.released..i).into_iter().flatten() {
            slot.take();
        }
        self.released = self.released.max(i);
        let slots = &mut self.slots;
        self.rebuilt.get_mut().retain(|&r| {
            if r < i {
                slots[r].take();
            }
            r >= i
        });
    }
}

impl<'a> std::ops::Index<usize> for Contexts<'a> {
    type Output = BlockContext<'a>;

    fn index(&self, i: usize) -> &BlockContext<'a> {
        self.get(i).expect("a block of the article")
    }
}

/// What extraction knows of the whole article while it reads one block.
pub(super) struct Article<'a> {
    pub(super) source: &'a str,
    /// Per person asked about: where the article first writes their full name, if it does.
    full_names: std::cell::RefCell<rustc_hash::FxHashMap<usize, Option<usize>>>,
}

impl<'a> Article<'a> {
    pub(super) fn new(source: &'a str) -> Self {
        Article { source, full_names: Default::default() }
    }

    /// The article writes `person`'s full name (the record's name or an alias of two or more
    /// words) before source offset `at`. Each person's first full name is searched for once
    /// per article, so that a long article with many bare surnames stays linear.
    pub(super) fn named_in_full_before(&self, record: &Record, person: usize, at: usize) -> bool {
        let first = *self.full_names.borrow_mut().entry(person).or_insert_with(|| {
            let p = &record.people[person];
            std::iter::once(&p.name)
                .chain(&p.aliases)
                .filter(|n| n.contains(' '))
                .filter_map(|n| memchr::memmem::find(self.source.as_bytes(), n.as_bytes()))
                .min()
        });
        first.is_some_and(|f| f < at)
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

    #[test]
    fn released_contexts_are_dropped_and_built_again_as_they_were() {
        let doc = crate::markdown::parse(
            "Putin spoke in 2014.\n\nHe said \"we will not move one inch east of here\".\n\nNext.\n\nLast.\n",
        );
        let article = Article::new(doc.source);
        let mut contexts = Contexts::new(&doc.blocks, &RECORD, &article, &NAMES, None);
        let putin = contexts[1].previous_person.get();
        assert!(putin.is_some());
        let quotes = contexts[1].quotes.clone();
        contexts.release_before(2);
        assert!(contexts.slots[..2].iter().all(|s| s.get().is_none()));
        // A reader looking back (a table's header) gets the block built again, as it was...
        assert_eq!(contexts[1].previous_person.get(), putin);
        assert_eq!(contexts[1].quotes, quotes);
        // ... and that copy is released too, not held to the end.
        contexts.release_before(3);
        assert!(contexts.slots[..3].iter().all(|s| s.get().is_none()));
        assert!(contexts.slots[3].get().is_some());
    }
}
