//! `banfa evaluate`: project records in, one verdict per record out (`VERDICT.md`).

use std::io::{self, Write};
use std::path::PathBuf;

use banfa::render::{self, TextOptions};
use banfa::verdict::Status;
use banfa::verdict::Verdict;
use chrono::NaiveDate;

use banfa::i18n::Report;

use super::batch::{self, Step};
use super::inputs;
use super::{Exit, PackChoice, parse_date, report};

const EXAMPLES: &str = "\
Examples:
  banfa evaluate project.yaml
  banfa evaluate --as-of 2021-06-30 --explain project.yaml
  banfa evaluate --ids project.yaml
  banfa evaluate --format json records/*.yaml > verdicts.jsonl
  banfa evaluate --edition NAME project.yaml
  banfa evaluate --edition NAME --pack-path ~/county-packs project.yaml
  banfa evaluate --pack rules/ project.yaml

`--edition NAME` is looked up among the embedded editions, then in each `--pack-path DIR`,
then in `BANFA_PACK_PATH`, and taken in the version in force on `--as-of`. An out-of-scope
verdict suggests only editions that `--edition` finds with the same flags.

Exit status:
  0  every record was evaluated and each is compliant or out of scope
  1  every record was evaluated and at least one is not
  2  something could not be evaluated (unreadable or invalid record, invalid pack, bad flag)";

/// Evaluate project records against a rule pack.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Project records, evaluated together in order: files (YAML; JSON for `.json`; one
    /// JSON record a line for `.jsonl`; one record a row for `.csv` and `.xlsx` ledgers),
    /// directories (their record files, walked in order of path), or `-` for standard input.
    #[arg(required = true, value_name = "PROJECT.yaml")]
    pub records: Vec<PathBuf>,

    /// The pack: a directory, or an edition.
    #[command(flatten)]
    pub choice: PackChoice,

    /// The evaluation date [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// How to print verdicts: text for people, JSON Lines for programs.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Quote the article behind every finding that fails or is unknown (text only).
    #[arg(long)]
    pub explain: bool,

    /// Show each rule's id at the end of its finding, uncoloured (text only; a colour
    /// terminal shows them dim without it).
    #[arg(long)]
    pub ids: bool,
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text in the pack's language.
    Text,
    /// One JSON verdict per line.
    Json,
}

/// Runs `banfa evaluate`.
pub fn run(args: &Args) -> Exit {
    let as_of = args.as_of.unwrap_or_else(super::today);
    let resolver = args.choice.resolver();
    let pack = match args.choice.load(&resolver, as_of) {
        Ok(pack) => pack,
        Err(error) => {
            report(&error);
            return Exit::Error;
        }
    };
    let options = TextOptions {
        colour: super::stdout_colour(),
        explain: args.explain,
        ids: args.ids,
        lang: super::lang(),
    };
    let loaded = inputs::load(&args.records, &pack);
    let mut output = Output::new(args.format);
    let mut exit = Exit::Success;
    let keep = |verdict: &Verdict, _: &inputs::Loaded| {
        let rendered = match args.format {
            Format::Json => render::json(verdict),
            Format::Text => render::text(verdict, &pack, &options),
        };
        (rendered, verdict.status)
    };
    batch::evaluate(&pack, &resolver, as_of, &loaded, keep, |step| {
        exit = exit.max(match step {
            Step::Duplicate(warning) => {
                output.warn(&warning);
                Exit::Error
            }
            Step::Verdict((rendered, status)) => output.verdict(&rendered, status),
            Step::Refused(origin, refusal) => {
                output.refused(origin, refusal.report());
                Exit::Error
            }
        });
    });
    exit.max(output.finish())
}

/// Verdicts on their way to stdout, buffered (a batch writes many a line). A closed pipe
/// (`| head`) stops the printing, not the evaluation, so the exit status still covers every
/// record.
struct Output {
    stdout: io::BufWriter<io::StdoutLock<'static>>,
    format: Format,
    printed: usize,
    open: bool,
    failed: bool,
}

impl Output {
    fn new(format: Format) -> Self {
        Self {
            stdout: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            format,
            printed: 0,
            open: true,
            failed: false,
        }
    }

    /// Prints a rendered verdict (text verdicts a blank line apart, JSON one a line); the
    /// exit status its status stands for.
    fn verdict(&mut self, rendered: &str, status: Status) -> Exit {
        if self.open {
            let separated = match self.format {
                Format::Text if self.printed > 0 => self.stdout.write_all(b"\n"),
                _ => Ok(()),
            };
            self.check(separated);
            let written = self.stdout.write_all(rendered.as_bytes());
            self.check(written);
            if self.format == Format::Json {
                let ended = self.stdout.write_all(b"\n");
                self.check(ended);
            }
            self.printed += 1;
        }
        if status.is_success() {
            Exit::Success
        } else {
            Exit::Failure
        }
    }

    /// Reports a record that could not be evaluated: on stderr, after the verdicts before it
    /// (so that a terminal shows both in order), and, in JSON, as an error object in the
    /// stream at the record's place (`banfa.error/1`), so that line *i* is record *i*.
    fn refused(&mut self, origin: &inputs::Origin, problem: &dyn Report) {
        if self.open && self.format == Format::Json {
            let mut line = super::error_object(origin, problem);
            line.push('\n');
            let written = self.stdout.write_all(line.as_bytes());
            self.check(written);
            self.printed += 1;
        }
        self.flush();
        report(problem);
    }

    /// Reports a problem that does not stop the record's evaluation, on stderr after the
    /// verdicts before it.
    fn warn(&mut self, problem: &dyn Report) {
        self.flush();
        report(problem);
    }

    /// Writes out what is buffered.
    fn flush(&mut self) {
        if self.open {
            let flushed = self.stdout.flush();
            self.check(flushed);
        }
    }

    /// Flushes stdout; [`Exit::Error`] if writing failed for any reason but a closed pipe.
    fn finish(mut self) -> Exit {
        self.flush();
        if self.failed {
            Exit::Error
        } else {
            Exit::Success
        }
    }

    fn check(&mut self, result: io::Result<()>) {
        let Err(error) = result else { return };
        self.open = false;
        if error.kind() != io::ErrorKind::BrokenPipe {
            self.failed = true;
            let _ = writeln!(io::stderr(), "error: cannot write to stdout: {error}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict_and_real() {
        assert_eq!(
            parse_date("2021-06-30"),
            Ok(NaiveDate::from_ymd_opt(2021, 6, 30).unwrap_or_default())
        );
        assert!(parse_date("2024-02-29").is_ok());
        let err = parse_date("2021-02-30").unwrap_err().to_string();
        assert!(err.contains("no such day"), "{err}");
        for bad in [
            "2021-6-30",
            "20210630",
            "2021-06-30T00:00",
            "",
            "２０２１-06-30",
            "+2021-06-30",
        ] {
            let err = parse_date(bad).unwrap_err().to_string();
            assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
        }
    }
}
