//! The agent dictionary (`Phoenix.agents.txt`): role words ("police", "foreign minister") whose
//! code combines with the code of the actor they belong to.

use crate::phrase::Phrase;
use crate::source::{source_lines, Diagnostics, Provenance, SourceLine};
use std::collections::HashMap;

/// One agent phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentEntry {
    /// The phrase as written, with any `!MARKER!` substituted.
    pub phrase: Phrase,
    /// Every form that matches: the phrase and its plurals (none when written `{}` or when a
    /// substitution marker supplied the word).
    pub forms: Vec<Phrase>,
    /// The code without `~`.
    pub code: String,
    pub placement: AgentPlacement,
    pub provenance: Provenance,
}

/// Where an agent code goes relative to its actor's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPlacement {
    /// `[~COP]`: after the actor code (`KEN` + `COP` → `KENCOP`).
    Suffix,
    /// `[NGO~]`: before it (`NGO` + `USA` → `NGOUSA`).
    Prefix,
}

impl AgentEntry {
    /// The code as PETRARCH writes it: `~COP` or `NGO~`.
    pub fn petrarch_code(&self) -> String {
        match self.placement {
            AgentPlacement::Suffix => format!("~{}", self.code),
            AgentPlacement::Prefix => format!("{}~", self.code),
        }
    }

    /// The code of this agent of an actor coded `actor_code` (`---` when the country is unknown).
    pub fn combine(&self, actor_code: &str) -> String {
        match self.placement {
            AgentPlacement::Suffix => format!("{actor_code}{}", self.code),
            AgentPlacement::Prefix => format!("{}{actor_code}", self.code),
        }
    }
}

/// Parses a PETRARCH agent file.
pub(crate) fn parse_agents(
    file: &str,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<AgentEntry> {
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    let mut entries = Vec::new();
    for line in source_lines(file, text) {
        let content = line.content.trim();
        let result = if content.starts_with('!') && content.contains('=') {
            define_marker(&mut markers, content)
        } else {
            agent_entries(&markers, &line, content).map(|new| entries.extend(new))
        };
        if let Err(message) = result {
            diagnostics.report(&line.provenance, message);
        }
    }
    entries
}

/// `!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON`.
fn define_marker(markers: &mut HashMap<String, Vec<String>>, content: &str) -> Result<(), String> {
    let (name, values) = content.split_once('=').expect("checked by the caller");
    let name = name.trim().trim_matches('!');
    if name.is_empty() || name.contains('!') {
        return Err(format!("bad substitution marker {:?}", name));
    }
    let values: Vec<String> = values
        .split(',')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return Err(format!("substitution marker !{name}! has no values"));
    }
    markers.insert(name.to_string(), values);
    Ok(())
}

/// `PHRASE {PLURALS} [~CODE]`, one entry per substitution of a `!MARKER!` in it.
fn agent_entries(
    markers: &HashMap<String, Vec<String>>,
    line: &SourceLine,
    content: &str,
) -> Result<Vec<AgentEntry>, String> {
    let open = content.rfind('[').ok_or("agent without a [~CODE]")?;
    let code = content[open + 1..]
        .strip_suffix(']')
        .ok_or("'[' without ']' at the end")?;
    let (code, placement) = agent_code(code)?;
    let text = content[..open].trim();
    let (phrase_text, plurals) = match text.split_once('{') {
        Some((phrase, rest)) => (
            phrase,
            Some(
                rest.strip_suffix('}')
                    .ok_or("'{' without '}' before the code")?,
            ),
        ),
        None => (text, None),
    };
    let substituted = substitute(markers, phrase_text)?;
    let marked = substituted.len() > 1 || phrase_text.contains('!');
    substituted
        .iter()
        .map(|text| {
            let phrase = Phrase::parse(text).ok_or("agent without a phrase")?;
            let forms = agent_forms(&phrase, plurals, marked)?;
            Ok(AgentEntry {
                phrase,
                forms,
                code: code.clone(),
                placement,
                provenance: line.provenance.clone(),
            })
        })
        .collect()
}

fn agent_forms(
    phrase: &Phrase,
    plurals: Option<&str>,
    marked: bool,
) -> Result<Vec<Phrase>, String> {
    let mut forms = vec![phrase.clone()];
    match plurals {
        Some(given) => {
            for plural in given.split_whitespace() {
                forms.push(Phrase::parse(plural).ok_or("empty plural")?);
            }
        }
        None if !marked => forms.push(phrase.plural()),
        None => {}
    }
    Ok(forms)
}

/// `~COP` (suffix) or `NGO~` (prefix): the code and where it goes.
fn agent_code(written: &str) -> Result<(String, AgentPlacement), String> {
    let written = written.trim();
    let (code, placement) = if let Some(code) = written.strip_prefix('~') {
        (code, AgentPlacement::Suffix)
    } else if let Some(code) = written.strip_suffix('~') {
        (code, AgentPlacement::Prefix)
    } else {
        return Err(format!(
            "agent code [{written}] needs '~' before (suffix) or after (prefix) it"
        ));
    };
    if code.is_empty() || code.contains(char::is_whitespace) || code.contains('~') {
        return Err(format!("bad agent code {written:?}"));
    }
    Ok((code.to_string(), placement))
}

/// An agent from eventwire's own columns (phrase, forms, code as PETRARCH writes it).
pub(crate) fn agent_from_columns(
    phrase: Phrase,
    forms: Vec<Phrase>,
    code: &str,
    provenance: &Provenance,
) -> Result<AgentEntry, String> {
    let (code, placement) = agent_code(code)?;
    Ok(AgentEntry {
        phrase,
        forms,
        code,
        placement,
        provenance: provenance.clone(),
    })
}

/// Every text `!MARKER!`s in `text` stand for; `text` itself when it has none.
fn substitute(markers: &HashMap<String, Vec<String>>, text: &str) -> Result<Vec<String>, String> {
    let Some(start) = text.find('!') else {
        return Ok(vec![text.to_string()]);
    };
    let length = text[start + 1..]
        .find('!')
        .ok_or_else(|| format!("unclosed substitution marker in {text:?}"))?;
    let name = &text[start + 1..start + 1 + length];
    let values = markers
        .get(name)
        .ok_or_else(|| format!("substitution marker !{name}! is not defined"))?;
    let (before, after) = (&text[..start], &text[start + length + 2..]);
    let mut texts = Vec::new();
    for value in values {
        texts.extend(substitute(markers, &format!("{before}{value}{after}"))?);
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../tests/fixtures/petrarch/test.agents.txt");

    fn parse() -> (Vec<AgentEntry>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let entries = parse_agents("test.agents.txt", FIXTURE, &mut diagnostics);
        (
            entries,
            diagnostics.0.iter().map(ToString::to_string).collect(),
        )
    }

    fn forms_of(entries: &[AgentEntry], phrase: &str) -> Vec<String> {
        let entry = entries
            .iter()
            .find(|e| e.phrase.to_string() == phrase)
            .unwrap();
        entry.forms.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn plural_rules() {
        let (entries, _) = parse();
        assert_eq!(forms_of(&entries, "farmer"), ["farmer", "farmers"]);
        assert_eq!(forms_of(&entries, "police"), ["police"]);
        assert_eq!(
            forms_of(&entries, "attorney_general"),
            ["attorney_general", "attorneys_general"]
        );
    }

    #[test]
    fn suffix_and_prefix_codes() {
        let (entries, _) = parse();
        let police = entries
            .iter()
            .find(|e| e.phrase.to_string() == "police")
            .unwrap();
        assert_eq!(
            (police.code.as_str(), police.placement),
            ("COP", AgentPlacement::Suffix)
        );
        assert_eq!(police.combine("KEN"), "KENCOP");
        let ngo = entries
            .iter()
            .find(|e| e.placement == AgentPlacement::Prefix)
            .unwrap();
        assert_eq!(ngo.combine("USA"), "NGOUSA");
    }

    #[test]
    fn substitution_markers_expand_without_plurals() {
        let (entries, _) = parse();
        let congress: Vec<String> = entries
            .iter()
            .filter(|e| e.code == "LEG")
            .flat_map(|e| e.forms.iter().map(ToString::to_string))
            .collect();
        assert_eq!(congress, ["congressman", "congressmen", "congresswoman"]);
        assert_eq!(
            forms_of(&entries, "minister of_interior"),
            ["minister of_interior"]
        );
        assert_eq!(entries.iter().filter(|e| e.code == "GOVINT").count(), 2);
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let (entries, diagnostics) = parse();
        assert_eq!(
            diagnostics,
            [
                "test.agents.txt:13: agent code [COP] needs '~' before (suffix) or after (prefix) it",
                "test.agents.txt:14: substitution marker !NOSUCH! is not defined",
                "test.agents.txt:15: agent without a [~CODE]",
            ]
        );
        assert_eq!(entries.len(), 9);
    }
}
