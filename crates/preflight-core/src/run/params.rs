//! A run's parameters: the values recorded (the latest by time), the
//! defaults, and the secrets this session was given; what texts show (a
//! secret as a mask) and what a command runs with.

use std::collections::BTreeMap;

use super::evidence::{ParamShown, ParamValue};
use super::secrets::{MASK, Secrets};
use super::state::RunState;
use crate::checklist::Checklist;
use crate::timestamp::Timestamp;

impl RunState {
    /// Gives a secret parameter its value for this session.
    pub fn give_secret(&mut self, name: &str, value: String) {
        self.secrets.give(name, value);
    }

    /// The secret values given in this session, to mask output with.
    pub fn secrets(&self) -> &Secrets {
        &self.secrets
    }

    /// Takes the secrets out, to put them into a run replayed anew.
    pub fn take_secrets(&mut self) -> Secrets {
        std::mem::take(&mut self.secrets)
    }

    /// Puts back the secrets of the session into a run replayed anew.
    pub fn keep_secrets(&mut self, secrets: Secrets) {
        self.secrets = secrets;
    }

    /// The time a new value of parameter `name` is recorded with: `now`, or
    /// just after the value in effect when that is later, so that the value
    /// set after seeing a teammate's (clock ahead or not) is the one in effect.
    pub fn stamp_for_param(&self, name: &str, now: Timestamp) -> Timestamp {
        match self.params.get(name) {
            Some(given) if given.stamp.at >= now => given.stamp.at.plus_millis(1),
            _ => now,
        }
    }

    /// The value each parameter was last given in this run, with when and by
    /// whom.
    pub fn param_values(&self) -> &BTreeMap<String, ParamValue> {
        &self.params
    }

    /// The values the run's texts and commands show: what the run recorded,
    /// else the checklist's default; a secret given in this session as
    /// [`MASK`]. A parameter with no value is left out.
    pub fn values(&self, checklist: &Checklist) -> crate::template::Values {
        self.values_revealed(checklist, false)
    }

    /// The values a command runs with: as [`RunState::values`], secrets as
    /// they are. Only for the command line that runs and its environment,
    /// never for anything shown or recorded.
    pub fn run_values(&self, checklist: &Checklist) -> crate::template::Values {
        self.values_revealed(checklist, true)
    }

    fn values_revealed(&self, checklist: &Checklist, reveal: bool) -> crate::template::Values {
        checklist
            .params
            .iter()
            .filter_map(|p| {
                let value = if p.secret {
                    let given = self.secrets.get(&p.name)?;
                    if reveal { given.to_owned() } else { MASK.to_owned() }
                } else {
                    self.params
                        .get(&p.name)
                        .map(|given| given.value.clone())
                        .or_else(|| p.default.clone())?
                };
                Some((p.name.clone(), value))
            })
            .collect()
    }

    /// Each declared parameter with the value the run uses and who gave it
    /// when: `None` for a default, and no value at all when it has neither.
    pub fn param_report<'a>(&'a self, checklist: &'a Checklist) -> Vec<ParamShown<'a>> {
        checklist
            .params
            .iter()
            .map(|p| match self.params.get(&p.name) {
                _ if p.secret => ParamShown {
                    name: &p.name,
                    value: self.secrets.contains(&p.name).then_some(MASK),
                    set: self.params.get(&p.name).map(|given| &given.stamp),
                    secret: true,
                },
                Some(given) => ParamShown {
                    name: &p.name,
                    value: Some(&given.value),
                    set: Some(&given.stamp),
                    secret: false,
                },
                None => ParamShown {
                    name: &p.name,
                    value: p.default.as_deref(),
                    set: None,
                    secret: false,
                },
            })
            .collect()
    }

    /// The parameters the run has no value for, nor a default.
    pub fn missing_params<'a>(&self, checklist: &'a Checklist) -> Vec<&'a str> {
        checklist
            .params
            .iter()
            .filter(|p| {
                if p.secret {
                    !self.secrets.contains(&p.name)
                } else {
                    p.default.is_none() && !self.params.contains_key(&p.name)
                }
            })
            .map(|p| p.name.as_str())
            .collect()
    }
}
