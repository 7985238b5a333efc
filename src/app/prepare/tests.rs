use chrono::{NaiveDate, NaiveTime};
use tempfile::TempDir;

use crate::app::{Command, Model, OverlayKind, Screen, View};
use crate::domain::meeting::{AgendaKind, Attendee};
use crate::domain::{Meeting, MeetingState, Presence, Role};
use crate::query::prepare::proposals;
use crate::store::Store;
use crate::testkit::app::{act, answer, model, school};
use crate::testkit::today;

/// The demo school on the preparation of its next planned meeting.
fn preparing() -> (TempDir, Store, Model, View) {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    assert_eq!(model.screen, Screen::Prepare);
    (dir, store, model, view)
}

fn prepared(model: &Model) -> &Meeting {
    &model.prepare.as_ref().unwrap().meeting
}

fn stored(store: &Store, model: &Model) -> Meeting {
    store.meeting(prepared(model).id).unwrap().unwrap()
}

fn flash(view: &View) -> &str {
    view.flash.as_deref().unwrap_or_default()
}

#[test]
fn without_a_planned_meeting_one_is_planned_in_three_questions() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut model = model(0);
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    assert_eq!(model.screen, Screen::Prepare);
    assert!(model.prepare.is_none());
    assert!(
        view.overlays.is_open(OverlayKind::Prompt),
        "the date is asked at once"
    );

    answer(&store, &mut model, &mut view, "31-02");
    assert!(flash(&view).contains("31-02"), "{}", flash(&view));
    answer(&store, &mut model, &mut view, "1-1-2020");
    assert_eq!(flash(&view), model.lang.texts().flash_past_date);
    answer(&store, &mut model, &mut view, "12-12");
    answer(&store, &mut model, &mut view, "half negen");
    assert!(flash(&view).contains("half negen"));
    answer(&store, &mut model, &mut view, "9.15");
    answer(&store, &mut model, &mut view, "teamkamer");
    assert!(!view.overlays.is_open(OverlayKind::Prompt));

    let meeting = stored(&store, &model);
    assert_eq!(meeting.date, NaiveDate::from_ymd_opt(2026, 12, 12).unwrap());
    assert_eq!(meeting.time, NaiveTime::from_hms_opt(9, 15, 0).unwrap());
    assert_eq!(meeting.place, "teamkamer");
    assert_eq!(meeting.state, MeetingState::Planned);
    assert_eq!(meeting.agenda, Meeting::template_agenda(&[]));
}

#[test]
fn a_new_meeting_proposes_due_evaluations_and_new_signals_and_keeps_the_last_place() {
    let (_dir, store, mut model, mut view) = preparing();
    let last_place = store.meetings_by_date().unwrap().pop().unwrap().place;
    let planned_before = prepared(&model).id;
    act(&store, &mut model, &mut view, Command::PlanMeeting);
    answer(&store, &mut model, &mut view, "+8w");
    answer(&store, &mut model, &mut view, "");
    answer(&store, &mut model, &mut view, "");
    let meeting = stored(&store, &model);
    assert_ne!(meeting.id, planned_before, "a meeting of its own");
    assert_eq!(meeting.time, NaiveTime::from_hms_opt(8, 30, 0).unwrap());
    assert_eq!(meeting.place, last_place);
    let expected = proposals(&store, &model.phases, meeting.date).unwrap();
    assert!(!expected.is_empty());
    let expected = crate::query::prepare::cases_of(&expected);
    assert_eq!(meeting.agenda, Meeting::template_agenda(&expected));
    assert_eq!(model.prepare.as_ref().unwrap().missing().count(), 0);
}

#[test]
fn moving_timing_and_removing_items_is_saved_at_once() {
    let (_dir, store, mut model, mut view) = preparing();
    let before = prepared(&model).agenda.clone();
    act(&store, &mut model, &mut view, Command::RemoveItem);
    assert_eq!(flash(&view), model.lang.texts().flash_fixed_item);
    act(&store, &mut model, &mut view, Command::MoveItemDown);
    assert_eq!(
        stored(&store, &model).agenda,
        before,
        "the opening stays first"
    );

    for _ in 0..3 {
        act(&store, &mut model, &mut view, Command::Down);
    }
    act(&store, &mut model, &mut view, Command::MoveItemUp);
    act(&store, &mut model, &mut view, Command::LongerItem);
    act(&store, &mut model, &mut view, Command::LongerItem);
    let agenda = stored(&store, &model).agenda;
    assert_eq!(agenda[2].kind, before[3].kind, "the first case moved up");
    assert_eq!(agenda[3].kind, before[2].kind);
    assert_eq!(agenda[2].timebox_minutes, before[3].timebox_minutes + 10);

    act(&store, &mut model, &mut view, Command::RemoveItem);
    let agenda = stored(&store, &model).agenda;
    assert_eq!(agenda.len(), before.len() - 1);
    assert!(!agenda.iter().any(|i| i.kind == before[3].kind));
    assert_eq!(view.prepare.item, 2, "the next item is chosen");
    act(&store, &mut model, &mut view, Command::ShorterItem);
    assert_eq!(stored(&store, &model).agenda[2].timebox_minutes, 5);
}

#[test]
fn proposals_come_back_once_and_an_item_of_ones_own_is_added() {
    let (_dir, store, mut model, mut view) = preparing();
    let first_case = prepared(&model)
        .agenda
        .iter()
        .position(|i| matches!(i.kind, AgendaKind::Case { .. }))
        .unwrap();
    let removed = prepared(&model).agenda[first_case].kind.clone();
    view.prepare.item = first_case;
    act(&store, &mut model, &mut view, Command::RemoveItem);
    let preparation = model.prepare.as_ref().unwrap();
    let missing: Vec<_> = preparation.missing().collect();
    assert!(!missing.is_empty());

    act(&store, &mut model, &mut view, Command::AddProposals);
    let meeting = stored(&store, &model);
    assert!(meeting.agenda.iter().any(|i| i.kind == removed));
    let cases: Vec<_> = meeting.cases().collect();
    let unique: std::collections::HashSet<_> = cases.iter().collect();
    assert_eq!(unique.len(), cases.len(), "no case twice");
    act(&store, &mut model, &mut view, Command::AddProposals);
    assert_eq!(flash(&view), model.lang.texts().flash_no_proposals);
    assert_eq!(stored(&store, &model).agenda, meeting.agenda);

    view.prepare.item = meeting.agenda.len() - 1;
    act(&store, &mut model, &mut view, Command::AddItem);
    answer(&store, &mut model, &mut view, "");
    answer(&store, &mut model, &mut view, "Schoolbrede aanpak pesten");
    let agenda = stored(&store, &model).agenda;
    let at = agenda.len() - 2;
    assert_eq!(
        agenda[at].kind,
        AgendaKind::Other {
            title: "Schoolbrede aanpak pesten".into()
        },
        "before the closing"
    );
    assert_eq!(view.prepare.item, at);
}

#[test]
fn a_guest_and_the_invitations_reach_the_roll_call() {
    let (_dir, store, mut model, mut view) = preparing();
    act(&store, &mut model, &mut view, Command::AddGuest);
    answer(&store, &mut model, &mut view, "Fatma Yılmaz");
    answer(&store, &mut model, &mut view, " ");
    assert_eq!(flash(&view), model.lang.texts().flash_answer_needed);
    answer(&store, &mut model, &mut view, "moeder");
    let guest = Attendee::Guest {
        name: "Fatma Yılmaz".into(),
        role: Role::Ouder,
        title: String::new(),
    };
    assert!(
        stored(&store, &model)
            .attendance
            .iter()
            .any(|a| a.who == guest)
    );
    assert!(view.prepare.on_team, "the guest is chosen");

    // The second member: invited → excused → not invited.
    view.prepare.person = 1;
    let second = Attendee::Member(model.prepare.as_ref().unwrap().members[1].id);
    act(&store, &mut model, &mut view, Command::ToggleInvited);
    let excused = stored(&store, &model);
    let row = excused.attendance.iter().find(|a| a.who == second).unwrap();
    assert_eq!(row.presence, Presence::AbsentWithNotice);
    view.prepare.person = 2;
    act(&store, &mut model, &mut view, Command::ToggleInvited);
    act(&store, &mut model, &mut view, Command::ToggleInvited);
    let third = Attendee::Member(model.prepare.as_ref().unwrap().members[2].id);

    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert_eq!(model.screen, Screen::Meeting);
    let meeting = &model.meeting.as_ref().unwrap().meeting;
    assert_eq!(meeting.state, MeetingState::Open);
    let roll: Vec<_> = meeting.attendance.iter().map(|a| &a.who).collect();
    assert!(roll.contains(&&guest), "the guest is on the roll call");
    assert!(roll.contains(&&second), "an excused member too");
    assert!(!roll.contains(&&third), "one not invited is not");
    assert_eq!(
        meeting.presence_of(match second {
            Attendee::Member(id) => id,
            Attendee::Guest { .. } => unreachable!(),
        }),
        Presence::AbsentWithNotice
    );
}

#[test]
fn the_last_invited_member_stays() {
    let (_dir, store, mut model, mut view) = preparing();
    view.prepare.on_team = true;
    let members = model.prepare.as_ref().unwrap().members.len();
    for person in 0..members {
        view.prepare.person = person;
        for _ in 0..2 {
            act(&store, &mut model, &mut view, Command::ToggleInvited);
        }
    }
    assert_eq!(flash(&view), model.lang.texts().flash_last_invited);
    let left = stored(&store, &model)
        .attendance
        .iter()
        .filter(|a| matches!(a.who, Attendee::Member(_)))
        .count();
    assert_eq!(left, 1);
}

#[test]
fn the_screen_opens_on_the_next_planned_meeting_and_esc_goes_back() {
    let (_dir, store, mut model, mut view) = preparing();
    let next = crate::query::meeting::current_or_next(&store, today()).unwrap();
    assert_eq!(Some(prepared(&model).id), next);
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
}

#[test]
fn the_date_time_and_place_of_a_planned_meeting_change_from_what_they_were() {
    let (_dir, store, mut model, mut view) = preparing();
    let before = stored(&store, &model);
    act(&store, &mut model, &mut view, Command::Reschedule);
    let prompt = view
        .overlays
        .get::<crate::app::overlay::prompt::Prompt>()
        .unwrap();
    assert_eq!(
        prompt.text(),
        before.date.format("%d-%m-%Y").to_string(),
        "starts from the date"
    );
    answer(&store, &mut model, &mut view, "22-12-2026");
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        before.time.format("%H:%M").to_string()
    );
    answer(&store, &mut model, &mut view, "9:00");
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        before.place
    );
    answer(&store, &mut model, &mut view, "aula");
    let after = stored(&store, &model);
    assert_eq!(after.id, before.id, "the same meeting, not a new one");
    assert_eq!(after.date, NaiveDate::from_ymd_opt(2026, 12, 22).unwrap());
    assert_eq!(after.time, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    assert_eq!(after.place, "aula");
    assert_eq!(after.agenda, before.agenda);
    let planned = store
        .meetings_by_date()
        .unwrap()
        .into_iter()
        .filter(|m| m.state == MeetingState::Planned)
        .count();
    assert_eq!(planned, 1);
}

#[test]
fn a_date_or_time_that_is_refused_is_asked_again_with_what_was_typed() {
    let (_dir, store, mut model, mut view) = preparing();
    act(&store, &mut model, &mut view, Command::PlanMeeting);
    let typed = |view: &View| {
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .expect("asked again")
            .text()
    };
    answer(&store, &mut model, &mut view, "31-02");
    assert_eq!(typed(&view), "31-02");
    answer(&store, &mut model, &mut view, "1-1-2020");
    assert_eq!(typed(&view), "1-1-2020");
    assert_eq!(flash(&view), model.lang.texts().flash_past_date);
    answer(&store, &mut model, &mut view, "12-12");
    answer(&store, &mut model, &mut view, "half negen");
    assert_eq!(typed(&view), "half negen");
}

/// An OT planned at closing (`S`, "+6w") has no list of its own until the chair changes it:
/// the mailed agenda invites whom the preparation shows, the whole active team (an IB walk
/// found no "Uitgenodigd" line while `P` showed all seven).
#[test]
fn the_agenda_of_an_ot_planned_at_closing_invites_whom_the_preparation_shows() {
    use crate::app::prepare::team::{Invite, rows};
    let (dir, store, mut model) = school();
    let mut view = View::default();
    crate::testkit::app::open_meeting_today(&store, &mut model, &mut view);
    let held = model.meeting.as_ref().unwrap().meeting.date;
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "+6w");
    act(&store, &mut model, &mut view, Command::Back);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    let preparation = model.prepare.as_ref().unwrap();
    assert_eq!(preparation.meeting.date, held + chrono::Days::new(42));
    let id = preparation.meeting.id;
    assert!(
        store.meeting(id).unwrap().unwrap().attendance.is_empty(),
        "planned at closing without a list"
    );
    let invited: Vec<String> = rows(preparation)
        .into_iter()
        .filter(|row| row.invite == Invite::Invited)
        .filter_map(|row| match row.who {
            Attendee::Member(member) => preparation.members.iter().find(|m| m.id == member),
            Attendee::Guest { .. } => None,
        })
        .map(|member| member.name.clone())
        .collect();
    let active = store
        .all::<crate::domain::Member>()
        .filter(|m| m.as_ref().unwrap().active)
        .count();
    assert_eq!(
        invited.len(),
        active,
        "the preparation invites the active team"
    );

    let loaded = crate::query::prepare::load(&store, &model.phases, id).unwrap();
    let cx = crate::export::Context {
        model: &model.phases,
        lang: crate::i18n::Lang::Nl,
        school: "",
        today: today(),
    };
    let text = crate::export::agenda(&loaded, &cx, crate::export::Format::Markdown);
    let line = text
        .lines()
        .find(|line| line.contains("**Uitgenodigd:**"))
        .unwrap_or_else(|| panic!("no one invited:\n{text}"));
    for name in &invited {
        assert!(line.contains(name.as_str()), "{name}: {line}");
    }
}
