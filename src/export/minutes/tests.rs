use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::domain::Requirement;
use crate::domain::case::{Circle, Circles, Level, Recorded};
use crate::domain::meeting::AgendaKind;
use crate::domain::minutes::{MinutesItem, MinutesReview};
use crate::domain::{ActionId, CaseEvent, CaseId, EventKind, MeetingId, MeetingKind};
use crate::export::Context;
use crate::testkit::day;

fn minutes() -> Minutes {
    let action = |id: u64, text: &str| MinutesAction {
        id: ActionId(id),
        text: text.into(),
        owner: "Fatima Benali".into(),
        due: day(27),
        subject: String::new(),
    };
    Minutes {
        meeting: MeetingId(3),
        date: day(3),
        time: NaiveTime::from_hms_opt(14, 15, 0).unwrap(),
        place: "kamer IB".into(),
        kind: MeetingKind::Regular,
        chair: "Fatima Benali".into(),
        present: vec!["Fatima Benali".into(), "Rachid Amezian".into()],
        absent_with_notice: vec!["Fatma Özkan".into()],
        absent: vec![],
        items: vec![
            MinutesItem {
                kind: AgendaKind::Opening,
                discussed: true,
                subject: String::new(),
                notes: vec![],
                note_phases: vec![],
                decisions: vec![],
                changes: vec![],
                actions: vec![],
                reviewed: vec![],
                recorded: vec![],
                recorded_before: vec![],
            },
            MinutesItem {
                kind: AgendaKind::Actions,
                discussed: true,
                subject: String::new(),
                notes: vec![],
                note_phases: vec![],
                decisions: vec![],
                changes: vec![],
                actions: vec![],
                reviewed: vec![
                    MinutesReview {
                        action: action(2, "Observatie in de klas"),
                        dropped: None,
                        open: false,
                        owner_was: None,
                        due_was: None,
                    },
                    MinutesReview {
                        action: action(3, "Logopedie aanvragen"),
                        dropped: Some("ouders regelen het | zelf".into()),
                        open: false,
                        owner_was: None,
                        due_was: None,
                    },
                    MinutesReview {
                        action: MinutesAction {
                            owner: "Rachid Amezian".into(),
                            ..action(5, "Huisbezoek plannen")
                        },
                        dropped: None,
                        open: true,
                        owner_was: Some("Fatima Benali".into()),
                        due_was: Some(day(13)),
                    },
                ],
                recorded: vec![],
                recorded_before: vec![],
            },
            MinutesItem {
                kind: AgendaKind::Case { case: CaseId(7) },
                discussed: true,
                subject: "Leerling KR-17".into(),
                notes: vec!["Juf ziet *veel* vooruitgang.\nOuders herkennen het.".into()],
                note_phases: vec![Some("beeldvorming".into())],
                decisions: vec!["Leesonderzoek aanvragen".into()],
                changes: vec![
                    CaseEvent {
                        case: CaseId(7),
                        seq: 2,
                        date: day(3),
                        meeting: Some(MeetingId(3)),
                        reason: "beeld is compleet".into(),
                        kind: EventKind::Phase {
                            from: "beeldvorming".into(),
                            to: "analyse".into(),
                        },
                    },
                    CaseEvent {
                        case: CaseId(7),
                        seq: 3,
                        date: day(3),
                        meeting: Some(MeetingId(3)),
                        reason: "wijkteam erbij".into(),
                        kind: EventKind::Level {
                            from: Level::new(2).unwrap(),
                            to: Level::new(4).unwrap(),
                        },
                    },
                ],
                actions: vec![action(11, "Ouders bellen | terugkoppelen")],
                reviewed: vec![],
                recorded: vec![
                    (Requirement::SignalledBy, Recorded::Text("juf Anna".into())),
                    (
                        Requirement::Circles,
                        Recorded::Circles(Circles {
                            child: Circle {
                                plus: "Leest graag".into(),
                                minus: "Faalangst".into(),
                                unknown: String::new(),
                            },
                            ..Circles::default()
                        }),
                    ),
                ],
                recorded_before: vec![(
                    Requirement::HelpStartOrWait,
                    Recorded::WaitingSince(day(2)),
                )],
            },
        ],
        carried_over: vec![action(4, "Verslag logopedie opvragen")],
        next_meeting: Some(NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()),
        fixed_on: day(3),
        reopened: vec![],
    }
}

fn markdown(minutes: &Minutes, status: Status, lang: Lang) -> String {
    let model = PhaseModel::default();
    let cx = Context {
        model: &model,
        lang,
        school: "OBS De Vlonder",
        today: day(4),
    };
    crate::export::minutes(minutes, status, &cx, crate::export::Format::Markdown)
}

#[test]
fn dutch_minutes_hold_every_element() {
    let md = markdown(&minutes(), Status::Fixed, Lang::Nl);
    insta::assert_snapshot!(md);
    for expected in [
        "# Verslag OT-overleg di 03-11-2026\n",
        "- **School:** OBS De Vlonder",
        "- **Plaats:** kamer IB",
        "- **Voorzitter:** Fatima Benali",
        "- **Aanwezig:** Fatima Benali, Rachid Amezian",
        "- **Afwezig met bericht:** Fatma Özkan",
        "## 1. Opening en aanwezigheid",
        "Geen bijzonderheden.",
        "## 2. Actiepunten",
        "**Afgehandeld in deze vergadering**",
        "| Observatie in de klas | Fatima Benali | gedaan |",
        "| Logopedie aanvragen | Fatima Benali | vervallen: ouders regelen het \\| zelf |",
        "## 3. Leerlingbespreking: Leerling KR-17",
        "Juf ziet \\*veel\\* vooruitgang.  \nOuders herkennen het.",
        "- Leesonderzoek aanvragen",
        "- fase Beeldvorming → Analyse (beeld is compleet)",
        "- niveau 2 → 4 (wijkteam erbij)",
        "**Vastgelegd**\n\n- Signaal van: juf Anna\n- Drie cirkels: Kind: + Leest graag − Faalangst\n",
        "**Eerder vastgelegd**\n\n- Hulp: wacht sinds ma 02-11-2026\n",
        "| Ouders bellen \\| terugkoppelen | Fatima Benali | vr 27-11-2026 |",
        "## Openstaande actiepunten van eerdere vergaderingen",
        "| Verslag logopedie opvragen | Fatima Benali | vr 27-11-2026 |",
        "- **Volgende vergadering:** di 15-12-2026",
        "*Vastgesteld op di 03-11-2026*",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(!md.contains("Afwezig:**"), "an empty list is left out");
}

#[test]
fn english_minutes_use_english_labels() {
    let md = markdown(&minutes(), Status::Fixed, Lang::En);
    assert!(
        md.starts_with("# Minutes of the OT meeting Tue 03-11-2026"),
        "{md}"
    );
    assert!(
        md.contains("- phase Picture → Analysis (beeld is compleet)"),
        "{md}"
    );
    assert!(
        md.contains("## 3. Pupil discussion: Leerling KR-17"),
        "{md}"
    );
    assert!(
        md.contains("| Logopedie aanvragen | Fatima Benali | dropped: ouders"),
        "{md}"
    );
}

#[test]
fn a_draft_says_so_in_its_title_banner_and_footer() {
    let mut draft = minutes();
    draft.next_meeting = None;
    let md = markdown(&draft, Status::Draft, Lang::Nl);
    assert!(
        md.starts_with(
            "# Verslag OT-overleg di 03-11-2026 (concept)\n\n> **Concept: nog niet vastgesteld**"
        ),
        "{md}"
    );
    assert!(
        md.contains("- **Volgende vergadering:** nog niet gepland"),
        "{md}"
    );
    assert!(md.contains("*Concept van di 03-11-2026."), "{md}");
    assert!(!md.contains("Vastgesteld op"), "{md}");
}

#[test]
fn html_and_markdown_hold_the_same_content() {
    let model = PhaseModel::default();
    let cx = Context {
        model: &model,
        lang: Lang::Nl,
        school: "OBS De Vlonder",
        today: day(4),
    };
    let html = crate::export::minutes(&minutes(), Status::Fixed, &cx, crate::export::Format::Html);
    for expected in [
        "<title>Verslag OT-overleg di 03-11-2026</title>",
        "<dt>School</dt><dd>OBS De Vlonder</dd>",
        "<dt>Afwezig met bericht</dt><dd>Fatma Özkan</dd>",
        "<h2>3. Leerlingbespreking: Leerling KR-17</h2>",
        "<p>Juf ziet *veel* vooruitgang.<br>\nOuders herkennen het.</p>",
        "<li>niveau 2 → 4 (wijkteam erbij)</li>",
        "<li>Drie cirkels: Kind: + Leest graag − Faalangst</li>",
        "<td>Ouders bellen | terugkoppelen</td><td class=\"short\">Fatima Benali</td><td class=\"short\">vr 27-11-2026</td>",
        "<h2>Openstaande actiepunten van eerdere vergaderingen</h2>",
        "<dt>Volgende vergadering</dt><dd>di 15-12-2026</dd>",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in\n{html}");
    }
}

#[test]
fn actions_about_other_pupils_say_whose_and_a_cases_own_do_not() {
    let mut with_subjects = minutes();
    with_subjects.carried_over[0].subject = "Sanne de Vries".into();
    with_subjects.items[2].actions[0].subject = "Leerling KR-17".into();
    let md = markdown(&with_subjects, Status::Fixed, Lang::Nl);
    assert!(
        md.contains(
            "| Actiepunt | Leerling | Eigenaar | Datum |\n|---|---|---|---|\n\
             | Verslag logopedie opvragen | Sanne de Vries | Fatima Benali | vr 27-11-2026 |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| Ouders bellen \\| terugkoppelen | Fatima Benali | vr 27-11-2026 |"),
        "the case's own actions need no pupil column: {md}"
    );
}

/// The Markdown read back by a CommonMark parser with tables (as GitHub, GitLab and VS Code
/// read it): the structure is the minutes' own, and people's text comes out as typed.
#[test]
fn a_commonmark_reader_sees_the_minutes_structure_and_the_text_as_typed() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let md = markdown(&minutes(), Status::Fixed, Lang::Nl);
    let mut headings = Vec::new();
    let mut tables = 0;
    let mut cells = Vec::new();
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_cell = false;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML: {html}"),
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                current.clear();
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                cells.push(std::mem::take(&mut current));
            }
            Event::Start(Tag::Heading { .. } | Tag::Paragraph) if !in_cell => current.clear(),
            Event::End(TagEnd::Heading(level)) => {
                headings.push((level, std::mem::take(&mut current)))
            }
            Event::End(TagEnd::Paragraph) => paragraphs.push(std::mem::take(&mut current)),
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push('\n'),
            Event::Start(Tag::Emphasis | Tag::Strong) if in_cell => {
                panic!("markup inside a cell: {md}")
            }
            _ => {}
        }
    }
    let titles: Vec<&str> = headings
        .iter()
        .filter(|(level, _)| *level == HeadingLevel::H2)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "1. Opening en aanwezigheid",
            "2. Actiepunten",
            "3. Leerlingbespreking: Leerling KR-17",
            "Openstaande actiepunten van eerdere vergaderingen"
        ]
    );
    assert_eq!(
        tables, 4,
        "finished, changed, agreed and carried-over actions"
    );
    assert!(
        cells.contains(&"Ouders bellen | terugkoppelen".to_string()),
        "{cells:?}"
    );
    assert!(cells.contains(&"vervallen: ouders regelen het | zelf".to_string()));
    assert!(
        paragraphs.contains(&"Juf ziet *veel* vooruitgang.\nOuders herkennen het.".to_string()),
        "{paragraphs:?}"
    );
}

/// A signal raised in the meeting is put on the agenda right after Nieuwe signalen, as an item
/// of its own: the Nieuwe signalen item says so instead of "Geen bijzonderheden", and an
/// empty one with no signal after it still says nothing happened.
#[test]
fn the_new_signals_item_points_to_the_signals_raised_after_it() {
    let item = |kind, changes: Vec<CaseEvent>| MinutesItem {
        kind,
        discussed: true,
        subject: String::new(),
        notes: vec![],
        note_phases: vec![],
        decisions: vec![],
        changes,
        actions: vec![],
        reviewed: vec![],
        recorded: vec![],
        recorded_before: vec![],
    };
    let opened = |case| CaseEvent {
        case: CaseId(case),
        seq: 0,
        date: day(3),
        meeting: Some(MeetingId(3)),
        reason: String::new(),
        kind: EventKind::Opened,
    };
    let signal = |case| MinutesItem {
        subject: format!("Leerling KR-{case}"),
        notes: vec!["Valt vaak in slaap in de klas.".into()],
        ..item(AgendaKind::Case { case: CaseId(case) }, vec![opened(case)])
    };
    let mut held = minutes();
    held.items = vec![
        item(AgendaKind::NewSignals, vec![]),
        signal(41),
        signal(42),
        item(AgendaKind::Rondvraag, vec![]),
    ];
    let md = markdown(&held, Status::Fixed, Lang::Nl);
    assert!(
        md.contains(
            "## 1. Nieuwe signalen\n\n2 nieuwe signalen ingebracht, als de volgende punten."
        ),
        "{md}"
    );
    assert!(
        md.contains("## 4. Rondvraag\n\nGeen bijzonderheden."),
        "{md}"
    );
    held.items.remove(2);
    let md = markdown(&held, Status::Fixed, Lang::En);
    assert!(
        md.contains("One new signal raised, as the next item."),
        "{md}"
    );
    held.items.remove(1);
    let md = markdown(&held, Status::Fixed, Lang::Nl);
    assert!(
        md.contains("## 1. Nieuwe signalen\n\nGeen bijzonderheden."),
        "{md}"
    );
}
