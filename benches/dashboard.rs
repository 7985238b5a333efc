//! `otter` start to the first complete dashboard frame: open the store, build the start screen
//! as `otter` does (`app::first_screen`: the lists and who I am) and draw it once into a
//! TestBackend. Uses the large demo school when
//! `OTTER_BENCH_LARGE` names its data directory, else a fresh school-sized one.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::today;
use criterion::{Criterion, criterion_group, criterion_main};
use otter::app::core::keymap::Keymap;
use otter::app::{Settings, first_screen};
use otter::domain::PhaseModel;
use otter::i18n::Lang;
use otter::store::Store;
use otter::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Opened, loaded, drawn: the time each took.
fn first_frame(dir: &Path, width: u16, height: u16) -> [Duration; 3] {
    let start = Instant::now();
    let store = Store::open(dir).unwrap();
    let opened = start.elapsed();
    let settings = Settings {
        lang: Lang::Nl,
        today: today(),
        theme: None,
        demo: false,
        lock_after: 0,
        monitoring: otter::monitoring::Settings::default(),
    };
    let (model, view) = first_screen(&store, &PhaseModel::default(), &settings).unwrap();
    let loaded = start.elapsed();
    let theme = Theme::builtin("donker").unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            otter::ui::render(frame, &model, &view, &theme, &Keymap::default());
        })
        .unwrap();
    let drawn = start.elapsed();
    [opened, loaded - opened, drawn - loaded]
}

fn start_to_dashboard(c: &mut Criterion) {
    let demo = common::demo();
    let (label, dir) = (demo.label, &demo.dir);
    // Where the time goes, which criterion's summary does not say: medians of each part.
    let parts: Vec<[Duration; 3]> = (0..15).map(|_| first_frame(dir, 160, 48)).collect();
    let median = |i: usize| common::spread(parts.iter().map(|p| p[i])).median;
    eprintln!(
        "{label}: open {:?}, dashboard query {:?}, first frame {:?} (medians)",
        median(0),
        median(1),
        median(2)
    );
    let mut group = c.benchmark_group(label);
    group.sample_size(20);
    for (width, height) in [(80, 24), (160, 48)] {
        group.bench_function(format!("start to dashboard frame {width}x{height}"), |b| {
            b.iter(|| first_frame(dir, width, height))
        });
    }
    group.finish();
}

criterion_group!(benches, start_to_dashboard);
criterion_main!(benches);
