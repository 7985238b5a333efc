//! Privacy in the app: consent changed in the meeting, the audit line of a reopening, the
//! retention list's erasure, the presentation mode, and where they are found.

use crate::app::overlay::prompt::Prompt;
use crate::app::tests::{act, answer, current, on_case, school, today};
use crate::app::*;
use crate::domain::{AuditKind, Consent, EventKind};
use crate::store::Store;

#[test]
fn c_changes_the_consent_at_any_phase_as_an_event_and_the_screen_follows() {
    let (dir, store, mut model, mut view) =
        on_case(|brief| brief.case.consent == Consent::Yes && brief.case.phase != "signaal");
    let case = current(&model).case.clone();
    let name = current(&model).subject();
    act(&store, &mut model, &mut view, Command::ChangeConsent);
    assert_eq!(
        view.prompt.as_ref().unwrap().text(),
        "ja",
        "the consent now"
    );
    answer(&store, &mut model, &mut view, "misschien");
    assert!(view.prompt.is_some(), "asked again");
    answer(&store, &mut model, &mut view, "anoniem");
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
        view.prompt = Some(Prompt::new(case::Ask::Field {
            requirement: crate::domain::Requirement::Consent,
        }));
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
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "12-01-2027");
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

#[test]
fn the_presentation_mode_hides_personal_lists_only_while_a_meeting_is_open() {
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
    assert!(model.dashboard.presentation);
    assert!(!model.dashboard.personal_hidden, "no meeting open yet");
    assert!(!model.dashboard.overdue.is_empty());
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    act(&store, &mut model, &mut view, Command::Back);
    assert!(model.dashboard.personal_hidden);
    assert!(model.dashboard.mine.is_empty() && model.dashboard.overdue.is_empty());
    act(&store, &mut model, &mut view, Command::TogglePresentation);
    assert!(!store.presentation().unwrap());
    assert!(!model.dashboard.overdue.is_empty());
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

/// Every demo pupil's full name in `screen`, to assert there are none.
fn full_names_on(store: &Store, screen: &str) -> Vec<String> {
    store
        .all::<crate::domain::Pupil>()
        .map(|pupil| pupil.unwrap().full_name())
        .filter(|name| screen.contains(name.as_str()))
        .collect()
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
    assert!(view.prompt.is_none(), "the action is saved");
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
    use crate::app::tests::{send, typed};
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
    assert!(view.import.is_none(), "no dry run on the shared screen");
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
    super::open_meeting_today(&store, &mut model, &mut view);
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
        .map(crate::domain::case::pseudonym_for)
        .collect();
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        model.lang = lang;
        view.item_scroll = 0;
        let mut seen = String::new();
        loop {
            let text = crate::ui::tests::screen_of(&model, &view, 80, 24, "donker");
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
