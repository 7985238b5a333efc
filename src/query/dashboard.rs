//! The start screen: the next OT, my open actions, everyone's overdue ones, cases whose
//! evaluation date has passed and cases changed lately. Read through indexes only, so a large
//! school's start screen reads what it shows and not the tens of thousands of cases behind it.

use chrono::NaiveDate;

use super::Labels;
use super::actions::{self, ActionRow};
use super::meetings::{self, MeetingRow};
use crate::domain::redact::PupilNames;
use crate::domain::{Case, CaseId, EventKind, Member, MemberId, PhaseModel, PupilId, Showing};
use crate::error::Result;
use crate::store::Store;

/// How far back "recently changed" looks.
pub const RECENT_DAYS: i64 = 14;

/// Rows built at most per list of cases or of everyone's overdue actions. A large school has
/// thousands of cases past their evaluation date and hundreds of overdue actions: finding them
/// is cheap (an index), naming each row's pupil is not (13 594 cases took 170 ms). The start
/// screen shows the first ones and how many there are, or may be.
pub const LIST_CAP: usize = 200;

/// A case on the start screen: whom it is about as the team may see it, where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub case: CaseId,
    pub pupil: PupilId,
    /// The pupil's name, or the case's pseudonym when consent does not allow the name.
    pub subject: String,
    pub phase: String,
    pub level: u8,
    /// The evaluation date, or the date of the latest change.
    pub date: NaiveDate,
    /// The latest change (recently changed cases only).
    pub change: Option<EventKind>,
}

/// How many cases a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    Exact(usize),
    /// Not every case was read, and some unread ones may not belong in the list.
    AtMost(usize),
}

impl Default for Total {
    fn default() -> Total {
        Total::Exact(0)
    }
}

/// What the start screen shows.
#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    pub next_meeting: Option<MeetingRow>,
    /// The meeting that may be reopened, if any closed.
    pub last_closed: Option<MeetingRow>,
    /// The active members: whom "me" may be.
    pub members: Vec<Member>,
    /// The member using this otter, once chosen.
    pub me: Option<Member>,
    /// My open actions, by due date.
    pub mine: Vec<ActionRow>,
    /// Everyone's overdue actions, longest overdue first; at most `LIST_CAP` of
    /// `overdue_total`.
    pub overdue: Vec<ActionRow>,
    pub overdue_total: usize,
    /// Open cases whose evaluation date has passed, longest passed first; at most
    /// `LIST_CAP` of `evaluations_total`.
    pub evaluations: Vec<CaseRow>,
    pub evaluations_total: Total,
    /// Cases changed in the last `RECENT_DAYS` days, latest first; at most `LIST_CAP` of
    /// `recent_total`.
    pub recent: Vec<CaseRow>,
    pub recent_total: usize,
    /// The presentation mode ("presentatiemodus") is on: the projector may be showing this
    /// screen, meeting or not, so my and the overdue actions are not loaded.
    pub presentation: bool,
    /// A meeting is open or the presentation mode is on: the room may see this screen and
    /// what opens over it (BRIEF §8), also when this otter started after the meeting was opened.
    pub presenting: bool,
    /// While `presenting`, the words of every pupil's name, which the screen masks in what it
    /// shows (`ui::wall`); empty otherwise.
    pub names: std::sync::Arc<PupilNames>,
}

pub fn load(store: &Store, model: &PhaseModel, today: NaiveDate) -> Result<Dashboard> {
    let members: Vec<Member> = store
        .all::<Member>()
        .filter(|m| m.as_ref().map_or(true, |m| m.active))
        .collect::<std::result::Result<_, _>>()?;
    let me = match store.me()? {
        Some(id) => store.member(id)?,
        None => None,
    };
    // The one decision of what the room may see; every list below labels its pupils by it.
    // The presentation mode is read once, for it and for the lists it keeps off the wall.
    let presentation = store.presentation()?;
    let showing =
        super::meeting::with_presentation(super::meeting::in_meeting(store)?, presentation);
    let (evaluations, evaluations_total) = evaluations(store, model, today, showing)?;
    let (recent, recent_total) = recent(store, today, showing)?;
    let next_meeting = meetings::next(store, today)?;
    let (overdue, overdue_total) = if presentation {
        (Vec::new(), 0)
    } else {
        overdue(store, today, showing)?
    };
    Ok(Dashboard {
        next_meeting,
        last_closed: meetings::last_closed(store)?,
        mine: match &me {
            Some(me) if !presentation => mine(store, me.id, today, showing)?,
            _ => Vec::new(),
        },
        members,
        me,
        overdue,
        overdue_total,
        evaluations,
        evaluations_total,
        recent,
        recent_total,
        presentation,
        presenting: showing != Showing::Private,
        names: match showing {
            Showing::Private => Default::default(),
            Showing::Presenting { .. } => super::pupils::names_for_the_room(store)?,
        },
    })
}

fn mine(store: &Store, me: MemberId, today: NaiveDate, showing: Showing) -> Result<Vec<ActionRow>> {
    actions::rows(store, store.open_actions(Some(Some(me)))?, today, showing)
}

/// Everyone's overdue actions, as `otter actions --overdue` lists them (by due date, then
/// number: the index's order), the first `LIST_CAP` named; with how many there are. Only
/// those are read: the index alone counts the rest.
fn overdue(store: &Store, today: NaiveDate, showing: Showing) -> Result<(Vec<ActionRow>, usize)> {
    let (due, total) = store.first_open_actions_due_before(today, LIST_CAP)?;
    Ok((actions::rows(store, due, today, showing)?, total))
}

/// The cases past their evaluation date, the first `LIST_CAP` of them read. Past the cap the
/// index's count is all there is: a case may be in a phase the school's model calls final
/// without a closing date, and only reading it tells, which a large school cannot afford on
/// every start (13 594 cases took 170 ms). So the count is exact only when every case was read.
fn evaluations(
    store: &Store,
    model: &PhaseModel,
    today: NaiveDate,
    showing: Showing,
) -> Result<(Vec<CaseRow>, Total)> {
    let mut labels = Labels::showing(store, showing);
    let mut rows = Vec::new();
    let ids = store.open_cases_evaluated_before(today)?;
    let mut total = ids.len();
    let mut unread = ids.len();
    for id in ids {
        if rows.len() == LIST_CAP {
            break;
        }
        unread -= 1;
        let Some(case) = store.case(id)? else {
            total -= 1;
            continue;
        };
        // The index holds cases without a closing date; a school's own phase model may still
        // call the phase they are in final.
        if model.is_final(&case.phase) {
            total -= 1;
            continue;
        }
        let date = case.evaluation_date.unwrap_or(today);
        rows.push(row(&mut labels, case, date, None)?);
    }
    let total = if unread == 0 {
        Total::Exact(total)
    } else {
        Total::AtMost(total)
    };
    Ok((rows, total))
}

/// The cases changed lately, latest change first, the first `LIST_CAP` named. The index
/// names each change's case, so only the newest event of the cases listed is read, not the
/// thousands of a large school's fortnight.
fn recent(store: &Store, today: NaiveDate, showing: Showing) -> Result<(Vec<CaseRow>, usize)> {
    let since = today - chrono::Duration::days(RECENT_DAYS);
    let mut labels = Labels::showing(store, showing);
    let changed = store.latest_events_between(since, today)?;
    let mut rows = Vec::new();
    for &at in &changed {
        if rows.len() == LIST_CAP {
            break;
        }
        if let Some(case) = store.case(at.case)? {
            let event = store.event_at(at)?;
            rows.push(row(&mut labels, case, event.date, Some(event.kind))?);
        }
    }
    Ok((rows, changed.len()))
}

fn row(
    labels: &mut Labels,
    case: Case,
    date: NaiveDate,
    change: Option<EventKind>,
) -> Result<CaseRow> {
    let subject = labels.shown_case(&case)?.name().to_string();
    Ok(CaseRow {
        case: case.id,
        pupil: case.pupil,
        subject,
        phase: case.phase,
        level: case.level.get(),
        date,
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Model;
    use crate::i18n::Lang;
    use crate::query::search::tests::case;
    use crate::testkit::pupil;
    use crate::testkit::today;

    /// `count` cases of one pupil past their evaluation date, case 1 longest past; those in
    /// `in_final` sit in the final phase without a closing date (a school's own phase model
    /// may call a phase final that was not when they reached it).
    fn school(count: u64, in_final: &[u64]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::TempDir::new().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.insert(&pupil(1, "Sanne", "de", "Vries")).unwrap();
        for id in 1..=count {
            let mut case = case(id, 1, "leest niet", crate::domain::Consent::Yes);
            case.phase = "uitvoering".into();
            if in_final.contains(&id) {
                case.phase = "afgesloten".into();
            }
            case.evaluation_date = Some(today() - chrono::Duration::days(1000 - id as i64));
            store.insert(&case).unwrap();
        }
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    /// The start screen drawn from `dashboard` at 160x48.
    fn drawn(dashboard: Dashboard) -> String {
        let mut model: Model = crate::ui::tests::model(Lang::Nl, false);
        model.dashboard = dashboard;
        crate::ui::tests::screen_of(
            &model,
            &crate::app::View::default(),
            160,
            48,
            crate::ui::theme::DEFAULT,
        )
    }

    fn title_shown(dashboard: Dashboard) -> String {
        let screen = drawn(dashboard);
        let at = screen.find("Evaluatie verstreken").expect("the panel");
        screen[at..].split(')').next().unwrap().to_string() + ")"
    }

    #[test]
    fn past_the_cap_the_count_is_shown_as_at_most_what_the_index_holds() {
        let cap = LIST_CAP as u64;
        let beyond: Vec<u64> = (cap + 20..cap + 30).collect();
        let (_dir, store) = school(cap + 50, &[[5].as_slice(), &beyond].concat());
        let dashboard = load(&store, &PhaseModel::default(), today()).unwrap();

        let shown: Vec<u64> = dashboard.evaluations.iter().map(|r| r.case.0).collect();
        let expected: Vec<u64> = (1..=cap + 1).filter(|id| *id != 5).collect();
        assert_eq!(shown, expected, "the first ones, the final one skipped");
        // Ten unread cases past the cap are final, so 239 belong in the list; only reading
        // them would tell, so the screen claims no more than the index's 249.
        assert_eq!(
            dashboard.evaluations_total,
            Total::AtMost(cap as usize + 49)
        );
        assert_eq!(
            title_shown(dashboard),
            format!(
                "Evaluatie verstreken (eerste {cap} van hooguit {})",
                cap + 49
            )
        );
    }

    /// Past the cap the overdue list names the longest overdue actions only, and says how
    /// many there are: a large school has hundreds, and naming each one's pupil was a third of
    /// the start screen's query.
    #[test]
    fn past_the_cap_the_longest_overdue_actions_are_listed_with_how_many_there_are() {
        let cap = LIST_CAP as u64;
        let (_dir, store) = school(1, &[]);
        for id in 1..=cap + 7 {
            let mut action = crate::query::search::tests::action(id, 1, "bellen");
            // The highest numbers longest overdue: the list follows the date, not the number.
            action.due = today() - chrono::Duration::days(id as i64);
            store.insert(&action).unwrap();
        }
        let mut done = crate::query::search::tests::action(cap + 8, 1, "gedaan");
        done.due = today() - chrono::Duration::days(400);
        done.status = crate::domain::ActionStatus::Done { on: today() };
        store.insert(&done).unwrap();
        let dashboard = load(&store, &PhaseModel::default(), today()).unwrap();

        let listed: Vec<u64> = dashboard.overdue.iter().map(|row| row.id).collect();
        let expected: Vec<u64> = (8..=cap + 7).rev().collect();
        assert_eq!(listed, expected);
        assert_eq!(dashboard.overdue_total, cap as usize + 7);
        let screen = drawn(dashboard);
        let title = format!("Actiepunten over datum (eerste {cap} van {})", cap + 7);
        assert!(screen.contains(&title), "{screen}");
    }

    /// What the room may see is decided by the open meeting with the earliest date, whatever
    /// its number, as when every meeting was read whole in date order.
    #[test]
    fn with_two_meetings_open_the_earliest_decides_what_the_room_sees() {
        use crate::domain::meeting::AgendaKind;
        use crate::domain::{MeetingState, Showing};
        let (_dir, store) = crate::testkit::store::demo_store(today());
        let meetings = store.meetings_by_date().unwrap();
        let (first, last) = (meetings[0].clone(), meetings[meetings.len() - 1].clone());
        assert!(last.id.0 > first.id.0);
        let mut early = last;
        early.date = first.date - chrono::Duration::days(1);
        early.state = MeetingState::Open;
        early.current_item = early
            .agenda
            .iter()
            .position(|item| matches!(item.kind, AgendaKind::Case { .. }))
            .expect("a case on the agenda");
        let discussed = early.showing();
        assert!(matches!(
            discussed,
            Showing::Presenting { discussed: Some(_) }
        ));
        let mut other = first;
        other.state = MeetingState::Open;
        other.current_item = 0;
        store.save(&early).unwrap();
        store.save(&other).unwrap();
        assert_eq!(super::super::meeting::showing(&store).unwrap(), discussed);
        let dashboard = load(&store, &PhaseModel::default(), today()).unwrap();
        assert!(dashboard.presenting);
    }

    #[test]
    fn under_the_cap_every_case_is_read_and_the_count_is_exact() {
        let (_dir, store) = school(30, &[2, 17, 30]);
        let dashboard = load(&store, &PhaseModel::default(), today()).unwrap();
        assert_eq!(dashboard.evaluations.len(), 27);
        assert_eq!(dashboard.evaluations_total, Total::Exact(27));
        assert_eq!(title_shown(dashboard), "Evaluatie verstreken (27)");
    }
}
