//! Reference links (`[text][ref]`, `[ref]`) written out as the inline links
//! they resolve to, and the other stretches of text written otherwise (a
//! comment, as nothing), kept in document order.

use std::ops::Range;

use super::super::text::render;
use super::Reader;

impl Reader<'_> {
    pub(super) fn end_link(&mut self, image: bool, range: &Range<usize>) {
        let Some(at) = self.link_at.iter().rposition(|l| l.0 == range.start) else {
            return;
        };
        let (_, url, title, text, collapsed) = self.link_at.remove(at);
        let mut range = range.clone();
        if collapsed && self.source[range.end..].starts_with("[]") {
            range.end += 2;
        }
        let text = text
            .map(|t| render(self.source, &t, &self.links, &self.lines))
            .unwrap_or_default();
        // What stood inside the link (an image, a comment) is in its text now.
        let inside = self.links.partition_point(|(r, _)| r.start < range.start);
        self.links.truncate(inside);
        let url = if url.contains([' ', '(', ')', '<', '>']) || url.is_empty() {
            format!("<{}>", url.replace(['<', '>'], ""))
        } else {
            url
        };
        let title = if title.is_empty() {
            String::new()
        } else {
            format!(" \"{}\"", title.replace('"', "\\\""))
        };
        let bang = if image { "!" } else { "" };
        self.write_instead(range, format!("{bang}[{text}]({url}{title})"));
    }

    /// Records what to write instead of `range`, keeping them in document
    /// order (they come in order, so this is a push).
    pub(super) fn write_instead(&mut self, range: Range<usize>, text: String) {
        let at = self.links.partition_point(|(r, _)| r.start < range.start);
        self.links.insert(at, (range, text));
    }
}
