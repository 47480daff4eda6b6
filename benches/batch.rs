//! A reviewer's batch (issue 13): 10,000 records loaded, evaluated together (each with its
//! unit's other records as its relations' members) and rendered as JSON Lines, as `banfa
//! evaluate --format json DIR` does between reading the files and writing the output. YAML
//! and JSON records, on one core and on all (rayon, as the command line uses it). Criterion
//! reports records per second (`Throughput::Elements`).

use banfa::eval::{Batch, Member};
use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};
use rayon::prelude::*;

const RECORD: &str = include_str!("../fixtures/record-md-example.yaml");
const JSON_RECORD: &str = include_str!("../fixtures/record-md-example.json");
const RECORDS: usize = 10_000;

/// The example record 10,000 times over 1,000 units (ten projects each: each record has
/// nine other projects for 第十六条), each with its own id.
fn texts(template: &str) -> Vec<String> {
    (0..RECORDS)
        .map(|i| {
            template
                .replace("JZ-2020-014", &format!("B-{i:05}"))
                .replace(
                    "荆州市城市管理执法委员会",
                    &format!("荆州市第{}局", i % 1000),
                )
        })
        .collect()
}

/// Load, evaluate together, render: the bytes of the JSON Lines.
fn run(pack: &banfa::Pack, texts: &[String], json: bool) -> usize {
    let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 30).expect("date");
    let facts: Vec<banfa::Facts> = texts
        .par_iter()
        .map(|text| {
            let source = banfa::Source::new("record", text.as_str());
            let loaded = if json {
                banfa::record::load_json(&source, pack)
            } else {
                banfa::record::load(&source, pack)
            };
            loaded.expect("records load")
        })
        .collect();
    let members = facts
        .iter()
        .map(|facts| Member {
            facts,
            source: None,
        })
        .collect();
    let batch = Batch::new(pack, members);
    (0..batch.len())
        .into_par_iter()
        .map(|i| {
            let verdict = banfa::eval::evaluate_among(pack, &batch, i, as_of).expect("a record");
            banfa::render::json(&verdict).len() + 1
        })
        .sum()
}

fn batch(c: &mut Criterion) {
    let pack = banfa::embedded::default_pack().expect("city edition checks");
    let mut group = c.benchmark_group("batch of 10,000 records to JSON Lines");
    group.sample_size(10);
    group.throughput(Throughput::Elements(RECORDS as u64));
    for (format, template, json) in [("YAML", RECORD, false), ("JSON", JSON_RECORD, true)] {
        let texts = texts(template);
        for threads in [1, 0] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            let cores = if threads == 1 {
                "one core"
            } else {
                "all cores"
            };
            let id = BenchmarkId::new(format, cores);
            group.bench_function(id, |b| {
                b.iter(|| pool.install(|| run(&pack, black_box(&texts), json)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
