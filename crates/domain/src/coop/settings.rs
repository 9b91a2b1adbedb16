//! What a cooperative's statute decides, as settings with the defaults of
//! Prawo spółdzielcze (DOMAIN.md §1). A statute change is a new statute version
//! carrying a new set of these; they are never edited in place.

use super::CoopError;
use crate::pb::Money;
use serde::{Deserialize, Serialize};

/// The body that hears an appeal against the board's refusal to admit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealBody {
    SupervisoryBoard,
    GeneralAssembly,
}

impl AppealBody {
    pub fn as_str(self) -> &'static str {
        match self {
            AppealBody::SupervisoryBoard => "supervisory_board",
            AppealBody::GeneralAssembly => "general_assembly",
        }
    }

    pub fn parse(value: &str) -> Option<AppealBody> {
        match value {
            "supervisory_board" => Some(AppealBody::SupervisoryBoard),
            "general_assembly" => Some(AppealBody::GeneralAssembly),
            _ => None,
        }
    }
}

/// How the part of a surplus left after the reserve fund is shared among members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurplusRule {
    /// In proportion to each member's paid-in shares (interest on shares).
    InterestOnShares,
    /// In proportion to each member's use of the cooperative (purchases, work, energy).
    ByUse,
}

impl SurplusRule {
    pub fn as_str(self) -> &'static str {
        match self {
            SurplusRule::InterestOnShares => "interest_on_shares",
            SurplusRule::ByUse => "by_use",
        }
    }

    pub fn parse(value: &str) -> Option<SurplusRule> {
        match value {
            "interest_on_shares" => Some(SurplusRule::InterestOnShares),
            "by_use" => Some(SurplusRule::ByUse),
            _ => None,
        }
    }
}

/// What members (not the board) see in the member register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembersSee {
    /// Every column, addresses included.
    Everything,
    /// Numbers, names, kinds, dates and shares; addresses only of legal persons (their seat).
    WithoutAddresses,
}

/// A fraction such as a quorum (1/2) or a majority (2/3), compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    pub const fn new(num: u32, den: u32) -> Fraction {
        Fraction { num, den }
    }

    /// A proper fraction: a positive denominator and at most one whole.
    pub fn is_valid(self) -> bool {
        self.den > 0 && self.num > 0 && self.num <= self.den
    }

    /// Whether this fraction is at least `other` (`num/den >= other.num/other.den`).
    pub fn at_least(self, other: Fraction) -> bool {
        u64::from(self.num) * u64::from(other.den) >= u64::from(other.num) * u64::from(self.den)
    }

    /// Reads `2/3` (spaces allowed around the slash); `None` for anything else.
    pub fn parse(text: &str) -> Option<Fraction> {
        let (num, den) = text.split_once('/')?;
        let digits = |t: &str| {
            let t = t.trim();
            (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse::<u32>().ok())
                .flatten()
        };
        let f = Fraction::new(digits(num)?, digits(den)?);
        f.is_valid().then_some(f)
    }

    /// The fraction as typed: `2/3`.
    pub fn to_text(self) -> String {
        format!("{}/{}", self.num, self.den)
    }

    /// Whether `part` of `whole` reaches the fraction (`part/whole >= num/den`).
    pub fn reached_by(self, part: u64, whole: u64) -> bool {
        u128::from(part) * u128::from(self.den) >= u128::from(whole) * u128::from(self.num)
    }
}

/// Every choice a statute makes that the platform applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoopSettings {
    /// Value of one share.
    pub share_value: Money,
    /// Shares a member must declare (the obligatory shares).
    pub min_shares: u32,
    /// Most shares one member may declare; `None`: no limit.
    pub max_shares: Option<u32>,
    /// Entry fee (wpisowe); goes to the reserve fund and is never refunded.
    pub entry_fee: Money,
    /// Days after admission to pay the declared shares.
    pub payment_days: u32,
    /// Days the board has to decide a declaration.
    pub decision_days: u32,
    pub appeal_body: AppealBody,
    /// Days after the refusal is sent within which the applicant may appeal.
    pub appeal_days: u32,
    /// Notice period for leaving, in months.
    pub exit_notice_months: u32,
    /// Months after the approval of the year's financial statements to refund shares.
    pub refund_months: u32,
    pub legal_persons_allowed: bool,
    pub proxies_allowed: bool,
    /// Share of the surplus that goes to the reserve fund while it is smaller than the
    /// paid-in obligatory shares, in percent (the law: at least 5).
    pub reserve_percent: u32,
    pub surplus_rule: SurplusRule,
    pub members_see: MembersSee,
    /// Quorum of the general assembly, of those entitled to vote.
    pub quorum: Fraction,
    /// Whether abstentions count among the votes cast.
    pub abstentions_count: bool,
    pub majority_statute_change: Fraction,
    pub majority_merger: Fraction,
    pub majority_liquidation: Fraction,
    /// Days of notice every member gets before a general assembly (the statute's; 14).
    pub notice_days: u32,
    /// Until how many days before the assembly its agenda takes additions after the
    /// notice (the statute's rule; 7 by default).
    pub agenda_addition_days: u32,
}

impl Default for CoopSettings {
    fn default() -> Self {
        CoopSettings {
            share_value: Money::from_zloty(100),
            min_shares: 1,
            max_shares: None,
            entry_fee: Money::from_zloty(50),
            payment_days: 30,
            decision_days: 30,
            appeal_body: AppealBody::SupervisoryBoard,
            appeal_days: 14,
            exit_notice_months: 3,
            refund_months: 1,
            legal_persons_allowed: true,
            proxies_allowed: true,
            reserve_percent: 5,
            surplus_rule: SurplusRule::InterestOnShares,
            members_see: MembersSee::WithoutAddresses,
            quorum: Fraction::new(1, 2),
            abstentions_count: false,
            majority_statute_change: Fraction::new(2, 3),
            majority_merger: Fraction::new(2, 3),
            majority_liquidation: Fraction::new(3, 4),
            notice_days: 14,
            agenda_addition_days: 7,
        }
    }
}

/// Longest period a statute setting may name, in days (ten years), so that dates stay sane.
const MAX_DAYS: u32 = 3650;

impl CoopSettings {
    /// Checks the settings against the law: a positive share value, at least one
    /// obligatory share, a maximum not below the minimum, no negative fee, at least 5%
    /// to the reserve fund, proper fractions.
    pub fn validate(&self) -> Result<(), CoopError> {
        let days_ok = [
            self.payment_days,
            self.decision_days,
            self.appeal_days,
            self.exit_notice_months.saturating_mul(31),
            self.refund_months.saturating_mul(31),
            self.notice_days,
        ]
        .iter()
        .all(|d| *d <= MAX_DAYS);
        let ok = self.share_value.grosze() > 0
            && self.min_shares >= 1
            && self.max_shares.is_none_or(|m| m >= self.min_shares)
            && self.entry_fee.grosze() >= 0
            && self.decision_days >= 1
            && self.appeal_days >= 1
            && self.notice_days >= 1
            && self.agenda_addition_days <= self.notice_days
            && (5..=100).contains(&self.reserve_percent)
            && days_ok
            && [
                self.quorum,
                self.majority_statute_change,
                self.majority_merger,
                self.majority_liquidation,
            ]
            .iter()
            .all(|f| f.is_valid())
            // The law's majorities are a floor: a statute may ask for more, never less.
            && self.majority_statute_change.at_least(Fraction::new(2, 3))
            && self.majority_merger.at_least(Fraction::new(2, 3))
            && self.majority_liquidation.at_least(Fraction::new(3, 4));
        if ok {
            Ok(())
        } else {
            Err(CoopError::BadSettings)
        }
    }

    /// Whether `shares` is a number of shares a member may declare in total.
    pub fn check_shares(&self, shares: u32) -> Result<(), CoopError> {
        if shares < self.min_shares {
            return Err(CoopError::SharesTooFew);
        }
        if self.max_shares.is_some_and(|m| shares > m) {
            return Err(CoopError::SharesTooMany);
        }
        Ok(())
    }

    /// The value of `shares` shares.
    pub fn value_of(&self, shares: u32) -> Money {
        Money(self.share_value.grosze().saturating_mul(i64::from(shares)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_read_and_the_law_sets_a_floor() {
        assert_eq!(Fraction::parse("2/3"), Some(Fraction::new(2, 3)));
        assert_eq!(Fraction::parse(" 3 / 4 "), Some(Fraction::new(3, 4)));
        for bad in ["", "2", "0/3", "4/3", "1/0", "-1/2", "1.5/2", "2/3/4"] {
            assert_eq!(Fraction::parse(bad), None, "{bad}");
        }
        assert!(Fraction::new(3, 4).at_least(Fraction::new(2, 3)));
        assert!(Fraction::new(4, 6).at_least(Fraction::new(2, 3)));
        assert!(!Fraction::new(3, 5).at_least(Fraction::new(2, 3)));
        let stricter = CoopSettings {
            majority_statute_change: Fraction::new(3, 4),
            quorum: Fraction::new(1, 3),
            ..CoopSettings::default()
        };
        assert_eq!(stricter.validate(), Ok(()));
        let lower = CoopSettings {
            majority_liquidation: Fraction::new(2, 3),
            ..CoopSettings::default()
        };
        assert_eq!(lower.validate(), Err(CoopError::BadSettings));
    }

    #[test]
    fn defaults_follow_the_law() {
        let s = CoopSettings::default();
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(s.quorum, Fraction::new(1, 2));
        assert_eq!(s.majority_liquidation, Fraction::new(3, 4));
        assert_eq!(s.value_of(3), Money(30_000));
    }

    #[test]
    fn bad_settings_are_refused() {
        let bad = [
            CoopSettings {
                share_value: Money(0),
                ..CoopSettings::default()
            },
            CoopSettings {
                min_shares: 0,
                ..CoopSettings::default()
            },
            CoopSettings {
                min_shares: 3,
                max_shares: Some(2),
                ..CoopSettings::default()
            },
            CoopSettings {
                reserve_percent: 4,
                ..CoopSettings::default()
            },
            CoopSettings {
                quorum: Fraction::new(3, 2),
                ..CoopSettings::default()
            },
            CoopSettings {
                entry_fee: Money(-1),
                ..CoopSettings::default()
            },
        ];
        for s in bad {
            assert_eq!(s.validate(), Err(CoopError::BadSettings), "{s:?}");
        }
    }

    #[test]
    fn shares_within_the_statute() {
        let s = CoopSettings {
            min_shares: 2,
            max_shares: Some(10),
            ..CoopSettings::default()
        };
        assert_eq!(s.check_shares(0), Err(CoopError::SharesTooFew));
        assert_eq!(s.check_shares(1), Err(CoopError::SharesTooFew));
        assert_eq!(s.check_shares(2), Ok(()));
        assert_eq!(s.check_shares(10), Ok(()));
        assert_eq!(s.check_shares(11), Err(CoopError::SharesTooMany));
    }

    #[test]
    fn fractions_compare_exactly() {
        let two_thirds = Fraction::new(2, 3);
        assert!(two_thirds.reached_by(2, 3));
        assert!(!two_thirds.reached_by(199, 300));
        assert!(two_thirds.reached_by(200, 300));
        assert!(Fraction::new(1, 2).reached_by(5, 10));
        assert!(!Fraction::new(1, 2).reached_by(4, 9));
    }

    #[test]
    fn old_settings_read_with_defaults_for_new_fields() {
        let s: CoopSettings = serde_json::from_str(r#"{"share_value": 5000}"#).unwrap();
        assert_eq!(s.share_value, Money(5000));
        assert_eq!(s.min_shares, 1);
    }
}
