//! Small checklists for the core's own tests, built without any file format
//! (reading YAML is the `preflight` crate's, which the core cannot use).

use super::{Checklist, ChecklistBuilder};

/// A checklist of the given phases, `(name, gated, item titles)`, each with one
/// section `S`: the ids are those a YAML file of the same names derives.
pub(crate) fn phases(spec: &[(&str, bool, &[&str])]) -> Checklist {
    let mut b = ChecklistBuilder::new("T".into(), None);
    for (name, gated, titles) in spec {
        b.phase(None, (*name).into(), None).unwrap();
        if *gated {
            b.gate();
        }
        b.section(None, "S".into()).unwrap();
        for title in *titles {
            b.item(None, (*title).into(), None).unwrap();
        }
    }
    b.finish()
}

/// The checklist of [`phases`], with the last phase needing `approvals`.
pub(crate) fn approved(spec: &[(&str, bool, &[&str])], approvals: usize) -> Checklist {
    let mut b = ChecklistBuilder::new("T".into(), None);
    for (n, (name, gated, titles)) in spec.iter().enumerate() {
        b.phase(None, (*name).into(), None).unwrap();
        if *gated {
            b.gate();
        }
        if n + 1 == spec.len() {
            b.approvals(approvals);
        }
        b.section(None, "S".into()).unwrap();
        for title in *titles {
            b.item(None, (*title).into(), None).unwrap();
        }
    }
    b.finish()
}
