//! Attributions read on the dependency parse: a cue of `data/quotes/cues.tsv` ("believes",
//! "wants", "backed", "his decision") whose content is one of its children — a clause with or
//! without "that" (`ccomp`), an infinitive (`xcomp`), a noun phrase (`obj`, `obl`, `nmod`) or a
//! noun's clause (`acl`) — and whose source is its subject (or a noun cue's possessor). They add
//! to the quotes found from quotation marks and speech-verb patterns: a cue or content inside one
//! of those, or a content overlapping one, is left out, and so is a cue inside another cue's
//! content (only the outermost attribution counts). A noun cue as a verb's object is the
//! attribution ("expressed a desire to meet": an intention, content "to meet"); a clause opened by
//! "whether" is no statement ("declined to say whether"), only a question verb's content; a naming
//! cue before a term ("so-called “…”") attributes nothing.

use crate::attribution::{Evidence, Found};
use crate::cues::{Cue, CuePos, Cues};
use crate::lexicon::{Lexicon, WordClass};
use crate::reported::Attribution;
use crate::speaker::SpeechVerb;
use crate::text::Text;
use eventwire_model::{Article, QuoteKind, Sentence, Span};

/// Relations of a clause whose subject is its governor's ("Trump vowed to fight and won",
/// "wants to try"): a cue without a subject of its own takes the governor's.
const SUBJECT_SHARING: [&str; 3] = ["xcomp", "conj", "advcl"];
/// How many governors up a cue may look for its subject.
const MAX_SUBJECT_CLIMB: usize = 3;
/// Relative pronouns: a relative clause's cue has the noun it modifies as its source.
const RELATIVE_PRONOUNS: [&str; 3] = ["who", "which", "that"];

/// Every parse-based attribution not already among `found`, in text order.
pub fn parsed_attributions(
    article: &Article,
    text: &Text,
    lexicon: &Lexicon,
    cues: &Cues,
    found: &[Found],
) -> Vec<Found> {
    let (terms, taken): (Vec<&Found>, Vec<&Found>) =
        found.iter().partition(|f| f.kind == QuoteKind::Term);
    let mut out = Vec::new();
    for sentence in &article.sentences {
        let tree = Tree::new(article, lexicon, cues, sentence);
        let candidates: Vec<Candidate> = sentence
            .tokens
            .clone()
            .filter_map(|t| tree.candidate(t))
            .collect();
        let names_a_term = |c: &Candidate| {
            is_naming_cue(lexicon, article.slice(c.cue))
                && terms.iter().any(|t| t.content.overlaps(&c.content))
        };
        let outermost = candidates.iter().filter(|c| {
            !candidates.iter().any(|o| o.content.contains(&c.cue))
                && !taken
                    .iter()
                    .any(|t| t.content.contains(&c.cue) || t.content.overlaps(&c.content))
                && !names_a_term(c)
        });
        out.extend(outermost.map(|c| c.to_found(article, text)));
    }
    out
}

/// A one-word naming cue of the lexicon ("called", "dubbed").
fn is_naming_cue(lexicon: &Lexicon, word: &str) -> bool {
    let word = word.to_lowercase();
    lexicon
        .term_cues()
        .iter()
        .any(|cue| cue.len() == 1 && cue[0] == word)
}

/// A cue with its content and source, before it becomes a [`Found`].
struct Candidate {
    cue: Span,
    content: Span,
    source: Option<Span>,
    kind: QuoteKind,
}

impl Candidate {
    fn to_found(&self, article: &Article, text: &Text) -> Found {
        let word = text.word_from(self.cue.start);
        let verb = SpeechVerb {
            word,
            next: text.word_from(self.cue.end),
            form: article.slice(self.cue).to_string(),
            lemma: article.tokens[article.token_at(self.cue.start).unwrap_or(0)]
                .lemma
                .to_lowercase(),
            span: self.cue,
            is_source_marker: false,
        };
        Found {
            content: self.content,
            kind: self.kind,
            evidence: if self.source.is_some() {
                Evidence::Local
            } else {
                Evidence::None
            },
            attribution: Some(Attribution {
                verb,
                speaker: self.source,
                audience: None,
            }),
        }
    }
}

/// One sentence's dependency tree: children by token, with absolute token indices.
struct Tree<'a> {
    article: &'a Article,
    lexicon: &'a Lexicon,
    cues: &'a Cues,
    first: usize,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn new(
        article: &'a Article,
        lexicon: &'a Lexicon,
        cues: &'a Cues,
        sentence: &Sentence,
    ) -> Self {
        let first = sentence.tokens.start;
        let mut children = vec![Vec::new(); sentence.tokens.len()];
        for t in sentence.tokens.clone() {
            if let Some(head) = article.tokens[t]
                .head
                .filter(|h| sentence.tokens.contains(h))
            {
                children[head - first].push(t);
            }
        }
        Tree {
            article,
            lexicon,
            cues,
            first,
            children,
        }
    }

    fn children(&self, t: usize) -> &[usize] {
        &self.children[t - self.first]
    }

    fn deprel(&self, t: usize) -> &str {
        &self.article.tokens[t].deprel
    }

    fn child_with(&self, t: usize, relation: &str) -> Option<usize> {
        self.children(t)
            .iter()
            .copied()
            .find(|&c| self.deprel(c) == relation)
    }

    fn cue(&self, t: usize) -> Option<&'a Cue> {
        let token = &self.article.tokens[t];
        self.cues.get(&token.lemma, &token.upos)
    }

    /// The first child of `t` under one of the cue's content relations.
    fn content_child(&self, t: usize, cue: &Cue) -> Option<usize> {
        cue.content
            .iter()
            .find_map(|relation| self.child_with(t, relation))
    }

    /// The cue at token `t` with its content and source, when it has a content.
    fn candidate(&self, t: usize) -> Option<Candidate> {
        let cue = self.cue(t)?;
        let mut content = self.content_child(t, cue)?;
        let mut kind = cue.kind;
        // A light verb with a cue noun as object: "expressed a desire to meet".
        if let Some(noun_cue) = self.cue(content).filter(|_| self.deprel(content) == "obj") {
            let noun_content = self.content_child(content, noun_cue)?;
            (kind, content) = (noun_cue.kind, noun_content);
        }
        if (kind == QuoteKind::Indirect && self.is_question(t, content))
            || self.is_bare_pronoun(content)
        {
            return None;
        }
        let is_noun = CuePos::of_upos(&self.article.tokens[t].upos) == Some(CuePos::Noun);
        let source = if is_noun {
            Some(self.phrase(self.child_with(t, "nmod:poss")?))
        } else {
            self.verb_source(t)
        };
        Some(Candidate {
            cue: self.article.tokens[t].span,
            content: self.subtree_span(content)?,
            source,
            kind,
        })
    }

    /// A content that is one pronoun ("wants them", "found itself") says nothing of its own.
    fn is_bare_pronoun(&self, t: usize) -> bool {
        self.article.tokens[t].upos == "PRON" && self.children(t).is_empty()
    }

    /// A content clause opened by "whether" under a cue that asks no question.
    fn is_question(&self, cue: usize, content: usize) -> bool {
        let lemma = self.article.tokens[cue].lemma.to_lowercase();
        let word = |c: usize| {
            self.article
                .slice(self.article.tokens[c].span)
                .to_lowercase()
        };
        !self.lexicon.is(WordClass::QuestionVerb, &lemma)
            && self.children(content).iter().any(|&c| {
                self.deprel(c) == "mark" && self.lexicon.is(WordClass::QuestionWord, &word(c))
            })
    }

    /// The subject of verb `t`: its own, a relative clause's antecedent, or for a verb sharing its
    /// governor's subject, the governor's. A passive subject is no source ("is expected to").
    fn verb_source(&self, mut t: usize) -> Option<Span> {
        for _ in 0..=MAX_SUBJECT_CLIMB {
            if let Some(subject) = self.child_with(t, "nsubj") {
                let word = self.article.slice(self.article.tokens[subject].span);
                let is_relative = RELATIVE_PRONOUNS.contains(&word.to_lowercase().as_str());
                return match self.article.tokens[t].head {
                    Some(antecedent) if is_relative && self.deprel(t) == "acl:relcl" => {
                        Some(self.phrase(antecedent))
                    }
                    _ => Some(self.phrase(subject)),
                };
            }
            if self.child_with(t, "nsubj:pass").is_some()
                || !SUBJECT_SHARING.contains(&self.deprel(t))
            {
                return None;
            }
            t = self.article.tokens[t].head?;
        }
        None
    }

    /// A noun phrase up to its head: English noun phrases end in their head, and what follows it
    /// (a relative clause, an apposition) is no part of the name.
    fn phrase(&self, head: usize) -> Span {
        let start = self.leftmost(head);
        Span::new(
            self.article.tokens[start].span.start,
            self.article.tokens[head].span.end,
        )
    }

    fn leftmost(&self, t: usize) -> usize {
        self.children(t)
            .iter()
            .filter(|&&c| c < t)
            .map(|&c| self.leftmost(c))
            .min()
            .unwrap_or(t)
    }

    fn rightmost(&self, t: usize) -> usize {
        self.children(t)
            .iter()
            .filter(|&&c| c > t && self.article.tokens[c].upos != "PUNCT")
            .map(|&c| self.rightmost(c))
            .max()
            .unwrap_or(t)
    }

    /// The text the subtree of `t` covers, without punctuation at its right edge.
    fn subtree_span(&self, t: usize) -> Option<Span> {
        let (start, end) = (self.leftmost(t), self.rightmost(t));
        (start <= end).then(|| {
            Span::new(
                self.article.tokens[start].span.start,
                self.article.tokens[end].span.end,
            )
        })
    }
}
