//! Claims and promises: statements that commit or predict, with a deadline a user can check later.

use crate::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// The speaker commits to doing something ("promised to end the conflict within 24 hours"), or
    /// sets a dated goal for their own action ("hopes to end the war within six months").
    Promise,
    /// The speaker predicts or hopes something will happen ("expects talks to resume soon").
    Prediction,
    /// A factual assertion that can be checked ("Russia would never have invaded Ukraine").
    Assertion,
}

/// Where a claim with a deadline stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// No deadline, or the deadline is still ahead.
    Open,
    /// The deadline is the query day.
    Due,
    /// The deadline has passed.
    PastDue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Index into [`crate::Article::actors`].
    pub speaker: Option<usize>,
    pub speaker_code: Option<String>,
    /// What is promised or predicted ("end the war within six months").
    pub span: Span,
    /// The verb that marks the commitment ("promised", "hopes", "will").
    pub trigger: Span,
    /// TIMEX3 value of when the claim was made ("2025-01-31", or "2024" for "during his campaign").
    pub made_on: Option<String>,
    /// The date by which it should come true, when the text gives one.
    pub deadline: Option<NaiveDate>,
    /// Index into [`crate::Article::timexes`] of the expression the deadline came from.
    pub deadline_timex: Option<usize>,
    pub sentence: usize,
    pub confidence: f32,
}

impl Claim {
    /// Status relative to `today`: a promise without a deadline stays open.
    pub fn status(&self, today: NaiveDate) -> ClaimStatus {
        match self.deadline {
            Some(d) if d < today => ClaimStatus::PastDue,
            Some(d) if d == today => ClaimStatus::Due,
            _ => ClaimStatus::Open,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(deadline: Option<NaiveDate>) -> Claim {
        Claim {
            kind: ClaimKind::Promise,
            speaker: None,
            speaker_code: None,
            span: Span::default(),
            trigger: Span::default(),
            made_on: None,
            deadline,
            deadline_timex: None,
            sentence: 0,
            confidence: 1.0,
        }
    }

    #[test]
    fn status_compares_deadline_with_query_day() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
        let c = claim(Some(d));
        assert_eq!(c.status(d.pred_opt().unwrap()), ClaimStatus::Open);
        assert_eq!(c.status(d), ClaimStatus::Due);
        assert_eq!(c.status(d.succ_opt().unwrap()), ClaimStatus::PastDue);
        assert_eq!(claim(None).status(d), ClaimStatus::Open);
    }
}
