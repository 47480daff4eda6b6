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
