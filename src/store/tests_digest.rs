//! The digests (`digest`) agree with the records after every kind of write: any sequence of
//! transactions, an erasure, a restore, a migration; sealed like records when encrypted.

use proptest::prelude::*;
use tempfile::TempDir;

use super::*;
use crate::domain::{
    Action, ActionId, ActionStatus, AgendaKind, AuditEntry, AuditKind, CaseEvent, Consent,
    EventKind, Level, Meeting, MeetingId, MeetingState, MemberId, Owner,
};
use crate::testkit::day;

fn none() -> Vec<String> {
    Vec::new()
}

/// One write of a generated history.
#[derive(Debug, Clone)]
enum Op {
    /// A new case (its id from the store's counter).
    Case,
    /// Case `n` (modulo the cases made) moves on, changes level or consent, or closes.
    Move(usize, u8),
    /// Case `n` and its events removed, as an erasure does.
    Remove(usize),
    /// A new action, for case `n` or none.
    Action(Option<usize>),
    /// Action `n` done, dropped or carried over.
    Settle(usize, u8),
    /// A new meeting with cases `n` and `n + 1` on its agenda.
    Meeting(usize),
    /// Meeting `n` closed, its first case item's timer run, or removed.
    Hold(usize, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => Just(Op::Case),
        4 => (0..8usize, 0..4u8).prop_map(|(n, what)| Op::Move(n, what)),
        1 => (0..8usize).prop_map(Op::Remove),
        2 => proptest::option::of(0..8usize).prop_map(Op::Action),
        2 => (0..8usize, 0..3u8).prop_map(|(n, what)| Op::Settle(n, what)),
        1 => (0..8usize).prop_map(Op::Meeting),
        2 => (0..8usize, 0..3u8).prop_map(|(n, what)| Op::Hold(n, what)),
    ]
}

/// What a generated history made so far.
#[derive(Default)]
struct Made {
    cases: Vec<CaseId>,
    actions: Vec<ActionId>,
    meetings: Vec<MeetingId>,
}

/// Applies `op` within `tx`.
fn apply(store: &Store, tx: &mut tx::Tx<'_>, op: &Op, at: u32, made: &mut Made) {
    let Made {
        cases,
        actions,
        meetings,
    } = made;
    let date = day(1) + chrono::Duration::days(i64::from(at));
    let current = |tx: &tx::Tx<'_>, id: CaseId| tx.current::<Case>(&id.to_key()).unwrap();
    match *op {
        Op::Case => {
            let id = CaseId(store.next_id(TreeId::Cases).unwrap());
            let mut case = crate::testkit::case(id.0, 1, "Leest traag");
            case.opened = date;
            tx.insert(&case).unwrap();
            tx.insert(&CaseEvent {
                case: id,
                seq: 0,
                date,
                meeting: None,
                reason: "signaal".into(),
                kind: EventKind::Opened,
            })
            .unwrap();
            cases.push(id);
        }
        Op::Move(n, what) => {
            let Some(&id) = cases.get(n % cases.len().max(1)) else {
                return;
            };
            let Some(mut case) = current(tx, id) else {
                return;
            };
            let kind = match what {
                0 => {
                    let from = std::mem::replace(&mut case.phase, "uitvoering".into());
                    case.waiting_since = Some(date);
                    EventKind::Phase {
                        from,
                        to: case.phase.clone(),
                    }
                }
                1 => {
                    let from = case.level;
                    case.level = Level::new(from.get() % 5 + 1).unwrap();
                    EventKind::Level {
                        from,
                        to: case.level,
                    }
                }
                2 => {
                    let from = std::mem::replace(&mut case.consent, Consent::Anonymous);
                    EventKind::Consent {
                        from,
                        to: case.consent,
                    }
                }
                _ => {
                    let from = std::mem::replace(&mut case.phase, "afgesloten".into());
                    case.closed = Some(date);
                    case.help_start = Some(date);
                    EventKind::Phase {
                        from,
                        to: case.phase.clone(),
                    }
                }
            };
            let seq = u32::try_from(store.tree(TreeId::Events).scan_prefix(id.to_key()).count())
                .unwrap()
                + at;
            tx.put(&case).unwrap();
            tx.put(&CaseEvent {
                case: id,
                seq,
                date,
                meeting: None,
                reason: "in de vergadering".into(),
                kind,
            })
            .unwrap();
        }
        Op::Remove(n) => {
            let Some(&id) = cases.get(n % cases.len().max(1)) else {
                return;
            };
            for event in store.events_of_case(id).unwrap() {
                tx.remove(&event).unwrap();
            }
            if let Some(case) = current(tx, id) {
                tx.remove(&case).unwrap();
            }
        }
        Op::Action(case) => {
            let id = ActionId(store.next_id(TreeId::Actions).unwrap());
            let case = case.and_then(|n| cases.get(n % cases.len().max(1)).copied());
            tx.insert(&Action {
                id,
                text: "Ouders bellen".into(),
                owner: Owner::Member(MemberId(1)),
                due: date + chrono::Duration::days(14),
                status: ActionStatus::Open,
                created: date,
                meeting: None,
                case,
                agenda_item: None,
                carried_through: Vec::new(),
            })
            .unwrap();
            actions.push(id);
        }
        Op::Settle(n, what) => {
            let Some(&id) = actions.get(n % actions.len().max(1)) else {
                return;
            };
            let Some(mut action) = tx.current::<Action>(&id.to_key()).unwrap() else {
                return;
            };
            match what {
                0 => action.status = ActionStatus::Done { on: date },
                1 => {
                    action.status = ActionStatus::Dropped {
                        on: date,
                        reason: "niet nodig".into(),
                    };
                }
                _ => action.carried_through.push(crate::domain::MeetingId(1)),
            }
            tx.put(&action).unwrap();
        }
        Op::Meeting(n) => {
            let id = MeetingId(store.next_id(TreeId::Meetings).unwrap());
            let on: Vec<CaseId> = (n..n + 2)
                .filter_map(|n| cases.get(n % cases.len().max(1)).copied())
                .collect();
            tx.insert(&Meeting::planned(
                id,
                (date, chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap()),
                String::new(),
                None,
                &on,
            ))
            .unwrap();
            meetings.push(id);
        }
        Op::Hold(n, what) => {
            let Some(&id) = meetings.get(n % meetings.len().max(1)) else {
                return;
            };
            let Some(mut meeting) = tx.current::<Meeting>(&id.to_key()).unwrap() else {
                return;
            };
            match what {
                0 => meeting.state = MeetingState::Closed,
                1 => {
                    if let Some(item) = meeting
                        .agenda
                        .iter_mut()
                        .find(|i| matches!(i.kind, AgendaKind::Case { .. }))
                    {
                        item.used_seconds += 60 * at;
                    }
                }
                _ => {
                    tx.remove(&meeting).unwrap();
                    return;
                }
            }
            tx.put(&meeting).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever is written, in transactions of any size, committed one way or the other, the
    /// digests are what the records give, and still after reopening.
    #[test]
    fn the_digests_agree_with_the_records_after_any_writes(
        batches in proptest::collection::vec(proptest::collection::vec(op(), 1..6), 1..12),
        bulk in any::<bool>(),
    ) {
        let dir = TempDir::new().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            let mut made = Made::default();
            let mut at = 0;
            for batch in &batches {
                let mut tx = store.tx();
                for op in batch {
                    at += 1;
                    apply(&store, &mut tx, op, at, &mut made);
                }
                if bulk && at % 2 == 0 {
                    tx.commit_bulk().unwrap();
                } else {
                    tx.commit().unwrap();
                }
            }
            prop_assert_eq!(store.digest_drift().unwrap(), none());
        }
        let store = Store::open(dir.path()).unwrap();
        prop_assert_eq!(store.digest_drift().unwrap(), none());
    }
}

fn demo() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    crate::demo::fill(&store, crate::demo::Scale::School, crate::testkit::today()).unwrap();
    (dir, store)
}

/// `forget` removes the digests of the pupil's cases and actions with them.
#[test]
fn an_erasure_takes_the_digests_of_what_it_erases() {
    let (_dir, store) = demo();
    let before = store.case_digests().unwrap();
    let pupil = before[0].case.pupil;
    let theirs: Vec<CaseId> = before
        .iter()
        .filter(|d| d.case.pupil == pupil)
        .map(|d| d.case.id)
        .collect();
    let audit = AuditEntry::new(
        day(25).and_hms_opt(9, 0, 0).unwrap(),
        AuditKind::Erasure,
        "otter forget",
    );
    let erasure = erase::Erasure {
        pupil,
        scope: erase::Scope::Pupil,
    };
    store.erase(&[erasure], audit).unwrap();
    let after = store.case_digests().unwrap();
    assert_eq!(after.len(), before.len() - theirs.len());
    assert!(after.iter().all(|d| !theirs.contains(&d.case.id)));
    assert_eq!(store.digest_drift().unwrap(), none());
}

/// A restore writes the digests from the records it restores: a backup holds none.
#[test]
fn a_restore_writes_the_digests_again() {
    let (_dir, store) = demo();
    let elsewhere = TempDir::new().unwrap();
    let file = elsewhere.path().join("ot.json");
    backup::write_backup(&store, &file).unwrap();
    let backup = std::fs::read_to_string(&file).unwrap();
    assert!(
        !backup.contains(TreeId::Digests.name()),
        "no digests backed up"
    );
    let target = TempDir::new().unwrap();
    backup::restore(target.path(), &file, false, &mut Given::new(None)).unwrap();
    let restored = Store::open(target.path()).unwrap();
    assert_eq!(
        restored.case_digests().unwrap(),
        store.case_digests().unwrap()
    );
    assert_eq!(
        restored.action_digests().unwrap(),
        store.action_digests().unwrap()
    );
    assert_eq!(restored.passed_by().unwrap(), store.passed_by().unwrap());
    assert_eq!(restored.digest_drift().unwrap(), none());
}

/// A database of schema 4 gets its digests and the "niet besproken" index on opening.
#[test]
fn schema_4_gains_the_digests_from_its_records() {
    let (dir, store) = demo();
    let mut minutes = store.all::<Minutes>().next().unwrap().unwrap();
    for item in &mut minutes.items {
        item.discussed = false;
    }
    store.save(&minutes).unwrap();
    let (cases, actions, passed) = (
        store.case_digests().unwrap(),
        store.action_digests().unwrap(),
        store.passed_by().unwrap(),
    );
    assert!(cases.len() > 10 && actions.len() > 10 && !passed.is_empty());
    drop(store);
    {
        let db =
            super::open_sled_with_patience(&dir.path().join("db"), super::CACHE_BYTES).unwrap();
        for tree in [TreeId::Digests, TreeId::PassedBy] {
            db.drop_tree(tree.name()).unwrap();
        }
        let meta = db.open_tree(TreeId::Meta.name()).unwrap();
        meta.insert(schema::VERSION_KEY, &4u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
    assert_eq!(store.case_digests().unwrap(), cases);
    assert_eq!(store.action_digests().unwrap(), actions);
    assert_eq!(store.passed_by().unwrap(), passed);
    assert_eq!(store.index_drift().unwrap(), none());
}

/// An encrypted database holding one case, "Leest traag", whose derived trees are then sealed.
pub(super) fn encrypted_with_one_case() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let mut given = Given {
        params: KdfParams::FAST,
        ..Given::new(Some("geheim"))
    };
    let store = Store::open_with(dir.path(), &mut given).unwrap();
    store
        .insert(&crate::testkit::case(1, 1, "Leest traag"))
        .unwrap();
    (dir, store)
}

/// In an encrypted database a digest is sealed as its case is: its phase, level and dates
/// are not on disk in plain text.
#[test]
fn an_encrypted_database_seals_its_digests() {
    let (_dir, store) = encrypted_with_one_case();
    let digests: Vec<_> = store
        .tree(TreeId::Digests)
        .iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(digests.len(), 1);
    assert!(!codec::is_plain(&digests[0].1));
    assert_eq!(store.case_digests().unwrap().len(), 1);
    assert_eq!(store.digest_drift().unwrap(), none());
}

/// A database of schema 5 kept its digests as JSON, and none for meetings: on opening they
/// are all written again in the binary form, the meetings' added, and agree with the records.
#[test]
fn schema_5_has_its_digests_written_again_in_the_binary_form() {
    let (dir, store) = demo();
    let (cases, actions, meetings) = (
        store.case_digests().unwrap(),
        store.action_digests().unwrap(),
        store.meeting_digests().unwrap(),
    );
    assert!(cases.len() > 10 && actions.len() > 10 && meetings.len() > 10);
    drop(store);
    {
        let db =
            super::open_sled_with_patience(&dir.path().join("db"), super::CACHE_BYTES).unwrap();
        let digests = db.open_tree(TreeId::Digests.name()).unwrap();
        digests.clear().unwrap();
        // Case 1's block as schema 5 wrote it.
        let json = serde_json::json!({"digests": [{
            "id": 1, "p": 1, "o": 739_000, "c": null, "h": null, "w": null,
            "f": "signalering", "l": 1, "t": "unknown", "m": []
        }]});
        let key = [&[1u8][..], &0u64.to_be_bytes()].concat();
        digests
            .insert(&key, codec::encode(None, TreeId::Digests, &key, &json))
            .unwrap();
        let meta = db.open_tree(TreeId::Meta.name()).unwrap();
        meta.insert(schema::VERSION_KEY, &5u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
    assert_eq!(store.case_digests().unwrap(), cases);
    assert_eq!(store.action_digests().unwrap(), actions);
    assert_eq!(store.meeting_digests().unwrap(), meetings);
    assert_eq!(store.digest_drift().unwrap(), none());
    for block in store.tree(TreeId::Digests).iter() {
        assert_eq!(block.unwrap().1.first(), Some(&codec::PLAIN_BINARY));
    }
}

/// Turning encryption off, cut short after the first digest block: finishing the change
/// leaves the block already plain as it is instead of trying to open it with the key.
#[test]
fn encryption_turned_off_cut_short_finishes_past_a_plain_digest_block() {
    let dir = TempDir::new().unwrap();
    let given = || Given {
        params: KdfParams::FAST,
        ..Given::new(Some("geheim"))
    };
    {
        let mut store = Store::open_with(dir.path(), &mut given()).unwrap();
        let mut tx = store.tx();
        let mut made = Made::default();
        for (at, op) in [Op::Case, Op::Action(Some(0)), Op::Meeting(0)]
            .iter()
            .enumerate()
        {
            apply(&store, &mut tx, op, at as u32, &mut made);
        }
        tx.commit().unwrap();
        // Every value is re-sealed but the last digest block (meetings') and the search
        // texts' blocks, the tree after it.
        let search_texts = store.tree(TreeId::SearchTexts).len();
        let values: usize = TreeId::ALL
            .iter()
            .map(|&tree| {
                store
                    .tree(tree)
                    .iter()
                    .keys()
                    .filter(|key| codec::is_codec_value(tree, key.as_ref().unwrap()))
                    .count()
            })
            .sum();
        let stopped =
            store.change_passphrase_until(None, KdfParams::FAST, Some(values - 1 - search_texts));
        assert!(matches!(stopped, Err(StoreError::Interrupted)));
        let firsts: Vec<u8> = store
            .tree(TreeId::Digests)
            .iter()
            .map(|b| b.unwrap().1[0])
            .collect();
        assert_eq!(firsts.len(), 3);
        assert_eq!(firsts[..2], [codec::PLAIN_BINARY; 2]);
        assert_ne!(firsts[2], codec::PLAIN_BINARY);
    }
    let store = Store::open_with(dir.path(), &mut given()).unwrap();
    assert!(!store.is_encrypted());
    assert_eq!(store.case_digests().unwrap().len(), 1);
    assert_eq!(store.action_digests().unwrap().len(), 1);
    assert_eq!(store.meeting_digests().unwrap().len(), 1);
    assert_eq!(store.digest_drift().unwrap(), none());
}
