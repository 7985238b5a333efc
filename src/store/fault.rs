//! Disk faults injected in tests: a store whose writes fail on demand as on a full disk
//! (ENOSPC) or a read-only one (EROFS), on every platform. After one injected failure the
//! store keeps failing every write until it is reopened, whatever the switch says by then,
//! as sled does after a real I/O error (it keeps the error, `set_global_error`): a caller
//! that only retries, without reopening, stays stuck, here as on a real disk.
//!
//! And reads that fail as on a store opened beside a writer that moved a page since
//! (`Store::read`): a blob file gone under it. Only a fresh open reads it again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// What the disk does to the next write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// No space left on the device.
    Full,
    /// The disk was remounted read-only.
    ReadOnly,
}

impl Fault {
    fn error(self) -> std::io::Error {
        match self {
            Fault::Full => std::io::ErrorKind::StorageFull.into(),
            Fault::ReadOnly => std::io::ErrorKind::ReadOnlyFilesystem.into(),
        }
    }

    fn code(fault: Option<Fault>) -> u8 {
        match fault {
            None => 0,
            Some(Fault::Full) => 1,
            Some(Fault::ReadOnly) => 2,
        }
    }

    fn of(code: u8) -> Option<Fault> {
        match code {
            1 => Some(Fault::Full),
            2 => Some(Fault::ReadOnly),
            _ => None,
        }
    }
}

/// The switch a test holds; a store reopened from a store keeps its switch.
#[derive(Debug, Clone, Default)]
pub struct Switch(Arc<AtomicU8>);

impl Switch {
    /// From now on writes fail with `fault`, or (with `None`) the disk is fine again.
    pub fn set(&self, fault: Option<Fault>) {
        self.0.store(Fault::code(fault), Ordering::SeqCst);
    }
}

/// One open store's side: the switch, and the error it keeps once one write failed.
#[derive(Debug, Default)]
pub(super) struct Faults {
    switch: Switch,
    kept: AtomicBool,
    kept_fault: AtomicU8,
    /// How many reads of this open still fail as a moved page.
    moved_reads: AtomicU32,
}

impl Faults {
    /// The faults of a store reopened from one with these: the same switch, no error kept.
    pub(super) fn reopened(&self) -> Faults {
        Faults {
            switch: self.switch.clone(),
            ..Faults::default()
        }
    }

    pub(super) fn switch(&self) -> Switch {
        self.switch.clone()
    }

    pub(super) fn move_pages(&self, reads: u32) {
        self.moved_reads.store(reads, Ordering::SeqCst);
    }

    /// Fails as a read of a page moved after this open, while `move_pages` says so.
    pub(super) fn check_read(&self) -> std::io::Result<()> {
        let moved = self
            .moved_reads
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
                left.checked_sub(1)
            });
        match moved {
            Ok(_) => Err(std::io::ErrorKind::NotFound.into()),
            Err(_) => Ok(()),
        }
    }

    /// Fails as the disk would: with the error kept from an earlier failure, else with the
    /// fault the switch is set to (and keeps it).
    pub(super) fn check(&self) -> std::io::Result<()> {
        if self.kept.load(Ordering::SeqCst) {
            let kept = Fault::of(self.kept_fault.load(Ordering::SeqCst));
            return Err(kept.unwrap_or(Fault::Full).error());
        }
        let code = self.switch.0.load(Ordering::SeqCst);
        match Fault::of(code) {
            None => Ok(()),
            Some(fault) => {
                self.kept_fault.store(code, Ordering::SeqCst);
                self.kept.store(true, Ordering::SeqCst);
                Err(fault.error())
            }
        }
    }
}

/// One sled database open in a data directory, counted while it lives: a test sees the most
/// opens of one directory the process held at once (`peak`).
#[derive(Debug)]
pub(super) struct Live(PathBuf);

/// The directories of the stores open now, and each directory's most at once.
struct Opens {
    live: Vec<PathBuf>,
    peaks: Vec<(PathBuf, usize)>,
}

fn opens() -> MutexGuard<'static, Opens> {
    static OPENS: Mutex<Opens> = Mutex::new(Opens {
        live: Vec::new(),
        peaks: Vec::new(),
    });
    OPENS.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Live {
    pub(super) fn new(dir: &Path) -> Live {
        let mut opens = opens();
        opens.live.push(dir.to_path_buf());
        let now = opens.live.iter().filter(|open| *open == dir).count();
        match opens.peaks.iter_mut().find(|(open, _)| open == dir) {
            Some((_, peak)) => *peak = (*peak).max(now),
            None => opens.peaks.push((dir.to_path_buf(), now)),
        }
        Live(dir.to_path_buf())
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let mut opens = opens();
        if let Some(at) = opens.live.iter().position(|dir| *dir == self.0) {
            opens.live.swap_remove(at);
        }
    }
}

/// The most stores over `dir` this process held open at once.
pub fn peak(dir: &Path) -> usize {
    opens()
        .peaks
        .iter()
        .find(|(open, _)| open == dir)
        .map_or(0, |(_, peak)| *peak)
}
