//! Runtime values: what a record's fields hold and what rule expressions compute.

use std::fmt::{self, Write as _};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A term of a vocabulary: its vocabulary and position there, and its text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Term {
    /// Index of the vocabulary in the pack.
    pub vocabulary: u32,
    /// Index of the term within its vocabulary.
    pub index: u32,
    /// The term as written in the rule pack.
    pub name: Arc<str>,
}

impl PartialEq for Term {
    fn eq(&self, other: &Term) -> bool {
        self.vocabulary == other.vocabulary && self.index == other.index
    }
}

/// A day of the year without a year, such as a yearly deadline (`06-30`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MonthDay {
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month in a leap year.
    pub day: u32,
}

impl MonthDay {
    /// A month-day that exists in some year (02-29 does, 02-30 does not).
    pub fn new(month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(2000, month, day).map(|_| Self { month, day })
    }

    /// This day in `year`, or `None` where it does not exist (02-29 in a common year).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// A calendar period: years and months count by calendar (民法典 style: the corresponding
/// day, or the month's last day where there is none), days count exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Period {
    /// Whole months (a year is twelve).
    pub months: i64,
    /// Whole days.
    pub days: i64,
}

/// One row of a list of sub-records: a value (or absence) per field of the row's record type.
pub type Row = Box<[Option<Value>]>;

/// A value of a record field or of an expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// yes/no.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// An exact amount of money in 元.
    Money(#[serde(with = "decimal_bytes")] Decimal),
    /// A calendar date.
    Date(NaiveDate),
    /// A day of the year.
    MonthDay(MonthDay),
    /// Free text.
    Text(Arc<str>),
    /// A vocabulary term.
    Term(Term),
    /// A calendar period.
    Period(Period),
    /// A list of plain values.
    List(Arc<[Value]>),
    /// A list of sub-records.
    Rows(Arc<[Row]>),
}

impl Value {
    /// Writes the value as messages and text verdicts show it.
    pub fn write_display(&self, out: &mut String) {
        match self {
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => write_int(*i, out),
            Value::Money(m) => write_money(*m, out),
            Value::Date(d) => write_date(*d, out),
            Value::MonthDay(md) => {
                let _ = write!(out, "{:02}-{:02}", md.month, md.day);
            }
            Value::Text(t) => out.push_str(t),
            Value::Term(t) => out.push_str(&t.name),
            Value::Period(p) => write_period(*p, out),
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('、');
                    }
                    item.write_display(out);
                }
            }
            Value::Rows(rows) => {
                let _ = write!(out, "[{}]", rows.len());
            }
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.write_display(&mut s);
        f.write_str(&s)
    }
}

/// How two ordered values compare: integers and money (with each other), dates, days of
/// the year; `None` for values that have no order.
pub fn order(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
        (Value::Money(a), Value::Money(b)) => Some(a.cmp(b)),
        (Value::Int(a), Value::Money(b)) => Some(rust_decimal::Decimal::from(*a).cmp(b)),
        (Value::Money(a), Value::Int(b)) => Some(a.cmp(&rust_decimal::Decimal::from(*b))),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        (Value::MonthDay(a), Value::MonthDay(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

/// Whether `value` lies within `low..=high` (values of other types are not bounded).
pub fn within(value: &Value, (low, high): &(Value, Value)) -> bool {
    use std::cmp::Ordering::{Greater, Less};
    order(value, low) != Some(Less) && order(value, high) != Some(Greater)
}

/// Money in the compiled form of a pack: the decimal's own 16 bytes, exact in scale and
/// sign (rust_decimal's serde form needs a self-describing format).
mod decimal_bytes {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize().serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        <[u8; 16]>::deserialize(deserializer).map(Decimal::deserialize)
    }
}

/// Writes `YYYY-MM-DD` without going through the formatting machinery (messages are
/// written for every finding of every record, so this is on the hot path).
pub fn write_date(date: NaiveDate, out: &mut String) {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        let _ = write!(out, "{year}-{:02}-{:02}", date.month(), date.day());
        return;
    }
    let digits = |n: u32, width: usize, out: &mut String| {
        let mut buffer = [b'0'; 4];
        let mut n = n;
        for slot in buffer.iter_mut().take(width).rev() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        buffer
            .iter()
            .take(width)
            .for_each(|b| out.push(char::from(*b)));
    };
    digits(year.unsigned_abs(), 4, out);
    out.push('-');
    digits(date.month(), 2, out);
    out.push('-');
    digits(date.day(), 2, out);
}

/// Writes an integer in decimal.
pub(crate) fn write_int(i: i64, out: &mut String) {
    out.push_str(itoa::Buffer::new().format(i));
}

/// Writes money without trailing zeros: whole amounts as integers.
fn write_money(m: Decimal, out: &mut String) {
    let m = m.normalize();
    match i64::try_from(m) {
        Ok(whole) if m.scale() == 0 => write_int(whole, out),
        _ => {
            let _ = write!(out, "{m}");
        }
    }
}

fn write_period(p: Period, out: &mut String) {
    let (years, months) = (p.months / 12, p.months % 12);
    let mut parts = Vec::new();
    if years != 0 {
        parts.push(format!("{years}y"));
    }
    if months != 0 {
        parts.push(format!("{months}m"));
    }
    if p.days != 0 || parts.is_empty() {
        parts.push(format!("{}d", p.days));
    }
    out.push_str(&parts.join(""));
}

/// Adds a period to a date: months first (clamped to the month's end), then days.
pub fn add_period(date: NaiveDate, period: Period) -> Option<NaiveDate> {
    let months = chrono::Months::new(u32::try_from(period.months.unsigned_abs()).ok()?);
    let shifted = if period.months >= 0 {
        date.checked_add_months(months)?
    } else {
        date.checked_sub_months(months)?
    };
    shifted.checked_add_signed(chrono::TimeDelta::try_days(period.days)?)
}

#[cfg(test)]
mod tests {
    use super::write_int;

    #[test]
    fn integers_are_written_in_decimal_to_both_ends_of_the_range() {
        for i in [0, 7, -1, 10, -10, 4_860_000, i64::MAX, i64::MIN] {
            let mut out = String::from("=");
            write_int(i, &mut out);
            assert_eq!(out, format!("={i}"));
        }
    }
}
