//! Any merge of the same events (two copies of a run log joined in either
//! order, lines interleaved) replays to the same state.

use proptest::prelude::*;

use super::*;

fn change(kind: u8) -> Change {
    match kind % 5 {
        0 => done(),
        1 => Change::Status(Status::Todo),
        2 => skipped("n/a"),
        3 => Change::Note(Some(format!("note {kind}"))),
        _ => Change::Note(None),
    }
}

/// Events with few distinct times and items, so that ties and conflicts
/// are common.
fn events() -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec((1u8..6, 0usize..3, any::<u8>(), 0usize..3), 0..24).prop_map(|raw| {
        raw.into_iter()
            .map(|(time, item, kind, by)| {
                event(
                    &format!("t{time}"),
                    ["alice", "bob", "carol"][by],
                    ["a", "b", "c"][item],
                    change(kind),
                )
            })
            .collect()
    })
}

/// Another order of the same events, as another merge would give: any
/// interleaving, but events of the same time keep their relative order
/// (they come from one file, where appends keep their order).
fn merged(events: &[Event], keys: &[u32]) -> Vec<Event> {
    let mut slots: Vec<usize> = (0..events.len()).collect();
    slots.sort_by_key(|&i| {
        let i = u32::try_from(i).unwrap();
        (keys[i as usize % keys.len()] ^ i.wrapping_mul(0x9e37_79b9)).wrapping_mul(0x85eb_ca6b)
    });
    let mut by_time: Vec<usize> = (0..events.len()).collect();
    by_time.sort_by_key(|&i| events[i].stamp.at);
    // Slots taken by each time, in slot order, get that time's events in
    // their original order.
    let mut out: Vec<Option<Event>> = vec![None; events.len()];
    let mut times: Vec<_> = events.iter().map(|e| e.stamp.at).collect();
    times.sort();
    times.dedup();
    for time in times {
        let positions = (0..events.len()).filter(|&p| events[slots[p]].stamp.at == time);
        let originals = by_time.iter().filter(|&&i| events[i].stamp.at == time);
        for (position, &original) in positions.into_iter().zip(originals) {
            out[position] = Some(events[original].clone());
        }
    }
    out.into_iter().map(Option::unwrap).collect()
}

#[test]
fn a_merge_reorders_events_of_different_times_only() {
    let events: Vec<Event> = ["t3", "t1", "t3", "t2"]
        .iter()
        .enumerate()
        .map(|(n, t)| event(t, "alice", "a", Change::Note(Some(n.to_string()))))
        .collect();
    let notes = |events: &[Event]| -> Vec<String> {
        events
            .iter()
            .map(|e| format!("{}{:?}", e.stamp.at.hour_minute(), e.change))
            .collect()
    };
    let orders: std::collections::HashSet<Vec<String>> = (0..20u32)
        .map(|k| notes(&merged(&events, &[k.wrapping_mul(0x2545_f491), k])))
        .collect();
    assert!(orders.len() > 1, "some merges differ from the original order");
    for order in &orders {
        let first = order.iter().position(|n| n.contains("\"0\""));
        let third = order.iter().position(|n| n.contains("\"2\""));
        assert!(first < third, "the two t3 events keep their order: {order:?}");
    }
}

proptest! {
    #[test]
    fn any_merge_of_the_same_events_replays_to_the_same_state(
        events in events(),
        keys in prop::collection::vec(any::<u32>(), 1..8),
    ) {
        let list = checklist(&["a", "b", "c"]);
        let other = merged(&events, &keys);
        let one = RunState::replay(&list, &events);
        let two = RunState::replay(&list, &other);
        for i in 0..3 {
            prop_assert_eq!(one.item(i), two.item(i));
        }
        prop_assert_eq!(one.started(), two.started());
        prop_assert_eq!(one.last_changed(), two.last_changed());
    }
}
