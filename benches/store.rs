//! The cost of a persisted edit (record, indexes, search text, flush) and of a search pass.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use otter::domain::{CaseId, MeetingId, Note, NoteId};
use otter::store::Store;

fn persisted_note_edit(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut note = Note {
        id: NoteId(1),
        case: Some(CaseId(1)),
        phase: Some("beeldvorming".into()),
        meeting: Some(MeetingId(1)),
        agenda_item: Some(3),
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        text: String::new(),
    };
    let mut typed = 0u64;
    // One keystroke: the note grows by a character and is written through to disk.
    c.bench_function("note keystroke saved and flushed", |b| {
        b.iter(|| {
            typed += 1;
            note.text
                .push(if typed.is_multiple_of(7) { ' ' } else { 'ë' });
            if note.text.len() > 2_000 {
                note.text.clear();
            }
            store.save(&note).unwrap();
        })
    });
}

criterion_group!(benches, persisted_note_edit);
criterion_main!(benches);
