//! The evidence list's own shapes: bounded, code spans and fences that
//! nothing in them can end.

use super::*;
use crate::run::{EvidenceKind, Stamp};
use crate::timestamp::Timestamp;

fn evidence(command: &str, exit: Option<i32>, output: &[&str]) -> Evidence {
    Evidence {
        kind: EvidenceKind::Exec,
        command: command.into(),
        exit,
        timed_out: false,
        interrupted: false,
        millis: 2100,
        output: output.iter().map(|l| (*l).to_owned()).collect(),
    }
}

fn at() -> Timestamp {
    Timestamp::parse("2026-11-29T10:02:11Z").unwrap()
}

/// One run by `by`, written under an item at the top level.
fn written(evidence: &Evidence, by: &str) -> String {
    let mut out = String::new();
    let stamp = Stamp::new(at(), by);
    write(
        &mut out,
        &[Ran {
            evidence,
            stamp: &stamp,
        }],
        "  ",
    );
    out
}

#[test]
fn a_run_shows_its_command_outcome_who_and_when_and_its_output_collapsed() {
    let out = written(&evidence("make deploy", Some(0), &["deployed", "", "done"]), "alice");
    assert_eq!(
        out,
        "\n  * ✅ **exec** `make deploy` — exit 0 in 2.1 s — alice, 2026-11-29 10:02:11 UTC\n    \
         <details><summary>Output: last 3 lines</summary>\n\n    ```text\n    deployed\n\n    done\n    ```\n\n    </details>\n"
    );
}

#[test]
fn only_the_last_runs_are_listed_with_a_count_of_the_rest() {
    let runs: Vec<Evidence> = (0..8).map(|n| evidence(&format!("step {n}"), Some(n), &[])).collect();
    let bob = Stamp::new(at(), "bob");
    let ran: Vec<Ran<'_>> = runs
        .iter()
        .map(|e| Ran {
            evidence: e,
            stamp: &bob,
        })
        .collect();
    let mut out = String::new();
    write(&mut out, &ran, "");
    let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + LISTED);
    assert_eq!(lines[0], "* 3 earlier runs before these, not listed");
    assert!(lines[1].starts_with("* ❌ **exec** `step 3` — exit 3"), "{}", lines[1]);
    assert!(lines[5].contains("`step 7`"));
}

#[test]
fn backticks_in_a_command_or_its_output_never_close_what_holds_them() {
    assert_eq!(code_span("echo `date`"), "`` echo `date` ``");
    assert_eq!(code_span("`x`"), "`` `x` ``");
    let out = written(
        &evidence("printf '%s' \"```\"\nrm -rf ./build", None, &["x ````` y"]),
        "carol",
    );
    assert!(out.contains("````printf '%s' \"```\"```` …"), "{out}");
    assert!(
        out.contains("\n    ````sh\n    printf '%s' \"```\"\n    rm -rf ./build\n    ````\n"),
        "{out}"
    );
    assert!(out.contains("\n    ``````text\n    x ````` y\n    ``````\n"), "{out}");
    assert!(out.contains("ended by a signal"), "{out}");
}
