//! Direct quotes: text between double quotation marks.
//!
//! Curly (“ ”), straight (") and guillemet (« ») marks are paired within a paragraph. Single
//! marks are never paired: ’ is far more often an apostrophe ("It’s", "Ukraine’s") and ‘…’ only
//! nests inside a double quote, whose span already covers it. News style lets a quote run over
//! several paragraphs: a paragraph whose quote is still open when it ends continues when the next
//! paragraph opens with a quotation mark, and the quote closes at the last closing mark.

use crate::text::{CLOSING_MARKS, OPENING_MARKS};
use eventwire_model::Span;

/// One direct quote: its marks included (`outer`) and the quoted words only (`inner`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    pub outer: Span,
    pub inner: Span,
}

/// Every direct quote in `text`, in text order, given its paragraphs (sorted, disjoint).
pub fn direct_quotes(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let body = &text[paragraph.range()];
        let mut prev: Option<char> = None;
        for (offset, c) in body.char_indices() {
            let pos = paragraph.start + offset;
            let is_continuation_mark = offset == 0 && open.is_some();
            if is_continuation_mark && is_opening(c, prev) {
                // Paragraph-opening mark of a quote continued from the previous paragraph.
            } else if let Some(start) = open {
                if is_closing(c, prev) {
                    quotes.extend(marked(text, start, pos + c.len_utf8()));
                    open = None;
                }
            } else if is_opening(c, prev) {
                open = Some(pos);
            }
            prev = Some(c);
        }
        if let Some(start) = open {
            if !next_opens_with_quote(text, paragraphs.get(p + 1)) {
                // An unclosed quote ends with its paragraph.
                quotes.extend(marked(text, start, paragraph.end));
                open = None;
            }
        }
    }
    quotes
}

fn is_opening(c: char, prev: Option<char>) -> bool {
    OPENING_MARKS.contains(&c) || (c == '"' && prev.is_none_or(opens_before_quote))
}

fn is_closing(c: char, prev: Option<char>) -> bool {
    CLOSING_MARKS.contains(&c) || (c == '"' && !prev.is_none_or(char::is_whitespace))
}

/// Characters after which a straight `"` opens a quote.
fn opens_before_quote(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/' | ':')
}

fn next_opens_with_quote(text: &str, next: Option<&Span>) -> bool {
    next.and_then(|p| text[p.range()].chars().next())
        .is_some_and(|c| is_opening(c, None))
}

/// The quote from the opening mark at `open` to `end` (just after the closing mark, or the
/// paragraph end), with whitespace trimmed from the inside; `None` when nothing is inside.
fn marked(text: &str, open: usize, end: usize) -> Option<Marked> {
    let after_open = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let before_close = text[..end]
        .chars()
        .next_back()
        .filter(|c| is_closing(*c, Some('x')))
        .map_or(end, |c| end - c.len_utf8())
        .max(after_open);
    let inner = &text[after_open..before_close];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    (!trimmed.is_empty()).then(|| Marked {
        outer: Span::new(open, end),
        inner: Span::new(after_open + lead, after_open + lead + trimmed.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            if !line.is_empty() {
                spans.push(Span::new(start, start + line.len()));
            }
            start += line.len() + 1;
        }
        spans
    }

    fn inner_texts(text: &str) -> Vec<&str> {
        direct_quotes(text, &paragraphs(text))
            .into_iter()
            .map(|q| &text[q.inner.range()])
            .collect()
    }

    #[test]
    fn split_quote_gives_two_quotes_and_apostrophes_are_ignored() {
        let text = "“We will talk,” Trump said, “and it’s Ukraine’s call.”";
        assert_eq!(
            inner_texts(text),
            ["We will talk,", "and it’s Ukraine’s call."]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside_the_double_quote() {
        let text = "“They called it ‘a senseless war’ today,” she said.";
        assert_eq!(
            inner_texts(text),
            ["They called it ‘a senseless war’ today,"]
        );
    }

    #[test]
    fn straight_quotes_pair_by_context() {
        let text = "He said \"we won't stop\" and left, calling it a \"victory.\"";
        assert_eq!(inner_texts(text), ["we won't stop", "victory."]);
    }

    #[test]
    fn an_open_quote_continues_into_a_paragraph_that_opens_with_a_mark() {
        let text = "“We will not retreat.\n“We will rebuild,” the mayor said.\nNo quote here.";
        let quotes = direct_quotes(text, &paragraphs(text));
        assert_eq!(quotes.len(), 1);
        assert_eq!(
            &text[quotes[0].inner.range()],
            "We will not retreat.\n“We will rebuild,"
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let text = "“We will not retreat, the mayor said.\nNext paragraph.";
        assert_eq!(inner_texts(text), ["We will not retreat, the mayor said."]);
    }
}
