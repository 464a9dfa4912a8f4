//! The constructs after a `$` in the reading of a command: `$(…)` (a script
//! of its own), `${…}`, `$((…))` and `$'…'`, and where each ends; inside the
//! last three no value can be written.

use super::super::place::Tok;
use super::{Frame, Reader};

impl Reader<'_> {
    /// `$` and what follows it, in a script or between double quotes: a
    /// construct of its own, or a plain `$` (noted: a placeholder must not
    /// follow it).
    pub(super) fn dollar(&mut self, in_double: bool) {
        match (self.peek(0), self.peek(1)) {
            (Some(Tok::Ch('(')), Some(Tok::Ch('('))) => {
                self.at += 2;
                self.push(Frame::Arith { parens: 0 });
            }
            (Some(Tok::Ch('(')), _) => {
                self.at += 1;
                self.push(Frame::Script {
                    nested: true,
                    parens: 0,
                });
                self.word_start = true;
                self.word.clear();
            }
            (Some(Tok::Ch('{')), _) => {
                self.at += 1;
                self.push(Frame::Brace { depth: 0 });
            }
            (Some(Tok::Ch('\'')), _) if !in_double => {
                // bash, ksh and zsh read `$'…'` with escapes of its own,
                // dash reads `$` and a quoted string: what follows cannot
                // be known for every `sh`.
                self.at += 1;
                self.lost = Some("after a `$'…'`, which shells read differently");
                self.push(Frame::DollarSingle);
            }
            _ => self.bare_dollar = Some(self.at),
        }
    }

    pub(super) fn brace(&mut self, c: char, depth: u32) {
        match c {
            '\\' => self.skip_char(),
            '\'' | '"' => self.lost = Some("after quotes inside `${…}`"),
            '`' => self.push(Frame::Backquote),
            '$' if self.peek(0) == Some(Tok::Ch('{')) => {
                self.at += 1;
                self.set_top(Frame::Brace { depth: depth + 1 });
            }
            '$' => self.dollar(true),
            '}' if depth == 0 => self.pop(),
            '}' => self.set_top(Frame::Brace { depth: depth - 1 }),
            _ => {}
        }
    }

    pub(super) fn arith(&mut self, c: char, parens: u32) {
        match c {
            '\'' | '"' | '\\' => self.lost = Some("after quotes inside `$((…))`"),
            '`' => self.push(Frame::Backquote),
            '$' => self.dollar(true),
            '(' => self.set_top(Frame::Arith { parens: parens + 1 }),
            ')' if parens == 0 => {
                if self.peek(0) == Some(Tok::Ch(')')) {
                    self.at += 1;
                    self.pop();
                } else {
                    self.lost = Some("after a `$((…))` the shell may read otherwise");
                }
            }
            ')' => self.set_top(Frame::Arith { parens: parens - 1 }),
            _ => {}
        }
    }
}
