//! Which code blocks under a step are its command: shell blocks (`sh`,
//! `bash`, `shell`, `zsh`, `ksh`), terminal sessions (`console`) with their
//! `$ ` prompts taken off and their output left out, and a block without an
//! info string when the words before it say to run it ("Disable the feature
//! with this command:").

/// Info strings of blocks that are shell scripts as they stand.
const SHELLS: [&str; 7] = ["sh", "bash", "shell", "zsh", "ksh", "dash", "posix"];

/// Info strings of terminal sessions: prompts and the output between them.
const SESSIONS: [&str; 4] = ["console", "shell-session", "sh-session", "terminal"];

/// Words that, before a block without an info string, say it is to be run;
/// whole words only ("runtime", "the following" say nothing of the kind).
const RUN_WORDS: [&str; 5] = ["run", "execute", "command", "commands", "type"];

/// The language an info string names: its first word, lower case, without
/// the braces some tools put around it (`{.bash}`).
fn language(info: &str) -> String {
    info.split([' ', ',', '{', '}'])
        .map(|w| w.trim_start_matches('.'))
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The commands of a terminal session: each `$ ` line without its prompt,
/// with the lines a trailing backslash continues it onto.
fn session_commands(body: &str) -> Option<String> {
    let mut out = Vec::new();
    // After a command: a trailing backslash continues it on the next line,
    // and lines the shell prompts with `> ` (a here-document, a loop) are
    // part of it too.
    let mut in_command = false;
    let mut continued = false;
    for line in body.lines() {
        let rest = line.trim_start();
        let command = if continued {
            Some(line)
        } else if let Some(command) = rest
            .strip_prefix("$ ")
            .or_else(|| (rest.trim_end() == "$").then_some(""))
        {
            Some(command)
        } else if in_command {
            rest.strip_prefix("> ")
                .or_else(|| (rest.trim_end() == ">").then_some(""))
        } else {
            None
        };
        in_command = command.is_some();
        if let Some(command) = command {
            continued = command.trim_end().ends_with('\\');
            if !command.trim().is_empty() || out.last().is_some() {
                out.push(command.trim_end());
            }
        }
    }
    while out.last().is_some_and(|l: &&str| l.is_empty()) {
        out.pop();
    }
    (!out.is_empty()).then(|| out.join("\n"))
}

/// The command a code block gives the step it stands under; `context` is the
/// text just before it (the step's own words, or a paragraph).
pub(super) fn of_block(info: &str, body: &str, context: &str) -> Option<String> {
    let body = body.trim_end();
    if body.trim().is_empty() {
        return None;
    }
    let language = language(info);
    if SHELLS.contains(&language.as_str()) {
        return Some(body.to_owned());
    }
    if SESSIONS.contains(&language.as_str()) {
        return session_commands(body);
    }
    let context = context.trim().to_lowercase();
    let mut words = context.split(|c: char| !c.is_alphanumeric());
    let says_run = context.ends_with(':') && words.any(|w| RUN_WORDS.contains(&w));
    (language.is_empty() && says_run).then(|| body.to_owned())
}

/// Whether a terminal session shows output besides its commands: its
/// transcript then stays in the detail too, since a command holds only what
/// is typed.
pub(super) fn keeps_transcript(info: &str, body: &str) -> bool {
    SESSIONS.contains(&language(info).as_str())
        && session_commands(body).is_some_and(|c| c.lines().count() < body.trim_end().lines().count())
}

/// What an export says a shell block of an item is: written `sh command`
/// or `sh verify` (GitHub reads the first word for the language, and shows
/// the block as shell either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Command,
    Verify,
}

/// The role an info string gives its block, if it names one.
pub(super) fn role(info: &str) -> Option<Role> {
    let mut words = info.split_whitespace();
    if !SHELLS.contains(&words.next()?.to_ascii_lowercase().as_str()) {
        return None;
    }
    match words.next()? {
        "command" => Some(Role::Command),
        "verify" => Some(Role::Verify),
        _ => None,
    }
}

/// Whether a code block is a shell script, whatever stands before it.
pub(super) fn is_shell(info: &str) -> bool {
    let language = language(info);
    SHELLS.contains(&language.as_str()) || SESSIONS.contains(&language.as_str())
}

#[cfg(test)]
mod tests {
    use super::of_block;

    #[test]
    fn shell_blocks_are_commands_and_others_are_not() {
        assert_eq!(of_block("bash", "make deploy\n", "").as_deref(), Some("make deploy"));
        assert_eq!(of_block("{.sh}", "ls", "").as_deref(), Some("ls"));
        assert_eq!(of_block("yaml", "a: 1", "Run this:"), None);
        assert_eq!(of_block("sh", "  \n", ""), None);
    }

    #[test]
    fn a_session_gives_its_commands_without_prompts_or_output() {
        let body = "$ pg_upgrade --check \\\n    --old 14\nPerforming checks... ok\n$ echo done\ndone\n";
        assert_eq!(
            of_block("console", body, "").as_deref(),
            Some("pg_upgrade --check \\\n    --old 14\necho done")
        );
        assert_eq!(of_block("console", "just output\n", ""), None);
        let heredoc =
            "$ cat <<EOF > target.conf\n> enabled = true\n> EOF\n$ for f in a b; do\n>   echo $f\n> done\na\nb\n";
        assert_eq!(
            of_block("console", heredoc, "").as_deref(),
            Some("cat <<EOF > target.conf\nenabled = true\nEOF\nfor f in a b; do\n  echo $f\ndone"),
            "the lines the shell prompts with > are the command's"
        );
        assert!(super::keeps_transcript("console", body));
        assert!(!super::keeps_transcript("console", "$ ls\n"));
        assert!(!super::keeps_transcript("bash", body));
    }

    #[test]
    fn a_bare_block_is_a_command_only_when_the_words_before_it_say_run() {
        assert_eq!(
            of_block("", "feature disable x", "Disable the feature with this command:").as_deref(),
            Some("feature disable x")
        );
        assert_eq!(of_block("", "key = value", "The config looks like:"), None);
        assert_eq!(of_block("", "x", "run it"), None);
        assert_eq!(of_block("", "x", "Run this:").as_deref(), Some("x"));
        assert_eq!(
            of_block("", "ulimit -n 1", "Set the runtime limits:"),
            None,
            "runtime is not run"
        );
        assert_eq!(of_block("", "WARN x", "You should see the following:"), None);
        assert_eq!(of_block("", "WARN x", "Check it was truncated:"), None);
    }
}
