use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::*;
use crate::domain::{Consent, Note, NoteId, Pupil};
use crate::testkit::app::{current, on_case};
use crate::ui::tests::screen_of;
use crate::ui::theme;

fn row(buffer: &Buffer) -> String {
    buffer.content.iter().map(|cell| cell.symbol()).collect()
}

#[test]
fn every_cell_of_a_name_is_masked_also_a_wide_one_and_the_named_one_is_kept() {
    let names = PupilNames::of(
        &[
            crate::testkit::pupil(1, "Daan", "", "Jansen"),
            crate::testkit::pupil(2, "李明", "", "Wang"),
            crate::testkit::pupil(3, "Zoë", "van", "Dijk"),
        ],
        &[],
    );
    let mut buffer = Buffer::empty(Rect::new(0, 0, 44, 1));
    buffer.set_string(
        0,
        0,
        "Ruzie met DAAN en 李明; zoe van Dijk.",
        ratatui::style::Style::default(),
    );
    let before = buffer.clone();
    mask(&mut buffer, &names, None);
    assert_eq!(
        row(&buffer).trim_end(),
        "Ruzie met •••• en ••••; ••• van ••••."
    );
    let mut buffer = before.clone();
    mask(&mut buffer, &names, Some("Zoë van Dijk"));
    assert_eq!(
        row(&buffer).trim_end(),
        "Ruzie met •••• en ••••; zoe van Dijk."
    );
    let mut buffer = before.clone();
    mask(&mut buffer, &PupilNames::default(), None);
    assert_eq!(buffer, before, "no names, nothing masked");
}

/// A pupil of the demo other than the case's, whose first name is no word of the case's
/// pupil's name.
fn another(store: &crate::store::Store, own: &Pupil) -> Pupil {
    store
        .all::<Pupil>()
        .map(Result::unwrap)
        .find(|p| {
            p.id != own.id
                && p.first_name.len() > 3
                && !own.full_name().contains(&p.first_name)
                && !p.first_name.contains(' ')
        })
        .unwrap()
}

/// Typed on the meeting screen about the case under discussion: a note that names another
/// child, and the pupil's own first name. On the wall the other child's name is masked; the
/// pupil's own name shows only when the case may be named (consent "ja").
#[test]
fn the_meeting_screen_masks_names_in_what_was_typed_but_the_discussed_pupil_s() {
    for (consent, own_shown) in [(Consent::Yes, true), (Consent::Anonymous, false)] {
        let (_dir, store, mut model, view) = on_case(|brief| brief.case.consent == consent);
        let brief = current(&model);
        let own = store.pupil(brief.case.pupil).unwrap().unwrap();
        let other = another(&store, &own);
        let text = format!("{} had ruzie met {}.", own.first_name, other.first_name);
        let room = model.meeting.as_mut().unwrap();
        let meeting = room.meeting.id;
        let case = room.current_case_id().unwrap();
        let brief = room.cases.get_mut(&case).unwrap();
        brief.notes.retain(|note| note.meeting != Some(meeting));
        brief.notes.push(Note {
            id: NoteId(9_999),
            case: Some(case),
            phase: Some(brief.case.phase.clone()),
            meeting: Some(meeting),
            agenda_item: None,
            date: model.today,
            text,
        });
        let screen = screen_of(&model, &view, 160, 48, theme::DEFAULT);
        assert!(screen.contains("had ruzie met"), "{consent:?}: {screen}");
        assert!(!screen.contains(&other.first_name), "{consent:?}: {screen}");
        assert_eq!(
            screen.contains(&format!("{} had ruzie", own.first_name)),
            own_shown,
            "{consent:?}: {screen}"
        );
    }
}

/// The chair's own screen, no meeting open and no presentation mode, is drawn as typed; the
/// presentation mode alone puts it on the wall.
#[test]
fn only_a_screen_the_room_sees_is_masked() {
    let mut model = crate::ui::tests::model(crate::i18n::Lang::Nl, false);
    assert!(of(&model).is_none());
    model.dashboard.presenting = true;
    assert_eq!(of(&model).map(|(_, named)| named), Some(None));
}
