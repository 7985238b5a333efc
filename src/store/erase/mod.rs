//! Erasure (BRIEF §8): a pupil (`otter forget`) or some of their cases (the bewaartermijn)
//! removed with everything tied to them, and their name replaced by "[verwijderd]" in the
//! texts that stay, in one write with its audit line.
//!
//! Removed values survive in sled's log segments until the database is rewritten, and in the
//! rolling backups. So the first write of an erasure also marks the database for a rewrite
//! ([`Store::purge`]): the command line does it at once, and any open of a
//! marked database does it first (after an erasure from the screen, or a crash before it).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::tx::Write;
use super::{PROMPT_DRAFT_KEY, Store, StoreError, Tx};
use crate::domain::pseudonym::{PSEUDONYM_WORD, codes_in};
use crate::domain::redact::{REDACTED, redact};
use crate::domain::{
    Action, AgendaKind, AuditEntry, Case, CaseEvent, CaseId, Counted, Decision, Meeting, Minutes,
    Note, Pupil, PupilId,
};
use crate::store::records::TreeId;

/// In `meta`: something was removed or re-sealed (an erasure, a passphrase change) and the
/// database not yet purged.
pub(super) const REWRITE_PENDING: &[u8] = b"rewrite_pending";

/// Pupils whose records are removed per write. sled keeps a transaction's writes in memory:
/// a large school's first retention run (12 127 cases, some 300 000 records and index
/// entries) took 122 s and 3.4 GB in one write. A forget is one pupil, one write.
const BATCH: usize = 64;

/// A pupil and the cases an erasure takes.
struct Planned {
    pupil: Pupil,
    whole: bool,
    cases: Vec<Case>,
}

/// What to erase of one pupil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    pub pupil: PupilId,
    pub scope: Scope,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The pupil and all their cases: `forget`.
    Pupil,
    /// These cases only; the pupil and their other cases stay (retention).
    Cases(Vec<CaseId>),
}

/// How many records of each kind were removed or redacted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased(BTreeMap<Counted, u64>);

impl Erased {
    pub(super) fn add(&mut self, what: Counted, n: usize) {
        if n > 0 {
            *self.0.entry(what).or_default() += n as u64;
        }
    }

    pub fn get(&self, what: Counted) -> u64 {
        self.0.get(&what).copied().unwrap_or(0)
    }

    /// The counts, in a fixed order, for the audit line and the command's answer.
    pub fn counts(&self) -> Vec<(Counted, u64)> {
        self.0.iter().map(|(what, n)| (*what, *n)).collect()
    }
}

impl Store {
    /// Erases `erasures` and returns the counts. The first write replaces the names in the
    /// texts that stay and takes the cases off the agendas, with the first [`BATCH`] pupils'
    /// records; each further write removes the next batch. Every write has its own copy of
    /// `audit` with its own counts. Interrupted, a write is whole or absent, and what is not
    /// yet removed is listed (and erased) again the next time.
    pub fn erase(&self, erasures: &[Erasure], audit: AuditEntry) -> Result<Erased, StoreError> {
        self.erase_in_batches(erasures, audit, BATCH)
    }

    fn erase_in_batches(
        &self,
        erasures: &[Erasure],
        audit: AuditEntry,
        batch: usize,
    ) -> Result<Erased, StoreError> {
        let planned = self.plan(erasures)?;
        let mut total = Erased::default();
        for (index, part) in planned.chunks(batch.max(1)).enumerate() {
            let mut tx = self.tx();
            let mut erased = Erased::default();
            if index == 0 {
                self.redact_texts(&mut tx, &planned, &mut erased)?;
                tx.writes.insert(
                    (TreeId::Meta, REWRITE_PENDING.to_vec()),
                    Write::Put(vec![1]),
                );
                // A prompt's draft may hold the name, and comes back at its agenda item,
                // which may be another pupil's once erased cases are off the agenda.
                tx.writes
                    .insert((TreeId::Meta, PROMPT_DRAFT_KEY.to_vec()), Write::Remove);
            }
            for planned in part {
                if planned.whole {
                    tx.remove(&planned.pupil)?;
                    erased.add(Counted::Pupils, 1);
                }
                for case in &planned.cases {
                    self.remove_case(&mut tx, case, &mut erased)?;
                }
            }
            let mut line = audit.clone();
            line.counts = erased.counts();
            self.audit_in(&mut tx, &mut line)?;
            tx.commit()?;
            for (what, n) in erased.0 {
                *total.0.entry(what).or_default() += n;
            }
        }
        Ok(total)
    }

    /// Whether an erasure or a passphrase change left the database to be purged.
    pub fn rewrite_pending(&self) -> Result<bool, StoreError> {
        Ok(self.tree(TreeId::Meta).contains_key(REWRITE_PENDING)?)
    }

    /// So that nothing removed or overwritten stays on disk (after an erasure, a passphrase
    /// change): every rolling backup dropped, the database rewritten into a fresh one (the
    /// mark does not come along), and a new backup made of what is left. The backups go
    /// first: a crash before the rewrite leaves the mark, and the next open purges again.
    /// Returns the store and the names of the backups dropped.
    pub fn purge(self) -> Result<(Store, Vec<String>), StoreError> {
        use super::backup::{BackupError, Reason, drop_all, rolling};
        let dropped = drop_all(self.dir()).map_err(BackupError::into_store)?;
        let store = self.compact()?;
        rolling(&store, Reason::Purge).map_err(BackupError::into_store)?;
        Ok((store, dropped))
    }

    /// Each erasure's pupil and the cases it takes; unknown pupils are left out.
    fn plan(&self, erasures: &[Erasure]) -> Result<Vec<Planned>, StoreError> {
        let mut planned = Vec::new();
        for erasure in erasures {
            let Some(pupil) = self.pupil(erasure.pupil)? else {
                continue;
            };
            let of_pupil = self.cases_of_pupil(pupil.id)?;
            let (whole, cases) = match &erasure.scope {
                Scope::Pupil => (true, of_pupil),
                Scope::Cases(ids) => (
                    false,
                    of_pupil
                        .into_iter()
                        .filter(|c| ids.contains(&c.id))
                        .collect(),
                ),
            };
            planned.push(Planned {
                pupil,
                whole,
                cases,
            });
        }
        Ok(planned)
    }

    /// The names replaced in the texts that stay: a forgotten pupil's full name everywhere,
    /// and in the minutes of meetings that discussed an erased case the first name too; and
    /// the erased cases taken off every agenda.
    fn redact_texts(
        &self,
        tx: &mut Tx<'_>,
        planned: &[Planned],
        erased: &mut Erased,
    ) -> Result<(), StoreError> {
        let mut cases = HashSet::new();
        // An erased case's pseudonym goes wherever it stands, as the name does.
        let mut codes = HashSet::new();
        let mut everywhere: Vec<String> = Vec::new();
        let mut by_case: Vec<(CaseId, [String; 2])> = Vec::new();
        for planned in planned {
            let pupil = &planned.pupil;
            if planned.whole {
                everywhere.push(pupil.full_name());
            }
            for case in &planned.cases {
                cases.insert(case.id);
                if !case.pseudonym.is_missing() {
                    codes.insert(case.pseudonym.code().to_string());
                }
                by_case.push((case.id, [pupil.full_name(), pupil.first_name.clone()]));
            }
        }
        self.clean_meetings(tx, &cases, &everywhere, &codes, erased)?;
        // An open meeting's undo steps hold the values they restore, texts included.
        self.forget_all_undo_in(tx)?;
        self.redact_minutes(tx, &by_case, &everywhere, &codes, erased)?;
        if !everywhere.is_empty() || !codes.is_empty() {
            let names: Vec<&str> = everywhere.iter().map(String::as_str).collect();
            let gone = (&cases, &names[..], &codes);
            // Another pupil's case may name this one in its own texts (a brother in its
            // question, a reason of a move), as any note may.
            let texts = self.redact_all::<Note>(tx, gone, |n| n.case)?
                + self.redact_all::<Decision>(tx, gone, |d| d.case)?
                + self.redact_all::<Action>(tx, gone, |a| a.case)?
                + self.redact_all::<Case>(tx, gone, |c| Some(c.id))?
                + self.redact_all::<CaseEvent>(tx, gone, |e| Some(e.case))?;
            erased.add(Counted::Texts, texts);
        }
        Ok(())
    }

    pub(super) fn remove_case(
        &self,
        tx: &mut Tx<'_>,
        case: &Case,
        erased: &mut Erased,
    ) -> Result<(), StoreError> {
        let events = self.events_of_case(case.id)?;
        let notes = self.notes_of_case(case.id)?;
        let decisions = self.decisions_of_case(case.id)?;
        let actions = self.actions_of_case(case.id)?;
        for event in &events {
            tx.remove(event)?;
        }
        for note in &notes {
            tx.remove(note)?;
        }
        for decision in &decisions {
            tx.remove(decision)?;
        }
        for action in &actions {
            tx.remove(action)?;
        }
        tx.remove(case)?;
        erased.add(Counted::Cases, 1);
        erased.add(Counted::Events, events.len());
        erased.add(Counted::Notes, notes.len());
        erased.add(Counted::Decisions, decisions.len());
        erased.add(Counted::Actions, actions.len());
        Ok(())
    }

    /// Takes the erased cases off every agenda, and the forgotten names out of the meetings'
    /// own texts (a guest, a reopening's reason, an item's title).
    fn clean_meetings(
        &self,
        tx: &mut Tx<'_>,
        cases: &HashSet<CaseId>,
        names: &[String],
        codes: &HashSet<String>,
        erased: &mut Erased,
    ) -> Result<(), StoreError> {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for meeting in self.all::<Meeting>() {
            let meeting = meeting?;
            let names = with_pseudonyms(&meeting, &names, codes)?;
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut changed = redacted(&meeting, &names)?.unwrap_or_else(|| meeting.clone());
            let current = changed.agenda.get(changed.current_item).cloned();
            let before = changed.agenda.len();
            changed.agenda.retain(
                |item| !matches!(item.kind, AgendaKind::Case { case } if cases.contains(&case)),
            );
            erased.add(Counted::AgendaItems, before - changed.agenda.len());
            // The item on screen stays on screen; if it was the one taken off, the one after.
            changed.current_item = current
                .and_then(|item| changed.agenda.iter().position(|i| *i == item))
                .unwrap_or(changed.current_item)
                .min(changed.agenda.len().saturating_sub(1));
            if changed != meeting {
                erased.add(Counted::Meetings, 1);
                tx.put(&changed)?;
            }
        }
        Ok(())
    }

    fn redact_minutes(
        &self,
        tx: &mut Tx<'_>,
        by_case: &[(CaseId, [String; 2])],
        everywhere: &[String],
        codes: &HashSet<String>,
        erased: &mut Erased,
    ) -> Result<(), StoreError> {
        let mut count = 0;
        for minutes in self.all::<Minutes>() {
            let mut minutes = minutes?;
            let everywhere: Vec<&str> = everywhere.iter().map(String::as_str).collect();
            let pseudonyms = with_pseudonyms(&minutes, &everywhere, codes)?;
            let mut names: Vec<&str> = pseudonyms.iter().map(String::as_str).collect();
            let mut touched = false;
            for item in &mut minutes.items {
                let AgendaKind::Case { case } = item.kind else {
                    continue;
                };
                if let Some((_, [full, first])) = by_case.iter().find(|(id, _)| *id == case) {
                    item.subject = REDACTED.to_string();
                    names.extend([full.as_str(), first.as_str()]);
                    touched = true;
                }
            }
            // Full names before first names, so "Sanne de Vries" goes whole.
            names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
            names.dedup();
            match redacted(&minutes, &names)? {
                Some(clean) => tx.put(&clean)?,
                None if touched => tx.put(&minutes)?,
                None => continue,
            }
            count += 1;
        }
        erased.add(Counted::Minutes, count);
        Ok(())
    }

    /// Redacts `names`, and the erased cases' pseudonyms (`codes`), in every record of a kind
    /// that stays (not tied to an erased case); returns how many changed.
    fn redact_all<R>(
        &self,
        tx: &mut Tx<'_>,
        (erased, names, codes): (&HashSet<CaseId>, &[&str], &HashSet<String>),
        case_of: fn(&R) -> Option<CaseId>,
    ) -> Result<usize, StoreError>
    where
        R: super::Record,
    {
        let mut count = 0;
        for record in self.all::<R>() {
            let record = record?;
            if case_of(&record).is_some_and(|case| erased.contains(&case)) {
                continue;
            }
            let names = with_pseudonyms(&record, names, codes)?;
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            if let Some(clean) = redacted(&record, &names)? {
                tx.put(&clean)?;
                count += 1;
            }
        }
        Ok(count)
    }
}

/// `names` and the pseudonyms among `codes` that `record` mentions: each whole ("Leerling
/// KR-47") before its code alone, so the whole goes as one. A pseudonym is looked for by its
/// code in the record's text, not tried one by one: a retention run erases thousands.
fn with_pseudonyms<R: Serialize>(
    record: &R,
    names: &[&str],
    codes: &HashSet<String>,
) -> Result<Vec<String>, StoreError> {
    let mut all: Vec<String> = names.iter().map(|name| name.to_string()).collect();
    if codes.is_empty() {
        return Ok(all);
    }
    let text = serde_json::to_string(record)
        .map_err(|err| StoreError::Damaged(format!("redaction: {err}")))?;
    let found: std::collections::BTreeSet<&str> = codes_in(&text)
        .filter(|code| codes.contains(*code))
        .collect();
    for code in found {
        all.extend([format!("{PSEUDONYM_WORD} {code}"), code.to_string()]);
    }
    Ok(all)
}

/// `record` with `names` replaced in every text it holds, or None if it holds none of them.
/// Walks the record's serialised form, so a text field added later is covered too; strings
/// that look like a stored identifier (`plan`, `case`: lower-case letters and `_` only) are
/// tags and phase ids, never text, and are left alone. A record that cannot be read back
/// after its texts changed stops the whole erasure: a name must never stay by accident.
fn redacted<R: Serialize + DeserializeOwned>(
    record: &R,
    names: &[&str],
) -> Result<Option<R>, StoreError> {
    if names.is_empty() {
        return Ok(None);
    }
    let unreadable = |err: serde_json::Error| StoreError::Damaged(format!("redaction: {err}"));
    // Most records hold none of the names: a plain look at their text, letter case aside,
    // spares them the walk (a large school's forget reads half a million records).
    let text = serde_json::to_string(record)
        .map_err(unreadable)?
        .to_lowercase();
    if !names.iter().any(|name| text.contains(&name.to_lowercase())) {
        return Ok(None);
    }
    let mut value = serde_json::to_value(record).map_err(unreadable)?;
    if !redact_strings(&mut value, names) {
        return Ok(None);
    }
    serde_json::from_value(value).map(Some).map_err(unreadable)
}

fn redact_strings(value: &mut serde_json::Value, names: &[&str]) -> bool {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            let tag = text.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            if tag {
                return false;
            }
            let clean = redact(text, names);
            let changed = clean != *text;
            *text = clean;
            changed
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |any, item| redact_strings(item, names) | any),
        Value::Object(fields) => fields
            .values_mut()
            .fold(false, |any, field| redact_strings(field, names) | any),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
