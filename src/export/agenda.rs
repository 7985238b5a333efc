//! The agenda of a planned meeting, to mail round before it: when each item starts, how long
//! it takes, who is invited. It leaves the team's screen, so no pupil is named: a case goes by
//! the initials or the pseudonym the preparation shows, and a guest by their role only (a
//! parent's name would name the pupil).

use chrono::Duration;

use super::Context;
use super::doc::{Doc, Item};
use crate::domain::agenda::overrun_from;
use crate::domain::dates::format_day;
use crate::domain::meeting::{AgendaKind, Attendee, Presence};
use crate::i18n::wording::agenda_title;
use crate::query::prepare::Preparation;

pub fn write(doc: &mut impl Doc, preparation: &Preparation, cx: &Context) {
    let lang = cx.lang;
    let t = lang.texts();
    let meeting = &preparation.meeting;
    let day = format_day(meeting.date, lang);
    doc.title(&format!(
        "{} {} {day}",
        t.agenda_export_title,
        t.meeting_kind(meeting.kind)
    ));
    let name_of = |who: &Attendee| match who {
        Attendee::Member(id) => preparation
            .members
            .iter()
            .find(|m| m.id == *id)
            .map_or(String::new(), |m| m.name.clone()),
        Attendee::Guest { role, .. } => t.guest(*role),
    };
    let with = |wanted: fn(Presence) -> bool| {
        meeting
            .attendance
            .iter()
            .filter(|a| wanted(a.presence))
            .map(|a| name_of(&a.who))
            // A member who has left the team since is not on the active list.
            .filter(|name| !name.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let planned = meeting.planned_minutes();
    doc.facts(&[
        (t.export_school, cx.school.to_string()),
        (t.col_date, day),
        (t.col_time, meeting.time.format("%H:%M").to_string()),
        (t.col_place, meeting.place.clone()),
        (
            t.agenda_export_length,
            (t.prepare_minutes)(planned, preparation.length),
        ),
        (
            t.agenda_export_invited,
            with(|p| p != Presence::AbsentWithNotice),
        ),
        (
            t.minutes_absent_notice,
            with(|p| p == Presence::AbsentWithNotice),
        ),
    ]);
    let mut start = meeting.time;
    let rows: Vec<Vec<String>> = meeting
        .agenda
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let title = match &item.kind {
                AgendaKind::Case { case } => preparation.cases.get(case).map_or_else(
                    || t.agenda_case.to_string(),
                    |line| {
                        let phase = cx.model.name(&line.phase, lang);
                        format!("{} · {phase}", line.short)
                    },
                ),
                other => agenda_title(other, t),
            };
            let row = vec![
                (index + 1).to_string(),
                start.format("%H:%M").to_string(),
                title,
                item.timebox_minutes.to_string(),
            ];
            start += Duration::minutes(i64::from(item.timebox_minutes));
            row
        })
        .collect();
    doc.heading(t.meeting_agenda);
    doc.table(
        &[
            t.agenda_export_number,
            t.col_time,
            t.agenda_export_item,
            t.agenda_export_minutes,
        ],
        &rows,
    );
    if let Some(from) = overrun_from(&meeting.agenda, preparation.length) {
        let over = planned - preparation.length;
        doc.list(&[Item::new((t.prepare_overrun)(over, from + 1))]);
    }
    doc.fine_print(t.agenda_export_privacy);
}
