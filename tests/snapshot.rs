//! The run state a command keeps for the next one (a cache in the state
//! folder): a command that resumes from it must see exactly what a full
//! replay of the log sees, whatever happened to the log, the checklist or the
//! cache in between.

mod common;

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::PathBuf;

use common::{Rng, Sandbox};

const CHECKLIST: &str = "title: Cache
params:
  - name: version
    default: \"1.0\"
phases:
  - name: Prep
    sections:
      - name: Main
        items:
          - title: Alpha
          - title: Beta
          - title: Gamma {{version}}
  - name: Ship
    gate: true
    sections:
      - name: Out
        items:
          - title: Delta
          - title: Epsilon
";

const ITEMS: &[&str] = &[
    "prep/main/alpha",
    "prep/main/beta",
    "prep/main/gamma-version",
    "ship/out/delta",
    "ship/out/epsilon",
    "gone/old/item",
];

fn header(title: &str) -> String {
    format!(
        "{{\"preflight\":\"run log\",\"version\":1,\"checklist\":\"{title}\",\"file\":\"checklist.yaml\",\"run\":\"default\",\"created\":\"2026-12-01T00:00:00Z\"}}\n"
    )
}

struct Run {
    sandbox: Sandbox,
    checklist: PathBuf,
    log: PathBuf,
}

impl Run {
    fn new() -> Run {
        let sandbox = Sandbox::new();
        let checklist = sandbox.write("checklist.yaml", CHECKLIST);
        let log = sandbox.path("run.jsonl");
        Run {
            sandbox,
            checklist,
            log,
        }
    }

    fn args<'a>(&'a self, command: &'a str) -> Vec<&'a str> {
        vec![
            command,
            common::as_str(&self.checklist),
            "--state",
            common::as_str(&self.log),
        ]
    }

    /// `status --json` and its warnings, with the cache as it is, or with an
    /// empty state folder: a full replay.
    fn status(&self, fresh: bool) -> (i32, String, String) {
        let mut command = self.sandbox.command();
        command.args(self.args("status")).arg("--json");
        let empty = tempfile::tempdir().unwrap();
        if fresh {
            command.env("XDG_STATE_HOME", empty.path());
        }
        let out = command.output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// `check ITEM`, which must succeed.
    fn check(&self, item: &str) {
        let mut args = self.args("check");
        args.push(item);
        self.sandbox.ok(&args);
    }

    /// A tick, then a command that keeps what it read (the first created
    /// the log): the one snapshot there is then.
    fn kept(&self) -> PathBuf {
        self.check("prep/main/alpha");
        self.status(false);
        let snapshots = self.snapshots();
        assert_eq!(snapshots.len(), 1, "{snapshots:?}");
        snapshots[0].clone()
    }

    fn snapshots(&self) -> Vec<PathBuf> {
        let dir = self.sandbox.path("state").join("preflight").join("replayed");
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .collect()
    }

    fn append(&self, text: &str) {
        let mut file = OpenOptions::new().append(true).create(true).open(&self.log).unwrap();
        file.write_all(text.as_bytes()).unwrap();
    }

    fn assert_same_as_full_replay(&self, step: &str) {
        let cached = self.status(false);
        let full = self.status(true);
        assert_eq!(cached, full, "after {step}");
    }
}

fn event(rng: &mut Rng) -> String {
    let at = match rng.below(4) {
        0 => "2026-11-01T00:00:00Z".to_owned(),
        1 => "2099-01-01T00:00:00Z".to_owned(),
        _ => format!("2026-12-0{}T10:00:{:02}Z", 1 + rng.below(3), rng.below(60)),
    };
    let by = ["alice", "bob", "tester", "zoe"][usize::try_from(rng.below(4)).unwrap()];
    let item = ITEMS[usize::try_from(rng.below(ITEMS.len() as u64)).unwrap()];
    let change = match rng.below(5) {
        0 => "\"status\":\"done\"".to_owned(),
        1 => "\"status\":\"todo\"".to_owned(),
        2 => "\"status\":\"skipped\",\"reason\":\"n/a\"".to_owned(),
        3 => format!("\"note\":\"n{}\"", rng.below(9)),
        _ => {
            return format!(
                "{{\"at\":\"{at}\",\"by\":\"{by}\",\"param\":\"version\",\"value\":\"{}\"}}\n",
                rng.below(9)
            );
        }
    };
    format!("{{\"at\":\"{at}\",\"by\":\"{by}\",\"item\":\"{item}\",{change}}}\n")
}

/// One random thing that can happen between two commands; says what it was.
fn step(run: &Run, rng: &mut Rng) -> String {
    match rng.below(13) {
        0..=3 => {
            let command = ["check", "uncheck", "skip", "note"][usize::try_from(rng.below(4)).unwrap()];
            let item = ITEMS[usize::try_from(rng.below(5)).unwrap()];
            let mut args = run.args(command);
            args.push(item);
            match command {
                "note" => args.push("from the command line"),
                "check" | "skip" => args.push("--force"),
                _ => {}
            }
            run.sandbox.run(&args);
            format!("{command} {item}")
        }
        4..=6 => {
            let text: String = (0..=rng.below(3)).map(|_| event(rng)).collect();
            run.append(&text);
            format!("appended {text}")
        }
        7 => {
            run.append("not json\n");
            "appended an invalid line".to_owned()
        }
        8 => {
            let mut text = header("Cache");
            text.push_str(&event(rng));
            let other = run.sandbox.write("other.jsonl", &text);
            std::fs::rename(other, &run.log).unwrap();
            "replaced the log by another file".to_owned()
        }
        9 => {
            let text = std::fs::read_to_string(&run.log).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let keep = 1 + usize::try_from(rng.below(lines.len().max(1) as u64)).unwrap();
            let cut: usize = lines.iter().take(keep).map(|l| l.len() + 1).sum();
            OpenOptions::new()
                .write(true)
                .open(&run.log)
                .and_then(|f| f.set_len(cut as u64))
                .ok();
            format!("truncated the log to {keep} lines")
        }
        10 => {
            let edited = CHECKLIST.replace("Epsilon", &format!("Epsilon {}", rng.below(3)));
            std::fs::write(&run.checklist, edited).unwrap();
            "edited the checklist".to_owned()
        }
        11 => {
            std::fs::remove_file(&run.log).ok();
            "deleted the log".to_owned()
        }
        _ => {
            for file in run.snapshots() {
                std::fs::write(file, b"{\"format\":1,\"state\":").unwrap();
            }
            "corrupted the snapshot".to_owned()
        }
    }
}

fn replayed_alike_after_30_random_steps(seed: u64) {
    let run = Run::new();
    run.check("prep/main/alpha");
    let mut rng = Rng(seed);
    for n in 0..30 {
        let did = step(&run, &mut rng);
        run.assert_same_as_full_replay(&format!("seed {seed}, step {n}: {did}"));
    }
}

preflight_core::cases! {
    status_from_the_snapshot_equals_a_full_replay_whatever_happens_in_between,
    replayed_alike_after_30_random_steps:
    seed_1 = (1),
    seed_7 = (7),
    seed_42 = (42),
    seed_1234 = (1234),
}

#[test]
fn a_command_resumes_from_the_snapshot_when_it_still_holds() {
    let run = Run::new();
    let snapshot = &run.kept();
    // Make the kept state say something the log does not: a status that
    // shows it proves the command did not read the log again.
    let text = std::fs::read_to_string(snapshot).unwrap();
    let tampered = text.replacen("\"status\":\"Done\"", "\"status\":{\"Skipped\":\"kept\"}", 1);
    assert_ne!(text, tampered, "the snapshot holds the tick: {text}");
    std::fs::write(snapshot, tampered).unwrap();
    let (code, cached, _) = run.status(false);
    assert_eq!(code, 0);
    assert!(cached.contains("kept"), "{cached}");
    let (_, full, _) = run.status(true);
    assert!(!full.contains("kept"), "{full}");
}

fn ignored_when_damaged_with(damage: &[u8]) {
    let run = Run::new();
    run.check("prep/main/beta");
    let full = run.status(true);
    for snapshot in run.snapshots() {
        std::fs::write(snapshot, damage).unwrap();
    }
    assert_eq!(run.status(false), full, "damaged with {damage:?}");
    run.check("prep/main/alpha");
    assert_eq!(run.status(false), run.status(true), "a tick after damage {damage:?}");
}

preflight_core::cases! {
    a_damaged_snapshot_is_ignored, ignored_when_damaged_with:
    empty = (b""),
    not_json = (b"not json at all"),
    only_a_format = (b"{\"format\":1}"),
    not_utf_8 = (b"\xff\xfe\x00garbage"),
    only_some_fields = (b"{\"format\":1,\"version\":\"0.0.0\",\"log\":\"\",\"checklist\":0}"),
}

#[test]
fn a_snapshot_that_cannot_be_written_never_fails_a_command() {
    let run = Run::new();
    // The state folder is a file: nothing can be kept under it.
    run.sandbox.write("state", "in the way");
    run.check("prep/main/alpha");
    // The log exists now: this command would keep what it read.
    run.check("prep/main/beta");
    assert!(run.snapshots().is_empty());
    assert_eq!(run.status(false).1, run.status(true).1);
}

#[test]
fn an_incomplete_last_line_is_reported_with_a_snapshot_too() {
    let run = Run::new();
    run.check("prep/main/alpha");
    run.append("{\"at\":\"2026-12-01T10:00:00Z\",\"by\":\"bob\",\"item\":\"prep/main/beta\",\"sta");
    let (code, cached, warnings) = run.status(false);
    assert_eq!(code, 0);
    assert!(warnings.contains("the last line is incomplete"), "{warnings}");
    assert_eq!((code, cached, warnings), run.status(true));
}

#[test]
fn a_warning_after_blank_lines_names_the_same_line_as_a_full_read() {
    let run = Run::new();
    run.check("prep/main/alpha");
    run.status(false);
    run.append("\n   \nnot json\n");
    let (code, cached, warnings) = run.status(false);
    assert_eq!(code, 0);
    assert!(warnings.contains("run.jsonl:5: skipped an invalid line"), "{warnings}");
    assert_eq!((code, cached, warnings), run.status(true));
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_snapshot_is_ignored() {
    let run = Run::new();
    run.check("prep/main/alpha");
    run.status(false);
    for snapshot in run.snapshots() {
        std::fs::remove_file(&snapshot).unwrap();
        nix::unistd::mkfifo(&snapshot, nix::sys::stat::Mode::S_IRWXU).unwrap();
    }
    let mut args = run.args("status");
    args.push("--json");
    run.sandbox
        .command()
        .args(&args)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success();
    assert_eq!(run.status(false), run.status(true));
}

#[cfg(unix)]
#[test]
fn the_kept_state_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let run = Run::new();
    let snapshot = &run.kept();
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(snapshot), 0o600);
    assert_eq!(mode(snapshot.parent().unwrap()), 0o700);
}

#[test]
fn a_snapshot_kept_by_another_build_is_ignored() {
    let run = Run::new();
    let snapshot = &run.kept();
    let text = std::fs::read_to_string(snapshot).unwrap();
    let form: serde_json::Value = serde_json::from_str(&text).unwrap();
    let build = form["version"].as_str().unwrap().to_owned();
    assert!(build.contains(' '), "the executable's size and time: {build}");
    let tampered = text
        .replacen("\"status\":\"Done\"", "\"status\":{\"Skipped\":\"kept\"}", 1)
        .replacen(&build, "0.1.0 1 1", 1);
    std::fs::write(snapshot, tampered).unwrap();
    let (_, cached, _) = run.status(false);
    assert!(!cached.contains("kept"), "{cached}");
    assert_eq!(run.status(false), run.status(true));
}

#[test]
fn an_edited_checklist_means_a_full_replay() {
    let run = Run::new();
    let mut args = run.args("check");
    args.extend(["ship/out/epsilon", "--force"]);
    run.sandbox.ok(&args);
    run.kept();
    // The same number of items, one of them renamed: its events are now
    // about an item the checklist no longer has.
    std::fs::write(&run.checklist, CHECKLIST.replace("Epsilon", "Epsilon 2")).unwrap();
    let (code, cached, warnings) = run.status(false);
    assert_eq!(code, 0);
    assert!(warnings.contains("ship/out/epsilon"), "{warnings}");
    assert_eq!((code, cached, warnings), run.status(true));
}

#[test]
fn a_change_dated_before_a_gates_opening_is_judged_out_of_order_when_resumed_too() {
    let run = Run::new();
    for item in &ITEMS[..3] {
        run.check(item);
    }
    run.status(false);
    // By someone already in the run, dated before Prep was complete: when
    // it was made, Ship's gate was closed.
    run.append("{\"at\":\"2020-01-01T00:00:00Z\",\"by\":\"tester\",\"item\":\"ship/out/delta\",\"status\":\"done\"}\n");
    let (_, cached, _) = run.status(false);
    assert!(cached.contains("\"out_of_order\": true"), "{cached}");
    run.assert_same_as_full_replay("a change to a gated phase dated before its gate opened");
}

#[test]
fn a_torn_last_line_the_next_write_cuts_off_or_ends_is_reported_as_a_full_read_does() {
    for torn in ["{\"at\":\"2026", "# a comment typed without newline"] {
        let run = Run::new();
        run.check("prep/main/alpha");
        run.append(torn);
        let (_, _, warnings) = run.status(false);
        assert!(warnings.contains("the last line is incomplete"), "{warnings}");
        run.check("prep/main/beta");
        run.assert_same_as_full_replay(&format!("a write after {torn:?}"));
    }
}
