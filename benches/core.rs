//! criterion benchmarks of preflight's work at 132 (the bundled checklist),
//! 10,000 and 100,000 items: loading, opening a run (every event read, then
//! replayed; or replayed as read), drawing a frame, a
//! navigation keystroke, a tick, a search keystroke, export and import.
//!
//! Run with `cargo bench --bench core`; BENCHMARKS.md has the numbers.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use preflight::bundled::PRODUCTION_DEPLOYMENT;
use preflight::checklist::Checklist;
use preflight::markdown::{export, import};
use preflight::run::{Event, RunState};
use preflight::service::Recorder;
use preflight::store::runlog::{Header, RunLog};
use preflight::ui::app::{Action, App, Effect, update::update};
use preflight::ui::input::resize;
use preflight::ui::{record, view};
use preflight::{format, generate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A checklist of each size, as YAML, with a run of as many events.
struct Case {
    name: &'static str,
    yaml: String,
    checklist: Checklist,
    events: Vec<Event>,
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let bundled = PRODUCTION_DEPLOYMENT.load().unwrap();
    let events = generate::run_events(&bundled, 132);
    cases.push(Case {
        name: "132",
        yaml: PRODUCTION_DEPLOYMENT.source.to_owned(),
        checklist: bundled,
        events,
    });
    for (name, items) in [("10k", 10_000), ("100k", 100_000)] {
        let yaml = generate::checklist_yaml(items);
        let checklist = format::parse(&yaml, "generated.yaml").unwrap();
        let events = generate::run_events(&checklist, items);
        cases.push(Case {
            name,
            yaml,
            checklist,
            events,
        });
    }
    cases
}

fn app(case: &Case) -> App {
    let state = RunState::replay(&case.checklist, &case.events);
    let mut app = App::new(case.checklist.clone(), state, "bench".into(), "bench".into(), true);
    update(&mut app, resize(120, 40));
    app
}

fn log_for(case: &Case, dir: &std::path::Path) -> RunLog {
    let identity = Header {
        checklist: case.checklist.title.clone(),
        file: "generated.yaml".into(),
        run: "bench".into(),
        created: "2026-11-29T10:00:00Z".into(),
    };
    RunLog::new(dir.join(format!("{}.jsonl", case.name)), identity)
}

fn benches(c: &mut Criterion) {
    let cases = cases();
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("preflight");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for case in &cases {
        group.bench_with_input(BenchmarkId::new("load", case.name), case, |b, case| {
            b.iter(|| format::parse(black_box(&case.yaml), "generated.yaml").unwrap());
        });

        let log = log_for(case, dir.path());
        log.append(&case.events).unwrap();
        group.bench_with_input(BenchmarkId::new("open", case.name), case, |b, case| {
            b.iter(|| {
                let checklist = format::parse(&case.yaml, "generated.yaml").unwrap();
                let contents = log.read().unwrap();
                RunState::replay(&checklist, &contents.events)
            });
        });
        group.bench_with_input(BenchmarkId::new("open_as_read", case.name), case, |b, case| {
            b.iter(|| {
                let checklist = format::parse(&case.yaml, "generated.yaml").unwrap();
                log.read_replayed(&checklist).unwrap().1
            });
        });

        let mut app = app(case);
        let mut recorder = Recorder::new(log_for(case, dir.path()), "bench".into(), "bench".into(), true);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_with_input(BenchmarkId::new("frame", case.name), case, |b, _| {
            b.iter(|| {
                terminal.draw(|frame| view::draw(frame, &app)).unwrap();
            });
        });

        group.bench_with_input(BenchmarkId::new("keystroke", case.name), case, |b, _| {
            let mut down = true;
            b.iter(|| {
                // Move down, then back up, so the cursor stays near the top.
                update(&mut app, if down { Action::Down } else { Action::Up });
                down = !down;
                terminal.draw(|frame| view::draw(frame, &app)).unwrap();
            });
        });

        group.bench_with_input(BenchmarkId::new("tick", case.name), case, |b, _| {
            update(&mut app, Action::Top);
            update(&mut app, Action::Down);
            update(&mut app, Action::Down);
            b.iter(|| {
                if let Effect::Record(edits) = update(&mut app, Action::Toggle) {
                    record(&mut app, &mut recorder, edits);
                }
                terminal.draw(|frame| view::draw(frame, &app)).unwrap();
            });
        });

        group.bench_with_input(BenchmarkId::new("search_keystroke", case.name), case, |b, _| {
            b.iter_batched(
                || {
                    let mut searching = app.clone();
                    update(&mut searching, Action::StartSearch);
                    for c in "verify compo".chars() {
                        update(&mut searching, Action::Input(c));
                    }
                    searching
                },
                |mut searching| {
                    update(&mut searching, Action::Input('n'));
                    searching
                },
                BatchSize::LargeInput,
            );
        });

        let state = RunState::replay(&case.checklist, &case.events);
        group.bench_with_input(BenchmarkId::new("export", case.name), case, |b, case| {
            b.iter(|| export::markdown(&case.checklist, &state, "bench"));
        });

        let markdown = export::markdown(&case.checklist, &state, "bench");
        group.bench_with_input(BenchmarkId::new("import", case.name), case, |b, _| {
            b.iter(|| import::parse(black_box(&markdown), "bench.md"));
        });
    }
    group.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
