//! Whole-process timings of the quick look-ups: start, open the database, answer, exit.
//!
//! The school database is made fresh; the large one (10 000 pupils, 150 000 actions) takes a
//! while, so it is only measured when `OTTER_BENCH_LARGE` names a data directory (made once
//! with `otter --data-dir DIR demo --scale large`).

use std::path::Path;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

const TODAY: &str = "2026-11-23";

fn otter(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_otter"));
    cmd.args(args)
        .env("OTTER_DATA_DIR", dir)
        .env("OTTER_TODAY", TODAY);
    cmd
}

fn run(dir: &Path, args: &[&str]) {
    let output = otter(dir, args).output().expect("otter runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn look_ups(c: &mut Criterion, label: &str, dir: &Path) {
    let mut group = c.benchmark_group(label);
    group.sample_size(30);
    group.bench_function("actions --open", |b| {
        b.iter(|| run(dir, &["actions", "--open"]))
    });
    group.bench_function("actions --open --owner", |b| {
        b.iter(|| run(dir, &["actions", "--open", "--owner", "Fatma"]))
    });
    group.bench_function("search jan", |b| b.iter(|| run(dir, &["search", "jan"])));
    group.bench_function("pupils", |b| b.iter(|| run(dir, &["pupils"])));
    group.finish();
}

fn school(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().unwrap();
    run(dir.path(), &["demo"]);
    look_ups(c, "school", dir.path());
}

fn large(c: &mut Criterion) {
    // An empty value means none, as in the other benches.
    if let Some(dir) = std::env::var("OTTER_BENCH_LARGE")
        .ok()
        .filter(|dir| !dir.is_empty())
    {
        look_ups(c, "large", Path::new(&dir));
    }
}

criterion_group!(benches, school, large);
criterion_main!(benches);
