//! The full pipeline parses the seed article into the arcs the event and quote layers read.

use chrono::NaiveDate;
use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;

fn seed_article() -> Article {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/seed-article.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed article");
    let meta = ArticleMeta {
        published: NaiveDate::from_ymd_opt(2025, 1, 31),
        ..ArticleMeta::default()
    };
    let mut article = Article::new("seed-article", text, meta);
    Pipeline::standard()
        .expect("pipeline loads")
        .annotate(&mut article);
    article
}

/// The index of the first token reading `word` in the sentence containing `anchor`.
fn token(article: &Article, anchor: &str, word: &str) -> usize {
    let at = article.text.find(anchor).expect("anchor in text");
    let sentence = &article.sentences[article.sentence_at(at).expect("sentence")];
    sentence
        .tokens
        .clone()
        .find(|&i| article.slice(article.tokens[i].span) == word)
        .unwrap_or_else(|| panic!("{word:?} not in sentence of {anchor:?}"))
}

/// Asserts `relation(head, dependent)`.
fn assert_arc(article: &Article, anchor: &str, relation: &str, head: &str, dependent: &str) {
    let (h, d) = (
        token(article, anchor, head),
        token(article, anchor, dependent),
    );
    let dep = &article.tokens[d];
    assert_eq!(
        (dep.head, dep.deprel.as_str()),
        (Some(h), relation),
        "{relation}({head}, {dependent}) in {anchor:?}"
    );
}

#[test]
fn seed_sentence_has_subject_object_and_negation() {
    let article = seed_article();
    let anchor = "The Russian president dismissed";
    assert_arc(&article, anchor, "nsubj", "dismissed", "president");
    assert_arc(&article, anchor, "obj", "dismissed", "possibility");
    assert_arc(&article, anchor, "nsubj", "consider", "he");
    assert_arc(&article, anchor, "advmod", "consider", "not");
    let dismissed = &article.tokens[token(&article, anchor, "dismissed")];
    assert_eq!(
        (dismissed.upos.as_str(), dismissed.xpos.as_str()),
        ("VERB", "VBD")
    );
    assert_eq!(dismissed.lemma, "dismiss");
}

#[test]
fn a_sentence_in_curly_quotes_is_rooted_at_its_verb() {
    let article = seed_article();
    let anchor = "We want to end that war";
    let want = &article.tokens[token(&article, anchor, "want")];
    assert_eq!((want.head, want.deprel.as_str()), (None, "root"));
    assert_arc(&article, anchor, "xcomp", "want", "end");
    assert_arc(&article, anchor, "punct", "want", "“");
}

#[test]
fn every_sentence_is_a_tree_with_one_root() {
    let article = seed_article();
    for sentence in &article.sentences {
        let roots = sentence
            .tokens
            .clone()
            .filter(|&i| article.tokens[i].head.is_none())
            .count();
        assert_eq!(roots, 1, "sentence {:?}", article.slice(sentence.span));
        for i in sentence.tokens.clone() {
            if let Some(h) = article.tokens[i].head {
                assert!(sentence.tokens.contains(&h), "head outside its sentence");
            }
        }
    }
}
