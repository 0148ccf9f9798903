//! Embeds every YAML file under `rules/` as the default record, so that `quotelint` works with
//! no files around it. Each file is embedded byte-for-byte (record errors and `rules show` quote
//! its lines) together with its entries in one serialized form: each entry as JSON in two
//! parts, what checking reads and the rest beside it (`quotelint_record::prebuilt::Split`), end
//! to end in one blob, with a table of their ids and spans. A run decodes an entry only when
//! it is first read (src/record/entries.rs), and its rest only in a full load: decoding YAML
//! costs about 25 ns a byte, too slow for an editor plugin starting quotelint on every save,
//! while JSON decodes about ten times faster, and a one-article check reads a handful of
//! entries without their notes and examples. A file that does not decode gets no entries, so
//! quotelint decodes the YAML at run time and reports the problem with its location.

use std::fs;
use std::path::{Path, PathBuf};

// The record's schema, to decode the default record into the types a run decodes it into, and
// its indexes and their tables, to build the default record's here (src/engine.rs reads them).
use quotelint_record::prebuilt::Split;
use quotelint_record::{names, prebuilt, quotes, schema};
// The normalizer articles are read with, so that the record's words are folded as theirs are.
use quotelint_text::normalize;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            out.push(path);
        }
    }
}

fn main() {
    // This crate lives in crates/quotelint-core; the record and the word lists are the
    // repository's, at its root.
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../..");
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed={}", rules.display());
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut code = String::from(
        "/// The default record's files.\n\
         pub static DEFAULT_RECORD: &[EmbeddedFile] = &[\n",
    );
    let mut texts = std::collections::BTreeSet::new();
    // The record a run with the default record alone loads; None if a file does not decode.
    let mut record = Some(schema::RecordFile::default());
    for (i, file) in files.iter().enumerate() {
        let rel = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let yaml = fs::read_to_string(file).unwrap_or_default();
        let entries = match serde_norway::from_str::<Option<schema::RecordFile>>(&yaml) {
            Ok(decoded) => {
                let decoded = decoded.unwrap_or_default();
                texts.extend(normalized_texts(&decoded).map(str::to_owned));
                let path = out_dir.join(format!("record-{i}.json"));
                let (blob, rows) = entries_table(&decoded);
                fs::write(&path, blob).unwrap();
                if let Some(r) = &mut record {
                    r.roles.extend(decoded.roles);
                    r.people.extend(decoded.people);
                    r.quotations.extend(decoded.quotations);
                    r.events.extend(decoded.events);
                }
                format!(
                    "Some(LazyFile {{ blob: include_str!({:?}), entries: &[{rows}] }})",
                    path.display().to_string()
                )
            }
            Err(_) => {
                record = None;
                "None".to_owned()
            }
        };
        code.push_str(&format!(
            "    EmbeddedFile {{ name: {rel:?}, yaml: include_str!({:?}), entries: {entries} }},\n",
            file.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(out_dir.join("default_record.rs"), code).unwrap();
    fs::write(out_dir.join("normalized_record.rs"), normalized_table(&texts)).unwrap();
    fs::write(out_dir.join("prebuilt_indexes.rs"), prebuilt_indexes(record)).unwrap();
    check_docs(&manifest, &out_dir);
    word_lists(&root, &out_dir);
}

/// Each entry of `file` as the two JSON texts of its [`prebuilt::Split`] (what checking reads,
/// then the rest, nothing if there is none), after its id, end to end in one blob; and the Rust
/// source of the table of (section: 0 roles, 1 people, 2 quotations, 3 events; where its id,
/// its first part and its rest start; where its rest ends).
fn entries_table(file: &schema::RecordFile) -> (String, String) {
    let mut blob = String::new();
    let mut rows = String::new();
    let mut add = |section: u8, id: &str, lean: String, rest: String| {
        let starts = [blob.len(), blob.len() + id.len(), blob.len() + id.len() + lean.len()];
        blob.push_str(id);
        blob.push_str(&lean);
        if rest != "{}" {
            blob.push_str(&rest);
        }
        rows.push_str(&format!("({section}, {}, {}, {}, {}), ", starts[0], starts[1], starts[2], blob.len()));
    };
    macro_rules! section {
        ($section:literal, $entries:expr) => {
            for e in $entries {
                let (lean, rest) = e.clone().split();
                add(
                    $section,
                    &e.id,
                    serde_json::to_string(&lean).unwrap(),
                    serde_json::to_string(&rest).unwrap(),
                );
            }
        };
    }
    section!(0, &file.roles);
    section!(1, &file.people);
    section!(2, &file.quotations);
    section!(3, &file.events);
    (blob, rows)
}

/// The texts of a record file that the quotation and name indexes normalize.
fn normalized_texts(file: &schema::RecordFile) -> impl Iterator<Item = &str> {
    let quotations = file
        .quotations
        .iter()
        .flat_map(|q| std::iter::once(&q.text).chain(q.variants.iter().map(|v| &v.text)));
    let people =
        file.people.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.aliases).chain(&p.misspellings));
    let roles = file.roles.iter().flat_map(|r| &r.phrases);
    let events = file.events.iter().flat_map(|e| std::iter::once(&e.name).chain(&e.names));
    quotations.chain(people).chain(roles).chain(events).map(String::as_str)
}

/// Rust source of the table of the default record's texts and their tokens as
/// `quotelint_text::normalize` gives them, so that building the indexes does not normalize them at run
/// time. Strings go into one blob and the tables hold offsets into it: a static table of `&str`
/// would need a relocation per string, which the loader applies (a page fault per page) on
/// every start, `--version` included.
fn normalized_table(texts: &std::collections::BTreeSet<String>) -> String {
    let mut blob = prebuilt::Blob::default();
    let (mut index, mut tokens) = (Vec::new(), Vec::new());
    for text in texts {
        let text_span = blob.push(text);
        let first = tokens.len();
        for (token, range) in normalize::tokens(text) {
            let (kind, word) = match token {
                normalize::Token::Word(w) => (0, w),
                normalize::Token::Gap => (1, String::new()),
                normalize::Token::Wildcard => (2, String::new()),
            };
            tokens.push(format!("({kind}, {}, {}, {})", range.start, range.end, blob.push(&word)));
        }
        index.push(format!("({text_span}, {first}, {})", tokens.len()));
    }
    format!(
        "/// The default record's texts, then the words of their tokens, end to end.\n\
         pub static NORMALIZED_STRINGS: &str = {:?};\n\
         /// Each text (its span in `NORMALIZED_STRINGS`) with the span of its tokens in\n\
         /// `NORMALIZED_TOKENS`, sorted by text.\n\
         pub static NORMALIZED_TEXTS: &[(u32, u32, u32, u32)] = &[{}];\n\
         /// Each token: 0 a word, 1 a gap, 2 a wildcard; its byte range in its text; the span\n\
         /// of its word in `NORMALIZED_STRINGS`.\n\
         pub static NORMALIZED_TOKENS: &[(u8, u32, u32, u32, u32)] = &[{}];\n",
        blob.0,
        index.join(", "),
        tokens.join(", ")
    )
}

/// Rust source of the default record's indexes as static tables (see src/prebuilt.rs), or of
/// their absence: when a file does not decode or two entries share an id (a run reports the
/// problem instead), or when the target hashes words differently from this build script.
fn prebuilt_indexes(record: Option<schema::RecordFile>) -> String {
    let same_hashing = std::env::var("CARGO_CFG_TARGET_POINTER_WIDTH").ok().as_deref()
        == Some(&(usize::BITS).to_string())
        && std::env::var("CARGO_CFG_TARGET_ENDIAN").ok().as_deref()
            == Some(if cfg!(target_endian = "little") { "little" } else { "big" });
    let record = record.filter(|r| {
        let ids = r.roles.iter().map(|e| &e.id).chain(r.people.iter().map(|e| &e.id));
        let ids: Vec<&String> =
            ids.chain(r.quotations.iter().map(|e| &e.id)).chain(r.events.iter().map(|e| &e.id)).collect();
        ids.len() == ids.iter().collect::<std::collections::HashSet<_>>().len()
    });
    let (quotes, names) = match record.filter(|_| same_hashing) {
        Some(r) => (
            format!("Some({})", quotes::QuoteIndex::new(&r).to_rust()),
            format!("Some({})", names::NameIndex::new(&r).to_rust()),
        ),
        None => ("None".to_owned(), "None".to_owned()),
    };
    format!(
        "/// The quotation index of the default record.\n\
         pub static QUOTES: Option<quotelint_record::quotes::PrebuiltQuotes> = {quotes};\n\
         /// The name index of the default record.\n\
         pub static NAMES: Option<quotelint_record::names::PrebuiltNames> = {names};\n\
         /// How the build hashed [`quotelint_record::prebuilt::PROBE`].\n\
         pub const PROBE_HASH: u64 = {};\n",
        quotes::hash(prebuilt::PROBE)
    )
}

/// Each check's module doc comment (`//!` lines of `src/checks/<code>.rs`), which is what
/// `quotelint explain CODE` prints: the documentation lives in one place, next to the code.
fn check_docs(root: &Path, out_dir: &Path) {
    let dir = root.join("src/checks");
    println!("cargo:rerun-if-changed=src/checks");
    let mut files: Vec<PathBuf> =
        fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    let mut code = String::from("/// (file stem, module documentation) of every check.\npub static CHECK_DOCS: &[(&str, &str)] = &[\n");
    for file in files {
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        if stem == "mod" {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.strip_prefix("//! ").or(l.strip_prefix("//!")).unwrap_or(""))
            .collect();
        code.push_str(&format!("    ({stem:?}, {:?}),\n", doc.join("\n")));
    }
    code.push_str("];\n");
    fs::write(out_dir.join("check_docs.rs"), code).unwrap();
}

/// Decodes `data/words.txt` (front-coded sections, see `scripts/wordlist.py`) into one file of
/// sorted lines per section, which `src/words.rs` embeds and searches in place.
fn word_lists(root: &Path, out_dir: &Path) {
    println!("cargo:rerun-if-changed={}", root.join("data/words.txt").display());
    let text = fs::read_to_string(root.join("data/words.txt")).unwrap_or_default();
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut prev = String::new();
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("# ") {
            if !title.contains(' ') {
                sections.push((title.to_owned(), String::new()));
                prev.clear();
            }
            continue;
        }
        let Some(shared) = line.chars().next().and_then(|c| c.to_digit(10)) else { continue };
        let Some((_, blob)) = sections.last_mut() else { continue };
        prev.truncate(shared as usize);
        prev.push_str(&line[1..]);
        blob.push_str(&prev);
        blob.push('\n');
    }
    for name in ["both", "american", "british"] {
        let blob = sections.iter().find(|(t, _)| t == name).map_or("", |(_, b)| b.as_str());
        fs::write(out_dir.join(format!("words-{name}.txt")), blob).unwrap();
    }
}
