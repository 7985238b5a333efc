//! The meetings, oldest first: what each case went through at each, what was noted, decided
//! and agreed, and the minutes that fixed it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Params;
use super::actions::Spec;
use super::calendar::Slot;
use super::phrases::{ACTIONS, INTO, LEVEL_ACTIONS, NO_CONSENT, NOTES, STAY, consent_reason};
use super::plan::CasePlan;
use super::rng::Rng;
use super::school::{Pupils, Team, school_year};
use super::texts::{THEMES, say};
use super::writer::Writer;
use crate::domain::meeting::Attendee;
use crate::domain::minutes::MinutesSource;
use crate::domain::{
    Action, CaseEvent, CaseId, Consent, Decision, DecisionId, EventKind, Level, MeetingId, Minutes,
    Note, NoteId, Owner,
};
use crate::error::Result;
use crate::store::TreeId;

/// What one meeting produced, kept until its minutes are compiled.
#[derive(Default)]
pub struct Out {
    pub notes: Vec<Note>,
    pub decisions: Vec<Decision>,
    pub events: Vec<CaseEvent>,
    pub actions: Vec<Action>,
}

pub struct History<'a, 's> {
    pub writer: &'a mut Writer<'s>,
    pub today: NaiveDate,
    pub params: &'a Params,
    pub team: &'a Team,
    pub pupils: &'a Pupils,
    /// The closed meetings, oldest first.
    pub meetings: &'a [Slot],
    pub planned: &'a Slot,
    /// Ids of the closed meetings, then of the planned one.
    pub meeting_ids: &'a [MeetingId],
    pub phase_ids: &'a [String],
    pub plans: &'a [CasePlan],
    pub rng: Rng,
    phase: Vec<usize>,
    level: Vec<Level>,
    pub consent: Vec<Consent>,
    seq: Vec<u32>,
    /// Actions still to be reviewed at a later meeting.
    pub pending: Vec<Action>,
    /// Per meeting: the earlier actions it settled (done or dropped), for its minutes.
    pub settled: Vec<Vec<Action>>,
}

pub struct Setting<'a> {
    pub today: NaiveDate,
    pub params: &'a Params,
    pub team: &'a Team,
    pub pupils: &'a Pupils,
    pub meetings: &'a [Slot],
    pub planned: &'a Slot,
    pub meeting_ids: &'a [MeetingId],
    pub phase_ids: &'a [String],
    pub plans: &'a [CasePlan],
}

impl<'a, 's> History<'a, 's> {
    pub fn new(writer: &'a mut Writer<'s>, setting: Setting<'a>, rng: Rng) -> History<'a, 's> {
        let count = setting.meetings.len();
        History {
            writer,
            today: setting.today,
            params: setting.params,
            team: setting.team,
            pupils: setting.pupils,
            meetings: setting.meetings,
            planned: setting.planned,
            meeting_ids: setting.meeting_ids,
            phase_ids: setting.phase_ids,
            plans: setting.plans,
            rng,
            phase: vec![0; setting.plans.len()],
            level: setting.plans.iter().map(|p| p.level).collect(),
            consent: setting.plans.iter().map(|p| p.consent).collect(),
            seq: vec![0; setting.plans.len()],
            pending: Vec::new(),
            settled: vec![Vec::new(); count],
        }
    }

    pub fn run(&mut self) -> Result<()> {
        let mut by_meeting: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.meetings.len()];
        // Plans are in id order, so each meeting's agenda is too.
        for (p, plan) in self.plans.iter().enumerate() {
            for (v, visit) in plan.visits.iter().enumerate() {
                by_meeting[visit.meeting].push((p, v));
            }
        }
        for (k, visits) in by_meeting.iter().enumerate() {
            self.meeting(k, visits)?;
        }
        for (p, plan) in self.plans.iter().enumerate() {
            if plan.visits.is_empty() {
                let event = self.event(p, plan.opened, None, "", EventKind::Opened);
                self.writer.insert(&event)?;
            }
        }
        let planned = self.planned_meeting()?;
        self.writer.insert(&planned)
    }

    pub fn event(
        &mut self,
        p: usize,
        date: NaiveDate,
        meeting: Option<MeetingId>,
        reason: &str,
        kind: EventKind,
    ) -> CaseEvent {
        let seq = self.seq[p];
        self.seq[p] += 1;
        CaseEvent {
            case: self.plans[p].id,
            seq,
            date,
            meeting,
            reason: reason.to_string(),
            kind,
        }
    }

    pub fn note(
        &mut self,
        k: usize,
        item: usize,
        case: Option<(usize, usize)>,
        text: String,
    ) -> Result<Note> {
        Ok(Note {
            id: NoteId(self.writer.id(TreeId::Notes)?),
            case: case.map(|(p, _)| self.plans[p].id),
            phase: case.map(|(_, phase)| self.phase_ids[phase].clone()),
            meeting: Some(self.meeting_ids[k]),
            agenda_item: u16::try_from(item).ok(),
            date: self.meetings[k].date,
            text,
        })
    }

    pub fn decision(
        &mut self,
        k: usize,
        item: usize,
        case: Option<usize>,
        text: String,
    ) -> Result<Decision> {
        Ok(Decision {
            id: DecisionId(self.writer.id(TreeId::Decisions)?),
            case: case.map(|p| self.plans[p].id),
            meeting: Some(self.meeting_ids[k]),
            agenda_item: u16::try_from(item).ok(),
            date: self.meetings[k].date,
            text,
        })
    }

    /// Case plan `p` at its visit `v`, agenda item `item` of closed meeting `k`.
    fn visit(&mut self, k: usize, item: usize, p: usize, v: usize, out: &mut Out) -> Result<()> {
        let plan = &self.plans[p];
        let visit = plan.visits[v].clone();
        let (date, meeting) = (self.meetings[k].date, Some(self.meeting_ids[k]));
        let mut rng = Rng::new(plan.seed ^ ((v as u64 + 1) << 40));
        let theme = &THEMES[plan.theme];
        let (girl, groep) = (plan.girl, plan.groep);
        let text = |rng: &mut Rng, pool: &[&str]| say(rng.pick::<&str>(pool), girl, groep);
        // Walks a pool from a place of the case's own, so that a case discussed in the same
        // phase twice does not hear the same sentence twice.
        let base = (plan.seed % 997) as usize + v;
        let nth = |pool: &[&str], salt: usize| say(pool[(base + salt) % pool.len()], girl, groep);
        let closing_reason = plan.closing_reason.clone();

        if v == 0 {
            out.events
                .push(self.event(p, date, meeting, "", EventKind::Opened));
        }
        let before = self.phase[p];
        if let Some(to) = visit.consent {
            let from = self.consent[p];
            out.events.push(self.event(
                p,
                date,
                meeting,
                consent_reason(to),
                EventKind::Consent { from, to },
            ));
            self.consent[p] = to;
        }
        let mut phase = before;
        for _ in 0..visit.steps {
            let (from, to) = (
                self.phase_ids[phase].clone(),
                self.phase_ids[phase + 1].clone(),
            );
            out.events
                .push(self.event(p, date, meeting, "", EventKind::Phase { from, to }));
            phase += 1;
        }
        self.phase[p] = phase;
        let mut raised = None;
        if let Some((to, reason)) = visit.level {
            let from = self.level[p];
            out.events
                .push(self.event(p, date, meeting, reason, EventKind::Level { from, to }));
            self.level[p] = to;
            raised = (to > from && to.get() >= 4).then_some(to);
        }

        let first = match before {
            0 if v == 0 && rng.chance(0.6) => text(&mut rng, theme.signal),
            4 if rng.chance(0.5) => nth(theme.follow_up, 0),
            _ => nth(NOTES[before.min(5)], 0),
        };
        out.notes
            .push(self.note(k, item, Some((p, before)), first)?);
        if rng.chance(self.params.second_note) && phase < 6 {
            let second = if phase == 4 && rng.chance(0.5) {
                nth(theme.follow_up, 1)
            } else {
                nth(NOTES[phase], 1)
            };
            if out.notes.last().is_none_or(|n| n.text != second) {
                out.notes
                    .push(self.note(k, item, Some((p, phase)), second)?);
            }
        }

        let moved = phase > before || visit.consent.is_some();
        if moved || rng.chance(self.params.stay_decision) {
            let decided = if visit.consent == Some(Consent::No) {
                NO_CONSENT.to_string()
            } else if phase == 6 && before < 6 {
                format!("Casus afgesloten. {closing_reason}")
            } else if phase > before {
                text(&mut rng, INTO[phase])
            } else {
                nth(STAY[before.min(5)], 0)
            };
            out.decisions
                .push(self.decision(k, item, Some(p), decided)?);
        }

        let mut specs = Vec::new();
        if before < 3 && phase >= 3 {
            let count = 1 + usize::from(rng.chance(0.5));
            let start = rng.below(theme.plan_actions.len());
            for i in 0..count {
                let (what, who) = theme.plan_actions[(start + i) % theme.plan_actions.len()];
                specs.push(Spec {
                    text: say(what, girl, groep),
                    who,
                    keep: i == 0,
                });
            }
        }
        if visit.consent != Some(Consent::No) && phase < 6 {
            let pool = ACTIONS[phase];
            let start = base;
            let count = usize::from(rng.chance(self.params.action_chance))
                + usize::from(rng.chance(self.params.extra_action));
            for i in 0..count.min(pool.len()) {
                let (what, who) = pool[(start + i) % pool.len()];
                specs.push(Spec {
                    text: what.to_string(),
                    who,
                    keep: false,
                });
            }
        }
        if let Some(to) = raised
            && rng.chance(0.6)
        {
            let (what, who) = LEVEL_ACTIONS[if to.get() == 5 { 2 } else { rng.below(2) }];
            specs.push(Spec {
                text: what.to_string(),
                who,
                keep: false,
            });
        }
        for spec in specs {
            let action = self.action(&mut rng, k, item, Some(p), spec)?;
            out.actions.push(action);
        }
        Ok(())
    }

    fn meeting(&mut self, k: usize, visits: &[(usize, usize)]) -> Result<()> {
        let id = self.meeting_ids[k];
        let carried: Vec<Action> = self
            .pending
            .iter()
            .filter(|a| a.carried_through.contains(&id))
            .cloned()
            .collect();
        self.pending
            .retain(|a| a.carried_through.last().is_some_and(|last| *last > id));
        let mut out = Out::default();
        for (i, &(p, v)) in visits.iter().enumerate() {
            self.visit(k, 3 + i, p, v, &mut out)?;
        }
        let cases: Vec<CaseId> = visits.iter().map(|&(p, _)| self.plans[p].id).collect();
        let meeting = self.closed_meeting(k, &cases, visits, carried.len(), &mut out)?;

        // Every case, not only the visited ones: carried and settled actions name theirs.
        let subjects: HashMap<CaseId, String> = (0..self.plans.len())
            .map(|p| {
                let plan = &self.plans[p];
                let subject = if self.consent[p].shows_name() {
                    self.pupils.list[plan.pupil].full_name()
                } else {
                    plan.pseudonym.shown()
                };
                (plan.id, subject)
            })
            .collect();
        let team = self.team;
        let attendee_name = |who: &Attendee| match who {
            Attendee::Member(id) => team.name(*id).to_string(),
            Attendee::Guest { name, .. } => name.clone(),
        };
        let subject = |case: CaseId| subjects.get(&case).cloned().unwrap_or_default();
        let owner_name = |action: &Action| match &action.owner {
            Owner::Member(id) => team.name(*id).to_string(),
            Owner::Other(name) => name.clone(),
        };
        let minutes = Minutes::compile(&MinutesSource {
            meeting: &meeting,
            chair: team.chair().name.clone(),
            attendee_name: &attendee_name,
            subject: &subject,
            owner_name: &owner_name,
            notes: &out.notes,
            decisions: &out.decisions,
            events: &out.events,
            actions: &out.actions,
            carried_over: &carried,
            reviewed: &self.settled[k],
            recorded: &|_| Vec::new(),
            fixed_on: meeting.date,
        });
        self.writer.insert(&meeting)?;
        for note in &out.notes {
            self.writer.insert(note)?;
        }
        for decision in &out.decisions {
            self.writer.insert(decision)?;
        }
        for event in &out.events {
            self.writer.insert(event)?;
        }
        for action in &out.actions {
            self.writer.insert(action)?;
        }
        self.writer.insert(&minutes)
    }

    /// Whether a guest leerkracht can still be the pupil's current one.
    pub fn this_school_year(&self, date: NaiveDate) -> bool {
        school_year(date) == school_year(self.today)
    }
}
