//! What sync says when git fails: git's own words, never an empty reason.

use std::os::unix::process::ExitStatusExt;
use std::process::{ExitStatus, Output};

use super::said;

fn failed(stdout: &str, stderr: &str) -> Output {
    Output {
        status: ExitStatus::from_raw(1 << 8),
        stdout: stdout.as_bytes().to_vec(),
        stderr: stderr.as_bytes().to_vec(),
    }
}

#[test]
fn a_git_that_said_nothing_on_failure_still_gives_a_reason() {
    let text = said(&["pull", "--quiet"], &failed("", "  \n"));
    assert_eq!(text, "git pull --quiet: it failed (exit status: 1) and said nothing");
}

#[test]
fn git_s_words_are_kept_from_stderr_else_stdout_one_line_each() {
    let text = said(&["merge"], &failed("CONFLICT (content): a\nAutomatic merge failed", ""));
    assert_eq!(text, "git merge: CONFLICT (content): a\n  Automatic merge failed");
    let text = said(&["push"], &failed("ignored", "fatal: \u{1b}[31mno\u{1b}[0m"));
    assert!(
        text.starts_with("git push: fatal: ") && !text.contains('\u{1b}'),
        "{text}"
    );
}
