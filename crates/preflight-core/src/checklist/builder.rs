//! Building a checklist in reading order, and the id rules: explicit ids are
//! slugs, derived ids are the slug of the name (or `kind-N`), siblings never
//! share one, and a sub-item's path runs through its parent's.

use std::collections::HashMap;

use super::{Checklist, Item, ItemId, Param, Phase, Section};
use crate::slug::{is_slug, slugify};

/// Why an id was refused while building.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// An explicit `id:` that is not a slug; `suggestion` is the slug of it.
    Invalid { id: String, suggestion: String },
    /// Another sibling already has this id; `earlier` is that sibling's index in
    /// [`Checklist::phases`], [`Checklist::sections`] or [`Checklist::items`].
    Duplicate { id: String, earlier: usize },
}

/// Builds a [`Checklist`] in reading order, applying the id rules: an explicit id
/// must be a slug; otherwise the id is the slug of the name, or `kind-N` (the
/// 1-based position among its siblings) when the name has no letters or digits.
/// Sub-items are added between [`ChecklistBuilder::open_sub_items`] and
/// [`ChecklistBuilder::close_sub_items`].
#[derive(Debug)]
pub struct ChecklistBuilder {
    checklist: Checklist,
    section_paths: HashMap<String, usize>,
    phase_ids: HashMap<String, usize>,
    /// The items whose sub-items are being added, outermost first.
    open: Vec<usize>,
    /// How many siblings each open level holds so far: the section's items
    /// first, then each open item's sub-items.
    siblings: Vec<usize>,
    /// Whether a derived id that a sibling already has gets a free `-N`
    /// suffix instead of being refused: for imports, whose names repeat.
    deduplicate: bool,
    /// The next suffix to try per repeated path, so many repeats of one name
    /// take linear time.
    suffixes: HashMap<String, usize>,
}

/// The id a node gets without an explicit `id:`: the slug of its name, or
/// `kind-N` (its 1-based position among its siblings) when the slug is empty.
pub fn derived_id(name: &str, kind: &str, position: usize) -> String {
    let slug = slugify(name);
    if slug.is_empty() {
        format!("{kind}-{position}")
    } else {
        slug
    }
}

fn choose_id(explicit: Option<&str>, name: &str, kind: &str, position: usize) -> Result<String, IdError> {
    match explicit {
        Some(id) if is_slug(id) => Ok(id.to_owned()),
        Some(id) => Err(IdError::Invalid {
            id: id.to_owned(),
            suggestion: slugify(id),
        }),
        None => Ok(derived_id(name, kind, position)),
    }
}

impl ChecklistBuilder {
    pub fn new(title: String, description: Option<String>) -> Self {
        ChecklistBuilder {
            checklist: Checklist {
                title,
                description,
                params: Vec::new(),
                phases: Vec::new(),
                sections: Vec::new(),
                items: Vec::new(),
                by_id: HashMap::new(),
            },
            section_paths: HashMap::new(),
            phase_ids: HashMap::new(),
            open: Vec::new(),
            siblings: Vec::new(),
            deduplicate: false,
            suffixes: HashMap::new(),
        }
    }

    /// A builder that gives a derived id its sibling already has a `-2`, `-3`
    /// suffix instead of refusing it. Explicit ids are still refused.
    #[must_use]
    pub fn deduplicating(mut self) -> Self {
        self.deduplicate = true;
        self
    }

    /// `id`, or when `taken` says a sibling has it (and the builder
    /// deduplicates a derived id), the first free `id-N`.
    fn free_id(&mut self, id: String, explicit: bool, prefix: &str, taken: impl Fn(&str) -> bool) -> String {
        if explicit || !self.deduplicate || !taken(&format!("{prefix}{id}")) {
            return id;
        }
        let n = self.suffixes.entry(format!("{prefix}{id}")).or_insert(2);
        loop {
            let candidate = format!("{id}-{n}");
            *n += 1;
            if !taken(&format!("{prefix}{candidate}")) {
                return candidate;
            }
        }
    }

    /// Starts a new phase; the sections added next belong to it.
    pub fn phase(&mut self, explicit_id: Option<&str>, name: String, icon: Option<String>) -> Result<(), IdError> {
        let id = choose_id(explicit_id, &name, "phase", self.checklist.phases.len() + 1)?;
        let ids = std::mem::take(&mut self.phase_ids);
        let id = self.free_id(id, explicit_id.is_some(), "", |id| ids.contains_key(id));
        self.phase_ids = ids;
        if let Some(&earlier) = self.phase_ids.get(&id) {
            return Err(IdError::Duplicate { id, earlier });
        }
        let list = &mut self.checklist;
        self.phase_ids.insert(id.clone(), list.phases.len());
        let at = list.sections.len();
        list.phases.push(Phase {
            id,
            name,
            icon,
            description: None,
            gate: false,
            approvals: 0,
            sections: at..at,
        });
        Ok(())
    }

    /// Declares a run parameter.
    pub fn param(&mut self, param: Param) {
        self.checklist.params.push(param);
    }

    /// The current phase opens only when every earlier one is complete.
    pub fn gate(&mut self) {
        if let Some(phase) = self.checklist.phases.last_mut() {
            phase.gate = true;
        }
    }

    /// The current phase opens only once `count` different people approved
    /// it (besides its gate, if it has one).
    pub fn approvals(&mut self, count: usize) {
        if let Some(phase) = self.checklist.phases.last_mut() {
            phase.approvals = count;
        }
    }

    /// What the phase started last tells its reader.
    pub fn phase_description(&mut self, description: Option<String>) {
        if let Some(phase) = self.checklist.phases.last_mut() {
            phase.description = description;
        }
    }

    /// What the section started last tells its reader.
    pub fn section_description(&mut self, description: Option<String>) {
        if let Some(section) = self.checklist.sections.last_mut() {
            section.description = description;
        }
    }

    /// How to do and how to prove the item added last.
    pub fn actions(&mut self, command: Option<String>, verify: Option<String>) {
        if let Some(item) = self.checklist.items.last_mut() {
            item.command = command;
            item.verify = verify;
        }
    }

    /// Starts a new section in the current phase; the items added next belong to it.
    ///
    /// # Panics
    /// When no phase was started: a bug in the caller, not bad input.
    pub fn section(&mut self, explicit_id: Option<&str>, name: String) -> Result<(), IdError> {
        let phase_index = self.checklist.phases.len() - 1;
        let phase = &self.checklist.phases[phase_index];
        let id = choose_id(explicit_id, &name, "section", phase.sections.len() + 1)?;
        let prefix = format!("{}/", phase.id);
        let paths = std::mem::take(&mut self.section_paths);
        let id = self.free_id(id, explicit_id.is_some(), &prefix, |p| paths.contains_key(p));
        self.section_paths = paths;
        let path = format!("{prefix}{id}");
        if let Some(&earlier) = self.section_paths.get(&path) {
            return Err(IdError::Duplicate { id, earlier });
        }
        let list = &mut self.checklist;
        self.section_paths.insert(path, list.sections.len());
        let at = list.items.len();
        list.sections.push(Section {
            id,
            name,
            description: None,
            phase: phase_index,
            items: at..at,
            numbered: false,
        });
        list.phases[phase_index].sections.end = list.sections.len();
        self.open.clear();
        self.siblings = vec![0];
        Ok(())
    }

    /// Adds an item to the current section, or below the item whose sub-items
    /// are open.
    ///
    /// # Panics
    /// When no section was started: a bug in the caller, not bad input.
    pub fn item(&mut self, explicit_id: Option<&str>, title: String, detail: Option<String>) -> Result<(), IdError> {
        let position = self.siblings.last().copied().unwrap_or_default() + 1;
        let id = choose_id(explicit_id, &title, "item", position)?;
        let section_index = self.checklist.sections.len() - 1;
        let prefix = if let Some(&parent) = self.open.last() {
            format!("{}/", self.checklist.items[parent].id)
        } else {
            let section = &self.checklist.sections[section_index];
            format!("{}/{}/", self.checklist.phases[section.phase].id, section.id)
        };
        // One path built and one lookup per item in the common case: this
        // runs for every item of a 100,000-item checklist, twice on import.
        let mut id = id;
        let mut full = format!("{prefix}{id}");
        if explicit_id.is_none() && self.deduplicate && self.checklist.by_id.contains_key(&full) {
            let n = self.suffixes.entry(full.clone()).or_insert(2);
            loop {
                let candidate = format!("{id}-{n}");
                *n += 1;
                let path = format!("{prefix}{candidate}");
                if !self.checklist.by_id.contains_key(&path) {
                    (id, full) = (candidate, path);
                    break;
                }
            }
        }
        let list = &mut self.checklist;
        let index = list.items.len();
        match list.by_id.entry(full.clone()) {
            std::collections::hash_map::Entry::Occupied(taken) => {
                return Err(IdError::Duplicate {
                    id,
                    earlier: *taken.get(),
                });
            }
            std::collections::hash_map::Entry::Vacant(free) => {
                free.insert(index);
            }
        }
        list.items.push(Item {
            id: ItemId(full),
            title,
            detail,
            section: section_index,
            parent: self.open.last().copied(),
            depth: self.open.len(),
            descendants: 0,
            numbered: false,
            command: None,
            verify: None,
        });
        for &parent in &self.open {
            list.items[parent].descendants += 1;
        }
        list.sections[section_index].items.end = list.items.len();
        if let Some(count) = self.siblings.last_mut() {
            *count += 1;
        }
        Ok(())
    }

    /// The items added next are sub-items of the item added last, until
    /// [`ChecklistBuilder::close_sub_items`].
    ///
    /// # Panics
    /// When no item was added to the current level: a bug in the caller.
    pub fn open_sub_items(&mut self) {
        let last = self.checklist.items.len() - 1;
        assert_eq!(
            self.checklist.items[last].depth,
            self.open.len(),
            "sub-items open below the item added last"
        );
        self.open.push(last);
        self.siblings.push(0);
    }

    /// Goes back to adding siblings of the item whose sub-items were open.
    pub fn close_sub_items(&mut self) {
        if self.open.pop().is_some() {
            self.siblings.pop();
        }
    }

    /// How deep the items added next nest: 0 directly in the section.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// The items of the current level are numbered steps: the section's, or
    /// the sub-items of the item whose sub-items are open.
    pub fn numbered(&mut self) {
        match self.open.last() {
            Some(&parent) => self.checklist.items[parent].numbered = true,
            None => {
                if let Some(section) = self.checklist.sections.last_mut() {
                    section.numbered = true;
                }
            }
        }
    }

    pub fn finish(self) -> Checklist {
        self.checklist
    }
}
