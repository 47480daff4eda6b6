//! A ledger gives its projects the verdicts they get as YAML records.
//!
//! Five projects of `fixtures/` — compliant (a fiscal project under way, and a non-fiscal
//! platform), non-compliant, undetermined and out of scope, none with a list of earlier
//! projects, which a cell cannot hold — are the rows of
//! `fixtures/ledger/five-projects.csv` (headed by the fields' paths) and of
//! `fixtures/ledger/five-projects-labels.csv` (headed by the fields' labels where a label
//! names one field, yes/no written `是`/`否`), and of a workbook written here with typed
//! cells (dates as Excel dates, amounts and years as numbers, yes/no as booleans), over
//! two sheets with an empty one between. Each row's verdict, as JSON, is the YAML record's.

use std::path::Path;

use banfa::pack::Type;
use banfa::record::{TableFormat, TableRecord, load_table};
use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// The fixtures, in the ledgers' order.
const PROJECTS: [&str; 5] = [
    "record-md-example",
    "filing-non-fiscal-broadband-not-filed",
    "unknown-unit-status-absent",
    "scope-non-fiscal-ordinary-application",
    "scope-non-fiscal-ecommerce",
];

/// The date every fixture names in its first line.
const AS_OF: &str = "2021-06-30";

fn pack() -> banfa::Pack {
    banfa::embedded::default_pack().expect("the city edition checks")
}

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").expect("a date")
}

/// The verdict on a fixture's YAML record, as JSON.
fn yaml_verdict(pack: &banfa::Pack, name: &str) -> String {
    let text = std::fs::read_to_string(format!("fixtures/{name}.yaml")).expect("fixture");
    assert!(text.starts_with(&format!("# as_of: {AS_OF}")), "{name}");
    let source = banfa::Source::new(name, text.as_str());
    let facts = banfa::record::load(&source, pack)
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    banfa::render::json(&banfa::eval::evaluate(pack, &facts, as_of()))
}

/// The verdict on each row of a ledger, as JSON.
fn row_verdicts(pack: &banfa::Pack, records: &[TableRecord]) -> Vec<String> {
    records
        .iter()
        .map(|record| match &record.facts {
            Ok(facts) => banfa::render::json(&banfa::eval::evaluate(pack, facts, as_of())),
            Err(errors) => panic!(
                "row {} of {:?}: {}",
                record.row,
                record.sheet,
                banfa::diagnostics::plain(errors, banfa::i18n::Lang::En, 120)
            ),
        })
        .collect()
}

fn status(verdict: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(verdict).expect("verdict JSON");
    json["status"].as_str().unwrap_or_default().to_owned()
}

fn assert_same_verdicts(pack: &banfa::Pack, records: &[TableRecord]) {
    let rows = row_verdicts(pack, records);
    assert_eq!(rows.len(), PROJECTS.len());
    for (name, row) in PROJECTS.iter().zip(&rows) {
        assert_eq!(*row, yaml_verdict(pack, name), "{name}");
    }
    let statuses: Vec<String> = rows.iter().map(|verdict| status(verdict)).collect();
    assert_eq!(
        statuses,
        [
            "compliant",
            "non_compliant",
            "undetermined",
            "out_of_scope",
            "compliant"
        ]
    );
}

fn read_csv(pack: &banfa::Pack, path: &str) -> Vec<TableRecord> {
    let bytes = std::fs::read(path).expect("ledger fixture");
    assert_eq!(TableFormat::of(Path::new(path)), Some(TableFormat::Csv));
    load_table(TableFormat::Csv, path, &bytes, pack)
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

#[test]
fn csv_rows_get_the_verdicts_of_the_yaml_records() {
    let pack = pack();
    let records = read_csv(&pack, "fixtures/ledger/five-projects.csv");
    let rows: Vec<usize> = records.iter().map(|record| record.row).collect();
    assert_eq!(rows, [2, 3, 4, 5, 6]);
    assert_same_verdicts(&pack, &records);
}

#[test]
fn csv_rows_headed_by_labels_get_the_same_verdicts() {
    let pack = pack();
    let records = read_csv(&pack, "fixtures/ledger/five-projects-labels.csv");
    assert_same_verdicts(&pack, &records);
}

/// The CSV ledger's header and rows.
fn ledger() -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path("fixtures/ledger/five-projects.csv").expect("ledger");
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|row| row.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// Writes a cell as a workbook types its field's values.
fn write_cell(
    sheet: &mut rust_xlsxwriter::Worksheet,
    (row, column): (u32, u16),
    ty: Option<&Type>,
    text: &str,
) {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let written = match ty {
        _ if text.is_empty() => return,
        Some(Type::Date) => {
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date");
            let day = ExcelDateTime::parse_from_str(&day.to_string()).expect("an Excel date");
            sheet.write_datetime_with_format(row, column, &day, &date)
        }
        Some(Type::Money | Type::Integer) => {
            sheet.write_number(row, column, text.parse::<f64>().expect("a number"))
        }
        Some(Type::Bool) => sheet.write_boolean(row, column, text == "true"),
        _ => sheet.write_string(row, column, text),
    };
    written.expect("the cell is written");
}

/// The ledger as a workbook: the first three projects on one sheet, then an empty sheet,
/// then the other two under an empty row.
fn workbook(pack: &banfa::Pack) -> Vec<u8> {
    let (header, rows) = ledger();
    let types: Vec<Option<&Type>> = header
        .iter()
        .map(|path| {
            pack.schema
                .slots
                .iter()
                .find(|slot| &*slot.path == path)
                .map(|slot| &slot.ty)
        })
        .collect();
    let mut book = Workbook::new();
    for (name, range, skip) in [("市本级", 0..3, 0), ("空白", 0..0, 0), ("非财政", 3..5, 1)]
    {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("a sheet name");
        if range.is_empty() {
            continue;
        }
        for (column, path) in (0..).zip(&header) {
            sheet.write_string(0, column, path).expect("a header cell");
        }
        for (index, row) in (1 + skip..).zip(&rows[range]) {
            for ((column, text), ty) in (0..).zip(row).zip(&types) {
                write_cell(sheet, (index, column), *ty, text);
            }
        }
    }
    book.save_to_buffer().expect("the workbook is written")
}

#[test]
fn xlsx_rows_with_typed_cells_get_the_same_verdicts() {
    let pack = pack();
    let bytes = workbook(&pack);
    assert_eq!(
        TableFormat::of(Path::new("台账.xlsx")),
        Some(TableFormat::Xlsx)
    );
    let records = load_table(TableFormat::Xlsx, "台账.xlsx", &bytes, &pack)
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let places: Vec<(Option<&str>, usize)> = records
        .iter()
        .map(|record| (record.sheet.as_deref(), record.row))
        .collect();
    assert_eq!(
        places,
        [
            (Some("市本级"), 2),
            (Some("市本级"), 3),
            (Some("市本级"), 4),
            (Some("非财政"), 3),
            (Some("非财政"), 4),
        ]
    );
    assert_same_verdicts(&pack, &records);
}

#[test]
fn a_wrong_cell_of_the_ledger_is_named() {
    let pack = pack();
    let text = std::fs::read_to_string("fixtures/ledger/five-projects.csv").expect("ledger");
    // The first project's declaration date (column L) on a day February lacks.
    let text = text.replacen("2019-07-22", "2019-02-30", 1);
    let records = load_table(TableFormat::Csv, "台账.csv", text.as_bytes(), &pack)
        .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let Err(errors) = &records[0].facts else {
        panic!("expected errors")
    };
    let error = errors.iter().next().expect("an error");
    assert_eq!(banfa::record::cell_of(error), Some("L2"));
    let code = miette::Diagnostic::code(error).map(|code| code.to_string());
    assert_eq!(code.as_deref(), Some("banfa::record::no_such_day"));
    let rendered = banfa::diagnostics::plain(errors, banfa::i18n::Lang::Zh, 120);
    assert!(rendered.contains("台账.csv!L2"), "{rendered}");
    assert!(
        rendered.contains("申报日期（declaration.submitted_on）"),
        "{rendered}"
    );
    assert!(records[1..].iter().all(|record| record.facts.is_ok()));
}
