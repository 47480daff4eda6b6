//! Finding and loading rule packs: the packs shipped inside the binary, packs on disk, and
//! the packs an edition extends (`extends EDITION VERSION`), looked up in the embedded packs
//! and then on a search path (`--pack-path`, `BANFA_PACK_PATH`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use miette::Diagnostic;
use thiserror::Error;

use crate::ast::{self, Declaration, File};
use crate::check::{self, CheckError};
use crate::diagnostics::Diagnostics;
use crate::pack::Pack;
use crate::source::{Source, Span};
use crate::syntax::{self, SyntaxError};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The directory under `rules/` that holds the default edition.
pub const DEFAULT_PACK: &str = "jingzhou-city";

/// The environment variable holding extra pack directories, separated like `PATH`.
pub const PACK_PATH_VAR: &str = "BANFA_PACK_PATH";

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
    /// `extends` names an edition or version that cannot be found, e.g. `extends 荆州市本级 2016.1`.
    #[error("cannot find the edition `{edition}` version `{version}` that this pack extends")]
    #[diagnostic(code(banfa::pack::base))]
    BaseNotFound {
        /// The edition named.
        edition: String,
        /// The version named.
        version: String,
        #[source_code]
        src: Source,
        #[label("extended here")]
        span: Span,
        #[help]
        help: Option<String>,
    },
    /// An edition asked for on a date before its first version took effect, e.g.
    /// `--edition 公安县 --as-of 2017-10-01` when 公安县's first version takes effect in 2018.
    #[error("no version of the edition `{edition}` is in force on {date}")]
    #[diagnostic(code(banfa::pack::not_in_force))]
    NotInForce {
        /// The edition.
        edition: String,
        /// The date asked for.
        date: NaiveDate,
        #[help]
        help: Option<String>,
    },
    /// Editions that extend each other in a circle, e.g. A extends B and B extends A.
    #[error("editions extend each other in a circle: {chain}")]
    #[diagnostic(code(banfa::pack::cycle))]
    Cycle {
        /// The editions on the circle, `A@1 → B@1 → A@1`.
        chain: String,
        #[source_code]
        src: Source,
        #[label("extends an edition that extends this one")]
        span: Span,
    },
}

/// A pack found: where, and what its header says.
#[derive(Debug, Clone)]
pub struct PackInfo {
    /// `rules/<dir>` for embedded packs, else the directory.
    pub location: String,
    /// The edition.
    pub edition: Arc<str>,
    /// Its version.
    pub version: Arc<str>,
    /// When it takes effect.
    pub effective: Option<NaiveDate>,
    /// The jurisdiction it governs.
    pub jurisdiction: Option<Arc<str>>,
    /// The edition and version it extends.
    pub extends: Option<(Arc<str>, Arc<str>)>,
}

/// Where packs are looked up: the embedded packs, then the search path.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    /// Directories that hold packs, or are packs themselves, searched in order.
    pub search_path: Vec<PathBuf>,
}

impl Resolver {
    /// A resolver over the given directories followed by those in `BANFA_PACK_PATH`.
    pub fn with_path(mut dirs: Vec<PathBuf>) -> Self {
        if let Some(path) = std::env::var_os(PACK_PATH_VAR) {
            dirs.extend(std::env::split_paths(&path).filter(|p| !p.as_os_str().is_empty()));
        }
        Self { search_path: dirs }
    }

    /// Parses and checks a pack from its files' sources, with every pack it extends.
    pub fn compile(&self, sources: &[Source]) -> Result<Pack, PackError> {
        let files = parse_all(sources)?;
        let mut layers = vec![files];
        let mut seen: Vec<String> = Vec::new();
        while let Some(base) = self.base_of(
            layers.first().map(Vec::as_slice).unwrap_or_default(),
            &mut seen,
        )? {
            layers.insert(0, base);
        }
        let layers: Vec<&[File]> = layers.iter().map(Vec::as_slice).collect();
        check::check_layers(&layers).map_err(PackError::Check)
    }

    /// A pack from a directory of `.banfa` files (read in name order).
    pub fn load_dir(&self, path: &Path) -> Result<Pack, PackError> {
        self.compile(&read_dir(path)?)
    }

    /// The embedded edition named `name` (or kept in `rules/<name>`), in the version in force
    /// on `as_of` when several versions are embedded.
    pub fn edition(&self, name: &str, as_of: Option<NaiveDate>) -> Option<Result<Pack, PackError>> {
        let infos = embedded_infos();
        let location = format!("rules/{name}");
        let edition = infos
            .iter()
            .find(|info| info.location == location)
            .map_or(name, |info| &*info.edition);
        let candidates: Vec<PackInfo> = infos
            .iter()
            .filter(|info| &*info.edition == edition)
            .cloned()
            .collect();
        let Some(chosen) = in_force(&candidates, as_of) else {
            let first = candidates.iter().filter_map(|c| c.effective).min()?;
            return Some(Err(PackError::NotInForce {
                edition: edition.to_owned(),
                date: as_of.unwrap_or(first),
                help: Some(format!("its first version takes effect on {first}")),
            }));
        };
        let dir = chosen.location.trim_start_matches("rules/");
        Some(self.compile(&embedded_sources(dir)))
    }

    /// Every pack the resolver can see, embedded first.
    pub fn catalog(&self) -> Vec<PackInfo> {
        let mut infos = embedded_infos();
        for dir in self.candidate_dirs() {
            if let Some(info) = read_dir(&dir)
                .ok()
                .and_then(|s| info(&dir.display().to_string(), &s))
            {
                infos.push(info);
            }
        }
        infos
    }

    /// For an out-of-scope verdict, the editions in force on its date whose jurisdiction is a
    /// value that a failing scope finding read: where the project belongs.
    pub fn suggest_editions(&self, verdict: &crate::verdict::Verdict<'_>) -> Vec<String> {
        use crate::verdict::{Kind, Outcome, Status};
        if verdict.status != Status::OutOfScope {
            return Vec::new();
        }
        let values: Vec<String> = verdict
            .findings
            .iter()
            .filter(|f| f.kind == Kind::Scope && f.outcome == Outcome::Fail)
            .flat_map(|f| f.facts.iter().map(|read| read.value.to_string()))
            .collect();
        let catalog = self.catalog();
        let mut editions: Vec<String> = Vec::new();
        for info in &catalog {
            let edition = &*info.edition;
            if edition == verdict.pack.edition || editions.iter().any(|e| e == edition) {
                continue;
            }
            let versions: Vec<PackInfo> = catalog
                .iter()
                .filter(|i| &*i.edition == edition)
                .cloned()
                .collect();
            let Some(current) = in_force(&versions, Some(verdict.as_of)) else {
                continue;
            };
            let jurisdiction = current.jurisdiction.as_deref();
            if jurisdiction.is_some_and(|j| values.iter().any(|v| v == j)) {
                editions.push(edition.to_owned());
            }
        }
        editions
    }

    /// The files of the pack that `files` extends, if it extends one.
    fn base_of(
        &self,
        files: &[File],
        seen: &mut Vec<String>,
    ) -> Result<Option<Vec<File>>, PackError> {
        let Some((src, header)) = header(files) else {
            return Ok(None);
        };
        let origin = format!("{}@{}", entry(header, "edition"), entry(header, "version"));
        let Some((edition, version)) = &header.extends else {
            return Ok(None);
        };
        seen.push(origin.clone());
        let wanted = format!("{}@{}", edition.text, version.text);
        if seen.contains(&wanted) {
            return Err(PackError::Cycle {
                chain: format!("{} → {wanted}", seen.join(" → ")),
                src: src.clone(),
                span: edition.span.to(version.span),
            });
        }
        match self.find(&edition.text, &version.text) {
            Some(sources) => parse_all(&sources).map(Some),
            None => Err(self.not_found(src, edition, version)),
        }
    }

    /// The sources of the pack with this edition and version.
    fn find(&self, edition: &str, version: &str) -> Option<Vec<Source>> {
        let matches = |info: &PackInfo| &*info.edition == edition && &*info.version == version;
        if let Some(info) = embedded_infos().into_iter().find(matches) {
            return Some(embedded_sources(info.location.trim_start_matches("rules/")));
        }
        self.candidate_dirs().into_iter().find_map(|dir| {
            let sources = read_dir(&dir).ok()?;
            let info = info(&dir.display().to_string(), &sources)?;
            matches(&info).then_some(sources)
        })
    }

    fn not_found(&self, src: &Source, edition: &ast::Name, version: &ast::Name) -> PackError {
        let versions: Vec<String> = self
            .catalog()
            .into_iter()
            .filter(|info| *info.edition == *edition.text)
            .map(|info| info.version.to_string())
            .collect();
        let help = if versions.is_empty() {
            let editions: Vec<String> = self
                .catalog()
                .iter()
                .map(|i| i.edition.to_string())
                .collect();
            Some(format!(
                "the packs found are {}; add a directory with `--pack-path` or `{PACK_PATH_VAR}`",
                editions.join(", ")
            ))
        } else {
            Some(format!(
                "`{}` has the versions {}",
                edition.text,
                versions.join(", ")
            ))
        };
        PackError::BaseNotFound {
            edition: edition.text.to_string(),
            version: version.text.to_string(),
            src: src.clone(),
            span: edition.span.to(version.span),
            help,
        }
    }

    /// Each search-path entry, and each directory directly inside it.
    fn candidate_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = Vec::new();
        for entry in &self.search_path {
            dirs.push(entry.clone());
            if let Ok(read) = std::fs::read_dir(entry) {
                let mut inner: Vec<PathBuf> = read
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect();
                inner.sort();
                dirs.extend(inner);
            }
        }
        dirs
    }
}

/// The version in force on `as_of`: the latest to have taken effect by then; without a date,
/// the latest of all.
fn in_force(candidates: &[PackInfo], as_of: Option<NaiveDate>) -> Option<&PackInfo> {
    let effective = |info: &&PackInfo| info.effective.unwrap_or(NaiveDate::MIN);
    match as_of {
        Some(date) => candidates
            .iter()
            .filter(|info| effective(info) <= date)
            .max_by_key(effective),
        None => candidates.iter().max_by_key(effective),
    }
}

/// Parses every file; all syntax errors are reported together.
pub(crate) fn parse_all(sources: &[Source]) -> Result<Vec<File>, PackError> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for source in sources {
        match syntax::parse(source) {
            Ok(file) => files.push(file),
            Err(e) => errors.extend(e),
        }
    }
    match Diagnostics::new(errors) {
        Some(errors) => Err(PackError::Syntax(errors)),
        None => Ok(files),
    }
}

fn header(files: &[File]) -> Option<(&Source, &ast::PackDecl)> {
    files.iter().find_map(|file| {
        file.declarations.iter().find_map(|d| match d {
            Declaration::Pack(p) => Some((&file.source, p)),
            _ => None,
        })
    })
}

fn entry<'d>(header: &'d ast::PackDecl, key: &str) -> &'d str {
    header
        .entries
        .iter()
        .find(|(k, _)| &*k.text == key)
        .map_or("", |(_, v)| &v.text)
}

/// What a pack's header says, without checking the pack.
fn info(location: &str, sources: &[Source]) -> Option<PackInfo> {
    let files = parse_all(sources).ok()?;
    let (_, header) = header(&files)?;
    let text = |key: &str| {
        Some(entry(header, key))
            .filter(|v| !v.is_empty())
            .map(Arc::from)
    };
    Some(PackInfo {
        location: location.to_owned(),
        edition: text("edition")?,
        version: text("version")?,
        effective: NaiveDate::parse_from_str(entry(header, "effective"), "%Y-%m-%d").ok(),
        jurisdiction: text("jurisdiction"),
        extends: header
            .extends
            .as_ref()
            .map(|(e, v)| (e.text.clone(), v.text.clone())),
    })
}

fn embedded_infos() -> Vec<PackInfo> {
    pack_dirs()
        .into_iter()
        .filter_map(|dir| info(&format!("rules/{dir}"), &embedded_sources(dir)))
        .collect()
}

/// The files of the embedded pack in `rules/<dir>`.
pub(crate) fn embedded_sources(dir: &str) -> Vec<Source> {
    FILES
        .iter()
        .filter(|(pack, _, _)| *pack == dir)
        .map(|(pack, file, text)| Source::new(format!("rules/{pack}/{file}"), *text))
        .collect()
}

fn pack_dirs() -> Vec<&'static str> {
    let mut dirs: Vec<&str> = FILES.iter().map(|(pack, _, _)| *pack).collect();
    dirs.dedup();
    dirs
}

/// The `.banfa` files of a directory, in name order.
pub(crate) fn read_dir(path: &Path) -> Result<Vec<Source>, PackError> {
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
    files
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).map_err(|error| PackError::Io {
                path: file.clone(),
                error,
            })?;
            Ok(Source::new(file.display().to_string(), text))
        })
        .collect()
}

/// Parses and checks a pack from its files' sources (resolving what it extends among the
/// embedded packs and `BANFA_PACK_PATH`).
pub fn compile(sources: &[Source]) -> Result<Pack, PackError> {
    Resolver::with_path(Vec::new()).compile(sources)
}

/// The embedded city edition.
pub fn default_pack() -> Result<Pack, PackError> {
    Resolver::default().compile(&embedded_sources(DEFAULT_PACK))
}

/// The embedded edition named `name` (the latest version).
pub fn edition(name: &str) -> Option<Result<Pack, PackError>> {
    Resolver::with_path(Vec::new()).edition(name, None)
}

/// The names `--edition` accepts: each embedded pack's edition.
pub fn edition_names() -> Vec<String> {
    let mut names: Vec<String> = embedded_infos()
        .iter()
        .map(|i| i.edition.to_string())
        .collect();
    names.dedup();
    names
}

/// A pack from a directory of `.banfa` files (read in name order).
pub fn load_dir(path: &Path) -> Result<Pack, PackError> {
    Resolver::with_path(Vec::new()).load_dir(path)
}
