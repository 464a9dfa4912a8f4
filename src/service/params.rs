//! Run parameters given to a command: `--set NAME=VALUE` and the secrets in
//! the environment checked and turned into the events that record them
//! (written with the command's own changes, once every check has passed), and
//! a run refused while a parameter has no value and no default.

use super::RunService;
use super::recorder::value_event;
use crate::hinted::hinted;
use crate::run::Event;
use crate::store::runlog::now;
use crate::text::clean_line;

impl RunService {
    /// The events that record the values `set` gives that differ from the
    /// run's. Nothing is written here.
    ///
    /// # Errors
    /// An undeclared parameter, or a value over several lines.
    pub(super) fn values_set(&self, set: &[(String, String)]) -> anyhow::Result<Vec<Event>> {
        let mut events = Vec::new();
        let current = self.state.values(&self.checklist);
        for (name, value) in set {
            if self.checklist.params.iter().any(|p| &p.name == name && p.secret) {
                return Err(hinted(
                    format!(
                        "--set {name}=…: `{name}` is secret, and a command line is seen by every user of this machine (ps) and kept in shell history; nothing was recorded"
                    ),
                    format!(
                        "give it in the environment: {}=… preflight …",
                        crate::template::env_name(name)
                    ),
                ));
            }
            let declared: Vec<&str> = self.checklist.params.iter().map(|p| p.name.as_str()).collect();
            if !declared.contains(&name.as_str()) {
                let known = if declared.is_empty() {
                    "it declares none".to_owned()
                } else {
                    format!("it declares {}", declared.join(", "))
                };
                return Err(hinted(
                    format!("--set {name}=…: the checklist has no parameter `{name}`; {known}"),
                    "parameters are declared under `params:` at the top of the checklist",
                ));
            }
            let value = clean_line(value).map_err(|_| {
                hinted(
                    format!("--set {name}=…: a value is one line"),
                    "leave out the line breaks",
                )
            })?;
            crate::template::check_value(&value).map_err(|why| {
                hinted(
                    format!("--set {name}=…: {why}"),
                    "put a long text in a file and pass its path",
                )
            })?;
            if current.get(name) != Some(&value) || !self.state.param_values().contains_key(name) {
                events.push(value_event(
                    &self.checklist,
                    &self.state,
                    self.recorder.author(),
                    (name, &value),
                    now(),
                ));
            }
        }
        Ok(events)
    }

    /// Gives the run the secret parameters' values found in the environment
    /// (`PREFLIGHT_PARAM_<NAME>`), and returns the events that record that a
    /// secret was given (by whom, when; never its value) where the run does not
    /// say so yet for this operator.
    ///
    /// # Errors
    /// A value over several lines or over the size of a value.
    pub(super) fn secrets_from_env(&mut self) -> anyhow::Result<Vec<Event>> {
        let mut events = Vec::new();
        let secret: Vec<String> = self
            .checklist
            .params
            .iter()
            .filter(|p| p.secret)
            .map(|p| p.name.clone())
            .collect();
        for name in secret {
            let variable = crate::template::env_name(&name);
            let Ok(raw) = std::env::var(&variable) else {
                continue;
            };
            let value = clean_line(&raw)
                .map_err(|_| hinted(format!("{variable}: a value is one line"), "leave out the line breaks"))?;
            crate::template::check_value(&value).map_err(|why| anyhow::anyhow!("{variable}: {why}"))?;
            self.state.give_secret(&name, value);
            let given_by_me = self
                .state
                .param_values()
                .get(&name)
                .is_some_and(|given| given.stamp.by == self.recorder.author().by);
            if !given_by_me {
                events.push(value_event(
                    &self.checklist,
                    &self.state,
                    self.recorder.author(),
                    (&name, ""),
                    now(),
                ));
            }
        }
        Ok(events)
    }

    /// Refuses a run while a parameter has neither a value nor a default.
    ///
    /// # Errors
    /// The first such parameter, and how to give it one.
    pub fn require_values(&self) -> anyhow::Result<()> {
        // A secret is needed only by a command that uses it (see `runbook`).
        let secret = |name: &str| self.checklist.params.iter().any(|p| p.name == name && p.secret);
        if let Some(missing) = self
            .state
            .missing_params(&self.checklist)
            .into_iter()
            .find(|name| !secret(name))
        {
            return Err(hinted(
                format!(
                    "run \"{}\" needs a value for `{missing}`: --set {missing}=…",
                    self.run()
                ),
                "the value is recorded in the run, so later commands and teammates need not give it again",
            ));
        }
        Ok(())
    }

    /// Refuses to run `commands` while a secret one of them uses has no value
    /// in this run's opening.
    ///
    /// # Errors
    /// The first such secret, and how to give it.
    pub fn require_secrets(&self, commands: &[&str]) -> anyhow::Result<()> {
        for name in self.state.missing_params(&self.checklist) {
            let variable = crate::template::env_name(name);
            if commands
                .iter()
                .any(|c| crate::template::uses(c, name) || c.contains(&variable))
            {
                return Err(hinted(
                    format!("the command needs the secret `{name}`, which this session was not given; nothing was run"),
                    format!("give it in the environment, never on the command line: {variable}=… preflight …"),
                ));
            }
        }
        Ok(())
    }
}
