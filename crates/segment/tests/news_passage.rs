//! A wire-style passage written for this test: dateline, ellipsis, straight quotes with
//! attribution, abbreviations in names and parties, money, and a closing exclamation in quotes.

use eventwire_segment::split_sentences;

const PASSAGE: &str = "WASHINGTON (Reuters) - U.S. Secretary of State Marco Rubio met Ukraine's Foreign Minister Andrii Sybiha on Feb. 12 in Munich... The talks, which lasted 3.5 hours, were \"constructive,\" Rubio told reporters.
\"We won't accept a deal that isn't fair,\" Sybiha said. \"Ukraine's sovereignty is non-negotiable.\" He added that Kyiv's allies - including the U.K. and France - had pledged $1.2 billion.

The meeting came after Russia's Sergei Lavrov said Moscow was \"ready to talk.\" But the Kremlin has rejected a ceasefire, according to Dr. Jane Smith of St. Andrews University.
Sen. Lindsey Graham (R-S.C.) told Fox News: \"Putin can't be trusted!\" Others disagreed.";

#[test]
fn wire_passage_splits_into_nine_sentences_at_the_right_places() {
    let sentences = split_sentences(PASSAGE);
    let texts: Vec<&str> = sentences.iter().map(|s| &PASSAGE[s.span.range()]).collect();
    assert_eq!(texts.len(), 9, "{texts:#?}");
    assert!(texts[0].ends_with("on Feb. 12 in Munich..."));
    assert!(texts[1].ends_with("were \"constructive,\" Rubio told reporters."));
    assert_eq!(
        texts[2],
        "\"We won't accept a deal that isn't fair,\" Sybiha said."
    );
    assert_eq!(texts[3], "\"Ukraine's sovereignty is non-negotiable.\"");
    assert!(texts[4].contains("the U.K. and France"));
    assert!(texts[5].ends_with("was \"ready to talk.\""));
    assert!(texts[6].contains("Dr. Jane Smith of St. Andrews University."));
    assert_eq!(
        texts[7],
        "Sen. Lindsey Graham (R-S.C.) told Fox News: \"Putin can't be trusted!\""
    );
    let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 0, 1, 1, 1, 2, 2, 3, 3]);
}

#[test]
fn tokens_of_the_passage_follow_ewt() {
    let sentences = split_sentences(PASSAGE);
    let tokens = |i: usize| -> Vec<&str> {
        sentences[i]
            .tokens
            .iter()
            .map(|t| &PASSAGE[t.range()])
            .collect()
    };
    assert_eq!(
        tokens(2),
        [
            "\"", "We", "wo", "n't", "accept", "a", "deal", "that", "is", "n't", "fair", ",", "\"",
            "Sybiha", "said", "."
        ]
    );
    assert_eq!(tokens(4)[15..], ["$", "1.2", "billion", "."]);
    assert_eq!(tokens(7)[3..8], ["(", "R", "-", "S.C.", ")"]);
}
