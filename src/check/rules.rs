//! Checking rules: citations, clauses and the outcomes a rule's kind may give.

use std::sync::Arc;

use super::PackChecker;
use super::articles::numeral;
use super::error::{CheckError, phrase};
use super::expr::{Checker, Env};
use super::layers::RuleEntry;
use super::schema::{duplicate, unknown};
use crate::ast::{self, RuleDecl};
use crate::pack::{Article, Cite, Clause, Rule, Type};
use crate::source::Source;
use crate::verdict::{Kind, Outcome};

/// The pack's articles, and where each label is among them.
struct Articles<'a> {
    all: &'a [Article],
    index: std::collections::HashMap<&'a str, usize>,
}

impl PackChecker {
    pub(super) fn rules(
        &mut self,
        env: &Env,
        articles: &[Article],
        entries: &[RuleEntry<'_>],
        parameters: &[crate::pack::Parameter],
    ) -> Vec<Rule> {
        let index: std::collections::HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (&*a.label, i))
            .collect();
        let articles = Articles {
            all: articles,
            index,
        };
        let parameters: std::collections::HashMap<&str, &crate::pack::Parameter> =
            parameters.iter().map(|p| (&*p.name, p)).collect();
        entries
            .iter()
            .filter_map(|entry| {
                env.take_recent();
                let mut rule = self.rule(env, &articles, entry.src, entry.decl, &entry.origin)?;
                rule.replaced = entry.replaced.clone();
                rule.parameters = env
                    .take_recent()
                    .iter()
                    .filter_map(|name| parameters.get(&**name).map(|p| (*p).clone()))
                    .collect();
                Some(rule)
            })
            .collect()
    }

    fn rule(
        &mut self,
        env: &Env,
        articles: &Articles<'_>,
        src: &Source,
        decl: &RuleDecl,
        origin: &Arc<str>,
    ) -> Option<Rule> {
        let cite = self.cite(src, articles, decl);
        self.clause_shapes(src, decl);
        let mut checker = Checker::new(src, env, &mut self.errors, &mut self.variables);
        let applies = decl.applies.as_ref().map(|(c, _)| checker.condition(c));
        let not_applicable = decl
            .applies
            .as_ref()
            .and_then(|(_, t)| t.as_ref())
            .map(|t| checker.template(t));
        if decl.lets.len() > super::MAX_LETS {
            self.errors.push(CheckError::rule(
                src,
                decl.id.span,
                phrase("rule-too_many_lets")
                    .arg("rule", &*decl.id.text)
                    .arg("limit", super::MAX_LETS.to_string()),
                Some(phrase("help-too_many_lets")),
            ));
            return None;
        }
        let mut lets = Vec::new();
        for binding in &decl.lets {
            if checker.has_let(&binding.name.text) {
                let error = duplicate(src, "let", &binding.name);
                checker_error(&mut checker, error);
                continue;
            }
            match checker.check(&binding.expr, None) {
                Some((expr, ty)) => {
                    checker.declare_let(&binding.name, ty);
                    lets.push(expr);
                }
                None => checker.poison_let(&binding.name),
            }
        }
        let due = decl.due.as_ref().map(|d| checker.expect(d, &Type::Date));
        let clauses: Vec<Option<Clause>> = decl
            .clauses
            .iter()
            .map(|c| clause(&mut checker, c))
            .collect();
        let unknown = decl.unknown.as_ref().map(|t| checker.template(t));
        Some(Rule {
            id: decl.id.text.clone(),
            kind: decl.kind,
            cite: cite?,
            title: decl.title.as_ref().map(|t| t.text.clone()),
            applies: applies.map_or(Some(None), |a| a.map(Some))?,
            not_applicable,
            lets,
            due: due.map_or(Some(None), |d| d.map(Some))?,
            clauses: clauses.into_iter().collect::<Option<Vec<_>>>()?,
            unknown,
            origin: origin.clone(),
            replaced: None,
            parameters: Vec::new(),
        })
    }

    fn cite(&mut self, src: &Source, articles: &Articles<'_>, decl: &RuleDecl) -> Option<Cite> {
        let (label, item) = &decl.cite;
        let Some(&index) = articles.index.get(&*label.text) else {
            let labels = articles.all.iter().map(|a| &*a.label);
            self.errors.push(unknown(src, "article", label, labels));
            return None;
        };
        let article = articles.all.get(index)?;
        let item = match item {
            None => None,
            Some(item) => {
                let found =
                    numeral(&item.text).and_then(|n| article.items.iter().find(|i| i.number == n));
                let Some(found) = found else {
                    let labels: Vec<String> =
                        article.items.iter().map(|i| i.label.to_string()).collect();
                    let mut error = unknown(src, "item", item, labels.iter().map(String::as_str));
                    if let Some(help) = error.help_mut() {
                        *help = Some(
                            phrase("help-items")
                                .arg("article", &*article.label)
                                .arg("items", labels.join(" ")),
                        );
                    }
                    self.errors.push(error);
                    return None;
                };
                Some(found)
            }
        };
        let label = match item {
            Some(item) => format!("{}{}", article.label, item.label).into(),
            None => article.label.clone(),
        };
        Some(Cite {
            article: index,
            number: article.number,
            item: item.map(|i| i.number),
            label,
        })
    }

    /// Outcomes the kind allows; exactly one `otherwise`, last.
    fn clause_shapes(&mut self, src: &Source, decl: &RuleDecl) {
        let allowed = allowed_outcomes(decl.kind);
        for clause in &decl.clauses {
            if !allowed.contains(&clause.outcome) {
                let names: Vec<&str> = allowed.iter().map(|o| o.as_str()).collect();
                self.errors.push(CheckError::rule(
                    src,
                    clause.span,
                    phrase("rule-outcome")
                        .arg("kind", decl.kind.as_str())
                        .arg("outcome", clause.outcome.as_str()),
                    Some(phrase("help-outcomes").arg("outcomes", names.join(", "))),
                ));
            }
        }
        self.repeated_conditions(src, decl);
        let otherwise = decl.clauses.iter().position(|c| c.when.is_none());
        match otherwise {
            None => self.errors.push(CheckError::rule(
                src,
                decl.id.span,
                phrase("rule-no_otherwise").arg("rule", &*decl.id.text),
                Some(phrase("help-no_otherwise")),
            )),
            Some(i) if i + 1 < decl.clauses.len() => {
                if let Some(next) = decl.clauses.get(i + 1) {
                    self.errors.push(CheckError::rule(
                        src,
                        next.span,
                        phrase("rule-after_otherwise"),
                        Some(phrase("help-after_otherwise")),
                    ));
                }
            }
            Some(_) => {}
        }
    }

    /// A clause whose condition repeats an earlier clause's can never decide anything.
    /// Conditions are bucketed by the hash of their shape, so only equal-looking ones are
    /// compared: a rule of many clauses is checked in linear time.
    fn repeated_conditions(&mut self, src: &Source, decl: &RuleDecl) {
        let mut seen: std::collections::HashMap<u64, Vec<&ast::Expr>> =
            std::collections::HashMap::new();
        for clause in &decl.clauses {
            let Some(when) = &clause.when else { continue };
            let bucket = seen.entry(shape_hash(when)).or_default();
            let repeated = bucket.contains(&when);
            bucket.push(when);
            if repeated {
                self.errors.push(CheckError::rule(
                    src,
                    when.span,
                    phrase("rule-repeated_condition"),
                    Some(phrase("help-repeated_condition")),
                ));
            }
        }
    }
}

fn checker_error(checker: &mut Checker<'_>, error: CheckError) {
    checker.push_error(error);
}

fn clause(checker: &mut Checker<'_>, decl: &ast::ClauseDecl) -> Option<Clause> {
    let when = decl.when.as_ref().map(|w| checker.condition(w));
    let message = checker.with_declared(|c| c.template(&decl.message));
    Some(Clause {
        outcome: decl.outcome,
        when: when.map_or(Some(None), |w| w.map(Some))?,
        message,
    })
}

fn allowed_outcomes(kind: Kind) -> &'static [Outcome] {
    match kind {
        Kind::Scope => &[Outcome::Pass, Outcome::Fail],
        Kind::Suspension => &[Outcome::Pass, Outcome::Fail, Outcome::NotApplicable],
        Kind::Requirement => &[
            Outcome::Pass,
            Outcome::Fail,
            Outcome::Pending,
            Outcome::NotApplicable,
        ],
        Kind::Advisory => &[
            Outcome::Note,
            Outcome::Pass,
            Outcome::Pending,
            Outcome::NotApplicable,
        ],
    }
}

/// A hash of an expression's shape that equal expressions share (spans aside).
fn shape_hash(expr: &ast::Expr) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        std::mem::discriminant(&e.kind).hash(&mut hasher);
        match &e.kind {
            ast::ExprKind::Path(names) => names.iter().for_each(|n| n.text.hash(&mut hasher)),
            ast::ExprKind::Number(text) | ast::ExprKind::Text(text) => text.hash(&mut hasher),
            ast::ExprKind::Date(date) => date.hash(&mut hasher),
            ast::ExprKind::Bool(b) => b.hash(&mut hasher),
            ast::ExprKind::Call(name, args) => {
                name.text.hash(&mut hasher);
                stack.extend(args);
            }
            ast::ExprKind::Quantifier(_, name, list, body) => {
                name.text.hash(&mut hasher);
                stack.extend([&**list, &**body]);
            }
            other => stack.extend(children(other)),
        }
    }
    hasher.finish()
}

/// The operands of an operator expression.
fn children(kind: &ast::ExprKind) -> Vec<&ast::Expr> {
    use ast::ExprKind as K;
    match kind {
        K::List(items) => items.iter().collect(),
        K::Not(a) | K::Negate(a) | K::Presence(a, _) => vec![a],
        K::And(a, b) | K::Or(a, b) | K::Except(a, b) | K::In(a, b, _) => vec![a, b],
        K::Compare(_, a, b) | K::Arith(_, a, b) => vec![a, b],
        K::If(c, a, b) => vec![c, a, b],
        _ => Vec::new(),
    }
}
