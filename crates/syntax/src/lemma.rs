//! Lemmatiser learned from the treebank: a table of (word, tag) → lemma for words seen in
//! training, and suffix rewrite rules per tag ("-ies" + NNS → "-y") for the rest.

use crate::hash::{feature, hash_str, FeatureMap};

/// The longest word ending (in characters) a rule is keyed on.
const MAX_SUFFIX: usize = 5;
/// A rule needs this many supporting training words to be trusted.
const MIN_RULE_COUNT: u32 = 2;

/// How to turn a word into its lemma: drop `strip` characters, then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rewrite {
    pub strip: u8,
    pub append: String,
}

impl Rewrite {
    /// The rewrite taking `form` to `lemma` (both lower-cased).
    fn between(form: &str, lemma: &str) -> Rewrite {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Rewrite {
            strip: (form.chars().count() - common).min(255) as u8,
            append: lemma.chars().skip(common).collect(),
        }
    }

    fn apply(&self, form: &str) -> String {
        let keep = form.chars().count().saturating_sub(usize::from(self.strip));
        form.chars().take(keep).chain(self.append.chars()).collect()
    }
}

/// The trained lemmatiser.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lemmatizer {
    /// `key(form, tag)` → lemma, for every word seen in training (most frequent lemma).
    pub known: FeatureMap<String>,
    /// `key(suffix, tag)` → most frequent rewrite of training words with that ending and tag.
    pub rules: FeatureMap<Rewrite>,
}

fn known_key(form: &str, tag: u16) -> u64 {
    feature(1, hash_str(form), u64::from(tag), 0)
}

fn rule_key(suffix: &str, tag: u16) -> u64 {
    feature(2, hash_str(suffix), u64::from(tag), 0)
}

/// The last `k` characters of `word`, if it has that many.
fn suffix(word: &str, k: usize) -> Option<&str> {
    let start = word.char_indices().rev().nth(k.checked_sub(1)?)?.0;
    Some(&word[start..])
}

impl Lemmatizer {
    /// The lemma of `form` tagged `tag`; proper nouns keep their case, other words are lower-cased.
    pub fn lemma(&self, form: &str, tag: u16, is_proper: bool) -> String {
        if let Some(lemma) = self.known.get(&known_key(form, tag)) {
            return lemma.clone();
        }
        let lower = form.to_lowercase();
        if let Some(lemma) = self.known.get(&known_key(&lower, tag)) {
            return lemma.clone();
        }
        let base = if is_proper { form } else { &lower };
        (1..=MAX_SUFFIX)
            .rev()
            .filter_map(|k| suffix(&lower, k))
            .find_map(|s| self.rules.get(&rule_key(s, tag)))
            .map_or_else(|| base.to_string(), |rule| rule.apply(base))
    }
}

/// Learns the table and rules from `(form, tag, lemma)` training words.
pub fn train<'a>(words: impl IntoIterator<Item = (&'a str, u16, &'a str)>) -> Lemmatizer {
    let mut lemmas: FeatureMap<FeatureMap<(u32, &'a str)>> = FeatureMap::default();
    let mut rewrites: FeatureMap<std::collections::BTreeMap<Rewrite, u32>> = FeatureMap::default();
    for (form, tag, lemma) in words {
        let entry = lemmas
            .entry(known_key(form, tag))
            .or_default()
            .entry(hash_str(lemma))
            .or_insert((0, lemma));
        entry.0 += 1;
        let lower = form.to_lowercase();
        let rewrite = Rewrite::between(&lower, &lemma.to_lowercase());
        for k in 1..=MAX_SUFFIX {
            if let Some(s) = suffix(&lower, k) {
                *rewrites
                    .entry(rule_key(s, tag))
                    .or_default()
                    .entry(rewrite.clone())
                    .or_default() += 1;
            }
        }
    }
    let known = lemmas
        .into_iter()
        .filter_map(|(key, options)| {
            let (_, lemma) = options.into_values().max_by_key(|&(n, l)| (n, l))?;
            Some((key, lemma.to_string()))
        })
        .collect();
    let rules = rewrites
        .into_iter()
        .filter_map(|(key, options)| {
            let (rewrite, n) = options.into_iter().max_by_key(|(r, n)| (*n, r.clone()))?;
            (n >= MIN_RULE_COUNT).then_some((key, rewrite))
        })
        .collect();
    Lemmatizer { known, rules }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NNS: u16 = 1;
    const VBD: u16 = 2;

    fn lemmatizer() -> Lemmatizer {
        train([
            ("parties", NNS, "party"),
            ("cities", NNS, "city"),
            ("talks", NNS, "talk"),
            ("dismissed", VBD, "dismiss"),
            ("walked", VBD, "walk"),
            ("played", VBD, "play"),
            ("went", VBD, "go"),
        ])
    }

    #[test]
    fn known_words_come_from_the_table() {
        assert_eq!(lemmatizer().lemma("went", VBD, false), "go");
        assert_eq!(lemmatizer().lemma("Went", VBD, false), "go");
    }

    #[test]
    fn unseen_words_follow_suffix_rules() {
        let l = lemmatizer();
        assert_eq!(l.lemma("Misc", VBD, false), "misc"); // no rule for "-c": unchanged
        assert_eq!(l.lemma("counties", NNS, false), "county");
        assert_eq!(l.lemma("Rejected", VBD, false), "reject");
    }
}
