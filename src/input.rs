//! Reading the files banfa is given: regular files only, within a size limit, and, where
//! the caller names one, inside a root directory once links are resolved.
//!
//! A record or rule file that is `/dev/zero` would be read until memory runs out, a FIFO
//! named `x.banfa` would block for ever, and a pack file linking to `/etc/passwd` would be
//! read and quoted in diagnostics. Every read of a user's file goes through here instead.
//! Errors are `io::Error`s (kind and message), so callers keep their own error types;
//! [`reason`] words one for people, in the catalogue's terms.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Message};

/// The largest record file read, in bytes (a record is a few kilobytes; a unit's list of
/// earlier projects may make it a few megabytes; a million of them is about 100 MB).
pub const MAX_RECORD_BYTES: u64 = 128 * 1024 * 1024;

/// The largest rule or pack-test file read, in bytes.
pub const MAX_RULE_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The bytes of a regular file of at most `limit` bytes.
///
/// # Errors
/// The file cannot be read, is not a regular file (a directory, a FIFO, a device), or is
/// larger than `limit` (checked while reading, too, for files that report no size).
pub fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(Problem::NotRegular.into());
    }
    if metadata.len() > limit {
        return Err(too_large(limit));
    }
    let file = std::fs::File::open(path)?;
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// The text of a regular UTF-8 file of at most `limit` bytes.
///
/// # Errors
/// As [`read`], or when the bytes are not UTF-8.
pub fn read_text(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read(path, limit)?).map_err(|_| Problem::NotUtf8.into())
}

/// `path` itself if it lies inside one of `roots` once links are resolved.
///
/// # Errors
/// The path or a root cannot be resolved, or the path lies outside every root.
pub fn within(path: &Path, roots: &[PathBuf]) -> io::Result<PathBuf> {
    let resolved = std::fs::canonicalize(path)?;
    for root in roots {
        if std::fs::canonicalize(root).is_ok_and(|root| resolved.starts_with(root)) {
            return Ok(resolved);
        }
    }
    Err(Problem::Outside {
        roots: roots.iter().map(|r| r.display().to_string()).collect(),
        resolved: resolved.display().to_string(),
    }
    .into())
}

/// The error of a file or stream larger than `limit` bytes.
pub fn too_large(limit: u64) -> io::Error {
    Problem::TooLarge {
        mib: limit / (1024 * 1024),
    }
    .into()
}

/// Why banfa refuses a file it could open.
#[derive(Debug)]
enum Problem {
    /// A directory, a pipe or a device.
    NotRegular,
    /// More bytes than banfa reads.
    TooLarge { mib: u64 },
    /// Not UTF-8 text.
    NotUtf8,
    /// Outside the directories it must lie in, once links are resolved.
    Outside {
        roots: Vec<String>,
        resolved: String,
    },
}

impl Problem {
    fn message(&self) -> Message {
        let phrase = |name| Message::new(format!("common-file-{name}"));
        match self {
            Problem::NotRegular => phrase("not_regular"),
            Problem::TooLarge { mib } => phrase("too_large").arg("mib", mib.to_string()),
            Problem::NotUtf8 => phrase("not_utf8"),
            Problem::Outside { roots, resolved } => phrase("outside")
                .arg("roots", crate::i18n::Arg::List(roots.clone()))
                .arg("resolved", resolved.as_str()),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for Problem {}

impl From<Problem> for io::Error {
    fn from(problem: Problem) -> Self {
        let kind = match problem {
            Problem::NotRegular => io::ErrorKind::InvalidInput,
            Problem::TooLarge { .. } | Problem::NotUtf8 => io::ErrorKind::InvalidData,
            Problem::Outside { .. } => io::ErrorKind::PermissionDenied,
        };
        io::Error::new(kind, problem)
    }
}

/// Why a file could not be read, worded for people: banfa's own reasons, and the system's
/// by kind (its own words, in English, only for kinds the catalogue does not name).
pub fn reason(error: &io::Error) -> Message {
    if let Some(problem) = error.get_ref().and_then(|e| e.downcast_ref::<Problem>()) {
        return problem.message();
    }
    let phrase = |name| Message::new(format!("common-io-{name}"));
    match error.kind() {
        io::ErrorKind::NotFound => phrase("not_found"),
        io::ErrorKind::PermissionDenied => phrase("permission_denied"),
        io::ErrorKind::IsADirectory => phrase("is_a_directory"),
        io::ErrorKind::NotADirectory => phrase("not_a_directory"),
        _ => phrase("other").arg("detail", error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_a_directory_and_a_large_file_are_refused() {
        let zero = Path::new("/dev/zero");
        if zero.exists() {
            assert!(read(zero, 1024).is_err());
        }
        assert!(read(Path::new("src"), 1024).is_err());
        assert!(read(Path::new("Cargo.toml"), 10).is_err());
        assert!(read(Path::new("Cargo.toml"), MAX_RULE_FILE_BYTES).is_ok());
    }

    #[test]
    fn a_path_outside_the_roots_is_refused() {
        let roots = [PathBuf::from("src")];
        assert!(within(Path::new("src/lib.rs"), &roots).is_ok());
        assert!(within(Path::new("src/../Cargo.toml"), &roots).is_err());
    }
}
