//! Embeds the rule packs under `rules/` in the binary (`src/lib.rs`, module `generated`):
//! the text of every `.banfa` file (`FILES`), and every pack compiled (`COMPILED`), so that
//! loading an embedded edition parses nothing.
//!
//! The packs are compiled by the crate's own front end, compiled into this script from the
//! crate's files (`front` below), by [`embedded::precompile`]: the same code, at the same
//! build, as the binary's. The texts the binary embeds are written here, from the very
//! strings that were compiled. So a compiled pack can never be other than what its sources
//! compile to (see `src/embedded/precompiled.rs`).

#![allow(
    dead_code,
    unused_imports,
    reason = "the front end is compiled here only for `embedded::precompile`"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::{env, fs, io};

/// The modules of the crate that compile a pack, with every module they use. A module they
/// come to use is added here, and a crate they come to use to `[build-dependencies]`.
#[path = "src"]
mod front {
    pub mod ast;
    pub mod check;
    pub mod diagnostics;
    pub mod embedded;
    pub mod fuzzy;
    pub mod i18n;
    pub mod input;
    pub mod pack;
    pub mod source;
    pub mod syntax;
    pub mod value;
    pub mod verdict;
}

use front::*;

/// This script's stand-in for the crate's `generated` module: the rule files as read from
/// `rules/`, and nothing compiled yet, so the front end compiles every pack from source.
mod generated {
    use std::sync::LazyLock;

    /// Every rule file: (pack directory, file name, text).
    pub static FILES: LazyLock<Vec<(&str, &str, &str)>> = LazyLock::new(|| {
        super::RULES
            .iter()
            .map(|file| (&*file.pack, &*file.name, &*file.text))
            .collect()
    });

    /// Nothing is stored compiled while compiling.
    pub static COMPILED: &[u8] = &[];
}

/// A rule file read from `rules/`.
struct RuleFile {
    pack: String,
    name: String,
    text: String,
}

static RULES: LazyLock<Vec<RuleFile>> =
    LazyLock::new(|| read_rules().unwrap_or_else(|e| panic!("cannot read `rules/`: {e}")));

fn main() -> io::Result<()> {
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let compiled = out.join("compiled.postcard");
    fs::write(&compiled, embedded::precompile())?;
    let mut generated = generated(&compiled);
    generated.push_str(&verdict_words()?);
    fs::write(out.join("generated.rs"), generated)
}

/// The words of a text verdict (`locales/*/verdict.ftl`, messages without arguments),
/// formatted here once, so that rendering a verdict parses no catalogue at run time:
/// `VERDICT_WORDS`, (id, Chinese, English) sorted by id.
fn verdict_words() -> io::Result<String> {
    use fluent_bundle::{FluentBundle, FluentResource};
    println!("cargo:rerun-if-changed=locales");
    let manifest = env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut words = std::collections::BTreeMap::<String, [String; 2]>::new();
    for (index, lang) in ["zh-CN", "en"].into_iter().enumerate() {
        let path = Path::new(&manifest).join(format!("locales/{lang}/verdict.ftl"));
        let text = fs::read_to_string(&path)?;
        let resource = FluentResource::try_new(text)
            .unwrap_or_else(|(_, e)| panic!("{} does not parse: {e:?}", path.display()));
        let ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect();
        let mut bundle = FluentBundle::new(vec![lang.parse().unwrap_or_default()]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        for id in ids {
            let mut errors = Vec::new();
            let pattern = bundle.get_message(&id).and_then(|m| m.value());
            let word = pattern.map(|p| bundle.format_pattern(p, None, &mut errors).into_owned());
            assert!(errors.is_empty(), "{}: `{id}`: {errors:?}", path.display());
            words.entry(id).or_default()[index] = word.unwrap_or_default();
        }
    }
    let mut out =
        String::from("\n/// The words of a text verdict: (id, Chinese, English), sorted by id.\n");
    out.push_str("pub static VERDICT_WORDS: &[(&str, &str, &str)] = &[\n");
    for (id, [zh, en]) in words {
        writeln!(out, "    ({id:?}, {zh:?}, {en:?}),").ok();
    }
    out.push_str("];\n");
    Ok(out)
}

/// The crate's `generated` module: the texts as literals, so that the binary holds exactly
/// the texts compiled above, and the compiled packs.
fn generated(compiled: &Path) -> String {
    let mut out =
        String::from("/// Every embedded rule file: (pack directory, file name, text).\n");
    out.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    for file in RULES.iter() {
        writeln!(
            out,
            "    ({:?}, {:?}, {:?}),",
            file.pack, file.name, file.text
        )
        .ok();
    }
    out.push_str("];\n\n");
    out.push_str("/// The embedded packs compiled (see `embedded::precompiled`).\n");
    writeln!(
        out,
        "pub static COMPILED: &[u8] = include_bytes!({:?});",
        compiled.display().to_string()
    )
    .ok();
    out
}

/// The `.banfa` files of each directory of `rules/`, in name order.
fn read_rules() -> io::Result<Vec<RuleFile>> {
    println!("cargo:rerun-if-changed=rules");
    // Read when the script runs, not when it is compiled: a script built for one checkout
    // may be run for another that shares its target directory.
    let manifest = env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let root = Path::new(&manifest).join("rules");
    let mut files = Vec::new();
    for pack in sorted(&root)? {
        if !pack.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", pack.display());
        for file in sorted(&pack)? {
            if file.extension().is_some_and(|e| e == "banfa") {
                files.push(RuleFile {
                    pack: file_name(&pack),
                    name: file_name(&file),
                    text: fs::read_to_string(&file)?,
                });
            }
        }
    }
    Ok(files)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sorted(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths: Vec<_> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    Ok(paths)
}
