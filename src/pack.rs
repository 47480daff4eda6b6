//! The compiled rule pack: what checking produces and evaluation runs.
//!
//! Everything here is resolved: names are slots and indices, parameters are inlined, types
//! are known. A pack compiles once and evaluates any number of records.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::source::Span;
use crate::value::Value;
use crate::verdict::{Kind, Outcome};

/// A compiled, checked rule pack.
///
/// Its `Serialize` and `Deserialize` are the compiled form that the binary embeds (see
/// [`crate::embedded`]): exact, for a compact non-self-describing format, not JSON.
#[derive(Debug, Serialize, Deserialize)]
pub struct Pack {
    /// The header: name, edition, version, dates.
    pub header: Header,
    /// The vocabularies, in declaration order.
    pub vocabularies: Vec<Vocabulary>,
    /// The project record's format.
    pub schema: RecordType,
    /// The articles of the regulation, in declaration order.
    pub articles: Vec<Article>,
    /// Derived facts, in dependency order (a fact refers only to earlier ones).
    pub facts: Vec<DerivedFact>,
    /// The relations between records evaluated together, in declaration order.
    pub relations: Vec<Relation>,
    /// The header's `plan_field`: the root slot of the integer field that holds the year a
    /// project is planned for, by which a review selects a year's declarations.
    pub plan_field: Option<usize>,
    /// The rules, in pack order.
    pub rules: Vec<Rule>,
    /// How many quantifier variables the pack's expressions use (each has its own index).
    pub variables: usize,
    /// What findings say when no rule clause speaks.
    pub messages: Messages,
    /// `edition@version` of this pack and of each pack it extends, most specific first.
    pub chain: Vec<Arc<str>>,
    /// Rules of an extended edition that this one takes out of force.
    pub disabled: Vec<Disabled>,
    /// The root slots this pack's own files declare (not those of the packs it extends).
    pub own_fields: Vec<usize>,
    /// Parameters this pack declares or sets that no expression uses and no article is
    /// held by.
    pub unused_parameters: Vec<Arc<str>>,
    /// Every parameter with its value and the edition that gave it, in declaration order.
    #[serde(with = "parameters")]
    pub parameters: Vec<Parameter>,
}

/// A named constant of the pack, with where its value comes from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Parameter {
    /// Its name.
    pub name: Arc<str>,
    /// Its value.
    #[serde(serialize_with = "crate::verdict::serialize_value_ref")]
    pub value: Value,
    /// `edition@version` of the edition whose `parameter` or `set parameter` gave the value.
    pub origin: Arc<str>,
}

/// A rule taken out of force by an edition that extends the one defining it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Disabled {
    /// The rule's id.
    pub rule: Arc<str>,
    /// Why, as the edition says.
    pub reason: Arc<str>,
    /// `edition@version` of the edition that disabled it.
    pub by: Arc<str>,
    /// The label of the article the rule cites, e.g. `第6条`.
    pub article: Arc<str>,
}

/// The pack's own words for findings no clause speaks for. `{due}`, `{effective}` and
/// `{missing}` are filled in by the evaluator.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Messages {
    /// A rule whose `applies when` is false and that gives no message of its own.
    pub not_applicable: Arc<str>,
    /// Every non-scope rule of an out-of-scope project.
    pub out_of_scope: Arc<str>,
    /// A duty due before the pack took effect.
    pub retroactive: Arc<str>,
    /// A finding that needs facts the record lacks.
    pub unknown: Arc<str>,
}

/// The pack header.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    /// The regulation's name, e.g. the title of the 办法.
    pub name: Arc<str>,
    /// The edition: whose text this is (a city, a county).
    pub edition: Arc<str>,
    /// The jurisdiction the edition governs.
    pub jurisdiction: Arc<str>,
    /// The edition's version, e.g. `2017.1`.
    pub version: Arc<str>,
    /// When the text was issued.
    pub issued: Option<NaiveDate>,
    /// When this version takes effect.
    pub effective: NaiveDate,
    /// When the edition first took effect: the earliest version of the same edition in the
    /// chain. Duties due earlier are not applicable (no retroactivity); a new version
    /// continues its edition, so what fell due under an earlier version is still judged.
    pub in_force_since: NaiveDate,
    /// Where the text comes from.
    pub source: Option<Arc<str>>,
    /// What the regulation is for.
    pub description: Option<Arc<str>>,
    /// `edition@version`, the origin of every rule this pack defines.
    pub origin: Arc<str>,
    /// `extends EDITION VERSION`: the edition and version this one builds on.
    pub extends: Option<(Arc<str>, Arc<str>)>,
}

/// A closed list of terms, some of them grouped into classes.
#[derive(Debug, Serialize, Deserialize)]
pub struct Vocabulary {
    /// The vocabulary's name.
    pub name: Arc<str>,
    /// Its terms, in declaration order.
    pub terms: Vec<Arc<str>>,
    /// Named subsets of the terms.
    pub classes: Vec<Class>,
}

/// A named subset of a vocabulary's terms.
#[derive(Debug, Serialize, Deserialize)]
pub struct Class {
    /// The class's name.
    pub name: Arc<str>,
    /// `members[i]` says whether term `i` belongs to the class.
    pub members: Vec<bool>,
}

/// A record type: the root record or the element of a list of sub-records.
///
/// Nested groups are flattened: every leaf field owns one slot, numbered in declaration
/// order, and a record's values are one `Option<Value>` per slot.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct RecordType {
    /// The top-level entries, in declaration order.
    pub fields: Vec<Field>,
    /// The leaf fields, indexed by slot.
    pub slots: Vec<Slot>,
}

/// One entry of a record type: a leaf field or a group of fields.
#[derive(Debug, Serialize, Deserialize)]
pub struct Field {
    /// The key as written in records.
    pub name: Arc<str>,
    /// The description given in the rule file.
    pub doc: Option<Arc<str>>,
    /// A leaf (with its slot) or a group.
    pub shape: FieldShape,
}

/// Whether a field holds a value or groups other fields.
#[derive(Debug, Serialize, Deserialize)]
pub enum FieldShape {
    /// A value field, stored in `slot`.
    Leaf(usize),
    /// A mapping of further fields.
    Group(Vec<Field>),
}

/// A leaf field.
#[derive(Debug, Serialize, Deserialize)]
pub struct Slot {
    /// The dotted path from the record's root, e.g. `funding.fiscal`.
    pub path: Arc<str>,
    /// The value's type.
    pub ty: Type,
    /// Whether a record must give it.
    pub required: bool,
    /// A condition under which a record must give it (`required when …`).
    pub required_when: Option<Condition>,
    /// The value an absent field takes.
    pub default: Option<Value>,
    /// `between LOW and HIGH`: the values a record may give, both included.
    pub range: Option<(Value, Value)>,
    /// Where the field is declared.
    pub span: Span,
}

/// A compiled condition with the text it was written as, for messages.
#[derive(Debug, Serialize, Deserialize)]
pub struct Condition {
    /// The condition.
    pub expr: Expr,
    /// As written in the rule file.
    pub text: Arc<str>,
}

/// The type of a field or an expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Type {
    /// Free text.
    Text,
    /// A whole number, optionally bounded (inclusive).
    Integer,
    /// Exact money.
    Money,
    /// A date.
    Date,
    /// A day of the year.
    MonthDay,
    /// A calendar period.
    Period,
    /// yes/no.
    Bool,
    /// A term of the vocabulary with this index.
    Term(u32),
    /// A list of values of one type.
    List(Box<Type>),
    /// A list of sub-records of this type.
    Rows(Arc<RecordType>),
}

impl Field {
    /// The field's label, as messages and the text verdict name it before its path
    /// ([`label_of`] its description); `None` without a description.
    pub fn label(&self) -> Option<&str> {
        label_of(self.doc.as_deref()?)
    }
}

/// The label a field's description gives: the description up to the first colon or
/// semicolon (full-width or not), without a full-width parenthesis that ends it; `None` when
/// nothing is left. What follows a colon or semicolon is guidance for whoever writes the
/// record (`所在地区：市本级或县名`, `年度；有预算的项目必填`), and a closing parenthesis is an
/// aside (`类别（某条）`, a citation): too long for a label, and the path follows in
/// parentheses of its own.
pub fn label_of(doc: &str) -> Option<&str> {
    let label = doc
        .split(['：', '；', ':', ';'])
        .next()
        .map_or(doc, str::trim);
    let label = match opening_of_last_aside(label).map(|at| label.get(..at).unwrap_or("").trim()) {
        Some(before) if !before.is_empty() => before,
        _ => label,
    };
    (!label.is_empty()).then_some(label)
}

/// Where the full-width parenthesis that closes `text` opens, nested ones skipped.
fn opening_of_last_aside(text: &str) -> Option<usize> {
    if !text.ends_with('）') {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            '）' => depth += 1,
            '（' if depth == 1 => return Some(at),
            '（' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

impl RecordType {
    /// The entry at a dotted path (`funding.fiscal`, or `funding` for the group), if the
    /// record type declares one.
    pub fn field(&self, path: &str) -> Option<&Field> {
        let mut fields: &[Field] = &self.fields;
        let mut found = None;
        for segment in path.split('.') {
            let field = fields.iter().find(|f| &*f.name == segment)?;
            fields = match &field.shape {
                FieldShape::Group(inner) => inner,
                FieldShape::Leaf(_) => &[],
            };
            found = Some(field);
        }
        found
    }

    /// The record type of the elements of the list at a dotted path, if it is a list of
    /// records.
    pub fn rows(&self, path: &str) -> Option<&RecordType> {
        let FieldShape::Leaf(slot) = self.field(path)?.shape else {
            return None;
        };
        match &self.slots.get(slot)?.ty {
            Type::Rows(rows) => Some(rows),
            _ => None,
        }
    }
}

impl PartialEq for RecordType {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// An article of the regulation, quoted by verdicts.
#[derive(Debug, Serialize, Deserialize)]
pub struct Article {
    /// The article's number (第8条 is 8).
    pub number: u32,
    /// Its display label as written, e.g. `第8条`.
    pub label: Arc<str>,
    /// A short title.
    pub title: Option<Arc<str>>,
    /// The original text.
    pub text: Arc<str>,
    /// Numbered items: (number, label such as `（1）`, text).
    pub items: Vec<Item>,
    /// `edition@version` of the edition whose text this is (an `override article` gives
    /// a county's own).
    pub origin: Arc<str>,
    /// Header entries and parameters that carry this article, for articles no rule encodes.
    pub held_by: Vec<Arc<str>>,
}

/// A numbered item within an article.
#[derive(Debug, Serialize, Deserialize)]
pub struct Item {
    /// 1-based number.
    pub number: u32,
    /// Display label, e.g. `（3）`.
    pub label: Arc<str>,
    /// The item's text.
    pub text: Arc<str>,
}

/// `relation NAME = records with the same KEY, …`: for a record, the other records evaluated
/// together with it (not those with its `id`) whose key fields have its values.
#[derive(Debug, Serialize, Deserialize)]
pub struct Relation {
    /// The relation's name.
    pub name: Arc<str>,
    /// Its description, for messages.
    pub doc: Option<Arc<str>>,
    /// The root slots of the key fields (required, so every record has them).
    pub keys: Vec<usize>,
}

/// A named expression evaluated at most once per record.
#[derive(Debug, Serialize, Deserialize)]
pub struct DerivedFact {
    /// The fact's name.
    pub name: Arc<str>,
    /// Its definition.
    pub expr: Expr,
}

/// A compiled rule.
#[derive(Debug, Serialize, Deserialize)]
pub struct Rule {
    /// The stable id, e.g. `declaration.on_time`.
    pub id: Arc<str>,
    /// What the rule decides.
    pub kind: Kind,
    /// The article (and item) it applies.
    pub cite: Cite,
    /// A short title.
    pub title: Option<Arc<str>>,
    /// When the rule applies at all; `None` means always.
    pub applies: Option<Expr>,
    /// The message when it does not apply.
    pub not_applicable: Option<Template>,
    /// Rule-local named values, indexed by let slot.
    pub lets: Vec<Expr>,
    /// The date the duty falls due, if the rule states one.
    pub due: Option<Expr>,
    /// Outcome clauses, tried in order; the last has no condition.
    pub clauses: Vec<Clause>,
    /// The message when the outcome is unknown.
    pub unknown: Option<Template>,
    /// `edition@version` of the pack whose text this is.
    pub origin: Arc<str>,
    /// The text of the extended edition's rule that this one overrides, if it does.
    pub replaced: Option<Arc<str>>,
    /// The parameters the rule uses (directly or through facts), in order of first use.
    #[serde(with = "parameters")]
    pub parameters: Vec<Parameter>,
}

/// A citation: article and optional item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cite {
    /// Index into [`Pack::articles`].
    pub article: usize,
    /// The article's number.
    pub number: u32,
    /// The item's number, if any.
    pub item: Option<u32>,
    /// Display form, e.g. `第16条（3）`.
    pub label: Arc<str>,
}

/// `OUTCOME when CONDITION says MESSAGE`, or `OUTCOME otherwise says MESSAGE`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Clause {
    /// The outcome this clause gives.
    pub outcome: Outcome,
    /// Its condition; `None` for `otherwise`.
    pub when: Option<Expr>,
    /// Its message.
    pub message: Template,
}

/// A message with interpolated expressions.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Template {
    /// Literal text and expressions, in order.
    pub parts: Vec<Part>,
}

/// A piece of a [`Template`].
#[derive(Debug, Serialize, Deserialize)]
pub enum Part {
    /// Literal text.
    Text(Box<str>),
    /// An expression whose value is written in place.
    Expr(Expr),
}

/// Where a read comes from: a field of the record, or a field of a list element bound to
/// a quantifier variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldRef {
    /// A slot of the root record.
    Root(usize),
    /// A slot of the row bound to quantifier variable `var`.
    Element {
        /// The quantifier variable.
        var: usize,
        /// The slot within the row.
        slot: usize,
    },
}

/// A compiled expression. Types were checked; evaluation only meets the shapes here.
#[derive(Debug, Serialize, Deserialize)]
pub enum Expr {
    /// A constant (literals and parameters).
    Const(Value),
    /// A record field.
    Field(FieldRef),
    /// The value bound to a quantifier variable over a list of plain values.
    Var(usize),
    /// A derived fact, by index.
    Fact(usize),
    /// A rule-local `let`, by slot.
    Let(usize),
    /// The evaluation date.
    AsOf,
    /// `not`.
    Not(Box<Expr>),
    /// `and` (three-valued).
    And(Box<Expr>, Box<Expr>),
    /// `or` (three-valued).
    Or(Box<Expr>, Box<Expr>),
    /// A comparison.
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    /// Arithmetic.
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// Unary minus.
    Negate(Box<Expr>),
    /// `x is present` (`true`) or `x is absent` (`false`): always known.
    Presence(FieldRef, bool),
    /// `happened(x)`: the date is given and not after the evaluation date; always known.
    Happened(FieldRef),
    /// `x in LIST`.
    InList(Box<Expr>, Box<Expr>),
    /// `x in CLASS`: (vocabulary, class).
    InClass(Box<Expr>, u32, u32),
    /// `A except B`: the items of A not in B.
    Except(Box<Expr>, Box<Expr>),
    /// `[a, b, …]`.
    List(Vec<Expr>),
    /// `if c then a else b`.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `any`/`all`/`count` over a list.
    Quantifier(Box<Quantifier>),
    /// The members of a relation, by index: only ever the list of a quantifier.
    Relation(usize),
    /// A built-in function.
    Call(Function, Vec<Expr>),
}

/// A quantifier over a list.
#[derive(Debug, Serialize, Deserialize)]
pub struct Quantifier {
    /// any, all or count.
    pub kind: QuantifierKind,
    /// The variable each element binds.
    pub var: usize,
    /// Whether the list holds sub-records (the variable binds a row) or plain values.
    pub rows: bool,
    /// The list.
    pub list: Expr,
    /// The condition per element.
    pub body: Expr,
}

/// Which quantifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuantifierKind {
    /// True when some element satisfies the body; binds the first that does.
    Any,
    /// True when every element satisfies the body; binds the first that does not.
    All,
    /// How many elements satisfy the body.
    Count,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompareOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// Arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
}

/// Built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Function {
    /// `date(year, month-day)`: that day in that year.
    Date,
    /// `days(from, to)`: days from the first date to the second.
    Days,
    /// `year(date)`.
    Year,
    /// `count(list)`: the list's length.
    Count,
}

impl Expr {
    /// Visits this expression and every expression inside it, outermost first.
    pub fn visit(&self, f: &mut dyn FnMut(&Expr)) {
        f(self);
        match self {
            Expr::Not(a) | Expr::Negate(a) | Expr::InClass(a, ..) => a.visit(f),
            Expr::And(a, b)
            | Expr::Or(a, b)
            | Expr::Compare(_, a, b)
            | Expr::Arith(_, a, b)
            | Expr::InList(a, b)
            | Expr::Except(a, b) => {
                a.visit(f);
                b.visit(f);
            }
            Expr::If(c, a, b) => {
                c.visit(f);
                a.visit(f);
                b.visit(f);
            }
            Expr::List(items) | Expr::Call(_, items) => items.iter().for_each(|i| i.visit(f)),
            Expr::Quantifier(q) => {
                q.list.visit(f);
                q.body.visit(f);
            }
            _ => {}
        }
    }

    /// Whether the value depends on the evaluation date (`as_of`, `happened`), directly or
    /// through a derived fact that does (`dated[i]` says it of fact `i`; see
    /// [`dated_facts`]).
    pub fn reads_date(&self, dated: &[bool]) -> bool {
        let mut reads = false;
        self.visit(&mut |e| match e {
            Expr::AsOf | Expr::Happened(_) => reads = true,
            Expr::Fact(i) => reads |= dated.get(*i).copied().unwrap_or(false),
            _ => {}
        });
        reads
    }
}

/// For each derived fact, whether it depends on the evaluation date. Facts refer only to
/// earlier ones, so one pass in order settles each once.
pub fn dated_facts(facts: &[DerivedFact]) -> Vec<bool> {
    let mut dated = Vec::with_capacity(facts.len());
    for fact in facts {
        let reads = fact.expr.reads_date(&dated);
        dated.push(reads);
    }
    dated
}

impl Pack {
    /// The article a rule cites.
    pub fn article(&self, cite: &Cite) -> Option<&Article> {
        self.articles.get(cite.article)
    }
}

/// Parameters in the compiled form: [`Parameter`]'s own `Serialize` is its JSON form, whose
/// value does not read back.
mod parameters {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serializer};

    use super::Parameter;
    use crate::value::Value;

    pub fn serialize<S: Serializer>(list: &[Parameter], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(list.iter().map(|p| (&p.name, &p.value, &p.origin)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Parameter>, D::Error> {
        let list = Vec::<(Arc<str>, Value, Arc<str>)>::deserialize(deserializer)?;
        Ok(list
            .into_iter()
            .map(|(name, value, origin)| Parameter {
                name,
                value,
                origin,
            })
            .collect())
    }
}
