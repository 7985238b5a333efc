//! The phase model as data (BRIEF §4): a built-in default, replaceable by a school's TOML file,
//! and the rule of what must be recorded before a case may move.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::action::{Action, ActionStatus};
use super::case::{Case, Recorded};
use crate::lang::Lang;

const DEFAULT_TOML: &str = include_str!("phases.default.toml");

/// Something that must be recorded on a case. The set is fixed in code because each one reads a
/// field; which phase asks for which is the model's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    SignalledBy,
    Question,
    Consent,
    Circles,
    Hypotheses,
    ResearchDecision,
    Goal,
    Action,
    Regiehouder,
    EvaluationDate,
    HelpStartOrWait,
    Outcome,
    ParentsInformed,
    ClosingReason,
}

impl Requirement {
    pub const ALL: [Requirement; 14] = [
        Requirement::SignalledBy,
        Requirement::Question,
        Requirement::Consent,
        Requirement::Circles,
        Requirement::Hypotheses,
        Requirement::ResearchDecision,
        Requirement::Goal,
        Requirement::Action,
        Requirement::Regiehouder,
        Requirement::EvaluationDate,
        Requirement::HelpStartOrWait,
        Requirement::Outcome,
        Requirement::ParentsInformed,
        Requirement::ClosingReason,
    ];

    /// `actions` are the case's own actions.
    pub fn is_met(self, case: &Case, actions: &[Action]) -> bool {
        let filled = |text: &str| !text.trim().is_empty();
        match self {
            Requirement::SignalledBy => filled(&case.signalled_by),
            Requirement::Question => filled(&case.question),
            Requirement::Consent => {
                case.consent.is_recorded() && case.consent != super::Consent::No
            }
            Requirement::Circles => case.circles.all_filled(),
            Requirement::Hypotheses => filled(&case.hypotheses),
            Requirement::ResearchDecision => filled(&case.research_decision),
            Requirement::Goal => case.goals.iter().any(|goal| filled(goal)),
            Requirement::Action => actions.iter().any(|a| {
                a.case == Some(case.id) && !matches!(a.status, ActionStatus::Dropped { .. })
            }),
            Requirement::Regiehouder => filled(&case.regiehouder),
            Requirement::EvaluationDate => case.evaluation_date.is_some(),
            Requirement::HelpStartOrWait => {
                case.help_start.is_some() || case.waiting_since.is_some()
            }
            Requirement::Outcome => filled(&case.outcome),
            Requirement::ParentsInformed => case.parents_informed,
            Requirement::ClosingReason => filled(&case.closing_reason),
        }
    }
}

/// A text in the model: one string for every language, or one per language (English falls back
/// to Dutch, so a school's own file may be Dutch only).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Localized<T> {
    PerLang { nl: T, en: Option<T> },
    Same(T),
}

impl<T> Localized<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match self {
            Localized::Same(value) => value,
            Localized::PerLang { nl, en } => match lang {
                Lang::Nl => nl,
                Lang::En => en.as_ref().unwrap_or(nl),
            },
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Spanned<String>,
    pub name: Localized<String>,
    #[serde(default = "no_text")]
    pub purpose: Localized<String>,
    #[serde(default = "no_questions")]
    pub questions: Localized<Vec<String>>,
    #[serde(default)]
    pub requires: Vec<Requirement>,
    #[serde(default)]
    pub requires_on_entry: Vec<Requirement>,
    /// A case may jump here from any earlier phase with only `requires_on_entry` recorded:
    /// closing early when a family moves away should not need a plan first.
    #[serde(default)]
    pub early_exit: bool,
}

fn no_text() -> Localized<String> {
    Localized::Same(String::new())
}

fn no_questions() -> Localized<Vec<String>> {
    Localized::Same(Vec::new())
}

impl Phase {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelFile {
    phase: Vec<Phase>,
}

#[derive(Debug, Clone)]
pub struct PhaseModel {
    phases: Vec<Phase>,
}

/// Why a phase model file was refused: where, and what is wrong (line 0: the file could not
/// be read at all).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct ModelError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

/// Why a case may not move to the phase asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveRefused {
    UnknownPhase(String),
    AlreadyThere,
    /// Moving forward with these still to be recorded.
    Missing(Vec<Requirement>),
    /// Moving back is always allowed, but the team says why.
    ReasonRequired,
    /// Closing early asked of a model with no phase that may be jumped to (`early_exit`).
    NoEarlyExit,
}

impl Default for PhaseModel {
    fn default() -> Self {
        PhaseModel::parse(DEFAULT_TOML, "phases.default.toml")
            .expect("the built-in phase model is valid (tested)")
    }
}

impl PhaseModel {
    pub fn parse(text: &str, file: &str) -> Result<PhaseModel, ModelError> {
        let refuse = |offset: usize, reason: String| ModelError {
            file: file.to_string(),
            line: line_of(text, offset),
            reason,
        };
        let parsed: ModelFile = toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |span| span.start);
            refuse(offset, err.message().trim().to_string())
        })?;
        if parsed.phase.len() < 2 {
            return Err(refuse(0, "a phase model needs at least two phases".into()));
        }
        for (index, phase) in parsed.phase.iter().enumerate() {
            let id = phase.id();
            let at = phase.id.span().start;
            let well_formed = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !well_formed {
                return Err(refuse(
                    at,
                    format!("phase id {id:?} must be lowercase letters, digits, - or _"),
                ));
            }
            if parsed.phase[..index].iter().any(|other| other.id() == id) {
                return Err(refuse(at, format!("phase id {id:?} appears twice")));
            }
            if phase.name.get(Lang::Nl).trim().is_empty() {
                return Err(refuse(at, format!("phase {id:?} has an empty name")));
            }
        }
        Ok(PhaseModel {
            phases: parsed.phase,
        })
    }

    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    pub fn first(&self) -> &Phase {
        &self.phases[0]
    }

    pub fn last(&self) -> &Phase {
        &self.phases[self.phases.len() - 1]
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|phase| phase.id() == id)
    }

    pub fn get(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|phase| phase.id() == id)
    }

    pub fn next(&self, id: &str) -> Option<&Phase> {
        self.phases.get(self.position(id)? + 1)
    }

    pub fn previous(&self, id: &str) -> Option<&Phase> {
        self.phases.get(self.position(id)?.checked_sub(1)?)
    }

    pub fn is_final(&self, id: &str) -> bool {
        self.last().id() == id
    }

    /// The name to show, or the raw id when a stored case names a phase this model lacks.
    pub fn name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.get(id).map_or(id, |phase| phase.name.get(lang))
    }

    /// The plan's fields (goals, regiehouder, evaluation date) that an earlier phase asked and
    /// that a case in phase `id` may still correct without moving back, in `Requirement::ALL`'s
    /// order: a plan is adjusted while it runs (Uitvoering, Evaluatie), not once the case is
    /// closed, and not where the phase asks them itself (the form records them there).
    pub fn correctable(&self, id: &str) -> Vec<Requirement> {
        const PLAN: [Requirement; 3] = [
            Requirement::Goal,
            Requirement::Regiehouder,
            Requirement::EvaluationDate,
        ];
        let Some(at) = self.position(id) else {
            return Vec::new();
        };
        if self.is_final(id) {
            return Vec::new();
        }
        let asked_here = self.asks(id);
        Requirement::ALL
            .into_iter()
            .filter(|r| PLAN.contains(r) && !asked_here.contains(r))
            .filter(|r| {
                self.phases[..at]
                    .iter()
                    .any(|p| p.requires.contains(r) || p.requires_on_entry.contains(r))
            })
            .collect()
    }

    /// The phase a case enters once its plan is agreed: the one that asks for the start of the
    /// help (or the wait for it) before it is left, else the one after the phase that asks for
    /// a goal; the last phase in a model with neither. A school that renames its phases keeps
    /// the moment (the monitoring figures count from it).
    pub fn plan_agreed(&self) -> &Phase {
        let requiring = |r: Requirement| self.phases.iter().position(|p| p.requires.contains(&r));
        requiring(Requirement::HelpStartOrWait)
            .or_else(|| requiring(Requirement::Goal).map(|i| i + 1))
            .and_then(|i| self.phases.get(i))
            .unwrap_or(self.last())
    }

    /// What phase `id` asks to be recorded, in `Requirement::ALL`'s order: what it requires to
    /// be left forwards and on entry, and what the next phase requires on entry, which is
    /// asked while the case is still here (the closing reason before Afgesloten). The one
    /// answer for the form, `f`, the minutes and the extract.
    pub fn asks(&self, id: &str) -> Vec<Requirement> {
        let Some(phase) = self.get(id) else {
            return Vec::new();
        };
        let entering_next = self
            .next(id)
            .map_or(&[][..], |next| &next.requires_on_entry[..]);
        Requirement::ALL
            .into_iter()
            .filter(|r| {
                phase.requires.contains(r)
                    || phase.requires_on_entry.contains(r)
                    || entering_next.contains(r)
            })
            .collect()
    }

    /// What is still to be recorded before `case` may move on to the next phase: what its
    /// phase asks to leave it and what the next one asks to enter it, as `check_move` would
    /// refuse it. Nothing in the last phase or in one the model does not know.
    pub fn missing_to_move_on(&self, case: &Case, actions: &[Action]) -> Vec<Requirement> {
        let Some(next) = self.next(&case.phase) else {
            return Vec::new();
        };
        match self.check_move(case, actions, next.id(), "") {
            Err(MoveRefused::Missing(missing)) => missing,
            _ => Vec::new(),
        }
    }

    /// What `case` has recorded of what the phases `visited` ask: the values the form and the
    /// minutes show. Actions are listed on their own, and a "nee" to the parents' feedback
    /// is not yet a recorded answer.
    pub fn recorded(&self, case: &Case, visited: &[&str]) -> Vec<(Requirement, Recorded)> {
        self.recorded_with(case, visited, &[])
    }

    /// `recorded`, and also `fields` whatever phase asks them: what a meeting changed beyond
    /// its phases (a new evaluation date agreed for a case in Uitvoering) is part of its record.
    pub fn recorded_with(
        &self,
        case: &Case,
        visited: &[&str],
        fields: &[Requirement],
    ) -> Vec<(Requirement, Recorded)> {
        let asked: Vec<Requirement> = visited
            .iter()
            .flat_map(|p| self.asks(p))
            .chain(fields.iter().copied())
            .collect();
        Requirement::ALL
            .into_iter()
            .filter(|r| *r != Requirement::Action && asked.contains(r))
            .filter_map(|r| case.recorded(r).map(|value| (r, value)))
            .filter(|(_, value)| *value != Recorded::YesNo(false))
            .collect()
    }

    /// Closing a case early, from whatever phase it is in (the pupil moved school, the parents
    /// withdrew): the model's `early_exit` phase, entered with only what it asks on entry (the
    /// closing reason) and without walking the phases between, also from the phase just
    /// before it. Its id, or why not.
    pub fn check_close_early(&self, case: &Case) -> Result<&str, MoveRefused> {
        let Some(target) = self.phases.iter().position(|phase| phase.early_exit) else {
            return Err(MoveRefused::NoEarlyExit);
        };
        if self.position(&case.phase).is_some_and(|at| at >= target) {
            return Err(MoveRefused::AlreadyThere);
        }
        let missing = unmet(&self.phases[target].requires_on_entry, case, &[]);
        if missing.is_empty() {
            Ok(self.phases[target].id())
        } else {
            Err(MoveRefused::Missing(missing))
        }
    }

    /// The rule of BRIEF §4. Forwards: every phase passed must have its requirements recorded,
    /// and the target its entry requirements; a jump to an `early_exit` phase needs only the
    /// latter. Backwards: always possible, with a reason.
    pub fn check_move(
        &self,
        case: &Case,
        actions: &[Action],
        to: &str,
        reason: &str,
    ) -> Result<(), MoveRefused> {
        let target = self
            .position(to)
            .ok_or_else(|| MoveRefused::UnknownPhase(to.to_string()))?;
        // A case in a phase the model no longer knows may be placed anywhere, with a reason.
        let Some(current) = self.position(&case.phase) else {
            return reason_given(reason);
        };
        if target == current {
            return Err(MoveRefused::AlreadyThere);
        }
        if target < current {
            return reason_given(reason);
        }
        let early = self.phases[target].early_exit && target > current + 1;
        let passed_from = if early { target } else { current };
        let mut missing: Vec<Requirement> = Vec::new();
        let passed = self.phases[passed_from..target].iter().map(|p| &p.requires);
        for requirements in passed.chain([&self.phases[target].requires_on_entry]) {
            for requirement in unmet(requirements, case, actions) {
                if !missing.contains(&requirement) {
                    missing.push(requirement);
                }
            }
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(MoveRefused::Missing(missing))
        }
    }
}

fn unmet(requirements: &[Requirement], case: &Case, actions: &[Action]) -> Vec<Requirement> {
    requirements
        .iter()
        .copied()
        .filter(|requirement| !requirement.is_met(case, actions))
        .collect()
}

fn reason_given(reason: &str) -> Result<(), MoveRefused> {
    if reason.trim().is_empty() {
        Err(MoveRefused::ReasonRequired)
    } else {
        Ok(())
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests;
