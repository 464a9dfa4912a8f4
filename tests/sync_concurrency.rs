//! `sync` while others work: writers appending to the log while it syncs,
//! clones syncing at the same moment, and a seeded soak of three clones making
//! random changes and syncing in random order. Every acknowledged event ends
//! up in every clone, once.

#![cfg(unix)]

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::team::{clones, events, ok, preflight};
use common::{Rng, Sandbox};

/// `count` notes recorded by `by` in `clone`, one command each: the texts
/// whose command exited 0.
fn write_notes(sandbox: &Sandbox, clone: &Path, by: &str, count: usize) -> Vec<String> {
    let mut acknowledged = Vec::new();
    for i in 0..count {
        let text = format!("{by} note {i}");
        let (code, _, _) = preflight(sandbox, clone, by, &["note", "mini.yaml", "first-step", &text]);
        if code == 0 {
            acknowledged.push(text);
        }
    }
    acknowledged
}

fn notes_in(clone: &Path) -> HashSet<String> {
    events(clone)
        .iter()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|event| event["note"].as_str().map(str::to_owned))
        .collect()
}

fn assert_no_line_twice(clone: &Path) {
    let lines = events(clone);
    let distinct: HashSet<&String> = lines.iter().collect();
    assert_eq!(distinct.len(), lines.len(), "a line twice in {}", clone.display());
}

#[test]
fn writers_appending_while_sync_runs_lose_no_acknowledged_event() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b"], true);
    let (a, b) = (&team[0], &team[1]);
    let (acknowledged, syncs) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| write_notes(&sandbox, a, "alice", 300));
        let mut syncs = 0;
        while !writer.is_finished() {
            // bob's changes come in too, so that merges happen under the writer.
            ok(&sandbox, b, "bob", &["check", "mini.yaml", "second-step"]);
            ok(&sandbox, b, "bob", &["uncheck", "mini.yaml", "second-step"]);
            ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
            ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
            syncs += 1;
        }
        (writer.join().unwrap(), syncs)
    });
    assert!(acknowledged.len() >= 250, "the writer wrote: {}", acknowledged.len());
    assert!(syncs >= 2, "syncs ran while the writer wrote: {syncs}");
    ok(&sandbox, a, "alice", &["sync", "mini.yaml"]);
    ok(&sandbox, b, "bob", &["sync", "mini.yaml"]);
    for clone in [a, b] {
        let notes = notes_in(clone);
        let lost: Vec<&String> = acknowledged.iter().filter(|n| !notes.contains(*n)).collect();
        assert!(
            lost.is_empty(),
            "{} lost {} notes: {lost:?}",
            clone.display(),
            lost.len()
        );
        assert_no_line_twice(clone);
    }
}

#[test]
fn clones_syncing_at_the_same_moment_duplicate_no_event() {
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b", "c"], true);
    let names = ["alice", "bob", "carol"];
    let mut raced = 0;
    for round in 0..6 {
        for (clone, by) in team.iter().zip(names) {
            let text = format!("{by} {round}");
            ok(&sandbox, clone, by, &["note", "mini.yaml", "first-step", &text]);
        }
        std::thread::scope(|scope| {
            let syncs: Vec<_> = team
                .iter()
                .zip(names)
                .map(|(clone, by)| {
                    let sandbox = &sandbox;
                    scope.spawn(move || preflight(sandbox, clone, by, &["sync", "mini.yaml"]))
                })
                .collect();
            for sync in syncs {
                let (code, _, err) = sync.join().unwrap();
                assert_eq!(code, 0, "{err}");
                raced += usize::from(err.contains("someone pushed meanwhile"));
            }
        });
    }
    assert!(raced > 0, "the syncs raced each other at least once");
    for (clone, by) in team.iter().zip(names) {
        ok(&sandbox, clone, by, &["sync", "mini.yaml"]);
    }
    for clone in &team {
        assert_no_line_twice(clone);
        assert_eq!(notes_in(clone).len(), 18, "{}", clone.display());
    }
}

#[test]
fn a_seeded_soak_of_three_clones_converges_with_every_event_once() {
    let seed = std::env::var("SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_u64);
    println!("SOAK_SEED={seed}");
    let mut rng = Rng(seed);
    let sandbox = Sandbox::new();
    let team = clones(&sandbox, &["a", "b", "c"], true);
    let names = ["alice", "bob", "carol"];
    let items = ["first-step", "second-step", "third-step"];
    let mut acknowledged = Vec::new();
    let mut syncs = 0;
    for step in 0..90 {
        let who = usize::try_from(rng.below(3)).unwrap();
        let (clone, by) = (&team[who], names[who]);
        let item = items[usize::try_from(rng.below(3)).unwrap()];
        match rng.below(5) {
            0 => ok(&sandbox, clone, by, &["check", "mini.yaml", item]),
            1 => ok(&sandbox, clone, by, &["uncheck", "mini.yaml", item]),
            2 => {
                let text = format!("{by} {step}");
                ok(&sandbox, clone, by, &["note", "mini.yaml", item, &text]);
                acknowledged.push(text);
                String::new()
            }
            _ => {
                syncs += 1;
                ok(&sandbox, clone, by, &["sync", "mini.yaml"])
            }
        };
    }
    assert!(
        syncs > 10 && acknowledged.len() > 10,
        "seed {seed}: the soak did its work"
    );
    for _ in 0..2 {
        for (clone, by) in team.iter().zip(names) {
            ok(&sandbox, clone, by, &["sync", "mini.yaml"]);
        }
    }
    let status: Vec<String> = team
        .iter()
        .zip(names)
        .map(|(clone, by)| ok(&sandbox, clone, by, &["status", "--json", "mini.yaml"]))
        .collect();
    assert_eq!(status[0], status[1], "seed {seed}");
    assert_eq!(status[1], status[2], "seed {seed}");
    let logs: Vec<String> = team
        .iter()
        .map(|clone| std::fs::read_to_string(clone.join("run.jsonl")).unwrap())
        .collect();
    assert!(
        logs[0] == logs[1] && logs[1] == logs[2],
        "seed {seed}: every clone holds the same file"
    );
    for clone in &team {
        assert_no_line_twice(clone);
        let notes = notes_in(clone);
        assert!(
            acknowledged.iter().all(|n| notes.contains(n)),
            "seed {seed}: {}",
            clone.display()
        );
    }
}
