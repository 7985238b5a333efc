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
        "education and care generalist",
        "youth care worker at school",
        "consultant of the school partnership",
        "parent",
        "other",
    ],
    levels: [
        "1 basic support in the class",
        "2 extra support at school",
        "3 with external staff at school",
        "4 neighbourhood team, youth care officer or arrangement",
        "5 specialist youth care or special education",
    ],
    requirements: [
        "who gave the signal",
        "the support question",
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
    recorded: [
        "Signalled by",
        "Support question",
        "Parental consent",
        "Three circles",
        "Hypotheses",
        "Research decision",
        "Goals",
        "Actions",
        "Regiehouder (coordinator)",
        "Evaluation date",
        "Help",
        "Outcome",
        "Parents informed",
        "Reason for closing",
    ],
    privacy: &super::privacy::EN,
    stats: &super::stats::EN,
    undo: &super::undo::EN,
    commands: super::CommandTexts {
        open_meeting: "open the meeting",
        open_actions: "all actions (filter, mark done, due date)",
        open: "open the chosen row (the pupil, the case)",
        next_panel: "next list or case",
        choose_me: "choose who I am (my actions)",
        export_extract: "export the pupil's extract",
        import_pupils: "import pupils (EDEXML or CSV)",
        audit_log: "audit log (exports, erasures, reopened meetings)",
        retention: "retention: closed cases to erase",
        toggle_presentation: "presentation mode on or off",
        erase_expired: "erase all cases past retention (after confirmation)",
        monitoring: "monitoring: figures and charts per period",
        switch_period: "another period (school year, term 1-3, last school year)",
        prepare_meeting: "prepare the OT",
        plan_meeting: "plan a new OT (date, time, place)",
        reschedule: "change the date, time and place of this OT",
        move_item_up: "agenda item up",
        move_item_down: "agenda item down",
        longer_item: "5 minutes longer",
        shorter_item: "5 minutes shorter",
        remove_item: "remove the agenda item",
        add_item: "add an agenda item",
        add_proposals: "add the proposed cases",
        switch_pane: "switch between agenda and participants",
        toggle_invited: "invited → sent apologies → not invited",
        add_guest: "add a guest (leerkracht, parent)",
        toggle_vooroverleg: "preliminary meeting or a regular OT meeting",
        next_item: "next agenda item",
        previous_item: "previous agenda item",
        toggle_timer: "start or pause the timer",
        edit_notes: "notes of this phase (or the three circles, the plan)",
        add_action: "new action (what, who, when)",
        record_decision: "record a decision",
        record_fields: "record what this phase asks for",
        change_consent: "change the parents' consent",
        undo: "undo the last change",
        withdraw: "withdraw a case opened by mistake",
        correct_question: "correct the hulpvraag",
        close_case: "close the case now, from any phase (with a reason)",
        history: "the case's history and earlier notes",
        next_phase: "case to the next phase",
        previous_phase: "case back to the previous phase (with a reason)",
        level_up: "level up (scale up, with a reason)",
        level_down: "level down (scale down, with a reason)",
        new_signal: "new signal: choose a pupil and give the support question",
        close_meeting: "close the meeting and fix the minutes",
        export_minutes: "export draft minutes (HTML)",
        reopen_meeting: "reopen the last closed meeting (with a reason)",
        up: "up",
        down: "down",
        toggle_presence: "change attendance (present, with notice, absent)",
        all_present: "everyone not yet recorded present",
        toggle_done: "action done (or open again)",
        drop_action: "drop the action (with a reason)",
        change_owner: "change the action's owner",
        change_due: "change the action's due date",
        cycle_status: "status: open → done → dropped → all",
        toggle_overdue: "overdue only (on or off)",
        filter_owner: "filter by owner",
        filter_pupil: "filter by pupil (name or pseudonym)",
        filter_meeting: "filter by meeting (number, date or last)",
        page_down: "one page down",
        page_up: "one page up",
        first: "to the first",
        last: "to the last",
        blank: "blank the screen (privacy)",
        search: "search everything: pupils, cases, notes",
        palette: "every command by name, and the theme",
        back: "back",
        help: "show this help",
        quit: "quit (everything is already saved)",
        next_row: "next row in : and /",
        previous_row: "previous row in : and /",
        next_field: "next box in a form",
        previous_field: "previous box in a form",
    },
    import: super::import::EN,
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
    meeting_vooroverleg: "preliminary meeting",

    kind_pupil: "Pupils",
    kind_case: "Cases",
    kind_note: "Notes",
    kind_decision: "Decisions",
    kind_action: "Actions",
    search_title: "Search",
    search_hint: "type to search · ↑↓ Enter choose · Esc close",
    search_type_more: "Type at least two letters.",
    search_loading: "searching…",
    search_shared: "Shared screen: no pupils, initials or pseudonym only",

    col_name: "name",
    col_groep: "group",
    pseudonym_word: "Pupil",
    col_birth: "born",
    col_teacher: "teacher",
    col_cases: "cases",
    col_action: "action",
    col_owner: "owner",
    col_due: "due",
    col_status: "status",
    col_pupil: "pupil",
    col_number: "no.",
    col_date: "date",
    col_time: "time",
    col_place: "place",
    col_kind: "kind",
    col_state: "state",
    col_phase: "phase",
    col_level: "level",
    col_consent: "consent",
    col_question: "support question",
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
    minutes_recorded: "Recorded",
    minutes_recorded_before: "Recorded before",
    minutes_reviewed: "Finished in this meeting",
    minutes_changed_actions: "Changed in this meeting",
    minutes_carried_over: "Open actions of earlier meetings",
    minutes_next: "Next meeting",
    minutes_fixed_on: "Fixed on",
    minutes_nothing: "Nothing to report.",
    minutes_signals_below: |n| match n {
        1 => "One new signal raised, as the next item.".into(),
        n => format!("{n} new signals raised, as the next items."),
    },
    not_discussed: "not discussed",
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
    attendance_keys: "A all present · n next · p previous · b blank · ? keys · Esc back",
    flash_all_present: |count| match count {
        0 => "Everyone is recorded already.".to_string(),
        1 => "1 participant set to present; whoever was recorded stays so.".to_string(),
        n => format!("{n} participants set to present; whoever was recorded stays so."),
    },
    meeting_timer_paused: "paused",
    hint_opening: "Welcome. Go through the attendance.",
    hint_previous_minutes: "Are the minutes of the previous meeting agreed?",
    previous_minutes: |day, id, cases| {
        let noun = if cases == 1 { "case" } else { "cases" };
        format!(
            "Meeting {id} of {day}, {cases} {noun}. The minutes are below: j/k and PgUp/PgDn scroll."
        )
    },
    hint_new_signals: "Are there new concerns about pupils? s opens a new signal.",
    hint_rondvraag: "Does anyone have anything else?",
    hint_closing: "Agree the date of the next meeting. S closes the meeting and fixes the minutes.",
    blank_message: "Screen hidden · press any key",
    flash_no_case: "This agenda item is not a pupil discussion.",
    flash_last_phase: "This case is in the last phase already.",
    flash_first_phase: "This case is still in the first phase.",
    flash_level_limit: "The level stays between 1 and 5.",
    flash_prompt_back: "What you typed here before is back: Enter confirms it, Esc lets it go.",
    flash_reason_needed: "Give a reason; Esc cancels.",
    prompt_hint: "Enter saves · Esc cancels",
    meeting_notes: "Notes",
    meeting_no_notes: "No notes in this meeting yet · e to write",
    editor_hint: "Type the notes · everything is saved as you type · Esc done",
    flash_minutes_fixed: "Minutes fixed; the open actions carry over to the next meeting. Press a key for the start screen.",
    prompt_next_meeting: "Close the meeting and fix the minutes. Date of the next OT? (empty: not yet)",
    presence_present: "present",
    presence_notice: "absent with notice",
    presence_absent: "absent",
    presence_unknown: "not recorded",
    attendance_hint: "A: all present · j/k choose · space or Enter: present → absent with notice → absent",
    review_hint: "j/k choose · x done · d drop · o owner · w due date · what stays open carries over to the next OT",
    history_hint: "newest first · any other key closes",
    history_empty: "Nothing recorded yet.",
    history_decision: "Decision",
    history_action: "Action",
    flash_close_open_first: "A meeting is open already: close it first.",
    flash_saved_again: "Everything is saved again.",
    flash_nothing_to_reopen: "No meeting has been closed.",
    err_no_next_meeting: "No next OT is planned yet; give a date.",
    err_no_date: "Give a date.",
    more_below: "↓ j: more",
    palette_hint: "type to narrow · ↑↓ choose · Enter run · Esc close",
    prompt_decision: "Decision: what was agreed?",
    picker_title: "New signal",
    picker_query: "Which pupil? (at least 2 letters)",
    picker_hint: "↑↓ choose · Enter next · Esc cancels",
    picker_type_more: "Type at least 2 letters and choose a pupil; Esc cancels.",
    flash_question_needed: "Give the support question; Esc cancels.",
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
    dash_keys: "Enter open · Tab list · v meeting · P prepare · m who am I · ? keys · q quit",
    dash_demo_banner: "DEMO · fictional school · nothing is kept",
    dash_mine: "My actions",
    dash_no_me: "Press m to choose who you are: your open actions then show here.",
    dash_no_mine: "No open actions.",
    dash_evaluations: "Evaluation date passed",
    dash_no_evaluations: "No cases past their evaluation date.",
    dash_recent: "Recently changed",
    dash_no_recent: "No cases changed in the last 14 days.",
    dash_count_of: |shown, total| {
        if shown < total {
            format!("first {shown} of {total}")
        } else {
            total.to_string()
        }
    },
    dash_count_of_at_most: |shown, total| format!("first {shown} of at most {total}"),
    col_change: "change",
    prompt_me: "Who are you? Type (the start of) your name; the start screen then shows your actions. Esc: later",
    flash_no_member: |name| {
        format!("No team member \"{name}\" found, or more than one: type more of the name.")
    },
    flash_no_pupil: "This action belongs to no pupil.",
    flash_dossier_presenting: "No dossier during the meeting (shared screen); h shows the case's history.",
    flash_import_presenting: "No import during the meeting (shared screen): the dry run shows names. Do it after closing.",
    dossier_title: "Pupil dossier",
    dossier_cases: "Cases",
    dossier_timeline: "Timeline",
    dossier_discussed: "Discussed in the OT",
    dossier_on_agenda: "On the agenda of the OT",
    dossier_keys: "j/k scroll · Tab case · Enter show case · x extract · Esc back",
    dossier_case_keys: "Enter or Esc: back to the timeline",
    dossier_anonymous_as: |pseudonym| format!("discussed anonymously as {pseudonym}"),
    prepare_title: "Preparing the OT",
    prepare_team: "Participants",
    prepare_excused: "sent apologies",
    prepare_not_invited: "not invited",
    prepare_guest: "guest",
    prepare_no_meeting: "No OT is planned yet. N plans one.",
    prepare_keys_agenda: "Enter start the OT · J/K move · +/- time · x remove · a item · r proposals · Tab participants · ? keys",
    prepare_keys_team: "space invited/apologies/not · g guest · Tab agenda · Enter start the OT · ? keys · Esc back",
    prompt_plan_date: "On which date is the OT? (12-12, fri, +2w)",
    prompt_plan_place: "Where? (empty: where the last OT was)",
    prompt_item_title: "New agenda item: about what?",
    prompt_guest_name: "Guest: name?",
    flash_fixed_item: "Opening and closing stay where they are.",
    flash_past_date: "An OT is planned for today or later.",
    flash_no_proposals: "All proposed cases are on the agenda already.",
    flash_last_invited: "At least one team member stays invited.",
    flash_meeting_kind: |kind| format!("This meeting is now: {kind}."),
    actions_title: "Actions",
    actions_keys: "x done · w due date · s status · t overdue · o owner · l pupil · m meeting",
    actions_none: "No actions for this choice.",
    status_all: "all",
    filter_overdue: "overdue",
    filter_owner: "owner",
    filter_pupil: "pupil",
    filter_meeting: "meeting",
    prompt_filter_owner: "Whose actions? (empty: everyone)",
    prompt_filter_pupil: "Which pupil? (name or pseudonym; empty: all)",
    prompt_filter_meeting: "Agreed in which meeting? (number, date or last; empty: all)",

    about: "otter runs the support team (OT) of a primary school: agenda, cases, actions and minutes.",
    help_demo: "Fill an empty database with a fictional school",
    help_pupils: "List all pupils",
    help_pupil: "Show one pupil's dossier",
    help_actions: "List actions",
    help_meetings: "List meetings, the next one first",
    help_search: "Search pupils, cases, notes and actions",
    help_export: "Write minutes or a list as text",
    help_export_minutes: "The minutes of a closed meeting",
    help_export_agenda: "The agenda of a planned meeting, to mail before it: pupils by initials or pseudonym only",
    help_agenda_meeting: "Which meeting: its number from otter meetings, or its date; without: the next planned one",
    help_pupil_name: "The pupil: (part of) first and last name, or the pseudonym of an anonymous case",
    help_query: "What to look for: a name, or words from a question, note, decision or action",
    help_minutes_meeting: "Which meeting: its number from otter meetings, or last for the most recently closed",
    help_presentation_state: "on or off; without: say how it is now",
    help_backup_file: "The file for the backup, or - for standard output",
    help_restore_file: "The backup file to bring back",
    help_school_name: "The school's new name; without a name: show the current one",
    help_meeting: "Meeting number, or last for the most recent",
    help_format: "Format: md (Markdown) or html (to print); for actions csv (spreadsheet) or ics (calendar)",
    help_data_dir: "Folder holding the database (else OTTER_DATA_DIR or the default folder)",
    help_lang: "Language of otter",
    help_json: "Print JSON",
    help_open_demo: "Open otter on a new, temporary demo database",
    help_theme: "Colour theme: donker (dark), beamer (projector), kleurenblind (colour-blind safe) or mono",
    help_scale: "Size of the demo school",
    help_open: "Open actions only",
    help_owner: "Only actions of this owner",
    help_overdue: "Overdue actions only",
    help_status: "Only actions with this status: all, open, done, dropped",
    help_pupil_filter: "Only actions of this pupil (name, or the pseudonym of an anonymous case)",
    help_meeting_filter: "Only actions agreed in this meeting: number, last or date",
    help_backup: "Write a full backup of the database to a file (- for standard output)",
    help_restore: "Restore a backup into the data directory",
    help_force: "Also replace a database that holds data",

    err_in_use: |dir| {
        format!("The database in {dir} is already open in another otter. Close that one first.")
    },
    err_damaged: |dir, backup| match backup {
        Some(file) => format!(
            "The database in {dir} is damaged. Nothing was changed. The newest automatic backup is {file}; restore it with: otter restore \"{file}\" --force --data-dir \"{dir}\""
        ),
        None => format!(
            "The database in {dir} is damaged. Nothing was changed and there is no automatic backup; restore your last backup with: otter restore FILE --force --data-dir \"{dir}\""
        ),
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
    err_no_meeting: |id| format!("No closed meeting found for \"{id}\"."),
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
    err_backup_file: |file, detail| {
        format!("The backup file {file} could not be read or written: {detail}")
    },
    err_backup_not_backup: |file| format!("{file} is not an otter backup; nothing was restored."),
    err_backup_newer: |file| {
        format!(
            "{file} was made by a newer otter; update otter to restore this backup. Nothing was restored."
        )
    },
    err_backup_damaged: |file, detail| {
        format!("The backup {file} is damaged or incomplete ({detail}); nothing was restored.")
    },
    err_restore_not_empty: |dir| {
        format!("The database in {dir} holds data; give --force to replace it with the backup.")
    },
    err_restore_locked: |dir| {
        format!(
            "The database in {dir} is encrypted; without its passphrase its audit log would be lost, so nothing was restored. Give its passphrase when otter asks for it (OTTER_PASSPHRASE only serves when the backup has the same one)."
        )
    },
    err_keep_backups: |value| {
        format!("OTTER_KEEP_BACKUPS must be a number (0: no automatic backups), not \"{value}\".")
    },
    notice_unsaved: |why, count| {
        let edits = if count == 1 {
            "1 edit".to_string()
        } else {
            format!("{count} edits")
        };
        format!(
            "{why} Not saved yet: {edits}. otter keeps them and saves them once the disk allows it again; do not close otter."
        )
    },
    notice_quit_unsaved: |count| {
        format!("{count} edit(s) not saved yet: quitting again throws them away.")
    },
    notice_backup_failed: |detail| {
        format!("The meeting is closed and saved, but the automatic backup failed: {detail}")
    },
    backup_done: |records, file| format!("Backup of {records} records written to {file}."),
    restore_done: |records, file, dir| {
        format!("{records} records from {file} restored into {dir}.")
    },
    err_usage: |detail| format!("Invalid use: {detail}. See otter --help."),
    usage_unknown_argument: |arg| format!("unknown option {arg}"),
    usage_unknown_command: |command| format!("unknown command {command}"),
    usage_invalid_value: |value, arg, valid| {
        let text = format!("{value} is not a valid value for {arg}");
        if valid.is_empty() {
            text
        } else {
            format!("{text} (choose from {valid})")
        }
    },
    usage_missing_command: "a command is missing",
    usage_missing: |arg| format!("{arg} is missing"),
    usage_conflict: |arg, other| format!("{arg} cannot be used with {other}"),
    recorded_help_started: |day| format!("started on {day}"),
    recorded_help_planned: |day| format!("start planned for {day}"),
    recorded_waiting: |day| format!("waiting since {day}"),
    prepare_proposed: |n| format!("{n} proposed, not on the agenda (r adds)"),
    why_not_discussed: "not discussed last time",
    why_evaluation: |day| format!("evaluation {day}"),
    why_carried_over: "signal, carried over",
    why_new_signal: "new signal",
    flash_action_done: |text| format!("Done: {text}"),
    flash_action_reopened: |text| format!("Open again: {text}"),
    flash_action_due: |text, day| format!("{text}: due {day}"),
    err_theme: |detail| format!("Theme not loaded, using the default: {detail}"),
    palette_theme: |name| format!("Theme: {name}"),
    prompt_reopen: |day| format!("Why is the OT of {day} reopened?"),
    minutes_reopened: |day, reason| format!("Reopened on {day}: {reason}"),
    minutes_owner_was: |was| format!("new owner (was {was})"),
    prompt_held_on: |planned| {
        format!(
            "This OT was planned for {planned}. Which date do the minutes carry? (Enter: today)"
        )
    },
    minutes_note_in: |phase| format!("Note in phase {phase}"),
    minutes_due_was: |due, was| format!("due {due} (was {was})"),
    flash_missing: |missing| format!("Still to record before the case may move on: {missing}"),
    flash_date_kept: |text| format!("\"{text}\" is not a date (12-12, fri, +2w); not saved."),
    prompt_phase_back: |phase| format!("Reason to go back to {phase}"),
    prompt_level: |from, to| format!("Reason for level {from} → {to}"),
    prompt_action_owner: |what| format!("Who owns \"{what}\"?"),
    prompt_plan_time: |day| format!("At what time on {day}? (empty: 08:30)"),
    prompt_drop_action: |what| format!("Why is \"{what}\" dropped?"),
    prompt_new_owner: |what| format!("Who owns \"{what}\" now?"),
    prompt_new_due: |what| format!("When is \"{what}\" due now?"),
    flash_action_saved: |what, owner, due| format!("Action saved: {what} — {owner} — {due}"),
    flash_decision_saved: |text| format!("Decision recorded: {text}"),
    picker_question: |name| format!("Support question about {name}, in one sentence"),
    flash_signal_opened: |phase| {
        format!("New case in phase {phase}; f records what that phase still asks for.")
    },
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
    prompt_guest_role: |name| {
        format!("Role of {name}? (teacher of group 5, parent, youth doctor …)")
    },
    flash_bad_time: |text| format!("\"{text}\" is not a time (for example 08:30)."),
    prepare_minutes: |planned, length| format!("{planned} of {length} min"),
    agenda_export_title: "Agenda",
    agenda_export_length: "planned length",
    agenda_export_invited: "invited",
    agenda_export_number: "no.",
    agenda_export_item: "item",
    agenda_export_minutes: "minutes",
    agenda_export_privacy: "Pupils are on this agenda by initials or pseudonym, guests by their role.",
    prepare_overrun: |over, item| format!("{over} min too long, overrun from item {item}"),
    count_actions: |count| {
        if count == 1 {
            "1 action".to_string()
        } else {
            format!("{count} actions")
        }
    },
    search_heading: |kind, shown, total| {
        if shown == total {
            format!("{kind} ({total})")
        } else {
            format!("{kind} ({shown} of {total})")
        }
    },
    flash_search_chosen: |what| format!("Chosen: {what}"),
    export_school: "school",
    export_page: "Page",
    export_page_of: "of",
    export_draft: "draft",
    export_draft_banner: "Draft: not yet fixed",
    export_none_planned: "not planned yet",
    export_extract_title: "Extract from the pupil file",
    export_extract_intro: "This extract holds everything the support team recorded in otter about this pupil: the cases and their course, notes, decisions and actions, and the dates on which the OT discussed the pupil. It holds nothing about other pupils.",
    export_made_on: "made on",
    export_no_cases: "No case is recorded about this pupil.",
    export_case: "case",
    export_opened: "opened",
    export_reason: "reason",
    export_finished_on: "finished on",
    export_calendar_name: "OT meetings and actions",
    export_minutes_file: "minutes",
    export_extract_file: "extract",
    export_draft_of: |day| {
        format!("Draft of {day}. The minutes are fixed when the meeting is closed.")
    },
    export_anonymous: |pseudonym| {
        format!(
            "This case was discussed without the name: in minutes, agendas and on the shared screen the pupil is called {pseudonym}."
        )
    },
    export_meeting_on: |day| format!("OT meeting of {day}. Agenda and minutes are in otter."),
    flash_exported: |path| format!("Written: {path}"),
    flash_export_failed: |reason| format!("Not exported: {reason}"),
    help_export_pupil: "Everything about one pupil, for the file and for the parents",
    help_export_actions: "Actions as a spreadsheet (csv) or calendar (ics), with the filters of otter actions",
    help_output: "Write to this file instead of the screen",
    help_school: "The school's name above minutes and extracts: show it, or set it with a name",
    school_none: "No school name set yet; set one with otter school \"name of the school\".",
    crypto: &super::crypto::EN,
    cli: &super::cli::EN,
    help: &super::help::EN,
};
