//! The docs travel with the code: the field table in `docs/record-guide.md` is the one
//! `banfa schema --format markdown` gives for the embedded city edition, and every relative
//! link in `README.md` and `docs/*.md` points to a file of the repository.

use std::path::{Path, PathBuf};

const GUIDE: &str = "docs/record-guide.md";
const BEGIN: &str = "<!-- BEGIN generated: banfa schema --format markdown -->";
const END: &str = "<!-- END generated -->";

/// Set to rewrite the generated block of the guide in place instead of failing.
const UPDATE: &str = "BANFA_UPDATE_DOCS";

/// The text between the markers, and where it starts and ends in `text`.
fn generated_block(text: &str) -> Option<(usize, usize)> {
    let start = text.find(BEGIN)? + BEGIN.len();
    let end = start + text.get(start..)?.find(END)?;
    Some((start, end))
}

#[test]
fn the_record_guide_has_the_field_table_of_the_city_edition() {
    let pack = banfa::embedded::default_pack().expect("the city edition checks");
    let table = banfa::json_schema::markdown(&pack);
    let text = std::fs::read_to_string(GUIDE).expect("docs/record-guide.md is readable");
    let Some((start, end)) = generated_block(&text) else {
        panic!("{GUIDE} has no block between `{BEGIN}` and `{END}`");
    };
    let block = text.get(start..end).unwrap_or_default();
    if block.trim() == table.trim() {
        return;
    }
    if std::env::var_os(UPDATE).is_some() {
        let updated = format!("{}\n\n{table}\n{}", &text[..start], &text[end..]);
        std::fs::write(GUIDE, updated).expect("write docs/record-guide.md");
        return;
    }
    let first = block
        .trim()
        .lines()
        .zip(table.trim().lines())
        .position(|(a, b)| a != b)
        .map_or_else(
            || "one is longer than the other".to_owned(),
            |n| {
                format!(
                    "line {} of the block differs:\n  doc:    {}\n  schema: {}",
                    n + 1,
                    block.trim().lines().nth(n).unwrap_or_default(),
                    table.trim().lines().nth(n).unwrap_or_default()
                )
            },
        );
    panic!(
        "the field table in {GUIDE} is not what `banfa schema --format markdown` gives for \
         the city edition ({first}).\nRegenerate it with\n  {UPDATE}=1 cargo test --test docs\n\
         or paste the output of\n  cargo run -- schema --format markdown\nbetween \
         `{BEGIN}` and `{END}`."
    );
}

#[test]
fn the_generated_block_is_found_between_its_markers() {
    let text = format!("before\n{BEGIN}\n\n| a |\n\n{END}\nafter\n");
    let (start, end) = generated_block(&text).expect("markers");
    assert_eq!(text[start..end].trim(), "| a |");
    assert_eq!(generated_block("no markers"), None);
}

/// The targets of the links `[text](target)` in Markdown, outside code.
fn links(markdown: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Inline code (`[a](b)` in backticks) is text, not a link: drop every other piece.
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(close) = after.find(')') else { break };
            targets.push(after[..close].trim().to_owned());
            rest = &after[close..];
        }
    }
    targets
}

/// Whether a link leaves the repository for the web or stays within its page.
fn is_external(target: &str) -> bool {
    target.starts_with('#') || target.contains("://") || target.starts_with("mailto:")
}

fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir("docs")
        .expect("docs/ is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// What is wrong with a relative link of `file`, if anything: its target must exist and lie
/// inside the repository (a link to `../shared/…` exists only on the machine it was
/// written on).
fn broken(file: &Path, target: &str, root: &Path) -> Option<String> {
    let path = target.split('#').next().unwrap_or_default();
    let resolved = file.parent().unwrap_or(Path::new("")).join(path);
    match resolved.canonicalize() {
        Err(_) => Some(format!("{}: `{target}` does not exist", file.display())),
        Ok(full) if !full.starts_with(root) => Some(format!(
            "{}: `{target}` lies outside the repository",
            file.display()
        )),
        Ok(_) => None,
    }
}

#[test]
fn every_relative_link_in_the_docs_points_to_a_file_of_the_repository() {
    let root = Path::new(".").canonicalize().expect("the repository");
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).expect("a readable Markdown file");
        for target in links(&text).iter().filter(|t| !is_external(t)) {
            checked += 1;
            problems.extend(broken(&file, target, &root));
        }
    }
    assert!(
        checked > 0,
        "no relative links found: is the link reader broken?"
    );
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn links_are_read_outside_code_only() {
    let text = "see [a](docs/a.md) and `[b](b.md)`\n```\n[c](c.md)\n```\n[d](http://x) [e](#top)\n";
    let found = links(text);
    assert_eq!(found, ["docs/a.md", "http://x", "#top"]);
    let relative: Vec<_> = found.iter().filter(|t| !is_external(t)).collect();
    assert_eq!(relative, ["docs/a.md"]);
}

/// The rule guide's tutorial edition, whose commands the guide shows.
const TUTORIAL: &str = "docs/tutorial/songzi-sample";

#[test]
fn the_rule_guides_tutorial_edition_checks_without_warnings_and_passes_its_tests() {
    let dir = Path::new(TUTORIAL);
    let pack = banfa::embedded::load_dir(dir)
        .unwrap_or_else(|e| panic!("{TUTORIAL} does not check: {:?}", miette::Report::new(e)));
    let warnings = banfa::lint::lint(&pack);
    assert!(
        warnings.is_empty(),
        "{TUTORIAL} has warnings, but the rule guide shows `banfa check` printing none: {warnings:?}"
    );
    let cases = banfa::packtest::load_cases(dir, &pack).expect("its tests directory reads");
    let report = banfa::packtest::run(&pack, &cases);
    let counts = report.counts();
    assert_eq!(
        (counts.passed, counts.failed, counts.errors),
        (7, 0, 0),
        "the rule guide shows `banfa test {TUTORIAL}` passing 7 cases:\n{}",
        banfa::packtest::render::report(&report, banfa::i18n::Lang::En, false)
    );
}
