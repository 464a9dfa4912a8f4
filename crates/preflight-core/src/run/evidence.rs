//! What a run keeps beside statuses and notes: the evidence of commands run
//! for items (and who started one, where), and the run parameters' values
//! as status and export show them.

use std::time::Duration;

use crate::stamp::Stamp;

/// Who started running an item's command, where: a run on this machine whose
/// process is gone is known to be over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub kind: EvidenceKind,
    pub host: String,
    pub pid: u32,
}

/// Which of an item's commands ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    /// Its `command`, through `exec` or `!`.
    Exec,
    /// Its `verify`, through `verify` or `v`.
    Verify,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Exec => "exec",
            EvidenceKind::Verify => "verify",
        }
    }
}

/// What running a command for an item showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The command line as it ran, values put in.
    pub command: String,
    /// Its exit status; `None` when a signal ended it.
    pub exit: Option<i32>,
    /// Stopped for running past its time.
    pub timed_out: bool,
    /// Stopped because preflight was asked to end (Ctrl-C, SIGTERM, SIGHUP)
    /// while it ran.
    pub interrupted: bool,
    pub millis: u64,
    /// The last lines it printed, cleaned.
    pub output: Vec<String>,
}

impl Evidence {
    /// The evidence with every secret value in its output shown masked.
    #[must_use]
    pub fn masked(mut self, secrets: &super::secrets::Secrets) -> Evidence {
        for line in &mut self.output {
            if let std::borrow::Cow::Owned(masked) = secrets.mask(line) {
                *line = masked;
            }
        }
        self
    }

    /// Whether the command proved what it ran for: exit 0 in time.
    pub fn passed(&self) -> bool {
        self.exit == Some(0) && !self.timed_out && !self.interrupted
    }

    /// `exit 0 in 2.1 s`, `exit 3 in 0.2 s`, `timed out after 60.0 s`.
    pub fn summary(&self) -> String {
        let seconds = format!("{:.1} s", Duration::from_millis(self.millis).as_secs_f64());
        match (self.timed_out, self.exit) {
            (true, _) => format!("timed out after {seconds}"),
            (false, _) if self.interrupted => format!("interrupted after {seconds}"),
            (false, Some(code)) => format!("exit {code} in {seconds}"),
            (false, None) => format!("ended by a signal after {seconds}"),
        }
    }
}

/// What the last command run for an item showed, and when and by whom it
/// was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedEvidence {
    pub evidence: Evidence,
    pub stamp: Stamp,
}

/// The value a run parameter was last given, and when and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamValue {
    pub value: String,
    pub stamp: Stamp,
}

/// A parameter as a run uses it, for status and export to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamShown<'a> {
    pub name: &'a str,
    /// `None` when it has no value and no default.
    pub value: Option<&'a str>,
    /// Who gave the value and when; `None` for a default.
    pub set: Option<&'a Stamp>,
    /// A secret: its value shows as a mask, and only where this session
    /// was given it.
    pub secret: bool,
}

impl ParamShown<'_> {
    /// `version = 2.3.0`, `env = staging (default)`, `version: no value`.
    pub fn describe(&self) -> String {
        match (self.value, self.set) {
            (None, Some(stamp)) if self.secret => {
                format!("{}: secret, given by {}, not in this session", self.name, stamp.by)
            }
            (None, None) if self.secret => format!("{}: secret, not given", self.name),
            (Some(value), _) if self.secret => format!("{} = {value} (secret)", self.name),
            (Some(value), Some(_)) => format!("{} = {value}", self.name),
            (Some(value), None) => format!("{} = {value} (default)", self.name),
            (None, _) => format!("{}: no value", self.name),
        }
    }
}
