//! One line of a run log, as JSON: the header that opens it, and the events after.
//!
//! Reading is lenient where it can be (unknown fields are ignored, so a newer
//! preflight's log still loads) and cleans every text, since a run log kept in git
//! is as untrusted as a checklist.

use serde::{Deserialize, Serialize};

use crate::checklist::Status;
use crate::run::{Change, Event, EvidenceKind, Stamp, Start, Subject};
use crate::text::{clean_line, clean_line_owned, clean_paragraph, clean_paragraph_owned};

mod evidence;

use crate::timestamp::Timestamp;
use evidence::{EvidenceLine, StartedLine};
pub use evidence::{OUTPUT_LINE_CHARS, OUTPUT_LINES};

/// What the first line's `preflight` field says.
const MAGIC: &str = "run log";
const VERSION: u32 = 1;

/// The first line: which checklist and which run the log belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub checklist: String,
    pub file: String,
    pub run: String,
    pub created: String,
}

#[derive(Serialize, Deserialize)]
struct HeaderLine {
    preflight: String,
    version: u32,
    checklist: String,
    file: String,
    run: String,
    created: String,
}

#[derive(Serialize, Deserialize)]
struct EventLine {
    at: String,
    by: String,
    /// The account that wrote it; absent in logs written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    login: Option<String>,
    /// Empty for an event about the run (a parameter's value) or a phase.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    item: String,
    /// The phase an approval is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phase: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    /// `approve` or `withdraw`: an approval of `phase`, or its withdrawal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    approval: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    param: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    forced: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    evidence: Option<EvidenceLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    started: Option<StartedLine>,
}

/// The header as one JSON line, newline included.
pub fn header_line(header: &Header) -> Result<String, serde_json::Error> {
    let line = HeaderLine {
        preflight: MAGIC.to_owned(),
        version: VERSION,
        checklist: header.checklist.clone(),
        file: header.file.clone(),
        run: header.run.clone(),
        created: header.created.clone(),
    };
    let mut text = serde_json::to_string(&line)?;
    text.push('\n');
    Ok(text)
}

/// Reads a header line; `None` when the line is not one.
pub fn parse_header(line: &str) -> Option<Header> {
    let raw: HeaderLine = serde_json::from_str(line).ok()?;
    (raw.preflight == MAGIC).then(|| Header {
        checklist: clean_line(&raw.checklist).unwrap_or_default(),
        file: clean_line(&raw.file).unwrap_or_default(),
        run: clean_line(&raw.run).unwrap_or_default(),
        created: clean_line(&raw.created).unwrap_or_default(),
    })
}

/// A line that is a run log header, where an event was expected: two
/// people created the run independently and git kept both headers.
pub fn repeated_header(text: &str) -> Option<Header> {
    text.starts_with("{\"preflight\"").then(|| parse_header(text)).flatten()
}

/// An event as one JSON line, newline included.
pub fn event_line(event: &Event) -> Result<String, serde_json::Error> {
    let (mut status, mut reason, mut note, mut param, mut value) = (None, None, None, None, None);
    let mut approval = None;
    match &event.change {
        Change::Status(set) => {
            if let Status::Skipped { reason: why } = set {
                reason.clone_from(why);
            }
            status = Some(set.as_str().to_owned());
        }
        Change::Note(text) => note = Some(text.clone().unwrap_or_default()),
        Change::Param { name, value: given } => {
            param = Some(name.clone());
            value = Some(given.clone());
        }
        Change::Approve { note: said } => {
            approval = Some("approve".to_owned());
            note.clone_from(said);
        }
        Change::Withdraw => approval = Some("withdraw".to_owned()),
        Change::Ran | Change::Started(_) => {}
    }
    let started = match &event.change {
        Change::Started(start) => Some(StartedLine {
            kind: start.kind.as_str().to_owned(),
            host: start.host.clone(),
            pid: start.pid,
        }),
        _ => None,
    };
    let line = EventLine {
        at: event.stamp.at.to_string(),
        by: event.stamp.by.clone(),
        login: event.stamp.login.clone(),
        item: event.item().map(|id| id.as_str().to_owned()).unwrap_or_default(),
        phase: event.phase().map(str::to_owned),
        title: event.title.clone(),
        status,
        approval,
        reason,
        note,
        param,
        value,
        forced: event.forced,
        evidence: event.evidence.as_ref().map(EvidenceLine::of),
        started,
    };
    let mut text = serde_json::to_string(&line)?;
    text.push('\n');
    Ok(text)
}

fn nonempty(text: Option<String>) -> Option<String> {
    text.map(clean_paragraph_owned).filter(|t| !t.is_empty())
}

/// Reads an event line, or says why it is not one.
pub fn parse_event(line: &str) -> Result<Event, String> {
    let mut raw: EventLine = serde_json::from_str(line).map_err(|e| format!("not a run log event: {e}"))?;
    let evidence = raw.evidence.take().and_then(EvidenceLine::read);
    let (change, subject) = if let Some(kind) = raw.approval.take() {
        approval(&kind, &mut raw)?
    } else {
        let change = change(&mut raw, evidence.is_some())?;
        let item = clean_line_owned(std::mem::take(&mut raw.item))
            .map_err(|_| "the item id spans several lines".to_owned())?;
        let subject = match change {
            Change::Param { .. } => Subject::Run,
            _ if item.is_empty() => return Err("the event names no item".to_owned()),
            _ => Subject::Item(item.into()),
        };
        (change, subject)
    };
    let at = Timestamp::parse(&raw.at).map_err(|e| format!("its `at` is {e}"))?;
    let by = clean_line_owned(raw.by)
        .ok()
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    let login = raw
        .login
        .and_then(|l| clean_line_owned(l).ok())
        .filter(|l| !l.is_empty());
    Ok(Event {
        stamp: Stamp { at, by, login },
        subject,
        title: raw
            .title
            .and_then(|t| clean_line_owned(t).ok())
            .filter(|t| !t.is_empty()),
        change,
        forced: raw.forced,
        evidence,
    })
}

/// An approval of a phase, or its withdrawal: it names a phase and no item,
/// and carries no status, parameter or run.
fn approval(kind: &str, raw: &mut EventLine) -> Result<(Change, Subject), String> {
    let change = match kind {
        "approve" => Change::Approve {
            note: nonempty(raw.note.take()),
        },
        "withdraw" => Change::Withdraw,
        other => return Err(format!("unknown approval {:?}", clean_paragraph(other))),
    };
    let phase = clean_line_owned(raw.phase.take().unwrap_or_default())
        .map_err(|_| "the phase id spans several lines".to_owned())?;
    if phase.is_empty() {
        return Err("an approval names no phase".to_owned());
    }
    if !raw.item.is_empty() || raw.status.is_some() || raw.param.is_some() || raw.started.is_some() {
        return Err("an approval changes nothing but its phase's approvals".to_owned());
    }
    Ok((change, Subject::Phase(phase)))
}

/// What an event about an item or the run changes.
fn change(raw: &mut EventLine, has_evidence: bool) -> Result<Change, String> {
    Ok(match (raw.status.as_deref(), raw.note.take()) {
        (None, None) if raw.param.is_some() => {
            let name = raw.param.take().unwrap_or_default();
            if !crate::template::is_param_name(&name) {
                return Err(format!("{:?} is not a parameter name", clean_paragraph(&name)));
            }
            let value = clean_line_owned(raw.value.take().unwrap_or_default())
                .map_err(|_| "a parameter's value spans several lines".to_owned())?;
            crate::template::check_value(&value)?;
            Change::Param { name, value }
        }
        (None, None) if has_evidence => Change::Ran,
        (None, None) if raw.started.is_some() => started(raw.started.take())?,
        (Some("done"), _) => Change::Status(Status::Done),
        (Some("todo"), _) => Change::Status(Status::Todo),
        (Some("skipped"), _) => Change::Status(Status::Skipped {
            reason: nonempty(raw.reason.take()),
        }),
        (Some(other), _) => return Err(format!("unknown status {:?}", clean_paragraph(other))),
        (None, Some(note)) => Change::Note(nonempty(Some(note))),
        (None, None) => return Err("an event sets neither a status nor a note".to_owned()),
    })
}

/// A command started for an item.
fn started(line: Option<StartedLine>) -> Result<Change, String> {
    let started = line.unwrap_or(StartedLine {
        kind: String::new(),
        host: String::new(),
        pid: 0,
    });
    let kind = match started.kind.as_str() {
        "exec" => EvidenceKind::Exec,
        "verify" => EvidenceKind::Verify,
        other => return Err(format!("started an unknown kind of run {:?}", clean_paragraph(other))),
    };
    Ok(Change::Started(Start {
        kind,
        host: clean_line_owned(started.host).unwrap_or_default(),
        pid: started.pid,
    }))
}

#[cfg(test)]
mod tests;
