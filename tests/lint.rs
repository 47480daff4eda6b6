//! `banfa check` warnings: legal but suspicious pieces of a pack.

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
record {
  id     text required
  name   text required
  a      yes/no
  unread yes/no
}
article 第一条 "一" { text "条文一" }
article 第二条 "二" { text "条文二" }
parameter 用到 = 1
parameter 没用到 = 2
requirement r.one cites 第一条 {
  pass when a says "是"
  fail when 用到 > 2 says "常量{用到}"
  fail otherwise says "否"
}
"#;

fn warnings(text: &str) -> Vec<String> {
    let pack = banfa::embedded::compile(&[banfa::Source::new("test.banfa", text)])
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    banfa::lint::lint(&pack)
        .into_iter()
        .map(|w| w.message.render(banfa::i18n::Lang::En))
        .collect()
}

#[test]
fn suspicious_pieces_are_warned_of() {
    assert_eq!(
        warnings(PACK),
        [
            "article `第二条` has no rule and is held by no header entry or parameter",
            "rule `r.one` has a condition that reads nothing from the record, so it never changes",
            "record field `unread` is read by no rule",
            "rule `r.one` has a `fail` message whose {…} parts read nothing from the record",
            "parameter `没用到` is used by no rule, fact or article",
        ]
    );
}

#[test]
fn the_shipped_packs_have_no_warnings() {
    for dir in [
        "rules/jingzhou-city",
        "rules/gongan-sample",
        "rules/jianli-sample-2018",
        "rules/jianli-sample-2020",
    ] {
        let pack = banfa::embedded::load_dir(std::path::Path::new(dir)).expect("pack loads");
        assert_eq!(banfa::lint::lint(&pack), [], "{dir}");
    }
}

/// A duty whose `pending` (while a date is absent) comes before the `fail` that reads a
/// stated yes/no breach: the breach is masked whenever the date is missing.
const MASKED: &str = r#"
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
record {
  id      text required
  name    text required
  funded  date
  diverted yes/no
  kept    yes/no
}
article 第一条 "一" { text "条文一" }
requirement masked.when cites 第一条 {
  pending when not happened(funded) says "未到期"
  fail when diverted says "挪用"
  pass otherwise says "未挪用"
}
requirement masked.otherwise cites 第一条 {
  not_applicable when funded is absent says "未到期"
  pass when kept says "单独核算"
  fail otherwise says "未单独核算"
}
requirement tested.first cites 第一条 {
  fail when diverted is present and diverted says "挪用"
  pending when not happened(funded) says "未到期"
  pass when not diverted says "未挪用"
  fail otherwise says "挪用"
}
"#;

#[test]
fn a_breach_masked_by_an_absent_date_is_warned_of() {
    assert_eq!(
        warnings(MASKED),
        [
            "rule `masked.when`: its `pending` while a date is absent comes before a `fail` that reads `diverted`: a breach the record states is masked while the date is missing; test the stated breach first",
            "rule `masked.otherwise`: its `not_applicable` while a date is absent comes before a `fail` that reads `kept`: a breach the record states is masked while the date is missing; test the stated breach first",
        ]
    );
}

#[test]
fn a_county_deadline_beside_the_citys_text_of_the_article_is_warned_of() {
    let dir = std::env::temp_dir().join(format!("banfa-lint-deadline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let header = r#"
pack "测试县版本" {
  edition      测试县
  extends      荆州市本级 2017.1
  jurisdiction 公安县
  version      1.0
  effective    2018-01-01
}
set parameter 申报截止 = 06-30
"#;
    std::fs::write(dir.join("pack.banfa"), header).expect("write");
    let pack = banfa::embedded::load_dir(&dir).expect("pack loads");
    let warnings: Vec<String> = banfa::lint::lint(&pack)
        .into_iter()
        .map(|w| w.message.render(banfa::i18n::Lang::En))
        .collect();
    assert_eq!(
        warnings,
        [
            "parameter `申报截止` is set by this edition and read by rule `declaration.on_time`, but article `第八条` keeps the text of `荆州市本级@2017.1`: the quoted article contradicts the finding; word it with `override article 第八条`"
        ]
    );

    let worded = format!(
        "{header}\noverride article 第八条 \"项目申报\" {{ text \"由使用单位于每年6月底前申报。\" }}\n"
    );
    std::fs::write(dir.join("pack.banfa"), worded).expect("write");
    let pack = banfa::embedded::load_dir(&dir).expect("pack loads");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(banfa::lint::lint(&pack), []);
}
