//! Every attributed quoted passage of the seed article (listed by hand, independently of the
//! record, in tests/data/seed_passages.yaml) is in the default record, with the seed's speaker
//! and a date that agrees with the seed's (or with its correction, where the seed is wrong).
//!
//! Until the check engine exists, "in the record" means: each piece of the passage between
//! ellipses is contained, word for word (ignoring case and punctuation), in the text or a variant
//! of one recorded quotation.

use quotelint::date::PartialDate;
use quotelint::record::{LoadOptions, Quotation, Record};
use serde::Deserialize;

#[derive(Deserialize)]
struct Passage {
    passage: String,
    speaker: Option<Speaker>,
    date: Option<String>,
    /// Where the seed's date is wrong: the date the record must give instead.
    #[serde(default)]
    corrected_date: Option<String>,
    paragraph: usize,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Speaker {
    One(String),
    Many(Vec<String>),
}

fn words(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap() } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The passage's pieces between ellipses, as words.
fn pieces(passage: &str) -> Vec<String> {
    passage
        .replace(". . .", "\u{2026}")
        .replace("...", "\u{2026}")
        .split('\u{2026}')
        .map(words)
        .filter(|p| !p.is_empty())
        .collect()
}

fn contains_all(q: &Quotation, pieces: &[String]) -> bool {
    let texts: Vec<String> = std::iter::once(q.text.as_str())
        .chain(q.variants.iter().map(|v| v.text.as_str()))
        .map(words)
        .collect();
    // Each piece in the text or a variant: the seed sometimes stitches one remark from pieces.
    pieces.iter().all(|p| texts.iter().any(|t| format!(" {t} ").contains(&format!(" {p} "))))
}

#[test]
fn every_seed_passage_is_in_the_record_with_its_speaker_and_date() {
    let record = Record::load(&LoadOptions::default()).expect("default record is valid");
    let passages: Vec<Passage> =
        serde_norway::from_str(include_str!("data/seed_passages.yaml")).expect("seed_passages.yaml parses");
    let attributed: Vec<&Passage> = passages.iter().filter(|p| p.speaker.is_some()).collect();
    assert!(
        attributed.len() >= 40,
        "the seed has at least 40 attributed passages; the table lists {}",
        attributed.len()
    );

    let mut failures = Vec::new();
    for p in attributed {
        let speakers = match p.speaker.as_ref().unwrap() {
            Speaker::One(s) => vec![s.clone()],
            Speaker::Many(v) => v.clone(),
        };
        let pieces = pieces(&p.passage);
        let found: Vec<&Quotation> = record.quotations.iter().filter(|q| contains_all(q, &pieces)).collect();
        let short: String = p.passage.chars().take(60).collect();
        let Some(q) = found.iter().find(|q| q.speaker.0 == speakers) else {
            let who: Vec<String> = found.iter().map(|q| format!("{} by {:?}", q.id, q.speaker.0)).collect();
            failures.push(format!("¶{} \"{short}\": no entry by {speakers:?} (found: {who:?})", p.paragraph));
            continue;
        };
        if let Some(seed_date) = p.corrected_date.as_ref().or(p.date.as_ref()) {
            let seed_date = PartialDate::parse(seed_date).expect("table date");
            // The record's date or one of its accepted dates (a report and its press coverage).
            match q.date.as_ref().and_then(|d| d.valid()) {
                Some(_) if q.dates().any(|d| d.agrees_with(&seed_date)) => {}
                Some(d) => failures.push(format!(
                    "¶{} \"{short}\": record {} dates it {d}, seed {seed_date}",
                    p.paragraph, q.id
                )),
                // An undated record entry never contradicts a date.
                None => {}
            }
        }
    }
    assert!(failures.is_empty(), "{} passages unresolved:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn ellipses_split_passages_into_pieces() {
    assert_eq!(
        pieces("Baker’s statement ... was made. . . . So don’t"),
        vec!["baker s statement", "was made", "so don t"]
    );
}
