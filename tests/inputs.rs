//! What `banfa evaluate` takes as offices hold records: directories, `-` for standard
//! input, JSON Lines; one output line per input record, in input order; a record given twice
//! is reported.

mod common;

use std::io::Write as _;
use std::process::{Output, Stdio};

const RECORD: &str = "fixtures/record-md-example.yaml";
const JSON_RECORD: &str = "fixtures/record-md-example.json";

fn evaluate(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = common::neutral()
        .args(["evaluate", "--as-of", "2021-06-30", "--format", "json"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("banfa starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).expect("stdin is written");
    }
    child.wait_with_output().expect("banfa runs")
}

fn lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

fn compact(path: &str) -> String {
    let text = std::fs::read_to_string(path).expect("fixture");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON fixture");
    value.to_string()
}

#[test]
fn standard_input_is_read_as_yaml_or_json() {
    for (input, name) in [(RECORD, "YAML"), (JSON_RECORD, "JSON")] {
        let output = evaluate(&["-"], &std::fs::read(input).expect("fixture"));
        assert_eq!(output.status.code(), Some(0), "{name}: {output:?}");
        let verdicts = lines(&output);
        assert_eq!(verdicts.len(), 1, "{name}");
        assert_eq!(verdicts[0]["source"]["file"], "-");
        assert_eq!(verdicts[0]["status"], "compliant", "{name}");
    }
}

#[test]
fn json_lines_give_one_result_a_line_with_its_line() {
    let good = compact(JSON_RECORD);
    let other = good.replace("JZ-2020-014", "JZ-2020-015");
    let text = format!("{good}\n\n{{\"id\": \"X\"}}\n{other}\n");
    for args in [vec!["-"], vec![]] {
        let dir = tempdir();
        let file = dir.join("台账.jsonl");
        std::fs::write(&file, &text).expect("written");
        let file_arg = file.to_string_lossy().into_owned();
        let args: Vec<&str> = if args.is_empty() {
            vec![file_arg.as_str()]
        } else {
            args
        };
        let output = evaluate(&args, text.as_bytes());
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let results = lines(&output);
        let formats: Vec<&str> = results
            .iter()
            .filter_map(|r| r["format"].as_str())
            .collect();
        assert_eq!(
            formats,
            ["banfa.verdict/1", "banfa.error/1", "banfa.verdict/1"]
        );
        let at: Vec<u64> = results
            .iter()
            .filter_map(|r| r["source"]["line"].as_u64())
            .collect();
        assert_eq!(
            at,
            [1, 3, 4],
            "blank lines are skipped, not counted as records"
        );
        // The error's place is counted in the file, not in its line.
        assert_eq!(results[1]["diagnostics"][0]["line"], 3);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(":3"), "{stderr}");
    }
}

#[test]
fn a_directory_is_walked_in_order_of_path_and_hidden_entries_are_skipped() {
    let dir = tempdir();
    let nested = dir.join("b-county");
    std::fs::create_dir_all(&nested).expect("made");
    std::fs::create_dir_all(dir.join(".git")).expect("made");
    let yaml = std::fs::read_to_string(RECORD).expect("fixture");
    let write = |path: std::path::PathBuf, id: &str| {
        std::fs::write(path, yaml.replace("JZ-2020-014", id)).expect("written");
    };
    write(nested.join("2.yaml"), "B-2");
    write(dir.join("a.yml"), "A");
    write(dir.join("c.yaml"), "C");
    write(dir.join(".git").join("x.yaml"), "HIDDEN");
    std::fs::write(dir.join("notes.txt"), "not a record").expect("written");
    let output = evaluate(&[&dir.to_string_lossy()], b"");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let ids: Vec<String> = lines(&output)
        .iter()
        .map(|v| v["project"]["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(ids, ["A", "B-2", "C"]);
}

#[test]
fn a_directory_without_records_is_an_error() {
    let dir = tempdir();
    let output = evaluate(&[&dir.to_string_lossy()], b"");
    assert_eq!(output.status.code(), Some(2));
    let results = lines(&output);
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0]["diagnostics"][0]["code"],
        "banfa::evaluate::no_records"
    );
}

#[test]
fn a_record_given_twice_is_reported_and_both_are_evaluated() {
    let output = evaluate(&[RECORD, JSON_RECORD], b"");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(lines(&output).len(), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("banfa::evaluate::duplicate_id"), "{stderr}");
    assert!(
        stderr.contains(JSON_RECORD) && stderr.contains(RECORD) && stderr.contains("JZ-2020-014"),
        "{stderr}"
    );
}

/// A new empty directory under the target directory.
fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "inputs-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("made");
    dir
}

#[test]
fn a_ledger_gives_one_result_a_row_and_its_problems_name_their_cell() {
    let ledger = "fixtures/ledger/five-projects.csv";
    let text = std::fs::read_to_string(ledger).expect("fixture");
    let broken = text.replacen("2019-07-22", "2019-07-32", 1);
    assert_ne!(broken, text, "the fixture has the date the test breaks");
    let dir = tempdir();
    let file = dir.join("台账.csv");
    std::fs::write(&file, broken).expect("written");
    let output = evaluate(&[ledger, &file.to_string_lossy()], b"");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let results = lines(&output);
    assert_eq!(results.len(), 10, "five rows in each file");
    let rows: Vec<u64> = results
        .iter()
        .filter_map(|r| r["source"]["row"].as_u64())
        .collect();
    assert_eq!(rows, [2, 3, 4, 5, 6, 2, 3, 4, 5, 6]);
    let errors: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| r["format"] == "banfa.error/1")
        .collect();
    assert_eq!(errors.len(), 1);
    let problem = &errors[0]["diagnostics"][0];
    assert_eq!(problem["code"], "banfa::record::no_such_day");
    assert_eq!(problem["cell"], "L2");
    assert_eq!(problem["line"], serde_json::Value::Null);
    // The same projects as YAML files get the same verdicts, but for where they came from.
    let statuses: Vec<&str> = results
        .iter()
        .take(5)
        .filter_map(|r| r["status"].as_str())
        .collect();
    assert_eq!(
        statuses,
        [
            "compliant",
            "non_compliant",
            "undetermined",
            "out_of_scope",
            "compliant"
        ]
    );
}
