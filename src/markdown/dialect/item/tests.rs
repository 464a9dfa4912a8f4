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

#[test]
fn stray_markup_is_escaped_only_where_it_would_break_the_line() {
    for (title, detail) in [
        ("a*", Some("b")),
        ("x ~~ y", None),
        ("ends with \\", Some("d")),
        ("`open code", Some("closed `here`")),
        ("*a*", Some("b")),
        ("__init__ files", None),
        ("<!-- not a comment", None),
    ] {
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

#[test]
fn text_taken_without_a_check_reads_back_as_written() {
    // Each of these takes the quick way; reading back proves it was right.
    for (title, detail) in [
        (
            "Verify component 1.1.1 is configured",
            Some("against the **runbook**, see `svc-1` and [the dashboard](https://x.example/d/1)"),
        ),
        ("Run `make check` first", None),
        ("Feature flag (default **off**)", None),
        ("a *stray star", None),
        ("Plain", Some("detail with *one* star and a_b")),
    ] {
        assert!(reads_back_as_written(title, detail), "{title}");
        let line = write(&parts(title, detail));
        let back = read(&line).unwrap();
        assert_eq!((back.title.as_str(), back.detail.as_deref()), (title, detail), "{line}");
    }
    for (title, detail) in [
        ("**Lead** rest", None),
        ("a `b", None),
        ("x", Some("y~")),
        ("t*", Some("d")),
        ("ends \\", None),
    ] {
        assert!(!reads_back_as_written(title, detail), "{title}");
    }
    assert!(code_spans_close("`a` and ``b`` and `` ` ``"));
    assert!(!code_spans_close("``a`"));
}
