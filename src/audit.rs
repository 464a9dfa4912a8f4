//! The report page (`preflight report --html`): a run as one self-contained
//! HTML file an auditor can be handed (a change board, a mail attachment).
//! It loads nothing: the stylesheet is inline, the timeline is inline SVG,
//! and there is no script, font, image or link to another resource; a
//! content security policy says so to the browser too. It shows the
//! checklist and run, the parameters' values (a secret masked, as
//! everywhere), the totals of the timing report, a timeline of the phases
//! and items, and every item with its status, who and when, notes, skip
//! reasons, flags and evidence. Prints on white, every output shown.
//!
//! Pure: functions from the checklist, the run state and its events to a
//! String. Every text goes through [`escape`]; no element or attribute is
//! ever made of what the checklist or the run says.

mod approvals;
mod escape;
mod facts;
mod input;
mod items;
mod runs;
mod style;
mod timeline;
mod totals;
mod who;

use std::fmt::Write as _;

use crate::inline::{plain_name, to_plain};

use facts::Facts;
pub use input::Audit;

/// The comment every page begins with after its doctype: how `report -o`
/// knows a file it may replace is an earlier page. It holds nothing else
/// (no run name), so that the `<meta charset>` after it always stands in
/// the first 1024 bytes, where a browser looks for it before guessing.
pub const MARKER: &str = "<!-- preflight report";

/// Whether a file begins as a page of `report --html` does.
pub fn is_page(head: &[u8]) -> bool {
    head.strip_prefix(b"<!DOCTYPE html>\n")
        .is_some_and(|rest| rest.starts_with(MARKER.as_bytes()))
}

fn head(out: &mut String, audit: &Audit<'_>) {
    let title = escape::line(&plain_name(&audit.checklist.title));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n{MARKER} -->\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — run {}</title>\n<style>{}</style>\n</head>\n<body>\n",
        escape::line(audit.run),
        style::CSS
    );
}

/// The title, description and run line.
fn header(out: &mut String, audit: &Audit<'_>) {
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>",
        escape::line(&plain_name(&audit.checklist.title))
    );
    if let Some(description) = &audit.checklist.description {
        let _ = writeln!(out, "<p>{}</p>", escape::line(&to_plain(description)));
    }
    let state = audit.state;
    let operators: Vec<String> = state.operators().iter().map(|o| who::html(o)).collect();
    let _ = write!(
        out,
        "<p class=\"meta\">Run <strong>{}</strong>",
        escape::line(audit.run)
    );
    match (state.started(), state.last_changed()) {
        (Some(started), Some(last)) => {
            let _ = write!(
                out,
                " · by {} · started <time>{}</time> · last change <time>{}</time> · {}",
                operators.join(", "),
                started.human(),
                last.human(),
                crate::text::plural(state.event_count(), "event", "events")
            );
        }
        _ => out.push_str(" · nothing recorded yet"),
    }
    out.push_str("</p>\n</header>\n");
}

/// The parameters' values, as status and export describe them (a secret
/// as a mask, or only who gave it), with who set each and when.
fn params(out: &mut String, audit: &Audit<'_>) {
    let shown = audit.state.param_report(audit.checklist);
    if shown.is_empty() {
        return;
    }
    out.push_str("<section id=\"parameters\">\n<h2>Parameters</h2>\n<ul>\n");
    for param in shown {
        let set = match param.set {
            Some(stamp) if !param.secret => format!(
                " — set by {} at <time>{}</time>",
                who::html(&stamp.who()),
                stamp.at.human()
            ),
            _ => String::new(),
        };
        let _ = writeln!(out, "<li><code>{}</code>{set}</li>", escape::line(&param.describe()));
    }
    out.push_str("</ul>\n</section>\n");
}

/// Events about items the checklist no longer has: still part of the record.
fn orphans(out: &mut String, audit: &Audit<'_>) {
    let mut orphans = audit.state.orphans().peekable();
    if orphans.peek().is_none() {
        return;
    }
    out.push_str("<section id=\"orphans\">\n<h2>Items no longer in the checklist</h2>\n<ul>\n");
    for orphan in orphans {
        let title = orphan.title.as_deref().map(to_plain).unwrap_or_default();
        let _ = writeln!(
            out,
            "<li>{} <code class=\"id\">{}</code>: {}, last status {}</li>",
            escape::line(&title),
            escape::line(&orphan.id),
            crate::text::plural(orphan.events, "event", "events"),
            orphan.state.status.as_str()
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// The whole page.
pub fn page(audit: &Audit<'_>) -> String {
    let facts = Facts::of(audit.checklist, audit.state, audit.events);
    let mut out = String::with_capacity(8192 + audit.checklist.items().len() * 400);
    head(&mut out, audit);
    header(&mut out, audit);
    params(&mut out, audit);
    totals::write(&mut out, audit.checklist, &facts);
    timeline::write(&mut out, audit, &facts);
    items::write(&mut out, audit, &facts);
    orphans(&mut out, audit);
    out.push_str("<footer class=\"muted\"><p>Made by preflight report --html.</p></footer>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests;
