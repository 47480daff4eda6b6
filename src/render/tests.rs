//! Renderer tests over a hand-built verdict and pack. The regulation here is made up (article
//! numbers in the nineties, fields named after letters): `src/` quotes no real rule.

use std::str::FromStr;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value as Json;

use super::{TextOptions, json, text};
use crate::pack::{Article, Field, FieldShape, Header, Item, Pack, RecordType, Slot, Type};
use crate::value::Value;
use crate::verdict::{
    FORMAT, FactPath, FactRead, Finding, Kind, Outcome, PackRef, ProjectRef, Status, Verdict,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn path(p: &'static str) -> FactPath<'static> {
    FactPath::Field(p)
}

fn read(p: &'static str, value: Value) -> FactRead<'static> {
    FactRead {
        path: path(p),
        value: Box::leak(Box::new(value)),
    }
}

/// A finding of `kind` with `outcome`, citing `article` (and `item`) as `cite`.
fn finding(
    rule: &'static str,
    kind: Kind,
    outcome: Outcome,
    cite: (u32, Option<u32>, &'static str),
) -> Finding<'static> {
    let (article, item, cite) = cite;
    Finding {
        rule,
        article,
        item,
        cite,
        kind,
        outcome,
        message: format!("message of {rule}").into(),
        facts: vec![],
        missing: vec![],
        origin: "city@1.0",
        title: None,
        decided_by: None,
        decided_by_record: None,
        replaced: None,
        parameters: &[],
    }
}

/// Findings in pack order, the kinds interleaved so grouping has to reorder them.
fn findings() -> Vec<Finding<'static>> {
    let mut late = finding(
        "alpha.on_time",
        Kind::Requirement,
        Outcome::Fail,
        (92, None, "第92条"),
    );
    late.facts = vec![
        read("alpha.filed_on", Value::Date(date(2019, 8, 15))),
        read("year", Value::Int(2020)),
    ];
    let mut unknown = finding(
        "beta.known",
        Kind::Requirement,
        Outcome::Unknown,
        (92, None, "第92条"),
    );
    unknown.facts = vec![read(
        "beta.amount",
        Value::Money(Decimal::new(320_000_050, 2)),
    )];
    unknown.missing = vec![path("beta.flag")];
    let mut trigger = finding(
        "gamma.behind",
        Kind::Suspension,
        Outcome::Fail,
        (93, Some(2), "第93条（2）"),
    );
    trigger.facts = vec![read("gamma.behind_days", Value::Int(400))];
    vec![
        finding(
            "note.first",
            Kind::Advisory,
            Outcome::Note,
            (94, None, "第94条"),
        ),
        finding(
            "scope.applies",
            Kind::Scope,
            Outcome::Pass,
            (91, None, "第91条"),
        ),
        late,
        finding(
            "delta.later",
            Kind::Requirement,
            Outcome::Pending,
            (92, None, "第92条"),
        ),
        unknown,
        trigger,
        finding(
            "epsilon.off",
            Kind::Requirement,
            Outcome::NotApplicable,
            (95, None, "第95条"),
        ),
        finding(
            "zeta.met",
            Kind::Requirement,
            Outcome::Pass,
            (92, None, "第92条"),
        ),
    ]
}

fn verdict() -> Verdict<'static> {
    Verdict {
        format: FORMAT,
        project: ProjectRef {
            id: "P-001",
            name: "示例项目",
            unit: None,
            jurisdiction: None,
        },
        pack: PackRef {
            name: "示例办法",
            edition: "county",
            version: "2.0",
            chain: vec!["county@2.0", "city@1.0"],
        },
        as_of: date(2021, 6, 30),
        status: Status::Suspended,
        findings: findings(),
        missing: vec![path("beta.flag")],
        disabled: &[],
        suggested_editions: vec![],
        source: Some(crate::verdict::RecordSource {
            file: "项目/记录.yaml",
            line: None,
            sheet: None,
            row: None,
        }),
    }
}

fn article(number: u32, label: &str, text: &str, items: Vec<Item>) -> Article {
    Article {
        number,
        label: label.into(),
        title: Some(format!("title {number}").into()),
        text: text.into(),
        items,
        held_by: vec![],
        origin: "county@2.0".into(),
    }
}

fn item(number: u32, label: &str, text: &str) -> Item {
    Item {
        number,
        label: label.into(),
        text: text.into(),
    }
}

/// A leaf field with a description.
fn leaf(record: &mut RecordType, path: &str, doc: Option<&str>, ty: Type) -> Field {
    record.slots.push(Slot {
        path: path.into(),
        ty,
        required: false,
        required_when: None,
        default: None,
        range: None,
        span: Default::default(),
    });
    let name = path.rsplit('.').next().unwrap_or(path);
    Field {
        name: name.into(),
        doc: doc.map(Into::into),
        shape: FieldShape::Leaf(record.slots.len() - 1),
    }
}

fn group(name: &str, doc: &str, fields: Vec<Field>) -> Field {
    Field {
        name: name.into(),
        doc: Some(doc.into()),
        shape: FieldShape::Group(fields),
    }
}

/// The record: `alpha.filed_on`, `beta.amount` and `beta.flag` have descriptions, `year`
/// and `gamma.behind_days` none; `gamma.rows` is a list of records with a described `done`.
fn schema() -> RecordType {
    let mut rows = RecordType::default();
    let done = leaf(&mut rows, "done", Some("已完成"), Type::Bool);
    rows.fields.push(done);
    let mut record = RecordType::default();
    let alpha = vec![leaf(
        &mut record,
        "alpha.filed_on",
        Some("报送日期；年底前"),
        Type::Date,
    )];
    let year = leaf(&mut record, "year", None, Type::Integer);
    let beta = vec![
        leaf(
            &mut record,
            "beta.amount",
            Some("金额：以元计"),
            Type::Money,
        ),
        leaf(&mut record, "beta.flag", Some("是否已办"), Type::Bool),
    ];
    let gamma = vec![
        leaf(&mut record, "gamma.behind_days", None, Type::Integer),
        leaf(
            &mut record,
            "gamma.rows",
            Some("此前的项目"),
            Type::Rows(Arc::new(rows)),
        ),
    ];
    record.fields = vec![
        group("alpha", "甲", alpha),
        year,
        group("beta", "乙", beta),
        group("gamma", "丙", gamma),
    ];
    record
}

fn pack() -> Pack {
    let items = vec![
        item(1, "（1）", "first item"),
        item(2, "（2）", "second item"),
    ];
    Pack {
        header: Header {
            name: "示例办法".into(),
            edition: "county".into(),
            jurisdiction: "county".into(),
            version: "2.0".into(),
            issued: None,
            effective: date(2017, 9, 7),
            in_force_since: date(2017, 9, 7),
            source: None,
            description: None,
            extends: None,
            origin: Arc::from("county@2.0"),
        },
        vocabularies: vec![],
        schema: schema(),
        relations: vec![],
        plan_field: None,
        variables: 0,
        messages: Default::default(),
        chain: vec![],
        disabled: vec![],
        own_fields: vec![],
        unused_parameters: vec![],
        parameters: vec![],
        articles: vec![
            article(91, "第91条", "scope text", vec![]),
            article(92, "第92条", "duty text, line one\nline two", vec![]),
            article(93, "第93条", "suspension text", items),
        ],
        facts: vec![],
        rules: vec![],
    }
}

fn render(colour: bool, explain: bool) -> String {
    let options = TextOptions {
        colour,
        explain,
        ..TextOptions::default()
    };
    text(&verdict(), &pack(), &options)
}

const PLAIN: &str = "\
项目：示例项目（P-001）
规则：示例办法 · county · 2.0
版本链：county@2.0 → city@1.0
来源：未注明来源的规则出自city@1.0
评估日期：2021-06-30
结论：暂缓安排（suspended）
概要：1项暂缓情形、1项不符合、1项待定、1项未到期、1项提示、2项符合、1项不适用

适用范围
  ✓ 第91条  message of scope.applies

要求
  ✗ 第92条  message of alpha.on_time
      报送日期（alpha.filed_on）：2019-08-15
      year：2020
  … 第92条  message of delta.later
  ? 第92条  message of beta.known
      金额（beta.amount）：320.00005万元
      缺少：是否已办（beta.flag）
  – 第95条  message of epsilon.off
  ✓ 第92条  message of zeta.met

暂缓情形
  ✗ 第93条（2）  message of gamma.behind
      gamma.behind_days：400

提示
  · 第94条  message of note.first

请补充：是否已办（beta.flag）

图例：✓ 符合；✗ 不符合／暂缓情形；… 未到期；? 待定；– 不适用；· 提示
";

#[test]
fn text_groups_by_kind_in_pack_order() {
    assert_eq!(render(false, false), PLAIN);
}

#[test]
fn explain_quotes_the_article_and_item_under_failed_and_unknown_findings() {
    let out = render(false, true);
    let expected_late = "      year：2020
      原文：第92条 title 92
        duty text, line one
        line two
  … 第92条  message of delta.later";
    assert!(out.contains(expected_late), "{out}");
    let expected_trigger = "      gamma.behind_days：400
      原文：第93条 title 93
        suspension text
        （2）second item
";
    assert!(out.contains(expected_trigger), "{out}");
    // Each article is quoted once; a later finding citing it refers to the quote above.
    assert_eq!(out.matches("原文：").count(), 2, "{out}");
    assert_eq!(out.matches("原文见上：").count(), 1, "{out}");
    assert!(
        !out.contains("scope text") && !out.contains("first item"),
        "{out}"
    );
}

#[test]
fn explain_without_the_article_quotes_nothing() {
    let mut verdict = verdict();
    verdict.findings.iter_mut().for_each(|f| f.article = 99);
    let options = TextOptions {
        explain: true,
        ..TextOptions::default()
    };
    let out = text(&verdict, &pack(), &options);
    assert!(!out.contains("原文："), "{out}");
}

#[test]
fn colour_only_when_asked() {
    assert!(!render(false, true).contains('\x1b'));
    let out = render(true, false);
    assert!(out.contains("\x1b[31m✗\x1b[0m"), "{out}");
    assert!(out.contains("\x1b[32m✓\x1b[0m"), "{out}");
    assert!(
        out.contains("\x1b[33m?\x1b[0m") && out.contains("\x1b[33m…\x1b[0m"),
        "{out}"
    );
    assert!(out.contains("\x1b[2m–\x1b[0m\x1b[2m 第95条"), "{out}");
    assert!(
        out.contains("结论：\x1b[31m暂缓安排\x1b[0m（suspended）"),
        "{out}"
    );
    assert!(
        out.contains("概要：\x1b[31m1项暂缓情形\x1b[0m、\x1b[31m1项不符合\x1b[0m、"),
        "{out}"
    );
    assert!(out.contains("图例：\x1b[32m✓\x1b[0m 符合；"), "{out}");
}

#[test]
fn ids_are_dim_on_a_colour_terminal_plain_when_asked_and_absent_otherwise() {
    let line = "message of alpha.on_time";
    let ids = TextOptions {
        ids: true,
        ..TextOptions::default()
    };
    let out = text(&verdict(), &pack(), &ids);
    assert!(
        out.contains(&format!("  ✗ 第92条  {line}  〔alpha.on_time〕\n")),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "{out}");
    let colour = TextOptions {
        colour: true,
        ..TextOptions::default()
    };
    let out = text(&verdict(), &pack(), &colour);
    let dim = format!("{line}\x1b[2m  〔alpha.on_time〕\x1b[0m\n");
    assert!(out.contains(&dim), "{out}");
    // A finding shown dim as a whole (not applicable) is followed by its id, dim too.
    assert!(
        out.contains("epsilon.off\x1b[0m\x1b[2m  〔epsilon.off〕\x1b[0m\n"),
        "{out}"
    );
    let out = text(
        &verdict(),
        &pack(),
        &TextOptions {
            ids: true,
            ..colour
        },
    );
    assert!(
        out.contains(&format!("{line}  〔alpha.on_time〕\n")),
        "{out}"
    );
    assert!(!render(false, true).contains('〔'));
}

#[test]
fn a_summary_counts_only_the_outcomes_that_occur() {
    let mut verdict = verdict();
    verdict.status = Status::Compliant;
    verdict.findings.retain(|f| f.outcome == Outcome::Pass);
    let out = text(&verdict, &pack(), &TextOptions::default());
    assert!(
        out.contains("结论：合规（compliant）\n概要：全部2项符合\n\n"),
        "{out}"
    );
    assert!(out.ends_with("\n\n图例：✓ 符合\n"), "{out}");
    let mut verdict = self::verdict();
    verdict
        .findings
        .retain(|f| f.rule != "gamma.behind" && f.rule != "zeta.met");
    let out = text(&verdict, &pack(), &TextOptions::default());
    let summary = "概要：1项不符合、1项待定、1项未到期、1项提示、1项符合、1项不适用\n";
    assert!(out.contains(summary), "{out}");
    assert!(out.contains("图例：✓ 符合；✗ 不符合；… 未到期；"), "{out}");
    verdict
        .findings
        .retain(|f| f.outcome == Outcome::NotApplicable);
    let out = text(&verdict, &pack(), &TextOptions::default());
    assert!(out.contains("概要：1项不适用\n"), "{out}");
    assert!(out.ends_with("\n\n图例：– 不适用\n"), "{out}");
    verdict.findings.clear();
    let out = text(&verdict, &pack(), &TextOptions::default());
    assert!(!out.contains("概要") && !out.contains("图例"), "{out}");
}

#[test]
fn a_suspension_that_fires_alone_is_named_so_in_the_legend() {
    let mut verdict = verdict();
    verdict
        .findings
        .retain(|f| f.outcome != Outcome::Fail || f.kind == Kind::Suspension);
    let out = text(&verdict, &pack(), &TextOptions::default());
    assert!(out.contains("概要：1项暂缓情形、1项待定、"), "{out}");
    assert!(out.contains("；✗ 暂缓情形；"), "{out}");
}

#[test]
fn fields_show_their_labels_and_list_elements_the_element_fields_labels() {
    let mut verdict = verdict();
    let rows = |index, field| FactPath::Element {
        list: "gamma.rows",
        index,
        field,
    };
    verdict.missing = vec![
        rows(1, "done"),
        rows(0, ""),
        rows(2, "undeclared"),
        path("year"),
        path("beta"),
        path("nowhere.at_all"),
    ];
    let out = text(&verdict, &pack(), &TextOptions::default());
    let supply = "请补充：已完成（gamma.rows[1].done）、此前的项目（gamma.rows[0]）、\
                  gamma.rows[2].undeclared、year、乙（beta）、nowhere.at_all\n";
    assert!(out.contains(supply), "{out}");
}

#[test]
fn parameters_show_their_values_as_facts_do() {
    use crate::pack::Parameter;
    let parameters =
        [Value::Money(Decimal::from(500_000)), Value::Bool(true)].map(|value| Parameter {
            name: "限额".into(),
            value,
            origin: "city@1.0".into(),
        });
    let mut verdict = verdict();
    verdict.findings[2].parameters = &parameters;
    let options = TextOptions {
        explain: true,
        ..TextOptions::default()
    };
    let out = text(&verdict, &pack(), &options);
    assert!(
        out.contains("      参数：限额 = 50万元（city@1.0）\n"),
        "{out}"
    );
    assert!(out.contains("      参数：限额 = 是（city@1.0）\n"), "{out}");
}

#[test]
fn a_disabled_rule_is_named_by_its_article_and_by_its_id_when_ids_are_shown() {
    use crate::pack::Disabled;
    let disabled = [Disabled {
        rule: "alpha.one".into(),
        reason: "县里另有规定".into(),
        by: "county@2.0".into(),
        article: "第91条".into(),
    }];
    let mut verdict = verdict();
    verdict.disabled = &disabled;
    let out = text(&verdict, &pack(), &TextOptions::default());
    assert!(
        out.contains("\n停用：第91条（county@2.0：县里另有规定）\n"),
        "{out}"
    );
    let ids = TextOptions {
        ids: true,
        ..TextOptions::default()
    };
    let out = text(&verdict, &pack(), &ids);
    let line = "\n停用：第91条〔alpha.one〕（county@2.0：县里另有规定）\n";
    assert!(out.contains(line), "{out}");
}

#[test]
fn statuses_in_chinese_with_english() {
    let cases = [
        (Status::Compliant, "合规（compliant）"),
        (Status::NonCompliant, "不合规（non_compliant）"),
        (Status::Suspended, "暂缓安排（suspended）"),
        (Status::OutOfScope, "不适用（out_of_scope）"),
        (Status::Undetermined, "待定（undetermined）"),
    ];
    for (status, expected) in cases {
        let mut verdict = verdict();
        verdict.status = status;
        let out = text(&verdict, &pack(), &TextOptions::default());
        assert!(out.contains(&format!("结论：{expected}\n")), "{out}");
        let asks = matches!(status, Status::Suspended | Status::Undetermined);
        assert_eq!(out.contains("请补充："), asks, "{status:?}");
    }
}

#[test]
fn empty_groups_are_left_out() {
    let mut verdict = verdict();
    verdict.findings.retain(|f| f.kind == Kind::Requirement);
    let out = text(&verdict, &pack(), &TextOptions::default());
    assert!(out.contains("要求\n"));
    for heading in ["适用范围", "暂缓情形", "提示"] {
        assert!(!out.contains(heading), "{heading}: {out}");
    }
}

/// `VERDICT.md`'s keys, path by path; a renamed or dropped key breaks the contract.
#[test]
fn json_carries_the_contract_keys() {
    let out = json(&verdict());
    assert!(!out.contains('\n'));
    let Ok(doc) = Json::from_str(&out) else {
        panic!("not JSON: {out}");
    };
    let keys = ["format", "project", "pack", "as_of", "status", "findings"];
    assert_keys(&doc, &keys);
    assert_keys(&doc["project"], &["id", "name"]);
    assert_keys(&doc["pack"], &["name", "edition", "version", "chain"]);
    assert_eq!(doc["format"], "banfa.verdict/1");
    assert_eq!(doc["project"]["id"], "P-001");
    assert_eq!(
        doc["pack"]["chain"],
        serde_json::json!(["county@2.0", "city@1.0"])
    );
    assert_eq!(doc["as_of"], "2021-06-30");
    assert_eq!(doc["status"], "suspended");
    let finding_keys = [
        "rule", "article", "item", "cite", "kind", "outcome", "message", "facts", "missing",
        "origin",
    ];
    for finding in doc["findings"].as_array().into_iter().flatten() {
        assert_keys(finding, &finding_keys);
        for fact in finding["facts"].as_array().into_iter().flatten() {
            assert_keys(fact, &["path", "value"]);
        }
    }
}

#[test]
fn json_values_keep_their_types() {
    let Ok(doc) = Json::from_str(&json(&verdict())) else {
        panic!("not JSON");
    };
    let late = &doc["findings"][2];
    assert_eq!(late["rule"], "alpha.on_time");
    assert_eq!(late["article"], 92);
    assert_eq!(late["item"], Json::Null);
    assert_eq!(late["kind"], "requirement");
    assert_eq!(late["outcome"], "fail");
    assert_eq!(late["origin"], "city@1.0");
    assert_eq!(
        late["facts"],
        serde_json::json!([
            { "path": "alpha.filed_on", "value": "2019-08-15" },
            { "path": "year", "value": 2020 },
        ])
    );
    let unknown = &doc["findings"][4];
    assert_eq!(unknown["missing"], serde_json::json!(["beta.flag"]));
    assert_eq!(doc["findings"][5]["item"], 2);
    assert_eq!(doc["findings"][5]["cite"], "第93条（2）");
    assert_eq!(doc["findings"][1]["outcome"], "pass");
    assert_eq!(doc["findings"][6]["outcome"], "not_applicable");
    // Money stays exact: no float rounding on the way out.
    assert!(json(&verdict()).contains(r#""value":3200000.5"#));
}

#[test]
fn json_is_the_verdicts_serialization() {
    use crate::pack::{Disabled, Parameter};
    use crate::value::{MonthDay, Period, Row, Term};
    let mut verdict = verdict();
    verdict.suggested_editions = vec!["公安县".to_owned()];
    let disabled = vec![Disabled {
        rule: "alpha.one".into(),
        reason: "县里另有规定".into(),
        by: "county@2.0".into(),
        article: "第91条".into(),
    }];
    verdict.disabled = &disabled;
    let term = Term {
        vocabulary: 0,
        index: 1,
        name: "乙类".into(),
    };
    let rows: Arc<[Row]> = Arc::from(vec![Row::default(), Row::default()]);
    let values = [
        Value::Bool(true),
        Value::Int(-7),
        Value::Money(Decimal::new(-120, 2)),
        Value::Money(Decimal::new(5_000_000, 0)),
        Value::Date(date(2020, 7, 31)),
        Value::MonthDay(MonthDay { month: 7, day: 31 }),
        Value::Text("引号\"与\\".into()),
        Value::Term(term.clone()),
        Value::Period(Period {
            months: 14,
            days: 3,
        }),
        Value::List(Arc::from(vec![Value::Term(term), Value::Int(2)])),
        Value::Rows(rows),
    ];
    let parameters: Vec<Parameter> = values
        .iter()
        .map(|value| Parameter {
            name: "限额".into(),
            value: value.clone(),
            origin: "city@1.0".into(),
        })
        .collect();
    let first = &mut verdict.findings[0];
    first.message = "quotes \" and \\, a tab \t, a bell \u{7}".into();
    first.title = Some("标题");
    first.replaced = Some("旧的\n规则");
    first.decided_by = Some(FactPath::Element {
        list: "gamma.rows",
        index: 1,
        field: "done",
    });
    first.parameters = &parameters;
    first.facts = values
        .iter()
        .map(|value| FactRead {
            path: FactPath::Element {
                list: "gamma.rows",
                index: 0,
                field: "",
            },
            value,
        })
        .collect();
    assert_eq!(
        serde_json::to_string(&verdict).ok(),
        Some(json(&verdict)),
        "the writer and the derived serialization agree"
    );
}

fn assert_keys(object: &Json, keys: &[&str]) {
    let Some(object) = object.as_object() else {
        panic!("not an object: {object}");
    };
    for key in keys {
        assert!(object.contains_key(*key), "missing `{key}` in {object:?}");
    }
}

#[test]
fn a_rule_from_the_extending_edition_shows_its_origin() {
    let mut verdict = verdict();
    for finding in verdict
        .findings
        .iter_mut()
        .filter(|f| f.rule == "scope.applies")
    {
        finding.origin = "county@2.0";
        finding.replaced = Some("scope scope.applies cites 第91条 { … }");
    }
    let out = text(&verdict, &pack(), &TextOptions::default());
    let line = "  ✓ 第91条（county@2.0，替换原规则）  message of scope.applies\n";
    assert!(out.contains(line), "{out}");
    assert!(
        out.contains("  ✗ 第92条  message of alpha.on_time\n"),
        "{out}"
    );
}
