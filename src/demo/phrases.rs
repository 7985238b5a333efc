//! Sentences any case can use, per phase (indices of the default phase model), and the
//! sentences of the meeting itself.

use super::texts::Who::{self, *};
use crate::domain::Consent;

/// What goes well, per circle: kind, onderwijs, opvoeding.
pub const GOING_WELL: [&[&str]; 3] = [
    &[
        "Is behulpzaam en vrolijk.",
        "Sport graag en zit op voetbal.",
        "Tekent graag en is creatief.",
        "Heeft een goede band met de leerkracht.",
        "Is nieuwsgierig en stelt veel vragen.",
        "Zorgt goed voor jongere kinderen.",
    ],
    &[
        "Werkt goed in een klein groepje.",
        "Doet goed mee in de kring.",
        "Reageert goed op complimenten.",
        "Houdt zich aan de afspraken in de klas.",
        "Een vaste plek vooraan helpt.",
        "Wereldoriëntatie gaat goed; {hij} weet veel.",
    ],
    &[
        "Ouders zijn betrokken en komen op gesprekken.",
        "Opa en oma helpen met halen en brengen.",
        "Ouders herkennen het beeld thuis.",
        "Goed contact tussen school en moeder.",
        "Oudere zus helpt met huiswerk.",
        "Vader leest 's avonds voor.",
    ],
];

/// What is not known yet, per circle.
pub const UNKNOWN: [&[&str]; 3] = [
    &[
        "Hoe slaapt {hij}?",
        "Hoe ervaart {hij} het zelf?",
        "Wat vindt {hij} zelf dat goed gaat?",
    ],
    &[
        "Welke aanpak werkte vorig jaar?",
        "Hoe gaat het bij gym en op het plein?",
        "Wat laten de methodetoetsen zien?",
    ],
    &[
        "Is er al hulp in het gezin?",
        "Hoe gaat het thuis met schermtijd?",
        "Hoe is de situatie na de verhuizing?",
    ],
];

/// Notes written while a case is in a phase.
pub const NOTES: [&[&str]; 6] = [
    &[
        "Leerkracht heeft al extra instructie en een vaste plek geprobeerd; onvoldoende effect.",
        "Ouders zijn op de hoogte van de zorg en willen meedenken.",
        "Waarom nu: de zorg houdt aan na het laatste oudergesprek.",
        "Nog onduidelijk sinds wanneer dit speelt; leerkracht vraagt het na bij de vorige leerkracht.",
    ],
    &[
        "Ouders herkennen het beeld thuis.",
        "Ouders herkennen het beeld maar gedeeltelijk; thuis gaat het beter.",
        "De leerling zegt zelf dat {hij} het moeilijk vindt en wil geholpen worden.",
        "Drie cirkels ingevuld met leerkracht en ouders; sterke kanten benoemd.",
        "Vorige leerkracht bevestigt dat dit al langer speelt.",
    ],
    &[
        "We weten nog niet hoe het thuis gaat; SMW vraagt het na.",
        "Consultant van het samenwerkingsverband denkt mee over de hulpvraag.",
        "Hulpvraag aangescherpt met ouders.",
        "Het beeld is consistent: thuis en op school dezelfde zorgen.",
    ],
    &[
        "Doelen samen met ouders en leerling geformuleerd.",
        "Onderwijsbehoeften vastgelegd in het groepsplan.",
        "Afgesproken wie de regie heeft en wanneer we evalueren.",
    ],
    &[
        "Acties lopen volgens plan.",
        "Hulp nog niet gestart door wachttijd; school overbrugt met extra begeleiding in de groep.",
        "Leerkracht ziet kleine stappen vooruit.",
        "Tussenevaluatie met ouders gehad; zij zijn tevreden.",
    ],
    &[
        "Doel grotendeels bereikt; goed is goed genoeg.",
        "Ouders zijn teruggekoppeld en akkoord met het voorstel.",
        "De leerling is zelf tevreden over de hulp.",
        "Doel deels bereikt; ouders en leerkracht willen de aanpak voortzetten.",
    ],
];

/// Decisions that move a case into a phase.
pub const INTO: [&[&str]; 6] = [
    &[],
    &[
        "Signaal herkend; door naar beeldvorming. IB plant een gesprek met ouders en leerling.",
        "Zorg is gedeeld; leerkracht en IB vullen met ouders de drie cirkels in.",
    ],
    &[
        "Beeld is gedeeld met ouders; door naar analyse.",
        "Beeld compleet; we zoeken verklaringen en bepalen of onderzoek nodig is.",
    ],
    &[
        "Hulpvraag aangescherpt; we stellen een plan op met doelen en acties.",
        "Besloten over onderzoek; door naar plan.",
    ],
    &[
        "Plan vastgesteld met ouders; de uitvoering start.",
        "Plan akkoord; acties en regie vastgelegd, evaluatie gepland.",
    ],
    &[
        "Evaluatiedatum bereikt; de casus wordt geëvalueerd.",
        "Hulp loopt de afgesproken periode; evaluatie met ouders.",
    ],
];

/// Decisions that keep a case where it is.
pub const STAY: [&[&str]; 6] = [
    &[
        "Signaal blijft staan; IB vraagt ouders om toestemming voor bespreking.",
        "Leerkracht brengt eerst in kaart wat al geprobeerd is; volgend OT terug op de agenda.",
    ],
    &[
        "Beeld nog niet compleet; eerst een gesprek met de leerling zelf.",
        "Ouders nog niet gesproken; beeldvorming loopt door.",
    ],
    &[
        "Wachten op de uitslag van het onderzoek; casus blijft in analyse.",
        "Meer informatie nodig van de jeugdverpleegkundige; casus blijft in analyse.",
    ],
    &[
        "Plan nog niet rond; doelen worden met ouders afgestemd.",
        "Regie nog onduidelijk; afstemming met het wijkteam.",
    ],
    &[
        "Hulp loopt; casus blijft in uitvoering tot de evaluatiedatum.",
        "Wachttijd loopt nog; school overbrugt en de casus blijft in uitvoering.",
    ],
    &["Evaluatie nog niet afgerond; eerst ouders terugkoppelen."],
];

pub const NO_CONSENT: &str = "Ouders geven geen toestemming voor bespreking; leerkracht blijft in gesprek met ouders en volgt de leerling in de groep.";

/// Actions agreed while a case is in a phase (after any move in that meeting).
pub const ACTIONS: [&[(&str, Who)]; 7] = [
    &[
        (
            "Ouders informeren over de zorg en toestemming vragen voor bespreking in het OT",
            Ib,
        ),
        ("Overzicht maken van wat al geprobeerd is", Teacher),
        ("Toetsgegevens en observaties verzamelen", Ib),
    ],
    &[
        ("Gesprek plannen met ouders en leerling", Ib),
        ("Observatie in de klas", Ozg),
        (
            "Kindgesprek voeren over wat goed gaat en wat lastig is",
            Teacher,
        ),
        (
            "Informatie opvragen bij de jeugdverpleegkundige (met toestemming van ouders)",
            Jvk,
        ),
        ("Vragenlijst thuis invullen", Parents),
    ],
    &[
        ("Onderzoeksaanvraag voorbereiden", Ib),
        ("Consultatie aanvragen bij het samenwerkingsverband", Swv),
        ("Informatie opvragen bij de vorige school", Ib),
        ("Gesprek met ouders over mogelijke verklaringen", Smw),
    ],
    &[
        ("Plan met doelen op papier zetten en delen met ouders", Ib),
        ("Afstemmen wie de regie neemt", Jc),
    ],
    &[
        ("Voortgang bespreken met ouders", Ib),
        ("Wachttijd navragen bij de aanbieder", Jc),
        ("Tussenevaluatie met de leerkracht", Ib),
        ("Terugkoppeling van de hulpverlener opvragen", Smw),
        ("Thuis bijhouden wat werkt", Father),
    ],
    &[
        ("Ouders terugkoppelen over de evaluatie", Ib),
        (
            "Overdracht naar de leerkracht van volgend jaar voorbereiden",
            Teacher,
        ),
        ("Evaluatieverslag delen met ouders", Ib),
    ],
    &[("Dossier afsluiten en overdracht vastleggen", Ib)],
];

/// Actions that come with scaling up to level 4 or 5.
pub const LEVEL_ACTIONS: [(&str, Who); 3] = [
    ("Aanmelding bij het wijkteam doen", Jc),
    (
        "Aanvraag arrangement bij het samenwerkingsverband voorbereiden",
        Swv,
    ),
    ("Aanvraag toelaatbaarheidsverklaring SBO voorbereiden", Swv),
];

/// Reasons to scale up, per new level (index 0 is level 2).
pub const UP: [&[&str]; 4] = [
    &["opschalen: extra ondersteuning op school, IB betrokken"],
    &[
        "opschalen: SMW betrokken",
        "opschalen: onderwijszorg-generalist ingezet",
        "opschalen: jeugdverpleegkundige betrokken",
    ],
    &[
        "opschalen: wijkteam ingeschakeld",
        "opschalen: arrangement samenwerkingsverband aangevraagd",
        "opschalen: jeugdconsulent betrokken",
    ],
    &[
        "opschalen: verwijzing specialistische jeugdhulp",
        "opschalen: aanvraag toelaatbaarheidsverklaring SBO",
    ],
];

/// Reasons to scale down: from help at school, and from the wijkteam or beyond.
pub const DOWN: [&[&str]; 2] = [
    &[
        "afschalen: doel bereikt, leerkracht zet de aanpak voort",
        "afschalen: hulp afgerond, school blijft volgen",
    ],
    &[
        "afschalen: wijkteam sluit af, IB houdt contact",
        "afschalen: specialistische hulp afgerond, school blijft volgen",
    ],
];

/// Closing reasons, per final level 1..=5.
pub const CLOSING: [&[&str]; 5] = [
    &[
        "Doel bereikt; aanpak wordt voortgezet in de groep.",
        "Zorg is opgelost; geen extra ondersteuning meer nodig.",
    ],
    &[
        "Doel bereikt; aanpak wordt voortgezet in de groep.",
        "Leerling verhuisd; overdracht aan de nieuwe school gedaan.",
    ],
    &[
        "Hulp afgerond; leerkracht en IB volgen de leerling in de groepsbespreking.",
        "Zorg is verminderd; ouders weten de weg naar de SMW.",
    ],
    &["Hulp loopt via het wijkteam; school hoeft niet meer te coördineren."],
    &[
        "Overgedragen aan specialistische jeugdhulp; school blijft betrokken via de leerkracht.",
        "Leerling geplaatst op het SBO; dossier overgedragen.",
    ],
];

pub const DROPPED: &[&str] = &[
    "niet meer nodig: ouders hebben zelf contact gezocht",
    "overgenomen door het wijkteam",
    "dubbel met een ander actiepunt",
    "ouders zien ervan af",
    "de situatie is veranderd",
];
pub const DROPPED_CLOSED: &str = "casus afgesloten";
pub const DROPPED_HANDOVER: &str = "overgedragen aan de nieuwe schoolmaatschappelijk werker";

pub fn consent_reason(to: Consent) -> &'static str {
    match to {
        Consent::Yes => "ouders geven toestemming voor bespreking",
        Consent::Anonymous => "ouders willen dat de casus anoniem wordt besproken",
        Consent::No => "ouders geven geen toestemming",
        Consent::Unknown => "toestemming opnieuw vragen",
    }
}

pub const RONDVRAAG: &[&str] = &[
    "Rondvraag: jeugdverpleegkundige meldt dat het inloopspreekuur naar donderdag verschuift.",
    "Rondvraag: directeur vraagt aandacht voor de afwegingskaders van de meldcode.",
    "Rondvraag: geen punten.",
    "Rondvraag: SMW is volgende week afwezig; vervanging via het wijkteam.",
    "Rondvraag: consultant SWV licht de nieuwe aanvraagprocedure voor arrangementen toe.",
    "Rondvraag: jeugdconsulent meldt dat de wachttijd bij het wijkteam is opgelopen tot zes weken.",
];

pub const MEETING_ACTIONS: &[(&str, Who)] = &[
    ("Zorgroute bijwerken en delen met het team", Dir),
    ("Teamscholing over de meldcode inplannen", Dir),
    (
        "Contactgegevens van het wijkteam in het zorgplan zetten",
        Ib,
    ),
    (
        "Inloopspreekuur jeugdverpleegkundige in de nieuwsbrief zetten",
        Jvk,
    ),
    ("Groepsbesprekingen voor het volgende blok inplannen", Ib),
    (
        "Nieuwe aanvraagformulieren voor arrangementen rondsturen",
        Swv,
    ),
];

pub const PLACES: &[(&str, u32)] = &[("kamer IB", 6), ("teamkamer", 3), ("directiekamer", 1)];
pub const TIMES: &[(u32, u32)] = &[(8, 30), (8, 30), (14, 15), (13, 0), (15, 15)];
