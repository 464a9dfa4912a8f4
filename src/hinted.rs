//! An error that says what to do about it: the one shape every command's
//! refusal takes, rendered in one place as `message` then `  hint: what to do`.

use std::fmt;

/// A refusal with its advice, kept apart until it is shown, so every command
/// words "what is wrong, then what to do" the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hinted {
    message: String,
    hint: String,
}

impl Hinted {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Hinted {
        Hinted {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n  hint: {}", self.message, self.hint)
    }
}

impl std::error::Error for Hinted {}

/// A [`Hinted`] as the `anyhow::Error` the commands return.
pub fn hinted(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    Hinted::new(message, hint).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_follows_the_message_on_a_line_of_its_own_and_both_stay_readable() {
        let err = hinted("no phase named \"Soak\"", "the phases are Prepare, Deploy");
        assert_eq!(
            format!("{err:#}"),
            "no phase named \"Soak\"\n  hint: the phases are Prepare, Deploy"
        );
        let kept = err.downcast_ref::<Hinted>().expect("a Hinted");
        assert_eq!(kept.message, "no phase named \"Soak\"");
        assert_eq!(kept.hint, "the phases are Prepare, Deploy");
    }
}
