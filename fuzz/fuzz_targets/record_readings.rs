//! A project record, as bytes, read by the fast YAML reader and the complete one against the
//! embedded city edition: `banfa::properties::record_readings`.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static PACK: LazyLock<banfa::Pack> =
    LazyLock::new(|| banfa::embedded::default_pack().expect("the city edition checks"));

fuzz_target!(|data: &[u8]| banfa::properties::record_readings(&PACK, data));
