//! The records a command is given, as offices hold them: files, directories (walked for
//! record files), and `-` for standard input; each file read into its records — one for a
//! YAML or JSON file, one a line for JSON Lines (`.jsonl`).
//!
//! Every record keeps where it came from, and a record that cannot be read keeps its place
//! with the reason, so a batch's output has one entry per input record, in input order.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use banfa::diagnostics::Diagnostics;
use banfa::i18n::Report;
use banfa::record::{self, Facts, RecordError};
use banfa::{Pack, input};
use rayon::prelude::*;

use super::error::CliError;

/// The extensions of the files a directory is walked for.
const RECORD_EXTENSIONS: [&str; 6] = ["yaml", "yml", "json", "jsonl", "csv", "xlsx"];

/// Where a record came from: the file as named (`-` for standard input) and, for a file of
/// many records, its line, or its sheet and row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file.
    pub file: String,
    /// The record's line, from 1, in a file of one record a line.
    pub line: Option<usize>,
    /// The sheet of a workbook.
    pub sheet: Option<String>,
    /// The row, from 1 as a spreadsheet numbers rows, in a ledger.
    pub row: Option<usize>,
}

impl Origin {
    fn file(file: String) -> Self {
        Origin {
            file,
            line: None,
            sheet: None,
            row: None,
        }
    }

    /// As the library's verdicts name it.
    pub fn source(&self) -> banfa::verdict::RecordSource<'_> {
        banfa::verdict::RecordSource {
            file: &self.file,
            line: self.line,
            sheet: self.sheet.as_deref(),
            row: self.row,
        }
    }
}

/// Why a record could not be evaluated.
#[derive(Debug)]
pub enum Refusal {
    /// The file could not be read, or a directory held no records.
    Cli(CliError),
    /// The record is not valid.
    Record(Diagnostics<RecordError>),
}

impl Refusal {
    /// The problem, to report.
    pub fn report(&self) -> &dyn Report {
        match self {
            Refusal::Cli(error) => error,
            Refusal::Record(errors) => errors,
        }
    }
}

/// One input record: where it came from, and its facts or why there are none.
#[derive(Debug)]
pub struct Loaded {
    /// Where.
    pub origin: Origin,
    /// Its facts, or why it cannot be evaluated.
    pub facts: Result<Facts, Refusal>,
}

/// Every record of the arguments, in order: a directory's files in the order of their
/// paths. Files are read and parsed on every core; standard input on this thread.
pub fn load(arguments: &[PathBuf], pack: &Pack) -> Vec<Loaded> {
    let mut tasks = Vec::new();
    for argument in arguments {
        if argument.as_os_str() == "-" {
            tasks.push(Task::Stdin);
        } else if argument.is_dir() {
            from_directory(argument, &mut tasks);
        } else {
            tasks.push(Task::File(argument.clone()));
        }
    }
    let read = |task: &Task| match task {
        Task::File(path) => from_file(path, pack),
        Task::Stdin | Task::Refused(_) => Vec::new(),
    };
    let parsed: Vec<Vec<Loaded>> = if tasks.len() < 64 {
        tasks.iter().map(read).collect()
    } else {
        tasks.par_iter().map(read).collect()
    };
    let mut out = Vec::with_capacity(tasks.len());
    for (task, records) in tasks.into_iter().zip(parsed) {
        match task {
            Task::Stdin => out.extend(from_stdin(pack)),
            Task::Refused(refused) => out.push(*refused),
            Task::File(_) => out.extend(records),
        }
    }
    out
}

/// What one argument, or one file under a directory, stands for.
enum Task {
    /// A file to read.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A directory that could not be read, or held no records.
    Refused(Box<Loaded>),
}

/// The records of one file, read as its extension says.
fn from_file(path: &Path, pack: &Pack) -> Vec<Loaded> {
    let name = path.display().to_string();
    match input::read(path, input::MAX_RECORD_BYTES) {
        Ok(bytes) => records(name, kind_of(path), &bytes, pack),
        Err(error) => vec![refused(name, CliError::unreadable(path, &error))],
    }
}

/// The records on standard input: JSON Lines, JSON or YAML, as the text looks
/// ([`sniff`]).
fn from_stdin(pack: &Pack) -> Vec<Loaded> {
    let name = "-".to_owned();
    let mut bytes = Vec::new();
    let limit = input::MAX_RECORD_BYTES;
    let read = std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes);
    let too_large = u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit;
    match read {
        Ok(_) if !too_large => records(name, sniff(&bytes), &bytes, pack),
        Ok(_) => vec![refused(
            name,
            CliError::unreadable(Path::new("-"), &input::too_large(limit)),
        )],
        Err(error) => vec![refused(name, CliError::unreadable(Path::new("-"), &error))],
    }
}

/// The record files under a directory, walked in the order of their paths; links to
/// directories are not followed (they could lead back up), hidden entries are skipped.
fn from_directory(dir: &Path, tasks: &mut Vec<Task>) {
    let mut pending = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                let name = dir.display().to_string();
                tasks.push(refused_task(name, CliError::unreadable(&dir, &error)));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            match entry.file_type() {
                _ if hidden => {}
                Ok(kind) if kind.is_dir() => pending.push(path),
                Ok(_) if is_record_file(&path) => files.push(path),
                _ => {}
            }
        }
    }
    if files.is_empty() {
        let name = dir.display().to_string();
        tasks.push(refused_task(
            name.clone(),
            CliError::NoRecords { dir: name },
        ));
    }
    files.sort();
    tasks.extend(files.into_iter().map(Task::File));
}

fn is_record_file(path: &Path) -> bool {
    path.extension().is_some_and(|extension| {
        RECORD_EXTENSIONS
            .iter()
            .any(|known| extension.eq_ignore_ascii_case(known))
    })
}

/// How a file's records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One record.
    One(record::Format),
    /// One JSON record a line.
    JsonLines,
    /// One record a row of a spreadsheet.
    Table(record::TableFormat),
}

fn kind_of(path: &Path) -> Kind {
    if let Some(format) = record::TableFormat::of(path) {
        return Kind::Table(format);
    }
    match path.extension() {
        Some(extension) if extension.eq_ignore_ascii_case("jsonl") => Kind::JsonLines,
        _ => Kind::One(record::Format::of(path)),
    }
}

/// What standard input holds: JSON Lines when a line after the first opens an object at its
/// start (a pretty-printed JSON record indents all but its first and last lines), JSON
/// when the text opens with `{`, else YAML.
fn sniff(bytes: &[u8]) -> Kind {
    let text = bytes.trim_ascii_start();
    if text.first() != Some(&b'{') {
        return Kind::One(record::Format::Yaml);
    }
    let more = text
        .split(|&b| b == b'\n')
        .skip(1)
        .any(|line| line.first() == Some(&b'{'));
    if more {
        Kind::JsonLines
    } else {
        Kind::One(record::Format::Json)
    }
}

/// The records of a file's bytes.
fn records(name: String, kind: Kind, bytes: &[u8], pack: &Pack) -> Vec<Loaded> {
    match kind {
        Kind::One(format) => {
            let facts = record::load_bytes_as(format, &name, bytes, pack).map_err(Refusal::Record);
            vec![Loaded {
                origin: Origin::file(name),
                facts,
            }]
        }
        Kind::JsonLines => json_lines(&name, bytes, pack),
        Kind::Table(format) => table(name, format, bytes, pack),
    }
}

/// One record a row of a ledger; a problem with the file as a whole refuses it, at its
/// place, as one.
fn table(name: String, format: record::TableFormat, bytes: &[u8], pack: &Pack) -> Vec<Loaded> {
    let rows = match record::load_table(format, &name, bytes, pack) {
        Ok(rows) => rows,
        Err(errors) => {
            return vec![Loaded {
                origin: Origin::file(name),
                facts: Err(Refusal::Record(errors)),
            }];
        }
    };
    if rows.is_empty() {
        return vec![refused(name.clone(), CliError::NoRecords { dir: name })];
    }
    rows.into_iter()
        .map(|row| Loaded {
            origin: Origin {
                file: name.clone(),
                line: None,
                sheet: row.sheet,
                row: Some(row.row),
            },
            facts: row.facts.map_err(Refusal::Record),
        })
        .collect()
}

/// One record a non-blank line. A line's diagnostics name it `FILE:LINE`.
fn json_lines(name: &str, bytes: &[u8], pack: &Pack) -> Vec<Loaded> {
    let lines = bytes.split(|&b| b == b'\n').enumerate();
    let records: Vec<(usize, &[u8])> = lines
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .collect();
    let mut out: Vec<Loaded> = records
        .par_iter()
        .with_min_len(64)
        .map(|&(index, line)| {
            let line_number = index + 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let located = format!("{name}:{line_number}");
            let facts = record::load_bytes_as(record::Format::Json, &located, line, pack)
                .map_err(Refusal::Record);
            Loaded {
                origin: Origin {
                    line: Some(line_number),
                    ..Origin::file(name.to_owned())
                },
                facts,
            }
        })
        .collect();
    if out.is_empty() {
        out.push(refused(
            name.to_owned(),
            CliError::NoRecords {
                dir: name.to_owned(),
            },
        ));
    }
    out
}

fn refused_task(file: String, error: CliError) -> Task {
    Task::Refused(Box::new(refused(file, error)))
}

fn refused(file: String, error: CliError) -> Loaded {
    Loaded {
        origin: Origin::file(file),
        facts: Err(Refusal::Cli(error)),
    }
}

/// Records given twice: for each record whose `id` an earlier record has, the index of
/// that earlier record.
pub fn duplicates(loaded: &[Loaded], id: impl Fn(&Facts) -> &str) -> Vec<Option<usize>> {
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    loaded
        .iter()
        .enumerate()
        .map(|(i, record)| {
            let facts = record.facts.as_ref().ok()?;
            let earlier = *first.entry(id(facts)).or_insert(i);
            (earlier != i).then_some(earlier)
        })
        .collect()
}
