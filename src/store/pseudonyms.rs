//! Each case's pseudonym: drawn from the operating system's random generator when the case
//! opens, unique in the database, and given in one write to the cases of a database from
//! before pseudonyms were stored (schema 3 → 4, or a restored backup of that age).
//!
//! Before schema 4 a pseudonym was made from the case number ("Leerling H-79" was case 79),
//! which `--json` shows beside the pupil's name. The same write replaces such a pseudonym
//! wherever it was stored (a subject in the minutes, a note someone typed it in) by the case's
//! new one.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::records::{Record, TreeId};
use super::{Store, StoreError, Tx};
use crate::domain::case::PSEUDONYM_WORD;
use crate::domain::{Action, Case, CaseId, Decision, Meeting, Minutes, Note, Pseudonym, UndoStep};

/// Random bits from the operating system, as the data key is made.
fn os_random() -> u64 {
    chacha20poly1305::aead::rand_core::RngCore::next_u64(&mut chacha20poly1305::aead::OsRng)
}

impl Store {
    /// The number and the pseudonym of a new case: the number from the counter, the
    /// pseudonym drawn at random and not yet given to another case.
    pub fn new_case(&self) -> Result<(CaseId, Pseudonym), StoreError> {
        let id = CaseId(self.next_id(TreeId::Cases)?);
        let taken = self.pseudonyms()?;
        let pseudonym = Pseudonym::draw(|p| taken.contains(p), taken.len(), os_random);
        Ok((id, pseudonym))
    }

    /// The case whose pseudonym is `pseudonym`, read from the cases themselves: an index from
    /// pseudonym to case number would sit unencrypted on disk and join the two again.
    pub fn case_by_pseudonym(&self, pseudonym: &Pseudonym) -> Result<Option<Case>, StoreError> {
        for case in self.all::<Case>() {
            let case = case?;
            if case.pseudonym == *pseudonym {
                return Ok(Some(case));
            }
        }
        Ok(None)
    }

    /// Every pseudonym given, read without building whole cases.
    fn pseudonyms(&self) -> Result<HashSet<Pseudonym>, StoreError> {
        #[derive(serde::Deserialize)]
        struct Only {
            #[serde(default)]
            pseudonym: Pseudonym,
        }
        self.all_as::<Case, Only>()
            .map(|case| case.map(|c| c.pseudonym))
            .filter(|p| !p.as_ref().is_ok_and(Pseudonym::is_missing))
            .collect()
    }

    /// Gives every case without a pseudonym one, and puts the new pseudonyms where the old,
    /// numbered ones were stored: one write, so an interruption leaves all or nothing, and a
    /// second run finds nothing left to do.
    pub(super) fn give_pseudonyms(&self) -> Result<(), StoreError> {
        let cases = self.all::<Case>().collect::<Result<Vec<Case>, _>>()?;
        let mut taken: HashSet<Pseudonym> = cases
            .iter()
            .filter(|c| !c.pseudonym.is_missing())
            .map(|c| c.pseudonym.clone())
            .collect();
        let mut tx = self.tx();
        let mut given = HashMap::new();
        for mut case in cases.into_iter().filter(|c| c.pseudonym.is_missing()) {
            let drawn = Pseudonym::draw(|p| taken.contains(p), taken.len(), os_random);
            taken.insert(drawn.clone());
            given.insert(case.id, drawn.shown());
            case.pseudonym = drawn;
            tx.put(&case)?;
        }
        if !given.is_empty() {
            self.rename_all::<Minutes>(&mut tx, &given)?;
            self.rename_all::<Note>(&mut tx, &given)?;
            self.rename_all::<Decision>(&mut tx, &given)?;
            self.rename_all::<Action>(&mut tx, &given)?;
            self.rename_all::<Meeting>(&mut tx, &given)?;
            self.rename_all::<UndoStep>(&mut tx, &given)?;
        }
        tx.commit()
    }

    /// Puts `given` (case → its new pseudonym) in place of the numbered pseudonyms in every
    /// text of every record of a kind.
    fn rename_all<R: Record>(
        &self,
        tx: &mut Tx<'_>,
        given: &HashMap<CaseId, String>,
    ) -> Result<(), StoreError> {
        for record in self.all::<R>() {
            if let Some(renamed) = renamed(&record?, given)? {
                tx.put(&renamed)?;
            }
        }
        Ok(())
    }
}

/// The pseudonym before schema 4: a letter scrambled from the case number, and the number.
/// Kept only to recognise it in stored texts.
fn numbered_pseudonym(id: u64) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTVWXZ";
    let scrambled = id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
    let letter = LETTERS[(scrambled % LETTERS.len() as u64) as usize] as char;
    format!("{PSEUDONYM_WORD} {letter}-{id}")
}

/// `record` with every numbered pseudonym of a case in `given` replaced, or `None` if it
/// holds none. Walks the serialised form, so every text field is covered.
fn renamed<R: Serialize + DeserializeOwned>(
    record: &R,
    given: &HashMap<CaseId, String>,
) -> Result<Option<R>, StoreError> {
    let unreadable = |err: serde_json::Error| StoreError::Damaged(format!("pseudonyms: {err}"));
    // Most records mention no pseudonym at all: a plain look spares them the walk.
    let text = serde_json::to_string(record).map_err(unreadable)?;
    if !text.contains(PSEUDONYM_WORD) {
        return Ok(None);
    }
    let mut value = serde_json::to_value(record).map_err(unreadable)?;
    if !rename_strings(&mut value, given) {
        return Ok(None);
    }
    serde_json::from_value(value).map(Some).map_err(unreadable)
}

fn rename_strings(value: &mut serde_json::Value, given: &HashMap<CaseId, String>) -> bool {
    use serde_json::Value;
    match value {
        Value::String(text) => match rename_text(text, given) {
            Some(new) => {
                *text = new;
                true
            }
            None => false,
        },
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |any, item| rename_strings(item, given) | any),
        Value::Object(fields) => fields
            .values_mut()
            .fold(false, |any, field| rename_strings(field, given) | any),
        _ => false,
    }
}

/// `text` with each numbered pseudonym of a case in `given` replaced by the case's new one;
/// `None` when there is none.
fn rename_text(text: &str, given: &HashMap<CaseId, String>) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find(PSEUDONYM_WORD) {
        out.push_str(&rest[..at]);
        let from = &rest[at..];
        let new = numbered_at(from).and_then(|(id, len)| Some((given.get(&CaseId(id))?, len)));
        match new {
            Some((new, len)) => {
                out.push_str(new);
                rest = &from[len..];
                changed = true;
            }
            None => {
                out.push_str(PSEUDONYM_WORD);
                rest = &from[PSEUDONYM_WORD.len()..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The case number and the length of the numbered pseudonym `from` starts with: "Leerling
/// H-79" with the letter case 79 had, as a whole word.
fn numbered_at(from: &str) -> Option<(u64, usize)> {
    let code = from.strip_prefix(PSEUDONYM_WORD)?.strip_prefix(' ')?;
    let number = code.get(1..)?.strip_prefix('-')?;
    let end = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    let id = number[..end].parse::<u64>().ok()?;
    let old = numbered_pseudonym(id);
    let whole =
        from.starts_with(&old) && !from[old.len()..].starts_with(|c: char| c.is_alphanumeric());
    whole.then_some((id, old.len()))
}

#[cfg(test)]
mod tests;
