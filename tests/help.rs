//! `banfa --help` and every `banfa SUBCOMMAND --help`: Chinese by default, English (clap's
//! doc comments, as they always were) with `--lang en`. Whether every argument has its
//! Chinese text is checked on the command tree itself, in `src/cli/help.rs`.

mod common;

use std::process::Output;

/// `banfa` in a neutral locale (`LANG=C` chooses no language) and no `BANFA_LANG`.
fn banfa(args: &[&str]) -> Output {
    common::neutral().args(args).output().expect("banfa runs")
}

/// What `banfa ARGS` prints on stdout, having exited 0.
fn stdout(args: &[&str]) -> String {
    let output = banfa(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "banfa {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("help is UTF-8")
}

/// The subcommands the top-level help lists (after its heading `heading`), without `help`.
fn subcommands(help: &str, heading: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != heading)
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Every help page, by its arguments: the top level and each subcommand's, in `-h` and
/// `--help`.
fn pages(lang: &[&str]) -> Vec<(Vec<String>, String)> {
    let top = stdout(&[lang, &["--help"]].concat());
    let heading = if lang.is_empty() {
        "命令："
    } else {
        "Commands:"
    };
    let names = subcommands(&top, heading);
    assert!(names.len() >= 9, "too few subcommands in:\n{top}");
    let mut pages = Vec::new();
    for name in std::iter::once(None).chain(names.into_iter().map(Some)) {
        for flag in ["-h", "--help"] {
            let mut args: Vec<String> = lang.iter().map(|arg| (*arg).to_owned()).collect();
            args.extend(name.iter().cloned().chain([flag.to_owned()]));
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            pages.push((args.clone(), stdout(&refs)));
        }
    }
    pages
}

/// Lines of a help page that read as English: two English words in a row (neither a single
/// letter nor an acronym such as `JSON`), outside backticks and `<VALUE>`/`[OPTIONS]`
/// placeholders, on a line that is not a command line (usage and examples).
fn english_lines(help: &str) -> Vec<&str> {
    help.lines()
        .filter(|line| {
            let text = line.trim_start();
            let text = text.strip_prefix("用法：").unwrap_or(text);
            let command = text.starts_with("banfa ") || text == "banfa";
            !command && reads_as_english(line)
        })
        .collect()
}

fn reads_as_english(line: &str) -> bool {
    let outside_code: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let plain = without_placeholders(&outside_code);
    let word = |word: &&str| {
        word.len() >= 2
            && word.chars().any(|c| c.is_ascii_lowercase())
            && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
    };
    plain
        .split(|c: char| !c.is_ascii_alphabetic() && c != ' ' && c != '\'')
        .any(|run| {
            let words: Vec<&str> = run.split(' ').filter(|w| !w.is_empty()).collect();
            words.windows(2).any(|pair| pair.iter().all(word))
        })
}

/// The text without what stands between `<` and `>` or `[` and `]`.
fn without_placeholders(text: &str) -> String {
    let mut depth = 0_usize;
    let mut plain = String::new();
    for c in text.chars() {
        match c {
            '<' | '[' => depth += 1,
            '>' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
}

#[test]
fn every_help_is_chinese_by_default() {
    for (args, help) in pages(&[]) {
        let english = english_lines(&help);
        assert!(
            english.is_empty(),
            "banfa {args:?} reads as English in:\n{}\n\nwhole help:\n{help}",
            english.join("\n")
        );
        assert!(help.contains("用法：banfa"), "banfa {args:?}:\n{help}");
        for clap_word in ["Usage:", "Options:", "Arguments:", "Commands:", "[default:"] {
            assert!(!help.contains(clap_word), "banfa {args:?}:\n{help}");
        }
    }
}

#[test]
fn the_checker_finds_the_english_help_english() {
    for (args, help) in pages(&["--lang", "en"]) {
        assert!(!english_lines(&help).is_empty(), "banfa {args:?}:\n{help}");
    }
    assert!(!english_lines("      --ids  Show each rule's id").is_empty());
    assert!(english_lines("  banfa evaluate --ids project.yaml").is_empty());
    assert!(english_lines("  `N passed, M failed` <PROJECT.yaml> [OPTIONS]").is_empty());
}

#[test]
fn english_help_is_claps_own() {
    insta::assert_snapshot!("en_top", stdout(&["--lang", "en", "--help"]));
    insta::assert_snapshot!(
        "en_evaluate",
        stdout(&["evaluate", "--help", "--lang", "en"])
    );
    insta::assert_snapshot!("en_test_short", stdout(&["--lang=en", "test", "-h"]));
}

#[test]
fn chinese_help_shows_possible_values_and_defaults_in_chinese() {
    let long = stdout(&["evaluate", "--help"]);
    assert!(
        long.contains("可选值：\n          - text：以规则包的语言输出文本\n"),
        "{long}"
    );
    assert!(long.contains("\n          默认：text\n"), "{long}");
    assert!(long.contains("打印帮助（`-h` 查看摘要）"), "{long}");
    let short = stdout(&["check", "-h"]);
    assert!(
        short.contains("问题的输出方式（默认：human；可选值：human、plain、json）"),
        "{short}"
    );
    assert!(
        short.contains("打印帮助（`--help` 查看详细说明）"),
        "{short}"
    );
    let examples = stdout(&["completions", "--help"]);
    assert!(
        examples.contains("\n示例：\n  banfa completions bash > /etc/bash_completion.d/banfa\n  banfa completions zsh > \"${fpath[1]}/_banfa\"\n"),
        "{examples}"
    );
}

#[test]
fn help_subcommand_and_version_follow_the_language() {
    assert_eq!(stdout(&["help", "diff"]), stdout(&["diff", "--help"]));
    assert_eq!(
        stdout(&["--lang", "en", "help", "diff"]),
        stdout(&["diff", "--help", "--lang", "en"])
    );
    assert_eq!(
        stdout(&["--version"]),
        stdout(&["--lang", "en", "--version"])
    );
}

#[test]
fn completions_still_work() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("evaluate"), "{shell}: {script}");
    }
}
