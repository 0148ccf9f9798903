//! serde's messages in a writer's words, and every problem of a YAML file rather than the
//! first: records and configurations are written by hand, by people who do not read Rust.

use std::ops::Range;

use serde::de::DeserializeOwned;

/// `invalid type: string "four", expected usize` at `min-words` becomes "`min-words` must be a
/// whole number, got "four"". Messages of other forms are kept.
pub fn translate(message: &str) -> String {
    // serde_norway puts the path to the value first: `people[0].aliases: invalid type: …`.
    let (path, rest) = match message.split_once(": ") {
        Some((path, rest))
            if !path.is_empty()
                && path.chars().all(|c| c.is_alphanumeric() || "-_.[]".contains(c))
                && !matches!(path, "invalid type" | "invalid value" | "invalid length") =>
        {
            (Some(path), rest)
        }
        _ => (None, message),
    };
    let subject = path.map_or_else(|| "this value".to_owned(), |p| format!("`{p}`"));
    for kind in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some((got, want)) = rest.strip_prefix(kind).and_then(|r| r.rsplit_once(", expected ")) {
            let got = if kind == "invalid length " { format!("{got} items") } else { got_words(got) };
            return format!("{subject} must be {}, got {got}", want_words(want));
        }
    }
    if let Some(r) = rest.strip_prefix("unknown field `") {
        let (key, known) = r.split_once('`').unwrap_or((r, ""));
        let keys = backticked(known);
        let mut out = format!("unknown key `{key}`");
        if let Some(p) = path {
            out.push_str(&format!(" in `{p}`"));
        }
        if let Some(s) = crate::record::suggest_id(key, keys.iter().copied()) {
            out.push_str(&format!("; {s}"));
        } else if !keys.is_empty() {
            out.push_str(&format!("; the keys here are {}", keys.join(", ")));
        }
        return out;
    }
    if let Some(r) = rest.strip_prefix("unknown variant `") {
        let (value, known) = r.split_once('`').unwrap_or((r, ""));
        let values = backticked(known);
        let hint = crate::record::suggest_id(value, values.iter().copied())
            .map_or_else(String::new, |s| format!("; {s}"));
        return format!("{subject} must be one of {}, got `{value}`{hint}", values.join(", "));
    }
    if let Some(key) = rest.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return match path {
            Some(p) => format!("`{p}` has no `{key}`, which it needs"),
            None => format!("`{key}` is missing, and needed"),
        };
    }
    if let Some(key) = rest.strip_prefix("duplicate field `").and_then(|r| r.strip_suffix('`')) {
        return format!("`{key}` is given twice");
    }
    message.to_owned()
}

/// The words between backticks: "expected one of `a`, `b`" gives a, b.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// What serde says it expected, as a writer would say it.
fn want_words(want: &str) -> String {
    let want = want.trim();
    match want {
        "usize" | "u8" | "u16" | "u32" | "u64" | "u128" | "isize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "an integer" => "a whole number".to_owned(),
        "f32" | "f64" | "a float" => "a number".to_owned(),
        "a boolean" | "bool" => "true or false".to_owned(),
        "a string" | "a borrowed string" => "text".to_owned(),
        "a character" | "char" => "a single character".to_owned(),
        "a sequence" | "sequence" => "a list".to_owned(),
        "a map" | "map" => "a mapping of keys to values".to_owned(),
        _ if want.starts_with("struct ") => "a mapping of keys to values".to_owned(),
        _ if want.starts_with("a sequence of ") || want.starts_with("an array of ") => "a list".to_owned(),
        _ => want.to_owned(),
    }
}

/// What serde says it got, as a writer would say it; a long text is cut short.
fn got_words(got: &str) -> String {
    let ticked = |prefix: &str| got.strip_prefix(prefix).map(|v| v.trim_matches('`').to_owned());
    if let Some(s) = got.strip_prefix("string ") {
        return cut(s);
    }
    if let Some(v) = ticked("integer ").or_else(|| ticked("floating point ")).or_else(|| ticked("boolean ")) {
        return v;
    }
    match got {
        "sequence" => "a list".to_owned(),
        "map" => "a mapping".to_owned(),
        "unit value" => "nothing (null)".to_owned(),
        _ => cut(got),
    }
}

/// At most 40 characters of a value, marked when cut.
fn cut(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &value[..i]),
        None => value.to_owned(),
    }
}

/// Some whole lines of a file, decoded on their own; `header` is a line put before them (the
/// section they are in), which is not in the file.
pub struct Piece {
    pub header: String,
    /// Byte range of whole lines of the file.
    pub lines: Range<usize>,
}

/// Decodes each piece of `text` as `T`: its value, or its problem located in the file. serde
/// stops at a file's first problem; decoding the file in pieces (a configuration's keys, a
/// record's entries) finds the problems of every piece, each at its place in the file.
pub fn decode_pieces<T: DeserializeOwned>(
    text: &str,
    pieces: &[Piece],
) -> Vec<Result<Option<T>, (String, usize)>> {
    let lines = crate::diagnostic::LineIndex::new(text);
    pieces
        .iter()
        .map(|piece| {
            let body = &text[piece.lines.clone()];
            let yaml = format!("{}{body}", piece.header);
            serde_norway::from_str::<Option<T>>(&yaml).map_err(|e| {
                let header_lines = piece.header.matches('\n').count();
                let first_line = lines.line(piece.lines.start);
                let offset = match e.location() {
                    Some(l) if l.line() > header_lines => {
                        lines.offset(text, first_line + l.line() - 1 - header_lines, l.column())
                    }
                    _ => piece.lines.start,
                };
                (e.to_string(), offset)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn serde_messages_are_put_in_a_writers_words() {
        let cases = [
            ("min-words: invalid type: string \"four\", expected usize", "`min-words` must be a whole number, got \"four\""),
            (
                "people[0].aliases: invalid type: integer `5`, expected a sequence",
                "`people[0].aliases` must be a list, got 5",
            ),
            (
                "quotations[0]: invalid type: sequence, expected struct Quotation",
                "`quotations[0]` must be a mapping of keys to values, got a list",
            ),
            ("unknown field `excludes`, expected one of `include`, `exclude`", "unknown key `excludes`; did you mean `exclude`?"),
            (
                "people[0]: unknown field `zzz`, expected one of `id`, `name`",
                "unknown key `zzz` in `people[0]`; the keys here are id, name",
            ),
            ("people[0]: missing field `id`", "`people[0]` has no `id`, which it needs"),
            (
                "quotations[1].confidence: unknown variant `hgh`, expected one of `high`, `medium`, `low`",
                "`quotations[1].confidence` must be one of high, medium, low, got `hgh`; did you mean `high`?",
            ),
            ("default-rules: invalid type: string \"yes please\", expected a boolean", "`default-rules` must be true or false, got \"yes please\""),
            ("`true` does not say a severity: write error, warning or info", "`true` does not say a severity: write error, warning or info"),
        ];
        for (serde, plain) in cases {
            assert_eq!(translate(serde), plain);
        }
        let long = format!("name: invalid type: string \"{}\", expected usize", "x".repeat(100));
        assert!(translate(&long).ends_with("x…"), "{}", translate(&long));
    }
}
