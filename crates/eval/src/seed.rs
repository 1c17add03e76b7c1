//! Scores one annotated article against its gold file, following the rules of
//! `shared/gold/README.md`: actors, quotes with attribution, TIMEX extent and value, events at CAMEO
//! root and exact level (forbidden events listed as false positives), promises with deadlines.

use crate::gold::{ForbiddenEvent, Gold, GoldEvent, GoldQuoteKind};
use crate::report::{Finding, Report};
use crate::score::{match_one_to_one, Counts};
use eventwire_model::{Article, ClaimKind, QuoteKind, Span};

/// All task scores of one article.
pub fn score_article(gold: &Gold, article: &Article) -> Report {
    let mut report = Report::new(&gold.article.id);
    score_actors(gold, article, &mut report);
    for kind in [GoldQuoteKind::Direct, GoldQuoteKind::Indirect] {
        score_quotes(gold, article, kind, &mut report);
    }
    score_timexes(gold, article, &mut report);
    score_events(gold, article, &mut report);
    score_promises(gold, article, &mut report);
    report
}

/// 1-based line number of a byte offset: the gold's notion of a paragraph.
pub fn line_of(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn gold_span(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

/// Lists the gold items no pair covers as misses, the predictions no pair covers as false positives.
fn record_unmatched(
    report: &mut Report,
    task: &str,
    article: &Article,
    gold: &[(Span, String)],
    predicted: &[Span],
    pairs: &[(usize, usize)],
) -> Counts {
    let missed: Vec<_> = (0..gold.len())
        .filter(|g| !pairs.iter().any(|p| p.0 == *g))
        .collect();
    let spurious: Vec<_> = (0..predicted.len())
        .filter(|p| !pairs.iter().any(|q| q.1 == *p))
        .collect();
    for &g in &missed {
        let (span, note) = &gold[g];
        report.findings.push(Finding::miss(
            task,
            line_of(&article.text, span.start),
            note,
        ));
    }
    for &p in &spurious {
        let span = predicted[p];
        let text = format!("{:?}", article.slice(span));
        report.findings.push(Finding::false_positive(
            task,
            line_of(&article.text, span.start),
            &text,
        ));
    }
    Counts {
        true_pos: pairs.len(),
        false_pos: spurious.len(),
        false_neg: missed.len(),
    }
}

fn score_actors(gold: &Gold, article: &Article, report: &mut Report) {
    let predicted: Vec<(Span, Option<&str>)> = article
        .mentions
        .iter()
        .map(|m| {
            let actor_code = article.actors.get(m.actor).and_then(|a| a.code.as_deref());
            (m.span, m.code.as_deref().or(actor_code))
        })
        .collect();
    let spans: Vec<Span> = predicted.iter().map(|p| p.0).collect();
    let overlap = |g: &crate::gold::GoldActor, p: &(Span, Option<&str>)| {
        gold_span(g.start, g.end).overlaps(&p.0)
    };
    let span_pairs = match_one_to_one(&gold.actors, &predicted, &[], overlap);
    let coded_pairs = match_one_to_one(&gold.actors, &predicted, &[], |g, p| {
        overlap(g, p)
            && p.1
                .is_some_and(|c| c == g.code || g.alt_codes.iter().any(|a| a == c))
    });
    let notes: Vec<(Span, String)> = gold
        .actors
        .iter()
        .map(|g| {
            (
                gold_span(g.start, g.end),
                format!("{:?} {}", g.text, g.code),
            )
        })
        .collect();
    let span_counts = Counts {
        true_pos: span_pairs.len(),
        false_pos: predicted.len() - span_pairs.len(),
        false_neg: gold.actors.len() - span_pairs.len(),
    };
    report.add_score("actors (span)", span_counts);
    let counts = record_unmatched(report, "actors", article, &notes, &spans, &coded_pairs);
    report.add_score("actors (span+code)", counts);
}

fn score_quotes(gold: &Gold, article: &Article, kind: GoldQuoteKind, report: &mut Report) {
    let (name, model_kind) = match kind {
        GoldQuoteKind::Direct => ("direct", QuoteKind::Direct),
        GoldQuoteKind::Indirect => ("indirect", QuoteKind::Indirect),
    };
    let gold_quotes: Vec<_> = gold.quotes.iter().filter(|q| q.kind == kind).collect();
    let predicted: Vec<_> = article
        .quotes
        .iter()
        .filter(|q| q.kind == model_kind)
        .collect();
    let pairs = match_one_to_one(&gold_quotes, &predicted, &[], |g, p| {
        gold_span(g.start, g.end).overlaps(&p.span)
    });
    let notes: Vec<(Span, String)> = gold_quotes
        .iter()
        .map(|g| {
            (
                gold_span(g.start, g.end),
                format!("{:?} ({})", g.text, g.speaker),
            )
        })
        .collect();
    let spans: Vec<Span> = predicted.iter().map(|q| q.span).collect();
    let task = format!("quotes {name}");
    let counts = record_unmatched(report, &task, article, &notes, &spans, &pairs);
    report.add_score(&task, counts);
    let attributed = pairs
        .iter()
        .filter(|&&(g, p)| {
            let speaker = predicted[p].speaker.and_then(|s| article.actors.get(s));
            speaker.is_some_and(|s| {
                s.name == gold_quotes[g].speaker
                    && s.code.as_deref() == Some(gold_quotes[g].speaker_code.as_str())
            })
        })
        .count();
    report.add_accuracy(
        &format!("quote attribution {name}"),
        attributed,
        pairs.len(),
    );
}

fn score_timexes(gold: &Gold, article: &Article, report: &mut Report) {
    let (required, optional): (Vec<_>, Vec<_>) = gold.timexes.iter().partition(|t| t.required);
    let optional_spans: Vec<Span> = optional.iter().map(|t| gold_span(t.start, t.end)).collect();
    let all_spans: Vec<Span> = article.timexes.iter().map(|t| t.span).collect();
    let lenient_fit = |g: &&crate::gold::GoldTimex, p: &Span| gold_span(g.start, g.end).overlaps(p);
    let lenient_all = match_one_to_one(&required, &all_spans, &[], lenient_fit);
    // Predictions that only hit optional items are neutral: drop them before counting.
    let predicted: Vec<usize> = (0..all_spans.len())
        .filter(|p| {
            lenient_all.iter().any(|q| q.1 == *p)
                || !optional_spans.iter().any(|o| o.overlaps(&all_spans[*p]))
        })
        .collect();
    let spans: Vec<Span> = predicted.iter().map(|&p| all_spans[p]).collect();
    let notes: Vec<(Span, String)> = required
        .iter()
        .map(|g| {
            (
                gold_span(g.start, g.end),
                format!("{:?} {}", g.text, g.value),
            )
        })
        .collect();
    let strict = match_one_to_one(&required, &spans, &[], |g, p| {
        gold_span(g.start, g.end) == *p
    });
    let lenient = match_one_to_one(&required, &spans, &[], lenient_fit);
    let strict_counts = Counts {
        true_pos: strict.len(),
        false_pos: spans.len() - strict.len(),
        false_neg: required.len() - strict.len(),
    };
    report.add_score("timex strict", strict_counts);
    let counts = record_unmatched(report, "timex", article, &notes, &spans, &lenient);
    report.add_score("timex lenient", counts);
    let right_values = lenient
        .iter()
        .filter(|&&(g, p)| {
            let value = &article.timexes[predicted[p]].value;
            *value == required[g].value || required[g].alt_values.contains(value)
        })
        .count();
    report.add_accuracy("timex value", right_values, lenient.len());
}

/// A predicted event reduced to what the gold compares: (source, code, target) and its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PredictedEvent {
    source: String,
    cameo: String,
    target: String,
    paragraph: usize,
}

impl PredictedEvent {
    fn describe(&self) -> String {
        format!("{} {} {}", self.source, self.cameo, self.target)
    }
}

fn predicted_events(article: &Article) -> Vec<PredictedEvent> {
    let mut events: Vec<PredictedEvent> = Vec::new();
    for e in &article.events {
        let event = PredictedEvent {
            source: e.source_code.clone().unwrap_or_default(),
            cameo: e.cameo.clone(),
            target: e.target_code.clone().unwrap_or_default(),
            paragraph: line_of(&article.text, e.trigger.start),
        };
        // One report of a (source, code, target) per paragraph: repeats are not new events.
        if !events.contains(&event) {
            events.push(event);
        }
    }
    events
}

fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

fn event_fits(gold: &GoldEvent, p: &PredictedEvent, exact: bool) -> bool {
    let code_fits = |c: &String| {
        if exact {
            *c == p.cameo
        } else {
            root(c) == root(&p.cameo)
        }
    };
    p.source == gold.source
        && (p.target == gold.target || gold.alt_targets.contains(&p.target))
        && (code_fits(&gold.cameo) || gold.alt_cameo.iter().any(code_fits))
}

/// Same-paragraph pairs first, so that a repeated event pairs with its own mention.
fn match_events(
    gold: &[GoldEvent],
    predicted: &[PredictedEvent],
    exact: bool,
) -> Vec<(usize, usize)> {
    let local = match_one_to_one(gold, predicted, &[], |g, p| {
        g.paragraph == p.paragraph && event_fits(g, p, exact)
    });
    match_one_to_one(gold, predicted, &local, |g, p| event_fits(g, p, exact))
}

fn score_events(gold: &Gold, article: &Article, report: &mut Report) {
    // A forbidden event is false by rule, even where an optional gold event elsewhere would pair it.
    let (forbidden, predicted): (Vec<_>, Vec<_>) = predicted_events(article)
        .into_iter()
        .partition(|p| forbidden_entry(gold, p).is_some());
    for (task, exact) in [("events root", false), ("events exact", true)] {
        let pairs = match_events(&gold.events, &predicted, exact);
        let mut counts = Counts::default();
        for (gi, g) in gold.events.iter().enumerate() {
            let found = pairs.iter().any(|q| q.0 == gi);
            if g.required && found {
                counts.true_pos += 1;
            } else if g.required {
                counts.false_neg += 1;
                let note = format!("{} {} {}", g.source, g.cameo, g.target);
                report
                    .findings
                    .push(Finding::miss(task, g.paragraph, &note));
            }
        }
        let spurious = (0..predicted.len()).filter(|pi| !pairs.iter().any(|q| q.1 == *pi));
        for p in spurious.map(|pi| &predicted[pi]).chain(&forbidden) {
            counts.false_pos += 1;
            let note = forbidden_note(gold, p);
            report
                .findings
                .push(Finding::false_positive(task, p.paragraph, &note));
        }
        report.add_score(task, counts);
    }
}

fn forbidden_entry<'g>(gold: &'g Gold, p: &PredictedEvent) -> Option<&'g ForbiddenEvent> {
    gold.forbidden_events.iter().find(|f| {
        f.source == p.source
            && f.target == p.target
            && f.paragraph == p.paragraph
            && root(&f.cameo_root) == root(&p.cameo)
    })
}

/// Describes a spurious event, quoting the gold's reason when it is a listed forbidden one.
fn forbidden_note(gold: &Gold, p: &PredictedEvent) -> String {
    match forbidden_entry(gold, p) {
        Some(f) => format!("{} — FORBIDDEN: {}", p.describe(), f.why),
        None => p.describe(),
    }
}

/// Where a gold promise's text lies: the occurrence on its paragraph's line, else the first one.
fn locate(text: &str, needle: &str, paragraph: usize) -> Option<Span> {
    let spans: Vec<Span> = text
        .match_indices(needle)
        .map(|(at, _)| Span::new(at, at + needle.len()))
        .collect();
    spans
        .iter()
        .find(|s| line_of(text, s.start) == paragraph)
        .or(spans.first())
        .copied()
}

fn score_promises(gold: &Gold, article: &Article, report: &mut Report) {
    let promises: Vec<_> = article
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Promise)
        .collect();
    let located: Vec<Option<Span>> = gold
        .promises
        .iter()
        .map(|g| locate(&article.text, &g.text, g.paragraph))
        .collect();
    let indexed: Vec<usize> = (0..gold.promises.len()).collect();
    let pairs = match_one_to_one(&indexed, &promises, &[], |&g, p| {
        let speaker_code = p.speaker_code.as_deref().or_else(|| {
            p.speaker
                .and_then(|s| article.actors.get(s)?.code.as_deref())
        });
        speaker_code == Some(gold.promises[g].speaker_code.as_str())
            && located[g].is_some_and(|s| s.overlaps(&p.span))
    });
    let notes: Vec<(Span, String)> = gold
        .promises
        .iter()
        .zip(&located)
        .map(|(g, s)| {
            (
                s.unwrap_or_default(),
                format!("{:?} by {}", g.text, g.speaker),
            )
        })
        .collect();
    let spans: Vec<Span> = promises.iter().map(|p| p.span).collect();
    let counts = record_unmatched(report, "promises", article, &notes, &spans, &pairs);
    report.add_score("promises", counts);
    let on_time = pairs
        .iter()
        .filter(|&&(g, p)| {
            let wanted = &gold.promises[g];
            promises[p].deadline.is_some_and(|d| {
                let d = d.format("%Y-%m-%d").to_string();
                d == wanted.deadline || wanted.alt_deadlines.contains(&d)
            })
        })
        .count();
    report.add_accuracy("promise deadline", on_time, pairs.len());
}
