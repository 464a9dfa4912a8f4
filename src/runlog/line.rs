//! One line of a run log, as JSON: the header that opens it, and the events after.
//!
//! Reading is lenient where it can be (unknown fields are ignored, so a newer
//! preflight's log still loads) and cleans every text, since a run log kept in git
//! is as untrusted as a checklist.

use serde::{Deserialize, Serialize};

use crate::checklist::Status;
use crate::run::{Change, Event};
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
    item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
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
    let (status, reason, note) = match &event.change {
        Change::Status(status) => {
            let reason = match status {
                Status::Skipped { reason } => reason.clone(),
                Status::Todo | Status::Done => None,
            };
            (Some(status.as_str().to_owned()), reason, None)
        }
        Change::Note(note) => (None, None, Some(note.clone().unwrap_or_default())),
    };
    let line = EventLine {
        at: event.at.to_string(),
        by: event.by.clone(),
        item: event.item.clone(),
        title: event.title.clone(),
        status,
        reason,
        note,
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
    let change = match (raw.status.as_deref(), raw.note) {
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
    if item.is_empty() {
        return Err("the event names no item".to_owned());
    }
    let at = Timestamp::parse(&raw.at).map_err(|_| "its `at` is not an RFC 3339 timestamp".to_owned())?;
    Ok(Event {
        at,
        by: clean_line_owned(raw.by)
            .ok()
            .filter(|b| !b.is_empty())
            .unwrap_or_else(|| "unknown".to_owned()),
        item,
        title: raw
            .title
            .and_then(|t| clean_line_owned(t).ok())
            .filter(|t| !t.is_empty()),
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(change: Change) -> Event {
        Event {
            at: Timestamp::parse("2026-11-29T10:02:11Z").unwrap(),
            by: "alice".into(),
            item: "p/s/i".into(),
            title: Some("Item".into()),
            change,
        }
    }

    #[test]
    fn events_are_one_json_line_each_in_the_documented_shape() {
        assert_eq!(
            event_line(&event(Change::Status(Status::Done))).unwrap(),
            "{\"at\":\"2026-11-29T10:02:11Z\",\"by\":\"alice\",\"item\":\"p/s/i\",\"title\":\"Item\",\"status\":\"done\"}\n"
        );
        let skip = event_line(&event(Change::Status(Status::Skipped {
            reason: Some("n/a".into()),
        })))
        .unwrap();
        assert!(skip.ends_with("\"status\":\"skipped\",\"reason\":\"n/a\"}\n"), "{skip}");
        let note = event_line(&event(Change::Note(Some("two\nlines".into())))).unwrap();
        assert_eq!(note.lines().count(), 1, "a newline in a note stays escaped: {note}");
    }

    #[test]
    fn every_event_round_trips() {
        for change in [
            Change::Status(Status::Done),
            Change::Status(Status::Todo),
            Change::Status(Status::Skipped { reason: None }),
            Change::Status(Status::Skipped {
                reason: Some("no cache".into()),
            }),
            Change::Note(Some("checked with ops".into())),
            Change::Note(None),
        ] {
            let original = event(change);
            assert_eq!(parse_event(event_line(&original).unwrap().trim_end()), Ok(original));
        }
    }

    #[test]
    fn the_header_round_trips_and_nothing_else_is_a_header() {
        let header = Header {
            checklist: "Deploy".into(),
            file: "deploy.yaml".into(),
            run: "v2.3.0 release".into(),
            created: "2026-11-29T10:00:00Z".into(),
        };
        assert_eq!(parse_header(header_line(&header).unwrap().trim_end()), Some(header));
        assert_eq!(
            parse_header(event_line(&event(Change::Status(Status::Done))).unwrap().trim_end()),
            None
        );
        assert_eq!(parse_header("title: Deploy"), None);
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        assert!(
            parse_event("{\"at\":\"x\",\"by\":\"a\",\"item\":\"p/s/i\",\"status\":\"finished\"}")
                .unwrap_err()
                .contains("unknown status")
        );
        assert!(
            parse_event("{\"at\":\"x\",\"by\":\"a\",\"item\":\"p/s/i\"}")
                .unwrap_err()
                .contains("neither")
        );
        assert!(
            parse_event("{\"at\":\"x\",\"by\":\"a\",\"ite")
                .unwrap_err()
                .starts_with("not a run log event")
        );
    }

    #[test]
    fn texts_read_back_are_cleaned() {
        let line = "{\"at\":\"2026-11-29T10:02:11Z\",\"by\":\"\\u001b[31mmallory\",\"item\":\"p/s/i\",\"note\":\"\\u202eevil\\u0007\",\"future\":1}";
        let event = parse_event(line).unwrap();
        assert_eq!(event.by, "[31mmallory");
        assert_eq!(event.change, Change::Note(Some("evil".into())));
    }
}
