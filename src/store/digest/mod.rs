//! Digests: what the monitoring figures need of each case, action and meeting, kept at write
//! time so that the figures of a large school read a few thousand small records instead of
//! every case, event, action and meeting whole (issue 14: all figures under 100 ms).
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
//! than decoding a digest, and ids are handed out in order, so blocks are full. A block is in
//! the binary form of `wire`, not JSON: decoding is most of what reading the digests costs.

mod wire;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::codec;
use super::records::{Record, TreeId};
use super::tx::Tx;
use super::{Store, StoreError};
use crate::domain::{
    Action, ActionId, ActionStatus, AgendaKind, Case, CaseEvent, CaseId, Meeting, MeetingId,
    MeetingState, Minutes, PupilId,
};
use crate::monitoring::{CaseFacts, CaseHistory, Change, Histories, Step};
use wire::{Reader, Writer};

/// Ids per block: 2^6. A meeting touches a few blocks; 50,000 cases are under a thousand.
const BLOCK_BITS: u32 = 6;

/// The first byte of a block's key: which kind of digest it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(super) enum Kind {
    Case = 1,
    Action = 2,
    Meeting = 3,
}

/// What the figures need of an action: its dates, where it stands, how often it was carried
/// over. No text, no owner, no reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDigest {
    pub id: ActionId,
    pub created: NaiveDate,
    pub due: NaiveDate,
    /// The day it was done; `None` while open or once dropped.
    pub done: Option<NaiveDate>,
    pub dropped: bool,
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

/// What the figures need of a meeting: its day, whether it was closed, and of each agenda
/// item the case it was about (if any) with its timebox and the time its timer ran. No
/// attendance, no place, nothing typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDigest {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub closed: bool,
    pub items: Vec<ItemDigest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemDigest {
    pub case: Option<CaseId>,
    pub timebox_minutes: u16,
    pub used_seconds: u32,
}

impl MeetingDigest {
    pub fn of(meeting: &Meeting) -> MeetingDigest {
        MeetingDigest {
            id: meeting.id,
            date: meeting.date,
            closed: meeting.state == MeetingState::Closed,
            items: meeting
                .agenda
                .iter()
                .map(|item| ItemDigest {
                    case: match item.kind {
                        AgendaKind::Case { case } => Some(case),
                        _ => None,
                    },
                    timebox_minutes: item.timebox_minutes,
                    used_seconds: item.used_seconds,
                })
                .collect(),
        }
    }
}

/// The cases, actions and meetings a transaction touches, by the keys it writes.
#[derive(Debug, Default)]
pub(super) struct Touched(BTreeSet<(Kind, u64)>);

impl Touched {
    /// Notes the case, action or meeting a write to `key` of `tree` belongs to: a case's own
    /// key and its events' keys start with its id.
    pub(super) fn note(&mut self, tree: TreeId, key: &[u8]) {
        let kind = match tree {
            TreeId::Cases | TreeId::Events => Kind::Case,
            TreeId::Actions => Kind::Action,
            TreeId::Meetings => Kind::Meeting,
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

/// What a block holds: a digest with its id, in the binary form of `wire`.
trait Digest: Sized {
    fn id(&self) -> u64;
    fn write(&self, to: &mut Writer);
    fn read(from: &mut Reader) -> Option<Self>;
}

/// A case's digest is what the figures read of it (`CaseHistory`): the moments on its record
/// and its phase, level and consent changes, oldest first. No text: not the question, not a
/// reason.
impl Digest for CaseHistory {
    fn id(&self) -> u64 {
        self.case.id.0
    }

    fn write(&self, to: &mut Writer) {
        let case = &self.case;
        to.uint(case.id.0);
        to.uint(case.pupil.0);
        to.day(case.opened);
        to.maybe_day(case.closed);
        to.maybe_day(case.help_start);
        to.maybe_day(case.waiting_since);
        to.text(&case.phase);
        to.level(case.level);
        to.consent(case.consent);
        to.uint(self.events.len() as u64);
        for m in &self.events {
            to.day(m.date);
            // 0 was the opening, which a digest leaves out.
            match &m.kind {
                Step::Phase { from, to: phase } => {
                    to.byte(1);
                    to.text(from);
                    to.text(phase);
                }
                Step::Level { from, to: level } => {
                    to.byte(2);
                    to.level(*from);
                    to.level(*level);
                }
                Step::Consent { from, to: consent } => {
                    to.byte(3);
                    to.consent(*from);
                    to.consent(*consent);
                }
            }
        }
    }

    /// Read on its own, for a block rewritten; the figures read every case at once
    /// (`read_case`).
    fn read(from: &mut Reader) -> Option<CaseHistory> {
        let mut one = Histories::default();
        read_case(from, &mut one)?;
        one.to_vec().pop()
    }
}

/// Reads one case's digest into `into`: the only reading of a case's digest.
fn read_case(from: &mut Reader, into: &mut Histories) -> Option<()> {
    let id = CaseId(from.uint()?);
    let pupil = PupilId(from.uint()?);
    let opened = from.day()?;
    let closed = from.maybe_day()?;
    let help_start = from.maybe_day()?;
    let waiting_since = from.maybe_day()?;
    let phase = into.phase(from.text()?)?;
    let level = from.level()?;
    let consent = from.consent()?;
    for _ in 0..from.uint()? {
        let date = from.day()?;
        let kind = match from.byte()? {
            1 => Step::Phase {
                from: into.phase(from.text()?)?,
                to: into.phase(from.text()?)?,
            },
            2 => Step::Level {
                from: from.level()?,
                to: from.level()?,
            },
            3 => Step::Consent {
                from: from.consent()?,
                to: from.consent()?,
            },
            _ => return None,
        };
        into.push_move(Change { date, kind });
    }
    into.end_case(CaseFacts {
        id,
        pupil,
        opened,
        closed,
        help_start,
        waiting_since,
        phase,
        level,
        consent,
    })
}

impl Digest for ActionDigest {
    fn id(&self) -> u64 {
        self.id.0
    }

    fn write(&self, to: &mut Writer) {
        to.uint(self.id.0);
        to.day(self.created);
        to.day(self.due);
        to.maybe_day(self.done);
        to.byte(u8::from(self.dropped));
        to.uint(u64::from(self.carried));
    }

    fn read(from: &mut Reader) -> Option<ActionDigest> {
        Some(ActionDigest {
            id: ActionId(from.uint()?),
            created: from.day()?,
            due: from.day()?,
            done: from.maybe_day()?,
            dropped: match from.byte()? {
                0 => false,
                1 => true,
                _ => return None,
            },
            carried: u32::try_from(from.uint()?).ok()?,
        })
    }
}

impl Digest for MeetingDigest {
    fn id(&self) -> u64 {
        self.id.0
    }

    fn write(&self, to: &mut Writer) {
        to.uint(self.id.0);
        to.day(self.date);
        to.byte(u8::from(self.closed));
        to.uint(self.items.len() as u64);
        for item in &self.items {
            // 0 for an item that is no case: case ids start at 1, but need not.
            to.uint(item.case.map_or(0, |case| case.0.saturating_add(1)));
            to.uint(u64::from(item.timebox_minutes));
            to.uint(u64::from(item.used_seconds));
        }
    }

    fn read(from: &mut Reader) -> Option<MeetingDigest> {
        let id = MeetingId(from.uint()?);
        let date = from.day()?;
        let closed = match from.byte()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let n = usize::try_from(from.uint()?).ok()?;
        let mut items = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            items.push(ItemDigest {
                case: from.uint()?.checked_sub(1).map(CaseId),
                timebox_minutes: u16::try_from(from.uint()?).ok()?,
                used_seconds: u32::try_from(from.uint()?).ok()?,
            });
        }
        Some(MeetingDigest {
            id,
            date,
            closed,
            items,
        })
    }
}

/// A block's stored value: its digests in id order, sealed when the database is.
fn encode_block<T: Digest>(store: &Store, key: &[u8], digests: &[T]) -> Vec<u8> {
    let mut to = Writer::new();
    to.uint(digests.len() as u64);
    for digest in digests {
        digest.write(&mut to);
    }
    codec::seal(store.cipher(), TreeId::Digests, key, to.bytes())
}

/// Reads a block: `each` reads one digest, as many times as the block holds.
fn decode_block(
    store: &Store,
    key: &[u8],
    bytes: &[u8],
    mut each: impl FnMut(&mut Reader) -> Option<()>,
) -> Result<(), StoreError> {
    // A plain database's block is read where it lies: the copy `codec::open` makes (and
    // wipes afterwards) is for the opened form of a sealed one.
    let opened;
    let plain: &[u8] = if store.cipher().is_none() && codec::is_plain(bytes) {
        bytes
    } else {
        opened = codec::open(store.cipher(), TreeId::Digests, key, bytes)?;
        &opened
    };
    let damaged = || StoreError::Damaged(format!("{}: unreadable block", TreeId::Digests.name()));
    let mut from = Reader::of(plain).ok_or_else(damaged)?;
    let n = from.uint().ok_or_else(damaged)?;
    for _ in 0..n {
        each(&mut from).ok_or_else(damaged)?;
    }
    if from.is_done() {
        Ok(())
    } else {
        Err(damaged())
    }
}

impl Tx<'_> {
    /// Writes again the digests of every case, action and meeting this transaction touched,
    /// from the records as they stand once it is applied. Called by each way of committing.
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
                            fresh.push(CaseHistory::of(&case, &events));
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
                Kind::Meeting => {
                    let mut fresh = Vec::new();
                    for id in ids.clone() {
                        let key = MeetingId(id).to_key();
                        if let Some(meeting) = self.current::<Meeting>(&key)? {
                            fresh.push(MeetingDigest::of(&meeting));
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
            super::tx::Write::Put(encode_block(self.store, &key, &digests))
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
        let mut digests = Vec::new();
        if let Some(bytes) = bytes {
            decode_block(self.store, key, &bytes, |from| {
                digests.push(T::read(from)?);
                Some(())
            })?;
        }
        Ok(digests)
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
    /// Every case's digest, in id order, in the form the figures walk.
    pub fn case_histories(&self) -> Result<Histories, StoreError> {
        let mut all = Histories::default();
        for item in self.tree(TreeId::Digests).scan_prefix([Kind::Case as u8]) {
            let (key, bytes) = item?;
            decode_block(self, &key, &bytes, |from| read_case(from, &mut all))?;
        }
        Ok(all)
    }

    /// Every case's digest, in id order, each on its own.
    pub fn case_digests(&self) -> Result<Vec<CaseHistory>, StoreError> {
        Ok(self.case_histories()?.to_vec())
    }

    /// Every action's digest, in id order.
    pub fn action_digests(&self) -> Result<Vec<ActionDigest>, StoreError> {
        self.digests(Kind::Action)
    }

    /// Every meeting's digest, in id order.
    pub fn meeting_digests(&self) -> Result<Vec<MeetingDigest>, StoreError> {
        self.digests(Kind::Meeting)
    }

    fn digests<T: Digest>(&self, kind: Kind) -> Result<Vec<T>, StoreError> {
        let mut all = Vec::new();
        for item in self.tree(TreeId::Digests).scan_prefix([kind as u8]) {
            let (key, bytes) = item?;
            decode_block(self, &key, &bytes, |from| {
                all.push(T::read(from)?);
                Some(())
            })?;
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

    /// 4 → 5: the minutes' "niet besproken" index, written from the minutes. The digests
    /// schema 5 added follow in the next step, in the form that step writes.
    pub(super) fn keep_passed_by(&self) -> Result<(), StoreError> {
        let mut tx = self.tx();
        for minutes in self.all::<Minutes>() {
            for entry in minutes?.index_entries() {
                tx.writes
                    .insert((entry.tree, entry.key), super::tx::Write::Put(entry.value));
            }
        }
        tx.commit()
    }

    /// 5 → 6: every digest written again from the records, in the binary form, and the
    /// meetings' digests added. The JSON blocks go first: a block is rewritten from what it
    /// holds. In chunks, so a large school is not held in one transaction; running it twice
    /// writes the same values.
    pub(super) fn write_digests_again(&self) -> Result<(), StoreError> {
        let sources = [TreeId::Cases, TreeId::Actions, TreeId::Meetings];
        self.derive_again(TreeId::Digests, &sources, |tx, tree, key| {
            tx.touched.note(tree, key);
            tx.touched.0.len()
        })
    }

    /// The digests that disagree with the records, each as "case N", "action N" or "meeting N";
    /// empty when they all agree. The digests are written with their records, so they must
    /// always agree.
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
            wanted.push(CaseHistory::of(&case, &history));
        }
        let mut drift = Vec::new();
        differ(&wanted, &self.case_digests()?, "case", &mut drift);
        let wanted: Vec<ActionDigest> = self
            .all::<Action>()
            .map(|a| a.map(|a| ActionDigest::of(&a)))
            .collect::<Result<_, _>>()?;
        differ(&wanted, &self.action_digests()?, "action", &mut drift);
        let wanted: Vec<MeetingDigest> = self
            .all::<Meeting>()
            .map(|m| m.map(|m| MeetingDigest::of(&m)))
            .collect::<Result<_, _>>()?;
        differ(&wanted, &self.meeting_digests()?, "meeting", &mut drift);
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
