//! What a tick from the command line costs, `preflight check` and `uncheck`
//! in turn as whole processes (the release binary), with an empty run log and
//! with one of 100,000 events, on a 1,000-item checklist. A command resumes
//! from the run state the previous one kept, reading only what was appended
//! since; each log also holds a change stamped far ahead of the clock on
//! another item (a teammate's clock), which must not make every tick replay.
//! The two should cost the same, within noise.
//!
//! Run with `cargo bench --bench command`; BENCHMARKS.md has the numbers.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use preflight::checklist::Status;
use preflight::run::{Change, Event, Stamp};
use preflight::store::runlog::{Header, RunLog};
use preflight::timestamp::Timestamp;
use preflight::{format, generate};

const ITEMS: usize = 1_000;

fn preflight(state: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_preflight"))
        .args(args)
        .env("XDG_STATE_HOME", state)
        .env("PREFLIGHT_USER", "bench")
        .output()
        .expect("run preflight");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn benches(c: &mut Criterion) {
    let yaml = generate::checklist_yaml(ITEMS);
    let checklist = format::parse(&yaml, "checklist.yaml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let file = dir.path().join("checklist.yaml");
    std::fs::write(&file, yaml).unwrap();
    let item = checklist.items()[0].id.to_string();
    let mut group = c.benchmark_group("command");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, events) in [("empty", 0), ("100k", 100_000)] {
        let path = dir.path().join(format!("{name}.jsonl"));
        let mut run = generate::run_events(&checklist, events);
        run.push(Event::on_item(
            Stamp::new(Timestamp::parse("2099-01-01T00:00:00Z").unwrap(), "bob"),
            checklist.items()[ITEMS - 1].id.clone(),
            Change::Status(Status::Done),
        ));
        let identity = Header {
            checklist: checklist.title.clone(),
            file: "checklist.yaml".into(),
            run: name.into(),
            created: "2026-11-29T10:00:00Z".into(),
        };
        RunLog::new(path.clone(), identity).append(&run).unwrap();
        let args = |command| {
            vec![
                command,
                file.to_str().unwrap().to_owned(),
                item.clone(),
                "--state".to_owned(),
                path.to_str().unwrap().to_owned(),
            ]
        };
        let check = args("check".to_owned());
        let uncheck = args("uncheck".to_owned());
        let check: Vec<&str> = check.iter().map(String::as_str).collect();
        let uncheck: Vec<&str> = uncheck.iter().map(String::as_str).collect();
        let mut done = false;
        group.bench_function(BenchmarkId::new("check_uncheck", name), |b| {
            b.iter(|| {
                preflight(&state, if done { &uncheck } else { &check });
                done = !done;
            });
        });
    }
    group.finish();
}

criterion_group!(command, benches);
criterion_main!(command);
