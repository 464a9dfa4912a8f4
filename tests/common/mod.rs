//! Running the real binary in a sandbox: its own data directory and operator name,
//! so tests never see each other's runs or the developer's.

#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;
#[cfg(unix)]
pub mod team;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

/// A sandbox for one test.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

/// What a command did.
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Ran {
    fn from(output: Output) -> Ran {
        Ran {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Where run logs go in this sandbox.
    pub fn data_home(&self) -> PathBuf {
        self.path("data")
    }

    /// Writes a file into the sandbox and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The binary in this sandbox, ended after [`RUN_LIMIT`]: a command that
    /// hangs fails its test rather than holding the whole run.
    pub fn command(&self) -> Command {
        let mut command = Command::from_std(self.process());
        command.timeout(RUN_LIMIT);
        command
    }

    /// The binary as a plain `std` command in this sandbox, for tests that
    /// spawn it and watch it run.
    pub fn process(&self) -> std::process::Command {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("preflight"));
        command
            .env("XDG_DATA_HOME", self.data_home())
            .env("XDG_STATE_HOME", self.path("state"))
            .env("PREFLIGHT_USER", "tester")
            .env_remove("RUST_BACKTRACE")
            .current_dir(self.dir.path());
        command
    }

    /// A FIFO (named pipe) in the sandbox: reading one that nobody writes to
    /// would hang.
    #[cfg(unix)]
    pub fn fifo(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        nix::unistd::mkfifo(&path, nix::sys::stat::Mode::S_IRWXU).unwrap();
        path
    }

    pub fn run(&self, args: &[&str]) -> Ran {
        self.command().args(args).output().unwrap().into()
    }

    /// Runs a command that must succeed and returns its stdout; `assert_cmd`
    /// says what it ran, how it ended and what it printed when it did not.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let assert = self.command().args(args).assert().success();
        String::from_utf8(assert.get_output().stdout.clone()).unwrap()
    }

    /// The run log files under the sandbox's data directory.
    pub fn run_logs(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let root = self.data_home().join("preflight");
        for dir in std::fs::read_dir(root).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
                if file.path().extension().is_some_and(|e| e == "jsonl") {
                    found.push(file.path());
                }
            }
        }
        found.sort();
        found
    }
}

/// A small xorshift generator, seeded by the test: varied timings and
/// choices without a dependency; the seed is printed on failure to replay.
pub struct Rng(pub u64);

impl Rng {
    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// How long a test waits for something that should happen at once: long
/// enough for a slow, shared CI machine, so that only a feature that never
/// does it fails.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// How long one command in a sandbox may run before it is killed: far more
/// than any takes, so only a hang reaches it.
pub const RUN_LIMIT: Duration = Duration::from_secs(300);

/// Waits until `condition` holds, failing after [`PATIENCE`]: tests assert
/// what happened, never how fast.
pub fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !condition() {
        assert!(Instant::now() < deadline, "gave up waiting: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether the process whose pid is in `file` is gone (or a zombie nobody
/// reaped, which runs nothing).
pub fn gone(file: &Path) -> bool {
    let pid = std::fs::read_to_string(file).unwrap().trim().to_owned();
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
    }
}

/// Whether `file` holds something yet: a command that writes its pid there
/// has started.
pub fn written(file: &Path) -> bool {
    std::fs::read_to_string(file).is_ok_and(|text| !text.trim().is_empty())
}

/// `args` with each word that names a place (`LIST`, `TARGET`…) replaced
/// by what `places` gives for it: a table of cases writes its command lines
/// before the files they name exist.
pub fn filled<'a>(args: &[&'a str], places: &[(&str, &'a str)]) -> Vec<&'a str> {
    args.iter()
        .map(|&arg| {
            places
                .iter()
                .find(|(name, _)| *name == arg)
                .map_or(arg, |&(_, path)| path)
        })
        .collect()
}

pub fn as_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A three-item checklist in one phase.
pub const MINI: &str = "title: Mini\nphases:\n  - name: Only\n    sections:\n      - name: Steps\n        items:\n          - First step\n          - Second step\n          - title: Third step\n            detail: with care\n";

/// Every item of a `status --json` tree, in checklist order.
pub fn json_items(status: &Value) -> Vec<Value> {
    status["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sections"].as_array().unwrap().clone())
        .flat_map(|s| s["items"].as_array().unwrap().clone())
        .collect()
}

/// How `export` and `log` name a change recorded here under `by`: with
/// the account of this process first where it is another name.
pub fn shown_as(by: &str) -> String {
    match whoami::username() {
        Ok(login) if login != by => format!("{login} (as {by})"),
        _ => by.to_owned(),
    }
}

/// Replaces the events of the run log at `state` with `lines`, keeping its
/// header: a run as a teammate's log (or a hand edit) could hold it.
pub fn rewrite_events(state: &Path, lines: &[&str]) {
    let text = std::fs::read_to_string(state).unwrap();
    let mut out = text.lines().next().unwrap().to_owned() + "\n";
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    std::fs::write(state, out).unwrap();
}

/// The bundled checklist in a run with two ticks, a skip with a reason and a
/// note, all at a fixed time, as render and export snapshots show it.
pub fn worked_run() -> (preflight::checklist::Checklist, preflight::run::RunState) {
    use preflight::checklist::Status;
    use preflight::run::{Change, Event, RunState, Stamp};
    let checklist = preflight::bundled::PRODUCTION_DEPLOYMENT.load().unwrap();
    let event = |item: &str, by: &str, change: Change| {
        let at = preflight::timestamp::Timestamp::parse("2026-11-29T10:02:11Z").unwrap();
        Event::on_item(
            Stamp::new(at, by),
            format!("pre-deployment/infrastructure-setup/{item}"),
            change,
        )
    };
    let skip = Status::Skipped {
        reason: Some("no cache in this service".into()),
    };
    let note = "renewed; expires **2027-03-01**, see [runbook](https://wiki.example/ssl)";
    let events = [
        event("cloud-on-premise-environment", "alice", Change::Status(Status::Done)),
        event("container-orchestration", "alice", Change::Status(Status::Done)),
        event("redis-cache", "bob", Change::Status(skip)),
        event("ssl-certificates", "bob", Change::Note(Some(note.into()))),
    ];
    let state = RunState::replay(&checklist, &events);
    (checklist, state)
}
