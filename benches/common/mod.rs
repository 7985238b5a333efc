//! What the benches measure on: the large demo school when `OTTER_BENCH_LARGE` names its data
//! directory (made once with `otter demo --scale large`), else a fresh school-sized one.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use otter::store::Store;
use tempfile::TempDir;

/// The day the demo schools are made for.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real day")
}

/// The data directory, and the temporary school that must live as long as it is used.
pub struct Demo {
    pub dir: PathBuf,
    pub label: &'static str,
    _school: Option<TempDir>,
}

pub fn demo() -> Demo {
    // An empty value means none: a store opened at "" would land in the working directory.
    match std::env::var("OTTER_BENCH_LARGE")
        .ok()
        .filter(|dir| !dir.is_empty())
    {
        Some(dir) => Demo {
            dir: PathBuf::from(dir),
            label: "large",
            _school: None,
        },
        None => {
            let school = TempDir::new().expect("a temporary directory");
            let store = Store::open(school.path()).expect("a fresh store");
            otter::demo::fill(&store, otter::demo::Scale::School, today()).expect("the demo");
            Demo {
                dir: school.path().to_path_buf(),
                label: "school",
                _school: Some(school),
            }
        }
    }
}

/// The spread of timed samples, for the figures criterion's summary does not give.
// Each bench is its own crate and prints only some of these.
#[allow(dead_code)]
#[derive(Clone, Copy)]
pub struct Spread {
    pub best: Duration,
    pub median: Duration,
    pub p99: Duration,
    pub worst: Duration,
}

pub fn spread(samples: impl IntoIterator<Item = Duration>) -> Spread {
    let mut sorted: Vec<Duration> = samples.into_iter().collect();
    assert!(!sorted.is_empty(), "a spread of no samples");
    sorted.sort();
    Spread {
        best: sorted[0],
        median: sorted[sorted.len() / 2],
        p99: sorted[sorted.len() * 99 / 100],
        worst: sorted[sorted.len() - 1],
    }
}
