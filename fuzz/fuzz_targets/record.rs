//! The record loader on arbitrary YAML, as a user's record file added to the default record:
//! decoding, merging, validation and error location must never panic, and every error must
//! point inside the file it names. A record that loads must also check an article.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use quotelint::engine::{Engine, Settings};
use quotelint::record::{default_sources, Layer, Record, RecordSource};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = default_sources();
    sources.push(RecordSource {
        name: "user.yaml".into(),
        text: Cow::Owned(text.to_owned()),
        layer: Layer::User,
        entries: None,
    });
    let mut errors = Vec::new();
    let record = Record::from_sources(sources, &mut errors);
    for e in &errors {
        // Rendering locates the error in its file: it must not panic either.
        let _ = format!("{e} {e:?}");
    }
    if errors.is_empty() {
        let engine = Engine::new(&record, Settings::default());
        let _ = engine.check("In March 1991 John Major told Gorbachev: \"We are not talking about the strengthening of NATO.\"\n");
    }
});
