//! Pack tests and coverage on the demo pack in `tests/packs/demo`:
//!
//! - `tests/*.yaml` hold cases that pass (the pack's own tests);
//! - `failing/*.yaml` hold cases whose expectations are deliberately wrong;
//! - `broken/*.yaml` hold test files and cases that cannot run, one diagnostics snapshot each.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use banfa::Pack;
use banfa::i18n::Lang;
use banfa::packtest::{self, Case, CaseVerdict, Counts, Mismatch};

const DEMO: &str = "tests/packs/demo";

fn demo_pack() -> Pack {
    banfa::embedded::load_dir(Path::new(DEMO))
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

/// The cases of the demo pack's own tests.
fn demo_cases(pack: &Pack) -> Vec<Case> {
    packtest::load_cases(Path::new(DEMO), pack).expect("the tests directory reads")
}

/// The cases of one file of the demo pack.
fn cases_in(file: &str, pack: &Pack) -> Vec<Case> {
    packtest::load_files(
        &[Path::new(DEMO).join(file)],
        pack,
        &[Path::new(DEMO).into()],
    )
}

fn counts(passed: usize, failed: usize, errors: usize) -> Counts {
    Counts {
        passed,
        failed,
        errors,
    }
}

/// As `banfa` reports it: long lines cut, at most `MAX_SHOWN` problems.
fn render(report: &dyn banfa::i18n::Report) -> String {
    banfa::diagnostics::plain(report, banfa::i18n::Lang::En, 100)
}

/// Every diagnostic of the cases that cannot run, rendered as a person sees them.
fn diagnostics(cases: &[Case]) -> String {
    cases
        .iter()
        .filter_map(|case| case.body.as_ref().err())
        .map(|errors| render(errors))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_demo_packs_own_cases_pass() {
    let pack = demo_pack();
    let cases = demo_cases(&pack);
    let report = packtest::run(&pack, &cases);
    assert_eq!(report.counts(), counts(4, 0, 0), "{report:#?}");
    let titles: Vec<String> = cases.iter().map(|case| case.title(Lang::En)).collect();
    assert_eq!(
        titles,
        [
            "7月31日申报，按时",
            "逾期35天",
            "未申报，申报期未满",
            "未使用财政性资金"
        ]
    );
}

#[test]
fn failures_are_shown_side_by_side() {
    let pack = demo_pack();
    let cases = cases_in("failing/expectations.yaml", &pack);
    let report = packtest::run(&pack, &cases);
    assert_eq!(report.counts(), counts(1, 2, 0));
    let CaseVerdict::Failed(mismatches) = &report.results[0].verdict else {
        panic!("the first case fails");
    };
    assert!(matches!(mismatches[0], Mismatch::Status { .. }));
    assert_eq!(mismatches.len(), 2, "demo.budget passes as expected");
    insta::assert_snapshot!(packtest::render::report(&report, Lang::En, false));
}

#[test]
fn the_filter_keeps_cases_whose_name_contains_the_text() {
    let pack = demo_pack();
    let mut cases = demo_cases(&pack);
    cases.retain(|case| case.matches("申报"));
    let titles: Vec<String> = cases.iter().map(|case| case.title(Lang::En)).collect();
    assert_eq!(titles, ["7月31日申报，按时", "未申报，申报期未满"]);
}

#[test]
fn broken_test_files_give_located_diagnostics() {
    let pack = demo_pack();
    insta::glob!("packs/demo/broken/*.yaml", |path| {
        let cases = packtest::load_files(&[relative(path)], &pack, &[Path::new(DEMO).into()]);
        let report = packtest::run(&pack, &cases);
        assert_eq!(
            report.counts().errors,
            cases.len(),
            "every case is an error"
        );
        insta::assert_snapshot!(diagnostics(&cases));
    });
}

/// Every case's diagnostics in each language, as `banfa test --lang …` shows them.
fn diagnostics_in_both(cases: &[Case]) -> String {
    banfa::i18n::LANGS
        .map(|lang| {
            let each: Vec<String> = cases
                .iter()
                .filter_map(|case| case.body.as_ref().err())
                .map(|errors| banfa::diagnostics::plain(errors, lang, 100))
                .collect();
            format!("──── {lang} ────\n{}", each.join("\n"))
        })
        .join("\n")
}

#[test]
fn test_file_diagnostics_in_both_languages() {
    let pack = demo_pack();
    insta::glob!("packs/demo/broken/*.yaml", |path| {
        let cases = packtest::load_files(&[relative(path)], &pack, &[Path::new(DEMO).into()]);
        insta::assert_snapshot!(diagnostics_in_both(&cases));
    });
}

#[test]
fn an_unknown_rule_id_suggests_the_close_one() {
    let pack = demo_pack();
    let cases = cases_in("broken/cases.yaml", &pack);
    let rendered = diagnostics(&cases[..1]);
    assert!(
        rendered.contains("`demo.ontime` is neither a rule id"),
        "{rendered}"
    );
    assert!(
        rendered.contains("did you mean `demo.on_time`?"),
        "{rendered}"
    );
    assert!(rendered.contains("cases.yaml:6:5"), "{rendered}");
}

#[test]
fn a_bad_inline_record_points_into_the_test_file_and_the_record() {
    let pack = demo_pack();
    let cases = cases_in("broken/cases.yaml", &pack);
    let rendered = diagnostics(&cases[1..2]);
    assert!(
        rendered.contains("the record of case `内联记录有误` is not valid"),
        "{rendered}"
    );
    assert!(rendered.contains("cases.yaml:11:5"), "{rendered}");
    assert!(
        rendered.contains("broken/cases.yaml#内联记录有误:4:1"),
        "{rendered}"
    );
    assert!(
        rendered.contains("did you mean `declared_on`?"),
        "{rendered}"
    );
}

#[test]
fn coverage_counts_outcomes_seen_and_rules_never_failing() {
    let pack = demo_pack();
    let cases = demo_cases(&pack);
    let report = packtest::run(&pack, &cases);
    let coverage = packtest::coverage(&pack, &report);
    assert_eq!((coverage.accounted, coverage.total), (4, 5));
    assert_eq!(coverage.never_failing, ["demo.budget"]);
    assert!(!coverage.complete());
    let rules: Vec<(&str, usize, usize, usize)> = coverage
        .articles
        .iter()
        .flat_map(|a| &a.rules)
        .map(|r| (r.id.as_str(), r.pass, r.fail, r.other))
        .collect();
    assert_eq!(
        rules,
        [
            ("demo.scope", 3, 1, 0),
            ("demo.on_time", 1, 1, 2),
            ("demo.remark", 2, 0, 2),
            ("demo.budget", 3, 0, 1),
        ]
    );
    insta::assert_snapshot!(packtest::render::coverage(&coverage, Lang::En, false));
}

#[test]
fn citations_compare_whatever_the_brackets() {
    assert_eq!(packtest::cite_key("第三条（一）"), "第三条(一)");
    assert_eq!(packtest::cite_key("第三条 (一)"), "第三条(一)");
}

// ------------------------------------------------------------------ the command line

fn banfa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banfa"))
        .env("BANFA_LANG", "en")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("banfa runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn last_line(output: &Output) -> String {
    stdout(output).lines().last().unwrap_or_default().to_owned()
}

#[test]
fn banfa_test_passes_on_the_demo_pack() {
    let out = banfa(&["test", DEMO]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(last_line(&out), "4 passed, 0 failed");
    assert!(stdout(&out).contains("PASS 逾期35天\n"));
}

#[test]
fn banfa_test_filters_by_name() {
    let out = banfa(&["test", DEMO, "--filter", "逾期"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(last_line(&out), "1 passed, 0 failed");
}

#[test]
fn banfa_test_exits_1_on_a_failure_and_2_on_an_error() {
    let failing = pack_with_tests("failing", "failing");
    let out = banfa(&["test", &failing]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(last_line(&out), "1 passed, 2 failed");
    assert!(stdout(&out).contains("FAIL 消息不符\n"));

    let broken = pack_with_tests("broken", "broken");
    let out = banfa(&["test", &broken]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(last_line(&out), "0 passed, 0 failed, 12 errors");
    assert!(stderr(&out).contains("did you mean `demo.on_time`?"));

    for dir in [failing, broken] {
        std::fs::remove_dir_all(dir).expect("temp pack removed");
    }
}

#[test]
fn banfa_coverage_exits_1_when_a_rule_is_never_seen_failing() {
    let out = banfa(&["coverage", DEMO]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("articles accounted for: 4/5\n"), "{text}");
    assert!(
        text.contains("rules never seen failing:\n  demo.budget\n"),
        "{text}"
    );

    let out = banfa(&["coverage", DEMO, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    assert_eq!(json["format"], "banfa.coverage/1");
    assert_eq!(json["pack"], DEMO);
    assert_eq!(json["accounted"], 4);
    assert_eq!(json["total"], 5);
    assert_eq!(json["tests"]["passed"], 4);
    assert_eq!(json["never_failing"], serde_json::json!(["demo.budget"]));
}

/// A copy of the demo pack whose `tests/` holds the demo's `from` directory; its path.
fn pack_with_tests(from: &str, name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("banfa-packtest-{}-{name}", std::process::id()));
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).expect("temp dir");
        for entry in std::fs::read_dir(from).expect("demo dir") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
            }
        }
    };
    let demo = Path::new(DEMO);
    copy(demo, &dir);
    copy(&demo.join("records"), &dir.join("records"));
    copy(&demo.join(from), &dir.join("tests"));
    dir.to_string_lossy().into_owned()
}

/// A path under the crate, as the crate root sees it (insta's glob gives absolute ones).
fn relative(path: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).unwrap_or(path).to_owned()
}
