//! Pack loading and per-record evaluation, measured apart: a pack compiles once, then
//! evaluates any number of records.

use criterion::{Criterion, black_box, criterion_group, criterion_main};

const RECORD: &str = include_str!("../fixtures/record-md-example.yaml");

fn load(c: &mut Criterion) {
    c.bench_function("load and check the city edition", |b| {
        b.iter(|| banfa::embedded::default_pack().expect("city edition checks"));
    });
}

fn evaluate(c: &mut Criterion) {
    let pack = banfa::embedded::default_pack().expect("city edition checks");
    let source = banfa::Source::new("record-md-example.yaml", RECORD);
    let facts = banfa::record::load(&source, &pack).expect("fixture loads");
    let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 30).expect("date");
    c.bench_function("evaluate one record with explanations", |b| {
        b.iter(|| banfa::eval::evaluate(black_box(&pack), black_box(&facts), as_of));
    });
    c.bench_function("load one record (YAML to facts)", |b| {
        b.iter(|| banfa::record::load(black_box(&source), &pack).expect("fixture loads"));
    });
}

criterion_group!(benches, load, evaluate);
criterion_main!(benches);
