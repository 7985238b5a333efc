//! What encryption at rest costs: the passphrase unlock (Argon2id at the parameters otter
//! stores, a deliberate cost), and reading the school with every value sealed against plain:
//! the start screen's figures and every record (what `/` reads at its first use).

use criterion::{Criterion, criterion_group, criterion_main};
use otter::domain::PhaseModel;
use otter::query::search::SearchIndex;
use otter::store::cipher::{KeySlot, SEALED_A, StoreCipher};
use otter::store::{Given, KdfParams, Passphrase, Store};
use tempfile::TempDir;

const PASSPHRASE: &str = "een zin van de ib'er";

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real day")
}

fn unlock(c: &mut Criterion) {
    let cipher = StoreCipher::generate(SEALED_A);
    let slot = KeySlot::new(PASSPHRASE, KdfParams::STANDARD, &cipher).expect("a key slot");
    let mut group = c.benchmark_group("unlock");
    group.sample_size(10);
    group.bench_function("passphrase to data key (Argon2id standard)", |b| {
        b.iter(|| slot.open(PASSPHRASE).expect("the right passphrase"))
    });
    group.finish();
}

/// The school filled, closed, opened again (unlocked, when sealed).
fn school(sealed: bool) -> (TempDir, Store) {
    let dir = TempDir::new().expect("a temporary directory");
    let mut unlock = Given::new(sealed.then_some(PASSPHRASE));
    unlock.params = KdfParams::STANDARD;
    let store = Store::open_with(dir.path(), &mut unlock).expect("a fresh store");
    otter::demo::fill(&store, otter::demo::Scale::School, today()).expect("the demo");
    drop(store);
    unlock.passphrase = sealed.then(|| Passphrase::new(PASSPHRASE.into()));
    let store = Store::open_with(dir.path(), &mut unlock).expect("opens again");
    (dir, store)
}

fn reading(c: &mut Criterion) {
    let mut group = c.benchmark_group("read school");
    group.sample_size(20);
    for sealed in [false, true] {
        let (_dir, store) = school(sealed);
        let label = if sealed { "sealed" } else { "plain" };
        group.bench_function(format!("start screen figures, {label}"), |b| {
            b.iter(|| {
                otter::query::dashboard::load(&store, &PhaseModel::default(), today())
                    .expect("the dashboard")
            })
        });
        group.bench_function(format!("every record, {label}"), |b| {
            b.iter(|| SearchIndex::load(&store).expect("the index"))
        });
    }
    group.finish();
}

/// One note-sized value (300 bytes) sealed and opened: the cost per record read.
fn one_value(c: &mut Criterion) {
    let cipher = StoreCipher::generate(SEALED_A);
    let plain = vec![b'n'; 300];
    let key = 812u64.to_be_bytes();
    let sealed = cipher.seal("notes", &key, &plain);
    let mut group = c.benchmark_group("one value");
    group.bench_function("seal 300 bytes", |b| {
        b.iter(|| cipher.seal("notes", &key, &plain))
    });
    group.bench_function("open 300 bytes", |b| {
        b.iter(|| cipher.open("notes", &key, &sealed).expect("opens"))
    });
    // The AEAD alone, for comparison: what otter adds (associated data, the format byte, wiping
    // the plain bytes) is the difference.
    {
        use chacha20poly1305::aead::{Aead, KeyInit, Payload};
        let raw = chacha20poly1305::XChaCha20Poly1305::new(&[7u8; 32].into());
        let nonce = [1u8; 24];
        let ct = raw
            .encrypt(
                &nonce.into(),
                Payload {
                    msg: &plain,
                    aad: b"notes",
                },
            )
            .unwrap();
        group.bench_function("raw xchacha open 300 bytes", |b| {
            b.iter(|| {
                raw.decrypt(
                    &nonce.into(),
                    Payload {
                        msg: &ct,
                        aad: b"notes",
                    },
                )
                .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, unlock, reading, one_value);
criterion_main!(benches);
