//! The fuzzing corpus replayed: every input in `fuzz/corpus/TARGET/` (the hostile inputs
//! found so far, the examples, and what libFuzzer adds through `scripts/fuzz`) runs through its
//! target's body, which panics only when treem panics or an invariant fails.

use treem_conformance::fuzz::TARGETS;

#[test]
fn every_corpus_input_runs_without_a_panic() {
    let root = treem_conformance::root().join("fuzz/corpus");
    let mut ran = 0;
    for (name, target) in TARGETS {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a readable entry").path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no corpus for {name}");
        for file in files {
            let data = std::fs::read(&file).expect("a readable corpus file");
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name}: {} panicked", file.display());
            ran += 1;
        }
    }
    println!("{ran} corpus inputs replayed");
}
