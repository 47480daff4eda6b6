//! The record format of a pack as a JSON Schema (draft 2020-12), so editors that understand
//! JSON Schema (VS Code's YAML support, for one) complete and check `project.yaml` as it is
//! typed. Built from the pack's `record`, vocabularies and field descriptions. The same
//! format as a Markdown field table, for people, is [`markdown()`].

mod markdown;

pub use markdown::markdown;

use serde_json::{Map, Value as Json, json};

use crate::pack::{Field, FieldShape, Pack, RecordType, Slot, Type};
use crate::verdict::json_value;

/// The JSON Schema of a pack's project records.
pub fn json_schema(pack: &Pack) -> Json {
    let mut schema = object(pack, &pack.schema, &pack.schema.fields);
    if let Json::Object(map) = &mut schema {
        map.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        map.insert(
            "title".into(),
            json!(format!(
                "{}（{} {}）项目记录",
                pack.header.name, pack.header.edition, pack.header.version
            )),
        );
    }
    schema
}

/// An object with these fields; unknown keys are not allowed, as when banfa loads a record.
fn object(pack: &Pack, record: &RecordType, fields: &[Field]) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        let mut property = match &field.shape {
            FieldShape::Group(inner) => object(pack, record, inner),
            FieldShape::Leaf(slot) => match record.slots.get(*slot) {
                Some(slot) => leaf(pack, slot),
                None => json!({}),
            },
        };
        if let (Json::Object(map), Some(doc)) = (&mut property, &field.doc) {
            map.insert("description".into(), json!(&**doc));
        }
        if let FieldShape::Leaf(slot) = field.shape {
            if record.slots.get(slot).is_some_and(|s| s.required) {
                required.push(json!(&*field.name));
            }
        }
        properties.insert(field.name.to_string(), property);
    }
    let mut map = Map::new();
    map.insert("type".into(), json!("object"));
    map.insert("properties".into(), Json::Object(properties));
    map.insert("additionalProperties".into(), json!(false));
    if !required.is_empty() {
        map.insert("required".into(), Json::Array(required));
    }
    Json::Object(map)
}

fn leaf(pack: &Pack, slot: &Slot) -> Json {
    let mut schema = ty(pack, &slot.ty);
    if let Json::Object(map) = &mut schema {
        if let Some(default) = &slot.default {
            map.insert("default".into(), json_value(default));
        }
        if let Some((low, high)) = &slot.range {
            // `minimum` and `maximum` bound numbers only: null, and money written as text,
            // pass through; dates are checked by banfa itself.
            if matches!(slot.ty, Type::Integer | Type::Money) {
                map.insert("minimum".into(), json_value(low));
                map.insert("maximum".into(), json_value(high));
            }
        }
        if let Some(condition) = &slot.required_when {
            map.insert(
                "$comment".into(),
                json!(format!("required when {}", condition.text)),
            );
        }
    }
    schema
}

/// A value of this type; a YAML null means absent, as when banfa loads a record.
fn ty(pack: &Pack, ty: &Type) -> Json {
    let nullable = |schema: Json| json!({ "anyOf": [schema, { "type": "null" }] });
    match ty {
        Type::Text => nullable(json!({ "type": ["string", "number", "boolean"] })),
        Type::Integer => nullable(json!({ "type": "integer" })),
        Type::Money => nullable(json!({
            "anyOf": [
                { "type": "number", "minimum": 0 },
                { "type": "string", "pattern": "^[0-9][0-9,]*(\\.[0-9]+)?万?元?$" }
            ]
        })),
        Type::Date => nullable(json!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "format": "date"
        })),
        Type::MonthDay => nullable(json!({ "type": "string", "pattern": "^[0-9]{2}-[0-9]{2}$" })),
        Type::Period => json!({}),
        Type::Bool => nullable(json!({ "type": "boolean" })),
        Type::Term(v) => {
            let terms: Vec<Json> = pack
                .vocabularies
                .get(*v as usize)
                .map(|vocabulary| vocabulary.terms.iter().map(|t| json!(&**t)).collect())
                .unwrap_or_default();
            nullable(json!({ "enum": terms }))
        }
        Type::List(element) => {
            nullable(json!({ "type": "array", "items": self::ty(pack, element) }))
        }
        Type::Rows(record) => nullable(json!({
            "type": "array",
            "items": object(pack, record, &record.fields)
        })),
    }
}
