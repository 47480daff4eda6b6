//! Evaluating compiled expressions in three-valued logic, recording every field read.
//!
//! Values are borrowed wherever they already exist (record fields, constants of the pack),
//! so reading a field copies nothing; only computed values are owned.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::pack::{
    ArithOp, CompareOp, Expr, FieldRef, Function, Pack, Quantifier, QuantifierKind, Rule,
};
use crate::record::Facts;
use crate::value::{self, Period, Row, Value};

/// A record field a rule read: a root slot, or a slot of a list element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
}

/// A three-valued result: known, or unknown because of the absent fields listed.
#[derive(Debug, Clone)]
pub enum Tri<'p> {
    /// A value, borrowed from the record or the pack where it can be.
    Known(Cow<'p, Value>),
    /// No value: these absent fields would have decided it.
    Unknown(Vec<Read>),
}

impl<'p> Tri<'p> {
    fn unknown() -> Self {
        Tri::Unknown(Vec::new())
    }

    fn owned(value: Value) -> Self {
        Tri::Known(Cow::Owned(value))
    }

    fn bool(b: bool) -> Self {
        Tri::owned(Value::Bool(b))
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
}

/// A cached derived fact or let: its result and the reads that produced it.
#[derive(Debug, Clone)]
struct Cached<'p> {
    result: Tri<'p>,
    reads: Vec<Read>,
}

/// Evaluation state for one record.
pub struct Context<'p> {
    pub pack: &'p Pack,
    facts: &'p Facts,
    pub as_of: NaiveDate,
    derived: Vec<Option<Cached<'p>>>,
    current_lets: Option<&'p [Expr]>,
    lets: Vec<Option<Cached<'p>>>,
    bound: Vec<Bound<'p>>,
    /// Fields read since the current rule began, in order, possibly repeated.
    pub reads: Vec<Read>,
    /// The list element that last decided an `any` or `all`.
    pub witness: Option<Read>,
}

impl<'p> Context<'p> {
    pub fn new(pack: &'p Pack, facts: &'p Facts, as_of: NaiveDate) -> Self {
        Self {
            pack,
            facts,
            as_of,
            derived: vec![None; pack.facts.len()],
            current_lets: None,
            lets: Vec::new(),
            bound: vec![Bound::Nothing; pack.variables],
            reads: Vec::with_capacity(32),
            witness: None,
        }
    }

    /// Starts a rule: forgets its predecessor's lets and reads.
    pub fn begin_rule(&mut self, rule: &'p Rule) {
        self.current_lets = Some(&rule.lets);
        self.lets.clear();
        self.lets.resize(rule.lets.len(), None);
        self.reads.clear();
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
        }
    }

    /// Evaluates a condition: `Ok(bool)` if known, else the absent fields that would decide
    /// it. Conditions are most of what rules compute, so the boolean forms are evaluated
    /// here directly, without building a value for each step.
    pub fn condition(&mut self, expr: &'p Expr) -> Result<bool, Vec<Read>> {
        match expr {
            Expr::Const(Value::Bool(b)) => Ok(*b),
            Expr::Not(e) => self.condition(e).map(|b| !b),
            Expr::And(a, b) => self.test_junction(a, b, false),
            Expr::Or(a, b) => self.test_junction(a, b, true),
            Expr::Presence(field, present) => Ok(self.resolve(*field).is_some() == *present),
            Expr::Happened(field) => Ok(self.has_happened(*field)),
            Expr::Compare(op, a, b) => match (self.eval(a), self.eval(b)) {
                (Tri::Known(x), Tri::Known(y)) => match compare(*op, &x, &y) {
                    Some(Value::Bool(b)) => Ok(b),
                    _ => Err(Vec::new()),
                },
                (Tri::Unknown(mut m), Tri::Unknown(n)) => {
                    m.extend(n);
                    Err(m)
                }
                (Tri::Unknown(m), _) | (_, Tri::Unknown(m)) => Err(m),
            },
            Expr::InClass(item, v, c) => match self.eval(item) {
                Tri::Known(x) => match in_class(self.pack, &x, *v, *c) {
                    Some(Value::Bool(b)) => Ok(b),
                    _ => Err(Vec::new()),
                },
                Tri::Unknown(m) => Err(m),
            },
            _ => match self.eval(expr) {
                Tri::Known(v) => match *v {
                    Value::Bool(b) => Ok(b),
                    _ => Err(Vec::new()),
                },
                Tri::Unknown(missing) => Err(missing),
            },
        }
    }

    /// `and` (`dominant` false) or `or` (`dominant` true): the dominant value decides alone.
    fn test_junction(
        &mut self,
        a: &'p Expr,
        b: &'p Expr,
        dominant: bool,
    ) -> Result<bool, Vec<Read>> {
        let left = self.condition(a);
        if left == Ok(dominant) {
            return left;
        }
        match (left, self.condition(b)) {
            (_, Ok(y)) if y == dominant => Ok(y),
            (Ok(_), right) => right,
            (Err(missing), Ok(_)) => Err(missing),
            (Err(mut m), Err(n)) => {
                m.extend(n);
                Err(m)
            }
        }
    }

    /// Whether a date field is given and not after the evaluation date.
    fn has_happened(&mut self, field: FieldRef) -> bool {
        match self.resolve(field) {
            Some((read, Value::Date(d))) => {
                self.reads.push(read);
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
                _ => Tri::unknown(),
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
            | Expr::Compare(..) => match self.condition(expr) {
                Ok(b) => Tri::bool(b),
                Err(missing) => Tri::Unknown(missing),
            },
            Expr::Arith(op, a, b) => self.binary(a, b, |x, y| arith(*op, x, y)),
            Expr::Negate(e) => self.map(e, negate),
            Expr::InList(item, list) => self.binary(item, list, |x, y| match y {
                Value::List(items) => Some(Value::Bool(items.contains(x))),
                _ => None,
            }),
            Expr::Except(a, b) => self.binary(a, b, except),
            Expr::List(items) => self.list(items),
            Expr::If(c, a, b) => match self.condition(c) {
                Ok(true) => self.eval(a),
                Ok(false) => self.eval(b),
                Err(missing) => Tri::Unknown(missing),
            },
            Expr::Quantifier(q) => self.quantifier(q),
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
                _ => None,
            },
        }
    }

    fn field(&mut self, field: FieldRef) -> Tri<'p> {
        match self.resolve(field) {
            Some((read, value)) => {
                self.reads.push(read);
                Tri::Known(Cow::Borrowed(value))
            }
            None => Tri::Unknown(self.read_of(field).into_iter().collect()),
        }
    }

    fn derived(&mut self, i: usize) -> Tri<'p> {
        if let Some(Some(cached)) = self.derived.get(i) {
            self.reads.extend_from_slice(&cached.reads);
            return cached.result.clone();
        }
        let Some(fact) = self.pack.facts.get(i) else {
            return Tri::unknown();
        };
        let cached = self.cached(&fact.expr);
        let result = cached.result.clone();
        if let Some(slot) = self.derived.get_mut(i) {
            *slot = Some(cached);
        }
        result
    }

    fn let_value(&mut self, i: usize) -> Tri<'p> {
        if let Some(Some(cached)) = self.lets.get(i) {
            self.reads.extend_from_slice(&cached.reads);
            return cached.result.clone();
        }
        let Some(expr) = self.current_lets.and_then(|lets| lets.get(i)) else {
            return Tri::unknown();
        };
        let cached = self.cached(expr);
        let result = cached.result.clone();
        if let Some(slot) = self.lets.get_mut(i) {
            *slot = Some(cached);
        }
        result
    }

    /// Evaluates `expr`, keeping the reads it made (they stay recorded for the caller too).
    fn cached(&mut self, expr: &'p Expr) -> Cached<'p> {
        let start = self.reads.len();
        let result = self.eval(expr);
        Cached {
            result,
            reads: self.reads.get(start..).unwrap_or_default().to_vec(),
        }
    }

    // ------------------------------------------------------------ operators

    fn map(&mut self, e: &'p Expr, f: impl FnOnce(&Value) -> Option<Value>) -> Tri<'p> {
        match self.eval(e) {
            Tri::Known(v) => f(&v).map_or_else(Tri::unknown, Tri::owned),
            unknown => unknown,
        }
    }

    /// Both operands known → `f`; else unknown with both sides' missing fields.
    fn binary(
        &mut self,
        a: &'p Expr,
        b: &'p Expr,
        f: impl FnOnce(&Value, &Value) -> Option<Value>,
    ) -> Tri<'p> {
        match (self.eval(a), self.eval(b)) {
            (Tri::Known(x), Tri::Known(y)) => f(&x, &y).map_or_else(Tri::unknown, Tri::owned),
            (Tri::Unknown(mut m), Tri::Unknown(n)) => {
                m.extend(n);
                Tri::Unknown(m)
            }
            (Tri::Unknown(m), _) | (_, Tri::Unknown(m)) => Tri::Unknown(m),
        }
    }

    fn list(&mut self, items: &'p [Expr]) -> Tri<'p> {
        let mut values = Vec::with_capacity(items.len());
        for item in items {
            match self.eval(item) {
                Tri::Known(v) => values.push(v.into_owned()),
                unknown => return unknown,
            }
        }
        Tri::owned(Value::List(values.into()))
    }

    fn quantifier(&mut self, q: &'p Quantifier) -> Tri<'p> {
        let list_slot = match &q.list {
            Expr::Field(FieldRef::Root(slot)) => Some(*slot),
            _ => None,
        };
        // A list field is not itself a fact the rule read: its elements' fields are.
        let list: Cow<'p, Value> = match list_slot.and_then(|slot| self.facts.values.get(slot)) {
            Some(Some(list)) => Cow::Borrowed(list),
            _ => match self.eval(&q.list) {
                Tri::Known(list) => list,
                unknown => return unknown,
            },
        };
        let len = match &*list {
            Value::Rows(rows) => rows.len(),
            Value::List(items) => items.len(),
            _ => return Tri::unknown(),
        };
        let mut count = 0i64;
        let mut missing: Option<Vec<Read>> = None;
        for index in 0..len {
            self.bind(q.var, list.clone(), index, list_slot);
            match self.condition(&q.body) {
                Ok(true) if q.kind == QuantifierKind::Any => {
                    self.witness = Some(self.element_read(list_slot, index));
                    return Tri::bool(true);
                }
                Ok(false) if q.kind == QuantifierKind::All => {
                    self.witness = Some(self.element_read(list_slot, index));
                    return Tri::bool(false);
                }
                Ok(true) => count += 1,
                Ok(false) => {}
                Err(m) => missing.get_or_insert_with(Vec::new).extend(m),
            }
        }
        if let Some(missing) = missing {
            return Tri::Unknown(missing);
        }
        Tri::owned(match q.kind {
            QuantifierKind::Any => Value::Bool(false),
            QuantifierKind::All => Value::Bool(true),
            QuantifierKind::Count => Value::Int(count),
        })
    }

    fn element_read(&self, list: Option<usize>, index: usize) -> Read {
        Read::Element {
            list: list.unwrap_or(usize::MAX),
            index,
            slot: usize::MAX,
        }
    }

    /// Binds a quantifier variable to element `index`. Rows can only be borrowed from the
    /// record, which is where lists of sub-records come from.
    fn bind(&mut self, var: usize, list: Cow<'p, Value>, index: usize, list_slot: Option<usize>) {
        let bound = match list {
            Cow::Borrowed(Value::Rows(rows)) => Bound::Row {
                rows,
                index,
                list: list_slot,
            },
            Cow::Borrowed(Value::List(items)) => items
                .get(index)
                .map_or(Bound::Nothing, |v| Bound::Value(Cow::Borrowed(v))),
            Cow::Owned(Value::List(items)) => items
                .get(index)
                .map_or(Bound::Nothing, |v| Bound::Value(Cow::Owned(v.clone()))),
            _ => Bound::Nothing,
        };
        if let Some(slot) = self.bound.get_mut(var) {
            *slot = bound;
        }
    }

    fn call(&mut self, function: Function, args: &'p [Expr]) -> Tri<'p> {
        let mut values = Vec::with_capacity(args.len());
        let mut missing: Option<Vec<Read>> = None;
        for arg in args {
            match self.eval(arg) {
                Tri::Known(v) => values.push(v),
                Tri::Unknown(m) => missing.get_or_insert_with(Vec::new).extend(m),
            }
        }
        if let Some(missing) = missing {
            return Tri::Unknown(missing);
        }
        let args: Vec<&Value> = values.iter().map(|v| &**v).collect();
        apply(function, &args).map_or_else(Tri::unknown, Tri::owned)
    }
}

// ------------------------------------------------------------ pure operations

fn compare(op: CompareOp, x: &Value, y: &Value) -> Option<Value> {
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
    Some(Value::Bool(result))
}

fn arith(op: ArithOp, x: &Value, y: &Value) -> Option<Value> {
    Some(match (x.clone(), y.clone()) {
        (Value::Int(a), Value::Int(b)) => Value::Int(match op {
            ArithOp::Add => a.checked_add(b)?,
            ArithOp::Sub => a.checked_sub(b)?,
            ArithOp::Mul => a.checked_mul(b)?,
        }),
        (Value::Money(a), Value::Money(b)) => Value::Money(money(op, a, b)?),
        (Value::Money(a), Value::Int(b)) => Value::Money(money(op, a, Decimal::from(b))?),
        (Value::Int(a), Value::Money(b)) => Value::Money(money(op, Decimal::from(a), b)?),
        (Value::Date(d), Value::Period(p)) | (Value::Period(p), Value::Date(d)) => {
            let p = if op == ArithOp::Sub {
                negate_period(p)?
            } else {
                p
            };
            Value::Date(value::add_period(d, p)?)
        }
        (Value::Period(a), Value::Period(b)) => {
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
    Some(match x.clone() {
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

fn in_class(pack: &Pack, x: &Value, vocabulary: u32, class: u32) -> Option<Value> {
    let Value::Term(term) = x else { return None };
    if term.vocabulary != vocabulary {
        return None;
    }
    let class = pack
        .vocabularies
        .get(vocabulary as usize)?
        .classes
        .get(class as usize)?;
    class
        .members
        .get(term.index as usize)
        .map(|m| Value::Bool(*m))
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
