//! Reader for CoNLL-U treebank files (Universal Dependencies).
//!
//! Keeps only what the tagger, lemmatiser and parser learn from: word lines with their form,
//! lemma, UPOS, XPOS, head and relation, plus the `# text` comment for raw-text evaluation.
//! Multiword-token lines (`1-2`) and empty nodes (`1.1`) are skipped: the syntactic words are
//! the units we tag and parse.

use std::path::Path;

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluToken {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based index of the head word; 0 for the root.
    pub head: usize,
    pub deprel: String,
}

/// A treebank sentence: its words and, when given, its `# text` line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    pub text: Option<String>,
    pub tokens: Vec<ConlluToken>,
}

/// A CoNLL-U file that cannot be read, with the place it went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{origin}:{line}: {message}")]
    Format {
        origin: String,
        line: usize,
        message: String,
    },
}

/// Reads and parses a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<ConlluSentence>, ConlluError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConlluError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&text, &path.display().to_string())
}

/// Parses CoNLL-U text; `origin` names the source in error messages.
pub fn parse(input: &str, origin: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    for (index, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
        } else if let Some(comment) = line.strip_prefix('#') {
            if let Some(text) = comment.trim_start().strip_prefix("text = ") {
                current.text = Some(text.to_string());
            }
        } else if let Some(token) =
            parse_word_line(line).map_err(|message| ConlluError::Format {
                origin: origin.to_string(),
                line: index + 1,
                message,
            })?
        {
            current.tokens.push(token);
        }
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Parses one word line; `None` for multiword-token and empty-node lines.
fn parse_word_line(line: &str) -> Result<Option<ConlluToken>, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated fields, found {}",
            fields.len()
        ));
    }
    if fields[0].contains(['-', '.']) {
        return Ok(None);
    }
    let head = fields[6]
        .parse()
        .map_err(|_| format!("head {:?} is not a number", fields[6]))?;
    Ok(Some(ConlluToken {
        form: fields[1].to_string(),
        lemma: fields[2].to_string(),
        upos: fields[3].to_string(),
        xpos: fields[4].to_string(),
        head,
        deprel: fields[7].to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n\
4.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn skips_multiword_tokens_and_empty_nodes() {
        let sentences = parse(SAMPLE, "sample").unwrap();
        assert_eq!(sentences.len(), 1);
        let forms: Vec<&str> = sentences[0]
            .tokens
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        assert_eq!(forms, ["I", "do", "n't", "know", "."]);
        assert_eq!(sentences[0].text.as_deref(), Some("I don't know."));
        assert_eq!(sentences[0].tokens[2].lemma, "not");
        assert_eq!(sentences[0].tokens[0].head, 4);
    }

    #[test]
    fn reports_the_line_of_a_bad_head() {
        let err = parse("1\tI\tI\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n", "bad.conllu").unwrap_err();
        assert_eq!(err.to_string(), "bad.conllu:1: head \"x\" is not a number");
    }
}
