//! Texts of several Markdown blocks (a description, a long detail) written
//! into an export so that they show as written and can never pass for the
//! export's own structure: outside code blocks, a line that would be a task
//! box (`- [x] …`) has its bracket escaped, so GitHub shows no tick that no
//! item backs, and a line that would be a heading has its `#` escaped, so it
//! reads back as text and not as a phase.

/// Whether `line` opens or closes a fence, and with what.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    let c = trimmed.chars().next().filter(|&c| c == '`' || c == '~')?;
    let n = trimmed.chars().take_while(|&x| x == c).count();
    (n >= 3 && line.len() - trimmed.len() < 4).then_some((c, n))
}

/// Where a list item's box would start in `line` (after its marker), if it
/// has one.
fn box_at(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(['.', ')']) {
            return None;
        }
        digits + 1
    };
    let after = &rest[marker..];
    let spaces = after.len() - after.trim_start().len();
    let boxed = ["[ ]", "[x]", "[X]"].iter().any(|b| after.trim_start().starts_with(b));
    (spaces > 0 && boxed).then_some(indent + marker + spaces)
}

/// `text` with every line after `indent`, made safe as described above.
pub(super) fn safe(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        if !line.is_empty() {
            out.push_str(indent);
        }
        match (fence, fence_of(line)) {
            (Some((c, n)), Some((d, m))) if c == d && m >= n && line.trim().chars().all(|x| x == c) => {
                fence = None;
                out.push_str(line);
            }
            (Some(_), _) => out.push_str(line),
            (None, Some(opened)) => {
                fence = Some(opened);
                out.push_str(line);
            }
            (None, None) => {
                let heading = line.trim_start().starts_with('#') && line.len() - line.trim_start().len() < 4;
                if let Some(at) = box_at(line) {
                    out.push_str(&line[..at]);
                    out.push('\\');
                    out.push_str(&line[at..]);
                } else if heading {
                    let at = line.len() - line.trim_start().len();
                    out.push_str(&line[..at]);
                    out.push('\\');
                    out.push_str(&line[at..]);
                } else {
                    out.push_str(line);
                }
            }
        }
        out.push('\n');
    }
    out
}

/// Whether the last block of `text` is a list: what follows it in the same
/// list item (sub-items) would otherwise continue that list.
pub(super) fn ends_in_list(text: &str) -> bool {
    text.lines().last().is_some_and(|last| {
        let rest = last.trim_start();
        rest.starts_with(['-', '*', '+']) && rest[1..].starts_with(' ')
            || rest.split_once(['.', ')']).is_some_and(|(n, after)| {
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && after.starts_with(' ')
            })
    })
}

#[cfg(test)]
mod tests {
    use super::{ends_in_list, safe};

    #[test]
    fn boxes_and_headings_are_escaped_outside_code_only() {
        let text =
            "Done:\n\n- [x] shipped\n  1. [ ] nested\n## Not a phase\n\n```md\n- [x] in code\n# in code\n```\n- plain";
        assert_eq!(
            safe(text, "  "),
            "  Done:\n\n  - \\[x] shipped\n    1. \\[ ] nested\n  \\## Not a phase\n\n  ```md\n  - [x] in code\n  # in code\n  ```\n  - plain\n"
        );
    }

    #[test]
    fn a_text_ending_in_a_list_is_told() {
        assert!(ends_in_list("Criteria:\n\n- one\n- two"));
        assert!(ends_in_list("1. one"));
        assert!(!ends_in_list("- one\n\nThen this."));
        assert!(!ends_in_list("-1 degrees"));
    }
}
