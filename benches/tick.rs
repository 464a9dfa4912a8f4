//! What a tick in the view costs with an empty run log and with one of
//! 100,000 events: the update, the append, and the tail that reads the tick
//! back, the way the loop does them. Each log also holds a change stamped far
//! ahead of the clock (a teammate's clock), which once made every tick read
//! the whole log again. The two should cost the same, within noise.
//!
//! Run with `cargo bench --bench tick`; BENCHMARKS.md has the numbers.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use preflight::run::{Change, Event, RunState, Stamp};
use preflight::service::Recorder;
use preflight::store::runlog::{Header, RunLog};
use preflight::timestamp::Timestamp;
use preflight::ui::app::{Action, App, Effect, update::update};
use preflight::ui::input::resize;
use preflight::ui::{Context, record, tail};
use preflight::{format, generate};

const ITEMS: usize = 1_000;

fn benches(c: &mut Criterion) {
    let checklist = format::parse(&generate::checklist_yaml(ITEMS), "generated.yaml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("tick");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (name, events) in [("empty", 0), ("100k", 100_000)] {
        let mut run = generate::run_events(&checklist, events);
        let last = checklist.items().len() - 1;
        run.push(Event::on_item(
            Stamp::new(Timestamp::parse("2099-01-01T00:00:00Z").unwrap(), "bob"),
            checklist.items()[last].id.clone(),
            Change::Status(preflight::checklist::Status::Done),
        ));
        let identity = Header {
            checklist: checklist.title.clone(),
            file: "generated.yaml".into(),
            run: name.into(),
            created: "2026-11-29T10:00:00Z".into(),
        };
        let log = RunLog::new(dir.path().join(format!("{name}.jsonl")), identity);
        log.append(&run).unwrap();
        let contents = log.read().unwrap();
        let state = RunState::replay(&checklist, &contents.events);
        let mut app = App::new(checklist.clone(), state, "bench".into(), "bench".into(), true);
        update(&mut app, resize(120, 40));
        update(&mut app, Action::Top);
        update(&mut app, Action::Down);
        update(&mut app, Action::Down);
        let recorder = Recorder::new(log, "bench".into(), "bench".into(), true);
        let mut cx = Context {
            recorder,
            file: None,
            read_to: contents.mark,
            replaced: false,
            resume: None,
        };
        group.bench_function(BenchmarkId::new("update_append_tail", name), |b| {
            b.iter(|| {
                if let Effect::Record(edits) = update(&mut app, Action::Toggle) {
                    record(&mut app, &mut cx.recorder, edits);
                }
                tail(&mut app, &mut cx);
            });
        });
        let message = app.message().map(|m| m.text.clone()).unwrap_or_default();
        assert!(
            !message.contains("read again"),
            "a tick read the whole log again: {message}"
        );
    }
    group.finish();
}

criterion_group!(tick, benches);
criterion_main!(tick);
