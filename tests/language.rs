//! The language of what `banfa` says: Chinese by default, English with `--lang en`, the
//! choice made by `--lang`, then `BANFA_LANG`, then the locale. Every error of a run has one
//! form (miette's report, no `Error:` prefix on the second), whatever its stage.

mod common;

use std::process::Output;

/// `banfa` in a neutral locale (`LANG=C` chooses no language), with the environment given.
fn banfa(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = common::neutral();
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("banfa runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// stderr in both languages, for a snapshot of the report's form.
fn both(args: &[&str]) -> String {
    let zh = banfa(args, &[]);
    let mut en_args = vec!["--lang", "en"];
    en_args.extend_from_slice(args);
    let en = banfa(&en_args, &[]);
    assert!(matches!(zh.status.code(), Some(1 | 2)), "{}", stderr(&zh));
    assert_eq!(zh.status.code(), en.status.code(), "{}", stderr(&en));
    format!(
        "──── zh-CN ────\n{}──── en ────\n{}",
        stderr(&zh),
        stderr(&en)
    )
}

#[test]
fn a_bad_flag_is_reported_in_chinese_by_default_and_in_english_on_request() {
    insta::assert_snapshot!("unknown_flag", both(&["evaluate", "--explian", "x.yaml"]));
    insta::assert_snapshot!(
        "bad_date",
        both(&["evaluate", "--as-of", "2021-02-30", "x.yaml"])
    );
    insta::assert_snapshot!(
        "bad_format",
        both(&["evaluate", "--format", "yaml", "x.yaml"])
    );
    insta::assert_snapshot!("unknown_command", both(&["evalute"]));
    insta::assert_snapshot!("missing_record", both(&["evaluate"]));
}

#[test]
fn a_bad_record_is_reported_in_chinese_by_default_and_in_english_on_request() {
    let args = ["evaluate", "tests/bad-records/json-several-problems.json"];
    let text = both(&args);
    assert!(!text.contains("Error:"), "{text}");
    insta::assert_snapshot!("bad_record", text);
    insta::assert_snapshot!(
        "unreadable_record",
        both(&["evaluate", "no/such/record.yaml"])
    );
}

#[test]
fn the_flag_wins_over_banfa_lang_which_wins_over_the_locale() {
    let args = ["evaluate", "tests/bad-records/missing-required-unit.yaml"];
    let zh = "缺少必填字段";
    let en = "missing required field";
    assert!(stderr(&banfa(&args, &[])).contains(zh));
    assert!(stderr(&banfa(&args, &[("LANG", "en_US.UTF-8")])).contains(en));
    assert!(
        stderr(&banfa(
            &args,
            &[("LANG", "en_US.UTF-8"), ("BANFA_LANG", "zh")]
        ))
        .contains(zh)
    );
    let mut flagged = vec!["--lang", "en"];
    flagged.extend_from_slice(&args);
    assert!(stderr(&banfa(&flagged, &[("BANFA_LANG", "zh")])).contains(en));
    // `--lang` after the subcommand counts too.
    let after = ["evaluate", "--lang=en", args[1]];
    assert!(stderr(&banfa(&after, &[])).contains(en));
}

#[test]
fn a_bad_lang_is_itself_a_diagnostic() {
    let out = banfa(&["--lang", "fr", "evaluate", "x.yaml"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("banfa::cli::invalid_value"), "{text}");
    assert!(text.contains("`fr`"), "{text}");
}

#[test]
fn a_text_verdict_has_the_words_of_the_language_and_the_packs_messages() {
    let args = [
        "evaluate",
        "fixtures/declaration-weeks-late.yaml",
        "--as-of",
        "2021-06-30",
    ];
    let zh = String::from_utf8_lossy(&banfa(&args, &[]).stdout).into_owned();
    assert!(zh.contains("结论：不合规（non_compliant）"), "{zh}");
    assert!(
        zh.contains("概要：1项不符合、1项未到期、23项符合、7项不适用"),
        "{zh}"
    );
    let en = String::from_utf8_lossy(&banfa(&args, &[("BANFA_LANG", "en")]).stdout).into_owned();
    assert!(
        en.contains("Verdict: non-compliant (non_compliant)"),
        "{en}"
    );
    assert!(
        en.contains("Summary: 1 fail, 1 pending, 23 pass, 7 not applicable"),
        "{en}"
    );
    // The findings are the pack's words, in the pack's language, either way.
    let finding = "2021年度项目应于2020-07-31前申报，实际申报日期2020-09-04，逾期35天";
    assert!(zh.contains(finding) && en.contains(finding));
    // JSON is the contract: the same bytes in every language.
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let (zh, en) = (banfa(&json, &[]), banfa(&json, &[("BANFA_LANG", "en")]));
    assert_eq!(zh.stdout, en.stdout);
}

/// A scratch directory of this test run, emptied.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("banfa-language-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// stderr in both languages, with the scratch directory's path written `SCRATCH`.
fn both_in(args: &[&str], scratch: &std::path::Path) -> String {
    both(args).replace(&scratch.display().to_string(), "SCRATCH")
}

#[test]
fn pack_diff_fmt_and_command_line_diagnostics_in_both_languages() {
    let dir = scratch("codes");
    let path = |name: &str| dir.join(name).display().to_string();
    std::fs::create_dir_all(dir.join("empty")).expect("dir");
    std::fs::write(dir.join("broken.banfa"), "requirement x cites {\n").expect("file");
    std::fs::create_dir_all(dir.join("headless")).expect("dir");
    let rule = "requirement a.b cites 第一条 \"x\" {\n  pass otherwise says \"y\"\n}\n";
    std::fs::write(dir.join("headless/rules.banfa"), rule).expect("file");
    let cases: Vec<(&str, Vec<String>)> = vec![
        (
            "conflict",
            vec!["evaluate", "--pack", "a", "--edition", "b", "x.yaml"],
        ),
        (
            "pack_empty",
            vec!["evaluate", "--pack", &path("empty"), "x.yaml"],
        ),
        (
            "pack_io",
            vec!["evaluate", "--pack", &path("nowhere"), "x.yaml"],
        ),
        ("pack_version", vec!["diff", "监利@2019.1"]),
        (
            "pack_not_in_force",
            vec![
                "evaluate",
                "--edition",
                "公安县",
                "--as-of",
                "2017-10-01",
                "x.yaml",
            ],
        ),
        ("diff_no_base", vec!["diff", "荆州市本级"]),
        (
            "diff_read",
            vec![
                "diff",
                "荆州市本级",
                "公安县",
                "--record",
                &path("none.yaml"),
            ],
        ),
        (
            "diff_record",
            vec![
                "diff",
                "荆州市本级",
                "公安县",
                "--record",
                "tests/bad-records/missing-required-unit.yaml",
            ],
        ),
        ("fmt_read", vec!["fmt", "--check", &path("none.banfa")]),
        ("fmt_syntax", vec!["fmt", "--check", &path("broken.banfa")]),
        ("check_header", vec!["check", &path("headless")]),
        ("test_empty_pack", vec!["test", &path("empty")]),
    ]
    .into_iter()
    .map(|(name, args)| (name, args.into_iter().map(String::from).collect()))
    .collect();
    for (name, args) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        insta::assert_snapshot!(name, both_in(&args, &dir));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
