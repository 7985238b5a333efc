//! The words clap itself puts around the help of every command (headings, its own flags, the
//! notes on defaults and values), so that `otter --help` speaks one language.

pub struct HelpTexts {
    pub usage: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    /// The placeholders in a usage line: "otter [OPTIES] [OPDRACHT]".
    pub options_tag: &'static str,
    pub command_value: &'static str,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    pub help_command: &'static str,
    pub default: fn(&str) -> String,
    pub possible: fn(&str) -> String,
    pub env: fn(&str) -> String,
    pub aliases: fn(&str) -> String,
    /// A value's placeholder (`<FILE>`) in this language, where it is not the English one
    /// the code gives.
    pub value_name: fn(&str) -> Option<&'static str>,
}

pub const NL: HelpTexts = HelpTexts {
    usage: "Gebruik",
    arguments: "Argumenten",
    options: "Opties",
    commands: "Opdrachten",
    options_tag: "[OPTIES]",
    command_value: "OPDRACHT",
    help_flag: "Toon deze hulp",
    version_flag: "Toon de versie",
    help_command: "Toon deze hulp, of die van de genoemde opdracht",
    default: |value| format!("[standaard: {value}]"),
    possible: |values| format!("[mogelijke waarden: {values}]"),
    env: |name| format!("[omgevingsvariabele: {name}]"),
    aliases: |names| format!("[ook: {names}]"),
    value_name: |name| {
        Some(match name {
            "DIR" => "MAP",
            "FILE" => "BESTAND",
            "NAME" => "NAAM",
            "QUERY" => "ZOEKTERM",
            "STATE" => "STAND",
            "MINUTES" => "MINUTEN",
            "N" => "N",
            "LANG" => "TAAL",
            "SCALE" => "GROOTTE",
            "FORMAT" => "FORMAAT",
            "STATUS" => "STATUS",
            "ID|last|DATE" => "NR|last|DATUM",
            "FIELD=COLUMN" => "VELD=KOLOM",
            "COMMAND" => "OPDRACHT",
            "DATE" => "DATUM",
            "YEAR" => "JAAR",
            "1|2|3" => "1|2|3",
            "WEEKS" => "WEKEN",
            "MONTHS" => "MAANDEN",
            "ADDRESS" => "ADRES",
            "SHELL" => "SHELL",
            _ => return None,
        })
    },
};

pub const EN: HelpTexts = HelpTexts {
    usage: "Usage",
    arguments: "Arguments",
    options: "Options",
    commands: "Commands",
    options_tag: "[OPTIONS]",
    command_value: "COMMAND",
    help_flag: "Print help",
    version_flag: "Print version",
    help_command: "Print this help, or that of the command named",
    default: |value| format!("[default: {value}]"),
    possible: |values| format!("[possible values: {values}]"),
    env: |name| format!("[env: {name}]"),
    aliases: |names| format!("[aliases: {names}]"),
    // The code writes the placeholders in English.
    value_name: |_| None,
};
