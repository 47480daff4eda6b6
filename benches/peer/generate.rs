//! Project records for the peer set, from a fixed seed: the same records on every machine
//! and in every run, so instruction counts and the differential test are reproducible.
//!
//! The mix is chosen so that every rule passes, fails and (where a yes/no fact may be
//! absent) comes out unknown on some records; a tenth of the projects use no fiscal money
//! and are out of scope; deadlines fall on both sides of the evaluation date (2022-06-30)
//! and of the pack's date of effect (2020-01-01), and amounts on both sides of the limits.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

/// The seed of [`records`].
pub const SEED: u64 = 0x6261_6e66_6131_3130; // "banfa110"

/// The project categories of the pack's vocabulary `项目类别`, in its order.
pub const CATEGORIES: [&str; 6] = [
    "机房建设",
    "网络建设",
    "应用系统",
    "数据平台",
    "运行维护",
    "设备购置",
];

/// The declaration documents of the vocabulary `申报材料`.
pub const DOCUMENTS: [&str; 3] = ["申报表", "建设方案", "项目预算"];

/// One project record. Money is in whole 元; `None` is a field the record leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: String,
    pub name: String,
    /// An index into [`CATEGORIES`].
    pub category: usize,
    pub plan_year: i32,
    pub budget: i64,
    pub fiscal: i64,
    pub settlement: Option<i64>,
    pub declared_on: Option<NaiveDate>,
    /// Indexes into [`DOCUMENTS`].
    pub documents: Vec<usize>,
    pub approved_on: Option<NaiveDate>,
    pub tendered: Option<bool>,
    pub supervised: Option<bool>,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub accepted_on: Option<NaiveDate>,
    pub evaluated_on: Option<NaiveDate>,
    pub contracts: Vec<Contract>,
}

/// One contract of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    pub id: String,
    pub amount: i64,
    pub tendered: Option<bool>,
}

/// The first `n` records of the seed [`SEED`].
pub fn records(n: usize) -> Vec<Project> {
    let mut rng = Rng(SEED);
    (0..n).map(|i| project(&mut rng, i)).collect()
}

fn project(rng: &mut Rng, i: usize) -> Project {
    let plan_year = 2020 + rng.below(4) as i32;
    let budget = if rng.percent(10) {
        4_000_000 // exactly the tender limit
    } else {
        rng.between(20, 1_200) * 10_000
    };
    let fiscal = if rng.percent(10) {
        0
    } else {
        budget * rng.between(30, 100) / 100
    };
    let deadline = ymd(plan_year - 1, 7, 31);
    let declared_on = rng
        .percent(85)
        .then(|| shift(deadline, rng.between(-90, 45)));
    let documents = (0..DOCUMENTS.len()).filter(|_| rng.percent(85)).collect();
    let approved_on = rng
        .percent(80)
        .then(|| shift(ymd(plan_year, 1, 15), rng.between(-60, 90)));
    let tendered = rng.percent(75).then(|| rng.percent(80));
    let supervised = rng.percent(75).then(|| rng.percent(80));
    let started_on = after(rng, approved_on, 80, -20, 120);
    let completed_on = after(rng, started_on, 65, 60, 500);
    let accepted_on = after(rng, completed_on, 70, 20, 260);
    let evaluated_on = after(rng, accepted_on, 50, 30, 200);
    let settlement = match completed_on {
        Some(_) if rng.percent(60) => Some(budget * rng.between(85, 112) / 100),
        _ => None,
    };
    let contracts = (0..rng.below(5))
        .map(|c| Contract {
            id: format!("HT-{i:05}-{}", c + 1),
            amount: rng.between(5, 300) * 10_000,
            tendered: rng.percent(85).then(|| rng.percent(85)),
        })
        .collect();
    Project {
        id: format!("PEER-{i:05}"),
        name: format!("示例信息化项目{i}"),
        category: rng.below(CATEGORIES.len() as u64) as usize,
        plan_year,
        budget,
        fiscal,
        settlement,
        declared_on,
        documents,
        approved_on,
        tendered,
        supervised,
        started_on,
        completed_on,
        accepted_on,
        evaluated_on,
        contracts,
    }
}

impl Project {
    /// The record as a YAML file of the peer pack's schema.
    pub fn yaml(&self) -> String {
        let mut out = String::with_capacity(512);
        let _ = writeln!(out, "id: {}", self.id);
        let _ = writeln!(out, "name: {}", self.name);
        let _ = writeln!(out, "category: {}", CATEGORIES[self.category]);
        let _ = writeln!(out, "plan_year: {}", self.plan_year);
        let _ = writeln!(out, "budget: {}", self.budget);
        let _ = writeln!(out, "fiscal: {}", self.fiscal);
        field(&mut out, "settlement", self.settlement);
        field(&mut out, "declared_on", self.declared_on);
        if !self.documents.is_empty() {
            let names: Vec<&str> = self.documents.iter().map(|d| DOCUMENTS[*d]).collect();
            let _ = writeln!(out, "documents: [{}]", names.join(", "));
        }
        field(&mut out, "approved_on", self.approved_on);
        field(&mut out, "tendered", self.tendered);
        field(&mut out, "supervised", self.supervised);
        field(&mut out, "started_on", self.started_on);
        field(&mut out, "completed_on", self.completed_on);
        field(&mut out, "accepted_on", self.accepted_on);
        field(&mut out, "evaluated_on", self.evaluated_on);
        if !self.contracts.is_empty() {
            out.push_str("contracts:\n");
            for c in &self.contracts {
                let _ = write!(out, "  - {{ id: {}, amount: {}", c.id, c.amount);
                if let Some(tendered) = c.tendered {
                    let _ = write!(out, ", tendered: {tendered}");
                }
                out.push_str(" }\n");
            }
        }
        out
    }
}

fn field(out: &mut String, key: &str, value: Option<impl std::fmt::Display>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{key}: {value}");
    }
}

/// An event `p` times in a hundred after an earlier one, `low..=high` days after it.
fn after(
    rng: &mut Rng,
    earlier: Option<NaiveDate>,
    p: u64,
    low: i64,
    high: i64,
) -> Option<NaiveDate> {
    match earlier {
        Some(date) if rng.percent(p) => Some(shift(date, rng.between(low, high))),
        _ => None,
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    let shifted = date + chrono::TimeDelta::days(days);
    debug_assert!((2000..=2100).contains(&shifted.year()));
    shifted
}

/// splitmix64 (Steele, Lea and Flood 2014): tiny, fast and good enough to vary records.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below(high.abs_diff(low) + 1) as i64
    }

    /// True `p` times in a hundred.
    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}
