//! Markdown checklists into preflight's model, so that nothing GitHub shows
//! is lost: `#` is the title, `##` headings are phases, `###` headings
//! sections, task items (`- [ ]`, `* [x]`, `1. [X]`, nested or not) items,
//! and every other block goes where a reader will see it — under its task
//! (detail, sub-items, command) or into the description of what it stands
//! in. A document without boxes (a runbook of headings and shell blocks, a
//! numbered procedure) imports its steps. A Completion Status block is read
//! as a summary, not items.
//!
//! Parsed with pulldown-cmark into blocks first (`tree`), then placed
//! (`walk`). Pure: text in, an [`Outline`] out; the YAML is written by
//! `format`. Markdown that `export` wrote is read back exactly, with who
//! ticked what and when, notes and skip reasons.

mod command;
mod finish;
mod groups;
mod item;
mod mojibake;
mod outline;
mod tree;
mod walk;

pub use outline::{LeftOut, Outline, OutlineItem, OutlinePhase, OutlineSection, Steps};

use pulldown_cmark::HeadingLevel;

use crate::markdown::dialect::MARKER;
use crate::markdown::html;
use tree::Block;

/// Where the title comes from: a first heading that is a `#`; else the front
/// matter's; else a first heading with no task before or under it (a pull
/// request template's "What problem does this PR solve?"), which is then not
/// also a phase, and is removed from `blocks`; else a first heading with
/// tasks, which stays a phase too.
fn take_title(blocks: &mut Vec<Block>, front: Option<String>, exported: bool) -> Option<String> {
    let Some(first) = blocks.iter().position(|b| matches!(b, Block::Heading { .. })) else {
        return front;
    };
    let Block::Heading { level, text, .. } = &blocks[first] else {
        return front;
    };
    let next = blocks[first + 1..]
        .iter()
        .position(|b| matches!(b, Block::Heading { .. }))
        .map_or(blocks.len(), |n| first + 1 + n);
    let bare = !blocks[..next].iter().any(Block::has_task);
    let take = *level == HeadingLevel::H1 || (front.is_none() && bare);
    if !take && front.is_some() {
        return front;
    }
    let text = groups::split_icon(&walk::name_of(text, exported)).1;
    if take {
        blocks.remove(first);
    }
    Some(text).filter(|t| !t.is_empty()).or(front)
}

/// What a document's front matter says, read by whoever reads YAML.
#[derive(Debug, Clone, Default)]
pub struct Front {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// The YAML front matter block at the top of a document, if it has one.
pub fn front_matter_block(markdown: &str) -> Option<&str> {
    html::front_matter_block(markdown)
}

/// Reads a Markdown checklist, its front matter unread. `fallback_title`
/// names it when it has no `#`.
pub fn parse(markdown: &str, fallback_title: &str) -> Outline {
    parse_with_front(markdown, fallback_title, Front::default())
}

/// Reads a Markdown checklist whose front matter says `front`.
pub fn parse_with_front(markdown: &str, fallback_title: &str, front: Front) -> Outline {
    let exported = markdown.trim_start().starts_with(MARKER);
    let Front {
        title: front_title,
        description: front_description,
    } = front;
    let tree::Read {
        mut blocks,
        comments,
        doc,
    } = tree::read(markdown);
    if exported {
        blocks.retain(|b| !matches!(b, Block::Comment { line: 1 }));
    }
    let front_title = front_title
        .and_then(|t| crate::text::clean_line(&t).ok())
        .filter(|t| !t.is_empty());
    let title = take_title(&mut blocks, front_title, exported);
    let steps = !blocks.iter().any(Block::has_task);
    let mut walk = walk::Walk::new(&doc, exported, steps);
    walk.outline.title = title.unwrap_or_default();
    walk.blocks(blocks);
    let mut outline = walk.outline;
    if !exported {
        let hidden = comments.into_iter().map(|line| LeftOut {
            line,
            what: "HTML comment",
        });
        outline.left_out.extend(hidden);
    }
    if steps {
        outline.steps = Some(walk.steps_taken);
    }
    let description: Vec<String> = front_description.into_iter().chain(walk.description).collect();
    finish::finish(outline, fallback_title, &description, exported)
}

#[cfg(test)]
mod tests;
