//! A pack test file against the demo pack of `tests/packs/demo`:
//! `banfa::properties::pack_test`.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static DEMO: LazyLock<std::path::PathBuf> =
    LazyLock::new(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/packs/demo"));

static PACK: LazyLock<banfa::Pack> =
    LazyLock::new(|| banfa::embedded::load_dir(&DEMO).expect("the demo pack checks"));

fuzz_target!(|data: &[u8]| banfa::properties::pack_test(&PACK, &DEMO, data));
