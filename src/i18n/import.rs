//! The texts of importing pupils, kept together so the import can grow without touching the
//! rest of the catalog.

use serde::Serialize;

#[derive(Serialize)]
pub struct ImportTexts {
    /// The pupil's fields in the order of `import::Field::ALL`.
    pub fields: [&'static str; 6],
    pub empty: &'static str,
    pub reason_empty_first_name: &'static str,
    pub reason_empty_last_name: &'static str,
    pub reason_empty_birth_date: &'static str,
    pub dry_run: &'static str,
    pub err_no_header: &'static str,
    pub err_not_edexml: &'static str,
    pub err_map_with_edexml: &'static str,
    pub help_import: &'static str,
    pub help_pupils: &'static str,
    pub help_file: &'static str,
    pub help_dry_run: &'static str,
    pub help_skip_bad: &'static str,
    pub help_map: &'static str,
    pub prompt_file: &'static str,
    pub title: &'static str,
    pub keys_confirm: &'static str,
    pub keys_refused: &'static str,
    pub keys_nothing: &'static str,
    #[serde(skip)]
    pub heading: fn(&str, &str) -> String,
    #[serde(skip)]
    pub source_csv: fn(char, &str) -> String,
    #[serde(skip)]
    pub source_edexml: fn(&str) -> String,
    #[serde(skip)]
    pub new: fn(usize) -> String,
    #[serde(skip)]
    pub updated: fn(usize) -> String,
    #[serde(skip)]
    pub unchanged: fn(usize) -> String,
    #[serde(skip)]
    pub bad: fn(usize) -> String,
    #[serde(skip)]
    pub line: fn(usize, &str) -> String,
    #[serde(skip)]
    pub reason_bad_date: fn(&str) -> String,
    #[serde(skip)]
    pub reason_impossible_date: fn(&str) -> String,
    #[serde(skip)]
    pub reason_bad_groep: fn(&str) -> String,
    #[serde(skip)]
    pub reason_same_as_line: fn(usize) -> String,
    #[serde(skip)]
    pub reason_fits_two: fn(&str) -> String,
    #[serde(skip)]
    pub reason_unreadable: fn(&str) -> String,
    #[serde(skip)]
    pub done: fn(usize, usize) -> String,
    #[serde(skip)]
    pub skipped: fn(usize) -> String,
    #[serde(skip)]
    pub err_bad_rows: fn(usize) -> String,
    #[serde(skip)]
    pub err_read: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_too_large: fn(&str, u64) -> String,
    #[serde(skip)]
    pub err_missing_column: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_unknown_column: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_column_range: fn(usize, usize) -> String,
    #[serde(skip)]
    pub err_unknown_field: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_bad_mapping: fn(&str) -> String,
    #[serde(skip)]
    pub err_xml: fn(usize, &str) -> String,
    #[serde(skip)]
    pub reason_unclosed_quote: fn(usize, usize) -> String,
    #[serde(skip)]
    pub reason_control: fn(&str, &str) -> String,
    #[serde(skip)]
    pub reason_not_utf8: fn(&str, &str) -> String,
}

fn separator_nl(separator: char) -> &'static str {
    match separator {
        ';' => "puntkomma",
        ',' => "komma",
        '\t' => "tab",
        _ => "anders",
    }
}

fn separator_en(separator: char) -> &'static str {
    match separator {
        ';' => "semicolon",
        ',' => "comma",
        '\t' => "tab",
        _ => "other",
    }
}

pub const NL: ImportTexts = ImportTexts {
    fields: [
        "roepnaam",
        "tussenvoegsel",
        "achternaam",
        "groep",
        "geboortedatum",
        "leerkracht",
    ],
    empty: "(leeg)",
    reason_empty_first_name: "roepnaam is leeg",
    reason_empty_last_name: "achternaam is leeg",
    reason_empty_birth_date: "geboortedatum is leeg",
    dry_run: "Proefdraai: er is niets opgeslagen.",
    err_no_header: "Het bestand heeft geen kopregel met kolomnamen.",
    err_not_edexml: "Dit XML-bestand is geen EDEXML: er staan geen <leerlingen> in.",
    err_map_with_edexml: "--map geldt alleen voor CSV-bestanden; EDEXML heeft vaste namen.",
    help_import: "Importeer gegevens uit de leerlingadministratie",
    help_pupils: "Importeer leerlingen uit een EDEXML- of CSV-bestand (ParnasSys, ESIS, Magister)",
    help_file: "Een EDEXML- of CSV-bestand; welk van de twee blijkt uit de inhoud",
    help_dry_run: "Laat zien wat er zou veranderen, zonder iets op te slaan",
    help_skip_bad: "Importeer de goede regels en sla foute regels over",
    help_map: "Kolom voor een veld, bijvoorbeeld --map roepnaam=Voornaam of --map groep=4",
    prompt_file: "Bestand met leerlingen (EDEXML of CSV):",
    title: "Leerlingen importeren",
    keys_confirm: "Enter importeren · Esc annuleren",
    keys_refused: "Verbeter de foute regels (of gebruik otter import pupils --skip-bad) · Esc",
    keys_nothing: "Er verandert niets · Esc",
    heading: |file, source| format!("Leerlingen uit {file} ({source})"),
    source_csv: |separator, encoding| {
        format!(
            "CSV, scheidingsteken {}, {encoding}",
            separator_nl(separator)
        )
    },
    source_edexml: |encoding| format!("EDEXML, {encoding}"),
    new: |count| format!("Nieuw: {count}"),
    updated: |count| format!("Bijgewerkt: {count}"),
    unchanged: |count| format!("Ongewijzigd: {count}"),
    bad: |count| format!("Foute regels: {count}"),
    line: |line, reason| format!("regel {line}: {reason}"),
    reason_bad_date: |text| format!("\"{text}\" is geen datum (dd-mm-jjjj of jjjj-mm-dd)"),
    reason_impossible_date: |text| format!("datum \"{text}\" bestaat niet"),
    reason_bad_groep: |text| {
        if text.is_empty() {
            "groep is leeg".to_string()
        } else {
            format!("\"{text}\" is geen groep 1 tot en met 8")
        }
    },
    reason_same_as_line: |line| format!("dezelfde leerling als regel {line}"),
    reason_fits_two: |name| format!("{name} past bij twee leerlingen in otter"),
    reason_unreadable: |detail| format!("onleesbare regel ({detail})"),
    done: |new, updated| format!("Geïmporteerd: {new} nieuw, {updated} bijgewerkt."),
    skipped: |count| {
        if count == 1 {
            "1 foute regel overgeslagen.".to_string()
        } else {
            format!("{count} foute regels overgeslagen.")
        }
    },
    err_bad_rows: |count| {
        let rows = if count == 1 {
            "1 foute regel".to_string()
        } else {
            format!("{count} foute regels")
        };
        format!(
            "Niets geïmporteerd: {rows}. Verbeter het bestand, of importeer de goede regels met --skip-bad."
        )
    },
    err_read: |path, detail| format!("{path} kan niet worden gelezen: {detail}"),
    err_too_large: |path, limit| {
        format!(
            "{path} is groter dan {} MB; dat is geen export van leerlingen.",
            limit / (1024 * 1024)
        )
    },
    err_missing_column: |field, headers| {
        format!(
            "Geen kolom voor {field} gevonden (kolommen: {headers}). Geef hem aan met --map {field}=KOLOM."
        )
    },
    err_unknown_column: |name, headers| {
        format!("Geen kolom \"{name}\" in het bestand (kolommen: {headers}).")
    },
    err_column_range: |number, count| {
        format!("Kolom {number} bestaat niet: het bestand heeft {count} kolommen.")
    },
    err_unknown_field: |key, known| format!("Onbekend veld \"{key}\" in --map; bekend: {known}."),
    err_bad_mapping: |text| {
        format!("\"{text}\" is geen koppeling; schrijf VELD=KOLOM, bijvoorbeeld roepnaam=Voornaam.")
    },
    err_xml: |line, detail| format!("Het XML-bestand is kapot bij regel {line}: {detail}"),
    reason_unclosed_quote: |from, until| {
        format!(
            "een aanhalingsteken (\") wordt niet gesloten, dus zijn regel {from} tot en met {until} als één cel gelezen; zet het aanhalingsteken recht en importeer opnieuw"
        )
    },
    reason_control: |field, value| {
        format!(
            "{field} bevat een stuurteken (\"{value}\"); haal het weg in het bestand en importeer opnieuw"
        )
    },
    reason_not_utf8: |field, value| {
        format!(
            "{field} bevat een teken dat geen UTF-8 is (\"{value}\", de rest van het bestand is UTF-8); verbeter de naam of sla het bestand opnieuw op als UTF-8"
        )
    },
};

pub const EN: ImportTexts = ImportTexts {
    fields: [
        "first name",
        "prefix",
        "last name",
        "groep",
        "date of birth",
        "teacher",
    ],
    empty: "(empty)",
    reason_empty_first_name: "first name is empty",
    reason_empty_last_name: "last name is empty",
    reason_empty_birth_date: "date of birth is empty",
    dry_run: "Dry run: nothing was saved.",
    err_no_header: "The file has no header line with column names.",
    err_not_edexml: "This XML file is not EDEXML: it holds no <leerlingen>.",
    err_map_with_edexml: "--map is for CSV files only; EDEXML has fixed names.",
    help_import: "Import data from the pupil administration",
    help_pupils: "Import pupils from an EDEXML or CSV file (ParnasSys, ESIS, Magister)",
    help_file: "An EDEXML or CSV file; which of the two is read from its content",
    help_dry_run: "Show what would change without saving anything",
    help_skip_bad: "Import the good rows and skip the bad ones",
    help_map: "Column for a field, for example --map roepnaam=Voornaam or --map groep=4",
    prompt_file: "File with pupils (EDEXML or CSV):",
    title: "Import pupils",
    keys_confirm: "Enter import · Esc cancel",
    keys_refused: "Fix the bad rows (or use otter import pupils --skip-bad) · Esc",
    keys_nothing: "Nothing changes · Esc",
    heading: |file, source| format!("Pupils from {file} ({source})"),
    source_csv: |separator, encoding| {
        format!("CSV, separator {}, {encoding}", separator_en(separator))
    },
    source_edexml: |encoding| format!("EDEXML, {encoding}"),
    new: |count| format!("New: {count}"),
    updated: |count| format!("Updated: {count}"),
    unchanged: |count| format!("Unchanged: {count}"),
    bad: |count| format!("Bad rows: {count}"),
    line: |line, reason| format!("line {line}: {reason}"),
    reason_bad_date: |text| format!("\"{text}\" is not a date (dd-mm-yyyy or yyyy-mm-dd)"),
    reason_impossible_date: |text| format!("date \"{text}\" does not exist"),
    reason_bad_groep: |text| {
        if text.is_empty() {
            "groep is empty".to_string()
        } else {
            format!("\"{text}\" is not groep 1 to 8")
        }
    },
    reason_same_as_line: |line| format!("the same pupil as line {line}"),
    reason_fits_two: |name| format!("{name} fits two pupils in otter"),
    reason_unreadable: |detail| format!("unreadable row ({detail})"),
    done: |new, updated| format!("Imported: {new} new, {updated} updated."),
    skipped: |count| {
        if count == 1 {
            "1 bad row skipped.".to_string()
        } else {
            format!("{count} bad rows skipped.")
        }
    },
    err_bad_rows: |count| {
        let rows = if count == 1 {
            "1 bad row".to_string()
        } else {
            format!("{count} bad rows")
        };
        format!("Nothing imported: {rows}. Fix the file, or import the good rows with --skip-bad.")
    },
    err_read: |path, detail| format!("{path} cannot be read: {detail}"),
    err_too_large: |path, limit| {
        format!(
            "{path} is larger than {} MB; that is no export of pupils.",
            limit / (1024 * 1024)
        )
    },
    err_missing_column: |field, headers| {
        format!(
            "No column found for {field} (columns: {headers}). Name it with --map {field}=COLUMN."
        )
    },
    err_unknown_column: |name, headers| {
        format!("No column \"{name}\" in the file (columns: {headers}).")
    },
    err_column_range: |number, count| {
        format!("Column {number} does not exist: the file has {count} columns.")
    },
    err_unknown_field: |key, known| format!("Unknown field \"{key}\" in --map; known: {known}."),
    err_bad_mapping: |text| {
        format!("\"{text}\" is no mapping; write FIELD=COLUMN, for example roepnaam=Voornaam.")
    },
    err_xml: |line, detail| format!("The XML file is broken at line {line}: {detail}"),
    reason_unclosed_quote: |from, until| {
        format!(
            "a quote (\") is never closed, so lines {from} to {until} were read as one cell; fix the quote and import again"
        )
    },
    reason_control: |field, value| {
        format!(
            "{field} holds a control character (\"{value}\"); remove it from the file and import again"
        )
    },
    reason_not_utf8: |field, value| {
        format!(
            "{field} holds a character that is not UTF-8 (\"{value}\", the rest of the file is); correct the name or save the file as UTF-8 again"
        )
    },
};
