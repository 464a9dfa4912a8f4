//! New stamps come after what is in effect: per item, per parameter, and at
//! the end of time too.

use super::*;

fn param(at: &str, name: &str, value: &str) -> Event {
    Event::param(Stamp::new(stamp(at), "bob"), name, value)
}

#[test]
fn a_param_set_after_a_teammates_clock_ahead_value_is_stamped_after_it() {
    let list = checklist(&["A"]);
    let run = RunState::replay(&list, &[param("t5", "version", "2.3.0"), param("t1", "env", "prod")]);
    let at = run.stamp_for_param("version", stamp("t2"));
    assert_eq!(at, stamp("t5").plus_millis(1));
    assert_eq!(
        run.stamp_for_param("env", stamp("t2")),
        stamp("t2"),
        "now, when now is later"
    );
    assert_eq!(run.stamp_for_param("other", stamp("t2")), stamp("t2"));
    let mine = Event::param(Stamp::new(at, "alice"), "version", "2.3.1");
    let events = [param("t5", "version", "2.3.0"), param("t1", "env", "prod"), mine];
    let run = RunState::replay(&list, &events);
    assert_eq!(
        run.param_values()["version"].value,
        "2.3.1",
        "the value set last is in effect"
    );
}

#[test]
fn an_item_changed_at_the_latest_time_there_is_can_still_change() {
    let list = checklist(&["A"]);
    let mut at_the_end = event("t1", "bob", "a", done());
    at_the_end.stamp.at = Timestamp::latest();
    let run = RunState::replay(&list, std::slice::from_ref(&at_the_end));
    let at = run.stamp_for(0, stamp("t2"));
    assert_eq!(at, Timestamp::latest(), "never past the end of time");
    let untick = Event::on_item(Stamp::new(at, "alice"), "p/s/a", Change::Status(Status::Todo));
    let run = RunState::replay(&list, &[at_the_end, untick]);
    assert_eq!(run.item(0).status, Status::Todo, "the later line wins a tie");
}

#[test]
fn who_names_the_account_when_it_recorded_under_another_name() {
    let mut stamp = Stamp::new(stamp("t1"), "bob");
    assert_eq!(stamp.who(), "bob", "no login known: the name alone");
    stamp.login = Some("bob".into());
    assert_eq!(stamp.who(), "bob", "the same: said once");
    stamp.login = Some("alice".into());
    assert_eq!(stamp.who(), "alice (as bob)");
    assert!(stamp.is("alice") && stamp.is("bob") && !stamp.is("carol"));
    let author = Author {
        by: "bob".into(),
        login: Some("alice".into()),
    };
    assert_eq!(author.stamp(stamp.at), stamp);
}
