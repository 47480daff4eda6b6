//! `banfa schema`: every fixture validates against the city edition's JSON Schema, and a bad
//! record does not. Records are read as YAML 1.2 into JSON, as an editor would see them.

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::{Map, Number, Value as Json};

/// YAML (YAML 1.2 core schema) to JSON, for the simple documents records are.
fn yaml_to_json(text: &str) -> Json {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<(Json, Option<String>)> = Vec::new();
    let mut root = Json::Null;
    while let Some(Ok((event, _))) = parser.next_event() {
        let value = match event {
            Event::MappingStart(..) => {
                stack.push((Json::Object(Map::new()), None));
                continue;
            }
            Event::SequenceStart(..) => {
                stack.push((Json::Array(Vec::new()), None));
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop().map(|(v, _)| v).unwrap_or(Json::Null)
            }
            Event::Scalar(text, style, ..) => scalar(&text, style),
            _ => continue,
        };
        match stack.last_mut() {
            None => root = value,
            Some((Json::Array(items), _)) => items.push(value),
            Some((Json::Object(map), key)) => match key.take() {
                None => {
                    *key = Some(
                        value
                            .as_str()
                            .map_or_else(|| value.to_string(), str::to_owned),
                    )
                }
                Some(k) => {
                    map.insert(k, value);
                }
            },
            Some(_) => {}
        }
    }
    root
}

fn scalar(text: &str, style: ScalarStyle) -> Json {
    if style != ScalarStyle::Plain {
        return Json::String(text.to_owned());
    }
    match text {
        "null" | "~" | "" => Json::Null,
        "true" => Json::Bool(true),
        "false" => Json::Bool(false),
        _ => text
            .parse::<i64>()
            .map(Json::from)
            .ok()
            .or_else(|| {
                text.parse::<f64>()
                    .ok()
                    .and_then(Number::from_f64)
                    .map(Json::Number)
            })
            .unwrap_or_else(|| Json::String(text.to_owned())),
    }
}

fn validator() -> jsonschema::Validator {
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    let schema = banfa::json_schema::json_schema(&pack);
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[test]
fn every_fixture_validates() {
    let validator = validator();
    let mut count = 0;
    for entry in std::fs::read_dir("fixtures").expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("fixture");
        let record = yaml_to_json(&text);
        let errors: Vec<String> = validator
            .iter_errors(&record)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        count += 1;
    }
    assert!(count >= 40, "only {count} fixtures");
}

#[test]
fn a_bad_record_does_not_validate() {
    let validator = validator();
    let good = std::fs::read_to_string("fixtures/record-md-example.yaml").expect("fixture");
    for (what, bad) in [
        (
            "misspelt key",
            good.replace("submitted_on:", "submited_on:"),
        ),
        (
            "unknown term",
            good.replace("work_type: 扩建", "work_type: 扩建项目"),
        ),
        ("missing required", good.replace("unit: ", "owner: ")),
        (
            "wrong type",
            good.replace("plan_year: 2020", "plan_year: 二〇二〇"),
        ),
        ("bad date", good.replace("2019-07-22", "2019/07/22")),
    ] {
        assert!(!validator.is_valid(&yaml_to_json(&bad)), "{what} validated");
    }
    assert!(validator.is_valid(&yaml_to_json(&good)));
}

#[test]
fn fields_carry_their_descriptions_and_vocabularies() {
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    let schema = banfa::json_schema::json_schema(&pack);
    let work_type = &schema["properties"]["work_type"];
    assert_eq!(
        work_type["description"],
        "建设类型：新建、扩建、改建或运行维护"
    );
    assert_eq!(
        work_type["anyOf"][0]["enum"],
        serde_json::json!(["新建", "扩建", "改建", "运行维护"])
    );
    assert_eq!(schema["additionalProperties"], false);
}

/// Every leaf path of a record type, `[]` marking the fields of a list of sub-records.
fn leaf_paths(record: &banfa::pack::RecordType, prefix: &str, out: &mut Vec<String>) {
    for slot in &record.slots {
        let path = format!("{prefix}{}", slot.path);
        if let banfa::pack::Type::Rows(rows) = &slot.ty {
            leaf_paths(rows, &format!("{path}[]."), out);
        }
        out.push(path);
    }
}

#[test]
fn the_markdown_table_has_a_row_for_every_field() {
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    let table = banfa::json_schema::markdown(&pack);
    let mut paths = Vec::new();
    leaf_paths(&pack.schema, "", &mut paths);
    assert!(paths.len() >= 60, "only {} fields", paths.len());
    for path in &paths {
        assert!(
            table.contains(&format!("| `{path}` |")),
            "no row for `{path}`"
        );
    }
    assert_eq!(
        table,
        banfa::json_schema::markdown(&pack),
        "not deterministic"
    );
}

#[test]
fn the_markdown_table_says_type_requirement_default_bounds_and_terms() {
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    let table = banfa::json_schema::markdown(&pack);
    let row = |path: &str| {
        table
            .lines()
            .find(|line| line.starts_with(&format!("| `{path}` |")))
            .unwrap_or_else(|| panic!("no row for `{path}`"))
            .to_owned()
    };
    assert_eq!(
        row("work_type"),
        "| `work_type` | 建设类型：新建、扩建、改建或运行维护 | 词表：建设类型 | 是 |  |  | 新建、扩建、改建、运行维护 |"
    );
    assert!(
        row("plan_year").contains("| 整数 | 当 `"),
        "{}",
        row("plan_year")
    );
    assert!(row("plan_year").contains("| 2000 至 2100 |"));
    assert!(row("classified").contains("| 是/否 |  | 否 |"));
    assert!(row("funding.fiscal").contains("| 金额（元） |  | 0 |"));
    assert!(row("declaration.documents").contains("| 列表（词表：申报材料） |  | 空列表 |"));
    assert!(row("unit_status.projects[].id").contains("| 文本 | 是 |"));
    assert!(table.contains("| **`funding`** | **资金来源（元）** | 分组 |"));
    assert!(table.contains("| 项目类别 | 排除项 | 零星办公电脑、耗材添置、电子信息产业建设项目 |"));
}

#[test]
fn a_county_editions_markdown_table_has_its_own_fields() {
    let resolver = banfa::embedded::Resolver::new(Vec::new());
    let as_of = chrono::NaiveDate::from_ymd_opt(2019, 6, 30).expect("a date");
    let pack = resolver
        .edition("监利", Some(as_of))
        .expect("the 监利 sample checks");
    let table = banfa::json_schema::markdown(&pack);
    assert!(table.contains("| `approval.council_reviewed_on` |"));
    let city = banfa::json_schema::markdown(&banfa::embedded::default_pack().expect("city"));
    assert!(!city.contains("council_reviewed_on"));
}
