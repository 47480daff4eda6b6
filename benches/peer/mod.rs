//! The peer set of issue 11: ten compliance rules over a small project record, three ways.
//!
//! - `pack.banfa`: the rules in banfa's language (`banfa check benches/peer`);
//! - [`generate`]: project records from a fixed seed, as Rust values and as YAML;
//! - [`floor`]: the same rules written by hand in plain Rust, outcomes only: the floor
//!   that banfa's per-record cost is measured against.
//!
//! `tests/peer.rs` checks that banfa and the floor agree on every rule of every generated
//! record; `benches/engine.rs` times both, `benches/instructions.rs` counts banfa's
//! instructions. Each includes this module with `#[path]`.

pub mod floor;
pub mod generate;

use chrono::NaiveDate;

/// The pack's only file, compiled into whatever includes this module.
pub const PACK: &str = include_str!("pack.banfa");

/// The evaluation date of every peer record.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 6, 30).expect("a valid date")
}

/// The peer pack, parsed and checked.
pub fn pack() -> banfa::Pack {
    let sources = [banfa::Source::new("benches/peer/pack.banfa", PACK)];
    banfa::embedded::compile(&sources).expect("the peer pack checks")
}

/// A generated record loaded as banfa loads any record: from its YAML.
pub fn facts(pack: &banfa::Pack, project: &generate::Project) -> banfa::Facts {
    let source = banfa::Source::new(format!("{}.yaml", project.id), project.yaml());
    match banfa::record::load(&source, pack) {
        Ok(facts) => facts,
        Err(diagnostics) => panic!("{} does not load: {diagnostics:?}", project.id),
    }
}
