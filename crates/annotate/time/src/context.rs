//! The words next to a candidate, lower-cased for comparison with the lexicon's cue phrases.
//!
//! Only as many characters as the longest cue needs are lower-cased, not the whole text before
//! or after the candidate: an article has a candidate every few words, so lower-casing the rest
//! of the article for each one made the time stage quadratic in article length.

/// Characters to compare for `phrases`: the longest one's, plus one for the character that
/// must not continue the word.
pub fn window<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> usize {
    phrases
        .into_iter()
        .map(|p| p.as_ref().chars().count())
        .max()
        .unwrap_or(0)
        + 1
}

/// The last `chars` characters of `text[..at]` after trailing whitespace, lower-cased (all of
/// it when shorter). Lower-casing never shortens text, so every comparison of a phrase of under
/// `chars` characters against the end agrees with one against the whole text lower-cased.
pub fn lower_before(text: &str, at: usize, chars: usize) -> String {
    let before = text[..at].trim_end();
    let start = match chars.checked_sub(1) {
        Some(skip) => before.char_indices().rev().nth(skip).map_or(0, |(i, _)| i),
        None => before.len(),
    };
    before[start..].to_lowercase()
}

/// The first `chars` characters of `text[at..]` after leading whitespace, lower-cased.
pub fn lower_after(text: &str, at: usize, chars: usize) -> String {
    let after = text[at..].trim_start();
    let end = after
        .char_indices()
        .nth(chars)
        .map_or(after.len(), |(i, _)| i);
    after[..end].to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_at_the_candidate_and_skip_the_space_next_to_it() {
        let text = "Talks Resumed WITHIN  six months Of Taking office.";
        let six = text.find("six").unwrap();
        let months_end = text.find(" Of").unwrap();
        assert_eq!(lower_before(text, six, 6), "within");
        assert_eq!(lower_before(text, six, 8), "d within");
        assert_eq!(lower_before(text, six, 1000), "talks resumed within");
        assert_eq!(lower_before(text, six, 0), "");
        assert_eq!(lower_after(text, months_end, 9), "of taking");
        assert_eq!(lower_after(text, months_end, 1000), "of taking office.");
        assert_eq!(window(["now", "right now"]), 10);
    }

    #[test]
    fn characters_not_bytes_are_counted() {
        let text = "Über Ärger: jetzt";
        assert_eq!(lower_before(text, text.len(), 12), "ärger: jetzt");
        assert_eq!(lower_after(text, 0, 4), "über");
    }
}
