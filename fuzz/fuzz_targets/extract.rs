//! The extractors on arbitrary text: quote pairing, dates (absolute and relative), word
//! normalization and Markdown parsing. Every range they return must lie inside the text, on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotelint::date::PartialDate;
use quotelint::extract::{dates, quotes};
use quotelint::normalize::{tokens, words};

fn inside(text: &str, r: &std::ops::Range<usize>, what: &str) {
    assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} outside {} bytes", text.len());
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} splits a character"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for q in quotes::find(text) {
        inside(text, &q.outer, "quote");
        inside(text, &q.inner, "quote inner");
        assert!(q.outer.start <= q.inner.start && q.inner.end <= q.outer.end);
    }
    for d in dates::find(text) {
        inside(text, &d.range, "date");
    }
    let article = PartialDate::parse("2022-02-16").expect("date");
    for d in dates::find_relative(text, article) {
        inside(text, &d.range, "relative date");
    }
    for (_, r) in tokens(text) {
        inside(text, &r, "token");
    }
    // Normalizing is idempotent: the words of the words are the same words.
    let once = words(text).join(" ");
    assert_eq!(words(&once).join(" "), once);
    let doc = quotelint::markdown::parse(text);
    for b in &doc.blocks {
        inside(text, &b.range, "block");
    }
    for c in &doc.comments {
        inside(text, c, "comment");
    }
});
