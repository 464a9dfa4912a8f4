//! criterion benchmark of the report page (`preflight report --html`) at
//! 10,000 and 100,000 items, each with a run of as many events, one in ten
//! carrying the evidence of a command run (20 lines of output): the page
//! alone, and the whole of what the command does but start and write
//! (load the YAML, read the run log, replay it, build the page).
//!
//! Run with `cargo bench --bench report`; BENCHMARKS.md has the numbers.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use preflight::audit::{Audit, page};
use preflight::run::{Event, Evidence, EvidenceKind, RunState};
use preflight::store::runlog::{Header, RunLog};
use preflight::{format, generate};

/// The generated run, one event in ten with a command's evidence.
fn events(checklist: &preflight::checklist::Checklist, n: usize) -> Vec<Event> {
    let output: Vec<String> = (0..20)
        .map(|line| format!("[{line:02}] applied migration step {line} of 20 <ok> & checked `rows`"))
        .collect();
    let mut events = generate::run_events(checklist, n);
    for (i, event) in events.iter_mut().enumerate().filter(|(i, _)| i % 10 == 5) {
        event.evidence = Some(Evidence {
            kind: EvidenceKind::Exec,
            command: format!("./migrate.sh --step {i}"),
            exit: Some(i32::from(i % 20 == 5)),
            timed_out: false,
            interrupted: false,
            millis: 1500,
            output: output.clone(),
        });
    }
    events
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("report");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, items) in [("10k", 10_000), ("100k", 100_000)] {
        let yaml = generate::checklist_yaml(items);
        let checklist = format::parse(&yaml, "generated.yaml").unwrap();
        let events = events(&checklist, items);
        let state = RunState::replay(&checklist, &events);
        group.bench_function(BenchmarkId::new("page", name), |b| {
            b.iter(|| {
                page(&Audit {
                    checklist: &checklist,
                    state: &state,
                    run: "bench",
                    events: &events,
                })
            });
        });
        let log = RunLog::new(
            dir.path().join(format!("{name}.jsonl")),
            Header {
                checklist: checklist.title.clone(),
                file: "generated.yaml".into(),
                run: "bench".into(),
                created: "2026-11-29T10:00:00Z".into(),
            },
        );
        log.append(&events).unwrap();
        group.bench_function(BenchmarkId::new("load_replay_page", name), |b| {
            b.iter(|| {
                let checklist = format::parse(&yaml, "generated.yaml").unwrap();
                let events = log.read().unwrap().events;
                let state = RunState::replay(&checklist, &events);
                page(&Audit {
                    checklist: &checklist,
                    state: &state,
                    run: "bench",
                    events: &events,
                })
                .len()
            });
        });
    }
    group.finish();
}

criterion_group!(report, benches);
criterion_main!(report);
