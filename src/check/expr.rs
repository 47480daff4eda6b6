//! Checking expressions: resolving names, inferring types, and compiling to [`pack::Expr`].

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rust_decimal::Decimal;

use super::error::{CheckError, phrase};
use super::schema::{index, term, type_name, unknown};
use crate::ast::{self, ExprKind, Name, TemplatePart};
use crate::i18n::{Arg, Message};
use crate::pack::{
    ArithOp, CompareOp, Expr, FieldRef, Function, Part, Quantifier, QuantifierKind, RecordType,
    Template, Type, Vocabulary,
};
use crate::source::{Source, Span};
use crate::value::Value;

/// Everything a name in an expression can refer to, besides rule-local names.
pub struct Env {
    /// The vocabularies.
    pub vocabularies: Vec<Vocabulary>,
    /// The root record type.
    pub schema: RecordType,
    /// Root slots by dotted path.
    pub slots: HashMap<Arc<str>, usize>,
    /// Parameters: their constant value and type.
    pub parameters: HashMap<Arc<str>, (Value, Type)>,
    /// Checked facts: index and type.
    pub facts: HashMap<Arc<str>, (usize, Type)>,
    /// Facts and parameters whose definitions failed: their uses report nothing more.
    pub poisoned: HashSet<Arc<str>>,
    /// Parameters some expression uses, for the unused-parameter warning.
    pub used: std::cell::RefCell<HashSet<Arc<str>>>,
    /// Parameters used since this was last taken, directly or through a fact, in order of
    /// use (repeats allowed): what a fact or a rule depends on.
    pub recent: std::cell::RefCell<Vec<Arc<str>>>,
    /// The parameters each checked fact depends on, by fact name.
    pub fact_parameters: HashMap<Arc<str>, Vec<Arc<str>>>,
    /// Checked relations, by name: their index.
    pub relations: HashMap<Arc<str>, usize>,
}

impl Env {
    /// The parameters used since the last call, each once, in order of first use.
    pub fn take_recent(&self) -> Vec<Arc<str>> {
        let mut seen: HashSet<Arc<str>> = HashSet::new();
        let recent = self.recent.take();
        recent
            .into_iter()
            .filter(|n| seen.insert(n.clone()))
            .collect()
    }
}

/// What the right side of `term in NAME` turned out to be.
enum Class {
    /// A class of the term's vocabulary: (vocabulary, class).
    Found(u32, u32),
    /// An unknown class, already reported.
    Reported,
    /// Not a class name: a list.
    List,
}

/// What a quantifier variable ranges over.
#[derive(Clone)]
enum Element {
    /// A row of this record type.
    Row(Arc<RecordType>),
    /// A plain value of this type.
    Value(Type),
    /// Another record, a member of a relation: its fields are the root record's.
    Record,
}

/// A quantifier variable in scope.
#[derive(Clone)]
struct Variable {
    name: Arc<str>,
    index: usize,
    element: Element,
}

/// Checks the expressions of one fact, parameter or rule.
pub struct Checker<'a> {
    src: &'a Source,
    env: &'a Env,
    errors: &'a mut Vec<CheckError>,
    next_variable: &'a mut usize,
    lets: Vec<(Arc<str>, Type)>,
    /// Lets whose definitions failed: their uses report nothing more.
    poisoned: Vec<Arc<str>>,
    scope: Vec<Variable>,
    /// Variables declared by the rule's conditions so far, visible to later messages.
    declared: Vec<Variable>,
}

type Typed = (Expr, Type);

impl<'a> Checker<'a> {
    pub fn new(
        src: &'a Source,
        env: &'a Env,
        errors: &'a mut Vec<CheckError>,
        next_variable: &'a mut usize,
    ) -> Self {
        Self {
            src,
            env,
            errors,
            next_variable,
            lets: Vec::new(),
            poisoned: Vec::new(),
            scope: Vec::new(),
            declared: Vec::new(),
        }
    }

    /// Declares a rule-local `let`; returns its slot.
    pub fn declare_let(&mut self, name: &Name, ty: Type) -> usize {
        self.lets.push((name.text.clone(), ty));
        self.lets.len() - 1
    }

    /// Whether a `let` of this name exists already.
    pub fn has_let(&self, name: &str) -> bool {
        self.lets.iter().any(|(n, _)| &**n == name) || self.poisoned.iter().any(|n| &**n == name)
    }

    /// Records a `let` whose definition failed, so its uses add no further errors.
    pub fn poison_let(&mut self, name: &Name) {
        self.poisoned.push(name.text.clone());
    }

    /// Brings the variables declared by this rule's conditions so far into scope, for a
    /// message: a quantifier leaves its variable bound to the element that decided it.
    pub fn with_declared<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let depth = self.scope.len();
        self.scope.extend(self.declared.iter().rev().cloned());
        let result = f(self);
        self.scope.truncate(depth);
        result
    }

    /// Checks a condition: it must be yes/no.
    pub fn condition(&mut self, e: &ast::Expr) -> Option<Expr> {
        self.expect(e, &Type::Bool)
    }

    /// Checks an expression that must have type `ty`.
    pub fn expect(&mut self, e: &ast::Expr, ty: &Type) -> Option<Expr> {
        let (expr, found) = self.check(e, Some(ty))?;
        if compatible(&found, ty) {
            Some(expr)
        } else {
            self.mismatch(e.span, ty, &found);
            None
        }
    }

    /// Checks a message.
    pub fn template(&mut self, t: &ast::Template) -> Template {
        let parts = t.parts.iter().filter_map(|part| match part {
            TemplatePart::Text(text) => Some(Part::Text(text.as_str().into())),
            TemplatePart::Expr(e) => self.check(e, None).map(|(expr, _)| Part::Expr(expr)),
        });
        Template {
            parts: parts.collect(),
        }
    }

    /// Infers the type of an expression; `hint` helps resolve bare vocabulary terms.
    pub fn check(&mut self, e: &ast::Expr, hint: Option<&Type>) -> Option<Typed> {
        match &e.kind {
            ExprKind::Path(names) => self.path(names, e.span, hint),
            ExprKind::Date(d) => Some((Expr::Const(Value::Date(*d)), Type::Date)),
            ExprKind::MonthDay(md) => Some((Expr::Const(Value::MonthDay(*md)), Type::MonthDay)),
            ExprKind::Number(n) => self.number(n, e.span, hint),
            ExprKind::Bool(b) => Some((Expr::Const(Value::Bool(*b)), Type::Bool)),
            ExprKind::Text(t) => Some((Expr::Const(Value::Text(t.clone())), Type::Text)),
            ExprKind::Period(p) => Some((Expr::Const(Value::Period(*p)), Type::Period)),
            ExprKind::List(items) => self.list(items, e.span, hint),
            ExprKind::Call(name, args) => self.call(name, args, e.span),
            ExprKind::Not(inner) => {
                let inner = self.condition(inner)?;
                Some((Expr::Not(Box::new(inner)), Type::Bool))
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let (a, b) = (self.condition(a), self.condition(b));
                let (a, b) = (Box::new(a?), Box::new(b?));
                let and = matches!(e.kind, ExprKind::And(..));
                Some((
                    if and { Expr::And(a, b) } else { Expr::Or(a, b) },
                    Type::Bool,
                ))
            }
            ExprKind::Compare(op, a, b) => self.compare(*op, a, b),
            ExprKind::Arith(op, a, b) => self.arith(*op, a, b, e.span),
            ExprKind::Negate(inner) => self.negate(inner),
            ExprKind::Except(a, b) => self.except(a, b, e.span),
            ExprKind::Presence(inner, present) => {
                let field = self.field_ref(inner, "`is present` and `is absent`")?;
                Some((Expr::Presence(field, *present), Type::Bool))
            }
            ExprKind::In(item, list, negated) => self.membership(item, list, *negated),
            ExprKind::Quantifier(kind, var, list, body) => self.quantifier(*kind, var, list, body),
            ExprKind::If(c, a, b) => self.conditional(c, a, b, hint),
        }
    }

    // ------------------------------------------------------------ names

    fn path(&mut self, names: &[Name], span: Span, hint: Option<&Type>) -> Option<Typed> {
        let (first, rest) = names.split_first()?;
        if let Some(var) = self
            .scope
            .iter()
            .rev()
            .find(|v| v.name == first.text)
            .cloned()
        {
            return self.variable_path(&var, rest, span);
        }
        if rest.is_empty()
            && self.env.relations.contains_key(&first.text)
            && !self.has_let(&first.text)
        {
            self.errors.push(CheckError::rule(
                self.src,
                span,
                phrase("rule-relation_value").arg("name", &*first.text),
                Some(phrase("help-relation_value").arg("name", &*first.text)),
            ));
            return None;
        }
        if rest.is_empty() {
            if let Some(found) = self.simple_name(first, hint) {
                return Some(found);
            }
            let text = &first.text;
            if self.poisoned.contains(text) || self.env.poisoned.contains(text) {
                return None;
            }
        }
        let dotted = join(names);
        if let Some(&slot) = self.env.slots.get(dotted.as_str()) {
            let ty = self.env.schema.slots.get(slot)?.ty.clone();
            return Some((Expr::Field(FieldRef::Root(slot)), ty));
        }
        let name = Name {
            text: dotted.into(),
            span,
        };
        match (hint, rest.is_empty()) {
            (Some(Type::Term(v)), true) => self.not_a_term(&name, *v),
            _ => self.unknown_name(&name),
        }
        None
    }

    /// A bare name compared with a vocabulary's term that is neither a name nor a term of it.
    fn not_a_term(&mut self, name: &Name, vocabulary: u32) {
        let Some(vocabulary) = self.env.vocabularies.get(vocabulary as usize) else {
            return self.unknown_name(name);
        };
        let terms = vocabulary.terms.iter().map(|t| &**t);
        self.errors.push(CheckError::UnknownName {
            what: "term",
            name: name.text.to_string(),
            of: Some(vocabulary.name.to_string()),
            src: self.src.clone(),
            span: name.span,
            help: did_you_mean(&name.text, terms),
        });
    }

    /// A single name: a let, fact, parameter, `as_of`, or vocabulary term.
    fn simple_name(&mut self, name: &Name, hint: Option<&Type>) -> Option<Typed> {
        let text = &*name.text;
        if let Some(slot) = self.lets.iter().rposition(|(n, _)| &**n == text) {
            let ty = self.lets.get(slot)?.1.clone();
            return Some((Expr::Let(slot), ty));
        }
        if let Some((i, ty)) = self.env.facts.get(text) {
            if let Some(parameters) = self.env.fact_parameters.get(text) {
                self.env
                    .recent
                    .borrow_mut()
                    .extend(parameters.iter().cloned());
            }
            return Some((Expr::Fact(*i), ty.clone()));
        }
        if let Some((value, ty)) = self.env.parameters.get(text) {
            self.env.used.borrow_mut().insert(name.text.clone());
            self.env.recent.borrow_mut().push(name.text.clone());
            return Some((Expr::Const(value.clone()), ty.clone()));
        }
        if text == "as_of" {
            return Some((Expr::AsOf, Type::Date));
        }
        self.term(name, hint)
    }

    /// A bare vocabulary term: of the hinted vocabulary, or the only vocabulary that has it.
    fn term(&mut self, name: &Name, hint: Option<&Type>) -> Option<Typed> {
        let hinted = match hint {
            Some(Type::Term(v)) => Some(*v),
            Some(Type::List(element)) => match **element {
                Type::Term(v) => Some(v),
                _ => None,
            },
            _ => None,
        };
        if let Some(t) = hinted.and_then(|v| term(&self.env.vocabularies, v, &name.text)) {
            let v = t.vocabulary;
            return Some((Expr::Const(Value::Term(t)), Type::Term(v)));
        }
        let mut found = (0..self.env.vocabularies.len())
            .filter_map(|v| term(&self.env.vocabularies, index(v), &name.text));
        let first = found.next()?;
        if found.next().is_some() {
            self.errors.push(CheckError::rule(
                self.src,
                name.span,
                phrase("rule-ambiguous_term").arg("term", &*name.text),
                Some(phrase("help-ambiguous_term")),
            ));
            return None;
        }
        let v = first.vocabulary;
        Some((Expr::Const(Value::Term(first)), Type::Term(v)))
    }

    fn variable_path(&mut self, var: &Variable, rest: &[Name], span: Span) -> Option<Typed> {
        match (&var.element, rest) {
            (Element::Value(ty), []) => Some((Expr::Var(var.index), ty.clone())),
            (Element::Record, [_, ..]) => {
                let path = join(rest);
                let Some(&slot) = self.env.slots.get(path.as_str()) else {
                    let candidates = self.env.slots.keys().map(|k| &**k);
                    let help = did_you_mean(&path, candidates);
                    self.errors.push(CheckError::UnknownName {
                        what: "field",
                        name: format!("{}.{path}", var.name),
                        of: None,
                        src: self.src.clone(),
                        span,
                        help,
                    });
                    return None;
                };
                let ty = self.env.schema.slots.get(slot)?.ty.clone();
                let field = FieldRef::Element {
                    var: var.index,
                    slot,
                };
                Some((Expr::Field(field), ty))
            }
            (Element::Row(record), [_, ..]) => {
                let path = join(rest);
                let slot = record.slots.iter().position(|s| *s.path == *path);
                let Some(slot) = slot else {
                    let candidates = record.slots.iter().map(|s| &*s.path);
                    let name = Name {
                        text: format!("{}.{path}", var.name).into(),
                        span,
                    };
                    let help = did_you_mean(&path, candidates);
                    self.errors.push(CheckError::UnknownName {
                        what: "field",
                        name: name.text.to_string(),
                        of: None,
                        src: self.src.clone(),
                        span,
                        help,
                    });
                    return None;
                };
                let ty = record.slots.get(slot)?.ty.clone();
                Some((
                    Expr::Field(FieldRef::Element {
                        var: var.index,
                        slot,
                    }),
                    ty,
                ))
            }
            _ => {
                self.errors.push(CheckError::rule(
                    self.src,
                    span,
                    phrase("rule-whole_element").arg("name", &*var.name),
                    None,
                ));
                None
            }
        }
    }

    fn unknown_name(&mut self, name: &Name) {
        let env = self.env;
        let candidates: Vec<&str> = self
            .lets
            .iter()
            .map(|(n, _)| &**n)
            .chain(self.scope.iter().map(|v| &*v.name))
            .chain(env.facts.keys().map(|k| &**k))
            .chain(env.parameters.keys().map(|k| &**k))
            .chain(env.slots.keys().map(|k| &**k))
            .chain(
                env.vocabularies
                    .iter()
                    .flat_map(|v| v.terms.iter().map(|t| &**t)),
            )
            .collect();
        let what = if name.text.contains('.') {
            "field"
        } else {
            "name"
        };
        self.errors.push(unknown(self.src, what, name, candidates));
    }

    /// The field an `is present`/`happened` test names.
    fn field_ref(&mut self, e: &ast::Expr, what: &str) -> Option<FieldRef> {
        if let ExprKind::Path(names) = &e.kind {
            if let Some((Expr::Field(field), _)) = self.path(names, e.span, None) {
                return Some(field);
            }
            return None;
        }
        self.errors.push(CheckError::rule(
            self.src,
            e.span,
            phrase("rule-not_a_field").arg("what", what),
            Some(phrase("help-not_a_field")),
        ));
        None
    }

    // ------------------------------------------------------------ literals

    fn number(&mut self, text: &str, span: Span, hint: Option<&Type>) -> Option<Typed> {
        let money = matches!(hint, Some(Type::Money)) || text.contains('.');
        if !money {
            if let Ok(i) = text.parse::<i64>() {
                return Some((Expr::Const(Value::Int(i)), Type::Integer));
            }
        }
        match Decimal::from_str_exact(text) {
            Ok(d) => Some((Expr::Const(Value::Money(d)), Type::Money)),
            Err(_) => {
                self.errors.push(CheckError::rule(
                    self.src,
                    span,
                    phrase("rule-number_range").arg("number", text),
                    None,
                ));
                None
            }
        }
    }

    fn list(&mut self, items: &[ast::Expr], span: Span, hint: Option<&Type>) -> Option<Typed> {
        let mut element = match hint {
            Some(Type::List(element)) => Some((**element).clone()),
            _ => None,
        };
        let mut out = Vec::new();
        for item in items {
            let (expr, ty) = self.check(item, element.as_ref())?;
            match &element {
                Some(expected) if !compatible(&ty, expected) => {
                    self.mismatch(item.span, expected, &ty);
                    return None;
                }
                Some(_) => {}
                None => element = Some(ty),
            }
            out.push(expr);
        }
        let Some(element) = element else {
            self.errors.push(CheckError::rule(
                self.src,
                span,
                phrase("rule-empty_list"),
                Some(phrase("help-empty_list")),
            ));
            return None;
        };
        let ty = Type::List(Box::new(element));
        // A list of constants is itself a constant, built once here, not per record.
        let constants: Option<Vec<Value>> = out
            .iter()
            .map(|item| match item {
                Expr::Const(value) => Some(value.clone()),
                _ => None,
            })
            .collect();
        match constants {
            Some(values) => Some((Expr::Const(Value::List(values.into())), ty)),
            None => Some((Expr::List(out), ty)),
        }
    }

    // ------------------------------------------------------------ operators

    fn compare(&mut self, op: CompareOp, a: &ast::Expr, b: &ast::Expr) -> Option<Typed> {
        let (left, lt) = self.check_with_partner(a, b)?;
        let (right, rt) = self.check(b, Some(&lt))?;
        if !compatible(&lt, &rt) {
            self.mismatch(b.span, &lt, &rt);
            return None;
        }
        let ordered = matches!(
            lt,
            Type::Integer | Type::Money | Type::Date | Type::MonthDay
        );
        if !ordered && !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            let what = type_name(&lt, &self.env.vocabularies);
            self.errors.push(CheckError::rule(
                self.src,
                a.span.to(b.span),
                phrase("rule-no_order").arg("what", what),
                None,
            ));
            return None;
        }
        Some((
            Expr::Compare(op, Box::new(left), Box::new(right)),
            Type::Bool,
        ))
    }

    /// Checks `a`; if it is a bare term, checks `b` first so `a` can take its vocabulary.
    fn check_with_partner(&mut self, a: &ast::Expr, b: &ast::Expr) -> Option<Typed> {
        if is_bare_name(a) && !self.names_value(a) {
            let errors = self.errors.len();
            if let Some((_, bt)) = self.check(b, None) {
                return self.check(a, Some(&bt));
            }
            self.errors.truncate(errors);
        }
        self.check(a, None)
    }

    /// Whether a bare name refers to something other than a vocabulary term.
    fn names_value(&self, e: &ast::Expr) -> bool {
        let ExprKind::Path(names) = &e.kind else {
            return true;
        };
        let Some(first) = names.first() else {
            return true;
        };
        let text = &*first.text;
        self.lets.iter().any(|(n, _)| &**n == text)
            || self.scope.iter().any(|v| &*v.name == text)
            || self.env.facts.contains_key(text)
            || self.env.parameters.contains_key(text)
            || self.env.slots.contains_key(text)
            || text == "as_of"
    }

    fn arith(&mut self, op: ArithOp, a: &ast::Expr, b: &ast::Expr, span: Span) -> Option<Typed> {
        let (left, lt) = self.check(a, None)?;
        let (right, rt) = self.check(b, Some(&lt))?;
        use Type::*;
        let ty = match (op, &lt, &rt) {
            (ArithOp::Add | ArithOp::Sub, Integer, Integer) => Integer,
            (ArithOp::Mul, Integer, Integer) => Integer,
            (ArithOp::Add | ArithOp::Sub, Money, Money | Integer)
            | (ArithOp::Add | ArithOp::Sub, Integer, Money) => Money,
            (ArithOp::Mul, Money, Integer) | (ArithOp::Mul, Integer, Money) => Money,
            (ArithOp::Add | ArithOp::Sub, Date, Period) => Date,
            (ArithOp::Add, Period, Date) => Date,
            (ArithOp::Add | ArithOp::Sub, Period, Period) => Period,
            _ => {
                let (l, r) = (
                    type_name(&lt, &self.env.vocabularies),
                    type_name(&rt, &self.env.vocabularies),
                );
                let help = match (&lt, &rt) {
                    (Date, Date) => Some(phrase("help-days_between")),
                    (Date, Integer) => Some(phrase("help-add_period")),
                    _ => None,
                };
                self.errors.push(CheckError::rule(
                    self.src,
                    span,
                    phrase("rule-arithmetic")
                        .arg("operator", arith_symbol(op))
                        .arg("left", l)
                        .arg("right", r),
                    help,
                ));
                return None;
            }
        };
        Some((Expr::Arith(op, Box::new(left), Box::new(right)), ty))
    }

    fn negate(&mut self, inner: &ast::Expr) -> Option<Typed> {
        let (expr, ty) = self.check(inner, None)?;
        if !matches!(ty, Type::Integer | Type::Money | Type::Period) {
            self.mismatch(inner.span, &Type::Integer, &ty);
            return None;
        }
        Some((Expr::Negate(Box::new(expr)), ty))
    }

    fn except(&mut self, a: &ast::Expr, b: &ast::Expr, span: Span) -> Option<Typed> {
        let (right, rt) = self.check(b, None)?;
        let (left, lt) = self.check(a, Some(&rt))?;
        if !matches!(lt, Type::List(_)) || !compatible(&lt, &rt) {
            self.errors.push(CheckError::rule(
                self.src,
                span,
                phrase("rule-except"),
                None,
            ));
            return None;
        }
        Some((Expr::Except(Box::new(left), Box::new(right)), lt))
    }

    fn membership(&mut self, item: &ast::Expr, list: &ast::Expr, negated: bool) -> Option<Typed> {
        let (item_expr, item_ty) = self.check_with_list_partner(item, list)?;
        let test = match self.class(&item_ty, list) {
            Class::Found(v, c) => Expr::InClass(Box::new(item_expr), v, c),
            Class::Reported => return None,
            Class::List => {
                let hint = Type::List(Box::new(item_ty.clone()));
                let (list_expr, list_ty) = self.check(list, Some(&hint))?;
                if !compatible(&list_ty, &hint) {
                    self.mismatch(list.span, &hint, &list_ty);
                    return None;
                }
                Expr::InList(Box::new(item_expr), Box::new(list_expr))
            }
        };
        let test = if negated {
            Expr::Not(Box::new(test))
        } else {
            test
        };
        Some((test, Type::Bool))
    }

    /// Checks the item of `item in list`; a bare term takes the list's vocabulary.
    fn check_with_list_partner(&mut self, item: &ast::Expr, list: &ast::Expr) -> Option<Typed> {
        if is_bare_name(item) && !self.names_value(item) {
            let errors = self.errors.len();
            if let Some((_, Type::List(element))) = self.check(list, None) {
                return self.check(item, Some(&element));
            }
            self.errors.truncate(errors);
        }
        self.check(item, None)
    }

    /// `term in CLASS`: the class, if `list` is a bare name and the item is a term.
    fn class(&mut self, item: &Type, list: &ast::Expr) -> Class {
        let Type::Term(v) = item else {
            return Class::List;
        };
        let ExprKind::Path(names) = &list.kind else {
            return Class::List;
        };
        let ([name], false) = (names.as_slice(), self.names_value(list)) else {
            return Class::List;
        };
        let Some(vocabulary) = self.env.vocabularies.get(*v as usize) else {
            return Class::List;
        };
        if let Some(c) = vocabulary.classes.iter().position(|c| c.name == name.text) {
            return Class::Found(*v, index(c));
        }
        let classes: Vec<&str> = vocabulary.classes.iter().map(|c| &*c.name).collect();
        let mut error = unknown(self.src, "class", name, classes.iter().copied());
        if let CheckError::UnknownName { help, .. } = &mut error {
            if help.is_none() {
                *help = Some(
                    phrase("help-classes")
                        .arg("vocabulary", &*vocabulary.name)
                        .arg("classes", Arg::List(to_strings(&classes))),
                );
            }
        }
        self.errors.push(error);
        Class::Reported
    }

    fn conditional(
        &mut self,
        c: &ast::Expr,
        a: &ast::Expr,
        b: &ast::Expr,
        hint: Option<&Type>,
    ) -> Option<Typed> {
        let condition = self.condition(c);
        let (then, then_ty) = self
            .check_with_partner(a, b)
            .or_else(|| self.check(a, hint))?;
        let (otherwise, else_ty) = self.check(b, Some(&then_ty))?;
        if !compatible(&then_ty, &else_ty) {
            self.mismatch(b.span, &then_ty, &else_ty);
            return None;
        }
        let expr = Expr::If(Box::new(condition?), Box::new(then), Box::new(otherwise));
        Some((expr, then_ty))
    }

    fn quantifier(
        &mut self,
        kind: QuantifierKind,
        var: &Name,
        list: &ast::Expr,
        body: &ast::Expr,
    ) -> Option<Typed> {
        let (list_expr, element, rows) = match self.relation(list) {
            Some(relation) => (Expr::Relation(relation), Element::Record, true),
            None => self.quantified_list(list)?,
        };
        let variable = Variable {
            name: var.text.clone(),
            index: *self.next_variable,
            element,
        };
        *self.next_variable += 1;
        self.scope.push(variable.clone());
        let body = self.condition(body);
        self.scope.pop();
        self.declared.push(variable.clone());
        let ty = if kind == QuantifierKind::Count {
            Type::Integer
        } else {
            Type::Bool
        };
        let quantifier = Quantifier {
            kind,
            var: variable.index,
            rows,
            list: list_expr,
            body: body?,
        };
        Some((Expr::Quantifier(Box::new(quantifier)), ty))
    }

    /// The relation a quantifier's list names, unless a `let` or a variable of that name
    /// hides it.
    fn relation(&self, list: &ast::Expr) -> Option<usize> {
        let ExprKind::Path(names) = &list.kind else {
            return None;
        };
        let [name] = names.as_slice() else {
            return None;
        };
        let hidden = self.has_let(&name.text) || self.scope.iter().any(|v| v.name == name.text);
        if hidden {
            return None;
        }
        self.env.relations.get(&name.text).copied()
    }

    /// The list of a quantifier over a list field or value: its expression, what its
    /// elements are, and whether they are rows.
    fn quantified_list(&mut self, list: &ast::Expr) -> Option<(Expr, Element, bool)> {
        let (list_expr, list_ty) = self.check(list, None)?;
        let (element, rows) = match list_ty {
            Type::Rows(record) => (Element::Row(record), true),
            Type::List(ty) => (Element::Value(*ty), false),
            other => {
                let found = type_name(&other, &self.env.vocabularies);
                self.errors.push(CheckError::ty(
                    self.src,
                    list.span,
                    phrase("type-some_list"),
                    found,
                ));
                return None;
            }
        };
        Some((list_expr, element, rows))
    }

    // ------------------------------------------------------------ functions

    fn call(&mut self, name: &Name, args: &[ast::Expr], span: Span) -> Option<Typed> {
        let (function, params, result): (Function, &[Type], Type) = match &*name.text {
            "date" => (Function::Date, &[Type::Integer, Type::MonthDay], Type::Date),
            "days" => (Function::Days, &[Type::Date, Type::Date], Type::Integer),
            "year" => (Function::Year, &[Type::Date], Type::Integer),
            "count" => return self.count(args, span),
            "happened" => return self.happened(args, span),
            _ => {
                let functions = ["date", "days", "year", "count", "happened"];
                self.errors
                    .push(unknown(self.src, "function", name, functions));
                return None;
            }
        };
        if !self.arity(name, args, params.len(), span) {
            return None;
        }
        let checked: Vec<Option<Expr>> = args
            .iter()
            .zip(params)
            .map(|(a, p)| self.expect(a, p))
            .collect();
        let args = checked.into_iter().collect::<Option<Vec<_>>>()?;
        Some((Expr::Call(function, args), result))
    }

    fn count(&mut self, args: &[ast::Expr], span: Span) -> Option<Typed> {
        let name = Name {
            text: "count".into(),
            span,
        };
        if !self.arity(&name, args, 1, span) {
            return None;
        }
        let list = args.first()?;
        let (expr, ty) = self.check(list, None)?;
        if !matches!(ty, Type::List(_) | Type::Rows(_)) {
            let found = type_name(&ty, &self.env.vocabularies);
            self.errors.push(CheckError::ty(
                self.src,
                list.span,
                phrase("type-some_list"),
                found,
            ));
            return None;
        }
        Some((Expr::Call(Function::Count, vec![expr]), Type::Integer))
    }

    fn happened(&mut self, args: &[ast::Expr], span: Span) -> Option<Typed> {
        let name = Name {
            text: "happened".into(),
            span,
        };
        if !self.arity(&name, args, 1, span) {
            return None;
        }
        let arg = args.first()?;
        let field = self.field_ref(arg, "`happened(…)`")?;
        let (_, ty) = self.check(arg, None)?;
        if ty != Type::Date {
            self.mismatch(arg.span, &Type::Date, &ty);
            return None;
        }
        Some((Expr::Happened(field), Type::Bool))
    }

    fn arity(&mut self, name: &Name, args: &[ast::Expr], wanted: usize, span: Span) -> bool {
        if args.len() == wanted {
            return true;
        }
        self.errors.push(CheckError::rule(
            self.src,
            span,
            phrase("rule-arity")
                .arg("function", &*name.text)
                .arg("wanted", wanted)
                .arg("found", args.len()),
            signature(&name.text),
        ));
        false
    }

    fn mismatch(&mut self, span: Span, expected: &Type, found: &Type) {
        let vocabularies = &self.env.vocabularies;
        let mut error = CheckError::ty(
            self.src,
            span,
            type_name(expected, vocabularies),
            type_name(found, vocabularies),
        );
        if let Some(help) = error.help_mut() {
            *help = type_help(expected, found);
        }
        self.errors.push(error);
    }
}

/// Whether a value of type `found` may stand where `wanted` is expected.
pub fn compatible(found: &Type, wanted: &Type) -> bool {
    match (found, wanted) {
        (Type::Integer, Type::Money) | (Type::Money, Type::Integer) => true,
        (Type::List(a), Type::List(b)) => compatible(a, b),
        (Type::Rows(a), Type::Rows(b)) => Arc::ptr_eq(a, b),
        (a, b) => a == b,
    }
}

/// How a built-in function is called, as help.
fn signature(function: &str) -> Option<Message> {
    let signature = match function {
        "date" => return Some(phrase("help-signature_date")),
        "days" => "days(from, to)",
        "year" => "year(date)",
        "count" => "count(list)",
        "happened" => "happened(date field)",
        _ => return None,
    };
    Some(phrase("help-signature").arg("signature", signature))
}

fn type_help(expected: &Type, found: &Type) -> Option<Message> {
    match (expected, found) {
        (Type::Bool, Type::Integer | Type::Money) => Some(phrase("help-number_as_condition")),
        (Type::Bool, Type::Date) => Some(phrase("help-date_as_condition")),
        (Type::Bool, Type::Text | Type::Term(_)) => Some(phrase("help-text_as_condition")),
        _ => None,
    }
}

/// A did-you-mean help, if a candidate is close to `word`.
pub(super) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<Message> {
    crate::fuzzy::did_you_mean(word, candidates)
        .map(|close| phrase("help-did_you_mean").arg("suggestion", close))
}

/// Names as the owned strings a list argument holds.
pub(super) fn to_strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| (*name).to_owned()).collect()
}

fn is_bare_name(e: &ast::Expr) -> bool {
    matches!(&e.kind, ExprKind::Path(names) if names.len() == 1)
}

fn join(names: &[Name]) -> String {
    let parts: Vec<&str> = names.iter().map(|n| &*n.text).collect();
    parts.join(".")
}

fn arith_symbol(op: ArithOp) -> &'static str {
    match op {
        ArithOp::Add => "+",
        ArithOp::Sub => "-",
        ArithOp::Mul => "*",
    }
}

impl Checker<'_> {
    /// Reports an error found by the caller while this checker is in use.
    pub fn push_error(&mut self, error: CheckError) {
        self.errors.push(error);
    }
}
