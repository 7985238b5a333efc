//! Text that came from data (a file, a paste, a stored record) made safe to show. A name with
//! `ESC [2J` clears the screen of whoever lists it, an OSC sequence retitles their window, and
//! a bidi override turns the text after it around: none of these may reach a terminal or a
//! document as the control it is. One rule, used at every place where text leaves otter (the
//! command line, the screen, the export files) and where it enters (import, paste).
//!
//! A leaf: no other module of otter is used here, so every layer may use it.

use std::borrow::Cow;
use std::io::{self, Write};

/// A character that changes how a terminal or a text viewer treats what follows, rather than
/// being a letter: C0 (newline and tab included), DEL, C1 (`char::is_control`), and the bidi
/// embeddings, overrides and isolates (Trojan Source). The marks LRM and RLM are kept: they
/// only nudge one neutral character and occur in real right-to-left names.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` on one line with every unsafe character shown as a visible sign: C0 as its Unicode
/// control picture (`␛` for ESC), DEL as `␡`, anything else as `[U+XXXX]`.
pub fn visible(text: &str) -> Cow<'_, str> {
    shown(text, |_, _| false)
}

/// The same for a whole document or a free text of several lines: newlines and tabs stay, and
/// a carriage return stays where it ends a line (CRLF in calendar files), never on its own
/// (a bare `\r` lets the rest of a line overwrite what was printed before it).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    shown(text, |c, next| {
        matches!(c, '\n' | '\t') || (c == '\r' && next == Some('\n'))
    })
}

/// Typed or pasted text without its unsafe characters, line breaks and tabs kept: a paste
/// from a web page or a terminal brings escapes nobody meant to type.
pub fn cleaned(text: &str) -> Cow<'_, str> {
    // A pasted paragraph keeps its line breaks and tabs; every other unsafe character goes.
    let dropped = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r');
    if !text.chars().any(dropped) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !dropped(c)).collect())
}

fn shown(text: &str, kept: impl Fn(char, Option<char>) -> bool) -> Cow<'_, str> {
    let mut chars = text.chars().peekable();
    let mut first_unsafe = None;
    let mut at = 0;
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !kept(c, chars.peek().copied()) {
            first_unsafe = Some(at);
            break;
        }
        at += c.len_utf8();
    }
    let Some(start) = first_unsafe else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..start]);
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        if !is_unsafe(c) || kept(c, chars.peek().copied()) {
            out.push(c);
        } else if let Some(picture) = picture(c) {
            out.push(picture);
        } else {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        }
    }
    Cow::Owned(out)
}

/// The control pictures block (U+2400) has a sign for each C0 character and DEL.
fn picture(c: char) -> Option<char> {
    match u32::from(c) {
        code @ 0..=0x1F => char::from_u32(0x2400 + code),
        0x7F => Some('\u{2421}'),
        _ => None,
    }
}

/// A writer that shows what passes through it with `visible_lines`: the command line's
/// standard output and error, whatever a command prints. Text split inside a character by
/// the caller is held back until the rest arrives.
pub struct Visible<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Visible<W> {
    pub fn new(inner: W) -> Visible<W> {
        Visible {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            // At most three bytes of a character cut short wait for the next write; any other
            // invalid byte is no text and is shown as the replacement character.
            Err(err) if err.error_len().is_none() => err.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        let rest = self.pending.split_off(valid);
        let text = String::from_utf8_lossy(&self.pending);
        self.inner.write_all(visible_lines(&text).as_bytes())?;
        self.pending = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let text = String::from_utf8_lossy(&self.pending).into_owned();
            self.pending.clear();
            self.inner.write_all(visible_lines(&text).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Visible<W> {
    fn drop(&mut self) {
        // A write error here has nowhere to go; the text before it was written already.
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_osc_titles_are_shown_as_signs() {
        assert_eq!(visible("Jan\x1b[2J"), "Jan␛[2J");
        assert_eq!(visible("\x1b]0;pwned\x07Piet"), "␛]0;pwned␇Piet");
        assert_eq!(visible("a\u{7f}b\u{9b}c"), "a␡b[U+009B]c");
        assert_eq!(visible("abc\u{202E}cba"), "abc[U+202E]cba");
        assert_eq!(visible("two\nlines\tand"), "two␊lines␉and");
    }

    #[test]
    fn clean_text_is_borrowed_and_unchanged() {
        for text in [
            "Fatma Yılmaz",
            "Zoë de Vries",
            "محمد",
            "👩‍👧",
            "e\u{301}",
            "\u{200F}x",
        ] {
            assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn documents_keep_line_breaks_but_no_bare_carriage_return() {
        assert_eq!(visible_lines("a\r\nb\n\tc"), "a\r\nb\n\tc");
        assert_eq!(visible_lines("secret\rshown"), "secret␍shown");
        assert_eq!(visible_lines("x\x1b[2Jy\r"), "x␛[2Jy␍");
    }

    #[test]
    fn a_paste_loses_its_escapes_and_keeps_its_lines() {
        assert_eq!(
            cleaned("Verslag\x1b[2J\r\nvan\t\u{202E}de"),
            "Verslag[2J\r\nvan\tde"
        );
        assert!(matches!(cleaned("gewoon\ntekst"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_shows_escapes_even_when_a_character_is_cut_in_two() {
        let mut bytes = Vec::new();
        {
            let mut out = Visible::new(&mut bytes);
            let text = "é\x1b[2J\u{9b}\n".as_bytes();
            for byte in text {
                out.write_all(std::slice::from_ref(byte)).unwrap();
            }
        }
        assert_eq!(String::from_utf8(bytes).unwrap(), "é␛[2J[U+009B]\n");
    }
}
