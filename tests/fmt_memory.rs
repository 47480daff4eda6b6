//! `banfa fmt` needs memory in proportion to the file, by a small factor (issue 9, item 15):
//! the heap's high-water mark while a large file is formatted and checked, counted by an
//! allocator of this test's own (hence a file of its own: one test, nothing beside it).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use banfa::Source;
use banfa::fmt::format_checked;

/// The system allocator, counting the bytes in use and their most.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's promises about `layout` are passed on.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(pointer, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Many short rules, dense in tokens: the shape that cost the most per byte.
fn large_file(rules: usize) -> String {
    (0..rules)
        .map(|i| {
            format!(
                "requirement r.n{i} cites 第八条 \"t\" {{\n  let a = [x, y, z] except b.c\n    pass when a.b > 1 and (c + 2) * d < 3 or not e\n says \"ok {{a}}\"\n  fail otherwise says \"no\"\n}}\n\n"
            )
        })
        .collect()
}

#[test]
fn formatting_a_large_file_needs_a_small_multiple_of_its_size() {
    let text = large_file(3_000);
    let source = Source::new("large.banfa", text.as_str());
    drop(text);
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let formatted = format_checked(&source).expect("formats");
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let ratio = peak as f64 / source.text().len() as f64;
    assert_ne!(formatted, source.text(), "the file was not formatted");
    eprintln!(
        "peak {peak} bytes for {} bytes: {ratio:.2}×",
        source.text().len()
    );
    // The formatted text, its copy in a `Source` and the result: three; the rest is one
    // declaration's parse at a time.
    assert!(
        ratio < 5.0,
        "{peak} bytes at most for a file of {}: {ratio:.1} times its size",
        source.text().len()
    );
}
