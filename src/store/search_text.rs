//! The kept search text: what `otter search` can hit in a case, an action, a decision or a note,
//! kept beside the records in blocks of 64 ids, so that a search of a large school reads its
//! texts (a third of the records' bytes there) in a few thousand values instead of reading
//! every record whole (issue 18: `otter search` on large under 500 ms).
//!
//! Like the digests (`digest`), the texts are derived from the records and written with them:
//! `Tx` notes every case, action, decision and note a write touches and, before it commits,
//! writes their blocks again from the records as they will stand, in the same transaction. So
//! a change or an erasure rewrites the block as it rewrites the record, and an erasure's purge
//! leaves no old block behind either. A block holds nothing a record does not hold, and is
//! sealed as the records are when the database is encrypted; backups leave the tree out (a
//! restore writes it again from the records). Pupils' names are not kept here: search reads
//! the pupils' own (small) tree.
//!
//! A block is `PLAIN_BINARY` then its entries in id order, each `id ‖ length ‖ entry`, so a
//! rewrite replaces the touched entries without reading the others. An entry is `head ‖ flag
//! ‖ count ‖ texts`: for an action, a decision or a note the head is its case's id plus one (0
//! for none), the flag 0 and the one text; for a case the head is its pupil, the flag its
//! consent (`consent_byte`: `Subject` decides from it whether a hit names the pupil), and the
//! texts its pseudonym as shown, its question and then what the team wrote in its form
//! (`Case::searchable_form_texts`). Numbers are little-endian `u64`, lengths `u32`. An entry
//! longer than `LONGEST_ENTRY` is kept as its head, the flag `READ_THE_RECORD` and no texts:
//! a scan reads that record instead.

use std::collections::BTreeSet;

use super::codec::{self, PLAIN_BINARY};
use super::records::TreeId;
use super::tx::{Tx, Write};
use super::{Store, StoreError};
use crate::domain::{Action, Case, CaseId, Consent, Decision, Note, PupilId};

/// Ids per block: 2^6, as the digests.
const BLOCK_BITS: u32 = 6;

/// The first byte of a block's key: whose texts it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum TextKind {
    Case = 1,
    Action = 2,
    Decision = 3,
    Note = 4,
}

impl TextKind {
    pub const ALL: [TextKind; 4] = [
        TextKind::Case,
        TextKind::Action,
        TextKind::Decision,
        TextKind::Note,
    ];

    /// The records whose texts this kind keeps.
    fn tree(self) -> TreeId {
        match self {
            TextKind::Case => TreeId::Cases,
            TextKind::Action => TreeId::Actions,
            TextKind::Decision => TreeId::Decisions,
            TextKind::Note => TreeId::Notes,
        }
    }

    fn of(tree: TreeId) -> Option<TextKind> {
        TextKind::ALL.into_iter().find(|kind| kind.tree() == tree)
    }

    /// The kind of a block, from the first byte of its key.
    fn of_key(key: &[u8]) -> Option<TextKind> {
        let first = *key.first()?;
        TextKind::ALL.into_iter().find(|kind| *kind as u8 == first)
    }

    fn name(self) -> &'static str {
        match self {
            TextKind::Case => "case",
            TextKind::Action => "action",
            TextKind::Decision => "decision",
            TextKind::Note => "note",
        }
    }
}

/// One record's kept texts, borrowed from the block read.
#[derive(Debug)]
pub struct Texts<'a> {
    pub id: u64,
    /// An action's, decision's or note's case; for a case, itself.
    pub case: Option<CaseId>,
    /// A case's pupil; `None` for the other kinds.
    pub pupil: Option<PupilId>,
    /// A case's consent, which `Subject::names` decides by; `None` for the other kinds.
    pub consent: Option<Consent>,
    /// A case's pseudonym as shown (`Pseudonym::shown`); empty for the other kinds.
    pub pseudonym: &'a str,
    /// A case's question, or the one text of the others.
    pub text: &'a str,
    /// A case's other texts (hypotheses, research decision, goals, the circles' parts).
    pub written: Vec<&'a str>,
}

/// The cases, actions, decisions and notes a transaction touches.
#[derive(Debug, Default)]
pub(super) struct Touched(BTreeSet<(TextKind, u64)>);

impl Touched {
    pub(super) fn note(&mut self, tree: TreeId, key: &[u8]) {
        let Some(kind) = TextKind::of(tree) else {
            return;
        };
        if let Some(id) = key.get(..8).and_then(|id| id.try_into().ok()) {
            self.0.insert((kind, u64::from_be_bytes(id)));
        }
    }
}

fn block_key(kind: TextKind, block: u64) -> Vec<u8> {
    let mut key = vec![kind as u8];
    key.extend_from_slice(&block.to_be_bytes());
    key
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        // A text of 4 GiB does not fit in a record either.
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        self.0.extend_from_slice(&len.to_le_bytes());
        self.0.extend_from_slice(&text.as_bytes()[..len as usize]);
    }

    fn entry(&mut self, head: u64, flag: u8, texts: &[&str]) {
        self.uint(head);
        self.0.push(flag);
        self.0
            .extend_from_slice(&(texts.len() as u32).to_le_bytes());
        for text in texts {
            self.text(text);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(taken)
    }

    fn uint(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn len(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.len()?;
        std::str::from_utf8(self.take(len)?).ok()
    }
}

/// An entry: `(id, bytes)`, its bytes as stored (head, flag, count, texts).
type Entry = (u64, Vec<u8>);

/// The longest entry a block keeps. A longer one is kept as `head ‖ READ_THE_RECORD ‖ 0`,
/// and a scan reads its record instead: a block of 64 cases of 64 KB texts was 4 MB, sled
/// keeps up to 16 blocks in one leaf, and writing such leaves made a restore of 48 MB of
/// cases hold 140 MB (tests/bounded_memory.rs). Texts that long are rare; the search of a
/// school of them reads those records, as it read every record before schema 7.
const LONGEST_ENTRY: usize = 8 * 1024;

/// The flag of an entry too long to keep (`LONGEST_ENTRY`).
const READ_THE_RECORD: u8 = 0xFF;

fn case_entry(case: &Case) -> Vec<u8> {
    kept_entry(whole_case_entry(case))
}

fn whole_case_entry(case: &Case) -> Vec<u8> {
    let shown = case.pseudonym.shown();
    let mut texts = vec![shown.as_str(), &case.question];
    texts.extend(case.searchable_form_texts());
    let mut to = Writer(Vec::new());
    to.entry(case.pupil.0, consent_byte(case.consent), &texts);
    to.0
}

fn text_entry(case: Option<CaseId>, text: &str) -> Vec<u8> {
    kept_entry(whole_text_entry(case, text))
}

fn whole_text_entry(case: Option<CaseId>, text: &str) -> Vec<u8> {
    let mut to = Writer(Vec::new());
    to.entry(case.map_or(0, |case| case.0.saturating_add(1)), 0, &[text]);
    to.0
}

/// `entry` as a block keeps it: whole, or, when longer than `LONGEST_ENTRY`, its head and
/// the mark that the record is to be read instead.
fn kept_entry(entry: Vec<u8>) -> Vec<u8> {
    if entry.len() <= LONGEST_ENTRY {
        return entry;
    }
    let mut to = Writer(entry[..8].to_vec());
    to.0.push(READ_THE_RECORD);
    to.0.extend_from_slice(&0u32.to_le_bytes());
    to.0
}

/// The whole entry of the record `id` of `kind`, read from the record; `None` if it is gone.
fn entry_from_record(
    store: &Store,
    kind: TextKind,
    id: u64,
) -> Result<Option<Vec<u8>>, StoreError> {
    let key = id.to_be_bytes();
    Ok(match kind {
        TextKind::Case => store.get_raw::<Case>(&key)?.map(|c| whole_case_entry(&c)),
        TextKind::Action => store
            .get_raw::<Action>(&key)?
            .map(|a| whole_text_entry(a.case, &a.text)),
        TextKind::Decision => store
            .get_raw::<Decision>(&key)?
            .map(|d| whole_text_entry(d.case, &d.text)),
        TextKind::Note => store
            .get_raw::<Note>(&key)?
            .map(|n| whole_text_entry(n.case, &n.text)),
    })
}

/// A case's consent as its entry's flag.
fn consent_byte(consent: Consent) -> u8 {
    match consent {
        Consent::Unknown => 0,
        Consent::Yes => 1,
        Consent::No => 2,
        Consent::Anonymous => 3,
    }
}

fn consent_of_byte(byte: u8) -> Option<Consent> {
    [
        Consent::Unknown,
        Consent::Yes,
        Consent::No,
        Consent::Anonymous,
    ]
    .into_iter()
    .find(|consent| consent_byte(*consent) == byte)
}

fn encode_block(store: &Store, key: &[u8], entries: &[Entry]) -> Vec<u8> {
    let mut to = Writer(vec![PLAIN_BINARY]);
    for (id, bytes) in entries {
        to.uint(*id);
        to.0.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        to.0.extend_from_slice(bytes);
    }
    codec::seal(store.cipher(), TreeId::SearchTexts, key, &to.0)
}

fn damaged() -> StoreError {
    StoreError::Damaged(format!("{}: unreadable block", TreeId::SearchTexts.name()))
}

/// A block's entries, their bytes as stored, from its plain form.
fn entries(plain: &[u8]) -> Result<Vec<Entry>, StoreError> {
    let mut from = match plain.split_first() {
        Some((&PLAIN_BINARY, rest)) => Reader(rest),
        _ => return Err(damaged()),
    };
    let mut all = Vec::new();
    while !from.0.is_empty() {
        let id = from.uint().ok_or_else(damaged)?;
        let len = from.len().ok_or_else(damaged)?;
        all.push((id, from.take(len).ok_or_else(damaged)?.to_vec()));
    }
    Ok(all)
}

/// Hands each entry of a block's plain form to `each`, its texts borrowed from it.
/// An entry too long to keep (`READ_THE_RECORD`) is read from its record.
fn read_block(
    store: &Store,
    kind: TextKind,
    plain: &[u8],
    each: &mut impl FnMut(Texts<'_>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut from = match plain.split_first() {
        Some((&PLAIN_BINARY, rest)) => Reader(rest),
        _ => return Err(damaged()),
    };
    while !from.0.is_empty() {
        let id = from.uint().ok_or_else(damaged)?;
        let len = from.len().ok_or_else(damaged)?;
        let entry = from.take(len).ok_or_else(damaged)?;
        if entry.get(8) == Some(&READ_THE_RECORD) {
            if let Some(whole) = entry_from_record(store, kind, id)? {
                each(read_entry(kind, id, &whole).ok_or_else(damaged)?)?;
            }
            continue;
        }
        each(read_entry(kind, id, entry).ok_or_else(damaged)?)?;
    }
    Ok(())
}

fn read_entry(kind: TextKind, id: u64, entry: &[u8]) -> Option<Texts<'_>> {
    let len = entry.len();
    let mut entry = Reader(entry);
    let head = entry.uint()?;
    let flag = entry.take(1)?[0];
    let count = entry.len()?;
    let texts = if kind == TextKind::Case {
        let pseudonym = entry.text()?;
        let question = entry.text()?;
        // A damaged count must not reserve more than the entry could hold.
        let mut written = Vec::with_capacity(count.saturating_sub(2).min(len / 4));
        for _ in 2..count {
            written.push(entry.text()?);
        }
        Texts {
            id,
            case: Some(CaseId(id)),
            pupil: Some(PupilId(head)),
            consent: Some(consent_of_byte(flag)?),
            pseudonym,
            text: question,
            written,
        }
    } else {
        if count != 1 || flag != 0 {
            return None;
        }
        Texts {
            id,
            case: head.checked_sub(1).map(CaseId),
            pupil: None,
            consent: None,
            pseudonym: "",
            text: entry.text()?,
            written: Vec::new(),
        }
    };
    entry.0.is_empty().then_some(texts)
}

impl Store {
    /// Every kept entry of `kind`, in id order, each handed to `each` with its texts borrowed
    /// from the block read, until `stop` says so or `each` fails.
    pub fn scan_search_texts(
        &self,
        kind: TextKind,
        stop: impl Fn() -> bool,
        mut each: impl FnMut(Texts<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for item in self.tree(TreeId::SearchTexts).scan_prefix([kind as u8]) {
            if stop() {
                break;
            }
            let (key, bytes) = item?;
            if self.cipher().is_none() && codec::is_plain(&bytes) {
                read_block(self, kind, &bytes, &mut each)?;
            } else {
                let plain = codec::open(self.cipher(), TreeId::SearchTexts, &key, &bytes)?;
                read_block(self, kind, &plain, &mut each)?;
            }
        }
        Ok(())
    }

    /// 6 → 7: the search texts written from the records, in chunks, so a large school is not
    /// held in one transaction; running it twice writes the same values.
    pub(super) fn keep_search_texts(&self) -> Result<(), StoreError> {
        let sources = TextKind::ALL.map(TextKind::tree);
        self.derive_again(TreeId::SearchTexts, &sources, |tx, tree, key| {
            tx.texts.note(tree, key);
            tx.texts.0.len()
        })
    }

    /// The records whose kept search texts disagree with them, each as "case N", "action N",
    /// "decision N" or "note N"; empty when they all agree, as they must.
    pub fn search_text_drift(&self) -> Result<Vec<String>, StoreError> {
        let mut wanted = BTreeSet::new();
        for case in self.all::<Case>() {
            let case = case?;
            wanted.insert((TextKind::Case, case.id.0, case_entry(&case)));
        }
        for action in self.all::<Action>() {
            let action = action?;
            let entry = text_entry(action.case, &action.text);
            wanted.insert((TextKind::Action, action.id.0, entry));
        }
        for decision in self.all::<Decision>() {
            let decision = decision?;
            let entry = text_entry(decision.case, &decision.text);
            wanted.insert((TextKind::Decision, decision.id.0, entry));
        }
        for note in self.all::<Note>() {
            let note = note?;
            wanted.insert((TextKind::Note, note.id.0, text_entry(note.case, &note.text)));
        }
        let mut found = BTreeSet::new();
        for item in self.tree(TreeId::SearchTexts).iter() {
            let (key, bytes) = item?;
            let kind = TextKind::of_key(&key).ok_or_else(damaged)?;
            let plain = codec::open(self.cipher(), TreeId::SearchTexts, &key, &bytes)?;
            for (id, entry) in entries(&plain)? {
                found.insert((kind, id, entry));
            }
        }
        let ids: BTreeSet<(TextKind, u64)> = wanted
            .symmetric_difference(&found)
            .map(|(kind, id, _)| (*kind, *id))
            .collect();
        Ok(ids
            .into_iter()
            .map(|(kind, id)| format!("{} {id}", kind.name()))
            .collect())
    }
}

impl Tx<'_> {
    /// Writes again the blocks of every case, action, decision and note this transaction
    /// touched, from the records as they stand once it is applied. Called by each way of
    /// committing, as `write_digests` is.
    pub(super) fn write_search_texts(&mut self) -> Result<(), StoreError> {
        let touched = std::mem::take(&mut self.texts.0);
        let blocks: BTreeSet<(TextKind, u64)> = touched
            .iter()
            .map(|&(kind, id)| (kind, id >> BLOCK_BITS))
            .collect();
        for (kind, block) in blocks {
            let ids: BTreeSet<u64> = touched
                .range((kind, block << BLOCK_BITS)..=(kind, ((block + 1) << BLOCK_BITS) - 1))
                .map(|&(_, id)| id)
                .collect();
            let mut fresh = Vec::new();
            for &id in &ids {
                let key = id.to_be_bytes();
                let entry = match kind {
                    TextKind::Case => self.current::<Case>(&key)?.map(|c| case_entry(&c)),
                    TextKind::Action => self
                        .current::<Action>(&key)?
                        .map(|a| text_entry(a.case, &a.text)),
                    TextKind::Decision => self
                        .current::<Decision>(&key)?
                        .map(|d| text_entry(d.case, &d.text)),
                    TextKind::Note => self
                        .current::<Note>(&key)?
                        .map(|n| text_entry(n.case, &n.text)),
                };
                fresh.extend(entry.map(|entry| (id, entry)));
            }
            let key = block_key(kind, block);
            let mut kept: Vec<Entry> = self
                .pending_texts(&key)?
                .into_iter()
                .filter(|(id, _)| !ids.contains(id))
                .chain(fresh)
                .collect();
            kept.sort_by_key(|(id, _)| *id);
            let write = if kept.is_empty() {
                Write::Remove
            } else {
                Write::Put(encode_block(self.store, &key, &kept))
            };
            self.writes.insert((TreeId::SearchTexts, key), write);
        }
        Ok(())
    }

    fn pending_texts(&self, key: &[u8]) -> Result<Vec<Entry>, StoreError> {
        let stored;
        let bytes = match self.writes.get(&(TreeId::SearchTexts, key.to_vec())) {
            Some(Write::Put(bytes)) => bytes.as_slice(),
            Some(Write::Remove) => return Ok(Vec::new()),
            None => match self.store.tree(TreeId::SearchTexts).get(key)? {
                Some(bytes) => {
                    stored = bytes;
                    &stored
                }
                None => return Ok(Vec::new()),
            },
        };
        let plain = codec::open(self.store.cipher(), TreeId::SearchTexts, key, bytes)?;
        entries(&plain)
    }
}
