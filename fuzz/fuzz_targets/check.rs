//! The whole check pipeline (parse, extract, match, every check, suppressions) on arbitrary
//! bytes, with the invariants every diagnostic must keep.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use quotelint::checks::ALL;
use quotelint::diagnostic::LineIndex;
use quotelint::engine::{Engine, Settings};
use quotelint::record::{LoadOptions, Record};
use quotelint::report::{FileReport, Options, OutputFormat, Reporter};

static RECORD: LazyLock<Record> = LazyLock::new(|| {
    // Loaded as `quotelint check` loads it: entries decoded when read, prebuilt indexes.
    Record::load(&LoadOptions { for_checking: true, ..LoadOptions::default() }).expect("default record")
});

/// Every check, opt-in ones included, at its own severity.
static ENGINE: LazyLock<Engine<'static>> = LazyLock::new(|| {
    let mut settings = Settings::default();
    settings.checks = ALL.iter().map(|c| (c, c.severity)).collect();
    settings.report_unused_suppressions = true;
    Engine::new(&RECORD, settings)
});

fuzz_target!(|data: &[u8]| {
    // The command line refuses files that are not UTF-8; the lossy text is what such bytes
    // would look like to the engine, and reaches more of it than rejecting them here.
    let text = String::from_utf8_lossy(data);
    let result = ENGINE.check(&text);
    let lines = LineIndex::new(&text);
    for d in result.findings.rendered(&text) {
        let r = &d.range;
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{} range {r:?} outside {} bytes",
            d.code,
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{} range {r:?} splits a character",
            d.code
        );
        for offset in [r.start, r.end] {
            let p = lines.position(&text, offset);
            assert_eq!(p.offset, offset);
            assert_eq!(lines.offset(&text, p.line, p.column), offset, "line {} column {}", p.line, p.column);
        }
    }
    let report = FileReport {
        path: "fuzz.md".into(),
        text: text.into_owned(),
        quotations: result.quotations,
        findings: result.findings,
    };
    let reports = [report];
    let n = reports[0].findings.len();
    // Every format, as `check` drives it: each writes as it goes and must stay well formed.
    for format in [
        OutputFormat::Json,
        OutputFormat::JsonLines,
        OutputFormat::Sarif,
        OutputFormat::Human,
        OutputFormat::Github,
        OutputFormat::Checkstyle,
    ] {
        let mut out = Vec::new();
        // The terminal window and wrapping at any width from 1 column up, by the input's length.
        let width = 1 + data.len() % 200;
        let options = Options { graphical: true, color: false, width, summary_line: true, statistics: false };
        let mut reporter = Reporter::new(format.emitter(&options));
        reporter.begin(&mut out).expect("write");
        reporter.batch(&reports, &mut out).expect("write");
        reporter.finish(&mut out).expect("write");
        let out = String::from_utf8(out).expect("UTF-8 output");
        let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).expect("the JSON output parses");
        match format {
            OutputFormat::Json => assert_eq!(parse(&out)["diagnostics"].as_array().map(Vec::len), Some(n)),
            OutputFormat::JsonLines => assert_eq!(out.lines().map(parse).count(), n),
            OutputFormat::Sarif => assert_eq!(parse(&out)["runs"][0]["results"].as_array().map(Vec::len), Some(n)),
            // No control character of the article reaches a terminal (colors are off here).
            _ => assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{out:?}"),
        }
    }
});
