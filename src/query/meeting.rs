//! What the meeting screen shows: the meeting, each case on its agenda, and the actions of
//! earlier meetings still open.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::actions::{self, ActionRow};
use crate::domain::case::Recorded;
use crate::domain::meeting::{AgendaKind, Attendance, Attendee, Presence};
use crate::domain::phase::Requirement;
use crate::domain::redact::PupilNames;
use crate::domain::{
    Action, ActionStatus, Case, CaseEvent, CaseId, Decision, EventKind, Meeting, MeetingId,
    MeetingState, Member, Minutes, Note, Owner, PhaseModel, Pupil, Role, Showing, Subject,
};
use crate::error::{Error, Result};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBrief {
    pub case: Case,
    /// The pupil, when found; how they are shown follows the case's consent (`shown`).
    pupil: Option<Pupil>,
    pub missing: Vec<Requirement>,
    /// Open actions, as shown.
    pub actions: Vec<ActionRow>,
    /// All the case's actions, for the phase rule.
    pub own_actions: Vec<Action>,
    /// The case's history, oldest first; changes made in this meeting are added as made.
    pub events: Vec<CaseEvent>,
    /// The case's notes, oldest first.
    pub notes: Vec<Note>,
    /// The case's decisions, oldest first.
    pub decisions: Vec<Decision>,
}

impl CaseBrief {
    /// The pupil as the shared screen may show them while this case is discussed: otter is
    /// presenting. Decided from the consent each time, so "anoniem" recorded in the meeting
    /// hides the name at once.
    pub fn shown(&self) -> Subject {
        let discussed = Some(self.case.id);
        Subject::of(
            self.pupil.as_ref(),
            &self.case,
            Showing::Presenting { discussed },
        )
    }

    /// The name shown while this case is discussed: the pupil's name, or the pseudonym.
    pub fn subject(&self) -> String {
        self.shown().name().to_string()
    }

    /// What the agenda shows while another item is on screen: the room sees only the case
    /// under discussion named, so this is the pseudonym.
    pub fn short(&self) -> String {
        let showing = Showing::Presenting { discussed: None };
        let shown = Subject::of(self.pupil.as_ref(), &self.case, showing);
        shown.short().to_string()
    }

    /// The pupil's groep, only beside their name.
    pub fn groep(&self) -> Option<u8> {
        self.shown().groep()
    }

    /// The number the next event in the case's history gets.
    pub fn next_seq(&self) -> u32 {
        self.events.last().map_or(0, |event| event.seq + 1)
    }

    /// Recomputes what is still missing after a change on screen.
    pub fn recheck(&mut self, phases: &PhaseModel) {
        self.missing = phases.missing_to_move_on(&self.case, &self.own_actions);
    }

    /// The note of this meeting for the case's current phase: the one `e` edits.
    pub fn note_of(&self, meeting: MeetingId) -> Option<&Note> {
        self.notes.iter().rev().find(|n| {
            n.meeting == Some(meeting) && n.phase.as_deref() == Some(self.case.phase.as_str())
        })
    }
}

#[derive(Debug, Clone)]
pub struct MeetingRoom {
    pub meeting: Meeting,
    pub cases: HashMap<CaseId, CaseBrief>,
    /// Open actions agreed before this meeting, for the Actiepunten item: the record, and
    /// the row shown (pupils by the pseudonym, owners beside it without the groep).
    pub earlier_actions: Vec<(Action, ActionRow)>,
    /// The team, for owners of new actions.
    pub members: Vec<Member>,
    /// Notes of the meeting's own items (rondvraag, sluiting, …), not of a case.
    pub notes: Vec<Note>,
    /// The date of the meeting already planned after this one, if any.
    pub planned_after: Option<NaiveDate>,
    /// The closed meeting whose minutes the Verslag item is about, if any.
    pub previous: Option<PreviousMeeting>,
    /// The words of every pupil's name: an open meeting is on the wall, and the screen masks
    /// them in what it shows (`ui::wall`).
    pub names: std::sync::Arc<PupilNames>,
}

/// The previous minutes as the shared screen shows them: which meeting, and the minutes
/// themselves with every pupil by the case's pseudonym (see [`super::meetings::relabel`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousMeeting {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub cases: usize,
    /// The fixed minutes; `None` when a closed meeting has none (erased by `forget`).
    pub minutes: Option<Minutes>,
    /// The guests the minutes list, by presence and the catalog's role: their names are left
    /// out of `minutes`, and the screen shows each by the role in its own language.
    pub guests: Vec<(Presence, Role)>,
}

impl MeetingRoom {
    /// The case of the agenda item in front, if that item is a case.
    pub fn current_case_id(&self) -> Option<CaseId> {
        match self.meeting.agenda.get(self.meeting.current_item)?.kind {
            AgendaKind::Case { case } => Some(case),
            _ => None,
        }
    }

    /// How the pupil of an earlier action goes on screen: as their case on this agenda goes
    /// now (its consent may change during the meeting), else as loaded.
    pub fn earlier_pupil(&self, action: &Action, row: &ActionRow) -> String {
        match action.case.and_then(|case| self.cases.get(&case)) {
            Some(brief) => brief.short(),
            None => row.pupil.clone(),
        }
    }

    pub fn current_case(&self) -> Option<&CaseBrief> {
        self.cases.get(&self.current_case_id()?)
    }

    pub fn current_case_mut(&mut self) -> Option<&mut CaseBrief> {
        let id = self.current_case_id()?;
        self.cases.get_mut(&id)
    }

    /// How an action's owner is named: the member's name, or the free text as typed.
    pub fn owner_name(&self, owner: &Owner) -> String {
        match owner {
            Owner::Member(id) => self
                .members
                .iter()
                .find(|m| m.id == *id)
                .map_or(String::new(), |m| m.name.clone()),
            Owner::Other(name) => name.clone(),
        }
    }

    /// What "volgende ot" means in this meeting: the date agreed at its closing, else the
    /// meeting already planned after it.
    pub fn next_ot(&self) -> Option<NaiveDate> {
        self.meeting.next_meeting.or(self.planned_after)
    }

    /// The note of the item in front when it is not a case: the one `e` edits there.
    pub fn item_note(&self) -> Option<&Note> {
        let index = self.current_item_index();
        self.notes.iter().find(|n| n.agenda_item == index)
    }

    /// The agenda item in front, as the index notes, decisions and actions keep.
    pub fn current_item_index(&self) -> Option<u16> {
        u16::try_from(self.meeting.current_item).ok()
    }
}

pub fn load(
    store: &Store,
    model: &PhaseModel,
    id: MeetingId,
    today: NaiveDate,
) -> Result<MeetingRoom> {
    let meeting = store
        .meeting(id)?
        .ok_or_else(|| Error::NoMeeting(id.to_string()))?;
    let mut cases = HashMap::new();
    for case_id in meeting.cases() {
        if let Some(case) = store.case(case_id)? {
            cases.insert(case_id, brief(store, model, case, today)?);
        }
    }
    let mut earlier: Vec<_> = store
        .open_actions(None)?
        .into_iter()
        .filter(|a| a.meeting != Some(id))
        .collect();
    let before = store.closed_meeting_before(meeting.date, id)?;
    earlier.extend(settled_during(store, &meeting, before.as_ref(), today)?);
    earlier.sort_by_key(|a| (a.due, a.id));
    // The room sees the list of earlier actions with no case under discussion: every pupil by
    // the pseudonym, and every owner typed beside one without the groep.
    let presenting = Showing::Presenting { discussed: None };
    let rows = actions::rows(store, earlier.clone(), today, presenting)?;
    let earlier_actions = earlier.into_iter().zip(rows).collect();
    Ok(MeetingRoom {
        members: store
            .all::<Member>()
            .collect::<std::result::Result<_, _>>()?,
        earlier_actions,
        planned_after: planned_after(store, &meeting)?,
        notes: store
            .notes_of_meeting(id)?
            .into_iter()
            .filter(|note| note.case.is_none())
            .collect(),
        previous: match before {
            Some(last) => {
                let mut guests = Vec::new();
                let minutes = match store.minutes(last.id)? {
                    Some(mut minutes) => {
                        guests = without_guests(&mut minutes, &last.attendance);
                        // No case is under discussion on the Verslag item (BRIEF §8).
                        let mut labels = super::Labels::presenting(store);
                        super::meetings::relabel(store, &mut minutes, &mut labels)?;
                        Some(minutes)
                    }
                    None => None,
                };
                Some(PreviousMeeting {
                    id: last.id,
                    date: last.date,
                    cases: last.cases().count(),
                    minutes,
                    guests,
                })
            }
            None => None,
        },
        names: super::pupils::names_for_the_room(store)?,
        meeting,
        cases,
    })
}

/// The guests of `attendance` taken out of the minutes' lists of who came and who did not, as
/// the room may see them (BRIEF §8): a parent's name ("Sevgi Kaya") names the pupil as surely
/// as the pupil's own. Each comes back as their presence and role; the stored minutes keep the
/// names.
fn without_guests(minutes: &mut Minutes, attendance: &[Attendance]) -> Vec<(Presence, Role)> {
    let mut guests = Vec::new();
    for attendance in attendance {
        let Attendee::Guest { name, role, .. } = &attendance.who else {
            continue;
        };
        let list = match attendance.presence {
            Presence::Present => &mut minutes.present,
            Presence::AbsentWithNotice => &mut minutes.absent_with_notice,
            Presence::Absent => &mut minutes.absent,
            Presence::NotRecorded => continue,
        };
        if let Some(at) = list.iter().position(|listed| listed == name) {
            list.remove(at);
            guests.push((attendance.presence, *role));
        }
    }
    guests
}

/// The day of the meeting planned after `meeting`, through the date index from the day after:
/// not every meeting the school ever held.
fn planned_after(store: &Store, meeting: &Meeting) -> Result<Option<NaiveDate>> {
    Ok(match meeting.date.succ_opt() {
        Some(after) => store.next_open_meeting(after)?.map(|next| next.date),
        None => None,
    })
}

/// Earlier actions done or dropped on the day the meeting is held or since: what `x` and `d`
/// settled here. Only the open ones are in the store's index, so without these a meeting
/// opened again (Esc and `v`, a restart, `R`) lost them from the screen and from its minutes.
/// Each was open when the meeting before this one closed: carried over in its minutes, or
/// agreed in it. Reading those, not every action, also leaves out what a vooroverleg held the
/// same day settled.
fn settled_during(
    store: &Store,
    meeting: &Meeting,
    before: Option<&Meeting>,
    today: NaiveDate,
) -> Result<Vec<Action>> {
    let Some(before) = before else {
        return Ok(Vec::new());
    };
    let mut candidates = store.actions_of_meeting(before.id)?;
    if let Some(minutes) = store.minutes(before.id)? {
        for carried in &minutes.carried_over {
            candidates.extend(store.action(carried.id)?);
        }
    }
    let held = meeting.date.min(today);
    candidates.retain(|action| match &action.status {
        ActionStatus::Open => false,
        ActionStatus::Done { on } | ActionStatus::Dropped { on, .. } => {
            *on >= held && action.meeting != Some(meeting.id)
        }
    });
    Ok(candidates)
}

/// What the meeting screen knows of one case: its pupil as the screen may name them, what its
/// phase still asks for, and its actions, notes and decisions.
pub fn brief(store: &Store, model: &PhaseModel, case: Case, today: NaiveDate) -> Result<CaseBrief> {
    let pupil = store.pupil(case.pupil)?;
    let own = store.actions_of_case(case.id)?;
    let missing = model.missing_to_move_on(&case, &own);
    let discussed = Some(case.id);
    let mut open: Vec<_> = own.iter().filter(|a| a.is_open()).cloned().collect();
    open.sort_by_key(|a| (a.due, a.id));
    Ok(CaseBrief {
        pupil,
        missing,
        // On the wall while this case is discussed: named only as the consent allows there.
        actions: actions::rows(store, open, today, Showing::Presenting { discussed })?,
        own_actions: own,
        events: store.events_of_case(case.id)?,
        notes: store.notes_of_case(case.id)?,
        decisions: store.decisions_of_case(case.id)?,
        case,
    })
}

/// What `case` has recorded for the phases it was in during `meeting` (the one it is in now
/// and those it left then), and whatever else the meeting recorded of it. Actions are in the
/// minutes on their own.
fn recorded_in(
    phases: &PhaseModel,
    case: &Case,
    meeting: &Meeting,
    events: &[CaseEvent],
) -> Vec<(Requirement, Recorded)> {
    let left = events.iter().filter_map(|e| match &e.kind {
        EventKind::Phase { from, .. } if e.case == case.id && e.meeting == Some(meeting.id) => {
            Some(from.as_str())
        }
        _ => None,
    });
    let visited: Vec<&str> = std::iter::once(case.phase.as_str()).chain(left).collect();
    phases.recorded_with(case, &visited, &meeting.fields_recorded(case.id))
}

/// Whether the screen is presenting, whatever screen is in front (BRIEF §8): while a meeting
/// is open the room may see any screen, and only its case under discussion is named. With the
/// presentation mode on the screen is on the wall without a meeting too: no case is under
/// discussion then, so every pupil goes by a pseudonym. The one place the app takes its
/// showing from; the command line, which no room sees, takes [`in_meeting`].
pub fn showing(store: &Store) -> Result<Showing> {
    match in_meeting(store)? {
        Showing::Private => Ok(with_presentation(Showing::Private, store.presentation()?)),
        showing => Ok(showing),
    }
}

/// What the room sees, from the open meeting's showing (see [`in_meeting`]) and whether the
/// presentation mode is on: for a caller that reads the mode for more than [`showing`].
pub fn with_presentation(in_meeting: Showing, presentation: bool) -> Showing {
    match in_meeting {
        Showing::Private if presentation => Showing::Presenting { discussed: None },
        showing => showing,
    }
}

/// The open meeting's showing alone, the presentation mode aside.
///
/// A large school keeps hundreds of meetings, each with its agenda, almost all closed: their
/// digests (a dozen small blocks, written with the meetings) say which are closed, and only
/// the others are read. Glancing at every meeting's record was still most of the start
/// screen's query. The earliest open one (by date, then number) is the one that decides, as
/// when they were read in date order.
pub fn in_meeting(store: &Store) -> Result<Showing> {
    let mut open: Option<Meeting> = None;
    for digest in store.meeting_digests()? {
        if digest.closed {
            continue;
        }
        let Some(meeting) = store.meeting(digest.id)? else {
            continue;
        };
        if meeting.state == MeetingState::Open
            && open.as_ref().is_none_or(|o| meeting.date < o.date)
        {
            open = Some(meeting);
        }
    }
    Ok(open.map_or(Showing::Private, |meeting| meeting.showing()))
}

/// The meeting to open from the start screen: one in progress, else the next planned one.
pub fn current_or_next(store: &Store, today: NaiveDate) -> Result<Option<MeetingId>> {
    let meetings = store.meetings_by_date()?;
    let open = meetings.iter().find(|m| m.state == MeetingState::Open);
    let next = meetings
        .iter()
        .find(|m| m.state == MeetingState::Planned && m.date >= today);
    Ok(open.or(next).map(|m| m.id))
}

/// What closing `meeting` fixes: its minutes, the earlier actions it carries over (each now
/// naming this meeting), and the next meeting planned from the template when a date is given,
/// or else the meeting planned after it already, its agenda brought up to date.
pub struct Closing {
    pub minutes: crate::domain::Minutes,
    pub carried: Vec<Action>,
    pub next: Option<Meeting>,
    pub updated: Option<Meeting>,
}

/// `reviewed`: the earlier actions the meeting went through, as they are now; those done or
/// dropped are named in the minutes under Actiepunten.
pub fn closing(
    store: &Store,
    phases: &PhaseModel,
    meeting: &Meeting,
    reviewed: &[Action],
    next_id: Option<MeetingId>,
    today: NaiveDate,
) -> Result<Closing> {
    use crate::domain::minutes::{Minutes, MinutesSource};
    let mut labels = super::Labels::new(store);
    let mut carried: Vec<Action> = store
        .open_actions(None)?
        .into_iter()
        .filter(|a| a.meeting != Some(meeting.id))
        .collect();
    for action in &mut carried {
        if !action.carried_through.contains(&meeting.id) {
            action.carried_through.push(meeting.id);
        }
    }
    let mut names = Vec::new();
    for attendance in &meeting.attendance {
        let name = match &attendance.who {
            crate::domain::meeting::Attendee::Member(id) => labels.member_name(*id)?,
            crate::domain::meeting::Attendee::Guest { name, .. } => name.clone(),
        };
        names.push((attendance.who.clone(), name));
    }

    let events = store.events_of_meeting(meeting.id)?;
    let mut recorded = HashMap::new();
    for id in meeting.cases() {
        if let Some(case) = store.case(id)? {
            recorded.insert(id, recorded_in(phases, &case, meeting, &events));
        }
    }
    let actions = store.actions_of_meeting(meeting.id)?;
    let mut owners = HashMap::new();
    let mut subjects = HashMap::new();
    for case in meeting.cases() {
        subjects.insert(case, labels.subject(case)?);
    }
    for action in actions.iter().chain(&carried).chain(reviewed) {
        owners.insert(action.id, labels.owner(action)?);
        if let Some(case) = action.case
            && !subjects.contains_key(&case)
        {
            subjects.insert(case, labels.subject(case)?);
        }
    }
    let chair = match meeting.chair {
        Some(id) => labels.member_name(id)?,
        None => String::new(),
    };
    let mut minutes = Minutes::compile(&MinutesSource {
        meeting,
        chair,
        attendee_name: &|who| {
            names
                .iter()
                .find(|(attendee, _)| attendee == who)
                .map_or(String::new(), |(_, name)| name.clone())
        },
        subject: &|case| subjects.get(&case).cloned().unwrap_or_default(),
        owner_name: &|action| owners.get(&action.id).cloned().unwrap_or_default(),
        notes: &store.notes_of_meeting(meeting.id)?,
        decisions: &store.decisions_of_meeting(meeting.id)?,
        events: &events,
        actions: &actions,
        carried_over: &carried,
        reviewed,
        recorded: &|case| recorded.get(&case).cloned().unwrap_or_default(),
        fixed_on: today,
    });
    // The date is left empty when the next OT is planned already (the guide says so): the
    // minutes name that one rather than "nog niet gepland".
    if minutes.next_meeting.is_none() {
        minutes.next_meeting = planned_after(store, meeting)?;
    }
    // The next meeting proposes the cases whose evaluation date has come by then and the new
    // signals; the chair changes it when preparing.
    // A reopened meeting closing again does not plan its next meeting twice.
    let planned = |date: NaiveDate| -> Result<bool> {
        Ok(store
            .next_open_meeting(date)?
            .is_some_and(|m| m.date == date && m.state == MeetingState::Planned))
    };
    let next = match (meeting.next_meeting, next_id) {
        (Some(date), Some(_)) if planned(date)? => None,
        (Some(date), Some(id)) => {
            // Proposed after these minutes: the cases this meeting passed by come back.
            let due = super::prepare::proposals_after(store, phases, date, Some(&minutes))?;
            let due = super::prepare::cases_of(&due);
            Some(Meeting::planned(
                id,
                (date, meeting.time),
                meeting.place.clone(),
                meeting.chair,
                &due,
            ))
        }
        _ => None,
    };
    let updated = match (&next, meeting.date.succ_opt()) {
        (None, Some(after)) => match store.next_open_meeting(after)? {
            Some(planned) if planned.state == MeetingState::Planned => {
                brought_up_to_date(store, phases, planned, &minutes)?
            }
            _ => None,
        },
        _ => None,
    };
    Ok(Closing {
        minutes,
        carried,
        next,
        updated,
    })
}

/// The agenda of `planned` after the meeting of `minutes`: the cases closed since leave it,
/// what is proposed now joins it, the chair's own changes stay. None when nothing changed.
fn brought_up_to_date(
    store: &Store,
    phases: &PhaseModel,
    mut planned: Meeting,
    minutes: &crate::domain::Minutes,
) -> Result<Option<Meeting>> {
    let mut closed = Vec::new();
    for id in planned.cases() {
        let open = store
            .case(id)?
            .is_some_and(|case| case.closed.is_none() && !phases.is_final(&case.phase));
        if !open {
            closed.push(id);
        }
    }
    let proposed = super::prepare::proposals_after(store, phases, planned.date, Some(minutes))?;
    let before = planned.agenda.clone();
    crate::domain::agenda::bring_up_to_date(
        &mut planned,
        &super::prepare::cases_of(&proposed),
        &closed,
    );
    Ok((planned.agenda != before).then_some(planned))
}
