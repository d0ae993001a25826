//! Consolidation at scale: 10,000 generated reports, consolidated by the `treem` binary with one
//! thread and with two, plus a quarter of them, and 10,000 files from the embedded profile's 23
//! reporters, in one run. Prints throughput, the speed-up of
//! two threads over one (a ratio: machines are noisy) and peak memory, which must follow the
//! number of reporters and stay far below the size of the inputs.
//!
//! Run: `cargo bench -p treem-cli --bench consolidate` (add `-- 2000` for fewer reports; set
//! `TREEM_BENCH_KEEP=1` to keep the generated folder for a closer look).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use treem::{Profile, ReporterDef};

/// A profile like the embedded one, with `n` synthetic district-level reporters.
fn synthetic_profile(n: usize) -> Profile {
    let mut profile = Profile::default_profile().clone();
    let template: ReporterDef = profile
        .reporters
        .iter()
        .find(|r| r.id == "540")
        .cloned()
        .expect("district 540 in the embedded profile");
    profile.id = "bench-10000".into();
    profile.reporters = (0..n)
        .map(|i| ReporterDef {
            id: format!("b{i:05}"),
            name: format!("Ủy ban nhân dân đơn vị thử số {i}"),
            unit: None,
            ..template.clone()
        })
        .collect();
    profile
}

struct Run {
    files: usize,
    reporters: usize,
    jobs: usize,
    seconds: f64,
    peak_mib: Option<f64>,
}

fn consolidate(dir: &Path, profile: &Path, jobs: usize, files: usize, reporters: usize) -> Run {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_treem"))
        .args([
            "consolidate",
            dir.to_str().unwrap(),
            "--profile",
            profile.to_str().unwrap(),
        ])
        .args([
            "--kind",
            "half_year",
            "--as-of",
            "2024-05-20",
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .args(["--jobs", &jobs.to_string()])
        .output()
        .expect("run treem consolidate");
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let done: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(
        done["completeness"]["valid"], reporters,
        "every reporter has a valid report"
    );
    assert_eq!(done["completeness"]["inputs"], files);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak_mib = stderr
        .split("peak memory ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok());
    Run {
        files,
        reporters,
        jobs,
        seconds,
        peak_mib,
    }
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let root = std::env::temp_dir().join(format!("treem-bench-consolidate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let profile = synthetic_profile(n);
    let profile_path = root.join("profile.json");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(&profile_path, serde_json::to_string(&profile).unwrap()).unwrap();

    // All reports, and a quarter of them in a folder of their own.
    let (all, quarter) = (root.join("all"), root.join("quarter"));
    std::fs::create_dir_all(&all).unwrap();
    std::fs::create_dir_all(&quarter).unwrap();
    let started = Instant::now();
    let mut bytes = 0;
    for (i, reporter) in profile.reporters.iter().enumerate() {
        let report = treem::sample::example(&profile, "half_year", &reporter.id, i as u64)
            .expect("generate")
            .to_json_pretty();
        bytes += report.len();
        let dirs: &[&PathBuf] = if i % 4 == 0 {
            &[&all, &quarter]
        } else {
            &[&all]
        };
        for dir in dirs {
            std::fs::write(dir.join(format!("{}.json", reporter.id)), &report).unwrap();
        }
    }
    println!(
        "generated {n} reports ({:.1} MiB) in {:.1} s",
        bytes as f64 / 1048576.0,
        started.elapsed().as_secs_f64()
    );

    // The same number of files from the embedded profile's 23 reporters: every file but the
    // last of each reporter is a duplicate, so memory should follow the 23, not the files.
    let same = root.join("same-23");
    std::fs::create_dir_all(&same).unwrap();
    let embedded = Profile::default_profile();
    for i in 0..n {
        let reporter = &embedded.reporters[i % embedded.reporters.len()];
        let report = treem::sample::example(embedded, "half_year", &reporter.id, i as u64)
            .expect("generate")
            .to_json_pretty();
        std::fs::write(same.join(format!("{i:05}.json")), report).unwrap();
    }
    let embedded_path = root.join("embedded.json");
    std::fs::write(&embedded_path, serde_json::to_string(embedded).unwrap()).unwrap();

    let runs = [
        consolidate(&quarter, &profile_path, 1, n.div_ceil(4), n.div_ceil(4)),
        consolidate(&all, &profile_path, 1, n, n),
        consolidate(&all, &profile_path, 2, n, n),
        consolidate(&same, &embedded_path, 2, n, embedded.reporters.len()),
    ];
    println!("\nfiles   reporters   threads   seconds   files/s   peak memory");
    for r in &runs {
        println!(
            "{:>6}   {:>9}   {:>7}   {:>7.2}   {:>7.0}   {}",
            r.files,
            r.reporters,
            r.jobs,
            r.seconds,
            r.files as f64 / r.seconds,
            r.peak_mib
                .map_or_else(|| "n/a".to_owned(), |m| format!("{m:.0} MiB"))
        );
    }
    println!(
        "\ntwo threads / one thread, throughput: {:.2}x",
        runs[1].seconds / runs[2].seconds
    );
    if let (Some(a), Some(b)) = (runs[3].peak_mib, runs[2].peak_mib) {
        println!(
            "peak memory, {} files from {} reporters: {a:.0} MiB, against {b:.0} MiB from {} reporters",
            runs[3].files, runs[3].reporters, runs[2].reporters
        );
    }
    if let (Some(a), Some(b)) = (runs[0].peak_mib, runs[1].peak_mib) {
        println!(
            "peak memory, {} files / {} files: {:.2}x for {:.1}x the files ({:.1} MiB of input)",
            runs[1].files,
            runs[0].files,
            b / a,
            runs[1].files as f64 / runs[0].files as f64,
            bytes as f64 / 1048576.0
        );
    }
    if std::env::var_os("TREEM_BENCH_KEEP").is_some() {
        println!("kept the generated reports in {}", root.display());
    } else {
        let _ = std::fs::remove_dir_all(&root);
    }
}
