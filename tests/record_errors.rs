//! Each kind of bad record gives a located error (file:line:column of the offending value) and
//! exit code 2, and every problem of a run is reported, not just the first.

mod common;

use std::fs;
use std::path::Path;

use common::{quotelint, Run};

/// A small valid record the bad cases below build on.
const BASE: &str = r#"roles:
  - id: uk-prime-minister
    title: Prime Minister of the United Kingdom
    single_holder: true
people:
  - id: major
    name: John Major
    roles:
      - role: uk-prime-minister
        from: "1990-11-28"
        to: "1997-05-02"
  - id: thatcher
    name: Margaret Thatcher
    roles:
      - role: uk-prime-minister
        from: "1979-05-04"
        to: "1990-11-28"
"#;

fn validate(files: &[(&str, &str)]) -> (Run, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let run = quotelint(&["--no-default-rules", "rules", "validate", "."], Some(dir.path()));
    (run, dir)
}

/// Asserts one reported problem: its message and where it points (`file:line:col`).
fn assert_problem(run: &Run, message: &str, at: &str) {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    let pos = run.stderr.find(message).unwrap_or_else(|| panic!("no `{message}` in:\n{}", run.stderr));
    // The location is the header of the snippet that follows the message.
    let after = &run.stderr[pos..];
    let header = after.find("╭─[").map(|i| &after[i + "╭─[".len()..]).expect("a snippet header");
    let header = &header[..header.find(']').unwrap()];
    assert_eq!(header, Path::new(".").join(at).to_str().unwrap(), "location of `{message}`");
}

#[test]
fn valid_base_record_passes() {
    let (run, _d) = validate(&[("base.yaml", BASE)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("record is valid: 2 people, 0 quotations, 0 events, 1 role, "),
        "{}",
        run.stdout
    );
}

#[test]
fn yaml_syntax_error() {
    let (run, _d) = validate(&[("bad.yaml", "people:\n  - id: major\n    name: \"John Major\n")]);
    assert_problem(&run, "found unexpected end of stream", "bad.yaml:4:1");
}

#[test]
fn unknown_key_is_an_error_not_ignored() {
    let text = "people:\n  - id: major\n    name: John Major\n    nicknames: [Honest John]\n";
    let (run, _d) = validate(&[("bad.yaml", text)]);
    assert_problem(&run, "unknown key `nicknames` in `people[0]`", "bad.yaml:4:5");
}

#[test]
fn wrong_value_type() {
    let text = "people:\n  - id: major\n    name: [John, Major]\n";
    let (run, _d) = validate(&[("bad.yaml", text)]);
    assert_problem(&run, "`people[0].name` must be text, got a list", "bad.yaml:3:11");
}

#[test]
fn duplicate_ids_across_files() {
    let other = "quotations:\n  - id: major\n    speaker: major\n    text: Nothing of the sort will happen.\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("b.yaml", other)]);
    assert_problem(&run, "duplicate id `major`: a person already has it", "b.yaml:2:9");
    run.assert_stderr("first defined at ./a.yaml:6:9");
}

#[test]
fn unknown_speaker_with_suggestion() {
    let q = "quotations:\n  - id: major-1991-03\n    speaker: majr\n    text: Nothing of the sort will happen.\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", q)]);
    assert_problem(&run, "unknown speaker `majr`", "q.yaml:3:14");
    run.assert_stderr("did you mean `major`?");
}

#[test]
fn invalid_dates_are_reported_where_written() {
    let q = "quotations:\n  - id: q-a\n    speaker: major\n    text: Nothing of the sort will happen.\n    date: \"1991-02-30\"\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", q)]);
    assert_problem(&run, "`1991-02-30`: that month has no day 30", "q.yaml:5:11");
    let q = q.replace("\"1991-02-30\"", "March 1991");
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", &q)]);
    assert_problem(&run, "`March 1991` is not a date", "q.yaml:5:11");
}

/// Issue 20: an accepted date is a documented one; without a source it is a guess.
#[test]
fn accepted_date_without_a_source() {
    let q = "quotations:\n  - id: q-a\n    speaker: major\n    text: Nothing of the sort will happen.\n    date: \"1991-03-05\"\n    accepted_dates:\n      - date: \"1991-03-06\"\n        note: printed the next day\n      - date: \"1991-04\"\n        source: {publication: \" \"}\n      - date: \"1991-03-07\"\n        source: {url: \"https://example.org/major\"}\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", q)]);
    assert_problem(&run, "an accepted date without a `source`", "q.yaml:7:9");
    assert_problem(&run, "an accepted date's source names nothing", "q.yaml:10:17");
    assert!(run.stderr.trim_end().ends_with("found 2 problems in the record"), "{}", run.stderr);
    let event = "events:\n  - id: e-a\n    name: A meeting\n    names: [the Lantern Meeting]\n    date: \"1991\"\n    accepted_dates: [{date: \"1992\"}]\n    confidence: low\n";
    let (run, _d) = validate(&[("e.yaml", event)]);
    assert_problem(&run, "an accepted date without a `source`", "e.yaml:6:22");
    let undated = "quotations:\n  - id: q-a\n    speaker: major\n    text: Nothing of the sort will happen.\n    accepted_dates: [{date: \"1992\", source: {publication: P}}]\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", undated)]);
    assert_problem(&run, "accepted dates without a `date`", "q.yaml:5:21");
}

/// Issue 20: a record text must be the speaker's own words, not a report's sentence about them.
#[test]
fn reporters_words_about_the_speaker() {
    let q = "quotations:\n  - id: q-a\n    speaker: major\n    text: Nothing of the sort will happen, Prime Minister John Major said on Tuesday.\n    confidence: low\n  - id: q-b\n    speaker: major\n    text: We are not talking about the strengthening of NATO.\n    variants:\n      - text: \"'We are not talking about that,' said Major.\"\n    confidence: low\n  - id: q-c\n    speaker: thatcher\n    text: John Major said it would not happen, and I agreed.\n    confidence: low\n";
    let bad = BASE.replace("    name: John Major\n", "    name: John Major\n    aliases: [Major]\n");
    let (run, _d) = validate(&[("a.yaml", &bad), ("q.yaml", q)]);
    assert_problem(&run, "the text says of its own speaker “John Major said”", "q.yaml:4:11");
    assert_problem(&run, "the text says of its own speaker “said Major”", "q.yaml:10:15");
    // Thatcher reporting what Major said is her own sentence.
    assert!(run.stderr.trim_end().ends_with("found 2 problems in the record"), "{}", run.stderr);
}

#[test]
fn role_span_ending_before_it_starts() {
    let bad = BASE.replace("to: \"1997-05-02\"", "to: \"1989\"");
    let (run, _d) = validate(&[("a.yaml", &bad)]);
    assert_problem(
        &run,
        "role `uk-prime-minister` ends (1989) before it starts (1990-11-28)",
        "a.yaml:11:13",
    );
}

#[test]
fn two_holders_of_a_single_holder_role() {
    let bad = BASE.replace("to: \"1990-11-28\"", "to: \"1991\"");
    let (run, _d) = validate(&[("a.yaml", &bad)]);
    assert_problem(
        &run,
        "`major` and `thatcher` both hold single-holder role `uk-prime-minister` at once",
        "a.yaml:15:9",
    );
    run.assert_stderr("the other span is at ./a.yaml:9:9");
}

#[test]
fn handover_on_the_same_day_or_year_is_not_an_overlap() {
    // Thatcher's span ends the day Major's starts (BASE); at year precision, "to 1990" and
    // "from 1990" may not overlap either.
    let years = BASE.replace("\"1990-11-28\"", "\"1990\"");
    for text in [BASE, &years] {
        let (run, _d) = validate(&[("a.yaml", text)]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
}

#[test]
fn empty_text() {
    let q = "quotations:\n  - id: q-a\n    speaker: major\n    text: \"  \"\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", q)]);
    assert_problem(&run, "quotation text is empty", "q.yaml:4:11");
}

/// A language is a two-letter ISO 639-1 code, on a person or a quotation; reported where written.
#[test]
fn languages_are_two_letter_codes() {
    let people = "people:\n  - id: kozlov\n    name: Ivan Kozlov\n    language: Russian\n";
    let q = "quotations:\n  - id: q-a\n    speaker: major\n    text: Words of a speech here.\n    language: EN\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("p.yaml", people), ("q.yaml", q)]);
    assert_problem(&run, "language `Russian` is not an ISO 639-1 code", "p.yaml:4:15");
    assert_problem(&run, "language `EN` is not an ISO 639-1 code", "q.yaml:5:15");
    let good = "people:\n  - id: kozlov\n    name: Ivan Kozlov\n    language: ru\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("p.yaml", good)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// An event's phrasings are names: each needs subjects and predicates, and a subject with a
/// predicate may not name another event (reported at the subject).
#[test]
fn event_phrasings_need_both_lists_and_lead_to_one_event() {
    let events = "events:\n  - id: ev-a\n    name: A joins\n    names: [Ruritania joined the league]\n    date: \"1999\"\n    confidence: low\n  - id: ev-b\n    name: B joins\n    names: [the second enlargement]\n    phrasings:\n      subjects: [Ruritania]\n      predicates: [joined the league]\n    date: \"2004\"\n    confidence: low\n  - id: ev-c\n    name: C joins\n    names: [the third enlargement]\n    phrasings:\n      subjects: [Borduria]\n      predicates: []\n    date: \"2009\"\n    confidence: low\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("e.yaml", events)]);
    assert_problem(
        &run,
        "the name \"Ruritania joined the league\" already belongs to event `ev-a`",
        "e.yaml:11:18",
    );
    assert_problem(&run, "event `ev-c` has phrasings with no predicates", "e.yaml:20:19");
}

#[test]
fn unknown_role_and_bad_example_expectation() {
    let bad = BASE.replace(
        "role: uk-prime-minister\n        from: \"1979",
        "role: uk-prime-ministr\n        from: \"1979",
    );
    let q = "quotations:\n  - id: q-a\n    speaker: major\n    text: Nothing of the sort will happen.\n    confidence: low\n    examples:\n      - text: 'Major said: \"Nothing of the sort will happen.\"'\n        expect: misatributed\n";
    let (run, _d) = validate(&[("a.yaml", &bad), ("q.yaml", q)]);
    assert_problem(&run, "unknown role `uk-prime-ministr`", "a.yaml:15:15");
    assert_problem(&run, "unknown expectation `misatributed`", "q.yaml:8:17");
}

#[test]
fn every_problem_of_a_run_is_reported() {
    let q = "quotations:\n  - id: Q_A\n    speaker: nobody\n    text: \"\"\n    date: \"1991-13\"\n    confidence: low\n";
    let broken = "people: [\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("b.yaml", broken), ("q.yaml", q)]);
    assert_eq!(run.code, 2);
    for message in [
        "id `Q_A` is not kebab-case",
        "unknown speaker `nobody`",
        "quotation text is empty",
        "has no month 13",
        "b.yaml",
    ] {
        assert!(run.stderr.contains(message), "missing `{message}` in:\n{}", run.stderr);
    }
    assert!(run.stderr.trim_end().ends_with("found 5 problems in the record"), "{}", run.stderr);
}

/// Issue 18: serde stopped at a file's first problem, in Rust's words; each entry's problem is
/// reported now, at its place, in a writer's.
#[test]
fn every_entry_with_a_wrong_type_is_reported() {
    let people = "people:\n  - id: a\n    name: A\n    aliases: 5\n  - id: b\n    name: B\n  - id: c\n    nme: C\n  - name: D\n";
    let q = "quotations:\n  - id: q-a\n    speaker: a\n    text: Words.\n    confidence: hgh\n";
    let (run, _d) = validate(&[("p.yaml", people), ("q.yaml", q)]);
    assert_eq!(run.code, 2);
    assert_problem(&run, "`people[0].aliases` must be a list, got 5", "p.yaml:4:14");
    assert_problem(&run, "unknown key `nme` in `people[2]`; did you mean `name`?", "p.yaml:8:5");
    assert_problem(&run, "`people[3]` has no `id`, which it needs", "p.yaml:9:5");
    assert_problem(
        &run,
        "`quotations[0].confidence` must be one of low, medium, high, got `hgh`; did you mean `high`?",
        "q.yaml:5:17",
    );
    assert!(run.stderr.trim_end().ends_with("found 4 problems in the record"), "{}", run.stderr);
}

#[test]
fn missing_and_non_utf8_paths_are_errors_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latin1.yaml"), b"people:\n  - id: w\n    name: W\xf6rner\n").unwrap();
    let q = "quotations:\n  - id: q-a\n    speaker: nobody\n    text: x\n    confidence: low\n";
    fs::write(dir.path().join("q.yaml"), q).unwrap();
    let run = quotelint(
        &[
            "--no-default-rules",
            "--rules",
            "latin1.yaml",
            "--rules",
            "missing.yaml",
            "--rules",
            "q.yaml",
            "rules",
            "validate",
        ],
        Some(dir.path()),
    );
    assert_eq!(run.code, 2);
    run.assert_stderr(
        "record file latin1.yaml is not UTF-8: byte 0xf6 at line 3, column 12 (byte offset 29)",
    );
    run.assert_stderr("record path missing.yaml does not exist");
    run.assert_stderr("unknown speaker `nobody`");
}

/// A mirror, a forum, a blog or an advocacy site may be where a text was read (provenance),
/// never the citation a help line suggests: a `source` or an accepted date's source on one is
/// a problem at its URL; the same page in `provenance` is not.
#[test]
fn a_mirror_or_a_blog_is_never_the_suggested_citation() {
    let q = "quotations:\n  - id: q-a\n    speaker: major\n    text: Nothing of the sort will happen.\n    date: \"1991-03\"\n    accepted_dates:\n      - date: \"1991-04\"\n        source:\n          publication: A reprint\n          url: https://someone.blogspot.com/2014/03/reprint.html\n    confidence: low\n    source:\n      publication: An article, as copied by a document host\n      url: https://docslib.org/doc/1/an-article\n    provenance:\n      - url: https://www.larouchepac.com/node/1\n";
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", q)]);
    assert_problem(
        &run,
        "the suggested citation is a blog (blogspot.com), which an editor should not cite",
        "q.yaml:10:16",
    );
    assert_problem(
        &run,
        "the suggested citation is a copy of a document published elsewhere (docslib.org), which an editor should not cite",
        "q.yaml:14:12",
    );
    run.assert_stderr("keep this page in `provenance`");
    assert!(!run.stderr.contains("larouchepac"), "{}", run.stderr);
    // Named by its publication alone, the source is fine.
    let fixed = q
        .replace("          url: https://someone.blogspot.com/2014/03/reprint.html\n", "")
        .replace("      url: https://docslib.org/doc/1/an-article\n", "");
    let (run, _d) = validate(&[("a.yaml", BASE), ("q.yaml", &fixed)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
