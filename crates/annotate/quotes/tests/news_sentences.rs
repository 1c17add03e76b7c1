//! Realistic news passages through the full pipeline: split and multi-paragraph quotes,
//! apostrophes, straight quotes, "according to", inverted "said X", fronted reported speech and
//! a stand-alone quote paragraph.

use eventwire_model::{Article, ArticleMeta, QuoteKind};

/// (kind, content, speaker phrase, verb, addressee) of every quote found in `text`.
type Row = (
    QuoteKind,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn quotes(text: &str) -> Vec<Row> {
    let mut article = Article::new("news", text, ArticleMeta::default());
    eventwire_pipeline::Pipeline::standard()
        .expect("standard pipeline")
        .annotate(&mut article);
    article
        .quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                article.slice(q.span).to_string(),
                q.speaker_span.map(|s| article.slice(s).to_string()),
                q.verb.clone(),
                q.addressee.clone(),
            )
        })
        .collect()
}

fn row(kind: QuoteKind, content: &str, speaker: &str, verb: &str, to: Option<&str>) -> Row {
    (
        kind,
        content.into(),
        Some(speaker.into()),
        Some(verb.into()),
        to.map(Into::into),
    )
}

/// The speaker phrase may narrow to the actors stage's head mention ("Sergei Lavrov").
fn assert_rows(found: &[Row], expected: &[Row]) {
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (f, e) in found.iter().zip(expected) {
        assert_eq!((f.0, &f.1, &f.3, &f.4), (e.0, &e.1, &e.3, &e.4), "{f:?}");
        let (speaker, wanted) = (f.2.as_deref().unwrap_or(""), e.2.as_deref().unwrap());
        assert!(
            !speaker.is_empty() && wanted.ends_with(speaker),
            "speaker {speaker:?} of {:?}, expected {wanted:?}",
            f.1
        );
    }
}

use QuoteKind::{Direct, Indirect};

#[test]
fn split_quote_and_a_quote_running_over_two_paragraphs() {
    let text = "“We are ready to negotiate,” Foreign Minister Sergei Lavrov said on Tuesday, “but not at any price.”\n\
                “The West must understand this.\n\
                “There will be no concessions on Crimea,” he added.\n\
                Zelensky’s office did not respond to the minister’s remarks.";
    assert_rows(
        &quotes(text),
        &[
            row(
                Direct,
                "We are ready to negotiate,",
                "Foreign Minister Sergei Lavrov",
                "said",
                None,
            ),
            row(
                Direct,
                "but not at any price.",
                "Foreign Minister Sergei Lavrov",
                "said",
                None,
            ),
            row(
                Direct,
                "The West must understand this.\n“There will be no concessions on Crimea,",
                "he",
                "added",
                None,
            ),
        ],
    );
}

#[test]
fn straight_quotes_with_an_audience_and_inverted_said() {
    let text = "\"We don't want a war with anyone,\" the prime minister told parliament.\n\
                \"The sanctions are working,\" said Ursula von der Leyen, the Commission president.";
    assert_rows(
        &quotes(text),
        &[
            row(
                Direct,
                "We don't want a war with anyone,",
                "the prime minister",
                "told",
                Some("parliament"),
            ),
            row(
                Direct,
                "The sanctions are working,",
                "Ursula von der Leyen",
                "said",
                None,
            ),
        ],
    );
}

#[test]
fn according_to_and_fronted_reported_speech() {
    let text = "The convoy was struck twice near Kharkiv, according to Ukrainian officials.\n\
                Talks will resume in Geneva next week, a State Department spokesman said.";
    assert_rows(
        &quotes(text),
        &[
            row(
                Indirect,
                "The convoy was struck twice near Kharkiv",
                "Ukrainian officials",
                "according to",
                None,
            ),
            row(
                Indirect,
                "Talks will resume in Geneva next week",
                "a State Department spokesman",
                "said",
                None,
            ),
        ],
    );
}

#[test]
fn a_quote_paragraph_of_its_own_takes_the_previous_speaker() {
    let text = "Chancellor Olaf Scholz warned that Europe must rearm quickly.\n\
                “We cannot wait for the next crisis.”\n\
                The opposition criticised the plan.";
    assert_rows(
        &quotes(text),
        &[
            row(
                Indirect,
                "Europe must rearm quickly",
                "Chancellor Olaf Scholz",
                "warned",
                None,
            ),
            row(
                Direct,
                "We cannot wait for the next crisis.",
                "Chancellor Olaf Scholz",
                "warned",
                None,
            ),
        ],
    );
}

#[test]
fn a_participle_after_a_quote_reports_for_the_same_speaker() {
    let text =
        "“We are ready for talks,” Kremlin spokesman Dmitry Peskov told reporters on Monday, \
                adding that no date had been set.";
    assert_rows(
        &quotes(text),
        &[
            row(
                Direct,
                "We are ready for talks,",
                "Kremlin spokesman Dmitry Peskov",
                "told",
                Some("reporters"),
            ),
            row(
                Indirect,
                "no date had been set",
                "Kremlin spokesman Dmitry Peskov",
                "adding",
                None,
            ),
        ],
    );
}

#[test]
fn a_scare_quote_in_the_reporters_own_sentence_gets_no_speaker() {
    let text = "“We will not give up our land,” Zelensky said.\n\
                The so-called “special military operation” began in February 2022.";
    let found = quotes(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[1].1, "special military operation");
    assert_eq!((&found[1].2, &found[1].3), (&None, &None));
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_quote_below_it() {
    let text = "In a post on social media on Sunday, the Ukrainian president wrote:\n\
                “Our army is holding the line in the east.”";
    assert_rows(
        &quotes(text),
        &[row(
            Direct,
            "Our army is holding the line in the east.",
            "the Ukrainian president",
            "wrote",
            None,
        )],
    );
}

/// (kind, content, speaker phrase, verb) of the quotes in quotation marks found in `text`.
fn marked_quotes(text: &str) -> Vec<(QuoteKind, String, Option<String>, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|r| matches!(r.0, QuoteKind::Direct | QuoteKind::Term))
        .map(|(kind, content, speaker, verb, _)| (kind, content, speaker, verb))
        .collect()
}

/// The quoted words are a term: kept, but never attributed.
fn term(content: &str) -> (QuoteKind, String, Option<String>, Option<String>) {
    (QuoteKind::Term, content.into(), None, None)
}

#[test]
fn a_scare_quote_without_a_speech_verb_in_its_sentence_is_a_term() {
    let text = "Prime Minister Rishi Sunak said the plan would clear the backlog. Officials will \
                scrap the face-to-face interview step to \"streamline\" processing for five nationalities.";
    assert_eq!(marked_quotes(text), [term("streamline")]);
}

#[test]
fn names_and_titles_in_quotation_marks_are_terms() {
    let text =
        "The Syrian refugee team listed their country as \"Hope\" on the backs of their shirts \
                and named their robot \"Robogee.\" One of the screen prints shown was called \
                \"Cowboys and Indians\", the curator said.";
    assert_eq!(
        marked_quotes(text),
        [term("Hope"), term("Robogee."), term("Cowboys and Indians")]
    );
}

#[test]
fn a_headline_cited_with_its_source_is_a_term() {
    let text = "Sources\n\
                \"Document found on street not secret, say feds\" — The Canadian Press, August 15, 2008";
    assert_eq!(
        marked_quotes(text),
        [term("Document found on street not secret, say feds")]
    );
}

#[test]
fn fragments_after_a_speech_verb_are_speech_and_the_subject_may_stand_in_an_apposition() {
    let text = "The secretary general of the Italian Episcopal Conference, Nunzio Galantino, has \
                called the ruling \"dangerous\" and \"ideological\".";
    assert_rows(
        &quotes(text),
        &[
            row(Direct, "dangerous", "Nunzio Galantino", "called", None),
            row(Direct, "ideological", "Nunzio Galantino", "called", None),
        ],
    );
}

#[test]
fn inverted_attribution_with_an_apposition() {
    let text =
        "\"Had it happened an hour later it would have been much worse,\" said Hamza Maeena, \
                a pilgrim from Jordan.";
    assert_rows(
        &quotes(text),
        &[row(
            Direct,
            "Had it happened an hour later it would have been much worse,",
            "Hamza Maeena",
            "said",
            None,
        )],
    );
}

#[test]
fn a_quote_after_a_colon_takes_the_speech_verb_before_the_fragment_it_follows() {
    let text = "During questions on Wednesday, Sunak defended the record whilst promising a \
                \"formal update\" is forthcoming: \"We are working intensely on that legislation.\"";
    let found = marked_quotes(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    for (kind, _, speaker, verb) in &found {
        assert_eq!(*kind, Direct);
        assert_eq!(speaker.as_deref(), Some("Sunak"));
        assert_eq!(verb.as_deref(), Some("promising"));
    }
}

#[test]
fn a_passive_speech_verb_in_the_next_sentence_does_not_attribute() {
    let text =
        "His sister pleaded with him to take the girl to a doctor, but he replied \"I am not \
                able to do that\". The parents are also accused of neglecting her.";
    let found = marked_quotes(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].2.as_deref(), found[0].3.as_deref()),
        (Some("he"), Some("replied"))
    );
}

#[test]
fn a_first_person_clause_without_attribution_is_still_a_quote() {
    let text =
        "Visitors found the words of the mayor, \"we will rebuild this bridge\", carved in stone.";
    let found = marked_quotes(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0, found[0].1.as_str()),
        (Direct, "we will rebuild this bridge")
    );
}

#[test]
fn a_fragment_before_a_coordinated_speech_verb_is_the_main_subjects() {
    let text = "Ukrainian President Volodymyr Zelensky thanked President Trump for the \
                \"constructive conversation\" between the two teams and said Kyiv was ready to \
                move forward.";
    let mut article = Article::new("news", text, ArticleMeta::default());
    eventwire_pipeline::Pipeline::standard()
        .expect("standard pipeline")
        .annotate(&mut article);
    let fragment = article
        .quotes
        .iter()
        .find(|q| article.slice(q.span) == "constructive conversation")
        .expect("the fragment is a quote");
    let speaker = fragment.speaker.map(|s| article.actors[s].name.as_str());
    assert_eq!(speaker, Some("Volodymyr Zelensky"), "not Kyiv after 'said'");
}

#[test]
fn beliefs_intentions_and_stances_are_read_on_the_parse() {
    let text = "The senator believes the bill will pass. The governor wants to raise taxes. \
                The mayor opposes the new stadium.";
    let found: Vec<_> = quotes(text)
        .into_iter()
        .map(|(kind, content, speaker, verb, _)| (kind, content, speaker, verb))
        .collect();
    let expected = |kind, content: &str, speaker: &str, verb: &str| {
        (
            kind,
            content.to_string(),
            Some(speaker.to_string()),
            Some(verb.to_string()),
        )
    };
    assert_eq!(
        found,
        [
            expected(
                QuoteKind::Belief,
                "the bill will pass",
                "The senator",
                "believes"
            ),
            expected(
                QuoteKind::Intention,
                "to raise taxes",
                "The governor",
                "wants"
            ),
            expected(QuoteKind::Stance, "the new stadium", "The mayor", "opposes"),
        ]
    );
}

#[test]
fn a_transcript_speaker_before_a_colon_is_the_speaker_and_a_label_is_not() {
    let text = "WALLACE: The deal will not survive the next election.\n\
                UPDATE: The story has been corrected since it was published.";
    assert_eq!(
        quotes(text),
        [(
            Indirect,
            "The deal will not survive the next election.".to_string(),
            Some("WALLACE".to_string()),
            Some(":".to_string()),
            None
        )]
    );
}
