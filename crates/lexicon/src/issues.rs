//! The issue dictionary (`Phoenix.IssueCoding.txt`): phrases that tag a sentence with an issue
//! (`n:genocide [ID_ATROCITY]`), in categories, with phrases that cancel issue coding.

use crate::phrase::{plural, regular_verb_forms, Phrase};
use crate::source::{source_lines, Diagnostics, Provenance};

/// The issue phrases and the ignore phrases of an issue file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IssueDictionary {
    pub phrases: Vec<IssuePhrase>,
    pub ignores: Vec<IssueIgnore>,
}

/// One issue line.
#[derive(Debug, Clone, PartialEq)]
pub struct IssuePhrase {
    /// The phrase as written, expansions unexpanded (`war n:crime`).
    pub pattern: String,
    /// Every word sequence the pattern stands for (`war crime`, `war crimes`).
    pub forms: Vec<Phrase>,
    pub code: String,
    /// The `<ISSUE CATEGORY="...">` section the line is in.
    pub category: Option<String>,
    pub provenance: Provenance,
}

/// `~phrase`: a sentence containing it gets no issues at all.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueIgnore {
    pub pattern: String,
    pub forms: Vec<Phrase>,
    pub provenance: Provenance,
}

impl IssueDictionary {
    pub fn extend(&mut self, other: IssueDictionary) {
        self.phrases.extend(other.phrases);
        self.ignores.extend(other.ignores);
    }
}

/// Parses a PETRARCH issue file.
pub(crate) fn parse_issues(
    file: &str,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> IssueDictionary {
    let mut dictionary = IssueDictionary::default();
    let mut category = None;
    for line in source_lines(file, text) {
        let content = line.content.trim();
        if content.starts_with("</ISSUE") {
            category = None;
        } else if content.starts_with("<ISSUE") {
            category = category_of(content);
        } else if let Some(ignored) = content.strip_prefix('~') {
            let pattern = ignored.trim_start_matches('~').trim();
            dictionary.ignores.push(IssueIgnore {
                pattern: pattern.to_string(),
                forms: expand(pattern),
                provenance: line.provenance,
            });
        } else {
            match issue_line(content) {
                Ok((pattern, code)) => dictionary.phrases.push(IssuePhrase {
                    pattern: pattern.to_string(),
                    forms: expand(pattern),
                    code: code.to_string(),
                    category: category.clone(),
                    provenance: line.provenance,
                }),
                Err(message) => diagnostics.report(&line.provenance, message),
            }
        }
    }
    dictionary
}

fn category_of(tag: &str) -> Option<String> {
    let (_, rest) = tag.split_once("CATEGORY=\"")?;
    Some(rest.split_once('"')?.0.to_string())
}

/// `pattern [CODE]`; the code may follow the phrase without a blank.
fn issue_line(content: &str) -> Result<(&str, &str), String> {
    let (pattern, code) = content
        .split_once('[')
        .ok_or("issue phrase without a [CODE]")?;
    let code = code
        .strip_suffix(']')
        .ok_or("'[' without ']' at the end")?
        .trim();
    if code.is_empty() || code.contains(char::is_whitespace) {
        return Err(format!("bad issue code [{code}]"));
    }
    if pattern.trim().is_empty() {
        return Err("issue code without a phrase".into());
    }
    Ok((pattern.trim(), code))
}

/// The word sequences of a pattern: `n:` gives singular and plural, `v:` the regular verb forms,
/// `a+b` both `a b` and `a-b`.
pub(crate) fn expand(pattern: &str) -> Vec<Phrase> {
    let mut sequences: Vec<Vec<String>> = vec![Vec::new()];
    for token in pattern.split_whitespace() {
        let variants = token_variants(token);
        sequences = sequences
            .iter()
            .flat_map(|done| {
                variants.iter().map(move |variant| {
                    let mut next = done.clone();
                    next.extend(variant.split(' ').map(str::to_string));
                    next
                })
            })
            .collect();
    }
    sequences
        .into_iter()
        .filter(|words| !words.is_empty())
        .map(Phrase::from_words)
        .collect()
}

fn token_variants(token: &str) -> Vec<String> {
    let mut variants = vec![String::new()];
    for (index, part) in token.split('+').enumerate() {
        let forms = word_forms(&part.to_lowercase());
        let joiners: &[&str] = if index == 0 { &[""] } else { &[" ", "-"] };
        let mut next = Vec::new();
        for done in &variants {
            for joiner in joiners {
                next.extend(forms.iter().map(|form| format!("{done}{joiner}{form}")));
            }
        }
        variants = next;
    }
    variants
}

fn word_forms(part: &str) -> Vec<String> {
    if let Some(noun) = part.strip_prefix("n:") {
        vec![noun.to_string(), plural(noun)]
    } else if let Some(verb) = part.strip_prefix("v:") {
        std::iter::once(verb.to_string())
            .chain(regular_verb_forms(verb))
            .collect()
    } else {
        vec![part.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../tests/fixtures/petrarch/test.issues.txt");

    fn parse() -> (IssueDictionary, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let dictionary = parse_issues("test.issues.txt", FIXTURE, &mut diagnostics);
        (
            dictionary,
            diagnostics.0.iter().map(ToString::to_string).collect(),
        )
    }

    fn forms(phrase: &IssuePhrase) -> Vec<String> {
        phrase.forms.iter().map(|p| p.words.join(" ")).collect()
    }

    #[test]
    fn expansions_and_categories() {
        let (dictionary, _) = parse();
        let war_crime = &dictionary.phrases[0];
        assert_eq!(war_crime.pattern, "war n:crime");
        assert_eq!(forms(war_crime), ["war crime", "war crimes"]);
        assert_eq!(war_crime.category.as_deref(), Some("ID_ATROCITY"));
        assert_eq!(
            forms(&dictionary.phrases[1]),
            ["massacre", "massacres", "massacred", "massacring"]
        );
        assert_eq!(
            forms(&dictionary.phrases[2]),
            ["al zarqawi network", "al-zarqawi network"]
        );
        assert_eq!(
            forms(&dictionary.phrases[3]),
            ["pre school", "pre schools", "pre-school", "pre-schools"]
        );
        assert_eq!(
            dictionary.phrases[4].category, None,
            "outside any <ISSUE> section"
        );
        assert_eq!(dictionary.phrases[4].code, "TOURISM");
    }

    #[test]
    fn ignores_and_malformed_lines() {
        let (dictionary, diagnostics) = parse();
        let ignores: Vec<&str> = dictionary
            .ignores
            .iter()
            .map(|i| i.pattern.as_str())
            .collect();
        assert_eq!(ignores, ["Saturday Night massacre", "Armenian genocide"]);
        assert_eq!(
            diagnostics,
            ["test.issues.txt:9: issue phrase without a [CODE]"]
        );
        assert_eq!(dictionary.phrases.len(), 5);
    }
}
