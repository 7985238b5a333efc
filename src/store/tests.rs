use chrono::{NaiveDate, NaiveTime};
use tempfile::TempDir;

use super::*;
use crate::domain::case::{Consent, EventKind, Level};
use crate::domain::meeting::{Attendance, Attendee, MeetingKind, MeetingState, Presence};
use crate::domain::minutes::MinutesSource;
use crate::domain::{ActionStatus, DecisionId, NoteId, Owner, Role};
use crate::testkit::day;
use crate::testkit::pupil;

fn case(id: u64, pupil: u64) -> Case {
    Case {
        consent: Consent::Yes,
        level: Level::new(2).unwrap(),
        signalled_by: "leerkracht".into(),
        ..crate::testkit::case(id, pupil, "Hoe helpen we haar met lezen?")
    }
}

fn action(id: u64, owner: Owner, due: NaiveDate, case: Option<u64>) -> Action {
    Action {
        id: ActionId(id),
        text: format!("Actie {id}: gesprek plannen"),
        owner,
        due,
        status: ActionStatus::Open,
        created: day(1),
        meeting: Some(MeetingId(1)),
        case: case.map(CaseId),
        agenda_item: None,
        carried_through: vec![],
    }
}

fn meeting(id: u64) -> Meeting {
    Meeting {
        id: MeetingId(id),
        date: day(10),
        time: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
        place: "kamer IB".into(),
        kind: MeetingKind::Regular,
        state: MeetingState::Closed,
        chair: Some(MemberId(1)),
        attendance: vec![Attendance {
            who: Attendee::Member(MemberId(1)),
            presence: Presence::Present,
        }],
        agenda: Meeting::template_agenda(&[CaseId(1)]),
        current_item: 0,
        next_meeting: Some(day(24)),
        timer_started: None,
        reopened: Vec::new(),
        changed_cases: Vec::new(),
        recorded_fields: Vec::new(),
        removed_cases: Vec::new(),
        action_changes: Vec::new(),
    }
}

fn open(dir: &TempDir) -> Store {
    Store::open(dir.path()).expect("store opens")
}

#[test]
fn every_record_type_survives_a_reopen() {
    let dir = TempDir::new().unwrap();
    let member = Member {
        id: MemberId(1),
        name: "Fatima Benali".into(),
        role: Role::InternBegeleider,
        active: true,
        email: None,
    };
    let p = pupil(1, "Zoë", "", "Çelik");
    let c = case(1, 1);
    let event = CaseEvent {
        case: CaseId(1),
        seq: 0,
        date: day(2),
        meeting: Some(MeetingId(1)),
        reason: String::new(),
        kind: EventKind::Opened,
    };
    let m = meeting(1);
    let note = Note {
        id: NoteId(1),
        case: Some(CaseId(1)),
        phase: Some("signaal".into()),
        meeting: Some(MeetingId(1)),
        agenda_item: Some(3),
        date: day(10),
        text: "Juf ziet dat ze woorden raadt.\nOuders herkennen het.".into(),
    };
    let decision = Decision {
        id: DecisionId(1),
        case: Some(CaseId(1)),
        meeting: Some(MeetingId(1)),
        agenda_item: Some(3),
        date: day(10),
        text: "Leesonderzoek aanvragen".into(),
    };
    let a = action(1, Owner::Member(MemberId(1)), day(20), Some(1));
    let minutes = Minutes::compile(&MinutesSource {
        meeting: &m,
        chair: member.name.clone(),
        attendee_name: &|_| "Fatima Benali".into(),
        subject: &|_| "Zoë Çelik".into(),
        owner_name: &|_| "Fatima Benali".into(),
        notes: std::slice::from_ref(&note),
        decisions: std::slice::from_ref(&decision),
        events: std::slice::from_ref(&event),
        actions: std::slice::from_ref(&a),
        carried_over: &[],
        reviewed: &[],
        recorded: &|_| Vec::new(),
        fixed_on: day(10),
    });
    {
        let store = open(&dir);
        let mut tx = store.tx();
        tx.insert(&member).unwrap();
        tx.insert(&p).unwrap();
        tx.insert(&c).unwrap();
        tx.insert(&event).unwrap();
        tx.insert(&m).unwrap();
        tx.insert(&note).unwrap();
        tx.insert(&decision).unwrap();
        tx.insert(&a).unwrap();
        tx.insert(&minutes).unwrap();
        tx.commit().unwrap();
    }
    let store = open(&dir);
    assert_eq!(store.member(MemberId(1)).unwrap(), Some(member));
    assert_eq!(store.pupil(PupilId(1)).unwrap(), Some(p));
    assert_eq!(store.case(CaseId(1)).unwrap(), Some(c.clone()));
    assert_eq!(
        store.events_of_case(CaseId(1)).unwrap(),
        vec![event.clone()]
    );
    assert_eq!(store.meeting(MeetingId(1)).unwrap(), Some(m));
    assert_eq!(store.notes_of_case(CaseId(1)).unwrap(), vec![note.clone()]);
    assert_eq!(
        store.decisions_of_meeting(MeetingId(1)).unwrap(),
        vec![decision]
    );
    assert_eq!(store.actions_of_case(CaseId(1)).unwrap(), vec![a]);
    assert_eq!(store.events_of_meeting(MeetingId(1)).unwrap(), vec![event]);
    let fixed = store.minutes(MeetingId(1)).unwrap().unwrap();
    assert_eq!(fixed, minutes);
    let case_item = fixed
        .items
        .iter()
        .find(|i| i.subject == "Zoë Çelik")
        .unwrap();
    assert_eq!(case_item.notes, vec![note.text]);
    assert_eq!(
        case_item.decisions,
        vec!["Leesonderzoek aanvragen".to_string()]
    );
    assert_eq!(case_item.actions.len(), 1);
    assert_eq!(store.cases_of_pupil(PupilId(1)).unwrap(), vec![c]);
}

#[test]
fn a_failed_write_of_several_records_leaves_nothing_behind() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir);
    store.save(&pupil(1, "Sanne", "", "de Vries")).unwrap();
    let mut tx = store.tx();
    tx.insert(&case(7, 1)).unwrap();
    tx.insert(&action(3, Owner::Member(MemberId(2)), day(20), Some(7)))
        .unwrap();
    // Pupil 1 exists: the insert is refused and with it the whole write.
    tx.insert(&pupil(1, "Iemand", "", "Anders")).unwrap();
    assert!(matches!(tx.commit(), Err(StoreError::Exists("pupils"))));
    drop(store);
    let store = open(&dir);
    assert_eq!(store.case(CaseId(7)).unwrap(), None);
    assert_eq!(store.action(ActionId(3)).unwrap(), None);
    assert!(
        store.cases_of_pupil(PupilId(1)).unwrap().is_empty(),
        "no index entry"
    );
    assert!(
        store.open_actions(None).unwrap().is_empty(),
        "no index entry"
    );
    assert_eq!(
        store.pupil(PupilId(1)).unwrap().unwrap().first_name,
        "Sanne"
    );
}

#[test]
fn a_phase_change_writes_case_and_event_together() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir);
    let mut c = case(1, 1);
    store.save(&c).unwrap();
    c.phase = "beeldvorming".into();
    let event = CaseEvent {
        case: c.id,
        seq: 1,
        date: day(10),
        meeting: Some(MeetingId(4)),
        reason: "signaal compleet".into(),
        kind: EventKind::Phase {
            from: "signaal".into(),
            to: "beeldvorming".into(),
        },
    };
    let mut tx = store.tx();
    tx.put(&c).unwrap();
    tx.insert(&event).unwrap();
    tx.commit().unwrap();
    // The same event again is refused, and the case change riding with it too.
    c.phase = "analyse".into();
    let mut tx = store.tx();
    tx.put(&c).unwrap();
    tx.insert(&event).unwrap();
    assert!(tx.commit().is_err());
    drop(store);
    let store = open(&dir);
    assert_eq!(
        store.case(CaseId(1)).unwrap().unwrap().phase,
        "beeldvorming"
    );
    assert_eq!(
        store.events_of_case(CaseId(1)).unwrap(),
        vec![event.clone()]
    );
    assert_eq!(store.events_of_meeting(MeetingId(4)).unwrap(), vec![event]);
}

#[test]
fn indexes_follow_every_change_of_a_record() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir);
    let fatima = Owner::Member(MemberId(1));
    let mut first = action(1, fatima.clone(), day(20), Some(1));
    store.save(&first).unwrap();
    store
        .save(&action(2, Owner::Member(MemberId(2)), day(15), Some(1)))
        .unwrap();
    store
        .save(&action(3, Owner::Other("moeder".into()), day(25), None))
        .unwrap();
    let ids = |actions: Vec<Action>| actions.iter().map(|a| a.id.0).collect::<Vec<_>>();
    assert_eq!(
        ids(store.open_actions(None).unwrap()),
        [2, 1, 3],
        "by due date"
    );
    assert_eq!(
        ids(store.open_actions(Some(Some(MemberId(1)))).unwrap()),
        [1]
    );
    assert_eq!(ids(store.open_actions(Some(None)).unwrap()), [3]);
    assert_eq!(ids(store.open_actions_due_before(day(20)).unwrap()), [2]);
    let (first_one, overdue) = store.first_open_actions_due_before(day(26), 1).unwrap();
    assert_eq!(
        (ids(first_one), overdue),
        (vec![2], 3),
        "the first read, all counted"
    );

    // A new due date moves it in the index; done takes it out of the open ones.
    first.due = day(5);
    store.save(&first).unwrap();
    assert_eq!(ids(store.open_actions(None).unwrap()), [1, 2, 3]);
    first.status = ActionStatus::Done { on: day(6) };
    store.save(&first).unwrap();
    assert_eq!(ids(store.open_actions(None).unwrap()), [2, 3]);
    assert_eq!(
        ids(store.actions_of_member(MemberId(1)).unwrap()),
        [1],
        "still owned"
    );

    // Another owner moves it between owners.
    first.owner = Owner::Member(MemberId(2));
    store.save(&first).unwrap();
    assert!(store.actions_of_member(MemberId(1)).unwrap().is_empty());
    assert_eq!(ids(store.actions_of_member(MemberId(2)).unwrap()), [1, 2]);

    // A case moved to another pupil leaves the first pupil's index.
    let mut c = case(1, 1);
    store.save(&c).unwrap();
    c.pupil = PupilId(2);
    store.save(&c).unwrap();
    assert!(store.cases_of_pupil(PupilId(1)).unwrap().is_empty());
    assert_eq!(store.cases_of_pupil(PupilId(2)).unwrap().len(), 1);

    // Removal takes index entries along.
    let mut tx = store.tx();
    tx.remove(&first).unwrap();
    tx.commit().unwrap();
    assert_eq!(ids(store.actions_of_member(MemberId(2)).unwrap()), [2]);
    assert_eq!(store.action(first.id).unwrap(), None);
}

#[test]
fn a_second_open_of_the_same_data_is_refused_at_once() {
    let dir = TempDir::new().unwrap();
    let _first = open(&dir);
    match Store::open(dir.path()) {
        Err(StoreError::InUse(path)) => assert_eq!(path, dir.path()),
        Err(other) => panic!("expected InUse, got {other}"),
        Ok(_) => panic!("expected InUse, got a second store"),
    }
}

#[test]
fn a_database_of_a_newer_otter_is_refused() {
    let dir = TempDir::new().unwrap();
    {
        let store = open(&dir);
        store
            .tree(TreeId::Meta)
            .insert(schema::VERSION_KEY, &(schema::CURRENT + 1).to_be_bytes())
            .unwrap();
        store.db.flush().unwrap();
    }
    match Store::open(dir.path()) {
        Err(StoreError::Newer { found, supported }) => {
            assert_eq!((found, supported), (schema::CURRENT + 1, schema::CURRENT));
        }
        other => panic!("expected Newer, got {:?}", other.err()),
    }
}

#[test]
fn a_new_database_is_stamped_with_the_current_schema() {
    let dir = TempDir::new().unwrap();
    assert_eq!(open(&dir).schema_version().unwrap(), Some(schema::CURRENT));
}

#[test]
fn migration_steps_run_in_order_and_record_each_version() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir);
    let steps = [
        schema::Step {
            from: 2,
            run: |store| {
                let log = store.db.open_tree("log")?;
                let mut text = log.get("steps")?.map(|v| v.to_vec()).unwrap_or_default();
                text.extend_from_slice(b"2>3;");
                log.insert("steps", text)?;
                Ok(())
            },
        },
        schema::Step {
            from: 1,
            run: |store| {
                store
                    .db
                    .open_tree("log")?
                    .insert("steps", b"1>2;".to_vec())?;
                Ok(())
            },
        },
    ];
    schema::migrate(&store, 1, 3, &steps).unwrap();
    let log = store
        .db
        .open_tree("log")
        .unwrap()
        .get("steps")
        .unwrap()
        .unwrap();
    assert_eq!(log.as_ref(), b"1>2;2>3;");
    assert_eq!(store.schema_version().unwrap(), Some(3));
    assert!(matches!(
        schema::migrate(&store, 3, 5, &steps),
        Err(StoreError::NoMigration { from: 3 })
    ));
    assert!(matches!(
        schema::migrate(&store, 4, 3, &steps),
        Err(StoreError::Newer { .. })
    ));
}

#[test]
fn a_foreign_database_is_refused_and_left_alone() {
    let dir = TempDir::new().unwrap();
    let names_before = {
        let db = sled::open(dir.path().join("db")).unwrap();
        db.insert("someone", "else").unwrap();
        db.flush().unwrap();
        db.tree_names()
    };
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Foreign(_))
    ));
    // sled's flusher thread may hold its file lock a moment after the refused store is dropped.
    let db = (0..100)
        .find_map(|_| {
            sled::open(dir.path().join("db"))
                .inspect_err(|_| std::thread::sleep(std::time::Duration::from_millis(20)))
                .ok()
        })
        .expect("the foreign database opens again");
    assert_eq!(db.get("someone").unwrap().unwrap().as_ref(), b"else");
    assert_eq!(db.tree_names(), names_before, "no tree was added");
}

#[test]
fn a_damaged_database_gives_an_error_not_a_panic() {
    let dir = TempDir::new().unwrap();
    {
        let store = open(&dir);
        for id in 1..200 {
            store.save(&pupil(id, "Naam", "", "Achternaam")).unwrap();
        }
    }
    let file = dir.path().join("db").join("db");
    let mut bytes = std::fs::read(&file).unwrap();
    for (index, byte) in bytes.iter_mut().enumerate() {
        if index % 7 == 3 {
            *byte ^= 0x5A;
        }
    }
    std::fs::write(&file, bytes).unwrap();
    let conf = dir.path().join("db").join("conf");
    std::fs::write(&conf, b"not a sled config").unwrap();
    match Store::open(dir.path()) {
        Err(StoreError::Damaged(_)) => {}
        Err(other) => panic!("expected Damaged, got {other}"),
        Ok(_) => panic!("a damaged database opened"),
    }
}

/// sled writes a snapshot as `snap.<lsn>.generating` and renames it when whole; a full disk
/// or a crash half-way leaves the partial file behind, and sled 0.34 then reads it as the
/// newest snapshot and calls the whole database corrupt.
#[test]
fn a_snapshot_left_half_written_does_not_make_the_database_damaged() {
    let dir = TempDir::new().unwrap();
    {
        let store = open(&dir);
        for id in 1..200 {
            store.save(&pupil(id, "Naam", "", "Achternaam")).unwrap();
        }
        store.db.flush().unwrap();
    }
    let partial = dir
        .path()
        .join("db")
        .join("snap.00000000FFFFFFFF.generating");
    std::fs::write(&partial, vec![0u8; 4096]).unwrap();
    let store = Store::open(dir.path()).expect("the database opens");
    assert_eq!(store.all::<Pupil>().count(), 199);
    assert_eq!(
        store.get::<Pupil>(42).unwrap().unwrap(),
        pupil(42, "Naam", "", "Achternaam")
    );
    assert!(!partial.exists());
}

/// On a computer with more than one account (a shared Linux machine, a home directory others
/// may read) the database must not be readable by anyone but its owner, encrypted or not; the
/// files otter exports are already written for the owner only (`atomic::write`).
#[cfg(unix)]
#[test]
fn the_data_directory_and_the_database_are_for_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let parent = TempDir::new().unwrap();
    let dir = parent.path().join("school").join("otter");
    drop(Store::open(&dir).unwrap());
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("db")), 0o700);
    // A database made before otter took care of this is closed off at its next open.
    std::fs::set_permissions(dir.join("db"), std::fs::Permissions::from_mode(0o755)).unwrap();
    drop(Store::open(&dir).unwrap());
    assert_eq!(mode(&dir.join("db")), 0o700);
}

#[test]
fn ids_count_up_per_tree_and_survive_a_reopen() {
    let dir = TempDir::new().unwrap();
    {
        let store = open(&dir);
        assert_eq!(store.next_id(TreeId::Cases).unwrap(), 1);
        assert_eq!(store.next_id(TreeId::Cases).unwrap(), 2);
        assert_eq!(store.next_id(TreeId::Notes).unwrap(), 1);
        store.db.flush().unwrap();
    }
    assert_eq!(open(&dir).next_id(TreeId::Cases).unwrap(), 3);
}

#[test]
fn no_name_is_ever_part_of_a_key() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir);
    store.save(&pupil(1, "Zeynep", "", "Yıldız")).unwrap();
    store.save(&case(1, 1)).unwrap();
    store
        .save(&action(
            1,
            Owner::Other("oma Yıldız".into()),
            day(20),
            Some(1),
        ))
        .unwrap();
    for tree in &store.trees {
        for item in tree.iter() {
            let (key, _) = item.unwrap();
            let text = String::from_utf8_lossy(&key).to_lowercase();
            assert!(
                !text.contains("zeynep") && !text.contains("yıldız") && !text.contains("oma"),
                "{text}"
            );
        }
    }
}

/// A database of schema 1 gets the start screen's indexes built from its records on opening.
#[test]
fn schema_1_gains_the_start_screens_indexes_from_its_records() {
    let dir = TempDir::new().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let (passed, recent) = {
        let store = Store::open(dir.path()).unwrap();
        crate::demo::fill(&store, crate::demo::Scale::School, today).unwrap();
        let since = today - chrono::Duration::days(14);
        (
            store.open_cases_evaluated_before(today).unwrap(),
            store.events_between(since, today).unwrap(),
        )
    };
    assert!(!passed.is_empty() && !recent.is_empty());
    {
        let db = reopen_raw(dir.path());
        for index in [TreeId::OpenCasesByEvaluation, TreeId::EventsByDate] {
            db.drop_tree(index.name()).unwrap();
        }
        let meta = db.open_tree(TreeId::Meta.name()).unwrap();
        meta.insert(schema::VERSION_KEY, &1u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
    assert_eq!(store.open_cases_evaluated_before(today).unwrap(), passed);
    let since = today - chrono::Duration::days(14);
    assert_eq!(store.events_between(since, today).unwrap(), recent);
}

/// A database of schema 2 kept folded names in a `search` tree; opening it drops the tree.
#[test]
fn schema_2_loses_its_search_buckets() {
    let dir = TempDir::new().unwrap();
    {
        let store = open(&dir);
        store.save(&pupil(1, "Zoë", "", "Çelik")).unwrap();
    }
    {
        let db = reopen_raw(dir.path());
        db.open_tree("search")
            .unwrap()
            .insert(b"k", b"zoe celik")
            .unwrap();
        let meta = db.open_tree(TreeId::Meta.name()).unwrap();
        meta.insert(schema::VERSION_KEY, &2u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let store = open(&dir);
    assert_eq!(store.schema_version().unwrap(), Some(schema::CURRENT));
    drop(store);
    let db = reopen_raw(dir.path());
    let names: Vec<_> = db.tree_names().into_iter().map(|n| n.to_vec()).collect();
    assert!(!names.contains(&b"search".to_vec()), "search tree dropped");
    let pupils = db.open_tree(TreeId::Pupils.name()).unwrap();
    assert_eq!(pupils.len(), 1, "records kept");
    drop(db);
    assert!(
        !any_file_holds(dir.path(), b"zoe celik"),
        "the folded name is gone from sled's files too"
    );
}

fn any_file_holds(dir: &std::path::Path, needle: &[u8]) -> bool {
    std::fs::read_dir(dir).unwrap().any(|entry| {
        let path = entry.unwrap().path();
        if path.is_dir() {
            any_file_holds(&path, needle)
        } else {
            let bytes = std::fs::read(&path).unwrap();
            bytes.windows(needle.len()).any(|w| w == needle)
        }
    })
}

/// The raw sled database of a store closed a moment ago: sled's flusher thread lets go of its
/// file lock a little after the store is dropped.
fn reopen_raw(dir: &std::path::Path) -> sled::Db {
    super::open_sled_with_patience(&dir.join("db"), super::CACHE_BYTES).unwrap()
}

/// The minutes a meeting looks back on: the newest closed meeting on or before its day, never
/// itself (opened again) and never one held later.
#[test]
fn the_closed_meeting_before_a_day_skips_the_later_the_open_and_the_excepted() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir);
    let at = |id: u64, d: u32, state: MeetingState| Meeting {
        date: day(d),
        state,
        ..meeting(id)
    };
    for m in [
        at(1, 3, MeetingState::Closed),
        at(2, 10, MeetingState::Closed),
        at(3, 12, MeetingState::Open),
        at(4, 20, MeetingState::Closed),
    ] {
        store.save(&m).unwrap();
    }
    let before = |d: u32, except: u64| {
        store
            .closed_meeting_before(day(d), MeetingId(except))
            .unwrap()
            .map(|m| m.id.0)
    };
    assert_eq!(
        before(12, 3),
        Some(2),
        "the open one and the later one skipped"
    );
    assert_eq!(before(10, 3), Some(2), "the same day counts");
    assert_eq!(before(10, 2), Some(1), "a meeting looks past itself");
    assert_eq!(before(2, 9), None);
    assert_eq!(before(25, 9), Some(4));
}

/// The start screen's recently changed cases read by the index alone: each case once, with
/// its newest event in the period (the latest day, and on it the last in its history), newest
/// first, as `events_between` first names each.
#[test]
fn the_latest_event_of_each_case_changed_lately_is_found_by_the_index() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir);
    let event = |case: u64, seq: u32, d: u32| CaseEvent {
        case: CaseId(case),
        seq,
        date: day(d),
        meeting: None,
        reason: format!("{case}/{seq}"),
        kind: EventKind::Level {
            from: Level::new(1).unwrap(),
            to: Level::new(2).unwrap(),
        },
    };
    // Case 1: two changes in the period, the older before it; case 2: two on one day; case 3:
    // one, the newest of all; case 4: only before the period.
    let history = [
        event(1, 0, 2),
        event(1, 1, 11),
        event(1, 2, 13),
        event(2, 0, 12),
        event(2, 1, 12),
        event(3, 0, 14),
        event(4, 0, 5),
    ];
    for e in &history {
        store.insert(e).unwrap();
    }
    let latest = store.latest_events_between(day(10), day(14)).unwrap();
    let read: Vec<CaseEvent> = latest
        .iter()
        .map(|&at| store.event_at(at).unwrap())
        .collect();
    assert_eq!(
        read,
        [history[5].clone(), history[2].clone(), history[4].clone()]
    );
    let mut seen = std::collections::HashSet::new();
    let first_of_each: Vec<CaseEvent> = store
        .events_between(day(10), day(14))
        .unwrap()
        .into_iter()
        .filter(|event| seen.insert(event.case))
        .collect();
    assert_eq!(read, first_of_each);
}
