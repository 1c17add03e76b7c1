//! The editable data of the events stage (`data/events/`), parsed and checked at load time: the CAMEO
//! table, the event patterns, the modality cues and the promise lexicon.

use crate::phrase::Phrase;
use eventwire_model::ClaimKind;
use serde::Deserialize;
use std::collections::HashMap;

const PATTERNS_CSV: &str = include_str!("../../../../data/events/patterns.csv");
const MODALITY_TOML: &str = include_str!("../../../../data/events/modality.toml");
const CLAIMS_TOML: &str = include_str!("../../../../data/events/claims.toml");

/// Why a data file could not be loaded, naming the file and line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}:{line}: {message}")]
    Line {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error("{file}: {source}")]
    Toml {
        file: &'static str,
        source: toml::de::Error,
    },
    #[error("{file}: bad phrase {phrase:?} (needs a word, may not start or end with ...)")]
    Phrase { file: &'static str, phrase: String },
}

pub use crate::cameo::CameoCode;

/// How the actors of a pattern are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Source before the phrase, target after it.
    Svo,
    /// Symmetric interaction: parties joined by "and", "with", "between".
    Joint,
    /// The actor after the phrase acts on the one before it ("received aid from").
    Reverse,
    /// In reported speech the speaker blames the phrase's subject ("X argued Y should have …").
    Reproach,
    /// Like `Svo`, but an actor inside the phrase's gap is the target: it names whom the phrase's
    /// last word belongs to ("Hamas released three Israeli hostages" → Hamas 084 Israel).
    Patient,
}

/// One event pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub phrase: Phrase,
    pub cameo: String,
    pub frame: Frame,
    /// The dictionary line it comes from (`patterns.csv:57`, `CAMEO.2.0.txt:1523`).
    pub origin: String,
    /// The target must hang on the phrase's word in the parse, as its object or prepositional
    /// object (the verb dictionary's patterns: "thinks Putin would like to meet" is no consultation
    /// with Putin); hand patterns find it by position.
    pub governed: bool,
}

/// Cue windows (in words) and cue lists of `modality.toml`.
#[derive(Debug, Clone)]
pub struct Modality {
    pub negation: Cues,
    pub negation_after: Cues,
    pub counterfactual: Cues,
    pub hypothetical: Cues,
    pub prevention: Cues,
    pub intent: Cues,
    pub light_verbs: Cues,
    pub target_window: usize,
    pub joint_linkers: Vec<String>,
    pub near_linkers: Vec<String>,
    pub pair_linker: String,
    pub pair_roots: Vec<String>,
    pub speaker_roots: Vec<String>,
    pub untargeted_roots: Vec<String>,
    pub dictionary_skipped_roots: Vec<String>,
    pub speaker_pronouns: Vec<String>,
    pub subject_barriers: Vec<String>,
    pub target_stops: Vec<String>,
    pub passive_aux: Vec<String>,
    pub passive_agent: String,
    pub verb_coordinators: Vec<String>,
    pub determiners: Vec<String>,
    pub infinitive_marker: String,
    pub agent_nouns: Vec<String>,
    pub topic_prepositions: Vec<String>,
    pub denial_verbs: Vec<String>,
    pub complementizer: String,
}

/// Phrases that count when they end at most `window` words before an event phrase.
#[derive(Debug, Clone)]
pub struct Cues {
    pub phrases: Vec<Phrase>,
    pub window: usize,
}

/// A phrase that opens a claim.
#[derive(Debug, Clone)]
pub struct ClaimTrigger {
    pub phrase: Phrase,
    pub kind: ClaimKind,
    /// The kind when the content gives a deadline: a dated goal for one's own action ("hopes to end
    /// the war within six months") is a commitment that can be held to its date.
    pub dated_kind: ClaimKind,
}

/// The claim lexicon of `claims.toml`.
#[derive(Debug, Clone)]
pub struct Claims {
    pub triggers: Vec<ClaimTrigger>,
    /// Words that may fill a trigger's gap when they refer to the speaker ("said that he would"):
    /// only then is the content the speaker's own action.
    pub self_reference: Vec<String>,
}

/// Everything the stage reads from `data/events/`.
#[derive(Debug, Clone)]
pub struct Resources {
    pub cameo: HashMap<String, CameoCode>,
    pub patterns: Vec<Pattern>,
    pub modality: Modality,
    pub claims: Claims,
}

impl Resources {
    /// Parses the bundled data files.
    pub fn bundled() -> Result<Self, LoadError> {
        Self::parse(PATTERNS_CSV, MODALITY_TOML, CLAIMS_TOML)
    }

    /// Parses the bundled CAMEO table and these three files' contents (tests pass edited copies).
    pub fn parse(patterns: &str, modality: &str, claims: &str) -> Result<Self, LoadError> {
        let cameo = crate::cameo::bundled()?;
        let patterns = parse_patterns(patterns, &cameo)?;
        Ok(Resources {
            cameo,
            patterns,
            modality: parse_modality(modality)?,
            claims: parse_claims(claims)?,
        })
    }
}

/// Data rows of a comma-separated file: comments, blank lines and the header skipped; each row split
/// into exactly `columns` fields (the last one keeps any further commas).
pub(crate) fn csv_rows<'a>(
    file: &'static str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<String>), LoadError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .skip(1)
        .map(move |(i, l)| {
            let fields: Vec<String> = l
                .splitn(columns, ',')
                .map(|f| f.trim().to_string())
                .collect();
            if fields.len() == columns {
                Ok((i + 1, fields))
            } else {
                Err(LoadError::Line {
                    file,
                    line: i + 1,
                    message: format!(
                        "expected {columns} comma-separated fields, found {}",
                        fields.len()
                    ),
                })
            }
        })
}

fn parse_patterns(
    text: &str,
    cameo: &HashMap<String, CameoCode>,
) -> Result<Vec<Pattern>, LoadError> {
    const FILE: &str = "data/events/patterns.csv";
    csv_rows(FILE, text, 3)
        .map(|row| {
            let (line, f) = row?;
            let bad = |message: String| LoadError::Line {
                file: FILE,
                line,
                message,
            };
            let phrase =
                Phrase::parse(&f[0]).ok_or_else(|| bad(format!("bad phrase {:?}", f[0])))?;
            if !cameo.contains_key(&f[1]) {
                return Err(bad(format!(
                    "CAMEO code {} is not in cameo_codes.csv",
                    f[1]
                )));
            }
            let frame = match f[2].as_str() {
                "svo" => Frame::Svo,
                "joint" => Frame::Joint,
                "reverse" => Frame::Reverse,
                "reproach" => Frame::Reproach,
                "patient" => Frame::Patient,
                other => {
                    return Err(bad(format!(
                        "frame {other:?} is not svo, joint, reverse, reproach or patient"
                    )))
                }
            };
            Ok(Pattern {
                phrase,
                cameo: f[1].clone(),
                frame,
                origin: format!("patterns.csv:{line}"),
                governed: false,
            })
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModalityFile {
    window: Windows,
    cues: CueLists,
    grammar: Grammar,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Windows {
    negation: usize,
    negation_after: usize,
    counterfactual: usize,
    hypothetical: usize,
    prevention: usize,
    intent: usize,
    target: usize,
    light_verbs: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueLists {
    negation: Vec<String>,
    negation_after: Vec<String>,
    counterfactual: Vec<String>,
    hypothetical: Vec<String>,
    prevention: Vec<String>,
    intent: Vec<String>,
    light_verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Grammar {
    joint_linkers: Vec<String>,
    near_linkers: Vec<String>,
    pair_linker: String,
    pair_roots: Vec<String>,
    speaker_roots: Vec<String>,
    untargeted_roots: Vec<String>,
    dictionary_skipped_roots: Vec<String>,
    speaker_pronouns: Vec<String>,
    subject_barriers: Vec<String>,
    target_stops: Vec<String>,
    passive_aux: Vec<String>,
    passive_agent: String,
    verb_coordinators: Vec<String>,
    determiners: Vec<String>,
    infinitive_marker: String,
    agent_nouns: Vec<String>,
    topic_prepositions: Vec<String>,
    denial_verbs: Vec<String>,
    complementizer: String,
}

fn phrases(file: &'static str, list: &[String]) -> Result<Vec<Phrase>, LoadError> {
    list.iter()
        .map(|p| {
            Phrase::parse(p).ok_or_else(|| LoadError::Phrase {
                file,
                phrase: p.clone(),
            })
        })
        .collect()
}

fn parse_modality(text: &str) -> Result<Modality, LoadError> {
    const FILE: &str = "data/events/modality.toml";
    let m: ModalityFile =
        toml::from_str(text).map_err(|source| LoadError::Toml { file: FILE, source })?;
    let cues = |list: &[String], window| -> Result<Cues, LoadError> {
        Ok(Cues {
            phrases: phrases(FILE, list)?,
            window,
        })
    };
    Ok(Modality {
        negation: cues(&m.cues.negation, m.window.negation)?,
        negation_after: cues(&m.cues.negation_after, m.window.negation_after)?,
        counterfactual: cues(&m.cues.counterfactual, m.window.counterfactual)?,
        hypothetical: cues(&m.cues.hypothetical, m.window.hypothetical)?,
        prevention: cues(&m.cues.prevention, m.window.prevention)?,
        intent: cues(&m.cues.intent, m.window.intent)?,
        light_verbs: cues(&m.cues.light_verbs, m.window.light_verbs)?,
        target_window: m.window.target,
        joint_linkers: m.grammar.joint_linkers,
        near_linkers: m.grammar.near_linkers,
        pair_linker: m.grammar.pair_linker,
        pair_roots: m.grammar.pair_roots,
        speaker_roots: m.grammar.speaker_roots,
        untargeted_roots: m.grammar.untargeted_roots,
        dictionary_skipped_roots: m.grammar.dictionary_skipped_roots,
        speaker_pronouns: m.grammar.speaker_pronouns,
        subject_barriers: m.grammar.subject_barriers,
        target_stops: m.grammar.target_stops,
        passive_aux: m.grammar.passive_aux,
        passive_agent: m.grammar.passive_agent,
        verb_coordinators: m.grammar.verb_coordinators,
        determiners: m.grammar.determiners,
        infinitive_marker: m.grammar.infinitive_marker,
        agent_nouns: m.grammar.agent_nouns,
        topic_prepositions: m.grammar.topic_prepositions,
        denial_verbs: m.grammar.denial_verbs,
        complementizer: m.grammar.complementizer,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    self_reference: Vec<String>,
    trigger: Vec<ClaimEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimEntry {
    phrase: String,
    kind: ClaimKindName,
    dated_kind: Option<ClaimKindName>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum ClaimKindName {
    Promise,
    Prediction,
}

impl From<ClaimKindName> for ClaimKind {
    fn from(name: ClaimKindName) -> Self {
        match name {
            ClaimKindName::Promise => ClaimKind::Promise,
            ClaimKindName::Prediction => ClaimKind::Prediction,
        }
    }
}

fn parse_claims(text: &str) -> Result<Claims, LoadError> {
    const FILE: &str = "data/events/claims.toml";
    let c: ClaimsFile =
        toml::from_str(text).map_err(|source| LoadError::Toml { file: FILE, source })?;
    let triggers = c
        .trigger
        .into_iter()
        .map(|t| {
            let phrase = Phrase::parse(&t.phrase).ok_or_else(|| LoadError::Phrase {
                file: FILE,
                phrase: t.phrase.clone(),
            })?;
            Ok(ClaimTrigger {
                phrase,
                kind: t.kind.into(),
                dated_kind: t.dated_kind.unwrap_or(t.kind).into(),
            })
        })
        .collect::<Result<_, LoadError>>()?;
    Ok(Claims {
        triggers,
        self_reference: c.self_reference,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_loads_and_every_pattern_code_is_known() {
        let r = Resources::bundled().unwrap();
        assert!(r.patterns.len() > 100, "broad coverage expected");
        assert!(r.patterns.iter().all(|p| r.cameo.contains_key(&p.cameo)));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let bad_patterns = "phrase,cameo,frame\nprais*,999,svo\n";
        let err = Resources::parse(bad_patterns, MODALITY_TOML, CLAIMS_TOML).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/events/patterns.csv:2: CAMEO code 999 is not in cameo_codes.csv"
        );
    }
}
