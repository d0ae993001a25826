//! Time grows linearly with input, whatever its shape: for every hostile shape of
//! `treem_conformance::hostile`, the instructions `treem` executes (counted by valgrind's
//! callgrind, the same on any machine, whatever else it is doing) beyond the fixed cost of a
//! run grow at most 6 times when the input grows 4 times (4 for linear time, less than 6 for
//! n log n, 16 for quadratic). A measure of steps, not of seconds: no timing is asserted.
//!
//! Needs valgrind (`apt-get install valgrind`; `.ci/run` and `scripts/test` install it).

use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use treem_conformance::hostile::{SHAPES, Shape};

/// The most the work beyond the fixed cost may grow when the input grows 4×: 4 for linear
/// time, up to 4·(1 + log 4 / log n) < 6 for n log n (n ≥ 16), 16 for quadratic time.
const LIMIT: f64 = 6.0;

/// Instructions executed by `treem args`, as callgrind counts them.
fn instructions(args: &[String]) -> u64 {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(env!("CARGO_BIN_EXE_treem"))
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("valgrind is needed for this test ({e}): apt-get install valgrind")
        });
    let log = String::from_utf8_lossy(&out.stderr);
    log.lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction count from valgrind:\n{log}"))
}

/// The instruction counts of one shape at its smallest (the fixed cost of starting `treem`
/// and loading what it always loads), at 1× and at 4× its small size, with the input's size.
fn counts(shape: &Shape, dir: &Path) -> (usize, u64, u64, u64) {
    let count = |n: usize, tag: &str| {
        let input = (shape.make)(n);
        let args = input
            .command(&dir.join(format!("{}-{tag}", shape.name)))
            .expect("inputs written");
        (input.len(), instructions(&args))
    };
    let (_, fixed) = count(1, "0");
    let (size, small) = count(shape.small, "1");
    let (_, large) = count(4 * shape.small, "4");
    (size, fixed, small, large)
}

#[test]
fn every_hostile_shape_takes_linear_time() {
    let dir = std::env::temp_dir().join(format!("treem-linear-{}", std::process::id()));
    // Shapes are independent: as many run at once as there are cores.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(shape) = SHAPES.get(i) else { break };
                    let measured = counts(shape, &dir);
                    results.lock().unwrap().push((i, measured));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    let _ = std::fs::remove_dir_all(&dir);

    let mut failures = Vec::new();
    println!(
        "{:<28} {:>10} {:>12} {:>12} {:>12} {:>6}",
        "shape", "size 1×", "fixed", "growth 1×", "growth 4×", "ratio"
    );
    for (i, (size, fixed, small, large)) in results {
        let name = SHAPES[i].name;
        let (small, large) = (small.saturating_sub(fixed), large.saturating_sub(fixed));
        let ratio = large as f64 / small.max(1) as f64;
        println!(
            "{name:<28} {:>7} KB {fixed:>12} {small:>12} {large:>12} {ratio:>6.2}",
            size / 1000
        );
        if ratio > LIMIT {
            failures.push(format!("{name}: {ratio:.2}"));
        }
    }
    assert!(
        failures.is_empty(),
        "more than n log n growth (instructions beyond the fixed cost, at 4× the size over 1×, \
         above {LIMIT}): {failures:?}"
    );
}
