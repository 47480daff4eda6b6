//! Facts as a text verdict shows them to people: a field by the label its description in the
//! pack gives, a value as people write it. JSON keeps paths and values as the record gave
//! them; only text is reworded here.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::pack::RecordType;
use crate::value::Value;
use crate::verdict::FactPath;

use super::labels::Labels;

/// Writes a fact's field as `label（path）` ([`crate::pack::Field::label`]), or as the path
/// alone when the field has no description. A list element's field (`rows[1].done`) takes the label of the element
/// type's field; an element as a whole, the list's; another record's field
/// (`relation[id].field`), the field's.
pub(super) fn write_path(path: &FactPath, schema: &RecordType, labels: &Labels, out: &mut String) {
    let field = match path {
        FactPath::Field(path) => schema.field(path),
        FactPath::Element {
            list, field: "", ..
        } => schema.field(list),
        FactPath::Element { list, field, .. } => schema.rows(list).and_then(|r| r.field(field)),
        FactPath::Peer { field, .. } => schema.field(field),
    };
    let label = field.and_then(crate::pack::Field::label);
    let (open, close) = labels.parens;
    let _ = match label {
        Some(label) => write!(out, "{label}{open}{path}{close}"),
        None => write!(out, "{path}"),
    };
}

/// Writes a value as people write it: money in 元 or 万元 (see [`write_money`]), yes/no in
/// words, a list item by item; anything else as messages show it.
pub(super) fn write_value(value: &Value, labels: &Labels, out: &mut String) {
    match value {
        Value::Money(amount) => write_money(*amount, labels, out),
        Value::Bool(yes) => out.push_str(if *yes {
            labels.yes_no.0
        } else {
            labels.yes_no.1
        }),
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(labels.separator);
                }
                write_value(item, labels, out);
            }
        }
        other => other.write_display(out),
    }
}

/// Writes an amount of money as people write it, never rounding:
///
/// - below 1万元 (in absolute value), in 元: `0元`, `1元`, `9999元`, `0.5元`;
/// - from 1万元 up, in 万元, the exact quotient by 10,000 without trailing zeros:
///   `1万元`, `4.86万元`, `486万元`, and `486.0001万元` for 4,860,001元, `1.234567万元` for
///   12,345.67元; the largest amounts too (`100000000万元` for 1万亿元);
/// - a negative amount the same way with its sign: `-4.86万元`, `-1元`.
///
/// Digits are not grouped: 万 does the grouping people read. The quotient is always exact:
/// an amount of 1万 or more has at most 24 decimal places (a decimal holds 29 digits), so
/// four more fit in the 28 a decimal allows; were it not so, the amount would stay in 元.
pub(super) fn write_money(amount: Decimal, labels: &Labels, out: &mut String) {
    let (wan, yuan) = labels.money;
    let amount = amount.normalize();
    if amount.abs() >= Decimal::from(10_000) {
        let mut in_wan = amount;
        if in_wan.set_scale(amount.scale() + 4).is_ok() {
            let _ = write!(out, "{}{wan}", in_wan.normalize());
            return;
        }
    }
    let _ = write!(out, "{amount}{yuan}");
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::render::labels::Labels;

    /// The label a description gives, as the text verdict shows it.
    fn label(doc: &str) -> &str {
        crate::pack::label_of(doc).unwrap_or_default()
    }

    fn money(amount: &str) -> String {
        let mut out = String::new();
        let amount = Decimal::from_str(amount).unwrap_or_else(|e| panic!("{amount}: {e}"));
        write_money(amount, Labels::of(crate::i18n::Lang::Zh), &mut out);
        out
    }

    #[test]
    fn money_below_ten_thousand_is_in_yuan() {
        assert_eq!(money("0"), "0元");
        assert_eq!(money("0.00"), "0元");
        assert_eq!(money("-0"), "0元");
        assert_eq!(money("1"), "1元");
        assert_eq!(money("9999"), "9999元");
        assert_eq!(money("9999.99"), "9999.99元");
        assert_eq!(money("0.01"), "0.01元");
        assert_eq!(money("1234.50"), "1234.5元");
    }

    #[test]
    fn money_from_ten_thousand_is_in_wan_and_exact() {
        assert_eq!(money("10000"), "1万元");
        assert_eq!(money("10000.00"), "1万元");
        assert_eq!(money("10001"), "1.0001万元");
        assert_eq!(money("48600"), "4.86万元");
        assert_eq!(money("2340000"), "234万元");
        assert_eq!(money("4860000"), "486万元");
        assert_eq!(money("4860001"), "486.0001万元");
        assert_eq!(money("12345.67"), "1.234567万元");
        assert_eq!(money("10000.01"), "1.000001万元");
        assert_eq!(money("1000000000000"), "100000000万元");
    }

    #[test]
    fn negative_money_keeps_its_sign() {
        assert_eq!(money("-1"), "-1元");
        assert_eq!(money("-9999"), "-9999元");
        assert_eq!(money("-10000"), "-1万元");
        assert_eq!(money("-48600"), "-4.86万元");
    }

    #[test]
    fn money_at_the_limits_of_a_decimal_loses_no_digit() {
        assert_eq!(
            money("79228162514264337593543950335"),
            "7922816251426433759354395.0335万元"
        );
        assert_eq!(
            money("10000.000000000000000000000001"),
            "1.0000000000000000000000000001万元"
        );
    }

    #[test]
    fn a_value_is_shown_in_words_where_people_use_words() {
        let show = |value: Value| {
            let mut out = String::new();
            write_value(&value, Labels::of(crate::i18n::Lang::Zh), &mut out);
            out
        };
        assert_eq!(show(Value::Bool(true)), "是");
        assert_eq!(show(Value::Bool(false)), "否");
        assert_eq!(show(Value::Int(20_000)), "20000");
        let amounts = [
            Value::Money(Decimal::from(20_000)),
            Value::Money(Decimal::ONE),
        ];
        assert_eq!(show(Value::List(amounts.into())), "2万元、1元");
    }

    #[test]
    fn a_label_is_the_description_up_to_a_colon_or_semicolon() {
        assert_eq!(label("申报日期"), "申报日期");
        assert_eq!(label("所属区划：市本级或县名"), "所属区划");
        assert_eq!(label("计划年度；有预算的项目必填"), "计划年度");
        assert_eq!(label("amount: in yuan"), "amount");
        assert_eq!(label("项目类别（甲）"), "项目类别");
        assert_eq!(label("计划（维护）年度"), "计划（维护）年度");
        assert_eq!(
            label("列入计划（批准）日期（乙）；必填"),
            "列入计划（批准）日期"
        );
        assert_eq!(label("（只有旁注）"), "（只有旁注）");
        assert_eq!(label("项目（甲（乙））"), "项目");
        assert_eq!(label("项目甲（乙））"), "项目甲（乙））");
        assert_eq!(label("：guidance only"), "");
    }
}
