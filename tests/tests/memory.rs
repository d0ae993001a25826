//! Memory stays within a small multiple of the input: for every hostile shape of
//! `treem_conformance::hostile`, the peak heap while treem reads and checks the input (counted
//! by the `dhat` heap profiler, the same on any machine) is at most `Limits::MEMORY_PER_INPUT_BYTE` times the
//! input's size, beyond what treem holds for its smallest input of the same shape (the profile,
//! catalogue and calendar, read once).
//!
//! The input itself is allocated before counting starts: the multiple is what treem adds.

use treem_conformance::hostile::{SHAPES, run};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The most heap, per byte of input, that treem may hold at once beyond its fixed cost, as
/// documented (RULES.md, "Limits").
const MULTIPLE: usize = treem::Limits::MEMORY_PER_INPUT_BYTE;

/// The peak heap of running `input`, in bytes, counting only what the run allocates.
fn peak(input: &treem_conformance::hostile::Input) -> u64 {
    let profiler = dhat::Profiler::builder().testing().build();
    std::hint::black_box(run(input));
    let stats = dhat::HeapStats::get();
    drop(profiler);
    stats.max_bytes as u64
}

#[test]
fn every_hostile_shape_takes_memory_in_proportion_to_its_size() {
    // What is read once and kept (the embedded profile, the catalogue, the calendar) is read
    // before anything is counted.
    for shape in SHAPES {
        run(&(shape.make)(1));
    }
    let mut failures = Vec::new();
    println!(
        "{:<28} {:>10} {:>12} {:>12} {:>8}",
        "shape", "input", "fixed", "peak", "multiple"
    );
    for shape in SHAPES {
        let fixed = peak(&(shape.make)(1));
        let input = (shape.make)(shape.small * 4);
        let size = input.len() as u64;
        let peak = peak(&input);
        let multiple = peak.saturating_sub(fixed) as f64 / size as f64;
        println!(
            "{:<28} {:>7} KB {:>9} KB {:>9} KB {multiple:>8.2}",
            shape.name,
            size / 1000,
            fixed / 1000,
            peak / 1000
        );
        if multiple > MULTIPLE as f64 {
            failures.push(format!("{}: {multiple:.1}", shape.name));
        }
    }
    assert!(
        failures.is_empty(),
        "peak heap beyond the fixed cost above {MULTIPLE} times the input: {failures:?}"
    );
}
