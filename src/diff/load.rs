//! The two sides of a diff: each named by an edition (`NAME` or `NAME@VERSION`) or a pack
//! directory, and loaded twice over: as the compiled [`Pack`] (which also checks it) and as
//! the syntax trees of every layer it is built from, so declarations can be compared by the
//! text they are written in.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::DiffError;
use crate::ast::File;
use crate::check::layers::{self, Layered};
use crate::embedded::{PackError, PackInfo, Resolver, parse_all, read_dir, sources_at};
use crate::pack::Pack;
use crate::source::Source;

/// How a side of a diff is named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    /// An edition, optionally in one version: `监利`, `监利@2018.1`, or the directory name of
    /// an embedded pack (`jianli-sample-2018`), which names that pack.
    Edition {
        /// The edition's name.
        name: String,
        /// The version; without one, the version in force on the date given, else the latest.
        version: Option<String>,
    },
    /// A directory of `.banfa` files.
    Dir(PathBuf),
}

impl Spec {
    /// Reads an argument: an existing directory is a pack directory; anything else names an
    /// edition, with `@` before its version.
    pub fn from_arg(arg: &str) -> Spec {
        if Path::new(arg).is_dir() {
            return Spec::Dir(PathBuf::from(arg));
        }
        match arg.rsplit_once('@') {
            Some((name, version)) if !name.is_empty() && !version.is_empty() => Spec::Edition {
                name: name.to_owned(),
                version: Some(version.to_owned()),
            },
            _ => Spec::Edition {
                name: arg.to_owned(),
                version: None,
            },
        }
    }
}

/// A loaded edition: the compiled pack and the syntax trees of its layers.
#[derive(Debug)]
pub struct Edition {
    /// The compiled pack, with every edition it extends.
    pub pack: Pack,
    /// Each layer's files, the most general edition first and this one last.
    layers: Vec<Vec<File>>,
}

impl Edition {
    /// `edition@version`.
    pub fn origin(&self) -> &str {
        &self.pack.header.origin
    }

    /// The declarations in force: every layer merged, as the checker merges them.
    pub fn merged(&self) -> Layered<'_> {
        let layers: Vec<&[File]> = self.layers.iter().map(Vec::as_slice).collect();
        // The pack compiled, so merging its layers again reports nothing new.
        layers::merge(&layers, &mut Vec::new())
    }
}

/// Loads the edition a [`Spec`] names, found by [`Resolver::locate`] as `--edition` is. An
/// edition without a version is taken in the version in force on `as_of`, or the latest
/// without a date.
///
/// # Errors
/// An unknown edition or version (with the names that exist), or a pack that cannot be read
/// or does not check.
pub fn load(
    resolver: &Resolver,
    spec: &Spec,
    as_of: Option<NaiveDate>,
) -> Result<Edition, DiffError> {
    let sources = match spec {
        Spec::Dir(dir) => read_dir(dir)?,
        Spec::Edition { name, version } => {
            let info = resolver.locate(name, version.as_deref(), as_of)?;
            sources_at(&info.location)?
        }
    };
    compile(resolver, sources)
}

/// Loads the edition that `edition` extends, in the version it names.
///
/// # Errors
/// [`DiffError::NoBase`] when it extends none; otherwise as [`load`].
pub fn load_base(resolver: &Resolver, edition: &Edition) -> Result<Edition, DiffError> {
    let Some((name, version)) = &edition.pack.header.extends else {
        return Err(DiffError::NoBase {
            origin: edition.origin().to_owned(),
        });
    };
    let info = resolver.locate(name, Some(version), None)?;
    compile(resolver, sources_at(&info.location)?)
}

/// Compiles a pack from its own files, then parses each layer it extends again, found as the
/// resolver found it (embedded packs first, then the search path).
fn compile(resolver: &Resolver, sources: Vec<Source>) -> Result<Edition, DiffError> {
    let pack = resolver.compile(&sources)?;
    let mut layers = Vec::with_capacity(pack.chain.len());
    for origin in pack.chain.iter().skip(1).rev() {
        let info = find_origin(resolver, origin)?;
        layers.push(parse_all(&sources_at(&info.location)?)?);
    }
    layers.push(parse_all(&sources)?);
    Ok(Edition { pack, layers })
}

/// The pack whose `edition@version` is `origin`, as a pack's chain names it.
fn find_origin(resolver: &Resolver, origin: &str) -> Result<PackInfo, DiffError> {
    resolver
        .catalog()
        .iter()
        .find(|info| format!("{}@{}", info.edition, info.version) == origin)
        .cloned()
        .ok_or_else(|| {
            DiffError::Pack(PackError::UnknownEdition {
                name: origin.to_owned(),
                suggestion: None,
                editions: Vec::new(),
            })
        })
}
