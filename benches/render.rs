//! Keypress to finished frame on the meeting screen: `update` with "next item" and a full
//! render into a 160x48 TestBackend, with the store write it causes. Uses the large demo school
//! when `OTTER_BENCH_LARGE` names its data directory, else a fresh school-sized one.

mod common;

use std::time::{Duration, Instant};

use common::today;
use criterion::{Criterion, criterion_group, criterion_main};
use otter::app::core::keymap::Keymap;
use otter::app::{Command, Model, Screen, View, apply, update};
use otter::domain::PhaseModel;
use otter::i18n::Lang;
use otter::query::meeting;
use otter::store::Store;
use otter::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn keypress_to_frame(c: &mut Criterion) {
    let demo = common::demo();
    let dir = demo.dir.clone();
    let store = Store::open(&dir).unwrap();
    let phases = PhaseModel::default();
    let id = meeting::current_or_next(&store, today()).unwrap().unwrap();
    let mut model = Model {
        now: today().and_hms_opt(14, 30, 0).unwrap(),
        screen: Screen::Meeting,
        meeting: Some(meeting::load(&store, &phases, id, today()).unwrap()),
        ..Model::new(Lang::Nl, today(), phases.clone())
    };
    let mut view = View::default();
    let theme = Theme::builtin("donker").unwrap();
    let keymap = Keymap::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let items = model.meeting.as_ref().unwrap().meeting.agenda.len();
    // One press: the update and the store write it causes, then the frame; each part timed.
    let mut step = |model: &mut Model, view: &mut View| -> (Duration, Duration) {
        let start = Instant::now();
        let room = model.meeting.as_ref().unwrap();
        if room.meeting.current_item + 1 >= items {
            model.meeting.as_mut().unwrap().meeting.current_item = 0;
        } else {
            let effects = update(model, view, Command::NextItem);
            apply(&store, model, view, effects, today()).unwrap();
        }
        let saved = start.elapsed();
        terminal
            .draw(|frame| {
                otter::ui::render(frame, model, view, &theme, &keymap);
            })
            .unwrap();
        (saved, start.elapsed() - saved)
    };

    // Percentiles over single presses, which criterion's summary does not give.
    let mut presses = |model: &mut Model, view: &mut View, what: &str| {
        let (whole, drawn): (Vec<Duration>, Vec<Duration>) = (0..2_000)
            .map(|_| {
                let (saved, drawn) = step(model, view);
                (saved + drawn, drawn)
            })
            .unzip();
        let (whole, drawn) = (common::spread(whole), common::spread(drawn));
        eprintln!(
            "{}: keypress to frame over {items} agenda items, {what}: median {:?}, p99 {:?}; of which the frame: median {:?}, p99 {:?}",
            demo.label, whole.median, whole.p99, drawn.median, drawn.p99,
        );
    };
    presses(&mut model, &mut view, "private");
    // The same frames with the meeting open: the room sees them, so every frame also gets the
    // wall's pass over its cells (`ui::wall`), which masks pupils' names in typed text.
    let state = &mut model.meeting.as_mut().unwrap().meeting.state;
    let was = std::mem::replace(state, otter::domain::MeetingState::Open);
    presses(&mut model, &mut view, "presenting");
    model.meeting.as_mut().unwrap().meeting.state = was;
    c.bench_function("meeting: next item, saved and drawn", |b| {
        b.iter(|| step(&mut model, &mut view))
    });
}

/// `j` on the actions screen with every action listed (over 150 000 on the large school):
/// only the rows that fit are built, so a press costs the same as on a short list.
fn actions_keypress(c: &mut Criterion) {
    let demo = common::demo();
    let dir = demo.dir.clone();
    let store = Store::open(&dir).unwrap();
    let filter = otter::query::actions::Filter::default();
    let entries = otter::query::actions::entries(&store, &filter, today()).unwrap();
    let count = entries.len();
    let mut model = Model {
        now: today().and_hms_opt(14, 30, 0).unwrap(),
        screen: Screen::Actions,
        action_list: Some(otter::app::actions::ActionList {
            filter,
            entries,
            next_meeting: None,
            strays: false,
        }),
        ..Model::new(Lang::Nl, today(), PhaseModel::default())
    };
    let mut view = View::default();
    let theme = Theme::builtin("donker").unwrap();
    let keymap = Keymap::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut step = |model: &mut Model, view: &mut View| {
        let start = Instant::now();
        let action = if view.actions.selected + 1 >= count {
            Command::First
        } else {
            Command::Down
        };
        update(model, view, action);
        terminal
            .draw(|frame| {
                otter::ui::render(frame, model, view, &theme, &keymap);
            })
            .unwrap();
        start.elapsed()
    };
    let presses = common::spread((0..2_000).map(|_| step(&mut model, &mut view)));
    eprintln!(
        "{}: actions screen, j over {count} actions: median {:?}, p99 {:?}",
        demo.label, presses.median, presses.p99,
    );
    c.bench_function("actions: j, drawn", |b| {
        b.iter(|| step(&mut model, &mut view))
    });
}

criterion_group!(benches, keypress_to_frame, actions_keypress);
criterion_main!(benches);
