//! How the shell reads the place where a placeholder stands in a command: bare,
//! inside `'…'`, inside `"…"`, or in a comment. A value is written so that the
//! shell reads back exactly the value there, and never a character of it as
//! syntax; so the quoting depends on the place.
//!
//! The command is read as `sh` reads it, far enough to know each place:
//! quotes, backslashes, comments, and the constructs whose insides are read
//! again by the shell or by rules of their own (`` `…` ``, `${…}`, `$((…))`,
//! `$'…'`, here-documents). A placeholder inside one of those, or right after
//! a `$`, has no place a value can be written into safely: it is refused, and
//! the author is pointed to `"$PREFLIGHT_PARAM_NAME"`, which the shell expands
//! without reading it as code. The inside of `$(…)` is a script of its own,
//! read by the same rules, so a placeholder there is placed as in the command
//! itself. Where the reading cannot follow the shell (`case` inside `$(…)`,
//! quotes inside `${…}`), every later placeholder is refused too, rather than
//! guessed.

mod place;
mod reader;

pub use place::Tok;
pub use place::{Quoting, Unknowable};

/// The command with every line continuation (a backslash before a line
/// break) taken out, as the shell takes them out before it reads words:
/// `ca\⏎se` is `case`, `$\⏎{{v}}` is `${{v}}`, `<\⏎<EOF` a here-document. The
/// shell leaves them in single quotes, comments and quoted here-documents;
/// taken out there too, they make the reading only stricter (a comment seen
/// longer is written into as a comment, which is safe either way; a
/// here-document seen longer refuses what stands in it).
fn joined(toks: &[Tok]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        match (toks[i], toks.get(i + 1)) {
            (Tok::Ch('\\'), Some(Tok::Ch('\n'))) => i += 2,
            (Tok::Ch('\\'), Some(&next)) => {
                // An escaped character, a backslash too, is itself.
                out.push(Tok::Ch('\\'));
                out.push(next);
                i += 2;
            }
            (tok, _) => {
                out.push(tok);
                i += 1;
            }
        }
    }
    out
}

/// The place of each placeholder among `toks`, in order.
pub(super) fn places(toks: &[Tok]) -> Result<Vec<Quoting>, Unknowable> {
    reader::Reader::read(&joined(toks))
}

/// `value` written for its place, so that the shell reads back exactly it.
pub fn write(value: &str, quoting: Quoting, out: &mut String) {
    match quoting {
        Quoting::Bare => quote_into(value, out),
        Quoting::Single => {
            for c in value.chars() {
                if c == '\'' {
                    out.push_str(r"'\''");
                } else {
                    out.push(c);
                }
            }
        }
        Quoting::Double => {
            for c in value.chars() {
                if matches!(c, '\\' | '"' | '$' | '`') {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        Quoting::Comment => {
            let one_line: String = value
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            quote_into(&one_line, out);
        }
    }
}

/// `text` as one single-quoted shell word: `'it'\''s'` for `it's`.
pub fn quote_into(text: &str, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        if c == '\'' {
            out.push_str(r"'\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
}
