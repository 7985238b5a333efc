//! Every monitoring figure of a school year (issue 14: under 100 ms on the large school): read
//! the digests of the cases, actions and meetings and the "niet besproken" index from an open
//! store, compute, and apply disclosure control. Also measured apart: the share of that
//! time spent reading the store, the time of each phase, and what walking each tree the
//! figures read before the digests costs. Wall time and this thread's CPU time are both
//! printed: on a shared machine the wall clock mostly measures the other processes. Uses the
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

/// The CPU time this thread has used, where the platform tells it.
fn cpu() -> Option<Duration> {
    #[cfg(unix)]
    {
        let mut spec = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_gettime writes one timespec, which lives on this stack frame.
        let done = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut spec) };
        (done == 0).then(|| {
            Duration::new(
                u64::try_from(spec.tv_sec).unwrap_or(0),
                u32::try_from(spec.tv_nsec).unwrap_or(0),
            )
        })
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Wall and CPU time since `start`.
#[derive(Clone, Copy)]
struct Clock {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu(),
        }
    }

    /// The time since the last lap, and a new start.
    fn lap(&mut self) -> [Duration; 2] {
        let now = Clock::start();
        let spent = [
            now.wall - self.wall,
            now.cpu
                .zip(self.cpu)
                .map_or(Duration::ZERO, |(now, then)| now - then),
        ];
        *self = now;
        spent
    }
}

const PHASES: [&str; 4] = ["read", "compute", "report", "cases behind"];

/// Each phase's wall and CPU time: read the digests, compute (the routes and the figures),
/// report (disclosure control), and the screen's lists of the cases behind each figure.
fn all_figures(store: &Store, milestones: &Milestones, period: Period) -> [[Duration; 2]; 4] {
    let settings = Settings::default();
    let mut clock = Clock::start();
    let input = query::monitoring::input(store).unwrap();
    let read = clock.lap();
    // As the screen does: the routes once, for the figures and the lists behind them.
    let routes = monitoring::Routes::of(&input, milestones);
    let figures = routes.figures(settings, period, today());
    let compute = clock.lap();
    black_box(report::report(&figures));
    let report = clock.lap();
    black_box(routes.behind(settings, period, today()));
    let behind = clock.lap();
    [read, compute, report, behind]
}

/// How long reading one tree takes: the records walked and skipped, and read whole.
fn tree<R: otter::store::Record + serde::de::DeserializeOwned>(store: &Store, name: &str) {
    let mut clock = Clock::start();
    let n = store
        .all_as::<R, serde::de::IgnoredAny>()
        .map(Result::unwrap)
        .count();
    let [walked, walked_cpu] = clock.lap();
    black_box(store.all::<R>().map(Result::unwrap).count());
    let [whole, whole_cpu] = clock.lap();
    eprintln!(
        "  {name}: {n} records, walked {walked:.1?} (cpu {walked_cpu:.1?}), \
         read whole {whole:.1?} (cpu {whole_cpu:.1?})"
    );
}

fn stats(c: &mut Criterion) {
    let demo = common::demo();
    let label = demo.label;
    let store = Store::open(&demo.dir).unwrap();
    tree::<otter::domain::Case>(&store, "cases");
    tree::<otter::domain::CaseEvent>(&store, "events");
    tree::<otter::domain::Meeting>(&store, "meetings");
    tree::<otter::domain::Action>(&store, "actions");
    // What reading the store is spent on: each kind of digest and the index, apart.
    let reads: [(&str, &dyn Fn()); 4] = [
        ("case digests", &|| {
            drop(black_box(store.case_histories().unwrap()))
        }),
        ("action digests", &|| {
            drop(black_box(store.action_digests().unwrap()))
        }),
        ("meeting digests", &|| {
            drop(black_box(store.meeting_digests().unwrap()))
        }),
        ("niet besproken", &|| {
            drop(black_box(store.passed_by().unwrap()))
        }),
    ];
    for (name, read) in reads {
        let spent = common::spread((0..7).map(|_| {
            let mut clock = Clock::start();
            read();
            clock.lap()[1]
        }));
        eprintln!("  reading {name}: cpu {:.1?} (median of 7)", spent.median);
    }
    let milestones = Milestones::of(&PhaseModel::default());
    let period = Period::school_year(Period::school_year_of(today()) - 1).unwrap();
    let runs: Vec<[[Duration; 2]; 4]> = (0..15)
        .map(|_| all_figures(&store, &milestones, period))
        .collect();
    for (clock, name) in [(0, "wall"), (1, "cpu")] {
        // Every phase, the cases behind included: the screen reads them with the figures.
        let total = |run: &[[Duration; 2]; 4]| run.iter().map(|phase| phase[clock]).sum();
        let totals = common::spread(runs.iter().map(total));
        let read = common::spread(runs.iter().map(|run| run[0][clock])).median;
        let phases: Vec<String> = PHASES
            .iter()
            .enumerate()
            .map(|(at, phase)| {
                let median = common::spread(runs.iter().map(|run| run[at][clock])).median;
                format!("{phase} {median:.1?}")
            })
            .collect();
        eprintln!(
            "{label} ({name}): all figures {:.1?} (median of 15), of which reading the store \
             {read:.1?} ({:.0}%), best {:.1?}, worst {:.1?}; medians by phase: {}",
            totals.median,
            100.0 * read.as_secs_f64() / totals.median.as_secs_f64().max(f64::EPSILON),
            totals.best,
            totals.worst,
            phases.join(", "),
        );
    }
    // The whole screen as `M` loads it: the figures, the lists behind them, and each listed
    // case read with its pupil to be named or not.
    let screen = common::spread((0..7).map(|_| {
        let mut clock = Clock::start();
        black_box(
            query::monitoring::screen(
                &store,
                &PhaseModel::default(),
                Settings::default(),
                period,
                today(),
            )
            .unwrap(),
        );
        clock.lap()[1]
    }));
    eprintln!(
        "{label}: the monitoring screen's load, cpu {:.1?} (median of 7)",
        screen.median
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
