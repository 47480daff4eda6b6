//! Warnings: what is legal in a pack but suspicious. A pack with warnings still loads.

use crate::i18n::{Arg, Message};
use crate::pack::{Clause, Expr, FieldRef, Pack, Part, Rule, Template, Type};
use crate::verdict::{Kind, Outcome};

/// A suspicious piece of a pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// What is suspicious: a `lint-…` message of the catalogue (`locales/*/check.ftl`).
    pub message: Message,
}

/// A warning's message: `lint-NAME`.
fn warning(name: &str) -> Message {
    Message::new(format!("lint-{name}"))
}

/// Every warning for a compiled pack.
pub fn lint(pack: &Pack) -> Vec<Warning> {
    let mut warnings = Vec::new();
    unaccounted_articles(pack, &mut warnings);
    constant_conditions(pack, &mut warnings);
    unread_fields(pack, &mut warnings);
    constant_messages(pack, &mut warnings);
    masked_breaches(pack, &mut warnings);
    unbounded_arithmetic(pack, &mut warnings);
    parameters_against_quoted_text(pack, &mut warnings);
    for name in &pack.unused_parameters {
        warnings.push(Warning {
            message: warning("unused_parameter").arg("parameter", &**name),
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
                message: warning("unaccounted_article").arg("article", &*article.label),
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
                    message: warning("constant_condition").arg("rule", &*rule.id),
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
                    message: warning("constant_message")
                        .arg("rule", &*rule.id)
                        .arg("outcome", clause.outcome.as_str()),
                });
            }
        }
    }
}

/// A `pending` or `not_applicable` clause (or `applies when`) that holds while a date is
/// absent, placed before a `fail` that reads a yes/no fact: while the date is missing, a
/// breach the record states never fails. A project that seldom records the date (a
/// maintenance project's budget date) would pass for "not yet due" with its breach on
/// record. A yes/no fact that a `fail` clause tests before the gate is not masked.
fn masked_breaches(pack: &Pack, out: &mut Vec<Warning>) {
    let duties = pack
        .rules
        .iter()
        .filter(|r| matches!(r.kind, Kind::Requirement | Kind::Suspension));
    for rule in duties {
        if let Some((gate, fields)) = masked_in(pack, rule) {
            let fields: Vec<String> = fields
                .iter()
                .filter_map(|&slot| pack.schema.slots.get(slot))
                .map(|s| s.path.to_string())
                .collect();
            out.push(Warning {
                message: warning("masked_breach")
                    .arg("rule", &*rule.id)
                    .arg("gate", gate)
                    .arg("fields", Arg::List(fields)),
            });
        }
    }
}

/// The gate's outcome and the yes/no fields whose stated breach it masks, if any.
fn masked_in(pack: &Pack, rule: &Rule) -> Option<(&'static str, Vec<usize>)> {
    let mut tested: Vec<usize> = Vec::new();
    let mut gate: Option<(&'static str, Vec<usize>)> = rule
        .applies
        .as_ref()
        .filter(|a| waits_on_date(pack, a))
        .map(|a| ("applies when", yes_no_reads(pack, a)));
    let mut since_gate: Vec<usize> = Vec::new();
    for clause in &rule.clauses {
        let reads = clause
            .when
            .as_ref()
            .map_or_else(Vec::new, |c| yes_no_reads(pack, c));
        match (&gate, clause.outcome) {
            (None, Outcome::Fail) => tested.extend(reads),
            (None, Outcome::Pending | Outcome::NotApplicable) if is_gate(pack, clause) => {
                gate = Some((clause.outcome.as_str(), reads));
            }
            (Some((name, gated)), Outcome::Fail) => {
                let stated = if clause.when.is_some() {
                    reads
                } else {
                    since_gate.clone()
                };
                let masked: Vec<usize> = stated
                    .into_iter()
                    .filter(|s| !tested.contains(s) && !gated.contains(s))
                    .collect();
                if !masked.is_empty() {
                    return Some((name, masked));
                }
            }
            (Some(_), _) => since_gate.extend(reads),
            (None, _) => {}
        }
    }
    None
}

fn is_gate(pack: &Pack, clause: &Clause) -> bool {
    clause.when.as_ref().is_some_and(|c| waits_on_date(pack, c))
}

/// Whether a condition asks whether a date field is given (`happened`, `is present`).
fn waits_on_date(pack: &Pack, condition: &Expr) -> bool {
    let mut waits = false;
    walk_facts(pack, condition, &mut |e| {
        if let Expr::Happened(FieldRef::Root(slot)) | Expr::Presence(FieldRef::Root(slot), _) = e {
            waits |= pack
                .schema
                .slots
                .get(*slot)
                .is_some_and(|s| s.ty == Type::Date);
        }
    });
    waits
}

/// The yes/no root fields a condition reads, through derived facts too.
fn yes_no_reads(pack: &Pack, condition: &Expr) -> Vec<usize> {
    let mut slots = Vec::new();
    walk_facts(pack, condition, &mut |e| {
        if let Expr::Field(FieldRef::Root(slot)) = e {
            if pack
                .schema
                .slots
                .get(*slot)
                .is_some_and(|s| s.ty == Type::Bool)
                && !slots.contains(slot)
            {
                slots.push(*slot);
            }
        }
    });
    slots
}

/// [`walk`], descending into the derived facts an expression names, each once (facts
/// that share a fact do not make it walked again).
fn walk_facts(pack: &Pack, expr: &Expr, f: &mut dyn FnMut(&Expr)) {
    let mut seen = vec![false; pack.facts.len()];
    walk_facts_once(pack, expr, &mut seen, f);
}

fn walk_facts_once(pack: &Pack, expr: &Expr, seen: &mut [bool], f: &mut dyn FnMut(&Expr)) {
    walk(expr, &mut |e| {
        f(e);
        if let Expr::Fact(i) = e {
            let first = seen
                .get_mut(*i)
                .is_some_and(|s| !std::mem::replace(s, true));
            if let (true, Some(fact)) = (first, pack.facts.get(*i)) {
                walk_facts_once(pack, &fact.expr, seen, f);
            }
        }
    });
}

/// A number field of the record used in arithmetic or as a year without `between` bounds:
/// a value too large overflows, and the findings that compute with it can only be unknown
/// with nothing missing. Bounds make such a value a diagnostic of the record instead.
fn unbounded_arithmetic(pack: &Pack, out: &mut Vec<Warning>) {
    let mut unbounded: Vec<usize> = Vec::new();
    // Every fact is walked on its own below, so rules need not descend into them.
    let mut mark = |expr: &Expr| {
        walk(expr, &mut |e| {
            let operands: &[&Expr] = match e {
                Expr::Arith(_, a, b) => &[&**a, &**b],
                Expr::Negate(a) => &[&**a],
                Expr::Call(_, args) => &args.iter().collect::<Vec<_>>(),
                _ => &[],
            };
            for operand in operands {
                if let Expr::Field(FieldRef::Root(slot)) = operand {
                    let number = pack.schema.slots.get(*slot).is_some_and(|s| {
                        matches!(s.ty, Type::Integer | Type::Money) && s.range.is_none()
                    });
                    if number && !unbounded.contains(slot) {
                        unbounded.push(*slot);
                    }
                }
            }
        });
    };
    pack.facts.iter().for_each(|f| mark(&f.expr));
    pack.rules.iter().for_each(|r| rule_exprs(r, &mut mark));
    for slot in unbounded.iter().filter_map(|&s| pack.schema.slots.get(s)) {
        out.push(Warning {
            message: warning("unbounded_arithmetic").arg("field", &*slot.path),
        });
    }
}

/// A parameter this edition sets, read by a rule citing an article whose text this edition
/// keeps from the edition it extends: `--explain` then quotes a law that contradicts the
/// finding (the city's “7月底前” beside a county deadline of 06-30). The edition should
/// word the article itself (`override article`).
fn parameters_against_quoted_text(pack: &Pack, out: &mut Vec<Warning>) {
    let own = &pack.header.origin;
    let mut seen: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    for rule in &pack.rules {
        let Some(article) = pack.article(&rule.cite) else {
            continue;
        };
        if article.origin == *own {
            continue;
        }
        for parameter in rule.parameters.iter().filter(|p| p.origin == *own) {
            if !seen.insert((&*parameter.name, &*article.label)) {
                continue;
            }
            out.push(Warning {
                message: warning("parameter_against_quoted_text")
                    .arg("parameter", &*parameter.name)
                    .arg("rule", &*rule.id)
                    .arg("article", &*article.label)
                    .arg("origin", &*article.origin),
            });
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
                message: warning("unread_field").arg("field", &*slot.path),
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
    expr.visit(f);
}
