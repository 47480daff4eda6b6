//! The command line's words about packs, pack tests and editions: Chinese by default,
//! English with `--lang en`.

mod common;

use std::process::Output;

/// `banfa` with `args` in a locale that chooses no language (so Chinese, the default).
fn banfa(args: &[&str]) -> Output {
    common::neutral().args(args).output().expect("banfa runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_missing_pack_dir_is_reported_in_chinese_by_default() {
    let out = banfa(&["test", "nowhere/"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("banfa::pack::io"), "{text}");
    assert!(
        text.contains("无法读取位于 `nowhere/` 的规则包：文件或目录不存在"),
        "{text}"
    );
}

#[test]
fn a_missing_pack_dir_is_reported_in_english_with_lang_en() {
    let out = banfa(&["test", "nowhere/", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(
        text.contains("cannot read the rule pack at `nowhere/`: no such file or directory"),
        "{text}"
    );
}

#[test]
fn an_edition_cut_short_gets_a_did_you_mean_in_chinese_by_default() {
    let out = banfa(&["diff", "公安"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("banfa::pack::edition"), "{text}");
    assert!(text.contains("没有名为 `公安` 的版本"), "{text}");
    assert!(text.contains("是否想用 `公安县`？"), "{text}");
    assert!(text.contains("找到的版本有："), "{text}");
}

#[test]
fn an_edition_cut_short_gets_a_did_you_mean_in_english_with_lang_en() {
    let out = banfa(&["evaluate", "--edition", "公安", "--lang", "en", "x.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let text = stderr(&out);
    assert!(text.contains("no edition is named `公安`"), "{text}");
    assert!(text.contains("did you mean `公安县`?"), "{text}");
    assert!(text.contains("the editions found are `公安县`"), "{text}");
}
