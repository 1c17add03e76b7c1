//! The gazetteer (`data/places/gazetteer.tsv`, built by `scripts/build_gazetteer.py`): entries and
//! the index from lower-cased names to them.

use eventwire_model::{Geo, PlaceKind};
use std::collections::HashMap;
use thiserror::Error;

const GAZETTEER_FILE: &str = "data/places/gazetteer.tsv";
const COLUMNS: usize = 13;

#[derive(Debug, Error)]
#[error("{file}:{line}: {reason}")]
pub struct GazetteerError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

/// One country, first-level division or city.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// GeoNames id, or `CC-ADM1` for a division without one.
    pub id: String,
    pub kind: PlaceKind,
    pub name: String,
    pub iso2: String,
    pub iso3: String,
    /// GeoNames admin-1 code inside the country; empty for a country.
    pub admin1: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub wikipedia: Option<String>,
    /// A country's capital city.
    pub capital: bool,
}

/// Index of an entry in [`Gazetteer::entries`].
pub type EntryId = u32;

/// The entries and the lookups the stage needs.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Lower-cased name or alternate name (whitespace collapsed) → entries.
    by_name: HashMap<String, Vec<EntryId>>,
    /// Names written in capitals only ("US", "UK"): they match only so written.
    acronyms: HashMap<String, Vec<EntryId>>,
    country_by_iso3: HashMap<String, EntryId>,
    /// (ISO alpha-2, admin-1 code) → the division.
    admin1_by_code: HashMap<(String, String), EntryId>,
}

/// The form names are looked up in: lower case, runs of white space as one blank.
pub fn name_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_acronym(name: &str) -> bool {
    name.chars().any(|c| c.is_alphabetic()) && !name.chars().any(char::is_lowercase)
}

impl Gazetteer {
    /// The gazetteer bundled in the binary.
    pub fn load() -> Result<Self, GazetteerError> {
        Self::parse(
            GAZETTEER_FILE,
            include_str!("../../../../data/places/gazetteer.tsv"),
        )
    }

    /// Reads the TSV; an error names the file and line.
    pub fn parse(file: &'static str, text: &str) -> Result<Self, GazetteerError> {
        let mut gazetteer = Gazetteer::default();
        let rows = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
            .skip(1); // the column names
        for (number, line) in rows {
            let error = |reason: String| GazetteerError {
                file,
                line: number + 1,
                reason,
            };
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != COLUMNS {
                return Err(error(format!(
                    "{} columns, expected {COLUMNS}",
                    fields.len()
                )));
            }
            gazetteer.add(&fields).map_err(error)?;
        }
        Ok(gazetteer)
    }

    fn add(&mut self, f: &[&str]) -> Result<(), String> {
        let number = |i: usize, what: &str| {
            f[i].parse::<f64>()
                .map_err(|_| format!("{what} {:?} is not a number", f[i]))
        };
        let kind = match f[1] {
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "city" => PlaceKind::City,
            other => return Err(format!("unknown kind {other:?}")),
        };
        let entry = Entry {
            id: f[0].to_string(),
            kind,
            name: f[2].to_string(),
            iso2: f[5].to_string(),
            iso3: f[6].to_string(),
            admin1: f[7].to_string(),
            lat: number(8, "lat")?,
            lon: number(9, "lon")?,
            population: number(10, "population")? as u64,
            wikipedia: (!f[11].is_empty()).then(|| f[11].to_string()),
            capital: f[12] == "1",
        };
        let id = self.entries.len() as EntryId;
        for name in std::iter::once(f[2]).chain(f[3].split(';')) {
            self.index_name(name, id);
        }
        match kind {
            PlaceKind::Country => {
                self.country_by_iso3.insert(entry.iso3.clone(), id);
            }
            PlaceKind::Admin1 => {
                let key = (entry.iso2.clone(), entry.admin1.clone());
                self.admin1_by_code.insert(key, id);
            }
            PlaceKind::City => {}
        }
        self.entries.push(entry);
        Ok(())
    }

    fn index_name(&mut self, name: &str, id: EntryId) {
        if name.trim().is_empty() {
            return;
        }
        let (index, key) = if is_acronym(name) && name.len() <= 4 {
            (&mut self.acronyms, name.to_string())
        } else {
            (&mut self.by_name, name_key(name))
        };
        let ids = index.entry(key).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// Entries a piece of text may name: by its lower-cased form, and by its exact form when it
    /// is a short acronym.
    pub fn lookup(&self, text: &str) -> Vec<EntryId> {
        let mut ids = self
            .by_name
            .get(&name_key(text))
            .cloned()
            .unwrap_or_default();
        if let Some(acronym) = self.acronyms.get(text) {
            ids.extend(
                acronym
                    .iter()
                    .filter(|id| !ids.contains(id))
                    .collect::<Vec<_>>(),
            );
        }
        ids
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    pub fn country(&self, iso3: &str) -> Option<EntryId> {
        self.country_by_iso3.get(iso3).copied()
    }

    /// The division a city or division lies in.
    pub fn admin1_of(&self, entry: &Entry) -> Option<EntryId> {
        (entry.kind != PlaceKind::Country)
            .then(|| {
                self.admin1_by_code
                    .get(&(entry.iso2.clone(), entry.admin1.clone()))
            })
            .flatten()
            .copied()
    }

    /// GDELT's geography of an entry.
    pub fn geo(&self, id: EntryId) -> Geo {
        let entry = self.entry(id);
        let in_us = entry.iso2 == "US";
        let geo_type = match entry.kind {
            PlaceKind::Country => 1,
            PlaceKind::Admin1 if in_us => 2,
            PlaceKind::City if in_us => 3,
            PlaceKind::City => 4,
            PlaceKind::Admin1 => 5,
        };
        let mut parts = vec![entry.name.as_str()];
        if entry.kind == PlaceKind::City {
            if let Some(admin1) = self.admin1_of(entry) {
                parts.push(&self.entry(admin1).name);
            }
        }
        if let Some(country) = self
            .country(&entry.iso3)
            .filter(|_| entry.kind != PlaceKind::Country)
        {
            parts.push(&self.entry(country).name);
        }
        Geo {
            kind: entry.kind,
            geo_type,
            full_name: parts.join(", "),
            country_code: entry.iso3.clone(),
            adm1_code: (entry.kind != PlaceKind::Country)
                .then(|| format!("{}{}", entry.iso2, entry.admin1)),
            lat: entry.lat,
            lon: entry.lon,
            feature_id: entry.id.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_gazetteer_holds_countries_divisions_and_cities() {
        let g = Gazetteer::load().unwrap();
        let capital = |ids: Vec<EntryId>| {
            ids.into_iter().find(|&id| {
                let e = g.entry(id);
                e.kind == PlaceKind::City && e.iso3 == "UKR" && e.capital
            })
        };
        let kyiv = capital(g.lookup("Kyiv"));
        assert!(kyiv.is_some());
        assert_eq!(capital(g.lookup("Kiev")), kyiv, "an alternate spelling");
        assert_eq!(capital(g.lookup("KYIV")), kyiv, "any case");
        let georgia = g.lookup("Georgia");
        let kinds: Vec<_> = georgia
            .iter()
            .map(|&id| (g.entry(id).kind, g.entry(id).iso3.as_str()))
            .collect();
        assert!(kinds.contains(&(PlaceKind::Country, "GEO")));
        assert!(kinds.contains(&(PlaceKind::Admin1, "USA")));
        assert!(
            g.lookup("us").is_empty(),
            "the pronoun is not the United States"
        );
        assert_eq!(g.entry(g.lookup("US")[0]).iso3, "USA");
    }

    #[test]
    fn geo_follows_gdelt_types_and_full_names() {
        let g = Gazetteer::load().unwrap();
        let paris_texas = *g
            .lookup("Paris")
            .iter()
            .find(|&&id| g.entry(id).iso2 == "US" && g.entry(id).admin1 == "TX")
            .unwrap();
        let geo = g.geo(paris_texas);
        assert_eq!(geo.geo_type, 3);
        assert_eq!(geo.full_name, "Paris, Texas, United States");
        assert_eq!(geo.adm1_code.as_deref(), Some("USTX"));
        assert_eq!(geo.country_code, "USA");
        let lombardy = g.lookup("Lombardy")[0];
        assert_eq!(g.geo(lombardy).geo_type, 5);
        assert_eq!(g.geo(lombardy).full_name, "Lombardy, Italy");
        let ukraine = g.country("UKR").unwrap();
        assert_eq!(g.geo(ukraine).geo_type, 1);
        assert_eq!(g.geo(ukraine).adm1_code, None);
    }

    #[test]
    fn a_bad_row_names_the_file_and_line() {
        let text = "# comment\nid\tkind\n1\tcountry\tX\n";
        let err = Gazetteer::parse("g.tsv", text).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.to_string().starts_with("g.tsv:3: 3 columns"), "{err}");
        let bad_kind = "h\n1\tplanet\tX\t\t\tXX\tXXX\t\t0\t0\t0\t\t\n";
        let err = Gazetteer::parse("g.tsv", bad_kind).unwrap_err();
        assert!(err.reason.contains("planet"), "{err}");
    }
}
