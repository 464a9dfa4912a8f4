//! Writing a checklist as YAML, readable and in the documented format: plain
//! scalars where YAML allows them, double quotes where it does not, the shorthand
//! `- Title` for items without detail, sub-items nested under their item, and
//! an explicit `id:` only where the id is not the one loading derives.

use std::fmt::Write as _;
use std::ops::Range;

use crate::checklist::{Checklist, derived_id};

/// Words YAML 1.1 readers take for booleans or null.
const RESERVED: &[&str] = &["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"];

fn needs_quotes(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return true };
    let last = text.chars().next_back().unwrap_or(first);
    "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || first.is_whitespace()
        || last.is_whitespace()
        || last == ':'
        || first.is_ascii_digit()
        || first == '+'
        || first == '.'
        || text.contains(": ")
        || text.contains(" #")
        || text.chars().any(|c| c.is_control() || c == '\u{feff}')
        || RESERVED.contains(&text.to_lowercase().as_str())
}

/// A scalar as YAML: plain when that reads back as the same string, else quoted.
pub fn scalar(text: &str) -> String {
    if !needs_quotes(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `key: value` at `indent`: a text of several lines as a literal
/// block (`|-`), its lines as they are, so that a detail's list or a command
/// reads in the file as it reads on screen; one line as a [`scalar`].
fn field(out: &mut String, indent: &str, key: &str, text: &str) {
    let literal = text.contains('\n')
        && !text.starts_with([' ', '\n'])
        && text
            .lines()
            .all(|l| l.trim_end() == l && !l.chars().any(|c| c.is_control() || c == '\u{feff}'));
    if !literal {
        let _ = writeln!(out, "{indent}{key}: {}", scalar(text));
        return;
    }
    let _ = writeln!(out, "{indent}{key}: |-");
    for line in text.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}  {line}");
        }
    }
}

/// The `id:` line a node needs: none when loading derives the same id.
fn id_line(out: &mut String, indent: &str, id: &str, name: &str, kind: &str, position: usize) {
    if id != derived_id(name, kind, position) {
        let _ = writeln!(out, "{indent}id: {id}");
    }
}

/// Writes the items of `range` at one level, and their sub-items below them.
fn items(out: &mut String, checklist: &Checklist, range: Range<usize>, indent: &str) {
    for (position, index) in checklist.top_level(range).enumerate() {
        let item = &checklist.items()[index];
        let needs_id = item.own_id() != derived_id(&item.title, "item", position + 1);
        let actions = item.command.is_some() || item.verify.is_some();
        if item.detail.is_none() && !needs_id && !item.has_sub_items() && !actions {
            let _ = writeln!(out, "{indent}- {}", scalar(&item.title));
            continue;
        }
        let _ = writeln!(out, "{indent}- title: {}", scalar(&item.title));
        let inner = format!("{indent}  ");
        if let Some(detail) = &item.detail {
            field(out, &inner, "detail", detail);
        }
        id_line(out, &inner, item.own_id(), &item.title, "item", position + 1);
        for (key, text) in [("command", &item.command), ("verify", &item.verify)] {
            if let Some(text) = text {
                field(out, &inner, key, text);
            }
        }
        if item.has_sub_items() {
            if item.numbered {
                let _ = writeln!(out, "{inner}numbered: true");
            }
            let _ = writeln!(out, "{inner}items:");
            let sub = checklist.subtree(index);
            items(out, checklist, sub.start + 1..sub.end, &format!("{inner}  "));
        }
    }
}

/// A checklist as a YAML document that loads back into the same checklist:
/// the same names, texts, nesting and ids. `origin` says where it came from,
/// in a comment at the top.
pub fn checklist_to_yaml(checklist: &Checklist, origin: &str) -> String {
    let mut out = format!("# {origin}\n");
    let _ = writeln!(out, "title: {}", scalar(&checklist.title));
    if let Some(description) = &checklist.description {
        field(&mut out, "", "description", description);
    }
    if !checklist.params.is_empty() {
        out.push_str("params:\n");
        for param in &checklist.params {
            let _ = writeln!(out, "  - name: {}", param.name);
            if let Some(description) = &param.description {
                let _ = writeln!(out, "    description: {}", scalar(description));
            }
            if let Some(default) = &param.default {
                let _ = writeln!(out, "    default: {}", scalar(default));
            }
            if param.secret {
                out.push_str("    secret: true\n");
            }
        }
    }
    out.push_str("phases:\n");
    for (p, phase) in checklist.phases().iter().enumerate() {
        let _ = writeln!(out, "  - name: {}", scalar(&phase.name));
        if phase.gate {
            out.push_str("    gate: true\n");
        }
        if phase.approvals > 0 {
            let _ = writeln!(out, "    approvals: {}", phase.approvals);
        }
        if let Some(icon) = &phase.icon {
            let _ = writeln!(out, "    icon: {}", scalar(icon));
        }
        id_line(&mut out, "    ", &phase.id, &phase.name, "phase", p + 1);
        if let Some(description) = &phase.description {
            field(&mut out, "    ", "description", description);
        }
        out.push_str("    sections:\n");
        for (s, section) in checklist.sections_of(phase).iter().enumerate() {
            let _ = writeln!(out, "      - name: {}", scalar(&section.name));
            id_line(&mut out, "        ", &section.id, &section.name, "section", s + 1);
            if section.numbered {
                out.push_str("        numbered: true\n");
            }
            if let Some(description) = &section.description {
                field(&mut out, "        ", "description", description);
            }
            out.push_str("        items:\n");
            items(&mut out, checklist, section.items.clone(), "          ");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::ChecklistBuilder;

    #[test]
    fn scalars_are_plain_when_safe_and_quoted_otherwise() {
        assert_eq!(scalar("Cloud/On-premise environment"), "Cloud/On-premise environment");
        assert_eq!(scalar("(Docker/Kubernetes) deployed"), "(Docker/Kubernetes) deployed");
        assert_eq!(scalar(r#"say "hi" \ bye"#), r#"say "hi" \ bye"#);
        assert_eq!(scalar(r#""hi" \ bye"#), r#""\"hi\" \\ bye""#);
    }

    /// One test per text that YAML would read as something else, or not at
    /// all, unless it is quoted.
    macro_rules! quoted {
        ($($case:ident: $text:literal,)*) => {
            $(
                #[test]
                fn $case() {
                    assert!(scalar($text).starts_with('"'), "{}", $text);
                }
            )*
        };
    }

    mod a_scalar_is_quoted {
        use super::scalar;

        quoted! {
            yes_a_boolean: "yes",
            no_capitalised_a_boolean: "No",
            null: "null",
            tilde_null: "~",
            a_number: "2024",
            a_negative_number: "-1",
            a_list_entry: "- item",
            a_mapping: "a: b",
            a_comment_after_a_space: "x #y",
            a_comment: "#tag",
            an_alias: "*star",
            a_backquote: "`code`",
            double_quotes: "\"q\"",
            a_trailing_colon: "trailing:",
            leading_space: " pad",
            a_flow_list: "[x]",
            a_flow_mapping: "{a}",
            a_tag: "!tag",
            an_anchor: "&a",
            a_literal_block: "|",
            a_folded_block: ">",
            a_reserved_at: "@",
            a_directive: "%",
            a_complex_key: "?",
        }
    }

    #[test]
    fn ids_are_written_only_where_loading_would_derive_another() {
        let mut b = ChecklistBuilder::new("T".into(), None).deduplicating();
        b.phase(None, "P".into(), Some("🚀".into())).unwrap();
        b.section(None, "S".into()).unwrap();
        for title in ["Backup", "Rollback", "backup!", "Backup 2", "🚀", "Item 5"] {
            b.item(None, title.into(), None).unwrap();
        }
        b.open_sub_items();
        b.numbered();
        b.item(None, "Child".into(), Some("with **detail**".into())).unwrap();
        b.item(None, "child".into(), None).unwrap();
        b.close_sub_items();
        let checklist = b.finish();
        let yaml = checklist_to_yaml(&checklist, "test");
        let ids: Vec<&str> = yaml.lines().filter_map(|l| l.trim().strip_prefix("id: ")).collect();
        assert_eq!(ids, ["backup-2", "backup-2-2", "item-5-2", "child-2"], "{yaml}");
        let back = crate::format::parse(&yaml, "t.yaml").unwrap();
        let all = |c: &Checklist| -> Vec<(String, String, usize, bool)> {
            c.items()
                .iter()
                .map(|i| (i.id.to_string(), i.title.clone(), i.depth, i.numbered))
                .collect()
        };
        assert_eq!(all(&back), all(&checklist));
        assert_eq!(back.items()[6].detail.as_deref(), Some("with **detail**"));
        assert_eq!(back.items()[5].id.as_str(), "p/s/item-5-2");
        assert_eq!(back.items()[7].id.as_str(), "p/s/item-5-2/child-2");
    }

    #[test]
    fn blocks_of_several_lines_are_written_as_literal_blocks_and_read_back() {
        let mut b = ChecklistBuilder::new("T".into(), Some("Intro:\n\n- one\n- two".into()));
        b.phase(None, "P".into(), None).unwrap();
        b.phase_description(Some("Read **first**.\n\n```sh\nmake\n```".into()));
        b.section(None, "S".into()).unwrap();
        b.section_description(Some("#not a comment: yes".into()));
        b.item(None, "Step".into(), Some("Criteria:\n\n  - indented".into()))
            .unwrap();
        b.actions(Some("set -e\nmake deploy".into()), None);
        let checklist = b.finish();
        let yaml = checklist_to_yaml(&checklist, "test");
        assert!(
            yaml.contains("  detail: |-\n              Criteria:\n\n                - indented\n"),
            "{yaml}"
        );
        let back = crate::format::parse(&yaml, "t.yaml").unwrap();
        assert_eq!(back.description, checklist.description);
        assert_eq!(back.phases()[0].description, checklist.phases()[0].description);
        assert_eq!(back.sections()[0].description.as_deref(), Some("#not a comment: yes"));
        assert_eq!(back.items()[0].detail, checklist.items()[0].detail);
        assert_eq!(back.items()[0].command, checklist.items()[0].command);
    }
}
