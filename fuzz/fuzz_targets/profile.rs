//! libFuzzer target: `treem_conformance::fuzz::profile`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| treem_conformance::fuzz::profile(data));
