//! Embeds the rule packs under `rules/` in the binary: one `(pack directory, file name, text)`
//! entry per `.banfa` file, so the default edition needs no files at run time.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs, io};

fn main() -> io::Result<()> {
    println!("cargo:rerun-if-changed=rules");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut entries = Vec::new();
    for pack in sorted(&root)? {
        if !pack.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", pack.display());
        for file in sorted(&pack)? {
            if file.extension().is_some_and(|e| e == "banfa") {
                entries.push((pack.clone(), file));
            }
        }
    }
    let mut out =
        String::from("/// Every embedded rule file: (pack directory, file name, text).\n");
    out.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    for (pack, file) in entries {
        let name = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        writeln!(
            out,
            "    ({:?}, {:?}, include_str!({:?})),",
            name(&pack),
            name(&file),
            file.display().to_string()
        )
        .ok();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("embedded_rules.rs");
    fs::write(dest, out)
}

fn sorted(dir: &Path) -> io::Result<Vec<std::path::PathBuf>> {
    let mut paths: Vec<_> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    Ok(paths)
}
