//! `banfa evaluate` end to end: exit statuses, JSON Lines, diagnostics on stderr; and
//! `--edition` found on the pack search path by every command that takes it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn banfa(args: &[&str]) -> Output {
    banfa_with_pack_path(args, None)
}

/// `banfa` with `BANFA_PACK_PATH` set to `pack_path`, or unset.
fn banfa_with_pack_path(args: &[&str], pack_path: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banfa"));
    command.env("BANFA_LANG", "en");
    command.args(args).env("NO_COLOR", "1");
    match pack_path {
        Some(path) => command.env("BANFA_PACK_PATH", path),
        None => command.env_remove("BANFA_PACK_PATH"),
    };
    command.output().expect("banfa runs")
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
        "--lang",
        "zh",
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
fn ids_are_shown_at_the_end_of_a_finding_only_with_ids() {
    let record = "fixtures/declaration-weeks-late.yaml";
    let line = "  ✗ 第八条  2021年度项目应于2020-07-31前申报，实际申报日期2020-09-04，逾期35天";
    let zh = ["--lang", "zh"];
    let plain = stdout(&banfa(&[&zh[..], &["evaluate", record], &AS_OF].concat()));
    assert!(plain.contains(&format!("{line}\n")), "{plain}");
    assert!(!plain.contains("declaration.on_time"), "{plain}");
    let ids = stdout(&banfa(
        &[&zh[..], &["evaluate", record, "--ids"], &AS_OF].concat(),
    ));
    assert!(
        ids.contains(&format!("{line}  〔declaration.on_time〕\n")),
        "{ids}"
    );
    assert!(!ids.contains('\x1b'), "{ids}");
    let json = banfa(&["evaluate", record, "--format", "json", AS_OF[0], AS_OF[1]]);
    let with_ids = [
        &["evaluate", record, "--ids"][..],
        &["--format", "json"],
        &AS_OF,
    ]
    .concat();
    assert_eq!(
        stdout(&banfa(&with_ids)),
        stdout(&json),
        "--ids is for text only"
    );
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
fn a_bad_record_exits_2_with_a_located_diagnostic_and_an_error_in_place_of_its_verdict() {
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
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 2, "one line per record");
    assert!(
        lines[0].starts_with(r#"{"format":"banfa.error/1""#),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(r#"{"format":"banfa.verdict/1""#),
        "{}",
        lines[1]
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
fn schema_prints_a_markdown_table_with_format_markdown() {
    let out = banfa(&["schema", "--format", "markdown"]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    assert_eq!(stdout(&out), banfa::json_schema::markdown(&pack));
    let out = banfa(&["schema", "--format", "json"]);
    assert_eq!(stdout(&out), stdout(&banfa(&["schema"])));
    let out = banfa(&["schema", "--format", "html"]);
    assert_eq!(code(&out), Some(2));
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
    std::fs::remove_dir_all(&dir).ok();
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

// ------------------------------------------------------------ an edition on the pack path

/// A county edition kept outside the binary: it extends the embedded city edition and says
/// only that it governs 松滋市, from 2019-01-01.
const SONGZI: &str = r#"
pack "松滋市信息化建设项目管理办法（测试用）" {
  edition      松滋市_test
  extends      荆州市本级 2017.1
  jurisdiction 松滋市
  version      2019.1
  effective    2019-01-01
}

set parameter 本级 = 松滋市
"#;

const SONGZI_EDITION: &str = "松滋市_test";

/// A scratch directory of this test process: `packs/songzi/pack.banfa` (so `packs` is a
/// directory that holds packs) and `songzi-project.yaml`, the county project of
/// `fixtures/scope-county-project.yaml` moved to 松滋市. Returns `packs` and the record.
fn songzi(name: &str) -> (PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("banfa-songzi-{}-{name}", std::process::id()));
    let packs = dir.join("packs");
    std::fs::create_dir_all(packs.join("songzi")).expect("temp dir");
    std::fs::write(packs.join("songzi").join("pack.banfa"), SONGZI).expect("write");
    let fixture = std::fs::read_to_string("fixtures/scope-county-project.yaml").expect("fixture");
    let record = fixture
        .replace("jurisdiction: 公安县", "jurisdiction: 松滋市")
        .replace("unit: 公安县教育局", "unit: 松滋市教育局");
    assert!(
        record.contains("jurisdiction: 松滋市"),
        "the fixture gives a jurisdiction"
    );
    let path = dir.join("songzi-project.yaml");
    std::fs::write(&path, record).expect("write");
    (packs, path.to_string_lossy().into_owned())
}

/// The one JSON verdict printed.
fn json_verdict(out: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)))
}

#[test]
fn the_edition_suggested_from_the_pack_path_is_accepted_by_evaluate() {
    let (packs, record) = songzi("suggested");
    let packs = packs.to_string_lossy().into_owned();
    let city = [
        "evaluate",
        &record,
        "--pack-path",
        &packs,
        AS_OF[0],
        AS_OF[1],
    ];
    let out = banfa(&[&city[..], &["--format", "json"]].concat());
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let verdict = json_verdict(&out);
    assert_eq!(verdict["status"], "out_of_scope");
    assert_eq!(
        verdict["suggested_editions"],
        serde_json::json!([SONGZI_EDITION])
    );
    let text = stdout(&banfa(&city));
    assert!(
        text.contains(&format!("--edition {SONGZI_EDITION}")),
        "{text}"
    );

    let suggested = verdict["suggested_editions"][0]
        .as_str()
        .unwrap_or_default();
    let out = banfa(&[&city[..], &["--edition", suggested, "--format", "json"]].concat());
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let verdict = json_verdict(&out);
    assert_eq!(verdict["status"], "compliant");
    assert_eq!(verdict["pack"]["edition"], SONGZI_EDITION);
    assert_eq!(
        verdict["pack"]["chain"],
        serde_json::json!(["松滋市_test@2019.1", "荆州市本级@2017.1"])
    );
}

#[test]
fn evaluate_finds_an_edition_through_banfa_pack_path() {
    let (packs, record) = songzi("env");
    let args = [
        "evaluate",
        &record,
        "--edition",
        SONGZI_EDITION,
        "--format",
        "json",
        AS_OF[0],
        AS_OF[1],
    ];
    let out = banfa_with_pack_path(&args, Some(&packs));
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let verdict = json_verdict(&out);
    assert_eq!(verdict["status"], "compliant");
    assert_eq!(verdict["pack"]["edition"], SONGZI_EDITION);
    let out = banfa(&args);
    assert_eq!(code(&out), Some(2), "not found without the pack path");
    let city = [&["evaluate", &record, "--format", "json"][..], &AS_OF].concat();
    let verdict = json_verdict(&banfa_with_pack_path(&city, Some(&packs)));
    assert_eq!(verdict["status"], "out_of_scope");
    assert_eq!(
        verdict["suggested_editions"],
        serde_json::json!([SONGZI_EDITION])
    );
}

#[test]
fn schema_takes_an_edition_from_the_pack_path() {
    let (packs, _) = songzi("schema");
    let packs = packs.to_string_lossy().into_owned();
    let out = banfa(&["schema", "--edition", SONGZI_EDITION, "--pack-path", &packs]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let title = schema["title"].as_str().unwrap_or_default();
    assert!(title.contains("松滋市_test 2019.1"), "{title}");
    assert!(schema["properties"]["jurisdiction"].is_object());
    let out = banfa_with_pack_path(
        &["schema", "--edition", SONGZI_EDITION, AS_OF[0], AS_OF[1]],
        Some(Path::new(&packs)),
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
}

#[test]
fn an_edition_asked_for_before_its_first_version_exits_2() {
    let (packs, record) = songzi("not-in-force");
    let packs = packs.to_string_lossy().into_owned();
    let flags = ["--edition", SONGZI_EDITION, "--pack-path", &packs];
    let early = ["--as-of", "2018-06-30"];
    for args in [
        [&["evaluate", &record][..], &flags, &early].concat(),
        [&["schema"][..], &flags, &early].concat(),
    ] {
        let out = banfa(&args);
        assert_eq!(code(&out), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("no version of the edition `松滋市_test` is in force on 2018-06-30"),
            "{args:?}: {err}"
        );
        assert!(err.contains("2019-01-01"), "{args:?}: {err}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

#[test]
fn an_unknown_edition_exits_2_with_a_did_you_mean() {
    let (packs, record) = songzi("unknown");
    let packs = packs.to_string_lossy().into_owned();
    let flags = ["--edition", "松滋市_tes", "--pack-path", &packs];
    for args in [
        [&["evaluate", &record][..], &flags].concat(),
        [&["schema"][..], &flags].concat(),
    ] {
        let out = banfa(&args);
        assert_eq!(code(&out), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("no edition is named `松滋市_tes`"),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("did you mean `松滋市_test`?"),
            "{args:?}: {err}"
        );
        for known in ["`荆州市本级`", "`公安县`", "`松滋市_test`"] {
            assert!(err.contains(known), "{args:?} lists {known}: {err}");
        }
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

#[test]
fn a_json_record_is_read_as_json() {
    let args = |record: &str| -> Vec<String> {
        [
            "evaluate",
            "--as-of",
            "2021-06-30",
            "--format",
            "json",
            record,
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let run = |record: &str| {
        let args = args(record);
        banfa(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (json, yaml) = (
        run("fixtures/record-md-example.json"),
        run("fixtures/record-md-example.yaml"),
    );
    assert_eq!(code(&json), Some(0), "{}", stderr(&json));
    // The same verdict, but for the file each names.
    assert_eq!(
        stdout(&json).replace("record-md-example.json", "record-md-example.yaml"),
        stdout(&yaml)
    );
    // A bad JSON record is reported as JSON, with its place.
    let bad = run("tests/bad-records/json-trailing-comma.json");
    assert_eq!(code(&bad), Some(2));
    assert!(
        stderr(&bad).contains("the record is not valid JSON"),
        "{}",
        stderr(&bad)
    );
    assert!(
        stderr(&bad).contains("json-trailing-comma.json:58:3"),
        "{}",
        stderr(&bad)
    );
}

/// `banfa check` on a broken rule file (a misspelt field) speaks Chinese when nothing chooses a language
/// (`LANG=C` chooses none), and English with `--lang en`; the code is the same in both.
#[test]
fn check_reports_a_broken_rule_file_in_chinese_by_default_and_in_english_on_request() {
    let dir = std::env::temp_dir().join(format!("banfa-check-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for file in ["pack", "schema", "articles", "parameters"] {
        let text = std::fs::read_to_string(format!("rules/jingzhou-city/{file}.banfa"))
            .expect("city file");
        std::fs::write(dir.join(format!("{file}.banfa")), text).expect("write");
    }
    std::fs::write(
        dir.join("rule.banfa"),
        "requirement x.y cites 第八条 {\n  pass when plan_yaer > 2000 says \"\"\n  fail otherwise says \"\"\n}\n",
    )
    .expect("write");
    let pack = dir.to_string_lossy().into_owned();
    let run = |extra: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_banfa"));
        command
            .env_remove("BANFA_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .args(extra)
            .args(["check", "--error-format", "json", &pack]);
        let out = command.output().expect("banfa runs");
        assert_eq!(code(&out), Some(2));
        let line = stdout(&out).lines().next().unwrap_or_default().to_owned();
        serde_json::from_str::<serde_json::Value>(&line).expect("JSON line")
    };
    let zh = run(&[]);
    assert_eq!(zh["code"], "banfa::check::unknown_name");
    assert_eq!(zh["message"], "未知的名称 `plan_yaer`");
    assert_eq!(zh["help"], "是否想写 `plan_year`？");
    let en = run(&["--lang", "en"]);
    assert_eq!(en["code"], "banfa::check::unknown_name");
    assert_eq!(en["message"], "unknown name `plan_yaer`");
    assert_eq!(en["help"], "did you mean `plan_year`?");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn json_gives_one_line_per_record_with_an_error_object_for_a_bad_one() {
    let out = banfa(&[
        "evaluate",
        "--format",
        "json",
        "fixtures/record-md-example.yaml",
        "tests/bad-records/missing-required-unit.yaml",
        "no/such/record.yaml",
        "fixtures/compliant-maintenance.yaml",
        AS_OF[0],
        AS_OF[1],
    ]);
    assert_eq!(code(&out), Some(2), "the batch goes on, and still exits 2");
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    let formats: Vec<&str> = lines
        .iter()
        .map(|line| line["format"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        formats,
        [
            "banfa.verdict/1",
            "banfa.error/1",
            "banfa.error/1",
            "banfa.verdict/1"
        ]
    );
    let files: Vec<&str> = lines
        .iter()
        .map(|line| line["source"]["file"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        files,
        [
            "fixtures/record-md-example.yaml",
            "tests/bad-records/missing-required-unit.yaml",
            "no/such/record.yaml",
            "fixtures/compliant-maintenance.yaml"
        ],
        "every line says which file it is about"
    );
    let bad = &lines[1];
    let problem = &bad["diagnostics"][0];
    assert_eq!(problem["code"], "banfa::record::missing");
    assert_eq!(problem["line"], 3);
    assert_eq!(problem["column"], 1);
    // The language of the run (English here), the code the same in every language.
    assert_eq!(problem["message"], "missing required field `unit`");
    assert_eq!(lines[2]["diagnostics"][0]["code"], "banfa::evaluate::read");
    assert!(lines[2]["diagnostics"][0]["line"].is_null());
    // People still read the reports on stderr.
    assert!(stderr(&out).contains("banfa::record::missing"));
}
