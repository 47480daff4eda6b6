//! Pack loading and per-record evaluation, measured apart: a pack compiles once, then
//! evaluates any number of records. And the peer set of issue 11: banfa's explained verdict
//! against the same ten rules written by hand (`benches/peer`), per record, in one run.

use criterion::{Criterion, black_box, criterion_group, criterion_main};

#[path = "peer/mod.rs"]
#[allow(
    dead_code,
    reason = "the rule ids of the floor serve the differential test"
)]
mod peer;

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

/// Records the peer benches cycle through: each iteration evaluates the next one.
const PEER_RECORDS: usize = 1_000;

/// Per record, over the generated peer records: the hand-written floor (outcomes only),
/// banfa's full explained verdict and banfa's outcomes only. The README's ratios are
/// banfa's medians over the floor's.
fn peer_set(c: &mut Criterion) {
    let pack = peer::pack();
    let as_of = peer::as_of();
    let projects = peer::generate::records(PEER_RECORDS);
    let facts: Vec<banfa::Facts> = projects.iter().map(|p| peer::facts(&pack, p)).collect();
    let mut group = c.benchmark_group("peer set, one record");
    group.bench_function("hand-written floor", |b| {
        let mut next = projects.iter().cycle();
        b.iter(|| peer::floor::outcomes(black_box(next.next().expect("cycles")), as_of));
    });
    group.bench_function("banfa, explained verdict", |b| {
        let mut next = facts.iter().cycle();
        b.iter(|| banfa::eval::evaluate(&pack, black_box(next.next().expect("cycles")), as_of));
    });
    group.bench_function("banfa, outcomes only", |b| {
        let mut next = facts.iter().cycle();
        let mut outcomes = Vec::with_capacity(pack.rules.len());
        b.iter(|| {
            let facts = black_box(next.next().expect("cycles"));
            banfa::eval::evaluate_outcomes(&pack, facts, as_of, &mut outcomes)
        });
    });
    group.finish();
}

criterion_group!(benches, load, evaluate, peer_set);
criterion_main!(benches);
