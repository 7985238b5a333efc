//! What the demo cases are about, in the words of an OT. Texts never name the pupil:
//! `{hij}`, `{Hij}`, `{zijn}`, `{Zijn}`, `{hem}` become her or his pronouns, `{groep}` the groep.

/// Who an action is meant for; the history turns this into an owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Ib,
    Dir,
    Jc,
    Smw,
    Jvk,
    Ozg,
    Swv,
    Teacher,
    Mother,
    Father,
    Parents,
}

/// One kind of concern, with what each phase of it sounds like.
pub struct Theme {
    /// The groepen in which this concern is typical.
    pub groepen: (u8, u8),
    pub questions: &'static [&'static str],
    pub signalled_by: &'static [&'static str],
    pub signal: &'static [&'static str],
    /// What worries, per circle: kind, onderwijs, opvoeding.
    pub worries: [&'static [&'static str]; 3],
    pub hypotheses: &'static [&'static str],
    pub research: &'static [&'static str],
    pub goals: &'static [&'static str],
    pub plan_actions: &'static [(&'static str, Who)],
    pub follow_up: &'static [&'static str],
    pub outcomes: &'static [&'static str],
}

use Who::*;

pub const THEMES: &[Theme] = &[
    Theme {
        groepen: (3, 6),
        questions: &[
            "Hoe kunnen we {hem} helpen het technisch lezen weer op niveau te krijgen?",
            "Wat heeft de leerling nodig om vlotter en met plezier te lezen?",
        ],
        signalled_by: &[
            "leerkracht groep {groep}",
            "intern begeleider na de groepsbespreking",
            "moeder",
        ],
        signal: &[
            "Leerkracht ziet terugval in technisch lezen sinds de kerstvakantie.",
            "DMT blijft twee meetmomenten achter; extra leesbeurten in de groep helpen onvoldoende.",
            "In de familie komt dyslexie voor; ouders maken zich zorgen.",
        ],
        worries: [
            &[
                "Raakt gefrustreerd bij hardop lezen en zegt dat {hij} dom is.",
                "Vermijdt leesopdrachten en gaat dan praten.",
            ],
            &[
                "DMT en AVI stagneren; spelling loopt ook terug.",
                "Instructie aan de instructietafel geeft te weinig effect.",
            ],
            &[
                "Thuis wordt weinig gelezen; ouders weten niet goed hoe ze kunnen helpen.",
                "Ouders oefenen thuis veel; dat geeft spanning aan tafel.",
            ],
        ],
        hypotheses: &[
            "Mogelijk dyslexie: hardnekkig leesprobleem ondanks extra begeleiding.",
            "Achterstand door veel verzuim in groep 3; klank-tekenkoppeling nog niet geautomatiseerd.",
        ],
        research: &[
            "Dossier voorbereiden voor vergoed dyslexieonderzoek; eerst nog een periode intensieve begeleiding.",
            "Geen onderzoek; eerst twaalf weken intensieve leesbegeleiding, dan opnieuw bekijken.",
        ],
        goals: &[
            "Over twaalf weken leest de leerling een AVI-niveau hoger.",
            "De leerling leest dagelijks tien minuten met een maatje en haalt op de DMT het volgende niveau.",
            "De leerling durft weer hardop te lezen in een klein groepje.",
        ],
        plan_actions: &[
            ("Dagelijks tien minuten duo-lezen inroosteren", Teacher),
            ("Leesdossier met drie meetmomenten bijhouden", Ib),
            ("Thuis samen lezen met de leesapp van school", Parents),
            ("Remedial teaching twee keer per week inplannen", Ozg),
        ],
        follow_up: &[
            "Leesbegeleiding loopt twee keer per week; de leerling werkt goed mee.",
            "Eerste tussenmeting laat lichte vooruitgang zien.",
        ],
        outcomes: &[
            "Doel bereikt: AVI-niveau gestegen, leesplezier is terug.",
            "Gedeeltelijk bereikt; dyslexieverklaring afgegeven en compenserende middelen ingezet.",
        ],
    },
    Theme {
        groepen: (4, 8),
        questions: &[
            "Hoe kunnen we de leerling helpen de basisvaardigheden van rekenen te automatiseren?",
            "Wat heeft {hij} nodig om met meer zelfvertrouwen aan rekenopdrachten te beginnen?",
        ],
        signalled_by: &["leerkracht groep {groep}", "vader", "intern begeleider"],
        signal: &[
            "Tafels en sommen tot twintig zijn nog niet geautomatiseerd; de leerling telt op de vingers.",
            "Leerkracht ziet dat {hij} bij rekenen blokkeert en gaat huilen.",
        ],
        worries: [
            &[
                "Zegt dat {hij} rekenen stom vindt en geeft snel op.",
                "Heeft buikpijn op dagen met een rekentoets.",
            ],
            &[
                "Methodetoetsen rekenen blijven onvoldoende, ook na herhaling.",
                "Werkt in de rekenles erg langzaam en maakt het werk niet af.",
            ],
            &[
                "Ouders vonden rekenen zelf ook moeilijk en kunnen thuis weinig helpen.",
                "Thuis is er veel druk rond schoolprestaties.",
            ],
        ],
        hypotheses: &[
            "Zwak getalbegrip; mogelijk rekenproblemen die op dyscalculie wijzen.",
            "Faalangst speelt een grotere rol dan het rekenen zelf.",
        ],
        research: &[
            "Didactisch onderzoek door de onderwijszorg-generalist; geen extern onderzoek.",
            "Consultatie bij het samenwerkingsverband over de rekenproblemen aanvragen.",
        ],
        goals: &[
            "De leerling beheerst binnen acht weken de tafels van 1 tot en met 5.",
            "De leerling maakt de rekenles af met hulp van een stappenplan.",
        ],
        plan_actions: &[
            ("Rekenhulpkaart en stappenplan maken", Ozg),
            (
                "Dagelijks vijf minuten tafels oefenen met een rekenspel",
                Teacher,
            ),
            ("Thuis twee keer per week een rekenspel doen", Parents),
        ],
        follow_up: &[
            "Extra rekeninstructie loopt; de leerling maakt meer sommen zelfstandig.",
            "Stappenplan helpt; de leerling vraagt vaker zelf om hulp.",
        ],
        outcomes: &[
            "Tafels tot vijf geautomatiseerd; rekenen gaat weer mee in de groep.",
            "Vooruitgang, maar een eigen leerlijn voor rekenen blijft nodig.",
        ],
    },
    Theme {
        groepen: (1, 8),
        questions: &[
            "Hoe kunnen we de leerling helpen {zijn} boosheid te reguleren in de klas?",
            "Hoe voorkomen we dat conflicten op het plein uit de hand lopen?",
        ],
        signalled_by: &[
            "leerkracht groep {groep}",
            "directeur na incidenten op het plein",
            "overblijfmedewerker",
        ],
        signal: &[
            "Drie incidenten in twee weken waarbij de leerling andere kinderen sloeg.",
            "De leerling loopt boos de klas uit als iets niet lukt; leerkracht voelt zich handelingsverlegen.",
        ],
        worries: [
            &[
                "Raakt snel overprikkeld en kan dan niet meer stoppen.",
                "Voelt zich snel aangevallen en reageert fysiek.",
            ],
            &[
                "Conflicten vooral op ongestructureerde momenten: pauze en gym.",
                "Leerkracht besteedt veel tijd aan kalmeren; de groep lijdt eronder.",
            ],
            &[
                "Ouders herkennen boze buien thuis, vooral na weekenden bij vader.",
                "Ouders herkennen het beeld niet; thuis gaat het goed.",
            ],
        ],
        hypotheses: &[
            "Boosheid als uiting van spanning thuis rond de scheiding van ouders.",
            "Moeite met prikkelverwerking; mogelijk speelt een ontwikkelingsvraag.",
        ],
        research: &[
            "Observatie in de klas door de onderwijszorg-generalist; geen extern onderzoek.",
            "Aanmelding bij het wijkteam voor een gezinsgesprek; onderzoek nog niet nodig.",
        ],
        goals: &[
            "De leerling gebruikt een time-outplek en een stoplichtkaart als {hij} boos wordt.",
            "Het aantal incidenten op het plein halveert in zes weken.",
            "De leerling kan na een conflict samen met de leerkracht benoemen wat er gebeurde.",
        ],
        plan_actions: &[
            (
                "Time-outplek en stoplichtkaart afspreken met de leerling",
                Teacher,
            ),
            ("Pleinafspraken maken met de overblijf", Dir),
            ("Vijf gesprekken met de leerling over emoties", Smw),
            ("Dagelijks kort overdrachtsmoment bij het ophalen", Mother),
        ],
        follow_up: &[
            "SMW heeft drie gesprekken gevoerd; de leerling kan beter aangeven wanneer {hij} boos wordt.",
            "Minder incidenten op het plein sinds de nieuwe pleinafspraken.",
        ],
        outcomes: &[
            "Doel bereikt: in zes weken nog één incident.",
            "Boosheid is afgenomen; thuis spelen nog zorgen en het wijkteam blijft betrokken.",
        ],
    },
    Theme {
        groepen: (3, 8),
        questions: &[
            "Wat heeft de leerling nodig om zich weer veilig en vrolijk te voelen in de groep?",
            "Hoe kunnen we {hem} helpen om {zijn} zorgen te delen?",
        ],
        signalled_by: &[
            "leerkracht groep {groep}",
            "moeder",
            "jeugdverpleegkundige na het gezondheidsonderzoek",
        ],
        signal: &[
            "De leerling is sinds enkele weken stil en teruggetrokken en speelt alleen in de pauze.",
            "Moeder vertelt dat {hij} 's avonds moeilijk in slaap komt en piekert.",
        ],
        worries: [
            &[
                "Zegt weinig, kijkt verdrietig en eet slecht op school.",
                "Piekert veel en durft geen vragen te stellen.",
            ],
            &[
                "Resultaten lopen terug; doet niet mee in de kring.",
                "Mist regelmatig de eerste les door buikpijn.",
            ],
            &[
                "Opa is kort geleden overleden; het gezin heeft veel verdriet.",
                "Moeder staat er alleen voor met drie kinderen en heeft het zwaar.",
            ],
        ],
        hypotheses: &[
            "Rouw na het overlijden van opa; past bij een verliessituatie.",
            "Mogelijk angstklachten; meer zicht nodig op de thuissituatie.",
        ],
        research: &[
            "Geen onderzoek; eerst gesprekken met de SMW en afstemming met ouders.",
            "Jeugdverpleegkundige voert een gesprek met vragenlijst; daarna besluiten over verwijzing.",
        ],
        goals: &[
            "De leerling heeft elke week een vast moment met een vertrouwd persoon op school.",
            "De leerling speelt in de pauze weer met klasgenoten.",
        ],
        plan_actions: &[
            (
                "Wekelijks een kort gesprek met de leerling inplannen",
                Teacher,
            ),
            ("Gespreksreeks met de leerling starten", Smw),
            ("Huisarts informeren over de slaapproblemen", Mother),
            (
                "Rouwkoffer van de bibliotheek gebruiken in de klas",
                Teacher,
            ),
        ],
        follow_up: &[
            "Gesprekken met de SMW lopen; de leerling vertelt meer over thuis.",
            "De leerling lacht weer vaker en doet mee in de kring.",
        ],
        outcomes: &[
            "Doel bereikt: de leerling voelt zich weer thuis in de groep.",
            "Klachten blijven; verwezen naar de huisarts voor verdere hulp.",
        ],
    },
    Theme {
        groepen: (1, 8),
        questions: &[
            "Hoe zorgen we samen met ouders dat de leerling weer elke dag op school komt?",
            "Wat zit er achter het vele te laat komen en ziekmelden?",
        ],
        signalled_by: &[
            "administratie na de verzuimsignalering",
            "leerkracht groep {groep}",
            "leerplichtambtenaar",
        ],
        signal: &[
            "Veertien keer ziek gemeld dit schooljaar, vaak op maandag.",
            "Komt structureel te laat en mist zo elke dag de instructie van de eerste les.",
        ],
        worries: [
            &[
                "Klaagt vaak over hoofdpijn en moeheid.",
                "Lijkt 's ochtends niet uitgerust.",
            ],
            &[
                "Mist veel instructie; de achterstand bij rekenen groeit.",
                "Sluit sociaal minder aan omdat {hij} er vaak niet is.",
            ],
            &[
                "Moeder werkt vroege diensten; de ochtendroutine is lastig.",
                "Ouders zien het belang van elke dag naar school minder.",
            ],
        ],
        hypotheses: &[
            "Gezondheidsklachten zonder duidelijke oorzaak; mogelijk stress.",
            "Ochtendroutine thuis loopt vast door werk en de zorg voor jongere kinderen.",
        ],
        research: &[
            "Jeugdarts ziet de leerling op het spreekuur (begeleiding bij ziekteverzuim).",
            "Geen onderzoek; gesprek met ouders en leerplicht over de ochtendroutine.",
        ],
        goals: &[
            "Het verzuim gaat terug naar minder dan twee dagen per maand.",
            "De leerling is vijf weken lang elke ochtend op tijd.",
        ],
        plan_actions: &[
            ("Verzuim wekelijks bijhouden en bespreken met moeder", Ib),
            (
                "Leerling aanmelden voor het spreekuur van de jeugdarts",
                Jvk,
            ),
            ("Ochtendplan met beloningskaart maken", Parents),
            ("Leerplicht informeren over de afspraken", Dir),
        ],
        follow_up: &[
            "Verzuim daalt: twee ziekmeldingen in zes weken.",
            "Jeugdarts heeft de leerling gezien; geen medische oorzaak gevonden.",
        ],
        outcomes: &[
            "Doel bereikt: het verzuim is normaal.",
            "Verzuim verbeterd maar nog wisselend; leerplicht blijft volgen.",
        ],
    },
    Theme {
        groepen: (1, 8),
        questions: &[
            "Hoe kunnen we de leerling steunen nu de situatie thuis onrustig is?",
            "Welke hulp hebben kind en ouders nodig rond de scheiding?",
        ],
        signalled_by: &[
            "moeder",
            "leerkracht groep {groep}",
            "schoolmaatschappelijk werker",
        ],
        signal: &[
            "Ouders gaan scheiden; de leerling vertelt in de kring over ruzie thuis.",
            "De leerling komt zonder eten en in te dunne kleding naar school.",
        ],
        worries: [
            &[
                "Is onrustig en moe, vooral na het weekend.",
                "Voelt zich verantwoordelijk voor jongere broertjes.",
            ],
            &[
                "Concentratie wisselt sterk per dag.",
                "Huiswerk wordt niet gemaakt en spullen zijn vaak kwijt.",
            ],
            &[
                "Ouders communiceren slecht met elkaar; school krijgt tegenstrijdige berichten.",
                "Het gezin heeft geldzorgen; vader is zijn baan kwijt.",
            ],
        ],
        hypotheses: &[
            "Spanning door de scheiding en onduidelijkheid over de omgangsregeling.",
            "Armoede in het gezin; basisbehoeften zijn niet altijd op orde.",
        ],
        research: &[
            "Geen onderzoek; SMW voert een gesprek met beide ouders.",
            "Jeugdconsulent bekijkt of gezinsondersteuning nodig is.",
        ],
        goals: &[
            "Beide ouders krijgen dezelfde informatie van school en maken afspraken over de overdracht.",
            "Het gezin is aangemeld bij de juiste regelingen en de leerling heeft elke dag een lunch.",
        ],
        plan_actions: &[
            ("Gesprek met beide ouders apart plannen", Smw),
            (
                "Aanvraag Jeugdfonds Sport & Cultuur samen met vader invullen",
                Smw,
            ),
            (
                "Contact leggen met het wijkteam over gezinsondersteuning",
                Jc,
            ),
            ("Afspraken over informatie aan beide ouders vastleggen", Ib),
        ],
        follow_up: &[
            "Gezinsondersteuner is gestart; ouders ervaren meer rust.",
            "Wachttijd bij het wijkteam is vier weken; SMW houdt contact met moeder.",
        ],
        outcomes: &[
            "Rust thuis en in de klas; ouders hebben goede afspraken gemaakt.",
            "Het gezin krijgt hulp via het wijkteam; school hoeft niet meer te coördineren.",
        ],
    },
    Theme {
        groepen: (1, 3),
        questions: &[
            "Hoe kunnen we de taalontwikkeling van de leerling stimuleren in de groep?",
            "Heeft de leerling extra hulp nodig bij spraak en taal?",
        ],
        signalled_by: &["leerkracht groep {groep}", "jeugdverpleegkundige", "vader"],
        signal: &[
            "De leerling is slecht verstaanbaar en spreekt in korte zinnen.",
            "Woordenschat blijft achter bij leeftijdsgenoten; begrijpt opdrachten niet altijd.",
        ],
        worries: [
            &[
                "Wordt boos als anderen {hem} niet begrijpen.",
                "Speelt vooral alleen en zegt weinig in de kring.",
            ],
            &[
                "Het kleutervolgsysteem laat een achterstand in taal zien.",
                "Begrijpt de klassikale instructie vaak niet.",
            ],
            &[
                "Thuis worden twee talen gesproken; ouders vragen welke taal ze het best kunnen spreken.",
                "Er wordt weinig voorgelezen; er zijn weinig boeken in huis.",
            ],
        ],
        hypotheses: &[
            "Mogelijk een taalontwikkelingsstoornis (TOS).",
            "Tweetalige ontwikkeling verloopt normaal, maar de Nederlandse woordenschat is nog klein.",
        ],
        research: &[
            "Logopedische screening aanvragen; bij twijfel aanmelding bij het audiologisch centrum.",
            "Geen onderzoek; eerst een woordenschatgroepje en dan opnieuw bekijken.",
        ],
        goals: &[
            "De leerling kent over acht weken de woorden van twee thema's.",
            "De leerling vertelt in de kring in zinnen van vier woorden.",
        ],
        plan_actions: &[
            ("Verwijzing logopedie bespreken met ouders", Jvk),
            ("Woordenschatgroepje drie keer per week", Teacher),
            ("Voorleestassen van de bibliotheek meegeven", Ib),
            ("Aanmelding bij het audiologisch centrum", Parents),
        ],
        follow_up: &[
            "Logopedie is gestart; de leerling is beter verstaanbaar.",
            "Woordenschatgroepje loopt; de leerling doet meer mee in de kring.",
        ],
        outcomes: &[
            "De taalontwikkeling loopt nu naar verwachting.",
            "TOS vastgesteld; ambulante begeleiding via cluster 2 is gestart.",
        ],
    },
    Theme {
        groepen: (3, 8),
        questions: &[
            "Hoe kunnen we de leerling helpen langer geconcentreerd te werken?",
            "Wat helpt de leerling om {zijn} werk te plannen en af te maken?",
        ],
        signalled_by: &[
            "leerkracht groep {groep}",
            "ouders",
            "intern begeleider na de groepsbespreking",
        ],
        signal: &[
            "De leerling is beweeglijk, roept door de klas en maakt weinig werk af.",
            "Ouders vragen of ADHD een rol speelt; thuis is {hij} ook erg druk.",
        ],
        worries: [
            &[
                "Is snel afgeleid en vergeet opdrachten halverwege.",
                "Wordt vaak aangesproken op gedrag en raakt gefrustreerd.",
            ],
            &[
                "Maakt minder dan de helft van het werk af.",
                "Werkt alleen goed met de leerkracht ernaast.",
            ],
            &[
                "Thuis veel schermtijd en laat naar bed.",
                "Ouders herkennen het beeld thuis en zoeken handvatten.",
            ],
        ],
        hypotheses: &[
            "Aandachtsproblemen; past bij een vermoeden van ADHD.",
            "Te weinig structuur en slaap verklaren een deel van het beeld.",
        ],
        research: &[
            "Ouders bespreken met de huisarts een verwijzing voor onderzoek; school levert observaties aan.",
            "Geen onderzoek; eerst zes weken werken met een weektaak en time-timer.",
        ],
        goals: &[
            "De leerling maakt met een time-timer drie van de vier taken af.",
            "De leerling werkt twee keer per dag tien minuten zelfstandig.",
        ],
        plan_actions: &[
            ("Weektaak met pictogrammen en time-timer invoeren", Teacher),
            ("Observatielijst invullen voor de huisarts", Ib),
            ("Vaste bedtijd afspreken en bijhouden", Parents),
            ("Beweegpauzes inroosteren", Teacher),
        ],
        follow_up: &[
            "Time-timer werkt; de leerling maakt meer werk af.",
            "Onderzoek bij de GGZ-aanbieder loopt; wachttijd drie maanden.",
        ],
        outcomes: &[
            "Werkhouding sterk verbeterd; de aanpak wordt in de groep voortgezet.",
            "ADHD vastgesteld; behandeling via de GGZ-aanbieder, school zet de structuur voort.",
        ],
    },
    Theme {
        groepen: (3, 8),
        questions: &[
            "Hoe zorgen we dat de leerling zich veilig voelt in de groep?",
            "Wat heeft de leerling nodig om vriendschappen te maken en te houden?",
        ],
        signalled_by: &["moeder", "leerkracht groep {groep}", "vertrouwenspersoon"],
        signal: &[
            "Moeder meldt dat {hij} wordt buitengesloten in de groepsapp.",
            "De leerling wordt op het plein uitgelachen en wil niet meer naar school.",
        ],
        worries: [
            &[
                "Voelt zich eenzaam en zegt dat niemand {hem} aardig vindt.",
                "Reageert soms onhandig in contact en wordt dan afgewezen.",
            ],
            &[
                "Het groepsklimaat is onrustig; er zijn kliekjes.",
                "Het sociogram laat zien dat de leerling nauwelijks gekozen wordt.",
            ],
            &[
                "Ouders zijn boos op school en voelen zich niet gehoord.",
                "Thuis speelt {hij} weinig met buurkinderen.",
            ],
        ],
        hypotheses: &[
            "Pestgedrag in de groep; de groepsdynamiek is eerder niet aangepakt.",
            "Sociale vaardigheden zijn nog kwetsbaar; mogelijk speelt een ontwikkelingsvraag.",
        ],
        research: &[
            "Geen onderzoek; groepsaanpak met de SMW volgens het pestprotocol.",
            "Observatie op het plein en in de klas; daarna besluiten over een training.",
        ],
        goals: &[
            "De leerling geeft in de wekelijkse check-in aan zich veilig te voelen.",
            "De leerling heeft twee vaste maatjes in de pauze.",
        ],
        plan_actions: &[
            (
                "Groepsgesprek en klassenafspraken volgens het pestprotocol",
                Teacher,
            ),
            ("Training sociale vaardigheden aanvragen", Smw),
            ("Ouders wekelijks kort bijpraten", Ib),
            ("Pleinwacht extra laten letten op de leerling", Dir),
        ],
        follow_up: &[
            "Klassenafspraken werken; er zijn minder meldingen.",
            "Training sociale vaardigheden is gestart met vijf kinderen.",
        ],
        outcomes: &[
            "De leerling voelt zich weer veilig; het pesten is gestopt.",
            "Het gaat beter in de groep; de leerling blijft kwetsbaar en de leerkracht blijft volgen.",
        ],
    },
    Theme {
        groepen: (3, 8),
        questions: &[
            "Hoe bieden we de leerling genoeg uitdaging zodat {hij} weer gemotiveerd raakt?",
            "Wat heeft de leerling nodig om te leren leren?",
        ],
        signalled_by: &["vader", "leerkracht groep {groep}", "intern begeleider"],
        signal: &[
            "De leerling verveelt zich, maakt het werk slordig en gaat storen.",
            "Toetsresultaten zijn hoog, maar de motivatie is weg.",
        ],
        worries: [
            &[
                "Is perfectionistisch en begint niet aan taken die moeilijk lijken.",
                "Voelt zich anders dan klasgenoten.",
            ],
            &[
                "Krijgt te weinig uitdaging; compacten gebeurt niet structureel.",
                "Het werk is slordig en onder niveau.",
            ],
            &[
                "Ouders vinden dat school te weinig doet.",
                "Thuis eindeloos bezig met projecten, geen zin in huiswerk.",
            ],
        ],
        hypotheses: &[
            "Onderpresteren door te weinig uitdaging.",
            "Faalangst bij een meerbegaafde leerling.",
        ],
        research: &[
            "Geen onderzoek; compacten en verrijken volgens het protocol.",
            "Consultatie met de specialist meerbegaafdheid van het samenwerkingsverband.",
        ],
        goals: &[
            "De leerling werkt drie uur per week aan een verrijkingsopdracht.",
            "De leerling durft fouten te maken en bespreekt die met de leerkracht.",
        ],
        plan_actions: &[
            (
                "Rekenen en taal compacten, verrijkingsmap klaarzetten",
                Teacher,
            ),
            ("Aanmelden voor de plusklas", Ib),
            ("Coachgesprekken over leren leren", Swv),
        ],
        follow_up: &[
            "Plusklas is gestart; de leerling is enthousiast.",
            "Compacten loopt; het werk is minder slordig.",
        ],
        outcomes: &[
            "Motivatie is terug; plusklas en verrijking lopen door.",
            "Doel bereikt; de aanpak staat in het groepsplan.",
        ],
    },
    Theme {
        groepen: (1, 8),
        questions: &[
            "Hoe zorgen we samen met ouders dat de leerling uitgerust en fit op school komt?",
            "Wat heeft de leerling nodig nu {zijn} gezondheid het leren beïnvloedt?",
        ],
        signalled_by: &["jeugdverpleegkundige", "leerkracht groep {groep}", "moeder"],
        signal: &[
            "De leerling valt regelmatig in slaap in de klas.",
            "Jeugdverpleegkundige ziet overgewicht en weinig beweging.",
        ],
        worries: [
            &[
                "Is moe, bleek en heeft weinig energie.",
                "Wordt gepest om {zijn} uiterlijk.",
            ],
            &[
                "Doet vaak niet mee met gym.",
                "De concentratie is 's middags erg laag.",
            ],
            &[
                "Onregelmatige bedtijden; de tablet ligt op de slaapkamer.",
                "Het gezin eet vaak kant-en-klaarmaaltijden.",
            ],
        ],
        hypotheses: &[
            "Slaaptekort door laat naar bed gaan.",
            "Een medische oorzaak is nog niet uitgesloten.",
        ],
        research: &[
            "Jeugdarts ziet de leerling; zo nodig verwijzing naar de huisarts.",
            "Geen onderzoek; eerst twee weken een slaapdagboek bijhouden.",
        ],
        goals: &[
            "De leerling slaapt doordeweeks minstens tien uur.",
            "De leerling doet weer mee met gym en sport één keer per week.",
        ],
        plan_actions: &[
            ("Slaapdagboek twee weken bijhouden", Parents),
            ("Afspraak bij de jeugdarts plannen", Jvk),
            ("Aanmelden bij een sportclub via de buurtsportcoach", Jvk),
        ],
        follow_up: &[
            "Het slaapdagboek laat verbetering zien.",
            "De leerling sport nu wekelijks en is fitter.",
        ],
        outcomes: &[
            "De leerling is uitgerust en doet weer mee.",
            "Huisarts heeft doorverwezen naar de kinderarts; school volgt.",
        ],
    },
    Theme {
        groepen: (1, 2),
        questions: &[
            "Hoe ondersteunen we de leerling bij zindelijkheid en zelfredzaamheid in de klas?",
            "Wat heeft de leerling nodig voor de fijne motoriek?",
        ],
        signalled_by: &["leerkracht groep {groep}", "moeder", "jeugdverpleegkundige"],
        signal: &[
            "De leerling heeft meerdere keren per week een ongelukje.",
            "Knippen, kleuren en het potlood vasthouden lukken nog niet.",
        ],
        worries: [
            &[
                "Schaamt zich na een ongelukje en trekt zich terug.",
                "Wordt snel moe bij tekenopdrachten.",
            ],
            &[
                "De leerkracht kan niet steeds weg uit de groep om te helpen.",
                "De motoriek blijft achter op het kleutervolgsysteem.",
            ],
            &[
                "Ouders hebben thuis een andere aanpak dan school.",
                "Ouders zijn onzeker en vragen om advies.",
            ],
        ],
        hypotheses: &[
            "Nog niet zindelijk door een medische oorzaak.",
            "Vertraagde motorische ontwikkeling.",
        ],
        research: &[
            "Jeugdverpleegkundige bekijkt met de huisarts of verwijzing nodig is.",
            "Screening door een kinderfysiotherapeut aanvragen.",
        ],
        goals: &[
            "De leerling gaat op vaste momenten zelf naar de wc.",
            "De leerling kan een eenvoudige vorm uitknippen.",
        ],
        plan_actions: &[
            ("Plasschema met vaste momenten invoeren", Teacher),
            ("Verwijzing kinderfysiotherapie bespreken met ouders", Jvk),
            ("Reservekleding op school afspreken", Mother),
        ],
        follow_up: &[
            "Plasschema werkt; nog één ongelukje per week.",
            "Kinderfysiotherapie is gestart.",
        ],
        outcomes: &[
            "Zindelijk en zelfredzaam in de klas.",
            "De motoriek verbetert; fysiotherapie loopt buiten school door.",
        ],
    },
];

/// Fills in the pronouns and the groep; `girl` decides zij/haar or hij/zijn/hem.
pub fn say(text: &str, girl: bool, groep: u8) -> String {
    if !text.contains('{') {
        return text.to_string();
    }
    let (hij, zijn, hem) = if girl {
        ("zij", "haar", "haar")
    } else {
        ("hij", "zijn", "hem")
    };
    text.replace("{hij}", hij)
        .replace("{Hij}", if girl { "Zij" } else { "Hij" })
        .replace("{zijn}", zijn)
        .replace("{Zijn}", if girl { "Haar" } else { "Zijn" })
        .replace("{hem}", hem)
        .replace("{groep}", &groep.to_string())
}
