//! Items with sub-items: folding them with keys and clicks, going up to the
//! parent, and ticking an item with its sub-items at once.

use super::*;

const NESTED: &str = "title: Pay
phases:
  - name: Verify
    sections:
      - name: Tests
        items:
          - title: Integration tests
            items:
              - Stripe sandbox
              - title: PayPal sandbox
                items: [Refunds]
          - Smoke test
";

fn nested() -> App {
    let checklist = parse(NESTED, "pay.yaml").unwrap();
    let state = RunState::new(&checklist);
    let mut app = App::new(checklist, state, "default".into(), "me".into(), true);
    update(&mut app, resize(80, 24));
    app
}

#[test]
fn h_and_l_fold_an_item_with_sub_items_and_h_on_a_sub_item_goes_to_its_item() {
    let mut app = nested();
    acts(&mut app, [Action::Down, Action::Down]);
    assert_eq!(selected(&app), "I Integration tests");
    act(&mut app, Action::Collapse);
    assert_eq!(
        rows(&app),
        ["P Verify", "S Tests", "I Integration tests", "I Smoke test"]
    );
    act(&mut app, Action::Expand);
    assert_eq!(rows(&app).len(), 7);
    act(&mut app, Action::Expand);
    assert_eq!(
        selected(&app),
        "I Stripe sandbox",
        "an open item's l goes to its first sub-item"
    );
    acts(&mut app, [Action::Down, Action::Down]);
    assert_eq!(selected(&app), "I Refunds");
    act(&mut app, Action::Collapse);
    assert_eq!(selected(&app), "I PayPal sandbox", "a leaf's h goes to its item");
}

#[test]
fn a_click_on_the_arrow_folds_and_a_click_on_the_box_ticks() {
    let mut app = nested();
    let rows_area = app.areas().unwrap().tree_rows.unwrap();
    // Row 4 is PayPal sandbox, a sub-item: box at column 6, arrow at 10.
    let row = rows_area.y + 4;
    act(
        &mut app,
        Action::Click {
            column: rows_area.x + 10,
            row,
        },
    );
    assert_eq!(selected(&app), "I PayPal sandbox");
    assert!(!rows(&app).contains(&"I Refunds".to_owned()), "{:?}", rows(&app));
    act(
        &mut app,
        Action::Click {
            column: rows_area.x + 7,
            row,
        },
    );
    assert_eq!(status(&app, "PayPal sandbox"), Status::Done);
}

#[test]
fn t_on_an_item_ticks_it_and_its_open_sub_items_after_asking() {
    let mut app = nested();
    acts(&mut app, [Action::Down, Action::Down]);
    act(&mut app, Action::TickAll);
    assert!(matches!(app.mode(), Mode::Confirm(_)), "{:?}", app.mode());
    act(&mut app, Action::Yes);
    for title in ["Integration tests", "Stripe sandbox", "PayPal sandbox", "Refunds"] {
        assert_eq!(status(&app, title), Status::Done, "{title}");
    }
    assert_eq!(status(&app, "Smoke test"), Status::Todo);
}
