//! Lowering: pest pairs → syntax tree, one function per grammar rule.
//!
//! The grammar guarantees each pair's shape, so the functions here walk children in order;
//! where a child is unexpectedly missing they fall back to an empty node rather than panic.

use chrono::NaiveDate;
use pest::iterators::{Pair, Pairs};

use super::error::SyntaxError;
use super::{Rule, parse_interpolation};
use crate::ast::*;
use crate::pack::{ArithOp, CompareOp, QuantifierKind};
use crate::source::{Source, Span};
use crate::value::{MonthDay, Period};
use crate::verdict::{Kind, Outcome};

/// Builds the syntax tree of one file, collecting the errors pest cannot see (bad dates,
/// repeated entries, broken interpolations).
pub struct Lowering<'s> {
    source: &'s Source,
    offset: usize,
    errors: Vec<SyntaxError>,
}

impl<'s> Lowering<'s> {
    pub fn new(source: &'s Source) -> Self {
        Self {
            source,
            offset: 0,
            errors: Vec::new(),
        }
    }

    pub fn into_errors(self) -> Vec<SyntaxError> {
        self.errors
    }

    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(s.start(), s.end()).shifted(self.offset)
    }

    fn name(&self, pair: &Pair<'_, Rule>) -> Name {
        Name {
            text: pair.as_str().into(),
            span: self.span(pair),
        }
    }

    pub fn file(&mut self, mut pairs: Pairs<'_, Rule>) -> Vec<Declaration> {
        let Some(file) = pairs.next() else {
            return Vec::new();
        };
        file.into_inner()
            .filter(|p| p.as_rule() != Rule::EOI)
            .map(|p| self.declaration(p))
            .collect()
    }

    fn declaration(&mut self, pair: Pair<'_, Rule>) -> Declaration {
        match pair.as_rule() {
            Rule::pack => Declaration::Pack(self.pack(pair)),
            Rule::vocabulary => Declaration::Vocabulary(self.vocabulary(pair)),
            Rule::record => Declaration::Record(RecordDecl {
                span: self.span(&pair),
                fields: self.fields(pair.into_inner().skip(1)),
            }),
            Rule::article => Declaration::Article(self.article(pair)),
            Rule::parameter => Declaration::Parameter(self.binding(pair.into_inner().skip(1))),
            Rule::fact => Declaration::Fact(self.binding(pair.into_inner().skip(1))),
            _ => Declaration::Rule(self.rule(pair)),
        }
    }

    // ------------------------------------------------------------ header and schema

    fn pack(&mut self, pair: Pair<'_, Rule>) -> PackDecl {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().skip(1);
        let name = inner
            .next()
            .map(|p| self.text_or_name(p))
            .unwrap_or_else(|| self.empty(span));
        let mut decl = PackDecl {
            name,
            extends: None,
            entries: Vec::new(),
            messages: Vec::new(),
            span,
        };
        for entry in inner {
            match entry.as_rule() {
                Rule::extends => decl.extends = self.key_value(entry),
                Rule::messages => {
                    let pairs = entry.into_inner().filter_map(|p| self.key_value(p));
                    decl.messages = pairs.collect();
                }
                _ => decl.entries.extend(self.key_value(entry)),
            }
        }
        decl
    }

    fn key_value(&mut self, pair: Pair<'_, Rule>) -> Option<(Name, Name)> {
        let mut parts = pair.into_inner();
        let (key, value) = (parts.next()?, parts.next()?);
        Some((self.text_or_name(key), self.text_or_name(value)))
    }

    fn vocabulary(&mut self, pair: Pair<'_, Rule>) -> VocabularyDecl {
        let mut inner = pair.into_inner().skip(1);
        let name = self.name(&inner.next().expect_pair());
        let mut decl = VocabularyDecl {
            name,
            doc: None,
            terms: Vec::new(),
            classes: Vec::new(),
        };
        for p in inner {
            match p.as_rule() {
                Rule::string => decl.doc = Some(self.text_or_name(p)),
                Rule::term => decl.terms.push(self.name(&p)),
                _ => decl.classes.push(self.class(p)),
            }
        }
        decl
    }

    fn class(&mut self, pair: Pair<'_, Rule>) -> ClassDecl {
        let mut inner = pair.into_inner().skip(1);
        let name = self.name(&inner.next().expect_pair());
        let mut decl = ClassDecl {
            name,
            doc: None,
            members: Vec::new(),
        };
        for p in inner {
            match p.as_rule() {
                Rule::string => decl.doc = Some(self.text_or_name(p)),
                _ => decl.members.push(self.name(&p)),
            }
        }
        decl
    }

    fn fields<'i>(&mut self, pairs: impl Iterator<Item = Pair<'i, Rule>>) -> Vec<FieldDecl> {
        pairs.map(|p| self.field(p)).collect()
    }

    fn field(&mut self, pair: Pair<'_, Rule>) -> FieldDecl {
        let mut inner = pair.into_inner();
        let name = self.name(&inner.next().expect_pair());
        let body = inner.next().expect_pair();
        match body.as_rule() {
            Rule::group => {
                let (doc, fields) = self.group(body);
                FieldDecl {
                    name,
                    doc,
                    body: FieldBody::Group(fields),
                }
            }
            _ => self.typed(name, body),
        }
    }

    fn group(&mut self, pair: Pair<'_, Rule>) -> (Option<Name>, Vec<FieldDecl>) {
        let mut doc = None;
        let mut fields = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => doc = Some(self.text_or_name(p)),
                _ => fields.push(self.field(p)),
            }
        }
        (doc, fields)
    }

    fn typed(&mut self, name: Name, pair: Pair<'_, Rule>) -> FieldDecl {
        let mut decl = FieldDecl {
            name,
            doc: None,
            body: FieldBody::Typed {
                ty: TypeExpr::YesNo(Span::default()),
                required: false,
                required_when: None,
                default: None,
            },
        };
        let FieldBody::Typed {
            ty,
            required,
            required_when,
            default,
        } = &mut decl.body
        else {
            return decl;
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::field_type => *ty = self.field_type(p.into_inner().next().expect_pair()),
                Rule::required => *required = true,
                Rule::required_when => {
                    let condition = p.into_inner().nth(1).expect_pair();
                    *required_when = Some(self.expr(condition));
                }
                Rule::default => *default = Some(self.literal(p.into_inner().next().expect_pair())),
                _ => decl.doc = Some(self.text_or_name(p)),
            }
        }
        decl
    }

    fn field_type(&mut self, pair: Pair<'_, Rule>) -> TypeExpr {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::yes_no => TypeExpr::YesNo(span),
            Rule::list_of => {
                let element = pair.into_inner().next().expect_pair();
                match element.as_rule() {
                    Rule::group => TypeExpr::ListOfRecords(self.group(element).1, span),
                    _ => TypeExpr::ListOf(Box::new(self.field_type(element)), span),
                }
            }
            _ => TypeExpr::Named(self.name(&pair)),
        }
    }

    fn literal(&mut self, pair: Pair<'_, Rule>) -> Literal {
        let span = self.span(&pair);
        let p = pair.into_inner().next().expect_pair();
        let kind = match p.as_rule() {
            Rule::empty_list => LiteralKind::EmptyList,
            Rule::date => LiteralKind::Date(self.date(&p)),
            Rule::month_day => LiteralKind::MonthDay(self.month_day(&p)),
            Rule::number => LiteralKind::Number(p.as_str().into()),
            Rule::boolean => LiteralKind::Bool(p.as_str() == "true"),
            Rule::string => LiteralKind::Text(self.text_or_name(p).text),
            _ => LiteralKind::Name(p.as_str().into()),
        };
        Literal { kind, span }
    }

    // ------------------------------------------------------------ articles

    fn article(&mut self, pair: Pair<'_, Rule>) -> ArticleDecl {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().skip(1);
        let label = self.name(&inner.next().expect_pair());
        let mut decl = ArticleDecl {
            label,
            title: None,
            text: None,
            items: Vec::new(),
            held_by: Vec::new(),
            span,
        };
        for p in inner {
            match p.as_rule() {
                Rule::string => decl.title = Some(self.text_or_name(p)),
                Rule::held_by => {
                    let names = p.into_inner().map(|n| self.name(&n));
                    decl.held_by.extend(names);
                }
                Rule::article_text => {
                    decl.text = Some(self.text_or_name(p.into_inner().next().expect_pair()));
                }
                _ => {
                    let mut parts = p.into_inner();
                    let label = self.item_label(parts.next().expect_pair());
                    let text = self.text_or_name(parts.next().expect_pair());
                    decl.items.push((label, text));
                }
            }
        }
        decl
    }

    /// The name inside `(…)` or `（…）`.
    fn item_label(&mut self, pair: Pair<'_, Rule>) -> Name {
        let inner = pair.into_inner().find(|p| p.as_rule() == Rule::name);
        inner.map_or_else(
            || Name {
                text: "".into(),
                span: Span::default(),
            },
            |p| self.name(&p),
        )
    }

    // ------------------------------------------------------------ rules

    fn binding<'i>(&mut self, mut pairs: impl Iterator<Item = Pair<'i, Rule>>) -> Binding {
        let name = self.name(&pairs.next().expect_pair());
        let expr = self.expr(pairs.next().expect_pair());
        Binding { name, expr }
    }

    fn rule(&mut self, pair: Pair<'_, Rule>) -> RuleDecl {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let kind = match inner.next().expect_pair().as_str() {
            "scope" => Kind::Scope,
            "suspension" => Kind::Suspension,
            "advisory" => Kind::Advisory,
            _ => Kind::Requirement,
        };
        let id = self.name(&inner.next().expect_pair());
        inner.next(); // `cites`
        let cite = self.cite(inner.next().expect_pair());
        let mut decl = RuleDecl {
            kind,
            id,
            cite,
            title: None,
            applies: None,
            lets: Vec::new(),
            due: None,
            clauses: Vec::new(),
            unknown: None,
            span,
        };
        let mut firsts: Vec<(Rule, Span)> = Vec::new();
        let entries =
            inner.filter(|p| !matches!(p.as_rule(), Rule::open_brace | Rule::close_brace));
        for entry in entries {
            self.note_once(&mut firsts, &entry);
            self.rule_entry(&mut decl, entry);
        }
        decl
    }

    /// Reports a second `applies`, `due` or `unknown says` in one decl.
    fn note_once(&mut self, firsts: &mut Vec<(Rule, Span)>, entry: &Pair<'_, Rule>) {
        let keyword = match entry.as_rule() {
            Rule::applies => "applies",
            Rule::due => "due",
            Rule::unknown_says => "unknown says",
            _ => return,
        };
        let span = self.span(entry);
        match firsts.iter().find(|(r, _)| *r == entry.as_rule()) {
            Some((_, first)) => self.errors.push(SyntaxError::DuplicateEntry {
                entry: keyword,
                src: self.source.clone(),
                span,
                first: *first,
            }),
            None => firsts.push((entry.as_rule(), span)),
        }
    }

    fn rule_entry(&mut self, decl: &mut RuleDecl, entry: Pair<'_, Rule>) {
        match entry.as_rule() {
            Rule::string => decl.title = Some(self.text_or_name(entry)),
            Rule::applies => {
                let mut parts = entry.into_inner();
                let condition = self.expr(parts.next().expect_pair());
                let otherwise = parts
                    .find(|p| p.as_rule() == Rule::string)
                    .map(|p| self.template(p));
                decl.applies = Some((condition, otherwise));
            }
            Rule::let_binding => {
                let binding = self.binding(entry.into_inner());
                decl.lets.push(binding);
            }
            Rule::due => decl.due = Some(self.expr(entry.into_inner().next().expect_pair())),
            Rule::unknown_says => {
                let message = entry.into_inner().find(|p| p.as_rule() == Rule::string);
                decl.unknown = Some(self.template(message.expect_pair()));
            }
            _ => {
                let clause = self.clause(entry);
                decl.clauses.push(clause);
            }
        }
    }

    fn cite(&mut self, pair: Pair<'_, Rule>) -> (Name, Option<Name>) {
        let mut inner = pair.into_inner();
        let article = self.name(&inner.next().expect_pair());
        let item = inner.next().map(|p| self.item_label(p));
        (article, item)
    }

    fn clause(&mut self, pair: Pair<'_, Rule>) -> ClauseDecl {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let outcome = match inner.next().expect_pair().as_str() {
            "pass" => Outcome::Pass,
            "fail" => Outcome::Fail,
            "pending" => Outcome::Pending,
            "not_applicable" => Outcome::NotApplicable,
            _ => Outcome::Note,
        };
        let condition = inner.next().expect_pair();
        let when = match condition.as_rule() {
            Rule::when => Some(self.expr(condition.into_inner().next().expect_pair())),
            _ => None,
        };
        let message = self.template(inner.find(|p| p.as_rule() == Rule::string).expect_pair());
        ClauseDecl {
            outcome,
            when,
            message,
            span,
        }
    }

    // ------------------------------------------------------------ strings and messages

    /// A name, or a string with its escapes resolved (span without the quotes' content).
    fn text_or_name(&mut self, pair: Pair<'_, Rule>) -> Name {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::string | Rule::long_text => {
                let body = pair.into_inner().next().map_or("", |p| p.as_str());
                let text = if span_is_long(&span, self.source) {
                    trim_long(body)
                } else {
                    unescape(body)
                };
                Name {
                    text: text.into(),
                    span,
                }
            }
            _ => self.name(&pair),
        }
    }

    /// Splits a message into text and `{expression}` parts.
    fn template(&mut self, pair: Pair<'_, Rule>) -> Template {
        let span = self.span(&pair);
        let body = pair.into_inner().next();
        let (body, body_start) = body.map_or(("", span.start + 1), |p| {
            (p.as_str(), p.as_span().start() + self.offset)
        });
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = body;
        while let Some(at) = rest.find(['{', '}', '\\']) {
            text.push_str(&rest[..at]);
            let tail = &rest[at..];
            if let Some(stripped) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}")) {
                text.push_str(&tail[..1]);
                rest = stripped;
            } else if tail.starts_with('\\') {
                let escaped: String = tail.chars().take(2).collect();
                text.push_str(&unescape(&escaped));
                rest = &tail[escaped.len()..];
            } else if tail.starts_with('{') {
                let start = body_start + (body.len() - tail.len());
                let Some(close) = tail.find('}') else {
                    self.errors.push(SyntaxError::UnclosedInterpolation {
                        src: self.source.clone(),
                        span: Span::new(start, start + 1),
                    });
                    return Template { parts, span };
                };
                if !text.is_empty() {
                    parts.push(TemplatePart::Text(std::mem::take(&mut text)));
                }
                if let Some(expr) = self.interpolation(&tail[1..close], start + 1) {
                    parts.push(TemplatePart::Expr(expr));
                }
                rest = &tail[close + 1..];
            } else {
                text.push('}');
                rest = &tail[1..];
            }
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(TemplatePart::Text(text));
        }
        Template { parts, span }
    }

    fn interpolation(&mut self, text: &str, offset: usize) -> Option<Expr> {
        match parse_interpolation(self.source, text, offset) {
            Ok(mut pairs) => {
                let saved = std::mem::replace(&mut self.offset, offset);
                let expr = pairs
                    .next()
                    .and_then(|p| p.into_inner().next())
                    .map(|p| self.expr(p));
                self.offset = saved;
                expr
            }
            Err(error) => {
                self.errors.push(error);
                None
            }
        }
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::expr => self.expr(pair.into_inner().next().expect_pair()),
            Rule::or_expr | Rule::and_expr | Rule::sum_expr | Rule::product => {
                self.binary_chain(pair)
            }
            Rule::not_expr => self.not_expr(pair),
            Rule::test_expr => self.test_expr(pair),
            Rule::unary => self.unary(pair),
            _ => self.primary(pair, span),
        }
    }

    /// `a op b op c`, left-associative.
    fn binary_chain(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let mut inner = pair.into_inner();
        let mut left = self.expr(inner.next().expect_pair());
        while let (Some(op), Some(right)) = (inner.next(), inner.next()) {
            let right = self.expr(right);
            let span = left.span.to(right.span);
            let (l, r) = (Box::new(left), Box::new(right));
            let kind = match op.as_str() {
                "or" => ExprKind::Or(l, r),
                "and" => ExprKind::And(l, r),
                "+" => ExprKind::Arith(ArithOp::Add, l, r),
                "-" => ExprKind::Arith(ArithOp::Sub, l, r),
                "*" => ExprKind::Arith(ArithOp::Mul, l, r),
                _ => ExprKind::Except(l, r),
            };
            left = Expr { kind, span };
        }
        left
    }

    fn not_expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let mut nots = Vec::new();
        let mut operand = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::not_op => nots.push(self.span(&p)),
                _ => operand = Some(self.expr(p)),
            }
        }
        let mut expr = operand.expect_node();
        for span in nots.into_iter().rev() {
            let span = span.to(expr.span);
            expr = Expr {
                kind: ExprKind::Not(Box::new(expr)),
                span,
            };
        }
        expr
    }

    fn test_expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let mut inner = pair.into_inner();
        let left = self.expr(inner.next().expect_pair());
        let Some(test) = inner.next() else {
            return left;
        };
        let span = left.span.to(self.span(&test));
        let kind = match test.as_rule() {
            Rule::presence => {
                let present = test
                    .into_inner()
                    .next()
                    .is_some_and(|p| p.as_rule() == Rule::present);
                ExprKind::Presence(Box::new(left), present)
            }
            Rule::membership => {
                let mut parts = test.into_inner().peekable();
                let negated = parts.peek().is_some_and(|p| p.as_rule() == Rule::not_op);
                let list = self.expr(parts.last().expect_pair());
                ExprKind::In(Box::new(left), Box::new(list), negated)
            }
            _ => {
                let mut parts = test.into_inner();
                let op = compare_op(parts.next().expect_pair().as_str());
                let right = self.expr(parts.next().expect_pair());
                ExprKind::Compare(op, Box::new(left), Box::new(right))
            }
        };
        Expr { kind, span }
    }

    fn unary(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let mut negations = Vec::new();
        let mut operand = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::negate => negations.push(self.span(&p)),
                _ => operand = Some(self.expr(p)),
            }
        }
        let mut expr = operand.expect_node();
        for span in negations.into_iter().rev() {
            let span = span.to(expr.span);
            expr = Expr {
                kind: ExprKind::Negate(Box::new(expr)),
                span,
            };
        }
        expr
    }

    fn primary(&mut self, pair: Pair<'_, Rule>, span: Span) -> Expr {
        let kind = match pair.as_rule() {
            Rule::quantifier => self.quantifier(pair),
            Rule::conditional => {
                let mut parts = pair.into_inner().map(|p| Box::new(self.expr(p)));
                let (c, a, b) = (parts.next(), parts.next(), parts.next());
                ExprKind::If(c.expect_node(), a.expect_node(), b.expect_node())
            }
            Rule::period => self.period(pair),
            Rule::date => ExprKind::Date(self.date(&pair)),
            Rule::month_day => ExprKind::MonthDay(self.month_day(&pair)),
            Rule::number => ExprKind::Number(pair.as_str().into()),
            Rule::boolean => ExprKind::Bool(pair.as_str() == "true"),
            Rule::string => ExprKind::Text(self.text_or_name(pair).text),
            Rule::list => ExprKind::List(pair.into_inner().map(|p| self.expr(p)).collect()),
            Rule::call => {
                let mut parts = pair.into_inner();
                let name = self.name(&parts.next().expect_pair());
                ExprKind::Call(name, parts.map(|p| self.expr(p)).collect())
            }
            Rule::path => ExprKind::Path(self.dotted(&pair.into_inner().next().expect_pair())),
            _ => return self.expr(pair),
        };
        Expr { kind, span }
    }

    /// The segments of `a.b.c`, each with its own span.
    fn dotted(&self, pair: &Pair<'_, Rule>) -> Vec<Name> {
        let start = self.span(pair).start;
        let mut offset = 0;
        pair.as_str()
            .split('.')
            .map(|segment| {
                let span = Span::new(start + offset, start + offset + segment.len());
                offset += segment.len() + 1;
                Name {
                    text: segment.into(),
                    span,
                }
            })
            .collect()
    }

    fn quantifier(&mut self, pair: Pair<'_, Rule>) -> ExprKind {
        let mut parts = pair.into_inner();
        let kind = match parts.next().expect_pair().as_str() {
            "any" => QuantifierKind::Any,
            "all" => QuantifierKind::All,
            _ => QuantifierKind::Count,
        };
        let var = self.name(&parts.next().expect_pair());
        let list = self.expr(parts.next().expect_pair());
        let body = self.expr(parts.next().expect_pair());
        ExprKind::Quantifier(kind, var, Box::new(list), Box::new(body))
    }

    fn period(&mut self, pair: Pair<'_, Rule>) -> ExprKind {
        let mut parts = pair.into_inner();
        let count_pair = parts.next().expect_pair();
        let count: i64 = count_pair.as_str().parse().unwrap_or_else(|_| {
            self.invalid(&count_pair, "number", None);
            0
        });
        let period = match parts.next().expect_pair().as_str() {
            "year" | "years" | "年" => Period {
                months: count.saturating_mul(12),
                days: 0,
            },
            "month" | "months" | "个月" => Period {
                months: count,
                days: 0,
            },
            _ => Period {
                months: 0,
                days: count,
            },
        };
        ExprKind::Period(period)
    }

    fn date(&mut self, pair: &Pair<'_, Rule>) -> NaiveDate {
        NaiveDate::parse_from_str(pair.as_str(), "%Y-%m-%d").unwrap_or_else(|_| {
            self.invalid(
                pair,
                "date",
                Some("a date is `YYYY-MM-DD` and must exist in the calendar"),
            );
            NaiveDate::default()
        })
    }

    fn month_day(&mut self, pair: &Pair<'_, Rule>) -> MonthDay {
        let text = pair.as_str();
        let parsed = text
            .split_once('-')
            .and_then(|(m, d)| MonthDay::new(m.parse().ok()?, d.parse().ok()?));
        parsed.unwrap_or_else(|| {
            self.invalid(
                pair,
                "month-day",
                Some("a month-day is `MM-DD`, e.g. `07-31`"),
            );
            MonthDay { month: 1, day: 1 }
        })
    }

    fn invalid(&mut self, pair: &Pair<'_, Rule>, what: &'static str, help: Option<&str>) {
        self.errors.push(SyntaxError::InvalidLiteral {
            text: pair.as_str().to_owned(),
            what,
            src: self.source.clone(),
            span: self.span(pair),
            help: help.map(str::to_owned),
        });
    }

    fn empty(&self, span: Span) -> Name {
        Name {
            text: "".into(),
            span,
        }
    }
}

fn compare_op(op: &str) -> CompareOp {
    match op {
        "==" => CompareOp::Eq,
        "!=" => CompareOp::Ne,
        "<" => CompareOp::Lt,
        "<=" => CompareOp::Le,
        ">" => CompareOp::Gt,
        _ => CompareOp::Ge,
    }
}

fn span_is_long(span: &Span, source: &Source) -> bool {
    source
        .text()
        .get(span.start..)
        .is_some_and(|s| s.starts_with("\"\"\""))
}

/// Long texts drop the blank lines around them and the indentation common to every line.
fn trim_long(body: &str) -> String {
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    let indent = lines
        .iter()
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let dedented: Vec<&str> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(l).trim_end())
        .collect();
    dedented.join("\n")
}

fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The grammar guarantees these children; a missing one means a grammar/lowering mismatch,
/// reported as an empty node rather than a panic.
trait ExpectPair<'i> {
    fn expect_pair(self) -> Pair<'i, Rule>;
}

impl<'i> ExpectPair<'i> for Option<Pair<'i, Rule>> {
    #[expect(
        clippy::expect_used,
        reason = "the grammar guarantees the child; a failure is a bug in the grammar, not input"
    )]
    fn expect_pair(self) -> Pair<'i, Rule> {
        self.expect("grammar guarantees this child")
    }
}

trait ExpectNode<T> {
    fn expect_node(self) -> T;
}

impl<T> ExpectNode<T> for Option<T> {
    #[expect(
        clippy::expect_used,
        reason = "the grammar guarantees the child; a failure is a bug in the grammar, not input"
    )]
    fn expect_node(self) -> T {
        self.expect("grammar guarantees this child")
    }
}
