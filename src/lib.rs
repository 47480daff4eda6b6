//! banfa: a regulation as a versioned rule pack, a project record in, an explained verdict out.
//!
//! | stage    | module      | entry                 | from → to                         |
//! |----------|-------------|-----------------------|-----------------------------------|
//! | parse    | [`syntax`]  | [`syntax::parse`]     | rule file text → [`ast::File`]    |
//! | check    | [`check`]   | [`check::check`]      | AST of a pack → compiled [`Pack`] |
//! | load     | [`record`]  | [`record::load`], [`record::load_json`] | project YAML or JSON → typed [`Facts`] |
//! | evaluate | [`eval`]    | [`eval::evaluate`]    | pack + facts + date → [`Verdict`] |
//! | render   | [`render`]  | [`render::text`], [`render::json`] | verdict → text or JSON |
//!
//! Many records evaluated together form an [`eval::Batch`]: a pack's relations (`relation …
//! = records with the same unit`) have the batch's other records as members
//! ([`eval::evaluate_among`]), and [`review`] turns a batch's verdicts into a reviewer's
//! ledger (text, CSV, a workbook, an HTML report).
//!
//! Packs are found and loaded by [`embedded`]: the packs shipped in the binary, directories
//! on disk, and the editions a pack `extends` (merged layer by layer in [`check::layers`]).
//! The shipped packs are also compiled when the crate is built (`build.rs` runs parse and
//! check on them), so loading one decodes it instead of parsing and checking it again.
//!
//! Alongside the stages, for the people who write rules:
//!
//! | module          | what it does                                                        |
//! |-----------------|---------------------------------------------------------------------|
//! | [`packtest`]    | a pack's own test cases (`PACK/tests/*.yaml`) and article coverage |
//! | [`lint`]        | warnings: legal but suspicious pieces of a pack                     |
//! | [`fmt`]         | the canonical layout of rule files, and rewriting them safely       |
//! | [`json_schema`] | the record format as a JSON Schema for editors, a Markdown table    |
//! | [`diff`]        | what one edition changes against another, or how verdicts differ   |
//!
//! The engine knows nothing of any particular regulation: fields, vocabularies, deadlines,
//! articles and messages all come from the rule pack (`rules/` in the repository).

pub mod ast;
pub mod check;
pub mod diagnostics;
pub mod diff;
pub mod embedded;
pub mod eval;
pub mod fmt;
mod fuzzy;
pub mod i18n;
/// What `build.rs` generates: the embedded rule files and the packs they compile to.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}
pub mod input;
pub mod json_schema;
pub mod lint;
pub mod pack;
pub mod packtest;
pub mod properties;
pub mod record;
pub mod render;
pub mod review;
pub mod source;
pub mod syntax;
pub mod value;
pub mod verdict;

pub use diagnostics::Diagnostics;
pub use pack::Pack;
pub use record::Facts;
pub use source::Source;
pub use verdict::Verdict;
