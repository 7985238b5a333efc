//! Every monitoring figure of a school year (issue 14: under 100 ms on the large school): read
//! the case histories, meetings and actions from an open store, compute, and apply disclosure
//! control. Also measured apart: the share of that time spent reading the store. Uses the
//! large demo school when `OTTER_BENCH_LARGE` names its data directory, else a fresh
//! school-sized one.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::today;
use criterion::{Criterion, criterion_group, criterion_main};
use otter::domain::PhaseModel;
use otter::monitoring::{self, Milestones, Period, Settings, report};
use otter::query;
use otter::store::Store;

/// Read and computed: the time each took.
fn all_figures(store: &Store, milestones: &Milestones, period: Period) -> [Duration; 2] {
    let start = Instant::now();
    let input = query::monitoring::input(store).unwrap();
    let read = start.elapsed();
    let figures = monitoring::compute(&input, milestones, Settings::default(), period, today());
    black_box(report::report(&figures));
    [read, start.elapsed() - read]
}

fn stats(c: &mut Criterion) {
    let demo = common::demo();
    let label = demo.label;
    let store = Store::open(&demo.dir).unwrap();
    let milestones = Milestones::of(&PhaseModel::default());
    let period = Period::school_year(Period::school_year_of(today()) - 1).unwrap();
    let parts: Vec<[Duration; 2]> = (0..15)
        .map(|_| all_figures(&store, &milestones, period))
        .collect();
    let totals = common::spread(parts.iter().map(|p| p[0] + p[1]));
    let read = common::spread(parts.iter().map(|p| p[0])).median;
    eprintln!(
        "{label}: all figures {:?} (median of 15), of which reading the store {:?} ({:.0}%), \
         best {:?}, worst {:?}",
        totals.median,
        read,
        100.0 * read.as_secs_f64() / totals.median.as_secs_f64(),
        totals.best,
        totals.worst,
    );
    let mut group = c.benchmark_group(label);
    group.sample_size(10);
    group.bench_function("all monitoring figures of a school year", |b| {
        b.iter(|| all_figures(&store, &milestones, period))
    });
    group.finish();
}

criterion_group!(benches, stats);
criterion_main!(benches);
