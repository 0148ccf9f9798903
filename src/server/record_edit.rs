//! "Add to my record": the entry `quotelint rules harvest` would propose for the quotation
//! under the cursor, as a workspace edit that appends it to the user record the configuration
//! names. The harvest is [`crate::harvest`]'s (one harvest, for the command and the server);
//! this module only decides which file takes the entry and how the text is appended.

use std::path::{Path, PathBuf};

use lsp_types::{
    CodeAction, CodeActionKind, CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges,
    OneOf, OptionalVersionedTextDocumentIdentifier, ResourceOp, TextDocumentEdit, TextEdit, Uri,
    WorkspaceEdit,
};
use serde_norway::Value;

use super::document::{self, Document};
use crate::harvest::Harvester;
use crate::record::{Person, Quotation, Record};

/// Where harvested entries go: the first user record named (the configuration's `rules:`,
/// then `--rules`). A directory takes them in `people/harvested.yaml` and
/// `quotations/harvested.yaml`, as `rules harvest --out DIR` writes them (or in
/// `harvested-2.yaml` … when those cannot be appended to); a YAML file takes them itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Dir(PathBuf),
    File(PathBuf),
}

impl Target {
    pub fn of(rule_paths: &[PathBuf]) -> Option<Target> {
        let first = rule_paths.first()?;
        if first.is_dir() {
            return Some(Target::Dir(first.clone()));
        }
        let yaml = matches!(first.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"));
        yaml.then(|| Target::File(first.clone()))
    }
}

/// What the client can apply: `documentChanges`, and among them the creation of a file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Abilities {
    pub document_changes: bool,
    pub create: bool,
}

impl Abilities {
    pub fn of(params: &lsp_types::InitializeParams) -> Abilities {
        let edit = params.capabilities.workspace.as_ref().and_then(|w| w.workspace_edit.as_ref());
        Abilities {
            document_changes: edit.and_then(|e| e.document_changes) == Some(true),
            create: edit
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|ops| ops.contains(&lsp_types::ResourceOperationKind::Create)),
        }
    }
}

/// The code action for the quotation overlapping `within`, if the harvest proposes an entry
/// for it (attributed, cited, not in the record) and the target can take it. `label` names
/// the article in the entry's provenance; `max` bounds the record files read.
#[allow(clippy::too_many_arguments)]
pub fn action(
    doc: &Document,
    record: &Record,
    options: &crate::extract::Options,
    label: &str,
    within: std::ops::Range<usize>,
    target: &Target,
    abilities: Abilities,
    max: u64,
) -> Option<CodeAction> {
    let mut harvester = Harvester::new(record, options.clone());
    harvester.add_within(&doc.text, label, within).ok()?;
    let harvest = harvester.finish();
    let quotation = harvest.quotations.first()?;
    let title = format!("Add to my record as `{}`", quotation.id);
    let appends = match target {
        Target::File(path) => vec![append(path, &harvest.people, &harvest.quotations, max)?],
        Target::Dir(dir) => {
            let mut appends = Vec::new();
            if !harvest.people.is_empty() {
                appends.push(in_dir(dir, "people", &harvest.people, &[], max)?);
            }
            appends.push(in_dir(dir, "quotations", &[], &harvest.quotations, max)?);
            appends
        }
    };
    let edit = workspace_edit(appends, doc.utf8, abilities)?;
    Some(CodeAction { title, kind: Some(CodeActionKind::REFACTOR), edit: Some(edit), ..Default::default() })
}

/// One file's part of the edit: its text now (`None`: it does not exist) and what to add at
/// its end.
struct Append {
    path: PathBuf,
    existing: Option<String>,
    added: String,
}

/// The first of `DIR/SUB/harvested.yaml`, `harvested-2.yaml` … that is absent or can be
/// appended to.
fn in_dir(dir: &Path, sub: &str, people: &[Person], quotations: &[Quotation], max: u64) -> Option<Append> {
    (1..=9).find_map(|n| {
        let name = if n == 1 { "harvested.yaml".to_owned() } else { format!("harvested-{n}.yaml") };
        append(&dir.join(sub).join(name), people, quotations, max)
    })
}

/// What appending the entries to the file at `path` takes, if it can be done.
fn append(path: &Path, people: &[Person], quotations: &[Quotation], max: u64) -> Option<Append> {
    let existing = match path.symlink_metadata() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(_) => return None,
        Ok(_) => Some(String::from_utf8(crate::discover::read_regular(path, max).ok()?).ok()?),
    };
    let added = match &existing {
        None => crate::harvest::yaml(people, quotations),
        Some(text) => appended(text, people, quotations)?,
    };
    Some(Append { path: path.to_owned(), existing, added })
}

/// The text that, written at the end of the record file `text`, adds the entries to its lists:
/// items continuing the list the file ends with, and a new key for a list it lacks. `None` when
/// the file cannot take them so (it ends with another list, or writes one in flow style): the
/// result is read back and compared with the lists expected, so that what is appended never
/// changes what the file already says.
fn appended(text: &str, people: &[Person], quotations: &[Quotation]) -> Option<String> {
    let parse = |t: &str| match serde_norway::from_str::<Value>(t).ok()? {
        Value::Null => Some(serde_norway::Mapping::new()),
        Value::Mapping(m) => Some(m),
        _ => None,
    };
    let old = parse(text)?;
    let last = old.keys().last().and_then(Value::as_str).map(str::to_owned);
    let mut expected = old.clone();
    let (mut continued, mut new_keys) = (String::new(), String::new());
    for (key, section) in [
        ("people", (!people.is_empty()).then(|| crate::harvest::yaml(people, &[]))),
        ("quotations", (!quotations.is_empty()).then(|| crate::harvest::yaml(&[], quotations))),
    ] {
        let Some(section) = section else { continue };
        let section = section.strip_prefix(crate::harvest::HEADER)?;
        let Some(Value::Sequence(items)) = parse(section)?.remove(key) else { return None };
        match expected.get_mut(key) {
            None => {
                expected.insert(key.into(), Value::Sequence(items));
                new_keys.push_str(section);
            }
            Some(Value::Sequence(list)) if last.as_deref() == Some(key) => {
                list.extend(items);
                continued.push_str(section.split_once('\n')?.1);
            }
            Some(_) => return None,
        }
    }
    let gap = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
    let added = format!("{gap}{continued}{new_keys}");
    (parse(&format!("{text}{added}"))? == expected).then_some(added)
}

/// The edit of every file: a file that does not exist is created (which the client must be
/// able to do), then written.
// lsp-types' `WorkspaceEdit` maps `Uri`s, whose parsed form caches in a `Cell` that hashing
// does not read.
#[allow(clippy::mutable_key_type)]
fn workspace_edit(appends: Vec<Append>, utf8: bool, abilities: Abilities) -> Option<WorkspaceEdit> {
    let mut operations = Vec::new();
    let mut changes = std::collections::HashMap::new();
    for a in appends {
        let uri: Uri = document::file_uri(&a.path)?;
        let end = match &a.existing {
            Some(text) => Document::new(text.clone(), 0, 0, utf8).position(text.len()),
            None => lsp_types::Position::new(0, 0),
        };
        let insert = TextEdit::new(lsp_types::Range::new(end, end), a.added);
        if a.existing.is_none() {
            if !(abilities.document_changes && abilities.create) {
                return None;
            }
            let options = CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) };
            operations.push(DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(options),
                annotation_id: None,
            })));
        }
        changes.insert(uri.clone(), vec![insert.clone()]);
        operations.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
            edits: vec![OneOf::Left(insert)],
        }));
    }
    Some(match abilities.document_changes {
        true => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(operations)),
            ..Default::default()
        },
        false => WorkspaceEdit { changes: Some(changes), ..Default::default() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotation(id: &str) -> Quotation {
        let yaml =
            format!("id: {id}\nspeaker: baker\ntext: Not one inch to the east at all.\nconfidence: low\n");
        serde_norway::from_str(&yaml).unwrap()
    }

    /// Items continue the list a file ends with; a list it lacks is a new key; a file ending
    /// with another list, or writing the list in flow style, is not appended to.
    #[test]
    fn entries_are_appended_only_where_the_file_can_take_them() {
        let q = [quotation("baker-new-one")];
        let file = "# mine\nquotations:\n- id: baker-old\n  speaker: baker\n  text: Words of old here.\n";
        let added = appended(file, &[], &q).unwrap();
        assert!(added.starts_with("- id: baker-new-one\n"), "{added}");
        let without_newline = appended(file.trim_end(), &[], &q).unwrap();
        assert!(without_newline.starts_with("\n- id: baker-new-one"), "{without_newline}");
        let people_only = "people:\n- id: someone\n  name: Some One\n";
        assert!(appended(people_only, &[], &q).unwrap().starts_with("quotations:\n- id: baker-new-one"));
        assert!(appended("", &[], &q).unwrap().starts_with("quotations:\n"));
        let ends_with_people = format!("{}{people_only}", &file[7..]);
        assert_eq!(appended(&ends_with_people, &[], &q), None);
        assert_eq!(appended("quotations: []\n", &[], &q), None);
        assert_eq!(appended("- a list\n", &[], &q), None);
    }
}
