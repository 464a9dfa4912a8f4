use super::*;
use crate::checklist::Status;
use crate::run::Change;

/// A new run of the bundled checklist, its log to be kept in `dir`.
fn new_run(dir: &tempfile::TempDir) -> RunService {
    let opening = Opening {
        run: None,
        state: Some(dir.path().join("run.jsonl")),
        author: "alice".into(),
    };
    RunService::open(&Source::resolve(None), &opening, Reading::Whole).unwrap()
}

fn tick(service: &RunService, index: usize) -> Event {
    let item = &service.checklist.items()[index];
    let stamp = service.author().stamp(crate::store::runlog::now());
    Event::on_item(stamp, item.id.clone(), Change::Status(Status::Done))
}

#[test]
fn the_first_write_of_a_new_run_says_once_that_it_started_and_a_write_of_nothing_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut service = new_run(&dir);
    assert!(service.notices.is_empty(), "{:?}", service.notices);
    assert!(service.record(&[]).unwrap().is_empty());
    assert!(!service.log().path().exists(), "nothing to write creates no log");
    let first = tick(&service, 0);
    assert_eq!(service.record(&[first]).unwrap(), ["started run \"default\""]);
    let second = tick(&service, 1);
    assert!(service.record(&[second]).unwrap().is_empty());
    assert_eq!(service.log().read().unwrap().events.len(), 2);
}

#[test]
fn an_undeclared_set_value_is_refused_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut service = new_run(&dir);
    let undeclared = service.give_values(&[("nope".into(), "1".into())], false);
    assert!(undeclared.unwrap_err().to_string().contains("no parameter `nope`"));
    assert!(service.record(&[]).unwrap().is_empty());
    assert!(!service.log().path().exists());
}

#[test]
fn values_given_on_opening_survive_a_write_that_failed_and_go_with_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let opening = Opening {
        run: None,
        state: Some(dir.path().join("run.jsonl")),
        author: "alice".into(),
    };
    let source = Source::resolve(Some(std::path::Path::new("service-release")));
    let mut service = RunService::open(&source, &opening, Reading::Whole).unwrap();
    service
        .give_values(&[("version".into(), "2.3.0".into())], false)
        .unwrap();
    // A directory where the log goes: the append fails, as on a full disk.
    std::fs::create_dir(service.log().path()).unwrap();
    let first = tick(&service, 0);
    assert!(service.record(std::slice::from_ref(&first)).is_err());
    std::fs::remove_dir(service.log().path()).unwrap();
    service.record(&[first]).unwrap();
    let events = service.log().read().unwrap().events;
    let given = events
        .iter()
        .any(|e| matches!(&e.change, Change::Param { name, value } if name == "version" && value == "2.3.0"));
    assert!(given, "the value given on opening was lost: {events:?}");
}
