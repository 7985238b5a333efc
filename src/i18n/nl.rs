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
    recorded: [
        "Signaal van",
        "Hulpvraag",
        "Toestemming ouders",
        "Drie cirkels",
        "Hypothesen",
        "Besluit over onderzoek",
        "Doelen",
        "Actiepunten",
        "Regiehouder",
        "Evaluatiedatum",
        "Hulp",
        "Uitkomst",
        "Ouders teruggekoppeld",
        "Reden van afsluiten",
    ],
    privacy: &super::privacy::NL,
    stats: &super::stats::NL,
    undo: &super::undo::NL,
    commands: super::CommandTexts {
        open_meeting: "vergadering openen",
        open_actions: "alle actiepunten (filteren, afvinken, datum)",
        open: "openen wat gekozen is (de leerling, de casus)",
        next_panel: "volgende lijst of casus",
        choose_me: "kiezen wie ik ben (mijn actiepunten)",
        export_extract: "uittreksel voor het dossier exporteren",
        import_pupils: "leerlingen importeren (EDEXML of CSV)",
        audit_log: "auditlog (exports, verwijderingen, heropende vergaderingen)",
        retention: "bewaartermijn: afgesloten casussen om te verwijderen",
        toggle_presentation: "presentatiemodus aan of uit",
        erase_expired: "alle casussen over de bewaartermijn verwijderen (met bevestiging)",
        monitoring: "monitoring: cijfers en grafieken per periode",
        switch_period: "andere periode (schooljaar, periode 1-3, vorig schooljaar)",
        prepare_meeting: "OT voorbereiden",
        plan_meeting: "nieuw OT plannen (datum, tijd, plaats)",
        reschedule: "datum, tijd en plaats van dit OT wijzigen",
        move_item_up: "agendapunt omhoog",
        move_item_down: "agendapunt omlaag",
        longer_item: "5 minuten langer",
        shorter_item: "5 minuten korter",
        remove_item: "agendapunt schrappen",
        add_item: "agendapunt toevoegen",
        add_proposals: "voorgestelde casussen toevoegen",
        switch_pane: "wisselen tussen agenda en deelnemers",
        toggle_invited: "uitgenodigd → afgemeld → niet uitgenodigd",
        add_guest: "gast toevoegen (leerkracht, ouder)",
        toggle_vooroverleg: "vooroverleg of gewoon OT-overleg",
        next_item: "volgend agendapunt",
        previous_item: "vorig agendapunt",
        toggle_timer: "timer starten of pauzeren",
        edit_notes: "aantekeningen van deze fase (of de drie cirkels, het plan)",
        add_action: "nieuw actiepunt (wat, wie, wanneer)",
        record_decision: "besluit vastleggen",
        record_fields: "vastleggen wat deze fase vraagt",
        change_consent: "toestemming ouders wijzigen",
        undo: "laatste wijziging ongedaan maken",
        withdraw: "casus intrekken (per vergissing geopend)",
        correct_question: "hulpvraag verbeteren",
        close_case: "casus nu afsluiten, vanuit elke fase (met reden)",
        history: "geschiedenis en eerdere aantekeningen van de casus",
        next_phase: "casus naar de volgende fase",
        previous_phase: "casus terug naar de vorige fase (met reden)",
        level_up: "niveau omhoog (opschalen, met reden)",
        level_down: "niveau omlaag (afschalen, met reden)",
        new_signal: "nieuw signaal: leerling kiezen en hulpvraag",
        close_meeting: "vergadering sluiten en verslag vaststellen",
        export_minutes: "conceptverslag exporteren (HTML)",
        reopen_meeting: "laatste gesloten vergadering heropenen (met reden)",
        up: "omhoog",
        down: "omlaag",
        toggle_presence: "aanwezigheid wisselen (aanwezig, met bericht, afwezig)",
        all_present: "alle nog niet genoteerden aanwezig",
        toggle_done: "actiepunt gedaan (of weer open)",
        drop_action: "actiepunt laten vervallen (met reden)",
        change_owner: "eigenaar van het actiepunt wijzigen",
        change_due: "datum van het actiepunt wijzigen",
        cycle_status: "status: open → gedaan → vervallen → alle",
        toggle_overdue: "alleen te laat (aan of uit)",
        filter_owner: "filter op eigenaar",
        filter_pupil: "filter op leerling (naam of schuilnaam)",
        filter_meeting: "filter op vergadering (nummer, datum of laatste)",
        page_down: "een pagina omlaag",
        page_up: "een pagina omhoog",
        first: "naar het eerste",
        last: "naar het laatste",
        blank: "scherm verbergen (privacy)",
        search: "overal zoeken: leerlingen, casussen, aantekeningen",
        palette: "alle opdrachten op naam, en het thema",
        back: "terug",
        help: "deze hulp tonen",
        quit: "stoppen (alles is al bewaard)",
        next_row: "volgende regel in : en /",
        previous_row: "vorige regel in : en /",
        next_field: "volgend vak in een formulier",
        previous_field: "vorig vak in een formulier",
    },
    import: super::import::NL,
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
    search_title: "Zoeken",
    search_hint: "typ om te zoeken · ↑↓ Enter kiezen · Esc sluiten",
    search_type_more: "Typ minstens twee letters.",
    search_loading: "zoeken…",
    search_shared: "Gedeeld scherm: geen leerlingen, alleen initialen of schuilnaam",

    col_name: "naam",
    col_groep: "groep",
    pseudonym_word: "Leerling",
    col_birth: "geboren",
    col_teacher: "leerkracht",
    col_cases: "casussen",
    col_action: "actiepunt",
    col_owner: "eigenaar",
    col_due: "datum",
    col_status: "status",
    col_pupil: "leerling",
    col_number: "nr",
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
    minutes_recorded: "Vastgelegd",
    minutes_recorded_before: "Eerder vastgelegd",
    minutes_reviewed: "Afgehandeld in deze vergadering",
    minutes_changed_actions: "Gewijzigd in deze vergadering",
    minutes_carried_over: "Openstaande actiepunten van eerdere vergaderingen",
    minutes_next: "Volgende vergadering",
    minutes_fixed_on: "Vastgesteld op",
    minutes_nothing: "Geen bijzonderheden.",
    minutes_signals_below: |n| match n {
        1 => "Eén nieuw signaal ingebracht, als volgend punt.".into(),
        n => format!("{n} nieuwe signalen ingebracht, als de volgende punten."),
    },
    not_discussed: "niet besproken",
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
    attendance_keys: "A alle aanwezig · n volgende · p vorige · b verbergen · ? toetsen · Esc terug",
    flash_all_present: |count| match count {
        0 => "Iedereen is al genoteerd.".to_string(),
        1 => "1 deelnemer op aanwezig gezet; wie al genoteerd was, blijft zo.".to_string(),
        n => format!("{n} deelnemers op aanwezig gezet; wie al genoteerd was, blijft zo."),
    },
    meeting_timer_paused: "gepauzeerd",
    hint_opening: "Welkom. Neem de aanwezigheid door.",
    hint_previous_minutes: "Is het verslag van de vorige vergadering akkoord?",
    previous_minutes: |day, id, cases| {
        let noun = if cases == 1 { "casus" } else { "casussen" };
        format!(
            "Vergadering {id} van {day}, {cases} {noun}. Het verslag staat hieronder: j/k en PgUp/PgDn scrollen."
        )
    },
    hint_new_signals: "Zijn er nieuwe zorgen over leerlingen? s opent een nieuw signaal.",
    hint_rondvraag: "Heeft iemand nog iets?",
    hint_closing: "Spreek de datum van de volgende vergadering af. S sluit de vergadering en stelt het verslag vast.",
    blank_message: "Scherm verborgen · druk op een toets",
    flash_no_case: "Dit agendapunt is geen leerlingbespreking.",
    flash_last_phase: "Deze casus is al in de laatste fase.",
    flash_first_phase: "Deze casus is nog in de eerste fase.",
    flash_level_limit: "Het niveau gaat niet verder dan 1 tot 5.",
    flash_prompt_back: "Wat je hier eerder typte, staat er weer: Enter bevestigt, Esc laat het los.",
    flash_reason_needed: "Geef een reden; Esc breekt af.",
    prompt_hint: "Enter bewaart · Esc breekt af",
    meeting_notes: "Aantekeningen",
    meeting_no_notes: "Nog geen aantekeningen in deze vergadering · e om te schrijven",
    editor_hint: "Typ de aantekeningen · alles wordt direct bewaard · Esc klaar",
    flash_minutes_fixed: "Verslag vastgesteld; de open actiepunten gaan mee naar de volgende vergadering. Druk op een toets voor het startscherm.",
    prompt_next_meeting: "Vergadering sluiten en verslag vaststellen. Datum volgende OT? (leeg: nog niet)",
    presence_present: "aanwezig",
    presence_notice: "afwezig met bericht",
    presence_absent: "afwezig",
    presence_unknown: "nog niet genoteerd",
    attendance_hint: "A: alle aanwezig · j/k kiezen · spatie of Enter: aanwezig → afwezig met bericht → afwezig",
    review_hint: "j/k kiezen · x gedaan · d vervalt · o eigenaar · w datum · wat open blijft, gaat mee naar de volgende OT",
    history_hint: "nieuwste eerst · elke andere toets sluit",
    history_empty: "Nog niets vastgelegd.",
    history_decision: "Besluit",
    history_action: "Actiepunt",
    flash_close_open_first: "Er is al een vergadering open: sluit die eerst.",
    flash_saved_again: "Alles is weer bewaard.",
    flash_nothing_to_reopen: "Er is geen gesloten vergadering.",
    err_no_next_meeting: "Er is nog geen volgende OT gepland; geef een datum.",
    err_no_date: "Geef een datum.",
    more_below: "↓ j: meer",
    palette_hint: "typ om te zoeken · ↑↓ kiezen · Enter uitvoeren · Esc sluiten",
    prompt_decision: "Besluit: wat is afgesproken?",
    picker_title: "Nieuw signaal",
    picker_query: "Welke leerling? (minstens 2 letters)",
    picker_hint: "↑↓ kiezen · Enter verder · Esc breekt af",
    picker_type_more: "Typ minstens 2 letters en kies een leerling; Esc breekt af.",
    flash_question_needed: "Geef de hulpvraag; Esc breekt af.",
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
    dash_keys: "Enter openen · Tab lijst · v vergadering · P voorbereiden · m ik · ? toetsen",
    dash_demo_banner: "DEMO · fictieve school · niets wordt bewaard",
    dash_mine: "Mijn actiepunten",
    dash_no_me: "Kies met m wie jij bent: dan staan hier jouw open actiepunten.",
    dash_no_mine: "Geen open actiepunten.",
    dash_evaluations: "Evaluatie verstreken",
    dash_no_evaluations: "Geen casussen met een verstreken evaluatiedatum.",
    dash_recent: "Recent gewijzigd",
    dash_no_recent: "Geen casussen gewijzigd in de laatste 14 dagen.",
    dash_count_of: |shown, total| {
        if shown < total {
            format!("eerste {shown} van {total}")
        } else {
            total.to_string()
        }
    },
    dash_count_of_at_most: |shown, total| format!("eerste {shown} van hooguit {total}"),
    col_change: "wijziging",
    prompt_me: "Wie ben jij? Typ (het begin van) je naam; de startpagina toont dan jouw actiepunten. Esc: later",
    flash_no_member: |name| {
        format!("Geen teamlid „{name}” gevonden, of meer dan één: typ meer van de naam.")
    },
    flash_no_pupil: "Dit actiepunt hoort bij geen leerling.",
    flash_dossier_presenting: "Geen dossier tijdens de vergadering (gedeeld scherm); h toont de casus.",
    flash_import_presenting: "Geen import tijdens de vergadering (gedeeld scherm): de proefimport toont namen. Doe het na het sluiten.",
    dossier_title: "Leerlingdossier",
    dossier_cases: "Casussen",
    dossier_timeline: "Tijdlijn",
    dossier_discussed: "Besproken in het OT",
    dossier_on_agenda: "Op de agenda van het OT",
    dossier_keys: "j/k scrollen · Tab casus · Enter casus tonen · x uittreksel · Esc terug",
    dossier_case_keys: "Enter of Esc: terug naar de tijdlijn",
    dossier_anonymous_as: |pseudonym| format!("anoniem besproken als {pseudonym}"),
    prepare_title: "OT voorbereiden",
    prepare_team: "Deelnemers",
    prepare_excused: "afgemeld",
    prepare_not_invited: "niet uitgenodigd",
    prepare_guest: "gast",
    prepare_no_meeting: "Er is nog geen OT gepland. N plant er een.",
    prepare_keys_agenda: "Enter OT starten · J/K verplaatsen · +/- tijd · x schrappen · a punt · r voorstellen · Tab deelnemers · ? toetsen",
    prepare_keys_team: "spatie uitgenodigd/afgemeld/niet · g gast · Tab agenda · Enter OT starten · ? toetsen · Esc terug",
    prompt_plan_date: "Op welke datum is het OT? (12-12, vr, +2w)",
    prompt_plan_place: "Waar? (leeg: waar het vorige OT was)",
    prompt_item_title: "Nieuw agendapunt: waarover?",
    prompt_guest_name: "Gast: naam?",
    flash_fixed_item: "Opening en sluiting blijven op hun plaats.",
    flash_past_date: "Een OT plan je vandaag of later.",
    flash_no_proposals: "Alle voorgestelde casussen staan al op de agenda.",
    flash_last_invited: "Minstens één teamlid blijft uitgenodigd.",
    flash_meeting_kind: |kind| format!("Dit overleg is nu: {kind}."),
    actions_title: "Actiepunten",
    actions_keys: "x gedaan · w datum · s status · t te laat · o eigenaar · l leerling · m OT",
    actions_none: "Geen actiepunten bij deze keuze.",
    status_all: "alle",
    filter_overdue: "te laat",
    filter_owner: "eigenaar",
    filter_pupil: "leerling",
    filter_meeting: "vergadering",
    prompt_filter_owner: "Actiepunten van wie? (leeg: iedereen)",
    prompt_filter_pupil: "Van welke leerling? (naam of schuilnaam; leeg: alle)",
    prompt_filter_meeting: "Afgesproken in welke vergadering? (nummer, datum of laatste; leeg: alle)",

    about: "otter leidt het ondersteuningsteam (OT) van een basisschool: agenda, casussen, actiepunten en verslagen.",
    help_demo: "Vul een lege database met een fictieve school",
    help_pupils: "Toon alle leerlingen",
    help_pupil: "Toon het dossier van één leerling",
    help_actions: "Toon actiepunten",
    help_meetings: "Toon de vergaderingen, de volgende eerst",
    help_search: "Zoek in leerlingen, casussen, aantekeningen en actiepunten",
    help_export: "Maak een verslag of lijst als tekst",
    help_export_minutes: "Het verslag van een vastgestelde vergadering",
    help_export_agenda: "De agenda van een geplande vergadering, om vooraf te mailen: leerlingen alleen met initialen of schuilnaam",
    help_agenda_meeting: "Welke vergadering: het nummer uit otter vergaderingen of de datum; zonder: de eerstvolgende geplande",
    help_pupil_name: "De leerling: (een deel van) roepnaam en achternaam, of de schuilnaam van een anonieme casus",
    help_query: "Waar je naar zoekt: een naam, of woorden uit een hulpvraag, aantekening, besluit of actiepunt",
    help_minutes_meeting: "Welke vergadering: het nummer uit otter vergaderingen, of last voor de laatst vastgestelde",
    help_presentation_state: "on (aan) of off (uit); zonder: zeg hoe het nu staat",
    help_backup_file: "Het bestand voor de back-up, of - voor de standaarduitvoer",
    help_restore_file: "Het back-upbestand dat terug moet",
    help_school_name: "De nieuwe naam van de school; zonder naam: toon de huidige",
    help_meeting: "Nummer van de vergadering, of last voor de laatste",
    help_format: "Formaat: md (Markdown) of html (om te printen); bij actiepunten csv (spreadsheet) of ics (agenda)",
    help_data_dir: "Map met de database (anders OTTER_DATA_DIR of de standaardmap)",
    help_lang: "Taal van otter",
    help_json: "Uitvoer als JSON",
    help_open_demo: "Open otter op een nieuwe, tijdelijke demodatabase",
    help_theme: "Kleurenthema: donker, beamer, kleurenblind of mono",
    help_scale: "Grootte van de demoschool",
    help_open: "Alleen open actiepunten",
    help_owner: "Alleen actiepunten van deze eigenaar",
    help_overdue: "Alleen actiepunten over datum",
    help_status: "Alleen actiepunten met deze status: all, open, done, dropped (alle, gedaan, vervallen)",
    help_pupil_filter: "Alleen actiepunten van deze leerling (naam, of de schuilnaam bij een anonieme casus)",
    help_meeting_filter: "Alleen actiepunten afgesproken in deze vergadering: nummer, last of datum",
    help_backup: "Schrijf een volledige back-up van de database naar een bestand (- voor de standaarduitvoer)",
    help_restore: "Zet een back-up terug in de gegevensmap",
    help_force: "Vervang ook een database die al gegevens bevat",

    err_in_use: |dir| {
        format!("De database in {dir} is al open in een andere otter. Sluit die eerst.")
    },
    err_damaged: |dir, backup| match backup {
        Some(file) => format!(
            "De database in {dir} is beschadigd. Er is niets gewijzigd. De nieuwste automatische back-up is {file}; zet die terug met: otter restore \"{file}\" --force --data-dir \"{dir}\""
        ),
        None => format!(
            "De database in {dir} is beschadigd. Er is niets gewijzigd en er is geen automatische back-up; zet uw laatste back-up terug met: otter restore BESTAND --force --data-dir \"{dir}\""
        ),
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
    err_no_meeting: |id| format!("Geen vastgestelde vergadering gevonden bij \"{id}\"."),
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
    err_backup_file: |file, detail| {
        format!("Het back-upbestand {file} kon niet worden gelezen of geschreven: {detail}")
    },
    err_backup_not_backup: |file| {
        format!("{file} is geen back-up van otter; er is niets teruggezet.")
    },
    err_backup_newer: |file| {
        format!(
            "{file} is gemaakt door een nieuwere otter; werk otter bij om deze back-up terug te zetten. Er is niets teruggezet."
        )
    },
    err_backup_damaged: |file, detail| {
        format!("De back-up {file} is beschadigd of onvolledig ({detail}); er is niets teruggezet.")
    },
    err_restore_not_empty: |dir| {
        format!(
            "De database in {dir} bevat al gegevens; geef --force om haar door de back-up te vervangen."
        )
    },
    err_restore_locked: |dir| {
        format!(
            "De database in {dir} is versleuteld; zonder haar wachtwoordzin zou haar auditlog verloren gaan, dus er is niets teruggezet. Geef haar wachtwoordzin als otter erom vraagt (OTTER_PASSPHRASE geldt alleen als de back-up dezelfde heeft)."
        )
    },
    err_keep_backups: |value| {
        format!(
            "OTTER_KEEP_BACKUPS moet een getal zijn (0: geen automatische back-ups), niet \"{value}\"."
        )
    },
    notice_unsaved: |why, count| {
        let edits = if count == 1 {
            "1 wijziging".to_string()
        } else {
            format!("{count} wijzigingen")
        };
        format!(
            "{why} Nog niet bewaard: {edits}. otter houdt ze vast en bewaart ze zodra de schijf het weer toelaat; sluit otter niet af."
        )
    },
    notice_quit_unsaved: |count| {
        format!("{count} wijziging(en) nog niet bewaard: nog een keer afsluiten gooit ze weg.")
    },
    notice_backup_failed: |detail| {
        format!(
            "De vergadering is gesloten en bewaard, maar de automatische back-up mislukte: {detail}"
        )
    },
    backup_done: |records, file| format!("Back-up van {records} records geschreven naar {file}."),
    restore_done: |records, file, dir| format!("{records} records uit {file} teruggezet in {dir}."),
    err_usage: |detail| format!("Ongeldige aanroep: {detail}. Zie otter --help."),
    usage_unknown_argument: |arg| format!("onbekende optie {arg}"),
    usage_unknown_command: |command| format!("onbekende opdracht {command}"),
    usage_invalid_value: |value, arg, valid| {
        let text = format!("{value} is geen geldige waarde voor {arg}");
        if valid.is_empty() {
            text
        } else {
            format!("{text} (kies uit {valid})")
        }
    },
    usage_missing_command: "er ontbreekt een opdracht",
    usage_missing: |arg| format!("{arg} ontbreekt"),
    usage_conflict: |arg, other| format!("{arg} gaat niet samen met {other}"),
    recorded_help_started: |day| format!("gestart op {day}"),
    recorded_help_planned: |day| format!("start gepland op {day}"),
    recorded_waiting: |day| format!("wacht sinds {day}"),
    prepare_proposed: |n| format!("{n} voorgesteld, niet op de agenda (r voegt toe)"),
    why_not_discussed: "vorige keer niet besproken",
    why_evaluation: |day| format!("evaluatie {day}"),
    why_carried_over: "signaal, doorgeschoven",
    why_new_signal: "nieuw signaal",
    flash_action_done: |text| format!("Gedaan: {text}"),
    flash_action_reopened: |text| format!("Weer open: {text}"),
    flash_action_due: |text, day| format!("{text}: klaar op {day}"),
    err_theme: |detail| format!("Thema niet geladen, standaardthema gebruikt: {detail}"),
    palette_theme: |name| format!("Thema: {name}"),
    prompt_reopen: |day| format!("Waarom wordt de OT van {day} heropend?"),
    minutes_reopened: |day, reason| format!("Heropend op {day}: {reason}"),
    minutes_owner_was: |was| format!("nieuwe eigenaar (was {was})"),
    prompt_held_on: |planned| {
        format!(
            "Deze OT stond gepland op {planned}. Welke datum krijgt het verslag? (Enter: vandaag)"
        )
    },
    minutes_note_in: |phase| format!("Aantekening in fase {phase}"),
    minutes_due_was: |due, was| format!("einddatum {due} (was {was})"),
    flash_missing: |missing| format!("Nog vast te leggen voordat de casus verder mag: {missing}"),
    flash_date_kept: |text| format!("\"{text}\" is geen datum (12-12, vr, +2w); niet bewaard."),
    prompt_phase_back: |phase| format!("Reden om terug te gaan naar {phase}"),
    prompt_level: |from, to| format!("Reden voor niveau {from} → {to}"),
    prompt_action_owner: |what| format!("Wie is eigenaar van \"{what}\"?"),
    prompt_plan_time: |day| format!("Hoe laat op {day}? (leeg: 08:30)"),
    prompt_drop_action: |what| format!("Waarom vervalt \"{what}\"?"),
    prompt_new_owner: |what| format!("Wie wordt eigenaar van \"{what}\"?"),
    prompt_new_due: |what| format!("Wanneer moet \"{what}\" klaar zijn?"),
    flash_action_saved: |what, owner, due| format!("Actiepunt bewaard: {what} — {owner} — {due}"),
    flash_decision_saved: |text| format!("Besluit vastgelegd: {text}"),
    picker_question: |name| format!("Hulpvraag over {name}, in één zin"),
    flash_signal_opened: |phase| {
        format!("Nieuwe casus in fase {phase}; f legt vast wat die fase nog vraagt.")
    },
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
    prompt_guest_role: |name| format!("Rol van {name}? (leerkracht groep 5, ouder, jeugdarts …)"),
    flash_bad_time: |text| format!("\"{text}\" is geen tijd (bijvoorbeeld 08:30)."),
    prepare_minutes: |planned, length| format!("{planned} van {length} min"),
    agenda_export_title: "Agenda",
    agenda_export_length: "geplande duur",
    agenda_export_invited: "uitgenodigd",
    agenda_export_number: "nr.",
    agenda_export_item: "onderwerp",
    agenda_export_minutes: "minuten",
    agenda_export_privacy: "Leerlingen staan op deze agenda met initialen of schuilnaam, gasten met hun rol.",
    prepare_overrun: |over, item| format!("{over} min te lang, uitloop vanaf punt {item}"),
    count_actions: |count| {
        if count == 1 {
            "1 actiepunt".to_string()
        } else {
            format!("{count} actiepunten")
        }
    },
    search_heading: |kind, shown, total| {
        if shown == total {
            format!("{kind} ({total})")
        } else {
            format!("{kind} ({shown} van {total})")
        }
    },
    flash_search_chosen: |what| format!("Gekozen: {what}"),
    export_school: "school",
    export_page: "Pagina",
    export_page_of: "van",
    export_draft: "concept",
    export_draft_banner: "Concept: nog niet vastgesteld",
    export_none_planned: "nog niet gepland",
    export_extract_title: "Uittreksel leerlingdossier",
    export_extract_intro: "Dit uittreksel bevat alles wat het ondersteuningsteam in otter over deze leerling heeft vastgelegd: de casussen met hun verloop, aantekeningen, besluiten en actiepunten, en de data waarop het OT over de leerling sprak. Over andere leerlingen staat er niets in.",
    export_made_on: "opgesteld op",
    export_no_cases: "Over deze leerling is geen casus vastgelegd.",
    export_case: "casus",
    export_opened: "geopend",
    export_reason: "reden",
    export_finished_on: "afgehandeld op",
    export_calendar_name: "OT-overleg en actiepunten",
    export_minutes_file: "verslag",
    export_extract_file: "uittreksel",
    export_draft_of: |day| {
        format!(
            "Concept van {day}. Het verslag wordt vastgesteld bij het sluiten van de vergadering."
        )
    },
    export_anonymous: |pseudonym| {
        format!(
            "Deze casus is zonder naam besproken: in verslagen, agenda's en op het gedeelde scherm heet de leerling {pseudonym}."
        )
    },
    export_meeting_on: |day| format!("OT-overleg van {day}. Agenda en verslag staan in otter."),
    flash_exported: |path| format!("Geschreven: {path}"),
    flash_export_failed: |reason| format!("Niet geëxporteerd: {reason}"),
    help_export_pupil: "Alles over één leerling, voor het dossier en voor de ouders",
    help_export_actions: "Actiepunten als spreadsheet (csv) of agenda (ics), met de filters van otter actions",
    help_output: "Schrijf naar dit bestand in plaats van naar het scherm",
    help_school: "Naam van de school boven verslagen en uittreksels: tonen, of instellen met een naam",
    school_none: "Nog geen naam van de school ingesteld; doe dat met otter school \"naam van de school\".",
    crypto: &super::crypto::NL,
    cli: &super::cli::NL,
    help: &super::help::NL,
};
