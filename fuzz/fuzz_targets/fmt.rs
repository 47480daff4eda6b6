//! A rule file through `banfa fmt`: `banfa::properties::fmt`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| banfa::properties::fmt(data));
