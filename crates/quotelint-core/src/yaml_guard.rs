//! What a YAML file (front matter, a config, a record) must not do before a YAML parser reads
//! it: nest flow collections deeper than a bound, expand aliases beyond a budget, or carry tags
//! that would be silently read as strings.
//!
//! Both YAML parsers quotelint uses (libyaml under serde_norway, and saphyr) scan in time that
//! grows with the flow nesting depth for every token, so 100,000 `[` took 40 s; the depth is
//! therefore bounded here by a scanner of its own, linear, before either parser sees the text.
//! Aliases are expanded by serde into copies: ten thousand aliases of a ten-thousand-item list
//! took 2.3 GB. Only when the text holds an alias is it parsed for events (saphyr's streaming
//! parser, which holds nothing), to weigh what each alias would add.
//!
//! The scanner follows YAML's (and libyaml's) rules for where a node starts, so that a quote,
//! bracket, tag or alias inside a string, a comment, a block scalar or a plain scalar's
//! continuation lines is not taken for one, and one that starts a node is never missed.

use std::ops::Range;

/// What a file may do.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Flow collections (`[`, `{`) nested deeper than this are refused.
    pub max_depth: usize,
    /// The weight aliases may add, at least; more for a larger file (see [`alias_budget`]).
    pub min_alias_budget: usize,
}

impl Limits {
    /// Configs and records: deeper than any real one (a record nests five levels).
    pub const FILE: Limits = Limits { max_depth: 64, min_alias_budget: 1 << 20 };
    /// Front matter: metadata is small and flat.
    pub const FRONT_MATTER: Limits = Limits { max_depth: 32, min_alias_budget: 1 << 20 };
}

/// The weight of a node, for the alias budget: its bytes and this for the node itself,
/// about what a parsed node costs in memory.
const NODE_WEIGHT: usize = 16;

/// Aliases may add at most this weight: four times the file's length, or the limit's minimum.
pub fn alias_budget(text: &str, limits: Limits) -> usize {
    (4 * text.len()).max(limits.min_alias_budget)
}

/// Why a text was refused, and the byte range in it at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub reason: Reason,
    pub message: String,
    pub help: &'static str,
    pub span: Range<usize>,
}

/// What a refused text did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Depth,
    Tag,
    Aliases,
}

/// Tags that say only what YAML would read anyway; any other (`!!binary`, `!!timestamp`,
/// `!custom`) would be silently read as a string.
const CORE_TAGS: [&str; 8] = ["!", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!seq", "!!map"];

/// Refuses `text` if it nests too deeply, holds a tag beyond the core ones, or expands aliases
/// beyond the budget. A text that is not YAML passes: the parser reports that.
pub fn check(text: &str, limits: Limits) -> Result<(), Refusal> {
    let scan = Scanner::new(&line_feeds(text), limits.max_depth).run()?;
    if let Some(first_alias) = scan.first_alias {
        check_aliases(text, limits, first_alias)?;
    }
    Ok(())
}

/// What the scan found.
struct Scan {
    /// Where the first alias starts.
    first_alias: Option<usize>,
}

/// A pending block scalar: the lines it holds are skipped.
#[derive(Debug, Clone, Copy)]
struct BlockScalar {
    /// Lines indented at least this much belong to it; `None` until its first content line.
    indent: Option<usize>,
    /// The least indentation its content may have (libyaml's `parser->indent + 1`, at least 1).
    min: usize,
    /// The most indentation of its leading blank lines (libyaml counts them).
    blank_max: usize,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
    /// Flow nesting depth.
    depth: usize,
    /// Columns of the open block collections (libyaml's indent stack).
    indents: Vec<usize>,
    /// Start of the current line, and a column cache: `col_pos` is at column `col`.
    line_start: usize,
    col_pos: usize,
    col: usize,
    /// A block scalar whose lines are being skipped.
    block_scalar: Option<BlockScalar>,
    /// A plain scalar that ended at a line end, in block context: more indented lines continue it.
    plain_continues: bool,
    /// A plain scalar that ended at a line end, in flow context: the next token continues it.
    flow_plain_continues: bool,
    first_alias: Option<usize>,
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_flow_indicator(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, max_depth: usize) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            max_depth,
            depth: 0,
            indents: Vec::new(),
            line_start: 0,
            col_pos: 0,
            col: 0,
            block_scalar: None,
            plain_continues: false,
            flow_plain_continues: false,
            first_alias: None,
        }
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    /// The byte at `pos` ends a token: a blank, a line end, or the end.
    fn blank_or_end_at(&self, pos: usize) -> bool {
        self.bytes.get(pos).is_none_or(|&b| is_blank(b) || b == b'\n' || b == b'\r')
    }

    /// The column (in characters) of `pos`, which is on the current line, at or after any
    /// position asked before on it.
    fn column(&mut self, pos: usize) -> usize {
        if self.col_pos < self.line_start || self.col_pos > pos {
            self.col_pos = self.line_start;
            self.col = 0;
        }
        self.col += self.bytes[self.col_pos..pos].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        self.col_pos = pos;
        self.col
    }

    /// The innermost open block collection's column, as a signed indent (-1 for none).
    fn indent(&self) -> isize {
        self.indents.last().map_or(-1, |&i| i as isize)
    }

    /// Moves past the end of the current line (its line break included).
    fn skip_line(&mut self) {
        match memchr::memchr(b'\n', &self.bytes[self.pos..]) {
            Some(i) => self.pos += i + 1,
            None => self.pos = self.bytes.len(),
        }
    }

    fn refuse(&self, reason: Reason, message: String, help: &'static str, span: Range<usize>) -> Refusal {
        Refusal { reason, message, help, span }
    }

    fn run(mut self) -> Result<Scan, Refusal> {
        while self.pos < self.bytes.len() {
            self.line()?;
        }
        Ok(Scan { first_alias: self.first_alias })
    }

    /// One line that starts in block context (or continues a flow collection).
    fn line(&mut self) -> Result<(), Refusal> {
        self.line_start = self.pos;
        if self.depth > 0 {
            return self.rest_of_line();
        }
        let rest = &self.bytes[self.pos..];
        let indent = rest.iter().take_while(|&&b| b == b' ').count();
        let after = rest.get(indent).copied();
        let blank = after.is_none_or(|b| b == b'\n' || b == b'\r' || b == b'\t');
        let blank = blank && {
            let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
            rest[..end].iter().all(|&b| is_blank(b) || b == b'\r')
        };
        if let Some(mut block) = self.block_scalar {
            match block.indent {
                None if blank => {
                    block.blank_max = block.blank_max.max(indent);
                    self.block_scalar = Some(block);
                    self.skip_line();
                    return Ok(());
                }
                None => {
                    let content = indent.max(block.blank_max).max(block.min);
                    if indent >= content {
                        self.block_scalar = Some(BlockScalar { indent: Some(content), ..block });
                        self.skip_line();
                        return Ok(());
                    }
                    self.block_scalar = None;
                }
                Some(content) if blank || indent >= content => {
                    self.skip_line();
                    return Ok(());
                }
                Some(_) => self.block_scalar = None,
            }
        }
        // A document marker ends whatever was open.
        let marker = indent == 0
            && (rest.starts_with(b"---") || rest.starts_with(b"..."))
            && self.blank_or_end_at(self.pos + 3);
        if marker {
            self.indents.clear();
            self.plain_continues = false;
            self.pos += 3;
            return self.rest_of_line();
        }
        if blank {
            self.skip_line();
            return Ok(());
        }
        if self.plain_continues {
            if after != Some(b'#') && indent as isize > self.indent() {
                // A continuation line of a plain scalar is text, up to a comment.
                return self.plain_continuation();
            }
            self.plain_continues = false;
        }
        if indent == 0 && after == Some(b'%') {
            if rest.starts_with(b"%TAG") {
                let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                return Err(self.refuse(
                    Reason::Tag,
                    "YAML %TAG directives are not supported".into(),
                    "remove the directive and its tags",
                    self.pos..self.pos + end,
                ));
            }
            self.skip_line();
            return Ok(());
        }
        while self.indents.last().is_some_and(|&i| i > indent) {
            self.indents.pop();
        }
        self.pos += indent;
        self.rest_of_line()
    }

    /// A line continuing a plain scalar: text, ended by a comment.
    fn plain_continuation(&mut self) -> Result<(), Refusal> {
        let end = memchr::memchr(b'\n', &self.bytes[self.pos..]).map_or(self.bytes.len(), |i| self.pos + i);
        let line = &self.bytes[self.pos..end];
        if line.windows(2).any(|w| is_blank(w[0]) && w[1] == b'#') {
            self.plain_continues = false;
        }
        self.pos = (end + 1).min(self.bytes.len());
        Ok(())
    }

    /// The rest of the line from `pos`, where a token starts. Only a plain scalar's text is
    /// not a token start: the scanner of a YAML parser sees a quote, bracket or tag after any
    /// other token, where it is a node or an error.
    fn rest_of_line(&mut self) -> Result<(), Refusal> {
        // Where the current node's first token starts, in block context: if it is a key, its
        // column opens a mapping.
        let mut node_col: Option<usize> = None;
        loop {
            let Some(b) = self.peek(0) else { return Ok(()) };
            match b {
                b'\n' => {
                    self.pos += 1;
                    return Ok(());
                }
                b' ' | b'\t' | b'\r' => {
                    self.pos += 1;
                    continue;
                }
                b'#' if self.pos == self.line_start || is_blank(self.bytes[self.pos - 1]) => {
                    self.flow_plain_continues = false;
                    self.skip_line();
                    return Ok(());
                }
                _ => {}
            }
            let start = self.pos;
            let flow = self.depth > 0;
            let value = b == b':' && (flow || self.blank_or_end_at(start + 1));
            if std::mem::take(&mut self.flow_plain_continues) && flow && !value && !is_flow_indicator(b) {
                // A flow plain scalar continued from the line before: its text, whatever it starts with.
                self.plain(flow);
                continue;
            }
            if value {
                self.pos += 1;
                if let Some(col) = node_col.take() {
                    if !flow && col as isize > self.indent() {
                        self.indents.push(col);
                    }
                }
                continue;
            }
            if (b == b'-' || b == b'?') && self.blank_or_end_at(start + 1) {
                if !flow {
                    let col = self.column(start);
                    if col as isize > self.indent() {
                        self.indents.push(col);
                    }
                }
                self.pos += 1;
                node_col = None;
                continue;
            }
            if !flow && node_col.is_none() {
                node_col = Some(self.column(start));
            }
            match b {
                b'[' | b'{' => {
                    self.depth += 1;
                    self.pos += 1;
                    if self.depth > self.max_depth {
                        return Err(self.refuse(
                            Reason::Depth,
                            format!("brackets nested more than {} deep", self.max_depth),
                            "YAML this deep is not a record, config or front matter; flatten it",
                            start..start + 1,
                        ));
                    }
                }
                b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.pos += 1;
                }
                b',' => self.pos += 1,
                b'"' => self.double_quoted(),
                b'\'' => self.single_quoted(),
                b'|' | b'>' if !flow => {
                    self.pos += 1;
                    let mut explicit = None;
                    while let Some(c) = self.peek(0) {
                        match c {
                            b'1'..=b'9' => explicit = Some((c - b'0') as usize),
                            b'+' | b'-' => {}
                            _ => break,
                        }
                        self.pos += 1;
                    }
                    let parent = self.indent();
                    let min = (parent + 1).max(1) as usize;
                    let indent = explicit.map(|d| if parent >= 0 { parent as usize + d } else { d });
                    self.block_scalar = Some(BlockScalar { indent, min, blank_max: 0 });
                    self.skip_line();
                    return Ok(());
                }
                b'!' => {
                    let end = self.token_end(start, flow);
                    let tag = &self.text[start..end];
                    if !CORE_TAGS.contains(&tag) {
                        return Err(self.refuse(
                            Reason::Tag,
                            format!("YAML tag `{tag}` is not supported"),
                            "quotelint reads plain YAML: write the value without a tag",
                            start..end,
                        ));
                    }
                    self.pos = end;
                }
                b'&' => self.pos = self.token_end(start, flow),
                b'*' => {
                    self.first_alias.get_or_insert(start);
                    self.pos = self.token_end(start, flow);
                }
                _ => {
                    self.plain(flow);
                    if self.peek(0).is_none_or(|b| b == b'\n') {
                        if flow {
                            self.flow_plain_continues = true;
                        } else {
                            self.plain_continues = true;
                        }
                    }
                }
            }
        }
    }

    /// The end of an anchor, alias or tag starting at `start`.
    fn token_end(&self, start: usize, flow: bool) -> usize {
        let mut end = start + 1;
        while let Some(&b) = self.bytes.get(end) {
            if is_blank(b) || b == b'\n' || b == b'\r' || (flow && is_flow_indicator(b)) {
                break;
            }
            end += 1;
        }
        end
    }

    /// A plain scalar from `pos`, to its end on this line: `: `, ` #`, a line end, or in flow
    /// context a flow indicator. Stops before what ended it.
    fn plain(&mut self, flow: bool) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => return,
                b':' if self.blank_or_end_at(self.pos + 1)
                    || (flow && self.bytes.get(self.pos + 1).is_some_and(|&c| is_flow_indicator(c))) =>
                {
                    return
                }
                b'#' if self.pos > 0 && is_blank(self.bytes[self.pos - 1]) => return,
                _ if flow && is_flow_indicator(b) => return,
                _ => self.pos += 1,
            }
        }
    }

    /// A double-quoted scalar, over as many lines as it takes.
    fn double_quoted(&mut self) {
        self.quoted(b'"', |bytes, i| if bytes[i] == b'\\' { 2 } else { 0 });
    }

    /// A single-quoted scalar (`''` is a quote), over as many lines as it takes.
    fn single_quoted(&mut self) {
        self.quoted(
            b'\'',
            |bytes, i| if bytes[i] == b'\'' && bytes.get(i + 1) == Some(&b'\'') { 2 } else { 0 },
        );
    }

    /// A quoted scalar from `pos` (its opening quote) to past its closing `quote`; `escape`
    /// says how many bytes an escape at an index takes (0 for none).
    fn quoted(&mut self, quote: u8, escape: impl Fn(&[u8], usize) -> usize) {
        let mut i = self.pos + 1;
        while i < self.bytes.len() {
            let Some(j) = memchr::memchr3(quote, b'\\', b'\n', &self.bytes[i..]) else { break };
            i += j;
            match escape(self.bytes, i) {
                0 if self.bytes[i] == quote => {
                    self.pos = i + 1;
                    return;
                }
                0 => i += 1,
                n => i += n,
            }
            if self.bytes.get(i - 1) == Some(&b'\n') {
                self.line_start = i;
            }
        }
        self.pos = self.bytes.len();
    }
}

/// `text` with every line break YAML 1.1 knows (lone CR, NEL, LS, PS) made a line feed at the
/// same byte offsets, so that the scanner sees the lines libyaml sees.
fn line_feeds(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone_cr = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
    let unicode = ['\u{85}', '\u{2028}', '\u{2029}'].iter().any(|c| text.contains(*c));
    if !lone_cr && !unicode {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            '\u{85}' => out.push_str(" \n"),
            '\u{2028}' | '\u{2029}' => out.push_str("  \n"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Weighs what every alias would add, with saphyr's streaming parser, and refuses the first
/// alias past the budget. A text saphyr cannot parse is refused with its reason (the aliases in
/// it cannot be weighed).
fn check_aliases(text: &str, limits: Limits, first_alias: usize) -> Result<(), Refusal> {
    use saphyr_parser::{Event, Parser};
    let budget = alias_budget(text, limits);
    let lines = crate::diagnostic::LineIndex::new(text);
    let offset = |m: saphyr_parser::Marker| lines.offset(text, m.line(), m.col() + 1);
    // The weight of each anchored node, by anchor id.
    let mut anchors: Vec<usize> = Vec::new();
    // Open collections: (anchor id, weight so far).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut added = 0usize;
    let set_anchor = |anchors: &mut Vec<usize>, id: usize, weight: usize| {
        if id > 0 {
            if anchors.len() <= id {
                anchors.resize(id + 1, 0);
            }
            anchors[id] = weight;
        }
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(e) => e,
            Err(e) => {
                let at = offset(*e.marker());
                return Err(Refusal {
                    reason: Reason::Aliases,
                    message: format!("YAML with aliases that cannot be read: {}", e.info()),
                    help: "fix the YAML, or write the values out instead of aliasing them",
                    span: at.min(first_alias)..at.min(first_alias) + 1,
                });
            }
        };
        let weight = match event {
            Event::Scalar(value, _, anchor, _) => {
                let w = value.len() + NODE_WEIGHT;
                set_anchor(&mut anchors, anchor, w);
                w
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, NODE_WEIGHT));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some((anchor, w)) = open.pop() else { continue };
                set_anchor(&mut anchors, anchor, w);
                w
            }
            Event::Alias(id) => {
                let w = anchors.get(id).copied().unwrap_or(0);
                added = added.saturating_add(w);
                if added > budget {
                    let start = offset(span.start);
                    let end = offset(span.end).max(start + 1).min(text.len());
                    return Err(Refusal {
                        reason: Reason::Aliases,
                        message: format!(
                            "YAML aliases expand to more than {} KiB (four times the file, or 1 MiB)",
                            budget >> 10
                        ),
                        help: "write the values out instead of aliasing them",
                        span: start..end,
                    });
                }
                w
            }
            _ => continue,
        };
        if let Some(parent) = open.last_mut() {
            parent.1 = parent.1.saturating_add(weight);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_refused(text: &str) -> bool {
        matches!(check(text, Limits { max_depth: 3, min_alias_budget: 1 << 20 }), Err(r) if r.message.contains("nested"))
    }

    #[test]
    fn flow_depth_is_bounded() {
        assert!(!depth_refused("a: [[[x]]]\n"));
        assert!(depth_refused("a: [[[[x]]]]\n"));
        assert!(depth_refused("a: [{b: [[x]]}]\n"));
        // Across lines, and after closed siblings.
        assert!(depth_refused("a: [\n  [x], [\n   [[x]]]]\n"));
        assert!(!depth_refused("a: [[x], [x], [x], [[x]]]\n"));
    }

    #[test]
    fn brackets_in_strings_comments_and_scalars_are_not_nesting() {
        assert!(!depth_refused("a: \"[[[[\"\nb: '[[[['\nc: x[[[[ # [[[[\n# [[[[\n"));
        assert!(!depth_refused("a: |\n  [[[[\n  [[[[\nb: >-\n    {{{{\n"));
        assert!(!depth_refused("a: text\n  [[[[ continued\n"));
        assert!(!depth_refused("- don't [[[[\n- it's\n"));
    }

    #[test]
    fn closing_brackets_in_strings_hide_no_nesting() {
        // A quoted `]` must not close a level: the real depth is 5.
        assert!(depth_refused("a: [\"]\", [\"]\", [\"]\", [\"]\", [x]]]]]\n"));
        assert!(depth_refused("a: ['it''s]', ['[', [']', [x, [y]]]]]\n"));
        // A quote inside a plain scalar starts no string that could swallow brackets.
        assert!(depth_refused("a: it's\nb: [[[[x]]]]\nc: '\n"));
        // A block scalar ends at the first line less indented than its content.
        assert!(depth_refused("a: |\n      text\n   b: [[[[x]]]]\n"));
        // A comment after a plain scalar ends it: the next line is YAML again.
        assert!(depth_refused("a: text # c\n  [[[[x]]]]\n"));
        // A lone CR, NEL or LS ends a line for libyaml, so it does for the scan.
        assert!(depth_refused("a: x\r[[[[x]]]]\r"));
        assert!(depth_refused("a: x\u{2028}[[[[x]]]]\n"));
        assert!(depth_refused("a: x\u{85}[[[[x]]]]\n"));
    }

    /// The deepest nesting of collections in `text` as saphyr parses it, if it does.
    fn parsed_depth(text: &str) -> Option<usize> {
        let (mut depth, mut max) = (0usize, 0usize);
        for event in saphyr_parser::Parser::new_from_str(text) {
            match event.ok()?.0 {
                saphyr_parser::Event::SequenceStart(..) | saphyr_parser::Event::MappingStart(..) => {
                    depth += 1;
                    max = max.max(depth);
                }
                saphyr_parser::Event::SequenceEnd | saphyr_parser::Event::MappingEnd => depth -= 1,
                _ => {}
            }
        }
        Some(max)
    }

    /// Flow YAML with scalars full of brackets and quotes, and line breaks and comments
    /// between items.
    fn flow_yaml() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = proptest::sample::select(vec![
            "a",
            "it's",
            "a#b",
            "\"][\"",
            "\"a\\\"]\"",
            "'[''{'",
            "'#['",
            "\"x\n  ]y\"",
            "'a\n  ['",
            "a b",
            "\"\"",
            "'x'",
            "*r",
            "&r z",
        ])
        .prop_map(str::to_owned);
        leaf.prop_recursive(8, 64, 4, |inner| {
            let sep = proptest::sample::select(vec![",", ", ", ",\n  ", " , ", ", # ]] '\n  "]);
            (proptest::collection::vec((inner, sep), 0..4), any::<bool>()).prop_map(|(items, map)| {
                let mut out = String::from(if map { "{" } else { "[" });
                for (i, (item, sep)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    if map {
                        out.push_str(&format!("k{i}: {item}"));
                    } else {
                        out.push_str(item);
                    }
                }
                out.push_str(if map { "}" } else { "]" });
                out
            })
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// Whatever strings, comments and line breaks a flow value holds, the scan refuses it
        /// exactly when the parser nests it too deeply (the top-level mapping not counted).
        #[test]
        fn the_scan_sees_the_depth_the_parser_sees(value in flow_yaml()) {
            let text = format!("r: &r x\nk: {value}\n");
            let parsed = parsed_depth(&text);
            proptest::prop_assert!(parsed.is_some(), "{:?}", text);
            proptest::prop_assert_eq!(depth_refused(&text), parsed.unwrap() > 4, "{:?}", text);
        }
    }

    fn tag_refused(text: &str) -> Option<String> {
        check(text, Limits::FILE).err().map(|r| r.message)
    }

    #[test]
    fn tags_beyond_the_core_ones_are_refused() {
        assert_eq!(
            tag_refused("a: !!binary aGVsbG8=\n").as_deref(),
            Some("YAML tag `!!binary` is not supported")
        );
        assert_eq!(tag_refused("a: !custom x\n").as_deref(), Some("YAML tag `!custom` is not supported"));
        assert_eq!(
            tag_refused("- &x !!binary aGk=\n").as_deref(),
            Some("YAML tag `!!binary` is not supported")
        );
        assert_eq!(tag_refused("a: [!!binary x]\n").as_deref(), Some("YAML tag `!!binary` is not supported"));
        assert!(tag_refused("%TAG !! tag:example.com,2000:\n---\na: !!str x\n").is_some());
        assert_eq!(tag_refused("a: !!str 5\nb: \"!!binary\"\nc: x !y\nd: wow!\n"), None);
    }

    /// The default record's files (block scalars, multi-line plain and quoted scalars, flow
    /// lists, comments) pass as they are.
    #[test]
    fn the_default_record_passes() {
        for source in crate::record::default_sources() {
            assert_eq!(check(&source.text, Limits::FILE), Ok(()), "{}", source.name);
        }
    }

    #[test]
    fn aliases_within_the_budget_pass() {
        let text = "src: &s {url: 'https://example.org', title: 'A source'}\nuses: [*s, *s, *s]\n";
        assert_eq!(check(text, Limits::FILE), Ok(()));
    }

    #[test]
    fn aliases_beyond_the_budget_are_refused_where_they_cross_it() {
        let long = "x".repeat(100_000);
        let refs = vec!["*a"; 100].join(", ");
        let text = format!("a: &a \"{long}\"\nb: [{refs}]\n");
        let refused = check(&text, Limits::FILE).unwrap_err();
        assert!(refused.message.starts_with("YAML aliases expand to more than 1024 KiB"), "{refused:?}");
        // The eleventh alias crosses 1 MiB.
        let b = text.find("b: [").unwrap() + 4;
        assert_eq!(refused.span, b + 10 * 4..b + 10 * 4 + 2);
        // Nested aliases weigh what they expand to.
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            bomb.push_str(&format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 10].join(", ")));
        }
        assert!(check(&bomb, Limits::FILE).is_err());
    }
}
