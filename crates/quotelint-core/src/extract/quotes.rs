//! Finding quoted spans in a paragraph's text: pairing quote marks, telling apostrophes apart.

use std::ops::Range;

/// Double or single quotation marks; a close pairs with the nearest open of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Double,
    Single,
}

/// A quoted span of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark (or the paragraph's end), inclusive.
    pub outer: Range<usize>,
    /// The quoted words, between the marks.
    pub inner: Range<usize>,
    /// 0 for a quotation, 1 for a quote inside it, and so on.
    pub depth: u32,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(Kind),
    Close(Kind),
    /// A straight `"` between two non-spaces: closes an open double quote, else opens one.
    Toggle,
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '\u{FFFC}')
                || is_mark(c)
        }
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '\u{FFFC}'
                )
                || is_mark(c)
        }
    }
}

/// First bytes of the quote marks and of the backtick: `"`, `'`, `` ` ``, and the UTF-8 lead
/// bytes of `“ ” „ ‘ ’ ‚` (0xE2) and `« »` (0xC2).
static MAY_START_MARK: super::words::Stops = super::words::Stops::new([b'"', b'\'', 0xE2], b"`\xC2");

pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '‚')
}

/// What a quote mark does here, or `None` for an apostrophe or a stray mark.
fn classify(text: &str, i: usize, c: char, stack: &[(Kind, char, usize)]) -> Option<Role> {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let top_is = |opener: char| stack.last().is_some_and(|(_, o, _)| *o == opener);
    let has_open = |k: Kind| stack.iter().any(|(kind, _, _)| *kind == k);
    Some(match c {
        '“' if top_is('„') => Role::Close(Kind::Double),
        // “We will wait.“: an opening mark typed where the closing one belongs (wire copy and
        // shot lists do it), glued to the word before it and followed by a space or the end,
        // closes an open double quotation rather than opening another that runs on.
        '“' if has_open(Kind::Double) && !is_opening_context(prev) && is_closing_context(next) => {
            Role::Close(Kind::Double)
        }
        '“' | '„' | '«' => Role::Open(Kind::Double),
        // ”blunder,”: the style that opens with the closing mark (Swedish, Finnish, and typists
        // who follow it), when no double quotation is open and a word follows the mark.
        '”' if !has_open(Kind::Double) && is_opening_context(prev) && alnum(next) => {
            Role::Open(Kind::Double)
        }
        '”' | '»' => Role::Close(Kind::Double),
        '‘' if top_is('‚') => Role::Close(Kind::Single),
        // ‘90s: an elision, not a quote.
        '‘' if next.is_some_and(|n| n.is_ascii_digit()) => return None,
        '‘' | '‚' => Role::Open(Kind::Single),
        '"' => match (is_opening_context(prev), is_closing_context(next)) {
            (true, false) => Role::Open(Kind::Double),
            (false, true) => Role::Close(Kind::Double),
            (false, false) => Role::Toggle,
            (true, true) => {
                let after_next = next.and_then(|n| text[i + 1 + n.len_utf8()..].chars().next());
                if !top_is('"') && next.is_some_and(is_mark) && alnum(after_next) {
                    // `"‘Not a step west,’ they told us," he said`: a straight mark right before
                    // the quote inside it opens, as it would before the quote's first word.
                    Role::Open(Kind::Double)
                } else if prev.is_none() || next.is_none() {
                    if has_open(Kind::Double) {
                        Role::Close(Kind::Double)
                    } else {
                        Role::Open(Kind::Double)
                    }
                } else if top_is('"') {
                    // `"We will wait. " Kohl said`: a mark set off by spaces while a straight
                    // quotation is open closes it, rather than letting it run on.
                    Role::Close(Kind::Double)
                } else {
                    return None;
                }
            }
        },
        '\'' | '’' => {
            if alnum(prev) && alnum(next) {
                return None; // Russia's, don't, o'clock
            }
            let rest = &text[i + c.len_utf8()..];
            // rock 'n' roll, 'til, the '90s
            if rest.starts_with("n'") || rest.starts_with("n’") || next.is_some_and(|n| n.is_ascii_digit())
            {
                return None;
            }
            let after_n =
                text[..i].ends_with(" 'n") || text[..i].ends_with(" ’n") || text[..i].ends_with(" ‘n");
            if after_n {
                return None;
            }
            if is_opening_context(prev) && !is_closing_context(next) && c == '\'' {
                Role::Open(Kind::Single)
            } else if !is_opening_context(prev) && is_closing_context(next) {
                // The allies' views: a close only when a single quote is open.
                if has_open(Kind::Single) {
                    Role::Close(Kind::Single)
                } else {
                    return None;
                }
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// The most quotation marks kept open at once.
const MAX_OPEN: usize = 256;

/// Every quoted span of `text`, outermost first within each position, in order of opening.
pub fn find(text: &str) -> Vec<Quote> {
    find_in_lines(text, &[])
}

/// [`find`], for a text whose lines after the first start at `line_starts` (sorted): a double
/// quotation mark opening a line while a double quotation is still open ends that one at the
/// line before and opens another, as a quotation of several paragraphs opens each without
/// closing the one before (“First, … ⏎“Second, …,” he said), and as text copied with one
/// line break between paragraphs runs them into one.
pub fn find_in_lines(text: &str, line_starts: &[usize]) -> Vec<Quote> {
    let mut stack: Vec<(Kind, char, usize)> = Vec::new(); // kind, opening mark, its offset
    let mut quotes = Vec::new();
    // Almost every character is no quote mark: jump from one byte that may start one to the next.
    let mut stops = MAY_START_MARK.scan(text);
    while let Some((i, c)) = stops.next() {
        // TeX-style ``…'' pairs.
        if c == '`' && text[i..].starts_with("``") {
            stops.resume_at(i + 2);
            stack.push((Kind::Double, '`', i));
            continue;
        }
        // ``…'' pairs; and `"We will never accept it,'' he said`: two apostrophes typed for the
        // closing mark of a straight double quotation (as some publishing systems print it),
        // before a space, punctuation or the end.
        if c == '\'' && text[i..].starts_with("''") {
            let opener = stack.last().map(|(_, o, _)| *o);
            let closes_straight = opener == Some('"') && is_closing_context(text[i + 2..].chars().next());
            if opener == Some('`') || closes_straight {
                stops.resume_at(i + 2);
                let (_, _, start) = stack.pop().expect("checked");
                quotes.push(Quote {
                    outer: start..i + 2,
                    inner: start + mark_len(text, start)..i,
                    depth: stack.len() as u32,
                    closed: true,
                });
                continue;
            }
        }
        if !is_mark(c) {
            continue;
        }
        let Some(role) = classify(text, i, c, &stack) else { continue };
        let role = match role {
            Role::Toggle if stack.iter().any(|(k, _, _)| *k == Kind::Double) => Role::Close(Kind::Double),
            Role::Toggle => Role::Open(Kind::Double),
            r => r,
        };
        if let (Role::Open(Kind::Double), Some(&(Kind::Double, _, start))) = (role, stack.first()) {
            let line = line_starts.partition_point(|&l| l <= i);
            if let Some(&line_start) = line.checked_sub(1).map(|l| &line_starts[l]) {
                if line_start > start && text[line_start..i].trim().is_empty() {
                    quotes.extend(left_open(text, start, text[..line_start].trim_end().len()));
                    stack.clear();
                }
            }
        }
        match role {
            // Prose nests quotations a few levels deep; past MAX_OPEN, opening marks are not
            // kept (a 50 MB line of `“` kept 17 million, 400 MB), and only a close mark can
            // make room again.
            Role::Open(kind) if stack.len() < MAX_OPEN => stack.push((kind, c, i)),
            Role::Open(_) => {}
            Role::Close(kind) => {
                let pos = stack.iter().rposition(|(k, _, _)| *k == kind);
                // A mismatched pair (‘…”) still closes when it is the only open quote.
                let pos = pos.or(if stack.len() == 1 { Some(0) } else { None });
                if let Some(pos) = pos {
                    let (_, _, start) = stack[pos];
                    stack.truncate(pos); // unclosed inner marks were not quotes
                    let end = i + c.len_utf8();
                    quotes.push(Quote {
                        outer: start..end,
                        inner: start + mark_len(text, start)..i,
                        depth: pos as u32, // at most MAX_OPEN
                        closed: true,
                    });
                }
            }
            Role::Toggle => unreachable!(),
        }
    }
    // A double quote left open runs to the end of the paragraph.
    // So does a curly single one (‘…): a straight ' left open is more likely an apostrophe.
    if let Some(&(_, _, start)) = stack.first().filter(|(k, o, _)| *k == Kind::Double || *o == '‘') {
        quotes.extend(left_open(text, start, text.trim_end().len()));
    }
    // No two quotes open at one mark: the keys are distinct, and a sort in place gives the
    // stable sort's order without its buffer of half the quotes.
    quotes.sort_unstable_by_key(|q| (q.outer.start, q.depth));
    quotes
}

/// The outermost quotation opened at `start` and never closed, running to `end` (the
/// paragraph's end, or its line's when the next line opens another): none when it holds nothing.
fn left_open(text: &str, start: usize, end: usize) -> Option<Quote> {
    (end > start + 1).then(|| Quote {
        outer: start..end,
        inner: start + mark_len(text, start)..end,
        depth: 0,
        closed: false,
    })
}

fn mark_len(text: &str, at: usize) -> usize {
    if text[at..].starts_with("``") {
        2
    } else {
        text[at..].chars().next().map_or(1, char::len_utf8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(&str, u32)> {
        find(text).into_iter().map(|q| (&text[q.inner], q.depth)).collect()
    }

    #[test]
    fn two_apostrophes_close_a_straight_double_quotation() {
        assert_eq!(
            quoted("\"We will never accept it,'' he said. \"Not now.''"),
            vec![("We will never accept it,", 0), ("Not now.", 0)]
        );
        // Not inside a word, and not without an open straight quotation.
        assert_eq!(quoted("\"rock''n roll\" he said"), vec![("rock''n roll", 0)]);
        assert_eq!(quoted("It was the '90s'' style."), vec![]);
    }

    #[test]
    fn a_double_mark_opening_a_line_ends_the_open_quotation() {
        let text = "Kallas: “First, no. “Second, yes,” she said.";
        let second_line = text.find("“Second").expect("there");
        let inner =
            |qs: Vec<Quote>| qs.into_iter().map(|q| (text[q.inner].to_owned(), q.closed)).collect::<Vec<_>>();
        assert_eq!(
            inner(find_in_lines(text, &[second_line])),
            vec![("First, no.".to_owned(), false), ("Second, yes,".to_owned(), true)]
        );
        // Not at a line's start, the mark opens a quote inside the open one.
        assert_eq!(
            inner(find_in_lines(text, &[])),
            vec![
                ("First, no. “Second, yes,” she said.".to_owned(), false),
                ("Second, yes,".to_owned(), true)
            ]
        );
        // A line opening with a mark when no quotation is open: nothing ends.
        let plain = "He left. “We stay,” he said.";
        assert_eq!(find_in_lines(plain, &[plain.find('“').expect("there")]), find(plain));
    }

    #[test]
    fn marks_of_every_style() {
        assert_eq!(quoted("He said \"one two\" and “three four”."), vec![("one two", 0), ("three four", 0)]);
        assert_eq!(
            quoted("«un deux» and „eins zwei“ and ‚x y‘"),
            vec![("un deux", 0), ("eins zwei", 0), ("x y", 0)]
        );
        assert_eq!(quoted("He said ``we will'' then."), vec![("we will", 0)]);
        assert_eq!(quoted("She said 'not now' firmly."), vec![("not now", 0)]);
    }

    /// Marks typed loosely: a closing straight quote set off by spaces, and the style that
    /// opens with `”`.
    #[test]
    fn loosely_typed_marks() {
        assert_eq!(
            quoted("The envoy spoke. \"We will wait. \" Kohl said on Friday that it could end by \"2031\"."),
            vec![("We will wait. ", 0), ("2031", 0)]
        );
        assert_eq!(quoted("Kohl calls it a ”blunder,” aides say"), vec![("blunder,", 0)]);
        assert_eq!(quoted("“one two” and ”three four”"), vec![("one two", 0), ("three four", 0)]);
        assert!(quoted("a lone \" mark in a line").is_empty());
    }

    /// An opening `“` typed for the closing one, glued to the word before it, closes; a
    /// straight mark right before an inner quote's mark opens.
    #[test]
    fn opening_marks_typed_where_closing_ones_belong() {
        assert_eq!(
            quoted("He says, “We wait.“ Later he says, “We go.“"),
            vec![("We wait.", 0), ("We go.", 0)]
        );
        assert_eq!(quoted("a word “with “inner” marks” ends"), vec![("with “inner” marks", 0), ("inner", 1)]);
        assert_eq!(
            quoted("He spoke. \"‘Not one step,’ they said,\" she recalled."),
            vec![("‘Not one step,’ they said,", 0), ("Not one step,", 1)]
        );
        assert_eq!(
            quoted("He spoke. \"’Not one step’, they said,\" she recalled.")[0].0,
            "’Not one step’, they said,"
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("Russia's view in the '90s, rock 'n' roll at five o'clock, the allies' concerns.")
            .is_empty());
        assert!(quoted("Russia’s view in the ‘90s and the allies’ concerns.").is_empty());
    }

    #[test]
    fn nested_quotes() {
        let q = quoted("He said “the topic of ‘NATO expansion’ was not discussed” then.");
        assert_eq!(q, vec![("the topic of ‘NATO expansion’ was not discussed", 0), ("NATO expansion", 1)]);
        let q = quoted("\"With all the words — 'shall, must' — everything.\"");
        assert_eq!(q[1], ("shall, must", 1));
    }

    #[test]
    fn mismatched_pair_and_missing_close() {
        assert_eq!(
            quoted("said that: ‘the fact that we are ready.” The"),
            vec![("the fact that we are ready.", 0)]
        );
        assert_eq!(quoted("He said \"we will not move east"), vec![("we will not move east", 0)]);
    }

    #[test]
    fn quote_marks_next_to_punctuation() {
        assert_eq!(quoted("(\"Russia and the West,\" in Mandelbaum)"), vec![("Russia and the West,", 0)]);
        assert_eq!(quoted("the pledge that “NATO would not move”."), vec![("NATO would not move", 0)]);
    }

    #[test]
    fn the_scan_stops_at_every_mark() {
        let marks = (0..=0xFFFF).filter_map(char::from_u32).filter(|&c| is_mark(c) || c == '`');
        for c in marks {
            let mut buf = [0; 4];
            assert!(MAY_START_MARK.table[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])], "{c}");
        }
    }
}
