//! Unit tests of the id rules and the flat tree.

use super::*;

fn one_section() -> ChecklistBuilder {
    let mut b = ChecklistBuilder::new("T".into(), None);
    b.phase(None, "Pre-Deployment".into(), None).unwrap();
    b.section(None, "Infrastructure Setup".into()).unwrap();
    b
}

#[test]
fn item_ids_are_paths_of_slugs() {
    let mut b = one_section();
    b.item(None, "Cloud/On-premise environment".into(), None).unwrap();
    let list = b.finish();
    assert_eq!(
        list.items()[0].id.as_str(),
        "pre-deployment/infrastructure-setup/cloud-on-premise-environment"
    );
    assert_eq!(
        list.index_of("pre-deployment/infrastructure-setup/cloud-on-premise-environment"),
        Some(0)
    );
    assert_eq!(list.index_of("cloud-on-premise-environment"), None);
}

#[test]
fn names_without_letters_or_digits_fall_back_to_their_position() {
    let mut b = ChecklistBuilder::new("T".into(), None);
    b.phase(None, "🚀".into(), None).unwrap();
    b.section(None, "A".into()).unwrap();
    b.section(None, "—".into()).unwrap();
    b.item(None, "x".into(), None).unwrap();
    b.item(None, "日本".into(), None).unwrap();
    b.item(None, "!!!".into(), None).unwrap();
    let list = b.finish();
    assert_eq!(list.phases()[0].id, "phase-1");
    assert_eq!(list.sections()[1].id, "section-2");
    let ids: Vec<_> = list.items().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "phase-1/section-2/x",
            "phase-1/section-2/item-2",
            "phase-1/section-2/item-3"
        ]
    );
}

#[test]
fn explicit_ids_must_be_slugs() {
    let mut b = one_section();
    assert_eq!(
        b.item(Some("code/tag"), "Tag".into(), None),
        Err(IdError::Invalid {
            id: "code/tag".into(),
            suggestion: "code-tag".into()
        })
    );
    assert!(b.item(Some("code-tag"), "Tag".into(), None).is_ok());
}

#[test]
fn sibling_ids_must_be_unique_explicit_or_derived() {
    let mut b = one_section();
    b.item(None, "Backups verified".into(), None).unwrap();
    b.item(None, "Rollback".into(), None).unwrap();
    assert_eq!(
        b.item(None, "Backups, verified!".into(), None),
        Err(IdError::Duplicate {
            id: "backups-verified".into(),
            earlier: 0
        })
    );
    assert_eq!(
        b.item(Some("rollback"), "Other".into(), None),
        Err(IdError::Duplicate {
            id: "rollback".into(),
            earlier: 1
        })
    );
    assert!(
        b.item(Some("backups-verified-2"), "Backups verified".into(), None)
            .is_ok()
    );
}

#[test]
fn the_same_id_is_fine_under_different_parents() {
    let mut b = one_section();
    b.item(None, "Rollback plan".into(), None).unwrap();
    b.section(None, "Communication".into()).unwrap();
    b.item(None, "Rollback plan".into(), None).unwrap();
    assert_eq!(
        b.section(None, "communication".into()),
        Err(IdError::Duplicate {
            id: "communication".into(),
            earlier: 1
        })
    );
    b.phase(None, "Go-Live".into(), None).unwrap();
    b.section(None, "Communication".into()).unwrap();
    b.item(None, "Rollback plan".into(), None).unwrap();
    assert_eq!(
        b.phase(None, "go live".into(), None),
        Err(IdError::Duplicate {
            id: "go-live".into(),
            earlier: 1
        })
    );
    let list = b.finish();
    assert_eq!(list.items().len(), 3);
    assert_eq!(list.items()[2].id.as_str(), "go-live/communication/rollback-plan");
}

#[test]
fn ranges_tie_the_flat_tree_together() {
    let mut b = one_section();
    b.item(None, "a".into(), None).unwrap();
    b.item(None, "b".into(), None).unwrap();
    b.section(None, "Second".into()).unwrap();
    b.item(None, "c".into(), Some("detail".into())).unwrap();
    let list = b.finish();
    let phase = &list.phases()[0];
    assert_eq!(list.sections_of(phase).len(), 2);
    assert_eq!(list.item_range_of(phase), 0..3);
    let second = &list.sections()[1];
    let titles: Vec<_> = list.items()[second.items.clone()]
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(titles, ["c"]);
    assert_eq!(list.items()[2].section, 1);
    assert_eq!(list.items()[2].detail.as_deref(), Some("detail"));
}
