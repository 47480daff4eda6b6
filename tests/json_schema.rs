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
    assert_eq!(work_type["description"], "新建、扩建、改建或运行维护");
    assert_eq!(
        work_type["anyOf"][0]["enum"],
        serde_json::json!(["新建", "扩建", "改建", "运行维护"])
    );
    assert_eq!(schema["additionalProperties"], false);
}
