//! The memory half of the slow-input check, per input: a global allocator
//! that counts the bytes Rust code holds, so that a target can check the peak
//! one input needs against issue 20's bound (10 times the input plus 60 MB
//! for the whole process; the process holds 11 MB before any input, so the
//! input's own share is 10 times the input plus 48 MiB here). libFuzzer's
//! `-rss_limit_mb` sees the whole process, corpus included, so it only catches
//! far larger excesses; this catches the input that breaks the bound.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

pub struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = CURRENT.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as the new block and the old one together, as a moving
            // realloc briefly holds both.
            grew(new_size);
            CURRENT.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

const MIB: usize = 1 << 20;

/// Issue 20's bound on what one input of `len` bytes may add to the heap.
pub fn bound(len: usize) -> usize {
    10 * len + 48 * MIB
}

/// Runs `f` and fails (a libFuzzer crash, with this message) when the heap
/// grew past `bound(len)` at any point while it ran. The environment variable
/// FUZZ_HEAP=1 prints each input's peak, to measure.
pub fn check<T>(len: usize, f: impl FnOnce() -> T) -> T {
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let out = f();
    let peak = PEAK.load(Relaxed).saturating_sub(base);
    if std::env::var_os("FUZZ_HEAP").is_some() {
        eprintln!(
            "heap: {len} bytes of input, peak {:.1} MiB (bound {:.0} MiB)",
            peak as f64 / MIB as f64,
            bound(len) as f64 / MIB as f64
        );
    }
    assert!(
        peak <= bound(len),
        "memory bound: {len} bytes of input took {:.1} MiB of heap (issue 20 allows 10 times the input plus 48 MiB: {:.1} MiB)",
        peak as f64 / MIB as f64,
        bound(len) as f64 / MIB as f64
    );
    out
}
