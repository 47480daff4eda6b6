//! `banfa diff`: what one edition changes against another, in its declarations (the sample
//! editions in `rules/`) and in the verdict on a record; exit statuses and diagnostics.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use banfa::diff::{self, Change, Edition, PackDiff, Spec, VerdictDiff};
use banfa::embedded::Resolver;
use banfa::i18n::Lang;
use banfa::verdict::{Outcome, Status};
use chrono::NaiveDate;

// ------------------------------------------------------------ helpers

/// An edition as `banfa diff` names it: `NAME`, `NAME@VERSION` or a directory.
fn edition(name: &str) -> Edition {
    diff::load(&Resolver::default(), &Spec::from_arg(name), None)
        .unwrap_or_else(|e| panic!("{name}: {:?}", miette::Report::new(e)))
}

/// What B changes against A.
fn declarations(a: &str, b: &str) -> PackDiff {
    diff::declarations(&edition(a), &edition(b))
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// The record at `path` under A and under B, as of a date.
fn verdicts(a: &str, b: &str, path: &Path, as_of: &str) -> VerdictDiff {
    let bytes = std::fs::read(path).expect("the record reads");
    let name = path.display().to_string();
    diff::verdicts(
        &edition(a).pack,
        &edition(b).pack,
        &name,
        &bytes,
        date(as_of),
    )
    .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

/// Text and JSON snapshots of a diff; the JSON printed is the JSON snapshotted.
fn snapshot_declarations(name: &str, diff: &PackDiff) {
    insta::assert_snapshot!(format!("{name}_text"), diff::text(diff, Lang::En, false));
    assert_json_is_serialization(&diff::json(diff), diff);
    insta::assert_snapshot!(
        format!("{name}_json"),
        serde_json::to_string_pretty(diff).expect("serializes")
    );
}

fn assert_json_is_serialization(printed: &str, diff: &impl serde::Serialize) {
    let printed: serde_json::Value = serde_json::from_str(printed).expect("one JSON object");
    assert_eq!(printed, serde_json::to_value(diff).expect("serializes"));
    assert_eq!(printed["format"], "banfa.diff/1");
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("banfa-diff-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A pack directory with one file, `pack.banfa`.
fn pack_dir(name: &str, text: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("pack.banfa"), text).expect("write");
    dir
}

fn banfa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banfa"))
        .env("BANFA_LANG", "en")
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("BANFA_PACK_PATH")
        .output()
        .expect("banfa runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn change<'d>(entries: &'d [diff::Entry], name: &str) -> Option<&'d diff::Entry> {
    entries.iter().find(|e| e.name == name)
}

// ------------------------------------------------------------ the sample editions

#[test]
fn gongan_against_the_city_sets_parameters_and_an_earlier_deadline() {
    let found = declarations("荆州市本级", "公安县");
    let deadline = change(&found.parameters, "申报截止").expect("the deadline changes");
    assert_eq!(
        (deadline.a.as_deref(), deadline.b.as_deref()),
        (Some("07-31"), Some("06-30"))
    );
    assert!(found.rules.is_empty(), "公安县 changes no rule");
    snapshot_declarations("gongan_against_city", &found);
}

#[test]
fn jianli_2020_against_2018_renames_the_jurisdiction() {
    let found = declarations("监利@2018.1", "监利@2020.1");
    let jurisdiction = change(&found.header, "jurisdiction").expect("the jurisdiction changes");
    assert_eq!(jurisdiction.b.as_deref(), Some("监利市"));
    assert!(found.rules.is_empty() && found.fields.is_empty());
    // The city's 县 authorities become the 市's, in the parameters and in the wording of
    // the articles that name them.
    assert!(change(&found.articles, "第八条").is_some());
    snapshot_declarations("jianli_2020_against_2018", &found);
}

#[test]
fn jianli_2018_against_the_city_adds_a_rule_an_article_and_a_field_and_disables_a_rule() {
    let found = declarations("荆州市本级", "监利@2018.1");
    let rule = |id: &str| found.rules.iter().find(|r| r.id == id).map(|r| r.change);
    assert_eq!(rule("jianli.council_review"), Some(Change::Added));
    assert_eq!(rule("planning.special_plan"), Some(Change::Disabled));
    let disabled = found.rules.iter().find_map(|r| r.disabled.as_ref());
    assert_eq!(disabled.map(|d| &*d.by), Some("监利@2018.1"));
    let field = change(&found.fields, "approval.council_reviewed_on").map(|e| e.change);
    assert_eq!(field, Some(Change::Added));
    assert_eq!(
        change(&found.articles, "第二十二条").map(|e| e.change),
        Some(Change::Added)
    );
    let threshold = change(&found.parameters, "县级评审限额").expect("a new parameter");
    assert_eq!(
        (threshold.a.as_deref(), threshold.b.as_deref()),
        (None, Some("500000"))
    );
    snapshot_declarations("jianli_2018_against_city", &found);
}

#[test]
fn the_other_way_round_what_b_lacks_is_removed_not_disabled() {
    let found = declarations("监利@2018.1", "荆州市本级");
    let rule = |id: &str| found.rules.iter().find(|r| r.id == id).map(|r| r.change);
    assert_eq!(rule("jianli.council_review"), Some(Change::Removed));
    assert_eq!(rule("planning.special_plan"), Some(Change::Added));
    let field = change(&found.fields, "approval.council_reviewed_on").map(|e| e.change);
    assert_eq!(field, Some(Change::Removed));
}

/// An edition that extends the city's and changes nothing but its header.
const UNCHANGED: &str = r#"
pack "荆州市信息化建设项目管理办法（无变更，测试用）" {
  edition      无变更
  extends      荆州市本级 2017.1
  jurisdiction 荆州市本级
  version      1.0
  effective    2017-09-07
}
"#;

#[test]
fn an_edition_against_itself_or_an_unchanged_extension_has_no_differences() {
    assert!(declarations("荆州市本级", "荆州市本级").is_empty());
    let dir = pack_dir("unchanged", UNCHANGED);
    let unchanged = declarations("荆州市本级", &dir.display().to_string());
    let names: Vec<&str> = unchanged.header.iter().map(|e| e.name.as_str()).collect();
    assert!(
        unchanged.len() == unchanged.header.len(),
        "only the header differs: {unchanged:#?}"
    );
    assert!(names.contains(&"extends"), "{names:?}");
}

#[test]
fn one_edition_is_compared_with_the_edition_it_extends() {
    let b = edition("监利@2020.1");
    let a = diff::load_base(&Resolver::default(), &b).expect("the base loads");
    assert_eq!(a.origin(), "监利@2018.1");
    let dir = edition("rules/gongan-sample");
    let base = diff::load_base(&Resolver::default(), &dir).expect("the base loads");
    assert_eq!(base.origin(), "荆州市本级@2017.1");
}

#[test]
fn an_edition_without_a_version_is_the_one_in_force() {
    let resolver = Resolver::default();
    let spec = Spec::from_arg("监利");
    let on = |day: &str| {
        diff::load(&resolver, &spec, Some(date(day)))
            .map(|e| e.origin().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(on("2019-01-01"), "监利@2018.1");
    assert_eq!(on("2020-07-01"), "监利@2020.1");
    assert_eq!(
        edition("监利").origin(),
        "监利@2020.1",
        "the latest without a date"
    );
    assert_eq!(edition("jianli-sample-2018").origin(), "监利@2018.1");
}

// ------------------------------------------------------------ overrides

const OVERRIDING: &str = r#"
pack "荆州市信息化建设项目管理办法（覆盖示例，测试用）" {
  edition      覆盖示例
  extends      荆州市本级 2017.1
  jurisdiction 荆州市本级
  version      1.0
  effective    2017-09-07
}

# Reworded, and laid out differently: only the wording counts.
override requirement declaration.on_time cites 第八条 "按时申报" {
      applies when 财政项目 otherwise says "未使用财政性资金，第八条的申报要求不适用"
      let 截止 = date(plan_year - 1, 申报截止)
      due 截止
      pass when happened(declaration.submitted_on) and declaration.submitted_on <= 截止
           says "{plan_year}年度项目已于{declaration.submitted_on}按时申报"
      fail when happened(declaration.submitted_on)
           says "{plan_year}年度项目应于{截止}前申报，实际申报日期{declaration.submitted_on}，逾期{days(截止, declaration.submitted_on)}天"
      fail when as_of > 截止
           says "{plan_year}年度项目应于{截止}前向{智慧办}申报，至{as_of}仍未申报"
      pending otherwise
           says "{plan_year}年度项目应于{截止}前向{智慧办}申报，申报期尚未届满"
}

# The same words in another layout: no difference.
override requirement declaration.fits_plan cites 第八条 "符合全市信息化发展规划" {
"#;

/// A pack that overrides 第八条's rules: one reworded, one only laid out anew.
fn overriding_pack() -> PathBuf {
    let city = std::fs::read_to_string("rules/jingzhou-city/08-declaration.banfa")
        .expect("the city's 第八条");
    let start = city
        .find("requirement declaration.fits_plan")
        .expect("the city has declaration.fits_plan");
    let body = city
        .get(start..)
        .and_then(|rest| rest.find('{').and_then(|open| rest.get(open + 1..)))
        .expect("a rule body");
    let end = body.find("\n}").expect("the rule closes");
    let relaid: String = body
        .get(..end)
        .unwrap_or_default()
        .lines()
        .map(|line| format!("    {}\n", line.trim()))
        .collect();
    pack_dir("overriding", &format!("{OVERRIDING}{relaid}}}\n"))
}

#[test]
fn an_override_shows_as_a_line_diff_and_layout_alone_is_no_change() {
    let dir = overriding_pack();
    let found = declarations("荆州市本级", &dir.display().to_string());
    let rules: Vec<(&str, Change)> = found.rules.iter().map(|r| (&*r.id, r.change)).collect();
    assert_eq!(rules, [("declaration.on_time", Change::Overridden)]);
    insta::assert_snapshot!("override_text", diff::text(&found, Lang::En, false));
}

// ------------------------------------------------------------ verdicts

#[test]
fn a_gongan_project_is_out_of_scope_for_the_city_and_in_scope_for_gongan() {
    let record = Path::new("fixtures/scope-county-project.yaml");
    let found = verdicts("荆州市本级", "公安县", record, "2021-06-30");
    assert_eq!(
        (found.status.a, found.status.b),
        (Status::OutOfScope, Status::NonCompliant)
    );
    insta::assert_snapshot!(
        "verdicts_scope_county_project_text",
        diff::verdict_text(&found, Lang::En, false)
    );
    assert_json_is_serialization(&diff::json(&found), &found);
    insta::assert_snapshot!(
        "verdicts_scope_county_project_json",
        serde_json::to_string_pretty(&found).expect("serializes")
    );
}

/// The 公安县 project of `fixtures/scope-county-project.yaml`, declared on 2020-07-10: after
/// 公安县's deadline (06-30), before the city's (07-31).
fn gongan_record_declared_on_july_10() -> PathBuf {
    let fixture = std::fs::read_to_string("fixtures/scope-county-project.yaml").expect("fixture");
    let record = fixture.replace("submitted_on: 2020-07-21", "submitted_on: 2020-07-10");
    assert_ne!(record, fixture, "the fixture gives a declaration date");
    let path = scratch("gongan-record").join("gongan-declared-2020-07-10.yaml");
    std::fs::write(&path, record).expect("write");
    path
}

#[test]
fn a_gongan_project_declared_on_july_10_is_late_only_under_gongan() {
    let path = gongan_record_declared_on_july_10();
    let record = path.display().to_string();
    let out = banfa(&[
        "diff",
        "荆州市本级",
        "公安县",
        "--record",
        &record,
        "--as-of",
        "2021-06-30",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    insta::assert_snapshot!("verdicts_gongan_declared_july_10_text", stdout(&out));

    let found = verdicts("荆州市本级", "公安县", &path, "2021-06-30");
    let on_time = found
        .findings
        .iter()
        .find(|f| f.rule == "declaration.on_time")
        .expect("the declaration finding differs");
    let (a, b) = (on_time.a.as_ref(), on_time.b.as_ref());
    assert_eq!(
        a.map(|f| f.outcome),
        Some(Outcome::NotApplicable),
        "out of the city's scope"
    );
    assert_eq!(b.map(|f| f.outcome), Some(Outcome::Fail));
    assert!(b.is_some_and(|f| f.message.contains("2020-06-30") && f.message.contains("逾期10天")));
}

/// The city edition with 公安县's earlier deadline and nothing else: the same project is in
/// scope on both sides, so the two deadlines meet in one finding.
const EARLIER_DEADLINE: &str = r#"
pack "荆州市信息化建设项目管理办法（6月底申报，测试用）" {
  edition      六月底申报
  extends      荆州市本级 2017.1
  jurisdiction 荆州市本级
  version      1.0
  effective    2017-09-07
}

set parameter 申报截止 = 06-30
"#;

#[test]
fn the_deadline_difference_on_a_project_both_editions_govern() {
    let dir = pack_dir("earlier-deadline", EARLIER_DEADLINE);
    let record = Path::new("fixtures/declaration-on-deadline-day.yaml");
    let found = verdicts(
        "荆州市本级",
        &dir.display().to_string(),
        record,
        "2021-06-30",
    );
    let ids: Vec<&str> = found.findings.iter().map(|f| &*f.rule).collect();
    assert_eq!(ids, ["declaration.on_time"]);
    insta::assert_snapshot!(
        "verdicts_earlier_deadline_text",
        diff::verdict_text(&found, Lang::En, false)
    );
}

// ------------------------------------------------------------ the command

#[test]
fn exit_0_when_nothing_differs_and_1_when_something_does() {
    let same = banfa(&["diff", "荆州市本级", "荆州市本级"]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert!(stdout(&same).ends_with("no differences\n"));
    let differs = banfa(&["diff", "监利@2020.1"]);
    assert_eq!(differs.status.code(), Some(1), "{}", stderr(&differs));
    assert!(
        stdout(&differs).starts_with("a: 监利@2018.1"),
        "B against its base"
    );
}

#[test]
fn json_is_one_object() {
    let out = banfa(&["diff", "荆州市本级", "公安县", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1);
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["format"], "banfa.diff/1");
    assert_eq!(value["kind"], "declarations");
}

#[test]
fn an_unknown_edition_exits_2_with_a_did_you_mean() {
    let out = banfa(&["diff", "公安", "监利"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("unknown_edition_stderr", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn errors_exit_2_and_say_why() {
    let bad_record = scratch("bad-record").join("bad.yaml");
    std::fs::write(&bad_record, "id: x\nnmae: y\n").expect("write");
    let bad_record = bad_record.display().to_string();
    for (args, says) in [
        (
            vec!["diff", "监利@2019.1", "监利"],
            "has no version `2019.1`",
        ),
        (vec!["diff", "荆州市本级"], "extends no edition"),
        (
            vec!["diff", "fixtures", "公安县"],
            "holds no `.banfa` rule files",
        ),
        (
            vec!["diff", "荆州市本级", "公安县", "--record", "no/such.yaml"],
            "cannot read",
        ),
        (
            vec!["diff", "荆州市本级", "公安县", "--record", &bad_record],
            "does not fit",
        ),
        (
            vec!["diff", "荆州市本级", "公安县", "--as-of", "2021-02-30"],
            "no such day",
        ),
        (
            vec!["diff", "荆州市本级", "公安县", "--as-of", "2017-10-01"],
            "no version of the edition `公安县` is in force on 2017-10-01",
        ),
    ] {
        let out = banfa(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn colour_only_when_asked() {
    let found = declarations("荆州市本级", "监利@2018.1");
    assert!(!diff::text(&found, Lang::En, false).contains('\u{1b}'));
    assert!(diff::text(&found, Lang::En, true).contains("\u{1b}[32m  + jianli.council_review"));
}

#[test]
fn a_relation_an_edition_adds_is_a_difference() {
    let dir = pack_dir(
        "relation",
        r#"
pack "荆州市信息化建设项目管理办法（关系示例，测试用）" {
  edition      关系示例
  extends      荆州市本级 2017.1
  jurisdiction 荆州市本级
  version      1.0
  effective    2017-09-07
}

relation 同类项目 "同一类别的其他项目" = records with the same unit, category
"#,
    );
    let found = declarations("荆州市本级", &dir.display().to_string());
    let added = change(&found.relations, "同类项目").expect("the relation is listed");
    assert_eq!(added.change, Change::Added);
    assert!(
        change(&found.relations, "本单位其他项目").is_none(),
        "inherited: no change"
    );
    assert!(
        change(&found.header, "plan_field").is_none(),
        "inherited: no change"
    );
    let text = diff::text(&found, Lang::En, false);
    assert!(text.contains("relations"), "{text}");
}
