//! Editions that extend others (第二十条: counties apply the 办法 by reference).
//!
//! - An edition that overrides nothing (`tests/packs/no-change`) gives the city edition's
//!   verdict on every fixture.
//! - Findings name the edition whose text of the rule was applied (`origin`); verdicts name
//!   every layer (`chain`) and the rules taken out of force (`disabled`).
//! - The version of an edition in force on the evaluation date is the one used.
//! - `tests/broken-packs/<case>/`: packs that must fail to load, one diagnostics snapshot
//!   each. They are loaded with `tests/broken-packs` on the search path, so a case may
//!   extend another case (`cycle-a` and `cycle-b`).

use std::path::{Path, PathBuf};

use banfa::embedded::{self, Resolver};
use banfa::verdict::{Outcome, Status, Verdict};
use banfa::{Facts, Pack, Source};
use chrono::NaiveDate;

const CITY: &str = "荆州市本级@2017.1";
const JIANLI_2018: &str = "监利@2018.1";
const JIANLI_2020: &str = "监利@2020.1";
const GONGAN: &str = "公安县@2018.1";
const DEFAULT_AS_OF: &str = "2021-06-30";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// A fixture's evaluation date: its first line `# as_of: YYYY-MM-DD`, as in verdicts.rs.
fn as_of(text: &str) -> NaiveDate {
    date(
        text.lines()
            .next()
            .and_then(|line| line.strip_prefix("# as_of:"))
            .map_or(DEFAULT_AS_OF, str::trim),
    )
}

fn city() -> Pack {
    embedded::default_pack().unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

/// The embedded edition `name` in the version in force on `as_of`.
fn edition(name: &str, as_of: NaiveDate) -> Pack {
    Resolver::default()
        .edition(name, Some(as_of))
        .unwrap_or_else(|e| panic!("{name}: {:?}", miette::Report::new(e)))
}

fn no_change() -> Pack {
    Resolver::default()
        .load_dir(Path::new("tests/packs/no-change"))
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

fn facts(name: &str, text: &str, pack: &Pack) -> Facts {
    banfa::record::load(&Source::new(name, text), pack)
        .unwrap_or_else(|e| panic!("{name}: {:?}", miette::Report::new(e)))
}

fn fixture(path: &str) -> (String, NaiveDate) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let as_of = as_of(&text);
    (text, as_of)
}

fn finding<'v>(verdict: &'v Verdict, rule: &str) -> &'v banfa::verdict::Finding<'v> {
    verdict
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no finding for `{rule}`"))
}

fn json(verdict: &Verdict) -> serde_json::Value {
    serde_json::from_str(&banfa::render::json(verdict)).expect("verdict JSON parses")
}

/// Every `.yaml` file under `fixtures/`, subdirectories included, in name order.
fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures/ reads")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

// ------------------------------------------------------------------ a. no change, no difference

#[test]
fn the_no_change_edition_has_both_layers_and_the_city_header() {
    let pack = no_change();
    let chain: Vec<&str> = pack.chain.iter().map(|c| &**c).collect();
    assert_eq!(chain, ["无变更@1.0", CITY]);
    assert_eq!(&*pack.header.edition, "无变更");
    assert_eq!(&*pack.header.jurisdiction, "荆州市本级");
    assert_eq!(pack.header.effective, date("2017-09-07"));
    assert!(pack.disabled.is_empty());
    let city = city();
    let ids = |p: &Pack| p.rules.iter().map(|r| r.id.to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&pack), ids(&city));
    assert!(
        pack.rules
            .iter()
            .all(|r| &*r.origin == CITY && r.replaced.is_none())
    );
}

#[test]
fn an_edition_that_changes_nothing_gives_the_city_verdict_on_every_fixture() {
    let city = city();
    let same = no_change();
    let mut files = Vec::new();
    fixture_files(Path::new("fixtures"), &mut files);
    let mut compared = 0;
    let mut rejected = 0;
    for path in &files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).expect("fixture reads");
        let as_of = as_of(&text);
        let source = Source::new(name.as_str(), text.as_str());
        let (city_facts, same_facts) = match (
            banfa::record::load(&source, &city),
            banfa::record::load(&source, &same),
        ) {
            (Ok(a), Ok(b)) => (a, b),
            // A record with a county edition's own field (fixtures/county-fields/) is one
            // the city schema rejects; an edition that adds no field rejects it the same way.
            (Err(a), Err(b)) => {
                assert_eq!(
                    render(&a),
                    render(&b),
                    "{name}: the two editions reject it differently"
                );
                rejected += 1;
                continue;
            }
            (a, b) => panic!(
                "{name}: the city edition loads it: {}, the no-change edition: {}",
                a.is_ok(),
                b.is_ok()
            ),
        };
        let expected = banfa::eval::evaluate(&city, &city_facts, as_of);
        let actual = banfa::eval::evaluate(&same, &same_facts, as_of);

        assert_eq!(actual.status, expected.status, "{name}: status");
        assert_eq!(
            actual.findings.len(),
            expected.findings.len(),
            "{name}: findings"
        );
        for (a, e) in actual.findings.iter().zip(&expected.findings) {
            assert_eq!(a.rule, e.rule, "{name}: rule order");
            assert_eq!(a.outcome, e.outcome, "{name}: {} outcome", e.rule);
            assert_eq!(a.message, e.message, "{name}: {} message", e.rule);
            assert_eq!(a.origin, CITY, "{name}: {} origin", e.rule);
            assert_eq!(e.origin, CITY, "{name}: {} origin (city)", e.rule);
            assert!(a.replaced.is_none(), "{name}: {} replaced", e.rule);
        }
        assert_eq!(actual.pack.chain, ["无变更@1.0", CITY], "{name}: chain");
        assert_eq!(expected.pack.chain, [CITY], "{name}: city chain");
        assert_eq!(actual.pack.edition, "无变更");

        // Beyond the header, the JSON verdicts are identical: facts read, missing, everything.
        let (mut a, mut e) = (json(&actual), json(&expected));
        for verdict in [&mut a, &mut e] {
            verdict
                .as_object_mut()
                .expect("a verdict is an object")
                .remove("pack");
        }
        assert_eq!(a, e, "{name}: JSON verdicts differ beyond `pack`");
        compared += 1;
    }
    assert!(compared >= 60, "only {compared} fixtures compared");
    assert!(rejected >= 1, "no fixture with a county field was checked");
}

// ------------------------------------------------------------------ b. origins, chain, disabled

#[test]
fn a_jianli_verdict_names_the_origin_of_each_rule() {
    let (text, as_of) = fixture("fixtures/county-jianli-council-review-missing.yaml");
    let pack = edition("监利", as_of);
    let facts = facts("county-jianli-council-review-missing.yaml", &text, &pack);
    let verdict = banfa::eval::evaluate(&pack, &facts, as_of);

    assert_eq!(verdict.status, Status::NonCompliant);
    let council = finding(&verdict, "jianli.council_review");
    assert_eq!(council.origin, JIANLI_2018);
    assert_eq!(council.outcome, Outcome::Fail);
    assert_eq!(council.cite, "第二十二条");
    for f in verdict
        .findings
        .iter()
        .filter(|f| f.rule != "jianli.council_review")
    {
        assert_eq!(f.origin, CITY, "{}", f.rule);
        assert!(f.replaced.is_none(), "{}", f.rule);
    }
    // The county's own rule is the only thing that fails.
    let failing: Vec<&str> = verdict
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
        .map(|f| f.rule)
        .collect();
    assert_eq!(failing, ["jianli.council_review"]);
    assert!(
        verdict
            .findings
            .iter()
            .all(|f| f.rule != "planning.special_plan")
    );
}

#[test]
fn a_jianli_json_verdict_has_the_chain_and_the_disabled_rule_with_its_reason() {
    let (text, as_of) = fixture("fixtures/county-jianli-council-review-missing.yaml");
    let pack = edition("监利", as_of);
    let facts = facts("county-jianli-council-review-missing.yaml", &text, &pack);
    let json = json(&banfa::eval::evaluate(&pack, &facts, as_of));

    assert_eq!(json["pack"]["edition"], "监利");
    assert_eq!(json["pack"]["version"], "2018.1");
    assert_eq!(
        json["pack"]["chain"],
        serde_json::json!([JIANLI_2018, CITY])
    );
    assert_eq!(
        json["disabled"],
        serde_json::json!([{
            "rule": "planning.special_plan",
            "article": "第六条",
            "reason": "示例：本县不要求各单位另报专项规划",
            "by": JIANLI_2018,
        }])
    );
    let findings = json["findings"].as_array().expect("findings");
    let origin = |rule: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| f["origin"].clone())
            .unwrap_or_else(|| panic!("no finding for {rule}"))
    };
    assert_eq!(origin("jianli.council_review"), JIANLI_2018);
    assert_eq!(origin("declaration.on_time"), CITY);
    assert_eq!(origin("scope.jurisdiction"), CITY);
    assert!(
        findings
            .iter()
            .all(|f| f["rule"] != "planning.special_plan")
    );
}

#[test]
fn jianli_2020_keeps_the_2018_rule_its_origin_and_the_disabled_rule() {
    let (text, as_of) = fixture("fixtures/county-jianli-city-2021-version-2020.yaml");
    let pack = edition("监利", as_of);
    let facts = facts("county-jianli-city-2021-version-2020.yaml", &text, &pack);
    let verdict = banfa::eval::evaluate(&pack, &facts, as_of);
    assert_eq!(verdict.status, Status::Compliant);
    assert_eq!(verdict.pack.version, "2020.1");
    assert_eq!(verdict.pack.chain, [JIANLI_2020, JIANLI_2018, CITY]);
    let council = finding(&verdict, "jianli.council_review");
    assert_eq!(council.origin, JIANLI_2018);
    assert_eq!(council.outcome, Outcome::NotApplicable);
    assert!(verdict.findings.iter().all(|f| f.origin != JIANLI_2020));
    assert!(
        verdict
            .findings
            .iter()
            .all(|f| f.rule != "planning.special_plan")
    );

    let json = json(&verdict);
    assert_eq!(
        json["pack"]["chain"],
        serde_json::json!([JIANLI_2020, JIANLI_2018, CITY])
    );
    assert_eq!(json["disabled"][0]["rule"], "planning.special_plan");
    assert_eq!(json["disabled"][0]["by"], JIANLI_2018);
}

#[test]
fn a_county_field_is_read_by_the_county_and_rejected_by_the_city() {
    let (text, as_of) = fixture("fixtures/county-fields/jianli-council-reviewed.yaml");
    let pack = edition("监利", as_of);
    let facts = facts("jianli-council-reviewed.yaml", &text, &pack);
    let verdict = banfa::eval::evaluate(&pack, &facts, as_of);
    assert_eq!(verdict.status, Status::Compliant);
    let council = finding(&verdict, "jianli.council_review");
    assert_eq!(council.outcome, Outcome::Pass);
    assert!(
        council
            .facts
            .iter()
            .any(|f| f.path.to_string() == "approval.council_reviewed_on")
    );

    let city = city();
    let Err(error) = banfa::record::load(
        &Source::new("jianli-council-reviewed.yaml", text.as_str()),
        &city,
    ) else {
        panic!("the city schema has no approval.council_reviewed_on");
    };
    assert!(render(&error).contains("unknown field `approval.council_reviewed_on`"));
}

#[test]
fn gongan_changes_parameters_only_so_every_finding_is_the_citys_text() {
    let (text, as_of) = fixture("fixtures/county-gongan-declared-after-county-deadline.yaml");
    let pack = edition("公安县", as_of);
    let facts = facts(
        "county-gongan-declared-after-county-deadline.yaml",
        &text,
        &pack,
    );
    let verdict = banfa::eval::evaluate(&pack, &facts, as_of);
    assert_eq!(verdict.pack.chain, [GONGAN, CITY]);
    assert!(verdict.findings.iter().all(|f| f.origin == CITY));
    assert!(verdict.disabled.is_empty());
    assert!(json(&verdict).get("disabled").is_none());
    // 公安县 keeps 第六条.
    assert_eq!(
        finding(&verdict, "planning.special_plan").outcome,
        Outcome::Pass
    );
    assert_eq!(pack.rules.len(), city().rules.len());
}

#[test]
fn the_same_project_declared_on_07_10_is_late_for_gongan_and_on_time_for_the_city() {
    let (text, as_of) = fixture("fixtures/county-gongan-declared-after-county-deadline.yaml");
    let gongan = edition("公安县", as_of);
    let county = facts("gongan.yaml", &text, &gongan);
    let county = banfa::eval::evaluate(&gongan, &county, as_of);

    let city = city();
    let as_city = text.replace("jurisdiction: 公安县", "jurisdiction: 荆州市本级");
    let as_city = facts("as-city.yaml", &as_city, &city);
    let as_city = banfa::eval::evaluate(&city, &as_city, as_of);

    assert_eq!(county.status, Status::NonCompliant);
    assert_eq!(as_city.status, Status::Compliant);
    let (c, m) = (
        finding(&county, "declaration.on_time"),
        finding(&as_city, "declaration.on_time"),
    );
    assert_eq!((c.outcome, m.outcome), (Outcome::Fail, Outcome::Pass));
    assert!(
        c.message.contains("2020-06-30") && c.message.contains("逾期10天"),
        "{}",
        c.message
    );
    assert!(m.message.contains("2020-07-31"), "{}", m.message);
    // Apart from the deadline, the scope message and the authorities' names, they agree.
    for (c, m) in county.findings.iter().zip(&as_city.findings) {
        assert_eq!(c.rule, m.rule);
        if c.rule != "declaration.on_time" {
            assert_eq!(c.outcome, m.outcome, "{}", c.rule);
        }
    }
    let filed = finding(&county, "review.filed");
    assert!(filed.message.contains("县经信局"), "{}", filed.message);
    assert!(!filed.message.contains("市智慧办"), "{}", filed.message);
}

// ------------------------------------------------------------------ versions in time

#[test]
fn the_version_in_force_on_the_evaluation_date_is_used() {
    let version = |name: &str, day: &str| edition(name, date(day)).header.version.to_string();
    assert_eq!(version("监利", "2018-03-01"), "2018.1");
    assert_eq!(version("监利", "2019-06-30"), "2018.1");
    assert_eq!(version("监利", "2020-06-30"), "2018.1");
    assert_eq!(version("监利", "2020-07-01"), "2020.1");
    assert_eq!(version("监利", "2021-06-30"), "2020.1");
    assert_eq!(version("公安县", "2021-06-30"), "2018.1");
    assert_eq!(version("荆州市本级", "2021-06-30"), "2017.1");
    let latest = Resolver::default()
        .edition("监利", None)
        .expect("监利 loads");
    assert_eq!(&*latest.header.version, "2020.1");
    assert_eq!(&*latest.header.jurisdiction, "监利市");
}

#[test]
fn a_jianli_project_evaluated_in_2019_uses_2018_1_and_in_2021_uses_2020_1() {
    let (text, as_of) = fixture("fixtures/county-jianli-2019-version-2018.yaml");
    let in_2019 = edition("监利", as_of);
    let f = facts("jianli-2019.yaml", &text, &in_2019);
    let verdict = banfa::eval::evaluate(&in_2019, &f, as_of);
    assert_eq!(verdict.pack.version, "2018.1");
    assert_eq!(verdict.status, Status::Compliant);
    assert_eq!(
        finding(&verdict, "scope.jurisdiction").outcome,
        Outcome::Pass
    );
    assert_eq!(
        finding(&verdict, "jianli.council_review").outcome,
        Outcome::Pending
    );

    let (text, as_of) = fixture("fixtures/county-jianli-city-2021-version-2020.yaml");
    let in_2021 = edition("监利", as_of);
    let f = facts("jianli-2021.yaml", &text, &in_2021);
    let verdict = banfa::eval::evaluate(&in_2021, &f, as_of);
    assert_eq!(verdict.pack.version, "2020.1");
    let scope = finding(&verdict, "scope.jurisdiction");
    assert_eq!(scope.outcome, Outcome::Pass);
    assert_eq!(scope.message, "项目属监利市");
    let filed = finding(&verdict, "review.filed");
    assert!(filed.message.contains("市经信局"), "{}", filed.message);
}

#[test]
fn a_city_project_is_out_of_scope_for_every_county_edition_with_the_hint() {
    let (text, as_of) = fixture("fixtures/record-md-example.yaml");
    for (name, county) in [("公安县", "公安县"), ("监利", "监利市")] {
        let pack = edition(name, as_of);
        let f = facts("record-md-example.yaml", &text, &pack);
        let verdict = banfa::eval::evaluate(&pack, &f, as_of);
        assert_eq!(verdict.status, Status::OutOfScope, "{name}");
        let scope = finding(&verdict, "scope.jurisdiction");
        assert_eq!(scope.outcome, Outcome::Fail);
        assert!(
            scope
                .message
                .contains(&format!("项目属荆州市本级，不属{county}"))
                && scope.message.contains("请使用荆州市本级的版本评估"),
            "{name}: {}",
            scope.message
        );
        assert!(
            verdict
                .findings
                .iter()
                .filter(|f| f.kind != banfa::verdict::Kind::Scope)
                .all(|f| f.outcome == Outcome::NotApplicable),
            "{name}"
        );
    }
}

// ------------------------------------------------------------------ c. broken packs

const BROKEN: &str = "tests/broken-packs";

/// Each case and the diagnostic code it must give.
const BROKEN_CASES: [(&str, &str); 13] = [
    ("override-unknown-id", "banfa::check::unknown_name"),
    ("duplicate-city-rule-id", "banfa::check::duplicate"),
    ("disable-unknown-rule", "banfa::check::unknown_name"),
    ("disable-rule-twice", "banfa::check::rule"),
    ("set-unknown-parameter", "banfa::check::unknown_name"),
    ("set-parameter-wrong-type", "banfa::check::type_mismatch"),
    ("extends-missing-version", "banfa::pack::base"),
    ("extends-missing-edition", "banfa::pack::base"),
    ("cycle-a", "banfa::pack::cycle"),
    ("cycle-b", "banfa::pack::cycle"),
    ("override-without-extends", "banfa::check::rule"),
    ("range-misdeclared", "banfa::check::rule"),
    ("required-when-reads-date", "banfa::check::rule"),
];

/// As `banfa` reports it: long lines cut, at most `MAX_SHOWN` problems.
fn render(report: &dyn banfa::i18n::Report) -> String {
    banfa::diagnostics::plain(report, banfa::i18n::Lang::En, 100)
}

#[test]
fn every_broken_pack_directory_is_a_case() {
    let mut dirs: Vec<String> = std::fs::read_dir(BROKEN)
        .expect("tests/broken-packs reads")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut cases: Vec<String> = BROKEN_CASES.iter().map(|(c, _)| (*c).to_owned()).collect();
    cases.sort();
    assert_eq!(dirs, cases);
}

#[test]
fn broken_packs() {
    let resolver = Resolver::new(vec![BROKEN.into()]);
    for (case, code) in BROKEN_CASES {
        let error = match resolver.load_dir(&Path::new(BROKEN).join(case)) {
            Ok(_) => panic!("{case} loaded without error"),
            Err(error) => error,
        };
        let rendered = render(&error);
        assert!(
            !rendered.contains("Rule::"),
            "{case}: a grammar rule name leaked: {rendered}"
        );
        assert!(
            rendered.starts_with(code),
            "{case}: expected {code}:\n{rendered}"
        );
        insta::with_settings!({ snapshot_suffix => case }, {
            insta::assert_snapshot!(rendered);
        });
    }
}

#[test]
fn a_county_can_word_an_article_of_its_own() {
    let pack = embedded::edition("公安县").expect("公安县 checks");
    let article = pack
        .articles
        .iter()
        .find(|a| a.number == 8)
        .expect("第八条");
    assert!(article.text.contains("每年6月底前"), "{}", article.text);
    let city = embedded::default_pack().expect("city");
    let city_article = city
        .articles
        .iter()
        .find(|a| a.number == 8)
        .expect("第八条");
    assert!(city_article.text.contains("每年7月底前"));
}

#[test]
fn an_unlisted_jurisdiction_is_refused_by_the_city_and_a_county_may_add_its_name() {
    let (text, as_of) = fixture("fixtures/record-md-example.yaml");
    let text = text.replace("jurisdiction: 荆州市本级", "jurisdiction: 示例新区");
    let Err(error) = banfa::record::load(&Source::new("new-district.yaml", text.as_str()), &city())
    else {
        panic!("the city edition lists no 示例新区");
    };
    assert!(
        render(&error).contains("not a term of `行政区划`"),
        "{}",
        render(&error)
    );

    let pack = Resolver::default()
        .load_dir(Path::new("tests/packs/added-district"))
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let facts = facts("new-district.yaml", &text, &pack);
    let verdict = banfa::eval::evaluate(&pack, &facts, as_of);
    assert_eq!(
        finding(&verdict, "scope.jurisdiction").outcome,
        Outcome::Pass
    );
    assert_eq!(verdict.status, Status::Compliant);
}

#[test]
fn an_edition_may_not_add_a_name_its_base_already_has() {
    let dir = std::env::temp_dir().join(format!("banfa-dup-term-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let pack = std::fs::read_to_string("tests/packs/added-district/pack.banfa")
        .expect("pack")
        .replace("{ 示例新区 }", "{ 示例新区 松滋市 }");
    std::fs::write(dir.join("pack.banfa"), pack).expect("write");
    let Err(error) = Resolver::default().load_dir(&dir) else {
        panic!("松滋市 is a term of the city's 行政区划 already");
    };
    std::fs::remove_dir_all(&dir).ok();
    let rendered = render(&error);
    assert!(rendered.contains("松滋市"), "{rendered}");
}

#[test]
fn a_finding_names_the_parameters_it_used_and_the_edition_that_set_them() {
    let (text, as_of) = fixture("fixtures/county-gongan-declared-after-county-deadline.yaml");
    let pack = edition("公安县", as_of);
    let county = facts("gongan.yaml", &text, &pack);
    let verdict = banfa::eval::evaluate(&pack, &county, as_of);
    let json = json(&verdict);
    let on_time = &json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "declaration.on_time")
        .expect("declaration.on_time")["parameters"];
    assert_eq!(
        on_time,
        &serde_json::json!([
            { "name": "申报截止", "value": "06-30", "origin": GONGAN },
            { "name": "智慧办", "value": "县经信局", "origin": GONGAN }
        ])
    );
    // The rule is the city's text; the deadline is the county's.
    assert_eq!(finding(&verdict, "declaration.on_time").origin, CITY);

    let city = city();
    let record = text.replace("jurisdiction: 公安县", "jurisdiction: 荆州市本级");
    let city_facts = facts("city.yaml", &record, &city);
    let verdict = banfa::eval::evaluate(&city, &city_facts, as_of);
    let parameters = finding(&verdict, "declaration.on_time").parameters;
    assert_eq!(
        parameters
            .first()
            .map(|p| (&*p.name, p.value.to_string(), &*p.origin)),
        Some(("申报截止", "07-31".to_owned(), CITY))
    );
}
