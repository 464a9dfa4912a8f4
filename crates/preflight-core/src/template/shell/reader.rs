//! The reading of a command, character by character, as `sh` reads it: a
//! stack of frames (the script, quotes, `$(…)`, backquotes, `${…}`,
//! `$((…))`, comments, here-documents), and at each placeholder the place it
//! stands in, or why no value can be written there.

use super::place::{Quoting, Tok, Unknowable};

mod constructs;
mod heredoc;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Frame {
    /// A script: the command itself, or the inside of `$(…)` (`nested`),
    /// which ends at the `)` that balances its `(`.
    Script {
        nested: bool,
        parens: u32,
    },
    Single,
    Double,
    DollarSingle,
    Backquote,
    Brace {
        depth: u32,
    },
    Arith {
        parens: u32,
    },
    Comment,
    /// The word after `<<`: the delimiter of a here-document.
    HeredocWord {
        strip: bool,
        word: String,
        quote: Option<char>,
        started: bool,
    },
    /// A here-document's lines, up to the one that is its delimiter.
    HeredocBody {
        delim: String,
        strip: bool,
        line: String,
    },
}

/// Characters after which a `#` starts a comment.
fn ends_word(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>')
}

pub(super) struct Reader<'a> {
    toks: &'a [Tok],
    at: usize,
    stack: Vec<Frame>,
    /// Here-documents announced on the current line: their bodies start at
    /// its end.
    pending: Vec<(String, bool)>,
    /// In a script frame: the next character starts a word.
    word_start: bool,
    /// The last word read in a script frame, to notice `case`.
    word: String,
    /// Set where the reading cannot follow the shell any more.
    lost: Option<&'static str>,
    /// The position just after a `$` that starts no construct: a placeholder
    /// there would make one of the value (`$(`, `${`, bash's `$'`).
    bare_dollar: Option<usize>,
    placeholders: usize,
}

impl<'a> Reader<'a> {
    /// Reads `toks` (line continuations already taken out) to their end.
    pub(super) fn read(toks: &'a [Tok]) -> Result<Vec<Quoting>, Unknowable> {
        let mut reader = Reader {
            toks,
            at: 0,
            stack: vec![Frame::Script {
                nested: false,
                parens: 0,
            }],
            pending: Vec::new(),
            word_start: true,
            word: String::new(),
            lost: None,
            bare_dollar: None,
            placeholders: 0,
        };
        let mut out = Vec::new();
        while reader.at < toks.len() {
            match toks[reader.at] {
                Tok::Param => {
                    out.push(reader.place()?);
                    reader.placeholders += 1;
                    reader.at += 1;
                    reader.word_start = false;
                }
                Tok::Ch(c) => reader.step(c),
            }
        }
        Ok(out)
    }
}

impl Reader<'_> {
    fn peek(&self, ahead: usize) -> Option<Tok> {
        self.toks.get(self.at + ahead).copied()
    }

    fn refuse(&self, place: &'static str) -> Unknowable {
        Unknowable {
            placeholder: self.placeholders,
            place,
        }
    }

    /// The place of the placeholder at the reader.
    fn place(&self) -> Result<Quoting, Unknowable> {
        if let Some(why) = self.lost {
            return Err(self.refuse(why));
        }
        let after_dollar = self.bare_dollar == Some(self.at);
        // The innermost script: the command, or a `$(…)` in it, whose
        // inside is a script of its own that the shell reads by the same
        // rules. Between the command and it, only scripts and double quotes.
        let script = self
            .stack
            .iter()
            .rposition(|f| matches!(f, Frame::Script { .. }))
            .unwrap_or_default();
        let clear = self.stack[..script]
            .iter()
            .all(|f| matches!(f, Frame::Script { .. } | Frame::Double));
        let inner = match &self.stack[script + 1..] {
            [] if clear => None,
            [frame] if clear => Some(frame),
            _ => return Err(self.refuse(self.innermost_construct())),
        };
        match inner {
            None | Some(Frame::Double) if after_dollar => Err(self.refuse("right after a `$`")),
            None => Ok(Quoting::Bare),
            Some(Frame::Single) => Ok(Quoting::Single),
            Some(Frame::Double) => Ok(Quoting::Double),
            Some(Frame::Comment) => Ok(Quoting::Comment),
            Some(_) => Err(self.refuse(self.innermost_construct())),
        }
    }

    fn innermost_construct(&self) -> &'static str {
        for frame in self.stack.iter().rev() {
            match frame {
                Frame::Backquote => return "inside backquotes",
                Frame::Brace { .. } => return "inside `${…}`",
                Frame::Arith { .. } => return "inside `$((…))`",
                Frame::DollarSingle => return "inside `$'…'`",
                Frame::HeredocWord { .. } => return "in a here-document's delimiter",
                Frame::HeredocBody { .. } => return "inside a here-document",
                _ => {}
            }
        }
        "where the shell reads it again"
    }

    /// Reads the character `c` at the reader and moves past it.
    fn step(&mut self, c: char) {
        self.at += 1;
        let Some(frame) = self.stack.last() else { return };
        match *frame {
            Frame::Script { nested, parens } => self.script(c, nested, parens),
            Frame::Single => {
                if c == '\'' {
                    self.pop();
                }
            }
            Frame::Double => self.double(c),
            Frame::DollarSingle | Frame::Backquote => {
                let close = if *frame == Frame::Backquote { '`' } else { '\'' };
                if c == '\\' {
                    self.skip_char();
                } else if c == close {
                    self.pop();
                }
            }
            Frame::Brace { depth } => self.brace(c, depth),
            Frame::Arith { parens } => self.arith(c, parens),
            Frame::Comment => {
                if c == '\n' {
                    // The line break is the script's: it may start a
                    // here-document's body.
                    self.at -= 1;
                    self.pop();
                }
            }
            Frame::HeredocWord { .. } => self.heredoc_word(c),
            Frame::HeredocBody { .. } => self.heredoc_line(c),
        }
    }

    /// Moves past the next character (one a backslash escapes); never past a
    /// placeholder, which is counted where it stands.
    fn skip_char(&mut self) {
        if matches!(self.peek(0), Some(Tok::Ch(_))) {
            self.at += 1;
        }
    }

    fn pop(&mut self) {
        self.stack.pop();
        self.word_start = false;
    }

    fn push(&mut self, frame: Frame) {
        self.stack.push(frame);
    }

    fn set_top(&mut self, frame: Frame) {
        if let Some(last) = self.stack.last_mut() {
            *last = frame;
        }
    }

    fn script(&mut self, c: char, nested: bool, parens: u32) {
        let starts_word = self.word_start;
        self.word_start = ends_word(c);
        if self.word_start {
            if nested && self.word == "case" {
                self.lost = Some("after a `case` inside `$(…)`");
            }
            if self.word == "alias" || self.word == "eval" {
                // A word that makes text into code again (an alias may even
                // hide a `case`).
                self.lost = Some("after `alias` or `eval`, which read text as code again");
            }
            self.word.clear();
        } else if c.is_ascii_alphabetic() {
            self.word.push(c);
        } else {
            self.word.clear();
        }
        match c {
            // The next character is itself, whatever it is.
            '\\' => self.skip_char(),
            '\'' => self.push(Frame::Single),
            '"' => self.push(Frame::Double),
            '`' => self.push(Frame::Backquote),
            '$' => self.dollar(false),
            '#' if starts_word => self.push(Frame::Comment),
            '<' if self.peek(0) == Some(Tok::Ch('<')) && self.peek(1) != Some(Tok::Ch('<')) => {
                self.at += 1;
                let strip = self.peek(0) == Some(Tok::Ch('-'));
                if strip {
                    self.at += 1;
                }
                self.push(Frame::HeredocWord {
                    strip,
                    word: String::new(),
                    quote: None,
                    started: false,
                });
            }
            '\n' if !self.pending.is_empty() => {
                let (delim, strip) = self.pending.remove(0);
                self.push(Frame::HeredocBody {
                    delim,
                    strip,
                    line: String::new(),
                });
            }
            '(' if nested => self.set_top(Frame::Script {
                nested,
                parens: parens + 1,
            }),
            ')' if nested && parens == 0 => self.pop(),
            ')' if nested => self.set_top(Frame::Script {
                nested,
                parens: parens - 1,
            }),
            _ => {}
        }
    }

    fn double(&mut self, c: char) {
        match c {
            '\\' => {
                if matches!(self.peek(0), Some(Tok::Ch('$' | '`' | '"' | '\\' | '\n'))) {
                    self.skip_char();
                }
            }
            '"' => self.pop(),
            '`' => self.push(Frame::Backquote),
            '$' => self.dollar(true),
            _ => {}
        }
    }
}
