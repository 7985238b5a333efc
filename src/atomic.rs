//! Writing a file whole or not at all: every file otter writes outside its database (an
//! export, a backup) goes through here.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// How the temporary files `write` leaves until their rename begin: a folder's tidier
/// (`store::inbox`) tells a killed command's leftover from a file of its own by it.
pub const TEMPORARY_PREFIX: &str = ".otter-";

/// Writes the file `path` through `fill`, whole or not at all: into a temporary file in the
/// same directory, synced to disk, renamed over `path`, the rename synced through the
/// directory. A crash leaves the old file or the new one, never part of one; a failed write
/// leaves the old file and no temporary one. `disk` turns a failure of the file system
/// into the caller's error.
///
/// The temporary file is created readable by its owner only and stays so when renamed:
/// what otter writes holds pupil data.
pub fn write<T, E>(
    path: &Path,
    disk: impl Fn(io::Error) -> E,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // Dropped on any early return, which removes the file.
    let mut temp = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .tempfile_in(dir)
        .map_err(&disk)?;
    let mut out = BufWriter::new(temp.as_file_mut());
    let value = fill(&mut out)?;
    out.flush().map_err(&disk)?;
    drop(out);
    temp.as_file().sync_all().map_err(&disk)?;
    temp.persist(path).map_err(|err| disk(err.error))?;
    sync_dir(dir).map_err(&disk)?;
    Ok(value)
}

/// Makes renames in `dir` durable: on Unix a directory's entries are synced through the
/// directory; Windows has no such call (a directory cannot be opened as a file) and
/// journals renames itself.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn bytes(bytes: &'static [u8]) -> impl FnOnce(&mut dyn Write) -> io::Result<()> {
        move |out| out.write_all(bytes)
    }

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("verslag.html");
        write(
            &path,
            |err| err,
            bytes(b"eerste versie, langer dan de tweede"),
        )
        .unwrap();
        write(&path, |err| err, bytes(b"tweede")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"tweede");
        assert_eq!(names(dir.path()), ["verslag.html"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("back-up.json");
        write(&path, |err| err, bytes(b"oud en heel")).unwrap();
        // Fails half-way, after part of the new file is written and more than a buffer's
        // worth, so some of it reached the temporary file.
        let failed = write(
            &path,
            |err| err,
            |out| {
                out.write_all(&[b'x'; 64 * 1024])?;
                Err::<(), _>(io::Error::other("schijf vol"))
            },
        );
        assert_eq!(failed.unwrap_err().to_string(), "schijf vol");
        assert_eq!(std::fs::read(&path).unwrap(), b"oud en heel");
        assert_eq!(names(dir.path()), ["back-up.json"]);
    }

    #[test]
    fn a_missing_directory_is_a_disk_error_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weg").join("verslag.html");
        let failed = write(&path, |err| err, bytes(b"tekst"));
        assert_eq!(failed.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert!(names(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uittreksel.html");
        write(&path, |err| err, bytes(b"gegevens")).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
