//! `quotelint rules validate | list | show` on the default record and on user records.

mod common;

use std::fs;

use common::quotelint;

#[test]
fn the_default_record_validates() {
    let run = quotelint(&["rules", "validate"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("record is valid: "), "{}", run.stdout);
    // The seed alone names more than 40 quotations and 30 people.
    let count = |what: &str| -> usize {
        let before = run.stdout.split(&format!(" {what}")).next().unwrap();
        before.rsplit(' ').next().unwrap().parse().unwrap()
    };
    assert!(count("quotations,") > 40 && count("people,") > 30, "{}", run.stdout);
}

#[test]
fn list_json_is_the_documented_contract() {
    let run = quotelint(&["rules", "list", "--format", "json"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let major =
        list.iter().find(|q| q["id"] == "major-1991-03-not-strengthening-nato").expect("Major's remark");
    assert_eq!(major["speaker"], "major");
    assert_eq!(major["speaker_name"], "John Major");
    assert_eq!(major["text"], "We are not talking about the strengthening of NATO.");
    assert_eq!(major["date"], "1991-03");
    assert!(major["variants"].is_array());
    let joint =
        list.iter().find(|q| q["speakers"].as_array().unwrap().len() == 2).expect("a joint statement");
    assert_eq!(joint["speaker"], joint["speakers"][0]);
    // An undated quotation has a null date, never a guessed one.
    let matlock = list.iter().find(|q| q["id"] == "matlock-clear-commitment").unwrap();
    assert!(matlock["date"].is_null());
}

#[test]
fn list_text_has_one_line_per_quotation() {
    let text = quotelint(&["rules", "list"], None);
    let json = quotelint(&["rules", "list", "--format", "json"], None);
    let list: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(text.stdout.lines().count(), list.len());
    let line = text.stdout.lines().find(|l| l.starts_with("matlock-clear-commitment ")).unwrap();
    assert!(line.contains("Jack F. Matlock Jr.") && line.contains("undated"), "{line}");
}

#[test]
fn show_any_kind_of_entry() {
    for (id, kind) in [
        ("major", "person"),
        ("uk-prime-minister", "role"),
        ("founding-act-signed", "event"),
        ("major-1991-03-not-strengthening-nato", "quotation"),
    ] {
        let run = quotelint(&["rules", "show", id], None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.starts_with(&format!("# {kind} `{id}`, defined at rules/")), "{}", run.stdout);
        assert!(run.stdout.contains(&format!("id: {id}\n")), "{}", run.stdout);
    }
    let role = quotelint(&["rules", "show", "uk-prime-minister"], None);
    assert!(role.stdout.contains("John Major (major)"), "{}", role.stdout);
    let person = quotelint(&["rules", "show", "major"], None);
    assert!(person.stdout.contains("major-1991-03-yazov-nothing-of-the-sort"), "{}", person.stdout);
}

#[test]
fn show_an_unknown_id_suggests_the_closest() {
    let run = quotelint(&["rules", "show", "gorbachov"], None);
    assert_eq!(run.code, 2);
    run.assert_stderr("no entry in the record has the id `gorbachov` (did you mean `gorbachev`?)");
}

#[test]
fn a_user_record_adds_and_overrides_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let mine = "quotations:\n  - id: major-1991-03-not-strengthening-nato\n    speaker: major\n    text: We are not talking about strengthening NATO.\n    date: \"1991-03-05\"\n    confidence: medium\n  - id: major-newsroom-extra\n    speaker: major\n    text: A remark our newsroom documented.\n    confidence: high\n";
    fs::write(dir.path().join("mine.yaml"), mine).unwrap();
    let run = quotelint(&["--rules", "mine.yaml", "rules", "list", "--format", "json"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let default = quotelint(&["rules", "list", "--format", "json"], None);
    let default: Vec<serde_json::Value> = serde_json::from_str(&default.stdout).unwrap();
    assert_eq!(list.len(), default.len() + 1, "one added, one replaced");
    let replaced = list.iter().find(|q| q["id"] == "major-1991-03-not-strengthening-nato").unwrap();
    assert_eq!(replaced["date"], "1991-03-05");

    let run =
        quotelint(&["--no-default-rules", "--rules", "mine.yaml", "rules", "validate"], Some(dir.path()));
    assert_eq!(run.code, 2, "without the default record, `major` is unknown");
    run.assert_stderr("unknown speaker `major`");
}

/// Issue 20: plugin authors and editors reach everything the record knows: its people and its
/// events as lists (text and JSON), and any entry alone as JSON.
#[test]
fn list_people_and_events_and_show_an_entry_as_json() {
    let validate = quotelint(&["rules", "validate"], None);
    let count = |what: &str| -> usize {
        let before = validate.stdout.split(&format!(" {what}")).next().unwrap();
        before.rsplit(' ').next().unwrap().parse().unwrap()
    };

    let people = quotelint(&["rules", "list", "--people"], None);
    assert_eq!(people.code, 0, "{}", people.stderr);
    assert_eq!(people.stdout.lines().count(), count("people,"));
    let major = people.stdout.lines().find(|l| l.starts_with("major ")).expect("John Major");
    assert!(
        major.contains("John Major") && major.contains("person") && major.contains("uk-prime-minister"),
        "{major}"
    );
    let json = quotelint(&["rules", "list", "--people", "--format", "json"], None);
    let list: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let nato = list.as_array().unwrap().iter().find(|p| p["id"] == "nato").expect("NATO");
    assert_eq!(nato["kind"], "organization");

    let events = quotelint(&["rules", "list", "--events"], None);
    assert_eq!(events.code, 0, "{}", events.stderr);
    assert_eq!(events.stdout.lines().count(), count("events,"));
    assert!(events
        .stdout
        .lines()
        .any(|l| l.contains("1990-02-09") && l.starts_with("baker-gorbachev-moscow-1990")));
    let json = quotelint(&["rules", "list", "--events", "--format", "json"], None);
    let list: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), count("events,"));

    let both = quotelint(&["rules", "list", "--people", "--events"], None);
    assert_eq!(both.code, 2);

    let putin = quotelint(&["rules", "show", "putin", "--format", "json"], None);
    assert_eq!(putin.code, 0, "{}", putin.stderr);
    let entry: serde_json::Value = serde_json::from_str(&putin.stdout).unwrap();
    assert_eq!(entry["name"], "Vladimir Putin");
    assert!(entry["roles"].as_array().is_some_and(|r| !r.is_empty()));
    let unknown = quotelint(&["rules", "show", "putn", "--format", "json"], None);
    assert_eq!(unknown.code, 2);
    unknown.assert_stderr("did you mean `putin`?");
}
