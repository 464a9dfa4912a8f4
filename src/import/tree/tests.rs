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
    let (blocks, _) = read(
        "See [release blockers] and [the guide][g] and [g][].\n\n[release blockers]: https://example.com/b\n[g]: https://example.com/g \"Guide\"\n",
    );
    assert_eq!(
        paragraphs(&blocks),
        [
            "See [release blockers](https://example.com/b) and [the guide](https://example.com/g \"Guide\") and [g](https://example.com/g \"Guide\")."
        ]
    );
}

#[test]
fn a_tight_task_item_holds_its_text_then_its_blocks() {
    let (blocks, _) = read("- [x] Disable it:\n  ```sh\n  feature off\n  ```\n  - criteria one\n");
    let Block::List(list) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    let item = &list.items[0];
    assert_eq!(item.task, Some(true));
    assert!(matches!(&item.blocks[0], Block::Paragraph { text, .. } if text == "Disable it:"));
    assert!(matches!(&item.blocks[1], Block::Code { info, body, .. } if info == "sh" && body == "feature off\n"));
    assert!(matches!(&item.blocks[2], Block::List(l) if l.markdown == "- criteria one"));
}

#[test]
fn quoted_lines_lose_their_marks_and_comments_are_told_apart() {
    let (blocks, _) = read("> Read this\n> first.\n\n<!-- hidden -->\n\n<details>shown</details>\n");
    let Block::Quote { blocks: inner } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(paragraphs(inner), ["Read this\nfirst."]);
    assert!(matches!(blocks[1], Block::Comment { line: 4 }));
    assert!(matches!(&blocks[2], Block::Other { markdown } if markdown == "shown"));
}

#[test]
fn an_unclosed_comment_hides_the_rest_as_github_does() {
    let (blocks, _) = read("Intro\n\n<!-- start\n- [ ] not a task\n");
    assert_eq!(blocks.len(), 2, "{blocks:?}");
    assert!(matches!(blocks[1], Block::Comment { .. }));
}

#[test]
fn a_box_in_a_loose_list_is_read_as_in_a_tight_one() {
    let (blocks, _) = read("- [x] Disable it:\n\n  ```sh\n  off\n  ```\n- [ ] Next\n");
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
