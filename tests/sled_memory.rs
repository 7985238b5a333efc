//! The vendored sled's ninth change (vendor/README.md): without metrics, sled's metrics hold
//! nothing. They are some 40 histograms of 512 KB each, which every open made and zeroed
//! (21 MB) for nothing. The one test of this binary, so that the allocator below counts only
//! its allocations, and the first open of this process, which makes sled's metrics.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use tempfile::TempDir;

struct Counting;

/// Bytes allocated and not yet freed, and the most of them since `peak_during` began.
static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn allocated(bytes: usize) {
    let now = HELD.fetch_add(bytes, Ordering::SeqCst) + bytes;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

fn freed(bytes: usize) {
    HELD.fetch_sub(bytes, Ordering::SeqCst);
}

// SAFETY: every call goes to the system allocator unchanged; only the sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            allocated(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            allocated(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        freed(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            freed(layout.size());
            allocated(new_size);
        }
        moved
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The most bytes `run` held at once beyond what was held before it.
fn peak_during(run: impl FnOnce()) -> usize {
    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    run();
    PEAK.load(Ordering::SeqCst).saturating_sub(before)
}

const MB: usize = 1024 * 1024;

#[test]
fn an_open_makes_no_metrics() {
    let dir = TempDir::new().unwrap();
    let held = peak_during(|| {
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        db.insert(b"key", b"value".as_slice()).unwrap();
        assert_eq!(db.get(b"key").unwrap().unwrap(), b"value".as_slice());
    });
    // A small database's open holds 7 MB at most with no metrics, 27 MB with them.
    assert!(held < 12 * MB, "{} KB held at once", held / 1024);
}
