//! Parenthetical citations: "(Reuters, 12 May 2022)", "(Baker to Gorbachev, 1990)".

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::context::BlockContext;
use super::lexicon::{
    CueList, DATE_CAPITALS, NEWS_OUTLETS, OUTLET_CUES, OUTLET_NOUNS, OUTLET_WORKS, OWN_REPORTING, WORK_LEADS,
};
use super::words::Word;
use super::Options;
use crate::markdown::{Block, Document};

/// Every parenthetical citation in `text`, in order: a pair of parentheses with none between
/// them, holding a capital letter (not one that starts a month, a season or a day) and, after
/// it, a year from 1500 to 2099 written as a word of its own. Without date words, this is the
/// regular expression
/// `\([^()]*[A-Z][^()]*\b(1[5-9]|20)[0-9][0-9]\b[^()]*\)` (ASCII word boundaries), read by hand
/// because compiling it cost a one-article run 0.36 M of its 2.9 M instructions; a test compares
/// the two.
pub fn paren_citations(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(open) = memchr::memchr(b'(', &b[from..]).map(|i| from + i) {
            // The next parenthesis after it, either way: only a closing one makes a pair.
            let next = memchr::memchr2(b'(', b')', &b[open + 1..])? + open + 1;
            from = next;
            if b[next] == b')' {
                from = next + 1;
                if cites(b, open + 1, next) {
                    return Some(open..next + 1);
                }
            }
        }
        None
    })
}

/// Whether `b[start..end]` holds a capital and, after it, a year that is a word of its own. A
/// capital that starts a word of a date (a month, a day, or one of [`DATE_CAPITALS`]: "Fall") is not one.
fn cites(b: &[u8], start: usize, end: usize) -> bool {
    let word = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_';
    let date_word = |i: usize| {
        let to = (i..end).find(|&k| !b[k].is_ascii_alphabetic()).unwrap_or(end);
        (i == start || !word(i - 1))
            && crate::date::MONTHS
                .iter()
                .chain(&crate::date::WEEKDAYS)
                .chain(DATE_CAPITALS)
                .any(|d| d.as_bytes() == &b[i..to])
    };
    let Some(capital) = (start..end).find(|&i| b[i].is_ascii_uppercase() && !date_word(i)) else {
        return false;
    };
    (capital + 1..end.saturating_sub(3)).any(|y| {
        let year = &b[y..y + 4];
        let century = matches!(year[..2], [b'1', b'5'..=b'9'] | [b'2', b'0']);
        century && year[2..].iter().all(u8::is_ascii_digit) && !word(y - 1) && (y + 4 == end || !word(y + 4))
    })
}

/// A paragraph is cited when it has a link (a bare URL in the text included), a footnote
/// reference with a definition, a parenthetical citation, a news organization named as the
/// source ("according to Reuters", "told this newspaper") or a match of one of the
/// repository's citation patterns.
pub(super) fn is_cited(ctx: &BlockContext, doc: &Document, options: &Options) -> bool {
    block_is_cited(ctx.block, || ctx.words_up_to(ctx.text().len()), doc, options)
}

/// [`is_cited`] for a block read without its context; `words` gives its words when needed.
pub(super) fn block_is_cited<'w>(
    block: &Block,
    words: impl FnOnce() -> std::borrow::Cow<'w, [Word]>,
    doc: &Document,
    options: &Options,
) -> bool {
    let text = block.text.as_str();
    !block.links.is_empty()
        || block.footnotes.iter().any(|(label, _)| doc.footnote_definitions.contains(label))
        || paren_citations(text).next().is_some()
        || has_bare_url(text)
        || cites_news_outlet(text, &words())
        || options.citation_patterns.iter().any(|p| p.is_match(text))
}

/// Whether `text` holds a URL written out as text (`https://…`, `http://…`, `www.…`): what
/// GitHub's Markdown turns into a link.
pub(super) fn has_bare_url(text: &str) -> bool {
    static SCHEME: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("://"));
    static WWW: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("www."));
    let b = text.as_bytes();
    let followed = |at: usize| b.get(at).is_some_and(|c| c.is_ascii_alphanumeric());
    SCHEME.find_iter(b).any(|i| (b[..i].ends_with(b"http") || b[..i].ends_with(b"https")) && followed(i + 3))
        || WWW.find_iter(b).any(|i| {
            (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && followed(i + 4) && b[i + 4..].contains(&b'.')
        })
}

/// Whether `text`, whose words are `words`, names a news organization as the source of what it
/// reports: an outlet of [`NEWS_OUTLETS`] (as written, and not followed by a letter or digit)
/// right after a cue of [`OUTLET_CUES`] (and an optional "the"), or a phrase of
/// [`OWN_REPORTING`]. Outlets are looked for only where a word may start one (a bit of the cue
/// table), not searched for in the whole paragraph.
pub(super) fn cites_news_outlet(text: &str, words: &[Word]) -> bool {
    use crate::scan::ends_with_phrase as ends_with_word;
    // Every phrase of the newsroom's own reporting has "this ": found once, then compared.
    static THIS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("this "));
    let own = THIS.find_iter(text.as_bytes()).any(|i| {
        OWN_REPORTING.iter().any(|p| {
            let at = p.find("this ").expect("each phrase has \"this \"");
            i >= at && text.get(i - at..).is_some_and(|t| t.starts_with(p))
        })
    });
    // The length of the outlet's name that starts at `at`, if one does: only the outlets that
    // begin with the byte there are compared (the first in the list wins, as before).
    let outlet_at = |at: usize| {
        let rest = &text.as_bytes()[at..];
        OUTLETS_BY_FIRST_BYTE[usize::from(*rest.first()?)]
            .iter()
            .map(|&i| NEWS_OUTLETS[usize::from(i)].as_bytes())
            .find(|o| {
                rest.starts_with(o)
                    && !rest.get(o.len()).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            })
            .map(<[u8]>::len)
    };
    let names_outlet = |at: usize| outlet_at(at).is_some();
    // A cue, "the", then the outlet, or a description of it ending in an outlet's noun: "the
    // state news agency TASS", "the German weekly Der Spiegel".
    let cued = |before: &str| {
        let before = match ends_with_word(before, "the") {
            true => before[..before.len() - 3].trim_end(),
            false => before,
        };
        OUTLET_CUES.iter().any(|cue| ends_with_word(before, cue))
    };
    // "In a New York Times article by …", "in her Guardian column", "in a May 1998 New York
    // Times interview": the outlet's work, named as where the words were printed, maybe with
    // its date before the outlet.
    let in_work = |at: usize, before: &str| {
        let after = outlet_at(at).map_or("", |n| text[at + n..].trim_start());
        let noun = crate::scan::compounds(after).next().map_or("", |r| &after[r]);
        let before = without_trailing_date(before);
        WORK_LEADS.iter().any(|lead| ends_with_word(before, lead))
            && OUTLET_WORKS.iter().any(|w| noun.eq_ignore_ascii_case(w))
    };
    // "told CNN's morning host": an outlet's possessive is the outlet too.
    let possessive = |w: &Word| {
        let written = &text.as_bytes()[w.range()];
        written.ends_with(b"'s") || written.ends_with("’s".as_bytes())
    };
    let outlet_words = words
        .iter()
        .filter(|w| (w.is(CueList::OutletStart) || possessive(w)) && names_outlet(w.range().start));
    own || outlet_words.into_iter().any(|w| {
        let mut before = text[..w.range().start].trim_end();
        if before.len() == w.range().start {
            return false;
        }
        if cued(before) || in_work(w.range().start, before) {
            return true;
        }
        let described = crate::scan::last_word(before)
            .is_some_and(|noun| OUTLET_NOUNS.iter().any(|n| noun.eq_ignore_ascii_case(n)));
        (0..MAX_OUTLET_DESCRIPTION_WORDS).any(|_| {
            let Some((rest, _)) = before.rsplit_once(char::is_whitespace).filter(|_| described) else {
                return false;
            };
            before = rest.trim_end();
            cued(before)
        })
    })
}

/// `text` without the date it ends with, written as a year, a month and year, or a day, month
/// and year in either order ("1998", "May 1998", "12 May 1998", "May 12, 1998"), and trimmed;
/// `text` itself when it ends with none.
fn without_trailing_date(text: &str) -> &str {
    fn last(t: &str) -> (&str, &str) {
        t.trim_end().rsplit_once(' ').unwrap_or(("", t.trim_end()))
    }
    let is_day = |w: &str| {
        let w = w.trim_end_matches(',');
        (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let is_month = |w: &str| crate::date::MONTHS.contains(&w);
    let (mut rest, word) = last(text);
    let year =
        word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && matches!(&word[..2], "19" | "20");
    if !year {
        return text.trim_end();
    }
    let (before, word) = last(rest);
    if is_month(word) {
        rest = before;
        let (before, word) = last(rest);
        if is_day(word) {
            rest = before;
        }
    } else if is_day(word) && word.ends_with(',') {
        let (before_day, month) = last(before);
        if is_month(month) {
            rest = before_day;
        }
    }
    rest.trim_end()
}

/// The positions in [`NEWS_OUTLETS`] of the outlets whose name begins with each byte, in the
/// list's order: a word that may start an outlet's name is compared with the few that can.
static OUTLETS_BY_FIRST_BYTE: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let mut by_byte = vec![Vec::new(); 256];
    for (i, outlet) in NEWS_OUTLETS.iter().enumerate() {
        by_byte[usize::from(outlet.as_bytes()[0])].push(u8::try_from(i).expect("fewer than 256 outlets"));
    }
    by_byte
});

/// The most words of an outlet's description between a cue and its name ("reported by the
/// Russian state news agency TASS").
const MAX_OUTLET_DESCRIPTION_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::super::words::words_of;
    use super::*;
    use proptest::prelude::*;

    fn by_regex(text: &str) -> Vec<Range<usize>> {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\([^()]*[A-Z][^()]*(?-u:\b)(1[5-9]|20)[0-9][0-9](?-u:\b)[^()]*\)").unwrap()
        });
        RE.find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn dates_before_an_outlet_are_set_aside() {
        assert_eq!(without_trailing_date("warned in a May 1998"), "warned in a");
        assert_eq!(without_trailing_date("in a 12 May 1998"), "in a");
        assert_eq!(without_trailing_date("in her May 12, 1998"), "in her");
        assert_eq!(without_trailing_date("in a 1998"), "in a");
        assert_eq!(without_trailing_date("in a 1750"), "in a 1750");
        assert_eq!(without_trailing_date("in a long"), "in a long");
        assert_eq!(without_trailing_date("May"), "May");
    }

    #[test]
    fn finds_citations_and_leaves_the_rest() {
        let text =
            "He said so (Reuters, 12 May 2022) and (see 1990) and (Baker, p. 19901) (AP 1499) (A (B 2001))";
        let found: Vec<&str> = paren_citations(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["(Reuters, 12 May 2022)", "(B 2001)"]);
        assert_eq!(paren_citations(text).collect::<Vec<_>>(), by_regex(text));
    }

    /// A date in parentheses cites nothing: its capital must start a name, not a month.
    #[test]
    fn a_parenthesized_date_is_no_citation() {
        for text in ["(in March 2022)", "(viral post, March 2022)", "(Fall 1990)", "(posted Sept. 3, 2021)"] {
            assert_eq!(paren_citations(text).count(), 0, "{text}");
        }
        for text in
            ["(Reuters, 12 May 2022)", "(Sarotte, March 2014)", "(March, Smith 2014)", "(Marches 1999)"]
        {
            assert_eq!(paren_citations(text).count(), 1, "{text}");
        }
    }

    #[test]
    fn bare_urls_are_links() {
        for text in [
            "Read it at https://example.org/a and weep.",
            "(Gorbachev, 2014)[http://rbth.com/x]",
            "see www.nato.int/docu for the text",
        ] {
            assert!(has_bare_url(text), "{text}");
        }
        for text in ["the https:// prefix", "a www. b", "awww.x.org", "ftp://x"] {
            assert!(!has_bare_url(text), "{text}");
        }
    }

    #[test]
    fn newsrooms_cite_by_naming_the_outlet() {
        for text in [
            "according to Reuters, he said \"x\"",
            "According to the Associated Press, \"x\"",
            "Lavrov told Interfax: \"x\"",
            "he said in an interview with Der Spiegel",
            "a diplomat told this newspaper on Monday",
            "\"x,\" she told the BBC.",
            "Peskov was quoted by TASS as saying",
            "as reported by the state news agency TASS.",
            "she told the German weekly Der Spiegel",
            "according to Russia's state-run agency RIA Novosti",
            "In a New York Times article by Peter Baker (Jan 9, 2022), we find",
            "she wrote as much in her Guardian column last spring",
            "Stoltenberg said in The Guardian on Monday that",
            "\"x,\" she told CNN's morning host on Monday.",
            "Lavrov said in a long interview with Kommersant that",
            "speaking in an interview with the Vesti programme",
        ] {
            assert!(cites_news_outlet(text, &words_of(text)), "{text}");
        }
        for text in [
            "He told reporters: \"x\"",
            "according to APA rules",
            "he told Apple",
            "Reuters reported nothing",
            "according to the ambassador",
            "he told Baker",
            "he told a friend who reads the daily Kommersant",
            "a rival news agency TASS quoted",
            "a New York Times article said",
            "in a Reuters-style format",
            "he said in Moscow that",
        ] {
            assert!(!cites_news_outlet(text, &words_of(text)), "{text}");
        }
    }

    /// Every outlet is found where it is named, whatever outlets share its first byte ("RIA"
    /// after "RIA Novosti", "Times" among the T's), and the outlet found at a position is the
    /// first of the whole list that fits there, as a scan of all of them gives.
    #[test]
    fn an_outlet_is_looked_for_among_all_that_begin_with_its_byte() {
        for outlet in NEWS_OUTLETS {
            let text = format!("according to {outlet}, \"x\"");
            assert!(cites_news_outlet(&text, &words_of(&text)), "{text}");
        }
        let listed: Vec<&[u8]> = OUTLETS_BY_FIRST_BYTE
            .iter()
            .flatten()
            .map(|&i| NEWS_OUTLETS[usize::from(i)].as_bytes())
            .collect();
        assert_eq!(listed.len(), NEWS_OUTLETS.len());
        for (b, ids) in OUTLETS_BY_FIRST_BYTE.iter().enumerate() {
            let all: Vec<u8> = (0..NEWS_OUTLETS.len() as u8)
                .filter(|&i| NEWS_OUTLETS[usize::from(i)].as_bytes()[0] as usize == b)
                .collect();
            assert_eq!(ids, &all, "byte {b}");
        }
    }

    const PIECES: &[&str] = &[
        "(", ")", "((", "))", "A", "a", "Reuters", "1990", "2024", "2099", "2100", "1499", "1500", "19901",
        "199", "x", "_", "é", " ", ", ", "\n", "-", "[", "]", "0", "20", "15",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Reading by hand finds exactly what the regular expression finds.
        #[test]
        fn the_hand_reading_is_the_regular_expression(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..16)) {
            let text = pieces.concat();
            prop_assert_eq!(paren_citations(&text).collect::<Vec<_>>(), by_regex(&text), "{:?}", text);
        }
    }
}
