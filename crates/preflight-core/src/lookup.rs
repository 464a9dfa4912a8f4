//! Finding an item from what a person types: its full id, or any unique suffix of
//! it at a `/` boundary (`infrastructure-setup/cloud-env`, `cloud-env`). When that
//! fails, the closest ids are offered instead.

use crate::checklist::Checklist;

/// Why a typed item could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// No id ends with it; `closest` are the likeliest meant, best first.
    Unknown { query: String, closest: Vec<String> },
    /// Several ids end with it; `matches` lists them.
    Ambiguous { query: String, matches: Vec<String> },
}

/// How many candidates an error offers.
const OFFERED: usize = 5;

fn is_suffix_at_boundary(id: &str, query: &str) -> bool {
    id == query || id.strip_suffix(query).is_some_and(|head| head.ends_with('/'))
}

/// Resolves `query` to the index of one item.
pub fn find(checklist: &Checklist, query: &str) -> Result<usize, LookupError> {
    let query = query.trim().trim_matches('/');
    if let Some(index) = checklist.index_of(query) {
        return Ok(index);
    }
    let mut matches = checklist
        .items()
        .iter()
        .enumerate()
        .filter(|(_, item)| is_suffix_at_boundary(item.id.as_str(), query));
    match (matches.next(), matches.next()) {
        (Some((index, _)), None) => Ok(index),
        (Some(first), Some(second)) => Err(LookupError::Ambiguous {
            query: query.to_owned(),
            matches: [first, second]
                .into_iter()
                .chain(matches)
                .map(|(_, item)| item.id.to_string())
                .collect(),
        }),
        (None, _) => Err(LookupError::Unknown {
            query: query.to_owned(),
            closest: closest(checklist, query),
        }),
    }
}

/// Whether two words are the same but for a typo.
fn near(a: &str, b: &str) -> bool {
    let allowed = match a.len().min(b.len()) {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    strsim::levenshtein(a, b) <= allowed
}

/// The ids likeliest meant by a query that matched none: those sharing the most
/// words with it (allowing a typo per word), then the nearest by edit distance.
fn closest(checklist: &Checklist, query: &str) -> Vec<String> {
    let parts = query.split('/').count();
    let words: Vec<&str> = query.split(['-', '/']).filter(|w| !w.is_empty()).collect();
    let limit = (query.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, usize, &str)> = checklist
        .items()
        .iter()
        .filter_map(|item| {
            let id = item.id.as_str();
            let tail_start = id.rmatch_indices('/').nth(parts - 1).map_or(0, |(i, _)| i + 1);
            let tail = &id[tail_start..];
            let shared = words
                .iter()
                .filter(|w| tail.split(['-', '/']).any(|t| near(w, t)))
                .count();
            let distance = strsim::levenshtein(tail, query);
            (shared > 0 || distance <= limit).then_some((shared, distance, id))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(OFFERED)
        .map(|(_, _, id)| id.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::ChecklistBuilder;

    fn list() -> Checklist {
        let mut b = ChecklistBuilder::new("T".into(), None);
        b.phase(None, "Pre-Deployment".into(), None).unwrap();
        b.section(None, "Infrastructure Setup".into()).unwrap();
        b.item(None, "Cloud environment".into(), None).unwrap();
        b.item(None, "Rollback plan".into(), None).unwrap();
        b.section(None, "Communication".into()).unwrap();
        b.item(None, "Rollback plan".into(), None).unwrap();
        b.finish()
    }

    #[test]
    fn full_ids_and_unique_suffixes_resolve() {
        let list = list();
        assert_eq!(
            find(&list, "pre-deployment/infrastructure-setup/cloud-environment"),
            Ok(0)
        );
        assert_eq!(find(&list, "infrastructure-setup/cloud-environment"), Ok(0));
        assert_eq!(find(&list, "cloud-environment"), Ok(0));
        assert_eq!(find(&list, "communication/rollback-plan"), Ok(2));
    }

    #[test]
    fn suffixes_must_start_at_a_slash() {
        let list = list();
        assert!(matches!(find(&list, "environment"), Err(LookupError::Unknown { .. })));
        assert!(matches!(find(&list, "d-environment"), Err(LookupError::Unknown { .. })));
    }

    #[test]
    fn an_ambiguous_suffix_lists_every_match() {
        assert_eq!(
            find(&list(), "rollback-plan"),
            Err(LookupError::Ambiguous {
                query: "rollback-plan".into(),
                matches: vec![
                    "pre-deployment/infrastructure-setup/rollback-plan".into(),
                    "pre-deployment/communication/rollback-plan".into()
                ],
            })
        );
    }

    #[test]
    fn words_with_typos_find_longer_ids() {
        let Err(LookupError::Unknown { closest, .. }) = find(&list(), "rolback") else {
            panic!("expected unknown");
        };
        assert_eq!(closest.len(), 2, "{closest:?}");
        assert!(closest.iter().all(|id| id.ends_with("/rollback-plan")));
    }

    #[test]
    fn an_unknown_item_offers_the_closest_ids() {
        let Err(LookupError::Unknown { closest, .. }) = find(&list(), "cloud-enviroment") else {
            panic!("expected unknown");
        };
        assert_eq!(closest[0], "pre-deployment/infrastructure-setup/cloud-environment");
        let Err(LookupError::Unknown { closest, .. }) = find(&list(), "zzzzzzzz") else {
            panic!("expected unknown");
        };
        assert!(closest.is_empty());
    }
}
