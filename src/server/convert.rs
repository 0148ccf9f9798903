//! Findings, fixes and record entries in the protocol's terms. Positions come from the
//! document's [`crate::diagnostic::LineIndex`], in UTF-16 units.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionProviderCapability, CodeDescription,
    DiagnosticRelatedInformation, DiagnosticSeverity, Hover, HoverContents, HoverProviderCapability,
    Location, MarkupContent, MarkupKind, NumberOrString, PositionEncodingKind, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
    TextEdit, Uri, WorkspaceEdit,
};

use super::document::Document;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use crate::matcher::Edit;
use crate::record::Record;

/// What the server offers; `utf8`: positions count UTF-8 bytes (the client offered it),
/// UTF-16 units otherwise (the protocol's default).
pub fn capabilities(utf8: bool) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(if utf8 { PositionEncodingKind::UTF8 } else { PositionEncodingKind::UTF16 }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// The link to a check's documentation: `template` with `{code}` replaced.
fn docs_link(template: &str, code: &str) -> Option<CodeDescription> {
    let href = template.replace("{code}", code).parse().ok()?;
    Some(CodeDescription { href })
}

/// One finding as a protocol diagnostic: its labels (the speaker or date at fault) are its
/// related information.
fn diagnostic(doc: &Document, uri: &Uri, d: &Diagnostic, docs_url: &str) -> lsp_types::Diagnostic {
    let mut message = d.message.to_string();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<_> = d
        .labels()
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range: doc.range(&l.range) },
            message: l.text.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: doc.range(&d.range),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.as_str().into())),
        code_description: docs_link(docs_url, d.code.as_str()),
        source: Some("quotelint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

pub fn diagnostics(doc: &Document, uri: &Uri, docs_url: &str) -> Vec<lsp_types::Diagnostic> {
    doc.diagnostics.iter().map(|d| diagnostic(doc, uri, d, docs_url)).collect()
}

/// The quotation at `at`, with the record entry it matched: speaker, date, occasion, source,
/// confidence and the recorded wording.
pub fn hover(doc: &Document, record: &Record, at: lsp_types::Position) -> Option<Hover> {
    let offset = doc.offset(at);
    let inside = |r: &std::ops::Range<usize>| r.start <= offset && offset < r.end;
    let named = doc.quoted.iter().filter_map(|q| q.speaker.as_ref()).find(|(_, mention)| inside(mention));
    if let Some((person, mention)) = named {
        return person_hover(record, *person).map(|value| markdown(value, Some(doc.range(mention))));
    }
    let quoted = doc.quoted.iter().find(|q| inside(&q.range))?;
    let range = Some(doc.range(&quoted.range));
    let Some(m) = &quoted.matched else {
        let value = "**quotelint**: this quotation matches none of the record's quotations.".to_owned();
        return Some(markdown(value, range));
    };
    let q = (m.quotation < record.quotations.len()).then(|| &record.quotations[m.quotation])?;
    let speakers: Vec<&str> =
        q.speaker.0.iter().map(|id| record.person(id).map_or(&**id, |p| &*p.name)).collect();
    let mut out = format!("**{}** (record entry `{}`)\n\n", speakers.join(", "), q.id);
    let wording = m.variant.and_then(|v| q.variants.get(v)).map_or(q.text.as_str(), |v| v.text.as_str());
    let what =
        if m.variant.is_some() { "Recorded wording (a published variant)" } else { "Recorded wording" };
    out.push_str(&format!("{what}:\n\n> {}\n\n", wording.replace('\n', " ")));
    let differences: Vec<String> = m
        .edits
        .iter()
        .filter_map(|e| match e {
            Edit::Same(_) => None,
            Edit::Changed { found, expected } => Some(format!("~~{expected}~~ → **{found}**")),
            Edit::Added(found) => Some(format!("adds **{found}**")),
            Edit::Dropped(expected) => Some(format!("drops ~~{expected}~~")),
        })
        .collect();
    if !differences.is_empty() {
        out.push_str(&format!("- **The article's wording:** {}\n", differences.join(", ")));
    }
    if let Some(date) = q.date.as_ref().and_then(|d| d.valid()) {
        out.push_str(&format!("- **Date:** {date}\n"));
    }
    if let Some(occasion) = &q.occasion {
        out.push_str(&format!("- **Occasion:** {occasion}\n"));
    }
    if let Some(s) = &q.source {
        let name = s.publication.as_deref().unwrap_or("source");
        let linked = s.url.as_deref().map_or(name.to_owned(), |u| format!("[{name}]({u})"));
        let date = s.date.as_deref().map_or(String::new(), |d| format!(", {d}"));
        out.push_str(&format!("- **Source:** {linked}{date}\n"));
    }
    let confidence = format!("{:?}", q.confidence).to_lowercase();
    out.push_str(&format!("- **Confidence:** {confidence}\n"));
    Some(markdown(out, range))
}

/// A person of the record, named as a quotation's speaker: their name and recorded roles.
fn person_hover(record: &Record, person: usize) -> Option<String> {
    let p = (person < record.people.len()).then(|| &record.people[person])?;
    let mut out = format!("**{}** (record entry `{}`)\n\n", p.name, p.id);
    for span in &p.roles {
        let title = record.role(&span.role).map_or(span.role.as_str(), |r| r.title.as_str());
        let date = |d: &crate::record::schema::RecordDate| d.valid().map(|d| d.to_string());
        let from = span.from.as_ref().and_then(date);
        let to = match &span.to {
            Some(crate::record::schema::SpanEnd::Present) => Some("present".to_owned()),
            Some(crate::record::schema::SpanEnd::Date(d)) => date(d),
            None => None,
        };
        let when = match (span.at.as_ref().and_then(date), from, to) {
            (Some(at), _, _) => format!(" ({at})"),
            (None, Some(from), Some(to)) => format!(" ({from} – {to})"),
            (None, Some(from), None) => format!(" (from {from})"),
            (None, None, Some(to)) => format!(" (until {to})"),
            (None, None, None) => String::new(),
        };
        out.push_str(&format!("- {title}{when}\n"));
    }
    Some(out)
}

fn markdown(value: String, range: Option<lsp_types::Range>) -> Hover {
    Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }), range }
}

/// For each finding overlapping `range`: its fix (preferred when safe; an unsafe one says so),
/// and "disable for this line".
pub fn code_actions(
    doc: &Document,
    uri: &Uri,
    range: lsp_types::Range,
    docs_url: &str,
) -> Vec<CodeActionOrCommand> {
    let (start, end) = (doc.offset(range.start), doc.offset(range.end));
    let mut actions = Vec::new();
    for d in doc.diagnostics.iter().filter(|d| d.range.start <= end && start <= d.range.end) {
        let lsp = diagnostic(doc, uri, d, docs_url);
        let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        };
        if let Some(fix) = d.fix() {
            let safe = fix.applicability == Applicability::Safe;
            let what = d.help.as_deref().unwrap_or(&d.message);
            let title = match safe {
                true => format!("Fix: {what}"),
                false => format!("Fix (unsafe, review it): {what}"),
            };
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(doc.range(&e.range), e.replacement.to_string()))
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(edit(edits)),
                is_preferred: Some(safe),
                ..Default::default()
            }));
        }
        if d.code == crate::checks::Code::Unreadable {
            continue; // cannot be suppressed
        }
        let insert = suppression(doc, d);
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Disable {} for this line", d.code.as_str()),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp]),
            edit: Some(edit(vec![insert])),
            ..Default::default()
        }));
    }
    actions
}

/// The edit that suppresses `d` on its line: `<!-- quotelint-disable-next-line CODE -->` on
/// the line before, as a line of its own when the finding's line starts a block (an HTML
/// comment line inside a paragraph would split it in two), at the end of the line before
/// otherwise (an inline comment, the paragraph kept whole).
fn suppression(doc: &Document, d: &Diagnostic) -> TextEdit {
    let comment = format!("<!-- quotelint-disable-next-line {} -->", d.code.as_str());
    let (text, index) = (&doc.text, &doc.index);
    let line = index.line(d.range.start);
    let start = index.line_start(line).min(text.len());
    let previous = (line > 1).then(|| &text[index.line_start(line - 1)..index.line_end(text, line - 1)]);
    match previous {
        Some(before) if !before.trim().is_empty() => {
            let end = index.line_end(text, line - 1);
            TextEdit::new(doc.range(&(end..end)), format!(" {comment}"))
        }
        _ => {
            let eol = if text[start..].contains("\r\n") { "\r\n" } else { "\n" };
            TextEdit::new(doc.range(&(start..start)), format!("{comment}{eol}"))
        }
    }
}
