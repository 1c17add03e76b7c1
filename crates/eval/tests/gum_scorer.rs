//! The GUM reader and scorer on the 16 real documents, independent of annotator quality: every
//! document rebuilds (the reader checks each sentence against its `# text`), the gold itself as
//! predictions scores perfectly, and known perturbations give exactly the expected drops.

use eventwire_eval::gum::conllu::GumDocument;
use eventwire_eval::gum::score::{score_article, GumCounts, MentionClass, ACTOR_TYPES};
use eventwire_eval::gum::{ingest_documents, Figures};
use eventwire_model::*;
use std::collections::HashMap;

const GUM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/gum-news");

fn documents() -> Vec<GumDocument> {
    let mut paths: Vec<_> = std::fs::read_dir(GUM)
        .unwrap_or_else(|e| panic!("{GUM}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| GumDocument::read(p).unwrap())
        .collect()
}

fn mention_kind(doc: &GumDocument, head: usize) -> MentionKind {
    let head = &doc.tokens[head];
    match head.upos.as_str() {
        "PROPN" => MentionKind::Name,
        "PRON" if head.feats.contains("PronType=Prs") => MentionKind::Pronoun,
        _ => MentionKind::Nominal,
    }
}

/// The gold as pipeline output: one actor per gold chain (with its identity), one mention per
/// gold actor mention, one attributed direct quote per gold quote.
fn gold_as_article(doc: &GumDocument) -> Article {
    let mut article = Article::new(doc.id.clone(), doc.text.clone(), ArticleMeta::default());
    let mut actor_of: HashMap<&str, usize> = HashMap::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| ACTOR_TYPES.contains(&m.etype.as_str()))
    {
        let next = article.actors.len();
        let actor = *actor_of.entry(&m.entity).or_insert(next);
        if actor == next {
            article.actors.push(Actor {
                id: format!("gum:{}", m.entity),
                name: article.text[m.span.range()].to_string(),
                kind: ActorKind::Person,
                code: None,
                alt_codes: Vec::new(),
                country: None,
                wikipedia: None,
            });
        }
        // Written with spaces: the scorer must accept them as well as underscores.
        let identity = m.identity.as_ref().map(|i| i.replace('_', " "));
        let wikipedia = &mut article.actors[actor].wikipedia;
        *wikipedia = wikipedia.take().or(identity);
        article.mentions.push(Mention {
            span: m.span,
            actor,
            kind: mention_kind(doc, m.head),
            code: None,
            sentence: 0,
            confidence: 1.0,
        });
    }
    for &span in &doc.quotes {
        article.quotes.push(Quote {
            span,
            kind: QuoteKind::Direct,
            speaker: Some(0),
            speaker_span: None,
            verb: None,
            verb_span: None,
            addressee: None,
            addressee_actor: None,
            sentence: 0,
            said_on: None,
            confidence: 1.0,
        });
    }
    article
}

fn total(docs: &[GumDocument], perturb: impl Fn(&mut Article)) -> GumCounts {
    let mut total = GumCounts::default();
    for doc in docs {
        let mut article = gold_as_article(doc);
        perturb(&mut article);
        total.add(&score_article(doc, &article).0);
    }
    total
}

#[test]
fn every_document_rebuilds_with_date_paragraphs_and_gold() {
    let docs = documents();
    assert_eq!(docs.len(), 16);
    for doc in &docs {
        let conllu = std::fs::read_to_string(format!("{GUM}/{}.conllu", doc.id)).unwrap();
        let sentences = conllu
            .lines()
            .filter(|l| l.starts_with("# text = "))
            .count();
        assert_eq!(doc.sentences.len(), sentences, "{}", doc.id);
        assert!(doc.published.is_some(), "{}", doc.id);
        assert!(doc.paragraphs.len() >= 3, "{}", doc.id);
        for p in &doc.paragraphs {
            let paragraph = &doc.text[p.range()];
            assert!(!paragraph.contains('\n') && paragraph.trim() == paragraph);
        }
        for m in &doc.mentions {
            assert!(m.tokens.contains(&m.head));
            assert_eq!(m.span.start, doc.tokens[m.tokens.start].span.start);
        }
    }
    let afghan = &docs[0];
    assert_eq!(afghan.id, "GUM_news_afghan");
    assert_eq!(afghan.published.unwrap().to_string(), "2017-07-18");
    assert!(afghan.text.starts_with(
        "After visa snags, all-girl Afghan team honored for 'courageous achievement' at \
         international robotics competition\n\nFriday, July 21, 2017\n\n"
    ));
    let trump = afghan
        .mentions
        .iter()
        .find(|m| m.identity.as_deref() == Some("Donald_Trump"))
        .unwrap();
    assert_eq!(trump.etype, "person");
    let quotes: usize = docs.iter().map(|d| d.quotes.len()).sum();
    assert_eq!(quotes, 18 + 56, "<q> and <quote> elements");
}

#[test]
fn ingest_keeps_text_id_and_date() {
    let docs = documents();
    let articles = ingest_documents(&docs[..2]).unwrap();
    assert_eq!(articles[1].text, docs[1].text);
    assert_eq!(articles[1].meta.published, docs[1].published);
    assert_eq!(articles[1].meta.title, docs[1].title);
}

#[test]
fn the_gold_as_predictions_scores_perfectly() {
    let docs = documents();
    let counts = total(&docs, |_| {});
    let f = Figures::from(&counts);
    for (name, value) in [
        ("named", f.named_exact_f1),
        ("pronoun", f.pronoun_head_f1),
        ("all", f.all_head_f1),
        ("conll", f.conll),
        ("pronoun resolution", f.pronoun_resolution),
        ("linking", f.linking_accuracy),
        ("quotes", f.quotes_f1.unwrap()),
        ("attributed", f.quotes_attributed.unwrap()),
    ] {
        assert!((value - 1.0).abs() < 1e-9, "{name}: {value}");
    }
    assert!(counts.pronoun_resolution.total > 50);
    assert!(counts.linking.named > 100);
}

#[test]
fn dropping_pronouns_loses_exactly_the_pronouns() {
    let docs = documents();
    let full = total(&docs, |_| {});
    let counts = total(&docs, |a| {
        a.mentions.retain(|m| m.kind != MentionKind::Pronoun)
    });
    let pronouns = counts.mention_counts(Some(MentionClass::Pronoun)).unwrap();
    let gold_pronouns = full
        .mention_counts(Some(MentionClass::Pronoun))
        .unwrap()
        .head
        .true_pos;
    assert_eq!(
        (pronouns.head.true_pos, pronouns.head.false_neg),
        (0, gold_pronouns)
    );
    assert_eq!(counts.pronoun_resolution.correct, 0);
    let named = counts.mention_counts(Some(MentionClass::Named)).unwrap();
    assert_eq!(named.head.f1(), 1.0);
    assert!(counts.coref.muc.recall() < 1.0 && counts.coref.muc.precision() == 1.0);
}

#[test]
fn shrinking_a_name_to_its_head_is_a_head_match_not_an_exact_one() {
    let docs = documents();
    // Cut every multi-word named mention down to its head word.
    let counts = total(&docs, |a| {
        let doc = docs.iter().find(|d| d.id == a.id).unwrap();
        for m in &mut a.mentions {
            let gold = doc.mentions.iter().find(|g| g.span == m.span).unwrap();
            if m.kind == MentionKind::Name {
                m.span = doc.tokens[gold.head].span;
            }
        }
    });
    let named = counts.mention_counts(Some(MentionClass::Named)).unwrap();
    assert_eq!(named.head.f1(), 1.0);
    assert!(named.exact.f1() < 0.9, "exact F1 {}", named.exact.f1());
}

#[test]
fn a_wrong_identity_is_a_wrong_link_and_an_unknown_actor_is_not_counted() {
    let docs = documents();
    let counts = total(&docs, |a| {
        for actor in &mut a.actors {
            if actor.wikipedia.as_deref() == Some("Donald Trump") {
                actor.wikipedia = Some("Barack Obama".into());
            }
            if actor.wikipedia.as_deref() == Some("NASA") {
                actor.id = "unk:nasa".into();
            }
        }
    });
    let full = total(&docs, |_| {});
    let trump_named = docs
        .iter()
        .flat_map(|d| d.mentions.iter().map(move |m| (d, m)))
        .filter(|(d, m)| {
            m.identity.as_deref() == Some("Donald_Trump") && d.tokens[m.head].upos == "PROPN"
        })
        .count();
    let l = counts.linking;
    assert!(trump_named > 0);
    assert_eq!(l.correct + trump_named, l.in_dictionary);
    assert!(
        l.in_dictionary < full.linking.in_dictionary,
        "NASA left out"
    );
}
