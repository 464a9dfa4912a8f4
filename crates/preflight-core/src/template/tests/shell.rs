//! Values in commands, by the place they stand in: what the command line
//! becomes, what is refused, and — run by `sh` and `bash` — that the shell
//! reads back exactly the value and runs nothing of it.

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;

use super::super::*;
use super::values;

fn line(command: &str, value: &str) -> String {
    render_shell(command, &values(&[("v", value)])).unwrap().into_owned()
}

#[test]
fn each_place_gets_its_own_quoting() {
    let v = "x'; touch PWNED; echo \"$(id)\" `id` \\";
    assert_eq!(
        line("echo {{v}}", v),
        r#"echo 'x'\''; touch PWNED; echo "$(id)" `id` \'"#
    );
    assert_eq!(
        line("echo 'hello {{v}}'", v),
        r#"echo 'hello x'\''; touch PWNED; echo "$(id)" `id` \'"#
    );
    assert_eq!(
        line(r#"echo "hello {{v}}""#, v),
        r#"echo "hello x'; touch PWNED; echo \"\$(id)\" \`id\` \\""#
    );
    assert_eq!(line("true # {{v}}", "a\nb"), "true # 'a b'");
    assert_eq!(
        line("echo a#{{v}}", "b"),
        "echo a#'b'",
        "a # inside a word is no comment"
    );
}

#[test]
fn the_quoting_seen_in_the_issue_no_longer_breaks_out() {
    assert_eq!(
        line("echo 'hello {{v}}'", "x; touch PWNED; echo "),
        "echo 'hello x; touch PWNED; echo '"
    );
    assert_eq!(
        line(r#"grep -q "version = \"{{v}}\"" Cargo.toml"#, "2.3.0"),
        r#"grep -q "version = \"2.3.0\"" Cargo.toml"#
    );
}

#[test]
fn quotes_and_constructs_before_a_placeholder_are_followed() {
    assert_eq!(line(r#"echo "a'b" {{v}}"#, "c"), r#"echo "a'b" 'c'"#);
    assert_eq!(line(r"echo 'a\' {{v}}", "c"), r"echo 'a\' 'c'", "no escape inside '…'");
    assert_eq!(line(r#"echo "a\"b {{v}}""#, "c"), r#"echo "a\"b c""#);
    assert_eq!(line(r#"echo \" {{v}}"#, "c"), r#"echo \" 'c'"#);
    assert_eq!(line("echo $(echo ')') {{v}}", "c"), "echo $(echo ')') 'c'");
    assert_eq!(line("echo \"$(echo \"(\")\" {{v}}", "c"), "echo \"$(echo \"(\")\" 'c'");
    assert_eq!(line("echo `echo \"`\" {{v}}\"", "c"), "echo `echo \"`\" c\"");
    assert_eq!(
        line("echo ${x:-a} $((1 + (2))) {{v}}", "c"),
        "echo ${x:-a} $((1 + (2))) 'c'"
    );
    assert_eq!(
        line("cat <<'EOF'\n'{{x\nEOF\necho {{v}}", "c"),
        "cat <<'EOF'\n'{{x\nEOF\necho 'c'"
    );
    assert_eq!(
        line("cat <<-EOF\n\tbody '\n\tEOF\necho {{v}}", "c"),
        "cat <<-EOF\n\tbody '\n\tEOF\necho 'c'"
    );
    assert_eq!(line("# it's {{v}}\necho {{v}}", "c"), "# it's 'c'\necho 'c'");
    assert_eq!(
        line("test \"$(kubectl -n {{v}} get pods)\" = \"{{v}}\"", "prod's"),
        "test \"$(kubectl -n 'prod'\\''s' get pods)\" = \"prod's\"",
        "the inside of $(…) is a script of its own"
    );
}

/// `command` is refused, naming `v`, the place it stands in and where its
/// placeholder starts; and it renders to no command line.
fn refused_where(command: &str, place: &str) {
    match check_command(command) {
        Err(TemplateError::Unquotable {
            name,
            place: found,
            offset,
        }) => {
            assert_eq!((name.as_str(), found), ("v", place), "{command}");
            assert_eq!(&command[offset..offset + 5], "{{v}}", "{command}");
        }
        other => panic!("{command}: {other:?}"),
    }
    assert!(render_shell(command, &values(&[("v", "x")])).is_err(), "{command}");
}

const BACKQUOTES: &str = "inside backquotes";
const HERE_DOCUMENT: &str = "inside a here-document";
const ANSI_C_QUOTES: &str = "after a `$'…'`, which shells read differently";
const AFTER_DOLLAR: &str = "right after a `$`";
const CASE_IN_SUBSHELL: &str = "after a `case` inside `$(…)`";
const READ_AS_CODE: &str = "after `alias` or `eval`, which read text as code again";

crate::cases! { a_placeholder_where_the_shell_reads_again_is_refused, refused_where:
    in_backquotes = ("echo `echo {{v}}`", BACKQUOTES),
    in_backquotes_in_double_quotes = ("echo \"`echo {{v}}`\"", BACKQUOTES),
    in_backquotes_in_a_subshell = ("echo \"$(echo `echo {{v}}`)\"", BACKQUOTES),
    in_a_here_document_in_a_subshell = ("echo \"$(cat <<EOF\n{{v}}\nEOF\n)\"", HERE_DOCUMENT),
    in_a_parameter_default = ("echo ${x:-{{v}}}", "inside `${…}`"),
    in_arithmetic = ("echo $((1 + {{v}}))", "inside `$((…))`"),
    after_ansi_c_quotes = ("echo $'{{v}}'", ANSI_C_QUOTES),
    after_ansi_c_quotes_with_an_escaped_quote = ("printf $'Don\\'t panic - %s\\n' {{v}}", ANSI_C_QUOTES),
    after_a_dollar_and_a_line_continuation_in_quotes = ("echo \"$\\\n{{v}}\"", AFTER_DOLLAR),
    after_a_dollar_and_a_line_continuation = ("echo $\\\n{{v}}", AFTER_DOLLAR),
    in_a_here_document_whose_comment_ends_in_a_backslash = (
        "cat > f <<EOF\n# generated \\\nEOF\necho VERSION={{v}} >> f\nEOF",
        HERE_DOCUMENT,
    ),
    in_a_here_document_whose_operator_is_split_by_a_continuation = ("cat <\\\n<EOF\n{{v}}\nEOF", HERE_DOCUMENT),
    after_a_case_split_by_a_continuation_in_a_subshell = (
        "echo \"$(ca\\\nse x in x) echo {{v}};; esac)\"",
        CASE_IN_SUBSHELL,
    ),
    after_an_alias = ("alias c=case\necho \"$(c x in x) echo {{v}};; esac)\"", READ_AS_CODE),
    after_eval = ("eval echo {{v}}", READ_AS_CODE),
    in_a_here_document = ("cat <<EOF\n{{v}}\nEOF", HERE_DOCUMENT),
    in_a_quoted_here_document = ("cat <<'EOF'\n{{v}}\nEOF", HERE_DOCUMENT),
    as_a_here_document_delimiter = ("cat <<{{v}}\nx\n", "in a here-document's delimiter"),
    right_after_a_dollar = ("echo ${{v}}", AFTER_DOLLAR),
    right_after_a_dollar_in_double_quotes = ("echo \"${{v}}\"", AFTER_DOLLAR),
    after_a_case_in_a_subshell = ("echo \"$(case a in a) echo ;; esac)\" {{v}}", CASE_IN_SUBSHELL),
    after_quotes_in_a_parameter_default = ("echo ${x:-'}'} {{v}}", "after quotes inside `${…}`"),
}

#[test]
fn a_dollar_escaped_or_quoted_is_text_before_a_placeholder() {
    assert_eq!(check_command("echo \\${{v}}"), Ok(()), "an escaped $ is text");
    assert_eq!(check_command("echo '$'{{v}}"), Ok(()), "a quoted $ is text");
}

/// The shells to read commands with: `sh` always (it is what runs them), and
/// `bash` where there is one (it is `sh` on some systems).
fn shells() -> Vec<&'static str> {
    let mut shells = vec!["sh"];
    if Command::new("bash")
        .arg("-c")
        .arg("true")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        shells.push("bash");
    }
    shells
}

/// Runs `command` with `shell -c` in an empty folder and returns what it
/// printed and whether it left the folder empty.
fn run_in(shell: &str, dir: &Path, command: &str) -> (String, bool) {
    let out = Command::new(shell)
        .arg("-c")
        .arg(command)
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("the shell starts");
    let empty = std::fs::read_dir(dir).expect("the folder reads").next().is_none();
    (String::from_utf8_lossy(&out.stdout).into_owned(), empty)
}

/// Commands with a placeholder in each place, and what each prints for a value.
const PLACES: &[(&str, &str, &str)] = &[
    ("printf '%s' {{v}}", "", ""),
    ("printf '%s' \"{{v}}\"", "", ""),
    ("printf '%s' '{{v}}'", "", ""),
    ("printf '%s' \"a {{v}} b\"", "a ", " b"),
    ("printf '%s' 'a {{v}} b'", "a ", " b"),
    ("printf '%s' x{{v}}\"y\"'z'", "x", "yz"),
    ("printf '%s' \"$(printf '(')\" {{v}}", "(", ""),
    ("printf '%s' `printf a` ${PATH:+b} $((1+1)) {{v}}", "ab2", ""),
    ("cat <<'EOF' >/dev/null\n{{x\nEOF\nprintf '%s' {{v}}", "", ""),
    ("printf '%s' \"it's\" '\"' {{v}} # a comment {{v}}\n", "it's\"", ""),
    ("printf '%s' \"$(printf '%s' {{v}}; printf x)\"", "", "x"),
    (
        "printf '%s' \"$(echo a \\\n#)\nprintf '%s' {{v}}; printf x\n)\"",
        "a\n",
        "x",
    ),
    ("printf '%s' \\\n {{v}} \\\n\"y\"", "", "y"),
    ("printf '%s' \"$(printf '%s' \"{{v}}\" ')'; printf x)\"", "", ")x"),
    (
        "printf '%s' \"$(printf '%s' \"$(printf '%s' '{{v}}'; printf y)\"; printf x)\"",
        "",
        "yx",
    ),
];

fn value() -> impl Strategy<Value = String> {
    let attacks = prop::sample::select(vec![
        "'",
        "\"",
        "\\",
        "$",
        "`",
        "$(touch PWNED)",
        "`touch PWNED`",
        "; touch PWNED",
        "'; touch PWNED; '",
        "\"; touch PWNED; \"",
        "\n",
        "\ntouch PWNED\n",
        "${x:=1}",
        "$HOME",
        "*",
        "~",
        "#",
        "!",
        "{",
        "}",
        "(",
        ")",
        "\\'",
        "\\\"",
        "$'",
        "é",
        "日本",
        "🚀",
        " ",
        "\t",
        "&",
        "|",
        ">PWNED",
        "EOF",
    ]);
    let piece = prop_oneof![
        attacks.prop_map(str::to_owned),
        "[ -~]{0,6}",
        any::<char>()
            .prop_filter("no NUL", |c| *c != '\0')
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_shell_reads_back_exactly_the_value_and_runs_nothing_of_it(v in value()) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for shell in shells() {
            for (command, before, after) in PLACES {
                let rendered = line(command, &v);
                let (printed, empty) = run_in(shell, dir.path(), &rendered);
                prop_assert!(empty, "{shell} ran part of {v:?} in {command:?}: {rendered:?}");
                prop_assert_eq!(
                    printed,
                    format!("{before}{v}{after}"),
                    "{} read {:?} in {:?} as something else: {:?}",
                    shell,
                    v,
                    command,
                    rendered
                );
            }
        }
    }
}
