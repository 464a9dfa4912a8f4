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

/// The software release checklist.
pub const SOFTWARE_RELEASE: Bundled = Bundled {
    file_name: "software-release.yaml",
    source: include_str!("../checklists/software-release.yaml"),
};

/// The incident response checklist.
pub const INCIDENT_RESPONSE: Bundled = Bundled {
    file_name: "incident-response.yaml",
    source: include_str!("../checklists/incident-response.yaml"),
};

/// The runbook: a service release with parameters, commands, verifications
/// and gated phases.
pub const SERVICE_RELEASE: Bundled = Bundled {
    file_name: "service-release.yaml",
    source: include_str!("../checklists/service-release.yaml"),
};

/// Every checklist compiled into the binary, which `preflight templates` lists.
pub const ALL: &[Bundled] = &[
    PRODUCTION_DEPLOYMENT,
    SOFTWARE_RELEASE,
    INCIDENT_RESPONSE,
    SERVICE_RELEASE,
];

/// What `preflight new` writes without `--from`: a short example that shows
/// every field, with comments that say what they do.
pub const STARTER: &str = "# A preflight checklist: phases > sections > items. `preflight validate FILE`
# checks it; `preflight FILE` opens it. README.md documents every field.
# For completion in editors: `preflight schema > checklist.schema.json`, then
# make the first line `# yaml-language-server: $schema=./checklist.schema.json`.
title: My checklist
description: What this checklist is for, in a sentence.
# Values a run is started with (`--set ticket=CHG-1234`), used as {{ticket}}.
params:
  - name: ticket
    description: The change ticket this run belongs to
    default: CHG-0000
phases:
  - name: Prepare
    icon: \"📋\"
    sections:
      - name: Before you start
        items:
          # An item is its title...
          - Access to the production console confirmed
          # ...or a mapping with a title, a detail (Markdown) and an optional id.
          - title: Backups verified
            detail: the last **nightly** backup restored to staging
            id: backups
  - name: Do
    # Opens only when every earlier phase is complete (--force records past it).
    gate: true
    sections:
      - name: Change
        items:
          - title: Change {{ticket}} applied
            # How to do it: `!` in the view or `preflight exec` runs it, after
            # showing it; a value goes in as one quoted word.
            command: echo \"applying {{ticket}}\"
            # How to prove it: `v` or `preflight verify`; exit 0 ticks the item.
            verify: \"true\"
          - title: Result checked
            detail: dashboards back to the baseline for 15 minutes
";

impl Bundled {
    /// The name people type: the file name without `.yaml`.
    pub fn name(&self) -> &'static str {
        self.file_name.strip_suffix(".yaml").unwrap_or(self.file_name)
    }

    /// Parses the shipped text. The tests load every bundled checklist, so an
    /// error here means a broken build, yet it is reported rather than panicking.
    pub fn load(&self) -> Result<Checklist, LoadError> {
        format::parse(self.source, self.file_name)
    }
}
