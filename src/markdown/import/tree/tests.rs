use super::{Block, read};

fn paragraphs(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn reference_links_are_written_out_as_the_links_they_resolve_to() {
    let blocks = read(
        "See [release blockers] and [the guide][g] and [g][].\n\n[release blockers]: https://example.com/b\n[g]: https://example.com/g \"Guide\"\n",
    ).blocks;
    assert_eq!(
        paragraphs(&blocks),
        [
            "See [release blockers](https://example.com/b) and [the guide](https://example.com/g \"Guide\") and [g](https://example.com/g \"Guide\")."
        ]
    );
}

#[test]
fn a_tight_task_item_holds_its_text_then_its_blocks() {
    let blocks = read("- [x] Disable it:\n  ```sh\n  feature off\n  ```\n  - criteria one\n").blocks;
    let Block::List(list) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    let item = &list.items[0];
    assert_eq!(item.task, Some(true));
    assert!(matches!(&item.blocks[0], Block::Paragraph { text, .. } if text == "Disable it:"));
    assert!(matches!(&item.blocks[1], Block::Code { info, body, .. } if info == "sh" && body == "feature off\n"));
    let Block::List(criteria) = &item.blocks[2] else {
        panic!("{item:?}")
    };
    assert_eq!(
        read_doc_markdown(
            "- [x] Disable it:\n  ```sh\n  feature off\n  ```\n  - criteria one\n",
            &criteria.range
        ),
        "- criteria one"
    );
}

#[test]
fn quoted_lines_lose_their_marks_and_comments_are_told_apart() {
    let blocks = read("> Read this\n> first.\n\n<!-- hidden -->\n\n<details>shown</details>\n").blocks;
    let Block::Quote { blocks: inner } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(paragraphs(inner), ["Read this\nfirst."]);
    assert!(matches!(blocks[1], Block::Comment { line: 4 }));
    assert!(matches!(&blocks[2], Block::Other { markdown } if markdown == "shown"));
}

#[test]
fn an_unclosed_comment_hides_the_rest_as_github_does() {
    let blocks = read("Intro\n\n<!-- start\n- [ ] not a task\n").blocks;
    assert_eq!(blocks.len(), 2, "{blocks:?}");
    assert!(matches!(blocks[1], Block::Comment { .. }));
}

#[test]
fn a_box_in_a_loose_list_is_read_as_in_a_tight_one() {
    let blocks = read("- [x] Disable it:\n\n  ```sh\n  off\n  ```\n- [ ] Next\n").blocks;
    let Block::List(list) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(list.items[0].task, Some(true));
    assert!(
        matches!(&list.items[0].blocks[0], Block::Paragraph { text, .. } if text == "Disable it:"),
        "{:?}",
        list.items[0]
    );
    assert_eq!(list.items[1].task, Some(false));
}

fn read_doc_markdown(markdown: &str, range: &std::ops::Range<usize>) -> String {
    read(markdown).doc.markdown(range)
}

#[test]
fn quotes_nested_past_the_limit_keep_their_text_and_cost_no_deep_stack() {
    let markdown = format!("{}deep words\n", "> ".repeat(100_000));
    let read = read(&markdown);
    let mut depth = 0;
    let mut blocks = &read.blocks;
    while let Some(Block::Quote { blocks: inner }) = blocks.first() {
        depth += 1;
        blocks = inner;
    }
    assert_eq!(depth, super::reader::MAX_NESTING);
    assert!(matches!(&blocks[0], Block::Paragraph { text, .. } if text.ends_with("deep words")));
}
