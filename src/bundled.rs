//! The checklists compiled into the binary, so that preflight is useful before
//! anyone writes a checklist of their own.

use crate::checklist::Checklist;
use crate::format::{self, LoadError};

/// A checklist shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// The file name it has in `checklists/`, which also names it in messages.
    pub file_name: &'static str,
    pub source: &'static str,
}

/// The checklist every command uses when none is named.
pub const PRODUCTION_DEPLOYMENT: Bundled = Bundled {
    file_name: "production-deployment.yaml",
    source: include_str!("../checklists/production-deployment.yaml"),
};

impl Bundled {
    /// Parses the shipped text. The tests load every bundled checklist, so an
    /// error here means a broken build, yet it is reported rather than panicking.
    pub fn load(&self) -> Result<Checklist, LoadError> {
        format::parse(self.source, self.file_name)
    }
}
