//! The syntax tree of rule files, as written: names unresolved, types unchecked.
//!
//! Every node carries its [`Span`]; spans compare equal, so trees compare by structure.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::pack::{ArithOp, CompareOp, QuantifierKind};
use crate::source::{Source, Span};
use crate::value::{MonthDay, Period};
use crate::verdict::{Kind, Outcome};

/// One parsed rule file.
#[derive(Debug, Clone)]
pub struct File {
    /// The file's text, for diagnostics.
    pub source: Source,
    /// Its declarations, in order.
    pub declarations: Vec<Declaration>,
}

/// A top-level declaration.
#[derive(Debug, Clone, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a file holds a few dozen declarations, built once; boxing would buy nothing"
)]
pub enum Declaration {
    /// `pack NAME { … }`
    Pack(PackDecl),
    /// `vocabulary NAME { … }`
    Vocabulary(VocabularyDecl),
    /// `record { … }`
    Record(RecordDecl),
    /// `relation NAME "doc" = records with the same KEY, …`
    Relation(RelationDecl),
    /// `article 第8条 "title" { … }`
    Article(ArticleDecl),
    /// `parameter NAME = EXPR`
    Parameter(Binding),
    /// `set parameter NAME = EXPR`: a new value for a parameter of the pack extended.
    SetParameter(Binding),
    /// `disable rule ID because "…"`: a rule of the pack extended, out of force here.
    Disable(DisableDecl),
    /// `fact NAME = EXPR`
    Fact(Binding),
    /// `requirement ID cites 第8条 { … }` and the other kinds.
    Rule(RuleDecl),
}

/// A name or short text with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The text as written (escapes resolved for strings).
    pub text: Arc<str>,
    /// Where it is written.
    pub span: Span,
}

/// The pack header.
#[derive(Debug, Clone, PartialEq)]
pub struct PackDecl {
    /// The regulation's name.
    pub name: Name,
    /// `extends EDITION VERSION`, if the pack builds on another.
    pub extends: Option<(Name, Name)>,
    /// `key value` entries, in order.
    pub entries: Vec<(Name, Name)>,
    /// `messages { key "text" }`: what findings say when no rule clause speaks.
    pub messages: Vec<(Name, Name)>,
    /// The whole declaration.
    pub span: Span,
}

/// A vocabulary with its terms and classes.
#[derive(Debug, Clone, PartialEq)]
pub struct VocabularyDecl {
    /// The vocabulary's name, usable as a field type.
    pub name: Name,
    /// Its description.
    pub doc: Option<Name>,
    /// The terms.
    pub terms: Vec<Name>,
    /// The classes.
    pub classes: Vec<ClassDecl>,
}

/// `class NAME { term … }`
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDecl {
    /// The class's name.
    pub name: Name,
    /// Its description.
    pub doc: Option<Name>,
    /// Its members.
    pub members: Vec<Name>,
}

/// `record { … }`: the project record's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordDecl {
    /// The fields.
    pub fields: Vec<FieldDecl>,
    /// The whole declaration.
    pub span: Span,
}

/// `relation NAME "doc" = records with the same KEY, …`: for each record, the other records
/// evaluated together with it that have the same values of the keys.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationDecl {
    /// The relation's name, usable as the list of a quantifier.
    pub name: Name,
    /// Its description.
    pub doc: Option<Name>,
    /// The key fields, as dotted paths.
    pub keys: Vec<Name>,
    /// The whole declaration.
    pub span: Span,
}

/// A field of a record or group.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDecl {
    /// The key.
    pub name: Name,
    /// Its description.
    pub doc: Option<Name>,
    /// A group of fields or a typed value.
    pub body: FieldBody,
}

/// What a field holds.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldBody {
    /// Nested fields.
    Group(Vec<FieldDecl>),
    /// A value.
    Typed {
        /// Its type.
        ty: TypeExpr,
        /// Whether a record must give it.
        required: bool,
        /// `required when EXPR`: a record must give it when the condition holds.
        required_when: Option<Expr>,
        /// The value an absent field takes.
        default: Option<Literal>,
        /// `between LOW and HIGH`: the values a record may give, both included.
        range: Option<Box<(Literal, Literal)>>,
    },
}

/// A field type as written.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeExpr {
    /// `text`, `integer`, `money`, `date`, or a vocabulary name.
    Named(Name),
    /// `yes/no`.
    YesNo(Span),
    /// `list of T`.
    ListOf(Box<TypeExpr>, Span),
    /// `list of { fields }`.
    ListOfRecords(Vec<FieldDecl>, Span),
}

/// A literal default value.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    /// Which literal.
    pub kind: LiteralKind,
    /// Where.
    pub span: Span,
}

/// The literals a default may take.
#[derive(Debug, Clone, PartialEq)]
pub enum LiteralKind {
    /// `[]`
    EmptyList,
    /// A date.
    Date(NaiveDate),
    /// A month-day.
    MonthDay(MonthDay),
    /// A number as written.
    Number(Arc<str>),
    /// `true` or `false`.
    Bool(bool),
    /// A string.
    Text(Arc<str>),
    /// A bare name (a vocabulary term).
    Name(Arc<str>),
}

/// `article 第8条 "title" { text """…""" item （1） "…" }`
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleDecl {
    /// `override`: this article's text replaces the extended edition's article of this label.
    pub overrides: bool,
    /// The label, e.g. `第8条`.
    pub label: Name,
    /// A short title.
    pub title: Option<Name>,
    /// The original text.
    pub text: Option<Name>,
    /// Numbered items: label (the name inside the brackets) and text.
    pub items: Vec<(Name, Name)>,
    /// `held by NAME, …`: header entries or parameters that carry an article no rule
    /// encodes (its purpose, its date of effect, an authority's name).
    pub held_by: Vec<Name>,
    /// The whole declaration.
    pub span: Span,
}

/// `NAME = EXPR`, for parameters, facts and lets.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The name bound.
    pub name: Name,
    /// Its definition.
    pub expr: Expr,
}

/// `disable rule ID because "REASON"`.
#[derive(Debug, Clone, PartialEq)]
pub struct DisableDecl {
    /// The rule taken out of force.
    pub id: Name,
    /// Why.
    pub reason: Name,
}

/// A rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDecl {
    /// `override`: this rule replaces the extended pack's rule with the same id.
    pub overrides: bool,
    /// What it decides.
    pub kind: Kind,
    /// Its stable id.
    pub id: Name,
    /// The article label and optional item label it cites.
    pub cite: (Name, Option<Name>),
    /// A short title.
    pub title: Option<Name>,
    /// `applies when EXPR [otherwise says MESSAGE]`.
    pub applies: Option<(Expr, Option<Template>)>,
    /// `let NAME = EXPR` entries.
    pub lets: Vec<Binding>,
    /// `due EXPR`.
    pub due: Option<Expr>,
    /// Outcome clauses in order.
    pub clauses: Vec<ClauseDecl>,
    /// `unknown says MESSAGE`.
    pub unknown: Option<Template>,
    /// The whole rule.
    pub span: Span,
}

/// `OUTCOME when EXPR says MESSAGE` or `OUTCOME otherwise says MESSAGE`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseDecl {
    /// The outcome.
    pub outcome: Outcome,
    /// The condition; `None` for `otherwise`.
    pub when: Option<Expr>,
    /// The message.
    pub message: Template,
    /// The whole clause.
    pub span: Span,
}

/// A message: literal text and `{expression}` interpolations.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The pieces in order.
    pub parts: Vec<TemplatePart>,
    /// The whole string literal.
    pub span: Span,
}

/// A piece of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplatePart {
    /// Literal text.
    Text(String),
    /// `{expr}`.
    Expr(Expr),
}

/// An expression with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    pub span: Span,
}

/// The expression forms.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A dotted name: a field, parameter, fact, let, variable or term.
    Path(Vec<Name>),
    /// A date literal.
    Date(NaiveDate),
    /// A month-day literal.
    MonthDay(MonthDay),
    /// A number as written.
    Number(Arc<str>),
    /// `true`/`false`.
    Bool(bool),
    /// A string literal.
    Text(Arc<str>),
    /// `3 months`, `1 year`, `30 days`.
    Period(Period),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `f(a, b)`.
    Call(Name, Vec<Expr>),
    /// `not a`.
    Not(Box<Expr>),
    /// `a and b`.
    And(Box<Expr>, Box<Expr>),
    /// `a or b`.
    Or(Box<Expr>, Box<Expr>),
    /// `a < b` etc.
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    /// `a + b` etc.
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// `-a`.
    Negate(Box<Expr>),
    /// `a except b`.
    Except(Box<Expr>, Box<Expr>),
    /// `a is present` (true) / `a is absent` (false).
    Presence(Box<Expr>, bool),
    /// `a in b` / `a not in b` (negated).
    In(Box<Expr>, Box<Expr>, bool),
    /// `any x in l where c`, `all x in l satisfy c`, `count x in l where c`.
    Quantifier(QuantifierKind, Name, Box<Expr>, Box<Expr>),
    /// `if c then a else b`.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}
