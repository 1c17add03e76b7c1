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
use crate::cues::{Cue, CuePos, Cues, CLAUSE};
use crate::lexicon::{Lexicon, WordClass};
use crate::reported::Attribution;
use crate::speaker::{speaker_of, SpeechVerb};
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
            !candidates
                .iter()
                .any(|o| o.cue != c.cue && o.content.contains(&c.cue))
                && !taken
                    .iter()
                    .any(|t| t.content.contains(&c.cue) || t.content.overlaps(&c.content))
                && !names_a_term(c)
        });
        out.extend(outermost.flat_map(|c| c.to_found(article, text, lexicon)));
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
    /// The hull of the content's pieces.
    content: Span,
    /// One piece, or two around a parenthetical cue ("Time, Mr. Pence added, was on their side").
    pieces: Vec<Span>,
    source: Option<Span>,
    /// No subject in the parse although the cue should have one: the word-based speaker finder
    /// may still find it ("Trump thanked … and vowed to …" parsed without the subject).
    look_for_speaker: bool,
    kind: QuoteKind,
}

impl Candidate {
    /// One [`Found`] per content piece, all with the same cue (one attribution).
    fn to_found<'s>(
        &'s self,
        article: &Article,
        text: &Text,
        lexicon: &Lexicon,
    ) -> impl Iterator<Item = Found> + 's {
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
        let sentence_start = text.word_from(text.sentence_of(self.cue.start).start);
        let speaker = self.source.or_else(|| {
            self.look_for_speaker
                .then(|| speaker_of(text, lexicon, &verb, sentence_start))
                .flatten()
                .filter(|s| !s.overlaps(&self.content))
        });
        let attribution = Attribution {
            verb,
            speaker,
            audience: None,
        };
        self.pieces.iter().map(move |&content| Found {
            content,
            kind: self.kind,
            evidence: if speaker.is_some() {
                Evidence::Local
            } else {
                Evidence::None
            },
            attribution: Some(attribution.clone()),
        })
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

    /// The children of `t` under the cue's content relations, in text order.
    fn content_children(&self, t: usize, cue: &Cue) -> Vec<usize> {
        let mut children: Vec<usize> = self
            .children(t)
            .iter()
            .copied()
            .filter(|&c| cue.content.iter().any(|r| self.is_under(c, r)))
            .collect();
        children.sort_unstable();
        children
    }

    /// Child `c` hangs under `relation`: a UD relation, or `obl@for` for an `obl` child with the
    /// preposition "for".
    fn is_under(&self, c: usize, relation: &str) -> bool {
        match relation.split_once('@') {
            Some((relation, preposition)) => {
                self.deprel(c) == relation
                    && self.children(c).iter().any(|&p| {
                        self.deprel(p) == "case"
                            && self
                                .article
                                .slice(self.article.tokens[p].span)
                                .eq_ignore_ascii_case(preposition)
                    })
            }
            None => self.deprel(c) == relation,
        }
    }

    /// The content of cue `t`: the hull of its content children ("called him competent":
    /// obj + xcomp), or its own clause for a `clause` cue with a complement ("seems stable").
    fn content_of(&self, t: usize, cue: &Cue) -> Option<(usize, usize)> {
        let children = self.content_children(t, cue);
        if cue.content.iter().any(|r| r == CLAUSE) {
            let has_complement = self
                .children(t)
                .iter()
                .any(|&c| matches!(self.deprel(c), "xcomp" | "ccomp"));
            return has_complement.then(|| (self.leftmost(t), self.rightmost(t)));
        }
        let (first, last) = (*children.first()?, *children.last()?);
        Some((self.leftmost(first), self.rightmost(last)))
    }

    /// The cue at token `t` with its content and source, when it has a content.
    fn candidate(&self, t: usize) -> Option<Candidate> {
        let mut cue = self.cue(t)?;
        let Some(mut content) = self.content_of(t, cue) else {
            return self.parenthetical(t, cue);
        };
        // A light verb with a cue noun as object: "expressed a desire to meet".
        let object = self.child_with(t, "obj");
        let noun = object.and_then(|o| {
            let noun_cue = self.cue(o)?;
            Some((self.content_of(o, noun_cue)?, noun_cue))
        });
        if let Some((noun_content, noun_cue)) = noun {
            (content, cue) = (noun_content, noun_cue);
        }
        let kind = cue.kind;
        let is_clause = cue.content.iter().any(|r| r == CLAUSE);
        if (kind == QuoteKind::Indirect && self.is_question(t, content.0))
            || (content.0 == content.1 && self.is_bare_pronoun(content.0))
        {
            return None;
        }
        let is_noun = CuePos::of_upos(&self.article.tokens[t].upos) == Some(CuePos::Noun);
        let source = if is_clause {
            None // What seems so seems so to the writer.
        } else if is_noun {
            Some(self.phrase(self.child_with(t, "nmod:poss")?))
        } else {
            self.verb_source(t)
        };
        let content = self.token_span(content.0, content.1)?;
        Some(Candidate {
            cue: self.article.tokens[t].span,
            content,
            pieces: vec![content],
            source,
            look_for_speaker: source.is_none() && !is_clause && !is_noun && !self.is_passive(t),
            kind,
        })
    }

    /// A statement cue with its own subject hanging as `parataxis` from the clause it reports:
    /// "Time, Mr. Pence added, was on their side", "The talks failed, officials said." The
    /// content is that clause around the cue's own words.
    fn parenthetical(&self, t: usize, cue: &Cue) -> Option<Candidate> {
        if cue.kind != QuoteKind::Indirect || self.deprel(t) != "parataxis" {
            return None;
        }
        let subject = self.child_with(t, "nsubj")?;
        let head = self.article.tokens[t].head?;
        let (first, last) = (self.leftmost(head), self.rightmost(head));
        let (cue_first, cue_last) = (self.leftmost(t), self.rightmost(t));
        let pieces: Vec<Span> = [
            self.token_span(first, cue_first.checked_sub(1)?),
            self.token_span(cue_last + 1, last),
        ]
        .into_iter()
        .flatten()
        .collect();
        Some(Candidate {
            cue: self.article.tokens[t].span,
            content: Span::new(pieces.first()?.start, pieces.last()?.end),
            pieces,
            source: Some(self.phrase(subject)),
            look_for_speaker: false,
            kind: cue.kind,
        })
    }

    /// A passive cue ("is expected to"): its subject is no source.
    fn is_passive(&self, t: usize) -> bool {
        self.children(t)
            .iter()
            .any(|&c| matches!(self.deprel(c), "nsubj:pass" | "aux:pass"))
    }

    /// A content that is one pronoun ("wants them", "found itself") says nothing of its own.
    fn is_bare_pronoun(&self, t: usize) -> bool {
        self.article.tokens[t].upos == "PRON" && self.children(t).is_empty()
    }

    /// A content clause opened (token `first`) by "whether" under a cue that asks no question.
    fn is_question(&self, cue: usize, first: usize) -> bool {
        let lemma = self.article.tokens[cue].lemma.to_lowercase();
        let word = self
            .article
            .slice(self.article.tokens[first].span)
            .to_lowercase();
        !self.lexicon.is(WordClass::QuestionVerb, &lemma)
            && self.deprel(first) == "mark"
            && self.lexicon.is(WordClass::QuestionWord, &word)
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

    /// The text of tokens `first..=last` without punctuation at either edge; `None` when
    /// nothing but punctuation is left.
    fn token_span(&self, first: usize, last: usize) -> Option<Span> {
        let tokens = &self.article.tokens;
        let is_word = |t: &usize| tokens[*t].upos != "PUNCT";
        let start = (first..=last).find(is_word)?;
        let end = (first..=last).rev().find(is_word)?;
        Some(Span::new(tokens[start].span.start, tokens[end].span.end))
    }
}
