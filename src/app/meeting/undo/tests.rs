use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Command, Message, Model, OverlayKind, View};
use crate::domain::meeting::AgendaKind;
use crate::domain::{
    Action, AuditKind, Case, CaseEvent, CaseId, Consent, Decision, EventKind, Note, Pupil,
};
use crate::store::Store;
use crate::testkit::app::{act, answer, meeting_opened, school, send, typed};
use crate::testkit::today;

/// What a meeting's changes can touch: every case, event, action, decision and note, and the
/// agenda of every meeting (not where it stands or its timers, which no undo restores).
#[derive(Debug, PartialEq)]
struct Data {
    cases: Vec<Case>,
    events: Vec<CaseEvent>,
    actions: Vec<Action>,
    decisions: Vec<Decision>,
    notes: Vec<Note>,
    agendas: Vec<Vec<AgendaKind>>,
}

fn data(store: &Store) -> Data {
    Data {
        cases: store.all().map(Result::unwrap).collect(),
        events: store.all().map(Result::unwrap).collect(),
        actions: store.all().map(Result::unwrap).collect(),
        decisions: store.all().map(Result::unwrap).collect(),
        notes: store.all().map(Result::unwrap).collect(),
        agendas: store
            .all::<crate::domain::Meeting>()
            .map(|m| m.unwrap().agenda.into_iter().map(|i| i.kind).collect())
            .collect(),
    }
}

/// The minutes as closing the meeting on screen would fix them now.
fn draft_minutes(store: &Store, model: &Model) -> crate::domain::Minutes {
    let room = model.meeting.as_ref().unwrap();
    let reviewed: Vec<Action> = room
        .earlier_actions
        .iter()
        .map(|(a, _)| a.clone())
        .collect();
    crate::query::meeting::closing(
        store,
        &model.phases,
        &room.meeting,
        &reviewed,
        None,
        today(),
    )
    .unwrap()
    .minutes
}

/// Walks the agenda with `n` and `p` to the first item that is `kind`.
fn go_to(model: &mut Model, view: &mut View, store: &Store, kind: impl Fn(&AgendaKind) -> bool) {
    let agenda = &model.meeting.as_ref().unwrap().meeting.agenda;
    let target = agenda
        .iter()
        .position(|item| kind(&item.kind))
        .expect("no such item on the agenda");
    loop {
        let at = model.meeting.as_ref().unwrap().meeting.current_item;
        match at.cmp(&target) {
            std::cmp::Ordering::Equal => return,
            std::cmp::Ordering::Less => act(store, model, view, Command::NextItem),
            std::cmp::Ordering::Greater => act(store, model, view, Command::PreviousItem),
        }
    }
}

fn enter() -> Message {
    Message::PromptKey(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

/// A case of the demo's meeting that may move on with nothing more recorded.
fn ready(model: &Model) -> CaseId {
    let room = model.meeting.as_ref().unwrap();
    room.meeting
        .agenda
        .iter()
        .find_map(|item| match item.kind {
            AgendaKind::Case { case }
                if room.cases[&case].missing.is_empty()
                    && model.phases.next(&room.cases[&case].case.phase).is_some()
                    && room.cases[&case].case.level.up().is_some() =>
            {
                Some(case)
            }
            _ => None,
        })
        .expect("the demo has a case ready to move on")
}

/// Every kind of change a meeting can take back, made through the keys: the earlier actions
/// settled (done, dropped, new owner, new date), a case moved on, its level and consent
/// changed, an action and a decision added, a new signal opened. Returns how many changes.
fn change_everything(store: &Store, model: &mut Model, view: &mut View) -> usize {
    go_to(model, view, store, |k| *k == AgendaKind::Actions);
    assert!(model.meeting.as_ref().unwrap().earlier_actions.len() >= 4);
    act(store, model, view, Command::ToggleDone);
    act(store, model, view, Command::Down);
    act(store, model, view, Command::DropAction);
    answer(store, model, view, "Niet meer nodig");
    act(store, model, view, Command::Down);
    act(store, model, view, Command::ChangeOwner);
    answer(store, model, view, "moeder");
    act(store, model, view, Command::Down);
    act(store, model, view, Command::ChangeDue);
    answer(store, model, view, "+3w");

    let case = ready(model);
    go_to(model, view, store, |k| *k == AgendaKind::Case { case });
    act(store, model, view, Command::NextPhase);
    assert!(view.flash.is_none(), "{:?}", view.flash);
    act(store, model, view, Command::LevelUp);
    answer(store, model, view, "Meer ondersteuning nodig");
    act(store, model, view, Command::ChangeConsent);
    let consent = match model.meeting.as_ref().unwrap().cases[&case].case.consent {
        Consent::Anonymous => "ja",
        _ => "anoniem",
    };
    answer(store, model, view, consent);
    act(store, model, view, Command::AddAction);
    answer(store, model, view, "Verslag naar ouders sturen");
    answer(store, model, view, "moeder");
    answer(store, model, view, "+2w");
    act(store, model, view, Command::RecordDecision);
    answer(store, model, view, "Door naar de volgende fase");

    open_signal(store, model, view);
    let room = model.meeting.as_ref().unwrap();
    let steps = store.undo_steps(room.meeting.id).unwrap();
    assert_eq!(steps.len(), 10, "{steps:#?}");
    steps.len()
}

#[test]
fn u_takes_back_every_kind_of_change_last_first_and_the_store_is_as_before() {
    let (dir, store, mut model, mut view) = meeting_opened();
    let id = model.meeting.as_ref().unwrap().meeting.id;
    let before = data(&store);
    let minutes_before = draft_minutes(&store, &model);
    let made = change_everything(&store, &mut model, &mut view);
    assert_ne!(draft_minutes(&store, &model), minutes_before);
    assert_ne!(data(&store), before);

    // The first `u` takes the signal back: the case is off the agenda and gone.
    act(&store, &mut model, &mut view, Command::Undo);
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().undo.signal),
        "the status line says what was undone"
    );
    assert_eq!(
        data(&store).cases.len(),
        before.cases.len(),
        "the case is gone"
    );

    // otter stops in the middle of the meeting and starts again: the steps are in the store.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    for _ in 1..made {
        act(&store, &mut model, &mut view, Command::Undo);
        assert_ne!(view.flash.as_deref(), Some(model.lang.texts().undo.nothing));
    }
    assert_eq!(data(&store), before, "every change taken back");
    act(&store, &mut model, &mut view, Command::Undo);
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().undo.nothing),
        "and then it says nothing is left"
    );

    // Each reversal is in the audit log, the minutes of the meeting know of none of it.
    assert_eq!(draft_minutes(&store, &model), minutes_before);
    let undone = store
        .audit_log()
        .unwrap()
        .into_iter()
        .filter(|entry| entry.kind == AuditKind::Undone)
        .count();
    assert_eq!(undone, made);
    assert!(store.events_of_meeting(id).unwrap().is_empty());
    assert!(store.actions_of_meeting(id).unwrap().is_empty());
    assert!(store.decisions_of_meeting(id).unwrap().is_empty());
}

#[test]
fn a_phase_change_taken_back_leaves_the_case_and_its_history_as_they_were() {
    let (_dir, store, mut model, mut view) = meeting_opened();
    let case = ready(&model);
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::Case { case }
    });
    let from = store.case(case).unwrap().unwrap();
    let history = store.events_of_case(case).unwrap();
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_ne!(store.case(case).unwrap().unwrap().phase, from.phase);
    act(&store, &mut model, &mut view, Command::Undo);
    let phase = model.phases.name(&from.phase, model.lang);
    assert_eq!(
        view.flash,
        Some((model.lang.texts().undo.phase)(phase)),
        "the status line names the phase the case is in again"
    );
    assert_eq!(store.case(case).unwrap().unwrap(), from);
    assert_eq!(store.events_of_case(case).unwrap(), history);
    let brief = &model.meeting.as_ref().unwrap().cases[&case];
    assert_eq!(brief.case.phase, from.phase, "the screen shows it too");
    assert!(
        !brief
            .events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Phase { .. })
                && e.meeting == Some(model.meeting.as_ref().unwrap().meeting.id)),
        "no phase change of this meeting is left in the history"
    );
}

#[test]
fn closing_the_meeting_fixes_what_was_done_and_leaves_nothing_to_undo() {
    let (_dir, store, mut model, mut view) = meeting_opened();
    let id = model.meeting.as_ref().unwrap().meeting.id;
    let case = ready(&model);
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::Case { case }
    });
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(store.undo_steps(id).unwrap().len(), 1);
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    assert!(store.undo_steps(id).unwrap().is_empty(), "{:?}", view.flash);
}

#[test]
fn u_outside_an_open_meeting_does_nothing() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    assert!(crate::app::update(&mut model, &mut view, Command::Undo).is_empty());
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let effects = crate::app::update(&mut model, &mut view, Command::Undo);
    assert_eq!(
        effects,
        vec![crate::app::Effect::Undo(
            model.meeting.as_ref().unwrap().meeting.id
        )]
    );
}

#[test]
fn an_erasure_drops_the_undo_steps_that_could_hold_what_it_erases() {
    use crate::store::erase::{Erasure, Scope};
    let (_dir, store, mut model, mut view) = meeting_opened();
    let id = model.meeting.as_ref().unwrap().meeting.id;
    let case = ready(&model);
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::Case { case }
    });
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(store.undo_steps(id).unwrap().len(), 1);
    let pupil = store.case(case).unwrap().unwrap().pupil;
    let audit = crate::domain::AuditEntry::new(model.now, AuditKind::Erasure, "otter forget");
    store
        .erase(
            &[Erasure {
                pupil,
                scope: Scope::Pupil,
            }],
            audit,
        )
        .unwrap();
    assert!(store.undo_steps(id).unwrap().is_empty());
}

/// Opens a new signal for the demo's twelfth pupil on the Nieuwe signalen item; its case.
fn open_signal(store: &Store, model: &mut Model, view: &mut View) -> CaseId {
    go_to(model, view, store, |k| *k == AgendaKind::NewSignals);
    let pupil = store.all::<Pupil>().nth(11).unwrap().unwrap();
    act(store, model, view, Command::NewSignal);
    for key in typed(&format!("{} {}", pupil.first_name, pupil.last_name)) {
        send(store, model, view, key);
    }
    send(store, model, view, enter());
    for key in typed("Huilt vaak in de pauze") {
        send(store, model, view, key);
    }
    send(store, model, view, enter());
    let room = model.meeting.as_ref().unwrap();
    match room.meeting.agenda[room.meeting.current_item].kind {
        AgendaKind::Case { case } => case,
        ref other => panic!("the signal is not in front: {other:?}"),
    }
}

#[test]
fn a_case_opened_by_mistake_is_withdrawn_with_what_was_recorded_about_it() {
    let (dir, store, mut model, mut view) = meeting_opened();
    let id = model.meeting.as_ref().unwrap().meeting.id;
    let ready = ready(&model);
    let before = data(&store);
    let minutes_before = draft_minutes(&store, &model);
    let agenda: Vec<AgendaKind> = model
        .meeting
        .as_ref()
        .unwrap()
        .meeting
        .agenda
        .iter()
        .map(|i| i.kind.clone())
        .collect();

    // A signal for the wrong pupil, with an action and a decision on it.
    let wrong = open_signal(&store, &mut model, &mut view);
    act(&store, &mut model, &mut view, Command::AddAction);
    answer(&store, &mut model, &mut view, "Ouders bellen");
    answer(&store, &mut model, &mut view, "moeder");
    answer(&store, &mut model, &mut view, "+2w");
    act(&store, &mut model, &mut view, Command::RecordDecision);
    answer(
        &store,
        &mut model,
        &mut view,
        "Signaal bespreken met de leerkracht",
    );

    // A case on the agenda from before cannot be withdrawn: it is not this meeting's mistake.
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::Case { case: ready }
    });
    act(&store, &mut model, &mut view, Command::Withdraw);
    assert!(!view.overlays.is_open(OverlayKind::Prompt));
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().undo.withdraw_only_new)
    );
    act(&store, &mut model, &mut view, Command::NextPhase);
    let moved = store.case(ready).unwrap().unwrap();

    // Anything but "ja" withdraws nothing.
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::Case { case: wrong }
    });
    act(&store, &mut model, &mut view, Command::Withdraw);
    answer(&store, &mut model, &mut view, "nee");
    assert!(store.case(wrong).unwrap().is_some());
    act(&store, &mut model, &mut view, Command::Withdraw);
    answer(&store, &mut model, &mut view, "ja");
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().undo.withdrawn)
    );

    // Read back from a reopened store: the case and what hung on it are gone, the agenda is
    // as it was, the other case's change stands, and the minutes do not mention the case.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert!(store.case(wrong).unwrap().is_none());
    assert!(store.events_of_case(wrong).unwrap().is_empty());
    let now = data(&store);
    assert_eq!(now.actions, before.actions);
    assert_eq!(now.decisions, before.decisions);
    assert_eq!(now.cases.len(), before.cases.len());
    let room = model.meeting.as_ref().unwrap();
    let agenda_now: Vec<AgendaKind> = room.meeting.agenda.iter().map(|i| i.kind.clone()).collect();
    assert_eq!(agenda_now, agenda);
    assert!(!room.cases.contains_key(&wrong));
    assert_eq!(store.case(ready).unwrap().unwrap(), moved);
    let withdrawn = store
        .audit_log()
        .unwrap()
        .into_iter()
        .filter(|entry| entry.kind == AuditKind::Withdrawn)
        .count();
    assert_eq!(withdrawn, 1);

    // What is left to undo is the other case's phase change, and then nothing.
    let steps = store.undo_steps(id).unwrap();
    assert_eq!(steps.len(), 1, "{steps:?}");
    act(&store, &mut model, &mut view, Command::Undo);
    act(&store, &mut model, &mut view, Command::Undo);
    assert_eq!(view.flash.as_deref(), Some(model.lang.texts().undo.nothing));
    assert_eq!(data(&store), before);
    assert_eq!(draft_minutes(&store, &model), minutes_before);
}

#[test]
fn the_hulpvraag_is_corrected_from_what_it_says_now() {
    let (dir, store, mut model, mut view) =
        crate::testkit::app::on_case(|brief| !brief.case.question.is_empty());
    let case = crate::testkit::app::current(&model).case.clone();
    act(&store, &mut model, &mut view, Command::CorrectQuestion);
    let prompt = view
        .overlays
        .get::<crate::app::overlay::prompt::Prompt>()
        .expect("H asks");
    assert_eq!(
        prompt.text(),
        case.question,
        "pre-filled with the hulpvraag"
    );
    // An empty answer is asked again; the hulpvraag stays.
    for _ in 0..case.question.chars().count() {
        send(
            &store,
            &mut model,
            &mut view,
            Message::PromptKey(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        );
    }
    send(&store, &mut model, &mut view, enter());
    assert!(view.overlays.is_open(OverlayKind::Prompt));
    assert_eq!(
        store.case(case.id).unwrap().unwrap().question,
        case.question
    );
    answer(
        &store,
        &mut model,
        &mut view,
        "Hoe leert hij rustig te starten?",
    );
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().undo.question_corrected)
    );
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let stored = store.case(case.id).unwrap().unwrap();
    assert_eq!(stored.question, "Hoe leert hij rustig te starten?");
    assert_eq!(stored.phase, case.phase);
    // A correction is a change made in the meeting: its minutes count the case as discussed.
    let meeting = model.meeting.as_ref().unwrap().meeting.id;
    let stored = store.meeting(meeting).unwrap().unwrap();
    assert!(stored.changed_cases.contains(&case.id), "{stored:?}");
}

#[test]
fn the_plan_is_corrected_in_evaluatie_without_moving_back_and_shown_there() {
    use crate::app::meeting::circles::tests::{on_case_in, press, type_text};
    use crate::app::meeting::form::Form;
    use crate::app::meeting::plan::Field;
    let (dir, store, mut model, mut view) =
        on_case_in("evaluatie", |brief| brief.case.goals.is_empty());
    let case = crate::testkit::app::current(&model).case.id;
    // A member named by the start of their name only, which no other member shares.
    let members = model.meeting.as_ref().unwrap().members.clone();
    let fold = crate::domain::fold::fold;
    let (member, start) = members
        .iter()
        .filter(|m| m.active)
        .find_map(|m| {
            (2..m.name.chars().count()).find_map(|n| {
                let start: String = m.name.chars().take(n).collect();
                let fits = members
                    .iter()
                    .filter(|o| fold(&o.name).starts_with(&fold(&start)))
                    .count();
                (fits == 1).then(|| (m.clone(), start))
            })
        })
        .expect("a member known by the start of their name");
    act(&store, &mut model, &mut view, Command::EditNotes);
    let Some(Form::Plan(form)) = view.form() else {
        panic!("e in Evaluatie opens the plan: {:?}", view.form());
    };
    assert_eq!(form.focus, Field::Notes, "typing goes to the notes first");
    send(&store, &mut model, &mut view, press(KeyCode::Tab));
    type_text(&store, &mut model, &mut view, "Zelfstandig starten");
    send(&store, &mut model, &mut view, press(KeyCode::Tab));
    // The regiehouder is picked from the members by the start of a name, as an owner is.
    let Some(Form::Plan(form)) = view.form() else {
        unreachable!()
    };
    let old = form.regiehouder.lines().join("").chars().count();
    for _ in 0..old {
        send(&store, &mut model, &mut view, press(KeyCode::Backspace));
    }
    type_text(&store, &mut model, &mut view, &start);
    send(&store, &mut model, &mut view, press(KeyCode::Tab));
    type_text(&store, &mut model, &mut view, "15-01-2027");
    send(&store, &mut model, &mut view, press(KeyCode::Esc));

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let stored = store.case(case).unwrap().unwrap();
    assert_eq!(stored.phase, "evaluatie", "the phase did not move back");
    assert_eq!(stored.goals, ["Zelfstandig starten"]);
    assert_eq!(stored.regiehouder, member.name);
    assert_eq!(
        stored.evaluation_date,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 15)
    );

    // Evaluatie shows the goals and the evaluation date beside what it records.
    let brief = model.meeting.as_mut().unwrap().current_case_mut().unwrap();
    brief.case.outcome = "Doel deels gehaald".into();
    let screen = crate::ui::tests::screen_of(&model, &View::default(), 120, 40, "mono");
    assert!(screen.contains("Zelfstandig starten"), "{screen}");
    assert!(screen.contains("Doel deels gehaald"), "{screen}");
    let day = crate::domain::dates::format_day(stored.evaluation_date.unwrap(), model.lang);
    assert!(screen.contains(&day), "{day}: {screen}");
}

#[test]
fn a_case_is_closed_from_any_phase_with_a_reason_shown_in_the_minutes_and_the_dossier() {
    use crate::export::{Context, Format, minutes::Status};
    let (dir, store, mut model, mut view) = crate::testkit::app::on_case(|brief| {
        brief.case.phase == "signaal" && !brief.missing.is_empty()
    });
    let before = crate::testkit::app::current(&model).case.clone();
    act(&store, &mut model, &mut view, Command::CloseCase);
    send(&store, &mut model, &mut view, enter());
    assert!(
        view.overlays.is_open(OverlayKind::Prompt),
        "a reason is needed"
    );
    assert_eq!(store.case(before.id).unwrap().unwrap(), before);
    answer(&store, &mut model, &mut view, "Verhuisd naar Zwolle");

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let closed = store.case(before.id).unwrap().unwrap();
    assert_eq!(closed.phase, "afgesloten", "{:?}", view.flash);
    assert_eq!(closed.closed, Some(today()));
    assert_eq!(closed.closing_reason, "Verhuisd naar Zwolle");
    let last = store.events_of_case(before.id).unwrap().pop().unwrap();
    assert_eq!(
        last.kind,
        EventKind::Phase {
            from: "signaal".into(),
            to: "afgesloten".into()
        }
    );
    act(&store, &mut model, &mut view, Command::CloseCase);
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().undo.close_already)
    );

    // The minutes and the pupil's extract (the dossier on paper) say it, with the reason.
    let cx = Context {
        model: &model.phases,
        lang: model.lang,
        school: "De Otter",
        today: today(),
    };
    let minutes = crate::export::minutes(
        &draft_minutes(&store, &model),
        Status::Draft,
        &cx,
        Format::Markdown,
    );
    assert!(minutes.contains("Verhuisd naar Zwolle"), "{minutes}");
    assert!(minutes.contains("Signaal → Afgesloten"), "{minutes}");
    let dossier = crate::query::dossier::load(&store, before.pupil)
        .unwrap()
        .unwrap();
    let extract = crate::export::extract(&dossier, &cx, Format::Markdown);
    assert!(extract.contains("Verhuisd naar Zwolle"), "{extract}");

    // And `u` opens it again as it was.
    act(&store, &mut model, &mut view, Command::Undo);
    assert_eq!(store.case(before.id).unwrap().unwrap(), before);
}
