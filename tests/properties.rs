//! Property tests: normalization, date parsing, the matcher and fixing, on generated inputs.

use std::sync::LazyLock;

use proptest::prelude::*;
use quotelint::date::PartialDate;
use quotelint::extract::dates;
use quotelint::matcher::{Edit, QuoteIndex};
use quotelint::normalize::{british_spellings, has_fewer_words, is_plain, tokens, word_count, words};
use quotelint::record::{LoadOptions, Record};

static RECORD: LazyLock<Record> = LazyLock::new(|| Record::load(&LoadOptions::default()).expect("record"));
static INDEX: LazyLock<QuoteIndex> = LazyLock::new(|| QuoteIndex::new(&RECORD));
static ENGINE: LazyLock<quotelint::engine::Engine<'static>> =
    LazyLock::new(|| quotelint::engine::Engine::new(&RECORD, Default::default()));

/// Articles of recorded quotations with what the fixes correct: the right or a wrong speaker
/// (full name or surname), the right or a wrong year in any written form (a misspelt month
/// among them), changed words, any quote marks, cited or not, footnotes or not, in LF, CRLF or
/// CR line endings.
fn fixable_article() -> impl Strategy<Value = String> {
    let paragraph = (
        (0usize..10_000, 0usize..10_000, any::<bool>(), any::<bool>()),
        (0usize..6, -2i32..3, 0usize..4, 0usize..3, any::<bool>()),
    );
    (proptest::collection::vec(paragraph, 1..5), 0usize..3, any::<bool>()).prop_map(
        |(paragraphs, nl, notes)| {
            let nl = ["\n", "\r\n", "\r"][nl];
            let mut out: Vec<String> = paragraphs
                .into_iter()
                .map(|((q, p, right, surname), (form, shift, marks, change, cite))| {
                    let quote = &RECORD.quotations[q % RECORD.quotations.len()];
                    let speaker = match right {
                        true => quote.speaker.0.first().and_then(|id| RECORD.person(id)),
                        false => None,
                    }
                    .unwrap_or(&RECORD.people[p % RECORD.people.len()]);
                    let name = match surname {
                        true => speaker.name.rsplit(' ').next().unwrap_or(&speaker.name),
                        false => &speaker.name,
                    };
                    let date = quote.date.as_ref().and_then(|d| d.valid()).unwrap_or(PartialDate::year(1990));
                    let (y, m, d) = (date.year + shift, date.month.unwrap_or(3), date.day.unwrap_or(9));
                    let month = quotelint::date::MONTHS[usize::from(m) - 1];
                    let when = match form {
                        0 => format!("In {y}"),
                        1 => format!("In {month} {y}"),
                        2 => format!("On {d} {month} {y}"),
                        3 => format!("On {month} {d}, {y}"),
                        4 => format!("On {d:02}.{m:02}.{y}"),
                        _ => format!("On {d} {}x{} {y}", &month[..1], &month[2..]),
                    };
                    let (open, close) = [("\"", "\""), ("“", "”"), ("'", "'"), ("«", "»")][marks];
                    let text = match change {
                        0 => quote.text.trim().to_owned(),
                        1 => quote.text.trim().replacen(" the ", " a ", 1).replacen(" not ", " ", 1),
                        _ => quote.text.split_whitespace().take(8).collect::<Vec<_>>().join(" "),
                    };
                    let cite = if cite { " ([source](https://example.org/))" } else { "" };
                    format!("{when} {name} said: {open}{text}{close}{cite}")
                })
                .collect();
            if notes {
                out[0].push_str("[^1]");
                out.push("[^1]: A note.".to_owned());
            }
            out.join(&format!("{nl}{nl}"))
        },
    )
}

/// Text with what normalization has to handle: case, diacritics, curly and straight
/// apostrophes, contractions, British spellings, ellipses, brackets and stray marks.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,12}",
        Just("Wörner".to_owned()),
        Just("NAÏVE".to_owned()),
        Just("wasn’t".to_owned()),
        Just("don't".to_owned()),
        Just("NATO's".to_owned()),
        Just("defence".to_owned()),
        Just("centimetre".to_owned()),
        Just("...".to_owned()),
        Just(". . .".to_owned()),
        Just("…".to_owned()),
        Just("[...]".to_owned()),
        Just("[the alliance]".to_owned()),
        Just("[sic]".to_owned()),
        Just("'".to_owned()),
        Just("’".to_owned()),
        "\\PC{1,3}",
    ];
    proptest::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just(", "), Just("\n")]), 0..24)
        .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

proptest! {
    /// Fixing (safe and unsafe) settles within its passes, a second fix changes nothing, and
    /// the fixed article has the same Markdown blocks but for the footnotes a citation adds.
    #[test]
    fn fixing_settles_and_a_second_fix_changes_nothing(text in fixable_article()) {
        let policy = quotelint::fix::FixPolicy { unsafe_fixes: true, ..Default::default() };
        let first = ENGINE.fix(&text, &policy);
        prop_assert!(!first.unconverged, "{:?}", text);
        let fixed = first.text.unwrap_or_else(|| text.clone());
        let again = ENGINE.fix(&fixed, &policy);
        prop_assert_eq!(again.text, None, "fixed {:?} into {:?}", text, fixed);
        let blocks = |t: &str| -> Vec<String> {
            quotelint::markdown::parse(t).blocks.iter().map(|b| format!("{:?}", b.kind)).collect()
        };
        // A citation may add a footnote definition: the other blocks stay as they were.
        let (before, after) = (blocks(&text), blocks(&fixed));
        let notes = |b: &[String]| b.iter().filter(|k| *k == "Footnote").count();
        prop_assert!(notes(&after) >= notes(&before));
        let others = |b: Vec<String>| b.into_iter().filter(|k| k != "Footnote").collect::<Vec<_>>();
        prop_assert_eq!(others(before), others(after));
    }

    #[test]
    fn normalizing_is_idempotent(text in prose()) {
        let once = words(&text).join(" ");
        prop_assert_eq!(words(&once).join(" "), once);
    }

    #[test]
    fn plain_words_normalize_to_their_lower_case_or_its_american_spelling(
        word in "[A-Za-z0-9'’é]{1,40}|(?i)cannot|(?i)defence|(?i)programmes|(?i)won't",
    ) {
        // What finding names and counting words rely on to pass a plain word by.
        if is_plain(&word) {
            let lower = word.to_ascii_lowercase();
            let normalized = words(&word);
            prop_assert_eq!(normalized.len(), 1);
            prop_assert!(normalized[0] == lower || british_spellings(&normalized[0]).any(|uk| uk == lower));
        }
    }

    #[test]
    fn counting_words_counts_what_normalizing_gives(text in prose(), noise in "\\PC{0,40}") {
        for text in [text.clone(), noise.clone(), format!("{text} {noise} CANNOT can't ¼")] {
            prop_assert_eq!(word_count(&text), words(&text).len(), "{}", text);
            for n in 0..6 {
                prop_assert_eq!(has_fewer_words(&text, n), words(&text).len() < n, "{} {}", n, text);
            }
        }
    }

    #[test]
    fn normalizing_any_text_keeps_ranges_inside_it(text in "\\PC{0,80}") {
        for (_, r) in tokens(&text) {
            prop_assert!(r.start <= r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        let once = words(&text).join(" ");
        prop_assert_eq!(words(&once).join(" "), once);
    }

    #[test]
    fn every_real_date_parses_back_to_itself(days in 0i64..800_000) {
        // Every day from 0001-01-01 (day -719162) on is written and read back unchanged.
        let date = quotelint::date::civil_from_days(days - 719_162);
        let written = date.to_string();
        prop_assert_eq!(PartialDate::parse(&written), Ok(date));
        let (y, m, d) = (date.year, date.month.unwrap(), date.day.unwrap());
        prop_assert_eq!(quotelint::date::days_from_civil(y, m, d), days - 719_162);
    }

    #[test]
    fn impossible_days_are_refused(year in 1000i32..3000, month in 1u8..=12, day in 29u8..=40) {
        let last = match month {
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let parsed = PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}"));
        prop_assert_eq!(parsed.is_ok(), day <= last);
    }

    #[test]
    fn written_dates_are_found_with_their_fields(days in 0i64..400_000, form in 0usize..4) {
        // Years 1000-2095, the range dates in prose are read in.
        let date = quotelint::date::civil_from_days(days - 354_000);
        let (y, m, d) = (date.year, date.month.unwrap(), date.day.unwrap());
        let month = quotelint::date::MONTHS[usize::from(m) - 1];
        let text = match form {
            0 => format!("He spoke on {d} {month} {y} in Bonn."),
            1 => format!("He spoke on {month} {d}, {y} in Bonn."),
            2 => format!("He spoke on {y:04}-{m:02}-{d:02} in Bonn."),
            _ => format!("He spoke in {month} {y} in Bonn."),
        };
        let found = dates::find(&text);
        prop_assert_eq!(found.len(), 1, "{}", text);
        let expected = if form == 3 { PartialDate { day: None, ..date } } else { date };
        prop_assert_eq!(found[0].date, expected);
    }

    /// A fragment of any recorded quotation, quoted with the usual liberties (case, curly
    /// apostrophes, an elision in the middle), matches a recorded quotation holding those words,
    /// with no change of wording.
    #[test]
    fn recorded_quotations_match_their_own_fragments(
        pick in 0usize..10_000,
        start in 0usize..40,
        len in 10usize..40,
        elide in proptest::option::of(3usize..6),
        shout in any::<bool>(),
    ) {
        let long: Vec<_> = RECORD.quotations.iter().filter(|q| q.text.split_whitespace().count() >= 12).collect();
        let q = long[pick % long.len()];
        let all: Vec<&str> = q.text.split_whitespace().collect();
        let start = start % (all.len() - 9);
        let end = (start + len).min(all.len());
        let mut fragment: Vec<String> = all[start..end].iter().map(|w| w.replace('\'', "’")).collect();
        if shout {
            fragment[0] = fragment[0].to_uppercase();
        }
        if let Some(at) = elide.filter(|&at| at + 2 < fragment.len()) {
            fragment.splice(at..at + 2, ["...".to_owned()]);
        }
        let text = fragment.join(" ");
        // A fragment whose shared words are nearly all function words ("demonstrates that it is
        // a ... to suppose that") says too little to be matched, by design (docs/checks.md, "The
        // shared words must say something"): the property holds for the others.
        let content = words(&text).iter().filter(|w| !quotelint::matcher::is_stopword(w)).count();
        prop_assume!(content >= quotelint::matcher::MIN_CONTENT_WORDS);
        let found = INDEX.find(&RECORD, &text);
        prop_assert!(found.is_some(), "no match for {:?} from {}", text, q.id);
        let m = found.unwrap();
        let changes: Vec<&Edit> = m.content_changes();
        prop_assert!(changes.is_empty(), "{:?} from {} matched {} with {:?}", text, q.id, RECORD.quotations[m.quotation].id, changes);
    }
}

#[test]
fn every_recorded_quotation_and_variant_matches_itself_exactly() {
    let mut checked = 0;
    for q in &RECORD.quotations {
        let wordings = std::iter::once(&q.text).chain(q.variants.iter().map(|v| &v.text));
        // A wording that quotes the speaker in pieces with the source's words between them
        // (“…” of NATO’s jurisdiction “…”) is quoted by an article piece by piece: joined, the
        // pieces are measured against the full text (docs/checks.md).
        let texts = wordings.flat_map(|text| {
            let parts: Vec<&str> = text.split(['“', '”', '"']).collect();
            if text.trim_start().starts_with(['“', '"']) && parts.len() >= 4 {
                parts.into_iter().skip(1).step_by(2).collect()
            } else {
                vec![text.as_str()]
            }
        });
        for text in texts {
            if words(text).len() < quotelint::matcher::MIN_MATCH_WORDS {
                continue;
            }
            let m = INDEX.find(&RECORD, text).unwrap_or_else(|| panic!("{} does not match itself", q.id));
            let found = &RECORD.quotations[m.quotation];
            assert!(
                m.content_changes().is_empty(),
                "{} matched {} with {:?}",
                q.id,
                found.id,
                m.content_changes()
            );
            assert_eq!(found.speaker.0, q.speaker.0, "{} matched {}, by someone else", q.id, found.id);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} wordings checked");
}
