#![cfg(unix)]
//! The README cannot lie: its examples are run here, against the built
//! binary, in a fresh home folder. A shell block's commands must succeed
//! (those that open the view must get as far as asking for a terminal), a
//! `console` block's commands must print what it shows, and the samples of
//! the view, the run log, `status --json` and `export` must be what preflight
//! makes of them. Every block of the README is claimed by one test here, so
//! a new example is run too.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A fenced block of README.md: its info string, its lines, the line it
/// starts on and the heading it stands under.
#[derive(Debug)]
struct Block {
    info: String,
    lines: Vec<String>,
    at: usize,
    heading: String,
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The README's fenced blocks. A block closes at a fence of its own length
/// (a fence of four backticks holds lines of three, as GitHub reads it).
fn blocks() -> Vec<Block> {
    let text = readme();
    let mut blocks = Vec::new();
    let mut heading = String::new();
    let mut open: Option<(usize, Block)> = None;
    for (n, line) in text.lines().enumerate() {
        let fence = line.len() - line.trim_start_matches('`').len();
        match open.as_mut() {
            Some((length, _)) if fence == *length && line.len() == fence => {
                blocks.extend(open.take().map(|(_, block)| block));
            }
            Some((_, block)) => block.lines.push(line.to_owned()),
            None => {
                if fence >= 3 {
                    let block = Block {
                        info: line[fence..].to_owned(),
                        lines: Vec::new(),
                        at: n + 1,
                        heading: heading.clone(),
                    };
                    open = Some((fence, block));
                } else if line.starts_with('#') {
                    line.trim_start_matches('#').trim().clone_into(&mut heading);
                }
            }
        }
    }
    blocks
}

/// The blocks of one kind under one heading.
fn under(heading: &str, info: &str) -> Vec<Block> {
    let found: Vec<Block> = blocks()
        .into_iter()
        .filter(|b| b.heading == heading && b.info == info)
        .collect();
    assert!(!found.is_empty(), "no ```{info} block under {heading:?}");
    found
}

/// The one block of a kind under a heading.
fn one(heading: &str, info: &str) -> Block {
    let mut found = under(heading, info);
    assert_eq!(found.len(), 1, "one ```{info} block under {heading:?}");
    found.remove(0)
}

/// Each README block's test, by the heading and kind of block it claims.
const CLAIMED: &[(&str, &str)] = &[
    ("Try it", "sh"),
    ("A look", "text"),
    ("A 30-second tour", "sh"),
    ("Working through a run", "sh"),
    ("Commands", "console"),
    ("Markdown: bring the files you have", "sh"),
    ("Markdown: bring the files you have", "markdown"),
    ("Runs and the run log", "text"),
    ("`status --json`", "json"),
    ("The checklist format", "yaml"),
    ("Errors", "console"),
    ("Runbooks", "yaml"),
    ("Runbooks", "console"),
    ("Team workflow", "sh"),
    ("Approvals", "text"),
    ("Who did it", "text"),
    ("The report page", "text"),
    ("Evidence in the export", "markdown"),
    ("A CI gate", "sh"),
    ("Install and integrate", "sh"),
];

#[test]
fn every_block_of_the_readme_is_claimed_by_a_test() {
    for block in blocks() {
        assert!(
            CLAIMED.contains(&(block.heading.as_str(), block.info.as_str())),
            "README.md:{}: a ```{} block under {:?} that no test runs or compares",
            block.at,
            block.info,
            block.heading
        );
    }
}

/// A fresh home for the README's commands: a `home` folder as `HOME` (the
/// XDG folders inside it) and a `work` folder beside it as the current one,
/// the built binary first on `PATH`, git kept from the machine's
/// configuration and from any repository around them.
struct Home {
    dir: tempfile::TempDir,
    /// `HOME`.
    folder: PathBuf,
    cwd: PathBuf,
}

const NEW_DEPLOY_YAML: &str = "preflight new deploy.yaml --from production-deployment";

/// What a line did: its exit status and everything it printed, standard
/// output and error in the order they came.
struct Said {
    code: i32,
    output: String,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let cwd = dir.path().join("work");
        std::fs::create_dir(&home).unwrap();
        std::fs::create_dir(&cwd).unwrap();
        Home { dir, folder: home, cwd }
    }

    /// A home where the tour's first step was taken: `deploy.yaml` is a copy
    /// of the bundled checklist.
    fn with_deploy_yaml() -> Home {
        let home = Home::new();
        home.given(NEW_DEPLOY_YAML);
        home
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.cwd.join(name), text).unwrap();
    }

    /// Runs one command line with `sh`, as a reader would type it.
    fn run(&self, line: &str) -> Said {
        let binaries = assert_cmd::cargo::cargo_bin("preflight");
        let path = format!(
            "{}:{}",
            binaries.parent().unwrap().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let home = &self.folder;
        let mut command = common::team::isolated(Command::new("sh"));
        let output = command
            .arg("-c")
            .arg(format!("{{ {line}\n}} 2>&1"))
            .current_dir(&self.cwd)
            .env("PATH", path)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_STATE_HOME", home.join(".local/state"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("GIT_CEILING_DIRECTORIES", self.dir.path())
            .env("PREFLIGHT_USER", "alice")
            .env("LC_ALL", "C")
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        Said {
            code: output.status.code().unwrap_or(-1),
            output: String::from_utf8_lossy(&output.stdout).into_owned(),
        }
    }

    /// Runs a setup line that must succeed.
    fn given(&self, line: &str) {
        let said = self.run(line);
        assert_eq!(said.code, 0, "setup `{line}`: {}", said.output);
    }
}

/// The command lines of a shell block: a line ended by `\` with the next
/// (as `sh` reads them), blank lines left out (a comment stays: `sh` reads it
/// as one).
fn command_lines(block: &Block) -> Vec<String> {
    let mut lines = Vec::new();
    let mut pending = String::new();
    for line in &block.lines {
        if line.ends_with('\\') {
            pending.push_str(line);
            pending.push('\n');
            continue;
        }
        pending.push_str(line);
        if !pending.trim().is_empty() {
            lines.push(std::mem::take(&mut pending));
        }
        pending.clear();
    }
    lines
}

/// Whether a line opens the view: `preflight` with no subcommand.
fn opens_the_view(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take_while(|w| !w.starts_with('#')).collect();
    let commands = [
        "new",
        "validate",
        "status",
        "check",
        "uncheck",
        "skip",
        "note",
        "export",
        "import",
        "runs",
        "log",
        "sync",
        "exec",
        "verify",
        "report",
        "templates",
        "completions",
        "man",
        "schema",
        "help",
    ];
    words.first() == Some(&"preflight") && words.get(1).is_none_or(|w| !commands.contains(w))
}

/// Runs every line of a shell block in `home`: each succeeds, and one that
/// opens the view loads its checklist and then asks for a terminal (a test
/// has none). Lines starting with `cargo` are the toolchain's, not run here.
fn runs_every_line(home: &Home, block: &Block) {
    for line in command_lines(block) {
        if line.starts_with("cargo ") {
            continue;
        }
        let said = home.run(&line);
        if opens_the_view(&line) {
            assert!(
                said.output.starts_with("error: the interactive view needs a terminal"),
                "README.md:{}: `{line}` should load its checklist and ask for a terminal:\n{}",
                block.at,
                said.output
            );
        } else {
            assert_eq!(said.code, 0, "README.md:{}: `{line}`:\n{}", block.at, said.output);
        }
    }
}

/// Whether `actual` reads as `expected`, where `[..]` in a line stands for
/// any text and a line `...` for any lines.
fn matches(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((&"...", rest)) => (0..=actual.len()).any(|skip| matches(rest, &actual[skip..])),
        Some((line, rest)) => actual
            .split_first()
            .is_some_and(|(first, more)| line_matches(line, first) && matches(rest, more)),
    }
}

fn line_matches(expected: &str, actual: &str) -> bool {
    let mut parts = expected.split("[..]");
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (n, part) in parts.iter().enumerate() {
        if n + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// Runs a `console` block: each `$ ` line, whose output must read as the
/// lines under it.
fn prints_what_it_shows(home: &Home, block: &Block) {
    let mut steps: Vec<(String, Vec<&str>)> = Vec::new();
    for line in &block.lines {
        match line.strip_prefix("$ ") {
            Some(command) => steps.push((command.to_owned(), Vec::new())),
            None => steps
                .last_mut()
                .expect("a console block starts with a `$ ` line")
                .1
                .push(line),
        }
    }
    for (command, expected) in steps {
        let said = home.run(&command);
        let actual: Vec<&str> = said.output.lines().collect();
        assert!(
            matches(&expected, &actual),
            "README.md:{}: `{command}` shows\n{}\nbut prints\n{}",
            block.at,
            expected.join("\n"),
            said.output
        );
    }
}

#[test]
fn the_matcher_takes_text_that_varies_and_nothing_else() {
    assert!(matches(&["a", "...", "d"], &["a", "b", "c", "d"]));
    assert!(matches(&["a", "...", "d"], &["a", "d"]));
    assert!(!matches(&["a", "d"], &["a", "b", "d"]));
    assert!(line_matches("exit [..] in [..] s)", "exit 128 in 0.0 s)"));
    assert!(!line_matches("exit [..] in [..] s)", "exit 128 in 0.0 s) more"));
    assert!(!line_matches("abc", "abcd"));
}

#[test]
fn try_it_gives_a_newcomer_exactly_two_commands() {
    let block = one("Try it", "sh");
    let commands: Vec<String> = command_lines(&block)
        .iter()
        .map(|line| line.split('#').next().unwrap().trim().to_owned())
        .collect();
    assert_eq!(commands, ["cargo run --release", "cargo test"]);
}

/// The lines of an insta snapshot of the view, as the screen shows them.
fn snapshot_screen(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let inner = line.strip_prefix('"')?;
            // insta notes wide characters after the line: `" Hidden by …`.
            let row = match inner.split_once("\" Hidden by multi-width symbols") {
                Some((row, _)) => row,
                None => &inner[..inner.rfind('"')?],
            };
            Some(row.trim_end().to_owned())
        })
        .collect()
}

#[test]
fn a_look_is_the_view_as_the_render_tests_draw_it() {
    let block = one("A look", "text");
    assert_eq!(
        block.lines,
        snapshot_screen("render__an_item_with_a_note_selected.snap"),
        "README.md:{}",
        block.at
    );
}

#[test]
fn the_tour_runs() {
    let home = Home::new();
    runs_every_line(&home, &one("A 30-second tour", "sh"));
    let progress = std::fs::read_to_string(home.cwd.join("progress.md")).unwrap();
    assert!(progress.contains("- [x] **SSL certificates**"), "{progress}");
}

#[test]
fn working_through_a_run_opens_the_run() {
    let home = Home::with_deploy_yaml();
    runs_every_line(&home, &one("Working through a run", "sh"));
}

#[test]
fn validate_takes_a_bundled_name_and_a_file() {
    let home = Home::with_deploy_yaml();
    prints_what_it_shows(&home, &one("Commands", "console"));
}

const RELEASING: &str = "# Releasing\n\n## Prepare\n\n- [ ] Update the changelog\n- [x] Bump the version\n\n## Publish\n\n- [ ] Tag the release\n\n  ```sh\n  git tag v1.0.0\n  ```\n";

#[test]
fn a_markdown_file_is_opened_read_and_imported_as_it_is() {
    let home = Home::new();
    home.write("RELEASING.md", RELEASING);
    runs_every_line(&home, &one("Markdown: bring the files you have", "sh"));
    let yaml = std::fs::read_to_string(home.cwd.join("release.yaml")).unwrap();
    assert!(yaml.contains("command: git tag v1.0.0"), "{yaml}");
}

/// The README's run log sample, written as a run log of the bundled checklist.
fn sample_run_log(home: &Home, lines: usize) -> String {
    let block = one("Runs and the run log", "text");
    let log: Vec<&str> = block.lines.iter().take(lines).map(String::as_str).collect();
    home.write("sample.jsonl", &(log.join("\n") + "\n"));
    "sample.jsonl".to_owned()
}

#[test]
fn the_run_log_sample_is_a_run_log_preflight_reads() {
    let home = Home::new();
    let log = sample_run_log(&home, usize::MAX);
    let said = home.run(&format!("preflight status --json --state {log}"));
    assert_eq!(said.code, 0, "{}", said.output);
    let status: Value = serde_json::from_str(&said.output).unwrap();
    let item = |n: usize| &status["phases"][0]["sections"][0]["items"][n];
    assert_eq!(item(0)["by"], "alice");
    assert_eq!(item(3)["status"], "skipped");
    assert_eq!(item(3)["reason"], "no cache in this service");
    assert_eq!(item(5)["note"], "renewed; expires 2027-03-01");
}

/// Whether every field of `sample` is in `actual` with the same value; a
/// list of the sample is the start of the actual one.
fn within(sample: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (sample, actual) {
        (Value::Object(sample), Value::Object(actual)) => sample.iter().try_for_each(|(key, value)| {
            let found = actual.get(key).ok_or(format!("{at}.{key} is missing"))?;
            within(value, found, &format!("{at}.{key}"))
        }),
        (Value::Array(sample), Value::Array(actual)) if sample.len() <= actual.len() => sample
            .iter()
            .zip(actual)
            .enumerate()
            .try_for_each(|(n, (s, a))| within(s, a, &format!("{at}[{n}]"))),
        _ if sample == actual => Ok(()),
        _ => Err(format!("{at}: the README shows {sample}, status prints {actual}")),
    }
}

#[test]
fn the_status_json_sample_is_what_status_prints_for_the_first_tick() {
    let home = Home::new();
    let log = sample_run_log(&home, 2);
    let said = home.run(&format!("preflight status --json --state {log}"));
    assert_eq!(said.code, 0, "{}", said.output);
    let actual: Value = serde_json::from_str(&said.output).unwrap();
    let block = one("`status --json`", "json");
    // The sample leaves out the rest of each list: `, …`.
    let sample: Value = serde_json::from_str(&block.lines.join("\n").replace(", …", "")).unwrap();
    within(&sample, &actual, "status").unwrap_or_else(|why| panic!("README.md:{}: {why}", block.at));
}

#[test]
fn the_export_sample_is_what_export_writes_for_the_sample_run() {
    let home = Home::new();
    let log = sample_run_log(&home, usize::MAX);
    let said = home.run(&format!("preflight export --state {log}"));
    assert_eq!(said.code, 0, "{}", said.output);
    let block = one("Markdown: bring the files you have", "markdown");
    // Its first lines are the bundled checklist's items in the sample run;
    // the lines after them show sub-items and numbered steps, which other
    // tests export.
    for line in block.lines.iter().take(4) {
        assert!(
            said.output.lines().any(|l| l == line),
            "README.md:{}: export writes no line\n{line}\nin\n{}",
            block.at,
            said.output
        );
    }
}

#[test]
fn the_checklist_format_sample_loads() {
    let home = Home::new();
    let block = one("The checklist format", "yaml");
    home.write("format.yaml", &block.lines.join("\n"));
    let said = home.run("preflight validate format.yaml");
    assert_eq!(said.code, 0, "README.md:{}: {}", block.at, said.output);
}

#[test]
fn the_sample_error_is_the_error_preflight_gives() {
    let home = Home::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/unknown-field.yaml");
    home.write("deploy.yaml", &std::fs::read_to_string(fixture).unwrap());
    prints_what_it_shows(&home, &one("Errors", "console"));
}

#[test]
fn the_runbook_sample_loads_records_its_value_and_verifies_saying_each_command_first() {
    let home = Home::new();
    let yaml = one("Runbooks", "yaml");
    home.write("release.yaml", &yaml.lines.join("\n"));
    for block in under("Runbooks", "console") {
        prints_what_it_shows(&home, &block);
    }
}

#[test]
fn the_team_workflow_shares_a_run_through_git() {
    let home = Home::new();
    home.given("git init -q --bare -b main ../remote.git");
    home.given("git init -q -b main . && git remote add origin ../remote.git");
    home.given(NEW_DEPLOY_YAML);
    home.given("git add deploy.yaml && git commit -qm checklist && git push -qu origin main");
    runs_every_line(&home, &one("Team workflow", "sh"));
    let pushed = home.run("git log --format=%s origin/main");
    assert!(
        pushed.output.contains("preflight: v2.3.0 release 1/132"),
        "{}",
        pushed.output
    );
}

#[test]
fn the_ci_gate_fails_while_the_checklist_is_incomplete() {
    let home = Home::with_deploy_yaml();
    let block = one("A CI gate", "sh");
    let lines = command_lines(&block);
    assert_eq!(lines.len(), 1, "README.md:{}", block.at);
    let said = home.run(&lines[0]);
    assert_eq!(said.code, 1, "{}", said.output);
    assert!(
        said.output.ends_with("release checklist incomplete\n"),
        "{}",
        said.output
    );
}

#[test]
fn the_install_lines_work_in_a_fresh_home() {
    let home = Home::new();
    runs_every_line(&home, &one("Install and integrate", "sh"));
    let unwritten: Vec<&str> = [
        ".local/share/bash-completion/completions/preflight",
        ".zfunc/_preflight",
        ".local/share/man/man1/preflight.1",
    ]
    .into_iter()
    .filter(|file| {
        let written = std::fs::metadata(home.folder.join(file)).map(|m| m.len());
        !written.is_ok_and(|len| len > 0)
    })
    .collect();
    assert!(unwritten.is_empty(), "{unwritten:?}");
    assert!(home.cwd.join("checklist.schema.json").exists());
}

/// A home holding the audit samples' run: the checklist and its run log.
fn with_audit_run() -> Home {
    let home = Home::new();
    home.write("release.yaml", include_str!("fixtures/audit/release.yaml"));
    home.write("run.jsonl", include_str!("fixtures/audit/run.jsonl"));
    home
}

#[test]
fn the_report_page_sample_shows_only_what_the_page_shows() {
    let home = with_audit_run();
    let said = home.run("preflight report release.yaml --state run.jsonl --html");
    assert_eq!(said.code, 0, "{}", said.output);
    let page = scraper::Html::parse_document(&said.output);
    let shown: String = page.root_element().text().collect::<Vec<_>>().join(" ");
    let sample = one("The report page", "text");
    // Every word and number the sample shows is on the page (the drawing of
    // the timeline and the outline marks are the sample's own).
    for line in &sample.lines {
        for word in line.split(|c: char| c.is_whitespace() || "·—,:()".contains(c)) {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.chars().any(char::is_alphanumeric) {
                assert!(
                    shown.contains(word),
                    "README.md:{}: the page does not show {word:?} ({line})",
                    sample.at
                );
            }
        }
    }
}

#[test]
fn the_export_evidence_sample_is_what_export_writes() {
    let home = with_audit_run();
    let said = home.run("preflight export release.yaml --state run.jsonl");
    assert_eq!(said.code, 0, "{}", said.output);
    let sample = one("Evidence in the export", "markdown");
    let text = sample.lines.join("\n");
    assert!(
        said.output.contains(&text),
        "README.md:{}: export writes\n{}\nnot\n{text}",
        sample.at,
        said.output
    );
}

/// Every word a sample shows (its `$` command lines aside) is in `said`: a
/// sample drawn by hand may leave out, never make up.
fn shows_only_what_was_said(block: &Block, said: &str) {
    for line in block.lines.iter().filter(|l| !l.starts_with("$ ")) {
        for word in line.split(|c: char| c.is_whitespace() || "·—,:()`/".contains(c)) {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.chars().any(char::is_alphanumeric) {
                assert!(
                    said.contains(word),
                    "README.md:{}: preflight does not say {word:?} ({line}) in\n{said}",
                    block.at
                );
            }
        }
    }
}

/// The approvals sample's checklist: a Deploy phase that needs one approval
/// after a Prepare phase alice did (by name and account).
const APPROVAL_SAMPLE: &str = "title: Deploy\nphases:\n  - name: Prepare\n    sections:\n      - name: Checks\n        items: [Tests pass, Changelog written]\n  - name: Deploy\n    approvals: 1\n    sections:\n      - name: Rollout\n        items: [Canary]\n";

#[test]
fn the_approvals_sample_shows_only_what_preflight_says() {
    let home = Home::new();
    home.write("deploy.yaml", APPROVAL_SAMPLE);
    let log = "{\"preflight\":\"run log\",\"version\":1,\"checklist\":\"Deploy\",\"file\":\"deploy.yaml\",\"run\":\"v2.3.0 release\",\"created\":\"2026-11-29T10:00:00Z\"}\n\
        {\"at\":\"2026-11-29T10:01:00Z\",\"by\":\"alice\",\"login\":\"alice\",\"item\":\"prepare/checks/tests-pass\",\"status\":\"done\"}\n\
        {\"at\":\"2026-11-29T10:02:00Z\",\"by\":\"alice\",\"login\":\"alice\",\"item\":\"prepare/checks/changelog-written\",\"status\":\"done\"}\n";
    home.write("run.jsonl", log);
    let mut said = String::new();
    // carol approves from her own terminal: here, under her name.
    for line in [
        "preflight check deploy.yaml canary --state run.jsonl",
        "preflight approve deploy.yaml deploy --state run.jsonl --by alice",
        "preflight approve deploy.yaml deploy --state run.jsonl --by carol --note \"diff and dashboards reviewed\"",
        "preflight status deploy.yaml --state run.jsonl",
    ] {
        said.push_str(&home.run(line).output);
    }
    shows_only_what_was_said(&one("Approvals", "text"), &said);
}

#[test]
fn the_who_did_it_sample_shows_only_what_log_says() {
    let home = Home::with_deploy_yaml();
    let ran = home.run("preflight check deploy.yaml cloud-on-premise-environment --run \"v2.3.0 release\"");
    assert_eq!(ran.code, 0, "{}", ran.output);
    // The run's log where preflight keeps it, its events replaced by the
    // sample's: alice's own tick, then one recorded as alice from bob's account.
    let log = std::fs::read_dir(home.folder.join(".local/share/preflight"))
        .unwrap()
        .map(|dir| dir.unwrap().path().join("v2.3.0%20release.jsonl"))
        .find(|path| path.exists())
        .expect("the run's log");
    let header = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    let events = [
        "{\"at\":\"2026-11-29T10:02:11Z\",\"by\":\"alice\",\"login\":\"alice\",\"item\":\"pre-deployment/infrastructure-setup/cloud-on-premise-environment\",\"status\":\"done\"}",
        "{\"at\":\"2026-11-29T10:05:40Z\",\"by\":\"alice\",\"login\":\"bob\",\"item\":\"pre-deployment/infrastructure-setup/database\",\"status\":\"done\"}",
    ];
    std::fs::write(&log, format!("{header}\n{}\n", events.join("\n"))).unwrap();
    let said = home.run("preflight log deploy.yaml --run \"v2.3.0 release\"").output;
    shows_only_what_was_said(&one("Who did it", "text"), &said);
}
