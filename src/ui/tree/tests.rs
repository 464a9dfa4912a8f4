//! Visible rows, narrowing search and the cursor's anchor.

use super::*;
use crate::format::parse;

fn checklist() -> Checklist {
    parse(
        "title: T\nphases:\n  - name: A\n    sections:\n      - name: One\n        items: [alpha, beta, gamma]\n      - name: Two\n        items: [alphabet, delta]\n",
        "t.yaml",
    )
    .unwrap()
}

#[test]
fn narrowing_a_search_gives_what_a_fresh_search_gives() {
    let list = checklist();
    let index = SearchIndex::new(&list);
    let mut typed = Search::default();
    for query in ["a", "al", "alp", "alph", "alpha", "alphab"] {
        typed.update(&index, query);
        let mut fresh = Search::default();
        fresh.update(&index, query);
        assert_eq!(typed.matches, fresh.matches, "{query}");
    }
    assert_eq!(typed.matches, [3]);
    typed.update(&index, "ta");
    assert_eq!(
        typed.matches,
        [1, 4],
        "a query that is not an extension scans everything"
    );
}

#[test]
fn a_search_hides_sections_without_matches_and_ignores_collapse() {
    let list = checklist();
    let state = RunState::new(&list);
    let mut tree = Tree::new(&list, &state);
    tree.set_collapsed(&list, &state, Row::Phase(0), true);
    assert_eq!(tree.rows(), [Row::Phase(0)]);
    let mut search = Search::default();
    search.update(&SearchIndex::new(&list), "delta");
    tree.search = Some(search);
    tree.rebuild(&list, &state);
    assert_eq!(tree.rows(), [Row::Phase(0), Row::Section(1), Row::Item(4)]);
}

#[test]
fn the_cursor_keeps_its_row_or_takes_the_next_one() {
    let list = checklist();
    let state = RunState::new(&list);
    let mut tree = Tree::new(&list, &state);
    assert!(tree.select(Row::Item(3)));
    tree.set_collapsed(&list, &state, Row::Section(0), true);
    assert_eq!(tree.selected(), Some(Row::Item(3)));
    tree.set_collapsed(&list, &state, Row::Section(1), true);
    assert_eq!(
        tree.selected(),
        Some(Row::Section(1)),
        "its item hidden, the cursor lands on what holds it"
    );
}

#[test]
fn find_from_cursor_wraps_in_both_directions() {
    let list = checklist();
    let state = RunState::new(&list);
    let tree = Tree::new(&list, &state);
    let item = |row: Row| matches!(row, Row::Item(_));
    assert_eq!(tree.find_from_cursor(true, item), Some(2));
    assert_eq!(tree.find_from_cursor(false, item), Some(tree.rows().len() - 1));
}
