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
fn a_search_finds_the_words_a_detail_shows_its_code_included_and_not_its_markup() {
    let list = parse(
        "title: T\nphases:\n  - name: A\n    sections:\n      - name: S\n        items:\n          - title: Back up\n            detail: |\n              Roll**back** first:\n\n              ```sh\n              pg_dump -Fc api\n              ```\n          - title: Plain\n            detail: just words\n",
        "t.yaml",
    )
    .unwrap();
    let index = SearchIndex::new(&list);
    let found = |query: &str| {
        let mut search = Search::default();
        search.update(&index, query);
        search.matches
    };
    assert_eq!(found("pg_dump -fc"), [0], "a word in the code");
    assert_eq!(found("rollback first"), [0], "a word split by markup");
    assert_eq!(found("just words"), [1], "plain words");
    assert_eq!(found("**"), Vec::<usize>::new(), "markup is not text");
    assert_eq!(found("```"), Vec::<usize>::new());
}

#[test]
fn a_search_hides_sections_without_matches_and_ignores_collapse() {
    let list = checklist();
    let state = RunState::new(&list);
    let mut tree = Tree::new(&list, &state);
    tree.set_collapsed(&list, &state, Row::Phase(0), true);
    assert_eq!(tree.rows(), [Row::Phase(0)]);
    tree.search_for(&list, &state, &SearchIndex::new(&list), "delta");
    assert_eq!(tree.rows(), [Row::Phase(0), Row::Section(1), Row::Item(4)]);
    tree.clear_search(&list, &state);
    assert_eq!(tree.rows(), [Row::Phase(0)], "the fold is back");
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

fn long_checklist() -> Checklist {
    let items: Vec<String> = (0..40).map(|n| format!("step {n}")).collect();
    let more: Vec<String> = (0..20).map(|n| format!("later {n}")).collect();
    parse(
        &format!(
            "title: T\nphases:\n  - name: A\n    sections:\n      - name: One\n        items: [{}]\n  - name: B\n    sections:\n      - name: Two\n        items: [{}]\n",
            items.join(", "),
            more.join(", ")
        ),
        "t.yaml",
    )
    .unwrap()
}

#[test]
fn the_cursor_keeps_three_rows_of_context_towards_where_it_goes() {
    let list = long_checklist();
    let state = RunState::new(&list);
    let mut tree = Tree::new(&list, &state);
    for _ in 0..12 {
        tree.move_by(1);
        tree.scroll_into_view(10);
    }
    assert_eq!(
        (tree.cursor(), tree.offset()),
        (12, 6),
        "three rows below the cursor stay in view"
    );
    for _ in 0..6 {
        tree.move_by(-1);
        tree.scroll_into_view(10);
    }
    assert_eq!((tree.cursor(), tree.offset()), (6, 3), "and three above when going up");
    tree.move_to(0);
    tree.scroll_into_view(10);
    assert_eq!(tree.offset(), 0, "no margin above the first row");
}

#[test]
fn a_row_put_at_the_top_stays_there_while_the_cursor_moves_down() {
    let list = long_checklist();
    let state = RunState::new(&list);
    let mut tree = Tree::new(&list, &state);
    assert!(tree.select(Row::Phase(1)));
    tree.scroll_to_top(10);
    tree.scroll_into_view(10);
    assert_eq!(tree.rows()[tree.offset()], Row::Phase(1), "the phase heads the window");
    for _ in 0..5 {
        tree.move_by(1);
        tree.scroll_into_view(10);
    }
    assert_eq!(
        tree.rows()[tree.offset()],
        Row::Phase(1),
        "and stays while the cursor goes down"
    );
    for _ in 0..2 {
        tree.move_by(1);
        tree.scroll_into_view(10);
    }
    assert_ne!(
        tree.rows()[tree.offset()],
        Row::Phase(1),
        "until the margin below is reached"
    );
}

/// The checklist with `beta` done.
fn beta_done() -> (Checklist, RunState) {
    let list = checklist();
    let mut state = RunState::new(&list);
    let done = crate::run::Event::on_item(
        crate::run::Stamp::new(crate::timestamp::Timestamp::parse("2026-11-29T10:00:00Z").unwrap(), "a"),
        "a/one/beta",
        crate::run::Change::Status(crate::checklist::Status::Done),
    );
    state.apply(&list, &done);
    (list, state)
}

/// What `filter` hides when one item of five is done.
fn hides(filter: Filter, hidden: usize) {
    let (list, state) = beta_done();
    let mut tree = Tree::new(&list, &state);
    tree.set_filter(&list, &state, filter);
    assert_eq!(tree.hidden(), hidden, "{filter:?}");
}

preflight_core::cases! {
    the_filter_counts_what_it_hides, hides:
    open = (Filter::Open, 1),
    done = (Filter::Done, 4),
    skipped = (Filter::Skipped, 5),
    all = (Filter::All, 0),
}

#[test]
fn reveal_unfolds_a_folded_section() {
    let (list, state) = beta_done();
    let mut tree = Tree::new(&list, &state);
    tree.set_collapsed(&list, &state, Row::Section(1), true);
    assert!(!tree.rows().contains(&Row::Item(4)));
    assert!(tree.reveal(&list, &state, 4));
    assert_eq!(tree.selected(), Some(Row::Item(4)));
}

fn nested() -> Checklist {
    parse(
        "title: T\nphases:\n  - name: A\n    sections:\n      - name: One\n        items:\n          - title: parent\n            items:\n              - child\n              - title: middle\n                items: [grandchild]\n          - after\n",
        "t.yaml",
    )
    .unwrap()
}

#[test]
fn an_item_with_sub_items_folds_them_away_and_reveal_unfolds_it() {
    let list = nested();
    let state = RunState::new(&list);
    let mut tree = Tree::new(&list, &state);
    let items = |tree: &Tree| -> Vec<usize> {
        tree.rows()
            .iter()
            .filter_map(|r| match r {
                Row::Item(i) => Some(*i),
                _ => None,
            })
            .collect()
    };
    assert_eq!(items(&tree), [0, 1, 2, 3, 4]);
    tree.set_collapsed(&list, &state, Row::Item(0), true);
    assert_eq!(items(&tree), [0, 4], "the whole subtree folds");
    assert_eq!(tree.folded(), [Row::Item(0)]);
    tree.set_collapsed(&list, &state, Row::Item(1), true);
    assert!(!tree.is_collapsed(Row::Item(1)), "a leaf has nothing to fold");
    assert!(tree.reveal(&list, &state, 3));
    assert_eq!(items(&tree), [0, 1, 2, 3, 4]);
    assert_eq!(tree.selected(), Some(Row::Item(3)));
    assert_eq!(Tree::parent(&list, Row::Item(3)), Some(Row::Item(2)));
    assert_eq!(Tree::parent(&list, Row::Item(0)), Some(Row::Section(0)));
}

#[test]
fn a_filter_shows_the_items_a_match_nests_in_as_its_context() {
    let list = nested();
    let events: Vec<crate::run::Event> = ["a/one/parent", "a/one/parent/middle", "a/one/after"]
        .iter()
        .map(|id| {
            crate::run::Event::on_item(
                crate::run::Stamp::new(
                    crate::timestamp::Timestamp::parse("2026-11-29T10:00:00Z").unwrap(),
                    "alice",
                ),
                *id,
                crate::run::Change::Status(crate::checklist::Status::Done),
            )
        })
        .collect();
    let state = RunState::replay(&list, &events);
    let mut tree = Tree::new(&list, &state);
    tree.set_filter(&list, &state, Filter::Open);
    let items: Vec<Row> = tree
        .rows()
        .iter()
        .copied()
        .filter(|r| matches!(r, Row::Item(_)))
        .collect();
    assert_eq!(
        items,
        [Row::Item(0), Row::Item(1), Row::Item(2), Row::Item(3)],
        "done parents stay as the context of their open sub-items"
    );
    assert_eq!(tree.hidden(), 1, "only `after` is out of sight");
}
