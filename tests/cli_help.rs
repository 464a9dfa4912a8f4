//! The command line's help: every argument described, run flags only where a
//! run is read or recorded, examples headed as examples, and a word that is
//! neither a command nor a checklist answered with the closest of both.

mod common;

use clap::CommandFactory;
use common::Sandbox;
use preflight::cli::Cli;

#[test]
fn every_argument_of_every_command_says_what_it_is() {
    let cli = Cli::command();
    for command in cli.get_subcommands() {
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(
                !help.trim().is_empty(),
                "{} {id} has no description",
                command.get_name()
            );
        }
    }
}

#[test]
fn run_flags_are_only_on_commands_that_read_or_record_a_run() {
    let cli = Cli::command();
    let with_run = [
        "status", "check", "uncheck", "skip", "note", "approve", "export", "import", "log", "sync", "exec", "verify",
        "report",
    ];
    for command in cli.get_subcommands() {
        let has = command.get_arguments().any(|a| a.get_id().as_str() == "run");
        assert_eq!(has, with_run.contains(&command.get_name()), "{}", command.get_name());
    }
    let import = cli.find_subcommand("import").unwrap();
    let run = import.get_arguments().find(|a| a.get_id().as_str() == "run").unwrap();
    assert!(
        !run.get_help().unwrap().to_string().contains("default"),
        "import claims no default run"
    );
}

#[test]
fn several_examples_are_headed_examples() {
    let cli = Cli::command();
    for command in cli.get_subcommands() {
        let Some(after) = command.get_after_help().map(ToString::to_string) else {
            continue;
        };
        let examples = after
            .lines()
            .filter(|l| l.trim_start().starts_with("preflight "))
            .count();
        if examples > 1 {
            assert!(after.starts_with("Examples:"), "{}: {after}", command.get_name());
        }
    }
}

#[test]
fn a_word_that_is_neither_a_command_nor_a_checklist_gets_the_closest_of_both() {
    let sandbox = Sandbox::new();
    let ran = sandbox.run(&["frobnicate"]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("no command or checklist named `frobnicate`"),
        "{}",
        ran.stderr
    );
    let ran = sandbox.run(&["stauts"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("did you mean `status`?"), "{}", ran.stderr);
    let ran = sandbox.run(&["incident-respons"]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("did you mean `incident-response`?"),
        "{}",
        ran.stderr
    );
    let ran = sandbox.run(&["missing.yaml"]);
    assert_eq!(ran.code, 1, "a path is loaded, to say what is wrong with it");
    assert!(ran.stderr.contains("missing.yaml: no such file"), "{}", ran.stderr);
}

#[test]
fn the_man_page_lists_the_view_s_keys_from_the_key_table() {
    let page = Sandbox::new().ok(&["man"]);
    assert!(page.contains(".SH \"KEYS IN THE VIEW\""), "a section of its own");
    for (keys, what) in preflight::ui::keymap::help_rows() {
        let what = what.replace('-', "\\-");
        assert!(page.contains(&what), "{keys}: {what}");
    }
}

#[test]
fn the_man_page_lists_every_binding_with_its_keys_and_what_it_does() {
    use preflight::ui::keymap::{Help, bindings};
    let page = Sandbox::new().ok(&["man"]);
    let keys = &page[page.find(".SH \"KEYS IN THE VIEW\"").expect("a section of its own")..];
    let roff = |text: &str| text.replace('-', "\\-");
    for binding in bindings() {
        for key in binding.keys {
            let name = format!("\\fB{}\\fR", roff(&key.name()));
            assert!(
                keys.contains(&name),
                "{key:?} of {:?} is not in the man page",
                binding.action
            );
        }
        if let Help::Row { what, .. } | Help::Manual(what) = binding.help {
            assert!(keys.contains(&roff(what)), "{:?}: {what}", binding.action);
        }
    }
}

#[test]
fn usage_errors_found_after_parsing_exit_2_as_clap_s_own_do() {
    let sandbox = Sandbox::new();
    let ran = sandbox.run(&["sync"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("name it with --state FILE"), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("Usage:"),
        "worded as clap words its own: {}",
        ran.stderr
    );
    sandbox.write("a.md", "- [x] a\n");
    let ran = sandbox.run(&["import", "a.md", "--run", "r"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("needs -o CHECKLIST.yaml"), "{}", ran.stderr);
}
