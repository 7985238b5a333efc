use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{CaseId, MeetingId, PupilId};
use super::phase::Requirement;
pub use super::pseudonym::{PSEUDONYM_WORD, Pseudonym, pseudonym_code};

/// Toestemming ouders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// Not yet asked: a case may be opened as a signal before parents are asked.
    Unknown,
    Yes,
    No,
    /// Discussed without the pupil's name: a pseudonym everywhere the team looks.
    Anonymous,
}

impl Consent {
    pub fn is_recorded(self) -> bool {
        self != Consent::Unknown
    }

    /// Whether the team may see the pupil's name for this case outside the dossier. A new
    /// signal has no answer from the parents yet and the team must know whom it is about;
    /// "nee" and "anoniem" never show it.
    pub fn shows_name(self) -> bool {
        matches!(self, Consent::Yes | Consent::Unknown)
    }
}

/// Ondersteuningsniveau 1 (basis in de groep) to 5 (specialistisch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MIN: Level = Level(1);
    pub const MAX: Level = Level(5);

    pub fn new(value: u8) -> Option<Level> {
        (1..=5).contains(&value).then_some(Level(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    pub fn up(self) -> Option<Level> {
        Level::new(self.0 + 1)
    }

    pub fn down(self) -> Option<Level> {
        Level::new(self.0.saturating_sub(1))
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value).ok_or_else(|| format!("level {value} is not between 1 and 5"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

/// One of Beeldvorming's three circles: what goes well, what worries, what is unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circle {
    #[serde(default)]
    pub plus: String,
    #[serde(default)]
    pub minus: String,
    #[serde(default)]
    pub unknown: String,
}

impl Circle {
    pub fn is_filled(&self) -> bool {
        [&self.plus, &self.minus, &self.unknown]
            .iter()
            .any(|text| !text.trim().is_empty())
    }
}

/// Kind, onderwijs, opvoeding: the whiteboard picture of Beeldvorming.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circles {
    #[serde(default)]
    pub child: Circle,
    #[serde(default)]
    pub education: Circle,
    #[serde(default)]
    pub upbringing: Circle,
}

impl Circle {
    /// Plus, minus, unknown: the order the screen shows them in.
    pub fn parts(&self) -> [&String; 3] {
        [&self.plus, &self.minus, &self.unknown]
    }

    pub fn parts_mut(&mut self) -> [&mut String; 3] {
        [&mut self.plus, &mut self.minus, &mut self.unknown]
    }
}

impl Circles {
    pub fn all_filled(&self) -> bool {
        self.child.is_filled() && self.education.is_filled() && self.upbringing.is_filled()
    }

    /// Kind, onderwijs, opvoeding: the order of the whiteboard, left to right.
    pub fn circles(&self) -> [&Circle; 3] {
        [&self.child, &self.education, &self.upbringing]
    }

    pub fn circles_mut(&mut self) -> [&mut Circle; 3] {
        [&mut self.child, &mut self.education, &mut self.upbringing]
    }
}

/// What a case has recorded for one of the phase model's requirements, in no language: the
/// screen and the minutes word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Recorded {
    Text(String),
    List(Vec<String>),
    Day(NaiveDate),
    HelpStarted(NaiveDate),
    WaitingSince(NaiveDate),
    YesNo(bool),
    Consent(Consent),
    Circles(Circles),
}

/// A casus: one support question about one pupil, walked through the phases.
/// Fields hold what a phase needs recorded; `phase::Requirement` checks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub pupil: PupilId,
    /// Hulpvraag, in one sentence.
    pub question: String,
    pub consent: Consent,
    /// Drawn at random when the case opened; see `domain::pseudonym`.
    #[serde(default)]
    pub pseudonym: Pseudonym,
    /// Phase id from the phase model (`"signaal"`, …).
    pub phase: String,
    pub level: Level,
    /// Date of the signal.
    pub opened: NaiveDate,
    #[serde(default)]
    pub signalled_by: String,
    #[serde(default)]
    pub circles: Circles,
    #[serde(default)]
    pub hypotheses: String,
    #[serde(default)]
    pub research_decision: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub regiehouder: String,
    #[serde(default)]
    pub evaluation_date: Option<NaiveDate>,
    #[serde(default)]
    pub help_start: Option<NaiveDate>,
    /// When help cannot start yet: the date the wait was recorded.
    #[serde(default)]
    pub waiting_since: Option<NaiveDate>,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub parents_informed: bool,
    #[serde(default)]
    pub closing_reason: String,
    /// Date the case reached its final phase.
    #[serde(default)]
    pub closed: Option<NaiveDate>,
}

impl Case {
    /// A new signal: only the question asked, consent not yet known, at the lowest level, in
    /// phase `phase` (the model's first); what later phases need is recorded as they come.
    /// `number` is the case's id and its pseudonym, which the store gives out together.
    pub fn signal(
        number: (CaseId, Pseudonym),
        pupil: PupilId,
        question: String,
        phase: String,
        opened: NaiveDate,
    ) -> Case {
        let (id, pseudonym) = number;
        Case {
            id,
            pupil,
            question,
            consent: Consent::Unknown,
            pseudonym,
            phase,
            level: Level::MIN,
            opened,
            signalled_by: String::new(),
            circles: Circles::default(),
            hypotheses: String::new(),
            research_decision: String::new(),
            goals: Vec::new(),
            regiehouder: String::new(),
            evaluation_date: None,
            help_start: None,
            waiting_since: None,
            outcome: String::new(),
            parents_informed: false,
            closing_reason: String::new(),
            closed: None,
        }
    }

    /// What the team wrote in the case's form that a search finds beside the question: the
    /// hypotheses, the research decision, the goals and the three circles' parts, in that
    /// order. Decided here once: the screen's index reads them from the case, `otter search`
    /// from the kept search texts (`store::search_text`), which are written from this.
    pub fn searchable_form_texts(&self) -> impl Iterator<Item = &str> {
        [&self.hypotheses, &self.research_decision]
            .into_iter()
            .chain(&self.goals)
            .chain(
                self.circles
                    .circles()
                    .into_iter()
                    .flat_map(|circle| circle.parts()),
            )
            .map(String::as_str)
    }

    /// The fields whose recorded value differs from `before`'s (a field cleared counts).
    pub fn fields_changed_from(&self, before: &Case) -> Vec<Requirement> {
        Requirement::ALL
            .into_iter()
            .filter(|field| self.recorded(*field) != before.recorded(*field))
            .collect()
    }

    /// What is recorded for `requirement`, if anything; actions are records of their own.
    pub fn recorded(&self, requirement: Requirement) -> Option<Recorded> {
        let text =
            |value: &String| (!value.trim().is_empty()).then(|| Recorded::Text(value.clone()));
        match requirement {
            Requirement::SignalledBy => text(&self.signalled_by),
            Requirement::Question => text(&self.question),
            Requirement::Consent => Some(Recorded::Consent(self.consent)),
            Requirement::Circles => [
                &self.circles.child,
                &self.circles.education,
                &self.circles.upbringing,
            ]
            .iter()
            .any(|c| c.is_filled())
            .then(|| Recorded::Circles(self.circles.clone())),
            Requirement::Hypotheses => text(&self.hypotheses),
            Requirement::ResearchDecision => text(&self.research_decision),
            Requirement::Goal => {
                let goals: Vec<String> = self
                    .goals
                    .iter()
                    .filter(|g| !g.trim().is_empty())
                    .cloned()
                    .collect();
                (!goals.is_empty()).then_some(Recorded::List(goals))
            }
            Requirement::Action => None,
            Requirement::Regiehouder => text(&self.regiehouder),
            Requirement::EvaluationDate => self.evaluation_date.map(Recorded::Day),
            Requirement::HelpStartOrWait => match (self.help_start, self.waiting_since) {
                (Some(day), _) => Some(Recorded::HelpStarted(day)),
                (None, Some(day)) => Some(Recorded::WaitingSince(day)),
                (None, None) => None,
            },
            Requirement::Outcome => text(&self.outcome),
            Requirement::ParentsInformed => Some(Recorded::YesNo(self.parents_informed)),
            Requirement::ClosingReason => text(&self.closing_reason),
        }
    }

    /// The pseudonym used wherever the team looks when consent is "anoniem" ("Leerling
    /// KR-47": `leerling` is a domain term and stays Dutch in stored records and exports).
    /// Drawn at random when the case opened, so it is stable and reveals nothing.
    pub fn pseudonym(&self) -> String {
        self.pseudonym.shown()
    }
}

/// Where and why a change is made: every change of a case is an event of its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeContext {
    pub seq: u32,
    pub date: NaiveDate,
    pub meeting: Option<MeetingId>,
    pub reason: String,
}

impl Case {
    /// Moves the case to phase `to`, which `PhaseModel::check_move` allowed, and returns the
    /// event to store with it. `closes` says whether `to` is the model's final phase.
    pub fn move_to_phase(&mut self, to: &str, closes: bool, at: ChangeContext) -> CaseEvent {
        let from = std::mem::replace(&mut self.phase, to.to_string());
        self.closed = closes.then_some(at.date);
        at.event(
            self.id,
            EventKind::Phase {
                from,
                to: to.to_string(),
            },
        )
    }

    pub fn change_level(&mut self, to: Level, at: ChangeContext) -> CaseEvent {
        let from = std::mem::replace(&mut self.level, to);
        at.event(self.id, EventKind::Level { from, to })
    }

    /// Records the parents' answer `to`. An answer that repeats the recorded one changes
    /// nothing and is no event of the history, so it gives `None`.
    pub fn change_consent(&mut self, to: Consent, at: ChangeContext) -> Option<CaseEvent> {
        if self.consent == to {
            return None;
        }
        let from = std::mem::replace(&mut self.consent, to);
        Some(at.event(self.id, EventKind::Consent { from, to }))
    }
}

impl ChangeContext {
    fn event(self, case: CaseId, kind: EventKind) -> CaseEvent {
        CaseEvent {
            case,
            seq: self.seq,
            date: self.date,
            meeting: self.meeting,
            reason: self.reason,
            kind,
        }
    }
}

/// What changed in a case's history. Monitoring is computed from these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    Opened,
    Phase { from: String, to: String },
    Level { from: Level, to: Level },
    Consent { from: Consent, to: Consent },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub case: CaseId,
    /// Position in the case's history, from 0.
    pub seq: u32,
    pub date: NaiveDate,
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    #[serde(default)]
    pub reason: String,
    #[serde(flatten)]
    pub kind: EventKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_stays_between_one_and_five() {
        assert_eq!(Level::new(0), None);
        assert_eq!(Level::new(6), None);
        assert_eq!(Level::MAX.up(), None);
        assert_eq!(Level::MIN.down(), None);
        assert_eq!(Level::new(3).unwrap().up(), Level::new(4));
        assert!(serde_json::from_str::<Level>("7").is_err());
    }

    fn context() -> ChangeContext {
        ChangeContext {
            seq: 4,
            date: NaiveDate::from_ymd_opt(2024, 11, 12).unwrap(),
            meeting: Some(MeetingId(3)),
            reason: String::new(),
        }
    }

    fn a_case() -> Case {
        Case::signal(
            (CaseId(9), Pseudonym::from_random(9, 2)),
            PupilId(2),
            "leest niet".into(),
            "signaal".into(),
            NaiveDate::from_ymd_opt(2024, 9, 2).unwrap(),
        )
    }

    #[test]
    fn repeating_the_recorded_consent_is_no_event() {
        let mut case = a_case();
        case.consent = Consent::No;
        assert_eq!(case.change_consent(Consent::No, context()), None);
        assert_eq!(case.consent, Consent::No);
    }

    #[test]
    fn a_changed_consent_is_recorded_and_becomes_an_event() {
        let mut case = a_case();
        let event = case.change_consent(Consent::Anonymous, context());
        assert_eq!(case.consent, Consent::Anonymous);
        assert_eq!(
            event,
            Some(CaseEvent {
                case: CaseId(9),
                seq: 4,
                date: NaiveDate::from_ymd_opt(2024, 11, 12).unwrap(),
                meeting: Some(MeetingId(3)),
                reason: String::new(),
                kind: EventKind::Consent {
                    from: Consent::Unknown,
                    to: Consent::Anonymous,
                },
            })
        );
    }

    #[test]
    fn a_circle_counts_as_filled_with_any_of_its_three_parts() {
        let mut circles = Circles::default();
        assert!(!circles.all_filled());
        circles.child.plus = "leest graag".into();
        circles.education.unknown = "toetsen?".into();
        assert!(!circles.all_filled());
        circles.upbringing.minus = "   ".into();
        assert!(!circles.all_filled(), "whitespace is not content");
        circles.upbringing.minus = "veel verhuisd".into();
        assert!(circles.all_filled());
    }
}
