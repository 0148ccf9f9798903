//! Inputs that once crashed quotelint or gave a wrong finding (from a code review), kept as
//! regression tests. Each asserts what must happen now, not just "no crash".

mod common;

use std::fs;

use common::quotelint;

fn check(text: &str) -> (i32, serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    let run = quotelint(&["check", "--format", "json", "a.md"], Some(dir.path()));
    assert!(run.code == 0 || run.code == 1, "exit {} for {text:?}: {}", run.code, run.stderr);
    (run.code, serde_json::from_str(&run.stdout).expect("JSON"), text.to_owned())
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()
}

/// Every range lies inside the file and on character boundaries.
fn ranges_are_sound(json: &serde_json::Value, text: &str) {
    for d in json["diagnostics"].as_array().unwrap() {
        for end in ["start", "end"] {
            let offset = d["range"][end]["offset"].as_u64().unwrap() as usize;
            assert!(offset <= text.len() && text.is_char_boundary(offset), "{end} {offset} in {text:?}");
        }
        let (s, e) =
            (d["range"]["start"]["offset"].as_u64().unwrap(), d["range"]["end"]["offset"].as_u64().unwrap());
        assert!(s <= e);
    }
}

#[test]
fn appositive_roles_after_a_namesakes_surname_do_not_crash() {
    for text in [
        "Stoltenberg, NATO Secretary General, said: “we will not move one inch east.”\n",
        "Bush, the US president, said: “we will not move one inch east.”\n",
        "Stoltenberg, the Norwegian prime minister, said “we will not move one inch east.”\n",
    ] {
        let (_, json, _) = check(text);
        assert!(!codes(&json).contains(&"misattributed".to_owned()), "{text}");
    }
}

#[test]
fn abbreviations_after_curly_quotes_do_not_crash() {
    for text in [
        "‘We met “Dr. Wörner” in Brussels, and he was clear.\n",
        "Gorbachev recalled: ‘We told “Mr. Baker” the same thing.\n",
        "„Ja“Mr. Baker. Then\n",
    ] {
        let (_, json, text) = check(text);
        ranges_are_sound(&json, &text);
    }
}

#[test]
fn contractions_over_names_do_not_make_overlapping_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let rec = "people:\n  - id: will-a\n    name: Will Alpha\n    aliases: [Will]\n  - id: will-b\n    name: Will Beta\n    aliases: [Will]\n";
    fs::write(dir.path().join("rec.yaml"), rec).unwrap();
    fs::write(dir.path().join("a.md"), "Putin'll said \"we will not move one inch east of here\".\n")
        .unwrap();
    let run = quotelint(&["--rules", "rec.yaml", "check", "--format", "json", "a.md"], Some(dir.path()));
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn ranges_stay_in_the_file_around_code_spans_and_entities() {
    for text in [
        "Putin said \"we will never ever move `xé`",
        "Putin said \"we will never ever move &ngE;",
        "Putin said &ldquo;we will not move one inch east of here&rdquo; today.\n",
    ] {
        let (_, json, text) = check(text);
        ranges_are_sound(&json, &text);
    }
    // The entity-quoted quotation ends at the entity that closes it.
    let text = "Putin said &ldquo;we will not move one inch east of here&rdquo; today.\n";
    let (_, json, _) = check(text);
    let d = &json["diagnostics"][0];
    let end = d["range"]["end"]["offset"].as_u64().unwrap() as usize;
    assert_eq!(&text[..end], "Putin said &ldquo;we will not move one inch east of here&rdquo;");
}

#[test]
fn relative_dates_never_date_events() {
    let (_, json, _) = check("---\ndate: 2022-01-12\n---\nDiplomats discussed the Founding Act on Monday. The Founding Act today remains the basis.\n");
    assert_eq!(codes(&json), Vec::<String>::new());
}

#[test]
fn blockquotes_that_are_not_quotations() {
    for text in ["> — Putin\n", "> **Note:** this article was updated.\n", "> `code`\n"] {
        let (_, json, _) = check(text);
        assert_eq!(codes(&json), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn suppression_comments_may_span_lines() {
    let text = "<!-- quotelint-disable\n     unsourced -->\n\nPutin said \"we will not move one inch east of here\".\n";
    let (_, json, _) = check(text);
    assert_eq!(codes(&json), Vec::<String>::new());
}

/// Issue 18: `quotelint-disable-line` was read as `quotelint-disable` with a code `-line`, and
/// hid the check for the rest of the file; the run passed. A mistyped directive or code now
/// suppresses nothing and is a finding of its own, without `--report-unused-suppressions`.
#[test]
fn a_mistyped_suppression_is_a_finding_and_suppresses_nothing() {
    let wrong = "Margaret Thatcher told Gorbachev in March 1991: \"We are not talking about the strengthening of NATO.\" ([diary](https://nsarchive.gwu.edu/))";
    for comment in [
        "<!-- quotelint-disable-line misattributed -->",
        "<!-- quotelint-disable-nextline misattributed -->",
        "<!-- quotelint-disable-next-line misatributed -->",
    ] {
        let (code, json, _) = check(&format!("{comment}\n{wrong}\n\n{wrong}\n"));
        assert_eq!(code, 1, "{comment}");
        assert_eq!(codes(&json), vec!["invalid-suppression", "misattributed", "misattributed"], "{comment}");
        let message = json["diagnostics"][0]["message"].as_str().unwrap();
        assert!(message.contains("did you mean"), "{message}");
    }
}

#[test]
fn lone_carriage_returns_end_lines() {
    let text = "Intro.\r\rMore.\r\rPutin said \"we will not move one inch east of here\".\r";
    let (_, json, _) = check(text);
    assert_eq!(json["diagnostics"][0]["range"]["start"]["line"], 5);
}

#[test]
fn an_unclosed_curly_single_quote_runs_to_the_paragraph_end() {
    let (_, json, _) = check("‘aside “we will not move east of here\n");
    assert_eq!(codes(&json), vec!["unsourced"]);
}

#[test]
fn many_quotations_in_one_paragraph_and_deep_front_matter_finish() {
    let many = "Putin said \"we will not move one inch east of here\" then. ".repeat(2000);
    let (_, json, _) = check(&many);
    assert_eq!(json["summary"]["quotations"], 2000);
    // A loose match of a few common words proves nothing about who said what.
    assert!(!codes(&json).contains(&"misattributed".to_owned()));
    let deep = format!("---\nx: {}\n---\nBody.\n", "[".repeat(40_000));
    let (code, _, _) = check(&deep);
    assert_eq!(code, 0);
}

/// From a review of the bounded attribution window: a sentence that quotes something (however
/// long the quotation) is no cue for the quotation after it.
#[test]
fn a_long_quotation_in_the_sentence_before_is_still_seen() {
    let filler = "the negotiations continued through many long meetings ".repeat(10);
    let text = format!(
        "Mikhail Gorbachev said \"{}\", and then he added. \"Expansion of its territory towards the east, i.e. moving it closer to the Soviet borders\" was the phrase.\n",
        filler.trim_end()
    );
    let (_, json, text) = check(&text);
    ranges_are_sound(&json, &text);
    assert!(!codes(&json).contains(&"misattributed".to_owned()), "{json}");
}

/// From a review: "on 1991-02-28" is read as the whole date, and a finding about it underlines
/// the whole date.
#[test]
fn an_iso_date_after_a_preposition_is_underlined_whole() {
    let text = "The Tutzing speech on 1991-02-28 changed the debate.\n";
    let (_, json, _) = check(text);
    let event: Vec<&serde_json::Value> =
        json["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "misdated-event").collect();
    assert_eq!(event.len(), 1, "{json}");
    let (s, e) = (
        event[0]["range"]["start"]["offset"].as_u64().unwrap(),
        event[0]["range"]["end"]["offset"].as_u64().unwrap(),
    );
    assert_eq!(&text[s as usize..e as usize], "1991-02-28", "{json}");
}

/// Found by fuzzing (`check`): words run on past a recorded sentence with a contraction among
/// them ("cannot" is read as two words of one range) sliced the text backwards and made the file
/// an internal error. Now the run-on words are reported as added.
#[test]
fn a_contraction_in_words_run_on_past_a_recorded_sentence_does_not_crash() {
    let text = "Manfred Wörner said on 17 May 1990: \"the fact that we are ready not to place a NATO army outside of German territory gives the Soviet Union a firm security guarantee and they cannot be trusted.\" ([NATO](https://www.nato.int/x))\n";
    let (code, json, text) = check(text);
    assert_eq!(code, 1, "{json}");
    ranges_are_sound(&json, &text);
    let messages: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("“and they can not be trusted” added after the end of the recorded sentence")),
        "{messages:?}"
    );
}
