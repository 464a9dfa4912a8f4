//! The bundled Production Deployment checklist is the seed, complete and faithful.

use preflight::bundled::PRODUCTION_DEPLOYMENT;
use preflight::checklist::Checklist;

fn bundled() -> Checklist {
    PRODUCTION_DEPLOYMENT.load().expect("the bundled checklist loads")
}

#[test]
fn has_six_phases_seventeen_sections_and_132_items() {
    let list = bundled();
    assert_eq!(list.title, "Production Deployment Checklist");
    assert_eq!(list.description.as_deref(), Some("Phase 4"));
    assert_eq!(list.phases().len(), 6);
    assert_eq!(list.sections().len(), 17);
    assert_eq!(list.items().len(), 132);
}

#[test]
fn phases_are_named_as_in_the_completion_status_with_repaired_icons() {
    let list = bundled();
    let phases: Vec<(&str, Option<&str>, usize, usize)> = list
        .phases()
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.icon.as_deref(),
                list.sections_of(p).len(),
                list.item_range_of(p).len(),
            )
        })
        .collect();
    assert_eq!(
        phases,
        [
            ("Pre-Deployment", Some("🚀"), 3, 26),
            ("Deployment", Some("🔧"), 3, 20),
            ("Post-Deployment", Some("📊"), 3, 24),
            ("Go-Live", Some("🔄"), 3, 24),
            ("Post-Launch", Some("📈"), 3, 24),
            ("Emergency Procedures", Some("🚨"), 2, 14),
        ]
    );
}

#[test]
fn sections_follow_the_seed_in_order() {
    let list = bundled();
    let names: Vec<&str> = list.sections().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Infrastructure Setup",
            "Security Configuration",
            "Application Configuration",
            "Containerization",
            "CI/CD Pipeline",
            "Database Migration",
            "Monitoring & Alerting",
            "Testing & Validation",
            "Documentation & Training",
            "Final Validation",
            "Communication",
            "Launch",
            "First 24 Hours",
            "First Week",
            "First Month",
            "Rollback Plan",
            "Incident Response",
        ]
    );
}

#[test]
fn first_and_last_items_split_bold_title_from_detail() {
    let list = bundled();
    let first = &list.items()[0];
    assert_eq!(
        first.id.as_str(),
        "pre-deployment/infrastructure-setup/cloud-on-premise-environment"
    );
    assert_eq!(first.title, "Cloud/On-premise environment");
    assert_eq!(first.detail.as_deref(), Some("configured and tested"));
    let final_item = list.items().last().unwrap();
    assert_eq!(
        final_item.id.as_str(),
        "emergency-procedures/incident-response/lessons-learned"
    );
    assert_eq!(final_item.title, "Lessons learned");
    assert_eq!(final_item.detail.as_deref(), Some("process established"));
}

#[test]
fn items_keep_the_seeds_punctuation() {
    let list = bundled();
    let find = |title: &str| list.items().iter().find(|i| i.title == title).unwrap();
    assert_eq!(
        find("Container orchestration").detail.as_deref(),
        Some("(Docker/Kubernetes) deployed")
    );
    assert_eq!(
        find("RBAC").detail.as_deref(),
        Some("(Role-Based Access Control) implemented")
    );
    assert_eq!(
        find("Alert routing").detail.as_deref(),
        Some("configured (Slack/Email/PagerDuty)")
    );
    assert_eq!(find("Stakeholders notified").detail.as_deref(), Some("of go-live"));
}

#[test]
fn every_item_has_a_detail_and_a_unique_id() {
    let list = bundled();
    let mut ids: Vec<&str> = list.items().iter().map(|i| i.id.as_str()).collect();
    assert!(list.items().iter().all(|i| i.detail.is_some()));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 132);
}

#[test]
fn the_shipped_file_is_the_embedded_one() {
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/checklists/production-deployment.yaml"
    ))
    .unwrap();
    assert_eq!(on_disk, PRODUCTION_DEPLOYMENT.source);
}
