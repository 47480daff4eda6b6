//! Diagnostics for broken rule files and bad project records, rendered as a person sees them
//! (colour off). One snapshot per input file; a new case is a new file.
//!
//! - `tests/broken-rules/*.banfa`: each file is added to the city edition's files, so a case
//!   can use the edition's schema and articles; the pack must fail to load.
//! - `tests/bad-records/*`: each record is loaded against the city edition (as JSON for
//!   `.json` files, else as YAML) and must fail.

use banfa::Source;
use banfa::embedded::{self, FILES};
use banfa::i18n::{LANGS, Report};

/// As `banfa` reports it: long lines cut, at most `MAX_SHOWN` problems.
/// In every language, as `banfa --lang …` reports it.
fn render(report: &dyn Report) -> String {
    LANGS
        .map(|lang| {
            let text = banfa::diagnostics::plain(report, lang, 100);
            format!("──── {lang} ────\n{}\n", text.trim_end())
        })
        .join("\n")
}

fn city_sources() -> Vec<Source> {
    FILES
        .iter()
        .filter(|(pack, _, _)| *pack == embedded::DEFAULT_PACK)
        .map(|(pack, file, text)| Source::new(format!("rules/{pack}/{file}"), *text))
        .collect()
}

fn name(path: &std::path::Path) -> String {
    let file = path.file_name().unwrap_or_default().to_string_lossy();
    let dir = path
        .parent()
        .and_then(|p| p.file_name())
        .unwrap_or_default()
        .to_string_lossy();
    format!("tests/{dir}/{file}")
}

#[test]
fn broken_rule_files() {
    insta::glob!("broken-rules/*.banfa", |path| {
        let text = std::fs::read_to_string(path).expect("case is readable");
        let mut sources = city_sources();
        sources.push(Source::new(name(path), text));
        let error = match embedded::compile(&sources) {
            Ok(_) => panic!("{} loaded without error", path.display()),
            Err(error) => error,
        };
        let rendered = render(&error);
        assert!(
            !rendered.contains("Rule::"),
            "a grammar rule name leaked: {rendered}"
        );
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn bad_records() {
    let pack = embedded::default_pack().expect("the city edition checks");
    insta::glob!("bad-records/*", |path| {
        let bytes = std::fs::read(path).expect("case is readable");
        let format = banfa::record::Format::of(path);
        let error = match banfa::record::load_bytes_as(format, &name(path), &bytes, &pack) {
            Ok(_) => panic!("{} loaded without error", path.display()),
            Err(error) => error,
        };
        insta::assert_snapshot!(render(&error));
    });
}
