//! The monkey: random keys, pastes (100 KB, control characters, right-to-left text, emoji,
//! combining marks) and window sizes (1x1 to 400x120) through routing, `update`, the store
//! and `render` on a `TestBackend`. Nothing may panic, every frame stays inside its buffer,
//! the indexes keep agreeing with the records, and while a meeting is open no pupil is named
//! on screen but the one under discussion.
//!
//! `OTTER_MONKEY_SEQUENCES` (default 10,000) and `OTTER_MONKEY_SEED` make a longer or another
//! run; a failure names its seed and sequence.

use std::collections::HashMap;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::*;
use crate::domain::{PupilId, Showing};
use crate::store::Store;
use crate::testkit::app::model;
use crate::testkit::today;

/// With a meeting open, no pupil named in `text` but the one under discussion; whether there
/// was a meeting to check it against.
fn check(
    store: &Store,
    names: &HashMap<String, Vec<(PupilId, String)>>,
    text: &str,
    model: &Model,
    at: &dyn Fn() -> String,
) -> bool {
    let Some(allowed) = allowed(store, model) else {
        return false;
    };
    let named = named(text, names, &allowed);
    assert!(named.is_empty(), "names {named:?} at {}:\n{text}", at());
    true
}

/// xorshift64*: small, seeded, the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

#[derive(Debug, Clone)]
enum Event {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Tick,
}

const PIECES: &[&str] = &[
    "Zoë leest beter. ",
    "\x1b[2J\x1b]0;titel\x07",
    "\u{0}\u{7f}\u{9b}31m\r\n\t",
    "يوسف يقرأ جيدا ",
    "\u{202E}gnitset\u{202C} \u{2067}x\u{2069}",
    "👩‍👩‍👧‍👦🏳️‍🌈😀 ",
    "e\u{301}\u{302}\u{303}a\u{308}\u{20DD} ",
    "Z\u{36B}\u{33E}\u{363}a\u{353}\u{353}l\u{34E}g\u{317}o ",
    "\n\n",
    "ja",
    "nee",
    "anoniem",
    "2026-12-01",
    "vr",
];

fn paste(rng: &mut Rng, sequence: usize) -> String {
    // A 100 KB report now and then: the editor wraps the whole note at every key.
    if sequence % 500 == 7 && rng.below(4) == 0 {
        return "Verslag van de logopedist, regel voor regel overgenomen. ".repeat(1_800);
    }
    (0..1 + rng.below(6)).map(|_| *rng.pick(PIECES)).collect()
}

fn key(rng: &mut Rng) -> KeyEvent {
    const CODES: &[KeyCode] = &[
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::F(1),
        KeyCode::F(12),
    ];
    const CHARS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ?/:-.,é";
    let chars: Vec<char> = CHARS.chars().collect();
    match rng.below(10) {
        0..=2 => KeyEvent::new(*rng.pick(CODES), KeyModifiers::NONE),
        // Ctrl-b blanks; Ctrl-c quits, which ends the sequence.
        3 if rng.below(8) == 0 => {
            KeyEvent::new(KeyCode::Char(*rng.pick(&['b', 'c'])), KeyModifiers::CONTROL)
        }
        _ => KeyEvent::new(KeyCode::Char(*rng.pick(&chars)), KeyModifiers::NONE),
    }
}

fn size(rng: &mut Rng) -> (u16, u16) {
    if rng.below(8) == 0 {
        (1 + rng.below(400) as u16, 1 + rng.below(120) as u16)
    } else {
        (40 + rng.below(160) as u16, 10 + rng.below(50) as u16)
    }
}

fn event(rng: &mut Rng, sequence: usize) -> Event {
    match rng.below(20) {
        0 | 1 => Event::Paste(paste(rng, sequence)),
        2 | 3 => {
            let (width, height) = size(rng);
            Event::Resize(width, height)
        }
        4 => Event::Tick,
        _ => Event::Key(key(rng)),
    }
}

/// Each pupil's full names (with and without tussenvoegsel) by the last word of their
/// surname, so that a frame is scanned once, not once per pupil.
fn names_by_surname(store: &Store) -> HashMap<String, Vec<(PupilId, String)>> {
    let mut names: HashMap<String, Vec<(PupilId, String)>> = HashMap::new();
    for pupil in store.all::<crate::domain::Pupil>() {
        let pupil = pupil.unwrap();
        let Some(last) = pupil.last_name.split_whitespace().last() else {
            continue;
        };
        let entry = names.entry(last.to_string()).or_default();
        entry.push((pupil.id, pupil.full_name()));
        entry.push((
            pupil.id,
            format!("{} {}", pupil.first_name, pupil.last_name),
        ));
    }
    names
}

/// The pupils named in `text` but for `allowed`.
fn named(
    text: &str,
    names: &HashMap<String, Vec<(PupilId, String)>>,
    allowed: &[PupilId],
) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| names.get(word))
        .flatten()
        .filter(|(id, name)| !allowed.contains(id) && text.contains(name.as_str()))
        .map(|(_, name)| name.clone())
        .collect()
}

/// The pupils who may be named now: of the case under discussion, as the store and the
/// screen see it.
fn allowed(store: &Store, model: &Model) -> Option<Vec<PupilId>> {
    let Showing::Presenting { discussed } = crate::query::meeting::showing(store).unwrap() else {
        return None;
    };
    let on_screen = model
        .meeting
        .as_ref()
        .and_then(|room| room.current_case())
        .map(|brief| brief.case.pupil);
    let stored = discussed.and_then(|case| store.case(case).unwrap().map(|c| c.pupil));
    Some(on_screen.into_iter().chain(stored).collect())
}

/// Draws a frame of `width` by `height` on `terminal` (made anew when the size changed).
fn frame(
    terminal: &mut Terminal<TestBackend>,
    theme: &crate::ui::theme::Theme,
    model: &Model,
    view: &mut View,
    (width, height): (u16, u16),
) -> String {
    view.fit(width, height);
    let area = terminal.backend().buffer().area;
    if (area.width, area.height) != (width, height) {
        *terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    }
    let mut drawn = crate::app::Drawn::default();
    terminal
        .draw(|frame| drawn = crate::ui::render(frame, model, view, theme, &model.keymap))
        .unwrap();
    view.drawn(drawn);
    let buffer = terminal.backend().buffer();
    assert_eq!(
        (buffer.area.width, buffer.area.height, buffer.content.len()),
        (width, height, usize::from(width) * usize::from(height)),
        "drawn inside the frame"
    );
    buffer
        .content
        .chunks(usize::from(width))
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_monkey_breaks_nothing_and_names_no_other_pupil_while_a_meeting_is_open() {
    let sequences: usize = std::env::var("OTTER_MONKEY_SEQUENCES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = std::env::var("OTTER_MONKEY_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x07_7e_12);
    // A RAM disk where there is one: every save is flushed, and the monkey saves a lot.
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::TempDir::new_in(shm).unwrap()
    } else {
        tempfile::TempDir::new().unwrap()
    };
    let store = Store::open(dir.path()).unwrap();
    crate::demo::fill(&store, crate::demo::Scale::School, today()).unwrap();
    let names = names_by_surname(&store);
    assert!(!names.is_empty(), "the scan has names to look for");
    let mut start = model(0);
    start.dashboard = crate::query::dashboard::load(&store, &start.phases, today()).unwrap();
    start.export_dir = dir.path().join("exports");

    let theme = crate::ui::theme::Theme::builtin(crate::ui::theme::DEFAULT).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut rng = Rng(seed | 1);
    let mut events_run = 0;
    // Frames scanned with a meeting open: the privacy check must have run, not been skipped.
    let mut presenting_frames = 0;
    let (mut model, mut view) = (start.clone(), View::default());
    let (mut width, mut height) = size(&mut rng);
    for sequence in 0..sequences {
        // A sequence goes on from where the one before left the screen; now and then (and
        // after a quit) from the start screen as it is now, or the meeting opened as `v` does.
        if sequence % 32 == 0 {
            // The start screen read as otter starts: the presentation mode may be on by now.
            (model, view) = (start.clone(), View::default());
            let load = vec![Effect::LoadDashboard];
            apply(&store, &mut model, &mut view, load, today()).unwrap();
            if rng.below(2) == 1 {
                let first = update(&mut model, &mut view, Command::OpenMeeting);
                apply(&store, &mut model, &mut view, first, today()).unwrap();
            }
        }
        let mut seen = Vec::new();
        for _ in 0..1 + rng.below(8) {
            let event = event(&mut rng, sequence);
            seen.push(event.clone());
            let where_ = || format!("seed {seed}, sequence {sequence}: {seen:?}");
            let message = match event {
                Event::Key(key) => {
                    crate::app::core::route::route(&model, &view, &model.keymap, key)
                }
                Event::Paste(text) => Message::Paste(text),
                Event::Tick => Message::Tick,
                Event::Resize(w, h) => {
                    // Drawn at once at the new size, as the loop draws after a resize.
                    (width, height) = (w, h);
                    let text = frame(&mut terminal, &theme, &model, &mut view, (w, h));
                    presenting_frames += usize::from(check(&store, &names, &text, &model, &where_));
                    continue;
                }
            };
            view.fit(width, height);
            let effects = update(&mut model, &mut view, message);
            let flow = apply(&store, &mut model, &mut view, effects, today())
                .unwrap_or_else(|err| panic!("{err:?} at {}", where_()));
            events_run += 1;
            if flow == Flow::Quit {
                (model, view) = (start.clone(), View::default());
                apply(
                    &store,
                    &mut model,
                    &mut view,
                    vec![Effect::LoadDashboard],
                    today(),
                )
                .unwrap();
            }
        }
        // What the sequence left on screen, as the next frame shows it.
        let where_ = || format!("seed {seed}, sequence {sequence}: {seen:?}");
        let text = frame(&mut terminal, &theme, &model, &mut view, (width, height));
        presenting_frames += usize::from(check(&store, &names, &text, &model, &where_));
        if sequence % 1_000 == 999 {
            assert_eq!(
                store.index_drift().unwrap(),
                Vec::<String>::new(),
                "after sequence {sequence}"
            );
            // Every write the screen makes (a case, an action, a decision, a note, an edit,
            // a removal, an undo) writes the search texts of what it touched.
            assert_eq!(
                store.search_text_drift().unwrap(),
                Vec::<String>::new(),
                "search texts after sequence {sequence}"
            );
        }
    }
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
    assert_eq!(store.search_text_drift().unwrap(), Vec::<String>::new());
    assert!(
        sequences < 64 || presenting_frames > 0,
        "no frame was scanned with a meeting open"
    );
    eprintln!(
        "monkey: {sequences} sequences, {events_run} events, {presenting_frames} frames with a \
         meeting open, seed {seed}"
    );
}

/// Found by the monkey: with a meeting open before the start screen was loaded (otter started
/// again during a meeting), `/` on the start screen listed pupils by their full names on the
/// shared screen, as the search took the audience only from a meeting on screen.
#[test]
fn with_a_meeting_open_before_the_start_screen_loaded_the_search_names_no_pupil() {
    let (_dir, store, mut model) = super::school();
    let mut view = View::default();
    super::act(&store, &mut model, &mut view, Command::OpenMeeting);
    let mut model = super::model(0);
    model.dashboard = crate::query::dashboard::load(&store, &model.phases, today()).unwrap();
    let mut view = View::default();
    super::act(&store, &mut model, &mut view, Command::Search);
    for c in "an".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        super::send(&store, &mut model, &mut view, Message::SearchKey(key));
    }
    let text = crate::ui::tests::screen_of(&model, &view, 200, 50, "donker");
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Search),
        "{text}"
    );
    let allowed = allowed(&store, &model).expect("a meeting is open");
    let named = named(&text, &names_by_surname(&store), &allowed);
    assert!(named.is_empty(), "{named:?}\n{text}");
}
