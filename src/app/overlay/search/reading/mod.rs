//! The search index read beside the screen's loop. A large school's index takes seconds to
//! read; read on the loop, the screen froze for them. The loop takes `Effect::LoadSearch` out
//! of the effects (`take`) and a thread reads the index from a second, read-only open of the
//! database (`Store::reader`, with the screen's key), so the loop owns its store alone and may
//! reopen it after a failed write meanwhile. What the thread read arrives as
//! `Message::SearchLoaded` with the `View::search_epoch` it was begun in (`arrived`), and
//! `search::loaded` drops it when a write came after.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use super::Loaded;
use crate::app::{Effect, Message, Model, View, update};
use crate::error::Result;
use crate::query::search::SearchIndex;
use crate::store::Store;

/// At most one reading at a time.
#[derive(Default)]
pub struct Reading {
    under_way: Option<UnderWay>,
    /// A reading beside failed (the database would not open to read, a thread would not
    /// start): from then on `apply` reads the index on the loop's own store, as it did before
    /// there was a thread, and reports what goes wrong there.
    failed: bool,
}

struct UnderWay {
    epoch: u64,
    /// Set when what it reads can no longer be used: it then stops early.
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Result<SearchIndex>>,
}

impl Reading {
    /// Takes `Effect::LoadSearch` out of `effects` and begins reading, unless a reading is under
    /// way: one begun before a write is stopped, and when it arrives `search::loaded` asks for
    /// the index again if the overlay still waits for it.
    pub fn take(&mut self, effects: &mut Vec<Effect>, view: &View, store: &Store) {
        self.stop_stale(view);
        if self.failed {
            return;
        }
        let before = effects.len();
        effects.retain(|effect| *effect != Effect::LoadSearch);
        if effects.len() == before || self.under_way.is_some() {
            return;
        }
        let reader = store.reader();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let began = std::thread::Builder::new()
            .name("otter-search".into())
            .spawn(move || {
                let store = reader.open()?;
                store.read(|store| SearchIndex::load_until(store, &stopped))
            });
        match began {
            Ok(thread) => {
                self.under_way = Some(UnderWay {
                    epoch: view.search_epoch,
                    stop,
                    thread,
                });
            }
            Err(_) => {
                self.failed = true;
                effects.push(Effect::LoadSearch);
            }
        }
    }

    /// Once the reading is done: what the index's arrival asks for (nothing, or the index
    /// again when it was read before a write). A reading that failed asks for it again, to be
    /// read on the loop's store.
    pub fn arrived(&mut self, model: &mut Model, view: &mut View) -> Vec<Effect> {
        self.stop_stale(view);
        if !self
            .under_way
            .as_ref()
            .is_some_and(|reading| reading.thread.is_finished())
        {
            return Vec::new();
        }
        let Some(UnderWay { epoch, thread, .. }) = self.under_way.take() else {
            return Vec::new();
        };
        // A reader that panicked is a bug: it surfaces as one, not as an empty search.
        match thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        {
            Ok(index) => {
                let index = Arc::new(index);
                update(model, view, Message::SearchLoaded(Loaded { index, epoch }))
            }
            Err(_) => {
                self.failed = true;
                match (
                    view.overlays.is_open(crate::app::OverlayKind::Search),
                    &view.search_index,
                ) {
                    (true, None) => vec![Effect::LoadSearch],
                    _ => Vec::new(),
                }
            }
        }
    }

    /// A reading begun before a write reads what can no longer be used: it stops early.
    fn stop_stale(&self, view: &View) {
        if let Some(reading) = &self.under_way
            && reading.epoch != view.search_epoch
        {
            reading.stop.store(true, Ordering::Relaxed);
        }
    }

    /// Whether a reading is under way: the loop then looks for it often.
    pub fn waiting(&self) -> bool {
        self.under_way.is_some()
    }
}

impl Drop for Reading {
    /// The screen closes: the reading stops and is waited for, so that no reader holds the
    /// database when it is rewritten as otter closes (an erasure's purge, which on Windows
    /// cannot move a folder with a file open in it).
    fn drop(&mut self) {
        if let Some(reading) = self.under_way.take() {
            reading.stop.store(true, Ordering::Relaxed);
            let _ = reading.thread.join();
        }
    }
}

#[cfg(test)]
mod tests;
