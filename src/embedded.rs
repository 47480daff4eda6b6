//! The rule packs shipped inside the binary, and loading packs from disk.

use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use crate::check::{self, CheckError};
use crate::diagnostics::Diagnostics;
use crate::pack::Pack;
use crate::source::Source;
use crate::syntax::{self, SyntaxError};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The directory under `rules/` that holds the default edition.
pub const DEFAULT_PACK: &str = "jingzhou-city";

/// Why a pack could not be loaded.
#[derive(Debug, Error, Diagnostic)]
pub enum PackError {
    /// A rule file or directory could not be read, e.g. `--pack does/not/exist`.
    #[error("cannot read the rule pack at `{path}`: {error}")]
    #[diagnostic(code(banfa::pack::io))]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// A directory with no `.banfa` files, e.g. `--pack fixtures`.
    #[error("`{path}` holds no `.banfa` rule files")]
    #[diagnostic(
        code(banfa::pack::empty),
        help("a pack is a directory of `.banfa` files")
    )]
    Empty {
        /// The directory.
        path: PathBuf,
    },
    /// A rule file does not parse.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Syntax(Diagnostics<SyntaxError>),
    /// The pack parses but does not check.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Check(Diagnostics<CheckError>),
}

/// Parses and checks a pack from its files' sources. Every file is parsed, and all syntax
/// errors are reported together before any checking.
pub fn compile(sources: &[Source]) -> Result<Pack, PackError> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for source in sources {
        match syntax::parse(source) {
            Ok(file) => files.push(file),
            Err(e) => errors.extend(e),
        }
    }
    if let Some(errors) = Diagnostics::new(errors) {
        return Err(PackError::Syntax(errors));
    }
    check::check(&files).map_err(PackError::Check)
}

/// The embedded city edition.
pub fn default_pack() -> Result<Pack, PackError> {
    edition_dir(DEFAULT_PACK).unwrap_or_else(|| {
        Err(PackError::Empty {
            path: DEFAULT_PACK.into(),
        })
    })
}

/// The embedded pack in `rules/<dir>`.
fn edition_dir(dir: &str) -> Option<Result<Pack, PackError>> {
    let sources: Vec<Source> = FILES
        .iter()
        .filter(|(pack, _, _)| *pack == dir)
        .map(|(pack, file, text)| Source::new(format!("rules/{pack}/{file}"), *text))
        .collect();
    (!sources.is_empty()).then(|| compile(&sources))
}

/// The embedded pack whose directory or edition is `name`.
pub fn edition(name: &str) -> Option<Result<Pack, PackError>> {
    if let Some(pack) = edition_dir(name) {
        return Some(pack);
    }
    pack_dirs().into_iter().find_map(|dir| {
        let pack = edition_dir(dir)?;
        match &pack {
            Ok(p) if &*p.header.edition == name => Some(pack),
            _ => None,
        }
    })
}

/// The names `--edition` accepts: each embedded pack's edition.
pub fn edition_names() -> Vec<String> {
    pack_dirs()
        .into_iter()
        .filter_map(|dir| edition_dir(dir)?.ok())
        .map(|p| p.header.edition.to_string())
        .collect()
}

fn pack_dirs() -> Vec<&'static str> {
    let mut dirs: Vec<&str> = FILES.iter().map(|(pack, _, _)| *pack).collect();
    dirs.dedup();
    dirs
}

/// A pack from a directory of `.banfa` files (read in name order).
pub fn load_dir(path: &Path) -> Result<Pack, PackError> {
    let io = |error| PackError::Io {
        path: path.to_owned(),
        error,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "banfa"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(PackError::Empty {
            path: path.to_owned(),
        });
    }
    let sources = files
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).map_err(|error| PackError::Io {
                path: file.clone(),
                error,
            })?;
            Ok(Source::new(file.display().to_string(), text))
        })
        .collect::<Result<Vec<_>, PackError>>()?;
    compile(&sources)
}
