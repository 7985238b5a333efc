use super::Texts;

pub const EN: Texts = Texts {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    roles: [
        "intern begeleider (SENCo)",
        "head teacher",
        "leerkracht (teacher)",
        "jeugdconsulent (youth care officer)",
        "school social worker",
        "youth nurse / youth doctor",
        "onderwijszorg-generalist",
        "youth care worker at school",
        "consultant samenwerkingsverband",
        "parent",
        "other",
    ],
    levels: [
        "1 basic support in the class",
        "2 extra support at school",
        "3 with external staff at school",
        "4 wijkteam, youth care officer or arrangement",
        "5 specialist youth care or special education",
    ],
    requirements: [
        "who gave the signal",
        "the hulpvraag (support question)",
        "parental consent (yes or anonymous)",
        "the three circles (child, education, upbringing)",
        "hypotheses or questions",
        "a decision on research",
        "at least one goal",
        "at least one action with owner and due date",
        "the regiehouder (coordinator)",
        "the evaluation date",
        "the start date of the help (or the wait)",
        "the outcome",
        "feedback to the parents",
        "the closing reason",
    ],
    actions: [
        "open the meeting",
        "next agenda item",
        "previous agenda item",
        "start or pause the timer",
        "write the notes of this phase",
        "new action (what, who, when)",
        "record a decision",
        "record what this phase asks for",
        "case to the next phase",
        "case back to the previous phase (with a reason)",
        "level up (scale up, with a reason)",
        "level down (scale down, with a reason)",
        "close the meeting and fix the minutes",
        "up",
        "down",
        "change attendance: present, absent with notice, absent",
        "action done (or open again)",
        "drop the action (with a reason)",
        "blank the screen (privacy)",
        "back",
        "show this help",
        "quit (everything is already saved)",
    ],
    consent_unknown: "not asked yet",
    consent_yes: "yes",
    consent_no: "no",
    consent_anonymous: "anonymous",
    status_open: "open",
    status_done: "done",
    status_dropped: "dropped",
    meeting_planned: "planned",
    meeting_open: "in progress",
    meeting_closed: "minutes fixed",
    meeting_regular: "OT meeting",
    meeting_vooroverleg: "vooroverleg (preliminary)",

    kind_pupil: "Pupils",
    kind_case: "Cases",
    kind_note: "Notes",
    kind_decision: "Decisions",
    kind_action: "Actions",

    col_name: "name",
    col_groep: "groep",
    col_birth: "born",
    col_teacher: "teacher",
    col_cases: "cases",
    col_action: "action",
    col_owner: "owner",
    col_due: "due",
    col_status: "status",
    col_pupil: "pupil",
    col_date: "date",
    col_time: "time",
    col_place: "place",
    col_kind: "kind",
    col_state: "state",
    col_phase: "phase",
    col_level: "level",
    col_consent: "consent",
    col_question: "hulpvraag",
    col_overdue: "overdue",

    field_name: "The name",
    field_query: "The search term",
    field_action: "The action",
    field_owner: "The owner",
    prompt_action_text: "New action: what will be done?",
    prompt_action_due: "Done by when? (12-12, fri, +2w, next ot)",
    field_decision: "The decision",
    nothing_found: "Nothing found.",
    no_cases: "No cases.",
    label_case: "Case",
    label_history: "History",
    label_actions: "Actions",
    label_evaluation: "evaluation",
    err_demo_with_command: "--demo opens the screen on a demo school and does not go with a command; use otter demo to fill a database",
    demo_filling: "Creating the demo school…",
    no_terminal_demo_note: "Note: this is a temporary demo database; changes disappear when otter closes.",

    help_title: "Keys",
    minutes_title: "Minutes of the",
    minutes_chair: "chair",
    minutes_present: "present",
    minutes_absent_notice: "absent with notice",
    minutes_absent: "absent",
    minutes_carried_over: "Open actions of earlier meetings",
    minutes_next: "Next meeting",
    minutes_fixed_on: "Fixed on",
    minutes_nothing: "Nothing to report.",
    minutes_changes: "Changes",
    minutes_opened: "case opened",
    agenda_opening: "Opening and attendance",
    agenda_previous_minutes: "Minutes of the previous meeting",
    agenda_actions: "Actions",
    agenda_case: "Pupil discussion",
    agenda_new_signals: "New signals",
    agenda_rondvraag: "Any other business",
    agenda_closing: "Closing and next date",
    meeting_agenda: "Agenda",
    meeting_question: "Support question",
    meeting_questions: "Guiding questions",
    meeting_missing: "Still to record before moving on",
    meeting_ready: "Everything this phase needs is recorded.",
    meeting_open_actions: "Open actions",
    meeting_no_actions: "No open actions.",
    meeting_earlier_actions: "Actions of earlier meetings",
    meeting_keys: "n next · p previous · t timer · b blank · ? keys · Esc back",
    meeting_timer_paused: "paused",
    hint_opening: "Welcome. Go through the attendance.",
    hint_previous_minutes: "Are the minutes of the previous meeting agreed?",
    hint_new_signals: "Are there new concerns about pupils?",
    hint_rondvraag: "Does anyone have anything else?",
    hint_closing: "Agree the date of the next meeting.",
    blank_message: "Screen hidden · press any key",
    flash_last_phase: "This case is in the last phase already.",
    flash_first_phase: "This case is still in the first phase.",
    flash_level_limit: "The level stays between 1 and 5.",
    flash_reason_needed: "Give a reason; Esc cancels.",
    prompt_hint: "Enter saves · Esc cancels",
    meeting_notes: "Notes",
    meeting_no_notes: "No notes in this meeting yet · e to write",
    editor_hint: "Type the notes · everything is saved as you type · Esc done",
    flash_minutes_fixed: "Minutes fixed; the open actions carry over to the next meeting.",
    prompt_next_meeting: "Close the meeting and fix the minutes. Date of the next OT? (empty: not yet)",
    presence_present: "present",
    presence_notice: "absent with notice",
    presence_absent: "absent",
    presence_unknown: "not recorded",
    attendance_hint: "j/k choose · space or Enter: present → absent with notice → absent",
    review_hint: "j/k choose · x done · d drop (with a reason) · what stays open carries over to the next OT",
    prompt_drop_action: "Why is this action dropped?",
    prompt_decision: "Decision: what was agreed?",
    flash_elsewhere: "What is still missing is recorded with a (action) or with e in the three circles.",
    flash_answer_needed: "Give an answer; Esc stops.",
    flash_yes_no: "Answer yes or no.",
    flash_consent_words: "Answer yes, no or anonymous.",
    hint_date: " (12-12, fri, +2w)",
    hint_yes_no: " (yes / no)",
    hint_consent: " (yes / no / anonymous)",
    hint_help_start: " (a date, or wait and the date)",
    circles: ["Kind (child)", "Onderwijs (school)", "Opvoeding (home)"],
    circle_parts: ["+ what goes well", "− worries", "? what we don't know yet"],
    circles_title: "The three circles · e to fill them in",
    circles_empty: "still empty",
    circles_hint: "Tab next box · Shift-Tab previous · everything is saved as you type · Esc done",
    plan_goals: "Goals",
    plan_goals_box: "Goals (one per line)",
    plan_regiehouder: "Regiehouder (coordinator)",
    plan_evaluation: "Evaluation date",
    plan_not_set: "not recorded yet",
    flash_no_next_meeting: "No next OT is planned yet; give a date. Not saved.",
    plan_hint: "Tab next field · Shift-Tab previous · everything is saved as you type · Esc done",
    app_title: "otter · support team",
    dash_next_meeting: "Next OT",
    dash_no_meeting: "No OT is planned.",
    dash_overdue: "Overdue actions",
    dash_no_overdue: "No overdue actions.",
    dash_school: "School",
    dash_keys: "Enter open the meeting · ? keys · q or Ctrl-c quit (everything is already saved)",
    dash_demo_banner: "DEMO · fictional school · nothing is kept",

    about: "otter runs the support team (OT) of a primary school: agenda, cases, actions and minutes.",
    help_demo: "Fill an empty database with a fictional school",
    help_pupils: "List all pupils",
    help_pupil: "Show one pupil's dossier",
    help_actions: "List actions",
    help_meetings: "List meetings, the next one first",
    help_search: "Search pupils, cases, notes and actions",
    help_export: "Write minutes or a list as text",
    help_export_minutes: "The minutes of a closed meeting",
    help_meeting: "Meeting number, or last for the most recent",
    help_format: "Format: md (Markdown)",
    help_data_dir: "Folder holding the database (else OTTER_DATA_DIR or the default folder)",
    help_lang: "Language of otter: nl or en",
    help_json: "Print JSON",
    help_open_demo: "Open otter on a new, temporary demo database",
    help_theme: "Colour theme: donker (dark), beamer (projector), kleurenblind (colour-blind safe) or mono",
    help_scale: "Size of the demo school: school or large",
    help_open: "Open actions only",
    help_owner: "Only actions of this owner",
    help_overdue: "Overdue actions only",

    err_in_use: |dir| {
        format!("The database in {dir} is already open in another otter. Close that one first.")
    },
    err_damaged: |dir, detail| {
        format!(
            "The database in {dir} is damaged ({detail}). Nothing was changed; keep the folder and restore the last backup."
        )
    },
    err_foreign: |dir| {
        format!("{dir} does not hold an otter database. Choose another folder with --data-dir.")
    },
    err_newer: |found, supported| {
        format!(
            "This database was written by a newer otter (schema {found}); this otter reads up to {supported}. Update otter."
        )
    },
    err_no_migration: |from| format!("This otter cannot upgrade a database with schema {from}."),
    err_exists: |what| {
        format!("A record with this number already exists in {what}; nothing was saved.")
    },
    err_disk: |detail| format!("Disk error: {detail}. What was saved before stays saved."),
    err_not_empty: |dir| {
        format!("The database in {dir} is not empty; the demo only fills an empty database.")
    },
    err_no_pupil: |name| format!("No pupil found named \"{name}\"."),
    err_ambiguous: |name, candidates| {
        format!("\"{name}\" matches more than one name: {candidates}. Give the full name.")
    },
    err_no_meeting: |id| format!("No closed meeting found with number \"{id}\"."),
    err_no_owner: |name| format!("No team member or owner found named \"{name}\"."),
    err_empty: |what| format!("{what} must not be empty."),
    err_date: |text| {
        format!("\"{text}\" is not a valid date (for example 12-12-2026, 12-12, fri or +2w).")
    },
    err_no_data_dir: || "No folder for data could be found; give one with --data-dir.".to_string(),
    err_terminal: |detail| format!("The terminal could not be used: {detail}"),
    err_output: |detail| format!("The output could not be written: {detail}"),
    err_no_database: |dir| {
        format!(
            "There is no otter database in {dir} yet. Start otter to make one, or otter demo for a demo school."
        )
    },
    err_phase_model: |detail| format!("The phase model is invalid: {detail}"),
    err_usage: |detail| format!("Invalid use: {detail}. See otter --help."),
    err_theme: |detail| format!("Theme not loaded, using the default: {detail}"),
    flash_missing: |missing| format!("Still to record before the case may move on: {missing}"),
    flash_date_kept: |text| format!("\"{text}\" is not a date (12-12, fri, +2w); not saved."),
    prompt_phase_back: |phase| format!("Reason to go back to {phase}"),
    prompt_level: |from, to| format!("Reason for level {from} → {to}"),
    prompt_action_owner: |what| format!("Who owns \"{what}\"?"),
    flash_action_saved: |what, owner, due| format!("Action saved: {what} — {owner} — {due}"),
    flash_decision_saved: |text| format!("Decision recorded: {text}"),
    err_internal: |place| {
        format!(
            "otter stopped on an internal error ({place}). Everything up to the last keystroke is saved."
        )
    },
    demo_done: |pupils, cases, meetings, actions, dir| {
        format!(
            "Demo school ready in {dir}: {pupils} pupils, {cases} cases, {meetings} meetings, {actions} actions."
        )
    },
    days_overdue: |days| {
        if days == 1 {
            "1 day".to_string()
        } else {
            format!("{days} days")
        }
    },
    too_small: |width, height| {
        format!("{width}×{height}: the window is too small. otter needs at least 80×24.")
    },
    count_cases: |count| {
        if count == 1 {
            "1 case".to_string()
        } else {
            format!("{count} cases")
        }
    },
};
