//! Fitting in: the JSON Schema, starter checklists and the shipped templates.

mod common;

use std::collections::BTreeSet;

use common::Sandbox;
use preflight::bundled;
use preflight::format;
use serde_json::Value;

const SCHEMA_LINE: &str = "# yaml-language-server: $schema=./checklist.schema.json\n";

#[test]
fn the_schema_copy_in_checklists_is_what_preflight_schema_prints() {
    let copy =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/checklists/checklist.schema.json")).unwrap();
    assert_eq!(
        copy,
        Sandbox::new().ok(&["schema"]),
        "run `preflight schema > checklists/checklist.schema.json`"
    );
}

#[test]
fn the_schema_accepts_exactly_the_fields_the_loader_accepts() {
    let schema: Value = serde_json::from_str(&format::json_schema()).unwrap();
    let defs = &schema["$defs"];
    let objects = [
        ("checklist", &schema),
        ("param", &defs["param"]),
        ("phase", &defs["phase"]),
        ("section", &defs["section"]),
        ("item", &defs["item"]["oneOf"][1]),
    ];
    for ((kind, object), (loader_kind, loader_fields)) in objects.iter().zip(format::fields()) {
        assert_eq!(*kind, loader_kind);
        assert_eq!(
            object["additionalProperties"], false,
            "{kind}: a typo'd field is invalid"
        );
        let in_schema: BTreeSet<&str> = object["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let in_loader: BTreeSet<&str> = loader_fields.iter().copied().collect();
        assert_eq!(in_schema, in_loader, "{kind}");
        for (field, described) in object["properties"].as_object().unwrap() {
            assert!(
                described.is_object(),
                "{kind}.{field}: a field the loader accepts has no description in the schema"
            );
        }
    }
    assert_eq!(schema["required"], serde_json::json!(["title", "phases"]));
    assert_eq!(defs["phase"]["required"], serde_json::json!(["name", "sections"]));
    assert_eq!(defs["section"]["required"], serde_json::json!(["name", "items"]));
    assert_eq!(defs["item"]["oneOf"][1]["required"], serde_json::json!(["title"]));
}

#[test]
fn every_shipped_checklist_names_the_schema_and_loads() {
    assert_eq!(bundled::ALL.len(), 4);
    for template in bundled::ALL {
        assert!(template.source.starts_with(SCHEMA_LINE), "{}", template.file_name);
        let checklist = template.load().unwrap_or_else(|e| panic!("{e}"));
        assert!(
            checklist.items().len() >= 25,
            "{}: practical, not filler",
            template.file_name
        );
        assert!(
            checklist.items().iter().all(|i| i.detail.is_some()),
            "{}: every item explains itself",
            template.file_name
        );
        let on_disk = std::fs::read_to_string(format!(
            "{}/checklists/{}",
            env!("CARGO_MANIFEST_DIR"),
            template.file_name
        ))
        .unwrap();
        assert_eq!(on_disk, template.source);
    }
}

#[test]
fn templates_lists_the_shipped_checklists() {
    let out = Sandbox::new().ok(&["templates"]);
    let names: Vec<&str> = out.lines().map(|l| l.split_whitespace().next().unwrap()).collect();
    assert_eq!(
        names,
        [
            "production-deployment",
            "software-release",
            "incident-response",
            "service-release"
        ]
    );
    assert!(out.contains("Incident Response Checklist (5 phases"), "{out}");
}

#[test]
fn new_writes_a_starter_that_validates_and_never_overwrites() {
    let sandbox = Sandbox::new();
    let ran = sandbox.run(&["new", "mine.yaml"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(
        sandbox.ok(&["validate", "mine.yaml"]),
        "mine.yaml: 2 phases, 2 sections, 4 items\n"
    );
    std::fs::write(sandbox.path("mine.yaml"), "my own work\n").unwrap();
    let ran = sandbox.run(&["new", "mine.yaml", "--from", "incident-response"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("exists already"), "{}", ran.stderr);
    assert_eq!(
        std::fs::read_to_string(sandbox.path("mine.yaml")).unwrap(),
        "my own work\n"
    );
}

#[test]
fn new_from_a_template_copies_it() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["new", "release.yaml", "--from", "software-release"]);
    assert_eq!(
        std::fs::read_to_string(sandbox.path("release.yaml")).unwrap(),
        bundled::SOFTWARE_RELEASE.source
    );
    let ran = sandbox.run(&["new", "x.yaml", "--from", "nope"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("no template `nope`") && ran.stderr.contains("software-release"),
        "{}",
        ran.stderr
    );
    assert!(!sandbox.path("x.yaml").exists());
}

#[test]
fn validate_takes_a_bundled_checklist_by_name_as_every_command_does() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["validate", "production-deployment", "incident-response.yaml"]);
    assert_eq!(
        out,
        "production-deployment.yaml (bundled): 6 phases, 17 sections, 132 items\nincident-response.yaml (bundled): 5 phases, 9 sections, 27 items\n"
    );
}
