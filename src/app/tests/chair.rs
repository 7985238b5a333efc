//! What the chair needs on screen: the roll call in one key, a guest's own role.

use crate::app::meeting::attendance;
use crate::app::*;
use crate::domain::Role;
use crate::domain::meeting::{AgendaKind, Attendee, Presence};
use crate::store::Store;
use crate::testkit::app::{act, answer, school};

fn presences(store: &Store, model: &Model) -> Vec<Presence> {
    let id = model.meeting.as_ref().unwrap().meeting.id;
    let stored = store.meeting(id).unwrap().unwrap();
    stored.attendance.iter().map(|a| a.presence).collect()
}

/// `A` at the roll call: everyone not yet recorded is present; an answer given before (a
/// notice of absence) stays, and the store has it after reopening.
#[test]
fn a_at_the_roll_call_records_everyone_not_yet_recorded_as_present() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    super::open_meeting_today(&store, &mut model, &mut view);
    assert!(attendance::on_item(&model, &AgendaKind::Opening));
    let rows = presences(&store, &model).len();
    assert!(rows > 2, "the demo's team");
    // The second row: present, then absent with notice.
    act(&store, &mut model, &mut view, Command::Down);
    act(&store, &mut model, &mut view, Command::TogglePresence);
    act(&store, &mut model, &mut view, Command::TogglePresence);
    let before = presences(&store, &model);
    assert_eq!(before[1], Presence::AbsentWithNotice);
    let unrecorded = before
        .iter()
        .filter(|p| **p == Presence::NotRecorded)
        .count();
    assert!(unrecorded > 0);

    act(&store, &mut model, &mut view, Command::AllPresent);
    assert_eq!(
        view.flash.as_deref(),
        Some((model.lang.texts().flash_all_present)(unrecorded).as_str())
    );
    let id = model.meeting.as_ref().unwrap().meeting.id;
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let after: Vec<Presence> = store
        .meeting(id)
        .unwrap()
        .unwrap()
        .attendance
        .iter()
        .map(|a| a.presence)
        .collect();
    let expected: Vec<Presence> = before
        .iter()
        .map(|p| match p {
            Presence::NotRecorded => Presence::Present,
            other => *other,
        })
        .collect();
    assert_eq!(after, expected);

    // Again: nothing left to record, nothing written.
    assert!(update(&mut model, &mut view, Command::AllPresent).is_empty());
    assert_eq!(
        view.flash.as_deref(),
        Some((model.lang.texts().flash_all_present)(0).as_str())
    );
}

#[test]
fn a_does_nothing_on_another_item_than_the_roll_call() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    super::open_meeting_today(&store, &mut model, &mut view);
    act(&store, &mut model, &mut view, Command::NextItem);
    let before = presences(&store, &model);
    assert!(update(&mut model, &mut view, Command::AllPresent).is_empty());
    assert_eq!(presences(&store, &model), before);
}

/// The key is in the key bar at the roll call, in `?` and in the palette, in both languages.
#[test]
fn a_is_in_the_key_bar_the_help_and_the_palette() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    super::open_meeting_today(&store, &mut model, &mut view);
    for (lang, bar, described) in [
        (
            crate::i18n::Lang::Nl,
            "A alle aanwezig",
            "alle nog niet genoteerden aanwezig",
        ),
        (
            crate::i18n::Lang::En,
            "A all present",
            "everyone not yet recorded present",
        ),
    ] {
        model.lang = lang;
        let screen = crate::ui::tests::screen_of(&model, &view, 100, 30, "donker");
        assert!(screen.lines().last().unwrap().contains(bar), "{screen}");
        act(&store, &mut model, &mut view, Command::Help);
        let help = crate::ui::tests::screen_of(&model, &view, 160, 48, "donker");
        let line = help.lines().find(|l| l.contains(described)).unwrap();
        assert!(line.contains(" A "), "{line}");
        update(&mut model, &mut view, Message::OtherKey);
        act(&store, &mut model, &mut view, Command::Palette);
        for c in described.split(' ').next().unwrap().chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            update(&mut model, &mut view, Message::PaletteKey(key));
        }
        let palette = crate::ui::tests::screen_of(&model, &view, 160, 48, "donker");
        assert!(palette.to_lowercase().contains(described), "{palette}");
        update(&mut model, &mut view, Message::OtherKey);
        view.overlays.close(crate::app::OverlayKind::Palette);
    }
}

/// A guest whose role the catalog lacks keeps it in the chair's words in the store; the roll
/// call is on the wall, so it shows the catalog's role under it, without the name.
#[test]
fn a_guest_s_free_role_reaches_the_roll_call() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    act(&store, &mut model, &mut view, Command::AddGuest);
    answer(&store, &mut model, &mut view, "Anna de Wit");
    answer(&store, &mut model, &mut view, "leerkracht groep 5");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    act(&store, &mut model, &mut view, Command::Back);
    super::open_meeting_today(&store, &mut model, &mut view);
    let room = model.meeting.as_ref().unwrap();
    let guest = room
        .meeting
        .attendance
        .iter()
        .find_map(|a| match &a.who {
            Attendee::Guest { name, role, title } if name == "Anna de Wit" => {
                Some((*role, title.clone()))
            }
            _ => None,
        })
        .expect("the guest is on the roll call");
    assert_eq!(guest, (Role::Leerkracht, "leerkracht groep 5".to_string()));
    let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, "donker");
    assert!(
        screen.contains(" ? gast (leerkracht): nog niet genoteerd"),
        "{screen}"
    );
    assert!(!screen.contains("groep 5") && !screen.contains("Anna de Wit"));
}

/// The preparation measures the agenda by the school's planned length (90 minutes until set,
/// kept in the store) and says from which item it runs over; shortening the agenda moves it.
#[test]
fn preparing_shows_the_agenda_against_the_planned_length_and_where_it_overruns() {
    let (dir, store, mut model) = school();
    assert_eq!(
        store.meeting_length().unwrap(),
        crate::domain::agenda::DEFAULT_MEETING_MINUTES
    );
    assert_eq!(crate::domain::agenda::DEFAULT_MEETING_MINUTES, 90);
    store.set_meeting_length(75).unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.meeting_length().unwrap(), 75, "kept after reopening");
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    let preparation = model.prepare.as_ref().unwrap();
    assert_eq!(preparation.length, 75);
    let agenda = &preparation.meeting.agenda;
    let planned = preparation.meeting.planned_minutes();
    assert!(planned > 75, "the demo's agenda is long");
    let mut end = 0;
    let from = agenda
        .iter()
        .position(|item| {
            end += u32::from(item.timebox_minutes);
            end > 75
        })
        .unwrap();
    for (lang, expected) in [
        (
            crate::i18n::Lang::Nl,
            format!(
                "{} min te lang, uitloop vanaf punt {}",
                planned - 75,
                from + 1
            ),
        ),
        (
            crate::i18n::Lang::En,
            format!(
                "{} min too long, overrun from item {}",
                planned - 75,
                from + 1
            ),
        ),
    ] {
        model.lang = lang;
        let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, "mono");
        assert!(screen.contains(&expected), "{screen}");
        let rows: Vec<&str> = screen.lines().filter(|l| l.contains(" min│")).collect();
        let marked: Vec<bool> = rows
            .iter()
            .map(|l| l.contains("! ") || l.contains("!1"))
            .collect();
        assert_eq!(marked.len(), agenda.len(), "{screen}");
        assert!(marked[..from].iter().all(|m| !m), "{screen}");
        assert!(marked[from..].iter().all(|m| *m), "{screen}");
    }

    // Long enough: no warning.
    store.set_meeting_length(planned).unwrap();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, "mono");
    assert!(!screen.contains("overrun"), "{screen}");
    assert!(
        screen.contains(&format!("{planned} of {planned} min")),
        "{screen}"
    );
}

/// `V` while preparing marks the meeting as a vooroverleg: the preparation, the meeting's
/// header and the fixed minutes say so; `V` again makes it a regular OT.
#[test]
fn v_while_preparing_marks_a_vooroverleg_in_the_header_and_the_minutes() {
    use crate::domain::MeetingKind;
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    act(&store, &mut model, &mut view, Command::ToggleVooroverleg);
    act(&store, &mut model, &mut view, Command::ToggleVooroverleg);
    let id = model.prepare.as_ref().unwrap().meeting.id;
    assert_eq!(
        store.meeting(id).unwrap().unwrap().kind,
        MeetingKind::Regular,
        "twice is back"
    );
    act(&store, &mut model, &mut view, Command::ToggleVooroverleg);
    assert_eq!(
        view.flash.as_deref(),
        Some("Dit overleg is nu: vooroverleg.")
    );
    let screen = crate::ui::tests::screen_of(&model, &view, 100, 30, "donker");
    assert!(
        screen.lines().next().unwrap().contains("vooroverleg"),
        "{screen}"
    );
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.meeting(id).unwrap().unwrap().kind,
        MeetingKind::Vooroverleg
    );

    super::open_meeting_today(&store, &mut model, &mut view);
    assert_eq!(model.meeting.as_ref().unwrap().meeting.id, id);
    let screen = crate::ui::tests::screen_of(&model, &view, 100, 30, "donker");
    assert!(
        screen.lines().next().unwrap().starts_with("Vooroverleg "),
        "{screen}"
    );
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    let minutes = store.minutes(id).unwrap().expect("fixed at closing");
    assert_eq!(minutes.kind, MeetingKind::Vooroverleg);
    let phases = crate::domain::PhaseModel::default();
    let cx = crate::export::Context {
        model: &phases,
        lang: crate::i18n::Lang::Nl,
        school: "",
        today: crate::testkit::today(),
    };
    let text = crate::export::minutes(
        &minutes,
        crate::export::minutes::Status::Fixed,
        &cx,
        crate::export::Format::Markdown,
    );
    assert!(text.starts_with("# Verslag vooroverleg "), "{text}");
}
