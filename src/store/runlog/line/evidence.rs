//! The parts of an event line about commands: a command started for an
//! item, and what a command run for it showed, read back bounded and
//! cleaned since a shared log is untrusted.

use serde::{Deserialize, Serialize};

use crate::run::{Evidence, EvidenceKind};
use crate::text::clean_line;

/// A command started for an item, as the run log keeps it.
#[derive(Serialize, Deserialize)]
pub(super) struct StartedLine {
    pub kind: String,
    #[serde(default)]
    pub host: String,
    #[serde(default)]
    pub pid: u32,
}

/// What a command run for an item showed, as the run log keeps it.
#[derive(Serialize, Deserialize)]
pub(super) struct EvidenceLine {
    kind: String,
    command: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exit: Option<i32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    timed_out: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    interrupted: bool,
    ms: u64,
    #[serde(default, deserialize_with = "last_lines")]
    output: Vec<String>,
}

/// Reads a run's output keeping only its last [`OUTPUT_LINES`] lines as it
/// goes: a teammate's line that lists millions of them costs no more memory
/// than the line itself.
fn last_lines<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Last;
    impl<'de> serde::de::Visitor<'de> for Last {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of lines")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut kept = std::collections::VecDeque::with_capacity(OUTPUT_LINES + 1);
            while let Some(line) = seq.next_element::<String>()? {
                kept.push_back(line);
                if kept.len() > OUTPUT_LINES {
                    kept.pop_front();
                }
            }
            Ok(kept.into())
        }
    }
    deserializer.deserialize_seq(Last)
}

/// How many lines of a command's output the run log keeps.
pub const OUTPUT_LINES: usize = 20;

/// How long one kept line of output may be, in characters: when it is
/// recorded, and again when a (shared, untrusted) log is read.
pub const OUTPUT_LINE_CHARS: usize = 500;

impl EvidenceLine {
    pub(super) fn of(evidence: &Evidence) -> EvidenceLine {
        EvidenceLine {
            kind: evidence.kind.as_str().to_owned(),
            command: evidence.command.clone(),
            exit: evidence.exit,
            timed_out: evidence.timed_out,
            interrupted: evidence.interrupted,
            ms: evidence.millis,
            output: evidence.output.clone(),
        }
    }

    /// Read leniently and cleaned: a shared log is untrusted.
    pub(super) fn read(self) -> Option<Evidence> {
        let kind = match self.kind.as_str() {
            "exec" => EvidenceKind::Exec,
            "verify" => EvidenceKind::Verify,
            _ => return None,
        };
        let skip = self.output.len().saturating_sub(OUTPUT_LINES);
        Some(Evidence {
            kind,
            command: self
                .command
                .lines()
                .map(|l| clean_line(l).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n"),
            exit: self.exit,
            timed_out: self.timed_out,
            interrupted: self.interrupted,
            millis: self.ms,
            output: self
                .output
                .into_iter()
                .skip(skip)
                .map(|l| {
                    let short: String = l.chars().take(OUTPUT_LINE_CHARS).collect();
                    clean_line(&short).unwrap_or_default()
                })
                .collect(),
        })
    }
}
