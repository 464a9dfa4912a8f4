//! Here-documents in the reading of a command: the delimiter word after
//! `<<` (quoted or not, `<<-` stripping tabs), and the body lines up to the
//! one that is the delimiter, where no value can be written.

use super::super::place::Tok;
use super::{Frame, Reader, ends_word};

impl Reader<'_> {
    pub(super) fn heredoc_word(&mut self, c: char) {
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

    pub(super) fn heredoc_line(&mut self, c: char) {
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
