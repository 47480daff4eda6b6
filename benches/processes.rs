//! Instruction counts (gungraun, under valgrind's callgrind) of whole `banfa` processes,
//! rows 8 to 10 of issue 11's table: the release binary, start-up to exit, one run each.
//! `benches/instructions.rs` counts the library stages; `.ci/bench-check` runs both and
//! compares them with `benches/instructions.baseline.tsv`.
//!
//! Run with `cargo bench --bench processes` (needs `valgrind` and the `gungraun-runner` of
//! the version in `Cargo.lock`).

use std::path::PathBuf;

use gungraun::prelude::*;

const RECORD: &str = include_str!("../fixtures/record-md-example.yaml");
const RECORD_PATH: &str = "fixtures/record-md-example.yaml";
const AS_OF: &str = "2021-06-30";

/// Records in the batch of row 9.
const BATCH: usize = 200;

fn banfa() -> gungraun::Command {
    gungraun::Command::new(env!("CARGO_BIN_EXE_banfa"))
}

// Row 8: `banfa evaluate` of one record, the whole process (start-up, pack, record, text).
#[binary_benchmark]
#[bench::record_md_example()]
fn evaluate_one() -> gungraun::Command {
    banfa()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["evaluate", RECORD_PATH, "--as-of", AS_OF])
        .stdout(gungraun::Stdio::Null)
        .build()
}

/// Where the batch of row 9 is written.
fn batch_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("instructions-batch")
}

/// The batch's file names, relative to [`batch_dir`] (the command runs there, so the
/// count does not depend on where the checkout is).
fn batch_files(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("record-{i:04}.yaml")).collect()
}

/// Units the batch's records belong to: records of one unit are each other's other projects
/// (the city edition's relation for 第十六条), so a batch of one unit would measure the
/// unit's size rather than one more record.
const UNITS: usize = 20;

/// The example's unit, replaced by one of [`UNITS`].
const UNIT: &str = "荆州市城市管理执法委员会";

/// Writes [`BATCH`] records: the RECORD.md example, each with its own id, over [`UNITS`]
/// units.
fn write_batch() {
    let dir = batch_dir();
    std::fs::create_dir_all(&dir).expect("the batch directory can be made");
    for (i, name) in batch_files(BATCH).iter().enumerate() {
        let text = RECORD
            .replacen("id: JZ-2020-014", &format!("id: JZ-BATCH-{i:04}"), 1)
            .replacen(UNIT, &format!("荆州市第{}局", i % UNITS), 1);
        std::fs::write(dir.join(name), text).expect("a batch record can be written");
    }
}

// Row 9: batch YAML files → JSON Lines, the whole process. `one` and `two_hundred` differ
// only in the number of files: their difference over 199 is the cost of one more record.
#[binary_benchmark]
#[bench::one(args = (1), setup = write_batch())]
#[bench::two_hundred(args = (BATCH), setup = write_batch())]
fn batch_json(n: usize) -> gungraun::Command {
    banfa()
        .current_dir(batch_dir())
        .args(["evaluate", "--format", "json", "--as-of", AS_OF])
        .args(batch_files(n))
        .stdout(gungraun::Stdio::Null)
        .build()
}

/// The RECORD.md example as JSON, on one line.
const JSON_RECORD: &str = include_str!("../fixtures/record-md-example.json");

/// Writes `lines.jsonl`: [`BATCH`] records, the RECORD.md example, each with its own id,
/// over [`UNITS`] units.
fn write_jsonl() {
    let dir = batch_dir();
    std::fs::create_dir_all(&dir).expect("the batch directory can be made");
    let record: serde_json::Value = serde_json::from_str(JSON_RECORD).expect("JSON fixture");
    let line = record.to_string();
    let mut text = String::new();
    for i in 0..BATCH {
        let line = line
            .replacen("JZ-2020-014", &format!("JZ-BATCH-{i:04}"), 1)
            .replacen(UNIT, &format!("荆州市第{}局", i % UNITS), 1);
        text.push_str(&line);
        text.push('\n');
    }
    std::fs::write(dir.join("lines.jsonl"), text).expect("the JSON Lines can be written");
}

// Row 10: batch JSON Lines in → JSON Lines out, the whole process: 200 records on the lines
// of one file.
#[binary_benchmark]
#[bench::two_hundred(setup = write_jsonl())]
fn batch_jsonl() -> gungraun::Command {
    banfa()
        .current_dir(batch_dir())
        .args([
            "evaluate",
            "--format",
            "json",
            "--as-of",
            AS_OF,
            "lines.jsonl",
        ])
        .stdout(gungraun::Stdio::Null)
        .build()
}

binary_benchmark_group!(
    name = processes,
    benchmarks = [evaluate_one, batch_json, batch_jsonl]
);

main!(binary_benchmark_groups = processes);
