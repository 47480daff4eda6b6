//! Instruction counts (gungraun, under valgrind's callgrind) of the library stages, rows 1
//! to 7 of issue 11's table. One call per benchmark; whatever a stage needs is made by its
//! `setup`, outside the count. `benches/processes.rs` counts whole `banfa` processes;
//! `.ci/bench-check` runs both and compares them with `benches/instructions.baseline.tsv`.
//!
//! Run with `cargo bench --bench instructions` (needs `valgrind` and the `gungraun-runner`
//! of the version in `Cargo.lock`).

#[path = "peer/mod.rs"]
#[allow(
    dead_code,
    reason = "the rule ids of the floor serve the differential test"
)]
mod peer;

use std::hint::black_box;

use banfa::verdict::{Outcome, Status, Verdict};
use banfa::{Facts, Pack, Source};
use chrono::NaiveDate;
use gungraun::prelude::*;

const RECORD: &str = include_str!("../fixtures/record-md-example.yaml");
const RECORD_PATH: &str = "fixtures/record-md-example.yaml";

/// The generated peer record counted: it is in scope and its findings pass, fail, are
/// pending, unknown (an absent yes/no inside the quantifier over its three contracts) and
/// not applicable.
const PEER_RECORD: usize = 0;

fn city_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, 30).expect("a valid date")
}

/// Setup values live for the whole (one-shot) process, so a verdict can borrow them and be
/// returned, its drop left out of the count.
fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn city_pack() -> &'static Pack {
    leak(banfa::embedded::default_pack().expect("the city edition checks"))
}

fn city_record() -> (&'static Pack, &'static Source) {
    (city_pack(), leak(Source::new(RECORD_PATH, RECORD)))
}

fn city_record_json() -> (&'static Pack, &'static Source) {
    let json = include_str!("../fixtures/record-md-example.json");
    (
        city_pack(),
        leak(Source::new("fixtures/record-md-example.json", json)),
    )
}

fn city_facts() -> (&'static Pack, &'static Facts) {
    let (pack, source) = city_record();
    let facts = banfa::record::load(source, pack).expect("the fixture loads");
    (pack, leak(facts))
}

fn city_verdict() -> Verdict<'static> {
    let (pack, facts) = city_facts();
    banfa::eval::evaluate(pack, facts, city_as_of())
}

fn peer_outcomes_setup() -> (&'static Pack, &'static Facts, Vec<Outcome>) {
    let (pack, facts) = peer_facts();
    (pack, facts, Vec::with_capacity(pack.rules.len()))
}

fn peer_project() -> &'static peer::generate::Project {
    leak(peer::generate::records(PEER_RECORD + 1).swap_remove(PEER_RECORD))
}

fn peer_facts() -> (&'static Pack, &'static Facts) {
    let pack = leak(peer::pack());
    (pack, leak(peer::facts(pack, peer_project())))
}

// ------------------------------------------------------------------ library stages

// Row 1: evaluate, 10-rule peer set, full explained verdict.
#[library_benchmark]
#[bench::one_record(setup = peer_facts)]
fn peer_explained((pack, facts): (&'static Pack, &'static Facts)) -> Verdict<'static> {
    black_box(banfa::eval::evaluate(pack, facts, peer::as_of()))
}

// Row 1, the floor: the same record through the ten rules written by hand (outcomes only).
#[library_benchmark]
#[bench::one_record(setup = peer_project)]
fn peer_floor(project: &'static peer::generate::Project) -> [Outcome; 10] {
    black_box(peer::floor::outcomes(black_box(project), peer::as_of()))
}

// Row 2: evaluate, 10-rule peer set, outcomes only, into a buffer made by the setup (one
// buffer serves a whole batch).
#[library_benchmark]
#[bench::one_record(setup = peer_outcomes_setup)]
fn peer_outcomes(
    (pack, facts, mut outcomes): (&'static Pack, &'static Facts, Vec<Outcome>),
) -> (Status, Vec<Outcome>) {
    let status = banfa::eval::evaluate_outcomes(pack, facts, peer::as_of(), &mut outcomes);
    black_box((status, outcomes))
}

// Row 3: evaluate, city edition (32 rules), explained, the RECORD.md example as of 2021-06-30.
#[library_benchmark]
#[bench::record_md_example(setup = city_facts)]
fn city_explained((pack, facts): (&'static Pack, &'static Facts)) -> Verdict<'static> {
    black_box(banfa::eval::evaluate(pack, facts, city_as_of()))
}

// Row 4: `render::json` of that verdict.
#[library_benchmark]
#[bench::record_md_example(setup = city_verdict)]
fn city_json(verdict: Verdict<'static>) -> String {
    black_box(banfa::render::json(black_box(&verdict)))
}

// Row 5: `record::load` of the RECORD.md example (YAML).
#[library_benchmark]
#[bench::record_md_example(setup = city_record)]
fn record_load_yaml((pack, source): (&'static Pack, &'static Source)) -> Facts {
    black_box(banfa::record::load(black_box(source), pack).expect("the fixture loads"))
}

// Row 6: `record::load_json` of the same record as JSON.
#[library_benchmark]
#[bench::record_md_example(setup = city_record_json)]
fn record_load_json((pack, source): (&'static Pack, &'static Source)) -> Facts {
    black_box(banfa::record::load_json(black_box(source), pack).expect("the fixture loads"))
}

// Row 7: load and check the city edition.
#[library_benchmark]
fn city_pack_load() -> Pack {
    black_box(banfa::embedded::default_pack().expect("the city edition checks"))
}

library_benchmark_group!(
    name = library_stages,
    benchmarks = [
        peer_explained,
        peer_floor,
        peer_outcomes,
        city_explained,
        city_json,
        record_load_yaml,
        record_load_json,
        city_pack_load
    ]
);

main!(library_benchmark_groups = library_stages);
