//! The values of secret parameters (passwords, tokens): held in memory for one
//! session and nowhere else. They are never written to a run log, a resume
//! file or any output; what shows instead is [`MASK`], and a command's
//! recorded output has them masked too. Debug output names them only.

use std::borrow::Cow;
use std::collections::BTreeMap;

/// What a secret's value shows as.
pub const MASK: &str = "••••";

/// Values shorter than this are not masked in output: a one- or
/// two-character "secret" would mask every such letter of everything.
const MASKED_FROM: usize = 3;

/// Secret values by parameter name.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secrets(BTreeMap<String, String>);

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl Secrets {
    pub fn give(&mut self, name: &str, value: String) {
        self.0.insert(name.to_owned(), value);
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// `text` with every secret value in it shown as [`MASK`]: a command's
    /// output that echoed a password keeps none of it.
    pub fn mask<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        for value in self.0.values().filter(|v| v.chars().count() >= MASKED_FROM) {
            if out.contains(value.as_str()) {
                out = Cow::Owned(out.replace(value.as_str(), MASK));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_masked_in_text_and_never_in_debug_output() {
        let mut secrets = Secrets::default();
        secrets.give("db_password", "hunter2!".into());
        secrets.give("pin", "12".into());
        assert_eq!(
            secrets.mask("login with hunter2! twice: hunter2!"),
            "login with •••• twice: ••••"
        );
        assert_eq!(secrets.mask("1234"), "1234", "too short to mask");
        assert_eq!(format!("{secrets:?}"), r#"{"db_password", "pin"}"#);
    }
}
