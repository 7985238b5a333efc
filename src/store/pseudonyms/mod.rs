//! Each case's pseudonym: drawn from the operating system's random generator when the case
//! opens, unique in the database, and given in one write to the cases of a database from
//! before pseudonyms were stored (schema 3 → 4, or a restored backup of that age).
//!
//! Before schema 4 a pseudonym was made from the case number ("Leerling H-79" was case 79),
//! which `--json` shows beside the pupil's name. The same write replaces such a pseudonym
//! wherever it was stored (a subject in the minutes, a note or a case's question someone typed
//! it in, in either language and any letter case) by the case's new one.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::records::{Record, TreeId};
use super::{Store, StoreError, Tx};
use crate::domain::case::PSEUDONYM_WORD;
use crate::domain::{
    Action, Case, CaseEvent, CaseId, Decision, Meeting, Minutes, Note, Pseudonym, UndoStep,
};

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
        self.give_pseudonyms_writing(Writes::Whole)
    }

    /// `give_pseudonyms` for a database built beside the live one (a restore), which counts
    /// for nothing until it is swapped in whole: written in bounded chunks. As one write, a
    /// restore of the mid-size demo's schema-3 backup held 930 MB: every case and renamed
    /// record at once, and each page sled read for them until the write ended.
    pub(super) fn give_pseudonyms_beside(&self) -> Result<(), StoreError> {
        self.give_pseudonyms_writing(Writes::Chunked)
    }

    fn give_pseudonyms_writing(&self, writes: Writes) -> Result<(), StoreError> {
        // Two reads of the cases, so that only their pseudonyms are held, not the cases.
        let mut taken = HashSet::new();
        let mut missing = Vec::new();
        for case in self.all::<Case>() {
            let case = case?;
            if case.pseudonym.is_missing() {
                missing.push(case.id);
            } else {
                taken.insert(case.pseudonym);
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        let mut drawn = HashMap::new();
        let mut given = HashMap::new();
        for id in missing {
            let pseudonym = Pseudonym::draw(|p| taken.contains(p), taken.len(), os_random);
            taken.insert(pseudonym.clone());
            given.insert(id, pseudonym.code().to_string());
            drawn.insert(id, pseudonym);
        }
        let mut tx = Renames {
            store: self,
            tx: self.tx(),
            writes,
        };
        // A case's own texts (its question, hypotheses, goals, outcome) may name another case
        // by its numbered pseudonym, as any note may.
        for case in self.all::<Case>() {
            let mut case = case?;
            let new = drawn.remove(&case.id);
            let missing = new.is_some();
            if let Some(pseudonym) = new {
                case.pseudonym = pseudonym;
            }
            match renamed(&case, &given)? {
                Some(case) => tx.put(&case)?,
                None if missing => tx.put(&case)?,
                None => {}
            }
        }
        self.rename_all::<CaseEvent>(&mut tx, &given)?;
        self.rename_all::<Minutes>(&mut tx, &given)?;
        self.rename_all::<Note>(&mut tx, &given)?;
        self.rename_all::<Decision>(&mut tx, &given)?;
        self.rename_all::<Action>(&mut tx, &given)?;
        self.rename_all::<Meeting>(&mut tx, &given)?;
        self.rename_all::<UndoStep>(&mut tx, &given)?;
        tx.tx.commit()
    }

    /// Puts `given` (case → the code of its new pseudonym) in place of the numbered pseudonyms in every
    /// text of every record of a kind.
    fn rename_all<R: Record>(
        &self,
        tx: &mut Renames<'_>,
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

/// How `give_pseudonyms` writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Writes {
    /// In one transaction: a live database.
    Whole,
    /// In chunks bounded as a restore's (`backup::CHUNK`, `backup::CHUNK_BYTES`).
    Chunked,
}

/// The write of `give_pseudonyms`: one transaction, or one per chunk.
struct Renames<'s> {
    store: &'s Store,
    tx: Tx<'s>,
    writes: Writes,
}

impl Renames<'_> {
    fn put<R: Record>(&mut self, record: &R) -> Result<(), StoreError> {
        self.tx.put(record)?;
        if self.writes == Writes::Chunked
            && (self.tx.len() >= super::backup::CHUNK
                || self.tx.bytes() >= super::backup::CHUNK_BYTES)
        {
            std::mem::replace(&mut self.tx, self.store.tx()).commit_unflushed()?;
        }
        Ok(())
    }
}

/// The words a numbered pseudonym was written with: the Dutch one, and the English screen's.
/// Matched in any letter case, as a person may have typed one.
const WORDS: [&str; 2] = [PSEUDONYM_WORD, "Pupil"];

/// The letter of a pseudonym before schema 4, scrambled from the case number: "Leerling
/// H-79" was case 79. Kept only to recognise it in stored texts.
fn numbered_letter(id: u64) -> char {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTVWXZ";
    let scrambled = id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
    LETTERS[(scrambled % LETTERS.len() as u64) as usize] as char
}

/// `record` with every numbered pseudonym of a case in `given` replaced, or `None` if it
/// holds none. Walks the serialised form, so every text field is covered.
fn renamed<R: Serialize + DeserializeOwned>(
    record: &R,
    given: &HashMap<CaseId, String>,
) -> Result<Option<R>, StoreError> {
    let unreadable = |err: serde_json::Error| StoreError::Damaged(format!("pseudonyms: {err}"));
    // Most records mention no pseudonym at all: a plain look spares them the walk.
    let text = serde_json::to_string(record)
        .map_err(unreadable)?
        .to_ascii_lowercase();
    if !WORDS
        .iter()
        .any(|word| text.contains(&word.to_ascii_lowercase()))
    {
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

/// `text` with each numbered pseudonym of a case in `given` replaced by the case's new one,
/// its word kept as written ("pupil H-79" becomes "pupil KR-47"); `None` when there is none.
fn rename_text(text: &str, given: &HashMap<CaseId, String>) -> Option<String> {
    // The words are ASCII: lowering ASCII letters keeps every byte where it was.
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut changed = false;
    for (at, _) in text.char_indices() {
        if at < copied {
            continue;
        }
        let Some((word_end, id, end)) = numbered_at(text, &lower, at) else {
            continue;
        };
        let Some(new) = given.get(&CaseId(id)) else {
            continue;
        };
        out.push_str(&text[copied..word_end]);
        out.push(' ');
        out.push_str(new);
        copied = end;
        changed = true;
    }
    out.push_str(&text[copied..]);
    changed.then_some(out)
}

/// The numbered pseudonym that starts at byte `at` of `text` (`lower` is `text` in lower
/// case), as a whole word in either language: where its word ends, its case number and
/// where it ends.
fn numbered_at(text: &str, lower: &str, at: usize) -> Option<(usize, u64, usize)> {
    if text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let word = WORDS
        .iter()
        .find(|word| lower[at..].starts_with(&word.to_ascii_lowercase()))?;
    let word_end = at + word.len();
    let code = text[word_end..].strip_prefix(' ')?;
    let letter = code.chars().next()?;
    let number = code.get(1..)?.strip_prefix('-')?;
    let digits = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    let id = number[..digits].parse::<u64>().ok()?;
    let end = text.len() - number.len() + digits;
    let whole = letter.to_ascii_uppercase() == numbered_letter(id)
        && !text[end..].starts_with(|c: char| c.is_alphanumeric());
    whole.then_some((word_end, id, end))
}

#[cfg(test)]
mod tests;
