//! Lowering: pest pairs → syntax tree, one function per grammar rule.
//!
//! The grammar guarantees each pair's shape, so the functions here walk children in order;
//! where a child is unexpectedly missing they fall back to an empty node rather than panic.

use chrono::NaiveDate;
use std::sync::LazyLock;

use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::Rule;
use super::error::SyntaxError;
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
    /// How many expressions enclose the one being lowered.
    nesting: usize,
}

/// Limits that keep every later stage's recursion shallow: an expression deeper than this
/// is an error, not a stack overflow.
const MAX_OPERATORS: usize = 200;
const MAX_NESTING: usize = 32;
const MAX_DEPTH: usize = 48;

impl<'s> Lowering<'s> {
    pub fn new(source: &'s Source) -> Self {
        Self {
            source,
            offset: 0,
            errors: Vec::new(),
            nesting: 0,
        }
    }

    /// Lowering of pairs parsed from the text `offset` bytes into the source (one declaration
    /// at a time: [`super::Declarations`]), so spans still point into the whole source.
    pub fn at(source: &'s Source, offset: usize) -> Self {
        Self {
            offset,
            ..Self::new(source)
        }
    }

    pub fn into_errors(self) -> Vec<SyntaxError> {
        self.errors
    }

    /// A pair's span, without the white space and comments the grammar skipped after it.
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        let text = pair.as_str();
        let end = s.start() + trim_skipped(text).len();
        Span::new(s.start(), end).shifted(self.offset)
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

    pub fn declaration(&mut self, pair: Pair<'_, Rule>) -> Declaration {
        match pair.as_rule() {
            Rule::pack => Declaration::Pack(self.pack(pair)),
            Rule::vocabulary => Declaration::Vocabulary(self.vocabulary(pair)),
            Rule::record => Declaration::Record(RecordDecl {
                span: self.span(&pair),
                fields: self.fields(pair.into_inner().skip(1)),
            }),
            Rule::article => Declaration::Article(self.article(pair)),
            Rule::parameter => Declaration::Parameter(self.binding(pair.into_inner().skip(1))),
            Rule::set_parameter => {
                Declaration::SetParameter(self.binding(pair.into_inner().skip(2)))
            }
            Rule::disable => {
                let mut inner = pair.into_inner().skip(1);
                let id = self.name(&inner.next().expect_pair());
                let reason = self.text_or_name(inner.next().expect_pair());
                Declaration::Disable(DisableDecl { id, reason })
            }
            Rule::fact => Declaration::Fact(self.binding(pair.into_inner().skip(1))),
            Rule::relation => Declaration::Relation(self.relation(pair)),
            _ => Declaration::Rule(self.rule(pair)),
        }
    }

    // ------------------------------------------------------------ header and schema

    fn relation(&mut self, pair: Pair<'_, Rule>) -> RelationDecl {
        let span = self.span(&pair);
        let mut decl = RelationDecl {
            name: self.empty(span),
            doc: None,
            keys: Vec::new(),
            span,
        };
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::name => decl.name = self.name(&part),
                Rule::string => decl.doc = Some(self.text_or_name(part)),
                Rule::dotted => decl.keys.push(self.name(&part)),
                _ => {}
            }
        }
        decl
    }

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
                range: None,
            },
        };
        let FieldBody::Typed {
            ty,
            required,
            required_when,
            default,
            range,
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
                Rule::range => {
                    let mut bounds = p.into_inner().filter(|b| b.as_rule() == Rule::literal);
                    let low = self.literal(bounds.next().expect_pair());
                    let high = self.literal(bounds.next().expect_pair());
                    *range = Some(Box::new((low, high)));
                }
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
        let mut inner = pair.into_inner().peekable();
        let overrides = inner
            .peek()
            .is_some_and(|p| p.as_rule() == Rule::kw_override);
        if overrides {
            inner.next();
        }
        inner.next(); // `article`
        let label = self.name(&inner.next().expect_pair());
        let mut decl = ArticleDecl {
            overrides,
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
        let mut inner = pair.into_inner().peekable();
        let overrides = inner
            .peek()
            .is_some_and(|p| p.as_rule() == Rule::kw_override);
        if overrides {
            inner.next();
        }
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
            overrides,
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
                    .find(|p| p.as_rule() == Rule::message)
                    .map(|p| self.template(p));
                decl.applies = Some((condition, otherwise));
            }
            Rule::let_binding => {
                let binding = self.binding(entry.into_inner());
                decl.lets.push(binding);
            }
            Rule::due => decl.due = Some(self.expr(entry.into_inner().next().expect_pair())),
            Rule::unknown_says => {
                let message = entry.into_inner().find(|p| p.as_rule() == Rule::message);
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
        let message = self.template(inner.find(|p| p.as_rule() == Rule::message).expect_pair());
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

    /// A message's text and `{expression}` parts.
    fn template(&mut self, pair: Pair<'_, Rule>) -> Template {
        let span = self.span(&pair);
        let mut parts = Vec::new();
        let mut text = String::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::message_text => text.push_str(&part.as_str().replace("}}", "}")),
                Rule::escape => match part.as_str() {
                    "{{" => text.push('{'),
                    escaped => text.push_str(&unescape(escaped)),
                },
                _ => {
                    if !text.is_empty() {
                        parts.push(TemplatePart::Text(std::mem::take(&mut text)));
                    }
                    let expr = part.into_inner().next().expect_pair();
                    parts.push(TemplatePart::Expr(self.expr(expr)));
                }
            }
        }
        if !text.is_empty() {
            parts.push(TemplatePart::Text(text));
        }
        Template { parts, span }
    }

    // ------------------------------------------------------------ expressions

    /// An expression: operands and operators in a flat sequence, ordered by [`PRATT`].
    fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        if pair.as_rule() != Rule::expr {
            let span = self.span(&pair);
            return self.primary(pair, span);
        }
        let span = self.span(&pair);
        let operands = pair.clone().into_inner().count();
        if operands > 2 * MAX_OPERATORS + 1 {
            return self.too_complex(span, "operators", MAX_OPERATORS);
        }
        if self.nesting >= MAX_NESTING {
            return self.too_complex(span, "nesting", MAX_NESTING);
        }
        self.nesting += 1;
        let expr = self.operators(pair);
        self.nesting -= 1;
        if depth(&expr) > MAX_DEPTH {
            return self.too_complex(span, "depth", MAX_DEPTH);
        }
        expr
    }

    /// An expression that is too large to check safely: reported, and replaced by `false`.
    fn too_complex(&mut self, span: Span, limit: &str, most: usize) -> Expr {
        self.errors.push(SyntaxError::TooComplex {
            what: crate::i18n::Message::new(format!("syntax-limit-{limit}"))
                .arg("limit", most.to_string()),
            src: self.source.clone(),
            span,
        });
        Expr {
            kind: ExprKind::Bool(false),
            span,
        }
    }

    /// Orders an expression's operands and operators by precedence.
    fn operators(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let offset = self.offset;
        let span_of = move |p: &Pair<'_, Rule>| {
            let s = p.as_span();
            Span::new(s.start(), s.end()).shifted(offset)
        };
        PRATT
            .map_primary(|p| {
                let span = span_of(&p);
                self.primary(p, span)
            })
            .map_prefix(|op, operand| {
                let span = span_of(&op).to(operand.span);
                let operand = Box::new(operand);
                let kind = match op.as_rule() {
                    Rule::not_op => ExprKind::Not(operand),
                    _ => ExprKind::Negate(operand),
                };
                Expr { kind, span }
            })
            .map_postfix(|operand, op| {
                let span = operand.span.to(span_of(&op));
                let present = op
                    .into_inner()
                    .next()
                    .is_some_and(|p| p.as_rule() == Rule::present);
                Expr {
                    kind: ExprKind::Presence(Box::new(operand), present),
                    span,
                }
            })
            .map_infix(|left, op, right| {
                let span = left.span.to(right.span);
                Expr {
                    kind: infix(&op, Box::new(left), Box::new(right)),
                    span,
                }
            })
            .parse(pair.into_inner())
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
            Rule::path => {
                let mut parts = pair.into_inner();
                let dotted = parts.next().expect_pair();
                let names = self.dotted(&dotted);
                match parts.next() {
                    // The path's own span would take in the white space after it.
                    None => {
                        return Expr {
                            kind: ExprKind::Path(names),
                            span: self.span(&dotted),
                        };
                    }
                    Some(arguments) => {
                        let args = arguments.into_inner().map(|p| self.expr(p)).collect();
                        let name = Name {
                            text: names
                                .iter()
                                .map(|n| &*n.text)
                                .collect::<Vec<_>>()
                                .join(".")
                                .into(),
                            span: names
                                .iter()
                                .fold(Span::new(span.start, span.start), |s, n| s.to(n.span)),
                        };
                        ExprKind::Call(name, args)
                    }
                }
            }
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
            self.invalid(&count_pair, "number");
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
            self.invalid(pair, "date");
            NaiveDate::default()
        })
    }

    fn month_day(&mut self, pair: &Pair<'_, Rule>) -> MonthDay {
        let text = pair.as_str();
        let parsed = text
            .split_once('-')
            .and_then(|(m, d)| MonthDay::new(m.parse().ok()?, d.parse().ok()?));
        parsed.unwrap_or_else(|| {
            self.invalid(pair, "month_day");
            MonthDay { month: 1, day: 1 }
        })
    }

    /// A literal of `kind` (`number`, `date`, `month_day`) that is not a valid one.
    fn invalid(&mut self, pair: &Pair<'_, Rule>, kind: &'static str) {
        self.errors.push(SyntaxError::InvalidLiteral {
            text: pair.as_str().to_owned(),
            kind,
            src: self.source.clone(),
            span: self.span(pair),
        });
    }

    fn empty(&self, span: Span) -> Name {
        Name {
            text: "".into(),
            span,
        }
    }
}

/// Operator precedence, lowest first: `or`; `and`; `not`; comparisons, `in`, `not in`,
/// `is present`/`is absent`; `+`, `-`, `except`; `*`; unary `-`.
static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or_op, Assoc::Left))
        .op(Op::infix(Rule::and_op, Assoc::Left))
        .op(Op::prefix(Rule::not_op))
        .op(Op::infix(Rule::compare_op, Assoc::Left)
            | Op::infix(Rule::in_op, Assoc::Left)
            | Op::infix(Rule::not_in, Assoc::Left)
            | Op::postfix(Rule::presence))
        .op(Op::infix(Rule::sum_op, Assoc::Left))
        .op(Op::infix(Rule::product_op, Assoc::Left))
        .op(Op::prefix(Rule::negate))
});

/// The expression an infix operator builds from its operands.
fn infix(op: &Pair<'_, Rule>, left: Box<Expr>, right: Box<Expr>) -> ExprKind {
    match (op.as_rule(), op.as_str()) {
        (Rule::or_op, _) => ExprKind::Or(left, right),
        (Rule::and_op, _) => ExprKind::And(left, right),
        (Rule::compare_op, text) => ExprKind::Compare(compare_op(text), left, right),
        (Rule::in_op, _) => ExprKind::In(left, right, false),
        (Rule::not_in, _) => ExprKind::In(left, right, true),
        (Rule::product_op, _) => ExprKind::Arith(ArithOp::Mul, left, right),
        (_, "+") => ExprKind::Arith(ArithOp::Add, left, right),
        (_, "-") => ExprKind::Arith(ArithOp::Sub, left, right),
        _ => ExprKind::Except(left, right),
    }
}

/// Text without the white space and `#` comments at its end (what the grammar skips between
/// tokens). A `#` inside a quoted string is not a comment.
fn trim_skipped(text: &str) -> &str {
    let mut end = text.trim_end().len();
    loop {
        let head = text.get(..end).unwrap_or("");
        let line_start = head.rfind('\n').map_or(0, |i| i + 1);
        let line = head.get(line_start..).unwrap_or("");
        match comment_start(line) {
            Some(at) => end = head.get(..line_start + at).unwrap_or("").trim_end().len(),
            None => return head,
        }
    }
}

/// Where a line's `#` comment starts, outside quotes.
fn comment_start(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' if in_string && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => in_string = !in_string,
            '#' if !in_string => return Some(i),
            _ => {}
        }
        escaped = false;
    }
    None
}

/// How deep an expression tree is, counted without recursion (the tree may be deep).
fn depth(expr: &Expr) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Expr, usize)> = vec![(expr, 1)];
    while let Some((e, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(children(e).into_iter().map(|child| (child, d + 1)));
    }
    deepest
}

/// The expressions directly inside one.
fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Not(a) | ExprKind::Negate(a) | ExprKind::Presence(a, _) => vec![a],
        ExprKind::And(a, b)
        | ExprKind::Or(a, b)
        | ExprKind::Compare(_, a, b)
        | ExprKind::Arith(_, a, b)
        | ExprKind::Except(a, b)
        | ExprKind::In(a, b, _)
        | ExprKind::Quantifier(_, _, a, b) => vec![a, b],
        ExprKind::If(c, a, b) => vec![c, a, b],
        ExprKind::List(items) | ExprKind::Call(_, items) => items.iter().collect(),
        _ => Vec::new(),
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
