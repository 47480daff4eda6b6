//! Rule files on disk for `banfa fmt`: finding them, and replacing one by its formatted text
//! without losing anything that was in it or was done to it meanwhile.
//!
//! A file is read into a [`Snapshot`], formatted, and replaced by writing a new file beside
//! it and renaming that over it, so that a reader sees the old text or the new, never half
//! of one. Just before the rename the file is read again and compared with the snapshot —
//! identity, size, modification time and every byte — so an edit made while `fmt` ran is
//! not overwritten; the window left is the rename itself.
//!
//! What the rename would otherwise break is kept or refused:
//! - a symbolic link is followed, and its target formatted: the link stays a link;
//! - the new file gets the old one's permissions and, where the system allows, its owner;
//! - a file with more than one hard link is refused: a rename gives only this name the new
//!   text, and writing in place instead could leave a half-written file after a crash;
//! - a read-only file is refused, as the rename would not need the write permission the
//!   file's owner took away.

use std::collections::{HashSet, VecDeque};
use std::fs::{self, File, Metadata};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use miette::Diagnostic;

use super::{FormatError, format_checked};
use crate::i18n::Message;
use crate::source::Source;

/// What `banfa fmt` did with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It was in the canonical layout already.
    Unchanged,
    /// It is not in the canonical layout, and was left alone (`--check`).
    WouldChange,
    /// It was rewritten in the canonical layout.
    Formatted,
}

/// Formats the rule file at `path` in place; with `check`, only says whether it would
/// change.
pub fn format_file(path: &Path, check: bool) -> Result<Outcome, FileError> {
    let snapshot = Snapshot::read(path)?;
    let formatted = format_checked(snapshot.source()).map_err(|error| {
        let path = snapshot.name();
        match error {
            FormatError::DoesNotParse => FileError::DoesNotParse { path },
            FormatError::ChangedMeaning => FileError::ChangedMeaning { path },
        }
    })?;
    if formatted == snapshot.source().text() {
        Ok(Outcome::Unchanged)
    } else if check {
        Ok(Outcome::WouldChange)
    } else {
        snapshot.replace(&formatted)?;
        Ok(Outcome::Formatted)
    }
}

/// Why a rule file was not formatted. Its words are in the catalogue (`locales/*/fmt.ftl`).
#[derive(Debug, Diagnostic, serde::Serialize)]
pub enum FileError {
    /// The file does not exist, or cannot be read as UTF-8 text.
    #[diagnostic(code(banfa::fmt::read))]
    Unreadable {
        path: String,
        /// Why, worded by [`crate::input::reason`].
        reason: Message,
    },
    /// A directory, device or pipe named like a rule file.
    #[diagnostic(code(banfa::fmt::not_a_file))]
    NotAFile { path: String },
    /// The file has syntax errors.
    #[diagnostic(code(banfa::fmt::syntax))]
    DoesNotParse { path: String },
    /// Formatting would change what the file means: a bug in the formatter.
    #[diagnostic(code(banfa::fmt::meaning))]
    ChangedMeaning { path: String },
    /// Something changed the file after it was read: its text is kept, not the formatted one.
    #[diagnostic(code(banfa::fmt::changed))]
    Changed { path: String },
    /// The file's permissions forbid writing it.
    #[diagnostic(code(banfa::fmt::read_only))]
    ReadOnly { path: String },
    /// The file has other names, which a rename would leave with the old text.
    #[diagnostic(code(banfa::fmt::hard_links))]
    HardLinked { path: String, links: u64 },
    /// Writing or renaming the new file failed; the old one is untouched.
    #[diagnostic(code(banfa::fmt::write))]
    Unwritable {
        path: String,
        /// Why, worded by [`crate::input::reason`].
        reason: Message,
    },
}

/// A rule file as it was read: its text, and what tells whether it has changed since.
#[derive(Debug)]
pub struct Snapshot {
    /// The path as given, for messages.
    path: PathBuf,
    /// The file itself: the path with every symbolic link resolved.
    target: PathBuf,
    source: Source,
    stamp: Stamp,
}

impl Snapshot {
    /// Reads the file at `path` (through symbolic links).
    pub fn read(path: &Path) -> Result<Snapshot, FileError> {
        let name = path.display().to_string();
        let unreadable = |error: io::Error| FileError::Unreadable {
            path: name.clone(),
            reason: crate::input::reason(&error),
        };
        let target = fs::canonicalize(path).map_err(unreadable)?;
        let mut file = File::open(&target).map_err(unreadable)?;
        let metadata = file.metadata().map_err(unreadable)?;
        if !metadata.is_file() {
            return Err(FileError::NotAFile { path: name });
        }
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
        file.read_to_end(&mut bytes).map_err(unreadable)?;
        let text = String::from_utf8(bytes)
            .map_err(|error| unreadable(io::Error::new(io::ErrorKind::InvalidData, error)))?;
        Ok(Snapshot {
            path: path.to_owned(),
            target,
            source: Source::new(name.as_str(), text),
            stamp: Stamp::of(&metadata),
        })
    }

    /// The text read, named by the path as given.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Replaces the file by `text`, unless it has changed since it was read, is read-only
    /// or has other hard links.
    pub fn replace(&self, text: &str) -> Result<(), FileError> {
        let metadata = self.unchanged(false)?;
        self.writable(&metadata)?;
        let temp = Temp::create(&self.target, &metadata).map_err(|e| self.unwritable(e))?;
        temp.write(text).map_err(|e| self.unwritable(e))?;
        // The last look: anything written from here on is the rename's race, not ours.
        self.unchanged(true)?;
        temp.rename_over(&self.target)
            .map_err(|e| self.unwritable(e))
    }

    fn name(&self) -> String {
        self.path.display().to_string()
    }

    fn unwritable(&self, error: io::Error) -> FileError {
        FileError::Unwritable {
            path: self.name(),
            reason: crate::input::reason(&error),
        }
    }

    fn unreadable(&self, error: io::Error) -> FileError {
        FileError::Unreadable {
            path: self.name(),
            reason: crate::input::reason(&error),
        }
    }

    /// The file's metadata now, if it is the same file with the same stamp — and, when
    /// `content`, the same text — as when it was read.
    fn unchanged(&self, content: bool) -> Result<Metadata, FileError> {
        let changed = || FileError::Changed { path: self.name() };
        let mut file = match File::open(&self.target) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(changed()),
            Err(error) => return Err(self.unreadable(error)),
        };
        let metadata = file.metadata().map_err(|e| self.unreadable(e))?;
        if Stamp::of(&metadata) != self.stamp {
            return Err(changed());
        }
        if content {
            let bytes = self.source.text().as_bytes();
            if !same_content(&mut file, bytes).map_err(|e| self.unreadable(e))? {
                return Err(changed());
            }
            // A write, or a rename over the file, while it was being compared.
            let now = fs::metadata(&self.target).map_err(|e| self.unreadable(e))?;
            if Stamp::of(&now) != self.stamp {
                return Err(changed());
            }
        }
        Ok(metadata)
    }

    /// `Ok` if the file may be replaced: it is writable and has no other names.
    fn writable(&self, metadata: &Metadata) -> Result<(), FileError> {
        let path = self.name();
        // The permission bits say read-only even to root, who could write anyway; opening
        // for writing (without truncating) asks the system about everyone else.
        if metadata.permissions().readonly() {
            return Err(FileError::ReadOnly { path });
        }
        match fs::OpenOptions::new().write(true).open(&self.target) {
            Err(error) if error.kind() == io::ErrorKind::PermissionDenied => {
                return Err(FileError::ReadOnly { path });
            }
            Err(error) => {
                let reason = crate::input::reason(&error);
                return Err(FileError::Unwritable { path, reason });
            }
            Ok(_) => {}
        }
        match links(metadata) {
            1 => Ok(()),
            links => Err(FileError::HardLinked { path, links }),
        }
    }
}

/// What identifies a file's state short of its content.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode: a file renamed over this one is another file.
    #[cfg(unix)]
    id: (u64, u64),
}

impl Stamp {
    fn of(metadata: &Metadata) -> Stamp {
        Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            #[cfg(unix)]
            id: {
                use std::os::unix::fs::MetadataExt as _;
                (metadata.dev(), metadata.ino())
            },
        }
    }
}

/// How many names the file has.
fn links(metadata: &Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        metadata.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        1
    }
}

/// Whether what `file` holds from here to its end is `expected`, byte for byte: stronger
/// than comparing hashes, and read in pieces, so it costs no memory.
fn same_content(file: &mut impl io::Read, mut expected: &[u8]) -> io::Result<bool> {
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = match file.read(&mut buffer) {
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if read == 0 {
            return Ok(expected.is_empty());
        }
        let (Some(got), Some((want, rest))) = (buffer.get(..read), expected.split_at_checked(read))
        else {
            return Ok(false);
        };
        if got != want {
            return Ok(false);
        }
        expected = rest;
    }
}

/// The new file, beside the old one until it is renamed over it; removed if it never is.
struct Temp {
    path: PathBuf,
    file: File,
    renamed: bool,
}

impl Temp {
    /// An empty file in `target`'s directory, with the permissions (and, where allowed, the
    /// owner) of `like`.
    fn create(target: &Path, like: &Metadata) -> io::Result<Temp> {
        let dir = target.parent().unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut attempt = 0;
        loop {
            let path = dir.join(format!(
                ".{name}.banfa-fmt-{}-{attempt}",
                std::process::id()
            ));
            match new_file(&path) {
                Ok(file) => {
                    let temp = Temp {
                        path,
                        file,
                        renamed: false,
                    };
                    temp.take_on(like)?;
                    return Ok(temp);
                }
                // Left behind by a run that was killed: try another name.
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Gives the file the owner and permissions of `like`. The owner first: changing it
    /// may clear the set-id bits of the permissions.
    fn take_on(&self, like: &Metadata) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let mine = self.file.metadata()?;
            if (mine.uid(), mine.gid()) != (like.uid(), like.gid()) {
                // Only root may give a file away, and only a member may give it to a group:
                // otherwise the file is ours, as anything we create would be.
                let _ = std::os::unix::fs::fchown(&self.file, Some(like.uid()), Some(like.gid()));
            }
        }
        self.file.set_permissions(like.permissions())
    }

    fn write(&self, text: &str) -> io::Result<()> {
        let mut file = &self.file;
        file.write_all(text.as_bytes())?;
        file.sync_all()
    }

    /// Renames the file over `target`, and makes the rename durable.
    fn rename_over(mut self, target: &Path) -> io::Result<()> {
        fs::rename(&self.path, target)?;
        self.renamed = true;
        if let Some(dir) = target.parent() {
            // Not every system can sync a directory; the rename has happened either way.
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// A file that did not exist, readable and writable by its owner only until it is given
/// the permissions of the file it replaces.
fn new_file(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

/// The `.banfa` files at or under each of `roots`, each once, in order of path.
///
/// Directory links are followed, but each directory (and each file) is visited once
/// however many paths lead to it, so links that make a cycle end the search rather than
/// repeat it. Paths that cannot be read are skipped.
pub fn collect(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen: HashSet<FileId> = HashSet::new();
    let mut files = Vec::new();
    // Breadth first: of the paths to one file, the shortest is the one reported.
    let mut queue: VecDeque<PathBuf> = roots.iter().cloned().collect();
    while let Some(path) = queue.pop_front() {
        let Ok(metadata) = fs::metadata(&path) else {
            continue;
        };
        if metadata.is_dir() {
            if seen.insert(file_id(&path, &metadata)) {
                queue.extend(entries(&path));
            }
        } else if path.extension().is_some_and(|e| e == "banfa")
            && seen.insert(file_id(&path, &metadata))
        {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The entries of a directory, in order of name.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
}

/// What tells one file or directory from another, whatever the path to it: device and
/// inode where there are such.
#[cfg(unix)]
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(_: &Path, metadata: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt as _;
    (metadata.dev(), metadata.ino())
}

/// Elsewhere, the path with every link resolved (or as given, if it cannot be).
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(not(unix))]
fn file_id(path: &Path, _: &Metadata) -> FileId {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

crate::report_by_code!(FileError);
