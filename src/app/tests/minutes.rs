//! The minutes tell what happened: whole-app tests of what a meeting fixes, driven by messages
//! as the chair's keys would drive it, read back from a reopened store.

use chrono::Days;

use crate::app::{Command, Model, OverlayKind, View};
use crate::domain::meeting::AgendaKind;
use crate::domain::{CaseId, MeetingId};
use crate::export::{Context, Format};
use crate::i18n::Lang;
use crate::query::prepare::proposals;
use crate::store::Store;
use crate::testkit::app::{act, answer, meeting_opened, on_earlier_actions, school};
use crate::testkit::today;

/// Moves with `n` to the item of `case`.
fn go_to_case(store: &Store, model: &mut Model, view: &mut View, case: CaseId) {
    for _ in 0..40 {
        let room = model.meeting.as_ref().unwrap();
        if room.meeting.agenda[room.meeting.current_item].kind == (AgendaKind::Case { case }) {
            return;
        }
        act(store, model, view, Command::NextItem);
    }
    panic!("case {case} is not on the agenda");
}

/// The first case on the next meeting's agenda.
fn first_planned_case(store: &Store) -> crate::domain::Case {
    let planned = crate::testkit::store::next_meeting(store);
    let first = planned.cases().next().unwrap();
    store.case(first).unwrap().unwrap()
}

fn markdown(store: &Store, meeting: MeetingId, lang: Lang) -> String {
    let minutes = store.minutes(meeting).unwrap().unwrap();
    let model = crate::domain::PhaseModel::default();
    let cx = Context {
        model: &model,
        lang,
        school: "OBS De Vlonder",
        today: today(),
    };
    crate::export::minutes(
        &minutes,
        crate::export::minutes::Status::Fixed,
        &cx,
        Format::Markdown,
    )
}

/// The text under the minutes' heading of `case` (the case items' headings are numbered, so
/// the body runs to the next heading).
fn body_of(markdown: &str, item: usize) -> String {
    let start = markdown
        .find(&format!("## {}. ", item + 1))
        .expect("the item's heading");
    let rest = &markdown[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |at| at + 3);
    rest[..end].to_string()
}

#[test]
fn a_case_passed_with_n_is_not_discussed_and_comes_back_on_the_next_agenda() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    // Two cases of the next meeting beyond the signal phase, whose evaluation is not due by
    // the meeting after: only being passed by can bring them back.
    let planned = crate::testkit::store::next_meeting(&store);
    // "+6w" at closing counts from the meeting's own date.
    let next = planned.date + Days::new(42);
    let mut later = Vec::new();
    for case in planned.cases() {
        let mut case = store.case(case).unwrap().unwrap();
        if case.phase != "signaal" && later.len() < 2 {
            case.evaluation_date = Some(next + Days::new(30));
            store.save(&case).unwrap();
            later.push(case.id);
        }
    }
    let [passed, changed] = later[..] else {
        panic!("the demo's next meeting has two cases past the signal");
    };

    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let id = model.meeting.as_ref().unwrap().meeting.id;
    go_to_case(&store, &mut model, &mut view, passed);
    let passed_item = model.meeting.as_ref().unwrap().meeting.current_item;
    act(&store, &mut model, &mut view, Command::NextItem);
    // Only a field answered with `f` for the other: a change, so it was discussed.
    go_to_case(&store, &mut model, &mut view, changed);
    let changed_item = model.meeting.as_ref().unwrap().meeting.current_item;
    model
        .meeting
        .as_mut()
        .unwrap()
        .current_case_mut()
        .unwrap()
        .missing = vec![crate::domain::Requirement::Hypotheses];
    act(&store, &mut model, &mut view, Command::RecordFields);
    answer(
        &store,
        &mut model,
        &mut view,
        "leesachterstand door verzuim",
    );
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "+6w");
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let minutes = store.minutes(id).unwrap().unwrap();
    assert!(!minutes.items[passed_item].discussed);
    assert!(minutes.items[changed_item].discussed, "a field is a change");
    let nl = markdown(&store, id, Lang::Nl);
    assert!(
        body_of(&nl, passed_item).contains("\nNiet besproken.\n"),
        "{}",
        body_of(&nl, passed_item)
    );
    assert!(!body_of(&nl, changed_item).contains("Niet besproken."));
    let en = markdown(&store, id, Lang::En);
    assert!(body_of(&en, passed_item).contains("\nNot discussed.\n"));

    // The dossier does not count it as discussed there.
    let pupil = store.case(passed).unwrap().unwrap().pupil;
    let dossier = crate::query::dossier::load(&store, pupil).unwrap().unwrap();
    let held = dossier.meetings.iter().find(|m| m.meeting == id).unwrap();
    assert_eq!(held.passed, vec![passed]);
    let headings: Vec<String> = crate::query::timeline::dossier(&dossier, Lang::Nl, &model.phases)
        .into_iter()
        .filter(|entry| entry.date == minutes.date)
        .map(|entry| entry.heading)
        .collect();
    assert!(
        headings
            .iter()
            .any(|h| h.ends_with("Op de agenda van het OT, niet besproken")),
        "{headings:?}"
    );
    assert!(!headings.iter().any(|h| h.ends_with("Besproken in het OT")));

    // The next meeting has it on its agenda, proposed for that reason.
    let planned_next = store
        .meetings_by_date()
        .unwrap()
        .into_iter()
        .find(|m| m.date == next)
        .expect("the next meeting is planned");
    assert!(planned_next.cases().any(|c| c == passed));
    assert!(!planned_next.cases().any(|c| c == changed));
    let why = proposals(&store, &model.phases, next).unwrap();
    assert!(why.contains(&(passed, crate::domain::agenda::Proposed::NotDiscussed)));
}

#[test]
fn closing_brings_the_next_agenda_up_to_date_and_keeps_the_chairs_own_changes() {
    use crate::domain::agenda::Proposed;
    use crate::domain::meeting::MeetingState;
    let (dir, store, mut model) = school();
    let mut view = View::default();
    let mut next = crate::testkit::store::next_meeting(&store);
    let next_id = next.id;
    let on_next: Vec<_> = next
        .cases()
        .map(|id| store.case(id).unwrap().unwrap())
        .collect();
    let signal = on_next.iter().find(|c| c.phase == "signaal").unwrap().id;
    let others: Vec<_> = on_next
        .iter()
        .filter(|c| c.phase != "signaal")
        .map(|c| c.id)
        .collect();
    let [removed, closing, due, ..] = others[..] else {
        panic!("the demo's next meeting has three cases past the signal");
    };
    // The next meeting was planned before the signal came and the evaluation fell due.
    next.agenda.retain(
        |item| !matches!(item.kind, AgendaKind::Case { case } if case == signal || case == due),
    );
    store.save(&next).unwrap();
    let mut evaluated = store.case(due).unwrap().unwrap();
    evaluated.evaluation_date = Some(next.date);
    store.save(&evaluated).unwrap();
    // Ready to close: what Evaluatie asks and the reason for closing are recorded.
    let mut done = store.case(closing).unwrap().unwrap();
    done.phase = "evaluatie".into();
    done.outcome = "doel bereikt".into();
    done.parents_informed = true;
    done.closing_reason = "hulp afgerond".into();
    store.save(&done).unwrap();

    // The chair's own changes while preparing: one case off, one item of their own on.
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    let preparation = model.prepare.as_ref().unwrap();
    assert_eq!(preparation.meeting.id, next_id);
    view.prepare.item = preparation
        .meeting
        .agenda
        .iter()
        .position(|item| item.kind == AgendaKind::Case { case: removed })
        .unwrap();
    act(&store, &mut model, &mut view, Command::RemoveItem);
    act(&store, &mut model, &mut view, Command::AddItem);
    answer(&store, &mut model, &mut view, "Schoolreis");
    act(&store, &mut model, &mut view, Command::Back);

    // A short meeting today, before the next one, with two of its cases.
    let id = MeetingId(store.next_id(crate::store::TreeId::Meetings).unwrap());
    let mut today_meeting = crate::query::prepare::new_meeting(
        &store,
        &model.phases,
        id,
        today(),
        next.time,
        "kamer IB",
    )
    .unwrap();
    today_meeting.agenda = crate::domain::Meeting::template_agenda(&[closing, removed]);
    store.insert(&today_meeting).unwrap();
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert_eq!(model.meeting.as_ref().unwrap().meeting.id, id);
    go_to_case(&store, &mut model, &mut view, closing);
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(
        crate::testkit::app::current(&model).case.phase,
        "afgesloten"
    );
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    // The start screen waits behind the blanked one until a key.
    act(&store, &mut model, &mut view, Command::Back);
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.meeting(id).unwrap().unwrap().state,
        MeetingState::Closed
    );
    let next = store.meeting(next_id).unwrap().unwrap();
    let cases: Vec<CaseId> = next.cases().collect();
    assert!(
        !cases.contains(&closing),
        "closed in the meeting: it leaves"
    );
    assert!(cases.contains(&signal), "the signal joins");
    assert!(cases.contains(&due), "the evaluation due joins");
    assert!(
        !cases.contains(&removed),
        "taken off by hand, though passed by today"
    );
    assert!(
        next.agenda.iter().any(|item| item.kind
            == AgendaKind::Other {
                title: "Schoolreis".into()
            }),
        "the chair's own item stays"
    );

    // The preparation says why each case is proposed.
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    let preparation = model.prepare.as_ref().unwrap();
    assert_eq!(preparation.why(removed), Some(Proposed::NotDiscussed));
    assert_eq!(preparation.why(due), Some(Proposed::Evaluation(next.date)));
    assert!(matches!(
        preparation.why(signal),
        Some(Proposed::NewSignal | Proposed::CarriedOver)
    ));
    let screen = crate::ui::tests::screen_of(&model, &view, 160, 40, crate::ui::theme::DEFAULT);
    assert!(
        screen.contains(&format!("evaluatie {}", next.date.format("%d-%m"))),
        "{screen}"
    );
    assert!(screen.contains("vorige keer niet besproken"), "{screen}");
}

#[test]
fn an_earlier_actions_new_owner_or_due_date_is_in_the_minutes() {
    let (dir, store, mut model, mut view) = on_earlier_actions();
    let room = model.meeting.as_ref().unwrap();
    let id = room.meeting.id;
    let (first, first_row) = room.earlier_actions[0].clone();
    let (second, _) = room.earlier_actions[1].clone();
    let (third, third_row) = room.earlier_actions[2].clone();
    let other = room
        .members
        .iter()
        .find(|m| m.name != first_row.owner && m.name != third_row.owner)
        .unwrap()
        .name
        .clone();

    act(&store, &mut model, &mut view, Command::ChangeOwner);
    answer(&store, &mut model, &mut view, &other);
    act(&store, &mut model, &mut view, Command::Down);
    act(&store, &mut model, &mut view, Command::ChangeDue);
    answer(&store, &mut model, &mut view, "+3w");
    act(&store, &mut model, &mut view, Command::ChangeDue);
    answer(&store, &mut model, &mut view, "+4w");
    // Given to someone else and back: no change.
    act(&store, &mut model, &mut view, Command::Down);
    act(&store, &mut model, &mut view, Command::ChangeOwner);
    answer(&store, &mut model, &mut view, &other);
    act(&store, &mut model, &mut view, Command::ChangeOwner);
    answer(&store, &mut model, &mut view, &third_row.owner);
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let minutes = store.minutes(id).unwrap().unwrap();
    let item = minutes
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Actions)
        .unwrap();
    let review = |action: crate::domain::ActionId| {
        item.reviewed
            .iter()
            .find(|r| r.action.id == action)
            .cloned()
    };
    let owner = review(first.id).expect("the new owner is in the minutes");
    assert!(owner.open);
    assert_eq!(owner.action.owner, other);
    assert_eq!(owner.owner_was.as_deref(), Some(first_row.owner.as_str()));
    assert_eq!(owner.due_was, None);
    let due = review(second.id).expect("the new due date is in the minutes");
    assert_eq!(due.action.due, today() + Days::new(28));
    assert_eq!(due.due_was, Some(second.due), "the date before the meeting");
    assert_eq!(review(third.id), None, "changed back is no change");

    let nl = markdown(&store, id, Lang::Nl);
    assert!(nl.contains("**Gewijzigd in deze vergadering**"), "{nl}");
    assert!(
        nl.contains(&format!("nieuwe eigenaar (was {})", first_row.owner)),
        "{nl}"
    );
    let day = |d| crate::domain::dates::format_day(d, Lang::Nl);
    assert!(
        nl.contains(&format!(
            "einddatum {} (was {})",
            day(today() + Days::new(28)),
            day(second.due)
        )),
        "{nl}"
    );
    let en = markdown(&store, id, Lang::En);
    assert!(en.contains("Changed in this meeting"), "{en}");
}

#[test]
fn a_help_start_after_the_day_reads_as_planned_in_minutes_dossier_and_extract() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    let planned = crate::testkit::store::next_meeting(&store);
    let mut case = first_planned_case(&store);
    case.phase = "uitvoering".into();
    case.help_start = None;
    case.waiting_since = None;
    store.save(&case).unwrap();
    // After the meeting's day, whenever it is held.
    let start = planned.date.max(today()) + Days::new(14);

    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let id = model.meeting.as_ref().unwrap().meeting.id;
    go_to_case(&store, &mut model, &mut view, case.id);
    act(&store, &mut model, &mut view, Command::RecordFields);
    answer(
        &store,
        &mut model,
        &mut view,
        &crate::domain::dates::format_date(start),
    );
    assert_eq!(
        crate::testkit::app::current(&model).case.help_start,
        Some(start)
    );
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    // The start screen waits behind the blanked one until a key.
    act(&store, &mut model, &mut view, Command::Back);
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let day = crate::domain::dates::format_day(start, Lang::Nl);
    let nl = markdown(&store, id, Lang::Nl);
    assert!(nl.contains(&format!("start gepland op {day}")), "{nl}");
    assert!(!nl.contains("gestart op"), "{nl}");
    let en = markdown(&store, id, Lang::En);
    assert!(en.contains("start planned for"), "{en}");

    // The dossier on screen, before the day and after it.
    for effect in crate::app::open_dossier(case.pupil) {
        crate::app::apply(&store, &mut model, &mut view, vec![effect], today()).unwrap();
    }
    let dossier = model.dossier.as_deref().unwrap().dossier().clone();
    view.dossier.case = dossier
        .cases
        .iter()
        .position(|c| c.case.id == case.id)
        .unwrap();
    view.dossier.case_open = true;
    let screen = |model: &Model, view: &View| {
        crate::ui::tests::screen_of(model, view, 200, 50, crate::ui::theme::DEFAULT)
    };
    assert!(screen(&model, &view).contains(&format!("start gepland op {day}")));
    model.today = start + Days::new(1);
    assert!(screen(&model, &view).contains(&format!("gestart op {day}")));

    // The extract, made before the day and after it.
    let extract = |made: chrono::NaiveDate| {
        let cx = Context {
            model: &model.phases,
            lang: Lang::Nl,
            school: "OBS De Vlonder",
            today: made,
        };
        crate::export::extract(&dossier, &cx, Format::Markdown)
    };
    assert!(extract(today()).contains(&format!("start gepland op {day}")));
    assert!(extract(start).contains(&format!("gestart op {day}")));
}

#[test]
fn a_note_carries_its_phase_into_the_minutes_and_the_extract() {
    use crate::app::Message;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (dir, store, mut model) = school();
    let mut view = View::default();
    let mut case = first_planned_case(&store);
    case.phase = "uitvoering".into();
    store.save(&case).unwrap();

    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let id = model.meeting.as_ref().unwrap().meeting.id;
    go_to_case(&store, &mut model, &mut view, case.id);
    let item = model.meeting.as_ref().unwrap().meeting.current_item;
    act(&store, &mut model, &mut view, Command::EditNotes);
    let note = "Hulp loopt, de juf ziet vooruitgang.";
    crate::testkit::app::send(&store, &mut model, &mut view, Message::Paste(note.into()));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    crate::testkit::app::send(&store, &mut model, &mut view, Message::EditorKey(esc));
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let minutes = store.minutes(id).unwrap().unwrap();
    assert_eq!(
        minutes.items[item].notes_with_phases().collect::<Vec<_>>(),
        [(note, Some("uitvoering"))]
    );
    let nl = body_of(&markdown(&store, id, Lang::Nl), item);
    assert!(
        nl.contains(&format!("**Aantekening in fase Uitvoering**\n\n{note}")),
        "{nl}"
    );
    let en = body_of(&markdown(&store, id, Lang::En), item);
    assert!(en.contains("**Note in phase "), "{en}");

    let dossier = crate::query::dossier::load(&store, case.pupil)
        .unwrap()
        .unwrap();
    let cx = Context {
        model: &model.phases,
        lang: Lang::Nl,
        school: "OBS De Vlonder",
        today: today(),
    };
    let extract = crate::export::extract(&dossier, &cx, Format::Markdown);
    assert!(
        extract.contains(&format!(" · Uitvoering  \n{note}")),
        "{extract}"
    );
}

/// A case in Analyse whose research decision was recorded at an earlier meeting: this meeting
/// records its hypotheses with `f`. The minutes said "Vastgelegd" over both, as if this
/// meeting had decided on research; the earlier one now stands under "Eerder vastgelegd".
#[test]
fn the_minutes_tell_what_this_meeting_recorded_from_what_was_recorded_before() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    let mut case = first_planned_case(&store);
    case.phase = "analyse".into();
    case.hypotheses = String::new();
    case.research_decision = "Geen onderzoek: eerst observeren".into();
    store.save(&case).unwrap();

    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let id = model.meeting.as_ref().unwrap().meeting.id;
    go_to_case(&store, &mut model, &mut view, case.id);
    let item = model.meeting.as_ref().unwrap().meeting.current_item;
    act(&store, &mut model, &mut view, Command::RecordFields);
    answer(
        &store,
        &mut model,
        &mut view,
        "Leesachterstand door verzuim",
    );
    view.overlays.close(OverlayKind::Prompt);
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let nl = body_of(&markdown(&store, id, Lang::Nl), item);
    let now = nl.find("**Vastgelegd**").expect(&nl);
    let before = nl.find("**Eerder vastgelegd**").expect(&nl);
    let hypotheses = nl.find("Leesachterstand door verzuim").expect(&nl);
    let research = nl.find("Geen onderzoek: eerst observeren").expect(&nl);
    assert!(now < hypotheses && hypotheses < before, "{nl}");
    assert!(before < research, "{nl}");
    let en = body_of(&markdown(&store, id, Lang::En), item);
    assert!(en.contains("**Recorded before**"), "{en}");
}

#[test]
fn the_extract_shows_only_what_the_phases_the_case_passed_asked() {
    use crate::domain::{Case, Requirement};
    let (_data, store, mut model) = school();
    let out = tempfile::tempdir().unwrap();
    model.export_dir = out.path().to_path_buf();
    let t = Lang::Nl.texts();
    let cases: Vec<Case> = store.all::<Case>().map(Result::unwrap).collect();
    let moved = |case: &Case| {
        store
            .events_of_case(case.id)
            .unwrap()
            .iter()
            .any(|e| matches!(e.kind, crate::domain::EventKind::Phase { .. }))
    };
    // A signal that never left its phase, alone in its dossier, and a case in Evaluatie with
    // its goals recorded.
    let signal = cases
        .iter()
        .find(|c| {
            c.phase == "signaal" && !moved(c) && store.cases_of_pupil(c.pupil).unwrap().len() == 1
        })
        .expect("the demo has a fresh signal");
    let evaluated = cases
        .iter()
        .find(|c| c.phase == "evaluatie" && !c.goals.is_empty())
        .expect("the demo has a case in Evaluatie");
    let mut view = View::default();
    for case in [signal, evaluated] {
        for file in std::fs::read_dir(out.path()).unwrap() {
            std::fs::remove_file(file.unwrap().path()).unwrap();
        }
        crate::app::apply(
            &store,
            &mut model,
            &mut view,
            crate::app::open_dossier(case.pupil),
            today(),
        )
        .unwrap();
        view.dossier.case = model
            .dossier
            .as_deref()
            .unwrap()
            .dossier()
            .cases
            .iter()
            .position(|c| c.case.id == case.id)
            .unwrap();
        act(&store, &mut model, &mut view, Command::ExportExtract);
        let file = std::fs::read_dir(out.path())
            .unwrap()
            .next()
            .expect("the extract is written")
            .unwrap()
            .path();
        let html = std::fs::read_to_string(file).unwrap();
        let feedback = format!("{}:", t.recorded_label(Requirement::ParentsInformed));
        let goals = format!("{}:", t.recorded_label(Requirement::Goal));
        if case.id == signal.id {
            assert!(!html.contains(&feedback), "not asked of a signal: {html}");
            assert!(!html.contains(&goals), "{html}");
        } else {
            assert!(
                html.contains(&goals),
                "asked in Plan, which it passed: {html}"
            );
        }
        act(&store, &mut model, &mut view, Command::Back);
    }
}

#[test]
fn a_meeting_opened_on_another_day_asks_its_date_and_its_changes_carry_it() {
    use crate::app::meeting::held;
    use crate::app::overlay::prompt::Ask;
    for held_on_planned in [false, true] {
        let (dir, store, mut model, mut view) = meeting_opened();
        let room = model.meeting.as_ref().unwrap();
        let (id, planned) = (room.meeting.id, room.meeting.date);
        assert_ne!(planned, today(), "the demo plans its next OT later");
        let prompt = view
            .overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .expect("the date is asked");
        assert_eq!(prompt.ask, Ask::Held(held::Ask::HeldOn { planned }));
        let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, crate::ui::theme::DEFAULT);
        assert!(
            screen.contains("Deze OT stond gepland op di 15-12-2026."),
            "{screen}"
        );
        let held = if held_on_planned {
            answer(
                &store,
                &mut model,
                &mut view,
                &crate::domain::dates::format_date(planned),
            );
            planned
        } else {
            // Enter: the answer typed already, today.
            answer(&store, &mut model, &mut view, "");
            today()
        };
        assert!(
            !view.overlays.is_open(OverlayKind::Prompt),
            "{:?}",
            view.flash
        );
        assert_eq!(model.meeting.as_ref().unwrap().meeting.date, held);

        // A level changed in the meeting carries the meeting's date, whatever the clock says.
        let case = model
            .meeting
            .as_ref()
            .unwrap()
            .meeting
            .cases()
            .next()
            .unwrap();
        go_to_case(&store, &mut model, &mut view, case);
        act(&store, &mut model, &mut view, Command::LevelUp);
        answer(&store, &mut model, &mut view, "meer ondersteuning nodig");
        act(&store, &mut model, &mut view, Command::CloseMeeting);
        answer(&store, &mut model, &mut view, "");
        drop(store);

        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.meeting(id).unwrap().unwrap().date, held);
        assert_eq!(store.minutes(id).unwrap().unwrap().date, held);
        let last = store.events_of_case(case).unwrap().pop().unwrap();
        assert_eq!(last.meeting, Some(id));
        assert_eq!(
            last.date, held,
            "held on the planned day: {held_on_planned}"
        );
    }
}

/// PgDn on the previous minutes moves by the rows the window has for the item, known from the
/// window's size alone: after the window shrinks, the first PgDn moves a page of the new size,
/// before any frame is drawn at it (it moved by what the last, taller frame showed).
#[test]
fn pgdn_pages_by_the_window_s_rows_before_a_frame_is_drawn_at_its_size() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    super::open_meeting_today(&store, &mut model, &mut view);
    while !crate::app::meeting::attendance::on_item(&model, &AgendaKind::PreviousMinutes) {
        act(&store, &mut model, &mut view, Command::NextItem);
    }
    crate::ui::tests::frame(&model, &mut view, 100, 60, "donker");
    let max = view.fit.drawn.scroll_max;
    assert!(max > 40, "the minutes are longer than two pages: {max}");
    // 24 rows: the item has 20 of them, and a page keeps one in view.
    view.fit(100, 24);
    act(&store, &mut model, &mut view, Command::PageDown);
    assert_eq!(view.item_scroll, 19);
    act(&store, &mut model, &mut view, Command::PageDown);
    assert_eq!(view.item_scroll, 38);
    act(&store, &mut model, &mut view, Command::PageUp);
    assert_eq!(view.item_scroll, 19);
}
