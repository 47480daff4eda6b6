//! The words `banfa test`, `banfa coverage`, `banfa diff` and `banfa packs` print around what
//! the packs say: Chinese by default (no `BANFA_LANG`, a locale that chooses no language),
//! English with `--lang en`; and snapshots of a Chinese test failure and a Chinese diff.

mod common;

use std::path::Path;
use std::process::Output;

use banfa::i18n::Lang;
use banfa::packtest;

const DEMO: &str = "tests/packs/demo";

/// `banfa ARGS` in a locale that chooses no language, without colour.
fn banfa(args: &[&str]) -> Output {
    common::neutral().args(args).output().expect("banfa runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `banfa ARGS` by default and with `--lang en`: its stdout each time.
fn both(args: &[&str]) -> (String, String) {
    let zh = stdout(&banfa(args));
    let en = stdout(&banfa(&[args, &["--lang", "en"]].concat()));
    (zh, en)
}

fn assert_has(text: &str, words: &[&str]) {
    for word in words {
        assert!(text.contains(word), "no `{word}` in:\n{text}");
    }
}

fn assert_lacks(text: &str, words: &[&str]) {
    for word in words {
        assert!(!text.contains(word), "`{word}` in:\n{text}");
    }
}

#[test]
fn banfa_test_speaks_chinese_by_default_and_english_on_request() {
    let (zh, en) = both(&["test", DEMO]);
    assert_has(&zh, &["（演示市 1.0）：4 个用例\n", "通过 逾期35天\n"]);
    assert!(zh.ends_with("\n4 个通过，0 个失败\n"), "{zh}");
    assert_lacks(&zh, &["PASS", "passed", "cases"]);
    assert_has(&en, &[" (演示市 1.0): 4 cases\n", "PASS 逾期35天\n"]);
    assert!(en.ends_with("\n4 passed, 0 failed\n"), "{en}");
}

#[test]
fn banfa_test_filters_in_either_language() {
    let (zh, en) = both(&["test", DEMO, "--filter", "逾期"]);
    assert_has(&zh, &["4 个用例中有 1 个名称含 `逾期`"]);
    assert_has(&en, &["1 of 4 cases match `逾期`"]);
}

#[test]
fn banfa_coverage_speaks_chinese_by_default_and_english_on_request() {
    let (zh, en) = both(&["coverage", DEMO]);
    assert_has(
        &zh,
        &[
            "测试：4 个通过，0 个失败\n",
            "条款    标题      规则或体现之处      符合  不符合  其他\n",
            "（未落实）",
            "已落实的条款：4/5\n",
            "未见不符合的规则：\n  demo.budget\n",
        ],
    );
    assert_lacks(&zh, &["article", "held by", "accounted"]);
    assert_has(
        &en,
        &[
            "tests: 4 passed, 0 failed\n",
            "article  title     rule or held by      pass  fail  other\n",
            "articles accounted for: 4/5\n",
            "rules never seen failing:\n  demo.budget\n",
        ],
    );
}

#[test]
fn coverage_json_is_the_same_in_either_language() {
    let (zh, en) = both(&["coverage", DEMO, "--format", "json"]);
    assert!(zh.starts_with("{\"format\":\"banfa.coverage/1\""), "{zh}");
    assert_eq!(zh, en);
}

#[test]
fn banfa_diff_speaks_chinese_by_default_and_english_on_request() {
    let (zh, en) = both(&["diff", "荆州市本级", "公安县"]);
    assert_has(
        &zh,
        &[
            "a：荆州市本级@2017.1\n",
            "\n基本信息\n",
            "\n参数\n",
            "处差异\n",
        ],
    );
    assert_lacks(&zh, &["\nheader\n", "differences"]);
    assert_has(
        &en,
        &["a: 荆州市本级@2017.1\n", "\nheader\n", "\nparameters\n"],
    );
    assert!(en.ends_with(" differences\n"), "{en}");

    let (zh, en) = both(&["diff", DEMO, DEMO]);
    assert!(zh.ends_with("\n没有差异\n"), "{zh}");
    assert!(en.ends_with("\nno differences\n"), "{en}");
}

#[test]
fn a_verdict_diff_speaks_chinese_by_default_and_english_on_request() {
    let record = "tests/packs/demo/records/late.yaml";
    let args = [
        "diff",
        DEMO,
        DEMO,
        "--record",
        record,
        "--as-of",
        "2021-06-30",
    ];
    let (zh, en) = both(&args);
    assert_has(
        &zh,
        &["评估日期：2021-06-30\n", "结论：不合规（两者相同）\n"],
    );
    assert!(zh.ends_with("\n结论相同\n"), "{zh}");
    assert_has(
        &en,
        &["as of: 2021-06-30\n", "status: non_compliant (both)\n"],
    );
    assert!(en.ends_with("\nthe same verdict\n"), "{en}");
}

#[test]
fn diff_json_is_the_same_in_either_language() {
    let (zh, en) = both(&["diff", "荆州市本级", "公安县", "--format", "json"]);
    assert!(zh.starts_with("{\"format\":\"banfa.diff/1\""), "{zh}");
    assert_eq!(zh, en);
}

#[test]
fn banfa_packs_names_its_columns_in_chinese_by_default_and_english_on_request() {
    let (zh, en) = both(&["packs"]);
    let first = |text: &str| text.lines().next().unwrap_or_default().to_owned();
    assert_eq!(first(&zh), "版本\t版本号\t施行日期\t行政区划\t继承自\t位置");
    assert_eq!(
        first(&en),
        "edition\tversion\teffective\tjurisdiction\textends\tlocation"
    );
    assert_eq!(
        zh.lines().skip(1).collect::<Vec<_>>(),
        en.lines().skip(1).collect::<Vec<_>>()
    );
}

#[test]
fn a_test_failure_in_chinese() {
    let pack = banfa::embedded::load_dir(Path::new(DEMO))
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let file = Path::new(DEMO).join("failing/expectations.yaml");
    let cases = packtest::load_files(&[file], &pack, &[DEMO.into()]);
    let report = packtest::run(&pack, &cases);
    let summary = packtest::render::counts(report.counts(), Lang::Zh);
    let text = packtest::render::report(&report, Lang::Zh, false) + "\n" + &summary + "\n";
    insta::assert_snapshot!(text);
}

#[test]
fn a_verdict_diff_in_chinese() {
    let out = banfa(&[
        "diff",
        "荆州市本级",
        "公安县",
        "--record",
        "fixtures/county-gongan-declared-on-time.yaml",
        "--as-of",
        "2021-06-30",
    ]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out));
}
