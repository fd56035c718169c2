//! World knowledge kept as data: the gazetteer of cities and regions
//! (`gazetteer.tsv`) and the given names with their usual gender
//! (`given_names.tsv`).
//!
//! Both files are large and most runs never ask them anything, so start-up
//! does not parse them: it keeps the compiled-in text (and checks a user's
//! overlay file, so that a bad row is still reported as `FILE:LINE` before any
//! work starts). The first lookup parses the rows into entries that borrow
//! their words from the text, and sorts a table of name hashes: no string is
//! copied or lower-cased.

use std::sync::{Arc, OnceLock};

use super::table::{data_lines, fields, fold_hash, items, short_hash};
use super::{DictError, Source};

/// The text of one layer of a lazily read file: the built-in one, or a user's.
#[derive(Clone, Debug)]
struct Layer {
    name: String,
    /// A user's file is leaked once, so that entries can borrow from it like
    /// from the built-in text: dictionaries live as long as the process.
    text: &'static str,
}

/// The built-in text and a user's file of the same name, the latter checked row by row.
fn layers(
    file: &str,
    builtin: &'static str,
    user: Option<Source>,
    check: impl Fn(&str, usize, &[&'static str]) -> Result<(), DictError>,
) -> Result<Vec<Layer>, DictError> {
    let mut layers = vec![Layer { name: format!("data/{file}"), text: builtin }];
    if let Some(src) = user {
        let text: &'static str = Box::leak(src.text.into_boxed_str());
        for (line, text) in data_lines(text) {
            let (f, n) = fields::<8>(text);
            check(&src.name, line, &f[..n])?;
        }
        layers.push(Layer { name: src.name, text });
    }
    Ok(layers)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GazetteerKind {
    City,
    /// A first-level division: region, province, governorate, oblast, state.
    Region,
}

impl std::str::FromStr for GazetteerKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "city" => Ok(GazetteerKind::City),
            "region" => Ok(GazetteerKind::Region),
            other => Err(format!("unknown gazetteer kind '{other}' (expected city or region)")),
        }
    }
}

/// A city or region of the world gazetteer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GazetteerEntry {
    pub name: &'static str,
    pub kind: GazetteerKind,
    /// The canonical country name, as in `places.tsv`.
    pub country: &'static str,
    pub population: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The `|`-separated other spellings, as written in the file.
    aliases: &'static str,
}

impl GazetteerEntry {
    /// The other spellings of the place.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        items(self.aliases)
    }

    /// Whether `name` is the entry's name or one of its aliases, in any ASCII case.
    fn is_called(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name) || self.aliases().any(|a| a.eq_ignore_ascii_case(name))
    }
}

fn parse_population(src: &str, line: usize, field: Option<&&str>) -> Result<Option<u64>, DictError> {
    match field.copied().filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| DictError {
            file: src.to_string(),
            line,
            message: format!("bad population '{s}' (expected a whole number)"),
        }),
    }
}

/// Decimal degrees as the converter writes them ("-12.345"), read without the
/// general float parser (a third of the gazetteer's first-lookup time); other
/// spellings ("1e1", "12.") go to `str::parse`.
fn fast_decimal(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    let (mut value, mut whole, mut fraction, mut point) = (0u64, 0usize, 0usize, false);
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                value = value * 10 + u64::from(b - b'0');
                if point {
                    fraction += 1;
                } else {
                    whole += 1;
                }
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if whole == 0 || whole > 3 || fraction > 6 || point && fraction == 0 {
        return None;
    }
    let scaled = value as f64 / [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6][fraction];
    Some(if negative { -scaled } else { scaled })
}

fn parse_coordinate(src: &str, line: usize, field: Option<&&str>) -> Result<Option<f64>, DictError> {
    match field.copied().filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => fast_decimal(s).or_else(|| s.parse().ok()).map(Some).ok_or_else(|| DictError {
            file: src.to_string(),
            line,
            message: format!("bad coordinate '{s}'"),
        }),
    }
}

/// One row of `gazetteer.tsv`: `name`, `kind`, `country`, `population`, `lat`, `lon`, `aliases`.
fn gazetteer_row(file: &str, line: usize, f: &[&'static str]) -> Result<GazetteerEntry, DictError> {
    let error = |message: String| DictError { file: file.to_string(), line, message };
    let field = |i: usize, column: &str| match f.get(i) {
        Some(v) if !v.is_empty() => Ok(*v),
        _ => Err(error(format!("missing column {} ({column})", i + 1))),
    };
    let name = field(0, "name")?;
    let kind = field(1, "kind")?.parse().map_err(error)?;
    let country = field(2, "country")?;
    let lat = parse_coordinate(file, line, f.get(4))?;
    let lon = parse_coordinate(file, line, f.get(5))?;
    if lat.is_some() != lon.is_some() {
        return Err(error("a coordinate without the other: give both lat and lon, or neither".into()));
    }
    Ok(GazetteerEntry {
        name,
        kind,
        country,
        population: parse_population(file, line, f.get(3))?,
        lat,
        lon,
        aliases: f.get(6).copied().unwrap_or(""),
    })
}

/// Cities and first-level regions of the world, from `gazetteer.tsv`.
#[derive(Debug)]
pub struct Gazetteer {
    layers: Vec<Layer>,
    /// The built-in file alone, without a user's: its table was built with
    /// the program (`build.rs`), and `index` stays empty.
    prebuilt: bool,
    index: OnceLock<GazetteerIndex>,
}

/// The built-in gazetteer's table (see `table::gazetteer_table`).
static PREBUILT_ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_rows.bin"));
static PREBUILT_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_names.bin"));

/// The built-in text's row `row` of the prebuilt table, parsed (every
/// built-in row parses: a test checks them, so no line number is kept).
fn prebuilt_entry(text: &'static str, row: usize) -> Option<GazetteerEntry> {
    let offset = u32::from_le_bytes(PREBUILT_ROWS[row * 4..row * 4 + 4].try_into().unwrap()) as usize;
    let rest = &text[offset..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let text = rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]);
    let (f, n) = fields::<7>(text);
    gazetteer_row("data/gazetteer.tsv", 0, &f[..n]).ok()
}

/// The rows of the prebuilt table whose names hash like `name`, in row order.
fn prebuilt_candidates(name: &str) -> impl Iterator<Item = usize> {
    let hash = short_hash(name);
    let at = |i: usize| u32::from_le_bytes(PREBUILT_NAMES[i * 8..i * 8 + 4].try_into().unwrap());
    let (mut low, mut high) = (0, PREBUILT_NAMES.len() / 8);
    while low < high {
        let mid = (low + high) / 2;
        if at(mid) < hash {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    (low..PREBUILT_NAMES.len() / 8)
        .take_while(move |&i| at(i) == hash)
        .map(|i| u32::from_le_bytes(PREBUILT_NAMES[i * 8 + 4..i * 8 + 8].try_into().unwrap()) as usize)
}

#[derive(Debug)]
struct GazetteerIndex {
    /// Most populous first.
    rows: Vec<Row>,
    /// Name and alias hashes → rows, in row order.
    names: NameTable,
}

/// A data line of the gazetteer, parsed into its entry when first returned:
/// the first lookup reads only names, aliases and populations (parsing every
/// row took it several milliseconds).
#[derive(Debug)]
struct Row {
    layer: u32,
    line: u32,
    text: &'static str,
    name: &'static str,
    aliases: &'static str,
    population: Option<u64>,
    entry: OnceLock<Option<GazetteerEntry>>,
}

impl Row {
    fn entry(&self, layers: &[Layer]) -> Option<GazetteerEntry> {
        self.entry
            .get_or_init(|| {
                let (f, n) = fields::<7>(self.text);
                // Rows were checked: the built-in file by a test, a user's at start-up.
                gazetteer_row(&layers[self.layer as usize].name, self.line as usize, &f[..n]).ok()
            })
            .as_ref()
            .copied()
    }
}

/// Hash of a name → the entries called so, in entry order: a hash map of
/// chains, built in one pass (sorting the pairs instead took most of the
/// gazetteer's first lookup).
#[derive(Debug, Default)]
struct NameTable {
    /// Name hash → the first link of its chain.
    heads: foldhash::HashMap<u64, u32>,
    /// (entry, next link or `u32::MAX`).
    links: Vec<(u32, u32)>,
}

impl NameTable {
    /// From each entry's names, in entry order; an entry's repeated spellings count once.
    fn build<'a, I: Iterator<Item = &'a str>>(names: impl DoubleEndedIterator<Item = I> + ExactSizeIterator) -> Self {
        let mut table = NameTable::default();
        table.heads.reserve(names.len() * 2);
        table.links.reserve(names.len() * 2);
        let mut hashes: Vec<u64> = Vec::new();
        // Backwards, putting each link in front: the chains come out in entry order.
        for (entry, spellings) in names.enumerate().rev() {
            hashes.clear();
            hashes.extend(spellings.map(fold_hash));
            hashes.sort_unstable();
            hashes.dedup();
            for &hash in &hashes {
                let link = table.links.len() as u32;
                let head = table.heads.entry(hash).or_insert(u32::MAX);
                table.links.push((entry as u32, *head));
                *head = link;
            }
        }
        table
    }

    /// The entries whose names hash like `name` (they still need an exact check).
    fn candidates<'a>(&'a self, name: &str) -> impl Iterator<Item = usize> + 'a {
        let mut link = self.heads.get(&fold_hash(name)).copied().unwrap_or(u32::MAX);
        std::iter::from_fn(move || {
            let &(entry, next) = self.links.get(link as usize)?;
            link = next;
            Some(entry as usize)
        })
    }
}

impl Gazetteer {
    /// The built-in text (kept, parsed on the first lookup) and a user's file (checked now).
    pub fn new(builtin: &'static str, user: Option<Source>) -> Result<Self, DictError> {
        let check = |file: &str, line: usize, f: &[&'static str]| gazetteer_row(file, line, f).map(drop);
        // The table built with the program is that of the compiled-in text only.
        let compiled_in = super::BUILTIN.iter().find(|(n, _)| *n == "gazetteer.tsv").map(|(_, t)| *t);
        let prebuilt = user.is_none() && compiled_in.is_some_and(|t| std::ptr::eq(t, builtin));
        Ok(Gazetteer { layers: layers("gazetteer.tsv", builtin, user, check)?, prebuilt, index: OnceLock::new() })
    }

    /// The cities and regions called `name` (their name or an alias, in any
    /// ASCII case), the most populous first; those of unknown population last.
    pub fn lookup<'a>(&'a self, name: &'a str) -> impl Iterator<Item = GazetteerEntry> + 'a {
        let text = self.layers[0].text;
        let prebuilt =
            self.prebuilt.then(|| prebuilt_candidates(name).filter_map(move |row| prebuilt_entry(text, row)));
        let built = (!self.prebuilt).then(|| {
            let index = self.index();
            index.names.candidates(name).filter_map(|i| index.rows[i].entry(&self.layers))
        });
        prebuilt.into_iter().flatten().chain(built.into_iter().flatten()).filter(move |e| e.is_called(name))
    }

    /// Every entry, the most populous first, then in file order (a user's row
    /// replacing a built-in one of the same name, kind and country).
    pub fn entries(&self) -> impl Iterator<Item = GazetteerEntry> + '_ {
        let text = self.layers[0].text;
        let prebuilt =
            self.prebuilt.then(|| (0..PREBUILT_ROWS.len() / 4).filter_map(move |row| prebuilt_entry(text, row)));
        let built = (!self.prebuilt).then(|| self.index().rows.iter().filter_map(|r| r.entry(&self.layers)));
        prebuilt.into_iter().flatten().chain(built.into_iter().flatten())
    }

    /// Builds the lookup table on a thread of its own, so that a run which
    /// will look names up finds it ready (the first lookup otherwise waits
    /// for it: see `cargo bench --bench extract -- world`). The built-in
    /// gazetteer alone needs none: its table was built with the program.
    pub fn warm(self: &Arc<Self>) {
        if self.prebuilt {
            return;
        }
        let gazetteer = Arc::clone(self);
        // If no thread can be had, the first lookup builds the table itself.
        let _ = std::thread::Builder::new().name("gazetteer".into()).spawn(move || {
            gazetteer.index();
        });
    }

    fn index(&self) -> &GazetteerIndex {
        self.index.get_or_init(|| {
            let mut rows = Vec::with_capacity(self.layers.iter().map(|l| l.text.len() / 60).sum());
            for (n, layer) in self.layers.iter().enumerate() {
                rows.extend(data_lines(layer.text).map(|(line, text)| {
                    let (f, _) = fields::<7>(text);
                    Row {
                        layer: n as u32,
                        line: line as u32,
                        text,
                        name: f[0],
                        aliases: f[6],
                        population: f[3].parse().ok(),
                        entry: OnceLock::new(),
                    }
                }));
            }
            if self.layers.len() > 1 {
                rows = replace_same_place(rows, &self.layers);
            }
            // Most populous first, then file order (the built-in file is written so already).
            let order = |r: &Row| std::cmp::Reverse(r.population);
            if !rows.is_sorted_by_key(order) {
                rows.sort_by_key(order);
            }
            let names = NameTable::build(rows.iter().map(|r| std::iter::once(r.name).chain(items(r.aliases))));
            GazetteerIndex { rows, names }
        })
    }
}

/// Drops the rows of earlier layers that a later layer gives again (same
/// name, kind and country): a user's row replaces the built-in place. Rows of
/// one file are all kept (a country can have two towns of one name).
fn replace_same_place(rows: Vec<Row>, layers: &[Layer]) -> Vec<Row> {
    let key = |e: &GazetteerEntry| fold_hash(e.name) ^ fold_hash(e.country).rotate_left(17) ^ e.kind as u64;
    let same = |a: &GazetteerEntry, b: &GazetteerEntry| {
        a.kind == b.kind && a.name.eq_ignore_ascii_case(b.name) && a.country.eq_ignore_ascii_case(b.country)
    };
    let mut later: Vec<(u64, usize)> =
        rows.iter().enumerate().filter_map(|(i, r)| Some((key(&r.entry(layers)?), i))).collect();
    later.sort_unstable();
    let replaced = |i: usize| {
        let Some(e) = rows[i].entry(layers) else { return true };
        let k = key(&e);
        let start = later.partition_point(|&(h, _)| h < k);
        later[start..]
            .iter()
            .take_while(|&&(h, _)| h == k)
            .any(|&(_, j)| rows[j].layer > rows[i].layer && rows[j].entry(layers).is_some_and(|other| same(&other, &e)))
    };
    let keep: Vec<bool> = (0..rows.len()).map(|i| !replaced(i)).collect();
    rows.into_iter().zip(keep).filter(|(_, k)| *k).map(|(r, _)| r).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// Given to both, neither far more often.
    Unisex,
}

impl std::str::FromStr for Gender {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "m" => Ok(Gender::Male),
            "f" => Ok(Gender::Female),
            "u" => Ok(Gender::Unisex),
            other => Err(format!("unknown gender '{other}' (expected m, f or u)")),
        }
    }
}

/// One row of `given_names.tsv`: `name`, `gender`.
fn given_name_row(file: &str, line: usize, f: &[&str]) -> Result<Gender, DictError> {
    let error = |message: String| DictError { file: file.to_string(), line, message };
    match f.first() {
        Some(name) if !name.is_empty() => {}
        _ => return Err(error("missing column 1 (name)".into())),
    }
    match f.get(1) {
        Some(g) if !g.is_empty() => g.parse().map_err(error),
        _ => Err(error("missing column 2 (gender)".into())),
    }
}

/// Given names and the gender they usually mark, from `given_names.tsv`.
#[derive(Debug)]
pub struct GivenNames {
    layers: Vec<Layer>,
    index: OnceLock<GivenNameIndex>,
}

#[derive(Debug)]
struct GivenNameIndex {
    names: Vec<(&'static str, Gender)>,
    /// Name hash → rows, the latest first, so that a user's row wins.
    table: NameTable,
}

impl GivenNames {
    /// The built-in text (kept, parsed on the first lookup) and a user's file (checked now).
    pub fn new(builtin: &'static str, user: Option<Source>) -> Result<Self, DictError> {
        let check = |file: &str, line: usize, f: &[&'static str]| given_name_row(file, line, f).map(drop);
        Ok(GivenNames { layers: layers("given_names.tsv", builtin, user, check)?, index: OnceLock::new() })
    }

    /// The gender `first_name` usually marks (in any ASCII case), if the list has it.
    pub fn gender(&self, first_name: &str) -> Option<Gender> {
        let index = self.index();
        index
            .table
            .candidates(first_name)
            .map(|i| index.names[index.names.len() - 1 - i])
            .find(|(name, _)| name.eq_ignore_ascii_case(first_name))
            .map(|(_, gender)| gender)
    }

    /// How many rows the list has, a user's included.
    pub fn len(&self) -> usize {
        self.index().names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn index(&self) -> &GivenNameIndex {
        self.index.get_or_init(|| {
            let mut names = Vec::new();
            for layer in &self.layers {
                for (line, text) in data_lines(layer.text) {
                    let (f, n) = fields::<2>(text);
                    if let Ok(gender) = given_name_row(&layer.name, line, &f[..n]) {
                        names.push((f[0], gender));
                    }
                }
            }
            // The table's chains run in the order given: the latest row first.
            let table = NameTable::build(names.iter().rev().map(|(name, _)| std::iter::once(*name)));
            GivenNameIndex { table, names }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer(builtin: &'static str, user: Option<&str>) -> Result<Gazetteer, DictError> {
        Gazetteer::new(builtin, user.map(|text| Source::new("user/gazetteer.tsv", text)))
    }

    const SAMPLE: &str = "# name\tkind\tcountry\tpopulation\tlat\tlon\taliases\n\
        Kharkiv\tcity\tUkraine\t1421125\t49.98\t36.25\tKharkov|Charkiw\n\
        Kharkiv Oblast\tregion\tUkraine\t\t\t\tKharkiv|Kharkov Oblast\n\
        Sanaa\tcity\tYemen\t1937451\t15.35\t44.21\tSana'a|San'a\n\
        \n\
        Springfield\tcity\tUnited States\t169176\t39.80\t-89.64\t\n\
        Springfield\tcity\tUnited States\t155929\t42.10\t-72.59\t\n";

    #[test]
    fn lookup_by_name_or_alias_in_any_case_most_populous_first() {
        let g = gazetteer(SAMPLE, None).unwrap();
        let names = |q: &str| g.lookup(q).map(|e| (e.name, e.kind)).collect::<Vec<_>>();
        assert_eq!(names("kharkiv"), [("Kharkiv", GazetteerKind::City), ("Kharkiv Oblast", GazetteerKind::Region)]);
        assert_eq!(names("KHARKOV"), [("Kharkiv", GazetteerKind::City)]);
        assert_eq!(names("sana'a"), [("Sanaa", GazetteerKind::City)]);
        assert_eq!(names("Kharkov Oblast"), [("Kharkiv Oblast", GazetteerKind::Region)]);
        assert!(names("Kharki").is_empty() && names("").is_empty());
        let sanaa = g.lookup("Sanaa").next().unwrap();
        assert_eq!(
            (sanaa.country, sanaa.population, sanaa.lat, sanaa.lon),
            ("Yemen", Some(1937451), Some(15.35), Some(44.21))
        );
        assert_eq!(sanaa.aliases().collect::<Vec<_>>(), ["Sana'a", "San'a"]);
    }

    /// A table built on another thread answers like one built on the first lookup.
    #[test]
    fn warmed_gazetteer_answers_the_same() {
        let g = Arc::new(gazetteer(SAMPLE, None).unwrap());
        g.warm();
        let names: Vec<_> = g.lookup("KHARKOV").map(|e| e.name).collect();
        assert_eq!(names, ["Kharkiv"]);
    }

    #[test]
    fn user_rows_add_places_and_replace_the_same_place() {
        let user = "Sanaa\tcity\tYemen\t2000000\t15.35\t44.21\tSanaa City\nBakhmut\tcity\tUkraine\t70000\t48.6\t38.0\tArtemivsk\n";
        let g = gazetteer(SAMPLE, Some(user)).unwrap();
        assert_eq!(g.lookup("Artemivsk").map(|e| e.name).collect::<Vec<_>>(), ["Bakhmut"]);
        let sanaa: Vec<_> = g.lookup("sanaa").collect();
        assert_eq!(sanaa.len(), 1);
        assert_eq!(sanaa[0].population, Some(2000000));
        assert_eq!(g.lookup("Sanaa City").count(), 1);
        // The replaced row's aliases are gone with it.
        assert_eq!(g.lookup("San'a").count(), 0);
        assert_eq!(g.entries().count(), 6);
        // Two towns of one name in one file are both kept, the larger first.
        let springfields: Vec<_> = g.lookup("springfield").map(|e| e.population).collect();
        assert_eq!(springfields, [Some(169176), Some(155929)]);
    }

    #[test]
    fn bad_user_rows_name_file_and_line() {
        let cases = [
            ("# h\nX\ttown\tYemen\n", 2, "unknown gazetteer kind 'town'"),
            ("X\tcity\t\n", 1, "missing column 3 (country)"),
            ("X\tcity\tYemen\tmany\n", 1, "bad population 'many'"),
            ("\nX\tcity\tYemen\t5\t15.3\n", 2, "a coordinate without the other"),
            ("X\tcity\tYemen\t5\tnorth\t3\n", 1, "bad coordinate 'north'"),
        ];
        for (text, line, message) in cases {
            let e = gazetteer(SAMPLE, Some(text)).unwrap_err();
            assert_eq!((e.file.as_str(), e.line), ("user/gazetteer.tsv", line), "{text:?}");
            assert!(e.message.contains(message), "{}", e.message);
        }
    }

    fn given(user: Option<&str>) -> Result<GivenNames, DictError> {
        GivenNames::new("# name\tgender\nAngela\tf\nVladimir\tm\nAndrea\tu\n", user.map(|t| Source::new("u.tsv", t)))
    }

    #[test]
    fn gender_of_a_given_name_in_any_case_and_a_user_row_wins() {
        let names = given(None).unwrap();
        assert_eq!(names.gender("Angela"), Some(Gender::Female));
        assert_eq!(names.gender("VLADIMIR"), Some(Gender::Male));
        assert_eq!(names.gender("andrea"), Some(Gender::Unisex));
        assert_eq!(names.gender("Angel"), None);
        assert_eq!(names.len(), 3);
        let names = given(Some("Andrea\tf\nHans\tm\n")).unwrap();
        assert_eq!(names.gender("Andrea"), Some(Gender::Female));
        assert_eq!(names.gender("hans"), Some(Gender::Male));
    }

    #[test]
    fn bad_given_name_row_names_file_and_line() {
        let e = given(Some("# h\nHans\tmale\n")).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("u.tsv", 2));
        assert!(e.message.contains("unknown gender 'male'"), "{}", e.message);
        let e = given(Some("Hans\n")).unwrap_err();
        assert!(e.message.contains("missing column 2 (gender)"), "{}", e.message);
    }

    /// The quick reader of coordinates agrees with the float parser, and
    /// leaves it every spelling it does not know.
    #[test]
    fn fast_decimal_agrees_with_the_float_parser() {
        for s in ["49.982", "-89.640", "0.5", "-0.001", "180", "12.345678", "-7.1"] {
            let fast = fast_decimal(s);
            let parsed: Option<f64> = s.parse().ok();
            assert!(fast.is_none() || fast.zip(parsed).is_some_and(|(a, b)| (a - b).abs() < 1e-12), "{s}");
        }
        for s in ["1e1", "12.", ".5", "+3.2", "1234.5", "4.1234567", "--1", "3,5", ""] {
            assert_eq!(fast_decimal(s), None, "{s}");
        }
        assert_eq!(parse_coordinate("f", 1, Some(&"1e1")).unwrap(), Some(10.0));
        assert!(parse_coordinate("f", 1, Some(&"3,5")).is_err());
    }

    /// The built-in gazetteer's table built with the program answers like
    /// the one built at run time from the same text (a copy of it, which has none).
    #[test]
    fn prebuilt_table_answers_like_one_built_at_run_time() {
        let text = crate::dict::BUILTIN.iter().find(|(n, _)| *n == "gazetteer.tsv").unwrap().1;
        let prebuilt = Gazetteer::new(text, None).unwrap();
        let built = Gazetteer::new(Box::leak(text.to_string().into_boxed_str()), None).unwrap();
        assert!(prebuilt.prebuilt && !built.prebuilt);
        assert_eq!(super::super::table::gazetteer_table(text), (PREBUILT_ROWS.to_vec(), PREBUILT_NAMES.to_vec()));
        let all: Vec<_> = built.entries().collect();
        assert_eq!(prebuilt.entries().collect::<Vec<_>>(), all);
        for e in all.iter().step_by(7) {
            for name in std::iter::once(e.name).chain(e.aliases()).chain([e.country, "kharkov", "SPRINGFIELD", ""]) {
                assert_eq!(prebuilt.lookup(name).collect::<Vec<_>>(), built.lookup(name).collect::<Vec<_>>(), "{name}");
            }
        }
    }

    #[test]
    fn hashing_ignores_ascii_case_only() {
        assert_eq!(fold_hash("Kyiv"), fold_hash("KYIV"));
        assert_ne!(fold_hash("Kyiv"), fold_hash("Kiev"));
    }
}
