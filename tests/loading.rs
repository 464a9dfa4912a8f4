//! What a valid checklist file becomes: shorthand items, cleaned text, ids, and
//! scale.

use std::fmt::Write as _;

use preflight::format::parse;

const HEAD: &str = "title: Deploy\nphases:\n  - name: Ship\n    sections:\n      - name: Checks\n        items:\n";

fn items_of(yaml_items: &str) -> Vec<(String, String, Option<String>)> {
    let list = parse(&format!("{HEAD}{yaml_items}"), "t.yaml").unwrap_or_else(|e| panic!("{e}"));
    list.items()
        .iter()
        .map(|i| (i.id.to_string(), i.title.clone(), i.detail.clone()))
        .collect()
}

#[test]
fn a_plain_string_is_an_item_title() {
    let items =
        items_of("          - Redis/Cache layer configured\n          - title: Backups\n            detail: tested\n");
    assert_eq!(
        items,
        [
            (
                "ship/checks/redis-cache-layer-configured".into(),
                "Redis/Cache layer configured".into(),
                None
            ),
            ("ship/checks/backups".into(), "Backups".into(), Some("tested".into())),
        ]
    );
}

#[test]
fn explicit_ids_replace_derived_ones_at_every_level() {
    let yaml = "title: T\nphases:\n  - name: Pre-Deployment\n    id: pre\n    sections:\n      - name: Infrastructure\n        id: infra\n        items:\n          - title: Cloud/On-premise environment\n            id: cloud-env\n";
    let list = parse(yaml, "t.yaml").unwrap();
    assert_eq!(list.items()[0].id.as_str(), "pre/infra/cloud-env");
}

#[test]
fn scalars_that_look_like_numbers_or_booleans_stay_text() {
    let items =
        items_of("          - 2024\n          - yes\n          - 007\n          - 1_000\n          - title: 1.10\n");
    let titles: Vec<&str> = items.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(titles, ["2024", "yes", "007", "1_000", "1.10"]);
}

#[test]
fn hostile_text_is_cleaned_at_load() {
    let items = items_of(
        "          - title: \"\\e[2J\\e]0;pwned\\a Deploy \\u202Eevil\"\n            detail: \"line one\\nline two\\ttabbed\\x9b\"\n",
    );
    let (_, title, detail) = &items[0];
    assert_eq!(title, "[2J]0;pwned Deploy evil");
    // A detail is Markdown blocks: its line break stays, the rest is cleaned.
    assert_eq!(detail.as_deref(), Some("line one\nline two tabbed"));
    for text in [title.as_str(), detail.as_deref().unwrap()] {
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{text:?}"
        );
    }
}

#[test]
fn names_description_and_icons_are_trimmed_and_cleaned() {
    let yaml = "title: \"  Deploy\\u2066 \"\ndescription: |\n  First line\n  second line\nphases:\n  - name: \" Ship \"\n    icon: \" 🚀 \"\n    sections:\n      - name: Checks\n        items: [a]\n";
    let list = parse(yaml, "t.yaml").unwrap();
    assert_eq!(list.title, "Deploy");
    assert_eq!(list.description.as_deref(), Some("First line\nsecond line"));
    assert_eq!(list.phases()[0].name, "Ship");
    assert_eq!(list.phases()[0].icon.as_deref(), Some("🚀"));
}

#[test]
fn a_byte_order_mark_and_comments_are_fine() {
    let yaml = format!("\u{feff}# deploy checklist\n{HEAD}          - a # trailing comment\n");
    let list = parse(&yaml, "t.yaml").unwrap();
    assert_eq!(list.items()[0].title, "a");
}

#[test]
fn a_generated_checklist_of_100_000_items_loads() {
    let mut yaml = String::from("title: Large\nphases:\n");
    for p in 0..10 {
        let _ = write!(yaml, "  - name: Phase {p}\n    sections:\n");
        for s in 0..100 {
            let _ = write!(yaml, "      - name: Section {s}\n        items:\n");
            for i in 0..100 {
                let _ = write!(
                    yaml,
                    "          - title: Check {p}.{s}.{i}\n            detail: with **detail** and `code`\n"
                );
            }
        }
    }
    let list = parse(&yaml, "large.yaml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(list.items().len(), 100_000);
    assert_eq!(list.sections().len(), 1_000);
    assert_eq!(list.items()[99_999].id.as_str(), "phase-9/section-99/check-9-99-99");
    assert_eq!(list.index_of("phase-5/section-50/check-5-50-50"), Some(55_050));
}

#[test]
fn errors_carry_line_column_and_hint_for_callers() {
    let err = parse("title: T\nphases:\n  - name: P\n    sectons: []\n", "t.yaml").unwrap_err();
    let position = err.position().unwrap();
    assert_eq!((position.line, position.column), (4, 5));
    assert_eq!(err.message(), "unknown field `sectons` in phases[0]");
    assert!(err.hint().unwrap().starts_with("did you mean `sections`?"));
}

#[test]
fn sub_items_nest_below_their_item_with_ids_through_the_parent() {
    let items = "          - title: Integration tests\n            numbered: true\n            items:\n              - Stripe sandbox\n              - title: PayPal sandbox\n                items:\n                  - Refunds\n          - Load test\n";
    let list = parse(&format!("{HEAD}{items}"), "t.yaml").unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<(&str, usize, Option<usize>, usize)> = list
        .items()
        .iter()
        .map(|i| (i.id.as_str(), i.depth, i.parent, i.descendants))
        .collect();
    assert_eq!(
        got,
        [
            ("ship/checks/integration-tests", 0, None, 3),
            ("ship/checks/integration-tests/stripe-sandbox", 1, Some(0), 0),
            ("ship/checks/integration-tests/paypal-sandbox", 1, Some(0), 1),
            ("ship/checks/integration-tests/paypal-sandbox/refunds", 2, Some(2), 0),
            ("ship/checks/load-test", 0, None, 0),
        ]
    );
    assert!(list.items()[0].numbered && !list.items()[2].numbered);
    assert_eq!(list.children_of(0).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(
        list.top_level(list.sections()[0].items.clone()).collect::<Vec<_>>(),
        [0, 4]
    );
    assert_eq!(list.ancestors(3).collect::<Vec<_>>(), [3, 2, 0]);
    assert_eq!(list.sections()[0].items, 0..5, "a section's range holds every box");
}

#[test]
fn an_empty_list_of_sub_items_is_no_sub_items() {
    let items = "          - title: Alone\n            items: []\n";
    let list = parse(&format!("{HEAD}{items}"), "t.yaml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(list.items().len(), 1);
    assert!(!list.items()[0].has_sub_items());
}

#[test]
fn a_runbook_declares_params_gates_phases_and_gives_items_commands() {
    let yaml = r#"title: Release {{version}}
params:
  - name: version
    description: The release being deployed
  - name: env
    default: staging
phases:
  - name: Prepare
    sections:
      - name: Checks
        items: [CI is green]
  - name: Deploy
    gate: true
    sections:
      - name: Release
        items:
          - title: Tag {{version}}
            detail: signed, \{{ literal braces }}
            command: |
              git tag -s v{{version}} \
                -m "v{{version}}"
            verify: curl -fsS https://{{env}}.example.com/health
"#;
    let list = parse(yaml, "r.yaml").unwrap_or_else(|e| panic!("{e}"));
    let params: Vec<(&str, Option<&str>)> = list
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.default.as_deref()))
        .collect();
    assert_eq!(params, [("version", None), ("env", Some("staging"))]);
    assert_eq!(
        list.params[0].description.as_deref(),
        Some("The release being deployed")
    );
    assert!(!list.phases()[0].gate && list.phases()[1].gate);
    let tag = &list.items()[1];
    assert_eq!(
        tag.id.as_str(),
        "deploy/release/tag-version",
        "ids come from the written title"
    );
    assert_eq!(
        tag.command.as_deref(),
        Some("git tag -s v{{version}} \\\n  -m \"v{{version}}\""),
        "a command keeps its lines"
    );
    assert_eq!(
        tag.verify.as_deref(),
        Some("curl -fsS https://{{env}}.example.com/health")
    );
    assert_eq!(list.items()[0].command, None);
}

#[test]
fn a_runbook_written_as_yaml_loads_back_the_same() {
    let yaml = "title: R\nparams:\n  - name: version\n    default: \"1.0\"\nphases:\n  - name: A\n    sections:\n      - name: S\n        items: [one]\n  - name: B\n    gate: true\n    sections:\n      - name: S\n        items:\n          - title: Tag {{version}}\n            command: |\n              echo a\n                echo 'b'\n            verify: test -f x\n";
    let list = parse(yaml, "r.yaml").unwrap();
    let again = parse(&preflight::format::checklist_to_yaml(&list, "again"), "again.yaml").unwrap();
    assert_eq!(again.params, list.params);
    assert!(again.phases()[1].gate);
    assert_eq!(again.items()[1].command, list.items()[1].command);
    assert_eq!(again.items()[1].command.as_deref(), Some("echo a\n  echo 'b'"));
    assert_eq!(again.items()[1].verify, list.items()[1].verify);
}

#[test]
fn braces_of_other_template_languages_load_as_text_without_params() {
    let items = items_of("          - \"Chart sets `{{ .Values.image.tag }}` and {{ include \\\"labels\\\" . }}\"\n");
    assert_eq!(
        items[0].1,
        "Chart sets `{{ .Values.image.tag }}` and {{ include \"labels\" . }}"
    );
}
