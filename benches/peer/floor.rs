//! The peer set's ten rules written by hand in plain Rust: outcomes only, no messages, no
//! facts read, nothing allocated. What a programmer would write for this one regulation,
//! and so the floor of what any engine can cost per record.
//!
//! It reads as banfa reads (README, "Reading rules"): an absent yes/no is unknown (`None`);
//! an absent date has not happened, and a comparison with it is unknown; clauses are tried
//! in order and an unknown one keeps its outcome possible, so a later clause decides only
//! if it agrees with every possible one; a duty due before the pack's date of effect is not
//! applicable; and when the scope rule fails, every other rule is not applicable.

use banfa::verdict::Outcome::{self, Fail, NotApplicable, Note, Pass, Pending, Unknown};
use chrono::{Months, NaiveDate};

use super::generate::Project;

/// The rule ids, in pack order.
pub const RULES: [&str; 10] = [
    "peer.scope",
    "declaration.on_time",
    "declaration.documents",
    "approval.before_start",
    "tender.public",
    "tender.contracts",
    "supervision",
    "acceptance.timely",
    "settlement.within_budget",
    "evaluation.after_acceptance",
];

/// The pack's date of effect.
const EFFECTIVE: NaiveDate = date(2020, 1, 1);
/// 申报截止: the deadline of the year before the plan year.
const DEADLINE: (u32, u32) = (7, 31);
/// 招标限额 and 合同限额, in 元.
const TENDER_LIMIT: i64 = 4_000_000;
const CONTRACT_LIMIT: i64 = 1_000_000;
/// 验收期限.
const ACCEPTANCE_MONTHS: u32 = 6;

/// Each rule's outcome, in [`RULES`] order.
pub fn outcomes(p: &Project, as_of: NaiveDate) -> [Outcome; 10] {
    let scope = if p.fiscal > 0 { Pass } else { Fail };
    if scope == Fail {
        let mut out = [NotApplicable; 10];
        out[0] = Fail;
        return out;
    }
    let happened = |d: Option<NaiveDate>| d.is_some_and(|d| d <= as_of);
    [
        scope,
        on_time(p, as_of, happened(p.declared_on)),
        documents(p, happened(p.declared_on)),
        before_start(p, happened(p.started_on), happened(p.approved_on)),
        tender_public(p),
        tender_contracts(p),
        supervision(p, happened(p.started_on)),
        acceptance(p, as_of, happened(p.completed_on), happened(p.accepted_on)),
        settlement(p),
        evaluation(happened(p.accepted_on), happened(p.evaluated_on)),
    ]
}

fn on_time(p: &Project, as_of: NaiveDate, declared: bool) -> Outcome {
    let Some(deadline) = NaiveDate::from_ymd_opt(p.plan_year - 1, DEADLINE.0, DEADLINE.1) else {
        return Unknown;
    };
    match p.declared_on {
        _ if deadline < EFFECTIVE => NotApplicable,
        Some(d) if declared && d <= deadline => Pass,
        _ if declared => Fail,
        _ if as_of > deadline => Fail,
        _ => Pending,
    }
}

fn documents(p: &Project, declared: bool) -> Outcome {
    let complete = (0..3).all(|d| p.documents.contains(&d));
    match () {
        _ if complete => Pass,
        _ if declared => Fail,
        _ => Pending,
    }
}

fn before_start(p: &Project, started: bool, approved: bool) -> Outcome {
    match (p.approved_on, p.started_on) {
        _ if !started => Pending,
        (Some(a), Some(s)) if approved && a <= s => Pass,
        _ => Fail,
    }
}

fn tender_public(p: &Project) -> Outcome {
    match p.tendered {
        _ if p.budget < TENDER_LIMIT => NotApplicable,
        Some(true) => Pass,
        Some(false) => Fail,
        None => Unknown,
    }
}

/// `any c in contracts where c.amount >= 合同限额 and not c.tendered`: true as soon as one
/// contract is, else unknown if one might be.
fn tender_contracts(p: &Project) -> Outcome {
    let mut unknown = false;
    for c in p.contracts.iter().filter(|c| c.amount >= CONTRACT_LIMIT) {
        match c.tendered {
            Some(false) => return Fail,
            Some(true) => {}
            None => unknown = true,
        }
    }
    if unknown { Unknown } else { Pass }
}

fn supervision(p: &Project, started: bool) -> Outcome {
    // 工程类: 机房建设, 网络建设.
    match p.supervised {
        _ if p.category > 1 => NotApplicable,
        Some(true) => Pass,
        None => Unknown,
        Some(false) if started => Fail,
        Some(false) => Pending,
    }
}

fn acceptance(p: &Project, as_of: NaiveDate, completed: bool, accepted: bool) -> Outcome {
    let due = p
        .completed_on
        .and_then(|c| c.checked_add_months(Months::new(ACCEPTANCE_MONTHS)));
    match (due, p.accepted_on) {
        (Some(due), _) if due < EFFECTIVE => NotApplicable,
        _ if !completed => Pending,
        (Some(due), Some(a)) if accepted && a <= due => Pass,
        _ if accepted => Fail,
        (Some(due), _) if as_of > due => Fail,
        _ => Pending,
    }
}

fn settlement(p: &Project) -> Outcome {
    match p.settlement {
        None => NotApplicable,
        Some(s) if s <= p.budget => Pass,
        Some(_) => Fail,
    }
}

fn evaluation(accepted: bool, evaluated: bool) -> Outcome {
    match () {
        _ if !accepted => Pending,
        _ if evaluated => Pass,
        _ => Note,
    }
}

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("an invalid date"),
    }
}
