//! The YAML front matter of a Markdown file (`---` … `---` at its top): what
//! its `title` (or `name`) and `description` say, read as YAML reads them —
//! folded (`>-`) and literal (`|`) blocks, quotes, escapes — under the same
//! budget as a checklist file, so a hostile block cannot grow in memory.

use serde::Deserialize;

use super::raw::{Text, with_expansion_budget};
use super::yaml::{expansion_units, options_for};

#[derive(Deserialize)]
struct Front {
    #[serde(default)]
    title: Option<Text>,
    #[serde(default)]
    name: Option<Text>,
    #[serde(default)]
    description: Option<Text>,
}

/// The title and description a front matter block gives, `(None, None)` when
/// it is not a mapping of texts (GitHub then shows it as a table, and the
/// importer reads it as the rest of the document).
pub(super) fn front_matter(yaml: &str) -> (Option<String>, Option<String>) {
    let parsed = with_expansion_budget(expansion_units(yaml.len()), || {
        serde_saphyr::from_str_with_options::<Front>(yaml, options_for(yaml.len()))
    })
    .0;
    match parsed {
        Ok(front) => (front.title.or(front.name).map(|t| t.0), front.description.map(|t| t.0)),
        Err(_) => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::front_matter;

    #[test]
    fn folded_and_literal_scalars_read_as_yaml_reads_them() {
        let (title, description) =
            front_matter("title: \"Release: v2\"\ndescription: >-\n  Steps to cut\n  a release.\n");
        assert_eq!(title.as_deref(), Some("Release: v2"));
        assert_eq!(description.as_deref(), Some("Steps to cut a release."));
        let (_, literal) = front_matter("name: x\ndescription: |\n  one\n  two\nlabels: [a, b]\n");
        assert_eq!(literal.as_deref(), Some("one\ntwo\n"));
        assert_eq!(front_matter("name: Bug report\n").0.as_deref(), Some("Bug report"));
    }

    #[test]
    fn what_is_not_a_mapping_of_texts_gives_nothing() {
        assert_eq!(front_matter("- a\n- b\n"), (None, None));
        assert_eq!(front_matter("title: [1, 2]\n"), (None, None));
        assert_eq!(front_matter("a: &x [*x]\n"), (None, None));
    }
}
