//! The slips of Chinese input, named ([`super::super::slips`]), and fields named by label.

use super::*;

/// The help in Chinese.
fn help_zh(error: &RecordError) -> String {
    let localized = crate::i18n::Localized::new(error, crate::i18n::Lang::Zh);
    miette::Diagnostic::help(&localized)
        .map(|h| h.to_string())
        .unwrap_or_default()
}

fn message_zh(error: &RecordError) -> String {
    crate::i18n::Report::message(error).render(crate::i18n::Lang::Zh)
}

#[test]
fn a_full_width_colon_after_a_key_is_named_at_the_colon() {
    let yaml = with("title：甲");
    let error = only(&yaml);
    let RecordError::FullWidth { fixed, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(fixed, "title: 甲");
    assert_eq!(labelled(&yaml, &error), "：");
    assert!(
        help_zh(&error).contains("`title: 甲`"),
        "{}",
        help_zh(&error)
    );
}

#[test]
fn a_full_width_colon_in_a_flow_mapping_is_named_not_an_unknown_field() {
    let yaml = MINIMAL.replace("{ filed: 2020-01-02 }", "{ filed：2020-01-02 }");
    let error = errors(&yaml).into_iter().next();
    let Some(error @ RecordError::FullWidth { .. }) = error else {
        panic!("{error:?}")
    };
    assert_eq!(labelled(&yaml, &error), "：");
    assert!(
        help(&error).contains("`filed: 2020-01-02`"),
        "{}",
        help(&error)
    );
}

#[test]
fn full_width_braces_are_named_with_the_line_as_it_should_read() {
    let yaml = with("cost: ｛ public: 5， private: 6 ｝");
    let error = only(&yaml);
    let RecordError::FullWidth { fixed, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(labelled(&yaml, &error), "｛");
    assert_eq!(fixed, "cost: { public: 5, private: 6 }");
}

#[test]
fn full_width_marks_in_text_values_are_text() {
    let yaml = with("title: 说明：甲，乙［丙］");
    assert_eq!(
        value(&yaml, TITLE),
        Some(Value::Text("说明：甲，乙［丙］".into()))
    );
}

#[test]
fn a_tab_in_the_indentation_is_named_at_the_tab() {
    let yaml = "code: A-1\nyear: 2020\nkind: 苹果\nsteps:\n\tfiled: 2020-01-02\n";
    let error = only(yaml);
    assert!(matches!(error, RecordError::Tab { .. }), "{error:?}");
    assert_eq!(labelled(yaml, &error), "\t");
    assert_eq!(message_zh(&error), "YAML 缩进只能用空格，不能用 Tab 键");
}

#[test]
fn thousands_separators_in_a_flow_mapping_are_one_error_not_unknown_fields() {
    let yaml = with("cost: { public: 4,860,000 }");
    let error = only(&yaml);
    let RecordError::ThousandsSeparator {
        path,
        found,
        digits,
        ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(
        (&**path, &**found, &**digits),
        ("cost.public", "4,860,000", "4860000")
    );
    assert_eq!(labelled(&yaml, &error), "4,860,000");
    assert!(help(&error).contains("`\"4,860,000\"`"), "{}", help(&error));
}

#[test]
fn a_number_key_after_a_spaced_comma_stays_an_unknown_field() {
    let error = only(&with("cost: { public: 4, 860: 1 }"));
    assert!(
        matches!(error, RecordError::UnknownField { .. }),
        "{error:?}"
    );
}

#[test]
fn a_text_where_a_list_belongs_shows_the_list_form() {
    for written in ["苹果、香蕉", "［苹果，香蕉］"] {
        let error = only(&with(&format!("tags: {written}")));
        let RecordError::Shape { list, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(list.as_deref(), Some("[苹果, 香蕉]"));
        assert!(help_zh(&error).contains("是列表"), "{}", help_zh(&error));
    }
}

#[test]
fn terms_joined_by_a_chinese_comma_in_a_list_show_the_items() {
    let error = only(&with("tags: [苹果，香蕉]"));
    let RecordError::UnknownTerm { items, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(items.as_deref(), Some("苹果, 香蕉"));
}

#[test]
fn a_prefix_of_several_terms_lists_them() {
    let error = only(&with("big: term1"));
    let RecordError::UnknownTerm {
        candidates,
        suggestion,
        ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(candidates.len(), 10, "{candidates:?}");
    assert_eq!(*suggestion, None);
    assert!(
        help(&error).contains("begin with `term1`"),
        "{}",
        help(&error)
    );
}

#[test]
fn a_prefix_of_one_term_suggests_it() {
    let error = only(&with("big: term2"));
    let RecordError::UnknownTerm { suggestion, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(suggestion.as_deref(), Some("term20"));
}

#[test]
fn a_gb18030_file_is_named_with_the_command_that_converts_it() {
    let bytes = b"code: \xc4\xfe\nyear: 2020\n";
    let Err(errors) = load_bytes("dir/record.yaml", bytes, &pack()) else {
        panic!("accepted")
    };
    let error = errors.into_iter().next();
    let Some(error @ RecordError::Gb18030 { .. }) = error else {
        panic!("{error:?}")
    };
    let help = help_zh(&error);
    assert!(
        help.contains("iconv -f GB18030 -t UTF-8 dir/record.yaml > dir/record-utf8.yaml"),
        "{help}"
    );
}

#[test]
fn a_utf8_file_with_one_stray_byte_is_not_named_gb18030() {
    let bytes = b"title: \xe7\x94\xb2\xb7\xb7\n";
    let Err(errors) = load_bytes("record.yaml", bytes, &pack()) else {
        panic!("accepted")
    };
    let error = errors.into_iter().next();
    assert!(
        matches!(error, Some(RecordError::NotUtf8 { .. })),
        "{error:?}"
    );
}

#[test]
fn common_parser_messages_get_a_plain_explanation() {
    let error = only(&with("title: a: b"));
    assert!(
        matches!(
            error,
            RecordError::Syntax {
                hint: Some("colon"),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(help_zh(&error).contains("加引号"), "{}", help_zh(&error));
}

/// The test pack, its `year` and `cost.public` described.
fn labelled_pack() -> Pack {
    let mut pack = pack();
    for field in &mut pack.schema.fields {
        match (&*field.name, &mut field.shape) {
            ("year", _) => field.doc = Some("建设年度；有预算的必填（某条）".into()),
            ("cost", FieldShape::Group(inner)) => {
                if let Some(public) = inner.first_mut() {
                    public.doc = Some("公共资金（元）".into());
                }
            }
            _ => {}
        }
    }
    pack
}

#[test]
fn chinese_messages_name_a_described_field_by_its_label_and_path() {
    let pack = labelled_pack();
    let yaml =
        MINIMAL.replace("year: 2020", "year: 二〇二〇") + "cost: { public: 很多 }\ntitle: [a]\n";
    let Err(errors) = load(&source(&yaml), &pack) else {
        panic!("accepted")
    };
    let zh: Vec<String> = errors.iter().map(message_zh).collect();
    assert!(zh[0].starts_with("建设年度（year）应为整数"), "{zh:?}");
    assert!(
        zh[1].starts_with("公共资金（cost.public）应为金额"),
        "{zh:?}"
    );
    assert!(zh[2].starts_with("`title`应为文本"), "{zh:?}");
    // English messages, and the errors' JSON, keep the path.
    assert!(
        errors
            .iter()
            .next()
            .is_some_and(|e| e.to_string().contains("`year`"))
    );
}

#[test]
fn thousands_separators_outside_braces_are_one_amount() {
    let yaml = MINIMAL.to_owned() + "cost:\n  public: 4,860,000\n";
    assert_eq!(value(&yaml, COST_PUBLIC), Some(money("4860000")));
}

#[test]
fn a_field_indented_into_the_value_above_is_reported_not_read_as_text() {
    // Valid YAML: the deeper line continues `title`, and `secret` would keep its default.
    for line in ["  secret：true", "  secret:true", "    secret ：true"] {
        let yaml = with(&format!("title: 总体方案\n{line}"));
        let error = only(&yaml);
        assert!(
            matches!(&error, RecordError::KeyInValue { path, key, .. } if **path == *"title" && key == "secret"),
            "{error:?}"
        );
        assert_eq!(labelled(&yaml, &error), line.trim_start());
    }
    // In a group and in a row, with the fields of that mapping.
    let yaml = MINIMAL.replace(
        "steps: { filed: 2020-01-02 }",
        "steps:\n  filed: 2020-01-02\n    flag：true",
    );
    assert!(matches!(only(&yaml), RecordError::KeyInValue { key, .. } if key == "flag"));
    let yaml = with("items:\n  - ref: A-0\n      ok：true");
    assert!(matches!(only(&yaml), RecordError::KeyInValue { key, .. } if key == "ok"));
}

#[test]
fn a_text_on_several_lines_that_names_no_field_is_read_as_text() {
    // A word that is not a field of the mapping, or a field's name without a colon.
    let yaml = with("title: 总体方案\n  备注：分两期\n  secret and more");
    assert_eq!(
        value(&yaml, TITLE),
        Some(Value::Text(Arc::from(
            "总体方案 备注：分两期 secret and more"
        )))
    );
    // Quoted, the text is what the writer meant.
    let yaml = with("title: \"总体方案\n  secret：true\"");
    assert_eq!(
        value(&yaml, TITLE),
        Some(Value::Text(Arc::from("总体方案 secret：true")))
    );
}
