//! Markdown to prose: the text a reader reads, block by block, with a map back to source bytes.
//!
//! Code (blocks and inline), HTML (blocks, inline tags and comments), image alt text, link URLs
//! and front matter are not prose and never reach the checks. Text split by inline markup
//! (`*one*`, links) is joined again, so a quotation reads as the reader sees it.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Stands for non-prose inside a paragraph (inline code, an autolink's URL, a footnote mark):
/// it separates words and is never a quote mark.
pub const PLACEHOLDER: char = '\u{FFFC}';

/// A Markdown file, ready for extraction.
#[derive(Debug)]
pub struct Document<'a> {
    pub source: &'a str,
    /// The YAML front matter's text (between the `---` lines), if the file starts with one.
    pub front_matter: Option<Range<usize>>,
    /// What quotelint reads from the front matter, parsed once: nothing if it is absent, not
    /// YAML, or too large or deeply nested to be worth parsing (metadata is small; a hostile
    /// file must not cost seconds).
    pub metadata: Metadata,
    /// Why the front matter was refused unread (see [`crate::yaml_guard`]), its span in the file.
    pub front_matter_error: Option<crate::yaml_guard::Refusal>,
    pub blocks: Vec<Block>,
    /// Labels of footnote definitions, so that a reference counts as a citation only if defined.
    pub footnote_definitions: HashSet<String>,
    /// HTML comments (source range), where suppression directives live.
    pub comments: Vec<Range<usize>>,
}

/// Where a block sits, which decides how quotations in it are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    TableCell,
    /// Inside a footnote definition: citations, not quotations.
    Footnote,
}

/// One leaf block of prose (a paragraph, heading, tight list item or table cell).
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The outermost blockquote this block is in, numbered from 0 in document order.
    pub blockquote: Option<usize>,
    pub text: String,
    /// Source byte range of the whole block.
    pub range: Range<usize>,
    segments: Vec<Segment>,
    pub links: Vec<Link>,
    /// Footnote references: label and range in `text`.
    pub footnotes: Vec<(String, Range<usize>)>,
    /// Where in `text` each line after the first starts (after a soft or hard line break, read
    /// as a space): a quotation mark opening a line may start a new quotation.
    pub line_starts: Vec<usize>,
    /// Where emphasis (`*…*`, `_…_`, strong included) that opens the block's text ends: an
    /// italic line ends there. Only the outermost such emphasis is kept.
    pub leading_emphasis: Option<usize>,
    /// A heading's level (1 for `#`), 0 for other blocks.
    pub heading_level: u8,
    /// Where a table cell sits.
    pub cell: Option<Cell>,
    /// A piece of a paragraph too long to read whole (see `extract::pieces`).
    pub piece: Option<Piece>,
}

/// Which piece of its paragraph a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// 0 for the first piece.
    pub index: u32,
    /// How many pieces the paragraph was cut into.
    pub count: u32,
    /// How many quoted spans (outermost) the whole paragraph holds.
    pub quotes: u32,
}

/// A table cell's place: its table (numbered from 0 in document order), its row (0 is the
/// header row) and its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub table: usize,
    pub row: usize,
    pub column: usize,
}

/// A link in a block: its text's range in the block text, and how it was written.
#[derive(Debug, Clone)]
pub struct Link {
    pub text: Range<usize>,
    pub url: String,
    pub kind: LinkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Inline,
    Reference,
    Autolink,
}

/// A run of block text and the source bytes it came from. `exact` runs are byte-for-byte copies;
/// others (escapes, entities, line breaks) map every offset inside to the run's source start.
#[derive(Debug, Clone, Copy)]
struct Segment {
    text_start: usize,
    source: (usize, usize),
    exact: bool,
}

impl Block {
    /// The source byte offset of a block-text offset (a position between characters).
    pub fn to_source(&self, offset: usize) -> usize {
        let i = self.segments.partition_point(|s| s.text_start <= offset).saturating_sub(1);
        let Some(seg) = self.segments.get(i) else { return self.range.start };
        if seg.exact {
            (seg.source.0 + (offset - seg.text_start)).min(seg.source.1)
        } else if offset == seg.text_start {
            seg.source.0
        } else {
            seg.source.1
        }
    }

    /// The part of this block at `range` of its text, as a block of its own: text, source map,
    /// links and footnote references cut to it, offsets counted from its start.
    pub fn piece(&self, range: Range<usize>, piece: Piece) -> Block {
        let shift = |r: &Range<usize>| r.start - range.start..r.end - range.start;
        let inside = |r: &Range<usize>| range.start <= r.start && r.end <= range.end;
        let ends: Vec<usize> =
            self.segments.iter().skip(1).map(|s| s.text_start).chain([self.text.len()]).collect();
        let segments = self
            .segments
            .iter()
            .zip(ends)
            .filter(|(s, end)| s.text_start < range.end && *end > range.start)
            .map(|(s, _)| {
                let mut s = *s;
                if s.text_start < range.start {
                    if s.exact {
                        s.source.0 += range.start - s.text_start;
                    }
                    s.text_start = range.start;
                }
                s.text_start -= range.start;
                s
            })
            .collect();
        Block {
            kind: self.kind,
            blockquote: self.blockquote,
            text: self.text[range.clone()].to_owned(),
            range: self.source_range(range.clone()),
            segments,
            links: self
                .links
                .iter()
                .filter(|l| inside(&l.text))
                .map(|l| Link { text: shift(&l.text), ..l.clone() })
                .collect(),
            footnotes: self
                .footnotes
                .iter()
                .filter(|(_, r)| inside(r))
                .map(|(label, r)| (label.clone(), shift(r)))
                .collect(),
            line_starts: self
                .line_starts
                .iter()
                .filter(|&&l| range.start < l && l < range.end)
                .map(|l| l - range.start)
                .collect(),
            leading_emphasis: self.leading_emphasis.filter(|&e| range.start == 0 && e <= range.end),
            heading_level: self.heading_level,
            cell: self.cell,
            piece: Some(piece),
        }
    }

    /// The source byte range of a block-text range.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_source(range.start);
        if range.end <= range.start {
            return start..start;
        }
        // The end comes from the run holding the range's last byte, so that a range ending at a
        // run boundary does not reach into the next run's source: inside an exact run it is the
        // same offset in the source; any other run (an entity, a code span) ends with its source.
        let last = range.end - 1;
        let i = self.segments.partition_point(|s| s.text_start <= last).saturating_sub(1);
        let end = match self.segments.get(i) {
            Some(seg) if seg.exact => (seg.source.0 + (range.end - seg.text_start)).min(seg.source.1),
            Some(seg) => seg.source.1,
            None => start,
        };
        start..end.max(start)
    }
}

/// Splits off a YAML front matter block, recognised only at the very start of the file: `---`
/// on the first line, closed by a `---` or `...` line. Returns the text range between them and
/// where the Markdown body starts.
fn front_matter(source: &str, start: usize) -> Option<(Range<usize>, usize)> {
    let rest = &source[start..];
    let first_len = if rest.starts_with("---\n") {
        4
    } else if rest.starts_with("---\r\n") {
        5
    } else {
        return None;
    };
    let body_start = start + first_len;
    let mut pos = body_start;
    for line in source[body_start..].split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if trimmed == "---" || trimmed == "..." {
            return Some((body_start..pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// The front matter's keys that quotelint reads, as YAML gives them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Metadata {
    /// `date:`, the article's date.
    pub date: Option<serde_norway::Value>,
    /// `quotelint:`, the file's own settings (`disable:`).
    pub quotelint: Option<serde_norway::Value>,
}

/// Front matter larger than this is not parsed.
const MAX_METADATA_BYTES: usize = 64 * 1024;

/// The metadata of front matter, or why it was refused (aliases expanding too far, tags:
/// [`crate::yaml_guard`]), with a span in `text`. Front matter that is not YAML, too large or
/// too deeply nested gives no metadata.
fn metadata(text: &str) -> Result<Metadata, crate::yaml_guard::Refusal> {
    if text.len() > MAX_METADATA_BYTES {
        return Ok(Metadata::default());
    }
    match simple_metadata(text) {
        Some(simple) => Ok(simple),
        None => parsed_metadata(text),
    }
}

/// [`metadata`] read by the YAML parser.
fn parsed_metadata(text: &str) -> Result<Metadata, crate::yaml_guard::Refusal> {
    match crate::yaml_guard::check(text, crate::yaml_guard::Limits::FRONT_MATTER) {
        Err(r) if r.reason == crate::yaml_guard::Reason::Depth => return Ok(Metadata::default()),
        Err(r) => return Err(r),
        Ok(()) => {}
    }
    let Ok(value) = serde_norway::from_str::<serde_norway::Value>(text) else {
        return Ok(Metadata::default());
    };
    Ok(Metadata { date: value.get("date").cloned(), quotelint: value.get("quotelint").cloned() })
}

/// The metadata of front matter that is certainly a flat YAML mapping of distinct string keys
/// to plain ASCII values, read without a YAML parser (which cost more than the rest of reading
/// the file); `None` for anything else, which the parser reads. `date:` is taken only when it
/// is a `YYYY-MM-DD` or `YYYY-MM` date, which YAML reads as a string; `quotelint:` never.
fn simple_metadata(text: &str) -> Option<Metadata> {
    let mut keys: Vec<&str> = Vec::new();
    let mut date = None;
    for line in text.split('\n') {
        if line.is_empty() || line.starts_with('#') {
            continue; // blank lines and comments
        }
        let (key, value) = line.split_once(": ")?;
        let value = value.trim_end_matches(' ');
        // Lower case: `true` and `True` are one key to YAML (a boolean), `true` and `true` two
        // to the duplicate test below.
        let key_ok = key.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        let value_ok = value.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
            && value.bytes().all(|b| b.is_ascii_alphanumeric() || b" _.,/()'+-?!".contains(&b));
        if !key_ok || !value_ok || keys.contains(&key) || key == "quotelint" {
            return None;
        }
        keys.push(key);
        if key == "date" {
            let b = value.as_bytes();
            let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
            let dated = match b.len() {
                7 => digits(0..4) && b[4] == b'-' && digits(5..7),
                10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
                _ => false,
            };
            if !dated {
                return None;
            }
            date = Some(serde_norway::Value::String(value.to_owned()));
        }
    }
    Some(Metadata { date, quotelint: None })
}

/// Parses a Markdown file into prose blocks.
pub fn parse(source: &str) -> Document<'_> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let (front, body_start) = match front_matter(source, bom) {
        Some((range, end)) => (Some(range), end),
        None => (None, bom),
    };
    let body = &source[body_start..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    // About a block per 128 bytes of Markdown (headings, short paragraphs, list items, table
    // cells): sized once rather than doubled from empty, and capped for a huge file.
    let blocks = Vec::with_capacity((body.len() / 128).min(1024));
    let mut b = Builder {
        blocks,
        current: None,
        blockquote_depth: 0,
        blockquotes: 0,
        emphasis: Vec::new(),
        table: None,
        tables: 0,
    };
    let mut footnote_definitions = HashSet::new();
    let mut skip_depth = 0usize; // inside code blocks, HTML blocks, images
    let mut footnote_depth = 0usize;
    let mut links: Vec<(usize, String, LinkKind)> = Vec::new();
    let mut in_autolink = false;

    let mut comments = Vec::new();
    for (event, r) in Parser::new_ext(body, options).into_offset_iter() {
        let r = r.start + body_start..r.end + body_start;
        if let Event::Html(_) | Event::InlineHtml(_) = &event {
            // A comment may span several HTML events (one per line of a block): find where it
            // opens in this event's source and where it closes in the source after it.
            let mut at = r.start;
            while let Some(open) = source[at..r.end].find("<!--") {
                let start = at + open;
                let end = source[start + 4..].find("-->").map_or(source.len(), |e| start + 4 + e + 3);
                if comments.last().is_none_or(|c: &Range<usize>| c.end <= start) {
                    comments.push(start..end);
                }
                at = end.min(r.end);
                if at >= r.end {
                    break;
                }
            }
        }
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } | Tag::MetadataBlock(_)) => {
                b.flush();
                skip_depth += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            _ if skip_depth > 0 => {}
            Event::Start(Tag::BlockQuote(_)) => {
                b.flush();
                if b.blockquote_depth == 0 {
                    b.blockquotes += 1;
                }
                b.blockquote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                b.flush();
                b.blockquote_depth = b.blockquote_depth.saturating_sub(1);
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                b.flush();
                footnote_definitions.insert(label.to_string());
                footnote_depth += 1;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                b.flush();
                footnote_depth = footnote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Table(_)) => {
                b.flush();
                b.table = Some(Cell { table: b.tables, row: 0, column: 0 });
                b.tables += 1;
            }
            Event::End(TagEnd::Table) => {
                b.flush();
                b.table = None;
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                b.flush();
                if let Some(cell) = b.table.as_mut() {
                    cell.row += 1;
                    cell.column = 0;
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => {
                let start = b.text_len(r.start);
                b.emphasis.push(start);
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                if let Some(start) = b.emphasis.pop() {
                    let end = b.text_len(r.end);
                    if let Some(block) = b.current.as_mut().filter(|_| end >= start) {
                        if block.text[..start.min(block.text.len())].trim().is_empty() {
                            block.leading_emphasis = Some(block.leading_emphasis.map_or(end, |e| e.max(end)));
                        }
                    }
                }
            }
            Event::Start(tag @ (Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell)) => {
                b.flush();
                let level = match &tag {
                    Tag::Heading { level, .. } => *level as u8,
                    _ => 0,
                };
                let cell = if matches!(tag, Tag::TableCell) { b.table } else { None };
                let kind = match tag {
                    _ if footnote_depth > 0 => BlockKind::Footnote,
                    Tag::Heading { .. } => BlockKind::Heading,
                    Tag::Item => BlockKind::ListItem,
                    Tag::TableCell => BlockKind::TableCell,
                    _ => BlockKind::Paragraph,
                };
                b.open(kind, r.start);
                if let Some(block) = b.current.as_mut() {
                    block.heading_level = level;
                    block.cell = cell;
                }
                // A paragraph's or heading's text is at most its source: sized once, so that a
                // 50 MB paragraph is not copied while it doubles. (An item's range holds its
                // nested items too.)
                if matches!(kind, BlockKind::Paragraph | BlockKind::Heading) {
                    if let Some(block) = b.current.as_mut() {
                        block.text.reserve(r.len());
                    }
                }
            }
            Event::End(TagEnd::TableCell) => {
                b.flush();
                if let Some(cell) = b.table.as_mut() {
                    cell.column += 1;
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => b.flush(),
            Event::Start(Tag::List(_)) | Event::End(TagEnd::List(_)) => b.flush(),
            Event::Start(Tag::Link { link_type, dest_url, .. }) => {
                let kind = match link_type {
                    LinkType::Autolink | LinkType::Email => LinkKind::Autolink,
                    LinkType::Inline => LinkKind::Inline,
                    _ => LinkKind::Reference,
                };
                let start = b.text_len(r.start);
                links.push((start, dest_url.to_string(), kind));
                if kind == LinkKind::Autolink {
                    // The visible text of an autolink is its URL: not prose.
                    b.push(&PLACEHOLDER.to_string(), r.clone(), false);
                    in_autolink = true;
                }
            }
            Event::End(TagEnd::Link) => {
                in_autolink = false;
                if let Some((start, url, kind)) = links.pop() {
                    let end = b.text_len(r.end);
                    if let Some(block) = b.current.as_mut() {
                        block.links.push(Link { text: start..end, url, kind });
                    }
                }
            }
            Event::Text(_) if in_autolink => {}
            Event::Text(t) => {
                let exact = source.get(r.clone()) == Some(&*t);
                b.push(&t, r, exact);
            }
            Event::SoftBreak | Event::HardBreak => {
                b.push(" ", r, false);
                if let Some(block) = b.current.as_mut() {
                    block.line_starts.push(block.text.len());
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                b.push(&PLACEHOLDER.to_string(), r, false)
            }
            Event::FootnoteReference(label) => {
                let start = b.text_len(r.start);
                b.push(&PLACEHOLDER.to_string(), r, false);
                if let Some(block) = b.current.as_mut() {
                    block.footnotes.push((label.to_string(), start..block.text.len()));
                }
            }
            // Inline HTML (tags and comments) is not prose; other events carry no text.
            _ => {}
        }
    }
    b.flush();
    comments.dedup();
    let (metadata, front_matter_error) = match front.as_ref().map(|r| (r.start, metadata(&source[r.clone()])))
    {
        None => (Metadata::default(), None),
        Some((_, Ok(m))) => (m, None),
        Some((start, Err(mut refusal))) => {
            refusal.span = start + refusal.span.start..start + refusal.span.end;
            (Metadata::default(), Some(refusal))
        }
    };
    Document {
        source,
        front_matter: front,
        metadata,
        front_matter_error,
        blocks: b.blocks,
        footnote_definitions,
        comments,
    }
}

struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    blockquote_depth: usize,
    blockquotes: usize,
    /// Where each open emphasis starts in the current block's text.
    emphasis: Vec<usize>,
    /// The next table cell's place, inside a table.
    table: Option<Cell>,
    tables: usize,
}

impl Builder {
    fn open(&mut self, kind: BlockKind, start: usize) {
        self.current = Some(Block {
            kind,
            blockquote: (self.blockquote_depth > 0).then(|| self.blockquotes - 1),
            text: String::new(),
            range: start..start,
            // A run of text per line and per inline element: a few for most blocks.
            segments: Vec::with_capacity(8),
            links: Vec::new(),
            footnotes: Vec::new(),
            line_starts: Vec::new(),
            leading_emphasis: None,
            heading_level: 0,
            cell: None,
            piece: None,
        });
    }

    /// The current block's text length, opening a block for text outside any (tight lists).
    fn text_len(&mut self, at: usize) -> usize {
        if self.current.is_none() {
            self.open(BlockKind::Paragraph, at);
        }
        self.current.as_ref().map_or(0, |b| b.text.len())
    }

    fn push(&mut self, text: &str, range: Range<usize>, exact: bool) {
        self.text_len(range.start);
        let block = self.current.as_mut().expect("opened above");
        if block.segments.is_empty() {
            block.range.start = range.start;
        }
        block.segments.push(Segment {
            text_start: block.text.len(),
            source: (range.start, range.end),
            exact,
        });
        block.text.push_str(text);
        block.range.end = block.range.end.max(range.end);
    }

    fn flush(&mut self) {
        if let Some(block) = self.current.take() {
            if !block.text.trim().is_empty() {
                // Every block is held until extraction ends: its eight reserved segments
                // (256 bytes) were most of a short paragraph's memory.
                let mut block = block;
                block.segments.shrink_to_fit();
                self.blocks.push(block);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// Front matter read without the parser gives what the parser gives: flat mappings of
        /// keys YAML reads as booleans or null, duplicates, dates and numbers, values with
        /// colons, comments, quotes, brackets and indentation.
        #[test]
        fn simple_front_matter_reads_as_yaml_does(lines in proptest::collection::vec(
            (
                "(date|quotelint|title|a|b|true|True|null|Null|yes|on|x1|-y|  date|# note|)",
                "(: |:|:\\t| : |: : )",
                "(2019-07-18|2019-07|2019|2019-7-18|\\+2019|0x10|1_000|2019-07-18 |it's \\(x\\) 1/2, y\\.|x: y|a #c|'q'|\\[1\\]|-x|true|é|disable|)",
            ),
            0..6,
        )) {
            let text: String = lines.iter().map(|(k, sep, v)| format!("{k}{sep}{v}\n")).collect();
            if let Some(simple) = simple_metadata(&text) {
                proptest::prop_assert_eq!(Ok(simple), parsed_metadata(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn typical_front_matter_is_read_without_the_parser() {
        let text = "title: Notes 770\ndate: 2019-07-18\n# draft\n\nauthor: A. Writer, (ed.)\n";
        let simple = simple_metadata(text).expect("simple");
        assert_eq!(simple.date, Some(serde_norway::Value::String("2019-07-18".into())));
        assert_eq!(Ok(simple), parsed_metadata(text));
        for other in ["date: 2019\n", "quotelint:\n  disable: misdated\n", "a: 1\na: 2\n", "t: x: y\n"] {
            assert_eq!(simple_metadata(other), None, "{other}");
        }
        // `true` and `True` are one key, so the parser refuses the mapping and its date.
        let twice = "date: 2019-07-18\ntrue: 1\nTrue: 2\n";
        assert_eq!(parsed_metadata(twice), Ok(Metadata::default()));
        assert!(simple_metadata(twice).is_none_or(|s| Ok(s) == parsed_metadata(twice)));
    }

    fn texts<'a>(doc: &'a Document) -> Vec<&'a str> {
        doc.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn code_html_and_comments_are_not_prose() {
        let src = "Said `\"not a quote\"` here.\n\n```\n\"fenced quote\"\n```\n\n<div>\n\"html block\"\n</div>\n\nA <!-- \"comment\" --> b.\n";
        let doc = parse(src);
        assert_eq!(texts(&doc), vec!["Said \u{FFFC} here.", "A  b."]);
    }

    #[test]
    fn inline_markup_is_joined_and_maps_back_to_source() {
        let src = "He said \"we *will* not [move](https://x.org) east\" then.\n";
        let doc = parse(src);
        let b = &doc.blocks[0];
        assert_eq!(b.text, "He said \"we will not move east\" then.");
        let open = b.text.find('"').unwrap();
        let close = b.text.rfind('"').unwrap() + 1;
        let r = b.source_range(open..close);
        assert_eq!(&src[r], "\"we *will* not [move](https://x.org) east\"");
        assert_eq!(b.links.len(), 1);
        assert_eq!(&b.text[b.links[0].text.clone()], "move");
    }

    #[test]
    fn soft_breaks_join_lines() {
        let doc = parse("\"one\ntwo\"\n");
        assert_eq!(doc.blocks[0].text, "\"one two\"");
    }

    #[test]
    fn front_matter_only_at_byte_zero() {
        let doc = parse("---\ndate: 2022-01-10\n---\nBody.\n\n---\n\nAfter a rule.\n");
        assert_eq!(&doc.source[doc.front_matter.clone().unwrap()], "date: 2022-01-10\n");
        assert_eq!(texts(&doc), vec!["Body.", "After a rule."]);
        let doc = parse("Intro.\n\n---\ntitle: x\n---\n");
        assert!(doc.front_matter.is_none());
    }

    #[test]
    fn bom_and_crlf_keep_offsets() {
        let src = "\u{feff}---\r\ndate: 2022\r\n---\r\nA \"b\"\r\nc.\r\n";
        let doc = parse(src);
        assert_eq!(&src[doc.front_matter.clone().unwrap()], "date: 2022\r\n");
        let b = &doc.blocks[0];
        let q = b.text.find('"').unwrap();
        assert_eq!(&src[b.source_range(q..q + 3)], "\"b\"");
    }

    #[test]
    fn blockquotes_group_their_paragraphs() {
        let doc = parse("> one\n>\n> two\n\nout\n\n> three\n");
        let groups: Vec<Option<usize>> = doc.blocks.iter().map(|b| b.blockquote).collect();
        assert_eq!(groups, vec![Some(0), Some(0), None, Some(1)]);
    }

    #[test]
    fn list_items_tables_and_footnotes() {
        let src = "- first \"item\"\n- second\n\n| a | b |\n|---|---|\n| c | d |\n\nText[^1] and [^2].\n\n[^1]: Source, \"Title,\" 1998.\n";
        let doc = parse(src);
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[0], BlockKind::ListItem);
        assert!(kinds.contains(&BlockKind::TableCell));
        assert_eq!(*kinds.last().unwrap(), BlockKind::Footnote);
        assert!(doc.footnote_definitions.contains("1"));
        let para = doc.blocks.iter().find(|b| b.text.starts_with("Text")).unwrap();
        assert_eq!(para.footnotes.len(), 1, "{:?}", para.text);
    }

    #[test]
    fn table_cells_know_their_row_and_column() {
        let src =
            "| Who | What |\n| --- | --- |\n| Baker | \"one\" |\n| | \"two\" |\n\n| x |\n|---|\n| y |\n";
        let doc = parse(src);
        let cells: Vec<(&str, Option<Cell>)> = doc.blocks.iter().map(|b| (b.text.as_str(), b.cell)).collect();
        let at = |table, row, column| Some(Cell { table, row, column });
        assert_eq!(
            cells,
            vec![
                ("Who", at(0, 0, 0)),
                ("What", at(0, 0, 1)),
                ("Baker", at(0, 1, 0)),
                ("\"one\"", at(0, 1, 1)),
                ("\"two\"", at(0, 2, 1)),
                ("x", at(1, 0, 0)),
                ("y", at(1, 1, 0)),
            ]
        );
    }

    #[test]
    fn emphasis_and_heading_levels() {
        let doc = parse("## Sources\n\n*Hurd to **Genscher**, 1990*[^1] and **b**\n\nA *b*\n\n[^1]: x\n");
        assert_eq!(doc.blocks[0].heading_level, 2);
        let b = &doc.blocks[1];
        assert_eq!(b.heading_level, 0);
        assert_eq!(b.leading_emphasis.map(|e| &b.text[..e]), Some("Hurd to Genscher, 1990"));
        assert_eq!(doc.blocks[2].leading_emphasis, None);
    }

    #[test]
    fn autolink_urls_are_not_prose_but_are_links() {
        let doc = parse("See <https://example.org/\"x\"> now.\n");
        let b = &doc.blocks[0];
        assert!(!b.text.contains('"'));
        assert_eq!(b.links[0].kind, LinkKind::Autolink);
    }
}
