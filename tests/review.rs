//! `banfa review`: a batch of records → the reviewer's ledger, as text, CSV, a workbook and
//! an HTML report; and a batch of 2,000 generated records in a directory tree, three broken
//! and two sharing an id.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::Reader as _;

const PORTFOLIO: &str = "fixtures/portfolio";
const LATE: &str = "fixtures/declaration-weeks-late.yaml";
const UNKNOWN: &str = "fixtures/unknown-unit-status-absent.yaml";
const OUT_OF_SCOPE: &str = "fixtures/scope-office-computers.yaml";
/// Compliant alone, but of the unit of the stalled project in `PORTFOLIO`.
const COMPLIANT_2022: &str = "fixtures/declaration-pending-before-deadline.yaml";
/// Compliant, of another unit.
const ELIGIBLE_2022: &str = "fixtures/suspension-delay-justified.yaml";

fn review(args: &[&str]) -> Output {
    common::neutral()
        .args(["review", "--as-of", "2021-06-30"])
        .args(args)
        .output()
        .expect("banfa runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[test]
fn the_text_ledger_counts_names_the_units_and_the_plan() {
    let output = review(&[
        "--plan-year",
        "2022",
        PORTFOLIO,
        LATE,
        UNKNOWN,
        OUT_OF_SCOPE,
        COMPLIANT_2022,
        ELIGIBLE_2022,
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn the_ledger_speaks_english_on_request() {
    let output = review(&["--lang", "en", PORTFOLIO]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(text.starts_with("Annual review\n"), "{text}");
    assert!(
        text.contains("suspension: 第十六条(三) (JZ-2019-031)"),
        "{text}"
    );
    assert!(!text.contains('：'), "{text}");
}

#[test]
fn the_csv_ledger_has_a_row_per_record() {
    let output = review(&["--format", "csv", PORTFOLIO, LATE]);
    assert_eq!(output.status.code(), Some(0));
    let bytes = output.stdout;
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a BOM, for spreadsheet programs"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().expect("a header").clone();
    assert_eq!(header.get(0), Some("项目编号"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 5);
    let new = rows
        .iter()
        .find(|r| r.get(0) == Some("JZ-2022-006"))
        .expect("the new declaration");
    let column = |name: &str| header.iter().position(|h| h == name).expect("column");
    assert_eq!(new.get(column("结论")), Some("暂缓安排"));
    assert_eq!(new.get(column("可否列入计划")), Some("否"));
    assert_eq!(
        new.get(column("暂缓情形")),
        Some("第十六条(三)（JZ-2019-031）、第十六条(四)（JZ-2019-040）")
    );
}

#[test]
fn xlsx_is_not_written_to_a_terminal_and_needs_a_plan_field_for_a_plan_year() {
    let dir = tempdir("flags");
    let county = dir.join("county");
    std::fs::create_dir_all(&county).expect("made");
    for (name, text) in banfa::embedded::FILES
        .iter()
        .filter(|(pack, _, _)| *pack == banfa::embedded::DEFAULT_PACK)
        .map(|(_, file, text)| (file, text.replace("  plan_field   plan_year", "")))
    {
        std::fs::write(county.join(name), text).expect("written");
    }
    let output = review(&[
        "--plan-year",
        "2022",
        "--pack",
        &county.to_string_lossy(),
        LATE,
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("banfa::review::no_plan_field"), "{stderr}");
}

#[test]
fn the_workbook_and_the_html_report_of_a_batch_of_2000() {
    let dir = tempdir("batch");
    let records = generate(&dir.join("records"));
    // evaluate: one line per record, the broken ones as error objects at their place.
    let output = common::neutral()
        .args(["evaluate", "--as-of", "2021-06-30", "--format", "json"])
        .arg(&records)
        .output()
        .expect("banfa runs");
    assert_eq!(output.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2000);
    let errors: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l["format"] == "banfa.error/1")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(errors.len(), 3);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("banfa::evaluate::duplicate_id").count(),
        1,
        "{stderr}"
    );

    // review: the workbook opens with its three sheets.
    let ledger = dir.join("台账.xlsx");
    let output = review(&[
        "--format",
        "xlsx",
        "-o",
        &ledger.to_string_lossy(),
        &records.to_string_lossy(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "broken records and a duplicate"
    );
    let mut workbook = calamine::open_workbook_auto(&ledger).expect("a workbook");
    assert_eq!(workbook.sheet_names(), ["汇总", "项目", "结论明细"]);
    let projects = workbook.worksheet_range("项目").expect("the project sheet");
    assert_eq!(
        projects.height(),
        1 + 1997,
        "a header and a row per evaluated record"
    );
    let summary = workbook.worksheet_range("汇总").expect("the summary");
    let first: Vec<String> = summary
        .rows()
        .next()
        .expect("a row")
        .iter()
        .take(2)
        .map(ToString::to_string)
        .collect();
    assert_eq!(first, ["结论", "记录数"]);
    let findings = workbook.worksheet_range("结论明细").expect("the findings");
    assert!(
        findings.height() > 1997,
        "every record has findings to act on"
    );

    // The HTML report: self-contained, a chart per summary.
    let report = dir.join("审查报告.html");
    let output = review(&[
        "--format",
        "html",
        "-o",
        &report.to_string_lossy(),
        &records.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let html = std::fs::read_to_string(&report).expect("written");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"zh-CN\">"));
    assert_eq!(html.matches("<svg").count(), 2);
    for external in ["<script", "<link", "src=", "url("] {
        assert!(!html.contains(external), "fetches nothing: {external}");
    }
    assert!(html.contains("&lt;script&gt;"), "record text is escaped");
}

/// 2,000 records in a tree of directories: variations of a compliant record over ten units
/// and three plan years, one in fifty declared late, three broken, two sharing an id, and one whose name would
/// be markup in an HTML page.
fn generate(root: &Path) -> PathBuf {
    let base = std::fs::read_to_string("fixtures/record-md-example.yaml").expect("fixture");
    for i in 0..2000 {
        let dir = root
            .join(format!("unit-{:02}", i % 10))
            .join(format!("{}", 2020 + i % 3));
        std::fs::create_dir_all(&dir).expect("made");
        let id = if i == 1999 {
            "G-0000".to_owned()
        } else {
            format!("G-{i:04}")
        };
        let mut record = base
            .replace("JZ-2020-014", &id)
            .replace("荆州市城市管理执法委员会", &format!("荆州市第{}局", i % 10));
        if i % 50 == 0 {
            record = record.replace("submitted_on: 2019-07-22", "submitted_on: 2019-08-15");
        }
        if i == 7 {
            record = record.replace("荆州市智慧城管平台二期", "<script>alert(1)</script>");
        }
        match i {
            100 => record = record.replace("work_type: 扩建", "work_type: 扩大"),
            900 => record.push_str("unknown_key: 1\n"),
            1500 => record = record.replace("category:", "categry:"),
            _ => {}
        }
        std::fs::write(dir.join(format!("{i:04}.yaml")), record).expect("written");
    }
    root.to_path_buf()
}

/// A new empty directory under the target directory.
fn tempdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("review-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("made");
    dir
}
