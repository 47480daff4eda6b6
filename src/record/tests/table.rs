//! Ledgers: rows of a spreadsheet read as records of the test schema, with the same
//! facts and the same problems as YAML records, each problem naming its cell.

use super::super::table::{TableFormat, TableRecord, cell_of, load_table};
use super::*;

/// The header and the one row of `MINIMAL` as CSV.
const HEADER: &str = "code,year,kind,steps.filed";
const ROW: &str = "A-1,2020,苹果,2020-01-02";

fn read(
    format: TableFormat,
    bytes: &[u8],
    pack: &Pack,
) -> Result<Vec<TableRecord>, Vec<RecordError>> {
    let name = match format {
        TableFormat::Csv => "t.csv",
        TableFormat::Xlsx => "t.xlsx",
    };
    load_table(format, name, bytes, pack).map_err(|errors| errors.into_iter().collect())
}

fn csv_with(pack: &Pack, text: &str) -> Result<Vec<TableRecord>, Vec<RecordError>> {
    read(TableFormat::Csv, text.as_bytes(), pack)
}

/// The records of a CSV ledger with a good header.
fn csv(text: &str) -> Vec<TableRecord> {
    csv_with(&pack(), text).unwrap_or_else(|errors| panic!("a bad file: {errors:?}"))
}

/// The problems with a whole CSV file.
fn file_errors(pack: &Pack, text: &str) -> Vec<RecordError> {
    match csv_with(pack, text) {
        Ok(records) => panic!("expected a bad file, got {} records", records.len()),
        Err(errors) => errors,
    }
}

/// The facts of the only record of a CSV ledger.
fn only_facts(text: &str) -> Facts {
    let mut records = csv(text);
    assert_eq!(records.len(), 1);
    match records.remove(0).facts {
        Ok(facts) => facts,
        Err(errors) => panic!("expected facts, got {:?}", messages_of(&errors)),
    }
}

/// The problems of the only record of a CSV ledger.
fn only_errors(text: &str) -> Vec<RecordError> {
    let mut records = csv(text);
    assert_eq!(records.len(), 1);
    match records.remove(0).facts {
        Ok(facts) => panic!("expected errors, got {facts:?}"),
        Err(errors) => errors.into_iter().collect(),
    }
}

/// `MINIMAL` as a ledger, with a column added.
fn with_column(header: &str, cell: &str) -> String {
    format!("{HEADER},{header}\n{ROW},{cell}\n")
}

fn slot_of(facts: &Facts, slot: usize) -> Option<Value> {
    facts.values.get(slot).cloned().flatten()
}

fn text(value: &str) -> Option<Value> {
    Some(Value::Text(value.into()))
}

fn fruits(items: &[&str]) -> Option<Value> {
    let pack = pack();
    let list = items.iter().map(|item| {
        let index = pack.vocabularies[0]
            .terms
            .iter()
            .position(|term| &**term == *item)
            .unwrap_or_default();
        Value::Term(crate::value::Term {
            vocabulary: 0,
            index: u32::try_from(index).unwrap_or_default(),
            name: Arc::from(*item),
        })
    });
    Some(Value::List(list.collect::<Vec<_>>().into()))
}

fn codes<'e>(errors: impl IntoIterator<Item = &'e RecordError>) -> Vec<String> {
    errors
        .into_iter()
        .map(|error| {
            miette::Diagnostic::code(error)
                .map(|code| code.to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// The test pack, its fields described: `标题` for `title`, `日期` for both `start` and
/// `steps.filed`, `费用（元）` for the group `cost`.
fn described() -> Pack {
    let mut pack = pack();
    for field in &mut pack.schema.fields {
        let doc = match &*field.name {
            "title" => "标题：项目的名称",
            "start" => "日期",
            "year" => "年度",
            "cost" => "费用（元）",
            _ => continue,
        };
        field.doc = Some(doc.into());
        if let FieldShape::Group(inner) = &mut field.shape {
            inner[0].doc = Some("公共费用".into());
        }
    }
    for field in &mut pack.schema.fields {
        if let (FieldShape::Group(inner), "steps") = (&mut field.shape, &*field.name) {
            inner[0].doc = Some("日期".into());
        }
    }
    pack
}

#[test]
fn a_row_gives_the_facts_of_the_same_record_in_yaml() {
    let ledger = "\
code,title,year,kind,secret,cost.public,cost.private,start,yearly,tags,steps.filed,steps.flag,big
X,示例,-12,橙子,true,100,2万元,2019-07-22,12-31,香蕉、葡萄,2020-02-29,false,term17
";
    let yaml = "\
code: X
title: 示例
year: -12
kind: 橙子
secret: true
cost: { public: 100, private: \"2万元\" }
start: 2019-07-22
yearly: 12-31
tags: [香蕉, 葡萄]
steps: { filed: 2020-02-29, flag: false }
big: term17
";
    assert_eq!(
        format!("{:?}", only_facts(ledger).values),
        format!("{:?}", facts(yaml).values)
    );
}

#[test]
fn headers_name_fields_by_path_or_by_label() {
    let pack = described();
    let by_path = csv_with(
        &pack,
        "code,year,kind,steps.filed,title,cost.public\nA,2020,苹果,2020-01-02,名,5\n",
    );
    let by_label = csv_with(
        &pack,
        "code,年度,kind,steps.filed,标题,公共费用\nA,2020,苹果,2020-01-02,名,5\n",
    );
    let facts = |records: Result<Vec<TableRecord>, Vec<RecordError>>| match records {
        Ok(records) => format!(
            "{:?}",
            records
                .into_iter()
                .map(|r| r.facts.ok().map(|f| f.values))
                .collect::<Vec<_>>()
        ),
        Err(errors) => panic!("{errors:?}"),
    };
    assert_eq!(facts(by_path), facts(by_label));
}

#[test]
fn unknown_ambiguous_and_repeated_headers_are_problems_with_the_file() {
    let pack = described();
    let errors = file_errors(
        &pack,
        "code,cost.pubic,日期,kind,标题,title,cost,items,steps.filed\nA,1,2020-01-02,苹果,x,y,1,z,2020-01-02\n",
    );
    assert_eq!(
        codes(&errors),
        [
            "banfa::record::unknown_column",
            "banfa::record::ambiguous_column",
            "banfa::record::duplicate_column",
            "banfa::record::unknown_column",
            "banfa::record::rows_column",
        ]
    );
    let shown: Vec<String> = errors
        .iter()
        .map(|e| format!("{e} | {}", help(e)))
        .collect();
    assert!(
        shown[0].contains("`cost.pubic`") && shown[0].contains("did you mean `cost.public`?"),
        "{}",
        shown[0]
    );
    assert!(shown[1].contains("`start`, `steps.filed`"), "{}", shown[1]);
    assert!(
        shown[2].contains("two columns give the field `title`"),
        "{}",
        shown[2]
    );
    assert!(
        shown[3].contains("`cost.public`, `cost.private`"),
        "{}",
        shown[3]
    );
    assert!(shown[4].contains("`items`"), "{}", shown[4]);
    let cells: Vec<Option<&str>> = errors.iter().map(cell_of).collect();
    assert_eq!(
        cells,
        [Some("B1"), Some("C1"), Some("F1"), Some("G1"), Some("H1")]
    );
    assert_eq!(errors[2].source().name(), "t.csv!F1");
    let rendered = render(&errors[2]);
    assert!(
        rendered.contains("E1 标题") && rendered.contains("F1 title"),
        "{rendered}"
    );
}

#[test]
fn a_value_under_an_empty_header_is_a_problem_but_an_empty_column_is_not() {
    let errors = file_errors(&pack(), &format!("{HEADER},,\n{ROW},,x\n"));
    assert_eq!(codes(&errors), ["banfa::record::unnamed_column"]);
    assert_eq!(cell_of(&errors[0]), Some("F1"));
    assert!(errors[0].to_string().contains("column F"), "{}", errors[0]);
    assert_eq!(csv(&format!("{HEADER},,\n{ROW},,\n")).len(), 1);
}

#[test]
fn empty_cells_are_absent_and_empty_rows_are_skipped() {
    let records = csv(&format!(
        "{HEADER},title,cost.private\n\n{ROW},,\n,,,,,\n{ROW}, ,\n"
    ));
    let rows: Vec<usize> = records.iter().map(|record| record.row).collect();
    assert_eq!(rows, [3, 5]);
    for record in records {
        let facts = record
            .facts
            .unwrap_or_else(|e| panic!("{:?}", messages_of(&e)));
        assert_eq!(slot_of(&facts, TITLE), None);
        assert_eq!(slot_of(&facts, COST_PRIVATE), None);
        assert_eq!(
            slot_of(&facts, COST_PUBLIC),
            Some(money("0")),
            "defaults apply"
        );
        assert_eq!(
            slot_of(&facts, TAGS),
            Some(Value::List(Arc::from(Vec::new())))
        );
    }
}

#[test]
fn a_text_field_keeps_its_text_whatever_it_looks_like() {
    for written in ["true", "2020", "null", "~", "2020-01-02", " 带空格 "] {
        let facts = only_facts(&with_column("title", written));
        assert_eq!(slot_of(&facts, TITLE), text(written), "{written}");
    }
}

#[test]
fn yes_no_is_true_or_false_or_the_chinese_words() {
    for (written, value) in [
        ("true", true),
        ("FALSE", false),
        ("是", true),
        ("否", false),
        (" 是 ", true),
    ] {
        let facts = only_facts(&with_column("secret", written));
        assert_eq!(
            slot_of(&facts, SECRET),
            Some(Value::Bool(value)),
            "{written}"
        );
    }
    for written in ["对", "yes", "null"] {
        let errors = only_errors(&with_column("secret", written));
        assert_eq!(codes(&errors), ["banfa::record::not_bool"], "{written}");
    }
}

#[test]
fn a_whole_number_is_plain_as_in_yaml() {
    let facts = only_facts(&format!("{HEADER}\nA-1, 2021 ,苹果,2020-01-02\n"));
    assert_eq!(slot_of(&facts, YEAR), Some(Value::Int(2021)));
    let errors = only_errors("code,year,kind,steps.filed\nA-1,2020.5,苹果,2020-01-02\n");
    assert_eq!(codes(&errors), ["banfa::record::not_integer"]);
}

#[test]
fn a_list_is_one_cell_with_its_items_separated() {
    for written in [
        "苹果、香蕉",
        "苹果，香蕉",
        "\"苹果, 香蕉\"",
        " 苹果 、 香蕉 ",
    ] {
        let facts = only_facts(&with_column("tags", written));
        assert_eq!(
            slot_of(&facts, TAGS),
            fruits(&["苹果", "香蕉"]),
            "{written}"
        );
    }
    assert_eq!(
        slot_of(&only_facts(&with_column("tags", "葡萄")), TAGS),
        fruits(&["葡萄"])
    );
    for (written, at) in [
        ("苹果、、香蕉", "、"),
        ("苹果，", "，"),
        ("\"苹果, ,香蕉\"", ","),
    ] {
        let errors = only_errors(&with_column("tags", written));
        assert_eq!(codes(&errors), ["banfa::record::empty_item"], "{written}");
        let source = errors[0].source();
        let label = miette::Diagnostic::labels(&errors[0]).and_then(|mut l| l.next());
        let label = label.unwrap_or_else(|| panic!("no label"));
        assert_eq!(
            &source.text()[label.offset()..label.offset() + label.len()],
            at,
            "{written}"
        );
    }
    let errors = only_errors(&with_column("tags", "苹果、梨"));
    assert_eq!(codes(&errors), ["banfa::record::unknown_term"]);
}

#[test]
fn a_wrong_value_names_its_file_and_cell() {
    let ledger = format!("{HEADER}\n{ROW}\n\n\n\n\nA-7,2020,苹果,2020-02-30\n");
    let records = csv(&ledger);
    let last = records.last().unwrap_or_else(|| panic!("no records"));
    assert_eq!((last.sheet.as_deref(), last.row), (None, 7));
    let Err(errors) = &last.facts else {
        panic!("expected errors")
    };
    let error = errors.iter().next().unwrap_or_else(|| panic!("no error"));
    assert_eq!(
        miette::Diagnostic::code(error)
            .map(|c| c.to_string())
            .as_deref(),
        Some("banfa::record::no_such_day")
    );
    assert_eq!(cell_of(error), Some("D7"));
    assert_eq!(error.source().name(), "t.csv!D7");
    let rendered = render(error);
    assert!(rendered.contains("[t.csv!D7:"), "{rendered}");
    assert!(
        rendered.contains("D7 steps.filed: 2020-02-30"),
        "{rendered}"
    );
}

#[test]
fn a_missing_field_names_the_row() {
    let errors = only_errors("code,year,kind\nA-1,2020,苹果\n");
    assert_eq!(codes(&errors), ["banfa::record::missing"]);
    assert_eq!(cell_of(&errors[0]), Some("A2:C2"));
    assert!(
        errors[0].to_string().contains("`steps.filed`"),
        "{}",
        errors[0]
    );
}

#[test]
fn problems_of_a_row_are_all_reported_in_column_order() {
    let errors = only_errors("code,year,kind,steps.filed,start\nA-1,1e3,梨,2020-01-02,7/31\n");
    let cells: Vec<Option<&str>> = errors.iter().map(cell_of).collect();
    assert_eq!(cells, [Some("B2"), Some("C2"), Some("E2")]);
}

#[test]
fn csv_with_a_byte_order_mark_and_quoted_commas() {
    let ledger = format!("\u{feff}{HEADER},title\r\n{ROW},\"甲, 乙\"\"丙\"\"\"\r\n");
    let facts = only_facts(&ledger);
    assert_eq!(slot_of(&facts, CODE), text("A-1"));
    assert_eq!(slot_of(&facts, TITLE), text("甲, 乙\"丙\""));
}

#[test]
fn csv_that_is_not_utf8_is_refused() {
    let errors = read(TableFormat::Csv, b"code\n\xff\n", &pack())
        .err()
        .unwrap_or_default();
    assert_eq!(codes(&errors), ["banfa::record::not_utf8"]);
}

#[test]
fn a_csv_row_past_the_columns_of_a_sheet_is_refused() {
    let errors = file_errors(&pack(), &format!("code{}\n", ",".repeat(16_384)));
    assert!(
        matches!(
            &errors[..],
            [RecordError::TableTooLarge {
                hint: Some("columns"),
                ..
            }]
        ),
        "{errors:?}"
    );
    assert_eq!(csv(&format!("code{}\n", ",".repeat(16_383))).len(), 0);
}

#[test]
fn an_empty_file_has_no_header() {
    for text in ["", "\n\n", ",,\n"] {
        assert_eq!(
            codes(&file_errors(&pack(), text)),
            ["banfa::record::table_empty"]
        );
    }
    assert!(csv(HEADER).is_empty());
}

#[test]
fn the_format_is_known_by_the_extension() {
    use std::path::Path;
    assert_eq!(
        TableFormat::of(Path::new("台账.CSV")),
        Some(TableFormat::Csv)
    );
    assert_eq!(
        TableFormat::of(Path::new("a/台账.xlsx")),
        Some(TableFormat::Xlsx)
    );
    assert_eq!(TableFormat::of(Path::new("r.yaml")), None);
    assert_eq!(TableFormat::of(Path::new("xlsx")), None);
}

#[test]
fn the_cell_of_other_problems_is_none() {
    let error = only(&with("bogus: 1"));
    assert_eq!(cell_of(&error), None);
    let errors = read(TableFormat::Xlsx, b"garbage", &pack())
        .err()
        .unwrap_or_default();
    assert_eq!(codes(&errors), ["banfa::record::table_unreadable"]);
    assert_eq!(cell_of(&errors[0]), None);
}

mod workbooks {
    //! `.xlsx` ledgers, written with `rust_xlsxwriter`.

    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    use super::*;

    /// A cell as a workbook types it.
    pub(super) enum X {
        T(&'static str),
        N(f64),
        B(bool),
        D(u16, u8, u8),
        Dt(u16, u8, u8, u16, u8),
        E(&'static str),
    }

    pub(super) fn workbook(sheets: &[(&str, &[&[X]])]) -> Vec<u8> {
        let mut book = Workbook::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (name, rows) in sheets {
            let sheet = book.add_worksheet();
            sheet.set_name(*name).unwrap_or_else(|e| panic!("{e}"));
            for (r, row) in (0..).zip(rows.iter()) {
                for (c, cell) in (0..).zip(row.iter()) {
                    let written = match cell {
                        X::T(text) => sheet.write_string(r, c, *text),
                        X::N(number) => sheet.write_number(r, c, *number),
                        X::B(value) => sheet.write_boolean(r, c, *value),
                        X::D(y, m, d) => {
                            let day = ExcelDateTime::from_ymd(*y, *m, *d)
                                .unwrap_or_else(|e| panic!("{e}"));
                            sheet.write_datetime_with_format(r, c, &day, &date)
                        }
                        X::Dt(y, m, d, h, min) => {
                            let day = ExcelDateTime::from_ymd(*y, *m, *d)
                                .and_then(|day| day.and_hms(*h, *min, 0))
                                .unwrap_or_else(|e| panic!("{e}"));
                            sheet.write_datetime_with_format(r, c, &day, &date)
                        }
                        X::E(error) => {
                            sheet.write_formula(r, c, Formula::new("=NA()").set_result(*error))
                        }
                    };
                    written.unwrap_or_else(|e| panic!("{e}"));
                }
            }
        }
        book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
    }

    fn header() -> Vec<X> {
        ["code", "year", "kind", "steps.filed"]
            .into_iter()
            .map(X::T)
            .collect()
    }

    fn xlsx(bytes: &[u8]) -> Vec<TableRecord> {
        read(TableFormat::Xlsx, bytes, &pack()).unwrap_or_else(|errors| panic!("{errors:?}"))
    }

    fn one_row(extra: &'static str, cells: Vec<X>) -> Result<Facts, Vec<RecordError>> {
        let mut head = header();
        head.push(X::T(extra));
        let bytes = workbook(&[("台账", &[&head, &cells])]);
        let mut records = xlsx(&bytes);
        assert_eq!(records.len(), 1);
        records
            .remove(0)
            .facts
            .map_err(|errors| errors.into_iter().collect())
    }

    fn minimal(extra: X) -> Vec<X> {
        vec![
            X::T("A-1"),
            X::N(2020.0),
            X::T("苹果"),
            X::D(2020, 1, 2),
            extra,
        ]
    }

    #[test]
    fn typed_cells_keep_their_type() {
        let facts =
            one_row("cost.private", minimal(X::N(3_200_000.0))).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            slot_of(&facts, YEAR),
            Some(Value::Int(2020)),
            "a number 2020.0 is the year 2020"
        );
        assert_eq!(
            slot_of(&facts, STEPS_FILED),
            Some(Value::Date(date(2020, 1, 2)))
        );
        assert_eq!(slot_of(&facts, COST_PRIVATE), Some(money("3200000")));
        let facts = one_row("steps.flag", minimal(X::B(true))).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(slot_of(&facts, STEPS_FLAG), Some(Value::Bool(true)));
        let facts = one_row("title", minimal(X::N(2020.0))).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            slot_of(&facts, TITLE),
            text("2020"),
            "a number in a text field is its text"
        );
        let facts =
            one_row("start", minimal(X::T("2019-07-22"))).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(slot_of(&facts, START), Some(Value::Date(date(2019, 7, 22))));
    }

    #[test]
    fn an_error_cell_is_a_problem_naming_its_cell() {
        let errors = one_row("start", minimal(X::E("#N/A")))
            .err()
            .unwrap_or_default();
        assert_eq!(codes(&errors), ["banfa::record::error_cell"]);
        assert_eq!(cell_of(&errors[0]), Some("E2"));
        assert_eq!(errors[0].source().name(), "t.xlsx!台账!E2");
        assert!(errors[0].to_string().contains("`#N/A`"), "{}", errors[0]);
    }

    #[test]
    fn an_error_cell_of_a_required_field_is_reported_once() {
        let row = vec![X::E("#REF!"), X::N(2020.0), X::T("苹果"), X::D(2020, 1, 2)];
        let bytes = workbook(&[("S", &[&header(), &row])]);
        let records = xlsx(&bytes);
        let Err(errors) = &records[0].facts else {
            panic!("expected errors")
        };
        assert_eq!(codes(errors.iter()), ["banfa::record::error_cell"]);
        assert_eq!(errors.iter().next().and_then(cell_of), Some("A2"));
    }

    #[test]
    fn a_date_with_a_time_of_day_is_a_problem() {
        let errors = one_row("start", minimal(X::Dt(2020, 8, 14, 14, 30)))
            .err()
            .unwrap_or_default();
        assert_eq!(codes(&errors), ["banfa::record::time_in_cell"]);
        assert!(
            errors[0].to_string().contains("`2020-08-14 14:30:00`"),
            "{}",
            errors[0]
        );
        let facts =
            one_row("start", minimal(X::Dt(2020, 8, 14, 0, 0))).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(slot_of(&facts, START), Some(Value::Date(date(2020, 8, 14))));
    }

    #[test]
    fn every_sheet_with_a_header_is_read_and_an_empty_one_skipped() {
        let row = minimal(X::T("x"));
        let row = &row[..4];
        let bytes = workbook(&[
            ("一", &[&header(), row]),
            ("空", &[]),
            ("二", &[&[], &header(), &[], row, row]),
        ]);
        let records = xlsx(&bytes);
        let places: Vec<(Option<&str>, usize)> = records
            .iter()
            .map(|record| (record.sheet.as_deref(), record.row))
            .collect();
        assert_eq!(places, [(Some("一"), 2), (Some("二"), 4), (Some("二"), 5)]);
        assert!(records.iter().all(|record| record.facts.is_ok()));
    }

    #[test]
    fn a_zip_that_is_not_a_workbook_is_unreadable() {
        let errors = read(
            TableFormat::Xlsx,
            &stored_zip("hello.txt", b"hello"),
            &pack(),
        )
        .err()
        .unwrap_or_default();
        assert_eq!(codes(&errors), ["banfa::record::table_unreadable"]);
        let truncated = workbook(&[("S", &[&header()])]);
        for bytes in [
            &truncated[..truncated.len() / 2],
            b"PK\x03\x04",
            &[0xff; 64][..],
        ] {
            let errors = read(TableFormat::Xlsx, bytes, &pack())
                .err()
                .unwrap_or_default();
            assert_eq!(codes(&errors), ["banfa::record::table_unreadable"]);
        }
    }

    #[test]
    fn a_damaged_workbook_is_reported_never_a_panic() {
        let row = minimal(X::T("x"));
        let good = workbook(&[("S", &[&header(), &row[..4]]), ("T", &[&header()])]);
        for end in (0..good.len()).step_by(37) {
            let _ = read(TableFormat::Xlsx, &good[..end], &pack());
        }
        for at in (0..good.len()).step_by(13) {
            let mut bad = good.clone();
            bad[at] ^= 0x5a;
            let _ = read(TableFormat::Xlsx, &bad, &pack());
        }
    }

    /// A zip archive of one file, stored without compression.
    fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
        zip_of(&[(name, data)])
    }

    /// A zip archive of files stored without compression.
    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let le32 = |n: usize| u32::try_from(n).unwrap_or_default().to_le_bytes();
        let le16 = |n: usize| u16::try_from(n).unwrap_or_default().to_le_bytes();
        let (mut out, mut directory) = (Vec::new(), Vec::new());
        for (name, data) in files {
            let mut common = vec![20, 0, 0, 0, 0, 0, 0, 0, 0, 0];
            common.extend(crc32(data).to_le_bytes());
            common.extend(le32(data.len()));
            common.extend(le32(data.len()));
            common.extend(le16(name.len()));
            common.extend([0, 0]);
            directory.extend(b"PK\x01\x02");
            directory.extend([20, 0]);
            directory.extend(&common);
            directory.extend([0; 10]);
            directory.extend(le32(out.len()));
            directory.extend(name.as_bytes());
            out.extend(b"PK\x03\x04");
            out.extend(&common);
            out.extend(name.as_bytes());
            out.extend(*data);
        }
        let offset = out.len();
        out.extend(&directory);
        out.extend(b"PK\x05\x06");
        out.extend([0, 0, 0, 0]);
        out.extend(le16(files.len()));
        out.extend(le16(files.len()));
        out.extend(le32(directory.len()));
        out.extend(le32(offset));
        out.extend([0, 0]);
        out
    }

    /// A workbook of one sheet whose cells are `cells` (`<c>` elements), written by hand.
    fn handmade(cells: &str) -> Vec<u8> {
        let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let book = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>{cells}</row></sheetData></worksheet>"#
        );
        zip_of(&[
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("xl/workbook.xml", book.as_bytes()),
            ("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ])
    }

    #[test]
    fn a_sheet_past_the_size_of_a_workbook_is_refused() {
        let cell = |at: &str| format!(r#"<c r="{at}" t="inlineStr"><is><t>code</t></is></c>"#);
        let ok = read(TableFormat::Xlsx, &handmade(&cell("XFD1048576")), &pack());
        assert!(matches!(&ok, Ok(records) if records.is_empty()), "{ok:?}");
        for (at, what) in [("A1048577", "rows"), ("XFE1", "columns")] {
            let errors = read(TableFormat::Xlsx, &handmade(&cell(at)), &pack())
                .err()
                .unwrap_or_default();
            assert!(
                matches!(&errors[..], [RecordError::TableTooLarge { hint: Some(hint), .. }] if *hint == what),
                "{at}: {errors:?}"
            );
        }
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0_u32;
        for byte in data {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
