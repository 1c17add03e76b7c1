//! The CAMEO code table: every code of the CAMEO tree (`cameo_codes.csv`: Goldstein score,
//! QuadClass, name), its PLOVER type, mode and context from the official crosswalk
//! (`CAMEO2PLOVER-2021.txt`, and `plover_dropped.txt` for the roots PLOVER drops), and the code an
//! intended act becomes (`intent.csv`).

use crate::resources::LoadError;
use std::collections::HashMap;

const TREE_CSV: &str = include_str!("../../../../data/events/cameo_codes.csv");
const CROSSWALK: &str = include_str!("../../../../data/events/CAMEO2PLOVER-2021.txt");
const DROPPED: &str = include_str!("../../../../data/events/plover_dropped.txt");
const INTENT_CSV: &str = include_str!("../../../../data/events/intent.csv");

const TREE_FILE: &str = "data/events/cameo_codes.csv";
const INTENT_FILE: &str = "data/events/intent.csv";

/// What a CAMEO code means.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub name: String,
    pub plover: String,
    /// PLOVER mode ("visit", "phone", …; empty when the crosswalk gives none).
    pub mode: String,
    /// PLOVER context ("diplomatic", "military; legal", …; may be empty).
    pub context: String,
    pub goldstein: f32,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad: u8,
    /// The code for the wanted/planned version of the action; `None`: drop hypothetical events.
    pub intent: Option<String>,
}

/// One line of a crosswalk file.
#[derive(Debug, Clone, PartialEq)]
struct Crosswalk {
    plover: String,
    mode: String,
    context: String,
}

/// The bundled table.
pub fn bundled() -> Result<HashMap<String, CameoCode>, LoadError> {
    parse(
        TREE_CSV,
        &[
            ("data/events/CAMEO2PLOVER-2021.txt", CROSSWALK),
            ("data/events/plover_dropped.txt", DROPPED),
        ],
        INTENT_CSV,
    )
}

/// The table from the tree, the crosswalk files (`(name, text)`, earlier files first) and the
/// intent table. A code the crosswalk does not list takes its nearest listed ancestor's PLOVER
/// entry (`0214` → `021` → `02`); a code with none is an error.
pub fn parse(
    tree: &str,
    crosswalks: &[(&'static str, &str)],
    intent: &str,
) -> Result<HashMap<String, CameoCode>, LoadError> {
    let mut plover = HashMap::new();
    for &(file, text) in crosswalks {
        for (code, entry) in parse_crosswalk(file, text)? {
            plover.entry(code).or_insert(entry);
        }
    }
    let mut table = HashMap::new();
    for row in crate::resources::csv_rows(TREE_FILE, tree, 4) {
        let (line, f) = row?;
        let bad = |message: String| LoadError::Line {
            file: TREE_FILE,
            line,
            message,
        };
        let code = cameo_code(&f[0]).ok_or_else(|| bad(format!("{:?} is no CAMEO code", f[0])))?;
        let goldstein: f32 = f[1]
            .parse()
            .ok()
            .filter(|g| (-10.0..=10.0).contains(g))
            .ok_or_else(|| bad(format!("Goldstein score {:?} is not in -10..10", f[1])))?;
        let quad: u8 = f[2]
            .parse()
            .ok()
            .filter(|q| (1..=4).contains(q))
            .ok_or_else(|| bad(format!("QuadClass {:?} is not 1 to 4", f[2])))?;
        let crosswalk = ancestors(code).find_map(|c| plover.get(c)).ok_or_else(|| {
            bad(format!(
                "CAMEO code {code} has no PLOVER type in the crosswalk"
            ))
        })?;
        table.insert(
            code.to_string(),
            CameoCode {
                name: f[3].clone(),
                plover: crosswalk.plover.clone(),
                mode: crosswalk.mode.clone(),
                context: crosswalk.context.clone(),
                goldstein,
                quad,
                intent: None,
            },
        );
    }
    add_intents(&mut table, intent)?;
    Ok(table)
}

/// The code itself, then its shorter prefixes down to the root (`0214`, `021`, `02`).
fn ancestors(code: &str) -> impl Iterator<Item = &str> {
    (2..=code.len()).rev().map(move |n| &code[..n])
}

/// A CAMEO event code: 2 to 4 digits.
fn cameo_code(text: &str) -> Option<&str> {
    ((2..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

/// `CODE: TYPE, mode, context # description` lines; comments, blank lines and everything after a
/// `~~~` line skipped; a code listed twice keeps its first line.
fn parse_crosswalk(file: &'static str, text: &str) -> Result<Vec<(String, Crosswalk)>, LoadError> {
    let mut entries: Vec<(String, Crosswalk)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with("~~~") {
            break;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| LoadError::Line {
            file,
            line: index + 1,
            message,
        };
        let (code, rest) = line
            .split_once(':')
            .and_then(|(code, rest)| Some((cameo_code(code.trim())?, rest)))
            .ok_or_else(|| bad("expected CODE: TYPE, mode, context".into()))?;
        let fields = rest.split('#').next().unwrap_or_default();
        let mut fields = fields.splitn(3, ',').map(str::trim);
        let plover = fields.next().unwrap_or_default();
        if plover.is_empty() || !plover.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad(format!("{plover:?} is no PLOVER type")));
        }
        if entries.iter().any(|(c, _)| c == code) {
            continue;
        }
        entries.push((
            code.to_string(),
            Crosswalk {
                plover: plover.to_string(),
                mode: fields.next().unwrap_or_default().to_string(),
                context: fields.next().unwrap_or_default().to_string(),
            },
        ));
    }
    Ok(entries)
}

fn add_intents(table: &mut HashMap<String, CameoCode>, text: &str) -> Result<(), LoadError> {
    for row in crate::resources::csv_rows(INTENT_FILE, text, 2) {
        let (line, f) = row?;
        let unknown = |code: &String| LoadError::Line {
            file: INTENT_FILE,
            line,
            message: format!("CAMEO code {code} is not in {TREE_FILE}"),
        };
        if !table.contains_key(&f[1]) {
            return Err(unknown(&f[1]));
        }
        let entry = table.get_mut(&f[0]).ok_or_else(|| unknown(&f[0]))?;
        entry.intent = Some(f[1].clone());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_tree_loads_with_plover_types_from_the_crosswalk() {
        let table = bundled().unwrap();
        assert_eq!(table.len(), 313);
        let consult = &table["042"];
        assert_eq!(
            (consult.plover.as_str(), consult.mode.as_str()),
            ("CONSULT", "visit")
        );
        assert_eq!((consult.goldstein, consult.quad), (1.9, 1));
        // The crosswalk's own reading of CAMEO, not a hand map: intent to meet is AGREE, sanctions
        // are COERCE, 0874 is a RETREAT, 20x is ASSAULT.
        assert_eq!(table["036"].plover, "AGREE");
        assert_eq!(table["163"].plover, "COERCE");
        assert_eq!(table["0874"].plover, "RETREAT");
        assert_eq!(table["081"].plover, "CONCEDE");
        assert_eq!(table["2042"].plover, "ASSAULT");
        assert_eq!(table["1124"].context, "military; legal");
        assert_eq!((table["195"].quad, table["195"].goldstein), (4, -10.0));
        // Roots PLOVER drops take their root's line from plover_dropped.txt.
        assert_eq!(table["0214"].plover, "APPEAL");
        assert_eq!(table["040"].intent.as_deref(), Some("036"));
        assert_eq!(table["190"].intent, None);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let crosswalks = [("x.txt", CROSSWALK), ("d.txt", DROPPED)];
        let tree = "cameo,goldstein,quad,name\n010,zero,1,x\n";
        let err = parse(tree, &crosswalks, INTENT_CSV).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/events/cameo_codes.csv:2: Goldstein score \"zero\" is not in -10..10"
        );
        let err = parse(TREE_CSV, &[("x.txt", "# c\n\n04: CONSULT\n4x: AID\n")], "").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt:4: expected CODE: TYPE, mode, context"
        );
        let err = parse(TREE_CSV, &[("x.txt", "04: CONSULT\n")], "").unwrap_err();
        assert!(
            err.to_string().contains("code 01 has no PLOVER type"),
            "{err}"
        );
        let err = parse(TREE_CSV, &crosswalks, "cameo,intent\n040,999\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/events/intent.csv:2: CAMEO code 999 is not in data/events/cameo_codes.csv"
        );
    }
}
