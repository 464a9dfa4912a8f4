//! Each Markdown block as the lines a pane shows, at a width.

use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr as _;

use super::plain::is_plain;
use super::*;

const THEME: Theme = Theme::COLOR;

fn texts(lines: &[Line<'_>]) -> Vec<String> {
    lines.iter().map(ToString::to_string).collect()
}

fn shown(markdown: &str, width: usize) -> Vec<String> {
    let texts = texts(&blocks(markdown, width, &THEME));
    for text in &texts {
        assert!(text.width() <= width, "{text:?} is wider than {width}");
    }
    texts
}

/// The style of the span holding `text` in the lines.
fn style_of(lines: &[Line<'_>], text: &str) -> Style {
    lines
        .iter()
        .flat_map(|l| &l.spans)
        .find(|s| s.content.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not shown"))
        .style
}

#[test]
fn paragraphs_wrap_to_the_width_with_a_blank_line_between() {
    let text = "Roll back when the error rate\nstays above 1% for five minutes.\n\nThen tell the channel.";
    assert_eq!(
        shown(text, 24),
        [
            "Roll back when the error",
            "rate stays above 1% for",
            "five minutes.",
            "",
            "Then tell the channel.",
        ]
    );
}

#[test]
fn a_hard_break_starts_a_new_line() {
    assert_eq!(shown("first\\\nsecond  \nthird", 40), ["first", "second", "third"]);
}

#[test]
fn inline_styles_carry_into_wrapped_paragraphs() {
    let lines = blocks("Run `make check` and **then** [ship](https://x.example)", 30, &THEME);
    assert_eq!(style_of(&lines, "make check"), THEME.code);
    assert!(style_of(&lines, "then").add_modifier.contains(Modifier::BOLD));
    assert_eq!(style_of(&lines, "ship"), THEME.link);
    assert_eq!(texts(&lines), ["Run make check and then ship", "(https://x.example)"]);
}

#[test]
fn bullet_lists_hang_their_text_and_nested_lists_go_further_in() {
    let text = "Criteria:\n\n- the error rate is below one percent\n  - for five minutes\n  - on every region\n- latency is normal\n\nAfter.";
    assert_eq!(
        shown(text, 24),
        [
            "Criteria:",
            "",
            "• the error rate is",
            "  below one percent",
            "  • for five minutes",
            "  • on every region",
            "• latency is normal",
            "",
            "After.",
        ]
    );
}

#[test]
fn a_loose_list_keeps_blank_lines_between_its_items() {
    assert_eq!(
        shown("- one\n\n  more on one\n\n- two", 40),
        ["• one", "", "  more on one", "", "• two"]
    );
}

#[test]
fn numbered_lists_show_their_numbers_from_where_they_start() {
    assert_eq!(
        shown(
            "3. drain the node\n4. upgrade it and wait for it\n   1. then uncordon",
            20
        ),
        [
            "3. drain the node",
            "4. upgrade it and",
            "   wait for it",
            "   1. then uncordon",
        ]
    );
}

#[test]
fn task_markers_are_text_not_boxes_to_tick() {
    assert_eq!(
        shown("- [ ] backups taken\n- [x] traffic drained", 40),
        ["• [ ] backups taken", "• [x] traffic drained"]
    );
}

#[test]
fn code_blocks_are_verbatim_with_their_info_dim_above() {
    let text = "Run:\n\n```sh\nkubectl rollout undo deploy/api\n  --to-revision=3\n\ndone\n```\n\nThen check.";
    let lines = blocks(text, 40, &THEME);
    assert_eq!(
        texts(&lines),
        [
            "Run:",
            "",
            "sh",
            "kubectl rollout undo deploy/api",
            "  --to-revision=3",
            "",
            "done",
            "",
            "Then check.",
        ]
    );
    assert_eq!(style_of(&lines, "sh"), THEME.dim);
    assert_eq!(style_of(&lines, "kubectl"), THEME.code);
    assert_eq!(
        shown("    indented code\n    kept  as  is", 40),
        ["indented code", "kept  as  is"]
    );
}

#[test]
fn a_code_line_wider_than_the_pane_is_cut_not_wrapped() {
    let text = "```\npg_upgrade --old-datadir /var/lib/postgresql/14/main --link\necho done\n```";
    assert_eq!(shown(text, 30), ["pg_upgrade --old-datadir /var…", "echo done"]);
}

#[test]
fn code_in_a_list_item_stays_under_its_text() {
    let text = "- restart:\n  ```sh\n  systemctl restart api\n  ```\n- check";
    assert_eq!(
        shown(text, 40),
        ["• restart:", "  sh", "  systemctl restart api", "• check"]
    );
}

#[test]
fn quotes_have_a_gutter_even_on_their_blank_lines() {
    let text = "Before.\n\n> Never skip this on a Friday,\n> whatever the release.\n>\n> - really\n\nAfter.";
    assert_eq!(
        shown(text, 24),
        [
            "Before.",
            "",
            "│ Never skip this on a",
            "│ Friday, whatever the",
            "│ release.",
            "│",
            "│ • really",
            "",
            "After.",
        ]
    );
}

#[test]
fn headings_are_bold_and_rules_span_the_width() {
    let lines = blocks("## Rollback\n\ntext\n\n---\n\nmore", 10, &THEME);
    assert_eq!(texts(&lines), ["Rollback", "", "text", "", "──────────", "", "more"]);
    assert!(style_of(&lines, "Rollback").add_modifier.contains(Modifier::BOLD));
}

#[test]
fn tables_show_their_rows_lined_up_with_bars_between_cells() {
    let text = "| Region | Owner |\n|---|---|\n| eu-west-1 | alice |\n| us | bob |";
    let lines = blocks(text, 40, &THEME);
    assert_eq!(
        texts(&lines),
        [
            "Region    │ Owner",
            "──────────┼──────",
            "eu-west-1 │ alice",
            "us        │ bob",
        ]
    );
    assert!(style_of(&lines, "Region").add_modifier.contains(Modifier::BOLD));
    // Too wide to line up: each row wraps as text.
    assert_eq!(
        shown(text, 12),
        ["Region │", "Owner", "eu-west-1 │", "alice", "us │ bob"]
    );
}

#[test]
fn html_blocks_show_their_visible_text_and_comments_go() {
    let text = "<!-- for editors only -->\n\nStart.\n\n<details>\n<summary>More</summary>\nHidden <b>text</b>\n</details>\n\nEnd <!-- inline --> here.";
    assert_eq!(shown(text, 40), ["Start.", "", "More Hidden text", "", "End  here."]);
}

#[test]
fn wide_characters_are_measured_by_their_columns() {
    let lines = shown("- 日本語のテキストを確認する", 12);
    assert_eq!(lines, ["• 日本語のテ", "  キストを確", "  認する"]);
    assert_eq!(shown("🚀 launch 🚀🚀🚀", 8), ["🚀", "launch", "🚀🚀🚀"]);
}

#[test]
fn long_words_never_overflow() {
    let url = "https://grafana.example.com/d/api-latency?orgId=1&from=now-1h";
    for width in [10, 17, 40] {
        let lines = shown(&format!("See {url} now"), width);
        assert_eq!(lines.concat().replace(' ', ""), format!("See{url}now"), "{width}");
    }
}

#[test]
fn visible_text_is_the_words_a_reader_sees() {
    let text = "Roll**back** the `deploy`:\n\n```sh\nkubectl rollout undo\n```\n\n<!-- secret note -->\n\n- [x] done";
    let visible = visible_text(text);
    assert_eq!(
        visible,
        "Rollback the deploy:\n\nsh\nkubectl rollout undo\n\n• [x] done"
    );
    assert!(!visible.contains("secret"));
}

fn taken_as_it_is(text: &str) {
    assert!(is_plain(text), "{text}");
    assert_eq!(render_plain(text), text);
}

fn not_plain(text: &str) {
    assert!(!is_plain(text), "{text}");
}

preflight_core::cases! {
    plain_text_is_taken_as_it_is_and_reads_as_rendered, taken_as_it_is:
    punctuation_and_brackets = ("Check the well-known endpoints, then wait: 5 minutes (or 10)!"),
    japanese_and_an_emoji = ("日本語のテキスト 🚀"),
    quotes_and_symbols = ("a.b=c; d/e, \"quoted\" 'single' $HOME ^ {x} @ %"),
}

preflight_core::cases! {
    markdown_is_not_plain, not_plain:
    a_list_item = ("- x"),
    a_numbered_item = ("1. x"),
    a_heading = ("# x"),
    two_lines = ("a\nb"),
    emphasis = ("a*b*"),
    an_entity = ("x &amp; y"),
    indented_code = ("    code"),
    a_table_bar = ("a | b"),
}

/// What `visible_text` gives when it renders.
fn render_plain(markdown: &str) -> String {
    texts(&render(markdown, None, &THEME)).join("\n")
}

#[test]
fn what_entities_decode_to_is_not_passed_on() {
    assert_eq!(shown("a&#x202e;b &#x1b;[31m", 20), ["ab [31m"]);
}
