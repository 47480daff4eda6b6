//! Every fixture's verdict, as text and as JSON, on the embedded city edition.
//!
//! A fixture may name its evaluation date in a first-line comment `# as_of: YYYY-MM-DD`;
//! otherwise it is evaluated as of 2021-06-30. A new case is a new file in `fixtures/`.

use std::path::Path;

use banfa::render::{self, TextOptions};
use chrono::NaiveDate;

const DEFAULT_AS_OF: &str = "2021-06-30";

fn as_of(text: &str) -> NaiveDate {
    let date = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# as_of:"))
        .map_or(DEFAULT_AS_OF, str::trim);
    NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("fixture as_of is a date")
}

/// The verdict on a fixture, with the pack it borrows from (leaked: tests are short-lived).
fn verdict(path: &Path) -> (banfa::Verdict<'static>, &'static banfa::Pack) {
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    let pack: &'static banfa::Pack = Box::leak(Box::new(pack));
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let facts = banfa::record::load(&banfa::Source::new(name, text.as_str()), pack)
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let facts: &'static banfa::Facts = Box::leak(Box::new(facts));
    let verdict = banfa::eval::evaluate(pack, facts, as_of(&text));
    (verdict, pack)
}

#[test]
fn text_verdicts() {
    insta::glob!("../fixtures", "*.yaml", |path| {
        let (verdict, pack) = verdict(path);
        let options = TextOptions {
            colour: false,
            explain: true,
            ..TextOptions::default()
        };
        insta::assert_snapshot!(render::text(&verdict, pack, &options));
    });
}

#[test]
fn json_verdicts() {
    insta::glob!("../fixtures", "*.yaml", |path| {
        let (verdict, _) = verdict(path);
        let json: serde_json::Value =
            serde_json::from_str(&render::json(&verdict)).expect("verdict JSON parses");
        let pretty = serde_json::to_string_pretty(&json).expect("JSON prints");
        insta::assert_snapshot!(pretty);
    });
}

/// The outcomes-only evaluation decides as the explained one does: every fixture (those of
/// county fields too), under every embedded edition, on dates from before the first
/// edition took effect to long after.
#[test]
fn outcomes_alone_agree_with_explained_verdicts() {
    let resolver = banfa::embedded::Resolver::new(Vec::new());
    let packs: Vec<banfa::Pack> = [("荆州市本级", "2021-06-30"), ("公安县", "2021-06-30")]
        .iter()
        .chain(&[("监利", "2019-01-01"), ("监利", "2021-06-30")])
        .map(|(name, date)| {
            resolver
                .edition(name, Some(as_of(&format!("# as_of: {date}"))))
                .expect("an embedded edition checks")
        })
        .collect();
    let mut files: Vec<_> = ["fixtures", "fixtures/county-fields"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("fixtures are readable"))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let dates = [
        "2017-01-01",
        "2018-06-30",
        "2020-07-31",
        "2021-06-30",
        "2030-01-01",
    ];
    let mut outcomes = Vec::new();
    let mut compared = 0;
    for pack in &packs {
        for path in &files {
            let text = std::fs::read_to_string(path).expect("fixture is readable");
            let source = banfa::Source::new(path.display().to_string(), text);
            let Ok(facts) = banfa::record::load(&source, pack) else {
                continue;
            };
            for date in dates {
                let as_of = as_of(&format!("# as_of: {date}"));
                let verdict = banfa::eval::evaluate(pack, &facts, as_of);
                let status = banfa::eval::evaluate_outcomes(pack, &facts, as_of, &mut outcomes);
                let explained: Vec<_> = verdict.findings.iter().map(|f| f.outcome).collect();
                assert_eq!(outcomes, explained, "{} on {date}", path.display());
                assert_eq!(status, verdict.status, "{} on {date}", path.display());
                compared += 1;
            }
        }
    }
    assert!(compared > 200, "only {compared} verdicts compared");
}

/// Every `fixtures/*.json` is a fixture written as JSON: its verdict is the one of the YAML
/// file of the same name.
#[test]
fn a_record_written_as_json_has_the_verdict_of_the_same_record_in_yaml() {
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    let mut compared = 0;
    for entry in std::fs::read_dir("fixtures").expect("fixtures").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let yaml = path.with_extension("yaml");
        let load = |path: &Path| {
            let text = std::fs::read_to_string(path).expect("fixture is readable");
            let format = banfa::record::Format::of(path);
            let source = banfa::Source::new(path.display().to_string(), text.as_str());
            banfa::record::load_as(format, &source, &pack)
                .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
        };
        let (from_json, from_yaml) = (load(&path), load(&yaml));
        let as_of = as_of(&std::fs::read_to_string(&yaml).expect("fixture is readable"));
        let verdicts = [&from_json, &from_yaml]
            .map(|facts| render::json(&banfa::eval::evaluate(&pack, facts, as_of)));
        assert_eq!(verdicts[0], verdicts[1], "{}", path.display());
        compared += 1;
    }
    assert!(compared > 0, "no JSON fixture");
}
