//! A proposal's cost and the steps of its life.

use crate::pb::Money;

/// One line of a proposal's cost estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineItem {
    pub label: String,
    pub amount: Money,
}

pub const MAX_LINE_ITEMS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProposalError {
    #[error("a cost estimate needs at least one line")]
    NoItems,
    #[error("every line of the cost estimate must be more than zero")]
    NotPositive,
    #[error("too many lines in the cost estimate")]
    TooManyItems,
    #[error("the cost is too large")]
    TooLarge,
    #[error("this cannot be done in the proposal's current state or phase")]
    WrongState,
    #[error("the time to appeal has passed")]
    AppealTooLate,
}

impl ProposalError {
    pub fn code(self) -> &'static str {
        match self {
            ProposalError::NoItems => "budget.cost_required",
            ProposalError::NotPositive => "budget.cost_not_positive",
            ProposalError::TooManyItems => "budget.cost_too_many_items",
            ProposalError::TooLarge => "budget.cost_too_large",
            ProposalError::WrongState => "budget.proposal_wrong_state",
            ProposalError::AppealTooLate => "budget.appeal_too_late",
        }
    }
}

/// The total of a cost estimate: the sum of its lines, each more than zero.
pub fn cost_total(items: &[LineItem]) -> Result<Money, ProposalError> {
    if items.is_empty() {
        return Err(ProposalError::NoItems);
    }
    if items.len() > MAX_LINE_ITEMS {
        return Err(ProposalError::TooManyItems);
    }
    let mut total: i64 = 0;
    for item in items {
        if item.amount.grosze() <= 0 {
            return Err(ProposalError::NotPositive);
        }
        total = total
            .checked_add(item.amount.grosze())
            .ok_or(ProposalError::TooLarge)?;
    }
    // A trillion złoty is past any municipal budget; beyond it is a typing error.
    if total > 100_000_000_000_000 {
        return Err(ProposalError::TooLarge);
    }
    Ok(Money(total))
}

/// Images a proposal may carry by default, and how large each may be.
pub const MAX_IMAGES: usize = 3;
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// How much one person may add, so no account can fill a round or the database: the
/// installation's settings, with these defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProposalLimits {
    /// Proposals one person may submit in one round (withdrawn ones count: the limit
    /// is on submissions).
    pub per_person: u32,
    /// Images one proposal may carry.
    pub images: u32,
}

impl Default for ProposalLimits {
    fn default() -> Self {
        ProposalLimits {
            per_person: 10,
            images: MAX_IMAGES as u32,
        }
    }
}

impl ProposalLimits {
    /// Whether a person who has submitted `already` proposals in the round may add one.
    pub fn allows_proposal(self, already: i64) -> bool {
        already < i64::from(self.per_person)
    }

    /// Whether a proposal with `already` images may get another.
    pub fn allows_image(self, already: usize) -> bool {
        already < self.images as usize
    }
}

/// The type of an image, told by its first bytes (never by what the uploader claims):
/// PNG, JPEG or WebP; anything else is refused.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalStatus {
    /// Submitted; the author may edit it until submission closes.
    Submitted,
    Withdrawn,
    /// Verified positively (or on appeal): on the ballot.
    Accepted,
    /// Verified negatively, with a reason; the author may appeal.
    Rejected,
    /// The author appealed; waiting for the decision.
    Appealed,
}

impl ProposalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Submitted => "submitted",
            ProposalStatus::Withdrawn => "withdrawn",
            ProposalStatus::Accepted => "accepted",
            ProposalStatus::Rejected => "rejected",
            ProposalStatus::Appealed => "appealed",
        }
    }

    pub fn parse(s: &str) -> Option<ProposalStatus> {
        [
            ProposalStatus::Submitted,
            ProposalStatus::Withdrawn,
            ProposalStatus::Accepted,
            ProposalStatus::Rejected,
            ProposalStatus::Appealed,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }

    pub fn on_ballot(self) -> bool {
        self == ProposalStatus::Accepted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, grosze: i64) -> LineItem {
        LineItem {
            label: label.into(),
            amount: Money(grosze),
        }
    }

    #[test]
    fn the_total_is_the_sum_of_the_lines() {
        assert_eq!(
            cost_total(&[item("ławki", 1_200_000), item("montaż", 350_050)]),
            Ok(Money(1_550_050))
        );
        assert_eq!(cost_total(&[]), Err(ProposalError::NoItems));
        assert_eq!(cost_total(&[item("a", 0)]), Err(ProposalError::NotPositive));
        assert_eq!(
            cost_total(&[item("a", -5)]),
            Err(ProposalError::NotPositive)
        );
        assert_eq!(
            cost_total(&[item("a", i64::MAX), item("b", 1)]),
            Err(ProposalError::TooLarge)
        );
        let many: Vec<LineItem> = (0..51).map(|i| item(&i.to_string(), 1)).collect();
        assert_eq!(cost_total(&many), Err(ProposalError::TooManyItems));
    }

    #[test]
    fn image_types_come_from_the_bytes() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(image_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(image_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(image_type(b"<svg onload=alert(1)>"), None);
        assert_eq!(image_type(b""), None);
    }

    #[test]
    fn only_accepted_proposals_are_on_the_ballot() {
        assert!(ProposalStatus::Accepted.on_ballot());
        assert!(!ProposalStatus::Appealed.on_ballot());
        assert_eq!(
            ProposalStatus::parse("rejected"),
            Some(ProposalStatus::Rejected)
        );
    }
}
