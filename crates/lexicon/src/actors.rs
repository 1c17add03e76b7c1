//! Actor dictionaries (`Phoenix.*.actors.txt`): phrases naming one actor, and the codes it had
//! over time.

use crate::phrase::Phrase;
use crate::source::{source_lines, Diagnostics, Provenance, SourceLine};
use chrono::NaiveDate;

/// One actor: the phrases that name it and its codes, some restricted to dates.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// The primary phrase as written (`barack_obama`), made unique with `@2`, `@3`, ... when
    /// several actors share one ([`crate::Lexicon::new`] does that).
    pub id: String,
    /// The primary phrase first, then the `+` synonyms (and further primary phrases written
    /// before the first code, which PETRARCH groups with it).
    pub phrases: Vec<ActorPhrase>,
    pub codes: Vec<DatedCode>,
    /// Where the primary phrase is.
    pub provenance: Provenance,
}

/// A phrase naming an actor, with its own line.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorPhrase {
    pub phrase: Phrase,
    pub provenance: Provenance,
}

/// A code, valid between two dates (both inclusive) when they are given; with neither it is the
/// actor's default code.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub provenance: Provenance,
}

impl DatedCode {
    /// Whether the code has a date restriction.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// Whether a dated code holds on `date`.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.is_dated()
            && self.from.is_none_or(|from| from <= date)
            && self.until.is_none_or(|until| date <= until)
    }
}

impl ActorEntry {
    /// The code the actor had on `date`: the first date restriction that holds, else the default
    /// code (the last undated one, as a tab-indented `[CODE]` replaces the primary line's).
    pub fn code_on(&self, date: NaiveDate) -> Option<&str> {
        self.codes
            .iter()
            .find(|code| code.holds_on(date))
            .map(|code| code.code.as_str())
            .or_else(|| self.default_code())
    }

    /// The code used when no date restriction holds (or no date is known).
    pub fn default_code(&self) -> Option<&str> {
        self.codes
            .iter()
            .rev()
            .find(|code| !code.is_dated())
            .map(|code| code.code.as_str())
    }

    /// The primary phrase.
    pub fn name(&self) -> &Phrase {
        &self.phrases[0].phrase
    }
}

/// Parses a PETRARCH actor file.
pub(crate) fn parse_actors(
    file: &str,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<ActorEntry> {
    let mut entries: Vec<ActorEntry> = Vec::new();
    for line in source_lines(file, text) {
        let result = if line.content.starts_with(['\t', ' ']) {
            add_restriction(entries.last_mut(), &line)
        } else if let Some(synonym) = line.content.strip_prefix('+') {
            add_synonym(entries.last_mut(), &line, synonym)
        } else {
            add_primary(&mut entries, &line)
        };
        if let Err(message) = result {
            diagnostics.report(&line.provenance, message);
        }
    }
    entries
}

fn actor_phrase(text: &str, line: &SourceLine) -> Result<ActorPhrase, String> {
    let phrase = Phrase::parse(text).ok_or("actor line without a phrase")?;
    Ok(ActorPhrase {
        phrase,
        provenance: line.provenance.clone(),
    })
}

/// A primary phrase starts a new actor, except after a primary phrase that has no code yet: both
/// name the actor whose codes follow.
fn add_primary(entries: &mut Vec<ActorEntry>, line: &SourceLine) -> Result<(), String> {
    let (text, codes) = match line.content.split_once('[') {
        Some((text, _)) => (text, bracketed_codes(line)?),
        None => (line.content, Vec::new()),
    };
    let phrase = actor_phrase(text, line)?;
    let continues_previous = entries.last().is_some_and(|entry| entry.codes.is_empty());
    if !continues_previous {
        entries.push(ActorEntry {
            id: phrase.phrase.to_string(),
            phrases: Vec::new(),
            codes: Vec::new(),
            provenance: line.provenance.clone(),
        });
    }
    let entry = entries.last_mut().expect("just ensured");
    entry.phrases.push(phrase);
    entry.codes.extend(codes);
    Ok(())
}

fn add_synonym(
    entry: Option<&mut ActorEntry>,
    line: &SourceLine,
    text: &str,
) -> Result<(), String> {
    let entry = entry.ok_or("a '+' synonym before any primary phrase")?;
    entry.phrases.push(actor_phrase(text, line)?);
    Ok(())
}

/// A tab-indented `[CODE restriction]` line (text before the bracket is ignored, as PETRARCH does).
fn add_restriction(entry: Option<&mut ActorEntry>, line: &SourceLine) -> Result<(), String> {
    let entry = entry.ok_or("a date restriction before any actor")?;
    if !line.content.contains('[') {
        return Err("an indented line that is not a [CODE date-date] restriction".into());
    }
    entry.codes.extend(bracketed_codes(line)?);
    Ok(())
}

/// Every `[CODE restriction]` group of a line; text between and after the groups (some files
/// append a description column) is ignored.
fn bracketed_codes(line: &SourceLine) -> Result<Vec<DatedCode>, String> {
    let mut codes = Vec::new();
    let mut rest = line.content;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').ok_or("'[' without ']'")? + open;
        codes.push(dated_code(rest[open + 1..close].trim(), line)?);
        rest = &rest[close + 1..];
    }
    Ok(codes)
}

/// `USAGOV 20090120-20170120`, `USAGOV >090120`, `USAELI <450412`, `USAELI`.
fn dated_code(inside: &str, line: &SourceLine) -> Result<DatedCode, String> {
    let (code, restriction) = inside
        .split_once(char::is_whitespace)
        .unwrap_or((inside, ""));
    if code.is_empty() {
        return Err("empty actor code []".into());
    }
    let mut dated = DatedCode {
        code: code.to_string(),
        from: None,
        until: None,
        provenance: line.provenance.clone(),
    };
    let restriction = restriction.trim();
    if let Some(date) = restriction.strip_prefix('<') {
        dated.until = Some(petrarch_date(date)?);
    } else if let Some(date) = restriction.strip_prefix('>') {
        dated.from = Some(petrarch_date(date)?);
    } else if let Some((from, until)) = restriction.split_once('-') {
        let (from, until) = (petrarch_date(from)?, petrarch_date(until)?);
        if until < from {
            return Err(format!(
                "date range ends ({until}) before it starts ({from})"
            ));
        }
        (dated.from, dated.until) = (Some(from), Some(until));
    } else if !restriction.is_empty() {
        return Err(format!(
            "bad date restriction {restriction:?}: use <date, >date or date-date"
        ));
    }
    Ok(dated)
}

/// `YYYYMMDD`, or `YYMMDD` with years up to 30 in the 2000s (PETRARCH's rule).
pub(crate) fn petrarch_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let bad = || format!("bad date {text:?}: use YYMMDD or YYYYMMDD");
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().map_err(|_| bad());
    let (year, rest) = match text.len() {
        8 => (number(0..4)? as i32, 4),
        6 => {
            let short = number(0..2)? as i32;
            (
                if short <= 30 {
                    2000 + short
                } else {
                    1900 + short
                },
                2,
            )
        }
        _ => return Err(bad()),
    };
    NaiveDate::from_ymd_opt(year, number(rest..rest + 2)?, number(rest + 2..rest + 4)?)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../tests/fixtures/petrarch/test.actors.txt");

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn parse() -> (Vec<ActorEntry>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let entries = parse_actors("test.actors.txt", FIXTURE, &mut diagnostics);
        (
            entries,
            diagnostics.0.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn countries_have_synonyms_and_a_default_code() {
        let (entries, _) = parse();
        let afghanistan = &entries[0];
        let phrases: Vec<String> = afghanistan
            .phrases
            .iter()
            .map(|p| p.phrase.to_string())
            .collect();
        assert_eq!(
            phrases,
            ["afghanistan", "afghan", "islamic_republic_of_afghanistan"]
        );
        assert_eq!(afghanistan.code_on(date("2020-01-01")), Some("AFG"));
        assert_eq!(
            afghanistan.phrases[1].provenance.to_string(),
            "test.actors.txt:4"
        );
    }

    #[test]
    fn dated_codes_choose_the_code_of_the_day() {
        let (entries, _) = parse();
        let byrnes = &entries[1];
        assert_eq!(
            byrnes.code_on(date("1920-05-01")),
            Some("USAELI"),
            "YYYYMMDD-YYMMDD"
        );
        assert_eq!(byrnes.code_on(date("1946-01-01")), Some("USAGOV"));
        assert_eq!(byrnes.code_on(date("1990-01-01")), None, "no default code");
        let obama = &entries[2];
        assert_eq!(obama.phrases.len(), 2);
        assert_eq!(obama.code_on(date("2012-06-01")), Some("USAGOV"), ">date");
        assert_eq!(obama.code_on(date("2005-01-01")), Some("USAELI"), "<date");
        assert_eq!(
            obama.code_on(date("2009-01-19")),
            Some("USAELI"),
            "<date is inclusive"
        );
    }

    #[test]
    fn primary_phrases_before_the_first_code_share_it() {
        let (entries, _) = parse();
        let vice_president = &entries[3];
        assert_eq!(vice_president.phrases.len(), 3);
        assert_eq!(vice_president.code_on(date("2001-01-01")), Some("USAGOV"));
        assert_eq!(entries.len(), 5);
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let (entries, diagnostics) = parse();
        assert_eq!(
            diagnostics,
            [
                "test.actors.txt:26: bad date \"2004017\": use YYMMDD or YYYYMMDD",
                "test.actors.txt:27: date range ends (1990-01-01) before it starts (2000-01-01)",
            ]
        );
        assert_eq!(
            entries[4].codes.len(),
            2,
            "the good lines of the entry are kept"
        );
    }

    #[test]
    fn petrarch_dates() {
        assert_eq!(petrarch_date("090120"), Ok(date("2009-01-20")));
        assert_eq!(petrarch_date("450703"), Ok(date("1945-07-03")));
        assert_eq!(petrarch_date("19411207"), Ok(date("1941-12-07")));
        assert!(petrarch_date("20100931").is_err());
    }
}
