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

/// Where a placeholder stands, as the shell reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// Unquoted: the value goes in as one single-quoted word.
    Bare,
    /// Inside `'…'`: the quotes are closed around each `'` of the value.
    Single,
    /// Inside `"…"`: `\`, `"`, `$` and the backquote are escaped.
    Double,
    /// In a `#` comment: a quoted word without line breaks, so the comment
    /// stays one line (and stays harmless if it was not a comment after all).
    Comment,
}

/// Why a placeholder's place cannot be written into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknowable {
    /// Which placeholder of the text, counted from 0.
    pub placeholder: usize,
    /// Where it stands, in words: "inside backquotes".
    pub place: &'static str,
}

/// One character of the command, or a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    Ch(char),
    Param,
}

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

struct Reader<'a> {
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
    let toks = &joined(toks);
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

    /// `$` and what follows it, in a script or between double quotes: a
    /// construct of its own, or a plain `$` (noted: a placeholder must not
    /// follow it).
    fn dollar(&mut self, in_double: bool) {
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

    fn brace(&mut self, c: char, depth: u32) {
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

    fn arith(&mut self, c: char, parens: u32) {
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

    fn heredoc_word(&mut self, c: char) {
        let next = match self.peek(0) {
            Some(Tok::Ch(next)) => Some(next),
            _ => None,
        };
        let Some(Frame::HeredocWord {
            strip,
            word,
            quote,
            started,
        }) = self.stack.last_mut()
        else {
            return;
        };
        let mut skip = false;
        match (*quote, c) {
            (None, ' ' | '\t') if !*started => return,
            (None, c) if *started && ends_word(c) => {
                // The word has ended; the character is the script's.
                let done = (std::mem::take(word), *strip);
                self.at -= 1;
                self.stack.pop();
                self.pending.push(done);
                return;
            }
            (None, '\'' | '"') => *quote = Some(c),
            (Some(q), c) if c == q => *quote = None,
            (None | Some('"'), '\\') => {
                if let Some(next) = next {
                    word.push(next);
                    skip = true;
                }
            }
            (_, c) => word.push(c),
        }
        *started = true;
        if skip {
            self.at += 1;
        }
    }

    fn heredoc_line(&mut self, c: char) {
        let Some(Frame::HeredocBody { delim, strip, line }) = self.stack.last_mut() else {
            return;
        };
        if c != '\n' {
            line.push(c);
            return;
        }
        let text = if *strip {
            line.trim_start_matches('\t')
        } else {
            line.as_str()
        };
        if text != delim.as_str() {
            line.clear();
            return;
        }
        self.stack.pop();
        self.word_start = true;
        // The next here-document announced on the same line, if any.
        if !self.pending.is_empty() {
            let (delim, strip) = self.pending.remove(0);
            self.push(Frame::HeredocBody {
                delim,
                strip,
                line: String::new(),
            });
        }
    }
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
