//! Placeholders declared, missing, escaped; values as text and as shell words.

use super::*;

fn values(pairs: &[(&str, &str)]) -> Values {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn placeholders_must_name_declared_parameters() {
    let declared = |name: &str| name == "version" || name == "env";
    assert_eq!(check("Tag {{version}} on {{ env }}", &declared), Ok(()));
    assert_eq!(
        check("Tag {{version}} for {{team}}", &declared),
        Err(TemplateError::Undeclared {
            name: "team".into(),
            offset: 20
        })
    );
    assert_eq!(
        check("Deploy to {{ env", &declared),
        Err(TemplateError::Unclosed { offset: 10 })
    );
    assert_eq!(
        check("one brace {{env}", &declared),
        Err(TemplateError::Unclosed { offset: 10 })
    );
    assert_eq!(
        check("open {{ and more", &declared),
        Ok(()),
        "words after a name: another template language"
    );
    assert_eq!(check(r"literal \{{not a param}}", &declared), Ok(()));
    assert_eq!(check("no braces at all", &declared), Ok(()));
}

/// Braces of another template language are no placeholder: `check` with no
/// parameter declared refuses only a text that names `{{version}}`.
fn not_a_placeholder(text: &str) {
    assert_eq!(check(text, &|_| false).is_ok(), !text.contains("{{version}}"), "{text}");
}

crate::cases! { braces_that_cannot_be_a_placeholder_stay_text, not_a_placeholder:
    a_helm_value_in_code = ("image `{{ .Values.image.tag }}` set"),
    a_helm_include = ("{{ include \"chart.labels\" . }}"),
    a_capitalised_name = ("{{Version}} stays"),
    a_helm_condition_beside_a_placeholder = ("{{- if .Values.x }} and {{version}}"),
}

#[test]
fn braces_of_another_language_render_as_they_are() {
    let v = values(&[("version", "2.3.0")]);
    assert_eq!(
        render("{{- if .Values.x }} v{{version}}", &v),
        "{{- if .Values.x }} v2.3.0"
    );
    assert_eq!(render("{{ .Values.image }}", &v), "{{ .Values.image }}");
}

#[test]
fn values_go_in_as_text_and_an_escape_writes_braces() {
    let v = values(&[("version", "2.3.0")]);
    assert_eq!(render("Tag {{version}}", &v), "Tag 2.3.0");
    assert_eq!(
        render(r"Write \{{version}} literally", &v),
        "Write {{version}} literally"
    );
    assert_eq!(
        render("Deploy to {{env}}", &v),
        "Deploy to {{env}}",
        "no value: shown as is"
    );
    assert!(matches!(render("plain", &v), Cow::Borrowed(_)));
}

/// An escaped text is a template without placeholders that renders as the text.
fn escapes_to_itself(literal: &str) {
    let template = escape(literal);
    assert_eq!(check(&template, &|_| false), Ok(()), "{literal}");
    let v = values(&[("version", "2.3.0")]);
    assert_eq!(render(&template, &v), literal, "escape then render gives the text back");
}

crate::cases! { an_escaped_text_renders_back_as_itself, escapes_to_itself:
    a_helm_value = ("{{ .Values.image }}"),
    an_escape_already = (r"a \{{ b"),
    four_braces = ("{{{{"),
    plain = ("plain"),
}

#[test]
fn in_a_command_a_value_is_one_quoted_word_whatever_it_holds() {
    let v = values(&[("version", "1; rm -rf ~"), ("msg", "it's $(id) `x`")]);
    assert_eq!(
        render_shell("git tag v{{version}} -m {{msg}}", &v).unwrap(),
        r"git tag v'1; rm -rf ~' -m 'it'\''s $(id) `x`'"
    );
    assert_eq!(shell_quote(""), "''");
}

#[test]
fn names_and_environment() {
    assert!(is_param_name("version") && is_param_name("build_2"));
    assert_eq!(env_name("build_2"), "PREFLIGHT_PARAM_BUILD_2");
}

fn not_a_name(bad: &str) {
    assert!(!is_param_name(bad), "{bad}");
}

crate::cases! { a_parameter_name_is_lower_case_letters_digits_and_underscores, not_a_name:
    empty = (""),
    capitalised = ("Version"),
    a_digit_first = ("2x"),
    a_dash = ("a-b"),
    a_space = ("a b"),
    a_letter_beyond_ascii = ("é"),
}

mod shell;

mod any_text {
    use proptest::prelude::*;

    use super::super::*;

    fn text() -> impl Strategy<Value = String> {
        let pieces = [
            "{{", "}}", "}", "{", "\\", "version", "env", " ", ".", "é", "日", "a", "-", "_",
        ];
        prop::collection::vec(prop::sample::select(pieces.to_vec()), 0..16).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn escaped_text_renders_back_as_itself_and_nothing_panics(text in text()) {
            let values: Values = [("version".to_owned(), "2.3.0".to_owned())].into_iter().collect();
            let _ = check(&text, &|n| n == "version");
            let _ = render(&text, &values);
            let _ = render_shell(&text, &values);
            let _ = check_command(&text);
            let template = escape(&text);
            prop_assert_eq!(check(&template, &|_| false), Ok(()));
            let shown = render(&template, &values).into_owned();
            prop_assert_eq!(shown, text.clone());
        }
    }
}
