//! Who did something, as the page shows it: the one place that says it, in
//! the text of the page and in the timeline's tooltips.

use super::escape;

/// An operator, marked up for the page's text.
pub fn html(by: &str) -> String {
    format!("<span class=\"who\">{}</span>", escape::line(by))
}

/// An operator in a tooltip (escaped, no markup).
pub fn plain(by: &str) -> String {
    escape::line(by)
}
