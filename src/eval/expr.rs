//! Evaluating compiled expressions in three-valued logic, recording every field read.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::pack::{
    ArithOp, CompareOp, Expr, FieldRef, Function, Pack, Quantifier, QuantifierKind, Rule,
};
use crate::record::Facts;
use crate::value::{self, Period, Row, Value};

/// A record field a rule read: a root slot, or a slot of a list element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
pub enum Tri {
    /// A value.
    Known(Value),
    /// No value: these absent fields would have decided it.
    Unknown(Vec<Read>),
}

impl Tri {
    fn unknown() -> Self {
        Tri::Unknown(Vec::new())
    }
}

/// What a quantifier variable is bound to.
#[derive(Debug, Clone)]
enum Bound {
    Nothing,
    Row {
        rows: Arc<[Row]>,
        index: usize,
        list: Option<usize>,
    },
    Value(Value),
}

/// A cached derived fact or let: its result and the reads that produced it.
#[derive(Debug, Clone)]
struct Cached {
    result: Tri,
    reads: Vec<Read>,
}

/// Evaluation state for one record.
pub struct Context<'p> {
    pub pack: &'p Pack,
    facts: &'p Facts,
    pub as_of: NaiveDate,
    derived: Vec<Option<Cached>>,
    current_lets: Option<&'p [Expr]>,
    lets: Vec<Option<Cached>>,
    bound: Vec<Bound>,
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

    /// Evaluates a condition: `Some(bool)` if known.
    pub fn condition(&mut self, expr: &Expr) -> Result<bool, Vec<Read>> {
        match self.eval(expr) {
            Tri::Known(Value::Bool(b)) => Ok(b),
            Tri::Known(_) => Err(Vec::new()),
            Tri::Unknown(missing) => Err(missing),
        }
    }

    /// Evaluates any expression.
    pub fn eval(&mut self, expr: &Expr) -> Tri {
        match expr {
            Expr::Const(v) => Tri::Known(v.clone()),
            Expr::Field(field) => self.field(*field),
            Expr::Var(var) => match self.bound.get(*var) {
                Some(Bound::Value(v)) => Tri::Known(v.clone()),
                _ => Tri::unknown(),
            },
            Expr::Fact(i) => self.derived(*i),
            Expr::Let(i) => self.let_value(*i),
            Expr::AsOf => Tri::Known(Value::Date(self.as_of)),
            Expr::Not(e) => self.map_bool(e, |b| !b),
            Expr::And(a, b) => self.junction(a, b, false),
            Expr::Or(a, b) => self.junction(a, b, true),
            Expr::Compare(op, a, b) => self.binary(a, b, |x, y| compare(*op, &x, &y)),
            Expr::Arith(op, a, b) => self.binary(a, b, |x, y| arith(*op, x, y)),
            Expr::Negate(e) => self.map(e, negate),
            Expr::Presence(field, present) => {
                let there = self.resolve(*field).is_some();
                Tri::Known(Value::Bool(there == *present))
            }
            Expr::Happened(field) => self.happened(*field),
            Expr::InList(item, list) => self.binary(item, list, |x, y| match y {
                Value::List(items) => Some(Value::Bool(items.contains(&x))),
                _ => None,
            }),
            Expr::InClass(item, v, c) => {
                let pack = self.pack;
                self.map(item, |x| in_class(pack, &x, *v, *c))
            }
            Expr::Except(a, b) => self.binary(a, b, except),
            Expr::List(items) => self.list(items),
            Expr::If(c, a, b) => match self.eval(c) {
                Tri::Known(Value::Bool(true)) => self.eval(a),
                Tri::Known(_) => self.eval(b),
                unknown => unknown,
            },
            Expr::Quantifier(q) => self.quantifier(q),
            Expr::Call(function, args) => self.call(*function, args),
        }
    }

    // ------------------------------------------------------------ fields and names

    /// Where a field reference points now, and its value if present.
    fn resolve(&self, field: FieldRef) -> Option<(Read, &Value)> {
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

    fn field(&mut self, field: FieldRef) -> Tri {
        match self.resolve(field) {
            Some((read, value)) => {
                let value = value.clone();
                self.reads.push(read);
                Tri::Known(value)
            }
            None => Tri::Unknown(self.read_of(field).into_iter().collect()),
        }
    }

    fn happened(&mut self, field: FieldRef) -> Tri {
        match self.field(field) {
            Tri::Known(Value::Date(d)) => Tri::Known(Value::Bool(d <= self.as_of)),
            _ => Tri::Known(Value::Bool(false)),
        }
    }

    fn derived(&mut self, i: usize) -> Tri {
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

    fn let_value(&mut self, i: usize) -> Tri {
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
    fn cached(&mut self, expr: &Expr) -> Cached {
        let start = self.reads.len();
        let result = self.eval(expr);
        Cached {
            result,
            reads: self.reads.get(start..).unwrap_or_default().to_vec(),
        }
    }

    // ------------------------------------------------------------ operators

    fn map(&mut self, e: &Expr, f: impl FnOnce(Value) -> Option<Value>) -> Tri {
        match self.eval(e) {
            Tri::Known(v) => f(v).map_or_else(Tri::unknown, Tri::Known),
            unknown => unknown,
        }
    }

    fn map_bool(&mut self, e: &Expr, f: impl FnOnce(bool) -> bool) -> Tri {
        self.map(e, |v| match v {
            Value::Bool(b) => Some(Value::Bool(f(b))),
            _ => None,
        })
    }

    /// Both operands known → `f`; else unknown with both sides' missing fields.
    fn binary(&mut self, a: &Expr, b: &Expr, f: impl FnOnce(Value, Value) -> Option<Value>) -> Tri {
        match (self.eval(a), self.eval(b)) {
            (Tri::Known(x), Tri::Known(y)) => f(x, y).map_or_else(Tri::unknown, Tri::Known),
            (Tri::Unknown(mut m), Tri::Unknown(n)) => {
                m.extend(n);
                Tri::Unknown(m)
            }
            (Tri::Unknown(m), _) | (_, Tri::Unknown(m)) => Tri::Unknown(m),
        }
    }

    /// `and` (`dominant` false) or `or` (`dominant` true): the dominant value decides alone.
    fn junction(&mut self, a: &Expr, b: &Expr, dominant: bool) -> Tri {
        let left = self.eval(a);
        if matches!(left, Tri::Known(Value::Bool(x)) if x == dominant) {
            return left;
        }
        let right = self.eval(b);
        match (left, right) {
            (_, Tri::Known(Value::Bool(y))) if y == dominant => Tri::Known(Value::Bool(y)),
            (Tri::Known(_), right) => right,
            (Tri::Unknown(mut m), Tri::Unknown(n)) => {
                m.extend(n);
                Tri::Unknown(m)
            }
            (left, _) => left,
        }
    }

    fn list(&mut self, items: &[Expr]) -> Tri {
        let mut values = Vec::with_capacity(items.len());
        for item in items {
            match self.eval(item) {
                Tri::Known(v) => values.push(v),
                unknown => return unknown,
            }
        }
        Tri::Known(Value::List(values.into()))
    }

    fn quantifier(&mut self, q: &Quantifier) -> Tri {
        let list_slot = match &q.list {
            Expr::Field(FieldRef::Root(slot)) => Some(*slot),
            _ => None,
        };
        // A list field is not itself a fact the rule read: its elements' fields are.
        let list = match list_slot.and_then(|slot| self.facts.values.get(slot)) {
            Some(Some(list)) => list.clone(),
            _ => match self.eval(&q.list) {
                Tri::Known(list) => list,
                unknown => return unknown,
            },
        };
        let len = match &list {
            Value::Rows(rows) => rows.len(),
            Value::List(items) => items.len(),
            _ => return Tri::unknown(),
        };
        let mut count = 0i64;
        let mut missing: Option<Vec<Read>> = None;
        for index in 0..len {
            self.bind(q.var, &list, index, list_slot);
            match self.condition(&q.body) {
                Ok(true) if q.kind == QuantifierKind::Any => {
                    self.witness = Some(self.element_read(list_slot, index));
                    return Tri::Known(Value::Bool(true));
                }
                Ok(false) if q.kind == QuantifierKind::All => {
                    self.witness = Some(self.element_read(list_slot, index));
                    return Tri::Known(Value::Bool(false));
                }
                Ok(true) => count += 1,
                Ok(false) => {}
                Err(m) => missing.get_or_insert_with(Vec::new).extend(m),
            }
        }
        if let Some(missing) = missing {
            return Tri::Unknown(missing);
        }
        Tri::Known(match q.kind {
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

    fn bind(&mut self, var: usize, list: &Value, index: usize, list_slot: Option<usize>) {
        let bound = match list {
            Value::Rows(rows) => Bound::Row {
                rows: rows.clone(),
                index,
                list: list_slot,
            },
            Value::List(items) => items
                .get(index)
                .cloned()
                .map_or(Bound::Nothing, Bound::Value),
            _ => Bound::Nothing,
        };
        if let Some(slot) = self.bound.get_mut(var) {
            *slot = bound;
        }
    }

    fn call(&mut self, function: Function, args: &[Expr]) -> Tri {
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
        apply(function, &values).map_or_else(Tri::unknown, Tri::Known)
    }
}

// ------------------------------------------------------------ pure operations

fn compare(op: CompareOp, x: &Value, y: &Value) -> Option<Value> {
    use std::cmp::Ordering;
    let ordering: Option<Ordering> = match (x, y) {
        (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
        (Value::Money(a), Value::Money(b)) => Some(a.cmp(b)),
        (Value::Int(a), Value::Money(b)) => Some(Decimal::from(*a).cmp(b)),
        (Value::Money(a), Value::Int(b)) => Some(a.cmp(&Decimal::from(*b))),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        (Value::MonthDay(a), Value::MonthDay(b)) => Some(a.cmp(b)),
        _ => None,
    };
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

fn arith(op: ArithOp, x: Value, y: Value) -> Option<Value> {
    Some(match (x, y) {
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

fn negate(x: Value) -> Option<Value> {
    Some(match x {
        Value::Int(i) => Value::Int(i.checked_neg()?),
        Value::Money(m) => Value::Money(-m),
        Value::Period(p) => Value::Period(negate_period(p)?),
        _ => return None,
    })
}

fn except(x: Value, y: Value) -> Option<Value> {
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

fn apply(function: Function, args: &[Value]) -> Option<Value> {
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
