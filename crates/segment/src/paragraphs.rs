//! Paragraphs: one per non-empty line, trimmed; blank lines separate too. A line that continues
//! a hard-wrapped sentence (the previous line has no final punctuation and this one starts in
//! lower case) is joined to the paragraph before it instead of starting a new one.

use eventwire_model::Span;

/// Paragraph spans of `text`, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut previous_line_blank = true;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let span = trimmed_span(line, line_start);
        line_start += line.len();
        let Some(span) = span else {
            previous_line_blank = true;
            continue;
        };
        match paragraphs.last_mut() {
            Some(last)
                if !previous_line_blank && continues(&text[last.range()], &text[span.range()]) =>
            {
                last.end = span.end;
            }
            _ => paragraphs.push(span),
        }
        previous_line_blank = false;
    }
    paragraphs
}

/// The non-whitespace part of `line` as a span at `offset`, or `None` for a blank line.
fn trimmed_span(line: &str, offset: usize) -> Option<Span> {
    let trimmed_start = line.trim_start();
    if trimmed_start.is_empty() {
        return None;
    }
    let start = offset + line.len() - trimmed_start.len();
    Some(Span::new(start, start + trimmed_start.trim_end().len()))
}

/// True when `next` carries on the sentence `paragraph` leaves unfinished (a hard line wrap).
fn continues(paragraph: &str, next: &str) -> bool {
    let ends_open = paragraph
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-'));
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn each_non_empty_line_is_a_paragraph_and_blank_lines_are_skipped() {
        assert_eq!(
            texts("Headline here\n  First para.\r\n\n\nSecond para.  \n"),
            ["Headline here", "First para.", "Second para."]
        );
        assert!(paragraphs("\n \n\t").is_empty());
    }

    #[test]
    fn hard_wrapped_lines_join_but_a_blank_line_still_separates() {
        assert_eq!(
            texts("Putin said the talks\nwould start soon.\nThen he left\n\nand more"),
            [
                "Putin said the talks\nwould start soon.",
                "Then he left",
                "and more"
            ]
        );
    }
}
