//! Deterministic generators for benchmarks: synthetic records of any size, and a corpus of
//! realistic articles written from a record. Shared by the benches and `xtask` through
//! `#[path]`, so that both measure the same data.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use quotelint::record::Record;

/// A small deterministic pseudo-random generator (xorshift64*), so every run writes the same.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0.wrapping_mul(0x2545F4914F6CDD1D) >> 11) as usize
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "nato",
    "russia",
    "expansion",
    "east",
    "inch",
    "security",
    "guarantee",
    "alliance",
    "treaty",
    "moscow",
    "brussels",
    "germany",
    "soviet",
    "union",
    "assurance",
    "promise",
    "the",
    "of",
    "we",
    "will",
    "not",
    "membership",
    "talks",
    "partners",
    "military",
    "forces",
    "border",
    "europe",
    "cooperation",
    "council",
];

const PROSE: &[&str] = &[
    "The negotiations",
    "Diplomats in Brussels",
    "Historians of the period",
    "Officials in Washington",
    "The alliance's planners",
    "Critics of enlargement",
    "Archival records",
    "European capitals",
    "argued at length about",
    "returned repeatedly to",
    "kept a careful record of",
    "disagreed sharply over",
    "the balance of forces in central Europe",
    "the future of the Warsaw Pact",
    "what had been promised",
    "the status of the former German Democratic Republic",
    "security arrangements after unification",
    "the pace of the talks",
    "the role of the smaller states",
    "the meaning of the word assurance",
];

/// A vocabulary of 2,000 pseudo-words with a Zipf-like frequency (a few very common, most
/// rare), so that synthetic quotations share word trigrams about as often as real ones do.
fn vocabulary() -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ba", "ko", "ri", "ten", "sa", "lo", "mi", "ver", "tan", "dor", "el", "pra", "nu", "gos", "ki",
        "lem", "tra", "fo", "du", "sen", "ar", "vi", "mo", "chel", "ne", "stu", "pa", "gri", "lu", "ton",
        "zi", "rem",
    ];
    let mut words: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
    let mut i = 0usize;
    while words.len() < 2000 {
        let (a, b, c) = (i % 32, (i / 32) % 32, (i / 1024) % 32);
        words.push(format!("{}{}{}", SYLLABLES[a], SYLLABLES[b], if i >= 1024 { SYLLABLES[c] } else { "" }));
        i += 1;
    }
    words
}

/// A word index skewed toward the common words.
fn zipf(rng: &mut Rng, n: usize) -> usize {
    let limit = rng.below(n) + 1;
    rng.below(limit)
}

/// Writes a synthetic record of `quotations` quotations by 500 people, 5,000 quotations a file.
pub fn record(dir: &Path, quotations: usize, seed: u64) {
    let mut rng = Rng(seed | 1);
    let vocabulary = vocabulary();
    let mut people =
        String::from("roles:\n  - id: minister\n    title: Minister\n    phrases: [the minister]\npeople:\n");
    for p in 0..500 {
        let _ = write!(
            people,
            "  - id: person-{p}\n    name: Person Number{p}\n    aliases: [Number{p}]\n    roles:\n      - role: minister\n        from: \"{}\"\n        to: \"{}\"\n",
            1950 + p % 50,
            1960 + p % 50
        );
    }
    std::fs::write(dir.join("people.yaml"), people).expect("write people");
    for file in 0..quotations.div_ceil(5000) {
        let mut text = String::from("quotations:\n");
        for q in file * 5000..((file + 1) * 5000).min(quotations) {
            let n = 20 + rng.below(20);
            let words: Vec<&str> =
                (0..n).map(|_| vocabulary[zipf(&mut rng, vocabulary.len())].as_str()).collect();
            let _ = write!(
                text,
                "  - id: quote-{q}\n    speaker: person-{}\n    text: \"{}.\"\n    date: \"{}-{:02}-{:02}\"\n    source:\n      publication: Archive {}\n      url: https://example.org/q/{q}\n    confidence: high\n",
                rng.below(500),
                words.join(" "),
                1950 + rng.below(70),
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(100)
            );
            if q % 5 == 0 {
                let _ = write!(text, "    variants:\n      - \"{}\"\n", words[..words.len() / 2].join(" "));
            }
        }
        std::fs::write(dir.join(format!("quotations-{file:03}.yaml")), text).expect("write quotations");
    }
}

fn prose_sentence(rng: &mut Rng) -> String {
    format!("{} {} {}.", rng.pick(&PROSE[..8]), rng.pick(&PROSE[8..12]), rng.pick(&PROSE[12..]))
}

fn prose(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences).map(|_| prose_sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// One article: front matter, headings, long prose, lists, tables, code, and quotations from
/// the record — mostly right, some with the wrong speaker, year or wording, cited or not.
pub fn article(rng: &mut Rng, record: &Record) -> String {
    let mut out = String::new();
    if rng.chance(50) {
        let (n, y, m, d) = (rng.below(1000), 10 + rng.below(15), 1 + rng.below(9), rng.below(9));
        let _ = write!(out, "---\ntitle: Notes {n}\ndate: 20{y:02}-0{m}-1{d}\n---\n\n");
    }
    let _ = writeln!(out, "# {}\n", prose_sentence(rng).trim_end_matches('.'));
    let blocks = 8 + rng.below(8);
    for _ in 0..blocks {
        match rng.below(10) {
            0..=3 => {
                let n = 4 + rng.below(8);
                let _ = writeln!(out, "{}\n", prose(rng, n));
            }
            4..=6 => out.push_str(&quotation(rng, record)),
            7 => {
                let n = 3 + rng.below(4);
                for _ in 0..n {
                    let _ = writeln!(out, "- {}", prose_sentence(rng));
                }
                out.push('\n');
            }
            8 => {
                out.push_str("| Year | Event |\n| --- | --- |\n");
                for _ in 0..3 {
                    let year = 1990 + rng.below(30);
                    let _ = writeln!(out, "| {year} | {} |", prose_sentence(rng));
                }
                out.push('\n');
            }
            _ => {
                let _ = writeln!(out, "```text\nquoted \"in code\" {}\n```\n", rng.below(100));
            }
        }
    }
    out
}

fn quotation(rng: &mut Rng, record: &Record) -> String {
    let q = &record.quotations[rng.below(record.quotations.len())];
    let speaker_id = &q.speaker.0[0];
    let name = match record.person(speaker_id) {
        Some(p) if rng.chance(85) => p.name.clone(),
        _ => record.people[rng.below(record.people.len())].name.clone(),
    };
    let mut words: Vec<String> = q.text.split_whitespace().map(str::to_owned).collect();
    if words.len() > 14 {
        let start = rng.below(words.len() - 12);
        words = words[start..start + 12].to_vec();
    }
    if rng.chance(8) && words.len() > 4 {
        let i = rng.below(words.len());
        words[i] = "never".to_owned();
    }
    let text = words.join(" ").trim_matches(|c: char| c == '"' || c == '“' || c == '”').to_owned();
    let date = match q.date.as_ref().and_then(|d| d.valid()) {
        Some(d) if rng.chance(60) => {
            let year = if rng.chance(10) { d.year + 1 } else { d.year };
            format!(" in {year}")
        }
        _ => String::new(),
    };
    let cite = if rng.chance(70) {
        format!(" ([source](https://example.org/{}))", rng.below(10_000))
    } else {
        String::new()
    };
    let lead = prose_sentence(rng);
    let tail = prose(rng, 2);
    format!("{lead} {name} said{date}: \"{text}\"{cite} {tail}\n\n")
}

/// Writes `files` articles (about 5 KB each) under `dir`, 500 a directory.
pub fn corpus(dir: &Path, files: usize, seed: u64, record: &Record) -> u64 {
    let mut rng = Rng(seed | 1);
    let mut bytes = 0u64;
    for i in 0..files {
        let sub = dir.join(format!("d{:03}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&sub).expect("create corpus directory");
        }
        let text = article(&mut rng, record);
        bytes += text.len() as u64;
        std::fs::write(sub.join(format!("article-{i:05}.md")), text).expect("write article");
    }
    bytes
}
