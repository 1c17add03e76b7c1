//! Events: source → action → target per interaction, coded in CAMEO and PLOVER with a Goldstein score,
//! plus claims (promises and predictions with deadlines).
//!
//! The stage runs last and reads every earlier layer: tokens (lemmas when the syntax model gives them),
//! actor mentions (their mention-level codes), timexes (event dates, claim deadlines) and quotes (the
//! speaker is the source of what their statement reports). All knowledge is data in `data/events/`:
//!
//! - [`cameo`]: the CAMEO tree (`cameo_codes.csv`: Goldstein, QuadClass), PLOVER type/mode/context
//!   from the official crosswalk (`CAMEO2PLOVER-2021.txt`) and intent codes (`intent.csv`);
//! - [`resources`]: loads that table, `patterns.csv` (phrases in
//!   the spirit of PETRARCH2 verb patterns), `modality.toml` (negation, counterfactual, intent cues) and
//!   `claims.toml` (promise/prediction triggers);
//! - [`phrase`]: the small phrase language those files use;
//! - `coder`: per sentence, longest-match phrase finding and event building;
//! - `modality`, `roles`: whether the action is real, and who acts on whom;
//! - `claims`: promises and predictions.

pub mod cameo;
mod claims;
mod coder;
pub mod diagnosis;
pub mod dictionary;
mod modality;
pub mod phrase;
pub mod resources;
mod roles;
mod view;

pub use resources::LoadError;

use diagnosis::SentenceDiagnosis;
use dictionary::VerbDictionary;
use eventwire_lexicon::Lexicon;
use eventwire_model::{Annotator, Article};
use resources::Resources;
use std::sync::Arc;
use view::{ArticleIndex, SentenceView};

/// Events and claims from the bundled pattern dictionary and, when given one, the field's verb
/// dictionary ([`dictionary`]).
#[derive(Debug, Clone)]
pub struct EventAnnotator {
    resources: Resources,
    dictionary: Option<VerbDictionary>,
}

impl EventAnnotator {
    /// Loads and checks the data files bundled from `data/events/`, with the verb dictionary of
    /// the bundled lexicon (`data/lexicon/`, converted from PETRARCH2's `CAMEO.2.0.txt`).
    pub fn load() -> Result<Self, LoadError> {
        Ok(Self::hand_patterns_only()?.with_lexicon(Lexicon::bundled()))
    }

    /// The hand patterns of `data/events/patterns.csv` alone, without a verb dictionary.
    pub fn hand_patterns_only() -> Result<Self, LoadError> {
        Ok(EventAnnotator {
            resources: Resources::bundled()?,
            dictionary: None,
        })
    }

    /// Also codes the verbs of the lexicon's verb dictionary (PETRARCH `CAMEO.2.0.txt` patterns),
    /// matched on the dependency parse.
    pub fn with_lexicon(self, lexicon: Arc<Lexicon>) -> Self {
        EventAnnotator {
            dictionary: Some(VerbDictionary::new(lexicon)),
            ..self
        }
    }
}

impl EventAnnotator {
    /// What the coder makes of each sentence of an annotated article (every earlier layer in
    /// place): the patterns matched, the events each gave and the dictionary line behind it, or the
    /// stage that dropped it. Codes the article again; nothing is stored.
    pub fn diagnose(&self, article: &Article) -> Vec<SentenceDiagnosis> {
        let index = ArticleIndex::new(article);
        (0..article.sentences.len())
            .map(|sentence| {
                let view = SentenceView::new(&index, sentence);
                let mut hits = Vec::new();
                coder::code_sentence_reporting(
                    &self.resources,
                    self.dictionary.as_ref(),
                    &view,
                    Some(&mut hits),
                );
                SentenceDiagnosis {
                    sentence,
                    mentions: view.mentions.len(),
                    verbs: dictionary::verb_words(&view)
                        .map(|w| view.words[w].text.clone())
                        .collect(),
                    hits,
                }
            })
            .collect()
    }
}

impl Annotator for EventAnnotator {
    fn name(&self) -> &'static str {
        "events"
    }

    fn annotate(&self, article: &mut Article) {
        let mut events = Vec::new();
        let mut claims = Vec::new();
        let index = ArticleIndex::new(article);
        for sentence in 0..article.sentences.len() {
            let view = SentenceView::new(&index, sentence);
            events.extend(coder::code_sentence(
                &self.resources,
                self.dictionary.as_ref(),
                &view,
            ));
            claims.extend(claims::claims_of_sentence(&self.resources, &view));
        }
        article.events.extend(events);
        article.claims.extend(claims);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventwire_model::{
        ArticleMeta, Mention, MentionKind, Quote, QuoteKind, Sentence, Span, Token,
    };

    /// One sentence whose tokens are the space-separated words of `text` (no other layer).
    fn tokenised(text: &str) -> Article {
        let mut a = Article::new("t", text, ArticleMeta::default());
        let mut at = 0;
        for word in text.split(' ') {
            a.tokens.push(Token {
                span: Span::new(at, at + word.len()),
                ..Token::default()
            });
            at += word.len() + 1;
        }
        a.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            paragraph: 0,
            tokens: 0..a.tokens.len(),
        });
        a
    }

    #[test]
    fn dangling_indices_from_earlier_stages_yield_no_event_and_no_panic() {
        let mut a = tokenised("Russia attacked Ukraine .");
        for span in [Span::new(0, 6), Span::new(16, 23)] {
            a.mentions.push(Mention {
                span,
                actor: 7,
                kind: MentionKind::Name,
                code: Some("RUS".into()),
                sentence: 0,
                confidence: 1.0,
            });
        }
        a.quotes.push(Quote {
            span: Span::new(7, 200),
            kind: QuoteKind::Indirect,
            speaker: Some(9),
            speaker_span: None,
            verb: None,
            verb_span: None,
            addressee: None,
            addressee_actor: None,
            sentence: 3,
            said_on: None,
            confidence: 1.0,
        });
        EventAnnotator::load().unwrap().annotate(&mut a);
        assert!(a.events.is_empty() && a.claims.is_empty());
    }

    #[test]
    fn the_outermost_of_nested_mentions_acts() {
        let mut a = tokenised("the president of Turkey and Putin met .");
        for (name, code) in [
            ("Erdogan", "TURGOV"),
            ("Turkey", "TUR"),
            ("Putin", "RUSGOV"),
        ] {
            a.actors.push(eventwire_model::Actor {
                id: name.to_lowercase(),
                name: name.into(),
                kind: eventwire_model::ActorKind::Person,
                code: Some(code.into()),
                alt_codes: Vec::new(),
                country: None,
                wikipedia: None,
            });
        }
        for (span, actor) in [
            (Span::new(0, 23), 0),
            (Span::new(17, 23), 1),
            (Span::new(28, 33), 2),
        ] {
            a.mentions.push(Mention {
                span,
                actor,
                kind: MentionKind::Name,
                code: None,
                sentence: 0,
                confidence: 1.0,
            });
        }
        EventAnnotator::load().unwrap().annotate(&mut a);
        let coded: Vec<_> = a
            .events
            .iter()
            .map(|e| (e.source_code.as_deref(), e.target_code.as_deref()))
            .collect();
        assert_eq!(coded, vec![(Some("TURGOV"), Some("RUSGOV"))]);
    }

    #[test]
    fn an_article_without_layers_gets_no_events() {
        let mut a = tokenised("Russia attacked Ukraine .");
        EventAnnotator::load().unwrap().annotate(&mut a);
        assert!(a.events.is_empty());
        let mut empty = Article::new("e", "", ArticleMeta::default());
        EventAnnotator::load().unwrap().annotate(&mut empty);
        assert!(empty.events.is_empty());
    }
}
