//! `banfa fmt` laws, on every rule file in the repository and on generated variants of them:
//! formatting is idempotent, keeps the syntax tree, and does not depend on the old layout.

use banfa::Source;
use banfa::fmt::{FormatError, format, format_checked};

fn rule_files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("rules"), "tests/packs".into()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "banfa") {
                let text = std::fs::read_to_string(&path).expect("rule file");
                out.push((path.display().to_string(), text));
            }
        }
    }
    assert!(out.len() >= 15, "only {} rule files", out.len());
    out
}

fn declarations(name: &str, text: &str) -> Vec<banfa::ast::Declaration> {
    banfa::syntax::parse(&Source::new(name, text))
        .unwrap_or_else(|e| panic!("{name}: {:?}", miette::Report::new(e)))
        .declarations
}

#[test]
fn every_shipped_rule_file_is_formatted() {
    for (name, text) in rule_files() {
        assert_eq!(
            format(&text),
            text,
            "{name} is not formatted: run `banfa fmt`"
        );
    }
}

#[test]
fn formatting_is_idempotent_and_keeps_the_syntax_tree() {
    for (name, text) in rule_files() {
        let once = format_checked(&Source::new(name.as_str(), text.as_str())).expect("formats");
        assert_eq!(format(&once), once, "{name}: not idempotent");
        assert_eq!(
            declarations(&name, &once),
            declarations(&name, &text),
            "{name}"
        );
    }
}

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// The text with every line's indentation and trailing white space changed at random, blank
/// lines doubled, and blank lines added just inside braces; the lines of long texts are left
/// alone (their indentation is part of the text).
fn perturb(text: &str, rng: &mut Lcg) -> String {
    let mut out = String::new();
    let mut in_long_text = false;
    for line in text.lines() {
        let quotes = line
            .split('#')
            .next()
            .unwrap_or("")
            .matches("\"\"\"")
            .count();
        if in_long_text {
            out.push_str(line);
            out.push('\n');
            in_long_text = quotes % 2 == 0;
            continue;
        }
        let trimmed = line.trim();
        let braces = trimmed.ends_with('{') || trimmed.starts_with('}');
        let blanks = if trimmed.is_empty() || braces {
            rng.next(3)
        } else {
            0
        };
        if trimmed.starts_with('}') {
            out.extend(std::iter::repeat_n('\n', blanks as usize));
        }
        out.extend(std::iter::repeat_n(' ', rng.next(9) as usize));
        out.push_str(trimmed);
        out.extend(std::iter::repeat_n(' ', rng.next(3) as usize));
        out.push('\n');
        if !trimmed.starts_with('}') {
            out.extend(std::iter::repeat_n('\n', blanks as usize));
        }
        in_long_text = quotes % 2 == 1;
    }
    out
}

#[test]
fn the_layout_depends_only_on_the_structure() {
    let mut rng = Lcg(0x0ba0_f0a1);
    for (name, text) in rule_files() {
        let canonical = format(&text);
        for round in 0..8 {
            let variant = perturb(&text, &mut rng);
            assert_eq!(
                declarations(&name, &variant),
                declarations(&name, &text),
                "{name} variant {round} changed meaning before formatting"
            );
            let formatted =
                format_checked(&Source::new(name.as_str(), variant.as_str())).expect("formats");
            assert_eq!(formatted, canonical, "{name} variant {round}");
        }
    }
}

#[test]
fn declarations_one_at_a_time_are_the_whole_parse() {
    for (name, text) in rule_files() {
        let source = Source::new(name.as_str(), text.as_str());
        let each: Vec<_> = banfa::syntax::declarations(&source)
            .collect::<Result<_, _>>()
            .unwrap_or_else(|_| panic!("{name} parses a declaration at a time"));
        assert_eq!(each, declarations(&name, &text), "{name}");
    }
    let broken = std::fs::read_dir("tests/broken-rules").expect("tests/broken-rules");
    for path in broken.filter_map(Result::ok).map(|e| e.path()) {
        let text = std::fs::read_to_string(&path).expect("rule file");
        let source = Source::new(path.display().to_string(), text.as_str());
        let whole = banfa::syntax::parse(&source).is_ok();
        let each = banfa::syntax::declarations(&source).all(|d| d.is_ok());
        assert_eq!(
            each,
            whole,
            "{}: one parse fails, the other not",
            path.display()
        );
    }
}

/// A `#` in a string is not a comment: the long text opened after it on the same line is
/// kept as written (issue 9, item 14).
#[test]
fn a_hash_in_a_string_before_a_long_text_is_not_a_comment() {
    let text = "article 第一条 \"第 #1 条\" { text \"\"\"\n      一行\n   二行\n  \"\"\"\n}\n";
    let source = Source::new("hash.banfa", text);
    assert_eq!(format_checked(&source), Ok(text.to_owned()));
}

/// A `}` after the `"""` that closes a long text closes its block: what follows is not
/// indented a level too deep (issue 9, item 14).
#[test]
fn a_brace_after_a_closing_long_text_closes_its_block() {
    let text = "article 第一条 \"t\" {\n  text \"\"\"\n  一行\n  \"\"\" }\narticle 第二条 \"u\" {\n  text \"x\"\n}\n";
    assert_eq!(format(text), text);
    let source = Source::new("brace.banfa", text);
    assert_eq!(format_checked(&source), Ok(text.to_owned()));
}

#[test]
fn a_file_that_does_not_parse_is_not_formatted() {
    let source = Source::new("broken.banfa", "requirement {\n");
    assert_eq!(format_checked(&source), Err(FormatError::DoesNotParse));
}
