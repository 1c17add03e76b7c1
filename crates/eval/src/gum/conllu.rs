//! Reader for the GUM news CoNLL-U files (`shared/gum-news/`): rebuilds each document's text
//! exactly from its tokens and `SpaceAfter=No` (multi-word tokens by their surface form), one
//! paragraph per `# newpar` with a blank line between paragraphs, and maps the gold entity
//! mentions (`Entity=`) and quotes (`XML=<q>`, `<quote>`) to byte spans in that text.

use anyhow::{bail, ensure, Context};
use chrono::NaiveDate;
use eventwire_model::Span;
use std::ops::Range;

/// Between paragraphs: a blank line, so that the segmenter never joins two paragraphs.
const PARAGRAPH_BREAK: &str = "\n\n";

/// One GUM document: its rebuilt text, metadata and gold annotations.
#[derive(Debug, Clone, Default)]
pub struct GumDocument {
    /// `# newdoc id` (`GUM_news_afghan`).
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// `# meta::dateCreated`: the publication date.
    pub published: Option<NaiveDate>,
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    /// Syntactic words (multi-word tokens split, empty nodes left out).
    pub tokens: Vec<GoldToken>,
    pub mentions: Vec<GoldMention>,
    /// `<q>` and `<quote>` elements, quotation marks included.
    pub quotes: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldToken {
    /// The word's bytes; the whole surface form for a word of a multi-word token whose forms do
    /// not spell it out.
    pub span: Span,
    pub upos: String,
    /// Morphological features (`PronType=Prs|Person=3`), `_` when none.
    pub feats: String,
    /// Index into [`GumDocument::tokens`] of the syntactic head; `None` for a sentence root.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head.
    pub deprel: String,
}

/// A gold entity mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    pub span: Span,
    /// Range of [`GumDocument::tokens`] it covers.
    pub tokens: Range<usize>,
    /// Coreference chain id: mentions with the same id refer to the same entity.
    pub entity: String,
    /// Entity type (`person`, `organization`, `place`, `abstract`, …).
    pub etype: String,
    /// Wikipedia identity of named entities (`Donald_Trump`), percent-escapes decoded.
    pub identity: Option<String>,
    /// Index into [`GumDocument::tokens`] of the mention's head word (see [`head_word`]).
    pub head: usize,
}

impl GumDocument {
    /// Parses one CoNLL-U document; fails on a malformed line or when a rebuilt sentence differs
    /// from its `# text` comment.
    pub fn parse(conllu: &str) -> anyhow::Result<Self> {
        let mut reader = Reader::default();
        for (number, line) in conllu.lines().enumerate() {
            reader
                .line(line)
                .with_context(|| format!("line {}: {line:?}", number + 1))?;
        }
        reader.finish()
    }

    /// Reads and parses a `.conllu` file.
    pub fn read(path: &std::path::Path) -> anyhow::Result<Self> {
        let conllu =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Self::parse(&conllu).with_context(|| format!("parsing {}", path.display()))
    }

    /// The head word (see [`head_word`]) of the words a byte span overlaps, if it overlaps any.
    pub fn head_word_of(&self, span: Span) -> Option<usize> {
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        (first < end).then(|| head_word(&self.tokens, first..end))
    }
}

/// A mention whose closing bracket has not come yet.
#[derive(Debug)]
struct OpenMention {
    entity: String,
    etype: String,
    identity: Option<String>,
    first_token: usize,
}

/// A multi-word token being spelled out by its words.
#[derive(Debug)]
struct MultiWord {
    span: Span,
    /// Byte offset up to which the words have consumed the surface form.
    cursor: usize,
    last_word: usize,
    space_after: bool,
}

/// Line-by-line state of the parse.
#[derive(Debug, Default)]
struct Reader {
    doc: GumDocument,
    space_pending: bool,
    paragraph_start: Option<usize>,
    /// Index of the sentence's first token, and its `# text`.
    sentence_first_token: usize,
    sentence_text: Option<String>,
    /// Sentence-relative heads (1-based, 0 = root) of the current sentence's words.
    sentence_heads: Vec<usize>,
    multi_word: Option<MultiWord>,
    open_mentions: Vec<OpenMention>,
    open_quotes: Vec<usize>,
    layout: EntityLayout,
}

/// Where the type and the identity sit in an `Entity=` label, as `# global.Entity` declares
/// (`GRP-etype-infstat-salience-centering-minspan-link-identity` in GUM 2025; the id comes first).
#[derive(Debug, Clone, Copy)]
struct EntityLayout {
    etype: usize,
    identity: Option<usize>,
}

impl Default for EntityLayout {
    fn default() -> Self {
        EntityLayout {
            etype: 1,
            identity: Some(7),
        }
    }
}

impl EntityLayout {
    fn declared(declaration: &str) -> anyhow::Result<Self> {
        let fields: Vec<&str> = declaration.split('-').map(str::trim).collect();
        let position = |name: &str| fields.iter().position(|f| f.eq_ignore_ascii_case(name));
        Ok(EntityLayout {
            etype: position("etype").context("# global.Entity declares no etype")?,
            identity: position("identity"),
        })
    }

    /// `ID-etype-…` → the open mention; fields past the end of a short label are absent.
    fn open(&self, label: &str, token: usize) -> anyhow::Result<OpenMention> {
        let fields: Vec<&str> = label.split('-').collect();
        let etype = fields.get(self.etype);
        let etype = etype.with_context(|| format!("entity label {label:?} has no type"))?;
        Ok(OpenMention {
            entity: fields[0].to_string(),
            etype: etype.to_string(),
            identity: self
                .identity
                .and_then(|i| fields.get(i))
                .map(|i| percent_decode(i)),
            first_token: token,
        })
    }
}

impl Reader {
    fn line(&mut self, line: &str) -> anyhow::Result<()> {
        if let Some(comment) = line.strip_prefix('#') {
            return self.comment(comment.trim());
        }
        if line.trim().is_empty() {
            return self.end_sentence();
        }
        let columns: Vec<&str> = line.split('\t').collect();
        ensure!(columns.len() == 10, "expected 10 columns");
        let id = columns[0];
        if id.contains('.') {
            return Ok(()); // Empty node: no text of its own.
        }
        if let Some((first, last)) = id.split_once('-') {
            return self.multi_word(first, last, &columns);
        }
        self.word(id.parse().context("word id")?, &columns)
    }

    fn comment(&mut self, comment: &str) -> anyhow::Result<()> {
        if let Some(declaration) = comment.strip_prefix("global.Entity = ") {
            self.layout = EntityLayout::declared(declaration)?;
        } else if comment == "newpar" || comment.starts_with("newpar ") {
            self.start_paragraph();
        } else if let Some(text) = comment.strip_prefix("text = ") {
            self.sentence_text = Some(text.to_string());
        } else if let Some(id) = comment.strip_prefix("newdoc id = ") {
            self.doc.id = id.trim().to_string();
        } else if let Some((key, value)) = comment
            .strip_prefix("meta::")
            .and_then(|m| m.split_once(" = "))
        {
            let value = value.trim().to_string();
            match key.trim() {
                "title" => self.doc.title = Some(value),
                "sourceURL" => self.doc.url = Some(value),
                "dateCreated" => self.doc.published = value.parse().ok(),
                _ => {}
            }
        }
        Ok(())
    }

    fn start_paragraph(&mut self) {
        self.close_paragraph();
        if !self.doc.text.is_empty() {
            self.doc.text.push_str(PARAGRAPH_BREAK);
        }
        self.space_pending = false;
    }

    fn close_paragraph(&mut self) {
        if let Some(start) = self.paragraph_start.take() {
            self.doc
                .paragraphs
                .push(Span::new(start, self.doc.text.len()));
        }
    }

    /// Appends a surface form (after the pending space) and returns its span.
    fn push_form(&mut self, form: &str) -> Span {
        if self.space_pending {
            self.doc.text.push(' ');
        }
        let start = self.doc.text.len();
        self.paragraph_start.get_or_insert(start);
        self.doc.text.push_str(form);
        Span::new(start, self.doc.text.len())
    }

    fn multi_word(&mut self, first: &str, last: &str, columns: &[&str]) -> anyhow::Result<()> {
        let last_word = last.parse().context("multi-word token range")?;
        ensure!(
            first.parse::<usize>().is_ok_and(|f| f <= last_word),
            "bad multi-word token range"
        );
        let span = self.push_form(columns[1]);
        self.multi_word = Some(MultiWord {
            span,
            cursor: span.start,
            last_word,
            space_after: !has_no_space_after(columns[9]),
        });
        self.space_pending = false;
        Ok(())
    }

    fn word(&mut self, id: usize, columns: &[&str]) -> anyhow::Result<()> {
        ensure!(
            id == self.sentence_heads.len() + 1,
            "word {id} out of order"
        );
        let span = match self.multi_word.as_mut() {
            Some(mw) => {
                let span = mw.word_span(&self.doc.text, columns[1]);
                if id == mw.last_word {
                    self.space_pending = mw.space_after;
                    self.multi_word = None;
                }
                span
            }
            None => {
                let span = self.push_form(columns[1]);
                self.space_pending = !has_no_space_after(columns[9]);
                span
            }
        };
        let head = match columns[6] {
            "_" => 0,
            h => h.parse().context("head")?,
        };
        self.sentence_heads.push(head);
        let index = self.doc.tokens.len();
        self.doc.tokens.push(GoldToken {
            span,
            upos: columns[3].to_string(),
            feats: columns[5].to_string(),
            head: None,
            deprel: columns[7].to_string(),
        });
        let misc = columns[9];
        if let Some(entities) = misc_field(misc, "Entity") {
            self.entities(entities, index)?;
        }
        if let Some(xml) = misc_field(misc, "XML") {
            self.quotes(xml, span);
        }
        Ok(())
    }

    /// Applies the brackets of one word's `Entity=` field: `(ID-type-…` opens a mention at this
    /// word, `ID)` closes the latest open mention with that id after it.
    fn entities(&mut self, field: &str, token: usize) -> anyhow::Result<()> {
        let mut rest = field;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let end = after.find(['(', ')']).unwrap_or(after.len());
                self.open_mentions
                    .push(self.layout.open(&after[..end], token)?);
                rest = &after[end..];
                if let Some(after) = rest.strip_prefix(')') {
                    let entity = self.open_mentions.last().map(|m| m.entity.clone());
                    self.close_mention(&entity.unwrap_or_default(), token)?;
                    rest = after;
                }
            } else {
                let end = rest.find(')').context("entity bracket not closed")?;
                self.close_mention(&rest[..end], token)?;
                rest = &rest[end + 1..];
            }
        }
        Ok(())
    }

    fn close_mention(&mut self, entity: &str, last_token: usize) -> anyhow::Result<()> {
        let position = self
            .open_mentions
            .iter()
            .rposition(|m| m.entity == entity)
            .with_context(|| format!("entity {entity} closed but never opened"))?;
        let open = self.open_mentions.remove(position);
        let tokens = open.first_token..last_token + 1;
        self.doc.mentions.push(GoldMention {
            span: Span::new(
                self.doc.tokens[open.first_token].span.start,
                self.doc.tokens[last_token].span.end,
            ),
            tokens,
            entity: open.entity,
            etype: open.etype,
            identity: open.identity,
            head: 0, // Set once every tree is complete.
        });
        Ok(())
    }

    /// Opens `<q>`/`<quote>` elements at this word and closes them after it.
    fn quotes(&mut self, xml: &str, span: Span) {
        for tag in xml.split('<').skip(1) {
            let name = tag.split(['>', ' ']).next().unwrap_or("");
            match name {
                "q" | "quote" => self.open_quotes.push(span.start),
                "/q" | "/quote" => {
                    if let Some(start) = self.open_quotes.pop() {
                        self.doc.quotes.push(Span::new(start, span.end));
                    }
                }
                _ => {}
            }
        }
    }

    /// Resolves the sentence's heads to document indices and checks the rebuilt text against `# text`.
    fn end_sentence(&mut self) -> anyhow::Result<()> {
        if self.sentence_heads.is_empty() {
            return Ok(());
        }
        let first = self.sentence_first_token;
        for (offset, &head) in self.sentence_heads.iter().enumerate() {
            self.doc.tokens[first + offset].head = head.checked_sub(1).map(|h| first + h);
        }
        let span = Span::new(
            self.doc.tokens[first].span.start,
            self.doc.tokens.last().map_or(0, |t| t.span.end),
        );
        if let Some(expected) = self.sentence_text.take() {
            let rebuilt = &self.doc.text[span.range()];
            ensure!(
                rebuilt == expected,
                "rebuilt sentence {rebuilt:?} differs from its # text {expected:?}"
            );
        }
        self.doc.sentences.push(span);
        self.sentence_heads.clear();
        self.sentence_first_token = self.doc.tokens.len();
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<GumDocument> {
        self.end_sentence()?;
        self.close_paragraph();
        if let Some(open) = self.open_mentions.first() {
            bail!("entity {} opened but never closed", open.entity);
        }
        ensure!(!self.doc.tokens.is_empty(), "no tokens");
        for mention in &mut self.doc.mentions {
            mention.head = head_word(&self.doc.tokens, mention.tokens.clone());
        }
        // Text order, an enclosing mention before the ones inside it.
        self.doc
            .mentions
            .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        Ok(self.doc)
    }
}

impl MultiWord {
    /// The word's part of the surface form when its form continues it ("Trump" + "'s"), else the
    /// whole form ("can" + "not" would still fit; "wo" of "won't" would not).
    fn word_span(&mut self, text: &str, form: &str) -> Span {
        let rest = &text[self.cursor..self.span.end];
        if rest.starts_with(form) && !form.is_empty() {
            let start = self.cursor;
            self.cursor += form.len();
            Span::new(start, self.cursor)
        } else {
            self.span
        }
    }
}

/// The head word of a range of words: its first non-punctuation word whose syntactic head lies
/// outside it, moved to the last word of the name when that word belongs to a UD `flat` name
/// ("Donald Trump" → Trump, and the same for "Trump" alone). GUM also attaches a name to the title
/// noun before it with `flat` ("student Ahmed Mohamed"), sometimes as a chain ("spokesperson" ←
/// "Julie" ← "Hahn"), so the name's last word is the head there too, and a span and its name-only
/// part ("Ahmed Mohamed") share their head word.
pub fn head_word(tokens: &[GoldToken], range: Range<usize>) -> usize {
    let root = range
        .clone()
        .find(|&i| tokens[i].upos != "PUNCT" && tokens[i].head.is_none_or(|h| !range.contains(&h)))
        .unwrap_or(range.start);
    let is_flat = |i: usize| tokens[i].deprel.starts_with("flat");
    let anchor = match tokens[root].head {
        Some(parent) if is_flat(root) => parent,
        _ => root,
    };
    // Flat dependents follow their heads, so one pass collects the chain hanging from the anchor.
    let mut chain = vec![anchor, root];
    let mut head = root;
    for i in range.filter(|&i| i > root) {
        if is_flat(i) && tokens[i].head.is_some_and(|h| chain.contains(&h)) {
            chain.push(i);
            head = i;
        }
    }
    head
}

/// `Masjid_al%2DHaram` → `Masjid_al-Haram` (GUM escapes the field separator and a few others).
pub fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| value.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn misc_field<'a>(misc: &'a str, key: &str) -> Option<&'a str> {
    misc.split('|')
        .find_map(|f| f.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
}

fn has_no_space_after(misc: &str) -> bool {
    misc.split('|').any(|f| f == "SpaceAfter=No")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = GUM_news_test
# meta::dateCreated = 2017-07-18
# meta::title = Test
# newpar
# text = Trump's team won.
1-2\tTrump's\t_\t_\t_\t_\t_\t_\t_\t_
1\tTrump\tTrump\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tEntity=(2-organization-new-s-cf1-1,2,3-coref(1-person-new-s-cf2-1-coref-Donald_Trump)
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tteam\tteam\tNOUN\tNN\t_\t4\tnsubj\t_\tEntity=2)
4\twon\twin\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newpar
# text = He said \"yes\".
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-s-cf1-1-coref-Donald_Trump)
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\t\"\t\"\tPUNCT\t``\t_\t4\tpunct\t_\tSpaceAfter=No|XML=<quote>
4\tyes\tyes\tINTJ\tUH\t_\t2\tobj\t_\tSpaceAfter=No
5\t\"\t\"\tPUNCT\t''\t_\t4\tpunct\t_\tSpaceAfter=No|XML=</quote>
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    fn slice(doc: &GumDocument, span: Span) -> &str {
        &doc.text[span.range()]
    }

    #[test]
    fn rebuilds_text_paragraphs_and_metadata() {
        let doc = GumDocument::parse(SAMPLE).unwrap();
        assert_eq!(doc.id, "GUM_news_test");
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2017, 7, 18));
        assert_eq!(doc.text, "Trump's team won.\n\nHe said \"yes\".");
        let paragraphs: Vec<_> = doc.paragraphs.iter().map(|&p| slice(&doc, p)).collect();
        assert_eq!(paragraphs, ["Trump's team won.", "He said \"yes\"."]);
        let words: Vec<_> = doc.tokens.iter().map(|t| slice(&doc, t.span)).collect();
        assert_eq!(&words[..3], ["Trump", "'s", "team"]);
    }

    #[test]
    fn maps_nested_mentions_with_heads_and_identities() {
        let doc = GumDocument::parse(SAMPLE).unwrap();
        let found: Vec<_> = doc
            .mentions
            .iter()
            .map(|m| {
                let head = slice(&doc, doc.tokens[m.head].span);
                (
                    slice(&doc, m.span),
                    m.etype.as_str(),
                    head,
                    m.identity.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Trump's team", "organization", "team", None),
                ("Trump", "person", "Trump", Some("Donald_Trump")),
                ("He", "person", "He", Some("Donald_Trump")),
            ]
        );
        assert_eq!(doc.mentions[1].entity, doc.mentions[2].entity);
    }

    #[test]
    fn quotes_include_their_marks() {
        let doc = GumDocument::parse(SAMPLE).unwrap();
        let quotes: Vec<_> = doc.quotes.iter().map(|&q| slice(&doc, q)).collect();
        assert_eq!(quotes, ["\"yes\""]);
    }

    #[test]
    fn a_sentence_that_does_not_rebuild_is_an_error() {
        let broken = SAMPLE.replace("# text = Trump's team won.", "# text = Trump's team won");
        assert!(GumDocument::parse(&broken).is_err());
    }

    #[test]
    fn the_head_word_of_a_flat_name_is_its_last_word_even_after_a_title_noun() {
        // GUM's analysis: "student" heads the phrase, "Ahmed" and "Mohamed" are its flat dependents.
        let conllu = "# newpar
# text = Texas student Ahmed Mohamed inspires
1\tTexas\tTexas\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-s-cf1-2,3,4-coref(2-place-new-s-cf3-1-coref-Texas)
2\tstudent\tstudent\tNOUN\tNN\t_\t5\tnsubj\t_\t_
3\tAhmed\tAhmed\tPROPN\tNNP\t_\t2\tflat\t_\t_
4\tMohamed\tMohamed\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=1)
5\tinspires\tinspire\tVERB\tVBZ\t_\t0\troot\t_\t_
";
        let doc = GumDocument::parse(conllu).unwrap();
        let word = |i: usize| slice(&doc, doc.tokens[i].span);
        let phrase = &doc.mentions[0];
        assert_eq!(slice(&doc, phrase.span), "Texas student Ahmed Mohamed");
        assert_eq!(word(phrase.head), "Mohamed");
        let span_of = |text: &str| {
            let start = doc.text.find(text).unwrap();
            Span::new(start, start + text.len())
        };
        for part in ["Ahmed Mohamed", "Mohamed", "student Ahmed Mohamed"] {
            assert_eq!(doc.head_word_of(span_of(part)), Some(phrase.head), "{part}");
        }
        assert_eq!(word(doc.head_word_of(span_of("Ahmed")).unwrap()), "Ahmed");
        // The same name as a chain of flat words, "Mohamed" hanging from "Ahmed".
        let chained = conllu.replace(
            "4\tMohamed\tMohamed\tPROPN\tNNP\t_\t2",
            "4\tMohamed\tMohamed\tPROPN\tNNP\t_\t3",
        );
        let doc = GumDocument::parse(&chained).unwrap();
        assert_eq!(
            &doc.text[doc.tokens[doc.mentions[0].head].span.range()],
            "Mohamed"
        );
        assert_eq!(
            doc.head_word_of(span_of("Ahmed Mohamed")),
            Some(doc.mentions[0].head)
        );
        assert_eq!(word(doc.head_word_of(span_of("Texas")).unwrap()), "Texas");
    }

    #[test]
    fn entity_fields_follow_the_global_declaration() {
        let conllu = "# global.Entity = GRP-etype-identity
# newpar
# text = Obama
1\tObama\tObama\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(5-person-Barack_Obama)
";
        let doc = GumDocument::parse(conllu).unwrap();
        let m = &doc.mentions[0];
        assert_eq!((m.entity.as_str(), m.etype.as_str()), ("5", "person"));
        assert_eq!(m.identity.as_deref(), Some("Barack_Obama"));
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("Masjid_al%2DHaram"), "Masjid_al-Haram");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
