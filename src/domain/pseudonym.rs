//! A case's pseudonym ("Leerling KR-47"): drawn at random when the case opens and kept in the
//! case record, so it is stable and derives from nothing otter shows elsewhere (not the case
//! number, not the pupil, not a hash of either). Whoever holds a `--json` listing with case
//! numbers beside names and a document with pseudonyms cannot join the two.
//!
//! The randomness is the caller's: the store draws from the operating system, the demo from
//! its seed. Uniqueness within a database is the caller's too (it draws again on a clash).

use serde::{Deserialize, Serialize};

/// The word of a pseudonym as stored and exported in Dutch; a screen in another language
/// shows it in that language (`Texts::pseudonym`).
pub const PSEUDONYM_WORD: &str = "Leerling";

/// Letters that cannot be read as a digit or as each other on a projector (no I, O, Q, U, Y).
const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTVWXZ";

/// Digits after the letters while the school is small enough: "KR-47".
const MIN_DIGITS: u32 = 2;

/// The code of a case's pseudonym, "KR-47": two letters, a dash, digits. Empty only in a case
/// record written before pseudonyms were stored, until the migration gives it one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pseudonym(String);

impl Pseudonym {
    /// The pseudonym that `random` (uniformly random bits) picks among codes of `digits`
    /// digits.
    pub fn from_random(random: u64, digits: u32) -> Pseudonym {
        let letters = LETTERS.len() as u64;
        let first = LETTERS[(random % letters) as usize] as char;
        let rest = random / letters;
        let second = LETTERS[(rest % letters) as usize] as char;
        let digits = digits.clamp(MIN_DIGITS, 9);
        let number = (rest / letters) % 10u64.pow(digits);
        Pseudonym(format!(
            "{first}{second}-{number:0width$}",
            width = digits as usize
        ))
    }

    /// How many digits a new pseudonym gets beside `existing` others: enough that at most a
    /// quarter of the codes are taken, so a draw clashes rarely (two at most 441 × 100 codes;
    /// a large school's 50 000 cases get three).
    pub fn digits_for(existing: usize) -> u32 {
        let wanted = (existing as u64).saturating_add(1).saturating_mul(4);
        let mut digits = MIN_DIGITS;
        while digits < 9 && (LETTERS.len() as u64).pow(2) * 10u64.pow(digits) < wanted {
            digits += 1;
        }
        digits
    }

    /// A pseudonym that `taken` does not hold, from `random` (uniformly random bits per
    /// call). Drawn again on a clash; every 16 clashes in a row it takes a digit more, so it
    /// ends even in a database whose codes ran out.
    pub fn draw(
        taken: impl Fn(&Pseudonym) -> bool,
        existing: usize,
        mut random: impl FnMut() -> u64,
    ) -> Pseudonym {
        let digits = Pseudonym::digits_for(existing);
        let mut clashes = 0;
        loop {
            let drawn = Pseudonym::from_random(random(), digits + clashes / 16);
            if !taken(&drawn) {
                return drawn;
            }
            clashes += 1;
        }
    }

    /// The pseudonym someone typed: "Leerling KR-47", "Pupil kr-47" or just "KR-47" (letter
    /// case and spaces aside); `None` for anything else.
    pub fn typed(text: &str) -> Option<Pseudonym> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let code = match words.as_slice() {
            [code] => code,
            [word, code] if is_pseudonym_word(word) => code,
            _ => return None,
        };
        let code = code.to_ascii_uppercase();
        is_code(&code).then_some(Pseudonym(code))
    }

    /// The code alone, "KR-47".
    pub fn code(&self) -> &str {
        &self.0
    }

    /// Whether the case has none yet (a record from before pseudonyms were stored).
    pub fn is_missing(&self) -> bool {
        self.0.is_empty()
    }

    /// As the team reads it in Dutch, stored and exported: "Leerling KR-47".
    pub fn shown(&self) -> String {
        format!("{PSEUDONYM_WORD} {}", self.0)
    }
}

/// The word before the code in either language ("Leerling", "Pupil").
fn is_pseudonym_word(word: &str) -> bool {
    word.eq_ignore_ascii_case(PSEUDONYM_WORD) || word.eq_ignore_ascii_case("pupil")
}

/// Two capital letters, a dash and at least two digits.
fn is_code(code: &str) -> bool {
    let Some((letters, number)) = code.split_once('-') else {
        return false;
    };
    letters.len() == 2
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && number.len() >= MIN_DIGITS as usize
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Every code of a pseudonym in `text` that stands as a word of its own ("KR-47" in "Gesprek
/// met Leerling KR-47."), in order.
pub fn codes_in(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let after_word = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let before_word = |at: usize| text[at..].chars().next().is_some_and(char::is_alphanumeric);
    (0..bytes.len()).filter_map(move |at| {
        if !bytes[at].is_ascii_uppercase() || !text.is_char_boundary(at) || after_word(at) {
            return None;
        }
        let digits = bytes.get(at + 3..)?;
        let len = 3 + digits.iter().take_while(|b| b.is_ascii_digit()).count();
        let code = text.get(at..at + len)?;
        (is_code(code) && !before_word(at + len)).then_some(code)
    })
}

/// The code of `text` ("KR-47") when the whole text is a Dutch pseudonym ("Leerling KR-47"):
/// free text that merely starts with the word is no pseudonym.
pub fn pseudonym_code(text: &str) -> Option<&str> {
    let code = text.strip_prefix(PSEUDONYM_WORD)?.strip_prefix(' ')?;
    is_code(code).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_random_value_gives_two_letters_and_zero_padded_digits() {
        let pseudonym = Pseudonym::from_random(0, 2);
        assert_eq!(pseudonym.code(), "AA-00");
        assert_eq!(pseudonym.shown(), "Leerling AA-00");
        let pseudonym = Pseudonym::from_random(1 + 21 * 2 + 441 * 7, 2);
        assert_eq!(pseudonym.code(), "BC-07");
        assert_eq!(Pseudonym::from_random(u64::MAX, 3).code().len(), 6);
        assert_eq!(pseudonym_code("Leerling BC-07"), Some("BC-07"));
    }

    #[test]
    fn different_random_values_give_different_pseudonyms() {
        let drawn: std::collections::HashSet<Pseudonym> = (0..441 * 100)
            .map(|n| Pseudonym::from_random(n, 2))
            .collect();
        assert_eq!(drawn.len(), 441 * 100, "every code of two digits reachable");
    }

    #[test]
    fn a_draw_skips_what_is_taken() {
        let mut values = [5, 5, 9].into_iter();
        let taken = Pseudonym::from_random(5, 2);
        let drawn = Pseudonym::draw(|p| *p == taken, 1, || values.next().unwrap_or(0));
        assert_eq!(drawn, Pseudonym::from_random(9, 2));
        // Every code of two digits taken: the draw widens instead of looping for ever.
        let drawn = Pseudonym::draw(|p| p.code().len() == 5, 1, || 3);
        assert_eq!(drawn.code().len(), 6, "{drawn:?}");
    }

    #[test]
    fn digits_grow_with_the_school_so_that_draws_rarely_clash() {
        assert_eq!(Pseudonym::digits_for(0), 2);
        assert_eq!(Pseudonym::digits_for(11_024), 2);
        assert_eq!(Pseudonym::digits_for(11_025), 3);
        assert_eq!(Pseudonym::digits_for(50_000), 3);
        assert_eq!(Pseudonym::digits_for(usize::MAX), 9);
    }

    #[test]
    fn a_typed_pseudonym_is_read_in_either_language_and_any_letter_case() {
        let wanted = Some(Pseudonym("KR-47".into()));
        for typed in [
            "Leerling KR-47",
            "pupil kr-47",
            "  KR-47 ",
            "LEERLING  Kr-47",
        ] {
            assert_eq!(Pseudonym::typed(typed), wanted, "{typed}");
        }
        for other in [
            "Leerling K-17",
            "Leerling KR-4",
            "Sanne KR-47",
            "KR47",
            "KRS-47",
            "Leerling KR-47 extra",
            "",
        ] {
            assert_eq!(Pseudonym::typed(other), None, "{other}");
        }
    }

    #[test]
    fn codes_are_found_as_words_of_their_own() {
        let text = "Gesprek met Leerling KR-47. XKR-47, KR-4, KR-470a en (ZZ-01) ëAB-12";
        assert_eq!(codes_in(text).collect::<Vec<_>>(), ["KR-47", "ZZ-01"]);
        assert_eq!(codes_in("AB-12").collect::<Vec<_>>(), ["AB-12"]);
        assert_eq!(codes_in("é").count(), 0);
    }

    #[test]
    fn only_a_whole_pseudonym_has_a_code() {
        assert_eq!(pseudonym_code("Leerling KR-470"), Some("KR-470"));
        assert_eq!(
            pseudonym_code("Leerling K-17"),
            None,
            "the old form is gone"
        );
        assert_eq!(pseudonym_code("Leerling KR-47 gebeld"), None);
        assert_eq!(pseudonym_code("Leerlingen KR-47"), None);
    }
}
