//! HTML pages: the article body as one line per paragraph, without navigation, scripts, styles
//! and other boilerplate (rules in `data/ingest/html.toml`), plus the title, canonical URL, site
//! name and publication date from `<meta>`, JSON-LD or `<time datetime>`.

use crate::date::parse_date;
use crate::error::Reason;
use chrono::NaiveDate;
use ego_tree::NodeRef;
use eventwire_model::ArticleMeta;
use scraper::{ElementRef, Html, Node, Selector};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

const BUNDLED_RULES: &str = include_str!("../../../data/ingest/html.toml");

/// Meta tags naming the publication date, most specific first.
const DATE_META_SELECTORS: &str = "meta[property='article:published_time'], \
     meta[name='article:published_time'], meta[itemprop=datePublished], \
     meta[name=pubdate], meta[name=publishdate], meta[name=publish-date], meta[name=date], \
     meta[name='DC.date.issued'], meta[name='dc.date']";

/// Boilerplate rules, parsed from the bundled data file.
#[derive(Debug)]
pub struct HtmlRules {
    skip_tags: HashSet<String>,
    block_tags: HashSet<String>,
    boilerplate_words: HashSet<String>,
    body_selectors: Vec<Selector>,
}

#[derive(Deserialize)]
struct RulesFile {
    skip_tags: Vec<String>,
    block_tags: Vec<String>,
    boilerplate_words: Vec<String>,
    body_selectors: Vec<String>,
}

static RULES: LazyLock<Result<HtmlRules, String>> =
    LazyLock::new(|| HtmlRules::parse(BUNDLED_RULES));

impl HtmlRules {
    /// The bundled rules, or why they could not be read.
    pub fn bundled() -> Result<&'static HtmlRules, Reason> {
        RULES.as_ref().map_err(|e| Reason::BadRules(e.clone()))
    }

    fn parse(toml_text: &str) -> Result<Self, String> {
        let file: RulesFile =
            toml::from_str(toml_text).map_err(|e| format!("data/ingest/html.toml: {e}"))?;
        let body_selectors = file
            .body_selectors
            .iter()
            .map(|s| Selector::parse(s).map_err(|e| format!("body selector {s:?}: {e}")))
            .collect::<Result<_, _>>()?;
        Ok(HtmlRules {
            skip_tags: file.skip_tags.into_iter().collect(),
            block_tags: file.block_tags.into_iter().collect(),
            boilerplate_words: file.boilerplate_words.into_iter().collect(),
            body_selectors,
        })
    }

    /// True when the element's class or id marks it as navigation, sharing tools, ads, etc.
    fn is_boilerplate(&self, element: ElementRef) -> bool {
        let value = element.value();
        value
            .attr("class")
            .into_iter()
            .chain(value.attr("id"))
            .flat_map(|names| names.split(|c: char| c == '-' || c == '_' || c.is_whitespace()))
            .any(|part| self.boilerplate_words.contains(&part.to_ascii_lowercase()))
    }
}

/// An HTML page reduced to its metadata and article text.
#[derive(Debug)]
pub struct Extracted {
    pub meta: ArticleMeta,
    pub body: String,
}

/// Extracts metadata and article text; `Reason::NoText` when the page holds no readable text.
pub fn extract(html: &str, rules: &HtmlRules) -> Result<Extracted, Reason> {
    let document = Html::parse_document(html);
    let body = article_body(&document, rules);
    if body.is_empty() {
        return Err(Reason::NoText(" once markup and boilerplate are removed"));
    }
    let meta = ArticleMeta {
        title: title(&document),
        url: first_attr(&document, "link[rel=canonical]", "href")
            .or_else(|| first_attr(&document, "meta[property='og:url']", "content")),
        source: first_attr(&document, "meta[property='og:site_name']", "content"),
        published: published(&document),
        origin: None,
    };
    Ok(Extracted { meta, body })
}

/// Text of the first body selector that yields any (of its matches, the one with the most text:
/// pages list teaser `<article>`s beside the main one), else of the whole page; as a last resort
/// the class/id boilerplate filter is dropped (it can misfire on a site's own naming).
fn article_body(document: &Html, rules: &HtmlRules) -> String {
    for selector in &rules.body_selectors {
        let longest = document
            .select(selector)
            .map(|root| block_text(root, rules, true))
            .max_by_key(String::len);
        if let Some(text) = longest.filter(|t| !t.is_empty()) {
            return text;
        }
    }
    let page = block_text(document.root_element(), rules, true);
    if page.is_empty() {
        block_text(document.root_element(), rules, false)
    } else {
        page
    }
}

fn block_text(root: ElementRef, rules: &HtmlRules, filter_boilerplate: bool) -> String {
    let mut blocks = Blocks::default();
    // The chosen root is never itself filtered: its own class names say nothing about boilerplate.
    collect_children(root, rules, filter_boilerplate, &mut blocks);
    blocks.finish()
}

/// Walks the subtree below `root` in document order with an explicit stack rather than recursion,
/// so nesting depth costs heap, not stack: 20,000 nested `<div>`s overflowed the stack before.
fn collect_children(root: ElementRef, rules: &HtmlRules, filter: bool, blocks: &mut Blocks) {
    enum Step<'a> {
        Enter(NodeRef<'a, Node>),
        /// Leaving a block element: its text ends a line.
        EndBlock,
    }
    let mut stack: Vec<Step> = root.children().rev().map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::EndBlock => {
                blocks.end_block();
                continue;
            }
            Step::Enter(node) => node,
        };
        if let Node::Text(text) = node.value() {
            blocks.push_text(text);
        }
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name();
        if rules.skip_tags.contains(name) || (filter && rules.is_boilerplate(element)) {
            continue;
        }
        if rules.block_tags.contains(name) {
            blocks.end_block();
            stack.push(Step::EndBlock);
        }
        stack.extend(node.children().rev().map(Step::Enter));
    }
}

/// Paragraph lines being assembled, with whitespace collapsed as a browser renders it.
#[derive(Default)]
struct Blocks {
    lines: Vec<String>,
    current: String,
    space_pending: bool,
}

impl Blocks {
    fn push_text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space_pending = true;
        }
        let mut wrote = false;
        for word in text.split_whitespace() {
            if self.space_pending && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.current.push_str(word);
            self.space_pending = true;
            wrote = true;
        }
        if wrote {
            self.space_pending = text.ends_with(char::is_whitespace);
        }
    }

    fn end_block(&mut self) {
        if !self.current.is_empty() {
            self.lines.push(std::mem::take(&mut self.current));
        }
        self.space_pending = false;
    }

    fn finish(mut self) -> String {
        self.end_block();
        self.lines.join("\n")
    }
}

fn title(document: &Html) -> Option<String> {
    first_attr(document, "meta[property='og:title']", "content")
        .or_else(|| first_text(document, "title"))
        .or_else(|| first_text(document, "h1"))
}

/// The publication date from meta tags, JSON-LD or a `<time>` element, in that order.
fn published(document: &Html) -> Option<NaiveDate> {
    selected(document, DATE_META_SELECTORS)
        .filter_map(|e| e.value().attr("content"))
        .find_map(parse_date)
        .or_else(|| json_ld_date(document))
        .or_else(|| {
            selected(document, "time[datetime]")
                .filter_map(|e| e.value().attr("datetime"))
                .find_map(parse_date)
        })
}

/// `datePublished` anywhere in the page's JSON-LD blocks (including `@graph` arrays).
fn json_ld_date(document: &Html) -> Option<NaiveDate> {
    selected(document, "script[type='application/ld+json']")
        .filter_map(|script| serde_json::from_str(&script.text().collect::<String>()).ok())
        .find_map(|value: serde_json::Value| find_date_published(&value))
}

fn find_date_published(value: &serde_json::Value) -> Option<NaiveDate> {
    match value {
        serde_json::Value::Object(map) => map
            .get("datePublished")
            .and_then(|v| v.as_str())
            .and_then(parse_date)
            .or_else(|| map.values().find_map(find_date_published)),
        serde_json::Value::Array(items) => items.iter().find_map(find_date_published),
        _ => None,
    }
}

/// Elements matching a selector written in this module (always valid; an invalid one matches nothing).
fn selected<'a>(document: &'a Html, selector: &str) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    let selector = Selector::parse(selector).ok();
    selector
        .into_iter()
        .flat_map(move |s| document.select(&s).collect::<Vec<_>>())
}

fn first_attr(document: &Html, selector: &str, attr: &str) -> Option<String> {
    selected(document, selector)
        .filter_map(|e| e.value().attr(attr))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_string)
}

fn first_text(document: &Html, selector: &str) -> Option<String> {
    selected(document, selector)
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
}

/// True when the text is an HTML document by its first tag.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start().get(..15).unwrap_or(text.trim_start());
    let start = start.to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
  <title>Putin praises Trump | World News</title>
  <meta property="og:title" content="Putin praises Trump as &quot;wise&quot;">
  <meta property="og:site_name" content="World News">
  <meta property="article:published_time" content="2025-01-31T09:30:00Z">
  <link rel="canonical" href="https://news.example/putin-trump">
  <style>p { color: red }</style><script>var tracking = "Trump";</script>
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <div class="cookie-banner">We use cookies.</div>
  <article>
    <header><h1>Putin praises Trump</h1></header>
    <p>In a recent interview, <b>Putin</b> praised
       Trump as a “wise and pragmatic man”.</p>
    <div class="share-tools">Share on X</div>
    <p>Talks could start <i>soon</i>.<br>Kyiv was not consulted.</p>
  </article>
  <footer>© World News</footer>
</body></html>"#;

    #[test]
    fn article_text_keeps_paragraphs_and_drops_boilerplate() {
        let extracted = extract(PAGE, HtmlRules::bundled().unwrap()).unwrap();
        assert_eq!(
            extracted.body,
            "In a recent interview, Putin praised Trump as a “wise and pragmatic man”.\n\
             Talks could start soon.\nKyiv was not consulted."
        );
        let meta = extracted.meta;
        assert_eq!(
            meta.title.as_deref(),
            Some("Putin praises Trump as \"wise\"")
        );
        assert_eq!(meta.source.as_deref(), Some("World News"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://news.example/putin-trump")
        );
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 1, 31));
    }

    #[test]
    fn the_longest_article_element_is_the_story_not_a_teaser() {
        let page = r#"<html><body>
            <article class="teaser"><p>Short teaser.</p></article>
            <article><p>Putin dismissed direct peace talks with Zelensky.</p>
            <p>He said Zelensky is not the legitimate leader of Ukraine.</p></article>
            <div class="related"><article><p>Another story.</p></article></div>
            </body></html>"#;
        assert_eq!(
            extract(page, HtmlRules::bundled().unwrap()).unwrap().body,
            "Putin dismissed direct peace talks with Zelensky.\n\
             He said Zelensky is not the legitimate leader of Ukraine."
        );
    }

    #[test]
    fn json_ld_and_time_elements_give_the_date_when_meta_tags_do_not() {
        let rules = HtmlRules::bundled().unwrap();
        let json_ld = r#"<html><head><script type="application/ld+json">
            {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2025-01-07"}]}
            </script></head><body><p>Kellogg spoke.</p></body></html>"#;
        let time = r#"<html><body><time datetime="2024-03-31">March 31</time><p>Vote delayed.</p></body></html>"#;
        assert_eq!(
            extract(json_ld, rules).unwrap().meta.published,
            NaiveDate::from_ymd_opt(2025, 1, 7)
        );
        let from_time = extract(time, rules).unwrap();
        assert_eq!(
            from_time.meta.published,
            NaiveDate::from_ymd_opt(2024, 3, 31)
        );
        assert_eq!(from_time.body, "March 31\nVote delayed.");
    }

    #[test]
    fn malformed_html_still_yields_its_text_and_empty_markup_is_an_error() {
        let rules = HtmlRules::bundled().unwrap();
        let broken = "<html><body><p>Putin said <b>talks<p>would start</div></span><p>soon";
        assert_eq!(
            extract(broken, rules).unwrap().body,
            "Putin said talks\nwould start\nsoon"
        );
        let empty =
            "<html><head><title>x</title><script>1</script></head><body> <nav>Home</nav></body>";
        assert!(matches!(extract(empty, rules), Err(Reason::NoText(_))));
    }

    #[test]
    fn twenty_thousand_nested_divs_are_read_without_running_out_of_stack() {
        let depth = 20_000;
        let page = format!(
            "<html><body>{}<p>Putin spoke.</p>{}<p>Kyiv replied.</p></body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        // A small stack, as a worker thread might have, so the test fails fast if recursion returns.
        let body = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || extract(&page, HtmlRules::bundled().unwrap()).map(|e| e.body))
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert_eq!(body.unwrap(), "Putin spoke.\nKyiv replied.");
    }

    #[test]
    fn html_is_recognised_by_its_first_tag() {
        assert!(looks_like_html("\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(!looks_like_html("Trump said <b> is bold"));
    }
}
