//! Every command run for each item, in time order: the run state keeps only
//! the last one's evidence, while an audit (the report page, the export)
//! lists them all. Pure: events in, events out.

use crate::checklist::Checklist;
use crate::run::{Event, in_time_order};

/// The events that carry the evidence of a command run, per item (indexed
/// like [`Checklist::items`]), oldest first; events of the same time in the
/// order given, as replay applies them. Events about items the checklist
/// does not have are left out.
pub fn by_item<'a>(checklist: &Checklist, events: &'a [Event]) -> Vec<Vec<&'a Event>> {
    let mut runs: Vec<Vec<&Event>> = vec![Vec::new(); checklist.items().len()];
    for event in in_time_order(events.iter().filter(|e| e.evidence.is_some())) {
        if let Some(index) = event.item_index(checklist) {
            runs[index].push(event);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{Change, Evidence, EvidenceKind, Stamp};
    use crate::timestamp::Timestamp;

    fn ran(minute: u32, item: &str, exit: i32) -> Event {
        let at = Timestamp::parse(&format!("2026-11-29T10:{minute:02}:00Z")).unwrap();
        Event::on_item(Stamp::new(at, "alice"), item, Change::Ran).with_evidence(Evidence {
            kind: EvidenceKind::Exec,
            command: format!("step {minute}"),
            exit: Some(exit),
            timed_out: false,
            interrupted: false,
            millis: 10,
            output: Vec::new(),
        })
    }

    #[test]
    fn every_run_of_an_item_is_kept_in_time_order_and_orphans_are_left_out() {
        let list = crate::checklist::sample::phases(&[("P", false, &["a", "b"])]);
        let a = list.items()[0].id.to_string();
        let mut note = ran(1, &a, 0);
        note.evidence = None;
        let events = [ran(5, &a, 1), ran(2, &a, 0), note, ran(3, "gone", 0)];
        let runs = by_item(&list, &events);
        let minutes: Vec<&str> = runs[0]
            .iter()
            .map(|e| e.evidence.as_ref().unwrap().command.as_str())
            .collect();
        assert_eq!(minutes, ["step 2", "step 5"]);
        assert!(runs[1].is_empty());
    }
}
