//! Warnings: what is legal in a pack but suspicious. A pack with warnings still loads.

use crate::pack::{Expr, FieldRef, Pack, Part, Quantifier, Rule, Template};

/// A suspicious piece of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What is suspicious, in the DSL's words.
    pub message: String,
}

/// Every warning for a compiled pack.
pub fn lint(pack: &Pack) -> Vec<Warning> {
    let mut warnings = Vec::new();
    unaccounted_articles(pack, &mut warnings);
    constant_conditions(pack, &mut warnings);
    unread_fields(pack, &mut warnings);
    constant_messages(pack, &mut warnings);
    for name in &pack.unused_parameters {
        warnings.push(Warning {
            message: format!("parameter `{name}` is used by no rule, fact or article"),
        });
    }
    warnings
}

/// An article no rule cites and no header entry or parameter holds (an edition that took
/// the article's rules out of force has accounted for it).
fn unaccounted_articles(pack: &Pack, out: &mut Vec<Warning>) {
    for (i, article) in pack.articles.iter().enumerate() {
        let cited = pack.rules.iter().any(|r| r.cite.article == i);
        let disabled = pack.disabled.iter().any(|d| d.article == article.label);
        if !cited && !disabled && article.held_by.is_empty() {
            out.push(Warning {
                message: format!(
                    "article `{}` has no rule and is held by no header entry or parameter",
                    article.label
                ),
            });
        }
    }
}

/// A clause whose condition reads nothing from the record: it always or never holds.
fn constant_conditions(pack: &Pack, out: &mut Vec<Warning>) {
    for rule in &pack.rules {
        let conditions = rule
            .applies
            .iter()
            .chain(rule.clauses.iter().filter_map(|c| c.when.as_ref()));
        for condition in conditions {
            if is_constant(condition) {
                out.push(Warning {
                    message: format!("rule `{}` has a condition that reads nothing from the record, so it never changes", rule.id),
                });
            }
        }
    }
}

/// A message whose `{…}` parts read nothing from the record: it interpolates, yet says the
/// same of every project, which usually means a parameter was written where a field was
/// meant.
fn constant_messages(pack: &Pack, out: &mut Vec<Warning>) {
    for rule in &pack.rules {
        for clause in &rule.clauses {
            let exprs: Vec<&Expr> = clause
                .message
                .parts
                .iter()
                .filter_map(|p| match p {
                    Part::Expr(e) => Some(e),
                    Part::Text(_) => None,
                })
                .collect();
            if !exprs.is_empty() && exprs.iter().all(|e| is_constant(e)) {
                out.push(Warning {
                    message: format!(
                        "rule `{}` has a `{}` message whose {{…}} parts read nothing from the record",
                        rule.id,
                        clause.outcome.as_str()
                    ),
                });
            }
        }
    }
}

/// A field of the record that no rule, fact or condition reads (identity fields, which the
/// schema makes required, are expected to be unread).
fn unread_fields(pack: &Pack, out: &mut Vec<Warning>) {
    let mut read = vec![false; pack.schema.slots.len()];
    let mut mark = |expr: &Expr| {
        walk(expr, &mut |e| {
            if let Expr::Field(FieldRef::Root(slot))
            | Expr::Presence(FieldRef::Root(slot), _)
            | Expr::Happened(FieldRef::Root(slot)) = e
            {
                if let Some(flag) = read.get_mut(*slot) {
                    *flag = true;
                }
            }
        })
    };
    pack.facts.iter().for_each(|f| mark(&f.expr));
    pack.rules.iter().for_each(|r| rule_exprs(r, &mut mark));
    pack.schema
        .slots
        .iter()
        .filter_map(|s| s.required_when.as_ref())
        .for_each(|c| mark(&c.expr));
    for (index, (slot, was_read)) in pack.schema.slots.iter().zip(read).enumerate() {
        // Fields an extended edition declares are that edition's business.
        if !was_read && !slot.required && pack.own_fields.contains(&index) {
            out.push(Warning {
                message: format!("record field `{}` is read by no rule", slot.path),
            });
        }
    }
}

fn rule_exprs(rule: &Rule, f: &mut impl FnMut(&Expr)) {
    rule.applies.iter().for_each(&mut *f);
    rule.lets.iter().for_each(&mut *f);
    rule.due.iter().for_each(&mut *f);
    for clause in &rule.clauses {
        clause.when.iter().for_each(&mut *f);
        template_exprs(&clause.message, f);
    }
    rule.not_applicable
        .iter()
        .for_each(|t| template_exprs(t, f));
}

fn template_exprs(template: &Template, f: &mut impl FnMut(&Expr)) {
    for part in &template.parts {
        if let Part::Expr(e) = part {
            f(e);
        }
    }
}

fn is_constant(expr: &Expr) -> bool {
    let mut reads = false;
    walk(expr, &mut |e| {
        reads |= matches!(
            e,
            Expr::Field(_)
                | Expr::Fact(_)
                | Expr::Let(_)
                | Expr::AsOf
                | Expr::Var(_)
                | Expr::Presence(..)
                | Expr::Happened(_)
        );
    });
    !reads
}

/// Visits an expression and every expression inside it.
fn walk(expr: &Expr, f: &mut impl FnMut(&Expr)) {
    f(expr);
    match expr {
        Expr::Not(a) | Expr::Negate(a) | Expr::InClass(a, ..) => walk(a, f),
        Expr::And(a, b)
        | Expr::Or(a, b)
        | Expr::Compare(_, a, b)
        | Expr::Arith(_, a, b)
        | Expr::InList(a, b)
        | Expr::Except(a, b) => {
            walk(a, f);
            walk(b, f);
        }
        Expr::If(c, a, b) => {
            walk(c, f);
            walk(a, f);
            walk(b, f);
        }
        Expr::List(items) | Expr::Call(_, items) => items.iter().for_each(|i| walk(i, f)),
        Expr::Quantifier(q) => quantifier(q, f),
        _ => {}
    }
}

fn quantifier(q: &Quantifier, f: &mut impl FnMut(&Expr)) {
    walk(&q.list, f);
    walk(&q.body, f);
}
