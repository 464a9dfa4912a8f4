//! Who recorded something and when: the [`Stamp`] every event and every
//! part of a run's state it set carries, and the [`Author`] a session
//! records under. A leaf: the run, its approvals and its gates all read
//! stamps, and a stamp knows none of them.

use crate::timestamp::Timestamp;

/// Who recorded something, and when: kept with every event and with every
/// part of a run's state an event set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// When it was recorded.
    pub at: Timestamp,
    /// Who: an operator name (`--by`, `$PREFLIGHT_USER`, else the login).
    pub by: String,
    /// The operating-system account of the process that wrote it, as that
    /// machine said: what the writer recorded, never an authentication.
    /// `None` in logs written before it was recorded.
    pub login: Option<String>,
}

impl Stamp {
    /// A stamp of `by` at `at`, with no login known.
    pub fn new(at: Timestamp, by: impl Into<String>) -> Stamp {
        Stamp {
            at,
            by: by.into(),
            login: None,
        }
    }

    /// Who, as people read it: the name, or `alice (as bob)` when the
    /// account that wrote it (alice) recorded under another name (bob).
    pub fn who(&self) -> String {
        match &self.login {
            Some(login) if *login != self.by => format!("{login} (as {})", self.by),
            _ => self.by.clone(),
        }
    }

    /// Whether `name` is this stamp's name or its login: one person, as
    /// far as the run log can tell.
    pub fn is(&self, name: &str) -> bool {
        self.by == name || self.login.as_deref() == Some(name)
    }
}

/// Who records in this session: the name changes are recorded under, and
/// the account of the process that writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub by: String,
    pub login: Option<String>,
}

impl Author {
    /// The stamp of a change this author records at `at`.
    pub fn stamp(&self, at: Timestamp) -> Stamp {
        Stamp {
            at,
            by: self.by.clone(),
            login: self.login.clone(),
        }
    }
}

/// A name alone, with no login: what tests and callers without an account
/// to tell record under.
impl From<&str> for Author {
    fn from(by: &str) -> Author {
        Author {
            by: by.to_owned(),
            login: None,
        }
    }
}

impl From<String> for Author {
    fn from(by: String) -> Author {
        Author { by, login: None }
    }
}
