//! The embedded packs compiled at build time, so that loading one parses nothing.
//!
//! `build.rs` compiles the crate's front end into itself and calls [`precompile`] on the rule
//! files it embeds: every embedded pack is compiled exactly as [`Resolver::compile`] compiles
//! it from those files, and stored in `postcard` with the embedded packs' catalog entries.
//! The texts the binary embeds are the very texts that script read and compiled (it writes
//! both), and the code that compiled them is the code of this crate at the same build, so a
//! stored pack is the pack its sources compile to: it cannot be stale. A test compiles every
//! embedded pack from source and compares.
//!
//! Whatever is not stored, or does not decode, is compiled from source as before: the build
//! leaves out a pack that does not compile, so loading it reports its errors.

use serde::{Deserialize, Serialize};

use super::{FILES, PackInfo, Resolver, embedded_infos, embedded_sources, pack_dirs};
use crate::pack::Pack;

/// What `build.rs` stores.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    /// The embedded packs' catalog entries, as [`super::info`] reads them from the headers.
    infos: Vec<PackInfo>,
    /// Each embedded pack that compiles, by directory, encoded on its own: loading one pack
    /// decodes only that one.
    #[serde(borrow)]
    packs: Vec<(&'a str, &'a [u8])>,
}

/// The embedded packs compiled, for `build.rs`: each pack as the default resolver compiles
/// it (its bases are embedded packs, which every resolver looks up first), and the catalog
/// entries of the embedded packs.
pub fn precompile() -> Vec<u8> {
    let resolver = Resolver::default();
    let packs: Vec<(&str, Vec<u8>)> = pack_dirs()
        .into_iter()
        .filter_map(|dir| {
            let pack = resolver.compile_sources(&embedded_sources(dir)).ok()?;
            Some((dir, postcard::to_stdvec(&pack).ok()?))
        })
        .collect();
    let stored = Stored {
        infos: embedded_infos().to_vec(),
        packs: packs
            .iter()
            .map(|(dir, bytes)| (*dir, bytes.as_slice()))
            .collect(),
    };
    postcard::to_stdvec(&stored).unwrap_or_default()
}

/// The stored catalog entries of the embedded packs.
pub(super) fn infos() -> Option<Vec<PackInfo>> {
    stored().map(|stored| stored.infos.clone())
}

/// The stored compiled pack of `rules/<dir>`.
pub(super) fn pack(dir: &str) -> Option<Pack> {
    let (_, bytes) = stored()?.packs.iter().find(|(d, _)| *d == dir)?;
    decode(bytes)
}

/// Whether `sources` are exactly the files of an embedded pack, in order, by name and text:
/// then they compile to its stored pack. Returns the pack's directory.
pub(super) fn embedded_dir(sources: &[crate::source::Source]) -> Option<&'static str> {
    let name = sources.first()?.name().strip_prefix("rules/")?;
    let (dir, _) = name.split_once('/')?;
    let mut files = FILES.iter().filter(|(pack, _, _)| *pack == dir);
    let mut sources = sources.iter();
    loop {
        match (files.next(), sources.next()) {
            (None, None) => return pack_dirs().into_iter().find(|d| *d == dir),
            (Some((pack, file, text)), Some(source))
                if source.text() == *text && source.name() == format!("rules/{pack}/{file}") => {}
            _ => return None,
        }
    }
}

/// The stored form, decoded once per process.
fn stored() -> Option<&'static Stored<'static>> {
    static STORED: std::sync::OnceLock<Option<Stored<'static>>> = std::sync::OnceLock::new();
    STORED
        .get_or_init(|| decode(crate::generated::COMPILED))
        .as_ref()
}

/// Decodes a whole value: bytes left over mean the bytes are not what was stored.
fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled_from_source(dir: &str) -> Option<Pack> {
        Resolver::default()
            .compile_sources(&embedded_sources(dir))
            .ok()
    }

    #[test]
    fn every_embedded_pack_is_stored_as_its_sources_compile() {
        for dir in pack_dirs() {
            let source = compiled_from_source(dir)
                .unwrap_or_else(|| panic!("the embedded pack `{dir}` does not compile"));
            let stored = pack(dir).unwrap_or_else(|| panic!("no stored pack for `{dir}`"));
            assert_eq!(
                format!("{stored:#?}"),
                format!("{source:#?}"),
                "`{dir}`: the stored pack is not the one its sources compile to"
            );
        }
    }

    #[test]
    fn the_stored_catalog_is_the_one_the_headers_give() {
        let parsed: Vec<PackInfo> = pack_dirs()
            .into_iter()
            .filter_map(|dir| super::super::info(&format!("rules/{dir}"), &embedded_sources(dir)))
            .collect();
        assert_eq!(format!("{:?}", infos()), format!("{:?}", Some(parsed)));
    }

    /// The stored pack is compared with one compiled in another process (the build script's):
    /// that comparison means something only if compiling gives the same pack every time,
    /// whatever order the checker's hash maps visit their entries in.
    #[test]
    fn compiling_a_pack_twice_gives_the_same_pack() {
        for dir in pack_dirs() {
            let (a, b) = (compiled_from_source(dir), compiled_from_source(dir));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "`{dir}`");
        }
    }

    #[test]
    fn bytes_that_are_not_a_whole_stored_pack_do_not_decode() {
        let Some((_, bytes)) = stored().and_then(|s| s.packs.first()) else {
            panic!("nothing stored");
        };
        let truncated = &bytes[..bytes.len() - 1];
        assert!(decode::<Pack>(truncated).is_none());
        let longer = [bytes, &[0][..]].concat();
        assert!(decode::<Pack>(&longer).is_none());
        assert!(decode::<Stored>(&[0xff; 4]).is_none());
        assert!(decode::<Pack>(bytes).is_some());
    }

    /// A comment atop every file changes no rule but moves every span: what loads is the
    /// pack those sources compile to, not the stored one.
    #[test]
    fn an_edited_embedded_pack_is_compiled_from_its_sources() {
        let dir = super::super::DEFAULT_PACK;
        let edited: Vec<_> = embedded_sources(dir)
            .iter()
            .map(|s| crate::source::Source::new(s.name(), format!("# edited\n{}", s.text())))
            .collect();
        let loaded = Resolver::default()
            .compile(&edited)
            .expect("the edited pack checks");
        let from_source = Resolver::default().compile_sources(&edited).ok();
        assert_eq!(
            format!("{loaded:?}"),
            format!("{:?}", from_source.expect("checks"))
        );
        let stored = pack(dir).expect("the city edition is stored");
        assert_ne!(format!("{loaded:?}"), format!("{stored:?}"));
    }

    #[test]
    fn sources_that_differ_from_an_embedded_pack_in_any_way_are_compiled() {
        let city = embedded_sources(super::super::DEFAULT_PACK);
        assert_eq!(embedded_dir(&city), Some(super::super::DEFAULT_PACK));
        let mut edited = city.clone();
        let last = edited.pop().expect("the city pack has files");
        edited.push(crate::source::Source::new(
            last.name(),
            format!("{}\n", last.text()),
        ));
        assert_eq!(embedded_dir(&edited), None);
        let renamed: Vec<_> = city
            .iter()
            .map(|s| crate::source::Source::new(format!("./{}", s.name()), s.text()))
            .collect();
        assert_eq!(embedded_dir(&renamed), None);
        assert_eq!(embedded_dir(&city[1..]), None);
        assert_eq!(embedded_dir(&[]), None);
    }
}
