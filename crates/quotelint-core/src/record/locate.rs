//! Finds where a value sits in a record file, for errors found after decoding.
//!
//! Decoding with serde is fast but forgets positions; problems are rare, so the file is parsed
//! again with a position-keeping parser only when one needs a location.

use saphyr::{LoadableYamlNode, MarkedYaml, YamlData};

use crate::diagnostic::LineIndex;

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// A parsed file, ready to answer where a path's value is.
pub struct Locator<'a> {
    text: &'a str,
    root: Option<MarkedYaml<'a>>,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let root = MarkedYaml::load_from_str(text).ok().and_then(|mut docs| {
            if docs.is_empty() {
                None
            } else {
                Some(docs.swap_remove(0))
            }
        });
        Locator { text, root, lines: LineIndex::new(text) }
    }

    /// The byte range of the value at `path`, or of the deepest part of the path that exists.
    pub fn locate(&self, path: &[Step]) -> std::ops::Range<usize> {
        let Some(mut node) = self.root.as_ref() else { return 0..0 };
        for step in path {
            let next = match (step, &node.data) {
                (Step::Key(key), YamlData::Mapping(map)) => {
                    map.iter().find(|(k, _)| k.data.as_str() == Some(key)).map(|(_, v)| v)
                }
                (Step::Index(i), YamlData::Sequence(seq)) => seq.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        let start = self.offset(node.span.start.line(), node.span.start.col());
        let end = self.offset(node.span.end.line(), node.span.end.col()).max(start);
        // Block scalars end at the start of the next line: stop at the last content character.
        let trimmed = self.text[start..end].trim_end().len();
        start..start + trimmed
    }

    /// The number of items of the sequence at `path`, if there is one.
    pub fn len(&self, path: &[Step]) -> Option<usize> {
        let mut node = self.root.as_ref()?;
        for step in path {
            node = match (step, &node.data) {
                (Step::Key(key), YamlData::Mapping(map)) => {
                    map.iter().find(|(k, _)| k.data.as_str() == Some(key)).map(|(_, v)| v)?
                }
                (Step::Index(i), YamlData::Sequence(seq)) => seq.get(*i)?,
                _ => return None,
            };
        }
        match &node.data {
            YamlData::Sequence(seq) => Some(seq.len()),
            _ => None,
        }
    }

    /// Byte offset of a 1-based line and a 0-based column counted in characters (saphyr's).
    fn offset(&self, line: usize, col: usize) -> usize {
        self.lines.offset(self.text, line, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_by_path() {
        let text = "quotations:\n  - id: a\n    speaker: x\n  - id: b\n    speaker: Wörner\n";
        let loc = Locator::new(text);
        let r = loc.locate(&[Step::Key("quotations"), Step::Index(1), Step::Key("speaker")]);
        assert_eq!(&text[r], "Wörner");
        let r = loc.locate(&[Step::Key("quotations"), Step::Index(0), Step::Key("id")]);
        assert_eq!(&text[r], "a");
    }

    #[test]
    fn falls_back_to_the_deepest_existing_node() {
        let text = "people:\n  - id: a\n";
        let loc = Locator::new(text);
        let r = loc.locate(&[Step::Key("people"), Step::Index(0), Step::Key("name")]);
        assert!(text[r].starts_with("id: a"));
    }

    #[test]
    fn counts_columns_in_characters() {
        let text = "a: \"Wörner\"\nb: ü\n";
        let loc = Locator::new(text);
        assert_eq!(&text[loc.locate(&[Step::Key("b")])], "ü");
    }
}
