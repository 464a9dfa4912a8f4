//! Writing a checklist as YAML, readable and in the documented format: plain
//! scalars where YAML allows them, double quotes where it does not, the shorthand
//! `- Title` for items without detail, and explicit `id:` only where names
//! repeat among siblings.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::import::Outline;
use crate::slug::slugify;

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

/// The explicit ids siblings need: `None` where the derived id is already unique.
fn explicit_ids<'a>(names: impl Iterator<Item = &'a str>, kind: &str) -> Vec<Option<String>> {
    let derived: Vec<String> = names
        .enumerate()
        .map(|(i, name)| {
            let slug = slugify(name);
            if slug.is_empty() {
                format!("{kind}-{}", i + 1)
            } else {
                slug
            }
        })
        .collect();
    let mut taken: HashSet<String> = HashSet::new();
    let mut all: HashSet<String> = derived.iter().cloned().collect();
    // The next suffix to try for each repeated id: each id's suffixes are
    // tried once in all, so many repeats of one title take linear time.
    let mut next: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(derived.len());
    for id in &derived {
        if taken.insert(id.clone()) {
            out.push(None);
            continue;
        }
        let n = next.entry(id).or_insert(2);
        let fresh = loop {
            let candidate = format!("{id}-{n}");
            *n += 1;
            if !all.contains(&candidate) {
                break candidate;
            }
        };
        taken.insert(fresh.clone());
        all.insert(fresh.clone());
        out.push(Some(fresh));
    }
    out
}

/// The checklist of an outline as a YAML document.
pub fn outline_to_yaml(outline: &Outline, source: &str) -> String {
    let mut out = format!("# Imported from {source} by preflight.\n");
    let _ = writeln!(out, "title: {}", scalar(&outline.title));
    if let Some(description) = &outline.description {
        let _ = writeln!(out, "description: {}", scalar(description));
    }
    out.push_str("phases:\n");
    let phase_ids = explicit_ids(outline.phases.iter().map(|p| p.name.as_str()), "phase");
    for (phase, id) in outline.phases.iter().zip(phase_ids) {
        let _ = writeln!(out, "  - name: {}", scalar(&phase.name));
        if let Some(icon) = &phase.icon {
            let _ = writeln!(out, "    icon: \"{icon}\"");
        }
        if let Some(id) = id {
            let _ = writeln!(out, "    id: {id}");
        }
        out.push_str("    sections:\n");
        let section_ids = explicit_ids(phase.sections.iter().map(|s| s.name.as_str()), "section");
        for (section, id) in phase.sections.iter().zip(section_ids) {
            let _ = writeln!(out, "      - name: {}", scalar(&section.name));
            if let Some(id) = id {
                let _ = writeln!(out, "        id: {id}");
            }
            out.push_str("        items:\n");
            let item_ids = explicit_ids(section.items.iter().map(|i| i.title.as_str()), "item");
            for (item, id) in section.items.iter().zip(item_ids) {
                if item.detail.is_none() && id.is_none() {
                    let _ = writeln!(out, "          - {}", scalar(&item.title));
                    continue;
                }
                let _ = writeln!(out, "          - title: {}", scalar(&item.title));
                if let Some(detail) = &item.detail {
                    let _ = writeln!(out, "            detail: {}", scalar(detail));
                }
                if let Some(id) = id {
                    let _ = writeln!(out, "            id: {id}");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_plain_when_safe_and_quoted_otherwise() {
        assert_eq!(scalar("Cloud/On-premise environment"), "Cloud/On-premise environment");
        assert_eq!(scalar("(Docker/Kubernetes) deployed"), "(Docker/Kubernetes) deployed");
        for tricky in [
            "yes",
            "No",
            "null",
            "~",
            "2024",
            "-1",
            "- item",
            "a: b",
            "x #y",
            "#tag",
            "*star",
            "`code`",
            "\"q\"",
            "trailing:",
            " pad",
            "[x]",
            "{a}",
            "!tag",
            "&a",
            "|",
            ">",
            "@",
            "%",
            "?",
        ] {
            assert!(scalar(tricky).starts_with('"'), "{tricky}");
        }
        assert_eq!(scalar(r#"say "hi" \ bye"#), r#"say "hi" \ bye"#);
        assert_eq!(scalar(r#""hi" \ bye"#), r#""\"hi\" \\ bye""#);
    }

    #[test]
    fn ids_are_added_only_where_siblings_collide() {
        let ids = explicit_ids(
            ["Backup", "Rollback", "backup!", "Backup 2", "🚀", "Item 5"].into_iter(),
            "item",
        );
        assert_eq!(
            ids,
            [None, None, Some("backup-3".into()), None, None, Some("item-5-2".into())]
        );
        let ids = explicit_ids(["日本", "Item 1"].into_iter(), "item");
        assert_eq!(ids, [None, Some("item-1-2".into())]);
    }
}
