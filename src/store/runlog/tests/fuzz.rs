//! The reader against anything a shared log may hold: arbitrary lines, and
//! events whose every field holds an arbitrary JSON value or an extreme time.
//! Reading never panics, never changes a byte, and what it reads can be
//! replayed and printed; replaying as it reads finds what a whole read finds.

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::checklist::ChecklistBuilder;
use crate::run::RunState;

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        any_stamp().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Times at and past the edges: years 0 to 9999, any offset, fractions.
fn any_stamp() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => prop::sample::select(vec![
            "9999-12-31T23:59:59-23:59",
            "9999-12-31T23:59:59.999Z",
            "9999-12-31T23:59:59.9999999Z",
            "1970-01-01T00:00:00+00:01",
            "1970-01-01T00:00:00Z",
        ])
        .prop_map(str::to_owned),
        3 => any_date_time(),
    ]
}

fn any_date_time() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(0u32), Just(1969), Just(1970), 1971u32..9999, Just(9999)],
        1u32..=12,
        1u32..=31,
        0u32..24,
        0u32..60,
        0u32..61,
        prop_oneof![Just(String::new()), Just(".999".to_owned()), "\\.[0-9]{1,12}"],
        prop_oneof![Just("Z".to_owned()), "[+-](0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]"],
    )
        .prop_map(|(y, mo, d, h, mi, s, frac, zone)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{zone}"))
}

const FIELDS: [&str; 11] = [
    "at", "by", "item", "title", "status", "reason", "note", "param", "value", "forced", "evidence",
];

fn any_event_line() -> impl Strategy<Value = String> {
    (
        any_stamp(),
        prop::sample::select(vec!["done", "todo", "skipped"]),
        prop::collection::btree_map(prop::sample::select(FIELDS.to_vec()), any_json(), 0..5),
    )
        .prop_map(|(at, status, wild)| {
            let mut event = serde_json::json!({"at": at, "by": "bob", "item": "p/s/a", "status": status});
            for (field, value) in wild {
                event[field] = value;
            }
            event.to_string()
        })
}

fn any_line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any_event_line(),
        1 => ".{0,40}",
        1 => any_json().prop_map(|v| v.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn reading_any_log_never_panics_nor_changes_a_byte(lines in prop::collection::vec(any_line(), 0..12), cut in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let log = log_in(&dir);
        let header = line::header_line(&identity("Deploy")).unwrap();
        let mut text = header.clone() + &lines.join("\n");
        if !cut {
            text.push('\n');
        }
        std::fs::create_dir_all(log.path().parent().unwrap()).unwrap();
        std::fs::write(log.path(), &header).unwrap();
        let mark = log.read().unwrap().mark;
        std::fs::write(log.path(), &text).unwrap();
        let _ = log.read_from(&mark);
        let mut b = ChecklistBuilder::new("Deploy".into(), None);
        b.phase(None, "P".into(), None).unwrap();
        b.section(None, "S".into()).unwrap();
        b.item(None, "A".into(), None).unwrap();
        let checklist = b.finish();
        if let Ok(contents) = log.read() {
            let state = RunState::replay(&checklist, &contents.events);
            let _ = state.tally(&checklist);
            for event in &contents.events {
                prop_assert!(!event.stamp.at.human().is_empty() && !event.stamp.at.to_string().is_empty());
                let _ = state.stamp_for(0, event.stamp.at);
            }
        }
        prop_assert_eq!(std::fs::read_to_string(log.path()).unwrap(), text);
    }

    #[test]
    fn a_log_replayed_as_it_is_read_gives_what_a_whole_read_then_a_replay_gives(
        lines in prop::collection::vec(any_line(), 0..12),
        cut in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let log = log_in(&dir);
        let mut text = line::header_line(&identity("Deploy")).unwrap() + &lines.join("\n");
        if !cut {
            text.push('\n');
        }
        std::fs::create_dir_all(log.path().parent().unwrap()).unwrap();
        std::fs::write(log.path(), &text).unwrap();
        let mut b = ChecklistBuilder::new("Deploy".into(), None);
        b.phase(None, "P".into(), None).unwrap();
        b.section(None, "S".into()).unwrap();
        b.item(None, "A".into(), None).unwrap();
        let checklist = b.finish();
        match (log.read(), log.read_replayed(&checklist)) {
            (Ok(whole), Ok((streamed, state))) => {
                prop_assert_eq!(state.parts(), RunState::replay(&checklist, &whole.events).parts());
                prop_assert_eq!(streamed.warnings, whole.warnings);
                prop_assert_eq!(streamed.left_out, whole.left_out);
                prop_assert_eq!(streamed.header, whole.header);
                prop_assert_eq!(streamed.mark, whole.mark);
                let now = crate::store::runlog::now();
                prop_assert!(streamed.events.iter().all(|e| e.stamp.at > now && whole.events.contains(e)));
            }
            (Err(whole), Err(streamed)) => prop_assert_eq!(streamed, whole),
            (whole, streamed) => prop_assert!(false, "{whole:?} against {streamed:?}"),
        }
    }
}
