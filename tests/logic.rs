//! The engine's semantics on a small pack written for the purpose: three-valued logic,
//! clause order, quantifiers, dates, retroactivity. Nothing here is about any regulation.

use banfa::verdict::{Finding, Outcome, Status, Verdict};
use chrono::NaiveDate;

const PACK: &str = r#"
pack "测试办法" {
  edition   测试
  version   1.0
  effective 2020-01-01
  messages {
    not_applicable "不适用"
    out_of_scope   "范围外"
    retroactive    "{due}到期，早于{effective}"
    unknown        "缺少：{missing}"
  }
}
vocabulary 颜色 { 红 绿 蓝  class 暖色 { 红 } }
record {
  id    text required
  name  text required
  a     yes/no
  b     yes/no
  n     integer
  cost  money default 0
  day   date
  color 颜色
  items list of {
    key  text required
    due  date
    ok   yes/no
  } default []
}
article 第一条 "一" { text "条文一" item (一) "项一" }
parameter 期限 = 1 year
parameter 截止 = 07-31

scope s.color cites 第一条 { fail when color in 暖色 says "暖色{color}" pass otherwise says "可" }
requirement r.and cites 第一条 { pass when a and b says "都是" fail otherwise says "否" }
requirement r.or cites 第一条 { pass when a or b says "有一" fail otherwise says "都否" }
requirement r.not cites 第一条 { pass when not a says "非" fail otherwise says "是" }
requirement r.agree cites 第一条 {
  fail when a says "甲" fail when b says "乙" pass otherwise says "无"
}
requirement r.deadline cites 第一条(一) {
  let 截止日 = date(n, 截止)
  due 截止日
  pass when day is present and day <= 截止日 says "按时{截止日}"
  fail when day is present says "逾期{days(截止日, day)}天"
  fail when as_of > 截止日 says "未办"
  pending otherwise says "未到期"
}
requirement r.year cites 第一条 {
  pass when day is absent says "无日期"
  fail when as_of >= day + 期限 says "满一年{day + 期限}"
  pass otherwise says "未满一年{day + 期限}"
}
suspension r.any cites 第一条 {
  fail when any i in items where i.ok == false says "{i.key}不行"
  pass otherwise says "都行"
}
suspension r.all cites 第一条 {
  pass when all i in items satisfy i.ok says "全部可以"
  fail otherwise says "有{i.key}不行"
}
advisory r.count cites 第一条 {
  note when (count i in items where happened(i.due)) >= 2 says "两项以上到期"
  pass otherwise says "少于两项"
}
requirement r.event cites 第一条 {
  due day
  not_applicable when b says "另有规定"
  pass when happened(day) says "已发生"
  pending otherwise says "未发生"
}
requirement r.money cites 第一条 { pass when cost >= 100.50 says "{cost}元" fail otherwise says "不足{cost}" }
"#;

fn pack() -> banfa::Pack {
    let source = banfa::Source::new("test.banfa", PACK);
    banfa::embedded::compile(&[source]).unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

/// The verdict on a record (id and name added). Tests leak the pack and facts the verdict
/// borrows: a few kilobytes per test.
fn verdict(record: &str, as_of: &str) -> Verdict<'static> {
    let pack: &'static banfa::Pack = Box::leak(Box::new(pack()));
    let yaml = format!("id: T-1\nname: 测试\n{record}");
    let facts = banfa::record::load(&banfa::Source::new("r.yaml", yaml), pack)
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let facts: &'static banfa::Facts = Box::leak(Box::new(facts));
    let date = NaiveDate::parse_from_str(as_of, "%Y-%m-%d").expect("date");
    banfa::eval::evaluate(pack, facts, date)
}

fn finding<'v>(verdict: &'v Verdict<'static>, rule: &str) -> &'v Finding<'static> {
    verdict
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .expect("rule in verdict")
}

fn outcome(record: &str, rule: &str) -> (Outcome, String, Vec<String>) {
    let v = verdict(record, "2021-06-30");
    let f = finding(&v, rule);
    let missing = f.missing.iter().map(ToString::to_string).collect();
    (f.outcome, f.message.to_string(), missing)
}

#[test]
fn and_is_false_when_either_side_is_false_even_if_the_other_is_unknown() {
    assert_eq!(outcome("b: false", "r.and").0, Outcome::Fail);
    assert_eq!(outcome("a: false", "r.and").0, Outcome::Fail);
    let (o, _, missing) = outcome("a: true", "r.and");
    assert_eq!(o, Outcome::Unknown);
    assert_eq!(missing, ["b"]);
    assert_eq!(outcome("a: true\nb: true", "r.and").0, Outcome::Pass);
}

#[test]
fn or_is_true_when_either_side_is_true_even_if_the_other_is_unknown() {
    assert_eq!(outcome("b: true", "r.or").0, Outcome::Pass);
    assert_eq!(outcome("a: true", "r.or").0, Outcome::Pass);
    let (o, message, missing) = outcome("", "r.or");
    assert_eq!(o, Outcome::Unknown);
    assert_eq!(missing, ["a", "b"]);
    assert_eq!(message, "缺少：a、b");
    assert_eq!(outcome("a: false\nb: false", "r.or").0, Outcome::Fail);
}

#[test]
fn not_of_unknown_is_unknown() {
    assert_eq!(outcome("", "r.not").0, Outcome::Unknown);
    assert_eq!(outcome("a: false", "r.not").0, Outcome::Pass);
}

#[test]
fn an_unknown_clause_does_not_block_a_later_clause_with_the_same_outcome() {
    // `a` unknown could only have given `fail`; `b` true gives `fail` too.
    let (o, message, _) = outcome("b: true", "r.agree");
    assert_eq!((o, message.as_str()), (Outcome::Fail, "乙"));
    // But it does block a later clause with another outcome.
    assert_eq!(outcome("b: false", "r.agree").0, Outcome::Unknown);
}

#[test]
fn a_deadline_is_inclusive() {
    let on_the_day = outcome("n: 2021\nday: 2021-07-31", "r.deadline");
    assert_eq!(
        (on_the_day.0, on_the_day.1.as_str()),
        (Outcome::Pass, "按时2021-07-31")
    );
    let next_day = outcome("n: 2021\nday: 2021-08-01", "r.deadline");
    assert_eq!(
        (next_day.0, next_day.1.as_str()),
        (Outcome::Fail, "逾期1天")
    );
}

#[test]
fn a_duty_not_yet_due_is_pending_and_an_overdue_one_fails() {
    let v = verdict("n: 2021", "2021-07-31");
    assert_eq!(finding(&v, "r.deadline").outcome, Outcome::Pending);
    let v = verdict("n: 2021", "2021-08-01");
    assert_eq!(finding(&v, "r.deadline").outcome, Outcome::Fail);
}

#[test]
fn a_duty_due_before_the_pack_took_effect_is_not_applicable() {
    let (o, message, _) = outcome("n: 2019\nday: 2019-09-01", "r.deadline");
    assert_eq!(o, Outcome::NotApplicable);
    assert_eq!(message, "2019-07-31到期，早于2020-01-01");
}

#[test]
fn exactly_one_year_later_counts_as_one_year() {
    let v = verdict("day: 2020-06-30", "2021-06-30");
    assert_eq!(finding(&v, "r.year").outcome, Outcome::Fail);
    let v = verdict("day: 2020-07-01", "2021-06-30");
    assert_eq!(finding(&v, "r.year").outcome, Outcome::Pass);
}

#[test]
fn february_29th_plus_one_year_is_february_28th() {
    let v = verdict("day: 2020-02-29", "2021-02-28");
    let f = finding(&v, "r.year");
    assert_eq!(
        (f.outcome, &*f.message),
        (Outcome::Fail, "满一年2021-02-28")
    );
    let v = verdict("day: 2020-02-29", "2021-02-27");
    assert_eq!(finding(&v, "r.year").outcome, Outcome::Pass);
}

#[test]
fn any_reports_the_element_that_decided() {
    let items = "items:\n  - { key: 甲, ok: true }\n  - { key: 乙, ok: false }\n";
    let v = verdict(items, "2021-06-30");
    let f = finding(&v, "r.any");
    assert_eq!((f.outcome, &*f.message), (Outcome::Fail, "乙不行"));
    assert_eq!(
        f.decided_by.as_ref().map(ToString::to_string).as_deref(),
        Some("items[1]")
    );
    let facts: Vec<String> = f.facts.iter().map(|r| r.path.to_string()).collect();
    assert_eq!(facts, ["items[0].ok", "items[1].ok", "items[1].key"]);
}

#[test]
fn a_quantifier_over_an_unknown_element_is_unknown_unless_another_decides() {
    let v = verdict(
        "items:\n  - { key: 甲 }\n  - { key: 乙, ok: false }\n",
        "2021-06-30",
    );
    assert_eq!(finding(&v, "r.any").outcome, Outcome::Fail);
    let v = verdict(
        "items:\n  - { key: 甲 }\n  - { key: 乙, ok: true }\n",
        "2021-06-30",
    );
    let f = finding(&v, "r.any");
    assert_eq!(f.outcome, Outcome::Unknown);
    let missing: Vec<String> = f.missing.iter().map(ToString::to_string).collect();
    assert_eq!(missing, ["items[0].ok"]);
}

#[test]
fn all_binds_the_first_counterexample() {
    let v = verdict(
        "items:\n  - { key: 甲, ok: true }\n  - { key: 乙, ok: false }\n",
        "2021-06-30",
    );
    let f = finding(&v, "r.all");
    assert_eq!((f.outcome, &*f.message), (Outcome::Fail, "有乙不行"));
    let v = verdict("", "2021-06-30");
    assert_eq!(finding(&v, "r.all").outcome, Outcome::Pass);
}

#[test]
fn count_and_happened_use_the_evaluation_date() {
    let items = "items:\n  - { key: 甲, due: 2021-01-01 }\n  - { key: 乙, due: 2021-06-30 }\n  - { key: 丙 }\n";
    assert_eq!(
        finding(&verdict(items, "2021-06-30"), "r.count").outcome,
        Outcome::Note
    );
    assert_eq!(
        finding(&verdict(items, "2021-06-29"), "r.count").outcome,
        Outcome::Pass
    );
}

#[test]
fn money_is_exact() {
    let (o, message, _) = outcome("cost: 100.50", "r.money");
    assert_eq!((o, message.as_str()), (Outcome::Pass, "100.5元"));
    assert_eq!(outcome("cost: 100.49", "r.money").0, Outcome::Fail);
    assert_eq!(outcome("cost: \"1万元\"", "r.money").0, Outcome::Pass);
}

#[test]
fn a_failing_scope_rule_makes_everything_else_not_applicable() {
    let v = verdict("color: 红\na: false", "2021-06-30");
    assert_eq!(v.status, Status::OutOfScope);
    let others = v.findings.iter().filter(|f| f.rule != "s.color");
    assert!(others.clone().count() > 5);
    for f in others {
        assert_eq!((f.outcome, &*f.message), (Outcome::NotApplicable, "范围外"));
    }
}

#[test]
fn status_follows_the_precedence_of_the_domain() {
    let all_fine = "a: true\nb: false\nn: 2021\nday: 2021-07-01\ncost: 200";
    assert_eq!(verdict(all_fine, "2021-06-30").status, Status::NonCompliant);
    let suspended = "a: true\nb: false\nitems:\n  - { key: 甲, ok: false }";
    assert_eq!(verdict(suspended, "2021-06-30").status, Status::Suspended);
    let unknown = "color: 绿\ncost: 200\nn: 2021\nday: 2021-07-01";
    let v = verdict(unknown, "2021-06-30");
    assert_eq!(v.status, Status::Undetermined);
    let missing: Vec<String> = v.missing.iter().map(ToString::to_string).collect();
    assert_eq!(missing, ["a", "b"]);
}

#[test]
fn a_due_date_waiting_on_an_absent_event_is_not_retroactive() {
    // `day` absent: the event has not happened, so the duty is not due yet.
    assert_eq!(outcome("b: false", "r.event").0, Outcome::Pending);
    // `day` before the pack took effect: not applicable.
    assert_eq!(
        outcome("day: 2019-12-31", "r.event").0,
        Outcome::NotApplicable
    );
    assert_eq!(
        outcome("b: false\nday: 2020-01-01", "r.event").0,
        Outcome::Pass
    );
    // An unknown `not_applicable` clause leaves the outcome open.
    assert_eq!(outcome("day: 2020-01-01", "r.event").0, Outcome::Unknown);
}

#[test]
fn a_not_applicable_clause_gives_its_own_reason() {
    let (o, message, _) = outcome("b: true\nday: 2020-06-01", "r.event");
    assert_eq!((o, message.as_str()), (Outcome::NotApplicable, "另有规定"));
}
