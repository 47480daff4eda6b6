//! Evaluating a command's records together, on every core, with the results in input order:
//! what `evaluate` and `review` share.
//!
//! The records that could be read form one [`Batch`], so each record's relations (the
//! unit's other projects) have the others as members. Records are evaluated a chunk at a
//! time in parallel (rayon), and each result is turned into what the command keeps (a
//! rendered verdict, a ledger entry) on the same worker, so that only that, not the
//! verdict, crosses back; the command then receives them one by one in input order.

use banfa::Pack;
use banfa::embedded::Resolver;
use banfa::eval::{Batch, Member};
use banfa::verdict::Verdict;
use chrono::NaiveDate;
use rayon::prelude::*;

use super::error::CliError;
use super::inputs::{self, Loaded, Origin, Refusal};

/// How many records are evaluated between two hand-overs: enough to keep the cores busy,
/// few enough that what they give back stays small.
const CHUNK: usize = 4096;

/// Records below which a chunk is evaluated on this thread: starting the pool's threads
/// costs more than a few records take.
const PARALLEL_FROM: usize = 64;

/// What a command receives for each input record, in input order.
pub enum Step<'l, T> {
    /// The record's `id` is an earlier record's: reported, and the record is evaluated too
    /// (a `Verdict` step follows).
    Duplicate(CliError),
    /// The record's verdict, as the command's `keep` made it.
    Verdict(T),
    /// The record could not be evaluated.
    Refused(&'l Origin, &'l Refusal),
}

/// Evaluates every record of `loaded` together, as of `as_of`, giving `each` a [`Step`] per
/// record in input order; `keep` turns a verdict into what the command keeps, in parallel.
pub fn evaluate<'l, T, K, E>(
    pack: &Pack,
    resolver: &Resolver,
    as_of: NaiveDate,
    loaded: &'l [Loaded],
    keep: K,
    mut each: E,
) where
    T: Send,
    K: Fn(&Verdict, &Loaded) -> T + Sync,
    E: FnMut(Step<'l, T>),
{
    let batch = batch(pack, loaded);
    let duplicates = inputs::duplicates(loaded, |facts| banfa::eval::record_id(pack, facts));
    let mut member = 0;
    let members: Vec<Option<usize>> = loaded
        .iter()
        .map(|record| {
            record.facts.is_ok().then(|| {
                member += 1;
                member - 1
            })
        })
        .collect();
    let indices: Vec<usize> = (0..loaded.len()).collect();
    let one = |i: &usize| {
        let record = loaded.get(*i)?;
        let member = (*members.get(*i)?)?;
        let mut verdict = banfa::eval::evaluate_among(pack, &batch, member, as_of)?;
        verdict.suggested_editions = resolver.suggest_editions(&verdict);
        verdict.source = Some(record.origin.source());
        Some(keep(&verdict, record))
    };
    for chunk in indices.chunks(CHUNK) {
        let kept: Vec<Option<T>> = if chunk.len() < PARALLEL_FROM {
            chunk.iter().map(one).collect()
        } else {
            chunk.par_iter().map(one).collect()
        };
        for (&i, kept) in chunk.iter().zip(kept) {
            let Some(record) = loaded.get(i) else {
                continue;
            };
            let first = duplicates
                .get(i)
                .copied()
                .flatten()
                .and_then(|j| loaded.get(j));
            if let Some(first) = first {
                each(Step::Duplicate(duplicate(pack, record, first)));
            }
            match (&record.facts, kept) {
                (Err(refusal), _) => each(Step::Refused(&record.origin, refusal)),
                (Ok(_), Some(kept)) => each(Step::Verdict(kept)),
                (Ok(_), None) => {}
            }
        }
    }
}

/// The records that could be read, evaluated together: each one's relations (the unit's
/// other projects) have the others as members.
fn batch<'a>(pack: &Pack, loaded: &'a [Loaded]) -> Batch<'a> {
    let members = loaded
        .iter()
        .filter_map(|record| {
            let facts = record.facts.as_ref().ok()?;
            Some(Member {
                facts,
                source: Some(record.origin.source()),
            })
        })
        .collect();
    Batch::new(pack, members)
}

/// The warning for a record with the `id` of an earlier one.
fn duplicate(pack: &Pack, record: &Loaded, first: &Loaded) -> CliError {
    let id = record
        .facts
        .as_ref()
        .map_or("", |facts| banfa::eval::record_id(pack, facts));
    CliError::DuplicateId {
        id: id.to_owned(),
        file: place(&record.origin),
        first: place(&first.origin),
    }
}

/// A record's place as people read it: `FILE`, `FILE:LINE`, or for a spreadsheet's row
/// `FILE!SHEET!ROW` (`FILE!ROW` for CSV), as spreadsheet references read.
pub fn place(origin: &Origin) -> String {
    match (origin.line, &origin.sheet, origin.row) {
        (Some(line), _, _) => format!("{}:{line}", origin.file),
        (None, Some(sheet), Some(row)) => format!("{}!{sheet}!{row}", origin.file),
        (None, None, Some(row)) => format!("{}!{row}", origin.file),
        _ => origin.file.clone(),
    }
}
