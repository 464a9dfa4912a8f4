//! Approvals, the two-person rule: a phase with `approvals: N` opens only
//! once N different people approved it, none of whom recorded a change in
//! an earlier phase. A person is a name or a login: an approval whose name
//! or login is one of an earlier worker's names or logins is self-approval,
//! and two approvals that share a name or a login are one person's. A
//! forced approval (recorded with `--force`) counts even so, and says so.
//! Each approver's latest approval or withdrawal stands (by time; at the
//! same time a withdrawal wins), so any order of the same events gives the
//! same approvals. Pure: what the run's events did ([`Act`]s, read from
//! them by `run`) in, counts out.

use std::collections::{BTreeMap, BTreeSet};

use crate::checklist::Checklist;
use crate::stamp::Stamp;

/// One approver's latest word on a phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub stamp: Stamp,
    /// Taken back: the approver withdrew it.
    pub withdrawn: bool,
    /// Recorded with `--force`, past the two-person rule.
    pub forced: bool,
    pub note: Option<String>,
}

/// What one recorded event did, as the two-person rule sees it: the run
/// reads it from the event, so that approvals know nothing of events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act<'a> {
    /// A change to an item of phase `phase`: its author worked on the phase.
    Work { phase: usize, stamp: &'a Stamp },
    /// An approval of phase `phase`, or its withdrawal.
    Verdict { phase: usize, verdict: Verdict },
}

/// An approval that stands, as status and the view show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing<'a> {
    pub verdict: &'a Verdict,
    /// The approver recorded a change in an earlier phase: it counts only
    /// when forced.
    pub self_approval: bool,
}

impl Standing<'_> {
    /// Whether it counts toward the phase's approvals.
    pub fn counts(&self) -> bool {
        !self.self_approval || self.verdict.forced
    }
}

/// Who worked on each phase, and who approved it, in one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Approvals {
    /// Whether any phase needs approvals: otherwise nothing is kept, and a
    /// run of 100,000 events pays nothing for it.
    active: bool,
    /// Per phase: the names and logins of everyone who recorded a change
    /// to one of its items.
    workers: Vec<BTreeSet<String>>,
    /// Per phase: each approver's latest verdict, by name.
    verdicts: Vec<BTreeMap<String, Verdict>>,
}

impl Approvals {
    /// No work and no approvals yet.
    pub fn new(checklist: &Checklist) -> Approvals {
        let phases = checklist.phases().len();
        Approvals {
            active: checklist.phases().iter().any(|p| p.approvals > 0),
            workers: vec![BTreeSet::new(); phases],
            verdicts: vec![BTreeMap::new(); phases],
        }
    }

    /// Whether any phase needs approvals: when none does, nothing is kept,
    /// and a reader of events need not tell it anything.
    pub fn is_active(&self) -> bool {
        self.active
    }

    /// Takes in what one event did: a change to an item makes its author a
    /// worker of the item's phase; an approval or withdrawal is its author's
    /// verdict on the phase, unless a later one stands.
    pub fn take(&mut self, act: Act<'_>) {
        if !self.active {
            return;
        }
        match act {
            Act::Work { phase, stamp } => {
                let names = &mut self.workers[phase];
                for name in std::iter::once(&stamp.by).chain(&stamp.login) {
                    if !names.contains(name) {
                        names.insert(name.clone());
                    }
                }
            }
            Act::Verdict { phase, verdict } => self.judge(phase, verdict),
        }
    }

    /// Keeps `verdict` as its approver's word on `phase`, unless an earlier
    /// one is later by time (at the same time a withdrawal wins).
    fn judge(&mut self, phase: usize, verdict: Verdict) {
        match self.verdicts[phase].entry(verdict.stamp.by.clone()) {
            std::collections::btree_map::Entry::Vacant(free) => {
                free.insert(verdict);
            }
            std::collections::btree_map::Entry::Occupied(mut taken) => {
                let old = taken.get();
                let later = verdict.stamp.at > old.stamp.at || (verdict.stamp.at == old.stamp.at && verdict.withdrawn);
                if later {
                    taken.insert(verdict);
                }
            }
        }
    }

    /// Whether `stamp`'s name or login is one of the names or logins of
    /// someone who recorded a change in a phase before `phase`.
    pub fn worked_before(&self, phase: usize, stamp: &Stamp) -> bool {
        self.first_worked(phase, stamp).is_some()
    }

    /// The approvals of `phase` that stand (not withdrawn), in the order of
    /// their names.
    pub fn standing(&self, phase: usize) -> Vec<Standing<'_>> {
        self.verdicts[phase]
            .values()
            .filter(|v| !v.withdrawn)
            .map(|verdict| Standing {
                verdict,
                self_approval: self.worked_before(phase, &verdict.stamp),
            })
            .collect()
    }

    /// How many different people's approvals of `phase` count: approvals
    /// that share a name or a login are one person's.
    pub fn count(&self, phase: usize) -> usize {
        let people: Vec<Vec<&str>> = self
            .standing(phase)
            .into_iter()
            .filter(Standing::counts)
            .map(|s| {
                let stamp = &s.verdict.stamp;
                std::iter::once(stamp.by.as_str())
                    .chain(stamp.login.as_deref())
                    .collect()
            })
            .collect();
        distinct(&people)
    }

    /// When the latest approval or withdrawal of `phase` was recorded: a
    /// new one is stamped after it, whatever the clocks say.
    pub fn latest(&self, phase: usize) -> Option<crate::timestamp::Timestamp> {
        self.verdicts[phase].values().map(|v| v.stamp.at).max()
    }

    /// Who approved `phase`, as people read it: `bob, alice (forced),
    /// mallory (not counted: worked on an earlier phase)`; empty when
    /// nobody did.
    pub fn approvers(&self, phase: usize) -> String {
        let names: Vec<String> = self
            .standing(phase)
            .iter()
            .map(|s| {
                let who = s.verdict.stamp.who();
                match (s.self_approval, s.verdict.forced) {
                    (_, true) => format!("{who} (forced)"),
                    (true, false) => format!("{who} (not counted: worked on an earlier phase)"),
                    (false, false) => who,
                }
            })
            .collect();
        names.join(", ")
    }

    /// Whether `by` has an approval of `phase` that stands.
    pub fn approved_by(&self, phase: usize, by: &str) -> bool {
        self.verdicts[phase].get(by).is_some_and(|v| !v.withdrawn)
    }

    /// The first phase before `phase` in which `stamp`'s name or login
    /// recorded a change: why an approval by it is self-approval.
    pub fn first_worked(&self, phase: usize, stamp: &Stamp) -> Option<usize> {
        self.workers[..phase]
            .iter()
            .position(|names| names.contains(&stamp.by) || stamp.login.as_ref().is_some_and(|l| names.contains(l)))
    }

    /// How many more approvals `phase` needs before it opens.
    pub fn missing(&self, checklist: &Checklist, phase: usize) -> usize {
        checklist.phases()[phase].approvals.saturating_sub(self.count(phase))
    }
}

/// How many groups `people` fall into when any two that share a name are
/// one: connected components, whatever their order.
fn distinct(people: &[Vec<&str>]) -> usize {
    let mut group: Vec<usize> = (0..people.len()).collect();
    for a in 0..people.len() {
        for b in a + 1..people.len() {
            if people[a].iter().any(|name| people[b].contains(name)) {
                let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                group[ra] = rb;
            }
        }
    }
    (0..people.len()).filter(|&i| root(&mut group, i) == i).count()
}

/// The group `i` belongs to, its path shortened on the way.
fn root(group: &mut [usize], mut i: usize) -> usize {
    while group[i] != i {
        group[i] = group[group[i]];
        i = group[i];
    }
    i
}

#[cfg(test)]
mod tests;
