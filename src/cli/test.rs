//! `banfa test`: run the test cases written next to rule packs (`PACK/tests/*.yaml`) and
//! report each case, the differences of those that fail, and a summary line.

use std::path::{Path, PathBuf};

use banfa::Pack;
use banfa::i18n::{Lang, text};
use banfa::packtest::{self, Case, CaseVerdict, Counts, Report};

use super::{Exit, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa test
  banfa test rules/jingzhou-city
  banfa test --filter 申报

A test file is a YAML list of cases:
  - name: declared on the last day       (unique within the pack)
    record: ../../../fixtures/x.yaml      (relative to the test file, or a mapping)
    with: [../../../fixtures/y.yaml]      (optional: records evaluated together with it)
    as_of: 2021-06-30
    status: compliant                     (optional)
    findings:                             (optional)
      RULE_ID: pass                       (that rule's finding)
      CITATION: fail                      (some finding citing it)
      RULE_ID: { outcome: fail, message: TEXT }

The last line of output is `N passed, M failed` (`, K errors` when some cases cannot run).

Exit status:
  0  every case passed
  1  some case failed
  2  some case could not run (invalid test file, record or key; a pack that does not load)";

/// Where packs are looked for when none is named.
pub const RULES_DIR: &str = "rules";

/// Run the test cases written next to rule packs.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Rule pack directories [default: every pack under `rules/`].
    #[arg(value_name = "PACK_DIR")]
    pub packs: Vec<PathBuf>,

    /// Run only the cases whose name contains this text.
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,

    /// Also let test cases read records from this directory (repeatable). By default a
    /// case's `record:` must lie in its pack or in the current directory.
    #[arg(long, value_name = "DIR")]
    pub allow_outside: Vec<PathBuf>,
}

/// Runs `banfa test`.
pub fn run(args: &Args) -> Exit {
    let Some(dirs) = pack_dirs(&args.packs) else {
        return Exit::Error;
    };
    let (lang, colour) = (super::lang(), super::stdout_colour());
    let mut counts = Counts::default();
    let mut exit = Exit::Success;
    for (i, dir) in dirs.iter().enumerate() {
        if i > 0 {
            exit = exit.max(print("\n"));
        }
        let (pack_counts, printed) = test_pack(
            dir,
            args.filter.as_deref(),
            &args.allow_outside,
            lang,
            colour,
        );
        counts += pack_counts;
        exit = exit.max(printed);
    }
    let summary = packtest::render::counts(counts, lang);
    exit = exit.max(print(&format!("\n{summary}\n")));
    exit.max(counts_exit(counts))
}

fn counts_exit(counts: Counts) -> Exit {
    if counts.errors > 0 {
        Exit::Error
    } else if counts.failed > 0 {
        Exit::Failure
    } else {
        Exit::Success
    }
}

/// Tests one pack: its results on stdout, its diagnostics on stderr. A pack that cannot
/// be loaded counts as one error.
fn test_pack(
    dir: &Path,
    filter: Option<&str>,
    allowed: &[PathBuf],
    lang: Lang,
    colour: bool,
) -> (Counts, Exit) {
    let Some((pack, mut cases)) = load(dir, allowed) else {
        let error = Counts {
            errors: 1,
            ..Counts::default()
        };
        return (error, Exit::Success);
    };
    let written = cases.len();
    if let Some(filter) = filter {
        cases.retain(|case| case.matches(filter));
    }
    let results = packtest::run(&pack, &cases);
    report_errors(&results);
    let what = match (cases.len(), written, filter) {
        (_, 0, _) => {
            let path = dir.join("tests").join("*.yaml").display().to_string();
            text(lang, "test-report-no-cases", &[("path", path.into())])
        }
        (shown, _, Some(filter)) => {
            let args = [
                ("shown", shown.into()),
                ("written", written.into()),
                ("filter", filter.into()),
            ];
            text(lang, "test-report-matching", &args)
        }
        (count, ..) => text(lang, "test-report-cases", &[("count", count.into())]),
    };
    let shown =
        heading(dir, &pack, &what, lang) + &packtest::render::report(&results, lang, colour);
    (results.counts(), print(&shown))
}

/// `rules/x (edition version): what`.
fn heading(dir: &Path, pack: &Pack, what: &str, lang: Lang) -> String {
    let header = &pack.header;
    let args = [
        ("dir", dir.display().to_string().into()),
        ("edition", header.edition.to_string().into()),
        ("version", header.version.to_string().into()),
        ("what", what.into()),
    ];
    text(lang, "test-report-heading", &args) + "\n"
}

/// Writes each case's diagnostics to stderr.
fn report_errors(results: &Report) {
    for result in &results.results {
        if let (CaseVerdict::Error, Err(diagnostics)) = (&result.verdict, &result.case.body) {
            report(diagnostics);
        }
    }
}

/// The pack directories to use: those named, or every pack under [`RULES_DIR`]; `None`
/// after reporting that there are none.
pub fn pack_dirs(named: &[PathBuf]) -> Option<Vec<PathBuf>> {
    if !named.is_empty() {
        return Some(named.to_vec());
    }
    let root = Path::new(RULES_DIR);
    match packtest::discover(root) {
        Ok(dirs) if !dirs.is_empty() => Some(dirs),
        found => {
            report(&super::error::CliError::NoPacks {
                root: root.display().to_string(),
                reason: found.err().as_ref().map(banfa::input::reason),
            });
            None
        }
    }
}

/// A pack and its cases, or `None` after reporting why not.
pub fn load(dir: &Path, allowed: &[PathBuf]) -> Option<(Pack, Vec<Case>)> {
    let loaded = banfa::embedded::load_dir(dir)
        .map_err(|e| Box::new(e) as Box<dyn banfa::i18n::Report>)
        .and_then(|pack| {
            packtest::load_cases_within(dir, &pack, allowed)
                .map(|cases| (pack, cases))
                .map_err(|e| Box::new(e) as Box<dyn banfa::i18n::Report>)
        });
    loaded.map_err(|error| report(error.as_ref())).ok()
}
