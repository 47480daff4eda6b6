//! One rule → one [`Finding`]: applicability, due date, clauses, message, facts.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::expr::{Context, Read, Tri};
use crate::pack::{Pack, Part, Rule, Template, Type};
use crate::value::{self, Value};
use crate::verdict::{FactPath, FactRead, Finding, Outcome, RecordRef};

/// How a rule came out, before its message is written.
enum Decision<'p> {
    /// A clause decided, with its message.
    Clause(Outcome, &'p Template),
    /// `applies when` was false.
    NotApplicable,
    /// The duty fell due before the pack took effect.
    Retroactive(NaiveDate),
    /// Facts are missing: those on the context's missing stack.
    Unknown,
}

/// Evaluates one rule.
pub fn evaluate<'p>(context: &mut Context<'p>, rule: &'p Rule) -> Finding<'p> {
    context.begin_rule(rule);
    let decision = decide(context, rule);
    let decided_by = context.witness.take();
    let (outcome, message, missing) = match decision {
        Decision::Clause(outcome, template) => (outcome, render(context, template), Vec::new()),
        Decision::NotApplicable => {
            let message = match &rule.not_applicable {
                Some(template) => render(context, template),
                None => Cow::Borrowed(&*context.pack.messages.not_applicable),
            };
            (Outcome::NotApplicable, message, Vec::new())
        }
        Decision::Retroactive(due) => {
            let mut message = String::new();
            write_retroactive(context.pack, due, &mut message);
            (Outcome::NotApplicable, Cow::Owned(message), Vec::new())
        }
        Decision::Unknown => {
            let missing = paths(context, &context.missing);
            let message = match &rule.unknown {
                Some(template) => render(context, template),
                None => {
                    let mut message = String::new();
                    write_unknown(context.pack, &missing, &mut message);
                    Cow::Owned(message)
                }
            };
            (Outcome::Unknown, message, missing)
        }
    };
    let decided_by = decided_by.filter(|_| outcome == Outcome::Fail || outcome == Outcome::Pass);
    Finding {
        rule: &rule.id,
        article: rule.cite.number,
        item: rule.cite.item,
        cite: &rule.cite.label,
        kind: rule.kind,
        outcome,
        message,
        facts: facts(context, decided_by),
        missing,
        origin: &rule.origin,
        title: rule.title.as_deref(),
        decided_by: decided_by.and_then(|read| path(context, read)),
        decided_by_record: decided_by.and_then(|read| record_ref(context, read)),
        replaced: rule.replaced.as_deref(),
        parameters: &rule.parameters,
    }
}

/// The outcome of one rule alone: no message, no facts.
pub fn outcome<'p>(context: &mut Context<'p>, rule: &'p Rule) -> Outcome {
    context.begin_rule(rule);
    match decide(context, rule) {
        Decision::Clause(outcome, _) => outcome,
        Decision::NotApplicable | Decision::Retroactive(_) => Outcome::NotApplicable,
        Decision::Unknown => Outcome::Unknown,
    }
}

/// The finding of a non-scope rule when the project is out of scope.
pub fn out_of_scope<'p>(pack: &'p Pack, rule: &'p Rule) -> Finding<'p> {
    Finding {
        rule: &rule.id,
        article: rule.cite.number,
        item: rule.cite.item,
        cite: &rule.cite.label,
        kind: rule.kind,
        outcome: Outcome::NotApplicable,
        message: Cow::Borrowed(&pack.messages.out_of_scope),
        facts: Vec::new(),
        missing: Vec::new(),
        origin: &rule.origin,
        title: rule.title.as_deref(),
        decided_by: None,
        decided_by_record: None,
        replaced: rule.replaced.as_deref(),
        parameters: &[],
    }
}

fn decide<'p>(context: &mut Context<'p>, rule: &'p Rule) -> Decision<'p> {
    if let Some(applies) = &rule.applies {
        match context.condition(applies) {
            Some(true) => {}
            Some(false) => return Decision::NotApplicable,
            None => return Decision::Unknown,
        }
    }
    if let Some(due) = &rule.due {
        let mark = context.missing.len();
        match context.eval(due) {
            Tri::Known(v) => match *v {
                Value::Date(d) if d < context.pack.header.in_force_since => {
                    return Decision::Retroactive(d);
                }
                _ => {}
            },
            // A due date that waits on events not yet recorded (absent dates) lies ahead:
            // the duty cannot have fallen due before the pack took effect.
            Tri::Unknown if only_dates(context.pack, &context.missing[mark..]) => {
                context.missing.truncate(mark);
            }
            Tri::Unknown => return Decision::Unknown,
        }
    }
    clauses(context, rule)
}

/// Whether every missing read is a date field: an event that has not happened yet.
fn only_dates(pack: &Pack, missing: &[Read]) -> bool {
    let is_date = |read: &Read| match *read {
        Read::Root(slot) => pack
            .schema
            .slots
            .get(slot)
            .is_some_and(|s| s.ty == Type::Date),
        Read::Element { list, slot, .. } => match pack.schema.slots.get(list).map(|s| &s.ty) {
            Some(Type::Rows(record)) => record.slots.get(slot).is_some_and(|s| s.ty == Type::Date),
            _ => false,
        },
        Read::Peer { slot, .. } => pack
            .schema
            .slots
            .get(slot)
            .is_some_and(|s| s.ty == Type::Date),
    };
    !missing.is_empty() && missing.iter().all(is_date)
}

/// Tries the clauses in order. An unknown condition leaves its outcome possible; the first
/// true condition decides only if every possible outcome so far is the same.
fn clauses<'p>(context: &mut Context<'p>, rule: &'p Rule) -> Decision<'p> {
    let mut possible = Outcomes::default();
    for clause in &rule.clauses {
        context.witness = None;
        let holds = match &clause.when {
            None => Some(true),
            Some(condition) => context.condition(condition),
        };
        match holds {
            Some(true) if possible.all_are(clause.outcome) => {
                return Decision::Clause(clause.outcome, &clause.message);
            }
            Some(true) => return Decision::Unknown,
            Some(false) => {}
            None => possible.add(clause.outcome),
        }
    }
    Decision::Unknown
}

/// A set of outcomes.
#[derive(Default, Clone, Copy)]
struct Outcomes(u8);

impl Outcomes {
    fn add(&mut self, outcome: Outcome) {
        self.0 |= 1 << outcome as u8;
    }

    /// Whether every outcome in the set (none, or only this one) is `outcome`.
    fn all_are(self, outcome: Outcome) -> bool {
        self.0 & !(1 << outcome as u8) == 0
    }
}

/// A message: borrowed from the pack when the template is plain text.
fn render<'p>(context: &mut Context<'p>, template: &'p Template) -> Cow<'p, str> {
    match template.parts.as_slice() {
        [] => Cow::Borrowed(""),
        [Part::Text(text)] => Cow::Borrowed(text),
        _ => {
            let mut out = String::with_capacity(capacity(template));
            write_template(context, template, &mut out);
            Cow::Owned(out)
        }
    }
}

/// Room for a message: its text, and room for a name or an amount for each value written in.
fn capacity(template: &Template) -> usize {
    template
        .parts
        .iter()
        .map(|part| match part {
            Part::Text(text) => text.len(),
            Part::Expr(_) => 32,
        })
        .sum()
}

fn write_template<'p>(context: &mut Context<'p>, template: &'p Template, out: &mut String) {
    for part in &template.parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Expr(expr) => match context.eval(expr) {
                Tri::Known(value) => value.write_display(out),
                Tri::Unknown => out.push('?'),
            },
        }
    }
}

fn write_retroactive(pack: &Pack, due: NaiveDate, out: &mut String) {
    let mut due_text = String::new();
    value::write_date(due, &mut due_text);
    let mut effective = String::new();
    value::write_date(pack.header.in_force_since, &mut effective);
    out.push_str(
        &pack
            .messages
            .retroactive
            .replace("{due}", &due_text)
            .replace("{effective}", &effective),
    );
}

fn write_unknown(pack: &Pack, missing: &[FactPath<'_>], out: &mut String) {
    let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
    out.push_str(&pack.messages.unknown.replace("{missing}", &list.join("、")));
}

/// The record values the rule read, each once, in the order first read. Of the other
/// records it read (members of a relation), only the one that decided the finding is
/// shown: a rule that looks at a unit's every project would otherwise list, in each of the
/// unit's verdicts, the fields of all the others, a cost that grows with the square of the
/// unit.
fn facts<'p>(context: &mut Context<'p>, decided_by: Option<Read>) -> Vec<FactRead<'p>> {
    let mut distinct = std::mem::take(&mut context.distinct);
    distinct.clear();
    distinct_into(&context.reads, &mut distinct);
    let decider = match decided_by {
        Some(Read::Peer { record, .. }) => Some(record),
        _ => None,
    };
    let mut out = Vec::with_capacity(distinct.len());
    for &read in &distinct {
        if matches!(read, Read::Peer { record, .. } if Some(record) != decider) {
            continue;
        }
        if let (Some(path), Some(value)) = (path(context, read), context.value_of(read)) {
            out.push(FactRead { path, value });
        }
    }
    context.distinct = distinct;
    out
}

/// Distinct record paths of the reads.
fn paths<'p>(context: &Context<'p>, reads: &[Read]) -> Vec<FactPath<'p>> {
    distinct(reads)
        .into_iter()
        .filter_map(|r| path(context, r))
        .collect()
}

/// Reads at which a linear scan for repeats stops paying: past it, a set keeps the cost
/// linear (a rule quantifying over a million earlier projects reads millions of fields).
const SCAN_LIMIT: usize = 32;

/// The distinct items, in the order first seen.
pub(super) fn distinct<T: Copy + Ord>(items: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len().min(SCAN_LIMIT));
    distinct_into(items, &mut out);
    out
}

/// Appends the distinct items to `out` (empty), in the order first seen. Few items are
/// compared with those kept so far, which allocates nothing; many are sorted, which is
/// linear-logarithmic and, unlike a hash set, walks memory in order.
fn distinct_into<T: Copy + Ord>(items: &[T], out: &mut Vec<T>) {
    if items.len() <= SCAN_LIMIT {
        for item in items {
            if !out.contains(item) {
                out.push(*item);
            }
        }
    } else {
        // Sorted with their positions, each item's first position comes first among its
        // equals; those kept, put back in order of position.
        let mut first: Vec<(T, usize)> = items.iter().copied().zip(0..).collect();
        first.sort_unstable();
        first.dedup_by(|later, kept| later.0 == kept.0);
        first.sort_unstable_by_key(|&(_, at)| at);
        out.extend(first.into_iter().map(|(item, _)| item));
    }
}

/// The other record a read is of, when it is of a member of a relation.
fn record_ref<'p>(context: &Context<'p>, read: Read) -> Option<RecordRef<'p>> {
    let Read::Peer { record, .. } = read else {
        return None;
    };
    let (batch, _) = context.peers?;
    Some(RecordRef {
        id: batch.id(record),
        source: batch.member(record)?.source.as_ref(),
    })
}

/// The record path of a read; for a whole list element or record (`slot` out of range), the
/// element or record.
fn path<'p>(context: &Context<'p>, read: Read) -> Option<FactPath<'p>> {
    let pack = context.pack;
    match read {
        Read::Peer {
            relation,
            record,
            slot,
        } => Some(FactPath::Peer {
            relation: &pack.relations.get(relation)?.name,
            id: context.peers?.0.id(record),
            field: pack.schema.slots.get(slot).map_or("", |s| &s.path),
        }),
        Read::Root(slot) => Some(FactPath::Field(&pack.schema.slots.get(slot)?.path)),
        Read::Element { list, index, slot } => {
            let list_slot = pack.schema.slots.get(list)?;
            let field: &str = match &list_slot.ty {
                Type::Rows(record) => record.slots.get(slot).map_or("", |s| &s.path),
                _ => return None,
            };
            Some(FactPath::Element {
                list: &list_slot.path,
                index,
                field,
            })
        }
    }
}
