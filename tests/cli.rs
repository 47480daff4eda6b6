//! `banfa evaluate` end to end: exit statuses, JSON Lines, diagnostics on stderr.

use std::process::{Command, Output};

fn banfa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banfa"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("banfa runs")
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const AS_OF: [&str; 2] = ["--as-of", "2021-06-30"];

#[test]
fn a_compliant_record_exits_0() {
    let out = banfa(&[
        "evaluate",
        "fixtures/record-md-example.yaml",
        AS_OF[0],
        AS_OF[1],
    ]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("合规（compliant）"));
}

#[test]
fn an_out_of_scope_record_exits_0() {
    let out = banfa(&[
        "evaluate",
        "fixtures/scope-county-project.yaml",
        AS_OF[0],
        AS_OF[1],
    ]);
    assert_eq!(code(&out), Some(0));
}

#[test]
fn a_non_compliant_record_exits_1() {
    let out = banfa(&[
        "evaluate",
        "fixtures/declaration-weeks-late.yaml",
        AS_OF[0],
        AS_OF[1],
    ]);
    assert_eq!(code(&out), Some(1));
}

#[test]
fn json_prints_one_verdict_per_line_in_input_order() {
    let out = banfa(&[
        "evaluate",
        "fixtures/record-md-example.yaml",
        "fixtures/scope-county-project.yaml",
        "fixtures/declaration-weeks-late.yaml",
        "--format",
        "json",
        AS_OF[0],
        AS_OF[1],
    ]);
    assert_eq!(code(&out), Some(1));
    let text = stdout(&out);
    let statuses: Vec<String> = text
        .lines()
        .map(|line| {
            let verdict: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            assert_eq!(verdict["format"], "banfa.verdict/1");
            assert_eq!(verdict["as_of"], "2021-06-30");
            verdict["status"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    assert_eq!(statuses, ["compliant", "out_of_scope", "non_compliant"]);
}

#[test]
fn a_bad_record_exits_2_with_a_located_diagnostic_and_no_verdict() {
    let dir = std::env::temp_dir().join(format!("banfa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.yaml");
    let good = std::fs::read_to_string("fixtures/record-md-example.yaml").expect("fixture");
    std::fs::write(&bad, good.replace("submitted_on:", "submited_on:")).expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let out = banfa(&[
        "evaluate",
        &bad,
        "fixtures/record-md-example.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), Some(2));
    assert_eq!(
        stdout(&out).lines().count(),
        1,
        "only the good record has a verdict"
    );
    let err = stderr(&out);
    assert!(err.contains("bad.yaml:12:"), "{err}");
    assert!(err.contains("submitted_on"), "did-you-mean: {err}");
}

#[test]
fn a_broken_pack_exits_2_with_a_located_diagnostic() {
    let dir = std::env::temp_dir().join(format!("banfa-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for entry in std::fs::read_dir("rules/jingzhou-city").expect("city rules") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "banfa") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("rule file");
        let text = text.replace(
            "declaration.submitted_on <= 截止",
            "declaration.submited_on <= 截止",
        );
        std::fs::write(dir.join(path.file_name().expect("name")), text).expect("write");
    }
    let pack = dir.to_string_lossy().into_owned();
    let out = banfa(&[
        "evaluate",
        "--pack",
        &pack,
        "fixtures/record-md-example.yaml",
    ]);
    assert_eq!(code(&out), Some(2));
    let err = stderr(&out);
    assert!(err.contains("08-declaration.banfa:"), "{err}");
    assert!(
        err.contains("did you mean `declaration.submitted_on`?"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn bad_flags_exit_2() {
    let record = "fixtures/record-md-example.yaml";
    for args in [
        vec!["evaluate", record, "--as-of", "2021-02-30"],
        vec!["evaluate", record, "--format", "xml"],
        vec!["evaluate", record, "--edition", "不存在"],
        vec!["evaluate", record, "--bogus"],
        vec!["evaluate", "no/such/file.yaml"],
        vec!["evaluate"],
    ] {
        let out = banfa(&args);
        assert_eq!(code(&out), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty(), "{args:?} says why");
    }
}

#[test]
fn no_colour_when_not_a_terminal() {
    let out = banfa(&[
        "evaluate",
        "fixtures/declaration-weeks-late.yaml",
        AS_OF[0],
        AS_OF[1],
    ]);
    assert!(!stdout(&out).contains('\u{1b}'));
}

#[test]
fn check_passes_the_shipped_packs_and_locates_errors_in_plain_form() {
    let out = banfa(&["check", "rules/jingzhou-city"]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok: rules/jingzhou-city"));

    let dir = std::env::temp_dir().join(format!("banfa-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let city = std::fs::read_to_string("rules/jingzhou-city/pack.banfa").expect("pack");
    let schema = std::fs::read_to_string("rules/jingzhou-city/schema.banfa").expect("schema");
    let articles = std::fs::read_to_string("rules/jingzhou-city/articles.banfa").expect("articles");
    let parameters =
        std::fs::read_to_string("rules/jingzhou-city/parameters.banfa").expect("parameters");
    std::fs::write(dir.join("parameters.banfa"), parameters).expect("write");
    std::fs::write(dir.join("pack.banfa"), city).expect("write");
    std::fs::write(dir.join("schema.banfa"), schema).expect("write");
    std::fs::write(dir.join("articles.banfa"), articles).expect("write");
    std::fs::write(
        dir.join("rule.banfa"),
        "requirement x.y cites 第八条 {\n  pass when plan_yaer > 2000 says \"\"\n  fail otherwise says \"\"\n}\n",
    )
    .expect("write");
    let pack = dir.to_string_lossy().into_owned();
    let out = banfa(&["check", "--error-format", "plain", &pack]);
    assert_eq!(code(&out), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("rule.banfa:2:13: error: unknown name `plan_yaer`"),
        "{text}"
    );
    assert!(text.contains("did you mean `plan_year`?"), "{text}");
    let out = banfa(&["check", "--error-format", "json", &pack]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap_or_default()).expect("JSON line");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(13))
    );
}

#[test]
fn schema_prints_a_json_schema() {
    let out = banfa(&["schema"]);
    assert_eq!(code(&out), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["properties"]["declaration"]["properties"]["submitted_on"].is_object());
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for command in [
        "evaluate",
        "test",
        "coverage",
        "packs",
        "check",
        "schema",
        "completions",
    ] {
        let out = banfa(&[command, "--help"]);
        assert_eq!(code(&out), Some(0), "{command}");
        assert!(
            stdout(&out).contains("Examples:"),
            "{command} --help has no examples"
        );
    }
    let out = banfa(&["completions", "bash"]);
    assert!(stdout(&out).contains("_banfa"));
}

#[test]
fn fmt_check_lists_unformatted_files_and_fmt_rewrites_them() {
    let dir = std::env::temp_dir().join(format!("banfa-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("rule.banfa");
    let messy = "requirement a.b cites 第八条 {\n        pass when x   \n says \"y\"\nfail otherwise says \"z\"\n}\n";
    std::fs::write(&file, messy).expect("write");
    let path = file.to_string_lossy().into_owned();
    let out = banfa(&["fmt", "--check", &path]);
    assert_eq!(code(&out), Some(1));
    assert!(stdout(&out).contains("rule.banfa"));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        messy,
        "--check changes nothing"
    );
    let out = banfa(&["fmt", &path]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let formatted = std::fs::read_to_string(&file).expect("read");
    assert_eq!(
        formatted,
        "requirement a.b cites 第八条 {\n  pass when x\n       says \"y\"\n  fail otherwise says \"z\"\n}\n"
    );
    assert_eq!(code(&banfa(&["fmt", "--check", &path])), Some(0));
    let leftovers = std::fs::read_dir(&dir).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
    std::fs::write(&file, "requirement {\n").expect("write");
    assert_eq!(
        code(&banfa(&["fmt", &path])),
        Some(2),
        "a file that does not parse"
    );
}

#[test]
fn an_out_of_scope_county_project_is_pointed_at_its_edition() {
    let out = banfa(&[
        "evaluate",
        "fixtures/scope-county-project.yaml",
        AS_OF[0],
        AS_OF[1],
    ]);
    assert_eq!(code(&out), Some(0));
    assert!(
        stdout(&out).contains("--edition 公安县"),
        "{}",
        stdout(&out)
    );
    let out = banfa(&[
        "evaluate",
        "fixtures/scope-county-project.yaml",
        "--format",
        "json",
        AS_OF[0],
        AS_OF[1],
    ]);
    let verdict: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(verdict["suggested_editions"], serde_json::json!(["公安县"]));
    let out = banfa(&[
        "evaluate",
        "fixtures/record-md-example.yaml",
        "--format",
        "json",
        AS_OF[0],
        AS_OF[1],
    ]);
    let verdict: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert!(
        verdict.get("suggested_editions").is_none(),
        "only for out-of-scope verdicts"
    );
}
