//! Fictional names of a mixed Dutch school. Any likeness to a real pupil is chance.

use super::rng::Rng;

/// Names that belong together: a family's last names and the first names it gives.
pub struct Origin {
    pub weight: u32,
    pub girls: &'static [&'static str],
    pub boys: &'static [&'static str],
    /// "prefix|last", and "masculine/feminine" where the last name follows the gender.
    pub last: &'static [&'static str],
}

pub const ORIGINS: &[Origin] = &[
    // Dutch
    Origin {
        weight: 52,
        girls: &[
            "Sanne", "Emma", "Julia", "Tess", "Zoë", "Noor", "Fleur", "Lotte", "Evi", "Saar",
            "Mila", "Nina", "Liv", "Fenna", "Isa", "Roos", "Anna", "Lieke", "Maud", "Renée",
            "Chloë", "Noëlle", "Hannah", "Femke", "Jasmijn", "Floor", "Lise", "Daphne",
        ],
        boys: &[
            "Daan", "Sem", "Lucas", "Finn", "Levi", "Bram", "Jesse", "Thijs", "Luuk", "Milan",
            "Noah", "Ruben", "Stijn", "Jens", "Joep", "Teun", "Mees", "Siem", "Gijs", "Olivier",
            "Jurre", "Niels", "Sven", "Boaz", "Daniël", "Joël", "Raphaël", "Tijn",
        ],
        last: &[
            "de|Vries",
            "van|Dijk",
            "|Jansen",
            "|Bakker",
            "|Visser",
            "|Smit",
            "|Meijer",
            "de|Boer",
            "|Mulder",
            "de|Groot",
            "|Bos",
            "|Vos",
            "|Peters",
            "|Hendriks",
            "van|Leeuwen",
            "|Dekker",
            "|Brouwer",
            "de|Wit",
            "|Dijkstra",
            "|Smits",
            "de|Graaf",
            "van der|Meer",
            "van der|Linden",
            "|Kok",
            "|Jacobs",
            "de|Haan",
            "|Vermeulen",
            "van den|Heuvel",
            "van der|Veen",
            "van den|Broek",
            "de|Bruijn",
            "|Schouten",
            "van|Beek",
            "|Hoekstra",
            "|Koster",
            "|Prins",
            "|Huisman",
            "|Kuijpers",
            "van|Wijk",
            "|Veenstra",
            "ter|Horst",
            "|Brinkman",
            "|Timmermans",
            "|Groenewegen",
            "|Postma",
            "van 't|Hof",
            "|Scholten",
            "|Verbeek",
        ],
    },
    // Turkish
    Origin {
        weight: 12,
        girls: &[
            "Elif", "Zeynep", "Ecem", "Büşra", "Nisa", "Defne", "Ela", "Ayşe", "Esma", "Hümeyra",
            "Melis", "İlayda", "Yağmur", "Nehir",
        ],
        boys: &[
            "Emir", "Yusuf", "Mert", "Çağan", "Kerem", "Ömer", "Eymen", "Arda", "Barış", "Efe",
            "Burak", "Göktuğ", "Mustafa", "Alperen",
        ],
        last: &[
            "|Yılmaz",
            "|Kaya",
            "|Demir",
            "|Çelik",
            "|Şahin",
            "|Yıldız",
            "|Öztürk",
            "|Aydın",
            "|Özdemir",
            "|Arslan",
            "|Doğan",
            "|Kılıç",
            "|Aslan",
            "|Koç",
            "|Kurt",
            "|Güneş",
            "|Bulut",
            "|Aksoy",
            "|Polat",
            "|Erdem",
        ],
    },
    // Moroccan
    Origin {
        weight: 12,
        girls: &[
            "Aya", "Salma", "Yasmina", "Hiba", "Imane", "Khadija", "Rania", "Soumaya", "Ikram",
            "Malak", "Lina", "Dounia", "Nour", "Sara",
        ],
        boys: &[
            "Mohamed", "Adam", "Ayoub", "Bilal", "Anas", "Ilias", "Yassin", "Zakaria", "Hamza",
            "Amine", "Soufiane", "Rayan", "Imran", "Younes",
        ],
        last: &[
            "|El Amrani",
            "|El Idrissi",
            "|Benali",
            "|Bouzid",
            "|Azzouzi",
            "|Tahiri",
            "|El Ouardi",
            "|Boukhari",
            "|Ziani",
            "|Aït Taleb",
            "|El Bakkali",
            "|Haddouchi",
            "|Lamrani",
            "|Bouchtaoui",
            "|Ouahabi",
        ],
    },
    // Surinamese
    Origin {
        weight: 6,
        girls: &[
            "Shanaya", "Giovanna", "Kiara", "Anjali", "Priya", "Shalini", "Romeesa", "Naomi",
        ],
        boys: &[
            "Jayden", "Darnell", "Giovanni", "Rishi", "Vikash", "Damian", "Jermaine", "Ravi",
        ],
        last: &[
            "|Pinas",
            "|Sitaldin",
            "|Ramdin",
            "|Bhagwandin",
            "|Kartosen",
            "|Mangroe",
            "|Biharie",
            "|Wijngaarde",
            "|Zeefuik",
            "|Sewnath",
            "|Karsowidjojo",
        ],
    },
    // Polish
    Origin {
        weight: 5,
        girls: &[
            "Zofia", "Maja", "Zuzanna", "Wiktoria", "Łucja", "Hanna", "Oliwia", "Alicja",
        ],
        boys: &[
            "Jakub",
            "Antoni",
            "Szymon",
            "Franciszek",
            "Kacper",
            "Mikołaj",
            "Filip",
            "Wojciech",
        ],
        last: &[
            "|Wiśniewski/Wiśniewska",
            "|Kowalski/Kowalska",
            "|Nowak",
            "|Wójcik",
            "|Kamiński/Kamińska",
            "|Lewandowski/Lewandowska",
            "|Zieliński/Zielińska",
            "|Szymański/Szymańska",
            "|Dąbrowski/Dąbrowska",
            "|Mazur",
            "|Kozłowski/Kozłowska",
        ],
    },
    // Syrian
    Origin {
        weight: 4,
        girls: &["Rahaf", "Lama", "Sidra", "Judy", "Tasnim", "Rama", "Lana"],
        boys: &[
            "Omar", "Ahmad", "Karam", "Yamen", "Hadi", "Majd", "Taim", "Ammar",
        ],
        last: &[
            "|Al-Hassan",
            "|Alkhatib",
            "|Haddad",
            "|Al Masri",
            "|Darwish",
            "|Al-Ahmad",
            "|Sabbagh",
            "|Kassem",
            "|Hamdan",
        ],
    },
    // Antillean and Aruban
    Origin {
        weight: 2,
        girls: &["Shurensly", "Naïsha", "Jolaine", "Gianina"],
        boys: &["Jurgen", "Shaquille", "Giandro", "Rudsel"],
        last: &[
            "|Martina", "|Isenia", "|Cijntje", "|Statia", "|Croes", "|Rosaria",
        ],
    },
    // Eritrean
    Origin {
        weight: 2,
        girls: &["Selam", "Semhar", "Luwam", "Helen"],
        boys: &["Yonas", "Robel", "Filmon", "Samuel"],
        last: &["|Tesfay", "|Ghebremedhin", "|Kidane", "|Haile", "|Tekle"],
    },
    // Ukrainian
    Origin {
        weight: 2,
        girls: &["Sofiia", "Anastasiia", "Yaroslava", "Polina"],
        boys: &["Maksym", "Artem", "Bohdan", "Danylo"],
        last: &[
            "|Kovalenko",
            "|Bondarenko",
            "|Shevchenko",
            "|Tkachenko",
            "|Melnyk",
        ],
    },
    // Vietnamese and Chinese
    Origin {
        weight: 1,
        girls: &["Linh", "Mai", "Yiling", "Xinyi"],
        boys: &["Minh", "Bao", "Haoran", "Jun"],
        last: &["|Nguyễn", "|Trần", "|Lê", "|Chen", "|Wang", "|Lin"],
    },
    // Portuguese and Cape Verdean
    Origin {
        weight: 1,
        girls: &["Inês", "Beatriz", "Leonor"],
        boys: &["João", "Tomás", "Rodrigo"],
        last: &["|Gonçalves", "|Lopes", "|Fernandes", "|Tavares"],
    },
    // Hungarian and German
    Origin {
        weight: 1,
        girls: &["Réka", "Lea", "Jülide"],
        boys: &["Bence", "Jonas", "Levente"],
        last: &["|Kovács", "|Nagy", "|Müller", "|Schäfer"],
    },
];

pub struct Name {
    pub first: String,
    pub prefix: String,
    pub last: String,
}

pub fn pupil_name(rng: &mut Rng, girl: bool) -> Name {
    let weights: Vec<u32> = ORIGINS.iter().map(|o| o.weight).collect();
    let family = &ORIGINS[rng.weighted(&weights)];
    // Mixed families: one in twelve first names comes from another origin.
    let given = if rng.chance(1.0 / 12.0) {
        &ORIGINS[rng.weighted(&weights)]
    } else {
        family
    };
    let first = if girl {
        rng.pick(given.girls)
    } else {
        rng.pick(given.boys)
    };
    let (prefix, last) = rng.pick(family.last).split_once('|').unwrap_or(("", ""));
    let last = match last.split_once('/') {
        Some((masculine, feminine)) => {
            if girl {
                feminine
            } else {
                masculine
            }
        }
        None => last,
    };
    Name {
        first: first.to_string(),
        prefix: prefix.to_string(),
        last: last.to_string(),
    }
}

const JUF: &[&str] = &[
    "Anouk",
    "Esra",
    "Priscilla",
    "Kim",
    "Naima",
    "Ilse",
    "Lotte",
    "Marloes",
    "Femke",
    "Gülşen",
    "Wendy",
    "Sophie",
    "Hanneke",
    "Yvonne",
    "Saskia",
    "Maartje",
    "Nadia",
    "Jolien",
    "Eline",
    "Merel",
    "Agnieszka",
    "Ingeborg",
];
const MEESTER: &[&str] = &[
    "Daan", "Bram", "Jeroen", "Youssef", "Sander", "Mehmet", "Rik", "Tim", "Kees", "Wouter",
];

/// How the administration names the leerkracht of each class: "juf Anouk", "meester Daan",
/// and for a duobaan both. Unique names while the pool lasts, then an initial to tell them apart.
pub fn teachers(rng: &mut Rng, count: usize) -> Vec<String> {
    let mut pool: Vec<String> = JUF
        .iter()
        .map(|n| format!("juf {n}"))
        .chain(MEESTER.iter().map(|n| format!("meester {n}")))
        .collect();
    rng.shuffle(&mut pool);
    let mut names = Vec::with_capacity(count);
    let mut spare = pool.len().saturating_sub(count);
    let mut next = 0;
    for _ in 0..count {
        if next + 1 < pool.len() && spare > 0 && rng.chance(0.2) {
            names.push(format!("{} en {}", pool[next], pool[next + 1]));
            next += 2;
            spare -= 1;
        } else if next < pool.len() {
            names.push(pool[next].clone());
            next += 1;
        } else {
            let initial = (b'A' + rng.below(26) as u8) as char;
            names.push(format!("{} {initial}.", rng.pick(&pool)));
        }
    }
    names
}

/// The OT, in the order their ids are given: the intern begeleider first, as chair.
/// The first schoolmaatschappelijk werker left after a year; her old actions keep her name.
pub const TEAM: &[(&str, crate::domain::Role, bool)] = {
    use crate::domain::Role::*;
    &[
        ("Marieke van den Berg", InternBegeleider, true),
        ("Erik Hoekstra", Directeur, true),
        ("Fatma Özkan", Jeugdconsulent, true),
        ("Ingrid Kuipers", SchoolmaatschappelijkWerker, false),
        ("Rachid Amezian", SchoolmaatschappelijkWerker, true),
        ("Anneke Wolters", Jeugdverpleegkundige, true),
        ("Dewi Sastrowardojo", OnderwijszorgGeneralist, true),
        ("Tomasz Zawadzki", ConsultantSwv, true),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_last_names_follow_gender() {
        let mut rng = Rng::new(3);
        for _ in 0..5000 {
            let name = pupil_name(&mut rng, true);
            assert!(!name.last.ends_with("ski"), "{}", name.last);
            assert!(!name.last.contains('/') && !name.last.contains('|'));
        }
    }

    #[test]
    fn teachers_are_unique_while_the_pool_lasts() {
        let names = teachers(&mut Rng::new(1), 16);
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 16);
        assert!(
            names
                .iter()
                .all(|n| n.starts_with("juf ") || n.starts_with("meester "))
        );
        assert_eq!(teachers(&mut Rng::new(1), 400).len(), 400);
    }
}
