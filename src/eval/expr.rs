//! Evaluating compiled expressions in three-valued logic, recording every field read.
//!
//! Values are borrowed wherever they already exist (record fields, constants of the pack),
//! so reading a field copies nothing; only computed values are owned. Nothing here
//! allocates per expression: the fields read and the absent fields that leave a value
//! unknown go on two buffers of the [`Context`], reused from rule to rule.
//!
//! The absent fields are a stack. An expression that comes out unknown leaves the fields
//! that would decide it on top of the stack, above the height it started at; one that comes
//! out known leaves the stack as it found it. So the unknown operands of an operator are
//! side by side on the stack, and an operand whose unknown is overruled (`false and …`) is
//! dropped by cutting the stack back.

use std::borrow::Cow;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::batch::Batch;
use crate::pack::{
    ArithOp, CompareOp, Expr, FieldRef, Function, Pack, Quantifier, QuantifierKind, Rule,
};
use crate::record::Facts;
use crate::value::{self, Period, Row, Value};

/// A record field a rule read: a root slot, or a slot of a list element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Read {
    /// A root slot.
    Root(usize),
    /// Slot `slot` of element `index` of the list in root slot `list`.
    Element {
        /// The list's root slot.
        list: usize,
        /// The element.
        index: usize,
        /// The slot within the element.
        slot: usize,
    },
    /// Root slot `slot` of record `record` of the batch, a member of relation `relation`.
    Peer {
        /// The relation.
        relation: usize,
        /// The record, by its index in the batch.
        record: usize,
        /// The root slot.
        slot: usize,
    },
}

/// A three-valued result: known, or unknown (the absent fields that would decide it are on
/// the context's stack of missing fields).
#[derive(Debug, Clone)]
pub enum Tri<'p> {
    /// A value, borrowed from the record or the pack where it can be.
    Known(Cow<'p, Value>),
    /// No value.
    Unknown,
}

impl<'p> Tri<'p> {
    fn owned(value: Value) -> Self {
        Tri::Known(Cow::Owned(value))
    }

    fn bool(b: bool) -> Self {
        Tri::owned(Value::Bool(b))
    }

    fn from_option(value: Option<Value>) -> Self {
        value.map_or(Tri::Unknown, Tri::owned)
    }
}

/// What a quantifier variable is bound to.
#[derive(Debug, Clone)]
enum Bound<'p> {
    Nothing,
    Row {
        rows: &'p [Row],
        index: usize,
        list: Option<usize>,
    },
    Value(Cow<'p, Value>),
    /// Another record of the batch, a member of a relation.
    Peer {
        relation: usize,
        record: usize,
    },
}

/// A derived fact or let, evaluated: its result, and where in the context's stash the
/// fields it read and (when unknown) the fields it missed are kept.
#[derive(Debug, Clone)]
struct Cached<'p> {
    result: Tri<'p>,
    reads: Range<usize>,
    missing: Range<usize>,
}

/// The most arguments a function takes.
const MAX_ARGS: usize = 2;

/// Evaluation state for one record.
pub struct Context<'p> {
    pub pack: &'p Pack,
    pub facts: &'p Facts,
    /// The batch the record is evaluated in, and its index there: whose other records its
    /// relations have as members. `None` for a record evaluated alone.
    pub peers: Option<(&'p Batch<'p>, usize)>,
    pub as_of: NaiveDate,
    derived: Vec<Option<Cached<'p>>>,
    current_lets: &'p [Expr],
    lets: Vec<Option<Cached<'p>>>,
    bound: Vec<Bound<'p>>,
    /// Fields read since the current rule began, in order, possibly repeated.
    pub reads: Vec<Read>,
    /// The stack of absent fields that leave values unknown.
    pub missing: Vec<Read>,
    /// The reads and missing fields of cached facts and lets, for their reuse.
    stash: Vec<Read>,
    /// The list element that last decided an `any` or `all`.
    pub witness: Option<Read>,
    /// Whether reads are recorded: an outcomes-only evaluation needs none.
    explain: bool,
    /// Room to list a rule's distinct reads, reused from rule to rule.
    pub distinct: Vec<Read>,
}

impl<'p> Context<'p> {
    /// A context that records what every rule read, for explained findings.
    pub fn new(pack: &'p Pack, facts: &'p Facts, as_of: NaiveDate) -> Self {
        Self::with_reads(pack, facts, as_of, true)
    }

    /// A context that records reads only if `explain`.
    pub fn with_reads(pack: &'p Pack, facts: &'p Facts, as_of: NaiveDate, explain: bool) -> Self {
        Self {
            pack,
            facts,
            peers: None,
            as_of,
            derived: vec![None; pack.facts.len()],
            current_lets: &[],
            lets: Vec::new(),
            bound: vec![Bound::Nothing; pack.variables],
            reads: if explain {
                Vec::with_capacity(32)
            } else {
                Vec::new()
            },
            missing: Vec::new(),
            stash: Vec::new(),
            witness: None,
            explain,
            distinct: Vec::new(),
        }
    }

    /// The context of record `index` of `batch`, whose relations have the batch's other
    /// records as members.
    pub fn among(mut self, batch: &'p Batch<'p>, index: usize) -> Self {
        self.peers = Some((batch, index));
        self
    }

    /// The facts of record `record` of the batch.
    fn peer(&self, record: usize) -> Option<&'p Facts> {
        let (batch, _) = self.peers?;
        Some(batch.member(record)?.facts)
    }

    /// Starts a rule: forgets its predecessor's lets, reads and missing fields.
    pub fn begin_rule(&mut self, rule: &'p Rule) {
        self.current_lets = &rule.lets;
        self.lets.clear();
        self.lets.resize(rule.lets.len(), None);
        self.reads.clear();
        self.missing.clear();
        self.witness = None;
    }

    /// The value of a read, if the record has one.
    pub fn value_of(&self, read: Read) -> Option<&'p Value> {
        match read {
            Read::Root(slot) => self.facts.values.get(slot)?.as_ref(),
            Read::Element { list, index, slot } => match self.facts.values.get(list)? {
                Some(Value::Rows(rows)) => rows.get(index)?.get(slot)?.as_ref(),
                _ => None,
            },
            Read::Peer { record, slot, .. } => self.peer(record)?.values.get(slot)?.as_ref(),
        }
    }

    /// Evaluates a condition: `Some(bool)` if known, else `None` with the absent fields
    /// that would decide it on the missing stack. Conditions are most of what rules
    /// compute, so the boolean forms are evaluated here directly, without building a value
    /// for each step.
    pub fn condition(&mut self, expr: &'p Expr) -> Option<bool> {
        match expr {
            Expr::Const(Value::Bool(b)) => Some(*b),
            Expr::Not(e) => self.condition(e).map(|b| !b),
            Expr::And(a, b) => self.junction(a, b, false),
            Expr::Or(a, b) => self.junction(a, b, true),
            Expr::Presence(field, present) => Some(self.resolve(*field).is_some() == *present),
            Expr::Happened(field) => Some(self.has_happened(*field)),
            Expr::Compare(op, a, b) => {
                let (x, y) = (self.eval(a), self.eval(b));
                match (x, y) {
                    (Tri::Known(x), Tri::Known(y)) => compare(*op, &x, &y),
                    _ => None,
                }
            }
            Expr::InClass(item, v, c) => match self.eval(item) {
                Tri::Known(x) => in_class(self.pack, &x, *v, *c),
                Tri::Unknown => None,
            },
            _ => match self.eval(expr) {
                Tri::Known(v) => match *v {
                    Value::Bool(b) => Some(b),
                    _ => None,
                },
                Tri::Unknown => None,
            },
        }
    }

    /// `and` (`dominant` false) or `or` (`dominant` true): the dominant value decides alone,
    /// and overrules the other side's unknown.
    fn junction(&mut self, a: &'p Expr, b: &'p Expr, dominant: bool) -> Option<bool> {
        let mark = self.missing.len();
        let left = self.condition(a);
        if left == Some(dominant) {
            return left;
        }
        match (left, self.condition(b)) {
            (_, Some(y)) if y == dominant => {
                self.missing.truncate(mark);
                Some(y)
            }
            (Some(_), right) => right,
            (None, _) => None,
        }
    }

    /// Whether a date field is given and not after the evaluation date.
    fn has_happened(&mut self, field: FieldRef) -> bool {
        match self.resolve(field) {
            Some((read, Value::Date(d))) => {
                self.read(read);
                *d <= self.as_of
            }
            _ => false,
        }
    }

    /// Evaluates any expression.
    pub fn eval(&mut self, expr: &'p Expr) -> Tri<'p> {
        match expr {
            Expr::Const(v) => Tri::Known(Cow::Borrowed(v)),
            Expr::Field(field) => self.field(*field),
            Expr::Var(var) => match self.bound.get(*var) {
                Some(Bound::Value(v)) => Tri::Known(v.clone()),
                _ => Tri::Unknown,
            },
            Expr::Fact(i) => self.derived(*i),
            Expr::Let(i) => self.let_value(*i),
            Expr::AsOf => Tri::owned(Value::Date(self.as_of)),
            Expr::Not(_)
            | Expr::And(..)
            | Expr::Or(..)
            | Expr::Presence(..)
            | Expr::Happened(_)
            | Expr::InClass(..)
            | Expr::Compare(..) => self.condition(expr).map_or(Tri::Unknown, Tri::bool),
            Expr::Arith(op, a, b) => self.binary(a, b, |x, y| arith(*op, x, y)),
            Expr::Negate(e) => match self.eval(e) {
                Tri::Known(v) => Tri::from_option(negate(&v)),
                Tri::Unknown => Tri::Unknown,
            },
            Expr::InList(item, list) => self.binary(item, list, |x, y| match y {
                Value::List(items) => Some(Value::Bool(items.contains(x))),
                _ => None,
            }),
            Expr::Except(a, b) => self.binary(a, b, except),
            Expr::List(items) => self.list(items),
            Expr::If(c, a, b) => match self.condition(c) {
                Some(true) => self.eval(a),
                Some(false) => self.eval(b),
                None => Tri::Unknown,
            },
            Expr::Quantifier(q) => self.quantifier(q),
            // Only ever a quantifier's list, which `quantifier` reads itself.
            Expr::Relation(_) => Tri::Unknown,
            Expr::Call(function, args) => self.call(*function, args),
        }
    }

    // ------------------------------------------------------------ fields and names

    /// Where a field reference points now, and its value if present.
    fn resolve(&self, field: FieldRef) -> Option<(Read, &'p Value)> {
        match field {
            FieldRef::Root(slot) => {
                let value = self.facts.values.get(slot)?.as_ref()?;
                Some((Read::Root(slot), value))
            }
            FieldRef::Element { var, slot } => match self.bound.get(var)? {
                Bound::Row { rows, index, list } => {
                    let value = rows.get(*index)?.get(slot)?.as_ref()?;
                    let read = Read::Element {
                        list: list.unwrap_or(usize::MAX),
                        index: *index,
                        slot,
                    };
                    Some((read, value))
                }
                Bound::Peer { relation, record } => {
                    let value = self.peer(*record)?.values.get(slot)?.as_ref()?;
                    let read = Read::Peer {
                        relation: *relation,
                        record: *record,
                        slot,
                    };
                    Some((read, value))
                }
                _ => None,
            },
        }
    }

    fn read_of(&self, field: FieldRef) -> Option<Read> {
        match field {
            FieldRef::Root(slot) => Some(Read::Root(slot)),
            FieldRef::Element { var, slot } => match self.bound.get(var)? {
                Bound::Row { index, list, .. } => Some(Read::Element {
                    list: list.unwrap_or(usize::MAX),
                    index: *index,
                    slot,
                }),
                Bound::Peer { relation, record } => Some(Read::Peer {
                    relation: *relation,
                    record: *record,
                    slot,
                }),
                _ => None,
            },
        }
    }

    fn field(&mut self, field: FieldRef) -> Tri<'p> {
        match self.resolve(field) {
            Some((read, value)) => {
                self.read(read);
                Tri::Known(Cow::Borrowed(value))
            }
            None => {
                self.missing.extend(self.read_of(field));
                Tri::Unknown
            }
        }
    }

    /// Records a read, when reads are recorded.
    fn read(&mut self, read: Read) {
        if self.explain {
            self.reads.push(read);
        }
    }

    fn derived(&mut self, i: usize) -> Tri<'p> {
        if let Some(Some(cached)) = self.derived.get(i) {
            let cached = cached.clone();
            return self.reuse(cached);
        }
        let Some(fact) = self.pack.facts.get(i) else {
            return Tri::Unknown;
        };
        let cached = self.cached(&fact.expr);
        if let Some(slot) = self.derived.get_mut(i) {
            *slot = Some(cached.clone());
        }
        cached.result
    }

    fn let_value(&mut self, i: usize) -> Tri<'p> {
        if let Some(Some(cached)) = self.lets.get(i) {
            let cached = cached.clone();
            return self.reuse(cached);
        }
        let Some(expr) = self.current_lets.get(i) else {
            return Tri::Unknown;
        };
        let cached = self.cached(expr);
        if let Some(slot) = self.lets.get_mut(i) {
            *slot = Some(cached.clone());
        }
        cached.result
    }

    /// Evaluates `expr`, stashing the reads and missing fields it made (they stay recorded
    /// for the caller too).
    fn cached(&mut self, expr: &'p Expr) -> Cached<'p> {
        let (reads_from, missing_from) = (self.reads.len(), self.missing.len());
        let result = self.eval(expr);
        let reads = stash(&mut self.stash, self.reads.get(reads_from..));
        let missing = stash(&mut self.stash, self.missing.get(missing_from..));
        Cached {
            result,
            reads,
            missing,
        }
    }

    /// A cached result, its reads and missing fields recorded again.
    fn reuse(&mut self, cached: Cached<'p>) -> Tri<'p> {
        let reads = self.stash.get(cached.reads).unwrap_or_default();
        self.reads.extend_from_slice(reads);
        if matches!(cached.result, Tri::Unknown) {
            let missing = self.stash.get(cached.missing).unwrap_or_default();
            self.missing.extend_from_slice(missing);
        }
        cached.result
    }

    // ------------------------------------------------------------ operators

    /// Both operands known → `f`; else unknown with both sides' missing fields.
    fn binary(
        &mut self,
        a: &'p Expr,
        b: &'p Expr,
        f: impl FnOnce(&Value, &Value) -> Option<Value>,
    ) -> Tri<'p> {
        match (self.eval(a), self.eval(b)) {
            (Tri::Known(x), Tri::Known(y)) => Tri::from_option(f(&x, &y)),
            _ => Tri::Unknown,
        }
    }

    /// A list of values: unknown as soon as one item is.
    fn list(&mut self, items: &'p [Expr]) -> Tri<'p> {
        let mut values = Vec::with_capacity(items.len());
        for item in items {
            match self.eval(item) {
                Tri::Known(v) => values.push(v.into_owned()),
                Tri::Unknown => return Tri::Unknown,
            }
        }
        Tri::owned(Value::List(values.into()))
    }

    fn quantifier(&mut self, q: &'p Quantifier) -> Tri<'p> {
        if let Expr::Relation(relation) = q.list {
            return self.related(q, relation);
        }
        let list_slot = match &q.list {
            Expr::Field(FieldRef::Root(slot)) => Some(*slot),
            _ => None,
        };
        // A list field is not itself a fact the rule read: its elements' fields are.
        let list: Cow<'p, Value> = match list_slot.and_then(|slot| self.facts.values.get(slot)) {
            Some(Some(list)) => Cow::Borrowed(list),
            _ => match self.eval(&q.list) {
                Tri::Known(list) => list,
                Tri::Unknown => return Tri::Unknown,
            },
        };
        let borrowed = match list {
            Cow::Borrowed(list) => Some(list),
            Cow::Owned(_) => None,
        };
        let len = match &*list {
            Value::Rows(rows) => rows.len(),
            Value::List(items) => items.len(),
            _ => return Tri::Unknown,
        };
        let mark = self.missing.len();
        let mut count = 0i64;
        let mut unknown = false;
        for index in 0..len {
            self.bind(q.var, borrowed, &list, index, list_slot);
            match self.condition(&q.body) {
                Some(true) if q.kind == QuantifierKind::Any => {
                    self.witness = Some(element_read(list_slot, index));
                    self.missing.truncate(mark);
                    return Tri::bool(true);
                }
                Some(false) if q.kind == QuantifierKind::All => {
                    self.witness = Some(element_read(list_slot, index));
                    self.missing.truncate(mark);
                    return Tri::bool(false);
                }
                Some(true) => count += 1,
                Some(false) => {}
                None => unknown = true,
            }
        }
        if unknown {
            return Tri::Unknown;
        }
        Tri::owned(match q.kind {
            QuantifierKind::Any => Value::Bool(false),
            QuantifierKind::All => Value::Bool(true),
            QuantifierKind::Count => Value::Int(count),
        })
    }

    /// A quantifier over the members of a relation: the batch's other records related to
    /// this one (none for a record evaluated alone). As over a list, an element whose
    /// condition is unknown leaves the result unknown unless another decides it.
    fn related(&mut self, q: &'p Quantifier, relation: usize) -> Tri<'p> {
        let Some((batch, own)) = self.peers else {
            return Tri::owned(empty_quantifier(q.kind));
        };
        let mark = self.missing.len();
        let (mut count, mut unknown) = (0i64, false);
        for record in batch.related(relation, own) {
            if let Some(slot) = self.bound.get_mut(q.var) {
                *slot = Bound::Peer { relation, record };
            }
            let witness = Read::Peer {
                relation,
                record,
                slot: usize::MAX,
            };
            match self.condition(&q.body) {
                Some(true) if q.kind == QuantifierKind::Any => {
                    return self.decided(witness, mark, true);
                }
                Some(false) if q.kind == QuantifierKind::All => {
                    return self.decided(witness, mark, false);
                }
                Some(true) => count += 1,
                Some(false) => {}
                None => unknown = true,
            }
        }
        match (unknown, q.kind) {
            (true, _) => Tri::Unknown,
            (false, QuantifierKind::Count) => Tri::owned(Value::Int(count)),
            (false, kind) => Tri::owned(empty_quantifier(kind)),
        }
    }

    /// An `any` or `all` decided by one element: it is the witness, and the unknowns of the
    /// elements before it no longer matter.
    fn decided(&mut self, witness: Read, mark: usize, result: bool) -> Tri<'p> {
        self.witness = Some(witness);
        self.missing.truncate(mark);
        Tri::bool(result)
    }

    /// Binds a quantifier variable to element `index` of `list` (`borrowed` when it is
    /// borrowed). Rows can only be borrowed from the record, which is where lists of
    /// sub-records come from.
    fn bind(
        &mut self,
        var: usize,
        borrowed: Option<&'p Value>,
        list: &Value,
        index: usize,
        list_slot: Option<usize>,
    ) {
        let bound = match (borrowed, list) {
            (Some(Value::Rows(rows)), _) => Bound::Row {
                rows,
                index,
                list: list_slot,
            },
            (Some(Value::List(items)), _) => items
                .get(index)
                .map_or(Bound::Nothing, |v| Bound::Value(Cow::Borrowed(v))),
            (None, Value::List(items)) => items
                .get(index)
                .map_or(Bound::Nothing, |v| Bound::Value(Cow::Owned(v.clone()))),
            _ => Bound::Nothing,
        };
        if let Some(slot) = self.bound.get_mut(var) {
            *slot = bound;
        }
    }

    /// A function call: every argument is evaluated (so every missing one is named), and
    /// the function applies when all are known.
    fn call(&mut self, function: Function, args: &'p [Expr]) -> Tri<'p> {
        let mut values: [Option<Cow<'p, Value>>; MAX_ARGS] = [None, None];
        let mut unknown = args.len() > MAX_ARGS;
        for (arg, value) in args.iter().zip(&mut values) {
            match self.eval(arg) {
                Tri::Known(v) => *value = Some(v),
                Tri::Unknown => unknown = true,
            }
        }
        if unknown {
            return Tri::Unknown;
        }
        let result = match &values {
            [Some(a), None] => apply(function, &[a]),
            [Some(a), Some(b)] => apply(function, &[a, b]),
            _ => apply(function, &[]),
        };
        Tri::from_option(result)
    }
}

/// Copies `items` to the end of the stash, returning where they are.
fn stash(stash: &mut Vec<Read>, items: Option<&[Read]>) -> Range<usize> {
    let start = stash.len();
    stash.extend_from_slice(items.unwrap_or_default());
    start..stash.len()
}

/// What a quantifier gives when no element decides it: `any` false, `all` true, `count` 0.
fn empty_quantifier(kind: QuantifierKind) -> Value {
    match kind {
        QuantifierKind::Any => Value::Bool(false),
        QuantifierKind::All => Value::Bool(true),
        QuantifierKind::Count => Value::Int(0),
    }
}

/// A whole list element, as the witness of a quantifier.
fn element_read(list: Option<usize>, index: usize) -> Read {
    Read::Element {
        list: list.unwrap_or(usize::MAX),
        index,
        slot: usize::MAX,
    }
}

// ------------------------------------------------------------ pure operations

fn compare(op: CompareOp, x: &Value, y: &Value) -> Option<bool> {
    let ordering = value::order(x, y);
    let result = match (op, ordering) {
        (CompareOp::Eq, Some(o)) => o.is_eq(),
        (CompareOp::Ne, Some(o)) => o.is_ne(),
        (CompareOp::Eq, None) => x == y,
        (CompareOp::Ne, None) => x != y,
        (CompareOp::Lt, Some(o)) => o.is_lt(),
        (CompareOp::Le, Some(o)) => o.is_le(),
        (CompareOp::Gt, Some(o)) => o.is_gt(),
        (CompareOp::Ge, Some(o)) => o.is_ge(),
        (_, None) => return None,
    };
    Some(result)
}

fn arith(op: ArithOp, x: &Value, y: &Value) -> Option<Value> {
    Some(match (x, y) {
        (&Value::Int(a), &Value::Int(b)) => Value::Int(match op {
            ArithOp::Add => a.checked_add(b)?,
            ArithOp::Sub => a.checked_sub(b)?,
            ArithOp::Mul => a.checked_mul(b)?,
        }),
        (&Value::Money(a), &Value::Money(b)) => Value::Money(money(op, a, b)?),
        (&Value::Money(a), &Value::Int(b)) => Value::Money(money(op, a, Decimal::from(b))?),
        (&Value::Int(a), &Value::Money(b)) => Value::Money(money(op, Decimal::from(a), b)?),
        (&Value::Date(d), &Value::Period(p)) | (&Value::Period(p), &Value::Date(d)) => {
            let p = if op == ArithOp::Sub {
                negate_period(p)?
            } else {
                p
            };
            Value::Date(value::add_period(d, p)?)
        }
        (&Value::Period(a), &Value::Period(b)) => {
            let b = if op == ArithOp::Sub {
                negate_period(b)?
            } else {
                b
            };
            Value::Period(Period {
                months: a.months.checked_add(b.months)?,
                days: a.days.checked_add(b.days)?,
            })
        }
        _ => return None,
    })
}

fn money(op: ArithOp, a: Decimal, b: Decimal) -> Option<Decimal> {
    match op {
        ArithOp::Add => a.checked_add(b),
        ArithOp::Sub => a.checked_sub(b),
        ArithOp::Mul => a.checked_mul(b),
    }
}

fn negate_period(p: Period) -> Option<Period> {
    Some(Period {
        months: p.months.checked_neg()?,
        days: p.days.checked_neg()?,
    })
}

fn negate(x: &Value) -> Option<Value> {
    Some(match *x {
        Value::Int(i) => Value::Int(i.checked_neg()?),
        Value::Money(m) => Value::Money(-m),
        Value::Period(p) => Value::Period(negate_period(p)?),
        _ => return None,
    })
}

fn except(x: &Value, y: &Value) -> Option<Value> {
    match (x, y) {
        (Value::List(a), Value::List(b)) => {
            let kept: Vec<Value> = a.iter().filter(|v| !b.contains(v)).cloned().collect();
            Some(Value::List(kept.into()))
        }
        _ => None,
    }
}

fn in_class(pack: &Pack, x: &Value, vocabulary: u32, class: u32) -> Option<bool> {
    let Value::Term(term) = x else { return None };
    if term.vocabulary != vocabulary {
        return None;
    }
    let class = pack
        .vocabularies
        .get(vocabulary as usize)?
        .classes
        .get(class as usize)?;
    class.members.get(term.index as usize).copied()
}

fn apply(function: Function, args: &[&Value]) -> Option<Value> {
    Some(match (function, args) {
        (Function::Date, [Value::Int(year), Value::MonthDay(md)]) => {
            let year = i32::try_from(*year).ok()?;
            Value::Date(md.in_year(year).or_else(|| last_day(year, md.month))?)
        }
        (Function::Days, [Value::Date(from), Value::Date(to)]) => {
            Value::Int(to.signed_duration_since(*from).num_days())
        }
        (Function::Year, [Value::Date(d)]) => Value::Int(i64::from(d.year())),
        (Function::Count, [Value::List(items)]) => Value::Int(i64::try_from(items.len()).ok()?),
        (Function::Count, [Value::Rows(rows)]) => Value::Int(i64::try_from(rows.len()).ok()?),
        _ => return None,
    })
}

/// The last day of a month: where a yearly day does not exist (02-29), the month's end.
fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    first.checked_add_months(chrono::Months::new(1))?.pred_opt()
}
