//! A unit judged by all its projects (第十六条(三)(四)): records of one unit evaluated
//! together are each other's "other projects" (`relation 本单位其他项目` of the city
//! edition). The records are `fixtures/portfolio/`, evaluated on 2021-06-30.

mod common;

use banfa::eval::{self, Batch, Member};
use banfa::record::Facts;
use banfa::verdict::{Outcome, RecordSource, Status, Verdict};
use banfa::{Pack, Source, embedded};
use chrono::NaiveDate;

const NEW: &str = "fixtures/portfolio/new-declaration.yaml";
const STALLED: &str = "fixtures/portfolio/stalled-earlier-project.yaml";
const NOT_ACCEPTED: &str = "fixtures/portfolio/completed-not-accepted.yaml";
const OTHER_UNIT: &str = "fixtures/portfolio/other-unit.yaml";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, 30).expect("a date")
}

fn pack() -> Pack {
    embedded::default_pack().expect("the city edition checks")
}

fn text(path: &str) -> String {
    std::fs::read_to_string(path).expect("fixture is readable")
}

fn load(pack: &Pack, name: &str, yaml: &str) -> Facts {
    banfa::record::load(&Source::new(name, yaml), pack).expect("record loads")
}

/// The verdict of the first record, evaluated together with the others.
fn first_among<R>(records: &[(&str, String)], check: impl FnOnce(&Verdict) -> R) -> R {
    let pack = pack();
    let facts: Vec<Facts> = records
        .iter()
        .map(|(name, yaml)| load(&pack, name, yaml))
        .collect();
    let members = records
        .iter()
        .zip(&facts)
        .map(|((name, _), facts)| Member {
            facts,
            source: Some(RecordSource {
                file: name,
                line: None,
                sheet: None,
                row: None,
            }),
        })
        .collect();
    let batch = Batch::new(&pack, members);
    let verdict = eval::evaluate_among(&pack, &batch, 0, as_of()).expect("record 0");
    check(&verdict)
}

fn files(paths: &[&'static str]) -> Vec<(&'static str, String)> {
    paths.iter().map(|path| (*path, text(path))).collect()
}

fn outcome(verdict: &Verdict, rule: &str) -> Outcome {
    finding(verdict, rule).outcome
}

fn finding<'v, 'a>(verdict: &'v Verdict<'a>, rule: &str) -> &'v banfa::verdict::Finding<'a> {
    verdict
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .expect("the rule is in force")
}

#[test]
fn alone_the_new_declaration_is_not_suspended() {
    let pack = pack();
    let facts = load(&pack, NEW, &text(NEW));
    let verdict = eval::evaluate(&pack, &facts, as_of());
    assert_eq!(verdict.status, Status::Compliant);
    assert_eq!(outcome(&verdict, "suspension.stalled"), Outcome::Pass);
    // Alone in its batch, the same verdict as evaluated alone.
    let alone = first_among(&files(&[NEW]), banfa::render::json);
    assert_eq!(alone, banfa::render::json(&verdict));
}

#[test]
fn a_stalled_project_of_the_unit_suspends_its_new_declaration() {
    first_among(&files(&[NEW, STALLED]), |verdict| {
        assert_eq!(verdict.status, Status::Suspended);
        let stalled = finding(verdict, "suspension.stalled");
        assert_eq!(stalled.outcome, Outcome::Fail);
        assert!(
            stalled.message.contains("JZ-2019-031") && stalled.message.contains("2020-06-30"),
            "{}",
            stalled.message
        );
        let decided = stalled.decided_by_record.expect("names the record");
        assert_eq!(decided.id, "JZ-2019-031");
        assert_eq!(decided.source.map(|s| s.file), Some(STALLED));
        assert_eq!(
            stalled.decided_by.map(|p| p.to_string()).as_deref(),
            Some("本单位其他项目[JZ-2019-031]")
        );
        let read: Vec<String> = stalled.facts.iter().map(|f| f.path.to_string()).collect();
        assert!(
            read.contains(&"本单位其他项目[JZ-2019-031].construction.planned_completion".into()),
            "{read:?}"
        );
        // The other trigger does not fire: the stalled project is not completed.
        assert_eq!(outcome(verdict, "suspension.not_accepted"), Outcome::Pass);
    });
}

#[test]
fn a_completed_project_not_accepted_suspends_the_unit() {
    first_among(&files(&[NEW, NOT_ACCEPTED]), |verdict| {
        assert_eq!(verdict.status, Status::Suspended);
        let finding = finding(verdict, "suspension.not_accepted");
        assert_eq!(finding.outcome, Outcome::Fail);
        assert_eq!(finding.decided_by_record.map(|r| r.id), Some("JZ-2019-040"));
        assert_eq!(outcome(verdict, "suspension.stalled"), Outcome::Pass);
    });
}

#[test]
fn acceptance_applied_for_or_a_trial_run_under_way_is_no_trigger() {
    let applied = text(NOT_ACCEPTED).replace(
        "finance:",
        "acceptance: { applied_on: 2021-01-15 }\nfinance:",
    );
    let trial = text(NOT_ACCEPTED).replace(
        "completed_on: 2020-11-30 }",
        "completed_on: 2020-11-30, trial_run_started_on: 2020-12-01 }",
    );
    let ended = trial.replace(
        "trial_run_started_on: 2020-12-01 }",
        "trial_run_started_on: 2020-12-01, trial_run_ended_on: 2021-03-01 }",
    );
    for (other, expected) in [
        (applied, Outcome::Pass),
        (trial, Outcome::Pass),
        (ended, Outcome::Fail),
    ] {
        let records = vec![(NEW, text(NEW)), (NOT_ACCEPTED, other)];
        first_among(&records, |verdict| {
            assert_eq!(outcome(verdict, "suspension.not_accepted"), expected);
        });
    }
}

#[test]
fn another_unit_or_another_jurisdiction_is_not_the_unit() {
    first_among(&files(&[NEW, OTHER_UNIT]), |verdict| {
        assert_eq!(verdict.status, Status::Compliant);
        assert_eq!(outcome(verdict, "suspension.stalled"), Outcome::Pass);
    });
    // The same unit name in a county is another unit.
    let county = text(STALLED).replace("jurisdiction: 荆州市本级", "jurisdiction: 公安县");
    first_among(&[(NEW, text(NEW)), (STALLED, county)], |verdict| {
        assert_eq!(outcome(verdict, "suspension.stalled"), Outcome::Pass);
    });
}

#[test]
fn a_copy_of_the_record_is_not_another_project() {
    // The stalled project given the new declaration's id: the same project twice, not the
    // unit's other project.
    let copy = text(STALLED).replace("id: JZ-2019-031", "id: JZ-2022-006");
    first_among(&[(NEW, text(NEW)), (STALLED, copy)], |verdict| {
        assert_eq!(outcome(verdict, "suspension.stalled"), Outcome::Pass);
    });
}

#[test]
fn an_other_project_that_may_be_late_leaves_the_trigger_unknown() {
    // In the annual plan, not completed, no reason on file, and no planned completion:
    // it may be a year late, so the new declaration's trigger is unknown, naming the field.
    let undated = text(STALLED).replace(", planned_completion: 2020-06-30", "");
    first_among(&[(NEW, text(NEW)), (STALLED, undated)], |verdict| {
        assert_eq!(verdict.status, Status::Undetermined);
        let stalled = finding(verdict, "suspension.stalled");
        assert_eq!(stalled.outcome, Outcome::Unknown);
        let missing: Vec<String> = stalled.missing.iter().map(ToString::to_string).collect();
        assert_eq!(
            missing,
            ["本单位其他项目[JZ-2019-031].construction.planned_completion"]
        );
    });
    // A stalled project among them decides it all the same.
    let undated = text(STALLED)
        .replace(", planned_completion: 2020-06-30", "")
        .replace("JZ-2019-031", "JZ-2019-099");
    let records = vec![
        (NEW, text(NEW)),
        (STALLED, undated),
        (STALLED, text(STALLED)),
    ];
    first_among(&records, |verdict| {
        let stalled = finding(verdict, "suspension.stalled");
        assert_eq!(stalled.outcome, Outcome::Fail);
        assert!(stalled.missing.is_empty());
        assert_eq!(stalled.decided_by_record.map(|r| r.id), Some("JZ-2019-031"));
    });
}

#[test]
fn a_day_short_of_a_year_late_is_no_trigger() {
    let later = text(STALLED).replace(
        "planned_completion: 2020-06-30",
        "planned_completion: 2020-07-01",
    );
    first_among(&[(NEW, text(NEW)), (STALLED, later)], |verdict| {
        assert_eq!(outcome(verdict, "suspension.stalled"), Outcome::Pass);
    });
}

#[test]
fn banfa_evaluate_judges_the_records_of_a_directory_together() {
    let output = common::neutral()
        .args(["evaluate", "--as-of", "2021-06-30", "--format", "json"])
        .arg("fixtures/portfolio")
        .output()
        .expect("banfa runs");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let verdicts: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let files: Vec<&str> = verdicts
        .iter()
        .filter_map(|v| v["source"]["file"].as_str())
        .collect();
    assert_eq!(
        files,
        [NOT_ACCEPTED, NEW, OTHER_UNIT, STALLED],
        "in the order of their paths"
    );
    let new = &verdicts[1];
    assert_eq!(new["status"], "suspended");
    assert_eq!(new["project"]["unit"], "荆州市城市管理执法委员会");
    assert_eq!(new["project"]["jurisdiction"], "荆州市本级");
    let stalled = new["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule"] == "suspension.stalled"))
        .expect("the finding");
    assert_eq!(stalled["decided_by_record"]["id"], "JZ-2019-031");
    assert_eq!(stalled["decided_by_record"]["source"]["file"], STALLED);
    // The other unit's project is judged by its own projects only.
    assert_eq!(
        verdicts[2]["findings"]
            .as_array()
            .and_then(|f| f.iter().find(|f| f["rule"] == "suspension.not_accepted"))
            .map(|f| f["outcome"].clone()),
        Some("pass".into())
    );
}

#[test]
fn a_finding_lists_the_fields_of_the_record_that_decided_it_only() {
    // The stalled rule reads every other record of the unit; passing, no record decided it,
    // so none of theirs is listed: a unit of n projects does not make each verdict list
    // n records' fields.
    first_among(&files(&[NEW, NOT_ACCEPTED, OTHER_UNIT]), |verdict| {
        let stalled = finding(verdict, "suspension.stalled");
        assert_eq!(stalled.outcome, Outcome::Pass);
        let peers: Vec<String> = stalled
            .facts
            .iter()
            .map(|f| f.path.to_string())
            .filter(|p| p.starts_with("本单位其他项目["))
            .collect();
        assert!(peers.is_empty(), "{peers:?}");
        let not_accepted = finding(verdict, "suspension.not_accepted");
        assert!(
            not_accepted
                .facts
                .iter()
                .all(|f| !f.path.to_string().contains("JZ-2019-077")),
            "the other unit's record is not read at all"
        );
    });
}

/// The city edition with two advisory rules that count the unit's other annual-plan
/// projects and ask whether all of them are completed: `count` and `all` over a relation.
fn pack_with_counting_rules() -> Pack {
    let mut sources: Vec<Source> = embedded::FILES
        .iter()
        .filter(|(pack, _, _)| *pack == embedded::DEFAULT_PACK)
        .map(|(pack, file, text)| Source::new(format!("rules/{pack}/{file}"), *text))
        .collect();
    sources.push(Source::new(
        "tests/portfolio-counting.banfa",
        r#"
advisory test.count cites 第十六条 {
  note when (count q in 本单位其他项目 where happened(q.approval.annual_plan_on)) >= 2
       says "本单位另有{count q in 本单位其他项目 where happened(q.approval.annual_plan_on)}个年度计划项目"
  note otherwise says "本单位其他年度计划项目少于两个"
}

advisory test.all cites 第十六条 {
  note when all q in 本单位其他项目 satisfy happened(q.construction.completed_on)
       says "本单位其他项目均已完成"
  note otherwise says "本单位有未完成的其他项目"
}
"#,
    ));
    embedded::compile(&sources).expect("the rules check")
}

fn message_of(pack: &Pack, records: &[&str], rule: &str) -> String {
    let facts: Vec<Facts> = records
        .iter()
        .map(|path| load(pack, path, &text(path)))
        .collect();
    let members = facts
        .iter()
        .map(|facts| Member {
            facts,
            source: None,
        })
        .collect();
    let batch = Batch::new(pack, members);
    let verdict = eval::evaluate_among(pack, &batch, 0, as_of()).expect("record 0");
    finding(&verdict, rule).message.to_string()
}

#[test]
fn count_and_all_quantify_over_a_relation_as_over_a_list() {
    let pack = pack_with_counting_rules();
    let both = [NEW, STALLED, NOT_ACCEPTED, OTHER_UNIT];
    assert_eq!(
        message_of(&pack, &both, "test.count"),
        "本单位另有2个年度计划项目"
    );
    assert_eq!(
        message_of(&pack, &both, "test.all"),
        "本单位有未完成的其他项目"
    );
    let one = [NEW, NOT_ACCEPTED];
    assert_eq!(
        message_of(&pack, &one, "test.count"),
        "本单位其他年度计划项目少于两个"
    );
    assert_eq!(
        message_of(&pack, &one, "test.all"),
        "本单位其他项目均已完成"
    );
    // Alone, the relation is empty: none to count, and all (of none) are completed.
    let alone = [NEW];
    assert_eq!(
        message_of(&pack, &alone, "test.count"),
        "本单位其他年度计划项目少于两个"
    );
    assert_eq!(
        message_of(&pack, &alone, "test.all"),
        "本单位其他项目均已完成"
    );
}
