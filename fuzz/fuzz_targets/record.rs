//! A project record, as bytes, against the embedded city edition: `banfa::properties::record`.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static PACK: LazyLock<banfa::Pack> =
    LazyLock::new(|| banfa::embedded::default_pack().expect("the city edition checks"));

fuzz_target!(|data: &[u8]| banfa::properties::record(&PACK, data));
