//! Speakers named before a colon at the start of a paragraph: transcripts ("WALLACE: Do you
//! …"), and headlines and short lines in the "Source: what they said" style ("Trump: Clinton
//! ‘Not Fit To Serve’", "Report: Half of Clinton's meetings were with donors"). The name is a few
//! capitalised words; the content is the rest of the paragraph. Labels that are no speaker
//! ("UPDATE:", "Related:") are listed in the lexicon (`colon_labels`).

use crate::attribution::{Evidence, Found};
use crate::lexicon::{Lexicon, WordClass};
use crate::reported::Attribution;
use crate::speaker::SpeechVerb;
use crate::text::Text;
use eventwire_model::{QuoteKind, Span};

/// Most words a speaker name before the colon may have ("Sen. Elizabeth Warren").
const MAX_SPEAKER_WORDS: usize = 4;
/// Fewest words the content after the colon needs.
const MIN_CONTENT_WORDS: usize = 3;

/// Attributes every paragraph-opening "Speaker: content": an unattributed direct quote inside
/// the content gets the speaker ("Kasich: ‘We Are Going To Go All The Way’"); otherwise the
/// content is a new statement, unless another quote overlaps it (a term inside it may: "Trump:
/// Clinton ‘Not Fit To Serve’").
pub fn attribute_colon_lines(text: &Text, lexicon: &Lexicon, found: &mut Vec<Found>) {
    for line in text
        .paragraphs
        .iter()
        .filter_map(|&paragraph| colon_line(text, lexicon, paragraph))
    {
        let is_unattributed_inside = |o: &Found| {
            o.kind == QuoteKind::Direct
                && o.attribution.is_none()
                && line.content.contains(&o.content)
        };
        let blocked = found.iter().any(|o| {
            o.kind != QuoteKind::Term
                && o.content.overlaps(&line.content)
                && !is_unattributed_inside(o)
        });
        if blocked {
            continue;
        }
        let mut gave_speaker = false;
        for quote in found.iter_mut().filter(|o| is_unattributed_inside(o)) {
            quote.attribution.clone_from(&line.attribution);
            quote.evidence = Evidence::Local;
            gave_speaker = true;
        }
        if !gave_speaker {
            found.push(line);
        }
    }
}

fn colon_line(text: &Text, lexicon: &Lexicon, paragraph: Span) -> Option<Found> {
    let words = text.words_in(paragraph);
    let colon = words
        .clone()
        .take(MAX_SPEAKER_WORDS + 1)
        .find(|&i| text.word(i) == ":")?;
    let name = words.start..colon;
    let is_name_word = |i: usize| text.is_capitalized(i) || text.word(i) == ".";
    let first_word = text.lower(name.start);
    if name.is_empty()
        || !name.clone().all(is_name_word)
        || lexicon.is(WordClass::ColonLabel, first_word)
        || lexicon.is(WordClass::Pronoun, first_word)
        || words.end - colon - 1 < MIN_CONTENT_WORDS
    {
        return None;
    }
    let speaker = Span::new(
        text.words[name.start].span.start,
        text.words[colon - 1].span.end,
    );
    let content = Span::new(
        text.words[colon + 1].span.start,
        text.words[words.end - 1].span.end,
    );
    let verb = SpeechVerb {
        word: colon,
        next: colon + 1,
        form: ":".into(),
        lemma: ":".into(),
        span: text.words[colon].span,
        is_source_marker: false,
    };
    Some(Found {
        content,
        kind: QuoteKind::Indirect,
        evidence: Evidence::Local,
        attribution: Some(Attribution {
            verb,
            speaker: Some(speaker),
            audience: None,
        }),
    })
}
