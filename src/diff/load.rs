//! The two sides of a diff: each named by an edition (`NAME` or `NAME@VERSION`) or a pack
//! directory, and loaded twice over: as the compiled [`Pack`] (which also checks it) and as
//! the syntax trees of every layer it is built from, so declarations can be compared by the
//! text they are written in.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::DiffError;
use crate::ast::File;
use crate::check::layers::{self, Layered};
use crate::embedded::{
    FILES, PackError, PackInfo, Resolver, embedded_sources, parse_all, read_dir,
};
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

/// Loads the edition a [`Spec`] names. An edition without a version is taken in the version
/// in force on `as_of`, or the latest without a date.
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
            let info = find(resolver, name, version.as_deref(), as_of)?;
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
    let info = find_exact(resolver, name, version)?;
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

/// The pack an edition name (and version) stands for.
fn find(
    resolver: &Resolver,
    name: &str,
    version: Option<&str>,
    as_of: Option<NaiveDate>,
) -> Result<PackInfo, DiffError> {
    let catalog = resolver.catalog();
    let alias = format!("rules/{name}");
    let embedded = catalog
        .iter()
        .find(|info| info.location == alias && is_embedded(&info.location));
    if let (Some(info), None) = (embedded, version) {
        return Ok(info.clone());
    }
    let edition = embedded.map_or(name, |info| &*info.edition);
    let candidates = versions_of(&catalog, edition);
    if candidates.is_empty() {
        return Err(unknown_edition(name, &catalog));
    }
    let chosen = match version {
        Some(version) => candidates
            .iter()
            .copied()
            .find(|info| &*info.version == version),
        None => in_force(&candidates, as_of),
    };
    chosen
        .cloned()
        .ok_or_else(|| unknown_version(edition, version.unwrap_or_default(), &candidates))
}

/// The pack with exactly this edition and version.
fn find_exact(resolver: &Resolver, edition: &str, version: &str) -> Result<PackInfo, DiffError> {
    find(resolver, edition, Some(version), None)
}

/// The pack whose `edition@version` is `origin`, as a pack's chain names it.
fn find_origin(resolver: &Resolver, origin: &str) -> Result<PackInfo, DiffError> {
    resolver
        .catalog()
        .into_iter()
        .find(|info| format!("{}@{}", info.edition, info.version) == origin)
        .ok_or_else(|| DiffError::UnknownEdition {
            name: origin.to_owned(),
            help: None,
        })
}

/// Each version of an edition once, the first found (embedded before the search path).
fn versions_of<'c>(catalog: &'c [PackInfo], edition: &str) -> Vec<&'c PackInfo> {
    let mut out: Vec<&PackInfo> = Vec::new();
    for info in catalog.iter().filter(|info| &*info.edition == edition) {
        if !out.iter().any(|seen| seen.version == info.version) {
            out.push(info);
        }
    }
    out
}

/// The version in force on `as_of`: the latest to have taken effect by then (the earliest if
/// none has yet); without a date, the latest of all.
fn in_force<'c>(candidates: &[&'c PackInfo], as_of: Option<NaiveDate>) -> Option<&'c PackInfo> {
    let effective = |info: &&PackInfo| info.effective.unwrap_or(NaiveDate::MIN);
    let latest = |date: NaiveDate| {
        candidates
            .iter()
            .copied()
            .filter(|info| effective(info) <= date)
            .max_by_key(effective)
    };
    match as_of {
        Some(date) => latest(date).or_else(|| candidates.iter().copied().min_by_key(effective)),
        None => latest(NaiveDate::MAX),
    }
}

fn unknown_edition(name: &str, catalog: &[PackInfo]) -> DiffError {
    let mut editions: Vec<&str> = Vec::new();
    for info in catalog {
        if !editions.contains(&&*info.edition) {
            editions.push(&info.edition);
        }
    }
    let mut help: Vec<String> = crate::fuzzy::help(name, editions.iter().copied())
        .into_iter()
        .collect();
    let quoted: Vec<String> = editions.iter().map(|e| format!("`{e}`")).collect();
    help.push(format!("the editions found are {}", quoted.join(", ")));
    if name.contains(['/', '\\']) {
        help.push(format!("there is no directory `{name}` either"));
    }
    DiffError::UnknownEdition {
        name: name.to_owned(),
        help: Some(help.join("\n")),
    }
}

fn unknown_version(edition: &str, version: &str, candidates: &[&PackInfo]) -> DiffError {
    let versions: Vec<String> = candidates
        .iter()
        .map(|info| format!("`{}`", info.version))
        .collect();
    DiffError::UnknownVersion {
        edition: edition.to_owned(),
        version: version.to_owned(),
        help: Some(format!(
            "`{edition}` has the versions {}",
            versions.join(", ")
        )),
    }
}

/// Whether a catalog location is a pack embedded in the binary.
fn is_embedded(location: &str) -> bool {
    location
        .strip_prefix("rules/")
        .is_some_and(|dir| FILES.iter().any(|(pack, _, _)| *pack == dir))
}

/// The files of the pack at a catalog location: embedded, or a directory on disk.
fn sources_at(location: &str) -> Result<Vec<Source>, PackError> {
    match location.strip_prefix("rules/") {
        Some(dir) if is_embedded(location) => Ok(embedded_sources(dir)),
        _ => read_dir(Path::new(location)),
    }
}
