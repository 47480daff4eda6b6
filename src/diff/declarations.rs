//! What one edition changes against another, declaration by declaration: the header, the
//! parameters and facts, the vocabularies, the record's fields, the articles and the rules.
//! Declarations are compared by the text they are written in, so the diff reads like the
//! rule files; layout (indentation, blank lines, the `override` keyword) does not count.

use std::sync::Arc;

use serde::Serialize;

use super::load::Edition;
use super::{Change, Entry, FORMAT, Side};
use crate::ast::{Binding, RuleDecl};
use crate::check::layers::{Layered, RuleEntry};
use crate::pack::{Field, FieldShape, Header, Messages, Pack, RecordType, Slot, Type, Vocabulary};
use crate::source::{Source, Span};
use crate::value::Value;

/// Everything B changes against A. Each list holds only what differs.
#[derive(Debug, Clone, Serialize)]
pub struct PackDiff {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// Always `declarations`.
    pub kind: &'static str,
    /// The edition compared against.
    pub a: Side,
    /// The edition whose changes are shown.
    pub b: Side,
    /// Header entries and the pack's own messages (`messages.unknown`, …).
    pub header: Vec<Entry>,
    /// Parameters: name, and the expression as written.
    pub parameters: Vec<Entry>,
    /// Facts: name, and the expression as written.
    pub facts: Vec<Entry>,
    /// Relations between records evaluated together: name, and the declaration as written.
    pub relations: Vec<Entry>,
    /// Vocabularies: name, and the terms and classes.
    pub vocabularies: Vec<Entry>,
    /// Record fields: dotted path (`list[].field` inside lists), and the field's declaration.
    pub fields: Vec<Entry>,
    /// Articles: label, and the article as written.
    pub articles: Vec<Entry>,
    /// Rules, by id.
    pub rules: Vec<RuleDiff>,
}

/// A rule that B adds, removes, disables, overrides or words differently.
#[derive(Debug, Clone, Serialize)]
pub struct RuleDiff {
    /// The rule's id.
    pub id: String,
    /// `added`, `removed`, `disabled`, `overridden` or `changed`.
    pub change: Change,
    /// The rule in A, if A has it.
    pub a: Option<RuleText>,
    /// The rule in B, if B has it.
    pub b: Option<RuleText>,
    /// For a disabled rule: why, and by which edition.
    pub disabled: Option<DisabledBy>,
}

/// A rule as one side has it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleText {
    /// The citation as verdicts show it: the article label, and the item if one is cited.
    pub cite: String,
    /// `edition@version` whose text this is.
    pub origin: String,
    /// The rule as written.
    pub text: String,
}

/// Why B takes a rule out of force.
#[derive(Debug, Clone, Serialize)]
pub struct DisabledBy {
    /// The reason B gives.
    pub reason: String,
    /// `edition@version` of the edition that disables it.
    pub by: String,
}

impl PackDiff {
    /// How many differences there are.
    pub fn len(&self) -> usize {
        [
            &self.header,
            &self.parameters,
            &self.facts,
            &self.relations,
            &self.vocabularies,
            &self.fields,
            &self.articles,
        ]
        .iter()
        .map(|entries| entries.len())
        .sum::<usize>()
            + self.rules.len()
    }

    /// Whether B changes nothing against A.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Compares the declarations in force in two editions: what B changes against A.
pub fn declarations(a: &Edition, b: &Edition) -> PackDiff {
    let (merged_a, merged_b) = (a.merged(), b.merged());
    PackDiff {
        format: FORMAT,
        kind: "declarations",
        a: Side::of(&a.pack),
        b: Side::of(&b.pack),
        header: header(&a.pack, &b.pack),
        parameters: entries(
            bindings(&merged_a.parameters),
            bindings(&merged_b.parameters),
        ),
        facts: entries(bindings(&merged_a.facts), bindings(&merged_b.facts)),
        relations: entries(relations(&merged_a), relations(&merged_b)),
        vocabularies: entries(vocabularies(&a.pack), vocabularies(&b.pack)),
        fields: entries(fields(&a.pack), fields(&b.pack)),
        articles: entries(articles(&merged_a), articles(&merged_b)),
        rules: rules(a, &merged_a, b, &merged_b),
    }
}

/// Pairs two lists of named texts: A's order first, then what only B has.
fn entries(a: Vec<(String, String)>, b: Vec<(String, String)>) -> Vec<Entry> {
    let mut out = Vec::new();
    for (name, old) in &a {
        match b.iter().find(|(other, _)| other == name) {
            Some((_, new)) if same(old, new) => {}
            Some((_, new)) => out.push(Entry::new(
                name,
                Change::Changed,
                Some(old.as_str()),
                Some(new.as_str()),
            )),
            None => out.push(Entry::new(name, Change::Removed, Some(old.as_str()), None)),
        }
    }
    for (name, new) in &b {
        if !a.iter().any(|(other, _)| other == name) {
            out.push(Entry::new(name, Change::Added, None, Some(new.as_str())));
        }
    }
    out
}

/// Whether two declarations say the same, layout aside.
fn same(a: &str, b: &str) -> bool {
    normalized(a) == normalized(b)
}

/// A declaration's lines, trimmed, blank ones dropped, a leading `override` removed.
fn normalized(text: &str) -> Vec<&str> {
    let text = text.trim_start();
    let text = text
        .strip_prefix("override")
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .unwrap_or(text);
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
}

/// The text a span covers, without trailing whitespace.
fn written(src: &Source, span: Span) -> String {
    src.text()
        .get(span.start..span.end)
        .unwrap_or_default()
        .trim_end()
        .to_owned()
}

fn bindings(decls: &[(&Source, &Binding)]) -> Vec<(String, String)> {
    decls
        .iter()
        .map(|(src, binding)| {
            (
                binding.name.text.to_string(),
                written(src, binding.expr.span),
            )
        })
        .collect()
}

fn relations(merged: &Layered) -> Vec<(String, String)> {
    merged
        .relations
        .iter()
        .map(|(src, decl)| (decl.name.text.to_string(), written(src, decl.span)))
        .collect()
}

fn articles(merged: &Layered) -> Vec<(String, String)> {
    merged
        .articles
        .iter()
        .map(|(src, decl)| (decl.label.text.to_string(), written(src, decl.span)))
        .collect()
}

// ------------------------------------------------------------ header

/// Header entries and messages that differ.
fn header(a: &Pack, b: &Pack) -> Vec<Entry> {
    let (a, b) = (header_entries(a), header_entries(b));
    a.into_iter()
        .zip(b)
        .filter(|((_, old), (_, new))| old != new)
        .map(|((name, old), (_, new))| {
            let change = match (&old, &new) {
                (None, _) => Change::Added,
                (_, None) => Change::Removed,
                _ => Change::Changed,
            };
            Entry::new(name, change, old.as_deref(), new.as_deref())
        })
        .collect()
}

/// Every header entry, in a fixed order, with its value if it has one.
fn header_entries(pack: &Pack) -> Vec<(&'static str, Option<String>)> {
    let Header {
        name,
        edition,
        jurisdiction,
        version,
        issued,
        effective,
        source,
        description,
        extends,
        ..
    } = &pack.header;
    let text = |value: &Arc<str>| Some(value.to_string());
    let mut out = vec![
        ("name", text(name)),
        ("edition", text(edition)),
        ("jurisdiction", text(jurisdiction)),
        ("version", text(version)),
        ("issued", issued.map(|d| d.to_string())),
        ("effective", Some(effective.to_string())),
        ("extends", extends.as_ref().map(|(e, v)| format!("{e} {v}"))),
        ("source", source.as_ref().and_then(text)),
        ("description", description.as_ref().and_then(text)),
        ("plan_field", plan_field(pack)),
    ];
    out.extend(messages(&pack.messages));
    out
}

/// The header's `plan_field`, by the path of the field it names.
fn plan_field(pack: &Pack) -> Option<String> {
    let slot = pack.schema.slots.get(pack.plan_field?)?;
    Some(slot.path.to_string())
}

fn messages(messages: &Messages) -> [(&'static str, Option<String>); 4] {
    let text = |value: &Arc<str>| Some(value.to_string()).filter(|v| !v.is_empty());
    [
        ("messages.not_applicable", text(&messages.not_applicable)),
        ("messages.out_of_scope", text(&messages.out_of_scope)),
        ("messages.retroactive", text(&messages.retroactive)),
        ("messages.unknown", text(&messages.unknown)),
    ]
}

// ------------------------------------------------------------ vocabularies

/// Each vocabulary as `term term …`, then `class NAME { term … }` per class.
fn vocabularies(pack: &Pack) -> Vec<(String, String)> {
    pack.vocabularies
        .iter()
        .map(|vocabulary| (vocabulary.name.to_string(), vocabulary_text(vocabulary)))
        .collect()
}

fn vocabulary_text(vocabulary: &Vocabulary) -> String {
    let mut lines = vec![join(vocabulary.terms.iter())];
    for class in &vocabulary.classes {
        let members = vocabulary
            .terms
            .iter()
            .zip(&class.members)
            .filter(|(_, member)| **member)
            .map(|(term, _)| term);
        lines.push(format!("class {} {{ {} }}", class.name, join(members)));
    }
    lines.join("\n")
}

fn join<'t>(words: impl Iterator<Item = &'t Arc<str>>) -> String {
    words.map(|w| &**w).collect::<Vec<_>>().join(" ")
}

// ------------------------------------------------------------ record fields

/// Every value field by path, with its declaration: type, requirement, default and doc.
fn fields(pack: &Pack) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(pack, &pack.schema, &pack.schema.fields, "", &mut out);
    out
}

fn walk(
    pack: &Pack,
    record: &RecordType,
    fields: &[Field],
    prefix: &str,
    out: &mut Vec<(String, String)>,
) {
    for field in fields {
        let slot = match &field.shape {
            FieldShape::Group(inner) => {
                walk(pack, record, inner, prefix, out);
                continue;
            }
            FieldShape::Leaf(slot) => record.slots.get(*slot),
        };
        let Some(slot) = slot else { continue };
        let path = format!("{prefix}{}", slot.path);
        out.push((path.clone(), field_text(pack, field, slot)));
        if let Type::Rows(inner) = &slot.ty {
            walk(pack, inner, &inner.fields, &format!("{path}[]."), out);
        }
    }
}

/// A field's declaration after its name: `date required "doc"`.
fn field_text(pack: &Pack, field: &Field, slot: &Slot) -> String {
    let mut text = type_name(pack, &slot.ty);
    if let Some(condition) = &slot.required_when {
        text.push_str(&format!(" required when {}", condition.text));
    } else if slot.required {
        text.push_str(" required");
    }
    if let Some(default) = &slot.default {
        text.push_str(&format!(" default {}", literal(default)));
    }
    if let Some((low, high)) = &slot.range {
        text.push_str(&format!(" between {} and {}", literal(low), literal(high)));
    }
    if let Some(doc) = &field.doc {
        text.push_str(&format!(" \"{doc}\""));
    }
    text
}

/// A type as a rule file writes it.
fn type_name(pack: &Pack, ty: &Type) -> String {
    match ty {
        Type::Text => "text".to_owned(),
        Type::Integer => "integer".to_owned(),
        Type::Money => "money".to_owned(),
        Type::Date => "date".to_owned(),
        Type::MonthDay => "month-day".to_owned(),
        Type::Period => "period".to_owned(),
        Type::Bool => "yes/no".to_owned(),
        Type::Term(index) => usize::try_from(*index)
            .ok()
            .and_then(|i| pack.vocabularies.get(i))
            .map_or_else(|| "term".to_owned(), |v| v.name.to_string()),
        Type::List(element) => format!("list of {}", type_name(pack, element)),
        Type::Rows(_) => "list of { … }".to_owned(),
    }
}

/// A default value as a rule file writes it.
fn literal(value: &Value) -> String {
    match value {
        Value::List(items) if items.is_empty() => "[]".to_owned(),
        Value::Text(text) => format!("\"{text}\""),
        other => other.to_string(),
    }
}

// ------------------------------------------------------------ rules

fn rules(a: &Edition, merged_a: &Layered, b: &Edition, merged_b: &Layered) -> Vec<RuleDiff> {
    let mut out = Vec::new();
    for old in &merged_a.rules {
        let id = &old.decl.id.text;
        let new = merged_b.rules.iter().find(|r| r.decl.id.text == *id);
        let diff = match new {
            Some(new) => changed(a, old, b, new),
            None => Some(removed(a, old, b)),
        };
        out.extend(diff);
    }
    for new in &merged_b.rules {
        if !merged_a
            .rules
            .iter()
            .any(|r| r.decl.id.text == new.decl.id.text)
        {
            out.push(RuleDiff {
                id: new.decl.id.text.to_string(),
                change: Change::Added,
                a: None,
                b: Some(rule_text(b, new)),
                disabled: None,
            });
        }
    }
    out
}

/// A rule both editions have, if B words it differently: `overridden` when B (or an edition
/// between A and B) replaces it with `override`, `changed` otherwise.
fn changed(a: &Edition, old: &RuleEntry, b: &Edition, new: &RuleEntry) -> Option<RuleDiff> {
    let (old_text, new_text) = (rule_text(a, old), rule_text(b, new));
    if same(&old_text.text, &new_text.text) {
        return None;
    }
    let overridden = new.replaced.is_some() && !a.pack.chain.contains(&new.origin);
    Some(RuleDiff {
        id: old.decl.id.text.to_string(),
        change: if overridden {
            Change::Overridden
        } else {
            Change::Changed
        },
        a: Some(old_text),
        b: Some(new_text),
        disabled: None,
    })
}

/// A rule B does not have: `disabled` when B takes it out of force, `removed` otherwise.
fn removed(a: &Edition, old: &RuleEntry, b: &Edition) -> RuleDiff {
    let disabled = b
        .pack
        .disabled
        .iter()
        .find(|d| d.rule == old.decl.id.text)
        .map(|d| DisabledBy {
            reason: d.reason.to_string(),
            by: d.by.to_string(),
        });
    RuleDiff {
        id: old.decl.id.text.to_string(),
        change: if disabled.is_some() {
            Change::Disabled
        } else {
            Change::Removed
        },
        a: Some(rule_text(a, old)),
        b: None,
        disabled,
    }
}

fn rule_text(edition: &Edition, entry: &RuleEntry) -> RuleText {
    RuleText {
        cite: cite(&edition.pack, entry.decl),
        origin: entry.origin.to_string(),
        text: written(entry.src, entry.decl.span),
    }
}

/// The citation as verdicts show it, from the compiled rule.
fn cite(pack: &Pack, decl: &RuleDecl) -> String {
    pack.rules
        .iter()
        .find(|rule| rule.id == decl.id.text)
        .map_or_else(
            || decl.cite.0.text.to_string(),
            |rule| rule.cite.label.to_string(),
        )
}
