//! Naming things in a run's checklist, and the gates before them: ITEM
//! arguments resolved (every one, or an error naming each that did not
//! resolve), phases found by id or name, and items in a closed gated phase
//! refused unless forced.

use std::fmt::Write as _;

use super::RunService;
use crate::gate;
use crate::hinted::hinted;
use crate::lookup::{self, LookupError};
use crate::text::escape_for_terminal;

impl RunService {
    /// Explains every item that could not be resolved, as one error.
    fn lookup_failure(&self, errors: &[LookupError]) -> anyhow::Error {
        let mut message = String::new();
        for (n, err) in errors.iter().enumerate() {
            if n > 0 {
                message.push_str("\nerror: ");
            }
            match err {
                LookupError::Unknown { query, closest } => {
                    let _ = write!(message, "no item `{query}` in \"{}\"", self.checklist.title);
                    if !closest.is_empty() {
                        message.push_str("\n  did you mean:");
                        for id in closest {
                            let _ = write!(message, "\n    {id}");
                        }
                    }
                }
                LookupError::Ambiguous { query, matches } => {
                    let _ = write!(
                        message,
                        "`{query}` matches {} items; name one by a longer id:",
                        matches.len()
                    );
                    for id in matches.iter().take(10) {
                        let _ = write!(message, "\n    {id}");
                    }
                    if matches.len() > 10 {
                        let _ = write!(message, "\n    … and {} more", matches.len() - 10);
                    }
                }
            }
        }
        hinted(
            message,
            "nothing was recorded; `preflight status --json` lists every item id",
        )
    }

    /// Resolves all queries, or fails naming each one that did not resolve.
    pub fn resolve(&self, queries: &[String]) -> anyhow::Result<Vec<usize>> {
        let mut found = Vec::new();
        let mut errors = Vec::new();
        for query in queries {
            match lookup::find(&self.checklist, query) {
                Ok(index) if !found.contains(&index) => found.push(index),
                Ok(_) => {}
                Err(err) => errors.push(err),
            }
        }
        if errors.is_empty() {
            Ok(found)
        } else {
            Err(self.lookup_failure(&errors))
        }
    }

    /// The items of `indexes` that stand in a closed gated phase, refused as one
    /// error unless `force`; with it, the ones whose changes are marked forced.
    pub fn past_gates(&self, indexes: &[usize], force: bool) -> anyhow::Result<Vec<usize>> {
        let tally = self.state.tally(&self.checklist);
        let closed: Vec<(usize, gate::Closed)> = indexes
            .iter()
            .filter_map(|&i| gate::item_closed(&self.checklist, &tally, self.state.approvals(), i).map(|c| (i, c)))
            .collect();
        if let Some((_, first)) = closed.first().filter(|_| !force) {
            let mut message = first.message(&self.checklist);
            for (index, _) in &closed {
                let _ = write!(message, "\n    {}", self.checklist.items()[*index].id);
            }
            let first_step = if first.approvals > 0 {
                "get the phase approved (`preflight approve`)"
            } else {
                "finish the earlier phase first"
            };
            return Err(hinted(
                message,
                format!("nothing was recorded; {first_step}, or add --force to record it anyway (marked as forced)"),
            ));
        }
        Ok(closed.into_iter().map(|(i, _)| i).collect())
    }

    /// The phase `query` names: its id, or its name in any case (`approve`).
    pub fn find_phase(&self, query: &str) -> anyhow::Result<usize> {
        let checklist = &self.checklist;
        let phases = checklist.phases();
        let slug = crate::slug::slugify(query);
        if let Some(index) = phases.iter().position(|p| {
            p.id == query || p.name.eq_ignore_ascii_case(query.trim()) || (!slug.is_empty() && p.id == slug)
        }) {
            return Ok(index);
        }
        let mut known: Vec<&str> = phases.iter().map(|p| p.id.as_str()).collect();
        known.sort_by(|a, b| strsim::jaro_winkler(query, b).total_cmp(&strsim::jaro_winkler(query, a)));
        Err(hinted(
            format!("no phase {:?} in \"{}\"", escape_for_terminal(query), checklist.title),
            format!("name a phase by its id or its name; its phases: {}", known.join(", ")),
        ))
    }

    /// The items of the phase named by its id or its name (any case), for
    /// `exec --all --phase`.
    pub fn phase_range(&self, name: &str) -> anyhow::Result<std::ops::Range<usize>> {
        let phases = self.checklist.phases();
        let found = phases
            .iter()
            .find(|p| p.id == name || p.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                let names: Vec<&str> = phases.iter().map(|p| p.id.as_str()).collect();
                hinted(
                    format!("no phase named \"{name}\""),
                    format!("the phases are {}", names.join(", ")),
                )
            })?;
        Ok(self.checklist.item_range_of(found))
    }
}
