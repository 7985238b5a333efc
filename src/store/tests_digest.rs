//! The digests (`digest`) agree with the records after every kind of write: any sequence of
//! transactions, an erasure, a restore, a migration; sealed like records when encrypted.

use proptest::prelude::*;
use tempfile::TempDir;

use super::*;
use crate::domain::{
    Action, ActionId, ActionStatus, AuditEntry, AuditKind, CaseEvent, Consent, EventKind, Level,
    MemberId, Owner,
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
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => Just(Op::Case),
        4 => (0..8usize, 0..4u8).prop_map(|(n, what)| Op::Move(n, what)),
        1 => (0..8usize).prop_map(Op::Remove),
        2 => proptest::option::of(0..8usize).prop_map(Op::Action),
        2 => (0..8usize, 0..3u8).prop_map(|(n, what)| Op::Settle(n, what)),
    ]
}

/// Applies `op` within `tx`; `cases` and `actions` are what was made so far.
fn apply(
    store: &Store,
    tx: &mut tx::Tx<'_>,
    op: &Op,
    at: u32,
    cases: &mut Vec<CaseId>,
    actions: &mut Vec<ActionId>,
) {
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
            let (mut cases, mut actions) = (Vec::new(), Vec::new());
            let mut at = 0;
            for batch in &batches {
                let mut tx = store.tx();
                for op in batch {
                    at += 1;
                    apply(&store, &mut tx, op, at, &mut cases, &mut actions);
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
    let pupil = before[0].pupil;
    let theirs: Vec<CaseId> = before
        .iter()
        .filter(|d| d.pupil == pupil)
        .map(|d| d.id)
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
    assert!(after.iter().all(|d| !theirs.contains(&d.id)));
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

/// In an encrypted database a digest is sealed as its case is: its phase, level and dates
/// are not on disk in plain text.
#[test]
fn an_encrypted_database_seals_its_digests() {
    let dir = TempDir::new().unwrap();
    let mut given = Given {
        params: KdfParams::FAST,
        ..Given::new(Some("geheim"))
    };
    let store = Store::open_with(dir.path(), &mut given).unwrap();
    store
        .insert(&crate::testkit::case(1, 1, "Leest traag"))
        .unwrap();
    let digests: Vec<_> = store
        .tree(TreeId::Digests)
        .iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(digests.len(), 1);
    assert_ne!(digests[0].1.first(), Some(&codec::PLAIN_JSON));
    assert_eq!(store.case_digests().unwrap().len(), 1);
    assert_eq!(store.digest_drift().unwrap(), none());
}
