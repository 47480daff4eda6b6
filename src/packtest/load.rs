//! Test files + the pack → runnable [`Case`]s: drafts from [`super::parse`], their rule ids
//! and citations resolved against the pack, their records loaded against its schema.

use std::collections::HashMap;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::error::{CaseErrors, TestError};
use super::parse::{self, Draft, DraftFinding, RecordRef};
use super::{Body, Case, Expectation, Target, cite_key};
use crate::diagnostics::Diagnostics;
use crate::fuzzy;
use crate::pack::Pack;
use crate::record::{self, Facts, RecordError};
use crate::source::{Source, Span};

/// The directory of a pack that holds its tests.
const TESTS_DIR: &str = "tests";

/// The packs under `root`: its subdirectories that hold `.banfa` files, in name order.
///
/// # Errors
/// When `root` cannot be read.
pub fn discover(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut packs: Vec<PathBuf> = std::fs::read_dir(root)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() && has_extension(path, "banfa"))
        .collect();
    packs.sort();
    Ok(packs)
}

/// Whether a directory holds a file with this extension.
fn has_extension(dir: &Path, extension: &str) -> bool {
    files_with_extension(dir, extension).is_ok_and(|files| !files.is_empty())
}

fn files_with_extension(dir: &Path, extension: &str) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

/// The cases of every test file of a pack (`PACK_DIR/tests/*.yaml`, in name order). A pack
/// without a tests directory has no cases.
///
/// # Errors
/// Only when the tests directory exists but cannot be read; problems in test files are
/// errors of the cases they are in.
pub fn load_cases(pack_dir: &Path, pack: &Pack) -> Result<Vec<Case>, TestError> {
    load_cases_within(pack_dir, pack, &[])
}

/// As [`load_cases`], with more directories a test's `record:` may name files in. By
/// default a record must lie in the pack's directory or the current directory (once links
/// are resolved): a pack from elsewhere cannot make `banfa test` read and quote
/// `../../../../etc/passwd`.
///
/// # Errors
/// As [`load_cases`].
pub fn load_cases_within(
    pack_dir: &Path,
    pack: &Pack,
    allowed: &[PathBuf],
) -> Result<Vec<Case>, TestError> {
    let dir = pack_dir.join(TESTS_DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let files = files_with_extension(&dir, "yaml").map_err(|error| TestError::Unreadable {
        path: dir,
        reason: crate::input::reason(&error),
    })?;
    let mut roots = vec![pack_dir.to_owned(), PathBuf::from(".")];
    roots.extend_from_slice(allowed);
    Ok(load_files(&files, pack, &roots))
}

/// The cases of these test files, in order. Names must be unique across them. Records
/// they name must lie inside one of `roots`.
pub fn load_files(files: &[PathBuf], pack: &Pack, roots: &[PathBuf]) -> Vec<Case> {
    let mut loader = Loader::new(pack, roots);
    for file in files {
        loader.file(file);
    }
    loader.cases
}

/// The cases of one test file given as text (an editor's buffer, a fuzzer's input); its
/// records' paths are relative to `dir` and must lie inside one of `roots`.
pub fn load_text(src: Source, dir: &Path, pack: &Pack, roots: &[PathBuf]) -> Vec<Case> {
    let mut loader = Loader::new(pack, roots);
    loader.text(src, dir);
    loader.cases
}

/// Loads test files, remembering the names already used.
struct Loader<'p> {
    /// Where records may be read from.
    roots: &'p [PathBuf],
    pack: &'p Pack,
    targets: Targets,
    /// Each name used so far, with the place of its case.
    names: HashMap<String, String>,
    cases: Vec<Case>,
}

impl<'p> Loader<'p> {
    fn new(pack: &'p Pack, roots: &'p [PathBuf]) -> Self {
        Loader {
            roots,
            pack,
            targets: Targets::new(pack),
            names: HashMap::new(),
            cases: Vec::new(),
        }
    }

    fn file(&mut self, path: &Path) {
        let name = path.display().to_string();
        let text = match crate::input::read_text(path, crate::input::MAX_RULE_FILE_BYTES) {
            Ok(text) => text,
            Err(error) => {
                let error = TestError::Unreadable {
                    path: path.to_owned(),
                    reason: crate::input::reason(&error),
                };
                return self.cases.push(broken(Source::new(name, ""), error));
            }
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        self.text(Source::new(name, text), dir);
    }

    /// The cases of one test file's text; its records' paths are relative to `dir`.
    fn text(&mut self, src: Source, dir: &Path) {
        match parse::parse(&src) {
            Ok(drafts) => {
                for draft in drafts {
                    let case = self.case(&src, dir, draft);
                    self.cases.push(case);
                }
            }
            Err(error) => self.cases.push(broken(src, error)),
        }
    }

    fn case(&mut self, src: &Source, dir: &Path, draft: Draft) -> Case {
        let mut errors = draft.errors;
        let span = draft.name.as_ref().map_or(draft.head, |(_, span)| *span);
        let name = draft.name.map(|(name, _)| name);
        if let Some(name) = &name {
            self.unique(src, name, span, &mut errors);
        }
        let expectations: Vec<Expectation> = draft
            .findings
            .into_iter()
            .filter_map(|finding| self.targets.resolve(src, finding, &mut errors))
            .collect();
        let title = name
            .clone()
            .unwrap_or_else(|| format!("case {}", draft.index));
        let reader = RecordReader {
            src,
            dir,
            title,
            roots: self.roots,
        };
        let facts = draft
            .record
            .and_then(|record| reader.load(&record, self.pack, &mut errors));
        let others: Vec<Facts> = draft
            .others
            .iter()
            .filter_map(|record| reader.load(record, self.pack, &mut errors))
            .collect();
        errors.sort_by_key(|error| error.span_start());
        let body = match (CaseErrors::new(errors), facts, draft.as_of) {
            (Some(errors), ..) => Err(errors),
            (None, Some(facts), Some(as_of)) => Ok(Body {
                as_of,
                facts,
                others,
                status: draft.status,
                expectations,
            }),
            // Parsing reports a missing record or date; this arm only keeps the match whole.
            (None, ..) => Err(CaseErrors::one(incomplete(src, span))),
        };
        Case {
            name,
            file: src.clone(),
            span,
            index: draft.index,
            body,
        }
    }

    /// Reports a name already used by another case of the pack.
    fn unique(&mut self, src: &Source, name: &str, span: Span, errors: &mut Vec<TestError>) {
        let (line, _) = src.line_col(span.start);
        let here = format!("{}:{line}", src.name());
        match self.names.get(name) {
            Some(first) => errors.push(TestError::DuplicateName {
                src: src.clone(),
                span,
                name: name.to_owned(),
                first: first.clone(),
            }),
            None => {
                self.names.insert(name.to_owned(), here);
            }
        }
    }
}

impl TestError {
    /// Where the error points in its test file, for ordering a case's errors.
    fn span_start(&self) -> usize {
        use miette::Diagnostic as _;
        self.labels()
            .and_then(|mut labels| labels.next())
            .map_or(0, |label| label.offset())
    }
}

/// A case standing for a whole file that could not be read as cases.
fn broken(file: Source, error: TestError) -> Case {
    Case {
        name: None,
        file,
        span: Span::default(),
        index: 0,
        body: Err(CaseErrors::one(error)),
    }
}

fn incomplete(src: &Source, span: Span) -> TestError {
    TestError::Missing {
        src: src.clone(),
        span,
        key: "record",
        hint: "incomplete",
    }
}

/// The rule ids and citations expectations may name.
struct Targets {
    /// Rule id → index in the pack.
    rules: HashMap<String, usize>,
    /// Every citation of a rule, in [`cite_key`] form.
    cites: Vec<String>,
}

impl Targets {
    fn new(pack: &Pack) -> Self {
        let rules = pack
            .rules
            .iter()
            .enumerate()
            .map(|(index, rule)| (rule.id.to_string(), index))
            .collect();
        let mut cites: Vec<String> = pack.rules.iter().map(|r| cite_key(&r.cite.label)).collect();
        cites.sort();
        cites.dedup();
        Self { rules, cites }
    }

    /// The expectation, or `None` after reporting a key that names nothing.
    fn resolve(
        &self,
        src: &Source,
        finding: DraftFinding,
        errors: &mut Vec<TestError>,
    ) -> Option<Expectation> {
        let target = self.target(&finding.key);
        if target.is_none() {
            errors.push(self.unknown(src, &finding));
        }
        Some(Expectation {
            target: target?,
            key: finding.key,
            outcome: finding.outcome,
            message: finding.message,
        })
    }

    fn target(&self, key: &str) -> Option<Target> {
        if let Some(index) = self.rules.get(key) {
            return Some(Target::Rule(*index));
        }
        let cite = cite_key(key);
        self.cites.contains(&cite).then_some(Target::Cite(cite))
    }

    fn unknown(&self, src: &Source, finding: &DraftFinding) -> TestError {
        let candidates = self
            .rules
            .keys()
            .map(String::as_str)
            .chain(self.cites.iter().map(String::as_str));
        TestError::UnknownFinding {
            src: src.clone(),
            span: finding.span,
            key: finding.key.clone(),
            suggestion: fuzzy::did_you_mean(&cite_key(&finding.key), candidates).map(str::to_owned),
        }
    }
}

/// Reads the record of one case.
struct RecordReader<'a> {
    /// The test file.
    src: &'a Source,
    /// Its directory, which record paths are relative to.
    dir: &'a Path,
    /// The case's title, naming an inline record's source.
    title: String,
    /// Where records may be read from.
    roots: &'a [PathBuf],
}

impl RecordReader<'_> {
    /// The record's facts, or `None` after reporting why there are none.
    fn load(&self, record: &RecordRef, pack: &Pack, errors: &mut Vec<TestError>) -> Option<Facts> {
        let loaded = match record {
            RecordRef::Path { written, span } => {
                let path = normalize(&self.dir.join(written));
                let read = crate::input::within(&path, self.roots)
                    .and_then(|_| crate::input::read(&path, crate::input::MAX_RECORD_BYTES));
                let bytes = match read {
                    Ok(bytes) => bytes,
                    Err(source) => {
                        errors.push(self.unreadable(*span, &path, source));
                        return None;
                    }
                };
                let format = record::Format::of(&path);
                record::load_bytes_as(format, &path.display().to_string(), &bytes, pack)
            }
            RecordRef::Inline { span } => record::load(&self.inline(*span), pack),
        };
        loaded
            .map_err(|diagnostics| errors.push(self.invalid(record.span(), diagnostics)))
            .ok()
    }

    /// An inline record as a source of its own, dedented so it reads as a record file.
    fn inline(&self, span: Span) -> Source {
        let name = format!("{}#{}", self.src.name(), self.title);
        Source::new(name, dedent(self.src.text(), span))
    }

    fn unreadable(&self, span: Span, path: &Path, source: io::Error) -> TestError {
        TestError::RecordUnreadable {
            src: self.src.clone(),
            span,
            path: path.display().to_string(),
            reason: crate::input::reason(&source),
        }
    }

    fn invalid(&self, span: Span, diagnostics: Diagnostics<RecordError>) -> TestError {
        TestError::Record {
            src: self.src.clone(),
            span,
            name: self.title.clone(),
            errors: diagnostics.into_iter().collect(),
        }
    }
}

/// The text of `span`, with the indentation of its first line removed from every line.
fn dedent(text: &str, span: Span) -> String {
    let before = text.get(..span.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let indent = before.get(line_start..).map_or(0, |s| s.chars().count());
    let body = text.get(span.start..span.end).unwrap_or("");
    let mut out = String::with_capacity(body.len());
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let spaces = if i == 0 {
            0
        } else {
            line.bytes().take(indent).take_while(|b| *b == b' ').count()
        };
        out.push_str(line.get(spaces..).unwrap_or(line));
    }
    out.push('\n');
    out
}

/// `a/b/../c` → `a/c`, without touching the file system, so record names stay readable.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if ends_in_name(&out) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn ends_in_name(path: &Path) -> bool {
    matches!(path.components().next_back(), Some(Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalize_lexically() {
        let path = normalize(Path::new("rules/a/tests/../../../fixtures/./x.yaml"));
        assert_eq!(path, Path::new("fixtures/x.yaml"));
        assert_eq!(normalize(Path::new("../x.yaml")), Path::new("../x.yaml"));
    }

    #[test]
    fn inline_records_are_dedented() {
        let text = "- name: a\n  record:\n    id: X\n    group:\n      k: 1\n  as_of: x\n";
        let start = text.find("id:").unwrap_or(0);
        let end = text.find("1\n").map_or(0, |i| i + 1);
        assert_eq!(
            dedent(text, Span::new(start, end)),
            "id: X\ngroup:\n  k: 1\n"
        );
    }
}
