//! The privacy screens (audit log, retention, presentation mode) and the blank screen: `b`
//! (or `Ctrl-b` while typing) blanks every screen and overlay to the one blank picture, and
//! the next key brings back what was there.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::core::keymap::Keymap;
use crate::app::{Command, Message, Model, OverlayKind, Screen, View, update};
use crate::domain::{AuditEntry, AuditKind, CaseId, Counted, MeetingState, PupilId};
use crate::i18n::Lang;
use crate::query::retention::{Expired, RetentionList};
use crate::testkit::day;
use crate::ui::tests::matrix::screens;
use crate::ui::tests::{draw_view, model, screen_of};
use crate::ui::theme;

pub(super) fn audit(lang: Lang) -> Model {
    let mut model = model(lang, false);
    model.screen = Screen::Audit;
    let at = |d, h| day(d).and_hms_opt(h, 5, 0).unwrap();
    model.audit = vec![
        AuditEntry::new(at(23, 14), AuditKind::Erasure, "otter forget").with_counts(vec![
            (Counted::Pupils, 1),
            (Counted::Cases, 2),
            (Counted::Notes, 14),
            (Counted::Minutes, 3),
        ]),
        AuditEntry::new(at(20, 9), AuditKind::ReopenedMeeting, "otter R")
            .with_counts(vec![(Counted::Meetings, 1)]),
        AuditEntry::new(at(2, 16), AuditKind::Export, "otter export minutes")
            .with_counts(vec![(Counted::Records, 1)]),
    ];
    model
}

/// The pseudonym of the anonymous case on the retention screen.
const PSEUDONYM: &str = "Leerling XT-93";

/// The full names that must never be on the retention screen.
const NAMES: [&str; 2] = ["Sanne de Vries", "Youssef El Amrani"];

pub(super) fn retention(lang: Lang) -> Model {
    let mut model = model(lang, false);
    model.screen = Screen::Retention;
    let row = |case, name: &str, short: &str, groep, closed| Expired {
        case: CaseId(case),
        pupil: PupilId(case),
        name: name.into(),
        shown: if short == PSEUDONYM {
            crate::domain::Subject::Pseudonym(short.into())
        } else {
            crate::domain::Subject::Named {
                full_name: name.into(),
                initials: short.into(),
                groep,
            }
        },
        groep,
        closed,
        erasable_from: crate::domain::retention::erasable_from(closed, 2),
    };
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    model.retention = Some(RetentionList {
        years: 2,
        expired: vec![
            row(4, NAMES[0], "S.d.V.", 8, date(2023, 6, 30)),
            row(9, NAMES[1], PSEUDONYM, 7, date(2024, 2, 12)),
        ],
    });
    model
}

/// The start screen with the presentation mode on while the meeting is open.
pub(super) fn presenting(lang: Lang) -> Model {
    let mut model = model(lang, false);
    let dashboard = &mut model.dashboard;
    dashboard.presentation = true;
    dashboard.mine.clear();
    dashboard.overdue.clear();
    dashboard.overdue_total = 0;
    if let Some(next) = dashboard.next_meeting.as_mut() {
        next.state = MeetingState::Open;
    }
    model
}

#[test]
fn the_retention_screen_shows_initials_and_groep_or_the_pseudonym_alone_never_a_name() {
    for (lang, _) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (160, 48)] {
            let screen = screen_of(
                &retention(lang),
                &View::default(),
                width,
                height,
                theme::DEFAULT,
            );
            let row = |shown: &str| screen.lines().find(|l| l.contains(shown)).unwrap();
            assert!(row("S.d.V.").contains(" 8 "), "{screen}");
            assert!(!row(PSEUDONYM).contains(" 7 "), "no groep: {screen}");
            for name in NAMES {
                assert!(!screen.contains(name), "{screen}");
            }
        }
    }
}

#[test]
fn the_presentation_mode_hides_my_and_the_overdue_actions_and_says_so() {
    let screen = screen_of(
        &presenting(Lang::Nl),
        &View::default(),
        160,
        48,
        theme::DEFAULT,
    );
    assert!(screen.contains("Verborgen: presentatiemodus"), "{screen}");
    let normal = screen_of(
        &model(Lang::Nl, false),
        &View::default(),
        160,
        48,
        theme::DEFAULT,
    );
    assert!(normal.contains("Gesprek met ouders plannen"), "{normal}");
    assert!(!screen.contains("Gesprek met ouders plannen"), "{screen}");
    // The hidden lists were not counted: their titles say no "(0)", which would read as
    // "nothing to do".
    let t = Lang::Nl.texts();
    for title in [t.dash_mine, t.dash_overdue] {
        let line = screen.lines().find(|l| l.contains(title)).unwrap();
        assert!(!line.contains("(0)"), "{line}");
    }
}

/// The key a person presses to blank: `b`, or `Ctrl-b` where `b` is a letter being typed.
fn blank_key(view: &View) -> KeyEvent {
    let typing = view.overlays.is_open(OverlayKind::Palette)
        || view.overlays.is_open(OverlayKind::Search)
        || view.editor().is_some()
        || view.form().is_some()
        || view.overlays.is_open(OverlayKind::Prompt)
        || view.overlays.is_open(OverlayKind::Picker);
    let modifiers = if typing {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char('b'), modifiers)
}

#[test]
fn every_screen_blanks_to_the_one_blank_picture_and_comes_back_on_any_key() {
    let keymap = Keymap::default();
    for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let all = screens(lang);
        assert!(all.len() >= 40, "every screen and overlay: {}", all.len());
        for (width, height) in [(80, 24), (160, 48)] {
            let blank_name = format!("blank_from_every_screen_{width}x{height}_{code}");
            let mut reference = None;
            // The matrix's own "blank" is blanked already: there `b` brings the screen back.
            for (name, model, view) in all
                .iter()
                .filter(|(_, _, view)| !view.overlays.is_open(OverlayKind::Blank))
            {
                let (mut model, mut view) = (model.clone(), view.clone());
                // Blanking closes the help and the history: they do not come back.
                let (help, history) = (
                    view.overlays.is_open(OverlayKind::Help),
                    view.overlays.is_open(OverlayKind::History),
                );
                // A flash lasts until the next key, whichever it is.
                view.flash = None;
                let before = screen_of(&model, &view, width, height, theme::DEFAULT);
                let message =
                    crate::app::core::route::route(&model, &view, &keymap, blank_key(&view));
                assert_eq!(message, Message::Act(Command::Blank), "{name}");
                update(&mut model, &mut view, message);
                let terminal = draw_view(&model, &view, width, height, theme::DEFAULT);
                let buffer = terminal.backend().buffer().clone();
                match &reference {
                    None => {
                        insta::assert_snapshot!(blank_name.clone(), terminal.backend());
                        reference = Some(buffer);
                    }
                    Some(blank) => assert_eq!(&buffer, blank, "{name} blanked"),
                }
                let any = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
                let message = crate::app::core::route::route(&model, &view, &keymap, any);
                update(&mut model, &mut view, message);
                assert!(!view.overlays.is_open(OverlayKind::Blank), "{name}");
                let after = screen_of(&model, &view, width, height, theme::DEFAULT);
                if !help && !history {
                    assert_eq!(after, before, "{name} comes back as it was");
                }
            }
        }
    }
}

/// A pupil filter is typed text, often a name: on the shared screen the header says a filter
/// is on, not what it is.
#[test]
fn the_actions_header_names_no_typed_pupil_while_the_room_sees_it() {
    use crate::app::actions::ActionList;
    use crate::query::actions::Filter;
    const TYPED: &str = "Sanne de Vries";
    for lang in [Lang::Nl, Lang::En] {
        let t = lang.texts();
        let mut model = model(lang, false);
        model.screen = Screen::Actions;
        model.action_list = Some(ActionList {
            filter: Filter {
                pupil: Some(TYPED.to_string()),
                ..Filter::default()
            },
            ..ActionList::default()
        });
        let private = screen_of(&model, &View::default(), 160, 48, theme::DEFAULT);
        assert!(
            private.contains(&format!("{}: {TYPED}", t.filter_pupil)),
            "{private}"
        );
        model.dashboard.presenting = true;
        let shared = screen_of(&model, &View::default(), 160, 48, theme::DEFAULT);
        let hidden = format!("{}: {}", t.filter_pupil, t.privacy.filter_hidden);
        assert!(shared.contains(&hidden), "{shared}");
        assert!(!shared.contains(TYPED), "{shared}");
    }
}
