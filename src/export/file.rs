//! Where exports from the screen go, and how they are written. Outside the data directory:
//! that holds no plaintext pupil data once encryption is on, and a document is meant to be
//! sent on. File names carry a date and initials, never a pupil's full name, since they show
//! in folder listings, mail attachments and recent-file lists.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Format;
use crate::domain::Pupil;
use crate::i18n::Lang;

/// Overrides the folder exports go to (and keeps tests out of the user's Documents).
pub const DIR_VAR: &str = "OTTER_EXPORT_DIR";

/// `OTTER_EXPORT_DIR`, else the user's Documents folder, else the current directory, made
/// absolute: the screen says where a document went, and "./verslag…" tells nobody where.
pub fn dir() -> PathBuf {
    let dir = match std::env::var_os(DIR_VAR).filter(|dir| !dir.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from(".")),
    };
    std::path::absolute(&dir).unwrap_or(dir)
}

/// Writes `bytes` to `path` whole or not at all (`atomic::write`), its folder made first:
/// a crash never leaves half a document.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::atomic::write(path, |err| err, |out| out.write_all(bytes))
}

/// `verslag-OT-2026-11-23.html`, with `-concept` for a meeting not yet closed.
pub fn minutes_name(date: NaiveDate, draft: bool, format: Format, lang: Lang) -> String {
    let t = lang.texts();
    let draft = if draft {
        format!("-{}", t.export_draft)
    } else {
        String::new()
    };
    format!(
        "{}-OT-{}{draft}.{}",
        t.export_minutes_file,
        date.format("%Y-%m-%d"),
        format.extension()
    )
}

/// `uittreksel-SdJ-2026-11-23.html`: the pupil's initials, or their number when the name has
/// no letters to take.
pub fn extract_name(pupil: &Pupil, today: NaiveDate, format: Format, lang: Lang) -> String {
    let initials: String = pupil
        .initials()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let who = if initials.is_empty() {
        pupil.id.0.to_string()
    } else {
        initials
    };
    format!(
        "{}-{who}-{}.{}",
        lang.texts().export_extract_file,
        today.format("%Y-%m-%d"),
        format.extension()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PupilId;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_export_folder_is_absolute_whatever_it_falls_back_to() {
        // The flash after `E` shows this path: "./verslag…" said nothing about where.
        assert!(dir().is_absolute(), "{}", dir().display());
    }

    #[test]
    fn names_carry_the_date_and_initials_never_the_name() {
        assert_eq!(
            minutes_name(day(), false, Format::Html, Lang::Nl),
            "verslag-OT-2026-11-23.html"
        );
        assert_eq!(
            minutes_name(day(), true, Format::Markdown, Lang::Nl),
            "verslag-OT-2026-11-23-concept.md"
        );
        let pupil = Pupil {
            id: PupilId(42),
            first_name: "Sanne".into(),
            prefix: "de".into(),
            last_name: "Jong".into(),
            groep: 5,
            birth_date: NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
            teacher: String::new(),
        };
        let name = extract_name(&pupil, day(), Format::Html, Lang::Nl);
        assert_eq!(name, "uittreksel-SdJ-2026-11-23.html");
        assert!(!name.contains("Sanne") && !name.contains("Jong"));
    }

    #[test]
    fn a_write_makes_the_export_folder_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("exports").join("verslag.html");
        write(&path, b"verslag").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"verslag");
    }
}
