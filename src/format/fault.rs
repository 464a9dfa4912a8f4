//! What went wrong in a YAML file, read from serde-saphyr's error variants and
//! the parser's error kinds under them — never from their wording, which any
//! release may change. [`super::explain`] turns a fault into the checklist
//! author's words.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{Error, ExternalMessageSource};

/// The kinds of mistake preflight explains in words of its own; anything else
/// is shown with the library's message.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Fault<'a> {
    /// Nested deeper than the parser's budget allows.
    TooDeep,
    /// Aliases would expand the document far beyond the file (an alias bomb).
    Expands,
    /// A tab where YAML wants spaces.
    Tab,
    /// A character no YAML token starts with (a tab there means indentation).
    StrayCharacter,
    /// The parser looked for the next entry of a collection and found none:
    /// a line out of line with those above it.
    EntryExpected,
    /// A key given twice in one mapping (the key when the parser knows it).
    Duplicate(Option<&'a str>),
    /// A field every entry of its kind needs is not there.
    Missing(&'a str),
    /// A field that holds text was given nothing.
    Empty,
    /// More than one YAML document in the file.
    MultipleDocuments,
    /// A quoted text not closed, or a bad escape inside one.
    Quote,
    /// The parser expected a value of one shape and found another.
    Expected(Shape),
    /// Anything else: the library's own message is shown.
    Other,
}

/// The shapes of value serde-saphyr says it expected.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Shape {
    List,
    Mapping,
    Text,
    Other(&'static str),
}

/// The error under any snippet or alias wrapping serde-saphyr adds.
pub(super) fn original(mut err: &Error) -> &Error {
    while let Error::WithSnippet { error, .. } | Error::AliasError { error, .. } = err {
        err = error;
    }
    err
}

/// The fault an error stands for. `expansion_exhausted` is the loader's own
/// budget for text built through aliases (see `raw::with_expansion_budget`).
pub(super) fn fault_of(err: &Error, expansion_exhausted: bool) -> Fault<'_> {
    if expansion_exhausted {
        return Fault::Expands;
    }
    match original(err) {
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } | BudgetBreach::InclusionDepth { .. } => Fault::TooDeep,
            _ => Fault::Expands,
        },
        Error::AliasReplayStackDepthExceeded { .. } => Fault::TooDeep,
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. } => Fault::Expands,
        Error::DuplicateMappingKey { key, .. } => Fault::Duplicate(key.as_deref()),
        Error::SerdeMissingField { field, .. } => Fault::Missing(field),
        Error::NullIntoString { .. } => Fault::Empty,
        Error::MultipleDocuments { .. } => Fault::MultipleDocuments,
        Error::Unexpected { expected, .. } => Fault::Expected(match *expected {
            "sequence start" => Shape::List,
            "mapping start" => Shape::Mapping,
            "string scalar" => Shape::Text,
            other => Shape::Other(other),
        }),
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => parser_fault(scan.kind()),
            _ => Fault::Other,
        },
        _ => Fault::Other,
    }
}

fn parser_fault(kind: &ErrorKind) -> Fault<'static> {
    match kind {
        ErrorKind::RecursionLimitExceeded => Fault::TooDeep,
        ErrorKind::TabNotAllowed | ErrorKind::TabInBlockIndentation | ErrorKind::TabInIndentation => Fault::Tab,
        ErrorKind::UnexpectedCharacter { .. } => Fault::StrayCharacter,
        ErrorKind::ExpectedNodeContent
        | ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::ExpectedFlowMappingSeparator
        | ErrorKind::ExpectedFlowSequenceSeparator => Fault::EntryExpected,
        ErrorKind::UnclosedQuotedScalar
        | ErrorKind::DocumentIndicatorInQuotedScalar
        | ErrorKind::InvalidQuotedScalarIndent
        | ErrorKind::InvalidTrailingSingleQuotedScalar
        | ErrorKind::InvalidTrailingDoubleQuotedScalar
        | ErrorKind::UnknownQuotedScalarEscape
        | ErrorKind::InvalidQuotedScalarHexEscape
        | ErrorKind::InvalidLowSurrogateHexEscape
        | ErrorKind::InvalidLowSurrogate
        | ErrorKind::MissingLowSurrogate
        | ErrorKind::UnpairedLowSurrogate
        | ErrorKind::InvalidUnicodeEscape => Fault::Quote,
        ErrorKind::MultipleDocumentsUnsupported => Fault::MultipleDocuments,
        _ => Fault::Other,
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::format::yaml::options_for;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        #[serde(default)]
        items: Vec<String>,
        #[serde(default)]
        nested: Option<serde_json::Value>,
    }

    /// The fault serde-saphyr's error for `yaml` stands for: each of these
    /// fails loudly if a release of the library reports a mistake differently.
    fn fault(yaml: &str) -> String {
        let err = serde_saphyr::from_str_with_options::<Doc>(yaml, options_for(yaml.len()))
            .expect_err("the sample is refused");
        format!("{:?}", fault_of(&err, false))
    }

    #[test]
    fn nesting_past_the_budget_is_too_deep() {
        let deep = format!("title: T\nnested: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert_eq!(fault(&deep), "TooDeep");
    }

    #[test]
    fn a_tab_in_the_indentation_is_a_tab() {
        assert_eq!(fault("title: T\nitems:\n\t- a\n"), "Tab");
    }

    #[test]
    fn an_entry_out_of_line_is_an_entry_expected() {
        assert_eq!(fault("title: T\nitems:\n  - a\n - b\n"), "EntryExpected");
    }

    #[test]
    fn a_key_given_twice_is_a_duplicate_with_its_name() {
        assert_eq!(fault("title: T\ntitle: U\n"), "Duplicate(Some(\"title\"))");
    }

    #[test]
    fn a_field_left_out_is_missing_by_name() {
        assert_eq!(fault("items: [a]\n"), "Missing(\"title\")");
    }

    #[test]
    fn a_text_given_nothing_is_empty() {
        assert_eq!(fault("title:\n"), "Empty");
    }

    #[test]
    fn a_second_document_is_multiple_documents() {
        assert_eq!(fault("title: T\n---\ntitle: U\n"), "MultipleDocuments");
    }

    #[test]
    fn an_unclosed_quote_is_a_quote() {
        assert_eq!(fault("title: \"T\nitems: [a]\n"), "Quote");
    }

    #[test]
    fn a_list_where_a_mapping_belongs_is_an_expected_mapping() {
        assert_eq!(fault("- title: T\n"), "Expected(Mapping)");
    }

    #[test]
    fn the_loaders_own_budget_says_expands_whatever_the_error() {
        let err = serde_saphyr::from_str::<Doc>("items: [a]\n").expect_err("no title");
        assert_eq!(fault_of(&err, true), Fault::Expands);
    }
}
