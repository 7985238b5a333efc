//! The texts of undo and corrections in a meeting: one part of the catalog, reached as
//! `Texts::undo`.

use serde::Serialize;

#[derive(Serialize)]
pub struct UndoTexts {
    /// Nothing was changed in this meeting, or everything is taken back already.
    pub nothing: &'static str,
    /// The phase change taken back, with the phase the case is in again.
    #[serde(skip)]
    pub phase: fn(&str) -> String,
    /// The level change taken back, with the level the case has again.
    #[serde(skip)]
    pub level: fn(u8) -> String,
    /// The consent change taken back, with the answer recorded again.
    #[serde(skip)]
    pub consent: fn(&str) -> String,
    pub action_added: &'static str,
    pub action_done: &'static str,
    pub action_reopened: &'static str,
    pub action_dropped: &'static str,
    pub action_owner: &'static str,
    pub action_due: &'static str,
    pub decision: &'static str,
    pub signal: &'static str,
    pub withdraw_confirm: &'static str,
    pub withdraw_only_new: &'static str,
    pub withdraw_cancelled: &'static str,
    pub withdrawn: &'static str,
    pub question_prompt: &'static str,
    pub question_corrected: &'static str,
    pub close_prompt: &'static str,
    pub close_already: &'static str,
    pub close_not_in_model: &'static str,
    /// The case closed early, with the phase it is in now.
    #[serde(skip)]
    pub closed: fn(&str) -> String,
}

pub const NL: UndoTexts = UndoTexts {
    nothing: "Niets meer ongedaan te maken in deze vergadering.",
    phase: |phase| format!("Ongedaan gemaakt: de fasewijziging; de casus is weer in {phase}."),
    level: |level| {
        format!("Ongedaan gemaakt: de niveauwijziging; de casus is weer niveau {level}.")
    },
    consent: |consent| format!("Ongedaan gemaakt: de toestemming; weer \"{consent}\"."),
    action_added: "Ongedaan gemaakt: het nieuwe actiepunt.",
    action_done: "Ongedaan gemaakt: het actiepunt staat weer open.",
    action_reopened: "Ongedaan gemaakt: het actiepunt is weer afgehandeld.",
    action_dropped: "Ongedaan gemaakt: het actiepunt vervalt niet meer.",
    action_owner: "Ongedaan gemaakt: het actiepunt heeft weer zijn eigenaar van voor.",
    action_due: "Ongedaan gemaakt: het actiepunt heeft weer zijn datum van voor.",
    decision: "Ongedaan gemaakt: het besluit.",
    signal: "Ongedaan gemaakt: het nieuwe signaal; de casus is van de agenda.",
    withdraw_confirm: "Casus intrekken? Hij gaat van de agenda, met alles wat erover is vastgelegd. Typ ja.",
    withdraw_only_new: "Alleen een casus die in deze vergadering is geopend, kan worden ingetrokken.",
    withdraw_cancelled: "Niets ingetrokken.",
    withdrawn: "Casus ingetrokken: hij staat niet meer op de agenda en niet in het verslag.",
    question_prompt: "Hulpvraag verbeteren (in één zin):",
    question_corrected: "Hulpvraag verbeterd.",
    close_prompt: "Casus nu afsluiten. Reden (bijv. verhuisd, ouders trekken zich terug):",
    close_already: "Deze casus is al afgesloten.",
    close_not_in_model: "Het fasemodel van de school kent geen fase om een casus eerder af te sluiten.",
    closed: |phase| format!("Casus naar {phase}, met de reden; u draait het terug."),
};

pub const EN: UndoTexts = UndoTexts {
    nothing: "Nothing left to undo in this meeting.",
    phase: |phase| format!("Undone: the phase change; the case is in {phase} again."),
    level: |level| format!("Undone: the level change; the case is at level {level} again."),
    consent: |consent| format!("Undone: the consent; \"{consent}\" again."),
    action_added: "Undone: the new action.",
    action_done: "Undone: the action is open again.",
    action_reopened: "Undone: the action is settled again.",
    action_dropped: "Undone: the action is no longer dropped.",
    action_owner: "Undone: the action has its earlier owner again.",
    action_due: "Undone: the action has its earlier due date again.",
    decision: "Undone: the decision.",
    signal: "Undone: the new signal; the case is off the agenda.",
    withdraw_confirm: "Withdraw the case? It leaves the agenda with everything recorded about it. Type yes.",
    withdraw_only_new: "Only a case opened in this meeting can be withdrawn.",
    withdraw_cancelled: "Nothing withdrawn.",
    withdrawn: "Case withdrawn: it is off the agenda and out of the minutes.",
    question_prompt: "Correct the hulpvraag (one sentence):",
    question_corrected: "Hulpvraag corrected.",
    close_prompt: "Close the case now. Reason (e.g. moved school, parents withdrew):",
    close_already: "This case is closed already.",
    close_not_in_model: "The school's phase model has no phase to close a case early.",
    closed: |phase| format!("Case moved to {phase}, with the reason; u takes it back."),
};
