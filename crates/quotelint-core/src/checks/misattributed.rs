//! ## misattributed (error)
//!
//! **What it flags.** A quotation that the record knows, attributed by the article to a
//! different person of the record.
//!
//! **Why.** Putting a documented remark in the wrong mouth is the most damaging error a
//! quotation can carry, and the hardest for a reader to notice.
//!
//! **Flagged:**
//!
//!     In March 1991 Margaret Thatcher told Gorbachev: "We are not talking about the
//!     strengthening of NATO."
//!
//! **Passes:**
//!
//!     In March 1991 John Major told Gorbachev: "We are not talking about the strengthening
//!     of NATO."
//!
//! quotelint only claims a misattribution when the article clearly names the speaker (a
//! speech cue such as "X said", "according to X", "X's assurance", a role with a date, or "he"
//! after a named person) and the quotation matches one recorded remark better than any by
//! someone else. A role with several possible holders, or a bare surname shared by namesakes,
//! makes no claim, and so does a name that the record's speaker also answers to ("Stoltenberg"
//! read as Gerhard by the date, of Jens's words: the date may be what is wrong). A body credited with the statement of a body it contains ("NATO said" of a
//! North Atlantic Council communiqué) is right; a body credited with a person's words ("the
//! Kremlin said" of Putin's) makes no claim. Findings resting on a low-confidence record entry
//! are warnings.
//!
//! **How to fix.** Attribute the quotation to the person the record names (the help shows the
//! record's date and source), or, if the record is wrong, correct the record.
//!
//! **Fix** (`--unsafe-fixes`, unsafe): the record's speaker written in the form the article used,
//! full name for full name, surname for surname ("Margaret Thatcher" → "John Major"); a role
//! phrase, with its "the", or another alias becomes the full name ("the British prime minister"
//! → "John Major"). None for a pronoun, several recorded speakers, or a name that other
//! quotations are given by and whose speaker it rightly names.
//!
//! **Suppress** a reviewed exception with `<!-- quotelint-disable-next-line misattributed -->`.

use crate::checks::{cite, excerpt, for_confidence, speaker_names, speakers, Code, Context, Speakers};
use crate::diagnostic::{Details, Diagnostic, Label, Severity};
use crate::findings::Finding;
use crate::fix::{Edit, Fix};
use crate::record::SpeakerKind;

pub(super) fn run(ctx: &Context, severity: Severity, out: &mut Vec<Finding>) {
    for (q, m) in ctx.matched() {
        let Some(person) = q.speaker.person() else { continue };
        let recorded = &ctx.record.quotations[m.quotation];
        let said_by = &ctx.record.people[person];
        if m.ambiguous || !m.is_strong() || speakers(ctx.record, person, recorded) != Speakers::Differ {
            continue;
        }
        let mention = match &q.speaker {
            crate::extract::Attribution::Person { mention, .. } => mention.clone(),
            _ => q.range.clone(),
        };
        // "In 1990, Stoltenberg insisted …" of Jens Stoltenberg's words: the name read as Gerhard
        // by the date also names the record's speaker, so the article may have meant him and got
        // the date wrong. Unclear who: no claim.
        if names_a_recorded_speaker(ctx, &ctx.source[mention.clone()], recorded) {
            continue;
        }
        let right = speaker_names(ctx.record, recorded);
        out.push(Finding::made(Diagnostic {
            code: Code::Misattributed,
            severity: for_confidence(severity, recorded.confidence),
            message: format!(
                "“{}” is attributed to {}, but the record has {right} saying it",
                excerpt(&q.text, 10),
                said_by.name
            )
            .into(),
            range: q.range.clone(),
            help: Some(format!("attribute it to {right} {}", cite(recorded)).into()),
            details: Details {
                labels: vec![Label {
                    range: mention.clone(),
                    text: format!("{} did not say this, per the record", said_by.name),
                }],
                quote_id: Some(recorded.id.clone()),
                found: Some(said_by.name.clone()),
                expected: Some(right.clone()),
                fix: speaker_fix(ctx, &mention, said_by, recorded),
            }
            .boxed(),
        }));
    }
}

/// The recorded speaker written where the article names the wrong one, in the form the article
/// used: a full name for the full name, a surname for the surname, a possessive kept; a role
/// phrase ("the British prime minister") or another alias becomes the full name. Unsafe: the
/// sentence around the name may no longer fit ("he" later on). No fix for a quotation of
/// several speakers, nor for a pronoun.
fn speaker_fix(
    ctx: &Context,
    mention: &std::ops::Range<usize>,
    said_by: &crate::record::Person,
    recorded: &crate::record::Quotation,
) -> Option<Fix> {
    let [id] = recorded.speaker.0.as_slice() else { return None };
    let right = ctx.record.person(id)?;
    // "Putin said that '<Wörner's words>' and asked '<his own>'": a name other quotations are
    // given by is theirs too; rewritten, it must stay right for each of them, or the fixes
    // would undo each other pass after pass.
    let overlaps = |r: &std::ops::Range<usize>| r.start < mention.end && mention.start < r.end;
    for (other, m) in ctx.extraction.quotations.iter().zip(ctx.matches) {
        let crate::extract::Attribution::Person { mention: theirs, .. } = &other.speaker else { continue };
        let Some(m) = m.as_ref().filter(|m| m.is_strong() && !m.ambiguous) else { continue };
        if overlaps(theirs) && !ctx.record.quotations[m.quotation].speaker.0.contains(id) {
            return None;
        }
    }
    let written = ctx.source.get(mention.clone())?;
    let (name, possessive) = ["'s", "’s"]
        .iter()
        .find_map(|s| written.strip_suffix(s).map(|n| (n, &written[n.len()..])))
        .unwrap_or((written, ""));
    let surname = |n: &str| n.rsplit(' ').next().unwrap_or(n).to_owned();
    let is_role = ctx.record.roles.iter().any(|r| r.phrases.iter().any(|p| p.eq_ignore_ascii_case(name)));
    let is_alias = said_by.aliases.iter().chain(&said_by.misspellings).any(|a| a == name);
    let mut range = mention.clone();
    let new = if name == said_by.name {
        right.name.clone()
    } else if name == surname(&said_by.name) && name != said_by.name && right.kind == SpeakerKind::Person {
        surname(&right.name)
    } else if is_role || is_alias {
        // "the British prime minister", "Sir John": the recorded speaker's name, the article
        // before a role taken with it ("the John Major" is no English).
        if is_role {
            let before = &ctx.source[..range.start];
            if let Some(the) = ["the ", "The "].iter().find(|t| before.ends_with(*t)) {
                range.start -= the.len();
            }
        }
        right.name.clone()
    } else {
        return None;
    };
    Some(Fix::unsafe_(Edit::replace(range, new + possessive)))
}

/// `written` is also a name or alias of one of the record's speakers of `recorded` (a surname
/// shared by namesakes).
fn names_a_recorded_speaker(ctx: &Context, written: &str, recorded: &crate::record::Quotation) -> bool {
    let written = written.trim_end_matches("'s").trim_end_matches("’s");
    recorded
        .speaker
        .0
        .iter()
        .filter_map(|id| ctx.record.person(id))
        .any(|p| std::iter::once(&p.name).chain(&p.aliases).any(|n| n.eq_ignore_ascii_case(written)))
}
