//! `/` search, keystroke to updated results: a realistic query typed letter by letter into the
//! open overlay (the `update` that searches, then the frame at 160x48), the index built at
//! the first `/`, and `otter search`'s one query read from the store (no index of the whole
//! school: only what the query fits is kept). Uses the large demo school when `OTTER_BENCH_LARGE` names its data directory,
//! else a fresh school-sized one.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::today;
use criterion::{Criterion, criterion_group, criterion_main};
use otter::app::core::keymap::Keymap;
use otter::app::{Command, Message, Model, View, update};
use otter::domain::PhaseModel;
use otter::i18n::Lang;
use otter::query::search::SearchIndex;
use otter::store::Store;
use otter::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a chair looks up between lessons: a name, a word of a hulpvraag, an action.
const QUERIES: [&str; 6] = [
    "sanne de vries",
    "celik",
    "logopedie",
    "gesprek met ouders",
    "zoe",
    "leesonderzoek aanvragen",
];

fn key(code: KeyCode) -> Message {
    Message::SearchKey(KeyEvent::new(code, KeyModifiers::NONE))
}

fn search(c: &mut Criterion) {
    let demo = common::demo();
    let dir = demo.dir.clone();
    let store = Store::open(&dir).unwrap();

    let builds = common::spread((0..5).map(|_| {
        let start = Instant::now();
        std::hint::black_box(SearchIndex::load(&store).unwrap());
        start.elapsed()
    }));
    let index = Arc::new(SearchIndex::load(&store).unwrap());
    eprintln!(
        "{}: index of {} entries built in: median {:?}, best {:?}",
        demo.label,
        index.len(),
        builds.median,
        builds.best
    );

    let mut model = Model {
        now: today().and_hms_opt(10, 15, 0).unwrap(),
        ..Model::new(Lang::Nl, today(), PhaseModel::default())
    };
    let mut view = View {
        search_index: Some(index),
        ..View::default()
    };
    let theme = Theme::builtin("donker").unwrap();
    let keymap = Keymap::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();

    // One query typed from an empty overlay: per key, the search and the frame, timed apart.
    let mut type_query = |model: &mut Model, view: &mut View, query: &str| {
        update(model, view, Command::Search);
        let mut times = Vec::new();
        for c in query.chars() {
            let start = Instant::now();
            update(model, view, key(KeyCode::Char(c)));
            let searched = start.elapsed();
            terminal
                .draw(|frame| {
                    otter::ui::render(frame, model, view, &theme, &keymap);
                })
                .unwrap();
            times.push((searched, start.elapsed()));
        }
        update(model, view, key(KeyCode::Esc));
        times
    };

    let rounds = 20;
    let typed: Vec<Vec<(Duration, Duration)>> = (0..rounds)
        .flat_map(|_| QUERIES)
        .map(|query| type_query(&mut model, &mut view, query))
        .collect();
    // By how many letters were typed: the second is the one pass over every entry.
    for letters in 2..=4 {
        let at = common::spread(
            typed
                .iter()
                .filter_map(|keys| keys.get(letters - 1).map(|(searched, _)| *searched)),
        );
        eprintln!(
            "letter {letters}: search median {:?}, max {:?}",
            at.median, at.worst
        );
    }
    let keys = typed.iter().map(Vec::len).sum::<usize>();
    let (searched, whole): (Vec<Duration>, Vec<Duration>) = typed.into_iter().flatten().unzip();
    let (searched, whole) = (common::spread(searched), common::spread(whole));
    eprintln!(
        "keystroke to results over {keys} keys: search median {:?}, p99 {:?}, max {:?}; with the frame: median {:?}, p99 {:?}, max {:?}",
        searched.median, searched.p99, searched.worst, whole.median, whole.p99, whole.worst,
    );
    c.bench_function("otter search: one query read from the store", |b| {
        b.iter(|| otter::query::search::search(&store, "jan", 20).unwrap())
    });
    // The slowest single key: the second letter, the first that searches, over everything.
    c.bench_function("search: second letter, every entry", |b| {
        b.iter(|| {
            update(&mut model, &mut view, Command::Search);
            update(&mut model, &mut view, key(KeyCode::Char('s')));
            update(&mut model, &mut view, key(KeyCode::Char('a')));
            update(&mut model, &mut view, key(KeyCode::Esc));
        })
    });
    c.bench_function("search: \"sanne de vries\" typed, key by key", |b| {
        b.iter(|| type_query(&mut model, &mut view, "sanne de vries"))
    });
}

criterion_group!(benches, search);
criterion_main!(benches);
