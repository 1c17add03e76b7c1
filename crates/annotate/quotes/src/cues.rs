//! The attribution cue lexicon, `data/quotes/cues.tsv` (bundled at build time): cue words of
//! every attribution kind with the dependency relations their content hangs under. Its header
//! documents the columns.

use crate::lexicon::LexiconError;
use eventwire_model::QuoteKind;
use std::collections::HashMap;

const CUES_TSV: &str = include_str!("../../../../data/quotes/cues.tsv");
const CUES_PATH: &str = "data/quotes/cues.tsv";

/// Word class a cue has to carry in the parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CuePos {
    Verb,
    Noun,
}

impl CuePos {
    /// The cue class of a UPOS tag, if it can be a cue at all.
    pub fn of_upos(upos: &str) -> Option<Self> {
        match upos {
            "VERB" => Some(CuePos::Verb),
            "NOUN" => Some(CuePos::Noun),
            _ => None,
        }
    }
}

/// One cue: the kind of attribution it makes and its content relations, in order of preference.
#[derive(Debug, Clone)]
pub struct Cue {
    pub kind: QuoteKind,
    pub content: Vec<String>,
}

/// Cues by lemma and word class.
#[derive(Debug)]
pub struct Cues(HashMap<(String, CuePos), Cue>);

impl Cues {
    pub fn bundled() -> Result<Self, LexiconError> {
        Self::parse(CUES_TSV, CUES_PATH)
    }

    /// Parses the TSV; `path` names the source in errors.
    pub fn parse(source: &str, path: &'static str) -> Result<Self, LexiconError> {
        let mut cues = HashMap::new();
        let mut rows = source
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        // The first uncommented line names the columns.
        rows.next();
        for (index, row) in rows {
            let bad = |message: String| LexiconError::BadRow {
                path,
                line: index + 1,
                message,
            };
            let (lemma, cue_pos, cue) = parse_row(row).map_err(bad)?;
            if cues.insert((lemma.clone(), cue_pos), cue).is_some() {
                return Err(bad(format!("`{lemma}` is listed twice for {cue_pos:?}")));
            }
        }
        Ok(Cues(cues))
    }

    /// The cue a word with this lemma and UPOS tag makes, if any.
    pub fn get(&self, lemma: &str, upos: &str) -> Option<&Cue> {
        let cue_pos = CuePos::of_upos(upos)?;
        self.0.get(&(lemma.to_lowercase(), cue_pos))
    }
}

fn parse_row(row: &str) -> Result<(String, CuePos, Cue), String> {
    let columns: Vec<&str> = row.split('\t').map(str::trim).collect();
    let [lemma, cue_pos, kind, content, provenance] = columns[..] else {
        return Err(format!(
            "expected 5 tab-separated columns, found {}",
            columns.len()
        ));
    };
    if lemma.is_empty() || provenance.is_empty() {
        return Err("a row needs a lemma and its provenance".into());
    }
    let cue_pos = match cue_pos {
        "VERB" => CuePos::Verb,
        "NOUN" => CuePos::Noun,
        other => return Err(format!("pos `{other}` is neither VERB nor NOUN")),
    };
    let kind = match kind {
        "statement" => QuoteKind::Indirect,
        "belief" => QuoteKind::Belief,
        "intention" => QuoteKind::Intention,
        "stance" => QuoteKind::Stance,
        "evidence" => QuoteKind::Evidence,
        other => return Err(format!("unknown kind `{other}`")),
    };
    let content: Vec<String> = content.split(',').map(|r| r.trim().to_string()).collect();
    let known = |r: &String| {
        let relation = r
            .split_once('@')
            .map_or(r.as_str(), |(relation, _)| relation);
        CONTENT_RELATIONS.contains(&relation)
    };
    if !content.iter().all(known) {
        return Err(format!(
            "content `{}` is not among {CONTENT_RELATIONS:?}",
            content.join(",")
        ));
    }
    Ok((lemma.to_lowercase(), cue_pos, Cue { kind, content }))
}

/// The relations a content may hang under (`obl@for`: an `obl` child with the preposition "for");
/// `clause` is the cue's own clause ("New Hampshire seems stable").
pub const CLAUSE: &str = "clause";
const CONTENT_RELATIONS: [&str; 7] = ["ccomp", "xcomp", "obj", "obl", "acl", "nmod", CLAUSE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_cues_load() {
        let cues = Cues::bundled().unwrap();
        assert_eq!(cues.get("believe", "VERB").unwrap().kind, QuoteKind::Belief);
        assert_eq!(cues.get("say", "VERB").unwrap().kind, QuoteKind::Indirect);
        assert!(cues.get("say", "NOUN").is_none());
        assert_eq!(
            cues.get("decision", "NOUN").unwrap().kind,
            QuoteKind::Intention
        );
    }

    #[test]
    fn a_bad_row_names_the_file_and_line() {
        let source =
            "# comment\nlemma\tpos\tkind\tcontent\tprovenance\nsay\tVERB\tspeech\tccomp\tx\n";
        let error = Cues::parse(source, "cues.tsv").unwrap_err().to_string();
        assert_eq!(error, "cues.tsv:3: unknown kind `speech`");
    }
}
