//! Every case's history in the form the figures walk: the moves of all cases in one array,
//! each phase named once. A large school has 50,000 cases of about six moves each; as a
//! history per case (a vector each, a shared name per phase move) reading, walking and
//! dropping them was most of what the figures cost, in allocations and reference counts
//! (issue 14: every figure under 100 ms).

use std::sync::Arc;

use super::{CaseFacts, CaseHistory, Change, Step};

/// A phase by its place among the names of one `Histories`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PhaseNo(u8);

/// One case of a `Histories`: its facts and its moves, oldest first.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    pub case: &'a CaseFacts<PhaseNo>,
    pub moves: &'a [Change<PhaseNo>],
}

#[derive(Debug, Clone, Default)]
pub struct Histories {
    names: Vec<Arc<str>>,
    /// Each case's facts, and where its moves end in `moves`.
    cases: Vec<(CaseFacts<PhaseNo>, u32)>,
    moves: Vec<Change<PhaseNo>>,
}

impl Histories {
    /// More phase names than any school keeps, renamed phases of past years included; a
    /// damaged value could hold a new text at every move, and each is looked up among these.
    pub const MOST_PHASES: usize = 256;

    /// The phase named `name`, added when it is new; `None` when it is no text or past
    /// `MOST_PHASES`.
    pub fn phase(&mut self, name: &[u8]) -> Option<PhaseNo> {
        if let Some(at) = self.names.iter().position(|n| n.as_bytes() == name) {
            return Some(PhaseNo(at as u8));
        }
        let at = u8::try_from(self.names.len()).ok()?;
        self.names.push(std::str::from_utf8(name).ok()?.into());
        Some(PhaseNo(at))
    }

    /// The phase named `name`, if any case ever stood in it.
    pub fn find(&self, name: &str) -> Option<PhaseNo> {
        let at = self.names.iter().position(|n| **n == *name)?;
        Some(PhaseNo(at as u8))
    }

    pub fn name(&self, phase: PhaseNo) -> &Arc<str> {
        &self.names[usize::from(phase.0)]
    }

    /// Adds a move to the case `end_case` closes next.
    pub fn push_move(&mut self, change: Change<PhaseNo>) {
        self.moves.push(change);
    }

    /// Adds the case whose moves were pushed since the last one; `None` past 4 billion moves.
    pub fn end_case(&mut self, case: CaseFacts<PhaseNo>) -> Option<()> {
        let end = u32::try_from(self.moves.len()).ok()?;
        self.cases.push((case, end));
        Some(())
    }

    /// Adds `history`, naming its phases here. Panics past `MOST_PHASES` names: a history
    /// built in memory comes from a phase model, not from a damaged value.
    pub fn push(&mut self, history: &CaseHistory) {
        let mut phase = |name: &Arc<str>| {
            self.phase(name.as_bytes())
                .expect("a phase model has fewer than MOST_PHASES phases")
        };
        let case = history.case.with_phase(phase(&history.case.phase));
        let moves: Vec<Change<PhaseNo>> = history
            .events
            .iter()
            .map(|change| change.map_phase(&mut phase))
            .collect();
        self.moves.extend(moves);
        self.end_case(case)
            .expect("a history in memory has fewer than 4 billion moves");
    }

    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = History<'_>> {
        (0..self.cases.len()).map(|at| {
            let start = at.checked_sub(1).map_or(0, |before| self.cases[before].1);
            let (case, end) = &self.cases[at];
            History {
                case,
                moves: &self.moves[start as usize..*end as usize],
            }
        })
    }

    /// `history` with its phases named: a case on its own.
    pub fn owned(&self, history: History) -> CaseHistory {
        let name = |phase: &PhaseNo| Arc::clone(self.name(*phase));
        CaseHistory {
            case: history.case.with_phase(name(&history.case.phase)),
            events: history.moves.iter().map(|c| c.map_phase(name)).collect(),
        }
    }

    /// Every case on its own, in order.
    pub fn to_vec(&self) -> Vec<CaseHistory> {
        self.iter().map(|history| self.owned(history)).collect()
    }
}

impl FromIterator<CaseHistory> for Histories {
    fn from_iter<I: IntoIterator<Item = CaseHistory>>(histories: I) -> Histories {
        let mut all = Histories::default();
        for history in histories {
            all.push(&history);
        }
        all
    }
}

impl<P> CaseFacts<P> {
    /// The same facts with the phase in another form.
    pub fn with_phase<Q>(&self, phase: Q) -> CaseFacts<Q> {
        CaseFacts {
            id: self.id,
            pupil: self.pupil,
            opened: self.opened,
            closed: self.closed,
            help_start: self.help_start,
            waiting_since: self.waiting_since,
            phase,
            level: self.level,
            consent: self.consent,
        }
    }
}

impl<P> Change<P> {
    /// The same change with its phases in another form.
    pub fn map_phase<Q>(&self, mut phase: impl FnMut(&P) -> Q) -> Change<Q> {
        let kind = match &self.kind {
            Step::Phase { from, to } => Step::Phase {
                from: phase(from),
                to: phase(to),
            },
            Step::Level { from, to } => Step::Level {
                from: *from,
                to: *to,
            },
            Step::Consent { from, to } => Step::Consent {
                from: *from,
                to: *to,
            },
        };
        Change {
            date: self.date,
            kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CaseId, Consent, Level, PupilId};
    use chrono::NaiveDate;

    fn history(id: u64, phases: &[&str]) -> CaseHistory {
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        CaseHistory {
            case: CaseFacts {
                id: CaseId(id),
                pupil: PupilId(id),
                opened: day,
                closed: None,
                help_start: None,
                waiting_since: None,
                phase: (*phases.last().unwrap_or(&"signalering")).into(),
                level: Level::new(2).unwrap(),
                consent: Consent::Yes,
            },
            events: phases
                .windows(2)
                .map(|pair| Change {
                    date: day,
                    kind: Step::Phase {
                        from: pair[0].into(),
                        to: pair[1].into(),
                    },
                })
                .chain([Change {
                    date: day,
                    kind: Step::Level {
                        from: Level::new(2).unwrap(),
                        to: Level::new(3).unwrap(),
                    },
                }])
                .collect(),
        }
    }

    /// Each case comes back whole, with its own moves, however many its neighbours have (none
    /// included), and a phase shared by many cases is named once.
    #[test]
    fn each_case_comes_back_with_its_own_moves() {
        let cases = vec![
            history(1, &["signalering", "analyse", "afgesloten"]),
            history(2, &[]),
            history(3, &["analyse"]),
            history(4, &["signalering", "analyse"]),
        ];
        let all: Histories = cases.iter().cloned().collect();
        assert_eq!(all.len(), 4);
        assert_eq!(all.to_vec(), cases);
        assert_eq!(all.names.len(), 3);
        let analyse = all.find("analyse").unwrap();
        assert_eq!(&**all.name(analyse), "analyse");
        assert_eq!(all.find("plan"), None);
    }

    /// Past `MOST_PHASES` names, and for a text that is no UTF-8, there is no phase: the value
    /// holding it is damaged.
    #[test]
    fn too_many_names_or_no_text_is_no_phase() {
        let mut all = Histories::default();
        for n in 0..Histories::MOST_PHASES {
            assert!(all.phase(format!("fase {n}").as_bytes()).is_some());
        }
        assert_eq!(all.phase(b"fase 0"), Some(PhaseNo(0)));
        assert_eq!(all.phase(b"nog een"), None);
        assert_eq!(Histories::default().phase(&[0xff, 0xfe]), None);
    }
}
