//! ## unsourced (warning)
//!
//! **What it flags.** A quotation with no citation in its paragraph.
//!
//! **Why.** A reader, and the next editor, should be able to check a quotation. A link or a
//! reference next to it is how.
//!
//! **Counts as a citation** in the quotation's paragraph: a link (inline `[text](url)`,
//! reference `[text][ref]` with a definition, autolink `<https://…>`, or a URL written out as
//! text), a footnote reference `[^1]` whose footnote is defined, a parenthetical citation with a
//! year such as `(Sarotte, 2014)`, or a news organization named as the source: "according to
//! Reuters", "told Interfax", "said in an interview with Der Spiegel", "told this newspaper"
//! (all of them in docs/checks.md of quotelint's source). For a blockquote, a citation in it or
//! in its attribution line (`— Name, date`, `*Name to Name, date*`, `(Name, date)`); for a
//! table cell, a citation anywhere in its row.
//!
//! **A house style** that cites otherwise ("(AP) —", "Source: Kyiv Independent") is registered
//! in `quotelint.yaml` as regular expressions:
//!
//!     citation-patterns: ["\\(AP\\)", "Source: [A-Z]"]
//!
//! **Flagged:**
//!
//!     "We are not talking about the strengthening of NATO," Major told Gorbachev.
//!
//! **Passes:**
//!
//!     "We are not talking about the strengthening of NATO," Major told Gorbachev, according
//!     to [the ambassador's diary](https://nsarchive.gwu.edu/...).
//!
//! A quoted span of one to three words with no speaker, or right after a possessive ("NATO's
//! 'Article 5'"), is a term, not a quotation, and is never flagged; nor are quoted titles (a
//! link's whole text, items of a References or Sources list). A quotation split by its cue
//! ("'NATO,' he said, 'would not move…'") is one quotation. When the record knows where the quotation is documented, the help names it.
//!
//! **How to fix.** Link the source, or add a footnote; or register the house style's source
//! line with `citation-patterns`.
//!
//! **Fix** (`--unsafe-fixes`, unsafe), when the record has a URL for the quotation: a footnote
//! `[^ENTRY-ID]` after it and its definition at the end of the file when the article uses
//! footnotes, an inline link ` ([source](<URL>))` after it otherwise. A house style that cites
//! otherwise sets `unfixable: [unsourced]`.
//!
//! **Suppress** with `<!-- quotelint-disable-next-line unsourced -->`, or turn the check off
//! for a repository that does not cite inline.

use crate::checks::{excerpt, Code, Context};
use crate::diagnostic::{Details, Diagnostic, Severity};
use crate::findings::Finding;
use crate::fix::{Applicability, Edit, Fix};

/// Defers every finding: a file may have a million uncited quotations (issue 18's hostile
/// line), and a deferred finding holds no message until it is written.
pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
    for (i, q) in ctx.extraction.quotations.iter().enumerate() {
        if !q.cited {
            out.push(Finding::deferred(Code::Unsourced, severity, q.range.clone(), i));
        }
    }
}

/// A citation of the record's source URL after the quotation: a footnote reference, with its
/// definition added at the end of the file, when the article has footnotes; an inline link
/// ` ([source](URL))` otherwise. Unsafe: house styles cite differently. None when the record
/// has no URL for the quotation.
fn citation_fix(ctx: &Context, q: &crate::extract::Quotation, r: &crate::record::Quotation) -> Option<Fix> {
    let url = r.source.as_ref()?.url.as_deref()?;
    // Written as a link destination in angle brackets, `<…>`, a URL may hold parentheses, but
    // not `<`, `>`, blanks or control characters; nor `|`, which would split a table's cell.
    if url.is_empty()
        || url.chars().any(|c| c == '<' || c == '>' || c == '|' || c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let at = q.range.end;
    if !ctx.extraction.footnotes {
        return Fix::new(
            vec![Edit::insert(at, [" ([source](<", url, ">))"].concat())],
            Applicability::Unsafe,
        );
    }
    let label = format!("[^{}]", r.id);
    let mut edits = vec![Edit::insert(at, label.clone())];
    if !ctx.source.contains(&format!("{label}:")) {
        // The file's own line ending; a line break first if its last line has none.
        let nl = if ctx.source.contains("\r\n") {
            "\r\n"
        } else if ctx.source.contains('\r') && !ctx.source.contains('\n') {
            "\r"
        } else {
            "\n"
        };
        let open = if ctx.source.is_empty() || ctx.source.ends_with(['\n', '\r']) { "" } else { nl };
        edits.push(Edit::insert(ctx.source.len(), format!("{open}{nl}{label}: <{url}>{nl}")));
    }
    Fix::new(edits, Applicability::Unsafe)
}

pub(super) fn render(ctx: &Context, finding: &Finding) -> Diagnostic {
    let i = finding.quotation();
    let q = &ctx.extraction.quotations[i];
    let recorded = ctx.matches[i].as_ref().map(|m| &ctx.record.quotations[m.quotation]);
    let source = recorded.and_then(|r| r.source.as_ref()).and_then(|s| match (&s.publication, &s.url) {
        (Some(p), Some(u)) => Some([p, " <", u, ">"].concat()),
        (Some(p), None) => Some(p.clone()),
        (None, Some(u)) => Some(u.clone()),
        (None, None) => None,
    });
    Diagnostic {
        code: Code::Unsourced,
        severity: finding.severity,
        message: ["“", &excerpt(&q.text, 10), "” has no citation in its paragraph"].concat().into(),
        range: finding.range.clone(),
        help: Some(match &source {
            Some(s) => ["cite the source; the record documents it in ", s].concat().into(),
            // Fixed text, borrowed: `quotelint explain unsourced` says more.
            None => "link it, footnote it, or set citation-patterns".into(),
        }),
        details: Details {
            quote_id: recorded.map(|r| r.id.clone()),
            expected: source,
            fix: recorded.and_then(|r| citation_fix(ctx, q, r)),
            ..Details::default()
        }
        .boxed(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::misdated::tests::check;

    fn record(url: &str) -> String {
        format!(
            "people:\n  - id: ada\n    name: Ada Quillfeather\nquotations:\n  - id: ada-lanterns\n    speaker: ada\n    text: The lanterns along the northern harbour wall will stay lit all winter.\n    date: \"2016-01-29\"\n    source: {{publication: The Harbour Gazette, url: \"{url}\"}}\n    confidence: high\n"
        )
    }

    /// The record's URL goes in angle brackets, so parentheses are kept; a URL that would break
    /// the link or a table's cell (a blank, `|`, `>`) gets no fix.
    #[test]
    fn a_citation_links_the_records_url_when_it_can() {
        let article = "Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter.\"\n";
        let fix = |url: &str| {
            check(&record(url), article)
                .into_iter()
                .find(|d| d.code == crate::checks::Code::Unsourced)
                .and_then(|d| d.fix().cloned())
                .map(|f| crate::fix::apply(article, [&f]).text)
        };
        assert_eq!(
            fix("https://example.org/a_(b)").as_deref(),
            Some("Ada Quillfeather said: \"The lanterns along the northern harbour wall will stay lit all winter.\" ([source](<https://example.org/a_(b)>))\n")
        );
        for bad in ["https://example.org/a b", "https://example.org/a|b", "https://example.org/a>b"] {
            assert_eq!(fix(bad), None, "{bad}");
        }
    }
}
