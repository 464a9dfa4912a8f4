//! A JSON Schema of the checklist format, for editors: with the YAML language
//! server, a checklist that names it gets completion and checking as you type.
//!
//! Built from the fields the loader's own structs accept (see `fields.rs`), so
//! that a field the loader refuses (`itmes`) is refused by the schema too, and
//! a field it gains without a description here shows as `null` (a test fails).

use serde_json::{Map, Value, json};

use super::paths::Kind;

fn described(fields: &[&str], describe: impl Fn(&str) -> Value) -> Value {
    let properties: Map<String, Value> = fields.iter().map(|f| ((*f).to_owned(), describe(f))).collect();
    Value::Object(properties)
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn line(description: &str) -> Value {
    json!({ "type": "string", "pattern": "\\S", "description": description })
}

fn numbered(description: &str) -> Value {
    json!({ "type": "boolean", "description": description })
}

fn id() -> Value {
    json!({ "$ref": "#/$defs/id" })
}

fn list_of(definition: &str, description: &str) -> Value {
    json!({ "type": "array", "minItems": 1, "items": { "$ref": format!("#/$defs/{definition}") }, "description": description })
}

/// The schema, as pretty JSON with a final newline.
pub fn json_schema() -> String {
    let checklist = described(Kind::Checklist.fields(), |f| match f {
        "title" => line("The checklist's name, one line."),
        "description" => text("What a reader is told under the title: Markdown (paragraphs, lists, code)."),
        "params" => json!({
            "type": "array",
            "items": { "$ref": "#/$defs/param" },
            "description": "Values a run is started with (`--set NAME=VALUE`), used in texts and commands as `{{name}}`."
        }),
        "phases" => list_of("phase", "The phases, in order; at least one."),
        _ => Value::Null,
    });
    let param = described(Kind::Param.fields(), |f| match f {
        "name" => json!({
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$",
            "description": "How texts name it: `{{name}}`; lowercase letters, digits and `_`."
        }),
        "description" => text("What the value is, shown when the view asks for it."),
        "secret" => json!({
            "type": "boolean",
            "description": "A password or token: never written to the run log or shown; given in PREFLIGHT_PARAM_<NAME> or asked in the view, for that session only."
        }),
        "default" => text("The value when a run gives none; without it, a run must."),
        _ => Value::Null,
    });
    let phase = described(Kind::Phase.fields(), |f| match f {
        "name" => line("The phase's name, one line."),
        "icon" => text("An emoji or short symbol shown before the name."),
        "gate" => {
            json!({ "type": "boolean", "description": "Opens only when every earlier phase is complete; changes in it before then need --force." })
        }
        "approvals" => json!({
            "type": "integer",
            "minimum": 1,
            "maximum": super::context::MAX_APPROVALS,
            "description": "Opens only once this many different people approved it (`preflight approve`, `a` in the view), none of whom recorded a change in an earlier phase."
        }),
        "id" => id(),
        "description" => text("What a reader is told before its sections: Markdown (paragraphs, lists, code)."),
        "sections" => list_of("section", "The sections, in order; at least one."),
        _ => Value::Null,
    });
    let section = described(Kind::Section.fields(), |f| match f {
        "name" => line("The section's name, one line."),
        "id" => id(),
        "numbered" => numbered("Its items are numbered steps: export writes them as `1.`, `2.`."),
        "description" => text("What a reader is told before its items: Markdown (paragraphs, lists, code)."),
        "items" => list_of("item", "The items, in order; at least one: a title, or a mapping."),
        _ => Value::Null,
    });
    let item = described(Kind::Item.fields(), |f| match f {
        "title" => line("What must be true, one line of Markdown inline text."),
        "detail" => text("How, or in what sense: Markdown (paragraphs, lists, code), shown under the title."),
        "command" => text(
            "How to do it: a shell command (`sh -c`), run only through `!` or `preflight exec`; `{{param}}` goes in as one quoted word.",
        ),
        "verify" => text(
            "How to prove it: a shell command that exits 0 when it holds, run only through `v` or `preflight verify`.",
        ),
        "numbered" => numbered("Its sub-items are numbered steps: export writes them as `1.`, `2.`."),
        "items" => list_of(
            "item",
            "Sub-items, each a box of its own, shown indented under this item (up to four levels).",
        ),
        "id" => id(),
        _ => Value::Null,
    });
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "preflight checklist",
        "description": "A checklist for preflight: phases > sections > items.",
        "type": "object",
        "additionalProperties": false,
        "required": ["title", "phases"],
        "properties": checklist,
        "$defs": {
            "id": {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "description": "Lowercase ASCII letters and digits joined by single dashes. Without it, the id is derived from the name or title."
            },
            "param": { "type": "object", "additionalProperties": false, "required": ["name"], "properties": param },
            "phase": { "type": "object", "additionalProperties": false, "required": ["name", "sections"], "properties": phase },
            "section": { "type": "object", "additionalProperties": false, "required": ["name", "items"], "properties": section },
            "item": {
                "oneOf": [
                    { "type": "string", "pattern": "\\S", "description": "Shorthand: the item's title." },
                    { "type": "object", "additionalProperties": false, "required": ["title"], "properties": item }
                ]
            }
        }
    });
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
