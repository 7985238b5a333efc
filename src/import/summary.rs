//! A plan as lines of text, for the command line and the screen alike.

use super::{BadRow, Incoming, Plan, Reason, Source, Update};
use crate::domain::dates::format_date;
use crate::i18n::Lang;

/// The heading, then new, updated, unchanged and bad rows with what each is about.
pub fn lines(plan: &Plan, file: &str, lang: Lang) -> Vec<String> {
    let t = &lang.texts().import;
    let source = match &plan.source {
        Source::Csv {
            separator,
            encoding,
        } => (t.source_csv)(*separator, encoding),
        Source::Edexml { encoding } => (t.source_edexml)(encoding),
    };
    let mut lines = vec![(t.heading)(file, &source)];
    lines.push((t.new)(plan.new.len()));
    lines.extend(
        plan.new
            .iter()
            .map(|pupil| format!("  + {}", new_pupil(pupil))),
    );
    lines.push((t.updated)(plan.updated.len()));
    lines.extend(
        plan.updated
            .iter()
            .map(|update| format!("  ~ {}", changed(update, lang))),
    );
    lines.push((t.unchanged)(plan.unchanged.len()));
    lines.push((t.bad)(plan.bad.len()));
    lines.extend(
        plan.bad
            .iter()
            .map(|bad| format!("  ! {}", bad_row(bad, lang))),
    );
    // A refused date or groep is quoted as the file has it: shown, on the screen as well as
    // the command line (ratatui would leave an escape out silently, not show it).
    lines
        .into_iter()
        .map(|line| crate::text::visible(&line).into_owned())
        .collect()
}

fn new_pupil(pupil: &Incoming) -> String {
    let mut parts = vec![
        pupil.full_name(),
        format!("groep {}", pupil.groep),
        format_date(pupil.birth_date),
    ];
    parts.extend(pupil.teacher.clone().filter(|t| !t.is_empty()));
    parts.join(" · ")
}

fn changed(update: &Update, lang: Lang) -> String {
    let t = &lang.texts().import;
    let shown = |value: &str| {
        if value.is_empty() {
            t.empty.to_string()
        } else {
            value.to_string()
        }
    };
    let changes: Vec<String> = update
        .changes
        .iter()
        .map(|change| {
            format!(
                "{} {} → {}",
                t.fields[change.field as usize],
                shown(&change.from),
                shown(&change.to)
            )
        })
        .collect();
    format!("{}: {}", update.after.full_name(), changes.join(", "))
}

fn bad_row(bad: &BadRow, lang: Lang) -> String {
    let t = &lang.texts().import;
    let reason = match &bad.reason {
        Reason::EmptyFirstName => t.reason_empty_first_name.to_string(),
        Reason::EmptyLastName => t.reason_empty_last_name.to_string(),
        Reason::EmptyBirthDate => t.reason_empty_birth_date.to_string(),
        Reason::BadDate(text) => (t.reason_bad_date)(text),
        Reason::ImpossibleDate(text) => (t.reason_impossible_date)(text),
        Reason::BadGroep(text) => (t.reason_bad_groep)(text),
        Reason::SameAsLine(line) => (t.reason_same_as_line)(*line),
        Reason::FitsTwoPupils(name) => (t.reason_fits_two)(name),
        Reason::Unreadable(detail) => (t.reason_unreadable)(detail),
        Reason::ControlCharacter(field, value) => {
            (t.reason_control)(t.fields[*field as usize], value)
        }
        Reason::NotUtf8(field, value) => (t.reason_not_utf8)(t.fields[*field as usize], value),
        Reason::UnclosedQuote(until) => (t.reason_unclosed_quote)(bad.line, *until),
    };
    (t.line)(bad.line, &reason)
}
