//! One line of a run log, as JSON: the header that opens it, and the events after.
//!
//! Reading is lenient where it can be (unknown fields are ignored, so a newer
//! preflight's log still loads) and cleans every text, since a run log kept in git
//! is as untrusted as a checklist.

use serde::{Deserialize, Serialize};

use crate::checklist::Status;
use crate::run::{Change, Event, Evidence, EvidenceKind, Stamp, Start, Subject};
use crate::text::{clean_line, clean_line_owned, clean_paragraph, clean_paragraph_owned};
use crate::timestamp::Timestamp;

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
    /// Empty for an event about the run (a parameter's value).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
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

/// A command started for an item, as the run log keeps it.
#[derive(Serialize, Deserialize)]
struct StartedLine {
    kind: String,
    #[serde(default)]
    host: String,
    #[serde(default)]
    pid: u32,
}

/// What a command run for an item showed, as the run log keeps it.
#[derive(Serialize, Deserialize)]
struct EvidenceLine {
    kind: String,
    command: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exit: Option<i32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    timed_out: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    interrupted: bool,
    ms: u64,
    #[serde(default, deserialize_with = "last_lines")]
    output: Vec<String>,
}

/// Reads a run's output keeping only its last [`OUTPUT_LINES`] lines as it
/// goes: a teammate's line that lists millions of them costs no more memory
/// than the line itself.
fn last_lines<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Last;
    impl<'de> serde::de::Visitor<'de> for Last {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of lines")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut kept = std::collections::VecDeque::with_capacity(OUTPUT_LINES + 1);
            while let Some(line) = seq.next_element::<String>()? {
                kept.push_back(line);
                if kept.len() > OUTPUT_LINES {
                    kept.pop_front();
                }
            }
            Ok(kept.into())
        }
    }
    deserializer.deserialize_seq(Last)
}

/// How many lines of a command's output the run log keeps.
pub const OUTPUT_LINES: usize = 20;

/// How long one kept line of output may be, in characters: when it is
/// recorded, and again when a (shared, untrusted) log is read.
pub const OUTPUT_LINE_CHARS: usize = 500;

impl EvidenceLine {
    fn of(evidence: &Evidence) -> EvidenceLine {
        EvidenceLine {
            kind: evidence.kind.as_str().to_owned(),
            command: evidence.command.clone(),
            exit: evidence.exit,
            timed_out: evidence.timed_out,
            interrupted: evidence.interrupted,
            ms: evidence.millis,
            output: evidence.output.clone(),
        }
    }

    /// Read leniently and cleaned: a shared log is untrusted.
    fn read(self) -> Option<Evidence> {
        let kind = match self.kind.as_str() {
            "exec" => EvidenceKind::Exec,
            "verify" => EvidenceKind::Verify,
            _ => return None,
        };
        let skip = self.output.len().saturating_sub(OUTPUT_LINES);
        Some(Evidence {
            kind,
            command: self
                .command
                .lines()
                .map(|l| clean_line(l).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n"),
            exit: self.exit,
            timed_out: self.timed_out,
            interrupted: self.interrupted,
            millis: self.ms,
            output: self
                .output
                .into_iter()
                .skip(skip)
                .map(|l| {
                    let short: String = l.chars().take(OUTPUT_LINE_CHARS).collect();
                    clean_line(&short).unwrap_or_default()
                })
                .collect(),
        })
    }
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

/// An event as one JSON line, newline included.
pub fn event_line(event: &Event) -> Result<String, serde_json::Error> {
    let (mut status, mut reason, mut note, mut param, mut value) = (None, None, None, None, None);
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
        item: event.subject_name().to_owned(),
        title: event.title.clone(),
        status,
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
    let raw: EventLine = serde_json::from_str(line).map_err(|e| format!("not a run log event: {e}"))?;
    let evidence = raw.evidence.and_then(EvidenceLine::read);
    let change = match (raw.status.as_deref(), raw.note) {
        (None, None) if raw.param.is_some() => {
            let name = raw.param.unwrap_or_default();
            if !crate::template::is_param_name(&name) {
                return Err(format!("{:?} is not a parameter name", clean_paragraph(&name)));
            }
            let value = clean_line_owned(raw.value.unwrap_or_default())
                .map_err(|_| "a parameter's value spans several lines".to_owned())?;
            crate::template::check_value(&value)?;
            Change::Param { name, value }
        }
        (None, None) if evidence.is_some() => Change::Ran,
        (None, None) if raw.started.is_some() => {
            let started = raw.started.unwrap_or(StartedLine {
                kind: String::new(),
                host: String::new(),
                pid: 0,
            });
            let kind = match started.kind.as_str() {
                "exec" => EvidenceKind::Exec,
                "verify" => EvidenceKind::Verify,
                other => return Err(format!("started an unknown kind of run {:?}", clean_paragraph(other))),
            };
            Change::Started(Start {
                kind,
                host: clean_line_owned(started.host).unwrap_or_default(),
                pid: started.pid,
            })
        }
        (Some("done"), _) => Change::Status(Status::Done),
        (Some("todo"), _) => Change::Status(Status::Todo),
        (Some("skipped"), _) => Change::Status(Status::Skipped {
            reason: nonempty(raw.reason),
        }),
        (Some(other), _) => return Err(format!("unknown status {:?}", clean_paragraph(other))),
        (None, Some(note)) => Change::Note(nonempty(Some(note))),
        (None, None) => return Err("an event sets neither a status nor a note".to_owned()),
    };
    let item = clean_line_owned(raw.item).map_err(|_| "the item id spans several lines".to_owned())?;
    let subject = match change {
        Change::Param { .. } => Subject::Run,
        _ if item.is_empty() => return Err("the event names no item".to_owned()),
        _ => Subject::Item(item.into()),
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

#[cfg(test)]
mod tests;
