//! Slugs: the short, stable names that make up item ids.
//!
//! A slug is lowercase ASCII letters and digits joined by single dashes. Ids are
//! derived from names so that a checklist needs no bookkeeping, yet they stay valid
//! in file names, URLs and shell arguments.

/// Derives a slug from free text: every character that is not an ASCII letter or
/// digit separates words. Returns an empty string when nothing is left, so the
/// caller can fall back to a positional id.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    slug
}

/// Whether `text` is already a slug, as an explicit `id:` must be.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_joins_words_with_single_dashes() {
        assert_eq!(slugify("Cloud/On-premise environment"), "cloud-on-premise-environment");
        assert_eq!(slugify("CI/CD Pipeline"), "ci-cd-pipeline");
        assert_eq!(slugify("  Monitoring & Alerting  "), "monitoring-alerting");
        assert_eq!(slugify("First 24 Hours"), "first-24-hours");
        assert_eq!(slugify("**RBAC** (Role-Based)"), "rbac-role-based");
    }

    #[test]
    fn slugify_treats_non_ascii_as_separators() {
        assert_eq!(slugify("Café résumé"), "caf-r-sum");
        assert_eq!(slugify("🚀 Launch"), "launch");
        assert_eq!(slugify("日本語"), "");
        assert_eq!(slugify("--- !!! ---"), "");
    }

    fn a_slug(text: &str) {
        assert!(is_slug(text), "{text} should be a slug");
    }

    crate::cases! { canonical_slugs_are_slugs, a_slug:
        one_letter = ("a"),
        two_words = ("cloud-env"),
        letter_and_digit = ("v2"),
        digits_first = ("2024-q1"),
    }

    fn not_a_slug(text: &str) {
        assert!(!is_slug(text), "{text} should not be a slug");
    }

    crate::cases! { anything_else_is_not_a_slug, not_a_slug:
        empty = (""),
        leading_dash = ("-a"),
        trailing_dash = ("a-"),
        double_dash = ("a--b"),
        upper_case = ("A"),
        a_slash = ("code/tag"),
        an_underscore = ("a_b"),
        a_space = ("a b"),
        an_accent = ("é"),
    }

    fn slug_or_empty(text: &str) {
        let slug = slugify(text);
        assert!(slug.is_empty() || is_slug(&slug), "{text:?} -> {slug:?}");
    }

    crate::cases! { every_slugify_result_is_a_slug_or_empty, slug_or_empty:
        a_letter = ("x"),
        punctuation = ("Hello, World!"),
        double_dash = ("a--b"),
        accented_capitals = ("ÀB"),
        slashes = ("x/y/z"),
        spaces = ("  "),
    }
}
