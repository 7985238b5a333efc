//! Privacy in the app: consent changed in the meeting, the audit line of a reopening, the
//! retention list's erasure, the presentation mode, and where they are found.

use crate::app::meeting::case;
use crate::app::overlay::palette;
use crate::app::overlay::prompt::Prompt;
use crate::app::*;
use crate::domain::{AuditKind, Consent, EventKind};
use crate::i18n::Lang;
use crate::store::Store;
use crate::testkit::app::{act, answer, current, meeting_opened, on_case, school, send};
use crate::testkit::today;

/// Every demo pupil's full name in `screen`, to assert there are none.
fn full_names_on(store: &Store, screen: &str) -> Vec<String> {
    crate::testkit::store::pupils_shown(store, screen, crate::domain::Pupil::full_name)
}

/// Every demo pupil's initials in `screen` (a dotted form such as "S.d.V.").
fn initials_on(store: &Store, screen: &str) -> Vec<String> {
    crate::testkit::store::pupils_shown(store, screen, crate::domain::Pupil::initials)
}

/// Every demo case's pseudonym in `screen`, stored ("Leerling KR-47") or in the word of `lang`
/// ("Pupil KR-47", so far on the meeting screens only): a screen with no name on it must still
/// show the pupils it is about.
fn pseudonyms_on(store: &Store, lang: crate::i18n::Lang, screen: &str) -> Vec<String> {
    store
        .all::<crate::domain::Case>()
        .map(|case| case.unwrap().pseudonym())
        .filter(|stored| {
            screen.contains(stored.as_str())
                || screen.contains(lang.texts().pseudonym(stored).as_ref())
        })
        .collect()
}

#[test]
fn c_changes_the_consent_at_any_phase_as_an_event_and_the_screen_follows() {
    let (dir, store, mut model, mut view) =
        on_case(|brief| brief.case.consent == Consent::Yes && brief.case.phase != "signaal");
    let case = current(&model).case.clone();
    let name = current(&model).subject();
    act(&store, &mut model, &mut view, Command::ChangeConsent);
    assert_eq!(
        view.overlays.get::<Prompt>().unwrap().text(),
        "ja",
        "the consent now"
    );
    answer(&store, &mut model, &mut view, "misschien");
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "asked again"
    );
    // What follows the word is how the answer came: the history keeps it as the reason.
    answer(
        &store,
        &mut model,
        &mut view,
        "Anoniem, vader gebeld op 20-11",
    );
    assert_eq!(view.flash.as_deref(), Some("Toestemming ouders: anoniem."));
    assert_eq!(current(&model).subject(), case.pseudonym());
    let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, "donker");
    assert!(!screen.contains(&name), "{screen}");
    assert!(screen.contains(&case.pseudonym()), "{screen}");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.case(case.id).unwrap().unwrap().consent,
        Consent::Anonymous
    );
    let last = store.events_of_case(case.id).unwrap().pop().unwrap();
    assert_eq!(
        last.kind,
        EventKind::Consent {
            from: Consent::Yes,
            to: Consent::Anonymous
        }
    );
    assert_eq!(last.reason, "vader gebeld op 20-11");
    assert_eq!(last.meeting, model.meeting.as_ref().map(|r| r.meeting.id));
    assert_eq!(last.date, today());
}

#[test]
fn after_c_anoniem_the_case_s_earlier_actions_on_the_projector_go_by_its_pseudonym() {
    earlier_action_goes_by_the_pseudonym_after(Consent::Yes, |store, model, view| {
        act(store, model, view, Command::ChangeConsent);
        answer(store, model, view, "anoniem");
    });
}

#[test]
fn after_anoniem_in_the_field_walk_the_case_s_earlier_actions_go_by_its_pseudonym() {
    earlier_action_goes_by_the_pseudonym_after(Consent::Unknown, |store, model, view| {
        view.overlays
            .open(crate::app::Overlay::Prompt(Prompt::new(case::Ask::Field {
                requirement: crate::domain::Requirement::Consent,
            })));
        answer(store, model, view, "anoniem");
    });
}

/// A case of consent `from` with an action from before the meeting; `change` makes it
/// anonymous; the Actiepunten item then shows the action under the pseudonym, not initials.
fn earlier_action_goes_by_the_pseudonym_after(
    from: Consent,
    change: impl FnOnce(&Store, &mut Model, &mut View),
) {
    let (_dir, store, mut model, mut view) = on_case(|brief| brief.case.consent.shows_name());
    let mut case = current(&model).case.clone();
    case.consent = from;
    store.save(&case).unwrap();
    let pseudonym = case.pseudonym();
    let initials = store.pupil(case.pupil).unwrap().unwrap().initials();
    let text = "Logopedist bellen over de uitspraak";
    store
        .insert(&crate::domain::Action {
            id: crate::domain::ActionId(store.next_id(crate::store::TreeId::Actions).unwrap()),
            text: text.into(),
            owner: crate::domain::Owner::Other("moeder".into()),
            due: today(),
            status: crate::domain::ActionStatus::Open,
            created: today() - chrono::Days::new(30),
            meeting: None,
            case: Some(case.id),
            agenda_item: None,
            carried_through: Vec::new(),
        })
        .unwrap();
    let room = model.meeting.as_ref().unwrap();
    let (meeting, item) = (room.meeting.id, room.meeting.current_item);
    let mut room = crate::query::meeting::load(&store, &model.phases, meeting, today()).unwrap();
    room.meeting.current_item = item;
    model.meeting = Some(room);
    let before = &model.meeting.as_ref().unwrap().earlier_actions;
    let (_, row) = before
        .iter()
        .find(|(action, _)| action.text == text)
        .unwrap();
    // While a meeting is open only the case under discussion is named, so an earlier
    // action's pupil goes by the pseudonym before the change as after it.
    assert_eq!(row.pupil, pseudonym, "not named before the change");
    change(&store, &mut model, &mut view);
    assert_eq!(current(&model).case.consent, Consent::Anonymous);
    let room = model.meeting.as_mut().unwrap();
    room.meeting.current_item = room
        .meeting
        .agenda
        .iter()
        .position(|item| item.kind == crate::domain::meeting::AgendaKind::Actions)
        .unwrap();
    view.selected = room
        .earlier_actions
        .iter()
        .position(|(action, _)| action.text == text)
        .expect("an earlier action of the meeting");
    let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, "beamer");
    let row = screen
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("{text:?} on\n{screen}"));
    assert!(row.contains(&case.pseudonym()), "{row}");
    assert!(!row.contains(&initials), "{row}");
}

#[test]
fn reopening_a_meeting_writes_an_audit_line_without_the_reason() {
    let (dir, store, mut model, mut view) = meeting_opened();
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "12-01-2027");
    // The start screen waits behind the blanked one until a key.
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::ReopenMeeting);
    answer(&store, &mut model, &mut view, "Besluit over Sanne ontbrak");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let log = store.audit_log().unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, AuditKind::ReopenedMeeting);
    assert_eq!(log[0].command, "otter R");
    assert_eq!(log[0].at, model.now);
    assert!(!serde_json::to_string(&log).unwrap().contains("Sanne"));
}

#[test]
fn the_retention_list_erases_only_after_ja_and_logs_it() {
    let (_dir, store, mut model) = school();
    store.set_retention_years(0).unwrap();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::Retention);
    assert_eq!(model.screen, Screen::Retention);
    let listed = model.retention.as_ref().unwrap().expired.clone();
    assert!(listed.len() > 2, "the demo has cases closed before August");
    act(&store, &mut model, &mut view, Command::Down);
    assert_eq!(view.selected, 1);
    act(&store, &mut model, &mut view, Command::EraseExpired);
    answer(&store, &mut model, &mut view, "nee");
    assert_eq!(view.flash.as_deref(), Some("Niets verwijderd."));
    assert!(store.case(listed[0].case).unwrap().is_some());
    act(&store, &mut model, &mut view, Command::EraseExpired);
    answer(&store, &mut model, &mut view, "ja");
    assert!(model.retention.as_ref().unwrap().expired.is_empty());
    assert!(
        view.flash
            .as_deref()
            .unwrap()
            .starts_with("Verwijderd: casussen")
    );
    for row in &listed {
        assert_eq!(store.case(row.case).unwrap(), None);
        assert!(store.pupil(row.pupil).unwrap().is_some(), "the pupil stays");
    }
    let log = store.audit_log().unwrap();
    assert_eq!(log[0].kind, AuditKind::RetentionErasure);
    assert!(
        log[0]
            .counts
            .contains(&(crate::domain::Counted::Cases, listed.len() as u64))
    );
    act(&store, &mut model, &mut view, Command::EraseExpired);
    assert_eq!(view.flash.as_deref(), Some("Niets te verwijderen."));
}

/// The presentation mode puts the screen on the wall, a meeting open or not: the personal
/// lists are not loaded from the moment it is on, and come back when it is off.
#[test]
fn the_presentation_mode_hides_personal_lists_with_or_without_a_meeting() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    let me = store
        .all::<crate::domain::Member>()
        .next()
        .unwrap()
        .unwrap();
    store.set_me(me.id).unwrap();
    act(&store, &mut model, &mut view, Command::TogglePresentation);
    assert!(store.presentation().unwrap());
    assert!(
        model.dashboard.presentation,
        "no meeting open, hidden all the same"
    );
    assert!(model.dashboard.presenting);
    assert!(model.dashboard.mine.is_empty() && model.dashboard.overdue.is_empty());
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    act(&store, &mut model, &mut view, Command::Back);
    assert!(model.dashboard.presentation);
    assert!(model.dashboard.mine.is_empty() && model.dashboard.overdue.is_empty());
    act(&store, &mut model, &mut view, Command::TogglePresentation);
    assert!(!store.presentation().unwrap());
    assert!(!model.dashboard.overdue.is_empty());
}

/// The presentation mode without a meeting (otter started with it on, as on the projector
/// before the OT): every screen and overlay reached from the start screen, in both
/// languages, shows every pupil by a pseudonym, and no dossier or import opens. The
/// preparation is left out of the initials check: it shows initials by design, as the
/// agenda mailed round does (docs/privacy.md).
#[test]
fn with_the_presentation_mode_on_no_screen_names_a_pupil_without_a_meeting() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (_dir, store, mut start) = school();
    store.set_presentation(true).unwrap();
    // As otter starts: the start screen read with the mode on.
    start.dashboard = crate::query::dashboard::load(&store, &start.phases, today()).unwrap();
    assert!(start.dashboard.presenting && start.dashboard.presentation);
    let routes: Vec<(&str, Vec<Command>, Screen)> = vec![
        ("dashboard", vec![], Screen::Dashboard),
        (
            "evaluations",
            vec![Command::NextPanel, Command::NextPanel],
            Screen::Dashboard,
        ),
        (
            "recent",
            vec![Command::NextPanel, Command::NextPanel, Command::NextPanel],
            Screen::Dashboard,
        ),
        ("search", vec![Command::Search], Screen::Dashboard),
        ("actions", vec![Command::OpenActions], Screen::Actions),
        ("prepare", vec![Command::PrepareMeeting], Screen::Prepare),
        ("retention", vec![Command::Retention], Screen::Retention),
        // The figures alone show no pupil: the cases behind the first one do.
        (
            "monitoring",
            vec![Command::Monitoring, Command::Open],
            Screen::Monitoring,
        ),
    ];
    store.set_retention_years(0).unwrap();
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        for (name, route, screen) in &routes {
            let mut model = start.clone();
            model.lang = lang;
            let mut view = View::default();
            for command in route {
                act(&store, &mut model, &mut view, *command);
            }
            if *name == "search" {
                for c in "an".chars() {
                    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                    send(&store, &mut model, &mut view, Message::SearchKey(key));
                }
                assert!(
                    view.overlays
                        .get::<crate::app::overlay::search::Search>()
                        .unwrap()
                        .results
                        .hits()
                        .count()
                        > 0,
                    "the search finds something to show"
                );
            }
            assert_eq!(model.screen, *screen, "{name}");
            if *name == "retention" {
                let list = model
                    .retention
                    .as_ref()
                    .expect("the retention list is read");
                assert!(
                    !list.expired.is_empty(),
                    "closed cases past 0 years are listed"
                );
            }
            for (width, height) in [(80, 24), (200, 50)] {
                let text = crate::ui::tests::screen_of(&model, &view, width, height, "beamer");
                let named = full_names_on(&store, &text);
                assert!(named.is_empty(), "{lang:?} {name} names {named:?}:\n{text}");
                // Without this an empty screen would pass: the start screen says its own list
                // is hidden, every other route shows pupils, by pseudonym.
                if *name == "dashboard" {
                    let hidden = lang.texts().privacy.presentation_hidden;
                    assert!(text.contains(hidden), "{lang:?} {name}:\n{text}");
                } else {
                    assert!(
                        !pseudonyms_on(&store, lang, &text).is_empty(),
                        "{lang:?} {name} {width}x{height} shows no pseudonym:\n{text}"
                    );
                }
                if *name != "prepare" {
                    let initials = initials_on(&store, &text);
                    assert!(
                        initials.is_empty(),
                        "{lang:?} {name} shows {initials:?}:\n{text}"
                    );
                }
            }
        }
    }

    let mut model = start;
    let mut view = View::default();
    let case = store
        .all::<crate::domain::Case>()
        .map(Result::unwrap)
        .find(|case| case.consent == Consent::Yes)
        .unwrap();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/parnassys_bom_semicolon.csv");
    let effects = vec![
        Effect::LoadDossier(dossier::DossierOf::Case(case.id)),
        Effect::PlanImport(file),
    ];
    for effect in effects {
        view.flash = None;
        apply(&store, &mut model, &mut view, vec![effect], today()).unwrap();
        assert_eq!(model.screen, Screen::Dashboard);
        assert!(model.dossier.is_none() && !view.overlays.is_open(OverlayKind::Import));
        assert_eq!(
            view.flash.as_deref(),
            Some(model.lang.texts().privacy.presentation_refused)
        );
    }
}

/// Closing the meeting: the start screen names pupils again once no meeting is open, so it
/// waits behind a blanked screen that says the minutes are fixed, until the chair presses a
/// key. With the presentation mode on, that start screen names nobody either.
#[test]
fn closing_the_meeting_ends_on_a_blanked_screen_and_a_key_shows_the_start_screen() {
    for presentation in [false, true] {
        let (_dir, store, mut model) = school();
        store.set_presentation(presentation).unwrap();
        let mut view = View::default();
        crate::testkit::app::open_meeting_today(&store, &mut model, &mut view);
        act(&store, &mut model, &mut view, Command::CloseMeeting);
        answer(&store, &mut model, &mut view, "+6w");
        assert!(model.meeting.is_none(), "closed");
        assert_eq!(view.front(), Some(OverlayKind::Blank), "{presentation}");
        for (width, height) in [(80, 24), (200, 50)] {
            let text = crate::ui::tests::screen_of(&model, &view, width, height, "beamer");
            let named = full_names_on(&store, &text);
            assert!(named.is_empty(), "{named:?}:\n{text}");
            let initials = initials_on(&store, &text);
            assert!(initials.is_empty(), "{initials:?}:\n{text}");
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains("Verslag vastgesteld;") && flat.contains("voor het startscherm."),
                "{flat}"
            );
        }
        send(&store, &mut model, &mut view, Message::OtherKey);
        assert_eq!(view.front(), None);
        assert_eq!(model.screen, Screen::Dashboard);
        let text = crate::ui::tests::screen_of(&model, &view, 200, 50, "beamer");
        let named = full_names_on(&store, &text);
        assert_eq!(
            named.is_empty(),
            presentation,
            "named only with the mode off: {named:?}\n{text}"
        );
    }
}

#[test]
fn the_start_screen_palette_opens_the_audit_log_and_the_retention_list() {
    let rows = palette::rows(
        &crate::app::core::keymap::Keymap::default(),
        Screen::Dashboard,
        Lang::Nl.texts(),
    );
    for action in [
        Command::AuditLog,
        Command::Retention,
        Command::TogglePresentation,
    ] {
        assert!(
            rows.iter()
                .any(|r| r.command == palette::Choice::Act(action)),
            "{action:?}"
        );
    }
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    store
        .audit(crate::domain::AuditEntry::new(
            model.now,
            AuditKind::Export,
            "otter export minutes",
        ))
        .unwrap();
    store
        .audit(crate::domain::AuditEntry::new(
            model.now,
            AuditKind::Restore,
            "otter restore",
        ))
        .unwrap();
    act(&store, &mut model, &mut view, Command::AuditLog);
    assert_eq!(model.screen, Screen::Audit);
    let kinds: Vec<AuditKind> = model.audit.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [AuditKind::Restore, AuditKind::Export],
        "newest first"
    );
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
}

#[test]
fn after_an_action_a_reflex_escape_shows_the_dashboard_without_full_names() {
    let (_dir, store, mut model, mut view) =
        on_case(|brief| brief.case.consent == Consent::Yes && brief.case.phase == "plan");
    let member = model.meeting.as_ref().unwrap().members[0].name.clone();
    act(&store, &mut model, &mut view, Command::AddAction);
    answer(&store, &mut model, &mut view, "Ouders uitnodigen");
    answer(&store, &mut model, &mut view, &member.to_lowercase());
    answer(&store, &mut model, &mut view, "vr");
    assert!(
        !view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "the action is saved"
    );
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
    for presentation in [false, true] {
        store.set_presentation(presentation).unwrap();
        model.dashboard = crate::query::dashboard::load(&store, &model.phases, today()).unwrap();
        view.dashboard.fit(&model.dashboard);
        assert!(
            !model.dashboard.evaluations.is_empty() && !model.dashboard.recent.is_empty(),
            "the lists that named pupils have rows"
        );
        let screen = crate::ui::tests::screen_of(&model, &view, 200, 50, "donker");
        let named = full_names_on(&store, &screen);
        assert!(
            named.is_empty(),
            "presentation {presentation}: {named:?}\n{screen}"
        );
    }
}

#[test]
fn a_case_whose_consent_is_not_yet_asked_is_not_named_on_the_meeting_screen() {
    let (_dir, store, model, view) = on_case(|brief| brief.case.consent == Consent::Unknown);
    let brief = current(&model);
    let name = store.pupil(brief.case.pupil).unwrap().unwrap().full_name();
    assert_eq!(brief.subject(), brief.case.pseudonym());
    assert_eq!(brief.groep(), None, "no groep beside a pseudonym");
    let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, "beamer");
    assert!(!screen.contains(&name), "{screen}");
    assert!(screen.contains(&brief.case.pseudonym()), "{screen}");
    let named = full_names_on(&store, &screen);
    assert!(named.is_empty(), "{named:?}");
}

/// BRIEF §8 by construction: with a meeting open in the store, every screen and overlay a
/// person reaches from it, in both languages, names no pupil but the one under discussion.
/// The buffer is scanned for every pupil of the store, not eyeballed.
#[test]
fn with_a_meeting_open_no_screen_or_overlay_names_another_pupil() {
    use crate::testkit::app::typed;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (_dir, store, start, _) =
        on_case(|brief| brief.case.consent == Consent::Yes && brief.case.phase == "plan");
    // The store says which item is in front, as the meeting screen saves it on every move.
    store
        .save(&start.meeting.as_ref().unwrap().meeting)
        .unwrap();
    let discussed = current(&start).case.pupil;
    let discussed_initials = store.pupil(discussed).unwrap().unwrap().initials();
    let others: Vec<crate::domain::Pupil> = store
        .all::<crate::domain::Pupil>()
        .map(Result::unwrap)
        .filter(|pupil| pupil.id != discussed)
        .collect();
    let routes: Vec<(&str, Vec<Command>, Screen)> = vec![
        ("meeting", vec![], Screen::Meeting),
        ("help", vec![Command::Help], Screen::Meeting),
        ("palette", vec![Command::Palette], Screen::Meeting),
        ("search", vec![Command::Search], Screen::Meeting),
        ("history", vec![Command::History], Screen::Meeting),
        ("signal", vec![Command::NewSignal], Screen::Meeting),
        ("dashboard", vec![Command::Back], Screen::Dashboard),
        (
            "dashboard search",
            vec![Command::Back, Command::Search],
            Screen::Dashboard,
        ),
        (
            "actions",
            vec![Command::Back, Command::OpenActions],
            Screen::Actions,
        ),
        (
            "prepare",
            vec![Command::Back, Command::PrepareMeeting],
            Screen::Prepare,
        ),
        (
            "retention",
            vec![Command::Back, Command::Retention],
            Screen::Retention,
        ),
        (
            "audit",
            vec![Command::Back, Command::AuditLog],
            Screen::Audit,
        ),
    ];
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        for (name, route, screen) in &routes {
            let mut model = start.clone();
            model.lang = lang;
            let mut view = View::default();
            for command in route {
                act(&store, &mut model, &mut view, *command);
            }
            // Two letters: the search and the pupil picker list what matches.
            if name.contains("search") {
                for c in "an".chars() {
                    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                    send(&store, &mut model, &mut view, Message::SearchKey(key));
                }
            } else if *name == "signal" {
                for message in typed("an") {
                    send(&store, &mut model, &mut view, message);
                }
            }
            assert_eq!(model.screen, *screen, "{name}");
            for (width, height) in [(80, 24), (200, 50)] {
                let text = crate::ui::tests::screen_of(&model, &view, width, height, "donker");
                for pupil in &others {
                    let plain = format!("{} {}", pupil.first_name, pupil.last_name);
                    assert!(
                        !text.contains(&pupil.full_name()) && !text.contains(&plain),
                        "{lang:?} {name} {width}x{height} names {}:\n{text}",
                        pupil.full_name()
                    );
                    // Initials name a pupil too; only where they are another pupil's as well
                    // as the discussed one's do they say nothing. The new signal's picker
                    // lists initials, groep and year of birth by design (docs/privacy.md).
                    let initials = pupil.initials();
                    let picking = *name == "signal";
                    assert!(
                        picking
                            || discussed_initials.contains(&initials)
                            || !text.contains(&initials),
                        "{lang:?} {name} {width}x{height} shows {initials} of {}:\n{text}",
                        pupil.full_name()
                    );
                }
            }
        }
    }
}

/// A dossier names its pupil beside every case of theirs, the anonymous ones too: with a
/// meeting open it does not open, not even from the start screen after a reflex `Esc`; once
/// the meeting is closed it opens again.
#[test]
fn with_a_meeting_open_no_dossier_opens_on_the_shared_screen() {
    let (_dir, store, mut model, mut view) = on_case(|brief| brief.case.consent == Consent::Yes);
    let discussed = current(&model).case.id;
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
    let other = store
        .all::<crate::domain::Case>()
        .map(Result::unwrap)
        .find(|case| case.id != discussed)
        .expect("the demo has more than one case");
    for case in [discussed, other.id] {
        let effects = vec![Effect::LoadDossier(dossier::DossierOf::Case(case))];
        apply(&store, &mut model, &mut view, effects, today()).unwrap();
        assert_eq!(
            model.screen,
            Screen::Dashboard,
            "no dossier of case {case:?}"
        );
        assert!(model.dossier.is_none());
        assert_eq!(
            view.flash.as_deref(),
            Some(model.lang.texts().flash_dossier_presenting)
        );
        let screen = crate::ui::tests::screen_of(&model, &view, 200, 50, "donker");
        let named = full_names_on(&store, &screen);
        assert!(named.is_empty(), "{named:?}\n{screen}");
    }

    // Private again once no meeting is open.
    let mut meeting = model.meeting.as_ref().unwrap().meeting.clone();
    meeting.state = crate::domain::MeetingState::Closed;
    store.save(&meeting).unwrap();
    view.flash = None;
    let effects = vec![Effect::LoadDossier(dossier::DossierOf::Case(other.id))];
    apply(&store, &mut model, &mut view, effects, today()).unwrap();
    assert_eq!(model.screen, Screen::Dossier);
}

/// The import's dry run lists the file's pupils with names and dates of birth: with a meeting
/// open it is refused before anything is read, and the screen stays as it was.
#[test]
fn with_a_meeting_open_no_import_dry_run_shows_the_file_s_pupils() {
    let (_dir, store, mut model, mut view) = on_case(|brief| brief.case.consent == Consent::Yes);
    act(&store, &mut model, &mut view, Command::Back);
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/parnassys_bom_semicolon.csv");
    let effects = vec![Effect::PlanImport(file)];
    apply(&store, &mut model, &mut view, effects, today()).unwrap();
    assert!(
        !view.overlays.is_open(crate::app::OverlayKind::Import),
        "no dry run on the shared screen"
    );
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().flash_import_presenting)
    );
}

/// The Verslag item shows the previous minutes themselves on the shared screen, paged with
/// PgDn to their end: no case is under discussion there, so every pupil goes by the case's
/// pseudonym, also those the stored minutes named. Every frame is scanned for every pupil.
#[test]
fn the_previous_minutes_on_the_meeting_screen_name_no_pupil_from_top_to_end() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    crate::testkit::app::open_meeting_today(&store, &mut model, &mut view);
    while !crate::app::meeting::attendance::on_item(
        &model,
        &crate::domain::meeting::AgendaKind::PreviousMinutes,
    ) {
        act(&store, &mut model, &mut view, Command::NextItem);
    }
    let previous = model.meeting.as_ref().unwrap().previous.clone().unwrap();
    let fixed = store.minutes(previous.id).unwrap().unwrap();
    let named_in_store: Vec<&str> = fixed
        .items
        .iter()
        .map(|item| item.subject.as_str())
        .filter(|subject| !subject.is_empty() && !subject.starts_with("Leerling"))
        .collect();
    assert!(
        !named_in_store.is_empty(),
        "the stored minutes name pupils, as the team's minutes do"
    );
    let pseudonyms: Vec<String> = fixed
        .items
        .iter()
        .filter_map(|item| match item.kind {
            crate::domain::meeting::AgendaKind::Case { case } => Some(case),
            _ => None,
        })
        .map(|case| store.case(case).unwrap().unwrap().pseudonym())
        .collect();
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        model.lang = lang;
        view.item_scroll = 0;
        let mut seen = String::new();
        loop {
            let text = crate::ui::tests::frame(&model, &mut view, 80, 24, "donker");
            let named = full_names_on(&store, &text);
            assert!(named.is_empty(), "{lang:?} names {named:?}:\n{text}");
            seen.push_str(&text);
            let before = view.item_scroll;
            act(&store, &mut model, &mut view, Command::PageDown);
            if view.item_scroll == before {
                break;
            }
            assert!(view.item_scroll > before + 1, "a page is more than a line");
        }
        let t = lang.texts();
        let title = format!("{} {}", t.minutes_title, t.meeting_kind(fixed.kind));
        assert!(seen.contains(&title), "{lang:?}: {title}\n{seen}");
        for pseudonym in &pseudonyms {
            let shown = t.pseudonym(pseudonym);
            assert!(seen.contains(shown.as_ref()), "{lang:?}: {shown}");
        }
        let at_end = view.item_scroll;
        act(&store, &mut model, &mut view, Command::Up);
        assert_eq!(view.item_scroll, at_end - 1, "k: one line up");
        act(&store, &mut model, &mut view, Command::PageUp);
        assert!(view.item_scroll < at_end - 2, "PgUp: a page up");
    }
}

/// A guest on the wall (an IB walk): "Sevgi Kaya (moeder van Zeynep)" named the pupil on the
/// roll call and the preparation, and "Aanwezig: … Sevgi Kaya" in the previous minutes while
/// Zeynep went by a pseudonym. While presenting a guest is "gast (ouder)", the catalog's role
/// only; the stored minutes keep the name.
#[test]
fn a_guest_is_shown_on_the_wall_by_the_catalog_s_role_only() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    act(&store, &mut model, &mut view, Command::AddGuest);
    answer(&store, &mut model, &mut view, "Sevgi Kaya");
    answer(&store, &mut model, &mut view, "moeder van Zeynep");
    let giveaways = ["Sevgi", "Kaya", "moeder van Zeynep"];
    let on_wall = |model: &Model, view: &View, at: &str| {
        for (width, height) in [(80, 24), (200, 50)] {
            let text = crate::ui::tests::screen_of(model, view, width, height, "beamer");
            for word in giveaways {
                assert!(
                    !text.contains(word),
                    "{at} {width}x{height} shows {word}:\n{text}"
                );
            }
        }
    };
    // The chair's own preparation shows whom they invited.
    let own = crate::ui::tests::screen_of(&model, &view, 200, 50, "donker");
    assert!(own.contains("Sevgi Kaya"), "{own}");
    // With the presentation mode on, the preparation is on the wall.
    act(&store, &mut model, &mut view, Command::TogglePresentation);
    assert_eq!(model.screen, Screen::Prepare);
    let text = crate::ui::tests::screen_of(&model, &view, 200, 50, "beamer");
    assert!(text.contains("gast (ouder)"), "{text}");
    on_wall(&model, &view, "preparation");
    act(&store, &mut model, &mut view, Command::TogglePresentation);

    act(&store, &mut model, &mut view, Command::Back);
    crate::testkit::app::open_meeting_today(&store, &mut model, &mut view);
    let first = model.meeting.as_ref().unwrap().meeting.id;
    let text = crate::ui::tests::screen_of(&model, &view, 200, 50, "beamer");
    assert!(text.contains("gast (ouder): nog niet genoteerd"), "{text}");
    on_wall(&model, &view, "roll call");
    act(&store, &mut model, &mut view, Command::AllPresent);
    on_wall(&model, &view, "roll call, all present");
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "+6w");
    act(&store, &mut model, &mut view, Command::Back);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let fixed = store.minutes(first).unwrap().unwrap();
    assert!(
        fixed.present.iter().any(|name| name == "Sevgi Kaya"),
        "the stored minutes keep the name: {:?}",
        fixed.present
    );

    // The next meeting's Verslag item shows those minutes, paged to their end.
    crate::testkit::app::open_meeting_today(&store, &mut model, &mut view);
    assert_ne!(model.meeting.as_ref().unwrap().meeting.id, first);
    while !crate::app::meeting::attendance::on_item(
        &model,
        &crate::domain::meeting::AgendaKind::PreviousMinutes,
    ) {
        act(&store, &mut model, &mut view, Command::NextItem);
    }
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        model.lang = lang;
        view.item_scroll = 0;
        let mut seen = String::new();
        loop {
            on_wall(&model, &view, "previous minutes");
            seen.push_str(&crate::ui::tests::screen_of(
                &model, &view, 200, 50, "beamer",
            ));
            let before = view.item_scroll;
            act(&store, &mut model, &mut view, Command::PageDown);
            if view.item_scroll == before {
                break;
            }
        }
        let guest = lang.texts().guest(crate::domain::Role::Ouder);
        let present = seen
            .lines()
            .find(|line| {
                let label = crate::i18n::capitalised(lang.texts().minutes_present);
                line.contains(&format!("{label}:"))
            })
            .unwrap_or_else(|| panic!("{lang:?}: who came\n{seen}"));
        assert!(present.contains(&guest), "{lang:?}: {present}");
    }
}
