//! Hostile input at growing sizes: every shape of `treem_conformance::hostile` at 1×, 2×, 4×
//! and 8× its base size, run in process (validation, profile loading, schedule loading,
//! consolidation) and timed. Prints, per shape, the input size and time at 1× and the ratio of
//! each doubling's time to the one before: about 2 for linear time, 4 for quadratic. Ratios,
//! not times, are what to compare: machines are noisy (each time is the median of its runs).
//!
//! Run: `cargo bench -p treem-cli --bench hostile` (add `-- NAME` for one shape, `-- --quick`
//! for 1× and 2× only).

use std::time::Instant;

use treem_conformance::hostile::{SHAPES, run};

/// The median time of running `input` at least 3 times and for at least 0.2 s, in seconds.
fn time(input: &treem_conformance::hostile::Input) -> f64 {
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < 3 || (started.elapsed().as_secs_f64() < 0.2 && samples.len() < 50) {
        let t = Instant::now();
        std::hint::black_box(run(std::hint::black_box(input)));
        samples.push(t.elapsed().as_secs_f64());
    }
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let quick = args.iter().any(|a| a == "--quick");
    let only: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let factors: &[usize] = if quick { &[1, 2] } else { &[1, 2, 4, 8] };
    println!(
        "{:<28} {:>10} {:>10} {}",
        "shape",
        "size 1×",
        "time 1×",
        factors
            .windows(2)
            .map(|w| format!("{:>8}", format!("{}×/{}×", w[1], w[0])))
            .collect::<String>()
    );
    for shape in SHAPES {
        if !only.is_empty() && !only.iter().any(|o| **o == shape.name) {
            continue;
        }
        let mut times = Vec::new();
        let mut size = 0;
        for &f in factors {
            let input = (shape.make)(shape.base * f);
            if f == 1 {
                size = input.len();
            }
            times.push(time(&input));
        }
        let ratios: String = times
            .windows(2)
            .map(|w| format!("{:>8.2}", w[1] / w[0]))
            .collect();
        println!(
            "{:<28} {:>7.0} KB {:>7.1} ms {ratios}",
            shape.name,
            size as f64 / 1000.0,
            times[0] * 1000.0
        );
    }
}
