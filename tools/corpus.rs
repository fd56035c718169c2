//! The benchmark corpus: realistic articles in the sentence shapes of
//! `seeds/`, with actors and places from the dictionaries. Shared by the
//! `gencorpus` example, the extraction benchmarks (`benches/extract.rs`) and
//! the tests that compare `ingest` with `extract --articles | load`.

use chronicle::dict::{ActorKind, Dictionaries, PlaceKind};
use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::Path;

/// splitmix64: tiny, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn pick_str<'a, T: AsRef<str>>(&mut self, items: &'a [T]) -> &'a str {
        self.pick(items).as_ref()
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Names to fill the slots, dictionaries first; the fallbacks keep the corpus
/// varied while the dictionaries are small (the extractor treats unknown
/// capitalised names as unknown actors, as it would in real news).
struct Names {
    people: Vec<(String, String)>,
    countries: Vec<(String, String)>,
    cities: Vec<String>,
    orgs: Vec<String>,
}

const FALLBACK_PEOPLE: &[(&str, &str)] = &[
    ("John Kerry", "Secretary of State"),
    ("Walid al-Moallem", "Foreign Minister"),
    ("Lakhdar Brahimi", "special envoy"),
    ("Ban Ki-moon", "Secretary-General"),
    ("Mikhail Bogdanov", "Deputy Foreign Minister"),
    ("Ahmed Moaz al-Khatib", "opposition leader"),
    ("Kamel Amr", "Foreign Minister"),
    ("Ahmet Davutoglu", "Foreign Minister"),
    ("Laurent Fabius", "Foreign Minister"),
    ("William Hague", "Foreign Secretary"),
    ("Mohammad Javad Zarif", "Foreign Minister"),
    ("Staffan de Mistura", "special envoy"),
    ("Badr Jamous", "Secretary General"),
    ("Nabil Elaraby", "Secretary General"),
    ("Wang Yi", "Foreign Minister"),
    ("Frank-Walter Steinmeier", "Foreign Minister"),
];
const FALLBACK_COUNTRIES: &[(&str, &str)] = &[
    ("Syria", "Syrian"),
    ("Russia", "Russian"),
    ("Iran", "Iranian"),
    ("Turkey", "Turkish"),
    ("Egypt", "Egyptian"),
    ("Lebanon", "Lebanese"),
    ("Jordan", "Jordanian"),
    ("France", "French"),
    ("China", "Chinese"),
    ("Iraq", "Iraqi"),
    ("Qatar", "Qatari"),
    ("Germany", "German"),
];
const FALLBACK_CITIES: &[&str] = &[
    "Geneva", "Moscow", "Damascus", "Cairo", "Istanbul", "Tehran", "Beirut", "Amman", "Paris", "Vienna", "Aleppo",
    "Homs", "Ankara", "Doha", "Beijing", "Berlin", "Astana", "Riyadh",
];
const FALLBACK_ORGS: &[&str] = &[
    "the Syrian National Coalition",
    "the Arab League",
    "the United Nations",
    "the Red Cross",
    "the Syrian Observatory for Human Rights",
    "the European Union",
];

impl Names {
    fn new(dict: &Dictionaries) -> Names {
        let mut people: Vec<(String, String)> = dict
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| {
                (a.name.clone(), a.roles.first().map(|r| title_case(&r.title)).unwrap_or_else(|| "official".into()))
            })
            .collect();
        let mut countries: Vec<(String, String)> = dict
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Country && !p.adjectives.is_empty())
            .map(|p| (p.name.clone(), p.adjectives[0].clone()))
            .collect();
        let mut cities: Vec<String> =
            dict.places.iter().filter(|p| p.kind == PlaceKind::City).map(|p| p.name.clone()).collect();
        let mut orgs: Vec<String> = dict
            .actors
            .iter()
            .filter(|a| matches!(a.kind, ActorKind::Organisation | ActorKind::ArmedGroup))
            .map(|a| format!("the {}", a.name))
            .collect();
        let add = |v: &mut Vec<String>, more: &[&str]| {
            for m in more {
                if !v.iter().any(|x| x == m) {
                    v.push(m.to_string());
                }
            }
        };
        for (n, t) in FALLBACK_PEOPLE {
            if !people.iter().any(|(x, _)| x == n) {
                people.push((n.to_string(), t.to_string()));
            }
        }
        for (n, a) in FALLBACK_COUNTRIES {
            if !countries.iter().any(|(x, _)| x == n) {
                countries.push((n.to_string(), a.to_string()));
            }
        }
        add(&mut cities, FALLBACK_CITIES);
        add(&mut orgs, FALLBACK_ORGS);
        Names { people, countries, cities, orgs }
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Sentence shapes from the seed articles. Slots: {P} {P2} a person (full
/// name), {L} {L2} a surname, {T} the first person's title, {C} {C2} a
/// country, {A} {A2} its adjective, {X} a city, {O} an organisation, {D} a
/// weekday, {M} a month name, {N} a day of the month, {K} a count, {Q} a
/// large number, {Y} a year.
const TALKS: &[&str] = &[
    "A {A} government delegation is due to meet officials in {X} on {D} to discuss an international peace conference, a {A2} diplomatic source said.",
    "The {A} delegation may meet {T} {P} on {D}, the source said.",
    "In a conversation on {D} with {P2}, {L} voiced hope that a preparatory meeting in {X} on {M} {N} would \"resolve all remaining questions\".",
    "{T} {P} met his {A} counterpart {P2} in {X} on {D} to discuss the crisis.",
    "{L} and {L2} held talks in {X} on {M} {N}, the ministry said.",
    "{P} spoke by telephone with {P2} on {D} in what officials said was their first conversation in at least two years.",
    "The talks in {X} on {M} {N}, {Y} are the first direct negotiations between the two sides.",
    "In a joint press conference held for {L} and his {A} counterpart, {P2}, the two ministers urged a ceasefire.",
    "Opposition leaders will attend the {M} {N} conference in {X}, {L} confirmed {D}.",
    "{O} agreed {D} to attend the conference but said there could be no role for President Bashar Assad in {C}'s future.",
];
const VISITS: &[&str] = &[
    "{A} Foreign Minister {P} said during his visit to {X} {D} he had turned over the proposals in preparation for next week's peace talks.",
    "{P} arrived in {X} on {D} for a two-day visit, the {A} embassy said.",
    "Speaking after a trip to a refugee camp in {C}, {T} {P} told reporters the people need peace.",
    "{L} will travel to {X} next week, {O} said.",
    "{P} visited {X} on {M} {N} and met local officials.",
    "The coalition was considering an invitation to visit {X} next week, {O} reported.",
];
const STATEMENTS: &[&str] = &[
    "\"We actively encouraged the {A} leadership to put into action its declared readiness for dialogue,\" {L} told reporters on {D}.",
    "{T} {P} has said the talks are the \"best opportunity for the opposition to achieve the goals of the {A} people.\"",
    "\"As I already confirmed yesterday, the delegation will go to {X}, as we believe that a peace settlement is the only way out,\" said {L}.",
    "{L} said {D} that {C} \"is ready to participate in a positive way\" in negotiations.",
    "\"The invitation has been handed over,\" {L2} said on {D}.",
    "{P} said on {D} that {C2} was \"not out of options\" to pressure the government.",
];
const TOLLS: &[&str] = &[
    "Rocket fire in {A} border towns killed {K} people on {D}.",
    "The civil war has killed more than {Q} people since {M} {Y}, according to {O}.",
    "At least {K} people were killed in clashes near {X} on {D}, {O} said.",
    "A car bomb in {X} killed {K} civilians and wounded dozens on {M} {N}.",
    "The fighting in {C}'s northwest has left nearly {Q} people dead, {O} reported.",
];
const FILLER: &[&str] = &[
    "Global powers have disagreed over whether {C}, the government's main regional backer, should be invited.",
    "No date has been set but diplomatic efforts to hold the talks have intensified in recent weeks.",
    "{C} has been the government's most powerful backer during the conflict, sending arms and blocking Western efforts.",
    "The {A} Foreign Ministry declined to comment on what would be the first known visit by the coalition.",
    "The government considers all rebel forces to be terrorists, and has tried to shift the focus of the proposed talks.",
    "Aid agencies say {Q} refugees have crossed into {C2} since {M}.",
    "Prices of bread and fuel in {X} rose {K} percent last month, residents said.",
    "Diplomats in {X} said the U.S. and {C} remain far apart on the question of a transitional government.",
];
const SOURCES: &[&str] =
    &["VOA", "The Moscow Times", "RIA Novosti", "CNN", "pressenza", "Reuters", "AFP", "Al Jazeera"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT: &[&str] =
    &["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const COMMENTERS: &[&str] = &["banasy", "Mary", "saywhat", "Rascal Rabble", "Observer", "Peter"];
const COMMENTS: &[&str] = &[
    "I have one name. Stop projecting. Thanks.",
    "This move is the smartest move ever to defuse the crisis.",
    "Trust me, both of them are laughing right now.",
    "If the proposal is well received then war would become a harder sell.",
    "Still stumped by the function of the reply button?",
];

fn fill(out: &mut String, shape: &str, rng: &mut Rng, n: &Names, year: i32) {
    let p = rng.pick(&n.people);
    let mut p2 = rng.pick(&n.people);
    if p2.0 == p.0 {
        p2 = rng.pick(&n.people);
    }
    let c = rng.pick(&n.countries);
    let c2 = rng.pick(&n.countries);
    let surname = |full: &str| full.rsplit(' ').next().unwrap_or(full).to_string();
    let mut rest = shape;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("a closed slot");
        match &rest[open + 1..close] {
            "P" => out.push_str(&p.0),
            "P2" => out.push_str(&p2.0),
            "L" => out.push_str(&surname(&p.0)),
            "L2" => out.push_str(&surname(&p2.0)),
            "T" => out.push_str(&p.1),
            "C" => out.push_str(&c.0),
            "C2" => out.push_str(&c2.0),
            "A" => out.push_str(&c.1),
            "A2" => out.push_str(&c2.1),
            "X" => out.push_str(rng.pick_str(&n.cities)),
            "O" => out.push_str(rng.pick_str(&n.orgs)),
            "D" => out.push_str(rng.pick_str(WEEKDAYS)),
            "M" => out.push_str(if rng.chance(50) { rng.pick_str(MONTHS) } else { rng.pick_str(MONTHS_SHORT) }),
            "N" => {
                let _ = write!(out, "{}", 1 + rng.below(28));
            }
            "K" => {
                let k = 2 + rng.below(200);
                let _ = write!(out, "{k}");
            }
            "Q" => {
                let q = (1 + rng.below(200)) * 1000;
                let _ = write!(out, "{},{:03}", q / 1000, q % 1000);
            }
            "Y" => {
                let _ = write!(out, "{}", year - rng.below(2) as i32);
            }
            other => panic!("unknown slot {other}"),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

/// One article: (text, published date, source).
fn article(rng: &mut Rng, names: &Names) -> (String, String, &'static str) {
    let year = 2010 + rng.below(10) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let published = format!("{year:04}-{month:02}-{day:02}");
    let source = *rng.pick(SOURCES);
    let mut text = String::with_capacity(4096);
    if rng.chance(30) {
        text.push_str(&format!("Support {source}!\n\n"));
    }
    if rng.chance(20) {
        text.push_str(&format!(
            "{} {day}, {year}\n{:02}:{:02} AM ET\n\n",
            MONTHS[month - 1],
            1 + rng.below(11),
            rng.below(60)
        ));
    }
    let headline = rng.pick(TALKS);
    let mut title = String::new();
    fill(&mut title, headline, rng, names, year);
    let title = title.split([',', '.']).next().unwrap_or("").trim().to_string();
    text.push_str(&title);
    text.push_str("\n\n");
    let body_start = text.len();
    let sentences = 8 + rng.below(18);
    let one_per_line = rng.chance(50);
    for i in 0..sentences {
        let group = match rng.below(100) {
            0..=27 => TALKS,
            28..=42 => VISITS,
            43..=62 => STATEMENTS,
            63..=74 => TOLLS,
            _ => FILLER,
        };
        let shape = *rng.pick(group);
        let start = text.len();
        fill(&mut text, shape, rng, names, year);
        if let Some(first) = text.get_mut(start..start + 1) {
            first.make_ascii_uppercase();
        }
        let end_par = one_per_line || i % 2 == 1 || i + 1 == sentences;
        text.push_str(if end_par {
            if one_per_line {
                "\n"
            } else {
                "\n\n"
            }
        } else {
            " "
        });
    }
    if rng.chance(5) {
        let body = text[body_start..].to_string();
        text.push('\n');
        text.push_str(&body);
    }
    if rng.chance(25) {
        text.push_str("\nRead more...\n");
    }
    if rng.chance(15) {
        let n = 1 + rng.below(6);
        text.push_str(&format!("\nFiled under: {} • World\nsoundoff ({} Responses)\n", names.countries[0].0, n * 7));
        for i in 1..=n {
            let _ = write!(
                text,
                "  {i}. {}\n\n    {}\n\n    {} {day}, {year} at {}:{:02} pm | Report abuse |\n",
                rng.pick(COMMENTERS),
                rng.pick(COMMENTS),
                MONTHS[month - 1],
                1 + rng.below(11),
                rng.below(60)
            );
        }
    }
    (text, published, source)
}

/// A seeded stream of generated articles: the same seed gives the same articles.
pub struct Corpus {
    rng: Rng,
    names: Names,
}

/// One generated article.
pub struct Generated {
    pub text: String,
    /// YYYY-MM-DD
    pub published: String,
    pub source: &'static str,
}

impl Corpus {
    pub fn new(dict: &Dictionaries, seed: u64) -> Corpus {
        Corpus { rng: Rng(seed), names: Names::new(dict) }
    }

    pub fn article(&mut self) -> Generated {
        let (text, published, source) = article(&mut self.rng, &self.names);
        Generated { text, published, source }
    }

    /// Writes the next articles, numbered `ids` (named `gen-NNNNNNN`), to
    /// `out`: a `.jsonl` path gets one `{"id","text","published","source"}`
    /// record per line, any other path becomes a folder of `.txt` files with
    /// an `index.tsv` (file, published, source). Returns the bytes of text.
    /// (`gencorpus` and the tests that compare ingest with load use it; the
    /// extraction benchmarks do not.)
    #[allow(dead_code)]
    pub fn write(&mut self, ids: std::ops::Range<usize>, out: &Path) -> std::io::Result<usize> {
        let mut bytes = 0;
        if out.extension().is_some_and(|e| e == "jsonl") {
            let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
            for i in ids {
                let Generated { text, published, source } = self.article();
                bytes += text.len();
                let record = serde_json::json!({
                    "id": format!("gen-{i:07}"), "text": text, "published": published, "source": source,
                });
                serde_json::to_writer(&mut w, &record)?;
                w.write_all(b"\n")?;
            }
            w.flush()?;
        } else {
            std::fs::create_dir_all(out)?;
            let mut index = BufWriter::new(std::fs::File::create(out.join("index.tsv"))?);
            writeln!(index, "file\tpublished\tsource")?;
            for i in ids {
                let Generated { text, published, source } = self.article();
                bytes += text.len();
                let name = format!("gen-{i:07}.txt");
                std::fs::write(out.join(&name), &text)?;
                writeln!(index, "{name}\t{published}\t{source}")?;
            }
            index.flush()?;
        }
        Ok(bytes)
    }
}
