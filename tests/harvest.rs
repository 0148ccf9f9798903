//! `quotelint rules harvest` (issue 20): record entries proposed from checked articles, on the
//! articles of `tests/data/harvest/`, whose proposals are reasoned out by hand below.

mod common;

use std::fs;
use std::path::Path;

use common::quotelint;
use serde_norway::Value;

/// A directory holding a copy of the harvest articles under `articles/`.
fn articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/harvest");
    fs::create_dir(dir.path().join("articles")).unwrap();
    for name in ["harbour-talks.md", "moscow-notes.md"] {
        fs::copy(from.join(name), dir.path().join("articles").join(name)).unwrap();
    }
    dir
}

/// Every file below `dir` with its bytes, to tell that a run wrote nothing.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(tree(&path));
        } else {
            out.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

fn entries<'a>(yaml: &'a Value, list: &str) -> &'a Vec<Value> {
    yaml[list].as_sequence().unwrap_or_else(|| panic!("no `{list}` in {yaml:?}"))
}

fn by_id<'a>(list: &'a [Value], id: &str) -> &'a Value {
    list.iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("no `{id}` in {list:?}"))
}

const SUMMARY: &str = "harvest: 4 quotations proposed (3 new people) from 2 files";
const SKIPPED: &str = "3 skipped: 1 already in the record, 1 not cited, 1 no clear speaker";

#[test]
fn proposes_each_attributed_cited_quotation_the_record_lacks() {
    let dir = articles();
    let before = tree(dir.path());
    let run = quotelint(&["rules", "harvest", "articles"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_stderr(SUMMARY);
    run.assert_stderr(SKIPPED);
    // Without --out, nothing is written.
    assert_eq!(tree(dir.path()), before);
    assert!(run.stdout.starts_with("# Proposed by `quotelint rules harvest`: UNREVIEWED."), "{}", run.stdout);
    let yaml: Value = serde_norway::from_str(&run.stdout).unwrap();

    // Three people the record lacks, each named in full in the clause: "Marta Illescas, the
    // port authority's director, said", "According to Kofi Mensah-Arthur,", and the blockquote's
    // "— Ines Carvalho Berg, 2 February 2024". The mayor (uncited) and the residents (no name)
    // give none.
    let people = entries(&yaml, "people");
    let names: Vec<&str> = people.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Marta Illescas", "Kofi Mensah-Arthur", "Ines Carvalho Berg"]);
    let ids: Vec<&str> = people.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["illescas", "mensah-arthur", "berg"]);
    assert_eq!(people[0]["provenance"][0]["publication"], "articles/harbour-talks.md");

    let quotations = entries(&yaml, "quotations");
    let ids: Vec<&str> = quotations.iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "illescas-2023-05-09-every-allied-ship",
            "mensah-arthur-the-new-pipeline",
            "lavrov-2022-01-10-talks-will-continue",
            "berg-2024-02-02-the-harbour-will",
        ]
    );
    // "X said on DATE that '…' ([link](url))": the date as written, the link's URL.
    let illescas = by_id(quotations, "illescas-2023-05-09-every-allied-ship");
    assert_eq!(illescas["speaker"], "illescas");
    assert_eq!(illescas["text"], "every allied ship will find an open berth in our harbour");
    assert_eq!(illescas["date"], "2023-05-09");
    assert_eq!(illescas["source"]["url"], "https://example.org/port-gazette/berths");
    assert_eq!(illescas["confidence"], "low");
    assert_eq!(illescas["provenance"][0]["publication"], "articles/harbour-talks.md");
    assert!(illescas["provenance"][0]["note"].as_str().unwrap().starts_with("quoted at line 6;"));
    assert_eq!(
        illescas["examples"][0]["text"],
        "Marta Illescas, the port authority's director, said on 9 May 2023 that \"every allied ship will find an open berth in our harbour\" (Port Gazette)."
    );
    assert_eq!(illescas["examples"][0]["expect"], "pass");
    // "According to X, '…'": no date written, none given.
    let mensah = by_id(quotations, "mensah-arthur-the-new-pipeline");
    assert_eq!(mensah["speaker"], "mensah-arthur");
    assert!(mensah.get("date").is_none());
    assert_eq!(mensah["source"]["url"], "https://example.org/mensah");
    // A person of the record ("Sergey Lavrov told reporters … that"), cited by a footnote whose
    // text holds the URL.
    let lavrov = by_id(quotations, "lavrov-2022-01-10-talks-will-continue");
    assert_eq!(lavrov["speaker"], "lavrov");
    assert_eq!(lavrov["date"], "2022-01-10");
    assert_eq!(lavrov["source"]["url"], "https://example.org/mfa-geneva");
    assert_eq!(lavrov["provenance"][0]["publication"], "articles/moscow-notes.md");
    // A blockquote signed on its attribution line, cited by the line's footnote: the example is
    // the blockquote with its signature.
    let berg = by_id(quotations, "berg-2024-02-02-the-harbour-will");
    assert_eq!(
        berg["text"],
        "The harbour will stay open through the winter, whatever the weather and whatever the politics."
    );
    assert_eq!(berg["date"], "2024-02-02");
    assert_eq!(berg["source"]["url"], "https://example.org/carvalho-statement");
    assert_eq!(
        berg["examples"][0]["text"],
        "> The harbour will stay open through the winter, whatever the weather and whatever the politics.\n>\n> — Ines Carvalho Berg, 2 February 2024\n"
    );
    // Major's recorded remark, the residents' unattributed words and the mayor's uncited ones
    // are not proposed.
    assert!(!run.stdout.contains("strengthening of NATO"));
    assert!(!run.stdout.contains("ferries"));
    assert!(!run.stdout.contains("inconclusive"));
}

#[test]
fn out_writes_two_files_that_validate_and_work() {
    let dir = articles();
    let run = quotelint(&["rules", "harvest", "articles", "--out", "proposed"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    run.assert_stderr(SUMMARY);
    let people = fs::read_to_string(dir.path().join("proposed/people/harvested.yaml")).unwrap();
    let quotations = fs::read_to_string(dir.path().join("proposed/quotations/harvested.yaml")).unwrap();
    for text in [&people, &quotations] {
        assert!(text.starts_with("# Proposed by `quotelint rules harvest`: UNREVIEWED."), "{text}");
    }
    assert!(people.contains("name: Kofi Mensah-Arthur") && !people.contains("quotations:"), "{people}");
    assert!(quotations.contains("id: lavrov-2022-01-10-talks-will-continue"), "{quotations}");

    // Accepted as written, every example behaving.
    let run = quotelint(&["rules", "validate", "proposed"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("(all behave as written)"), "{}", run.stdout);

    // In force with --rules: a harvested remark put in another mouth is misattributed.
    let article = "Kofi Mensah-Arthur said on 9 May 2023 that \"every allied ship will find an open berth in our harbour\".\n";
    fs::write(dir.path().join("wrong.md"), article).unwrap();
    let run = quotelint(&["--rules", "proposed", "check", "wrong.md"], Some(dir.path()));
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("misattributed") && run.stdout.contains("Marta Illescas"), "{}", run.stdout);

    // Never over an existing file: refused, nothing changed.
    let before = tree(dir.path());
    let run = quotelint(&["rules", "harvest", "articles", "--out", "proposed"], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("proposed/people/harvested.yaml exists already; harvest never overwrites a file");
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn an_unreadable_article_is_an_error_and_the_others_are_harvested() {
    let dir = articles();
    fs::write(dir.path().join("articles/broken.md"), b"He said \"caf\xe9 au lait for all\".\n").unwrap();
    let run = quotelint(&["rules", "harvest", "articles"], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("articles/broken.md: not UTF-8");
    run.assert_stderr("1 file could not be harvested");
    run.assert_stderr(SUMMARY);
    let yaml: Value = serde_norway::from_str(&run.stdout).unwrap();
    assert_eq!(entries(&yaml, "quotations").len(), 4);
    // A path that is not there is one more error; the files read are still counted right.
    let run = quotelint(&["rules", "harvest", "articles", "missing.md"], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.assert_stderr("missing.md:");
    run.assert_stderr("2 files could not be harvested");
    run.assert_stderr(SUMMARY);
}

#[test]
fn nothing_to_propose_is_still_a_record_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "Nobody is quoted here.\n").unwrap();
    let run = quotelint(&["rules", "harvest", "a.md", "--out", "out"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_stderr("harvest: 0 quotations proposed (0 new people) from 1 file; 0 skipped");
    let run = quotelint(&["rules", "validate", "out"], Some(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A paragraph of many cited quotations costs memory for its own size, not its size for each
/// quotation: 20,000 of them on one 389 KB line once took 16.9 GB (and 289 s), each reading
/// copying the whole line as its sentence.
#[test]
fn a_line_of_many_quotations_costs_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = String::from("[l](https://example.org/a) ");
    for i in 0..20_000 {
        line.push_str(&format!("word \"a b c d{i}\" "));
    }
    fs::write(dir.path().join("long.md"), line + "\n").unwrap();
    let (run, stats) = common::bounded(dir.path(), &["rules", "harvest", "long.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_stderr("20000 skipped: 20000 no clear speaker");
    assert!(stats.max_rss_kb < 200 * 1024, "{} MB", stats.max_rss_kb / 1024);
}
