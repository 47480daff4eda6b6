//! Checking vocabularies and the record schema.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::error::{CheckError, phrase};
use crate::ast::{
    self, ClassDecl, FieldBody, FieldDecl, Literal, LiteralKind, Name, TypeExpr, VocabularyDecl,
};
use crate::i18n::Message;
use crate::pack::{Class, Field, FieldShape, RecordType, Slot, Type, Vocabulary};
use crate::source::Source;
use crate::value::{Term, Value};

/// The built-in field types, by the names rule files use.
const BUILTIN_TYPES: [&str; 4] = ["text", "integer", "money", "date"];

/// Compiles the vocabularies, reporting repeated terms and unknown class members.
pub fn vocabularies(
    decls: &[(&Source, &VocabularyDecl)],
    errors: &mut Vec<CheckError>,
) -> Vec<Vocabulary> {
    let mut seen: HashMap<&str, ()> = HashMap::new();
    let mut out = Vec::new();
    for (src, decl) in decls {
        if seen.insert(&decl.name.text, ()).is_some() {
            errors.push(duplicate(src, "vocabulary", &decl.name));
            continue;
        }
        out.push(vocabulary(src, decl, errors));
    }
    out
}

/// Adds the terms and classes an extending edition gives to a vocabulary it inherits. New
/// terms come after the inherited ones, so the inherited terms keep their places.
pub fn add_to_vocabularies(
    vocabularies: &mut [Vocabulary],
    additions: &[(&Source, &VocabularyDecl)],
    errors: &mut Vec<CheckError>,
) {
    for (src, decl) in additions {
        let Some(vocabulary) = vocabularies.iter_mut().find(|v| v.name == decl.name.text) else {
            continue;
        };
        let mut known: HashMap<Arc<str>, ()> =
            vocabulary.terms.iter().map(|t| (t.clone(), ())).collect();
        for term in &decl.terms {
            if known.insert(term.text.clone(), ()).is_some() {
                errors.push(duplicate(src, "term", term));
            } else {
                vocabulary.terms.push(term.text.clone());
            }
        }
        for class in &mut vocabulary.classes {
            class.members.resize(vocabulary.terms.len(), false);
        }
        for class in &decl.classes {
            if vocabulary.classes.iter().any(|c| c.name == class.name.text) {
                errors.push(duplicate(src, "class", &class.name));
                continue;
            }
            let compiled = self::class(src, class, &vocabulary.terms, errors);
            vocabulary.classes.push(compiled);
        }
    }
}

fn vocabulary(src: &Source, decl: &VocabularyDecl, errors: &mut Vec<CheckError>) -> Vocabulary {
    let mut terms: Vec<Arc<str>> = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for term in &decl.terms {
        if seen.insert(&term.text, ()).is_some() {
            errors.push(duplicate(src, "term", term));
        } else {
            terms.push(term.text.clone());
        }
    }
    let mut classes: Vec<Class> = Vec::new();
    for class in &decl.classes {
        if classes.iter().any(|c| c.name == class.name.text) {
            errors.push(duplicate(src, "class", &class.name));
            continue;
        }
        classes.push(self::class(src, class, &terms, errors));
    }
    Vocabulary {
        name: decl.name.text.clone(),
        terms,
        classes,
    }
}

fn class(
    src: &Source,
    decl: &ClassDecl,
    terms: &[Arc<str>],
    errors: &mut Vec<CheckError>,
) -> Class {
    let mut members = vec![false; terms.len()];
    let index: HashMap<&str, usize> = terms.iter().enumerate().map(|(i, t)| (&**t, i)).collect();
    for member in &decl.members {
        match index.get(&*member.text).copied() {
            Some(i) => members[i] = true,
            None => errors.push(unknown(src, "term", member, terms.iter().map(|t| &**t))),
        }
    }
    Class {
        name: decl.name.text.clone(),
        members,
    }
}

/// Compiles a record declaration into a [`RecordType`].
pub struct RecordBuilder<'a> {
    src: &'a Source,
    vocabularies: &'a [Vocabulary],
    errors: &'a mut Vec<CheckError>,
    /// Whether this is a list element's record, where `required when` is not allowed.
    nested: bool,
    /// `required when` conditions by slot, checked once facts are known.
    pub conditions: Vec<(usize, ast::Expr)>,
}

impl<'a> RecordBuilder<'a> {
    pub fn new(
        src: &'a Source,
        vocabularies: &'a [Vocabulary],
        errors: &'a mut Vec<CheckError>,
    ) -> Self {
        Self {
            src,
            vocabularies,
            errors,
            nested: false,
            conditions: Vec::new(),
        }
    }

    fn conditional(&mut self, slot: usize, condition: &ast::Expr) {
        if self.nested {
            self.errors.push(CheckError::rule(
                self.src,
                condition.span,
                phrase("rule-nested_required_when"),
                Some(phrase("help-nested_required_when")),
            ));
        } else {
            self.conditions.push((slot, condition.clone()));
        }
    }

    /// The record type of these fields, slots numbered in declaration order.
    pub fn build(&mut self, fields: &[FieldDecl]) -> RecordType {
        let mut record = RecordType::default();
        self.extend(&mut record, fields);
        record
    }

    /// Adds fields to a record type, as an edition extending another adds to its record: a
    /// group given again gains fields; a field given again is an error.
    pub fn extend(&mut self, record: &mut RecordType, fields: &[FieldDecl]) {
        self.merge(&mut record.fields, fields, "", &mut record.slots);
    }

    fn merge(
        &mut self,
        out: &mut Vec<Field>,
        decls: &[FieldDecl],
        prefix: &str,
        slots: &mut Vec<Slot>,
    ) {
        for decl in decls {
            let existing = out.iter_mut().find(|f| f.name == decl.name.text);
            match (existing, &decl.body) {
                (
                    Some(Field {
                        shape: FieldShape::Group(inner),
                        ..
                    }),
                    FieldBody::Group(more),
                ) => {
                    let path = join_path(prefix, &decl.name.text);
                    self.merge(inner, more, &path, slots);
                }
                (Some(_), _) => self.errors.push(duplicate(self.src, "field", &decl.name)),
                (None, _) => {
                    let mut one = self.fields(std::slice::from_ref(decl), prefix, slots);
                    out.append(&mut one);
                }
            }
        }
    }

    fn fields(&mut self, fields: &[FieldDecl], prefix: &str, slots: &mut Vec<Slot>) -> Vec<Field> {
        let mut out: Vec<Field> = Vec::new();
        let mut names: HashMap<Arc<str>, ()> = HashMap::new();
        for decl in fields {
            if names.insert(decl.name.text.clone(), ()).is_some() {
                self.errors.push(duplicate(self.src, "field", &decl.name));
                continue;
            }
            let path: Arc<str> = if prefix.is_empty() {
                decl.name.text.clone()
            } else {
                format!("{prefix}.{}", decl.name.text).into()
            };
            let shape = match &decl.body {
                FieldBody::Group(inner) => FieldShape::Group(self.fields(inner, &path, slots)),
                FieldBody::Typed {
                    ty,
                    required,
                    required_when,
                    default,
                    range,
                } => {
                    let ty = self.ty(ty);
                    let default = default.as_ref().and_then(|d| self.default(d, &ty));
                    let range = range
                        .as_deref()
                        .and_then(|(low, high)| self.range(low, high, &ty));
                    if let Some(condition) = required_when {
                        self.conditional(slots.len(), condition);
                    }
                    slots.push(Slot {
                        path,
                        ty,
                        required: *required,
                        required_when: None,
                        default,
                        range,
                        span: decl.name.span,
                    });
                    FieldShape::Leaf(slots.len() - 1)
                }
            };
            out.push(Field {
                name: decl.name.text.clone(),
                doc: decl.doc.as_ref().map(|d| d.text.clone()),
                shape,
            });
        }
        out
    }

    fn ty(&mut self, ty: &TypeExpr) -> Type {
        match ty {
            TypeExpr::YesNo(_) => Type::Bool,
            TypeExpr::ListOf(element, _) => Type::List(Box::new(self.ty(element))),
            TypeExpr::ListOfRecords(fields, _) => {
                let mut inner = RecordBuilder::new(self.src, self.vocabularies, self.errors);
                inner.nested = true;
                Type::Rows(Arc::new(inner.build(fields)))
            }
            TypeExpr::Named(name) => self.named_type(name),
        }
    }

    fn named_type(&mut self, name: &Name) -> Type {
        match &*name.text {
            "text" => Type::Text,
            "integer" => Type::Integer,
            "money" => Type::Money,
            "date" => Type::Date,
            other => match self.vocabularies.iter().position(|v| &*v.name == other) {
                Some(i) => Type::Term(index(i)),
                None => {
                    let names = BUILTIN_TYPES
                        .into_iter()
                        .chain(["yes/no"])
                        .chain(self.vocabularies.iter().map(|v| &*v.name));
                    self.errors.push(unknown(self.src, "type", name, names));
                    Type::Text
                }
            },
        }
    }

    /// The bounds of `between LOW and HIGH`, for integers, money and dates, low ≤ high.
    fn range(&mut self, low: &Literal, high: &Literal, ty: &Type) -> Option<(Value, Value)> {
        if !matches!(ty, Type::Integer | Type::Money | Type::Date) {
            self.errors.push(CheckError::rule(
                self.src,
                low.span.to(high.span),
                phrase("rule-between_type").arg("ty", type_name(ty, self.vocabularies)),
                None,
            ));
            return None;
        }
        let bound = |this: &mut Self, literal: &Literal| {
            let value = literal_value(literal, ty, this.vocabularies);
            if value.is_none() {
                this.errors.push(CheckError::ty(
                    this.src,
                    literal.span,
                    type_name(ty, this.vocabularies),
                    phrase("type-other_bound"),
                ));
            }
            value
        };
        let (low_value, high_value) = (bound(self, low)?, bound(self, high)?);
        if crate::value::order(&low_value, &high_value) == Some(std::cmp::Ordering::Greater) {
            self.errors.push(CheckError::rule(
                self.src,
                low.span.to(high.span),
                phrase("rule-between_order"),
                Some(phrase("help-between_order")),
            ));
            return None;
        }
        Some((low_value, high_value))
    }

    fn default(&mut self, literal: &Literal, ty: &Type) -> Option<Value> {
        let value = literal_value(literal, ty, self.vocabularies);
        if value.is_none() {
            self.errors.push(CheckError::ty(
                self.src,
                literal.span,
                type_name(ty, self.vocabularies),
                phrase("type-other_default"),
            ));
        }
        value
    }
}

fn join_path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// The value of a default literal for a field of type `ty`, if it fits.
fn literal_value(literal: &Literal, ty: &Type, vocabularies: &[Vocabulary]) -> Option<Value> {
    Some(match (&literal.kind, ty) {
        (LiteralKind::EmptyList, Type::List(_)) => Value::List(Arc::new([])),
        (LiteralKind::EmptyList, Type::Rows(_)) => Value::Rows(Arc::new([])),
        (LiteralKind::Bool(b), Type::Bool) => Value::Bool(*b),
        (LiteralKind::Date(d), Type::Date) => Value::Date(*d),
        (LiteralKind::Number(n), Type::Integer) => Value::Int(n.parse().ok()?),
        (LiteralKind::Number(n), Type::Money) => Value::Money(Decimal::from_str_exact(n).ok()?),
        (LiteralKind::Text(t), Type::Text) => Value::Text(t.clone()),
        (LiteralKind::Name(n), Type::Term(v)) => Value::Term(term(vocabularies, *v, n)?),
        _ => return None,
    })
}

/// The term `name` of vocabulary `v`.
pub fn term(vocabularies: &[Vocabulary], v: u32, name: &str) -> Option<Term> {
    let vocabulary = vocabularies.get(v as usize)?;
    let i = vocabulary.terms.iter().position(|t| &**t == name)?;
    Some(Term {
        vocabulary: v,
        index: index(i),
        name: vocabulary.terms.get(i)?.clone(),
    })
}

/// How a type is named in messages.
pub fn type_name(ty: &Type, vocabularies: &[Vocabulary]) -> Message {
    match ty {
        Type::Text => phrase("type-text"),
        Type::Integer => phrase("type-integer"),
        Type::Money => phrase("type-money"),
        Type::Date => phrase("type-date"),
        Type::MonthDay => phrase("type-month_day"),
        Type::Period => phrase("type-period"),
        Type::Bool => phrase("type-bool"),
        Type::Term(v) => match vocabularies.get(*v as usize) {
            Some(vocabulary) => phrase("type-term_of").arg("vocabulary", &*vocabulary.name),
            None => phrase("type-term"),
        },
        Type::List(element) => phrase("type-list").arg("item", type_name(element, vocabularies)),
        Type::Rows(_) => phrase("type-rows"),
    }
}

/// An index that fits in `u32` (packs are far smaller than that).
pub fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

pub fn duplicate(src: &Source, what: &'static str, name: &Name) -> CheckError {
    CheckError::Duplicate {
        what,
        name: name.text.to_string(),
        src: src.clone(),
        span: name.span,
        help: None,
    }
}

pub fn unknown<'c>(
    src: &Source,
    what: &'static str,
    name: &Name,
    candidates: impl IntoIterator<Item = &'c str>,
) -> CheckError {
    CheckError::UnknownName {
        what,
        name: name.text.to_string(),
        of: None,
        src: src.clone(),
        span: name.span,
        help: super::expr::did_you_mean(&name.text, candidates),
    }
}
