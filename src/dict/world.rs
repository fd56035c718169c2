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

use std::sync::OnceLock;

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
        for (line, fields) in rows(text) {
            check(&src.name, line, &fields)?;
        }
        layers.push(Layer { name: src.name, text });
    }
    Ok(layers)
}

/// Data rows of a `'static` text: `(line number, fields)`, as `Source::rows` gives them.
fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

/// FNV-1a over the ASCII-lower-cased bytes: names that differ only in ASCII
/// case hash alike, without building a lower-case copy.
fn fold_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3))
}

/// A `|`-separated list, without empty items.
fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// `(hash, entry)` pairs sorted by hash; the entries of one hash in the order
/// the caller gave them.
fn sorted_keys(mut keys: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    keys.sort_by_key(|&(hash, _)| hash);
    keys
}

/// The entries whose keys hash like `name`, in table order (they still need
/// an exact check: two names can share a hash).
fn candidates<'a>(keys: &'a [(u64, u32)], name: &str) -> impl Iterator<Item = usize> + 'a {
    let hash = fold_hash(name);
    let start = keys.partition_point(|&(h, _)| h < hash);
    keys[start..].iter().take_while(move |&&(h, _)| h == hash).map(|&(_, i)| i as usize)
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
#[derive(Clone, Debug, PartialEq)]
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
    match field.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| DictError {
            file: src.to_string(),
            line,
            message: format!("bad population '{s}' (expected a whole number)"),
        }),
    }
}

fn parse_coordinate(src: &str, line: usize, field: Option<&&str>) -> Result<Option<f64>, DictError> {
    match field.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| DictError {
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
    index: OnceLock<GazetteerIndex>,
}

#[derive(Debug)]
struct GazetteerIndex {
    entries: Vec<GazetteerEntry>,
    /// Hash of the name and of each alias → entry; within a hash the most populous first.
    keys: Vec<(u64, u32)>,
}

impl Gazetteer {
    pub(super) fn new(builtin: &'static str, user: Option<Source>) -> Result<Self, DictError> {
        let check = |file: &str, line: usize, f: &[&'static str]| gazetteer_row(file, line, f).map(drop);
        Ok(Gazetteer { layers: layers("gazetteer.tsv", builtin, user, check)?, index: OnceLock::new() })
    }

    /// The cities and regions called `name` (their name or an alias, in any
    /// ASCII case), the most populous first; those of unknown population last.
    pub fn lookup<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a GazetteerEntry> + 'a {
        let index = self.index();
        candidates(&index.keys, name).map(|i| &index.entries[i]).filter(move |e| e.is_called(name))
    }

    /// Every entry, in file order (a user's row replacing a built-in one of the
    /// same name, kind and country).
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.index().entries
    }

    fn index(&self) -> &GazetteerIndex {
        self.index.get_or_init(|| {
            let mut entries = Vec::new();
            for (n, layer) in self.layers.iter().enumerate() {
                // Rows were checked: the built-in file by a test, a user's at start-up.
                let parsed = rows(layer.text).filter_map(|(line, f)| gazetteer_row(&layer.name, line, &f).ok());
                entries.extend(parsed.map(|e| (n, e)));
            }
            let entries = replace_same_place(entries);
            let mut keys = Vec::with_capacity(entries.len() * 3);
            let mut hashes = Vec::new();
            for (i, e) in entries.iter().enumerate() {
                hashes.clear();
                hashes.extend(std::iter::once(e.name).chain(e.aliases()).map(fold_hash));
                hashes.sort_unstable();
                hashes.dedup();
                keys.extend(hashes.iter().map(|&h| (h, i as u32)));
            }
            // Most populous first within a name, then file order.
            keys.sort_by_key(|&(_, i)| (std::cmp::Reverse(entries[i as usize].population), i));
            GazetteerIndex { keys: sorted_keys(keys), entries }
        })
    }
}

/// Drops the rows of earlier layers that a later layer gives again (same
/// name, kind and country): a user's row replaces the built-in place. Rows of
/// one file are all kept (a country can have two towns of one name).
fn replace_same_place(entries: Vec<(usize, GazetteerEntry)>) -> Vec<GazetteerEntry> {
    let key = |e: &GazetteerEntry| fold_hash(e.name) ^ fold_hash(e.country).rotate_left(17) ^ e.kind as u64;
    let same = |a: &GazetteerEntry, b: &GazetteerEntry| {
        a.kind == b.kind && a.name.eq_ignore_ascii_case(b.name) && a.country.eq_ignore_ascii_case(b.country)
    };
    let last_layer = entries.iter().map(|(layer, _)| *layer).max().unwrap_or(0);
    if last_layer == 0 {
        return entries.into_iter().map(|(_, e)| e).collect();
    }
    let mut later: Vec<(u64, usize)> = entries.iter().enumerate().map(|(i, (_, e))| (key(e), i)).collect();
    later.sort_unstable();
    let replaced = |i: usize| {
        let (layer, e) = &entries[i];
        let k = key(e);
        let start = later.partition_point(|&(h, _)| h < k);
        later[start..]
            .iter()
            .take_while(|&&(h, _)| h == k)
            .any(|&(_, j)| entries[j].0 > *layer && same(&entries[j].1, e))
    };
    let keep: Vec<bool> = (0..entries.len()).map(|i| !replaced(i)).collect();
    entries.into_iter().zip(keep).filter(|(_, k)| *k).map(|((_, e), _)| e).collect()
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
    /// Name hash → row; within a hash the latest row first, so a user's row wins.
    keys: Vec<(u64, u32)>,
}

impl GivenNames {
    pub(super) fn new(builtin: &'static str, user: Option<Source>) -> Result<Self, DictError> {
        let check = |file: &str, line: usize, f: &[&'static str]| given_name_row(file, line, f).map(drop);
        Ok(GivenNames { layers: layers("given_names.tsv", builtin, user, check)?, index: OnceLock::new() })
    }

    /// The gender `first_name` usually marks (in any ASCII case), if the list has it.
    pub fn gender(&self, first_name: &str) -> Option<Gender> {
        let index = self.index();
        candidates(&index.keys, first_name)
            .map(|i| index.names[i])
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
                for (line, f) in rows(layer.text) {
                    if let Ok(gender) = given_name_row(&layer.name, line, &f) {
                        names.push((f[0], gender));
                    }
                }
            }
            let keys = names.iter().enumerate().rev().map(|(i, (name, _))| (fold_hash(name), i as u32)).collect();
            GivenNameIndex { keys: sorted_keys(keys), names }
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
        assert_eq!(g.entries().len(), 6);
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

    #[test]
    fn hashing_ignores_ascii_case_only() {
        assert_eq!(fold_hash("Kyiv"), fold_hash("KYIV"));
        assert_ne!(fold_hash("Kyiv"), fold_hash("Kiev"));
    }
}
