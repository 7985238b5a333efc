//! Every screen and overlay at the smallest supported size and at 160x48, in both languages;
//! the meeting screen in every built-in theme with its styles written out, since a text
//! snapshot alone cannot tell one theme from another.

use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::actions::ActionList;
use crate::app::admin::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::prepare::{self, PrepareView};
use crate::app::{Command, Message, Model, Overlay, OverlayKind, Screen, View, update};
use crate::domain::MeetingState;
use crate::domain::meeting::AgendaKind;
use crate::i18n::Lang;
use crate::query::actions::{Filter, Status};
use crate::testkit::day;
use crate::ui::tests::circles::{circles_open, plan_open};
use crate::ui::tests::picker::{key, picking};
use crate::ui::tests::prepare::preparing;
use crate::ui::tests::{draw_view, meeting_model, model, screen_of};
use crate::ui::theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "nl"), (Lang::En, "en")];

/// The demo school's next meeting, built once per language: filling a demo school is the
/// slow part of these tests.
fn meeting(lang: Lang) -> Model {
    static NL: OnceLock<Model> = OnceLock::new();
    static EN: OnceLock<Model> = OnceLock::new();
    let cell = if lang == Lang::Nl { &NL } else { &EN };
    cell.get_or_init(|| {
        let mut model = meeting_model(lang, 0);
        model.meeting.as_mut().unwrap().meeting.state = MeetingState::Open;
        model
    })
    .clone()
}

fn at_item(lang: Lang, kind: impl Fn(&AgendaKind) -> bool) -> Model {
    let mut model = meeting(lang);
    let room = model.meeting.as_mut().unwrap();
    room.meeting.current_item = room
        .meeting
        .agenda
        .iter()
        .position(|item| kind(&item.kind))
        .expect("the demo's agenda has such an item");
    model
}

fn on_case(lang: Lang) -> Model {
    at_item(lang, |kind| matches!(kind, AgendaKind::Case { .. }))
}

/// A model and view after `messages`, as a person would have got there.
fn after(mut model: Model, messages: Vec<Message>) -> (Model, View) {
    let mut view = View::default();
    for message in messages {
        update(&mut model, &mut view, message);
    }
    (model, view)
}

fn keys(text: &str, wrap: fn(KeyEvent) -> Message) -> Vec<Message> {
    text.chars()
        .map(|c| wrap(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

fn with_closed_meeting(lang: Lang) -> Model {
    let mut model = model(lang, false);
    model.dashboard.last_closed = model.dashboard.next_meeting.clone().map(|mut m| {
        m.date = day(10);
        m.state = MeetingState::Closed;
        m
    });
    model
}

/// The actions screen on the demo school with `filter`; the school is filled once.
fn actions(lang: Lang, filter: Filter) -> Model {
    static SCHOOL: OnceLock<(tempfile::TempDir, crate::store::Store)> = OnceLock::new();
    let (_, store) = SCHOOL.get_or_init(|| {
        let (dir, store) = crate::testkit::store::demo_store(day(23));
        (dir, store)
    });
    let mut model = model(lang, false);
    model.screen = Screen::Actions;
    model.action_list = Some(ActionList {
        entries: crate::query::actions::entries(store, &filter, day(23)).unwrap(),
        filter,
        next_meeting: None,
        strays: false,
    });
    model
}

fn open_actions(lang: Lang) -> Model {
    actions(
        lang,
        Filter {
            status: Status::Open,
            ..Filter::default()
        },
    )
}

/// The demo pupil with an anonymous case and the most notes, in their dossier.
fn dossier(lang: Lang) -> Model {
    static DOSSIER: OnceLock<crate::query::dossier::PupilDossier> = OnceLock::new();
    let found = DOSSIER.get_or_init(|| {
        let (_dir, store) = crate::testkit::store::demo_store(day(23));
        let case = store
            .all::<crate::domain::Case>()
            .map(Result::unwrap)
            .filter(|c| c.consent == crate::domain::Consent::Anonymous)
            .max_by_key(|c| store.notes_of_case(c.id).unwrap().len())
            .unwrap();
        crate::query::dossier::load(&store, case.pupil)
            .unwrap()
            .unwrap()
    });
    let mut model = model(lang, false);
    model.screen = Screen::Dossier;
    model.dossier = Some(Box::new(crate::app::dossier::OpenDossier::new(
        found.clone(),
        lang,
        &model.phases,
    )));
    model
}

/// The monitoring screen of the demo school's current school year; the school is filled and
/// its figures read once.
fn monitoring(lang: Lang) -> Model {
    static FIGURES: OnceLock<crate::query::monitoring::Monitor> = OnceLock::new();
    let data = FIGURES.get_or_init(|| {
        let (_dir, store) = crate::testkit::store::demo_store(day(23));
        let phases = crate::domain::PhaseModel::default();
        let period = crate::app::monitoring::PeriodChoice::Year.period(day(23));
        let settings = crate::monitoring::Settings::default();
        crate::query::monitoring::screen(&store, &phases, settings, period, day(23)).unwrap()
    });
    let mut model = model(lang, false);
    model.monitoring = Some(Box::new(crate::app::monitoring::Monitoring::read(
        crate::app::monitoring::PeriodChoice::Year,
        data.clone(),
    )));
    update(&mut model, &mut View::default(), Message::MonitoringLoaded);
    model
}

/// Each screen and overlay by name, reached through messages where it can be.
pub(super) fn screens(lang: Lang) -> Vec<(&'static str, Model, View)> {
    let act = |action: Command| Message::Act(action);
    let mut screens = vec![
        ("dashboard", model(lang, false), View::default()),
        ("dashboard_demo", model(lang, true), View::default()),
    ];
    let mut add = |name, (model, view): (Model, View)| screens.push((name, model, view));
    add(
        "dashboard_help",
        after(model(lang, false), vec![act(Command::Help)]),
    );
    add(
        "dashboard_palette",
        after(
            model(lang, false),
            [
                vec![act(Command::Palette)],
                keys("the", Message::PaletteKey),
            ]
            .concat(),
        ),
    );
    add(
        "dashboard_overdue",
        after(model(lang, false), vec![act(Command::NextPanel)]),
    );
    let mut nobody = model(lang, false);
    nobody.dashboard.me = None;
    nobody.dashboard.mine.clear();
    let asked = View {
        overlays: [Overlay::Prompt(Prompt::new(Ask::Me))]
            .into_iter()
            .collect(),
        ..View::default()
    };
    add("dashboard_me_prompt", (nobody, asked));
    add("dossier", after(dossier(lang), vec![]));
    add(
        "dossier_case",
        after(
            dossier(lang),
            vec![act(Command::NextPanel), act(Command::Open)],
        ),
    );
    add(
        "dashboard_reopen_prompt",
        after(with_closed_meeting(lang), vec![act(Command::ReopenMeeting)]),
    );
    add(
        "meeting_attendance",
        after(
            at_item(lang, |k| *k == AgendaKind::Opening),
            vec![act(Command::Down)],
        ),
    );
    add(
        "meeting_actions",
        after(at_item(lang, |k| *k == AgendaKind::Actions), vec![]),
    );
    add("meeting_case", after(on_case(lang), vec![]));
    add(
        "meeting_case_notes_editor",
        after(
            on_case(lang),
            vec![
                Message::NoteReady(crate::domain::NoteId(999)),
                Message::Paste("Hulp is gestart op 2 november.\nOuders zijn tevreden.".into()),
            ],
        ),
    );
    add(
        "meeting_case_history",
        after(on_case(lang), vec![act(Command::History)]),
    );
    add(
        "meeting_case_action_prompt",
        after(
            on_case(lang),
            [
                vec![act(Command::AddAction)],
                keys("Ouders uitnodigen", Message::PromptKey),
            ]
            .concat(),
        ),
    );
    add(
        "meeting_help",
        after(on_case(lang), vec![act(Command::Help)]),
    );
    add(
        "meeting_palette",
        after(on_case(lang), vec![act(Command::Palette)]),
    );
    add(
        "meeting_previous_minutes",
        after(at_item(lang, |k| *k == AgendaKind::PreviousMinutes), vec![]),
    );
    add(
        "meeting_rondvraag",
        after(at_item(lang, |k| *k == AgendaKind::Rondvraag), vec![]),
    );
    add(
        "meeting_rondvraag_notes",
        after(
            at_item(lang, |k| *k == AgendaKind::Rondvraag),
            vec![
                Message::NoteReady(crate::domain::NoteId(998)),
                Message::Paste("Juf Anna vraagt naar de studiedag.".into()),
                Message::EditorKey(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            ],
        ),
    );
    add(
        "meeting_close_prompt",
        after(
            at_item(lang, |k| *k == AgendaKind::Closing),
            vec![act(Command::CloseMeeting)],
        ),
    );
    add("blank", after(on_case(lang), vec![act(Command::Blank)]));
    add("meeting_circles_editor", circles_open(lang));
    add("meeting_plan_form", plan_open(lang));
    let (mut picked, mut view) = picking(lang, "zoe");
    update(&mut picked, &mut view, key(KeyCode::Down));
    add("meeting_signal_picker", (picked.clone(), view.clone()));
    update(&mut picked, &mut view, key(KeyCode::Enter));
    for c in "Praat niet in de klas".chars() {
        update(&mut picked, &mut view, key(KeyCode::Char(c)));
    }
    add("meeting_signal_question", (picked, view));
    add("prepare", (preparing(lang), View::default()));
    let on_team = View {
        prepare: PrepareView {
            item: 4,
            person: 2,
            on_team: true,
            rescheduling: false,
        },
        ..View::default()
    };
    add("prepare_participants", (preparing(lang), on_team));
    let guest_role = View {
        overlays: [Overlay::Prompt(Prompt::new(prepare::Ask::GuestRole {
            name: "Fatma Yılmaz".into(),
        }))]
        .into_iter()
        .collect(),
        ..View::default()
    };
    add("prepare_guest_role_prompt", (preparing(lang), guest_role));
    add(
        "prepare_help",
        after(preparing(lang), vec![act(Command::Help)]),
    );
    let mut unplanned = model(lang, false);
    unplanned.screen = Screen::Prepare;
    let date = View {
        overlays: [Overlay::Prompt(Prompt::new(prepare::Ask::Date))]
            .into_iter()
            .collect(),
        ..View::default()
    };
    add("prepare_without_a_meeting", (unplanned, date));
    add(
        "actions",
        after(
            open_actions(lang),
            vec![act(Command::Down), act(Command::Down)],
        ),
    );
    let filtered = Filter {
        status: Status::All,
        owner: Some("marieke".into()),
        ..Filter::default()
    };
    add("actions_filtered", after(actions(lang, filtered), vec![]));
    let nothing = Filter {
        meeting: Some("laatste".into()),
        pupil: Some("Zzyzx".into()),
        ..Filter::default()
    };
    add("actions_none", after(actions(lang, nothing), vec![]));
    add(
        "actions_due_prompt",
        after(open_actions(lang), vec![act(Command::ChangeDue)]),
    );
    add(
        "actions_help",
        after(open_actions(lang), vec![act(Command::Help)]),
    );
    add(
        "audit",
        (crate::ui::tests::privacy::audit(lang), View::default()),
    );
    add(
        "retention",
        (crate::ui::tests::privacy::retention(lang), View::default()),
    );
    add(
        "retention_erase_prompt",
        after(
            crate::ui::tests::privacy::retention(lang),
            vec![act(Command::EraseExpired)],
        ),
    );
    add(
        "dashboard_presentation",
        (crate::ui::tests::privacy::presenting(lang), View::default()),
    );
    add(
        "meeting_case_consent_prompt",
        after(on_case(lang), vec![act(Command::ChangeConsent)]),
    );
    add("monitoring", after(monitoring(lang), vec![]));
    add(
        "monitoring_within_norm_cases",
        after(
            monitoring(lang),
            [vec![act(Command::Down); 6], vec![act(Command::Open)]].concat(),
        ),
    );
    // A plain count: every listed case is in it, so no "telt" column.
    add(
        "monitoring_open_cases",
        after(monitoring(lang), vec![act(Command::Open)]),
    );
    add(
        "monitoring_help",
        after(monitoring(lang), vec![act(Command::Help)]),
    );
    screens
}

#[test]
fn every_screen_in_both_sizes_and_languages() {
    for (lang, code) in LANGS {
        for (name, model, view) in screens(lang) {
            for (width, height) in SIZES {
                let terminal = draw_view(&model, &view, width, height, theme::DEFAULT);
                insta::assert_snapshot!(
                    format!("{name}_{width}x{height}_{code}"),
                    terminal.backend()
                );
            }
        }
    }
}

/// The buffer's text, then per row the runs of one style: where each colour and modifier is.
fn styled(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    let mut out = String::new();
    for (y, row) in buffer.content.chunks(width).enumerate() {
        let text: String = row.iter().map(|cell| cell.symbol()).collect();
        out.push_str(&format!("{y:>2} {text}\n"));
        let mut start = 0;
        for x in 1..=row.len() {
            let same = x < row.len()
                && (row[x].fg, row[x].bg, row[x].modifier)
                    == (row[start].fg, row[start].bg, row[start].modifier);
            if !same {
                let cell = &row[start];
                out.push_str(&format!(
                    "   {start}..{x} fg={:?} bg={:?} {:?}\n",
                    cell.fg, cell.bg, cell.modifier
                ));
                start = x;
            }
        }
    }
    out
}

#[test]
fn the_meeting_screen_in_every_theme() {
    let model = on_case(Lang::Nl);
    let attendance = after(
        at_item(Lang::Nl, |k| *k == AgendaKind::Opening),
        vec![Message::Act(Command::Down)],
    );
    for name in theme::builtin_names() {
        let terminal = draw_view(&model, &View::default(), 80, 24, name);
        insta::assert_snapshot!(
            format!("theme_{name}_meeting_case"),
            styled(terminal.backend().buffer())
        );
        // A chosen row must stand out in every theme, the monochrome one by a modifier.
        let terminal = draw_view(&attendance.0, &attendance.1, 80, 24, name);
        insta::assert_snapshot!(
            format!("theme_{name}_meeting_attendance"),
            styled(terminal.backend().buffer())
        );
    }
}

/// BRIEF §8: whatever is open over the meeting screen and however large the projector's
/// terminal, no pupil is named in full but the one under discussion.
#[test]
fn no_screen_of_the_meeting_names_another_pupil_at_any_size() {
    for (lang, _) in LANGS {
        for (name, model, view) in screens(lang) {
            let Some(room) = model
                .meeting
                .as_ref()
                .filter(|_| name.starts_with("meeting"))
            else {
                continue;
            };
            let current = room.current_case_id();
            let others: Vec<String> = room
                .cases
                .iter()
                .filter(|(id, brief)| Some(**id) != current && brief.subject() != brief.short())
                .map(|(_, brief)| brief.subject())
                .collect();
            assert!(others.len() > 5, "{name}: the demo names enough pupils");
            for (width, height) in [(80, 24), (160, 48), (400, 120)] {
                let screen = screen_of(&model, &view, width, height, theme::DEFAULT);
                for other in &others {
                    assert!(
                        !screen.contains(other),
                        "{name} at {width}x{height} shows {other}"
                    );
                }
            }
        }
    }
}

/// An 80x24 frame as the loop draws it, keeping what it measured for the next keys.
fn screen_text(model: &Model, view: &mut View) -> String {
    crate::ui::tests::frame(model, view, 80, 24, theme::DEFAULT)
}

/// A case does not fit 80x24: j scrolls it to its end and no further, k back to the top.
#[test]
fn a_case_too_long_for_the_screen_scrolls_with_j_and_k() {
    let (mut model, mut view) = after(on_case(Lang::Nl), vec![]);
    let top = screen_text(&model, &mut view);
    assert!(top.contains("↓ j: meer"), "{top}");
    assert!(!top.contains("Openstaande actiepunten"), "{top}");
    let max = view.fit.drawn.scroll_max;
    assert!(max > 0);
    for _ in 0..max + 5 {
        update(&mut model, &mut view, Command::Down);
        screen_text(&model, &mut view);
    }
    assert_eq!(view.item_scroll, max, "no presses lost past the end");
    let bottom = screen_text(&model, &mut view);
    assert!(bottom.contains("Openstaande actiepunten"), "{bottom}");
    assert!(!bottom.contains("↓ j: meer"), "{bottom}");
    update(&mut model, &mut view, Command::Up);
    assert_eq!(view.item_scroll, max - 1);
    update(&mut model, &mut view, Command::NextItem);
    assert_eq!(view.item_scroll, 0, "the next item starts at its top");
}

/// The history of a case with a long past scrolls with j and k; any other key closes it and
/// the case is back at its top.
#[test]
fn a_long_history_scrolls_with_j_and_closes_on_another_key() {
    let (mut model, mut view) = after(on_case(Lang::Nl), vec![Message::Act(Command::History)]);
    let top = screen_text(&model, &mut view);
    assert!(top.contains("↓ j: meer"), "{top}");
    let max = view.fit.drawn.scroll_max;
    assert!(max > 0, "the demo's case has more history than fits");
    for _ in 0..max + 3 {
        update(&mut model, &mut view, Command::Down);
        screen_text(&model, &mut view);
    }
    assert!(
        view.overlays.is_open(OverlayKind::History),
        "j scrolls, it does not close"
    );
    assert_eq!(view.item_scroll, max);
    let bottom = screen_text(&model, &mut view);
    assert!(!bottom.contains("↓ j: meer"), "{bottom}");
    assert_ne!(top, bottom);
    update(&mut model, &mut view, Message::OtherKey);
    assert!(!view.overlays.is_open(OverlayKind::History));
    assert_eq!(view.item_scroll, 0);
}

/// The dossier lays out only the timeline's entries in view: at every scroll position its
/// panel holds exactly the rows the whole timeline, wrapped at the panel's width, has there,
/// and `j` stops where the whole timeline ends.
#[test]
fn the_dossiers_timeline_shows_at_every_scroll_the_rows_the_whole_timeline_has_there() {
    use ratatui::layout::Rect;
    use ratatui::widgets::{Paragraph, Widget, Wrap};

    let (model, mut view) = after(dossier(Lang::Nl), vec![]);
    let panel = |screen: &str| -> Vec<String> {
        let rows: Vec<&str> = screen.lines().collect();
        let title = rows
            .iter()
            .position(|r| r.starts_with('┌') && r.contains("Tijdlijn"))
            .expect("the timeline panel");
        rows[title + 1..]
            .iter()
            .take_while(|r| !r.starts_with('└'))
            .map(|r| {
                let inner = r.chars().count() - 2;
                r.chars().skip(1).take(inner).collect()
            })
            .collect()
    };
    let shown = panel(&screen_text(&model, &mut view));
    let max = usize::from(view.fit.drawn.scroll_max);
    assert!(max > 0, "the demo pupil's timeline does not fit 80x24");

    let theme = theme::Theme::builtin(theme::DEFAULT).unwrap();
    let timeline = model.dossier.as_deref().unwrap().timeline();
    let whole = Paragraph::new(crate::ui::timeline::lines(timeline, &model, &theme))
        .wrap(Wrap { trim: false });
    let width = u16::try_from(shown[0].chars().count()).unwrap();
    let total = whole.line_count(width);
    assert_eq!(max, total - shown.len(), "j stops at the timeline's end");
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, u16::try_from(total).unwrap()));
    whole.render(buffer.area, &mut buffer);
    let rows: Vec<String> = buffer
        .content
        .chunks(usize::from(width))
        .map(|row| row.iter().map(|cell| cell.symbol()).collect())
        .collect();
    for offset in 0..=max {
        view.item_scroll = u16::try_from(offset).unwrap();
        assert_eq!(
            panel(&screen_text(&model, &mut view)),
            rows[offset..offset + shown.len()],
            "scrolled {offset} rows"
        );
    }
}

/// The Verslag item says which minutes it is about and how to scroll them, naming no pupil.
#[test]
fn the_previous_minutes_item_names_the_meeting_they_are_of() {
    for (lang, expected) in [
        (
            Lang::Nl,
            "Vergadering 17 van di 03-11-2026, 14 casussen. Het verslag staat hieronder: j/k en PgUp/PgDn scrollen.",
        ),
        (
            Lang::En,
            "Meeting 17 of Tue 03-11-2026, 14 cases. The minutes are below: j/k and PgUp/PgDn scroll.",
        ),
    ] {
        let model = at_item(lang, |kind| matches!(kind, AgendaKind::PreviousMinutes));
        let screen = screen_of(&model, &View::default(), 160, 48, theme::DEFAULT);
        let shown: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(shown.contains(expected), "{screen}");
    }
}

/// The texts of the Dutch catalog that English says otherwise, and the Dutch names of the
/// phases: none may be on an English screen.
fn dutch_phrases() -> Vec<String> {
    fn walk(value: serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => out.push(text),
            serde_json::Value::Array(items) => items.into_iter().for_each(|i| walk(i, out)),
            serde_json::Value::Object(fields) => fields.into_values().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let texts = |lang: Lang| {
        let mut out = Vec::new();
        walk(serde_json::to_value(lang.texts()).unwrap(), &mut out);
        out
    };
    let english = texts(Lang::En);
    let phases = crate::domain::PhaseModel::default();
    let mut dutch: Vec<String> = texts(Lang::Nl)
        .into_iter()
        // One word of the catalog ("evaluatie") is also a word of what people typed; a phrase
        // of it is otter's own.
        .filter(|nl| nl.trim().contains(' '))
        .chain(
            phases
                .phases()
                .iter()
                .map(|phase| phase.name.get(Lang::Nl).clone()),
        )
        // Short texts are no evidence; nor is one an English text holds too.
        .filter(|nl| nl.chars().count() >= 6 && !english.iter().any(|en| en.contains(nl.as_str())))
        .collect();
    dutch.sort();
    dutch.dedup();
    dutch
}

/// Where a Dutch pseudonym ("Leerling KR-17") is on the line, if any.
fn dutch_pseudonym(line: &str) -> Option<String> {
    let word = crate::domain::case::PSEUDONYM_WORD;
    line.match_indices(word).find_map(|(at, _)| {
        let rest: String = line[at..]
            .chars()
            .take_while(|c| *c != '│' && *c != ',' && *c != '·')
            .collect();
        let candidate: String = rest
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        crate::domain::case::pseudonym_code(&candidate)
            .is_some()
            .then_some(candidate)
    })
}

/// `--lang en` is complete on the meeting screens: every screen and overlay of the meeting, at
/// both sizes, holds no text of the Dutch catalog, no Dutch phase name, no Dutch pseudonym and
/// no "groep" beside a name. What the demo's people typed (notes, hulpvragen) stays as typed,
/// which is why the scan is for the catalog's phrases rather than for Dutch words at large.
#[test]
fn every_meeting_screen_in_english_has_no_dutch_text_of_otter() {
    let dutch = dutch_phrases();
    assert!(dutch.len() > 200, "{}", dutch.len());
    assert!(dutch.contains(&"Beeldvorming".to_string()), "a phase");
    let screens: Vec<_> = screens(Lang::En)
        .into_iter()
        .filter(|(name, ..)| name.starts_with("meeting"))
        .collect();
    assert!(screens.len() >= 17, "{}", screens.len());
    let mut pseudonyms = 0;
    for (name, model, view) in &screens {
        for (width, height) in SIZES {
            let text = screen_of(model, view, width, height, theme::DEFAULT);
            for line in text.lines() {
                let found: Vec<&String> = dutch
                    .iter()
                    .filter(|nl| line.contains(nl.as_str()))
                    .collect();
                assert!(
                    found.is_empty(),
                    "{name} {width}x{height}: {found:?} in\n{text}"
                );
                assert_eq!(
                    dutch_pseudonym(line),
                    None,
                    "{name} {width}x{height}:\n{text}"
                );
                assert!(
                    !line.contains(" · groep "),
                    "{name} {width}x{height}:\n{text}"
                );
            }
            pseudonyms += text.matches("Pupil ").count();
        }
    }
    assert!(
        pseudonyms > 50,
        "the English pseudonyms are on screen: {pseudonyms}"
    );
}

#[test]
fn a_pseudonym_is_shown_in_the_screen_s_language_and_nothing_else_is_changed() {
    let en = Lang::En.texts();
    let nl = Lang::Nl.texts();
    assert_eq!(en.pseudonym("Leerling KR-17"), "Pupil KR-17");
    assert_eq!(nl.pseudonym("Leerling KR-17"), "Leerling KR-17");
    for other in [
        "Leerling verhuisd",
        "Leerling K-",
        "Leerling k-17",
        "S.d.V.",
        "Leerling KK-1",
    ] {
        assert_eq!(en.pseudonym(other), other);
    }
    assert_eq!(
        dutch_pseudonym("│ 4 Leerling AD-24   0/15│"),
        Some("Leerling AD-24".into())
    );
    assert_eq!(dutch_pseudonym("│ Leerling verhuisd │"), None);
}

/// The rows the meeting's item is drawn in are the rows `View::fit` says a page has, at any
/// window size: PgDn moves by what the screen shows.
#[test]
fn the_item_is_drawn_in_the_rows_a_page_has() {
    let (model, mut view) = after(on_case(Lang::Nl), vec![]);
    for (width, height) in [(80, 24), (120, 40), (200, 61)] {
        let screen = crate::ui::tests::frame(&model, &mut view, width, height, theme::DEFAULT);
        // The item is the right-hand panel: its inner rows end in its border.
        let inner = screen.lines().filter(|line| line.ends_with('│')).count();
        assert_eq!(
            inner,
            usize::from(view.fit.rows),
            "{width}x{height}\n{screen}"
        );
    }
}
