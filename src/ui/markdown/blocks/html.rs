//! What an HTML block in a detail shows: its text, without its tags and
//! its comments (notes for whoever edits the file).

/// HTML without its tags and comments.
pub(super) fn visible_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = if after.starts_with("<!--") {
            after.find("-->").map(|end| end + 3)
        } else {
            after.find('>').map(|end| end + 1)
        };
        if let Some(end) = close {
            out.push(' ');
            rest = &after[end..];
        } else {
            // An unclosed comment hides the rest; an unclosed `<` is text.
            if !after.starts_with("<!--") {
                out.push_str(after);
            }
            rest = "";
        }
    }
    out.push_str(rest);
    out
}
