//! Large checklists and run logs made to measure, for benchmarks and for trying
//! preflight at scale (`preflight generate`, hidden from help).
//!
//! Deterministic: the same size gives the same text, so measurements repeat.

use std::fmt::Write as _;
use std::time::{Duration, UNIX_EPOCH};

use crate::checklist::{Checklist, Status};
use crate::run::{Change, Event, Stamp};
use crate::timestamp::Timestamp;

/// Items per section and sections per phase of a generated checklist.
const ITEMS_PER_SECTION: usize = 100;
const SECTIONS_PER_PHASE: usize = 100;

/// A checklist of `items` items as YAML, about 200 bytes an item, shaped like
/// real ones: phases of sections of items, each with a title and a detail that
/// use inline Markdown.
pub fn checklist_yaml(items: usize) -> String {
    let mut out = String::with_capacity(items * 200 + 256);
    let _ = writeln!(
        out,
        "title: Generated checklist of {items} items\ndescription: Made by preflight generate\nphases:"
    );
    let mut made = 0;
    let mut phase = 0;
    while made < items {
        phase += 1;
        let _ = writeln!(out, "  - name: Phase {phase}\n    icon: \"🚀\"\n    sections:");
        for section in 1..=SECTIONS_PER_PHASE {
            if made >= items {
                break;
            }
            let _ = writeln!(out, "      - name: Section {phase}.{section}\n        items:");
            for item in 1..=ITEMS_PER_SECTION {
                if made >= items {
                    break;
                }
                made += 1;
                let _ = writeln!(
                    out,
                    "          - title: Verify component {phase}.{section}.{item} is configured\n            detail: \"checked against the **runbook**, see `svc-{made}` and [the dashboard](https://example.com/d/{made})\""
                );
            }
        }
    }
    out
}

/// `events` events over the items of `checklist`, cycling through them: mostly
/// ticks, some unticks, skips with reasons and notes, by a few operators.
pub fn run_events(checklist: &Checklist, events: usize) -> Vec<Event> {
    let items = checklist.items();
    if items.is_empty() {
        return Vec::new();
    }
    let operators = ["alice", "bob", "carol", "dave"];
    (0..events)
        .map(|n| {
            let item = &items[(n * 7919) % items.len()];
            let change = match n % 10 {
                0 => Change::Status(Status::Todo),
                1 => Change::Status(Status::Skipped {
                    reason: Some(format!("not in scope for change {n}")),
                }),
                2 => Change::Note(Some(format!("checked with the on-call engineer, ticket OPS-{n}"))),
                _ => Change::Status(Status::Done),
            };
            // A second apart from 2026-11-29T00:00:00Z, wrapping at midnight.
            let second_of_day = (n % 86_400) as u64;
            let at = Timestamp::from_system(UNIX_EPOCH + Duration::from_secs(1_795_910_400 + second_of_day));
            Event::on_item(Stamp::new(at, operators[n % operators.len()]), item.id.clone(), change)
                .with_title(item.title.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse;

    fn loads_with_the_asked_size(items: usize) {
        let list = parse(&checklist_yaml(items), "generated.yaml").unwrap();
        assert_eq!(list.items().len(), items);
    }

    preflight_core::cases! {
        generated_checklists_load_with_the_asked_size, loads_with_the_asked_size:
        one_item = (1),
        items_99 = (99),
        items_100 = (100),
        items_1_001 = (1_001),
    }

    #[test]
    fn generated_events_name_real_items() {
        let list = parse(&checklist_yaml(250), "generated.yaml").unwrap();
        let events = run_events(&list, 1_000);
        assert_eq!(events.len(), 1_000);
        assert!(events.iter().all(|e| e.item_index(&list).is_some()));
        assert_eq!(run_events(&list, 10), run_events(&list, 10), "deterministic");
    }
}
