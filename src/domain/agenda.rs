//! Changing a planned agenda: the opening stays first and the closing last; every other item
//! may move, go, or change its timebox in steps of five minutes.

use chrono::NaiveDate;

use super::ids::CaseId;
use super::meeting::{AgendaItem, AgendaKind, CASE_TIMEBOX_MINUTES, Meeting};

/// What an OT is planned to take until the school sets its own length (a setting): the
/// preparation compares the agenda's timeboxes with it.
pub const DEFAULT_MEETING_MINUTES: u32 = 90;
pub const STEP_MINUTES: u16 = 5;
/// Longer than this is a meeting of its own, not an item.
pub const MAX_TIMEBOX_MINUTES: u16 = 60;
/// The timebox of an item the chair adds by title.
pub const OTHER_TIMEBOX_MINUTES: u16 = 10;

/// The first item that ends after `length` minutes, when the timeboxes in order take longer:
/// from there on the agenda runs over, so those are the items that make it overrun.
pub fn overrun_from(agenda: &[AgendaItem], length: u32) -> Option<usize> {
    let mut end = 0;
    agenda.iter().position(|item| {
        end += u32::from(item.timebox_minutes);
        end > length
    })
}

/// Why a case is proposed for a meeting's agenda: the preparation says it beside the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposed {
    /// On the agenda of the meeting before, which passed it by ("niet besproken").
    NotDiscussed,
    /// Its evaluation date falls on or before the meeting.
    Evaluation(NaiveDate),
    /// Still a signal, opened before the meeting before: it comes back until moved on.
    CarriedOver,
    /// A signal opened since the meeting before.
    NewSignal,
}

/// The opening (attendance) and the closing (next date) frame every meeting.
pub fn is_fixed(kind: &AgendaKind) -> bool {
    matches!(kind, AgendaKind::Opening | AgendaKind::Closing)
}

/// Moves item `index` one place down or up; its new index, or `None` when it may not move.
pub fn move_item(agenda: &mut [AgendaItem], index: usize, down: bool) -> Option<usize> {
    let to = if down {
        index.checked_add(1)?
    } else {
        index.checked_sub(1)?
    };
    let (item, other) = (agenda.get(index)?, agenda.get(to)?);
    if is_fixed(&item.kind) || is_fixed(&other.kind) {
        return None;
    }
    agenda.swap(index, to);
    Some(to)
}

/// Removes item `index` unless it is fixed.
pub fn remove(agenda: &mut Vec<AgendaItem>, index: usize) -> Option<AgendaItem> {
    if is_fixed(&agenda.get(index)?.kind) {
        return None;
    }
    Some(agenda.remove(index))
}

/// Five minutes more or less, within 5 and 60; whether the timebox changed.
pub fn resize(item: &mut AgendaItem, longer: bool) -> bool {
    let minutes = item.timebox_minutes;
    let to = if longer {
        (minutes / STEP_MINUTES + 1) * STEP_MINUTES
    } else {
        (minutes.saturating_sub(1) / STEP_MINUTES) * STEP_MINUTES
    };
    let to = to.clamp(STEP_MINUTES, MAX_TIMEBOX_MINUTES);
    item.timebox_minutes = to;
    to != minutes
}

/// Where a new item goes: after item `index`, but never before the opening or after the closing.
pub fn insert_at(agenda: &[AgendaItem], index: usize) -> usize {
    let after = (index + 1).max(1);
    match agenda.iter().rposition(|i| i.kind == AgendaKind::Closing) {
        Some(closing) => after.min(closing),
        None => after.min(agenda.len()),
    }
}

/// Adds a case item for each of `cases` not on the agenda yet, where the template puts them:
/// after the last case, else before the new signals; the number added.
pub fn add_cases(agenda: &mut Vec<AgendaItem>, cases: &[CaseId]) -> usize {
    let mut added = 0;
    for &case in cases {
        let kind = AgendaKind::Case { case };
        if agenda.iter().any(|i| i.kind == kind) {
            continue;
        }
        let at = match agenda
            .iter()
            .rposition(|i| matches!(i.kind, AgendaKind::Case { .. }))
        {
            Some(last) => last + 1,
            None => agenda
                .iter()
                .position(|i| {
                    matches!(
                        i.kind,
                        AgendaKind::NewSignals | AgendaKind::Rondvraag | AgendaKind::Closing
                    )
                })
                .unwrap_or(agenda.len()),
        };
        agenda.insert(at, AgendaItem::new(kind, CASE_TIMEBOX_MINUTES));
        added += 1;
    }
    added
}

/// Brings a planned agenda up to date after the meeting before it closed: the cases in
/// `closed` leave it, the `proposed` ones join it unless the chair took them off by hand;
/// what the chair added stays.
pub fn bring_up_to_date(meeting: &mut Meeting, proposed: &[CaseId], closed: &[CaseId]) {
    meeting
        .agenda
        .retain(|item| !matches!(item.kind, AgendaKind::Case { case } if closed.contains(&case)));
    let joining: Vec<CaseId> = proposed
        .iter()
        .copied()
        .filter(|case| !meeting.removed_cases.contains(case) && !closed.contains(case))
        .collect();
    add_cases(&mut meeting.agenda, &joining);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(agenda: &[AgendaItem]) -> Vec<AgendaKind> {
        agenda.iter().map(|i| i.kind.clone()).collect()
    }

    #[test]
    fn the_items_that_end_after_the_planned_length_make_it_overrun() {
        let agenda = Meeting::template_agenda(&[CaseId(4), CaseId(5)]);
        let minutes: Vec<u32> = agenda
            .iter()
            .map(|i| u32::from(i.timebox_minutes))
            .collect();
        let total: u32 = minutes.iter().sum();
        assert_eq!(
            overrun_from(&agenda, total),
            None,
            "exactly the length fits"
        );
        assert_eq!(overrun_from(&agenda, total - 1), Some(agenda.len() - 1));
        // Ends of the first items: the one whose end passes the length is the first too long.
        let through_first_case: u32 = minutes[..4].iter().sum();
        assert_eq!(overrun_from(&agenda, through_first_case), Some(4));
        assert_eq!(overrun_from(&agenda, through_first_case - 1), Some(3));
        assert_eq!(overrun_from(&agenda, 0), Some(0));
        assert_eq!(overrun_from(&[], 0), None);
    }

    #[test]
    fn the_opening_and_the_closing_stay_where_they_are() {
        let mut agenda = Meeting::template_agenda(&[CaseId(4)]);
        let last = agenda.len() - 1;
        assert_eq!(move_item(&mut agenda, 0, true), None);
        assert_eq!(
            move_item(&mut agenda, 1, false),
            None,
            "not above the opening"
        );
        assert_eq!(move_item(&mut agenda, last, false), None);
        assert_eq!(
            move_item(&mut agenda, last - 1, true),
            None,
            "not below the closing"
        );
        assert_eq!(
            move_item(&mut agenda, last, true),
            None,
            "nothing below the last"
        );
        assert!(remove(&mut agenda, 0).is_none() && remove(&mut agenda, last).is_none());
        assert_eq!(move_item(&mut agenda, 3, false), Some(2));
        assert_eq!(agenda[2].kind, AgendaKind::Case { case: CaseId(4) });
        assert_eq!(
            remove(&mut agenda, 3).map(|i| i.kind),
            Some(AgendaKind::Actions)
        );
        assert_eq!(
            insert_at(&agenda, last),
            agenda.len() - 1,
            "before the closing"
        );
        assert_eq!(insert_at(&agenda, 0), 1);
    }

    #[test]
    fn timeboxes_change_in_steps_of_five_within_bounds() {
        let mut item = AgendaItem::new(AgendaKind::Rondvraag, 7);
        assert!(resize(&mut item, true));
        assert_eq!(item.timebox_minutes, 10);
        assert!(resize(&mut item, false));
        assert!(!resize(&mut item, false), "five is the least");
        assert_eq!(item.timebox_minutes, 5);
        item.timebox_minutes = 58;
        resize(&mut item, true);
        assert!(!resize(&mut item, true));
        assert_eq!(item.timebox_minutes, MAX_TIMEBOX_MINUTES);
    }

    #[test]
    fn cases_are_added_once_after_the_last_case_or_before_the_new_signals() {
        let mut agenda = Meeting::template_agenda(&[]);
        assert_eq!(add_cases(&mut agenda, &[CaseId(1), CaseId(2)]), 2);
        assert_eq!(add_cases(&mut agenda, &[CaseId(2), CaseId(3)]), 1);
        assert_eq!(
            kinds(&agenda),
            kinds(&Meeting::template_agenda(&[
                CaseId(1),
                CaseId(2),
                CaseId(3)
            ]))
        );
        agenda.retain(|i| matches!(i.kind, AgendaKind::Opening | AgendaKind::Closing));
        add_cases(&mut agenda, &[CaseId(9)]);
        assert_eq!(agenda[1].kind, AgendaKind::Case { case: CaseId(9) });
    }
}
