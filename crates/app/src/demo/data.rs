//! The demo's people, organisations and spaces: names and texts inspired by the
//! institutions the platform is built for.

pub(super) const PEOPLE: &[(&str, &str, bool)] = &[
    ("Anna Nowak", "Kraków", true),
    ("Marek Kowalski", "Dąbrowa Górnicza", true),
    ("Ewa Wiśniewska", "Konin", false),
    ("Tomasz Wójcik", "Dąbrowa Górnicza", true),
    ("Katarzyna Kamińska", "Dąbrowa Górnicza", true),
    ("Piotr Lewandowski", "Konin", true),
    ("Agnieszka Zielińska", "Konin", false),
    ("Krzysztof Szymański", "Kraków", true),
    ("Magdalena Woźniak", "Kraków", true),
    ("Paweł Dąbrowski", "Kraków", false),
    ("Joanna Kozłowska", "Wałbrzych", true),
    ("Michał Jankowski", "Bytom", true),
    ("Barbara Mazur", "Łódź", true),
    ("Andrzej Kwiatkowski", "Konin", true),
    ("Małgorzata Krawczyk", "Dąbrowa Górnicza", true),
    ("Jakub Piotrowski", "Sosnowiec", false),
    ("Zofia Grabowska", "Kraków", true),
    ("Stanisław Pawłowski", "Turek", true),
    ("Helena Michalska", "Kraków", true),
    ("Grzegorz Król", "Wałbrzych", false),
    ("Aleksandra Wieczorek", "Gdańsk", true),
    ("Łukasz Jabłoński", "Konin", true),
    ("Natalia Wróbel", "Dąbrowa Górnicza", true),
    ("Jan Majewski", "Warszawa", true),
    ("Irena Olszewska", "Bytom", true),
];

// (name, kind, city, representative index into PEOPLE)
pub(super) const ORGS: &[(&str, &str, &str, usize)] = &[
    (
        "Gmina Dąbrowa Górnicza",
        "municipality",
        "Dąbrowa Górnicza",
        1,
    ),
    ("Miasto Konin", "municipality", "Konin", 5),
    (
        "Miejski Ośrodek Pomocy Społecznej w Koninie",
        "public_institution",
        "Konin",
        13,
    ),
    ("Stowarzyszenie Podgórze.pl", "ngo", "Kraków", 0),
    ("Fundacja Napraw to Razem", "ngo", "Dąbrowa Górnicza", 3),
    (
        "Zagłębiowska Spółdzielnia Energetyczna",
        "cooperative",
        "Dąbrowa Górnicza",
        4,
    ),
    ("Spółdzielnia Socjalna Opiekunki", "cooperative", "Konin", 6),
    ("Termo-Dom Sp. z o.o.", "company", "Konin", 21),
    ("Piekarnia Sąsiedzka s.c.", "company", "Kraków", 7),
    ("Grupa Sąsiedzka Zabłocie", "informal_group", "Kraków", 8),
    ("Klub Seniora Nowa Huta", "informal_group", "Kraków", 18),
    ("Urząd Miasta Wałbrzycha", "municipality", "Wałbrzych", 10),
    ("Urząd Miasta Bytomia", "municipality", "Bytom", 11),
    ("Fundacja Miasto Jutra", "ngo", "Łódź", 12),
    (
        "Ruch Miejski Konin dla Ludzi",
        "informal_group",
        "Konin",
        13,
    ),
    // 15
    (
        "Miejskie Przedsiębiorstwo Energetyki Cieplnej w Dąbrowie Górniczej Sp. z o.o.",
        "company",
        "Dąbrowa Górnicza",
        14,
    ),
    (
        "Zakład Stolarski Natalii Wróbel",
        "company",
        "Dąbrowa Górnicza",
        22,
    ),
    (
        "Przedsiębiorstwo Gospodarki Komunalnej w Koninie Sp. z o.o.",
        "company",
        "Konin",
        21,
    ),
    ("Stowarzyszenie Aktywni Razem Konin", "ngo", "Konin", 13),
];

pub(super) const COALITION_DECLARATION: &str = "## Po co działamy razem\n\n\
Podpisując tę deklarację współpracy, dołączamy do Koalicji dla Sąsiedztw. Chcemy, aby:\n\n\
- mieszkańcy działali na rzecz potrzeb i potencjałów swojej społeczności;\n\
- w życie sąsiedztwa włączane były osoby wykluczone i pomijane;\n\
- wspólne miejsca były otoczone troską;\n\
- powstawały nowe miejsca spotkań;\n\
- problemy były rozwiązywane wspólnie;\n\
- lokalna kultura była pielęgnowana;\n\
- sąsiedzi wspierali się nawzajem.\n\n\
## Jak działamy\n\n\
- dbamy o dobrą komunikację;\n\
- uczymy się od siebie nawzajem;\n\
- dzielimy się zasobami;\n\
- bierzemy udział w konsultacjach;\n\
- prowadzimy wspólne projekty;\n\
- stosujemy uczciwe standardy zatrudnienia;\n\
- szanujemy różnorodność;\n\
- **miasto to my**.\n";

/// A demo proposal: author (index into the people), pool, title, cost lines in złoty.
pub(super) type DemoProposal = (usize, i64, &'static str, &'static [(&'static str, i64)]);

pub(super) struct DemoSpace {
    pub(super) slug: &'static str,
    pub(super) name: &'static str,
    pub(super) kind: &'static str,
    pub(super) city: &'static str,
    pub(super) region: &'static str,
    pub(super) description: &'static str,
    pub(super) requires_approval: bool,
    pub(super) document_title: &'static str,
    pub(super) document: &'static str,
    pub(super) admin: usize,
    // (person index, organisation index or none)
    pub(super) signers: &'static [(usize, Option<usize>)],
}

pub(super) const SPACES: &[DemoSpace] = &[
    DemoSpace {
        slug: "spoldzielnia-rozwojowa-dabrowa-gornicza",
        name: "Spółdzielnia Rozwojowa Dąbrowa Górnicza",
        kind: "development_cooperative",
        city: "Dąbrowa Górnicza",
        region: "śląskie",
        description: "Hybrydowa spółdzielnia mieszkańców, gminy, organizacji i lokalnych firm. \
Wspólnie inwestujemy w **fotowoltaikę na dachach szkół**, termomodernizację bloków i punkt napraw.\n\n\
Trzy filary: *wspólna własność, współinwestowanie, współzarządzanie*.",
        requires_approval: false,
        document_title: "Statut Spółdzielni Rozwojowej Dąbrowa Górnicza",
        document: "## §1 Cel\n\nSpółdzielnia prowadzi działalność w interesie publicznym: odnawialna energia, \
termomodernizacja, rekultywacja terenów poprzemysłowych, naprawa i ponowne użycie, opieka nad seniorami i dziećmi.\n\n\
## §2 Członkowie\n\nCzłonkami mogą być osoby fizyczne i prawne. Każdy członek ma jeden głos, niezależnie od liczby udziałów.\n\n\
## §3 Udziały\n\nWartość udziału wynosi 500 zł. Członek deklaruje co najmniej jeden udział.\n",
        admin: 1,
        signers: &[(1, Some(0)), (3, Some(4)), (4, Some(5)), (14, Some(15)), (22, Some(16)), (3, None), (4, None), (14, None), (22, None), (1, None), (0, None), (5, None), (6, None), (7, None), (8, None), (9, None), (10, None), (11, None), (12, None), (13, None), (16, None), (17, None), (18, None), (20, None), (21, None), (23, None), (24, None)],
    },
    DemoSpace {
        slug: "spoldzielnia-rozwojowa-konin",
        name: "Spółdzielnia Rozwojowa Konin",
        kind: "development_cooperative",
        city: "Konin",
        region: "wielkopolskie",
        description: "Po węglu – razem. Spółdzielnia miasta, instytucji i mieszkańców Konina: \
ciepło z odnawialnych źródeł, opieka nad seniorami i praca dla kobiet wracających na rynek pracy.\n\n\
Przystąpienie wymaga zgody zarządu.",
        requires_approval: true,
        document_title: "Statut Spółdzielni Rozwojowej Konin",
        document: "## §1 Cel\n\nSpółdzielnia realizuje zadania strategiczne gminy: energia, opieka, cyfrowe kompetencje.\n\n\
## §2 Członkowie\n\nOsoby fizyczne i prawne. Zarząd rozpatruje deklarację w ciągu 30 dni.\n",
        admin: 5,
        signers: &[(5, Some(1)), (13, Some(2)), (6, Some(6)), (21, Some(7)), (21, Some(17)), (13, Some(18)), (5, None), (13, None), (21, None), (0, None), (1, None), (3, None), (4, None), (6, None), (7, None), (8, None), (9, None), (10, None), (11, None), (12, None), (14, None), (16, None), (17, None), (18, None), (20, None), (22, None), (23, None), (24, None)],
    },
    DemoSpace {
        slug: "koalicja-dla-sasiedztw",
        name: "Koalicja dla Sąsiedztw",
        kind: "coalition",
        city: "Kraków",
        region: "małopolskie",
        description: "Koalicja mieszkańców, organizacji i instytucji Krakowa, które chcą dbać o swoje sąsiedztwa. \
Dołącza się, podpisując **deklarację współpracy** — we własnym imieniu albo w imieniu organizacji.",
        requires_approval: false,
        document_title: "Deklaracja współpracy Koalicji dla Sąsiedztw",
        document: COALITION_DECLARATION,
        admin: 0,
        signers: &[(0, Some(3)), (7, Some(8)), (8, Some(9)), (18, Some(10)), (0, None), (7, None), (8, None), (9, None), (16, None), (18, None)],
    },
    DemoSpace {
        slug: "siec-miast-poprzemyslowych",
        name: "Sieć Miast Poprzemysłowych",
        kind: "city_network",
        city: "",
        region: "Polska",
        description: "Gminy, organizacje i instytucje miast po przemyśle i górnictwie dzielą się wiedzą: \
wizyty studyjne, konsultacje online, grupy robocze i wspólne projekty.",
        requires_approval: false,
        document_title: "Porozumienie o współpracy Sieci Miast Poprzemysłowych",
        document: "Sygnatariusze wymieniają się doświadczeniami transformacji, organizują wizyty studyjne \
i wspólnie występują o środki na projekty.\n",
        admin: 10,
        signers: &[(1, Some(0)), (5, Some(1)), (10, Some(11)), (11, Some(12)), (10, None), (11, None), (24, None)],
    },
    DemoSpace {
        slug: "kongres-ruchow-miejskich",
        name: "Kongres Ruchów Miejskich",
        kind: "movement",
        city: "",
        region: "Polska",
        description: "Ogólnopolskie centrum lokalnych ruchów: kongresy z debatami i warsztatami, \
mikrogranty, wspólna baza wiedzy prawnej i organizacyjnej, rzecznictwo i miasta odporne na kryzysy.",
        requires_approval: false,
        document_title: "Deklaracja Kongresu Ruchów Miejskich",
        document: "Miasto jest dobrem wspólnym. Działamy jawnie, oddolnie i solidarnie.\n",
        admin: 23,
        signers: &[(12, Some(13)), (13, Some(14)), (0, Some(3)), (23, None), (12, None), (20, None), (17, None), (19, None)],
    },
];
