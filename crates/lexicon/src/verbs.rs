//! The verb dictionary (`CAMEO.2.0.txt`): synsets, verb blocks, verbs with their forms, patterns
//! and transformations.

use crate::pattern::{parse_pattern_body, PatternItem};
use crate::phrase::{regular_verb_forms, Phrase};
use crate::source::{source_lines, Diagnostics, Provenance, SourceLine};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Everything a verb file holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VerbDictionary {
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
    pub transformations: Vec<Transformation>,
}

/// `&NAME` followed by `+member` lines: words or phrases a pattern can name all at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Synset {
    /// Upper-case, without `&` and without the trailing `_` that turns plurals off.
    pub name: String,
    /// The members, each with its own provenance.
    pub members: Vec<SynsetMember>,
}

/// One `+member` of a synset and the forms it matches (itself and, unless the member or the
/// synset label ends in `_`, its regular plural).
#[derive(Debug, Clone, PartialEq)]
pub struct SynsetMember {
    pub phrase: Phrase,
    pub forms: Vec<Phrase>,
    pub provenance: Provenance,
}

/// `--- NAME [CODE] ---`: verbs that share patterns.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbBlock {
    pub name: String,
    /// The code of a verb of the block standing alone; `None` for the null code `---`.
    pub code: Option<String>,
    pub provenance: Provenance,
}

/// A verb (or multi-word verb such as `ask for`) of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Verb {
    /// Index into [`VerbDictionary::blocks`].
    pub block: usize,
    /// The form as written first on the line.
    pub lemma: VerbForm,
    /// Every form that is this verb: the lemma, then the `{irregular}` forms or the generated
    /// regular ones.
    pub forms: Vec<VerbForm>,
    /// The verb's own `[CODE]`, overriding its block's (`Some("---")`: explicitly no event).
    pub code: Option<String>,
    pub provenance: Provenance,
}

/// One form of a verb: its words and which of them the parser tags as the verb (`+` in
/// `+ASK_FOR` or `WIRE_+TAP`; the only word of a one-word verb).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VerbForm {
    pub words: Vec<String>,
    pub head: usize,
}

/// Written as the verb files write it, lower-cased: `ask`, `+ask_for`, `wire_+tap`.
impl fmt::Display for VerbForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, word) in self.words.iter().enumerate() {
            if index > 0 {
                f.write_str("_")?;
            }
            if index == self.head && self.words.len() > 1 {
                f.write_str("+")?;
            }
            f.write_str(word)?;
        }
        Ok(())
    }
}

impl VerbForm {
    /// The word the dependency parse has as the verb.
    pub fn head_word(&self) -> &str {
        &self.words[self.head]
    }
}

/// `- pre * post [CODE] # note`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Index into [`VerbDictionary::blocks`].
    pub block: usize,
    /// Items before the verb (typically the source's head noun).
    pub before: Vec<PatternItem>,
    /// Items after the verb: objects, particles, prepositional groups.
    pub after: Vec<PatternItem>,
    /// The CAMEO code before `:` as written; `---` or empty: no event.
    pub code: String,
    /// The code after `:` in `[042:043]`, kept as written.
    pub alt_code: Option<String>,
    /// The pattern's comment: the verb it was written for and coder notes.
    pub note: String,
    pub provenance: Provenance,
}

impl Pattern {
    /// The CAMEO code this pattern assigns, `None` for the null code.
    pub fn event_code(&self) -> Option<&str> {
        non_null_code(&self.code)
    }
}

/// `~ a (a b ATTACK) SAY = a b 015`: a verb-on-verb rewrite, kept as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Transformation {
    pub text: String,
    pub provenance: Provenance,
}

pub(crate) fn non_null_code(code: &str) -> Option<&str> {
    (!code.is_empty() && code != "---").then_some(code)
}

impl VerbDictionary {
    /// The code a verb has standing alone: its own, else its block's; `None` for no event.
    pub fn code_of<'a>(&'a self, verb: &'a Verb) -> Option<&'a str> {
        match &verb.code {
            Some(code) => non_null_code(code),
            None => self.blocks[verb.block].code.as_deref(),
        }
    }

    /// Adds another dictionary's rows. A block or synset with a name already present is the same
    /// block or synset (its verbs, patterns or members are added to it; a block code given by
    /// `other` replaces the old one).
    pub fn extend(&mut self, other: VerbDictionary) {
        let mut block_index: HashMap<String, usize> = self
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.name.clone(), i))
            .collect();
        let renumbered: Vec<usize> = other
            .blocks
            .into_iter()
            .map(|block| match block_index.get(&block.name) {
                Some(&index) => {
                    if block.code.is_some() {
                        self.blocks[index].code = block.code;
                    }
                    index
                }
                None => {
                    block_index.insert(block.name.clone(), self.blocks.len());
                    self.blocks.push(block);
                    self.blocks.len() - 1
                }
            })
            .collect();
        self.verbs.extend(other.verbs.into_iter().map(|mut verb| {
            verb.block = renumbered[verb.block];
            verb
        }));
        self.patterns
            .extend(other.patterns.into_iter().map(|mut pattern| {
                pattern.block = renumbered[pattern.block];
                pattern
            }));
        for synset in other.synsets {
            match self.synsets.iter_mut().find(|s| s.name == synset.name) {
                Some(existing) => existing.members.extend(synset.members),
                None => self.synsets.push(synset),
            }
        }
        self.transformations.extend(other.transformations);
    }

    /// Drops patterns that name a synset no file defines (as PETRARCH does), reporting each.
    pub(crate) fn drop_patterns_with_unknown_synsets(&mut self, diagnostics: &mut Diagnostics) {
        let known: HashSet<&str> = self.synsets.iter().map(|s| s.name.as_str()).collect();
        let mut unknown = Vec::new();
        self.patterns.retain(|pattern| {
            let missing = pattern
                .before
                .iter()
                .chain(&pattern.after)
                .flat_map(PatternItem::synsets)
                .find(|name| !known.contains(name));
            if let Some(name) = missing {
                unknown.push((pattern.provenance.clone(), name.to_string()));
            }
            missing.is_none()
        });
        for (provenance, name) in unknown {
            diagnostics.report(
                &provenance,
                format!("synset &{name} is not defined; pattern skipped"),
            );
        }
    }
}

/// What the lines seen so far make the current context: `+` lines belong to a synset after
/// `&NAME`, and are multi-word verbs inside a verb block.
enum Context {
    Start,
    Synset { plurals: bool },
    Block,
}

/// Parses a PETRARCH verb file.
pub(crate) fn parse_verbs(file: &str, text: &str, diagnostics: &mut Diagnostics) -> VerbDictionary {
    let mut dictionary = VerbDictionary::default();
    let mut context = Context::Start;
    for line in source_lines(file, text) {
        let content = line.content.trim();
        let result = match content.chars().next() {
            Some('&') => start_synset(&mut dictionary, content).map(|plurals| {
                context = Context::Synset { plurals };
            }),
            Some('~') => {
                dictionary.transformations.push(Transformation {
                    text: content.to_string(),
                    provenance: line.provenance.clone(),
                });
                Ok(())
            }
            _ if content.starts_with("---") => {
                start_block(&mut dictionary, &line, content).map(|()| {
                    context = Context::Block;
                })
            }
            Some('+') if matches!(context, Context::Synset { .. }) => {
                let Context::Synset { plurals } = context else {
                    unreachable!()
                };
                add_synset_member(&mut dictionary, &line, &content[1..], plurals)
            }
            _ if !matches!(context, Context::Block) => {
                Err("a verb or pattern line before any '--- NAME [CODE] ---' block".into())
            }
            Some('-') => add_pattern(&mut dictionary, &line, &content[1..]),
            _ => add_verb(&mut dictionary, &line, content),
        };
        if let Err(message) = result {
            diagnostics.report(&line.provenance, message);
        }
    }
    dictionary.drop_patterns_with_unknown_synsets(diagnostics);
    dictionary
}

/// Returns whether the synset's members get plurals.
fn start_synset(dictionary: &mut VerbDictionary, content: &str) -> Result<bool, String> {
    let label = content[1..].trim();
    if label.is_empty() || label.contains(char::is_whitespace) {
        return Err(format!("bad synset label {content:?}"));
    }
    dictionary.synsets.push(Synset {
        name: label.trim_end_matches('_').to_uppercase(),
        members: Vec::new(),
    });
    Ok(!label.ends_with('_'))
}

fn add_synset_member(
    dictionary: &mut VerbDictionary,
    line: &SourceLine,
    member: &str,
    plurals: bool,
) -> Result<(), String> {
    let member = member.trim();
    let phrase = Phrase::parse(member).ok_or("empty synset member")?;
    // Synset phrases are consecutive words whether written with blanks or underscores.
    let phrase = Phrase::from_words(phrase.words);
    let mut forms = vec![phrase.clone()];
    if plurals && !member.ends_with('_') {
        forms.push(phrase.plural());
    }
    let synset = dictionary
        .synsets
        .last_mut()
        .expect("a synset context has a synset");
    synset.members.push(SynsetMember {
        phrase,
        forms,
        provenance: line.provenance.clone(),
    });
    Ok(())
}

fn start_block(
    dictionary: &mut VerbDictionary,
    line: &SourceLine,
    content: &str,
) -> Result<(), String> {
    // `--- NAME [CODE] ---`; some headers have no blank before the closing dashes.
    let inner = content
        .trim_start_matches('-')
        .trim_end_matches(['-', ' ', '\t']);
    let (name, code) = split_code(inner)?;
    if name.is_empty() {
        return Err("verb block without a name".into());
    }
    dictionary.blocks.push(VerbBlock {
        name: name.to_uppercase(),
        code: code.as_deref().and_then(non_null_code).map(str::to_string),
        provenance: line.provenance.clone(),
    });
    Ok(())
}

/// Splits `TEXT [CODE]` into the text and the code; a line may have no code.
fn split_code(text: &str) -> Result<(&str, Option<String>), String> {
    let Some(open) = text.rfind('[') else {
        return Ok((text.trim(), None));
    };
    let close = text[open..]
        .find(']')
        .map(|at| open + at)
        .ok_or("'[' without ']' around the code")?;
    if !text[close + 1..].trim().is_empty() {
        return Err(format!(
            "unexpected text after the code: {:?}",
            text[close + 1..].trim()
        ));
    }
    let code = text[open + 1..close].trim();
    if code.is_empty() || code.contains(char::is_whitespace) {
        return Err(format!("bad code [{code}]"));
    }
    Ok((text[..open].trim(), Some(code.to_string())))
}

fn add_pattern(
    dictionary: &mut VerbDictionary,
    line: &SourceLine,
    body: &str,
) -> Result<(), String> {
    let (body, code) = split_code(body)?;
    let code = code.ok_or("pattern without a [CODE]")?;
    let (before, after) = parse_pattern_body(body)?;
    let (code, alt_code) = match code.split_once(':') {
        Some((code, alt)) => (code.to_string(), Some(alt.to_string())),
        None => (code, None),
    };
    let note = line.raw.split_once('#').map_or("", |(_, note)| note.trim());
    dictionary.patterns.push(Pattern {
        block: dictionary.blocks.len() - 1,
        before,
        after,
        code,
        alt_code,
        note: note.to_string(),
        provenance: line.provenance.clone(),
    });
    Ok(())
}

fn add_verb(
    dictionary: &mut VerbDictionary,
    line: &SourceLine,
    content: &str,
) -> Result<(), String> {
    let (text, code) = split_code(content)?;
    let (lemma_text, irregular) = match text.split_once('{') {
        Some((lemma, rest)) => {
            let forms = rest
                .strip_suffix('}')
                .ok_or("'{' without a closing '}' at the end")?;
            (lemma.trim(), Some(forms))
        }
        None => (text, None),
    };
    if lemma_text.contains(char::is_whitespace) {
        return Err(format!(
            "verb {lemma_text:?} has blanks: join the words of a multi-word verb with '_'"
        ));
    }
    let lemma = verb_form(lemma_text)?;
    let mut forms = vec![lemma.clone()];
    match irregular {
        Some(given) => {
            for form in given.split_whitespace() {
                forms.push(verb_form(form)?);
            }
        }
        None => forms.extend(regular_verb_forms(lemma.head_word()).map(|head| {
            let mut form = lemma.clone();
            form.words[form.head] = head;
            form
        })),
    }
    dictionary.verbs.push(Verb {
        block: dictionary.blocks.len() - 1,
        lemma,
        forms,
        code,
        provenance: line.provenance.clone(),
    });
    Ok(())
}

/// `ASK`, `+ASK_FOR`, `WIRE_+TAP`: the words and which is the verb.
pub(crate) fn verb_form(text: &str) -> Result<VerbForm, String> {
    let parts: Vec<&str> = text.split('_').filter(|w| !w.is_empty()).collect();
    let marked: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].starts_with('+'))
        .collect();
    let head = match (parts.len(), marked.as_slice()) {
        (0, _) => return Err("empty verb".into()),
        (1, _) => 0,
        (_, [head]) => *head,
        _ => {
            return Err(format!(
                "multi-word verb {text:?} needs exactly one '+' on its verb"
            ))
        }
    };
    Ok(VerbForm {
        words: parts
            .iter()
            .map(|w| w.trim_start_matches('+').to_lowercase())
            .collect(),
        head,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::Term;

    const FIXTURE: &str = include_str!("../tests/fixtures/petrarch/test.verbs.txt");

    fn parse() -> (VerbDictionary, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let dictionary = parse_verbs("test.verbs.txt", FIXTURE, &mut diagnostics);
        (
            dictionary,
            diagnostics.0.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn synsets_with_and_without_plurals() {
        let (dictionary, _) = parse();
        let currency = &dictionary.synsets[0];
        assert_eq!(currency.name, "CURRENCY");
        let forms: Vec<String> = currency
            .members
            .iter()
            .flat_map(|m| &m.forms)
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            forms,
            ["dollar", "dollars", "cash", "swiss_franc", "swiss_francs"]
        );
        let aux = &dictionary.synsets[1];
        assert_eq!(aux.name, "AUXVERB");
        assert!(aux.members.iter().all(|m| m.forms.len() == 1));
    }

    #[test]
    fn verbs_get_regular_or_irregular_forms_and_codes() {
        let (dictionary, _) = parse();
        let ask_for = &dictionary.verbs[0];
        assert_eq!(ask_for.lemma.words, ["ask", "for"]);
        assert_eq!(ask_for.lemma.head_word(), "ask");
        assert_eq!(ask_for.forms.len(), 4);
        assert_eq!(ask_for.forms[1].words, ["asked", "for"]);
        assert_eq!(dictionary.code_of(ask_for), Some("020"));
        let wonder = dictionary
            .verbs
            .iter()
            .find(|v| v.lemma.words == ["wonder"])
            .unwrap();
        assert_eq!(dictionary.code_of(wonder), None, "the block's null code");
        let heads: Vec<&str> = wonder.forms.iter().map(VerbForm::head_word).collect();
        assert_eq!(heads, ["wonder", "wonders", "wondered", "wondering"]);
        let tap = dictionary
            .verbs
            .iter()
            .find(|v| v.lemma.words == ["wire", "tap"])
            .unwrap();
        assert_eq!((tap.lemma.head, tap.forms.len()), (1, 4));
        let give = dictionary
            .verbs
            .iter()
            .find(|v| v.lemma.words == ["give"])
            .unwrap();
        assert_eq!(dictionary.code_of(give), Some("070"));
        assert_eq!(give.provenance.to_string(), "test.verbs.txt:24");
    }

    #[test]
    fn patterns_are_structured() {
        let (dictionary, _) = parse();
        let pattern = dictionary
            .patterns
            .iter()
            .find(|p| p.code == "0231")
            .unwrap();
        assert_eq!(dictionary.blocks[pattern.block].name, "ASK");
        assert_eq!(pattern.note, "ASK");
        assert_eq!(
            pattern.after,
            [PatternItem::Preposition {
                prepositions: vec!["for".into()],
                object: vec![PatternItem::NounPhrase(vec![
                    Term::Word("financial".into()),
                    Term::Word("aid".into())
                ])]
            }]
        );
        let split = dictionary
            .patterns
            .iter()
            .find(|p| p.alt_code.is_some())
            .unwrap();
        assert_eq!(
            (split.code.as_str(), split.alt_code.as_deref()),
            ("042", Some("043"))
        );
        assert_eq!(dictionary.transformations.len(), 1);
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let (dictionary, diagnostics) = parse();
        assert_eq!(
            diagnostics,
            [
                "test.verbs.txt:21: pattern without a [CODE]",
                "test.verbs.txt:22: '(' without ')'",
                "test.verbs.txt:31: synset &NOSUCH is not defined; pattern skipped",
            ]
        );
        assert_eq!(dictionary.patterns.len(), 5);
    }
}
