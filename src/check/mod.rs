//! Checking: the syntax trees of a pack's files → a compiled [`Pack`].
//!
//! Resolves every name, infers every type, and reports all problems at once: unknown names
//! (with did-you-mean), type errors, duplicate ids, cycles among facts, outcomes a rule's
//! kind cannot give, and clauses that can never be reached.

mod articles;
mod error;
mod expr;
mod header;
pub mod layers;
mod rules;
mod schema;

use std::collections::HashMap;
use std::sync::Arc;

pub use error::CheckError;
use error::phrase;
use expr::{Checker, Env};
use header::header_error;
use layers::Decls;
use schema::{RecordBuilder, duplicate};

use crate::ast::{self, Binding, ExprKind, File, Name};
use crate::diagnostics::Diagnostics;
use crate::pack::{Condition, DerivedFact, FieldShape, Pack, RecordType, Relation, Type};
use crate::source::{Source, Span};

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

/// Where problems of a pack as a whole are reported: its first file.
fn first_source(files: &[File]) -> Source {
    files
        .first()
        .map_or_else(|| Source::new("", ""), |f| f.source.clone())
}

/// A pack that failed without a reported error cannot happen; report it rather than panic.
fn unreachable_error(files: &[File]) -> Diagnostics<CheckError> {
    let src = first_source(files);
    Diagnostics::one(header_error(
        &src,
        Span::default(),
        phrase("header-empty"),
        None,
    ))
}

/// How many facts may build on one another; see [`PackChecker::too_long_chains`].
const MAX_FACT_CHAIN: usize = 16;

/// How many `let`s a rule may have (each may build on the ones before).
const MAX_LETS: usize = 16;

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
        let mut vocabularies = schema::vocabularies(vocabularies, &mut self.errors);
        schema::add_to_vocabularies(
            &mut vocabularies,
            &layered.vocabulary_additions,
            &mut self.errors,
        );
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
            recent: Default::default(),
            fact_parameters: HashMap::new(),
            relations: HashMap::new(),
        };
        self.parameters(&mut env, parameters);
        let relations = self.relations(&mut env, &layered.relations);
        let plan_field = layered
            .plan_field
            .and_then(|(src, field)| self.plan_field(&env, src, field));
        self.set_parameter_types(&mut env, parameters, &layered.replaced_parameters);
        self.held_by(&env, article_decls);
        let facts = self.facts(&mut env, facts);
        self.conditions(&mut env, conditions, &facts);
        let parameter_values = parameter_values(&env, parameters, &layered.parameter_origins);
        let mut articles = articles;
        for article in &mut articles {
            if let Some(origin) = layered.article_origins.get(&article.label) {
                article.origin = origin.clone();
            }
        }
        let rules = self.rules(&env, &articles, &layered.rules, &parameter_values);
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
            relations,
            plan_field,
            rules,
            variables: self.variables,
            messages,
            chain: layered.chain,
            disabled: layered.disabled,
            own_fields,
            unused_parameters,
            parameters: parameter_values,
        })
    }

    // ------------------------------------------------------------ schema and articles

    fn record<'f>(
        &mut self,
        files: &[File],
        records: &Decls<'f, ast::RecordDecl>,
        vocabularies: &[crate::pack::Vocabulary],
    ) -> (RecordType, Conditions<'f>, Vec<usize>) {
        let Some((src, decl)) = records.first() else {
            let src = first_source(files);
            self.errors.push(header_error(
                &src,
                Span::default(),
                phrase("header-no_record"),
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
                    phrase("header-identity").arg("key", key),
                    Some(phrase("help-identity")),
                ));
            }
        }
        (record, conditions, own_fields)
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
                    phrase("rule-not_constant").arg("parameter", &*decl.name.text),
                    Some(phrase("help-not_constant")),
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
                help: Some(
                    phrase("help-base_type")
                        .arg("parameter", &*base.name.text)
                        .arg("ty", schema::type_name(&base_ty, vocabularies)),
                ),
            });
        }
    }

    /// Whether `name` is already a field, parameter or fact (reporting it if so).
    fn taken(&mut self, env: &Env, src: &Source, name: &Name, what: &'static str) -> bool {
        let text = &*name.text;
        let clash = env.parameters.contains_key(text)
            || env.facts.contains_key(text)
            || env.slots.contains_key(text)
            || env.relations.contains_key(text);
        if clash {
            let mut error = duplicate(src, what, name);
            if let (Some(help), true) = (error.help_mut(), env.parameters.contains_key(text)) {
                *help = Some(phrase("help-set_parameter").arg("parameter", text));
            }
            self.errors.push(error);
        }
        clash
    }

    /// The relations, their keys resolved: each a required root field of text, a term or an
    /// integer, so that every record has a value of it to compare.
    fn relations(&mut self, env: &mut Env, decls: &Decls<ast::RelationDecl>) -> Vec<Relation> {
        let mut out = Vec::new();
        for (src, decl) in decls {
            if self.taken(env, src, &decl.name, "relation") {
                continue;
            }
            let keys: Vec<usize> = decl
                .keys
                .iter()
                .filter_map(|key| self.relation_key(env, src, key))
                .collect();
            if keys.len() == decl.keys.len() {
                env.relations.insert(decl.name.text.clone(), out.len());
                out.push(Relation {
                    name: decl.name.text.clone(),
                    doc: decl.doc.as_ref().map(|doc| doc.text.clone()),
                    keys,
                });
            } else {
                env.poisoned.insert(decl.name.text.clone());
            }
        }
        out
    }

    /// The root slot of the header's `plan_field`: an integer field, the year a project is
    /// planned for.
    fn plan_field(&mut self, env: &Env, src: &Source, field: &Name) -> Option<usize> {
        let Some(&slot) = env.slots.get(&field.text) else {
            let fields = env.slots.keys().map(|k| &**k);
            self.errors
                .push(schema::unknown(src, "field", field, fields));
            return None;
        };
        let integer = env
            .schema
            .slots
            .get(slot)
            .is_some_and(|s| s.ty == Type::Integer);
        if !integer {
            self.errors.push(header_error(
                src,
                field.span,
                phrase("header-plan_field").arg("field", &*field.text),
                None,
            ));
            return None;
        }
        Some(slot)
    }

    /// The root slot of a relation's key field, or `None` after reporting why it cannot be one.
    fn relation_key(&mut self, env: &Env, src: &Source, key: &Name) -> Option<usize> {
        let Some(&slot) = env.slots.get(&key.text) else {
            let fields = env.slots.keys().map(|k| &**k);
            self.errors.push(schema::unknown(src, "field", key, fields));
            return None;
        };
        let usable = env.schema.slots.get(slot).is_some_and(|s| {
            s.required && matches!(s.ty, Type::Text | Type::Term(_) | Type::Integer)
        });
        if !usable {
            self.errors.push(CheckError::rule(
                src,
                key.span,
                phrase("rule-relation_key").arg("field", &*key.text),
                Some(phrase("help-relation_key")),
            ));
            return None;
        }
        Some(slot)
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
            env.take_recent();
            let mut checker = Checker::new(src, env, &mut self.errors, &mut self.variables);
            match checker.check(&decl.expr, None) {
                Some((expr, ty)) => {
                    let parameters = env.take_recent();
                    env.fact_parameters
                        .insert(decl.name.text.clone(), parameters);
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
        cyclic.extend(self.too_long_chains(decls, &index, &order));
        (order, cyclic)
    }

    /// Facts built on a chain of more than [`MAX_FACT_CHAIN`] other facts: evaluation
    /// follows such chains by recursion, so they are an error, not a stack overflow.
    fn too_long_chains(
        &mut self,
        decls: &Decls<Binding>,
        index: &HashMap<&str, usize>,
        order: &[usize],
    ) -> Vec<Arc<str>> {
        let mut chain = vec![0usize; decls.len()];
        let mut too_long = Vec::new();
        for &i in order {
            let Some((src, decl)) = decls.get(i) else {
                continue;
            };
            let mut names = Vec::new();
            names_in(&decl.expr, &mut names);
            let longest = names
                .iter()
                .filter_map(|n| index.get(&*n.text).and_then(|&j| chain.get(j)))
                .max()
                .copied()
                .unwrap_or(0);
            if let Some(slot) = chain.get_mut(i) {
                *slot = longest + 1;
            }
            if longest + 1 == MAX_FACT_CHAIN + 1 {
                too_long.push(decl.name.text.clone());
                self.errors.push(CheckError::rule(
                    src,
                    decl.name.span,
                    phrase("rule-fact_chain")
                        .arg("fact", &*decl.name.text)
                        .arg("limit", MAX_FACT_CHAIN.to_string()),
                    Some(phrase("help-fact_chain")),
                ));
            }
        }
        too_long
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
    /// `required when` conditions. What a record must contain cannot depend on the day it
    /// is read (a record that loads today must load tomorrow), so a condition may not read
    /// `as_of` or `happened(…)`.
    fn conditions(&mut self, env: &mut Env, conditions: Conditions, facts: &[DerivedFact]) {
        let mut compiled = Vec::new();
        let dated = crate::pack::dated_facts(facts);
        for (src, slot, expr) in &conditions {
            let mut checker = Checker::new(src, env, &mut self.errors, &mut self.variables);
            if let Some(condition) = checker.condition(expr) {
                if condition.reads_date(&dated) {
                    self.errors.push(CheckError::rule(
                        src,
                        expr.span,
                        phrase("rule-required_when_date"),
                        Some(phrase("help-required_when_date")),
                    ));
                    continue;
                }
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

/// Every checked parameter with its value and the edition that gave it, in declaration
/// order.
fn parameter_values(
    env: &Env,
    decls: &Decls<Binding>,
    origins: &HashMap<Arc<str>, Arc<str>>,
) -> Vec<crate::pack::Parameter> {
    decls
        .iter()
        .filter_map(|(_, decl)| {
            let (value, _) = env.parameters.get(&decl.name.text)?;
            Some(crate::pack::Parameter {
                name: decl.name.text.clone(),
                value: value.clone(),
                origin: origins.get(&decl.name.text)?.clone(),
            })
        })
        .collect()
}
