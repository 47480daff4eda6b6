//! Reading one scalar as the type its field declares.
//!
//! The YAML core schema does not decide types here: a plain `2020` is text for a text field
//! and a number for an integer field. Money is read exactly, never through floating point.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::Arc;

use super::error::{FieldPath, RecordError};
use super::events::Style;
use super::interpret::{Segment, render};
use crate::fuzzy;
use crate::i18n::Message;
use crate::pack::Vocabulary;
use crate::source::{Source, Span};
use crate::value::{MonthDay, Term, Value};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Vocabularies this short list all their terms in the help of an unknown term.
const LISTED_TERMS: usize = 16;

/// At most this many terms that begin with an unknown value are listed as candidates.
const LISTED_CANDIDATES: usize = 12;

/// A scalar read as its type, or why it cannot be (boxed: errors are large and rare).
pub(super) type Read = Result<Value, Box<RecordError>>;

/// Where a scalar is, for its errors.
pub(super) struct At<'a> {
    /// The record.
    pub(super) src: &'a Source,
    /// The scalar.
    pub(super) span: Span,
    /// The field's path.
    pub(super) path: &'a [Segment<'a>],
    /// The scalar's text.
    pub(super) text: &'a str,
    /// How it was written.
    pub(super) style: Style,
}

impl At<'_> {
    fn src(&self) -> Source {
        self.src.clone()
    }

    fn path(&self) -> FieldPath {
        render(self.path).into()
    }

    fn found(&self) -> String {
        self.text.to_owned()
    }

    /// An error that says where, for which field and what was found; built only when
    /// a value fails, so that reading one costs no text.
    fn fail(
        &self,
        error: impl FnOnce(Source, Span, FieldPath, String) -> RecordError,
    ) -> Box<RecordError> {
        Box::new(error(self.src(), self.span, self.path(), self.found()))
    }

    fn is_plain(&self) -> bool {
        self.style == Style::Plain
    }

    fn quoted(&self, expected: &'static str) -> RecordError {
        let expected = Message::new(format!("record-type-{expected}"));
        let (src, span, path, found) = (self.src(), self.span, self.path(), self.found());
        RecordError::Quoted {
            src,
            span,
            path,
            expected,
            found,
        }
    }
}

/// Free text, exactly as written.
pub(super) fn text(at: &At<'_>) -> Value {
    Value::Text(Arc::from(at.text))
}

/// A whole number: plain, optional sign, digits.
pub(super) fn integer(at: &At<'_>) -> Read {
    if !is_integer(at.text) {
        return Err(at.fail(|src, span, path, found| RecordError::NotInteger {
            src,
            span,
            path,
            found,
        }));
    }
    if !at.is_plain() {
        return Err(Box::new(at.quoted("integer")));
    }
    match i64::from_str(at.text) {
        Ok(n) => Ok(Value::Int(n)),
        Err(_) => Err(
            at.fail(|src, span, path, found| RecordError::IntegerOverflow {
                src,
                span,
                path,
                found,
            }),
        ),
    }
}

/// Optional sign, then one or more ASCII digits.
fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Money in 元: `3200000`, `3200000.50`, `"320万元"`, `"320万"`, `"3,200,000元"`.
pub(super) fn money(at: &At<'_>) -> Read {
    match parse_money(at.text) {
        Some(amount) if amount.is_sign_negative() && !amount.is_zero() => Err(at.fail(
            |src, span, path, found| RecordError::NegativeMoney {
                src,
                span,
                path,
                found,
            },
        )),
        Some(amount) => Ok(Value::Money(amount)),
        None if is_amount(at.text) => {
            Err(
                at.fail(|src, span, path, found| RecordError::MoneyOverflow {
                    src,
                    span,
                    path,
                    found,
                }),
            )
        }
        None => Err(at.fail(|src, span, path, found| RecordError::NotMoney {
            src,
            span,
            path,
            found,
        })),
    }
}

/// Whether the text is written as an amount (so a failure to read it is its size).
fn is_amount(text: &str) -> bool {
    let text = text.trim();
    let text = text.strip_suffix('元').unwrap_or(text);
    let text = text.strip_suffix('万').unwrap_or(text);
    let text = text.strip_prefix(['+', '-']).unwrap_or(text);
    ungroup(text).is_some()
}

/// An exact amount: a sign, a number with optional thousands commas and decimals, an
/// optional `万` (ten thousand) and an optional `元`.
fn parse_money(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let text = text.strip_suffix('元').unwrap_or(text);
    let (text, scale) = match text.strip_suffix('万') {
        Some(rest) => (rest, Decimal::from(10_000)),
        None => (text, Decimal::ONE),
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let amount = Decimal::from_str_exact(&ungroup(digits)?)
        .ok()?
        .checked_mul(scale)?;
    Some(if negative { -amount } else { amount })
}

/// `3,200,000.50` → `3200000.50`; `None` unless the text is digits, correctly grouped
/// by commas if at all, with an optional fraction.
fn ungroup(number: &str) -> Option<Cow<'_, str>> {
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = whole.contains(',');
    let first_ok = all_digits(first) && (!grouped || first.len() <= 3);
    let rest_ok = groups.all(|group| group.len() == 3 && all_digits(group));
    let fraction_ok = fraction.is_none_or(all_digits);
    (first_ok && rest_ok && fraction_ok).then(|| {
        if grouped {
            Cow::Owned(number.replace(',', ""))
        } else {
            Cow::Borrowed(number)
        }
    })
}

/// A date `YYYY-MM-DD` that is on the calendar.
pub(super) fn date(at: &At<'_>) -> Read {
    let Some([year, month, day]) = numbers(at.text, &[4, 2, 2]) else {
        return Err(at.fail(|src, span, path, found| RecordError::NotDate {
            src,
            span,
            path,
            found,
        }));
    };
    let reason = match calendar_problem(Some(year), month, day) {
        Some(reason) => reason,
        None => match i32::try_from(year)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
        {
            Some(date) => return Ok(Value::Date(date)),
            None => Message::new("record-calendar-year").arg("year", year.to_string()),
        },
    };
    Err(at.fail(|src, span, path, found| RecordError::NoSuchDay {
        src,
        span,
        path,
        found,
        reason,
    }))
}

/// A day of the year `MM-DD` that exists in some year (`02-29` does).
pub(super) fn month_day(at: &At<'_>) -> Read {
    let not_month_day = |src, span, path, found| RecordError::NotMonthDay {
        src,
        span,
        path,
        found,
    };
    let Some([month, day]) = numbers(at.text, &[2, 2]) else {
        return Err(at.fail(not_month_day));
    };
    if let Some(reason) = calendar_problem(None, month, day) {
        return Err(at.fail(|src, span, path, found| RecordError::NoSuchDay {
            src,
            span,
            path,
            found,
            reason,
        }));
    }
    match MonthDay::new(month, day) {
        Some(month_day) => Ok(Value::MonthDay(month_day)),
        None => Err(at.fail(not_month_day)),
    }
}

/// The numbers of a `-`-separated text whose parts have exactly these digit counts.
fn numbers<const N: usize>(text: &str, widths: &[usize; N]) -> Option<[u32; N]> {
    let mut bytes = text.as_bytes();
    let mut out = [0; N];
    for (index, (slot, width)) in out.iter_mut().zip(widths).enumerate() {
        if index > 0 {
            bytes = bytes.strip_prefix(b"-")?;
        }
        let (digits, rest) = bytes.split_at_checked(*width)?;
        *slot = digits.iter().try_fold(0_u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })?;
        bytes = rest;
    }
    bytes.is_empty().then_some(out)
}

/// Why a month and day (of a year, if given) is not on the calendar, or `None` if it is.
fn calendar_problem(year: Option<u32>, month: u32, day: u32) -> Option<Message> {
    let phrase = |name| Message::new(format!("record-calendar-{name}"));
    let month_number = usize::try_from(month).unwrap_or(usize::MAX);
    if !(1..=12).contains(&month) {
        return Some(phrase("no_month").arg("month", format!("{month:02}")));
    }
    let days = days_in_month(year, month);
    let problem = match year {
        _ if day == 0 => phrase("day_zero"),
        _ if day <= days => return None,
        Some(year) => phrase("month_days").arg("year", year.to_string()),
        None => phrase("month_at_most"),
    };
    Some(
        problem
            .arg("month", month_number)
            .arg("days", days.to_string()),
    )
}

/// Days in a month of a year; without a year, the most it can have.
fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    match month {
        2 if year.is_none_or(is_leap) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// `true` or `false` (also capitalised or upper case), unquoted.
pub(super) fn boolean(at: &At<'_>) -> Read {
    let value = match at.text {
        "true" | "True" | "TRUE" => true,
        "false" | "False" | "FALSE" => false,
        _ => {
            return Err(at.fail(|src, span, path, found| RecordError::NotBool {
                src,
                span,
                path,
                found,
            }));
        }
    };
    if at.is_plain() {
        Ok(Value::Bool(value))
    } else {
        Err(Box::new(at.quoted("bool")))
    }
}

/// A term of vocabulary number `index`, written exactly as the pack declares it.
pub(super) fn term(index: u32, vocabulary: &Vocabulary, at: &At<'_>) -> Read {
    let found = vocabulary
        .terms
        .iter()
        .zip(0..)
        .find(|(term, _)| ***term == *at.text);
    if let Some((name, position)) = found {
        let name = Arc::clone(name);
        return Ok(Value::Term(Term {
            vocabulary: index,
            index: position,
            name,
        }));
    }
    let help = term_help(vocabulary, at.text);
    let vocabulary = vocabulary.name.to_string();
    Err(at.fail(|src, span, path, found| RecordError::UnknownTerm {
        src,
        span,
        path,
        found,
        vocabulary,
        hint: help.hint,
        suggestion: help.suggestion,
        terms: help.terms,
        candidates: help.candidates,
        items: help.items,
    }))
}

/// What the help of an unknown term offers.
struct TermHelp {
    suggestion: Option<String>,
    terms: Vec<String>,
    candidates: Vec<String>,
    items: Option<String>,
    hint: Option<&'static str>,
}

/// Help for a word that is not a term: several terms it begins (`公共` of `公共部门…` and
/// `公共场所…`), several terms written as one with a Chinese comma (`甲，乙`, the items of a
/// list), else a close term, and all terms of a short vocabulary.
fn term_help(vocabulary: &Vocabulary, word: &str) -> TermHelp {
    let terms = || vocabulary.terms.iter().map(|term| &**term);
    let is_term = |item: &str| terms().any(|term| term == item);
    let mut candidates: Vec<String> = terms()
        .filter(|term| !word.is_empty() && term.starts_with(word))
        .map(str::to_owned)
        .collect();
    if !(2..=LISTED_CANDIDATES).contains(&candidates.len()) {
        candidates.clear();
    }
    let items: Vec<&str> = word.split(['，', '、']).map(str::trim).collect();
    let items =
        (items.len() > 1 && items.iter().all(|item| is_term(item))).then(|| items.join(", "));
    let suggestion = match (&items, candidates.is_empty()) {
        (None, true) => fuzzy::did_you_mean(word, terms()).map(str::to_owned),
        _ => None,
    };
    let listed = if vocabulary.terms.len() <= LISTED_TERMS && candidates.is_empty() {
        terms().map(str::to_owned).collect()
    } else {
        Vec::new()
    };
    let hint = if items.is_some() {
        Some("items")
    } else if !candidates.is_empty() {
        Some("candidates")
    } else {
        (!listed.is_empty()).then_some("terms")
    };
    TermHelp {
        suggestion,
        terms: listed,
        candidates,
        items,
        hint,
    }
}
