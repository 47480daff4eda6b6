//! Inputs at sizes that expose quadratic cost. Each runs at a size CI affords in a debug
//! build; `benches/` measures the large sizes. None of these asserts a time: a quadratic
//! regression shows as a test that no longer finishes.

use banfa::Source;
use banfa::verdict::{Outcome, Status};
use chrono::NaiveDate;

/// The RECORD.md example with `n` earlier projects of the unit, all finished and accepted.
fn record_with_projects(n: usize) -> String {
    let base = std::fs::read_to_string("fixtures/record-md-example.yaml").expect("fixture");
    let mut text = base.trim_end().to_owned();
    text.push_str("\n  projects:\n");
    for i in 0..n {
        text.push_str(&format!(
            "    - {{ id: P-{i}, planned_completion: 2019-12-31, completed_on: 2019-12-20, accepted_on: 2020-03-01 }}\n"
        ));
    }
    text
}

#[test]
fn a_unit_with_fifty_thousand_earlier_projects_is_judged_in_linear_time() {
    let n = 50_000;
    let pack = banfa::embedded::default_pack().expect("city edition");
    let text = record_with_projects(n);
    let facts = banfa::record::load(&Source::new("many.yaml", text.as_str()), &pack)
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let as_of = NaiveDate::from_ymd_opt(2021, 6, 30).expect("date");
    let verdict = banfa::eval::evaluate(&pack, &facts, as_of);
    assert_eq!(verdict.status, Status::Compliant);
    let stalled = verdict
        .findings
        .iter()
        .find(|f| f.rule == "suspension.stalled")
        .expect("suspension.stalled");
    assert_eq!(stalled.outcome, Outcome::Pass);
    // Every element's fields were read, each listed once.
    let element_facts = stalled
        .facts
        .iter()
        .filter(|f| f.path.to_string().starts_with("unit_status.projects["))
        .count();
    assert!(element_facts >= n, "{element_facts} element facts");
    let mut paths: Vec<String> = stalled.facts.iter().map(|f| f.path.to_string()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), stalled.facts.len());
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

#[test]
fn a_pack_of_twenty_thousand_rules_checks_in_linear_time() {
    let mut text = HEADER.to_owned();
    for i in 0..20_000 {
        text.push_str(&format!(
            "requirement r.n{i} cites 第一条 {{\n  pass when count > {i} says \"多\"\n  fail otherwise says \"少\"\n}}\n"
        ));
    }
    let pack = banfa::embedded::compile(&[Source::new("many.banfa", text.as_str())])
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    assert_eq!(pack.rules.len(), 20_000);
}

#[test]
fn a_rule_of_ten_thousand_clauses_checks_in_linear_time() {
    let mut text = HEADER.to_owned();
    text.push_str("requirement r.long cites 第一条 {\n");
    for i in 0..10_000 {
        text.push_str(&format!("  pass when count == {i} says \"是{i}\"\n"));
    }
    // One repeat, found among ten thousand.
    text.push_str("  pass when count == 17 says \"重复\"\n  fail otherwise says \"否\"\n}\n");
    let Err(error) = banfa::embedded::compile(&[Source::new("long.banfa", text.as_str())]) else {
        panic!("the repeated condition is an error");
    };
    let rendered = format!("{:?}", miette::Report::new(error));
    assert!(rendered.contains("10020:13"), "{rendered}");
}
