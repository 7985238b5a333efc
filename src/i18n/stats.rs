//! The texts of the monitoring figures and `otter stats`: one part of the catalog, reached as
//! `Texts::stats`.

use serde::Serialize;

use crate::domain::Consent;
use crate::monitoring::report::{Figure, Stat, Topic};

#[derive(Serialize)]
pub struct StatsTexts {
    pub title: &'static str,
    pub period: &'static str,
    pub school: &'static str,
    pub settings: &'static str,
    #[serde(skip)]
    pub settings_line: fn(u32, u32, u32) -> String,
    /// Figure, value, base.
    pub cols: [&'static str; 3],
    /// In the order of `Topic`.
    pub topics: [&'static str; 8],
    pub cases: &'static str,
    pub new_signals: &'static str,
    pub signal_to_help: &'static str,
    pub signal_to_discussion: &'static str,
    pub signal_to_plan: &'static str,
    pub plan_to_help: &'static str,
    #[serde(skip)]
    pub within_norm: fn(u32) -> String,
    pub waiting: &'static str,
    pub waiting_over_norm: &'static str,
    pub waiting_within_norm: &'static str,
    pub wait_days: &'static str,
    pub closed: &'static str,
    pub closed_at_most_3: &'static str,
    pub escalated: &'static str,
    pub deescalated: &'static str,
    #[serde(skip)]
    pub closed_from: fn(&str) -> String,
    pub closed_from_unknown: &'static str,
    #[serde(skip)]
    pub returned: fn(u32) -> String,
    pub meetings_held: &'static str,
    pub cases_per_meeting: &'static str,
    pub minutes_per_case: &'static str,
    pub timebox_per_case: &'static str,
    pub over_timebox: &'static str,
    pub overran: &'static str,
    pub not_discussed: &'static str,
    pub actions_on_time: &'static str,
    pub overdue_now: &'static str,
    pub carry_overs: &'static str,
    /// By name, anonymously, refused, not yet asked.
    pub consent: [&'static str; 4],
    /// Count, percent, median, 80th percentile, mean: after the figure's name.
    pub stats: [&'static str; 5],
    pub months: [&'static str; 12],
    pub level: &'static str,
    pub total: &'static str,
    /// The grey part of a bar: counts hidden by disclosure control, levels not told.
    pub hidden_levels: &'static str,
    pub chart_signals: &'static str,
    pub chart_levels: &'static str,
    pub chart_reaction: &'static str,
    #[serde(skip)]
    pub disclosure: fn(u32) -> String,
    pub aggregate_only: &'static str,
    pub combined: &'static str,
    #[serde(skip)]
    pub combined_of: fn(usize) -> String,
    pub lower_bound: &'static str,
    pub combine_left_out: &'static str,
    pub help_stats: &'static str,
    pub help_from: &'static str,
    pub help_to: &'static str,
    pub help_year: &'static str,
    pub help_term: &'static str,
    pub help_format: &'static str,
    pub help_threshold: &'static str,
    pub help_norm_weeks: &'static str,
    pub help_return_months: &'static str,
    pub help_combine: &'static str,
    pub help_combine_files: &'static str,
    pub help_combine_format: &'static str,
    pub err_period: &'static str,
    pub err_not_begun: &'static str,
    pub err_term_needs_year: &'static str,
    #[serde(skip)]
    pub err_combine_read: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_combine_format: fn(&str, usize) -> String,
    #[serde(skip)]
    pub err_combine_periods: fn(&str) -> String,
    /// The monitoring screen (`M`).
    pub screen_title: &'static str,
    #[serde(skip)]
    pub screen_year: fn(i32) -> String,
    #[serde(skip)]
    pub screen_term: fn(u8, i32) -> String,
    pub screen_keys: &'static str,
    pub screen_list_keys: &'static str,
    /// The list's keys while presenting: no dossier opens then.
    pub screen_list_keys_presenting: &'static str,
    /// What Enter does on the screen, for the help.
    pub screen_enter: &'static str,
    pub screen_no_cases: &'static str,
    pub screen_none: &'static str,
    pub screen_presenting: &'static str,
    #[serde(skip)]
    pub screen_cases_of: fn(&str, usize) -> String,
    /// Counted in the share, pupil, groep, phase, level, signal, and the days a figure in
    /// days measured for the case.
    pub screen_list_cols: [&'static str; 7],
    /// Figure, value (a median), the 80th percentile in words an IB reads, based on.
    pub screen_cols: [&'static str; 4],
    pub screen_days: &'static str,
    pub screen_minutes: &'static str,
    /// Beside the share of help started within the norm, on the screen and in a report: the
    /// open waits already beyond it, which that share cannot count yet; a count as the screen
    /// or disclosure control shows it ("3", "<5").
    #[serde(skip)]
    pub still_waiting: fn(&str) -> String,
    pub chart_phases: &'static str,
    pub chart_levels_now: &'static str,
    pub chart_closed_from: &'static str,
    pub chart_reaction_short: &'static str,
    /// Waiting, of whom beyond the norm, the norm in weeks.
    #[serde(skip)]
    pub waits_title: fn(u32, u32, u32) -> String,
    /// Pupil, days waited.
    pub waits_cols: [&'static str; 2],
}

impl StatsTexts {
    pub fn topic(&self, topic: Topic) -> &'static str {
        self.topics[match topic {
            Topic::Overview => 0,
            Topic::Reaction => 1,
            Topic::Norm => 2,
            Topic::Levels => 3,
            Topic::Returns => 4,
            Topic::Meetings => 5,
            Topic::Actions => 6,
            Topic::Consent => 7,
        }]
    }

    pub fn stat(&self, stat: Stat) -> &'static str {
        self.stats[match stat {
            Stat::Count => 0,
            Stat::Percent => 1,
            Stat::Median => 2,
            Stat::P80 => 3,
            Stat::Mean => 4,
        }]
    }

    /// A figure's name; `phase` names a phase of the school's model.
    pub fn figure(
        &self,
        figure: &Figure,
        phase: &dyn Fn(&str) -> String,
        norm: u32,
        months: u32,
    ) -> String {
        let fixed = match figure {
            Figure::Cases => self.cases,
            Figure::NewSignals => self.new_signals,
            Figure::SignalToHelp => self.signal_to_help,
            Figure::SignalToDiscussion => self.signal_to_discussion,
            Figure::SignalToPlan => self.signal_to_plan,
            Figure::PlanToHelp => self.plan_to_help,
            Figure::WithinNorm => return (self.within_norm)(norm),
            Figure::Waiting => self.waiting,
            Figure::WaitingOverNorm => self.waiting_over_norm,
            Figure::WaitingWithinNorm => self.waiting_within_norm,
            Figure::WaitDays => self.wait_days,
            Figure::Closed => self.closed,
            Figure::ClosedAtMost3 => self.closed_at_most_3,
            Figure::Escalated => self.escalated,
            Figure::Deescalated => self.deescalated,
            Figure::ClosedFrom(Some(id)) => return (self.closed_from)(&phase(id)),
            Figure::ClosedFrom(None) => self.closed_from_unknown,
            Figure::Returned => return (self.returned)(months),
            Figure::MeetingsHeld => self.meetings_held,
            Figure::CasesPerMeeting => self.cases_per_meeting,
            Figure::MinutesPerCase => self.minutes_per_case,
            Figure::TimeboxPerCase => self.timebox_per_case,
            Figure::OverTimebox => self.over_timebox,
            Figure::Overran => self.overran,
            Figure::NotDiscussed => self.not_discussed,
            Figure::ActionsOnTime => self.actions_on_time,
            Figure::OverdueNow => self.overdue_now,
            Figure::CarryOvers => self.carry_overs,
            Figure::Consent(consent) => {
                self.consent[match consent {
                    Consent::Yes => 0,
                    Consent::Anonymous => 1,
                    Consent::No => 2,
                    Consent::Unknown => 3,
                }]
            }
        };
        fixed.to_string()
    }
}

pub const NL: StatsTexts = StatsTexts {
    title: "Monitoringrapport",
    period: "periode",
    school: "school",
    settings: "instellingen",
    settings_line: |norm, months, threshold| {
        format!(
            "Treeknorm {norm} weken · herhaald beroep binnen {months} maanden · drempel {threshold}"
        )
    },
    cols: ["cijfer", "waarde", "aantal"],
    topics: [
        "Overzicht",
        "Reactietijd (dagen)",
        "Binnen de norm",
        "Niveauroute van de afgesloten casussen",
        "Herhaald beroep",
        "Vergaderingen",
        "Actiepunten",
        "Toestemming ouders",
    ],
    cases: "casussen lopend in de periode",
    new_signals: "nieuwe signalen",
    signal_to_help: "signaal tot start hulp",
    signal_to_discussion: "signaal tot eerste OT-bespreking",
    signal_to_plan: "signaal tot afgesproken plan",
    plan_to_help: "plan tot start hulp",
    within_norm: |weeks| format!("hulp gestart binnen {weeks} weken na het plan"),
    waiting: "wachtend op start hulp (nu)",
    waiting_over_norm: "waarvan langer dan de norm",
    waiting_within_norm: "waarvan binnen de norm",
    wait_days: "wachttijd tot nu in dagen",
    closed: "afgesloten casussen",
    closed_at_most_3: "afgesloten op niveau 3 of lager",
    escalated: "opgeschaald naar niveau 4 of 5",
    deescalated: "afgeschaald na opschaling",
    closed_from: |phase| format!("afgesloten vanuit fase {phase}"),
    closed_from_unknown: "afgesloten, fase onbekend",
    returned: |months| format!("nieuwe casus binnen {months} maanden na afsluiting"),
    meetings_held: "gehouden vergaderingen",
    cases_per_meeting: "casussen per vergadering",
    minutes_per_case: "minuten per besproken casus",
    timebox_per_case: "geplande minuten per casus",
    over_timebox: "casussen over hun tijd",
    overran: "vergaderingen uitgelopen",
    not_discussed: "geagendeerd maar niet besproken",
    actions_on_time: "actiepunten op tijd gedaan",
    overdue_now: "actiepunten nu over datum",
    carry_overs: "keren doorgeschoven per actiepunt",
    consent: [
        "besproken met naam",
        "anoniem besproken",
        "geen toestemming",
        "nog niet gevraagd",
    ],
    stats: ["aantal", "%", "mediaan", "80e percentiel", "gemiddeld"],
    months: [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ],
    level: "niveau",
    total: "totaal",
    hidden_levels: "verborgen aantallen (<5 en x), niveau niet getoond",
    chart_signals: "Nieuwe signalen per maand",
    chart_levels: "Lopende casussen per niveau, eind van de maand",
    chart_reaction: "Reactietijd signaal tot start hulp per maand (mediaan, dagen)",
    disclosure: |threshold| {
        format!(
            "Geaggregeerde cijfers, geen leerlingen. Een aantal van 1 tot en met {} staat er als \
             \"<{threshold}\"; een percentage, mediaan of gemiddelde op minder dan {threshold} \
             casussen als \".\"; \"x\" is weggelaten zodat een ander verborgen getal niet uit \
             een totaal terug te rekenen is; \"<25\" of \">75\" is een percentage dat \
             anders een verborgen aantal zou verraden.",
            threshold.saturating_sub(1)
        )
    },
    aggregate_only: "Geen namen, geboortedata, casusnummers of vrije tekst.",
    combined: "Samengevoegde cijfers",
    combined_of: |n| format!("{n} scholen opgeteld"),
    lower_bound: "ondergrens: bevat een verborgen aantal",
    combine_left_out: "Medianen, percentielen en gemiddelden zijn niet op te tellen en ontbreken hier.",
    help_stats: "Monitoringcijfers: geaggregeerd, met onthullingsbeheer",
    help_from: "Eerste dag van de periode (dd-mm-jjjj)",
    help_to: "Laatste dag van de periode (standaard vandaag)",
    help_year: "Schooljaar dat in augustus van dit jaar begint (standaard het huidige)",
    help_term: "Periode 1 (aug-dec), 2 (jan-mrt) of 3 (apr-jul) van het schooljaar",
    help_format: "Vorm: text, json, csv of html",
    help_threshold: "Drempel voor onthullingsbeheer: 5 (standaard) of strenger",
    help_norm_weeks: "Norm in weken van plan tot start hulp (standaard 14, de Treeknorm)",
    help_return_months: "Herhaald beroep: nieuwe casus binnen zoveel maanden (standaard 12)",
    help_combine: "Telt de CSV-exports van meerdere scholen op",
    help_combine_files: "CSV-bestanden van otter stats --format csv",
    help_combine_format: "Vorm: text, of csv om verder op te tellen",
    err_period: "De periode eindigt voor ze begint",
    err_not_begun: "De periode is nog niet begonnen",
    err_term_needs_year: "Een periode (--term) hoort bij een schooljaar, niet bij --from/--to",
    err_combine_read: |file, why| format!("{file} is niet te lezen: {why}"),
    err_combine_format: |file, line| format!("{file} is geen CSV van otter stats (regel {line})"),
    err_combine_periods: |file| {
        format!("{file} gaat over een andere periode dan het eerste bestand")
    },
    screen_title: "Monitoring",
    screen_year: |year| format!("schooljaar {year}-{}", year + 1),
    screen_term: |term, year| format!("periode {term} van {year}-{}", year + 1),
    screen_keys: "j/k kiezen · Enter casussen · p periode · Esc terug",
    screen_list_keys: "j/k kiezen · Enter dossier · Esc terug naar de cijfers",
    screen_list_keys_presenting: "j/k kiezen · Esc terug naar de cijfers",
    screen_enter: "casussen achter het cijfer tonen (niet bij vergaderingen en actiepunten); in de lijst: dossier",
    screen_no_cases: "Dit cijfer gaat over vergaderingen of actiepunten, niet over casussen",
    screen_none: "Achter dit cijfer staan in deze periode geen casussen",
    screen_presenting: "Gedeeld scherm: alleen pseudoniemen",
    screen_cases_of: |figure, n| format!("{figure}: {n} casussen"),
    screen_list_cols: [
        "telt", "leerling", "groep", "fase", "niveau", "signaal", "dagen",
    ],
    screen_cols: ["cijfer", "waarde", "8 van de 10 binnen", "aantal"],
    screen_days: "dagen",
    screen_minutes: "min",
    still_waiting: |n| match n {
        "1" => "1 wacht nog, al langer dan de norm".to_string(),
        n => format!("{n} wachten nog, al langer dan de norm"),
    },
    chart_phases: "Lopend per fase",
    chart_levels_now: "Lopend per niveau",
    chart_closed_from: "Afgesloten vanuit fase",
    chart_reaction_short: "Reactietijd per maand (mediaan, dagen)",
    waits_title: |waiting, over, weeks| match over {
        0 => format!("Wachtend op start hulp: {waiting}"),
        over => format!("Wachtend op start hulp: {waiting}, {over} langer dan {weeks} weken"),
    },
    waits_cols: ["leerling", "dagen"],
};

pub const EN: StatsTexts = StatsTexts {
    title: "Monitoring report",
    period: "period",
    school: "school name",
    settings: "settings",
    settings_line: |norm, months, threshold| {
        format!(
            "Waiting norm (Treeknorm) {norm} weeks · return to help within {months} months · threshold {threshold}"
        )
    },
    cols: ["figure", "value", "based on"],
    topics: [
        "Overview",
        "Reaction time (days)",
        "Within the norm",
        "Level route of the closed cases",
        "Return to help",
        "Meetings",
        "Actions",
        "Parents' consent",
    ],
    cases: "cases running in the period",
    new_signals: "new signals",
    signal_to_help: "signal to start of help",
    signal_to_discussion: "signal to first OT discussion",
    signal_to_plan: "signal to agreed plan",
    plan_to_help: "plan to start of help",
    within_norm: |weeks| format!("help started within {weeks} weeks of the plan"),
    waiting: "waiting for help to start (now)",
    waiting_over_norm: "of which longer than the norm",
    waiting_within_norm: "of which within the norm",
    wait_days: "wait so far in days",
    closed: "closed cases",
    closed_at_most_3: "closed at level 3 or lower",
    escalated: "escalated to level 4 or 5",
    deescalated: "de-escalated after escalation",
    closed_from: |phase| format!("closed from phase {phase}"),
    closed_from_unknown: "closed, phase unknown",
    returned: |months| format!("new case within {months} months of closing"),
    meetings_held: "meetings held",
    cases_per_meeting: "cases per meeting",
    minutes_per_case: "minutes per case discussed",
    timebox_per_case: "planned minutes per case",
    over_timebox: "cases over their time",
    overran: "meetings that overran",
    not_discussed: "on the agenda but not discussed",
    actions_on_time: "actions done on time",
    overdue_now: "actions overdue now",
    carry_overs: "carry-overs per action",
    consent: [
        "discussed by name",
        "discussed anonymously",
        "no consent",
        "not yet asked",
    ],
    stats: ["count", "share %", "median", "80th percentile", "mean"],
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    level: "level",
    total: "all",
    hidden_levels: "hidden counts (<5 and x), level not shown",
    chart_signals: "New signals per month",
    chart_levels: "Cases running per level, end of month",
    chart_reaction: "Reaction time signal to start of help per month (median, days)",
    disclosure: |threshold| {
        format!(
            "Aggregate figures, no pupils. A count of 1 to {} is shown as \
             \"<{threshold}\"; a share, median or mean resting on fewer than {threshold} cases \
             as \".\"; \"x\" is left out so that another hidden number cannot be worked out \
             from a total; \"<25\" or \">75\" is a share that would otherwise give a hidden \
             count away.",
            threshold.saturating_sub(1)
        )
    },
    aggregate_only: "No names, dates of birth, case numbers or free text.",
    combined: "Combined figures",
    combined_of: |n| format!("{n} schools added up"),
    lower_bound: "lower bound: includes a hidden count",
    combine_left_out: "Medians, percentiles and means cannot be added up and are left out here.",
    help_stats: "Monitoring figures: aggregate, disclosure-controlled",
    help_from: "First day of the period (dd-mm-yyyy)",
    help_to: "Last day of the period (default today)",
    help_year: "School year starting in August of this year (default the current one)",
    help_term: "Term 1 (Aug-Dec), 2 (Jan-Mar) or 3 (Apr-Jul) of the school year",
    help_format: "Format: text, json, csv or html",
    help_threshold: "Disclosure control threshold: 5 (default) or stricter",
    help_norm_weeks: "Norm in weeks from plan to start of help (default 14, the Treeknorm)",
    help_return_months: "Return to help: a new case within this many months (default 12)",
    help_combine: "Adds up several schools' CSV exports",
    help_combine_files: "CSV files from otter stats --format csv",
    help_combine_format: "Format: text, or csv to add up further",
    err_period: "The period ends before it begins",
    err_not_begun: "The period has not begun yet",
    err_term_needs_year: "A term (--term) belongs to a school year, not to --from/--to",
    err_combine_read: |file, why| format!("cannot read {file}: {why}"),
    err_combine_format: |file, line| format!("{file} is not a CSV of otter stats (line {line})"),
    err_combine_periods: |file| format!("{file} is about another period than the first file"),
    screen_title: "Monitoring",
    screen_year: |year| format!("school year {year}-{}", year + 1),
    screen_term: |term, year| format!("term {term} of {year}-{}", year + 1),
    screen_keys: "j/k choose · Enter cases · p period · Esc back",
    screen_list_keys: "j/k choose · Enter dossier · Esc back to the figures",
    screen_list_keys_presenting: "j/k choose · Esc back to the figures",
    screen_enter: "show the cases behind the figure (not for meetings and actions); on that list: dossier",
    screen_no_cases: "This figure is about meetings or actions, not cases",
    screen_none: "No cases behind this figure in this period",
    screen_presenting: "Shared screen: pseudonyms only",
    screen_cases_of: |figure, n| format!("{figure}: {n} cases"),
    screen_list_cols: [
        "counts", "pupil", "groep", "phase", "level", "signal", "days",
    ],
    screen_cols: ["figure", "value", "8 in 10 within", "count"],
    screen_days: "days",
    screen_minutes: "min",
    still_waiting: |n| match n {
        "1" => "1 still waiting, already beyond the norm".to_string(),
        n => format!("{n} still waiting, already beyond the norm"),
    },
    chart_phases: "Running per phase",
    chart_levels_now: "Running per level",
    chart_closed_from: "Closed from phase",
    chart_reaction_short: "Reaction time per month (median, days)",
    waits_title: |waiting, over, weeks| match over {
        0 => format!("Waiting for help to start: {waiting}"),
        over => format!("Waiting for help to start: {waiting}, {over} beyond {weeks} weeks"),
    },
    waits_cols: ["pupil", "days"],
};
