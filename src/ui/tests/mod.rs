use chrono::{NaiveDate, NaiveTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::core::keymap::Keymap;
use crate::app::{Model, Overlay, OverlayKind, View};
use crate::domain::{ActionStatus, MeetingKind, MeetingState};
use crate::domain::{CaseId, EventKind, Member, MemberId, PupilId, Role};
use crate::i18n::Lang;
use crate::query::actions::ActionRow;
use crate::query::dashboard::{CaseRow, Dashboard};
use crate::query::meetings::MeetingRow;
use crate::testkit::day;
use crate::ui::render;
use crate::ui::theme::{self, Theme};

pub(crate) fn model(lang: Lang, demo: bool) -> Model {
    let overdue = vec![
        ActionRow {
            id: 4,
            text: "Leesonderzoek aanvragen bij het samenwerkingsverband".into(),
            owner: "Fatima Benali".into(),
            due: day(2),
            status: ActionStatus::Open,
            pupil: "Zoë Çelik".into(),
            days_overdue: 21,
        },
        ActionRow {
            id: 9,
            text: "Terugkoppeling aan ouders".into(),
            owner: "moeder".into(),
            due: day(20),
            status: ActionStatus::Open,
            pupil: "Leerling KR-17".into(),
            days_overdue: 3,
        },
    ];
    Model {
        now: day(23).and_hms_opt(14, 32, 0).unwrap(),
        demo,
        dashboard: Dashboard {
            members: Vec::new(),
            me: Some(Member {
                id: MemberId(1),
                name: "Fatima Benali".into(),
                role: Role::InternBegeleider,
                active: true,
                email: None,
            }),
            mine: vec![
                overdue[0].clone(),
                ActionRow {
                    id: 12,
                    text: "Gesprek met ouders plannen".into(),
                    owner: "Fatima Benali".into(),
                    due: day(30),
                    status: ActionStatus::Open,
                    pupil: "Daan Jansen".into(),
                    days_overdue: 0,
                },
            ],
            evaluations: vec![
                CaseRow {
                    case: CaseId(3),
                    pupil: PupilId(40),
                    subject: "Zoë Çelik".into(),
                    phase: "uitvoering".into(),
                    level: 3,
                    date: day(9),
                    change: None,
                },
                CaseRow {
                    case: CaseId(17),
                    pupil: PupilId(41),
                    subject: "Leerling KR-17".into(),
                    phase: "evaluatie".into(),
                    level: 2,
                    date: day(20),
                    change: None,
                },
            ],
            evaluations_total: crate::query::dashboard::Total::Exact(2),
            recent_total: 1,
            presentation: false,
            presenting: false,
            names: Default::default(),
            recent: vec![CaseRow {
                case: CaseId(5),
                pupil: PupilId(42),
                subject: "Daan Jansen".into(),
                phase: "plan".into(),
                level: 2,
                date: day(17),
                change: Some(EventKind::Phase {
                    from: "analyse".into(),
                    to: "plan".into(),
                }),
            }],
            next_meeting: Some(MeetingRow {
                id: 18,
                date: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
                time: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
                place: "kamer IB".into(),
                kind: MeetingKind::Regular,
                state: MeetingState::Planned,
                cases: 6,
            }),
            last_closed: None,
            overdue_total: overdue.len(),
            overdue,
        },
        ..Model::new(lang, day(23), crate::domain::PhaseModel::default())
    }
}

pub(crate) fn draw(model: &Model, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_with(model, width, height, theme::DEFAULT)
}

pub(crate) fn draw_with(
    model: &Model,
    width: u16,
    height: u16,
    theme: &str,
) -> Terminal<TestBackend> {
    draw_view(model, &View::default(), width, height, theme)
}

/// The screen as text, a line per row, so a word is never found across two rows.
pub(crate) fn screen_of(
    model: &Model,
    view: &View,
    width: u16,
    height: u16,
    theme: &str,
) -> String {
    text_of(&draw_view(model, view, width, height, theme))
}

/// One frame as the loop draws it: the window's size first, then the drawing, and what it
/// measured kept for the keys that follow. The screen as text.
pub(crate) fn frame(
    model: &Model,
    view: &mut View,
    width: u16,
    height: u16,
    theme: &str,
) -> String {
    view.fit(width, height);
    let theme = Theme::builtin(theme).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut drawn = crate::app::Drawn::default();
    terminal
        .draw(|frame| drawn = render(frame, model, view, &theme, &model.keymap))
        .unwrap();
    view.drawn(drawn);
    text_of(&terminal)
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>() + "\n")
        .collect()
}

pub(crate) fn draw_view(
    model: &Model,
    view: &View,
    width: u16,
    height: u16,
    theme: &str,
) -> Terminal<TestBackend> {
    let theme = Theme::builtin(theme).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            render(frame, model, view, &theme, &Keymap::default());
        })
        .unwrap();
    terminal
}

#[test]
fn dashboard_without_meeting_or_overdue_actions() {
    let mut empty = model(Lang::Nl, false);
    empty.dashboard.next_meeting = None;
    empty.dashboard.overdue.clear();
    empty.dashboard.overdue_total = 0;
    insta::assert_snapshot!(draw(&empty, 80, 24).backend());
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_cramped_screen() {
    let model = model(Lang::Nl, false);
    insta::assert_snapshot!(draw(&model, 10, 3).backend());
    let text = screen_of(&model, &View::default(), 10, 3, theme::DEFAULT);
    assert!(text.contains("10×3"), "{text}");
}

#[test]
fn a_broken_theme_is_named_in_the_status_line() {
    let mut broken = model(Lang::Nl, false);
    broken.notice =
        Some("Thema niet geladen, standaardthema gebruikt: beamer.toml:4: unknown colour".into());
    let terminal = draw(&broken, 80, 24);
    let last: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_string())
        .collect();
    assert!(
        last.starts_with("Thema niet geladen, standaardthema gebruikt: beamer.toml:4"),
        "{last}"
    );
}

#[test]
fn overdue_days_take_the_theme_style_in_every_theme() {
    for name in theme::builtin_names() {
        let theme = Theme::builtin(name).unwrap();
        let terminal = draw_with(&model(Lang::Nl, false), 80, 24, name);
        // Row 6 is the first of my actions, overdue; its "te laat" cell starts at column 16.
        let cell = &terminal.backend().buffer()[(16, 6)];
        assert_eq!(cell.symbol(), "2", "{name}");
        let expected = theme.style("action.overdue");
        assert_eq!(cell.fg, expected.fg.unwrap_or(cell.fg), "{name}");
        assert!(cell.modifier.contains(expected.add_modifier), "{name}");
    }
}

/// The demo school's next meeting, opened at item `item` with its timer started at 14:20 and
/// the clock at 14:32.
pub(crate) fn meeting_model(lang: Lang, item: usize) -> Model {
    let (_dir, store) = crate::testkit::store::demo_store(day(23));
    let phases = crate::domain::PhaseModel::default();
    let id = crate::query::meeting::current_or_next(&store, day(23))
        .unwrap()
        .unwrap();
    let mut room = crate::query::meeting::load(&store, &phases, id, day(23)).unwrap();
    room.meeting.current_item = item;
    room.meeting.timer_started = Some(day(23).and_hms_opt(14, 20, 0).unwrap());
    let mut model = model(lang, false);
    model.screen = crate::app::Screen::Meeting;
    model.meeting = Some(room);
    model
}

pub(crate) fn on_first_case(lang: Lang) -> Model {
    let mut model = meeting_model(lang, 0);
    let item = first_case_item(&model);
    model.meeting.as_mut().unwrap().meeting.current_item = item;
    model
}

pub(crate) fn first_case_item(model: &Model) -> usize {
    let agenda = &model.meeting.as_ref().unwrap().meeting.agenda;
    agenda
        .iter()
        .position(|i| matches!(i.kind, crate::domain::meeting::AgendaKind::Case { .. }))
        .unwrap()
}

#[test]
fn only_the_pupil_under_discussion_is_named_on_the_meeting_screen() {
    let model = on_first_case(Lang::Nl);
    let room = model.meeting.as_ref().unwrap();
    let current = match room.meeting.agenda[room.meeting.current_item].kind {
        crate::domain::meeting::AgendaKind::Case { case } => case,
        _ => unreachable!(),
    };
    let screen = screen_of(&model, &View::default(), 160, 48, theme::DEFAULT);
    for (case, brief) in &room.cases {
        // Only "ja" names a pupil on the shared screen; a pseudonym names no one.
        if brief.case.consent != crate::domain::Consent::Yes {
            continue;
        }
        if *case == current {
            assert!(
                screen.contains(&brief.subject()),
                "{} is discussed",
                brief.subject()
            );
        } else {
            assert!(
                !screen.contains(&brief.subject()),
                "{} is named but not discussed",
                brief.subject()
            );
        }
    }
}

#[test]
fn the_timer_turns_when_the_timebox_is_nearly_up_and_when_it_is_over() {
    let theme = Theme::builtin(theme::DEFAULT).unwrap();
    let mut model = meeting_model(Lang::Nl, 0);
    // Item 0 has a timebox of 5 minutes; the timer started at 14:20.
    let timer_cell = |model: &Model| {
        let terminal = draw(model, 160, 48);
        let row: Vec<_> = (0..160)
            .map(|x| terminal.backend().buffer()[(x, 0)].clone())
            .collect();
        let text: String = row.iter().map(|c| c.symbol()).collect();
        let at = text.find("/05:00").unwrap() - 5;
        row[text[..at].chars().count()].clone()
    };
    model.now = day(23).and_hms_opt(14, 21, 0).unwrap();
    assert_eq!(
        timer_cell(&model).fg,
        theme.style("timer.running").fg.unwrap()
    );
    model.now = day(23).and_hms_opt(14, 24, 0).unwrap();
    assert_eq!(timer_cell(&model).fg, theme.style("timer.near").fg.unwrap());
    model.now = day(23).and_hms_opt(14, 26, 0).unwrap();
    assert_eq!(timer_cell(&model).bg, theme.style("timer.over").bg.unwrap());
}

#[test]
fn a_blanked_screen_shows_nothing_of_the_data() {
    for model in [model(Lang::Nl, false), meeting_model(Lang::Nl, 3)] {
        // A step after the blanking may leave a flash that names a pupil: not drawn.
        let view = View {
            overlays: [Overlay::Blank(None)].into_iter().collect(),
            flash: Some("Zeynep Yilmaz: dossier geopend".to_string()),
            ..View::default()
        };
        let text = screen_of(&model, &view, 80, 24, theme::DEFAULT);
        assert_eq!(text.trim(), "Scherm verborgen · druk op een toets");
        // Blanked by closing the meeting, it says that, and only that.
        let fixed = Lang::Nl.texts().flash_minutes_fixed;
        let view = View {
            overlays: [Overlay::Blank(Some(fixed))].into_iter().collect(),
            flash: Some("Zeynep Yilmaz: dossier geopend".to_string()),
            ..View::default()
        };
        let text = screen_of(&model, &view, 80, 24, theme::DEFAULT);
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words.join(" "), fixed);
    }
    let view = View {
        overlays: [Overlay::Blank(None)].into_iter().collect(),
        ..View::default()
    };
    insta::assert_snapshot!(
        draw_view(&meeting_model(Lang::En, 3), &view, 80, 24, theme::DEFAULT).backend()
    );
}

#[test]
fn meeting_reason_prompt_80x24_nl() {
    let mut model = on_first_case(Lang::Nl);
    let mut view = View::default();
    crate::app::update(&mut model, &mut view, crate::app::Command::LevelUp);
    for c in "Wijkteam erbij".chars() {
        let key = ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        crate::app::update(&mut model, &mut view, crate::app::Message::PromptKey(key));
    }
    let terminal = draw_view(&model, &view, 80, 24, theme::DEFAULT);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn meeting_attendance_80x24_nl() {
    let mut model = meeting_model(Lang::Nl, 0);
    let room = model.meeting.as_mut().unwrap();
    use crate::domain::meeting::{Attendance, Attendee, Presence};
    let presences = [
        Presence::Present,
        Presence::AbsentWithNotice,
        Presence::Absent,
    ];
    room.meeting.attendance = room
        .members
        .iter()
        .filter(|m| m.active)
        .enumerate()
        .map(|(i, m)| Attendance {
            who: Attendee::Member(m.id),
            presence: presences.get(i).copied().unwrap_or(Presence::NotRecorded),
        })
        .collect();
    let view = View {
        selected: 1,
        ..View::default()
    };
    insta::assert_snapshot!(draw_view(&model, &view, 80, 24, theme::DEFAULT).backend());
}

#[test]
fn the_chosen_earlier_action_stays_in_view_on_a_small_screen() {
    let model = meeting_model(Lang::Nl, 2);
    let room = model.meeting.as_ref().unwrap();
    let last = room.earlier_actions.len() - 1;
    let text = room.earlier_actions[last].1.text.clone();
    let view = View {
        selected: last,
        ..View::default()
    };
    let screen = screen_of(&model, &view, 80, 24, theme::DEFAULT);
    let start: String = text.chars().take(20).collect();
    assert!(screen.contains(&start), "{start} not on screen:\n{screen}");
}

#[test]
fn a_question_about_an_earlier_action_names_it_though_its_row_lies_under_the_box() {
    let mut model = meeting_model(Lang::Nl, 2);
    let room = model.meeting.as_ref().unwrap();
    let chosen = room.earlier_actions.len() - 1;
    let text = room.earlier_actions[chosen].0.text.clone();
    let mut view = View {
        selected: chosen,
        ..View::default()
    };
    for action in [
        crate::app::Command::DropAction,
        crate::app::Command::ChangeOwner,
        crate::app::Command::ChangeDue,
    ] {
        crate::app::update(&mut model, &mut view, action);
        let screen = screen_of(&model, &view, 80, 24, theme::DEFAULT);
        // The row of the action lies under the box: only the question can show its words.
        let start = text.split(' ').take(2).collect::<Vec<_>>().join(" ");
        assert!(
            screen.contains(&start),
            "{action:?}: {start} not asked about:\n{screen}"
        );
        if action == crate::app::Command::DropAction {
            insta::assert_snapshot!(draw_view(&model, &view, 80, 24, theme::DEFAULT).backend());
        }
        view.overlays.close(OverlayKind::Prompt);
    }
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small_to_show_it_but_ctrl_c_quits() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut model = meeting_model(Lang::Nl, 2);
    let mut view = View::default();
    let keymap = Keymap::default();
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    let status = |model: &Model| {
        model.meeting.as_ref().unwrap().earlier_actions[0]
            .0
            .status
            .clone()
    };

    view.fit(20, 6);
    draw_view(&model, &view, 20, 6, theme::DEFAULT);
    let message = crate::app::core::route::route(&model, &view, &keymap, x);
    assert_eq!(crate::app::update(&mut model, &mut view, message), vec![]);
    assert_eq!(
        status(&model),
        ActionStatus::Open,
        "x unseen marks nothing done"
    );
    crate::app::update(&mut model, &mut view, crate::app::Command::DropAction);
    let pasted = crate::app::Message::Paste("Niet meer nodig".into());
    crate::app::update(&mut model, &mut view, pasted);
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        "",
        "nothing pasted unseen"
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        crate::app::core::route::route(&model, &view, &keymap, ctrl_c),
        crate::app::Message::Act(crate::app::Command::Quit)
    );

    view = View::default();
    view.fit(80, 24);
    draw_view(&model, &view, 80, 24, theme::DEFAULT);
    let message = crate::app::core::route::route(&model, &view, &keymap, x);
    crate::app::update(&mut model, &mut view, message);
    assert!(matches!(status(&model), ActionStatus::Done { .. }));
}

#[test]
fn the_case_offers_j_for_more_only_while_j_scrolls() {
    let mut model = on_first_case(Lang::Nl);
    let mut view = View::default();
    let more = model.lang.texts().more_below;
    assert!(screen_of(&model, &view, 80, 24, theme::DEFAULT).contains(more));
    crate::app::update(
        &mut model,
        &mut view,
        crate::app::Message::NoteReady(crate::domain::NoteId(999)),
    );
    assert!(view.editor().is_some());
    let typing = screen_of(&model, &view, 80, 24, theme::DEFAULT);
    assert!(
        !typing.contains(more),
        "j is a letter in the notes:\n{typing}"
    );
    view.set_editor(None);
    crate::app::update(&mut model, &mut view, crate::app::Command::LevelUp);
    assert!(view.overlays.is_open(OverlayKind::Prompt));
    let asking = screen_of(&model, &view, 80, 24, theme::DEFAULT);
    assert!(
        !asking.contains(more),
        "j is a letter in the answer:\n{asking}"
    );
}

#[test]
fn the_start_screen_says_when_the_next_ot_is_already_in_progress() {
    let mut model = model(Lang::Nl, false);
    let first_line = |model: &Model| {
        screen_of(model, &View::default(), 80, 24, theme::DEFAULT)
            .lines()
            .nth(2)
            .unwrap()
            .to_string()
    };
    assert!(!first_line(&model).contains("bezig"));
    model.dashboard.next_meeting.as_mut().unwrap().state = MeetingState::Open;
    let line = first_line(&model);
    assert!(
        line.contains("di 08-12-2026 08:30 · bezig · kamer IB"),
        "{line}"
    );
}

#[test]
fn the_last_item_says_which_key_closes_the_meeting() {
    let mut model = meeting_model(Lang::Nl, 0);
    let last = model.meeting.as_ref().unwrap().meeting.agenda.len() - 1;
    model.meeting.as_mut().unwrap().meeting.current_item = last;
    let screen = screen_of(&model, &View::default(), 160, 48, theme::DEFAULT);
    assert!(
        screen.contains("S sluit de vergadering en stelt het verslag vast."),
        "{screen}"
    );
}

/// ratatui leaves control characters out of cells but writes a cell's symbol to the terminal
/// as it is; a bidi override from a name (stored before import refused it) would get there.
#[test]
fn a_name_with_escapes_and_a_bidi_override_reaches_no_cell_as_a_control() {
    let mut model = model(Lang::Nl, false);
    model.dashboard.mine[0].pupil = "Zoë\x1b[2J\x1b]0;pwned\x07 \u{202E}Çelik".into();
    let terminal = draw(&model, 120, 40);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert!(
            !cell.symbol().chars().any(crate::text::is_unsafe),
            "{:?}",
            cell.symbol()
        );
    }
    let screen: String = buffer.content.iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("Zoë[2J]0;pwned�Çelik"), "{screen}");
}

mod circles;
mod dossier;
mod import;
mod lock;
mod matrix;
mod picker;
mod prepare;
mod privacy;
mod search;
