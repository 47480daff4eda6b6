//! A rule file, as bytes, added to the city edition's files:
//! `banfa::properties::rule_file`.
#![no_main]

use std::sync::LazyLock;

use banfa::Source;
use banfa::embedded::{DEFAULT_PACK, FILES};
use libfuzzer_sys::fuzz_target;

static CITY: LazyLock<Vec<Source>> = LazyLock::new(|| {
    FILES
        .iter()
        .filter(|(pack, _, _)| *pack == DEFAULT_PACK)
        .map(|(pack, file, text)| Source::new(format!("rules/{pack}/{file}"), *text))
        .collect()
});

fuzz_target!(|data: &[u8]| banfa::properties::rule_file(&CITY, data));
