//! Texts of the command line's look-ups and files added after the main catalog, kept in their
//! own part so they grow without touching the rest.

/// Messages of `otter pupil`, `forget`, `export`, `backup` and `restore`.
pub struct CliTexts {
    /// Two or more pupils with the same full name: the name alone cannot tell them apart.
    pub err_same_name: fn(&str, &str, &str) -> String,
    /// `otter forget --yes` with part of a name: an erasure without a question takes the full
    /// name only.
    pub err_forget_full_name: fn(&str, &str) -> String,
    /// `otter export -o FILE` could not write the file (its folder missing, a full disk).
    pub err_export_file: fn(&str, &str) -> String,
}

pub const NL: CliTexts = CliTexts {
    err_same_name: |name, candidates, example| {
        format!(
            "Er zijn meer leerlingen met de naam {name}: {candidates}. Geef de geboortedatum erbij, bijvoorbeeld: {example}."
        )
    },
    err_forget_full_name: |typed, full| {
        format!(
            "Met --yes verwijdert otter alleen bij de volledige naam: \"{typed}\" is {full}. Geef \"{full}\", of laat --yes weg om te bevestigen."
        )
    },
    err_export_file: |file, detail| format!("{file} kon niet worden geschreven: {detail}"),
};

pub const EN: CliTexts = CliTexts {
    err_same_name: |name, candidates, example| {
        format!(
            "More than one pupil is named {name}: {candidates}. Add the date of birth, for example: {example}."
        )
    },
    err_forget_full_name: |typed, full| {
        format!(
            "With --yes otter erases by the full name only: \"{typed}\" is {full}. Give \"{full}\", or leave out --yes to confirm."
        )
    },
    err_export_file: |file, detail| format!("{file} could not be written: {detail}"),
};
