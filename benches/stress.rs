//! Hostile sizes, measured (tests/stress.rs runs the same shapes at sizes a debug build
//! affords): a unit with a million earlier projects, a pack of 100,000 rules, a rule of
//! 20,000 clauses, and a diff of two 16,000-line texts.

use criterion::{Criterion, black_box, criterion_group, criterion_main};

const RECORD: &str = include_str!("../fixtures/record-md-example.yaml");

/// The RECORD.md example with `n` earlier projects of the unit.
fn record_with_projects(n: usize) -> String {
    let mut text = RECORD.trim_end().to_owned();
    text.push_str("\n  projects:\n");
    for i in 0..n {
        text.push_str(&format!(
            "    - {{ id: P-{i}, planned_completion: 2019-12-31, completed_on: 2019-12-20, accepted_on: 2020-03-01 }}\n"
        ));
    }
    text
}

fn many_projects(c: &mut Criterion) {
    let pack = banfa::embedded::default_pack().expect("city edition checks");
    let text = record_with_projects(1_000_000);
    let source = banfa::Source::new("million.yaml", text.as_str());
    let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 30).expect("date");
    let mut group = c.benchmark_group("a million earlier projects");
    group.sample_size(10);
    group.bench_function("load", |b| {
        b.iter(|| banfa::record::load(black_box(&source), &pack).expect("loads"));
    });
    let facts = banfa::record::load(&source, &pack).expect("loads");
    group.bench_function("evaluate", |b| {
        b.iter(|| banfa::eval::evaluate(black_box(&pack), black_box(&facts), as_of));
    });
    group.finish();
}

const HEADER: &str = r#"
pack "压力测试" {
  edition   压力
  version   1.0
  effective 2020-01-01
  messages {
    not_applicable "不适用"
    out_of_scope   "范围外"
    retroactive    "{due}到期，早于{effective}"
    unknown        "缺少：{missing}"
  }
}
record {
  id    text required
  name  text required
  count integer between 0 and 1000000
}
article 第一条 "一" { text "条文一" }
"#;

fn large_packs(c: &mut Criterion) {
    let mut rules = HEADER.to_owned();
    for i in 0..100_000 {
        rules.push_str(&format!(
            "requirement r.n{i} cites 第一条 {{\n  pass when count > {i} says \"多\"\n  fail otherwise says \"少\"\n}}\n"
        ));
    }
    let mut clauses = HEADER.to_owned();
    clauses.push_str("requirement r.long cites 第一条 {\n");
    for i in 0..20_000 {
        clauses.push_str(&format!("  pass when count == {i} says \"是\"\n"));
    }
    clauses.push_str("  fail otherwise says \"否\"\n}\n");
    let mut group = c.benchmark_group("large packs");
    group.sample_size(10);
    group.bench_function("check 100,000 rules", |b| {
        let sources = [banfa::Source::new("rules.banfa", rules.as_str())];
        b.iter(|| banfa::embedded::compile(black_box(&sources)).expect("checks"));
    });
    group.bench_function("check a rule of 20,000 clauses", |b| {
        let sources = [banfa::Source::new("clauses.banfa", clauses.as_str())];
        b.iter(|| banfa::embedded::compile(black_box(&sources)).expect("checks"));
    });
    group.finish();
}

criterion_group!(benches, many_projects, large_packs);
criterion_main!(benches);
