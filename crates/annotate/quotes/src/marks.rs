//! Direct quotes: text between quotation marks.
//!
//! Double marks — curly (“ ”), straight ("), guillemets (« ») and the New York Times' two
//! apostrophes (''…'') — are paired first. News style
//! lets a double quote run over several paragraphs: a paragraph whose quote is still open when it
//! ends continues when the next paragraph opens with a quotation mark, and the quote closes at the
//! last closing mark. Single marks (‘ ’ and ') are paired only outside double quotes (inside, they
//! nest in a span that already covers them) and only within a paragraph, with an opening mark at a
//! word start and a closing mark at a word end, so apostrophes inside words ("It’s", "don't") and
//! contractions after a space ("we 're") never open a quote.

use crate::text::{CLOSING_MARKS, OPENING_MARKS};
use eventwire_model::Span;

/// One direct quote: its marks included (`outer`) and the quoted words only (`inner`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    pub outer: Span,
    pub inner: Span,
}

/// A character with its neighbours, which decide whether a straight mark opens or closes.
#[derive(Clone, Copy)]
struct Context {
    prev: Option<char>,
    c: char,
    next: Option<char>,
}

/// One family of quotation marks.
struct MarkFamily {
    opens: fn(Context) -> bool,
    closes: fn(Context) -> bool,
    spans_paragraphs: bool,
}

const DOUBLE: MarkFamily = MarkFamily {
    opens: opens_double,
    closes: closes_double,
    spans_paragraphs: true,
};

const SINGLE: MarkFamily = MarkFamily {
    opens: opens_single,
    closes: closes_single,
    spans_paragraphs: false,
};

/// Every direct quote in `text`, in text order, given its paragraphs (sorted, disjoint);
/// `is_contraction` tells the words that follow an apostrophe ("s", "re") from quoted words.
pub fn direct_quotes(
    text: &str,
    paragraphs: &[Span],
    is_contraction: impl Fn(&str) -> bool,
) -> Vec<Marked> {
    let mut quotes = pair_marks(text, paragraphs, &DOUBLE, &is_contraction);
    let singles: Vec<Marked> = pair_marks(text, paragraphs, &SINGLE, &is_contraction)
        .into_iter()
        .filter(|s| find_overlapping(&quotes, s.outer).is_none())
        .collect();
    quotes.extend(singles);
    quotes.sort_by_key(|q| q.outer.start);
    quotes
}

/// The quote of `quotes` (in text order, disjoint, as one family's pairing gives them) that
/// overlaps `span`, found by binary search: scanning them all for each quote was quadratic.
pub fn find_overlapping(quotes: &[Marked], span: Span) -> Option<&Marked> {
    let first_ending_after = quotes.partition_point(|q| q.outer.end <= span.start);
    quotes
        .get(first_ending_after)
        .filter(|q| q.outer.overlaps(&span))
}

fn starts_with_contraction(rest: &str, is_contraction: &impl Fn(&str) -> bool) -> bool {
    let first: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    is_contraction(&first)
}

/// Pairs the marks of one family paragraph by paragraph.
fn pair_marks(
    text: &str,
    paragraphs: &[Span],
    family: &MarkFamily,
    is_contraction: &impl Fn(&str) -> bool,
) -> Vec<Marked> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let body = &text[paragraph.range()];
        let mut prev: Option<char> = None;
        let mut chars = body.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let here = Context {
                prev,
                c,
                next: chars.peek().map(|&(_, n)| n),
            };
            let pos = paragraph.start + offset;
            let is_continuation_mark = offset == 0 && open.is_some();
            if is_continuation_mark && (family.opens)(here) {
                // Paragraph-opening mark of a quote continued from the previous paragraph.
            } else if let Some(start) = open {
                if (family.closes)(here) {
                    let mark_len = if is_double_apostrophe(here) {
                        2
                    } else {
                        c.len_utf8()
                    };
                    quotes.extend(marked(text, start, pos, pos + mark_len));
                    open = None;
                }
            } else if (family.opens)(here) {
                let rest = &body[offset + c.len_utf8()..];
                let is_apostrophe =
                    !family.spans_paragraphs && starts_with_contraction(rest, is_contraction);
                open = (!is_apostrophe).then_some(pos);
            }
            prev = Some(c);
        }
        if let Some(start) = open {
            let continues =
                family.spans_paragraphs && next_opens_with_quote(text, paragraphs.get(p + 1));
            if !continues {
                // An unclosed double quote ends with its paragraph; an unclosed single mark
                // was an apostrophe.
                if family.spans_paragraphs {
                    quotes.extend(marked(text, start, paragraph.end, paragraph.end));
                }
                open = None;
            }
        }
    }
    quotes
}

fn opens_double(x: Context) -> bool {
    (OPENING_MARKS.contains(&x.c) && !is_mistyped_close(x))
        || ((x.c == '"' || is_double_apostrophe(x)) && at_word_start(x))
}

fn closes_double(x: Context) -> bool {
    CLOSING_MARKS.contains(&x.c)
        || is_mistyped_close(x)
        || ((x.c == '"' || is_double_apostrophe(x)) && glued_before(x))
}

/// The first of two apostrophes standing for a double quotation mark (''…'', New York Times).
fn is_double_apostrophe(x: Context) -> bool {
    x.c == '\'' && x.next == Some('\'')
}

/// A “ glued to the word before it and not to the one after it is a mistyped ”.
fn is_mistyped_close(x: Context) -> bool {
    x.c == '“' && glued_before(x) && !x.next.is_some_and(char::is_alphanumeric)
}

fn opens_single(x: Context) -> bool {
    matches!(x.c, '‘' | '\'') && at_word_start(x) && x.next.is_some_and(char::is_alphabetic)
}

fn closes_single(x: Context) -> bool {
    matches!(x.c, '’' | '\'') && glued_before(x) && !x.next.is_some_and(char::is_alphanumeric)
}

/// The mark follows a space, an opening bracket or dash, or starts the paragraph.
fn at_word_start(x: Context) -> bool {
    x.prev
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
}

/// The mark is attached to the character before it.
fn glued_before(x: Context) -> bool {
    x.prev.is_some_and(|p| !p.is_whitespace())
}

fn next_opens_with_quote(text: &str, next: Option<&Span>) -> bool {
    let mut chars = next.map(|p| text[p.range()].chars()).into_iter().flatten();
    let first = chars.next();
    first.is_some_and(|c| {
        opens_double(Context {
            prev: None,
            c,
            next: chars.next(),
        })
    })
}

/// The quote from the opening mark at `open` to `end` (just after the closing mark, or the
/// paragraph end) whose words end at `inner_end`, with whitespace trimmed from the inside;
/// `None` when nothing is inside.
fn marked(text: &str, open: usize, inner_end: usize, end: usize) -> Option<Marked> {
    let mark_len = if text[open..].starts_with("''") {
        2
    } else {
        text[open..].chars().next().map_or(1, char::len_utf8)
    };
    let after_open = open + mark_len;
    let inner = &text[after_open..inner_end.max(after_open)];
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

    fn quotes(text: &str) -> Vec<Marked> {
        direct_quotes(text, &paragraphs(text), |w| ["s", "re", "t"].contains(&w))
    }

    fn inner_texts(text: &str) -> Vec<&str> {
        quotes(text)
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
    fn two_apostrophes_are_a_double_quotation_mark() {
        let text = "''We will win,'' he said, and it's ''over.''";
        assert_eq!(inner_texts(text), ["We will win,", "over."]);
    }

    #[test]
    fn straight_quotes_pair_by_context() {
        let text = "He said \"we won't stop\" and left, calling it a \"victory.\"";
        assert_eq!(inner_texts(text), ["we won't stop", "victory."]);
    }

    #[test]
    fn an_open_quote_continues_into_a_paragraph_that_opens_with_a_mark() {
        let text = "“We will not retreat.\n“We will rebuild,” the mayor said.\nNo quote here.";
        let quotes = quotes(text);
        assert_eq!(quotes.len(), 1);
        assert_eq!(
            &text[quotes[0].inner.range()],
            "We will not retreat.\n“We will rebuild,"
        );
    }

    #[test]
    fn single_quotes_pair_at_word_edges_outside_double_quotes() {
        let text =
            "The team won a 'courageous achievement' award, the girls' coach said it 's fine.";
        assert_eq!(inner_texts(text), ["courageous achievement"]);
        assert_eq!(
            inner_texts("We 're told the ‘so-called’ truce holds."),
            ["so-called"]
        );
    }

    #[test]
    fn a_mistyped_opening_mark_after_a_word_closes_the_quote() {
        let text = "“It is an affront to Texas.“ However, the centre gets seats.";
        assert_eq!(inner_texts(text), ["It is an affront to Texas."]);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let text = "“We will not retreat, the mayor said.\nNext paragraph.";
        assert_eq!(inner_texts(text), ["We will not retreat, the mayor said."]);
    }
}
