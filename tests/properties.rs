//! The invariants of `banfa::properties`, on every `cargo test`: each runs on the
//! repository's own records and rule files and on variants of them made by small edits
//! (bytes flipped, removed or repeated, the DSL's and YAML's tokens inserted, lines cut
//! short). `fuzz/` runs the same invariants on arbitrary bytes for longer campaigns.

use banfa::Source;
use banfa::embedded::{self, FILES};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Tokens that make edits interesting: the DSL's keywords and punctuation, YAML's, and the
/// slips people make (full-width punctuation, huge numbers, impossible dates).
const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "\"\"\"",
    "#",
    ":",
    ",",
    "\n",
    "  ",
    "\t",
    "：",
    "，",
    "（",
    "）",
    "＝",
    " and ",
    " or ",
    " not ",
    " when ",
    " says ",
    " otherwise ",
    "pass ",
    "fail ",
    "pending ",
    "requirement ",
    "override ",
    "disable rule ",
    "between ",
    "let ",
    "due ",
    "happened(",
    " is present",
    " in ",
    "any p in ",
    "&a ",
    "*a",
    "!!str ",
    "---\n",
    "- ",
    "99999999999999999999999999999",
    "-1",
    "0",
    "2019-02-30",
    "0201-07-31",
    "9999-12-31",
    "true",
    "false",
    "null",
    "~",
    "荆州市",
    "新建项目",
    "'",
    "''",
    "|",
    ">",
    "? ",
    ": ",
    " #",
    "#",
    "\r",
    "\r\n",
    "\u{feff}",
    "...\n",
    "%",
    "@",
    "`",
    "\\",
    "-5",
    "- - ",
    "\n  - ",
    "\n    ",
    "：",
    "{plan_year}",
    "{{",
    "}}",
];

/// An edit to a text.
#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Remove(usize, usize),
    Insert(usize, usize),
    Repeat(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Remove(at, n)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, t)| Edit::Insert(at, t)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Edit::Repeat(at, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match *edit {
            Edit::Flip(at, b) => {
                if let Some(byte) = bytes.get_mut(at % len) {
                    *byte ^= b;
                }
            }
            Edit::Remove(at, n) => {
                let start = (at % len).min(bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Edit::Insert(at, t) => {
                let at = (at % len).min(bytes.len());
                let token = TOKENS.get(t).copied().unwrap_or("");
                bytes.splice(at..at, token.bytes());
            }
            Edit::Repeat(at, n) => {
                let start = (at % len).min(bytes.len());
                let end = (start + 16).min(bytes.len());
                let piece: Vec<u8> = bytes.get(start..end).unwrap_or_default().to_vec();
                let copies: Vec<u8> = piece
                    .iter()
                    .copied()
                    .cycle()
                    .take(piece.len() * n)
                    .collect();
                bytes.splice(end..end, copies);
            }
            Edit::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

fn files_in(dir: &str, extension: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(dir)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                out.push(std::fs::read(&path).expect("readable"));
            }
        }
    }
    out.sort();
    out
}

fn city_sources() -> Vec<Source> {
    FILES
        .iter()
        .filter(|(pack, _, _)| *pack == embedded::DEFAULT_PACK)
        .map(|(pack, file, text)| Source::new(format!("rules/{pack}/{file}"), *text))
        .collect()
}

/// The small pack whose tests and records `banfa test` is tested on.
const DEMO: &str = "tests/packs/demo";

fn config() -> Config {
    Config {
        cases: 96,
        failure_persistence: None,
        ..Config::default()
    }
}

#[test]
fn every_seed_holds_the_invariants() {
    let pack = embedded::default_pack().expect("city edition");
    for seed in files_in("fixtures", "yaml")
        .iter()
        .chain(&files_in("tests/bad-records", "yaml"))
    {
        banfa::properties::record(&pack, seed);
    }
    let demo = banfa::embedded::load_dir(std::path::Path::new(DEMO)).expect("demo pack");
    for seed in files_in("tests/packs/demo/tests", "yaml")
        .iter()
        .chain(&files_in("tests/packs/demo/broken", "yaml"))
    {
        banfa::properties::pack_test(&demo, std::path::Path::new(DEMO), seed);
    }
    let city = city_sources();
    for seed in files_in("rules", "banfa")
        .iter()
        .chain(&files_in("tests/broken-rules", "banfa"))
    {
        banfa::properties::rule_file(&city, seed);
        banfa::properties::fmt(seed);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn edited_records_load_or_are_diagnosed(seed in 0usize..1000, edits in prop::collection::vec(edit(), 1..6)) {
        thread_local! {
            static PACK: banfa::Pack = embedded::default_pack().expect("city edition");
            static SEEDS: Vec<Vec<u8>> = files_in("fixtures", "yaml");
        }
        let bytes = SEEDS.with(|seeds| apply(&seeds[seed % seeds.len()], &edits));
        PACK.with(|pack| banfa::properties::record(pack, &bytes));
    }

    #[test]
    fn edited_rule_files_check_or_are_diagnosed(seed in 0usize..1000, edits in prop::collection::vec(edit(), 1..6)) {
        thread_local! {
            static CITY: Vec<Source> = city_sources();
            static SEEDS: Vec<Vec<u8>> = files_in("rules", "banfa");
        }
        let bytes = SEEDS.with(|seeds| apply(&seeds[seed % seeds.len()], &edits));
        // A file of the city's own, edited, is added to the city's files: most edits repeat
        // its names, which is a diagnostic too.
        CITY.with(|city| banfa::properties::rule_file(city, &bytes));
        banfa::properties::fmt(&bytes);
    }

    #[test]
    fn edited_pack_tests_run_or_are_diagnosed(seed in 0usize..1000, edits in prop::collection::vec(edit(), 1..6)) {
        thread_local! {
            static DEMO_PACK: banfa::Pack =
                banfa::embedded::load_dir(std::path::Path::new(DEMO)).expect("demo pack");
            static SEEDS: Vec<Vec<u8>> = files_in("tests/packs/demo/tests", "yaml");
        }
        let bytes = SEEDS.with(|seeds| apply(&seeds[seed % seeds.len()], &edits));
        DEMO_PACK.with(|pack| banfa::properties::pack_test(pack, std::path::Path::new(DEMO), &bytes));
    }
}

proptest! {
    // Reading is cheap next to evaluating: many more edits.
    #![proptest_config(Config { cases: 1024, ..config() })]

    #[test]
    fn edited_records_read_alike_fast_and_in_full(seed in 0usize..1000, edits in prop::collection::vec(edit(), 1..6)) {
        thread_local! {
            static PACK: banfa::Pack = embedded::default_pack().expect("city edition");
            static SEEDS: Vec<Vec<u8>> = files_in("fixtures", "yaml")
                .into_iter()
                .chain(files_in("tests/bad-records", "yaml"))
                .collect();
        }
        let bytes = SEEDS.with(|seeds| apply(&seeds[seed % seeds.len()], &edits));
        PACK.with(|pack| banfa::properties::record_readings(pack, &bytes));
    }
}
