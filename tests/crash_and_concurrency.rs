//! The run log under stress: many writers at once, and writers killed mid-write.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::{Rng, Sandbox, json_items};
use serde_json::Value;

/// The ids of the bundled checklist, in order.
fn bundled_ids(sandbox: &Sandbox) -> Vec<String> {
    let status: Value = serde_json::from_str(&sandbox.ok(&["status", "--json"])).unwrap();
    json_items(&status)
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

fn spawn_check(sandbox: &Sandbox, state: &str, item: &str) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("preflight"))
        .args(["check", "production-deployment", item, "--state", state])
        .env("XDG_DATA_HOME", sandbox.data_home())
        .env("PREFLIGHT_USER", "tester")
        .current_dir(sandbox.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Status of the run in `state`: the ids done, and what was printed on stderr.
fn done_ids(sandbox: &Sandbox, state: &str) -> (Vec<String>, String) {
    let ran = sandbox.run(&["status", "--json", "--state", state]);
    assert_eq!(ran.code, 0, "the log always loads: {}", ran.stderr);
    let status: Value = serde_json::from_str(&ran.stdout).unwrap();
    let done = json_items(&status)
        .iter()
        .filter(|i| i["status"] == "done")
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    (done, ran.stderr)
}

#[test]
fn sixteen_processes_checking_at_once_lose_no_tick() {
    let sandbox = Sandbox::new();
    let ids = bundled_ids(&sandbox);
    for round in 0..4 {
        let state = format!("round-{round}.jsonl");
        let mine: Vec<&String> = ids.iter().skip(round * 16).take(16).collect();
        let children: Vec<Child> = mine.iter().map(|id| spawn_check(&sandbox, &state, id)).collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let (mut done, stderr) = done_ids(&sandbox, &state);
        assert!(stderr.is_empty(), "no warnings: {stderr}");
        done.sort();
        let mut expected: Vec<String> = mine.into_iter().cloned().collect();
        expected.sort();
        assert_eq!(done, expected, "round {round}");
        let lines = std::fs::read_to_string(sandbox.path(&state)).unwrap().lines().count();
        assert_eq!(lines, 17, "one header and sixteen events, none interleaved");
    }
}

/// How a writer that may have been killed ended: acknowledged (exit 0), or
/// killed before it could say so. Anything else (an error) fails the test.
fn acknowledged(status: std::process::ExitStatus, seed: u64) -> bool {
    use std::os::unix::process::ExitStatusExt as _;
    if status.success() {
        return true;
    }
    assert_eq!(
        status.signal(),
        Some(9),
        "seed {seed}: a writer either acknowledges or is killed: {status}"
    );
    false
}

/// The items the log file itself holds a tick for, line by line (a torn line
/// is no tick).
fn ticks_in_log(sandbox: &Sandbox, state: &str) -> Vec<String> {
    std::fs::read_to_string(sandbox.path(state))
        .unwrap()
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|event| event["status"] == "done")
        .filter_map(|event| event["item"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn writers_killed_at_random_moments_never_lose_an_acknowledged_tick() {
    let sandbox = Sandbox::new();
    let ids = bundled_ids(&sandbox);
    let seed = u64::from(SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos()) | 1;
    let mut rng = Rng(seed);
    let state = "killed.jsonl";
    let mut acknowledged_ticks = Vec::new();
    let mut killed = 0;
    // The kill comes at a random moment below `window`, which follows how
    // long a writer takes on this machine: longer after a kill, shorter after
    // an acknowledgement, so that about half of the writers are killed on a
    // fast machine and a slow one alike, some in the middle of their work.
    let mut window: u64 = 20_000;
    for (n, id) in ids.iter().enumerate().take(80) {
        let mut child = spawn_check(&sandbox, state, id);
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let _ = child.kill();
        if acknowledged(child.wait().unwrap(), seed) {
            acknowledged_ticks.push(id.clone());
            window = (window * 4 / 5).max(1_000);
        } else {
            killed += 1;
            window = window * 5 / 4 + 1;
        }
        if sandbox.path(state).exists() {
            let (done, stderr) = done_ids(&sandbox, state);
            let warnings: Vec<&str> = stderr.lines().collect();
            assert!(
                warnings.len() <= 1
                    && warnings
                        .iter()
                        .all(|w| w.contains("incomplete") || w.contains("interrupted")),
                "seed {seed}, round {n}: at most a torn last line is reported: {stderr}"
            );
            for tick in &acknowledged_ticks {
                assert!(done.contains(tick), "seed {seed}: acknowledged tick {tick} is missing");
            }
        }
    }
    // Not a vacuous pass: writers were really killed before they
    // acknowledged, and others acknowledged ticks that must be kept.
    assert!(
        killed >= 5 && acknowledged_ticks.len() >= 5,
        "seed {seed}: {killed} writers killed and {} acknowledged; both must happen",
        acknowledged_ticks.len()
    );
    // A last writer that is not killed cuts off whatever torn line the killed
    // ones left, so the log reads back clean, with every acknowledged tick.
    let last = &ids[80];
    let status = spawn_check(&sandbox, state, last).wait().unwrap();
    assert!(
        status.success(),
        "seed {seed}: a writer after {killed} killed ones records its tick"
    );
    let (done, stderr) = done_ids(&sandbox, state);
    assert_eq!(stderr, "", "seed {seed}: no torn line is left after the next append");
    assert!(done.contains(last), "seed {seed}");
    let logged = ticks_in_log(&sandbox, state);
    for tick in &acknowledged_ticks {
        assert!(
            done.contains(tick) && logged.contains(tick),
            "seed {seed}: acknowledged tick {tick} is missing at the end"
        );
    }
}
