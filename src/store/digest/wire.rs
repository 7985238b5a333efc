//! The digests' binary form (schema 6). Decoding 50,000 case and 167,000 action digests from
//! JSON took half of all the monitoring figures' time on a large school; this form is read
//! field by field in the order it was written, with no names and no parsing of numbers.
//!
//! Unsigned numbers are LEB128 (seven bits a byte, the high bit says another follows); a date
//! is its day number since 1-1-0001 zigzagged into an unsigned number; a date that may be
//! missing is 0 for none and that number plus one otherwise; text is its length in bytes and
//! its UTF-8. A value starts with `codec::PLAIN_BINARY` and is sealed like any other when the
//! database is encrypted.

use chrono::{Datelike, NaiveDate};
use zeroize::Zeroizing;

use crate::domain::{Consent, Level};
use crate::store::codec;

/// Builds one value; the bytes are wiped when dropped, as the codec's plain values are.
pub(super) struct Writer(Zeroizing<Vec<u8>>);

impl Writer {
    pub(super) fn new() -> Writer {
        Writer(Zeroizing::new(vec![codec::PLAIN_BINARY]))
    }

    /// The plain value: format byte and body.
    pub(super) fn bytes(&self) -> &[u8] {
        &self.0
    }

    pub(super) fn uint(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    pub(super) fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub(super) fn day(&mut self, date: NaiveDate) {
        self.uint(zigzag(date.num_days_from_ce()));
    }

    pub(super) fn maybe_day(&mut self, date: Option<NaiveDate>) {
        self.uint(date.map_or(0, |date| zigzag(date.num_days_from_ce()) + 1));
    }

    pub(super) fn text(&mut self, text: &str) {
        self.uint(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    pub(super) fn level(&mut self, level: Level) {
        self.byte(level.get());
    }

    pub(super) fn consent(&mut self, consent: Consent) {
        self.byte(match consent {
            Consent::Unknown => 0,
            Consent::Yes => 1,
            Consent::No => 2,
            Consent::Anonymous => 3,
        });
    }
}

/// Reads one value's body; every read is `None` past its end or on a value out of range, and
/// the caller calls the whole value damaged.
pub(super) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The body of `plain`, which must be a binary value.
    pub(super) fn of(plain: &'a [u8]) -> Option<Reader<'a>> {
        match plain.split_first() {
            Some((&codec::PLAIN_BINARY, rest)) => Some(Reader { rest }),
            _ => None,
        }
    }

    pub(super) fn is_done(&self) -> bool {
        self.rest.is_empty()
    }

    pub(super) fn uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.rest.split_first()?;
            self.rest = rest;
            // The tenth byte holds the 64th bit only.
            if shift == 63 && b > 1 {
                return None;
            }
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    pub(super) fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(b)
    }

    pub(super) fn day(&mut self) -> Option<NaiveDate> {
        let n = self.uint()?;
        NaiveDate::from_num_days_from_ce_opt(unzigzag(n)?)
    }

    pub(super) fn maybe_day(&mut self) -> Option<Option<NaiveDate>> {
        match self.uint()? {
            0 => Some(None),
            n => NaiveDate::from_num_days_from_ce_opt(unzigzag(n - 1)?).map(Some),
        }
    }

    /// A text's bytes, as they lie in the value: the caller decides what they name (a
    /// phase, named once for all cases by `Histories::phase`).
    pub(super) fn text(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.uint()?).ok()?;
        if len > self.rest.len() {
            return None;
        }
        let (text, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(text)
    }

    pub(super) fn level(&mut self) -> Option<Level> {
        Level::new(self.byte()?)
    }

    pub(super) fn consent(&mut self) -> Option<Consent> {
        Some(match self.byte()? {
            0 => Consent::Unknown,
            1 => Consent::Yes,
            2 => Consent::No,
            3 => Consent::Anonymous,
            _ => return None,
        })
    }
}

fn zigzag(n: i32) -> u64 {
    u64::from(((n << 1) ^ (n >> 31)) as u32)
}

fn unzigzag(n: u64) -> Option<i32> {
    let n = u32::try_from(n).ok()?;
    Some(((n >> 1) as i32) ^ -((n & 1) as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field comes back as it was written, at the edges of its range too, and a value
    /// cut short or run past reads as damaged rather than as something else.
    #[test]
    fn what_is_written_is_read_back_and_a_short_value_is_refused() {
        let days = [
            NaiveDate::MIN,
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            NaiveDate::MAX,
        ];
        let mut w = Writer::new();
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.uint(n);
        }
        for date in days {
            w.day(date);
            w.maybe_day(Some(date));
        }
        w.maybe_day(None);
        w.text("uitvoering");
        w.text("");
        w.level(Level::MAX);
        for consent in [
            Consent::Unknown,
            Consent::Yes,
            Consent::No,
            Consent::Anonymous,
        ] {
            w.consent(consent);
        }
        let mut r = Reader::of(w.bytes()).unwrap();
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.uint(), Some(n));
        }
        for date in days {
            assert_eq!(r.day(), Some(date));
            assert_eq!(r.maybe_day(), Some(Some(date)));
        }
        assert_eq!(r.maybe_day(), Some(None));
        assert_eq!(r.text(), Some(&b"uitvoering"[..]));
        assert_eq!(r.text(), Some(&b""[..]));
        assert_eq!(r.level(), Some(Level::MAX));
        for consent in [
            Consent::Unknown,
            Consent::Yes,
            Consent::No,
            Consent::Anonymous,
        ] {
            assert_eq!(r.consent(), Some(consent));
        }
        assert!(r.is_done());
        assert_eq!(r.byte(), None);

        let mut w = Writer::new();
        w.text("afgesloten");
        let cut = &w.bytes()[..w.bytes().len() - 1];
        assert_eq!(Reader::of(cut).unwrap().text(), None);
        assert_eq!(
            Reader::of(&[codec::PLAIN_BINARY, 0x80]).unwrap().uint(),
            None
        );
        assert_eq!(Reader::of(&[codec::PLAIN_BINARY, 6]).unwrap().level(), None);
        assert_eq!(
            Reader::of(&[codec::PLAIN_BINARY, 4]).unwrap().consent(),
            None
        );
        assert!(Reader::of(&[codec::PLAIN_JSON, b'{']).is_none());
    }
}
