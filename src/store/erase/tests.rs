use chrono::NaiveTime;
use tempfile::TempDir;

use super::*;
use crate::domain::meeting::{MeetingKind, MeetingState};
use crate::domain::minutes::{MinutesAction, MinutesSource};
use crate::domain::{
    ActionId, ActionStatus, AuditKind, CaseEvent, Consent, DecisionId, EventKind, MeetingId,
    NoteId, Owner, Pupil,
};
use crate::testkit::day;
use crate::testkit::pupil;

const FULL: &str = "Sanne de Vries";

fn case(id: u64, pupil: u64) -> Case {
    let mut case =
        crate::testkit::case(id, pupil, &format!("Vraag {id}: hoe helpen we met lezen?"));
    case.closed = (id == 1).then(|| day(3));
    case
}

/// Sanne (pupil 1) with cases 1 and 2, Daan (pupil 2) with case 3; meeting 1 discussed cases
/// 1 and 3 and is closed, with minutes; meeting 2 is planned with case 2 on its agenda.
pub(crate) fn school() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut tx = store.tx();
    tx.insert(&pupil(1, "Sanne", "de", "Vries")).unwrap();
    tx.insert(&pupil(2, "Daan", "", "Bakker")).unwrap();
    let mut notes = Vec::new();
    let mut decisions = Vec::new();
    let mut events = Vec::new();
    let mut actions = Vec::new();
    for (id, of) in [(1, 1), (2, 1), (3, 2)] {
        tx.insert(&case(id, of)).unwrap();
        let event = CaseEvent {
            case: CaseId(id),
            seq: 0,
            date: day(2),
            meeting: Some(MeetingId(1)),
            reason: format!("signaal over {}", if of == 1 { "Sanne" } else { "Daan" }),
            kind: EventKind::Opened,
        };
        tx.insert(&event).unwrap();
        events.push(event);
        let note = Note {
            id: NoteId(id),
            case: Some(CaseId(id)),
            phase: Some("signaal".into()),
            meeting: Some(MeetingId(1)),
            agenda_item: None,
            date: day(10),
            text: if of == 1 {
                "Sanne leest traag; moeder van Sanne de Vries belde.".into()
            } else {
                "Daan rekent goed.".into()
            },
        };
        tx.insert(&note).unwrap();
        notes.push(note);
        let decision = Decision {
            id: DecisionId(id),
            case: Some(CaseId(id)),
            meeting: Some(MeetingId(1)),
            agenda_item: None,
            date: day(10),
            text: format!("Besluit {id}"),
        };
        tx.insert(&decision).unwrap();
        decisions.push(decision);
        let action = Action {
            id: ActionId(id),
            text: format!("Actie {id}"),
            owner: Owner::Other("moeder".into()),
            due: day(20),
            status: ActionStatus::Open,
            created: day(10),
            meeting: Some(MeetingId(1)),
            case: Some(CaseId(id)),
            agenda_item: None,
            carried_through: vec![],
        };
        tx.insert(&action).unwrap();
        actions.push(action);
    }
    // A rondvraag note of the meeting itself that names her in full, and one of Daan's.
    for (id, text) in [
        (4, "Rondvraag: Sanne de Vries verhuist."),
        (5, "Sanne uit groep 3 (een andere) is ziek."),
    ] {
        tx.insert(&Note {
            id: NoteId(id),
            case: None,
            phase: None,
            meeting: Some(MeetingId(2)),
            agenda_item: Some(5),
            date: day(10),
            text: text.into(),
        })
        .unwrap();
    }
    let mut closed = Meeting {
        id: MeetingId(1),
        date: day(10),
        time: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
        place: "kamer IB".into(),
        kind: MeetingKind::Regular,
        state: MeetingState::Closed,
        chair: None,
        attendance: Vec::new(),
        agenda: Meeting::template_agenda(&[CaseId(1), CaseId(3)]),
        current_item: 0,
        next_meeting: Some(day(24)),
        timer_started: None,
        reopened: Vec::new(),
        changed_cases: Vec::new(),
        recorded_fields: Vec::new(),
        removed_cases: Vec::new(),
        action_changes: Vec::new(),
    };
    let minutes = Minutes::compile(&MinutesSource {
        meeting: &closed,
        chair: "Fatima Benali".into(),
        attendee_name: &|_| String::new(),
        subject: &|case| {
            if case == CaseId(3) {
                "Daan Bakker"
            } else {
                FULL
            }
            .into()
        },
        owner_name: &|_| "moeder".into(),
        notes: &notes,
        decisions: &decisions,
        events: &events,
        actions: &actions,
        carried_over: &[],
        reviewed: &[],
        recorded: &|_| Vec::new(),
        fixed_on: day(10),
    });
    tx.insert(&minutes).unwrap();
    closed.current_item = 3;
    tx.insert(&closed).unwrap();
    let planned = Meeting {
        id: MeetingId(2),
        date: day(24),
        state: MeetingState::Planned,
        agenda: Meeting::template_agenda(&[CaseId(2), CaseId(3)]),
        ..closed
    };
    tx.insert(&planned).unwrap();
    tx.commit().unwrap();
    (dir, store)
}

fn audit() -> AuditEntry {
    AuditEntry::new(
        day(25).and_hms_opt(9, 0, 0).unwrap(),
        AuditKind::Erasure,
        "otter forget",
    )
}

fn forget(store: &Store) -> Erased {
    let erasure = Erasure {
        pupil: PupilId(1),
        scope: Scope::Pupil,
    };
    store.erase(&[erasure], audit()).unwrap()
}

fn json<R: Serialize>(records: impl Iterator<Item = Result<R, StoreError>>) -> String {
    let all: Vec<R> = records.map(Result::unwrap).collect();
    serde_json::to_string(&all).unwrap()
}

#[test]
fn forget_removes_the_pupil_with_everything_of_their_cases_and_keeps_the_others() {
    let (dir, store) = school();
    let erased = forget(&store);
    assert_eq!(erased.get(Counted::Pupils), 1);
    assert_eq!(erased.get(Counted::Cases), 2);
    assert_eq!(erased.get(Counted::Notes), 2);
    assert_eq!(erased.get(Counted::Actions), 2);
    assert_eq!(erased.get(Counted::AgendaItems), 2);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.pupil(PupilId(1)).unwrap(), None);
    assert!(store.pupil(PupilId(2)).unwrap().is_some());
    for id in [1, 2] {
        assert_eq!(store.case(CaseId(id)).unwrap(), None);
        assert!(store.events_of_case(CaseId(id)).unwrap().is_empty());
        assert_eq!(store.action(ActionId(id)).unwrap(), None);
        assert_eq!(store.note(id).unwrap(), None);
        assert_eq!(store.decision(id).unwrap(), None);
    }
    assert_eq!(
        store.notes_of_case(CaseId(3)).unwrap().len(),
        1,
        "Daan keeps his"
    );
    assert_eq!(
        store.open_actions(None).unwrap().len(),
        1,
        "the index has no strays"
    );
    assert!(store.cases_of_pupil(PupilId(1)).unwrap().is_empty());
    let planned = store.meeting(MeetingId(2)).unwrap().unwrap();
    let on_agenda: Vec<_> = planned
        .agenda
        .iter()
        .filter_map(|item| match item.kind {
            AgendaKind::Case { case } => Some(case),
            _ => None,
        })
        .collect();
    assert_eq!(on_agenda, [CaseId(3)]);
}

#[test]
fn forget_leaves_the_name_in_no_record_and_redacts_the_minutes() {
    let (_dir, store) = school();
    forget(&store);
    let minutes = store.minutes(MeetingId(1)).unwrap().unwrap();
    let items: Vec<_> = minutes
        .items
        .iter()
        .filter(|i| !i.subject.is_empty())
        .collect();
    assert_eq!(items[0].subject, REDACTED);
    assert_eq!(items[1].subject, "Daan Bakker");
    assert_eq!(
        items[0].notes,
        ["[verwijderd] leest traag; moeder van [verwijderd] belde."]
    );
    let texts = [
        json(store.all::<Minutes>()),
        json(store.all::<Note>()),
        json(store.all::<Meeting>()),
        json(store.all::<Case>()),
        json(store.all::<CaseEvent>()),
        json(store.all::<Pupil>()),
        json(store.all::<AuditEntry>()),
    ]
    .concat();
    assert!(!texts.contains(FULL), "{texts}");
    assert!(!texts.contains("Vries"), "{texts}");
    assert!(
        texts.contains("Rondvraag: [verwijderd] verhuist."),
        "her full name goes from other notes"
    );
    assert!(
        texts.contains("Sanne uit groep 3 (een andere)"),
        "a first name alone outside her minutes may be someone else"
    );
}

#[test]
fn forget_writes_one_audit_line_with_counts_and_no_name() {
    let (dir, store) = school();
    forget(&store);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let log = store.audit_log().unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, AuditKind::Erasure);
    assert_eq!(log[0].command, "otter forget");
    assert!(log[0].counts.contains(&(Counted::Cases, 2)));
    assert!(log[0].counts.contains(&(Counted::Minutes, 1)));
    let text = serde_json::to_string(&log).unwrap();
    assert!(!text.contains("Sanne") && !text.contains("Vries"), "{text}");
}

#[test]
fn erasing_cases_keeps_the_pupil_and_their_other_cases() {
    let (_dir, store) = school();
    let erasure = Erasure {
        pupil: PupilId(1),
        scope: Scope::Cases(vec![CaseId(1)]),
    };
    let erased = store.erase(&[erasure], audit()).unwrap();
    assert_eq!(erased.get(Counted::Pupils), 0);
    assert_eq!(erased.get(Counted::Cases), 1);
    assert!(store.pupil(PupilId(1)).unwrap().is_some());
    assert_eq!(store.case(CaseId(1)).unwrap(), None);
    assert!(store.case(CaseId(2)).unwrap().is_some());
    let minutes = store.minutes(MeetingId(1)).unwrap().unwrap();
    assert!(!serde_json::to_string(&minutes).unwrap().contains("Sanne"));
    let planned = store.meeting(MeetingId(2)).unwrap().unwrap();
    assert!(
        planned
            .agenda
            .iter()
            .any(|i| i.kind == AgendaKind::Case { case: CaseId(2) }),
        "her newer case stays on the agenda"
    );
}

#[test]
fn a_large_erasure_goes_in_batches_each_with_its_audit_line() {
    let (_dir, store) = school();
    let erasures = [
        Erasure {
            pupil: PupilId(1),
            scope: Scope::Cases(vec![CaseId(1)]),
        },
        Erasure {
            pupil: PupilId(2),
            scope: Scope::Cases(vec![CaseId(3)]),
        },
    ];
    let erased = store.erase_in_batches(&erasures, audit(), 1).unwrap();
    assert_eq!(erased.get(Counted::Cases), 2, "the counts of all batches");
    let log = store.audit_log().unwrap();
    let cases: Vec<u64> = log
        .iter()
        .map(|e| {
            e.counts
                .iter()
                .find(|(w, _)| *w == Counted::Cases)
                .unwrap()
                .1
        })
        .collect();
    assert_eq!(
        cases,
        [1, 1],
        "one line per write, each with its own counts"
    );
    assert_eq!(
        store.case(CaseId(2)).unwrap().map(|c| c.id),
        Some(CaseId(2))
    );
}

/// Every file under the data directory, every byte: the name is nowhere, not in sled's log
/// segments either (where a removed value survives until the database is rewritten).
#[test]
fn after_forget_no_file_in_the_data_directory_holds_the_name() {
    let (dir, store) = school();
    // A rolling backup from before, which holds the pupil.
    let before = crate::store::backup::rolling(&store, crate::store::backup::Reason::Close)
        .unwrap()
        .unwrap();
    assert!(
        files_holding(dir.path(), FULL.as_bytes()) > 0,
        "the test can fail"
    );
    forget(&store);
    assert!(store.rewrite_pending().unwrap());
    let (store, dropped) = store.purge().unwrap();
    assert!(!store.rewrite_pending().unwrap());
    let before_name = before.file_name().unwrap().to_str().unwrap();
    assert_eq!(dropped, [before_name]);
    drop(store);
    let holding = files_holding(dir.path(), FULL.as_bytes()) + files_holding(dir.path(), b"Vries");
    assert_eq!(holding, 0);
    assert_eq!(
        std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .count(),
        1,
        "one new backup of what is left"
    );
}

/// An erased case's pseudonym goes with it: from the minutes that named the case by it (the
/// item and an action carried over under another item), from a note of another pupil's case
/// that mentions it, and from every byte of the data directory; for a forget and for an
/// erasure of the case alone (retention), where no name is looked for everywhere.
#[test]
fn an_erased_case_leaves_its_pseudonym_in_no_record_and_no_file() {
    for scope in [Scope::Pupil, Scope::Cases(vec![CaseId(2)])] {
        let (dir, store) = school();
        let mut anonymous = store.case(CaseId(2)).unwrap().unwrap();
        anonymous.consent = Consent::Anonymous;
        store.save(&anonymous).unwrap();
        let pseudonym = anonymous.pseudonym();
        let mut minutes = store.minutes(MeetingId(1)).unwrap().unwrap();
        let carried = MinutesAction {
            id: ActionId(2),
            text: "Actie 2".into(),
            owner: "moeder".into(),
            due: day(20),
            subject: pseudonym.clone(),
        };
        minutes.carried_over.push(carried);
        minutes.items[3]
            .notes
            .push(format!("Ook {pseudonym} kort genoemd."));
        store.save(&minutes).unwrap();
        let mut daans = store.notes_of_case(CaseId(3)).unwrap().remove(0);
        daans.text = format!("Zit naast {} in de klas.", anonymous.pseudonym.code());
        store.save(&daans).unwrap();
        let code = anonymous.pseudonym.code().as_bytes();
        assert!(files_holding(dir.path(), code) > 0, "the test can fail");

        let erasure = Erasure {
            pupil: PupilId(1),
            scope: scope.clone(),
        };
        store.erase(&[erasure], audit()).unwrap();
        let minutes = json(store.all::<Minutes>());
        assert!(
            !minutes.contains(anonymous.pseudonym.code()),
            "{scope:?}: {minutes}"
        );
        assert!(
            minutes.contains("Ook [verwijderd] kort genoemd."),
            "{minutes}"
        );
        let daans = store.note(3).unwrap().unwrap().text;
        assert_eq!(daans, "Zit naast [verwijderd] in de klas.", "{scope:?}");
        let (store, _) = store.purge().unwrap();
        drop(store);
        assert_eq!(files_holding(dir.path(), code), 0, "{scope:?}");
    }
}

/// An erasure whose rewrite did not happen (from the screen, or a crash) is rewritten at the
/// next open.
#[test]
fn a_pending_rewrite_is_done_at_the_next_open() {
    let (dir, store) = school();
    forget(&store);
    drop(store);
    assert!(
        files_holding(dir.path(), b"Vries") > 0,
        "still in sled's log"
    );
    let store = Store::open(dir.path()).unwrap();
    assert!(!store.rewrite_pending().unwrap());
    drop(store);
    assert_eq!(files_holding(dir.path(), b"Vries"), 0);
}

fn files_holding(dir: &std::path::Path, needle: &[u8]) -> usize {
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            count += files_holding(&path, needle);
        } else {
            let bytes = std::fs::read(&path).unwrap();
            count += usize::from(bytes.windows(needle.len()).any(|w| w == needle));
        }
    }
    count
}

/// A prompt's draft may name the pupil, and would come back at its agenda item, another
/// pupil's once the erased case is off the agenda: the erasure takes it, for a forget and for
/// retention, down to sled's files.
#[test]
fn an_erasure_removes_the_prompt_draft_from_every_file() {
    for scope in [Scope::Pupil, Scope::Cases(vec![CaseId(2)])] {
        let (dir, store) = school();
        store
            .set_prompt_draft(Some("Sanne Xylofoonles besproken"))
            .unwrap();
        let erasure = Erasure {
            pupil: PupilId(1),
            scope: scope.clone(),
        };
        store.erase(&[erasure], audit()).unwrap();
        assert_eq!(store.prompt_draft().unwrap(), None, "{scope:?}");
        let (store, _) = store.purge().unwrap();
        drop(store);
        assert_eq!(files_holding(dir.path(), b"Xylofoonles"), 0, "{scope:?}");
    }
}

/// Every kept search text of every kind, as one string per text (`store::search_text`).
fn kept_search_texts(store: &Store) -> Vec<String> {
    use crate::store::search_text::TextKind;
    let mut all = Vec::new();
    for kind in TextKind::ALL {
        store
            .scan_search_texts(
                kind,
                || false,
                |texts| {
                    all.push(texts.text.to_string());
                    all.extend(texts.written.iter().map(|text| text.to_string()));
                    Ok(())
                },
            )
            .unwrap();
    }
    all
}

/// The search texts (schema 7) keep what the team wrote of a case, its notes, decisions and
/// actions: an erasure takes them out of the kept blocks in the same write as the records (no
/// write in between holds the records gone and the texts still there), and the purge out of
/// every byte of the data directory; for a forget and for retention.
#[test]
fn an_erasure_leaves_the_erased_texts_in_no_search_text_and_no_file() {
    const TEXTS: [&str; 5] = [
        "Xylofoonvraag van juf",
        "Kwartethypothese over tellen",
        "Zwemdiplomanotitie uit het gesprek",
        "Tandemfietsbesluit genomen",
        "Ukelele-actie plannen",
    ];
    for scope in [Scope::Pupil, Scope::Cases(vec![CaseId(2)])] {
        let (dir, store) = school();
        let mut case = store.case(CaseId(2)).unwrap().unwrap();
        case.question = TEXTS[0].into();
        case.hypotheses = TEXTS[1].into();
        let mut note = store.notes_of_case(CaseId(2)).unwrap().remove(0);
        note.text = TEXTS[2].into();
        let mut decision = store.decisions_of_case(CaseId(2)).unwrap().remove(0);
        decision.text = TEXTS[3].into();
        let mut action = store.actions_of_case(CaseId(2)).unwrap().remove(0);
        action.text = TEXTS[4].into();
        let mut tx = store.tx();
        tx.put(&case).unwrap();
        tx.put(&note).unwrap();
        tx.put(&decision).unwrap();
        tx.put(&action).unwrap();
        tx.commit().unwrap();
        let kept = kept_search_texts(&store);
        for text in TEXTS {
            assert!(
                kept.iter().any(|k| k == text),
                "{text} kept: the test can fail"
            );
        }

        let erasure = Erasure {
            pupil: PupilId(1),
            scope: scope.clone(),
        };
        store.erase(&[erasure], audit()).unwrap();
        let kept = kept_search_texts(&store);
        for text in TEXTS {
            assert!(!kept.iter().any(|k| k == text), "{scope:?}: {text} kept");
        }
        assert_eq!(store.search_text_drift().unwrap(), Vec::<String>::new());
        let (store, _) = store.purge().unwrap();
        drop(store);
        for text in TEXTS {
            assert_eq!(
                files_holding(dir.path(), text.as_bytes()),
                0,
                "{scope:?}: {text}"
            );
        }
    }
}

/// Found reviewing the search texts: another pupil's case that named her in its own texts (its
/// question, the reason of a move) kept her name after `forget`.
#[test]
fn forget_redacts_her_name_in_another_pupil_s_case_and_its_moves() {
    let (dir, store) = school();
    let mut daan = store.case(CaseId(3)).unwrap().unwrap();
    daan.question = "Hoe helpen we Daan, die veel met Sanne de Vries optrekt?".into();
    daan.hypotheses = "Sanne de Vries leidt hem af.".into();
    store.save(&daan).unwrap();
    let event = CaseEvent {
        case: CaseId(3),
        seq: 1,
        date: day(12),
        meeting: Some(MeetingId(1)),
        reason: "Niveau omhoog: ruzie met Sanne de Vries".into(),
        kind: EventKind::Level {
            from: crate::domain::Level::MIN,
            to: crate::domain::Level::MIN,
        },
    };
    store.insert(&event).unwrap();
    forget(&store);
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let daan = store.case(CaseId(3)).unwrap().unwrap();
    assert_eq!(
        daan.question,
        "Hoe helpen we Daan, die veel met [verwijderd] optrekt?"
    );
    assert_eq!(daan.hypotheses, "[verwijderd] leidt hem af.");
    let texts = [json(store.all::<Case>()), json(store.all::<CaseEvent>())].concat();
    assert!(!texts.contains(FULL), "{texts}");
    assert!(texts.contains("ruzie met [verwijderd]"), "{texts}");
}
