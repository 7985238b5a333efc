//! Digests: what the monitoring figures need of each case and each action, kept at write time
//! so that the figures of a large school read a few hundred small records instead of every
//! case, event and action whole (issue 14: all figures under 100 ms).
//!
//! A digest is derived like an index, but from more than one record (a case's digest from the
//! case and its events): `Tx` notes every case and action a write touches and, before it
//! commits, writes their digests again from the records as they will stand, in the same
//! transaction. So no write, restore, import, erasure or migration can leave a digest behind
//! its records; `Store::digest_drift` checks that they agree. Digests hold dates, phases,
//! levels and consent, so they are sealed like records; backups leave them out (a restore
//! writes them again from the records).
//!
//! Digests are kept in blocks of 64 ids, one record per block: reading a record costs more
//! than decoding a digest, and ids are handed out in order, so blocks are full.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::codec;
use super::records::{Record, TreeId};
use super::tx::Tx;
use super::{Store, StoreError};
use crate::domain::{
    Action, ActionId, ActionStatus, Case, CaseEvent, CaseId, Consent, EventKind, Level, MeetingId,
    Minutes, PupilId,
};

/// Ids per block: 2^6. A meeting touches a few blocks; 50,000 cases are under a thousand.
const BLOCK_BITS: u32 = 6;

/// The first byte of a block's key: which kind of digest it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(super) enum Kind {
    Case = 1,
    Action = 2,
}

/// What the figures need of a case: the moments on its record and its phase, level and
/// consent changes, oldest first. No text: not the question, not a reason. Short names and
/// dates as day numbers: a large school reads 50,000 of these at once, and parsing "2026-11-23"
/// cost more than the rest of a digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDigest {
    pub id: CaseId,
    #[serde(rename = "p")]
    pub pupil: PupilId,
    #[serde(rename = "o", with = "day")]
    pub opened: NaiveDate,
    #[serde(rename = "c", with = "maybe_day")]
    pub closed: Option<NaiveDate>,
    #[serde(rename = "h", with = "maybe_day")]
    pub help_start: Option<NaiveDate>,
    #[serde(rename = "w", with = "maybe_day")]
    pub waiting_since: Option<NaiveDate>,
    #[serde(rename = "f")]
    pub phase: String,
    #[serde(rename = "l")]
    pub level: Level,
    #[serde(rename = "t")]
    pub consent: Consent,
    #[serde(rename = "m")]
    pub moves: Vec<Move>,
}

/// One change of a case's phase, level or consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    #[serde(rename = "d", with = "day")]
    pub date: NaiveDate,
    #[serde(rename = "k")]
    pub kind: EventKind,
}

/// A date as its day number since 1-1-0001 (`NaiveDate::num_days_from_ce`).
mod day {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &NaiveDate, to: S) -> Result<S::Ok, S::Error> {
        to.serialize_i32(date.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(from)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(|| D::Error::custom("day"))
    }
}

/// The same for a date that may be missing.
mod maybe_day {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, to: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => to.serialize_some(&date.num_days_from_ce()),
            None => to.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<i32>::deserialize(from)?
            .map(|days| {
                NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(|| D::Error::custom("day"))
            })
            .transpose()
    }
}

impl CaseDigest {
    /// The digest of `case` with its history `events` (in any order: sorted by position).
    pub fn of(case: &Case, events: &[CaseEvent]) -> CaseDigest {
        let mut events: Vec<&CaseEvent> = events.iter().filter(|e| e.case == case.id).collect();
        events.sort_by_key(|e| e.seq);
        CaseDigest {
            id: case.id,
            pupil: case.pupil,
            opened: case.opened,
            closed: case.closed,
            help_start: case.help_start,
            waiting_since: case.waiting_since,
            phase: case.phase.clone(),
            level: case.level,
            consent: case.consent,
            moves: events
                .into_iter()
                .filter(|e| !matches!(e.kind, EventKind::Opened))
                .map(|e| Move {
                    date: e.date,
                    kind: e.kind.clone(),
                })
                .collect(),
        }
    }
}

/// What the figures need of an action: its dates, where it stands, how often it was carried
/// over. No text, no owner, no reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDigest {
    pub id: ActionId,
    #[serde(rename = "c", with = "day")]
    pub created: NaiveDate,
    #[serde(rename = "u", with = "day")]
    pub due: NaiveDate,
    /// The day it was done; `None` while open or once dropped.
    #[serde(rename = "d", with = "maybe_day")]
    pub done: Option<NaiveDate>,
    #[serde(rename = "x")]
    pub dropped: bool,
    #[serde(rename = "n")]
    pub carried: u32,
}

impl ActionDigest {
    pub fn of(action: &Action) -> ActionDigest {
        let (done, dropped) = match action.status {
            ActionStatus::Open => (None, false),
            ActionStatus::Done { on } => (Some(on), false),
            ActionStatus::Dropped { .. } => (None, true),
        };
        ActionDigest {
            id: action.id,
            created: action.created,
            due: action.due,
            done,
            dropped,
            carried: u32::try_from(action.carried_through.len()).unwrap_or(u32::MAX),
        }
    }
}

/// The cases and actions a transaction touches, by the keys it writes.
#[derive(Debug, Default)]
pub(super) struct Touched(BTreeSet<(Kind, u64)>);

impl Touched {
    /// Notes the case or action a write to `key` of `tree` belongs to: a case's own key and
    /// its events' keys start with its id.
    pub(super) fn note(&mut self, tree: TreeId, key: &[u8]) {
        let kind = match tree {
            TreeId::Cases | TreeId::Events => Kind::Case,
            TreeId::Actions => Kind::Action,
            _ => return,
        };
        if let Some(id) = key.get(..8).and_then(|id| id.try_into().ok()) {
            self.0.insert((kind, u64::from_be_bytes(id)));
        }
    }

    pub(super) fn take(&mut self) -> BTreeSet<(Kind, u64)> {
        std::mem::take(&mut self.0)
    }
}

fn block_key(kind: Kind, id: u64) -> Vec<u8> {
    let mut key = vec![kind as u8];
    key.extend_from_slice(&(id >> BLOCK_BITS).to_be_bytes());
    key
}

/// A block of digests of one kind, in id order.
#[derive(Debug, Serialize, Deserialize)]
#[serde(bound = "T: Serialize + DeserializeOwned")]
struct Block<T> {
    digests: Vec<T>,
}

/// What a block holds: a digest with its id.
trait Digest: Serialize + DeserializeOwned {
    fn id(&self) -> u64;
}

impl Digest for CaseDigest {
    fn id(&self) -> u64 {
        self.id.0
    }
}

impl Digest for ActionDigest {
    fn id(&self) -> u64 {
        self.id.0
    }
}

impl Tx<'_> {
    /// Writes again the digests of every case and action this transaction touched, from the
    /// records as they stand once it is applied. Called by each way of committing.
    pub(super) fn write_digests(&mut self) -> Result<(), StoreError> {
        let touched = self.touched.take();
        let mut blocks: BTreeSet<(Kind, u64)> = BTreeSet::new();
        for &(kind, id) in &touched {
            blocks.insert((kind, id >> BLOCK_BITS));
        }
        for (kind, block) in blocks {
            let ids = touched
                .range((kind, block << BLOCK_BITS)..=(kind, ((block + 1) << BLOCK_BITS) - 1))
                .map(|&(_, id)| id);
            match kind {
                Kind::Case => {
                    let mut fresh = Vec::new();
                    for id in ids.clone() {
                        let id = CaseId(id);
                        if let Some(case) = self.current::<Case>(&id.to_key())? {
                            let events = self.events_of(id)?;
                            fresh.push(CaseDigest::of(&case, &events));
                        }
                    }
                    self.rewrite_block(kind, block, ids, fresh)?;
                }
                Kind::Action => {
                    let mut fresh = Vec::new();
                    for id in ids.clone() {
                        let key = ActionId(id).to_key();
                        if let Some(action) = self.current::<Action>(&key)? {
                            fresh.push(ActionDigest::of(&action));
                        }
                    }
                    self.rewrite_block(kind, block, ids, fresh)?;
                }
            }
        }
        Ok(())
    }

    /// Block `block` of `kind` with the digests of `ids` replaced by `fresh` (an id without a
    /// fresh digest was removed); an empty block is removed.
    fn rewrite_block<T: Digest>(
        &mut self,
        kind: Kind,
        block: u64,
        ids: impl Iterator<Item = u64>,
        fresh: Vec<T>,
    ) -> Result<(), StoreError> {
        let key = block_key(kind, block << BLOCK_BITS);
        let ids: BTreeSet<u64> = ids.collect();
        let mut digests: Vec<T> = self
            .pending_block::<T>(&key)?
            .into_iter()
            .filter(|d| !ids.contains(&d.id()))
            .chain(fresh)
            .collect();
        digests.sort_by_key(Digest::id);
        let write = if digests.is_empty() {
            super::tx::Write::Remove
        } else {
            let value = codec::encode(
                self.store.cipher(),
                TreeId::Digests,
                &key,
                &Block { digests },
            );
            super::tx::Write::Put(value)
        };
        self.writes.insert((TreeId::Digests, key), write);
        Ok(())
    }

    fn pending_block<T: Digest>(&self, key: &[u8]) -> Result<Vec<T>, StoreError> {
        let bytes = match self.writes.get(&(TreeId::Digests, key.to_vec())) {
            Some(super::tx::Write::Put(bytes)) => Some(bytes.clone()),
            Some(super::tx::Write::Remove) => None,
            None => self
                .store
                .tree(TreeId::Digests)
                .get(key)?
                .map(|b| b.to_vec()),
        };
        bytes
            .map(|bytes| {
                codec::decode::<Block<T>>(self.store.cipher(), TreeId::Digests, key, &bytes)
                    .map(|b| b.digests)
            })
            .transpose()
            .map(Option::unwrap_or_default)
    }

    /// A case's events as they will stand: the stored ones, with this transaction's writes
    /// over them.
    fn events_of(&self, case: CaseId) -> Result<Vec<CaseEvent>, StoreError> {
        let prefix = case.to_key();
        let mut events = std::collections::BTreeMap::new();
        for item in self.store.tree(TreeId::Events).scan_prefix(prefix) {
            let (key, bytes) = item?;
            events.insert(key.to_vec(), Some(bytes.to_vec()));
        }
        let pending = self
            .writes
            .range((TreeId::Events, prefix.to_vec())..)
            .take_while(|((tree, key), _)| *tree == TreeId::Events && key.starts_with(&prefix));
        for ((_, key), write) in pending {
            let bytes = match write {
                super::tx::Write::Put(bytes) => Some(bytes.clone()),
                super::tx::Write::Remove => None,
            };
            events.insert(key.clone(), bytes);
        }
        events
            .into_iter()
            .filter_map(|(key, bytes)| Some((key, bytes?)))
            .map(|(key, bytes)| codec::decode(self.store.cipher(), TreeId::Events, &key, &bytes))
            .collect()
    }
}

impl Store {
    /// Every case's digest, in id order.
    pub fn case_digests(&self) -> Result<Vec<CaseDigest>, StoreError> {
        self.digests(Kind::Case)
    }

    /// Every action's digest, in id order.
    pub fn action_digests(&self) -> Result<Vec<ActionDigest>, StoreError> {
        self.digests(Kind::Action)
    }

    fn digests<T: Digest>(&self, kind: Kind) -> Result<Vec<T>, StoreError> {
        let mut all = Vec::new();
        for item in self.tree(TreeId::Digests).scan_prefix([kind as u8]) {
            let (key, bytes) = item?;
            let block: Block<T> = codec::decode(self.cipher(), TreeId::Digests, &key, &bytes)?;
            all.extend(block.digests);
        }
        Ok(all)
    }

    /// The case items of every meeting that its minutes say were passed by ("niet
    /// besproken"), from their index: the minutes themselves are read by nobody here.
    pub fn passed_by(&self) -> Result<Vec<(MeetingId, CaseId)>, StoreError> {
        self.tree(TreeId::PassedBy)
            .iter()
            .keys()
            .map(|key| {
                let key = key?;
                match (
                    MeetingId::from_key(&key),
                    key.get(8..).and_then(CaseId::from_key),
                ) {
                    (Some(meeting), Some(case)) => Ok((meeting, case)),
                    _ => Err(StoreError::Damaged(format!(
                        "{}: key",
                        TreeId::PassedBy.name()
                    ))),
                }
            })
            .collect()
    }

    /// 4 → 5: the digests and the minutes' "niet besproken" index, written from the records.
    /// In chunks, so a large school is not held in one transaction; running it twice writes
    /// the same values.
    pub(super) fn keep_digests(&self) -> Result<(), StoreError> {
        let mut tx = self.tx();
        for minutes in self.all::<Minutes>() {
            for entry in minutes?.index_entries() {
                tx.writes
                    .insert((entry.tree, entry.key), super::tx::Write::Put(entry.value));
            }
        }
        std::mem::replace(&mut tx, self.tx()).commit()?;
        for key in self.tree(TreeId::Cases).iter().keys() {
            tx.touched.note(TreeId::Cases, &key?);
            if tx.touched.0.len() >= 4_096 {
                std::mem::replace(&mut tx, self.tx()).commit()?;
            }
        }
        for key in self.tree(TreeId::Actions).iter().keys() {
            tx.touched.note(TreeId::Actions, &key?);
            if tx.touched.0.len() >= 4_096 {
                std::mem::replace(&mut tx, self.tx()).commit()?;
            }
        }
        tx.commit()
    }

    /// The digests that disagree with the records, each as "case N" or "action N"; empty when
    /// they all agree. The digests are written with their records, so they must always agree.
    pub fn digest_drift(&self) -> Result<Vec<String>, StoreError> {
        let mut events: std::collections::HashMap<CaseId, Vec<CaseEvent>> =
            std::collections::HashMap::new();
        for event in self.all::<CaseEvent>() {
            let event = event?;
            events.entry(event.case).or_default().push(event);
        }
        let mut wanted = Vec::new();
        for case in self.all::<Case>() {
            let case = case?;
            let history = events.remove(&case.id).unwrap_or_default();
            wanted.push(CaseDigest::of(&case, &history));
        }
        let mut drift = Vec::new();
        differ(&wanted, &self.case_digests()?, "case", &mut drift);
        let wanted: Vec<ActionDigest> = self
            .all::<Action>()
            .map(|a| a.map(|a| ActionDigest::of(&a)))
            .collect::<Result<_, _>>()?;
        differ(&wanted, &self.action_digests()?, "action", &mut drift);
        Ok(drift)
    }
}

fn differ<T: Digest + PartialEq>(wanted: &[T], found: &[T], what: &str, into: &mut Vec<String>) {
    fn by_id<T: Digest>(all: &[T]) -> std::collections::BTreeMap<u64, &T> {
        all.iter().map(|d| (d.id(), d)).collect()
    }
    let (wanted, found) = (by_id(wanted), by_id(found));
    let ids: BTreeSet<u64> = wanted.keys().chain(found.keys()).copied().collect();
    for id in ids {
        if wanted.get(&id) != found.get(&id) {
            into.push(format!("{what} {id}"));
        }
    }
}
