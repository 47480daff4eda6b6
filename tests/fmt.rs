//! `banfa fmt` laws, on every rule file in the repository and on generated variants of them:
//! formatting is idempotent, keeps the syntax tree, and does not depend on the old layout.
//! Then the files themselves: an edit made while `fmt` runs is kept, links, permissions and
//! read-only files are respected, and directory links are searched once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use banfa::Source;
use banfa::fmt::{FileError, FormatError, Snapshot, format, format_checked};

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

// ---------------------------------------------------------------- files

const MESSY: &str = "requirement a.b cites 第八条 {\n        pass when x   \n says \"y\"\nfail otherwise says \"z\"\n}\n";
const TIDY: &str = "requirement a.b cites 第八条 {\n  pass when x\n       says \"y\"\n  fail otherwise says \"z\"\n}\n";

/// A directory of its own for a test, removed when it ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("banfa-fmt-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        Scratch(dir)
    }

    /// Writes `text` to `name` in the directory.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    /// The names in the directory, in order.
    fn names(&self) -> Vec<String> {
        let entries = std::fs::read_dir(&self.0).expect("read the scratch directory");
        let mut names: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

/// `banfa` with `args`, killed if it has not finished in 30 s (a loop is a failure, not a
/// hang).
fn banfa(args: &[&Path]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banfa"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("BANFA_LANG", "en")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("banfa runs");
    let start = Instant::now();
    while child.try_wait().expect("banfa runs").is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("banfa {args:?} did not finish in 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("banfa's output")
}

fn fmt(paths: &[&Path]) -> Output {
    let mut args = vec![Path::new("fmt")];
    args.extend(paths);
    banfa(&args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// An edit made between reading a file and replacing it is kept, and refused loudly
/// (issue 9, item 4).
#[test]
fn an_edit_made_while_formatting_is_kept() {
    let scratch = Scratch::new("edit");
    let file = scratch.file("rule.banfa", MESSY);
    let snapshot = Snapshot::read(&file).expect("read");
    let formatted = format_checked(snapshot.source()).expect("formats");
    let edited = format!("{MESSY}# an edit\n");
    std::fs::write(&file, &edited).expect("edit");
    let refused = snapshot.replace(&formatted);
    assert!(
        matches!(refused, Err(FileError::Changed { .. })),
        "{refused:?}"
    );
    assert_eq!(read(&file), edited);
    assert_eq!(scratch.names(), ["rule.banfa"], "no temporary file is left");
}

/// The same, for an edit that keeps the size and the modification time (coarse clocks,
/// or a tool that restores it): the bytes themselves are compared.
#[test]
fn an_edit_that_keeps_size_and_time_is_kept() {
    let scratch = Scratch::new("same-size");
    let file = scratch.file("rule.banfa", MESSY);
    let modified = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    let snapshot = Snapshot::read(&file).expect("read");
    let formatted = format_checked(snapshot.source()).expect("formats");
    let edited = MESSY.replace("\"z\"", "\"w\"");
    std::fs::write(&file, &edited).expect("edit");
    let handle = std::fs::File::options().write(true).open(&file);
    handle
        .and_then(|f| f.set_modified(modified))
        .expect("restore mtime");
    assert!(matches!(
        snapshot.replace(&formatted),
        Err(FileError::Changed { .. })
    ));
    assert_eq!(read(&file), edited);
}

#[test]
fn a_file_left_alone_is_replaced() {
    let scratch = Scratch::new("unchanged");
    let file = scratch.file("rule.banfa", MESSY);
    let snapshot = Snapshot::read(&file).expect("read");
    let formatted = format_checked(snapshot.source()).expect("formats");
    snapshot.replace(&formatted).expect("replaced");
    assert_eq!(read(&file), TIDY);
    assert_eq!(scratch.names(), ["rule.banfa"], "no temporary file is left");
}

/// A `#` in a string before a long text no longer makes `banfa fmt` refuse the file
/// (issue 9, item 14).
#[test]
fn fmt_formats_a_file_with_a_hash_in_a_string_before_a_long_text() {
    let scratch = Scratch::new("hash");
    let text = "article 第一条 \"第 #1 条\" { text \"\"\"\n      一行\n   二行\n  \"\"\"\n}\n";
    let file = scratch.file("a.banfa", &text.replace("\n}", "\n    }"));
    let out = fmt(&[&file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(&file), text);
}

/// Issue 9, item 5: a link stays a link, and the file it points to is formatted.
#[cfg(unix)]
#[test]
fn fmt_writes_through_a_symbolic_link() {
    let scratch = Scratch::new("symlink");
    let target = scratch.file("real.banfa", MESSY);
    let link = scratch.0.join("link.banfa");
    std::os::unix::fs::symlink("real.banfa", &link).expect("symlink");
    let out = fmt(&[&link]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let metadata = std::fs::symlink_metadata(&link).expect("link");
    assert!(
        metadata.file_type().is_symlink(),
        "the link is still a link"
    );
    assert_eq!(read(&target), TIDY);
    assert_eq!(scratch.names(), ["link.banfa", "real.banfa"]);
}

/// Issue 9, item 5: the new file has the old one's permissions.
#[cfg(unix)]
#[test]
fn fmt_keeps_the_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let scratch = Scratch::new("mode");
    let file = scratch.file("rule.banfa", MESSY);
    let mode = |path: &Path| std::fs::metadata(path).expect("stat").permissions().mode() & 0o7777;
    for wanted in [0o600, 0o640, 0o664] {
        std::fs::write(&file, MESSY).expect("write");
        let permissions = std::fs::Permissions::from_mode(wanted);
        std::fs::set_permissions(&file, permissions).expect("chmod");
        let out = fmt(&[&file]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(read(&file), TIDY);
        assert_eq!(mode(&file), wanted, "mode {wanted:o}");
    }
}

/// Issue 9, item 5: the new file has the old one's owner, where the system allows it (when
/// the tests run as root).
#[cfg(unix)]
#[test]
fn fmt_keeps_the_owner_where_it_may() {
    use std::os::unix::fs::MetadataExt as _;
    let scratch = Scratch::new("owner");
    let file = scratch.file("rule.banfa", MESSY);
    if std::os::unix::fs::chown(&file, Some(4242), Some(4343)).is_err() {
        return; // Not root: a file cannot be given away, so there is nothing to keep.
    }
    let out = fmt(&[&file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let metadata = std::fs::metadata(&file).expect("stat");
    assert_eq!((metadata.uid(), metadata.gid()), (4242, 4343));
    assert_eq!(read(&file), TIDY);
}

/// Issue 9, item 5: a file with other names is refused, not split from them.
#[cfg(unix)]
#[test]
fn fmt_refuses_a_file_with_hard_links() {
    let scratch = Scratch::new("hardlink");
    let file = scratch.file("rule.banfa", MESSY);
    let other = scratch.0.join("other.banfa");
    std::fs::hard_link(&file, &other).expect("hard link");
    let out = fmt(&[&file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("banfa::fmt::hard_links"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("has 2 hard links"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&file), MESSY);
    assert_eq!(read(&other), MESSY);
    assert_eq!(scratch.names(), ["other.banfa", "rule.banfa"]);
}

/// Issue 9, item 5: a read-only file is refused, even where a rename could replace it.
#[cfg(unix)]
#[test]
fn fmt_refuses_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let scratch = Scratch::new("read-only");
    let file = scratch.file("rule.banfa", MESSY);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = fmt(&[&file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("banfa::fmt::read_only"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("is read-only"), "{}", stderr(&out));
    assert_eq!(read(&file), MESSY);
    let check = banfa(&[Path::new("fmt"), Path::new("--check"), &file]);
    assert_eq!(check.status.code(), Some(1), "`--check` only reads");
}

/// Issue 9, item 6: links that make cycles are followed once, and the search ends; a file
/// with two names is formatted once.
#[cfg(unix)]
#[test]
fn fmt_searches_each_directory_once() {
    let scratch = Scratch::new("cycle");
    let file = scratch.file("rule.banfa", MESSY);
    std::fs::create_dir(scratch.0.join("sub")).expect("mkdir");
    std::os::unix::fs::symlink("..", scratch.0.join("sub/up")).expect("symlink");
    std::os::unix::fs::symlink(".", scratch.0.join("a")).expect("symlink");
    std::os::unix::fs::symlink(".", scratch.0.join("b")).expect("symlink");
    std::os::unix::fs::symlink("rule.banfa", scratch.0.join("alias.banfa")).expect("symlink");
    let out = banfa(&[Path::new("fmt"), Path::new("--check"), &scratch.0]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    let out = fmt(&[&scratch.0, &scratch.0]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    assert_eq!(read(&file), TIDY);
}
