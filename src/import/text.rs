//! Bytes to text as a Dutch school's exports come: UTF-8 with or without a byte order mark,
//! UTF-16 from Excel's "Unicode text", and Windows-1252 from older administrations.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The text and the name of the encoding it was read in.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let (bytes, utf8) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) if encoding != UTF_8 => {
            return (
                encoding.decode_without_bom_handling(&bytes[bom..]).0,
                encoding.name(),
            );
        }
        // A UTF-8 mark before text that is not UTF-8 (saved in one program, edited in another)
        // is no reason to put replacement characters in names: the rest is read as any text.
        Some((_, bom)) => (&bytes[bom..], "UTF-8 (BOM)"),
        None => (bytes, UTF_8.name()),
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), utf8),
        // UTF-8 letters with one byte that is not (a name typed in an old program and pasted
        // in): read as Windows-1252 every other name would turn to mojibake. The odd byte
        // becomes U+FFFD, which the row check refuses with its line (`values::check`).
        Err(_) if has_utf8_letters(bytes) => (String::from_utf8_lossy(bytes), utf8),
        // Every byte means something in Windows-1252, so this never fails: a file in yet
        // another encoding shows odd letters in the dry run rather than an error.
        Err(_) => (
            WINDOWS_1252.decode_without_bom_handling(bytes).0,
            "windows-1252",
        ),
    }
}

/// Whether `bytes` hold a letter beyond ASCII written as UTF-8. Windows-1252 text almost never
/// does by chance: its accented letters are single bytes that UTF-8 cannot read on their own.
fn has_utf8_letters(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

/// The separator of a CSV file: whichever of `;`, `,` and tab occurs most in its header line
/// outside quotes (a tie goes to `;`, the Dutch spreadsheet default, then tab).
pub fn separator(text: &str) -> u8 {
    if let Some(chosen) = excel_hint(text) {
        return chosen;
    }
    let header = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            _ if quoted => {}
            _ => {
                if let Some(count) = counts.iter_mut().find(|(sep, _)| *sep == byte) {
                    count.1 += 1;
                }
            }
        }
    }
    // `max_by_key` keeps the last of equals; reversed, the first in the list wins a tie.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map_or(b';', |(sep, _)| *sep)
}

/// Excel writes `sep=;` as the first line when asked to; it names the separator outright.
pub fn excel_hint(text: &str) -> Option<u8> {
    let first = text.lines().next()?.trim();
    match first.strip_prefix("sep=")?.as_bytes() {
        [b'\t'] => Some(b'\t'),
        [sep @ (b';' | b',' | b'|')] => Some(*sep),
        _ => None,
    }
}

/// Line numbers (from 1) of byte positions in a text, counted once as a reader moves forward.
pub struct Lines<'t> {
    text: &'t str,
    at: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Lines<'t> {
        Lines {
            text,
            at: 0,
            line: 1,
        }
    }

    pub fn at(&mut self, position: usize) -> usize {
        let position = position.min(self.text.len());
        if position > self.at {
            let passed = &self.text.as_bytes()[self.at..position];
            self.line += passed.iter().filter(|&&b| b == b'\n').count();
            self.at = position;
        }
        self.line
    }

    /// The line a record starting at `position` is on: the csv reader may place a record's
    /// start on the line end before it (after a `\r`, before its `\n`).
    pub fn of_record(&mut self, position: usize) -> usize {
        let skipped = self.text.as_bytes()[position.min(self.text.len())..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        self.at(position + skipped)
    }
}
