//! What runbooks add to a run: parameter values, the evidence of runs, forced
//! changes, and what a proof says of a done item.

use super::*;

#[test]
fn a_parameter_takes_its_latest_value_by_time_else_its_default() {
    let mut b = ChecklistBuilder::new("T".into(), None);
    for (name, default) in [("version", None), ("env", Some("staging"))] {
        b.param(crate::checklist::Param {
            name: name.into(),
            description: None,
            default: default.map(Into::into),
            secret: false,
        });
    }
    b.phase(None, "P".into(), None).unwrap();
    b.section(None, "S".into()).unwrap();
    b.item(None, "a".into(), None).unwrap();
    let list = b.finish();
    let set = |at: &str, by: &str, value: &str| Event::param(Stamp::new(stamp(at), by), "version", value);
    let fresh = RunState::replay(&list, &[]);
    assert_eq!(fresh.missing_params(&list), ["version"]);
    assert_eq!(fresh.values(&list).get("env").map(String::as_str), Some("staging"));
    // Merged out of order: the later value wins whatever the file order.
    let run = RunState::replay(&list, &[set("t5", "bob", "2.3.1"), set("t2", "alice", "2.3.0")]);
    assert!(run.missing_params(&list).is_empty());
    assert_eq!(run.values(&list)["version"], "2.3.1");
    assert_eq!(run.param_values()["version"].stamp.by, "bob");
    assert_eq!(run.orphans().count(), 0, "a run's event is no orphan");
}

#[test]
fn evidence_and_forced_changes_are_kept_with_the_item() {
    let list = checklist(&["a"]);
    let evidence = |exit: i32| Evidence {
        kind: EvidenceKind::Exec,
        command: "make".into(),
        exit: Some(exit),
        timed_out: false,
        interrupted: false,
        millis: 10,
        output: Vec::new(),
    };
    let failed = event("t1", "alice", "a", Change::Ran).with_evidence(evidence(2));
    let run = RunState::replay(&list, std::slice::from_ref(&failed));
    assert_eq!(run.item(0).status, Status::Todo, "a failed run changes nothing");
    assert!(!run.item(0).evidence.as_ref().unwrap().evidence.passed());
    assert_eq!(run.item(0).changed, None, "and is nothing to undo");
    let passed = event("t2", "bob", "a", done())
        .with_evidence(evidence(0))
        .with_force(true);
    let run = RunState::replay(&list, &[failed, passed]);
    assert_eq!(run.item(0).status, Status::Done);
    assert!(run.item(0).forced);
    let kept = run.item(0).evidence.clone().unwrap();
    assert_eq!(
        (kept.evidence.summary().as_str(), kept.stamp.by.as_str()),
        ("exit 0 in 0.0 s", "bob")
    );
}

#[test]
fn a_proof_that_fails_after_the_tick_flags_the_item_and_a_new_status_clears_it() {
    use super::Proof;
    let list = checklist(&["a"]);
    let verify = |exit: i32| Evidence {
        kind: EvidenceKind::Verify,
        command: "test -f ok".into(),
        exit: Some(exit),
        timed_out: false,
        interrupted: false,
        millis: 10,
        output: Vec::new(),
    };
    let proven = event("t1", "alice", "a", done()).with_evidence(verify(0));
    let failed = event("t2", "bob", "a", Change::Ran).with_evidence(verify(1));
    let run = RunState::replay(&list, std::slice::from_ref(&proven));
    assert_eq!(run.item(0).proof, Proof::Passed);
    let run = RunState::replay(&list, &[proven.clone(), failed.clone()]);
    assert_eq!(run.item(0).status, Status::Done, "a failed proof never unticks");
    assert!(run.item(0).proof_failed());
    let again = event("t3", "carol", "a", Change::Status(Status::Todo));
    let run = RunState::replay(&list, &[proven.clone(), failed.clone(), again]);
    assert!(!run.item(0).proof_failed() && run.item(0).proof == Proof::None);
    let by_hand = event("t3", "carol", "a", done());
    let run = RunState::replay(&list, &[failed, by_hand]);
    assert_eq!(
        run.item(0).proof,
        Proof::None,
        "ticked by hand after a failure: no proof yet"
    );
}
