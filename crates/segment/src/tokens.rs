//! UD English (EWT-style) tokenization: whitespace chunks are split into punctuation, words and
//! clitics so that the tagger and parser, trained on EWT, see the tokens they were trained on.
//!
//! Conventions (checked against en_ewt-ud-train): clitics split ("do|n't", "I|'ve", "Trump|'s",
//! curly apostrophes too); punctuation and quotes are tokens of their own; abbreviations keep
//! their period ("U.S.", "Gen."); numbers stay whole ("3.5", "1,000", "10:30"); hyphenated
//! compounds are split ("business|-|like") except after prefixes EWT keeps ("anti-war");
//! URLs and e-mail addresses stay whole.

use crate::lexicon::{AbbreviationKind, Lexicon};
use eventwire_model::Span;
use std::ops::Range;

/// Splits `text` into tokens; spans are byte offsets into `text`.
pub(crate) fn tokenize(lexicon: &Lexicon, text: &str) -> Vec<Span> {
    let mut tokens = Vec::new();
    let mut chunks = text.split_whitespace().peekable();
    while let Some(chunk) = chunks.next() {
        let base = chunk.as_ptr() as usize - text.as_ptr() as usize;
        let number_follows = chunks
            .peek()
            .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
        for piece in split_chunk(lexicon, chunk, number_follows) {
            tokens.push(Span::new(base + piece.start, base + piece.end));
        }
    }
    tokens
}

/// Token ranges of one whitespace-free chunk: leading punctuation, the core, trailing punctuation.
/// `number_follows` tells whether the next chunk starts with a digit ("No. 2").
fn split_chunk(lexicon: &Lexicon, chunk: &str, number_follows: bool) -> Vec<Range<usize>> {
    let mut core = 0..chunk.len();
    let mut leading = Vec::new();
    while let Some(len) = leading_punctuation_len(&chunk[core.clone()]) {
        leading.push(core.start..core.start + len);
        core.start += len;
    }
    let mut trailing = Vec::new();
    while let Some(len) = trailing_punctuation_len(lexicon, &chunk[core.clone()], number_follows) {
        trailing.push(core.end - len..core.end);
        core.end -= len;
    }
    let mut pieces = leading;
    if !core.is_empty() {
        pieces.extend(split_core(lexicon, chunk, core, number_follows));
    }
    pieces.extend(trailing.into_iter().rev());
    pieces
}

/// Length of the punctuation token opening `s`, if `s` starts with one that is not part of a word
/// ("-5", ".5", "'90s" and "@handle" keep their first character).
fn leading_punctuation_len(s: &str) -> Option<usize> {
    let mut chars = s.chars();
    let first = chars.next()?;
    let second = chars.next();
    if is_word_char(first) {
        return None;
    }
    let starts_number =
        matches!(first, '-' | '+' | '.' | '\'' | '’') && second.is_some_and(|c| c.is_ascii_digit());
    let starts_handle = matches!(first, '@' | '#') && second.is_some_and(is_word_char);
    if starts_number || starts_handle {
        return None;
    }
    Some(repeated_run_len(s, first))
}

/// Length of the punctuation token closing `s`, unless the last period belongs to an
/// abbreviation or `s` is a single character (which then is the core itself).
fn trailing_punctuation_len(lexicon: &Lexicon, s: &str, number_follows: bool) -> Option<usize> {
    let last = s.chars().next_back()?;
    if is_word_char(last) || s.len() == last.len_utf8() {
        return None;
    }
    if last == '.' && keeps_period(lexicon, last_word(s), number_follows) {
        return None;
    }
    let run = s.len() - s.trim_end_matches(last).len();
    (run < s.len()).then_some(if groups_in_runs(last) {
        run
    } else {
        last.len_utf8()
    })
}

/// The last word of `s` with its periods ("R-S.C." → "S.C."), where an abbreviation would be.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rfind(|&(_, c)| !is_word_char(c) && c != '.')
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// Whether `word`, ending in a period, is an abbreviation that keeps the period as its own.
fn keeps_period(lexicon: &Lexicon, word: &str, number_follows: bool) -> bool {
    match lexicon.abbreviation(word) {
        Some(AbbreviationKind::BeforeNumber) => number_follows,
        Some(_) => true,
        None => false,
    }
}

/// Punctuation that forms one token when repeated ("...", "--", "?!" is two).
fn groups_in_runs(c: char) -> bool {
    matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_')
}

/// Bytes taken by `c` repeated at the start of `s` when it groups in runs, else by one `c`.
fn repeated_run_len(s: &str, c: char) -> usize {
    if groups_in_runs(c) {
        s.len() - s.trim_start_matches(c).len()
    } else {
        c.len_utf8()
    }
}

/// Splits the core of a chunk (no leading or trailing punctuation) at inner punctuation, then
/// splits clitics off each word.
fn split_core(
    lexicon: &Lexicon,
    chunk: &str,
    core: Range<usize>,
    number_follows: bool,
) -> Vec<Range<usize>> {
    let text = &chunk[core.clone()];
    if is_url_or_email(text) {
        return vec![core];
    }
    let mut pieces = Vec::new();
    let mut word_start = 0;
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let word = &text[word_start..i];
        let ends_abbreviation = c == '.'
            && !next.is_some_and(is_word_char)
            && keeps_period(
                lexicon,
                &text[word_start..i + 1],
                number_follows && i + 1 == text.len(),
            );
        if ends_abbreviation {
            // "U.S.-led": the abbreviation keeps its period and ends the word here.
            push_word(&mut pieces, text, word_start..i + 1, core.start);
            word_start = i + 1;
        } else if !is_word_char(c) && !joins_word(lexicon, word, previous, c, next) {
            push_word(&mut pieces, text, word_start..i, core.start);
            let run = repeated_run_len(&text[i..], c);
            pieces.push(core.start + i..core.start + i + run);
            word_start = i + run;
            for _ in 1..text[i..i + run].chars().count() {
                chars.next();
            }
        }
        previous = Some(c);
    }
    push_word(&mut pieces, text, word_start..text.len(), core.start);
    pieces
}

/// Whether the inner punctuation `c` between `previous` and `next` stays inside the word.
fn joins_word(
    lexicon: &Lexicon,
    word: &str,
    previous: Option<char>,
    c: char,
    next: Option<char>,
) -> bool {
    let (Some(previous), Some(next)) = (previous, next) else {
        // A sign, decimal point or elided century opening a number: "-5", ".5", "'73".
        return previous.is_none()
            && next.is_some_and(|n| n.is_ascii_digit())
            && matches!(c, '-' | '+' | '.' | '\'' | '’');
    };
    let digits = previous.is_ascii_digit() && next.is_ascii_digit();
    let letters = is_letter(previous) && is_letter(next);
    match c {
        '.' => is_word_char(previous) && is_word_char(next),
        ',' | ':' | '/' => digits,
        '\'' | '’' | '&' => letters,
        '-' => {
            digits
                || (is_word_char(previous)
                    && is_word_char(next)
                    && lexicon.is_hyphen_prefix(word.rsplit('-').next().unwrap_or(word)))
        }
        '_' => true,
        _ => false,
    }
}

/// Pushes a word (if not empty) as one or two tokens, splitting off its clitic.
fn push_word(pieces: &mut Vec<Range<usize>>, text: &str, word: Range<usize>, offset: usize) {
    if word.is_empty() {
        return;
    }
    match clitic_start(&text[word.clone()]) {
        Some(split) => {
            pieces.push(offset + word.start..offset + word.start + split);
            pieces.push(offset + word.start + split..offset + word.end);
        }
        None => pieces.push(offset + word.start..offset + word.end),
    }
}

/// Byte offset where a clitic begins in `word` ("don't" → 2, "I’ve" → 1, "gonna" → 3), if any.
fn clitic_start(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "gonna" | "gotta" | "wanna") {
        return Some(3);
    }
    if lower == "cannot" {
        return Some(3);
    }
    let (apostrophe, _) = word.char_indices().rfind(|&(_, c)| is_apostrophe(c))?;
    let suffix = word[apostrophe..]
        .trim_start_matches(is_apostrophe)
        .to_lowercase();
    match suffix.as_str() {
        "s" | "re" | "ve" | "ll" | "d" | "m" if apostrophe > 0 => Some(apostrophe),
        "t" if apostrophe >= 2 && word[..apostrophe].ends_with(['n', 'N']) => Some(apostrophe - 1),
        _ => None,
    }
}

/// Letters, digits, and combining marks (so decomposed "é" = "e\u{301}" stays one word).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// The combining diacritical mark blocks of Unicode.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_url_or_email(s: &str) -> bool {
    s.contains("://")
        || s.starts_with("www.")
        || s.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let lexicon = Lexicon::bundled().unwrap();
        tokenize(&lexicon, text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn clitics_split_with_straight_and_curly_apostrophes() {
        assert_eq!(words("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(words("I’ve heard"), ["I", "’ve", "heard"]);
        assert_eq!(words("Zelenske\u{301}’s"), ["Zelenske\u{301}", "’s"]);
        assert_eq!(words("Ukraine’s elections"), ["Ukraine", "’s", "elections"]);
        assert_eq!(
            words("we can't, won't"),
            ["we", "ca", "n't", ",", "wo", "n't"]
        );
        assert_eq!(words("O'Brien cannot"), ["O'Brien", "can", "not"]);
        assert_eq!(
            words("the players' union"),
            ["the", "players", "'", "union"]
        );
    }

    #[test]
    fn punctuation_and_quotes_split_but_abbreviations_keep_their_period() {
        assert_eq!(
            words("“We want to end that war.”"),
            ["“", "We", "want", "to", "end", "that", "war", ".", "”"]
        );
        assert_eq!(
            words("Gen. Kellogg (U.S.) said \"no\"..."),
            ["Gen.", "Kellogg", "(", "U.S.", ")", "said", "\"", "no", "\"", "..."]
        );
        assert_eq!(words("U.S.-led talks"), ["U.S.", "-", "led", "talks"]);
        assert_eq!(words("(R-S.C.)"), ["(", "R", "-", "S.C.", ")"]);
        assert_eq!(words("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(
            words("the No. 2 said no."),
            ["the", "No.", "2", "said", "no", "."]
        );
    }

    #[test]
    fn numbers_stay_whole_and_currency_and_percent_split() {
        assert_eq!(
            words("3.5 percent of $1,000 at 10:30, or 5%"),
            ["3.5", "percent", "of", "$", "1,000", "at", "10:30", ",", "or", "5", "%"]
        );
        assert_eq!(words("in 2024-25"), ["in", "2024-25"]);
        assert_eq!(
            words("since '73, -5 and .5"),
            ["since", "'73", ",", "-5", "and", ".5"]
        );
    }

    #[test]
    fn hyphens_split_except_after_ewt_prefixes() {
        assert_eq!(words("a business-like"), ["a", "business", "-", "like"]);
        assert_eq!(
            words("anti-war, pro-Russian"),
            ["anti-war", ",", "pro-Russian"]
        );
        assert_eq!(words("war—and peace"), ["war", "—", "and", "peace"]);
    }

    #[test]
    fn urls_and_emails_stay_whole() {
        assert_eq!(
            words("see https://example.com/a-b, or mail press@un.org."),
            [
                "see",
                "https://example.com/a-b",
                ",",
                "or",
                "mail",
                "press@un.org",
                "."
            ]
        );
    }
}
