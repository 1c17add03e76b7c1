//! Phrases (sequences of lower-cased words) and the English inflection rules the PETRARCH format
//! leaves to the reader: regular noun plurals and regular verb forms.

use std::fmt;

/// A sequence of words as a dictionary writes it: `_` joins words that must be consecutive, a
/// blank lets other words come between them (agent and discard phrases use both).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phrase {
    /// Lower-cased words.
    pub words: Vec<String>,
    /// `gaps[i]`: other words may come between `words[i]` and `words[i + 1]`.
    pub gaps: Vec<bool>,
}

impl Phrase {
    /// Reads `BARACK_OBAMA`, `ANDRE AGASSI` or `!MINIST! FOR_AGRICULTURE`; leading and trailing
    /// `_` are not words (callers that give them a meaning look at them first). `None` when no
    /// word is left.
    pub fn parse(text: &str) -> Option<Phrase> {
        let mut words = Vec::new();
        let mut gaps = Vec::new();
        let mut word = String::new();
        let mut gap_before_word = false;
        for ch in text.trim().trim_matches('_').chars() {
            match ch {
                '_' | ' ' | '\t' => {
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                        gap_before_word = false;
                    }
                    gap_before_word |= ch != '_';
                }
                _ => {
                    if word.is_empty() && !words.is_empty() {
                        gaps.push(gap_before_word);
                    }
                    word.extend(ch.to_lowercase());
                }
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        (!words.is_empty()).then_some(Phrase { words, gaps })
    }

    /// A phrase of consecutive words.
    pub fn from_words(words: Vec<String>) -> Phrase {
        let gaps = vec![false; words.len().saturating_sub(1)];
        Phrase { words, gaps }
    }

    /// The same phrase with its last word replaced.
    pub fn with_last_word(&self, last: String) -> Phrase {
        let mut phrase = self.clone();
        if let Some(word) = phrase.words.last_mut() {
            *word = last;
        }
        phrase
    }

    /// The phrase with the regular plural of its last word.
    pub fn plural(&self) -> Phrase {
        self.with_last_word(plural(self.words.last().map_or("", String::as_str)))
    }
}

/// Written the way the PETRARCH files write it, lower-cased: `barack_obama`, `andre agassi`.
impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, word) in self.words.iter().enumerate() {
            if index > 0 {
                f.write_str(if self.gaps[index - 1] { " " } else { "_" })?;
            }
            f.write_str(word)?;
        }
        Ok(())
    }
}

fn ends_in_consonant_y(word: &str) -> bool {
    let mut chars = word.chars().rev();
    chars.next() == Some('y') && chars.next().is_some_and(|c| !"aeiou".contains(c))
}

/// The regular English plural: `-ies` after a consonant + y, `-es` after a sibilant, else `-s`.
pub fn plural(noun: &str) -> String {
    if ends_in_consonant_y(noun) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| noun.ends_with(end))
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// The regular forms of an English verb besides the base form: third person `-s`, past `-ed`,
/// present participle `-ing` (`accelerate` → `accelerates accelerated accelerating`).
pub fn regular_verb_forms(verb: &str) -> [String; 3] {
    let third = plural(verb);
    let (past, participle) = if ends_in_consonant_y(verb) {
        (
            format!("{}ied", &verb[..verb.len() - 1]),
            format!("{verb}ing"),
        )
    } else if verb.ends_with("ee") {
        (format!("{verb}d"), format!("{verb}ing"))
    } else if let Some(stem) = verb.strip_suffix('e') {
        (format!("{verb}d"), format!("{stem}ing"))
    } else {
        (format!("{verb}ed"), format!("{verb}ing"))
    };
    [third, past, participle]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_keep_which_words_must_be_consecutive() {
        let phrase = Phrase::parse("MINISTER FOR_AGRICULTURE_").unwrap();
        assert_eq!(phrase.words, ["minister", "for", "agriculture"]);
        assert_eq!(phrase.gaps, [true, false]);
        assert_eq!(phrase.to_string(), "minister for_agriculture");
        assert_eq!(Phrase::parse(" _ "), None);
    }

    #[test]
    fn regular_inflections() {
        assert_eq!(plural("army"), "armies");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("boss"), "bosses");
        assert_eq!(plural("minister"), "ministers");
        assert_eq!(
            regular_verb_forms("accelerate"),
            ["accelerates", "accelerated", "accelerating"]
        );
        assert_eq!(
            regular_verb_forms("hurry"),
            ["hurries", "hurried", "hurrying"]
        );
        assert_eq!(regular_verb_forms("ask"), ["asks", "asked", "asking"]);
        assert_eq!(
            regular_verb_forms("agree"),
            ["agrees", "agreed", "agreeing"]
        );
    }
}
