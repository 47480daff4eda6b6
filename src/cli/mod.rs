//! The subcommands, one file each, and what they share: exit statuses, where colour goes,
//! how diagnostics reach stderr, and how `--pack`, `--edition` and `--pack-path` choose a
//! pack.

pub mod batch;
pub mod check;
pub mod completions;
pub mod coverage;
pub mod diff;
pub mod evaluate;
pub mod fmt;
pub mod help;
pub mod inputs;
pub mod packs;
pub mod review;
pub mod schema;
pub mod test;

pub mod error;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use banfa::embedded::{self, PackError, Resolver};
use banfa::i18n::{Lang, Localized, Report};
use banfa::{Pack, diagnostics};
use chrono::NaiveDate;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, SourceSpan};

/// How a subcommand ended, worst last: the exit status of a run is the worst of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything was evaluated and passed (status 0).
    Success,
    /// Everything was evaluated and something did not pass (status 1).
    Failure,
    /// Something could not be evaluated (status 2).
    Error,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        match exit {
            Exit::Success => ExitCode::SUCCESS,
            Exit::Failure => ExitCode::from(1),
            Exit::Error => ExitCode::from(2),
        }
    }
}

/// Whether the user asked for no colour (<https://no-color.org>: set and not empty).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// Whether to colour what goes to stdout.
pub fn stdout_colour() -> bool {
    io::stdout().is_terminal() && !no_color()
}

/// The language of this run, chosen once by [`choose_lang`].
static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language of this run: `--lang`, else `BANFA_LANG`, else the locale, else
/// Chinese ([`Lang::choose`]).
pub fn choose_lang(flag: Option<Lang>) -> Lang {
    *LANG.get_or_init(|| Lang::choose(flag))
}

/// The language of this run.
pub fn lang() -> Lang {
    choose_lang(None)
}

/// Writes a diagnostic to stderr in the run's language, graphically; in colour only on a
/// terminal. Long lines are cut and at most [`diagnostics::MAX_SHOWN`] problems shown
/// ([`diagnostics::render`]).
pub fn report(diagnostic: &dyn Report) {
    let localized = Localized::new(diagnostic, lang());
    let colour = io::stderr().is_terminal() && !no_color();
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_links(colour);
    let rendered = diagnostics::render(&handler, &localized, lang())
        .unwrap_or_else(|_| format!("error: {localized}"));
    // A blank line between reports; nothing sensible is left to do if stderr itself is gone.
    let _ = write!(io::stderr().lock(), "{}\n\n", rendered.trim_end());
}

/// A record that could not be evaluated, as a JSON object in a stream of verdicts
/// (`banfa.error/1`): where it came from and each problem, in the run's language, with its
/// stable code and place; at most [`diagnostics::MAX_SHOWN`], then how many were left out.
/// A record on a line of a file of many (JSON Lines) has its problems' lines counted in
/// the file.
pub fn error_object(origin: &inputs::Origin, problem: &dyn Report) -> String {
    let first_line = origin.line.unwrap_or(1);
    let localized = Localized::new(problem, lang());
    let problems = localized.problems();
    let diagnostics = problems
        .iter()
        .take(diagnostics::MAX_SHOWN)
        .map(|problem| {
            let (name, line, column) = location(*problem);
            // A problem in a ledger has no line: it names its cell.
            let cell = cell_reference(&name).map(str::to_owned);
            let placed = cell.is_none() && line > 0;
            Problem {
                code: problem.code().map(|code| code.to_string()),
                message: problem.message(),
                help: problem.help().map(|help| help.to_string()),
                line: placed.then_some(line + first_line - 1),
                column: (placed && column > 0).then_some(column),
                cell,
            }
        })
        .collect();
    let omitted = problems.len().saturating_sub(diagnostics::MAX_SHOWN);
    let object = ErrorObject {
        format: "banfa.error/1",
        source: ErrorSource {
            file: &origin.file,
            line: origin.line,
            sheet: origin.sheet.as_deref(),
            row: origin.row,
        },
        diagnostics,
        omitted: (omitted > 0).then_some(omitted),
    };
    serde_json::to_string(&object).unwrap_or_default()
}

/// `banfa.error/1`, in the order its fields are written.
#[derive(serde::Serialize)]
struct ErrorObject<'a> {
    format: &'static str,
    source: ErrorSource<'a>,
    diagnostics: Vec<Problem<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    omitted: Option<usize>,
}

/// Where the record came from.
#[derive(serde::Serialize)]
struct ErrorSource<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<usize>,
}

/// One problem: its stable code, its words in the run's language, and its place (1-based).
#[derive(serde::Serialize)]
struct Problem<'a> {
    code: Option<String>,
    message: &'a str,
    help: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
}

/// The cell a ledger's diagnostic names at the end of its source's name
/// (`台账.xlsx!Sheet1!D7`, or the row's range `A7:H7`); `None` for any other source.
fn cell_reference(name: &str) -> Option<&str> {
    let (_, cell) = name.rsplit_once('!')?;
    let is_cell = |part: &str| {
        let letters = part.bytes().take_while(u8::is_ascii_uppercase).count();
        let digits = part.len() - letters;
        letters > 0 && digits > 0 && part.bytes().skip(letters).all(|b| b.is_ascii_digit())
    };
    let mut parts = cell.split(':');
    let whole = parts.next().is_some_and(is_cell) && parts.all(is_cell);
    whole.then_some(cell)
}

/// File name, 1-based line and column (in characters) of a diagnostic's first label.
fn location(diagnostic: &dyn Diagnostic) -> (String, usize, usize) {
    let span: Option<SourceSpan> = diagnostic
        .labels()
        .and_then(|mut labels| labels.next())
        .map(|label| *label.inner());
    let (Some(source), Some(span)) = (diagnostic.source_code(), span) else {
        return (String::new(), 0, 0);
    };
    match source.read_span(&span, 0, 0) {
        Ok(contents) => (
            contents.name().unwrap_or_default().to_owned(),
            contents.line() + 1,
            contents.column() + 1,
        ),
        Err(_) => (String::new(), 0, 0),
    }
}

/// Reports a command line clap refuses, or prints the help or version it asked for.
pub fn arguments(error: &clap::Error) -> Exit {
    match error::CliError::from_clap(error) {
        Some(refused) => {
            report(&refused);
            Exit::Error
        }
        None => {
            // `--help` and `--version`: clap's text, to stdout.
            let _ = error.print();
            Exit::Success
        }
    }
}

/// Writes text to stdout. A closed pipe (`| head`) is not an error; any other failure to
/// write is reported and is [`Exit::Error`].
pub fn print(text: &str) -> Exit {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Exit::Success,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Exit::Success,
        Err(error) => {
            let _ = writeln!(io::stderr(), "error: cannot write to stdout: {error}");
            Exit::Error
        }
    }
}

/// `--as-of`: a calendar date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, error::DateError> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, byte)| match i {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !shaped {
        return Err(error::DateError::Shape(text.to_owned()));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| error::DateError::NoSuchDay(text.to_owned()))
}

/// Today, the date `--as-of` stands for when it is not given.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The flags that choose the pack a command uses: a directory, or an edition found among the
/// embedded packs and then on the search path.
#[derive(Debug, clap::Args)]
pub struct PackChoice {
    /// Load the rule pack from this directory instead of an edition.
    #[arg(long, value_name = "DIR", conflicts_with = "edition")]
    pub pack: Option<PathBuf>,

    /// Use this edition: embedded, or found in `--pack-path` or `BANFA_PACK_PATH`, in the
    /// version in force on `--as-of` [default: the city edition].
    #[arg(long, value_name = "NAME")]
    pub edition: Option<String>,

    /// Also look here for editions and the packs they extend (repeatable; `BANFA_PACK_PATH`
    /// too).
    #[arg(long, value_name = "DIR")]
    pub pack_path: Vec<PathBuf>,
}

impl PackChoice {
    /// Where editions are looked up: the embedded packs, `--pack-path`, `BANFA_PACK_PATH`.
    pub fn resolver(&self) -> Resolver {
        Resolver::with_path(self.pack_path.clone())
    }

    /// The pack chosen, checked: `--pack DIR`, else the edition named (or the default one)
    /// in the version in force on `as_of`.
    pub fn load(&self, resolver: &Resolver, as_of: NaiveDate) -> Result<Pack, PackError> {
        match (&self.pack, &self.edition) {
            (Some(dir), _) => resolver.load_dir(dir),
            (None, Some(name)) => resolver.edition(name, Some(as_of)),
            (None, None) => resolver.edition(&embedded::default_edition(), Some(as_of)),
        }
    }
}
