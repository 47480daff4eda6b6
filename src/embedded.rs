//! Finding and loading rule packs: the packs shipped inside the binary, packs on disk, and
//! the packs an edition extends (`extends EDITION VERSION`), looked up in the embedded packs
//! and then on a search path (`--pack-path`, `BANFA_PACK_PATH`).
//!
//! An edition named on the command line (`--edition NAME`, `banfa diff A B`) is found by
//! [`Resolver::locate`] and loaded by [`Resolver::edition`], in the version in force on a
//! date; the editions an out-of-scope verdict suggests ([`Resolver::suggest_editions`]) are
//! exactly those that lookup finds.
//!
//! The embedded packs are also stored compiled, at build time (`embedded/precompiled.rs`):
//! loading one decodes it instead of parsing and checking its files, with the same result.
//! Packs on disk, and the bases of packs on disk (which are checked together with them, as
//! syntax trees), are parsed and checked.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use miette::Diagnostic;
use thiserror::Error;

use crate::ast::{self, Declaration, File};
use crate::check::{self, CheckError};
use crate::diagnostics::Diagnostics;
use crate::pack::Pack;
use crate::source::{Source, Span};
use crate::syntax::{self, SyntaxError};

mod precompiled;

pub use crate::generated::FILES;
pub use precompiled::precompile;

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
    /// An edition name no pack has, e.g. `--edition 公安` (did you mean `公安县`?).
    #[error("no edition is named `{name}`")]
    #[diagnostic(code(banfa::pack::edition))]
    UnknownEdition {
        /// The name as given.
        name: String,
        #[help]
        help: Option<String>,
    },
    /// A version the edition does not have, e.g. `监利@2019.1`.
    #[error("the edition `{edition}` has no version `{version}`")]
    #[diagnostic(code(banfa::pack::version))]
    UnknownVersion {
        /// The edition.
        edition: String,
        /// The version asked for.
        version: String,
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
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
///
/// The catalog of packs is read once, when first needed, and kept: a batch of records
/// that suggests editions or looks them up reads the search path once.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    /// Directories that hold packs, or are packs themselves, searched in order.
    search_path: Vec<PathBuf>,
    /// Every pack the resolver can see, once read.
    catalog: OnceLock<Vec<PackInfo>>,
}

impl Resolver {
    /// A resolver over exactly these directories.
    pub fn new(search_path: Vec<PathBuf>) -> Self {
        Self {
            search_path,
            catalog: OnceLock::new(),
        }
    }

    /// A resolver over the given directories followed by those in `BANFA_PACK_PATH`.
    pub fn with_path(mut dirs: Vec<PathBuf>) -> Self {
        if let Some(path) = std::env::var_os(PACK_PATH_VAR) {
            dirs.extend(std::env::split_paths(&path).filter(|p| !p.as_os_str().is_empty()));
        }
        Self::new(dirs)
    }

    /// The directories searched, in order.
    pub fn search_path(&self) -> &[PathBuf] {
        &self.search_path
    }

    /// Parses and checks a pack from its files' sources, with every pack it extends. The
    /// files of an embedded pack, unchanged, give its stored compiled form.
    pub fn compile(&self, sources: &[Source]) -> Result<Pack, PackError> {
        match precompiled::embedded_dir(sources).and_then(precompiled::pack) {
            Some(pack) => Ok(pack),
            None => self.compile_sources(sources),
        }
    }

    /// [`Resolver::compile`] from the sources, whatever is stored.
    pub(crate) fn compile_sources(&self, sources: &[Source]) -> Result<Pack, PackError> {
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

    /// The edition `name` names, checked, in the version in force on `as_of` (the latest
    /// without a date): what every `--edition NAME` loads. It is looked up as
    /// [`Resolver::locate`] looks it up.
    ///
    /// # Errors
    /// An unknown edition (with a did-you-mean and the editions found), no version in force
    /// on `as_of`, or a pack that cannot be read or does not check.
    pub fn edition(&self, name: &str, as_of: Option<NaiveDate>) -> Result<Pack, PackError> {
        let info = self.locate(name, None, as_of)?;
        self.compile_at(&info.location)
    }

    /// The pack at a catalog location: stored compiled if it is an embedded pack that was,
    /// else compiled from its files.
    fn compile_at(&self, location: &str) -> Result<Pack, PackError> {
        let stored = location
            .strip_prefix("rules/")
            .filter(|_| is_embedded(location))
            .and_then(precompiled::pack);
        match stored {
            Some(pack) => Ok(pack),
            None => self.compile_sources(&sources_at(location)?),
        }
    }

    /// The pack an edition name stands for, among the embedded packs and then the search
    /// path: `name` in `version`, or without one in the version in force on `as_of` (the
    /// latest without a date). The directory name of an embedded pack (`jianli-sample-2018`)
    /// names that pack.
    ///
    /// # Errors
    /// An unknown edition or version, or no version in force on `as_of`.
    pub fn locate(
        &self,
        name: &str,
        version: Option<&str>,
        as_of: Option<NaiveDate>,
    ) -> Result<PackInfo, PackError> {
        locate_in(self.catalog(), name, version, as_of)
    }

    /// Every pack the resolver can see, embedded first.
    pub fn catalog(&self) -> &[PackInfo] {
        self.catalog.get_or_init(|| {
            let mut infos = embedded_infos().to_vec();
            for dir in self.candidate_dirs() {
                if let Some(info) = read_dir(&dir)
                    .ok()
                    .and_then(|s| info(&dir.display().to_string(), &s))
                {
                    infos.push(info);
                }
            }
            infos
        })
    }

    /// For an out-of-scope verdict, the editions in force on its date whose jurisdiction is a
    /// value that a failing scope finding read: where the project belongs. Each is a name
    /// that [`Resolver::edition`] loads on that date, in the version whose jurisdiction
    /// matched.
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
        let belongs = |edition: &str| {
            locate_in(catalog, edition, None, Some(verdict.as_of)).is_ok_and(|current| {
                &*current.edition == edition
                    && current
                        .jurisdiction
                        .as_deref()
                        .is_some_and(|j| values.iter().any(|v| v == j))
            })
        };
        edition_names(catalog)
            .into_iter()
            .filter(|edition| *edition != verdict.pack.edition && belongs(edition))
            .map(str::to_owned)
            .collect()
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
        let info = self
            .catalog()
            .iter()
            .find(|info| &*info.edition == edition && &*info.version == version)?;
        sources_at(&info.location).ok()
    }

    fn not_found(&self, src: &Source, edition: &ast::Name, version: &ast::Name) -> PackError {
        let versions: Vec<String> = self
            .catalog()
            .iter()
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

/// [`Resolver::locate`] over a catalog already read.
fn locate_in(
    catalog: &[PackInfo],
    name: &str,
    version: Option<&str>,
    as_of: Option<NaiveDate>,
) -> Result<PackInfo, PackError> {
    let alias = format!("rules/{name}");
    let embedded = catalog
        .iter()
        .find(|info| info.location == alias && is_embedded(&info.location));
    if let (Some(info), None) = (embedded, version) {
        return Ok(info.clone());
    }
    let edition = embedded.map_or(name, |info| &*info.edition);
    let candidates = versions_of(catalog, edition);
    if candidates.is_empty() {
        return Err(unknown_edition(name, catalog));
    }
    let chosen = match version {
        Some(version) => candidates
            .iter()
            .copied()
            .find(|info| &*info.version == version)
            .ok_or_else(|| unknown_version(edition, version, &candidates)),
        None => {
            in_force(&candidates, as_of).ok_or_else(|| not_in_force(edition, as_of, &candidates))
        }
    };
    chosen.cloned()
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

/// The version in force on `as_of`: the latest to have taken effect by then; without a date,
/// the latest of all.
fn in_force<'c>(candidates: &[&'c PackInfo], as_of: Option<NaiveDate>) -> Option<&'c PackInfo> {
    let effective = |info: &&PackInfo| info.effective.unwrap_or(NaiveDate::MIN);
    let date = as_of.unwrap_or(NaiveDate::MAX);
    candidates
        .iter()
        .copied()
        .filter(|info| effective(info) <= date)
        .max_by_key(effective)
}

/// Each edition in the catalog once, in catalog order.
fn edition_names(catalog: &[PackInfo]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for info in catalog {
        if !names.contains(&&*info.edition) {
            names.push(&info.edition);
        }
    }
    names
}

fn unknown_edition(name: &str, catalog: &[PackInfo]) -> PackError {
    let editions = edition_names(catalog);
    let mut help: Vec<String> = crate::fuzzy::help(name, editions.iter().copied())
        .into_iter()
        .collect();
    let quoted: Vec<String> = editions.iter().map(|e| format!("`{e}`")).collect();
    help.push(format!("the editions found are {}", quoted.join(", ")));
    if name.contains(['/', '\\']) {
        help.push(format!("there is no directory `{name}` either"));
    }
    help.push(format!(
        "an edition kept elsewhere is found with `--pack-path DIR` or `{PACK_PATH_VAR}`"
    ));
    PackError::UnknownEdition {
        name: name.to_owned(),
        help: Some(help.join("\n")),
    }
}

fn unknown_version(edition: &str, version: &str, candidates: &[&PackInfo]) -> PackError {
    let versions: Vec<String> = candidates
        .iter()
        .map(|info| format!("`{}`", info.version))
        .collect();
    PackError::UnknownVersion {
        edition: edition.to_owned(),
        version: version.to_owned(),
        help: Some(format!(
            "`{edition}` has the versions {}",
            versions.join(", ")
        )),
    }
}

fn not_in_force(edition: &str, as_of: Option<NaiveDate>, candidates: &[&PackInfo]) -> PackError {
    let first = candidates
        .iter()
        .filter_map(|info| Some((info.effective?, &info.version)))
        .min();
    PackError::NotInForce {
        edition: edition.to_owned(),
        date: as_of.unwrap_or_default(),
        help: first
            .map(|(date, version)| format!("its first version, {version}, takes effect on {date}")),
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

/// What a pack's header says, without checking the pack. Only the file that holds the
/// header is parsed: the files with a line that begins `pack`, or failing that every file.
/// A pack whose other files do not parse is still listed, and says so when it is loaded.
fn info(location: &str, sources: &[Source]) -> Option<PackInfo> {
    let may_hold_header = |source: &&Source| {
        source
            .text()
            .lines()
            .any(|line| line.trim_start().starts_with("pack"))
    };
    let parse = |sources: &mut dyn Iterator<Item = &Source>| {
        sources
            .filter_map(|source| syntax::parse(source).ok())
            .find(|file| header(std::slice::from_ref(file)).is_some())
    };
    let file = parse(&mut sources.iter().filter(may_hold_header))
        .or_else(|| parse(&mut sources.iter()))?;
    let (_, header) = header(std::slice::from_ref(&file))?;
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

/// The embedded packs' headers, stored at build time or else read, once per process.
fn embedded_infos() -> &'static [PackInfo] {
    static INFOS: OnceLock<Vec<PackInfo>> = OnceLock::new();
    INFOS.get_or_init(|| {
        precompiled::infos().unwrap_or_else(|| {
            pack_dirs()
                .into_iter()
                .filter_map(|dir| info(&format!("rules/{dir}"), &embedded_sources(dir)))
                .collect()
        })
    })
}

/// Whether a catalog location is a pack embedded in the binary.
fn is_embedded(location: &str) -> bool {
    location
        .strip_prefix("rules/")
        .is_some_and(|dir| FILES.iter().any(|(pack, _, _)| *pack == dir))
}

/// The files of the pack at a catalog location: embedded, or a directory on disk.
pub(crate) fn sources_at(location: &str) -> Result<Vec<Source>, PackError> {
    match location.strip_prefix("rules/") {
        Some(dir) if is_embedded(location) => Ok(embedded_sources(dir)),
        _ => read_dir(Path::new(location)),
    }
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
    // A pack's files lie inside the pack: a link out of it (`-> /etc/passwd`) is refused,
    // not read and quoted in diagnostics.
    let roots = [path.to_owned()];
    files
        .iter()
        .map(|file| {
            let io = |error| PackError::Io {
                path: file.clone(),
                error,
            };
            crate::input::within(file, &roots).map_err(io)?;
            let text =
                crate::input::read_text(file, crate::input::MAX_RULE_FILE_BYTES).map_err(io)?;
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
    Resolver::default().compile_at(&format!("rules/{DEFAULT_PACK}"))
}

/// The edition named `name` (the latest version), embedded or in `BANFA_PACK_PATH`.
///
/// # Errors
/// As [`Resolver::edition`].
pub fn edition(name: &str) -> Result<Pack, PackError> {
    Resolver::with_path(Vec::new()).edition(name, None)
}

/// The edition used when none is named: the edition of the embedded [`DEFAULT_PACK`].
pub fn default_edition() -> String {
    embedded_infos()
        .iter()
        .find(|info| info.location == format!("rules/{DEFAULT_PACK}"))
        .map_or_else(|| DEFAULT_PACK.to_owned(), |info| info.edition.to_string())
}

/// A pack from a directory of `.banfa` files (read in name order).
pub fn load_dir(path: &Path) -> Result<Pack, PackError> {
    Resolver::with_path(Vec::new()).load_dir(path)
}

/// Not in the catalogue yet, but for the syntax and check errors it wraps, which are.
impl crate::i18n::Report for PackError {
    fn message(&self) -> crate::i18n::Message {
        match self {
            PackError::Syntax(errors) => crate::i18n::Report::message(errors),
            PackError::Check(errors) => crate::i18n::Report::message(errors),
            _ => crate::i18n::Message::default(),
        }
    }
    fn reports(&self) -> Vec<&dyn crate::i18n::Report> {
        match self {
            PackError::Syntax(errors) => crate::i18n::Report::reports(errors),
            PackError::Check(errors) => crate::i18n::Report::reports(errors),
            _ => Vec::new(),
        }
    }
}
