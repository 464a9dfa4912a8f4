//! `preflight man` and `preflight completions`: the manual page and the
//! shell completions, from the same clap definitions as `--help`; the page
//! has a section for every command and its arguments, so nothing is left to
//! a separate page that would not be installed.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;

use super::args::{Cli, CompletionsArgs};
use super::{exit, output};

/// `preflight man`.
pub fn print() -> anyhow::Result<ExitCode> {
    output::print(&page()?)?;
    Ok(ExitCode::from(exit::OK))
}

/// `preflight completions SHELL`.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "preflight", &mut script);
    output::print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::from(exit::OK))
}

/// Escapes text for roff: backslashes, and a leading dot or quote.
fn roff(text: &str) -> String {
    let text = text.replace('\\', "\\\\").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

fn argument(arg: &clap::Arg) -> String {
    let mut name = match (arg.get_short(), arg.get_long()) {
        (Some(short), Some(long)) => format!("\\fB\\-{short}\\fR, \\fB\\-\\-{}\\fR", roff(long)),
        (None, Some(long)) => format!("\\fB\\-\\-{}\\fR", roff(long)),
        (Some(short), None) => format!("\\fB\\-{short}\\fR"),
        (None, None) => format!("\\fI{}\\fR", roff(arg.get_id().as_str()).to_uppercase()),
    };
    if arg.get_long().is_some()
        && arg.get_action().takes_values()
        && let Some(values) = arg.get_value_names()
    {
        for value in values {
            let _ = write!(name, " \\fI{}\\fR", roff(value));
        }
    }
    name
}

/// The whole page, as roff.
fn page() -> std::io::Result<String> {
    let command = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(".SH COMMANDS\n");
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let _ = writeln!(page, ".SS \"preflight {}\"", sub.get_name());
        if let Some(about) = sub.get_about() {
            let _ = writeln!(page, "{}", roff(&about.to_string()));
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set() && a.get_id() != "help") {
            let _ = writeln!(page, ".TP\n{}", argument(arg));
            if let Some(help) = arg.get_help() {
                let _ = writeln!(page, "{}", roff(&help.to_string()));
            }
        }
        if let Some(after) = sub.get_after_help() {
            let _ = writeln!(page, ".PP\n.nf\n{}\n.fi", roff(&after.to_string()));
        }
    }
    keys(&mut page);
    Ok(page)
}

/// The keys of the view, from the same table that binds them: every
/// binding, where it applies, with the words the help uses.
fn keys(page: &mut String) {
    page.push_str(".SH \"KEYS IN THE VIEW\"\n");
    for (title, entries) in crate::ui::keymap::manual() {
        let _ = writeln!(page, ".SS \"{title}\"");
        for entry in entries {
            let keys: Vec<String> = entry.keys.iter().map(|key| format!("\\fB{}\\fR", roff(key))).collect();
            let _ = writeln!(page, ".TP\n{}\n{}", keys.join(", "), roff(entry.what));
        }
    }
}
