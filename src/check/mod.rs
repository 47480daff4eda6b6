//! Checking: the syntax trees of a pack's files → a compiled [`Pack`].
//!
//! Resolves every name, infers every type, and reports all problems at once: unknown names
//! (with did-you-mean), type errors, duplicate ids, cycles among facts, outcomes a rule's
//! kind cannot give, and clauses that can never be reached.

mod error;
mod expr;
pub mod layers;
mod schema;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

pub use error::CheckError;
use expr::{Checker, Env};
use layers::{Decls, RuleEntry};
use schema::{RecordBuilder, duplicate, unknown};

use crate::ast::{self, ArticleDecl, Binding, ExprKind, File, Name, RuleDecl};
use crate::diagnostics::Diagnostics;
use crate::pack::{
    Article, Cite, Clause, Condition, DerivedFact, FieldShape, Header, Item, Messages, Pack,
    RecordType, Rule, Type,
};
use crate::source::{Source, Span};
use crate::verdict::{Kind, Outcome};

/// Checks the files of one pack and compiles them.
pub fn check(files: &[File]) -> Result<Pack, Diagnostics<CheckError>> {
    check_layers(&[files])
}

/// Checks a pack together with the packs it extends: `layers` holds each pack's files, the
/// most general edition first and the pack itself last.
pub fn check_layers(layers: &[&[File]]) -> Result<Pack, Diagnostics<CheckError>> {
    let mut checker = PackChecker::default();
    let pack = checker.pack(layers);
    let files = layers.last().copied().unwrap_or_default();
    match Diagnostics::new(checker.errors) {
        Some(errors) => Err(errors),
        None => pack.ok_or_else(|| unreachable_error(files)),
    }
}

/// A pack that failed without a reported error cannot happen; report it rather than panic.
fn unreachable_error(files: &[File]) -> Diagnostics<CheckError> {
    let src = files
        .first()
        .map_or_else(|| Source::new("", ""), |f| f.source.clone());
    Diagnostics::one(header_error(
        &src,
        Span::default(),
        "the pack is empty",
        None,
    ))
}

/// The header entries an article can be `held by`.
const HEADER_KEYS: [&str; 7] = [
    "edition",
    "jurisdiction",
    "version",
    "issued",
    "effective",
    "source",
    "description",
];

/// `required when` conditions: the file, the slot, the condition.
type Conditions<'f> = Vec<(&'f Source, usize, ast::Expr)>;

#[derive(Default)]
struct PackChecker {
    errors: Vec<CheckError>,
    variables: usize,
}

impl PackChecker {
    fn pack(&mut self, layers: &[&[File]]) -> Option<Pack> {
        let files = layers.last().copied().unwrap_or_default();
        let layered = layers::merge(layers, &mut self.errors);
        let (packs, records, articles) = (&layered.headers, &layered.records, &layered.articles);
        let (parameters, facts, vocabularies) =
            (&layered.parameters, &layered.facts, &layered.vocabularies);
        let (mut header, messages) = self.header(files, packs, layered.messages)?;
        header.in_force_since = layered
            .editions
            .iter()
            .filter(|(edition, _)| *edition == header.edition)
            .filter_map(|(_, effective)| *effective)
            .min()
            .unwrap_or(header.effective);
        let vocabularies = schema::vocabularies(vocabularies, &mut self.errors);
        let (schema, conditions, own_fields) = self.record(files, records, &vocabularies);
        let article_decls = articles;
        let articles = self.articles(article_decls);
        let mut env = Env {
            slots: slot_index(&schema),
            vocabularies,
            schema,
            parameters: HashMap::new(),
            facts: HashMap::new(),
            poisoned: Default::default(),
            used: Default::default(),
        };
        self.parameters(&mut env, parameters);
        self.set_parameter_types(&mut env, parameters, &layered.replaced_parameters);
        self.held_by(&env, article_decls);
        let facts = self.facts(&mut env, facts);
        self.conditions(&mut env, conditions);
        let rules = self.rules(&env, &articles, &layered.rules);
        let own = |src: &Source| files.iter().any(|f| f.source.name() == src.name());
        let used = env.used.borrow().clone();
        let held: Vec<&str> = articles
            .iter()
            .flat_map(|a| a.held_by.iter().map(|h| &**h))
            .collect();
        let unused_parameters = parameters
            .iter()
            .filter(|(src, p)| {
                own(src) && !used.contains(&p.name.text) && !held.contains(&&*p.name.text)
            })
            .map(|(_, p)| p.name.text.clone())
            .collect();
        Some(Pack {
            header,
            vocabularies: env.vocabularies,
            schema: env.schema,
            articles,
            facts,
            rules,
            variables: self.variables,
            messages,
            chain: layered.chain,
            disabled: layered.disabled,
            own_fields,
            unused_parameters,
        })
    }

    // ------------------------------------------------------------ header

    fn header(
        &mut self,
        files: &[File],
        packs: &Decls<ast::PackDecl>,
        messages: Option<(&Source, &ast::PackDecl)>,
    ) -> Option<(Header, Messages)> {
        let Some(((src, decl), rest)) = packs.split_first() else {
            let src = files
                .first()
                .map_or_else(|| Source::new("", ""), |f| f.source.clone());
            self.errors.push(header_error(
                &src,
                Span::default(),
                "the pack has no `pack { … }` header",
                Some("declare one, with at least `edition`, `version` and `effective`".to_owned()),
            ));
            return None;
        };
        for (src, extra) in rest {
            self.errors.push(header_error(
                src,
                extra.span,
                "a pack has exactly one header",
                None,
            ));
        }
        let mut entries = HeaderEntries::new(src, &decl.entries, &mut self.errors);
        let edition = entries.text("edition");
        let jurisdiction = entries.optional("jurisdiction");
        let version = entries.version();
        let issued = entries.date("issued", false);
        let effective = entries.date("effective", true);
        let source = entries.optional("source");
        let description = entries.optional("description");
        entries.finish();
        let messages = match messages {
            Some((src, decl)) => self.messages(src, decl),
            None => self.messages(src, decl),
        };
        let (edition, version, effective) = (edition?, version?, effective?);
        let header = Header {
            name: decl.name.text.clone(),
            jurisdiction: jurisdiction.unwrap_or_else(|| edition.clone()),
            origin: format!("{edition}@{version}").into(),
            edition,
            version,
            issued,
            effective,
            in_force_since: effective,
            source,
            description,
            extends: decl
                .extends
                .as_ref()
                .map(|(edition, version)| (edition.text.clone(), version.text.clone())),
        };
        Some((header, messages?))
    }

    fn messages(&mut self, src: &Source, decl: &ast::PackDecl) -> Option<Messages> {
        let mut entries = HeaderEntries::new(src, &decl.messages, &mut self.errors);
        entries.what = "message";
        let messages = Messages {
            not_applicable: entries.text("not_applicable").unwrap_or_default(),
            out_of_scope: entries.text("out_of_scope").unwrap_or_default(),
            retroactive: entries.text("retroactive").unwrap_or_default(),
            unknown: entries.text("unknown").unwrap_or_default(),
        };
        let ok = entries.finish();
        ok.then_some(messages)
    }

    // ------------------------------------------------------------ schema and articles

    fn record<'f>(
        &mut self,
        files: &[File],
        records: &Decls<'f, ast::RecordDecl>,
        vocabularies: &[crate::pack::Vocabulary],
    ) -> (RecordType, Conditions<'f>, Vec<usize>) {
        let Some((src, decl)) = records.first() else {
            let src = files
                .first()
                .map_or_else(|| Source::new("", ""), |f| f.source.clone());
            self.errors.push(header_error(
                &src,
                Span::default(),
                "the pack has no `record { … }`",
                None,
            ));
            return (RecordType::default(), Vec::new(), Vec::new());
        };
        let mut record = RecordType::default();
        let mut conditions = Vec::new();
        let mut own_fields = Vec::new();
        for (src, decl) in records {
            let before = record.slots.len();
            let mut builder = RecordBuilder::new(src, vocabularies, &mut self.errors);
            builder.extend(&mut record, &decl.fields);
            if files.iter().any(|f| f.source.name() == src.name()) {
                own_fields.extend(before..record.slots.len());
            }
            let found = std::mem::take(&mut builder.conditions);
            conditions.extend(found.into_iter().map(|(slot, expr)| (*src, slot, expr)));
        }
        for key in ["id", "name"] {
            let is_text = record
                .fields
                .iter()
                .find(|f| &*f.name == key)
                .and_then(|f| match f.shape {
                    FieldShape::Leaf(slot) => record.slots.get(slot),
                    FieldShape::Group(_) => None,
                })
                .is_some_and(|slot| slot.ty == Type::Text && slot.required);
            if !is_text {
                self.errors.push(header_error(
                    src,
                    decl.span,
                    &format!("the record needs a required text field `{key}`"),
                    Some("verdicts name the project by its `id` and `name`".to_owned()),
                ));
            }
        }
        (record, conditions, own_fields)
    }

    fn articles(&mut self, decls: &Decls<ArticleDecl>) -> Vec<Article> {
        let mut out: Vec<Article> = Vec::new();
        for (src, decl) in decls {
            let Some(number) = article_number(&decl.label.text) else {
                self.errors.push(CheckError::rule(
                    src,
                    decl.label.span,
                    format!("`{}` is not an article label", decl.label.text),
                    Some("write `第`, the article's number in Chinese or Arabic numerals, then `条`, e.g. `第8条`".to_owned()),
                ));
                continue;
            };
            if out.iter().any(|a| a.number == number) {
                self.errors.push(duplicate(src, "article", &decl.label));
                continue;
            }
            let items = self.items(src, decl);
            out.push(Article {
                number,
                label: decl.label.text.clone(),
                title: decl.title.as_ref().map(|t| t.text.clone()),
                text: decl
                    .text
                    .as_ref()
                    .map_or_else(|| "".into(), |t| t.text.clone()),
                items,
                held_by: decl.held_by.iter().map(|n| n.text.clone()).collect(),
            });
        }
        out
    }

    fn items(&mut self, src: &Source, decl: &ArticleDecl) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        for (label, text) in &decl.items {
            let Some(number) = numeral(&label.text) else {
                self.errors.push(CheckError::rule(
                    src,
                    label.span,
                    format!("`{}` is not an item number", label.text),
                    Some("number items `(一)`, `(二)` … or `(1)`, `(2)` …".to_owned()),
                ));
                continue;
            };
            if items.iter().any(|i| i.number == number) {
                self.errors.push(duplicate(src, "item", label));
                continue;
            }
            items.push(Item {
                number,
                label: item_label(src, label).into(),
                text: text.text.clone(),
            });
        }
        items
    }

    /// `held by` names a header entry or a parameter.
    fn held_by(&mut self, env: &Env, decls: &Decls<ArticleDecl>) {
        for (src, decl) in decls {
            for name in &decl.held_by {
                let known =
                    HEADER_KEYS.contains(&&*name.text) || env.parameters.contains_key(&name.text);
                if !known {
                    let candidates = HEADER_KEYS
                        .iter()
                        .copied()
                        .chain(env.parameters.keys().map(|k| &**k));
                    self.errors
                        .push(unknown(src, "header entry or parameter", name, candidates));
                }
            }
        }
    }

    // ------------------------------------------------------------ parameters and facts

    fn parameters(&mut self, env: &mut Env, decls: &Decls<Binding>) {
        for (src, decl) in decls {
            if self.taken(env, src, &decl.name, "parameter") {
                continue;
            }
            let mut variables = 0;
            let mut checker = Checker::new(src, env, &mut self.errors, &mut variables);
            let Some((expr, ty)) = checker.check(&decl.expr, None) else {
                env.poisoned.insert(decl.name.text.clone());
                continue;
            };
            match expr {
                crate::pack::Expr::Const(value) => {
                    env.parameters.insert(decl.name.text.clone(), (value, ty));
                }
                _ => self.errors.push(CheckError::rule(
                    src,
                    decl.expr.span,
                    format!("parameter `{}` must be a constant", decl.name.text),
                    Some("a value that depends on the record is a `fact`".to_owned()),
                )),
            }
        }
    }

    /// `set parameter` keeps a parameter's type: the rules of the edition extended were
    /// checked against it.
    fn set_parameter_types(
        &mut self,
        env: &mut Env,
        parameters: &Decls<Binding>,
        replaced: &[(&Source, &Binding, Arc<str>)],
    ) {
        for (base_src, base, _) in replaced {
            let Some((_, new_ty)) = env.parameters.get(&base.name.text).cloned() else {
                continue;
            };
            let mut variables = 0;
            let mut errors = Vec::new();
            let mut checker = Checker::new(base_src, env, &mut errors, &mut variables);
            let Some((_, base_ty)) = checker.check(&base.expr, None) else {
                continue;
            };
            if expr::compatible(&new_ty, &base_ty) {
                continue;
            }
            let Some((src, decl)) = parameters.iter().find(|(_, p)| p.name == base.name) else {
                continue;
            };
            // Its uses would only repeat the error.
            env.parameters.remove(&base.name.text);
            env.poisoned.insert(base.name.text.clone());
            let vocabularies = &env.vocabularies;
            self.errors.push(CheckError::Type {
                expected: schema::type_name(&base_ty, vocabularies),
                found: schema::type_name(&new_ty, vocabularies),
                src: (*src).clone(),
                span: decl.expr.span,
                help: Some(format!(
                    "`{}` is {} in the edition this one extends, and its rules use it so",
                    base.name.text,
                    schema::type_name(&base_ty, vocabularies)
                )),
            });
        }
    }

    /// Whether `name` is already a field, parameter or fact (reporting it if so).
    fn taken(&mut self, env: &Env, src: &Source, name: &Name, what: &'static str) -> bool {
        let text = &*name.text;
        let clash = env.parameters.contains_key(text)
            || env.facts.contains_key(text)
            || env.slots.contains_key(text);
        if clash {
            let mut error = duplicate(src, what, name);
            if let (CheckError::Duplicate { help, .. }, true) =
                (&mut error, env.parameters.contains_key(text))
            {
                *help = Some(format!(
                    "to give a parameter of the edition this one extends a new value, write `set parameter {text} = …`"
                ));
            }
            self.errors.push(error);
        }
        clash
    }

    fn facts(&mut self, env: &mut Env, decls: &Decls<Binding>) -> Vec<DerivedFact> {
        let (order, cyclic) = self.fact_order(decls);
        env.poisoned.extend(cyclic);
        let mut out = Vec::new();
        for i in order {
            let Some((src, decl)) = decls.get(i) else {
                continue;
            };
            if self.taken(env, src, &decl.name, "fact") {
                continue;
            }
            if env.poisoned.contains(&decl.name.text) {
                continue;
            }
            let mut checker = Checker::new(src, env, &mut self.errors, &mut self.variables);
            match checker.check(&decl.expr, None) {
                Some((expr, ty)) => {
                    env.facts.insert(decl.name.text.clone(), (out.len(), ty));
                    out.push(DerivedFact {
                        name: decl.name.text.clone(),
                        expr,
                    });
                }
                None => {
                    env.poisoned.insert(decl.name.text.clone());
                }
            }
        }
        out
    }

    /// Facts in dependency order, and the names of facts on a cycle (each cycle reported
    /// once, at the use that closes it).
    fn fact_order(&mut self, decls: &Decls<Binding>) -> (Vec<usize>, Vec<Arc<str>>) {
        let index: HashMap<&str, usize> = decls
            .iter()
            .enumerate()
            .map(|(i, (_, d))| (&*d.name.text, i))
            .collect();
        let mut state = vec![Visit::New; decls.len()];
        let mut order = Vec::new();
        let mut path = Vec::new();
        let mut cyclic = Vec::new();
        for i in 0..decls.len() {
            self.visit(
                i,
                decls,
                &index,
                &mut state,
                &mut order,
                &mut path,
                &mut cyclic,
            );
        }
        (order, cyclic)
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "a depth-first walk's state, threaded through"
    )]
    fn visit(
        &mut self,
        i: usize,
        decls: &Decls<Binding>,
        index: &HashMap<&str, usize>,
        state: &mut [Visit],
        order: &mut Vec<usize>,
        path: &mut Vec<usize>,
        cyclic: &mut Vec<Arc<str>>,
    ) {
        if state.get(i) != Some(&Visit::New) {
            return;
        }
        let Some((src, decl)) = decls.get(i) else {
            return;
        };
        state[i] = Visit::Open;
        path.push(i);
        let mut names = Vec::new();
        names_in(&decl.expr, &mut names);
        for name in names {
            let Some(&j) = index.get(&*name.text) else {
                continue;
            };
            if state.get(j) == Some(&Visit::Open) {
                let start = path.iter().position(|&k| k == j).unwrap_or(0);
                let members: Vec<&str> = path
                    .iter()
                    .skip(start)
                    .filter_map(|&k| decls.get(k).map(|(_, d)| &*d.name.text))
                    .collect();
                cyclic.extend(members.iter().map(|&m| Arc::from(m)));
                self.errors.push(CheckError::Cycle {
                    name: members.join(" → ") + " → " + &name.text,
                    src: (*src).clone(),
                    span: name.span,
                });
            } else {
                self.visit(j, decls, index, state, order, path, cyclic);
            }
        }
        path.pop();
        state[i] = Visit::Done;
        order.push(i);
    }

    /// Compiles the schema's `required when` conditions, which may use facts.
    fn conditions(&mut self, env: &mut Env, conditions: Conditions) {
        let mut compiled = Vec::new();
        for (src, slot, expr) in &conditions {
            let mut checker = Checker::new(src, env, &mut self.errors, &mut self.variables);
            if let Some(condition) = checker.condition(expr) {
                let text = src.text().get(expr.span.start..expr.span.end).unwrap_or("");
                compiled.push((
                    *slot,
                    Condition {
                        expr: condition,
                        text: text.into(),
                    },
                ));
            }
        }
        for (slot, condition) in compiled {
            if let Some(slot) = env.schema.slots.get_mut(slot) {
                slot.required_when = Some(condition);
            }
        }
    }

    // ------------------------------------------------------------ rules

    fn rules(&mut self, env: &Env, articles: &[Article], entries: &[RuleEntry<'_>]) -> Vec<Rule> {
        entries
            .iter()
            .filter_map(|entry| {
                let mut rule = self.rule(env, articles, entry.src, entry.decl, &entry.origin)?;
                rule.replaced = entry.replaced.clone();
                Some(rule)
            })
            .collect()
    }

    fn rule(
        &mut self,
        env: &Env,
        articles: &[Article],
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
        })
    }

    fn cite(&mut self, src: &Source, articles: &[Article], decl: &RuleDecl) -> Option<Cite> {
        let (label, item) = &decl.cite;
        let Some(index) = articles.iter().position(|a| a.label == label.text) else {
            let labels = articles.iter().map(|a| &*a.label);
            self.errors.push(unknown(src, "article", label, labels));
            return None;
        };
        let article = articles.get(index)?;
        let item = match item {
            None => None,
            Some(item) => {
                let found =
                    numeral(&item.text).and_then(|n| article.items.iter().find(|i| i.number == n));
                let Some(found) = found else {
                    let labels: Vec<String> =
                        article.items.iter().map(|i| i.label.to_string()).collect();
                    let mut error = unknown(src, "item", item, labels.iter().map(String::as_str));
                    if let CheckError::UnknownName { help, .. } = &mut error {
                        *help = Some(format!(
                            "{} has the items {}",
                            article.label,
                            labels.join(" ")
                        ));
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
                    format!(
                        "{} {} rule cannot give `{}`",
                        if decl.kind == Kind::Advisory {
                            "an"
                        } else {
                            "a"
                        },
                        decl.kind.as_str(),
                        clause.outcome.as_str()
                    ),
                    Some(format!("its outcomes are {}", names.join(", "))),
                ));
            }
        }
        self.repeated_conditions(src, decl);
        let otherwise = decl.clauses.iter().position(|c| c.when.is_none());
        match otherwise {
            None => self.errors.push(CheckError::rule(
                src,
                decl.id.span,
                format!("rule `{}` has no `otherwise` clause", decl.id.text),
                Some("end the rule with e.g. `pass otherwise says \"…\"`: what holds when no condition does?".to_owned()),
            )),
            Some(i) if i + 1 < decl.clauses.len() => {
                if let Some(next) = decl.clauses.get(i + 1) {
                    self.errors.push(CheckError::rule(
                        src,
                        next.span,
                        "this clause can never be reached: an `otherwise` clause comes before it".to_owned(),
                        Some("`otherwise` must be the last clause".to_owned()),
                    ));
                }
            }
            Some(_) => {}
        }
    }
}

impl PackChecker {
    /// A clause whose condition repeats an earlier clause's can never decide anything.
    fn repeated_conditions(&mut self, src: &Source, decl: &RuleDecl) {
        for (i, clause) in decl.clauses.iter().enumerate() {
            let Some(when) = &clause.when else { continue };
            let earlier = decl.clauses.iter().take(i).filter_map(|c| c.when.as_ref());
            if earlier.into_iter().any(|e| e == when) {
                self.errors.push(CheckError::rule(
                    src,
                    when.span,
                    "this clause can never be reached: an earlier clause tests the same condition"
                        .to_owned(),
                    Some("remove it, or change one of the two conditions".to_owned()),
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    Open,
    Done,
}

/// The single-segment names an expression mentions (candidates for fact references).
fn names_in<'e>(e: &'e ast::Expr, out: &mut Vec<&'e Name>) {
    match &e.kind {
        ExprKind::Path(names) => {
            if let [name] = names.as_slice() {
                out.push(name);
            }
        }
        ExprKind::List(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| names_in(i, out));
        }
        ExprKind::Not(a) | ExprKind::Negate(a) | ExprKind::Presence(a, _) => names_in(a, out),
        ExprKind::And(a, b)
        | ExprKind::Or(a, b)
        | ExprKind::Compare(_, a, b)
        | ExprKind::Arith(_, a, b)
        | ExprKind::Except(a, b)
        | ExprKind::In(a, b, _)
        | ExprKind::Quantifier(_, _, a, b) => {
            names_in(a, out);
            names_in(b, out);
        }
        ExprKind::If(c, a, b) => {
            names_in(c, out);
            names_in(a, out);
            names_in(b, out);
        }
        _ => {}
    }
}

/// Root slots by dotted path.
fn slot_index(schema: &RecordType) -> HashMap<Arc<str>, usize> {
    schema
        .slots
        .iter()
        .enumerate()
        .map(|(i, s)| (s.path.clone(), i))
        .collect()
}

/// The number of an article label such as `第16条`, its number in Arabic or Chinese numerals.
fn article_number(label: &str) -> Option<u32> {
    let inner = label.strip_prefix('第')?.strip_suffix('条')?;
    numeral(inner)
}

/// A number in Chinese numerals up to 九百九十九, or in ASCII digits.
fn numeral(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in text.chars() {
        match c {
            '百' => total += pending.take().unwrap_or(1) * 100,
            '十' => total += pending.take().unwrap_or(1) * 10,
            _ => pending = Some(u32::try_from(digit(c)?).ok()?),
        }
    }
    let n = total + pending.unwrap_or(0);
    (n > 0).then_some(n)
}

/// An item's label as the article writes it, brackets included.
fn item_label(src: &Source, name: &Name) -> String {
    let text = src.text();
    let open = text
        .get(..name.span.start)
        .and_then(|t| t.chars().next_back());
    let close = text.get(name.span.end..).and_then(|t| t.chars().next());
    match (open, close) {
        (Some(o), Some(c)) => format!("{o}{}{c}", name.text),
        _ => format!("({})", name.text),
    }
}

fn header_error(src: &Source, span: Span, message: &str, help: Option<String>) -> CheckError {
    CheckError::Header {
        message: message.to_owned(),
        src: src.clone(),
        span,
        help,
    }
}

/// The `key value` entries of a header or messages block, taken one key at a time.
struct HeaderEntries<'a> {
    src: &'a Source,
    entries: &'a [(Name, Name)],
    taken: Vec<&'static str>,
    errors: &'a mut Vec<CheckError>,
    what: &'static str,
    ok: bool,
}

impl<'a> HeaderEntries<'a> {
    fn new(src: &'a Source, entries: &'a [(Name, Name)], errors: &'a mut Vec<CheckError>) -> Self {
        Self {
            src,
            entries,
            taken: Vec::new(),
            errors,
            what: "header entry",
            ok: true,
        }
    }

    fn find(&mut self, key: &'static str) -> Option<&'a Name> {
        self.taken.push(key);
        self.entries
            .iter()
            .find(|(k, _)| &*k.text == key)
            .map(|(_, v)| v)
    }

    fn optional(&mut self, key: &'static str) -> Option<Arc<str>> {
        self.find(key).map(|v| v.text.clone())
    }

    fn text(&mut self, key: &'static str) -> Option<Arc<str>> {
        let value = self.optional(key);
        if value.is_none() {
            self.missing(key);
        }
        value
    }

    fn version(&mut self) -> Option<Arc<str>> {
        self.text("version")
    }

    fn date(&mut self, key: &'static str, required: bool) -> Option<NaiveDate> {
        let Some(value) = self.find(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        let date = NaiveDate::parse_from_str(&value.text, "%Y-%m-%d").ok();
        if date.is_none() {
            self.ok = false;
            self.errors.push(CheckError::ty(
                self.src,
                value.span,
                "a date (`2017-09-07`)".to_owned(),
                format!("`{}`", value.text),
            ));
        }
        date
    }

    fn missing(&mut self, key: &'static str) {
        self.ok = false;
        let span = self
            .entries
            .first()
            .map_or_else(Span::default, |(k, _)| k.span);
        self.errors.push(header_error(
            self.src,
            span,
            &format!("the pack's {}s lack `{key}`", self.what),
            None,
        ));
    }

    /// Reports keys nobody asked for; returns whether all was well.
    fn finish(self) -> bool {
        let mut ok = self.ok;
        for (key, _) in self.entries {
            if !self.taken.contains(&&*key.text) {
                ok = false;
                let mut error = unknown(self.src, self.what, key, self.taken.iter().copied());
                if let CheckError::UnknownName { help, .. } = &mut error {
                    if help.is_none() {
                        *help = Some(format!("the {}s are: {}", self.what, self.taken.join(", ")));
                    }
                }
                self.errors.push(error);
            }
        }
        ok
    }
}
