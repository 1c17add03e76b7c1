//! The parts of a verb pattern (`- pre-verb * post-verb [CODE] # comment`), as structured data.

use std::fmt;

/// A word of a pattern, or a reference to a synset that stands for any of its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A lower-cased word.
    Word(String),
    /// `&NAME`: any member of the synset `NAME` (stored without `&` and without a trailing `_`).
    Synset(String),
}

/// One element of the part of a pattern before or after the verb (`*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternItem {
    /// A bare noun (or particle such as `OFF`, `UP`): the head of a noun phrase.
    Noun(Term),
    /// `{FINANCIAL AID}`: a noun phrase whose head is the last term.
    NounPhrase(Vec<Term>),
    /// `(FOR AID)`, `(TO/FOR PROTEST)`, `(INTO)`: a preposition (or `/`-separated alternatives)
    /// and what it governs, possibly nothing.
    Preposition {
        prepositions: Vec<String>,
        object: Vec<PatternItem>,
    },
    /// `$`: where the source actor is.
    Source,
    /// `+`: where the target actor is.
    Target,
    /// `^`: skip to the end of the noun phrase.
    Skip,
    /// `%`: a compound actor (both source and target).
    Compound,
}

impl PatternItem {
    /// The head term of a noun or noun phrase (its last term).
    pub fn head(&self) -> Option<&Term> {
        match self {
            PatternItem::Noun(term) => Some(term),
            PatternItem::NounPhrase(terms) => terms.last(),
            _ => None,
        }
    }

    /// Every synset this item refers to, nested ones included.
    pub fn synsets(&self) -> Vec<&str> {
        match self {
            PatternItem::Noun(term) => synset_name(term).into_iter().collect(),
            PatternItem::NounPhrase(terms) => terms.iter().filter_map(synset_name).collect(),
            PatternItem::Preposition { object, .. } => {
                object.iter().flat_map(PatternItem::synsets).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// Written back in pattern syntax (`&MILITARY`, `debt_relief`).
impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Word(word) => f.write_str(&word.replace(' ', "_")),
            Term::Synset(name) => write!(f, "&{name}"),
        }
    }
}

/// Written back in pattern syntax, so that the pattern parser reads it again unchanged.
impl fmt::Display for PatternItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternItem::Noun(term) => write!(f, "{term}"),
            PatternItem::NounPhrase(terms) => write!(f, "{{{}}}", join(terms)),
            PatternItem::Preposition {
                prepositions,
                object,
            } if object.is_empty() => {
                write!(f, "({})", prepositions.join("/"))
            }
            PatternItem::Preposition {
                prepositions,
                object,
            } => {
                write!(f, "({} {})", prepositions.join("/"), join(object))
            }
            PatternItem::Source => f.write_str("$"),
            PatternItem::Target => f.write_str("+"),
            PatternItem::Skip => f.write_str("^"),
            PatternItem::Compound => f.write_str("%"),
        }
    }
}

/// Items or terms separated by blanks.
pub fn join<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn synset_name(term: &Term) -> Option<&str> {
    match term {
        Term::Synset(name) => Some(name),
        Term::Word(_) => None,
    }
}

/// The text of one pattern split at `*`: the items before the verb and after it.
pub(crate) fn parse_pattern_body(
    body: &str,
) -> Result<(Vec<PatternItem>, Vec<PatternItem>), String> {
    let (before, after) = body
        .split_once('*')
        .ok_or_else(|| "pattern has no '*' for the verb".to_string())?;
    if after.contains('*') {
        return Err("pattern has more than one '*'".into());
    }
    Ok((parse_items(before)?, parse_items(after)?))
}

/// Reads a run of pattern items: words, markers, `{phrases}`, `(prepositional groups)`.
pub(crate) fn parse_items(text: &str) -> Result<Vec<PatternItem>, String> {
    let mut items = Vec::new();
    let mut rest = text.trim_start();
    while let Some(first) = rest.chars().next() {
        let consumed = match first {
            '{' => {
                let (inside, len) = bracketed(rest, '{', '}')?;
                let terms = inside.split_whitespace().map(term).collect::<Vec<_>>();
                if terms.is_empty() {
                    return Err("empty {} noun phrase".into());
                }
                items.push(PatternItem::NounPhrase(terms));
                len
            }
            '(' => {
                let (inside, len) = bracketed(rest, '(', ')')?;
                items.push(preposition_group(inside)?);
                len
            }
            '}' | ')' => return Err(format!("unmatched '{first}'")),
            _ => {
                let len = rest
                    .find(|c: char| c.is_whitespace() || "{}()".contains(c))
                    .unwrap_or(rest.len());
                items.push(word_item(&rest[..len]));
                len
            }
        };
        rest = rest[consumed..].trim_start();
    }
    Ok(items)
}

fn preposition_group(inside: &str) -> Result<PatternItem, String> {
    let inside = inside.trim();
    let split = inside.find(char::is_whitespace).unwrap_or(inside.len());
    let (preposition, object) = inside.split_at(split);
    if preposition.is_empty() {
        return Err("empty () prepositional group".into());
    }
    Ok(PatternItem::Preposition {
        prepositions: preposition.split('/').map(str::to_lowercase).collect(),
        object: parse_items(object)?,
    })
}

/// The text between `open` at the start of `text` and its `close`, and how many bytes that took.
fn bracketed(text: &str, open: char, close: char) -> Result<(&str, usize), String> {
    let end = text
        .find(close)
        .ok_or_else(|| format!("'{open}' without '{close}'"))?;
    let inside = &text[open.len_utf8()..end];
    if inside.contains(open) {
        return Err(format!("nested '{open}'"));
    }
    Ok((inside, end + close.len_utf8()))
}

fn word_item(token: &str) -> PatternItem {
    match token {
        "$" => PatternItem::Source,
        "+" => PatternItem::Target,
        "^" => PatternItem::Skip,
        "%" => PatternItem::Compound,
        _ => PatternItem::Noun(term(token)),
    }
}

fn term(token: &str) -> Term {
    match token.strip_prefix('&') {
        Some(name) => Term::Synset(name.trim_end_matches('_').to_uppercase()),
        None => Term::Word(token.replace('_', " ").to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Term {
        Term::Word(w.into())
    }

    #[test]
    fn nouns_phrases_groups_and_markers() {
        let (before, after) =
            parse_pattern_body("&AIRCRAFT * {FINANCIAL AID} (TO/FOR +) (OF {&MILITARY AID}) $ ^")
                .unwrap();
        assert_eq!(before, [PatternItem::Noun(Term::Synset("AIRCRAFT".into()))]);
        assert_eq!(
            after[0],
            PatternItem::NounPhrase(vec![word("financial"), word("aid")])
        );
        assert_eq!(after[0].head(), Some(&word("aid")));
        assert_eq!(
            after[1],
            PatternItem::Preposition {
                prepositions: vec!["to".into(), "for".into()],
                object: vec![PatternItem::Target]
            }
        );
        assert_eq!(after[2].synsets(), ["MILITARY"]);
        assert_eq!(after[3..], [PatternItem::Source, PatternItem::Skip]);
        assert_eq!(
            join(&after),
            "{financial aid} (to/for +) (of {&MILITARY aid}) $ ^"
        );
        assert_eq!(
            parse_items(&join(&after)).unwrap(),
            after,
            "written back, read again"
        );
    }

    #[test]
    fn malformed_patterns_are_errors() {
        assert!(parse_pattern_body("AID").unwrap_err().contains("'*'"));
        assert!(parse_pattern_body("* (FOR AID")
            .unwrap_err()
            .contains("without ')'"));
        assert!(parse_pattern_body("* * AID").is_err());
        assert!(parse_pattern_body("* {}").is_err());
    }
}
