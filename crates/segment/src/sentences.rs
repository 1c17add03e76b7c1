//! Sentence boundaries over the tokens of one paragraph.
//!
//! A sentence ends at ".", "!", "?" or an ellipsis when the next token can open a sentence
//! (capital, digit, opening quote or bracket), or at an abbreviation such as "U.S." when the next
//! word is a typical sentence opener ("He", "The"). Closing quotes and brackets right after the
//! final punctuation stay with the sentence (`… war.”`).

use crate::lexicon::{AbbreviationKind, Lexicon};
use eventwire_model::Span;
use std::ops::Range;

/// How strongly a token signals the end of a sentence.
enum Ending {
    /// ".", "!", "?", "…": ends unless lower-case text follows.
    Terminal,
    /// An abbreviation that can also end a sentence ("U.S.", "Inc.").
    Abbreviation,
}

/// Ranges (indices into `tokens`) of the sentences made of `tokens`, which lie in one paragraph.
pub(crate) fn sentence_ranges(lexicon: &Lexicon, text: &str, tokens: &[Span]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let Some(ending) = ending(lexicon, &text[tokens[i].range()]) else {
            i += 1;
            continue;
        };
        let end = after_closers(text, tokens, i + 1);
        let breaks = match tokens.get(end).map(|t| &text[t.range()]) {
            None => true,
            Some(next) => match ending {
                Ending::Terminal => can_open_sentence(next),
                Ending::Abbreviation => lexicon.is_sentence_starter(next),
            },
        };
        if breaks {
            sentences.push(start..end);
            start = end;
        }
        i = end.max(i + 1);
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

fn ending(lexicon: &Lexicon, token: &str) -> Option<Ending> {
    if token.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')) {
        return Some(Ending::Terminal);
    }
    match lexicon.abbreviation(token) {
        Some(AbbreviationKind::MaybeFinal) => Some(Ending::Abbreviation),
        _ => None,
    }
}

/// Index of the first token after `from` that is not a closing quote or bracket attached to the
/// sentence's end.
fn after_closers(text: &str, tokens: &[Span], from: usize) -> usize {
    let mut end = from;
    while end < tokens.len()
        && is_closer(
            &text[tokens[end].range()],
            tokens[end - 1].end == tokens[end].start,
        )
    {
        end += 1;
    }
    end
}

/// Curly closing quotes and brackets always close; straight quotes only when attached to the
/// preceding punctuation (`war."` closes, `war. "We` opens the next sentence).
fn is_closer(token: &str, attached: bool) -> bool {
    match token {
        "”" | "’" | "»" | ")" | "]" | "}" => true,
        "\"" | "'" => attached,
        _ => false,
    }
}

fn can_open_sentence(token: &str) -> bool {
    token.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || matches!(
                c,
                '“' | '‘' | '"' | '\'' | '(' | '[' | '«' | '¿' | '¡' | '—' | '-'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let lexicon = Lexicon::bundled().unwrap();
        let tokens = tokenize(&lexicon, text);
        sentence_ranges(&lexicon, text, &tokens)
            .into_iter()
            .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
            .collect()
    }

    #[test]
    fn titles_months_initials_and_decimals_do_not_end_sentences() {
        assert_eq!(
            sentences("Gen. Keith Kellogg met Sen. J. D. Vance on Jan. 7 at 9 a.m. to discuss a 3.5 percent rise. It went well."),
            [
                "Gen. Keith Kellogg met Sen. J. D. Vance on Jan. 7 at 9 a.m. to discuss a 3.5 percent rise.",
                "It went well."
            ]
        );
    }

    #[test]
    fn abbreviation_ends_a_sentence_only_before_a_sentence_opener() {
        assert_eq!(
            sentences("Aid came from the U.S. The EU followed. U.S. President Trump spoke."),
            [
                "Aid came from the U.S.",
                "The EU followed.",
                "U.S. President Trump spoke."
            ]
        );
    }

    #[test]
    fn questions_inside_quotes_continue_with_lower_case_attribution() {
        assert_eq!(
            sentences("\"Is this a war?\" he asked. \"No.\" Then silence... Nothing more."),
            [
                "\"Is this a war?\" he asked.",
                "\"No.\"",
                "Then silence...",
                "Nothing more."
            ]
        );
    }
}
