//! Item lines written as people write Markdown, and read back exactly.

use super::Parts;
use super::read::read;
use super::write::{code_spans_close, reads_back_as_written, write};
use crate::timestamp::Timestamp;

fn parts(title: &str, detail: Option<&str>) -> Parts {
    Parts {
        title: title.into(),
        detail: detail.map(Into::into),
        skipped: None,
        who: None,
        forced: false,
    }
}

#[test]
fn markdown_is_written_as_it_is_and_bold_only_before_a_detail() {
    assert_eq!(
        write(&parts("Feature flag (default **off**)", None)),
        "Feature flag (default **off**)"
    );
    assert_eq!(
        write(&parts("Docs at <https://x.example/a_b>", None)),
        "Docs at <https://x.example/a_b>"
    );
    assert_eq!(
        write(&parts("Database", Some("backed up, see `pg_dump`"))),
        "**Database** backed up, see `pg_dump`"
    );
    assert_eq!(
        write(&parts("**Create** and **push** the tag", None)),
        "****Create** and **push** the tag**",
        "a title that starts bold is wrapped, so it is not read as title + detail"
    );
}

fn reads_back_as_the_same_words(title: &str, detail: Option<&str>) {
    let line = write(&parts(title, detail));
    let back = read(&line).unwrap();
    assert_eq!(
        crate::inline::to_plain(&back.title),
        crate::inline::to_plain(title),
        "{line}"
    );
    assert_eq!(
        back.detail.as_deref().map(crate::inline::to_plain),
        detail.map(crate::inline::to_plain),
        "{line}"
    );
}

preflight_core::cases! {
    stray_markup_is_escaped_only_where_it_would_break_the_line, reads_back_as_the_same_words:
    a_trailing_star = ("a*", Some("b")),
    a_lone_strike = ("x ~~ y", None),
    a_trailing_backslash = ("ends with \\", Some("d")),
    an_open_code_span = ("`open code", Some("closed `here`")),
    emphasis_before_a_detail = ("*a*", Some("b")),
    underscores = ("__init__ files", None),
    an_open_comment = ("<!-- not a comment", None),
}

#[test]
fn the_other_bold_keeps_a_title_with_a_star_as_it_is() {
    assert_eq!(
        write(&parts("a*", Some("b"))),
        "__a*__ b",
        "the other bold keeps the text as it is"
    );
}

#[test]
fn skipped_items_and_who_and_when_read_back() {
    let at = Timestamp::parse("2026-11-29T10:02:11Z").unwrap();
    let item = Parts {
        title: "Rollback ~tested~".into(),
        detail: Some("on **staging**".into()),
        skipped: Some(Some("no db (yet)".into())),
        who: Some(("bob *the* builder".into(), at)),
        forced: true,
    };
    let line = write(&item);
    assert_eq!(read(&line), Some(item), "{line}");
}

#[test]
fn who_and_when_to_the_millisecond_does_not_force_escapes() {
    let at = Timestamp::parse("2026-11-29T10:02:11.347Z").unwrap();
    let item = Parts {
        who: Some(("alice".into(), at)),
        ..parts(
            "Hashed with `argon2id`, see [the runbook](https://wiki.example/a#b)",
            None,
        )
    };
    assert_eq!(
        write(&item),
        "Hashed with `argon2id`, see [the runbook](https://wiki.example/a#b) — *alice, 2026-11-29 10:02:11 UTC*"
    );
}

#[test]
fn a_title_alone_is_plain_even_when_it_starts_struck_through() {
    assert_eq!(write(&parts("~~Legacy FTP~~ removed", None)), "~~Legacy FTP~~ removed");
}

fn taken_the_quick_way_and_read_back(title: &str, detail: Option<&str>) {
    assert!(reads_back_as_written(title, detail), "{title}");
    let line = write(&parts(title, detail));
    let back = read(&line).unwrap();
    assert_eq!((back.title.as_str(), back.detail.as_deref()), (title, detail), "{line}");
}

fn not_taken_without_a_check(title: &str, detail: Option<&str>) {
    assert!(!reads_back_as_written(title, detail), "{title}");
}

// Each of these takes the quick way; reading back proves it was right.
preflight_core::cases! {
    text_taken_without_a_check_reads_back_as_written, taken_the_quick_way_and_read_back:
    code_bold_and_a_link_in_the_detail = (
        "Verify component 1.1.1 is configured",
        Some("against the **runbook**, see `svc-1` and [the dashboard](https://x.example/d/1)")
    ),
    code_in_the_title = ("Run `make check` first", None),
    bold_inside_the_title = ("Feature flag (default **off**)", None),
    a_stray_star = ("a *stray star", None),
    emphasis_and_an_underscore_in_the_detail = ("Plain", Some("detail with *one* star and a_b")),
}

preflight_core::cases! {
    text_that_could_read_back_otherwise_is_checked, not_taken_without_a_check:
    a_title_that_starts_bold = ("**Lead** rest", None),
    an_open_code_span = ("a `b", None),
    a_trailing_tilde_in_the_detail = ("x", Some("y~")),
    a_trailing_star = ("t*", Some("d")),
    a_trailing_backslash = ("ends \\", None),
}

#[test]
fn code_spans_close_when_their_backquotes_match() {
    assert!(code_spans_close("`a` and ``b`` and `` ` ``"));
    assert!(!code_spans_close("``a`"));
}
