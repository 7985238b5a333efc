use super::Texts;

pub const NL: Texts = Texts {
    weekdays: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    roles: [
        "intern begeleider",
        "directeur",
        "leerkracht",
        "jeugdconsulent",
        "schoolmaatschappelijk werker",
        "jeugdverpleegkundige / jeugdarts",
        "onderwijszorg-generalist",
        "jeugdhulpverlener op school",
        "consultant samenwerkingsverband",
        "ouder",
        "overig",
    ],
    levels: [
        "1 basisondersteuning in de groep",
        "2 extra ondersteuning op school",
        "3 met externen op school",
        "4 wijkteam, jeugdconsulent of arrangement",
        "5 specialistische jeugdhulp of S(B)O",
    ],
    requirements: [
        "wie het signaal gaf",
        "de hulpvraag",
        "toestemming ouders (ja of anoniem)",
        "de drie cirkels (kind, onderwijs, opvoeding)",
        "hypothesen of vragen",
        "een besluit over onderzoek",
        "minstens één doel",
        "minstens één actiepunt met eigenaar en datum",
        "de regiehouder",
        "de evaluatiedatum",
        "de startdatum van de hulp (of de wachttijd)",
        "de uitkomst",
        "terugkoppeling aan ouders",
        "de reden van afsluiten",
    ],
    actions: [
        "vergadering openen",
        "volgend agendapunt",
        "vorig agendapunt",
        "timer starten of pauzeren",
        "aantekeningen van deze fase schrijven",
        "nieuw actiepunt (wat, wie, wanneer)",
        "besluit vastleggen",
        "vastleggen wat deze fase vraagt",
        "casus naar de volgende fase",
        "casus terug naar de vorige fase (met reden)",
        "niveau omhoog (opschalen, met reden)",
        "niveau omlaag (afschalen, met reden)",
        "vergadering sluiten en verslag vaststellen",
        "omhoog",
        "omlaag",
        "aanwezigheid wisselen: aanwezig, afwezig met bericht, afwezig",
        "actiepunt gedaan (of weer open)",
        "actiepunt laten vervallen (met reden)",
        "scherm verbergen (privacy)",
        "terug",
        "deze hulp tonen",
        "stoppen (alles is al bewaard)",
    ],
    consent_unknown: "nog niet gevraagd",
    consent_yes: "ja",
    consent_no: "nee",
    consent_anonymous: "anoniem",
    status_open: "open",
    status_done: "gedaan",
    status_dropped: "vervallen",
    meeting_planned: "gepland",
    meeting_open: "bezig",
    meeting_closed: "vastgesteld",
    meeting_regular: "OT-overleg",
    meeting_vooroverleg: "vooroverleg",

    kind_pupil: "Leerlingen",
    kind_case: "Casussen",
    kind_note: "Aantekeningen",
    kind_decision: "Besluiten",
    kind_action: "Actiepunten",

    col_name: "naam",
    col_groep: "groep",
    col_birth: "geboren",
    col_teacher: "leerkracht",
    col_cases: "casussen",
    col_action: "actiepunt",
    col_owner: "eigenaar",
    col_due: "datum",
    col_status: "status",
    col_pupil: "leerling",
    col_date: "datum",
    col_time: "tijd",
    col_place: "plaats",
    col_kind: "soort",
    col_state: "status",
    col_phase: "fase",
    col_level: "niveau",
    col_consent: "toestemming",
    col_question: "hulpvraag",
    col_overdue: "te laat",

    field_name: "De naam",
    field_query: "De zoekterm",
    field_action: "Het actiepunt",
    field_owner: "De eigenaar",
    prompt_action_text: "Nieuw actiepunt: wat gaat er gebeuren?",
    prompt_action_due: "Wanneer klaar? (12-12, vr, +2w, volgende ot)",
    field_decision: "Het besluit",
    nothing_found: "Niets gevonden.",
    no_cases: "Geen casussen.",
    label_case: "Casus",
    label_history: "Geschiedenis",
    label_actions: "Actiepunten",
    label_evaluation: "evaluatie",
    err_demo_with_command: "--demo opent het scherm op een demoschool en gaat niet samen met een opdracht; gebruik otter demo om een database te vullen",
    demo_filling: "Demoschool wordt aangemaakt…",
    no_terminal_demo_note: "Let op: dit is een tijdelijke demodatabase; wijzigingen verdwijnen bij afsluiten.",

    help_title: "Toetsen",
    minutes_title: "Verslag",
    minutes_chair: "voorzitter",
    minutes_present: "aanwezig",
    minutes_absent_notice: "afwezig met bericht",
    minutes_absent: "afwezig",
    minutes_carried_over: "Openstaande actiepunten van eerdere vergaderingen",
    minutes_next: "Volgende vergadering",
    minutes_fixed_on: "Vastgesteld op",
    minutes_nothing: "Geen bijzonderheden.",
    minutes_changes: "Wijzigingen",
    minutes_opened: "casus geopend",
    agenda_opening: "Opening en aanwezigheid",
    agenda_previous_minutes: "Verslag vorige vergadering",
    agenda_actions: "Actiepunten",
    agenda_case: "Leerlingbespreking",
    agenda_new_signals: "Nieuwe signalen",
    agenda_rondvraag: "Rondvraag",
    agenda_closing: "Sluiting en volgende datum",
    meeting_agenda: "Agenda",
    meeting_question: "Hulpvraag",
    meeting_questions: "Leidende vragen",
    meeting_missing: "Nog vast te leggen om verder te gaan",
    meeting_ready: "Alles voor deze fase is vastgelegd.",
    meeting_open_actions: "Openstaande actiepunten",
    meeting_no_actions: "Geen openstaande actiepunten.",
    meeting_earlier_actions: "Actiepunten van eerdere vergaderingen",
    meeting_keys: "n volgende · p vorige · t timer · b verbergen · ? toetsen · Esc terug",
    meeting_timer_paused: "gepauzeerd",
    hint_opening: "Welkom. Neem de aanwezigheid door.",
    hint_previous_minutes: "Is het verslag van de vorige vergadering akkoord?",
    hint_new_signals: "Zijn er nieuwe zorgen over leerlingen?",
    hint_rondvraag: "Heeft iemand nog iets?",
    hint_closing: "Spreek de datum van de volgende vergadering af.",
    blank_message: "Scherm verborgen · druk op een toets",
    flash_last_phase: "Deze casus is al in de laatste fase.",
    flash_first_phase: "Deze casus is nog in de eerste fase.",
    flash_level_limit: "Het niveau gaat niet verder dan 1 tot 5.",
    flash_reason_needed: "Geef een reden; Esc breekt af.",
    prompt_hint: "Enter bewaart · Esc breekt af",
    meeting_notes: "Aantekeningen",
    meeting_no_notes: "Nog geen aantekeningen in deze vergadering · e om te schrijven",
    editor_hint: "Typ de aantekeningen · alles wordt direct bewaard · Esc klaar",
    flash_minutes_fixed: "Verslag vastgesteld; de open actiepunten gaan mee naar de volgende vergadering.",
    prompt_next_meeting: "Vergadering sluiten en verslag vaststellen. Datum volgende OT? (leeg: nog niet)",
    presence_present: "aanwezig",
    presence_notice: "afwezig met bericht",
    presence_absent: "afwezig",
    presence_unknown: "nog niet genoteerd",
    attendance_hint: "j/k kiezen · spatie of Enter: aanwezig → afwezig met bericht → afwezig",
    review_hint: "j/k kiezen · x gedaan · d vervalt (met reden) · wat open blijft, gaat mee naar de volgende OT",
    prompt_drop_action: "Waarom vervalt dit actiepunt?",
    prompt_decision: "Besluit: wat is afgesproken?",
    flash_elsewhere: "Wat nog ontbreekt, leg je vast met a (actiepunt) of met e in de drie cirkels.",
    flash_answer_needed: "Geef een antwoord; Esc stopt.",
    flash_yes_no: "Antwoord ja of nee.",
    flash_consent_words: "Antwoord ja, nee of anoniem.",
    hint_date: " (12-12, vr, +2w)",
    hint_yes_no: " (ja / nee)",
    hint_consent: " (ja / nee / anoniem)",
    hint_help_start: " (datum, of wacht en de datum)",
    circles: ["Kind", "Onderwijs", "Opvoeding"],
    circle_parts: ["+ wat gaat goed", "− zorgen", "? wat weten we nog niet"],
    circles_title: "De drie cirkels · e om in te vullen",
    circles_empty: "nog leeg",
    circles_hint: "Tab volgend vak · Shift-Tab vorig · alles wordt direct bewaard · Esc klaar",
    plan_goals: "Doelen",
    plan_goals_box: "Doelen (één per regel)",
    plan_regiehouder: "Regiehouder",
    plan_evaluation: "Evaluatiedatum",
    plan_not_set: "nog niet vastgelegd",
    flash_no_next_meeting: "Er is nog geen volgende OT gepland; geef een datum. Niet bewaard.",
    plan_hint: "Tab volgend veld · Shift-Tab vorig · alles wordt direct bewaard · Esc klaar",
    app_title: "otter · ondersteuningsteam",
    dash_next_meeting: "Volgende OT",
    dash_no_meeting: "Er is geen OT gepland.",
    dash_overdue: "Actiepunten over datum",
    dash_no_overdue: "Geen actiepunten over datum.",
    dash_school: "School",
    dash_keys: "Enter vergadering openen · ? toetsen · q of Ctrl-c stoppen (alles is al bewaard)",
    dash_demo_banner: "DEMO · fictieve school · niets wordt bewaard",

    about: "otter leidt het ondersteuningsteam (OT) van een basisschool: agenda, casussen, actiepunten en verslagen.",
    help_demo: "Vul een lege database met een fictieve school",
    help_pupils: "Toon alle leerlingen",
    help_pupil: "Toon het dossier van één leerling",
    help_actions: "Toon actiepunten",
    help_meetings: "Toon de vergaderingen, de volgende eerst",
    help_search: "Zoek in leerlingen, casussen, aantekeningen en actiepunten",
    help_export: "Maak een verslag of lijst als tekst",
    help_export_minutes: "Het verslag van een vastgestelde vergadering",
    help_meeting: "Nummer van de vergadering, of last voor de laatste",
    help_format: "Formaat: md (Markdown)",
    help_data_dir: "Map met de database (anders OTTER_DATA_DIR of de standaardmap)",
    help_lang: "Taal van otter: nl of en",
    help_json: "Uitvoer als JSON",
    help_open_demo: "Open otter op een nieuwe, tijdelijke demodatabase",
    help_theme: "Kleurenthema: donker, beamer, kleurenblind of mono",
    help_scale: "Grootte van de demoschool: school of large",
    help_open: "Alleen open actiepunten",
    help_owner: "Alleen actiepunten van deze eigenaar",
    help_overdue: "Alleen actiepunten over datum",

    err_in_use: |dir| {
        format!("De database in {dir} is al open in een andere otter. Sluit die eerst.")
    },
    err_damaged: |dir, detail| {
        format!(
            "De database in {dir} is beschadigd ({detail}). Er is niets gewijzigd; bewaar de map en zet de laatste back-up terug."
        )
    },
    err_foreign: |dir| {
        format!("{dir} bevat geen otter-database. Kies een andere map met --data-dir.")
    },
    err_newer: |found, supported| {
        format!(
            "Deze database is gemaakt door een nieuwere otter (schema {found}); deze otter kent tot en met {supported}. Werk otter bij."
        )
    },
    err_no_migration: |from| {
        format!("Deze otter kan een database met schema {from} niet bijwerken.")
    },
    err_exists: |what| {
        format!("Er bestaat al een record met dit nummer in {what}; er is niets opgeslagen.")
    },
    err_disk: |detail| format!("Schijffout: {detail}. Wat al bewaard was, blijft bewaard."),
    err_not_empty: |dir| {
        format!("De database in {dir} is niet leeg; de demo vult alleen een lege database.")
    },
    err_no_pupil: |name| format!("Geen leerling gevonden met de naam \"{name}\"."),
    err_ambiguous: |name, candidates| {
        format!("\"{name}\" past bij meer dan één naam: {candidates}. Geef de volledige naam.")
    },
    err_no_meeting: |id| format!("Geen vastgestelde vergadering gevonden met nummer \"{id}\"."),
    err_no_owner: |name| format!("Geen teamlid of eigenaar gevonden met de naam \"{name}\"."),
    err_empty: |what| format!("{what} mag niet leeg zijn."),
    err_date: |text| {
        format!("\"{text}\" is geen geldige datum (bijvoorbeeld 12-12-2026, 12-12, vr of +2w).")
    },
    err_no_data_dir: || {
        "Er is geen map voor gegevens te vinden; geef er een op met --data-dir.".to_string()
    },
    err_terminal: |detail| format!("Het scherm kon niet worden gebruikt: {detail}"),
    err_output: |detail| format!("De uitvoer kon niet worden geschreven: {detail}"),
    err_no_database: |dir| {
        format!(
            "Er is nog geen otter-database in {dir}. Start otter om er een te maken, of otter demo voor een demoschool."
        )
    },
    err_phase_model: |detail| format!("Het fasemodel is ongeldig: {detail}"),
    err_usage: |detail| format!("Ongeldige aanroep: {detail}. Zie otter --help."),
    err_theme: |detail| format!("Thema niet geladen, standaardthema gebruikt: {detail}"),
    flash_missing: |missing| format!("Nog vast te leggen voordat de casus verder mag: {missing}"),
    flash_date_kept: |text| format!("\"{text}\" is geen datum (12-12, vr, +2w); niet bewaard."),
    prompt_phase_back: |phase| format!("Reden om terug te gaan naar {phase}"),
    prompt_level: |from, to| format!("Reden voor niveau {from} → {to}"),
    prompt_action_owner: |what| format!("Wie is eigenaar van \"{what}\"?"),
    flash_action_saved: |what, owner, due| format!("Actiepunt bewaard: {what} — {owner} — {due}"),
    flash_decision_saved: |text| format!("Besluit vastgelegd: {text}"),
    err_internal: |place| {
        format!(
            "otter is gestopt door een interne fout ({place}). Alles tot de laatste toetsaanslag is bewaard."
        )
    },
    demo_done: |pupils, cases, meetings, actions, dir| {
        format!(
            "Demoschool klaar in {dir}: {pupils} leerlingen, {cases} casussen, {meetings} vergaderingen, {actions} actiepunten."
        )
    },
    days_overdue: |days| {
        if days == 1 {
            "1 dag".to_string()
        } else {
            format!("{days} dagen")
        }
    },
    too_small: |width, height| {
        format!("{width}×{height}: het venster is te klein. otter heeft minstens 80×24 nodig.")
    },
    count_cases: |count| {
        if count == 1 {
            "1 casus".to_string()
        } else {
            format!("{count} casussen")
        }
    },
};
